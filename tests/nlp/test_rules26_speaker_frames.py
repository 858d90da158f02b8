"""Rules-26 attribution frames around a quotation, found by reading unannotated open-pool
Wikinews text (round 25, r25-spkframe.md), each pinned by invented sentences (no article text)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_a_statement_on_a_bodys_website_is_the_bodys(extractor) -> None:
    text = (
        "Harbour Freight Corp. rejected the offer on Monday. A statement on the Harbour Freight "
        'Corp. web site said that the merger "would cost the port hundreds of jobs."'
    )
    assert _speakers(extractor, text) == ["Harbour Freight Corp"]


def test_a_statement_on_a_possessed_website_is_its_owners(extractor) -> None:
    text = (
        "The Valdorian Rail Authority closed two lines. A notice on the Valdorian Rail "
        'Authority\'s website says the closure "will last until the tunnels are repaired."'
    )
    assert _speakers(extractor, text) == ["Valdorian Rail Authority"]


def test_a_statement_by_a_named_person_speaks_for_that_person_not_the_one_worried_by_it(
    extractor,
) -> None:
    text = (
        "Karl Berg said he was alarmed by a statement by candidate Ann Moss in May that "
        '"we will never sign a treaty with them."'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_claim_by_a_body_is_the_bodys(extractor) -> None:
    text = (
        "Karl Berg rejected the claim by Harbour Freight Corp. that the merger "
        '"will create hundreds of jobs in the port."'
    )
    assert _speakers(extractor, text) == ["Harbour Freight Corp"]


def test_an_adverb_before_an_inverted_verb_keeps_the_name_after_it(extractor) -> None:
    text = '"The towers are not needed in this town!" angrily stated Mary Chen during the protest.'
    assert _speakers(extractor, text) == ["Mary Chen"]


def test_a_long_description_no_comma_closes_still_leaves_its_person_speaking(extractor) -> None:
    text = (
        '"I think the new hall is wonderful," Ann Moss, coordinator of the Harbour Studies '
        "Centre at the University of Valdoria in the old town told Reuters."
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_long_description_with_another_person_in_it_names_no_speaker(extractor) -> None:
    text = (
        '"I think the new hall is wonderful," Ann Moss, coordinator of the Harbour Studies '
        "Centre at the University of Valdoria while Karl Berg told Reuters."
    )
    assert _speakers(extractor, text) != ["Ann Moss"]


def test_in_his_speech_opens_the_words_of_the_one_his_stands_for(extractor) -> None:
    text = (
        "Governor Tom Reed spoke to the assembly on Sunday. In his speech to the assembly, "
        '"We will never give up the harbour. We will fight for it."'
    )
    assert _speakers(extractor, text) == ["Tom Reed"]


def test_a_report_released_by_a_body_finds_the_bodys_words(extractor) -> None:
    text = (
        "A report released by the Harbour Oversight Committee today found that the port "
        'authority had "used public money to run a campaign against its rivals."'
    )
    assert _speakers(extractor, text) == ["Harbour Oversight Committee"]


def test_a_statement_issued_by_a_country_points_out_the_countrys_words(extractor) -> None:
    text = (
        "A statement issued by Iceland in December pointed out that the nets are legal, and "
        'that "our boats have used them very sparingly."'
    )
    assert _speakers(extractor, text) == ["Iceland"]


def test_a_report_criticised_by_a_person_who_speaks_is_that_persons(extractor) -> None:
    text = (
        "The report by the Harbour Institute was criticised by Tom Reed, who said that it was "
        '"far too weak to be of any use."'
    )
    assert _speakers(extractor, text) == ["Tom Reed"]


def test_a_spokesman_who_made_a_statement_that_speaks(extractor) -> None:
    text = (
        "Spokesman Karl Berg made a statement that the new charter "
        '"sets out a balance of powers between the councils."'
    )
    assert _speakers(extractor, text) == ["Karl Berg"]


def test_went_on_to_state_is_a_verb_of_speech(extractor) -> None:
    text = (
        "Senator Ann Moss spoke next. She went on to state that the minister had "
        '"sold out every student in the country" with the bill.'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_bare_quote_after_a_sentence_a_partial_quote_left_open_is_the_same_speakers(
    extractor,
) -> None:
    text = (
        'The Harbour Board issued a statement which read, "We note the decision to apply" '
        'Resolution 12. "We therefore expect the ships to leave the bay at once."'
    )
    assert _speakers(extractor, text) == ["Harbour Board", "Harbour Board"]


def test_a_person_in_the_words_closing_the_sentence_stops_the_carry(extractor) -> None:
    text = (
        'The Harbour Board issued a statement which read, "We note the decision to apply" '
        'to Ann Moss. "We expect the ships to leave the bay at once."'
    )
    assert _speakers(extractor, text)[1] != "Harbour Board"


def test_a_lower_case_verb_after_a_quote_closed_by_its_stop_still_credits_it(extractor) -> None:
    text = (
        '"We are trying to find out when it started. Only a few people are involved." said '
        'Detective Inspector Karl Berg, adding that "we will find every one of them in time."'
    )
    assert _speakers(extractor, text) == ["Karl Berg", "Karl Berg"]


def test_a_capitalised_subject_after_a_stopped_quote_opens_a_new_sentence(extractor) -> None:
    text = (
        'Ann Moss spoke first. "The harbour must stay open to every ship." Karl Berg said, '
        '"We will close it at night from next week."'
    )
    assert _speakers(extractor, text)[1] == "Karl Berg"


def test_a_partial_quote_listed_after_and_with_a_comma_is_the_same_speakers(extractor) -> None:
    text = (
        "The talks, between himself and the harbour master Karl Berg, were described by Ann "
        'Moss as "very good talks" and, "very detailed and, I believe, also very useful."'
    )
    assert _speakers(extractor, text) == ["Ann Moss", "Ann Moss"]


def test_the_clause_after_but_gives_the_subject_of_its_coordinated_verb(extractor) -> None:
    text = (
        "Mayor Karl Berg promised to close the harbour slowly, but the Harbour Workers Union is "
        'calling Karl Berg\'s promise "empty" and demanded an "immediate and full closure".'
    )
    assert _speakers(extractor, text) == ["Harbour Workers Union", "Harbour Workers Union"]


def test_a_possessor_before_the_object_is_not_the_subject_of_and_said(extractor) -> None:
    text = (
        "Ann Moss's campaign manager Tom Reed called the reports wrong, but stated that once the "
        'count is reached, Moss would congratulate the winner and "call him the nominee".'
    )
    assert _speakers(extractor, text) == ["Tom Reed"]


def test_a_quote_closing_a_when_clause_is_not_the_main_clauses_speakers(extractor) -> None:
    text = (
        "Karl Berg said his care was poor. When an official said \"I'm not a doctor, but I "
        'think you are getting good care," he responded by saying "No, I am not. I lost my '
        'sight."'
    )
    assert _speakers(extractor, text) == [None, "Karl Berg"]
