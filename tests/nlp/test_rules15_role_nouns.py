"""A definite role noun ("the judge said") is the person the article gave that role, else
nobody, never merely the last person named (rules-15, review finding 7): invented examples."""

from __future__ import annotations

from extracted import speakers


def test_the_judge_is_not_the_defendant_named_before(extractor) -> None:
    text = (
        "A district court sentenced Orla Venn to nine years in prison for the arson.\n\n"
        '"Nothing excuses putting a whole street in danger," the judge said.'
    )
    assert speakers(extractor, text) == [None]


def test_the_coach_is_nobody_when_no_one_was_called_the_coach(extractor) -> None:
    text = (
        "Kelmark sold striker Tomas Brell to a rival club on Sunday.\n\n"
        '"We will miss his goals in the second half of the season," the coach said.'
    )
    assert speakers(extractor, text) == [None]


def test_the_judge_is_the_person_given_that_role(extractor) -> None:
    text = (
        "Judge Irma Castell sentenced Orla Venn to nine years in prison for the arson.\n\n"
        '"Nothing excuses putting a whole street in danger," the judge said.'
    )
    assert speakers(extractor, text) == ["Irma Castell"]


def test_the_coach_is_the_person_named_as_the_coach(extractor) -> None:
    text = (
        "Ruud Damsel, the coach, praised striker Tomas Brell after the win on Sunday.\n\n"
        '"We showed real character in the second half," the coach said.'
    )
    assert speakers(extractor, text) == ["Ruud Damsel"]


def test_the_role_noun_still_stands_for_the_person_who_opened_the_sentence_before(
    extractor,
) -> None:
    text = (
        "Tomas Brell, who scored twice on Sunday, played down his own part in the win.\n\n"
        '"The others did the hard work," the striker said.'
    )
    assert speakers(extractor, text) == ["Tomas Brell"]
