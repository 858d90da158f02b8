"""Rules-18 speaker mechanisms, each pinned by invented sentences (no article text): a country as
the subject of a speech verb it does not stand right before, and given names the pronoun "she"
must be able to reach (r17-speak.md)."""

from __future__ import annotations

from newstui.nlp.gazetteer import load_gazetteer


def _speakers(extractor, text: str) -> list[str | None]:
    return [q.speaker for q in extractor.analyse(text).quotes]


def test_a_country_that_opens_the_clause_speaks_through_a_second_verb(extractor) -> None:
    text = (
        "Talks in Geneva stalled on Monday. Norway immediately expressed regret over the ruling "
        'and said the new tariffs would "hurt everyone involved in the trade".'
    )
    assert _speakers(extractor, text) == ["Norway"]


def test_a_country_speaks_past_an_auxiliary_and_an_adverb(extractor) -> None:
    text = (
        "Talks in Geneva stalled on Monday. Norway has repeatedly said the new tariffs would "
        '"hurt everyone involved in the trade".'
    )
    assert _speakers(extractor, text) == ["Norway"]


def test_a_country_talked_about_in_the_first_clause_is_not_the_subject(extractor) -> None:
    text = (
        "Talks in Geneva stalled on Monday. Trade with Norway fell sharply and officials said "
        'the new tariffs would "hurt everyone involved in the trade".'
    )
    assert _speakers(extractor, text) == [None]


def test_she_reaches_a_woman_whose_given_name_was_listed_as_a_mans(extractor) -> None:
    text = (
        "Condoleezza Marsh said the talks were a matter of urgency. Speaking to reporters in "
        'Basra, she said that, "The fact that we are here at all is a sign of the urgency."'
    )
    assert _speakers(extractor, text) == ["Condoleezza Marsh"]


def test_the_given_names_of_women_are_not_listed_as_mens() -> None:
    names = load_gazetteer().first_names
    for name in ("Condoleezza", "Tzipi", "Kirsten", "Ilhan", "Rashida", "Dianne", "Kamala"):
        assert names[name] == "f", name
    assert names["Sheikh"] == "u"  # a title as well: "Sheikh Hasina", "Sheikh Mohammed"
