"""Rules-38 (round 36): a phrase read as a notion once stays one throughout.

"CentOS 8's End of Life (EOL)" is a notion (a possessive before an abbreviated phrase), but a
later "Why has the End of Life [EOL] been shortened?" (after "the", in square brackets) typed the
phrase a body, and every mention of it and of "EOL" with it. A phrase read once as a notion is
not made a body by another of its definitions in the same article."""

from __future__ import annotations

from extracted import type_by_name


def test_a_notion_defined_twice_is_no_body(extractor) -> None:
    text = (
        "Fans of Quillbox were angry. Quillbox 4's Final Freeze (FF) has moved up to June.\n\n"
        "((WN)) Why was the Final Freeze [FF] moved?\n\n((Ada Moyo)) The FF was set by Tarnlake."
    )
    types = type_by_name(extractor, text)
    assert "Final Freeze" not in types
    assert "FF" not in types


def test_a_body_defined_twice_stays_a_body(extractor) -> None:
    text = (
        "The Kelmouth Rowing Council (KRC) met on Monday. "
        "Later the Kelmouth Rowing Council [KRC] said the race would go ahead."
    )
    assert type_by_name(extractor, text).get("Kelmouth Rowing Council") == "ORG"
