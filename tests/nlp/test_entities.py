"""Entities: typing by gazetteers, titles and cues, merging of mentions, cross-article keys."""

from __future__ import annotations

from newstui.nlp import canonical_key, short_key


def _entities(extractor, text: str) -> dict[str, str]:
    return {e.name: e.type for e in extractor.analyse(text).entities}


def test_known_places_orgs_and_people_with_titles(extractor) -> None:
    text = "Prime Minister Sanna Marin met officials from NATO in Helsinki on Tuesday."
    assert _entities(extractor, text) == {
        "Sanna Marin": "PERSON",
        "NATO": "ORG",
        "Helsinki": "PLACE",
    }


def test_org_suffixes_and_of_phrases_make_organisations(extractor) -> None:
    text = "The Ministry of Defence and Acme Widgets Ltd signed the contract with Harlow Borough Council."
    found = _entities(extractor, text)
    assert found["Ministry of Defence"] == "ORG"
    assert found["Acme Widgets Ltd"] == "ORG"
    assert found["Harlow Borough Council"] == "ORG"


def test_sentence_initial_common_words_are_not_entities(extractor) -> None:
    text = "Despite the rain, crowds gathered. Earlier on Monday, Officials met. However, nothing changed."
    assert _entities(extractor, text) == {}


def test_based_and_comma_place_cues_make_places(extractor) -> None:
    text = "The Fremont, California-based startup hired Priya Nair."
    found = _entities(extractor, text)
    assert found["Fremont"] == "PLACE"
    assert found["California"] == "PLACE"
    assert found["Priya Nair"] == "PERSON"


def test_group_cue_makes_an_unknown_name_an_organisation(extractor) -> None:
    assert (
        _entities(extractor, "Fighters from the militant group Jaish al-Adl attacked.")[
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
