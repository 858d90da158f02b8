"""Rules-36 classes of named speakers (round 34, read on the unannotated Wikinews articles),
each pinned by invented sentences. A verb after ", and" with no subject of its own shares the
clause's opening subject ("She alleged that the mill had broken its promise, and said the town
“…”"), when the clause names no one else who could be it. "Who" after an appositive that ends
in a place is the person it describes ("Martin Oakes, its consul in Chile, who wrote"),
and the stop of a name ("Harold Vance Jr.,") does not end the credit after a quotation."""

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
