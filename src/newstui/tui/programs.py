"""External programs started from the app (browser, pager, player, a pipe): one that draws in the
terminal runs with the app suspended (`App.suspend`), any other on its own, watched so that its
failure (exit status, last line of its stderr) is said in one line."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Sequence
from contextlib import suppress
from typing import TYPE_CHECKING

from textual.app import App, SuspendNotSupported

from newstui.text import terminal_safe

if TYPE_CHECKING:  # (newstui.launch is imported when a program is first started)
    from newstui.launch import Launch


_foreground: list[subprocess.Popen[bytes]] = []  # the program that has the terminal, if one does
_STDERR_KEPT = 8192  # bytes of a background program's stderr kept for its failure line
_STDERR_GRACE = 1.0  # seconds to wait, after it ended, for the rest of its stderr


def failure_line(name: str, status: int, stderr: bytes) -> str | None:
    """One line for a program that failed (`mpv exited with status 3: cannot open audio
    device`: its stderr's last line, control sequences taken out), or None when it succeeded."""
    if status == 0:
        return None
    how = f"stopped by signal {-status}" if status < 0 else f"exited with status {status}"
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    said = terminal_safe(lines[-1], line=True).strip()[:200] if lines else ""
    return f"{name} {how}: {said}" if said else f"{name} {how}"


def _watch(app: App[object], name: str, child: subprocess.Popen[bytes]) -> None:
    """In a thread: wait for a background program, reading its stderr (the last bytes kept),
    and say its failure on the app."""
    tail = bytearray()

    def drain() -> None:
        if child.stderr is None:
            return
        with suppress(OSError, ValueError):
            while chunk := os.read(child.stderr.fileno(), 4096):
                tail.extend(chunk)
                del tail[:-_STDERR_KEPT]
        with suppress(OSError):
            child.stderr.close()

    reader = threading.Thread(target=drain, name=f"{name} stderr", daemon=True)
    reader.start()
    status = child.wait()
    reader.join(_STDERR_GRACE)  # (a program it started may hold its stderr open: not waited for)
    line = failure_line(name, status, bytes(tail))
    if line is not None:
        with suppress(RuntimeError):  # the app has ended meanwhile
            app.call_from_thread(app.notify, line, severity="error", markup=False)


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
            child = subprocess.Popen(
                launch.argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
            watcher = threading.Thread(target=_watch, args=(app, name, child), daemon=True)
            watcher.start()
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
