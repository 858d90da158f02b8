"""Round 38, the generated organisation tiers (issue 10): the news tier leaves out a common noun
written with a hyphen ("Wi-Fi") and a family named in the plural ("the Bennetts"), misspellings
of a known body and lists; Party Facts' parties (orgs_parties.txt.gz) are organisations where
nothing around them says what they are; and the tiers' lookup can be read without a list
(`leave_out_tiers`, for the tools that build one)."""

from __future__ import annotations

import pytest
from extracted import check_names

from newstui.nlp import gazetteer
from newstui.nlp.gazetteer import news_orgs, party_orgs, tier_type


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The station now offers free Wi-Fi in every waiting room, the operator said.", "Wi-Fi"),
        ("Guests said the Wi-Fi on the ferry stopped working after an hour.", "Wi-Fi"),
        ("The Bennetts have kept sheep on the hill for three generations.", "Bennetts"),
        ("Firefighters said the Bennetts were away when the barn caught fire.", "Bennetts"),
    ],
)
def test_a_hyphenated_noun_or_a_family_is_no_organisation(extractor, text, word) -> None:
    check_names(extractor, text, absent=[(word, "ORG")])


@pytest.mark.parametrize(
    "name", ["Bloomsberg", "Netfilx", "PriceWaterhouseCooper", "S.A.R.L", "Lynch, Jones, and Ryan"]
)
def test_no_misspelling_initials_with_stops_or_list_is_learnt(name) -> None:
    assert name not in news_orgs()


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Pollsters gave Meretz four seats in the next Knesset on Sunday.", "Meretz"),
        ("In Bavaria the Bayernpartei won more votes than in any year since 1966.", "Bayernpartei"),
        ("The mayor of the town had stood for Høyre at the last election.", "Høyre"),
        ("Coalition talks with Shinui broke down late on Tuesday evening.", "Shinui"),
    ],
)
def test_a_party_of_the_world_is_an_organisation_alone(extractor, text, party) -> None:
    check_names(extractor, text, [(party, "ORG")])


@pytest.mark.parametrize(
    "name", ["National Unity", "People Power", "Anti-Semites", "Ex-Servicemen", "Alliance"]
)
def test_no_party_name_of_english_words_alone_is_listed(name) -> None:
    assert name not in party_orgs()


def test_the_lookup_reads_the_tiers_without_the_lists_left_out() -> None:
    assert tier_type("Bayernpartei") == "ORG"
    assert tier_type("Centrelink") == "ORG"
    try:
        gazetteer.leave_out_tiers(("orgs_parties.txt.gz",))
        assert tier_type("Bayernpartei") is None
        assert tier_type("Centrelink") == "ORG"
    finally:
        gazetteer.leave_out_tiers(())
    assert tier_type("Bayernpartei") == "ORG"


def test_every_tier_file_is_a_data_file_of_the_fingerprint() -> None:
    assert {name for name, _ in gazetteer.TIER_FILES} <= set(gazetteer.DATA_FILES)
