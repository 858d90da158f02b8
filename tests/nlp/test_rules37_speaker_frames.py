"""Rules-37 classes of named speakers (round 35), each pinned by invented sentences. A verb right
after a determiner ("its promised reforms") is no verb of a credit after a quotation, so a
fragment before it is not given to the one "its" stands for; and a name right before the verb,
after "as", "when", "after" … that open a clause of its own ("… deepened as Chancellor Brandvold
accused Norway of “betraying” …"), is that verb's subject, not a body named earlier in the
sentence. A nameless inverted subject ("screamed protesters outside the office of Senator Ann
Lee", "yelled a man in the crowd where Mayor Lee spoke") is not the person that only places
it; "said a friend of Lee, Eddie Moss" is the name set off after it, and "said a spokesman for
Senator Lee" stays the senator's."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_a_verb_after_its_is_no_credit_of_the_fragment_before_it(extractor) -> None:
    text = (
        "A week before the Nordic Council summit, Chancellor Erik Brandvold accused Norway of "
        "“betraying” its promised reforms."
    )
    assert quotes_and_speakers(extractor, text) == [("betraying", "Erik Brandvold")]


def test_the_name_after_as_right_before_the_verb_is_its_subject(extractor) -> None:
    text = (
        "A week before the Nordic Council summit, a feud between Prime Minister Karin Holt of "
        "Norway and Chancellor Erik Brandvold deepened as Chancellor Brandvold accused Norway "
        "of “betraying” the talks."
    )
    assert quotes_and_speakers(extractor, text) == [("betraying", "Erik Brandvold")]


def test_a_crowd_placed_by_a_name_after_a_shout_is_no_named_speaker(extractor) -> None:
    text = "“Close the mine!” screamed miners outside the office of Senator Hal Brixton."
    assert quotes_and_speakers(extractor, text) == [("Close the mine!", None)]


def test_a_name_after_where_does_not_take_the_shout_of_a_man_in_the_crowd(extractor) -> None:
    text = "“Go back to Ottawa,” yelled a man in the hall where Mayor Lena Okafor spoke."
    assert quotes_and_speakers(extractor, text) == [("Go back to Ottawa,", None)]


def test_the_name_set_off_after_of_name_is_the_inverted_speaker(extractor) -> None:
    text = (
        "Premier Dale Hurst is recovering after surgery. “He was lucky to have a nurse nearby,” "
        "said a neighbour of Hurst, Gwen Tallis."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("He was lucky to have a nurse nearby,", "Gwen Tallis")
    ]


def test_a_spokesman_for_a_senator_still_gives_the_senator(extractor) -> None:
    text = "“The bill is dead,” said a spokesman for Senator Hal Brixton."
    assert quotes_and_speakers(extractor, text) == [("The bill is dead,", "Hal Brixton")]


def test_a_name_in_a_leading_span_of_time_clause_is_not_the_subject(extractor) -> None:
    text = (
        "A few days after Harwick Mining Corp bought Dalby Steel Ltd, the mayor of Dalby "
        "announced that he “will fight any closure of the plant.”"
    )
    assert quotes_and_speakers(extractor, text) == [("will fight any closure of the plant.", None)]


def test_a_relative_clause_in_brackets_after_a_quote_is_no_credit(extractor) -> None:
    text = (
        "Senator Oskar Tolle rose to speak. Senator Hal Brixton had accused Ida Vorn of "
        "hypocrisy, stating that Vorn had “broken every law in the state” and “every rule of "
        "the house” (which Tolle noted as a point of order as being hyperbole)."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("broken every law in the state", "Hal Brixton"),
        ("every rule of the house", "Hal Brixton"),
    ]


def test_said_and_a_dotted_title_opening_a_sentence_credit_the_quote_after(extractor) -> None:
    text = (
        "Mr. Tolle spoke of the accord on Monday. Said Mr. Tolle, “As we leave the valley, we "
        "are not leaving it ruined.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("As we leave the valley, we are not leaving it ruined.", "Tolle")
    ]
