"""A first fetch of a few dozen feeds starts no process it does not need: its article pages are
extracted in its own worker, and a small batch of new articles is analysed by the worker alone
(user test r52 LOW-5: 8-14x newsboat's first fetch)."""

from __future__ import annotations

import pytest
from test_fetch import count_analyses_here, fetch, one_worker, unanalysed  # noqa: F401
from test_fulltext_auto import PAGE, item

import newstui.fulltext
from newstui.ingest import article_pages

RSS = {"Content-Type": "application/rss+xml"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def pools_started(monkeypatch) -> list[int]:
    """Counts the page extraction pools of their own a fetch starts."""
    started: list[int] = []
    real = newstui.fulltext.ExtractionPool

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            started.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(newstui.fulltext, "ExtractionPool", Counted)
    return started


def many_feeds(feed_server, pages: int = 2, feeds: int = 8, items: int = 2) -> dict[str, str]:
    """`feeds` feeds (enough to parse in worker processes) of `items` short articles each, and
    a summary-only feed whose `pages` entries link to article pages."""
    base = feed_server.base
    routes = {}
    for f in range(feeds):
        entries = "".join(
            item(base, f"f{f}-{i}", f"Short news {f}-{i} from the harbour.") for i in range(items)
        )
        feed = f'<rss version="2.0"><channel><title>F{f}</title>{entries}</channel></rss>'
        feed_server.route(f"/f{f}", body=feed.encode(), headers=RSS)
        routes[f"Feed {f}"] = f"/f{f}"
    summaries = "".join(item(base, f"long-{i}", "Only a summary.") for i in range(pages))
    feed = f'<rss version="2.0"><channel><title>Long</title>{summaries}</channel></rss>'
    feed_server.route("/long", body=feed.encode(), headers=RSS)
    for i in range(pages):
        feed_server.route(f"/page/long-{i}", body=PAGE, headers=HTML)
    routes["Long Reads"] = "/long"
    return routes


@pytest.mark.usefixtures("one_worker")
async def test_a_fetch_of_many_feeds_extracts_its_pages_in_its_own_worker_not_a_new_pool(
    db, feed_server, config_file, pools_started
):
    config = config_file(many_feeds(feed_server, pages=2), fulltext="auto")

    outcomes = await fetch(db, config)

    assert outcomes["Long Reads"].fulltext_ok == 2
    assert outcomes["Long Reads"].fulltext_failed == 0
    assert pools_started == []  # (the fetch's worker read both pages)


@pytest.mark.usefixtures("one_worker")
async def test_pages_past_the_workers_share_are_extracted_in_a_pool_of_their_own(
    db, feed_server, config_file, pools_started, monkeypatch
):
    monkeypatch.setattr(article_pages, "PAGES_IN_FETCH_WORKERS", 1)
    config = config_file(many_feeds(feed_server, pages=3), fulltext="auto")

    outcomes = await fetch(db, config)

    assert outcomes["Long Reads"].fulltext_ok == 3  # one there, two here: all three read
    assert pools_started == [1]


async def test_a_fetch_of_few_feeds_extracts_its_pages_in_a_pool_as_before(
    db, feed_server, config_file, pools_started
):
    config = config_file(
        {"Long Reads": many_feeds(feed_server, pages=2)["Long Reads"]}, fulltext="auto"
    )

    outcomes = await fetch(db, config)

    assert outcomes["Long Reads"].fulltext_ok == 2
    assert pools_started == [1]  # no worker pool of the fetch's own: the pages' pool


@pytest.mark.usefixtures("one_worker")
async def test_a_small_batch_of_new_articles_is_analysed_by_the_worker_alone(
    db, feed_server, config_file, monkeypatch
):
    here = count_analyses_here(monkeypatch)
    config = config_file(many_feeds(feed_server, pages=0, feeds=9, items=3))

    outcomes = await fetch(db, config)

    assert sum(o.new for o in outcomes.values()) == 27
    assert unanalysed(db) == 0  # every one analysed…
    assert here == [0]  # …by the worker: this process loaded no extractor to share 27
