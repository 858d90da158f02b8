"""Rules-28 classes a user of the demo met (round 27, r27-nlpfix.md), each pinned by invented
sentences: a short quotation whose sentence opens with a role noun, the role's holder named
before."""

from __future__ import annotations

from extracted import quotes_and_speakers


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
