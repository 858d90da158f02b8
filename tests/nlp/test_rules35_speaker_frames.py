"""Rules-35 classes of named speakers (round 33, from a user test on real news and the
unannotated Wikinews articles), each pinned by invented sentences. A name in the object of a
speech verb that has its own subject is not the speaker ("Moss tweeted a tribute to Reid: “…”"
was Reid's). A noun of no list of roles that titled a person before speaks for them ("the
financier stated" after "US financier Bernard Madoff"), and a first name alone is the one person
of the article whose full name opens with it. No name inside an affiliation aside after a
person speaks ("Nora Quist, of Quist Tailoring at 40 Harwood, who …, said"), and a quotation
alone after a sentence about a person is the first person there not after a preposition. A
qualified role no one holds by name ("the prime minister added") is the person credited with
words just before, when no one holds the bare role either. A label given by an agent in a
participle set off by commas ("The act, described by Senator Holloway as “…”") is the agent's,
and a sentence that is only a credit after a quotation closed by its own stop names its
speaker ("“… ourselves.” Board member Tom Baker said, commenting on …")."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_a_tribute_tweeted_to_someone_is_the_tweeters_not_the_one_addressed(extractor) -> None:
    text = (
        "The jazz singer Nell Garvey died on Sunday at 88. Her old bandleader, Otis Crane, "
        "tweeted a tribute to Garvey: “Sweet Nell. The stage is darker tonight.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Sweet Nell. The stage is darker tonight.", "Otis Crane")
    ]


def test_a_message_posted_for_someones_family_is_the_posters(extractor) -> None:
    text = (
        "The jazz singer Nell Garvey died on Sunday at 88. Otis Crane heard the news in Memphis. "
        "He posted a message for Garvey's family, “We are all with you tonight.”"
    )
    assert quotes_and_speakers(extractor, text) == [("We are all with you tonight.", "Otis Crane")]


def test_a_role_after_said_still_names_the_one_holding_it(extractor) -> None:
    text = (
        "The ferry service restarted on Monday. “It is a fine day,” said a spokesman for the "
        "port, Abel Stroud: “We are glad.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("It is a fine day,", "Abel Stroud"),
        ("We are glad.", "Abel Stroud"),
    ]


def test_a_noun_of_no_list_titling_a_person_before_names_them_when_it_speaks(extractor) -> None:
    text = (
        "Veteran shipowner Walter Bexley was fined on Monday for hiding losses. “I regret the "
        "harm I caused,” the shipowner stated in court."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("I regret the harm I caused,", "Walter Bexley")
    ]


def test_a_noun_describing_a_person_after_a_comma_names_them_when_it_speaks(extractor) -> None:
    text = (
        "Walter Bexley, the disgraced shipowner, was fined on Monday. “I regret the harm I "
        "caused,” the shipowner stated in court."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("I regret the harm I caused,", "Walter Bexley")
    ]


def test_a_speaker_by_first_name_is_the_one_person_of_that_first_name(extractor) -> None:
    text = (
        "Rosa T. Delgado and Ines Ruiz run a bakery in Tucson. Rosa Delgado opened it in 2010. "
        "“We bake at four every morning,” Rosa said."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("We bake at four every morning,", "Rosa T. Delgado")
    ]


def test_a_first_name_two_people_share_stays_as_written(extractor) -> None:
    text = (
        "Rosa T. Delgado and Rosa Ines Ruiz run a bakery in Tucson. Rosa Delgado opened it in "
        "2010. “We bake at four every morning,” Rosa said."
    )
    assert quotes_and_speakers(extractor, text) == [("We bake at four every morning,", "Rosa")]


def test_no_name_inside_an_affiliation_aside_after_a_person_speaks(extractor) -> None:
    text = (
        "Shop owners on the street see it differently. Nora Quist, of Quist Tailoring at 40 "
        "Harwood, who heard of the plan only yesterday, said she is “utterly” against it."
    )
    assert quotes_and_speakers(extractor, text) == [("utterly", "Nora Quist")]


def test_a_quote_alone_after_a_sentence_about_a_role_holder_is_the_holders(extractor) -> None:
    text = (
        "Head of the Dutch company in charge of the sales of Fizzy Pop, Lars Denholm, defended "
        "the drink.\n\n“Parents decide what their children drink, and the label is clear.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Parents decide what their children drink, and the label is clear.", "Lars Denholm")
    ]


def test_a_qualified_role_no_one_holds_by_name_is_the_one_credited_just_before(extractor) -> None:
    text = (
        "The new bridge opened in Dunmore on Monday. “It opens a new chapter for the north,” said "
        "Tom Ridley in a speech at the site. “This is a proud day.”\n\n“We kept our promise to "
        "the people of this region,” the prime minister added."
    )
    assert quotes_and_speakers(extractor, text)[-1] == (
        "We kept our promise to the people of this region,",
        "Tom Ridley",
    )


def test_a_qualified_role_is_not_a_holder_of_the_bare_role_named_before(extractor) -> None:
    text = (
        "The bridge opened on Monday. Civil Aviation Minister Ann Puri spoke first. “We kept our "
        "promise,” the local health minister said."
    )
    assert quotes_and_speakers(extractor, text) == [("We kept our promise,", None)]


def test_a_qualified_role_is_not_the_subject_of_the_sentence_before_when_it_spoke_not(
    extractor,
) -> None:
    text = (
        "Exports fell by 6% last year. Ann Puri lost her job in May. “We will recover slowly,” "
        "the chief economist said."
    )
    assert quotes_and_speakers(extractor, text) == [("We will recover slowly,", None)]


def test_a_label_given_by_an_agent_in_a_participle_set_off_by_commas_is_the_agents(
    extractor,
) -> None:
    text = (
        "The Senate passed the Clean Rivers Act on Thursday. The act, described by Senator Ann "
        "Holloway as “the best law of the decade,” now goes to the House."
    )
    assert quotes_and_speakers(extractor, text) == [("the best law of the decade,", "Ann Holloway")]


def test_a_sentence_that_is_only_a_credit_after_a_closed_quotation_names_its_speaker(
    extractor,
) -> None:
    text = (
        "The ferry line faces cuts. “We will not wait for help. We will run the boats "
        "ourselves.” Board member Tom Baker said, commenting on the county's budget."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("We will not wait for help. We will run the boats ourselves.", "Tom Baker")
    ]
