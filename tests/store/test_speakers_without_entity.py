"""A quote whose speaker has no entity (the analysis named no such person, or the entity is
gone) is found by the same person rules as one with an entity, the same way by `speaker:` and
`quotes --speaker` (store.query_sql.speaker_condition, person_names.named_speaker)."""

from __future__ import annotations

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Quote
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query, speaker_keys

SPEAKERS = [
    "Robert Gabriel Mugabe",
    "Grace Mugabe",
    "Roberta Mugabe",
    "Mr. José Ramos-Horta",
    "Tedros Adhanom Ghebreyesus",
    "a police spokesman",
]


@pytest.fixture
def library(tmp_path):
    """One article per speaker, each quoting them with no entity for them."""
    lib = Library.open(tmp_path / "s.db")
    feed = lib.register_source("https://a.example/feed", "A")
    texts = [f"“We stay,” said {name}." for name in SPEAKERS]
    lib.bulk_insert(
        feed,
        [Article(title=name, text=t, guid=name) for name, t in zip(SPEAKERS, texts, strict=True)],
    )
    ids = {row.title: row.id for row in lib.articles(limit=None)}
    analyses = [(ids[name], Analysis((), (Quote("We stay", 1, 8, name),))) for name in SPEAKERS]
    lib.save_analyses(analyses, "t", canonical_key, short_key)
    yield lib, ids
    lib.close()


def by_query(lib: Library, ids: dict[str, int], name: str) -> set[str]:
    query = parse_query(f'speaker:"{name}"', query_keys)
    found = {r.id for r in lib.articles(ArticleFilter(query=query))}
    return {speaker for speaker, i in ids.items() if i in found}


def by_quotes(lib: Library, name: str) -> set[str]:
    rows = lib.quotes(speaker=name, speaker_keys=speaker_keys(name, query_keys))
    return {r.speaker or "" for r in rows}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Robert Mugabe", {"Robert Gabriel Mugabe"}),  # found none: not the whole string
        ("robert g. mugabe", {"Robert Gabriel Mugabe"}),
        ("R. Mugabe", {"Robert Gabriel Mugabe", "Roberta Mugabe"}),
        ("President Robert Mugabe", {"Robert Gabriel Mugabe"}),
        ("Jose Ramos Horta", {"Mr. José Ramos-Horta"}),
        ("Tedros", {"Tedros Adhanom Ghebreyesus"}),  # a name alone: any of their names
        ("Mugabe", {"Robert Gabriel Mugabe", "Grace Mugabe", "Roberta Mugabe"}),
        ("Grace Mugabe", {"Grace Mugabe"}),
        ("a police spokesman", {"a police spokesman"}),  # the name as written, any case
        ("A Police Spokesman", {"a police spokesman"}),
        ("Robert Smith", set()),
    ],
)
def test_a_speaker_without_an_entity_is_found_as_one_with_an_entity_is(library, typed, expected):
    lib, ids = library
    assert by_quotes(lib, typed) == expected
    assert by_query(lib, ids, typed) == expected
