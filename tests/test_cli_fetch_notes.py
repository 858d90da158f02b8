"""`newstui fetch`'s notes (a feed set aside, a filter's matches, a cleanup) on
a terminal wrap at spaces to its width; piped, each is one line. At 60 columns the terminal broke
them mid-word, as it did `feeds`' notes (user test r34 L9). Each run is a fresh `python -m
newstui` in the test's folder; a terminal is rich's (TTY_COMPATIBLE=1)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

CONTROLS = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # styles, the progress bar's cursor moves
KEPT = "Wire is no longer in feeds.toml: "


def newstui(
    folder: Path, *argv: str, terminal: bool, columns: int = 60, stderr: bool = False
) -> tuple[int, str]:
    """`newstui --db n.db --config feeds.toml ARGV` run in `folder`, and what it wrote to
    standard output (`stderr`: to standard error): a pipe, or a terminal of `columns` (as it
    shows: styles and the progress bar's cursor moves taken out, a line written over by a
    carriage return replaced)."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSTUI_", "XDG_"))}
    env = {k: v for k, v in kept.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    env.update(
        COLUMNS=str(columns),
        XDG_CONFIG_HOME=str(folder / "xdg-config"),
        XDG_DATA_HOME=str(folder / "xdg-data"),
    )
    if terminal:
        env["TTY_COMPATIBLE"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "newstui", "--db", "n.db", "--config", "feeds.toml", *argv],
        capture_output=True,
        cwd=folder,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr.decode("utf-8", "replace"), done.stderr[-500:]
    shown = CONTROLS.sub("", (done.stderr if stderr else done.stdout).decode("utf-8"))
    return done.returncode, "\n".join(line.split("\r")[-1] for line in shown.split("\n"))


def feeds_toml(folder: Path, feeds: dict[str, str]) -> None:
    lines = ["[settings]", "timeout = 5", "fulltext = false"]
    for name, url in feeds.items():
        lines += ["", "[[feeds]]", f'name = "{name}"', f'url = "{url}"']
    (folder / "feeds.toml").write_text("\n".join(lines) + "\n", "utf-8")


@pytest.fixture
def wire_left(tmp_path, feed_server) -> Path:
    """Wire and Atom Lab fetched, then Wire taken out of feeds.toml by hand: the next fetch
    sets Wire aside and says so in a note longer than 60 columns."""
    feed_server.serve_file("/wire", "rss2.xml")
    feed_server.serve_file("/atom", "atom.xml", "application/atom+xml")
    wire, atom = feed_server.url("/wire"), feed_server.url("/atom")
    feeds_toml(tmp_path, {"Wire": wire, "Atom Lab": atom})
    assert newstui(tmp_path, "fetch", terminal=False)[0] == 0
    feeds_toml(tmp_path, {"Atom Lab": atom})
    return tmp_path


def test_fetch_notes_wrap_at_spaces_on_a_60_column_terminal(wire_left):
    status, out = newstui(wire_left, "fetch", terminal=True)
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(KEPT))
    end = next(i for i, line in enumerate(lines) if line.startswith("1 of 1 source ok: "))

    assert status == 0
    assert max(cell_len(line) for line in lines) <= 60
    assert end - start > 1  # the set-aside note took more than a line
    note = " ".join(line.strip() for line in lines[start:end])  # cut at spaces only
    assert note.startswith(f"{KEPT}its 3 articles are kept until ")
    assert note.endswith("(`newstui cleanup --left-config` deletes them now)")
    assert all(len(word) < 25 for word in note.split())  # no two words run together


def test_piped_fetch_notes_are_one_line_each(wire_left):
    status, out = newstui(wire_left, "fetch", terminal=False)
    lines = out.splitlines()

    assert status == 0
    [note] = [line for line in lines if line.startswith(KEPT)]
    assert note.endswith("(`newstui cleanup --left-config` deletes them now)")
    assert cell_len(note) > 60


MOVED = "warning: Wire: moved permanently to "


def old(new: str) -> str:
    """How the move's line names the url feeds.toml gives Wire (user test r44 L4)."""
    return f'(url = "{new.replace("/wire-moved-to-its-new-home", "/wire")}")'


@pytest.fixture
def wire_moved(tmp_path, feed_server) -> tuple[Path, str]:
    """Wire's address answers 301: the fetch warns on standard error in a line longer than 60
    columns. Returns the folder and the new address."""
    feed_server.serve_file("/wire-moved-to-its-new-home", "rss2.xml")
    feed_server.route("/wire", status=301, headers={"Location": "/wire-moved-to-its-new-home"})
    feeds_toml(tmp_path, {"Wire": feed_server.url("/wire")})
    return tmp_path, feed_server.url("/wire-moved-to-its-new-home")


# the warning's end, naming the command that follows the move (user test r50 MED-2)
FOLLOW = "address, or run `newstui feeds --update-moved`"


def test_warning_lines_wrap_at_spaces_on_a_60_column_terminal(wire_moved):
    """r35 user test L-g: the terminal cut `warning:` lines mid-word ("feeds.tom / l")."""
    folder, new = wire_moved
    status, err = newstui(folder, "fetch", terminal=True, stderr=True)
    lines = err.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(MOVED.rstrip()))

    assert status == 0
    assert max(cell_len(line) for line in lines) <= 60
    end = next(i for i in range(start, len(lines)) if lines[i].endswith("--update-moved`"))
    warning = " ".join(line.strip() for line in lines[start : end + 1])  # cut at spaces
    assert warning == f"{MOVED}{new}: change its url in feeds.toml {old(new)} to that {FOLLOW}"


def test_piped_warning_lines_are_one_line_each(wire_moved):
    folder, new = wire_moved
    status, err = newstui(folder, "fetch", terminal=False, stderr=True)

    assert status == 0
    said = f"{MOVED}{new}: change its url in feeds.toml {old(new)} to that {FOLLOW}"
    assert said in err.splitlines()


def test_a_feed_url_read_as_add_reads_it_is_said_but_not_under_quiet(tmp_path, feed_server):
    """Review r50 MED-1: a `feed://` url in feeds.toml works, read as http://, with a note; the
    note was a warning on every command, so a cron line's `fetch --quiet` mailed it every run."""
    feed_server.serve_file("/wire", "rss2.xml")
    feeds_toml(tmp_path, {"Wire": feed_server.url("/wire").replace("http://", "feed://", 1)})
    said = "is read as"
    status, err = newstui(tmp_path, "fetch", "--quiet", terminal=False, stderr=True)
    assert status == 0 and said not in err
    status, err = newstui(tmp_path, "fetch", terminal=False, stderr=True)
    assert status == 0 and said in err
    status, err = newstui(tmp_path, "feeds", terminal=False, stderr=True)
    assert said in err
