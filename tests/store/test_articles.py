"""Saving, deduplicating, listing, searching and marking articles."""

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from newstui.model import Analysis, Article, ArticleFilter, tag_unread_counts
from newstui.query import Query, parse_query
from newstui.render import article_json, render_article_text
from newstui.store import open_db
from newstui.store.article_detail import get_article
from newstui.store.article_lists import article_position, list_articles
from newstui.store.article_marks import mark_all_read, mark_articles
from newstui.store.article_saving import save_articles
from newstui.store.article_search import search_articles
from newstui.store.db import schema_version
from newstui.store.feeds import ensure_feed, list_feeds
from newstui.store.filter_sql import count_articles
from newstui.store.schema import SCHEMA_VERSION


def q(text: str) -> Query:
    return parse_query(text)


def art(n: int, **kw) -> Article:
    defaults = dict(
        title=f"Story {n}",
        text=f"Body of story {n}.",
        guid=f"g{n}",
        url=f"https://e.example/{n}",
        published=datetime(2026, 11, n % 28 + 1, tzinfo=UTC),
    )
    return Article(**{**defaults, **kw})


@pytest.fixture
def feed(db):
    return ensure_feed(
        db, "https://e.example/feed", "Example", url="https://e.example/feed", tags=("world",)
    )


def test_new_database_is_migrated_to_the_current_schema(db):
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_an_existing_database_keeps_its_articles(db_path):
    db = open_db(db_path)
    fid = ensure_feed(db, "k", "K")
    save_articles(db, fid, [art(1)])
    db.conn.close()
    assert count_articles(open_db(db_path)) == 1


def test_save_counts_new_and_updated_and_keeps_read_and_star(db, feed):
    assert save_articles(db, feed, [art(1), art(2)]).new == 2
    mark_articles(db, [1], read=True, starred=True)
    result = save_articles(db, feed, [art(1, text="Corrected body."), art(2)])
    assert (result.new, result.updated) == (0, 1)
    stored = get_article(db, 1)
    assert stored.text == "Corrected body."
    assert stored.row.read and stored.row.starred
    # … and says it was updated, when (the byline of the reader and `show`, `show --json`)
    assert get_article(db, 2).updated is None and stored.updated is not None
    when = stored.updated[:16].replace("T", " ")
    byline = render_article_text(stored, Analysis()).plain.splitlines()[1]
    assert byline == f"Example · 2026-11-02 · updated {when}"
    assert article_json(stored, Analysis())["updated"] == stored.updated


def test_refetching_unchanged_articles_changes_nothing(db, feed):
    save_articles(db, feed, [art(1), art(2)])
    result = save_articles(db, feed, [art(1), art(2)])
    assert (result.new, result.updated) == (0, 0)


def test_feed_reusing_one_guid_never_duplicates(db, feed):
    batch = [art(i, guid="same") for i in range(5)]
    for _ in range(3):
        save_articles(db, feed, batch)
    assert count_articles(db) == 5


def test_feed_without_guids_or_links_never_duplicates(db, feed):
    batch = [art(i, guid=None, url=None) for i in range(4)]
    for _ in range(3):
        save_articles(db, feed, batch)
    assert count_articles(db) == 4


def test_identical_entries_collapse_to_one(db, feed):
    save_articles(db, feed, [art(1, guid=None, url=None), art(1, guid=None, url=None)])
    assert count_articles(db) == 1


def test_a_new_bulletin_under_the_last_ones_link_is_new_not_an_edit(db, feed):
    # r35 second user test M-c / review S8: a feed listing only its latest bulletin under one
    # link: the next (new guid, new headline) replaced the last one's text and took its read mark
    save_articles(db, feed, [art(1, url="https://e.example/live", title="Bulletin 1")])
    mark_articles(db, [1], read=True)

    result = save_articles(db, feed, [art(2, url="https://e.example/live", title="Bulletin 2")])

    assert (result.new, result.updated) == (1, 0)
    assert get_article(db, 1).text == "Body of story 1." and get_article(db, 1).row.read


def test_a_feed_that_changes_its_guids_keeps_its_stored_article(db, feed):
    save_articles(db, feed, [art(1, url="https://e.example/one", title="Story one")])

    result = save_articles(
        db, feed, [art(1, guid="v2-g1", url="https://e.example/one", title="Story one")]
    )

    assert (result.new, count_articles(db)) == (0, 1)


def test_an_undated_entry_without_guid_or_link_under_a_title_seen_is_new(db, feed):
    # review r35 S6: keyed by its title alone, each day's "Daily menu" overwrote the last, read
    save_articles(db, feed, [art(1, guid=None, url=None, title="Daily menu", published=None)])
    mark_articles(db, [1], read=True)

    result = save_articles(
        db, feed, [art(2, guid=None, url=None, title="Daily menu", published=None)]
    )

    assert (result.new, result.updated) == (1, 0)
    assert count_articles(db) == 2 and get_article(db, 1).text == "Body of story 1."


def test_an_entry_without_guid_or_link_edited_is_updated_not_stored_again(db, feed):
    # user test r35 M5: a notice whose text the publisher edited came back as a new unread copy
    save_articles(db, feed, [art(1, guid=None, url=None), art(2, guid=None, url=None)])
    mark_articles(db, [1, 2], read=True)

    result = save_articles(
        db, feed, [art(1, guid=None, url=None, text="Revised body."), art(2, guid=None, url=None)]
    )

    assert (result.new, result.updated) == (0, 1)
    assert count_articles(db) == 2
    assert get_article(db, 1).text == "Revised body." and get_article(db, 1).row.read


def test_entries_without_guid_or_link_sharing_a_title_and_date_stay_apart_by_text(db, feed):
    batch = [art(1, guid=None, url=None), art(1, guid=None, url=None, text="Another notice.")]
    save_articles(db, feed, batch)
    assert save_articles(db, feed, batch).new == 0
    assert count_articles(db) == 2


def test_an_entry_stored_by_its_text_before_is_known_by_its_title_after_an_edit(db, feed):
    # a store written by a newstui that keyed such entries by title and text: its entries take
    # their title key at the next fetch, never stored again
    save_articles(db, feed, [art(1, guid=None, url=None)])
    db.execute("UPDATE articles SET guid = 'hash:0123456789abcdef0123456789abcdef' WHERE id = 1")
    mark_articles(db, [1], read=True)

    result = save_articles(db, feed, [art(1, guid=None, url=None, text="Revised body.")])

    assert (result.new, result.updated) == (0, 1)
    assert count_articles(db) == 1 and get_article(db, 1).row.read
    assert save_articles(db, feed, [art(1, guid=None, url=None, text="Again.")]).new == 0


def test_same_guid_in_two_feeds_is_two_articles(db, feed):
    other = ensure_feed(db, "https://o.example/feed", "Other")
    save_articles(db, feed, [art(1)])
    save_articles(db, other, [art(1)])
    assert count_articles(db) == 2


def test_list_is_newest_first_and_windowed(db, feed):
    save_articles(db, feed, [art(n) for n in range(1, 21)])
    rows = list_articles(db, offset=0, limit=5)
    assert [r.title for r in rows] == ["Story 20", "Story 19", "Story 18", "Story 17", "Story 16"]
    assert [r.title for r in list_articles(db, offset=18, limit=5)] == ["Story 2", "Story 1"]
    assert article_position(db, ArticleFilter(), rows[2].id) == 2


def test_filters_unread_starred_feed_and_tag(db, feed):
    other = ensure_feed(db, "https://o.example/feed", "Other", tags=("tech",))
    save_articles(db, feed, [art(1), art(2)])
    save_articles(db, other, [art(3)])
    mark_articles(db, [1], read=True)
    mark_articles(db, [2], starred=True)
    assert count_articles(db, ArticleFilter(unread=True)) == 2
    assert [r.id for r in list_articles(db, ArticleFilter(starred=True))] == [2]
    assert count_articles(db, ArticleFilter(feed_id=other)) == 1
    assert count_articles(db, ArticleFilter(tag="world")) == 2
    assert mark_all_read(db, ArticleFilter(tag="world")) == 1
    assert count_articles(db, ArticleFilter(unread=True)) == 1
    feeds = {f.name: f for f in list_feeds(db)}
    assert (feeds["Example"].articles, feeds["Example"].unread) == (2, 0)
    assert ("tech", 1, 1) in tag_unread_counts(list_feeds(db))


def test_tags_differing_only_in_case_are_one_tag_spelled_as_the_oldest_source_spells_it(db):
    """A store holding "Tech" and "tech" (two sources tagged apart) showed two tags and
    selected half the articles under each; both sources keep what they were given."""
    first = ensure_feed(db, "https://a.example/feed", "A", tags=("Tech", "Ökonomie"))
    second = ensure_feed(db, "https://b.example/feed", "B", tags=("tech", "ÖKONOMIE", "world"))
    save_articles(db, first, [art(1)])
    save_articles(db, second, [art(2), art(3)])
    feeds = {f.name: f.tags for f in list_feeds(db)}
    assert feeds == {"A": ("Tech", "Ökonomie"), "B": ("Tech", "Ökonomie", "world")}
    assert tag_unread_counts(list_feeds(db)) == [  # Ökonomie with the O's (r45 M4)
        ("Ökonomie", 3, 3),
        ("Tech", 3, 3),
        ("world", 2, 2),
    ]
    for spelling in ("tech", "TECH", "ökonomie"):
        assert count_articles(db, ArticleFilter(tag=spelling)) == 3
        assert count_articles(db, ArticleFilter(query=q(f"tag:{spelling}"))) == 3


@pytest.mark.parametrize("query", ["don't", "C++", "multi-agent", "x OR y", "-x"])
def test_search_never_fails_on_odd_but_valid_queries(db, feed, query):
    save_articles(db, feed, [art(1, title="Don't panic about C++ multi-agent AND systems")])
    search_articles(db, q(query))
    count_articles(db, ArticleFilter(query=q(query)))


def test_search_ranks_title_matches_first_and_matches_explicit_prefixes(db, feed):
    save_articles(
        db,
        feed,
        [
            art(1, title="Weather", text="The harbour was calm."),
            art(2, title="Harbour reopens", text="Boats are back."),
        ],
    )
    assert [r.id for r in search_articles(db, q("harbour"))] == [2, 1]
    assert [r.id for r in search_articles(db, q("harb*"))] == [2, 1]
    assert search_articles(db, q("harb")) == []
    assert search_articles(db, q("don't")) == []


def test_search_follows_updates(db, feed):
    save_articles(db, feed, [art(1, text="alpha")])
    save_articles(db, feed, [art(1, text="omega")])
    assert search_articles(db, q("alpha")) == []
    assert [r.id for r in search_articles(db, q("omega"))] == [1]


def test_a_prepared_text_is_indexed_from_the_utf8_it_brings_and_not_kept_after(db, feed):
    """The full-text index reads a prepared article's text from its UTF-8 (not by unpacking
    the stored form again), and the storing connection keeps none of those bytes after."""
    from newstui.article_rows import prepare_article, unpacked_text

    words = "The harbour reopened after the storm, officials said. " * 10
    prepared = prepare_article(art(1, text=words))
    assert isinstance(prepared.text, bytes) and prepared.text_utf8 == words.encode()
    # bytes the stored text does not hold: found in the index only if it read these
    told = dataclasses.replace(prepared, text_utf8=b"lighthouse " * 30)

    save_articles(db, feed, [told, prepare_article(art(2, text=words.replace("harbour", "port")))])

    assert [r.id for r in search_articles(db, q("lighthouse"))] == [1]
    assert [r.id for r in search_articles(db, q("port"))] == [2]  # from its own bytes
    assert unpacked_text(db.execute("SELECT text FROM articles WHERE id = 1").fetchone()[0]) == (
        words
    )
    assert db.known_texts == {}


def test_a_packed_text_no_one_brought_is_unpacked_for_the_index(db, feed):
    from newstui.article_rows import prepare_article

    words = "Ferries run again across the bay, the port authority said. " * 10
    prepared = prepare_article(art(1, text=words))
    save_articles(db, feed, [dataclasses.replace(prepared, text_utf8=None), art(2, text=words)])

    assert sorted(r.id for r in search_articles(db, q("ferries"))) == [1, 2]
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_lone_surrogates_and_nul_never_reach_the_store(db, feed):
    from newstui.sources.feeds import parse_feed

    rss = (
        b'<rss version="2.0"><channel><title>t</title><item><title>A\x01B</title>'
        b"<description>x&#0;y</description><guid>1</guid></item></channel></rss>"
    )
    save_articles(db, feed, parse_feed(rss, "http://x/").articles)
    row = list_articles(db)[0]
    assert row.title == "AB"


def test_the_content_digest_is_the_one_stored_articles_already_carry():
    # Digests written by earlier versions: a different one would report every stored article
    # as updated on the next fetch (and forget its full text and analysis).
    from newstui.article_rows import content_hash

    article = Article(
        title="Harbour reopens",
        text="The harbour reopened.",
        author="Jane Roe",
        summary="Short",
        url="https://example.org/h",
    )
    assert content_hash(article) == "9756d6a65aa460f7ad349c6846f9e86d"
    assert content_hash(Article(title="T", text="x")) == "bc0d353ceaf6d91494722934beabb887"


def test_articles_saved_as_analysed_by_an_extractor_that_finds_nothing_need_no_second_pass(
    db, feed
):
    from newstui.store.analysis import articles_to_analyse, mark_unanalysed

    result = save_articles(db, feed, [art(1), art(2)], analysed_as="none-1")

    assert result.new == 2
    assert articles_to_analyse(db, "none-1") == []
    assert mark_unanalysed(db, "none-1") == 0  # nothing left for the sweep
    # another extractor still finds them to analyse
    assert [a.text for a in articles_to_analyse(db, "rules-8")] == [
        "Body of story 1.",
        "Body of story 2.",
    ]


def test_an_article_changed_while_the_extractor_finds_nothing_loses_its_old_analysis(db, feed):
    from newstui.model import Analysis, Entity, Mention
    from newstui.store.analysis import article_analysis, articles_to_analyse, save_analysis

    save_articles(db, feed, [art(1, text="Anna Berg spoke.")])
    article_id = list_articles(db)[0].id
    found = Analysis(entities=(Entity("Anna Berg", "PERSON", (Mention(0, 9, "Anna Berg"),)),))
    save_analysis(db, article_id, found, "rules-8", lambda kind, name: f"{kind}:{name}")
    assert article_analysis(db, article_id).entities

    result = save_articles(db, feed, [art(1, text="Anna Berg left.")], analysed_as="none-1")

    assert result.updated == 1
    assert article_analysis(db, article_id) == Analysis()
    assert articles_to_analyse(db, "none-1") == []
    assert get_article(db, article_id).text == "Anna Berg left."


def test_feeds_saved_in_one_transaction_keep_their_own_outcomes_and_a_failing_one_fails_alone(
    db, feed
):
    from dataclasses import replace

    from newstui.article_rows import prepare_article
    from newstui.store.article_saving import save_feeds

    other = ensure_feed(db, "https://o.example/feed", "Other")
    broken = ensure_feed(db, "https://b.example/feed", "Broken")
    save_articles(db, other, [art(1)])
    save_articles(db, broken, [art(7)])
    unstorable = replace(prepare_article(art(9)), title=None)  # NOT NULL: its insert fails

    results = save_feeds(
        db,
        [
            (feed, [art(1), art(2)]),
            (
                broken,
                [art(7, text="Changed"), unstorable],
            ),  # the update runs, then the insert fails
            (other, [art(1, text="New")]),
        ],
    )

    assert [type(r).__name__ for r in results] == ["SaveResult", "IntegrityError", "SaveResult"]
    assert (results[0].new, results[2].updated) == (2, 1)
    assert count_articles(db, ArticleFilter(feed_id=feed)) == 2
    broken_ids = [r.id for r in list_articles(db, ArticleFilter(feed_id=broken))]
    assert [get_article(db, i).text for i in broken_ids] == ["Body of story 7."]  # rolled back
    assert get_article(db, results[2].changed_ids[0]).text == "New"
    assert not db.conn.in_transaction


def test_feeds_saved_together_whose_entries_share_guids_keep_their_own_articles(db, feed):
    """Several feeds' new articles go in with one insert statement (one full-text segment):
    each feed still gets its own articles and ids, in its own order, searchable at once."""
    from newstui.store.article_saving import save_feeds

    other = ensure_feed(db, "https://o.example/feed", "Other")
    save_articles(db, other, [art(1)])
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        results = save_feeds(
            db,
            [
                (feed, [art(1), art(2, text="Harbour words.")]),
                (other, [art(1, text="Changed harbour."), art(2), art(3)]),
            ],
        )
    finally:
        db.conn.set_trace_callback(None)

    inserts = [s for s in statements if s.lstrip().startswith("INSERT INTO articles (")]
    assert len(set(inserts)) == 1  # (traced again for each row its trigger writes)
    assert [(r.new, r.updated) for r in results] == [(2, 0), (2, 1)]
    for feed_id, result in zip((feed, other), results, strict=True):
        stored = {r.id: r.title for r in list_articles(db, ArticleFilter(feed_id=feed_id))}
        assert set(result.changed_ids) <= set(stored)
    assert [get_article(db, i).row.title for i in results[0].changed_ids] == [
        "Story 1",
        "Story 2",
    ]
    assert [get_article(db, i).row.feed_id for i in results[1].changed_ids] == [other] * 3
    found = {r.feed_id for r in search_articles(db, q("harbour"))}
    assert found == {feed, other}


def test_a_batch_lists_newest_first_by_its_own_dates_even_when_some_lie_ahead(db, feed):
    """Dates ahead of the fetch (a day, a year, a skewed clock's hour) sort at the fetch time,
    and among those the batch keeps its own date order, newest first; undated ones below them."""
    now = datetime.now(UTC).replace(microsecond=0)
    hours = [-30, 1, 24 * 400, -2, 48, 5]  # in the feed's order
    save_articles(
        db,
        feed,
        [art(i, published=now + timedelta(hours=h)) for i, h in enumerate(hours)]
        + [art(9, published=None), art(10, published=None)],
    )
    listed = [r.title for r in list_articles(db)]
    by_date = [f"Story {i}" for i in sorted(range(6), key=lambda i: -hours[i])]
    ahead = [t for t in by_date if hours[int(t.split()[1])] > 0]
    assert listed[: len(ahead)] == ahead and listed[-2:] == ["Story 3", "Story 0"]
    assert listed[len(ahead) : -2] == ["Story 9", "Story 10"]  # undated: at the fetch


def test_undated_articles_of_one_fetch_list_in_the_feed_s_own_order(db, feed):
    """A feed without dates lists as the feed does (its first item on top), not reversed."""
    same = datetime.now(UTC) + timedelta(days=3)  # ahead of the fetch: sorts at it too
    save_articles(db, feed, [art(i, published=None) for i in (5, 3, 8, 1)])
    save_articles(db, feed, [art(i, published=same) for i in (21, 27, 24)])
    listed = [r.title for r in list_articles(db)]
    assert listed == [f"Story {i}" for i in (21, 27, 24, 5, 3, 8, 1)]
