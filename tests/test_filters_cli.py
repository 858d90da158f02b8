"""Filters end to end through the command line: hide or mark read on arrival, counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.library import Library

NOTES = {
    "a.md": "# Sponsored: the best cruise deals\n\nBook now and save.\n",
    "b.md": "# Council agrees the harbour plan\n\nThe council met on Tuesday.\n",
    "c.md": "# Harbour cruise ships return\n\nThe first ships came back.\n",
}


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, text in NOTES.items():
        (folder / name).write_text(text, "utf-8")
    config = tmp_path / "feeds.toml"
    config.write_text(
        f"""# filters keep the noise out
[settings]
fulltext = false

[[local]]
name = "Notes"
path = "{folder}"

[[filters]]
query = 'title:"sponsored"'
action = "hide"

[[filters]]
name = "council business"
query = "council"
action = "read"
""",
        "utf-8",
    )
    db = tmp_path / "news.db"
    Library.open(db).close()

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db), "--config", str(config), *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    call.config = config  # type: ignore[attr-defined]
    return call


def listed(run, *args: str) -> dict[str, bool]:
    code, out, err = run("list", "--json", *args)
    assert code == 0, err
    return {a["title"]: a["read"] for a in json.loads(out)}


def test_filters_hide_and_mark_read_on_arrival_and_count_their_matches(run):
    code, out, err = run("fetch")
    assert code == 0, err
    assert 'filter title:"sponsored": hid 1' in out
    assert "filter council business: marked read 1" in out
    assert listed(run) == {
        "Council agrees the harbour plan": True,
        "Harbour cruise ships return": False,
    }
    # Hidden articles are kept but found nowhere else, not even by search.
    code, out, _ = run("search", "--json", "cruise")
    assert [a["title"] for a in json.loads(out)] == ["Harbour cruise ships return"]
    code, out, _ = run("filters", "--json")
    assert code == 0
    counts = {f["name"]: (f["action"], f["matched"]) for f in json.loads(out)}
    assert counts == {'title:"sponsored"': ("hide", 1), "council business": ("read", 1)}
    # A second fetch brings nothing new: nothing is counted twice.
    run("fetch")
    code, out, _ = run("filters", "--json")
    assert [f["matched"] for f in json.loads(out)] == [1, 1]


def test_a_hide_filter_taken_out_of_the_config_shows_its_articles_again(run):
    """As newsboat shows what an ignore rule it no longer has ignored: hiding was for good."""
    config: Path = run.config  # type: ignore[attr-defined]
    original = config.read_text("utf-8")
    config.write_text(original.replace('title:"sponsored"', "cruise"), "utf-8")
    assert run("fetch")[0] == 0
    assert list(listed(run)) == ["Council agrees the harbour plan"]
    # The query edited: what the new one still matches stays hidden, the rest comes back.
    config.write_text(original, "utf-8")
    code, out, err = run("filters")
    assert code == 0, err
    assert "1 article hidden" in out
    assert listed(run) == {
        "Council agrees the harbour plan": True,
        "Harbour cruise ships return": False,
    }
    # Every hide filter gone: nothing stays hidden; the read mark of a read filter stays.
    config.write_text(original.split("[[filters]]")[0], "utf-8")
    assert run("fetch")[0] == 0
    assert listed(run) == {
        "Sponsored: the best cruise deals": False,
        "Council agrees the harbour plan": True,
        "Harbour cruise ships return": False,
    }
    # Put back, a filter runs over what is stored again.
    config.write_text(original, "utf-8")
    code, out, _ = run("filters", "--json")
    assert [f["matched"] for f in json.loads(out)] == [1, 1]
    assert "Sponsored: the best cruise deals" not in listed(run)


def test_a_filter_query_that_does_not_parse_is_one_warning_and_every_command_runs(run):
    """It stopped every command with status 1 (an old filter broken by a newer query language:
    `title:--x`, an em dash, `person:"X*"`), as a broken saved view no longer does."""
    config: Path = run.config  # type: ignore[attr-defined]
    config.write_text(
        config.read_text("utf-8") + '\n[[filters]]\nname = "old"\nquery = "title:--flood"\n',
        "utf-8",
    )
    lines = config.read_text("utf-8").splitlines()
    line = len(lines)  # its `query = …` line
    warning = (
        f"warning: {config}:{line}: filter 'old': query 'title:--flood': 'title:--flood': "
        "one - leaves a word out (-title:flood or NOT title:flood) at 1; the filter is off until "
        "its query is fixed, and what it hid stays hidden\n"
    )
    for command in (["fetch"], ["filters"], ["list"], ["feeds"]):
        code, _out, err = run(*command)
        assert (code, err) == (0, warning), command
    code, out, _err = run("filters", "--json")
    assert [(f["name"], f["broken"]) for f in json.loads(out)] == [
        ('title:"sponsored"', False),
        ("council business", False),
        ("old", True),
    ]
    code, out, _err = run("filters")
    assert "old · broken query" in out


def test_a_broken_hide_filter_keeps_what_it_hid_until_it_is_fixed_or_removed(run):
    """Taken as removed, the filter's hidden articles would all come back at the next fetch."""
    config: Path = run.config  # type: ignore[attr-defined]
    original = config.read_text("utf-8")
    config.write_text(original.replace('title:"sponsored"', "cruise"), "utf-8")
    assert run("fetch")[0] == 0
    assert list(listed(run)) == ["Council agrees the harbour plan"]
    for broken in ("—cruise", "title:--cruise", 'person:"Cru*"', "(cruise OR"):
        config.write_text(original.replace("'title:\"sponsored\"'", repr(broken)), "utf-8")
        for command in ("fetch", "filters"):
            code, _out, err = run(command)
            assert code == 0 and "the filter is off" in err, (broken, err)
            assert list(listed(run)) == ["Council agrees the harbour plan"], broken
    # Fixed: it runs again, and what it does not match comes back.
    config.write_text(original, "utf-8")
    assert run("filters")[0] == 0
    assert listed(run) == {
        "Council agrees the harbour plan": True,
        "Harbour cruise ships return": False,
    }
    # Broken, then removed: what it hid comes back.
    config.write_text(original.replace('title:"sponsored"', "title:--sponsored"), "utf-8")
    assert run("fetch")[0] == 0
    assert "Sponsored: the best cruise deals" not in listed(run)
    config.write_text(original.split("[[filters]]")[0], "utf-8")
    assert run("fetch")[0] == 0
    assert "Sponsored: the best cruise deals" in listed(run)


def test_a_bad_filter_action_is_refused(run):
    config: Path = run.config  # type: ignore[attr-defined]
    config.write_text(
        config.read_text("utf-8") + '\n[[filters]]\nquery = "x"\naction = "delete"\n', "utf-8"
    )
    code, _, err = run("filters")
    assert code == 1
    assert 'filter action must be "hide" or "read"' in err


def test_quotes_since_keeps_quotes_from_articles_dated_on_or_after(tmp_path, capsys):
    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "a.md").write_text(
        "# Mayor on the bridge\n\n“We will build the bridge this year,” Mayor Anna Lind said.\n",
        "utf-8",
    )
    db = str(tmp_path / "q.db")
    assert main(["--db", db, "import", str(folder)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "quotes", "--speaker", "Lind", "--since", "7d", "--json"]) == 0
    quotes = json.loads(capsys.readouterr().out)
    # the sentence's comma inside the marks is left out of the text shown (r53 quotestory)
    assert [q["text"] for q in quotes] == ["We will build the bridge this year"]
    # The file gives no date: "date" is null (not the import time); --since counts it from
    # when it was first seen, as age: does.
    assert quotes[0]["date"] is None and quotes[0]["feed"] == "speeches"
    assert main(["--db", db, "quotes", "--speaker", "Lind", "--since", "2999-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    with pytest.raises(SystemExit) as exited:
        main(["--db", db, "quotes", "--since", "yesterday"])
    assert exited.value.code == 2
    assert "not a date (YYYY-MM-DD) or an age like 7d" in capsys.readouterr().err


def test_list_hidden_shows_what_filters_hid_and_an_empty_list_says_they_are_there(run):
    config: Path = run.config  # type: ignore[attr-defined]
    config.write_text(config.read_text("utf-8").replace('title:"sponsored"', "cruise"), "utf-8")
    assert run("fetch")[0] == 0
    hidden = listed(run, "--hidden")
    assert set(hidden) == {"Sponsored: the best cruise deals", "Harbour cruise ships return"}
    code, out, err = run("list", "--query", "cruise")
    assert (code, out) == (0, "")
    assert err == (
        "newstui list: no articles (2 articles hidden by filters: `list --hidden` shows them)\n"
    )
    assert listed(run, "--query", "cruise") == {}  # --json: the list alone, as before


def test_search_with_only_hidden_matches_says_filters_hid_them_as_list_does(run):
    config: Path = run.config  # type: ignore[attr-defined]
    config.write_text(config.read_text("utf-8").replace('title:"sponsored"', "cruise"), "utf-8")
    assert run("fetch")[0] == 0

    code, out, err = run("search", "cruise")

    assert (code, out) == (0, "")
    assert err == (
        "newstui search: no matches (2 matching articles hidden by filters:"
        " `list --hidden --query QUERY` shows them)\n"
    )
    assert run("search", "nothing-like-this")[1:] == ("", "newstui search: no matches\n")
    code, out, _ = run("search", "cruise", "--json")
    assert (code, json.loads(out)) == (0, [])  # --json: the list alone, as `list --json`


def test_filters_show_their_last_match_as_feeds_shows_its_times(run):
    """`filters` showed "2026-12-03 11:52:42" (seconds) beside `feeds`' "11:52"."""
    import re
    from datetime import UTC, datetime

    code, _, err = run("fetch")
    assert code == 0, err
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    code, out, _ = run("filters")
    assert code == 0
    [sponsored] = [line for line in out.splitlines() if "sponsored" in line]
    if today == datetime.now(UTC).strftime("%Y-%m-%d"):  # not across midnight UTC
        assert re.search(r" \d\d:\d\d$", sponsored), sponsored
    assert not re.search(r"\d\d:\d\d:\d\d", out)


def _rss(items: dict[str, str]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><guid>{title}</guid><description>{text}</description></item>"
        for title, text in items.items()
    )
    return f'<rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'.encode()


def test_a_filter_checks_again_an_entry_whose_text_a_fetch_updated(
    tmp_path, capsys, monkeypatch, feed_server, config_file
):
    """Filters ran once an article: an entry updated to matching text stayed shown, and one
    updated away from the text a hide filter matched stayed hidden (r33 closing, left)."""
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    feed = feed_server.route(
        "/wire.xml",
        body=_rss({"Harbour": "The harbour reopened.", "Ferry": "Cruise deals inside."}),
        headers={"Content-Type": "application/rss+xml"},
    )
    config = config_file({"Wire": "/wire.xml"})
    with config.open("a", encoding="utf-8") as out:
        out.write('\n[[filters]]\nquery = "cruise"\naction = "hide"\n')
    db = tmp_path / "news.db"

    def shown() -> list[str]:
        capsys.readouterr()
        assert main(["--db", str(db), "--config", str(config), "list", "--json"]) == 0
        return sorted(a["title"] for a in json.loads(capsys.readouterr().out))

    assert main(["--db", str(db), "--config", str(config), "fetch"]) == 0
    assert shown() == ["Harbour"]
    feed.body = _rss({"Harbour": "Cruise ships are back.", "Ferry": "The ferry timetable."})
    assert main(["--db", str(db), "--config", str(config), "fetch"]) == 0
    assert shown() == ["Ferry"]


def test_a_read_filter_never_marks_read_again_an_updated_entry_marked_unread(
    tmp_path, capsys, monkeypatch, feed_server, config_file
):
    """Review r34 R1: a read filter marked read again, whenever its entry was updated, an
    article the user had marked unread (and counted it twice)."""
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    feed = feed_server.route(
        "/wire.xml",
        body=_rss({"Sport": "The match ended in a draw."}),
        headers={"Content-Type": "application/rss+xml"},
    )
    config = config_file({"Wire": "/wire.xml"})
    with config.open("a", encoding="utf-8") as out:
        out.write('\n[[filters]]\nquery = "title:sport"\naction = "read"\n')
    db = tmp_path / "news.db"

    def cli(*argv: str) -> str:
        capsys.readouterr()
        assert main(["--db", str(db), "--config", str(config), *argv]) == 0
        return capsys.readouterr().out

    cli("fetch")
    [article] = json.loads(cli("list", "--all", "--json"))
    assert article["read"] is True
    cli("mark", str(article["id"]), "--unread")
    feed.body = _rss({"Sport": "The match ended in a draw after extra time."})
    cli("fetch")

    assert json.loads(cli("list", "--all", "--json"))[0]["read"] is False
    [counted] = json.loads(cli("filters", "--json"))
    assert counted["matched"] == 1
