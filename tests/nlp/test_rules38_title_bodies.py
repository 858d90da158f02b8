"""Rules-38 organisations typed wrong (round 36): a title's word opening a body's name.

"backed by the General Confederation of Labour" gave a person "Confederation of Labour": "General"
was read as a rank and the words after it as its holder's name. A body's head noun right after
the title, before "of" or "for", makes the whole a body's name, as a head noun ending the words
after a title already did ("General Motors Company")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_bodys_head_noun_and_of_after_general_name_a_body(extractor) -> None:
    text = "The march was backed by the General Federation of Dockers, which called a strike."
    types = type_by_name(extractor, text)
    assert types.get("General Federation of Dockers") == "ORG"
    assert "Federation of Dockers" not in types
    text = "Data from the General Administration for Fisheries showed catches fell by a third."
    assert type_by_name(extractor, text).get("General Administration for Fisheries") == "ORG"


def test_a_general_before_a_persons_name_stays_a_rank(extractor) -> None:
    text = "General Tomas Vedder of the Northern Command said the pass was closed."
    assert type_by_name(extractor, text).get("Tomas Vedder") == "PERSON"
