"""Whether a server item is, by its id, the same article here (before a queued mark is sent to
a server taken for the last account): the same link and title, as a first sync pairs an item
with an article. Episodes that link to their show page are other articles (r33 syncpair)."""

from __future__ import annotations

from pathlib import Path

from newstui.library import Library
from newstui.model import Article, RemoteItem

SHOW = "https://pod.example/show/"
FEED = "https://pod.example/pod.xml"


def _item(item_id: int, title: str, url: str | None = SHOW) -> RemoteItem:
    return RemoteItem(
        item_id, "feed/2", 1, Article(title, f"{title}: notes.", url=url), read=False, starred=False
    )


def _stored(tmp_path: Path, items: list[RemoteItem]) -> Library:
    library = Library.open(tmp_path / "s.db")
    feed = library.register_source(FEED, "Pod", url=FEED)
    library._db.execute("INSERT INTO sync_feeds (feed_id, stream_id) VALUES (?, 'feed/2')", [feed])
    library._db.conn.commit()
    library.sync.save_items(items, {"feed/2": feed})
    return library


def test_an_item_id_given_to_another_episode_under_the_show_page_is_not_the_same_article(
    tmp_path: Path,
) -> None:
    library = _stored(tmp_path, [_item(7, "Episode 1: Rivers"), _item(8, "Episode 2: Lakes")])
    try:
        there = [_item(7, "Episode 3"), _item(8, "episode 2:  LAKES")]

        assert library.sync.items_stored_as(there) == {8}  # (title as a first sync compares it)
    finally:
        library.close()


def test_an_item_without_a_link_is_the_same_article_by_its_title(tmp_path: Path) -> None:
    library = _stored(tmp_path, [_item(7, "Notes", url=None), _item(8, "Other", url=None)])
    try:
        there = [_item(7, "notes", url=None), _item(8, "Else", url=None)]

        assert library.sync.items_stored_as(there) == {7}
    finally:
        library.close()


def test_an_item_whose_link_is_one_articles_is_it_though_its_title_was_edited(
    tmp_path: Path,
) -> None:
    # (as a first sync pairs a link one article's here and one item's: review r33 F2)
    url = "https://pod.example/story"
    library = _stored(tmp_path, [_item(7, "Minister resigns", url=url)])
    try:
        assert library.sync.items_stored_as([_item(7, "Minister resigns over row", url=url)]) == {7}
    finally:
        library.close()
