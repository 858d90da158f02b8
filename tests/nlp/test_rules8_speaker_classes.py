"""Speaker classes of rules-8 read on real reporting (issue 10): each pinned by invented examples."""

from __future__ import annotations


def _quotes(extractor, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extractor.analyse(text).quotes]


# An unnamed speaker described with where they are: the place is not the speaker.
def test_a_speaker_left_unnamed_is_not_the_place_they_come_from(extractor) -> None:
    text = (
        "Locals in Kibera protested. “We marched last year and we will march again,” said a "
        "24-year-old student from Kibera, who did not want to be named."
    )
    assert _quotes(extractor, text) == [("We marched last year and we will march again,", None)]


def test_an_unnamed_official_in_a_city_or_of_a_country_is_unnamed(extractor) -> None:
    text = "“We are choosing which children to feed,” one senior aid official in Port Sudan said."
    assert _quotes(extractor, text) == [("We are choosing which children to feed,", None)]
    text = "“Anyone trading with them will think again,” said an unnamed U.S. official."
    assert _quotes(extractor, text) == [("Anyone trading with them will think again,", None)]


def test_an_official_from_a_body_still_speaks_for_it(extractor) -> None:
    text = "An official from TfL stated: “We are working with the police.”"
    assert _quotes(extractor, text) == [("We are working with the police.", "TfL")]


def test_she_after_an_unnamed_woman_from_a_place_is_unnamed(extractor) -> None:
    text = (
        "Halvard Brekke opened the mill. One worker, a welder from Kibera who asked not "
        "to be identified, said she had lost her job. “I only found out from the radio,” she said."
    )
    assert _quotes(extractor, text) == [("I only found out from the radio,", None)]


# A pronoun after a sentence whose subject is a description: the role's holder, or nobody.
def test_he_after_the_role_named_earlier_is_the_roles_holder(extractor) -> None:
    text = (
        "“Prices will rise again,” said cooperative boss Halvard Brekke. Trade envoy Piet "
        "Ahlgren visited the mill on Monday. "
        "The cooperative boss said that costs would stay high. “Margins will be thin for a "
        "year,” he noted."
    )
    assert _quotes(extractor, text) == [
        ("Prices will rise again,", "Halvard Brekke"),
        ("Margins will be thin for a year,", "Halvard Brekke"),
    ]


def test_he_after_an_unnamed_man_is_not_an_earlier_name(extractor) -> None:
    text = (
        "Police said Halvard Brekke had fled. The masked man on the video said that “you "
        "will feel our anger.” He continued, “You will be the target of our next protest.”"
    )
    assert [speaker for _, speaker in _quotes(extractor, text)] == [None, None]
