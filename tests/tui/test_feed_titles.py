"""Pilot: a `[[feeds]]` entry without `name` is listed in Sources by its feed's title once
refreshed (it kept its URL, where newsboat shows the title)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.tui.app import NewstuiApp

from .conftest import FEED_XML, notifications, run_recorded, settle
from .screenshot import screen_text


def unnamed_feed_app(tmp_path, feed_server) -> tuple[NewstuiApp, str]:
    """The app over a new store, its config one entry without `name` for a feed titled
    "Harbour Gazette"; and that feed's URL."""
    feed_server.route(
        "/feed.xml",
        body=FEED_XML.replace("Local Feed", "Harbour Gazette")
        .format(base=feed_server.base)
        .encode(),
        headers={"Content-Type": "application/xml"},
    )
    path = tmp_path / "feeds.toml"
    url = feed_server.url("/feed.xml")
    path.write_text(
        f'[settings]\nrefresh_minutes = 0\nfulltext = false\n\n[[feeds]]\nurl = "{url}"\n', "utf-8"
    )
    return NewstuiApp(tmp_path / "new.db", load_config(path)), url


async def test_sources_shows_an_unnamed_feeds_title_after_a_refresh(tmp_path, feed_server):
    app, url = unnamed_feed_app(tmp_path, feed_server)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        # before its first fetch: its address without the scheme (user test r48 LOW-7)
        assert [f.name for f in app.main.sources.feeds] == [url.removeprefix("http://")]
        await pilot.press("R")
        await settle(pilot)
        assert [f.name for f in app.main.sources.feeds] == ["Harbour Gazette"]
        assert "Harbour Gazette" in screen_text(app)
        assert "feed.xml" not in screen_text(app)  # (the reader shows the article's own link)


async def test_a_refresh_names_an_unnamed_feed_by_its_title_as_sources_does(tmp_path, feed_server):
    """`r` on "Harbour Gazette" said "Refreshed http://127.0.0.1:…/feed.xml: …"."""
    app, url = unnamed_feed_app(tmp_path, feed_server)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        last = notifications(app)[-1].message
        assert last.startswith("Refreshed Harbour Gazette"), last
        assert url not in last


async def test_an_untitled_feed_goes_by_its_sites_host_in_sources_and_the_headlines(
    tmp_path, feed_server
):
    """User test r49 LOW-9: the headlines' feed column read `127.0.0.…tle.xml` for a feed with
    no <title>; its <link> names its site."""
    feed_server.route(
        "/notitle.xml",
        body=FEED_XML.replace("<title>Local Feed</title>", "")
        .replace("http://127.0.0.1/", "https://www.harbour.org/")
        .format(base=feed_server.base)
        .encode(),
        headers={"Content-Type": "application/xml"},
    )
    feed_server.route(  # (a second feed: the headlines show each article's feed)
        "/wire.xml",
        body=FEED_XML.replace("Fresh story", "Wire story")
        .replace("fresh-1", "wire-1")
        .format(base=feed_server.base)
        .encode(),
        headers={"Content-Type": "application/xml"},
    )
    path = tmp_path / "feeds.toml"
    url = feed_server.url("/notitle.xml")
    path.write_text(
        f'[settings]\nrefresh_minutes = 0\nfulltext = false\n\n[[feeds]]\nurl = "{url}"\n'
        f'\n[[feeds]]\nurl = "{feed_server.url("/wire.xml")}"\nname = "Wire"\n',
        "utf-8",
    )
    app = NewstuiApp(tmp_path / "new.db", load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert [f.name for f in app.main.sources.feeds] == ["harbour.org", "Wire"]
        shown = screen_text(app)
        headline = next(line for line in shown.splitlines() if "Fresh story" in line)
        assert "harbour.org" in headline, shown
        assert "notitle" not in shown
