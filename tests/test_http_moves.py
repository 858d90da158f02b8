"""A feed moved for good (HTTP 301/308) is said once with its new address; one gone for good
(HTTP 410) says to remove it (user test r35 L1, L2)."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from test_cli import Cli, cli, empty_config, no_user_paths  # noqa: F401


def test_a_feed_moved_permanently_is_said_once_with_its_new_address(
    db_path, feed_server, config_file, capsys
):
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    run = Cli(db_path, config_file({"Wire": "/old"}), capsys)

    assert run("fetch") == 0
    assert (  # (its url named as the config writes it: user test r44 L4)
        f"warning: Wire: moved permanently to {feed_server.url('/new')}: change its url in "
        f'feeds.toml (url = "{feed_server.url("/old")}") to that address'
    ) in run.err
    assert run("fetch") == 0 and "moved" not in run.err  # said once


def test_the_move_names_the_config_file_read(db_path, feed_server, config_file, capsys):
    """`--config chk.toml`: the warning said to change feeds.toml (user test r38 L4)."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    path = config_file({"Wire": "/old"})
    path = path.rename(path.with_name("chk.toml"))
    run = Cli(db_path, path, capsys)

    assert run("fetch") == 0
    assert f'change its url in chk.toml (url = "{feed_server.url("/old")}") to that' in run.err
    assert "feeds.toml" not in run.err + run.out


def test_a_move_to_an_address_the_config_lists_says_to_remove_the_entry(
    db_path, feed_server, config_file, capsys
):
    """Following "change its url" there made every command refuse the config: the url was
    listed twice (user test r47 M2)."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    run = Cli(db_path, config_file({"One": "/new", "Old One": "/old"}), capsys)

    assert run("fetch") == 0
    said = f"moved permanently to {feed_server.url('/new')}, which feeds.toml lists as 'One': "
    assert f"warning: Old One: {said}remove this entry" in run.err
    assert run("feeds") == 0 and f"Old One: {said}remove this entry" in run.out + run.err


def test_a_temporary_redirect_is_not_a_move(db_path, feed_server, config_file, capsys):
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=308, headers={"Location": "/mid"})
    feed_server.route("/mid", status=302, headers={"Location": "/new"})
    run = Cli(db_path, config_file({"Wire": "/old"}), capsys)

    assert run("fetch") == 0
    assert f"moved permanently to {feed_server.url('/mid')}:" in run.err  # the 308's address
    feed_server.route("/old", status=302, headers={"Location": "/new"})
    feed_server.route("/mid", status=302, headers={"Location": "/new"})
    run = Cli(db_path, config_file({"Lab": "/mid"}), capsys)
    assert run("fetch") == 0 and "moved" not in run.err


def test_a_feed_gone_for_good_says_to_remove_it(db_path, feed_server, config_file, capsys):
    feed_server.route("/dead", status=410)
    run = Cli(db_path, config_file({"Dying Feed": "/dead"}), capsys)

    assert run("fetch") == 1
    assert (
        "Dying Feed: HTTP 410 Gone, gone for good — remove it with D in Sources or "
        "`newstui remove 'Dying Feed'`"
    ) in run.err
    assert "gone for good" in run.json("feeds")[0]["last_error"]


ADD_FAILURES = [  # (status, Retry-After, what the line says between the URL and "(not added")
    (410, None, "HTTP 410 Gone: the publisher has taken this feed down for good"),
    (
        429,
        "3600",
        r"HTTP 429 Too Many Requests; the server asks to wait until (?:\w{3} )?\d\d:\d\d",  # local
    ),
    (503, None, "HTTP 503 Service Unavailable"),
    (  # r45 L3: a week is newstui's cap, not the server's ask (40 digits were ignored)
        429,
        "9" * 40,
        r"HTTP 429 Too Many Requests; the server asks to wait longer: newstui waits at most 7 "
        r"days, until \d{4}-\d\d-\d\d \d\d:\d\d",  # (local; a week away: with its date)
    ),
]


@pytest.mark.parametrize(("status", "retry_after", "said"), ADD_FAILURES)
def test_add_of_a_feed_that_fails_says_why_in_one_line_without_advice_to_remove_it(
    cli, feed_server, status, retry_after, said
):
    """User test r44 M2: it said to remove, with a command that fails, a feed it never added
    (410); a 429's wait ended "(Retry-After) (not added to …)", two brackets in a row (r44)."""
    headers = {"Retry-After": retry_after} if retry_after else {}
    feed_server.route("/feed", status=status, headers=headers)

    assert cli("add", feed_server.url("/feed")) == 1

    [line] = cli.err.splitlines()
    url, config = re.escape(feed_server.url("/feed")), re.escape(str(cli.config))
    assert re.fullmatch(f"newstui: {url}: {said} \\(not added to {config}\\)", line), line
    assert "remove" not in cli.err


def test_the_apps_refresh_line_says_a_gone_feed_is_gone_for_good():
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    gone = "Dying Feed: HTTP 410 Gone, gone for good — remove it with D in Sources or `newstui …`"
    line = refresh_summary([SourceOutcome("Wire", new=1), SourceOutcome("Dying Feed", error=gone)])
    assert line.startswith("Refreshed 1 of 2 sources: 1 new article; 1 failed (HTTP 410 Gone, gone")


def test_a_move_a_newstui_before_followed_silently_is_said_at_the_next_fetch(
    db_path, feed_server, config_file, capsys
):
    import sqlite3

    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    run = Cli(db_path, config_file({"Wire": "/old"}), capsys)
    assert run("fetch") == 0 and "moved permanently" in run.err
    with sqlite3.connect(db_path) as db:  # as an older newstui left it: the final answer's 200
        db.execute("UPDATE feeds SET last_status = 200")

    assert run("fetch") == 0 and "moved permanently" in run.err
    assert run("fetch") == 0 and "moved permanently" not in run.err


def test_the_apps_refresh_line_says_a_move_once_with_the_new_address():
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    moved = SourceOutcome(
        "Wire", new=1, moved_to="https://new.example/rss", moved_from="https://old.example/rss"
    )
    assert refresh_summary([moved, SourceOutcome("Lab")]) == (
        "Refreshed 2 sources: 1 new article; Wire moved permanently to https://new.example/rss: "
        'change its url in the config (url = "https://old.example/rss") to that address, or '
        "press M on it in Sources to follow it"
    )
    # the user's own key is the one named (user test r50 MED-2: the key went unnamed)
    assert refresh_summary([moved], follow_key="F").endswith(
        "or press F on it in Sources to follow it"
    )
    # many: counted after the counts, not a clause each (user test r47 H2: 20 of them made
    # the notification taller than the screen, its counts cut off)
    many = [replace(moved, name=f"Wire {n}") for n in range(20)]
    assert refresh_summary([*many, SourceOutcome("Lab")]) == (
        "Refreshed 21 sources: 20 new articles; 20 feeds moved permanently: Sources marks them "
        "· moved (M on one follows it), `newstui feeds --update-moved` follows them all"
    )


def test_a_moved_feeds_password_is_hidden_in_the_apps_refresh_line(db, feed_server, tmp_path):
    """Review r35 F1: the app's line showed the raw redirect target, password and all."""
    import asyncio

    from newstui.config import load_config
    from newstui.ingest.pipeline import fetch_feeds
    from newstui.library import Library
    from newstui.tui.refresh import refresh_summary

    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    url = feed_server.url("/old").replace("http://", "http://ann:s3cret@")
    path = tmp_path / "feeds.toml"
    path.write_text(f'[settings]\nfulltext = false\n[[feeds]]\nname = "Wire"\nurl = "{url}"\n')
    outcomes = asyncio.run(fetch_feeds(Library(db), load_config(path)))

    line = refresh_summary(outcomes)
    assert "moved permanently to http://ann:***@" in line and "s3cret" not in line
    assert '(url = "http://ann:***@' in line
    assert "s3cret" not in (outcomes[0].warning or "") and outcomes[0].warning


def test_add_of_a_feed_moved_for_good_writes_its_new_address_and_says_so(cli, feed_server):
    """r35 closing, left: `add` of a URL answering 301 wrote the old address to feeds.toml, and
    said to change it there."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})

    assert cli("add", feed_server.url("/old")) == 0

    new = feed_server.url("/new")
    assert f"moved permanently to {new}: added at that address" in cli.err
    assert "change its url" not in cli.err
    written = cli.config.read_text("utf-8")
    assert f'url = "{new}"' in written and feed_server.url("/old") not in written
    [feed] = cli.json("feeds")
    assert (feed["url"], feed["articles"]) == (new, 3)
    assert cli("fetch") == 0 and "moved" not in cli.err
    assert cli.json("feeds")[0]["articles"] == 3  # (the same articles, none stored again)


def test_add_of_a_feed_moved_and_then_redirected_for_now_keeps_the_address_given(cli, feed_server):
    """A permanent move to an address that redirects only for now (302): the feed's own
    address is not known, so the one given is written and the move said as at a fetch."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=308, headers={"Location": "/mid"})
    feed_server.route("/mid", status=302, headers={"Location": "/new"})

    assert cli("add", feed_server.url("/old")) == 0

    assert f"moved permanently to {feed_server.url('/mid')}: change its url" in cli.err
    assert f'url = "{feed_server.url("/old")}"' in cli.config.read_text("utf-8")


def test_a_moved_feed_is_a_note_in_feeds_until_the_config_names_its_new_address(
    db_path, feed_server, config_file, capsys
):
    """r35 user test L-b: the move was said once (a toast, a stderr line) and nowhere after,
    while each fetch still cost a redirect."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    run = Cli(db_path, config_file({"Wire": "/old"}), capsys)
    note = (
        f"Wire: moved permanently to {feed_server.url('/new')}: change its url in feeds.toml "
        f'(url = "{feed_server.url("/old")}") to that address, or run '
        "`newstui feeds --update-moved`"  # (user test r50 MED-2: the command went unnamed)
    )
    assert run("fetch") == 0 and run("fetch") == 0  # said at the first, silent at the second

    assert run("feeds") == 0 and note in run.out.splitlines()
    assert [r["moved_to"] for r in run.json("feeds")] == [feed_server.url("/new")]
    run = Cli(db_path, config_file({"Wire": "/new"}), capsys)  # the user changed the url
    assert run("fetch") == 0
    assert run("feeds") == 0 and "moved" not in run.out
    assert [r["moved_to"] for r in run.json("feeds")] == [None]


def test_a_feed_that_moves_again_is_said_again(db_path, feed_server, config_file, capsys):
    """Review r35 F1 rest: only the 301 was remembered, so a second move was never said."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.serve_file("/newer", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    run = Cli(db_path, config_file({"Wire": "/old"}), capsys)
    assert run("fetch") == 0 and f"moved permanently to {feed_server.url('/new')}:" in run.err

    feed_server.route("/old", status=301, headers={"Location": "/newer"})
    assert run("fetch") == 0 and f"moved permanently to {feed_server.url('/newer')}:" in run.err
    assert run("fetch") == 0 and "moved" not in run.err


def test_a_move_is_not_said_again_after_a_failed_fetch(db_path, feed_server, config_file, capsys):
    """Review r35 F1 rest: a failure emptied what the last fetch left, the 301 with it."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    run = Cli(db_path, config_file({"Wire": "/old"}), capsys)
    assert run("fetch") == 0 and "moved permanently" in run.err
    feed_server.route("/old", status=503)
    assert run("fetch", "Wire") != 0

    feed_server.route("/old", status=301, headers={"Location": "/new"})
    assert run("fetch", "Wire") == 0 and "moved" not in run.err
    assert run("feeds") == 0 and "Wire: moved permanently to" in run.out


def test_add_again_of_a_held_feed_moved_before_writes_its_new_address(
    db_path, feed_server, config_file, capsys
):
    """Review r36 F1: a source the store held (removed, its starred article kept) whose last
    fetch followed the same 301: `add` of its old address wrote that address, silently (the
    trial fetch did not say the move again: its cache had read the feed there already)."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    config = config_file({"Wire": "/old"})
    run = Cli(db_path, config, capsys)
    assert run("fetch") == 0
    assert run("mark", "--star", "1") == 0
    assert run("remove", "Wire") == 0

    assert run("add", feed_server.url("/old")) == 0

    new = feed_server.url("/new")
    assert f"moved permanently to {new}: added at that address" in run.err
    written = config.read_text("utf-8")
    assert f'url = "{new}"' in written and feed_server.url("/old") not in written
