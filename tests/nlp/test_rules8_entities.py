"""Entity error classes found on fresh real reporting (issue 10, rules-8: Wikinews articles of
2005-2018, dev4 and bulk reading). Each class is pinned by invented examples."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


# A currency written with its country's code is money, not a mention of the country.
def test_a_currency_code_before_a_dollar_sign_names_no_place(extractor) -> None:
    text = "The fund lent US$2.4 billion to Kenya, NZ$300,000 to Fiji and HK$5 million to Laos."
    found = _entities(extractor, text)
    assert {("Kenya", "PLACE"), ("Fiji", "PLACE"), ("Laos", "PLACE")} <= found
    assert not {name for name, _ in found} & {"US", "United States", "NZ", "HK"}


def test_the_country_named_elsewhere_in_the_article_stays_a_place(extractor) -> None:
    text = "The US embassy paid US$900 for the repairs in Quito."
    assert ("US", "PLACE") in _entities(extractor, text)


# A known name with a lower-case particle ("al-") is the same name capitalised.
def test_a_capitalised_particle_finds_the_known_organisation(extractor) -> None:
    text = "The attack was claimed by Al-Qaeda. Officials said al-Qaeda had planned it for months."
    found = _entities(extractor, text)
    assert ("al-Qaeda", "ORG") in found
    assert not any(kind == "PERSON" for _, kind in found)


# "the <role> of <Body>, <Name>," names the person holding the role, not the body again.
def test_the_officer_of_a_body_named_after_a_comma_is_a_person(extractor) -> None:
    text = (
        "The president of the Nordic Investment Bank, Jean-Luc Marchetti, said that "
        '"the rates will not recover soon."'
    )
    found = _entities(extractor, text)
    assert ("Jean-Luc Marchetti", "PERSON") in found
    assert ("Nordic Investment Bank", "ORG") in found


def test_a_body_renamed_after_a_comma_is_still_a_body(extractor) -> None:
    text = "The national mining commission, Minacor, said output fell."
    assert ("Minacor", "ORG") in _entities(extractor, text)


# "<Name>, <place> <role>," describes a person from that place, not a place inside it.
def test_a_name_before_a_country_and_a_role_is_a_person(extractor) -> None:
    text = 'After the match, Ruben Dario Salcedo, Ecuador coach, said, "We learned a lot."'
    found = _entities(extractor, text)
    assert ("Ruben Dario Salcedo", "PERSON") in found
    assert ("Ecuador", "PLACE") in found


def test_a_town_before_its_region_stays_a_place(extractor) -> None:
    text = "The march went through Wexley, South London, on Sunday."
    assert ("Wexley", "PLACE") in _entities(extractor, text)
