"""Round 37 organisation spans (helper orgmiss): a company's legal form written right after its
name with no comma ("Statoil ASA", "ITV plc", "Finnair Oyj") ends the name. A known firm's name
stopped before it: the form was dropped ("plc", "Oyj") or made a body of its own ("NV", "ASA").
The firm named again by its short name is the same company; the forms alone stay what they
were ("the SPA", an alliance), and "SA" after a people's word is no legal form."""

from __future__ import annotations

from extracted import type_by_name


def test_a_known_firm_keeps_its_legal_form(extractor) -> None:
    types = type_by_name(extractor, "Shares of Nokia Oyj fell after the chief executive left.")
    assert types == {"Nokia Oyj": "ORG"}
    types = type_by_name(
        extractor, "Ericsson AB will close two plants in Sweden, ITV plc reported."
    )
    assert types["Ericsson AB"] == "ORG" and types["ITV plc"] == "ORG"
    assert "Ericsson" not in types and "ITV" not in types


def test_a_legal_form_is_no_body_of_its_own(extractor) -> None:
    types = type_by_name(
        extractor, "Heineken NV's profit rose, and Unilever plc raised its dividend."
    )
    assert types == {"Heineken NV": "ORG", "Unilever plc": "ORG"}


def test_the_short_name_after_the_full_one_is_the_same_firm(extractor) -> None:
    text = (
        "The Spanish bank Santander SA bought a stake in the British lender last year. "
        "Santander said it was pleased."
    )
    types = type_by_name(extractor, text)
    assert types["Santander SA"] == "ORG" and "Santander" not in types


def test_the_forms_alone_and_a_branch_are_left_as_they_were(extractor) -> None:
    text = "The ruling alliance (SPA) met the rebels. The SPA said talks went well."
    assert type_by_name(extractor, text) == {"SPA": "ORG"}
    text = "Voters backed the Australian Democrats SA branch at the state poll."
    assert type_by_name(extractor, text) == {"Australian Democrats": "ORG"}
