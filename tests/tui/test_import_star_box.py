"""`I`'s star question (newsboat's flagged articles) is read whole in the box at 60×20, 80×24
and 120×40: as the box's title it was cut at 60×20 (review r53 F5); and its notice says the
settings, as the keys, take effect when the app starts next (review r53 F4)."""

from __future__ import annotations

import pytest

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.choice import ChoiceScreen
from tests.newsboat_cache import Item, write_cache

from .conftest import settle, until
from .notifications import run_recorded
from .screenshot import screen_text
from .test_add_feed import no_feeds_config
from .test_import_feeds import import_path
from .test_import_newsboat_whole import EU, TECH, newsboat_files, said_of

BORDER = "│╭╮╰╯─▔▁▏▕"


def box_words(app) -> str:
    """The words inside the box on screen, in reading order (its border left out)."""
    region = app.screen.query_one("#choice-box").region
    rows = screen_text(app).splitlines()[region.y : region.bottom]
    inside = [row[region.x : region.right] for row in rows]
    return " ".join(" ".join(row.strip(BORDER + " ").split()) for row in inside).strip()


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_the_star_question_is_read_whole_in_the_box(tmp_path, monkeypatch, size):
    home = newsboat_files(tmp_path, monkeypatch)
    (home / "cache.db").unlink()
    write_cache(  # three flagged: the question the review saw cut at 60×20
        home / "cache.db",
        {EU: "EU Desk", TECH: "Tech Desk"},
        [Item(TECH, f"tech-{i}", f"http://127.0.0.1:9/tech/{i}", flags="s") for i in range(3)],
    )
    app = NewstuiApp(tmp_path / "n.db", no_feeds_config(tmp_path))
    async with run_recorded(app, size=size) as pilot:
        await settle(pilot)
        await import_path(pilot, str(home / "urls"))
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await settle(pilot)
        words = box_words(app)
        assert "3 articles flagged in newsboat's cache.db: star them?" in words, words
        assert 'Star the articles flagged "s"' in words
        assert "Star none" in words
        title = str(app.screen.query_one("#choice-box").border_title)
        assert title in screen_text(app)  # the title is not cut either


async def test_the_notice_says_settings_and_keys_wait_for_the_next_start(tmp_path, monkeypatch):
    home = newsboat_files(tmp_path, monkeypatch, 'browser "w3m %u"\nbind-key ^R reload-all\n')
    app = NewstuiApp(tmp_path / "n.db", no_feeds_config(tmp_path))
    async with run_recorded(app, size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await import_path(pilot, str(home / "urls"))
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("1")
        await until(pilot, lambda: bool(said_of(app, "not taken")))
        [said] = said_of(app, "not taken")
        assert app.main.settings.browser != "w3m %u"  # the running app keeps its own
    assert said.startswith("2 feeds, 2 read marks, 1 star, 1 setting and 1 key (at restart); ")
