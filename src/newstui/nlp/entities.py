"""Named entities by rules: capitalised runs, gazetteers, titles and context cues, merged per article."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from operator import attrgetter
from typing import Final, TypeVar

from newstui.model import Entity, Mention
from newstui.nlp.gazetteer import Gazetteer, load_gazetteer, us_states
from newstui.nlp.names import PARTICLES, canonical_key, spelling_variant, strip_possessive
from newstui.nlp.segment import (
    NICKNAME_MARKS,
    WORD,
    Dateline,
    Token,
    closes_nickname,
    find_all,
    given_initials,
    matches_at,
    nickname_end,
    paragraph_spans,
)

CONNECTORS: Final = frozenset({"of", "for", "on", "and", "&"})
# Particles that may join capitalised words into one name ("Ortega y Gasset", "Banco de Portugal");
# "at", "as", "an" and "ad" are left out: between capitals they are English ("Engineers at CERN").
JOIN_PARTICLES: Final = (PARTICLES - {"at", "as", "an", "ad"}) | {"en"}
# Abbreviated titles written with a full stop ("Dr. Kwame Mensah"): the stop does not end the name.
DOTTED_TITLES: Final = frozenset(
    "Dr Mr Mrs Ms Prof Rev Gen Col Capt Lt Sgt Maj Adm Gov Sen Rep Insp Det Supt Cllr Fr St Mt".split()
)
# The titles of DOTTED_TITLES that only a person bears (not "St", "Mt": "St.Louis").
_GLUED_TITLES: Final = DOTTED_TITLES - {"St", "Mt", "Fr"}
COMPASS: Final = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower".split()
)
# Heads that open a place name: "River Aske", "Lake Chad", "Mount Kenya".
# "County Cork" (Irish and Northern Irish counties are named after the word).
PLACE_OPENERS: Final = frozenset(
    "River Lake Mount Mt Gulf Bay Isle Cape Fort Port Loch County".split()
)
# Words that make a capitalised phrase a thing (law, event, theory), never a person's name.
THING_WORDS: Final = frozenset(
    "Act Acts Law Bill Treaty Accord Accords Agreement Convention Protocol Charter Declaration "
    "Model Theory Array Telescope Collider Change Index Prize Award Awards Cup Championship "
    "Championships Open Games Olympics Festival Summit Conference Week Day Plan Strategy Scheme "
    "Doctrine Initiative Deal Era War Wars Revolution Crisis Report Finals Final Amendment "
    "Amendments License Licence Licensed".split()
)
# What is named after a person without being one: "the Rory Peck Awards", "Sven Hedin Medal".
HONOURS: Final = frozenset(
    "Prize Prizes Award Awards Medal Medals Trophy Lecture Scholarship".split()
)
# Letters after a name that mark a person: honours, degrees, silk, seats ("Jane Moss KC").
POST_NOMINALS: Final = frozenset(
    "SC KC QC MP MPs MEP MSP MLA MPP MHA MNA PhD DPhil OBE MBE CBE KBE DBE CH OM FRS FRCP".split()
)
WEEKDAYS: Final = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
CALENDAR: Final = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December".split()
)
ORG_NOUNS: Final = frozenset(
    "commission ministry watchdog authority institute council department operator producer miner "
    "group company firm union party militia broadcaster newspaper agency charity bank lender carrier airline "
    "regulator chipmaker carmaker automaker retailer insurer club startup outlet platform organisation "
    "chain supermarket pollster consultancy band label studio franchise telecom "
    "organization movement coalition conglomerate giant manufacturer publisher network app brand "
    "journal magazine tabloid website channel newswire nonprofit non-profit supergroup".split()
    # "the journal Nature Astronomy", "YouTube channel Numberphile", "the nonprofit Brennan"
)
PLACE_NOUNS: Final = frozenset(
    "facility base airport site plant region province district area suburb neighbourhood neighborhood "
    "county counties districts provinces regions port ports seaport seaports village villages "
    "township".split()
)
# "the town of Sanand", "the districts of Bhola": the name after these is a place.
PLACE_OF_NOUNS: Final = frozenset(
    "town towns city cities village villages district districts province provinces state region "
    "regions county island islands port municipality suburb suburbs capital canton cantons "
    "prefecture prefectures governorate governorates oblast emirate commune communes parish "
    "borough boroughs kingdom republic peninsula territory".split()
)
SPEECH_VERBS: Final = frozenset(
    "said says told added adds wrote writes stated states explained noted argued insisted warned claimed asked "
    "replied continued declared announced acknowledged admitted recalled remarked stressed emphasised "
    "emphasized suggested urged conceded agreed complained predicted posted tweeted cautioned confirmed "
    "accused called described praised criticised criticized spoke tweeted thanked defended "
    "insists argues warns claims recalls".split()
)
_SUFFIX_CUES: Final = {"based": "PLACE", "born": "PLACE", "headquartered": "PLACE"}
# "Kremlin-backed", "Soviet-style", "state-run": a name with a descriptive tail ("Man-kei" is a name)
_SUFFIX_ENDINGS: Final = ("ed", "ing", "style", "run", "born", "made", "wide", "era", "led")

# Verbs that open a sentence in an inverted attribution ("Remarked X, “…”", "Said X: “…”").
SPEECH_OPENERS: Final = frozenset(
    "said says remarked added wrote explained continued noted declared warned commented replied "
    "tweeted posted exclaimed observed stated".split()
)


@cache
def _common_words() -> frozenset[str]:
    return load_gazetteer().common_words


_ACRONYM: Final = re.compile(r"[A-Z]{2,6}|[A-Z]{1,3}&[A-Z]{1,3}")  # "NATO", "PG&E", "AT&T"
# An abbreviation written with small letters inside: "TfL", "PwC", "DfE" (more capitals than not).
_MIXED_ABBREVIATION: Final = re.compile(r"[A-Z][a-z]?[A-Z][A-Za-z]{0,3}")
# Possessives that belong inside a name: "People's Liberation Army", "Children's Hospital".
_NAME_POSSESSIVES: Final = frozenset(
    f"{w}{a}s" for w in ("People", "Children", "Women", "Men", "Jehovah") for a in ("'", "’")
)
_DOTTED_PLACES: Final = frozenset(("U.S", "U.K", "U.N", "E.U"))  # "U.S. Treasury Department"
_START: Final = attrgetter("start")
_T = TypeVar("_T")
_NUMBER_AFTER = re.compile(r"\s\d")
_HAS_DIGIT: Final = re.compile(r"\d")
# A coined one-word name with capitals inside: "PolitiFact", "GoFundMe" (group 1: its first part).
_BRAND: Final = re.compile(r"([A-Z][a-z]+)(?:[A-Z][a-z0-9]+)+")
# What opens a surname written with a capital inside: "McCready", "DeJoy", "LaGuardia", "O'Neil".
_SURNAME_PREFIXES: Final = frozenset(
    "Mc Mac De Di Da Du Des Del Della La Le Lo Van Von Vander Fitz Ten Ter San Ja Ke Ty".split()
)
# The word before a coined name used as a body: its agent, platform or employer.
_BRAND_BEFORE: Final = frozenset("by on for from at via".split())
# An agent is a person as often as a firm ("produced by RuPaul", "uploaded by PewDiePie"): after
# these, the name's last part must be a word of four letters or more, not a given name
# ("measured by PollTracker", "checked by PolitiFact").
_AGENT_BEFORE: Final = frozenset(("by", "from"))
_BRAND_LAST: Final = re.compile(r"[A-Z][a-z]{3,}\Z")
_GROUP_OF_PLACE: Final = re.compile(
    r"([A-Z][^ ]*(?: [A-Z][^ ]*)* Group) of ([A-Z][^ ]*(?: [A-Z][^ ]*)?)"
)
# Words that, capitalised, open a sentence and no name ("France On Monday, …": a glued heading).
# Not "Today": it goes on names after a place ("USA Today Network", "Russia Today").
_SENTENCE_OPENERS: Final = frozenset("The On In At After Before During Yesterday".split())
# "3 PM", "11 AM": the marks of a clock time, and a digit with the space before one.
_CLOCK_MARKS: Final = frozenset(("AM", "PM"))
_DIGIT_SPACES: Final = frozenset(f"{d} " for d in "0123456789")
# Newspapers' head words that are also common nouns or verbs: one alone opening a sentence
# ("Monitor team productivity", "Observer bias") names no paper ("the Monitor" still does).
_MASTHEAD_WORDS: Final = frozenset("Monitor Statesman Examiner Courier Inquirer Observer".split())
# "St. Thomas, Ontario": a town named after a saint. It opens with the literal "S" (the word
# boundary checked behind it), so a search of the whole text skips to each "S".
_SAINT_PLACE: Final = re.compile(
    r"S(?<=\bS)(?:t\.?|aint) ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?), ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)\b"
)
# A noun after "<firm> <country>" that makes the two a relation, not a national arm.
_RELATION_AFTER: Final = re.compile(
    r" (?:[a-z]+ )?(?:dispute|row|deal|talks|contract|crash|case|summit|ties|relations|"
    r"agreement|trade|war|feud|standoff|visit|crisis|exit|partnership|venture|merger|sale|order)s?\b"
)
# Time zones: a closed list ("at 7:30 pm NHK reported": an unknown body after a time stays one).
_TIME_ZONES: Final = frozenset(
    "UTC GMT BST IST WAT CAT EAT SAST CET CEST EET EEST WET WEST MSK TRT GST AST ADT PKT IRST "
    "AFT NPT BDT ICT WIB WITA WIT MYT PHT SGT HKT CST JST KST AEST AEDT ACST ACDT AWST NZST NZDT "
    "EST EDT CDT MST MDT PST PDT AKST AKDT HST NST NDT ET CT MT PT".split()
)
# A clock time right before a word: "at 7:38 pm ", "20:45 ", "9 a.m. " (not a year: "2019 ").
_CLOCK_BEFORE: Final = re.compile(
    r"(?<!\d)(?:\d{1,2}[:.]\d{2}|\d{1,2}) ?[ap]\.?m\.? \Z|\d:\d{2} \Z"
)
_COMMA_WORD: Final = re.compile(r",\s+(\w[\w ]*?)\b")
_COMMA_NAME: Final = re.compile(r",\s+((?:[A-Z][\w’']*\s?){1,3})")
_POSSESSIVE_ENDINGS: Final = ("'s", "’s")
# A single name's own speech verb: "Winch said", "Winch also told", "Winch suggested, “…”",
# "Winch concurred: “…”" (verbs that also take an object count only before the quotation).
_SPEAKS_ALONE: Final = re.compile(
    r"\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|remarked|explained|recalled|"
    r"tweeted|wrote|replied|exclaimed|commented|insisted|recounted|(?:suggested|noted|stated|"
    r"concurred|agreed|argued|countered|responded|retorted|admitted|conceded|acknowledged|"
    r"declared|continued|maintained|asserted|observed|quipped|joked|cautioned|warned|stressed|"
    r"emphasised|emphasized|answered|affirmed|lamented|pleaded|vowed)"
    r"(?=[,:]|\s+[“\"]))\b(?!\s+by\b)"
)
# Endings of plurals and abstract nouns, never of a one-word name opening "… said".
_NOT_NAME_ENDINGS: Final = (
    "s",
    "ment",
    "tion",
    "sion",
    "ence",
    "ance",
    "ity",
    "ism",
    "ness",
    "ogy",
    "ship",
    "hood",
    "body",
)
_WEEKDAYS: Final = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_MONTHS: Final = CALENDAR - _WEEKDAYS
# Words before a month that make it a date ("In August", "since May", "late June").
_MONTH_PREPOSITIONS: Final = frozenset(
    "in since until till by during from last early late mid next this".split()
)


_ACRONYM_SECOND: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ&"
)  # every _ACRONYM's second character


def _is_acronym(word: str) -> bool:
    """Whether `word` is all one _ACRONYM ("NATO", "PG&E"); its second character rules out
    most words, and one without "&" is two to six capitals A-Z (asked of most candidates: no
    regular expression's call)."""
    if word[1:2] not in _ACRONYM_SECOND:
        return False
    if "&" in word:
        return _ACRONYM.fullmatch(word) is not None
    return len(word) <= 6 and word.isascii() and word.isalpha() and word.isupper()


def _brand_match(word: str) -> re.Match[str] | None:
    """`_BRAND.fullmatch(word)`: a word with no capital after its first letter ("Smith", most
    names asked) is none without the regular expression."""
    return None if word[1:].islower() else _BRAND.fullmatch(word)


def _is_abbreviation(word: str) -> bool:
    """'NASA', 'PG&E', 'TfL', 'PwC': a short word written mostly in capitals, as bodies'
    abbreviations are (people's names are not: "McCain", "DeSantis", "LeBron")."""
    if _is_acronym(word):
        return True
    if not _MIXED_ABBREVIATION.fullmatch(word):
        return False
    upper = sum(c.isupper() for c in word)
    return upper > len(word) - upper


def _is_word_char(char: str) -> bool:
    """Whether `char` (one character or "") is a regular-expression word character."""
    return char.isalnum() or char == "_"


@dataclass(slots=True)
class Candidate:
    """One possible entity mention with typing evidence (strength 0 = untyped, 3 = gazetteer).

    `__init__` and `__eq__` are written out (as `dataclass` writes them): mypyc compiles them,
    while the ones `dataclass` writes run as Python code in the compiled extractor.
    """

    start: int
    end: int
    text: str
    words: int
    type: str | None
    strength: int
    sentence_start: bool
    display: str | None
    speaks: bool  # a known place or body's name directly followed by "said"

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        words: int,
        type: str | None = None,
        strength: int = 0,
        sentence_start: bool = False,
        display: str | None = None,
        speaks: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.words = words
        self.type = type
        self.strength = strength
        self.sentence_start = sentence_start
        self.display = display
        self.speaks = speaks

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Candidate):  # no class derives from Candidate
            return NotImplemented
        return (
            self.start == other.start
            and self.end == other.end
            and self.text == other.text
            and self.words == other.words
            and self.type == other.type
            and self.strength == other.strength
            and self.sentence_start == other.sentence_start
            and self.display == other.display
            and self.speaks == other.speaks
        )


# Answers of the word tests asked several times per token, by word (a dict: a compiled
# lookup in it costs a fifth of an lru_cache call; emptied when it holds _CACHED_WORDS).
_CACHED_WORDS: Final = 65536
_IS_CAP: Final[dict[str, bool]] = {}
_MAY_OPEN_KNOWN: Final[dict[str, bool]] = {}
_MAY_CLOSE_KNOWN: Final[dict[str, bool]] = {}


def _is_lower(word: str) -> bool:
    """`word.islower()`, False at once for a word opening with A-Z (most words of a name run;
    the compiled extractor calls str methods such as islower through Python, ~200
    instructions a call, and reads `ord(word[0])` in a few)."""
    if word and 65 <= ord(word[0]) <= 90:
        return False  # a capital is a cased character that is not lower case
    return word.islower()


def _is_upper(word: str) -> bool:
    """`word.isupper()`, False at once when its second character is a-z ("Smith": most words
    asked; see _is_lower)."""
    if len(word) > 1 and 97 <= ord(word[1]) <= 122:
        return False  # a lower-case letter is a cased character that is not upper case
    return word.isupper()


def _is_cap(word: str) -> bool:
    """Whether a word counts as capitalised in a name (cached: called several times per token)."""
    if 65 <= ord(word[0]) <= 90 and word[1:2] not in ("'", "’"):
        return True  # A-Z, no apostrophe after it: most words asked (as _capitalised says)
    found = _IS_CAP.get(word)
    if found is None:
        if len(_IS_CAP) >= _CACHED_WORDS:
            _IS_CAP.clear()
        found = _IS_CAP[word] = _capitalised(word)
    return found


def _capitalised(word: str) -> bool:
    first = word[0]
    if first.isupper():
        return word[1:2] not in ("'", "’") or len(word) > 4  # not "I'm", "I’ve", "O’"

    if word[1:2] in ("'", "’") and first in "dlDL":
        return word[2:3].isupper()  # "d'Estaing", "l'Oréal": an elided particle
    head, _, rest = word.partition("-")
    return bool(rest) and head.lower() in PARTICLES and rest[:1].isupper()


# Lower-case words that may sit inside a name: with capitalised words, the entity finder's tokens.
NAME_JOINERS: Final = frozenset(CONNECTORS | JOIN_PARTICLES | {"the", "a", "to"}) - {"&"}


@cache
def _known_first_words() -> frozenset[str]:
    """The first word of every known name, as written and in capitals ("Cape", "CAPE")."""
    gaz = load_gazetteer()
    return frozenset(name.split(" ")[0] for name in (*gaz.known, *gaz.known_upper))


@cache
def _head_nouns() -> frozenset[str]:
    """Words that end an organisation's or a place's name ("Bank", "River")."""
    gaz = load_gazetteer()
    return gaz.org_words | gaz.place_words


def _may_open_known(word: str) -> bool:
    """Whether `word` may be the first word of a known name (as written, plural, dotted or
    possessive); False rules the name out without looking anything else up."""
    found = _MAY_OPEN_KNOWN.get(word)
    if found is None:
        if len(_MAY_OPEN_KNOWN) >= _CACHED_WORDS:
            _MAY_OPEN_KNOWN.clear()
        found = _MAY_OPEN_KNOWN[word] = _opens_known(word)
    return found


@cache
def _known_last_words() -> frozenset[str]:
    """The last word of every known name, as written and in capitals ("Town", "TOWN")."""
    gaz = load_gazetteer()
    return frozenset(name.rsplit(" ", 1)[-1] for name in (*gaz.known, *gaz.known_upper))


def _may_close_known(word: str) -> bool:
    """Whether `word` may end a known name of two or more words longer than eight characters,
    as `_lookup` finds them: the name as written or in capitals, or a nationality's plural
    ("South Africans"). `_lookup`'s other forms need a dotted name of eight characters or
    fewer, or change only the first word ("Al-Qaeda"). False rules the name out.

    `word` is the name's last word after a space (the caller checks the space): the surface
    then ends with " " + word, so its last word is `word` whichever form matches."""
    found = _MAY_CLOSE_KNOWN.get(word)
    if found is None:
        if len(_MAY_CLOSE_KNOWN) >= _CACHED_WORDS:
            _MAY_CLOSE_KNOWN.clear()
        last_words = _known_last_words()
        found = _MAY_CLOSE_KNOWN[word] = (
            word in last_words or len(word) < 2 or word[:-1] in last_words
        )
    return found


def _opens_known(word: str) -> bool:
    known_first = _known_first_words()
    return not word.islower() and (
        word in known_first
        or word[:-1] in known_first
        or "." in word
        or (("'" in word or "’" in word) and strip_possessive(word) in known_first)
        or _particle_lowered(word) in known_first
    )


def _particle_lowered(surface: str) -> str:
    """'Al-Qaeda' → 'al-Qaeda': a name known with a lower-case particle, capitalised as
    the first word of a sentence or by another writer ("" when `surface` opens with none)."""
    head, sep, rest = surface.partition("-")
    if sep and rest[:1].isupper() and head[:1].isupper() and head.lower() in PARTICLES:
        return head.lower() + sep + rest
    return ""


class LowerCaseWords:
    """The words `text` writes in lower case: `word in words` is whether some word token of
    `text` (as `segment.WORD` cuts them) is exactly `word`, all lower case.

    Each word asked is looked for once (its answer is remembered): most words asked are absent
    or hide only inside others ("wn" in "down"), and a substring search with a check of each
    occurrence's edges costs less than cutting the whole text into words.
    """

    def __init__(self, text: str) -> None:
        # "@github": a handle is no use of a word ("GitHub also said" stays a name)
        self.text = _HANDLE.sub(_blank, text) if "@" in text else text
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.islower():
            return False
        found = self.answers.get(word)
        if found is None:
            found = self.answers[word] = _has_word_token(self.text, word)
        return found


_HANDLE: Final = re.compile("@" + WORD.pattern)  # "@github", "@acme.com"


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


_WORD_JOINERS: Final = "’'.&-"  # what joins the parts of one `segment.WORD` token ("x-ray", "U.S")


def _has_word_token(text: str, word: str) -> bool:
    """Whether `WORD.findall(text)` would hold `word`: an occurrence is a token when it opens
    one (no word character before it, nor a joiner right after a word character, which the
    token before would take) and the token matched there ends with it."""
    if WORD.fullmatch(word) is None:
        return False  # no token is ever "x-" or "’s"
    size = len(word)
    at = text.find(word)
    while at >= 0:
        if at == 0 or not (
            _is_word_char(text[at - 1])
            or (text[at - 1] in _WORD_JOINERS and at > 1 and _is_word_char(text[at - 2]))
        ):
            # The token matched here ends with `word` unless WORD goes on past it: a word
            # character, or a joiner before one (as `WORD.match(text, at).end()` would say).
            after = text[at + size : at + size + 1]
            if not (
                _is_word_char(after)
                or (
                    after != ""
                    and after in _WORD_JOINERS
                    and _is_word_char(text[at + size + 1 : at + size + 2])
                )
            ):
                return True
        at = text.find(word, at + 1)
    return False


def _dot_inside_word(text: str) -> bool:
    """Whether some "." of `text` has a word character on each side, as one inside a token has
    ("U.S", "Afghanistan.Trump"): a text with none holds no token with a stop (most texts)."""
    at = text.find(".", 1)
    while at >= 0:
        if _is_word_char(text[at - 1]) and _is_word_char(text[at + 1 : at + 2]):
            return True
        at = text.find(".", at + 1)
    return False


def _split_suffix(tok: Token) -> tuple[Token, str | None]:
    """'California-based' → ('California', 'PLACE'); 'Kremlin-backed' → ('Kremlin', None)."""
    head, sep, tail = tok.text.rpartition("-")
    if (
        sep
        and head
        and tail.islower()
        and head[0].isupper()
        and head.split("-")[0].lower() not in PARTICLES
        and (tail in _SUFFIX_CUES or tail.endswith(_SUFFIX_ENDINGS) or tail in _common_words())
    ):
        return Token(tok.start, tok.start + len(head), head, tok.sentence_start), _SUFFIX_CUES.get(
            tail
        )
    return tok, None


def _chunks(text: str, tokens: list[Token]) -> list[tuple[list[Token], list[str | None]]]:
    """Runs of capitalised words (with inner connectors and particles) separated only by spaces."""
    org_words = load_gazetteer().org_words
    out: list[tuple[list[Token], list[str | None]]] = []
    run: list[Token] = []
    cues: list[str | None] = []
    caps = [_is_cap(tok.text) for tok in tokens]
    for i, raw in enumerate(tokens):
        if not run and not caps[i]:
            continue  # a lower-case word outside a run, the commonest case (never split either)
        if raw.end < len(text) and ord(text[raw.end]) == 36 and raw.text.isupper():  # "$"
            if run:  # "US$20", "NZ$10,000": a currency, not a mention of the country
                out.append((run, cues))
            run, cues = [], []
            continue
        if "-" in raw.text:  # "California-based": the name, and the cue in its tail
            tok, cue = _split_suffix(raw)
            if (
                tok is not raw
                and cue is None
                and i + 1 < len(tokens)
                and caps[i + 1]
                and tokens[i + 1].start == raw.end + 1
                and not raw.text.endswith(_SUFFIX_ENDINGS)
                and raw.text.count("-") == 1  # not "Fifteen-year-old Ann"
            ):
                tok = raw  # "Steve Ruey-long Chen", "Zafi-in Jae-loh": a given name goes on
            cap = caps[i] if tok is raw else _is_cap(tok.text)
        else:
            tok, cue, cap = raw, None, caps[i]
        if run:  # a gap of one or two characters can join (most gaps are wider)
            width = tok.start - run[-1].end
            joinable = (width == 1 or width == 2) and _joinable(text, run[-1], tok, org_words)
        else:
            joinable = False
        if cap and not (run and not joinable):
            run.append(tok)
            cues.append(cue)
        elif cap:
            out.append((run, cues))
            run, cues = [tok], [cue]
        elif (
            joinable
            and (_is_lower(tok.text) or tok.text == "&")
            and _is_inner(lower := tok.text.lower(), run, org_words)
            and _capital_follows(tokens, i, lower)
        ):
            run.append(tok)
            cues.append(None)
        else:
            if run:  # empty only when a suffix's head is no capitalised word ("I'm-based")
                out.append((run, cues))
            run, cues = [], []
            continue
        if cue or (tok is not raw):
            out.append((run, cues))
            run, cues = [], []
    if run:
        out.append((run, cues))
    return out  # every run appended above holds a word


def _joinable(text: str, last: Token, tok: Token, org_words: frozenset[str]) -> bool:
    """Whether `tok` may continue a run ending with `last`, judged by the gap between them: one
    space (not after a possessive), ". " after an initial or an abbreviated title, "s' " before
    a head noun ("Workers' Union") or "Hall" ("Fishmongers' Hall")."""
    width = tok.start - last.end
    if width == 1:
        return text[last.end] == " " and (
            not last.text.endswith(("’s", "'s"))
            or last.text in _NAME_POSSESSIVES
            or (last.text[-5:-2] == "men" and tok.text in org_words)  # "Horsemen's Association"
        )
    if width != 2:
        return False
    gap = text[last.end : tok.start]
    if (gap[0] == " " and gap[1] in NICKNAME_MARKS and nickname_end(text, last.end + 1) > 0) or (
        gap[1] == " " and gap[0] in NICKNAME_MARKS and closes_nickname(text, last.end)
    ):
        return True  # 'Earvin "Magic" Johnson': one name
    if gap == ". ":
        word = last.text
        return (
            word in _DOTTED_PLACES
            or word in DOTTED_TITLES
            or (len(word) == 1 and word.isupper())
            or given_initials(word)  # "T.J. Bonner"
        )
    return (
        gap in ("' ", "’ ")
        and last.text.endswith("s")
        and (tok.text in org_words or tok.text == "Hall")  # "Fishmongers' Hall", a building
    )


def _is_inner(lower: str, run: list[Token], org_words: frozenset[str]) -> bool:
    """A lower-case word that may sit inside a name: 'of', 'and', 'al', 'the' after 'of'."""
    return (
        (lower in CONNECTORS and (lower != "on" or run[-1].text in org_words))
        or lower in JOIN_PARTICLES
        or (lower == "the" and run[-1].text in ("of", "for", "on"))
        or (lower == "a" and run[-1].text == "for")  # "Union for a Popular Movement"
        or (lower == "to" and run[-1].text in org_words)  # "Committee to Protect Journalists"
    )


def _capital_follows(tokens: list[Token], i: int, lower: str) -> bool:
    """Whether a capitalised word comes next, past a "the" after of/for/on (the word right after:
    tokens may skip the words that cannot be part of a name)."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.start != tokens[i].end + 1:
        return False
    if (
        (nxt.text == "the" and lower in ("of", "for", "on")) or (nxt.text == "a" and lower == "for")
    ) and i + 2 < len(tokens):
        nxt = tokens[i + 2]  # "Kiel Institute for the World Economy", "Union for a Popular …"
    elif lower in JOIN_PARTICLES and nxt.text in JOIN_PARTICLES and i + 2 < len(tokens):
        nxt = tokens[i + 2]  # "Institut de la Santé", "Ursula von der Leyen"
    else:
        return _is_cap(nxt.text) and nxt.text not in CALENDAR
    return nxt.start == tokens[i + 1].end + 1 and _is_cap(nxt.text) and nxt.text not in CALENDAR


class _EntityFinder:
    """Finds candidates in one text; a fresh instance per article."""

    def __init__(self, text: str, tokens: list[Token], datelines: list[Dateline]) -> None:
        self.text = text
        self.tokens = tokens
        for dateline in datelines:  # its words are candidates already; tokens are in text order
            lo = bisect.bisect_left(self.tokens, dateline.places[0][0], key=_START)
            hi = bisect.bisect_left(self.tokens, dateline.end, key=_START)
            self.tokens = self.tokens[:lo] + self.tokens[hi:]
        if "©" in text or "CC BY" in text or "Creative Commons" in text:
            for lo_pos, hi_pos in _credit_lines(text):  # the feed's licence line names no one
                lo = bisect.bisect_left(self.tokens, lo_pos, key=_START)
                hi = bisect.bisect_left(self.tokens, hi_pos, key=_START)
                self.tokens = self.tokens[:lo] + self.tokens[hi:]
        if "((" in text:
            self._drop_transcript_labels()
        if _dot_inside_word(text) and any("." in t.text for t in self.tokens):
            self._split_glued_sentences()
        if "Image:" in text:
            self._drop_image_labels()
        if "@" in text:  # "@RedHat", "KN@PPSTER": a handle or an address is no name
            self.tokens = [t for t in self.tokens if text[t.start - 1 : t.start] != "@"]
        self.datelines = datelines
        self.gaz: Gazetteer = load_gazetteer()
        self.lower_seen = LowerCaseWords(text)
        self.storm_heads = False  # whether a run opens with "Hurricane", "Typhoon"…
        self.saint_places: set[str] | None = None  # see _saint_names_a_place
        self.airlines: set[str] = set()  # "Adam Air" of "Adam Air Flight 574": see _scan_run
        self.candidates: list[Candidate] = []
        self.heads = _head_nouns()
        self.headings = [(s, e) for s, e in paragraph_spans(text) if self._is_heading(s, e)]
        # see _drop_sentence_opener: by word, one dict for a word before a comma, one for others
        self.lone_openers: dict[str, bool] = {}
        self.lone_openers_comma: dict[str, bool] = {}
        self.heading_starts = [start for start, _ in self.headings]

    def _drop_transcript_labels(self) -> None:
        """An interview transcript labels each turn ("((WSS))  Why?", "((Ann Lee))  Yes."): an
        interviewer's initials name no one, and the word after any label opens a sentence."""
        initials: set[int] = set()
        openers: set[int] = set()
        for m in _TRANSCRIPT_LABEL.finditer(self.text):
            if _is_acronym(m.group(1)):
                initials.add(m.start(1))
            openers.add(m.end())
        tokens = []
        for t in self.tokens:
            if t.start in initials:
                continue
            if t.start in openers and not t.sentence_start:
                t = Token(t.start, t.end, t.text, True)  # a copy: the caller's tokens stay
            tokens.append(t)
        self.tokens = tokens

    def _split_glued_sentences(self) -> None:
        """'troops in Afghanistan.Trump said': a full stop with no space after it between two
        words is a sentence's end (not "U.S", "Portfolio.hu"): the token is two words, the
        second opening a sentence."""
        tokens = []
        for t in self.tokens:
            m = _GLUED_STOP.fullmatch(t.text) if "." in t.text else None
            if m is None:
                tokens.append(t)
                continue
            stop = t.start + m.end(1)
            tokens.append(Token(t.start, stop, m.group(1), t.sentence_start))
            tokens.append(Token(stop + 1, t.end, m.group(2), True))  # copies: the caller's stay
        self.tokens = tokens

    def _drop_image_labels(self) -> None:
        """'Kamala Harris Image: U.S. Senate.', 'Bill HammonsImage: …': a caption names what it
        shows, then 'Image:' and the credit; the label is no part of the name before it."""
        tokens = []
        for t in self.tokens:
            if t.text.endswith("Image") and self.text.startswith(":", t.end):
                if t.text == "Image":
                    continue
                if t.text[-6].islower():  # "HammonsImage": glued to the caption's last word
                    t = Token(t.start, t.end - 5, t.text[:-5], t.sentence_start)  # a copy
            tokens.append(t)
        self.tokens = tokens

    def _is_heading(self, start: int, end: int) -> bool:
        """A short line without a full stop, most of its words capitalised: a title or heading."""
        text = self.text
        last = end  # the last character that `text[start:end].strip()` keeps, found in place
        while last > start and text[last - 1].isspace():
            last -= 1
        if last == start or text[last - 1] in ".!?,;:”’\"'":
            return False  # most paragraphs end with a stop: no need to cut out and count words
        line = text[start:last].strip()
        words = line.split()
        if len(words) > 12 or len(words) < 2:
            return False
        capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        return capitalised >= 0.6 * len(words)

    def _surface(self, run: list[Token], i: int, n: int) -> tuple[int, int, str]:
        start, end = run[i].start, run[i + n - 1].end
        last = run[i + n - 1].text
        if ("'" in last or "’" in last) and not (n == 1 and self._own_possessive(last, end)):
            end -= len(last) - len(strip_possessive(last))
        return start, end, self.text[start:end]

    def _own_possessive(self, word: str, end: int) -> bool:
        """'McDonald's said', 'at Pellmann's, a chain': an "'s" before a verb or a stop belongs
        to the name (a business named for its founder); a possessive is followed by a noun."""
        return (
            word[-2:] in _OWN_S
            and len(word) > 4
            and _OWN_POSSESSIVE_AFTER.match(self.text, end) is not None
            and word[:-2].lower() not in self.gaz.common_words
            and word[:-2] not in self.gaz.titles  # "at Lord's", "the Lord's Prayer"
            and not any(c.type == "PERSON" and c.text.endswith(word[:-2]) for c in self.candidates)
        )  # "Ann Lee … the warrant was Lee's.": a person named before

    def _lookup(self, surface: str) -> tuple[str, str] | None:
        """(usual name, type) of a known name, also when written in capitals ("LONDON")."""
        kind = self.gaz.known.get(surface)
        if kind:
            return surface, kind
        if surface[-1:] == "s" and self.gaz.known.get(surface[:-1]) == "GROUP":
            return surface, "GROUP"  # "Ethiopians", "Kenyans": the plural of a nationality
        if "." in surface and len(surface) <= 8:
            compact = surface.replace(".", "")  # "U.S" → "US"
            if compact.isupper() and compact in self.gaz.known:
                return compact, self.gaz.known[compact]
        if len(surface) > 3 and _is_upper(surface):
            name = self.gaz.known_upper.get(surface)
            if name:
                return name, self.gaz.known[name]
        lowered = _particle_lowered(surface)
        if lowered and lowered in self.gaz.known:
            return lowered, self.gaz.known[lowered]
        return None

    def _known(self, run: list[Token], i: int) -> int:
        """How many words from run[i] on form a known name (longest first); 0 if none."""
        if not _may_open_known(run[i].text):
            return 0  # most capitalised words open no known name: one cached answer says so
        start = run[i].start
        text = self.text
        for n in range(min(self.gaz.known_max_words, len(run) - i), 0, -1):
            tok = run[i + n - 1]
            last = tok.text
            if _is_lower(last):
                continue
            word = strip_possessive(last)
            end = tok.end - (len(last) - len(word))
            if (
                n > 1
                and end - start > 8
                and text[tok.start - 1] == " "
                and not _may_close_known(word)
            ):
                continue  # no known name ends with this word: _lookup would find none
            if self._lookup(text[start:end]):
                return n
        return 0

    def _title(self, run: list[Token], i: int) -> int:
        # "Press Secretary", "Acting Director": a title's modifier opens the title
        j = i + 1 if run[i].text in _TITLE_MODIFIERS and i + 1 < len(run) else i
        if (
            i
            and len(run) - j == 3
            and run[i - 1].text in self.gaz.org_words
            and run[j].text.lower() in self.gaz.role_words
        ):
            return j - i + 1  # "Acme Research Institute Director Ane Alencar": the body's officer
        if j > i:
            n = self._title(run, j)
            return n + 1 if n else 0
        if run[i].text not in self.gaz.title_first_words:
            if (
                i == 0
                and run[0].sentence_start
                and len(run) > 2
                and _is_cap(run[1].text)
                and (
                    run[0].text.lower() in self.gaz.role_words or self._occupation_before_name(run)
                )
            ):
                return 1  # "Lawyer Emma Jordan said": a role word capitalised by the sentence
            if i == 0 and 3 <= len(run) <= 4 and self._role_before_name(run):
                return 1  # "newly elected Assemblywoman Selena Torres", "CEO Andy Vesey"
            if len(run) - i == 2 and self._role_before_surname(run, i):
                return 1  # "Administrator Bolden stated", "Prosecutor Quill said"
            if (
                i + 2 < len(run)
                and run[i].text[-1:] == "s"
                and run[i].text[:-1] in self.gaz.titles
                and (
                    run[i + 1].text in self.gaz.first_names
                    or self._plain_name([t.text for t in run[i + 1 : i + 3]])
                )
            ):
                return 1  # "Senators Ann Lee and …", "Representatives Ann Lee, Bo Kett": a title
                # for each person of a list
            return 0
        for n in range(min(self.gaz.title_max_words, len(run) - i), 0, -1):
            if " ".join(t.text for t in run[i : i + n]) in self.gaz.titles:
                if any(
                    t.text in THING_WORDS for t in run[i + n : i + n + 3]
                ) and not self._brief_then_full_name(run, i + n):
                    return 0  # "the GNU General Public License": a thing's name, no title
                if (
                    i + n + 2 < len(run)
                    and run[i + n + 1].text.lower() in self.gaz.role_words
                    and run[i + n].text not in self.gaz.first_names
                    and run[i + n].text.lower() not in self.gaz.role_words
                    and not self._lookup(run[i + n].text)
                ):
                    return n + 2  # "Chief Technical Officer Chris Wright": one title
                return n
        if len(run) - i == 2 and self._role_before_surname(run, i):
            return 1  # "U.S. Attorney Bash": a title's first word as a title of its own
        return 0

    def _role_before_name(self, run: list[Token]) -> bool:
        """A capitalised role word ("Assemblywoman", "CEO") before two or three unknown
        capitalised words that end in no head noun: the role of the person named after it."""
        if not 3 <= len(run) <= 4 or run[0].text.lower() not in self.gaz.role_words:
            return False
        for tok in run[1:]:
            word = strip_possessive(tok.text)
            lower = word.lower()
            if (
                not _is_cap(word)
                or word in self.heads
                or word in CALENDAR
                or lower in self.gaz.common_words
                or lower in self.lower_seen
                or lower in self.gaz.role_words
            ):
                return False
        return not self._known(run, 0) and not self._known(run, 1)

    def _role_before_surname(self, run: list[Token], i: int) -> bool:
        """An official's role word ending a run before one unknown capitalised word:
        'Administrator Bolden', 'NASA Administrator Bolden', 'Prosecutor Quill'."""
        word = strip_possessive(run[i + 1].text)
        return (
            run[i].text in _OFFICIAL_ROLES
            and self._name_follows(run, i + 1)
            and word.lower() not in self.gaz.common_words
            and word.lower() not in self.lower_seen
            and word.lower() not in self.gaz.role_words
            and word not in THING_WORDS
            and not _NUMBER_AFTER.match(self.text, run[i + 1].end)
        )

    def _occupation_before_name(self, run: list[Token]) -> bool:
        """'Immunologist Kris Andersen', 'Physician Ana Ruiz': an occupation noun ("-ologist",
        "-ician", "-ist") opening the sentence before a name that ends in no head noun."""
        lower = run[0].text.lower()
        return (
            lower.endswith(_OCCUPATION_ENDINGS)
            and lower not in self.lower_seen
            and lower not in self.gaz.common_words
            and run[0].text not in self.gaz.first_names
            and not self._known(run, 0)
            and not self._known(run, 1)
            and strip_possessive(run[-1].text) not in self.heads
            and not any(_is_lower(t.text) for t in run[1:3])
        )

    def scan(self) -> list[Candidate]:
        for dateline in self.datelines:
            self._add_dateline(dateline)
        for run, cues in _chunks(self.text, self.tokens):
            self._scan_run(run, cues)
        self._type_lists()
        self._join_portfolio_lists()
        self._join_and_names()
        self._join_campus_places()
        if " in " in self.text:
            self._join_known_branches()
        self._join_country_suffixes()
        if " Group of " in self.text:
            self._split_group_of_place()
        self._define_spanning_abbreviations()
        self._expand_defined_acronyms()
        if " [" in self.text or " (" in self.text:
            self._type_acronyms_spelt_out()
        if " (" in self.text:
            self._untype_term_abbreviations()
            self._drop_stock_tickers()
        if self.airlines:  # "Adam Air was grounded": the airline, not a person named Adam
            for cand in self.candidates:
                if cand.type == "PERSON" and cand.strength < 3 and cand.text in self.airlines:
                    cand.type = "ORG"
        self._drop_storm_names()
        if " v. " in self.text:
            self._drop_case_parties()
        self._number_roads()
        if "st " in self.text or "nd " in self.text or "rd " in self.text or "th " in self.text:
            self._number_units()
        if ", " in self.text:
            self._join_legal_suffixes()
            self._join_generation_suffixes()
        self._untype_products()
        if " of " in self.text or " for " in self.text:
            self._untype_briefs()
        if "-based " in self.text:
            self._type_based_bodies()
        return self.candidates

    def _type_based_bodies(self) -> None:
        """'South Korea-based Cresyn', 'Singapore-based Jin Li Mould Manufacturing': the name
        right after "<place>-based" is a body based there (not a person: no given name)."""
        for cand in self.candidates:
            if (
                cand.strength < 3
                and cand.type != "ORG"
                and _PLACE_BASED_BEFORE.search(self.text, max(0, cand.start - 40), cand.start)
                and cand.text.split()[0] not in self.gaz.first_names
            ):
                cand.type, cand.strength = "ORG", 2

    def _join_legal_suffixes(self) -> None:
        """'Staples, Inc.', 'WebSource Media, L.L.C.': a company's legal form after a comma is
        the end of its name, not a body of its own."""
        out: list[Candidate] = []
        for cand in self.candidates:
            prev = out[-1] if out else None
            if (
                prev is None
                or cand.text not in _LEGAL_FORMS
                or cand.start != prev.end + 2
                or self.text[prev.end : cand.start] != ", "
                or prev.type not in ("ORG", "PERSON", None)
                or (prev.type != "ORG" and prev.strength >= 3)
            ):
                out.append(cand)
                continue
            end = cand.end + ("." in cand.text and self.text[cand.end : cand.end + 1] == ".")
            joined = Candidate(prev.start, end, self.text[prev.start : end], prev.words + 1)
            joined.type, joined.strength = "ORG", 2
            joined.sentence_start = prev.sentence_start
            out[-1] = joined
        self.candidates = out

    def _join_generation_suffixes(self) -> None:
        """'Martin Luther King, Jr.', 'Ann Lee, Sr.': a generation after a comma ends the
        person's name (with its full stop), not a name of its own."""
        out: list[Candidate] = []
        for cand in self.candidates:
            prev = out[-1] if out else None
            if (
                prev is None
                or cand.text not in _GENERATION_WORDS
                or cand.start != prev.end + 2
                or self.text[prev.end : cand.start] != ", "
                or prev.words < 2
                or prev.type not in ("PERSON", None)
            ):
                out.append(cand)
                continue
            end = cand.end + (self.text[cand.end : cand.end + 1] == ".")
            prev.end, prev.text, prev.words = end, self.text[prev.start : end], prev.words + 1
            prev.type, prev.strength = "PERSON", max(prev.strength, cand.strength, 1)
        self.candidates = out

    def _untype_briefs(self) -> None:
        """'Professor of Economics', 'Minister for Youth and Sports', 'Head of Acquisitions': the
        field or brief after a role and "of"/"for" is no body (unless known or named by a head
        noun: "chairman of Genentech", "director of the Kiel Institute")."""
        for cand in self.candidates:
            if cand.type == "ORG" and cand.strength < 3 and self._is_brief(cand):
                cand.type, cand.strength = None, 0

    def _is_brief(self, cand: Candidate) -> bool:
        """Whether `cand`, right after a role and "of"/"for", names a field or a brief."""
        lo = max(0, cand.start - 40)
        # every match ends the window with " of " or " for ": most windows are not searched
        if not self.text.endswith((" of ", " for "), lo, cand.start):
            return False
        m = _ROLE_OF_END.search(self.text, lo, cand.start)
        if m is None:
            return False
        role = m.group(1)
        if role.lower() not in self.gaz.role_words and role not in self.gaz.titles:
            return False
        if role.lower() in _BODY_ROLES:
            return False  # "the founder of Email Vendor Selection": one founds a body, not a field
        words = [strip_possessive(w) for w in cand.text.split() if w not in CONNECTORS]
        listed = " and " in cand.text  # "Transport and Regional Services": a list of briefs
        if any(
            (w in self.gaz.org_words and not (listed and k == len(words) - 1))
            or w in self.gaz.first_names
            or w in self.gaz.known
            or not w.isalpha()
            or _is_upper(w)
            for k, w in enumerate(words)
        ):
            return False
        last = words[-1]
        return last.endswith(_BRIEF_ENDINGS) or (listed and last.endswith("s"))

    def _split_group_of_place(self) -> None:
        """'an analyst with Harlow Group of Denver', 'owned by Volvo Group of Sweden': a named
        group followed by "of" and a known place ending the name is the group and where it is
        (a group's name does not go on with "of": "Group of Seven" opens with it)."""
        for k, cand in enumerate(self.candidates):
            if cand.type != "ORG" or " Group of " not in cand.text:
                continue
            m = _GROUP_OF_PLACE.fullmatch(cand.text)
            if not m or self.gaz.known.get(m.group(2)) != "PLACE":
                continue
            at = cand.start + m.start(2)
            body = Candidate(
                cand.start, cand.start + m.end(1), m.group(1), m.group(1).count(" ") + 1
            )
            body.type, body.strength, body.sentence_start = "ORG", 2, cand.sentence_start
            place = Candidate(at, cand.end, m.group(2), m.group(2).count(" ") + 1, "PLACE", 3)
            self.candidates[k : k + 1] = [body, place]

    def _untype_products(self) -> None:
        """'the Fedora operating system', 'written in Python', 'Lua-based modding API': software
        or hardware, not a place or a person, wherever the article names it (a known name
        keeps its type)."""
        products = {
            strip_possessive(c.text)
            for c in self.candidates
            if c.type != "ORG"
            and c.strength < 3
            and (self._product_after(c.end) or self._written_in_code(c.start, c.text))
        }
        if products:
            for cand in self.candidates:
                if cand.strength < 3 and strip_possessive(cand.text) in products:
                    cand.type, cand.strength = None, 0

    def _product_after(self, end: int) -> bool:
        """'the Fedora operating system', 'ARM-based processors': a product noun right after a
        name; not a firm's ("The Hsinchu-based chip maker", "Espoo-based software company")."""
        text = self.text
        if end >= len(text):
            return False
        follows = text[end]  # `text[end : end + 2]`'s first character, without a slice
        if follows != "-" and (follows != " " or text[end + 1 : end + 2] not in _PRODUCT_INITIALS):
            return False  # no product noun can follow (most names): the pattern is not tried
        m = _PRODUCT_AFTER.match(self.text, end)
        return m is not None and not _FIRM_AFTER.match(self.text, m.end())

    def _written_in_code(self, start: int, name: str) -> bool:
        """'written in Python': a programming language, known or with software in the same
        sentence; not a place ("The letter was written in Kramatorsk")."""
        text = self.text
        if start < 3 or text[start - 1] != " " or text[start - 2] != "n" or text[start - 3] != "i":
            return False  # not after "in " (most names): `text[start - 3 : start]`, unsliced
        if not text[max(0, start - 14) : start].endswith(_PRODUCT_BEFORE):
            return False  # (every ending of _PRODUCT_BEFORE ends with "in ")
        if strip_possessive(name) in _LANGUAGES:
            return True
        left = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start)) + 1
        right = self.text.find(". ", start)
        sentence = self.text[left : right if right >= 0 else len(self.text)]
        return _SOFTWARE_WORD.search(sentence) is not None

    def _number_roads(self) -> None:
        """'Interstate 80', 'Route 2', 'Highway 401': a road named by its number is a place."""
        roads = [c for c in self.candidates if c.text.endswith(_ROAD_WORDS)]
        if not roads:
            return
        ends = {c.end: c for c in self.candidates if c.type == "PLACE" and c.strength >= 2}
        for cand in roads:
            if cand.text.rsplit(" ", 1)[-1] in _ROAD_WORDS:
                m = _ROAD_NUMBER.match(self.text, cand.end)
                if m:
                    cand.end = m.end()
                    cand.text = self.text[cand.start : cand.end]
                    cand.type, cand.strength = "PLACE", 2
                    state = ends.get(cand.start - 1)
                    if state and self.text[state.end] == " ":  # "United States Route 2"
                        self.candidates.remove(state)
                        cand.start, cand.display = state.start, None
                        cand.text = self.text[cand.start : cand.end]
                    cand.words = len(cand.text.split())

    def _drop_case_parties(self) -> None:
        """'Brown v. Board of Education', 'Lawrence v. Texas': the parties named in a court
        case's name are the case's name, no mention of a person, a body or a place."""
        for m in _CASE_NAME.finditer(self.text):
            self.candidates = [
                c for c in self.candidates if c.end <= m.start() or c.start >= m.end()
            ]

    def _number_units(self) -> None:
        """'the 7th Armoured Brigade', 'the 501st Legion': a unit named with its ordinal is one
        organisation, the ordinal part of its name."""
        text = self.text
        for cand in self.candidates:
            start = cand.start
            # a match ends "4th " right before the name: a space, and a digit four back
            if start < 4 or text[start - 1] != " " or not text[start - 4].isdecimal():
                continue  # (most names: no ordinal can end there, nothing split)
            if cand.strength >= 3 or cand.type not in (None, "ORG", "PERSON"):
                continue
            if _UNIT_HEADS.isdisjoint(cand.text.split()):
                continue
            m = _UNIT_ORDINAL.search(self.text, max(0, cand.start - 7), cand.start)
            if m:
                cand.start = m.start()
                cand.text = self.text[cand.start : cand.end]
                cand.words += 1
                cand.type, cand.strength = "ORG", 2
                cand.sentence_start = False

    def _drop_storm_names(self) -> None:
        """'Hurricane Dorian … Dorian reached the Bahamas': a named storm is a weather event,
        neither a person nor a place, wherever the article names it."""
        if not self.storm_heads:
            return
        names = {
            m.group(1)
            for m in matches_at(_STORM_NAME, self.text, find_all(self.text, _STORM_STARTS))
            if m.group(1) not in self.heads
            and m.group(1) not in THING_WORDS
            and m.group(1) not in self.gaz.known
        }
        if names:
            self.candidates = [
                c
                for c in self.candidates
                if strip_possessive(c.text).split()[-1] not in names
                or (c.words > 1 and c.text.split()[0] not in _STORM_HEADS and c.strength >= 2)
            ]

    def _join_campus_places(self) -> None:
        """'American University in Cairo': a university or college named with its city; 'the
        University of California, San Diego', 'University of Texas at Austin': a state
        university's campus."""
        cands = _by_start(self.candidates)
        for cand in cands:
            if cand.type == "ORG" and cand.text.startswith("University of "):
                self._join_campus(cand)
        for cand, nxt in pairwise(cands):
            if (
                cand.type == "ORG"
                and len(words := cand.text.split()) == 2
                and words[1] in _CAMPUS_HEADS
                and self.gaz.known.get(words[0]) == "GROUP"  # a nationality alone names no campus
                and self.text[cand.end : nxt.start] == " in "
                and nxt.type == "PLACE"
                and nxt.strength >= 2
                and nxt.words <= 2
                and not self.text[nxt.end : nxt.end + 2].strip(" ")[:1].isupper()
            ):
                self.candidates.remove(nxt)
                cand.end, cand.text = nxt.end, self.text[cand.start : nxt.end]
                cand.words += 1 + nxt.words

    def _join_known_branches(self) -> None:
        """'al-Qaeda in Iraq', 'al-Qaeda in the Islamic Maghreb': a known body's branch named
        "in" a place is a known name of its own."""
        cands = _by_start(self.candidates)
        for k, cand in enumerate(cands):
            if cand.type != "ORG" or not self.text.startswith(" in ", cand.end):
                continue
            for n in (1, 2):  # the place's name: one or two candidates ("Islamic", "Maghreb")
                inside = cands[k + 1 : k + 1 + n]
                if len(inside) < n or inside[0].start > cand.end + 8:
                    break
                # "Al Qaeda in Iraq" is found as its usual name is: "al-Qaeda in Iraq"
                head = self.gaz.aliases.get(cand.text.casefold(), cand.text)
                known = self._lookup(head + self.text[cand.end : inside[-1].end])
                if known is not None and known[1] == "ORG":
                    self.candidates = [c for c in self.candidates if c not in inside]
                    cand.end, cand.text = inside[-1].end, self.text[cand.start : inside[-1].end]
                    cand.words = len(cand.text.split())
                    cand.display, cand.strength = known[0], 3
                    break

    def _join_country_suffixes(self) -> None:
        """'Tourism Australia', 'Gas Infrastructure Europe', 'Mazars USA': unknown capitalised
        words set right before a known country (a name ending there) name a body in it, not a
        person or nothing beside a place (but "Eastern Europe" is known, "Ann Lee, Australia"
        has a comma). Not in results and scorelines: a word another mention names a person by
        ("Trudeau said … Trudeau Canada's envoy"), a list of such pairs ("Kipchoge Kenya, silver to
        Abdi Belgium", "Thompson Jamaica … Fraser-Pryce Jamaica") or a number after the country
        ("Smith Australia 85")."""
        cands = _by_start(self.candidates)
        pairs = [
            (cand, place) for cand, place in pairwise(cands) if self._names_a_body_in(cand, place)
        ]
        if not pairs:
            return
        listed = self._paired_in_lists(pairs)
        people = {  # a word of a name with a person cue ("said", a first name): not a weak guess
            strip_possessive(w)
            for c in cands
            if c.type == "PERSON" and c.strength >= 2
            for w in c.text.split()
        }
        for cand, place in pairs:
            if (
                (cand.sentence_start and cand.words == 1)
                or id(cand) in listed
                or _SCORE_AFTER.match(self.text, place.end)
                or any(w in people for w in cand.text.split())
            ):
                continue
            self.candidates.remove(place)
            cand.end, cand.text = place.end, self.text[cand.start : place.end]
            cand.words += place.words
            cand.type, cand.strength = "ORG", 1

    def _names_a_body_in(self, cand: Candidate, place: Candidate) -> bool:
        """Whether `cand` is one to three unknown capitalised words right before the known
        country `place` (a sentence's first word alone counts here too, for the lists)."""
        if (
            place.start - cand.end != 1
            or place.type != "PLACE"
            or place.strength < 3
            or cand.words > 3
            or self.text[cand.end] != " "
            or _CAPITAL_NEXT.match(self.text, place.end)
        ):
            return False
        if cand.strength >= 2:  # "Novartis India", "Reuters Canada": a known firm's national arm
            return (
                cand.type == "ORG"
                and cand.strength >= 3
                and cand.words == 1
                and not _is_acronym(cand.text)  # "UN Syria envoy", "EU Ukraine summit"
                and not _RELATION_AFTER.match(self.text, place.end)  # "the Boeing Ethiopia crash"
                and self.gaz.known.get(cand.text) == "ORG"
            )
        if (
            cand.strength >= 2
            or self.text[cand.end] != " "
            or _CAPITAL_NEXT.match(self.text, place.end)
            or _ORDINAL_BEFORE.search(self.text, max(0, cand.start - 8), cand.start)
        ):
            return False
        return not any(
            not w[:1].isupper()
            or w in COMPASS
            or w in _PLACE_ADJECTIVES  # "Greater Melbourne", "Ancient Egypt"
            or w in PLACE_OPENERS  # "Port Sudan", "Cape Verde"
            or w in self.gaz.place_words
            or (len(w) > 4 and w.endswith(("an", "ese", "ish")))  # "Roman Egypt": an era
            or w in self.gaz.first_names
            or self.gaz.known.get(w) is not None
            or w.lower() in self.gaz.common_words
            for w in cand.text.split()
        )

    def _paired_in_lists(self, pairs: list[tuple[Candidate, Candidate]]) -> set[int]:
        """The 'Name Country' pairs of a results list: two pairs in one sentence with a comma or
        'and' (and a few lower-case words) between them, or one country after different names."""
        listed: set[int] = set()  # the names' ids (a Candidate is not hashable)
        for (a, a_place), (b, _) in pairwise(pairs):
            if _LIST_GAP.match(self.text[a_place.end : b.start]):
                listed.update((id(a), id(b)))
        names_before: dict[str, set[str]] = defaultdict(set)
        for cand, place in pairs:
            names_before[strip_possessive(place.text)].add(cand.text)
        for cand, place in pairs:
            if len(names_before[strip_possessive(place.text)]) > 1:
                listed.add(id(cand))
        return listed

    def _join_campus(self, cand: Candidate) -> None:
        """'University of California, San Diego': a state university's name goes on to its
        campus after a comma or "at" (not "University of Oxford, England": no US state)."""
        if cand.text[14:] not in us_states():
            return
        m = _CAMPUS_AFTER.match(self.text, cand.end)
        if m is None or _CAPITAL_NEXT.match(self.text, m.end()):
            return  # "University of Texas, Austin Community College": a list
        campus = m.group(1)
        if campus in us_states() or strip_possessive(campus) in CALENDAR:
            return  # "University of Iowa, Ohio State…", "University of Texas at Tuesday's…"
        if (
            m.group(0).startswith(",")
            and (self._lookup(campus) or ("", ""))[1] != "PLACE"
            and not self._campus_in_commas(campus, m.end())
        ):
            return  # after a comma, only a known city is a campus, or a town set off by commas
        inside = [c for c in self.candidates if cand.end < c.start < m.end()]
        if any(c.end > m.end() or c.type in ("ORG", "PERSON") for c in inside):
            return
        self.candidates = [c for c in self.candidates if c not in inside]
        cand.end, cand.text = m.end(), self.text[cand.start : m.end()]
        cand.words = len(cand.text.split())

    def _campus_in_commas(self, campus: str, end: int) -> bool:
        """'University of California, Davis, said': one unknown word between commas after a
        state university names its campus town."""
        return (
            " " not in campus
            and self.text.startswith(", ", end)
            and self._lookup(campus) is None
            and campus.lower() not in self.lower_seen
        )

    def _define_spanning_abbreviations(self) -> None:
        """'Transport for London (TfL)', 'Pacific Gas and Electric (PG&E)': the words before an
        abbreviation in brackets whose initials spell it are one organisation, whatever names
        were found inside them; the abbreviation alone is that organisation everywhere."""
        if " (" not in self.text:
            return
        for m in _BRACKETED_ABBREVIATION.finditer(self.text):
            abbreviation = m.group(1)
            if sum(c.isupper() for c in abbreviation) < 2:
                continue
            start = self._abbreviated_words(m.start(), abbreviation)
            if start < 0:
                continue
            end = m.start()
            if self.text[end - 2 : end] in _POSSESSIVE_ENDINGS:
                end -= 2  # "the United Kingdom's (UK) Conservative Party"
            inside = [c for c in self.candidates if start <= c.start and c.end <= end]
            if any(c.strength >= 3 and c.start == start and c.end == end for c in inside):
                continue  # a known name already: the other pass defines its abbreviation
            if len(inside) == 1 and inside[0].start == start and inside[0].end == end:
                continue  # one name already found whole: the other pass handles it
            if _no_body_last(self.text[start:end]):
                # "Ballot Interference Prevention Act (BIPA)": a law, not a body, and so is
                # its abbreviation wherever it stands
                for other in self.candidates:
                    if other.strength < 3 and strip_possessive(other.text) == abbreviation:
                        other.type, other.strength = None, 0
                continue
            self.candidates = [c for c in self.candidates if c not in inside]
            surface = self.text[start:end]
            # "the Long Range Identification and Tracking (LRIT) system": a system, no body
            kind, strength = (
                (None, 0)
                if _THING_AFTER.match(self.text, m.end())
                or self._names_a_notion(start, surface, abbreviation, m.end())
                else ("ORG", 2)
            )
            cand = Candidate(start, end, surface, len(surface.split()), kind, strength)
            self.candidates.append(cand)
            for other in self.candidates:
                if strip_possessive(other.text) == abbreviation:
                    other.display, other.type, other.strength = surface, kind, strength

    def _abbreviated_words(self, end: int, abbreviation: str) -> int:
        """Where the capitalised words (with 'of', 'for', 'and', 'the' between them) that end at
        `end` start, when their initials spell `abbreviation`; -1 if they do not.

        The last k words are tried for k = 2, 3…; each try also needs every gap between them
        to be one space (or ", " after a capitalised word): the gaps are checked once each, as
        k grows, from the words' offsets read once (not from the Match objects at every try)."""
        text = self.text
        words = list(_NAME_WORD.finditer(text, max(0, end - 160), end))
        starts = [w.start() for w in words]
        ends = [w.end() for w in words]
        texts = [w.group() for w in words]
        letters = abbreviation.replace("&", "").replace(".", "")
        n = len(words)
        checked = n - 1  # the gaps after words checked..n-2 are checked (and good)
        for k in range(2, min(n, 15) + 1):
            first = n - k
            if not texts[first][0].isupper():
                continue
            for i in range(first, checked):
                gap = starts[i + 1] - ends[i]
                if gap != 1 and not (
                    # "United Nations Educational, Scientific and Cultural Organization (UNESCO)"
                    gap == 2 and text[ends[i]] == "," and texts[i][0].isupper()
                ):
                    return -1
            checked = first
            if ends[n - 1] != end:
                return -1
            chosen = texts[first:]
            capitals = [w for w in chosen if w[0].isupper()]
            caps = "".join(w[0] for w in capitals)
            every = "".join(w[0] for w in chosen)
            if k <= 9 and (caps == letters or every.casefold() == letters.casefold()):
                return starts[first]
            if (
                len(letters) >= 4
                and caps.startswith(letters)
                and len(caps) > len(letters)
                and _abbreviation_tail(chosen, capitals[len(letters) - 1])
            ):  # "United Nations Relief and Works Agency for Palestine Refugees in the Near
                # East (UNRWA)": the abbreviation spells the name before its qualifier
                return starts[first]
        return -1

    def _expand_defined_acronyms(self) -> None:
        """'the African Union (AU)': every later 'AU' is that organisation."""
        cands = _by_start(self.candidates)
        defined: dict[str, str] = {}
        short_forms: set[str] = set()
        things: set[str] = set()  # abbreviations of things ("LRIT system"), no body's
        for prev, cand in pairwise(cands):
            if not (
                (  # " (": a gap of two (gaps are mostly long)
                    cand.start - prev.end == 2
                    and self.text.startswith(" (", prev.end)
                    and self.text[cand.end : cand.end + 1] == ")"
                )
                or (  # "the Association of Southeast Asian Nations, or ASEAN, a body of"
                    cand.start - prev.end == 5
                    and self.text.startswith(", or ", prev.end)
                    and self.text[cand.end : cand.end + 1] in _AFTER_OR_ABBREVIATION
                    and _is_acronym(cand.text)
                )
            ):
                continue
            if self._abbreviates(prev, cand):
                defined[cand.text] = prev.display or prev.text
                if (prev.type is None or prev.strength == 0) and _THING_AFTER.match(
                    self.text, cand.end + 1
                ):  # "the Long Range Identification and Tracking (LRIT) system": a system
                    things.add(cand.text)
                elif (prev.type is None or prev.strength == 0) and not _no_body_last(
                    prev.display or prev.text
                ):  # a name given an abbreviation: a body (not a law)
                    if self._names_a_notion(
                        prev.start, prev.display or prev.text, cand.text, cand.end + 1
                    ):
                        things.add(cand.text)
                    else:
                        prev.type, prev.strength = cand.type or "ORG", cand.strength or 1
            elif self._short_form_after(prev, cand):
                defined[cand.text] = prev.display or prev.text
                short_forms.add(cand.text)
                if prev.type is None or prev.strength == 0:
                    prev.type, prev.strength = "ORG", 1  # "World Wonder Ring Stardom (Stardom)"
        if defined:
            for cand in self.candidates:
                name = defined.get(strip_possessive(cand.text))
                if name:
                    cand.display = name
                    word = strip_possessive(cand.text)
                    if _no_body_last(name) or word in short_forms or word in things:
                        cand.type, cand.strength = None, 0  # "BIPA": the law's abbreviation;
                        # "Stardom said": the body's short form, whatever a cue said

    def _type_acronyms_spelt_out(self) -> None:
        """'my CMD [Chief Health Director]', 'a SWAG [scientific wild-ass guess]', 'UTT
        [University of Texas at Tyler]': an abbreviation spelt out in brackets right after it is
        what the words in the brackets name: nothing, unless one typed name spans them."""
        cands = _by_start(self.candidates)
        spelt: dict[str, Candidate | None] = {}  # each abbreviation: the name spelt out, or None
        for k, cand in enumerate(cands):
            if cand.display is not None or not _is_acronym(cand.text) or cand.text in spelt:
                continue
            m = _SPELT_OUT.match(self.text, cand.end)
            if m is None or m.group(1)[0].lower() != cand.text[0].lower():
                continue
            whole = [
                c
                for c in cands[k + 1 : k + 3]
                if c.start == m.start(1) and c.end >= m.end(1) - 1 and c.type and c.strength
            ]
            # "QVM [Queen Victoria Market]" is the market; "CMD [Chief Health Director]" names
            # no one: a post or a phrase
            spelt[cand.text] = whole[0] if whole else None
        if not spelt:
            return
        for cand in self.candidates:
            if cand.display is None and (word := strip_possessive(cand.text)) in spelt:
                name = spelt[word]
                if name is None:
                    cand.type, cand.strength = None, 0
                else:
                    cand.display, cand.type = name.display or name.text, name.type
                    cand.strength = name.strength

    def _untype_term_abbreviations(self) -> None:
        """'polymerase chain reaction (PCR)', 'matrix-assisted laser desorption/ionization
        (MALDI)': an abbreviation of lower-case words is a term, no body, on every mention."""
        terms = {
            m.group(1)
            for m in _BRACKETED_ABBREVIATION.finditer(self.text)
            if _is_acronym(m.group(1)) and self._spells_lower_words(m.start(), m.group(1))
        }
        if terms:
            for cand in self.candidates:
                if cand.strength < 3 and strip_possessive(cand.text) in terms:
                    cand.type, cand.strength = None, 0

    def _drop_stock_tickers(self) -> None:
        """'Lionbridge (LIOX)', 'Apple shares (AAPL)', '(NYSE: KRX)': capitals in brackets
        after one word of a company's name, after shares or an exchange are its stock ticker, no
        body's abbreviation (nothing is abbreviated from one word), unless the article uses
        them again outside brackets."""
        tickers: set[int] = set()
        for m in ticker_matches(self.text):
            code = m.group(2)
            if not m.group(1) and not self._one_word_name_before(m.start(), code):
                continue
            if not _has_word_token(self.text[: m.start()] + self.text[m.end() :], code):
                tickers.add(m.start(2))
        if tickers:
            self.candidates = [c for c in self.candidates if c.start not in tickers]

    def _one_word_name_before(self, at: int, code: str) -> bool:
        """Whether `text[:at]` ends with "shares", "stock", a one-word name found as a candidate
        or a company's name ending in its legal form (the `_TICKER` match at `at` holds the
        comma and the bracket)."""
        before = self.text[max(0, at - 7) : at]
        if before.endswith((" shares", " stock")):
            return True
        for cand in self.candidates:
            if cand.end == at and "'" not in cand.text:
                if cand.words == 1:
                    # not the last word of a longer name ("Notes from Kestrel (NFK)")
                    gap = self.text.rfind(" ", 0, cand.start - 1)
                    return self.text[gap + 1 : cand.start - 1] not in _NAME_LINKS
                # "Bowne & Co, (BNE)": after a legal form, capitals that are not the name's
                # initials ("Ford Motor Company (FMC)" abbreviates the name)
                words = cand.text.split()
                return words[-1].rstrip(".") in _TICKER_AFTER and not _initials(
                    cand.text
                ).startswith(code[:2])
        return False

    def _spells_lower_words(self, end: int, abbreviation: str) -> bool:
        """Whether the words ending at `end`, some in lower case (not only "from", "of": "Notes
        from Poland (NFP)") and none a body's head noun, spell `abbreviation` by their
        initials (connecting words may be left out)."""
        at = _term_words_start(self.text, max(0, end - 120), end)
        if at < 0:
            return False
        words = _TERM_SPLIT.split(self.text[at:end])
        letters = list(abbreviation.lower())
        spelt: list[str] = []
        for word in reversed(words):
            if not letters:
                break
            if word[0].lower() == letters[-1]:
                letters.pop()
                spelt.append(word)
            elif word not in _TERM_CONNECTORS:
                return False
        return (
            not letters
            and any(w[0].islower() and w not in self.gaz.common_words for w in spelt)
            and not any(w.capitalize() in self.heads for w in spelt)
        )

    def _abbreviates(self, prev: Candidate, cand: Candidate) -> bool:
        """Whether `cand`, in brackets right after the name `prev`, is its abbreviation."""
        return (
            prev.words > 1
            and (
                _is_acronym(cand.text)
                # "Transport for London (TfL)": the initials of every word, as written
                or cand.text == "".join(w[0] for w in (prev.display or prev.text).split())
            )
            and (
                _initials(prev.display or prev.text).startswith(cand.text[0])
                # "Kurdistan Workers' Party (PKK)": initials of the name in another language
                or (
                    prev.type in ("ORG", None)
                    and len(set(cand.text) & set(_initials(prev.display or prev.text))) >= 1
                    and self.gaz.known.get(cand.text) != "PLACE"
                )
                # "German Aerospace Center (DLR)": a body's abbreviation in its own language
                or (prev.type == "ORG" and prev.strength >= 2 and cand.text not in self.gaz.known)
            )
        )

    def _names_a_notion(self, start: int, name: str, abbreviation: str, after: int) -> bool:
        """'CentOS 8's End of Life (EOL)', 'argued against Universal Basic Income (UBI)': an
        abbreviated phrase after a possessive or a verb's "against/on/for", with no "the" before
        it, no body's head noun or known name in it and no speech after its abbreviation names a
        notion or a thing, not a body ("the Disease Surveillance Team (DST)", "Deutsche Welle
        (DW) reported", "PG&E", "Lawyers for Black Lives Matter (BLM)", "a volunteer with
        Alcoholics Anonymous (AA)" name bodies)."""
        if (
            not _NOTION_BEFORE.search(self.text, max(0, start - 40), start)
            or "&" in abbreviation
            or self.text[max(0, start - 4) : start].lower() == "the "
            or any(
                word in self.heads or word[:-1] in self.heads or word in self.gaz.known
                for word in name.split()
            )
        ):  # "Council of Australian Governments", "People's Protection Units", "Pacific Gas…"
            return False
        m = _NEXT_WORD.match(self.text, after)
        return m is None or (m.group(1) not in SPEECH_VERBS and m.group(1) not in _MEDIA_VERBS)

    def _short_form_after(self, prev: Candidate, cand: Candidate) -> bool:
        """'University of Colorado at Boulder (CU Boulder)', 'Philippine Institute of Volcanology
        and Seismology (Phivolcs)': a body's short form in brackets right after its name."""
        name = prev.display or prev.text
        if cand.text in self.gaz.known or not _short_form(cand.text, name):
            return False
        if prev.type == "ORG" and prev.strength >= 2:
            return True
        # "World Wonder Ring Stardom (Stardom)": an untyped name's last words in brackets
        return (
            (prev.type is None or prev.strength == 0)
            and prev.words > 1
            and name.endswith(" " + cand.text)
        )

    def _join_portfolio_lists(self) -> None:
        """'Department for Culture, Media and Sport': an organisation named after a list of fields."""
        cands = _by_start(self.candidates)
        for k, cand in enumerate(cands):
            if cand.type != "ORG" or cand.strength < 2 or not _has_of_or_for(cand.text):
                continue
            m = _PORTFOLIO_TAIL.match(self.text, cand.end)
            if not m:
                continue
            inside = [c for c in cands[k + 1 :] if c.start < m.end()]
            if any(c.strength >= 3 or (c.type == "PERSON" and c.strength >= 2) for c in inside):
                continue
            self.candidates = [c for c in self.candidates if c not in inside]
            cand.end, cand.text = m.end(), self.text[cand.start : m.end()]
            cand.words = len(cand.text.split())

    def _add_dateline(self, dateline: Dateline) -> None:
        for start, end in dateline.places:
            surface = self.text[start:end]
            known = self._lookup(surface) or self._lookup(surface.upper())
            cand = Candidate(start, end, surface, len(surface.split()), "PLACE", 2)
            if known:
                cand.display, cand.type, cand.strength = known[0], known[1], 3
            elif surface.isupper():
                cand.display = _title_case(surface)
            self.candidates.append(cand)

    def _type_lists(self) -> None:
        """'Bhola, Patuakhali and Barguna': untyped names listed with places are places too."""
        text = self.text
        # a bracket after a member is no member: "Ann Lee (PS), Bo Kett (PC) and …"
        cands = [
            c
            for c in _by_start(self.candidates)
            if text[c.start - 1 : c.start] != "(" or text[c.end : c.end + 1] != ")"
        ]
        lists: list[list[Candidate]] = []
        for prev, cand in pairwise(cands):
            gap = text[prev.end : cand.start] if cand.start - prev.end <= 6 else ""
            if (
                gap not in _LIST_GAPS
                and text[prev.end : prev.end + 2] in (" (", ", ")
                and (bracketed := _BRACKETED_GAP.fullmatch(text, prev.end, cand.start))
            ):
                gap = bracketed.group(1)  # "Ann Lee (PS), Bo Kett", "Ama, 17, Efua, 14 and …"
            elif not gap:
                continue  # a gap too wide for ", and " or " to "
            if gap == " to " and self.text[max(0, prev.start - 5) : prev.start] == "from ":
                self._type_route(prev, cand)  # "a bus from Smolensk to Kaluga"
            if gap in _LIST_GAPS:
                if lists and lists[-1][-1] is prev:
                    lists[-1].append(cand)
                else:
                    lists.append([prev, cand])
        for members in lists:
            # a group heading the list names no member's type: "three Samoans, Pale Tuli, …"
            kinds = {c.type for c in members if c.type and c.strength >= 2 and c.type != "GROUP"}
            if (
                not kinds
                and len(members) >= 3
                and self._place_list_opener(members[0].start, max(c.words for c in members))
            ):
                kinds = {"PLACE"}  # "branches at Leek, Cheadle and Biddulph": names listed as sites
            if len(kinds) != 1 or kinds & {"GROUP", "LANGUAGE"}:
                continue
            kind = kinds.pop()
            if kind == "PERSON" and _PORTFOLIO_BEFORE.search(
                self.text, max(0, members[0].start - 14), members[0].start
            ):
                self._untype_brief(members)
                continue
            if (
                kind == "ORG"
                and len(members) == 2
                and self.text[members[0].end : members[1].start] == ", "
            ):
                continue  # "hit the Azores, Met Éireann, the weather service": no list
            for cand in members:
                if (
                    (
                        cand.type is None
                        or (cand.strength == 0 and (kind == "PERSON" or len(members) >= 3))
                    )
                    and cand.words <= 3
                    and not any(w in THING_WORDS or w in CALENDAR for w in cand.text.split())
                    and not (kind == "PERSON" and cand.text.startswith("The "))  # a title
                    and not (kind == "PERSON" and _is_acronym(cand.text))  # "Ann Lee, MP,"
                ):
                    cand.type, cand.strength = kind, 1

    def _untype_brief(self, members: list[Candidate]) -> None:
        """'Minister for Education, Science and Training, Julie Bishop': the fields of a brief, up
        to the one after "and", name nothing; the holder after them is no list's member."""
        last = 0
        for k in range(1, len(members)):
            if "and" in self.text[members[k - 1].end : members[k].start]:
                last = k
                break
        for cand in members[: last + 1]:
            if cand.strength < 2:
                cand.type, cand.strength = None, 0

    def _place_list_opener(self, start: int, longest: int) -> bool:
        """'in', 'at', 'near' before a list; 'from' too when no name in it is over two words
        ("appliances from Dolgellau, Harlech and Blaenau Ffestiniog")."""
        before = self.text[max(0, start - 12) : start].split()
        return bool(before) and (
            before[-1] in ("in", "at", "near") or (before[-1] == "from" and longest <= 2)
        )

    def _type_route(self, a: Candidate, b: Candidate) -> None:
        """'from Smolensk to Kaluga': two names of one or two words, neither known nor typed by
        stronger evidence, are the ends of a journey: places."""
        pair = (a, b)
        weak = [c for c in pair if c.strength < 2 and c.type in (None, "PERSON")]
        known = [c for c in pair if c.type == "PLACE" and c.strength >= 2]
        if not weak or len(weak) + len(known) != 2:
            return
        if any(
            c.words > 2 or any(w in CALENDAR or not w[1:].islower() for w in c.text.split())
            for c in weak
        ):
            return  # "from CentOS Linux to CentOS Stream": product names
        for cand in weak:
            cand.type, cand.strength = "PLACE", 1

    def _join_and_names(self) -> None:
        """'Law and Justice, the main opposition party': two words joined by "and" named as one
        organisation by an appositive; the same words elsewhere in the article join too."""
        cands = _by_start(self.candidates)
        pairs = [
            (a, b)
            for a, b in pairwise(cands)
            if b.start - a.end == 5  # " and " (gaps are mostly long: no slice of them)
            and self.text.startswith(" and ", a.end)
            and a.words == b.words == 1
            and a.strength < 2
            and b.strength < 2
        ]
        names = {
            f"{a.text} and {b.text}"
            for a, b in pairs
            if (m := _APPOSITIVE_ORG.match(self.text, b.end))
            and any(w in ORG_NOUNS for w in m.group(1).split())
        }
        for a, b in pairs:
            if f"{a.text} and {b.text}" in names and b in self.candidates:
                self.candidates.remove(b)
                a.end, a.text, a.words = b.end, self.text[a.start : b.end], 3
                a.type, a.strength = "ORG", 2

    def _drop_sentence_opener(self, run: list[Token]) -> list[Token]:
        first = run[0]
        if not first.sentence_start:
            return run
        if len(run) == 1:  # "The", "But", "Police": the same few words open most sentences
            text = self.text
            comma = first.end < len(text) and text[first.end] == ","  # the answer may differ
            answers = self.lone_openers_comma if comma else self.lone_openers
            kept = answers.get(first.text)  # the token's own string: its hash is kept
            if kept is None:
                kept = answers[first.text] = bool(self._opener_kept(run))
            return run if kept else []
        return self._opener_kept(run)

    def _opener_kept(self, run: list[Token]) -> list[Token]:
        """What a run opening a sentence keeps: a common word, an adverb or a verb of an
        inverted attribution opening it is not part of a name. For one word the answer depends
        only on the word and whether a comma follows (remembered per article)."""
        first = run[0]
        lower = strip_possessive(first.text).lower()
        known = self._known(run, 0)
        if (
            len(run) == 1
            and known == 1
            and self.gaz.known.get(first.text) == "PLACE"
            and lower in self.lower_seen
        ):
            return []  # "Nice to be with you": a place name that is also a word, opening a sentence
        if (
            len(run) > 1
            and _is_acronym(first.text)
            and self.text[first.start - 1 : first.start] in ("\n", "")
            and run[1].text.lower() in self.gaz.common_words
            and strip_possessive(run[1].text) not in self.heads  # "NBC News reported"
        ):
            return run[:1]  # "MS Although we used…": an interviewee's initials open the answer
        if known or self._title(run, 0):
            return run
        if len(run) == 1 and first.text in _MASTHEAD_WORDS:
            return []  # "Monitor compliance in real time": a masthead's word alone is a word
        if len(run) > 1 and lower in SPEECH_OPENERS:
            return run[1:]  # "Remarked Acme scientist Tia Curry, “…”": an inverted attribution
        if len(run) == 1 and lower.endswith("ly") and self.text[first.end : first.end + 1] == ",":
            return []  # "Specifically, …": an adverb opening a sentence
        if (
            first.text in COMPASS
            and len(run) > 1
            and (n := self._known(run, 1))
            and self._is_place(run, 1, n)
        ):
            return run  # "North Wales Fire and Rescue Service said": the region's name
        if lower in self.gaz.common_words or lower in self.lower_seen:
            run = run[1:]
            while run and _is_lower(run[0].text):
                run = run[1:]
        return run

    def _scan_run(self, run: list[Token], cues: list[str | None]) -> None:
        if (
            run[0].sentence_start
            and len(run) > 2
            and self.text[run[0].start - 1 : run[0].start] in ("", "\n")
        ):
            k = self._glued_heading(run)
            if k:  # "France On Monday, France announced": a heading glued to the first sentence
                self._scan_run(run[:k], cues[:k])
                opener = Token(run[k].start, run[k].end, run[k].text, True)
                run, cues = [opener, *run[k + 1 :]], cues[k:]
        if run[0].text in _STORM_OPENERS:
            self.storm_heads = True  # "Hurricane Dorian", "Tropical Storm Barry": see below
        if run[0].sentence_start:
            run = self._drop_sentence_opener(run)
        if (
            len(run) > 1
            and run[0].text in _CLOCK_MARKS
            and self.text[run[0].start - 2 : run[0].start] in _DIGIT_SPACES
        ):
            run, cues = (
                run[1:],
                cues[1:],
            )  # "at 3 PM Eastern Time": a clock time, not "PM" the title
        if len(run) > 1 and (run[0].text in WEEKDAYS or run[-1].text in WEEKDAYS):
            run, cues = _without_weekdays(run, cues)  # "On Friday Ford Motor Company announced"
            if not run:
                return
        if (
            len(run) > 1
            and run[-1].text == "Flight"
            and _NUMBER_AFTER.match(self.text, run[-1].end)
        ):
            # "Adam Air Flight 574": a flight number names no entity; its airline does
            run, cues = run[:-1], [*cues[:-2], "ORG"]
            self.airlines.add(" ".join(t.text for t in run))
        if len(run) > 2 and run[1].text in ("War", "World"):
            run, cues = _without_world_war(run, cues)  # "World War II", an event: no entity
            if not run:
                return
        if len(run) == 1:  # three runs in four are one word: the loop below, short-cut
            if _may_open_known(run[0].text) and self._known(run, 0):
                self._add_known(run, 0, 1, cues[-1])
            else:
                self._flush(run, False, cues[-1])
            return
        post_nominal = False
        while len(run) > 1 and run[-1].text in POST_NOMINALS:
            run, cues, post_nominal = run[:-1], cues[:-1], True  # "Jane Moss KC" is Jane Moss
        if not run:
            return
        suffix_cue = cues[-1] if cues else None
        pending: list[Token] = []
        i, person_cue, extending = 0, False, False
        named_body = self._org_noun_before(run)
        while i < len(run):
            tok = run[i]
            n_known = 0 if extending or not _may_open_known(tok.text) else self._known(run, i)
            if n_known and (
                (i and self._opens_nickname(tok))  # 'Pieter "Dutch" Molen': no nationality
                or (named_body and pending)  # "the magazine Scientific American": nor here
                or self._extends_to_named_head(run, i, n_known)
                or self._inside_name(run, i, n_known, pending, person_cue)
                or self._part_of_longer_name(run, i, n_known)
            ):
                extending, n_known = True, 0
            elif n_known == 1 and not pending and self._known_word_as_given_name(run, i):
                extending, n_known, person_cue = True, 0, True  # "Chelsea Staub, agreed"
            kind = (
                self._compass_kind(run, i, n_known, pending[-1].text)
                if n_known
                and pending
                and (pending[-1].text in COMPASS or pending[-1].text == "Greater")
                else None
            )
            if kind:
                # "South East Asia": two compass words; "Greater Melbourne": its metropolitan
                # area; "Central American countries", "the South Ossetian rebels": a people's
                k = 2 if len(pending) > 1 and pending[-2].text in ("North", "South") else 1
                self._flush(pending[:-k], person_cue, None)
                start, end, surface = self._surface(run, i - k, n_known + k)
                self.candidates.append(Candidate(start, end, surface, n_known + k, kind, 2))
                pending, person_cue = [], False
                i += n_known
                continue
            if n_known and pending and self._levels_a_body(run, i, n_known, pending):
                start, end, surface = self._surface(run, i - len(pending), len(pending) + n_known)
                cand = Candidate(start, end, surface, len(pending) + n_known, "ORG", 2)
                self.candidates.append(cand)
                pending, person_cue = [], False
                i += n_known
                continue
            n_body = self._country_body(run, i, n_known) if n_known else 0
            if n_body:
                self._flush(pending, person_cue, None)
                pending, person_cue = [], False
                start, end, surface = self._surface(run, i, n_known + n_body)
                self.candidates.append(Candidate(start, end, surface, n_known + n_body, "ORG", 2))
                i += n_known + n_body
                continue
            if n_known:
                self._flush(pending, person_cue, suffix_cue if not pending else None)
                pending, person_cue = [], False
                if not self._names_portfolio(run, i, n_known):
                    self._add_known(
                        run, i, n_known, suffix_cue if i + n_known == len(run) else None
                    )
                i += n_known
                continue
            n_title = 0 if pending and not _is_title_start(tok) else self._title(run, i)
            if (
                n_title
                and i + n_title < len(run)
                and not self._title_names_a_thing(run, i + n_title)
                and not self._saint_names_a_place(run, i, n_title)
            ):  # "General Motors Company" is no general, "St. George Hotel" no saint
                self._flush(pending, person_cue, None)
                pending, person_cue = [], True
                i = self._skip_portfolio(run, i + n_title)
                continue
            if (
                (_is_lower(tok.text) or tok.text == "&")
                and tok.text in CONNECTORS
                and not self._joins(run, i, pending)
            ):
                self._flush(pending, person_cue, None)
                pending, person_cue, extending = [], False, False
            else:
                pending.append(tok)
            i += 1
        person_cue = person_cue or (post_nominal and len(pending) > 1)
        self._flush(pending, person_cue, suffix_cue)

    def _saint_names_a_place(self, run: list[Token], i: int, n_title: int) -> bool:
        """'St. Thomas, Ontario', 'Saint Marys, Georgia': a saint's name that ends the run right
        before ", " and a known place is a town, not a person called by a title."""
        if n_title != 1 or run[i].text not in ("St", "Saint") or not 1 <= len(run) - i - 1 <= 2:
            return False
        if self.saint_places is None:  # every "St. X, Place" of the text: "the St. X plant" too
            self.saint_places = {
                m.group(1)
                for m in _SAINT_PLACE.finditer(self.text)
                if self.gaz.known.get(m.group(2)) == "PLACE"
            }
        return strip_possessive(" ".join(t.text for t in run[i + 1 :])) in self.saint_places

    def _glued_heading(self, run: list[Token]) -> int:
        """How many words of a known place open a paragraph right before a capitalised word that
        only opens sentences ("Sudan The International Criminal Court (ICC) …"), 0 if not so."""
        n = self._known(run, 0) if _may_open_known(run[0].text) else 0
        if not n or n >= len(run) - 1 or run[n].text not in _SENTENCE_OPENERS:
            return 0
        known = self._lookup(self._surface(run, 0, n)[2])
        return n if known is not None and known[1] == "PLACE" else 0

    def _title_names_a_thing(self, run: list[Token], j: int) -> bool:
        """'General Motors Company', 'St. George Hotel': the words after a title end in a head
        noun of a body or place with no lower-case word between ("Dr. Ann Lee of the University
        of Cape Town" is a person)."""
        last = strip_possessive(run[-1].text)
        lower = any(_is_lower(t.text) for t in run[j:])
        if last in self.gaz.org_words:
            # "Dr. Ann Lee of Scripps Research Institute": a given name, then the body's name
            return not (lower and self._given_name_after_brief(run, j))
        return last in self.heads and not lower

    def _given_name_after_brief(self, run: list[Token], j: int) -> bool:
        """Whether a given name and a capitalised word follow at `j`, or after a brief there
        ("Minister for the Arts Ann Lee of …"); after a one-word brief the given name may be
        unknown when the article uses the surname alone ("Chief of Staff Toshio Tamogami of …")."""
        g = j
        if run[j].text in ("for", "of"):
            k = j + 1 + (j + 1 < len(run) and run[j + 1].text == "the")
            g = k
            while g < len(run) and _is_cap(run[g].text) and run[g].text not in self.gaz.first_names:
                g += 1
            if (g == len(run) or not _is_cap(run[g].text)) and self._unknown_name_after_brief(
                run, k + 1
            ):
                return True
        return g + 1 < len(run) and run[g].text in self.gaz.first_names and _is_cap(run[g + 1].text)

    def _unknown_name_after_brief(self, run: list[Token], g: int) -> bool:
        """Two capitalised words at `g` before a lower-case word, the second used alone elsewhere
        in the article: 'Toshio Tamogami of …' then 'Tamogami said'."""
        if g + 2 >= len(run) or not _is_lower(run[g + 2].text):
            return False
        given, surname = run[g].text, run[g + 1].text
        if not (given.isalpha() and surname.isalpha() and _is_cap(given) and _is_cap(surname)):
            return False
        if self._lookup(given) or self._lookup(surname) or surname in self.heads:
            return False
        alone = [
            at
            for at in find_all(self.text, (surname,))
            if at != run[g + 1].start
            and self.text[at - 1 : at] == " "
            and not _is_word_char(self.text[at + len(surname) : at + len(surname) + 1] or " ")
        ]
        return any(self.text[max(0, at - len(given) - 1) : at - 1] != given for at in alone)

    def _org_noun_before(self, run: list[Token]) -> bool:
        """'the magazine Scientific American', 'law firm Sidley Austin': after a noun naming a
        kind of body, the capitalised words are that body's one name."""
        start = run[0].start
        if self.text[start - 1 : start] != " " or not self.text[start - 2 : start - 1].isalpha():
            return False
        word = self.text[max(0, start - 16) : start - 1].rsplit(None, 1)[-1]
        return word in ORG_NOUNS and not (
            word in self.gaz.role_words and run[0].text in self.gaz.first_names
        )

    def _opens_nickname(self, tok: Token) -> bool:
        """Whether `tok` is the first word of a nickname in quotation marks inside a name."""
        mark = tok.start - 1
        return self.text[mark : tok.start] in NICKNAME_MARKS and nickname_end(self.text, mark) > 0

    def _names_portfolio(self, run: list[Token], i: int, n: int) -> bool:
        """'Labour Minister Ana Ruiz', 'Health Secretary': a known word naming a ministerial brief."""
        nxt = run[i + n].text if i + n < len(run) else ""
        if nxt not in _PORTFOLIO_TITLES or (i and run[i - 1].text not in self.gaz.titles):
            return False
        known = self._lookup(self._surface(run, i, n)[2])
        return known is not None and known[1] == "ORG"  # "US Secretary of State": a place stays

    def _extends_to_named_head(self, run: list[Token], i: int, n: int) -> bool:
        """'Newcastle United', 'Emirates Stadium': a known name followed by words ending in a head noun."""
        rest = run[i + n :]
        last = run[i + n - 1]
        if "'" in last.text or "’" in last.text or self.text[last.end : last.end + 1] in ("'", "’"):
            return False  # "House of Representatives' Committee on …": the body's own committee
        if not rest or any(
            _is_lower(t.text)
            and t.text not in CONNECTORS
            and not (t.text == "the" and k and rest[k - 1].text in ("of", "for"))
            for k, t in enumerate(rest)
        ):
            return False
        heads = self.heads
        words = [strip_possessive(t.text) for t in rest]
        if words[0] == "and" and len(rest) > 1 and self._known(run, i + n + 1) == len(rest) - 1:
            return False  # "the United States and United Kingdom": two known names
        if words[-1] in heads:
            # "U.S. Securities and Exchange Commission": the country's own known body instead
            return self._country_body(run, i, n) != len(rest)
        if any(w in heads and nxt in _AFTER_HEAD for w, nxt in pairwise(words)):
            return True  # "American Airlines and …", "US Commission on Presidential Debates"
        # "Islamic State of Iraq and Syria": a known body named after the places it claims
        known = self._lookup(self._surface(run, i, n)[2])
        return (
            known is not None
            and known[1] == "ORG"
            and words[0] == "of"
            and self._names_places(words[1:])
        )

    def _names_places(self, words: list[str]) -> bool:
        """Whether `words` ("the United States", "Iraq and Syria") are known places joined by
        "and": "Supreme Court of the United States" is one body."""
        if words[:1] == ["the"]:
            words = words[1:]
        names = " ".join(words).split(" and ")
        return bool(words) and all(self.gaz.known.get(name) == "PLACE" for name in names)

    def _compass_kind(self, run: list[Token], i: int, n: int, before: str) -> str | None:
        """PLACE or GROUP when the known name at run[i] is a place, or a nationality ending the
        name after a compass word (`before`), so that the word makes one name with it."""
        known = self._lookup(self._surface(run, i, n)[2])
        if known is None or known[1] not in ("PLACE", "GROUP"):
            return None
        if known[1] == "PLACE":
            return "PLACE"
        ends = i + n == len(run) or _is_lower(run[i + n].text)  # "Northern American and …"
        return "GROUP" if ends and before != "Greater" else None

    def _levels_a_body(self, run: list[Token], i: int, n: int, pending: list[Token]) -> bool:
        """'National Security Council', 'Federal Parliament': words naming a body's level right
        before a known body's name make a body of its own, not the UN's council or a parliament."""
        if not all(t.text in _BODY_LEVELS for t in pending):
            return False
        known = self._lookup(self._surface(run, i, n)[2])
        return known is not None and known[1] == "ORG"

    def _country_body(self, run: list[Token], i: int, n: int) -> int:
        """'United States House of Representatives': a known place right before a known
        organisation names the country's own body; the organisation's length, or 0."""
        n_rest = self._known(run, i + n) if i + n < len(run) else 0
        last = run[i + n - 1]
        if n_rest and ("'" in last.text or self.text[last.end : last.end + 1] in ("'", "’")):
            return 0  # "the United States' Centers for Disease Control": the body, then the place
        if not n_rest or not (
            self._is_place(run, i, n)
            or (n == 1 and n_rest > 1 and self.gaz.known.get(run[i].text) == "GROUP")
        ):  # "Libyan House of Representatives", but "the Republican Senate" is the Senate
            return 0
        rest = self._lookup(self._surface(run, i + n, n_rest)[2])
        return n_rest if rest and rest[1] == "ORG" else 0

    def _inside_name(
        self, run: list[Token], i: int, n: int, pending: list[Token], person_cue: bool = False
    ) -> bool:
        """'Nathan Lyon' and 'Sofia Marchetti' are people, 'Universities UK' and 'Bank of Ghana'
        organisations, despite the known word in them; so is 'Actor Denzel Washington'."""
        known = self._lookup(self._surface(run, i, n)[2])
        if known is None:
            return False
        if known[1] in ("GROUP", "LANGUAGE"):
            return self._surname_like_group(run, i, n, pending) or self._group_in_body(
                run, i, n, pending
            )
        if (
            pending
            and pending[-1].text in ("of", "for", "on", "the")
            and not (
                i + n == len(run)
                and all(_is_lower(t.text) for t in pending)
                and self.text[run[-1].end : run[-1].end + 1] not in _NAME_DASHES
            )
        ):  # "Bank of Ghana", but "the President of the United States": a title cut before
            # (but "the Harvard–Smithsonian Center": a name goes on past the dash)
            return True
        if n == 1 and run[i].text in self.gaz.first_names and self._name_follows(run, i + 1):
            return True
        if not pending:
            return False
        if n == 1 and (
            pending[-1].text in self.gaz.first_names or (person_cue and len(pending) == 1)
        ):
            return True
        if (
            n == 1
            and len(pending) > 1
            and len(pending[-1].text) == 1
            and pending[-1].text.isupper()
            and pending[-2].text in self.gaz.first_names
        ):
            return True  # "William S. Saturn", "Sam C. Jackson": a surname after an initial
        return i + n == len(run) and pending[-1].text in self.gaz.org_words

    def _known_word_as_given_name(self, run: list[Token], i: int) -> bool:
        """'Chelsea Staub, agreed', 'Austin Merrow … Merrow said': a place's or a club's word
        before an unknown surname ending the run is a given name when the pair or the surname
        alone is the subject of a speech verb."""
        known = self._lookup(run[i].text)
        if i + 2 != len(run) or known is None or known[1] not in ("PLACE", "ORG"):
            return False
        surname = run[i + 1]
        word = surname.text
        if (
            not word.isalpha()
            or _is_upper(word)
            or word in self.gaz.org_words
            or word.lower() in self.gaz.common_words
            or self._lookup(word) is not None
        ):
            return False
        for at in find_all(self.text, (word,)):
            end = at + len(word)
            if (at and _is_word_char(self.text[at - 1])) or (
                end < len(self.text) and _is_word_char(self.text[end])
            ):
                continue
            m = _SPEECH_VERB_AFTER.match(self.text, end)
            if m and m.group(1) in SPEECH_VERBS:
                return True
        return False

    def _surname_like_group(self, run: list[Token], i: int, n: int, pending: list[Token]) -> bool:
        """'Hassan English', 'Ahmed al Kurd': a nationality's word ending a run after a given
        name (and a particle) is the person's surname."""
        if n != 1 or i + 1 != len(run) or not 1 <= len(pending) <= 2:
            return False
        if run[i].text.endswith("s"):
            return False
        if len(pending) == 2 and pending[1].text not in PARTICLES:
            return False  # "Ann Lee British champion": a full name, then a nationality
        if pending[0].text in self.gaz.first_names:
            return True
        return (  # "Serdar Tatar, Mohamad Shnewer and …": in a list of names
            len(pending) == 1
            and self._word_before(pending[0].start) not in _PREPOSITIONS_OF_PLACES
            and self._plain_name([pending[0].text])
            and not self._lookup(pending[0].text)
            and _AFTER_PERSON_SURNAME.match(self.text, run[i].end) is not None
        )

    def _group_in_body(self, run: list[Token], i: int, n: int, pending: list[Token]) -> bool:
        """'Organization of American States', 'Society of American Archivists': a nationality
        after a body's head noun and "of"/"for", with more of the name after it, is inside it."""
        return (
            len(pending) > 1
            and pending[-1].text in ("of", "for")
            and i + n < len(run)
            and _is_cap(run[i + n].text)
            and any(strip_possessive(t.text) in self.gaz.org_words for t in pending[:-1])
        )

    def _name_follows(self, run: list[Token], i: int) -> bool:
        """Whether run[i] is a capitalised word that is neither known, a head noun, nor a title."""
        if i >= len(run) or not _is_cap(run[i].text) or run[i].text in CALENDAR:
            return False
        word = strip_possessive(run[i].text)
        return (
            word not in self.heads
            and not self._known(run, i)
            and not self._title(run, i)
            and word not in COMPASS
        )

    def _part_of_longer_name(self, run: list[Token], i: int, n: int) -> bool:
        """'West Texas Intermediate', 'Paris Agreement': a place name inside another name (but
        "governor of Alaska Sarah Palin": a known first name and a surname follow the place)."""
        return (
            n == 1
            and self._is_place(run, i, n)
            and self._name_follows(run, i + 1)
            and not (
                i + 2 < len(run)
                and _is_cap(run[i + 2].text)
                and (
                    (
                        self.text[max(0, run[i].start - 4) : run[i].start] in (" of ", " to ")
                        and (
                            run[i + 1].text in self.gaz.first_names
                            or self._title_before_posting(run[i].start - 4)
                        )
                    )
                    or (
                        self.text[max(0, run[i].start - 4) : run[i].start] == " in "
                        and run[i + 1].text in self.gaz.first_names
                        and self._role_before_posting(run[i].start - 4)
                    )
                )
            )
        )

    def _role_before_posting(self, at: int) -> bool:
        """'the UN representative in Burundi Carolyn McAskie': a role word right before " in "
        and a place (at `at`), so a given name after the place opens its holder's name."""
        word = self.text[max(0, at - 20) : at].rsplit(None, 1)[-1:]
        return bool(word) and word[0].lower() in self.gaz.role_words

    def _title_before_posting(self, at: int) -> bool:
        """'the US Ambassador to Iraq Zalmay Khalilzad': a title right before " to "/" of " and
        a place (at `at`), so the words after the place are its holder's name."""
        word = self.text[max(0, at - 20) : at].rsplit(None, 1)[-1:]
        return bool(word) and word[0] in self.gaz.titles

    def _is_place(self, run: list[Token], i: int, n: int) -> bool:
        known = self._lookup(self._surface(run, i, n)[2])
        return known is not None and known[1] == "PLACE"

    def _brief_then_full_name(self, run: list[Token], j: int) -> bool:
        """'Minister for the Olympics Tessa Jowell': a brief after a title, then a known given
        name and a surname ending the run (the brief's thing word makes no thing's name)."""
        if j >= len(run) or run[j].text not in ("for", "of"):
            return False
        k = j + 1 + (j + 1 < len(run) and run[j + 1].text == "the")
        return (
            len(run) - k >= 3
            and all(_is_cap(t.text) for t in run[k:])
            and run[-2].text in self.gaz.first_names
            and run[-1].text not in THING_WORDS
        )

    def _skip_portfolio(self, run: list[Token], i: int) -> int:
        """After 'Minister', skip 'for International Affairs' or 'for the Environment' when a
        name follows it."""
        if i >= len(run) or run[i].text not in ("for", "of"):
            return i
        first = i + 1 + (i + 1 < len(run) and run[i + 1].text == "the")
        j = first
        while j < len(run) and _is_cap(run[j].text):
            j += 1
        if j - first < 3 or strip_possessive(run[j - 1].text) in self.heads:
            return i  # "Dean of UC Varden School of Law": a body, no name, after the title
        n = j - 2 - first
        if n and self._is_place(run, first, n):  # "First Minister of Scotland Nicola Sturgeon"
            start, end, surface = self._surface(run, first, n)
            name, kind = self._lookup(surface) or (surface, "PLACE")
            cand = Candidate(start, end, surface, n, kind, 3)
            cand.display = name if name != surface else None
            self.candidates.append(cand)
        if j - first > 3 and run[j - 3].text in self.gaz.first_names:
            return j - 3  # "Minister of Information Ann Azim Khan": a given name and two more
        return j - 2

    def _joins(self, run: list[Token], i: int, pending: list[Token]) -> bool:
        if not pending or i + 1 >= len(run):
            return False
        word = run[i].text
        heads = self.heads
        if word == "on":  # "Committee on Foreign Affairs", "Convention on Climate Change"
            return pending[-1].text in self.gaz.org_words
        if word in ("of", "for"):
            if run[i + 1].text in self.gaz.first_names:
                return False
            if pending[-1].text in heads or any(t.text in ("of", "for") for t in pending):
                return True
            if word == "of" and pending[-1].text == "House" and run[i + 1].text.endswith("s"):
                return True  # "House of Councillors", "House of Delegates": a chamber
            if word == "for" and self._for_cause_body(run, i, pending):
                return True
            # "International Committee on Taxonomy of Viruses" (but "… on Trade of New York")
            return any(t.text == "on" for t in pending) and not self._known(run, i + 1)
        right = []
        for t in run[i + 1 :]:
            if _is_lower(t.text):
                break
            right.append(t)
        if not right:
            return False
        joined = any(t.text in ("of", "for", "on") for t in pending)
        n_known = self._known(run, i + 1)
        if n_known:
            # "Port Authority of New York and New Jersey": one body named after two places
            return (
                joined
                and word == "and"
                and i + 1 + n_known == len(run)
                and self._is_place(run, i + 1, n_known)
                and any(
                    self._is_place(pending, len(pending) - k, k)
                    for k in (1, 2, 3)
                    if k < len(pending)
                )
            )
        if word == "&":
            return len(right) <= 3  # "Marks & Spencer": an ampersand between capitals joins a name
        if joined and (self._opens_second_body(run, i + 1) or _is_acronym(right[0].text)):
            return False  # "University of Kelmouth and Centre for Marine Studies", "University
            # of Bristol and UC Davis", "the Department of Energy and KELCO": two bodies
        if joined and len(right) == 2 and right[0].text in self.gaz.first_names:
            return False  # "University of Kelmouth and Ann Lee of Acme": a person, not a body
        if joined:
            # "Committee for Domestic and External Security Coordination": an adjective right
            # after "of"/"for" ends no name, the words after "and" finish it
            return len(right) <= 2 or (
                len(right) <= 4
                and len(pending) > 1
                and pending[-2].text in ("of", "for")
                and pending[-1].text.endswith(_ADJECTIVE_ENDINGS)
            )
        # "American Airlines and JetBlue" are two; "University and College Union" (a head noun
        # alone before "and" names nothing by itself) is one
        if len(pending) > 1 and pending[0].text in self.gaz.first_names:
            return False  # "Randy Leonard and Multnomah County district attorney …": two
        last = right[-1].text  # "Food and Agriculture Organization's chief": its possessive
        if "'" in last or "’" in last:
            last = strip_possessive(last)
        return last in heads and (pending[-1].text not in heads or len(pending) == 1)

    def _for_cause_body(self, run: list[Token], i: int, pending: list[Token]) -> bool:
        """'the Cinema for Peace Foundation', 'Americans for Prosperity Foundation': one word (no
        known name but a people's), "for" and a cause ending in a body's head noun name one body
        (run[i] is the "for")."""
        first = pending[0]
        if len(pending) != 1 or first.sentence_start or first.text in self.gaz.first_names:
            return False
        right = []
        for t in run[i + 1 : i + 5]:
            if _is_lower(t.text):
                break
            right.append(t)
        return (
            0 < len(right) <= 3
            and strip_possessive(right[-1].text) in self.gaz.org_words
            and (i + 1 + len(right) == len(run) or _is_lower(run[i + 1 + len(right)].text))
            and (self._lookup(first.text) or ("", "GROUP"))[1] == "GROUP"  # "Americans for …"
        )

    def _opens_second_body(self, run: list[Token], i: int) -> bool:
        """Whether run[i] opens a name of its own: a head noun followed by "of" or "for"."""
        return (
            run[i].text in self.gaz.org_words
            and i + 1 < len(run)
            and run[i + 1].text in ("of", "for")
        )

    def _add_known(self, run: list[Token], i: int, n: int, suffix_cue: str | None) -> None:
        start, end, surface = self._surface(run, i, n)
        name, kind = self._lookup(surface) or (surface, "PLACE")
        if (
            kind == "ORG"
            and name in _SEATS
            and _AT_PLACE.search(self.text, max(0, start - 12), start)
        ):
            kind = "PLACE"  # "a trip to the White House", but "the White House said"
        cand = Candidate(start, end, surface, n, kind, 3)
        if name != surface:
            cand.display = name
        if n == 1 and kind != "PERSON":
            after = self.text[end : end + 16].split(None, 1)
            cand.speaks = bool(after) and after[0] in SPEECH_VERBS  # "Jordan said": local evidence
        self.candidates.append(cand)

    def _flush(self, pending: list[Token], person_cue: bool, suffix_cue: str | None) -> None:
        if len(pending) == 1:  # one word, the commonest: only the trims and checks for one word
            first = pending[0]
            if _is_lower(first.text) or first.text == "&":
                return
            if first.text in POST_NOMINALS and self.text[first.start - 2 : first.start] == ", ":
                return  # "Mark Tedeschi, QC, said": letters after a name, no one's name
        else:
            while pending and (_is_lower(pending[-1].text) or pending[-1].text == "&"):
                pending = pending[:-1]
            while pending and (
                _is_lower(pending[0].text)
                or (
                    pending[0].text.lower() in _TITLE_FUNCTION_WORDS
                    and len(pending) > 1
                    and (pending[0].text != "The" or pending[0].sentence_start)
                )
            ):
                pending = pending[1:]
            while len(pending) > 1 and pending[0].text in _WEEKDAYS:
                pending = pending[1:]  # "on Tuesday Mitsotakis met": the day is no part of the name
            if (
                len(pending) > 2
                and pending[0].text in _MONTHS
                and pending[1].text in self.gaz.first_names
                and self._word_before(pending[0].start) in _MONTH_PREPOSITIONS
            ):
                pending = pending[1:]  # "In August William Delahunt met": the month is no name
            if not pending:
                return
            if (
                strip_possessive(pending[-1].text) == "Government"
                and pending[-2].text not in _TITLE_FUNCTION_WORDS
            ):
                # "the Australian Government", "the UK Government's": a country's or a
                # state's government, capitalised, is a body of its own (the sets annotated
                # since rules-15 name it so); "the Howard Government" is its leader's
                body = pending[:-1]
                known = self._lookup(self.text[body[0].start : body[-1].end])
                kind = known[1] if known else None
                if kind is None and len(body) > 1 and body[0].text in COMPASS:
                    rest = self._lookup(self.text[body[1].start : body[-1].end])
                    kind = rest[1] if rest else None  # "the Western Australian Government"
                if kind in ("PLACE", "GROUP") and not _ASIDE_THEN_NAME.match(
                    self.text, pending[-1].end
                ):  # but "the Japanese Government (Mombusho) Scholarship": a longer name's words
                    start, end, surface = self._surface(pending, 0, len(pending))
                    self.candidates.append(Candidate(start, end, surface, len(pending), "ORG", 2))
                elif known:
                    self._add_known(body, 0, len(body), None)
                else:
                    first = body[0]
                    leader = len(body) == 1 and self._leader_of_term(
                        [first.text],
                        first.text,
                        first.start,
                        self.text[first.end : first.end + 40].lower(),
                    )  # "the Howard Government": as "the Howard government", its leader
                    self._flush(body, leader, None)
                return
            while (
                len(pending) > 1
                and pending[-1].text.lower() in self.gaz.role_words
                and pending[-2].text not in ("of", "for", "the", "and")
                and any(strip_possessive(t.text) in self.gaz.org_words for t in pending[:-1])
            ):
                pending = pending[:-1]  # "the State Department Spokesperson": the body, then a role
            if (
                len(pending) == 1
                and pending[0].text in POST_NOMINALS
                and self.text[pending[0].start - 2 : pending[0].start] == ", "
            ):
                return  # "Mark Tedeschi, QC, said": letters after a name, no one's name
            if len(pending) >= 3 and self._occupation_before_person(pending):
                pending, person_cue = pending[1:], True  # "Ranger Ann Lee", "Co-author Ann Lee"
            split = self._person_at_end(pending) if len(pending) >= 3 else 0
            if split:  # "Kelmouth County Attorney John Reid": the body, then its officer
                body = pending[:split]
                while body and body[-1].text.lower() in self.gaz.role_words:
                    body = body[:-1]
                if body and len(body) <= 2 and body[-1].text in _OFFICE_PAPER_HEADS:
                    body = []  # "Examiner Jane Lowe", "Medical Examiner Jane Lowe": her office
                self._flush(body, False, None)
                pending, person_cue, suffix_cue = pending[split:], True, None
        start, end, surface = self._surface(pending, 0, len(pending))
        words = len(pending)
        if words == 1 and "." in surface:
            title, _, surname = surface.partition(".")
            if title in _GLUED_TITLES and _is_cap(surname) and "." not in surname:
                # "Mr.Bush said": a title glued to the surname, no space between
                start, surface, person_cue = start + len(title) + 1, surname, True
        if words > 2 and pending[-1].text in _GENERATION_WORDS and self.text[end : end + 1] == ".":
            end += 1  # "Ann Lee Jr. said": the suffix's full stop is the name's, "said" follows
            surface = self.text[start:end]
        if words == 1 and len(surface) == 1:
            cand = Candidate(start, end, surface, 1)
            if self._platform_cue(start, end):
                cand.type, cand.strength = "ORG", 2
                self.candidates.append(cand)
            return
        cand = Candidate(start, end, surface, words, sentence_start=pending[0].sentence_start)
        cand.type, cand.strength = self._type_of(
            pending, surface, person_cue, suffix_cue, start, end
        )
        self.candidates.append(cand)

    def _word_before(self, start: int) -> str:
        """The word right before `start`, in lower case ("" at the text's start)."""
        words = self.text[max(0, start - 12) : start].split()
        return words[-1].lower() if words else ""

    def _occupation_before_person(self, pending: list[Token]) -> bool:
        """'Ranger Ann Lee said', 'and Co-author Ann Lee', 'and CEO Ann Lee': a role word, or
        an unknown word opening the sentence, before a known first name and one or two more
        capitalised words is the person's occupation, not part of the name."""
        if not 3 <= len(pending) <= 4:
            return False
        first, rest = pending[0], pending[1:]
        word = strip_possessive(first.text)
        lower = word.lower()
        if (
            word in self.gaz.first_names
            or word in self.heads
            or any(not _is_cap(t.text) or strip_possessive(t.text) in self.heads for t in rest)
            or any("." in t.text for t in rest)  # "Edward Snowden.Image: …", a caption
            or self._lookup(word)
        ):
            return False
        roles = self.gaz.role_words
        if lower in roles or lower.rsplit("-", 1)[-1] in roles:
            return rest[0].text in self.gaz.first_names or not any(
                self._lookup(t.text) or t.text.lower() in self.gaz.common_words for t in rest
            )
        return (
            first.sentence_start
            and rest[0].text in self.gaz.first_names
            # "Ranger Ann Lee", "Born Ann Lee": not "Noordin Mohammad Top", named so again
            and (lower.endswith(_AGENT_ENDINGS) or self.text.count(word) == 1)
            and lower not in self.lower_seen
        )

    def _person_at_end(self, pending: list[Token]) -> int:
        """Where a person's name (a known first name and one more word) ends a longer run that
        names a body and a role before it ("Royal Society Research Fellow Ann Lee"); 0 if not."""
        if len(pending) < 3:
            return 0
        first, last, before = pending[-2], pending[-1], pending[:-2]
        role = before[-1].text.lower()
        if (
            (
                first.text not in self.gaz.first_names
                and not self._unknown_name_after_role(pending)
                and not self._unknown_name_after_body(pending)
            )
            or before[-1].text in self.gaz.first_names
            or not _is_cap(last.text)
            or strip_possessive(last.text) in self.heads
            or self._lookup(strip_possessive(last.text))
            or _is_lower(before[-1].text)
        ):
            return 0
        if (
            role in self.gaz.role_words
            or role.rstrip("s") in self.gaz.role_words
            or any(t.text in self.heads for t in before)
            or self._after_office_of(pending[0].start)
        ):
            return len(pending) - 2
        return 0

    def _unknown_name_after_role(self, pending: list[Token]) -> bool:
        """'Minetest CEO Perttu Ahola': two plain capitalised words no list knows, after a role
        word that follows a name, are a person's name (whose first name the list lacks)."""
        role, first, last = pending[-3].text, pending[-2].text, pending[-1].text
        return (
            len(pending) >= 4
            and role.lower() in self.gaz.role_words
            and all(
                w[1:].islower()
                and w not in self.heads
                and w.lower() not in self.gaz.common_words
                and not self._lookup(w)
                for w in (first, strip_possessive(last))
            )
        )

    def _unknown_name_after_body(self, pending: list[Token]) -> bool:
        """'the attorney for the Eastern District of Kelmouth Ann Orrow': two plain words no
        list knows, after a known name that an office's "of"/"for" opens, are its officer's
        name."""
        first, last, body = pending[-2].text, strip_possessive(pending[-1].text), pending[:-2]
        if not self._plain_name([first, last]) or self._lookup(first) or self._lookup(last):
            return False
        if any(not _is_cap(w) or "." in w for w in (first, last)):
            return False
        return self._after_office_of(pending[0].start) and any(
            self._lookup(self._surface(body, len(body) - n, n)[2])
            for n in (1, 2, 3)
            if n <= len(body)
        )

    def _after_office_of(self, start: int) -> bool:
        """Whether "Director of", "the chair of the", "spokesperson for the" comes right before
        `start`: the run after it names a body, and a person named at its end holds that office
        ("Director of National Intelligence Ann Lee")."""
        words = self.text[max(0, start - 40) : start].split()
        if words and words[-1] == "the":
            words.pop()
        if len(words) < 2 or words[-1] not in ("of", "for"):
            return False
        office = words[-2]
        return office.lower() in self.gaz.role_words or office in self.gaz.titles

    def _type_of(
        self,
        toks: list[Token],
        surface: str,
        person_cue: bool,
        suffix_cue: str | None,
        start: int,
        end: int,
    ) -> tuple[str | None, int]:
        kind, strength = self._evidence(toks, surface, person_cue, suffix_cue, start, end)
        if kind == "PERSON" and len(toks) > 1 and toks[-1].text in _NO_SURNAMES:
            return None, 0  # "the James Webb Space Telescope", "Marine One": a thing named
        if strength > 1:
            return kind, strength
        if kind == "PERSON" and any(t.text in THING_WORDS for t in toks):
            return None, 0  # "Climate Change said": a thing named with a weak cue is not a person
        if kind == "PERSON" and len(toks) == 1 and self._known_place_before(start):
            return None, 0  # "the United States Embassy in Baghdad": the country's embassy
        if kind == "PERSON" and toks[0].sentence_start and toks[0].text.endswith("ing"):
            return None, 0  # "Preserving Raleigh-Durham": a verb opening a sentence
        if kind == "PERSON" and (
            _HAS_DIGIT.search(surface) or (len(toks) == 1 and _NUMBER_AFTER.match(self.text, end))
        ):
            return None, 0  # "SARS-CoV-2", "at Category 5": codes and numbered things
        if len(toks) > 1 and surface.isupper():
            return None, 0  # "OMNE TRIUM PERFECTUM": a phrase in capitals, not a name
        if self._in_heading(start):
            return None, 0  # "Sector Breakdown": headings capitalise every word
        return kind, strength

    def _leader_of_term(self, words: list[str], surface: str, start: int, after: str) -> bool:
        """'the Kelbrook government', 'the Marlowe administration', 'Ovid Tarrant's presidency':
        a name that no list knows, standing for a government or a term of office, is its
        leader's (a party, a nation or an adjective is known or reads as one)."""
        possessive = after[:2] in _POSSESSIVE_ENDINGS and not _is_word_char(after[2:3])
        rest = after[2:] if possessive else after
        m = _LEADER_TERM.match(rest)
        if m is None or len(words) > 3 or (m.group(1) == "rule" and not possessive):
            return False
        if not possessive and (
            len(words) > 1
            or self.text[start - 4 : start] not in ("the ", "The ")
            or words[0].endswith(_QUALIFIER_ENDINGS)  # "the Provisional government"
            or words[0] in _GOVERNMENT_QUALIFIERS
        ):
            return False
        return (
            all(_is_cap(w) and not _is_upper(w) and "." not in w for w in words)
            and self._plain_name(words)
            and not self._lookup(surface)
            and not any(self._lookup(w) for w in words)
        )

    def _named_kin(self, words: list[str], surface: str, kin: bool, after: str) -> bool:
        """'his wife, Maureen', 'daughters Ama and …', 'Laura and I welcome': a name right after
        a word of kinship (`kin`), or a given name before "and I", is a person's."""
        if len(words) > 3:
            return False
        if not kin and not (
            len(words) == 1 and words[0] in self.gaz.first_names and _AND_I.match(after)
        ):
            return False
        return (
            self._plain_name(words)
            and not self._lookup(surface)
            and not any(_is_upper(w) and len(w) > 1 for w in words)
        )

    def _plain_name(self, words: list[str]) -> bool:
        """Whether `words` hold no known name, head noun, title, role or common word."""
        gaz = self.gaz
        return not any(
            w in gaz.known
            or w in self.heads
            or w in gaz.org_words
            or w in gaz.place_words
            or w in gaz.titles
            or w.lower() in gaz.role_words
            or w.lower() in gaz.common_words
            or w.lower() in self.lower_seen
            for w in words
        )

    def _capitalised_before(self, start: int) -> bool:
        """Whether the word one space before `start` is capitalised (the end of a name)."""
        at = self.text.rfind(" ", 0, start - 1) + 1
        return start - at > 1 and self.text[at].isupper()

    def _known_place_before(self, start: int) -> bool:
        """Whether a known place ends one space before `start`, in the same name's run (the
        place is the candidate found last)."""
        if not self.candidates:
            return False
        prev = self.candidates[-1]
        return prev.end == start - 1 and prev.type == "PLACE" and prev.strength >= 3

    def _in_heading(self, pos: int) -> bool:
        if not self.heading_starts:
            return False  # most articles have no heading
        k = bisect.bisect_right(self.heading_starts, pos) - 1
        return k >= 0 and pos < self.headings[k][1]

    def _evidence(
        self,
        toks: list[Token],
        surface: str,
        person_cue: bool,
        suffix_cue: str | None,
        start: int,
        end: int,
    ) -> tuple[str | None, int]:
        gaz = self.gaz
        if len(toks) == 1:  # most candidates are one word
            word = toks[0].text
            words = [strip_possessive(word) if "'" in word or "’" in word else word]
            if words[0] in CALENDAR:
                return None, 0  # "Saturday", "December": dates, never names
            if surface[-2:] in _OWN_S:
                return "ORG", 2  # "McDonald's said": its "'s" kept (_own_possessive), a business
            if "-" in word and _all_groups(word.split("-"), gaz) and self._role_after(end):
                return "GROUP", 2  # "a Korean-Canadian actor" (but "the Syrian-Turkish border")
        else:
            words = [
                strip_possessive(t.text) if "'" in t.text or "’" in t.text else t.text for t in toks
            ]
            if all(w in CALENDAR for w in words):
                return None, 0
        if len(words) > 2 and not _TITLE_WORDS.isdisjoint(words[1:]):
            return None, 0  # "The Man Who Knew Too Much", "The World Is Poorer Than We Thought":
            # a pronoun or "is" inside a name makes it a title (books, films, reports), no body
        if words[0] == "The" and not person_cue and len(words) > 1:
            words = words[1:]
            if (
                not toks[0].sentence_start
                and not self._in_heading(start)
                and self.text[start - 1 : start] not in _QUOTE_MARKS
            ):
                if (
                    self._work_before(start)
                    or _TITLE_GOES_ON.match(self.text, end)
                    or _BY_AUTHOR.match(self.text, end)  # "The Moral Landscape by Sam Harris"
                    or words[-1] in _NO_BODY_LAST  # "on The Late Show with …": a show
                ):
                    return None, 0  # "the film The Last Days", "Dawkins' The God Delusion"
                return "ORG", 2  # "in The Lancet": a capital "The" mid-sentence names a title
        if not words or (len(words) == 1 and words[0].lower() in gaz.common_words):
            return None, 0
        after = self.text[end : end + 40]
        if _is_acronym(surface) and _NUMBER_AFTER.match(after):
            return None, 0  # a market index: "FTSE 100", "CAC 40"
        if surface in _TIME_ZONES and _CLOCK_BEFORE.search(self.text, max(0, start - 14), start):
            return None, 0  # a time zone: "at 11:30 am IST", "19:45 WAT"
        if "." in surface and _DOMAIN.fullmatch(surface):
            return "ORG", 2  # "Kestrel.com.au": an outlet named by its web address
        if person_cue:
            return "PERSON", 2
        if suffix_cue:
            return suffix_cue, 2
        if len(toks) == 1 and self._no_one_word_cue(words[0], toks[0], surface, start, after):
            return None, 0  # most one-word names: no cue below can fire (a cheap proof)
        if len(words) > 1 and self._told_the_before(start):
            return "ORG", 2  # "told the Toronto Star", "telling the Nevada Independent": a
            # person told something is never "the" someone
        if (
            len(words) > 1
            and words[0] in gaz.first_names
            and self._first_name_decides(words, start, after)
        ):
            return "PERSON", 2  # most full names: the first-name rule below (a cheap proof)
        if after[:1] in _LEADER_OPENINGS and self._leader_of_term(words, surface, start, after):
            return "PERSON", 1  # "the Kelbrook government", "Ovid Tarrant's presidency"
        if (
            (after[:1] in ("'", "’") and _ORG_POSSESSION.match(after))
            or (self.text[start - 4 : start] in (" of ", " in ") and self._shares_of(start))
            or (
                after[:2] in _OFFICER_OPENINGS
                and _OFFICER_AFTER.match(after)
                and words[0] not in gaz.first_names
            )
            or self._deal_before(start)
        ):
            return "ORG", 2  # "Quorvex's chief executive", "shares of Quorvex", "Quorvex boss
            # Ann Lee", "a takeover bid for Quorvex": only a company has these
        of_at = words.index("of") if "of" in words else -1
        if (
            of_at >= 0
            and (words[-1] in _SPEECH_HEADS or _ADDRESS_AFTER.match(after) is not None)
            and not any(w in gaz.org_words for w in words[:of_at])
            and words[0] not in PLACE_OPENERS  # "his Isle of Wight address": a place's
            and not self._lookup(surface)
            and not (
                words[of_at + 1] != "the" and self._lookup(" ".join(words[of_at + 1 :]))
            )  # "a City of London address"
        ):
            return None, 0  # "the State of the Union address": a speech, no place (but "the
            # University of Leeds address" is the university's)
        head = (
            words[:of_at] if of_at >= 0 else words[: words.index("for")] if "for" in words else None
        )
        if len(words) > 1 and (head or words)[-1] in _NOT_NAME_HEADS:
            return None, 0  # "Academy Award", "Ballot Interference Prevention Act": no body
        if (
            len(words) > 1
            and (words[-1] in _NOT_BODY_LAST or _is_version(words[-1]))
            and words[0] not in gaz.first_names
        ):
            return None, 0  # "Research Fellow", "Commercial Crew Program", "Earth Day", "Mac OS
            # X", "Red Hat Enterprise Linux": no body (products are not annotated)
        if len(words) > 1 and (
            words[-1] in _FACILITY_HEADS
            or (words[-1] in _FACILITY_LAST and " ".join(words[-2:]) in _FACILITY_PAIRS)
        ):
            return "PLACE", 2  # "Gatot Soebroto Army Hospital", "Kennedy Space Center": a site
        if words[-2:] == ["of", "Fame"]:
            return "ORG", 2  # "the Rock & Roll Hall of Fame": a museum, an institution (not a hall)
        if head and (
            any(w in gaz.org_words for w in head) or gaz.known.get(" ".join(head)) == "ORG"
        ):  # "Islamic State of Iraq and Syria": a known body's name goes on (not "State")
            return "ORG", 2
        if head and head[-1] == "House" and words[len(head) + 1 : len(head) + 2] != ["the"]:
            return "ORG", 2  # "House of Councillors": a chamber (not "House of the Dragon")
        if head and any(w in gaz.place_words for w in head):
            return "PLACE", 2
        if words[-1] in gaz.org_words:
            # a head noun alone ("Steel", "Mining", "the Union") is weak evidence: it types no
            # list of names ("Guns, Germs, and Steel", a book)
            return "ORG", 2 if len(words) > 1 else 1
        if words[-1] in gaz.place_words and len(words) > 1:
            return "PLACE", 2
        if words[0] in PLACE_OPENERS and len(words) > 1:
            return "PLACE", 2
        before = self.text[max(0, start - 60) : start].lower().split()
        kin = (
            bool(before)
            and before[-1].rstrip(",") in _KIN_NOUNS
            and (
                any(_determines_kin(w) for w in before[-3:-1])
                or _KIN_NAME_END.match(after) is not None
            )
        )  # "his wife Ann said", "wife Maureen.", "children Bo and Al", not "children Creating art"
        if (kin or after[:7] == " and I ") and self._named_kin(words, surface, kin, after):
            return "PERSON", 2  # "survived by his wife, Maureen", "Laura and I welcome"
        if (
            before
            and before[-1] in ORG_NOUNS
            and not (
                words[0] in gaz.first_names
                and (before[-1] in gaz.role_words or self._capitalised_before(start))
            )
        ):  # "the carmaker Ladon Motors", but "actor and producer Ann Lee" is a person, and so
            # is "the Security Council Ann Lee": the council's name ends before her given name
            return "ORG", 2
        if before and before[-1] in ("daily", "weekly") and self._newspaper_before(start):
            return "ORG", 2  # "Greek daily Kathimerini", "the weekly Der Kurier"
        if (
            len(before) >= 2
            and before[-1] == "of"
            and before[-2] in _PERSON_EVENTS
            and 2 <= len(words) <= 3
            and self._plain_name(words)
        ):
            return "PERSON", 2  # "the assassination of Rafiq Hariri", "the trial of Ann Lee"
        if (
            before
            and before[-1].endswith("-year-old")
            and len(words) <= 3
            and before[-2:-1] not in (["the"], ["a"], ["an"])  # "the 24-year-old Spaniard"
        ):
            return "PERSON", 2  # "Fifteen-year-old Robert said": an age before a name
        if (
            len(words) <= 2
            and self._named_as_ending_before(start)
            and self._named_as_person(start, words[0])
        ):
            return "PERSON", 2  # "a protester using the pseudonym Katya"
        if (
            before
            and before[-1].endswith(",")
            and before[-1][:-1] in ORG_NOUNS
            and after.startswith(",")
            and not _ROLE_OF_BEFORE.search(self.text, max(0, start - 80), start)
            and not (len(words) > 1 and self._role_for_body_before(start))
            and not _PERSON_AGE.match(after)  # "the Unionist Party, Ian Paisley, 81,": its leader
        ):  # but "the president of the European Central Bank, Jean-Claude Trichet, said"
            return "ORG", 2  # "the national copper commission, Cochilco, said"
        if (
            after[:1] == ","
            and _DESCRIBED_AS_BODY.match(self.text, end)
            and self.text[start - 4 : start] != "and "  # "Security and Investigations, a firm"
        ):
            return "ORG", 2  # "Arla, the main Danish provider of dairy products", "Hutchison,
            # the company which operates the network": a body described after a comma
        if len(before) >= 2 and before[-1] == "of" and before[-2] in PLACE_OF_NOUNS:
            return "PLACE", 2
        if self._platform_cue(start, end):
            return "ORG", 2
        if after[:1] == "," and _COMMA_WORD.match(after):
            nxt = _COMMA_NAME.match(after)
            if (
                nxt
                and gaz.known.get(nxt.group(1).strip()) == "PLACE"
                and len(words) <= 3
                and not self._role_after(end + nxt.end())
                and not (
                    len(words) > 1
                    and words[0] in gaz.first_names
                    and words[-1] not in _PLACE_HEADS
                    and not (before and before[-1] in _PLACE_PREPOSITIONS)
                    and self._person_apposition(end + nxt.end())
                )
            ):  # "Croydon, South London", "near Alice Springs, Australia", but not "Hernan
                # Gomez, Panama coach, said" nor "Adrian Wojnarowski, US sport columnist, said"
                return "PLACE", 2
        rest_after = (
            after[2:]
            if after[:2] in _POSSESSIVE_ENDINGS and not _is_word_char(after[2:3])
            else after
        )  # "Acme's revenue": the word after the possessive
        parts = rest_after.split(None, 1)  # [] when only spaces are left
        next_word = parts[0].lower().strip(".,;:") if parts else ""
        if (
            (
                next_word in _MEDIA_VERBS
                and not (
                    len(words) > 1
                    and (
                        (before and before[-1] in gaz.role_words)
                        or (words[0] in gaz.first_names and words[-1] not in gaz.org_words)
                    )
                )
            )  # but "journalist Ron Suskind reported", "VOA's David Gollust reports": a reporter
            or (
                (
                    next_word in _OUTLET_NOUNS
                    or (
                        next_word in _BODY_NOUNS_AFTER
                        and words[0] not in gaz.first_names
                        and _names_one_body(self.text[max(0, start - 60) : start], next_word)
                    )
                )
                and rest_after[:1] == " "
                and (next_word[-1] != "s" or self.text[start - 5 : start] == " and ")
            )  # "Maariv newspaper", "the Sun and Daily Mirror newspapers" (not "the Murdoch
            # newspapers": a proprietor's)
            or (_media_before(before) and not self._person_interviewed(words, before))
        ):
            return "ORG", 2  # "published in Nature Astronomy", "Business Insider reported"
        if next_word in PLACE_NOUNS:
            return "PLACE", 1
        if next_word in ("mayor", "governor", "premier", "council", "capital") and after.startswith(
            ("'s", "’s")
        ):
            return "PLACE", 2
        if (
            len(words) > 1
            and any(_is_acronym(w) or w == "&" for w in words)
            and not (words[0] in gaz.first_names and _ROMAN_NUMERAL.fullmatch(words[-1]))
        ):  # but "Martin III", "Ann Lee II": a given name and a generation
            return "ORG", 1
        if (
            len(words) > 1
            and (
                words[0] in gaz.first_names
                or (len(words) > 2 and _INITIAL.fullmatch(words[0]) and words[1] in gaz.first_names)
            )  # "J. Lewis Libby", "F. Scott Orrow": an initial before the given name
            and words[-1] not in HONOURS
            and not (
                self.text[start - 4 : start] == "the "
                and not after[1:2].islower()
                and not (len(words) == 3 and _INITIAL.fullmatch(words[1]))
            )
        ):  # but "George Polk Awards" is a prize named after him, and "by the Austin
            # American-Statesman," is no one: nobody is "the" Ann Lee (but "the James Cagney
            # film" is his film, and "the Frank E. Buck Professor": a middle initial is a
            # person's)
            return "PERSON", 2
        if (
            len(words) == 3
            and words[1] in gaz.first_names
            and "." not in surface
            and not _may_open_known(words[0])
            and words[0].lower() not in self.lower_seen
            and words[0].lower() not in gaz.common_words
            and not any(w in gaz.org_words or w in gaz.place_words for w in words)
        ):
            return "PERSON", 1  # "Noordin Mohammad Top": a given name in the middle
        if len(words) > 1 and any(w in gaz.org_words for w in words):
            return "ORG", 1
        if 1 < len(words) <= 3 and not any(
            w.lower() in gaz.common_words
            or w.lower() in self.lower_seen
            or w in THING_WORDS
            or self._lookup(w)
            for w in words
        ):
            # Two or three unknown capitalised words look like a name, but only a person cue
            # makes them a person ("Rio Tinto", "Nowa Huta" are not): unconfirmed is strength 0.
            if next_word in SPEECH_VERBS and self._body_of_person_before(start):
                return "ORG", 1  # "Kris Andersen of Scripps Research said": her employer
            if next_word in SPEECH_VERBS and self._place_cue(before, start, surface):
                return "PLACE", 1  # "police in Nowa Huta said"
            if after[:1] == "," and self._employer_before(before):
                return "ORG", 1  # "head of research at Forsyth Barr, Rob Mercer, said"
            if len(before) >= 2 and (
                (before[-1] == "named" and before[-2] in _PEOPLE_NAMED)
                or (before[-1] == "as" and "identified" in before[-4:-1])
            ):
                return "PERSON", 2  # "an opposition official named Ann Orrow", "police
                # identified the men as Ann Orrow, …" (a list after it takes the type)
            if before and before[-1] in _TOLD and next_word not in SPEECH_VERBS:
                return "PERSON", 0  # "he told Ekho Moskvy": with no given name, an outlet as
                # often as a person; unconfirmed, no one (but "Baran said" later confirms)
            if (
                next_word in SPEECH_VERBS
                or (before and before[-1] in SPEECH_VERBS)
                or (
                    "," in self.text[max(0, start - 3) : start]  # the pattern ends with ",\s$"
                    and _INVERTED_SPEAKER_BEFORE.search(self.text, max(0, start - 160), start)
                )
                or self._person_after(after)
                or (before and before[-1].rstrip(",") in gaz.role_words)
                or (before and before[-1].rstrip(",").rsplit("-", 1)[-1] in gaz.role_words)
                or self._group_before(start)
                or _MEMBER_SPEAKS.match(after)
                or _COMMA_SPEECH.match(after)
                or self._of_known_place(after)
                or (
                    after[:1] == ","
                    and _ROLE_OF_BEFORE.search(self.text, max(0, start - 80), start)
                )
                or _OF_BODY_SPEAKS.match(self.text, end)
                or self._role_of_before(before)
                or (after[:1] in ("'", "’") and _PERSON_POSSESSION.match(after))
                or self._opens_paragraph_pronoun_speaks(toks, start, end)
            ):
                return "PERSON", 1
            if self._place_cue(before, start, surface):
                return "PLACE", 1  # "in Nowa Huta"
            return "PERSON", 0
        if len(before) >= 2 and before[-2:] == ["according", "to"]:
            return "ORG", 1
        if before and before[-1] == "told":
            return "ORG", 1
        if (
            len(before) > 1
            and before[-1] in ("of", "for")
            and (before[-2] in _PORTFOLIO_HOLDERS or before[-2:] == ["state", "for"])
            and not self._lookup(surface)
        ):
            return None, 0  # "the Secretary of Transportation", "Minister for Tourism": a brief
        if (
            before
            and before[-1] in ("of", "at", "for")
            and any(w in gaz.role_words for w in before[-5:-1])
        ):
            if before[-1] == "of" and (
                before[-2] in _PLACE_OFFICES or (self._lookup(surface) or ("", ""))[1] == "PLACE"
            ):
                return (
                    "PLACE",
                    1,
                )  # "the mayor of Yartsevo", "governor of New York": a place's office
            return "ORG", 1
        if len(words) == 1 and toks[0].sentence_start and self._speaks_alone(words[0], after):
            return "PERSON", 2  # "Winch said he…": an unknown single name as a speaker
        if (
            len(words) == 1
            and (next_word in SPEECH_VERBS or (before and before[-1] in SPEECH_VERBS))
            and _is_abbreviation(words[0])
            and words[0].lower() not in gaz.common_words
        ):
            return "ORG", 1  # "TfL stated", "KCNA said", "said WWF": a body's abbreviation speaks
        if next_word in SPEECH_VERBS or (before and before[-1] in SPEECH_VERBS):
            if next_word in SPEECH_VERBS and self._body_of_person_before(start):
                return "ORG", 1  # "Kris Andersen of Scripps Research said": her employer
            if next_word in SPEECH_VERBS and self._place_cue(before, start, surface):
                return "PLACE", 1  # "officials in Nakhodka said": the speakers are in it
            return "PERSON", 1
        if (
            len(words) == 1
            and ((after[:2] == ", " and _PERSON_AGE.match(after)) or self._person_after(after))
            and not _described(before)  # "the young Spaniard, who": a description
            and not (len(surface) > 2 and _is_acronym(surface))  # "Speaking to CNBC, the head
            # of the WTO, Ann Lee said": capitals alone name a body, not the person after it
        ):
            if after[:2] == ", " and _PERSON_AGE.match(after):
                # an age, even opening a sentence: "Kessler, 54, said"
                return "PERSON", 2
            speaks = _DESCRIBED_THEN_SPEAKS.match(self.text, end)
            if speaks and (speaks.group(1) in ("a", "an") or not words[0].endswith("s")):
                return "PERSON", 2  # "Vellacott, a nurse at the hospital, said"
            return "PERSON", 1  # "Moss, who"
        if (
            _is_acronym(surface)
            and len(surface) > 2
            and surface.lower() not in gaz.common_words
            and not _ROMAN_NUMERAL.fullmatch(surface)  # "II, III, IV", "the XXI century"
            and not (len(surface) > 3 and surface.lower() in self.lower_seen)
            and next_word not in _ACRONYM_THINGS  # "his PAN card", "the GBR code": a thing's
        ):  # "the LEFT … the RIGHT", "TRIAL solutions": a word written in capitals for stress
            return "ORG", 1  # two capitals alone ("ID", "PR", "IV") are abbreviations of words
        if self._place_cue(before, start, surface):
            return "PLACE", 1
        if (
            len(words) == 1
            and before
            and before[-1] in _BRAND_BEFORE
            and self._brand_name(words[0], start, after)
            and (before[-1] not in _AGENT_BEFORE or self._word_ends_a_brand(words[0]))
        ):
            return "ORG", 1  # "measured by RealClearPolitics", "hosted on GitLab"
        return None, 0

    def _brand_name(self, word: str, start: int, after: str) -> bool:
        """One word with a capital inside ("PolitiFact", "GitLab"): a firm's or a website's
        coined name, but not a surname's ("McCready", "DeJoy", "LaGuardia"), a hashtag's, a
        programming language's, nor a product's ("PlayStation 4", "a JavaScript interpreter")."""
        m = _brand_match(word)
        return (
            m is not None
            and m.group(1) not in _SURNAME_PREFIXES
            and word not in _LANGUAGES
            and word not in self.gaz.first_names
            and self.text[start - 1 : start] not in ("#", "@")
            and not _NUMBER_AFTER.match(after)
            and not _PRODUCT_AFTER.match(after)
        )

    def _word_ends_a_brand(self, word: str) -> bool:
        """'PollTracker', 'PolitiFact': a coined name ending in a word, not a given name
        ("RuPaul"), a short syllable ("PewDiePie") or a digit ("DeadMau5")."""
        m = _BRAND_LAST.search(word)
        return m is not None and m.group() not in self.gaz.first_names

    def _no_one_word_cue(self, name: str, tok: Token, surface: str, start: int, after: str) -> bool:
        """Whether no cue after the early checks of `_evidence` can fire for a one-word name
        (`name`: its word without a possessive; `after`: the 40 characters after it).

        Each test is a necessary condition of one or more of those cues (the word right before
        or after is a cue word, a comma or an apostrophe follows, the name is an
        abbreviation…), so a name passing them all is untyped without trying the cues one by
        one: three one-word candidates in five. Keep this in step with `_evidence` (the tests in
        tests/nlp/test_fast_paths.py compare the two on every cue)."""
        mark = after[:1]
        gaz = self.gaz
        if (
            _brand_match(name)
            or (after[:2] in _OFFICER_OPENINGS and _OFFICER_AFTER.match(after))
            or ((after[1:4] == "who" or after[1:2].isdigit()) and _PERSON_AFTER.match(after))
            or (len(surface) > 2 and _is_acronym(surface))
            or name in gaz.org_words
        ):
            return False
        rest_after = after
        if after[:2] in _POSSESSIVE_ENDINGS and not _is_word_char(after[2:3]):
            rest_after = after[2:]  # "Acme's newspaper": the word after the possessive
        text = self.text
        if self._deal_word_before(start) >= 0 or self._named_as_ending_before(start):
            return False  # also "shares of", which ends with " of "
        window = text[max(0, start - 60) : start].rsplit(None, 1)
        before = window[-1].lower() if window else ""  # `before[-1]` in _evidence
        # ("on" covers _platform_cue: its shorter window must hold a word before the "on")
        if (
            before in _ONE_WORD_BEFORE_CUES
            or before.endswith("-year-old")
            or before.rstrip(",") in _KIN_NOUNS
        ):
            return False
        if after[:7] == " and I " and _AND_I.match(after):
            return False  # "Laura and I welcome"
        if mark == "," and before[-1:] == "," and before[:-1] in ORG_NOUNS:
            return False  # "the copper commission, Cochilco, said"
        next_words = rest_after.split(None, 1)
        next_word = next_words[0].lower().strip(".,;:") if next_words else ""
        if next_word in _ONE_WORD_AFTER_CUES or strip_possessive(next_word) in _LEADER_TERMS:
            return False  # (also "the Kelbrook government's")
        # the cues that need a comma or an apostrophe after the name: regular expressions,
        # tried last (most names with a comma after them fail a cheaper test above)
        if mark == ",":
            if _DESCRIBED_AS_BODY.match(self.text, start + len(surface)):
                return False  # "Arla, the main Danish provider of dairy products"
            if after[:2] == ", " and self._person_after(after):
                return False  # "Moss, 41,", "Moss, a former coach" (and all _PERSON_AGE)
            place = _COMMA_NAME.match(after)  # "Croydon, London"
            if place and gaz.known.get(place.group(1).strip()) == "PLACE":
                return False
        elif mark in _APOSTROPHES and _ORG_POSSESSION.match(after):
            return False  # "Quorvex's chief executive"
        return not (tok.sentence_start and _SPEAKS_ALONE.match(after))

    def _first_name_decides(self, words: list[str], start: int, after: str) -> bool:
        """Whether a name of 2+ words opening with a first name (`words`, possessives cut) is
        typed by the first-name rule of `_evidence` (PERSON 2): no check between
        `_no_one_word_cue` and that rule can give anything else.

        Each test is a necessary condition of one or more of those checks (its last word is a
        head, "of" or "for" is in it, an apostrophe or comma follows, the word right before or
        after is a cue word…); checks that give PERSON 2 themselves ("15-year-old Ann Lee")
        need none. Keep this in step with `_evidence` (tests/nlp/test_fast_paths.py compares
        the two on every cue)."""
        gaz = self.gaz
        last = words[-1]
        if (
            last in HONOURS
            or last in _FIRST_NAME_LAST_CUES
            or last in gaz.org_words
            or last in gaz.place_words
            or words[0] in PLACE_OPENERS
            or after[:1] in _ONE_WORD_AFTER_MARKS
            or "of" in words
            or "for" in words
            or any(_is_acronym(w) or w == "&" for w in words)
        ):
            return False
        if self._deal_word_before(start) >= 0:
            return False  # also "shares of", "a stake in"
        window = self.text[max(0, start - 60) : start].rsplit(None, 1)
        before = window[-1].lower() if window else ""  # `before[-1]` in _evidence
        if before in _FIRST_NAME_BEFORE_CUES or (
            before in ORG_NOUNS and before not in gaz.role_words
        ):
            return False
        next_words = after.split(None, 1)
        next_word = next_words[0].lower().strip(".,;:") if next_words else ""
        return next_word not in _FIRST_NAME_AFTER_CUES

    def _role_for_body_before(self, start: int) -> bool:
        """'a spokeswoman for the Alberta Liquor Commission, ', 'the chairman of the auto firm, '
        right before `start`: a role word, then "of", "for" or "at" and a body named with no
        comma, in the same sentence: a name of two words or more after the comma holds the role
        (but "head of the copper commission, Cochilco," names the commission)."""
        window = self.text[max(0, start - 100) : start - 2]
        cut = max(window.rfind(","), window.rfind(". "), window.rfind('"'), window.rfind("“"))
        words = window[cut + 1 :].lower().split()
        role_words = self.gaz.role_words
        return any(
            w in role_words and nxt in ("of", "for", "at") for w, nxt in pairwise(words[:-1])
        )

    def _employer_before(self, before: list[str]) -> bool:
        """'head of research at', 'an analyst at', 'Ann Lee, with' before a name and a comma:
        the name is where someone works ("…, with Hudson Square Research, remarked")."""
        if len(before) < 2:
            return False
        if before[-1] == "at":
            return any(w.rstrip(",") in self.gaz.role_words for w in before[-6:-1])
        return before[-1] == "with" and before[-2].endswith(",")

    def _told_the_before(self, start: int) -> bool:
        """Whether "told the", "telling the", "tells the" or "tell the" ends right before `start`."""
        text = self.text
        if start < 9 or text[start - 4 : start] != "the ":
            return False
        k = text.rfind(" ", max(0, start - 13), start - 5)
        return text[k + 1 : start - 5] in _TOLD

    def _deal_word_before(self, start: int) -> int:
        """Where the space before a word of _DEAL_WORDS ending right before `start` is, -1 if
        none: `text[max(0, start - 10) : start].endswith(_DEAL_WORDS)` found by the last word
        (one search for a space and a set lookup, not a slice and eight comparisons)."""
        text = self.text
        if start < 3 or text[start - 1] != " ":
            return -1
        k = text.rfind(" ", max(0, start - 10), start - 1)
        return k if k >= 0 and text[k + 1 : start - 1] in _DEAL_WORD_SET else -1

    def _deal_before(self, start: int) -> bool:
        """'a takeover bid for', 'who also owns' right before `start`: only a company is bought."""
        k = self._deal_word_before(start)
        return (
            k >= 0
            # every match of _DEAL_BEFORE has one of these words before the deal word
            and self.text[max(0, start - 30) : k].endswith(_DEAL_BEFORE_ENDS)
            and _DEAL_BEFORE.search(self.text, max(0, start - 30), start) is not None
        )

    def _named_as_ending_before(self, start: int) -> bool:
        """`text[max(0, start - 11) : start].endswith(_NAMED_AS_ENDINGS)`, its last letter first."""
        return self.text[start - 2 : start - 1] in _NAMED_AS_LAST and self.text[
            max(0, start - 11) : start
        ].endswith(_NAMED_AS_ENDINGS)

    def _person_interviewed(self, words: list[str], before: list[str]) -> bool:
        """'in an interview with Ann Lee': a known first name and a surname, not an outlet."""
        return (
            before[-1] == "with"
            and len(words) == 2
            and words[0] in self.gaz.first_names
            and words[1] not in self.heads
            and words[1] not in self.gaz.known
        )

    def _work_before(self, start: int) -> bool:
        """Whether the word before a title opening with "The" says it is a book, film or show
        ("his memoir The Master of Disguise") or whose it is ("Dawkins' The God Delusion")."""
        before = self.text[max(0, start - 20) : start].split()
        if not before:
            return False
        word = before[-1].rstrip(",:")
        return word.lower() in _WORK_NOUNS or word.endswith(("'", "'s", "’", "’s"))

    def _newspaper_before(self, start: int) -> bool:
        """'Greek daily', 'the weekly' right before `start` (but not 'a daily Aspirin')."""
        words = self.text[max(0, start - 30) : start].split()
        if len(words) < 2:
            return False
        return words[-2] == "the" or self.gaz.known.get(words[-2]) in ("GROUP", "PLACE")

    def _person_apposition(self, end: int) -> bool:
        """'Adrian Wojnarowski, US sport columnist from ESPN, said': after a name's ", Country",
        a role noun within three words, or a speech verb closing the apposition."""
        tail = self.text[end : end + 120]
        head, comma, rest = tail.partition(",")
        words = [w.strip(".;:").lower() for w in head.split()[:3]]
        if any(
            w in self.gaz.role_words or w in _PEOPLE_NOUNS or w[:-1] in self.gaz.role_words
            for w in words
        ):  # "US sport columnist", "US presidents George Washington and …"
            return True
        verb = rest.split(None, 1)[:1] if comma else []
        return bool(verb) and verb[0].strip(".,;:") in SPEECH_VERBS

    def _role_after(self, end: int) -> bool:
        """Whether the word after `end` names people: a role or occupation ("actor", "writer"),
        or "family", "community", "woman"…"""
        after = self.text[end : end + 30].split(None, 1)
        word = after[0].strip(".,;:") if after else ""
        return word in self.gaz.role_words or word in _PEOPLE_NOUNS

    def _speaks_alone(self, word: str, after: str) -> bool:
        """'Winch said he…', 'Quillan told reporters': one unknown capitalised word opening a
        sentence as the subject of a speech verb names a person; plurals ("Prosecutors said"),
        abbreviations, role words and abstract nouns ("Research suggested") do not."""
        verb = _SPEAKS_ALONE.match(after)
        if verb is None:
            return False  # most sentence openers have no speech verb after them
        lower = word.lower()
        # "Blankenship concurred: “…”", "Clemence said, “…”": a name introducing a quotation
        # may end like an abstract noun; a plural still names no one ("Organisers said: “…”")
        quoting = after[verb.end() : verb.end() + 3].lstrip(" ,:")[:1] in _QUOTE_MARKS
        return (
            len(word) > 2
            and not word.isupper()
            and not _is_abbreviation(word)  # "PwC said": a body's abbreviation (see _evidence)
            and ("'" not in word[2:] and "’" not in word[2:])  # "You've said", not "O'Neill said"
            and not lower.endswith("s" if quoting else _NOT_NAME_ENDINGS)
            and lower not in self.gaz.role_words
            and lower not in self.gaz.common_words
            and lower not in self.lower_seen
        )

    def _role_of_before(self, before: list[str]) -> bool:
        """'the mayor of London, Sadiq Khan,': a role of a body or place, then a comma, names the
        person holding it (`before` is the lower-cased words before the name)."""
        if not before or not before[-1].endswith(","):
            return False
        tail = before[-5:-1]
        return any(
            w in ("of", "for", "at") and k and tail[k - 1] in self.gaz.role_words
            for k, w in enumerate(tail)
        )

    def _named_as_person(self, start: int, first: str) -> bool:
        """'using the pseudonym Katya', 'who gave her name as Dana', 'identified only as
        Marek': a name given for a person who is not otherwise named."""
        cue = _NAMED_AS.search(self.text, max(0, start - 40), start)
        if cue is None:
            return False
        return cue.group(1) is not None or first in self.gaz.first_names

    def _body_of_person_before(self, start: int) -> bool:
        """Whether 'of', 'at' or 'from' right after a capitalised name comes before `start`."""
        words = self.text[max(0, start - 40) : start].split()
        return (
            len(words) >= 2
            and words[-1] in ("of", "at", "from")
            and words[-2][:1].isupper()
            and words[-2].isalpha()
            and words[-2].lower() not in self.lower_seen
        )

    def _shares_of(self, start: int) -> bool:
        """'shares of Quorvex', 'a stake in Quorvex': only a company has shares."""
        if self.text[start - 4 : start] not in (" of ", " in "):
            return False
        before = self.text[max(0, start - 16) : start].lower().split()
        return len(before) >= 2 and before[-2] in _HELD

    def _place_cue(self, before: list[str], start: int, surface: str) -> bool:
        """'in Leek', 'near Ashby': a preposition of place right before the name."""
        return (
            bool(before)
            and before[-1] in ("in", "near")
            and (len(before) < 2 or before[-2] not in _NOT_PLACE_BEFORE_IN)
            and not self._after_capitalised_word(start)
            and not any(c.isdigit() for c in surface)
        )

    def _group_before(self, start: int) -> bool:
        """'Ethiopians Dejene Debela', 'Kenyan runner …': a nationality right before a name."""
        words = self.text[max(0, start - 30) : start].split()
        known = self._lookup(words[-1]) if words and words[-1][:1].isupper() else None
        return known is not None and known[1] == "GROUP"

    def _of_known_place(self, after: str) -> bool:
        """'Ann Lee of Kenya': a name followed by 'of' and a known place is a person from there."""
        m = _OF_PLACE.match(after)
        return m is not None and self.gaz.known.get(m.group(1)) == "PLACE"

    def _opens_paragraph_pronoun_speaks(self, toks: list[Token], start: int, end: int) -> bool:
        """'Daphni Leef, credited with …, addressed the crowd. "…", she said.': two unknown words
        opening a paragraph, set off by a comma, name a person when "she" or "he" speaks later in
        that paragraph."""
        if len(toks) != 2 or (start and self.text[start - 1] != "\n"):
            return False
        if self.text[end : end + 2] != ", ":
            return False
        stop = self.text.find("\n", end)
        return (
            _PRONOUN_SPEAKS.search(self.text, end, stop if stop >= 0 else len(self.text))
            is not None
        )

    def _person_after(self, after: str) -> bool:
        """Whether the words after a name describe a person: ", who", ", 54,", ", a former coach"."""
        if after[:2] != ", " and not (
            after[:1] == " " and (after[1:4] == "who" or after[1:2].isdigit())
        ):
            return False  # no match can start so (most names): the pattern is not tried
        m = _PERSON_AFTER.match(after)
        if not m:
            return False
        if m.group(1) and ("'s " in m.group(0) or "’s " in m.group(0)):
            # ", Gaza's deputy health minister,": the role is the head (not ", Canada's chief
            # rail operator,")
            head, _, _ = m.group(1).partition(" of ")  # "Acme's vice president of marketing"
            words = head.split()
            if m.end() < len(after) or head != m.group(1):
                words = words[-1:]  # the whole apposition (or its head) is in view: its last word
            return any(w.lower() in self.gaz.role_words for w in words)
        if m.group(1) and m.group(1).startswith("one of the "):
            last = m.group(1).rsplit(" ", 1)[-1].lower()  # ", one of the MPs who signed"
            return last.endswith("s") and last[:-1] in self.gaz.role_words
        return not m.group(1) or any(
            w.lower() in self.gaz.role_words for w in m.group(1).split()
        )  # ", the acting Prime Minister of Iraq"

    def _after_capitalised_word(self, start: int) -> bool:
        """'Nobel Prize in Economics': the preposition sits inside a longer name."""
        words = self.text[max(0, start - 40) : start].split()
        if len(words) < 2 or not words[-2][:1].isupper() or words[-2].endswith((",", ".")):
            return False
        lower = words[-2].lower()  # "Residents in Leek": a sentence opener, not part of a name
        return lower not in self.gaz.common_words and lower not in self.lower_seen

    def _platform_cue(self, start: int, end: int) -> bool:
        if start > 2 and self.text[start - 1] == " " and not self.text[start - 2].isspace():
            pair = self.text[start - 3 : start - 1]  # the word before ends here: is it "on"?
            if pair.isascii() and pair.lower() != "on":
                return False  # the window below, stripped, ends with this pair
        window = self.text[max(0, start - 30) : start].lower()
        if not window.rstrip().endswith("on"):
            return False  # the word before is not "on" (the commonest answer, without splitting)
        before = window.split()
        if len(before) < 2 or before[-1] != "on":
            return False
        if before[-2] in ("posted", "wrote", "tweeted", "shared"):
            return True
        return _PLATFORM_AFTER.match(self.text, end) is not None  # "on X, writing that"


# ", who", ", 54,", ", a former minister", ", Gaza's deputy health minister": what follows a
# person's name.
_PRONOUN_SPEAKS: Final = re.compile(
    r"\b(?:[Ss]he|[Hh]e) (?:said|says|added|told|explained|stated)\b"
)
_SPEECH_VERB_AFTER: Final = re.compile(r",? (?:also |later )?([a-z]+)\b")
_PERSON_AFTER: Final = re.compile(
    r",? (?:who|whose|\d{1,3},)|, (?:(?:a|an|the|your|our|his|her|their|also) |[A-Z][\w-]*['’]s )?"
    r"((?:[\w-]+ ){0,3}[\w-]+)"
)
_OWN_S: Final = ("'s", "’s")
# What follows a business's own "'s" but never a possessive: a verb, a stop, a comma.
_OWN_POSSESSIVE_AFTER: Final = re.compile(
    r"(?:[,.;)]| (?:said|says|announced|reported|stated|added|confirmed|declined|will|would|"
    r"plans|planned|opened|closed|employs|sells|sold)\b)"
)
# What only an organisation has: "Quorvex's chief executive", "Quorvex's shares".
_ORG_POSSESSION: Final = re.compile(
    r"['’]s (?:chief executive|chief financial officer|chief operating officer|ceo|cfo|"
    r"chairman|chairwoman|board|shares|stock|share price|headquarters|shareholders|"
    r"subsidiary|revenue|revenues|profits?|sales|customers|website|app|co-founder)\b",
    re.IGNORECASE,
)
# An outlet or journal: "published on Monday in X", "in an interview with X", "X reported".
_MEDIA_VERBS: Final = frozenset("reported reports broadcast published".split())
_MEDIA_BEFORE: Final = frozenset(
    (("interview", "with"), ("writing", "in"), ("appeared", "in"), ("reported", "by"))
)


_PUBLISHED_WHEN: Final = frozenset(
    "on this last earlier later the online today yesterday week month year".split()
)
_MEDIA_LAST: Final = frozenset(second for _, second in _MEDIA_BEFORE) | {
    "in"
}  # how _media_before ends


def _media_before(before: list[str]) -> bool:
    if not before or before[-1] not in _MEDIA_LAST:
        return False  # the commonest answer, without making a tuple
    if tuple(before[-2:]) in _MEDIA_BEFORE:
        return True
    if before[-1] != "in" or "published" not in before[-7:-1]:
        return False
    k = len(before) - 1 - before[-7:-1][::-1].index("published") - 1
    # "published on Wednesday in PLoS One", "published earlier this month in …": only the
    # time of publication between (not "published by police in Kelmouth")
    return all(
        w in _PUBLISHED_WHEN or w[:1].isdigit() or w.title() in CALENDAR for w in before[k + 1 : -1]
    )


# Buildings that also name the body inside them: a place after "to", "at", "in", else the body.
_SEATS: Final = frozenset(
    "White House|Kremlin|Pentagon|Whitehall|Downing Street|Elysee Palace|Élysée Palace|Blue House|"
    "Zhongnanhai|Quai d'Orsay|Capitol|Capitol Hill".split("|")
)
_AT_PLACE: Final = re.compile(
    r"\b(?:to|at|in|inside|outside|near|into|from|on|of) (?:the )?$", re.IGNORECASE
)
_HELD: Final = frozenset("shares stake stakes stock".split())
# How the names of occupations end ("ranger", "sculptor", "florist", "mechanic", "attendant").
_AGENT_ENDINGS: Final = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ic", "ee", "eer")
# "Quorvex boss Ann Lee", "Quorvex founder Ann Lee": an officer only a company or body has.
_OFFICER_OPENINGS: Final = frozenset((" b", " c", " C", " f"))
_OFFICER_AFTER: Final = re.compile(
    r" (?:boss|chief executive|CEO|chairman|chairwoman|founder|co-founder) (?:[A-Z]|Mr|Ms|Dr|Sir)"
)
# "a takeover bid for Quorvex", "the purchase of Quorvex", "who also own Quorvex": a company.
_DEAL_WORDS: Final = (
    " of ",
    " for ",
    " with ",
    " in ",
    " own ",
    " owns ",
    " acquired ",
    " bought ",
)
# The deal words without their spaces (each is " word "), and the words one of them follows in
# every match of _DEAL_BEFORE (a guard before its search: see _deal_before).
_DEAL_WORD_SET: Final = frozenset(w[1:-1] for w in _DEAL_WORDS)
_DEAL_BEFORE_ENDS: Final = tuple(
    "takeover acquisition purchase subsidiary merger shareholder shareholders bid also who "
    "which that".split()
)  # keep in step with _DEAL_BEFORE (tests/nlp/test_fast_paths.py compares the two)
_DEAL_BEFORE: Final = re.compile(
    r"\b(?:(?:takeover|acquisition|purchase|subsidiary|merger|shareholders?) (?:bid )?"
    r"(?:of|for|with|in)|(?:bid for)|(?:who|which|that)(?: also)? (?:owns?|acquired|bought)) $"
)
_DOMAIN: Final = re.compile(
    r"[A-Z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|org|net|co|news|info|tv|io|gov|edu)"
    r"(?:\.[a-z]{2})?|[A-Z][\w-]*\.(?:[a-z]{2})"
)
# "Ann Lee of the Hajo assembly said": a member of a body, speaking
_MEMBER_SPEAKS: Final = re.compile(
    r" (?:of|from) the [\w’' -]{1,60}? (?:said|says|told|added|stated|wrote|tweeted)\b"
)
_COMMA_SPEECH: Final = re.compile(
    r", (?:said|says|told|added|wrote|tweeted|stated|posted|explained|replied|responded|"
    r"commented|remarked)\b"
)
# "Ann Lee of Kenya won", "Ann Lee from the Green camp said": a person from a known place or body
_OF_PLACE: Final = re.compile(r" (?:of|from) (?:the )?([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)")
# "Ann Lee of the Kelmouth tribal office told": a name, its body, then its own speech verb
_OF_BODY_SPEAKS: Final = re.compile(
    r" (?:of|from) (?:the )?[A-Z][^.;:,\"“”()]{0,80}? (?:said|says|told|tells|added|explained|"
    r"commented|replied|responded|remarked)\b"
)
# What gives a person's name: a pseudonym or alias (any word), else a known first name
_NAMED_AS: Final = re.compile(
    r"(?:\b(pseudonym|alias|nom de guerre)|\b(?:the|a|first) name|\b[Mm]y name is|"
    r"\bidentified (?:(?:him|her)self |themselves )?(?:only )?as|"
    r"\bgave (?:his|her|their) name as) $"
)  # "identified himself only as Alan", "My name is Jason"
_NAMED_AS_ENDINGS: Final = ("pseudonym ", "alias ", "guerre ", "name ", " as ", "name is ")
_NAMED_AS_LAST: Final = frozenset(
    e[-2] for e in _NAMED_AS_ENDINGS
)  # their letters before the space
# What follows a people's name used as a surname ("Serdar Tatar, Ann Lee and …"): ", who", a
# list going on, a speech verb.
_AFTER_PERSON_SURNAME: Final = re.compile(r",? who\b|, [A-Z]| and [A-Z]| (?:said|says|told)\b")
# Nouns of people before "named": "a man named Ann Orrow", "an official named …".
_PEOPLE_NAMED: Final = frozenset(
    "man woman boy girl person people official officer soldier suspect student teenager "
    "resident worker journalist activist lawyer judge doctor pilot driver".split()
)
_PERSON_AGE: Final = re.compile(r", \d{1,3},")
# ", a nurse at the hospital, said", ", who has worked there for years, told": a description of
# one person between a name and its speech verb
_DESCRIBED_THEN_SPEAKS: Final = re.compile(
    r",\s(a|an|who)\s[^,.;:\"“”]{1,80},\s(?:also\s+|later\s+)?(?:said|says|told|tells|added|"
    r"wrote|explained|stated|argued|insisted|warned|recalled|remarked|replied|noted)\b"
)
# '“…,” remarked the chief economist for Acme in Tokyo, ': after a quotation, its speech verb and
# the speaker's description, the name set beside it is the speaker's.
_INVERTED_SPEAKER_BEFORE: Final = re.compile(
    r"[”\"’'],?\s+(?:said|says|remarked|added|explained|noted|wrote|warned|observed|commented|"
    r"stated|argued|continued|insisted|told\s+[\w.]+)\s+(?:the|a|an|its|his|her|their)\s"
    r"[^.;:\"“”()\n]{3,100},\s$"
)
# What only a person has: "Ann Lee's wife", "Ann Lee's funeral", "Ann Lee's header".
_PERSON_POSSESSION: Final = re.compile(
    r"['’]s (?:wife|husband|son|daughter|sons|daughters|father|mother|brother|sister|widow|"
    r"parents|children|girlfriend|boyfriend|fiancée?|death|funeral|birthday|grave|memoir|"
    r"autobiography|header|assist|penalty|attempt)\b"
)
_QUOTE_MARKS: Final = frozenset("\"“‘'")
# A court case: capitalised words, " v. ", capitalised words ("of", "the" inside); a bare " v "
# is also a sports fixture ("England v Australia"), left alone.
_CASE_NAME: Final = re.compile(
    r"(?:[A-Z][\w'’&-]* )+v\. [A-Z][\w'’&-]*(?: (?:[A-Z][\w'’&-]*|of|the)(?![\w'’]))*"
)
# The head nouns of armed units named by an ordinal: "the 3rd Infantry Division".
_UNIT_HEADS: Final = frozenset(
    "Legion Brigade Brigades Regiment Division Battalion Corps Squadron Fleet Army Infantry "
    "Cavalry Airborne Commando Flotilla".split()
)
_UNIT_ORDINAL: Final = re.compile(r"(?<![\w.,])\d{1,4}(?:st|nd|rd|th) \Z")
_PORTFOLIO_TITLES: Final = frozenset("Minister Secretary Commissioner Spokesperson".split())
# Who holds a brief: the name after "the Secretary of" is a field, not a body (not annotated).
_PORTFOLIO_BEFORE: Final = re.compile(r"\b(?:Minister|Ministers|Secretary) (?:for|of) \Z")
_PORTFOLIO_HOLDERS: Final = frozenset("secretary secretaries minister ministers".split())
_PLATFORM_AFTER: Final = re.compile(r",? (?:writing|saying|posting|adding)\b")
_APPOSITIVE_ORG: Final = re.compile(r", (?:the|a|an) ((?:[\w-]+ ){0,3}[\w-]+)")
_OCCUPATION_ENDINGS: Final = ("ologist", "ographer", "ician", "ist", "onomer")
_CAMPUS_HEADS: Final = frozenset("University College Institute School".split())


def _has_of_or_for(name: str) -> bool:
    """Whether `name` holds " of " or " for " (a test in the string, not a pattern's search)."""
    return " of " in name or " for " in name


_CAP: Final = r"[A-Z][\w’'-]*"
_PORTFOLIO_TAIL: Final = re.compile(
    rf"(?:, {_CAP}(?: {_CAP})?)+,? (?:and|&) {_CAP}(?: {_CAP})?(?![\w’'])"
)
_TITLE_FUNCTION_WORDS: Final = frozenset("the of and for on in at to a an".split())
_LIST_GAPS: Final = frozenset((" and ", ", and ", ", ", " or ", ", or "))  # r",? and |, |,? or "
# A list's gap after a member's bracket or age: " (PS), ", " (Greens) and ", ", 17 and ".
_BRACKETED_GAP: Final = re.compile(r"(?: \([^()\n]{1,30}\)|, \d{1,3})(, | and |, and | or |, or )")
# Last words of a law, an award or a vote, never of a body: "the Ballot Interference Prevention
# Act", "the JWP Junior Championship", "the 2020 US Presidential Election" (names not annotated).
_NOT_NAME_HEADS: Final = frozenset(
    "Act Acts Treaty Accord Accords Regulations Directive Amendment Amendments Prize Prizes Award "
    "Awards Medal Medals Trophy Championship Championships MVP Election Elections Primary "
    "Primaries Caucus Caucuses Show Constitution Law Laws Bill Bills License Licence "
    "Licensed".split()
)
# Last words of a rank or post ("Royal Society University Research Fellow", "Woman Grand
# Master"), of a scheme or a system ("Commercial Crew Program", "Automatic Identification
# System"), of a day ("International Women's Day") or an adjective before a lower-case noun
# ("the 2000 US Presidential election"): whatever opens it, the name is no body's.
_NOT_BODY_LAST: Final = frozenset(
    "Master Masters Fellow Manager Representative Vice Chairman Chairwoman Chairperson Director "
    "Secretary Spokesman Spokeswoman Spokesperson Correspondent Editor Professor Lecturer "
    "Researcher Officer Adviser Advisor Ambassador Commissioner Councillor Councilor Treasurer "
    "Program System Day Days Presidential Parliamentary Congressional Gubernatorial Mayoral "
    "Senatorial Linux Tax Taxes Skills Index Survey".split()
)

_NO_BODY_LAST: Final = _NOT_NAME_HEADS | _NOT_BODY_LAST
# Lower-case nouns of things an unknown abbreviation names as a modifier ("his PAN card", "the
# GBR code", "the ARIEL program", "STIG standards"): a card, a code or a scheme, not a body.
_ACRONYM_THINGS: Final = frozenset(
    "card cards code codes program programs programme programmes standard standards format "
    "formats protocol protocols file files test tests number numbers system systems software "
    "chip chips score scores scale rating ratings technique techniques technology device devices "
    "mode cable cables signal signals scan scans scanner spectrometer gene genes vaccine "
    "licence license certificate certificates classification".split()
)
# Last words that end a thing's name, never a person's ("James Webb Space Telescope", "Marine One").
_NO_SURNAMES: Final = frozenset(
    "Telescope Collider Act Acts Treaty Prize Prizes Award Awards Amendment Amendments License "
    "Licence Doctrine One Inquiry Inquest Report Review".split()
)
# Last words of an office, never of a person's name ("Minority Leader", "Health Director").
_OFFICE_NOUNS: Final = frozenset(
    "Leader Leaders Representative Representatives President Presidents Director Directors "
    "Officer Officers Secretary Secretaries Minister Ministers Chairman Spokesman Spokeswoman "
    "Spokesperson Commissioner Governor Senator Senators Manager Adviser Advisor Advisors".split()
)
# Heads that stand alone for no particular body ("the Cabinet", "this Chamber"), unlike
# "Parliament", "Congress", "the Senate" or "the Army", which name one (they are annotated).
_GENERIC_HEADS: Final = frozenset(
    "Cabinet Chamber Department Administration Board Federation Society Committee Commission "
    "Ministry Agency Office Bureau Directorate Secretariat Presidency".split()
)
_ROMAN_NUMERAL: Final = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Offices of a place: "the mayor of Yartsevo", "governor of New York" (but "director of X": a body).
_PLACE_OFFICES: Final = frozenset(
    "mayor mayors governor governors premier deputy-mayor lord-mayor".split()
)
# Words before a title that name a work, not an outlet: "the film The Last Days", "his memoir
# The Master of Disguise", "hosted The Doris Day Show" (titles of works are not annotated).
_WORK_NOUNS: Final = frozenset(
    "book books film films movie movies memoir memoirs novel novels album albums song songs single "
    "series sitcom show shows play plays musical documentary debut episode poem opera titled "
    "entitled hosted filming starring starred".split()
)
# Words inside a title of a work that no body's or person's name holds: pronouns, "is", "than".
_TITLE_WORDS: Final = frozenset(
    "Who Whom Is Are Was Were Am Than You Your Yours We Me My Us".split()
)
# A title opening with "The" that goes on past an "of" to a pronoun: "The Time of Your Life".
_TITLE_GOES_ON: Final = re.compile(r" (?:of|for|in|to|and|with) (?:Your|My|Our|Their|You|Me|Us)\b")
# Last words of a building or a site, a PLACE even when a body's name opens it ("Army Hospital").
# "Mayo Clinic", "Blakely Care Center": a clinic, like a hospital, is where patients are treated
_FACILITY_HEADS: Final = frozenset("Hospital Headquarters Complex Clinic Clinics".split())
_FACILITY_PAIRS: Final = frozenset(
    f"{kind} {centre}"
    for kind in ("Medical", "Space", "Convention", "Care")
    for centre in ("Center", "Centre")
)
_FACILITY_LAST: Final = frozenset(pair.rsplit(" ", 1)[-1] for pair in _FACILITY_PAIRS)
# A licence or copyright line closing an item: "Source: Wikinews, licensed CC BY 2.5 (© Wikinews
# contributors)." Its names credit the text; they are not what the article is about.
_CREDIT_MARKS: Final = re.compile(r"©|\bCC BY\b|\bCreative Commons\b|\bAll rights reserved\b")


def _abbreviation_tail(words: list[str], last_spelt: str) -> bool:
    """Whether the words after `last_spelt` (the name's last word an abbreviation spells)
    open with "for", "in" or "of": a qualifier the abbreviation leaves out."""
    at = words.index(last_spelt)
    return at + 1 < len(words) and words[at + 1] in ("for", "in", "of")


def _no_body_last(name: str) -> bool:
    """Whether the last word of a name given an abbreviation in brackets says it names no body
    ("… Act (BIPA)", "Woman Grand Master (WGM)", "Flight Simulator X (FSX)")."""
    last = _last_word(name)
    return last in _NO_BODY_LAST or _is_version(last)


def _is_version(word: str) -> bool:
    """'XP', 'X', 'IV': the edition ending a product's name ("Windows XP", "Flight Simulator X")."""
    return (
        word == "XP"
        or (  # but not a lone "I" ("Pech-de-l'Azé I" is a site)
            word[:1] in ("I", "V", "X")
            and word != "I"
            and _ROMAN_NUMERAL.fullmatch(word) is not None
        )
    )


def _last_word(name: str) -> str:
    return name.rsplit(None, 1)[-1] if name else ""


# The label of a turn in an interview transcript, as Wikinews writes them: "((WSS))  Why?",
# "((Ann Lee))  Yes." (a name as the label is still a person's), "((hi))" before a quote in Hindi.
# Words that make a title of a title ("White House Press Secretary Joe Lockhart", "Council
# Acting Director Ann Lee", "US Special Representative"): no part of the body named before.
_TITLE_MODIFIERS: Final = frozenset(
    "Acting Deputy Special Senior Assistant Associate Principal Interim Executive Permanent "
    "Press Joint".split()
)
# Words that name a body's level before a known body's name: "National Security Council" and
# "Federal Parliament" are bodies of their own, not the UN's Security Council or a parliament.
_BODY_LEVELS: Final = frozenset(
    "National Federal State Provincial Regional Municipal Royal Imperial Supreme".split()
)
# A company's legal form written after its name and a comma ("Staples, Inc.").
_LEGAL_FORMS: Final = frozenset("Inc Ltd LLC L.L.C Corp PLC LLP GmbH Limited".split())
# What follows "…, or ASEAN" when the abbreviation is given as another name for the one before.
_AFTER_OR_ABBREVIATION: Final = frozenset((",", ")", ".", ";", ":"))
# What happens to a person, named after "of": "the assassination of Rafiq Hariri".
_PERSON_EVENTS: Final = frozenset(
    "death assassination murder killing funeral trial arrest execution widow kidnapping "
    "abduction resignation extradition sentencing conviction acquittal detention".split()
)
# "South Korea-based ": a capitalised place and "-based" right before a name ("bio-based" is not).
_PLACE_BASED_BEFORE: Final = re.compile(r"(?<![\w.-])[A-Z][\w.]*-based \Z")
# A role and "of"/"for" right before a name ("Professor of ", "Minister for "): group 1 the role.
_ROLE_OF_END: Final = re.compile(r"\b([A-Za-z]+) (?:of|for) \Z")
# Endings of the abstract nouns that name a field or a brief ("Economics", "Acquisitions").
_BRIEF_ENDINGS: Final = tuple("tion sion ment ence ance ity ics ogy ship ness ism ions".split())
# Roles held only in a body, never over a field ("founder of", "owner of", "CEO of").
_BODY_ROLES: Final = frozenset(("founder", "cofounder", "owner", "co-owner", "ceo"))
# Words that make a place of a place ("Greater Melbourne", "Mainland China", "Ancient Egypt").
_PLACE_ADJECTIVES: Final = frozenset(
    "Greater Upper Lower Inner Outer Mainland Metropolitan Rural Ancient Modern Medieval Colonial "
    "Imperial Old New Little Central Middle Far Near Continental Coastal Provincial".split()
)
_ORDINAL_BEFORE: Final = re.compile(r"\d(?:st|nd|rd|th) $")  # "21st Century Australia": an era
# A campus after a state university's name: ", San Diego", " at Austin", " at Mānoa".
_CAMPUS_AFTER: Final = re.compile(r"(?:, | at )([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)(?![\w’'-])")
_SCORE_AFTER: Final = re.compile(r",? \(?\d")  # "Smith Australia 85": a scoreline
_LIST_GAP: Final = re.compile(r"(?:,| and|, and|;) (?:[a-z]+ ){0,3}\Z")  # ", silver to "
_CAPITAL_NEXT: Final = re.compile(r" [A-Z]")  # a capitalised word right after: the name goes on
_ADJECTIVE_ENDINGS: Final = ("al", "ic", "ive", "ous", "ary")  # "Domestic", "Cultural", "Executive"
# An abbreviation's words spelt out in brackets right after it: " [Chief Health Director]".
_SPELT_OUT: Final = re.compile(r" [\[(]([A-Za-z][\w’'-]*(?: [\w’'-]+){1,7})[\])]")
_BY_AUTHOR: Final = re.compile(
    r" by [A-Z][a-z]+ [A-Z]"
)  # a title and its author: "… by Sam Harris"
_THING_AFTER: Final = re.compile(  # a thing's noun after a name's bracketed abbreviation
    r" (?:system|systems|program|programme|standard|protocol|format|code|scheme|device|test)\b"
)
_PRODUCT_AFTER: Final = re.compile(  # a product's noun right after its name
    r"(?:-based)? (?:operating systems?|software|APIs?|processors?|chips?|programming language|"
    r"interpreter|compiler|web browser|browser|game engine|video game|smartphones?|modding)\b"
)
# The first letters of _PRODUCT_AFTER's nouns: after a name's " ", only these may open one.
_PRODUCT_INITIALS: Final = frozenset("osApciwbgvm")
_PRODUCT_BEFORE: Final = ("written in ", "programmed in ", "coded in ", "scripted in ")
_FIRM_AFTER: Final = re.compile(  # "chip maker", "software company": a firm, not a product
    r" (?:makers?|company|companies|firms?|start-?ups?|manufacturers?|developers?|groups?|"
    r"giants?|producers?|suppliers?|vendors?|retailers?|businesse?s?|corporations?|entrepreneurs?)\b"
)
_LANGUAGES: Final = frozenset(  # "written in Python": programming languages
    "Python Lua Rust C Java JavaScript TypeScript Go Golang Perl PHP Ruby Haskell Fortran COBOL "
    "Pascal Swift Kotlin Scala Erlang Elixir Lisp Julia MATLAB Assembly Basic BASIC Dart Zig "
    "OCaml Prolog Smalltalk Ada Clojure Nim Crystal Tcl Bash Solidity".split()
)
_SOFTWARE_WORD: Final = re.compile(  # software in the sentence of "written in X"
    r"\b(?:software|code|coded|program|programs|programming|programmer|apps?|application|"
    r"library|libraries|tool|tools|scripts?|compiler|interpreter|APIs?|open[- ]source|"
    r"framework|modding|firmware|operating system|kernel|game engine|plugins?|GitHub)\b"
)
_TERM_SPLIT: Final = re.compile(r"[ /-]")
_TERM_JOINERS: Final = " /-"  # what the words before "(PCR)" allow between its words


def _is_term_char(char: str) -> bool:
    """Whether `char` is one of the words' characters ([\\w’'])."""
    return char.isalnum() or char == "_" or char == "’" or char == "'"


def _is_ascii_letter(char: str) -> bool:
    """[A-Za-z]: what opens each word."""
    return ("a" <= char <= "z") or ("A" <= char <= "Z")


def _term_words_start(text: str, lo: int, end: int) -> int:
    """Where the words before "(PCR)" start in `text[lo:end]` (the search of a pattern the
    test holds as its oracle: tests/nlp/test_merge_shortcuts.py), -1 if none: found from `end`
    backwards, one run of word characters at a time. The pattern
    ends with \\Z, so the search tried it from each of the window's 120 starts (~20,000
    instructions a call in the compiled extractor).

    The match is the leftmost start from which `text[start:end]` is words opening with A-Z or
    a-z, one of " /-" between two: in the last run of word characters, its first letter; when
    that letter opens the run and a joiner comes before it, the run before may go on the same."""
    found = -1
    k = end
    while True:
        run = k
        while run > lo and _is_term_char(text[run - 1]):
            run -= 1
        first = run
        while first < k and not _is_ascii_letter(text[first]):
            first += 1
        if first == k:
            return found  # no word here: the words after it (if any) are the match
        if first > run:
            return first  # a word opens inside the run: nothing before it can join on
        found = first
        if run - 1 < lo or text[run - 1] not in _TERM_JOINERS:
            return found
        k = run - 1


_TERM_CONNECTORS: Final = frozenset("and of for the on in to a an by with".split())
_PLACE_HEADS: Final = frozenset(  # "Alice Springs", "Grace Bay": the last word of a place
    "Springs Falls Bay Beach Harbour Harbor Island Islands Lake Valley Heights Hills Creek Point "
    "Park City Town Village Mountain Mountains River Port Coast Cove Ridge Hill Sound".split()
)
_PLACE_PREPOSITIONS: Final = frozenset(  # "near Alice Springs, Australia": a place follows
    "in near at from outside around across into to towards toward throughout via".split()
)
_PREPOSITIONS_OF_PLACES: Final = _PLACE_PREPOSITIONS | {"of"}  # "fans of Kelmouth Tatar, …"
_NOTION_BEFORE: Final = re.compile(  # "CentOS 8's End of Life", "argued for Universal Basic Income",
    # "the CentOS End Of Life": a possessive, a verb's preposition or a name qualifying the phrase
    r"(?:['’]s|\b(?:against|on|(?:argu|campaign|call|push|lobb[iy]|advocat)[a-z]* for)"
    r"|(?<=[a-z] )[A-Z][A-Za-z0-9]*) \Z"
)
_NEXT_WORD: Final = re.compile(r",? ([a-z]+)")  # the lower-case word right after a name
_GLUED_STOP: Final = re.compile(r"(\w*[a-z]{2})\.([A-Z][a-z]\w*)")  # "Afghanistan.Trump": see above
_TRANSCRIPT_LABEL: Final = re.compile(r"\(\(([^()\n]{1,40})\)\)[ \t]*")


def _credit_lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the short licence or copyright lines among the last two paragraphs."""
    return [
        (start, end)
        for start, end in paragraph_spans(text)[-2:]
        if _CREDIT_MARKS.search(text, start, end) and text.count(" ", start, end) < 40
    ]


# What `_no_one_word_cue` looks for: every word right before or after a one-word name that
# some cue in `_evidence` needs. The marks are what `_first_name_decides` stops at (the one-word
# proof tries the cues needing a comma or an apostrophe).
_ONE_WORD_AFTER_MARKS: Final = frozenset((",", "'", "’"))
_APOSTROPHES: Final = frozenset(("'", "’"))
_ONE_WORD_BEFORE_CUES: Final = (
    ORG_NOUNS
    | SPEECH_VERBS
    | _MEDIA_LAST
    | frozenset("daily weekly of to at for in near on".split())
)
_SPEECH_HEADS: Final = frozenset(("Address", "Addresses"))
_ADDRESS_AFTER: Final = re.compile(r" address(?:es)?\b")
# "Israel's Maariv newspaper", "the Sun and Daily Mirror newspapers": what a title is.
_OUTLET_NOUNS: Final = frozenset(
    "newspaper newspapers tabloid tabloids broadsheet magazine magazines".split()
)
# What a company or a channel is (rules-18): "New Zealand's Hell Pizza company", "the state-owned
# Dubai World conglomerate", "the Nakheel and Limitless companies", "the Jamaah Ansharut Daulah
# network" (not after a given name: "Ann Lee company director").
_BODY_NOUNS_AFTER: Final = frozenset(
    "company companies firm conglomerate corporation channel network".split()
)


def _names_one_body(before: str, noun: str) -> bool:
    """Whether a name after the text `before` and then a body's `noun` names that body ("the
    Dubai World conglomerate", "the Nakheel and Limitless companies"), not a kind ("a Content
    Creator network", "for B2B and B2C companies")."""
    if _ARTICLE_A_BEFORE.search(before):
        return False
    return noun[-1] != "s" or _THE_LIST_BEFORE.search(before) is not None


_ARTICLE_A_BEFORE: Final = re.compile(r"(?:^|\s)[Aa]n? $")
# "the Nakheel and ": the first names of a list of bodies after "the", up to the last "and".
_THE_LIST_BEFORE: Final = re.compile(r"\b[Tt]he (?:[A-Z]\S*\s){1,4}and $")


# What a leader's name stands for: "the Kelbrook government", "Ovid Tarrant's rule".
_LEADER_TERM: Final = re.compile(
    r" (administration|government|presidency|premiership|regime|reign|rule)\b"
)
_LEADER_OPENINGS: Final = frozenset((" ", "'", "’"))
_LEADER_TERMS: Final = frozenset(
    "administration government presidency premiership regime reign rule".split()
)
# Endings of adjectives that qualify a government ("the Provisional government", "the
# Democratic administration", "the Federal government"), never taken for a leader's name.
_QUALIFIER_ENDINGS: Final = ("al", "ic", "ist", "ary", "ity", "ion", "ian", "ern", "ive")
_GOVERNMENT_QUALIFIERS: Final = frozenset(
    "Interim Caretaker Puppet Green Unity Shadow Exile Rebel Reform Junta Minority".split()
)
# What ends a name after a bare word of kinship: "survived by wife Maureen.", "children Bo and".
_KIN_NAME_END: Final = re.compile(r"[.,;:)]|\s+(?:and|or)\s|\s*$")
_KIN_DETERMINERS: Final = frozenset(
    "his her their its my our your the a an one two three four five six seven eight nine "
    "ten both".split()
)
# Words of kinship that name the relative after them ("his wife Maureen", "sons Wyatt and …").
_KIN_NOUNS: Final = frozenset(
    "wife husband widow widower son sons daughter daughters child children mother father "
    "brother brothers sister sisters grandson grandsons granddaughter granddaughters "
    "grandchildren stepson stepdaughter fiancé fiancée fiance fiancee nephew niece".split()
)


def _determines_kin(word: str) -> bool:
    """Whether `word` before a word of kinship makes it one's own relatives ("his", "their",
    "Orrow's", "three", "the"), where a bare plural is anyone's ("women and children")."""
    word = word.lower()
    return word in _KIN_DETERMINERS or word.isdigit() or word.endswith(("'s", "’s", "s'"))


_AND_I: Final = re.compile(r" and I (?:[a-z]|have\b|am\b|was\b|were\b|will\b)")
_ONE_WORD_AFTER_CUES: Final = (
    _LEADER_TERMS
    | _MEDIA_VERBS
    | PLACE_NOUNS
    | SPEECH_VERBS
    | frozenset(("mayor", "governor", "premier", "council", "capital"))
    | _OUTLET_NOUNS
    | _BODY_NOUNS_AFTER
)
# What `_first_name_decides` looks for: the last words, the words right before ("on" covers
# _platform_cue, "with", "in", "by" _media_before; ORG_NOUNS are asked apart) and the words
# right after a full name that some check before the first-name rule needs.
_FIRST_NAME_LAST_CUES: Final = _NOT_NAME_HEADS | _FACILITY_HEADS | _FACILITY_LAST
# The forms of "tell": its object is the one told, a person or, as "the …", an outlet or a body.
_TOLD: Final = frozenset("told tells telling tell".split())
_FIRST_NAME_BEFORE_CUES: Final = _MEDIA_LAST | frozenset("daily weekly of on the".split())
# (not _MEDIA_VERBS: "David Morrow reports" is a reporter, rules-18)
_FIRST_NAME_AFTER_CUES: Final = _OUTLET_NOUNS | PLACE_NOUNS
_NOT_PLACE_BEFORE_IN: Final = frozenset(
    "shares stake stakes investment investments interest role jobs job roles "
    # a field, not a place: "the Nobel Prize in Physics", "a degree in Economics" (rules-10)
    "prize prizes award awards medal degree degrees doctorate phd diploma major bachelor's "
    "master's masters course courses".split()
)


def _without_weekdays(
    run: list[Token], cues: list[str | None]
) -> tuple[list[Token], list[str | None]]:
    """A run without the weekday names that open it ("On Friday Ford Motor Company said") or
    close a time zone ("UTC Thursday")."""
    lo, hi = 0, len(run)
    while lo < hi and run[lo].text in WEEKDAYS:
        lo += 1
    if hi - lo == 2 and run[hi - 1].text in WEEKDAYS and run[lo].text.isupper():
        hi -= 1  # "0000 UTC Thursday"; but "Super Tuesday" and "Good Friday" are names
    while lo < hi and _is_lower(run[lo].text):
        lo += 1
    while hi > lo and run[hi - 1].text.islower():
        hi -= 1
    return run[lo:hi], cues[lo:hi]


_PEOPLE_NOUNS: Final = frozenset(
    "family families community communities people descent heritage man woman men women boy "
    "girl couple".split()
)


_WAR_NAMES: Final = frozenset(
    tuple(name.split())
    for name in (
        "World War I",
        "World War II",
        "World War One",
        "World War Two",
        "First World War",
        "Second World War",
    )
)


def _without_world_war(
    run: list[Token], cues: list[str | None]
) -> tuple[list[Token], list[str | None]]:
    """The run without a world war's name at its start ("World War I Police remained…": the
    war is an event, and the "I." ending it looked like an initial)."""
    if tuple(t.text.rstrip(".") for t in run[:3]) in _WAR_NAMES:
        return run[3:], cues[3:]
    return run, cues


def _all_groups(parts: list[str], gaz: Gazetteer) -> bool:
    return all(gaz.known.get(strip_possessive(p)) == "GROUP" for p in parts)


def _is_title_start(tok: Token) -> bool:
    code = ord(tok.text[0])
    if code < 128:
        return 65 <= code <= 90  # A-Z: `isupper` of an ASCII character, without the method call
    return tok.text[0].isupper()


def _described(before: list[str]) -> bool:
    """Whether "the" opens the last three words before a name, within its sentence."""
    recent = before[-3:]
    for k in range(len(recent) - 1, -1, -1):
        if recent[k].endswith((".", "!", "?")):
            recent = recent[k + 1 :]
            break
    return "the" in recent


def _short_form(short: str, name: str) -> bool:
    """Whether `short` is a short form of the body `name` given in brackets after it: an
    abbreviation and a word of the name ("University of Colorado at Boulder (CU Boulder)"), or
    one word of the name's syllables in order ("Philippine Institute of Volcanology and
    Seismology (Phivolcs)")."""
    words = short.split()
    name_words = name.split()
    if len(words) > 1:
        return (
            len(words) <= 3
            and all(w in name_words or _is_acronym(w) for w in words)
            and any(w in name_words for w in words)
            and any(_is_acronym(w) for w in words)
        )
    if short in name_words[1:]:
        return True  # "World Wonder Ring Stardom (Stardom)", "Harland University (Harland)"
    if len(short) < 4 or _is_acronym(short) or short[0].lower() != name[0].lower():
        return False
    letters = iter(name.lower())
    return all(c in letters for c in short.lower())  # its letters in order, a subsequence


def _initials(name: str) -> str:
    """'the African Union' → 'AU'."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _title_case(name: str) -> str:
    """'CAPE TOWN' → 'Cape Town', "N'DJAMENA" → "N'Djamena"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), name)


def merge_candidates(candidates: list[Candidate], text: str = "") -> list[Entity]:
    """Group mentions of one entity: same key, a surname or first name of a full name, an acronym;
    each group typed by the rules' vote (`text`: the article they were found in)."""
    groups, confirmed = group_candidates(candidates, text)
    gaz = load_gazetteer()
    entities = []
    for key, cands in groups.items():
        kind = rules_type(key, cands, confirmed)
        if kind is None or names_nothing(key, cands, kind, gaz):
            continue
        entities.append(_entity(cands, kind))
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


def rules_type(key: str, cands: list[Candidate], confirmed: set[str]) -> str | None:
    """The type the rules' vote gives a group of mentions, None for no entity."""
    kind = _best_type(cands)
    if kind in (None, "LANGUAGE") or (kind == "PERSON" and _only_weak_sentence_openers(cands)):
        return None
    if kind == "PERSON" and key not in confirmed and max(c.strength for c in cands) == 0:
        return None  # two unknown capitalised words with no sign of a person
    if (
        kind == "PLACE"
        and len(cands) >= 5
        and max(c.strength for c in cands) == 1
        and all(c.words == 1 and "-" not in c.text for c in cands)
    ):
        placed = sum(1 for c in cands if c.type == "PLACE")
        if placed * 5 < len(cands):
            return None  # "Minetest" 84 times, twice "in Minetest": a place named so often
            # would say so more often (a game, a technique, a people)
    return kind


def names_nothing(key: str, cands: list[Candidate], kind: str, gaz: Gazetteer) -> bool:
    """Whether a typed group names nothing whatever its type: a lone suffix, a title, a head noun."""
    if key.split(":", 1)[1] in _GENERATIONS:
        return True  # "… King Jr. Day": a suffix cut from its name is no one
    if _only_title(cands[0], gaz) if len(cands) == 1 else all(_only_title(c, gaz) for c in cands):
        return True  # "The Vice President, Mike Pence, said": a title alone names no one
    if (
        kind == "PERSON"
        and all(_only_office(c, gaz) for c in cands)
        and any(" " in (c.display or c.text) for c in cands)
    ):
        return True  # "the Senate Minority Leader, Ann Lee,", "Vice Presidents": an office
    # "Universities and research institutes have pledged": no name
    if kind == "PERSON" and all(
        c.words == 1 and c.text.endswith("s") and c.text in _OFFICE_NOUNS for c in cands
    ):
        return True  # "two different Presidents, Richard Nixon and …", "Senators Ann Lee and …"
    return kind == "ORG" and (_only_head_noun(cands, gaz) or _only_generic_head(cands))


def _only_office(cand: Candidate, gaz: Gazetteer) -> bool:
    """Whether a candidate ends in an office and opens with no given name ("Minority Leader",
    "Democratic Representatives", "Health Director"): an office, not a person's name."""
    words = (cand.display or cand.text).split()
    return (
        strip_possessive(words[-1]) in _OFFICE_NOUNS
        and words[0] not in gaz.first_names
        and cand.strength < 3
    )


def _only_generic_head(cands: list[Candidate]) -> bool:
    """Whether every mention is one capitalised common head ("the Cabinet", "this Chamber",
    "the Department") that no longer name of the article took as its short form."""
    return all(
        c.words == 1 and c.display is None and strip_possessive(c.text) in _GENERIC_HEADS
        for c in cands
    )


def _entity(cands: list[Candidate], kind: str) -> Entity:
    """The entity a group of mentions names: its longest name, every mention."""
    if len(cands) == 1:  # most entities are mentioned once
        best = cands[0]
        mentions: tuple[Mention, ...] = (_mention(best.start, best.end, best.text),)
    else:
        best = cands[0]
        for cand in cands:
            if _names_better(cand, best):
                best = cand  # the first of the best, as max() keeps
        spans = sorted({(c.start, c.end, c.text) for c in cands})
        mentions = tuple([_mention(start, end, text) for start, end, text in spans])
    entity = Entity.__new__(Entity)
    fields = entity.__dict__
    fields["name"] = best.display or best.text
    fields["type"] = kind
    fields["mentions"] = mentions
    return entity


def _names_better(a: Candidate, b: Candidate) -> bool:
    """Whether `a` is a better name for an entity than `b`: more words, not in capitals,
    longer, earlier. `(c.words, not c.text.isupper(), len(c.text), -c.start)` compared in
    turn, as a tuple key would be (a compiled comparison, not a tuple per mention)."""
    if a.words != b.words:
        return a.words > b.words
    a_cased, b_cased = not a.text.isupper(), not b.text.isupper()
    if a_cased != b_cased:
        return a_cased
    if len(a.text) != len(b.text):
        return len(a.text) > len(b.text)
    return a.start < b.start


def _mention(start: int, end: int, text: str) -> Mention:
    """`Mention(start, end, text)`, its fields set as the frozen dataclass's `__init__` sets
    them. That `__init__` runs as Python code even in the compiled extractor (about five times
    the instructions of this, for every mention of every article); so does Entity's."""
    mention = Mention.__new__(Mention)
    fields = mention.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["text"] = text
    return mention


def _by_start(cands: list[Candidate]) -> list[Candidate]:
    """`sorted(cands, key=_START)`: a copy when they are in order already (as the scan mostly
    leaves them), sorted only when not (a key call per candidate from the sort otherwise)."""
    for k in range(1, len(cands)):
        if cands[k].start < cands[k - 1].start:
            return sorted(cands, key=_START)
    return list(cands)


def _add_to(index: dict[str, list[_T]], key: str, value: _T) -> None:
    """`index[key].append(value)` as a defaultdict(list) would do it, for a plain dict."""
    values = index.get(key)
    if values is None:
        index[key] = [value]
    else:
        values.append(value)


def _before_of(name: str) -> str:
    """`re.split(r" (?:of|for|on) ", name)[0]`: the words before the first " of ", " for " or
    " on " ("Bank" in "Bank of Ghana"), cut by str.find (a call of re.split looks its pattern
    up in the module's cache first)."""
    cut = len(name)
    for joiner in (" of ", " for ", " on "):
        at = name.find(joiner)
        if 0 <= at < cut:
            cut = at
    return name[:cut]


_GROUP_KEYS: Final[dict[str, str]] = {}  # canonical_key(name, "x") by name (see _CACHED_WORDS)


def _group_key(name: str) -> str:
    key = _GROUP_KEYS.get(name)
    if key is None:
        if len(_GROUP_KEYS) >= _CACHED_WORDS:
            _GROUP_KEYS.clear()
        key = _GROUP_KEYS[name] = canonical_key(name, "x")
    return key


def group_candidates(
    candidates: list[Candidate], text: str = ""
) -> tuple[dict[str, list[Candidate]], set[str]]:
    """Mentions grouped per entity, and the keys of people a surname said something about or
    took up alone (`text`: the article the candidates were found in; without it, no surname
    alone confirms a person)."""
    # Plain dicts filled by _add_to, here and in the merges: in the compiled extractor a
    # defaultdict (a dict subclass) is iterated, indexed and popped through generic calls.
    groups: dict[str, list[Candidate]] = {}
    gaz = load_gazetteer()
    for cand in candidates:
        if cand.type == "PLACE" and cand.words > 1 and text:
            cand = _titled_person(cand, text, gaz)
        if (
            text[cand.end : cand.end + 4] == " Day"
            and not text[cand.end + 4 : cand.end + 5].isalpha()
        ):
            continue  # "Labor Day", "Australia Day", "Canada Day": a holiday, not the name
        _add_to(groups, _group_key(cand.display or cand.text), cand)
    if text:
        _people_by_surname_heads(groups, gaz)
        _drop_market_indexes(groups, text)
    full_people: dict[str, list[str]] = {}
    first_surnames: dict[str, list[str]] = {}
    initials: dict[str, list[str]] = {}
    org_heads: dict[str, list[str]] = {}  # "Commission" → "European Commission"
    org_words = load_gazetteer().org_words
    confirmed: set[str] = set()
    for key, cands in groups.items():
        kind = _best_type(cands)
        if kind == "PERSON" and len(words := key.split(":", 1)[1].split()) > 1:
            if words[-1] in _GENERATIONS:  # "Ian Paisley Jr": "Paisley Junior", not "Paisley"
                for suffix in _GENERATIONS[words[-1]]:
                    _add_to(full_people, f"{words[-2]} {suffix}", key)
                if len(words) > 2:  # "King" for "Martin Luther King Jr" (the first introduced)
                    _add_to(full_people, words[-2], key)
                continue
            _add_to(full_people, words[-1], key)
            _add_to(full_people, words[0], key)
            if len(words) > 2:  # "Bielle-Biarrey" for "Louis Bielle-Biarrey"
                _add_to(full_people, " ".join(words[1:]), key)
            if len(words) == 3:  # "Rosselló" for "Ricardo Rosselló Nevares": the first surname
                _add_to(first_surnames, words[1], key)
        if kind not in ("ORG", "PLACE"):
            continue
        longest = cands[0] if len(cands) == 1 else max(cands, key=lambda c: c.words)
        if kind == "ORG" and longest.words > 1:
            head = _before_of(longest.text).split()[-1]
            if head in org_words:
                _add_to(org_heads, head, key)
        if longest.words > 1:
            caps = [w for w in longest.text.replace("-", " ").split() if w[:1].isupper()]
            _add_to(initials, "".join(w[0] for w in caps).upper(), key)
            every = "".join(w[0] for w in longest.text.replace("-", " ").split())
            _add_to(initials, every.upper(), key)
            country = _country_prefix(caps)
            if kind == "ORG" and country and len(caps) - country > 1:
                # "United States Commission on Presidential Debates" is the "CPD"
                _add_to(initials, "".join(w[0] for w in caps[country:]).upper(), key)
    for key in list(groups):
        cands = groups[key]
        surface = cands[0].text
        if " " in surface and not _particle_surname(surface) and not _generation_surname(key):
            continue  # only a one-word name ("Van Halen": a surname) is a short form of another
        words = key.split(":", 1)[1].split()
        if not words:
            continue
        name = " ".join(words)
        found = full_people.get(name) or first_surnames.get(name)  # never an empty list
        targets = set(found) if found else set()
        # a gazetteer hit never overrides strong local evidence: "Lawyer Emma Jordan …
        # Jordan said" is the lawyer, when the article names her and "Jordan" speaks
        strongest = cands[0].strength if len(cands) == 1 else max(c.strength for c in cands)
        if (
            strongest >= 3
            and (len(targets) != 1 or not any(c.speaks for c in cands))
            and not (
                not targets  # a known "DUP" is the "Democratic Unionist Party" the article names
                and _is_acronym(surface)
                and len(set(initials.get(surface, ()))) == 1
                and _best_type(cands) == "ORG"  # but "US" is no "US Special …"
            )
        ):
            continue
        if len(targets) > 1:  # "Trump" is Donald Trump, not Donald Trump Jr, when both are named
            targets = {t for t in targets if t.rsplit(" ", 1)[-1] not in _GENERATIONS} or targets
        if len(targets) > 1:
            targets = _first_introduced(targets, groups, words[-1], cands)
        if not targets and _is_acronym(surface):
            targets = set(initials.get(surface, []))
        if not targets and _best_type(cands) == "PERSON":  # "Wasif" after "Sally Wasef"
            targets = {
                t for w, ts in full_people.items() if spelling_variant(words[0], w) for t in ts
            }
        if not targets and _best_type(cands) in ("ORG", None):
            targets = set(org_heads.get(strip_possessive(surface), []))
            if not targets and key + "s" in groups and groups[key + "s"][0].text[-2:] in _OWN_S:
                targets = {key + "s"}  # "chain McDonald's the right": "McDonald's said" later
        targets.discard(key)  # "LRIT" shown as the name it abbreviates is that name already
        if len(targets) == 1:
            # a short form takes the type of the full name it refers to
            target = targets.pop()
            if any(c.type == "PERSON" and c.strength >= 1 for c in cands) or _surname_alone(
                target, name, cands, groups, text
            ):
                confirmed.add(target)  # "Moss said": the surname confirms "Jane Moss" a person
            moved = [_untyped(c) for c in groups.pop(key)]
            into = groups.get(target)
            if into is None:  # a target moved away itself: its key opens a group again, last
                groups[target] = moved
            else:
                into.extend(moved)
    _merge_org_prefixes(groups)
    _merge_national_bodies(groups)
    _merge_company_short_names(groups)
    _merge_spelt_people(groups)
    _merge_name_tails(groups)
    _merge_org_abridgements(groups)
    return groups, confirmed


# Last words of place names that are also common surnames ("Keith Hall", "Dr Amelia Hill"):
# their place cue gives way to a person's title, a role word or the surname taken up alone.
_SURNAME_HEADS: Final = frozenset(
    "Hill Hills Hall Park Lane Ridge Castle Forest Bay Bridge".split()
)
_SURNAME_HEAD_ENDINGS: Final = tuple(_SURNAME_HEADS)
_SURNAME_HEAD_LASTS: Final = frozenset(head[-1] for head in _SURNAME_HEADS)  # tested first
# Titles only a person bears (not "King", "Lord", "Saint": "King George Island", "Lord Howe Island").
_PERSONAL_TITLES: Final = frozenset("Mr Mrs Ms Miss Mx Dr Prof Professor".split())


# What follows a stock index's name ("the FTSE index", "Nasdaq Composite", "Dow Jones
# Industrial Average", "Standard & Poor's 500"): an index is a number, not a body.
_INDEX_AFTER: Final = re.compile(
    r" (?:[Ii]ndex\b(?! of)|Composite\b|Industrial Average\b|500\b|100\b)|'s (?:500|100)\b"
)


_INDEX_OPENINGS: Final = (" index", " Index", " Composite", " Industrial", " 500", " 100", "'s ")
# The character after the space of each opening that starts with one
_INDEX_SECOND: Final = frozenset("iIC51")


def _before_index(text: str, end: int) -> bool:
    """Whether an index word follows a mention ending at `end` (one of _INDEX_OPENINGS, then
    _INDEX_AFTER). The next one or two characters decide for almost every mention."""
    mark = text[end : end + 1]
    if mark == " ":
        if text[end + 1 : end + 2] not in _INDEX_SECOND:
            return False
    elif mark != "'":
        return False
    return text.startswith(_INDEX_OPENINGS, end) and _INDEX_AFTER.match(text, end) is not None


def _drop_market_indexes(groups: dict[str, list[Candidate]], text: str) -> None:
    """Names an article uses only for a stock index are no entity, nor their initials ("S&P"):
    every mention followed by "index", "Composite", "Industrial Average" or the index's size
    ("the FTSE index", "Nasdaq Composite", "Standard & Poor's 500"). Not a body's published
    index ("Transparency International's index", "the Gallup index of …", "Gallup said"), nor
    a place or nationality before "index" ("the UK index")."""
    dropped: list[str] = []
    for k, cands in groups.items():
        for c in cands:
            if not (_before_index(text, c.end) or c.text.endswith("Industrial Average")):
                break
        else:
            if _best_type(cands) in ("ORG", None):
                dropped.append(k)
    if not dropped:
        return
    initials = {
        "".join(w[0] for w in c.text.split() if w[0].isupper() or w == "&")
        for k in dropped
        for c in groups[k]
        if c.words > 1
    }
    for key in dropped:
        del groups[key]
    for key in [k for k, cands in groups.items() if all(c.text in initials for c in cands)]:
        del groups[key]


def _titled_person(cand: Candidate, text: str, gaz: Gazetteer) -> Candidate:
    """A run typed a place by a surname-like last word is a person when a personal title opens
    it or a lower-case role word stands right before it ("Dr Amelia Hill", "Mr. Hall",
    "protester Dick Hill"); the title is no part of the name. Otherwise `cand` itself."""
    words = cand.text.split()
    if words[-1] not in _SURNAME_HEADS or len(words) > 4:
        return cand
    before = text[max(0, cand.start - 30) : cand.start].split()
    if before and before[-1] in _AT_A_PLACE:
        return cand  # "in Prince Alfred Park", "to Dr Hill Street": a place's name
    first = words[0].rstrip(".")
    if first in _PERSONAL_TITLES or (
        len(words) > 2
        and first.lower() in gaz.role_words
        and first not in gaz.titles  # "Queen Elizabeth Park", "King Edward Hill": places
        and words[1] in gaz.first_names
    ):  # "Dr Amelia Hill", "Defender Sam Park" (a role opening a sentence)
        cut = cand.text.find(" ") + 1
        return Candidate(
            cand.start + cut,
            cand.end,
            cand.text[cut:],
            cand.words - 1,
            "PERSON",
            2,
            False,
            None,
            cand.speaks,
        )
    if (
        before
        and before[-1] in gaz.role_words
        and not any(w in gaz.place_words or w in gaz.org_words for w in words[:-1])
    ):
        return Candidate(
            cand.start, cand.end, cand.text, cand.words, "PERSON", 2, False, None, cand.speaks
        )
    return cand


def _people_by_surname_heads(groups: dict[str, list[Candidate]], gaz: Gazetteer) -> None:
    """A place by its last word that opens with a known first name is a person when that last
    word alone is a person in the same article ("Keith Hall … said Mr. Hall", "Sam Park scored
    … Park said"), though "Victoria Park" stays a place."""
    by_surname: dict[str, list[str]] = {}
    for key, cands in groups.items():
        # the cheap tests first: few groups have a mention ending with a surname head
        for c in cands:
            shown_text = c.text.rstrip()
            if shown_text[-1:] in _SURNAME_HEAD_LASTS and shown_text.endswith(
                _SURNAME_HEAD_ENDINGS
            ):
                break
        else:
            continue
        longest = cands[0] if len(cands) == 1 else max(cands, key=lambda c: c.words)
        shown = longest.text.split()
        if shown[-1] not in _SURNAME_HEADS or shown[0] not in gaz.first_names:
            continue
        words = key.split(":", 1)[1].split()
        if len(words) < 2 or len(words) > 3 or _best_type(cands) != "PLACE":
            continue
        _add_to(by_surname, words[-1], key)
    for surname, keys in by_surname.items():
        alone = groups.get("x:" + surname)
        if (
            len(keys) > 1  # "Victoria Park" and "Sam Park": which one "Park" is, is unknown
            or alone is None
            or not any(c.type == "PERSON" and c.strength >= 1 for c in alone)
        ):
            continue
        key = keys[0]
        groups[key] = [
            Candidate(
                c.start, c.end, c.text, c.words, "PERSON", 2, c.sentence_start, c.display, c.speaks
            )
            if c.type == "PLACE"
            else c
            for c in groups[key]
        ]


# Words after which a lone capitalised word is a place, not a surname ("the square at Vellow",
# "Roads to Valesi were closed").
_AT_A_PLACE: Final = frozenset(
    ("in", "at", "near", "to", "from", "into", "towards", "toward", "across", "through")
)


def _surname_alone(
    target: str,
    surname: str,
    cands: list[Candidate],
    groups: dict[str, list[Candidate]],
    text: str,
) -> bool:
    """Whether a lone word, untyped or weakly a person, takes up the full name introduced before
    it by that name's last word, standing alone mid-sentence ("… Mohamedou Ould Slahi. … he
    suspected Slahi had"): articles take people up by their surnames, places and bodies by other
    words ("Garuda" for "Garuda Indonesia"). Not the end of a longer run ("Wikimedia Commons"
    after "Creative Commons")."""
    into = groups.get(target)
    if (
        not text
        or into is None
        or not target.endswith(" " + surname)
        or not all(c.type is None or c.type == "PERSON" for c in cands)
        or min(c.start for c in cands) < min(c.start for c in into)
    ):
        return False
    return any(not c.sentence_start and _stands_alone(text, c.start) for c in cands)


def _stands_alone(text: str, start: int) -> bool:
    """Whether the word at `start` stands as a person's surname would: not after a capitalised
    word of the same run ("Wikimedia Commons"), a hyphen or an apostrophe, nor after a
    preposition of place ("the square at Vellow")."""
    before = text[max(0, start - 40) : start]
    if not before.endswith(" "):
        return not before[-1:].isalnum() and before[-1:] not in ("-", "'", "’")
    words = before.split()
    if not words:
        return True
    last = words[-1]
    if last in _AT_A_PLACE:
        return False
    return not last[:1].isupper() or last[-1] in ",.;:"


_SURNAME_PARTICLES: Final = frozenset(
    "van von de da di du del della der den la le dos das ter".split()
)  # not "al", "el", "as": "Al Gore", "As Bush said" open with a first name or a word


def _particle_surname(surface: str) -> bool:
    """'Van Halen', 'De Niro', 'van der Berg': a surname opening with its particles."""
    space = surface.find(" ")
    if space >= 0 and surface[:space].lower() not in _SURNAME_PARTICLES:
        return False  # the first word is no particle (the commonest answer, without splitting)
    *head, last = surface.split(" ")
    return (
        len(head) <= 2 and all(w.lower() in _SURNAME_PARTICLES for w in head) and last[:1].isupper()
    )


def _merge_spelt_people(groups: dict[str, list[Candidate]]) -> None:
    """'Hamza bin Ladin' in a quoted statement is 'Hamza bin Laden' of the report: two full
    names, word by word the same but for spelling, are one person (kept under the name the
    article gives first, unless only the other is typed a person)."""
    # Only names of as many words, each opening with the same consonant (or any vowel), can be
    # spelling variants of each other: they are compared within such a bucket only.
    buckets: dict[tuple[str, ...], list[str]] = {}
    for key, cands in groups.items():
        if " " in key and any(c.type == "PERSON" for c in cands):
            words = key.split(":", 1)[1].split()
            initials = tuple("*" if w[0] in "aeiouy" else w[0] for w in words)
            bucket = buckets.get(initials)
            if bucket is None:
                buckets[initials] = [key]
            else:
                bucket.append(key)
    for people in buckets.values():
        if len(people) > 1:
            _merge_spelt_bucket(groups, people)


def _merge_spelt_bucket(groups: dict[str, list[Candidate]], people: list[str]) -> None:
    """Merge the spelling variants among people's names that may be variants of each other."""
    people.sort(key=lambda k: min(c.start for c in groups[k]))
    for k, key in enumerate(people):
        words = key.split(":", 1)[1].split()
        for other in people[k + 1 :]:
            if key not in groups or other not in groups:
                continue
            others = other.split(":", 1)[1].split()
            if len(others) != len(words) or not all(
                a == b or spelling_variant(a, b) for a, b in zip(words, others, strict=True)
            ):
                continue
            into, moved = (key, other)
            if _best_type(groups[key]) != "PERSON":
                into, moved = (other, key)
            groups[into].extend(c if c.type == "PERSON" else _untyped(c) for c in groups.pop(moved))


def _merge_name_tails(groups: dict[str, list[Candidate]]) -> None:
    """'Phillip Field' after 'Taito Phillip Field', 'Mujibur Rahman' after 'Sheikh Mujibur
    Rahman': a person's name of two or more words that ends a longer person's name of the
    article (only one) is that person; so is a given name and surname that open and end one
    with middle initials, named first ('George W. Bush' … 'George Bush')."""
    people = {
        key: key.split(":", 1)[1].split()
        for key, cands in groups.items()
        if " " in key and _best_type(cands) == "PERSON"
    }
    if len(people) < 2:
        return
    by_last: dict[str, list[str]] = {}  # a tail ends with the longer name's word
    for key, words in people.items():
        _add_to(by_last, words[-1], key)
    gaz = load_gazetteer()
    for key, words in sorted(people.items(), key=lambda item: len(item[1])):
        if len(by_last[words[-1]]) < 2:
            continue
        longer = [
            other
            for other in by_last[words[-1]]
            if len(people[other]) > len(words)
            and people[other][-len(words) :] == words
            and other in groups
        ]
        if not longer and len(words) == 2:  # "George Bush" after "George W. Bush": the given
            longer = [  # name and the surname of a longer name with middle initials
                other
                for other in by_last[words[-1]]
                if len(people[other]) > 2
                and people[other][0] == words[0]
                and all(len(w) == 1 for w in people[other][1:-1])  # initials, not a name
                and other in groups
                and min(c.start for c in groups[other]) < min(c.start for c in groups[key])
            ]  # (named in full first: "Ann Lee … her mother, Ann K. Lee" are two)
        if len(longer) != 1 or key not in groups:
            continue
        other_words = people[longer[0]]
        extra = other_words[: -len(words)] if other_words[0] != words[0] else other_words[1:-1]
        if any(w in gaz.role_words or w.title() in gaz.titles for w in extra):
            continue  # "Bishop Emeritus Dinualdo Gutierrez": a title kept on a longer run
        groups[longer[0]].extend(groups.pop(key))


def _country_prefix(words: list[str]) -> int:
    """How many leading words of an organisation's name are a known country or nationality."""
    if words[0] not in _known_first_words():
        return 0  # most names open with no known word
    known = load_gazetteer().known
    for n in (3, 2, 1):
        if len(words) > n and known.get(" ".join(words[:n])) in ("PLACE", "GROUP"):
            return n
    return 0


# Generational suffixes after a surname, folded, each with its other spellings.
# Generation suffixes as written after a name ("Ann Lee Jr.", "Martin Luther King, Jr.").
_GENERATION_WORDS: Final = frozenset("Jr Sr Jnr Snr".split())
_GENERATIONS: Final = {
    "jr": ("jr", "junior"),
    "junior": ("jr", "junior"),
    "sr": ("sr", "senior"),
    "senior": ("sr", "senior"),
}


_LONG_ENDS: Final = ("junior", "senior")  # the suffixes of _GENERATIONS longer than two letters


def _surname_of_key(key: str) -> str:
    """The last word of a person's key, before a generational suffix ('ian paisley jr')."""
    words = key.rsplit(" ", 2)
    return words[-2] if words[-1] in _GENERATIONS and len(words) > 2 else words[-1]


def _generation_surname(key: str) -> bool:
    """'Paisley Junior', 'Trump Jr': a surname and a generational suffix, a short form."""
    if not key[-1:].isspace() and key[-2:] not in ("jr", "sr") and key[-6:] not in _LONG_ENDS:
        return False  # the last word is no suffix (the commonest answer, without splitting)
    words = key.split(":", 1)[1].split()
    return len(words) == 2 and words[1] in _GENERATIONS


def _first_introduced(
    targets: set[str], groups: dict[str, list[Candidate]], surname: str, cands: list[Candidate]
) -> set[str]:
    """'Haddad' after 'Rania Haddad' … 'her brother, Karim Haddad': the surname alone means the
    person the article introduced first, when both share it as surname and came before it."""
    first_use = min(c.start for c in cands)
    starts = {
        key: min(c.start for c in groups[key])
        for key in targets
        if key in groups and _surname_of_key(key) == surname
    }
    if len(starts) != len(targets) or first_use < min(starts.values()):
        return targets
    return {min(starts, key=starts.__getitem__)}


def _merge_org_prefixes(groups: dict[str, list[Candidate]]) -> None:
    """'Serum Institute' after 'Serum Institute of India': a leading part of one longer ORG name;
    one word only when it is a body's head noun ("Parliament" after "Parliament of Ruritania")."""
    orgs = _org_names(groups)
    org_words = load_gazetteer().org_words
    by_lead: dict[str, list[str]] = {}  # "Serum Institute" → its longer names
    for k, full in orgs.items():
        for joint in _OF_IN:
            at = full.find(joint)
            while at >= 0:
                _add_to(by_lead, full[:at], k)
                at = full.find(joint, at + 1)
    for key, text in orgs.items():
        if (" " not in text and text not in org_words) or key not in groups:
            continue
        longer = [k for k in by_lead.get(text, ()) if k != key]
        if len(longer) == 1 and longer[0] in groups:
            if " " not in text and _placed_elsewhere(groups, key, orgs[longer[0]]):
                continue
            groups[longer[0]].extend(groups.pop(key))


def _placed_elsewhere(groups: dict[str, list[Candidate]], key: str, full: str) -> bool:
    """Whether a mention of the head noun `key` stands right after a place that `full` ("Senate
    of Puerto Rico") does not name: "In Washington, the Senate" is another jurisdiction's body."""
    starts = [c.start for c in groups[key]]
    for cands in groups.values():
        if _best_type(cands) != "PLACE" or cands[0].text in full:
            continue
        for place in cands:
            if any(0 < start - place.end <= 8 for start in starts):
                return True
    return False


_OF_IN: Final = (" of ", " for ", " in ")
# "The mayor of London, Sadiq Khan, said": a name set beside "the <role> of <Name>,".
_ROLE_OF_BEFORE: Final = re.compile(
    r"\b[Tt]he (?:[a-z-]+ ){0,2}(?:mayor|governor|president|chairman|chairwoman|chair|head|"
    r"leader|director|chief executive|founder|minister|secretary|spokesman|spokeswoman|"
    r"spokesperson|editor|owner|captain|coach|manager|ceo) (?:of|at|for) "
    r"(?:the )?[A-Z][\w.'’-]*(?: (?:of |and )?[A-Z][\w.'’-]*){0,4}, $"
)
_ROAD_WORDS: Final = tuple("Interstate Route Highway Motorway Expressway Freeway".split())
_ROAD_NUMBER: Final = re.compile(r" \d{1,4}[A-Z]?\b(?![.,]\d)")
_BRACKETED_ABBREVIATION: Final = re.compile(r" \(([A-Z][A-Za-z&.]{1,9})\)")
_TICKER_AFTER: Final = _LEGAL_FORMS | {"Co", "Corporation", "Company", "plc", "SA", "AG", "NV"}
# An aside in brackets after a name, then a capitalised word: the name goes on past the aside
# ("the Japanese Government (Mombusho) Scholarship program").
_ASIDE_THEN_NAME: Final = re.compile(r" \([^()\n]{1,40}\) [A-Z]")
# Words that link a name's words: a capitalised word after one may end a longer name.
_NAME_LINKS: Final = CONNECTORS | {"from", "the", "de", "du", "des", "di", "da", "in", "to", "at"}
# ", the main Danish provider of", ", a company which", ", a non-profit rescue organization in":
# a body described after its name (the head noun last, then a stop or a word that goes on a
# noun phrase; no "of" before it: "Ann Lee, a member of the party" is a person).
_DESCRIBED_AS_BODY: Final = re.compile(
    r", (?:a|an|the) (?:(?!(?:of|for|in|at|to|from|with|and|the|who|whose)\b)[\w’'-]+ ){0,3}"
    r"(?:company|firm|provider|operator|carrier|airline|bank|lender|retailer|chain|"
    r"manufacturer|carmaker|automaker|producer|organisation|organization|charity|agency|"
    r"newspaper|broadcaster|website|magazine|insurer|publisher|conglomerate|corporation|"
    r"subsidiary|nonprofit|non-profit|consultancy|tabloid|broadsheet|daily|weekly|channel|"
    r"station)"
    r"(?:[,.;:]| (?:which|that|who|of|in|based|for|with|from|and|to|owned|run)\b)"
)
_NAME_DASHES: Final = frozenset("-–—")
# Newspapers' head words that are also offices held by the person named after them.
_OFFICE_PAPER_HEADS: Final = frozenset("Examiner Observer Monitor Inquirer".split())
# A stock ticker in brackets: "(LIOX)", ", (BNE)", "(NYSE: KRX)", "(Nasdaq:AAPL)"
_TICKER: Final = re.compile(
    r",? \(((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|ASX|NZX|HKEX|SGX|TSE|OTC)\s?:\s?)?([A-Z]{2,5})\)"
)


def ticker_matches(text: str) -> list[re.Match[str]]:
    """`_TICKER.finditer(text)`'s matches, tried only where one can open: every match holds
    " (", after its comma when it has one (a search for a pattern opening with an optional
    comma tries every character: 4% of the extractor's instructions)."""
    starts = [at - 1 if text[at - 1 : at] == "," else at for at in find_all(text, (" (",))]
    return matches_at(_TICKER, text, starts)


_NAME_WORD: Final = re.compile(
    r"(?<![\w’'&.-])(?:[A-Z][\w’'&.-]*|of|for|and|the|on|in|&)(?![\w’'])"
)
_STORM_HEADS: Final = ("Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical Depression")
_STORM_OPENERS: Final = frozenset(
    "Hurricane Typhoon Cyclone Storm Tropical Subtropical Super".split()
)
_STORM_NAME: Final = re.compile(
    r"\b(?:Hurricane|(?:Super )?Typhoon|Cyclone|(?:Tropical |Subtropical )?Storm|"
    r"Tropical Depression) ([A-Z][a-z]+)\b(?!-)"
)
# Where a _STORM_NAME match may start (only there is it tried: see segment.matches_at).
_STORM_STARTS: Final = (
    "Hurricane",
    "Super ",
    "Typhoon",
    "Cyclone",
    "Tropical ",
    "Subtropical ",
    "Storm",
)
_AFTER_HEAD: Final = frozenset(("of", "for", "on", "and"))


# The unions whose bodies are named again without them: "the U.N. Security Council … the
# Security Council", "the EU Commission … the Commission".
_UNION_PREFIXES: Final = frozenset(("UN", "U.N.", "United Nations", "EU", "E.U.", "European Union"))


def _merge_national_bodies(groups: dict[str, list[Candidate]]) -> None:
    """'Supreme Court' after 'United States Supreme Court', 'Parliament' after 'Tunisian
    Parliament': the body named again without its country is the same organisation."""
    known = load_gazetteer().known
    orgs = _org_names(groups)
    by_body: dict[str, list[str]] = {}  # "Supreme Court" → the national ones
    for k, full in orgs.items():
        if full.endswith(" Party"):  # "Labor" after "Labor Party"
            _add_to(by_body, full[:-6], k)
        at = full.find(" ")
        while at >= 0:
            country = full[:at]
            if (
                not country.replace(".", "").isupper()
                and known.get(country) in ("PLACE", "GROUP")  # "US Senate" stays
            ) or country in _UNION_PREFIXES:  # "Security Council" after "U.N. Security Council"
                _add_to(by_body, full[at + 1 :], k)
                if full.endswith(" Party") and full.count(" ", at + 1) >= 1:
                    _add_to(by_body, full[at + 1 : -6], k)  # "Labor": "Australian Labor Party"
            at = full.find(" ", at + 1)
    for key, text in orgs.items():
        if key not in groups:
            continue
        longer = [k for k in by_body.get(text, ()) if k != key]
        if len(longer) == 1 and longer[0] in groups:
            groups[longer[0]].extend(groups.pop(key))


_COMPANY_SUFFIXES: Final = (
    frozenset("Company Corporation Incorporated Group Holdings plc AG".split()) | _LEGAL_FORMS
)


def _merge_company_short_names(groups: dict[str, list[Candidate]]) -> None:
    """'Ford' after 'Ford Motor Company': a company named again by its leading words, when
    its full name ends in a company suffix and no other organisation begins with them."""
    if not _names_a_company(groups):
        return  # most articles name no "… Company" or "… Group": nothing to look for
    orgs = _org_names(groups)
    by_lead: dict[str, list[str]] = {}
    for k, full in orgs.items():
        words = full.split()
        if len(words) > 1 and words[-1].rstrip(".") in _COMPANY_SUFFIXES:
            for n in range(1, len(words)):
                _add_to(by_lead, " ".join(words[:n]).rstrip(","), k)  # "Staples, Inc."
    if not by_lead:
        return
    weak_people = {  # '“…,” Brannock said': one word typed a person by its verb alone
        key: cands[0].text
        for key, cands in groups.items()
        if cands[0].words == 1
        and _best_type(cands) == "PERSON"
        and max(c.strength for c in cands) <= 1
    }
    for key, text in (orgs | weak_people).items():
        longer = [k for k in by_lead.get(text, ()) if k != key]
        if len(longer) == 1 and key in groups and longer[0] in groups:
            groups[longer[0]].extend(groups.pop(key))


def _names_a_company(groups: dict[str, list[Candidate]]) -> bool:
    """Whether a name of several words ends with a company suffix ("Ford Motor Company"):
    `c.text.rsplit(" ", 1)[-1]` of each, cut at its last space without making a list."""
    for cands in groups.values():
        for c in cands:
            if c.words > 1:
                text = c.text
                if text[text.rfind(" ") + 1 :].rstrip(".") in _COMPANY_SUFFIXES:
                    return True
    return False


def _merge_org_abridgements(groups: dict[str, list[Candidate]]) -> None:
    """'the Oversight Committee' after 'the House Oversight and Reform Committee': a body named
    again with words left out of its middle (its head kept) is the same body, when only one
    longer name of the article abridges so."""
    orgs = _org_names(groups)
    if len(orgs) < 2:
        return
    words_of = {k: strip_possessive(text).split() for k, text in orgs.items()}
    for key, words in words_of.items():
        if len(words) < 2 or key not in groups:
            continue
        longer = [
            k
            for k, full in words_of.items()
            if k != key and full[-1] == words[-1] and _abridges(words, full)
        ]
        if len(longer) == 1 and longer[0] in groups:
            groups[longer[0]].extend(groups.pop(key))


def _abridges(short: list[str], full: list[str]) -> bool:
    """Whether `short` is `full` with words left out between its first kept word and its head
    (not only a prefix or a suffix cut away: "Democratic Party" is no "Iowa Democratic Party")."""
    if len(short) >= len(full):
        return False
    rest = iter(full)
    if not all(w in rest for w in short):
        return False  # not a subsequence
    first = full.index(short[0])
    return full[first : first + len(short)] != short  # words left out inside, not at the ends


def _org_names(groups: dict[str, list[Candidate]]) -> dict[str, str]:
    """The longest text of each group typed ORG, by key."""
    names = {}
    for key, cands in groups.items():
        if len(cands) == 1:  # most groups: one mention, its own type
            if cands[0].type == "ORG":
                names[key] = cands[0].text
        elif _best_type(cands) == "ORG":
            longest = cands[0].text  # the first of the longest, as max(key=len) keeps
            for cand in cands:
                if len(cand.text) > len(longest):
                    longest = cand.text
            names[key] = longest
    return names


def _untyped(cand: Candidate) -> Candidate:
    """A copy of `cand` without a type (a short form that takes its full name's type)."""
    return Candidate(
        cand.start,
        cand.end,
        cand.text,
        cand.words,
        None,
        0,
        cand.sentence_start,
        cand.display,
        cand.speaks,
    )


# Officials' roles written before a surname alone ("Administrator Bolden"); not "Star", "Executive".
_OFFICIAL_ROLES: Final = frozenset(
    "Administrator Prosecutor Inspector Superintendent Detective Sergeant Spokesman Spokeswoman "
    "Spokesperson Commissioner Director Coordinator Ombudsman Registrar Magistrate Coroner Sheriff "
    "Marshal Warden Chairman Chairwoman Chairperson Treasurer Auditor Solicitor Barrister "
    "Attorney".split()
)
# Words that qualify a role in a job title: "Senior Vice President", "Chief Economist".
_ROLE_QUALIFIERS: Final = frozenset(
    "senior vice deputy assistant associate acting interim chief executive general principal "
    "co first lead managing joint".split()
)


def _only_title(cand: Candidate, gaz: Gazetteer) -> bool:
    """Whether a candidate is only a title or role words ("Vice President", "Senator",
    "Senior Vice President", "Coordinator" in "Tom Clarke, Coordinator of the …")."""
    text = cand.text[4:] if cand.text.startswith("The ") else cand.text
    if cand.strength >= 3:
        return False
    if text in gaz.titles:
        return True
    words = text.lower().replace("-", " ").split()
    return words[-1] in gaz.role_words and all(
        w in gaz.role_words or w in _ROLE_QUALIFIERS for w in words
    )


def _only_head_noun(cands: list[Candidate], gaz: Gazetteer) -> bool:
    """Whether every mention is one plural head noun ("Universities", "Resources") that no
    known name spells and no longer name of the article took as its short form (a singular
    one may stand for a body named in full elsewhere: "the Academy", "Assembly president")."""
    return all(
        c.words == 1
        and (word := strip_possessive(c.text)) in gaz.org_words
        and word.endswith("s")
        and not word.endswith("ss")
        and word not in gaz.known
        and c.display is None
        for c in cands
    )


def _only_weak_sentence_openers(cands: list[Candidate]) -> bool:
    """'Organisers said', 'Developers told us': one capitalised word that only opens sentences,
    with nothing but a weak cue for its type, is a common noun, not a name (when typed PERSON)."""
    return all(c.words == 1 and c.sentence_start and c.strength <= 1 for c in cands)


def _best_type(cands: list[Candidate]) -> str | None:
    if len(cands) == 1:  # most entities are mentioned once
        return cands[0].type or None
    kinds = {c.type for c in cands}
    if len(kinds) == 1 or (len(kinds) == 2 and None in kinds):
        kinds.discard(None)  # mentions of one type (or untyped): no vote to count
        return kinds.pop() or None if kinds else None
    return _voted_type(cands)


def _voted_type(cands: list[Candidate]) -> str | None:
    """The type with most evidence (a gazetteer hit counts 10 more), by name on a tie."""
    votes: dict[str, int] = {}
    for cand in cands:
        if cand.type:
            votes[cand.type] = (
                votes.get(cand.type, 0) + cand.strength + (10 if cand.strength >= 3 else 0)
            )
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], k))


# Words that open a sentence after a category heading glued before it ("Sudan The
# International Criminal Court …", "France On Monday, …"): mid-sentence, after a capitalised word,
# they are never written with a capital but in titles ("Dawkins' The God Delusion").
_HEADING_OPENERS: Final = frozenset("The A An On In At According After Following".split())
_HEADING_MAX_WORDS: Final = 6
_INITIAL: Final = re.compile(r"[A-Z]\.?")  # "W.", the middle initial of "George W. Bush"
# The words glued_heading_end reads at most: the heading's and the word after it, and a place
# of up to three words repeated
_HEADING_WORDS_READ: Final = max(_HEADING_MAX_WORDS + 2, 7)


def first_words(line: str, most: int) -> list[tuple[int, str]]:
    """(offset, word) of the first `most` matches of \\S+ in `line`: cut by str.split (the same
    blanks) and placed by str.find, without a match object each."""
    words: list[tuple[int, str]] = []
    at = 0
    for word in line.split(None, most)[:most]:
        at = line.find(word, at)
        words.append((at, word))
        at += len(word)
    return words


def glued_heading_end(text: str) -> int:
    """Where the category heading that some sources glue before an article's first sentence
    ends: the offset of the space after it ("Cole Inquiry| The Australian Wheat Board …",
    "Cyprus| Cyprus today …"), -1 if none.
    Names do not run across it; the entity pass reads that space as a line break."""
    first_line = text[: text.find("\n")] if "\n" in text[:200] else text[:200]
    words = first_words(first_line, _HEADING_WORDS_READ)  # all either test reads
    if len(words) < 2 or words[0][0] != 0:
        return -1
    for k in range(1, min(len(words) - 1, _HEADING_MAX_WORDS + 1)):
        prev, word = words[k - 1][1], words[k][1]
        if word in _HEADING_OPENERS and (prev[:1].isupper() or prev[:1].isdigit()):
            if prev[-1:].isalnum() and text[words[k][0] - 1] == " ":
                return words[k][0] - 1
            return -1
        if not (prev[:1].isupper() or prev[:1].isdigit()):
            break  # a lower-case word: the sentence has begun ("Iraq Almost 1,000 people")
    gaz = load_gazetteer()
    for n in (1, 2, 3):  # a known place, then that place again ("Cyprus Cyprus today …")
        if len(words) <= n + 1 or words[n][0] - 1 != len(" ".join(w for _, w in words[:n])):
            break
        place = " ".join(w for _, w in words[:n])
        if gaz.known.get(place) != "PLACE":
            continue
        if " ".join(w for _, w in words[n : n + n]) == place:
            return words[n][0] - 1
        if (
            words[n][1] in gaz.first_names
            and words[n + 1][1][:1].isupper()
            and (n > 1 or _INITIAL.fullmatch(words[n + 1][1]) is not None)
            and not any(w in gaz.first_names for _, w in words[:n])
        ):
            # "Guatemala George W. Bush met …", "New Zealand Helen Clark said …": a place,
            # then a person (but a one-word place may be a given name: "Chad Michael Murray")
            return words[n][0] - 1
        if (
            len(words) > n + 2
            and words[n + 1][1].endswith(",")
            and words[n + 2][1] in ("the", "a", "an")
            and words[n][1][:1].isupper()
            and words[n + 1][1][:1].isupper()
            and not any(w in gaz.first_names for _, w in words[: n + 2])
        ):
            return words[n][0] - 1  # "Zambia Levy Mwanawasa, the President of Zambia, …"
    return -1  # not a place and a first name: "Austin James Mercer, 19, was charged …"


def extract_entities(
    text: str, tokens: list[Token], datelines: list[Dateline] | None = None
) -> list[Entity]:
    """Entities of one article, each under its longest name, with every mention's offsets."""
    return merge_candidates(_EntityFinder(text, tokens, datelines or []).scan(), text)


@dataclass(frozen=True, slots=True)
class CandidateGroup:
    """One article's mentions of one name before typing: what the typing model learns from."""

    key: str
    name: str
    cands: list[Candidate]
    rules: str | None  # the type the rules give it (None: no entity)
    vote: str | None  # the mentions' raw vote, before the rules' checks


def candidate_groups(
    text: str, tokens: list[Token], datelines: list[Dateline] | None = None
) -> list[CandidateGroup]:
    """Every group of mentions in an article with the rules' verdict (for tools/train_entities.py)."""
    groups, confirmed = group_candidates(_EntityFinder(text, tokens, datelines or []).scan(), text)
    return [
        CandidateGroup(
            key,
            _entity(cands, "x").name,
            cands,
            rules_type(key, cands, confirmed),
            _best_type(cands),
        )
        for key, cands in groups.items()
    ]
