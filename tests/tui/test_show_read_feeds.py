"""Sources can leave out the feeds with nothing unread, as newsboat's `show-read-feeds no`
(toggled in its feed list): `H`, and `show_read_feeds` in [settings] (user test r36 L12: with
7 to 100 feeds every feed was listed whatever its count)."""

from __future__ import annotations

from dataclasses import replace

from newstui.config import load_config
from newstui.library import Library
from newstui.model import ArticleFilter, FeedRow, FetchRecord
from newstui.model.fetching import SetAsideSource
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.source_entries import (
    listed_set_aside,
    read_left_out_notice,
    set_aside_label,
    set_aside_title,
    unread_source_keys,
)
from newstui.tui.widgets.source_label import SourceLabel

from .conftest import FEED_XML, notifications, run_recorded, settle
from .test_feed_keys import feed_ids, feeds_of_stories

MOVED = "https://news.example/beta"


def listed(app: NewstuiApp) -> list[str]:
    """The entries Sources lists, by their names as shown (a failing feed's `! ` before its
    name) and the headings' texts."""
    return [
        (option.prompt.mark + option.prompt.name).plain
        if isinstance(option.prompt, SourceLabel)
        else str(option.prompt)
        for option in app.main.sources.options
    ]


def listed_keys(app: NewstuiApp) -> list[str]:
    return [option.id for option in app.main.sources.options if option.id]


def highlighted(app: NewstuiApp) -> str | None:
    option = app.main.sources.highlighted_option
    return option.id if option is not None else None


def three_feeds_one_read(path) -> dict[str, int]:
    feeds_of_stories(path, {"Alpha": 1, "Beta": 2, "Gamma": 2})
    ids = feed_ids(path)
    with Library.open(path) as library:
        beta = library.articles(ArticleFilter(feed_id=ids["Beta"]))
        library.mark([row.id for row in beta], read=True)
    return ids


async def test_H_leaves_out_the_read_feeds_and_the_highlight_stays_on_its_feed(tmp_path):
    path = tmp_path / "f.db"
    ids = three_feeds_one_read(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert f"feed:{ids['Beta']}" in listed_keys(app)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Gamma']}")
        await pilot.press("H")
        await settle(pilot)
        assert f"feed:{ids['Beta']}" not in listed_keys(app)
        assert {f"feed:{ids['Alpha']}", f"feed:{ids['Gamma']}"} <= set(listed_keys(app))
        assert "Feeds (+1 read)" in listed(app)
        assert highlighted(app) == f"feed:{ids['Gamma']}"
        assert (
            notifications(app)[-1].message
            == "Read feeds left out: Sources lists the feeds with unread, failing or moved."
        )
        await pilot.press("H")
        await settle(pilot)
        assert f"feed:{ids['Beta']}" in listed_keys(app)
        assert "Feeds" in listed(app)
        assert highlighted(app) == f"feed:{ids['Gamma']}"
        # J and K walk the feeds listed
        app.main.sources.select_view(f"feed:{ids['Alpha']}")
        await pilot.press("H", "enter")
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        assert app.main.headlines.view.title == "Gamma"


async def test_H_says_how_many_feeds_never_fetched_stay_listed(tmp_path):
    """Feeds never fetched hold nothing read, so H keeps them: its notice says so, or the
    feeds left listed after an import look like H did nothing (closing note r52)."""
    path = tmp_path / "f.db"
    ids = three_feeds_one_read(path)
    with Library.open(path) as library:
        library.register_source("https://delta.example/", "Delta")
        library.register_source("https://epsilon.example/", "Epsilon")
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Gamma']}")
        await pilot.press("H")
        await settle(pilot)
        assert {"Delta", "Epsilon"} <= set(listed(app))
        assert "Beta" not in listed(app)
        assert notifications(app)[-1].message == (
            "Read feeds left out: Sources lists the feeds with unread, failing or moved"
            " (2 never fetched stay listed)."
        )


def test_H_says_one_feed_never_fetched_stays_listed_in_the_singular():
    waiting = FeedRow(7, "Delta", "feed", "https://delta.example/", (), 0, 0, None, None)
    fetched = replace(waiting, id=8, last_fetched="2026-12-01T09:00:00+00:00")
    assert read_left_out_notice([waiting, fetched]).endswith(" (1 never fetched stays listed).")
    assert read_left_out_notice([fetched]).endswith("failing or moved.")


async def test_the_highlighted_read_feed_stays_listed_until_the_highlight_leaves_it(tmp_path):
    """H on a read feed does not pull the row from under the highlight; once it moved on, the
    next reading of the counts leaves the read feed out."""
    path = tmp_path / "f.db"
    ids = three_feeds_one_read(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Beta']}")
        await pilot.press("H")
        await settle(pilot)
        assert highlighted(app) == f"feed:{ids['Beta']}"
        await pilot.press("j")
        await settle(pilot)
        assert highlighted(app) == f"feed:{ids['Gamma']}"
        app.main.sources.reload()
        await settle(pilot)
        assert f"feed:{ids['Beta']}" not in listed_keys(app)
        assert highlighted(app) == f"feed:{ids['Gamma']}"


async def test_a_failing_feed_with_nothing_unread_stays_listed_with_its_mark(tmp_path):
    """The refresh line says "see ! in Sources": a failing feed is listed while it fails,
    read or not, and leaves once a fetch succeeds (review r37 H1)."""
    path = tmp_path / "f.db"
    ids = three_feeds_one_read(path)  # Beta: every article read
    with Library.open(path) as library:
        library.record_fetch(ids["Beta"], status=None, error="Beta: connection refused")
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Gamma']}")
        await pilot.press("H")
        await settle(pilot)
        assert f"feed:{ids['Beta']}" in listed_keys(app)
        assert "! Beta" in listed(app)
        assert "Feeds" in listed(app)  # nothing left out
        assert "Alpha" in listed(app)  # (a working feed's name has no mark)
        with Library.open(path) as library:
            library.record_fetch(ids["Beta"], status=200, error=None)
        app.main.sources.reload()
        await settle(pilot)
        assert f"feed:{ids['Beta']}" not in listed_keys(app)
        assert "Feeds (+1 read)" in listed(app)


async def test_a_moved_feed_with_nothing_unread_stays_listed_with_its_note(tmp_path):
    """Sources' " · moved" is the only lasting word of a move (its toast goes): a read feed
    that moved stays listed, as a failing one does, until a fetch reads it where the config
    points, or reads it at its own again (r37)."""
    path = tmp_path / "f.db"
    ids = three_feeds_one_read(path)  # Beta: every article read
    with Library.open(path) as library:
        library.record_fetches([FetchRecord(ids["Beta"], 301, None, read_from=MOVED)])
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Gamma']}")
        await pilot.press("H")
        await settle(pilot)
        assert f"feed:{ids['Beta']}" in listed_keys(app)
        assert "Feeds" in listed(app)  # nothing left out
        with Library.open(path) as library:  # read at its own address again: not moved now
            library.record_fetches([FetchRecord(ids["Beta"], 200, None)])
        app.main.sources.reload()
        await settle(pilot)
        assert f"feed:{ids['Beta']}" not in listed_keys(app)
        assert "Feeds (+1 read)" in listed(app)


def served_config(tmp_path, url: str, show_read_feeds: bool) -> object:
    path = tmp_path / "feeds.toml"
    path.write_text(
        f"""[settings]
refresh_minutes = 0
fulltext = false
show_read_feeds = {str(show_read_feeds).lower()}

[[feeds]]
name = "Local Feed"
url = "{url}"
""",
        "utf-8",
    )
    return load_config(path)


async def test_with_the_setting_off_a_read_feed_comes_back_when_a_refresh_brings_unread(
    tmp_path, feed_server
):
    first = FEED_XML.format(base=feed_server.base)
    feed_server.route("/feed.xml", body=first.encode())
    db = tmp_path / "f.db"
    app = NewstuiApp(db, served_config(tmp_path, feed_server.url("/feed.xml"), False))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        feed = f"feed:{feed_ids(db)['Local Feed']}"
        assert feed in listed_keys(app)
        await pilot.press("A")  # every article of All read: the feed has nothing unread
        await settle(pilot)
        app.main.sources.reload()
        await settle(pilot)
        assert feed not in listed_keys(app)
        assert "Feeds (+1 read)" in listed(app)
        item = first[first.index("<item>") : first.index("</item>") + len("</item>")]
        newer = item.replace("fresh-1", "fresh-2").replace("Fresh story", "Newer story")
        feed_server.route("/feed.xml", body=first.replace(item, newer + item).encode())
        await pilot.press("R")
        await settle(pilot)
        assert feed in listed_keys(app)


async def test_with_the_setting_off_feeds_never_fetched_are_listed_before_the_first_fetch(
    tmp_path, feed_server
):
    # user test r52 LOW-4: a newsboat import (show-read-feeds no) showed "Feeds (+39 read)" and
    # no feed until the first refresh: a feed never fetched has nothing read in it
    db = tmp_path / "f.db"
    app = NewstuiApp(db, served_config(tmp_path, feed_server.url("/feed.xml"), False))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Local Feed" in listed(app)
        assert "Feeds" in listed(app)
        assert not [name for name in listed(app) if "read)" in name]


def test_set_aside_feeds_are_listed_by_name_when_unread_shown_or_read_feeds_are_listed():
    """Sources lists the feeds that left the config apart (r44 L7): those with unread articles,
    the one shown or highlighted, and all of them while read feeds are listed."""
    wire = SetAsideSource(1, "k1", "Wire", None, "2026-12-05T01:00:00+00:00", 3, unread=2)
    atom = SetAsideSource(2, "k2", "atom Lab", None, "2026-12-05T01:00:00+00:00", 1)
    old = SetAsideSource(3, "k3", "Desk", None, "2026-12-05T01:00:00+00:00", 1, True)
    every = [(wire, "2027-01-04"), (atom, "2027-01-04"), (old, None)]
    assert listed_set_aside(every, False, ()) == [(wire, "2027-01-04")]
    assert listed_set_aside(every, False, {"feed:3"}) == [(old, None), (wire, "2027-01-04")]
    assert [s.name for s, _ in listed_set_aside(every, True, ())] == ["atom Lab", "Desk", "Wire"]
    assert set_aside_title(wire, "2027-01-04") == "Wire (set aside, kept until 2027-01-04)"
    assert set_aside_title(old, None) == "Desk (set aside, its URL changed)"
    # n goes on into a set-aside feed with unread articles, as into any source listed (r46)
    assert unread_source_keys([], every) == {"feed:1"}
    label = set_aside_label(wire, "2027-01-04", "grey50")
    assert (label.name.plain, label.note.plain, label.count) == (
        "Wire",
        " · until 2027-01-04",
        "  2",
    )
