"""bench/nlp_eval.py given several folders adds their counts up into one pooled report."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from nlp_eval_module import load_nlp_eval

ROOT = Path(__file__).resolve().parents[1]


def _nlp_eval() -> ModuleType:
    return load_nlp_eval("_pooled_nlp_eval")


def _folder(root: Path, name: str, article: dict) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(article), encoding="utf-8")
    return folder


TEXT = 'Anna Berg, the mayor of Oslo, said: "We will build it." Ola Nordmann of Telenor disagreed.'


def test_two_folders_pool_into_one_report_and_group_counts_only_where_annotated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    nlp_eval = _nlp_eval()
    quote = {"text": "We will build it.", "speaker": "Anna Berg"}
    with_group = _folder(
        tmp_path,
        "grouped",
        {
            "text": TEXT + " Norwegians cheered.",
            "entities": [
                {"name": "Anna Berg", "type": "PERSON"},
                {"name": "Oslo", "type": "PLACE"},
                {"name": "Norwegians", "type": "GROUP"},
            ],
            "quotes": [quote],
        },
    )
    without_group = _folder(
        tmp_path,
        "plain",
        {
            "text": TEXT,
            "entities": [
                {"name": "Anna Berg", "type": "PERSON"},
                {"name": "Oslo", "type": "PLACE"},
            ],
            "quotes": [quote],
        },
    )
    _, first = nlp_eval.evaluate(with_group, "rules", False)
    _, second = nlp_eval.evaluate(without_group, "rules", False)
    assert first["GROUP_scored"] == 1 and second["GROUP_scored"] == 0
    assert first["GROUP_gold"] == 1 and second["GROUP_gold"] == 0
    capsys.readouterr()

    argv = ["nlp_eval.py", "--no-speed", "--data", str(with_group), str(without_group)]
    monkeypatch.setattr(sys, "argv", argv)
    nlp_eval.main()
    out = capsys.readouterr().out
    pooled = out.split("== all 2 folders together: 2 articles")[1]
    assert "(2/2 pred, 2 gold)" in pooled  # both folders' quotes
    assert f"({first['PERSON_tp'] + second['PERSON_tp']} tp," in pooled
    group = next(line for line in pooled.splitlines() if line.startswith("entities GROUP"))
    assert f"{first['GROUP_gold']} gold)" in group  # the plain folder adds no GROUP gold
