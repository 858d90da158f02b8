"""A moved subscription merged with the source that had its new URL keeps every article of that
source that is not also the moved one's: articles that only share a link (a podcast's show page)
are not made one (r32 review M3), while the same article under its link written otherwise is."""

from __future__ import annotations

from pathlib import Path

from newstui.library import Library
from newstui.model import Article, ArticleFilter
from newstui.store.db import write_transaction
from newstui.store.opening import open_db
from newstui.store.sync import _merge_source

SHOW = "https://podcast.example/show"


def _merged(
    tmp_path: Path, synced: list[Article], fetched: list[Article]
) -> list[tuple[str, bool]]:
    with Library.open(tmp_path / "m.db") as library:
        into = library.register_source(
            "https://new.example/rss", "Show", url="https://new.example/rss"
        )
        source = library.register_source(
            "https://old.example/rss", "Mine", url="https://old.example/rss"
        )
        library.save_batch(into, synced)
        library.save_batch(source, fetched)
    db = open_db(tmp_path / "m.db")
    db.execute("UPDATE articles SET starred = 1 WHERE title = 'Episode 1'")
    db.conn.commit()
    with write_transaction(db) as conn:  # as apply_subscriptions does
        _merge_source(conn, source, into)
    db.conn.close()
    with Library.open(tmp_path / "m.db") as library:
        rows = library.articles(ArticleFilter(), limit=None)
        return sorted((r.title, r.starred) for r in rows)


def test_a_merge_keeps_the_articles_that_only_share_a_link(tmp_path: Path) -> None:
    titles = _merged(
        tmp_path,
        [Article("Episode 3", "Three.", guid="item:3", url=SHOW)],
        [Article(f"Episode {n}", f"Text {n}.", guid=f"ep{n}", url=SHOW) for n in (1, 2, 3)],
    )
    # (Episode 3 twice: a link the source's items share tells no two of them apart; kept both)
    assert titles == [
        ("Episode 1", True),
        ("Episode 2", False),
        ("Episode 3", False),
        ("Episode 3", False),
    ]


def test_a_merge_keeps_an_article_of_another_title_under_the_same_unique_link(
    tmp_path: Path,
) -> None:
    titles = _merged(
        tmp_path,
        [Article("Live: week two", "Two.", guid="item:2", url=SHOW)],
        [Article("Episode 1", "One.", guid="ep1", url=SHOW)],
    )
    assert titles == [("Episode 1", True), ("Live: week two", False)]


def test_a_merge_still_makes_one_article_of_its_link_written_otherwise(tmp_path: Path) -> None:
    titles = _merged(
        tmp_path,
        [Article("Episode 1", "One.", guid="item:1", url="https://x.org/V%C3%A1zquez")],
        [Article("episode  1", "One.", guid="ep1", url="https://x.org/Vázquez")],
    )
    assert titles == [("Episode 1", True)]
