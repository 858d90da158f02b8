"""Rules-41: "Sheikh" as a Bangladeshi family name, and given names of one sex (round 39).

"Prime Minister Sheikh Hasina" was the person "Hasina": "Sheikh" opening a name was read as a
title, but in Bangladesh it is the family name of Sheikh Mujibur Rahman and his children, kept
in the name ("Sheikh Rehana"). And "Jesse" and "Rishi", listed as given names of either sex by
mistake, let "she said" go to the last Jesse named.
"""

from __future__ import annotations

from extracted import type_by_name


def test_sheikh_before_hasina_is_part_of_the_name(extractor) -> None:
    text = "Bangladesh's Prime Minister Sheikh Hasina opened the new bridge at Padma on Sunday."
    types = type_by_name(extractor, text)
    assert types.get("Sheikh Hasina") == "PERSON"
    assert "Hasina" not in types


def test_sheikh_mujibur_rahman_keeps_sheikh(extractor) -> None:
    text = "The museum in Dhaka honours Sheikh Mujibur Rahman, the country's founder."
    types = type_by_name(extractor, text)
    assert types.get("Sheikh Mujibur Rahman") == "PERSON"
    assert "Mujibur Rahman" not in types


def test_sheikh_stays_a_title_before_an_arab_name(extractor) -> None:
    text = "Sheikh Tamim bin Hamad met the envoys in Doha on Monday."
    types = type_by_name(extractor, text)
    assert "Sheikh Tamim bin Hamad" not in types


def test_she_is_not_a_man_named_jesse(extractor) -> None:
    text = (
        "The Rev. Jesse Moreland spoke first at the rally outside the court. "
        "“We will keep marching,” she said."
    )
    quotes = extractor.analyse(text).quotes
    assert [q.speaker for q in quotes] != ["Jesse Moreland"]
