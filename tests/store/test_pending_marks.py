"""Marks imported from newsboat wait in the store for their articles: given when a save stores
them, in time linear in the marks and articles, and forgotten once used or past the feed's
retention (60 days without one)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newstui.library import Library
from newstui.model import Article, ArticleFilter, RetentionPolicy
from newstui.model.marks import ImportedMark
from newstui.store.article_saving import save_feeds
from newstui.store.opening import open_db
from newstui.store.pending_marks import UNMATCHED_DAYS, add_pending_marks

NOW = datetime.now(UTC).replace(microsecond=0)


def _feeds(library: Library, count: int) -> list[tuple[str, int]]:
    urls = [f"https://feed{n}.example/rss" for n in range(count)]
    return [(url, library.register_source(url, f"Feed {n}", url=url)) for n, url in enumerate(urls)]


def _articles(feed: int, count: int) -> list[Article]:
    return [
        Article(f"Story {feed}.{n}", f"Text {feed}.{n}.", guid=f"g{n}", url=f"https://s/{feed}/{n}")
        for n in range(count)
    ]


def _marks(feeds: list[tuple[str, int]], count: int) -> list[ImportedMark]:
    """Every other article read, every fifth starred, by guid (every fourth by its guid as a
    fetch resolves it: `ep2` is stored as g2); the odd ones by link alone."""
    return [
        ImportedMark(
            url,
            None if n % 2 else f"ep{n}" if n % 4 == 2 else f"g{n}",
            f"https://s/{f}/{n}",
            n % 2 == 0,
            n % 5 == 0,
            f"g{n}" if n % 4 == 2 else None,
        )
        for f, (url, _) in enumerate(feeds)
        for n in range(count)
    ]


def test_marks_are_given_to_the_articles_a_save_stores_and_then_forgotten(tmp_path):
    with Library.open(tmp_path / "m.db") as library:
        feeds = _feeds(library, 2)
        taken = library.add_imported_marks(_marks(feeds, 10))
        assert (taken.applied, taken.waiting) == (0, 12)  # 5 read and 1 starred of each 10

        for f, (_, feed_id) in enumerate(feeds):
            library.save_batch(feed_id, _articles(f, 10))

        assert library.count(ArticleFilter(unread=True)) == 10  # the odd ones, matched by link
        assert library.count(ArticleFilter(starred=True)) == 4
        assert library.add_imported_marks([]).waiting == 0  # all used


def test_a_mark_finds_the_article_of_its_guid_as_written_before_the_one_resolved(tmp_path):
    """A feed may hold an item whose guid is `ep1` (isPermaLink="false") and one whose guid is
    its resolved URL: newsboat's mark of `ep1` is the first's, the second's stays unread."""
    with Library.open(tmp_path / "m.db") as library:
        [(url, feed_id)] = _feeds(library, 1)
        resolved = "https://feed0.example/ep1"
        library.add_imported_marks([ImportedMark(url, "ep1", None, True, False, resolved)])
        twins = [Article("Written", "A.", guid="ep1"), Article("Resolved", "B.", guid=resolved)]

        library.save_batch(feed_id, twins)

        unread = [a.title for a in library.articles(ArticleFilter(unread=True))]
        assert unread == ["Resolved"]
        assert library.add_imported_marks([]).waiting == 0


def test_a_feed_without_marks_saves_as_before(tmp_path):
    with Library.open(tmp_path / "m.db") as library:
        [(_url, feed_id)] = _feeds(library, 1)
        library.add_imported_marks([ImportedMark("https://other.example/rss", "g1", None, True)])
        library.save_batch(feed_id, _articles(0, 3))
        assert library.count(ArticleFilter(unread=True)) == 3
        assert library.add_imported_marks([]).waiting == 1


def _work(path, feeds: int, per_feed: int) -> tuple[int, int]:
    """SQLite's steps (progress-handler calls, each 1,000 VM instructions) to take the marks of
    `feeds` feeds of `per_feed` articles: given at once to stored ones, and at the save."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    with Library.open(path) as library:
        listed = _feeds(library, feeds)
        for f, (_, feed_id) in enumerate(listed[: feeds // 2]):  # half stored before the import
            library.save_batch(feed_id, _articles(f, per_feed))
    db = open_db(path)
    db.conn.set_progress_handler(count, 1000)
    add_pending_marks(db, _marks(listed, per_feed), NOW)
    at_import = steps[0]
    db.conn.close()
    steps[0] = 0
    db = open_db(path)
    db.conn.set_progress_handler(count, 1000)
    for f, (_, feed_id) in list(enumerate(listed))[feeds // 2 :]:  # as a fetch saves them
        save_feeds(db, [(feed_id, _articles(f, per_feed))])
    db.conn.close()
    return at_import, steps[0]


@pytest.mark.parametrize("part", [0, 1], ids=["at the import", "at the fetch"])
@pytest.mark.parametrize("larger", [(40, 75), (20, 150)], ids=["more feeds", "longer feeds"])
def test_taking_marks_costs_work_in_step_with_the_articles(tmp_path, part, larger):
    """A 40-feed cache of 3,000 items against one of 1,500 (and 20 feeds of 150 items): twice
    the work, not four times (each saved feed's marks looked up, not searched for its links)."""
    small = _work(tmp_path / "small.db", 20, 75)[part]
    large = _work(tmp_path / "large.db", *larger)[part]
    print(f"steps: {small} -> {large} ({large / small:.2f}x)")
    assert large < 2.4 * small


def test_marks_whose_articles_never_came_go_after_the_feeds_retention(tmp_path):
    with Library.open(tmp_path / "m.db") as library:
        (short, short_id), (plain, plain_id) = _feeds(library, 2)
        library.add_imported_marks(
            [ImportedMark(short, "old", None, True), ImportedMark(plain, "old", None, True)],
            now=NOW - timedelta(days=20),
        )
        policies = {short_id: RetentionPolicy(keep_days=14), plain_id: RetentionPolicy()}

        library.cleanup(policies, now=NOW)
        assert library.add_imported_marks([], now=NOW).waiting == 1  # keep_days 14: gone

        library.cleanup(policies, now=NOW + timedelta(days=UNMATCHED_DAYS))
        assert library.add_imported_marks([], now=NOW).waiting == 0  # 60 days without one


def test_without_retention_settings_a_save_forgets_marks_60_days_old(tmp_path):
    """No keep_days: no cleanup runs after a fetch, and the marks must not pile up."""
    with Library.open(tmp_path / "m.db") as library:
        [(url, feed_id)] = _feeds(library, 1)
        old = NOW - timedelta(days=UNMATCHED_DAYS, hours=1)
        library.add_imported_marks([ImportedMark(url, "gone", None, True)], now=old)
        library.add_imported_marks([ImportedMark(url, "later", None, True)], now=NOW)

        library.save_batch(feed_id, _articles(0, 1))

        assert library.add_imported_marks([], now=NOW).waiting == 1


def test_the_day_waiting_marks_are_said_to_go_is_when_cleanup_forgets_them(tmp_path):
    """Review r33 F6: `feeds` said 60 days for marks a feed's keep_days = 14 dropped sooner."""
    with Library.open(tmp_path / "m.db") as library:
        (short, short_id), (plain, plain_id) = _feeds(library, 2)
        library.add_imported_marks(
            [ImportedMark(short, "a", None, True), ImportedMark(plain, "a", None, True)], now=NOW
        )
        said = {w.feed_url: w.forgotten for w in library.waiting_marks({short: 14, plain: 0})}
        days = {short: 14, plain: UNMATCHED_DAYS}
        assert said == {
            url: (NOW + timedelta(days=n)).date().isoformat() for url, n in days.items()
        }

        policies = {short_id: RetentionPolicy(keep_days=14), plain_id: RetentionPolicy()}
        for url, n in days.items():
            library.cleanup(policies, now=NOW + timedelta(days=n, seconds=-1))
            assert url in {w.feed_url for w in library.waiting_marks()}  # not before that day
            library.cleanup(policies, now=NOW + timedelta(days=n, seconds=1))
            assert url not in {w.feed_url for w in library.waiting_marks()}  # and then gone


def test_an_upgraded_store_gives_the_stars_an_older_import_could_not(tmp_path):
    """Schema 59 (user test r52 HIGH-1): an article an import of schema 58 marked read gets the
    star an import run again brings, and one it marked read and the user marked unread stays
    unread. Schema 58 kept no word of stars: one an old import gave and the user took off comes
    again once (README says so); from then on a star taken off stays off."""
    import sqlite3

    path = tmp_path / "m.db"
    with Library.open(path) as library:
        [(url, feed_id)] = _feeds(library, 1)
        library.save_batch(feed_id, _articles(0, 3))
        library.add_imported_marks(
            [ImportedMark(url, f"g{n}", None, True, starred=n == 2) for n in range(3)]
        )
        ids = {a.title: a.id for a in library.articles(limit=None)}
        library.mark([ids["Story 0.1"]], read=False)
    conn = sqlite3.connect(path)  # as schema 58 kept it: which article, not which marks
    conn.execute("ALTER TABLE imported_marks DROP COLUMN read")
    conn.execute("ALTER TABLE imported_marks DROP COLUMN starred")
    conn.execute("PRAGMA user_version = 58")
    conn.commit()
    conn.close()
    marks = [ImportedMark(url, f"g{n}", None, True, starred=True) for n in range(3)]

    with Library.open(path) as library:
        taken = library.add_imported_marks(marks)
        starred = {a.title for a in library.articles(ArticleFilter(starred=True))}
        unread = {a.title for a in library.articles(ArticleFilter(unread=True))}
        assert starred == {"Story 0.0", "Story 0.1", "Story 0.2"}
        assert unread == {"Story 0.1"}
        assert (taken.read.there, taken.read.undone) == (2, 1)
        assert (taken.starred.given, taken.starred.there) == (2, 1)
        assert taken.read.total + taken.starred.total == 6

        library.mark([ids["Story 0.0"]], starred=False)
        again = library.add_imported_marks(marks)
        assert {a.title for a in library.articles(ArticleFilter(starred=True))} == {
            "Story 0.1",
            "Story 0.2",
        }
        assert (again.starred.undone, again.starred.there) == (1, 2)


def test_an_upgraded_store_gives_the_read_mark_an_older_star_only_import_did_not(tmp_path):
    """Review r52 LOW-2: an old import that starred an article newsboat had unread left a row
    schema 59 took as a read mark given; read in newsboat later, a re-import did not give it and
    said the article was "marked unread since"."""
    import sqlite3

    path = tmp_path / "m.db"
    with Library.open(path) as library:
        [(url, feed_id)] = _feeds(library, 1)
        library.save_batch(feed_id, _articles(0, 2))
        library.add_imported_marks(
            [
                ImportedMark(url, "g0", None, False, starred=True),
                ImportedMark(url, "g1", None, True),
            ]
        )
        ids = {a.title: a.id for a in library.articles(limit=None)}
        library.mark([ids["Story 0.1"]], read=False)  # a read mark given, then undone here
    conn = sqlite3.connect(path)  # as schema 58 kept it: which article, not which marks
    conn.execute("ALTER TABLE imported_marks DROP COLUMN read")
    conn.execute("ALTER TABLE imported_marks DROP COLUMN starred")
    conn.execute("PRAGMA user_version = 58")
    conn.commit()
    conn.close()

    with Library.open(path) as library:  # newsboat has both read now
        taken = library.add_imported_marks(
            [ImportedMark(url, "g0", None, True, starred=True), ImportedMark(url, "g1", None, True)]
        )
        unread = {a.title for a in library.articles(ArticleFilter(unread=True))}
        assert unread == {"Story 0.1"}  # the one the user marked unread stays so
        assert (taken.read.given, taken.read.undone, taken.starred.there) == (1, 1, 1)
