"""Sources set aside after leaving the config file by hand (store/set_aside.py): moved whole to
the URL their name now has."""

from __future__ import annotations

from pathlib import Path

from newstui.library import Library
from newstui.model import Article, ArticleFilter

OLD, NEW = "https://a.example/wiki.xml", "https://a.example/wiki2.xml"


def articles(*guids: str) -> list[Article]:
    return [
        Article(title=f"Story {g}", text=f"Text of {g}.", guid=g, url=f"https://a/{g}")
        for g in guids
    ]


def guid_of(library: Library, feed_id: int) -> dict[str, tuple[bool, bool]]:
    rows = library.articles(ArticleFilter(feed_id=feed_id), limit=None)
    return {r.title: (r.read, r.starred) for r in rows}


def test_moving_keeps_the_old_articles_with_their_marks_and_drops_the_new_copies(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "s.db") as library:
        old = library.register_source(OLD, "Wiki", url=OLD, configured=True)
        library.bulk_insert(old, articles("a", "b", "c"))
        ids = {r.title: r.id for r in library.articles(ArticleFilter(feed_id=old), limit=None)}
        library.mark([ids["Story a"]], read=True)
        library.mark([ids["Story b"]], starred=True)
        assert library.set_aside_source(old, "2026-12-05T01:00:00+00:00") is not None
        [aside] = library.set_aside_sources()  # Sources lists it apart with its unread count
        assert (aside.articles, aside.unread, aside.kept_until(30)) == (3, 2, "2027-01-04")
        new = library.register_source(NEW, "Wiki", url=NEW, configured=True)
        library.bulk_insert(new, articles("b", "c", "d"))  # the new URL's fetch: copies and one new
        copy_c = next(
            r.id for r in library.articles(ArticleFilter(feed_id=new)) if r.title == "Story c"
        )
        library.mark([copy_c], read=True)  # read at the new URL before the move

        assert library.move_source_articles(old, new) == (3, 2)

        assert guid_of(library, new) == {
            "Story a": (True, False),
            "Story b": (False, True),
            "Story c": (True, False),  # the copy's mark came along
            "Story d": (False, False),
        }
        kept = {r.title: r.id for r in library.articles(ArticleFilter(feed_id=new), limit=None)}
        assert {t: kept[t] for t in ids} == ids  # the old articles themselves, ids and all
        assert library.set_aside_sources() == []
        retired = library._db.execute("SELECT count(*) FROM retired_articles").fetchone()[0]
        assert retired == 0  # the copies are not remembered as removed: the feed offers them


def test_a_source_whose_articles_cleanup_removed_is_set_aside_with_its_memory_of_them(
    tmp_path: Path,
) -> None:
    # review r32 L4: a source that retention had emptied was deleted at once by a URL typo, and
    # its memory of the removed articles went with it: fixing the typo brought back, unread,
    # articles the user had read and cleanup had removed.
    with Library.open(tmp_path / "s.db") as library:
        old = library.register_source(OLD, "Wiki", url=OLD, configured=True)
        library._db.execute(
            "INSERT INTO retired_articles (feed_id, guid, seen) VALUES (?, 'a', ?)",
            [old, "2026-12-05T00:00:00+00:00"],
        )
        library._db.conn.commit()
        removed = library.set_aside_source(old, "2026-12-05T01:00:00+00:00")
        assert removed is not None and removed.outcome == "kept"
        assert [s.id for s in library.set_aside_sources()] == [old]
        remembered = library._db.execute(
            "SELECT count(*) FROM retired_articles WHERE feed_id = ?", [old]
        ).fetchone()[0]
        assert remembered == 1


def test_a_new_copy_under_another_guid_but_the_same_link_is_the_same_article(
    tmp_path: Path,
) -> None:
    """The feed's ids changed with its address (`a` is now `new-a`), its links did not: the
    moved articles pair by the one rule a sync's merge of a moved feed uses
    (entries.twin_articles): the new URL's copies give way, their marks kept."""
    with Library.open(tmp_path / "s.db") as library:
        old = library.register_source(OLD, "Wiki", url=OLD, configured=True)
        library.bulk_insert(old, articles("a", "b"))
        ids = {r.title: r.id for r in library.articles(ArticleFilter(feed_id=old), limit=None)}
        library.mark([ids["Story a"]], read=True)
        assert library.set_aside_source(old, "2026-12-05T01:00:00+00:00") is not None
        new = library.register_source(NEW, "Wiki", url=NEW, configured=True)
        copies = [
            Article(title=f"Story {g}", text=f"Text of {g}.", guid=f"new-{g}", url=f"https://a/{g}")
            for g in ("a", "b")
        ]
        library.bulk_insert(new, copies)
        copy_b = next(
            r.id for r in library.articles(ArticleFilter(feed_id=new)) if r.title == "Story b"
        )
        library.mark([copy_b], starred=True)

        assert library.move_source_articles(old, new) == (2, 2)

        assert guid_of(library, new) == {"Story a": (True, False), "Story b": (False, True)}
        kept = {r.title: r.id for r in library.articles(ArticleFilter(feed_id=new), limit=None)}
        assert kept == ids
