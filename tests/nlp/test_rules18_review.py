"""Rules-18 changes reviewed on text nobody tuned on (issue 10): each wrong change found there is
narrowed, and pinned here by invented sentences."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def test_a_named_chair_after_the_keeps_the_person_with_a_middle_initial(extractor) -> None:
    text = "Her adviser is Lena Ostrova, the Walter J. Penrose Professor of History at Kelmouth."
    assert ("Walter J. Penrose", "PERSON") in _entities(extractor, text)
    text = "According to documents obtained by the Austin Courier-Ledger, the plan failed."
    assert not any(kind == "PERSON" for _, kind in _entities(extractor, text))


def test_a_government_inside_a_programmes_name_is_no_organisation(extractor) -> None:
    text = "Since 1990 the Australian Government (Mombusho) Scholarship program has paid for it."
    found = _entities(extractor, text)
    assert ("Australian Government", "ORG") not in found
    assert ("Australian", "GROUP") in found
    found = _entities(extractor, "The Australian Government (the Commonwealth) said it would pay.")
    assert ("Australian Government", "ORG") in found


def test_a_capitalised_word_after_a_bare_plural_of_kinship_needs_a_names_ending(extractor) -> None:
    found = _entities(
        extractor,
        "Ways to help: Bringing toys to sick children Creating art for care homes "
        "Feeding women and children Painting murals downtown. Orrow is survived by wife "
        "Tamsin. His love for children Berek and Ulmo was plain.",
    )
    people = {name for name, kind in found if kind == "PERSON"}
    assert people - {"Orrow"} == {"Tamsin", "Berek", "Ulmo"}


def test_a_kind_of_company_or_network_names_no_organisation(extractor) -> None:
    text = (
        "The tool suits B2B and B2C companies best. Users get a Content Creator network "
        "for tips. Investors in the Nakheel and Limitless companies lost money."
    )
    orgs = {name for name, kind in _entities(extractor, text) if kind == "ORG"}
    assert orgs == {"Nakheel", "Limitless"}
