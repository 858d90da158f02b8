"""Build nlp/data/first_names_plain.txt: given names written in plain letters that the hand-written
list lacks ("Aldo", "Giacomo", "Saddam", "Mahdi", "Aidan"), so "…, said Aldo Moretti" and "Aidan
White, the federation's general secretary, wrote" name people (see nlp/data/README.md for
provenance and licences).

    pip download --no-deps -d /tmp/given faker==40.54.0
    apt-get install scowl
    PYTHONPATH=src python tools/build_plain_given_names.py /tmp/given [--scowl /usr/share/dict/scowl]

Source: the `first_names_male` and `first_names_female` lists (`first_names` where a provider
has no other) of every person provider of Faker 40.54.0 (MIT); only names written in plain
ASCII letters are read, so the providers of other scripts give none. A name is kept when it is
one capitalised word of four letters or more (a hyphen may join two), and is
- no English word: not in SCOWL's word lists to size 80 in any case ("Hope", "Summer", "Chase",
  "Royal"), nor a capitalised word of its lists to that size other than its proper names
  (places and other capitalised words: "Dallas", "Jordan" stay out; SCOWL is only read);
- no name the shipped lists already hold or type (a place, a town of GeoNames, an organisation,
  a nationality, a language, a title, a role or common word, a word of bodies' or places' names,
  a given name of the other lists);
- given by at least two providers, or by one provider that is not an English one (the English
  providers' lists come from US records and hold ~7,000 names, many of them rare spellings or
  surnames used as given names: "Dorsey", "Kirby", "Bradford", which news writes mostly for
  surnames and places); no surname of any provider ("Blair", "Farah", "Benito": news writes
  these after a given name, where a given name joins the words after it to the person: "Tony
  Blair Labour policies", "bronze to Mo Farah Britain"); and not one of NOT_GIVEN_NAMES.
A given name is evidence for a person, never proof: the extractor's company cues and "in X" still
type a name (see entity_evidence). Nothing here looks at any annotated text. The script runs by
hand (not in CI); its output is committed, and two runs give the same bytes. `--stats` prints
how many names each filter took out.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections import Counter
from pathlib import Path

from newstui.nlp.gazetteer import tier_type

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_given_names import _taken  # a tools/ sibling
from build_listed_orgs import _scowl

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newstui" / "nlp" / "data" / "first_names_plain.txt"
_LISTS = (("first_names_male", "m"), ("first_names_female", "f"))
# The fewest letters of a kept name ("Abu", "Bin", "Mae" stay out)
_LEAST = 4
# Names that news writes more often for something else: a holy city or a feast, words of
# bodies' and places' names in other languages ("Banda Aceh", "Dewan Rakyat", "Bayern"), words
# joined to names in Arabic and Malay ("Abdul", "Binti" open or join a person's name, they do
# not start one), and surnames far better known than the given name ("Ford", "Dell")
NOT_GIVEN_NAMES = frozenset(
    "Mecca Medina Makkah Kaaba Bayram Ramadan Ramazan Eid Noel Pascal Banda Dewan Rakyat Bayern "
    "Abdul Abdel Binti Bint Ford Dell Disney Kellogg Boeing Marriott Hilton Wendy Walt "
    "Sultan Sheikh Emir Shah Khan Raja Rani Begum Sahib Sri Haji Hajji Dato Datuk Tun Tengku "
    "Putra Putri Jaya Indah Sari Dewi Mulia Bunga Kota Nusa Tanjung Bukit".split()
)
HEADER = (
    "# Given names in plain letters (rules-52): the first_names_male (m:) and first_names_female"
    " (f:) lists (first_names, u:,\n"
    "# where a provider has no other) of the person providers of Faker 40.54.0 (PyPI faker, MIT"
    " licence, (c) 2012 Daniele\n"
    "# Faraglia; the notice is in README.md beside this file), built by"
    " tools/build_plain_given_names.py: plain ASCII names\n"
    "# of four letters or more, English words and capitalised words of SCOWL (to size 80, its"
    " proper names kept), names the\n"
    "# other lists hold or type, names only the English providers give, and the providers'"
    " surnames left out.\n"
)


def _providers() -> list[tuple[str, object]]:
    """(locale, Provider) of every person provider of the Faker wheel on the path, by locale."""
    import faker.providers.person as person  # from the wheel put on the path

    return [
        (m.name, importlib.import_module(f"{person.__name__}.{m.name}").Provider)
        for m in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name)
    ]


def _plain_name(name: str) -> bool:
    """Whether `name` is one capitalised ASCII word of _LEAST letters or more, or two joined by a
    hyphen."""
    parts = name.split("-")
    return (
        name.isascii()
        and len(name.replace("-", "")) >= _LEAST
        and all(len(p) > 1 and p.isalpha() and p[0].isupper() and p[1:].islower() for p in parts)
    )


def build(downloads: Path, scowl: Path, stats: Counter[str] | None = None) -> list[str]:
    """The lines of the list: one a gender (`m:`, `f:`, `u:` for names both lists give)."""
    sys.path.insert(0, str(next(downloads.glob("faker-*.whl"))))  # a pure-Python wheel imports
    taken = _taken()
    taken |= {
        n
        for listed in ("first_names_accented.txt", "first_names_variants.txt")
        for line in (OUT.parent / listed).read_text("utf-8").splitlines()
        if not line.startswith("#")
        for n in line[2:].split()
    }
    words, capitalised = _scowl(scowl)
    _, proper = _scowl(scowl, upper=False)
    genders: dict[str, set[str]] = {}
    givers: dict[str, set[str]] = {}
    for locale, provider in _providers():
        lists = [(gender, getattr(provider, attr, None)) for attr, gender in _LISTS]
        if all(names is None for _, names in lists):
            lists = [("u", getattr(provider, "first_names", None))]
        for gender, names in lists:
            for name in names or ():  # a tuple, or a dict of weights by name
                name = str(name)
                if _plain_name(name):
                    genders.setdefault(name, set()).add(gender)
                    givers.setdefault(name, set()).add(locale)
    surnames: set[str] = set()
    for _, provider in _providers():
        for attr in dir(provider):
            value = getattr(provider, attr) if attr.startswith("last_names") else None
            if isinstance(value, (tuple, list, dict)):
                surnames.update(str(n) for n in value)
    counts = stats if stats is not None else Counter()
    kept: dict[str, str] = {}
    for name in sorted(genders):
        english_only = all(loc == "en" or loc.startswith("en_") for loc in givers[name])
        if name.lower() in words:
            counts["an English word (SCOWL)"] += 1
        elif name in capitalised and name not in proper:
            counts["a capitalised word of SCOWL, no proper name (places …)"] += 1
        elif name in taken:
            counts["held by the shipped lists"] += 1
        elif tier_type(name) is not None:
            counts["typed by the generated tiers (towns, firms)"] += 1
        elif name in NOT_GIVEN_NAMES:
            counts["NOT_GIVEN_NAMES"] += 1
        elif english_only and len(givers[name]) < 2:
            counts["one English provider only"] += 1
        elif name in surnames:
            counts["a surname of a provider"] += 1  # see the docstring
        else:
            counts["kept"] += 1
            sexes = genders[name] - {"u"}
            kept[name] = sexes.pop() if len(sexes) == 1 else "u"
    by_gender: dict[str, list[str]] = {}
    for name, gender in kept.items():
        by_gender.setdefault(gender, []).append(name)
    return [f"{g}: {' '.join(by_gender[g])}" for g in ("m", "f", "u") if g in by_gender]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("downloads", type=Path, help="folder of the downloaded faker wheel")
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    parser.add_argument("--stats", action="store_true", help="print what each filter took out")
    args = parser.parse_args(argv)
    stats: Counter[str] = Counter()
    lines = build(args.downloads, args.scowl, stats)
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    if args.stats:
        for reason, n in stats.most_common():
            print(f"{n:6,}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
