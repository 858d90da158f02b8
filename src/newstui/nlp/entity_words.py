"""The entity scan's words: the word lists every step shares (connectors, titles, calendar, organisation and
place nouns), acronym, brand and case tests of a word, the Candidate a scan yields, and the capitalised
runs (chunks) of a text the scan reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from types import FunctionType
from typing import TYPE_CHECKING, Final, TypeVar

from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.names import PARTICLES, strip_possessive
from newstui.nlp.segment import (
    NICKNAME_MARKS,
    WORD,
    OpeningGuard,
    Token,
    closes_nickname,
    given_initials,
    nickname_end,
)

if TYPE_CHECKING:  # mypyc's native 64-bit integer; plain int when run as Python
    from mypy_extensions import i64

CONNECTORS: Final = frozenset({"of", "for", "on", "and", "&"})
# Particles that may join capitalised words into one name ("Ortega y Gasset", "Banco de Portugal");
# "at", "as", "an" and "ad" are left out: between capitals they are English ("Engineers at CERN").
JOIN_PARTICLES: Final = (PARTICLES - {"at", "as", "an", "ad"}) | {"en"}
# Abbreviated titles written with a full stop ("Dr. Kwame Mensah"): the stop does not end the name.
DOTTED_TITLES: Final = frozenset(
    "Dr Mr Mrs Ms Prof Rev Gen Col Capt Lt Sgt Maj Adm Gov Sen Rep Insp Det Supt Cllr Fr St Mt "
    "Cpl Pvt Cmdr Spc Brig".split()  # military ranks: "Marine Cpl. Ann Lee", "Lt. Cmdr. Bo Kett"
)
# The titles of DOTTED_TITLES that only a person bears (not "St", "Mt": "St.Louis").
_GLUED_TITLES: Final = DOTTED_TITLES - {"St", "Mt", "Fr"}
COMPASS: Final = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower".split()
)
_COMPASS_HALVES: Final = frozenset("north south east west".split())


def hyphened_compass(word: str) -> bool:
    """'South-East', 'North-west', 'South-eastern': two compass points joined by a hyphen,
    a compass word as "Southeast" is ("South-East Queensland", "North-West Iran")."""
    first, _, second = word.partition("-")
    second = second.lower()
    if second.endswith("ern"):
        second = second[:-3]
    return (
        first in ("North", "South")
        and second in _COMPASS_HALVES
        and second not in ("north", "south")
    )


# Heads that open a place name: "River Aske", "Lake Chad", "Mount Kenya".
# "County Cork" (Irish and Northern Irish counties are named after the word).
PLACE_OPENERS: Final = frozenset(
    "River Lake Mount Mt Gulf Bay Isle Cape Fort Port Loch County Hospital".split()
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
    "chain supermarket pollster consultancy band label studio franchise telecom provider "
    "organization movement coalition conglomerate giant manufacturer publisher network app brand "
    "journal magazine tabloid website channel newswire nonprofit non-profit supergroup "
    "troupe orchestra choir ensemble "
    # makers that are companies ("Italian chocolatemaker Ferrero"; a filmmaker is a person)
    "drugmaker planemaker toymaker chocolatemaker steelmaker phonemaker handsetmaker "
    "shipbuilder confectioner".split()
    # "the journal Nature Astronomy", "YouTube channel Numberphile", "the nonprofit Brennan"
)
PLACE_NOUNS: Final = frozenset(
    "facility base airport site plant region province district area suburb neighbourhood neighborhood "
    "county counties districts provinces regions port ports seaport seaports village villages "
    "township "
    # nature's features: "the Kīlauea volcano", "the Zambezi river" (a lone unknown word needs
    # the noun's evidence; a known place is typed already)
    "volcano volcanoes river rivers lake lakes mountain mountains glacier valley desert canyon "
    "gorge peninsula strait creek reservoir".split()
)
# The PLACE_NOUNS of nature's features: a name before one is a place after "the" ("the Litani
# river") or when no lower-case word but a preposition or a conjunction follows the noun ("near
# Kīlauea volcano, …"); "Biden reservoir plans" are a person's, the noun a modifier.
NATURE_NOUNS: Final = frozenset(
    "volcano volcanoes river rivers lake lakes mountain mountains glacier valley desert canyon "
    "gorge peninsula strait creek reservoir".split()
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
_SUFFIX_CUES: Final = {
    "based": "PLACE",
    "born": "PLACE",
    "headquartered": "PLACE",
    "set": "PLACE",  # "a Texas-set drama": where a story is set
}
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
) | frozenset(  # a monarch's, in the names of bodies and places ("Queen's University", "the
    # Queen's Lancashire Regiment", "King's College London"), not a reign's possessor alone
    f"{w}{a}s"
    for w in ("Queen", "King")
    for a in ("'", "’")
)
# A saint's possessive before a building's or a body's word names it ("St Mary's Hospital",
# "St. Paul's Cathedral", "St. Mary's University"), not a feast ("St. Patrick's Day").
_SAINTS: Final = ("St ", "St. ", "Saint ")
_DOTTED_PLACES: Final = frozenset(("U.S", "U.K", "U.N", "E.U"))  # "U.S. Treasury Department"
_START: Final = attrgetter("start")
_T = TypeVar("_T")
_NUMBER_AFTER = OpeningGuard(re.compile(r"\s\d"))
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
# A weekday's newspaper after "the": "the Sunday Times", "The Sunday Telegraph reported" — the
# weekday is the paper's name, not when it happened ("On Sunday Times Square was closed").
_WEEKDAY_PAPERS: Final = frozenset(
    "Times Telegraph Express Mirror Mail Sport Star Herald Post Independent Tribune Age Observer "
    "Ledger Leader Business Guardian Journal Sun Star-Times".split()
)
# "St. Thomas, Ontario": a town named after a saint. It opens with the literal "S" (the word
# boundary checked behind it), so a search of the whole text skips to each "S".
_SAINT_PLACE: Final = re.compile(
    r"S(?<=\bS)(?:t\.?|aint) ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?), ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)\b"
)
# "Saint Francis Hospital", "St. Luke's Medical Center": a saint's name, then up to two capitalised
# words, the last a head noun (checked by the caller) — the text's later "Saint Francis" is the body.
_SAINT_HEADED: Final = re.compile(
    r"S(?<=\bS)(?:t\.?|aint) ([A-Z][\w’'-]*?)(?:['’]s)?(?: [A-Z][\w’'-]*)? ([A-Z][a-z]+)\b"
)
# Words before a saint's name that make it a place ("held in Saint Vincent", "at St. Mary's").
_SAINT_PLACE_BEFORE: Final = frozenset("in at near into inside outside".split())
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
    r"|\b(?:morning|afternoon|evening|night|noon|midnight) \Z"  # "Monday afternoon EEST"
)
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
# Those of them that make it a date whatever follows ("In June Nanjing Automobile bid"), where
# "by" and "from" may open a person's name ("a song by June Tabor").
_MONTH_DATE_WORDS: Final = _MONTH_PREPOSITIONS - {"by", "from"}


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
    return len(word) <= 6 and capitals_only(word)


def hyphened_capitals(word: str) -> bool:
    """'C-MORE', 'ABS-CBN', 'C-SPAN': capitals A-Z in two or three parts joined by hyphens, a
    body's abbreviation (no person's name is written so), four letters or more in all."""
    if "-" not in word or len(word) < 5:
        return False
    parts = word.split("-")
    return (
        len(parts) <= 3
        and all(0 < len(p) <= 6 and capitals_only(p) for p in parts)
        and max(len(p) for p in parts) > 2  # not "US-UK", "EU-US": two places
        and len(parts[-1]) > 1  # not "ESBL-E. coli": a bacterium's initial
    )


def _brand_match(word: str) -> re.Match[str] | None:
    """`_BRAND.fullmatch(word)`: a word with no capital after its first letter ("Smith", most
    names asked) is none without the regular expression."""
    return None if lower_from(word, 1) else _BRAND.fullmatch(word)


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
    return lower_from(word, 0)


def lower_from(word: str, at: i64) -> bool:
    """`word[at:].islower()`. Compiled, it is read by character codes while they are ASCII
    (a str method is a call through Python there, ~300 instructions); pure Python calls the
    method (a loop costs more there)."""
    if not _COMPILED:
        return word[at:].islower()
    return lower_by_code(word, at)


def lower_by_code(word: str, at: i64) -> bool:
    """`word[at:].islower()` by character codes: A-Z answers False, a-z is a cased character,
    the method is asked at the first character past ASCII (it knows every script's cases)."""
    cased = False
    size: i64 = len(word)
    i: i64 = at
    while i < size:
        code: i64 = ord(word[i])
        if code >= 128:
            return word[at:].islower()
        if 65 <= code <= 90:
            return False
        if 97 <= code <= 122:
            cased = True
        i += 1
    return cased


def upper_word(word: str) -> bool:
    """`word.isupper()`, read by character codes when compiled (as lower_from)."""
    if not _COMPILED:
        return word.isupper()
    return upper_by_code(word)


def upper_by_code(word: str) -> bool:
    """`word.isupper()` by character codes (as lower_by_code, the cases swapped)."""
    cased = False
    size: i64 = len(word)
    i: i64 = 0
    while i < size:
        code: i64 = ord(word[i])
        if code >= 128:
            return word.isupper()
        if 97 <= code <= 122:
            return False
        if 65 <= code <= 90:
            cased = True
        i += 1
    return cased


def last_word_in(text: str, lo: int, hi: int) -> str:
    """`text[lo:hi].rsplit(None, 1)[-1]`, "" where that slice is blank: the word a window
    ends with. Compiled, read by character codes (the method with a None separator is a call
    through Python there, ~700 instructions); pure Python calls the method."""
    if not _COMPILED:
        words = text[lo:hi].rsplit(None, 1)
        return words[-1] if words else ""
    return last_word_by_code(text, lo, hi)


def last_word_by_code(text: str, lo: i64, hi: i64) -> str:
    """`last_word_in` by character codes (its bounds read as a slice reads them)."""
    start, end = _slice_bounds(len(text), lo, hi)
    while end > start and _is_blank_at(text, end - 1):
        end -= 1
    at: i64 = end
    while at > start and not _is_blank_at(text, at - 1):
        at -= 1
    return text[at:end]


def first_word_in(text: str, lo: int, hi: int) -> str:
    """`text[lo:hi].split(None, 1)[0]`, "" where that slice is blank: the word a window opens
    with (by character codes when compiled, as last_word_in)."""
    if not _COMPILED:
        words = text[lo:hi].split(None, 1)
        return words[0] if words else ""
    return first_word_by_code(text, lo, hi)


def first_word_by_code(text: str, lo: i64, hi: i64) -> str:
    """`first_word_in` by character codes."""
    start, end = _slice_bounds(len(text), lo, hi)
    while start < end and _is_blank_at(text, start):
        start += 1
    stop: i64 = start
    while stop < end and not _is_blank_at(text, stop):
        stop += 1
    return text[start:stop]


def _slice_bounds(size: i64, lo: i64, hi: i64) -> tuple[i64, i64]:
    """The offsets `text[lo:hi]` reads for a text of `size` characters (negative bounds count
    from its end; both are clipped to the text)."""
    if lo < 0:
        lo = lo + size if lo + size > 0 else 0
    if hi < 0:
        hi = hi + size if hi + size > 0 else 0
    return (lo if lo < size else size), (hi if hi < size else size)


def _is_blank_at(text: str, at: i64) -> bool:
    """Whether text[at] is blank as str.split and str.isspace read it (0 <= at < len(text))."""
    code: i64 = ord(text[at])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[at].isspace()


def decimal_char(char: str) -> bool:
    """`char.isdecimal()` for one character: by its code where it is ASCII (compiled, the
    method is a call through Python, ~300 instructions)."""
    code = ord(char)
    if code < 128:
        return 48 <= code <= 57
    return char.isdecimal()


def capitals_only(word: str) -> bool:
    """`word.isascii() and word.isalpha() and word.isupper()`: at least one character, every
    one A-Z (read by character codes when compiled, as lower_from)."""
    if not _COMPILED:
        return word.isascii() and word.isalpha() and word.isupper()
    return capitals_by_code(word)


def capitals_by_code(word: str) -> bool:
    """`capitals_only` by character codes."""
    size: i64 = len(word)
    i: i64 = 0
    while i < size:
        code: i64 = ord(word[i])
        if code < 65 or code > 90:
            return False
        i += 1
    return size > 0


def _is_upper(word: str) -> bool:
    """`word.isupper()`, False at once when its second character is a-z ("Smith": most words
    asked; see _is_lower)."""
    if len(word) > 1 and 97 <= ord(word[1]) <= 122:
        return False  # a lower-case letter is a cased character that is not upper case
    return upper_word(word)


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
def title_lengths() -> dict[str, frozenset[int]]:
    """How many words the titles opening with each word have ("Secretary": 1, 2 and 3)."""
    lengths: dict[str, set[int]] = {}
    for title in load_gazetteer().titles:
        words = title.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    return {word: frozenset(counts) for word, counts in lengths.items()}


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
            word in last_words
            or len(word) < 2
            or word[:-1] in last_words
            or apostrophes_dropped(word) in last_words
        )
    return found


def _opens_known(word: str) -> bool:
    known_first = _known_first_words()
    return not word.islower() and (
        word in known_first
        or word[:-1] in known_first
        or "." in word
        or (
            ("'" in word or "’" in word)
            and (
                strip_possessive(word) in known_first
                or apostrophes_dropped(strip_possessive(word)) in known_first
                or _particle_lowered(strip_possessive(word)) in known_first  # "Al-Qaeda's"
            )
        )
        or _particle_lowered(word) in known_first
    )


def apostrophes_dropped(surface: str) -> str:
    """ "Shi'ite" → "Shiite", "Sana’a" → "Sanaa": a name spelled with an apostrophe inside a
    word, as some writers transliterate it, in the spelling the lists know."""
    return surface.replace("'", "").replace("’", "")


def _particle_lowered(surface: str) -> str:
    """'Al-Qaeda' → 'al-Qaeda': a name known with a lower-case particle, capitalised as
    the first word of a sentence or by another writer ("" when `surface` opens with none)."""
    head, sep, rest = surface.partition("-")
    if sep and rest[:1].isupper() and head[:1].isupper() and head.lower() in PARTICLES:
        return head.lower() + sep + rest
    return ""


# Words a LowerCaseWords looks for one by one before it cuts the text into words.
_SEARCHED_WORDS: Final = 256


class LowerCaseWords:
    """The words `text` writes in lower case: `word in words` is whether some word token of
    `text` (as `segment.WORD` cuts them) is exactly `word`, all lower case.

    Each word asked is looked for once (its answer is remembered): most words asked are absent
    or hide only inside others ("wn" in "down"), and a substring search with a check of each
    occurrence's edges costs less than cutting the whole text into words.
    """

    def __init__(self, text: str, searched: int = _SEARCHED_WORDS) -> None:
        # "@github": a handle is no use of a word ("GitHub also said" stays a name)
        self.text = _HANDLE.sub(_blank, text) if "@" in text else text
        self.answers: dict[str, bool] = {}
        # past `searched` words asked (a list of thousands of names asks thousands, each
        # search reading the whole text), the text is cut into its words once
        self.searched = searched
        self.tokens: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not lower_from(word, 0):
            return False
        found = self.answers.get(word)
        if found is None:
            if len(self.answers) < self.searched:
                found = _has_word_token(self.text, word)
            else:
                if self.tokens is None:
                    self.tokens = frozenset(WORD.findall(self.text))
                found = word in self.tokens
            self.answers[word] = found
        return found


_HANDLE: Final = re.compile("@" + WORD.pattern)  # "@github", "@acme.com"


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


_WORD_JOINERS: Final = "’'.&-"  # what joins the parts of one `segment.WORD` token ("x-ray", "U.S")


def _has_word_token(text: str, word: str) -> bool:
    """Whether `WORD.findall(text)` would hold `word`: an occurrence is a token when it opens
    one (no word character before it, nor a joiner right after a word character, which the
    token before would take) and the token matched there ends with it."""
    if not word.isalnum() and WORD.fullmatch(word) is None:  # letters alone: one token
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


# How an occurrence of a name stands alone (`find_alone`'s `edges`): no letter or digit on
# either side, the next occurrence looked for past its end ("Monchegorsk" as a town: a longer
# word holds no town); no word character before and no letter after ("Sondhi" again, "Sondhi1"
# too); a space before and a word boundary after ("a Nano": what counts_name reads).
ALNUM_EDGES: Final = 0
LETTER_AFTER_EDGES: Final = 1
SPACE_BEFORE_EDGES: Final = 2


def find_alone(text: str, name: str, at: int, edges: int) -> int:
    """The first place from `at` where the non-empty `name` stands alone in `text` by the rule
    `edges` (ALNUM_EDGES, LETTER_AFTER_EDGES or SPACE_BEFORE_EDGES), or -1; each occurrence
    found by str.find, its two edges read by character (SPACE_BEFORE_EDGES needs `at` >= 1)."""
    size = len(name)
    ends_in_word = _is_word_char(name[-1])
    at = text.find(name, at)
    while at >= 0:
        end = at + size
        if edges == ALNUM_EDGES:
            if not (at and text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
                return at
            at = text.find(name, end)
            continue
        if edges == LETTER_AFTER_EDGES:
            if not (at and _is_word_char(text[at - 1])) and not (
                end < len(text) and text[end].isalpha()
            ):
                return at
        # \b after the name: a word character on one side only (none past the text's end)
        elif text[at - 1] == " " and ends_in_word != _is_word_char(text[end : end + 1]):
            return at
        at = text.find(name, at + 1)
    return -1


def counts_name(text: str, name: str) -> bool:
    """Whether `text` counts the non-empty `name` ("a Nano", "an Airbus"): what
    `re.search(rf"\\b[Aa]n? {re.escape(name)}\\b", text)` finds, by str.find (that search made
    a pattern per name and tried it at every character of the article: ~200,000 instructions a
    call, compiled)."""
    at = find_alone(text, name, 2, SPACE_BEFORE_EDGES)  # "a " at least before it
    while at >= 0:
        k = at - 2  # the "a" of "a ", or the "n" of "an "
        if text[k] == "n" and k >= 1 and text[k - 1] in "Aa":
            k -= 1
        elif text[k] not in "Aa":
            k = -1
        if k >= 0 and (k == 0 or not _is_word_char(text[k - 1])):  # \b before the "a"
            return True
        at = find_alone(text, name, at + 1, SPACE_BEFORE_EDGES)
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


# The capitals a dollar is named by apart from its sign ("US $39", "NZ dollars", "AUD $5"): a
# country's other capitals before " $" name it ("the IMF $3 billion loan", "the UN $2.5 billion").
_DOLLAR_PREFIXES: Final = frozenset(
    "US U.S USD A AU AUD C CA CAN CAD NZ NZD HK HKD S SG SGD NT NTD TT EC J Z ZWD".split()
)


def _currency_after(text: str, word: str, end: int) -> bool:
    """Whether capitals `word` ending at `end` (before the text's end) are a currency's, right
    before "$" ("US$20"), or a dollar's prefix before " $" or " dollar(s)" ("US $39", "U.S.
    dollars"), not their country's name ("the US. $5 billion": a sentence's stop is no prefix's)."""
    code = ord(text[end])
    if code == 36:  # "$"
        return True
    if len(word) > 3 or word not in _DOLLAR_PREFIXES:  # (three letters at most: no hash first)
        return False
    if code == 46:  # "U.S. dollars": the token is "U.S", its last dot after it
        if "." not in word:
            return False
        end += 1
    elif code != 32:
        return False
    return text[end + 1 : end + 2] == "$" or text.startswith(" dollar", end)


def _chunks(
    text: str, tokens: list[Token], hyphened: list[Token] | None = None
) -> list[tuple[list[Token], list[str | None]]]:
    """Runs of capitalised words (with inner connectors and particles) separated only by spaces;
    the tokens with a hyphen are added to `hyphened` (when given) on the way."""
    org_words = load_gazetteer().org_words
    out: list[tuple[list[Token], list[str | None]]] = []
    run: list[Token] = []
    cues: list[str | None] = []
    caps = [_is_cap(tok.text) for tok in tokens]
    for i, raw in enumerate(tokens):
        if not run and not caps[i]:
            continue  # a lower-case word outside a run, the commonest case (never split either)
        # (the currency's test first: `isupper` is a method call from compiled code, ~150
        # instructions, for every word of a run)
        if raw.end < len(text) and _currency_after(text, raw.text, raw.end) and raw.text.isupper():
            if run:  # "US$20", "NZ$10,000", "US $39", "nine billion US dollars": a currency,
                out.append((run, cues))  # not a mention of the country
            run, cues = [], []
            continue
        if "-" in raw.text:  # "California-based": the name, and the cue in its tail
            if hyphened is not None:
                hyphened.append(raw)
            tok, cue = _split_suffix(raw)
            if (
                tok is not raw
                and cue is None
                and i + 1 < len(tokens)
                and caps[i + 1]
                and tokens[i + 1].start == raw.end + 1
                and (not raw.text.endswith(_SUFFIX_ENDINGS) or _syllable_tail(raw.text))
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


def _syllable_tail(word: str) -> bool:
    """'Kuo-ching', 'Mei-ling': a given name's second syllable that only looks like a verb's
    ending ("-ing", "-ed" after one or two letters), not 'Kremlin-leaning', 'Left-wing'."""
    head, _, tail = word.partition("-")
    stem = tail[:-3] if tail.endswith("ing") else tail[:-2] if tail.endswith("ed") else tail
    common = _common_words()
    return (
        len(stem) <= 2
        and stem.isalpha()
        and tail not in _SYLLABLE_WORDS
        and head.lower() not in common
        and head not in ("Left", "Right")
        and tail not in common
    )


# Short English words ending like a verb, never a given name's syllable ("Left-wing", "Burger-king").
_SYLLABLE_WORDS: Final = frozenset(
    "wing king ring sing bring thing being fed led bed red wed".split()
)


# Bodies whose names open with a role's singular possessive: "Worker's Party", "Teacher's
# Federation", "Citizen's Committee" (written so for "Workers'", "Teachers'"…).
_ROLE_POSSESSIVE_HEADS: Final = frozenset(
    "Party Union Association Federation League Movement Alliance Front Congress Committee "
    "Council Coalition Society Guild".split()
)


@cache
def _role_words() -> frozenset[str]:
    return load_gazetteer().role_words


def _role_possessive(word: str) -> bool:
    """Whether `word` is a role's singular possessive ("Worker's", "Teacher’s")."""
    return word[-2:] in ("'s", "’s") and word[:-2].lower() in _role_words()


_FEAST_WORDS: Final = frozenset(("Day", "Eve", "Night", "Feast"))


@cache
def _listed_possessive_pairs() -> frozenset[tuple[str, str]]:
    """A possessive inside a listed name and the word after it ("Lord's", "Resistance": the
    "Lord's Resistance Army"; "Lloyd's", "of"): there the possessive goes on into the name."""
    pairs: set[tuple[str, str]] = set()
    for name in load_gazetteer().known:
        if "'s " in name:
            words = name.split(" ")
            for i in range(len(words) - 1):
                if words[i].endswith("'s"):
                    pairs.add((words[i], words[i + 1]))
    return frozenset(pairs)


def _joinable(text: str, last: Token, tok: Token, org_words: frozenset[str]) -> bool:
    """Whether `tok` may continue a run ending with `last`, judged by the gap between them: one
    space (not after a possessive), ". " after an initial or an abbreviated title, "s' " before
    a head noun ("Workers' Union") or "Hall" ("Fishmongers' Hall")."""
    width = tok.start - last.end
    if width == 1:
        return (
            text[last.end] == " "
            and (
                last.text[-2:] not in ("’s", "'s")  # (a tuple's endswith: a generic call)
                or last.text in _NAME_POSSESSIVES
                or (last.text[-5:-2] == "men" and tok.text in org_words)  # "Horsemen's Association"
                or (tok.text in _ROLE_POSSESSIVE_HEADS and _role_possessive(last.text))
                or (last.text.replace("’", "'"), tok.text) in _listed_possessive_pairs()
                or (
                    last.text[-2:] in ("'s", "’s")
                    and text.endswith(_SAINTS, max(0, last.start - 6), last.start)
                    and tok.text not in CALENDAR
                    and tok.text not in _FEAST_WORDS
                )
            )
        )
    if width != 2:
        return False
    gap = text[last.end : tok.start]
    if (gap[0] == " " and gap[1] in NICKNAME_MARKS and nickname_end(text, last.end + 1) > 0) or (
        gap[1] == " " and gap[0] in NICKNAME_MARKS and closes_nickname(text, last.end)
    ):
        return True  # 'Earvin "Magic" Johnson': one name
    if gap == " (" or gap == ") ":
        return _bracket_nickname(text, last, tok, gap == " (")
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


# A nickname in brackets inside a name ("(Dick) Warburton"): one word, a capital then lower
# case, and the capitalised word after the bracket.
_BRACKET_NICKNAME: Final = re.compile(r"([A-Z][a-z]+)\) ([A-Z][\w'’-]*)")


def _bracket_nickname(text: str, last: Token, tok: Token, opens: bool) -> bool:
    """'Richard (Dick) Warburton': a known given name, a nickname in brackets and a word that no
    list knows (not 'Ann Lee (Reuters) Tuesday'); the bracket opens after `last` (`opens`) or
    closes after it."""
    if opens:
        given, nickname = last.text, tok
    elif text[last.start - 2 : last.start] == " (":
        given, nickname = text[text.rfind(" ", 0, last.start - 2) + 1 : last.start - 2], last
    else:
        return False
    m = _BRACKET_NICKNAME.match(text, nickname.start)
    gaz = load_gazetteer()
    return (
        m is not None
        and given in gaz.first_names
        and m.group(1) not in gaz.known
        and m.group(2) not in gaz.known
        and m.group(2) not in CALENDAR
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


# Whether this module runs compiled (mypyc makes its functions built-in ones): lower_from,
# upper_word and capitals_only read character codes only there.
_COMPILED: Final = not isinstance(_is_lower, FunctionType)
