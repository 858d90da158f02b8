"""Sources' counts still reload after a reload worker was cancelled before its thread ran (review
r35 T1: the gate stayed "running" for good and the counts froze)."""

from __future__ import annotations

from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.tui.app import NewstuiApp

from .conftest import run_recorded, settle
from .test_feed_keys import three_feeds


async def test_counts_reload_after_a_reload_cancelled_before_it_started(tmp_path):
    path = tmp_path / "f.db"
    three_feeds(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.main.sources
        assert sum(f.unread for f in sources.feeds) == 3
        sources.reload()
        # cancelled in the same step of the event loop: its task never ran, nor its thread
        app.workers.cancel_group(sources, "sources")
        await settle(pilot)
        with Library.open(path) as library:
            library.mark([r.id for r in library.articles(ArticleFilter())], read=True)
        sources.reload()
        await settle(pilot)
        assert sum(f.unread for f in sources.feeds) == 0
