"""Build nlp/data/first_names_accented.txt: the given names of European and Latin American
languages written with a letter English does not use ("Gérald", "Émilie", "Jürgen", "Seán"), so
"…, said Gérald Darmanin" and "« … », a déclaré Émilie Martin" name people (see
nlp/data/README.md for provenance and licences).

    pip download --no-deps -d /tmp/given faker==40.54.0
    apt-get install scowl
    PYTHONPATH=src python tools/build_given_names.py /tmp/given [--scowl /usr/share/dict/scowl]

Source: the `first_names_male` and `first_names_female` lists (`first_names` where a provider
has no other) of the Latin-script person providers of Faker 40.54.0 (MIT) named in LOCALES. A
name is kept when it holds a letter outside ASCII (a name English lists write plain, or no
English word: these need no word list to keep English words out), is written in Latin letters
(a hyphen may join two names: "Jean-François"), and is no name the shipped lists already type
or hold (a place, an organisation, a nationality, a language, a title, a role or common word,
a listed given name), nor one of NOT_GIVEN_NAMES, which news writes more often for a place or a
thing ("Los Ángeles", "León"). Each kept name is also listed without its accents, as English
news often writes it ("Frederic", "Emilie"), when that plain form has four letters or more, is
no name the lists hold, no English word nor capitalised word of SCOWL's lists to size 80 but
its proper names ("Angel", "Roman", "Jan" and "Adams" stay out; SCOWL is only read), nor one of
NOT_PLAIN_NAMES, words of other languages in names of bodies and places ("Liga", "Nusa").
Nothing here looks at any annotated text. The script runs by hand (not in CI); its output is
committed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import unicodedata
from pathlib import Path

from newstui.nlp.gazetteer import load_gazetteer, tier_type

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_listed_orgs import _scowl  # a tools/ sibling

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newstui" / "nlp" / "data" / "first_names_accented.txt"
# Faker's person providers of the languages of European and Latin American news in Latin letters
LOCALES = (
    "fr_FR fr_BE fr_CH fr_CA es_ES es_MX es_AR es_CO es_CL it_IT pt_PT pt_BR de_DE de_AT de_CH "
    "nl_NL nl_BE da_DK no_NO sv_SE fi_FI pl_PL cs_CZ sk_SK sl_SI hr_HR hu_HU ro_RO "
    "et_EE lt_LT lv_LV ga_IE"
).split()
_LISTS = (("first_names_male", "m"), ("first_names_female", "f"))
# Names of these lists that news writes more often for a place, a feast or a thing ("Los
# Ángeles", "León, Guanajuato", "Concepción, Chile", "América Latina"), a surname (Pleșu), and
# André, left out of first_names.txt in round 39 for the Brazilian city Santo André (twice in
# the open corpus)
NOT_GIVEN_NAMES = frozenset(
    "América África Ángeles León Sofía Belén Concepción Encarnación Ascensión Asunción "
    "Purificación Visitación Anunciación Adoración Tránsito Ámbar André Pleșu".split()
)
HEADER = (
    "# Given names written with a letter English does not use (rules-49): the first_names_male"
    " (m:) and first_names_female (f:)\n"
    "# lists (first_names, u:, where a provider has no other) of the Latin-script person"
    " providers of Faker 40.54.0\n"
    "# (PyPI faker, MIT licence, (c) 2012 Daniele Faraglia; the notice is in README.md beside"
    " this file), one line a list,\n"
    "# built by tools/build_given_names.py: names with no letter outside ASCII, or that the"
    " other lists hold, left out;\n"
    "# the last lines: the same names without their accents, English words (SCOWL) left out.\n"
)
# The fewest letters of a name listed without its accents ("Noe", "Pia" stay out)
_PLAIN_LEAST = 4
# Plain forms that are words of other languages in names of bodies and places: "Liga da Costa
# Verde" (Līga), "Nusa Dua" (Nuša), "Ruta 5" (Rūta), "Sime Darby" (Šime), "Italo" the train
# company (Ítalo), "Slava Ukraini" (Sláva)
NOT_PLAIN_NAMES = frozenset("Liga Nusa Ruta Sime Italo Slava".split())


def plain_form(name: str) -> str:
    """`name` without its accents ("Frédéric" → "Frederic"); a letter with no plain form
    ("ł", "ø", "ß") stays as it is."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin_name(name: str) -> bool:
    """Whether `name` is one capitalised name in Latin letters, or two joined by a hyphen, with
    a letter outside ASCII."""
    parts = name.split("-")
    return (
        any(ord(c) > 0x7F for c in name)
        and all(ord(c) < 0x250 for c in name)
        and all(len(part) > 1 and part.isalpha() and part[0].isupper() for part in parts)
    )


def _taken() -> set[str]:
    """The words the shipped lists already hold: names to leave out."""
    gaz = load_gazetteer()
    taken = set(gaz.known) | set(gaz.titles) | set(gaz.role_words)
    for listed in ("first_names.txt", "first_names_greek_cyrillic.txt"):  # not this list
        lines = (OUT.parent / listed).read_text(encoding="utf-8").splitlines()
        taken |= {n for line in lines if not line.startswith("#") for n in line[2:].split()}
    taken |= {w.capitalize() for w in gaz.common_words} | set(gaz.common_words)
    taken |= set(gaz.org_words) | set(gaz.place_words)
    return taken


def build(downloads: Path, scowl: Path) -> list[str]:
    """The lines of the list: one a locale's list, `m:`/`f:`/`u:` and its new names, then one
    a gender, the plain forms of those names."""
    sys.path.insert(0, str(next(downloads.glob("faker-*.whl"))))  # a pure-Python wheel imports
    taken = _taken()
    words, capitalised = _scowl(scowl)
    _, proper = _scowl(scowl, upper=False)
    seen: set[tuple[str, str]] = set()
    lines: list[str] = []
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        lists = [(gender, getattr(provider, attr, None)) for attr, gender in _LISTS]
        if all(names is None for _, names in lists):
            lists = [("u", provider.first_names)]
        for gender, names in lists:
            if names is None:
                continue
            kept = []
            for name in names:  # a tuple, or a dict of weights by name
                name = str(name)
                if (
                    _latin_name(name)
                    and name not in taken
                    and name not in NOT_GIVEN_NAMES
                    and tier_type(name) is None
                    and (name, gender) not in seen
                ):
                    seen.add((name, gender))
                    kept.append(name)
            if kept:
                lines.append(f"{gender}: {' '.join(kept)}")
    plain: dict[str, dict[str, None]] = {}
    for name, gender in sorted(seen):
        bare = plain_form(name)
        if (
            bare != name
            and bare.isascii()
            and len(bare) >= _PLAIN_LEAST
            and bare not in NOT_PLAIN_NAMES
            and bare not in taken
            and tier_type(bare) is None
            and bare.lower() not in words
            and (bare not in capitalised or bare in proper)
        ):
            plain.setdefault(gender, {})[bare] = None
    lines += [f"{gender}: {' '.join(names)}" for gender, names in sorted(plain.items())]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("downloads", type=Path, help="folder of the downloaded faker wheel")
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    args = parser.parse_args(argv)
    lines = build(args.downloads, args.scowl)
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
