"""Round 37 review and user-test findings (helper fixnlp), each from an invented sentence: a name
only in a subordinate clause does not say the quotation closing the sentence (N2); the short
legal forms that are also abbreviations join no name before a desk's word or an A/B test (E1);
"Dean" before a given name and a surname is a title (PL1)."""

from __future__ import annotations

from extracted import person_names, speakers, type_by_name


def test_a_name_in_a_when_clause_does_not_say_the_crowds_chant(extractor) -> None:
    text = (
        "When Carla Voss landed, the fans chanted “Home again, home again, at last.” "
        "Piet Ruys said."
    )
    assert speakers(extractor, text) == ["Piet Ruys"]
    text = (
        "After Carla Voss spoke, the crowd shouted “Shame on you, shame on all of you.” "
        "Piet Ruys said."
    )
    assert speakers(extractor, text) == ["Piet Ruys"]


def test_the_main_clauses_subject_after_a_when_clause_still_speaks(extractor) -> None:
    text = (
        "When the vote was counted, Carla Voss called the result “a win for every farmer.” "
        "Piet Ruys left the hall."
    )
    assert speakers(extractor, text) == ["Carla Voss"]
    text = "When Carla Voss landed, she called the trip “a long road home.” Piet Ruys left early."
    assert speakers(extractor, text) == ["Carla Voss"]


def test_a_region_desk_or_an_ab_test_is_no_legal_form(extractor) -> None:
    types = type_by_name(extractor, "Yahoo and Samsung AB tested the new menu last spring.")
    assert types.get("Samsung") == "ORG" and "Samsung AB" not in types
    types = type_by_name(extractor, "The CNN SA correspondent Piet Ruys filed the story.")
    assert types.get("CNN") == "ORG" and "CNN SA" not in types


def test_a_legal_form_before_a_verb_still_ends_the_name(extractor) -> None:
    types = type_by_name(extractor, "Volvo AB reported higher sales in the spring.")
    assert types.get("Volvo AB") == "ORG"


def test_dean_before_a_full_name_is_a_title(extractor) -> None:
    names = person_names(
        extractor, "Dean Carla Voss of the medical school said the lab would open."
    )
    assert names == {"Carla Voss"}
    names = person_names(extractor, "Nursing school Dean Carla Voss said the lab would open.")
    assert names == {"Carla Voss"}


def test_dean_before_a_surname_stays_a_given_name(extractor) -> None:
    names = person_names(extractor, "Economist Dean Marlowe said rates would rise.")
    assert names == {"Dean Marlowe"}


def test_a_given_name_and_a_places_word_saying_something_is_a_person(extractor) -> None:
    types = type_by_name(extractor, "Jonathan Hill said the ferry would sail again in June.")
    assert types.get("Jonathan Hill") == "PERSON"
    text = "In 2012 the Green ticket of Darrell Forest for president won 3 percent."
    assert type_by_name(extractor, text).get("Darrell Forest") == "PERSON"


def test_a_places_name_with_no_person_cue_stays_a_place(extractor) -> None:
    types = type_by_name(extractor, "Tourists crowded Windsor Castle said to be the oldest.")
    assert types.get("Windsor Castle") == "PLACE"
    types = type_by_name(extractor, "The boats left Victoria Harbour at dawn.")
    assert types.get("Victoria Harbour") == "PLACE"


def test_a_podcaster_opening_a_sentence_is_no_part_of_the_name(extractor) -> None:
    names = person_names(extractor, "Podcaster Spike Ruiz won the nomination on Sunday.")
    assert names == {"Spike Ruiz"}


def test_a_listed_bodys_name_opening_an_order_is_the_verb(extractor) -> None:
    text = "Unite the valley towns first, Carla Voss told the council."
    assert "Unite" not in type_by_name(extractor, text)
    text = "Unite behind the plan, Piet Ruys urged the delegates on Monday."
    assert "Unite" not in type_by_name(extractor, text)


def test_a_listed_body_opening_a_sentence_with_its_verb_stays_a_body(extractor) -> None:
    types = type_by_name(extractor, "Unite said its members at the plant would strike.")
    assert types.get("Unite") == "ORG"


def test_a_places_head_noun_after_a_given_name_stays_a_place(extractor) -> None:
    for name in ("Madison County", "Austin City", "Victoria Station"):
        types = type_by_name(extractor, f"{name} said the roads would open on Monday.")
        assert types.get(name) != "PERSON", name
