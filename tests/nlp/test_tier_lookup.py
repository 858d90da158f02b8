"""The lower lists' compact lookup (gazetteer.SortedNames, tier_type) answers as the lists do."""

from __future__ import annotations

import random

from newstui.nlp.gazetteer import SortedNames, geo_places, listed_orgs, news_orgs, tier_type


def test_sorted_names_find_every_name_and_nothing_else() -> None:
    rng = random.Random(7)
    alphabet = "abcXYZ éüßД-'. "
    names = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)}
    others = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)}
    found = SortedNames(names)
    assert all(name in found for name in names)
    assert not [name for name in others - names if name in found]
    # prefixes and extensions of a listed name are other names
    assert "Gazpro" not in SortedNames(["Gazprom"]) and "Gazproms" not in SortedNames(["Gazprom"])
    assert "" not in SortedNames(["a"]) and "a" in SortedNames(["a"])
    assert "x" not in SortedNames([])


def test_tier_type_is_the_lists_types_organisations_first() -> None:
    orgs = {*listed_orgs(), *news_orgs()}
    towns = geo_places()
    assert all(tier_type(name) == "ORG" for name in orgs)
    assert all(tier_type(name) == "PLACE" for name in towns if name not in orgs)
    assert tier_type("Ofcom") == "ORG"
    assert tier_type("not a listed name at all") is None
