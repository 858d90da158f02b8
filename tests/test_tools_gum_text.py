"""tools/gum_wikinews_text.py rebuilds a GUM Wikinews article's text from its CoNLL-U tokens:
title, dateline and captions dropped, SpaceAfter=No honoured, a multi-word token written once,
a block's sentences beyond its count opening a new paragraph."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gum_wikinews_text", ROOT / "tools/gum_wikinews_text.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _token(n: int | str, form: str, misc: str = "_") -> str:
    return "\t".join([str(n), form, form.lower(), "X", "X", "_", "0", "dep", "_", misc])


def _sentence(sent_id: str, *tokens: str) -> list[str]:
    return [f"# sent_id = {sent_id}", f"# text = {sent_id}", *tokens, ""]


CONLLU = "\n".join(
    [
        "# newdoc id = GUM_news_test",
        "# meta::dateCreated = 2015-09-12",
        "# meta::sourceURL = https://en.wikinews.org/wiki/Crane_falls",
        "# meta::title = Crane falls",
        "# newpar_block = head (1 s)",
        *_sentence("s1", _token(1, "Crane"), _token(2, "falls")),
        "# newpar_block = p (1 s)",
        *_sentence("s2", _token(1, "Saturday", "SpaceAfter=No"), _token(2, ","), _token(3, "September"),
                   _token(4, "12", "SpaceAfter=No"), _token(5, ","), _token(6, "2015")),
        "# newpar_block = p (2 s)",
        *_sentence("s3", _token(1, "A"), _token(2, "six"), _token(3, "-"), _token(4, "member"),
                   _token(5, "team", "SpaceAfter=No"), _token(6, ".")),
        *_sentence("s4", _token("1-2", "Don't"), _token(1, "Do"), _token(2, "n't"),
                   _token(3, "stop", "SpaceAfter=No"), _token(4, ".")),
        *_sentence("s5", _token(1, "Next", "SpaceAfter=No"), _token(2, ".")),
        "# newpar_block = caption (1 s)",
        *_sentence("s6", _token(1, "A"), _token(2, "photo")),
        "# newpar_block = head (1 s)",
        *_sentence("s7", _token(1, "Later"), _token(2, "heading")),
    ]
)  # fmt: skip


def test_a_document_becomes_its_paragraphs_without_title_dateline_or_caption() -> None:
    meta, text = _tool().convert(CONLLU)
    assert meta["title"] == "Crane falls"
    assert text == "A six - member team. Don't stop.\n\nNext.\n\nLater heading"


def test_a_record_carries_the_articles_url_title_and_date() -> None:
    record = _tool().record("GUM_news_test", CONLLU)
    assert record == {
        "doc": "GUM_news_test",
        "url": "https://en.wikinews.org/wiki/Crane_falls",
        "title": "Crane falls",
        "date": "2015-09-12",
        "text": "A six - member team. Don't stop.\n\nNext.\n\nLater heading",
    }
    assert json.loads(json.dumps(record)) == record
