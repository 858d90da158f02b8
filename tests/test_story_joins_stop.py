"""Story joins during a fetch never hold it (r54 MED-8): Ctrl-C (asyncio.run cancels the fetch
task) stops the joins after a fetch between two of their short transactions, and the joins
beside a fetch's streamed analyses let the event loop run between theirs; what is not joined
is joined by the next run, no story lost or doubled."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import newstui.store.stories as stories
from newstui.config import load_config
from newstui.ingest.pipeline import fetch_feeds
from newstui.ingest.streamed_analysis import StreamedAnalysis
from newstui.library import Library
from newstui.model import Article
from newstui.stories import story_sketch

TEXT = (
    "The {org} said on Monday that floods in {place} had reached a turning point. {own} "
    "Analysts expect the cost to rise as the water goes down. {extra}"
)
WORDS = "river bridge market school harbour council valley rain road farm mayor police".split()


def own_words(i: int) -> str:
    """Sixty words only story i has (its copies too): what makes two articles one story."""
    return " ".join(f"{WORDS[(i * 7 + k) % len(WORDS)]}{i}n{k}" for k in range(60)) + "."


def stored(path: Path, count: int = 6) -> list[tuple[int, str]]:
    """`count` recent articles in each of two feeds, each of the first feed's copied by the
    second (another ending), none analysed or sketched yet; (id, text) of each."""
    now = datetime.now(UTC)
    texts: dict[str, str] = {}
    with Library.open(path) as library:
        for n in range(2):
            feed = library.register_source(f"https://f{n}.example/feed", f"Feed {n}")
            articles = [
                Article(
                    title=f"Floods in Town {i}",
                    text=TEXT.format(
                        org=f"Board {i}",
                        place=f"Town {i}",
                        own=own_words(i),
                        extra=f"Copy {n}. " * (n + 1),
                    ),
                    guid=f"g{n}-{i}",
                    published=now - timedelta(minutes=i + n),
                )
                for i in range(count)
            ]
            texts.update((a.guid, a.text) for a in articles)
            library.save_batch(feed, articles)
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, guid FROM articles ORDER BY id").fetchall()
    conn.close()
    return [(r[0], texts[r[1].removeprefix("guid:")]) for r in rows]


def story_rows(path: Path) -> dict[int, int]:
    """Each joined article's story."""
    with sqlite3.connect(path) as conn:
        found = dict(conn.execute("SELECT article_id, story_id FROM stories").fetchall())
    conn.close()
    return found


@pytest.fixture
def one_article_a_write(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each article's join is a transaction of its own; returns the transactions made."""
    made: list[int] = []
    join_some = stories._join_some
    monkeypatch.setattr(stories, "JOIN_HOLD_SECONDS", 0.0)

    def counted(*args: object) -> tuple[int, int]:
        made.append(1)
        return join_some(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(stories, "_join_some", counted)
    return made


@pytest.fixture
def no_sources(tmp_path: Path) -> Path:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nextractor = "rules"\nfulltext = false\n', "utf-8")
    return config


def test_ctrl_c_during_a_fetchs_joins_stops_them_at_once_and_the_next_fetch_joins_the_rest(
    tmp_path, no_sources, one_article_a_write, monkeypatch
):
    """Ctrl-C in `newstui fetch` cancels its task (asyncio.run's handler) while the joins after
    the downloads run without awaiting: they stop before their next transaction, not minutes
    later; the next fetch joins the rest, into the same stories an unbroken fetch finds."""
    whole, cut = tmp_path / "whole.db", tmp_path / "cut.db"
    stored(whole)
    stored(cut)
    with Library.open(whole) as library:
        asyncio.run(fetch_feeds(library, load_config(no_sources)))
    assert len(story_rows(whole)) == 12
    assert len(set(story_rows(whole).values())) == 6  # each copy joined to its original

    made_when_stopped: list[int] = []
    join_some = stories._join_some  # (counted)

    async def fetch_stopped_at_the_third_write(library: Library) -> None:
        task = asyncio.current_task()
        assert task is not None

        def ctrl_c_during(*args: object) -> tuple[int, int]:
            done = join_some(*args)  # type: ignore[arg-type]
            if len(one_article_a_write) == 3 and not made_when_stopped:
                task.cancel()  # what asyncio.run does on Ctrl-C
                made_when_stopped.append(len(one_article_a_write))
            return done

        monkeypatch.setattr(stories, "_join_some", ctrl_c_during)
        await fetch_feeds(library, load_config(no_sources))

    one_article_a_write.clear()
    with Library.open(cut) as library, pytest.raises(asyncio.CancelledError):
        asyncio.run(fetch_stopped_at_the_third_write(library))
    assert len(one_article_a_write) == made_when_stopped[0] == 3  # no write after the stop
    assert len(story_rows(cut)) == 3  # those joined stay, each whole
    monkeypatch.setattr(stories, "_join_some", join_some)
    with Library.open(cut) as library:  # the next fetch
        asyncio.run(fetch_feeds(library, load_config(no_sources)))
    assert story_rows(cut) == story_rows(whole)  # none lost, none doubled


class _NoPool:
    """Enough of a CpuPool for joins alone: one worker, nothing sent to it."""

    max_workers = 1

    def analyses_every_article(self) -> bool:
        return False


def test_joins_beside_a_fetch_let_its_event_loop_run_between_their_writes(
    tmp_path, one_article_a_write
):
    """Downloads, answers and Ctrl-C are handled between two of the joins' transactions: the
    loop turns after each, and a fetch stopped meanwhile leaves the rest for the next run."""
    texts = stored(tmp_path / "s.db")
    turns: list[int] = []  # joins' transactions made at each turn of another task

    async def fetch(library: Library) -> None:
        streamed = StreamedAnalysis(library, "rules", _NoPool())  # type: ignore[arg-type]
        streamed._to_join = [(i, story_sketch(t)) for i, t in texts]  # sketched by a worker
        streamed._join()

        async def downloads() -> None:
            while len(turns) < 6:
                turns.append(len(one_article_a_write))
                await asyncio.sleep(0)
            streamed.cancel()  # the fetch is stopped

        await downloads()
        await asyncio.sleep(0)

    with Library.open(tmp_path / "s.db") as library:
        asyncio.run(fetch(library))
    assert turns == [0, 1, 2, 3, 4, 5]  # one short transaction between two turns
    assert 0 < len(story_rows(tmp_path / "s.db")) < 12
    with Library.open(tmp_path / "s.db") as library:  # the next run
        library.find_stories(pause=lambda: None)
    assert len(story_rows(tmp_path / "s.db")) == 12
    assert len(set(story_rows(tmp_path / "s.db").values())) == 6


def test_a_fetchs_streamed_joins_are_all_stored_once_it_finishes(tmp_path, one_article_a_write):
    """finish() waits for the joins queued beside the fetch: every article joined, once."""
    texts = stored(tmp_path / "s.db")

    async def fetch(library: Library) -> None:
        streamed = StreamedAnalysis(library, "rules", _NoPool())  # type: ignore[arg-type]
        streamed._to_join = [(i, story_sketch(t)) for i, t in texts]
        await streamed.finish()
        assert streamed.joined == 6

    with Library.open(tmp_path / "s.db") as library:
        asyncio.run(fetch(library))
    assert len(story_rows(tmp_path / "s.db")) == 12
    assert len(set(story_rows(tmp_path / "s.db").values())) == 6
