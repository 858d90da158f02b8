"""Chinese, Japanese and Korean words are found inside longer runs (schema 28): 東京 finds 東京都,
which FTS5's unicode61 tokenizer kept as one word; English search is as before, and a store
made before is upgraded keeping every article, its index rebuilt only when it holds CJK words."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import zlib
from pathlib import Path

import pytest
from test_index_repair import write_text_behind_the_triggers
from test_quote_index import index_matches_quotes

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Quote
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query
from newstui.store import migrations, open_db, search_fold
from newstui.store.article_saving import save_articles
from newstui.store.before_open import upgrade_ahead
from newstui.store.db import Database
from newstui.store.feeds import ensure_feed
from newstui.store.schema import MIGRATIONS, SCHEMA_VERSION
from newstui.store.search_fold import (
    LATIN_BASE_LETTERS,
    UNICODE61_SPLITTING_MARKS,
    UNICODE61_UNFOLDED_CASES,
    search_words,
    split_at_marks,
)
from newstui.store.sql_functions import add_text_functions

ARTICLES = {
    "東京都の天気": "東京都は晴れです。明日は雨の予報。",
    "旅行記": "今日は東京タワーに行きました。",
    "京都": "京都の紅葉が見頃です。",
    "서울 소식": "서울시에서 열린 회의에 시민들이 참석했다.",
    "北京新闻": "北京市人工智能技术的发展很快。",
    "Floods in Tokyo": "The river floods rose in Tokyo as officials said.",
    # accents, case and compatibility forms folded in every script (schema 48, user test r45)
    "Ο Σωκράτης και ο δρόμος": "ΟΔΟΣ ΑΘΗΝΩΝ: κλειστή ως αύριο.",
    "Neue Straßenbahn in Zürich": "Linie ＡＢＣ１２３ fährt bis Iğdır-Platz. ｶﾀｶﾅ. Apple™",
    "Йогурт и ёлка": "שָׁלוֹם ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ ꮳꮃꭹ 𞤀𞤁𞤂 𐒰𐒱",
    "優勝パレード⚾🎉": "パレードが行われた。",
    "Toot s̶t̶o̶p̶ here": "We s̲t̲o̲p̲ the presses.",  # struck through, underlined (review r45 M3)
}


def titles(library: Library, text: str) -> list[str]:
    """The titles `search` lists for a query, best first."""
    return [r.title for r in library.search(parse_query(text, query_keys))]


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "c.db")
    feed = lib.register_source("https://a.example/feed", "A")
    lib.bulk_insert(feed, [Article(title=t, text=x, guid=t) for t, x in ARTICLES.items()])
    yield lib
    lib.close()


def test_a_cjk_word_is_found_inside_a_longer_run(library):
    assert set(titles(library, "東京")) == {"東京都の天気", "旅行記"}
    assert titles(library, "東京都") == ["東京都の天気"]
    assert titles(library, "タワー") == ["旅行記"]
    assert titles(library, "서울") == ["서울 소식"]
    assert titles(library, "人工智能") == ["北京新闻"]
    assert titles(library, "title:北京") == ["北京新闻"]
    assert titles(library, "東京 -タワー") == ["東京都の天気"]


def test_a_title_match_ranks_first_for_cjk_too(library):
    assert titles(library, "京都") == ["京都", "東京都の天気"]  # 京都 is the title of the first


def test_english_search_is_unchanged(library):
    assert titles(library, "flood") == ["Floods in Tokyo"]
    assert titles(library, '"river floods"') == ["Floods in Tokyo"]
    assert titles(library, "rive*") == ["Floods in Tokyo"]
    assert set(titles(library, "東京 OR tokyo")) == {"東京都の天気", "旅行記", "Floods in Tokyo"}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ΔΡΟΜΟΣ", ["Ο Σωκράτης και ο δρόμος"]),  # tonos (r45 M3)
        ("σωκρατης", ["Ο Σωκράτης και ο δρόμος"]),
        ("οδός", ["Ο Σωκράτης και ο δρόμος"]),
        ("δρόμ*", ["Ο Σωκράτης και ο δρόμος"]),
        ("STRASSENBAHN", ["Neue Straßenbahn in Zürich"]),  # ß is ss (r45 L1)
        ("zurich", ["Neue Straßenbahn in Zürich"]),
        ("ＡＢＣ１２３", ["Neue Straßenbahn in Zürich"]),  # fullwidth is ASCII (NFKC)
        ("abc123", ["Neue Straßenbahn in Zürich"]),
        ("ＡＢＣ*", ["Neue Straßenbahn in Zürich"]),
        ("カタカナ", ["Neue Straßenbahn in Zürich"]),  # halfwidth kana
        ("ığdır", ["Neue Straßenbahn in Zürich"]),  # Turkish ı is i
        ("apple", ["Neue Straßenbahn in Zürich"]),  # ™ is no letters
        ("ЙОГУРТ", ["Йогурт и ёлка"]),
        ("иогурт", []),  # й is its own letter
        ("елка", ["Йогурт и ёлка"]),  # ё is е
        ("שלום", ["Йогурт и ёлка"]),  # Hebrew points
        # cases unicode61's Unicode 6.1 tables lack (hostile r46 M5): Mtavruli, Cherokee (small
        # letters fold to capitals), Adlam, Osage
        ("საქართველო", ["Йогурт и ёлка"]),
        ("ᏣᎳᎩ", ["Йогурт и ёлка"]),
        ("𞤢𞤣𞤤", ["Йогурт и ёлка"]),
        ("𐓘𐓙", ["Йогурт и ёлка"]),
        ("🎉", ["優勝パレード⚾🎉"]),  # in titles: the index keeps no symbols (r45 L2)
        ("stop", ["Toot s̶t̶o̶p̶ here"]),  # the word, not s, t, o, p
    ],
)
def test_search_folds_accents_case_and_forms_in_every_script(library, query, found):
    assert titles(library, query) == found


def test_counts_and_lists_agree_with_search(library):
    f = ArticleFilter(query=parse_query("東京", query_keys))
    assert library.count(f) == 2
    assert {r.title for r in library.articles(f)} == {"東京都の天気", "旅行記"}


def in_step(db: Database, index: str = "articles_fts") -> bool:
    """The articles' index holds exactly the words of the stored texts (rank 1: compared with
    them; without, SQLite 3.40 checks only that the index is whole)."""
    try:
        db.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def test_changing_and_deleting_a_cjk_article_keeps_the_index_in_step(library):
    db = library._db
    first = next(r.id for r in library.articles() if r.title == "東京都の天気")
    db.execute("UPDATE articles SET text = '大阪府は曇りです。' WHERE id = ?", [first])
    assert in_step(db)
    assert titles(library, "大阪") == ["東京都の天気"]
    assert "東京都の天気" not in titles(library, "晴れ")
    db.execute("DELETE FROM articles WHERE id = ?", [first])
    assert in_step(db)
    assert titles(library, "大阪") == []


def store_of_schema_27(path: Path, texts: dict[str, str], version: int = 27) -> Database:
    """A store made by schema 27 (or `version`) holding these articles (title: text), open."""
    conn = sqlite3.connect(path)
    add_text_functions(conn)
    for statement in [s for migration in MIGRATIONS[:version] for s in migration]:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    db = Database(sqlite3.connect(path))
    feed = ensure_feed(db, "https://a.example/", "A", url="https://a.example/")
    save_articles(db, feed, [Article(title=t, text=x, guid=t) for t, x in texts.items()])
    return db


def test_an_upgraded_store_keeps_every_article_and_finds_cjk_inside_words(tmp_path):
    path = tmp_path / "old.db"
    store_of_schema_27(path, ARTICLES).conn.close()
    assert upgrade_ahead(path) == len(ARTICLES)  # the index is rebuilt: said before it starts

    db = open_db(path)

    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
    assert db.execute("SELECT count(*) FROM index_rebuilds").fetchone()[0] == 0
    assert in_step(db)
    library = Library(db)
    assert set(titles(library, "東京")) == {"東京都の天気", "旅行記"}
    assert titles(library, "flood") == ["Floods in Tokyo"]
    library.close()


def test_an_upgrade_of_a_store_without_cjk_rebuilds_nothing(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    store_of_schema_27(path, {"Floods in Tokyo": ARTICLES["Floods in Tokyo"]}).conn.close()
    # nothing slow ahead but schema 31's fill of its prefix index (no rebuild of the articles'
    # index: test_index_rebuild_at_open)
    assert upgrade_ahead(path) == 1

    db = open_db(path)

    assert in_step(db)
    assert titles(Library(db), "floods") == ["Floods in Tokyo"]
    db.conn.close()


def test_the_marks_search_reads_in_other_words_than_sqlite_are_known():
    """UNICODE61_SPLITTING_MARKS are the marks each index's tokenizer, in the SQLite in use,
    splits a word at while search_words reads it otherwise (schema 49 looks for them)."""
    marks = [chr(c) for c in range(0x80, 0x30000) if unicodedata.category(chr(c))[0] == "M"]
    conn = sqlite3.connect(":memory:")
    found = set()
    for tokenizer in ("porter unicode61", "unicode61", "unicode61 remove_diacritics 2"):
        conn.execute(f"CREATE VIRTUAL TABLE temp.t USING fts5(x, tokenize='{tokenizer}')")
        conn.execute("CREATE VIRTUAL TABLE temp.w USING fts5vocab(temp, t, instance)")
        words: dict[int, list[list[str]]] = {}
        for folded in (False, True):
            conn.execute("DELETE FROM temp.t")
            conn.executemany(
                "INSERT INTO temp.t (rowid, x) VALUES (?, ?)",
                [(ord(m), search_words(f"a{m}b") if folded else f"a{m}b") for m in marks],
            )
            for mark, word in conn.execute("SELECT doc, term FROM temp.w ORDER BY doc, offset"):
                entry = words.setdefault(mark, [[], []])
                entry[folded].append(word)
        found |= {chr(m) for m, (old, new) in words.items() if old == ["a", "b"] != new}
        conn.execute("DROP TABLE temp.w")
        conn.execute("DROP TABLE temp.t")
    known = set(filter(re.compile(f"[{UNICODE61_SPLITTING_MARKS}]").match, marks))
    assert found == known
    assert split_at_marks("s̶t̶o̶p̶") and not split_at_marks("café, δρόμος, שלום")


def test_the_letters_whose_case_search_folds_and_sqlite_does_not_are_known(monkeypatch):
    """UNICODE61_UNFOLDED_CASES are the letters whose case each index's tokenizer, in the SQLite
    in use, keeps, and the rest of search_words does not fold (schema 51 looks for them)."""
    cased = [c for c in map(chr, range(0x80, 0x20000)) if c.casefold() != c]
    folds, marks = search_fold._patterns()
    unfolded = re.compile(
        folds.pattern.replace(UNICODE61_UNFOLDED_CASES, "").replace(LATIN_BASE_LETTERS, "")
    )
    monkeypatch.setattr(search_fold, "_patterns", lambda: (unfolded, marks))  # (without them,
    monkeypatch.setattr(search_fold, "_latin_letters", lambda: re.compile("[ı]"))  # some in both)
    pairs = [
        (2 * ord(c) + n, search_words(f"a{(c, c.casefold())[n]}b")) for c in cased for n in (0, 1)
    ]
    monkeypatch.undo()
    conn = sqlite3.connect(":memory:")
    found = set()
    for tokenizer in ("porter unicode61", "unicode61", "unicode61 remove_diacritics 2"):
        conn.execute(f"CREATE VIRTUAL TABLE temp.t USING fts5(x, tokenize='{tokenizer}')")
        conn.execute("CREATE VIRTUAL TABLE temp.w USING fts5vocab(temp, t, instance)")
        conn.executemany("INSERT INTO temp.t (rowid, x) VALUES (?, ?)", pairs)
        words: dict[int, list[str]] = {}
        for row, word in conn.execute("SELECT doc, term FROM temp.w ORDER BY doc, offset"):
            words.setdefault(row, []).append(word)
        found |= {c for c in cased if words.get(2 * ord(c)) != words.get(2 * ord(c) + 1)}
        conn.execute("DROP TABLE temp.w")
        conn.execute("DROP TABLE temp.t")
    later = re.compile(f"[{UNICODE61_UNFOLDED_CASES}]")
    assert found == set(filter(later.match, cased))
    assert all(search_words(f"a{c}b") == search_words(f"a{c.casefold()}b") for c in found)


def test_a_store_with_words_of_a_later_case_is_read_again_at_its_upgrade(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    folds, marks = search_fold._patterns()
    unfolded = re.compile(folds.pattern.replace(UNICODE61_UNFOLDED_CASES, ""))
    monkeypatch.setattr(search_fold, "_patterns", lambda: (unfolded, marks))  # as schema 50 read
    db = store_of_schema_27(path, {"ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ news": "ꮳꮃꭹ", "Floods": "x"}, 50)
    article = db.execute("SELECT id FROM articles WHERE title = 'ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ news'").fetchone()[0]
    db.execute("INSERT INTO quotes (id, article_id, start, end) VALUES (1, ?, 0, 3)", [article])
    db.execute("INSERT INTO quotes_fts (rowid, text) VALUES (1, 'ꮳꮃꭹ')")
    db.conn.close()
    monkeypatch.undo()
    assert upgrade_ahead(path) == 2  # the indexes are rebuilt: said before it starts

    library = Library(open_db(path))

    assert in_step(library._db) and index_matches_quotes(library._db)
    assert titles(library, "საქართველო") == titles(library, "ᏣᎳᎩ") == ["ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ news"]
    assert quoted(library, "ᏣᎳᎩ") == {"ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ news"}
    library.close()


@pytest.mark.parametrize("version", [47, 48])
def test_a_store_with_struck_through_words_is_read_again_at_its_upgrade(
    tmp_path, monkeypatch, version
):
    path = tmp_path / "old.db"
    db = store_of_schema_27(path, {"Toot s̶t̶o̶p̶ here": "We s̶t̶o̶p̶ the presses.", "Gone": "x"}, 47)
    toot, gone = (
        db.execute("SELECT id FROM articles WHERE title = ?", [t]).fetchone()[0]
        for t in ("Toot s̶t̶o̶p̶ here", "Gone")
    )
    # another tool wrote a text that is no UTF-8: read as damaged (""), it stops no rebuild
    write_text_behind_the_triggers(db.conn, gone, zlib.compress(b"\xff\xfe not UTF-8"))
    db.execute("INSERT INTO quotes (id, article_id, start, end) VALUES (1, ?, 3, 11)", [toot])
    db.execute("INSERT INTO quotes_fts (rowid, text) VALUES (1, 's̶t̶o̶p̶')")
    for statement in MIGRATIONS[47] if version == 48 else []:  # as this round's main made it
        db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")
    db.conn.close()
    assert upgrade_ahead(path) == 0  # (a small store: read in a moment)
    monkeypatch.setattr(migrations, "SPLIT_MARKS_SLOW_ARTICLES", 2)  # a large one: said first
    assert upgrade_ahead(path) == 2

    library = Library(open_db(path))
    db = library._db

    assert in_step(db)
    assert in_step(db, "articles_prefix_fts")
    assert index_matches_quotes(db)
    db.execute("UPDATE articles SET title = 'A new headline' WHERE id = ?", [toot])
    assert in_step(db)
    assert in_step(db, "articles_prefix_fts")
    assert titles(library, "s") == []  # (its old words, all gone)
    assert titles(library, "stop") == ["A new headline"]
    assert quoted(library, "stop") == {"A new headline"}
    library.close()


def quoted(library: Library, text: str) -> set[str]:
    """The titles of the articles a quotes: query finds."""
    f = ArticleFilter(query=parse_query(f'quotes:"{text}"', query_keys))
    return {r.title for r in library.articles(f)}


def quote_everything(library: Library) -> None:
    """Each article's whole text is a quote (by nobody)."""
    analyses = [
        (r.id, Analysis((), (Quote(ARTICLES[r.title], 0, len(ARTICLES[r.title]), None),)))
        for r in library.articles(limit=None)
    ]
    library.save_analyses(analyses, "t", canonical_key, short_key)


def test_a_quotes_cjk_words_are_found_inside_longer_runs(library):
    quote_everything(library)
    assert quoted(library, "東京") == {"東京都の天気", "旅行記"}
    assert quoted(library, "서울") == {"서울 소식"}
    assert quoted(library, "river floods") == {"Floods in Tokyo"}
    assert index_matches_quotes(library._db)


def test_an_upgrade_reindexes_the_quotes_of_a_store_holding_cjk_quotes(tmp_path):
    path = tmp_path / "old.db"
    db = store_of_schema_27(path, ARTICLES, version=28)
    quote = ARTICLES["旅行記"]
    article = db.execute("SELECT id FROM articles WHERE title = '旅行記'").fetchone()[0]
    db.execute(  # saved as schema 28 did: the run of CJK characters one word
        "INSERT INTO quotes (id, article_id, start, end) VALUES (1, ?, 0, ?)", [article, len(quote)]
    )
    db.execute("INSERT INTO quotes_fts (rowid, text) VALUES (1, ?)", [quote])
    db.conn.close()

    library = Library(open_db(path))

    assert quoted(library, "東京") == {"旅行記"}
    assert index_matches_quotes(library._db)
    library.close()
