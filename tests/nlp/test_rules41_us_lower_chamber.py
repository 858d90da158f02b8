"""Round 39 organisation spans (helper orgmiss): the United States' or a state's name before
"House" ending the name is that legislature's lower chamber ("the U.S. House voted", "the
Minnesota House voted"): it was no entity at all (not even the place), as "House" alone is typed
only beside a legislature's full name."""

from __future__ import annotations

from extracted import type_by_name


def test_the_us_house_is_an_organisation(extractor) -> None:
    text = "In a close vote, the U.S. House approved the bill on Friday."
    assert type_by_name(extractor, text) == {"U.S. House": "ORG"}
    text = "The measure passed the Oregon House 40-19 on Tuesday."
    assert type_by_name(extractor, text) == {"Oregon House": "ORG"}


def test_a_chamber_named_in_full_and_a_building_stay_as_they_were(extractor) -> None:
    text = "The Oregon House of Representatives approved the bill."
    assert type_by_name(extractor, text) == {"Oregon House of Representatives": "ORG"}
    types = type_by_name(extractor, "Visitors toured the White House on Monday.")
    assert types == {"White House": "PLACE"}
