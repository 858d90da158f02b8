"""An article whose analysis has not run yet (just fetched) says "Analysing…" in the sidebar,
not a false "No entities found" (user test r53 LOW-6)."""

from __future__ import annotations

from dataclasses import replace

from newstui.library import Library
from newstui.model import Analysis, Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp

from .conftest import BASE, screen_text, settle


def _one_article(path) -> int:
    db = open_db(path)
    feed = ensure_feed(db, "http://127.0.0.1:9/hk.xml", "Harbour Times")
    article = Article(
        title="Lam speaks",
        text="Nothing here names anyone at all.",
        url="https://hk.example/1",
        published=BASE,
        guid="hk1",
    )
    save_articles(db, feed, [article])
    db.conn.close()
    with Library.open(path) as library:
        return library.last_article_id()


def test_the_detail_of_an_article_not_yet_analysed_says_so(tmp_path):
    path = tmp_path / "a.db"
    article_id = _one_article(path)
    with Library.open(path) as library:
        detail = library.detail(article_id)
        assert detail is not None and not detail.analysed
        library.save_analyses([(article_id, Analysis())], "test-1", lambda name, kind: name)
        detail = library.detail(article_id)
        assert detail is not None and detail.analysed  # found nothing: now "No entities found"


async def test_the_sidebar_says_analysing_until_the_analysis_has_run(tmp_path):
    path = tmp_path / "a.db"
    article_id = _one_article(path)
    with Library.open(path) as library:
        library.save_analyses([(article_id, Analysis())], "test-1", lambda name, kind: name)
        detail = library.detail(article_id)
    assert detail is not None
    app = NewstuiApp(path, None)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        sidebar = app.main.sidebar
        sidebar.show(replace(detail, analysed=False))
        await settle(pilot)
        assert "Analysing…" in screen_text(app) and "No entities found" not in screen_text(app)
        sidebar.show(detail)
        await settle(pilot)
        assert "No entities found" in screen_text(app) and "Analysing…" not in screen_text(app)
