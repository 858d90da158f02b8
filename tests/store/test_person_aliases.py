"""A person query finds the same person written with more or fewer middle names or initials,
whatever the case and accents ("Robert Mugabe" finds "Robert Gabriel Mugabe"), and not another
person who shares a first name or a surname (store.person_names)."""

from __future__ import annotations

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Entity, Mention, Quote
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query, speaker_keys
from newstui.store.person_names import same_person

PEOPLE = [
    "Robert Gabriel Mugabe",
    "Grace Mugabe",
    "Roberta Mugabe",
    "Robert Smith",
    "José Mourinho",
    "George H. W. Bush",
    "George W. Bush",
    "Martin Luther King Jr.",
]


@pytest.fixture
def library(tmp_path):
    """One article per person, each quoting that person (and naming them once)."""
    lib = Library.open(tmp_path / "p.db")
    feed = lib.register_source("https://a.example/feed", "A")
    texts = [f"{name} spoke. “We stay,” {name} said." for name in PEOPLE]
    lib.bulk_insert(
        feed,
        [Article(title=name, text=t, guid=name) for name, t in zip(PEOPLE, texts, strict=True)],
    )
    ids = {row.title: row.id for row in lib.articles(limit=None)}
    analyses = []
    for name, text in zip(PEOPLE, texts, strict=True):
        at = text.index(name)
        quote = text.index("We stay")
        analyses.append(
            (
                ids[name],
                Analysis(
                    (Entity(name, "PERSON", (Mention(at, at + len(name), name),)),),
                    (Quote("We stay", quote, quote + 7, name),),
                ),
            )
        )
    lib.save_analyses(analyses, "t", canonical_key, short_key)
    yield lib, ids
    lib.close()


def titles(lib: Library, ids: dict[str, int], query: str) -> set[str]:
    found = {r.id for r in lib.articles(ArticleFilter(query=parse_query(query, query_keys)))}
    return {name for name, i in ids.items() if i in found}


def speakers(lib: Library, name: str) -> set[str]:
    rows = lib.quotes(speaker=name, speaker_keys=speaker_keys(name, query_keys))
    return {r.speaker or "" for r in rows}


@pytest.mark.parametrize(
    "typed",
    ["Robert Mugabe", "robert mugabe", "ROBERT GABRIEL MUGABE", "Robert G. Mugabe"],
)
def test_a_full_name_finds_the_person_with_a_middle_name_and_no_other_mugabe(library, typed):
    lib, ids = library
    assert titles(lib, ids, f'person:"{typed}"') == {"Robert Gabriel Mugabe"}
    assert titles(lib, ids, f'speaker:"{typed}"') == {"Robert Gabriel Mugabe"}
    assert speakers(lib, typed) == {"Robert Gabriel Mugabe"}


def test_an_initial_stands_for_any_first_name_with_its_letter(library):
    lib, ids = library
    assert titles(lib, ids, 'person:"R. Mugabe"') == {"Robert Gabriel Mugabe", "Roberta Mugabe"}


def test_accents_do_not_matter(library):
    lib, ids = library
    assert titles(lib, ids, 'person:"Jose Mourinho"') == {"José Mourinho"}
    assert speakers(lib, "jose mourinho") == {"José Mourinho"}


def test_middle_initials_that_differ_are_another_person(library):
    lib, ids = library
    assert titles(lib, ids, 'person:"George W. Bush"') == {"George W. Bush"}
    assert titles(lib, ids, 'person:"George Walker Bush"') == {"George W. Bush"}
    assert titles(lib, ids, 'person:"George H. W. Bush"') == {"George H. W. Bush"}
    assert titles(lib, ids, 'person:"George Bush"') == {"George W. Bush", "George H. W. Bush"}


def test_a_generation_is_left_out_unless_both_names_have_one(library):
    lib, ids = library
    assert titles(lib, ids, 'person:"Martin Luther King"') == {"Martin Luther King Jr."}
    assert titles(lib, ids, 'person:"Martin King Jr"') == {"Martin Luther King Jr."}
    assert titles(lib, ids, 'person:"Martin Luther King Sr"') == set()


def test_a_surname_alone_still_finds_everyone_with_it(library):
    lib, ids = library
    assert titles(lib, ids, "person:Mugabe") == {
        "Robert Gabriel Mugabe",
        "Grace Mugabe",
        "Roberta Mugabe",
    }


def test_a_full_name_does_not_find_a_lone_surname_that_may_be_another_person(tmp_path):
    lib = Library.open(tmp_path / "s.db")
    feed = lib.register_source("https://a.example/feed", "A")
    text = "Mugabe spoke."
    lib.bulk_insert(feed, [Article(title="lone", text=text, guid="1")])
    (row,) = lib.articles(limit=None)
    entity = Entity("Mugabe", "PERSON", (Mention(0, 6, "Mugabe"),))
    lib.save_analyses([(row.id, Analysis((entity,), ()))], "t", canonical_key, short_key)
    f = ArticleFilter(query=parse_query('person:"Robert Mugabe"', query_keys))
    assert lib.count(f) == 0
    assert lib.count(ArticleFilter(query=parse_query("person:Mugabe", query_keys))) == 1
    lib.close()


@pytest.mark.parametrize(
    ("stored", "typed", "same"),
    [
        ("robert gabriel mugabe", "robert mugabe", True),
        ("robert mugabe", "robert gabriel mugabe", True),
        ("r mugabe", "robert mugabe", True),
        ("john fitzgerald kennedy", "john f kennedy", True),
        ("roberta mugabe", "robert mugabe", False),
        ("grace mugabe", "robert mugabe", False),
        ("robert smith", "robert mugabe", False),
        ("george h w bush", "george w bush", False),
        ("mugabe", "robert mugabe", False),
        ("elizabeth ii", "elizabeth ii", True),
        ("martin luther king jr", "martin luther king sr", False),
    ],
)
def test_same_person_compares_first_middle_and_surnames(stored, typed, same):
    assert same_person(f"PERSON:person:{stored}", typed) is same
