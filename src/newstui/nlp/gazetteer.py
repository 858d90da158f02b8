"""Word lists shipped in nlp/data: known places, organisations, nationalities, names, titles, cue words."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

DATA_FILES = (
    "places.txt",
    "orgs.txt",
    "demonyms.txt",
    "languages.txt",
    "first_names.txt",
    "titles.txt",
    "role_words.txt",
    "org_words.txt",
    "place_words.txt",
    "common_words.txt",
    "aliases.txt",
    "orgs_listed.txt.gz",
    "orgs_news.txt.gz",
    "places_geo.txt.gz",
)


# Offices filled by election, whose holder-to-be is titled "-elect" ("Governor-elect").
_ELECTED_OFFICES = frozenset(
    "President Vice-President Governor Mayor Senator Congressman Congresswoman Representative "
    "Premier Chancellor Minister Speaker".split()
)


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
    for line in _lines("first_names.txt"):
        gender, _, names = line.partition(":")
        for name in names.split():
            first_names[name] = "u" if first_names.get(name, gender) != gender else gender
    titles = frozenset(_lines("titles.txt"))
    # "President-elect Ann Lee", "Vice President-elect Moore": an office's "-elect" is its title
    titles |= {t + "-elect" for t in titles if t.split(" ")[-1] in _ELECTED_OFFICES}
    aliases = {}
    for line in _lines("aliases.txt"):
        alias, _, canonical = line.partition("\t")
        aliases[alias.casefold()] = canonical
        if canonical in known:  # "al-Qaida" is found in a text as "al-Qaeda" is
            known.setdefault(alias, known[canonical])
    return Gazetteer(
        known=known,
        known_upper={name.upper(): name for name in known if not name.isupper()},
        known_max_words=max(len(name.split()) for name in known),
        first_names=first_names,
        titles=titles,
        title_first_words=frozenset(t.split(" ")[0] for t in titles),
        title_max_words=max(len(t.split()) for t in titles),
        role_words=frozenset(w for line in _lines("role_words.txt") for w in line.split()),
        org_words=frozenset(_lines("org_words.txt")),
        place_words=frozenset(_lines("place_words.txt")),
        common_words=frozenset(w for line in _lines("common_words.txt") for w in line.split()),
        aliases=aliases,
    )


def _tier_names(name: str) -> dict[str, None]:
    """The names of a gzipped list in nlp/data that the hand-written lists do not hold.

    A dict of names, not a set: a dict of strings only is no work for the garbage collector
    (a set of 20,000 names was walked at every full collection: +0.3 % instructions a word)."""
    gaz = load_gazetteer()
    data = resources.files("newstui.nlp").joinpath("data").joinpath(name)
    lines = gzip.decompress(data.read_bytes()).decode("utf-8").splitlines()
    return dict.fromkeys(n for n in lines if n and n[0] != "#" and n not in gaz.known)


@cache
def listed_orgs() -> dict[str, None]:
    """Companies listed on stock exchanges (orgs_listed.txt.gz, tools/build_listed_orgs.py)."""
    return _tier_names("orgs_listed.txt.gz")


@cache
def news_orgs() -> dict[str, None]:
    """Organisations that cues typed in several Wikinews articles of 2005-2013 (orgs_news.txt.gz,
    tools/build_news_orgs.py): outlets, agencies, parties and firms no listing holds."""
    return _tier_names("orgs_news.txt.gz")


@cache
def geo_places() -> dict[str, None]:
    """Towns of over 15,000 people, countries and US states of GeoNames (places_geo.txt.gz,
    tools/build_geo_places.py), read on first use: they type a name as PLACE only when no
    evidence in the article types it."""
    return _tier_names("places_geo.txt.gz")


@cache
def tier_names() -> dict[str, str]:
    """The lists below the hand-written ones, read on first use, by name: "ORG" (listed and
    news organisations) or "PLACE" (GeoNames' towns). They type a name only when no evidence
    in the article types it; one dict, so an untyped name costs one lookup."""
    tiers = dict.fromkeys(geo_places(), "PLACE")
    tiers.update(dict.fromkeys(listed_orgs(), "ORG"))
    tiers.update(dict.fromkeys(news_orgs(), "ORG"))
    return tiers


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
