"""A key on the article typed right behind moves, with no pause between them (`j j P` sent at
once by tmux, a paste, keys queued while busy), acts on the article the moves reached: it was
dropped without a word, as the moves' late "highlighted" notices took it for a move away."""

from __future__ import annotations

import pytest
from textual import events

from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, settle


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
        await settle(pilot)
        assert app.main.headlines.cursor == len(moves)
        said = [n.message for n in notifications(app)]
        assert said.count("This article has no enclosure.") == 1, said


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
