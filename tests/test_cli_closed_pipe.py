"""A command whose reader has gone (`newstui feeds | head -1`) ends quietly with status 0, like
any command line tool in a pipe: no traceback, no "Exception ignored" line, whichever way the
command writes (rich tables, plain lines, JSON)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newstui.demo import build_demo_db


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "demo.db"
    build_demo_db(path, fresh=True)
    return path


CUT_ENTITIES = (
    r"newstui entities: 100 of [\d,]+ entities shown; --limit [\d,]+ or --all shows them all\n"
)

READING_COMMANDS = [
    ["feeds"],
    ["list"],
    ["search", "president"],
    ["show", "1"],
    ["entities"],
    ["quotes"],
    ["downloads"],
]


def into_closed_pipe(*argv: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `newstui ARGV` with standard output a pipe whose reading end is already closed (what
    `head -1` leaves once it has read its line)."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        return subprocess.run(
            [sys.executable, "-m", "newstui", *argv],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writing)


@pytest.mark.parametrize("json_output", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda words: words[0])
def test_a_command_piped_into_a_reader_that_has_gone_exits_0_quietly(
    demo_db, tmp_path, command, json_output
):
    """`feeds`, `show`, `entities` and `quotes` exited 1 (rich ended the program itself) where
    `list` exited 0."""
    env = {**os.environ, "COLUMNS": "100", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("NEWSTUI_CONFIG", None)
    argv = ["--db", str(demo_db), *command, *(["--json"] if json_output else [])]
    done = into_closed_pipe(*argv, env=env)
    # (the demo has no downloads: that listing says so on stderr, its stdout stays empty)
    empty = "newstui downloads: no downloads (`newstui download ID` queues an article's enclosures)"
    said = f"{empty}\n" if command == ["downloads"] and not json_output else ""
    if command == ["entities"]:  # (the demo has more than 100 entities; --json says so too)
        said = re.fullmatch(CUT_ENTITIES, done.stderr) and done.stderr
    assert (done.returncode, done.stderr) == (0, said)
