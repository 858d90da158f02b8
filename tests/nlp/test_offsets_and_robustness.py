"""Offsets always index the text given, and no input makes the extractor raise."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "nlp"
ARTICLE_FILES = sorted(DATA.glob("*.json")) + sorted(DATA.glob("heldout/*.json"))


def _assert_offsets(text: str, analysis) -> None:
    for quote in analysis.quotes:
        assert text[quote.start : quote.end] == quote.text
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_offsets_index_the_exact_text_in_every_annotated_article(extractor, path) -> None:
    text = json.loads(path.read_text(encoding="utf-8"))["text"]
    _assert_offsets(text, extractor.analyse(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        '"',
        "“",
        "He said “it will never end",
        '"Hello, he said. And then "again',
        "’tis the ’90s, rebels’ rock ‘n’ roll",
        "\x00\x1b[31mRed\x1b[0m “Control\x07 characters,” Bob Smith said.\x7f",
        "“a\n“b\n“c",
        "Mr. Dr. U.S. ... al- bin of And &",
        "“”‘’«»\"'" * 500,
    ],
)
def test_malformed_input_never_raises_and_keeps_offsets(extractor, text: str) -> None:
    _assert_offsets(text, extractor.analyse(text))


def test_random_punctuation_soup_never_raises(extractor) -> None:
    rng = random.Random(4)
    alphabet = "ab AB\"“”‘’'.,:\n-—"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        _assert_offsets(text, extractor.analyse(text))


def test_huge_text_is_handled(extractor, seed_text: str) -> None:
    text = seed_text * 100
    analysis = extractor.analyse(text)
    assert len(analysis.quotes) == 200
    assert analysis.quotes[-1].speaker == "Dmitry Peskov"


def test_output_is_deterministic(extractor, seed_text: str) -> None:
    assert extractor.analyse(seed_text) == extractor.analyse(seed_text)
