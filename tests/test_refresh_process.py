"""A large refresh runs in a child process: outcomes stream back, articles are stored, and a
cancel stops it soon."""

import threading
import time

from newstui.config import load_config
from newstui.library import Library
from newstui.tui.refresh import CHILD_MIN_FEEDS, plan_all, run_refresh


def rss(feed: int) -> bytes:
    items = "".join(
        f"<item><title>Story {feed}-{n}</title><guid>{feed}-{n}</guid>"
        f"<description>Text {n}.</description></item>"
        for n in range(3)
    )
    return f'<rss version="2.0"><channel><title>F{feed}</title>{items}</channel></rss>'.encode()


def many_feeds(feed_server, config_file, delay: float = 0):
    feeds = {}
    for i in range(CHILD_MIN_FEEDS):
        feed_server.route(f"/f{i}", body=rss(i), delay=delay)
        feeds[f"Feed {i}"] = f"/f{i}"
    return load_config(config_file(feeds))


def test_a_large_refresh_runs_outside_the_apps_process_and_reports_every_source(
    db_path, feed_server, config_file, monkeypatch
):
    config = many_feeds(feed_server, config_file)

    def not_here(*args, **kwargs):
        raise AssertionError("fetched in the app's own process")

    monkeypatch.setattr("newstui.ingest.fetch_feeds", not_here)
    outcomes = []

    assert run_refresh(db_path, config, plan_all(config), outcomes.append) is None

    assert sorted(o.name for o in outcomes) == sorted(f.name for f in config.feeds)
    assert all(o.new == 3 for o in outcomes)
    with Library.open(db_path) as library:
        assert library.count() == 3 * CHILD_MIN_FEEDS


def test_cancelling_a_refresh_in_a_child_process_returns_soon(db_path, feed_server, config_file):
    config = many_feeds(feed_server, config_file, delay=20)
    cancel = threading.Event()
    threading.Timer(1.0, cancel.set).start()
    started = time.monotonic()

    assert run_refresh(db_path, config, plan_all(config), print, cancel) is None

    assert time.monotonic() - started < 8
