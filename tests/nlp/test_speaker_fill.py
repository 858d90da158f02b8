"""The learned fill of missing speakers (issue 10; not used by the extractor since rules-15): it
names an entity of the article where the rules name nobody and the model is sure, and leaves
nobody where nobody speaks."""

from __future__ import annotations

import sys
from pathlib import Path

from newstui.nlp.rules import rules_view

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))  # a tool, not the package

from speaker_fill import (
    FILL_MARGIN,
    Candidate,
    fill_choice,
    fillable,
    filled_speakers,
    shipped_weights,
)

# "In his view the pier “…”": no verb of speaking, the rules name nobody
IN_HIS_VIEW = (
    "John Bellweather opened the new pier on Monday, and praised the builders. In his view the "
    "pier “will bring more boats than the town has ever seen in one summer.”"
)
NOBODY_NAMED = (
    "It was a cold night in Fenwick. “Nobody expected the river to rise so fast, and nobody was "
    "ready for it,” one resident said."
)
OUTLET = (
    "Fenwick Gazette reported on Monday that the old mill will close. “We have no choice but to "
    "shut the doors after forty years of work,” the owners wrote."
)
TALKED_ABOUT = (
    "Critics mocked Mayor Tom Redfield on Monday. Many called his plan “the worst idea this town "
    "has seen in a hundred years of bad ideas.”"
)


def speakers(text: str) -> list[str | None]:
    view = rules_view(text)
    return filled_speakers(view.finder, view.speakers)


def test_the_fill_names_the_person_whose_words_the_rules_leave_unattributed() -> None:
    view = rules_view(IN_HIS_VIEW)
    assert view.speakers == [None]
    assert filled_speakers(view.finder, view.speakers) == ["John Bellweather"]
    assert "John Bellweather" in {e.name for e in view.entities}  # an entity of the article


def test_the_fill_names_nobody_where_nobody_is_named() -> None:
    assert speakers(NOBODY_NAMED) == [None]


def test_the_fill_does_not_give_an_outlet_the_words_it_reports() -> None:
    assert speakers(OUTLET) == [None]


def test_the_fill_does_not_give_a_talked_about_person_the_critics_words() -> None:
    assert speakers(TALKED_ABOUT) == [None]


def test_the_fill_leaves_the_rules_speakers_alone() -> None:
    view = rules_view(IN_HIS_VIEW)
    said = ["Someone Else"]
    assert filled_speakers(view.finder, said, {"bias": 100.0}) is said


def test_only_an_entity_of_the_article_that_beats_nobody_by_the_margin_fills() -> None:
    options = [Candidate(None, ("none",)), Candidate("Moss", ("moss",))]
    people = {"Moss": "PERSON"}
    assert fill_choice({"moss": FILL_MARGIN + 0.5}, options, people, FILL_MARGIN) == "Moss"
    assert fill_choice({"moss": FILL_MARGIN}, options, people, FILL_MARGIN) is None
    # a speaker named by a description ("a spokesman") is no entity: the fill never names it
    assert fill_choice({"moss": 100.0}, options, {}, FILL_MARGIN) is None


def test_the_shipped_weights_are_small_and_load() -> None:
    weights = shipped_weights()
    assert 50 < len(weights) < 2000
    assert weights["rule=True"] > 0


def test_the_fill_leaves_a_label_by_an_unnamed_agent_to_nobody() -> None:
    text = (
        "Dana Reyes led the parish for thirty years. Reyes was described by the council as "
        "“a tireless voice for the poor of the valley and the hills.”"
    )
    assert speakers(text) == [None]


def test_the_fill_gives_a_name_in_quotes_to_no_one() -> None:
    assert not fillable("short", "Operation Clearwater")  # 'the army named it “…”'
    assert fillable("short", "mutual concern")
    assert fillable("nobody", "We Are Ready")  # a whole sentence may be in capitals
    assert not fillable("before", "a tireless voice")  # the rules found an unnamed agent
