"""Turn the GUM corpus's Wikinews documents into the plain texts of the wikinews-* NLP sets.

GUM (the Georgetown University Multilayer corpus, public repository amir-zeldes/gum, commit
72ce5ac14978a324c2fd18d49484e65292cbe316) holds English Wikinews articles (CC BY 2.5) as
tokenised CoNLL-U files, ``dep/GUM_news_*.conllu``, with the article's URL, title and date in
``# meta::`` comments. This converter rebuilds an article's text from its tokens: it drops the
title (the first heading block), figures and captions and a dateline paragraph ("Saturday,
September 12, 2015"), joins a paragraph's tokens with a space unless the token says
``SpaceAfter=No`` (a multi-word token is written once, as its surface form), and joins the
paragraphs with a blank line. The tokeniser's spacing stays where GUM has no ``SpaceAfter=No``
("six - member", "US$ 20,000"). It made the GUM texts of wikinews-dev4 (it reproduces all five
byte for byte) and of wikinews-blind12 (round 50).

Usage, with a local clone or mirror of amir-zeldes/gum::

    python tools/gum_wikinews_text.py --repo PATH GUM_news_crane [GUM_news_flag ...]

prints one JSON line per document: ``doc``, ``url``, ``title``, ``date`` and ``text``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterable

COMMIT = "72ce5ac14978a324c2fd18d49484e65292cbe316"
DROPPED_BLOCKS = ("title", "figure", "caption")
DATELINE = re.compile(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \w+ \d{1,2}, \d{4}")
UNLIMITED = 10**6


def conllu(repo: str, doc: str, commit: str = COMMIT) -> str:
    """The CoNLL-U file of one GUM document at `commit`, read from the git repository `repo`."""
    return subprocess.run(
        ["git", "-C", repo, "show", f"{commit}:dep/{doc}.conllu"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def paragraphs(
    lines: Iterable[str],
) -> tuple[dict[str, str], list[tuple[str, list[tuple[str, bool]]]]]:
    """The document's meta fields and its blocks: (kind, [(token, space after)]) each.

    A ``# newpar_block`` comment opens a block of its kind ("p", "head", "figure", "caption"...;
    the first heading is the title) holding as many sentences as its largest "(N s)" count; a
    sentence beyond that count opens a plain paragraph of its own kind "p".
    """
    meta: dict[str, str] = {}
    blocks: list[tuple[str, list[tuple[str, bool]]]] = []
    tokens: list[tuple[str, bool]] = []
    sentences_left = 0
    first_heading = True
    covered_to = 0  # the last word id a multi-word token already wrote
    for line in lines:
        if line.startswith("# meta::"):
            key, _, value = line[len("# meta::") :].partition(" = ")
            meta[key] = value
        elif line.startswith("# newpar_block"):
            kind = line.split("=", 1)[1].strip().split()[0]
            if kind == "head" and first_heading:
                kind, first_heading = "title", False
            counts = re.findall(r"\((\d+) s\)", line)
            sentences_left = max(map(int, counts)) if counts else UNLIMITED
            tokens = []
            blocks.append((kind, tokens))
        elif line.startswith("# sent_id"):
            if sentences_left <= 0:
                tokens = []
                blocks.append(("p", tokens))
                sentences_left = UNLIMITED
            sentences_left -= 1
        elif line[:1].isdigit():
            cols = line.split("\t")
            word_id = cols[0]
            if "." in word_id:  # an empty node
                continue
            if "-" in word_id:  # a multi-word token: its surface form stands for its words
                covered_to = int(word_id.split("-")[1])
            elif int(word_id) <= covered_to:
                continue
            tokens.append((cols[1], "SpaceAfter=No" not in cols[9]))
        elif not line:
            covered_to = 0
    return meta, blocks


def convert(conllu_text: str) -> tuple[dict[str, str], str]:
    """The meta fields and the article text of one GUM CoNLL-U document."""
    meta, blocks = paragraphs(conllu_text.splitlines())
    texts = []
    for kind, tokens in blocks:
        if kind in DROPPED_BLOCKS or not tokens:
            continue
        texts.append("".join(tok + (" " if space else "") for tok, space in tokens).strip())
    if texts and DATELINE.fullmatch(texts[0]):
        texts.pop(0)
    return meta, "\n\n".join(texts)


def record(doc: str, conllu_text: str) -> dict[str, str]:
    """One jsonl record: the document's name, its Wikinews URL, title and date, and its text."""
    meta, text = convert(conllu_text)
    return {
        "doc": doc,
        "url": meta.get("sourceURL", ""),
        "title": meta.get("title", ""),
        "date": meta.get("dateCreated", ""),
        "text": text,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repo", required=True, help="a git clone or mirror of amir-zeldes/gum")
    parser.add_argument("--commit", default=COMMIT)
    parser.add_argument("docs", nargs="+", help="document names, e.g. GUM_news_crane")
    args = parser.parse_args(argv)
    for doc in args.docs:
        line = record(doc, conllu(args.repo, doc, args.commit))
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
