"""wikinews-dev10's and -dev11's files are well formed: the checks their READMEs promise, on every file.

Reads only those two development sets; never a blind set."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "nlp"
SETS = [DATA / "wikinews-dev10", DATA / "wikinews-dev11"]
FILES = [path for folder in SETS for path in sorted(folder.glob("t*.json"))]
LICENCE = "CC BY 2.5, Wikinews contributors; text changed (recovered from wiki markup)"
ORIGIN = re.compile(
    r"github:Docma-TU/toscaData@79923805871963be01827c4f70dc51c76272c106:data/(economy|politics)\.rda#\d+"
)
OPENING_MARKS = ('"', "“", "'", "‘", "`")
CLOSING_MARKS = ('"', "”", "'", "’")


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_each_set_holds_at_least_thirty_articles_each_listed_in_its_readme(folder: Path):
    readme = (folder / "README.md").read_text("utf-8")
    names = [f.name for f in sorted(folder.glob("t*.json"))]
    assert len(names) >= 30
    assert names == re.findall(r"^\| `(t\d{3}-[a-z0-9-]+\.json)` \|", readme, re.M)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name[9:]}-{p.name[:4]}")
def test_each_article_is_attributed_and_its_annotations_point_into_its_text(path: Path):
    raw = path.read_text("utf-8")
    article = json.loads(raw)
    assert raw == json.dumps(article, indent=1, ensure_ascii=False) + "\n"
    source, text = article["source"], article["text"]
    assert source["url"].startswith("https://en.wikinews.org/wiki/")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", source["date"]) and source["title"]
    assert source["licence"] == LICENCE and ORIGIN.fullmatch(source["origin"])
    assert 250 <= len(text.split()) <= 900
    names = [e["name"] for e in article["entities"]]
    assert len(names) == len(set(names)), "duplicate entity names"
    for entity in article["entities"]:
        assert entity["type"] in ("PERSON", "ORG", "PLACE", "GROUP") and entity["name"] in text
    for quote in article["quotes"]:
        starts = [m.start() for m in re.finditer(re.escape(quote["text"]), text)]
        assert quote["text"] and starts, quote["text"]
        # a quotation sits between marks; where the source lost one mark, the other is there,
        # and a quotation broken by a paragraph break goes on from the paragraph's start
        end = len(quote["text"])
        assert any(
            text[at - 1 : at] in OPENING_MARKS
            or text[at + end : at + end + 1] in CLOSING_MARKS
            or text[at - 2 : at] == "\n\n"
            for at in starts
        ), quote["text"]
        assert quote["speaker"] is None or quote["speaker"] in names, quote["speaker"]
