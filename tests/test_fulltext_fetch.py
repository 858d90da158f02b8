"""Summary-only feed entries get the full text of their page during a fetch, and failures are kept."""

import asyncio
from dataclasses import dataclass
from typing import Any

import pytest

from newstui.config import load_config
from newstui.ingest.article_pages import fetch_article_fulltext
from newstui.ingest.pipeline import fetch_feeds
from newstui.library import Library
from newstui.sources.http import FetchResult
from newstui.store.article_detail import get_article
from newstui.store.article_lists import list_articles

PARAGRAPHS = [
    "The city council voted on Tuesday to rebuild the old harbour wall, ending a dispute that had "
    "delayed repairs for more than three years and left fishing crews without safe moorings.",
    "Engineers said the new wall would be two metres higher than the one destroyed in the storm, "
    "and that work could begin in the spring if the regional government releases its share.",
    "Fishing crews welcomed the decision but warned that another winter without repairs would "
    "cost them dearly, as boats must now travel to the next port to unload their catch.",
    "The council also approved a study of flood defences along the river, to be finished by the "
    "end of next year, and asked residents to comment on the plans at public meetings.",
]
ARTICLE = (
    "<html><head><title>Harbour wall to be rebuilt | Gazette</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Harbour wall to be rebuilt</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "<figure><img src='/img/wall.jpg' alt='The damaged wall'></figure>"
    "<p>Read the <a href='https://council.example/plan'>council plan</a> online.</p></article>"
    "<footer>Copyright Gazette. Subscribe to our newsletter.</footer></body></html>"
).encode()
PAYWALL = b"<html><body><h1>Subscribe</h1><p>Subscribe to read this article.</p></body></html>"


def feed_xml(base: str, slugs: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {s}</title><link>{base}/page/{s}</link><guid>{s}</guid>"
        f"<description>Short summary of {s}.</description></item>"
        for s in slugs
    )
    return f'<rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'.encode()


@pytest.fixture
def site(feed_server):
    slugs = ["good", "paywall", "pdf", "missing", "loop", "huge", "redirected"]
    feed_server.route("/feed", body=feed_xml(feed_server.base, slugs))
    html = {"Content-Type": "text/html; charset=utf-8"}
    feed_server.route("/page/good", body=ARTICLE, headers=html)
    feed_server.route("/page/paywall", body=PAYWALL, headers=html)
    feed_server.route(
        "/page/pdf", body=b"%PDF-1.4 binary", headers={"Content-Type": "application/pdf"}
    )
    feed_server.route("/page/loop", status=302, headers={"Location": "/page/loop"})
    feed_server.route(
        "/page/huge",
        body=b"<html><body>" + b"<p>word word</p>" * 200_000 + b"</body></html>",
        headers=html,
    )
    feed_server.route("/page/redirected", status=301, headers={"Location": "/page/good"})
    return feed_server


def fetch(db, config_file, **settings):
    config = load_config(config_file({"Gazette": "/feed"}, max_bytes=1_000_000, **settings))
    return config, asyncio.run(fetch_feeds(Library(db), config))


def by_title(db):
    return {row.title: get_article(db, row.id) for row in list_articles(db, limit=None)}


def test_auto_fulltext_stores_the_page_text_and_keeps_the_summary(db, site, config_file):
    _, [outcome] = fetch(db, config_file, fulltext="auto")
    articles = by_title(db)
    good = articles["Story good"]
    assert good.fulltext_status == "ok"
    for paragraph in PARAGRAPHS:
        assert paragraph in good.text
    assert "Subscribe to our newsletter" not in good.text
    assert good.summary == "Short summary of good."
    assert any(link.url == "https://council.example/plan" for link in good.links)
    assert any(link.kind == "image" and link.url.endswith("/img/wall.jpg") for link in good.links)
    assert articles["Story redirected"].fulltext_status == "ok"
    assert outcome.fulltext_ok == 2
    assert outcome.fulltext_failed == 5


@pytest.mark.parametrize(
    ("slug", "reason"),
    [
        ("paywall", "no article text"),
        ("pdf", "not an HTML page"),
        ("missing", "HTTP 404"),
        ("loop", "redirects"),
        ("huge", "larger than"),
    ],
)
def test_failed_pages_fall_back_to_the_summary_with_the_reason_recorded(
    db, site, config_file, slug, reason
):
    fetch(db, config_file, fulltext="auto")
    article = by_title(db)[f"Story {slug}"]
    assert article.fulltext_status == "failed"
    assert reason in article.fulltext_error
    assert article.text == f"Short summary of {slug}."


def test_fulltext_false_fetches_no_pages(db, site, config_file):
    fetch(db, config_file, fulltext=False)
    assert site.routes["/page/good"].hits == 0
    assert by_title(db)["Story good"].fulltext_status is None


def test_pages_are_fetched_once_not_on_every_refetch(db, site, config_file):
    fetch(db, config_file, fulltext=True)
    hits = site.routes["/page/good"].hits
    fetch(db, config_file, fulltext=True)
    assert hits >= 1
    assert site.routes["/page/good"].hits == hits


@pytest.mark.parametrize("limit", [2, 5])
def test_pages_go_to_their_host_fulltext_per_host_at_a_time(db, feed_server, config_file, limit):
    """User test r44 L2: a summary-only feed's pages went to its publisher 8 at a time, the
    feeds' per_host, right after its feed."""
    from fake_fetcher import FakeFetcher

    @dataclass
    class CountingFetcher(FakeFetcher):
        in_flight: int = 0
        peak: int = 0

        async def fetch(self, url: str, **kwargs: Any) -> FetchResult:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            for _ in range(5):  # the others' turn to start theirs (no time passes)
                await asyncio.sleep(0)
            self.in_flight -= 1
            return await super().fetch(url, **kwargs)

    slugs = [f"s{i}" for i in range(8)]
    url = feed_server.url("/feed")
    # one server under four names (hostile r45 L1: slots for each, 7 at once with the limit 2)
    port = feed_server.httpd.server_address[1]
    hosts = ["127.0.0.1", "127.1", "2130706433", "0x7f000001."]
    body = feed_xml(feed_server.base, slugs)
    for i, slug in enumerate(slugs):
        body = body.replace(f"{feed_server.base}/page/{slug}<".encode(), f"http://{hosts[i % 4]}:{port}/page/{slug}<".encode())  # fmt: skip
    fake = CountingFetcher(pages={url: body})
    config = load_config(config_file({"Gazette": "/feed"}, fulltext=True, fulltext_per_host=limit))

    pages: list[tuple[int, int]] = []  # (read, planned), for the app's line (user test r47 M5)
    fetched = fetch_feeds(
        Library(db), config, open_fetcher=fake, on_pages=lambda *p: pages.append(p)
    )
    [outcome] = asyncio.run(fetched)

    assert len(fake.requests) == 9 and outcome.fulltext_failed == 8  # (each page a 404 here)
    assert fake.peak == limit
    assert pages == [(n, 8) for n in range(9)]


def test_full_text_on_demand_for_one_article(db, site, config_file):
    config, _ = fetch(db, config_file, fulltext=False)
    good = by_title(db)["Story good"]
    assert asyncio.run(fetch_article_fulltext(Library(db), config, good.row.id)) is True
    assert PARAGRAPHS[0] in get_article(db, good.row.id).text


def test_reading_needs_no_network_after_a_fetch(db, site, config_file, db_path, capsys):
    from newstui.cli.main import main

    fetch(db, config_file, fulltext="auto")
    good = by_title(db)["Story good"]
    site.httpd.shutdown()
    assert main(["--db", str(db_path), "show", str(good.row.id)]) == 0
    assert PARAGRAPHS[1][:60] in capsys.readouterr().out.replace("\n", " ")
