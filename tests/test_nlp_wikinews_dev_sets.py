"""wikinews-dev10's to -dev13's and -blind9's to -blind18's files are well formed: the checks their READMEs promise.

A blind set is read here only to check its form, and nothing of it is shown: its test ids and
failure messages name the file and the kind of problem, never a name, a quote or the text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "nlp"
# every set's source URLs, blind sets' included (tests/test_demo.py keeps them out of the demo)
EVALUATION_URLS = Path(__file__).parent / "data" / "wikinews-evaluation-urls.txt"


@dataclass(frozen=True)
class Source:
    """Where a set's texts come from: its files' names, attribution, origin and lengths."""

    files: str  # the glob of its article files
    licence: str
    origin: re.Pattern[str]
    words: tuple[int, int]
    listed: str  # how its README's table names a file


TOSCA = Source(
    "[tb][0-9]*.json",
    "CC BY 2.5, Wikinews contributors; text changed (recovered from wiki markup)",
    re.compile(
        r"github:Docma-TU/toscaData@79923805871963be01827c4f70dc51c76272c106:data/(economy|politics)\.rda#\d+"
    ),
    (250, 900),
    r"[tb]\d{3,4}-[a-z0-9-]+\.json",
)
# wikinews-dev12's files are numbered by their place in tools/wikinews_dev12_draw.py's draw
TOSCA_DRAW12 = replace(TOSCA, files="d[0-9]*.json", listed=r"d\d{3}-[a-z0-9-]+\.json")
# wikinews-blind13's: tools/wikinews_blind13_draw.py's draw, the next length band after dev12's
TOSCA_DRAW13 = replace(
    TOSCA, files="b[0-9]*.json", words=(901, 1300), listed=r"b\d{3}-[a-z0-9-]+\.json"
)
# wikinews-blind14's: tools/wikinews_blind14_draw.py's draw, the next length band after blind13's
TOSCA_DRAW14 = replace(TOSCA_DRAW13, words=(1301, 2500))
# GUM's Wikinews documents, as tools/gum_wikinews_text.py makes them (wikinews-dev4's GUM texts)
GUM = Source(
    "g[0-9]*.json",
    "CC BY 2.5, Wikinews contributors; text changed (recovered from wiki markup, see README)",
    re.compile(
        r"github:amir-zeldes/gum@72ce5ac14978a324c2fd18d49484e65292cbe316:dep/GUM_news_[a-z0-9]+\.conllu"
    ),
    (100, 1600),
    r"g\d{3}-[a-z0-9-]+\.json",
)
# wikinews-blind15's: tools/wikinews_blind15_draw.py's draw from the vanatteveldt/wikinews scrape
VANATTEVELDT = Source(
    "v[0-9]*.json",
    "CC BY 2.5, Wikinews contributors; text changed (normalised from the vanatteveldt/wikinews scrape, see README)",
    re.compile(
        r"github:vanatteveldt/wikinews@347254178bf343f3801aac1d03c41cc09c35decb:data/wikinews_20(19|20)\.csv#\d+"
    ),
    (250, 2500),
    r"v\d{3}-[a-z0-9-]+\.json",
)
# wikinews-blind16's: tools/amalgum_blind16_text.py's texts of AMALGUM's news documents (the
# XML layer of gucorpling/amalgum at the two commits its files were read at)
AMALGUM = Source(
    "a[0-9]*.json",
    "CC BY 2.5, Wikinews contributors; text changed (rebuilt from the AMALGUM corpus's sentence text, see README)",
    re.compile(
        r"github:gucorpling/amalgum@(c62d76acdf9e997362424821efb3e92094668a1d|ad33923d67196f3fb8f716c80616036c0a111865)"
        r":amalgum/news/xml/AMALGUM_news_[a-z0-9]+\.xml"
    ),
    (250, 2500),
    r"a\d{3}-[a-z0-9-]+\.json",
)
# wikinews-dev13's: the same tool's texts of other AMALGUM news documents, numbered by their
# place in dev13's walk of round 53's shuffled pool (its README)
AMALGUM13 = replace(
    AMALGUM,
    files="d[0-9]*.json",
    origin=re.compile(
        r"github:gucorpling/amalgum@(c62d76acdf9e997362424821efb3e92094668a1d|96427544e4c2efb1b02d8e1386fea85e8b46a957)"
        r":amalgum_extra/news/xml/AMALGUM_news_[a-z0-9]+\.xml"
    ),
    listed=r"d\d{3}-[a-z0-9-]+\.json",
)
# wikinews-blind17's: the same tool's texts of AMALGUM's extra news documents (the XML layer of
# gucorpling/amalgum's amalgum_extra/news at the two commits its files were read at), numbered
# by their place in blind17's walk of round 53's shuffled pool (its README)
AMALGUM_EXTRA = replace(AMALGUM13, files="e[0-9]*.json", listed=r"e\d{3}-[a-z0-9-]+\.json")
# wikinews-blind18's: tools/wikinewssum_blind18_draw.py's draw from airKlizz/WikinewsSum's
# endataset.json (Wikinews articles of 2004-2005, in the public domain)
WIKINEWSSUM = Source(
    "w[0-9]*.json",
    "Public domain (Wikinews article published before 25 September 2005); text changed (recovered from wiki markup, see README)",
    re.compile(
        r"github:airKlizz/WikinewsSum@1d985031625909c908766812e8a18d0c88116ec8:endataset\.json#\d+"
    ),
    (250, 2500),
    r"w\d{3}-[a-z0-9-]+\.json",
)
SETS = {
    DATA / "wikinews-dev10": TOSCA,
    DATA / "wikinews-dev11": TOSCA,
    DATA / "wikinews-dev12": TOSCA_DRAW12,
    DATA / "wikinews-dev13": AMALGUM13,
    DATA / "wikinews-blind9": TOSCA,
    DATA / "wikinews-blind10": TOSCA,
    DATA / "wikinews-blind11": TOSCA,
    DATA / "wikinews-blind12": GUM,
    DATA / "wikinews-blind13": TOSCA_DRAW13,
    DATA / "wikinews-blind14": TOSCA_DRAW14,
    DATA / "wikinews-blind15": VANATTEVELDT,
    DATA / "wikinews-blind16": AMALGUM,
    DATA / "wikinews-blind17": AMALGUM_EXTRA,
    DATA / "wikinews-blind18": WIKINEWSSUM,
}
# fewer articles than the usual thirty: all the GUM news documents no other set had used; all
# the places of blind13's draw that were not skipped on reading (33 eligible records); of
# blind14's (6 eligible records, 4 skipped on reading); of blind15's (33 eligible records, 10
# skipped on reading); what blind16's, dev13's and blind17's annotators finished in one round (their
# READMEs); every eligible record of blind18's source (3 of 101: its README)
AT_LEAST = {
    DATA / "wikinews-dev13": 33,
    DATA / "wikinews-blind12": 19,
    DATA / "wikinews-blind13": 13,
    DATA / "wikinews-blind14": 2,
    DATA / "wikinews-blind15": 23,
    DATA / "wikinews-blind16": 25,
    DATA / "wikinews-blind17": 24,
    DATA / "wikinews-blind18": 3,
}
FILES = [path for folder, source in SETS.items() for path in sorted(folder.glob(source.files))]
OPENING_MARKS = ('"', "“", "'", "‘", "`")
CLOSING_MARKS = ('"', "”", "'", "’")


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_each_set_holds_at_least_thirty_articles_each_listed_in_its_readme(folder: Path):
    source = SETS[folder]
    readme = (folder / "README.md").read_text("utf-8")
    names = [f.name for f in sorted(folder.glob(source.files))]
    listed = re.findall(rf"^\| `({source.listed})` \|", readme, re.M)
    assert len(names) >= AT_LEAST.get(folder, 30)
    assert names == listed


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name[9:]}-{p.name.split('-')[0]}")
def test_each_article_is_attributed_and_its_annotations_point_into_its_text(path: Path):
    problems = problems_of(
        json.loads(raw := path.read_text("utf-8")),
        raw,
        "blind" in path.parent.name,
        SETS[path.parent],
    )
    assert not problems, f"{path.name}: " + "; ".join(problems)


@cache
def evaluation_urls() -> frozenset[str]:
    lines = EVALUATION_URLS.read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def problems_of(article: dict, raw: str, blind: bool, source: Source = TOSCA) -> list[str]:
    """What is wrong with one file; for a blind set, named without quoting anything of it."""
    problems = []
    if raw != json.dumps(article, indent=1, ensure_ascii=False) + "\n":
        problems.append("not written as json.dumps(indent=1, ensure_ascii=False) plus a newline")
    attribution, text = article["source"], article["text"]
    if not attribution["url"].startswith("https://en.wikinews.org/wiki/"):
        problems.append("source url not on en.wikinews.org")
    if attribution["url"] not in evaluation_urls():
        problems.append(f"source url not listed in {EVALUATION_URLS.name}")
    if not (re.fullmatch(r"\d{4}-\d\d-\d\d", attribution["date"]) and attribution["title"]):
        problems.append("source date or title")
    if not (
        attribution["licence"] == source.licence and source.origin.fullmatch(attribution["origin"])
    ):
        problems.append("source licence or origin")
    if not source.words[0] <= len(text.split()) <= source.words[1]:
        problems.append(f"text not {source.words[0]}-{source.words[1]} words")
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
