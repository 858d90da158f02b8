"""Draw the texts of the blind set tests/data/nlp/wikinews-blind13 (round 51).

Provenance: English Wikinews records of the public repository Docma-TU/toscaData, commit
79923805871963be01827c4f70dc51c76272c106, ``data/economy.rda`` (category Economy_and_business)
then ``data/politics.rda`` (Politics_and_conflicts), converted by ``tools/wikinews_tosca.py``.
The rule is wikinews-dev12's (``tools/wikinews_dev12_draw.py``, whose functions this script
imports unchanged) except for the length band and the seed:

- records in file order, economy then politics, by index; one per URL (the first record of a
  URL; later records repeating it are dropped);
- every URL of ``tests/data/wikinews-evaluation-urls.txt`` as it is on main when drawing (every
  set's source, blind sets and wikinews-dev12 included) and of the shared sample
  ``/work/shared/wikinews/articles.jsonl`` excluded (compared percent-decoded, spaces as
  underscores, the first letter's case ignored);
- eligible: a date, 901-1,300 words (``len(text.split())``: the next band after dev12's
  250-900, whose every eligible record dev12 drew), two or more quotations, and no visible gap
  or leftover markup by dev12's pattern check ``PROBLEMS``;
- the eligible list is shuffled with ``random.Random(20261208)``; a record's place in that order
  is its file number (``b000-…``).

Usage (reading ``.rda`` files needs the PyPI package ``rdata``, not a project dependency)::

    python tools/wikinews_blind13_draw.py ECONOMY.rda POLITICS.rda OUT.jsonl [--used FILE]...

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

SEED = 20261208
MIN_WORDS, MAX_WORDS = 901, 1300


def draw(
    recs: list[dict[str, Any]],
    used: set[str],
    band: tuple[int, int] = (MIN_WORDS, MAX_WORDS),
    seed: int = SEED,
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The eligible records in shuffled order (with their place) and the counts: words within
    `band` (both ends included), shuffled with `random.Random(seed)` (wikinews-blind14 draws
    its band with this too)."""
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
        elif not band[0] <= len(text.split()) <= band[1]:
            counts["words out of range"] += 1
        elif dev12.quotations(text) < 2:
            counts["fewer than 2 quotations"] += 1
        elif dev12.problems(text):
            counts["pattern check"] += 1
        else:
            eligible.append(rec)
    random.Random(seed).shuffle(eligible)
    counts["eligible"] = len(eligible)
    return [{"place": i, **rec} for i, rec in enumerate(eligible)], counts


def main(
    argv: list[str],
    band: tuple[int, int] = (MIN_WORDS, MAX_WORDS),
    seed: int = SEED,
    description: str = __doc__,
) -> int:
    parser = argparse.ArgumentParser(description=description.split("\n", 1)[0])
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
    drawn, counts = draw(recs, dev12.used_keys(args.used), band, seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in drawn:
            line = {k: rec[k] for k in ("place", "url", "title", "date", "origin", "text")}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    for name, n in counts.items():
        print(f"{name}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
