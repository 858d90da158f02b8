"""The learned speaker model's features and tooling (issue 10): candidates, reproducible training,
no blind data."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newstui.nlp.rules import rules_view

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(
    0, str(ROOT / "tools")
)  # the fill and its training are tools: the extractor does not use them

from speaker_fill import Candidate, best, candidates  # noqa: E402

ARTICLE = (
    "Acme Corp reported a loss on Monday.\n\n"
    "“We are disappointed,” Ann Moss, its chief executive, told reporters. "
    "“Next year will be better.”\n\nShares fell."
)


@pytest.fixture(scope="module")
def train_speakers() -> ModuleType:
    return importlib.import_module("train_speakers")


def test_the_rules_say_how_they_found_each_speaker() -> None:
    view = rules_view(ARTICLE)
    assert view.speakers == ["Ann Moss", "Ann Moss"]
    assert view.finder.how == ["after", "carried"]


def test_candidates_are_nobody_first_then_the_names_near_the_quote() -> None:
    view = rules_view(ARTICLE)
    options = candidates(view.finder, 0, view.speakers)
    assert [c.speaker for c in options] == [None, "Acme Corp", "Ann Moss"]
    moss = options[2].features
    assert "rule=True" in moss and "side=after" in moss and "type=PERSON" in moss
    assert "rule=False" in options[1].features and "side=before1" in options[1].features


def test_the_best_candidate_is_the_highest_score_and_a_tie_goes_to_nobody() -> None:
    options = [Candidate(None, ("none",)), Candidate("Moss", ("after",))]
    assert best({"after": 1.0}, options).speaker == "Moss"
    assert best({}, options).speaker is None


def test_training_twice_gives_byte_identical_weights(train_speakers: ModuleType) -> None:
    articles = train_speakers.read_folder(ROOT / "tests" / "data" / "nlp" / "heldout")
    first = train_speakers.weights_text(train_speakers.train(articles))
    assert first == train_speakers.weights_text(train_speakers.train(articles))
    weights = json.loads(first)["weights"]
    assert weights["rule=True"] > 0  # the rules' choice is evidence the model learns to trust


def test_the_training_tool_never_reads_a_blind_folder(
    train_speakers: ModuleType, tmp_path: Path
) -> None:
    for name in ("dev9", "wikinews-blind2", "wikinews-blind4", "wikinews-blind5", "blind3"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.json").write_text("{}", encoding="utf-8")
    assert train_speakers.folders(tmp_path) == [tmp_path, tmp_path / "dev9"]
