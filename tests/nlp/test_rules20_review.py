"""Rules-20 changes reviewed on text nobody tuned on (issue 10): each wrong change found there is
narrowed, and pinned here by invented sentences."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def test_a_name_used_before_its_two_word_heading_keeps_its_own_name(extractor) -> None:
    text = (
        "The software firm Quillora launched in 2019 and Quillora now serves 9,000 firms.\n\n"
        "Quillora Review – the planner for small teams\n\nWe used Quillora for a month.\n\n"
        "You can read our full Quillora Review\n\nSo which planner is best?"
    )
    found = _entities(extractor, text)
    assert ("Quillora", "ORG") in found  # not all named by the heading 'Quillora Review'
    text = (
        "The software firm Quillora Foods launched in 2019 and Quillora now serves 9,000 firms, "
        "said Quillora."
    )
    assert _entities(extractor, text) == {("Quillora Foods", "ORG")}  # not a heading: one firm


def test_two_listed_firms_run_together_stay_a_firm_though_the_last_ends_in_street(
    extractor,
) -> None:
    text = (
        "Firms such as Corvane, Tillmark and Ashby Street, often called the big three, are "
        "among the largest lenders."
    )
    assert not any(kind == "PLACE" for _, kind in _entities(extractor, text))
    text = "Businesses such as Kelmouth Market, Harbour Street and Old Town suffered."
    assert ("Harbour Street", "PLACE") in _entities(extractor, text)


def test_a_name_after_a_comma_that_ends_a_place_phrase_is_no_listed_place(extractor) -> None:
    text = "Far to the south, in the hill villages of Tarrowmere, Ossian Kell leads the defence."
    assert ("Ossian Kell", "PLACE") not in _entities(extractor, text)
    text = "The storm hit towns around Kelmouth, including Brastow, Pellam and Norrick."
    assert {("Brastow", "PLACE"), ("Pellam", "PLACE"), ("Norrick", "PLACE")} <= _entities(
        extractor, text
    )


def test_title_case_on_words_the_text_writes_in_lower_case_names_no_company(extractor) -> None:
    text = (
        "Clients now buy software and consulting from one vendor.\n\n"
        "2. The Convergence of Software and Consulting\n\nAs the sector matures, it is clear."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))
    text = "Shares in Trallen Foods rose after the bakery chain bought more milk and software."
    assert ("Trallen Foods", "ORG") in _entities(extractor, text)


def test_a_headings_verb_before_a_name_joins_no_person_to_it(extractor) -> None:
    text = (
        "You can use Quillmark for free.\n\nWhy Use Quillmark?\n\n"
        "Quillmark, who ships weekly, said the plan is cheap."
    )
    assert not any(name.startswith("Use ") for name, _ in _entities(extractor, text))
    text = "Kent Orvind's plan was clear. Orvind, whose firm is small, said so."
    assert ("Kent Orvind", "PERSON") in _entities(extractor, text)


def test_a_shouted_clause_after_a_bodys_noun_and_a_comma_is_no_body(extractor) -> None:
    text = (
        "WE LIKED THE WATCHES IN OUR TEST GROUP, EACH PERFORMING WELL ACROSS THE PRICE RANGES. "
        "ALL HAVE GPS NOW."
    )
    assert not any(kind == "ORG" for _, kind in _entities(extractor, text))
    text = "He gave the tape to the weekly newspaper, Kelmouth Courier. It ran the story."
    assert ("Kelmouth Courier", "ORG") in _entities(extractor, text)


def test_whom_a_heading_is_for_is_no_company(extractor) -> None:
    text = (
        "9. Tamsoft — Best for Brellan & Quorvex Stores\n\n"
        "Tamsoft is a mail tool that links to shop platforms."
    )
    assert not any(name.endswith("Stores") for name, _ in _entities(extractor, text))
    assert ("Trallen Foods", "ORG") in _entities(extractor, "The deal was good for Trallen Foods.")
