"""Draw the texts of the blind set tests/data/nlp/wikinews-blind14 (round 51).

Provenance: English Wikinews records of the public repository Docma-TU/toscaData, commit
79923805871963be01827c4f70dc51c76272c106, ``data/economy.rda`` (category Economy_and_business)
then ``data/politics.rda`` (Politics_and_conflicts), converted by ``tools/wikinews_tosca.py``.
The rule is ``tools/wikinews_dev12_draw.py``'s, whose functions this script imports (records,
URL keys, quotation count, the ``PROBLEMS`` pattern check), except for the word band and seed:

- records in file order, economy then politics, by index; one per URL (the first record of a
  URL built from its title; later records repeating it are dropped);
- every URL of ``tests/data/wikinews-evaluation-urls.txt`` as it is on main when drawn (every
  set's source, blind sets and wikinews-dev12 included) and of the shared sample
  ``/work/shared/wikinews/articles.jsonl`` excluded (compared percent-decoded, spaces as
  underscores, the first letter's case ignored as MediaWiki does);
- eligible: a date, 1,301-2,500 words (``len(text.split())``; dev12 took 250-900 and
  wikinews-blind13 901-1,300), two or more quotations (pairs of straight double marks plus
  curly opening marks), and no visible gap or leftover markup by dev12's pattern check;
- the eligible list is shuffled with ``random.Random(20261209)``; a record's place in that order
  is its file number (``b000-…``).

Usage (reading ``.rda`` files needs the PyPI package ``rdata``, not a project dependency)::

    python tools/wikinews_blind14_draw.py ECONOMY.rda POLITICS.rda OUT.jsonl [--used FILE]...

writes one JSON line per eligible record in shuffled order: place, url, title, date, origin,
text; prints the counts.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wikinews_dev12_draw as dev12

SEED = 20261209
MIN_WORDS, MAX_WORDS = 1301, 2500


def draw(recs: list[dict[str, Any]], used: set[str]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The eligible records in shuffled order (with their place) and the counts."""
    counts = {"records": len(recs), "repeated url": 0, "used url": 0, "no date": 0}
    counts.update({"words out of range": 0, "fewer than 2 quotations": 0, "pattern check": 0})
    seen: set[str] = set()
    eligible = []
    for rec in recs:
        key = dev12.url_key(rec["url"])
        if key in seen:
            counts["repeated url"] += 1
            continue
        seen.add(key)
        text = rec["text"]
        if key in used:
            counts["used url"] += 1
        elif not rec["date"]:
            counts["no date"] += 1
        elif not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
            counts["words out of range"] += 1
        elif dev12.quotations(text) < 2:
            counts["fewer than 2 quotations"] += 1
        elif dev12.problems(text):
            counts["pattern check"] += 1
        else:
            eligible.append(rec)
    random.Random(SEED).shuffle(eligible)
    counts["eligible"] = len(eligible)
    return [{"place": i, **rec} for i, rec in enumerate(eligible)], counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("economy", type=Path)
    parser.add_argument("politics", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--used",
        type=Path,
        action="append",
        default=[],
        help="a URL list or JSON-lines file whose URLs are excluded (repeatable)",
    )
    args = parser.parse_args(argv)
    recs = dev12.records([args.economy, args.politics])
    drawn, counts = draw(recs, dev12.used_keys(args.used))
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in drawn:
            line = {k: rec[k] for k in ("place", "url", "title", "date", "origin", "text")}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    for name, n in counts.items():
        print(f"{name}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
