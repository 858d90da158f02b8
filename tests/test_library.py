"""The library: the one typed door to the data that the CLI, the app and ingest use."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Entity, Mention, Quote


def story(n: int, **fields: object) -> Article:
    values: dict[str, object] = {
        "title": f"Story {n}",
        "text": f"Body of story {n}. The mayor spoke.",
        "guid": f"g{n}",
        "url": f"https://e.example/{n}",
        "published": datetime(2026, 11, n, tzinfo=UTC),
    }
    return Article(**{**values, **fields})  # type: ignore[arg-type]


def test_a_saved_batch_is_listed_newest_first_and_counted_by_filter(tmp_path: Path) -> None:
    with Library.open(tmp_path / "n.db") as library:
        world = library.register_source("https://w.example/feed", "World", tags=("world",))
        local = library.register_source("local:/notes", "Notes", kind="local")
        saved = library.save_batch(world, [story(1), story(2), story(3)])
        library.save_batch(local, [story(4)])
        assert (saved.new, saved.updated, len(saved.changed_ids)) == (3, 0, 3)
        assert [r.title for r in library.articles()] == [f"Story {n}" for n in (4, 3, 2, 1)]
        assert library.count(ArticleFilter(tag="world")) == 3
        assert library.count(ArticleFilter(feed_id=local)) == 1
        assert {s.name: (s.kind, s.articles, s.unread) for s in library.sources()} == {
            "World": ("feed", 3, 3),
            "Notes": ("local", 1, 1),
        }


def test_marks_move_the_counts_and_next_unread_skips_read_articles(tmp_path: Path) -> None:
    with Library.open(tmp_path / "n.db") as library:
        feed = library.register_source("https://w.example/feed", "World")
        library.save_batch(feed, [story(n) for n in (1, 2, 3, 4)])
        newest_first = [r.id for r in library.articles()]
        assert library.mark([newest_first[1]], read=True, starred=True) == 1
        counts = library.smart_counts()
        assert (counts.total, counts.unread, counts.starred, counts.starred_unread) == (4, 3, 1, 0)
        assert library.next_unread(ArticleFilter(), newest_first[0], 1) == 2
        assert library.next_unread(ArticleFilter(), newest_first[2], -1) == 0
        assert library.position(ArticleFilter(unread=True), newest_first[3]) == 2
        assert library.mark_all_read(ArticleFilter()) == 3
        assert library.count(ArticleFilter(unread=True)) == 0


def test_an_article_detail_carries_its_stored_analysis(tmp_path: Path) -> None:
    with Library.open(tmp_path / "n.db") as library:
        feed = library.register_source("https://w.example/feed", "World")
        [article_id] = library.save_batch(feed, [story(1)]).changed_ids
        assert [a[:2] for a in library.to_analyse("v1")] == [
            (article_id, "Body of story 1. The mayor spoke.")
        ]
        mayor = Entity("Mayor", "PERSON", (Mention(21, 26, "mayor"),))
        analysis = Analysis((mayor,), (Quote("Body", 0, 4, "Mayor"),))
        library.save_analyses([(article_id, analysis)], "v1", lambda name, _type: name.lower())
        assert library.to_analyse("v1") == []
        detail = library.detail(article_id)
        assert detail is not None and detail.article.row.title == "Story 1"
        assert [(e.name, e.mentions) for e in detail.entities] == [("Mayor", 1)]
        assert detail.analysis == analysis
        assert [q.speaker for q in library.quotes(speaker="mayor")] == ["Mayor"]
        assert library.detail(article_id + 1) is None


def test_the_data_version_changes_when_another_connection_writes(tmp_path: Path) -> None:
    with Library.open(tmp_path / "n.db") as reader, Library.open(tmp_path / "n.db") as writer:
        before = reader.data_version
        writer.register_source("https://w.example/feed", "World")
        assert reader.data_version != before
