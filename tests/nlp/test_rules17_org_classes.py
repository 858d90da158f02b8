"""Organisation names and types of rules-17 (issue 10): error classes found by judging the
extractor's ORG output on Wikinews dev9, each pinned by invented examples."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def test_pm_and_a_state_councillor_are_titles_before_a_name(extractor) -> None:
    found = _entities(extractor, "Danish PM Karla Vintner said the talks would go on.")
    assert ("Karla Vintner", "PERSON") in found
    assert not any(kind == "ORG" for _, kind in found)
    found = _entities(extractor, "The NSW Greens MLC Tobin Fray said the bill was a disgrace.")
    assert ("NSW Greens", "ORG") in found
    assert ("Tobin Fray", "PERSON") in found
    found = _entities(extractor, '"The Deputy PM has to answer for it," said Ola Brenn.')
    assert {kind for _, kind in found} == {"PERSON"}
