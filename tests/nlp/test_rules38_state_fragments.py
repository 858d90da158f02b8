"""Rules-38 (round 36): a fragment closed by its own stop, or ending a reported clause, is spoken
by a state that opens the clause of the verb of saying before it ("Chile continues to deny the
claims, saying that its navy acted “within the law.”"), as a state labelling something already
did; not by a state only named there ("a rebel group inside Chile has stated"), nor by one that
others speak of ("Lima was reported as “calm.”")."""

from __future__ import annotations

from extracted import speakers


def test_a_state_opening_a_saying_clause_speaks_the_fragment_it_ends(extractor) -> None:
    text = (
        "Chile continues to deny the reports, saying that its navy acted “within the law.” "
        "The inquiry opens on Monday."
    )
    assert speakers(extractor, text) == ["Chile"]


def test_a_state_that_suggested_a_reported_fragment_speaks_it(extractor) -> None:
    text = "Peru quickly expressed regret and suggested that “hidden motives” may be at play."
    assert speakers(extractor, text) == ["Peru"]


def test_a_state_only_placing_the_subject_does_not_speak(extractor) -> None:
    text = "A rebel group inside Chile has stated that the soldiers are “cowards.”"
    assert "Chile" not in speakers(extractor, text)


def test_a_state_others_speak_of_does_not_speak(extractor) -> None:
    text = "Lima was reported as “calm.” Shops opened again on Tuesday."
    assert "Lima" not in speakers(extractor, text)
