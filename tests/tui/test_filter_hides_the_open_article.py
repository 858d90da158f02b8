"""Pilot test: a hide filter that hides the article being read at a refresh says so in one line
(user test r35 L-d: the article vanished from under the reader and nothing said why)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import FEED_XML, notifications, run_recorded, settle
from .test_broken_filters import write_config


def hidden(db) -> int:
    with Library.open(db) as library:
        return library.smart_counts().hidden


async def test_a_filter_hiding_the_open_article_at_R_says_so(tmp_path, feed_server):
    first = FEED_XML.format(base=feed_server.base)
    feed_server.route("/feed.xml", body=first.encode())
    db = tmp_path / "f.db"
    Library.open(db).close()
    path = write_config(tmp_path, feed_server.url("/feed.xml"), "zebracorn")
    app = NewstuiApp(db, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("enter")  # reading "Fresh story from the server"
        await settle(pilot)
        assert app.main.detail.article.row.title == "Fresh story from the server"
        edited = first.replace("A short teaser.", "A short teaser about a zebracorn.")
        feed_server.route("/feed.xml", body=edited.encode())
        await pilot.press("R")
        await settle(pilot)
        assert hidden(db) == 1
        said = [n.message for n in notifications(app)]
        assert said[-1] == (
            "Filter 'no fresh' hid the article you were reading: Hidden, in Sources, lists it."
        ), said


async def test_a_refresh_that_hides_another_article_says_nothing_of_the_one_read(
    tmp_path, feed_server
):
    first = FEED_XML.format(base=feed_server.base)
    feed_server.route("/feed.xml", body=first.encode())
    db = tmp_path / "f.db"
    Library.open(db).close()
    path = write_config(tmp_path, feed_server.url("/feed.xml"), "zebracorn")
    app = NewstuiApp(db, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        item = first[first.index("<item>") : first.index("</item>") + len("</item>")]
        other = item.replace("fresh-1", "zebra-2").replace("A short teaser.", "A zebracorn.")
        feed_server.route("/feed.xml", body=first.replace(item, item + other).encode())
        await pilot.press("R")
        await settle(pilot)
        assert hidden(db) == 1
        assert not [n for n in notifications(app) if "you were reading" in n.message]
