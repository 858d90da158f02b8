"""Person names as a reader types them (user test r29 M7): one name alone finds everyone who has
it as any of their names, titles before a name are dropped, and a surname finds its spellings
ending in y or i ("Zelensky" is "Zelenskyy"), never another person (store.person_names)."""

from __future__ import annotations

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Entity, Mention, Quote
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query, speaker_keys
from newstui.store.person_names import same_person, spellings

PEOPLE = [
    "Tedros Adhanom Ghebreyesus",
    "Volodymyr Zelenskyy",
    "Donald Trump",
    "Anthony Fauci",
    "Robert Gabriel Mugabe",
    "Grace Mugabe",
    "Roberta Mugabe",
    "Terri Schiavo",
    "John Major",
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
        entity = Entity(name, "PERSON", (Mention(at, at + len(name), name),))
        analyses.append(
            (ids[name], Analysis((entity,), (Quote("We stay", quote, quote + 7, name),)))
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
    ("typed", "person"),
    [
        ("Tedros", "Tedros Adhanom Ghebreyesus"),  # the name he goes by: his first
        ("Adhanom", "Tedros Adhanom Ghebreyesus"),
        ("Ghebreyesus", "Tedros Adhanom Ghebreyesus"),
        ("TEDROS", "Tedros Adhanom Ghebreyesus"),
        ("President Trump", "Donald Trump"),
        ("President Donald Trump", "Donald Trump"),
        ("Dr. Anthony Fauci", "Anthony Fauci"),
        ("Dr Fauci", "Anthony Fauci"),
        ("Mr. Zelenskyy", "Volodymyr Zelenskyy"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Zelenskiy", "Volodymyr Zelenskyy"),
        ("President Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Major", "John Major"),  # a title word alone is a name
    ],
)
def test_a_name_as_a_reader_types_it_finds_the_person(library, typed, person):
    lib, ids = library
    assert titles(lib, ids, f'person:"{typed}"') == {person}
    assert titles(lib, ids, f'speaker:"{typed}"') == {person}
    assert speakers(lib, typed) == {person}


def test_one_name_finds_everyone_who_has_it_and_a_full_name_only_its_person(library):
    lib, ids = library
    assert titles(lib, ids, "person:Mugabe") == {
        "Robert Gabriel Mugabe",
        "Grace Mugabe",
        "Roberta Mugabe",
    }
    assert titles(lib, ids, "person:Robert") == {"Robert Gabriel Mugabe"}  # not Roberta
    assert titles(lib, ids, 'person:"Robert Mugabe"') == {"Robert Gabriel Mugabe"}
    assert titles(lib, ids, 'person:"Dr. Robert Mugabe"') == {"Robert Gabriel Mugabe"}
    assert titles(lib, ids, "person:Terry") == set()  # too short to be spelt otherwise
    assert titles(lib, ids, "person:Gabriel") == {"Robert Gabriel Mugabe"}


@pytest.mark.parametrize(
    ("stored", "typed", "same"),
    [
        ("volodymyr zelenskyy", "volodymyr zelensky", True),
        ("volodymyr zelenskiy", "volodymyr zelenskyy", True),
        ("volodymyr zelensky", "volodymyr zelenskyy", True),
        ("roberta mugabe", "robert mugabe", False),
        ("terri schiavo", "terry schiavo", False),
        ("john kennedy", "john kenned", False),
    ],
)
def test_a_surname_is_the_same_spelt_with_another_y_or_i_ending(stored, typed, same):
    assert same_person(f"PERSON:person:{stored}", typed) is same


def test_only_a_long_word_ending_in_y_or_i_has_other_spellings():
    assert "zelenskyy" in spellings("zelensky")
    assert "dmitry" in spellings("dmitri")
    assert spellings("terri") == ["terri"]
    assert spellings("mugabe") == ["mugabe"]
