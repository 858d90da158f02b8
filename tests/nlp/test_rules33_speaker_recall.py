"""Rules-33 classes of named speakers the rules missed on the development sets (round 31's tally
of 140 quotes with no or a wrong speaker), each pinned by invented sentences. A written text
speaks for the issuer its own noun phrase names, when the text is the subject of the clause
reporting the quotation: "a Kestrel Housing Council report issued Thursday that found, “…”", "an
Instruction issued in October by the Ministry of Roads that states, “…”", "That Directive, from
the Harbour Authority, says in part, “…”", and a statement named before as "posted on an Acme
Industries website" when "the statement" speaks later (all nobody's before). A quotation in the
sentence right after an attributed one, in the same paragraph, whose sentence has no verb of
speech and names no one else, goes on in the same words ("Costello proposed to “…”. The core of
the plan is the “…”" was nobody's)."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_a_report_named_with_its_issuer_speaks_for_it_through_a_relative_clause(
    extractor,
) -> None:
    text = (
        "The cabinet rejected a Kestrel Housing Council report issued Thursday that found, “the "
        "police have neither the capacity nor the will to finish the inquiry.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        (
            "the police have neither the capacity nor the will to finish the inquiry.",
            "Kestrel Housing Council",
        )
    ]


def test_a_text_issued_by_a_body_after_a_time_phrase_speaks_for_that_body(extractor) -> None:
    text = (
        "The rule comes from an Instruction issued in October last year by the Ministry of "
        "Roads that states, “Check every lorry at the border before it enters the port.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Check every lorry at the border before it enters the port.", "Ministry of Roads")
    ]


def test_a_text_from_a_body_set_off_by_commas_speaks_for_that_body(extractor) -> None:
    text = (
        "That Directive, from the Harbour Authority, says in part, “Ships must report their "
        "cargo two days before they arrive.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Ships must report their cargo two days before they arrive.", "Harbour Authority")
    ]


def test_a_statement_posted_on_a_bodys_website_is_that_bodys_when_it_speaks_later(
    extractor,
) -> None:
    text = (
        "In a statement posted on an Acme Industries website, workers claim responsibility "
        "for the strike.\n\n“We say to the owners that the plant is ours just like its land,” "
        "said the statement."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("We say to the owners that the plant is ours just like its land,", "Acme Industries")
    ]


def test_a_text_whose_phrase_names_a_person_or_no_one_names_no_issuer(
    extractor,
) -> None:
    person = (
        "The cabinet rejected the Moss report issued Thursday that found, “the police have "
        "neither the capacity nor the will to finish the inquiry.”"
    )
    nobody = (
        "The cabinet rejected a report issued Thursday that found, “the police have neither "
        "the capacity nor the will to finish the inquiry.”"
    )
    assert quotes_and_speakers(extractor, person)[0][1] is None
    assert quotes_and_speakers(extractor, nobody)[0][1] is None


def test_a_quotation_in_the_next_sentence_with_no_verb_and_no_one_else_goes_on(extractor) -> None:
    text = (
        "Treasurer Peter Costello delivered the budget on Tuesday. On superannuation, Costello "
        "proposed to “sweep away the current raft of complexity” and “increase retirement "
        "incomes for everyone”. The core of the plan is the “proposal to exempt Australians "
        "over 60 from any tax” on such savings."
    )
    assert quotes_and_speakers(extractor, text)[-1] == (
        "proposal to exempt Australians over 60 from any tax",
        "Peter Costello",
    )


def test_words_do_not_go_on_past_a_paragraph_a_sentence_another_name_or_a_pronoun(
    extractor,
) -> None:
    said = "“The land is ours to use as we see fit, and we will,” said Ann Moss."
    plan = "“a big step for the whole town and for everyone who lives in it”."
    texts = [
        f"{said}\n\nThe plan is {plan}",
        f"{said} Tickets sold out. The plan is {plan}",
        f"{said} The plan of Jo Reid is {plan}",
        f"{said} They hope the plan is {plan}",
    ]
    for text in texts:
        assert quotes_and_speakers(extractor, text)[-1][1] is None, text
    assert quotes_and_speakers(extractor, f"{said} The plan is {plan}")[-1][1] == "Ann Moss"


def test_words_go_on_past_the_outlet_told_and_a_place_that_is_no_subject(extractor) -> None:
    told = (
        "With “Abe, I wanted to go for accuracy over comfort,” Ann Moss told the Kestrel "
        "Gazette, a choice that left her helpless. The costume “is very warm, so I have to "
        "stay hydrated all day long”."
    )
    place = (
        "“We are not talking about any talks until the violence stops,” Ann Moss has said. "
        "Until that happens, there “was not any hope at all” of progress in Northern Ireland."
    )
    opening = (
        "“We are not talking about any talks until the violence stops,” Ann Moss has said. "
        "Ireland is “not ready for any talks at all this year” on the border."
    )
    assert quotes_and_speakers(extractor, told)[-1][1] == "Ann Moss"
    assert quotes_and_speakers(extractor, place)[-1][1] == "Ann Moss"
    assert quotes_and_speakers(extractor, opening)[-1][1] is None


def test_a_participle_after_comma_and_speaks_for_the_clause_subject_not_an_object(
    extractor,
) -> None:
    text = (
        "Prime Minister Ann Moss condemned the strikes on Monday. She restated the "
        "government's position, urging the Kestrel Workers Union to end the strike, and "
        "calling on Brightwell Ltd to cease its lockouts, terming them “disproportionate”."
    )
    named = (
        "Ann Moss met the union on Monday, urging the Kestrel Workers Union to end the "
        "strike, and calling the lockouts “disproportionate and cruel to every family here”."
    )
    assert quotes_and_speakers(extractor, text) == [("disproportionate", "Ann Moss")]
    assert quotes_and_speakers(extractor, named)[0][1] == "Ann Moss"
