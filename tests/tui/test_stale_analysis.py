"""Pilot tests: the re-analysis of articles an older extractor analysed (after an upgrade) runs
beside the user's work: `R` and `a` finish while it is held, and `q` stops it."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator, Sequence

import pytest

from newstui.config import load_config
from newstui.nlp import get_extractor
from newstui.processes import Analysed, CpuPool
from newstui.store import open_db
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.command_prompt import CommandScreen

from .conftest import FEED_XML, notifications, run_recorded, settle, until

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
            pool: CpuPool, extractor_name: str, texts: Sequence[str], sketch: Sequence[bool] = ()
        ) -> Iterator[Analysed]:
            results = real(pool, extractor_name, texts, sketch)
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
