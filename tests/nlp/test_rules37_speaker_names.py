"""Rules-37: people the entities missed where they speak (round 35, read on the unannotated
Wikinews articles), each pinned by invented sentences. Two or three unknown capitalised words
followed by a description set off by commas and a speech verb are a person when they come
right after a quotation ("“…,” Quillon Brevard, the district's water engineer, said") or the
description names a person by a role or a person's noun ("Ferro Dalquist, the paper's night
editor, told"); a body described so stays no person. "Said another man, X" credits X as "said a
man, X" did, and counsellors, headmasters, complainants and commuters are roles before a name
("said counsellor Tovin Arrask")."""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name


def test_an_unknown_name_after_a_quote_and_before_a_description_and_said_speaks(
    extractor,
) -> None:
    text = "“The dam will hold,” Quillon Brevard, the district's water engineer, said."
    assert quotes_and_speakers(extractor, text) == [("The dam will hold,", "Quillon Brevard")]
    assert type_by_name(extractor, text)["Quillon Brevard"] == "PERSON"


def test_an_unknown_name_described_by_a_role_before_told_is_a_person(extractor) -> None:
    text = (
        "Ferro Dalquist, the paper's night editor, told reporters that the cartoon was “a "
        "mistake we regret”."
    )
    assert quotes_and_speakers(extractor, text) == [("a mistake we regret", "Ferro Dalquist")]


def test_a_body_described_without_a_role_before_said_is_no_person(extractor) -> None:
    text = "Dalmore Tarn, the mining group, said it would “cut costs” this year."
    assert type_by_name(extractor, text).get("Dalmore Tarn") != "PERSON"


def test_said_another_man_and_a_name_credits_the_name(extractor) -> None:
    text = "“They came from every side,” said another man, Quillon Brevard."
    assert quotes_and_speakers(extractor, text) == [
        ("They came from every side,", "Quillon Brevard")
    ]


def test_a_counsellor_before_a_name_after_said_is_a_role(extractor) -> None:
    text = "“The funds have not arrived,” said counsellor Tovin Arrask at the embassy."
    assert quotes_and_speakers(extractor, text) == [("The funds have not arrived,", "Tovin Arrask")]
