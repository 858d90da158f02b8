"""Rules-39 (round 37): a surname opened by a lower-case particle ("bin", "de", "van" …), written
alone after the full name ("“…,” said bin Laden." after "Osama bin Laden") or capitalised
("In the tape, Bin Laden talks …"), stands for that person: the entities left every such
mention out once the capitalised form was written, so the quotations were nobody's."""

from __future__ import annotations

from extracted import speakers


def test_a_particle_surname_after_said_is_the_full_names(extractor) -> None:
    text = (
        "A channel aired a new tape it says holds the voice of the leader, Omar bin Rashid.\n\n"
        "In the tape, Bin Rashid talks about the war.\n\n"
        "“They send their sons to fight us while our houses are bombed,” said bin Rashid."
    )
    assert speakers(extractor, text) == ["Omar bin Rashid"]


def test_a_capitalised_particle_surname_before_said_speaks(extractor) -> None:
    text = (
        "A channel aired a new tape it says holds the voice of the leader, Omar bin Rashid.\n\n"
        "In the tape, Bin Rashid talks about the war. Bin Rashid also said the talks were "
        "“over and done with for good, whatever the council may offer.”"
    )
    assert speakers(extractor, text) == ["Omar bin Rashid"]


def test_another_surname_with_the_same_particle_is_no_mention(extractor) -> None:
    text = (
        "Marie de Vries spoke first.\n\n"
        "“The plan is late and nobody in the ministry has read it,” said de Groot."
    )
    assert speakers(extractor, text) != ["Marie de Vries"]
