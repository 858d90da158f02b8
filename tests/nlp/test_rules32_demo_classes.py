"""Rules-32 classes the demo and the r30 user test still showed wrong, each pinned by invented
sentences: a known place that is no given name before a word no list knows, speaking with no
person evidence in the article, names a body of that place ("Toyota and Tokyo Electron
announced a partnership" typed Tokyo Electron a person), while a person so spelt keeps a
pronoun or the surname alone as evidence ("Israel Folau said he would appeal"); the object of a
clause's first verb does not speak after "and" ("Police arrested Reid and said she had shown
“no remorse”" was Reid's); "they" opening a clause that names nobody is the body opening the
sentence before ("… the United States Commission on International Religious Freedom (USCIRF)
also criticized the move …. They released a statement which said, “…”" was nobody's); a people's
word and a place's word before the noun they modify name no place ("Zimbabwean State
institutions", "the Hawaiian Island chain" were places in the demo); a grade's or a group's letter before its noun is no part of a name
("the Sunshine Coast Rugby Union A grade ladder" was ORG "… Rugby Union A"); a nested
quotation's closing mark, a space and the outer mark ending the paragraph close the quotation
("… 'are we alone — is there life …?' \"" was cut to its nested part, nobody's)."""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name


def test_a_place_then_an_unknown_word_that_speaks_is_a_body_not_a_person(extractor) -> None:
    text = (
        "Toyota and Tokyo Electron announced a partnership. “It is a big step,” said Akio "
        "Toyoda.\n\nOsaka Gas said on Monday that prices would rise in the spring."
    )
    types = type_by_name(extractor, text)
    assert types["Tokyo Electron"] == "ORG"
    assert types["Osaka Gas"] == "ORG"
    assert types["Akio Toyoda"] == "PERSON"
    assert quotes_and_speakers(extractor, text) == [("It is a big step,", "Akio Toyoda")]


def test_a_person_named_after_a_place_keeps_a_pronoun_or_a_surname_as_evidence(
    extractor,
) -> None:
    pronoun = "Israel Folau said on Monday that he would appeal against the ban."
    surname = "Paris Hilton announced a new tour on Monday. Hilton will start in Las Vegas."
    assert type_by_name(extractor, pronoun)["Israel Folau"] == "PERSON"
    assert type_by_name(extractor, surname)["Paris Hilton"] == "PERSON"


def test_the_object_of_the_first_verb_does_not_speak_after_and(extractor) -> None:
    text = (
        "Ann Reid, 34, of Leeds, was charged with fraud on Monday.\n\n"
        "Police arrested Reid and said she had shown “no remorse” for the victims. "
        "On Tuesday, the judge sentenced Reid and said she had shown “no regret” in court."
    )
    assert quotes_and_speakers(extractor, text) == [("no remorse", None), ("no regret", None)]


def test_the_subject_of_the_first_verb_still_speaks_after_and(extractor) -> None:
    text = (
        "Mayor Lena Moss met Ann Reid on Monday.\n\n"
        "Moss thanked Reid and said she was “a hero” to the town."
    )
    assert quotes_and_speakers(extractor, text) == [("a hero", "Lena Moss")]


def test_they_after_a_body_opening_the_sentence_before_is_that_body(extractor) -> None:
    text = (
        "This Thursday the Harbor Heritage Commission also criticized the move, recommending "
        "that the hall stay a museum. They released a statement which said, “The hall must "
        "remain open to everyone.”\n\n"
        "The Acme Corporation criticised the plan on Monday. They said the plan was “a sad "
        "mistake” for the town."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("The hall must remain open to everyone.", "Harbor Heritage Commission"),
        ("a sad mistake", "Acme Corporation"),
    ]


def test_they_after_people_or_a_pair_is_not_a_body(extractor) -> None:
    text = (
        "Ann Lee and Bob Moss met Acme officials on Monday. They said the plan was “a sad "
        "mistake” for the town.\n\n"
        "Acme and Brightwell Corp criticised the plan. They said it was “a sad day” for all."
    )
    assert "Acme" not in {speaker for _, speaker in quotes_and_speakers(extractor, text)}


def test_a_people_and_a_place_word_modifying_a_noun_name_no_place(extractor) -> None:
    text = (
        "Vladimir Putin praised the late leader. He helped the building of Zimbabwean State "
        "institutions, Putin wrote.\n\n"
        "The lava poured into the sea off the Hawaiian Island chain. The Hawaiian Island of "
        "Maui was spared."
    )
    types = type_by_name(extractor, text)
    assert "Zimbabwean State" not in types
    assert "Hawaiian Island" not in types
    assert types["Hawaiian Island of Maui"] == "PLACE"


def test_a_grade_or_group_letter_before_its_noun_is_no_part_of_a_name(extractor) -> None:
    text = (
        "University have kept top spot on the Sunshine Coast Rugby Union A grade ladder. "
        "Group B matches start in June. Veterans of World War I marched in Leeds."
    )
    names = {e.name for e in extractor.analyse(text).entities}
    assert "Sunshine Coast Rugby Union" in names
    assert not {"Sunshine Coast Rugby Union A", "Group B"} & names


def test_a_spaced_outer_mark_after_a_nested_quotation_closes_the_quotation(extractor) -> None:
    text = (
        "Both are professors in Geneva.\n\n"
        '"These prizes tell us something about our place in the Universe", said committee '
        "member Ulf Danielsson. \"The first one is so fascinating. The other one asks: 'are we "
        "alone — is there life anywhere else?' \"\n\n"
        "The prize is worth nine million kronor."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("These prizes tell us something about our place in the Universe", "Ulf Danielsson"),
        (
            "The first one is so fascinating. The other one asks: 'are we alone — is there life "
            "anywhere else?'",
            "Ulf Danielsson",
        ),
    ]
