"""Name normalisation: keys that let the same entity match within and across articles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from types import FunctionType
from typing import TYPE_CHECKING, Final

from newstui.nlp.gazetteer import load_gazetteer
from newstui.query import SURNAME_PREFIX

if TYPE_CHECKING:  # mypyc's native 64-bit integer; plain int when run as Python
    from mypy_extensions import i64

PARTICLES: Final = frozenset(
    "al el ad as ash at az ar an ibn bin bint abu van von der den de da di du del della la le dos das ter y".split()
)
_POSSESSIVE: Final = re.compile(r"[’']s?$")
_NON_WORD: Final = re.compile(r"[^\w\s]")


def strip_possessive(word: str) -> str:
    """'Assad’s' → 'Assad'; 'rebels’' → 'rebels'."""
    if _COMPILED:
        return possessive_cut_by_code(word)
    if len(word) > 2 and ("'" in word or "’" in word):
        if "\n" in word:  # `$` also matches before a final newline: only the pattern knows
            return _POSSESSIVE.sub("", word)
        # what `_POSSESSIVE.sub("", word)` gives, without a regex call (most words pass here)
        last = word[-1]
        if last == "'" or last == "’":
            return word[:-1]
        if last == "s" and (word[-2] == "'" or word[-2] == "’"):
            return word[:-2]
    return word


def possessive_cut_by_code(word: str) -> str:
    """strip_possessive compiled: what `_POSSESSIVE.sub("", word)` gives, read from the last two
    characters' codes (no search of the word for an apostrophe, two calls through Python there:
    56,000 calls in 1,000 articles). `$` matches only at the end unless the word ends with a
    newline, the one case left to the pattern."""
    size: i64 = len(word)
    if size <= 2:
        return word
    last: i64 = ord(word[size - 1])
    if last == 39 or last == 8217:  # "'", "’"
        return word[:-1]
    if last == 115:  # "s"
        before: i64 = ord(word[size - 2])
        return word[:-2] if before == 39 or before == 8217 else word
    if last == 10 and ("'" in word or "’" in word):  # a final newline
        return _POSSESSIVE.sub("", word)
    return word


_VOWELS: Final = frozenset("aeiouy")


def spelling_variant(a: str, b: str) -> bool:
    """Whether two different folded words are one name spelled two ways in one article:
    one vowel for another ("Wasef"/"Wasif", "Usama"/"Osama") or a doubled letter
    ("Philips"/"Phillips")."""
    if a == b or len(a) < 4 or len(b) < 4:
        return False
    if a[0] != b[0] and (len(a) != len(b) or a[0] not in _VOWELS or b[0] not in _VOWELS):
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1:
        return False
    k = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return long[k] == long[k - 1] and long[:k] + long[k + 1 :] == short


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name; hyphens become spaces."""
    return " ".join(fold_words(name))


def fold_words(name: str) -> list[str]:
    """The words of `fold(name)`, not joined (what a key is made of)."""
    if name.isascii():
        plain = name  # NFKD leaves ASCII as it is, and no ASCII character is a combining mark
    else:
        decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("'", "").replace("&", " and ")
    if not plain.replace(" ", "").isalnum():  # letters, digits and spaces: nothing to blank
        plain = _NON_WORD.sub(" ", plain)
    return plain.casefold().split()


# The nouns of a state's long form: "Islamic Republic of Iran", "Kingdom of Saudi Arabia".
_STATE_FORMS: Final = frozenset(
    "Republic Kingdom Commonwealth Federation Confederation Sultanate Principality Emirate "
    "State".split()
)
# The words a state's long form opens with ("Consumer Federation of America" is a body).
_STATE_FORM_WORDS: Final = frozenset(
    "Islamic People's People’s Peoples Democratic Federal Socialist Arab Hashemite Bolivarian "
    "Plurinational Federative United Turkish Hellenic Independent Cooperative Co-operative "
    "Oriental".split()
)
# Countries whose long forms name two states: "Republic of China" is Taiwan, "Democratic
# Republic of Congo" not the Republic of Congo, "Republic of Korea" the South: kept apart.
_TWO_STATES: Final = frozenset(("China", "Congo", "Korea"))
# A part of a country named by the country's long form: "the Federation of Bosnia and
# Herzegovina" is one of its two entities, "the State of Mexico" one of Mexico's states.
_PARTS_OF_STATES: Final = frozenset(
    (("Federation", "Bosnia and Herzegovina"), ("Federation", "Bosnia"), ("State", "Mexico"))
)


def _place_lines() -> list[tuple[str, str]]:
    """Each name of places.txt with its section's heading (the section's comment lines, joined)."""
    text = resources.files("newstui.nlp").joinpath("data").joinpath("places.txt")
    lines: list[tuple[str, str]] = []
    head, in_head = "", False
    for line in text.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            head, in_head = (head + line if in_head else line), True
            continue
        in_head = False
        if line := line.strip():
            lines.append((head, line))
    return lines


@lru_cache(maxsize=1)
def _named_states() -> frozenset[str]:
    """The places "State of X" may name: the countries, US states and other provinces of
    places.txt, never a city's name ("the State of Washington" is not Washington, the capital and
    its government, nor "the State of New York" the city)."""
    names: set[str] = set()
    cities: set[str] = set()
    for head, line in _place_lines():
        if any(h in head for h in ("# Countries and", "# rules-14", "# US states", "# Provinces")):
            names.add(line)
        elif "first-level divisions" in head:
            names.add(line)  # India's states, China's provinces … (rules-36)
        elif "# Continents" not in head:
            cities.add(line)
    return frozenset(names - cities)


def named_states() -> frozenset[str]:
    """The countries, US states and provinces of places.txt (see `_named_states`)."""
    return _named_states()


@lru_cache(maxsize=1)
def countries_and_regions() -> frozenset[str]:
    """The countries, territories, continents and big regions of places.txt, casefolded, and
    their aliases ("usa", "uk"): the places a body's branch is named for ("Amnesty International
    USA", "Greenpeace Australia Pacific"); never a city's name ("CNN Washington")."""
    names: set[str] = set()
    cities: set[str] = set()
    for head, line in _place_lines():
        if any(h in head for h in ("# Countries and", "# rules-14", "# Continents")):
            names.add(line.casefold())
        else:
            cities.add(line.casefold())
    names -= cities
    aliases = resources.files("newstui.nlp").joinpath("data").joinpath("aliases.txt")
    for line in aliases.read_text(encoding="utf-8").splitlines():
        alias, tab, canonical = line.partition("\t")
        if tab and not line.startswith("#") and canonical.strip().casefold() in names:
            names.add(alias.strip().casefold())
    return frozenset(names)


@lru_cache(maxsize=1)
def countries_and_divisions() -> frozenset[str]:
    """The countries, territories, continents, US states and other first-level divisions of
    places.txt, as written: names a count follows in tables ("Germany, 12, leads the medal
    table", "Texas, 120, reported"), where a city's or landmark's name may be a person's
    ("Hamilton, 38, is")."""
    heads: tuple[str, ...] = ("# Countries and", "# rules-14", "# Continents", "# US states")
    heads += ("# Provinces and", "# Added for rules-20 ", "# Added for rules-36 ")
    return frozenset(line for head, line in _place_lines() if any(h in head for h in heads))


def state_long_form(name: str) -> str:
    """The country a state's long form names ("Islamic Republic of Iran" → "Iran", "the
    Kingdom of Saudi Arabia" → "Saudi Arabia", "State of Texas" → "Texas"), so both forms are
    one entity; "" for any other name (not "Islamic State of Iraq", a body: only "State of"
    alone, and of a state or country, not a city; not "Republic of China": see _TWO_STATES, but
    "People's Republic of China"; not a part of a state: see _PARTS_OF_STATES)."""
    head, of, place = name.partition(" of ")
    if not of:
        return ""
    if place[:4] == "the ":
        place = place[4:]
    words = head.split()
    if words[:1] == ["The"] or words[:1] == ["the"]:
        words = words[1:]
    if not words or words[-1] not in _STATE_FORMS or (words[-1] == "State" and len(words) > 1):
        return ""
    if not all(w in _STATE_FORM_WORDS for w in words[:-1]):
        return ""
    if place in _TWO_STATES and words != ["People's", "Republic"]:
        return ""
    if (words[-1], place) in _PARTS_OF_STATES:
        return ""
    if words[-1] == "State" and place not in _named_states():
        return ""
    return place if load_gazetteer().known.get(place) == "PLACE" else ""


def _words_of_key(name: str) -> tuple[str, ...]:
    """The words of a name's key: aliases mapped, a state's long form its country's, folded, a
    leading "the" and particles dropped."""
    gaz = load_gazetteer()
    name = gaz.aliases.get(name.casefold(), name)
    if " of " in name and (country := state_long_form(name)):
        name = gaz.aliases.get(country.casefold(), country)
    head, _, rest = name.partition(" ")
    if rest and head.casefold() in gaz.aliases:  # "U.S. Congress" is "United States Congress"
        name = f"{gaz.aliases[head.casefold()]} {rest}"
    words = fold_words(name)
    while words and words[0] == "the":
        words = words[1:]
    kept = [w for w in words if w not in PARTICLES]
    return tuple(kept) if kept else tuple(words)


_key_words: Final = lru_cache(maxsize=65536)(_words_of_key)


@lru_cache(maxsize=65536)
def canonical_key(name: str, type: str) -> str:
    """Key under which one entity should be stored across articles.

    Type-prefixed, case/accent/punctuation folded, known aliases mapped ("US" and "United States"
    share one key), Arabic and European name particles and a leading "the" dropped, so
    "Bashar al-Assad" and "Bashar Assad" match; a group's plural is its singular. A lone surname keeps its own key: see `short_key`.
    """
    words = _key_words(name)
    if type == "GROUP" and words and len(words[-1]) > 3 and words[-1][-1] == "s" != words[-1][-2]:
        words = (*words[:-1], words[-1][:-1])  # "Republicans" and "Republican" are one group
    return f"{type.lower()}:{' '.join(words)}"


def untyped_key(name: str) -> str:
    """`canonical_key(name, "x")`, uncached (the article's candidates are grouped under it, and
    entity_merge keeps its own cache by name): a fetch sees mostly new names, and two caches
    missed cost a new name more than the key's making."""
    return "x:" + " ".join(_words_of_key(name))


def short_key(name: str, type: str) -> str:
    """For a PERSON, the key of the surname alone ("person:assad" for "Bashar al-Assad" and "Assad").

    The store may merge an entity whose canonical key equals another's short key when exactly one
    stored full name has that short key; for other types this is `canonical_key`.
    """
    if type != "PERSON":
        return canonical_key(name, type)
    words = _key_words(name)
    return f"person:{words[-1]}" if words else "person:"


def query_keys(name: str, kind: str) -> tuple[str, ...]:
    """The stored entity keys a name typed in a query stands for (newstui.query.NameKeys).

    The canonical key of the name (aliases and particles folded, as when storing), and for a
    single-word person name the surname key too, so `person:Peskov` finds Dmitry Peskov.
    """
    types = ("GROUP", "NORP") if kind == "GROUP" else (kind,)
    keys = [f"{t}:{canonical_key(name, t)}" for t in types]
    if kind == "PERSON" and short_key(name, kind) == canonical_key(name, kind):
        keys.append(SURNAME_PREFIX + short_key(name, kind))
    return tuple(keys)


# Whether this module runs compiled (mypyc makes its functions built-in ones): strip_possessive
# reads character codes only there.
_COMPILED: Final = not isinstance(strip_possessive, FunctionType)
