"""Fixtures for the extraction tests: the default extractor and the annotated articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.nlp import Extractor, get_extractor

DATA = Path(__file__).resolve().parent.parent / "data" / "nlp"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return get_extractor("rules")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return json.loads((DATA / "00-seed-syria-aleppo.json").read_text(encoding="utf-8"))["text"]


@pytest.fixture(scope="session")
def real_texts() -> list[str]:
    """The texts of the annotated articles a test may read (top level, heldout, dev2, wikinews-dev):
    fast paths and guards are checked against what they replace on these."""
    return [
        json.loads(p.read_text(encoding="utf-8"))["text"]
        for folder in (DATA, DATA / "heldout", DATA / "dev2", DATA / "wikinews-dev")
        for p in sorted(folder.glob("*.json"))
    ]
