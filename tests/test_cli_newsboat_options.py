"""newsboat's command-line options get the newstui command that does the same, in one line
(user test r36 L9: `newstui -x reload`, every newsboat cron line, said "unknown command")."""

from __future__ import annotations

import json

import pytest

from newstui.cli.main import main


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["-x", "reload"], "newsboat's -x reload is `newstui fetch --quiet` in newstui"),
        (
            ["--db", "x.db", "--execute=reload"],
            "newsboat's --execute reload is `newstui fetch --quiet`",
        ),
        (["-x", "print-unread"], "newsboat's -x print-unread is `newstui unread` in newstui"),
        (["-i", "urls"], "newsboat's -i is `newstui opml import FILE` in newstui"),
        (["-e"], "newsboat's -e is `newstui opml export` in newstui"),
        (["-r"], "newsboat's -r is `newstui fetch` then `newstui` in newstui"),
        (["-x", "quit"], "-x quit is newsboat's option, not newstui's: see `newstui --help`"),
        (  # user test r41 L7: backticks around the command alone; -v was "unrecognized"
            ["-u", "urls"],
            "newsboat's -u is `newstui --config FILE` in newstui (FILE: a feeds.toml; `newstui "
            "opml import URLS-FILE` brings newsboat's urls file in)",
        ),
        (["-v"], "newsboat's -v is `newstui --version` in newstui"),
        # user test r48 L17: these said "unknown command '<path>'" or "unrecognized arguments"
        (["-C", "~/.newsboat/config"], "newsboat's -C is `newstui --config FILE` in newstui"),
        (["-c", "cache.db"], "`newstui opml import URLS-FILE --newsboat-cache CACHE`"),
        (["--export-to-opml2"], "newsboat's --export-to-opml2 is `newstui opml export`"),
        (["-X"], "newsboat's -X is `newstui cleanup` in newstui"),
        (["--cleanup"], "newsboat's --cleanup is `newstui cleanup` in newstui"),
        (["-E", "read.txt"], "newsboat's -E is `newstui backup FILE` in newstui"),
        (["-I", "read.txt"], "newsboat's -I has no equivalent in newstui: "),
        (["-l", "6"], "newsboat's -l has no equivalent in newstui"),
        (["-q"], "newsboat's -q has no equivalent in newstui: newstui starts quietly already"),
    ],
)
def test_a_newsboat_option_names_the_newstui_command_in_one_line(capsys, argv, said):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert not out and err.count("\n") == 1
    assert err.startswith("newstui: ") and said in err


def test_a_newsboat_option_with_json_is_a_usage_error_object(capsys):
    assert main(["--json", "-x", "reload"]) == 2
    error = json.loads(capsys.readouterr().out)
    assert error["kind"] == "usage" and "`newstui fetch --quiet`" in error["error"]


def test_newstuis_own_unknown_command_is_said_as_before(capsys):
    with pytest.raises(SystemExit):
        main(["reload"])
    assert "unknown command 'reload'" in capsys.readouterr().err
