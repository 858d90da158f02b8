"""Speaker recall classes found by reading rules-5 output in bulk on real reporting (issue 10,
rules-6): quotes that got no speaker although one is named. Each pinned by invented examples."""

from __future__ import annotations

from extracted import quotes_and_speakers


# Inverted attribution: the sentence opens with its verb, the speaker follows it.
def test_a_sentence_opening_with_its_verb_names_the_speaker_after_it(extractor) -> None:
    text = (
        "Orchard yields rose this year. Remarked Halvern Fruit Trust botanist Sarah Tolley, "
        '"This is the best season the valley has had in a decade." Prices fell.'
    )
    assert quotes_and_speakers(extractor, text) == [
        ("This is the best season the valley has had in a decade.", "Sarah Tolley")
    ]


def test_an_inverted_verb_followed_by_no_person_gives_no_speaker(extractor) -> None:
    text = 'Said a voice from the gate, "Keep out of the orchard after dark, please."'
    assert quotes_and_speakers(extractor, text)[0][1] is None


# A quote closed by its own stop ends its sentence: a pronoun after it looks back to the speaker.
def test_a_pronoun_after_a_quote_that_closed_its_sentence_resolves_to_its_speaker(
    extractor,
) -> None:
    text = (
        "Harbour historian Odile Varnsworth said the ferry would bring "
        '"new life to the old quays[.]" She went on to say, "People forget the port built '
        'this town and everything in it."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Odile Varnsworth",
        "Odile Varnsworth",
    ]


def test_a_clause_with_its_own_verb_after_a_closed_quote_gets_its_own_subject(extractor) -> None:
    text = (
        'Senator Dalia Ferrow said she was "proud to back Thomas Quillan for mayor." '
        'Quillan welcomed the support on Twitter, stating he was "grateful to have the fiercest '
        'of allies" on his side.'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] == "Thomas Quillan"


def test_with_no_verb_after_a_closed_quote_the_speaker_before_it_still_counts(extractor) -> None:
    text = (
        'Lead actor Corwin Haddley talked about how the show had been overlooked "until now." '
        'At the premiere, "I felt like a prince at the ball and I still cannot believe it".'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] == "Corwin Haddley"


# A participle after the verb ("tweeted her reasoning saying"): the main verb's subject speaks.
def test_a_participle_after_another_verb_takes_the_main_verbs_subject(extractor) -> None:
    text = (
        "Governor Alma Restrepo signed the bill on Friday. The governor tweeted her reasoning "
        'saying, "Today I signed the Valley Water Act, a law for every family in this state."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Alma Restrepo"


# A role noun closing a clause that opens with other words ("Calling it …, the bishop said").
def test_a_role_at_the_end_of_a_longer_clause_is_its_named_holder(extractor) -> None:
    text = (
        "The law was criticised by bishop Anselm Korvath on Sunday. Calling it a mistake the "
        'bishop said "We will pray that the parliament thinks again about this law."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Anselm Korvath"


def test_a_role_with_no_named_holder_is_not_given_to_another_person(extractor) -> None:
    text = (
        'Campaigner Tilde Marrow said the vote "answered the demands of women". '
        "The law was criticised by church leaders. Calling it a mistake the bishop said "
        '"We will pray that the parliament thinks again about this law."'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] is None


# A continuation after a participle clause ('…", recalling their first meeting. "…"').
def test_a_quote_after_a_participle_clause_continues_the_previous_speaker(extractor) -> None:
    text = (
        'Director Helen Brannagh wrote of the actor, "I knew then that he was special", '
        'recalling their first meeting. "He was calm. Assured. Always studying the script."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Helen Brannagh",
        "Helen Brannagh",
    ]


def test_a_participle_clause_naming_someone_else_stops_the_continuation(extractor) -> None:
    text = (
        'Director Helen Brannagh wrote of the actor, "I knew then that he was special", '
        'praising Thomas Haddley. "He was calm. Assured. Always studying the script."'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] is None


# A credit after a dash, as under an epigraph or a pull quote.
def test_a_person_after_a_dash_closing_the_quote_is_its_author(extractor) -> None:
    text = (
        '"More women taking up engineering has been the big change on the railway."'
        "  — Aparna Veldkamp, Divisional Railway Manager"
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Aparna Veldkamp"


# Verbs of speaking that were missing from the lexicon.
def test_exclaimed_underlined_and_went_on_to_add_are_attribution_verbs(extractor) -> None:
    text = (
        'As Pallister tried to interrupt, Karen Oduya exclaimed, "Mr. Speaker, I am still '
        'speaking." Peter Farrant underlined that he would be "very happy if the council '
        'reconsidered its whole approach". Political scientist Alice Drummond said, "Parity is '
        'far off in most chambers across the country." Drummond went on to add, "It means more '
        'candidates from both parties."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Karen Oduya",
        "Peter Farrant",
        "Alice Drummond",
        "Alice Drummond",
    ]


# A quote opening its own sentence with no attribution, after a sentence naming one person.
def test_an_unattributed_quote_after_a_sentence_naming_one_person_is_theirs(extractor) -> None:
    text = (
        "The home side received two yellow cards, leaving coach Peter Ingle unimpressed.  "
        '"One of them was questionable. The other one was probably fair."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Peter Ingle"


def test_an_unattributed_quote_after_a_sentence_naming_two_people_gets_no_speaker(
    extractor,
) -> None:
    text = (
        "Peter Ingle and Sarah Tolley argued about the two yellow cards after the match.  "
        '"One of them was questionable. The other one was probably fair."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] is None


def test_an_unattributed_quote_opening_a_new_paragraph_is_not_given_by_this_rule(
    extractor,
) -> None:
    text = (
        "The home side received two yellow cards. The visitors scored twice.\n\n"
        '"One of them was questionable. The other one was probably fair."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] is None


def test_assailed_accusing_and_cited_attribute_their_subject(extractor) -> None:
    text = (
        'In a later speech, Peter Farrant assailed the event as the "darkest and gloomiest '
        'convention in our history." Mayor Karen Oduya lashed out at the council on Twitter, '
        'accusing it of "not doing its job at all". In the letter, Alice Drummond cited the '
        'board\'s "long record of ignoring the tenants" as her motivation.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Peter Farrant",
        "Karen Oduya",
        "Alice Drummond",
    ]
