"""Annotated sets whose texts live in ../shared (third-party pages, never copied into the
repository): bench/nlp_eval.py reads each text by file, field and sha256, and the sets' files are
well formed.

`extraction-blind1/` is a blind set: its checks name the file and the kind of problem, never a
name, a quote or the text. They need ../shared/extraction-dev and skip in a plain clone."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from nlp_eval_module import load_nlp_eval

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "nlp"
SHARED_SETS = {DATA / "extraction-blind1": "extraction-dev"}
FILES = [path for folder in SHARED_SETS for path in sorted(folder.glob("x[0-9]*.json"))]
ORIGIN = re.compile(
    r"github:Murrough-Foley/web-content-extraction-benchmark@c039d5ee9f5a3a984a0e167e63aacd04e76e78a9"
    r":test/ground-truth/(\d+)\.json"
)
OPENING_MARKS = ('"', "“", "”", "'", "‘")
CLOSING_MARKS = ('"', "”", "'", "’")


def _nlp_eval() -> ModuleType:
    return load_nlp_eval("_shared_nlp_eval")


TEXT = 'Anna Berg, the mayor of Oslo, said: "We will build it." Telenor disagreed.'


def _set_in_shared(tmp_path: Path, text: str = TEXT) -> tuple[Path, Path]:
    """A shared folder holding one page's record, and an annotated set naming its text."""
    shared = tmp_path / "shared"
    (shared / "pages" / "truth").mkdir(parents=True)
    record = {"id": "7", "truth": {"main": text}}
    (shared / "pages" / "truth" / "7.json").write_text(json.dumps(record), encoding="utf-8")
    folder = tmp_path / "set"
    folder.mkdir()
    start = TEXT.index("We will")
    article = {
        "text_from": {
            "shared": "pages",
            "file": "truth/7.json",
            "field": ["truth", "main"],
            "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        },
        "entities": [{"name": "Anna Berg", "type": "PERSON"}, {"name": "Oslo", "type": "PLACE"}],
        "quotes": [{"start": start, "end": start + 17, "speaker": "Anna Berg"}],
    }
    (folder / "x7-page.json").write_text(json.dumps(article), encoding="utf-8")
    return folder, shared


def test_a_set_whose_texts_live_in_shared_is_read_with_its_quotes_cut_from_the_text(
    tmp_path: Path,
) -> None:
    folder, shared = _set_in_shared(tmp_path)
    (article,) = _nlp_eval().load_articles(folder, shared)
    assert article["text"] == TEXT
    assert article["quotes"] == [
        {"start": 37, "end": 54, "speaker": "Anna Berg", "text": "We will build it."}
    ]


def test_a_shared_text_changed_since_it_was_annotated_is_refused_in_one_line(
    tmp_path: Path,
) -> None:
    folder, shared = _set_in_shared(tmp_path, text=TEXT.replace("Telenor", "Telia"))
    with pytest.raises(
        SystemExit, match=r"x7-page\.json: the text in .*7\.json is not the annotated"
    ):
        _nlp_eval().load_articles(folder, shared)


def test_without_the_shared_folder_the_set_says_which_one_it_needs(tmp_path: Path) -> None:
    folder, _ = _set_in_shared(tmp_path)
    with pytest.raises(
        SystemExit, match=r"x7-page\.json: needs \.\./shared/pages \(no truth/7\.json"
    ):
        _nlp_eval().load_articles(folder, tmp_path / "elsewhere")


def test_the_shared_folder_is_found_beside_the_checkout_or_where_newstui_shared_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp_eval = _nlp_eval()
    monkeypatch.delenv("NEWSTUI_SHARED", raising=False)
    assert nlp_eval.shared_root() == ROOT.parent / "shared"
    monkeypatch.setenv("NEWSTUI_SHARED", str(tmp_path))
    assert nlp_eval.shared_root() == tmp_path


@pytest.mark.parametrize("folder", list(SHARED_SETS), ids=lambda p: p.name)
def test_each_shared_text_set_lists_every_file_in_its_readme(folder: Path) -> None:
    readme = (folder / "README.md").read_text("utf-8")
    names = [f.name for f in sorted(folder.glob("*.json"))]
    assert names and names == [f.name for f in sorted(folder.glob("x[0-9]*.json"))]
    assert names == re.findall(r"^\| `(x\d+-[a-z0-9-]+\.json)` \|", readme, re.M)


@pytest.mark.needs_shared("extraction-dev")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}-{p.name.split('-')[0]}")
def test_each_article_is_attributed_and_its_annotations_point_into_its_shared_text(
    path: Path,
) -> None:
    from shared_material import shared_root

    raw = path.read_text("utf-8")
    article = json.loads(raw)
    problems = problems_of(article, raw, path.name)
    (loaded,) = [
        a for a in _nlp_eval().load_articles(path.parent, shared_root()) if a["file"] == path.name
    ]
    problems += annotation_problems(loaded)
    assert not problems, f"{path.name}: " + "; ".join(problems)


def problems_of(article: dict, raw: str, name: str) -> list[str]:
    """What is wrong with one file's own fields (not its text), named without quoting any of it."""
    problems = []
    if raw != json.dumps(article, indent=1, ensure_ascii=False) + "\n":
        problems.append("not written as json.dumps(indent=1, ensure_ascii=False) plus a newline")
    if "text" in article:
        problems.append("holds the page's text, which must not be copied into the repository")
    source, ref = article["source"], article["text_from"]
    origin = ORIGIN.fullmatch(source["origin"])
    if not (source["url"].startswith("https://") and source["title"] and origin):
        problems.append("source url, title or origin")
    elif not (
        name.startswith(f"x{origin[1]}-") and ref["file"] == f"ground-truth/{origin[1]}.json"
    ):
        problems.append("file name, origin and text_from name different pages")
    if not source["licence"].startswith("CC BY 4.0, WCXB"):
        problems.append("source licence")
    if not (ref["shared"] == "extraction-dev" and ref["field"] == ["ground_truth", "main_content"]):
        problems.append("text_from does not name ../shared/extraction-dev's ground-truth text")
    if any(set(q) != {"start", "end", "speaker"} for q in article["quotes"]):
        problems.append("a quote is not given by start, end and speaker alone")
    return problems


def annotation_problems(article: dict) -> list[str]:
    """What is wrong with the annotations against the text, named without quoting any of it."""
    problems, text = [], article["text"]
    if len(text.split()) < 300:
        problems.append("text under 300 words")
    names = [e["name"] for e in article["entities"]]
    if len(names) != len(set(names)):
        problems.append("duplicate entity names")
    for n, entity in enumerate(article["entities"]):
        if not (entity["type"] in ("PERSON", "ORG", "PLACE", "GROUP") and entity["name"] in text):
            problems.append(f"entity {n}: type or not in text")
    spans = [(q["start"], q["end"]) for q in article["quotes"]]
    if len(spans) != len(set(spans)):
        problems.append("a quote given twice")
    for n, quote in enumerate(article["quotes"]):
        start, end = quote["start"], quote["end"]
        if not (0 < start < end < len(text) and quote["text"] == text[start:end]):
            problems.append(f"quote {n}: offsets outside the text")
        elif not (text[start - 1] in OPENING_MARKS and text[end] in CLOSING_MARKS):
            problems.append(f"quote {n}: not between quotation marks")
        if not (quote["speaker"] is None or quote["speaker"] in names):
            problems.append(f"quote {n}: speaker is not an entity of the file")
    return problems
