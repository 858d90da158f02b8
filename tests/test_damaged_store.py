"""A store whose stored text no longer unpacks (a damaged disk, a cut copy): that article is
shown with one line naming the damage, and removing, updating, cleaning or searching it, or
anything beside it, still works."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from test_cli import Cli, ids_by_title, no_user_paths, one_line  # noqa: F401

from newstui.library import Library

WORDS = {
    "Pier": "The old pier closed after the storm cracked its pilings, engineers said. "
    '"Nobody walks on it now," a harbourmaster said. ',
    "Ferry": "Ferries run again across the bay, the port authority said on Monday. ",
    "Tram": "The tram line reopened downtown after months of track repairs. ",
}


def rss(title: str, texts: dict[str, str]) -> bytes:
    """An RSS feed with one item per headline, each with a text long enough to be packed,
    dated a day apart (the first is the oldest)."""
    items = "".join(
        f"<item><title>{headline}</title><guid>{headline}</guid>"
        f"<pubDate>{format_datetime(datetime.now(UTC) - timedelta(days=9 - n))}</pubDate>"
        f"<description>{text * 8}</description></item>"
        for n, (headline, text) in enumerate(texts.items())
    )
    return f'<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


def damage_text(db_path: Path, title: str) -> None:
    """Flip bytes inside the stored (packed) text of the article `title`, in the file itself."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    packed = conn.execute("SELECT text FROM articles WHERE title = ?", [title]).fetchone()[0]
    conn.close()
    assert isinstance(packed, bytes)  # stored packed
    data = db_path.read_bytes()
    at = data.index(packed) + len(packed) // 2
    db_path.write_bytes(data[:at] + bytes(b ^ 0x5A for b in data[at : at + 8]) + data[at + 8 :])


@pytest.fixture
def damaged(db_path, feed_server, config_file, capsys) -> Cli:
    """Wire (Pier, Ferry) and Lab (Tram) fetched; Pier's stored text then damaged."""
    feed_server.route("/wire", body=rss("Wire", {k: WORDS[k] for k in ("Pier", "Ferry")}))
    feed_server.route("/lab", body=rss("Lab", {"Tram": WORDS["Tram"]}))
    run = Cli(db_path, config_file({"Wire": "/wire", "Lab": "/lab"}), capsys)
    assert run("fetch") == 0, run.err
    damage_text(db_path, "Pier")
    return run


def test_showing_a_damaged_article_says_so_in_one_line_and_shows_the_rest(damaged):
    pier = ids_by_title(damaged)["Pier"]

    assert damaged("show", str(pier)) == 0
    problem = one_line(damaged.err)
    assert f"Cannot show all of article {pier}: its stored text does not unpack" in problem
    assert "Pier" in damaged.out and "Cannot show all" in damaged.out
    assert damaged.json("show", str(pier))["damaged"].startswith("its stored text does not")
    ferry = damaged.json("show", str(ids_by_title(damaged)["Ferry"]))
    assert ferry["damaged"] is None and "Ferries run again" in ferry["text"]


def test_search_and_lists_still_work_beside_a_damaged_article(damaged):
    assert [r["title"] for r in damaged.json("search", "ferries")] == ["Ferry"]
    assert [r["title"] for r in damaged.json("search", "pier")] == ["Pier"]  # by its title
    assert sorted(ids_by_title(damaged)) == ["Ferry", "Pier", "Tram"]


def test_removing_the_feed_of_a_damaged_article_deletes_it_and_keeps_the_others(damaged):
    assert damaged("remove", "Wire") == 0, damaged.err
    assert "2 articles deleted" in damaged.out

    assert list(ids_by_title(damaged)) == ["Tram"]
    assert [r["title"] for r in damaged.json("search", "tram")] == ["Tram"]
    assert damaged.json("search", "ferries") == []


def test_a_fetch_that_changes_a_damaged_article_replaces_its_text(damaged, feed_server, db_path):
    fixed = {
        "Pier": "The pier reopened with new pilings, the mayor said. ",
        "Ferry": WORDS["Ferry"],
    }
    feed_server.route("/wire", body=rss("Wire", fixed))

    assert damaged("fetch") == 0, damaged.err

    pier = damaged.json("show", str(ids_by_title(damaged)["Pier"]))
    assert pier["damaged"] is None and "The pier reopened" in pier["text"]
    assert damaged.err == ""
    assert [r["title"] for r in damaged.json("search", "mayor")] == ["Pier"]
    assert indexed_ids(db_path, "cracked") == []  # the damaged text's words are gone


def test_cleanup_removes_a_damaged_article_like_any_other(damaged):
    ids = ids_by_title(damaged)
    assert damaged("mark", *map(str, ids.values()), "--read") == 0
    config = damaged.config.read_text("utf-8").replace(
        "[settings]", "[settings]\nkeep_per_feed = 1"
    )
    damaged.config.write_text(config, "utf-8")

    assert damaged("cleanup") == 0, damaged.err

    assert "removed 1" in damaged.out
    assert sorted(ids_by_title(damaged)) == ["Ferry", "Tram"]  # Pier, the older, went


def test_a_stop_while_the_store_unpacks_a_text_is_raised_not_lost(damaged, monkeypatch):
    """Ctrl-C (or SIGTERM's Stopped) raised while SQLite runs inflate()'s unpacking reaches
    the caller as itself, not as an SQL error, and the delete it cut short is undone."""
    import newstui.store.sql_functions as sql_functions

    class Interrupting:
        error = sql_functions.zlib.error

        @staticmethod
        def decompress(data: bytes) -> bytes:
            raise KeyboardInterrupt

    with Library.open(damaged.db) as library:
        before = library.count()
        wire = library.find_source("Wire")
        assert wire is not None
        monkeypatch.setattr(sql_functions, "zlib", Interrupting)
        with pytest.raises(KeyboardInterrupt):
            library.remove_source(wire, purge=True)
        monkeypatch.undo()
        assert library.count() == before
        assert library.remove_source(wire, purge=True).deleted == 2


def test_a_damaged_summary_and_list_of_links_are_named_and_the_text_still_shown(damaged):
    ferry = ids_by_title(damaged)["Ferry"]
    conn = sqlite3.connect(damaged.db)
    conn.execute(
        "UPDATE articles SET summary = ?, links = ? WHERE id = ?", [b"x\x9c\x01", b"x\x9c", ferry]
    )
    conn.commit()
    conn.close()

    shown = damaged.json("show", str(ferry))

    assert "Ferries run again" in shown["text"] and shown["links"] == []
    assert shown["damaged"].startswith("its stored summary does not unpack (")
    assert "; its stored list of links does not unpack (" in shown["damaged"]


def indexed_ids(db_path: Path, word: str) -> list[int]:
    """The article ids the full-text index gives for a word, and its integrity-check passed."""
    from newstui.store.sql_functions import add_text_functions

    conn = sqlite3.connect(db_path)
    add_text_functions(conn)
    try:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        return [r[0] for r in conn.execute("SELECT rowid FROM articles_fts(?)", [word])]
    finally:
        conn.close()


def quoted_ids(db_path: Path, word: str) -> list[int]:
    """The quote ids the quote index gives for a word."""
    conn = sqlite3.connect(db_path)
    try:
        return [r[0] for r in conn.execute("SELECT rowid FROM quotes_fts(?)", [word])]
    finally:
        conn.close()


@pytest.mark.parametrize("removing", [("remove", "Wire"), ("cleanup",)], ids=["remove", "cleanup"])
def test_a_deleted_damaged_article_leaves_no_words_in_the_search_index(damaged, db_path, removing):
    """The index's 'delete' needs the text as indexed: a damaged one gave '', so its words
    stayed (found for an article given its id later) and the index failed its check."""
    pier = ids_by_title(damaged)["Pier"]
    if removing == ("cleanup",):  # Pier, the older of Wire's two, goes
        assert damaged("mark", *map(str, ids_by_title(damaged).values()), "--read") == 0
        config = damaged.config.read_text("utf-8")
        damaged.config.write_text(config.replace("[settings]", "[settings]\nkeep_per_feed = 1"))
    assert indexed_ids(db_path, "pilings") == [pier]
    assert quoted_ids(db_path, "walks")  # Pier's quotes

    assert damaged(*removing) == 0, damaged.err

    assert quoted_ids(db_path, "walks") == []  # (they stayed: found for a later quote's id)

    assert "Pier" not in ids_by_title(damaged)
    assert indexed_ids(db_path, "pilings") == []
    assert indexed_ids(db_path, "tram") == [ids_by_title(damaged)["Tram"]]
    assert [r["title"] for r in damaged.json("search", "pier OR tram")] == ["Tram"]
