"""Pilot tests: a newsboat key newstui binds to nothing (Ctrl-B, `E`, `,`…) says once what
newstui does instead (user test r52 LOW-15: they did nothing, silently); a key a binding of
newstui's, the preset's or the user's `[keys]` has is that binding's and says nothing."""

from __future__ import annotations

import re
from pathlib import Path

from newstui.config import Config, Settings, load_config
from newstui.key_actions import KEY_ACTIONS
from newstui.sources.newsboat_keys import NEWSBOAT_KEYS_UNBOUND
from newstui.tui.app import NewstuiApp
from newstui.tui.keymap import key_label

from .conftest import notifications, run_recorded, settle

README = Path(__file__).parents[2] / "README.md"


def said(app: NewstuiApp) -> list[str]:
    return [n.message for n in notifications(app) if "newsboat's" in n.message]


async def test_ctrl_b_says_once_what_newstui_does_for_newsboats_bookmark(db_path, tmp_path):
    app = NewstuiApp(db_path, Config(tmp_path / "f.toml", Settings(refresh_minutes=0)))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert said(app) == ["newsboat's bookmark (Ctrl-B): s stars, y copies its link"]
        await pilot.press("ctrl+b", "E", "comma")
        await settle(pilot)
        lines = said(app)
        assert len(lines) == 3  # Ctrl-B not said twice
        assert lines[1] == "newsboat's edit-urls (E): edit feeds.toml; R rereads it"
        assert lines[2] == "newsboat's macro-prefix (,): no macros; | pipes articles"


async def test_each_newsboat_key_says_one_line_at_80x24_in_place_of_the_last(db_path, tmp_path):
    """r52 keysfix: a notice wrapped to three lines at 80 columns, and keys pressed in a row
    stacked theirs over the screen: each is one line of its toast now, and replaces the last."""
    app = NewstuiApp(db_path, Config(tmp_path / "f.toml", Settings(refresh_minutes=0)))
    app.NOTIFICATION_TIMEOUT = 600  # (none goes of itself while the test runs)
    async with run_recorded(app, size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        for key in NEWSBOAT_KEYS_UNBOUND:
            await pilot.press(key)
            await settle(pilot)
            toasts = [t for t in app.screen.query("Toast") if "newsboat's" in str(t.render())]
            assert [str(t.render()) for t in toasts] == said(app)[-1:], key
            assert toasts[0].size.height == 1, (key, str(toasts[0].render()))
        assert len(said(app)) == len(NEWSBOAT_KEYS_UNBOUND)


async def test_a_key_newstui_binds_says_nothing_of_newsboat(db_path, tmp_path):
    app = NewstuiApp(db_path, Config(tmp_path / "f.toml", Settings(refresh_minutes=0)))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t", "t", "ctrl+p", "escape")  # newsboat's set-tag, prev-unread-feed
        await settle(pilot)
        assert said(app) == []


async def test_a_newsboat_key_the_users_keys_bind_runs_that_binding_silently(db_path, tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[settings]\nrefresh_minutes = 0\n\n[keys]\n"article.toggle_star" = "ctrl+b"\n'
        'preset = "emacs"\n',
        "utf-8",
    )
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        starred = app.main.headlines.selected.starred
        await pilot.press("ctrl+b", "ctrl+g")  # the user's star; the emacs preset's back
        await settle(pilot)
        assert app.main.headlines.selected.starred is not starred
        assert said(app) == []
        await pilot.press("ctrl+e")  # bound by neither: said, its way named by the user's keys
        await settle(pilot)
        assert said(app) == ["newsboat's edit-flags (Ctrl-E): s stars (the one flag)"]


def test_no_key_of_the_table_is_one_newstui_binds_by_default():
    bound = {key for action in KEY_ACTIONS.values() for key in action.keys}
    assert not bound & set(NEWSBOAT_KEYS_UNBOUND)


def test_readme_coming_from_newsboat_lists_every_key_of_the_table():
    text = README.read_text("utf-8")
    part = text[text.index("**Keys.** Most of newsboat's keys") :]
    part = part[: part.index("Any of them can be rebound")]
    cells = re.findall(r"^\| (.+?) \| ", part, re.M)
    listed = {key for cell in cells for key in re.findall(r"`([^`]+)`", cell)}
    for key in NEWSBOAT_KEYS_UNBOUND:
        label = key_label(key)
        assert label in listed or (label.isdigit() and {"3", "9", "0"} <= listed), label
