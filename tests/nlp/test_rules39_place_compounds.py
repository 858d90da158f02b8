"""Rules-39: places joined by a hyphen, and compass points joined by one (round 37).

"the Armenia-Azerbaijan border", "the Lisbon-Madrid route", "Chile-Peru relations" name each
place (the hyphened word was no name at all); "the Asia-Pacific forum" is no two places, and a
"Gaza" of "the Egypt-Gaza border" after "the Gaza Strip" is the Strip. "South-East Queensland" and
"South-eastern Turkey" are places, as "South East Asia" is (they were organisations).
"""

from __future__ import annotations

from extracted import type_by_name


def test_places_joined_by_a_hyphen_before_border_are_each_a_place(extractor) -> None:
    text = "Shelling was reported along the Armenia-Azerbaijan border on Friday."
    types = type_by_name(extractor, text)
    assert types.get("Armenia") == "PLACE"
    assert types.get("Azerbaijan") == "PLACE"


def test_a_route_and_relations_between_places_name_each(extractor) -> None:
    text = "The airline opened a Lisbon-Madrid route. Chile-Peru relations improved."
    types = type_by_name(extractor, text)
    for name in ("Lisbon", "Madrid", "Chile", "Peru"):
        assert types.get(name) == "PLACE", name


def test_a_region_named_by_two_places_is_not_split(extractor) -> None:
    text = "Ministers met at the Asia-Pacific forum in Lima."
    types = type_by_name(extractor, text)
    assert "Asia" not in types and "Pacific" not in types


def test_a_place_of_a_pair_is_the_strip_named_before(extractor) -> None:
    text = "Tanks entered the Gaza Strip on Monday. The Egypt-Gaza border was closed."
    types = type_by_name(extractor, text)
    assert types.get("Egypt") == "PLACE"
    assert types.get("Gaza Strip") == "PLACE"
    assert "Gaza" not in types


def test_compass_points_joined_by_a_hyphen_open_a_place(extractor) -> None:
    text = "Floods hit South-East Queensland on Tuesday. Bombs exploded in South-eastern Turkey."
    types = type_by_name(extractor, text)
    assert types.get("South-East Queensland") == "PLACE"
    assert types.get("South-eastern Turkey") == "PLACE"
