"""The seed article from issue 4 gives exactly the agreed quotes and entities."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newstui.demo import seed_article_path
from newstui.model import Analysis


def test_annotated_seed_is_the_article_the_package_ships(seed_text: str) -> None:
    assert seed_article_path().read_text(encoding="utf-8") == seed_text


def test_packaged_seed_article_is_the_shared_reference_copy(
    shared_path: Callable[[str], Path],
) -> None:
    shared = shared_path("seed_article.txt").read_text(encoding="utf-8")
    assert seed_article_path().read_text(encoding="utf-8") == shared


def test_seed_article_quotes_are_found_whole_with_speakers(extractor, seed_text: str) -> None:
    analysis = extractor.analyse(seed_text)
    assert [(q.text[:24], q.text[-20:], q.speaker) for q in analysis.quotes] == [
        ("The large numbers of ter", "for a counterattack,", "Syrian army"),
        ("We consider this a viola", "as soon as possible.", "Dmitry Peskov"),
    ]
    for quote in analysis.quotes:
        assert seed_text[quote.start : quote.end] == quote.text
        assert seed_text[quote.start - 1] == "“" and seed_text[quote.end] == "”"


def test_seed_article_entities_are_exactly_the_agreed_ones(extractor, seed_text: str) -> None:
    analysis: Analysis = extractor.analyse(seed_text)
    found = {(e.type, e.name) for e in analysis.entities if e.type in ("PERSON", "ORG", "PLACE")}
    assert found == {
        ("PERSON", "Bashar al-Assad"),
        ("PERSON", "Dmitry Peskov"),
        ("ORG", "Hayat Tahrir al-Sham"),
        ("ORG", "Reuters"),
        ("PLACE", "Kremlin"),  # a seat of government is a place, as the Wikinews sets type it
        ("PLACE", "Aleppo"),
        ("PLACE", "Syria"),
        ("PLACE", "Russia"),
        ("PLACE", "Iran"),
        ("PLACE", "Moscow"),
    }


def test_seed_article_nationalities_are_groups_not_places(extractor, seed_text: str) -> None:
    groups = {e.name for e in extractor.analyse(seed_text).entities if e.type == "GROUP"}
    assert {"Syrian", "Russian"} <= groups


def test_assad_possessive_and_surname_are_mentions_of_the_full_name(
    extractor, seed_text: str
) -> None:
    entities = {e.name: e for e in extractor.analyse(seed_text).entities}
    assert [m.text for m in entities["Bashar al-Assad"].mentions] == ["Bashar al-Assad", "Assad"]
    assert len(entities["Syria"].mentions) == 3
    assert len(entities["Aleppo"].mentions) == 4
