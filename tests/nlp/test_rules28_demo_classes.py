"""Rules-28 classes a user of the demo met (round 27, r27-nlpfix.md), each pinned by invented
sentences: a short quotation whose sentence opens with a role noun, a month glued to the name
after it, a broadcaster's "… Channel" typed as a strait, a "House of Assembly" cut to its last
word."""

from __future__ import annotations

from extracted import entity_names, quotes_and_speakers, type_by_name


def test_a_short_quote_after_a_role_and_a_colon_is_the_roles_holders(extractor) -> None:
    text = (
        "Health Minister Nomsa Dube announced the new rules on Monday in Durban. "
        "The minister said: “Stay home”."
    )
    assert quotes_and_speakers(extractor, text) == [("Stay home", "Nomsa Dube")]
    # a role no one is named in: no speaker to give
    unheld = "The health ministry issued new rules on Monday. The minister said: “Stay home”."
    assert quotes_and_speakers(extractor, unheld) == [("Stay home", None)]


def test_a_fragment_a_role_noun_vows_is_the_roles_holders(extractor) -> None:
    text = (
        "Mayor Carla Benn answered the council's ruling on Twitter. The mayor vowed to keep "
        'fighting "the good fight" in court.'
    )
    assert quotes_and_speakers(extractor, text) == [("the good fight", "Carla Benn")]


def test_a_month_after_in_or_a_day_is_no_part_of_the_name_after_it(extractor) -> None:
    text = (
        "Harbour Freight Corp. lost money last year. In February Harbour Freight Corp bought "
        "a rival in Ohio. On 12 March Senator Ann Lee asked about the deal. In May I wrote to "
        "the company."
    )
    found = entity_names(extractor, text)
    assert not {n for n in found if n.split()[0] in ("February", "March", "May")}, found
    assert {"Harbour Freight Corp", "Ann Lee"} <= found


def test_a_channel_after_a_genre_or_letters_is_a_broadcaster_not_a_strait(extractor) -> None:
    text = (
        "Ann Lee told the Kestrel News Channel on Monday that the ferry had left Dover. The "
        "crossing was shown live on the KBTV Channel. The ferry crossed the English Channel "
        "in a storm."
    )
    types = type_by_name(extractor, text)
    assert types["Kestrel News Channel"] == "ORG"
    assert types["KBTV Channel"] == "ORG"
    assert types["English Channel"] == "PLACE"


def test_a_house_of_an_assembly_is_one_chamber_not_its_last_word(extractor) -> None:
    text = (
        "The bill was passed by the House of Assembly in Bridgetown on Monday, and the Senate "
        "will vote on it in May."
    )
    names = entity_names(extractor, text)
    assert "House of Assembly" in names
    assert "Assembly" not in names
