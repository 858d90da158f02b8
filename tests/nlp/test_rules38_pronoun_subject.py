"""Rules-38 (round 36): a pronoun's speaker is the person the pronoun opening an earlier
sentence stands for, not a name in what that sentence says she did ("She argued …, and called on
Treasurer Jan Ellery to drop them. ¶ “…,” she said" is the senator's); a clause of another
subject ("He expects …, but economist Hal Archer disagrees") still names its own."""

from __future__ import annotations

from extracted import speakers


def test_a_name_after_the_verb_of_a_sentence_opened_by_she_is_not_her(extractor) -> None:
    text = (
        "The plan was attacked by Senator Mara Quill, the party's schools spokeswoman. She "
        "argued that the changes would raise costs, and called on Treasurer Jan Ellery to drop "
        "them.\n\n“This would shut out students from poor suburbs,” she said."
    )
    assert speakers(extractor, text) == ["Mara Quill"]


def test_a_name_the_opening_he_urged_is_not_the_later_he(extractor) -> None:
    text = (
        "Councillor Piet Varga spoke first. He called the delays shameful, then urged Mayor Ivo Drummond to act.\n\n"
        "“The buses will run again by Friday,” he said."
    )
    assert speakers(extractor, text) == ["Piet Varga"]


def test_a_clause_of_another_subject_after_but_keeps_its_name(extractor) -> None:
    text = (
        "Minister Tom Darby forecast growth of 3.5%. He expects a record year, but economist "
        "Hal Archer disagrees, calling the forecast “mildly optimistic at best.”"
    )
    assert speakers(extractor, text) == ["Hal Archer"]
