"""Turn toscaData's Wikinews records into the plain texts of the wikinews-* NLP sets.

The public repository Docma-TU/toscaData (commit 79923805871963be01827c4f70dc51c76272c106)
holds English Wikinews articles as R ``textmeta`` objects (``data/economy.rda``,
``data/politics.rda``). Its import had already joined each page's lines, replaced links by
their labels and deleted images, categories and multi-parameter templates; this converter
finishes the job: it decodes HTML entities (twice), removes comments, galleries, references,
tags (a blockquote ends a paragraph), templates, external links (keeping their labels),
bold/italic marks, a leading topic label and everything from a Sources / Related / External
links section on; it joins the import's split word endings ("Sunni s", "Chicago -based"),
removes the space before punctuation and before every second straight quotation mark of a
paragraph, and rebuilds paragraphs. It is the converter described in the README of the
wikinews-dev10 set ("The texts are changed"), rebuilt for wikinews-blind11 (it reproduces
every text of wikinews-dev9, -dev10 and -dev11 byte for byte).

Usage::

    python tools/wikinews_tosca.py FILE.rda INDEX   # print record INDEX (1-based) as text
    python tools/wikinews_tosca.py FILE.rda         # one JSON line per record

Reading ``.rda`` files needs the PyPI package ``rdata`` (not a project dependency).
"""

from __future__ import annotations

import datetime
import html
import json
import re
import sys
import urllib.parse
import warnings
from pathlib import Path
from typing import Any

# Topic labels that open an article (the import kept the category box's label).
KNOWN_LABELS = (
    "Economy and business",
    "Politics and conflicts",
    "Australian news",
    "publish",
    "Publish",
    "Canadian news",
    "right",
    "left",
)

END_SECTIONS = re.compile(
    r"\s*=+\s*(Sources?|Related\b[^=]*|External links?|See also)\s*=+",
    re.IGNORECASE,
)
SPLIT_ENDINGS = ("s", "i", "n", "ns")
CLOSERS = '"”’'


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """The records of one toscaData ``.rda`` file: id, date, title and raw text each."""
    try:
        import rdata  # optional, not a project dependency
    except ImportError:
        sys.exit("wikinews_tosca: needs the PyPI package rdata (pip install rdata)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = rdata.read_rda(str(path))
    (obj,) = data.values()
    meta, texts = obj["meta"], obj["text"]
    records = []
    for i in range(len(meta)):
        row = meta.iloc[i]
        raw = texts[row["id"]]
        records.append(
            {
                "id": str(row["id"]),
                "date": row["date"],
                "title": str(row["title"]),
                "raw": " ".join(str(x) for x in raw),
            }
        )
    return records


def record_date(value: Any) -> str | None:
    """An R Date (days since 1970-01-01) as YYYY-MM-DD, or None when missing."""
    try:
        days = float(value)
    except (TypeError, ValueError):
        return None
    if days != days:  # NaN
        return None
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=int(days))).isoformat()


def record_title(value: str) -> str:
    """The title without its XML tag."""
    title = re.sub(r"</?title>", "", value)
    return html.unescape(title).strip()


def record_url(title: str) -> str:
    """The article's URL, built from its title."""
    path = urllib.parse.quote(title.replace(" ", "_"), safe="/:,()!*;@$&=+~-._")
    return "https://en.wikinews.org/wiki/" + path


def _strip_templates(text: str) -> str:
    out = []
    depth = 0
    i = 0
    while i < len(text):
        if text.startswith("{{", i):
            depth += 1
            i += 2
        elif depth and text.startswith("}}", i):
            depth -= 1
            i += 2
        else:
            if not depth:
                out.append(text[i])
            i += 1
    return "".join(out)


def _strip_label(text: str) -> str:
    """Remove leading topic labels (known, or a short segment before three spaces)."""
    body = text.lstrip(" ")
    for _ in range(3):
        before = body
        m = re.match(r"(\S+ ){1,5}?infobox +", body)
        if m:
            body = body[m.end() :]
        m = re.match(r"\d{4} [\w-]+ conflict +", body)
        if m:
            body = body[m.end() :]
        for label in KNOWN_LABELS:
            if body.startswith(label + " "):
                body = body[len(label) :].lstrip(" ")
        m = re.match(r"([^ ].{0,40}?)   ", body)
        if m and not m.group(1)[0].isdigit() and not re.search(r"[.!?:\"]", m.group(1)):
            body = body[m.end() :]
        if body == before:
            break
    return body


def _second_quote_spaces(para: str) -> str:
    """Remove the space before every second straight double mark of a paragraph."""
    out = []
    n = 0
    for ch in para:
        if ch == '"':
            n += 1
            if n % 2 == 0 and out and out[-1] == " ":
                out.pop()
        out.append(ch)
    return "".join(out)


def convert(raw: str) -> str:
    """The plain text of one record's raw (imported) text."""
    text = re.sub(r"^\s*<text[^>]*>", "", raw)
    text = re.sub(r"</text>\s*$", "", text)
    text = html.unescape(html.unescape(text))
    text = re.sub(r"<!--.*?(-->|$)", "", text, flags=re.S)
    text = re.sub(r"<gallery.*?(</gallery>|$)", "", text, flags=re.S | re.I)
    text = re.sub(r"<ref[^>]*/>", "", text, flags=re.I)
    text = re.sub(r"<ref.*?(</ref>|$)", "", text, flags=re.S | re.I)
    text = re.sub(r"</?blockquote[^>]*>", "   ", text, flags=re.I)
    text = re.sub(r"<[^<>]+>", "", text)
    text = _strip_templates(text)
    text = re.sub(r"\[(?:https?|ftp)://[^\s\]]+ ?([^\]]*)\]", r"\1", text)
    text = text.replace("'''", "").replace("''", "")
    m = END_SECTIONS.search(text)
    if m:
        text = text[: m.start()]
    text = re.sub(r"=+ *([^=]+?) *=+", r"   \1   ", text)
    text = _strip_label(text)
    # the import's split word endings after a capitalised word
    ends = "|".join(re.escape(e) for e in SPLIT_ENDINGS)
    text = re.sub(rf"\b([A-Z][\w.]*) ({ends})\b(?!['\w])", r"\1\2", text)
    text = re.sub(r"\b([a-z]{2,}) s\b(?!['\w])", r"\1s", text)
    text = re.sub(r"\b([A-Z][\w.]*) -(?=\w)", r"\1-", text)
    # paragraphs
    text = re.sub(r" {3,}", "\n\n", text)
    text = re.sub(rf"([.!?:{re.escape(CLOSERS)}]) {{2,}}(?=[A-Z0-9\"“‘'(\[])", r"\1\n\n", text)
    text = re.sub(r" {2,}", " ", text)
    paras = []
    for para in text.split("\n\n"):
        para = para.strip()
        if not para:
            continue
        para = re.sub(r" +([,;:!?)]|\.(?!\.))", r"\1", para)
        para = re.sub(r" +'s\b", "'s", para)
        para = _second_quote_spaces(para)
        paras.append(para)
    return "\n\n".join(paras)


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__)
        return 2
    records = read_records(argv[0])
    name = Path(argv[0]).name
    if len(argv) == 2:
        print(convert(records[int(argv[1]) - 1]["raw"]))
        return 0
    for i, rec in enumerate(records, 1):
        title = record_title(rec["title"])
        line = {
            "origin": f"data/{name}#{i}",
            "url": record_url(title),
            "title": title,
            "date": record_date(rec["date"]),
            "text": convert(rec["raw"]),
        }
        print(json.dumps(line, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
