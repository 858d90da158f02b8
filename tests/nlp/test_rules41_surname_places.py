"""Rules-41: a person whose surname is a place's word (round 39, people and places).

"Hill", "Hall", "Wall", "Ridge", "Lane" and "Castle" end the names of places, and people bear
them as surnames far more often: with no cue around it, "Robert Hill" was a place, and so were
"Defence Minister Robert Hill" and "Senator Hill" whole (the title kept), so "“…,” Hill said"
went to a place. A known given name (then an initial or nothing) before such a word is a
person's name, so is the name after a person's title, and a lone surname after an office.
"""

from __future__ import annotations

from extracted import type_by_name


def test_a_given_name_before_hill_is_a_person(extractor) -> None:
    text = "Yesterday Robert Hill flew to Perth to meet the harbour's owners."
    assert type_by_name(extractor, text).get("Robert Hill") == "PERSON"


def test_a_middle_initial_before_a_place_word_makes_a_person(extractor) -> None:
    text = "The bill was tabled by Howard T. Castle and two other members."
    assert type_by_name(extractor, text).get("Howard T. Castle") == "PERSON"


def test_a_minister_before_the_name_is_a_title_and_the_quote_is_his(extractor) -> None:
    text = (
        "Trade Minister Owen Ridge toured the port of Geelong on Friday. "
        "“We will keep the docks open,” Ridge said."
    )
    analysis = extractor.analyse(text)
    types = {e.name: e.type for e in analysis.entities}
    assert types.get("Owen Ridge") == "PERSON"
    assert "Trade Minister Owen Ridge" not in types
    assert [q.speaker for q in analysis.quotes] == ["Owen Ridge"]


def test_a_senator_with_a_lone_surname_is_a_person(extractor) -> None:
    text = "Senator Hall voted against the budget on Tuesday night."
    types = type_by_name(extractor, text)
    assert types.get("Hall") == "PERSON"
    assert "Senator Hall" not in types


def test_sites_named_with_a_given_name_stay_places(extractor) -> None:
    text = "Crowds gathered in Victoria Park and near Murray Hill after the match."
    types = type_by_name(extractor, text)
    assert types.get("Victoria Park") == "PLACE"
    assert types.get("Murray Hill") == "PLACE"
