"""Round 39, the lower lists' bodies as speakers (issue 10): a company, news body or party of the
generated tiers (orgs_listed, orgs_news, orgs_parties) opening a sentence with "said", or with
only weak evidence of a person or a place around it, is the organisation, as it is where nothing
around it says what it is; a person named in full in the article keeps the surname."""

from __future__ import annotations

import pytest
from extracted import check_names, quotes_and_speakers


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Primark said on Tuesday that it would open four more shops in the north.", "Primark"),
        ("Embraer said the order was the largest in the company's history.", "Embraer"),
        ("Bayernpartei said it would not join a coalition after the vote.", "Bayernpartei"),
        ("Visteon told staff on Friday that the plant would shut in June.", "Visteon"),
    ],
)
def test_a_listed_body_that_speaks_is_an_organisation(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")], [(body, "PERSON")])


def test_a_listed_body_with_weak_evidence_of_a_place_is_an_organisation(extractor) -> None:
    text = "Night-shift workers in Visteon said the new rota was unfair."
    check_names(extractor, text, [("Visteon", "ORG")], [("Visteon", "PLACE")])


def test_a_listed_body_quoted_is_the_speaker_and_an_organisation(extractor) -> None:
    text = "“The new rules cost us a great deal of money,” Centrelink said in a statement."
    check_names(extractor, text, [("Centrelink", "ORG")], [("Centrelink", "PERSON")])
    assert quotes_and_speakers(extractor, text) == [
        ("The new rules cost us a great deal of money,", "Centrelink")
    ]


def test_a_person_named_in_full_keeps_the_surname_a_list_holds(extractor) -> None:
    text = "Retired pilot Carla Embraer spoke at the hearing. Embraer said she had warned them."
    check_names(extractor, text, [("Carla Embraer", "PERSON")], [("Embraer", "ORG")])
