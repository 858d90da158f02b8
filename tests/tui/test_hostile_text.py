"""Escape sequences in stored rows never reach the screen: every widget cleans at display time."""

from __future__ import annotations

from hostile.rows import TERMINAL_CONTROL, HostileDb, hostile

from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, screen_text, settle


def assert_clean(text: str) -> None:
    leaked = TERMINAL_CONTROL.findall(text)
    assert not leaked, f"control characters on screen: {leaked!r}"
    assert "PWNED" not in text and "cHduZWQ" not in text


async def test_every_pane_shows_hostile_rows_without_their_escapes(hostile_db: HostileDb) -> None:
    app = NewstuiApp(hostile_db.path, None)
    async with run_recorded(app, size=(200, 50)) as pilot:
        await settle(pilot)
        assert app.main.reader.article_id == hostile_db.article_id
        text = screen_text(app)
        assert_clean(text)
        for label in ("Hostile Feed", "evil-tag", "Hostile headline", "Mallory Author"):
            assert label in text
        assert "Dmitry Peskov" in text and "Link text" in text and "Fulltext error" in text
        await pilot.press("2")  # the sidebar's quotes tab
        await settle(pilot)
        text = screen_text(app)
        assert_clean(text)
        assert "We consider this a violation." in text


async def test_a_hostile_feed_name_is_a_clean_header_title(hostile_db: HostileDb) -> None:
    app = NewstuiApp(hostile_db.path, None)
    async with run_recorded(app, size=(160, 40)) as pilot:
        await settle(pilot)
        app.main.push_view(_feed_view_of(app, "Hostile Feed"))
        await settle(pilot)
        text = screen_text(app)
        assert_clean(text)
        assert "Hostile Feed" in text.splitlines()[0]


async def test_notifications_carrying_escapes_show_clean(hostile_db: HostileDb) -> None:
    app = NewstuiApp(hostile_db.path, None)
    async with run_recorded(app, size=(160, 40)) as pilot:
        await settle(pilot)
        app.notify(hostile("server said no"), title=hostile("Feed"), markup=False)
        await settle(pilot)
        [notification] = [n for n in notifications(app) if "server said no" in n.message]
        assert_clean(notification.message + notification.title)


def _feed_view_of(app: NewstuiApp, label: str):
    from newstui.tui.view import feed_view

    [feed] = [f for f in app.main.sources.feeds if label in f.name]
    return feed_view(feed.id, feed.name, feed.last_error)


async def test_config_names_and_tags_with_toml_escapes_show_clean(tmp_path) -> None:
    from newstui.config import load_config

    path = tmp_path / "feeds.toml"
    path.write_text(
        '[settings]\nrefresh_minutes = 0\n\n[[feeds]]\nname = "Evil\\u001b]0;PWNED\\u0007 Name"\n'
        'url = "http://127.0.0.1:9/evil.xml"\ntags = ["bad\\u001b[2Jtag"]\n',
        "utf-8",
    )
    from newstui.cli.main import main
    from newstui.library import Library

    Library.open(tmp_path / "x.db").close()
    assert main(["--db", str(tmp_path / "x.db"), "--config", str(path), "feeds"]) == 0
    app = NewstuiApp(tmp_path / "x.db", load_config(path))
    async with run_recorded(app, size=(160, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert_clean(text)
        assert "Evil Name" in text and "▾ badtag" in text
