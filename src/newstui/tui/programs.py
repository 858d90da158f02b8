"""External programs started from the app (browser, pager, a pipe): one that draws in the
terminal runs with the app suspended (`App.suspend`), any other on its own."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from contextlib import suppress
from typing import TYPE_CHECKING

from textual.app import App, SuspendNotSupported

if TYPE_CHECKING:  # (newstui.launch is imported when a program is first started)
    from newstui.launch import Launch


_foreground: list[subprocess.Popen[bytes]] = []  # the program that has the terminal, if one does


def _run_in_foreground(argv: Sequence[str], stdin: bytes | None) -> int:
    """Run a program that draws in the terminal until it ends; its exit status."""
    with subprocess.Popen(argv, stdin=subprocess.PIPE if stdin is not None else None) as child:
        _foreground.append(child)
        try:
            child.communicate(stdin)
        finally:
            _foreground.remove(child)
    return child.returncode


def stop_foreground_program(signum: int) -> bool:
    """Pass a stop signal (SIGTERM, SIGHUP) on to the program that has the terminal, whose
    end gives the app its terminal and event loop back; False when none runs."""
    for child in _foreground:
        with suppress(OSError):
            child.send_signal(signum)
    return bool(_foreground)


def run_program(app: App[object], launch: Launch, stdin: bytes | None = None) -> None:
    """Run an external program: one that draws in the terminal runs in the foreground with
    the app suspended (restored afterwards); any other starts on its own."""
    name = launch.name
    try:
        if not launch.terminal:
            subprocess.Popen(
                launch.argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            return
        with app.suspend():  # Textual resumes the app only when the block ends without error
            failed: OSError | None = None
            try:
                status = _run_in_foreground(launch.argv, stdin)
            except OSError as exc:  # not installed, not executable: the app must come back
                failed = exc
            if failed is None and launch.wait_for_key:
                with suppress(EOFError, OSError):
                    input(f"\n[{name} exited with status {status}] Press Enter to return. ")
        if failed is not None:
            raise failed
    except SuspendNotSupported:
        app.notify(
            f"{name}: this terminal cannot be handed over to another program",
            severity="error",
            markup=False,
        )
        return
    except FileNotFoundError:
        app.notify(f"{name}: command not found", severity="error", markup=False)
        return
    except OSError as exc:
        app.notify(f"{name}: {exc.strerror or exc}", severity="error", markup=False)
        return
    app.refresh()
    if status and not launch.wait_for_key:
        app.notify(f"{name} exited with status {status}", severity="warning", markup=False)
