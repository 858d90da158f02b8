"""A fetched feed's declared language reaches its articles' analysis and the reader (user test
r48 M4): short German news from a feed declaring `de` reads as another language, in every feed
format; an English text under a wrong declaration stays English; a store's older articles are
analysed again once their feed's next fetch tells its language."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.test_cli import Cli

GERMAN_QUOTE = "„Die Lage ist ernst“, sagte Innenministerin Nancy Faeser in Berlin."
ENGLISH = (
    "The city council voted on Tuesday to reopen the harbour after a year of repairs, and the "
    "mayor said that the first ferries would sail in the spring. Residents who had opposed the "
    "plan told reporters they were worried about traffic, but most of them welcomed the news. "
    '"We will open on time," said Mayor Ann Lee.'
)


def rss(language: str | None, text: str = GERMAN_QUOTE) -> bytes:
    declared = f"<language>{language}</language>" if language else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Inland</title>'
        f"<link>https://example.de/</link>{declared}<item><title>Faeser</title>"
        f"<guid>https://example.de/1</guid><description>{text}</description></item>"
        "</channel></rss>"
    ).encode()


def atom(language: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}"><title>Inland</title>'
        "<id>urn:inland</id><updated>2026-12-07T08:00:00Z</updated><entry><title>Faeser</title>"
        "<id>urn:inland:1</id><updated>2026-12-07T08:00:00Z</updated>"
        f'<content type="text">{GERMAN_QUOTE}</content></entry></feed>'
    ).encode()


def json_feed(language: str) -> bytes:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Inland",
            "language": language,
            "items": [{"id": "1", "title": "Faeser", "content_text": GERMAN_QUOTE}],
        }
    ).encode()


FORMATS = {
    "rss": (rss("de"), "application/rss+xml"),
    "atom": (atom("de-DE"), "application/atom+xml"),
    "json": (json_feed("de"), "application/feed+json"),
}


@pytest.fixture
def fetched(db_path, feed_server, config_file, capsys):
    """Serve one document at /feed, fetch it, and return the command line."""

    def fetch(body: bytes, content_type: str = "application/rss+xml") -> Cli:
        feed_server.route("/feed", body=body, headers={"Content-Type": content_type})
        run = Cli(db_path, config_file({"Inland": "/feed"}), capsys)
        assert run("fetch") == 0, run.err
        return run

    return fetch


def shown(run: Cli) -> dict:
    [row] = run.json("list")
    return run.json("show", str(row["id"]))


@pytest.mark.parametrize("form", FORMATS)
def test_a_short_german_article_of_a_feed_declaring_german_reads_as_another_language(fetched, form):
    body, content_type = FORMATS[form]
    run = fetched(body, content_type)
    article = shown(run)
    assert article["reads_as"] == "other"
    assert article["language"] in ("de", "de-de")
    # read as German: the quote's speaker is named after it, with a German verb of saying
    assert [(q["speaker"], q["text"]) for q in article["quotes"]] == [
        ("Nancy Faeser", "Die Lage ist ernst")
    ]
    assert run("show", str(article["id"])) == 0
    said = " ".join(run.out.split())  # (user test r49 LOW-10: which language, and whose word)
    # the item declares nothing: its feed does (user test r50 LOW-6: "as the article declares")
    assert f"Reads as German ({article['language']}, as its feed declares): " in said
    assert "declares): only quotes with a named speaker, and known names, are found." in said


def test_an_item_declaring_its_own_language_says_the_article_declares_it(fetched):
    body = rss("en").replace(
        b"<title>Faeser</title>", b"<title>Faeser</title><dc:language>de</dc:language>"
    )
    body = body.replace(
        b'<rss version="2.0">', b'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    )
    run = fetched(body)
    article = shown(run)
    assert (article["language"], article["reads_as"]) == ("de", "other")
    assert run("show", str(article["id"])) == 0
    assert "Reads as German (de, as the article declares): " in " ".join(run.out.split())


def test_an_article_stored_with_its_feeds_language_before_r50_says_its_feed_declares_it(
    fetched, db_path
):
    run = fetched(rss("de"))
    with sqlite3.connect(db_path) as conn:  # (what each article of a feed got before r50)
        conn.execute("UPDATE articles SET language = 'de'")
    article = shown(run)
    assert run("show", str(article["id"])) == 0
    assert "Reads as German (de, as its feed declares): " in " ".join(run.out.split())


def test_the_same_article_read_as_english_when_its_feed_declares_nothing(fetched):
    article = shown(fetched(rss(None)))
    assert (article["reads_as"], article["language"]) == ("english", None)
    assert [q["speaker"] for q in article["quotes"]] == [None]  # what M4 saw: nobody


def test_an_english_article_under_a_wrong_german_declaration_reads_as_english(fetched):
    article = shown(fetched(rss("de", ENGLISH)))
    assert (article["reads_as"], article["language"]) == ("english", "de")
    assert {"Ann Lee"} <= {q["speaker"] for q in article["quotes"]}


def test_a_feed_declaring_english_reads_a_german_article_as_its_words_tell(fetched):
    german = (
        "Der Stadtrat hat am Dienstag beschlossen, den Hafen nach einem Jahr wieder zu öffnen. "
        "Die ersten Fähren sollen im Frühjahr fahren, sagte der Bürgermeister. Die Arbeiten "
        "kosteten mehr als geplant, und die Opposition ist nicht zufrieden."
    )
    article = shown(fetched(rss("en-us", german)))
    assert (article["reads_as"], article["language"]) == ("other", "en-us")


def test_older_articles_are_analysed_again_once_their_feed_tells_its_language(
    fetched, feed_server, db_path
):
    """A store upgraded to schema 56 knows no feed's language: a feed gets it at its next
    fetch, and its articles stored before are analysed again then."""
    run = fetched(rss(None))
    assert [q["speaker"] for q in shown(run)["quotes"]] == [None]
    feed_server.route(
        "/feed", body=rss("de"), headers={"Content-Type": "application/rss+xml"}
    )  # the same entry, its feed now saying `de`
    assert run("fetch") == 0, run.err
    article = shown(run)
    assert (article["reads_as"], article["language"]) == ("other", "de")
    assert [q["speaker"] for q in article["quotes"]] == ["Nancy Faeser"]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT language FROM feeds WHERE name = 'Inland'").fetchall() == [
            ("de",)
        ]
        # (its entry declares nothing itself: the feed's language is its hint)
        assert conn.execute("SELECT language FROM articles").fetchall() == [(None,)]


def test_a_feed_declaring_english_next_time_changes_no_analysis(fetched, feed_server, db_path):
    run = fetched(rss(None, ENGLISH))
    with sqlite3.connect(db_path) as conn:
        [(version,)] = conn.execute("SELECT nlp_version FROM articles").fetchall()
        conn.execute("UPDATE articles SET nlp_version = 'kept'")  # (analysed: left alone)
    feed_server.route("/feed", body=rss("en-gb", ENGLISH), headers={})
    assert run("fetch") == 0, run.err
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT nlp_version FROM articles").fetchall() == [("kept",)]
        assert conn.execute("SELECT language FROM feeds").fetchall() == [("en-gb",)]
    assert version


def test_an_upgraded_store_learns_a_feeds_language_from_the_same_document_again(fetched, db_path):
    """A store of schema 54 fetched this document already: its digest and validators would
    leave it unread (a 304, "the same document again"), and its language unknown. The upgrade
    forgets them, so the next fetch reads it and analyses the feed's articles again."""
    run = fetched(rss("de"))
    with sqlite3.connect(db_path) as conn:  # as an older newstui left it
        conn.execute("UPDATE feeds SET language = NULL")
        conn.execute("UPDATE articles SET language = NULL, nlp_version = 'rules-47'")
        assert conn.execute("SELECT body_hash FROM feeds").fetchone()[0]
        conn.execute("PRAGMA user_version = 54")
    assert run("fetch") == 0, run.err
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT language FROM feeds").fetchall() == [("de",)]
        assert conn.execute("SELECT nlp_version FROM articles").fetchone()[0] != "rules-47"
    assert [q["speaker"] for q in shown(run)["quotes"]] == ["Nancy Faeser"]


def test_list_and_feeds_json_carry_the_language_as_show_does(fetched) -> None:
    """Closing r48: `list --json` and `feeds --json` had no `language` (only `show --json`)."""
    run = fetched(rss("pl"))
    [row] = run.json("list")
    assert row["language"] == "pl" == run.json("show", str(row["id"]))["language"]
    [feed] = run.json("feeds")
    assert feed["language"] == "pl"
    [found] = run.json("search", "Faeser")
    assert found["language"] == "pl"


def test_list_and_feeds_json_say_null_when_nothing_declares_one(fetched) -> None:
    run = fetched(rss(None))
    assert [row["language"] for row in run.json("list")] == [None]
    assert [feed["language"] for feed in run.json("feeds")] == [None]
