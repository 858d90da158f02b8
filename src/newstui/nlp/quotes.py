"""Direct quotations: matching quotation marks (curly, straight, single, guillemets), across paragraphs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from newstui.nlp.segment import (
    _COMPILED,
    WORD,
    LiteralGuard,
    OpeningGuard,
    WordNeedsGuard,
    WordStartSearch,
    _is_word_at,
    bisect_ints_left,
    count_words,
    find_all,
    last_blank_word,
    literal_heads,
    may_match,
    nickname_end,
    paragraph_spans,
    word_case_counts,
)

if TYPE_CHECKING:  # mypyc's native 64-bit integer; plain int when run as Python
    from mypy_extensions import i64

_BOUNDARY_BEFORE: Final = " \t\n([{—–-/"
_SPEECH_END: Final = ",.!?…—–:;"
_TITLE_CUES: Final = re.compile(
    r"\b(?:title|titled|entitled|called|named|film|movie|book|novel|song|album|series|show|play|"
    r"documentary|paper|poem|opera|single|track|programme|program|podcast|headline|dubbed|"
    r"nicknamed|nickname|known\s+as|referred\s+to\s+as)\W*(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
# 'the term “subject to”', 'named their robot “Robogee.”', 'the nickname, the “Chuckle Brothers.”':
# what follows names a word or a thing; it is nobody's speech
NAMING_CUE: Final = re.compile(
    r"\b(?:term|phrase|word|words|expression|slogan|motto|nickname|name|named|dubbed|nicknamed|"
    r"titled|entitled)[,:]?\s+(?:(?:it|them|him|her|their|its|his|the|a|an)\s+)?"
    r"(?:\w+\s+)?$"
)
NAMING_CUE_HEADS: Final = literal_heads(NAMING_CUE)  # a text holding none is not searched
# 'a study, titled "Effects of …"', 'her novel "A history of …"': a cue that names the work
# outright; what follows is its title however long and lower case it is. A written work's noun
# is no cue when a speech verb is near ('said, in response to the study, "This virus is …"')
# or a sentence ends between them ('led the study.\n\n"The strains were …", said Dr. Lind').
_DIRECT_TITLE_CUES: Final = re.compile(
    r"\b(?:title|titled|entitled|called)\W*(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE
)
_WORK_NOUN_CUES: Final = re.compile(r"\b(?:book|novel|paper|study|report)[,:]?\s*$", re.IGNORECASE)
# 'a blog post titled “Why I am leaving Google.”', 'a campaign called “Think different.”': the
# title of a work or a scheme, even in sentence case and closed by the sentence's stop; "titled"
# and "entitled" name a title whoever uses them, while "called", "named" and "dubbed" do so after
# a noun naming a work that cannot speak ('what the judge called “a cruel betrayal.”' is speech;
# so is 'the statement called …': a text speaks)
_WORK_TITLE_CUE: Final = re.compile(  # the nouns in lower case: "the Washington Post called"
    r"(?:\b(?:[Tt]itled|[Ee]ntitled)|\b(?:song|film|movie|book|novel|album|campaign|programme|program|"
    r"post|blog|petition|play|show|series|documentary|poem|opera|single|track|podcast|project|"
    r"initiative|scheme|exhibition|festival|game|app|website|operation|video|episode|musical|"
    r"painting|sculpture|installation|motion|bill|amendment)s?,?\s+(?:called|named|dubbed))"
    r"\W*(?:the\s+|a\s+|an\s+)?$"
)
# 'said on the Focus programme "We …"': a long lower-case quote after a programme reads as speech
# when it speaks in the first or second person or a speech verb is near
_PERSON_PRONOUN: Final = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our)\b")
_SPEECH_VERB: Final = re.compile(
    r"\b(?:said|says|say|told|tells|asked|asks|added|adds|replied|replies|stated|explained)\b"
)
# 'she said "Your dad is gay"', 'I asked, "Who is it?"': a speech verb right before the quote;
# 'the website does claim that "Families Should Support The …"': so is one and "that"
_SAID_BEFORE: Final = re.compile(
    r"\b(?:said|says|say|asked|asks|replied|replies)\s*[,:]?\s*$"
    r"|\b(?:said|says|claim|claims|claimed|stated|states|wrote|writes|argued|argues|warned|added)"
    r"\s+that\s*$"
)
# 'signs reading "Junk the WTO" and "…"', 'Banners declared "…"', 'a banner from Acme saying':
# the words on a sign, banner or placard (and the next ones of a list of them) are nobody's
# speech. Capitalised only as a plural opening a sentence: "Banner said" and "Ann Sign said" are
# people. The sentence-start test follows the capitalised word (a lookbehind at every character
# made the search of the 200 characters before each quotation three times slower).
_SIGN_TEXT_CUE: Final = re.compile(
    r"\b(?:signs?|banners?|placards?"
    r"|Signs(?:(?<=^Signs)|(?<=[.!?]\sSigns)|(?<=\nSigns))"
    r"|Banners(?:(?<=^Banners)|(?<=[.!?]\sBanners)|(?<=\nBanners))"
    r"|Placards(?:(?<=^Placards)|(?<=[.!?]\sPlacards)|(?<=\nPlacards)))"
    r"(?:\s+(?:that|which)|\s+from\s+[^.;:,\"“”]{1,30}?"
    r"|\s+(?:displayed|held|carried|hung|raised|waved)\b[^.;:,\"“”]{0,40}?)?"
    r"\s+(?:read|reads|reading|said|say|says|saying|declared|declare|declares|declaring|"
    r"proclaimed|proclaiming|stated|stating|bearing|such\s+as)"
    r"(?:\s+that\s[^.;:,\"“”]{0,40}?)?\s*[,:]?\s*"  # 'banners … stated that he had "…"'
    r"(?:[\"“'‘][^\"“”'‘’\n]{1,80}[\"”'’],?[ \t]+(?:and[ \t]+|or[ \t]+)?)*$"
)
# 'Their slogan is "…"', 'The inscription states, "…"', 'A headline from the week before
# declares, "…"', 'preferring the phrase "…"', 'the writings on the shirt said: "…"': the words of a
# written thing (and a phrase mentioned as such) are nobody's speech
_WRITTEN_TEXT_CUE: Final = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,3}?"
    r"\b(?:signs?|slogans?|inscriptions?|plaques?|headlines?|writings|wording|phrase|motto|caption)"
    r"(?:\s+(?:on|of|from|in)\s+[^.;:\"“”]{1,60}?)?"
    r"(?:\s+(?:is|was|reads?|reading|said|says|states?|stated|declares?|declared)"
    r"(?:\s+[^.;:\"“”]{1,30}?)?)?\s*[,:]?\s*$"
)
# 'was charged with "felony rioting"', 'face charges of "murder" and a "…"', 'entered a plea of
# "not guilty"', 'arrested by police for "…"': the name of a charge or a plea, a legal term
_CHARGE_CUE: Final = re.compile(
    r"\b(?:charges?|charged|arrested|convicted|indicted|plea|pleaded|pleads)"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:of|with|for)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\"“][^\"“”]{1,80}[\"”],?\s+(?:and|or)\s+(?:(?:a|an|the)\s+)?)*$"
)
# 'Lee said on Monday that the plan was "a disgrace"', 'was said to be "clearly upset"',
# 'He blamed a "small" number', 'yelling "Stay with us"', 'according to the report, "dire"': a
# fragment in a clause that reports
# someone's words is a quotation even when the rules name nobody as its speaker
_REPORTING_CLAUSE: Final = re.compile(
    r"\b(?:said|says|say|saying|stated|states|claimed|claims|claim|reported|reports|warned|warns|"
    r"suggested|suggests|argued|argues|insisted|insists|believed|believes|believe|ruled|rules|"
    r"alleged|alleges|wrote|writes|told|tells|added|adds|noted|notes|announced|declared|promised|"
    r"admitted|predicted|complained|indicated|acknowledged|conceded|maintained|asserted|"
    r"revealed|reveals|concluded|concludes|confirmed|confirms|proclaimed|stating|"
    r"claiming|warning|arguing|insisting|noting|predicting|proclaiming)"
    r"(?:\s+[\w,]+){0,6}?\s+that\b(?P<that>[^;:]*)$"
    # 'an official said it is "very likely"', 'said Mr Lee was "buying a newspaper"': a
    # reported clause with no "that", its subject and verb right after the verb of saying
    r"|\b(?:said|says|say|believe|believes|believed|claim|claims|claimed)"
    r"\s+(?!(?:that|to|in|on|at|of|by|with|after|before|during|from)\b)"
    r"(?:[\w'’.-]+\s+){1,4}?(?:is|was|were|are|had|has|have|would|will|could|should|may|"
    r"might|must|can)\b(?P<said>[^;:]*)$"
    # 'vowed to start a "holy war"', 'urged the banks to "act fully"': what someone pledged or
    # urged in so many words
    r"|\b(?:vowed|vows|promised|promises|pledged|pledges|urged|urges|advised|advises)\b"
    r"[^;:.\"“”]{0,40}?\bto\s+(?:\w+\s+){0,3}$"
    r"|\b(?:blamed|blames|blame|blaming|praised|praises|praising)\b[^;:]*$"
    r"|\bsaid\s+to\s+(?:be|have)\b[^;:.]*$"
    # 'after suffering what doctors said was a "massive" stroke': the words of those who said it
    r"|\bwhat\s+(?:[\w'’-]+\s+){1,3}?(?:said|says|say)\s+(?:was|were|is|are|had\s+been|has\s+been)"
    r"\s+(?:[\w'’-]+\s+){0,2}$"
    r"|\b(?:According|according)\s+to\b[^;:]*$"  # 'were, according to the court, "sexual in nature"'
    r"|\b(?:said|says|saying)\s*[,:]?\s*$"  # 'its source said "three terrorists"'
    r"|\b(?:yelling|yelled|shouting|shouted|chanting|chanted|screaming|screamed|crying|cried)"
    r"(?:\s*[,:]?|[^;:.\"“”]{0,40}?\bto)\s*$"  # 'shouted at the police to "let her speak"'
    # 'India called the bombing a "cowardly attack"', 'calling it their nation's "last resort"':
    # a verb of naming with its object before the fragment gives someone's words for it ("a
    # campaign called a "…"" and "called for "…"" name a thing or ask for one)
    r"|\b(?<!-)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bbe\s)(?<!\bbeen\s)"
    r"(?:called|calling|labell?ed|branded)\s+"
    r"(?!(?:as|for|on|off|up|in|to|into|out|back|upon)\s)(?!(?:a|an|the)\s*$)"
    r"[^;:.\"“”]{1,60}$"
    # 'The U.S. criticized the launch as "not constructive."', 'described by some as "a miracle"'
    r"|\b(?:Described|described|describes|describe|describing|labell?ed|labell?ing|dismissed|dismisses|"
    r"dismissing|criticised|criticises|criticising|criticized|criticizes|criticizing|hailed|"
    r"hails|saluted|branded|denounced|denounces|condemned|condemns)\b"
    r"[^;:.\"“”]{0,80}?\bas\b[^;:.\"“”]{0,30}$"
    # 'accused the president of trying to "sabotage" …', 'citing a need to avoid "market
    # disruption"': what someone is accused of or cites, in their accuser's or their own words
    r"|\b(?:accused|accuses|accusing)\b[^;:.\"“”]{0,60}?\bof\b[^;:.\"“”]{0,30}$"
    r"|\b(?:cited|cites|citing)\b[^;:.\"“”]{0,40}$"
)
# 'what the scientists describe as an "upside-down river"', 'what is called muscle "…"': a
# name the clause gives a thing, not anyone's words about it
_WHAT_NAMING: Final = re.compile(
    r"\bwhat\s+(?:\w+\s+){0,3}?(?:call|calls|called|describe|describes|described)\b[^;:]*$"
)
# 'Some researchers have described it as a "hycean" world', 'dismissed by many as merely
# "decorative"': one word an unnamed, indefinite group characterises a thing with is a label
# in circulation, not anyone's words ('described by some as "a miracle"' quotes a phrase)
_SOME_NAMING: Final = re.compile(
    r"\b(?:Some|some|Many|many|Others|others)(?:\s+[a-z]+){0,2}?\s+(?:(?:have|has|had)\s+)?"
    r"(?:described|describe|dismissed|dismiss|called|call|labell?ed|label|branded|brand)\b"
    r"[^;:.\"“”]{0,80}?\bas\b[^;:.\"“”]{0,30}$"
    r"|\b(?:described|dismissed|called|labell?ed|branded)\s+by\s+(?:some|many|others)\b"
    r"[^;:.\"“”]{0,30}$"
)
# 'Merkel said she expected a 'very prompt' reply': a single-marked fragment is someone's words
# only when a verb of saying in its sentence gives them to a speaker; otherwise it is a label
# ('under the guise of 'transport costs'', 'his 'gas-guzzling' car', 'experts believe that $75
# is the 'fair price'')
_SINGLE_ATTRIBUTION: Final = re.compile(  # beside _SPEECH_VERB ("said", "told", "added", …)
    r"\b(?:suggest|report|describ|accus|call|label|warn|argu|insist|announc|declar|complain)"
    r"(?:es|s|ed|ing|led|ling)\b|\b(?:wrote|writes)\b"
)
# '…that 20% wanted a vote, and 13% had "no opinion"': the reported clause ended at the comma;
# '…that the law's definition of "consent"': a word the clause mentions, not its speaker's
_CLAUSE_LEFT: Final = re.compile(
    r",\s+(?:and|but|while|whereas)\s|\b(?:term|terms|phrase|word|words|translation|definition|"
    r"expression|slogan|label|name)\b"
)
# a stop not after a lone capital ("W. Bush"), then a capital or a mark; or a newline (opens
# with a class of characters, so the search skips to those: a pattern opening with two
# alternatives, one of them a class, is tried at every character, three times slower)
_SENTENCE_BREAK: Final = re.compile(r"[.!?\n](?:(?<=\n)|(?<![A-Z].)[\"”’']?\s+(?=[A-Z\"“‘']))")
_REPORTED_WORDS: Final = 10  # at most this many words between "that" (or a quotation) and it
# 'Dubbed the "first lady of …"', 'the legal definition of "consent"', 'an essay with a title
# meaning "Was it …?"': a name, a term or a title follows, whatever its case and stops
_NAME_CUE: Final = re.compile(  # searched in the 40 characters before the mark
    r"\b(?:Dubbed|dubbed|Nicknamed|nicknamed|designation)\s+(?:(?:it|him|her|them)\s+)?"
    r"(?:(?:the|a|an)\s+)?$"
    # 'was called the "breadbasket"', 'is often called "the pearl …"': a passive "called"
    # names a thing by what others call it; nobody in the sentence says it
    r"|\b(?:is|was|are|were|been|being)\s+(?:(?:often|also|once|sometimes|widely|now)\s+)?"
    r"called\s+(?:(?:the|a|an)\s+)?$"
    r"|\b(?:definition|definitions|meaning)\s+of\s+(?:the\s+)?$"
    r"|\btitle\s+(?:meaning|reading|translated\s+as)\s+$"
    # 'At the panel "Breaking Into …,"', 'the Bank acted as "lender of last resort"'
    r"|\b(?:title|panel|motto|slogan|headline|heading|caption|hashtag)(?:\s+of(?:\s+the)?)?\s*[,:]?\s*$"
    # ('described the act as "a despicable act …"': "act" after a determiner is a noun)
    r"|\b(?:acted|acting|acts?(?<!the act)(?<!the acts)(?<!an act)(?<!this act)(?<!that act)"
    r"|served|serving|serves|serve)\s+as\s+(?:(?:a|an|the)\s+)?$"
)
# in the 80 characters before: 'labeling the Guard as a "specially designated …"', 'known in
# English as "…"', 'take the title of "Custodian of …"', 'The title of the commentary, "…"'
_FAR_NAME_CUE: Final = re.compile(
    r"\b(?:label(?:l?ing|l?ed|s)?|renamed|designated|listed|classified|known|Known)\b"
    r"[^.;:\"“”]{0,50}?\b(?:as|to)\s+(?:(?:a|an|the)\s+)?$"
    r"|\b(?:Title|title)\s+of\s+[^.;:\"“”]{0,50},\s*$"
)
_BY_AGENT_AFTER: Final = re.compile(r",?\s+by\s")  # a passive's agent after the marks
_FAR_NAME_CUE_WORDS: Final = literal_heads(_FAR_NAME_CUE)  # a text holding none is not searched
# the words each cue may end with (before a comma or colon)
_NAME_CUE_ENDS: Final = frozenset(
    "dubbed nicknamed designation called it him her them the a an of meaning reading as title "
    "panel motto slogan headline heading caption hashtag".split()
)
_FAR_NAME_CUE_ENDS: Final = frozenset("as to a an the".split())
_GLOSS_BEFORE: Final = re.compile(r"[\"”]\s*\($")  # '"non possumus" ("…")': a gloss
# '"severe acute respiratory syndrome coronavirus 2" (SARS-CoV-2)': a name glossed by its short
# form (two capitals or more, one word) in brackets right after the marks
_SHORT_FORM_AFTER: Final = re.compile(r" ?\((?=[^)\s]*[A-Z][^)\s]*[A-Z])[A-Za-z0-9-]{2,15}\)")
# 'under the "one country, two systems" model', 'offer a "basic shift manager" course': the
# name of a kind of thing, between a determiner and the noun of the kind
_DETERMINERS: Final = frozenset("the a an its their his her".split())
_KIND_NOUN_AFTER: Final = OpeningGuard(
    re.compile(
        r"\s*(?:model|policy|policies|system|doctrine|plan|programme|program|campaign|initiative|"
        r"approach|principle|formula|strategy|scheme|movement|project|agenda|concept|theory|label|"
        r"status|category|option|course|role|style|era|zone|list)\b"
    )
)
# What every match of the patterns searched before each quotation holds (a window holding none
# is not searched: a search for a pattern that must end the window tries it at every character)
# the last words of the cues of _TITLE_CUES, which must end a window it matches in (before its
# non-word characters, or before an article and blanks): tested before the search
_TITLE_CUE_ENDS: Final = frozenset(
    "title titled entitled called named film movie book novel song album series show play "
    "documentary paper poem opera single track programme program podcast headline dubbed "
    "nicknamed nickname as".split()
)
_REPORTING_CLAUSE_NEEDS: Final = LiteralGuard(_REPORTING_CLAUSE)
# the cues searched in the 200 characters before each quotation (bits 1, 2, 4), whose words are
# looked for in one pass over that window's words
_LEAD_NEEDS: Final = WordNeedsGuard(_SIGN_TEXT_CUE, _WRITTEN_TEXT_CUE, _CHARGE_CUE)
# Searches of patterns each of whose matches opens a word with one of a few words, tried only
# where such a word opens (compiled; see WordStartSearch)
_REPORTING_CLAUSE_SEARCH: Final = WordStartSearch(_REPORTING_CLAUSE)
_SIGN_TEXT_SEARCH: Final = WordStartSearch(_SIGN_TEXT_CUE)
_WRITTEN_TEXT_SEARCH: Final = WordStartSearch(_WRITTEN_TEXT_CUE)  # from "the", "a", "his"…
_NAME_CUE_SEARCH: Final = WordStartSearch(_NAME_CUE)
_FAR_NAME_CUE_SEARCH: Final = WordStartSearch(_FAR_NAME_CUE)
_CHARGE_SEARCH: Final = WordStartSearch(_CHARGE_CUE)
_SPEECH_VERB_SEARCH: Final = WordStartSearch(_SPEECH_VERB)
_SAID_BEFORE_SEARCH: Final = WordStartSearch(_SAID_BEFORE)
# 'In "Lee v. Acme Corp., et al."': the name of a court case
_CASE_NAME: Final = re.compile(r"(?:[A-Z][\w.'’-]*,?\s+){1,4}(?:v|vs)\.?\s+[A-Z]")
# 'after the "Super Weekend."', 'on a "Fox News Sunday" broadcast': a name after an article;
# 'George W. Bush's "war on terror"': a fragment owned by a possessive is that one's label
_ARTICLES: Final = frozenset("the a an".split())
_FUNCTION_WORDS: Final = frozenset(
    "a after an and as at by for from in into of on or over the to with".split()
)
_DOUBLE_OPEN: Final = {"“": "”", "«": "»", "„": "“"}
_DOUBLE_MARK: Final = re.compile("[“”«»„]")  # every opener and closer of _DOUBLE_OPEN
_ANY_DOUBLE_MARK: Final = re.compile('["“”«»„]')
_MIXED_MARK: Final = re.compile('["“”]')
# the characters of each class above, found one by one (str.find: no Match object each)
_DOUBLE_MARKS: Final = tuple("“”«»„")
_ANY_DOUBLE_MARKS: Final = tuple('"“”«»„')
_MIXED_MARKS: Final = tuple('"“”')
_UNMARKED_PARAGRAPHS: Final = 5  # a quotation runs over at most this many paragraphs unmarked
_THIN_SPACES: Final = "\u2009\u200a\u202f"
_SINGLE_MARKS: Final = {"‘’": re.compile("[‘’]"), "''": re.compile("'")}


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: content offsets (marks excluded) and the offsets of its opening and closing marks.

    `__init__` and `__hash__` are written out as `dataclass` writes them: mypyc compiles these,
    while the ones `dataclass` writes run as Python code in the compiled extractor (~6,000 and
    ~2,300 instructions a call). The hash is the dataclass's, worked out once: a span is looked
    up in sets of spans about eight times for each one made (a tuple of four and its hash,
    ~250 instructions, each time)."""

    start: int
    end: int
    open_mark: int
    close_mark: int
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __init__(self, start: int, end: int, open_mark: int, close_mark: int) -> None:
        object.__setattr__(self, "start", start)  # frozen: past the dataclass's __setattr__
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "open_mark", open_mark)
        object.__setattr__(self, "close_mark", close_mark)
        object.__setattr__(self, "_hash", hash((start, end, open_mark, close_mark)))

    def __hash__(self) -> int:
        return self._hash

    def contains(self, other: QuoteSpan) -> bool:
        return self.open_mark <= other.open_mark and other.close_mark <= self.close_mark


def _straight_double(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    pairs: list[tuple[int, int | None]] = []
    opened: int | None = None
    inner: int | None = None  # a quotation nested in the open one, its marks glued to words
    i = text.find('"', start, end)
    while i >= 0:
        if inner is not None:
            if not text[i + 1 : i + 2].isalnum():  # 'a"Space Race " and …': a stray space
                inner = None
        elif opened is not None and _glued_open(text, i, end):
            # 'the offer of"3 GB" is …"': an even number of marks left, this one opens a nested
            # quotation; 'is able to"dig a little …," he said': an odd number, it closes one
            # quotation and opens the next
            left = text.count('"', i + 1, end)
            if left % 2 == 0 and left:
                inner = i
            elif left % 2:
                pairs.append((opened, i))
                opened = i
        else:
            closes, now_open = _straight_mark(text, i, start, end, opened)
            if closes and opened is not None:
                pairs.append((opened, i))
            elif opened is None and now_open is None:
                lost = _lost_opening(text, i, pairs[-1][1] if pairs else None, start, end)
                if lost is not None:
                    pairs.append((lost, i))
            opened = now_open
        i = text.find('"', i + 1, end)
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _straight_mark(
    text: str, i: int, start: int, end: int, opened: int | None
) -> tuple[bool, int | None]:
    """What the straight double mark at `i` does to the quotation `opened` (None: none is):
    whether it closes it, and the quotation open after it."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    can_open = prev in _BOUNDARY_BEFORE or prev in "\"'‘“" or i == start
    # '…of "corrupt persuasion"--persuasion with …': a double hyphen is a dash
    can_close = (
        nxt.isspace() or nxt in _SPEECH_END + ")]}'’" or i + 1 == end or text[i + 1 : i + 3] == "--"
    )
    if opened is None and (
        (can_open and not nxt.isspace())
        or (prev in ".!?" and nxt.isupper())
        or _glued_open(text, i, end)  # 'said,"I was up early …"', 'had uncovered"violations"'
    ):
        # '…by Kampuchea Thmey."The website …"': a space left out after a sentence's stop
        return False, i
    if (
        opened is not None
        and can_close
        and (
            not prev.isspace()
            or _thin_after_mark(text, i)
            or _spaced_close(text, i, end)
            or _spaced_after_inner(text, i, end)
        )
    ):
        return True, None
    if opened is not None and prev in ".!?" and nxt.isupper():
        # '…on Monday."Any delay will …," he added': a space left out between a closing
        # mark and the next quote's opening one; the mark is both
        return True, i
    return False, opened


def _lost_opening(text: str, i: int, last_close: int | None, start: int, end: int) -> int | None:
    """'"… with the Tamil Tigers," added Kohona. It will take into account …of Sri Lanka."':
    a closing mark after a sentence's stop, with no quotation open, closes the sentence it ends,
    whose opening mark was lost; the offset before that sentence stands for the mark (None when
    the mark closes nothing: no stop before it, a word after it, nothing before the sentence)."""
    nxt = text[i + 1 : i + 2]
    if text[i - 1 : i] not in (".", "!", "?") or (nxt and not nxt.isspace() and nxt != '"'):
        return None
    if text[i + 1 : end].lstrip().startswith('"') and text.count('"', i + 1, end) % 2 == 0:
        return None  # '…the "Dirty Dozen." "…"': the mark's pair may lie before
    lo = start if last_close is None else last_close + 1
    if "“" in text[lo:i]:
        return None  # '“It was …, he said."': a curly opening mark pairs with it
    last = last_sentence_break(text, lo, i - 1)
    begin = last if last >= 0 else lo
    while begin < i and text[begin].isspace():
        begin += 1
    if begin == 0 or begin >= i - 1 or not text[begin].isupper():
        return None
    return begin - 1


def last_sentence_break(text: str, lo: int, end: int) -> int:
    """The end of the last match of `_SENTENCE_BREAK.finditer(text, lo, end)`, -1 when there is
    none: what reported_fragment and _lost_opening cut a sentence's head at. Compiled, the
    matches are searched from the right, from just after the last character before the last
    stop that no match can hold (a stop, a closing mark or a blank may be inside one): the
    matches from there are those from `lo`; further left only when none is found there (the
    search of 250 characters cost ~18,000 instructions a quotation)."""
    if not _COMPILED:
        last = -1
        for match in _SENTENCE_BREAK.finditer(text, lo, end):
            last = match.end()
        return last
    return _last_break_from_right(text, lo, end)


def _last_break_from_right(text: str, lo: int, end: int) -> int:
    """`last_sentence_break` searched from the right (what runs compiled)."""
    start: i64 = end
    while start > lo:
        stop: i64 = start - 1  # the last stop or newline before `start`
        while stop >= lo and not _opens_break(ord(text[stop])):
            stop -= 1
        if stop < lo:
            return -1
        start = stop  # then back past what a match may hold, to a character none holds
        while start > lo and _may_be_in_break(text, start - 1):
            start -= 1
        last = -1
        for match in _SENTENCE_BREAK.finditer(text, start, end):
            last = match.end()
        if last >= 0:
            return last
    return -1


def _opens_break(code: i64) -> bool:
    """Whether the character of this code opens a _SENTENCE_BREAK match: . ! ? or a newline."""
    return code == 46 or code == 33 or code == 63 or code == 10


def _may_be_in_break(text: str, at: i64) -> bool:
    """Whether text[at] may be inside a _SENTENCE_BREAK match: a stop, a newline, one of the
    closing marks after a stop (" ” ’ '), or a blank."""
    code: i64 = ord(text[at])
    if code < 128:
        return _opens_break(code) or code == 34 or code == 39 or 9 <= code <= 13 or 28 <= code <= 32
    return code == 0x201D or code == 0x2019 or text[at].isspace()


def _glued_open(text: str, i: int, end: int) -> bool:
    """Whether the straight mark at `i` sits between a word (or a comma, a bracket) and a word:
    it opens a quotation whose space before was left out ('had uncovered"violations …"')."""
    prev = text[i - 1]
    return (
        i + 1 < end
        and text[i + 1].isalnum()
        and not prev.isspace()
        and prev not in _BOUNDARY_BEFORE
        and prev not in ".!?\"'‘“"
    )


def _mixed_double(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """'"Everyone was …the centre,” said Kate', '“The royal …Cooperation," Saphan said': a
    quotation opened with a straight mark and closed with a curly one, or the other way."""
    pairs: list[tuple[int, int | None]] = []
    opened: int | None = None
    for i in find_all(text, _MIXED_MARKS, start, end):  # each match of _MIXED_MARK
        ch = text[i]
        if ch == '"':
            closes, now_open = _straight_mark(text, i, start, end, opened)
            if closes and opened is not None:
                pairs.append((opened, i))
            opened = now_open
        elif ch == "“":
            opened = i if opened is None else opened
        elif opened is not None:
            pairs.append((opened, i))
            opened = None
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _spaced_close(text: str, i: int, end: int) -> bool:
    """'…solve their own issues. " ¶', "…answer: 'are we alone?' \" ¶": a stray space between a
    sentence's stop (or a nested quotation's closing mark after one) and the closing mark that
    ends its paragraph."""
    before = text[i - 2 : i]
    if before in ("' ", "’ "):
        before = text[i - 3 : i - 2] + " "  # the nested quotation's stop
    return before in (". ", "! ", "? ") and not text[i + 1 : end].strip()


def _spaced_after_inner(text: str, i: int, end: int) -> bool:
    """'"…I thought, 'Bloody hell, I'm a drummer' ", he recalled': a plain space between an
    inner closing mark and the outer one, a comma or stop right after it: the mark closes (no
    quotation opens on a comma)."""
    return (
        text[i - 2 : i - 1] in ("'", "’")
        and text[i + 1 : i + 2] in (",", ".")
        and (i + 2 >= end or text[i + 2].isspace())
    )


def _thin_after_mark(text: str, i: int) -> bool:
    """'"…like 'am I going to die?'\u2009"': a thin (or no-break) space between an inner closing
    mark and the outer one is typography, not a gap before an opening mark."""
    return text[i - 1] in _THIN_SPACES + "\xa0" and text[i - 2 : i - 1] in ("'", "’", '"', "”")


def _curly_double(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    pairs: list[tuple[int, int | None]] = []
    opened, closer = None, ""
    for i in find_all(text, _DOUBLE_MARKS, start, end):  # each match of _DOUBLE_MARK
        ch = text[i]
        if ch in _DOUBLE_OPEN and (opened is None or ch != closer):
            if opened is None or text[opened] == ch:
                opened, closer = i, _DOUBLE_OPEN[ch]
        elif opened is not None and (ch == closer or (ch == "”" and closer == "“")):
            pairs.append((opened, i))  # „…“ in German, „…” in Polish and Dutch
            opened = None
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _single(
    text: str, start: int, end: int, opener: str, closer: str
) -> list[tuple[int, int | None]]:
    """Single-quote pairs; a closer is told from an apostrophe by what surrounds it."""
    marks = _SINGLE_MARKS[opener + closer]
    pairs: list[tuple[int, int | None]] = []
    i = text.find(opener, start, end)
    while i >= 0:
        if not (i == start or text[i - 1] in _BOUNDARY_BEFORE + '"“') or not (
            i + 1 < end and (text[i + 1].isalnum() or text[i + 1] in '“"…')
        ):
            i = text.find(opener, i + 1, end)
            continue
        nickname = nickname_end(text, i)
        if nickname > 0:  # "Matiu 'Matt' Ratana": a nickname inside a name is no quotation
            i = text.find(opener, nickname, end)
            continue
        sure: int | None = None
        unsure: list[int] = []
        mark = marks.search(text, i + 1, end)
        while mark:
            j = mark.start()
            # "his 'fact-finding' trip … his 'gas-guzzling' car": a straight mark that opens a
            # word after a mark that may have closed one did close it
            if (
                text[j] == opener
                and text[j - 1] in _BOUNDARY_BEFORE
                and (opener != closer or (unsure and text[j + 1 : j + 2].isalnum()))
            ):
                break
            if text[j] == closer and not text[j - 1].isspace():
                nxt = text[j + 1] if j + 1 < end else ""
                if nxt and (nxt.isalnum() or nxt == "_"):
                    mark = marks.search(text, j + 1, end)
                    continue
                if text[j - 1] in _SPEECH_END or nxt == "" or nxt in _SPEECH_END + ')”"':
                    sure = j
                    break
                if opener == closer and text[j - 1] in _BOUNDARY_BEFORE:
                    break
                unsure.append(j)
            mark = marks.search(text, j + 1, end)
        close = sure if sure is not None else (unsure[-1] if unsure else None)
        if close is not None:
            pairs.append((i, close))
            i = text.find(opener, close + 1, end)
        elif _continues(text, end, opener):
            pairs.append((i, None))
            break
        else:
            i = text.find(opener, i + 1, end)
    return pairs


def _continues(text: str, par_end: int, opener: str) -> bool:
    rest = text[par_end : par_end + 20].lstrip()
    return rest.startswith(opener)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, outermost only, multi-paragraph quotes joined into one span."""
    spans: list[QuoteSpan] = []  # by opening mark, none overlapping another
    opens: list[int] = []
    for openers, finder in (
        ("“«„", _curly_double),
        ('"', _straight_double),
        ('"“' if "”" in text or "“" in text else "", _mixed_double),
        ("‘", lambda t, s, e: _single(t, s, e, "‘", "’")),
        ("'", lambda t, s, e: _single(t, s, e, "'", "'")),
    ):
        if not any(mark in text for mark in openers) or (
            finder is _mixed_double and '"' not in text
        ):
            continue  # no opening mark of this style (most articles use one): nothing to find
        marks = find_all(text, tuple(openers))  # where each pair of this style may open
        if openers in ("‘", "'"):  # single marks: most are apostrophes ("don't", "Smiths'")
            marks = [i for i in marks if _may_open_single(text, i)]
        for span in _join_paragraphs(text, finder, marks):
            # a span of an earlier style (the marks tried first) that overlaps this one wins;
            # the spans kept never overlap, so only the neighbours by opening mark can
            k = bisect_ints_left(opens, span.open_mark)
            if (k and spans[k - 1].close_mark > span.open_mark) or (
                k < len(spans) and spans[k].open_mark < span.close_mark
            ):
                continue
            spans.insert(k, span)
            opens.insert(k, span.open_mark)
    return spans


def _may_open_single(text: str, i: int) -> bool:
    """Whether the single mark at `i` may open a quotation (`_single`'s test, with the start of
    any paragraph: a blank comes before one): a boundary or a blank before it, a letter, a
    digit or an opening mark after it."""
    return (
        (i == 0 or text[i - 1] in _BOUNDARY_BEFORE or text[i - 1] in '"“' or text[i - 1].isspace())
        and i + 1 < len(text)
        and (text[i + 1].isalnum() or text[i + 1] in '“"…')
    )


# What pairs the marks of one style in text[start:end]: (opening, closing mark or None)
_PairFinder = Callable[[str, int, int], list[tuple[int, int | None]]]


def _join_paragraphs(text: str, finder: _PairFinder, marks: list[int]) -> list[QuoteSpan]:
    """The quotations `finder` pairs in each paragraph, joined across paragraph breaks.
    `marks`: in order, the offsets of the marks that may open its pairs; a paragraph holding
    none of them has none (most paragraphs), and `finder` is not called on it. (`finder`
    typed: compiled, its pairs are then read as lists and tuples, not as any object.)"""
    spans: list[QuoteSpan] = []
    pending_open: int | None = None
    paragraphs = paragraph_spans(text)
    lines_joined: bool | None = None  # paragraphs blank-line separated: "\n" only wraps a line
    m = 0  # the first mark not before the paragraph read
    k = 0
    while k < len(paragraphs):
        start, end = paragraphs[k]
        while m < len(marks) and marks[m] < start:
            m += 1
        if m == len(marks) or marks[m] >= end:
            pending_open = None  # what an empty `pairs` does below
            k += 1
            continue
        pairs = finder(text, start, end)
        k += 1
        while (  # 'writes:¶"It's a long shot…plurality. \nThink about it…ever."': one quote
            pairs
            and pairs[-1][1] is None
            and text[pairs[-1][0]] in '"“«„'
            and k < len(paragraphs)
            and text.count("\n", end, paragraphs[k][0]) == 1
            and (lines_joined if lines_joined is not None else (lines_joined := "\n\n" in text))
            and not _continues(text, end, text[pairs[-1][0]])
        ):
            joined = finder(text, start, paragraphs[k][1])
            if not any(o == pairs[-1][0] and c is not None for o, c in joined):
                break
            pairs, end = joined, paragraphs[k][1]
            k += 1
        if (
            pairs
            and pairs[-1][1] is None
            and text[pairs[-1][0]] in '"“«„'
            and not _continues(text, end, text[pairs[-1][0]])
        ):
            closed = _closed_later(text, paragraphs, k, text[pairs[-1][0]])
            if closed is not None:
                # 'Jordan said, "To me, … part of Nike.¶I learned so much …creativity."': a
                # quotation broken by paragraph breaks the marks do not bridge is one quote
                # per paragraph (the Wikinews sets' convention, dev10 t009, dev11 t012); the
                # offset before each later paragraph stands for its lost opening mark
                pairs[-1] = (pairs[-1][0], end)
                while paragraphs[k][1] <= closed:
                    pairs.append((paragraphs[k][0] - 1, paragraphs[k][1]))
                    k += 1
                start, end = paragraphs[k]
                pairs.append((start - 1, closed))
                pairs += finder(text, closed + 1, end)  # '…one,” Mr Rahman warned. “…”'
                k += 1
        if pending_open is not None:
            first_open = pairs[0][0] if pairs else None
            if first_open is not None and not text[start:first_open].strip():
                pairs[0] = (pending_open, pairs[0][1])
            pending_open = None
        for open_mark, close_mark in pairs:
            if close_mark is None:
                if text[open_mark] == '"' and text.find("”", open_mark, end) >= 0:
                    continue  # '"The government …credentials,”¶': a curly mark closes it
                if _continues(text, end, text[open_mark] if text[open_mark] != "„" else "„"):
                    pending_open = open_mark
                elif (
                    text[open_mark] == '"'
                    and text[end - 1 : end] in ".!?"
                    and not _DOUBLE_MARK.search(text, start, end)
                ):
                    # 'said: "A settlement had not been reached …clinics.¶': a quotation whose
                    # closing mark was lost runs to the end of its paragraph
                    span = _content(text, open_mark, end)
                    if span:
                        spans.append(span)
                continue
            span = _content(text, open_mark, close_mark)
            if span:
                spans.append(span)
    return spans


def _closed_later(
    text: str, paragraphs: tuple[tuple[int, int], ...], k: int, opener: str
) -> int | None:
    """'stating, "I have always said …know.¶Unfortunately, that day has come."': the closing
    mark of a quotation left open, when the paragraphs from the k-th on hold no quotation
    mark before a closing one (the marks of the paragraphs between were never written); the
    marks after it in its paragraph ('…after dark," she warned. "We …"') pair on their own."""
    closer = _DOUBLE_OPEN.get(opener, '"')
    for start, end in paragraphs[k : k + _UNMARKED_PARAGRAPHS]:
        mark = _ANY_DOUBLE_MARK.search(text, start, end)
        if mark is None:
            continue
        i = mark.start()
        if text[i] != closer or text[i - 1].isspace():
            return _closed_after_nested(text, start, end, opener, closer)
        nxt = text[i + 1 : i + 2]
        return i if not nxt or nxt.isspace() or nxt in _SPEECH_END else None
    return None


def _closed_after_nested(text: str, start: int, end: int, opener: str, closer: str) -> int | None:
    """'The 133' is … no longer a "building", but rather … a tower."': the paragraph's last mark
    closes the quotation left open when the marks before it pair among themselves (a
    quotation nested in it); None otherwise."""
    marks = find_all(text, _ANY_DOUBLE_MARKS, start, end)  # each match of _ANY_DOUBLE_MARK
    last = marks[-1]
    nxt = text[last + 1 : last + 2]
    if (
        text[last] != closer
        or text[last - 1].isspace()
        or not (not nxt or nxt.isspace() or nxt in _SPEECH_END)
    ):
        return None
    kinds = [text[m] for m in marks]
    if closer == '"':
        return last if len(kinds) % 2 and all(k == '"' for k in kinds) else None
    opened = kinds.count(opener)
    return last if kinds.count(closer) == opened + 1 == len(kinds) - opened else None


def _content(text: str, open_mark: int, close_mark: int) -> QuoteSpan | None:
    start, end = open_mark + 1, close_mark
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, open_mark, close_mark) if end > start else None


def _names_a_thing(text: str, span: QuoteSpan, content: str, few: int) -> bool:
    """Whether the words around the marks say the quotation names a thing, a term, a title, a
    case or a kind ('Dubbed the "…"', 'under the "…" model', 'Bush's "war on terror"')."""
    at = span.open_mark
    if (_may_name_a_case(content) and _CASE_NAME.match(content)) or (
        text[at - 1 : at] == "(" and _GLOSS_BEFORE.search(text, max(0, at - 10), at)
    ):
        return True
    after = span.close_mark + 1
    if (
        (text[after : after + 1] == "(" or text[after : after + 2] == " (")  # (no method call)
        and content[-1:] not in _SPEECH_END
        and _SHORT_FORM_AFTER.match(text, after)
    ):
        return True
    # each cue ends with one of a few words: the word before the mark says which may match
    tail = text[max(0, at - 30) : at].rstrip()
    last = last_blank_word(tail.rstrip(",:"))
    lower = last.lower()
    if (
        lower in _NAME_CUE_ENDS
        and _NAME_CUE_SEARCH.search(text, max(0, at - 40), at)
        and not ("called" in tail and _BY_AGENT_AFTER.match(text, after))
    ):  # ('what was called "…" by United Nations spokesperson Ann Patel': the agent says it)
        return True
    far = max(0, at - 80)
    if (
        (lower in _FAR_NAME_CUE_ENDS or tail.endswith(","))
        and may_match(text, _FAR_NAME_CUE_WORDS, far, at)
        and _FAR_NAME_CUE_SEARCH.search(text, far, at) is not None
    ):
        return True
    if tail.endswith((",", ":")) or not text[at - 1 : at].isspace():
        return False
    # a determiner or a possessive right before the mark
    if last in _DETERMINERS and _KIND_NOUN_AFTER.match(text, span.close_mark + 1):
        return True
    return few <= 3 and (
        (few >= 2 and last in _ARTICLES and title_cased(content))
        or (len(last) > 2 and last[-2:] in ("'s", "’s") and (last[-3].isalnum() or last[-3] == "_"))
    )


def _may_name_a_case(content: str) -> bool:
    """False when `_CASE_NAME.match(content)` finds nothing: it opens with a capital A-Z, and its
    "v" or "vs" is one of the second to fifth words between blanks (most quotations have none).
    The words are split only when a "v" opens a word after a blank (few quotations)."""
    if not "A" <= content[:1] <= "Z":
        return False
    at = content.find("v", 1)
    while at >= 0 and not content[at - 1].isspace():
        at = content.find("v", at + 1)
    return at >= 0 and not _CASE_GAPS.isdisjoint(content.split(None, 5)[1:5])


_CASE_GAPS: Final = frozenset(("v", "v.", "vs", "vs."))  # between a case's parties


def _name_words(content: str) -> list[str]:
    """The words of a quotation but "of", "the" and the like: those a name capitalises."""
    return [w for w in WORD.findall(content) if w.lower() not in _FUNCTION_WORDS]


def title_cased(content: str) -> bool:
    """Whether every word of a quotation but "of", "the" and the like is capitalised: the name
    of something ("Sinn Fein/IRA", "Keeper of the Federal Seal"), not anyone's words."""
    for match in WORD.finditer(content):  # (most quotations fail at their second word or so)
        word = match.group()
        if not word[0].isupper() and word.lower() not in _FUNCTION_WORDS:
            return False
    return True


def is_speech(text: str, span: QuoteSpan) -> bool:
    """False for scare quotes, short fragments and titles of works; those are never speech."""
    return speech_kind(text, span) == "speech"


def speech_kind(text: str, span: QuoteSpan) -> str:
    """'speech'; 'short' for a fragment of three words or fewer, speech only when attributed
    (a scare quote is not, "called the deal 'lousy'" is); 'none' for titles and empty marks."""
    content = text[span.start : span.end]
    # the first four words tell a fragment; all of them are read only for the last tests
    few = count_words(content, 4)
    if not few or (few <= 2 and nickname_end(text, span.open_mark) == span.close_mark + 1):
        return "none"  # empty marks; 'Earvin "Magic" Johnson': a nickname inside a name
    lead = text[max(0, span.open_mark - 200) : span.open_mark]
    cues = _LEAD_NEEDS.may_match(lead)
    if cues & 1 and _SIGN_TEXT_SEARCH.search(lead):
        return "none"  # 'holding signs which read "silenced"': the words on a sign
    if cues & 2 and _WRITTEN_TEXT_SEARCH.search(lead):
        return "none"  # 'The inscription states, "…"': the words of a written thing
    if cues & 4 and _CHARGE_SEARCH.search(lead):
        return "none"  # 'charged with "felony rioting"': a legal term
    if _names_a_thing(text, span, content, few):
        return "none"
    last = content.rstrip("”’\"'")[-1:]
    ends_like_speech = last in _SPEECH_END
    capital = content[0].isupper()  # (asked once: compiled, a method call each time)
    # 'his memoir, "Ashes to Gold,"', 'on "This Week."': two or three words all capitalised are
    # a name even with the stop or comma the sentence puts inside the marks ("Shame, Shame!" is
    # a shout)
    sentence = (
        capital
        and ends_like_speech
        and not (2 <= few <= 3 and last in ",." and title_cased(content))
    )
    if few <= 3 and not sentence:
        # a fragment, even "riots," or "exfiltration.": the comma or stop inside the marks is
        # house style, not speech; "That ends now." and "It was chaos," are sentences
        titled = (
            capital
            and may_end_with_title_cue(text, max(0, span.open_mark - 30), span.open_mark)
            and _TITLE_CUES.search(text[max(0, span.open_mark - 30) : span.open_mark])
        )  # 'a film called “Argo”'; 'called it a “witch hunt”' may be the caller's words
        return "none" if titled or _titles_a_work(text, span.open_mark) else "short"
    if (
        capital
        and may_match(text, NAMING_CUE_HEADS, max(0, span.open_mark - 40), span.open_mark)
        and NAMING_CUE.search(text, max(0, span.open_mark - 40), span.open_mark)
    ):
        named = _name_words(content)
        if sum(w[0].isupper() for w in named) >= 0.8 * len(named):
            return "none"  # 'named their robot "Better Idea of Afghan Girls,"': a name
    if (
        ends_like_speech
        and last not in ("!", "?")  # 'The crowd called "Shame!"'
        and capital
        and may_end_with_title_cue(text, max(0, span.open_mark - 30), span.open_mark)
        and _TITLE_CUES.search(text, max(0, span.open_mark - 30), span.open_mark)
    ):
        # 'the film "Hotel Kigali."', 'a band called "Dust and Stone,"': every word of a title
        # capitalised; the stop or comma inside the marks is the sentence's, not speech's
        named = _name_words(content)
        if len(named) <= 6 and all(w[0].isupper() for w in named):
            return "none"
    if ends_like_speech and _titles_a_work(text, span.open_mark):
        return "none"  # 'a blog post titled “Why I am leaving Google.”': a title, stop and all
    if ends_like_speech or not capital:
        return "speech"
    if _SAID_BEFORE_SEARCH.search(text, max(0, span.open_mark - 30), span.open_mark):
        return "speech"  # 'she said "Your dad is gay"': what a speech verb introduces is speech
    before = text[max(0, span.open_mark - 30) : span.open_mark]
    spoken = (
        _SPEECH_VERB_SEARCH.search(text, max(0, span.open_mark - 60), span.open_mark) is not None
        or _SPEECH_VERB_SEARCH.search(text, span.close_mark, span.close_mark + 25) is not None
    )
    if _DIRECT_TITLE_CUES.search(before) or (not spoken and _WORK_NOUN_CUES.search(before)):
        return "none"  # 'titled "Effects of microplastics on the growth of …"': a title
    words, upper, upper_or_short = word_case_counts(content)
    rest = max(0, words - 1)  # the words after the first
    # eight words or more, fewer than 30% capitalised: a sentence ('It is a great loss to …')
    lower_sentence = words >= 8 and upper < rest * 0.3
    if may_end_with_title_cue(before, 0, len(before)) and _TITLE_CUES.search(before):
        # 'said on the Focus programme "It is a great loss to us …"' is speech; 'the documentary
        # "Life and death of the salmon in …"' is a title in sentence case
        speaks = lower_sentence and (spoken or _PERSON_PRONOUN.search(content) is not None)
        return "speech" if speaks else "none"
    if lower_sentence:
        return "speech"
    return "speech" if upper_or_short < rest * 0.8 else "none"


def _titles_a_work(text: str, mark: int) -> bool:
    """Whether the words right before the mark name a work's title ('a report titled', 'a song
    called', 'a campaign, called a'): what follows is that title, not anyone's speech."""
    before = text[max(0, mark - 40) : mark]
    if not any(cue in before for cue in ("itled", "alled", "amed", "ubbed")):
        return False  # none of the cues' verbs: most quotations
    return _WORK_TITLE_CUE.search(before) is not None


def may_end_with_title_cue(text: str, start: int, end: int) -> bool:
    """False when `_TITLE_CUES` matches in no window text[s:end] (s >= start): each match ends
    the window with a cue's last word, then non-word characters, or that and an article and
    blanks ("titled: ", "called the "; the two words may touch: "calledthe "), so one of the
    last two runs of word characters tells (one beyond ASCII may match a letter of a cue
    ignoring case: then True). Read by character codes."""
    words: list[str] = []
    i: i64 = end
    while len(words) < 2:
        while i > start and not _is_word_at(text, i - 1):
            i -= 1
        j: i64 = i
        wide = False  # a character beyond ASCII in the word (`isascii` is a method call)
        while j > start and _is_word_at(text, j - 1):
            j -= 1
            wide = wide or ord(text[j]) >= 128
        if j == i:
            break
        if wide:
            return True
        word = text[j:i]
        words.append(word.lower())
        i = j
    if not words:
        return False
    last = words[0]
    if last in _TITLE_CUE_ENDS:
        return True
    for article in ("the", "an", "a"):
        if last.endswith(article) and (
            last[: -len(article)] in _TITLE_CUE_ENDS
            or (last == article and len(words) > 1 and words[1] in _TITLE_CUE_ENDS)
        ):
            return True
    return False


def reported_fragment(text: str, span: QuoteSpan) -> bool:
    """Whether a fragment of three words or fewer sits near the verb of a clause reporting
    speech in its own sentence ('they say that the law gives police "sweeping powers"'): a
    quotation of those words whoever said them, unless it is a name."""
    lo = max(0, span.open_mark - 250)
    last = last_sentence_break(text, lo, span.open_mark)
    head = text[last if last >= 0 else lo : span.open_mark]
    if title_cased(text[span.start : span.end]):
        return False
    if text[span.open_mark] in "'‘":
        return bool(_SPEECH_VERB_SEARCH.search(head) or _SINGLE_ATTRIBUTION.search(head))
    if (
        not _REPORTING_CLAUSE_NEEDS.may_match(head)
        or ("what" in head and _WHAT_NAMING.search(head))
        or (
            count_words(text[span.start : span.end], 2) == 1
            and ("ome" in head or "any" in head or "thers" in head)
            and _SOME_NAMING.search(head)
        )
    ):
        return False
    clause = _REPORTING_CLAUSE_SEARCH.search(head)
    while clause is not None:
        group = "that" if clause.group("that") is not None else "said"
        that = clause.group(group)
        if that is None:
            return True
        left = _CLAUSE_LEFT.search(that)
        if left is None:
            # words since "that" or since an earlier quotation of the clause
            near = that[max(that.rfind('"'), that.rfind("”")) + 1 :]
            return len(WORD.findall(near)) <= _REPORTED_WORDS
        # '…suggested that "…", and the government described it as "regrettable"': the
        # reported clause ended; another may report the fragment
        clause = _REPORTING_CLAUSE_SEARCH.search(head, clause.start(group) + left.end())
    return False
