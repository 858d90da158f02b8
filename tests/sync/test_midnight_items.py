"""A server's item dated at midnight UTC is a time, not a day without one: the Google Reader
API gives dates as timestamps (seconds since 1970), which always carry a time (they read as
days since schema 53, as a date of unknown kind stored at midnight does). Paired with an
article fetched here from the feed, the feed's word on its date stays."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_feed_copy_kept import sync
from tests.sync.test_retired_items import copy, serving
from tests.sync.test_untitled_items import fetched

MIDNIGHT = int(datetime(2026, 11, 2, tzinfo=UTC).timestamp())
SITE = "https://example.org/pier"


def listed(db: Path, config: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    """Each article's title: its `published` and `date_only`, and whether `show` gives it the
    time 00:00 (the tests' zone is UTC)."""
    capsys.readouterr()
    assert main(["--db", str(db), "--config", str(config), "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    found = {}
    for a in data:
        assert main(["--db", str(db), "--config", str(config), "show", str(a["id"])]) == 0
        shown = capsys.readouterr().out
        found[a["title"]] = (a["published"], a["date_only"], "00:00" in shown)
    return found


def dated(n: int, title: str, published: int) -> dict[str, object]:
    """The server's item `n` of the feed, published at `published` (a timestamp)."""
    return {**copy(n, f"{SITE}/{n}", title), "published": published}


def test_a_server_item_at_midnight_utc_shows_its_time(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Pier</title></channel></rss>'
    db, url = fetched(feed_server, tmp_path, empty.encode())
    config = serving(fake, tmp_path, url, [dated(1, "Ferry at midnight", MIDNIGHT)])

    report = sync(db, config, capsys)

    assert report["new"] == 1
    assert listed(db, config, capsys) == {
        "Ferry at midnight": ("2026-11-02T00:00:00+00:00", False, True)
    }


@pytest.mark.parametrize(
    ("pub_date", "date_only"),
    [("Mon, 02 Nov 2026", True), ("Mon, 02 Nov 2026 00:00:00 GMT", False)],
    ids=["a day without a time", "a real midnight"],
)
def test_the_servers_copy_of_an_article_fetched_here_keeps_the_feeds_word_on_its_date(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    pub_date: str,
    date_only: bool,
) -> None:
    """A server reading `2 Nov 2026` in UTC gives it as midnight's timestamp: the same date,
    of which the feed fetched here knows whether it had a time."""
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Pier</title>'
        f"<item><title>Ferry at midnight</title><link>{SITE}/1</link><guid>p1</guid>"
        f"<pubDate>{pub_date}</pubDate><description>The ferry left.</description></item>"
        "</channel></rss>"
    ).encode()
    db, url = fetched(feed_server, tmp_path, body)
    config = serving(fake, tmp_path, url, [dated(1, "Ferry at midnight", MIDNIGHT)])

    report = sync(db, config, capsys)

    assert report["new"] == 0  # (paired with the feed's article)
    assert listed(db, config, capsys) == {
        "Ferry at midnight": ("2026-11-02T00:00:00+00:00", date_only, not date_only)
    }
