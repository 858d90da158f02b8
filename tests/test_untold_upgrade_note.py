"""The note of an upgrade of a round-47 store (its views whose `tag:` folder takes subfolders
since) is not lost when the run that upgraded the store is one whose stderr nobody reads (a
tmux status line's `newstui unread`): the store keeps it untold, and the next run a person sees
(a command on a terminal, or the app) says it, then never again (round 50's closing note)."""

from __future__ import annotations

import os
import select
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.library import Library
from tests.test_cli import no_user_paths  # noqa: F401 - the autouse fixture
from tests.test_folder_did_you_mean import store_of_round_47
from tests.test_tag_folders_cli import local_config

NOTE = (
    "note: view 'All news' (tag:News) now takes its folder's subfolders too, as a folder does "
    "in Feedly or Inoreader (a query naming them out keeps the old meaning: "
    "tag:News -tag:News/Europe)"
)
VIEWS = '[[views]]\nname = "All news"\nquery = "tag:News"\n'


@pytest.fixture
def fresh_consoles() -> Iterator[None]:
    """The CLI's rich consoles, made once a process and kept, made afresh before and after a
    test that plays a terminal (TTY_COMPATIBLE=1): one made then would keep styling the
    output of the tests after it."""
    from newstui.cli.output import stderr_console, stdout_console

    stdout_console.cache_clear()
    stderr_console.cache_clear()
    yield
    stdout_console.cache_clear()
    stderr_console.cache_clear()


@pytest.fixture
def old_store(fresh_consoles: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A round-47 store and a config with a view on a folder that has a subfolder, where a
    status line's `newstui unread` finds them (NEWSTUI_DB, NEWSTUI_CONFIG); stderr is no
    terminal until a test says so."""
    db = tmp_path / "old.db"
    store_of_round_47(db)
    config = local_config(
        tmp_path,
        {"Oresund Nyt": ("News/Europe", "Bridge traffic up"), "Harbour Log": ("News", "Ferry")},
        VIEWS,
    )
    monkeypatch.setenv("NEWSTUI_DB", str(db))
    monkeypatch.setenv("NEWSTUI_CONFIG", str(config))
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    monkeypatch.setenv("COLUMNS", "400")  # (a terminal's note unwrapped, to compare it whole)
    return db


def unread(capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    """`newstui unread`: its stdout, and its stderr's note lines."""
    assert main(["unread"]) == 0
    out, err = capsys.readouterr()
    return out, [line for line in err.splitlines() if line.startswith("note:")]


def untold(db: Path) -> int | None:
    with Library.open(db) as library:
        return library.untold_upgrade()


def test_a_status_lines_upgrade_is_noted_at_the_next_run_on_a_terminal_then_never_again(
    old_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert unread(capsys) == (
        "0\n",
        [NOTE],
    )  # the upgrading run: into its stderr, which may go nowhere
    assert untold(old_store) == 54
    assert unread(capsys) == ("0\n", [])  # (a status line every few seconds: not each time)

    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # a person at a terminal
    assert unread(capsys) == ("0\n", [NOTE])
    assert untold(old_store) is None
    assert unread(capsys) == ("0\n", [])
    assert main(["list"]) == 0
    assert "note:" not in capsys.readouterr().err


def test_a_configured_command_on_a_terminal_says_the_untold_upgrade_too(
    old_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    unread(capsys)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert main(["filters"]) == 0  # (a command that reads feeds.toml first)
    assert [line for line in capsys.readouterr().err.splitlines() if line.startswith("note:")] == [
        NOTE
    ]
    assert untold(old_store) is None


def test_a_broken_config_leaves_the_note_untold_and_unread_still_counts(
    old_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    unread(capsys)
    config = Path(os.environ["NEWSTUI_CONFIG"])
    good = config.read_text("utf-8")
    config.write_text(good + "[[views]\n", "utf-8")  # (no TOML)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert unread(capsys) == ("0\n", [])
    assert untold(old_store) == 54

    config.write_text(good, "utf-8")
    assert unread(capsys) == ("0\n", [NOTE])


def test_a_store_locked_by_another_process_keeps_the_note_for_the_next_run(
    old_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telling it is a write that waits for no lock (a cron fetch's): it is said again."""
    unread(capsys)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    other = sqlite3.connect(old_store, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert unread(capsys) == ("0\n", [NOTE])
        assert "busy" not in capsys.readouterr().err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert untold(old_store) == 54
    assert unread(capsys) == ("0\n", [NOTE])
    assert untold(old_store) is None


def test_the_upgrade_of_a_store_is_kept_untold_from_its_oldest_version(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    Library.open(new).close()
    assert untold(new) is None  # a new store: nothing changed for anyone

    old = tmp_path / "old.db"
    store_of_round_47(old)
    with Library.open(old) as library:
        assert library.untold_upgrade() == 54
        assert library.upgrade_told(53)  # (another upgrade's: this one stays)
        assert library.untold_upgrade() == 54
        assert library.upgrade_told(54)
        assert library.untold_upgrade() is None


def test_the_note_of_unread_run_with_stderr_discarded_reaches_the_next_terminal(
    old_store: Path,
) -> None:
    """As a tmux status line runs it (stderr to /dev/null), then a person in a terminal (a
    pseudo-terminal here: stderr's isatty() is true)."""
    env = {k: v for k, v in os.environ.items() if k not in ("TTY_COMPATIBLE", "COLUMNS")}
    argv = [sys.executable, "-m", "newstui", "unread"]
    status = subprocess.run(
        argv,
        env=env,
        capture_output=False,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        timeout=120,
        check=False,
    )
    assert (status.returncode, status.stdout) == (0, "0\n")

    def on_terminal() -> str:
        master, slave = os.openpty()
        try:
            run = subprocess.run(
                argv,
                env=env | {"COLUMNS": "400"},
                stdout=subprocess.PIPE,
                stderr=slave,
                text=True,
                timeout=120,
                check=False,
            )
            os.close(slave)
            said = b""
            while select.select([master], [], [], 0)[0]:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # (the terminal's other end closed: all read)
                    break
                if not chunk:
                    break
                said += chunk
        finally:
            os.close(master)
        assert (run.returncode, run.stdout) == (0, "0\n")
        return said.decode().replace("\r\n", "\n")

    assert NOTE in on_terminal()
    assert "note:" not in on_terminal()
