"""Rules-21 speaker mechanisms, each pinned by invented sentences (no article text): whom a
shared surname, a role noun or a sentence's subject names (r20-speak.md)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_a_shared_surname_is_the_person_last_named_in_full_as_a_subject(extractor) -> None:
    text = (
        "The rebel leader Aslan Kadirov was killed last week. His son Ruslan Kadirov, aged 29, "
        "has emerged as the likely successor.\n\n"
        'Speaking at his home in Baku, Mr. Kadirov told the Reuters news agency "I will continue '
        "my father's work. I have friends abroad.\" He went on to describe the killing of his "
        'father as a "terrorist act" planned by the authorities.'
    )
    assert _speakers(extractor, text) == ["Ruslan Kadirov", "Ruslan Kadirov"]


def test_a_relative_named_after_the_subject_does_not_take_the_surname(extractor) -> None:
    text = (
        "Lena Marsh runs a bakery in Leeds. Marsh opened it in 2019 with money from her "
        "brother, Tom Marsh.\n\n"
        '"We bake every night," Marsh said.'
    )
    assert _speakers(extractor, text) == ["Lena Marsh"]


def test_a_relative_in_an_appositive_does_not_take_the_surname(extractor) -> None:
    text = (
        "Marco Delgado, the brother of the country's leader, Pablo Delgado, asked for new talks "
        'on Monday.\n\n"We are ready to sit at the table," Delgado said.'
    )
    assert _speakers(extractor, text) == ["Marco Delgado"]


def test_a_relative_who_becomes_the_subject_takes_the_surname_after_it(extractor) -> None:
    text = (
        "Lena Marsh runs a bakery in Leeds. Her brother Tom Marsh joined the business in 2021.\n\n"
        '"I had never baked a loaf before," Marsh said.'
    )
    assert _speakers(extractor, text) == ["Tom Marsh"]


def test_a_role_is_its_holders_not_the_one_who_questioned_its_holder(extractor) -> None:
    text = (
        "Treasurer Peter Castle spoke on Monday. Opposition leader Kim Bentley revealed in his "
        'question to the Treasurer that "some of his colleagues have said he was not a good '
        'choice for the board". The Treasurer responded that the "appointment was supported by '
        'all members of the cabinet".'
    )
    assert _speakers(extractor, text)[-1] == "Peter Castle"


def test_a_role_is_its_holders_not_the_one_who_attacked_its_holder(extractor) -> None:
    text = (
        "Science Minister Julia Crane opened the new reactor in March. Opposition spokeswoman Jo "
        "Mackay attacked the science minister over the leak.\n\n"
        "The science minister accused the opposition of a scare campaign against a facility that "
        'provides "a medical service for cancer patients across the country".'
    )
    assert _speakers(extractor, text) == ["Julia Crane"]


def test_a_name_set_beside_its_role_still_holds_it(extractor) -> None:
    text = (
        "The plan was drawn up by Peter Hallam, the Treasurer, last year.\n\n"
        '"We will not change course," the Treasurer said.'
    )
    assert _speakers(extractor, text) == ["Peter Hallam"]


def test_a_name_inside_an_appositive_chain_is_not_the_subject(extractor) -> None:
    text = (
        "Marco Delgado, the brother of the country's leader, Pablo Delgado and its defence "
        'minister, has asked that talks be reopened as long as the US "accepts that we are a '
        'country."'
    )
    assert _speakers(extractor, text) == ["Marco Delgado"]


def test_a_role_and_body_set_off_by_commas_describe_the_name_before_them(extractor) -> None:
    text = (
        'Anna Berg, Chairman, Trade Appeals Body, said: "The system settles disputes quickly. '
        'Lawyers play a growing role in it."'
    )
    assert _speakers(extractor, text) == ["Anna Berg"]


def test_a_name_in_an_opening_phrase_does_not_open_an_appositive_chain(extractor) -> None:
    text = (
        'After meeting Ann Reid, the head of Acme Mining, Jo Lee said: "We found common ground '
        'on the mine and on the jobs."'
    )
    assert _speakers(extractor, text) == ["Jo Lee"]


def test_revealing_in_a_question_that_credits_the_one_who_asked(extractor) -> None:
    text = (
        'Opposition leader Kim Bentley revealed in his question to the minister that "some of '
        'his own colleagues have privately said the choice was a poor one".'
    )
    assert _speakers(extractor, text) == ["Kim Bentley"]


def test_fragments_of_a_clause_someone_revealed_are_that_persons_words(extractor) -> None:
    text = (
        "Wayne Sutton asked about the donations on Monday. Later Sutton revealed that the "
        'company "and its corporate vehicles" had been "substantial donors" to the party.'
    )
    assert _speakers(extractor, text) == ["Wayne Sutton", "Wayne Sutton"]


def test_what_tests_revealed_in_a_reported_clause_is_the_reporters_credit(extractor) -> None:
    text = (
        "Aviation chief Budi Santosa said the airline would be grounded. He said that the "
        'inquiry into the crash had revealed "the pilot had no idea what to do in an emergency."'
    )
    assert _speakers(extractor, text) == ["Budi Santosa"]


def test_a_dotted_rank_before_the_name_does_not_end_the_credit(extractor) -> None:
    text = (
        "Dunn took questions from troops in a tent.\n\n"
        '"From where we stand, we see few gains," Marine Cpl. Brad Wills told Dunn.\n\n'
        '"It is hard work out here," said Pvt. Ann Reid.'
    )
    assert _speakers(extractor, text) == ["Brad Wills", "Ann Reid"]


def test_a_name_in_a_dash_aside_does_not_share_the_sentence_before_a_quote(extractor) -> None:
    text = (
        "Founder Adam Sukarno - whose family owns half the airline alongside Sandra Liem - "
        'commented today that the dispute had demoralised pilots. "That in turn would affect '
        'their performance. It is very dangerous."'
    )
    assert _speakers(extractor, text) == ["Adam Sukarno"]


def test_a_speech_participle_opening_a_sentence_goes_on_the_sentence_before(extractor) -> None:
    text = (
        "Ivan Petrov supports a strong state that avoids the disarray of the past. Saying, "
        '"First and foremost, the fall of the union was a catastrophe." He wants stronger courts.'
    )
    assert _speakers(extractor, text) == ["Ivan Petrov"]


def test_a_speech_participle_opening_a_paragraph_takes_no_one_from_the_one_before(
    extractor,
) -> None:
    text = (
        "Ivan Petrov supports a strong state.\n\n"
        'Saying, "First and foremost, the fall of the union was a catastrophe."'
    )
    assert _speakers(extractor, text) == [None]
