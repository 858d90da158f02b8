"""Rules-31 classes behind wrong types and missing speakers the user test found in the demo,
each pinned by invented sentences: a lone institution word opening a sentence ("Museum staff",
"Library hours") names no body; a verb of pledging after "and"/"but" shares the subject of the
verb before it, however long the first clause ("The president did not concede …, and vowed to
keep fighting “the good fight”"); a body's claim in the plural present is a speech verb
("Cessna claim the new design, which …, would “…”"); a government that opens a clause ending
in a colon speaks, not a body named after its verb ("The government of American Samoa issued a
statement agreeing the issue should be decided by Congress: “…”"), and so does the statement
it issued ("Their statement also read “…”"); a possessive after a stray space still names a
place's paper ("Spain ’s El País"), and a verb of remarking between commas credits the name
after it ("The request, pointed out Spain’s El País, “…”"); a weak person's name spelt as a place
of the article is that place ("[Haghia Sophia]" beside "Hagia Sophia, formerly a church")."""

from __future__ import annotations

from extracted import check_names, quotes_and_speakers, typed_names


def test_a_lone_museum_or_library_opening_a_sentence_is_no_body(extractor) -> None:
    text = (
        "Farmers joined the protest on Tuesday. Museum staff stayed at work. Bridge repairs "
        "were delayed, and Library hours were cut. Hospital visits were limited, and School "
        "buses stopped."
    )
    check_names(extractor, text, absent=("Museum", "Library", "Hospital", "School"))


def test_a_museum_named_in_full_keeps_its_short_form(extractor) -> None:
    text = "The British Museum opened a new wing. The Museum said it would open on Sunday."
    check_names(extractor, text, found=[("British Museum", "ORG")], absent=("Museum",))
    assert [m.text for e in extractor.analyse(text).entities for m in e.mentions] == [
        "British Museum",
        "Museum",
    ]


def test_a_pledge_after_and_shares_the_role_subject_of_a_long_clause(extractor) -> None:
    text = (
        "Incumbent President Lena Moss lost the vote on Tuesday.\n\n"
        "The president did not concede or admit defeat in the election in her statement, "
        "however, and vowed to keep fighting “the good fight” with court cases."
    )
    assert quotes_and_speakers(extractor, text) == [("the good fight", "Lena Moss")]


def test_a_named_or_pronoun_subject_shares_a_pledge_after_a_comma_and(extractor) -> None:
    text = (
        "Senator Ann Reid spoke in Ohio on Monday.\n\n"
        "Reid did not concede the seat, and vowed to keep fighting “the good fight”. "
        "She lost the count in Dayton too, however, and pledged a “fresh start” for the party."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("the good fight", "Ann Reid"),
        ("fresh start", "Ann Reid"),
    ]


def test_a_passive_clause_and_an_accusation_give_a_fragment_to_no_one(extractor) -> None:
    text = (
        "Ann Reid wrote about the case.\n\n"
        "According to the article, the detainee, Omar Said, was made to stand for hours and "
        "accused of lying, then forced to perform “dog tricks” on a leash."
    )
    assert quotes_and_speakers(extractor, text) == [("dog tricks", None)]


def test_a_bodys_claim_in_the_plural_present_attributes_the_quote_past_a_relative_clause(
    extractor,
) -> None:
    text = (
        "The Brightwell Aircraft Company showed a mock-up at the Paris Air Show.\n\n"
        "Brightwell claim the new design, which outsizes their previous cabin jets, would "
        '"set a new standard for performance and cabin comfort," if launched.'
    )
    assert quotes_and_speakers(extractor, text) == [
        ("set a new standard for performance and cabin comfort,", "Brightwell Aircraft Company")
    ]


def test_a_claim_as_a_noun_names_no_speaker(extractor) -> None:
    text = (
        "Ann Reid filed an insurance claim on Monday.\n\n"
        'The insurance claim said the damage was "caused by the storm and nothing else."'
    )
    assert quotes_and_speakers(extractor, text) == [("caused by the storm and nothing else.", None)]


def test_a_government_opening_a_colon_frame_speaks_not_the_body_after_its_verb(extractor) -> None:
    text = (
        "A judge ruled that people born in Tokelau Islands are citizens. Parliament has not "
        "acted.\n\n"
        "The government of Tokelau Islands issued a statement agreeing the issue should be "
        'decided by Parliament and not by judges: "imposition of citizenship by judicial fiat '
        'would ignore our sovereignty." '
        "The Tokelau Islands government issued a second statement agreeing with Parliament: "
        '"the islands must decide for themselves."'
    )
    assert quotes_and_speakers(extractor, text) == [
        (
            "imposition of citizenship by judicial fiat would ignore our sovereignty.",
            "Tokelau Islands",
        ),
        ("the islands must decide for themselves.", "Tokelau Islands"),
    ]


def test_a_person_opening_a_colon_frame_still_speaks(extractor) -> None:
    text = (
        "Ann Reid issued a statement agreeing the issue should be decided by Congress and not "
        'by judges: "imposition of citizenship by judicial fiat would ignore our sovereignty."'
    )
    assert quotes_and_speakers(extractor, text) == [
        ("imposition of citizenship by judicial fiat would ignore our sovereignty.", "Ann Reid")
    ]


def test_their_statement_after_a_governments_statement_is_still_the_governments(extractor) -> None:
    text = (
        "A judge ruled that people born in Tokelau Islands are citizens.\n\n"
        "The government of Tokelau Islands issued a statement agreeing the issue should be "
        'decided by Parliament and not by judges: "imposition of citizenship by judicial fiat '
        'would ignore our sovereignty." Their statement also read "imposition of citizenship '
        'over our objections violates self-determination."'
    )
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text)] == [
        "Tokelau Islands",
        "Tokelau Islands",
    ]


def test_a_places_paper_after_a_possessive_with_a_stray_space_is_a_body_credited(
    extractor,
) -> None:
    for mark in ("’", "'"):
        text = (
            "The request came late. The request, pointed out Spain "
            f"{mark}s El Mundo, “surprised no-one, but had been delayed for political reasons”."
        )
        assert ("El Mundo", "ORG") in typed_names(extractor, text)
        assert [speaker for _, speaker in quotes_and_speakers(extractor, text)] == ["El Mundo"]


def test_a_verb_of_remarking_credits_no_name_after_that(extractor) -> None:
    text = (
        "Mayor Ana Ruiz spoke after the vote. She noted that if Tomas Brandt wins, "
        "“the city will stall for years to come.”"
    )
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text)] == ["Ana Ruiz"]


def test_a_weak_persons_name_spelt_as_a_place_of_the_article_is_that_place(extractor) -> None:
    text = (
        "The president pledged to convert Hagia Irene, formerly a Byzantine church and now a "
        "museum, to a mosque. “Aya Irini [Haghia Irene] will no longer be called a museum,” "
        "he said. Critics said the Haghia Irene belongs to humanity."
    )
    found = extractor.analyse(text).entities
    assert [(e.name, e.type) for e in found] == [("Hagia Irene", "PLACE")]
    assert [m.text for m in found[0].mentions] == ["Hagia Irene", "Haghia Irene", "Haghia Irene"]


def test_people_spelt_alike_stay_people(extractor) -> None:
    text = (
        "Ahmed Aboul Gheit met the press in Cairo. Abul Gheit pledged that everyone “would "
        "be safe”. The Aboul Gheit Foundation did not comment."
    )
    check_names(extractor, text, found=[("Ahmed Aboul Gheit", "PERSON")])
