"""Review r38 SP1 (a) of 838a55d1: a subject who cites a thing ", saying" speaks; the
quoted-as rule still holds."""

import pytest

from newstui.nlp import get_extractor


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in get_extractor("rules").analyse(text).quotes]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Police chief Ann Lee cited security concerns, saying: “We had no choice at all.”",
            "Ann Lee",
        ),
        ("Tom Reed cited a 2019 study, saying “the numbers speak for themselves.”", "Tom Reed"),
        (
            "Governor Mary Baxter cited the budget as the reason, saying, “We cannot go on like this.”",
            "Mary Baxter",
        ),
        (
            "The Daily Post cited Ann Lee as saying the plan was “dead in the water.”",
            "Ann Lee",
        ),
    ],
)
def test_the_subject_or_the_role_holder_speaks(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]
