"""The learned speaker model's features and tooling (issue 10; round 26's article-wide features and
override use): candidates, reproducible training, no blind data. Examples of our own."""

from __future__ import annotations

import importlib
import json
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from newstui.nlp.rules import rules_view

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(
    0, str(ROOT / "tools")
)  # the fill and its training are tools: the extractor does not use them

from speaker_fill import Candidate, best, candidates, probabilities  # noqa: E402

ARTICLE = (
    "Acme Corp reported a loss on Monday.\n\n"
    "“We are disappointed,” Ann Moss, its chief executive, told reporters. "
    "“Next year will be better.”\n\nShares fell."
)
SHE_SAID = (
    "Ann Moss runs the Fenwick Mill. She hired ten people this year.\n\n"
    "The town council met on Monday. Moss spoke at length. "
    "“We will hire ten more next spring,” she said."
)
NAMELESS_PARAGRAPH = (
    "Tom Redfield chairs Acme Corp. Redfield founded it. Acme Corp makes boats.\n\n"
    "Sales rose again this year.\n\n"
    "“We sold more boats than ever before in our history,” the report read."
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


# a quotation never seen in training: one candidate with the cue, one without
UNSEEN = [Candidate(None, ("none",)), Candidate("X", ("bias",)), Candidate("Y", ("bias", "cue"))]


def _example(train_speakers: ModuleType, options: list[Candidate], rules: str | None, gold: int):
    return train_speakers.Example(options, {}, "after", "q", rules, "q", False, gold)


def _cue_articles(train_speakers: ModuleType) -> list:
    """A synthetic set where the speaker is always the candidate with "cue", wherever it stands
    among the options, beside features of noise."""
    examples = []
    for i in range(12):
        right = i % 3
        options = [Candidate(None, ("none",))] + [
            Candidate(
                f"P{i}{k}", ("bias", f"noise{(i + k) % 4}") + (("cue",) if k == right else ())
            )
            for k in range(3)
        ]
        examples.append(_example(train_speakers, options, None, right + 1))
    return [train_speakers.Article(examples, {})]


def test_the_training_learns_the_one_feature_that_marks_the_speaker(
    train_speakers: ModuleType,
) -> None:
    weights = train_speakers.train(_cue_articles(train_speakers))
    assert weights["cue"] > max(abs(w) for f, w in weights.items() if f.startswith("noise"))
    assert best(weights, UNSEEN).speaker == "Y"


def test_the_logistic_model_learns_the_marking_feature_and_fills_only_when_sure(
    train_speakers: ModuleType,
) -> None:
    weights = train_speakers.train_logit(_cue_articles(train_speakers))
    assert weights["cue"] > max(abs(w) for f, w in weights.items() if f.startswith("noise"))
    chances = probabilities(weights, UNSEEN)
    assert abs(sum(chances) - 1) < 1e-9 and chances[2] == max(chances)
    nobody = train_speakers.Example(UNSEEN, {"Y": "PERSON"}, "nobody", "words", None, "k", False, 2)
    assert train_speakers.fill_sure(weights, chances[2] - 0.01)(nobody) == "Y"
    assert train_speakers.fill_sure(weights, chances[2])(nobody) is None  # not sure enough
    assert train_speakers.fill_sure(weights, 0.0)(replace(nobody, types={})) is None  # no entity
    named = replace(nobody, rules="Ann Moss")
    assert train_speakers.fill_sure(weights, 0.0)(named) == "Ann Moss"  # the rules' name stands


def test_he_or_she_saying_marks_the_last_person_named_and_the_article_most_named() -> None:
    view = rules_view(SHE_SAID)
    moss = next(c for c in candidates(view.finder, 0, view.speakers) if c.speaker == "Ann Moss")
    assert "recent=0&pronoun=True" in moss.features
    assert "most=True" in moss.features and "article_count=2" in moss.features
    assert "pars=0" in moss.features and "nearest=0" in moss.features


def test_a_paragraph_naming_nobody_between_a_name_and_the_quote_is_marked() -> None:
    view = rules_view(NAMELESS_PARAGRAPH)
    assert view.speakers == [None]
    options = candidates(view.finder, 0, view.speakers)
    acme = next(c for c in options if c.speaker == "Acme Corp")
    assert "bare_par_crossed=True" in acme.features and "pars=>1" in acme.features
    assert "none&pronoun=False" in options[0].features
    assert "none&shape=words" in options[0].features


def test_a_quote_that_is_a_name_or_markup_is_described_as_such() -> None:
    named = rules_view(
        "Ann Moss said on Monday that the firm had changed.\n\n"
        "She named the plan “Operation Blue Harbour” at the meeting."
    )
    nobody = candidates(named.finder, 0, named.speakers)[0]
    assert "none&shape=name" in nobody.features
    # a table's cell styles, whose marks pair across a cell: no one's words
    table = rules_view(
        "Ann Moss won in Ohio.\n\n{| class=wikitable\n|- ! "
        'style="background:#f0f0f0;"|State | align="center" style="background:#f0f0f0;"|Votes |}'
    )
    cells = [
        text for span in table.spans if "|" in (text := table.finder.text[span.start : span.end])
    ]
    assert cells == ['background:#f0f0f0;"|State | align=']
    k = next(
        k for k, span in enumerate(table.spans) if "|" in table.finder.text[span.start : span.end]
    )
    assert "none&shape=markup" in candidates(table.finder, k, table.speakers)[0].features


def test_the_override_replaces_the_rules_speaker_only_beyond_its_margin(
    train_speakers: ModuleType,
) -> None:
    options = [
        Candidate(None, ("none",)),
        Candidate("Ann Moss", ("rule",)),
        Candidate("Tom Lee", ("told",)),
    ]
    example = _example(train_speakers, options, "Ann Moss", 2)
    weights = {"rule": 1.0, "told": 3.5}
    assert train_speakers.override(weights, 2.0)(example) == "Tom Lee"
    assert train_speakers.override(weights, 3.0)(example) == "Ann Moss"
    article = train_speakers.Article([example], {"q": "speaker:tom lee"})
    assert train_speakers.changed([article], train_speakers.override(weights, 2.0)) == (1, 0)
    assert train_speakers.changed([article], train_speakers.override(weights, 3.0)) == (0, 0)
