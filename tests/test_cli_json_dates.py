"""`--json` tells a date its source gave without a time from a real midnight UTC: both are
stored as `…T00:00:00+00:00`, and `published` alone could not say which (schema 53 keeps it)."""

from __future__ import annotations

from test_cli import Cli, no_user_paths  # noqa: F401

from tests.test_fetch import rss

QUOTE = "&quot;We will rebuild the pier by spring,&quot; Mayor Jane Doe said on Monday."
DATES = {
    "Day only": "<pubDate>Mon, 02 Nov 2026</pubDate>",
    "Real midnight": "<pubDate>Mon, 02 Nov 2026 00:00:00 GMT</pubDate>",
    "Morning": "<pubDate>Mon, 02 Nov 2026 09:30:00 GMT</pubDate>",
    "Undated": "",
}


def test_json_says_which_dates_came_without_a_time(db_path, feed_server, config_file, capsys):
    entries = [
        f"<title>{title}</title><guid>{n}</guid>{date}<description>{QUOTE} ({title})</description>"
        for n, (title, date) in enumerate(DATES.items())
    ]
    feed_server.route("/pier", body=rss(entries, "Pier News"))
    run = Cli(db_path, config_file({"Pier": "/pier"}), capsys)
    assert run("fetch") == 0, run.err

    listed = {a["title"]: (a["published"], a["date_only"]) for a in run.json("list")}
    found = {a["title"]: a["date_only"] for a in run.json("search", "pier")}
    shown = {
        title: run.json("show", str(a["id"]))["date_only"]
        for title, a in ((a["title"], a) for a in run.json("list"))
    }
    quoted = {q["article"]: (q["date"], q["date_only"]) for q in run.json("quotes")}

    midnight = "2026-11-02T00:00:00+00:00"
    assert listed == {
        "Day only": (midnight, True),
        "Real midnight": (midnight, False),  # the same `published`, as before
        "Morning": ("2026-11-02T09:30:00+00:00", False),
        "Undated": (None, False),
    }
    expected = {title: date_only for title, (_, date_only) in listed.items()}
    assert found == shown == expected
    assert quoted == listed
