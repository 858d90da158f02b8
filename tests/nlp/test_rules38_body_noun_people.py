"""Rules-38 organisations typed wrong (round 36): people after a body's noun.

"camera operator Doug Vogt" and "publisher Sebastian Kadas" were organisations: a name right after
a noun of ORG_NOUNS is a body ("the carmaker Ladon Motors"), but "operator", "publisher" and
"miner" are a person's trade too, so a given name and a plain surname after them are a person. So
is a given name and a surname after any body's noun, with or without a comma, when the article
writes the surname alone elsewhere ("the Ledger newspaper, Ann Pell, … Pell wrote")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_given_name_after_a_trade_that_is_also_a_body_is_a_person(extractor) -> None:
    text = "Sound operator Tomas Brevik was hurt when the convoy was hit near the border."
    assert type_by_name(extractor, text)["Tomas Brevik"] == "PERSON"
    text = "The magazine's publisher Marcus Tillery explained the merger to the staff on Monday."
    assert type_by_name(extractor, text)["Marcus Tillery"] == "PERSON"


def test_a_surname_written_alone_makes_the_name_after_a_body_noun_a_person(extractor) -> None:
    text = (
        "The row split the coalition Walter Brennick had led for a decade. "
        "Brennick denied that he had lost control of it."
    )
    assert type_by_name(extractor, text)["Walter Brennick"] == "PERSON"
    text = (
        "Writing in the Harbour Ledger newspaper, Ann Pellow, a former minister, backed the plan. "
        "Pellow has long argued for a new port."
    )
    assert type_by_name(extractor, text)["Ann Pellow"] == "PERSON"


def test_a_body_named_after_a_person_stays_a_body(extractor) -> None:
    text = "Passengers of the budget carrier Adam Air were stranded at the airport."
    assert type_by_name(extractor, text)["Adam Air"] == "ORG"
    text = "The national copper commission, Cochilco, said output would fall."
    assert type_by_name(extractor, text)["Cochilco"] == "ORG"


def test_a_name_between_commas_after_a_body_then_said_or_a_role_is_a_person(extractor) -> None:
    text = (
        "A spokeswoman for the Harbour Licensing Board, Marika Oddvar-Lunde, said stores may sell."
    )
    assert type_by_name(extractor, text)["Marika Oddvar-Lunde"] == "PERSON"
    text = (
        "In a letter to the broadcaster, Helen Varrow, the station's news editor, "
        "was said to be furious."
    )
    assert type_by_name(extractor, text)["Helen Varrow"] == "PERSON"
