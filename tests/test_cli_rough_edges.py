"""The command line's rough edges (issue 13): help texts, --json errors, `list --all`, counted
nouns and output without trailing spaces."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys

import pytest
from test_cli import (  # noqa: F401  (fixtures shared with the CLI tests)
    Cli,
    cli,
    empty_config,
    fed,
    ids_by_title,
    no_user_paths,
)

from newstui.cli.main import main
from newstui.cli.parser import build_parser
from newstui.counts import counted, plural


def parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser of the command tree with the words that reach it."""
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += parsers(child, (*path, name))
    return found


def test_every_command_option_and_argument_has_a_help_text() -> None:
    missing = []
    for path, parser in parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                listed = {choice.dest for choice in action._choices_actions}
                missing += [f"{' '.join(path)} {n}" for n in action.choices if n not in listed]
                missing += [
                    f"{' '.join(path)} {c.dest}" for c in action._choices_actions if not c.help
                ]
            elif action.help is None or not str(action.help).strip():
                missing.append(f"{' '.join(path) or 'newstui'} {'/'.join(action.option_strings)}")
                missing[-1] += action.dest if not action.option_strings else ""
    assert missing == []


def test_the_help_walk_finds_a_missing_help_text() -> None:
    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    sub.choices["list"].add_argument("--oops")
    [(_, listing)] = [(p, q) for p, q in parsers(parser) if p == ("list",)]
    assert [a.dest for a in listing._actions if a.help is None] == ["oops"]


def test_app_has_no_json_option(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["app", "--json"])
    assert exited.value.code == 2
    error = json.loads(capsys.readouterr().out)  # asked for JSON, told so in JSON
    assert error["error"].startswith("newstui: --json is for a command's output, and the app has")


@pytest.mark.parametrize("words", [["--json"], ["--demo", "--json"], ["--json", "app"]])
def test_json_without_a_command_says_the_app_has_none_and_names_one_that_has(words, capsys):
    """`newstui --json` said only "unrecognized arguments: --json"."""
    with pytest.raises(SystemExit) as exited:
        main(words)
    assert exited.value.code == 2
    error = json.loads(capsys.readouterr().out)
    assert error["kind"] == "usage"
    assert "the app has none (try `newstui feeds --json`)" in error["error"]


def test_the_help_lists_json_before_a_command(capsys):
    """User test r42 L8: `newstui --json feeds` works, and `newstui --help` did not say so."""
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "[--json]" in capsys.readouterr().out


def usage_error(capsys, *words: str) -> str:
    """The one line a bad command line prints on stderr (exit status 2, nothing on stdout)."""
    with pytest.raises(SystemExit) as exited:
        main(list(words))
    out, err = capsys.readouterr()
    assert exited.value.code == 2 and out == ""
    assert err.count("\n") == 1, err
    return err.rstrip("\n")


def test_a_usage_error_is_one_line_naming_the_problem_and_the_help(capsys) -> None:
    """argparse printed the usage (2-3 lines) above its error."""
    assert usage_error(capsys, "list", "--limit", "x") == (
        "newstui list: argument --limit: not a whole number: 'x' (see `newstui list --help`)"
    )
    assert usage_error(capsys, "add") == (
        "newstui add: the following arguments are required: URL (see `newstui add --help`)"
    )
    assert usage_error(capsys, "--bogus") == (
        "newstui: unknown option '--bogus' (see `newstui --help`)"
    )


def test_an_unknown_option_is_named_with_the_command_that_refused_it(capsys) -> None:
    """The top parser reported a command's leftovers as `newstui: error: unrecognized …`."""
    assert usage_error(capsys, "fetch", "--nope") == (
        "newstui fetch: unknown option '--nope' (see `newstui fetch --help`)"
    )
    assert usage_error(capsys, "opml", "import", "a.opml", "b.opml").startswith(
        "newstui opml import: unrecognized arguments: b.opml"
    )


def test_an_unknown_option_is_named_with_the_commands_nearest_option(capsys) -> None:
    """User test r50 LOW-4: `mark 110 --starred` said only "unrecognized arguments: --starred"."""
    assert usage_error(capsys, "mark", "110", "--starred") == (
        "newstui mark: unknown option '--starred' (did you mean '--star'?) "
        "(see `newstui mark --help`)"
    )
    assert usage_error(capsys, "mark", "1", "--unred=yes").startswith(
        "newstui mark: unknown option '--unred=yes' (did you mean '--unread'?)"
    )
    assert usage_error(capsys, "list", "--feeds", "Inland").startswith(
        "newstui list: unrecognized arguments: --feeds Inland (did you mean '--feed'?)"
    )
    assert usage_error(capsys, "fetch", "--quiett").startswith(  # (a global option after it)
        "newstui fetch: unknown option '--quiett' (did you mean '--quiet'?)"
    )


def test_an_unknown_command_is_named_with_the_nearest_one(capsys) -> None:
    """argparse listed all nineteen commands after "invalid choice"."""
    assert usage_error(capsys, "fecth") == (
        "newstui: unknown command 'fecth' (did you mean 'fetch'?) (see `newstui --help`)"
    )
    assert usage_error(capsys, "zzzz") == "newstui: unknown command 'zzzz' (see `newstui --help`)"
    assert usage_error(capsys, "opml", "imprt").startswith(
        "newstui opml: unknown command 'imprt' (did you mean 'import'?)"
    )


def test_a_usage_error_from_a_shell_is_one_line_on_stderr(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newstui", "list", "--sort", "newest"],
        capture_output=True,
        text=True,
        env={**os.environ, "NEWSTUI_DB": str(tmp_path / "n.db"), "COLUMNS": "80"},
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("newstui list: argument --sort: invalid choice: 'newest'")
    assert done.stderr.count("\n") == 1


def test_json_typed_before_the_command_is_the_commands_json(fed) -> None:
    """`newstui --json feeds` said "unrecognized arguments: --json"."""
    code = main(["--json", "--db", str(fed.db), "--config", str(fed.config), "feeds"])
    fed.out, fed.err = fed.capsys.readouterr()
    assert code == 0, fed.err
    assert {f["name"] for f in json.loads(fed.out)} == {f["name"] for f in fed.json("feeds")}
    code = main(["--db", str(fed.db), "--json", "--config", str(fed.config), "search", "--", "x"])
    fed.out, fed.err = fed.capsys.readouterr()
    assert code == 0 and json.loads(fed.out) == []


# --json errors -----------------------------------------------------------------------------------


def json_error(run: Cli, *args: str, status: int = 1) -> dict[str, object]:
    """Run a command that fails with --json: one JSON object on stdout, nothing on stderr."""
    try:
        code = run(*args, "--json")
    except SystemExit as exited:  # argparse
        code = exited.code
        run.out, run.err = run.capsys.readouterr()
    assert code == status
    assert run.err == ""
    error = json.loads(run.out)
    assert set(error) >= {"error", "kind", "source"}
    assert "\n" not in str(error["error"])
    return error


def test_json_errors_are_one_object_on_stdout_with_the_usual_exit_status(fed) -> None:
    error = json_error(fed, "show", "99")
    assert error == {"error": "no article with id 99", "kind": "input", "source": None}
    assert json_error(fed, "mark", "99", "--read")["error"] == "no article with id 99"
    assert json_error(fed, "list", "--feed", "nope")["source"] == "nope"
    assert json_error(fed, "fetch", "Nope") == {
        "error": f"{fed.config}: no source named 'Nope' (see `newstui feeds`)",
        "kind": "input",
        "source": "Nope",
    }
    assert json_error(fed, "remove", "Nope")["source"] == "Nope"
    # a name that is no path anyone can resolve (hostile r44: RuntimeError from expanduser)
    assert json_error(fed, "remove", "~no-such-user-r44")["error"].endswith("(see `newstui feeds`)")
    assert json_error(fed, "search", "(flood")["error"] == "query '(flood': expected ')' at 7"
    assert json_error(fed, "sync")["error"].endswith("(see the README's Sync section)")


def test_a_json_usage_error_is_an_object_with_status_2(fed) -> None:
    error = json_error(fed, "list", "--limit", "0", status=2)
    assert error["kind"] == "usage"
    assert error["error"] == "newstui list: argument --limit: must be at least 1, not 0"
    assert json_error(fed, "quotes", "--since", "soon", status=2)["kind"] == "usage"


def test_without_json_an_error_stays_one_line_on_stderr(fed) -> None:
    assert fed("show", "99") == 1
    assert fed.out == "" and fed.err == "newstui: no article with id 99\n"


@pytest.mark.parametrize("command", ["fetch", "feeds"])
def test_a_bad_config_with_json_names_the_file(cli, command) -> None:
    cli.config.write_text("[[feeds]]\nname = 'x'\n", "utf-8")
    error = json_error(cli, command)
    assert error["kind"] == "config" and error["source"] == str(cli.config)
    assert "feed entry has no 'url'" in str(error["error"])


def test_a_database_that_cannot_be_used_with_json_names_the_file(cli, tmp_path) -> None:
    cli.db.write_text("not a database\n", "utf-8")
    error = json_error(cli, "list")
    assert error["kind"] == "database" and error["source"] == str(cli.db)
    cli.db = tmp_path / "no such folder" / "newstui.db"
    assert json_error(cli, "list")["source"] == str(cli.db)


def test_add_of_a_failing_feed_with_json_names_the_url(cli, feed_server) -> None:
    url = feed_server.url("/missing")
    error = json_error(cli, "add", url)
    assert error["kind"] == "source" and error["source"] == url
    assert "404" in str(error["error"]) and "not added to" in str(error["error"])
    assert json_error(cli, "add", "ftp://x")["source"] == "ftp://x"


def test_opml_errors_with_json(cli, tmp_path) -> None:
    missing = tmp_path / "missing.opml"
    error = json_error(cli, "opml", "import", str(missing))
    assert str(missing) in str(error["error"]) and error["source"] == str(missing)
    assert "needs a FILE" in str(json_error(cli, "opml", "export")["error"])


def test_a_sync_server_that_cannot_be_reached_is_named_in_the_json_error(cli, monkeypatch) -> None:
    monkeypatch.setenv("NEWSTUI_TEST_PASSWORD", "secret")
    url = "http://127.0.0.1:9/api/greader.php"  # the discard port: connection refused
    cli.config.write_text(
        f'[settings]\ntimeout = 5\n\n[sync]\nservice = "greader"\nurl = "{url}"\n'
        'user = "alice"\npassword_env = "NEWSTUI_TEST_PASSWORD"\n',
        "utf-8",
    )
    error = json_error(cli, "sync", "login")
    assert error["kind"] == "sync" and error["source"] == url


def test_fetch_of_a_feed_only_the_sync_server_lists_syncs_for_it(cli, db_path, monkeypatch) -> None:
    # user test r35 M4: "no source named 'No Links' (see `newstui feeds`)" while `feeds` lists it
    from newstui.library import Library
    from newstui.model import RemoteFeed

    monkeypatch.setenv("NEWSTUI_TEST_PASSWORD", "secret")
    url = "http://127.0.0.1:9/api/greader.php"  # the discard port: connection refused
    cli.config.write_text(
        f'[settings]\ntimeout = 5\n\n[sync]\nservice = "greader"\nurl = "{url}"\n'
        'user = "alice"\npassword_env = "NEWSTUI_TEST_PASSWORD"\n',
        "utf-8",
    )
    with Library.open(db_path) as library:
        remote = [RemoteFeed("feed/9", "No Links", "https://nolinks.example/rss")]
        library.sync.apply_subscriptions(remote, {})
    assert "No Links" in [f["name"] for f in cli.json("feeds")]

    status = cli("fetch", "No Links")

    assert "no source named" not in cli.err
    assert "0 of 1 source ok" in cli.out  # the sync it ran, which failed here:
    assert "127.0.0.1:9: unreachable" in cli.out + cli.err
    assert status == 1
    assert cli("fetch", "Nothing Such") == 1 and "no source named 'Nothing Such'" in cli.err


def test_opml_export_to_a_file_with_json_says_what_it_wrote(fed, tmp_path) -> None:
    target = tmp_path / "out.opml"
    assert fed.json("opml", "export", str(target)) == {"file": str(target), "feeds": 2}
    assert target.read_text("utf-8").startswith("<?xml")


# list --all --------------------------------------------------------------------------------------


def test_list_all_lists_past_the_default_limit(cli, tmp_path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(55):
        (folder / f"note{i:02}.txt").write_text(f"Note {i}\n\nBody {i}.", "utf-8")
    assert cli("import", str(folder)) == 0
    assert len(cli.json("list")) == 50
    assert len(cli.json("list", "--all")) == 55
    with pytest.raises(SystemExit) as exited:
        cli("list", "--all", "--limit", "3")
    assert exited.value.code == 2


def test_a_list_cut_at_its_limit_says_on_stderr_how_many_more_and_how_to_see_them(
    cli, tmp_path
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(55):
        (folder / f"note{i:02}.txt").write_text(f"Note {i}\n\nBody {i} of the harbour.", "utf-8")
    assert cli("import", str(folder)) == 0

    assert cli("list", "--unread") == 0
    assert len(cli.out.splitlines()) == 50
    assert cli.err == "newstui list: 50 of 55 articles shown; --limit 55 or --all shows them all\n"
    assert cli("search", "harbour") == 0
    assert len(cli.out.splitlines()) == 50
    assert (
        cli.err == "newstui search: 50 of 55 matching articles shown; --limit 55 shows them all\n"
    )
    # with --json too, stdout holding the JSON alone: a script can tell a cut list
    assert cli("list", "--json") == 0 and len(json.loads(cli.out)) == 50
    assert cli.err == "newstui list: 50 of 55 articles shown; --limit 55 or --all shows them all\n"
    # nothing more to say: all shown
    for args in (["list", "--limit", "55"], ["list", "--all", "--json"]):
        assert cli(*args) == 0 and cli.err == ""
    assert cli("search", "harbour", "--limit", "60") == 0 and cli.err == ""


# counts ------------------------------------------------------------------------------------------


def test_counted_nouns_agree_with_their_number() -> None:
    assert counted(1, "full text") == "1 full text"
    assert counted(0, "article") == "0 articles"
    assert counted(1200, "article") == "1,200 articles"
    assert counted(2, "match", "matches") == "2 matches"
    assert plural(1, "is", "are") == "is" and plural(3, "is", "are") == "are"


def test_summaries_count_in_the_singular_and_the_plural(cli, tmp_path) -> None:
    (tmp_path / "one.txt").write_text("One note\n\nIts body.", "utf-8")
    assert cli("import", str(tmp_path / "one.txt")) == 0
    assert cli.out.strip() == "1 of 1 source ok: 1 new article, 0 updated"
    [note] = ids_by_title(cli).values()
    assert cli("mark", str(note), "--read") == 0
    assert cli.out.strip() == "marked 1 article"


# no trailing spaces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["feeds"], ["show", "FIRST"], ["list"], ["entities"], ["quotes"], ["filters"]],
    ids=lambda c: c[0],
)
def test_text_output_has_no_trailing_spaces(fed, command) -> None:
    first = str(min(ids_by_title(fed).values()))
    fed.config.write_text(
        fed.config.read_text("utf-8") + '\n[[filters]]\nquery = "nothing-matches-this"\n', "utf-8"
    )
    assert fed(*[first if word == "FIRST" else word for word in command]) == 0
    lines = fed.out.splitlines()
    assert len(lines) > 1
    assert [line for line in lines if line != line.rstrip()] == []


def test_feeds_shows_todays_fetch_times_short_on_one_line_each(
    db_path, feed_server, config_file, capsys, monkeypatch
):
    from datetime import UTC, datetime

    from test_cli import Cli

    monkeypatch.setenv("COLUMNS", "80")
    feed_server.serve_file("/wire", "rss2.xml")
    run = Cli(db_path, config_file({"Wire": "/wire", "Gone Feed": "/gone"}), capsys)
    run("fetch")
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert run("feeds") == 0
    rows = {line.split()[0]: line for line in run.out.splitlines() if line.strip()}
    if today == datetime.now(UTC).strftime("%Y-%m-%d"):  # not across midnight (the tests': UTC)
        assert re.search(r" \d\d:\d\d ", rows["Gone"]) and re.search(r" \d\d:\d\d$", rows["Wire"])
        # no date, no seconds (":00 " alone would match a fetch at 12:00)
        assert today not in run.out and not re.search(r"\d\d:\d\d:\d\d", run.out)
    assert "HTTP 404" in rows["Gone"]


def test_quotes_of_an_organisation_are_found_under_each_name_it_goes_by(org_quotes_db, capsys):
    assert main(["--db", str(org_quotes_db), "quotes", "--speaker", "WHO", "--json"]) == 0
    quotes = json.loads(capsys.readouterr().out)
    assert sorted(q["speaker"] for q in quotes) == ["WHO", "World Health Organization"]


def test_an_output_encoding_without_a_titles_letters_gets_stand_ins_and_one_warning(cli, tmp_path):
    """`PYTHONIOENCODING=ascii newstui list | cat` with a title in another script: the rows,
    each character the encoding lacks as a stand-in as wide (user test r44 L1: only a line
    naming the encoding), one warning line on stderr, status 0 (and --json, written as ASCII,
    the whole answer)."""
    note = tmp_path / "café.txt"
    note.write_text("Café “crème” in Zürich — 東京 ☕\n\nA body.", "utf-8")
    assert cli("import", str(note)) == 0
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    env.pop("FORCE_COLOR", None)
    env.pop("TTY_COMPATIBLE", None)
    base = [sys.executable, "-m", "newstui", "--db", str(cli.db), "--config", str(cli.config)]

    for extra in ([], ["--limit", "1"]):
        done = subprocess.run(
            [*base, "list", *extra], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 0 and "Traceback" not in done.stderr
        assert done.stdout.split(maxsplit=2)[2] == 'cafe.txt  Cafe "creme" in Zurich - ???? ??\n'
        assert done.stderr == (
            "newstui: warning: the output's encoding (ascii) lacks 10 characters of the "
            "text, shown as ? or without their accents; PYTHONIOENCODING=utf-8 shows them\n"
        )

    # --json is written as ASCII there: the same data, \u escaped (user test r44 L1: it printed
    # only the encoding error, though JSON fits any encoding)
    done = subprocess.run(
        [*base, "list", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0 and done.stdout.isascii() and "\\u00e9" in done.stdout
    assert [row["title"] for row in json.loads(done.stdout)] == ["Café “crème” in Zürich — 東京 ☕"]
    assert done.stderr == ""


def test_a_folder_given_as_the_database_is_named_as_a_folder(cli, tmp_path) -> None:
    cli.db = tmp_path / "news"
    cli.db.mkdir()
    assert cli("list") == 1
    assert (
        cli.err
        == f"newstui: {cli.db}: is a folder, not a database file (e.g. {cli.db}/newstui.db)\n"
    )


def test_a_folder_given_as_the_config_is_named_as_a_folder(cli, tmp_path) -> None:
    cli.config = tmp_path / "conf"
    cli.config.mkdir()
    assert cli("fetch") == 1
    assert cli.err == (
        f"newstui: {cli.config}: is a folder, not a config file (e.g. {cli.config}/feeds.toml)\n"
    )


def test_a_config_that_is_not_utf8_text_says_so_in_one_line(cli, tmp_path) -> None:
    cli.config = tmp_path / "feeds.toml"
    cli.config.write_bytes(b"[settings]\ntimeout = 5 # caf\xe9\n")
    assert cli("fetch") == 1
    assert cli.err == (
        f"newstui: {cli.config}:2: not UTF-8 text (byte 0xe9); the config file is TOML in UTF-8\n"
    )


def test_feeds_shows_a_long_name_whole_however_narrow_the_table(
    db_path, feed_server, config_file, capsys
) -> None:
    # `fetch NAME` takes the name `feeds` shows: one without spaces (a URL) was cut with "…".
    name = "http://127.0.0.1/a-long-feed-name/without-any-spaces-in-it/feed.xml"
    feed_server.serve_file("/wire", "rss2.xml")
    run = Cli(db_path, config_file({name: "/wire", "Gone": "/gone"}), capsys)
    assert run("fetch") == 3
    assert run("feeds") == 0
    folded = "".join(line.split("  ")[0].strip() for line in run.out.splitlines()[1:])
    assert name in folded, run.out
    assert "…" not in run.out


@pytest.mark.parametrize("columns", [44, 72])
def test_quotes_fit_the_terminal_width_keeping_every_word_and_article_id(columns, tmp_path):
    """`quotes` printed each quote and its source line whole: longer than COLUMNS, the terminal
    broke them mid-word. The quote now wraps at words; the source line is cut, its id kept."""
    from rich.cells import cell_len

    def quotes(*more: str) -> str:
        env = {**os.environ, "COLUMNS": str(columns), "XDG_DATA_HOME": str(tmp_path)}
        env["TTY_COMPATIBLE"] = "1"  # rich's terminal (piped, a source line is not cut)
        argv = [sys.executable, "-m", "newstui", "--demo", "quotes", "--limit", "6", *more]
        done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
        return re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)  # (its styles)

    text = quotes()
    wanted = json.loads(quotes("--json"))
    assert max(cell_len(line) for line in text.splitlines()) <= columns
    blocks = text.strip("\n").split("\n\n")
    assert len(blocks) == len(wanted)
    for block, quote in zip(blocks, wanted, strict=True):
        *said, source = block.splitlines()
        assert " ".join(said) == f"“{quote['text']}”"
        speaker = quote["speaker"] or "unknown speaker"
        assert source.startswith(f"    — {speaker}"[: columns - 8])
        assert source.endswith(f" ({quote['article_id']})")
    assert any(len(block.splitlines()) > 2 for block in blocks)  # some quote was wrapped
    assert any("…" in block.splitlines()[-1] for block in blocks)  # some source line was cut


def test_the_opml_help_says_import_reads_newsboats_urls_file_and_export_the_servers_feeds(
    capsys,
) -> None:
    """`newstui --help` said only "import or export feeds as OPML 2.0"."""
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "newsboat's urls file" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["opml", "--help"])
    assert "only on the sync server" in " ".join(capsys.readouterr().out.split())


def test_help_names_what_add_and_sync_take(capsys) -> None:
    """`add --help` said URL is the feed's address (a page announcing it works too); `sync
    --help` showed its argument as `{login}`."""
    with pytest.raises(SystemExit):
        main(["add", "--help"])
    assert "a web page that announces its feed" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["sync", "--help"])
    text = capsys.readouterr().out
    assert "[ACTION]" in text and "{login}" not in text
    assert usage_error(capsys, "sync", "logout").startswith(
        "newstui sync: unknown command 'logout'"
    )
