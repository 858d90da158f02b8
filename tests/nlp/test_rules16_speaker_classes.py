"""Rules-16 speaker mechanisms, each pinned by invented sentences (no article text): a role
noun is never the words of a person the sentence before acts on in the passive (review finding
r14-7), and the other general mechanisms of round 15 (r15-speak.md)."""

from __future__ import annotations


def _speakers(extractor, text: str) -> list[str | None]:
    return [q.speaker for q in extractor.analyse(text).quotes]


def test_the_judge_is_not_the_passive_subject_sentenced_before(extractor) -> None:
    text = (
        "Rafe Colden, 52, was jailed for eleven years on Friday for the fire at the depot.\n\n"
        '"The harm done to the families cannot be undone," the judge said.'
    )
    assert _speakers(extractor, text) == [None]


def test_the_coach_is_not_the_player_who_was_sold(extractor) -> None:
    text = (
        "Pell Andry, 24, was sold to a rival club in June.\n\n"
        '"We will miss him in the dressing room," the coach said.'
    )
    assert _speakers(extractor, text) == [None]


def test_the_director_is_not_the_nurse_praised_by_the_board(extractor) -> None:
    text = (
        "Nurse Ines Vahl was praised by the hospital board for her work in the outbreak.\n\n"
        '"She never once complained about the hours," the director said.'
    )
    assert _speakers(extractor, text) == [None]


def test_an_active_subject_still_speaks_for_its_role_noun(extractor) -> None:
    text = (
        "Tomas Brell, who scored twice on Sunday, played down his own part in the win.\n\n"
        '"The others did the hard work," the striker said.'
    )
    assert _speakers(extractor, text) == ["Tomas Brell"]
