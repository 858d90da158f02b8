"""Latin letters without a decomposition are searched as the letters the title order sorts them
with (schema 55, user test r48 M3): `lodz` finds Łódź, `oresund` Øresund, `aeble` and `æble`
Æble, as typing the letters themselves does; a store made before is read again at its upgrade,
and only when its words hold one."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import zlib

import pytest
from test_cjk_search import in_step, quoted, store_of_schema_27, titles
from test_index_repair import write_text_behind_the_triggers
from test_quote_index import index_matches_quotes

from newstui.library import Library
from newstui.model import Analysis, Article, Quote
from newstui.model.names import latin_base, sort_letters
from newstui.nlp import canonical_key, short_key
from newstui.store import open_db, search_fold
from newstui.store.before_open import upgrade_ahead
from newstui.store.schema import LATIN_BASE_REINDEX_AT, MIGRATIONS
from newstui.store.search_fold import LATIN_BASE_LETTERS, search_words
from newstui.store.sql_functions import add_text_functions

ARTICLES = {
    "Łódź film school reopens": "Students returned to Łódź on Monday.",
    "Øresund bridge closed": "Wind closed the Øresund link between Malmö and Copenhagen.",
    "Æble harvest": "Danske æbler: a record year for the orchards of Fyn.",
    "Œuvre complète": "Les œuvres du peintre sont exposées à Paris.",
    "Đà Nẵng floods": "Heavy rain in Đà Nẵng and Quảng Nam.",
    "Þingvellir visitors": "Record crowds at Þingvellir; the Alþingi met in Reykjavík.",
    "Ħamrun Spartans win": "Ħamrun beat Birkirkara 2-0.",
    "Floods in Tokyo": "The river floods rose in Tokyo as officials said.",
}

# Unicode's Latin blocks: Latin-1 Supplement to IPA Extensions, Phonetic Extensions, Latin
# Extended Additional, -C, -D, -E, -F and -G
LATIN_BLOCKS = (
    (0xC0, 0x2B0),
    (0x1D00, 0x1DC0),
    (0x1E00, 0x1F00),
    (0x2C60, 0x2C80),
    (0xA720, 0xA800),
    (0xAB30, 0xAB70),
    (0x10780, 0x107C0),
    (0x1DF00, 0x1E000),
)


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "l.db")
    feed = lib.register_source("https://a.example/feed", "A")
    lib.bulk_insert(feed, [Article(title=t, text=x, guid=t) for t, x in ARTICLES.items()])
    yield lib
    lib.close()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("lodz", ["Łódź film school reopens"]),
        ("Łódź", ["Łódź film school reopens"]),
        ("ŁÓDŹ", ["Łódź film school reopens"]),
        ("LODZ", ["Łódź film school reopens"]),
        ("łod*", ["Łódź film school reopens"]),
        ("lod*", ["Łódź film school reopens"]),
        ("oresund", ["Øresund bridge closed"]),
        ("øresund", ["Øresund bridge closed"]),
        ('"oresund link"', ["Øresund bridge closed"]),
        ("aeble", ["Æble harvest"]),
        ("æble", ["Æble harvest"]),
        ("AEBLE", ["Æble harvest"]),
        ("aebler", ["Æble harvest"]),
        ("oeuvre", ["Œuvre complète"]),
        ("œuvres", ["Œuvre complète"]),
        ('"da nang"', ["Đà Nẵng floods"]),
        ("Đà", ["Đà Nẵng floods"]),
        ("thingvellir", ["Þingvellir visitors"]),
        ("althingi", ["Þingvellir visitors"]),
        ("hamrun", ["Ħamrun Spartans win"]),
        ("title:lodz", ["Łódź film school reopens"]),
        ("text:lodz", ["Łódź film school reopens"]),
        ("oresund -malmo", []),
        ("flood*", ["Floods in Tokyo", "Đà Nẵng floods"]),  # English as before
    ],
)
def test_letters_without_a_decomposition_are_searched_as_their_base_letters(library, query, found):
    assert sorted(titles(library, query)) == sorted(found)


def test_the_list_and_its_count_agree_for_these_letters(library):
    from newstui.model import ArticleFilter
    from newstui.nlp import query_keys
    from newstui.query import parse_query

    f = ArticleFilter(query=parse_query("lodz OR oresund", query_keys))
    assert library.count(f) == 2
    assert {r.title for r in library.articles(f)} == {
        "Łódź film school reopens",
        "Øresund bridge closed",
    }


def test_quotes_with_these_letters_are_found_by_their_base_letters(library):
    quote = "We will reopen in Łódź and on the Øresund"
    article = next(r for r in library.articles() if r.title == "Floods in Tokyo")
    analysis = Analysis((), (Quote(quote, 0, len(quote), None),))
    library._db.execute("UPDATE articles SET text = ? WHERE id = ?", [quote, article.id])
    library.save_analyses([(article.id, analysis)], "t", canonical_key, short_key)
    assert quoted(library, "lodz") == quoted(library, "Łódź") == {"Floods in Tokyo"}
    assert quoted(library, "oresund") == {"Floods in Tokyo"}
    assert index_matches_quotes(library._db)


def test_changing_an_article_with_these_letters_keeps_the_index_in_step(library):
    db = library._db
    first = next(r.id for r in library.articles() if r.title == "Æble harvest")
    db.execute("UPDATE articles SET title = 'Ølstue', text = 'Ærø ferry' WHERE id = ?", [first])
    assert in_step(db) and in_step(db, "articles_prefix_fts")
    assert titles(library, "aeble") == []
    assert titles(library, "aero") == titles(library, "ols*") == ["Ølstue"]


def latin_letters_read_as_ascii() -> set[str]:
    """The Latin letters, case folded, without a decomposition that model.names.latin_base
    names: what search reads as ASCII letters (LATIN_BASE_LETTERS), worked out again from this
    Python's Unicode."""
    return {
        c
        for low, high in LATIN_BLOCKS
        for c in map(chr, range(low, high))
        if len(folded := c.casefold()) == 1 and not folded.isascii()
        if not unicodedata.decomposition(folded) and latin_base(folded) is not None
    }


def test_the_letters_search_reads_as_others_are_those_the_title_order_does():
    written = set(filter(re.compile(f"[{LATIN_BASE_LETTERS}]").match, map(chr, range(0x30000))))
    computed = latin_letters_read_as_ascii()
    if unicodedata.unidata_version == "14.0.0":  # (the Unicode the list was written from)
        assert written == computed
    else:  # (a later Unicode may name more: its stores read them as written, as before)
        assert written <= computed
    assert {"Ł", "ł", "Ø", "ø", "Æ", "æ", "Œ", "œ", "Đ", "đ", "Ð", "ð", "Þ", "þ", "ı"} <= written
    assert not {"ĸ", "Ŋ", "ŋ", "ə", "ɔ", "ß"} & written  # letters of their own: as sorted
    assert "Ɖ" in written  # (African D, whose small letter is ɖ, d with tail)


def test_the_index_reads_each_latin_letter_as_the_title_order_sorts_it():
    """Each Latin letter (the tokenizer of each index in the SQLite in use reading what
    search_words gives it) is indexed as the letters sort_letters sorts it with, but for a few
    whose compatibility form holds a separator (ŀ: l·); those whose two cases sort apart are
    left out (Ɵ: o, its small ɵ: ɵ; search, folding case first, reads both as ɵ)."""
    letters = [
        c
        for low, high in LATIN_BLOCKS
        for c in map(chr, range(low, high))
        if unicodedata.category(c)[0] == "L" and sort_letters(c).isascii()
        if sort_letters(c).isalpha() and sort_letters(c) == sort_letters(c.casefold())
    ]
    conn = sqlite3.connect(":memory:")
    for tokenizer in ("porter unicode61", "unicode61", "unicode61 remove_diacritics 2"):
        conn.execute(f"CREATE VIRTUAL TABLE temp.t USING fts5(x, tokenize='{tokenizer}')")
        conn.execute("CREATE VIRTUAL TABLE temp.w USING fts5vocab(temp, t, instance)")
        conn.executemany(
            "INSERT INTO temp.t (rowid, x) VALUES (?, ?)",
            [(ord(c), search_words(f"q{c}z")) for c in letters],
        )
        words: dict[str, list[str]] = {}
        for row, word in conn.execute("SELECT doc, term FROM temp.w ORDER BY doc, offset"):
            words.setdefault(chr(row), []).append(word)
        apart = {c for c in letters if words.get(c) != [f"q{sort_letters(c)}z"]}
        assert apart == {"Ŀ", "ŀ"}
        conn.execute("DROP TABLE temp.w")
        conn.execute("DROP TABLE temp.t")


@pytest.fixture
def folded_as_schema_54(monkeypatch):
    """search_words as newstui read texts before schema 55: ı was i, Ł, Ø, Æ… as written."""
    folds, latin = search_fold._patterns_before_55()
    marks = search_fold._patterns()[1]
    monkeypatch.setattr(search_fold, "_patterns", lambda: (folds, marks))
    monkeypatch.setattr(search_fold, "_latin_letters", lambda: latin)
    return monkeypatch


def marked_by_schema_55(path) -> set[str]:
    """The indexes schema 55's step marks for a rebuild in (a copy of) the store at `path`."""
    conn = sqlite3.connect(":memory:")
    add_text_functions(conn)
    with sqlite3.connect(path) as old:
        old.backup(conn)
    for statement in MIGRATIONS[LATIN_BASE_REINDEX_AT - 1]:
        conn.execute(statement)
    return {name for (name,) in conn.execute("SELECT name FROM index_rebuilds")}


def test_a_store_with_these_letters_is_read_again_at_its_upgrade(tmp_path, folded_as_schema_54):
    path = tmp_path / "old.db"
    db = store_of_schema_27(path, ARTICLES, LATIN_BASE_REINDEX_AT - 1)
    assert search_words("Łódź") == "Łódź"  # (as it was read: the tokenizer kept ł)
    quote = "Students returned to Łódź"
    article = db.execute("SELECT id FROM articles WHERE title LIKE 'Łódź%'").fetchone()[0]
    db.execute(
        "INSERT INTO quotes (id, article_id, start, end) VALUES (1, ?, 0, ?)", [article, len(quote)]
    )
    db.execute("INSERT INTO quotes_fts (rowid, text) VALUES (1, ?)", [search_words(quote)])
    db.conn.close()
    folded_as_schema_54.undo()
    assert marked_by_schema_55(path) == {"quotes_fts"}  # (the articles' indexes: in the step)
    assert upgrade_ahead(path) == len(ARTICLES)  # the indexes are rebuilt: said before it starts

    library = Library(open_db(path))
    db = library._db

    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
    assert db.execute("SELECT count(*) FROM index_rebuilds").fetchone()[0] == 0
    assert in_step(db) and in_step(db, "articles_prefix_fts") and index_matches_quotes(db)
    assert titles(library, "lodz") == titles(library, "Łódź") == ["Łódź film school reopens"]
    assert titles(library, "oresund") == ["Øresund bridge closed"]
    assert titles(library, "ØRESUND") == ["Øresund bridge closed"]
    assert quoted(library, "lodz") == {"Łódź film school reopens"}
    library.close()


def test_an_upgrade_of_a_store_without_these_letters_reads_no_text(tmp_path, folded_as_schema_54):
    path = tmp_path / "old.db"
    texts = {"Café in Zürich": "Iğdır, δρόμος", "Floods in Tokyo": ARTICLES["Floods in Tokyo"]}
    store_of_schema_27(path, texts, LATIN_BASE_REINDEX_AT - 1).conn.close()
    folded_as_schema_54.undo()
    assert marked_by_schema_55(path) == set()
    assert upgrade_ahead(path) == 0  # nothing slow ahead

    db = open_db(path)

    assert in_step(db)
    assert titles(Library(db), "igdir") == ["Café in Zürich"]
    db.conn.close()


def test_an_upgrade_of_a_damaged_text_with_these_letters_reads_the_index_again_whole(
    tmp_path, folded_as_schema_54
):
    path = tmp_path / "old.db"
    texts = {**ARTICLES, "Gone": "A report from Øresund that another tool broke."}
    db = store_of_schema_27(path, texts, LATIN_BASE_REINDEX_AT - 1)
    gone = db.execute("SELECT id FROM articles WHERE title = 'Gone'").fetchone()[0]
    # another tool wrote a text that is no UTF-8 behind the triggers: its words as indexed
    # (Øresund) are no longer known
    write_text_behind_the_triggers(db.conn, gone, zlib.compress(b"\xff\xfe not UTF-8"))
    db.conn.close()
    folded_as_schema_54.undo()

    library = Library(open_db(path))
    db = library._db

    assert db.execute("SELECT count(*) FROM index_rebuilds").fetchone()[0] == 0
    assert in_step(db) and in_step(db, "articles_prefix_fts")
    assert titles(library, "oresund") == ["Øresund bridge closed"]  # (Gone's text reads as '')
    assert titles(library, "lodz") == ["Łódź film school reopens"]
    library.close()


def test_the_quick_look_for_what_search_folds_finds_each_character_the_class_holds():
    """search_fold looks for what it changes in a class of the first plane's characters and any
    past it, each of those looked up in the whole class (Python's re walks a class holding
    characters past the first plane range by range): it finds exactly the class's."""
    to_fold = search_fold._patterns()[0]
    latin = search_fold._latin_letters()
    for chars in (to_fold, latin):
        for c in map(chr, range(0x80, 0x30000)):
            assert search_fold._holds(chars, f"ab{c}") == (chars.search(c) is not None), c


@pytest.mark.parametrize("due", ["articles_fts", "articles_prefix_fts"])
def test_an_upgrade_with_a_rebuild_still_due_leaves_the_words_to_it(
    tmp_path, folded_as_schema_54, due
):
    """An earlier open could not rebuild an index (another process held the lock): its words
    are not those the step would take out; the rebuild after the upgrade reads them all."""
    path = tmp_path / "old.db"
    db = store_of_schema_27(path, ARTICLES, LATIN_BASE_REINDEX_AT - 1)
    db.execute("INSERT INTO articles_prefix_fts (articles_prefix_fts) VALUES ('delete-all')")
    db.execute("INSERT INTO index_rebuilds (name) VALUES (?)", [due])
    db.conn.close()
    folded_as_schema_54.undo()

    library = Library(open_db(path))
    db = library._db

    assert db.execute("SELECT count(*) FROM index_rebuilds").fetchone()[0] == 0
    assert in_step(db) and in_step(db, "articles_prefix_fts")
    assert titles(library, "lodz") == titles(library, "lod*") == ["Łódź film school reopens"]
    library.close()
