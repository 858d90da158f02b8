"""Listed companies (nlp/data/orgs_listed.txt.gz, issue 10): a company with no telling word and
no cue around it is an organisation because it is listed, as a reader who knows it would say;
local evidence still wins, and the list holds no word a text uses otherwise."""

from __future__ import annotations

import pytest
from extracted import check_names

from newstui.nlp.gazetteer import listed_orgs, load_gazetteer


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Vingroup is building the new plant near the port.", "Vingroup"),
        ("He spoke to Ecobank on Monday about the loan.", "Ecobank"),
        ("The deal between Zentiva and Faurecia collapsed last week.", "Faurecia"),
        ("The deal between Zentiva and Faurecia collapsed last week.", "Zentiva"),
    ],
)
def test_a_listed_company_with_no_cue_is_an_organisation(extractor, text, company) -> None:
    check_names(extractor, text, [(company, "ORG")])


def test_a_person_named_in_full_keeps_a_surname_that_is_also_a_listed_company(extractor) -> None:
    text = "Lawyer Ann Parkson said the case was weak. Parkson said the court would agree."
    check_names(extractor, text, [("Ann Parkson", "PERSON")], ["Parkson"])


def test_a_listed_name_the_article_counts_is_a_thing_not_the_company(extractor) -> None:
    text = "Buyers queued for a Faurecia on Monday. The Faurecia sold out by noon."
    check_names(extractor, text, absent=[("Faurecia", "ORG")])


def test_the_listed_tier_never_retypes_a_name_of_the_hand_written_lists() -> None:
    gaz = load_gazetteer()
    listed = listed_orgs()
    assert len(listed) > 5000
    assert "Faurecia" in listed
    for name in ("London", "Georgia", "Reuters", "Kurds", "Arabic", "Sandviken"):
        assert name not in listed  # places, an outlet, a group, a language
    assert gaz.known["Georgia"] == "PLACE"


@pytest.mark.parametrize(
    "word", ["Apple", "Shell", "Target", "Next", "Bush", "Smith", "James", "Kimura", "Sandvik"]
)
def test_no_common_word_given_name_or_surname_is_a_listed_company_alone(word) -> None:
    assert word not in listed_orgs()
