"""Draw the texts of the development set tests/data/nlp/wikinews-dev12 (round 51).

Provenance: English Wikinews records of the public repository Docma-TU/toscaData, commit
79923805871963be01827c4f70dc51c76272c106, ``data/economy.rda`` (category Economy_and_business)
then ``data/politics.rda`` (Politics_and_conflicts), converted by ``tools/wikinews_tosca.py``
(the converter of every wikinews-dev* set). The rule is wikinews-dev10's ("What the set is"):

- records in file order, economy then politics, by index; one per URL (the first record of a
  URL built from its title; later records repeating it are dropped);
- every URL of ``tests/data/wikinews-evaluation-urls.txt`` (every set's source, blind sets
  included) and of the shared sample ``/work/shared/wikinews/articles.jsonl`` excluded (compared
  percent-decoded, spaces as underscores, the first letter's case ignored as MediaWiki does);
- eligible: a date, 250-900 words (``len(text.split())``), two or more quotations (pairs of
  straight double marks plus curly opening marks), and no visible gap or leftover markup by the
  pattern check ``PROBLEMS`` below;
- the eligible list is shuffled with ``random.Random(20261207)``; a record's place in that order
  is its file number (``d000-…``).

Usage (reading ``.rda`` files needs the PyPI package ``rdata``, not a project dependency)::

    python tools/wikinews_dev12_draw.py ECONOMY.rda POLITICS.rda OUT.jsonl [--used FILE]...

writes one JSON line per eligible record in shuffled order: place, url, title, date, origin,
text; prints the counts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import urllib.parse
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import wikinews_tosca

COMMIT = "79923805871963be01827c4f70dc51c76272c106"
SEED = 20261207
MIN_WORDS, MAX_WORDS = 250, 900

# Leftover markup and visible gaps (words deleted by the source's import) that a pattern finds.
PROBLEMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, flags))
    for name, pattern, flags in (
        ("link or template markup", r"\[\[|\]\]|\{\{|\}\}|\|", 0),
        ("heading markup", r"==", 0),
        ("bold/italic markup", r"''", 0),
        ("magic word", r"__[A-Z]+__", 0),
        ("indentation markup", r"::|(^|\n):", 0),
        ("list markup", r"\*|(^|\n)#|#\s", 0),
        ("HTML entity", r"&[#\w]+;", 0),
        ("URL", r"https?://|www\.", re.I),
        ("image or file label", r"\b(Image|File):", 0),
        ("label word", r"\binfobox\b|\bpublish\b", re.I),
        ("article before punctuation", r"\b(the|The|a|an|of|by)[,.;:)]", 0),
        ("empty parentheses", r"\(\s*[,;:-]?\s*\)", 0),
        ("empty quotation", r"\"\"|“”", 0),
        (
            "article before a verb",
            r"\b[Tt]he (has|have|had|is|was|were|will|said|says|a|an|the)\b",
            0,
        ),
        ("possessive without a name", r"\bThe's\b|\bthe's\b", 0),
        ("hyphen without a word", r"\b(a|an|the) -\w|, -[A-Z]", 0),
        ("paragraph opening mid-sentence", r"(^|\n\n)[a-z,.;:')]", 0),
        ("lone single mark", r"(^|\s)'(\s|$)", 0),
    )
)


def url_key(url: str) -> str:
    """A URL as MediaWiki tells titles apart: decoded, spaces as underscores, first letter up."""
    title = urllib.parse.unquote(url.split("/wiki/", 1)[-1]).replace(" ", "_")
    return title[:1].upper() + title[1:]


def quotations(text: str) -> int:
    """Pairs of straight double marks plus curly opening double marks."""
    return text.count('"') // 2 + text.count("“")


def problems(text: str) -> list[str]:
    """The names of the pattern checks the text fails."""
    return [name for name, pattern in PROBLEMS if pattern.search(text)]


def used_keys(paths: list[Path]) -> set[str]:
    """URL keys of a URL list (one a line, # comments) or a JSON-lines file with "url"."""
    keys: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            url = json.loads(line)["url"] if line.startswith("{") else line
            keys.add(url_key(url))
    return keys


def records(rda_files: list[Path]) -> list[dict[str, Any]]:
    """Every record of the files in order, converted, with its origin."""
    out = []
    for path in rda_files:
        for i, rec in enumerate(wikinews_tosca.read_records(path), 1):
            title = wikinews_tosca.record_title(rec["title"])
            out.append(
                {
                    "url": wikinews_tosca.record_url(title),
                    "title": title,
                    "date": wikinews_tosca.record_date(rec["date"]),
                    "origin": f"github:Docma-TU/toscaData@{COMMIT}:data/{path.name}#{i}",
                    "text": wikinews_tosca.convert(rec["raw"]),
                }
            )
    return out


def draw(recs: list[dict[str, Any]], used: set[str]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The eligible records in shuffled order (with their place) and the counts."""
    counts = {"records": len(recs), "repeated url": 0, "used url": 0, "no date": 0}
    counts.update({"words out of range": 0, "fewer than 2 quotations": 0, "pattern check": 0})
    seen: set[str] = set()
    eligible = []
    for rec in recs:
        key = url_key(rec["url"])
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
        elif quotations(text) < 2:
            counts["fewer than 2 quotations"] += 1
        elif problems(text):
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
    drawn, counts = draw(records([args.economy, args.politics]), used_keys(args.used))
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in drawn:
            line = {k: rec[k] for k in ("place", "url", "title", "date", "origin", "text")}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    for name, n in counts.items():
        print(f"{name}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
