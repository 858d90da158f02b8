"""The gaps a story join leaves between its writes, for another process's write to get in: kept
while another process has the store open (an app, a `newstui mark`), none when the store is
this process's alone (a CLI fetch with nothing else open), where they only slowed it."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import newstui.store.stories as stories
from newstui.cli.main import main
from newstui.config import load_config
from newstui.ingest.pending_analysis import analyse_pending
from newstui.ingest.pipeline import fetch_feeds
from newstui.library import Library
from newstui.model import Article
from newstui.nlp.extractor import extractor_version

TEXT = (
    "The {org} said on Monday that floods in {place} had reached a turning point, according to "
    "officials. Residents were told to prepare, and analysts expect the story to go on."
)


def stored(path: Path) -> None:
    """Six recent articles of two feeds, none analysed or sketched yet."""
    now = datetime.now(UTC)
    with Library.open(path) as library:
        for n in range(2):
            feed = library.register_source(f"https://f{n}.example/feed", f"Feed {n}")
            library.save_batch(
                feed,
                [
                    Article(
                        title=f"Item {n}-{i}",
                        text=TEXT.format(org=f"Board {n}{i}", place=f"Town {i}"),
                        guid=f"g{n}-{i}",
                        published=now - timedelta(minutes=i),
                    )
                    for i in range(3)
                ],
            )


@pytest.fixture
def gaps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the store's gaps; each article's join is a write of its own."""
    counted: list[int] = []
    monkeypatch.setattr(stories, "JOIN_HOLD_SECONDS", 0.0)
    monkeypatch.setattr(stories, "_let_others_write", lambda: counted.append(1))
    return counted


def test_an_analysis_alone_with_its_store_joins_stories_without_gaps(tmp_path, gaps):
    stored(tmp_path / "n.db")
    with Library.open(tmp_path / "n.db") as library:
        assert not library.opened_by_others()
        analyse_pending(library, "rules")
    assert gaps == []


def test_an_analysis_leaves_gaps_while_another_process_has_the_store_open(tmp_path, gaps):
    path = tmp_path / "n.db"
    stored(path)
    other = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM articles').fetchall(); print('open', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "open\n"
        with Library.open(path) as library:
            assert library.opened_by_others()
            analyse_pending(library, "rules")
    finally:
        other.communicate("", timeout=30)
    assert len(gaps) >= 5  # between each two of the six articles' writes


class QuitEvent(threading.Event):
    """The app's cancel event, counting the join's gaps (waits on it) and set at the gap
    `quit_at` (None: never), as when the user quits during a join."""

    def __init__(self, gaps: list[int], quit_at: int | None = None) -> None:
        super().__init__()
        self.gaps, self.quit_at = gaps, quit_at

    def wait(self, timeout: float | None = None) -> bool:
        self.gaps.append(1)
        if len(self.gaps) == self.quit_at:
            self.set()
        return self.is_set()


def test_the_apps_analysis_keeps_the_gaps_for_its_own_writes(tmp_path, gaps):
    """The app analyses in a thread beside its own connections, which write too (`m`, `s`)."""
    stored(tmp_path / "n.db")
    with Library.open(tmp_path / "n.db") as library:
        analyse_pending(library, "rules", cancel=QuitEvent(gaps))
    assert len(gaps) >= 5


def _stories(path: Path) -> dict[int, int]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT article_id, story_id FROM stories").fetchall())


def test_quitting_during_the_apps_join_stops_it_between_two_writes_and_the_next_run_ends_it(
    tmp_path, gaps
):
    """User test r54 HIGH-2: `Q` waited up to 125 s for the app's join of look-alike articles.
    Quitting now stops the join at its next gap: the articles joined are stored whole, every
    analysis saved stays, and the next start joins the rest as an unbroken run would have."""
    whole, cut = tmp_path / "whole.db", tmp_path / "cut.db"
    for path in (whole, cut):
        stored(path)
    with Library.open(whole) as library:
        analyse_pending(library, "rules", cancel=QuitEvent([]))
    quit_at_the_second_gap = QuitEvent(gaps, quit_at=2)
    with Library.open(cut) as library:
        analyse_pending(library, "rules", cancel=quit_at_the_second_gap)
        assert library.to_analyse(extractor_version("rules")) == []  # the analyses stay
    assert len(gaps) == 2  # stopped there: no write, no gap after it
    assert 0 < len(_stories(cut)) < len(_stories(whole)) == 6
    with Library.open(cut) as library:  # the next start
        analyse_pending(library, "rules", cancel=threading.Event())
    assert _stories(cut) == _stories(whole)


def test_a_process_opening_the_store_during_a_join_gets_the_gaps_from_then_on(
    tmp_path, gaps, monkeypatch
):
    """r30b M2: a fetch that started alone kept writing without gaps after the app or a
    `newstui mark` opened the store (whose write then waited 3.6-6.9 s instead of 0.33 s)."""
    path = tmp_path / "n.db"
    stored(path)
    monkeypatch.setattr(stories, "OTHERS_LOOKED_FOR_EVERY", 0.0)  # asked at each pause
    others: list[subprocess.Popen[str]] = []
    asked = Library.opened_by_others

    def opened_after_the_first_look(library: Library) -> bool:
        if len(others_asked) == 1:  # alone at the first pause; the other opens before the next
            others.append(_open_elsewhere(path))
        others_asked.append(asked(library))
        return others_asked[-1]

    others_asked: list[bool] = []
    monkeypatch.setattr(Library, "opened_by_others", opened_after_the_first_look)
    try:
        with Library.open(path) as library:
            analyse_pending(library, "rules")
    finally:
        for other in others:
            other.communicate("", timeout=30)
    assert others_asked[:2] == [False, True]
    assert len(gaps) == len(others_asked) - 1 >= 3  # a gap after each pause but the first


def test_a_join_asks_whether_the_store_is_shared_at_most_once_a_second(monkeypatch):
    """Reading /proc/locks at each of a join's ~5 writes a second would cost more than the
    answer changes: the last answer holds for a second."""
    now = [100.0]
    monkeypatch.setattr(stories.time, "monotonic", lambda: now[0])
    gaps_left: list[int] = []
    monkeypatch.setattr(stories, "_let_others_write", lambda: gaps_left.append(1))
    answers = iter([False, True])
    pause = stories.gap_while_shared(lambda: next(answers))
    for _ in range(4):
        pause()
        now[0] += 0.25
    assert gaps_left == []  # pauses 0 to 0.75 s after the first: its answer (alone) held
    pause()  # a second after it: asked again (shared)
    pause()
    assert gaps_left == [1, 1]


def _open_elsewhere(path: Path) -> subprocess.Popen[str]:
    """Another process holding the store open (as the app or a `newstui mark` does)."""
    other = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM articles').fetchall(); print('open', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdout is not None and other.stdout.readline() == "open\n"
    return other


def _old_sketches(path: Path) -> None:
    """The six articles analysed and sketched, then first seen long ago: their sketches are
    the old ones a fetch forgets."""
    now = datetime.now(UTC)
    with Library.open(path) as library:
        feed = library.register_source("https://old.example/feed", "Old")
        long_text = " ".join([TEXT] * 4)  # long enough for a sketch
        library.save_batch(
            feed,
            [
                Article(
                    title=f"Old {i}",
                    text=long_text.format(org=f"Board {i}", place=f"Town {i}"),
                    guid=f"old{i}",
                    published=now - timedelta(minutes=i),
                )
                for i in range(6)
            ],
        )
        analyse_pending(library, "rules")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(sketch) FROM stories").fetchone()[0] == 6
        conn.execute("UPDATE articles SET first_seen = '2020-01-01T00:00:00+00:00'")
    conn.close()


def _fetch_nothing(path: Path, config: Path, cancel: threading.Event | None = None) -> int:
    """A fetch of a config with no sources (it forgets old sketches at its end); how many
    sketches are left."""
    with Library.open(path) as library:
        asyncio.run(fetch_feeds(library, load_config(config), cancel=cancel))
    with sqlite3.connect(path) as conn:
        left = conn.execute("SELECT count(*) FROM stories WHERE sketch IS NOT NULL").fetchone()[0]
    conn.close()
    return int(left)


@pytest.fixture
def no_sources(tmp_path: Path) -> Path:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nextractor = "rules"\nfulltext = false\n', "utf-8")
    return config


@pytest.fixture
def old_sketch_gaps(monkeypatch: pytest.MonkeyPatch, gaps: list[int]) -> list[int]:
    """The gaps counted, forgetting two old sketches a transaction (six: three batches, and a
    look for more after them)."""
    monkeypatch.setattr(stories, "OLD_SKETCHES_BATCH", 2)
    return gaps


def test_a_lone_fetch_forgets_old_sketches_without_gaps(tmp_path, no_sources, old_sketch_gaps):
    """The gaps between its batches only slowed a CLI fetch with nothing else open (up to
    ~0.5 s a fetch)."""
    path = tmp_path / "n.db"
    _old_sketches(path)
    old_sketch_gaps.clear()

    assert _fetch_nothing(path, no_sources) == 0

    assert old_sketch_gaps == []


def test_a_fetch_forgets_old_sketches_with_gaps_while_another_process_has_the_store_open(
    tmp_path, no_sources, old_sketch_gaps
):
    path = tmp_path / "n.db"
    _old_sketches(path)
    old_sketch_gaps.clear()
    other = _open_elsewhere(path)
    try:
        assert _fetch_nothing(path, no_sources) == 0
    finally:
        other.communicate("", timeout=30)

    assert len(old_sketch_gaps) == 3  # after each batch of two


def test_the_apps_fetch_keeps_the_gaps_between_old_sketch_batches(
    tmp_path, no_sources, old_sketch_gaps
):
    """The app fetches in a thread beside its own connections, which write too."""
    path = tmp_path / "n.db"
    _old_sketches(path)
    old_sketch_gaps.clear()

    assert _fetch_nothing(path, no_sources, cancel=threading.Event()) == 0

    assert len(old_sketch_gaps) == 3


def test_a_lone_cleanup_forgets_old_sketches_without_gaps(tmp_path, old_sketch_gaps):
    """`newstui cleanup` (and the one a CLI fetch runs) forgets them too."""
    path = tmp_path / "n.db"
    _old_sketches(path)
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nkeep_days = 10000\n", "utf-8")
    old_sketch_gaps.clear()

    assert main(["--db", str(path), "--config", str(config), "cleanup"]) == 0

    assert old_sketch_gaps == []
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute("SELECT count(*) FROM stories WHERE sketch IS NOT NULL").fetchone()[0] == 0
        )
    conn.close()
