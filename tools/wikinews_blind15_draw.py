"""Draw the texts of the blind set tests/data/nlp/wikinews-blind15 (round 52).

Provenance: English Wikinews articles of 2019-2020 scraped by the public repository
vanatteveldt/wikinews, commit 347254178bf343f3801aac1d03c41cc09c35decb, ``data/wikinews_2019.csv``
then ``data/wikinews_2020.csv`` (columns url, date, title, text; the text is the page's ``<p>``
paragraphs; CC BY 2.5, Wikinews). A source the earlier sets (Docma-TU/toscaData, the shared
sample) never drew from; its rule is wikinews-dev12's (``tools/wikinews_dev12_draw.py``, whose
checks this script runs through ``tools/wikinews_blind13_draw.py``'s draw) with these differences:

- the text is normalised: no-break spaces as spaces, paragraphs (blank-line separated) stripped,
  a line break inside a paragraph as a space, paragraphs joined by one blank line, and a leading
  dateline paragraph ("Friday, January 4, 2019") dropped (the date is the record's);
- records in file order, 2019 then 2020; one per URL (the scrape writes ``//wiki/``: normalised);
- every URL of ``tests/data/wikinews-evaluation-urls.txt`` as it is on main when drawing (every
  set's source, blind sets included) and of the shared sample
  ``/work/shared/wikinews/articles.jsonl`` excluded (compared as dev12 does);
- eligible: a date, 250-2,500 words (``len(text.split())``), two or more quotations, no visible
  gap or leftover markup by dev12's pattern check ``PROBLEMS``, and not a page awaiting review
  ("This article requires pre-publication review" and the like);
- the eligible list is shuffled with ``random.Random(20261209)``; a record's place in that order
  is its file number (``v000-…``). Two annotators annotate every place independently; the second
  then compares and adjudicates (the set's README says how).

Usage::

    python tools/wikinews_blind15_draw.py CSV_2019 CSV_2020 OUT.jsonl [--used FILE]...

writes one JSON line per eligible record in shuffled order: place, url, title, date, origin,
text; prints the counts.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wikinews_blind13_draw as blind13
import wikinews_dev12_draw as dev12

COMMIT = "347254178bf343f3801aac1d03c41cc09c35decb"
SEED = 20261209
MIN_WORDS, MAX_WORDS = 250, 2500

_DATELINE = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}"
)
_UNPUBLISHED = re.compile(r"requires pre-publication review|\bThis article is a draft\b", re.I)


def normalise(text: str) -> str:
    """The scraped text as paragraphs joined by one blank line, without the dateline."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.replace("\xa0", " "))]
    paras = [p for p in paras if p]
    if paras and _DATELINE.fullmatch(paras[0]):
        paras = paras[1:]
    return "\n\n".join(paras)


def records(csv_files: list[Path]) -> list[dict[str, Any]]:
    """Every record of the files in order, normalised, with its origin."""
    csv.field_size_limit(10**9)
    out = []
    for path in csv_files:
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh), 1):
                out.append(
                    {
                        "url": row["url"].replace("//wiki/", "/wiki/"),
                        "title": row["title"].strip(),
                        "date": row["date"].strip(),
                        "origin": f"github:vanatteveldt/wikinews@{COMMIT}:data/{path.name}#{i}",
                        "text": normalise(row["text"]),
                    }
                )
    return out


def draw(recs: list[dict[str, Any]], used: set[str]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The eligible records in shuffled order (with their place) and the counts: blind13's draw
    (dev12's checks) over this band and seed, pages awaiting review left out first."""
    kept = [rec for rec in recs if not _UNPUBLISHED.search(rec["text"])]
    drawn, counts = blind13.draw(kept, used, (MIN_WORDS, MAX_WORDS), SEED)
    counts["records"] = len(recs)
    counts["awaiting review"] = len(recs) - len(kept)
    return drawn, counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("csv_2019", type=Path)
    parser.add_argument("csv_2020", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--used",
        type=Path,
        action="append",
        default=[],
        help="a URL list or JSON-lines file whose URLs are excluded (repeatable)",
    )
    args = parser.parse_args(argv)
    drawn, counts = draw(records([args.csv_2019, args.csv_2020]), dev12.used_keys(args.used))
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in drawn:
            line = {k: rec[k] for k in ("place", "url", "title", "date", "origin", "text")}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    for name, n in counts.items():
        print(f"{name}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
