"""Organisations of rules-27: a company word standing alone ("the Company believes", "the
Group's revenue", "Ltd" cut from "Co., Ltd.") names no organisation of its own: the annotated
sets list the company under its name. Invented sentences."""

from __future__ import annotations

import pytest

from newstui.nlp import Extractor


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
    ("text", "org"),
    [
        ("Ford Motor Company said on Monday the Company would cut jobs.", "Ford Motor Company"),
        ("The Quorvex Group said its revenue rose. Quorvex Group shares fell.", "Quorvex Group"),
        ("The Ministry of Defence said the Ministry had no comment.", "Ministry of Defence"),
    ],
)
def test_a_company_named_in_full_keeps_its_name(extractor: Extractor, text: str, org: str) -> None:
    assert org in _orgs(extractor, text)
