"""The sidebar says "Analysing…" of an article without an analysis only while one is under way:
with nothing analysing it, the app starts its pass over the articles the extractor has not seen
(once a session an article), and where it cannot (no config: the demo's store) it says how the
article gets analysed; it said "Analysing…" for ever (closing r53). Right after `a`, the new
feed goes by its title while its articles are analysed, not by its whole address (user test r53
LOW-6)."""

from __future__ import annotations

import threading
from datetime import timedelta

from newstui.config import Config, Settings
from newstui.ingest import pending_analysis
from newstui.library import Library
from newstui.model import Analysis, Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.analysis_waits import analysis_under_way
from newstui.tui.screens.command_prompt import CommandScreen

from .conftest import BASE, FEED_XML, run_recorded, settle, until
from .test_add_feed import no_feeds_config, shown

FEED = "http://127.0.0.1:9/hk.xml"


def _store(path, guid: str, hours: int = 0) -> int:
    """One more article of the Harbour Times feed, not analysed; its id."""
    db = open_db(path)
    feed = ensure_feed(db, FEED, "Harbour Times", url=FEED)
    article = Article(
        title=f"Lam speaks {guid}",
        text="Nothing here names anyone at all.",
        url=f"https://hk.example/{guid}",
        published=BASE + timedelta(hours=hours),
        guid=guid,
    )
    save_articles(db, feed, [article])
    db.conn.close()
    with Library.open(path) as library:
        return library.last_article_id()


def _sidebar(app) -> str:
    """What the sidebar's tab shown lists."""
    options = app.main.sidebar.active_list
    return " ".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))


async def test_with_no_config_an_unanalysed_article_says_how_it_gets_analysed(tmp_path):
    path = tmp_path / "a.db"
    _store(path, "hk1")
    app = NewstuiApp(path, None)  # (the demo's case: nothing analyses in the app)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: app.main.detail is not None)
        await settle(pilot)
        assert not analysis_under_way(app)
        text = _sidebar(app)
        assert "Not analysed yet: newstui analyses it when it starts next." in text, text
        assert "Analysing…" not in text


async def test_an_article_nothing_analyses_is_analysed_when_shown(tmp_path):
    path = tmp_path / "a.db"
    first = _store(path, "hk1")
    with Library.open(path) as library:
        library.save_analyses([(first, Analysis())], "old-1", lambda name, kind: name)
    config = Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0))
    app = NewstuiApp(path, config)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: not analysis_under_way(app))  # the start-up pass is over
        await until(pilot, lambda: "No entities found" in _sidebar(app))
        newer = _store(path, "hk2", hours=1)  # (as a `newstui fetch` killed before analysing)
        await until(pilot, lambda: app.main.headlines.total == 2)
        await pilot.press("g")
        await until(
            pilot, lambda: app.main.detail is not None and app.main.detail.article.row.id == newer
        )
        # analysed now, without a key: "Analysing…" was not left standing
        await until(pilot, lambda: app.main.detail.analysed)
        await until(pilot, lambda: "No entities found" in _sidebar(app))
        assert "Analysing…" not in _sidebar(app)


async def test_an_article_whose_analysis_fails_is_tried_once_then_says_so(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    _store(path, "hk1")
    calls: list[int] = []

    def analyses_nothing(*args, **kwargs) -> int:  # (an article the extractor cannot finish)
        calls.append(1)
        return 0

    monkeypatch.setattr(pending_analysis, "analyse_pending", analyses_nothing)
    config = Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0))
    app = NewstuiApp(path, config)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await until(
            pilot, lambda: "Not analysed yet: R or the next start analyses it." in _sidebar(app)
        )
        tried = len(calls)
        for _ in range(5):
            await settle(pilot)
        # the start-up pass, then at most once for the article (alone, and the pass again)
        assert len(calls) == tried <= 3
        assert "Analysing…" not in _sidebar(app)


async def test_a_feed_being_added_goes_by_its_title_while_its_articles_are_analysed(
    tmp_path, db_path, feed_server
):
    feed_server.route("/news.xml", body=FEED_XML.format(base=feed_server.base).encode())
    stored = threading.Event()
    go_on = threading.Event()
    real = pending_analysis.analyse_pending

    def held(library, *args, **kwargs):
        if kwargs.get("stale") is False:  # `a`'s analysis: its articles are stored by now
            stored.set()
            go_on.wait(60)
        return real(library, *args, **kwargs)

    config = no_feeds_config(tmp_path)
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        pending_analysis.analyse_pending = held
        try:
            await settle(pilot)
            await pilot.press("a")  # (no settle: it waits for the add, held here)
            await until(pilot, lambda: isinstance(app.screen, CommandScreen))
            await pilot.press(*feed_server.url("/news.xml"), "enter")
            await until(pilot, stored.is_set)
            with Library.open(db_path) as library:
                names = {f.url: f.name for f in library.sources()}
            assert names[feed_server.url("/news.xml")] == "Local Feed"  # (not its address)
            assert analysis_under_way(app)  # (the sidebar says "Analysing…" meanwhile)
        finally:
            go_on.set()
            pending_analysis.analyse_pending = real
        await until(pilot, lambda: "Added Local Feed to feeds.toml: 1 article." in shown(app))
        # Sources lists it once its reload (a thread, asked with the notice, at most one each
        # RELOAD_GAP) has read the store: waited for, not read at the notice (it raced that)
        url = feed_server.url("/news.xml")
        await until(pilot, lambda: url in [f.url for f in app.main.sources.feeds])
        assert [f.name for f in app.main.sources.feeds if f.url == url] == ["Local Feed"]
