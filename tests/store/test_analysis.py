"""Stored analyses: one entity across articles, quotes with speakers, re-analysis replaces."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstui.model import Analysis, Article, Entity, Mention, Quote
from newstui.nlp import canonical_key, short_key
from newstui.store.analysis import (
    article_analysis,
    list_entities,
    list_quotes,
    prune_entities,
    save_analyses,
    save_analysis,
)
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.store.opening import open_db


def person(name: str, text: str, at: int) -> Entity:
    return Entity(name, "PERSON", (Mention(at, at + len(text), text),))


def store(db, analyses: list[Analysis]) -> list[int]:
    feed = ensure_feed(db, "k", "Feed")
    articles = [Article(title=f"A{i}", text="x" * 100, guid=str(i)) for i in range(len(analyses))]
    ids = list(save_articles(db, feed, articles).changed_ids)
    for article_id, analysis in zip(ids, analyses, strict=True):
        save_analysis(db, article_id, analysis, "v1", canonical_key, short_key)
    return ids


def test_a_lone_surname_joins_the_full_name_stored_earlier(db):
    store(
        db,
        [
            Analysis(entities=(person("Bashar al-Assad", "Bashar al-Assad", 0),)),
            Analysis(entities=(person("Assad", "Assad", 5),)),
        ],
    )
    [row] = list_entities(db, "PERSON")
    assert (row.name, row.articles, row.mentions) == ("Bashar al-Assad", 2, 2)


def test_a_stored_lone_surname_joins_the_full_name_when_it_appears(db):
    store(
        db,
        [
            Analysis(entities=(person("Assad", "Assad", 5),)),
            Analysis(entities=(person("Bashar al-Assad", "Bashar al-Assad", 0),)),
        ],
    )
    [row] = list_entities(db, "PERSON")
    assert (row.name, row.articles) == ("Bashar al-Assad", 2)


def test_a_surname_shared_by_two_full_names_stays_apart(db):
    store(
        db,
        [
            Analysis(entities=(person("Boris Johnson", "Boris Johnson", 0),)),
            Analysis(entities=(person("Magic Johnson", "Magic Johnson", 0),)),
            Analysis(entities=(person("Johnson", "Johnson", 0),)),
        ],
    )
    assert sorted(r.name for r in list_entities(db, "PERSON")) == [
        "Boris Johnson",
        "Johnson",
        "Magic Johnson",
    ]


def test_spelling_variants_of_one_name_are_one_entity(db):
    store(
        db,
        [
            Analysis(entities=(person("Bashar al-Assad", "Bashar al-Assad", 0),)),
            Analysis(entities=(person("Bashar Assad", "Bashar Assad", 0),)),
        ],
    )
    assert len(list_entities(db, "PERSON")) == 1


def test_reanalysis_replaces_quotes_and_prunes_unused_entities(db):
    [article_id] = store(
        db,
        [
            Analysis(
                entities=(person("Dmitry Peskov", "Dmitry Peskov", 0),),
                quotes=(Quote("We support", 20, 30, "Dmitry Peskov"),),
            )
        ],
    )
    assert [q.speaker for q in list_quotes(db, speaker="dmitry peskov")] == ["Dmitry Peskov"]
    save_analysis(db, article_id, Analysis(), "v2", canonical_key, short_key)
    prune_entities(db)
    assert list_quotes(db) == []
    assert list_entities(db) == []
    assert article_analysis(db, article_id) == Analysis()


def test_the_none_extractor_marks_articles_analysed_and_drops_older_findings(db, monkeypatch):
    from newstui.ingest.pending_analysis import analyse_pending
    from newstui.library import Library

    ids = store(db, [Analysis(entities=(person("Ana Lopes", "Ana Lopes", 0),)), Analysis()])
    monkeypatch.setattr(
        "newstui.processes.CpuPool._pool", lambda self: (_ for _ in ()).throw(AssertionError)
    )

    assert analyse_pending(Library(db), "none") == 2

    assert list_entities(db) == []
    assert article_analysis(db, ids[0]) == Analysis()
    assert analyse_pending(Library(db), "none") == 0


NAMES = (
    ("Ana Lopes", "PERSON"),
    ("Bo Lopes", "PERSON"),
    ("Lopes", "PERSON"),
    ("LOPES", "PERSON"),
    ("Carl Smith", "PERSON"),
    ("Smith", "PERSON"),
    ("NATO", "ORG"),
    ("Nato", "ORG"),
    ("the World Bank", "ORG"),
    ("World Bank", "ORG"),
    ("Paris", "PLACE"),
)


def stored_by_keys(db) -> tuple[list[tuple[object, ...]], ...]:
    """Everything the analyses wrote, with entities named by key instead of id."""
    key = dict(db.execute("SELECT id, key FROM entities").fetchall())
    rows = [
        db.execute("SELECT key, name, type, short_key FROM entities").fetchall(),
        [(a, key[e], s, t) for a, e, s, t in db.execute("SELECT * FROM mentions").fetchall()],
        [
            (a, s, t, speaker, key.get(e))
            for a, s, t, speaker, e in db.execute(
                "SELECT article_id, start, end, speaker, speaker_entity_id FROM quotes"
            ).fetchall()
        ],
        [(k, key[e]) for k, e in db.execute("SELECT key, entity_id FROM entity_names").fetchall()],
        db.execute("SELECT id, nlp_version FROM articles").fetchall(),
    ]
    return tuple(sorted(r, key=repr) for r in rows)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(range(len(NAMES))), unique=True, max_size=4),
            st.lists(st.sampled_from(range(len(NAMES))), max_size=2),
        ),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.sampled_from(range(len(NAMES))), unique=True, max_size=3),
)
def test_a_batch_of_analyses_is_stored_as_saving_them_one_by_one(
    tmp_path_factory, articles, before
):
    """Lone surnames, full names arriving later, names differing in case or length: one batch
    gives what one call per article gives (the streamed fetch saves chunks of articles)."""

    def analysis(names: list[int], speakers: list[int] = ()) -> Analysis:
        entities = tuple(
            Entity(NAMES[n][0], NAMES[n][1], (Mention(3 * i, 3 * i + 2, NAMES[n][0].lower()),))
            for i, n in enumerate(names)
        )
        quotes = tuple(
            Quote("xx", 50 + 3 * i, 52 + 3 * i, NAMES[n][0]) for i, n in enumerate(speakers)
        )
        return Analysis(entities=entities, quotes=quotes)

    results = []
    for way in ("one by one", "batch"):
        db = open_db(tmp_path_factory.mktemp("s") / "a.db")
        feed = ensure_feed(db, "k", "Feed")
        texts = [
            Article(title=f"A{i}", text="x" * 100, guid=str(i)) for i in range(len(articles) + 1)
        ]
        [first, *ids] = save_articles(db, feed, texts).changed_ids
        save_analysis(db, first, analysis(before), "v1", canonical_key, short_key)  # stored before
        done = [
            (i, analysis(names, speakers))
            for i, (names, speakers) in zip(ids, articles, strict=True)
        ]
        if way == "batch":
            save_analyses(db, [*done, done[0]], "v1", canonical_key, short_key)  # one twice
        else:
            for article_id, one in done:
                save_analysis(db, article_id, one, "v1", canonical_key, short_key)
        results.append(stored_by_keys(db))
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.conn.close()
    assert results[0] == results[1]


def test_names_after_a_full_name_that_takes_over_a_stored_surname_keep_their_mentions(db):
    """The full name's arrival writes the rows queued so far (the surname's move to it): the
    names the same batch gives after it, in its article and the next, are still stored."""
    feed = ensure_feed(db, "k", "Feed")
    texts = [Article(title=f"A{i}", text="x" * 100, guid=str(i)) for i in range(3)]
    first, second, third = save_articles(db, feed, texts).changed_ids
    save_analysis(db, first, Analysis(entities=(person("Okafor", "Okafor", 0),)), "v1",
                  canonical_key, short_key)  # fmt: skip
    town = Entity("Lagos", "GPE", (Mention(30, 35, "Lagos"), Mention(40, 45, "Lagos")))
    save_analyses(
        db,
        [
            (second, Analysis(entities=(person("Ngozi Okafor", "Ngozi Okafor", 0), town))),
            (third, Analysis(entities=(person("Tunde Bello", "Tunde Bello", 0), town))),
        ],
        "v1",
        canonical_key,
        short_key,
    )
    counts = {row.name: (row.articles, row.mentions) for row in list_entities(db)}
    assert counts == {"Ngozi Okafor": (2, 2), "Lagos": (2, 4), "Tunde Bello": (1, 1)}


def test_a_quote_by_a_lone_surname_its_article_names_in_full_later_is_the_full_names(db):
    quote = Quote("xx", 50, 52, "Smith")
    [article_id] = store(
        db,
        [
            Analysis(
                entities=(person("Smith", "Smith", 0), person("Carl Smith", "Carl Smith", 10)),
                quotes=(quote,),
            )
        ],
    )
    [row] = list_entities(db, "PERSON")
    assert (row.name, row.mentions) == ("Carl Smith", 2)
    [stored] = list_quotes(db, speaker_keys=("PERSON:person:carl smith",), speaker="Carl Smith")
    assert (stored.article_id, stored.speaker) == (article_id, "Smith")
    speaker_ids = db.execute("SELECT speaker_entity_id FROM quotes").fetchall()
    assert speaker_ids == [(row.id,)]


def test_an_analysis_of_a_text_replaced_since_it_was_read_is_not_saved_and_is_redone(db, db_path):
    from newstui.store.analysis import articles_to_analyse
    from newstui.store.article_fulltext import set_fulltext

    feed = ensure_feed(db, "k", "Feed")
    summary = "Anna Berg said the bridge would open. " * 8
    [article_id] = save_articles(
        db, feed, [Article(title="A", text=summary, guid="1", url="https://example.org/a")]
    ).changed_ids
    [read] = articles_to_analyse(db, "v1")
    # Another process (the app's full text, a `fetch` beside it) replaces the text meanwhile.
    other = open_db(db_path)
    full = "The minister spoke first. " * 30 + summary
    set_fulltext(other, article_id, text=full)
    other.conn.close()
    stale = Analysis(entities=(person("Anna Berg", "Anna Berg", 0),))  # offsets into the summary

    save_analyses(
        db, [(article_id, stale)], "v1", canonical_key, short_key, read_as={article_id: read.stamp}
    )

    assert article_analysis(db, article_id) == Analysis()  # nothing of the old text's analysis
    [again] = articles_to_analyse(db, "v1")  # left for the next sweep, with the new text
    assert again.text == full
    at = full.index("Anna Berg")
    save_analyses(
        db,
        [(article_id, Analysis(entities=(person("Anna Berg", "Anna Berg", at),)))],
        "v1",
        canonical_key,
        short_key,
        read_as={article_id: again.stamp},
    )
    assert [e.name for e in article_analysis(db, article_id).entities] == ["Anna Berg"]
    assert articles_to_analyse(db, "v1") == []


def test_an_analysis_of_an_article_deleted_since_it_was_read_is_dropped(db):
    from newstui.store.analysis import articles_to_analyse

    [article_id] = store(db, [Analysis()])
    db.execute("UPDATE articles SET nlp_version = NULL WHERE id = ?", [article_id])
    [read] = articles_to_analyse(db, "v2")
    with db.conn:
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    found = Analysis(entities=(person("Anna Berg", "Anna Berg", 0),))
    save_analyses(
        db, [(article_id, found)], "v2", canonical_key, short_key, read_as={article_id: read.stamp}
    )

    assert list_entities(db) == []


def test_an_analysis_of_an_article_that_is_gone_is_dropped_without_a_stamp_too(db):
    [article_id] = store(db, [Analysis()])
    with db.conn:
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    found = Analysis(entities=(person("Anna Berg", "Anna Berg", 0),))
    skipped = save_analyses(db, [(article_id, found)], "v2", canonical_key, short_key)

    assert skipped == {article_id}
    assert list_entities(db) == []
    assert db.execute("SELECT count(*) FROM mentions").fetchone() == (0,)


def test_an_article_deleted_after_its_analysis_is_saved_takes_its_analysis_along(db):
    [article_id] = store(db, [Analysis(entities=(person("Anna Berg", "Anna Berg", 0),))])

    with db.conn:
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    assert db.execute("SELECT count(*) FROM mentions").fetchone() == (0,)
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_the_sweep_finds_articles_never_analysed_or_at_another_version_and_no_others(db):
    from newstui.store.analysis import any_unanalysed, articles_to_analyse, mark_unanalysed

    older, current, newer, never = store(db, [Analysis()] * 4)
    for article_id, version in ((older, "rules-8"), (current, "rules-9"), (newer, "rules-90")):
        db.execute("UPDATE articles SET nlp_version = ? WHERE id = ?", [version, article_id])
    db.execute("UPDATE articles SET nlp_version = NULL WHERE id = ?", [never])
    db.conn.commit()

    assert any_unanalysed(db)
    assert sorted(a.article_id for a in articles_to_analyse(db, "rules-9")) == sorted(
        [older, newer, never]
    )
    assert mark_unanalysed(db, "rules-9") == 3
    assert articles_to_analyse(db, "rules-9") == [] and not any_unanalysed(db)
    assert mark_unanalysed(db, "rules-9") == 0


def test_the_sweep_reads_an_index_not_every_article(db):
    from newstui.store.analysis import NOT_AT_VERSION

    for sql, params in (
        (f"SELECT id, text FROM {NOT_AT_VERSION}", ["rules-9"]),
        ("SELECT 1 FROM articles WHERE nlp_version IS NULL", []),
    ):
        plan = " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "articles_analysis" in plan and "SCAN articles" not in plan, plan


def test_a_large_batch_writes_its_mentions_hundreds_a_statement_as_one_by_one(tmp_path):
    """Hundreds of mentions (some at a place another mention took first, which keeps it) go
    in a few statements, and the store is what one save per article leaves: the same
    entities, mentions, quotes and quote words."""
    names = [("Ana Lopes", "PERSON"), ("NATO", "ORG"), ("Paris", "PLACE"), ("Bo Lopes", "PERSON")]

    def analysis(n: int) -> Analysis:
        entities = tuple(
            Entity(name, type_, tuple(Mention(at, at + 2, "xx") for at in (0, 5 + 5 * k, 40 + n)))
            for k, (name, type_) in enumerate(names)
        )
        quotes = tuple(Quote("w", 50 + 9 * q, 58 + 9 * q, names[(n + q) % 4][0]) for q in range(4))
        return Analysis(entities=entities, quotes=quotes)

    stored, words, inserts = [], [], []
    for way in ("one by one", "batch"):
        db = open_db(tmp_path / f"{way}.db")
        feed = ensure_feed(db, "k", "Feed")
        text = " ".join(f"word{i:03d}" for i in range(20))
        articles = [Article(title=f"A{i}", text=text, guid=str(i)) for i in range(90)]
        done = [
            (article_id, analysis(n % 7))
            for n, article_id in enumerate(save_articles(db, feed, articles).changed_ids)
        ]
        traced: list[str] = []
        db.conn.set_trace_callback(traced.append)
        if way == "batch":
            save_analyses(db, done, "v1", canonical_key, short_key)
        else:
            for article_id, one in done:
                save_analysis(db, article_id, one, "v1", canonical_key, short_key)
        db.conn.set_trace_callback(None)
        inserts.append(sum("INTO mentions" in statement for statement in traced))
        stored.append(stored_by_keys(db))
        db.execute("CREATE VIRTUAL TABLE temp.w USING fts5vocab(main, quotes_fts, instance)")
        words.append(db.execute("SELECT term, doc, offset FROM temp.w ORDER BY 1, 2, 3").fetchall())
        db.conn.close()
    assert len(stored[1][1]) == 90 * 6  # 12 mentions an article, 6 of them at a place taken
    assert len(words[1]) == 90 * 4 * 2 and stored[0] == stored[1] and words[0] == words[1]
    # 1,080 mentions given (540 kept): 4 × 250 and the last 80 as 64 + 16 (a few statement
    # texts for any count: see row_statements); one statement a row made 1,080
    assert inserts[1] == 6


def test_only_never_analysed_articles_are_listed_when_older_versions_are_left_out(db):
    from newstui.store.analysis import articles_to_analyse

    old, new = store(db, [Analysis(), Analysis()])  # analysed by "v1"
    db.execute("UPDATE articles SET nlp_version = NULL WHERE id = ?", [new])
    db.conn.commit()

    assert {a.article_id for a in articles_to_analyse(db, "v2")} == {old, new}
    assert [a.article_id for a in articles_to_analyse(db, "v2", stale=False)] == [new]
    assert [a.article_id for a in articles_to_analyse(db, "v2", [old, new], stale=False)] == [new]
    assert articles_to_analyse(db, "v2", [old], stale=False) == []


@pytest.mark.parametrize("change", ["entry updated", "full text"])
def test_an_article_whose_text_changes_stays_in_its_speaker_views_until_its_new_analysis(
    tmp_path, change
):
    """User test r44 M3: a refresh's updated entries lost their analysis with their old text,
    so a `speaker:` view's unread count fell (144 -> 118) until their new analysis was saved."""
    from newstui.library import Library
    from newstui.model import ArticleFilter
    from newstui.nlp import query_keys
    from newstui.query import parse_query

    lib = Library.open(tmp_path / "s.db")
    feed = lib.register_source("https://a.example/feed", "A")
    said = '"We will fix the bridge," Maria Lopez said. '
    entry = Article(title="Bridge", text=said * 3, guid="1", url="https://a.example/1")
    lib.save_batch(feed, [entry])
    [row] = lib.articles()

    def analysed(at: int) -> Analysis:
        return Analysis(
            entities=(person("Maria Lopez", "Maria Lopez", at + 27),),
            quotes=(Quote("We will fix the bridge", at + 1, at + 23, "Maria Lopez"),),
        )

    lib.save_analyses([(row.id, analysed(0))], "v1", canonical_key, short_key)
    queries = ['speaker:"Maria Lopez"', 'person:"Maria Lopez"', "has:quotes"]
    views = [ArticleFilter(query=parse_query(q, query_keys), unread=True) for q in queries]
    assert [lib.count(v) for v in views] == [1, 1, 1]
    text = "The council met. " + said * 4
    if change == "entry updated":
        lib.save_batch(feed, [replace(entry, text=text)])
    else:
        lib.set_fulltext(row.id, text=text)

    assert [lib.count(v) for v in views] == [1, 1, 1]  # was [0, 0, 0] until analysed again
    assert lib.analysis(row.id) == Analysis()  # the old offsets are not shown on the new text
    assert lib.quotes() == []  # (nor the old quotes' spans of it)
    [again] = lib.to_analyse("v1")
    assert again.text == text
    lib.save_analyses([(row.id, analysed(17))], "v1", canonical_key, short_key)
    assert [lib.count(v) for v in views] == [1, 1, 1]
    assert [q.text for q in lib.quotes()] == ["We will fix the bridge"]
    bridge = ArticleFilter(query=parse_query("quotes:bridge", query_keys))
    assert lib.count(bridge) == 1
    lib.save_analyses([(row.id, Analysis())], "v1", canonical_key, short_key)  # she is gone
    assert [lib.count(v) for v in views] + [lib.count(bridge)] == [0, 0, 0, 0]
    lib.close()
