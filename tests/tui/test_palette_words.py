"""The command palette finds a command by the words users call it ("unsubscribe": Remove) and
ranks a hit by the starts of words above letters scattered through a long title (user test r51
LOW-2: "sync" and "settings" found "Remove the selected feed" first, "unsubscribe" nothing)."""

from __future__ import annotations

import pytest
from textual.command import CommandList

from newstui.tui.app import NewstuiApp
from newstui.tui.palette_words import words_start

from .conftest import screen_text, settle, until


def test_words_start_by_the_starts_of_words_not_scattered_letters():
    assert words_start("sync", "Refresh all sources (and sync with rss.example)")
    assert words_start("unsub", "unsubscribe, delete: Remove the selected feed")
    assert not words_start("sync", "Remove the selected feed, or on a tag its folder …")
    assert not words_start("", "Refresh")


async def _first_hits(app: NewstuiApp, pilot, typed: str) -> list[str]:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*typed)
    commands = app.screen.query_one(CommandList)
    await until(pilot, lambda: commands.option_count > 0)
    await settle(pilot)
    hits = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
    await pilot.press("escape")
    await settle(pilot)
    return hits


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("sync", "Refresh"),
        ("unsubscribe", "Remove the selected feed"),
        ("delete", "Remove the selected feed"),
        ("settings", "settings, options"),  # (help and the theme: no settings screen)
    ],
)
async def test_the_palette_finds_commands_by_their_words_first(db_path, typed, first):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hits = await _first_hits(app, pilot, typed)
        assert first.casefold() in hits[0].casefold(), hits[:3]
        if typed in ("sync", "settings"):  # (the destructive one never first by letters)
            assert "Remove" not in hits[0]


async def test_a_feed_name_search_never_lists_the_remove_command_by_scattered_letters(
    db_path, tmp_path
):
    """User test r55 LOW-5: `:` then `hostile` listed "Go to source: Hostile Feed", then
    Remove (its letters scattered through Remove's title): a destructive command is listed only
    by the starts of its words."""
    from newstui.config import load_config

    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "Hostile Feed"\nurl = "http://127.0.0.1:9/h.xml"\n', "utf-8")
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)  # (Sources lists the configured feed before its first fetch)
        await until(pilot, lambda: "Hostile Feed" in screen_text(app))
        hits = await _first_hits(app, pilot, "hostile")
        assert "Hostile Feed" in hits[0], hits
        assert not any("Remove" in hit for hit in hits), hits
        assert any("Remove" in hit for hit in await _first_hits(app, pilot, "remove"))
        assert any("Remove" in hit for hit in await _first_hits(app, pilot, "unsub"))
