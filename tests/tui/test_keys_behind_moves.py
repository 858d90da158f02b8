"""A key on the article typed right behind moves, with no pause between them (`j j P` sent at
once by tmux, a paste, keys queued while busy), acts on the article the moves reached: it was
dropped without a word, as the moves' late "highlighted" notices took it for a move away."""

from __future__ import annotations

import pytest
from textual import events

from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, settle, until

NO_ENCLOSURE = "This article has no enclosure."


def said(app: NewstuiApp) -> list[str]:
    """Every notification's text, oldest first."""
    return [n.message for n in notifications(app)]


def burst(app: NewstuiApp, *keys: str) -> None:
    """Keys arriving together, as from tmux or a paste: all queued before the first is handled
    (Pilot.press lets the app go idle between keys)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


@pytest.mark.parametrize("moves", [("j",), ("j", "j"), ("j", "j", "j", "j", "j")])
async def test_P_right_behind_moves_acts_on_the_article_reached(db_path, moves):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, *moves, "P")
        # P waits for the reached article's detail, whose load the moves' throttle holds back
        # up to DETAIL_INTERVAL on a timer that settle does not wait for: wait on the outcome.
        await until(pilot, lambda: NO_ENCLOSURE in said(app))
        await settle(pilot)
        assert app.main.headlines.cursor == len(moves)
        selected = app.main.headlines.selected
        assert selected is not None and app.main.detail is not None
        assert app.main.detail.article.row.id == selected.id  # P acted on the row reached
        assert said(app).count(NO_ENCLOSURE) == 1, said(app)


async def test_a_move_typed_behind_the_key_still_drops_it(db_path):
    """`P j` in one burst: the key waited for its article, which the cursor left."""
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "j", "j", "P", "j")
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        assert app.main.headlines.cursor == 3
        assert said.count("This article has no enclosure.") <= 1, said
