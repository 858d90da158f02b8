"""Offsets always index the text given, and no input makes the extractor raise."""

from __future__ import annotations

import json
import random
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
        "BRUSSELS — The European Commission",
        "The",
        "ACCRA —",
        "A — The Bank of",
        "Dr. . Dr. Mr. The of the",
        "NEW DELHI, , — x",
        "I'm O’ I’ 'The' “The”",
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


def test_it_whose_antecedent_leads_back_to_itself_is_nobody_not_endless(extractor) -> None:
    # "It" → the review → its author, sought in a clause whose subject is that same "It":
    # endless recursion before (a RecursionError, a segfault compiled)
    text = (
        "Jane Roe, a partner of the law firm Roe and Lane, guided the review.\n\n"
        "The review found that, in 2001, the agency did not collect as much money from the "
        "fees as it had predicted.\n\n"
        'It also stated that although the fees were fair, "the turnover in the agency made it '
        'possible for new staff to learn the same lessons again".'
    )
    analysis = extractor.analyse(text)
    _assert_offsets(text, analysis)
    assert [q.speaker for q in analysis.quotes] == ["Jane Roe"]


def test_huge_text_is_handled(extractor, seed_text: str) -> None:
    text = seed_text * 100
    analysis = extractor.analyse(text)
    assert len(analysis.quotes) == 200
    assert analysis.quotes[-1].speaker == "Dmitry Peskov"


def test_output_is_deterministic(extractor, seed_text: str) -> None:
    assert extractor.analyse(seed_text) == extractor.analyse(seed_text)


_PIECES = st.sampled_from(
    [
        "The",
        "the",
        "BRUSSELS",
        "New Delhi",
        "—",
        "-",
        " ",
        "\n",
        ", ",
        ". ",
        "Dr.",
        "Mr",
        "of",
        "for the",
        "on",
        "at",
        "and",
        "Bank",
        "University",
        "Ghana",
        "Sofia",
        "Marchetti",
        "said",
        "told",
        "“",
        "”",
        '"',
        "'",
        "’s",
        "U.S.",
        "CAC 40",
        "I'm",
        "E.",
        "West",
        "Texas",
        "(Reuters)",
        "Nov 18",
        "Minister",
        "Kenji",
        "x",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_any_mix_of_names_titles_datelines_and_marks_never_raises(extractor, text: str) -> None:
    _assert_offsets(text, extractor.analyse(text))


def test_every_demo_article_is_analysed_without_error(extractor) -> None:
    demo = resources.files("newstui.demo")
    files = [f for f in demo.iterdir() if f.name.endswith((".xml", ".json", ".md", ".txt"))]
    assert files
    for file in files:
        text = file.read_text(encoding="utf-8")
        _assert_offsets(text, extractor.analyse(text))
