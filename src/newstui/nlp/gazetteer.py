"""Word lists shipped in nlp/data: known places, organisations, nationalities, names, titles, cue words."""

from __future__ import annotations

import gzip
import hashlib
import heapq
import re
import unicodedata
from array import array
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

DATA_FILES = (
    "places.txt",
    "orgs.txt",
    "demonyms.txt",
    "languages.txt",
    "first_names.txt",
    "first_names_greek_cyrillic.txt",
    "first_names_accented.txt",
    "first_names_variants.txt",
    "first_names_plain.txt",
    "titles.txt",
    "role_words.txt",
    "org_words.txt",
    "place_words.txt",
    "common_words.txt",
    "aliases.txt",
    "orgs_listed.txt.gz",
    "orgs_news.txt.gz",
    "orgs_parties.txt.gz",
    "places_geo.txt.gz",
    "org_weak.tsv",
)
# The lists below the hand-written ones, merged into one lookup (tier_type), each with its kind:
# 1 for the organisations (listed, news, parties), which win over 0, GeoNames' towns
TIER_FILES: Final = (
    ("places_geo.txt.gz", 0),
    ("orgs_listed.txt.gz", 1),
    ("orgs_news.txt.gz", 1),
    ("orgs_parties.txt.gz", 1),
)
# The tier files the lookup reads without (leave_out_tiers: a builder of one of them)
_LEFT_OUT: Final[set[str]] = set()


# Offices filled by election, whose holder-to-be is titled "-elect" ("Governor-elect").
# An organisation's acronym of four to seven letters, which may be written as a word ("Nato").
_SAID_AS_WORD = re.compile(r"[A-Z]{4,7}")
_ELECTED_OFFICES = frozenset(
    "President Vice-President Governor Mayor Senator Congressman Congresswoman Representative "
    "Premier Chancellor Minister Speaker".split()
)
# A letter of the Greek script
_GREEK: Final = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
# What follows an airline's one-word short name in its listed name ("Southwest Airlines").
_AIRLINE_TAILS: Final = (" Airlines", " Airways", " Air Lines")


@dataclass(frozen=True)
class Gazetteer:
    """All lists, ready for lookups: `known` maps an exact name to PLACE, ORG, GROUP or LANGUAGE.

    GROUP: nationalities, religious and political groups; LANGUAGE names are known only so they
    are never taken for places or people, and are never shown as entities.

    `known_upper` maps the ALL-CAPS spelling of a known name ("CAPE TOWN") to its usual one.
    """

    known: dict[str, str]
    known_upper: dict[str, str]
    known_max_words: int
    first_names: dict[str, str]
    titles: frozenset[str]
    title_first_words: frozenset[str]
    title_max_words: int
    role_words: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    common_words: frozenset[str]
    aliases: dict[str, str]
    airline_names: frozenset[str]


def _lines(name: str) -> list[str]:
    text = (
        resources.files("newstui.nlp").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    )
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def load_gazetteer() -> Gazetteer:
    """Read the shipped lists once per process."""
    known: dict[str, str] = {}
    for name in _lines("places.txt"):
        known[name] = "PLACE"
    for name in _lines("demonyms.txt"):
        known.setdefault(name, "GROUP")
    for name in _lines("languages.txt"):
        known.setdefault(name, "LANGUAGE")
    for name in _lines("orgs.txt"):
        known[name] = "ORG"
    first_names: dict[str, str] = {}
    for line in [
        *_lines("first_names.txt"),
        *_lines("first_names_greek_cyrillic.txt"),
        *_lines("first_names_accented.txt"),
        *_lines("first_names_variants.txt"),
        *_lines("first_names_plain.txt"),
    ]:
        gender, _, names = line.partition(":")
        for name in names.split():
            first_names[name] = "u" if first_names.get(name, gender) != gender else gender
    titles = frozenset(_lines("titles.txt"))
    # "President-elect Ann Lee", "Vice President-elect Moore": an office's "-elect" is its title
    titles |= {t + "-elect" for t in titles if t.split(" ")[-1] in _ELECTED_OFFICES}
    common_words = frozenset(w for line in _lines("common_words.txt") for w in line.split())
    for name in [n for n, kind in known.items() if kind == "ORG" and _SAID_AS_WORD.fullmatch(n)]:
        # "Nato", "Unicef", "Opec": the British style of an acronym said as a word
        said = name.capitalize()
        if said not in first_names and said.lower() not in common_words and said not in known:
            known.setdefault(said, "ORG")
    aliases = {}
    for line in _lines("aliases.txt"):
        alias, _, canonical = line.partition("\t")
        aliases[alias.casefold()] = canonical
        if canonical in known:  # "al-Qaida" is found in a text as "al-Qaeda" is
            known.setdefault(alias, known[canonical])
    return Gazetteer(
        known=known,
        known_upper=_known_upper(known),
        known_max_words=max(len(name.split()) for name in known),
        first_names=first_names,
        titles=titles,
        title_first_words=frozenset(t.split(" ")[0] for t in titles),
        title_max_words=max(len(t.split()) for t in titles),
        role_words=frozenset(w for line in _lines("role_words.txt") for w in line.split()),
        org_words=frozenset(_lines("org_words.txt")),
        place_words=frozenset(_lines("place_words.txt")),
        common_words=common_words,
        aliases=aliases,
        airline_names=_airline_names(known, first_names),
    )


def _known_upper(known: dict[str, str]) -> dict[str, str]:
    """The ALL-CAPS spelling of each known name, to its usual one; a Greek name's also without
    its accents, as Greek capitals are written ("ΑΘΗΝΑ" is Αθήνα)."""
    upper = {name.upper(): name for name in known if not name.isupper()}
    for name in known:
        if _GREEK.search(name) and not name.isupper():
            plain = "".join(
                c
                for c in unicodedata.normalize("NFD", name.upper())
                if not unicodedata.combining(c)
            )
            upper.setdefault(unicodedata.normalize("NFC", plain), name)
    return upper


def _airline_names(known: dict[str, str], first_names: dict[str, str]) -> frozenset[str]:
    """The one-word names of listed airlines ("Southwest" of "Southwest Airlines", "Delta" of
    "Delta Air Lines") that are no known name or given name by themselves: "Southwest said …"
    is the airline, not a person."""
    names = set()
    for name, kind in known.items():
        for tail in _AIRLINE_TAILS:
            if kind == "ORG" and name.endswith(tail):
                word = name[: -len(tail)]
                if " " not in word and word not in known and word not in first_names:
                    names.add(word)
    return frozenset(names)


def _tier_names(name: str) -> dict[str, None]:
    """The names of a gzipped list in nlp/data that the hand-written lists do not hold.

    A dict of names, not a set: a dict of strings only is no work for the garbage collector
    (a set of 20,000 names was walked at every full collection: +0.3 % instructions a word)."""
    gaz = load_gazetteer()
    data = resources.files("newstui.nlp").joinpath("data").joinpath(name)
    lines = gzip.decompress(data.read_bytes()).decode("utf-8").splitlines()
    return dict.fromkeys(n for n in lines if n and n[0] != "#" and n not in gaz.known)


def _sorted_list(name: str) -> Iterator[bytes]:
    """The names of a gzipped list in nlp/data, UTF-8, in order and one at a time: the tools
    write the lists sorted, and read this way no collection of their 20,000+ names is made (one
    made with sets and dicts of them left ~3.5 MiB of freed memory with every process that
    analyses). A list not in order (edited by hand) is sorted here."""
    data = resources.files("newstui.nlp").joinpath("data").joinpath(name).read_bytes()
    return names_in_order(gzip.decompress(data))


def names_in_order(data: bytes) -> Iterator[bytes]:
    """The names of a list's text (a name a line; # comments), sorted, one at a time when the
    text has them in order already."""
    previous = b""
    for line in _list_lines(data):
        if line <= previous:
            yield from sorted(set(_list_lines(data)))
            return
        previous = line
    yield from _list_lines(data)


def _list_lines(data: bytes) -> Iterator[bytes]:
    """The lines of a list's text that are names (not empty, not a # comment), one at a time."""
    start, size = 0, len(data)
    while start < size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size
        line = data[start : end - 1 if data[end - 1 : end] == b"\r" else end]
        start = end + 1
        if line and line[0] != 35:  # "#"
            yield line


def listed_orgs() -> dict[str, None]:
    """Companies listed on stock exchanges (orgs_listed.txt.gz, tools/build_listed_orgs.py)."""
    return _tier_names("orgs_listed.txt.gz")


def news_orgs() -> dict[str, None]:
    """Organisations that cues typed in several Wikinews articles of 2005-2013 (orgs_news.txt.gz,
    tools/build_news_orgs.py): outlets, agencies, parties and firms no listing holds."""
    return _tier_names("orgs_news.txt.gz")


def party_orgs() -> dict[str, None]:
    """Political parties of Party Facts' core list (orgs_parties.txt.gz,
    tools/build_party_orgs.py): parties of 170 countries no other list holds."""
    return _tier_names("orgs_parties.txt.gz")


def geo_places() -> dict[str, None]:
    """Towns of over 15,000 people, countries and US states of GeoNames (places_geo.txt.gz,
    tools/build_geo_places.py), read on first use: they type a name as PLACE only when no
    evidence in the article types it."""
    return _tier_names("places_geo.txt.gz")


class SortedNames:
    """Names held as one sorted UTF-8 blob and found by binary search, behind a bitmap of their
    hashes (two bits a name) that turns most names away at once, each with a small number
    (`kinds`) when given one. 45,000 names take ~0.8 MiB here where a dict of str took ~4.6 MiB
    in every process that analyses (issue 12's memory row: the whole tree's peak while filling
    100,000 articles must stay under 120 MiB)."""

    def __init__(self, names: Iterable[str], kinds: Mapping[str, int] | None = None) -> None:
        encoded = sorted({name.encode("utf-8") for name in names})
        self.blob = b"".join(encoded)
        self.ends = array("I")
        self.bits = bytearray(_BITMAP_BYTES)
        kind_of = bytearray()
        at = 0
        for raw in encoded:
            name = raw.decode("utf-8")
            at += len(raw)
            self.ends.append(at)
            self._mark(name)
            if kinds is not None:
                kind_of.append(kinds[name])
        self.kinds = bytes(kind_of)

    @classmethod
    def merged(cls, names: Iterable[tuple[bytes, int]], left_out: Container[str]) -> SortedNames:
        """The names of (UTF-8 name, kind) pairs given in order, which may repeat a name (it
        takes its largest kind), but those in `left_out`: made as they come, with no collection
        of names beside the result."""
        made = cls(())
        blob, kinds = bytearray(), bytearray()
        last = b""
        for raw, kind in names:
            if raw == last:
                kinds[-1] = max(kinds[-1], kind)
                continue
            name = raw.decode("utf-8")
            if name in left_out:
                continue
            last = raw
            blob += raw
            made.ends.append(len(blob))
            made._mark(name)
            kinds.append(kind)
        made.blob, made.kinds = bytes(blob), bytes(kinds)
        return made

    def _mark(self, name: str) -> None:
        """Set the name's two bits in the bitmap (see find)."""
        code = hash(name)
        for bit in (code & _BITMAP_MASK, (code >> _BITMAP_SHIFT) & _BITMAP_MASK):
            self.bits[bit >> 3] |= 1 << (bit & 7)

    def find(self, name: str) -> int:
        """The place of `name` in the sorted names (its kind is `kinds[place]`), or -1."""
        code = hash(name)
        bit = code & _BITMAP_MASK
        if not self.bits[bit >> 3] & (1 << (bit & 7)):
            return -1
        bit = (code >> _BITMAP_SHIFT) & _BITMAP_MASK  # a second bit: ~0.8% get past both
        if not self.bits[bit >> 3] & (1 << (bit & 7)):
            return -1
        key = name.encode("utf-8")
        blob, ends = self.blob, self.ends
        low, high = 0, len(ends)
        while low < high:
            middle = (low + high) // 2
            probe = blob[ends[middle - 1] if middle else 0 : ends[middle]]
            if probe < key:
                low = middle + 1
            elif probe > key:
                high = middle
            else:
                return middle
        return -1

    def __contains__(self, name: str) -> bool:
        return self.find(name) >= 0


# 1,048,576 bits, two set a name (from two parts of its hash): ~0.8% of names not listed get
# past both (~4.5% past one; each costs a binary search of ~15 steps)
_BITMAP_MASK: Final = (1 << 20) - 1
_BITMAP_SHIFT: Final = 24
_BITMAP_BYTES: Final = (_BITMAP_MASK + 1) // 8


def leave_out_tiers(files: Iterable[str]) -> None:
    """Make the lookup read the lower lists without `files` (names of TIER_FILES) from now on:
    a tool building one of them reads the extractor without the lists it replaces, so that a
    build does not depend on its own last output."""
    _LEFT_OUT.clear()
    _LEFT_OUT.update(files)
    _tiers.cache_clear()


@cache
def _tiers() -> SortedNames:
    """The lower lists in one lookup, read on first use: kind 1 for the organisations (listed,
    news and parties), which win over kind 0, GeoNames' towns."""
    parts = [
        _of_kind(_sorted_list(name), kind) for name, kind in TIER_FILES if name not in _LEFT_OUT
    ]
    return SortedNames.merged(heapq.merge(*parts), load_gazetteer().known)


def _of_kind(names: Iterator[bytes], kind: int) -> Iterator[tuple[bytes, int]]:
    """Each name with `kind` (a generator: mypyc makes a generator expression a list)."""
    for name in names:
        yield name, kind


def tier_type(name: str) -> str | None:
    """The type the lists below the hand-written ones give `name`: "ORG" (listed and news
    organisations, first), "PLACE" (GeoNames' towns) or None. They type a name only when no
    evidence in the article types it. Only this compact lookup stays in memory: the lists it
    is made of are read again when asked for alone (tests, tools)."""
    tiers = _tiers()
    at = tiers.find(name)
    if at < 0:
        return None
    return "ORG" if tiers.kinds[at] else "PLACE"


@cache
def us_states() -> frozenset[str]:
    """The US states of places.txt (its "# US states" section): a state university's campus is
    named after it ("University of California, San Diego")."""
    text = resources.files("newstui.nlp").joinpath("data").joinpath("places.txt")
    section = text.read_text(encoding="utf-8").split("\n# US states\n", 1)[1].split("\n#", 1)[0]
    return frozenset(line.strip() for line in section.splitlines() if line.strip()) | {
        "New York",
        "Washington",
    }


@cache
def source_fingerprint() -> str:
    """A short hash of this package's code and data, so any edit changes the extractor version."""
    digest = hashlib.sha256()
    package = resources.files("newstui.nlp")
    paths = sorted(p.name for p in package.iterdir() if p.name.endswith(".py"))
    for name in paths:
        digest.update(package.joinpath(name).read_bytes())
    for name in DATA_FILES:
        digest.update(package.joinpath("data").joinpath(name).read_bytes())
    return digest.hexdigest()[:10]
