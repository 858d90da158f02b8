"""Rules-40: a given name and an initial after a title's "of"/"for", and four towns (round 38).

After "Secretary for" or "Governor of", the words up to the holder's name are the portfolio
and the last two the name ("Minister of Information Ann Azim Khan"): "Press Secretary for George
W. Bush" left "W. Bush", and "Governor of Michigan George W. Romney" lost Michigan. A given name
followed by an initial opens the name; the words before it are the portfolio, a place's or none.
Buffalo, Hamilton, Dover and Salem are listed: the GeoNames tier leaves them out as English
words or surnames.
"""

from __future__ import annotations

from extracted import type_by_name


def test_a_given_name_and_initial_after_for_is_the_whole_name(extractor) -> None:
    text = "Orrell became the second Press Secretary for Marcus T. Orrell in 2004."
    types = type_by_name(extractor, text)
    assert types.get("Marcus T. Orrell") == "PERSON"
    assert "T. Orrell" not in types


def test_the_place_of_a_governor_before_a_name_with_an_initial(extractor) -> None:
    text = "She is the daughter of former Governor of Vermont Ellen K. Dorrow."
    types = type_by_name(extractor, text)
    assert types.get("Vermont") == "PLACE"
    assert types.get("Ellen K. Dorrow") == "PERSON"


def test_a_minister_of_a_field_keeps_the_last_words_as_the_name(extractor) -> None:
    text = "Minister of Information Ann Azim Khan spoke to reporters on Monday."
    assert type_by_name(extractor, text).get("Ann Azim Khan") == "PERSON"


def test_a_city_that_is_an_english_word_is_a_place(extractor) -> None:
    text = "Officials said Buffalo had lost a quarter of its factory jobs since 1990."
    assert type_by_name(extractor, text).get("Buffalo") == "PLACE"
