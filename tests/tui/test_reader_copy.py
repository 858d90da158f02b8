"""A mouse selection in the reader copies the article's words (user test r38 M3): a paragraph's
lines joined by the spaces the wrap broke at, also where a line was filled to the width (it
copied "Walmartstore"), and without the `[—Speaker]` tags drawn after quotes."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, Quote
from newstui.nlp import canonical_key, short_key
from newstui.tui.app import NewstuiApp

from .conftest import settle

QUOTE = "We will rebuild the bridge"
SAID = f"“{QUOTE},” Ann Lee said."


def paragraph(seed: int) -> str:
    """Words of 1 to 9 letters: among its lines, some are filled to the width exactly."""
    rng = random.Random(seed)
    return " ".join("x" * rng.randint(1, 9) for _ in range(220))


PARAGRAPH = paragraph(38)
TEXT = f"{PARAGRAPH} {SAID} The council met again.\n\nThe end."


def store_article(db_path) -> None:
    with Library.open(db_path) as library:
        source = library.register_source("http://127.0.0.1:9/w.xml", "W", url=None)
        library.save_batch(
            source,
            [Article("Copy", TEXT, guid="c", published=datetime(2030, 1, 1, tzinfo=UTC))],
        )
        article = library.articles(limit=None)[0].id
        start = TEXT.index(QUOTE)
        quote = Quote(QUOTE, start, start + len(QUOTE), "Ann Lee")
        library.save_analyses([(article, Analysis((), (quote,)))], "t", canonical_key, short_key)


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (61, 20)])
async def test_a_selection_copies_the_words_with_their_spaces_and_no_speaker_tag(db_path, size):
    store_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "z")  # the reader alone
        await settle(pilot)
        body = app.screen.query_one("#reader-body")
        width = body.content_size.width
        drawn = [line.plain for line in body._lines(width)]
        assert any(len(line) == width and line.startswith("x") for line in drawn)  # filled
        assert any("[—Ann Lee]" in line for line in drawn)  # the tag is shown
        body.text_select_all()
        await pilot.pause()
        copied = app.screen.get_selected_text() or ""
    assert PARAGRAPH in copied  # no two words glued where a line was filled
    assert f"{PARAGRAPH} {SAID} The council met again.\n\nThe end." in copied
    assert "[—" not in copied
