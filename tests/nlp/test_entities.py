"""Entities: typing by gazetteers, titles and cues, merging of mentions, cross-article keys."""

from __future__ import annotations

from extracted import type_by_name

from newstui.nlp import canonical_key, short_key


def test_known_places_orgs_and_people_with_titles(extractor) -> None:
    text = "Prime Minister Sanna Marin met officials from NATO in Helsinki on Tuesday."
    assert type_by_name(extractor, text) == {
        "Sanna Marin": "PERSON",
        "NATO": "ORG",
        "Helsinki": "PLACE",
    }


def test_org_suffixes_and_of_phrases_make_organisations(extractor) -> None:
    text = "The Ministry of Defence and Acme Widgets Ltd signed the contract with Harlow Borough Council."
    found = type_by_name(extractor, text)
    assert found["Ministry of Defence"] == "ORG"
    assert found["Acme Widgets Ltd"] == "ORG"
    assert found["Harlow Borough Council"] == "ORG"


def test_sentence_initial_common_words_are_not_entities(extractor) -> None:
    text = "Despite the rain, crowds gathered. Earlier on Monday, Officials met. However, nothing changed."
    assert type_by_name(extractor, text) == {}


def test_based_and_comma_place_cues_make_places(extractor) -> None:
    text = "The Fremont, California-based startup hired Priya Nair."
    found = type_by_name(extractor, text)
    assert found["Fremont"] == "PLACE"
    assert found["California"] == "PLACE"
    assert found["Priya Nair"] == "PERSON"


def test_group_cue_makes_an_unknown_name_an_organisation(extractor) -> None:
    assert (
        type_by_name(extractor, "Fighters from the militant group Jaish al-Adl attacked.")[
            "Jaish al-Adl"
        ]
        == "ORG"
    )


def test_acronym_merges_with_its_full_name(extractor) -> None:
    text = "The Federal Aviation Administration grounded the jets. The FAA said checks would take weeks."
    [entity] = extractor.analyse(text).entities
    assert entity.name == "Federal Aviation Administration"
    assert [m.text for m in entity.mentions] == ["Federal Aviation Administration", "FAA"]


def test_surname_and_possessive_merge_into_one_person(extractor) -> None:
    text = "Chancellor Rachel Reeves spoke. Reeves’s plan was welcomed, and Reeves smiled."
    [entity] = extractor.analyse(text).entities
    assert entity.name == "Rachel Reeves"
    assert [m.text for m in entity.mentions] == ["Rachel Reeves", "Reeves", "Reeves"]


def test_canonical_key_matches_aliases_particles_and_accents() -> None:
    assert canonical_key("US", "PLACE") == canonical_key("United States", "PLACE")
    assert canonical_key("Bashar al-Assad", "PERSON") == canonical_key("Bashar Assad", "PERSON")
    assert canonical_key("Belém", "PLACE") == canonical_key("Belem", "PLACE")
    assert canonical_key("Apple", "ORG") != canonical_key("Apple", "PLACE")


def test_short_key_lets_a_lone_surname_meet_the_full_name() -> None:
    assert short_key("Assad", "PERSON") == short_key("Bashar al-Assad", "PERSON") == "person:assad"


def _names(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in extractor.analyse(text).entities}


def test_the_between_a_dateline_and_a_known_name_does_not_crash(extractor) -> None:
    # Regression: a lone "The" before "European Commission" raised IndexError in _type_of.
    text = (
        "BRUSSELS — The European Commission on Monday published new guidance for software makers "
        "on how to meet the accessibility rules."
    )
    assert ("ORG", "European Commission") in _names(extractor, text)
    assert extractor.analyse("x — The Kremlin") is not None
    # and "Government" left alone after an upper-case heading's words (IndexError in _flush)
    assert extractor.analyse("IN AUGUST, THE Government said it would act.") is not None


def test_abbreviated_title_with_a_full_stop_stays_with_the_name(extractor) -> None:
    text = "Dr. Kwame Mensah of the University of Ghana said the committee was right. Prof. Lukas Brunner agreed."
    found = _names(extractor, text)
    assert ("PERSON", "Kwame Mensah") in found
    assert ("PERSON", "Lukas Brunner") in found
    assert ("ORG", "University of Ghana") in found
    assert not {name for _, name in found} & {"Dr", "Prof", "Ghana"}


def test_dateline_place_merges_with_its_mentions_under_its_usual_casing(extractor) -> None:
    text = (
        "ACCRA, Nov 18 (Reuters) - The Bank of Ghana kept its main policy rate unchanged on "
        "Wednesday, the governor told a news conference in Accra."
    )
    entities = {e.name: e for e in extractor.analyse(text).entities}
    assert entities["Accra"].type == "PLACE"
    assert [m.text for m in entities["Accra"].mentions] == ["ACCRA", "Accra"]
    assert entities["Bank of Ghana"].type == "ORG"
    assert not any(name.isupper() and len(name) > 4 for name in entities)


def test_dateline_with_a_region_and_an_unknown_town(extractor) -> None:
    found = _names(
        extractor,
        "ANTALYA, Turkey — Negotiators from small island states on Thursday pressed wealthier "
        "countries to commit new money.",
    )
    assert {("PLACE", "Antalya"), ("PLACE", "Turkey")} <= found
    found = _names(
        extractor,
        "BRINDLEFORD, 22 November 2026 — Residents living near the River Aske were told to prepare "
        "for flooding. Levels at the Brindleford gauge rose.",
    )
    assert {("PLACE", "Brindleford"), ("PLACE", "River Aske")} <= found


def test_capitalised_words_in_the_body_are_not_a_dateline(extractor) -> None:
    found = _names(extractor, "UKRAINE WAR - LATEST\nTroops moved towards Kharkiv on Monday.")
    assert ("PLACE", "Ukraine War") not in found


def test_plural_nouns_opening_sentences_are_not_people(extractor) -> None:
    text = "Organisers said the evening had sold out. Developers told us they were pleased."
    assert _names(extractor, text) == set()


def test_english_at_does_not_join_names(extractor) -> None:
    text = "Negotiations continued. Engineers at CERN began installing the modules on Tuesday."
    assert _names(extractor, text) == {("ORG", "CERN")}


def test_a_known_place_inside_a_longer_name_is_not_a_place(extractor) -> None:
    found = _names(
        extractor,
        "Dr. Sofia Marchetti, who works at the University of Cape Town, said crude benchmark "
        "West Texas Intermediate fell.",
    )
    assert ("PERSON", "Sofia Marchetti") in found
    assert ("ORG", "University of Cape Town") in found
    assert not {("PLACE", "Sofia"), ("PLACE", "Texas"), ("PLACE", "Cape Town")} & found


def test_portfolio_after_a_title_is_not_part_of_the_name(extractor) -> None:
    text = "Vice Finance Minister for International Affairs Kenji Morita told reporters in Tokyo."
    found = _names(extractor, text)
    assert ("PERSON", "Kenji Morita") in found
    assert not any(name.startswith("International") for _, name in found)


def test_market_indices_and_headings_are_not_organisations(extractor) -> None:
    text = (
        "Sector Breakdown\n"
        "Germany's DAX rose 0.4% and France's CAC 40 gained 0.7%, while Britain's FTSE 100 added 0.3%."
    )
    names = {name for _, name in _names(extractor, text)}
    assert not names & {"CAC", "FTSE", "Sector Breakdown"}


def test_short_org_name_merges_with_the_full_one(extractor) -> None:
    text = "The European Commission published guidance. The Commission said it would review it."
    [entity] = extractor.analyse(text).entities
    assert entity.name == "European Commission"
    assert [m.text for m in entity.mentions] == ["European Commission", "Commission"]


def test_places_listed_with_a_known_place_are_places(extractor) -> None:
    text = "Volunteers went door to door in the districts of Bhola, Patuakhali and Barguna, near Dhaka."
    found = _names(extractor, text)
    assert {("PLACE", "Bhola"), ("PLACE", "Patuakhali"), ("PLACE", "Barguna")} <= found


def test_contractions_and_middle_initials(extractor) -> None:
    text = (
        "I'm Jon Hartley, your host. My guest holds the Frank E. Buck chair and met U.S. officials."
    )
    found = _names(extractor, text)
    assert ("PERSON", "Jon Hartley") in found
    assert ("PERSON", "Frank E. Buck") in found
    assert ("PLACE", "US") in found
