"""Organisation names and types of rules-17 (issue 10): error classes found by judging the
extractor's ORG output on Wikinews dev9, each pinned by invented examples."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def test_pm_and_a_state_councillor_are_titles_before_a_name(extractor) -> None:
    found = _entities(extractor, "Danish PM Karla Vintner said the talks would go on.")
    assert ("Karla Vintner", "PERSON") in found
    assert not any(kind == "ORG" for _, kind in found)
    found = _entities(extractor, "The NSW Greens MLC Tobin Fray said the bill was a disgrace.")
    assert ("NSW Greens", "ORG") in found
    assert ("Tobin Fray", "PERSON") in found
    found = _entities(extractor, '"The Deputy PM has to answer for it," said Ola Brenn.')
    assert {kind for _, kind in found} == {"PERSON"}


def test_pm_after_a_clock_hour_is_a_time_not_a_title(extractor) -> None:
    for text in (
        "The final starts at 3 PM Eastern Time on Sunday.",
        "The polls close at 9 AM Pacific Time, officials said.",
    ):
        assert _entities(extractor, text) == set()
    found = _entities(extractor, "At 10 PM Karla Vintner said the count was done.")
    assert ("Karla Vintner", "PERSON") in found


def test_a_level_word_before_a_known_body_names_a_body_of_its_own(extractor) -> None:
    text = "A spokesman for the National Security Council, Ola Brenn, said the test was a threat."
    found = _entities(extractor, text)
    assert ("National Security Council", "ORG") in found
    assert ("Security Council", "ORG") not in found
    found = _entities(extractor, "The bill was debated in Federal Parliament on Monday.")
    assert ("Federal Parliament", "ORG") in found


def test_a_given_name_right_after_a_body_name_opens_a_person(extractor) -> None:
    text = "The chief spokesman for the Security Council Frederick Amsel said it was wrong."
    found = _entities(extractor, text)
    assert ("Frederick Amsel", "PERSON") in found
    assert ("Security Council", "ORG") in found
    found = _entities(extractor, "The carmaker Ladon Motors said sales fell.")
    assert ("Ladon Motors", "ORG") in found


def test_a_field_or_brief_after_a_role_is_no_body(extractor) -> None:
    text = (
        "Ana Ruiz, Assistant Professor of Economics at the university, and Tom Vale, the "
        "Minister for Youth and Sports, met Ian Dorn, Head of Acquisitions at the library."
    )
    found = _entities(extractor, text)
    assert not any(kind == "ORG" for _, kind in found)
    assert {"Ana Ruiz", "Tom Vale", "Ian Dorn"} <= {name for name, _ in found}


def test_what_a_founder_founded_is_a_body_whatever_its_ending(extractor) -> None:
    text = (
        "Extras via Email Vendor Selection\n\nFree trial\n\nJan Pohl is an email marketing "
        "consultant. He is the founder of Email Vendor Selection and specializes in reviews."
    )
    assert ("Email Vendor Selection", "ORG") in _entities(extractor, text)


def test_a_company_after_a_role_is_still_a_body(extractor) -> None:
    text = "Art Levinson, chairman of Genentech, and the director of Amnesty International spoke."
    found = _entities(extractor, text)
    assert ("Genentech", "ORG") in found
    assert ("Amnesty International", "ORG") in found


def test_a_legal_form_after_a_comma_ends_the_company_name(extractor) -> None:
    text = (
        "Kelvar Media, L.L.C. was sued on Monday. Kelvar Media said it would fight. He sits "
        "on the board of the office supply giant, Quillon, Inc."
    )
    found = _entities(extractor, text)
    assert ("Kelvar Media, L.L.C.", "ORG") in found
    assert ("Quillon, Inc", "ORG") in found
    assert not {name for name, _ in found} & {"Inc", "Kelvar Media", "Quillon"}
    found = _entities(extractor, "She worked for Apple, Inc. in California for ten years.")
    assert ("Apple, Inc", "ORG") in found
    assert "Inc" not in {name for name, _ in found}


def test_a_nationality_inside_a_body_named_with_of_stays_in_the_name(extractor) -> None:
    text = (
        "The Organization of Caribbean States met, and the Society of American Archivists "
        "objected. An American tourist was hurt."
    )
    found = _entities(extractor, text)
    assert ("Organization of Caribbean States", "ORG") in found
    assert ("Society of American Archivists", "ORG") in found
    assert ("American", "GROUP") in found
    assert ("Organization", "ORG") not in found


def test_an_acronym_given_after_or_is_the_name_before_it(extractor) -> None:
    text = (
        "The Association of Coastal Fishing Towns, or ACOFT, a regional body, met on Monday. "
        "ACOFT said it would appeal."
    )
    found = _entities(extractor, text)
    assert ("Association of Coastal Fishing Towns", "ORG") in found
    assert "ACOFT" not in {name for name, _ in found}


def test_a_body_named_with_for_a_or_to_is_one_name(extractor) -> None:
    text = (
        "The Union for a Democratic Future (UDF) won, and the Committee to Protect Farmers "
        "said so. Congress asked for a Senate vote."
    )
    found = _entities(extractor, text)
    assert ("Union for a Democratic Future", "ORG") in found
    assert ("Committee to Protect Farmers", "ORG") in found
    assert ("Senate", "ORG") in found
    assert not any(
        " for a " in name for name, _ in found if name != "Union for a Democratic Future"
    )


def test_a_name_after_what_befalls_a_person_is_a_person(extractor) -> None:
    text = (
        "The assassination of Tomas Krelling shocked the city, and the trial of Bo Anwerk "
        "opened on Monday."
    )
    found = _entities(extractor, text)
    assert ("Tomas Krelling", "PERSON") in found
    assert ("Bo Anwerk", "PERSON") in found
    found = _entities(extractor, "The trial of Kelmouth County Council opened on Monday.")
    assert not any(kind == "PERSON" for _, kind in found)


def test_a_known_branch_named_in_a_place_is_one_body(extractor) -> None:
    text = "Al Qaeda in the Islamic Maghreb said so, while al-Qaeda in Yemen was silent."
    found = _entities(extractor, text)
    assert ("al-Qaeda in the Islamic Maghreb", "ORG") in found
    assert ("al-Qaeda", "ORG") in found
    assert ("Yemen", "PLACE") in found


def test_a_state_university_campus_town_set_off_by_commas_is_in_the_name(extractor) -> None:
    text = "Ann Vole, a professor at the University of Wisconsin, Kelby, said it was late."
    found = _entities(extractor, text)
    assert ("University of Wisconsin, Kelby", "ORG") in found
    assert "Kelby" not in {name for name, _ in found}


def test_a_titled_person_of_a_named_institute_keeps_the_title_out(extractor) -> None:
    text = (
        "The study was small.\n\nDr. Eric Varlow of Kelmouth Translational Science Institute "
        "noted it. Dr. Varlow agrees."
    )
    found = _entities(extractor, text)
    assert ("Eric Varlow", "PERSON") in found
    assert ("Kelmouth Translational Science Institute", "ORG") in found
    assert not any(name.startswith("Dr") for name, _ in found)


def test_a_person_who_gives_only_a_given_name_is_a_person(extractor) -> None:
    text = "A worker who identified himself only as Alan said he heard a bang."
    assert ("Alan", "PERSON") in _entities(extractor, text)
    text = '"My name is Jason and today is Monday," the man said in the video.'
    assert ("Jason", "PERSON") in _entities(extractor, text)


def test_a_newspaper_named_monitor_or_observer_is_a_body(extractor) -> None:
    text = "The correspondent for the Christian Science Monitor, Fred Weir, said so."
    found = _entities(extractor, text)
    assert ("Christian Science Monitor", "ORG") in found
    assert ("Fred Weir", "PERSON") in found


def test_a_tax_a_survey_or_an_index_given_an_abbreviation_is_no_body(extractor) -> None:
    text = (
        "The government cut the rate of Goods Levy Tax (GLT) to 15%. The Kelmouth Household "
        "Survey (KHS) found prices rose, and the Orvant Price Index (OPI) fell."
    )
    found = _entities(extractor, text)
    assert not any(kind == "ORG" for _, kind in found)


def test_a_name_after_a_place_based_is_a_body(extractor) -> None:
    text = (
        "The suppliers were South Korea-based Cresvel and Singapore-based Jin Tai Mould "
        "Manufacturing. They switched to a bio-based PET for packaging."
    )
    found = _entities(extractor, text)
    assert ("Cresvel", "ORG") in found
    assert ("Jin Tai Mould Manufacturing", "ORG") in found
    assert ("South Korea", "PLACE") in found
    assert "PET" not in {name for name, _ in found}


def test_the_abbreviation_of_a_name_that_names_no_body_is_no_body(extractor) -> None:
    text = (
        "The board reviews the Orvana Essential Knowledge and Skills (OEKS), which set what is "
        "taught. The OEKS were revised in May."
    )
    found = _entities(extractor, text)
    assert not any(kind == "ORG" for _, kind in found)


def test_a_compass_word_before_a_nationality_makes_one_group(extractor) -> None:
    text = (
        "Tariffs in Central American countries rose, the firm cut 900 Northern American and "
        "British jobs, and the South Ossetian rebels held out."
    )
    found = _entities(extractor, text)
    assert ("Central American", "GROUP") in found
    assert ("Northern American", "GROUP") in found
    assert ("South Ossetian", "GROUP") in found
    assert ("British", "GROUP") in found
    assert ("American", "GROUP") not in found


def test_a_mastheads_word_alone_opening_a_sentence_names_no_paper(extractor) -> None:
    text = "The app is fast. Monitor team productivity and send messages without leaving it."
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))
    found = _entities(extractor, "She told the Monitor that the ward was full.")
    assert ("Monitor", "ORG") in found
