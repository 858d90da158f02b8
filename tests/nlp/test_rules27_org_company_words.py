"""Organisations of rules-27: a company word or a generic body's head standing alone ("the
Company believes", "the Group's revenue", "Ltd" cut from "Co., Ltd.", "Party members", "Media
reports") names no organisation of its own: the annotated sets list the body under its name.
Invented sentences."""

from __future__ import annotations

import pytest

from newstui.nlp import Extractor
from newstui.nlp.rules import RulesExtractor


def _orgs(extractor: Extractor, text: str) -> list[str]:
    return [e.name for e in extractor.analyse(text).entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        (
            "Acme Holdings reported a loss. The Company believes the ruling was wrong, a"
            " spokesman said.",
            ["Acme Holdings"],
        ),
        (
            "Group revenue rose by 24% to a record, Brenwick Airways said on Monday.",
            ["Brenwick Airways"],
        ),
        ("The studios would be retained by the Corporation, the BBC said.", ["BBC"]),
        ("Halvard Bus Co., Ltd. was approved to run the line.", ["Halvard Bus Co"]),
        (
            "The rebels' leader fled. The Group's 300 members remain active, Reuters said.",
            ["Reuters"],
        ),
    ],
)
def test_a_company_word_alone_is_no_organisation(
    extractor: Extractor, text: str, orgs: list[str]
) -> None:
    assert _orgs(extractor, text) == orgs


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("Media reports said the talks had failed, Brenwick Airways said.", ["Brenwick Airways"]),
        ("Party members have stalled the vote, the Daily Courier reported.", ["Daily Courier"]),
        ("A spokeswoman for the mayor said the Council is unwilling to sign the deal.", []),
        ("Ann Lee, Project Director of the Harlow Law Institute, spoke.", ["Harlow Law Institute"]),
    ],
)
def test_a_generic_head_alone_is_no_organisation(
    extractor: Extractor, text: str, orgs: list[str]
) -> None:
    assert _orgs(extractor, text) == orgs


def test_a_quotation_after_a_generic_head_goes_to_the_person_named() -> None:
    text = (
        "Media reports surfaced of preacher Tom Hale's comments from 2007 that \"the harvest"
        ' will fail and the rivers will rise." Others rejected the comments.'
    )
    quotes = RulesExtractor().analyse(text).quotes
    assert [q.speaker for q in quotes] == ["Tom Hale"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ford Motor Company said on Monday the Company would cut jobs.", "Ford Motor Company"),
        ("The Quorvex Group said its revenue rose. Quorvex Group shares fell.", "Quorvex Group"),
        ("The Ministry of Defence said the Ministry had no comment.", "Ministry of Defence"),
        ("The Workers Unity Party met. The Party said it would vote no.", "Workers Unity Party"),
        ("The Sunni Accordance Front said on Monday it would quit.", "Sunni Accordance Front"),
    ],
)
def test_a_company_named_in_full_keeps_its_name(extractor: Extractor, text: str, org: str) -> None:
    assert org in _orgs(extractor, text)
