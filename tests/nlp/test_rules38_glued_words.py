"""Rules-38: words glued to a person's or a place's name (round 36).

A weekday after a name ("said Ann Orrow Saturday") or a month before a day's number ("near
Kelbrook May 11") is the date, not part of the name; a day's own name stays whole ("Good
Friday"), and so does a given name's surname ("Theresa May 10 times" is not cut).

A country glued before a person at an article's start (a category heading: "Ostrava Ann Orrow,
the president of Ostrava, …") is the country and the person, when the story names the
country again.
"""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name


def test_a_weekday_after_a_name_is_no_part_of_it(extractor) -> None:
    text = '"It was better then," said Tomas Ruel Okello Saturday on the eve of the vote.'
    assert quotes_and_speakers(extractor, text) == [("It was better then,", "Tomas Ruel Okello")]
    text = "The attack happened in the town of Kelbrook Sunday, officials said."
    assert type_by_name(extractor, text).get("Kelbrook") == "PLACE"


def test_a_month_before_a_days_number_is_no_part_of_a_name(extractor) -> None:
    text = "A rally for Tomas Okello October 8th in Kelbrook drew thousands."
    types = type_by_name(extractor, text)
    assert types.get("Tomas Okello") == "PERSON"
    assert "Tomas Okello October" not in types


def test_a_days_own_name_and_a_surname_that_is_a_month_stay_whole(extractor) -> None:
    text = "Marches were held on Good Friday. Theresa May 10 times refused to answer."
    types = type_by_name(extractor, text)
    assert types.get("Theresa May") == "PERSON"
    assert "Good" not in types


def test_a_country_glued_before_a_person_at_the_start_is_the_country_and_the_person(
    extractor,
) -> None:
    text = (
        "Zimbabwe Tomas Okello, the President of Zimbabwe, denied the reports on Monday. "
        "He spoke in Harare."
    )
    types = type_by_name(extractor, text)
    assert types.get("Tomas Okello") == "PERSON"
    assert types.get("Zimbabwe") == "PLACE"
    text = "Italy Tomas Okello, 71, accepted the office on Monday."  # not named again
    assert "Italy" not in type_by_name(extractor, text)
