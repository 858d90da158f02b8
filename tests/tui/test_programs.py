"""A player that runs in the terminal (mpv) writes its stderr through newstui, which keeps the
last line for its failure: on a terminal the player still sees one there (mpv draws its status
line on stderr), and what it writes reaches the terminal."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import termios
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from newstui.launch import Launch
from newstui.tui.programs import run_program

SAYS = (
    "if [ -t 2 ]; then echo 'stderr is a terminal' >&2; else echo 'stderr is no terminal' >&2; fi; "
    "printf 'AV: 00:01 / 03:00\\r\\033[31mfailed to open audio device\\033[0m\\n' >&2; "
    "stty size >&2 <&2; exit 3"
)


class SuspendedApp:
    """What run_program asks of the app: suspend, refresh and notify (recorded)."""

    def __init__(self) -> None:
        self.said: list[str] = []

    @contextmanager
    def suspend(self) -> Iterator[None]:
        yield

    def refresh(self) -> None:
        pass

    def notify(self, message: str, **_: object) -> None:
        self.said.append(message)


def test_a_terminal_player_on_a_terminal_sees_one_and_its_last_line_is_said():
    terminal, player_side = os.openpty()
    os.set_blocking(terminal, False)
    fcntl.ioctl(player_side, termios.TIOCSWINSZ, struct.pack("HHHH", 33, 101, 0, 0))
    kept = os.dup(2)
    os.dup2(player_side, 2)  # newstui's stderr is that terminal
    app = SuspendedApp()
    try:
        run_program(app, Launch(("sh", "-c", SAYS), terminal=True, stderr_kept=True))
    finally:
        os.dup2(kept, 2)
        os.close(kept)
        os.close(player_side)
    shown = b""
    while select.select([terminal], [], [], 1.0)[0]:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)

    assert b"stderr is a terminal" in shown  # (a pseudo-terminal between them)
    assert b"failed to open audio device" in shown
    assert b"33 101" in shown  # of the terminal's size
    assert app.said == ["sh exited with status 3: 33 101"]


def test_a_terminal_players_stderr_elsewhere_is_passed_on_and_its_last_line_said(capfd):
    app = SuspendedApp()
    says = SAYS.replace("stty size >&2 <&2; ", "")

    run_program(app, Launch(("sh", "-c", says), terminal=True, stderr_kept=True))

    assert "stderr is no terminal" in capfd.readouterr().err
    assert app.said == ["sh exited with status 3: failed to open audio device"]


def test_a_pagers_stderr_is_left_alone(capfd):
    """`more` and `vim -` read keys from stderr: a pager's stays the terminal itself."""
    app = SuspendedApp()

    run_program(app, Launch(("sh", "-c", "echo oops >&2; exit 2"), terminal=True))

    assert "oops" in capfd.readouterr().err
    assert app.said == ["sh exited with status 2"]


@pytest.mark.parametrize(
    ("script", "prompt"),
    [
        ("echo 111", "\nPress Enter to return. "),
        ("echo 111; exit 3", "\n[sh exited with status 3] Press Enter to return. "),
    ],
)
def test_a_piped_commands_output_is_alone_on_the_screen_and_a_status_said_when_it_failed(
    capfd, monkeypatch, script, prompt
):
    """User test r42 L3: `|` showed the earlier commands' output above it, and "[wc exited
    with status 0]" after every command."""
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", asked.append)

    run_program(SuspendedApp(), Launch(("sh", "-c", script), terminal=True, wait_for_key=True))

    assert capfd.readouterr().out == "\x1b[H\x1b[2J111\n"
    assert asked == [prompt]
