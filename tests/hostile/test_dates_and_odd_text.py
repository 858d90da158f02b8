"""Dates a feed only claims, calendar edges, Unicode line breaks and odd JSON Feed values."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.store import open_db


class Run:
    """`newstui --db DB ...` in-process."""

    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.capsys = db, capsys

    def __call__(self, *args: str) -> str:
        code = main(["--db", str(self.db), *args])
        out, err = self.capsys.readouterr()
        assert code == 0, err
        return out

    def json(self, *args: str) -> object:
        return json.loads(self(*args, "--json"))


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(tmp_path / "x.db", capsys)


def rss(items: list[tuple[str, str]], title: str = "Dated Feed", text: str = "Text of") -> str:
    body = "".join(
        f"<item><title>{t}</title><guid>{t}</guid><pubDate>{d}</pubDate>"
        f"<description>{text} {t}.</description></item>"
        for t, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def test_a_date_after_the_fetch_sorts_and_shows_as_the_fetch_time_everywhere(
    run: Run, tmp_path: Path
) -> None:
    """Hostile r48: `list` showed the fetch day of a feed dated 9999-12-31 while `show` and
    `--json` said 9999-12-31. Every one now gives the date it is sorted and found by, the
    arrival, and `show`'s byline says what the feed claims."""
    soon = datetime.now(UTC) + timedelta(hours=12)  # a clock or time zone skew: fetch time too
    feed = tmp_path / "dated.xml"
    feed.write_text(
        rss(
            [
                ("Forever on top", "Fri, 31 Dec 9999 23:59:59 GMT"),
                ("Slightly ahead", format_datetime(soon, usegmt=True)),
                ("Last year", "Sat, 30 Nov 2024 12:00:00 GMT"),
            ]
        ),
        "utf-8",
    )
    run("import", str(feed))
    database = open_db(run.db)
    fetched = database.execute("SELECT DISTINCT first_seen FROM articles").fetchall()
    database.conn.close()
    rows = run.json("list")
    # Both claims sort at the fetch time; within the batch its own dates keep their order.
    assert [r["title"] for r in rows] == ["Forever on top", "Slightly ahead", "Last year"]
    assert [r["published"] for r in rows] == [  # type: ignore[index]
        *[fetched[0][0]] * 2,
        "2024-11-30T12:00:00+00:00",
    ]
    for row in rows:  # type: ignore[attr-defined]
        shown = run.json("show", str(row["id"]))
        assert shown["published"] == row["published"]  # type: ignore[index]
    text = run("show", str(rows[0]["id"]))
    assert "9999-12-31 23:59" not in text and "(the feed dates it 9999-12-31)" in text
    assert "the feed dates it" not in run("show", str(rows[2]["id"]))
    # a list shows them on the day it sorts them by, which after:/before: find them by: it
    # showed 9999-12-31 while after:2030-01-01 found nothing (hostile r46 L5)
    today = datetime.now(UTC).astimezone().date()
    assert [line.split()[2] for line in run("list").splitlines()[:2]] == [str(today)] * 2
    after = run.json("list", "--query", f"after:{today} AND before:{today + timedelta(days=1)}")
    assert len(after) == 2  # type: ignore[arg-type]
    # quotes' lines and --json give their article's date the same way
    quoted = rss(
        [("Said ahead", "Fri, 31 Dec 9999 23:59:59 GMT")],
        text='"We are ready," Ann Lee said. Text of',
    )
    (tmp_path / "said.xml").write_text(quoted, "utf-8")
    run("import", str(tmp_path / "said.xml"))
    dates = {q["date"] for q in run.json("quotes")}  # type: ignore[index, union-attr]
    assert dates and not any(d.startswith("9999") for d in dates)


def test_a_far_future_date_in_an_update_still_sorts_as_fetch_time(run: Run, tmp_path: Path) -> None:
    feed = tmp_path / "dated.xml"
    feed.write_text(rss([("Story", "Sat, 30 Nov 2024 12:00:00 GMT")]), "utf-8")
    run("import", str(feed))
    feed.write_text(rss([("Story", "Fri, 31 Dec 9999 23:59:59 GMT")], text="Changed"), "utf-8")
    run("import", str(feed))
    database = open_db(run.db)
    published, sort_date, first_seen = database.execute(
        "SELECT published, sort_date, first_seen FROM articles"
    ).fetchone()
    database.conn.close()
    assert published.startswith("9999") and sort_date == first_seen


@pytest.mark.parametrize(
    "date", ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "1899-12-31T23:00:00Z"]
)
def test_year_one_and_other_far_past_dates_are_unknown(run: Run, tmp_path: Path, date: str) -> None:
    feed = tmp_path / "old.json"
    feed.write_text(
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "items": [{"id": "1", "title": "Old", "content_text": "x", "date_published": date}],
            }
        ),
        "utf-8",
    )
    run("import", str(feed))
    [row] = run.json("list")  # type: ignore[misc]
    assert row["published"] is None


def test_unicode_line_and_paragraph_separators_in_titles_become_spaces(
    run: Run, tmp_path: Path
) -> None:
    feed = tmp_path / "breaks.xml"
    feed.write_text(rss([("One\u2028two\u2029three", "Sat, 30 Nov 2024 12:00:00 GMT")]), "utf-8")
    run("import", str(feed))
    [row] = run.json("list")  # type: ignore[misc]
    assert row["title"] == "One two three"


@pytest.mark.parametrize("version", ["1.1", "1.0", "1", "https://jsonfeed.org/version/1"])
def test_a_json_feed_with_a_bare_version_number_is_read(
    run: Run, tmp_path: Path, version: str
) -> None:
    feed = tmp_path / "bare.json"
    feed.write_text(
        json.dumps(
            {
                "version": version,
                "title": "Bare",
                "items": [{"id": "a", "title": "Read me", "content_text": "Body."}],
            }
        ),
        "utf-8",
    )
    run("import", str(feed))
    assert [r["title"] for r in run.json("list")] == ["Read me"]  # type: ignore[union-attr]


def test_a_json_document_with_another_version_is_not_a_feed(run: Run, tmp_path: Path) -> None:
    feed = tmp_path / "other.json"
    feed.write_text(json.dumps({"version": "2.0", "items": []}), "utf-8")
    code = main(["--db", str(run.db), "import", str(feed)])
    assert code == 1
    assert "is not a JSON Feed" in run.capsys.readouterr().err


def test_a_numeric_json_title_is_dropped_not_shown(run: Run, tmp_path: Path) -> None:
    feed = tmp_path / "numbers.json"
    feed.write_text(
        json.dumps(
            {
                "version": "1.1",
                "title": 42,
                "items": [
                    {"id": 7, "title": 1000, "content_text": "The headline is in the text."},
                    {"id": 8, "title": 3.5, "summary": 12, "content_text": "Second story."},
                ],
            }
        ),
        "utf-8",
    )
    run("import", str(feed))
    titles = sorted(r["title"] for r in run.json("list"))  # type: ignore[union-attr]
    assert titles == ["Second story.", "The headline is in the text."]


def test_a_local_feed_files_own_title_is_stored_like_a_fetched_feeds(
    run: Run, tmp_path: Path
) -> None:
    feed = tmp_path / "saved.xml"
    feed.write_text(rss([("S", "Sat, 30 Nov 2024 12:00:00 GMT")], title="The Saved Feed"), "utf-8")
    run("import", str(feed))
    database = open_db(run.db)
    [(title,)] = database.execute("SELECT title FROM feeds").fetchall()
    database.conn.close()
    assert title == "The Saved Feed"


def test_a_store_from_before_keeps_no_far_future_article_on_top(run: Run, tmp_path: Path) -> None:
    feed = tmp_path / "dated.xml"
    feed.write_text(
        rss(
            [
                ("Forever on top", "Fri, 31 Dec 9999 23:59:59 GMT"),
                ("Tomorrow-ish", format_datetime(datetime.now(UTC) + timedelta(hours=12))),
            ]
        ),
        "utf-8",
    )
    run("import", str(feed))
    database = open_db(run.db)
    with database.conn:  # as an older newstui stored it: sorted by the claimed date
        database.execute("UPDATE articles SET sort_date = published")
        database.execute("ALTER TABLE feeds DROP COLUMN failures")  # v10 re-adds them
        database.execute("ALTER TABLE feeds DROP COLUMN next_try")
        database.execute("DROP TABLE stories")  # v11 creates them again
        database.execute("DROP TABLE story_bands")
        for trigger in ("ad", "au"):  # v12 creates the quote index and its triggers again
            database.execute(f"DROP TRIGGER quotes_fts_{trigger}")
            # today's articles triggers name the quote index (v25): a v6 store's did not (v18
            # makes them again; a table renamed on the way re-reads every trigger)
            database.execute(f"DROP TRIGGER articles_{trigger}")
        database.execute("DROP TABLE quotes_fts")
        database.execute("ALTER TABLE quotes ADD COLUMN text TEXT")  # v8 drops the quote words
        database.execute("DROP TABLE retired_articles")  # v13 creates it again
        database.execute("DROP TABLE downloads")  # v15 creates it again
        database.execute("PRAGMA user_version = 6")
    database.conn.close()
    rows = run.json("list")  # opening the store migrates it
    assert [r["title"] for r in rows] == ["Tomorrow-ish", "Forever on top"]  # type: ignore[index]
    database = open_db(run.db)
    (fetched,) = database.execute(
        "SELECT first_seen FROM articles WHERE title = 'Forever on top'"
    ).fetchone()
    database.conn.close()
    assert rows[1]["published"] == fetched  # type: ignore[index]  # (its arrival, as listed)
