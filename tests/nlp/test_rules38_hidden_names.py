"""Rules-38: names that a known name inside them hid, and people a place's reading took (round 36).

"New London, Connecticut" and "New Britain" are towns of their own (GeoNames' lower tier), not
London and Britain; "New England" is a region, not England. "signed by the governor Tomas
Okello, New Jersey would …" names a person with a role before him, not a town and its state.
"Tarin Velloway, Kelmar News's correspondent in Ostrava, said:" is a person described by a
two-word possessor, as "the BBC's correspondent" was. A conservatory is a body ("New England
Conservatory of Music"), as a school or an academy is.
"""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name


def test_new_and_a_known_place_is_the_town_named_so(extractor) -> None:
    text = "Hundreds marched in New London, Connecticut, and later in New Britain on Sunday."
    types = type_by_name(extractor, text)
    assert types.get("New London") == "PLACE"
    assert types.get("New Britain") == "PLACE"
    assert "London" not in types and "Britain" not in types


def test_new_england_is_a_region_not_england(extractor) -> None:
    text = "Heavy rain fell across New England and the Midwest this summer."
    types = type_by_name(extractor, text)
    assert types.get("New England") == "PLACE"
    assert "England" not in types


def test_a_person_with_a_role_before_a_comma_and_a_state_is_no_town(extractor) -> None:
    text = "The bill was signed by the governor Tomas Okello, New Jersey would borrow $450 million."
    types = type_by_name(extractor, text)
    assert types.get("Tomas Okello") == "PERSON"
    assert types.get("New Jersey") == "PLACE"


def test_a_two_word_possessor_describes_a_speaker(extractor) -> None:
    text = (
        'Tarin Velloway, Kelmar News\'s correspondent in Ostrava, said: "The truce is only a name."'
    )
    assert quotes_and_speakers(extractor, text) == [("The truce is only a name.", "Tarin Velloway")]


def test_a_conservatory_is_a_body_not_the_region_in_its_name(extractor) -> None:
    text = "She enrolled at Boston's New England Conservatory of Music in 1951."
    types = type_by_name(extractor, text)
    assert types.get("New England Conservatory of Music") == "ORG"
    assert "New England" not in types
