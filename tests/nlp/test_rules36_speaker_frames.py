"""Rules-36 classes of named speakers (round 34, read on the unannotated Wikinews articles),
each pinned by invented sentences. A verb after ", and" with no subject of its own shares the
clause's opening subject ("She alleged that the mill had broken its promise, and said the town
“…”"), when the clause names no one else who could be it. "Who" after an appositive that ends
in a place is the person it describes ("Martin Oakes, its consul in Chile, who wrote"),
and the stop of a name ("Harold Vance Jr.,") does not end the credit after a quotation. Verbs
of making plain and of shouting ("clarified that", "indicated that", "yelled") attribute, so do
"gave her feelings on X," and "states X" splitting a quotation. A quotation after a sentence
that opens with "he"/"she" is that person's however long the words before its first comma, and
a possessor that describes the sentence's subject ("Clara Vos, Brandt's former teacher,") does
not stop the subject from speaking. A company's "Co." after its name does not end the credit
after a quotation, and a fragment after an "according to X" aside is X's."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_a_verb_after_comma_and_shares_the_pronoun_subject_of_the_clause(extractor) -> None:
    text = (
        "Mayor Odile Ferrand spoke to the council on Tuesday. She alleged that the Harwick "
        "Paper Company had broken its promise, and said the town “will not be treated as a "
        "dumping ground”."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("will not be treated as a dumping ground", "Odile Ferrand")
    ]


def test_a_verb_after_comma_and_shares_the_named_subject_of_the_clause(extractor) -> None:
    text = (
        "Fisheries Minister Tobias Lindqvist has agreed to meet the unions before he leaves "
        "office, and has vowed to “fight for every boat in the fleet”."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("fight for every boat in the fleet", "Tobias Lindqvist")
    ]


def test_a_possessor_opening_the_clause_does_not_take_the_verb_after_comma_and(
    extractor,
) -> None:
    text = (
        "The court ruled against Peter Marsh on Monday. But Marsh's lawyer called the ruling "
        "harsh, and said the sentence “will not stand”."
    )
    assert quotes_and_speakers(extractor, text) == [("will not stand", None)]


def test_who_after_an_appositive_ending_in_a_place_is_the_person_described(extractor) -> None:
    text = (
        "The warning came from Martin Oakes, its consul in Chile, who wrote in a memo "
        "that the port was “close to a standstill”."
    )
    assert quotes_and_speakers(extractor, text) == [("close to a standstill", "Martin Oakes")]


def test_the_stop_of_a_name_does_not_end_the_credit_after_a_quote(extractor) -> None:
    text = (
        "The dock workers met on Friday. “We will not load another ship,” the union "
        "president, Harold Vance Jr., told reporters."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("We will not load another ship,", "Harold Vance Jr.")
    ]


def test_a_clarified_or_indicated_clause_is_its_subjects(extractor) -> None:
    text = (
        "The ferry link was closed for a week. Harbour spokeswoman Edda Paulsen clarified that "
        "the company was “in talks with the coastguard”. Captain Bram Hollis indicated that "
        "the crews were “ready to sail”."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("in talks with the coastguard", "Edda Paulsen"),
        ("ready to sail", "Bram Hollis"),
    ]


def test_a_shout_after_the_quote_is_the_shouters(extractor) -> None:
    text = "The vote ended in uproar. “You should all resign!” yelled Senator Marta Quell."
    assert quotes_and_speakers(extractor, text) == [("You should all resign!", "Marta Quell")]


def test_a_response_given_before_the_quote_is_the_givers(extractor) -> None:
    text = (
        "Mayor Tobias Holm of Dunmore announced his retirement. Council leader Ruth Ellery "
        "also gave her feelings on Holm, “He held this town together for twenty years.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("He held this town together for twenty years.", "Ruth Ellery")
    ]


def test_a_quote_after_a_pronoun_led_sentence_with_a_long_first_clause_is_its_subjects(
    extractor,
) -> None:
    text = (
        "Lena Okafor, a buyer for the Delmar grain cooperative, criticised the new levy. She "
        "argued that in the grain trade, margins are barely four percent. “A levy "
        "of ten percent closes the market to us.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("A levy of ten percent closes the market to us.", "Lena Okafor")
    ]


def test_a_possessor_describing_the_subject_does_not_block_the_quote_after(extractor) -> None:
    text = (
        "The chemist Hugo Brandt won the medal on Monday. Clara Vos, Brandt's former teacher at "
        "the Utrecht institute, dismissed the rumours of a quarrel. “We have always been "
        "friends.”"
    )
    assert quotes_and_speakers(extractor, text) == [("We have always been friends.", "Clara Vos")]


def test_a_quote_split_by_states_and_a_relative_clause_goes_on_with_its_speaker(extractor) -> None:
    text = (
        "The fishermen filed their suit on Monday. “If we win,” states Ivo Brandauer who "
        "represents them, “every trawler owner will have to listen.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("If we win,", "Ivo Brandauer"),
        ("every trawler owner will have to listen.", "Ivo Brandauer"),
    ]


def test_a_companys_abbreviated_ending_does_not_end_the_credit_after_a_quote(extractor) -> None:
    text = (
        "Shares fell on Monday. “The levy is a warning to every trader,” Nora Lindqvist of "
        "Baltic Harbour Trading Co. told reporters. “Nobody will stop buying.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("The levy is a warning to every trader,", "Nora Lindqvist"),
        ("Nobody will stop buying.", "Nora Lindqvist"),
    ]


def test_a_fragment_after_an_according_to_aside_is_the_credited_persons(extractor) -> None:
    text = (
        "The new rules, according to Transport Minister Oskar Wendt, are meant to make the "
        "roads “safe for everyone”."
    )
    assert quotes_and_speakers(extractor, text) == [("safe for everyone", "Oskar Wendt")]
