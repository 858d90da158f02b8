"""`newstui show` wraps an article's lines as the reader does (review r51 MED-3): a list item's
wrapped lines under its words, a quote's after its marks and a too-wide table row's two columns
in, on a terminal (its width) and into a pipe (COLUMNS's width, `COLUMNS=$COLUMNS newstui show
ID | less`, else 80)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ITEM = "A list item whose words go on long enough to wrap at sixty columns for sure, yes"
NESTED = "A nested item whose words go on long enough to wrap at sixty columns too"
ROW = ("Alice Football Club of the North", "71", "Champions after a very long and dramatic run")
QUOTED = "We ship on Friday whatever the weather and whatever the board says about it"
HTML = (
    f"<ul><li>{ITEM}<ul><li>{NESTED}</li></ul></li></ul>"
    f"<table><tr><td>{ROW[0]}</td><td>{ROW[1]}</td><td>{ROW[2]}</td></tr>"
    "<tr><td>Bob</td><td>3</td><td>Out</td></tr></table>"
    f"<blockquote><p>{QUOTED}</p></blockquote><p>After the quote.</p>"
)
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lists</title><id>urn:lists</id>
<updated>2026-12-01T10:00:00Z</updated>
<entry><title>Items</title><id>urn:lists:1</id><updated>2026-12-01T10:00:00Z</updated>
<content type="html">{HTML.replace("&", "&amp;").replace("<", "&lt;")}</content></entry></feed>
"""


@pytest.fixture
def run(tmp_path: Path):
    feed = tmp_path / "lists.xml"
    feed.write_text(FEED, "utf-8")
    config = tmp_path / "feeds.toml"
    config.write_text("", "utf-8")
    argv = [
        sys.executable,
        "-m",
        "newstui",
        "--db",
        str(tmp_path / "n.db"),
        "--config",
        str(config),
    ]
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR")}

    def newstui(*args: str, **env: str) -> str:
        done = subprocess.run(
            [*argv, *args],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            env={**base, "TTY_COMPATIBLE": "0", **env},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr.decode()[-500:]
        return re.sub(r"\x1b\[[0-9;]*m", "", done.stdout.decode("utf-8"))  # (styles)

    newstui("import", str(feed))
    [row] = json.loads(newstui("list", "--json"))
    return lambda **env: newstui("show", str(row["id"]), **env).splitlines()


def body_lines(lines: list[str]) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.startswith("• A list item"))
    return lines[start : next(i for i, line in enumerate(lines) if line == "After the quote.")]


@pytest.mark.parametrize(
    "env", [{"TTY_COMPATIBLE": "1", "COLUMNS": "60"}, {"COLUMNS": "60"}], ids=["terminal", "pipe"]
)
def test_show_hangs_wrapped_items_rows_and_quote_lines_as_the_reader_does(run, env):
    lines = body_lines(run(**env))
    assert max(len(line) for line in lines) <= 60, lines
    item = lines.index(next(line for line in lines if line.startswith("• A list")))
    assert lines[item + 1].startswith("  ") and lines[item + 1].strip() in ITEM
    nested = lines.index(next(line for line in lines if line.startswith("  ◦ A nested")))
    assert lines[nested + 1].startswith("    ") and lines[nested + 1].strip() in NESTED
    row = lines.index(next(line for line in lines if line.startswith(ROW[0])))
    assert lines[row + 1].startswith("  ") and lines[row + 1].strip()
    quote = lines.index(next(line for line in lines if line.startswith("> We ship")))
    assert lines[quote + 1].startswith("> ") and lines[quote + 1][2:] in QUOTED


def test_a_pipe_with_a_wider_columns_aligns_the_table_in_it(run):
    lines = run(COLUMNS="200")
    alice = next(line for line in lines if line.startswith(ROW[0]))
    bob = next(line for line in lines if line.startswith("Bob"))
    assert alice.index("|") == bob.index("|") and ROW[2] in alice
