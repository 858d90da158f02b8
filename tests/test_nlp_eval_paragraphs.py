"""bench/nlp_eval.py scores a quotation over several paragraphs one piece a paragraph, gold and
predicted alike, so a set annotating it as one quote and a set annotating one quote a paragraph
give the same figures for the same extraction; `--whole-quotes` keeps the old scoring."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from nlp_eval_module import load_nlp_eval

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "The harbour board met on Tuesday.\n\n"
    "“The new pier will open in May, and the ferries will run from it all summer,” said Maria "
    "Lindqvist, the board's chair. “We have waited long enough for this.\n\n"
    "“Every boat owner in Tromsø has asked us when the work would end. Now we can tell them.”\n\n"
    "The board also raised mooring fees."
)
FIRST = "The new pier will open in May, and the ferries will run from it all summer,"
SECOND = "We have waited long enough for this."
THIRD = "Every boat owner in Tromsø has asked us when the work would end. Now we can tell them."
ENTITIES = [
    {"name": "Maria Lindqvist", "type": "PERSON"},
    {"name": "Tromsø", "type": "PLACE"},
]


def _nlp_eval() -> ModuleType:
    return load_nlp_eval("_paragraph_nlp_eval")


def _folder(root: Path, name: str, quotes: list[dict]) -> Path:
    folder = root / name
    folder.mkdir()
    article = {"text": TEXT, "entities": ENTITIES, "quotes": quotes}
    (folder / "a.json").write_text(json.dumps(article), encoding="utf-8")
    return folder


def _quote_counts(counts: Counter[str]) -> dict[str, int]:
    return {k: counts[k] for k in ("q_gold", "q_pred", "q_tp", "s_gold", "s_pred", "s_tp")}


def test_one_quote_gold_and_one_quote_a_paragraph_gold_score_the_same(tmp_path: Path) -> None:
    nlp_eval = _nlp_eval()
    speaker = "Maria Lindqvist"
    whole = _folder(
        tmp_path,
        "whole",
        [
            {"text": FIRST, "speaker": speaker},
            {"text": f"{SECOND}\n\n“{THIRD}", "speaker": speaker},
        ],
    )
    per_paragraph = _folder(
        tmp_path,
        "paragraphs",
        [
            {"text": FIRST, "speaker": speaker},
            {"text": SECOND, "speaker": speaker},
            {"text": THIRD, "speaker": speaker},
        ],
    )
    _, from_whole = nlp_eval.evaluate(whole, "rules", False)
    _, from_pieces = nlp_eval.evaluate(per_paragraph, "rules", False)
    assert _quote_counts(from_whole) == _quote_counts(from_pieces)
    assert from_whole["q_gold"] == 3 and from_whole["q_tp"] == 3 and from_whole["s_tp"] == 3

    # scored whole, the per-paragraph annotation misses the joined quote the rules give
    _, old_whole = nlp_eval.evaluate(whole, "rules", False, whole_quotes=True)
    _, old_pieces = nlp_eval.evaluate(per_paragraph, "rules", False, whole_quotes=True)
    assert old_whole["q_tp"] == 2 and old_pieces["q_tp"] == 1


def test_a_quote_is_cut_at_each_paragraph_break_without_its_reopening_mark() -> None:
    pieces = _nlp_eval().paragraph_pieces
    assert pieces("We came to build.\n“And we stayed,") == ["We came to build.", "And we stayed,"]
    assert pieces('One.\n\n  "Two.\n‘Three') == ["One.", "Two.", "Three"]


def test_a_one_paragraph_quote_is_scored_unchanged() -> None:
    nlp_eval = _nlp_eval()
    text = "‘Not yet,’ she said, “but soon.”"
    assert nlp_eval.paragraph_pieces(text) == [text]
    quotes = [(text, "Ann Lee"), ("We will build it.", None)]
    assert nlp_eval.scored_quotes(quotes) == nlp_eval.scored_quotes(quotes, whole_quotes=True)


def test_the_report_says_which_scoring_it_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    nlp_eval = _nlp_eval()
    folder = _folder(tmp_path, "one", [{"text": FIRST, "speaker": "Maria Lindqvist"}])
    monkeypatch.setattr(sys, "argv", ["nlp_eval.py", "--no-speed", "--data", str(folder)])
    nlp_eval.main()
    assert "quotes scored per paragraph" in capsys.readouterr().out
    argv = ["nlp_eval.py", "--no-speed", "--whole-quotes", "--data", str(folder)]
    monkeypatch.setattr(sys, "argv", argv)
    nlp_eval.main()
    assert "quotes scored whole (--whole-quotes)" in capsys.readouterr().out
