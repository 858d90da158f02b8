"""Rules-38 (round 36): a word an editor's brackets complete ends no name.

"… and Tulare Count[ies] on …" (a quotation an editor completed in square brackets) gave a place
"Tulare Count": the cut word stayed in the name. A run's last word glued to "[" and lower-case
letters leaves the run; the words before it keep their reading."""

from __future__ import annotations

from extracted import type_by_name


def test_a_completed_word_leaves_the_name(extractor) -> None:
    text = "Ballots were mailed in Marin, Napa, and Sonoma Count[ies] for the vote, Ada Moyo said."
    types = type_by_name(extractor, text)
    assert not any("Count" in name for name in types)
    assert types.get("Sonoma") == "PLACE"
    assert types.get("Ada Moyo") == "PERSON"
