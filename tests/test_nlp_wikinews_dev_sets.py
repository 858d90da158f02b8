"""wikinews-dev10's, -dev11's, -blind9's, -blind10's and -blind11's files are well formed: the checks their READMEs promise.

A blind set is read here only to check its form, and nothing of it is shown: its test ids and
failure messages name the file and the kind of problem, never a name, a quote or the text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "nlp"
SETS = [
    DATA / "wikinews-dev10",
    DATA / "wikinews-dev11",
    DATA / "wikinews-blind9",
    DATA / "wikinews-blind10",
    DATA / "wikinews-blind11",
]
FILES = [path for folder in SETS for path in sorted(folder.glob("[tb][0-9]*.json"))]
LICENCE = "CC BY 2.5, Wikinews contributors; text changed (recovered from wiki markup)"
ORIGIN = re.compile(
    r"github:Docma-TU/toscaData@79923805871963be01827c4f70dc51c76272c106:data/(economy|politics)\.rda#\d+"
)
OPENING_MARKS = ('"', "“", "'", "‘", "`")
CLOSING_MARKS = ('"', "”", "'", "’")


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_each_set_holds_at_least_thirty_articles_each_listed_in_its_readme(folder: Path):
    readme = (folder / "README.md").read_text("utf-8")
    names = [f.name for f in sorted(folder.glob("[tb][0-9]*.json"))]
    assert len(names) >= 30
    assert names == re.findall(r"^\| `([tb]\d{3,4}-[a-z0-9-]+\.json)` \|", readme, re.M)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name[9:]}-{p.name.split('-')[0]}")
def test_each_article_is_attributed_and_its_annotations_point_into_its_text(path: Path):
    problems = problems_of(
        json.loads(raw := path.read_text("utf-8")), raw, "blind" in path.parent.name
    )
    assert not problems, f"{path.name}: " + "; ".join(problems)


def problems_of(article: dict, raw: str, blind: bool) -> list[str]:
    """What is wrong with one file; for a blind set, named without quoting anything of it."""
    problems = []
    if raw != json.dumps(article, indent=1, ensure_ascii=False) + "\n":
        problems.append("not written as json.dumps(indent=1, ensure_ascii=False) plus a newline")
    source, text = article["source"], article["text"]
    if not source["url"].startswith("https://en.wikinews.org/wiki/"):
        problems.append("source url not on en.wikinews.org")
    if not (re.fullmatch(r"\d{4}-\d\d-\d\d", source["date"]) and source["title"]):
        problems.append("source date or title")
    if not (source["licence"] == LICENCE and ORIGIN.fullmatch(source["origin"])):
        problems.append("source licence or origin")
    if not 250 <= len(text.split()) <= 900:
        problems.append("text not 250-900 words")
    names = [e["name"] for e in article["entities"]]
    if len(names) != len(set(names)):
        problems.append("duplicate entity names")
    for n, entity in enumerate(article["entities"]):
        if not (entity["type"] in ("PERSON", "ORG", "PLACE", "GROUP") and entity["name"] in text):
            problems.append(
                f"entity {n} ({'blind' if blind else entity['name']}): type or not in text"
            )
    for n, quote in enumerate(article["quotes"]):
        shown = f"quote {n}" + ("" if blind else f" {quote['text']!r}")
        starts = [m.start() for m in re.finditer(re.escape(quote["text"]), text)]
        # a quotation sits between marks; where the source lost one mark, the other is there,
        # and a quotation broken by a paragraph break goes on from the paragraph's start
        end = len(quote["text"])
        if not (quote["text"] and starts):
            problems.append(f"{shown}: not in the text")
        elif not any(
            text[at - 1 : at] in OPENING_MARKS
            or text[at + end : at + end + 1] in CLOSING_MARKS
            or text[at - 2 : at] == "\n\n"
            for at in starts
        ):
            problems.append(f"{shown}: next to no quotation mark or paragraph start")
        if not (quote["speaker"] is None or quote["speaker"] in names):
            problems.append(f"{shown}: speaker is not an entity of the file")
    return problems
