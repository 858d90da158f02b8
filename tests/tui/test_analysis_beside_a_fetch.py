"""An article shown without an analysis while a `newstui fetch` runs on the store is analysed at
once, alone; the app's pass over every article the extractor has not seen waits for the fetch,
which analyses them itself, instead of running the same pass beside it (review r54 MED-9)."""

from __future__ import annotations

from newstui.config import Config, Settings
from newstui.fetch_mark import fetch_marked
from newstui.library import Library
from newstui.model import Analysis
from newstui.nlp.extractor import extractor_version
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.analysis_waits import analysis_under_way

from .conftest import settle, until
from .test_sidebar_analysis_state import _sidebar, _store


def _left_to_analyse(path) -> list[int]:
    with Library.open(path) as library:
        return [a.article_id for a in library.to_analyse(extractor_version("rules"))]


def _analysed_by_an_older_extractor(path) -> int:
    """One article the pass has to analyse again; its id."""
    older = _store(path, "hk1")
    with Library.open(path) as library:
        library.save_analyses([(older, Analysis())], "old-1", lambda name, kind: name)
    return older


async def test_the_article_shown_is_analysed_while_the_pass_waits_for_the_fetch(tmp_path):
    path = tmp_path / "a.db"
    older = _analysed_by_an_older_extractor(path)
    shown = _store(path, "hk2", hours=1)  # stored by the fetch, not analysed yet: listed first
    config = Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0))
    with fetch_marked(str(path)):  # a `newstui fetch` runs on the store
        app = NewstuiApp(path, config)
        async with app.run_test(size=(160, 40)) as pilot:
            await until(pilot, lambda: app.main.detail is not None and app.main.detail.analysed)
            assert app.main.detail.article.row.id == shown
            await until(pilot, lambda: "No entities found" in _sidebar(app))
            for _ in range(3):
                await pilot.pause(0.1)
            assert _left_to_analyse(path) == [older]  # the pass left to the fetch
            assert analysis_under_way(app)  # (waiting for it)
    # the fetch ended without analysing it (it found nothing new): the next start's pass does
    app = NewstuiApp(path, config)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: not _left_to_analyse(path))
        await settle(pilot)


async def test_the_pass_runs_once_the_fetch_beside_it_ends(tmp_path):
    path = tmp_path / "a.db"
    older = _analysed_by_an_older_extractor(path)
    config = Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0))
    app = NewstuiApp(path, config)
    async with app.run_test(size=(160, 40)) as pilot:
        mark = fetch_marked(str(path))
        mark.__enter__()
        try:
            await until(pilot, lambda: app.main.first_screen_shown)
            for _ in range(5):
                await pilot.pause(0.1)
            assert analysis_under_way(app) and _left_to_analyse(path) == [older]
        finally:
            mark.__exit__(None, None, None)
        await until(pilot, lambda: not _left_to_analyse(path))
        await until(pilot, lambda: not analysis_under_way(app))
