"""The demo database: real Wikinews reporting, attributed, never an evaluation article."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from newstui.cli import main
from newstui.demo import build_demo_db, ensure_demo_db
from newstui.library import Library

NLP_SETS = Path(__file__).parent / "data" / "nlp"


def demo(tmp_path: Path) -> Library:
    path = tmp_path / "demo.db"
    build_demo_db(path)
    return Library.open(path)


def test_the_demo_is_wikinews_reporting_over_several_feeds_each_article_attributed(tmp_path):
    with demo(tmp_path) as library:
        rows = library.articles(limit=None)
        wikinews = [r for r in rows if r.feed.endswith(" · Wikinews")]
        assert len(wikinews) >= 20
        assert len({r.feed for r in wikinews}) >= 4
        for row in wikinews:
            stored = library.article(row.id)
            assert stored is not None
            assert row.url and row.url.startswith("https://en.wikinews.org/wiki/")
            assert row.published is not None  # every Wikinews article has its date
            last = stored.text.rsplit("\n\n", 1)[-1]
            assert last.startswith("Source: Wikinews, licensed CC BY 2.5"), row.title
            assert row.url in {link.url for link in stored.links}


def test_the_demo_shows_quotes_speakers_and_entities(tmp_path):
    with demo(tmp_path) as library:
        speakers = {
            q.speaker
            for r in library.articles(limit=None)
            for q in library.analysis(r.id).quotes
            if q.speaker
        }
    assert len(speakers) >= 15


def test_no_demo_title_reads_like_markup_and_the_seed_article_stays(tmp_path):
    with demo(tmp_path) as library:
        titles = [r.title for r in library.articles(limit=None)]
    assert not [t for t in titles if "[" in t or "]" in t]
    assert any(t.startswith("Syrian military confirmed") for t in titles)


def test_no_demo_article_is_in_an_annotated_nlp_set(tmp_path):
    annotated = {
        json.loads(f.read_text("utf-8"))["source"]["url"]
        for f in NLP_SETS.glob("wikinews-*/*.json")
    }
    assert len(annotated) >= 50
    with demo(tmp_path) as library:
        urls = {r.url for r in library.articles(limit=None)}
    assert not urls & annotated


def test_an_undated_article_shows_its_date_as_unknown_in_list_and_show(tmp_path, capsys):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    with Library.open(path) as library:
        [seed] = [r for r in library.articles(limit=None) if r.published is None]
    assert main(["--db", str(path), "list", "--limit", "50"]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if "Syrian military" in x]
    assert f"{seed.id} " in line and " unknown " in line
    assert main(["--db", str(path), "show", str(seed.id)]) == 0
    assert "Reference article · date unknown" in capsys.readouterr().out


def test_a_demo_database_from_an_older_version_is_rebuilt_with_the_new_articles(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    with sqlite3.connect(path) as conn:  # what the invented-news demo of 0.x looked like
        conn.execute("UPDATE feeds SET name = 'World Wire (demo)' WHERE name = 'World · Wikinews'")
        conn.execute(f"PRAGMA application_id = {0x6E647464}")
    ensure_demo_db(path)
    with Library.open(path) as library:
        assert "World · Wikinews" in {s.name for s in library.sources()}
        assert "World Wire (demo)" not in {s.name for s in library.sources()}


def test_a_current_demo_database_keeps_the_users_marks(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    with Library.open(path) as library:
        first = library.articles(limit=1)[0].id
        library.mark([first], starred=True)
    ensure_demo_db(path)
    with Library.open(path) as library:
        assert [r.id for r in library.articles(limit=None) if r.starred] == [first]
