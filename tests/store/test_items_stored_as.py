"""Whether a server item is, by its id, the same article here (before a queued mark is sent to
a server taken for the last account): the same link and title, as a first sync pairs an item
with an article. Episodes that link to their show page are other articles (r33 syncpair)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newstui.library import Library
from newstui.model import Article, ArticleFilter, Link, RemoteItem, RetentionPolicy

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


def _episode(item_id: int, title: str, mp3: str | None) -> RemoteItem:
    """An item under the show page's link enclosing `mp3` (None: no file)."""
    files = [Link("audio/mpeg", f"https://pod.example/{mp3}", "enclosure")] if mp3 else []
    article = Article(title, f"{title}: notes.", url=SHOW, links=files)
    return RemoteItem(item_id, "feed/2", 1, article, read=False, starred=False)


# (stored: title, file; the server's item: title, file; one entry): one article here and one
# item under the show page's link, the case where the link alone decides unless the files differ
ONE_UNDER_THE_LINK = [
    ("Episode 1", "ep1.mp3", "Episode 2", "ep2.mp3", False),  # two episodes (review r33 F2)
    ("Episode 1", "ep1.mp3", "Episode 1 (remastered)", "ep1.mp3", True),  # a title edited
    ("Episode 1", "ep1.mp3", "episode 1", "ep1-hd.mp3", True),  # the same title: its file moved
    ("Episode 1", "ep1.mp3", "Episode 1, edited", None, True),  # the server's copy lists none
    ("Minister resigns", None, "Minister resigns over row", None, True),  # a headline edited
]


@pytest.mark.parametrize(("title", "mp3", "sent_title", "sent_mp3", "same"), ONE_UNDER_THE_LINK)
def test_the_first_sync_the_id_check_and_the_account_check_judge_an_entry_by_one_rule(
    tmp_path: Path, title: str, mp3: str | None, sent_title: str, sent_mp3: str | None, same: bool
) -> None:
    # items_stored_as and stored_under_other_ids took a show-page link one article and one
    # item have for one entry, where the first sync's pairing (and since r34's H2 fix, its
    # look for an article a cleanup removed) saw two episodes enclosing other files
    # (closing33: one rule, in one function, for them all)
    sent = _episode(9, sent_title, sent_mp3)
    fetched = replace(_episode(0, title, mp3).article, guid="ep")
    with Library.open(tmp_path / "fetched.db") as library:  # fetched here before sync
        feed = library.register_source(FEED, "Pod", url=FEED)
        library.save_batch(feed, [fetched])
        paired = library.sync.save_items([sent], {"feed/2": feed}).new == 0
    with Library.open(tmp_path / "removed.db") as library:  # fetched, read, then cleaned up
        feed = library.register_source(FEED, "Pod", url=FEED)
        library.save_batch(feed, [fetched])
        library.mark([a.id for a in library.articles(ArticleFilter(), limit=None)], read=True)
        later = datetime.now(UTC) + timedelta(days=30)
        assert library.cleanup({feed: RetentionPolicy(keep_days=1)}, now=later).removed == 1
        kept_out = library.sync.save_items([sent], {"feed/2": feed}).new == 0
    library = _stored(tmp_path, [_episode(7, title, mp3)])  # synced before: item 7
    try:
        feed = library.sync.feeds()[0].feed_id
        stored_as = library.sync.items_stored_as([replace(sent, item_id=7)]) == {7}
        under_other_id = library.sync.stored_under_other_ids(feed, [sent]) == 1
    finally:
        library.close()

    assert (paired, stored_as, under_other_id) == (same, same, same)
    # (an item enclosing another file than a removed article is never that article: a3033868)
    assert kept_out == (same and not (mp3 and sent_mp3 and mp3 != sent_mp3))
