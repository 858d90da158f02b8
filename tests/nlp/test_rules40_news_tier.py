"""Round 38, the news tier widened (nlp/data/orgs_news.txt.gz, issue 10): a body that a cue typed
as an organisation in one article of the open Wikinews half it is learnt from, and that no
evidence there typed otherwise, is an organisation where nothing around it says what it is;
evidence in the article still wins, and a possessive, a model or a pair of peoples is no body."""

from __future__ import annotations

import pytest
from extracted import check_names

from newstui.nlp.gazetteer import news_orgs


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Shoppers queued outside Primark before the doors opened on Saturday.", "Primark"),
        ("The benefit will be paid through Centrelink from the first of July.", "Centrelink"),
        ("A new recording was released by As-Sahab late on Friday night.", "As-Sahab"),
        ("Analysts expect ABN AMRO to report a loss for the third quarter.", "ABN AMRO"),
    ],
)
def test_a_body_named_once_with_a_cue_in_news_is_an_organisation_alone(
    extractor, text, body
) -> None:
    check_names(extractor, text, [(body, "ORG")])


def test_a_person_named_in_full_keeps_a_surname_the_widened_list_holds(extractor) -> None:
    text = "Retired teacher Mary Primark said the hall was cold. Primark said she would stay."
    check_names(extractor, text, [("Mary Primark", "PERSON")], ["Primark"])


@pytest.mark.parametrize(
    "name", ["Anne's", "Nobel's", "A380", "MEPs", "French-language", "Indo-US"]
)
def test_no_possessive_model_plural_or_pair_of_peoples_is_learnt(name) -> None:
    assert name not in news_orgs()
