"""Pilot tests: a `[[filters]]` query that does not parse is one warning, said once, and the app
runs; the filter is off, and what it hid stays hidden through R."""

from __future__ import annotations

from pathlib import Path

from newstui.config import load_config
from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import FEED_XML, notifications, run_recorded, settle


def write_config(tmp_path: Path, url: str, query: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(
        f"""[settings]
refresh_minutes = 0
fulltext = false

[[feeds]]
name = "Local Feed"
url = "{url}"

[[filters]]
name = "no fresh"
query = '{query}'
""",
        "utf-8",
    )
    return path


def hidden(db: Path) -> int:
    with Library.open(db) as library:
        return library.smart_counts().hidden


def said(app: NewstuiApp) -> list[str]:
    return [n.message for n in notifications(app) if "filter 'no fresh'" in n.message]


async def test_a_broken_filter_is_said_once_as_the_app_starts_and_the_app_runs(
    tmp_path, feed_server
):
    """A filter whose query no longer parses (`title:--fresh`) stopped the app at start."""
    feed_server.route("/feed.xml", body=FEED_XML.format(base=feed_server.base).encode())
    db = tmp_path / "f.db"
    Library.open(db).close()
    path = write_config(tmp_path, feed_server.url("/feed.xml"), "title:--fresh")
    app = NewstuiApp(db, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert said(app) == [
            f"{path}:11: filter 'no fresh': query 'title:--fresh': 'title:--fresh': one - leaves "
            "a word out (-title:fresh or NOT title:fresh) at 1; the filter is off until its "
            "query is fixed, and what it hid stays hidden"
        ]
        await pilot.press("R")
        await settle(pilot)
        assert len(said(app)) == 1  # not again
        assert app.main.headlines.total == 1  # fetched, and the broken filter hid nothing


async def test_a_filter_broken_while_the_app_runs_is_said_at_R_and_keeps_what_it_hid(
    tmp_path, feed_server
):
    """Taken as removed from the config, a broken hide filter let R show what it had hidden."""
    feed_server.route("/feed.xml", body=FEED_XML.format(base=feed_server.base).encode())
    db = tmp_path / "f.db"
    Library.open(db).close()
    path = write_config(tmp_path, feed_server.url("/feed.xml"), "title:fresh")
    app = NewstuiApp(db, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert hidden(db) == 1 and app.main.headlines.total == 0
        write_config(tmp_path, feed_server.url("/feed.xml"), "—fresh")  # an em dash
        await pilot.press("R")
        await settle(pilot)
        [warning] = said(app)
        assert warning.startswith(f"{path}:11: filter 'no fresh': query '—fresh'")
        assert hidden(db) == 1 and app.main.headlines.total == 0
        await pilot.press("R")
        await settle(pilot)
        assert len(said(app)) == 1 and hidden(db) == 1
