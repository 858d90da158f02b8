"""Rules-41: a surname that is a listed place, after the verb of a quotation (round 39).

"Ron Redmond … “…,” Redmond said" gave the quotation to Ron Redmond, but "“…,” said Redmond"
and "according to Redmond" left a place "Redmond" beside the person: only a verb after the
name counted as the person's own evidence against the list's place.
"""

from __future__ import annotations


def test_said_before_a_listed_surname_is_the_person_named_before(extractor) -> None:
    text = (
        "Agency spokesman Colin Redmond spoke in Geneva on Monday. "
        "“The camps are full,” said Redmond."
    )
    analysis = extractor.analyse(text)
    types = {e.name: e.type for e in analysis.entities}
    assert types.get("Colin Redmond") == "PERSON"
    assert "Redmond" not in types
    assert [q.speaker for q in analysis.quotes] == ["Colin Redmond"]


def test_according_to_a_listed_surname_is_the_person(extractor) -> None:
    text = (
        "Air Marshal Neil Houston visited the base. According to Houston, no other soldiers "
        "were hurt."
    )
    types = {e.name: e.type for e in extractor.analyse(text).entities}
    assert types.get("Neil Houston") == "PERSON"
    assert "Houston" not in types


def test_a_country_after_said_stays_a_country(extractor) -> None:
    text = "Kofi Annan met the ministers. “We will not sign,” said Iran on Tuesday."
    types = {e.name: e.type for e in extractor.analyse(text).entities}
    assert types.get("Iran") == "PLACE"


def test_according_to_a_people_word_before_a_title_keeps_the_group(extractor) -> None:
    text = (
        "Ali Mohammadi spoke on Sunday. According to Iranian security official Ali Mohammadi, "
        "the attackers came from Basra."
    )
    types = {e.name: e.type for e in extractor.analyse(text).entities}
    assert types.get("Iranian") == "GROUP"
