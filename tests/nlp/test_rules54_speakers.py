"""Rules-54: speakers a reader sees named that the rules missed (issue 10; user test r53 MED-4).

A label the speaker gives himself ("Moss casts himself as the “…”", "sees himself as Lee's
“…”") or gives after "went on to" ("went on to call the order “long overdue”") is his; a
describing word before a role ("the young Valdorian leader") does not make it another holder's;
"His last tweet read:" and "updated his Twitter account …, which read," name the owner; a time
between a name and its verb ("President Moss on Thursday told NBC") keeps that name the subject
a later "he" stands for; the second half of a quotation split by its credit keeps the credit
when the comma stands outside the marks ("“…”, reads an Acme press release, “…”"). The examples
are written for these tests.
"""

from __future__ import annotations

from extracted import quotes_and_speakers, speaker_of


def test_a_label_the_subject_gives_himself_is_his(extractor) -> None:
    text = (
        "Nine candidates were invited to the two Valley Network debates on Monday. In reference "
        "to them, Peter Hallam now casts himself as the \u201ctenth candidate,\u201d willing to "
        "join the second-tier debate."
    )
    assert speaker_of(extractor, text, "tenth candidate") == "Peter Hallam"


def test_a_label_after_went_on_to_call_is_the_speakers(extractor) -> None:
    text = (
        '"The prisoner exposed serious abuses," says Margaret Oduya, director of the Velmont '
        "Rights Watch. Oduya went on to call the governor's order for her release "
        '"long overdue." The prisoner was freed on Tuesday.'
    )
    assert speaker_of(extractor, text, "long overdue") == "Margaret Oduya"


def test_a_habit_of_labelling_is_still_nobodys(extractor) -> None:
    # "continues to call" is a habit of naming, not a statement: unchanged
    text = 'Moscow continues to call the war a "special operation" in its reports.'
    assert not [q for q, _ in quotes_and_speakers(extractor, text) if q.startswith("special")]


def test_a_describing_word_before_a_role_keeps_its_holder(extractor) -> None:
    text = (
        "Valdorian leader Tomas Relko spoke at a parade on Sunday. Later, the young Valdorian "
        'leader said, "Superiority in military technology is no longer held by our enemies."'
    )
    assert speaker_of(extractor, text, "Superiority in military") == "Tomas Relko"


def test_a_qualifier_that_picks_another_holder_still_does(extractor) -> None:
    # "the local health minister" is not Civil Aviation Minister Puri (unchanged)
    text = (
        "Civil Aviation Minister Anil Puri visited the crash site on Monday. Later, the local "
        'health minister said, "The hospitals are full and we need more doctors."'
    )
    assert speaker_of(extractor, text, "The hospitals are full") is None


def test_his_last_tweet_read_names_its_owner(extractor) -> None:
    text = (
        "The photographer Tim Harrow was killed in Varo on Wednesday. His last tweet read: "
        '"In the besieged city. Indiscriminate shelling by the army. No sign of help."'
    )
    assert speaker_of(extractor, text, "In the besieged city") == "Tim Harrow"


def test_an_account_which_read_names_its_owner_not_the_site(extractor) -> None:
    text = (
        "The photographer Tim Harrow was killed in Varo on Wednesday. Harrow last updated his "
        'Twitter account on Tuesday, which read, "In the besieged city. Indiscriminate shelling '
        'by the army. No sign of help."'
    )
    assert speaker_of(extractor, text, "In the besieged city") == "Tim Harrow"


def test_a_time_between_name_and_verb_keeps_the_subject_for_he(extractor) -> None:
    text = (
        "Following claims that John Brandt had failed the agency, President Bill Moss on "
        "Thursday told NBC that the firing was fair. He also accused Brandt of "
        '"showboating" and said "the agency has been in turmoil."'
    )
    assert speaker_of(extractor, text, "showboating") == "Bill Moss"
    assert speaker_of(extractor, text, "the agency has been in turmoil") == "Bill Moss"


def test_a_split_quotation_keeps_its_credit_with_the_comma_outside(extractor) -> None:
    text = (
        'Tributes came in on Sunday. "Harlan was respected by everyone in the business", '
        'reads a Velmont Records press release, "a fierce and captivating talent who will be '
        'missed."'
    )
    assert speaker_of(extractor, text, "a fierce and captivating") == "Velmont Records"


def test_a_quotation_after_a_stop_is_no_second_half(extractor) -> None:
    text = (
        'Tributes came in on Sunday. "Harlan was respected by everyone in the business". '
        'Reads a Velmont Records press release, "a fierce and captivating talent who will be '
        'missed."'
    )
    assert speaker_of(extractor, text, "a fierce and captivating") is None


def test_a_quotation_glued_to_the_one_before_goes_on_with_its_speaker(extractor) -> None:
    text = (
        '"Sport Varden has certain objectives," said party leader Gilles Marchand. "The '
        'government has just cut money from community groups."Hockey Varden receives public '
        'money, right? We have a right to ask questions."'
    )
    assert speaker_of(extractor, text, "Hockey Varden receives") == "Gilles Marchand"


def test_a_credit_closing_the_sentence_after_the_quotation_names_a_titled_speaker(
    extractor,
) -> None:
    text = (
        'A district court has ruled that the ban "violated the rights of due process and '
        'equal protection" of couples in the state, said Judge Robert Hallam.'
    )
    assert speaker_of(extractor, text, "violated the rights") == "Robert Hallam"


def test_a_credit_with_no_comma_closing_the_sentence_names_the_speaker(extractor) -> None:
    text = (
        'A district court has ruled that the ban "violated the rights of due process and '
        'equal protection" of couples in the state said Judge Robert Hallam.'
    )
    assert speaker_of(extractor, text, "violated the rights") == "Robert Hallam"


def test_said_after_who_is_no_closing_credit(extractor) -> None:
    text = (
        'Critics say the ban "violated the rights of due process and equal protection" of '
        "the couples who said Judge Robert Hallam."
    )
    assert speaker_of(extractor, text, "violated the rights") is None


def test_a_paragraph_that_is_only_a_credit_names_the_quote_before_it(extractor) -> None:
    text = (
        'Commission spokeswoman Emma Hart added, "The timescale is open, no deadline."\n\n'
        'Varden answered the ban by saying, "The ban on arms sales is political '
        'discrimination and out of keeping with the times,"\n\n'
        "Liu Jian, a Varden Foreign Ministry spokesman told a news conference.\n\n"
        '"We hope the Commission will lift the ban as soon as possible."'
    )
    assert speaker_of(extractor, text, "The ban on arms sales") == "Liu Jian"


def test_a_credit_paragraph_overrides_a_carried_speaker(extractor) -> None:
    text = (
        '"The relationship remains very strong," said Joel Farrow on Friday. "The level of '
        'trust has never been higher."\n\n'
        '"As the winter turns into spring, that is going to increase in pace."\n\n'
        "William Fallon said. Fallon was speaking in Ottawa."
    )
    assert speaker_of(extractor, text, "As the winter turns") == "William Fallon"
    assert speaker_of(extractor, text, "The level of trust") == "Joel Farrow"


def test_a_paragraph_that_goes_on_is_no_credit(extractor) -> None:
    text = (
        '"The relationship remains very strong," said Joel Farrow on Friday.\n\n'
        '"As the winter turns into spring, that is going to increase in pace."\n\n'
        "William Fallon said the talks would resume in March, and left for Ottawa."
    )
    assert speaker_of(extractor, text, "As the winter turns") == "Joel Farrow"
