"""Speaker classes of rules-14 found by reading the extractor's output on fresh, unannotated
Wikinews text (issue 10, the reading set of round 13): each from invented examples, none
copied from an article."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


# '“…,” State Sen. Ann Reid said': the stop of an abbreviated title before the name ends no
# sentence, so the name after the quote is the subject of its verb.
def test_a_dotted_title_before_the_name_after_a_quote_keeps_its_speaker(extractor) -> None:
    text = (
        '"The budget cannot wait another month," State Sen. Dana Whitlow said on Friday. '
        '"Schools are already cutting staff."\n\n'
        '"We will vote on it next week," Rep. Marco Ibarra told reporters.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Dana Whitlow",
        "Dana Whitlow",
        "Marco Ibarra",
    ]


# The guards: "St." (a street) may end a sentence, so the name after it starts a new one;
# and a titled name after a preposition is whom the speakers talk about, not a speaker.
def test_a_street_stop_or_a_preposition_before_a_dotted_title_names_nobody(extractor) -> None:
    text = (
        '"Move your cars," came the order from officers on Bay St. Jim Hale said he moved his '
        "at once.\n\n"
        '"He was a kind man," neighbours of the late Mr. Tom Reilly said on Sunday.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'a talk by the producer of the film "Hotel Kigali."', 'another charity called "Open Doors,"':
        # after a title cue, a phrase whose every word is capitalised is a title, even with the
        # sentence's stop or comma inside the marks; it is nobody's speech.
        pytest.param(
            (
                'The evening ends with a talk by the producer of the film "Hotel Kigali."\n\n'
                'The parents may have confused it with another charity called "Open Doors," which '
                "runs shelters."
            ),
            [],
            id="a_capitalised_title_after_a_cue_with_a_stop_inside_the_marks_is_no_quote",
        ),
        # The guards: speech after a title cue is still speech when it is a sentence in lower case,
        # and a capitalised word of one sentence after "called" is still the caller's label.
        pytest.param(
            (
                'On the radio programme, Moss said "We will not give up on this town."\n\n'
                'Ann Reid called the plan "Reckless," and voted against it.'
            ),
            [
                ("We will not give up on this town.", "Moss"),
                ("Reckless,", "Ann Reid"),
            ],
            id="a_sentence_after_a_title_cue_is_still_speech",
        ),
        # 'would — as Moss had put it — “kill the bill”': a fragment credited by "as X (had) put it",
        # set off by a dash, is X's words.
        pytest.param(
            (
                "The opposition moved two amendments, one of which would — as Senator Lena Varga had "
                'put it — "sink the reform", and another that would delay it.'
            ),
            [("sink the reform", "Lena Varga")],
            id="a_fragment_after_as_x_had_put_it_between_dashes_is_xs",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


# 'Moss said that her talks with Reid went well. “…”': a quote standing alone after a
# sentence that names several people is said by the subject of that sentence's speech verb.
def test_a_lone_quote_after_a_sentence_naming_several_people_goes_to_the_verbs_subject(
    extractor,
) -> None:
    text = (
        "Premier Ingrid Halvorsen met the visiting chancellor on Monday. Ms Halvorsen said that "
        'her talks with Chancellor Tomas Brandt had gone well. "We set aside old quarrels and '
        'looked for results."'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] == "Ingrid Halvorsen"


# The guard: with no speech verb, a sentence naming two people names no speaker.
def test_a_lone_quote_after_a_sentence_naming_two_people_without_a_verb_has_no_speaker(
    extractor,
) -> None:
    text = (
        "Premier Ingrid Halvorsen met Chancellor Tomas Brandt on Monday. "
        '"We set aside old quarrels and looked for results."'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] is None


# 'The UN, in turn, asked the authorities to act:' closing a paragraph, then a paragraph that
# is only a quote: the subject of the introduction speaks, an organisation as well as a person.
def test_a_paragraph_ending_in_a_colon_gives_its_subject_to_the_quote_paragraph_after_it(
    extractor,
) -> None:
    text = (
        "The flooding has displaced thousands of families across the valley.\n\n"
        "The World Health Organization, in turn, urged the regional government to act:\n\n"
        '"Clean water must reach every camp before the rains return next month."'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] == "World Health Organization"


# 'The newly inaugurated governor said': "newly elected", "recently appointed" say when, not
# which governor; the holder named before speaks. A qualifier that says which one ("the
# locally elected minister") still needs its own earlier use.
def test_a_role_qualified_by_newly_or_recently_is_the_holder_named_before(extractor) -> None:
    text = (
        "The reply came from the governor of the state, Carla Mendes. She spoke for ten "
        "minutes.\n\n"
        'The newly elected governor said, "What a government must not do is raise taxes on '
        'families."\n\n'
        "Osman Diallo, the health minister, listened.\n\n"
        'The locally elected minister said, "Clinics will stay open all summer long."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Carla Mendes", None]


# 'The spokesman declined to give details, but said the act was “…”': a verb coordinated by
# "but" shares the clause's subject, here a role held by a person named before; with names,
# the first one ("Moss thanked Reid but said") is the subject, not the object.
def test_a_verb_after_but_shares_the_subject_of_the_clause(extractor) -> None:
    text = (
        "Pierre Lamarque, a government spokesman, confirmed the visit. The spokesman declined "
        'to give details, but said the search had been "entirely out of proportion for an '
        'envoy."\n\n'
        'Ann Moss thanked Tom Reid for the offer but said she was "not convinced by the '
        'figures at all."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Pierre Lamarque", "Ann Moss"]


# 'Moss wrote to Reid saying: “…”': a participle right after the object of a finite speech
# verb takes that verb's subject, not the name between them.
def test_a_participle_after_the_listener_takes_the_subject_of_the_finite_verb(extractor) -> None:
    text = (
        "Union leader Mara Quist wrote to federation chief Olav Brenner saying: "
        '"Tradition alone will not carry us through the years ahead."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Mara Quist"


# The same when the name between is the subject of a verb of its own ("Reid called her"):
# the participle is that verb's (before, the first name of the sentence was taken).
def test_a_participle_after_a_clause_of_its_own_takes_that_clauses_subject(extractor) -> None:
    text = 'Ann Moss said Tom Reid called her saying "You will lose this vote next week."'
    assert quotes_and_speakers(extractor, text)[0][1] == "Tom Reid"


# 'The Attorney General attacked the act, saying that it was “provocative”': a participle
# after a clause opened by a role (capitalised or not) takes the role's holder named before.
def test_a_participle_after_a_clause_opened_by_a_role_takes_the_roles_holder(extractor) -> None:
    text = (
        "Attorney General Nora Falk answered questions on Monday. The Attorney General "
        'attacked the new licensing act, saying that it was "reckless" and would not survive '
        "an appeal.\n\n"
        "Carl Imre, the mayor, inspected the pier on Friday. The mayor closed it, "
        'saying "Nobody walks on this until it has been rebuilt."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Nora Falk", "Carl Imre"]


# The guard: a role followed by a preposition names the body or person after it, which this
# rule leaves to the other rules.
def test_a_role_followed_by_a_preposition_is_not_read_as_the_opening_role(extractor) -> None:
    text = (
        "Ann Moss, a spokeswoman, spoke first. The spokeswoman for the ferry company closed "
        'the office, saying "Nobody will travel until the storm has passed."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] != "Ann Moss"


# 'Khan denied it, saying “…”, according to IRNA': "according to" after the quote credits the
# outlet that reports it; when the sentence itself names the person who said it, that person
# speaks. With no one named, the outlet still does.
def test_according_to_an_outlet_after_a_named_speakers_quote_keeps_the_person(extractor) -> None:
    text = (
        "Back home, Foreign Minister Darius Vahidi denied that the meeting took place, saying "
        '"These reports are as false as all the others before them," according to the Tasnim '
        "News Agency.\n\n"
        'By morning the river had "risen over every barrier in the valley", according to '
        "The Valley Herald."
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Darius Vahidi",
        "The Valley Herald",
    ]


# Guards from r13-review's counter-examples (invented): a role's possessive or a "former"
# role names someone else; "quoting X as saying", "heard X saying" and "that X …" give the
# participle its own subject; a sentence that reports another person's speech or writing
# names no speaker for a lone quote after it; "recently sacked" is no taking of office; an
# exclamation inside the marks after "called" is still speech.
def test_review_counter_examples_name_no_wrong_speaker(extractor) -> None:
    cases = [
        "Attorney General Ruth Kline spoke on Monday. The Attorney General's critics attacked "
        'the bill, saying it would "leave thousands of families without any help at all."',
        "Head coach Dan Ferris was sacked on Monday. The head coach's wife criticised the club, "
        'saying it had treated him "worse than any player in the history of the club."',
        "President Ann Lee met the delegation. The former president attacked the deal, saying "
        'it would "sell the country short for a generation."',
        "Judge Ellen Moss said Tom Reid had written to the court in March. "
        '"I am sorry for what I did, and I ask for mercy."',
        "Coach Dan Ferris said his captain, Liam Wood, spoke to the squad at half-time. "
        '"Nobody leaves this pitch with their head down."',
        "The newly appointed coach, Dan Ferris, arrived on Monday. The recently sacked coach "
        'said, "I wish him luck."',
    ]
    assert [quotes_and_speakers(extractor, text)[0][1] for text in cases] == [None] * len(cases)


def test_review_counter_examples_keep_the_participles_own_subject(extractor) -> None:
    cases = [
        'Joe Hart wrote to the council quoting Ann Lee as saying: "The city has no more money."',
        'Joe Hart wrote to the council citing Ann Lee as saying: "The city has no more money."',
        "Joe Hart told the Herald that a friend had heard Ann Lee saying: "
        '"The city has no more money."',
    ]
    assert [quotes_and_speakers(extractor, text)[0][1] for text in cases] == ["Ann Lee"] * len(
        cases
    )


def test_a_shout_after_called_is_still_a_quote(extractor) -> None:
    text = 'The crowd called "Shame, Shame!" as the minister left, according to Tom Reid.'
    assert [q for q, _ in quotes_and_speakers(extractor, text)] == ["Shame, Shame!"]


# The guard (r13-review): when the speech verb before the quote belongs to a text in a
# relative clause ("the audit, which called …"), the person of the sentence did not say it;
# the outlet after "according to" stays, as before this round.
def test_according_to_after_a_texts_relative_clause_does_not_pick_the_person(extractor) -> None:
    text = (
        'Tom Reid was asked about the audit, which called the scheme "a costly failure from '
        'the start," according to the Herald.'
    )
    assert quotes_and_speakers(extractor, text)[0][1] != "Tom Reid"
