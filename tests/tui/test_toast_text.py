"""Toasts read cleanly at 80x24 and 60x20: the home folder is `~`, and a path fits a toast's line
rather than being cut mid-word (user test r33 L8: ".../newstui/feeds.t" / "oml lists it at")."""

from __future__ import annotations

import pytest

from newstui.config import Config, Settings
from newstui.tui.app import NewstuiApp
from newstui.tui.toast_text import home_as_tilde

from .conftest import run_recorded, screen_text, settle

MOVED = (
    "Wire: the server moved it to http://127.0.0.1:8712/feeds/wire.xml; "
    "{home}/.config/newstui/feeds.toml lists it at http://127.0.0.1:8711/wire.xml: kept there"
)


def test_the_home_folder_is_written_as_a_tilde_and_no_other_folder_is():
    text = "/home/ann/x, /home/anna/y, /home/ann.bak, file:///home/ann/z and /home/ann."
    assert home_as_tilde(text, "/home/ann") == (
        "~/x, /home/anna/y, /home/ann.bak, file:///home/ann/z and ~."
    )
    assert home_as_tilde("/x", "/") == "/x"  # a home of "/" changes nothing


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_toast_with_a_long_path_breaks_only_between_words(tmp_path, monkeypatch, size):
    home = tmp_path / "a-rather-long-home-folder"
    monkeypatch.setenv("HOME", str(home))
    app = NewstuiApp(tmp_path / "s.db", Config(tmp_path / "f.toml", Settings(refresh_minutes=0)))
    async with run_recorded(app, size=size, notifications=True) as pilot:
        await settle(pilot)
        app.notify(MOVED.format(home=home), severity="warning", markup=False)
        await settle(pilot)
        screen = screen_text(app).splitlines()
    # the toast's lines: what follows its border (▌) on the right
    lines = [line.rsplit("▌", 1)[1].strip() for line in screen if "▌" in line]
    words = [word for line in lines for word in line.split()]
    assert words == MOVED.format(home="~").split(), lines  # every word whole, in order
