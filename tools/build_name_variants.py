"""Build nlp/data/first_names_variants.txt: given names that are another spelling of a name the
lists hold ("Claus" of Klaus, "Carsten" of Karsten, "Catharina" of Katharina, "Christoph" of
Christof), so "„…“, sagte Claus Weselsky" names its speaker as "sagte Klaus Weselsky" does.

    pip download --no-deps -d /tmp/given faker==40.54.0
    apt-get install scowl
    PYTHONPATH=src python tools/build_name_variants.py /tmp/given [--scowl /usr/share/dict/scowl]

A name is kept when it is a given name of the person providers of Faker 40.54.0 (MIT) that
tools/build_given_names.py reads (LOCALES: the languages of European news in Latin letters),
is written in plain letters (the accented ones are in first_names_accented.txt), and becomes a
given name of the shipped lists (first_names*.txt, the same gender or either) by the spelling
alternations of those languages (SPELLINGS: initial C/K and Ch/K, ph/f, th/t, ck/k, c/k inside
a name); and it is no name the shipped lists already hold or type, no English word nor
capitalised word of SCOWL's lists to size 80 but its proper names, and has four letters or
more. So the list holds only attested given names one spelling away from a listed one, no
guessed form. Nothing here looks at any annotated text. The script runs by hand (not in CI);
its output is committed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from newstui.nlp.gazetteer import tier_type

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_given_names import _LISTS, LOCALES, NOT_GIVEN_NAMES, _taken  # a tools/ sibling
from build_listed_orgs import _scowl

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newstui" / "nlp" / "data"
OUT = DATA / "first_names_variants.txt"
# Spelling alternations of given names across European languages: (this, that) is tried both
# ways, at the start of the name for the first two, anywhere for the others
INITIAL = (("C", "K"), ("Ch", "K"))
INSIDE = (("ph", "f"), ("th", "t"), ("ck", "k"), ("c", "k"))
_LEAST = 4  # the fewest letters of a kept name
HEADER = (
    "# Given names one spelling away from a listed one (rules-50): the plain-letter given names"
    " of the Latin-script person\n"
    "# providers of Faker 40.54.0 (PyPI faker, MIT licence, (c) 2012 Daniele Faraglia; the notice"
    " is in README.md beside this file)\n"
    "# that the spelling alternations C/K, Ch/K, ph/f, th/t, ck/k, c/k turn into a name of the"
    " other first_names lists; built by\n"
    "# tools/build_name_variants.py: names the lists hold or type, English words (SCOWL) and"
    " names under four letters left out.\n"
)


def spellings(name: str) -> set[str]:
    """The forms of `name` under one or two of the alternations ("Catharina" → "Katharina",
    "Catarina", "Katarina" …)."""
    forms = {name}
    for _ in range(2):
        step = set()
        for form in forms:
            for a, b in INITIAL:
                for x, y in ((a, b), (b, a)):
                    if form.startswith(x) and len(form) > len(x) and form[len(x)].islower():
                        step.add(y + form[len(x) :])
            for a, b in INSIDE:
                for x, y in ((a, b), (b, a)):
                    at = form.find(x, 1)
                    while at > 0:
                        step.add(form[:at] + y + form[at + len(x) :])
                        at = form.find(x, at + 1)
        forms |= step
    forms.discard(name)
    return forms


def _listed() -> dict[str, str]:
    """The shipped lists' given names and their gender (m, f, u)."""
    names: dict[str, str] = {}
    for listed in ("first_names.txt", "first_names_greek_cyrillic.txt", "first_names_accented.txt"):
        for line in (DATA / listed).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            gender, _, rest = line.partition(":")
            for n in rest.split():
                names[n] = "u" if names.get(n, gender) != gender else gender
    return names


def build(downloads: Path, scowl: Path) -> list[str]:
    """The lines of the list: one a gender, its names in the order first found."""
    sys.path.insert(0, str(next(downloads.glob("faker-*.whl"))))  # a pure-Python wheel imports
    listed = _listed()
    taken = _taken() | set(listed)
    words, capitalised = _scowl(scowl)
    _, proper = _scowl(scowl, upper=False)
    kept: dict[str, dict[str, None]] = {}
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        lists = [(gender, getattr(provider, attr, None)) for attr, gender in _LISTS]
        if all(names is None for _, names in lists):
            lists = [("u", provider.first_names)]
        for gender, names in lists:
            for name in names or ():
                name = str(name)
                if (
                    not name.isascii()
                    or not name.isalpha()
                    or not name[:1].isupper()
                    or len(name) < _LEAST
                    or name in taken
                    or name in NOT_GIVEN_NAMES
                    or tier_type(name) is not None
                    or name.lower() in words
                    or (name in capitalised and name not in proper)
                ):
                    continue
                if any(
                    listed.get(f) in (gender, "u") or (f in listed and gender == "u")
                    for f in spellings(name)
                ):
                    kept.setdefault(gender, {})[name] = None
    return [f"{gender}: {' '.join(names)}" for gender, names in sorted(kept.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("downloads", type=Path, help="folder of the downloaded faker wheel")
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    parser.add_argument("--print", action="store_true", help="print the list, write nothing")
    args = parser.parse_args(argv)
    lines = build(args.downloads, args.scowl)
    if args.print:
        print("\n".join(lines))
    else:
        OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
