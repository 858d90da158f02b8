"""Rules-31 classes behind wrong types and missing speakers the user test found in the demo,
each pinned by invented sentences: a lone institution word opening a sentence ("Museum staff",
"Library hours") names no body."""

from __future__ import annotations

from extracted import check_names


def test_a_lone_museum_or_library_opening_a_sentence_is_no_body(extractor) -> None:
    text = (
        "Farmers joined the protest on Tuesday. Museum staff stayed at work. Bridge repairs "
        "were delayed, and Library hours were cut. Hospital visits were limited, and School "
        "buses stopped."
    )
    check_names(extractor, text, absent=("Museum", "Library", "Hospital", "School"))


def test_a_museum_named_in_full_keeps_its_short_form(extractor) -> None:
    text = "The British Museum opened a new wing. The Museum said it would open on Sunday."
    check_names(extractor, text, found=[("British Museum", "ORG")], absent=("Museum",))
    assert [m.text for e in extractor.analyse(text).entities for m in e.mentions] == [
        "British Museum",
        "Museum",
    ]
