"""Rules-20 speaker mechanisms, each pinned by invented sentences (no article text): who a
credit names after a quotation (r19-speak.md)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_read_a_statement_issued_by_a_spokesman_credits_that_spokesman(extractor) -> None:
    text = (
        "The Valdorian Trade Office will review the duties on imported steel.\n\n"
        '"Open markets need fair rules," read a statement issued by Trade Office spokesman '
        'Carl Benning. "The review is only the first step in a long process."'
    )
    assert _speakers(extractor, text) == ["Carl Benning", "Carl Benning"]


def test_read_a_report_by_a_body_credits_that_body(extractor) -> None:
    text = (
        "Spending in Valdoria slowed for a third month in May.\n\n"
        '"Weak hiring may weigh more on spending than forecast," read a report by the Global '
        "Credit Institute's annual outlook."
    )
    assert _speakers(extractor, text) == ["Global Credit Institute"]


def test_a_statement_released_by_lawyers_for_someone_is_not_their_client(extractor) -> None:
    text = (
        '"We will appeal this ruling at once," reads a statement released by lawyers for Ann Marsh.'
    )
    assert _speakers(extractor, text) == [None]


def test_initials_in_a_credit_do_not_stop_the_next_quote_continuing_it(extractor) -> None:
    text = (
        "The council met on Tuesday.\n\n"
        '"We have heard the residents," said council leader Laura E. Jones of the U.S. Green '
        'Party. "The plan will be changed before the vote."'
    )
    assert _speakers(extractor, text) == ["Laura E. Jones", "Laura E. Jones"]


def test_a_described_thing_that_cannot_speak_is_no_group_speaker(extractor) -> None:
    text = (
        "The talks broke down on Monday. The Portuguese request, noted the Harbor Times, "
        '"came far too late to matter to anyone".'
    )
    # rules-31: the paper credited between commas (it was nobody's); never "Portuguese"
    assert _speakers(extractor, text) == ["Harbor Times"]


def test_a_described_newspaper_is_no_group_speaker_but_the_paper_named_before(extractor) -> None:
    text = (
        "Britain's The Daily Courier criticised the minister. The British newspaper described "
        'the budget as "a dead end for growth and for jobs" in an editorial.'
    )
    # rules-30: the outlet that was the subject before (it was nobody's)
    assert _speakers(extractor, text) == ["Daily Courier"]
    unnamed = 'The minister was criticised. The British newspaper described it as "a dead end".'
    assert _speakers(extractor, unnamed) == [None]


def test_a_described_army_or_air_force_still_speaks_as_a_group(extractor) -> None:
    army = (
        "Fighting resumed near the border. The Syrian army said it had "
        '"repelled every attack made on the town overnight".'
    )
    air_force = army.replace("Syrian army", "Russian air force")
    assert _speakers(extractor, army) == ["Syrian army"]
    assert _speakers(extractor, air_force) == ["Russian air force"]


def test_a_credit_after_listed_quotes_counts_for_the_first_of_them(extractor) -> None:
    text = (
        'A strategist at Harlow Capital Management said: "We suspect the economy is weakening '
        '... and the market is struggling," "And the bank chose today to get tough on prices," '
        "says Tom Reeve."
    )
    assert _speakers(extractor, text) == ["Tom Reeve", "Tom Reeve"]


def test_quotes_listed_after_one_verb_are_its_subjects_not_the_reported_clauses(extractor) -> None:
    text = (
        "Senator Craig Emmett spoke on Tuesday. Emmett later said that the Harbor Party was "
        '"soft on tax cheats", "soft on tax cheating party donors and all of its members".'
    )
    assert _speakers(extractor, text) == ["Craig Emmett", "Craig Emmett"]


def test_a_quote_ending_its_own_sentence_is_not_listed_with_the_next(extractor) -> None:
    text = (
        'Ann Lee opened the meeting. "We will appeal the ruling." "We expect to win," said '
        "Tom Marsh."
    )
    assert _speakers(extractor, text) == ["Ann Lee", "Tom Marsh"]


def test_a_fragment_of_capitalised_words_is_a_name_nobody_said(extractor) -> None:
    text = (
        'The school was chosen for its plain walls. It is named in the film as "Harbor Valley '
        'High", said production designer Ann Lee. "We knew it was going to be complicated and it '
        'was."'
    )
    # the name is no quote; the credit still carries to the quote after it
    assert _speakers(extractor, text) == ["Ann Lee"]


def test_a_capitalised_label_after_a_verb_of_labelling_is_still_its_speakers(extractor) -> None:
    text = 'Tom Reeve repeatedly referred to the vote as "The Impeachment Hoax" on Monday.'
    assert _speakers(extractor, text) == ["Tom Reeve"]


def test_a_connective_with_no_comma_does_not_hide_the_described_subject(extractor) -> None:
    company = (
        "Harbor Mining cut its forecast. However the company said that demand was "
        '"much weaker than we expected in every market".'
    )
    report = (
        "The Harbor Rights Council released a report on Monday. Moreover the report states "
        'that "attempts by the government to redefine torture are of utmost concern."'
    )
    assert _speakers(extractor, company) == ["Harbor Mining"]
    assert _speakers(extractor, report) == ["Harbor Rights Council"]


def test_a_state_that_labels_something_in_a_fragment_is_its_speaker(extractor) -> None:
    russia = (
        "Protesters stormed the parliament in Bishkek on Thursday. Russia has also called the "
        'uprising "illegal," although it offered to help.'
    )
    india = (
        "A bomb killed four people outside the embassy. India called the bombing a "
        '"cowardly terrorist attack" and sent a team.'
    )
    assert _speakers(extractor, russia) == ["Russia"]
    assert _speakers(extractor, india) == ["India"]


def test_a_place_in_a_fragments_sentence_that_labels_nothing_is_no_speaker(extractor) -> None:
    text = (
        "A bomb killed four people outside the embassy. Reports from India said the blast left "
        'a "deep crater" in the road.'
    )
    assert _speakers(extractor, text) == []


def test_his_or_its_statement_is_the_statement_of_the_one_the_pronoun_stands_for(extractor) -> None:
    read = 'Tom Reeve resigned on Monday. His statement read: "I have served the town with pride."'
    said = (
        "Acme Mining cut its forecast. Its statement said demand had been "
        '"much weaker than we expected".'
    )
    her = (
        "Tom Reeve met Ann Lee on Monday. Her letter said the talks had been "
        '"frank and useful for both sides".'
    )
    assert _speakers(extractor, read) == ["Tom Reeve"]
    assert _speakers(extractor, said) == ["Acme Mining"]
    assert _speakers(extractor, her) == ["Ann Lee"]


def test_the_message_after_his_message_was_delivered_is_his(extractor) -> None:
    text = (
        "Governor Tom Reeve spoke at the seminar last year. His message was delivered to the "
        'committee in Apia. "We ask again that the islands be removed from the list," said '
        "the message."
    )
    assert _speakers(extractor, text) == ["Tom Reeve"]


def test_a_text_by_a_bodys_committee_is_the_committees(extractor) -> None:
    text = (
        "A report by the Valdorian Senate's Intelligence Committee was released on Wednesday. "
        'The report said a nuclear-armed rival "would exacerbate regional tensions".'
    )
    assert _speakers(extractor, text) == ["Intelligence Committee"]


def test_the_statement_after_a_statement_issued_by_a_spokesman_is_his(extractor) -> None:
    text = (
        "The Acme Trade Office released a statement issued by spokesman Carl Benning on Monday. "
        'The statement also said the office was "providing help to our farmers".'
    )
    assert _speakers(extractor, text) == ["Carl Benning"]


def test_a_subject_ending_at_a_comma_is_no_opening_phrase(extractor) -> None:
    text = (
        "Earlier the Valdorian Army made phone calls, using a recorded message, to warn "
        'residents. "Leave the area immediately," said the message.'
    )
    assert _speakers(extractor, text) == ["Valdorian Army"]


def test_a_state_that_goes_on_calling_something_a_name_is_not_quoted(extractor) -> None:
    text = (
        "Drones struck the port overnight. Moscow continues to call the war a "
        '"special military operation".'
    )
    assert _speakers(extractor, text) == []


def test_the_owner_of_a_noun_of_speech_speaks_its_quoted_content(extractor) -> None:
    declaration = (
        "The protest follows Mr Rajovic's January 31 declaration that he would "
        '"run all national affairs" of the country.'
    )
    plea = (
        "The statement comes after a plea by Tom Adams in April for the group to "
        '"take courageous initiatives which will achieve its aims".'
    )
    pledge = (
        "Tom Reeve spoke on Monday, repeating his pledge to "
        '"cut the deficit by half within four years".'
    )
    assert _speakers(extractor, declaration) == ["Rajovic"]
    assert _speakers(extractor, plea) == ["Tom Adams"]
    assert _speakers(extractor, pledge) == ["Tom Reeve"]


def test_a_claim_by_people_left_unnamed_has_no_speaker(extractor) -> None:
    text = (
        "Critics mocked the claim by European leaders that "
        '"states bailed out with taxpayers\' money will recover".'
    )
    assert _speakers(extractor, text) == [None]


def test_the_subject_who_left_a_farewell_speaks_the_quote_after_it(extractor) -> None:
    text = (
        "In part of his resignation, Tom Reeve left this farewell, "
        '"I have made some of the best friends of my life at Acme, and I thank you all."'
    )
    assert _speakers(extractor, text) == ["Tom Reeve"]


def test_the_one_an_outlet_reports_as_saying_speaks(extractor) -> None:
    text = (
        "The base adopted the new gate system in May.\n\n"
        '"What happened at the other base is that base\'s issue," the Harbor Gazette reported '
        "the base spokesman, Tom McCollum, as saying in June."
    )
    assert _speakers(extractor, text) == ["Tom McCollum"]
