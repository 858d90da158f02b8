"""Rules-38 (round 36): a list of reactions credits each quotation after a colon, the person
and a description ending the item ("“We respect the ruling”: Ana Ruiz Ortega, former mayor of
Lima."), in paragraphs or inline after bullets; a colon and a name the sentence goes on after
is no such credit."""

from __future__ import annotations

from extracted import speakers


def test_each_item_of_a_reactions_list_is_its_credited_person(extractor) -> None:
    text = (
        "Reactions to the ruling:\n\n"
        "“We respect the ruling of the court”: Ana Ruiz Ortega, former mayor of Lima.\n\n"
        "“It is a sad day for the country”: Tomas Herrera Vidal, senator."
    )
    assert speakers(extractor, text) == ["Ana Ruiz Ortega", "Tomas Herrera Vidal"]


def test_inline_bullets_of_a_reactions_list_are_credited_too(extractor) -> None:
    text = (
        "Reactions: *“We respect the ruling of the court”: Ana Ruiz Ortega, former mayor of "
        "Lima. *“It is a sad day for the country”: Tomas Herrera Vidal, senator."
    )
    assert speakers(extractor, text) == ["Ana Ruiz Ortega", "Tomas Herrera Vidal"]


def test_a_colon_and_a_name_the_paragraph_goes_on_after_is_no_credit(extractor) -> None:
    text = "“We will march again next week”: Ana Ruiz Ortega. Then the crowd sang."
    assert speakers(extractor, text) == [None]
