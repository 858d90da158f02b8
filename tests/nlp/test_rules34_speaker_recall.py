"""Rules-34 classes of named speakers (round 32's tally of the development sets' quotes with no or
a wrong speaker), each pinned by invented sentences. A name owning the object of the verb after a
quotation does not speak ("“knowingly” revealed Plame's identity" was Plame's)."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_a_name_owning_the_object_of_the_verb_after_a_fragment_does_not_speak(extractor) -> None:
    text = (
        "Valerie Plame was named in the column.\n\nThe newspapers, however, misrepresented the "
        "promise as a promise to fire only those officials who “knowingly” or “illegally” "
        "revealed Plame's identity."
    )
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text) if speaker] == []


def test_a_name_owning_a_role_after_the_verb_still_credits_that_role(extractor) -> None:
    text = (
        "Dan Boyd and Richard Kerr met in May. “It was a fine day for all of us,” writes Kerr's "
        "old friend Dan Boyd."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("It was a fine day for all of us,", "Dan Boyd")
    ]
