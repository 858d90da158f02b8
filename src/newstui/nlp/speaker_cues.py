"""Speaker attribution's word lists and patterns: speech verbs, reporting and credit cues, titles, clause shapes, and the Mention record the finder keeps."""

from __future__ import annotations

import re
from functools import lru_cache
from types import FunctionType
from typing import TYPE_CHECKING, Final

from newstui.model import Entity
from newstui.nlp.entities import DOTTED_TITLES, SPEECH_OPENERS
from newstui.nlp.quotes import QuoteSpan
from newstui.nlp.segment import (
    LiteralGuard,
    OpeningGuard,
    WordStartSearch,
    _is_blank_at,
    _is_word_at,
    _word_run_end_in,
    literal_heads,
    one_byte_copy,
    opens_word_in,
    word_char_from,
)

if TYPE_CHECKING:  # mypyc's native 64-bit integer; plain int when run as Python
    from mypy_extensions import i64

# The attribution verbs: speaking and writing, in every form a news sentence uses them.
_VERBS: Final = (
    "said|says|say|saying|told|tells|telling|added|adds|adding|stated|states|stating|explained|"
    "explains|explaining|noted|notes|noting|wrote|writes|writing|argued|argues|arguing|insisted|"
    "insists|insisting|warned|warns|warning|claimed|claims|claiming|asked|asks|replied|replies|"
    "continued|continues|declared|declares|declaring|announced|announces|acknowledged|admitted|"
    "admits|recalled|recalls|recalling|remarked|stressed|stresses|emphasised|emphasized|suggested|"
    "suggests|urged|urges|conceded|agreed|complained|predicted|posted|tweeted|tweets|tweeting|"
    "cautioned|confirmed|accused|called|calls|calling|described|describes|describing|"
    "characterised|characterized|defended|defends|defending|thanked|thanks|thanking|praised|"
    "praises|praising|criticised|criticized|criticises|criticizes|condemned|condemns|responded|"
    "responds|commented|comments|testified|vowed|vows|pledged|promised|demanded|reported|reports|observed|"
    "concluded|countered|reiterated|asserted|maintained|contended|alleged|denied|denies|dismissed|"
    "labelled|labeled|dubbed|hailed|welcomed|lamented|blasted|slammed|decried|questioned|wondered|"
    "shouted|chanted|quipped|joked|mentioned|spoke|talked|referred to|expressed|announcing|"
    "opined|opines|pointed out|points out|insisted|remarked|remarking|explaining|"
    "elaborated|affirmed|assured|recounted|reflected|urging|posting|adding|exclaimed|exclaims|"
    "underlined|underlines|went on to add|goes on to add|went on to state|"
    # "Lee went on to call the order “long overdue”": what the speaker said next
    "went on to call|goes on to call|went on to describe|goes on to describe|"
    "assailed|accusing|cited|"
    "reacted|reacts|reacting|confirming|confirms|believes|regards|regarded|ruled|"
    # the plural present ("The proposals cite", "They reiterate", "officials warn") and verbs
    # of answering and labelling ("Moss retorted", "The air force branded as")
    "cite|cites|reiterate|reiterates|argue|insist|warn|explain|admit|acknowledge|claim|"
    "acknowledges|contend|contends|assert|asserts|concede|concedes|allege|alleges|"
    "concurred|concurs|retorted|answered|branded|brands|informed|informs|"
    # verbs of opinion and of putting words on something ("Topol agrees that", "Iriti thinks",
    # "Dreeben likened it to", "Bush proclaimed", "quoted as responding")
    "agrees|thinks|predicts|threatened|likened|discussed|proclaimed|responding|"
    # verbs of making known ("Swan revealed in a question to the Treasurer that")
    "revealed|reveals|revealing|"
    "recommends|recommended|recommending|documented|"
    "reaffirmed|reaffirms|written|blamed|blames|asking|ordered|predicting|disagreed|"
    # more finite forms of English reporting verbs ("Casella conveyed", "the Times recollects
    # that", "Parker confesses"); not those whose first sense is doing, not saying ("mentions",
    # "maintains", "threatens", "concludes"), nor participles, which take a later subject
    "assures|boasted|boasts|complains|confessed|confesses|conveyed|conveys|discloses|"
    "emphasises|emphasizes|hinted|objected|observes|proclaims|recollects|recollected|reckons|"
    "reckoned|underscored|underscores|retorts|quips|affirms|mused|elaborates|recounts|"
    "speculated|speculates|"
    # verbs of making plain and of raising one's voice ("Reid clarified that", "Lee indicated
    # that", "yelled Rep. Moss")
    "clarified|clarifies|indicated|indicates|yelled|screamed|"
    # verbs of counselling ("“…,” Byers advised", "Moss advised the colonel, “…”")
    "advised|advises|"
    # "state" and "talks" are nouns as often: only after "did"/"does" ("he did state that …")
    # or before "about" ("in the tape, Bin Laden talks about the “…”")
    "did state|does state|talks about|speaks about|"
    "According to|according to|In the words of|in the words of"
)


def literal_alternation(phrases: str) -> str:
    """A regex matching exactly the "|"-separated literal `phrases`, written as a tree of
    their common beginnings ("sa(?:id|y(?:ing|s)?)…"): the regex engine tries a flat
    alternation's every phrase at every character (four times slower on 200 verbs). Both
    choose the same match when no phrase is another one plus a tail that starts with a
    non-word character and every use ends with \\b (tests/nlp/test_fast_paths.py checks)."""
    tree: dict[str, dict] = {}
    for phrase in phrases.split("|"):
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def written(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + written(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:  # a phrase ends here and longer ones go on
            return f"(?:{body})?"
        return body

    return written(tree)


_VERB_ALTERNATION: Final = literal_alternation(_VERBS)
VERB: Final = re.compile(rf"\b(?:{_VERB_ALTERNATION})\b")
# The first word of each verb: a match of VERB opens with the whole word there (or, at the end
# of the window searched, with all of the word the window holds)
_VERB_HEADS: Final = frozenset(phrase.split(" ")[0] for phrase in _VERBS.split("|"))
_VERB_HEAD_MOST: Final = max(map(len, _VERB_HEADS))


def _head_pairs(heads: frozenset[str]) -> list[int]:
    """By the codes of a head's first two characters (128 * first + second, both ASCII): the
    lengths of the heads opening with them, as bits (bit n: a head of n characters)."""
    table = [0] * (128 * 128)
    for head in heads:
        if len(head) >= 2 and ord(head[0]) < 128 and ord(head[1]) < 128:
            table[ord(head[0]) * 128 + ord(head[1])] |= 1 << len(head)
    return table


_VERB_HEAD_PAIRS: Final = _head_pairs(_VERB_HEADS)
# whether a head is one character long or opens beyond ASCII (then every word is looked up)
_VERB_HEADS_ODD: Final = any(len(h) < 2 or not h[:2].isascii() for h in _VERB_HEADS)


def verb_matches(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The matches of `VERB.finditer(text, start, end)` (end None: the text's end), in order."""
    stop = len(text) if end is None else end
    if not _COMPILED:
        return list(VERB.finditer(text, start, stop))
    return verbs_at_word_starts(text, start, stop, -1)


def verb_search(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """`VERB.search(text, start, end)` (end None: the text's end)."""
    stop = len(text) if end is None else end
    if not _COMPILED:
        return VERB.search(text, start, stop)
    found = verbs_at_word_starts(text, start, stop, 1)
    return found[0] if found else None


def verbs_at_word_starts(text: str, start: int, end: int, most: int) -> list[re.Match[str]]:
    """The first `most` (-1: all) matches of `VERB.finditer(text, start, end)`, VERB tried
    only at the start of a word that opens a verb. The search tries the pattern (led by \\b, so
    with no first characters to skip to) at every character, about 300 instructions each in
    a head of a sentence; compiled, this reads a character in a few. A match opens where a word
    does (\\b, then a letter) with one of _VERB_HEADS, cut at `end` when the word goes on."""
    found: list[re.Match[str]] = []
    size: i64 = min(end, len(text))
    base: i64 = max(start, 0)  # the window's offset: read from its one-byte copy
    window = text[base:size] if base < size else ""
    data = one_byte_copy(window)
    i = word_char_from(data, window, 0, len(data))
    while i < len(data):
        word_end: i64 = _word_run_end_in(data, window, i + 1, len(data))
        if (
            opens_word_in(data, window, text, base, i)
            and word_end - i <= _VERB_HEAD_MOST
            and _may_be_head(window, i, word_end - i)
            and window[i:word_end] in _VERB_HEADS
        ):
            match = VERB.match(text, i + base, size)
            if match is not None:
                found.append(match)
                if len(found) == most:
                    break
                i = word_char_from(data, window, match.end() - base, len(data))
                continue
        i = word_char_from(data, window, word_end, len(data))
    return found


def _may_be_head(text: str, i: i64, length: i64) -> bool:
    """Whether the word of `length` characters at `i` may be one of _VERB_HEADS: a head of that
    length opens with its first two characters (most words are turned away without their copy
    and its look-up in the set)."""
    if _VERB_HEADS_ODD:
        return True
    if length < 2:
        return False
    first: i64 = ord(text[i])
    second: i64 = ord(text[i + 1])
    if first >= 128 or second >= 128:
        return False  # every head opens with two ASCII characters
    return (_VERB_HEAD_PAIRS[first * 128 + second] >> length) & 1 == 1


# A name right before its attribution verb: "Reid wrote", "Reid also said", "Reid, 41, said".
# A time phrase between a subject and its verb ("Lee on Thursday said", "Lee yesterday told")
_WHEN: Final = (
    r"(?:(?:on|last|this|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|night|morning|afternoon|evening)|yesterday|today|tonight)"
)
# ("President Lee on Thursday told NBC": a time between the name and its verb)
SPEECH_AFTER: Final = OpeningGuard(
    re.compile(
        rf"(?:,[^,.]{{1,40}},)?(?:\s+{_WHEN})?"
        rf"(?:\s+(?:also|then|later|has|had|have|was|is|once|often|[a-z]+ly))*"
        rf"\s+(?:{_VERB_ALTERNATION})\b"
    )
)
_PARTICIPLE_OR_ACCORDING: Final = re.compile(
    r"ing$|^according to$|^in the words of$", re.IGNORECASE
)
_CREDITING: Final = ("according to", "in the words of")
_PRONOUNS: Final = {"he": "m", "she": "f", "him": "m", "her": "f", "it": "it", "its": "it"}
_UNNAMED_OPENERS: Final = OpeningGuard(
    re.compile(r"^\W*(?:a|an|one|another|two|three|some|several)\b", re.IGNORECASE)
)
# Prepositions of place: "a student from Kibera", "an official in Port Sudan" say where an
# unnamed speaker is, not who speaks.
_LOCATIVE: Final = frozenset("from in near at".split())
# "The masked man on the video said", "The IATA boss said that": a sentence whose subject is a
# description of one person (a role or a plain noun), not a name.
_DESCRIBED_SUBJECT: Final = OpeningGuard(
    re.compile(
        r"^\W*(?:[A-Z]\w*(?: \w+){0,3}, )?[Tt]he\s+((?:[\w.'’-]+\s+){0,3}?)([a-z-]+)"
        rf"(?:\s(?:on|in|at|from|of)\s[^,.;:]{{1,30}}?)?(?:\s+(?:also|later|then))?\s+(?:{_VERB_ALTERNATION})\b"
    )
)
_PERSON_NOUNS: Final = frozenset("man woman boy girl person".split())
# Who belongs to a body without speaking for it: "a Kyrgyz National University student said"
_MEMBER_NOUNS: Final = frozenset(
    "student students pupil pupils alumnus graduate employee employees worker workers member "
    "members fan fans supporter supporters customer customers passenger passengers patient "
    "patients resident residents volunteer volunteers".split()
)
# What an article itself says of a person's sex: a title right before the name ("Ms Lee",
# "Mullah Omar") or the noun of an appositive right after it ("Lee, a spokeswoman for")
_GENDERED_TITLES: Final = {
    **dict.fromkeys("Mr Mr. Sir Lord King Prince Mullah Father Brother".split(), "m"),
    **dict.fromkeys("Mrs Mrs. Ms Ms. Miss Lady Queen Princess Dame Madam Sister".split(), "f"),
}
_GENDERED_NOUNS: Final = {
    **dict.fromkeys(
        "spokesman businessman congressman councilman chairman actor husband father son "
        "brother widower grandfather boyfriend nephew uncle king prince".split(),
        "m",
    ),
    **dict.fromkeys(
        "spokeswoman businesswoman congresswoman councilwoman chairwoman actress wife mother "
        "daughter sister widow grandmother girlfriend niece aunt queen princess".split(),
        "f",
    ),
}
_LIST_GOES_ON: Final = re.compile(r",?\s+(?:and|or)\b|,\s+[a-z][\w-]*(?:,|\s+and\b)")
# ", a spokeswoman for …", ", his wife,": the head noun of an appositive (its last word before
# a preposition or the appositive's end)
_APPOSITIVE_NOUN: Final = OpeningGuard(
    re.compile(
        r",\s+(?:a|an|the|his|her)\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)(?=\s+(?:for|of|at|in|to|with)\b|[,;.)])"
    )
)
# Words before a role that say when, not which: "the former minister" is the minister named before
_TIME_QUALIFIERS: Final = frozenset(
    "former then new current outgoing incoming acting interim late".split()
)
# "the young North Korean leader", "the embattled president": words that describe the holder,
# not which role ("the local health minister" is another one)
_DESCRIBING_QUALIFIERS: Final = frozenset(
    "young younger elderly ageing aging veteran embattled beleaguered outspoken controversial "
    "popular charismatic".split()
)
# "the newly elected governor", "the recently appointed coach": when, not which; only with a
# participle of taking office ("the recently sacked coach" is another one)
_TIME_ADVERBS: Final = frozenset("newly recently freshly".split())
_TAKING_OFFICE: Final = frozenset(
    "elected appointed inaugurated installed named chosen confirmed sworn re-elected".split()
)
# "The former president attacked …": a qualifier that makes the role another holder's
# "the now-governor", "the then-minister", "the ex-president": the role, when held
_TIME_PREFIX: Final = re.compile(r"^(?:now|then|ex)-(?=[a-z])")
# The bodies a country speaks through: "the government of Georgia", "the foreign ministry of Ghana"
_GOVERNING_NOUNS: Final = frozenset("government ministry cabinet".split())
_OTHER_HOLDER: Final = frozenset("former outgoing previous opposing rival late".split())
# ", who grew up in Murcia,": a relative clause inside a subject, not the subject
_RELATIVE: Final = OpeningGuard(re.compile(r"\s*(?:who|whose|whom|which)\b"))
# "A company spokesman": the body a spokesperson speaks for, named by its kind
_BODY_SPOKESPERSON: Final = OpeningGuard(
    re.compile(
        r"^\s*(?:a|an|the)\s+(\w+)\s+(?:spokesperson|spokesman|spokeswoman)\s*$", re.IGNORECASE
    )
)
_AUX: Final = frozenset(
    "also later then has had have was is previously further again earlier".split()
)
# Adverbs between a subject and its verb: "she once said", "he often said", "Moss quickly added"
_ADVERB: Final = OpeningGuard(re.compile(r"once|often|[a-z]{2,}ly"))
# The verbs of a source speaking inside a clause of reported speech ("reported its source said")
_NESTED_SAYING: Final = frozenset("said says say told tells".split())
# The pronouns that may be the subject of a verb inside a clause of reported speech
_SUBJECT_PRONOUNS: Final = frozenset("he she it they we i you".split())
_SPEAKING_ORG_NOUNS: Final = frozenset(
    "agency company firm group organisation organization regulator bank club union party ministry department "
    "government police army military court council authority commission office board charity network "
    "committee foundation association institute tribunal panel".split()
)
# What "the Syrian army", "the Israeli side" may name as a group of speakers: the bodies above
# and collectives of people ("the Syrian request", "the British newspaper" name no group)
_DESCRIBED_SPEAKERS: Final = _SPEAKING_ORG_NOUNS | frozenset(
    "embassy consulate delegation leadership side administration regime navy presidency "
    "mission parliament senate team campaign camp media press force".split()
)
# Between two quotations of one list: '“…”, “…”', '“…” and “…”', '“…,” “…”'
_LISTED_GAP: Final = re.compile(r"[ \t,;]*(?:(?:and|or|but),?\s+)?")
# How a quote's speaker was found (SpeakerFinder.how) when no credit of its own named it
_UNCREDITED: Final = frozenset(("before", "short", "nobody", "context"))
# Verbs after which a name may be the speaker ("said Mensah:"); after "told" or "asked" it is the
# listener ("Mensah told Reuters:").
_SAY_THEN_SPEAKER: Final = frozenset(
    "said says added adds wrote writes replied continued tweeted posted stated states declared "
    "explained explains".split()
)
# "Moss tweeted a tribute to Reid:", "posted a message for Reid's family,": after a verb with
# a subject of its own, an object noun phrase (not a role: "said a spokesman for Acme, …") whose
# name is not the speaker
_VERB_OBJECT_PHRASE: Final = re.compile(
    r"\s*(?:a|an|the|his|her|its|their|this|that|these|my|our)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"([a-z][\w-]*)\s+(?:to|for|about|on|of|from|with)\s"
)
# Between a person's name and a noun describing them: "Bernard Madoff, the disgraced "
_DESCRIBED_AFTER_COMMA: Final = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}")
# "When an official said “…”": a subordinate clause whose verb of saying leads into the quotation
_SUBORDINATE_SAID: Final = OpeningGuard(
    re.compile(
        r"\W*(?:When|After|Before|While|Although|Though|If|Because|Once|Until|As)\s[^,;:.]{1,60}?\s"
        r"(?:said|says|asked|asks|replied|added|told\s+\w+)\s*,?\s*$"
    )
)
# "When Reed arrived, the crowd chanted “…”": a subordinate clause opening the sentence, up to its
# comma; a name only inside it is not the main clause's subject
_SUBORDINATE_OPENER: Final = re.compile(
    r"\W*(?:When|After|Before|While|Although|Though|If|Because|Once|Until|As|Since)\s[^,;:]{1,80}?,"
)
# a pronoun subject after such a clause ("When Reed arrived, he said …") names its subject again
_SUBJECT_PRONOUN_WORD: Final = re.compile(r"\b(?:he|she|they|He|She|They)\b")
# ", said Lee." closing a sentence: the credit of all the sentence says, fragments included
_SENTENCE_CREDIT: Final = re.compile(
    rf"(?:,|,?[”\"])\s+(?:{'|'.join(sorted(_SAY_THEN_SPEAKER))})\s+((?:[^,;:.!?]|\.(?=\S|\s[A-Z])){{2,60}})"
    # ", said a spokesman for the State Department, Tom Casey.": the role's holder after it
    r"(?:,\s+([A-Z][^,;:!?]{1,40}?))?[.!?]?\s*$"
)
_CLOSING_MARKS: Final = ("”", '"', "’", "'")
# A statement quoted as written: "Moss's statement read:", "the decree signed by X read".
# ("Moss last updated his Twitter account on Tuesday, which read, “…”": a page's words)
_STATEMENT_READ: Final = re.compile(
    r"\b(statement|decree|letter|message|post|tweet|note|notice|announcement|opinion|ruling|"
    r"release|proclamation|summary|judgment|judgement|verdict|account|blog)\b[^.;]{0,160}"
    r"\b(?:read|reads|says|said|stated|states)(?:\s+in\s+part)?\s*[,:]?\s*$"
)
# A court's written texts: "The summary of the decision read:" is the article's one court's
_COURT_TEXTS: Final = frozenset("summary judgment judgement verdict ruling opinion".split())
# What the head before a quote ends with (but spaces and one colon or comma) when _STATEMENT_READ
# matches.
_STATEMENT_READ_ENDS: Final = ("read", "reads", "says", "said", "stated", "states", "part")
# "on Apple's website", "on Moss's Twitter account": the owner of the page a text is posted on
_PLATFORM_OWNED: Final = re.compile(
    r"['’]s?\s+(?:official\s+)?(?:website|web\s+site|site|homepage|page|account|blog|channel|"
    r"Twitter|Facebook|Instagram|YouTube)\b"
)
# "A statement on the Acme web site said", "a message posted on Acme's website says": a written
# text that is the verb's subject, on a page whose owner (group 1 ends with its name) wrote it
_TEXT_ON_PAGE: Final = OpeningGuard(
    re.compile(
        r"^\s*(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:statement|message|post|notice|announcement|"
        r"release|letter|note)\s+(?:(?:posted|published|put\s+up)\s+)?on\s+(?:the\s+)?"
        r"([^,;:.]{2,80}?)\.?(?:['’]s?)?\s+(?:official\s+)?(?:website|web\s+site|homepage|web\s+page|"
        r"page|account|blog)\s*(?:,[^,;:.]{1,60},)?\s*$"
    )
)
# "a statement by Ann Lee in May that “…”", "the claim from Acme that": nouns of speech whose
# owner follows "by"/"from" (_CLAIM_OWNER_TAIL, from the blank before it), leading into a quotation
_CLAIM_NOUNS: Final = frozenset(
    "statement remark remarks comment comments claim claims declaration pledge promise vow "
    "assertion accusation allegation assurance warning suggestion insistence admission threat "
    "demand plea appeal".split()
)
_CLAIM_OWNER_TAIL: Final = re.compile(r"\s(?:by|from)\s[^,;:.!?“”\"]{2,85}?\s(?:that|to)\s*$")
# "A report released by the Acme Institute found that": a written text opening the clause,
# whose author follows it ("issued by", "by", "from": `_issuer_after` from the noun's end)
_TEXT_SUBJECT: Final = OpeningGuard(
    re.compile(
        r"^\W*(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:statement|report|letter|release|study|survey|"
        r"review|memo|paper|document|communiqu[eé]|declaration|resolution|decree|notice|bulletin|"
        r"announcement|message|ruling|analysis|audit)(?=s?\s+(?:[\w-]+\s+)?(?:by|from)\s)"
    )
)
# "Spokesman Ann Lee made a statement that": the subject's own statement leading into the quote
_MADE_STATEMENT: Final = re.compile(
    r"\b(?:made|issued|released|put\s+out|published)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
    r"(?:statement|announcement|declaration)\s+that\s"
)
# "Peter Hain gave his response, “…”", "Ahern also gave his feelings on Paisley, “…”": a view
# given, right before the quotation, by the clause's subject
_GAVE_VIEW: Final = re.compile(
    r"\bgave\s+(?:his|her|their)\s+(?:own\s+)?(?:response|reaction|feelings|views?|opinion|"
    r"thoughts|verdict|assessment|answer)\b[^.;:,]*[,:]\s*$"
)
# '“…,” angrily said Ann Lee': one adverb between the quotation and an inverted verb
_LONE_ADVERB: Final = re.compile(
    r"[\s,]*(?!(?:only|likely|family|ally|rally|early)\s)[a-z]{2,}ly\s+"
)
# "It read, “…”" after "Acme released a statement.": the statement of the sentence before
_IT_READ: Final = OpeningGuard(
    re.compile(r"^\W*(?:It|it|This|this)\s+(?:also\s+)?(?:read|reads)(?:\s+in\s+part)?\s*[,:]?\s*$")
)
_WRITTEN_NOUN: Final = re.compile(
    r"\b(statement|letter|message|post|tweet|notice|announcement|release)\b"
)
# "Moss's response was, “…”", "Reid's reaction to the verdict was:": the owner speaks
_OWNER_WAS: Final = re.compile(
    r"(?:^|[,;]\s|\b(?:and|but)\s)([^,.;]{2,60}?)['’]s?\s+(?:\w+\s+)?"
    r"(?:response|reaction|reply|answer|message|comment|words|verdict)"
    r"(?:\s+(?:to|on|about|of)\s+[^,.;]{1,40}?)?\s+(?:was|were|read|reads)\s*[,:]?\s*$"
)
# "…welcomed by Moss, who said it was “…”": the name before ", who" is the relative's subject
# " of Creative Strategies": a person's body right after the name
_PERSON_OF_BODY: Final = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?")
# " of the city's office": words after a person that place the person
_PERSON_PLACED: Final = re.compile(r",?\s+(?:of|from|at)\s")
_WHO_BEFORE_VERB: Final = re.compile(
    r",\s+who(?:\s+(?:also|later|then|had|has|have|was|is|previously|further))*\s+$"
)
# " and House Speaker ": "and" between two names, and the titles of the second
_AND_TITLES: Final = re.compile(r"\s+and\s+(?:[A-Z][\w.-]*\s+)*")
# ", an expert at ": an appositive after a name, up to the body it names
_APPOSITIVE_UNTIL: Final = re.compile(r",\s(?:a|an|the|its|his|her|their)\s[^,;.]*")
# "… and said", "… and later added": a verb sharing the clause's subject with the verb before it
_AND_VERB: Final = re.compile(
    r"(?:[^,]\s+and|,?\s+but)(?:\s+(?:also|later|then|has|had|have))*\s+$"
)
# "He alleged that Iran had a plan, and said": ", and" before a verb with no subject of its
# own; the clause between may hold other names, so only a sole candidate is its subject
_COMMA_AND_VERB: Final = re.compile(r",\s+and(?:\s+(?:also|later|then|has|had|have))*\s+$")
# "a statement from the", "the report by": a written text and the preposition naming its author
_WRITTEN_FROM: Final = OpeningGuard(
    re.compile(
        r"\s*(?:an?|the|its|their|his|her)\s+(?:\w+\s+)?(?:statement|letter|report|release|"
        r"announcement|message|post|tweet|note)\s+(?:from|by|of)\s+(?:the\s+)?"
    )
)
# "The letter, signed by Moss,": the agent of these verbs is the author of what is said
_AUTHORED_BY: Final = frozenset("signed written authored issued sent".split())
_PRONOUN_OPENS: Final = re.compile(r"^\W*(?:he|she|He|She)\s")
_NOT_SUBJECT: Final = frozenset(
    "and but or then so because which that as in on to for with while if".split()
)
# '“…,” reads Judge Moss's statement': a written text's owner after the quote
_READS_OWNER: Final = (
    r"\b(?:reads|read|says|said|states|stated)\s+([^,.;]{2,60}?)['’]s?\s+"
    r"(?:\w+\s+)?(?:statement|letter|ruling|judgment|judgement|opinion|decision|post|tweet|"
    r"message|report|note|announcement)\b"
)
_READS_STATEMENT: Final = OpeningGuard(re.compile(rf"^[\s,]*{_READS_OWNER}"))
# '“…,” reads Judge Moss's statement, “…”': the same frame before the quote it opens
_READS_STATEMENT_BEFORE: Final = re.compile(rf"{_READS_OWNER}\s*[,:]\s*$")
_READS_STATEMENT_SEARCH: Final = WordStartSearch(_READS_STATEMENT_BEFORE)  # from its verbs only
_PHRASE_STOP: Final = re.compile(
    r"[,;:()]|\s(?:who|which|that|as|in|on|at|after|before|during|when|while|to|from)\s"
)


_ON_BEHALF: Final = re.compile(
    r"\b(?:spokesperson|spokesman|spokeswoman|representative)\s+(?:for|of|from|at)\s+the\s+(\w+)\s*$",
    re.IGNORECASE,
)
_ON_BEHALF_NEEDS: Final = LiteralGuard(_ON_BEHALF)


# Verbs that put a label on something: the quoted label after them is the subject's word.
_LABEL: Final = re.compile(
    r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|"
    r"referr(?:ed|ing) to|refers to|dubb?(?:ed|s|ing)?|label(?:l?(?:ed|ing)|s)?|brand(?:ed|s)|term(?:ed|s))\b"
)
# "continues to call the war a", "refuses to describe it as": a label given as a habit or refused
# ("went on to call the order “long overdue”" gives it: what was said next)
_INFINITIVE_LABEL: Final = re.compile(
    r"\b(?<!\bon\s)to\s+(?:call|describe|label|brand|dub|term|characteri[sz]e|refer\s+to)\b[^.;:!?]{0,60}$"
)
# 'warned of “life-threatening” waves', 'spoke about a “turning point”': what a speech verb is about
_SPEECH_ABOUT: Final = re.compile(
    r"\b(?:warn(?:s|ed|ing)?|sp(?:oke|eaks?|eaking)|talk(?:s|ed|ing)?|complain(?:s|ed|ing)?|"
    r"boast(?:s|ed|ing)?)\s+(?:of|about|against)\b"
    r"|\bcomment(?:s|ed|ing)?\s+on\b"
)
# 'Acme justified the strike as “defensive”', 'citing it as “only the beginning”': a verb that
# judges something "as" the fragment right after it; its subject used those words
_LABEL_AS: Final = re.compile(
    r"\b(?:justif(?:y|ies|ied|ying)|hail(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|"
    r"dismiss(?:es|ed|ing)?|condemn(?:s|ed|ing)?|cit(?:e|es|ed|ing)|brand(?:s|ed|ing)?|"
    r"reject(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|portray(?:s|ed|ing)?|characteri[sz](?:e|es|ed|ing))\b"
    r"[^.;:!?]{0,60}?\bas\s+(?:an?\s+|the\s+)?$"
    # 'Acme regarded the talks as “…”', 'Moss declared himself “…”', 'accused Acme of “…”'
    # (the nouns take a preposition: "a pipeline view to tag it as", "with regard to")
    r"|\b(?:regard(?:s|ed|ing)?|view(?:s|ed|ing)?)\b(?!\s+(?:to|of|on|from)\b)"
    r"[^.;:!?]{0,60}?\bas\s+(?:an?\s+|the\s+)?$"
    r"|\b(?:declar|profess|proclaim|introduc)(?:e|es|ed|ing)\s+(?:himself|herself|themselves|itself)"
    r"\s+(?:as\s+)?(?:an?\s+|the\s+)?$"
    r"|\baccus(?:e|es|ed|ing)\b[^.;:!?]{0,60}?\bof\s+(?:being\s+)?(?:an?\s+|the\s+)?$"
    # 'Moss labelled Acme as a “…”', 'Moss casts himself as the “…”', 'sees himself as Lee's “…”'
    r"|\blabel(?:s|l?ed|l?ing)\b[^.;:!?]{0,60}?\bas\s+(?:an?\s+|the\s+)?$"
    r"|\b(?:cast(?:s|ing)?|sees?|saw|seeing|present(?:s|ed|ing)?)\s+"
    r"(?:himself|herself|themselves|itself)\s+as\s+(?:an?\s+|the\s+|[A-Z][\w-]*['’]s\s+)?$"
)
# "According to Moss, the storm will be “very dangerous”": the sentence is credited to Moss
_ACCORDING_OPENS: Final = OpeningGuard(
    re.compile(r"^\W*(?:[Aa]ccording to|[Ii]n the words of)\s([^,;:]+)")
)
# '“…”, to quote Canada's CTV News.': the one quoted
_TO_QUOTE_AFTER: Final = re.compile(r"^[\s,]*to\s+quote\s+([^,.;:]{2,60})")
# "According to a spokesman from the Acme Authority,": an unnamed voice of a named body
_UNNAMED_VOICE_OF: Final = re.compile(
    r"(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?:spokesperson|spokesman|spokeswoman|"
    r"representative|official|source)\s+(?:for|from|of|at|with)\s+(?:the\s+)?"
)
# "The proposal, according to Home Secretary Ann Lee, is designed to keep children “…”": a
# credit set off by commas inside the sentence
_ACCORDING_ASIDE: Final = re.compile(r",\s(?:according to|in the words of)\s([^,;:]+),")
# Where a clause of its own begins: a mention before it is not the subject of a later verb.
# (led by one class, so a search skips to those characters: ";|\s(?:…)\s", a class in one of
# two alternatives, was tried at every character)
_CLAUSE_BREAK: Final = re.compile(
    r"[;\s](?:(?<=;)|(?:while|whereas|but|although|though|after|before|when|which|who|whom)\s)"
)
# What every match of _CLAUSE_BREAK holds: its semicolon, or the word after its blank (each of
# its words holds one of these: "though" is in "although", "who" in "whom")
CLAUSE_BREAK_NEEDS: Final = (
    ";",
    "while",
    "whereas",
    "but",
    "though",
    "after",
    "before",
    "when",
    "which",
    "who",
)


def may_break_clause(text: str) -> bool:
    """False when `_CLAUSE_BREAK` matches nowhere in `text`: none of CLAUSE_BREAK_NEEDS is in it
    (finds in C, where the pattern is tried at every blank)."""
    return any(need in text for need in CLAUSE_BREAK_NEEDS)


# A leading prepositional phrase and its comma: "Despite the claim by Acme, ", "After meeting Lee, "
# ("A few days after Acme bought Brightwell, the governor said", "Just one day before the G8
# summit, …": a span of time may lead the preposition)
_LEADING_PHRASE: Final = OpeningGuard(
    re.compile(
        r"\W*(?:(?:Just\s+|Only\s+)?(?:[Aa]|[Aa]n|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|"
        r"\d+)\s+(?:few\s+)?(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)|"
        r"Despite|After|Before|Following|During|Since|Unlike|Amid|Among|Besides|With|Without|"
        r"In|On|At|For|From|By|Under|Over|Against|Through|Beyond)\s[^,;:]{1,120},\s*"
    )
)
# Where a clause of its own may begin between two names: "Lee condemned it and Acme said"
# "…, and", "… but", "… continued as President Bush criticized": what opens a clause of its own
_NAMES_BREAK: Final = re.compile(
    r"[,;]|\b(?:and|but|while|whereas|as|when|after|because|since|until)\b"
)
_ARTICLES: Final = frozenset(("the", "a", "an"))
_PREPOSITIONS: Final = frozenset(
    "of for to with on at by from in about against via into under over than like".split()
)
# Between a finite speech verb and a participle: words that give the participle a subject of
# its own ("quoting Lee as saying", "heard Lee saying", "that a friend …", another -ing verb)
_OWN_PARTICIPLE_SUBJECT: Final = re.compile(
    r"\b(?:as|that|who|whom|which|heard|hear|hears|saw|see|sees|seen|watched|watch)\b|\w+ing\b"
)
# "the audit, which called", "a report that described": a text, not a person, speaks
_RELATIVE_WHICH: Final = re.compile(
    r"\bwhich\b|\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+that\b"
)
# Verbs of speaking or writing that VERB leaves out ("had written to the court", "spoken")
_OTHER_SPEECH: Final = re.compile(r"\b(?:written|write|writes|spoken|speak|speaks)\b")
# "Fifty officials, including Moss and Reid, signed": names given as examples of the subject
_INCLUDING_ASIDE: Final = re.compile(r",\s+including\s[^;:]*,\s")
# ", a fire service spokesman," right before the verb: a description of the name before it.
_TRAILING_APPOSITIVE: Final = re.compile(
    r",\s(?:a|an|the|his|her|their|its|also|who|which|[a-z][\w-]*)\b[^,;]*,?\s*$"
)
# An aside set off by dashes right before the verb: "Haim Ramon - a close confidant of Ehud
# Olmert - said": its names are not the subject (the words after a dash open with a small letter)
_DASH_ASIDE_END: Final = re.compile(r"\s[-–—]\s+[a-z][^-–—;:]*\s[-–—]\s*$")


def opening_after(text: str, marks: str, start: int) -> int:
    """Where `text` goes on from `start` past blanks (\\s) and `marks`: the offset a pattern
    opening with `[\\s<marks>]*` and then a letter tries that letter at."""
    i = start
    while i < len(text) and (text[i].isspace() or text[i] in marks):
        i += 1
    return i


def search_last_commas(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern each of whose matches opens with a comma and holds
    at most one more (_TRAILING_APPOSITIVE, _ROLE_APPOSITIVE: ", …,? $"): only the last two
    commas can open one, so the search starts at the one before the last (the whole search
    tries the pattern at every comma, each running to the next)."""
    last = text.rfind(",")
    if last < 0:
        return None
    return pattern.search(text, max(0, text.rfind(",", 0, last)))


# ", of the New York magazine," between a person and "who": where the person works or lives
_AFFILIATION_ASIDE: Final = OpeningGuard(
    re.compile(r",\s(?:of|from|at|with)\s[^,;()\"“”]{1,80},?\s*")
)
# ", Dean of Acme Law School" before the verb: an appositive opening with a capitalised role
_ROLE_APPOSITIVE: Final = re.compile(r",\s([A-Z][a-z]+)\s(?:of|at|for)\s[^,;]*,?\s*$")
# "said that", "told the BBC that": a clause of reported speech follows
_REPORTED_THAT: Final = re.compile(
    r"\b(?:said|says|told\s+[^,.;]{1,40}?|added|warned|stated|explained|wrote|argued|claimed)"
    r"\s+that\b"
)
# The words opening each match of the patterns a fragment's sentence is searched for (read from
# the patterns): a sentence holding none of them is not searched.
_LABEL_HEADS: Final = literal_heads(_LABEL)
_SPEECH_ABOUT_HEADS: Final = literal_heads(_SPEECH_ABOUT)
_LABEL_AS_HEADS: Final = literal_heads(_LABEL_AS)
_REPORTED_THAT_HEADS: Final = literal_heads(_REPORTED_THAT)
# 'said there had been a “major lull” in', 'acknowledged that France had “undeniable problems”',
# 'said on Wednesday that 2009 was the “worst year”': a speech verb, perhaps a time or place,
# then the reported clause's own subject; a fragment quoted inside that clause is the speaker's
_REPORTED_CLAUSE: Final = re.compile(
    r"\b(?:said|says|say|told\s+[^,.;]{1,40}?|added|warned|stated|explained|wrote|writes|argued|"
    r"claimed|insisted|insists|acknowledged|admitted|noted|notes|announced|confirmed|conceded|"
    r"stressed|declared|ruled|saying|reported|reports)"
    r"(?:\s+(?:on|in|at|during|last|this|earlier|later|today|yesterday)\b[^,.;:]{0,30}?)?"
    # 'said previously that', 'warned that, with “…”': an adverb before, a comma after "that"
    r"(?:\s+[a-z]+ly)?"
    r"\s+(?:that,?|it|there|he|she|they|we|this|the|a|an|its|his|her|their|[a-z]+s)\s[^;:]*$"
    # verbs that also take an object ("posted a report"): only with "that", in one clause
    r"|\b(?:tweeted|posted|suggested|predicted|alleged|maintained|asserted|complained|countered|"
    r"recalled|revealed|vowed|promised|pledged)\s+that\s[^;:,]*$"
)
# What every match of these holds ("and" or "but", a reporting verb): a window holding none
# is not searched
_AND_VERB_NEEDS: Final = LiteralGuard(_AND_VERB)
# what every match of the searches of the words before a verb holds (", who", ", and")
_WHO_BEFORE_VERB_NEEDS: Final = LiteralGuard(_WHO_BEFORE_VERB)
_COMMA_AND_VERB_NEEDS: Final = LiteralGuard(_COMMA_AND_VERB)
_REPORTED_CLAUSE_NEEDS: Final = LiteralGuard(_REPORTED_CLAUSE)
_REPORTED_CLAUSE_SEARCH: Final = WordStartSearch(_REPORTED_CLAUSE)  # tried where its verbs open
# Full stops that end sentences, and those of abbreviated titles ("Dr.") that do not
_STOP: Final = re.compile(r"[.!?](?:\s|$)")
_TITLE_STOP: Final = re.compile(rf"\b(?:{'|'.join(sorted(DOTTED_TITLES))})\.\s")
# The titles of people only: "St." and "Mt." (street, mount) may end a sentence
_PERSON_TITLE_STOP: Final = re.compile(
    rf"\b(?:{'|'.join(sorted(DOTTED_TITLES - {'St', 'Mt'}))})\.\s"
)
# "Laura E. Jones", "U.S. Navy": initials and dotted initialisms before a capitalised word
# ("the U.S. statement said": a dotted initialism before a lower-case word, too)
_INITIALS_STOP: Final = re.compile(r"\b(?:[A-Z]\.){1,3}(?=\s+(?:[A-Z]|(?<=[A-Z]\.[A-Z]\.\s)[a-z]))")
_TITLE_WORDS: Final = DOTTED_TITLES | {"Saint", "San", "Santa", "Sainte"}
# ", and Moss had said": a coordinated clause, no appositive
_COORDINATED: Final = OpeningGuard(re.compile(r",\s(?:and|but|or|so|yet|then)\s"))
# "Moreover the report states": a connective opening a sentence with no comma after it
_CONNECTIVE_OPENING: Final = OpeningGuard(
    re.compile(
        r"^\s*(?:However|Moreover|Furthermore|Meanwhile|Additionally|Also|Later|Earlier|Finally|"
        r"Still|Instead|Nevertheless|Nonetheless|Separately|Subsequently|Similarly|Likewise|"
        r"Previously|Then|Yesterday|Today)\s+(?=(?:the|The|a|an)\s)"
    )
)
# "In his message, ", "However, addressing the leaders, ": before a clause's subject.
_LEADING_ADVERBIAL: Final = OpeningGuard(
    re.compile(r"^\s*(?:(?:[A-Z]\w*|[a-z]+)(?: [^,]{0,40})?, )+")
)
_PARTICIPLE_AT: Final = OpeningGuard(re.compile(r"[a-z]+ing\b"))


def participle_at(text: str, at: int) -> bool:
    """Whether `_PARTICIPLE_AT.match(text, at)` matches ("calling it", "saying"): the run of
    a-z from `at` is over three letters long, ends with "ing" and no word character follows it
    (the greedy run gives back just the "ing", and \\b needs a word's end after it). Read by
    character codes: the pattern's call costs ~1,300 instructions compiled, mostly to fail."""
    size: i64 = len(text)
    start: i64 = max(at, 0)
    end: i64 = start
    while end < size and 97 <= ord(text[end]) <= 122:
        end += 1
    return (
        end - start >= 4
        and text[end - 3 : end] == "ing"
        and (end == size or not _is_word_at(text, end))
    )


# Words ending in "s" that are no plural noun a relative clause could describe
_NOT_PLURAL_NOUNS: Final = frozenset(
    "as was has is this thus its his hers theirs ours yours us yes whereas always perhaps "
    "besides sometimes unless".split()
)
_WORD_AFTER: Final = re.compile(r"\s+([a-z]+)\b")  # (what `word_after` finds: see there)


def word_after(text: str, at: int) -> str | None:
    """The lower-case word after the blanks at `at`: group 1 of `_WORD_AFTER.match(text, at)`,
    None where it does not match, read by character codes (compiled, the pattern's call and
    the group's cost ~2,000 instructions, and most calls match). Blanks (\\s+) then a-z as far
    as they go; a word character right after them (\\b) leaves no match."""
    size: i64 = len(text)
    i: i64 = max(at, 0)
    while i < size and _is_blank_at(text, i):
        i += 1
    if i == max(at, 0):
        return None
    start: i64 = i
    while i < size and 97 <= ord(text[i]) <= 122:
        i += 1
    if i == start or (i < size and _is_word_at(text, i)):
        return None
    return text[start:i]


# Who speak for a person named before "'s" without being that person ("Day's animal
# foundation said", "Moss's family said"): kin, friends, bodies in the person's name
_OWNED_SPEAKERS: Final = frozenset(
    "family relatives parents children friends foundation charity trust estate publicist "
    "agent agents aides lawyers attorneys representatives label club company firm".split()
)
# Lower-case words opening a surname of several words ("Osama bin Laden", "Luiz Inácio Lula da
# Silva", "Ursula von der Leyen")
_NAME_PARTICLES: Final = frozenset(
    "bin ibn al el da de del della der di do dos du la le van von".split()
)
_S_ENDS: Final = ("'s", "’s")  # a possessive's ending
# up to three lower-case words after a possessive ("'s animal foundation")
# '“…” was the view of Rohan Gumaratna', '“…” is the verdict of the Acme Institute': the quote
# given as someone's view, its owner after "of"
_VIEW_OF: Final = re.compile(
    r"^[\s,]*(?:was|is|were|are)\s+the\s+(?:\w+\s+)?(?:view|views|opinion|verdict|assessment|"
    r"conclusion|reaction|response|advice|message|warning)\s+of\s+(?:the\s+)?"
)
# People named by whom they back or oppose, after that one's name: "one Pinochet supporter told
# the press", "a Kelmar critic said": the name modifies them, it does not speak
_FOLLOWERS_AFTER: Final = re.compile(
    r"\s(?:supporters?|fans?|critics?|opponents?|voters?|loyalists?|followers?|backers?|"
    r"detractors?)\b"
)
_OWNED_WORDS: Final = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z]+))?\b")
# The subject of a clause with no speech verb (`_clause_subject`): what may stand before it in
# its clause, the verb after it (past an appositive set off by commas), words that are no verb
_SUBJECT_TYPES: Final = frozenset(("PERSON", "ORG"))
_CLAUSE_OPENING: Final = re.compile(r"(?:^|;\s|,?\s(?:and|but|while|whereas)\s)\s*(?:[Tt]he\s+)?$")
_SUBJECT_VERB: Final = re.compile(r"(?:,[^,;:]{1,80},)?\s+([a-z]+)\b")
_NOT_A_VERB: Final = _PREPOSITIONS | frozenset(
    "and or who whom whose which that the a an his her its their".split()
)
_PRONOUN_SUBJECT: Final = re.compile(r"\s*(He|She)\s+[a-z]")
_PASSIVE: Final = re.compile(
    r"(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn)\b"
)
# a passive with an irregular participle of something done to a person ("was sold", "was
# shot"), besides _PASSIVE's -ed/-en/-wn
_PASSIVE_IRREGULAR: Final = re.compile(
    r"(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?(?:bought|caught|hit|shot|sold|struck)\b"
)
# Roles whose holder acts on others (sentences, treats, coaches, arrests them): after "X was
# sentenced …", "the judge said" is not X's words. Other roles ("the striker", "the MP") may be
# X's own after a passive ("was recalled to the squad", "was elected to parliament").
_ACTING_ON_ROLES: Final = frozenset(
    "judge magistrate coroner prosecutor prosecutors sheriff detective inspector officer "
    "investigator coach manager referee doctor surgeon warden governor".split()
)
_INITIAL: Final = re.compile(r"[A-Z]\.?")
_OTHER_CLAUSE: Final = re.compile(
    r"\b(?:that|which|who|whom|whose)\b|\w['’]s\s|;|,\s(?:and|but|while|whereas|as|where)\s"
)
# '…concerns", and the German government described': after a quotation, a clause of its own
# (a conjunction, then a subject of a few words led by "the" or a capital) up to its verb
_OWN_CLAUSE_AFTER_QUOTE: Final = re.compile(
    r"\S\s*[,;]?\s+(?:and|but|while|whereas)\s+(?=[Tt]he\s|[A-Z])((?:[^\s,;:\"“”]+\s+){1,6})$"
)
_NAMING_VERB: Final = re.compile(
    r"\b(?:named?|names|naming|dubb?(?:ed|s)?|nicknamed|(?:en)?titled|termed|labell?ed)\b"
)
_POSSESSIVE_AFTER: Final = OpeningGuard(re.compile(r"['’]s?\s"))
# "'s longtime friend ", "'s lawyer, ": a possessive and the lower-case role noun of the person
# who follows it
_ROLE_BEFORE_NAME: Final = re.compile(r"['’]s?(?:\s+[A-Z][a-z]+)?(?:\s+[a-z][\w-]*){1,4},?\s+$")


# "Remarked scientist Tierra Curry, “…”", "Explains CEO Ann B. Lee, “…”": a sentence that opens
# with its verb (past or present) names the speaker after it, up to the comma or colon that opens
# the quotation; a full stop there only after an initial.
_INVERTED_OPENERS: Final = SPEECH_OPENERS | frozenset("explains adds notes comments".split())
# ("Said Mr. Ayalon,": the stop of a title, as of an initial, ends nothing)
_INVERTED: Final = OpeningGuard(
    re.compile(
        rf"^\s*(?:{'|'.join(sorted(w.capitalize() for w in _INVERTED_OPENERS))})\s+"
        r"((?:[^.;!?]|(?<=\b[A-Z])\.|(?:(?<=\bMr)|(?<=\bMrs)|(?<=\bMs)|(?<=\bDr)|(?<=\bSen)|"
        r"(?<=\bRep)|(?<=\bGov)|(?<=\bGen)|(?<=\bProf)|(?<=\bRev))\.){3,90}?)[,:]\s*$"
    )
)
# the first letters _INVERTED may open with (after blanks): a head opening with none is not tried
_INVERTED_INITIALS: Final = frozenset(w.capitalize()[:1] for w in _INVERTED_OPENERS)
# "…,” recalling their first meeting. “…”: a participle clause after a quote, naming nobody
_PARTICIPLE_GAP: Final = OpeningGuard(re.compile(r"^[\s,]*[a-z]+ing\b[^.!?]{0,80}[.!?]\s*$"))
# '“…”, and adds that tests ought to be done yearly.¶“…”': the subject's own next verb of speech
_SAME_SUBJECT_GAP: Final = OpeningGuard(
    re.compile(rf"^,?\s+and\s+(?:also\s+)?(?:{_VERB_ALTERNATION})\b[^.!?]{{0,100}}[.!?]\s*$")
)
# "“…” — Aparna Garg, railway manager": a name after a dash closing the quote, as in epigraphs
_DASH_CREDIT: Final = re.compile(r"^\s*(?:[—–]|-(?=\s))\s*\u200d?\s*")
_DASHES: Final = ("—", "–", "-")  # what _DASH_CREDIT opens with after blanks
# '“It's awful,” Ann Lee, a professor of design.': a credit with no verb, the person and an
# appositive that end the sentence
# (a company's abbreviated stop inside the description ends nothing: "of Warner Bros. Worldwide")
_BARE_CREDIT_END: Final = re.compile(
    r"\s*(?:,(?:[^.;:!?]|(?:(?<=Bros)|(?<=Inc)|(?<=Corp)|(?<=Ltd)|(?<=Co))\.){1,120})?[.!?]?\s*$"
)
_PARAGRAPH_OR_QUOTE: Final = re.compile(r"[ \t]*(?:\n|$|[\"“])")
# A verb followed by a clause of its own ("explained he was", "said that"): reported speech
_CLAUSE_AFTER: Final = re.compile(r"\s+(?:that|he|she|they|it|we|there)\s")
# 'On television he said, “…never change.” Acme said a …': the quote opened by a speech verb and
# a comma or colon closes with its own stop; the clause after it starts a new sentence
_INTRODUCING: Final = re.compile(rf"(?:\b(?:{_VERB_ALTERNATION})(?:\s*,|\s+that)|:)\s*$")
# What may end a clause right after its speech verb: a stop, or nothing left in the tail
_CLAUSE_ENDS: Final = re.compile(r"\s*(?:[.!?]|$)")
# "…, saying," ending a paragraph: a speech verb right before the comma
_VERB_BEFORE_COMMA: Final = re.compile(rf"\b(?:{_VERB_ALTERNATION}),$")
# "In his opinion, …", "In her speech to the assembly, “…”": whose opinion or words follow
_IN_HIS_OPINION: Final = OpeningGuard(
    re.compile(
        r"^\W*[Ii]n\s+(his|her)\s+(?:opinion|view|words|mind|(?:[a-z-]+\s+)?(?:speech|statement|"
        r"remarks|address|interview|exchange|testimony|letter|message|reply|response|answer|"
        r"column|essay|blog|post)(?:\s+(?:to|on|with|at|before|in)\s+[^,;:.“”\"]{1,60})?),"
    )
)
_SUBJECT_OF: Final = {"his": "he", "her": "she"}
_LAST_THE: Final = re.compile(r"\b[Tt]he\s+(?:[\w.-]+\s+){0,3}[\w.-]+\s*$")
_LAST_THE_NEEDS: Final = LiteralGuard(_LAST_THE)
# The subject a clause opens with, after an adverbial opening ("In a statement, ", "However, "):
# a description (its determiner, group 2, and the lower-case words after it, group 3) or a name;
# no match when it opens with "it" (the same referent as a later "it") or is empty
_IT_CLAUSE_OPENING: Final = re.compile(
    r"[\s\"“”‘’']*(?:(?:[A-Z][a-z]*ly|However|Meanwhile|Earlier|Later|Yesterday|Today|Also|"
    r"(?:In|On|At|After|Before|During|Since|Following|Under|With|Without|From|For|By)\s[^,;]{1,60}),\s*)?"
    r"(?!It\b|Its\b|it\b|its\b)((The|A|An|This|That|These|Those|Their)\s+([a-z][^A-Z.;:!?\"“”]{0,60})|\S)"
)


# Auxiliaries and adverbs between a subject and its verb: "The commission has argued".
_TRAILING_AUX: Final = re.compile(
    # "The network then went on to say": "went on to" is no part of the subject
    r"(?:\s+(?:also|later|then|has|had|have|was|is|previously|further|again|earlier|"
    r"(?:went|goes|go)\s+on\s+to))+\s*$"
)
# The words a match of _TRAILING_AUX ends with, less the blanks after it
_TRAILING_AUX_ENDS: Final = (
    *"also later then has had have was is previously further again earlier".split(),
    "to",
)
# Written texts that "add" or "say" things for their author: "the statement added".
_WRITTEN_TEXTS: Final = frozenset(
    "statement letter report release communique communiqué warning notice advisory bulletin "
    "decree announcement message resolution".split()
)
# "The IGAD passed a resolution": a resolution's author is the body that passed it, not one
# who spoke of it ("Lee told Reuters the resolution was welcome")
_PASSED_BEFORE: Final = re.compile(
    r"\b(?:passed|adopted|approved|issued|unanimously|introduced|tabled|sponsored|drafted)"
    r"\s+(?:a|an|the)\s+$"
)
_WORDS: Final = re.compile(r"[a-z][\w'’-]*")
# Written or spoken texts whose author "it" may stand for: "The review urged …. It also asks"
_TEXT_NOUNS: Final = _WRITTEN_TEXTS | frozenset(
    "review study ruling decision judgment judgement opinion document memo filing paper survey "
    "resolution proposal verdict order tweet".split()  # "His last tweet read:"
)
# The texts whose author "the <noun> said" after a quotation may give: the written texts above,
# a generic "document" and a web site ("“…,” the website said" after "said the Acme website");
# not a study or a memo, whose co-author or namesake is not its author ("the Downing Street memo")
_AUTHORED_TEXTS: Final = _WRITTEN_TEXTS | frozenset(("document", "website"))
# "the document": a noun that may stand for any written text named before ("A report from the
# Acme mission …. the 35-page document says")
_GENERIC_TEXTS: Final = frozenset(("document",))
# the written texts' nouns a generic one may stand for (not "the FCC filing": a filing's
# modifier names whom it was made to)
_ANY_TEXT_NOUN: Final = re.compile(
    r"\b(?:report|statement|letter|document|resolution|release|declaration|decree|"
    r"communiqu[eé])s?\b",
    re.IGNORECASE,
)


def _text_noun_of(word: str) -> str | None:
    """The written text's noun `word` is ("documents", a slip for "document", too), else None."""
    word = word.lower()
    if word in _AUTHORED_TEXTS:
        return word
    if word.endswith("s") and word[:-1] in _AUTHORED_TEXTS:
        return word[:-1]
    return None


# Nouns of speech whose content a quotation may give: "Lee's declaration that he would “…”"
_SPEECH_NOUN: Final = re.compile(
    r"\b(?:declaration|plea|pledge|promise|vow|appeal|warning|claim|demand|farewell|assertion|"
    r"insistence|admission|threat)s?\b"
)
# Words before a noun of speech that make it no object of the clause's subject ("after a warning")
_NOT_OBJECT: Final = _PREPOSITIONS | frozenset(
    "after before following despite amid since without during".split()
)
# " by Adams", " from the union": the owner after a noun of speech
_BY_OWNER: Final = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?")
# "Mr Lee's January 31 ", "his ": the owner before a noun of speech, up to three words between
_OWNER_BEFORE: Final = re.compile(r"(?:\b(his|her|its|His|Her|Its)|()['’]s?)\s+(?:[\w-]+\s+){0,3}$")
# "His statement", "its report": the pronoun that owns a text, and the subject pronoun it stands for
_TEXT_POSSESSORS: Final = {"his": "he", "her": "she", "its": "it"}
# "the warning issued by Met Éireann", "a statement from Acme": the author after the text's noun
_AUTHOR_AFTER: Final = re.compile(
    r"s?\s+(?:(?:\w+\s+)?(?:issued|signed|written|released|published|posted|sent|put out)"
    r"\s+by|from)\s+(?:the\s+)?"
)
# '“…,” read a report by the IMF', 'reads a statement issued by Acme': the author after the noun
_ISSUED_BY: Final = re.compile(
    r"s?\s+(?:(?:\w+\s+)?(?:issued|signed|written|released|published|posted|sent|put out)\s+)?"
    r"(?:by|from)\s+(?:the\s+)?"
)
# A written text whose issuer its own noun phrase names ("a UN Security Council report issued
# Thursday that found", "an Instruction issued in October by the DoD that states", "That
# Directive, from the Department of Homeland Security, says", "a statement posted on an Acme
# website"): the text's noun (case as written: "Instruction", "Directive")
_ISSUED_TEXT: Final = re.compile(
    r"\b(?:[Ss]tatement|[Rr]eport|[Ll]etter|release|communiqu[eé]|notice|advisory|bulletin|"
    r"[Dd]ecree|announcement|message|[Rr]esolution|review|study|ruling|decision|judg(?:e)?ment|"
    r"[Dd]ocument|memo|filing|[Dd]irective|[Ii]nstruction|[Dd]eclaration|article|commentary|"
    r"editorial|summary|guidance|website|web\s+site)s?\b"
)
# its matches found only where a word opens with one of its nouns (compiled; see WordStartSearch)
_ISSUED_TEXT_SEARCH: Final = WordStartSearch(_ISSUED_TEXT)


def issued_texts(text: str, start: int, end: int) -> list[re.Match[str]]:
    """`list(_ISSUED_TEXT.finditer(text, start, end))`: each match searched from the end of the
    one before (a match is never empty), tried only where a word opens with a noun of it."""
    found: list[re.Match[str]] = []
    match = _ISSUED_TEXT_SEARCH.search(text, start, end)
    while match is not None:
        found.append(match)
        match = _ISSUED_TEXT_SEARCH.search(text, match.end(), end)
    return found


# what may stand between an issuer's name and its text's noun: "Acme's", "an Acme press release"
_ISSUER_BEFORE_TEXT: Final = re.compile(
    r"(?:['’]s?)?\s+(?:(?:press|news|official|new|latest|annual|final|joint|draft|written)\s+)?"
)
# after a text's noun, its issuer: "issued in October last year by (the)", ", from (the)"
_ISSUER_AFTER_TEXT: Final = re.compile(
    r",?\s+(?:(?:issued|released|published|posted|sent|signed|written|put\s+out|adopted)\s+)?"
    r"(?:(?:on|in|at|during|last|this|earlier)\b[^,;:.]{0,30}?\s+)?(?:by|from)\s+(?:the\s+|an?\s+)?"
)
# "… posted on (the) Acme('s) English-language web site": the site whose owner wrote the text
_ON_SITE_OF: Final = re.compile(r"\s+(?:(?:posted|published|put\s+up)\s+)?on\s+(?:an?|the)\s+")
_SITE_AFTER_OWNER: Final = re.compile(
    r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}?(?:website|web\s+site|site|homepage)\b"
)
# a clause whose subject is such a text, reporting: "… that found,", "… says in part,", "…
# claims that President Bush's presumed" (the verb within a few words of the text's phrase)
_TEXT_REPORTS: Final = re.compile(
    r"^(?:\s*,[^,;:]{0,40},|\s+(?:issued|released|published)\b[^,;:]{0,30}?(?=\s+(?:that|which)\s))?"
    r"\s+(?:(?:that|which)\s+)?(?:(?:also|has|have|had|in\s+part)\s+)*"
    r"(?:found|finds|concluded|concludes|states|stated|says|said|reads|read|cautions|cautioned|"
    r"notes|noted|claims|claimed|alleged|alleges|declares|declared|warns|warned|mentions|"
    r"mentioned|recommends|recommended|adds|added|argues|argued)\b"
)
# 'A report from the Acme mission “concludes that …”': a text's phrase whose verb opens the
# quotation itself (a lower-case word or two may end the issuer's phrase: "mission", "team")
_REPORT_OPENS_QUOTE: Final = re.compile(
    r"(?:found|finds|concluded|concludes|states|stated|says|said|notes|noted|claims|claimed|"
    r"alleges|alleged|warns|warned|recommends|recommended|argues|argued|urges|urged)\s"
)
_ISSUER_PHRASE_TAIL: Final = re.compile(r"(?:\s+[a-z]+){0,2}\s*$")
# 'The opinion of the Court, released on Wednesday, read': the body that owns the text
_OWNER_OF: Final = re.compile(r"\s+of\s+(the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\b")
# '“…”, the letter read.': a written text named before, reading out after the quotation
_TEXT_READ_AFTER: Final = OpeningGuard(
    re.compile(
        r"^[\s,]*the\s+(?:[\w-]+\s+)?("
        + "|".join(sorted(_WRITTEN_TEXTS))
        + r")\s+(?:also\s+)?(?:read|reads)\b"
    )
)
# '“…”, read the warning.': the written text named after the quotation speaks for its author
# ('reads an Acme press release': a name among its modifiers is that author)
_READ_BY_TEXT: Final = re.compile(
    r"^[\s,]*(?:read|reads)\s+(?:the|an?|its|their|his|her)\s+((?:[\w-]+,?\s+){0,4}?)("
    + "|".join(sorted(_WRITTEN_TEXTS | {"memo", "memorandum", "email", "e-mail"}))
    + r")\b"
)
# the words of a date among a text's modifiers ("a July 15, 2005 memo"): no author's name
_DATE_WORDS: Final = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# The written texts a described owner ("the judge's …") has: statement, ruling, letter…
_OWNED_TEXT_NOUNS: Final = (
    r"(?:statement|summary|letter|ruling|opinion|judgment|judgement|decision|message|"
    r"announcement|release)"
)
# "the judge's statement reads", "The court's summary concluded with the statement:", "the
# following statement from the king:": a written text whose owner is described, not named
_DESCRIBED_TEXT_OWNER: Final = re.compile(
    r"\b([Tt]he\s+(?:[\w-]+\s+){0,2}?[\w-]+)['’]s?\s+(?:[a-z]+\s+)?"
    + _OWNED_TEXT_NOUNS
    + r"\b|\b(?:statement|letter|message|announcement)\s+(?:from|by)\s+"
    r"([Tt]he\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s*(?:(?:said|says|read|reads|stated|states)\s*)?[,:]?\s*$"
)
# "The new governor of the region, ": a clause opening with a determiner's noun phrase, which
# the person set off by commas after it names
_OPENING_NOUN_PHRASE: Final = re.compile(r"^\s*(?:The|A|An|Its|His|Her|Their)\s+[^,]+,\s$")
# "The judge's summary ", "Part of the king's message ": a described owner's written text
# that opens the clause and stands right before its verb
_TEXT_AS_SUBJECT: Final = OpeningGuard(
    re.compile(
        r"^\s*(?:Part\s+of\s+)?[Tt]he\s+(?:[\w-]+\s+){0,2}?[\w-]+['’]s?\s+(?:[a-z]+\s+)?"
        + _OWNED_TEXT_NOUNS
        + r"\s*$"
    )
)
# 'Moss was described by the council as “…”': a passive verb of labelling and its agent
# ('a pattern described by Acme as “…”': the participle after a noun phrase is passive too)
_PASSIVE_BEFORE: Final = re.compile(
    r"\b(?:(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?|(?:a|an|the)\s+[a-z-]+\s+)$"
    # "The Act, described by Senator Kennedy as “…”": a participle set off after a noun
    r"|\w,\s+$"
)
_LABELLED_BY: Final = OpeningGuard(
    re.compile(
        r"^\s+by\s+([^,.;:]{2,60}?)\s+(?:as\s+(?:an?\s+|the\s+)?|of\s+|that\s+(?:[^,.;:]{1,60}\s)?)$"
    )
)
# "and officials said", "but police later said": a lower-case subject right before the verb
_OWN_SUBJECT: Final = re.compile(
    r"(?:^|\s)(?:and|but|while|when|which|who)\s+(?:the\s+)?[a-z]+s(?:\s+(?:also|later|then|[a-z]+ly))*\s*$"
)
# The peoples whose country's name does not start as theirs does ("Israeli" → "Israel" needs
# no entry): "the Swiss government" speaks for Switzerland
_DEMONYM_COUNTRIES: Final = {
    "British": "United Kingdom",
    "Swiss": "Switzerland",
    "French": "France",
    "Dutch": "Netherlands",
    "Spanish": "Spain",
    "Polish": "Poland",
    "Danish": "Denmark",
    "Irish": "Ireland",
    "Welsh": "Wales",
    "Finnish": "Finland",
    "Filipino": "Philippines",
    "Philippine": "Philippines",
    "Scottish": "Scotland",
    "Kuwaiti": "Kuwait",
}
# "An attorney for several families said": a clause whose subject is a noun, no pronoun
_NOUN_SUBJECT: Final = re.compile(r"^\W*(?:An?|The|One|Another|Some)\s+[a-z]")
# "quotes the minister saying", "quoted Ann Reid as saying", "cited Reid as telling police",
# "quoted sailors as stating": whom a text quotes (matched up to the verb that credits the
# quotation; the clause reported after it may hold a fragment: "as saying the crew were “…”")
# "Ann Lee cited security concerns, saying “…”" is Ann Lee's: "cited" only with "as saying",
# and no comma before a bare "saying" (the subject's participle; review r38 SP1)
_QUOTES_SAYING: Final = re.compile(
    r"\b(?:quot(?:es|ed|ing)\s+(?!(?:as|by|in|on|at|from)\b)([^.;:(,]{2,80}?)\s+saying"
    r"|(?:quot|cit)(?:es|ed|ing)\s+(?!(?:as|by|in|on|at|from)\b)([^.;:(]{2,80}?),?\s+"
    r"as\s+(?:saying|stating|telling|describing|calling))$"
)
# '“…,” Reuters news agency quotes him as saying': whom the outlet after a quotation quotes
_QUOTED_AFTER: Final = OpeningGuard(
    re.compile(
        r"^[\s,]*(?:[\w'’.-]+\s+){1,5}?(?:quot|report|cit)(?:es|ed|s)\s+"
        # "reported spokesman for the 18th Airborne, Tom McCollum, as saying"
        r"(?:(him|her)|([^.;:]{2,80}?)),?\s+as\s+(?:saying|stating|telling)\b"
    )
)
# "about the ", "of a ": a fragment that is what something is about, not anyone's words
_TOPIC_BEFORE: Final = re.compile(r"\b(?:about|of|on)\s+(?:(?:the|a|an)\s+)?$")
# "He complained the banks …", "She has also urged …": a pronoun and its speech verb open the clause
_PRONOUN_SPEAKS: Final = re.compile(
    rf"\W*(?:He|She)(?:\s+(?:also|then|later|has|had|have|[a-z]+ly))*\s+(?:{_VERB_ALTERNATION})\b"
)
# "The minister said: “Stay home”": a role noun opening the clause, then a speech verb (group 1:
# the role phrase, its holder named before when it is one)
_ROLE_SPEAKS: Final = re.compile(
    rf"\W*(The(?:\s+[\w'’-]+){{1,4}}?)(?:\s+(?:also|then|later|has|had|have|[a-z]+ly))*"
    rf"\s+(?:{_VERB_ALTERNATION})\b"
)
# ", anticipating a debate," before a verb: a participle phrase set off by commas
_PARTICIPLE_ASIDE: Final = OpeningGuard(re.compile(r"\s*[a-z]+ing\s"))
# '“…,” he was quoted as saying', '“…,” Moss was told': passive verbs after a quotation
_QUOTED_AS: Final = re.compile(r"\s(?:was|were|is|are|has been|had been)\s+quoted\s+as\s*$")
_PASSIVE_AUX_END: Final = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?$")
_TOLD_VERBS: Final = frozenset("told asked urged warned informed assured".split())
_PARENTHESES: Final = re.compile(r"\([^()]*\)")
# 'He was deemed “a threat” by the ministry': passive verbs of judging, which name no speech
_DEEMED: Final = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?:deemed|considered|seen|viewed)\b"
)
# '“…” by the WHO': the agent of a passive verb, right after the quotation
_BY_AGENT: Final = re.compile(r"^[\s,]*by\s+([^,.;:()]{2,60})")
# Prepositions whose object is never the subject a later pronoun refers back to.
_OBJECT_PREPOSITIONS: Final = frozenset("of to against with than like about toward towards".split())
# '“…” — as the Supreme Court decision put it —', 'As Moss put it, “…”': the owner of the words
_AS_PUT_IT_AFTER: Final = re.compile(
    r"^[\s,—–-]*as\s+([^,.;:—–]{2,60}?)\s+(?:put|puts|has put|had put)\s+it\b"
)
# '“…,” as stated by the Eritrean Information Minister.': the one credited by "as … by"
_AS_SAID_BY_AFTER: Final = re.compile(
    r"^[\s,—–-]*as\s+(?:(?:was|were|it\s+was)\s+)?(?:stated|said|put|noted|claimed|told|"
    r"declared|explained|written|announced)\s+by\s+([^,.;:—–]{2,60}?)\s*(?:[,.;:—–]|$)"
)
# 'what doctors said was a “massive” stroke': a fragment of what nameless people said
_WHAT_THEY_SAID: Final = re.compile(
    r"\bwhat\s+((?:[\w'’-]+\s+){1,3}?)(?:said|says|say)\s+(?:was|were|is|are|had\s+been|has\s+been)"
    r"\s+(?:[\w'’-]+\s+){0,2}$"
)
_AS_PUT_IT_BEFORE: Final = re.compile(
    r"(?:^|[,;—–]\s|\b[Aa]nd\s)\W*[Aa]s\s+([^,.;:—–]{2,60}?)\s+(?:put|puts|has put|had put)\s+it"
    r"\s*[,:—–]?\s*$"
)
# "The decree signed by the Pope": a role as the signer of a written text
_SIGNED_BY_ROLE: Final = re.compile(
    r"\b(?:signed|written|issued|authored)\s+by\s+(the\s+(?:[\w-]+\s+){0,2}?[\w-]+),?\s+"
    r"(?:read|reads|says|said|stated|states)\b"
)
# "Calling it “…”, Moss said", "Saying “…”, Reid added": a sentence opening with a participle
_PARTICIPLE_OPENS: Final = OpeningGuard(re.compile(r"^\W*([A-Z][a-z]+ing)\s"))
# 'As explained by Kyodo News, “…”': the agent of a speech verb in an "as" clause opening the
# sentence right before the quotation
_AS_VERBED_BY: Final = OpeningGuard(
    re.compile(
        r"^\s*As\s+(?:(?:was|has been|had been)\s+)?(?:explained|noted|stated|reported|said|"
        r"written|described|put|pointed out|quoted|told)\s+by\s+([^,;:]{2,80}),\s*$"
    )
)
# "Saying, " alone before a quotation: a participle with nothing of its own clause
_PARTICIPLE_ALONE: Final = OpeningGuard(re.compile(r"^\s*([A-Z][a-z]+ing),?\s*$"))
_DETERMINERS: Final = ("the", "a", "an", "its", "their", "his", "her")
_DETERMINER_END: Final = re.compile(rf"\b(?:{'|'.join(_DETERMINERS)})\s+$", re.IGNORECASE)
# A match of _DETERMINER_END opens at most this many characters before the blanks ending the
# text searched (a letter matches one character even when case is ignored)
DETERMINER_END_MOST: Final = max(map(len, _DETERMINERS))


_DETERMINER_WORDS: Final = frozenset(_DETERMINERS)
_DETERMINER_SIZES: Final = tuple(sorted({len(word) for word in _DETERMINERS}))


def determiner_before(text: str, at: int) -> bool:
    """Whether `_DETERMINER_END.search(text, max(0, at - 7), at)` finds a match ("the alleged",
    "a threatened"): a determiner, opening a word, then blanks up to `at`. Read character by
    character when the characters around are ASCII (a regular expression's call costs ~4,000
    instructions on 7 characters); searched otherwise (case-insensitive matching of other
    characters has its own equivalences). Run as Python, the search (a loop costs more)."""
    if not _COMPILED:
        return _DETERMINER_END.search(text, max(0, at - 7), at) is not None
    return determiner_before_by_code(text, at)


def determiner_before_by_code(text: str, at: int) -> bool:
    """`determiner_before` read by character codes (what runs compiled)."""
    return _determiner_in(text, max(0, at - 7), at)


def _determiner_in(text: str, lo: int, at: int) -> bool:
    """Whether `_DETERMINER_END.search(text, lo, at)` finds a match, read by character codes
    when the characters from the one before `lo` to `at` are ASCII (searched otherwise)."""
    k = max(0, lo - 1)
    while k < at:
        if ord(text[k]) >= 128:
            return _DETERMINER_END.search(text, lo, at) is not None
        k += 1
    blanks = at
    while blanks > lo and _is_ascii_blank(ord(text[blanks - 1])):
        blanks -= 1
    if blanks == at:
        return False  # \s+ before `at`: at least one blank
    for size in _DETERMINER_SIZES:
        start = blanks - size
        if start < lo:
            break
        # a word opens at `start` (\b), and it is a determiner (mostly one size at most)
        if (start == 0 or not _is_word_at(text, start - 1)) and text[
            start:blanks
        ].lower() in _DETERMINER_WORDS:
            return True
    return False


def _is_ascii_blank(code: int) -> bool:
    """Whether the ASCII character of this code is blank (`str.isspace`): tab to carriage
    return, the four separators 28-31 and the space."""
    return 9 <= code <= 13 or 28 <= code <= 32


def determiner_end(text: str, end: int) -> bool:
    """Whether `_DETERMINER_END.search(text, 0, end)` finds a match, searched from
    DETERMINER_END_MOST characters before the blanks ending text[:end] (the search of the whole
    text tried the pattern, led by \\b, at every character). Compiled, read by character codes
    as `determiner_before` is (a copy of text[:end], its stripping and the search cost ~2,000
    instructions)."""
    if not _COMPILED:
        lo = max(0, len(text[:end].rstrip()) - DETERMINER_END_MOST)
        return _DETERMINER_END.search(text, lo, end) is not None
    return determiner_end_by_code(text, end)


def determiner_end_by_code(text: str, end: int) -> bool:
    """`determiner_end` read by character codes (what runs compiled)."""
    blanks = min(end, len(text))
    while blanks > 0 and text[blanks - 1].isspace():  # what rstrip() strips
        blanks -= 1
    return _determiner_in(text, max(0, blanks - DETERMINER_END_MOST), end)


_SPOKES_WORDS: Final = frozenset("spokesperson spokesman spokeswoman".split())
# Who speaks for a body named by its first word: "Amnesty officials asked", "Toyota executives said"
_BODY_VOICES: Final = frozenset(
    "officials spokesperson spokesman spokeswoman spokespeople executives representatives".split()
)
_SUBJECT_PRONOUN: Final = re.compile(
    r"(?:^|,\s|\b(?:But|And|Yesterday|Today|Later|Then)\s(?:[a-z]+\s)?)(she|he)\s+"
    r"(?:[a-z]+ly\s+)?[a-z]+(?:s|ed)\b",
    re.IGNORECASE,
)


_SPEAKING_TYPES: Final = frozenset(
    ("PERSON", "ORG", "PLACE")
)  # the entities a speaker is chosen from
_SENTENCE_STOP: Final = re.compile(r"[.!?]")
_CLAUSE_SPLIT: Final = re.compile(r"[,;:]")
_ANY_WORD: Final = re.compile(r"\w")


@lru_cache(maxsize=256)
def _whole_word(pattern: str) -> re.Pattern[str]:
    """`pattern` as a whole word, any case ("statement", a role, "he"): compiled once. A plain
    word (or words, escaped spaces between) is led by a lookahead of its own first letter, the
    same match: the search then tries the boundary only before that letter (~2.5 times faster
    over the thousands of characters before a quote that a role's uses are looked for in)."""
    if pattern.isascii() and pattern.replace("\\ ", "").isalpha():
        return re.compile(rf"(?={pattern[0]})\b{pattern}\b", re.IGNORECASE)
    return re.compile(rf"\b{pattern}\b", re.IGNORECASE)


class _Mention:
    """One mention of an entity outside quotations: its offsets and its entity. A class of its
    own (compiled: one is made in ~150 instructions, where the named tuple it was cost ~850 by
    `tuple.__new__`), equal, hashed and shown as that named tuple was."""

    start: int
    end: int
    entity: Entity

    def __init__(self, start: int, end: int, entity: Entity) -> None:
        self.start = start
        self.end = end
        self.entity = entity

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Mention):
            return NotImplemented
        return (
            self.start == other.start
            and self.end == other.end
            and (self.entity is other.entity or self.entity == other.entity)
        )

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.entity))

    def __repr__(self) -> str:
        return f"_Mention(start={self.start!r}, end={self.end!r}, entity={self.entity!r})"


def _new_mention(start: int, end: int, entity: Entity) -> _Mention:
    """`_Mention(start, end, entity)`."""
    return _Mention(start, end, entity)


def mention_start(mention: _Mention) -> int:
    """A mention's start: the key mentions are sorted by."""
    return mention.start


# The first words of an appositive describing the name before it ("Ann Lee, the brother of …,")
_APPOSITIVE_OPENERS: Final = frozenset("a an the his her its their".split())
# Verbs of making known whose subject may be a thing ("tests revealed"), not a speaker
_REVEALING: Final = frozenset(("revealed", "reveals", "revealing"))
# What may stand between a name and the role it holds ("Lee became treasurer"), as a first word
_COPULAS: Final[tuple[list[str], ...]] = (["is"], ["was"], ["became"], ["becomes"], ["as"], [])
# "the Calloway administration said": the administration speaks, not the leader it is named for
_LEADERS_RULE: Final = OpeningGuard(re.compile(r" (?:administration|government|regime)\b"))
_RULE_INITIALS: Final = frozenset("agr")  # the letter after the space of every match


def _outside(mentions: list[_Mention], spans: list[QuoteSpan]) -> list[_Mention]:
    """The `mentions` (by start) that do not start inside a quotation of `spans` (by opening
    mark, none inside another): one walk over both, as `SpeakerFinder._in_quote` tells."""
    kept: list[_Mention] = []
    k, n = -1, len(spans)
    for m in mentions:
        while k + 1 < n and spans[k + 1].open_mark <= m.start:
            k += 1
        if k < 0 or m.start >= spans[k].close_mark:
            kept.append(m)
    return kept


def _unpossessed(word: str) -> str:
    """'coach's' → 'coach'; 'States'' → 'States'; any other word as it is."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word.rstrip("'’")


def _qualifiers(words: list[str]) -> list[str]:
    """The lower-case words before a role that say which one it is ("local health" minister);
    "newly elected", "recently appointed" (a time adverb and the participle after it) say
    when, as "former" does."""
    kept = []
    for i, w in enumerate(words[:-1]):
        if not w.islower() or w in _TIME_QUALIFIERS or w in _DESCRIBING_QUALIFIERS:
            continue
        if (w in _TIME_ADVERBS and words[i + 1] in _TAKING_OFFICE) or (
            w in _TAKING_OFFICE and i and words[i - 1] in _TIME_ADVERBS
        ):
            continue
        kept.append(w)
    return kept


def _masked(text: str, spans: list[QuoteSpan]) -> str:
    """`text` with every quotation's inside replaced by "x" (same length), so stops inside
    quotations end no sentence."""
    parts: list[str] = []
    pos = 0
    for span in spans:
        start = span.open_mark + 1
        inside = max(0, span.close_mark - start)
        if start < pos:  # spans out of order or overlapping: mask character by character
            chars = list(text)
            for s in spans:
                n = max(0, s.close_mark - s.open_mark - 1)
                chars[s.open_mark + 1 : s.open_mark + 1 + n] = "x" * n
            return "".join(chars)
        parts += (text[pos:start], "x" * inside)
        pos = start + inside
    parts.append(text[pos:])
    return "".join(parts)


# Whether this module runs compiled (mypyc makes its functions built-in ones): verb_matches and
# verb_search read characters only then (in Python a loop over them costs more than the search).
_COMPILED: Final = not isinstance(verbs_at_word_starts, FunctionType)
