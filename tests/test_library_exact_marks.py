"""The library's exact marks: `A` counts its articles and their story copies by id, and an undo
puts back each article's own state, not its story copies' (r31 H2, H3)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newstui.library import Library
from newstui.model import Article, ArticleFilter

WIRE = " ".join(
    f"Sentence {i} of the wire story about the harbour plan, told in detail." for i in range(30)
)


def two_copies(library: Library) -> tuple[int, int, int, int]:
    """A wire feed and a courier carrying the same story; returns (wire, courier, their ids)."""
    now = datetime.now(UTC)
    wire = library.register_source("https://wire.example/", "Wire")
    courier = library.register_source("https://courier.example/", "Courier")
    library.save_batch(wire, [Article(title="Harbour plan", text=WIRE, guid="w", published=now)])
    library.save_batch(courier, [Article(title="Harbour", text=WIRE, guid="c", published=now)])
    assert library.find_stories() == 1
    (w,) = library.articles(ArticleFilter(feed_id=wire))
    (c,) = library.articles(ArticleFilter(feed_id=courier))
    return wire, courier, w.id, c.id


def test_unread_to_mark_gives_the_listed_articles_and_their_unread_story_copies(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "n.db") as library:
        wire, _, w, c = two_copies(library)
        assert library.unread_to_mark(ArticleFilter(feed_id=wire)) == ([w], [c])
        library.set_flags_exactly([c], read=True)
        assert library.unread_to_mark(ArticleFilter(feed_id=wire)) == ([w], [])


def test_set_flags_exactly_leaves_the_story_copies_alone(tmp_path: Path) -> None:
    with Library.open(tmp_path / "n.db") as library:
        _, _, w, c = two_copies(library)
        library.mark([w], read=True)  # reading one reads every copy
        assert library.set_flags_exactly([w, 999], read=False) == (1, [w])
        rows = {r.id: r.read for r in library.articles(ArticleFilter(ids=(w, c)), limit=2)}
        assert rows == {w: False, c: True}


def test_a_mark_says_every_article_it_changed(tmp_path: Path) -> None:
    with Library.open(tmp_path / "n.db") as library:
        _, _, w, c = two_copies(library)
        assert library.marked([w], read=True).ids == (w, c)
        assert library.marked([w], starred=True).ids == (w,)
