"""The notes and hints that tell the user which key to press name the key in effect: with the
default taken away by `[keys]`, they named a key that did nothing (user test r31)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.model import Download
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.command_prompt import CommandScreen
from newstui.tui.screens.downloads import status_line

from .conftest import screen_text, settle
from .test_add_feed import no_feeds_config
from .test_keys import write_config


def rebound(tmp_path, *pairs: tuple[str, str]):
    keys = "".join(f'"{binding}" = "{key}"\n' for binding, key in pairs)
    unbind = ", ".join(f'"{binding}:{default}"' for binding, default in UNBOUND if binding in keys)
    return load_config(write_config(tmp_path, f"unbind = [{unbind}]\n{keys}"))


UNBOUND = [
    ("article.download", "d"),
    ("app.search", "slash"),
    ("main.back", "q"),
    ("reader.find_next", "n"),
    ("reader.find_previous", "N"),
]


async def test_the_empty_downloads_box_names_the_download_key_in_effect(tmp_path, db_path):
    app = NewstuiApp(db_path, rebound(tmp_path, ("article.download", "f6")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert "No downloads yet: f6 on an article with an enclosure" in screen_text(app)


async def test_a_search_that_finds_nothing_names_the_search_and_back_keys_in_effect(
    tmp_path, db_path
):
    config = rebound(tmp_path, ("app.search", "f3"), ("main.back", "f2"))
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3", *"zzyzx", "enter")
        await settle(pilot)
        assert "Nothing matches zzyzx. Press f3 to search again, f2 to go back." in screen_text(app)


async def test_the_find_box_names_the_next_and_previous_match_keys_in_effect(tmp_path, db_path):
    config = rebound(tmp_path, ("reader.find_next", "f4"), ("reader.find_previous", "f5"))
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the article opens: the reader has the focus
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, CommandScreen)
        assert "(f4 / f5: next / previous)" in screen_text(app)


async def test_an_empty_store_names_the_add_key_in_effect(tmp_path):
    path = no_feeds_config(tmp_path).path
    path.write_text(
        path.read_text("utf-8") + '\n[keys]\nunbind = ["sources.add:a"]\n"sources.add" = "f7"\n',
        "utf-8",
    )
    app = NewstuiApp(tmp_path / "empty.db", load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "No articles yet. Press f7 to add a feed" in screen_text(app)


def test_a_failed_downloads_line_names_the_retry_key_it_is_given():
    failed = Download(
        id=1,
        url="http://x/a.mp3",
        title="A",
        mime="audio/mpeg",
        state="failed",
        path="",
        error="HTTP 404",
    )
    assert status_line(failed, "f9").endswith("(f9: retry)")
