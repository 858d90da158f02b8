"""Rules-19 changes reviewed on text nobody tuned on (issue 10): each wrong change found there is
narrowed, and pinned here by invented sentences."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def test_a_hyphenated_phrase_ending_in_a_role_word_describes_no_person(extractor) -> None:
    found = _entities(
        extractor,
        "The planner links to Trello, Asana and Google Workspace, often going head-to-head "
        "with bigger suites.",
    )
    assert not any(kind == "PERSON" for _, kind in found)
    found = _entities(
        extractor, "Talks were led by Ollivan Brask, former vice-chairman of the bank, on Friday."
    )
    assert ("Ollivan Brask", "PERSON") in found


def test_a_copula_before_a_preposition_says_not_what_the_listed_names_are(extractor) -> None:
    found = _entities(
        extractor, "Oftentimes, Widgets are built by small teams or even one developer alone."
    )
    assert not any(kind == "ORG" for _, kind in found)
    found = _entities(extractor, "Quorvex and Brellan are the most indebted companies in Kelmouth.")
    assert {("Quorvex", "ORG"), ("Brellan", "ORG")} <= found


def test_a_view_to_label_something_is_no_speech_of_its_owner(extractor) -> None:
    opening = "Among the best tools are firms such as Quorvex, Brellan and Tamsoft. "
    analysis = extractor.analyse(
        opening + "Quorvex has a pipeline view to tag customers as “At Risk” or “Warm Lead”."
    )
    assert [q.speaker for q in analysis.quotes] == []
    analysis = extractor.analyse(opening + "Quorvex views the merger as “hostile” and will fight.")
    assert [(q.text, q.speaker) for q in analysis.quotes] == [("hostile", "Quorvex")]


def test_a_pronoun_after_a_name_behind_a_preposition_takes_up_someone_else(extractor) -> None:
    found = _entities(extractor, "Visitors to Tamsk Gardens found her favourite bench removed.")
    assert ("Tamsk Gardens", "PERSON") not in found
    found = _entities(extractor, "The distributor of Kelp Fizz, Orrin Maddow, defended his drink.")
    assert ("Orrin Maddow", "PERSON") in found
