"""The lower lists' compact lookup (gazetteer.SortedNames, tier_type) answers as the lists do."""

from __future__ import annotations

import os
import random
import subprocess
import sys

from newstui.nlp.gazetteer import (
    SortedNames,
    geo_places,
    listed_orgs,
    load_gazetteer,
    names_in_order,
    news_orgs,
    tier_type,
)


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


def test_a_name_of_the_hand_written_lists_is_not_typed_again_by_the_lower_ones() -> None:
    known = load_gazetteer().known
    assert "Paris" in known and "Reuters" in known
    assert all(tier_type(name) is None for name in known)


def test_merged_names_take_their_largest_kind_and_leave_out_what_is_asked() -> None:
    pairs = [(b"Acme", 0), (b"Acme", 1), (b"Bonn", 0), (b"Caf\xc3\xa9", 1), (b"Dax", 0)]
    merged = SortedNames.merged(iter(pairs), left_out={"Dax"})
    assert merged.kinds[merged.find("Acme")] == 1
    assert merged.kinds[merged.find("Bonn")] == 0
    assert merged.kinds[merged.find("Café")] == 1
    assert merged.find("Dax") == -1 and "Acme" in merged and "Acm" not in merged
    made = SortedNames(["Acme", "Bonn", "Café"], {"Acme": 1, "Bonn": 0, "Café": 1})
    assert (merged.blob, list(merged.ends), merged.bits, merged.kinds) == (
        made.blob,
        list(made.ends),
        made.bits,
        made.kinds,
    )


def test_a_list_is_read_in_order_whether_written_in_order_or_not() -> None:
    assert list(names_in_order(b"# header\nAbu Dhabi\nBern\r\n\nCairo\n")) == [
        b"Abu Dhabi",
        b"Bern",
        b"Cairo",
    ]
    # edited by hand: out of order, a name twice
    assert list(names_in_order(b"Cairo\nAbu Dhabi\n# more\nBern\nCairo")) == [
        b"Abu Dhabi",
        b"Bern",
        b"Cairo",
    ]
    assert list(names_in_order(b"")) == [] and list(names_in_order(b"# only\n")) == []


MEMORY_PROBE = """
import tracemalloc
tracemalloc.start()
from newstui.nlp.gazetteer import load_gazetteer, tier_type
load_gazetteer()
before = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
tier_type("Nowhere at all")
print(tracemalloc.get_traced_memory()[1] - before)
"""


def test_the_lower_lists_load_without_holding_their_45000_names_at_once() -> None:
    # Made from sets and dicts of the names, the lookup peaked at ~10 MB more than it keeps,
    # and the freed memory stayed with every process that analyses (issue 12's memory row).
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    ).stdout
    assert int(out) < 2 * 2**20
