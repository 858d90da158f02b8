"""Round 37 organisation spans (helper orgmiss): a firm named after a person the article also
names ("Michael Dell", "Steve Forbes") keeps its country's branch when a preposition opens the
pair and the firm's full name is written elsewhere ("sold from Brakvik USA", "Brakvik Inc."):
one body, not a person's surname and a place. Without the firm's full name, or with no
preposition, the word stays the person's."""

from __future__ import annotations

from extracted import type_by_name


def test_the_founders_firm_keeps_its_branch_after_a_preposition(extractor) -> None:
    text = (
        "Brakvik Inc. makes laptops. Its founder, Anna Brakvik, agreed. "
        "The laptops are sold from Brakvik USA only."
    )
    types = type_by_name(extractor, text)
    assert types["Brakvik USA"] == "ORG" and types["Anna Brakvik"] == "PERSON"


def test_without_the_firms_full_name_the_word_stays_the_persons(extractor) -> None:
    text = "Anna Brakvik spoke on Monday. The laptops are sold from Brakvik USA only."
    types = type_by_name(extractor, text)
    assert "Brakvik USA" not in types
