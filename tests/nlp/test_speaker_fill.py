"""The learned fill of missing speakers (issue 10): it names an entity of the article where the
rules name nobody and the model is sure, and leaves nobody where nobody speaks."""

from __future__ import annotations

from newstui.nlp.rules import RulesExtractor, rules_view
from newstui.nlp.speaker_fill import (
    FILL_MARGIN,
    Candidate,
    fill_choice,
    filled_speakers,
    shipped_weights,
)

# The speaker's verb ("predicts") is no verb of speaking to the rules: they name nobody
PREDICTS = (
    "John Bellweather, the harbour master, opened the new pier on Monday.\n\n"
    "Bellweather predicts the pier “will bring more boats than the town has ever seen in one "
    "summer.”"
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
    return [q.speaker for q in RulesExtractor().analyse(text).quotes]


def test_the_fill_names_the_person_whose_words_the_rules_leave_unattributed() -> None:
    assert rules_view(PREDICTS).speakers == [None]
    analysis = RulesExtractor().analyse(PREDICTS)
    assert [q.speaker for q in analysis.quotes] == ["John Bellweather"]
    assert "John Bellweather" in {e.name for e in analysis.entities}  # links like any speaker


def test_the_fill_names_nobody_where_nobody_is_named() -> None:
    assert speakers(NOBODY_NAMED) == [None]


def test_the_fill_does_not_give_an_outlet_the_words_it_reports() -> None:
    assert speakers(OUTLET) == [None]


def test_the_fill_does_not_give_a_talked_about_person_the_critics_words() -> None:
    assert speakers(TALKED_ABOUT) == [None]


def test_the_fill_leaves_the_rules_speakers_alone() -> None:
    view = rules_view(PREDICTS)
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
