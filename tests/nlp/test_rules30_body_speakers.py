"""Rules-30 classes of organisations and outlets that speak, from the development sets' speaker
misses, each pinned by invented sentences: a body opening a sentence with a plural speech verb
("Acme say …"), a company's leading word opening a sentence ("Brightwell says …" after
"Brightwell Corp"), a paper named with another language's article ("Vienna's Der Standard
labelled …") and an outlet described by its nationality ("The British newspaper described …")."""

from __future__ import annotations

from extracted import quotes_and_speakers, typed_names


def test_a_name_opening_a_sentence_with_a_plural_speech_verb_is_a_speaking_body(
    extractor,
) -> None:
    text = "Brightwell claim the product is “safe for all the children in the country”."
    assert quotes_and_speakers(extractor, text) == [
        ("safe for all the children in the country", "Brightwell")
    ]
    assert typed_names(extractor, text) == {("Brightwell", "ORG")}


def test_a_plural_verb_after_a_known_company_word_names_the_company(extractor) -> None:
    text = (
        "Kestrel Aircraft Company makes small jets. Kestrel claim the new design would “set a "
        "new standard for comfort and range,” if launched."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("set a new standard for comfort and range,", "Kestrel Aircraft Company")
    ]


def test_people_and_places_before_a_plural_verb_stay_what_they_are(extractor) -> None:
    text = "Residents say the road is “a danger to everyone”. Lebanon say they fear a war."
    names = typed_names(extractor, text)
    assert ("Residents", "ORG") not in names
    assert ("Lebanon", "PLACE") in names


def test_a_companys_leading_word_opening_a_sentence_with_says_is_the_company(extractor) -> None:
    text = (
        "Brightwell Corp makes toys in Leeds. Brightwell says the product is “safe for all "
        "the children”."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("safe for all the children", "Brightwell Corp")
    ]
    assert ("Brightwell", "PERSON") not in typed_names(extractor, text)


def test_a_paper_named_with_another_languages_article_speaks_as_a_body(extractor) -> None:
    text = (
        "In Austria, Vienna’s Der Kurier labelled the plan a “deceitful entity”. Germany’s "
        "Die Post wrote that it was “a farce from start to end”."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("deceitful entity", "Der Kurier"),
        ("a farce from start to end", "Die Post"),
    ]
    names = typed_names(extractor, text)
    assert ("Der Kurier", "ORG") in names and ("Die Post", "ORG") in names


def test_a_person_or_a_place_opening_with_such_an_article_stays_one(extractor) -> None:
    text = (
        "France’s Le Pen said “we will win”. The victims were from El Paso, Texas, officials said."
    )
    names = typed_names(extractor, text)
    assert ("Le Pen", "ORG") not in names
    assert ("El Paso", "PLACE") in names


def test_an_outlet_described_by_its_nationality_is_the_outlet_named_before(extractor) -> None:
    text = (
        "In London, the tabloid The Clarion lambasts the minister for the delay. The British "
        "newspaper described the country as “the equivalent of a dead man walking” in an "
        "editorial."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("the equivalent of a dead man walking", "The Clarion")
    ]
