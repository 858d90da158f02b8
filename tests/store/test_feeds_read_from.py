"""The store keeps the address each feed's last fetch read it from after redirects (schema 40),
so marks imported from newsboat after a fetch resolve a permalink guid as that fetch did."""

from __future__ import annotations

from pathlib import Path

from newstui.library import Library
from newstui.model.fetching import FetchRecord
from tests.store.older_store import made_by_schema

FEED = "http://pod.example/pod.xml"
MOVED = "https://pod.example/shows/pod.xml"


def store_of_schema_39(path: Path) -> None:
    """A store made by schema 39 with one feed, fetched."""
    conn = made_by_schema(path, 39)
    conn.execute(
        "INSERT INTO feeds (id, key, name, url, last_fetched) VALUES (1, ?, 'Pod', ?, "
        "'2026-12-01T10:00:00+00:00')",
        [FEED, FEED],
    )
    conn.commit()
    conn.close()


def test_a_store_from_before_upgrades_and_keeps_where_each_fetch_read_its_feed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    store_of_schema_39(path)

    with Library.open(path) as library:
        assert library.feeds_read_from() == {}  # (not known before: as read from its URL)
        library.record_fetches([FetchRecord(1, 200, None, read_from=MOVED)])
        assert library.feeds_read_from() == {FEED: MOVED}
        library.record_fetches([FetchRecord(1, 304, None, keep_cache=True)])  # (no address)
        library.record_fetches([FetchRecord(1, None, "timed out", next_try=None)])
        assert library.feeds_read_from() == {FEED: MOVED}
        library.record_fetches([FetchRecord(1, 200, None, read_from=FEED)])  # no redirect now
        assert library.feeds_read_from() == {}


def test_a_failure_begun_before_the_last_success_is_not_stored_over_it(tmp_path: Path) -> None:
    # user test r37 L1: cron's fetch hung, the app's fetch of the feed succeeded meanwhile, and
    # the hung one's "timed out" (ending last) stood in `feeds` with its back-off
    path = tmp_path / "old.db"
    store_of_schema_39(path)
    with Library.open(path) as library:
        library.record_fetches([FetchRecord(1, 200, None)])
        before = "2000-01-01T00:00:00+00:00"
        library.record_fetches([FetchRecord(1, None, "timed out", started=before)])
        (row,) = library.sources()
        assert (row.last_error, row.failures) == (None, 0)

        after = "2999-01-01T00:00:00+00:00"  # (begun after the success: a failure indeed)
        library.record_fetches([FetchRecord(1, None, "timed out", started=after)])
        (row,) = library.sources()
        assert (row.last_error, row.failures) == ("timed out", 1)
