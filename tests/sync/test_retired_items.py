"""The first sync keeps out the server's copies of the articles a cleanup removed before it, as
a fetch does, and sends the read marks of those read here (user test r34 H2: every read article
keep_per_feed had removed came back unread). A server item carries no feed guid: the removed
article is known by its link, title and enclosures."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_feed_copy_kept import sync
from tests.sync.test_sync_states import READING, TWO, ids_answer, item, refs

WIRE = "https://example.org/wire"
SHOW = "https://pod.example/show/"


def wire(*, guid_is_link: bool = False) -> bytes:
    """Four stories, newest first; their guids are not their links (`w1`, as many feeds give
    them) unless `guid_is_link`."""
    entries = "".join(
        f"<item><title>Story {n}</title><link>{WIRE}/{n}</link>"
        + (f"<guid>{WIRE}/{n}</guid>" if guid_is_link else f"<guid isPermaLink='false'>w{n}</guid>")
        + f"<pubDate>Mon, 0{9 - n} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>Story {n}: the minister said talks went well.</description></item>"
        for n in range(1, 5)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>{WIRE}/</link>{entries}</channel></rss>"
    ).encode()


def podcast() -> bytes:
    """Three episodes that all link to the show's page, each with its own file."""
    entries = "".join(
        f"<item><title>Episode {n}</title><link>{SHOW}</link><guid isPermaLink='false'>ep{n}"
        f"</guid><pubDate>Mon, 0{9 - n} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>Notes {n}</description><enclosure url='https://pod.example/ep{n}.mp3' "
        "type='audio/mpeg' length='20480'/></item>"
        for n in range(1, 4)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Pod</title>'
        f"<link>{SHOW}</link>{entries}</channel></rss>"
    ).encode()


def copy(n: int, link: str, title: str, *states: str, enclosure: str | None = None) -> dict:
    """The server's copy of a feed entry, as item 10 + n."""
    story = {**item(10 + n, "feed/2", *states), "title": title}
    story["canonical"] = [{"href": link}]
    if enclosure:
        story["enclosure"] = [{"href": enclosure, "type": "audio/mpeg", "length": "20480"}]
    return story


def cleaned(
    feed_server, tmp_path: Path, body: bytes, read: list[str], old_unread: tuple[str, ...] = ()
) -> tuple[Path, str]:
    """The feed fetched here without sync, the titles `read` marked read, those `old_unread`
    fetched long ago, then `keep_per_feed = 1` and a cleanup: the database and feed URL."""
    feed_server.route("/feed.xml", body=body)
    url = feed_server.url("/feed.xml")
    db = tmp_path / "n.db"
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Mine"\nurl = "{url}"\n')
    assert main(["--db", str(db), "--config", str(plain), "fetch"]) == 0
    conn = sqlite3.connect(db)
    with conn:
        for title in read:
            conn.execute("UPDATE articles SET read = 1 WHERE title = ?", [title])
        for title in old_unread:
            conn.execute(
                "UPDATE articles SET first_seen = '2020-01-01T00:00:00+00:00' WHERE title = ?",
                [title],
            )
    conn.close()
    plain.write_text(plain.read_text().replace("[settings]\n", "[settings]\nkeep_per_feed = 1\n"))
    assert main(["--db", str(db), "--config", str(plain), "cleanup"]) == 0
    return db, url


def titles(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    found = {r[0] for r in conn.execute("SELECT title FROM articles")}
    conn.close()
    return found


def marks(db: Path) -> dict[str, tuple[int, int]]:
    conn = sqlite3.connect(db)
    found = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT title, read, starred FROM articles")}
    conn.close()
    return found


def serving(fake: FakeGReader, tmp_path: Path, url: str, items: list[dict]) -> Path:  # noqa: F811
    """The fake server following the feed with these items (its unread set: those not read):
    the sync config."""
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "url": url}]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    fake.items.update({int(str(i["id"]).rsplit("/", 1)[1], 16): i for i in items})
    unread = [
        int(str(i["id"]).rsplit("/", 1)[1], 16)
        for i in items
        if "user/-/state/com.google/read" not in i["categories"]
    ]
    ids_answer(fake, [refs(*unread)], [refs()])
    fake.api("/edit-tag", 200, b"OK")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    path.write_text(path.read_text() + f'\n[[feeds]]\nname = "Mine"\nurl = "{url}"\n')
    os.environ["PW_S"] = "pw"
    return path


def read_pushed(fake: FakeGReader) -> list[int]:  # noqa: F811
    """The item ids the sync marked read on the server."""
    return sorted(
        int(i.rsplit("/", 1)[1], 16)
        for path, form in fake.forms
        if path.endswith("/edit-tag") and form.get("a") == ["user/-/state/com.google/read"]
        for i in form.get("i", [])
    )


@pytest.mark.parametrize("edited", [False, True], ids=["same titles", "a title edited since"])
def test_the_first_sync_keeps_out_what_a_cleanup_removed_and_sends_its_read_mark(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edited: bool,
) -> None:
    db, url = cleaned(feed_server, tmp_path, wire(), read=["Story 2"], old_unread=("Story 3",))
    assert titles(db) == {"Story 1", "Story 4"}  # (Story 4 unread and fetched now: kept)
    two = "Story 2 (updated)" if edited else "Story 2"
    config = serving(
        fake,
        tmp_path,
        url,
        [
            copy(1, f"{WIRE}/1", "Story 1"),
            copy(2, f"{WIRE}/2", two),
            copy(3, f"{WIRE}/3", "Story 3"),
            copy(4, f"{WIRE}/4", "Story 4"),
        ],
    )

    report = sync(db, config, capsys)

    assert report["new"] == 0
    assert titles(db) == {"Story 1", "Story 4"}
    # read here when removed: the server is told; removed unread (too old), it is not
    assert read_pushed(fake) == [12]
    assert report["pushed"] == 1
    # the next sync (the server still lists both unread) fetches neither again, sends nothing
    fake.forms.clear()
    fake.hits.clear()
    assert sync(db, config, capsys)["new"] == 0
    assert titles(db) == {"Story 1", "Story 4"}
    assert read_pushed(fake) == []
    assert not any(h.endswith("/stream/items/contents") for h in fake.hits)


def test_a_removed_item_the_server_lists_read_or_starred(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Read there already: kept out, nothing to send. Starred there since (a cleanup never
    removes a starred article): it comes back, starred, and read as it was here (sent)."""
    db, url = cleaned(feed_server, tmp_path, wire(), read=["Story 2", "Story 3"])
    assert titles(db) == {"Story 1", "Story 4"}
    config = serving(
        fake,
        tmp_path,
        url,
        [
            copy(1, f"{WIRE}/1", "Story 1"),
            copy(2, f"{WIRE}/2", "Story 2", "read"),
            copy(3, f"{WIRE}/3", "Story 3", "starred"),
            copy(4, f"{WIRE}/4", "Story 4"),
        ],
    )

    report = sync(db, config, capsys)

    assert report["new"] == 1
    assert marks(db) == {"Story 1": (0, 0), "Story 3": (1, 1), "Story 4": (0, 0)}
    assert read_pushed(fake) == [13]


def test_a_new_episode_under_the_show_link_of_removed_ones_is_stored(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Episodes that share a link are told apart by title: the removed ones stay out, a new
    one under the same link is new."""
    db, url = cleaned(feed_server, tmp_path, podcast(), read=["Episode 2", "Episode 3"])
    assert titles(db) == {"Episode 1"}
    config = serving(
        fake,
        tmp_path,
        url,
        [
            copy(n, SHOW, f"Episode {n}", enclosure=f"https://pod.example/ep{n}.mp3")
            for n in range(1, 5)
        ],
    )

    report = sync(db, config, capsys)

    assert report["new"] == 1
    assert titles(db) == {"Episode 1", "Episode 4"}
    assert read_pushed(fake) == [12, 13]


class OlderCleanup:
    """Story 2 read here and removed by a cleanup of a newstui before schema 38, which kept only
    its identity (no link, title or read mark), then the first sync with the fake server."""

    def __init__(self, fake: FakeGReader, feed_server, tmp_path: Path, capsys) -> None:  # noqa: F811
        self.fake, self.feed_server, self.tmp_path, self.capsys = (
            fake,
            feed_server,
            tmp_path,
            capsys,
        )

    def clean(self, body: bytes) -> tuple[Path, str]:
        """The feed `body` fetched, Story 2 read, the cleanup: the database and feed URL."""
        db, url = cleaned(self.feed_server, self.tmp_path, body, read=["Story 2"])
        conn = sqlite3.connect(db)
        with conn:
            conn.execute("UPDATE retired_articles SET link = NULL, title = NULL, was_read = NULL")
        conn.close()
        return db, url

    def first_sync_keeps_it_out(self, db: Path, url: str) -> None:
        """The server lists the four stories: Story 2 stays out, and no read mark is sent
        (whether it was read is not known)."""
        items = [copy(n, f"{WIRE}/{n}", f"Story {n}") for n in range(1, 5)]
        report = sync(db, serving(self.fake, self.tmp_path, url, items), self.capsys)
        assert (report["new"], report["pushed"]) == (0, 0)
        assert titles(db) == {"Story 1", "Story 3", "Story 4"}
        assert read_pushed(self.fake) == []


@pytest.fixture
def older_cleanup(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> OlderCleanup:
    return OlderCleanup(fake, feed_server, tmp_path, capsys)


def test_an_article_removed_by_an_older_newstui_is_known_by_a_guid_that_is_its_link(
    older_cleanup: OlderCleanup,
) -> None:
    """A cleanup before schema 38 kept only the identity: the item's link is it when the feed
    gave the link as the guid."""
    db, url = older_cleanup.clean(wire(guid_is_link=True))
    assert titles(db) == {"Story 1", "Story 3", "Story 4"}

    older_cleanup.first_sync_keeps_it_out(db, url)


DAILY = f"{WIRE}/daily"
DAY_1 = 1_793_527_200  # 2026-11-01T10:00:00Z, the daily post's date in daily_feed


def daily_feed() -> bytes:
    """Another story (2 November) and a "Daily briefing" of 1 November under its own page."""
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>{WIRE}/</link><item><title>Other story</title><link>{WIRE}/other</link>"
        "<guid isPermaLink='false'>o1</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>"
        "<description>Other.</description></item><item><title>Daily briefing</title>"
        f"<link>{DAILY}</link><guid isPermaLink='false'>d1</guid>"
        "<pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate><description>Day 1.</description>"
        "</item></channel></rss>"
    ).encode()


def test_another_days_post_under_the_link_and_title_of_a_removed_one_is_stored(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A daily post under one page and headline: the removed day stays out, the next day's
    (another date) is new, never kept out for good as the removed one."""
    db, url = cleaned(feed_server, tmp_path, daily_feed(), read=["Other story", "Daily briefing"])
    assert titles(db) == {"Other story"}
    day = DAY_1
    config = serving(
        fake,
        tmp_path,
        url,
        [
            copy(1, f"{WIRE}/other", "Other story"),
            {**copy(2, DAILY, "Daily briefing"), "published": day},
            {**copy(3, DAILY, "Daily briefing"), "published": day + 2 * 86_400},
        ],
    )

    report = sync(db, config, capsys)

    assert report["new"] == 1
    conn = sqlite3.connect(db)
    dates = conn.execute("SELECT published FROM articles WHERE title = 'Daily briefing'")
    assert [r[0] for r in dates] == ["2026-11-03T10:00:00+00:00"]
    conn.close()
    assert read_pushed(fake) == [11, 12]


def test_a_removed_post_the_server_dates_hours_apart_is_still_kept_out(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review r34 S2: the date guard took any other date for another entry, so a server that
    keeps the date it first saw (the feed re-dated the entry since), or its own crawl time,
    brought a removed read article back unread. Dates within SAME_ENTRY_HOURS are one entry."""
    db, url = cleaned(feed_server, tmp_path, daily_feed(), read=["Other story", "Daily briefing"])
    assert titles(db) == {"Other story"}
    crawled = DAY_1 + 3 * 3600  # 2026-11-01T13:00:00Z: three hours after the feed's date
    config = serving(
        fake,
        tmp_path,
        url,
        [
            copy(1, f"{WIRE}/other", "Other story"),
            {**copy(2, DAILY, "Daily briefing"), "published": crawled},
        ],
    )

    report = sync(db, config, capsys)

    assert report["new"] == 0
    assert titles(db) == {"Other story"}
    assert read_pushed(fake) == [11, 12]


def test_an_article_removed_by_an_older_newstui_is_known_once_a_fetch_offered_it_again(
    older_cleanup: OlderCleanup, feed_server, tmp_path: Path
) -> None:
    """A fetch that finds a removed article still offered gives its row what an older cleanup
    did not keep (its guid `w2` is not its link): the first sync after it keeps it out."""
    db, url = older_cleanup.clean(wire())
    edited = wire().replace(b"Story 1: the minister", b"Story 1: the prime minister")
    feed_server.route("/feed.xml", body=edited)  # (unchanged, it is not read again)
    assert main(["--db", str(db), "--config", str(tmp_path / "plain.toml"), "fetch"]) == 0
    assert titles(db) == {"Story 1", "Story 3", "Story 4"}  # (as ever: not back)

    older_cleanup.first_sync_keeps_it_out(db, url)


def test_another_user_s_account_is_sent_no_read_mark_of_a_removed_article(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review r34 S3: after the store switched to another user's account (forget_server
    without keep_marks: the queue of marks made here is dropped), the removed articles still
    sent their read marks to the new account. They are still kept out."""
    from newstui.library import Library

    db, url = cleaned(feed_server, tmp_path, wire(), read=["Story 2"], old_unread=("Story 3",))
    with Library.open(db) as library:
        library.sync.forget_server(keep_marks=False)  # another user configured
    config = serving(fake, tmp_path, url, [copy(n, f"{WIRE}/{n}", f"Story {n}") for n in (1, 2, 4)])

    report = sync(db, config, capsys)

    assert read_pushed(fake) == [] and report["pushed"] == 0
    assert report["new"] == 0  # Story 2 still kept out


def test_a_stored_daily_post_is_not_paired_with_the_next_day_s_item(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review r34 S1: the first sync paired day 1's stored "Daily briefing" (read here) with
    the server's day-3 item under the same link and headline: day 3 was marked read on the
    server unseen, and showed day 1's text. Dates more than 12 hours apart are two entries."""
    feed_server.route("/feed.xml", body=daily_feed())
    url = feed_server.url("/feed.xml")
    db = tmp_path / "n.db"
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Mine"\nurl = "{url}"\n')
    assert main(["--db", str(db), "--config", str(plain), "fetch"]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET read = 1")
    conn.close()
    day3 = {**copy(3, DAILY, "Daily briefing"), "published": DAY_1 + 2 * 86_400}
    config = serving(fake, tmp_path, url, [{**day3, "summary": {"content": "<p>Day 3.</p>"}}])

    report = sync(db, config, capsys)

    assert read_pushed(fake) == [] and report["new"] == 1
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT read, published FROM articles WHERE title = 'Daily briefing' ORDER BY published"
    ).fetchall()
    conn.close()
    assert rows == [(1, "2026-11-01T10:00:00+00:00"), (0, "2026-11-03T10:00:00+00:00")]
