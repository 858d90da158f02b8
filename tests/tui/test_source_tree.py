"""Sources as a folder tree, the pure part: each folder with its feeds under it, subfolders
nested, a feed in two folders under both, the feeds in no folder apart, folded folders' rows
left out, and read feeds left out by H (user test r51 LOW-17)."""

from __future__ import annotations

from newstui.model import FeedRow, tag_unread_counts
from newstui.tui.widgets.source_tree import (
    FeedTreeRow,
    FolderRow,
    folders_to_unfold,
    indent_width,
    source_tree,
    view_key,
)


def feed(id: int, name: str, *tags: str, unread: int = 1, error: str | None = None) -> FeedRow:
    return FeedRow(id, name, "feed", f"https://f{id}.example/rss", tags, 5, unread, None, error)


FEEDS = [
    feed(1, "Alpha Wire", "News"),
    feed(2, "Berlin Daily", "News/Europe"),
    feed(3, "Both Ways", "News", "Tech"),
    feed(4, "Chip Talk", "Tech", unread=0),
    feed(5, "Deep Fjord", "News/Europe/Nordics"),
    feed(6, "Loose Blog"),
    feed(7, "Odd Case", "tech"),  # (Tech and tech are one folder)
]


def shown(rows) -> list[str]:
    """The rows as Sources shows them: indented, a folder with its marker."""
    out = []
    for row in rows:
        pad = " " * indent_width(row.depth)
        if isinstance(row, FolderRow):
            out.append(f"{pad}{'▸' if row.folded else '▾'} {row.name} {row.unread}")
        else:
            out.append(f"{pad}{row.feed.name}")
    return out


def test_each_folder_lists_its_feeds_under_it_then_its_subfolders():
    tree = source_tree(FEEDS, tag_unread_counts(FEEDS), ())
    assert shown(tree.rows) == [
        "▾ News 4",
        "  Alpha Wire",
        "  Both Ways",
        "  ▾ Europe 2",
        "    Berlin Daily",
        "    ▾ Nordics 1",
        "      Deep Fjord",
        "▾ Tech 2",
        "  Both Ways",
        "  Chip Talk",
        "  Odd Case",
    ]
    assert [f.name for f in tree.unfiled] == ["Loose Blog"]
    assert tree.left_out == 0


def test_a_feed_in_two_folders_has_an_entry_under_each_told_apart_by_its_id():
    tree = source_tree(FEEDS, tag_unread_counts(FEEDS), ())
    both = [row for row in tree.rows if isinstance(row, FeedTreeRow) and row.feed.id == 3]
    assert [row.key for row in both] == ["feed:3@News", "feed:3@Tech"]
    assert {view_key(row.key) for row in both} == {"feed:3"}
    assert len({row.key for row in tree.rows}) == len(tree.rows)  # every entry's id is its own
    assert view_key("tag:News/Europe") == "tag:News/Europe"


def test_a_folders_count_is_its_articles_once_even_with_a_feed_in_two_of_its_folders():
    feeds = [feed(1, "A", "News", "News/Europe", unread=3), feed(2, "B", "News/Europe", unread=2)]
    tree = source_tree(feeds, tag_unread_counts(feeds), ())
    assert shown(tree.rows) == ["▾ News 5", "  A", "  ▾ Europe 5", "    A", "    B"]


def test_a_folded_folder_lists_neither_its_feeds_nor_its_subfolders():
    tags = tag_unread_counts(FEEDS)
    tree = source_tree(FEEDS, tags, {"news"})
    assert shown(tree.rows) == ["▸ News 4", "▾ Tech 2", "  Both Ways", "  Chip Talk", "  Odd Case"]
    inner = source_tree(FEEDS, tags, {"news/europe"})
    assert shown(inner.rows)[:4] == ["▾ News 4", "  Alpha Wire", "  Both Ways", "  ▸ Europe 2"]
    assert "      Deep Fjord" not in shown(inner.rows)


def test_read_feeds_left_out_are_counted_once_and_a_folder_with_nothing_left_goes_too():
    feeds = [
        feed(1, "Alpha", "News"),
        feed(2, "Quiet", "News", "Sport", unread=0),
        feed(3, "Still", "Sport", unread=0),
        feed(4, "Broken", "Old", unread=0, error="HTTP 404"),
        feed(5, "Calm", "Calm", unread=0),
    ]
    tree = source_tree(feeds, tag_unread_counts(feeds), (), show_read=False)
    # Sport has nothing unread: gone; Old keeps its failing feed; Quiet counted once
    assert shown(tree.rows) == ["▾ News 1", "  Alpha", "▾ Old 0", "  Broken"]
    assert tree.left_out == 3
    kept = source_tree(feeds, tag_unread_counts(feeds), (), show_read=False, keep={"feed:3"})
    assert shown(kept.rows)[-2:] == ["▾ Sport 0", "  Still"]  # (highlighted: it stays)


def test_a_feed_never_fetched_is_not_read_and_stays_listed_with_its_folder():
    # user test r52 LOW-4: newsboat's `show-read-feeds no` imported, and before the first fetch
    # every feed was left out ("Folders (+40 read)" and nothing under it)
    def new(id: int, name: str, tag: str) -> FeedRow:
        return FeedRow(id, name, "feed", f"https://f{id}.example/rss", (tag,), 0, 0, None, None)

    feeds = [new(1, "New One", "News"), feed(2, "Read One", "News", unread=0)]
    feeds += [new(3, "Also New", "Tech")]
    tree = source_tree(feeds, tag_unread_counts(feeds), (), show_read=False)
    assert shown(tree.rows) == ["▾ News 0", "  New One", "▾ Tech 0", "  Also New"]
    assert tree.left_out == 1


def test_deep_folders_are_indented_less_past_the_third_level():
    assert [indent_width(d) for d in range(7)] == [0, 2, 4, 6, 7, 8, 9]
    deep = "/".join(f"L{n}" for n in range(16))
    tree = source_tree([feed(1, "Bottom", deep)], tag_unread_counts([feed(1, "B", deep)]), ())
    assert len(tree.rows) == 17 and indent_width(tree.rows[-1].depth) == 19


def test_a_feed_inside_folded_folders_unfolds_the_folders_of_its_first_place():
    deep = feed(5, "Deep Fjord", "News/Europe/Nordics", "Tech")
    assert folders_to_unfold(deep, {"news", "news/europe/nordics", "tech"}) == [
        "news",
        "news/europe/nordics",
    ]
    assert folders_to_unfold(deep, {"news"}) == []  # (listed under Tech already)
    assert folders_to_unfold(feed(6, "Loose"), {"news"}) == []
