"""A first fetch of a few dozen feeds starts no process it does not need: its article pages are
extracted in its own worker, and a small batch of new articles is analysed by the worker alone
(user test r52 LOW-5: 8-14x newsboat's first fetch)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from test_fetch import (  # noqa: F401
    ballot_feeds,
    count_analyses_here,
    fetch,
    one_worker,
    unanalysed,
)
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


def test_the_fetching_process_loads_no_page_extraction_and_no_newsboat_cache_reader(
    tmp_path, feed_server, config_file
):
    """Its workers extract the pages and nothing waits for newsboat's marks: the fetching
    process itself never imports the extraction (trafilatura, the page's cleaning), newsboat's
    cache reader or the sync's store code (~0.06 s of CPU of a first fetch, user test r52 LOW-5)."""
    config = config_file(many_feeds(feed_server, pages=2), fulltext="auto")
    db = tmp_path / "first.db"
    listed = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "from newstui.cli.main import main\n"
        f"status = main(['--db', {str(db)!r}, '--config', {str(config)!r}, 'fetch'])\n"
        f"open({str(listed)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stderr
    assert "2 fetched" in done.stdout  # (the pages were read: in the worker)
    loaded = set(json.loads(listed.read_text()))
    assert "newstui.fulltext" in loaded  # (which items are podcast episodes)
    for module in (
        "newstui.fulltext.page",
        "trafilatura",
        "newstui.sources.newsboat_cache",
        "newstui.store.sync",
    ):
        assert module not in loaded


def count_parsed_here(monkeypatch) -> list[str]:
    """The documents parsed in this (the fetching) process; the workers' are not."""
    import newstui.ingest.parsing

    parsed_here: list[str] = []
    real = newstui.ingest.parsing.parse_document

    def counted(body, url, content_type, utf8=True):
        parsed_here.append(url)
        return real(body, url, content_type, utf8)

    monkeypatch.setattr(newstui.ingest.parsing, "parse_document", counted)
    return parsed_here


@pytest.mark.usefixtures("one_worker")
async def test_beside_a_first_fetchs_analysing_worker_the_fetching_process_parses(
    db, feed_server, config_file, monkeypatch
):
    """A first fetch's worker analyses every article (it loads the extractor from its start);
    the fetching process, which only fetched and stored, parses: no document waits behind the
    load and the analyses in the worker."""
    from newstui.processes import CpuPool

    monkeypatch.setattr(CpuPool, "analyses_every_article", lambda self: True)
    parsed_here = count_parsed_here(monkeypatch)
    here = count_analyses_here(monkeypatch)
    config = config_file(many_feeds(feed_server, pages=0, feeds=9, items=3))

    outcomes = await fetch(db, config)

    assert sum(o.new for o in outcomes.values()) == 27
    assert len(parsed_here) == 10  # every document (9 feeds and "Long Reads"), here
    assert unanalysed(db) == 0 and here == [0]  # every article analysed, by the worker


@pytest.mark.usefixtures("one_worker")
async def test_a_worker_with_nothing_to_analyse_parses(db, feed_server, config_file, monkeypatch):
    """The first document finds the worker idle (nothing analysed yet, no extractor to load):
    the worker parses it, as the storing process has its own work."""
    parsed_here = count_parsed_here(monkeypatch)
    config = config_file(many_feeds(feed_server, pages=0, feeds=9, items=3))

    outcomes = await fetch(db, config)

    assert sum(o.new for o in outcomes.values()) == 27
    assert len(parsed_here) < 10
    assert unanalysed(db) == 0


async def test_documents_go_to_the_worker_once_the_fetching_process_analyses_a_share(
    feed_server,
):
    """`here_while` turning False (this process began analysing) sends the next document to
    the worker again."""
    from newstui.ingest.parsing import Parsing
    from newstui.processes import CpuPool

    here = [True]
    body = (
        b'<rss version="2.0"><channel><title>T</title><item><title>A</title></item></channel></rss>'
    )
    with CpuPool(1) as pool:
        parsing = Parsing(pool, queue_deeper=True, here_while=lambda: here[0])
        first = await parsing.parse(body, "http://127.0.0.1/a", "application/rss+xml")
        here[0] = False
        second = await parsing.parse(body, "http://127.0.0.1/b", "application/rss+xml")

    assert first.title == second.title == "T"
    assert (parsing.parsed_here, parsing.parsed_by_pool) == (1, 1)


@pytest.mark.usefixtures("one_worker")
def test_a_first_fetchs_worker_loads_the_extractor_first_not_the_parser():
    """Every article of a first fetch is new and analysed in the worker, and the fetching
    process parses beside it: the worker's first task loads the extractor."""
    from worker_modules import loaded

    from newstui.processes import fetch_pool

    with fetch_pool(9, "rules") as pool:
        assert pool is not None and pool.max_workers == 1
        found = pool.submit_call(loaded, "newstui.nlp.rules", "newstui.sources.feeds").result()
        assert pool.analyses_every_article()  # (so the fetching process parses)

    assert found == {"newstui.nlp.rules": True, "newstui.sources.feeds": False}


@pytest.mark.usefixtures("one_worker")
def test_a_pool_for_a_fetch_without_analysis_imports_the_parser_first():
    from worker_modules import loaded

    from newstui.processes import fetch_pool

    with fetch_pool(9, "none") as pool:
        assert pool is not None
        found = pool.submit_call(loaded, "newstui.nlp.rules", "newstui.sources.feeds").result()
        assert not pool.analyses_every_article()

    assert found == {"newstui.nlp.rules": False, "newstui.sources.feeds": True}


@pytest.mark.usefixtures("one_worker")
async def test_while_pages_go_to_the_fetch_s_worker_few_analysis_chunks_queue_ahead_of_them(
    db, feed_server, config_file, monkeypatch
):
    """The worker's queue is first in, first out: a page sent behind ~8 analysis chunks waited
    0.3-0.7 s (a cold fetch of 10,000 articles). While pages are on their way to it, the
    streamed analysis keeps CHUNKS_IN_FLIGHT_BESIDE_PAGES chunks there, and refills it after."""
    from newstui.ingest import streamed_analysis
    from newstui.ingest.article_pages import FulltextPool
    from newstui.processes import CpuPool

    fetch_pools: list[FulltextPool] = []
    real_init = FulltextPool.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        fetch_pools.append(self)

    sent: list = []
    at_sends: list[tuple[bool, int]] = []  # (pages on their way, chunks at the worker before)
    real_chunk = CpuPool.analyse_chunk

    def analyse_chunk(self, extractor_name, texts, sketch=(), languages=()):
        waiting = sum(not future.done() for future in sent)
        at_sends.append((fetch_pools[-1].pages_for_workers(), waiting))
        sent.append(future := real_chunk(self, extractor_name, texts, sketch, languages))
        return future

    monkeypatch.setattr(FulltextPool, "__init__", init)
    monkeypatch.setattr(CpuPool, "analyse_chunk", analyse_chunk)
    feeds = ballot_feeds(feed_server, count=8, items=150)
    long_reads = many_feeds(feed_server, pages=6, feeds=0)
    routes = dict(list(feeds.items())[:4]) | long_reads | dict(list(feeds.items())[4:])
    config = config_file(routes, fulltext="auto")

    outcomes = await fetch(db, config)

    assert outcomes["Long Reads"].fulltext_ok == 6
    assert unanalysed(db) == 0
    beside_pages = [waiting for coming, waiting in at_sends if coming]
    assert beside_pages  # (chunks were sent while the pages were on their way)
    assert max(beside_pages) < streamed_analysis.CHUNKS_IN_FLIGHT_BESIDE_PAGES
    # …and more than that once they were extracted (the usual room)
    assert max(waiting for coming, waiting in at_sends if not coming) >= (
        streamed_analysis.CHUNKS_IN_FLIGHT_BESIDE_PAGES
    )
