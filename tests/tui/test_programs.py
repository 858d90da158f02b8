"""A player that runs in the terminal (mpv) writes its stderr through newstui, which keeps the
last line for its failure: on a terminal the player still sees one there (mpv draws its status
line on stderr), and what it writes reaches the terminal."""

from __future__ import annotations

import fcntl
import os
import select
import signal
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


@contextmanager
def keys_recorded() -> Iterator[list[int]]:
    """The test's own Ctrl-C and Ctrl-\\ handlers (pytest's would end the session, SIGQUIT's
    default dump a core), recording what reaches newstui; the ones before put back after."""
    reached: list[int] = []

    def record(signum: int, _frame: object) -> None:
        reached.append(signum)

    kept = {signum: signal.signal(signum, record) for signum in KEY_SIGNALS}
    try:
        yield reached
        assert all(signal.getsignal(signum) is record for signum in KEY_SIGNALS)  # put back
    finally:
        for signum, handler in kept.items():
            signal.signal(signum, handler)


KEY_SIGNALS = (signal.SIGINT, signal.SIGQUIT)
# what the terminal does on Ctrl-C (Ctrl-\): the signal to every process of its foreground
# group, newstui ($PPID) and the program; the program's is SIGINT's default (it stops)
CTRL_C = "kill -QUIT $PPID; kill -INT $PPID; kill -INT $$; echo still running"


def test_ctrl_c_in_a_piped_command_stops_it_not_newstui_and_says_so(capfd, monkeypatch):
    """User test r48 M10: `|` `sleep 30`, Ctrl-C, Enter: newstui was gone; L23: the line said
    "[sleep exited with status -2]"."""
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", asked.append)

    with keys_recorded() as reached:
        run_program(SuspendedApp(), Launch(("sh", "-c", CTRL_C), terminal=True, wait_for_key=True))

    assert reached == []
    assert "still running" not in capfd.readouterr().out
    assert asked == ["\n[sh stopped by Ctrl-C] Press Enter to return. "]


def test_ctrl_c_in_the_pager_which_ignores_it_leaves_newstui_running():
    """User test r48 M10: Ctrl-C in less (which less ignores), then `q`, and newstui quit."""
    app = SuspendedApp()
    pager = "trap '' INT; kill -INT $PPID; kill -INT $$; exit 0"

    with keys_recorded() as reached:
        run_program(app, Launch(("sh", "-c", pager), terminal=True))

    assert reached == []
    assert app.said == []


def test_a_player_stopped_by_ctrl_c_or_a_signal_says_which():
    app = SuspendedApp()

    with keys_recorded() as reached:
        run_program(app, Launch(("sh", "-c", CTRL_C), terminal=True, stderr_kept=True))
        run_program(app, Launch(("sh", "-c", "kill -TERM $$"), terminal=True, stderr_kept=True))

    assert reached == []
    assert app.said == ["sh stopped by Ctrl-C", "sh stopped by SIGTERM"]


def test_ctrl_c_at_the_press_enter_line_returns_to_the_app_as_enter_does(monkeypatch):
    asked: list[str] = []

    def ctrl_c(prompt: str) -> str:
        asked.append(prompt)
        os.kill(os.getpid(), signal.SIGINT)  # (the terminal's Ctrl-C, newstui's share of it)
        raise AssertionError("Ctrl-C did not stop the wait")  # pragma: no cover

    monkeypatch.setattr("builtins.input", ctrl_c)

    with keys_recorded() as reached:
        run_program(
            SuspendedApp(), Launch(("sh", "-c", "exit 0"), terminal=True, wait_for_key=True)
        )

    assert reached == []
    assert asked == ["\nPress Enter to return. "]
