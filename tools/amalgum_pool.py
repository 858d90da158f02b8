"""Reproduce the shuffled pool of AMALGUM news documents drawn from in round 53.

Provenance: AMALGUM (public repository gucorpling/amalgum; texts CC BY 2.5, Wikinews
contributors; annotations CC BY 4.0) holds English Wikinews articles as
``amalgum/news/{dep,xml}/AMALGUM_news_NAME.*`` (685 documents) and, beyond the corpus's
target size, ``amalgum_extra/news/{dep,xml}/AMALGUM_news_NAME.*`` (123 documents). The names
were listed with the search tool's file index (``find_files``), which lists at most the
alphabetically first 100 files of a folder and cannot split a listing by name: round 52's
wikinews-blind16 drew from the first 100 names of ``amalgum/news``, and no other name of that
folder can be listed. Round 53's pool (wikinews-blind17 from its first line forward,
wikinews-dev13 from its last line backward) is therefore the 100 names the index lists for
``amalgum_extra/news/dep`` (afghan … sheffield, commits c62d76a and 9642754): other documents
than ``amalgum/news``'s (AMALGUM names each document once; the drawers' URL check catches any
repeated article).

The rule: read the names (one a line, ``NAME`` or ``AMALGUM_news_NAME``, an optional commit
after a tab), drop the alphabetically first ``--drop`` names (0 for round 53's pool; 100 would
drop blind16's pool from a full ``amalgum/news`` listing), order the rest by name and shuffle
them with ``random.Random(SEED)`` (20261207). Prints one line per document in that order:
``AMALGUM_news_NAME<TAB>COMMIT<TAB>FOLDER/AMALGUM_news_NAME.xml``.

Usage: ``python tools/amalgum_pool.py NAMES.tsv [--drop N] [--seed S] [--folder F]``
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

PREFIX = "AMALGUM_news_"
SEED = 20261207


def read_names(path: Path) -> dict[str, str]:
    """Each listed document's full name and the commit seen for it ('' when none was given)."""
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.strip().split("\t")
        if not fields[0]:
            continue
        name = fields[0] if fields[0].startswith(PREFIX) else PREFIX + fields[0]
        names[name] = fields[1] if len(fields) > 1 else ""
    return names


def pool(names: list[str], drop: int, seed: int = SEED) -> list[str]:
    """The names left after dropping the alphabetically first ``drop``, in shuffled order."""
    kept = sorted(names)[drop:]
    random.Random(seed).shuffle(kept)
    return kept


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", type=Path)
    parser.add_argument("--drop", type=int, default=0)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--folder", default="amalgum_extra/news/xml")
    args = parser.parse_args(argv)
    names = read_names(args.names)
    for name in pool(list(names), args.drop, args.seed):
        print(f"{name}\t{names[name]}\t{args.folder}/{name}.xml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
