"""Two copies of one article made one (store/article_merge.py), wherever newstui merges them: a
sync linking a server item to an article fetched here, a moved subscription merged with the
source that had its URL, articles stored twice, a feed whose URL changed in the config. The text
kept is the full text fetched, else the longer one, with its analysis; marks, downloads,
enclosures, story and an import's marks are the merged article's too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Link, Quote, RemoteFeed, RemoteItem
from newstui.model.marks import ImportedMark
from newstui.nlp import canonical_key, short_key
from newstui.query import parse_query
from newstui.store.db import write_transaction
from newstui.store.sync import _merge_source

RAW = "https://x.org/wiki/Vázquez"
ENCODED = "https://x.org/wiki/V%C3%A1zquez"
FULL = "The full story, as its page tells it, with every paragraph the feed left out. " * 8
QUOTE = Quote("full story", 4, 14, "Ana Ruiz")
OLD, NEW = "https://a.example/wiki.xml", "https://a.example/wiki2.xml"


def _ids(library: Library) -> dict[str, int]:
    rows = library.articles(ArticleFilter(), limit=None)
    return {f"{r.feed}/{r.title}": r.id for r in rows}


def _fetched_in_full(library: Library, article_id: int) -> None:
    """The article's full text fetched (`newstui fulltext`) and analysed: one quote."""
    library.set_fulltext(article_id, text=FULL)
    library.save_analyses([(article_id, Analysis(quotes=(QUOTE,)))], "v1", canonical_key, short_key)


def _has_the_full_text(library: Library, article_id: int) -> None:
    stored = library.article(article_id)
    assert stored is not None
    assert (stored.text, stored.fulltext_status) == (FULL, "ok")
    assert [(q.text, q.speaker) for q in library.analysis(article_id).quotes] == [
        ("full story", "Ana Ruiz")
    ]


def _synced(library: Library, feed_id: int, stream: str = "feed/2") -> None:
    library._db.execute(
        "INSERT INTO sync_feeds (feed_id, stream_id) VALUES (?, ?)", [feed_id, stream]
    )
    library._db.conn.commit()


def _fetched_summary(library: Library) -> tuple[int, int]:
    """Wiki's "Pierluisi removed" fetched here with its summary, its link written `RAW`: the
    feed's id and the article's."""
    feed = library.register_source(OLD, "Wiki", url=OLD)
    library.save_batch(feed, [Article("Pierluisi removed", "Summary.", guid="g", url=RAW)])
    [article_id] = _ids(library).values()
    return feed, article_id


def test_a_synced_item_linked_to_an_article_fetched_here_keeps_its_full_text(
    tmp_path: Path,
) -> None:
    # The feed gives a summary; `fulltext` fetched the page. The first sync found the server's
    # item under the same link and replaced the text with the item's summary: full text, quotes
    # and entities gone.
    with Library.open(tmp_path / "s.db") as library:
        feed, article_id = _fetched_summary(library)
        _fetched_in_full(library, article_id)
        item = RemoteItem(
            7, "feed/2", 1, Article("Pierluisi Removed", "The server's summary.", url=ENCODED),
            read=False, starred=True,
        )  # fmt: skip

        saved = library.sync.save_items([item], {"feed/2": feed})

        assert (saved.new, saved.updated, saved.changed_ids) == (0, 0, ())
        _has_the_full_text(library, article_id)
        stored = library.article(article_id)
        assert stored is not None
        row = (stored.row.title, stored.row.url, stored.row.starred)
        assert row == ("Pierluisi Removed", ENCODED, True)  # the item's title, link and star
        again = library.sync.save_items([item], {"feed/2": feed})  # the item sent again
        assert (again.updated, library.article(article_id).text) == (0, FULL)  # type: ignore[union-attr]


def test_a_synced_item_linked_to_an_article_fetched_from_its_feed_keeps_the_feeds_text(
    tmp_path: Path,
) -> None:
    # r33 M6: the feed's own copy is the better source (the server's longer text was mostly
    # FreshRSS's "💾" link to the enclosure, whose duration it drops); a longer server text
    # replaced it, to be analysed again, and the pairing counted "updated".
    with Library.open(tmp_path / "s.db") as library:
        feed, article_id = _fetched_summary(library)
        item = RemoteItem(
            7, "feed/2", 1, Article("Pierluisi removed", FULL, url=ENCODED), False, False
        )

        saved = library.sync.save_items([item], {"feed/2": feed})

        assert (saved.updated, saved.changed_ids) == (0, ())
        assert library.article(article_id).text == "Summary."  # type: ignore[union-attr]


def test_an_article_kept_from_another_accounts_item_keeps_the_author_and_date_the_new_lacks(
    tmp_path: Path,
) -> None:
    # Paired with the new account's item, whose longer text it takes, the article took its
    # empty author and date too: an empty server field never replaces one stored here.
    when = datetime(2026, 11, 2, 10, tzinfo=UTC)
    with Library.open(tmp_path / "s.db") as library:
        feed = library.register_source(OLD, "Wiki", url=OLD)
        _synced(library, feed)
        first = Article("Pierluisi removed", "Summary.", url=RAW, author="Ana Ruiz", published=when)
        library.sync.save_items([RemoteItem(7, "feed/2", 1, first, False, False)], {"feed/2": feed})
        library.sync.forget_server(keep_marks=False)  # (another user's account is synced now)
        copy = Article("Pierluisi removed", FULL, url=RAW)  # (no author, no date)

        saved = library.sync.save_items(
            [RemoteItem(9, "feed/2", 2, copy, False, False)], {"feed/2": feed}
        )

        [article_id] = _ids(library).values()
        stored = library.article(article_id)
        assert stored is not None
        assert (saved.new, saved.updated, stored.text) == (0, 1, FULL)
        assert (stored.row.author, stored.row.published) == ("Ana Ruiz", when.isoformat())


def _merged_sources(tmp_path: Path, fetched_text: str, synced_text: str) -> tuple[Library, int]:
    """A moved subscription ("Show", the server's copy of Episode 1) merged with the source
    fetched here that had its URL ("Mine", its own copy, `fetched_text`); the library reopened
    and the article left."""
    with Library.open(tmp_path / "m.db") as library:
        into = library.register_source(NEW, "Show", url=NEW)
        source = library.register_source(OLD, "Mine", url=OLD)
        library.save_batch(into, [Article("Episode 1", synced_text, guid="item:1", url=ENCODED)])
        library.save_batch(source, [Article("Episode 1", "Summary.", guid="ep1", url=RAW)])
        ids = _ids(library)
        if fetched_text == FULL:
            _fetched_in_full(library, ids["Mine/Episode 1"])
        else:
            library.save_batch(source, [Article("Episode 1", fetched_text, guid="ep1", url=RAW)])
        with write_transaction(library._db) as conn:  # as apply_subscriptions does
            _merge_source(conn, source, into)
    library = Library.open(tmp_path / "m.db")
    assert list(_ids(library)) == ["Show/Episode 1"]
    return library, ids["Show/Episode 1"]


def test_a_moved_subscription_merged_with_a_source_keeps_the_full_text_fetched_there(
    tmp_path: Path,
) -> None:
    library, kept = _merged_sources(tmp_path, FULL, "The server's summary.")
    with library:
        _has_the_full_text(library, kept)


def test_a_merge_of_two_summaries_keeps_the_longer(tmp_path: Path) -> None:
    library, kept = _merged_sources(
        tmp_path, "The feed's summary, longer than the other.", "Short."
    )
    with library:
        assert library.article(kept).text == "The feed's summary, longer than the other."  # type: ignore[union-attr]


def _stored_twice(library: Library) -> tuple[int, int, int]:
    """The feed's article (RAW) fetched here and the server's item (ENCODED) stored apart, as
    an earlier newstui left them: the feed, the fetched one and the synced one."""
    feed = library.register_source(OLD, "Wiki", url=OLD)
    library.save_batch(feed, [Article("Pierluisi removed", "Summary.", guid="g", url=RAW)])
    library.save_batch(feed, [Article("Pierluisi removed", "Sum.", guid="7", url="https://x/7")])
    library._db.execute("UPDATE articles SET url = ? WHERE guid = 'guid:7'", [ENCODED])
    ids = {r.url: r.id for r in library.articles(ArticleFilter(), limit=None)}
    _synced(library, feed)
    library._db.execute(
        "INSERT INTO sync_items (item_id, article_id) VALUES (7, ?)", [ids[ENCODED]]
    )
    library._db.conn.commit()
    return feed, ids[RAW], ids[ENCODED]


def test_articles_stored_twice_merged_keep_the_full_text_the_synced_copy_got(
    tmp_path: Path,
) -> None:
    # The synced copy got its full text (full text auto at the sync); the fetched one, kept,
    # had the feed's summary: its text stayed and the full text went with the copy.
    with Library.open(tmp_path / "s.db") as library:
        feed, fetched, synced = _stored_twice(library)
        _fetched_in_full(library, synced)

        assert library.sync.merge_link_twins() == 1

        assert [r.id for r in library.articles(ArticleFilter(), limit=None)] == [fetched]
        _has_the_full_text(library, fetched)
        item = RemoteItem(
            7, "feed/2", 1, Article("Pierluisi removed", "Sum.", url="https://x/7"), False, False
        )
        library.sync.save_items([item], {"feed/2": feed})  # the item sent again, unchanged
        _has_the_full_text(library, fetched)


def test_articles_stored_twice_merged_keep_the_other_feeds_copy_of_their_story_listed(
    tmp_path: Path,
) -> None:
    # The synced copy led a story another feed's article is a copy of: the copy went, and the
    # other feed's article, a copy of a story with no leader, was listed nowhere.
    with Library.open(tmp_path / "s.db") as library:
        _, fetched, synced = _stored_twice(library)
        other = library.register_source(
            "https://b.example/rss", "Other", url="https://b.example/rss"
        )
        library.save_batch(other, [Article("Pierluisi out", "Summary too.", guid="o")])
        copy = _ids(library)["Other/Pierluisi out"]
        library._db.conn.executemany(
            "INSERT INTO stories (article_id, story_id) VALUES (?, ?)",
            [(synced, synced), (copy, synced)],
        )
        library._db.conn.commit()
        assert fetched in {r.id for r in library.articles(ArticleFilter(), limit=None)}
        assert copy not in {r.id for r in library.articles(ArticleFilter(), limit=None)}

        assert library.sync.merge_link_twins() == 1

        assert {r.id for r in library.articles(ArticleFilter(), limit=None)} == {fetched, copy}


def _moved(library: Library, old_text: str, copy: Article) -> tuple[int, int, int]:
    """A feed whose URL changed in the config: the old source (one article, `old_text`) set
    aside, the new URL fetched (`copy`, the same article): the old article's id, the copy's and
    the new source's."""
    old = library.register_source(OLD, "Wiki", url=OLD, configured=True)
    library.save_batch(old, [Article("Story a", old_text, guid="a", url="https://a/a")])
    assert library.set_aside_source(old, "2026-12-05T01:00:00+00:00", url_changed=True)
    new = library.register_source(NEW, "Wiki", url=NEW, configured=True)
    library.save_batch(new, [copy])
    ids = {r.feed_id: r.id for r in library.articles(ArticleFilter(), limit=None)}
    return ids.get(old, -1), ids[new], new


def test_a_feed_moved_to_its_new_url_keeps_the_full_text_its_new_copy_got(tmp_path: Path) -> None:
    # The new URL's fetch got the page's full text (full text auto); the old copy, kept, had the
    # summary: the full text went with the new copy.
    with Library.open(tmp_path / "s.db") as library:
        old, copy, new = _moved(
            library, "Summary.", Article("Story a", "Summary.", guid="a", url="https://a/a")
        )
        _fetched_in_full(library, copy)

        assert library.move_source_articles(old, new) == (1, 1)

        assert [r.id for r in library.articles(ArticleFilter(feed_id=new), limit=None)] == [old]
        _has_the_full_text(library, old)


def test_a_feed_moved_to_its_new_url_keeps_the_old_full_text_over_the_new_summary(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "s.db") as library:
        old = library.register_source(OLD, "Wiki", url=OLD, configured=True)
        library.save_batch(old, [Article("Story a", "Summary.", guid="a", url="https://a/a")])
        [kept] = _ids(library).values()
        _fetched_in_full(library, kept)
        assert library.set_aside_source(old, "2026-12-05T01:00:00+00:00", url_changed=True)
        new = library.register_source(NEW, "Wiki", url=NEW, configured=True)
        library.save_batch(
            new,
            [Article("Story a", "A longer summary than the first.", guid="a", url="https://a/a")],
        )

        assert library.move_source_articles(old, new) == (1, 1)

        _has_the_full_text(library, kept)


def test_a_feed_moved_to_its_new_url_keeps_the_download_and_enclosure_of_its_new_copy(
    tmp_path: Path,
) -> None:
    # The copy's download was left with no article (its row said article_id NULL).
    episode = Link("", "https://a/ep.mp3", "enclosure", size=1000)
    with Library.open(tmp_path / "s.db") as library:
        old, copy, new = _moved(
            library,
            "Summary.",
            Article("Story a", "Summary.", guid="a", url="https://a/a", links=(episode,)),
        )
        library.downloads.queue(
            url=episode.url, path=str(tmp_path / "ep.mp3"), article_id=copy, title="Story a",
            mime="audio/mpeg", bytes_total=1000,
        )  # fmt: skip

        library.move_source_articles(old, new)

        assert [d.article_id for d in library.downloads.all()] == [old]
        stored = library.article(old)
        assert stored is not None
        assert [link.url for link in stored.links if link.kind == "enclosure"] == [episode.url]


def test_a_feed_moved_to_its_new_url_keeps_the_import_marks_its_new_copy_took(
    tmp_path: Path,
) -> None:
    # newsboat's marks came in for the new URL and its copy took them: marked unread since,
    # the merged article was marked read again by the same import run again.
    with Library.open(tmp_path / "s.db") as library:
        old, _, new = _moved(
            library, "Summary.", Article("Story a", "Summary.", guid="a", url="https://a/a")
        )
        mark = ImportedMark(NEW, "a", "https://a/a", read=True)
        assert library.add_imported_marks([mark]).applied == 1
        library.move_source_articles(old, new)
        assert library.article(old).row.read  # type: ignore[union-attr]
        library.mark([old], read=False)

        library.add_imported_marks([mark])

        assert not library.article(old).row.read  # type: ignore[union-attr]


def test_a_subscription_the_server_moved_keeps_the_marks_imported_for_its_next_articles(
    tmp_path: Path,
) -> None:
    # Marks waiting by the feed's old URL were left behind when it took the new one.
    with Library.open(tmp_path / "s.db") as library:
        library.sync.apply_subscriptions([RemoteFeed("feed/1", "One", OLD)], {})
        library.add_imported_marks(
            [ImportedMark(OLD, "b", "https://a/b", read=False, starred=True)]
        )

        library.sync.apply_subscriptions([RemoteFeed("feed/1", "One", NEW)], {})
        [one] = [f.feed_id for f in library.sync.feeds()]
        library.save_batch(one, [Article("Story b", "Text.", guid="b", url="https://a/b")])

        assert [r.starred for r in library.articles(ArticleFilter(), limit=None)] == [True]


def test_a_merged_article_that_took_the_other_copys_text_is_sketched_again_for_its_story(
    tmp_path: Path,
) -> None:
    # Review r33 F5: the old article, kept, took its new copy's full text, but its story sketch
    # stayed that of its summary: another feed's copy of the full story was never joined to it.
    with Library.open(tmp_path / "s.db") as library:
        old, copy, new = _moved(
            library, "Summary.", Article("Story a", "Summary.", guid="a", url="https://a/a")
        )
        other = library.register_source(
            "https://b.example/rss", "Other", url="https://b.example/rss"
        )
        library.save_batch(other, [Article("Story a, in full", FULL, guid="o")])
        library.find_stories()
        full = _ids(library)["Other/Story a, in full"]
        _fetched_in_full(library, copy)
        assert library.move_source_articles(old, new) == (1, 1)

        library.find_stories()

        assert {v.article_id for v in library.story_versions(old)} == {old, full}


def test_a_merged_article_that_took_a_hidden_copys_text_stays_hidden(tmp_path: Path) -> None:
    # Review r33 F5: a hide filter had hidden the new copy for its full text; the old article
    # took that text and was listed with it.
    with Library.open(tmp_path / "s.db") as library:
        old, copy, new = _moved(
            library, "Summary.", Article("Story a", "Summary.", guid="a", url="https://a/a")
        )
        _fetched_in_full(library, copy)
        assert library.apply_filter(parse_query("paragraph"), "hide") == 1

        assert library.move_source_articles(old, new) == (1, 1)

        assert library.articles(ArticleFilter(feed_id=new), limit=None) == []
        assert [r.id for r in library.articles(ArticleFilter(hidden=True), limit=None)] == [old]


def test_a_merged_article_that_takes_the_copys_text_lists_the_enclosures_of_both(
    tmp_path: Path,
) -> None:
    # The kept article's own episode stays listed beside the copy's links (r33 review F11: the
    # links are read once with the rest, and parsed only when the other copy has an enclosure).
    mine = Link("", "https://a/mine.mp3", "enclosure", size=10)
    theirs = Link("", "https://a/theirs.mp3", "enclosure", size=20)
    page = Link("", "https://a/page", "related")
    with Library.open(tmp_path / "s.db") as library:
        old = library.register_source(OLD, "Wiki", url=OLD, configured=True)
        library.save_batch(
            old, [Article("Story a", "Sum.", guid="a", url="https://a/a", links=(mine,))]
        )
        assert library.set_aside_source(old, "2026-12-05T01:00:00+00:00", url_changed=True)
        new = library.register_source(NEW, "Wiki", url=NEW, configured=True)
        copy = Article("Story a", FULL, guid="a", url="https://a/a", links=(theirs, page))
        library.save_batch(new, [copy])
        [kept] = [r.id for r in library.articles(ArticleFilter(feed_id=old), limit=None)]

        assert library.move_source_articles(old, new) == (1, 1)

        stored = library.article(kept)
        assert stored is not None
        assert stored.text == FULL
        assert sorted(link.url for link in stored.links) == sorted([mine.url, theirs.url, page.url])
