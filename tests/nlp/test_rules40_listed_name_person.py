"""Rules-40 (round 38, review O1/PL2/PL3): a one-word name of the hand-written lists (a
place of places.txt, a firm of orgs.txt named for its founder) is a person's surname when the
mention carries a person's own evidence: an age after it ("Cargill, 71,"), an honorific before
it ("Mrs. Galicia said"), or a verb of saying after it when the article names the whole person
first ("Ruth Cadbury … “…,” Cadbury said."). Without that evidence the list still decides."""

from __future__ import annotations

from extracted import quotes_and_speakers, typed_names


def test_an_age_after_a_listed_place_makes_a_person(extractor) -> None:
    text = "Salem, 27, was arrested at the border on Friday."
    assert typed_names(extractor, text) == {("Salem", "PERSON")}


def test_an_honorific_before_a_listed_place_makes_a_person(extractor) -> None:
    text = "Mrs. Tuscany told the court she had never seen the letter."
    assert typed_names(extractor, text) == {("Tuscany", "PERSON")}


def test_an_honorific_after_the_full_name_keeps_one_person(extractor) -> None:
    text = "Officers said Daniel Dover, 44, was held. Mr. Dover denied any wrongdoing."
    assert typed_names(extractor, text) == {("Daniel Dover", "PERSON")}


def test_a_listed_firm_with_an_age_is_the_person_named_before(extractor) -> None:
    text = (
        "Margaret Cargill, a philanthropist, gave the museum its new wing. Cargill, 71, "
        "declined to comment on the cost."
    )
    assert typed_names(extractor, text) == {("Margaret Cargill", "PERSON")}


def test_a_listed_firm_quoted_at_a_sentence_end_is_the_person_named_before(extractor) -> None:
    text = (
        "Ruth Cadbury, the local MP, visited the school on Friday. “The roof must be fixed,” "
        "Cadbury said."
    )
    assert typed_names(extractor, text) == {("Ruth Cadbury", "PERSON")}
    assert quotes_and_speakers(extractor, text)[0][1] == "Ruth Cadbury"


def test_listed_names_without_a_person_s_evidence_stay_as_listed(extractor) -> None:
    text = "Flights to Dover were cancelled. Cargill said it would close two plants."
    assert typed_names(extractor, text) == {("Dover", "PLACE"), ("Cargill", "ORG")}
