"""The demo database: real Wikinews reporting, attributed, never an evaluation article."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newstui.cli.main import main
from newstui.demo import DEMO_APPLICATION_ID, build_demo_db, ensure_demo_db
from newstui.library import Library

NLP_SETS = Path(__file__).parent / "data" / "nlp"
EVALUATION_URLS = Path(__file__).parent / "data" / "wikinews-evaluation-urls.txt"


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


def evaluation_urls() -> set[str]:
    """The committed list of the Wikinews articles the NLP sets use (blind sets' included)."""
    lines = EVALUATION_URLS.read_text("utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def readable_set_urls() -> set[str]:
    """The source URLs of the Wikinews NLP sets a test may read: a blind folder is never entered."""
    urls = set()
    for folder, subfolders, files in os.walk(NLP_SETS):
        subfolders[:] = [name for name in subfolders if "blind" not in name.casefold()]
        if Path(folder).name.startswith("wikinews-"):
            for name in files:
                if name.endswith(".json"):
                    article = json.loads((Path(folder) / name).read_text("utf-8"))
                    urls.add(article["source"]["url"])
    return urls


def test_no_demo_article_is_in_an_annotated_nlp_set(tmp_path):
    annotated = evaluation_urls()
    assert len(annotated) >= 100
    with demo(tmp_path) as library:
        urls = {r.url for r in library.articles(limit=None)}
    assert not urls & annotated


def test_the_list_of_evaluation_articles_holds_every_set_that_is_not_blind():
    readable = readable_set_urls()
    assert len(readable) >= 100
    missing = sorted(readable - evaluation_urls())
    assert not missing, f"add to {EVALUATION_URLS.name}: " + " ".join(missing)


def test_an_undated_article_leaves_its_date_blank_in_list_and_is_undated_in_show(tmp_path, capsys):
    """User test r37 L7: `list` said "none" in the date column; newsboat leaves it blank."""
    path = tmp_path / "demo.db"
    build_demo_db(path)
    with Library.open(path) as library:
        [seed] = [r for r in library.articles(limit=None) if r.published is None]
    assert main(["--db", str(path), "list", "--limit", "50"]) == 0
    lines = capsys.readouterr().out.splitlines()
    [line] = [x for x in lines if "Syrian military" in x]
    dated = next(x for x in lines if "Syrian military" not in x and "2020-" in x)
    assert line.startswith(f"{seed.id} ") and "none" not in line
    assert line[dated.index("2020-") :].startswith(" " * 12)  # the blank column, aligned
    assert main(["--db", str(path), "show", str(seed.id)]) == 0
    assert "Reference article · undated" in capsys.readouterr().out


def test_a_demo_database_from_an_older_version_is_rebuilt_with_the_new_articles(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    conn = sqlite3.connect(path)  # what the invented-news demo of 0.x looked like
    with conn:
        conn.execute("UPDATE feeds SET name = 'World Wire (demo)' WHERE name = 'World · Wikinews'")
        conn.execute(f"PRAGMA application_id = {0x6E647464}")
    conn.close()  # (a connection left open is another user of the demo: it is then kept)
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


@contextmanager
def held_open(path: Path) -> Iterator[None]:
    """Another process has the store at `path` open (idle, as an app between two reads)."""
    holding = (
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM articles')"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", holding + "; print('open', flush=True); sys.stdin.read()", path],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        yield
    finally:
        holder.communicate("", timeout=30)


def application_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def test_an_older_demo_open_in_another_process_is_kept_with_one_line(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"PRAGMA application_id = {0x6E647464}")  # an older demo
    conn.close()
    with held_open(path):
        said = ensure_demo_db(path)
        assert said == f"{path}: an older demo, open in another newstui: kept as it is for now"
        assert application_id(path) == 0x6E647464  # not built again
    assert ensure_demo_db(path) is None  # closed: built again
    assert application_id(path) == DEMO_APPLICATION_ID


def test_an_undated_article_has_a_blank_date_at_every_width(tmp_path, capsys):
    """The app's narrowest date column said "?", a wider one and `list` "unknown"; then all
    "none" (user test r37 L7: newsboat leaves it blank)."""
    from newstui.model import ArticleRow
    from newstui.tui.widgets.headline_row import headline_date

    undated = ArticleRow(1, 1, "Wire", "Title", None, None, None, "", False, False)
    shown = {
        headline_date(undated, width, timed, "2026", old=old).strip()
        for width in (40, 60, 72, 80, 100, 160)
        for timed in (True, False)
        for old in (True, False)
    }
    path = tmp_path / "demo.db"
    build_demo_db(path)
    assert main(["--db", str(path), "list", "--limit", "50"]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if "Syrian military" in x]
    assert shown == {""} and "none" not in line
