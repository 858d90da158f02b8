"""Round 39 organisations typed wrong: bodies known worldwide that carry no telling word, where
round 38's lists were thin (agencies, parliaments, police and central banks of Europe, Asia,
Africa and Latin America; outlets, parties and armed groups; firms, airlines and clubs) were no
entity, a person after a speech verb, a place or a people's word: the hand-written list holds
them now."""

from __future__ import annotations

import pytest
from extracted import type_by_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Monday, Bundesbank said inflation would ease.", "Bundesbank"),
        ("Officers of the Guardia Civil searched the flat in Bilbao.", "Guardia Civil"),
        ("The Eduskunta passed the budget on Friday.", "Eduskunta"),
        ("Supporters of Thai Rak Thai marched on the ministry.", "Thai Rak Thai"),
        ("On Tuesday, Eskom said the outages would end soon.", "Eskom"),
        ("Fighters of Ahrar al-Sham took the village.", "Ahrar al-Sham"),
        ("Readers of Aftenposten were asked to vote online.", "Aftenposten"),
        ("A spokesman said LeT had no role in the attack.", "LeT"),
        ("The claims were denied by Comelec on Wednesday.", "Comelec"),
        ("On Thursday, Tim Hortons said it would open forty shops.", "Tim Hortons"),
        ("Shares of Petronas rose after the report.", "Petronas"),
        ("Fans of Leicester City queued for tickets.", "Leicester City"),
        ("Police said Lashkar-e-Tayyiba had planned the attack.", "Lashkar-e-Tayyiba"),
        ("Fighters of Hizb-ul-Mujahideen crossed the line.", "Hizb-ul-Mujahideen"),
        ("Members of the Sons of Iraq manned the checkpoint.", "Sons of Iraq"),
        ("On Monday, Kaiser Permanente said premiums would rise.", "Kaiser Permanente"),
        ("Shoppers queued outside Debenhams in Leeds.", "Debenhams"),
        ("Workers at Dacia went on strike.", "Dacia"),
        ("On Sunday, Rudaw said the talks had stalled.", "Rudaw"),
        ("The Storting voted to extend the mission.", "Storting"),
        # round 40: a body of musicians by its head word, Arabic's "ad-" inside a name, a
        # listed body opening with a possessive
        ("The Lord's Resistance Army attacked villages.", "Lord's Resistance Army"),
        # round 40: a body's own adjective opening a sentence before a known name inside it
        (
            "International Labour Organization officials said the report was wrong.",
            "International Labour Organization",
        ),
        ("Federal Bureau of Investigation agents arrested him.", "Federal Bureau of Investigation"),
        ("On Monday, Sonatrach said exports would rise.", "Sonatrach"),
        ("The Rada voted to dismiss the minister.", "Rada"),
        ("Fighters of Jaysh al-Islam shelled the city.", "Jaysh al-Islam"),
        ("Leaders of the G-8 met in Scotland.", "G-8"),  # an alias of G8
        ("The board of Cricket South Africa met.", "Cricket South Africa"),
        ("The Vienna Philharmonic Orchestra played in Tokyo.", "Vienna Philharmonic Orchestra"),
        (
            "Fighters of the Izz ad-Din al-Qassam Brigades fired rockets.",
            "Izz ad-Din al-Qassam Brigades",
        ),
    ],
)
def test_a_listed_body_without_a_telling_word_is_an_organisation(extractor, text, name) -> None:
    assert type_by_name(extractor, text).get(name) == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        (
            "The two leaders met Norwegian Air Shuttle staff in Oslo.",
            "Norwegian Air Shuttle",
            "GROUP",
        ),
        ("Rates were cut by Banca d'Italia in June.", "Banca d'Italia", "PERSON"),
        ("Ratings from Arbitron fell in the spring.", "Arbitron", "PLACE"),
        # round 41: the four North American leagues' teams under their full names
        ("The Utah Jazz lost at home on Monday.", "Utah Jazz", "PERSON"),
        ("Fans of the Oklahoma City Thunder cheered.", "Oklahoma City Thunder", "PLACE"),
        # round 40
        (
            "Major League Baseball said the season would start in April.",
            "Major League Baseball",
            "PERSON",
        ),
        ("Exxon Mobil said profits rose.", "Exxon Mobil", "PERSON"),
        ("Booz Allen said the contract was signed.", "Booz Allen", "PERSON"),
        ("Janatha Vimukthi Peramuna said it would quit.", "Janatha Vimukthi Peramuna", "PERSON"),
        ("A column in People's Daily said so.", "People's Daily", "PERSON"),
        ("Yulia Tymoshenko Bloc said it would quit.", "Yulia Tymoshenko Bloc", "PERSON"),
        ("Leaders of Democratic Rally met on Monday.", "Democratic Rally", "GROUP"),
        ("An article in Scientific American said so.", "Scientific American", "GROUP"),
        ("Adult Swim announced the show would return.", "Adult Swim", "PERSON"),
        ("He was chair of the Congressional Black Caucus.", "Congressional Black Caucus", "PERSON"),
        # not listed: a coined name ending in a word is a firm's or a site's
        ('It met with what WalesOnline called "fury" from locals.', "WalesOnline", "PERSON"),
        (
            "It was done by a group at four universities called FurScience, a pin social.",
            "FurScience",
            "PERSON",
        ),
        (
            "The report was published by Economic Community of West African States.",
            "Economic Community of West African States",
            "GROUP",
        ),
    ],
)
def test_a_listed_or_coined_body_is_no_person_place_or_people(extractor, text, name, wrong) -> None:
    types = type_by_name(extractor, text)
    assert types.get(name) == "ORG" and wrong not in types.values()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The audit was led by Deloitte Touche Tohmatsu last year.", "Deloitte Touche Tohmatsu"),
        ("The editor of Berlingske Tidende apologised.", "Berlingske Tidende"),
        ("Flights of Lufthansa Cargo and Germanwings were cut.", "Lufthansa Cargo"),
        ("Shares of PSA Peugeot Citroën fell.", "PSA Peugeot Citroën"),
        ("The Federal Reserve System raised rates.", "Federal Reserve System"),
    ],
)
def test_a_body_listed_under_its_longer_name_stays_whole(extractor, text, name) -> None:
    """(Guards: listing the short names alone cut these in unannotated articles.)"""
    assert type_by_name(extractor, text).get(name) == "ORG"


def test_the_word_let_opening_a_sentence_is_no_armed_group(extractor) -> None:
    """(A guard: "LeT" is listed in its own casing only.)"""
    assert "Let" not in type_by_name(extractor, "Let the talks begin, the minister said.")
