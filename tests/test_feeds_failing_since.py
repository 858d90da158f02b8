"""`newstui feeds` says since when a feed has been failing (user test r37 L6: with cron fetching,
"last fetch" is the last try, and a feed dead for five days looked like one that failed once
this morning)."""

from __future__ import annotations

import json
import sqlite3

from newstui.cli import output as cli_output
from newstui.cli.main import main

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Dead</title>
<item><title>One</title><link>http://x/1</link><guid>1</guid></item></channel></rss>"""
FIRST = "2026-11-30T16:32:05+00:00"


def test_feeds_says_since_when_a_feed_has_been_failing_until_it_fetches_again(
    db_path, feed_server, config_file, capsys, monkeypatch
):
    monkeypatch.setattr(cli_output.stdout_console(), "width", 200)
    dead = feed_server.route("/dead", status=404)
    config = config_file({"Dead": "/dead"})

    def cli(*args: str) -> int:
        return main(["--db", str(db_path), "--config", str(config), *args])

    def feeds() -> dict:
        capsys.readouterr()
        assert cli("feeds", "--json") == 0
        [feed] = json.loads(capsys.readouterr().out)
        return feed

    assert cli("fetch", "Dead") == 1
    first = feeds()
    assert first["failing_since"] == first["last_fetched"]  # the first failure of the run
    with sqlite3.connect(db_path) as db:  # as if days had passed since that failure
        db.execute("UPDATE feeds SET failing_since = ?, last_fetched = ?", [FIRST, FIRST])
    assert cli("fetch", "Dead") == 1  # named: tried now, failing still
    again = feeds()
    assert (again["failing_since"], again["failures"]) == (FIRST, 2)
    assert again["last_fetched"] > FIRST
    assert cli("feeds") == 0
    assert (
        "HTTP 404 Not Found (failing since 2026-11-30 16:32, 2 fetches)" in capsys.readouterr().out
    )

    dead.status = 200
    dead.body = RSS
    dead.headers = {"Content-Type": "application/rss+xml"}
    assert cli("fetch", "Dead") == 0
    assert feeds()["failing_since"] is None
    dead.status = 404
    assert cli("fetch", "Dead") == 1  # a new run of failures: since now
    anew = feeds()
    assert anew["failing_since"] == anew["last_fetched"] != FIRST and anew["failures"] == 1


def test_a_store_from_before_failing_since_is_upgraded_keeping_its_feeds_and_failures(tmp_path):
    from newstui.library import Library
    from newstui.store import open_db
    from newstui.store.schema import MIGRATIONS
    from tests.store.older_store import made_by_schema

    path = tmp_path / "old.db"
    before = next(i for i, m in enumerate(MIGRATIONS) if any("failing_since" in s for s in m))
    conn = made_by_schema(path, before)
    conn.execute(
        "INSERT INTO feeds (key, name, url, last_error, failures) "
        "VALUES ('u', 'Old', 'u', 'HTTP 503', 3)"
    )
    conn.commit()
    conn.close()

    for _ in range(2):  # upgraded once, then opened as it is
        db = open_db(path)
        try:
            [row] = Library(db).sources()
        finally:
            db.conn.close()
        # when its failures began is not known: not made up
        assert (row.name, row.last_error, row.failures, row.failing_since) == (
            "Old",
            "HTTP 503",
            3,
            None,
        )


def test_a_sync_that_reads_a_failing_feed_ends_its_failures_as_a_good_fetch_does(
    db_path, feed_server, config_file, capsys
):
    # r37: the sync cleared the error only; the feed stayed backed off ("· next 21:10" in
    # Sources, `fetch` left it waiting) and its next failure said "failing since" days back
    from newstui.library import Library
    from newstui.model import RemoteFeed, fold_url

    feed_server.route("/dead", status=404)
    config = config_file({"Dead": "/dead"})

    def cli(*args: str) -> int:
        return main(["--db", str(db_path), "--config", str(config), *args])

    def feeds() -> dict:
        capsys.readouterr()
        assert cli("feeds", "--json") == 0
        [feed] = json.loads(capsys.readouterr().out)
        return feed

    assert cli("fetch", "Dead") == 1 and cli("fetch", "Dead") == 1
    failing = feeds()
    assert failing["failures"] == 2 and failing["next_try"] is not None
    with sqlite3.connect(db_path) as db:  # days ago
        db.execute("UPDATE feeds SET failing_since = ?", [FIRST])

    url = feed_server.url("/dead")
    with Library.open(db_path) as library:  # the server fetched it for us: it works again
        library.sync.apply_subscriptions(
            [RemoteFeed("feed/1", "Dead", url)], {fold_url(url): ("Dead", ())}
        )
    synced = feeds()
    assert synced["last_error"] is None
    assert (synced["failures"], synced["next_try"], synced["failing_since"]) == (0, None, None)

    assert cli("fetch") == 1  # not left waiting: tried, and a new run of failures begins now
    anew = feeds()
    assert anew["failures"] == 1 and anew["failing_since"] == anew["last_fetched"] != FIRST
