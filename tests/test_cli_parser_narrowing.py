"""A command line is parsed by its own command's parser alone (building all twenty costs a
quick command ~25M instructions): it must read every command line exactly as the whole parser
does: the same values, the same errors, the same help."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from newstui.cli import parser as cli_parser

COMMAND_LINES = [
    [],
    ["--db", "x.db"],
    ["--demo"],
    ["app"],
    ["--db", "x.db", "--config", "c.toml", "app"],
    ["list"],
    ["list", "--limit", "1"],
    ["--db", "x.db", "list", "--limit", "1", "--json"],
    ["--db=x.db", "--config=c.toml", "list", "--unread", "--starred", "--sort", "title-reverse"],
    ["list", "--db", "y.db", "--feed", "Wire", "--tag", "news", "--query", "kremlin"],
    ["list", "--bogus"],
    ["list", "--limit", "0"],
    ["list", "--limit", "1", "--all"],
    ["list", "--help"],
    ["list", "--json", "--sort", "nonsense"],
    ["search", "a", "b", "--limit", "3"],
    ["search"],
    ["show", "3"],
    ["show", "x", "--json"],
    ["mark", "1", "2", "--read", "--star"],
    ["mark", "1", "--read", "--unread"],
    ["entities", "--type", "person", "--limit", "5"],
    ["quotes", "--speaker", "Ana Lopes", "--since", "2026-01-02"],
    ["feeds", "--json"],
    ["filters"],
    ["cleanup", "--dry-run"],
    ["fetch"],
    ["--config", "c.toml", "fetch", "--no-fulltext", "Wire", "Atom"],
    ["add", "https://x.example/feed", "--name", "X", "--tag", "a", "--tag", "b"],
    ["add"],
    ["add", "https://x.example/feed", "--name", "\u200d"],
    ["remove", "X", "--purge"],
    ["import", "a.txt", "b/", "--name", "N"],
    ["opml"],
    ["opml", "export", "out.opml", "--json"],
    ["opml", "import", "f.opml"],
    ["opml", "import", "--help"],
    ["download", "1", "2", "--enclosure", "2", "--later"],
    ["downloads", "--forget", "3", "4"],
    ["demo"],
    ["sync", "login", "--json"],
    ["sync", "logout"],
    ["--demo", "show", "3"],
    ["--db", "list"],  # a database named "list": then no command (the app)
    ["--db"],
    ["--", "list"],
    ["--de", "list"],  # an abbreviation: the whole parser reads it
    ["--help"],
    ["-h"],
    ["nosuch"],
    ["list", "--", "x"],
]


def parsed(argv: list[str], parser: argparse.ArgumentParser) -> tuple[object, str, str]:
    """What parsing `argv` with `parser` gives (values or exit status) and prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(argv))
        except SystemExit as exit:
            result = ("exit", exit.code)
    return result, out.getvalue(), err.getvalue()


def whole_parser(argv: list[str]) -> argparse.ArgumentParser:
    words = argv[: argv.index("--")] if "--" in argv else argv
    return cli_parser.build_parser(json_errors="--json" in words)


def commands_known(parser: argparse.ArgumentParser) -> set[str]:
    """The commands a parser knows: the choices of its command argument."""
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(commands.choices)


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=" ".join)
def test_a_command_line_reads_the_same_with_its_command_parser_alone(argv, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert parsed(argv, cli_parser.parser_for(argv)) == parsed(argv, whole_parser(argv))


@pytest.mark.parametrize(
    ("argv", "known"),
    [
        (["--db", "x.db", "list", "--limit", "1"], {"list"}),
        (["--db=x.db", "--demo", "show", "3"], {"show"}),
        ([], {"app"}),
        (["--help"], cli_parser.COMMANDS),
        (["--", "list"], cli_parser.COMMANDS),
    ],
)
def test_the_usual_command_lines_build_one_parser(argv, known):
    assert commands_known(cli_parser.parser_for(argv)) == known


def test_the_commands_known_are_the_parsers_commands():
    assert commands_known(cli_parser.build_parser()) == cli_parser.COMMANDS
