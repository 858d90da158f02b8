"""False organisations of rules-8 fixed in rules-9 (issue 10): general forms, each pinned by invented examples."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def _names(extractor, text: str) -> set[str]:
    return {name for name, _ in _entities(extractor, text)}


def test_a_feeds_licence_line_names_no_organisation(extractor) -> None:
    text = (
        "The Harbour Board of Quillport voted on Tuesday to close the old pier.\n\n"
        "Source: Dailyreel, licensed CC BY 4.0 (© Dailyreel contributors)."
    )
    assert "Dailyreel" not in _names(extractor, text)
    assert ("Harbour Board of Quillport", "ORG") in _entities(extractor, text)
    text = "Voters in Quillport backed the plan.\n\nCopyright © 2026 Tarnwick Media Group. All rights reserved."
    assert "Tarnwick Media Group" not in _names(extractor, text)


def test_the_same_outlet_named_in_the_story_is_still_an_organisation(extractor) -> None:
    text = (
        "The pier will close in May, Dailyreel reported on Tuesday.\n\n"
        "Source: Dailyreel, licensed CC BY 4.0 (© Dailyreel contributors)."
    )
    found = {e.name: e for e in extractor.analyse(text).entities}
    assert found["Dailyreel"].type == "ORG"
    assert len(found["Dailyreel"].mentions) == 1  # the credit line's mentions are not counted


def test_laws_awards_and_votes_are_not_organisations(extractor) -> None:
    text = (
        "The Harwell Tenancy Reform Act took effect in May. Brenner won the Quillport Junior "
        "Championship and an Ostrava Academy Award. She was named Finals MVP before the "
        "Tarnwick Presidential Primary."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))


def test_a_law_defined_with_an_abbreviation_is_not_an_organisation(extractor) -> None:
    text = (
        "Tenants sued over the Harwell Tenancy Reform Act (HTRA) on Monday. "
        "Critics of HTRA said it favoured landlords."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))


def test_a_board_of_elections_is_still_an_organisation(extractor) -> None:
    text = "The Tarnwick County Board of Elections certified the result on Friday."
    assert ("Tarnwick County Board of Elections", "ORG") in _entities(extractor, text)


def test_hospitals_and_space_centres_are_places(extractor) -> None:
    text = (
        "She was taken to the Brenner Army Hospital, then flown to the Ostrava Medical Center. "
        "The rocket left from the Quillport Space Center, near the Harwell Convention Centre "
        "and the Tarnwick Legislative Complex."
    )
    found = _entities(extractor, text)
    for name in (
        "Brenner Army Hospital",
        "Ostrava Medical Center",
        "Quillport Space Center",
        "Harwell Convention Centre",
        "Tarnwick Legislative Complex",
    ):
        assert (name, "PLACE") in found, name


def test_an_abbreviated_name_with_in_inside_is_one_organisation(extractor) -> None:
    text = (
        "Ann Brenner of the Quillport Institute for Research in Coastal Sciences (QIRCS) led the "
        "study. QIRCS said the coast was sinking."
    )
    found = {e.name: e for e in extractor.analyse(text).entities}
    assert found["Quillport Institute for Research in Coastal Sciences"].type == "ORG"
    assert "QIRCS" not in found  # the abbreviation is a mention of the full name


def test_prepositions_and_software_terms_opening_a_sentence_are_not_organisations(
    extractor,
) -> None:
    text = (
        "Amongst reported incidents, the thefts rose. The FLOSS tools use DRM, said Brenner. "
        "The EULA was changed, said Brenner."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))


def test_a_book_film_or_show_opening_with_the_is_not_an_organisation(extractor) -> None:
    text = (
        "Brenner wrote the memoir The Harbour Years, starred in the film The Quiet Pier and "
        "hosted The Ann Brenner Show. She has read Dawkins' The Selfish Idea twice."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))


def test_an_outlet_opening_with_the_is_still_an_organisation(extractor) -> None:
    text = "Brenner told The Quillport Courier on Monday that the pier would close."
    assert ("The Quillport Courier", "ORG") in _entities(extractor, text)


def test_the_place_of_a_mayor_or_governor_is_a_place(extractor) -> None:
    text = (
        "The ferry sank, according to the mayor of Brasnovo via news agency Tarnpress. "
        "Hawkins ran for governor of New York for the Green Party."
    )
    found = _entities(extractor, text)
    assert ("Brasnovo", "PLACE") in found
    assert ("New York", "PLACE") in found


def test_a_constitution_is_not_an_organisation(extractor) -> None:
    text = (
        "The ban was not enforceable under the current interpretation of the US Constitution "
        "established by the court."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))


def test_a_lone_cabinet_or_chamber_names_no_body(extractor) -> None:
    text = (
        "Brenner will report to Cabinet on Monday. We will reach across the aisle in this "
        "Chamber, she said."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))


def test_a_countrys_government_capitalised_is_a_body_beside_the_country(extractor) -> None:
    # rules-18: the sets annotated since rules-15 (dev9, dev10) name "the UK Government" an
    # organisation; the older ones (dev, dev4) left it out
    text = (
        "Brenner announced the rules at the UK Government's briefing. The Australian "
        "Government disagreed. The UK later changed them."
    )
    found = _entities(extractor, text)
    assert ("UK Government", "ORG") in found
    assert ("Australian Government", "ORG") in found
    assert ("UK", "PLACE") in found


def test_an_outlet_that_reports_a_quote_is_its_speaker(extractor) -> None:
    text = 'Tarnpress reports that "the minister approved sixteen harsher methods in 2002."'
    quotes = [(q.text, q.speaker) for q in extractor.analyse(text).quotes]
    assert quotes == [("the minister approved sixteen harsher methods in 2002.", "Tarnpress")]


def test_numerals_and_words_in_capitals_are_not_organisations(extractor) -> None:
    text = (
        "The caves are numbered II, III and IV. Parties of the left and the right met; "
        "the LEFT won, the RIGHT lost. The RIP message went viral, and a UFO was seen."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))
    text = "The caves are numbered II, III and IV, and the KRTV said the left one is the oldest."
    assert ("KRTV", "ORG") in _entities(extractor, text)
