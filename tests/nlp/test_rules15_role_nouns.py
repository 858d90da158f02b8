"""A definite role noun ("the judge said") is the person the article gave that role, else
nobody, never merely the last person named (rules-15, review finding 7): invented examples."""

from __future__ import annotations

import pytest
from extracted import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            (
                "A district court sentenced Orla Venn to nine years in prison for the arson.\n\n"
                '"Nothing excuses putting a whole street in danger," the judge said.'
            ),
            [None],
            id="the_judge_is_not_the_defendant_named_before",
        ),
        pytest.param(
            (
                "Kelmark sold striker Tomas Brell to a rival club on Sunday.\n\n"
                '"We will miss his goals in the second half of the season," the coach said.'
            ),
            [None],
            id="the_coach_is_nobody_when_no_one_was_called_the_coach",
        ),
        pytest.param(
            (
                "Judge Irma Castell sentenced Orla Venn to nine years in prison for the arson.\n\n"
                '"Nothing excuses putting a whole street in danger," the judge said.'
            ),
            ["Irma Castell"],
            id="the_judge_is_the_person_given_that_role",
        ),
        pytest.param(
            (
                "Ruud Damsel, the coach, praised striker Tomas Brell after the win on Sunday.\n\n"
                '"We showed real character in the second half," the coach said.'
            ),
            ["Ruud Damsel"],
            id="the_coach_is_the_person_named_as_the_coach",
        ),
        pytest.param(
            (
                "Tomas Brell, who scored twice on Sunday, played down his own part in the win.\n\n"
                '"The others did the hard work," the striker said.'
            ),
            ["Tomas Brell"],
            id="the_role_noun_still_stands_for_the_person_who_opened_the_sentence_before",
        ),
    ],
)
def test_the_speakers_of_the_quotes_are(extractor, text, expected) -> None:
    assert speakers(extractor, text) == expected
