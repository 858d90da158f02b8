"""Fixtures for the app's tests: a fixed database, a local feed server and a config using it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.worker import WorkerCancelled, WorkerFailed

from newstui.config import Config, load_config
from newstui.demo import seed_article_path
from newstui.errors import NewstuiError
from newstui.model import Analysis, Article, Entity, Mention, Quote
from newstui.store import open_db
from newstui.store.analysis import save_analysis
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed

from .notifications import notifications, run_recorded  # noqa: F401
from .screenshot import screen_text  # noqa: F401  (the tests import it from here)

if TYPE_CHECKING:
    from ..conftest import FeedServer

BASE = datetime(2024, 11, 30, 12, 0, tzinfo=UTC)
# The groups whose workers the app runs exclusively (`@work(..., exclusive=True)` in src/newstui/tui):
# starting one cancels the one still running, by design. tests/tui/test_settle_groups.py keeps the
# set equal to the source.
EXCLUSIVE_GROUPS = frozenset(
    {
        "analyse",
        "watch",
        "detail",
        "speaker-quotes",
        "headlines-load",
        "headlines-listed",
        "hidden-matches",
        "gone-source",
    }
)
INJECTED_TITLE = "[bold red]x[/] [link=https://evil.example]click[/link]"

SEED_ENTITIES = {
    "Bashar al-Assad": "PERSON",
    "Dmitry Peskov": "PERSON",
    "Hayat Tahrir al-Sham": "ORG",
    "Reuters": "ORG",
    "Kremlin": "ORG",
    "Aleppo": "PLACE",
    "Syria": "PLACE",
    "Russia": "PLACE",
    "Iran": "PLACE",
    "Moscow": "PLACE",
}
SEED_QUOTES = {
    "The large numbers of terrorists": "Syrian army",
    "We consider this a violation": "Dmitry Peskov",
}


def seed_text() -> str:
    """The reference article, as the package ships it."""
    return seed_article_path().read_text("utf-8").strip()


def analyse_by_hand(text: str, names: dict[str, str], quotes: dict[str, str]) -> Analysis:
    """An analysis built from known names and quote openings, with real offsets into `text`."""
    entities = []
    for name, etype in names.items():
        mentions = tuple(
            Mention(m.start(), m.end(), m.group())
            for m in re.finditer(rf"\b{re.escape(name)}\b", text)
        )
        if mentions:
            entities.append(Entity(name, etype, mentions))
    found = []
    for opening, speaker in quotes.items():
        start = text.find(opening)
        if start < 0:
            continue
        end = text.find("”", start)
        found.append(Quote(text[start:end], start, end, speaker))
    return Analysis(tuple(entities), tuple(sorted(found, key=lambda q: q.start)))


def build_db(path: Path) -> dict[str, int]:
    """A small fixed database: two feeds and a local source, fixed dates, one analysed seed
    article, a second article quoting Peskov about Aleppo, and a markup-injection title."""
    db = open_db(path)
    world = ensure_feed(
        db,
        "http://127.0.0.1:9/world.xml",
        "World Desk",
        url="http://127.0.0.1:9/world.xml",
        tags=("news",),
    )
    tech = ensure_feed(
        db,
        "http://127.0.0.1:9/tech.xml",
        "Tech Wire",
        url="http://127.0.0.1:9/tech.xml",
        tags=("tech",),
    )
    notes = ensure_feed(db, "local:/notes", "Notes", kind="local")
    text = seed_text()
    save_articles(
        db,
        world,
        [
            Article(
                title="Syrian rebels enter Aleppo",
                text=text,
                url="https://news.example/aleppo",
                author="Staff",
                published=BASE,
                guid="seed",
            ),
            Article(
                title="Kremlin repeats its warning on Syria",
                text="In Moscow, Dmitry Peskov said: “We consider this a violation of our "
                "interests in Aleppo.” Officials in Aleppo declined to comment.",
                url="https://news.example/kremlin",
                published=BASE - timedelta(hours=3),
                guid="kremlin",
            ),
            *(
                Article(
                    title=f"World briefing number {i}",
                    text=f"Briefing {i}.\n\nSecond paragraph of briefing {i}.",
                    url=f"https://news.example/briefing-{i}",
                    published=BASE - timedelta(hours=4 + i),
                    guid=f"briefing-{i}",
                )
                for i in range(20)
            ),
        ],
    )
    save_articles(
        db,
        tech,
        [
            Article(
                title=INJECTED_TITLE,
                text="A title with markup must show literally: [b]not bold[/b].",
                url="javascript:alert(1)",
                published=BASE - timedelta(hours=1),
                guid="inject",
            ),
            Article(
                title="Chip makers report record quarter",
                text="Revenue rose.",
                url="https://tech.example/chips",
                published=BASE - timedelta(hours=2),
                guid="chips",
            ),
        ],
    )
    save_articles(
        db,
        notes,
        [
            Article(
                title="A local note", text="Remember the milk.", published=BASE - timedelta(days=2)
            )
        ],
    )
    ids = {r[1]: r[0] for r in db.execute("SELECT id, guid FROM articles").fetchall()}
    seed_id = ids["guid:seed"]
    save_analysis(
        db,
        seed_id,
        analyse_by_hand(text, SEED_ENTITIES, SEED_QUOTES),
        "test",
        entity_key=lambda name, type_: name.casefold(),
    )
    kremlin_text = db.execute(
        "SELECT article_text(text) FROM articles WHERE id = ?", [ids["guid:kremlin"]]
    )
    save_analysis(
        db,
        ids["guid:kremlin"],
        analyse_by_hand(
            kremlin_text.fetchone()[0],
            {"Dmitry Peskov": "PERSON", "Aleppo": "PLACE", "Moscow": "PLACE"},
            {"We consider this": "Dmitry Peskov"},
        ),
        "test",
        entity_key=lambda name, type_: name.casefold(),
    )
    # the others analysed (to nothing) by that same old version: the app analyses them all again
    # as it starts, as after an upgrade (none is a killed fetch's leftover, which it would say)
    db.execute("UPDATE articles SET nlp_version = 'test' WHERE nlp_version IS NULL")
    db.conn.commit()
    db.conn.close()
    return {
        "seed": seed_id,
        "kremlin": ids["guid:kremlin"],
        "inject": ids["guid:inject"],
        "chips": ids["guid:chips"],
        "world": world,
        "tech": tech,
    }


def store_many(path: Path, count: int, title: str = "Story {i:05d}") -> None:
    """A store of one feed, "Many", with `count` articles an hour apart (oldest first), each
    titled `title` with its number `i`."""
    from newstui.store.views import bulk_insert_articles

    db = open_db(path)
    feed = ensure_feed(db, "https://many.example/feed", "Many")
    start = datetime(2024, 1, 1, tzinfo=UTC)
    articles = (
        Article(
            title=title.format(i=i), text="x", guid=f"g{i}", published=start + timedelta(hours=i)
        )
        for i in range(count)
    )
    bulk_insert_articles(db, feed, articles)
    db.conn.close()


@pytest.fixture(autouse=True)
def notifications_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notifications stay up for the whole test: they expire after 5 s of wall time, which a
    loaded machine can spend between a notify and the assert that reads it."""
    from newstui.tui.app import NewstuiApp

    monkeypatch.setattr(NewstuiApp, "NOTIFICATION_TIMEOUT", 3600.0)


@pytest.fixture(autouse=True)
def analysis_in_this_process(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The app under test analyses, parses and refreshes in its own process, as newstui does on a
    machine where no worker process can start (newstui.processes.WORKERS): a spawned worker
    costs a Python start and the extractor's lists (~0.5 s of CPU), which most app tests paid
    several times over for nothing they check, and it was two fifths of their CPU time.
    A test of what the app does with its worker processes (a worker killed, a refresh in a
    child process) is marked `@pytest.mark.worker_processes` and gets them; tests/test_*.py
    (ingest, refresh_process, worker lifetime and crashes) run the worker paths too."""
    if request.node.get_closest_marker("worker_processes"):
        return
    from newstui import processes

    monkeypatch.setattr(processes.WORKERS, "failure", OSError("app tests run in one process"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    build_db(path)
    return path


@pytest.fixture
def ids(db_path: Path) -> dict[str, int]:
    db = open_db(db_path)
    rows = dict(db.execute("SELECT guid, id FROM articles").fetchall())
    db.conn.close()
    return {k: rows[f"guid:{k}"] for k in ("seed", "kremlin", "inject", "chips")}


FEED_XML = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local Feed</title><link>http://127.0.0.1/</link>
<item><title>Fresh story from the server</title><link>{base}/article.html</link>
<guid>fresh-1</guid><pubDate>Sun, 01 Dec 2024 09:00:00 GMT</pubDate>
<description>A short teaser.</description></item>
</channel></rss>"""


ARTICLE_HTML = (
    """<!doctype html><html><head><title>Fresh story</title></head><body>
<nav>Home | World | Sport</nav><article><h1>Fresh story from the server</h1>
"""
    + "".join(
        f"<p>Paragraph {i} of the full story: the council met on Tuesday and agreed the plan "
        f"after a long debate about the budget, the schools and the new bridge.</p>\n"
        for i in range(8)
    )
    + """</article><footer>Copyright</footer></body></html>"""
)


@pytest.fixture
def slow_config(tmp_path: Path, feed_server: FeedServer) -> Config:
    """A config whose one feed drips a byte a second (a feed that never quite arrives), with a
    30-second timeout."""
    feed_server.route(
        "/slow.xml",
        body=FEED_XML.format(base="http://127.0.0.1").encode(),
        headers={"Content-Type": "application/rss+xml"},
        drip=1.0,
    )
    path = tmp_path / "slow.toml"
    path.write_text(
        f"""[settings]
refresh_minutes = 0
fulltext = false
timeout = 30

[[feeds]]
name = "Slow Feed"
url = "{feed_server.url("/slow.xml")}"
""",
        "utf-8",
    )
    return load_config(path)


@pytest.fixture
def config(tmp_path: Path, feed_server: FeedServer) -> Config:
    """A config with the local feed (and its article page), a feed that fails (404), and
    fulltext off."""
    feed_server.route(
        "/feed.xml",
        body=FEED_XML.format(base=feed_server.base).encode(),
        headers={"Content-Type": "application/xml"},
    )
    feed_server.route(
        "/article.html", body=ARTICLE_HTML.encode(), headers={"Content-Type": "text/html"}
    )
    path = tmp_path / "feeds.toml"
    path.write_text(
        f"""[settings]
refresh_minutes = 0
fulltext = false
timeout = 5

[[feeds]]
name = "Local Feed"
url = "{feed_server.url("/feed.xml")}"
tags = ["local"]

[[feeds]]
name = "Broken Feed"
url = "{feed_server.url("/missing.xml")}"
""",
        "utf-8",
    )
    return load_config(path)


async def settle(pilot) -> None:
    """Wait until workers and the messages they post are done. A worker of an exclusive group may be
    cancelled meanwhile (replaced by its next run, e.g. the 2 s store watch or the article detail
    when a loaded machine makes a run outlast the next key): no failure, its replacement is waited
    for in the next round. Any other worker cancelled fails the test. A worker that failed with a
    NewstuiError is the app's way of telling a user's error (worker_errors shows its line; the
    tests read the notice): waited for while still running, it is no failure here either (only
    a loaded machine caught one running: round 55's final runs)."""
    for _ in range(3):
        await pilot.pause()
        for worker in list(pilot.app.workers):
            try:
                await worker.wait()
            except WorkerCancelled:
                if worker.group not in EXCLUSIVE_GROUPS:
                    raise
            except WorkerFailed as failed:
                if not isinstance(failed.error, NewstuiError):
                    raise
    await pilot.pause()


async def until(pilot, condition, seconds: float = 60.0) -> None:
    """Let the app run until `condition()` holds; the bound only stops a test that would hang
    (a loaded machine may take seconds for what takes milliseconds alone)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")
