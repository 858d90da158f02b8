"""One copy of each text: summaries equal to the text, mention and quote words are not stored
twice; stores made before that are migrated and shrink; new stores give back free pages."""

import json
import random
import sqlite3

from newstui.model import Analysis, Article, Entity, Mention, Quote
from newstui.nlp import canonical_key, short_key
from newstui.store import open_db
from newstui.store.analysis import article_analysis, list_quotes, save_analysis
from newstui.store.article_detail import get_article
from newstui.store.article_fulltext import set_fulltext
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.store.schema import MIGRATIONS

TEXT = "Ana Lopes said: “We will build the bridge.” " + "More words follow here. " * 200


def test_a_summary_equal_to_the_text_is_stored_once_and_read_back_whole(db):
    feed = ensure_feed(db, "k", "Feed")
    [same, other] = save_articles(
        db,
        feed,
        [
            Article(title="a", text=TEXT, summary=TEXT, guid="1"),
            Article(title="b", text=TEXT, summary="Short.", guid="2"),
        ],
    ).changed_ids
    summary = "SELECT summary FROM articles WHERE id = ?"
    stored = [db.execute(summary, [i]).fetchone()[0] for i in (same, other)]
    assert stored == ["", "Short."]
    assert get_article(db, same).summary == TEXT
    assert get_article(db, other).summary == "Short."
    set_fulltext(db, same, text="The page's own text.")
    assert (get_article(db, same).text, get_article(db, same).summary) == (
        "The page's own text.",
        TEXT,
    )


def test_mentions_read_their_words_from_the_article_and_quotes_keep_theirs(db):
    feed = ensure_feed(db, "k", "Feed")
    [article_id] = save_articles(db, feed, [Article(title="a", text=TEXT, guid="1")]).changed_ids
    quote_at = TEXT.index("“")
    analysis = Analysis(
        entities=(Entity("Ana Lopes", "PERSON", (Mention(0, 9, "Ana Lopes"),)),),
        quotes=(Quote("“We will build the bridge.”", quote_at, quote_at + 27, "Ana Lopes"),),
    )
    save_analysis(db, article_id, analysis, "v1", canonical_key, short_key)

    assert article_analysis(db, article_id) == analysis
    [row] = list_quotes(db, speaker="Lopes")
    assert row.text == "“We will build the bridge.”"


def v7_store(path) -> None:
    """A store as newstui wrote it before schema 8, with duplicated words."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    for statement in [s for migration in MIGRATIONS[:7] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 7")
    conn.execute("INSERT INTO feeds (id, key, name) VALUES (1, 'k', 'Feed')")
    for i in range(1, 301):
        conn.execute(
            "INSERT INTO articles (id, feed_id, guid, title, first_seen, sort_date, summary, text,"
            " content_hash, read) VALUES (?, 1, ?, 't', 'x', 'x', ?, ?, 'h', ?)",
            [i, f"g{i}", TEXT if i > 1 else "Short.", TEXT, i % 2],
        )
    conn.execute(
        "INSERT INTO entities (id, key, name, type) VALUES (1, 'PERSON:ana', 'Ana', 'PERSON')"
    )
    conn.execute("INSERT INTO mentions VALUES (2, 1, 0, 9, 'Ana Lopes')")
    conn.execute("UPDATE articles SET nlp_version = 'rules-1' WHERE id = 2")  # (analysed)
    conn.execute(
        "INSERT INTO quotes (article_id, start, end, text, speaker) VALUES (2, 16, 43, 'q', 'Ana')"
    )
    conn.commit()
    conn.close()


def test_an_older_store_is_migrated_without_losing_anything_and_shrinks(tmp_path):
    path = tmp_path / "old.db"
    v7_store(path)
    before = path.stat().st_size
    db = open_db(path)

    assert get_article(db, 1).summary == "Short."
    assert get_article(db, 2).summary == TEXT
    assert db.execute("SELECT sum(read) FROM articles").fetchone()[0] == 150
    analysis = article_analysis(db, 2)
    assert analysis.entities[0].mentions == (Mention(0, 9, "Ana Lopes"),)
    assert analysis.quotes[0].text == TEXT[16:43]
    assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    db.conn.close()
    reopened = open_db(path)
    reopened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert get_article(reopened, 300).text == TEXT
    assert path.stat().st_size < 0.65 * before


def test_a_new_store_gives_back_free_pages(db_path):
    db = open_db(db_path)
    assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2


def test_quote_words_are_taken_again_from_the_article_when_a_store_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    v7_store(path)  # its quote row says "q"; schema 8 dropped that, schema 9 reads the words back

    [row] = list_quotes(open_db(path))

    assert row.text == TEXT[16:43]


def test_opening_a_store_that_is_a_quarter_free_gives_the_pages_back(tmp_path):
    path = tmp_path / "freed.db"
    db = open_db(path)
    db.conn.execute("CREATE TABLE filler (x TEXT)")
    db.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 3000,) for _ in range(5000)])
    db.conn.commit()
    db.conn.execute("DELETE FROM filler")
    db.conn.commit()
    assert db.execute("PRAGMA freelist_count").fetchone()[0] > 2000
    db.conn.close()

    reopened = open_db(path)

    assert reopened.execute("PRAGMA freelist_count").fetchone()[0] == 0
    reopened.conn.close()


def test_schema_16_keeps_every_row_and_quote_search_after_rebuilding_the_quote_index(tmp_path):
    from newstui.library import Library
    from newstui.model import ArticleFilter
    from newstui.query import parse_query

    path = tmp_path / "v15.db"
    v7_store(path)
    with Library.open(path) as library:  # every migration up to today's
        quotes = library.count(ArticleFilter(query=parse_query('quotes:"we will build"')))
        listed = [r.id for r in library.articles(limit=None)]
    assert quotes == 1 and len(listed) == 300
    conn = sqlite3.connect(path)
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(articles)")}
    assert "articles_sort" not in indexes and "articles_listing" in indexes
    conn.execute("PRAGMA user_version = 16")  # replay the newest schema on the store it made
    conn.commit()
    conn.close()
    with Library.open(path) as library:
        assert library.count(ArticleFilter(query=parse_query('quotes:"we will build"'))) == 1
        assert library.count(ArticleFilter(query=parse_query('quotes:"bridge"'))) == 1
        assert [r.id for r in library.articles(limit=None)] == listed
        assert library.article(2).text == TEXT
    conn = sqlite3.connect(path)
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(articles)")}
    assert "articles_sort" not in indexes and "articles_listing" in indexes
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    assert "quotes_fts_docsize" not in tables  # no column sizes kept for the quotes' words
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # rebuilt pages given back
    conn.close()


def test_schema_17_keeps_every_quote_and_its_search_without_storing_its_words_again(tmp_path):
    from newstui.library import Library
    from newstui.model import ArticleFilter
    from newstui.query import parse_query

    path = tmp_path / "v16.db"
    conn = sqlite3.connect(path)
    for statement in [s for migration in MIGRATIONS[:16] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 16")
    conn.execute("INSERT INTO feeds (id, key, name) VALUES (1, 'k', 'Feed')")
    conn.execute(
        "INSERT INTO entities (id, key, name, type) VALUES (1, 'PERSON:person:ana lopes', "
        "'Ana Lopes', 'PERSON')"
    )
    quote_at = TEXT.index("“")
    for i in range(1, 201):
        conn.execute(
            "INSERT INTO articles (id, feed_id, guid, title, first_seen, sort_date, text, "
            "content_hash) VALUES (?, 1, ?, 't', 'x', ?, ?, 'h')",
            [i, f"g{i}", f"2026-01-01T00:00:{i % 60:02d}", TEXT],
        )
        conn.execute(
            "INSERT INTO quotes (id, article_id, start, end, text, speaker, speaker_entity_id) "
            "VALUES (?, ?, ?, ?, ?, 'Ana Lopes', ?)",
            [i, i, quote_at, quote_at + 400, TEXT[quote_at : quote_at + 400], i % 2 or None],
        )
    conn.commit()
    quote_bytes = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name = 'quotes'").fetchone()
    conn.close()

    with Library.open(path) as library:
        quotes = library.quotes(limit=1000)
        assert {(q.article_id, q.text, q.speaker) for q in quotes} == {
            (i, TEXT[quote_at : quote_at + 400], "Ana Lopes") for i in range(1, 201)
        }
        search = ArticleFilter(query=parse_query('quotes:"we will build"'))
        assert library.count(search) == 200
        assert library.count(ArticleFilter(query=parse_query('quotes:"follow here"'))) == 200
        assert library.count(ArticleFilter(query=parse_query('quotes:"lopes said"'))) == 0
    conn = sqlite3.connect(path)
    assert "text" not in {r[1] for r in conn.execute("PRAGMA table_info(quotes)")}
    assert conn.execute(
        "SELECT count(*) FROM quotes WHERE speaker_entity_id = 1 AND id % 2 = 1"
    ).fetchone() == (100,)
    smaller = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name = 'quotes'").fetchone()
    assert smaller[0] < quote_bytes[0] / 2
    conn.execute("PRAGMA user_version = 16")  # replayed on the store it made
    conn.commit()
    conn.close()
    with Library.open(path) as library:
        assert library.count(search) == 200
        assert len(library.quotes(limit=1000)) == 200


def test_links_are_stored_compactly_and_read_back_whole_beside_older_rows(db):
    from newstui.model import ArticleFilter, Link
    from newstui.query import parse_query
    from newstui.store.filter_sql import count_articles

    feed = ensure_feed(db, "k", "Feed")
    links = (
        Link("a statement", "https://a.example/1", "link", None, None, 12),
        Link("", "https://a.example/i.png", "image"),
        Link("Episode", "https://a.example/e.mp3", "enclosure", 1234, 60),
    )
    [new, old] = save_articles(
        db,
        feed,
        [
            Article(title="n", text=TEXT, guid="n", links=links),
            Article(title="o", text="t", guid="o"),
        ],
    ).changed_ids
    stored = db.execute("SELECT links FROM articles WHERE id = ?", [new]).fetchone()[0]
    assert stored == (  # a plain link's kind and an empty text left out; enclosures spaced
        '[{"text":"a statement","url":"https://a.example/1","offset":12},'
        '{"url":"https://a.example/i.png","kind":"image"},'
        '{"text": "Episode", "url": "https://a.example/e.mp3", "kind": "enclosure", '
        '"size": 1234, "duration": 60}]'
    )
    db.execute(  # as newstui wrote links before: spaced, every kind written
        "UPDATE articles SET links = ? WHERE id = ?",
        ['[{"text": "Old", "url": "https://a.example/o", "kind": "enclosure", "size": 5}]', old],
    )
    assert get_article(db, new).links == links
    assert get_article(db, old).links == (
        Link("Old", "https://a.example/o", "enclosure", 5, None, None),
    )
    with_enclosure = ArticleFilter(query=parse_query("has:enclosure"))
    assert count_articles(db, with_enclosure) == 2


WORDS = "the council said on monday that markets would meet rising costs in the capital".split()


def news_text(n: int) -> str:
    """About 2 KB of words in an order of its own (compresses about as news text does)."""
    rng = random.Random(n)
    return " ".join(rng.choice(WORDS) for _ in range(400)) + f" item{n}."


def test_texts_are_stored_compressed_and_read_back_whole(db):
    feed = ensure_feed(db, "k", "Feed")
    summary = news_text(2)[:900]
    [long, short, summed] = save_articles(
        db,
        feed,
        [
            Article(title="l", text=news_text(1), guid="l"),
            Article(title="s", text="A short text.", guid="s"),
            Article(title="m", text=news_text(3), summary=summary, guid="m"),
        ],
    ).changed_ids
    columns = "SELECT typeof(text), length(text), typeof(summary) FROM articles WHERE id = ?"
    [(kind, size, summary_kind), short_row, summed_row] = [
        db.execute(columns, [i]).fetchone() for i in (long, short, summed)
    ]
    assert (kind, summary_kind) == ("blob", "text")  # the summary is '': the text itself
    assert size < len(news_text(1)) / 2
    assert short_row[0] == "text"  # too short to gain
    assert summed_row[2] == "blob"
    assert (get_article(db, long).text, get_article(db, long).summary) == (news_text(1),) * 2
    assert get_article(db, short).text == "A short text."
    assert get_article(db, summed).summary == summary
    assert db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'item3'"
    ).fetchall() == [(summed,)]
    set_fulltext(db, long, text=news_text(4))
    assert (get_article(db, long).text, get_article(db, long).summary) == (
        news_text(4),
        news_text(1),
    )
    matches = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'item1 OR item4'")
    assert matches.fetchall() == [(long,)]
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def old_links(i: int) -> str:
    """A links column as schema 17 stored it: spaced JSON, every kind written."""
    links = [{"text": f"source {n}", "url": f"https://a.example/{i}/{n}", "kind": "link"}
             for n in range(12)]  # fmt: skip
    if i % 10 == 0:
        links.append({"text": "Episode", "url": f"https://a.example/{i}.mp3", "kind": "enclosure"})
    return json.dumps(links)


def test_schema_18_compresses_an_older_store_keeping_articles_state_and_searches(tmp_path):
    from newstui.library import Library
    from newstui.model import ArticleFilter
    from newstui.query import parse_query
    from newstui.store.sql_functions import add_text_functions

    path = tmp_path / "v17.db"
    conn = sqlite3.connect(path)
    add_text_functions(conn)  # schema 17's statements are written with today's quote_words
    for statement in [s for migration in MIGRATIONS[:17] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 17")
    conn.execute("INSERT INTO feeds (id, key, name) VALUES (1, 'k', 'Feed')")
    texts = {
        i: f"Ana Lopes said: “We will build bridge {i}.” " + news_text(i) for i in range(1, 301)
    }
    for i, text in texts.items():
        conn.execute(
            "INSERT INTO articles (id, feed_id, guid, title, first_seen, sort_date, summary, "
            "text, links, content_hash, read, starred) "
            "VALUES (?, 1, ?, ?, 'x', ?, ?, ?, ?, 'h', ?, ?)",
            [i, f"g{i}", f"Title {i}", f"2026-01-01T00:{i // 60:02d}:{i % 60:02d}",
             "Short." if i % 3 else "", text, old_links(i), i % 2, i % 5 == 0],
        )  # fmt: skip
        conn.execute(
            "INSERT INTO quotes (id, article_id, start, end, speaker) VALUES (?, ?, 16, ?, ?)",
            [i, i, text.index("”") + 1, "Ana Lopes"],
        )
    conn.execute(
        "INSERT INTO quotes_fts (rowid, text) SELECT q.id, substr(a.text, q.start + 1, "
        "q.end - q.start) FROM quotes q JOIN articles a ON a.id = q.article_id"
    )
    conn.commit()
    searches = ["bridge", "item7", "council AND markets", '"rising costs"', "title", "lopes"]

    def found(conn: sqlite3.Connection) -> list[list[int]]:
        return [
            [r[0] for r in conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [q])]
            for table in ("articles_fts", "quotes_fts")
            for q in searches
        ]

    before = found(conn)
    conn.close()
    size = path.stat().st_size

    with Library.open(path) as library:  # migrated
        rows = library.articles(limit=None)
        assert {r.id: (r.title, r.read, r.starred) for r in rows} == {
            i: (f"Title {i}", i % 2 == 1, i % 5 == 0) for i in texts
        }
        stored = {i: library.article(i) for i in texts}
        assert {i: (a.text, a.summary) for i, a in stored.items() if a} == {
            i: (text, "Short." if i % 3 else text) for i, text in texts.items()
        }
        quotes = library.quotes(limit=1000)
        assert sorted((q.article_id, q.text) for q in quotes) == [
            (i, text[16 : text.index("”") + 1]) for i, text in texts.items()
        ]
        assert library.count(ArticleFilter(query=parse_query('quotes:"build bridge 12"'))) == 1
        assert library.count(ArticleFilter(query=parse_query("bridge item7"))) == 1
        assert library.count(ArticleFilter(query=parse_query("has:enclosure"))) == 30
        assert {i: [link.url for link in a.links] for i, a in stored.items() if a} == {
            i: [link["url"] for link in json.loads(old_links(i))] for i in texts
        }
    conn = sqlite3.connect(path)
    add_text_functions(conn)
    assert found(conn) == before and before[1] == [7] and len(before[0]) == 300
    assert conn.execute("SELECT count(*) FROM articles WHERE typeof(text) = 'blob'").fetchone() == (
        300,
    )
    packed = "SELECT count(*) FROM articles WHERE typeof(links) = 'blob'"
    assert conn.execute(packed).fetchone() == (270,)  # not those with an enclosure
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert path.stat().st_size < 0.7 * size


def test_links_without_an_enclosure_are_stored_packed_and_read_back(db):
    from newstui.model import ArticleFilter, Link
    from newstui.query import parse_query
    from newstui.store.filter_sql import count_articles

    feed = ensure_feed(db, "k", "Feed")
    many = tuple(Link(f"source {i}", f"https://a.example/{i}", offset=i) for i in range(20))
    enclosure = Link("Episode", "https://a.example/e.mp3", "enclosure", 1234, 60)
    [plain, podcast] = save_articles(
        db,
        feed,
        [
            Article(title="p", text=TEXT, guid="p", links=many),
            Article(title="e", text=TEXT, guid="e", links=(*many, enclosure)),
        ],
    ).changed_ids
    kinds = [
        db.execute("SELECT typeof(links) FROM articles WHERE id = ?", [i]).fetchone()
        for i in (plain, podcast)
    ]
    assert kinds == [("blob",), ("text",)]  # the has:enclosure index reads the second as it is
    assert get_article(db, plain).links == many
    assert get_article(db, podcast).links == (*many, enclosure)
    assert count_articles(db, ArticleFilter(query=parse_query("has:enclosure"))) == 1
    set_fulltext(db, podcast, text="The page.", links=many[:2])
    assert get_article(db, podcast).links == (*many[:2], enclosure)


def test_every_reader_of_a_packed_text_gets_the_text(db):
    from newstui.model import ArticleFilter
    from newstui.query import parse_query
    from newstui.store.analysis import articles_to_analyse
    from newstui.store.article_fulltext import articles_needing_fulltext
    from newstui.store.filter_sql import count_articles
    from newstui.store.stories import find_stories, story_versions

    wire, paper = ensure_feed(db, "w", "Wire"), ensure_feed(db, "p", "Paper")
    text = TEXT + news_text(9)
    summary = news_text(8)
    [first] = save_articles(
        db, wire, [Article(title="a", text=text, summary=summary, guid="1", url="https://w/1")]
    ).changed_ids
    [copy] = save_articles(db, paper, [Article(title="b", text=text, guid="2")]).changed_ids
    assert db.execute("SELECT typeof(text) FROM articles").fetchall() == [("blob",), ("blob",)]

    stored = get_article(db, first)  # show, --json, export and the reader read this
    assert stored is not None and (stored.text, stored.summary) == (text, summary)
    assert articles_needing_fulltext(db, [first], unless=lambda t: t == text) == []
    assert articles_needing_fulltext(db, [first], unless=lambda t: False) == [
        (first, "https://w/1", "a")
    ]
    assert [a[:2] for a in articles_to_analyse(db, "v1")] == [
        (first, text),
        (copy, text),
    ]  # NLP input
    quote_at = text.index("“")
    analysis = Analysis(
        entities=(Entity("Ana Lopes", "PERSON", (Mention(0, 9, "Ana Lopes"),)),),
        quotes=(Quote(text[quote_at : quote_at + 27], quote_at, quote_at + 27, "Ana Lopes"),),
    )
    save_analysis(db, first, analysis, "v1", canonical_key, short_key)
    assert article_analysis(db, first) == analysis  # mention and quote words from the text
    assert [q.text for q in list_quotes(db)] == ["“We will build the bridge.”"]
    assert count_articles(db, ArticleFilter(query=parse_query('quotes:"build the bridge"'))) == 1
    assert count_articles(db, ArticleFilter(query=parse_query("item9 follow"))) == 2
    find_stories(db)  # sketches read the texts
    assert {v.article_id for v in story_versions(db, copy)} == {first, copy}
