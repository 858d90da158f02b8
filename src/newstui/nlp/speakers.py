"""Speaker attribution: who said each quotation, from the sentence around it and the article's entities."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from operator import itemgetter
from typing import Final, NamedTuple

from newstui.model import Entity, Mention
from newstui.nlp.entities import DOTTED_TITLES, SPEECH_OPENERS
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.quotes import NAMING_CUE, NAMING_CUE_HEADS, QuoteSpan, title_cased
from newstui.nlp.segment import (
    LiteralGuard,
    literal_heads,
    may_match,
    paragraph_spans,
    sentence_starts,
)

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
    "underlined|underlines|went on to add|goes on to add|assailed|accusing|cited|"
    "reacted|reacts|reacting|confirming|confirms|believes|regards|regarded|ruled|"
    # the plural present ("The proposals cite", "They reiterate", "officials warn") and verbs
    # of answering and labelling ("Moss retorted", "The air force branded as")
    "cite|cites|reiterate|reiterates|argue|insist|warn|explain|admit|acknowledge|"
    "acknowledges|contend|contends|assert|asserts|concede|concedes|allege|alleges|"
    "concurred|concurs|retorted|answered|branded|brands|informed|informs|"
    # verbs of opinion and of putting words on something ("Topol agrees that", "Iriti thinks",
    # "Dreeben likened it to", "Bush proclaimed", "quoted as responding")
    "agrees|thinks|predicts|threatened|likened|discussed|proclaimed|responding|"
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
# A name right before its attribution verb: "Reid wrote", "Reid also said", "Reid, 41, said".
SPEECH_AFTER: Final = re.compile(
    rf"(?:,[^,.]{{1,40}},)?(?:\s+(?:also|then|later|has|had|have|was|is|once|often|[a-z]+ly))*"
    rf"\s+(?:{_VERB_ALTERNATION})\b"
)
_PARTICIPLE_OR_ACCORDING: Final = re.compile(
    r"ing$|^according to$|^in the words of$", re.IGNORECASE
)
_CREDITING: Final = ("according to", "in the words of")
_PRONOUNS: Final = {"he": "m", "she": "f", "him": "m", "her": "f", "it": "it", "its": "it"}
_UNNAMED_OPENERS: Final = re.compile(
    r"^\W*(?:a|an|one|another|two|three|some|several)\b", re.IGNORECASE
)
# Prepositions of place: "a student from Kibera", "an official in Port Sudan" say where an
# unnamed speaker is, not who speaks.
_LOCATIVE: Final = frozenset("from in near at".split())
# "The masked man on the video said", "The IATA boss said that": a sentence whose subject is a
# description of one person (a role or a plain noun), not a name.
_DESCRIBED_SUBJECT: Final = re.compile(
    r"^\W*(?:[A-Z]\w*(?: \w+){0,3}, )?[Tt]he\s+((?:[\w.'’-]+\s+){0,3}?)([a-z-]+)"
    rf"(?:\s(?:on|in|at|from|of)\s[^,.;:]{{1,30}}?)?(?:\s+(?:also|later|then))?\s+(?:{_VERB_ALTERNATION})\b"
)
_PERSON_NOUNS: Final = frozenset("man woman boy girl person".split())
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
_APPOSITIVE_NOUN: Final = re.compile(
    r",\s+(?:a|an|the|his|her)\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)(?=\s+(?:for|of|at|in|to|with)\b|[,;.)])"
)
# Words before a role that say when, not which: "the former minister" is the minister named before
_TIME_QUALIFIERS: Final = frozenset(
    "former then new current outgoing incoming acting interim late".split()
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
_RELATIVE: Final = re.compile(r"\s*(?:who|whose|whom|which)\b")
# "A company spokesman": the body a spokesperson speaks for, named by its kind
_BODY_SPOKESPERSON: Final = re.compile(
    r"^\s*(?:a|an|the)\s+(\w+)\s+(?:spokesperson|spokesman|spokeswoman)\s*$", re.IGNORECASE
)
_AUX: Final = frozenset(
    "also later then has had have was is previously further again earlier".split()
)
# Adverbs between a subject and its verb: "she once said", "he often said", "Moss quickly added"
_ADVERB: Final = re.compile(r"once|often|[a-z]{2,}ly")
# The verbs of a source speaking inside a clause of reported speech ("reported its source said")
_NESTED_SAYING: Final = frozenset("said says say told tells".split())
# The pronouns that may be the subject of a verb inside a clause of reported speech
_SUBJECT_PRONOUNS: Final = frozenset("he she it they we i you".split())
_SPEAKING_ORG_NOUNS: Final = frozenset(
    "agency company firm group organisation organization regulator bank club union party ministry department "
    "government police army military court council authority commission office board charity network "
    "committee foundation association institute tribunal panel".split()
)
# Verbs after which a name may be the speaker ("said Mensah:"); after "told" or "asked" it is the
# listener ("Mensah told Reuters:").
_SAY_THEN_SPEAKER: Final = frozenset(
    "said says added wrote writes replied continued tweeted posted stated declared".split()
)
# ", said Lee." closing a sentence: the credit of all the sentence says, fragments included
_SENTENCE_CREDIT: Final = re.compile(
    rf",\s+(?:{'|'.join(sorted(_SAY_THEN_SPEAKER))})\s+([^,;:.!?]{{2,60}})[.!?]?\s*$"
)
_CLOSING_MARKS: Final = ("”", '"', "’", "'")
# A statement quoted as written: "Moss's statement read:", "the decree signed by X read".
_STATEMENT_READ: Final = re.compile(
    r"\b(statement|decree|letter|message|post|tweet|note|notice|announcement|opinion|ruling|"
    r"release|proclamation)\b[^.;]{0,160}"
    r"\b(?:read|reads|says|said|stated|states)(?:\s+in\s+part)?\s*[,:]?\s*$"
)
# What the head before a quote ends with (but spaces and one colon or comma) when _STATEMENT_READ
# matches.
_STATEMENT_READ_ENDS: Final = ("read", "reads", "says", "said", "stated", "states", "part")
# "on Apple's website", "on Moss's Twitter account": the owner of the page a text is posted on
_PLATFORM_OWNED: Final = re.compile(
    r"['’]s?\s+(?:official\s+)?(?:website|web\s+site|site|homepage|page|account|blog|channel|"
    r"Twitter|Facebook|Instagram|YouTube)\b"
)
# "It read, “…”" after "Acme released a statement.": the statement of the sentence before
_IT_READ: Final = re.compile(
    r"^\W*(?:It|it|This|this)\s+(?:also\s+)?(?:read|reads)(?:\s+in\s+part)?\s*[,:]?\s*$"
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
_WHO_BEFORE_VERB: Final = re.compile(
    r",\s+who(?:\s+(?:also|later|then|had|has|have|was|is|previously|further))*\s+$"
)
# " and House Speaker ": "and" between two names, and the titles of the second
_AND_TITLES: Final = re.compile(r"\s+and\s+(?:[A-Z][\w.-]*\s+)*")
# ", an expert at ": an appositive after a name, up to the body it names
_APPOSITIVE_UNTIL: Final = re.compile(r",\s(?:a|an|the)\s[^,;.]*")
# "… and said", "… and later added": a verb sharing the clause's subject with the verb before it
_AND_VERB: Final = re.compile(
    r"(?:[^,]\s+and|,?\s+but)(?:\s+(?:also|later|then|has|had|have))*\s+$"
)
# "a statement from the", "the report by": a written text and the preposition naming its author
_WRITTEN_FROM: Final = re.compile(
    r"\s*(?:an?|the|its|their|his|her)\s+(?:\w+\s+)?(?:statement|letter|report|release|"
    r"announcement|message|post|tweet|note)\s+(?:from|by|of)\s+(?:the\s+)?"
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
_READS_STATEMENT: Final = re.compile(rf"^[\s,]*{_READS_OWNER}")
# '“…,” reads Judge Moss's statement, “…”': the same frame before the quote it opens
_READS_STATEMENT_BEFORE: Final = re.compile(rf"{_READS_OWNER}\s*[,:]\s*$")
_PHRASE_STOP: Final = re.compile(
    r"[,;:()]|\s(?:who|which|that|as|in|on|at|after|before|during|when|while|to|from)\s"
)


_ON_BEHALF: Final = re.compile(
    r"\b(?:spokesperson|spokesman|spokeswoman|representative)\s+(?:for|of|from|at)\s+the\s+(\w+)\s*$",
    re.IGNORECASE,
)


# Verbs that put a label on something: the quoted label after them is the subject's word.
_LABEL: Final = re.compile(
    r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|"
    r"referr(?:ed|ing) to|refers to|dubb?(?:ed|s|ing)?|label(?:l?ed|s)?|brand(?:ed|s)|term(?:ed|s))\b"
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
)
# "According to Moss, the storm will be “very dangerous”": the sentence is credited to Moss
_ACCORDING_OPENS: Final = re.compile(r"^\W*(?:[Aa]ccording to|[Ii]n the words of)\s([^,;:]+)")
# Where a clause of its own begins: a mention before it is not the subject of a later verb.
_CLAUSE_BREAK: Final = re.compile(
    r";|\s(?:while|whereas|but|although|though|after|before|when|which|who|whom)\s"
)
# A leading prepositional phrase and its comma: "Despite the claim by Acme, ", "After meeting Lee, "
_LEADING_PHRASE: Final = re.compile(
    r"\W*(?:Despite|After|Before|Following|During|Since|Unlike|Amid|Among|Besides|With|Without|"
    r"In|On|At|For|From|By|Under|Over|Against|Through|Beyond)\s[^,;:]{1,120},\s*"
)
# Where a clause of its own may begin between two names: "Lee condemned it and Acme said"
_NAMES_BREAK: Final = re.compile(r"[,;]|\b(?:and|but|while|whereas)\b")
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
_REPORTED_CLAUSE_NEEDS: Final = LiteralGuard(_REPORTED_CLAUSE)
# Full stops that end sentences, and those of abbreviated titles ("Dr.") that do not
_STOP: Final = re.compile(r"[.!?](?:\s|$)")
_TITLE_STOP: Final = re.compile(rf"\b(?:{'|'.join(sorted(DOTTED_TITLES))})\.\s")
# The titles of people only: "St." and "Mt." (street, mount) may end a sentence
_PERSON_TITLE_STOP: Final = re.compile(
    rf"\b(?:{'|'.join(sorted(DOTTED_TITLES - {'St', 'Mt'}))})\.\s"
)
# "Laura E. Jones", "U.S. Navy": initials and dotted initialisms before a capitalised word
_INITIALS_STOP: Final = re.compile(r"\b(?:[A-Z]\.){1,3}(?=\s+[A-Z])")
_TITLE_WORDS: Final = DOTTED_TITLES | {"Saint", "San", "Santa", "Sainte"}
# ", and Moss had said": a coordinated clause, no appositive
_COORDINATED: Final = re.compile(r",\s(?:and|but|or|so|yet|then)\s")
# "In his message, ", "However, addressing the leaders, ": before a clause's subject.
_LEADING_ADVERBIAL: Final = re.compile(r"^\s*(?:(?:[A-Z]\w*|[a-z]+)(?: [^,]{0,40})?, )+")
_PARTICIPLE_AT: Final = re.compile(r"[a-z]+ing\b")
# Words ending in "s" that are no plural noun a relative clause could describe
_NOT_PLURAL_NOUNS: Final = frozenset(
    "as was has is this thus its his hers theirs ours yours us yes whereas always perhaps "
    "besides sometimes unless".split()
)
_WORD_AFTER: Final = re.compile(r"\s+([a-z]+)\b")
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
_NAMING_VERB: Final = re.compile(
    r"\b(?:named?|names|naming|dubb?(?:ed|s)?|nicknamed|(?:en)?titled|termed|labell?ed)\b"
)
_POSSESSIVE_AFTER: Final = re.compile(r"['’]s?\s")
# "'s longtime friend ", "'s lawyer, ": a possessive and the lower-case role noun of the person
# who follows it
_ROLE_BEFORE_NAME: Final = re.compile(r"['’]s?(?:\s+[a-z][\w-]*){1,4},?\s+$")


# "Remarked scientist Tierra Curry, “…”", "Explains CEO Ann B. Lee, “…”": a sentence that opens
# with its verb (past or present) names the speaker after it, up to the comma or colon that opens
# the quotation; a full stop there only after an initial.
_INVERTED_OPENERS: Final = SPEECH_OPENERS | frozenset("explains adds notes comments".split())
_INVERTED: Final = re.compile(
    rf"^\s*(?:{'|'.join(sorted(w.capitalize() for w in _INVERTED_OPENERS))})\s+"
    r"((?:[^.;!?]|(?<=\b[A-Z])\.){3,90}?)[,:]\s*$"
)
# "…,” recalling their first meeting. “…”: a participle clause after a quote, naming nobody
_PARTICIPLE_GAP: Final = re.compile(r"^[\s,]*[a-z]+ing\b[^.!?]{0,80}[.!?]\s*$")
# '“…”, and adds that tests ought to be done yearly.¶“…”': the subject's own next verb of speech
_SAME_SUBJECT_GAP: Final = re.compile(
    rf"^,?\s+and\s+(?:also\s+)?(?:{_VERB_ALTERNATION})\b[^.!?]{{0,100}}[.!?]\s*$"
)
# "“…” — Aparna Garg, railway manager": a name after a dash closing the quote, as in epigraphs
_DASH_CREDIT: Final = re.compile(r"^\s*(?:[—–]|-(?=\s))\s*\u200d?\s*")
# '“It's awful,” Ann Lee, a professor of design.': a credit with no verb, the person and an
# appositive that end the sentence
_BARE_CREDIT_END: Final = re.compile(r"\s*(?:,[^.;:!?]{1,120})?[.!?]?\s*$")
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
# "In his opinion, …", "In her view, …": a sentence giving the words of the person "his" names
_IN_HIS_OPINION: Final = re.compile(r"^\W*[Ii]n\s+(his|her)\s+(?:opinion|view|words|mind),")
_SUBJECT_OF: Final = {"his": "he", "her": "she"}
_LAST_THE: Final = re.compile(r"\b[Tt]he\s+(?:[\w.-]+\s+){0,3}[\w.-]+\s*$")
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
# Written texts that "add" or "say" things for their author: "the statement added".
_WRITTEN_TEXTS: Final = frozenset(
    "statement letter report release communique communiqué warning notice advisory bulletin "
    "decree announcement".split()
)
_WORDS: Final = re.compile(r"[a-z][\w'’-]*")
# Written or spoken texts whose author "it" may stand for: "The review urged …. It also asks"
_TEXT_NOUNS: Final = _WRITTEN_TEXTS | frozenset(
    "review study ruling decision judgment judgement opinion document memo filing paper survey "
    "resolution proposal verdict order".split()
)
# "the warning issued by Met Éireann", "a statement from Acme": the author after the text's noun
_AUTHOR_AFTER: Final = re.compile(
    r"s?\s+(?:(?:\w+\s+)?(?:issued|signed|written|released|published|posted|sent|put out)"
    r"\s+by|from)\s+(?:the\s+)?"
)
# 'The opinion of the Court, released on Wednesday, read': the body that owns the text
_OWNER_OF: Final = re.compile(r"\s+of\s+(the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\b")
# '“…”, the letter read.': a written text named before, reading out after the quotation
_TEXT_READ_AFTER: Final = re.compile(
    r"^[\s,]*the\s+(?:[\w-]+\s+)?("
    + "|".join(sorted(_WRITTEN_TEXTS))
    + r")\s+(?:also\s+)?(?:read|reads)\b"
)
# '“…”, read the warning.': the written text named after the quotation speaks for its author
# ('reads an Acme press release': a name among its modifiers is that author)
_READ_BY_TEXT: Final = re.compile(
    r"^[\s,]*(?:read|reads)\s+(?:the|an?|its|their|his|her)\s+((?:[\w-]+\s+){0,3}?)("
    + "|".join(sorted(_WRITTEN_TEXTS))
    + r")\b"
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
    r"([Tt]he\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s*[,:]?\s*$"
)
# "The new governor of the region, ": a clause opening with a determiner's noun phrase, which
# the person set off by commas after it names
_OPENING_NOUN_PHRASE: Final = re.compile(r"^\s*(?:The|A|An|Its|His|Her|Their)\s+[^,]+,\s$")
# "The judge's summary ", "Part of the king's message ": a described owner's written text
# that opens the clause and stands right before its verb
_TEXT_AS_SUBJECT: Final = re.compile(
    r"^\s*(?:Part\s+of\s+)?[Tt]he\s+(?:[\w-]+\s+){0,2}?[\w-]+['’]s?\s+(?:[a-z]+\s+)?"
    + _OWNED_TEXT_NOUNS
    + r"\s*$"
)
# 'Moss was described by the council as “…”': a passive verb of labelling and its agent
# ('a pattern described by Acme as “…”': the participle after a noun phrase is passive too)
_PASSIVE_BEFORE: Final = re.compile(
    r"\b(?:(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?|(?:a|an|the)\s+[a-z-]+\s+)$"
)
_LABELLED_BY: Final = re.compile(
    r"^\s+by\s+([^,.;:]{2,60}?)\s+(?:as\s+(?:an?\s+|the\s+)?|of\s+|that\s+(?:[^,.;:]{1,60}\s)?)$"
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
# "quotes the minister saying, ", "quoted Ann Reid as saying that ": whom a text quotes
_QUOTES_SAYING: Final = re.compile(
    r"\bquot(?:es|ed|ing)\s+(?!as\b|by\b)([^,.;:]{2,80}?)\s+(?:as\s+)?saying(?:\s+that)?\s*,?\s*$"
)
# '“…,” Reuters news agency quotes him as saying': whom the outlet after a quotation quotes
_QUOTED_AFTER: Final = re.compile(
    r"^[\s,]*(?:[\w'’.-]+\s+){1,5}?quot(?:es|ed)\s+(?:(him|her)|([^,.;:]{2,60}?))\s+as\s+saying\b"
)
# "about the ", "of a ": a fragment that is what something is about, not anyone's words
_TOPIC_BEFORE: Final = re.compile(r"\b(?:about|of|on)\s+(?:(?:the|a|an)\s+)?$")
# "He complained the banks …", "She has also urged …": a pronoun and its speech verb open the clause
_PRONOUN_SPEAKS: Final = re.compile(
    rf"\W*(?:He|She)(?:\s+(?:also|then|later|has|had|have|[a-z]+ly))*\s+(?:{_VERB_ALTERNATION})\b"
)
# ", anticipating a debate," before a verb: a participle phrase set off by commas
_PARTICIPLE_ASIDE: Final = re.compile(r"\s*[a-z]+ing\s")
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
_PARTICIPLE_OPENS: Final = re.compile(r"^\W*([A-Z][a-z]+ing)\s")
_DETERMINER_END: Final = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
_SPOKES_WORDS: Final = frozenset("spokesperson spokesman spokeswoman".split())
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
    """`pattern` as a whole word, any case ("statement", a role, "he"): compiled once."""
    return re.compile(rf"\b{pattern}\b", re.IGNORECASE)


class _Mention(NamedTuple):
    """One mention of an entity outside quotations (a named tuple: one is built per mention)."""

    start: int
    end: int
    entity: Entity


def _new_mention(start: int, end: int, entity: Entity) -> _Mention:
    """`_Mention(start, end, entity)`, the same tuple, made without the named tuple's `__new__`:
    that runs as Python code even in the compiled extractor (~2,400 instructions a mention)."""
    return tuple.__new__(_Mention, (start, end, entity))


# "the Calloway administration said": the administration speaks, not the leader it is named for
_LEADERS_RULE: Final = re.compile(r" (?:administration|government|regime)\b")


class SpeakerFinder:
    """Attributes the speech quotes of one article."""

    def __init__(
        self,
        text: str,
        spans: list[QuoteSpan],
        entities: list[Entity],
        short: set[QuoteSpan] | frozenset[QuoteSpan] = frozenset(),
    ) -> None:
        self.text = text
        self.spans = spans
        self.short = short
        self.open_marks = [s.open_mark for s in spans]
        self.types = {e.name: e.type for e in entities}
        if not spans:  # no quotation (many articles): nothing to attribute, nothing to prepare
            self.masked, self.sentences, self.paragraph_starts = text, [0], []
            self.mentions, self.mention_starts = [], []
        else:
            self.masked = _masked(text, spans)
            self.sentences = sentence_starts(self.masked)
            self.paragraph_starts = [s for s, _ in paragraph_spans(text)]
            self.mentions = _outside(
                sorted(
                    (
                        _new_mention(m.start, m.end, e)
                        for e in entities
                        if e.type in _SPEAKING_TYPES
                        for m in e.mentions
                        if not (e.type == "PERSON" and _LEADERS_RULE.match(text, m.end))
                    ),
                    key=itemgetter(0),  # the mention's start
                ),
                spans,
            )
            self.mention_starts = [m.start for m in self.mentions]
        # Speakers named by a description ("the Syrian army"): name → offsets of its first use
        self.described: dict[str, tuple[int, int]] = {}
        self.first_names = load_gazetteer().first_names
        self._genders: dict[str, str | None] = {}  # `_article_gender` of each person asked
        # How `speakers()` found each: after, before, carried, context, nobody; short fragments
        self.how: list[str] = []

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.open_marks, pos) - 1
        return k >= 0 and pos < self.spans[k].close_mark

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        """Mentions outside quotations that start in [start, end), in order."""
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return self.mentions[lo:hi]

    def speakers(self) -> list[str | None]:
        """One speaker (or None) per span, in order."""
        out: list[str | None] = []
        self.how = []
        prev: tuple[QuoteSpan, str | None, str] | None = None  # the last quote kept, how found
        for span in self.spans:
            if span in self.short:
                speaker, found = self._short_speaker(span), "after"
                out.append(speaker)  # a fragment counts only with its own attribution
                self.how.append("short")
                if speaker:
                    prev = (span, speaker, found)
                continue
            speaker, found = self._after(span), "after"
            if not speaker:
                # "" is a verb after the quote with no name before it ('…them." Democrats
                # expressed…', '…," further remarking'): the sentence before may name one
                before = self._before(span)
                if before or speaker is None:
                    speaker, found = before, "before"
            if speaker is None:
                found = "none"
                if prev and prev[1] and self._continues_previous(prev[0], span, prev[2] == "after"):
                    speaker, found = prev[1], "carried"
                else:
                    speaker = (
                        self._interviewee(span)
                        or self._sentence_before_names(span)
                        or self._clause_subject(span)
                    )
            out.append(speaker or None)
            self.how.append(("context" if speaker else "nobody") if found == "none" else found)
            prev = (span, speaker or None, found)
        return self._fullest_forms(out)

    def _fullest_forms(self, speakers: list[str | None]) -> list[str | None]:
        """Each person speaker by the article's fullest name of them: "Ann Lee" is "Ann B. Lee"
        when that is the one person entity with the same names and middle initials added."""
        fuller: dict[str | None, str] = {}
        for name in {s for s in speakers if s and " " in s and self.types.get(s) == "ORG"}:
            # "Department of Justice" is the article's one "U.S. Department of Justice"
            longer = [
                n for n, kind in self.types.items() if kind == "ORG" and n.endswith(" " + name)
            ]
            if len(longer) == 1:
                fuller[name] = longer[0]
        for name in {s for s in speakers if s and " " not in s and self.types.get(s) == "PERSON"}:
            # "Beazley" kept apart from "Kim Beazley" (as by "a Beazley Labor government"): the
            # one person of the article whose full name ends with that surname
            title, dot, surname = name.partition(".")
            if not (dot and surname and title in DOTTED_TITLES):
                surname = name  # "Mr.Bush", a title glued to the surname: the surname
            full = [
                n
                for n, kind in self.types.items()
                if kind == "PERSON" and n.endswith(" " + surname)
            ]
            if not full:
                # "Mekdad" for "Fayssal Mekhdad", "Wiraydua" for "Hassan Wirayuda": the one
                # person whose surname is the same name spelled with one letter off
                full = [
                    n
                    for n, kind in self.types.items()
                    if kind == "PERSON"
                    and " " in n
                    and _one_letter_off(surname, n.rsplit(None, 1)[1])
                ]
            if len(full) == 1:
                fuller[name] = full[0]
        named = {s for s in speakers if s and " " in s and self.types.get(s) == "PERSON"}
        # a fuller form has three words or more: most articles have none, and stop here
        people = [n for n, kind in self.types.items() if kind == "PERSON" and n.count(" ") > 1]
        if not named or not people:
            return [fuller.get(s, s) for s in speakers] if fuller else speakers
        for name in named:
            words = name.split()
            longer = [
                other
                for other in people
                if len(other) > len(name)
                and len(other_words := other.split()) > len(words)
                and other_words[0] == words[0]
                and other_words[-1] == words[-1]
                and set(words) < set(other_words)
                # only initials added ("Ann B. Lee"): "Ann Ruiz Lee" may be another Ann Lee
                and all(_INITIAL.fullmatch(w) for w in other_words if w not in words)
            ]
            if len(longer) == 1:
                fuller[name] = longer[0]
        return [fuller.get(s, s) for s in speakers] if fuller else speakers

    def _short_speaker(self, span: QuoteSpan) -> str | None:
        """The person or organisation a fragment of three words or fewer is attributed to, if the
        sentence says so: '“We stand ready,” tweeted Moss', 'Moss called the plan “lousy”', or
        beside a longer quote of the same sentence; otherwise it is a scare quote (None)."""
        # '“a mess.” Biden called Trump a “…”': a fragment closed by its own stop is not spoken
        # by the next sentence, which runs into the next quotation
        speaker = None if self._next_sentence_opens_quote(span) else self._after(span)
        if not speaker:
            sent_start, _ = self.sentence_bounds(span.open_mark)
            head = self.masked[sent_start : span.open_mark]
            # each search only when the head holds a word opening one of its matches
            label_ends = (
                [m.end() for m in _LABEL.finditer(head)] if may_match(head, _LABEL_HEADS) else []
            )
            if may_match(head, _SPEECH_ABOUT_HEADS):
                label_ends += [m.end() for m in _SPEECH_ABOUT.finditer(head)]
            labelled = bool(label_ends) and len(head) - max(label_ends) <= 60
            according = _ACCORDING_OPENS.match(head)
            credited = according is not None and any(
                m.entity.type in ("PERSON", "ORG")
                and not _PREPOSITIONS.intersection(
                    self.masked[sent_start + according.start(1) : m.start].lower().split()
                )
                for m in self.mentions_in(sent_start, sent_start + according.end())
            )  # "According to the magazine Salon, …", not "According to data from Acme, …"
            _, sent_end = self.sentence_bounds(span.open_mark)
            beside = any(
                sent_start <= s.open_mark < sent_end
                and s not in self.short
                and not self._ends_sentence_before(s, span)
                for s in self.spans
            )
            # "was “contrived.”": a fragment closed by its own stop or comma, after a speech verb
            stopped = self.text[span.start : span.end].rstrip()[-1:] in ".,!?"
            # 'He told the BBC that police suspect they had been “exposed to radicalism”.':
            # a fragment closing a sentence of reported speech is the reporter's words
            reported = (
                may_match(head, _REPORTED_THAT_HEADS)
                and _REPORTED_THAT.search(head) is not None
                and self._closes_sentence(span)
            ) or self._inside_reported_clause(span, sent_start)
            if may_match(head, NAMING_CUE_HEADS) and NAMING_CUE.search(head):
                return None  # 'the term “subject to”', 'he named it “Operation Spring”': a name
            labelled_as = _LABEL_AS.search(head) if may_match(head, _LABEL_AS_HEADS) else None
            verb_start = sent_start + labelled_as.start() if labelled_as else 0
            if labelled_as:  # "…such as Chris Moss, who denounced the claims as “…”"
                speaker = self._relative_subject(sent_start, verb_start)
            # 'would — as Moss had put it — “kill the bill”': whose words they are
            put_it = "put" in head and _AS_PUT_IT_BEFORE.search(head) is not None
            if not speaker and (
                labelled or beside or stopped or reported or credited or labelled_as or put_it
            ):
                speaker = self._before(span)
            if (
                not speaker
                and not (labelled or beside or stopped or reported or credited)
                and not title_cased(self.text[span.start : span.end])
                and not _TOPIC_BEFORE.search(head)  # "posted a report about the “scandal”"
                and self._person_speaks_in(
                    self._after_closed_quotes(sent_start, span.open_mark), span.open_mark
                )
            ):
                # 'Hugh Orde has praised the police for being “heroes”': the words of the
                # person whose speech verb heads the fragment's sentence
                subject = self._before(span)
                speaker = subject if self.types.get(subject or "") == "PERSON" else None
            if not speaker and labelled_as:  # "Acme justified the strike as “defensive”"
                speaker = self._first_named(sent_start, verb_start, span.open_mark)
            if not speaker:  # 'The missile used a “kinetic impact” to hit it, said Lee.'
                credit = _SENTENCE_CREDIT.search(self.masked, span.close_mark + 1, sent_end)
                if credit:
                    found = self.mentions_in(credit.start(1), credit.start(1) + 1)
                    speaker = found[0].entity.name if found else None
        return speaker if speaker and self.types.get(speaker) in ("PERSON", "ORG") else None

    def _person_speaks_in(self, start: int, end: int) -> bool:
        """Whether a person named in text[start:end] ("Hugh Orde has praised"), or a "he" or
        "she" opening it, is followed by a speech verb there."""
        if _PRONOUN_SPEAKS.match(self.masked, start, end):
            return True
        return any(
            m.entity.type == "PERSON" and self._speaks_after(m)
            for m in self.mentions_in(start, end)
        )

    def _next_sentence_opens_quote(self, span: QuoteSpan) -> bool:
        """Whether the quotation ends with its own stop and the text after it, a new sentence
        in the same paragraph with no stop of its own, runs into the next quotation."""
        if self.text[span.start : span.end].rstrip()[-1:] not in (".", "!", "?"):
            return False
        k = bisect.bisect_right(self.open_marks, span.close_mark)
        if k >= len(self.open_marks):
            return False
        tail = self.masked[span.close_mark + 1 : self.open_marks[k]]
        return (
            tail[:1].isspace()
            and tail.lstrip()[:1].isupper()
            and "\n" not in tail
            and _SENTENCE_STOP.search(tail) is None
        )

    def _inside_reported_clause(self, span: QuoteSpan, sent_start: int) -> bool:
        """'Lee said there had been a “major lull” in the rioting': whether the fragment sits in a
        clause of reported speech opened in its own sentence (not before a quotation that closed
        an earlier sentence the masked text could not see)."""
        for s in self.spans:
            if s.open_mark >= span.open_mark:
                break
            if sent_start <= s.open_mark and self._ends_sentence_before(s, span):
                sent_start = s.close_mark + 1
        clause = (
            _REPORTED_CLAUSE.search(self.masked, sent_start, span.open_mark)
            if _REPORTED_CLAUSE_NEEDS.may_match(self.masked, sent_start, span.open_mark)
            else None
        )
        if clause is None:
            return False
        # 'Acme reported its source said “…”': the words of the later verb's unnamed subject
        for verb in VERB.finditer(self.masked, clause.start() + 1, span.open_mark):
            if verb.group() not in _NESTED_SAYING:
                continue  # "writes that the rule asks parents to be subject to “…”"
            words = self.masked[clause.start() : verb.start()].split()
            while len(words) > 1 and (words[-1] in _AUX or _ADVERB.fullmatch(words[-1])):
                words.pop()
            if words[-1].islower() and words[-1] not in _SUBJECT_PRONOUNS:
                return False
        return True

    def _closes_sentence(self, span: QuoteSpan) -> bool:
        """Whether only a full stop (or nothing) follows the quotation in its paragraph."""
        after = self.text[span.close_mark + 1 : span.close_mark + 3]
        return after[:1] in (".", "") or after[:1] == "\n"

    def _ends_sentence_before(self, quote: QuoteSpan, later: QuoteSpan) -> bool:
        """'“…on it.” After her speech, the “Big Mike” slur…': a quotation before `later` that
        ends with its own full stop and is followed by a capitalised word closes its sentence
        (the masked text, which hides the stop, cannot tell)."""
        if quote.close_mark >= later.open_mark:
            return False
        ends = self.text[quote.start : quote.end].rstrip().rstrip("]")[-1:] in (".", "!", "?")
        after = self.text[quote.close_mark + 1 : later.open_mark]
        return ends and after[:1].isspace() and after.lstrip()[:1].isupper()

    def _interviewee(self, span: QuoteSpan) -> str | None:
        """A paragraph that is only a quote, after a paragraph ending on a sentence about a
        person ("Moss bristles at talk of…"), is that person speaking, as in interviews."""
        k = bisect.bisect_right(self.paragraph_starts, span.open_mark) - 1
        if k < 1 or self.masked[self.paragraph_starts[k] : span.open_mark].strip():
            return None
        prev_end = self.paragraph_starts[k] - 1
        last_start, _ = self.sentence_bounds(max(0, prev_end - 1))
        sentence = self.masked[last_start:prev_end]
        if (
            self._in_quote(prev_end - 1)
            or any(last_start <= s.open_mark < prev_end and s not in self.short for s in self.spans)
        ):  # a fragment there ('bristles at talk of “elevating” food') leaves it a sentence about her
            return None
        people = [m for m in self.mentions_in(last_start, prev_end) if m.entity.type == "PERSON"]
        if people:
            return people[0].entity.name
        role = self._opening_role(last_start, prev_end)
        if role:  # "The Queen herself mentioned the visit in her speech.¶“…”": its holder
            return role
        if sentence.rstrip().endswith(":"):
            # 'The UN asked the government to act:' as a paragraph of its own: what follows is
            # said by the subject of that introduction, an organisation as well as a person
            verb = VERB.search(self.masked, last_start, prev_end)
            named = (
                self._named_in(last_start, verb.start(), prev_end, allow_pronoun=True)
                if verb
                else self._first_named(last_start, prev_end, prev_end)
            )
            if named:
                return named
        pronoun = _SUBJECT_PRONOUN.search(sentence)
        return self._resolve_pronoun(pronoun.group(1).lower(), last_start) if pronoun else None

    def _sentence_before_names(self, span: QuoteSpan) -> str | None:
        """'Comic artist Jo Lee told of a hard start. “In my first stint, …”': a quote that opens
        its own sentence with no attribution, after a sentence of the same paragraph that names
        one person only (or opens with "he"/"she"), is that person speaking."""
        i = bisect.bisect_right(self.sentences, span.open_mark) - 1
        if i < 1 or self.masked[self.sentences[i] : span.open_mark].strip(" \t\n\"“‘'"):
            return None
        start, end = self.sentences[i - 1], self.sentences[i]
        if any(start < p <= end for p in self.paragraph_starts):
            return None
        # '…of expression.” Pelosi also said in a statement. “…”': a quotation closed by its own
        # stop ends the sentence before it
        start = self._after_closed_quotes(start, end)
        if any(start <= o < end for o in self.open_marks):
            return None
        people = {
            m.entity.name
            for m in self.mentions_in(start, end)
            if m.entity.type == "PERSON"
            and not self._in_parentheses(start, m.start)
            and not self._attributive(m)  # "He praised the Moss administration.": no subject
        }  # "Jo Lee (Nancy Drew, Jem) told of…": credits in parentheses name no speaker
        if len(people) == 1:
            return people.pop()
        verb = VERB.search(self.masked, start, end) if people else None
        if (
            verb
            and not verb.group().endswith("ing")
            and verb.group()[:1].islower()
            # one name before the verb, but for those after a preposition ("Ann Lee, an
            # analyst with Acme Partners, said")
            and len(
                {
                    m.entity.name
                    for m in self.mentions_in(start, verb.start())
                    if not self._after_preposition(m)
                }
            )
            == 1
            # 'Moss said Reid had written to the court. “…”': Reid's words, perhaps
            and not VERB.search(self.masked, verb.end(), end)
            and not _OTHER_SPEECH.search(self.masked, verb.end(), end)
        ):
            # 'Moss said that her talks with Reid were good. “We put aside …”': of several
            # people, the one subject of the sentence's speech verb ("Moss and Reid argued"
            # names two: nobody)
            subject = self._first_named(start, verb.start(), verb.start())
            if subject in people:
                return subject
        sentence = self.masked[start:end]
        opener = _LEADING_ADVERBIAL.match(sentence)  # "Underwhelmed by it, she left."
        words = sentence[opener.end() if opener else 0 :].split()
        if not people and words[:1] and words[0].lower() in ("he", "she"):
            return self._resolve_pronoun(words[0].lower(), start)
        if not people and words[:1] == ["The"] and VERB.search(sentence):
            # 'The Premier said it would be wise to wait. “…”': the role's holder goes on
            return self._opening_role(start, end)
        return None

    def _clause_subject(self, span: QuoteSpan) -> str | None:
        """'Lee believed the plan would “…”', 'and the bank will “…”': a quote inside a clause
        with no verb of speaking is the words of that clause's subject, when the subject is the
        last person or organisation before the quote, opens its clause (the sentence, or after
        "and"/"but"/";") and is followed by its verb in the active voice; a leading "he"/"she"
        with no name after it stands for its person. A quotation that is a name ("Keeper of the
        Seal"), or one the clause names something with, is nobody's words."""
        start, _ = self.sentence_bounds(span.open_mark)
        head = self.masked[start : span.open_mark]
        if not head.strip() or self._in_parentheses(start, span.open_mark):
            return None  # a quote opening its sentence: `_sentence_before_names` decides
        if title_cased(self.text[span.start : span.end]):
            return None  # 'Lee took the title of "Keeper of the Seal"': a name, not words
        named = [
            m for m in self.mentions_in(start, span.open_mark) if m.entity.type in _SUBJECT_TYPES
        ]
        if named:
            m = named[-1]
            lead = self.masked[start : m.start]
            opening = _LEADING_ADVERBIAL.match(head)
            if opening and start + opening.end() > m.end and lead.strip():
                return None  # "Asked about his deputy, Ivan Lee, at the hearing, …": no subject
            opener = _LEADING_ADVERBIAL.match(lead)  # "In May, Lee …"
            if not (
                _CLAUSE_OPENING.search(lead)
                or (opener and _CLAUSE_OPENING.match(lead[opener.end() :]))
            ):
                return None
            subject_end = m.end
        else:
            opener = _LEADING_ADVERBIAL.match(head)
            pronoun = _PRONOUN_SUBJECT.match(head, opener.end() if opener else 0)
            if pronoun is None:
                return None
            subject_end = start + pronoun.end(1)
        verb = _SUBJECT_VERB.match(self.masked, subject_end, span.open_mark)
        if (
            verb is None
            or verb.group(1) in _NOT_A_VERB
            # "Lee and the council were mocked with chants of “…”": not their words
            or _PASSIVE.match(self.masked, verb.start(1), span.open_mark)
            # "The board named the new ward “…”": a name it gives, not its words
            or _NAMING_VERB.search(self.masked, subject_end, span.open_mark)
            # "opposes a bill that would let …", "mocked the council's promise to …", "…, and
            # the crowd joined in for …": a text, another holder or another clause in between
            or _OTHER_CLAUSE.search(self.masked, verb.end(1), span.open_mark)
        ):
            return None
        if named:
            return named[-1].entity.name
        return self._resolve_pronoun(self.masked[start:subject_end].split()[-1].lower(), start)

    def _in_parentheses(self, start: int, pos: int) -> bool:
        """Whether an opening parenthesis after `start` is still open at `pos`."""
        before = self.masked[start:pos]
        return before.count("(") > before.count(")")

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence (of the masked text) that holds `pos`."""
        i = bisect.bisect_right(self.sentences, pos) - 1
        end = self.sentences[i + 1] if i + 1 < len(self.sentences) else len(self.text)
        return self.sentences[i], end

    def _after(self, span: QuoteSpan) -> str | None:
        _, sent_end = self.sentence_bounds(span.close_mark)
        k = bisect.bisect_right(self.open_marks, span.close_mark)
        next_open = self.open_marks[k] if k < len(self.open_marks) else len(self.text)
        newline = self.text.find("\n", span.close_mark, sent_end)
        tail_end = min(sent_end, next_open, newline if newline >= 0 else sent_end)
        tail = self.masked[span.close_mark + 1 : tail_end]
        statement = _READS_STATEMENT.match(tail)
        if statement:  # '“…,” reads Judge Moss's ruling': the owner of the text speaks
            base = span.close_mark + 1
            owner = self._first_named(base, base + statement.end(1), span.close_mark)
            if owner:
                return owner
        read_by = _READ_BY_TEXT.match(tail)
        if read_by:  # '“…”, read the warning.': the text's author
            base = span.close_mark + 1
            for m in self.mentions_in(base + read_by.start(1), base + read_by.end(1)):
                if m.entity.type in ("PERSON", "ORG"):
                    return m.entity.name  # '“…”, reads an Acme press release'
            if any(w[:1].isupper() for w in read_by.group(1).split()):
                return None  # its author is named there, by a name no entity holds
            return self._author_of(read_by.group(2), span.open_mark)
        read_by = _TEXT_READ_AFTER.match(tail)
        if read_by:  # '“…”, the letter read.': the text's author
            return self._author_of(read_by.group(1), span.open_mark)
        put_it = _AS_PUT_IT_AFTER.match(tail)
        if put_it:  # '“…” — as the Supreme Court decision put it —': whose words they are
            base = span.close_mark + 1
            return self._first_named(base + put_it.start(1), base + put_it.end(1), span.close_mark)
        quoted = _QUOTED_AFTER.match(tail) if "quot" in tail else None
        if quoted:  # '“…,” Reuters quotes him as saying': the one quoted, not the outlet
            if quoted.group(1):
                return self._resolve_pronoun(quoted.group(1).lower(), span.open_mark) or ""
            base = span.close_mark + 1
            people = self.mentions_in(base + quoted.start(2), base + quoted.end(2))
            return next((m.entity.name for m in people if m.entity.type == "PERSON"), "")
        verb = VERB.search(tail[:160])
        while (
            verb and verb.group().endswith("ing") and _DETERMINER_END.search(tail, 0, verb.start())
        ):
            verb = VERB.search(tail[:160], verb.end())  # '“…,” the warning said': a noun
        if not verb:
            open_end = self.text[span.start : span.end].rstrip()[-1:] == ","
            return self._dash_credit(span.close_mark + 1, tail, open_end) or self._agent_after(
                span, tail
            )
        base = span.close_mark + 1
        before = tail[: verb.start()]
        last_char = self.text[span.start : span.end].rstrip().rstrip("[]")[-1:]
        if (
            last_char in ".?!"
            and tail_end == next_open
            # '“…a bench?” wrote Moss, the sculptor, in an e-mail. “…”': a tail that ends with
            # its own stop is the quote's attribution, not a sentence leading into the next
            and not tail.rstrip().endswith((".", "!", "?"))
        ):
            # '“…exempt?” Moss said, “People…”', '“…use.” The letter stressed “…”', '“…States.”
            # Reid praised it on X, stating he was “…”', '“…own.” Reeve called it an “odd” one':
            return None  # a new sentence with no stop of its own leads into the next quote
        if last_char in ".?!" and _CLAUSE_AFTER.match(tail, verb.end()):
            return None  # '“…genocidal war.” Reid then explained he was …': a new sentence
        if last_char in ".?!" and _INTRODUCING.search(
            self.masked,
            max(self.sentence_bounds(span.open_mark)[0], span.open_mark - 60),
            span.open_mark,
        ):
            return None  # 'Moss said at a briefing: “…attacker.” Acme has called for …'
        # '“…”, the club's coach Ann Lee said': a comma or dash right after the closing mark
        # leaves the sentence open as one inside the marks would (British and Wikinews style)
        ends_open = last_char in ",!?—–…-" or tail.lstrip(" ")[:1] in (",", "—", "–")
        if last_char in ".?!" and verb.group() == "According to" and not before.strip():
            return None  # '“…revoked them.” According to the report, Moss…': a new sentence
        if verb.group() == "according to" and not before.strip(" ,\t"):
            sent_start = self.sentence_bounds(span.open_mark)[0]
            said_by = [*VERB.finditer(self.masked, sent_start, span.open_mark)][-1:]
            if said_by and not _RELATIVE_WHICH.search(self.masked, sent_start, said_by[0].start()):
                # 'Khan denied it, saying “…”, according to IRNA': the agency reports what the
                # person its sentence names said; that person speaks ('the audit, which
                # called it “…”': the audit's words, so the outlet stays)
                said = self._before_from(span, sent_start)
                if said and self.types.get(said) == "PERSON":
                    return said
        if not before.strip(" ,\t"):
            after = tail[verb.end() :]
            written = _WRITTEN_FROM.match(after)
            if written:  # '“…,” said a statement from Moss's office': the statement's author
                at = base + verb.end() + written.end()
                for m in self.mentions_in(at, at + 1):
                    if m.entity.type in ("PERSON", "ORG"):
                        return m.entity.name
            if verb.group().endswith("ing") and after.split()[:1] not in (["he"], ["she"]):
                return None  # '“…,” praising Reid': the name after a participle is its object
            stop = _PHRASE_STOP.search(after)
            phrase_end = base + verb.end() + (stop.start() if stop else len(after.rstrip(" .")))
            named = self._named_in(
                base + verb.end(), phrase_end, span.close_mark, allow_pronoun=False
            )
            possessor = self.mentions_in(base + verb.end(), phrase_end)[:1]
            if possessor and _POSSESSIVE_AFTER.match(self.masked, possessor[0].end):
                # "writes Kerr's old friend Dan Boyd", "said Moss's lawyer, Ann Reid": the
                # possessive names whose friend speaks; the person right after its role noun
                # (or after one comma) is the speaker, never one in a later clause or sentence
                end = min(self.sentence_bounds(phrase_end)[1], phrase_end + 60)
                for m in self.mentions_in(possessor[0].end, end)[:1]:
                    if (
                        m.entity.type == "PERSON"
                        and _ROLE_BEFORE_NAME.match(self.masked[possessor[0].end : m.start])
                        and not self._after_preposition(m)
                        and not _POSSESSIVE_AFTER.match(self.masked, m.end)
                    ):
                        return m.entity.name
                if possessor[0].entity.type == "PERSON" and self._owner_of_role(possessor[0]):
                    return ""  # "said Senator Clark's spokesman, adding that …": unnamed
            if self.types.get(named or "") != "PERSON":
                # "said Acme's chancellor, Jane Moss", "said a protester using the name Kit"
                later = [
                    m
                    for m in self.mentions_in(phrase_end, base + len(tail))
                    if m.entity.type == "PERSON"
                    and m.start - phrase_end <= 60
                    and not self._after_preposition(m)  # "said a student from Kibera"
                ]
                if later:
                    return later[0].entity.name
            if named is None and _PARTICIPLE_OR_ACCORDING.search(verb.group()):
                return None  # '…,” adding that …': the speaker is the subject before the quote
            return named or ""
        first = (before.lstrip(" ,—–").split() or [""])[0]
        if first in _NOT_SUBJECT or ";" in before:
            return None  # '“interesting” case; Reid said': the verb of another clause
        subject_end = verb.start()
        quoted_as = _QUOTED_AS.search(before)
        if quoted_as:  # '“…,” he was quoted as saying': the subject of "was quoted"
            before, subject_end = before[: quoted_as.start()], quoted_as.start()
        elif verb.group() in _TOLD_VERBS and _PASSIVE_AUX_END.search(before):
            return ""  # '“…,” Moss was told': Moss listened; who spoke is not named
        if (
            not ends_open
            and len(_PARENTHESES.sub("", before).split()) > 3
            and not self._attribution_sentence(span, tail, verb)
        ):
            return None  # '“…” Ann Reid (chair of Acme) remarked': an aside adds no words
        # '“…,” State Sen. Ann Reid said': the stop of a person's dotted title ends nothing, in
        # a subject with no preposition ('neighbours of Mr. Reid said' is about Reid)
        if not _PREPOSITIONS.intersection(before.lower().split()):
            before = _PERSON_TITLE_STOP.sub(" ", before)
            # '“…,” AITA spokeswoman Laura E. Jones said': nor does a name's initial
            before = _INITIALS_STOP.sub(lambda m: m.group().replace(".", " "), before)
        if _SENTENCE_STOP.search(before):
            return None
        if len(before.split()) > 14:
            # '“…,” Ann Reid, vice president of Acme, a group for …, said': the name that
            # opens a subject set off by commas, however long its description
            lead = self.mentions_in(base, base + 4)
            if (
                lead
                and lead[0].entity.type == "PERSON"
                and not self.masked[base : lead[0].start].strip(" ,")
                and self.masked[lead[0].end : lead[0].end + 1] == ","
                and before.rstrip().endswith(",")
            ):
                return lead[0].entity.name
            return None
        return self._speaker_in(base, base + subject_end, span.close_mark)

    def _attribution_sentence(self, span: QuoteSpan, tail: str, verb: re.Match[str]) -> bool:
        """'“…support” EU Trade Commissioner Ann Lee said.': a quotation that opens its sentence,
        then a subject and a speech verb that end it, is attributed even with no comma between."""
        sent_start, _ = self.sentence_bounds(span.open_mark)
        return (
            not self.masked[sent_start : span.open_mark].strip()
            and _CLAUSE_ENDS.match(tail, verb.end()) is not None
        )

    def _agent_after(self, span: QuoteSpan, tail: str) -> str | None:
        """'It was declared a “pandemic” by the WHO': the person or organisation after "by"
        when the quotation is the complement of a passive speech verb before it."""
        by = _BY_AGENT.match(tail)
        if by is None:
            return None
        sent_start, _ = self.sentence_bounds(span.open_mark)
        verbs = list(VERB.finditer(self.masked, sent_start, span.open_mark))
        if (
            not verbs or not _PASSIVE_BEFORE.search(self.masked, sent_start, verbs[-1].start())
        ) and not _DEEMED.search(self.masked, sent_start, span.open_mark):
            return None
        base = span.close_mark + 1
        return self._first_named(base + by.start(1), base + by.end(1), span.close_mark)

    def _dash_credit(self, base: int, tail: str, open_end: bool) -> str | None:
        """'“…” — Aparna Garg, Mysore Divisional Railway Manager': the person right after a
        dash that follows the quotation is its author; so is the person of a sentence that
        is only a credit after a quotation ending with a comma ('“It's awful,” Ann Lee, a
        professor of design. “…”'), when a paragraph or another quotation follows it."""
        dash = _DASH_CREDIT.match(tail)
        at = dash.end() if dash else len(tail) - len(tail.lstrip())
        bare = (
            not dash
            and open_end
            and _PARAGRAPH_OR_QUOTE.match(self.masked, base + len(tail)) is not None
        )
        for m in self.mentions_in(base + at, base + at + 1):
            if m.entity.type == "PERSON" and (
                dash or (bare and _BARE_CREDIT_END.match(self.masked, m.end, base + len(tail)))
            ):
                # '“…,” Ann Lee, a professor of design.': the whole sentence is the credit
                return m.entity.name
        return None

    def _before(self, span: QuoteSpan) -> str | None:
        sent_start, _ = self.sentence_bounds(span.open_mark)
        lead = self.masked[:sent_start].rstrip()
        if (
            sent_start
            and not self.masked[sent_start : span.open_mark].strip()
            and (
                (lead.endswith(":") and self.masked.count("\n", len(lead), span.open_mark) == 1)
                # 'He questioned the war, saying,¶¶"Do you think…"': a speech verb and a comma
                or (
                    lead.endswith(",")
                    and _VERB_BEFORE_COMMA.search(lead[-40:]) is not None
                    and self.masked.count("\n", len(lead), span.open_mark) <= 2
                )
            )
        ):  # 'Moss writes:¶"It's a long shot…"': a colon introduction on the line before
            sent_start, _ = self.sentence_bounds(len(lead) - 1)
        own_start = sent_start
        for s in self.spans:  # '…victims[.]” She went on to say, “…”': that quote ended a sentence
            if sent_start <= s.open_mark and s.close_mark < span.open_mark:
                if self._ends_sentence_before(s, span):
                    own_start = s.close_mark + 1
            elif s.open_mark >= span.open_mark:
                break
        opener = self.masked[own_start : span.open_mark]
        participle = _PARTICIPLE_OPENS.match(opener)
        if (
            participle
            and VERB.fullmatch(participle.group(1).lower())
            # VERB is case-sensitive: the capitalised participle ("Calling") is no match, so
            # this finds a speech verb elsewhere in the opener only. An IGNORECASE VERB would
            # match the participle itself and switch the rule off without any error.
            and not VERB.search(opener)
            and "," not in opener
        ):
            # 'Calling it “just another apology”, Anna Franowska … told': the participle's
            # subject is the main clause's, after the quotation
            return self._subject_after(span)
        found = self._before_from(span, own_start)
        if own_start != sent_start and (
            found is None or (found == "" and not _NOUN_SUBJECT.match(opener))
        ):  # '…now.” During the premiere, “…”', '…all.” They said that “…”'
            return self._before_from(span, sent_start)
        return found  # '…plane.” An attorney for the families said “…”': someone unnamed

    def _subject_after(self, span: QuoteSpan) -> str | None:
        """The first person or organisation after the quotation, in its sentence and not after
        a preposition: the subject of the clause an opening participle phrase leads into."""
        _, sent_end = self.sentence_bounds(span.close_mark)
        for m in self.mentions_in(span.close_mark + 1, min(sent_end, span.close_mark + 150)):
            if m.entity.type in ("PERSON", "ORG") and not self._after_preposition(m):
                return m.entity.name
        return None

    def _before_from(self, span: QuoteSpan, sent_start: int) -> str | None:
        head = self.masked[sent_start : span.open_mark]
        # Each pattern below is tried only when the head holds what any match must hold (a
        # search for a pattern led by \b or a wide class tries it at every character).
        put_it = _AS_PUT_IT_BEFORE.search(head) if "put" in head else None
        if put_it:  # 'As Moss put it, “…”': whose words they are
            named = self._first_named(
                sent_start + put_it.start(1), sent_start + put_it.end(1), span.open_mark
            )
            if named:
                return named
        inverted = _INVERTED.match(head)
        if inverted:
            named = self._named_in(
                sent_start + inverted.start(1),
                sent_start + inverted.end(1),
                span.open_mark,
                allow_pronoun=False,
            )
            if named and self.types.get(named) == "PERSON":
                return named
        tail = head.rstrip()  # what `\s*$` leaves: the match ends with the last visible mark
        reads = _READS_STATEMENT_BEFORE.search(head) if tail[-1:] in (",", ":") else None
        if reads:
            owner = self._first_named(
                sent_start + reads.start(1), sent_start + reads.end(1), span.open_mark
            )
            if owner:
                return owner
        if tail[-1:] in (",", ":"):
            tail = tail[:-1].rstrip()
        statement = _STATEMENT_READ.search(head) if tail.endswith(_STATEMENT_READ_ENDS) else None
        if statement and not any(  # "In the letter, Acme's lawyer Stoltz said": Stoltz speaks
            m.entity.type == "PERSON"
            for m in self.mentions_in(sent_start + statement.start(), span.open_mark)
        ):  # "Moss's statement read:", "a letter from Acme reads"
            author = self._first_named(sent_start, span.open_mark, span.open_mark)
            if not author:  # "A statement on Apple's website, …, states:": the site's owner
                author = next(
                    (
                        m.entity.name
                        for m in self.mentions_in(sent_start, span.open_mark)
                        if m.entity.type in ("PERSON", "ORG")
                        and _PLATFORM_OWNED.match(self.masked, m.end)
                    ),
                    None,
                )
            signer = None if author else _SIGNED_BY_ROLE.search(head)
            if signer:  # "The decree signed by the Pope read": the holder of that role
                author = self._description(signer.group(1), span.open_mark)
            elif not author and head[: statement.start()].strip().lower() == "the":
                # "The opinion of the Court read", "The letter read": the text named before
                author = self._text_owner(statement.group(1), sent_start + statement.end(1))
            if not author:  # "Part of the judge's statement reads": the judge in office
                author = self._described_text_owner(head, span.open_mark)
            if author or statement.group().split()[-1].rstrip(":") in ("read", "reads"):
                return author  # else "In a statement, police said:": who "police" are
        response = (
            _OWNER_WAS.search(head)
            if head.rstrip(" \t\n,:").rsplit(None, 1)[-1:]
            in (["was"], ["were"], ["read"], ["reads"])
            else None
        )
        if response:  # "Moss's response was, “…”": the owner of the response
            named = self._first_named(
                sent_start + response.start(1), sent_start + response.end(1), span.open_mark
            )
            if named:
                return named
        # the verbs not after a determiner ("a threatened cut-off", "the alleged victim": a
        # participle as an adjective); only the last two are read, so only they are tested
        verbs: list[re.Match[str]] = []
        for v in reversed([*VERB.finditer(head)]):
            at = v.start()
            if not _DETERMINER_END.search(head, max(0, at - 7), at):
                verbs.insert(0, v)
                if len(verbs) == 2:
                    break
        if not verbs:
            opinion = _IN_HIS_OPINION.match(head)
            if opinion:  # "In his opinion, doctors who rely on tests “…”": whose opinion
                return self._resolve_pronoun(_SUBJECT_OF[opinion.group(1).lower()], sent_start)
            if _IT_READ.match(head):  # "Acme released a statement. It read, “…”"
                return self._statement_before(sent_start)
            if head.rstrip().endswith(":"):  # "Moss opposed the plan:": the clause's subject
                named = self._first_named(sent_start, span.open_mark, span.open_mark)
                if named is None:  # "The agency issued a statement from the king:"
                    named = self._described_text_owner(head, span.open_mark)
                if named is None and _PRONOUN_OPENS.match(head):
                    return ""  # "He sent Moss a message:": "he" spoke, though unresolved
                return named
            return None
        verb = verbs[-1]
        lead_in = head[verb.end() :]
        # the anchored match first: it fails at once after most verbs, where the search for a
        # passive before the verb (anchored at its end) is tried from every character of the head
        agent = _LABELLED_BY.match(lead_in)
        if agent and not _PASSIVE_BEFORE.search(head, 0, verb.start()):
            agent = None
        if agent:  # 'Moss was described by the council as “…”': the council's words
            start = sent_start + verb.end() + agent.start(1)
            named = self._first_named(start, sent_start + verb.end() + agent.end(1), span.open_mark)
            return named or self._description(agent.group(1), span.open_mark) or ""
        if (
            verb.group() in _SAY_THEN_SPEAKER
            and (
                lead_in.rstrip().endswith((",", ":"))
                or head[: verb.start()].rstrip().endswith(_CLOSING_MARKS)
            )
            and len(lead_in.split()) <= 8
            and lead_in.split()[:1] != []
            and lead_in.lstrip(" ,").split()[:1] != []
            # "said of Moss, “…”", "said, in remarks published by CNN, “…”"
            and lead_in.lstrip(" ,").split()[0].lower() not in _PREPOSITIONS
        ):
            named = self._named_in(
                sent_start + verb.end(), span.open_mark, span.open_mark, allow_pronoun=False
            )
            if named:
                return named
        if verb.group().lower() in _CREDITING:
            after = head[verb.end() :]
            stop = _PHRASE_STOP.search(after)
            while (
                stop and stop.group() == "(" and 0 <= after.find(")", stop.end()) < stop.end() + 12
            ):
                # "according to Acme (ACM) director of safety, …": a short form goes on
                stop = _PHRASE_STOP.search(after, after.find(")", stop.end()) + 1)
            end = sent_start + verb.end() + (stop.start() if stop else len(after))
            roles = load_gazetteer().role_words
            phrase = head[verb.end() : end - sent_start].split()
            if self.masked[end : end + 1] == "," and (
                (bool(phrase) and phrase[-1] in roles)
                # "according to a spokesman for Akayev, Abdil Seghizbayev,": the role's holder
                or (len(phrase) > 2 and phrase[1] in roles and phrase[2] in ("for", "of"))
                # "according to Acme director of safety, Ann Reid “…”": a role of no name
                or (
                    any(w in roles for w in phrase if w.islower())
                    and not any(
                        m.entity.type == "PERSON" for m in self.mentions_in(sent_start, end)
                    )
                )
            ):
                # "in the words of the Crown prosecutor, Mark Tedeschi, QC,": the name after
                for m in self.mentions_in(end, end + 3):
                    if m.entity.type == "PERSON" and (
                        self.masked[m.end : m.end + 1] in (",", "")
                        or not self.masked[m.end : span.open_mark].strip()
                    ):
                        return m.entity.name
            written = _WRITTEN_FROM.match(after)
            if written:  # "According to a statement from Acme, “…”": the statement's author
                for m in self.mentions_in(sent_start + verb.end() + written.end(), span.open_mark):
                    if m.start == sent_start + verb.end() + written.end():
                        return m.entity.name if m.entity.type in ("PERSON", "ORG") else None
            return self._speaker_in(
                sent_start + verb.end(), end, span.open_mark, allow_pronoun=False
            )
        if verb.group().endswith("ing") and verb.start() and head[verb.start() - 2] == ",":
            # "Moss thanked Reid on X, writing that “…”": the subject, not the object, speaks;
            # "he told RTÉ, accusing them of “…”": the subject of the verb before, not its object
            if len(verbs) > 1 and not verbs[-2].group().endswith("ing"):
                found = self._speaker_in(sent_start, sent_start + verbs[-2].start(), span.open_mark)
                if found:
                    return found
            found = self._speaker_in(
                sent_start, sent_start + verb.start(), span.open_mark, allow_pronoun=False
            )
            # "The Attorney General attacked the act, saying": the role that opens the clause
            return (
                found
                or self._opening_role(sent_start, sent_start + verb.start())
                or self._opening_body(sent_start, span.open_mark)
                or found
            )
        if (
            verb.group().endswith("ing")
            and len(verbs) > 1
            and not verbs[-2].group().endswith("ing")
            and verbs[-2].group()[:1].islower()
            and not _CLAUSE_BREAK.search(head, verbs[-2].end(), verb.start())
            # "quoting Lee as saying", "heard Lee saying", "told … that Lee …": Lee's words
            and not _OWN_PARTICIPLE_SUBJECT.search(head, verbs[-2].end(), verb.start())
        ):
            # "Moss wrote to Reid saying: “…”": the participle's subject is the finite
            # verb's, not the name between them
            found = self._speaker_in(sent_start, sent_start + verbs[-2].start(), span.open_mark)
            if found:
                return found
        quoted = _QUOTES_SAYING.search(head) if "quot" in head else None
        if quoted:  # "The AP quotes the Belgian minister saying, “…”": the one quoted speaks
            at = sent_start + quoted.start(1)
            people = [m for m in self.mentions_in(at, sent_start + verb.start())]
            return next((m.entity.name for m in people if m.entity.type == "PERSON"), "")
        relative = self._relative_subject(sent_start, sent_start + verb.start())
        if relative:  # "…welcomed by Moss, who said it was “…”": Moss
            return relative
        if _AND_VERB_NEEDS.may_match(head, max(0, verb.start() - 40), verb.start()) and (
            _AND_VERB.search(head, max(0, verb.start() - 40), verb.start())
        ):
            # "Moss thanked Reid for his help and said she was “…”": the first verb's subject
            subject = self._coordinated_subject(sent_start, sent_start + verb.start())
            if subject:
                return subject
        found = self._speaker_in(sent_start, sent_start + verb.start(), span.open_mark)
        if not found:
            # "The judge's summary concluded with the statement:": the judge's; only when the
            # text is the verb's subject ("The judge's ruling sparked protests, where
            # supporters chanted:" is the supporters')
            subject = head[: verb.start()]
            if _TEXT_AS_SUBJECT.match(subject):
                found = self._described_text_owner(subject, span.open_mark) or ""
        if not found and len(verbs) > 1 and verb.group().endswith("ing"):
            # "The governor tweeted her reasoning saying, “…”": the subject of the main verb
            return self._speaker_in(sent_start, sent_start + verbs[-2].start(), span.open_mark)
        if not found and verb.group().endswith("ing"):
            return self._opening_body(sent_start, span.open_mark) or found
        return found

    def _coordinated_subject(self, start: int, end: int) -> str | None:
        """The subject of a clause whose second verb starts at `end` ("Moss thanked Reid and
        said"): its leading "he"/"she", else its first person (else organisation) that is not
        the object of a preposition."""
        words = self.masked[start:end].split()
        if words and words[0].lower() in ("he", "she"):
            return self._resolve_pronoun(words[0].lower(), start)
        free = [m for m in self.mentions_in(start, end) if not self._after_preposition(m)]
        for kind in ("PERSON", "ORG"):
            for m in free:
                if m.entity.type == kind:
                    return m.entity.name
        if free and free[0].entity.type == "PLACE" and self._opens_clause(free[0], start):
            return free[0].entity.name  # "Norway expressed regret and said": a country speaks
        # "The spokesman declined to give details, but said": the role's holder named before
        return self._opening_role(start, end)

    def _opens_clause(self, mention: _Mention, start: int) -> bool:
        """Whether the name is the first words of the clause from `start` (after "the" or a
        leading adverbial: "On Monday, the United States said"), not a possessive."""
        lead = self.masked[start : mention.start]
        opener = _LEADING_ADVERBIAL.match(lead)
        lead = lead[opener.end() if opener else 0 :].strip()
        return lead in ("", "the", "The") and not _POSSESSIVE_AFTER.match(self.masked, mention.end)

    def _opening_role(self, start: int, end: int) -> str | None:
        """The holder, named before, of a role that opens the clause in text[start:end] ("The
        spokesman declined …, but said", "The Attorney General attacked …, saying"); None when
        no role opens it or a preposition follows the role ("The spokesman for Acme")."""
        words = self.masked[start:end].split()
        if words[:1] != ["The"]:
            return None
        roles = load_gazetteer().role_words
        for i, w in enumerate(words[1:5], 1):
            if _unpossessed(w).lower() in roles:
                while i + 1 < len(words) and _unpossessed(words[i + 1]).lower() in roles:
                    i += 1  # "The Attorney General"
                if i + 1 < len(words) and words[i + 1].lower() in _PREPOSITIONS:
                    return None
                if words[i] != _unpossessed(words[i]) or any(
                    q.lower() in _OTHER_HOLDER or q.lower().startswith("ex-") for q in words[1:i]
                ):
                    return None  # "The coach's wife", "The former president": someone else
                return self._description(" ".join(words[: i + 1]), end)
        return None

    def _opening_body(self, start: int, pos: int) -> str | None:
        """'The company has refused to comment, only stating that': the body a clause opening
        with "The <company|ministry|…>" means (`_description`), else None."""
        words = self.masked[start:pos].split()[:2]
        if len(words) < 2 or words[0] != "The" or words[1] not in _SPEAKING_ORG_NOUNS:
            return None
        return self._description(" ".join(words), pos)

    def _relative_subject(self, start: int, verb_start: int) -> str | None:
        """The person or organisation right before ", who" when that relative clause's verb
        starts at `verb_start` ("…welcomed by Moss, who said"), else None."""
        relative = _WHO_BEFORE_VERB.search(self.masked, start, verb_start)
        if relative:
            before = self.mentions_in(start, relative.start())
            if (
                before
                and before[-1].end == relative.start()
                and before[-1].entity.type in ("PERSON", "ORG")
            ):
                if before[-1].entity.type == "ORG":
                    # "O'Reilly, an expert at Acme University, who said": the person the
                    # appositive describes, not the body that ends it
                    for m in reversed(before[:-1]):
                        if m.entity.type == "PERSON" and _APPOSITIVE_UNTIL.fullmatch(
                            self.masked, m.end, before[-1].start
                        ):
                            return m.entity.name
                return before[-1].entity.name
        return None

    def _statement_before(self, sent_start: int) -> str | None:
        """The author of the written text ("statement", "letter"…) the sentence before
        `sent_start` names, else the organisation "it" refers to."""
        i = bisect.bisect_right(self.sentences, sent_start - 1) - 1
        if i >= 0:
            nouns = list(_WRITTEN_NOUN.finditer(self.masked, self.sentences[i], sent_start))
            if nouns:
                author = self._author_of(nouns[-1].group(1), sent_start)
                if author:
                    return author
        return self._resolve_pronoun("it", sent_start)

    def _first_named(self, start: int, end: int, pos: int) -> str | None:
        """The subject of a clause that has no attribution verb: its leading pronoun, else its
        first person or organisation that is not the object of a preposition."""
        clause = self.masked[start:end]
        opener = _LEADING_ADVERBIAL.match(clause)
        skip = opener.end() if opener else 0
        words = clause[skip:].split()
        if words and words[0].lower() in ("he", "she"):
            return self._resolve_pronoun(words[0].lower(), start + skip)
        named = self.mentions_in(start + skip, end)
        for k, m in enumerate(named):
            if m.entity.type not in ("PERSON", "ORG"):
                continue
            before = self.masked[max(start, m.start - 12) : m.start].split()
            if before and before[-1].lower() in _PREPOSITIONS - {"by", "from"}:
                continue
            holder = named[k + 1] if k + 1 < len(named) else None
            if holder and holder.entity.type == "PERSON" and self._modifies_role(m, holder):
                return holder.entity.name  # "by AU spokesperson Noureddine Mezni": Mezni
            return m.entity.name
        for m in self.mentions_in(start, start + skip):
            # "The new governor, Pavel Orlov, in his speech, offered:": a person set off by
            # commas in the opening phrases is the subject they describe, when it opens the
            # clause or follows the noun phrase that opens it ("Asked about his deputy, Ivan
            # Petrov, …, the governor offered:" is the governor's)
            if (
                m.entity.type == "PERSON"
                and self.masked[m.end : m.end + 1] == ","
                and (
                    not self.masked[start : m.start].strip()
                    or _OPENING_NOUN_PHRASE.match(self.masked[start : m.start])
                )
            ):
                return m.entity.name
        return None

    def _speaker_in(self, start: int, end: int, pos: int, allow_pronoun: bool = True) -> str:
        """The speaker named in text[start:end] (a person, else an organisation or place); "" if unnamed."""
        return self._named_in(start, end, pos, allow_pronoun) or ""

    def _named_in(self, start: int, end: int, pos: int, allow_pronoun: bool) -> str | None:
        words = self.masked[start:end].split()
        while words and (words[-1].lower() in _AUX or _ADVERB.fullmatch(words[-1])):
            words.pop()  # "he has said", "she once said", "Moss quickly denied"
        if allow_pronoun and words and words[-1].lower() in _PRONOUNS:
            # "He argued that if Moss wins, “…”": resolved from where the pronoun stands
            at = self.masked.rfind(words[-1], start, end)
            return self._resolve_pronoun(words[-1].lower(), at if at >= 0 else pos)
        if not allow_pronoun and words and words[0].lower() in _PRONOUNS:
            return self._resolve_pronoun(words[0].lower(), pos)
        inside = [m for m in self.mentions_in(start, end) if m.end <= end]
        lead = _LEADING_PHRASE.match(self.masked, start, end) if allow_pronoun else None
        if lead and any(m.start >= lead.end() for m in inside):
            # "Despite the claim by Press TV, a spokesperson for the IDF states": names in a
            # leading prepositional phrase are not the subject that follows it
            inside = [m for m in inside if m.start >= lead.end()]
        if allow_pronoun and len(inside) > 1 and self._next_to_verb(inside[-2], inside[-1], end):
            # "Mayor Ann Lee condemned it and the Red Cross said", "Brushing off Reid, who
            # called it …, Moss stressed": the name right before the verb, opening a clause of
            # its own, is its subject, whatever its kind and the names before it
            return inside[-1].entity.name
        if _UNNAMED_OPENERS.match(self.masked[start:end]):
            # "an unnamed U.S. official", "one aid official in Port Sudan": a speaker left
            # unnamed; a place, or a name after "from"/"in", only says where that one is
            inside = [m for m in inside if m.entity.type != "PLACE" and not self._located(m)]
        if allow_pronoun:
            inside = self._subject_candidates(inside, start, end)
        for kind in ("PERSON", "ORG"):
            found = [m for m in inside if m.entity.type == kind and not self._the_thing(m)]
            if found and allow_pronoun:
                # "Leader Ann Reid and Speaker Jo Lee responded": the first of the pair speaks
                while len(found) > 1 and _AND_TITLES.fullmatch(
                    self.masked, found[-2].end, found[-1].start
                ):
                    found.pop()
                return found[-1].entity.name
            if kind == "PERSON":  # "Moss's lawyer did respond, saying": not Moss
                found = [m for m in found if not self._owner_of_role(m)]
            if found:
                if len(found) > 1 and self._modifies_role(found[0], found[1]):
                    return found[1].entity.name  # "said Acme lawyer Ann Reid": Reid
                return found[0].entity.name
        places = [m for m in inside if m.entity.type == "PLACE"]
        if not allow_pronoun:  # "The man focused on Australia, saying": not Australia
            places = [m for m in places if not self._object_within(m, start)]
        if (
            places
            and (
                not allow_pronoun
                or self._is_subject(places[-1], end)
                # "The spokesperson for Birmingham Airport added": the place the role speaks for
                or (
                    self._role_of(places[-1])
                    and self._after_preposition(places[-1])
                    # "the British ambassador in Iraq said": where the role is held, not for whom
                    and self.masked[: places[-1].start].split()[-1:] not in (["in"], ["near"])
                )
            )
        ):
            return places[-1].entity.name if allow_pronoun else places[0].entity.name
        if allow_pronoun and not inside and len(words) <= 6 and words[:1] in (["He"], ["She"]):
            # "She went on to say, “…”", "He then told reporters": the clause's own subject
            return self._resolve_pronoun(words[0].lower(), start)
        # 'the company noted that … PET …, “…”': the body meant comes before its description
        return self._description(self.masked[start:end], min(pos, end), start)

    def _modifies_role(self, name: _Mention, holder: _Mention) -> bool:
        """'Trump lawyer Rudy Giuliani', 'Liberal strategist Scott Reid': whether only
        lower-case words ending with a role word stand between the two names (the first then
        names whom the second works for, not who speaks)."""
        words = self.masked[name.end : holder.start].split()
        return (
            0 < len(words) <= 3
            and all(w.islower() and w.isalpha() for w in words)
            and words[-1] in load_gazetteer().role_words
        )

    def _subject_candidates(self, inside: list[_Mention], start: int, end: int) -> list[_Mention]:
        """Mentions before a verb that can be its subject: in the verb's own clause, not the object
        of a preposition ("lawyer for Moss"), not inside an appositive ("Reid, a friend of Moss,
        said"), not a possessive modifier ("Moss's lawyer") when another name is there."""
        clause = self.masked[start:end]
        # each search only when the clause holds what any match must (a literal word, a comma)
        including = _INCLUDING_ASIDE.search(clause) if "including" in clause else None
        if including:  # "Fifty officials, including Moss and Reid, signed": examples, no subject
            inside = [
                m for m in inside if not including.start() <= m.start - start < including.end()
            ]
        trailing = _TRAILING_APPOSITIVE.search(clause) if "," in clause else None
        aside = trailing  # ", who paid for Reid, said": an aside
        if aside and not aside.group().rstrip().endswith(","):
            aside = None  # ", which Moss has called": the relative clause's own verb
        breaks = [
            b for b in _CLAUSE_BREAK.finditer(clause) if not (aside and b.start() >= aside.start())
        ]
        if breaks and breaks[-1].group().strip() == "who":
            # "Cate Reid, who is the chief of the Acme Commission also supports it, saying":
            # the person the relative clause describes, not a name inside it
            at = start + breaks[-1].start()
            person = [m for m in inside if m.end <= at][-1:]
            if (
                person
                and person[0].entity.type == "PERSON"
                and self.masked[person[0].end : at].strip() in (",", "")
            ):
                return person
        if breaks:  # "X welcomed it but said": with no name after the break, X is still the subject
            cut = start + breaks[-1].end()
            after_break = [m for m in inside if m.start >= cut]
            if after_break or not _OWN_SUBJECT.search(self.masked, cut, end):
                inside = after_break or inside
            else:  # "X wrote that …, but … and officials said": the last clause's own subject
                inside = []
        # "with Moss calling it …": after "with", a name is the subject of the participle
        participle = bool(_PARTICIPLE_AT.match(self.masked, end))
        kept: list[_Mention] = []  # here: the objects of prepositions, "by A and B" both
        for m in inside:
            before = self.masked[max(start, m.start - 20) : m.start].split()
            if len(before) > 1 and (
                before[-1].rstrip(".") in _TITLE_WORDS or before[-1] in load_gazetteer().titles
            ):
                # "at St. Ann's said", "for Dr. Moss", "ascribed to President Dorne": the
                # title's preposition
                before.pop()
            if not before:
                continue
            word = before[-1].lower()
            if word in _ARTICLES and len(before) > 1:
                word = before[-2].lower()  # "to play for the Acme Federation, saying": its object
            if word == "by" and len(before) > 1 and before[-2].lower() in _AUTHORED_BY:
                continue  # "The letter, signed by Moss, said": Moss wrote it
            if (word in _PREPOSITIONS and not (participle and word == "with")) or (
                word == "and" and kept and m.start - kept[-1].end <= 6
            ):
                kept.append(m)
        # "analysts at Barclays said": people named by their role speak for the body after it
        kept = [m for m in inside if m not in kept] or [m for m in kept if self._role_of(m)]
        appositive = trailing  # the search above, on the same clause
        by_role = appositive is None and (appositive := self._role_appositive(clause)) is not None
        if appositive and _COORDINATED.match(appositive.group()):
            appositive = None  # "…, something Reid saw, and Moss had said": a clause of its own
        if (
            appositive
            and not by_role  # ", Dean of Acme Law School": its names are objects of "of"
            and not appositive.group().rstrip().endswith(",")
            and appositive.group()[1:].split()[0].lower() not in ("the", "a", "an")
            and any(
                m.start >= start + appositive.start() and m.entity.type == "PERSON" for m in kept
            )
        ):  # "In a post to Reid, council leader Moss writes": the subject after an adverbial
            appositive = None
        if appositive and any(
            m.start < start + appositive.start() and m.entity.type in ("PERSON", "ORG")
            for m in kept
        ):
            kept = [m for m in kept if m.start < start + appositive.start()]
        plain = [m for m in kept if not _POSSESSIVE_AFTER.match(self.masked, m.end)]
        if not plain:  # "Acme's attorney Stoltz said": the attorney speaks, not Acme
            kept = [m for m in kept if not self._owner_of_role(m)]
        return [m for m in (plain or kept) if not self._object_relative(m)]

    def _role_appositive(self, clause: str) -> re.Match[str] | None:
        """', Dean of UC Berkeley School of Law' before the verb: an appositive opening with a
        capitalised role word ("Erwin Chemerinsky, Dean of … called it"), else None."""
        found = _ROLE_APPOSITIVE.search(clause)
        if found and found.group(1).lower() in load_gazetteer().role_words:
            return found
        return None

    def _owner_of_role(self, m: _Mention) -> bool:
        """Whether a possessive name is followed by a role word ("Acme's lawyer")."""
        after = _POSSESSIVE_AFTER.match(self.masked, m.end)
        if after is None:
            return False
        word = _WORD_AFTER.match(self.masked, after.end() - 1)
        return word is not None and word.group(1) in load_gazetteer().role_words

    def _role_of(self, m: _Mention) -> bool:
        """'analysts at Barclays', 'a spokesman for Acme': a role word before the preposition."""
        before = self.masked[max(0, m.start - 40) : m.start].split()
        if before and before[-1].lower() in _ARTICLES:
            before.pop()  # "a spokesperson for the Department"
        if len(before) < 2:
            return False
        role = before[-2].lower()
        if role in _WRITTEN_TEXTS and before[-1].lower() in ("by", "from"):
            return True  # '“…” a statement by the Revenue Office said': its author
        roles = load_gazetteer().role_words
        return role in roles or (role.endswith("s") and role[:-1] in roles)

    def _object_relative(self, m: _Mention) -> bool:
        """'the protesters Wikinews interviewed said': a name between a plural noun and a verb
        of its own is the subject of a relative clause, not of the attribution verb."""
        before = self.masked[max(0, m.start - 20) : m.start].split()
        after = _WORD_AFTER.match(self.masked, m.end)
        if not before or after is None:
            return False
        verb = after.group(1)
        return (
            before[-1].islower()
            and before[-1].endswith("s")
            and before[-1] not in _NOT_PLURAL_NOUNS  # "But, as Moss pointed out:"
            and verb.endswith("ed")
            and not VERB.match(self.masked, after.start(1))  # "pointed out", not "pointed"
        )

    def _next_to_verb(self, previous: _Mention, mention: _Mention, verb_start: int) -> bool:
        """Whether `mention` is the subject right before the verb at `verb_start` (past
        auxiliaries and adverbs), opening a clause after the `previous` name's ("Lee condemned
        it and the Red Cross said", "After meeting Lee, Acme said"), not the second of a pair
        ("Ann Reid and Jo Lee said"), a possessor ("Acme's lawyer said") or a name in a
        phrase describing the one before ("Ann Lee of the Red Cross said")."""
        between = self.masked[previous.end : mention.start]
        breaks = [*_NAMES_BREAK.finditer(between)]
        return (
            bool(breaks)
            and not _PREPOSITIONS.intersection(between[breaks[-1].end() :].lower().split())
            and self._is_subject(mention, verb_start)
            and not self._the_thing(mention)
            and not _POSSESSIVE_AFTER.match(self.masked, mention.end)
            and not _AND_TITLES.fullmatch(self.masked, previous.end, mention.start)
        )

    def _is_subject(self, mention: _Mention, verb_start: int) -> bool:
        """A place speaks only as the subject right before the verb ("Qatar said", "Qatar has
        also said"), not "in Murcia, said"."""
        between = self.masked[mention.end : verb_start].split()
        if any(w not in _AUX and not _ADVERB.fullmatch(w) for w in between):
            return False
        before = self.masked[max(0, mention.start - 12) : mention.start].split()
        return not before or before[-1].lower() not in (
            "in",
            "at",
            "from",
            "of",
            "to",
            "near",
            "across",
            "for",
        )

    def _description(self, phrase: str, pos: int, phrase_start: int = -1) -> str | None:
        """'the Syrian army' → 'Syrian army'; 'the agency' → the organisation meant; 'a relative' → None."""
        phrase = _TRAILING_AUX.sub("", phrase)  # "The commission has argued": "The commission"
        on_behalf = _ON_BEHALF.search(phrase)
        if on_behalf:  # "a spokesperson for the union said": the union speaks
            phrase = "the " + on_behalf.group(1)
        clause = [
            c for c in _CLAUSE_SPLIT.split(phrase.strip()) if c.strip() and not _RELATIVE.match(c)
        ]  # "The 21-year-old Spaniard, who grew up in Murcia, said": the description
        while len(clause) > 1 and _PARTICIPLE_ASIDE.match(clause[-1]):
            clause.pop()  # "The vice president, anticipating a debate, said": the description
        last = clause[-1] if clause else ""
        spokes = _BODY_SPOKESPERSON.match(last)
        if spokes and spokes.group(1).lower() in _SPEAKING_ORG_NOUNS:  # "A company spokesman said"
            return self._body_nearby(pos)
        trailing = _LAST_THE.search(last)
        role_only = False
        if (  # 'Calling it a “…” the archbishop said': a role named at the clause's end
            trailing
            and trailing.start() > 0
            and trailing.group().split()[-1] in load_gazetteer().role_words
        ):
            last, role_only = trailing.group(), True
        words = last.split()
        if [w.lower() for w in words] == ["police"]:  # "In a statement, police said": Acme Police
            for m in reversed(self.mentions_in(max(0, pos - 3000), pos)):
                if m.entity.type == "ORG" and "police" in m.entity.name.lower().split():
                    return m.entity.name
            return None
        if len(words) < 2 or words[0].lower() != "the" or len(words) > 5:
            return None
        rest = [w.strip(".,") for w in words[1:]]
        if (
            len(rest) > 2
            and rest[-2] == "of"
            and rest[-3].lower() in _GOVERNING_NOUNS
            and rest[-1][:1].isupper()
        ):
            # "the government of Georgia said", "The foreign ministry of Ghana": that country
            return self._country_named(rest[-1:])
        rest[-1] = _TIME_PREFIX.sub("", rest[-1])  # "the now-governor", "the then-minister"
        gaz = load_gazetteer()
        head = rest[-1].lower()
        sentence_start = self.sentences[bisect.bisect_right(self.sentences, pos) - 1]
        if head in gaz.role_words:  # "the prosecutor added": the person named in that role
            holder = self._described_holder(rest, sentence_start)
            if not holder and head in _SPOKES_WORDS and len(rest) == 1:
                # "An Interpol spokesperson said …. The spokesperson added": the body
                return self._spokes_body(head, sentence_start)
            if not holder and len(rest) == 1 and head not in _SPOKES_WORDS:
                # 'in what the judge called “…”. … US District Judge Diane Humetewa told': a
                # role no one held before, named with its holder in the sentences after
                holder = self._role_holder_after(head, pos)
            if holder or role_only or _qualifiers(rest):  # only its named holder
                return holder
            # no one named in that role: the person who opens or speaks the sentence before
            # ("Brell, who scored twice, …. ‘…,’ the winger said"), never one it acts on ("The
            # court jailed Hale. … the judge said": nobody)
            return self._leading_person_before(sentence_start, head)
        if any(w[:1].isupper() for w in rest) and rest[-1].islower():
            if head == "government" and all(w[:1].isupper() for w in rest[:-1]):
                country = self._country_named(rest[:-1])
                if country:  # "the Swiss government said": Switzerland, as annotated
                    return country
            name = " ".join(rest)  # "the Syrian army": a group speaks; it becomes an entity
            at = self.masked.rfind(name, 0, pos)
            if at < 0:
                at = self.masked.find(name, pos, pos + 300)  # '“…,” the Valdorian army said'
            if at >= 0:
                self.described[name] = (at, at + len(name))
            return name
        if gaz.known.get(rest[-1]) == "GROUP" or rest[0].endswith("-year-old"):
            if len(rest) == 1 and rest[0].endswith("s") and rest[0][:1].isupper():
                # "The Liberals have defended it": the group speaks, not a person before
                return rest[0] if self.types.get(rest[0]) == "GROUP" else None
            return self._subject_before(sentence_start, "PERSON", None)
        if head in _WRITTEN_TEXTS and len(rest) <= 2:  # '“…,” the statement added'
            return self._author_of(head, min(pos, phrase_start) if phrase_start >= 0 else pos)
        if head not in _SPEAKING_ORG_NOUNS:
            # "A spokesperson for the airport said": the one body or place of the article
            # whose name ends with that noun ("Birmingham Airport")
            bodies = [
                name
                for name, kind in self.types.items()
                if kind in ("ORG", "PLACE") and name.rsplit(None, 1)[-1].lower() == head
            ]
            if len(rest) == 1 and not bodies and head.isalpha():
                # "The Economist magazine asserts …. the magazine claims": the body the same
                # noun stood beside when the article brought it in
                return self._introduced_as(head, phrase_start if phrase_start >= 0 else pos)
            return bodies[0] if len(bodies) == 1 and len(rest) == 1 else None
        before = [m for m in self.mentions_in(max(0, pos - 3000), pos) if m.entity.type == "ORG"]
        for m in reversed(before):
            if head in m.entity.name.lower():
                return m.entity.name
        return self._subject_before(pos, "ORG", None)

    def _introduced_as(self, noun: str, before: int) -> str | None:
        """The organisation an earlier use of the lower-case `noun` stood right beside ("The
        Economist magazine", "the magazine The Economist"), at its latest use before `before`."""
        lower = re.compile(rf"\b{noun}\b")  # "the memo", not "the Downing Street Memo"
        uses = [m.start() for m in lower.finditer(self.masked, max(0, before - 2000), before)]
        for use in reversed(uses):
            for m in self.mentions_in(max(0, use - 80), use + len(noun) + 2):
                word_before = self.masked[max(0, m.start - 30) : m.start].split()[-1:]
                if m.entity.type != "ORG" or (
                    word_before
                    and word_before[0][:1].isalnum()
                    and not word_before[0][:1].islower()
                    and word_before[0] not in ("The", "A", "An")
                ):
                    continue  # "30A Network website": a name cut short is nobody to name
                if m.end <= use and not self.masked[m.end : use].strip():
                    return m.entity.name  # "The Economist magazine"
                if m.start > use and not self.masked[use + len(noun) : m.start].strip():
                    return m.entity.name  # "the magazine The Economist"
        return None

    def _leading_person_before(self, before: int, role: str) -> str | None:
        """The likely subject of the sentences before `before` (`_subject_before`) when its
        mention opens its sentence after names, titles and role words only ("Ireland captain
        Doris", "Doris, who …") or follows a verb of speaking ("said co-author Ann Lee"), else
        None (an object: "The court jailed Hale"; one a passive acts on, when `role`, the
        speaking role noun, acts on people: "Venn was sentenced …. the judge said")."""
        name = self._subject_before(before, "PERSON", None)
        if name is None:
            return None
        mentions = [
            m for m in self.mentions_in(max(0, before - 3000), before) if m.entity.name == name
        ]
        if not mentions:
            return None
        m = mentions[-1]
        start = self.sentences[bisect.bisect_right(self.sentences, m.start) - 1]
        lead = self.masked[self._after_closed_quotes(start, m.start) : m.start]
        if VERB.search(lead):
            return name
        verb = _SUBJECT_VERB.match(self.masked, m.end, before)
        passive = verb and (
            _PASSIVE.match(self.masked, verb.start(1), before)
            or _PASSIVE_IRREGULAR.match(self.masked, verb.start(1), before)
        )
        if passive:
            after = _WORD_AFTER.match(self.masked, passive.end())
            if (after is None or after.group(1) in _PREPOSITIONS) and (
                role in _ACTING_ON_ROLES or (after is not None and after.group(1) == "by")
            ):
                # "Orla Venn, 41, was sentenced to …. “…,” the judge said": one acted on, by
                # someone else, is not who the role noun names ("Tully was made captain ….
                # the batsman said": a complement gives the role, so Tully; "Moro was recalled
                # to the squad …. the striker said": a role no one acts on people in, so Moro)
                return None
        roles = load_gazetteer().role_words
        words = re.findall(r"[\w'’-]+", lead)
        if all(w[:1].isupper() or w.lower() in roles for w in words):
            return name
        return None

    def _spokes_body(self, noun: str, before: int) -> str | None:
        """The organisation whose spokesperson an earlier sentence named ("an Interpol
        spokesperson", "a spokesman for Acme"), at the latest use of `noun` before `before`."""
        pattern = _whole_word(noun)
        uses = [m.start() for m in pattern.finditer(self.masked, max(0, before - 1500), before)]
        for use in reversed(uses):
            for m in self.mentions_in(max(0, use - 40), use + len(noun) + 40):
                if m.entity.type != "ORG":
                    continue
                if m.end <= use and not self.masked[m.end : use].strip(" '’s"):
                    return m.entity.name  # "an Interpol spokesperson", "Acme's spokesman"
                gap = self.masked[use + len(noun) : m.start].split()
                if m.start > use and gap[:1] in (["for"], ["of"], ["at"]) and len(gap) <= 2:
                    return m.entity.name  # "a spokesman for (the) Acme"
        return None

    def _body_nearby(self, pos: int) -> str | None:
        """'Acme said …. A company spokesman said': the first organisation of the sentence
        before `pos` or of its own, else nobody (a spokesperson of a body named long before)."""
        i = bisect.bisect_right(self.sentences, pos) - 1
        for k in (i, i - 1):
            start = self.sentences[max(0, k)]
            end = pos if k == i else self.sentences[i]
            for m in self.mentions_in(start, end):
                if m.entity.type == "ORG":
                    return self._full_name(m.entity.name)
        return None

    def _full_name(self, name: str) -> str:
        """'Halden' (of "Halden and Marsh said") → the one organisation named in full by it,
        'Halden and Marsh Pharmaceuticals'; else the name itself."""
        longer = [n for n, t in self.types.items() if t == "ORG" and n.startswith(name + " ")]
        return longer[0] if len(longer) == 1 else name

    def _described_holder(self, words: list[str], before: int) -> str | None:
        """The earlier holder of a role described by `words` ("Crown prosecutor"): a lower-case
        qualifier must be in the earlier use too ('the local health minister' is not 'Civil
        Aviation Minister Puri'); time words ("former") and capitalised ones need not be."""
        qualifiers = _qualifiers(words)
        if qualifiers:
            return self._role_holder(f"{qualifiers[-1]} {words[-1].lower()}", before)
        return self._role_holder(words[-1].lower(), before)

    def _author_of(self, noun: str, pos: int) -> str | None:
        """'UNRWA said in a statement that …. “…,” the statement added': the person or body
        whose statement (letter, report…) a sentence before `pos` (where the description
        starts, or the quote it follows) named."""
        pattern = _whole_word(noun)
        uses = [m.start() for m in pattern.finditer(self.masked, max(0, pos - 1500), pos)]
        for use in reversed(uses):
            agent = _AUTHOR_AFTER.match(self.masked, use + len(noun))
            if agent:  # "The orange warning issued by Met Éireann": its author
                for m in self.mentions_in(agent.end(), agent.end() + 1):
                    if m.entity.type in ("PERSON", "ORG"):
                        return m.entity.name
            start, end = self.sentence_bounds(use)
            start = self._after_closed_quotes(start, use)
            verb = VERB.search(self.masked, use, end)
            if verb and not VERB.search(self.masked, start, use):
                # "In the letter to GitHub, EFF's attorney Stoltz said": the verb's subject
                author = self._named_in(start, verb.start(), use, allow_pronoun=True)
            else:  # "UNRWA said in a statement that": the clause's subject
                author = self._first_named(start, use, use)
            if author:
                return author
        return None

    def _described_text_owner(self, head: str, pos: int) -> str | None:
        """The holder of the role whose written text `head` describes: "the judge's statement"
        (the judge named before), "a statement from the king"; a body ("the court's
        summary") gives None."""
        owner = _DESCRIBED_TEXT_OWNER.search(head) if "the" in head.lower() else None
        if not owner:
            return None
        phrase = owner.group(1) or owner.group(2)
        if phrase.split()[-1].lower() not in load_gazetteer().role_words:
            return None  # "the court's summary": which court is not sure enough
        return self._description(phrase, pos)

    def _after_closed_quotes(self, start: int, pos: int) -> int:
        """Where the sentence holding `pos` really starts: after the last quotation between
        `start` and `pos` that ends with its own stop ('…fair use.”  The letter stressed'), which
        the masked text, hiding that stop, joins to the sentence after it."""
        k = bisect.bisect_left(self.open_marks, start)
        while k < len(self.spans) and self.spans[k].close_mark < pos:
            span = self.spans[k]
            if self.text[span.start : span.end].rstrip()[-1:] in (".", "!", "?"):
                start = span.close_mark + 1
            k += 1
        return start

    def _text_owner(self, noun: str, noun_end: int) -> str | None:
        """The owner of "the <noun>" (a statement, an opinion…) that opens a sentence at
        `noun_end`: the body after "of" ("the opinion of the Court"), else the author an
        earlier sentence gave the same noun ("In the letter to Acme, Moss said")."""
        owner = _OWNER_OF.match(self.masked, noun_end)
        if owner:
            return self._description(owner.group(1), noun_end)
        return self._author_of(noun, noun_end - len(noun))

    def _role_holder(self, role: str, before: int) -> str | None:
        """The person an earlier sentence names in this role ("prosecutor Ann Lee", "Lee, the
        prosecutor"): the name nearest to the role word's latest use before `before`."""
        pattern = _whole_word(re.escape(role))
        uses = [m.start() for m in pattern.finditer(self.masked, max(0, before - 4000), before)]
        for use in reversed(uses):
            near = [
                m
                for m in self.mentions_in(max(0, use - 80), use + 80)
                if m.entity.type == "PERSON"
                and (0 <= m.start - use - len(role) <= 40 or 0 <= use - m.end <= 40)
            ]
            if near:
                return min(near, key=lambda m: abs(m.start - use)).entity.name
        return None

    def _role_holder_after(self, role: str, after: int) -> str | None:
        """The person a later sentence of the next few hundred characters names by this role,
        right after it as a title ("Judge Diane Humetewa") or after a comma ("Ann Lee, the
        judge"): the first such name."""
        pattern = _whole_word(re.escape(role))
        for use in pattern.finditer(self.masked, after, min(len(self.masked), after + 600)):
            for m in self.mentions_in(use.start() - 40, use.end() + 4):
                if m.entity.type == "PERSON" and (
                    0 <= m.start - use.end() <= 1
                    or (0 <= use.start() - m.end <= 8 and "," in self.masked[m.end : use.start()])
                ):
                    return m.entity.name
        return None

    def _resolve_pronoun(self, pronoun: str, pos: int) -> str | None:
        gender = _PRONOUNS[pronoun]
        if gender == "it":
            return self._it_antecedent(pos)
        return self._subject_before(pos, "PERSON", gender)

    def _it_antecedent(self, pos: int) -> str | None:
        """The organisation "it" at `pos` stands for: the subject of the nearest clause before
        it that has one ('Acme said …. It added'), not the last body named ('…called by the
        Union. It said'); when that subject is only described, the body it describes ('The
        company cut …. It said') or the author of the text it describes ('The review urged ….
        It also asks'), else nobody ('The appeal ruling lets …. It said')."""
        i = bisect.bisect_right(self.sentences, pos) - 1
        stretches = []  # each sentence's stretches, the last first: a quotation closed by its
        for k in range(i, max(-1, i - 6), -1):  # own stop ends one ('…on you.” It also urged')
            start = self.sentences[k]
            end = pos if k == i else self.sentences[k + 1]
            cut = self._after_closed_quotes(start, end)
            stretches += [(cut, end), (start, cut)] if cut > start else [(start, end)]
        for start, end in stretches:
            opening = _IT_CLAUSE_OPENING.match(self.masked, start, end)
            if opening is None:
                continue  # an empty stretch, or one opening with "it" itself: the same referent
            at = opening.start(1)
            if opening.group(2):  # "The court decision", "This report": a thing described
                of_name = self.mentions_in(opening.end(3), opening.end(3) + 1)
                if opening.group(3).endswith(" of ") and of_name:
                    # "The government of Georgia announced …, in what it described as"
                    phrase = self.masked[opening.start(2) : of_name[0].end]
                    return self._description(phrase, at)
                described = self._described_antecedent(opening.group(2), opening.group(3), end)
                if described != "":
                    return described
            for m in self.mentions_in(at, end):
                if m.entity.type == "ORG" and not self._object_of(m):
                    return m.entity.name
        return None

    def _described_antecedent(self, determiner: str, words: str, end: int) -> str | None:
        """What "it" stands for when a clause ending at `end` opens with `determiner` and the
        lower-case `words` after it: the body a speaking noun of its noun phrase describes
        ("The company", "The court decision"), else the author of the text one names ("The
        review"), else None (a thing); "" when a name follows the noun ("The group Acme")."""
        noun_phrase: list[str] = []
        for word in _WORDS.findall(words.split(",")[0])[:4]:
            if word in _AUX or _ADVERB.fullmatch(word) or VERB.fullmatch(word):
                break  # "The company also said", "The review urged"
            noun_phrase.append(word)
        else:
            if "," not in words and len(words.split()) == len(noun_phrase) < 4:
                return ""  # "The group Acme Relief said": its name follows
        for k, word in enumerate(noun_phrase):
            if word in _SPEAKING_ORG_NOUNS:
                phrase = " ".join(["the", *noun_phrase[: k + 1]])
                return self._description(phrase, end)
        texts = [w for w in noun_phrase if w in _TEXT_NOUNS]
        if texts and determiner.lower() != "a":
            return self._author_of(texts[-1], end)
        return None

    def _subject_before(self, pos: int, kind: str, gender: str | None) -> str | None:
        """The first fitting entity of the nearest earlier sentence that has one (its likely subject)."""
        i = bisect.bisect_right(self.sentences, pos) - 1
        paragraphs_crossed = 0
        chained = 0  # sentences the same pronoun runs through ("…,” he said. ¶ He added …)
        same = _whole_word("he" if gender == "m" else "she") if gender in ("m", "f") else None
        k = i + 1
        while k > max(0, i - 5 - chained):
            k -= 1
            start = self.sentences[k]
            end = pos if k == i else self.sentences[k + 1]
            found = [
                m
                for m in self.mentions_in(start, end)
                if m.entity.type == kind
                and self._gender_fits(m.entity, gender)
                and not self._attributive(m)
            ]
            if (
                found
                and kind == "PERSON"
                and _UNNAMED_OPENERS.match(self.masked[start:end])
                and all(self._located(m) for m in found)
            ):
                return None  # "One customer, a nurse from Swindon, said …. She added"
            if found and kind == "PERSON" and gender:
                if self._pronoun_before(start, found[0].start, gender):
                    continue  # "…, he had criticized Bush's handling. He told": the same "he"
                # "for Kuroyedov's dismissal, although Baltin said": a possessor is no subject
                found = [
                    m for m in found if not _POSSESSIVE_AFTER.match(self.masked, m.end)
                ] or found
                found = [m for m in found if not self._object_of(m)] or found
                if all(self._object_of(m) for m in found):
                    continue  # "the election of Barack Obama …. He told": not the subject
            if found and kind == "ORG":
                # "urged governments to work with the UN. It also asks": "it" is no object
                found = [m for m in found if not self._object_of(m)]
                if not found:
                    continue
            if found:
                speaking = [m for m in found if self._speaks_after(m)]
                if kind == "PERSON" and speaking:  # "Moss said … while Reid wrote …. He added"
                    return speaking[-1].entity.name
                return found[0].entity.name
            if kind == "PERSON" and _UNNAMED_OPENERS.match(self.masked[start:end]):
                return None
            described = _DESCRIBED_SUBJECT.match(self.masked[start:end]) if gender else None
            if kind == "PERSON" and described:
                head = described.group(2)
                if head in load_gazetteer().role_words:  # "The IATA boss said that": its holder
                    holder = self._described_holder([*described.group(1).split(), head], start)
                    if holder is None and head in _SPOKES_WORDS:
                        # "The Acme spokesman expressed …. “…,” he said": whom he speaks for
                        return self._spokes_body(head, end)
                    return holder
                if head in _PERSON_NOUNS:  # "The masked man on the video said": unnamed
                    return None
            if same and k < i and same.search(self.masked, start, end):
                # '“…,” he said. ¶ “…” ¶ He added': the pronoun of a sentence naming no one
                # is the same one, which the sentences before it name
                chained += 1
                paragraphs_crossed = 0
            elif k < i and start in self.paragraph_starts:  # not the pronoun's own paragraph
                paragraphs_crossed += 1
                if paragraphs_crossed > 2:
                    break
        return None

    def _speaks_after(self, m: _Mention) -> bool:
        """Whether a speech verb follows the name ("Moss said"), also past the comma closing an
        appositive the name ends ("The correspondent for Acme, Fred Weir, told")."""
        if SPEECH_AFTER.match(self.masked, m.end):
            return True
        return (
            self.masked[m.start - 2 : m.start] == ", "
            and self.masked[m.end : m.end + 1] == ","
            and SPEECH_AFTER.match(self.masked, m.end + 1) is not None
        )

    def _pronoun_before(self, start: int, end: int, gender: str) -> bool:
        """Whether a subject pronoun of `gender` opens the clause that runs up to `end`
        ("In a lunch, which …, he had criticized Bush's …"), not a leading clause ("Asked
        whether he sees it, Moss laughed")."""
        pronoun = "he" if gender == "m" else "she"
        clause = self.masked[start:end].rsplit(",", 1)[-1]
        return _whole_word(pronoun).search(clause) is not None

    def _object_of(self, mention: _Mention) -> bool:
        """'the election of Barack Obama', 'a letter to Moss', 'working with the UN': a name
        after a preposition (and its article)."""
        before = self.masked[max(0, mention.start - 18) : mention.start].split()
        if before[-2:] in (["according", "to"], ["According", "to"]):
            return False  # "…, according to Moss. “…,” he said": the credited source speaks on
        if len(before) > 1 and before[-1].lower() in _ARTICLES:
            before.pop()
        return bool(before) and before[-1].lower() in _OBJECT_PREPOSITIONS

    def _after_preposition(self, mention: _Mention) -> bool:
        """'a protester from Kibera', 'a lawyer for Moss': a name after any preposition."""
        before = self.masked[max(0, mention.start - 12) : mention.start].split()
        return bool(before) and before[-1].lower() in _PREPOSITIONS

    def _object_within(self, mention: _Mention, start: int) -> bool:
        """Whether a preposition after `start` governs the name ('focused on Australia')."""
        before = self.masked[start : mention.start].split()
        while len(before) > 1 and before[-1][:1].isupper():
            before.pop()  # "on South Australia": the name's own first words
        return bool(before) and before[-1].lower() in _PREPOSITIONS

    def _located(self, mention: _Mention) -> bool:
        """'a nurse from Swindon', 'an official in Port Sudan': a name after a preposition of
        place (an organisation there is whom the speaker works for: 'an official from Acme')."""
        before = self.masked[max(0, mention.start - 30) : mention.start].split()
        while len(before) > 1 and before[-1][:1].isupper():
            before.pop()  # "in Port Sudan": the name's own first words
        word = before[-1].lower() if before else ""
        if len(before) > 1 and before[-2].lower() in _WRITTEN_TEXTS:
            return False  # "a statement from Moss's office": its author, not a place
        return word in _LOCATIVE and mention.entity.type != "ORG"

    def _country_named(self, words: list[str]) -> str | None:
        """The place of the article that `words` name or whose people they name ("United
        States", "Swiss" → "Switzerland", "Israeli" → "Israel"), else None."""
        said = " ".join(words)
        stem = _DEMONYM_COUNTRIES.get(said, said)
        aliases = load_gazetteer().aliases  # "UK" and "Britain" are "United Kingdom"
        stem = aliases.get(stem.casefold(), stem)
        places = [n for n, kind in self.types.items() if kind == "PLACE"]
        for name in places:
            if name == stem or aliases.get(name.casefold()) == stem:
                return name
        if len(words) == 1 and len(said) > 4:
            for name in places:  # "Israeli" → "Israel", "Lebanese" → "Lebanon"
                if " " not in name and len(name) > 3 and said[:4] == name[:4]:
                    return name
        return None

    def _the_thing(self, mention: _Mention) -> bool:
        """'The Minister for the Environment said': a one-word "person" right after "the" is
        a thing or a portfolio, not someone who speaks."""
        return (
            mention.entity.type == "PERSON"
            and " " not in mention.entity.name
            and self.masked[max(0, mention.start - 4) : mention.start].lower() == "the "
        )

    def _attributive(self, mention: _Mention) -> bool:
        """'the Moss decision', 'the Moss report': a name used as a modifier is no one's subject."""
        return (
            self.masked[max(0, mention.start - 4) : mention.start].lower() == "the "
            and mention.entity.type == "PERSON"
            and self.masked[mention.end : mention.end + 2][1:2].islower()
        )

    def _gender_fits(self, entity: Entity, gender: str | None) -> bool:
        if gender is None:
            return True
        said = self._article_gender(entity)
        if said is not None:
            return said == gender
        first = entity.name.split()[0]
        return self.first_names.get(first, "u") in ("u", gender)

    def _article_gender(self, entity: Entity) -> str | None:
        """The sex the article itself gives a person, by a title before one of its mentions
        ("Mr Lee", "Mullah Omar") or the noun of an appositive after one ("Lee, a spokeswoman
        for …", "Lee, his wife,"); None when it gives none, or both."""
        found = self._genders.get(entity.name, "")
        if found == "":
            seen = set()
            for m in entity.mentions:
                title = self.text[max(0, m.start - 9) : m.start].split()[-1:]
                if title and title[0] in _GENDERED_TITLES:
                    seen.add(_GENDERED_TITLES[title[0]])
                noun = _APPOSITIVE_NOUN.match(self.text, m.end, m.end + 60)
                if noun and _LIST_GOES_ON.match(self.text, noun.end()):
                    noun = None  # "Paul Ames, his wife, and their sons": a list, no appositive
                if noun and noun.group(1) in _GENDERED_NOUNS:
                    seen.add(_GENDERED_NOUNS[noun.group(1)])
            found = seen.pop() if len(seen) == 1 else None
            self._genders[entity.name] = found
        return found

    def _unnamed_paragraph_between(self, start: int, end: int) -> bool:
        """Whether a whole paragraph of text naming nobody lies between two quotes: the speaker
        of the first is not carried over it ("…,” Moss said. ¶ Tickets sold out. ¶ “…”)."""
        lo = bisect.bisect_right(self.paragraph_starts, start)
        hi = bisect.bisect_right(self.paragraph_starts, end) - 1
        for k in range(lo, hi):
            p_start, p_end = self.paragraph_starts[k], self.paragraph_starts[k + 1]
            if _ANY_WORD.search(self.masked, p_start, p_end) and not any(
                m.entity.type in ("PERSON", "ORG") for m in self.mentions_in(p_start, p_end)
            ):
                return True
        return False

    def _continues_previous(self, prev: QuoteSpan, span: QuoteSpan, prev_tail: bool) -> bool:
        """A quote standing alone right after an attributed one continues it (news convention)."""
        gap = self.masked[prev.close_mark + 1 : span.open_mark]
        participle_gap = bool(
            _PARTICIPLE_GAP.match(gap) or _SAME_SUBJECT_GAP.match(gap)
        ) and not self.mentions_in(prev.close_mark, span.open_mark)
        if not prev_tail and _ANY_WORD.search(gap) and not participle_gap:
            return False
        if self._unnamed_paragraph_between(prev.close_mark, span.open_mark):
            return False
        stops = len(_STOP.findall(gap)) - len(_TITLE_STOP.findall(gap))  # "said Dr. Reid. “…”"
        if len(gap) > 160 or stops > 1:
            return False
        sent_start, _ = self.sentence_bounds(span.open_mark)
        # '…,” Moss said. “…all.” “And…”': a quotation closed by its own stop ends a sentence
        sent_start = self._after_closed_quotes(sent_start, span.open_mark)
        return not self.masked[sent_start : span.open_mark].strip(" \t\n\"“‘'")


def _one_letter_off(a: str, b: str) -> bool:
    """Whether two surnames of five letters or more, with the same first letter, differ by one
    letter added, dropped or changed, or two neighbours swapped ("Mekdad"/"Mekhdad",
    "Wiraydua"/"Wirayuda"): one name misspelt in one article."""
    if a == b or len(a) < 5 or len(b) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[k + 1 :] == b[k + 1 :] or (
            a[k + 2 :] == b[k + 2 :] and a[k : k + 2] == b[k + 1 : k - 1 : -1]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short[k:] == long[k + 1 :]


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
        if not w.islower() or w in _TIME_QUALIFIERS:
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


def described_entities(
    described: dict[str, tuple[int, int]], speakers: set[str | None], entities: list[Entity]
) -> list[Entity]:
    """Entities for speakers named only by a description ("the Syrian army said"), so
    choosing the speaker in the app finds the article like choosing a person: an organisation
    for a named service ("the Russian air force"), else a group ("the Syrian army")."""
    known = {e.name for e in entities}
    return [
        Entity(
            name,
            "ORG" if name.lower().endswith(_DESCRIBED_SERVICES) else "GROUP",
            (Mention(start, end, name),),
        )
        for name, (start, end) in described.items()
        if name not in known and name in speakers
    ]


# How a described speaker that is a service of a state ends: "the Russian air force" is an
# organisation (as annotated), "the Syrian army" a group (as since rules-4)
_DESCRIBED_SERVICES: Final = (
    " air force",
    " navy",
    " coast guard",
    " border guard",
    " national guard",
)


def without_overlaps(entities: list[Entity], added: list[Entity]) -> list[Entity]:
    """`entities` minus mentions inside an `added` entity's ("Syrian" in "Syrian army"), then
    `added`: one mention per stretch of text, as the store keeps it."""
    spans = [(m.start, m.end) for e in added for m in e.mentions]
    out = []
    for entity in entities:
        kept = tuple(
            m for m in entity.mentions if not any(s < m.end and m.start < e for s, e in spans)
        )
        if kept:
            out.append(
                entity
                if len(kept) == len(entity.mentions)
                else Entity(entity.name, entity.type, kept)
            )
    return out + added
