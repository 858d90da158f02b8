"""Organisation names and types of rules-17 (issue 10): error classes found by judging the
extractor's ORG output on Wikinews dev9, each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import check_names, names_of_type, typed_names

# (text, what is found as (name, type), what is not: a bare name with no type, a pair not with
# that type); the id is the error class.
FOUND_AND_ABSENT = [
    pytest.param(
        "Danish PM Karla Vintner said the talks would go on.",
        {("Karla Vintner", "PERSON")},
        set(),
        id="pm_and_a_state_councillor_are_titles_before_a_name",
    ),
    pytest.param(
        "The NSW Greens MLC Tobin Fray said the bill was a disgrace.",
        {("NSW Greens", "ORG"), ("Tobin Fray", "PERSON")},
        set(),
        id="pm_and_a_state_councillor_are_titles_before_a_name",
    ),
    pytest.param(
        "At 10 PM Karla Vintner said the count was done.",
        {("Karla Vintner", "PERSON")},
        set(),
        id="pm_after_a_clock_hour_is_a_time_not_a_title",
    ),
    pytest.param(
        "A spokesman for the National Security Council, Ola Brenn, said the test was a threat.",
        {("National Security Council", "ORG")},
        {("Security Council", "ORG")},
        id="a_level_word_before_a_known_body_names_a_body_of_its_own",
    ),
    pytest.param(
        "The bill was debated in Federal Parliament on Monday.",
        {("Federal Parliament", "ORG")},
        set(),
        id="a_level_word_before_a_known_body_names_a_body_of_its_own",
    ),
    pytest.param(
        "The chief spokesman for the Security Council Frederick Amsel said it was wrong.",
        {("Frederick Amsel", "PERSON"), ("Security Council", "ORG")},
        set(),
        id="a_given_name_right_after_a_body_name_opens_a_person",
    ),
    pytest.param(
        "The carmaker Ladon Motors said sales fell.",
        {("Ladon Motors", "ORG")},
        set(),
        id="a_given_name_right_after_a_body_name_opens_a_person",
    ),
    pytest.param(
        "Extras via Email Vendor Selection\n\nFree trial\n\nJan Pohl is an email marketing "
        "consultant. He is the founder of Email Vendor Selection and specializes in reviews.",
        {("Email Vendor Selection", "ORG")},
        set(),
        id="what_a_founder_founded_is_a_body_whatever_its_ending",
    ),
    pytest.param(
        "Art Levinson, chairman of Genentech, and the director of Amnesty International spoke.",
        {("Genentech", "ORG"), ("Amnesty International", "ORG")},
        set(),
        id="a_company_after_a_role_is_still_a_body",
    ),
    pytest.param(
        "Kelvar Media, L.L.C. was sued on Monday. Kelvar Media said it would fight. He sits "
        "on the board of the office supply giant, Quillon, Inc.",
        {("Kelvar Media, L.L.C.", "ORG"), ("Quillon, Inc", "ORG")},
        {"Inc", "Kelvar Media", "Quillon"},
        id="a_legal_form_after_a_comma_ends_the_company_name",
    ),
    pytest.param(
        "She worked for Apple, Inc. in California for ten years.",
        {("Apple, Inc", "ORG")},
        {"Inc"},
        id="a_legal_form_after_a_comma_ends_the_company_name",
    ),
    pytest.param(
        "The Organization of Caribbean States met, and the Society of American Archivists "
        "objected. An American tourist was hurt.",
        {
            ("Organization of Caribbean States", "ORG"),
            ("Society of American Archivists", "ORG"),
            ("American", "GROUP"),
        },
        {("Organization", "ORG")},
        id="a_nationality_inside_a_body_named_with_of_stays_in_the_name",
    ),
    pytest.param(
        "The Association of Coastal Fishing Towns, or ACOFT, a regional body, met on Monday. "
        "ACOFT said it would appeal.",
        {("Association of Coastal Fishing Towns", "ORG")},
        {"ACOFT"},
        id="an_acronym_given_after_or_is_the_name_before_it",
    ),
    pytest.param(
        "The assassination of Tomas Krelling shocked the city, and the trial of Bo Anwerk "
        "opened on Monday.",
        {("Tomas Krelling", "PERSON"), ("Bo Anwerk", "PERSON")},
        set(),
        id="a_name_after_what_befalls_a_person_is_a_person",
    ),
    pytest.param(
        "Al Qaeda in the Islamic Maghreb said so, while al-Qaeda in Yemen was silent.",
        {
            ("al-Qaeda in the Islamic Maghreb", "ORG"),
            ("al-Qaeda", "ORG"),
            ("Yemen", "PLACE"),
        },
        set(),
        id="a_known_branch_named_in_a_place_is_one_body",
    ),
    pytest.param(
        "Ann Vole, a professor at the University of Wisconsin, Kelby, said it was late.",
        {("University of Wisconsin, Kelby", "ORG")},
        {"Kelby"},
        id="a_state_university_campus_town_set_off_by_commas_is_in_the_name",
    ),
    pytest.param(
        "A worker who identified himself only as Alan said he heard a bang.",
        {("Alan", "PERSON")},
        set(),
        id="a_person_who_gives_only_a_given_name_is_a_person",
    ),
    pytest.param(
        '"My name is Jason and today is Monday," the man said in the video.',
        {("Jason", "PERSON")},
        set(),
        id="a_person_who_gives_only_a_given_name_is_a_person",
    ),
    pytest.param(
        "The correspondent for the Christian Science Monitor, Fred Weir, said so.",
        {("Christian Science Monitor", "ORG"), ("Fred Weir", "PERSON")},
        set(),
        id="a_newspaper_named_monitor_or_observer_is_a_body",
    ),
    pytest.param(
        "The suppliers were South Korea-based Cresvel and Singapore-based Jin Tai Mould "
        "Manufacturing. They switched to a bio-based PET for packaging.",
        {
            ("Cresvel", "ORG"),
            ("Jin Tai Mould Manufacturing", "ORG"),
            ("South Korea", "PLACE"),
        },
        {"PET"},
        id="a_name_after_a_place_based_is_a_body",
    ),
    pytest.param(
        "Tariffs in Central American countries rose, the firm cut 900 Northern American and "
        "British jobs, and the South Ossetian rebels held out.",
        {
            ("Central American", "GROUP"),
            ("Northern American", "GROUP"),
            ("South Ossetian", "GROUP"),
            ("British", "GROUP"),
        },
        {("American", "GROUP")},
        id="a_compass_word_before_a_nationality_makes_one_group",
    ),
    pytest.param(
        "She told the Monitor that the ward was full.",
        {("Monitor", "ORG")},
        set(),
        id="a_mastheads_word_alone_opening_a_sentence_names_no_paper",
    ),
    # round 41: a ship's prefix opens a vessel's name, no body (nor a person: "Queen Mary")
    pytest.param(
        "Fares rose on RMS Queen Mary 2, and the crew of the MV Lena Okoro was rescued.",
        set(),
        {"RMS", "Mary", "Queen Mary", "MV Lena Okoro", "Lena Okoro"},
        id="a_ships_prefix_names_a_vessel_not_a_body",
    ),
    pytest.param(
        "Despite the gains, Velmora Capital Managing Director Ivo Brandt says the worst is near.",
        {("Velmora Capital", "ORG"), ("Ivo Brandt", "PERSON")},
        {"Velmora Capital Managing"},
        id="the_words_opening_an_officers_title_are_not_the_firms",
    ),
    pytest.param(
        'The kitchen was "not clean," said Commissioner of the Kelby County Health Department, '
        "Dr. Ivo Brandt. The rover left the Lunar Test Center on RT-4 and the Committee on Trade.",
        {("Kelby County Health Department", "ORG"), ("Committee on Trade", "ORG")},
        {"Commissioner of the Kelby County Health Department", "Lunar Test Center on RT-4"},
        id="a_commissioners_title_and_a_numbered_thing_after_on_are_not_the_bodys",
    ),
    pytest.param(
        "Before the UK Conservative Party meets, the US Libertarian Party's nominee and the UK "
        "Independence Party spoke.",
        {
            ("Conservative Party", "ORG"),
            ("Libertarian Party", "ORG"),
            ("UK", "PLACE"),
            ("UK Independence Party", "ORG"),
        },
        {"UK Conservative Party", "US Libertarian Party"},
        id="a_countrys_letters_before_a_partys_name_are_the_country",
    ),
    pytest.param(
        "The count was confirmed by the Central Vote Commission of the ROC, and the Kelby Rail "
        "Division of the NWR agreed. The Bank of the USA said nothing.",
        {("Central Vote Commission", "ORG"), ("Kelby Rail Division", "ORG")},
        {"Central Vote Commission of the ROC", "Kelby Rail Division of the NWR", "Bank"},
        id="letters_after_of_the_name_what_a_body_belongs_to_apart",
    ),
    pytest.param(
        '"It has slowed," said Ivo Brandt, Chief Economist at Kelby Bank. Unconfirmed reports '
        "have put the loss at 74, and Reuters reports that it rose.",
        {("Ivo Brandt", "PERSON"), ("Kelby Bank", "ORG"), ("Reuters", "ORG")},
        {"Economist", "Unconfirmed"},
        id="a_role_after_a_titles_word_and_a_word_before_reports_as_a_noun_are_no_body",
    ),
    pytest.param(
        "The Queen stayed at Government House in Kelby. Protesters met outside Old Parliament "
        "House and later at the Marlow Buildings.",
        {
            ("Government House", "PLACE"),
            ("Old Parliament House", "PLACE"),
            ("Marlow Buildings", "PLACE"),
        },
        {("Government House", "ORG"), "Parliament", ("Marlow Buildings", "ORG")},
        id="a_bodys_house_and_a_name_ending_in_buildings_are_buildings",
    ),
    pytest.param(
        "The Kelby Workers Congress (KWC) met on Monday. Two-term KWC leader Ann Lee lost her "
        "seat. Voting KWC is a mistake, her rival said.",
        {("Kelby Workers Congress", "ORG"), ("Ann Lee", "PERSON")},
        {"Two-term KWC", "Voting KWC"},
        id="a_gerund_or_hyphened_modifier_opening_a_sentence_is_no_bodys_word",
    ),
    pytest.param(
        "Markets fell at the open, with the KSX losing 11%. The KSX 100 index has lost 41% this "
        "year, and shares of Kelby Bank fell.",
        {("Kelby Bank", "ORG")},
        {"KSX"},
        id="a_stock_index_named_once_with_its_size_is_no_body_where_named_alone",
    ),
    pytest.param(
        "Prices rose in May.\n\nTeen TV among the ad buys\n\nThe Kelby Party ads run during "
        "cartoons.",
        {("Kelby Party", "ORG")},
        {"Teen TV"},
        id="a_weakly_typed_name_in_a_sentence_case_heading_is_none",
    ),
    pytest.param(
        "Administrators are trying to save the exporter KV Tarrow and Sons. KV Tarrow and Sons "
        "owes farmers money.",
        {("KV Tarrow and Sons", "ORG")},
        {"KV Tarrow"},
        id="a_firm_named_and_sons_is_one_name",
    ),
    pytest.param(
        "2010 US Regional Election While nearly all cover of the 2010 election has gone to the "
        "main parties, the Kelby Post asked others.",
        {("Kelby Post", "ORG")},
        {"US Regional Election While", "US Regional Election"},
        id="a_year_headings_words_before_a_clause_opener_are_no_body",
    ),
    pytest.param(
        "Ann Lee had surgery at Hospital Marvella in Kelby. The Kelby Hospital Authority paid.",
        {("Hospital Marvella", "PLACE"), ("Kelby Hospital Authority", "ORG")},
        {("Hospital Marvella", "ORG")},
        id="a_name_opening_with_hospital_is_a_place_as_one_ending_so",
    ),
    pytest.param(
        "Gerd Hölder met voters on Monday. A deal is possible only with Hoelder in power, "
        "according to Hoelder.",
        {("Gerd Hölder", "PERSON")},
        {"Hoelder"},
        id="a_surname_with_its_umlaut_written_out_is_the_person",
    ),
    pytest.param(
        "Ruth Vane, mother of Tobin, a soldier killed in the war, said it was wrong.",
        {("Ruth Vane", "PERSON"), ("Tobin", "PERSON")},
        {("Tobin", "ORG")},
        id="a_name_after_a_kinship_word_and_of_is_a_person",
    ),
    pytest.param(
        "A new government has been formed in the Republic of Kelby on Monday afternoon EEST "
        "(UTC+3), though the vote of confidence came from only 56 members.",
        {("Republic of Kelby", "PLACE")},
        {"EEST"},
        id="a_time_zone_after_a_part_of_the_day_is_no_body",
    ),
    pytest.param(
        "Analysts in The City are speculating that the firm is worth more.",
        {("The City", "PLACE")},
        {("The City", "ORG")},
        id="a_capital_the_before_a_place_word_names_a_place_not_a_title",
    ),
    pytest.param(
        "Ann Lee was killed at her flat in Southwest Delhi, and her brother lives in Northeast "
        "India.",
        {("Southwest Delhi", "PLACE"), ("Northeast India", "PLACE")},
        {("Southwest Delhi", "ORG"), ("Northeast India", "ORG")},
        id="a_compass_word_of_two_halves_before_a_place_names_a_place",
    ),
    pytest.param(
        "The new owner plans to turn The Bay into a chain of upscale department stores. The "
        "riding takes in parts of Montreal, Westmount, and The Plateau.",
        {("The Bay", "ORG"), ("The Plateau", "PLACE")},
        {("The Bay", "PLACE")},
        id="a_capital_the_before_a_place_word_is_a_place_only_after_in_or_at",
    ),
    pytest.param(
        "Kelby's Department of Buildings shut the Marlow Building on Friday.",
        {("Department of Buildings", "ORG"), ("Marlow Building", "PLACE")},
        {("Department of Buildings", "PLACE")},
        id="an_agencys_department_of_buildings_is_a_body_not_a_building",
    ),
    pytest.param(
        "The General Assembly of the Free Church of Orvalle met on Monday. Later that day the "
        "Free Church of Orvalle approved the plan by a wide margin.",
        {
            ("General Assembly of the Free Church of Orvalle", "ORG"),
            ("Free Church of Orvalle", "ORG"),
        },
        set(),
        id="a_body_with_its_own_of_named_alone_after_its_sub_body_is_a_body_of_its_own",
    ),
    pytest.param(
        "The founder of Orvalle, who sat in a wheelchair, was carried out. One of the brothers of "
        "Orvalle, a doctor, tried to save him.",
        set(),
        {("Orvalle", "PERSON")},
        id="one_unknown_word_after_a_plural_kin_word_and_of_is_no_person",
    ),
    pytest.param(
        "Nobody asked for a Stadium or a Hospital Built by our taxes, he said.",
        set(),
        {"Hospital Built"},
        id="a_capital_participle_before_by_ends_a_name",
    ),
    pytest.param(
        "In the new cabinet Karl Brandt (SPD) takes justice and Stefan Vogel (SPD) takes finance, "
        "while Otto Lenz (CDU) keeps defence.",
        {("SPD", "ORG"), ("Stefan Vogel", "PERSON")},
        set(),
        id="a_party_in_brackets_after_a_person_is_no_short_form_of_the_person",
    ),
    pytest.param(
        "Fares will rise, said Greens Senate candidate Tom Vale.",
        {("Greens", "GROUP"), ("Tom Vale", "PERSON")},
        {"Greens Senate"},
        id="a_partys_plural_before_a_chamber_and_a_race_word_is_the_party",
    ),
    pytest.param(
        "Fares will rise next year, Southwest said on Monday.",
        {("Southwest", "ORG")},
        {("Southwest", "PERSON")},
        id="a_listed_airlines_one_word_name_before_said_is_the_airline",
    ),
    pytest.param(
        "The Kelbian Committee against Torture told Kelby to close the camp.",
        {("Kelbian Committee against Torture", "ORG")},
        {"Torture"},
        id="a_committee_against_a_capitalised_cause_is_one_name",
    ),
    pytest.param(
        "Tom Vale, director of Anti-corruption and Good Governance Action Kenya, said the law was "
        "weak.",
        {("Anti-corruption and Good Governance Action Kenya", "ORG"), ("Tom Vale", "PERSON")},
        {"Anti-corruption", "Good Governance Action Kenya"},
        id="a_hyphened_common_word_and_and_open_the_body_named_after_them",
    ),
    # Round 43: a name typed ORG by no list and no cue is kept or dropped by the learned
    # decision (newstui/nlp/entity_weak.py, data/org_weak.tsv)
    pytest.param(
        "Veteran CPI(M) leader Anil Borra hailed the result in the state.",
        {("Anil Borra", "PERSON")},
        {"Veteran CPI"},
        id="a_weak_org_the_learned_decision_drops",
    ),
    pytest.param(
        "See FAQ for Brantwood for the most common questions, the candidate wrote.",
        set(),
        {"See FAQ"},
        id="a_weak_org_the_learned_decision_drops",
    ),
    pytest.param(
        "He said the sale was led by Kestrel Partners Management, the fund that owns the chain. "
        "The strike was called by the MRWU, the union said.",
        {("Kestrel Partners Management", "ORG"), ("MRWU", "ORG")},
        set(),
        id="a_weak_org_the_learned_decision_keeps",
    ),
]


@pytest.mark.parametrize(("text", "found", "absent"), FOUND_AND_ABSENT)
def test_names_are_found_with_their_types(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Danish PM Karla Vintner said the talks would go on.",
            id="pm_and_a_state_councillor_are_titles_before_a_name",
        ),
        pytest.param(
            "Ana Ruiz, Assistant Professor of Economics at the university, and Tom Vale, the "
            "Minister for Youth and Sports, met Ian Dorn, Head of Acquisitions at the library.",
            id="a_field_or_brief_after_a_role_is_no_body",
        ),
        pytest.param(
            "The government cut the rate of Goods Levy Tax (GLT) to 15%. The Kelmouth Household "
            "Survey (KHS) found prices rose, and the Orvant Price Index (OPI) fell.",
            id="a_tax_a_survey_or_an_index_given_an_abbreviation_is_no_body",
        ),
        pytest.param(
            "The board reviews the Orvana Essential Knowledge and Skills (OEKS), which set what "
            "is taught. The OEKS were revised in May.",
            id="the_abbreviation_of_a_name_that_names_no_body_is_no_body",
        ),
        pytest.param(
            "The app is fast. Monitor team productivity and send messages without leaving it.",
            id="a_mastheads_word_alone_opening_a_sentence_names_no_paper",
        ),
    ],
)
def test_no_organisation_is_found_in(extractor, text) -> None:
    assert names_of_type(extractor, text, "ORG") == set()


def test_pm_and_a_state_councillor_are_titles_before_a_name(extractor) -> None:
    found = typed_names(extractor, '"The Deputy PM has to answer for it," said Ola Brenn.')
    assert {kind for _, kind in found} == {"PERSON"}


def test_pm_after_a_clock_hour_is_a_time_not_a_title(extractor) -> None:
    for text in (
        "The final starts at 3 PM Eastern Time on Sunday.",
        "The polls close at 9 AM Pacific Time, officials said.",
    ):
        assert typed_names(extractor, text) == set()


def test_a_field_or_brief_after_a_role_is_no_body(extractor) -> None:
    text = (
        "Ana Ruiz, Assistant Professor of Economics at the university, and Tom Vale, the "
        "Minister for Youth and Sports, met Ian Dorn, Head of Acquisitions at the library."
    )
    assert {"Ana Ruiz", "Tom Vale", "Ian Dorn"} <= {
        name for name, _ in typed_names(extractor, text)
    }


def test_a_body_named_with_for_a_or_to_is_one_name(extractor) -> None:
    text = (
        "The Union for a Democratic Future (UDF) won, and the Committee to Protect Farmers "
        "said so. Congress asked for a Senate vote."
    )
    check_names(
        extractor,
        text,
        {
            ("Union for a Democratic Future", "ORG"),
            ("Committee to Protect Farmers", "ORG"),
            ("Senate", "ORG"),
        },
    )
    found = typed_names(extractor, text)
    assert not any(
        " for a " in name for name, _ in found if name != "Union for a Democratic Future"
    )


def test_a_name_after_what_befalls_a_person_is_a_person(extractor) -> None:
    text = "The trial of Kelmouth County Council opened on Monday."
    assert names_of_type(extractor, text, "PERSON") == set()


def test_a_titled_person_of_a_named_institute_keeps_the_title_out(extractor) -> None:
    text = (
        "The study was small.\n\nDr. Eric Varlow of Kelmouth Translational Science Institute "
        "noted it. Dr. Varlow agrees."
    )
    check_names(
        extractor,
        text,
        {("Eric Varlow", "PERSON"), ("Kelmouth Translational Science Institute", "ORG")},
    )
    assert not any(name.startswith("Dr") for name, _ in typed_names(extractor, text))
