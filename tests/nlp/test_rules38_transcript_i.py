"""Rules-38 (round 36): "As I" in a transcript names no one.

A long interview typed without stops ("Yes As I told you, …", "((Ravi)) If I may, …") gave a
person "As I": two capitalised words, the second the numeral-like "I". A conjunction or adverb
right before "I" opens the speaker's clause; a king's or a pope's numeral stays ("Louis I")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_conjunction_and_i_in_a_transcript_is_no_person(extractor) -> None:
    text = (
        "Meera Pillai runs the bakery.\n\n((WN)) Did the flood change things?\n\n"
        "((Meera Pillai)) Quite a bit, yes As I told you, the shop closed. "
        "Sure If I may add, we reopened in May."
    )
    types = type_by_name(extractor, text)
    assert types.get("Meera Pillai") == "PERSON"
    assert not any(name.endswith(" I") for name in types)


def test_a_rulers_numeral_stays(extractor) -> None:
    text = "The museum shows a coin of King Ottokar I and a letter from Pope Leo I."
    types = type_by_name(extractor, text)
    assert types.get("Ottokar I") == "PERSON"
    assert types.get("Leo I") == "PERSON"
