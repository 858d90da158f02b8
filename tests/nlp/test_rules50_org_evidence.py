"""Rules-50: organisations on text the rules were never tuned on (issue 10, classes 9 and 10).

Read in bulk on the GUM corpus (tools/gum_silver.py), names typed ORG on weak evidence that the
article itself shows name no body: a title dated in brackets ("The Harvest (2004)"), a
citation's authors ("Ross & Kaplan, 2012"), an abbreviation the article counts ("LEDs"), a
label on a line of its own ("NOTE") or a word of a line written in capitals; and two
institutions joined across "and" into one name ("University of Michigan and Columbia
University"). Given names one spelling away from a listed one ("Claus" of Klaus, user test r49
LOW-2) are given names too. The examples are written for these tests.
"""

from __future__ import annotations

from extracted import names_of_type, person_names, quotes_and_speakers, type_by_name


def test_a_title_dated_in_brackets_is_no_organisation(extractor) -> None:
    text = (
        "His other films include The Harvest (2004), Long Way Home (2009) and The Seventh Gate "
        "(2012). He lives in Leeds."
    )
    assert names_of_type(extractor, text, "ORG") == set()


def test_a_body_dated_once_and_named_elsewhere_stays_an_organisation(extractor) -> None:
    text = (
        "Clubs: Tarvick United (2019)\n\nShe joined Tarvick United after college. Tarvick "
        "United said she would captain the side."
    )
    assert type_by_name(extractor, text).get("Tarvick United") == "ORG"


def test_a_company_with_its_head_word_before_a_year_stays_an_organisation(extractor) -> None:
    text = "Halvern Corporation (1998) was founded in Leeds."
    assert type_by_name(extractor, text).get("Halvern Corporation") == "ORG"


def test_the_authors_of_a_citation_are_no_organisation(extractor) -> None:
    text = (
        "Earlier work found effects on attention (Ross & Kaplan, 2012; Meyer, 2009) and on "
        "memory (Ross & Kaplan 2013)."
    )
    assert "Ross & Kaplan" not in type_by_name(extractor, text)


def test_a_firm_with_an_ampersand_stays_an_organisation(extractor) -> None:
    text = (
        "The merger was handled by Harlow & Penn, the law firm said on Monday. Harlow & Penn "
        "(2019) also advised Acme."
    )
    assert type_by_name(extractor, text).get("Harlow & Penn") == "ORG"


def test_an_abbreviation_the_article_counts_is_a_thing(extractor) -> None:
    text = "Ordinary lamps give way to LEDs. An LED lasts for years, and the LED market grows."
    assert "LED" not in type_by_name(extractor, text)


def test_a_body_abbreviation_stays_an_organisation(extractor) -> None:
    text = "The WHO said the outbreak was over. WHO officials left."
    assert type_by_name(extractor, text).get("WHO") == "ORG"


def test_a_label_on_its_own_line_is_no_organisation(extractor) -> None:
    text = "Read the table first.\n\nNOTE\n\nA value is fine.\n\nANSWER:\n\nIt is."
    assert names_of_type(extractor, text, "ORG") == set()


def test_a_word_of_a_line_written_in_capitals_is_no_organisation(extractor) -> None:
    text = (
        "PLEASE BRING ALL FORMS TO THE FRONT DESK BY FRIDAY. THANK YOU FOR YOUR HELP. The DESK "
        "opens at nine."
    )
    assert "DESK" not in type_by_name(extractor, text)


def test_two_institutions_joined_by_and_are_two(extractor) -> None:
    text = (
        "She studied at the University of Michigan and Columbia University before moving to Boston."
    )
    orgs = names_of_type(extractor, text, "ORG")
    assert {"University of Michigan", "Columbia University"} <= orgs
    assert "University of Michigan and Columbia University" not in orgs


def test_one_institution_named_across_and_stays_one(extractor) -> None:
    text = "He leads the School of Oriental and African Studies in London."
    assert "School of Oriental and African Studies" in names_of_type(extractor, text, "ORG")


def test_a_german_speaker_spelt_claus_is_found(extractor) -> None:
    text = "„Wir lassen uns nicht einschüchtern“, sagte Claus Weselsky in Berlin."
    assert quotes_and_speakers(extractor, text) == [
        ("Wir lassen uns nicht einschüchtern", "Claus Weselsky")
    ]


def test_spelling_variants_of_listed_given_names_make_people(extractor) -> None:
    text = (
        "„Das ist ein guter Tag“, sagte Catharina Böhm am Montag. Christoph Lenz und Carsten "
        "Vogt waren auch da."
    )
    assert quotes_and_speakers(extractor, text) == [("Das ist ein guter Tag", "Catharina Böhm")]
    assert {"Catharina Böhm", "Christoph Lenz", "Carsten Vogt"} <= person_names(extractor, text)
