"""Pilot tests: the re-analysis of articles an older extractor analysed (after an upgrade) runs
beside the user's work: `R` and `a` finish while it is held, and `q` stops it."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence

import pytest

from newstui.config import load_config
from newstui.library import Library
from newstui.nlp import get_extractor
from newstui.processes import Analysed, CpuPool
from newstui.store import open_db
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.command_prompt import CommandScreen

from .conftest import FEED_XML, notifications, run_recorded, settle, until

# The analyses held here are the worker pool's (CpuPool.analyse): the app must run its workers.
pytestmark = pytest.mark.worker_processes

NEW = "teaser"  # in the text of every article the feeds below bring (the stored ones lack it)
OTHER_XML = FEED_XML.replace("Local Feed", "Other Feed").replace("fresh-1", "other-1")


class HeldAnalysis:
    """The app's analyses (in worker processes: `CpuPool.analyse`), each result held before it
    reaches the app while it is a stored (stale) article's, until released; counting the
    analyses of each text."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.held, self.release = threading.Event(), threading.Event()
        self.analysed: Counter[str] = Counter()
        real = CpuPool.analyse

        def analyse(
            pool: CpuPool,
            extractor_name: str,
            texts: Sequence[str],
            sketch: Sequence[bool] = (),
            languages: Sequence[str | None] = (),
            cancel: threading.Event | None = None,
        ) -> Iterator[Analysed]:
            results = real(pool, extractor_name, texts, sketch, languages, cancel)
            for text, result in zip(texts, results, strict=True):
                if NEW not in text:
                    self.held.set()
                    self.release.wait(120)  # (a bound: only a broken test would wait that long)
                self.analysed[text] += 1
                yield result

        monkeypatch.setattr(CpuPool, "analyse", analyse)


def make_stale(db_path) -> int:
    db = open_db(db_path)
    db.execute("UPDATE articles SET nlp_version = 'rules-old'")
    db.conn.commit()
    count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.conn.close()
    return count


def versions(db_path) -> dict[str, str | None]:
    db = open_db(db_path)
    rows = db.execute("SELECT title, nlp_version FROM articles").fetchall()
    db.conn.close()
    return dict(rows)


async def test_R_and_a_finish_while_the_stale_analysis_is_held_and_nothing_is_analysed_twice(
    db_path, config, feed_server, monkeypatch
):
    stored = make_stale(db_path)
    feed_server.route("/other.xml", body=OTHER_XML.format(base=feed_server.base).encode())
    analysis = HeldAnalysis(monkeypatch)
    app = NewstuiApp(db_path, config)
    try:
        async with run_recorded(app, size=(120, 40)) as pilot:
            await until(pilot, analysis.held.is_set)  # the stale pass is at work, and held
            await pilot.press("R")
            said = lambda: [n.message for n in notifications(app)]  # noqa: E731
            # (not "until not refreshing": on a loaded machine R's refresh had not begun yet)
            await until(
                pilot, lambda: any("Refreshed 1 of 2 sources: 1 new article" in m for m in said())
            )
            await until(pilot, lambda: not app.main.refreshing)
            await pilot.press("a")
            await until(pilot, lambda: isinstance(app.screen, CommandScreen))
            await pilot.press(*feed_server.url("/other.xml"), "enter")
            await until(pilot, lambda: len(load_config(config.path).feeds) == 3)
            assert not analysis.release.is_set()  # all of that while the stale pass waited
            analysis.release.set()
            await settle(pilot)  # (wait_for_complete raised when an exclusive worker was replaced)
    finally:
        analysis.release.set()
    current = get_extractor("rules").version
    assert set(versions(db_path).values()) == {current}
    stale_texts = [t for t in analysis.analysed if NEW not in t]
    assert len(stale_texts) == stored
    assert all(analysis.analysed[t] == 1 for t in stale_texts)  # by the stale pass, once


async def test_quitting_during_the_stale_analysis_stops_it_and_keeps_the_rest_stale(
    db_path, config, monkeypatch
):
    stored = make_stale(db_path)
    analysis = HeldAnalysis(monkeypatch)
    app = NewstuiApp(db_path, config)
    try:
        async with run_recorded(app, size=(120, 40)) as pilot:
            await until(pilot, analysis.held.is_set)
            await pilot.press("Q")
            analysis.release.set()  # the one article in hand is finished
            await app.workers.wait_for_complete()
    finally:
        analysis.release.set()
    assert sum(analysis.analysed.values()) < stored  # it stopped instead of going through
    assert "rules-old" in versions(db_path).values()  # left for the next start


class LongStoryFinding:
    """Library.find_stories standing in for a long one (templated feeds: minutes for 5,000
    articles): many writes, its pause between each, until the pause stops it or a bound."""

    WRITES = 400  # x 0.05 s: a bound only a broken test reaches

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.running, self.ended = threading.Event(), threading.Event()
        self.writes = 0
        self.stopped_by_pause = False

        def find_stories(library, limit=None, pause=None) -> int:
            self.running.set()
            try:
                for _ in range(self.WRITES):
                    time.sleep(0.05)  # a write
                    self.writes += 1
                    if pause is not None:
                        try:
                            pause()
                        except BaseException:
                            self.stopped_by_pause = True
                            raise
            finally:
                self.ended.set()
            return 0

        monkeypatch.setattr(Library, "find_stories", find_stories)


async def test_quitting_while_stories_are_found_stops_the_story_finding_between_two_writes(
    db_path, config, monkeypatch
):
    stories = LongStoryFinding(monkeypatch)
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await until(pilot, stories.running.is_set)  # the app's story finding is at work
        await pilot.press("Q")
    assert await asyncio.to_thread(stories.ended.wait, 60)
    assert stories.stopped_by_pause  # its pause saw the quit and stopped it
    assert stories.writes < LongStoryFinding.WRITES
