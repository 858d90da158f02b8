"""External programs started from the app (browser, pager, player, a pipe): one that draws in the
terminal runs with the app suspended (`App.suspend`), any other on its own, watched so that its
failure (exit status, last line of its stderr) is said in one line. A player in the terminal
(mpv) writes its stderr to the terminal through newstui, which keeps its last line too. While a
program has the terminal, Ctrl-C and Ctrl-\\ are its own, as with os.system."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from textual.app import App, SuspendNotSupported

from newstui.text import terminal_safe

if TYPE_CHECKING:  # (newstui.launch is imported when a program is first started)
    from newstui.launch import Launch


_foreground: list[subprocess.Popen[bytes]] = []  # the program that has the terminal, if one does
_STDERR_KEPT = 8192  # bytes of a background program's stderr kept for its failure line
_STDERR_GRACE = 1.0  # seconds to wait, after it ended, for the rest of its stderr


# typed on the terminal, these go to its whole foreground process group: newstui's too
_TERMINAL_KEY_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGQUIT") if hasattr(signal, name)
)
_SIGNAL_KEYS = {"SIGINT": "Ctrl-C", "SIGQUIT": "Ctrl-\\"}


def how_it_ended(status: int) -> str:
    """A program's end, from its return code (a negative one is the signal that stopped it):
    `exited with status 3`, `stopped by Ctrl-C`, `stopped by SIGTERM` (user test r48 L23: a
    command stopped with Ctrl-C said "exited with status -2")."""
    if status >= 0:
        return f"exited with status {status}"
    try:
        name = signal.Signals(-status).name
    except ValueError:
        return f"stopped by signal {-status}"
    return f"stopped by {_SIGNAL_KEYS.get(name, name)}"


def _left_to_the_program(_signum: int, _frame: FrameType | None) -> None:
    """Ctrl-C or Ctrl-\\ typed while a program has the terminal: that program's, not newstui's.
    A handler, not SIG_IGN, which the program would inherit: exec gives it the default back."""


@contextmanager
def terminal_keys_left_to_the_program() -> Iterator[None]:
    """While a program has the terminal, its Ctrl-C and Ctrl-\\ (sent to the terminal's whole
    foreground process group) do not stop newstui, as os.system does; the program gets them as
    usual (`sleep` stops, `less` ignores it). User test r48 M10: Ctrl-C in the pager or a piped
    command quit newstui when it ended. The handlers before are put back after."""
    kept: dict[int, Callable[[int, FrameType | None], object] | int | None] = {}
    try:
        for signum in _TERMINAL_KEY_SIGNALS:
            with suppress(ValueError):  # only in the main thread (the app's: where it runs)
                kept[signum] = signal.signal(signum, _left_to_the_program)
        yield
    finally:
        for signum, handler in kept.items():
            # (None: a handler set outside Python, not one it can put back: the default)
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def where_set(setting: str, value: str, env_name: str, config_path: object | None) -> str:
    """Where the command of a program setting came from, for its error line: "the browser
    setting in ~/.config/newstui/feeds.toml", "$BROWSER", or the default's wording."""
    if value.strip():
        return (
            f"the {setting} setting in {config_path}" if config_path else f"the {setting} setting"
        )
    if os.environ.get(env_name, "").strip():
        return f"${env_name}"
    return f"set {setting} in [settings] or ${env_name}"


def missing_program(launch: Launch, setting: str, where: str) -> str | None:
    """The one line for a program that is not installed, naming the setting that chose it
    (`browser: w3m not found (the browser setting in …/feeds.toml)`), or None when it is there
    (a command run by the shell is the shell's to find)."""
    program = launch.argv[0]
    if launch.argv[:2] == ("/bin/sh", "-c") or shutil.which(program) is not None:
        return None
    problem = "is not executable" if Path(program).is_file() else "not found"
    return f"{setting}: {terminal_safe(program, line=True)} {problem} ({where})"


def failure_line(name: str, status: int, stderr: bytes) -> str | None:
    """One line for a program that failed (`mpv exited with status 3: cannot open audio
    device`: its stderr's last line, control sequences taken out), or None when it succeeded."""
    if status == 0:
        return None
    how = how_it_ended(status)
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    said = terminal_safe(lines[-1], line=True).strip()[:200] if lines else ""
    return f"{name} {how}: {said}" if said else f"{name} {how}"


def _read_to_end(fd: int, tail: bytearray, *, echo: bool = False) -> None:
    """Read a program's stderr until it closes, its last _STDERR_KEPT bytes kept in `tail`;
    with `echo`, each chunk also written to newstui's own stderr (the terminal) as it comes."""
    while chunk := os.read(fd, 4096):
        tail.extend(chunk)
        del tail[:-_STDERR_KEPT]
        if echo:
            with suppress(OSError):
                _write_all(2, chunk)


def _watch(app: App[object], name: str, child: subprocess.Popen[bytes]) -> None:
    """In a thread: wait for a background program, reading its stderr (the last bytes kept),
    and say its failure on the app."""
    tail = bytearray()

    def drain() -> None:
        if child.stderr is None:
            return
        with suppress(OSError, ValueError):
            _read_to_end(child.stderr.fileno(), tail)
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


def _run_in_foreground(
    argv: Sequence[str], stdin: bytes | None, *, stderr_kept: bool = False
) -> tuple[int, bytes]:
    """Run a program that draws in the terminal until it ends; its exit status, and with
    `stderr_kept` the last bytes of its stderr (which reached the terminal as they came)."""
    tee = _StderrTee() if stderr_kept else None
    try:
        with subprocess.Popen(
            argv,
            stdin=subprocess.PIPE if stdin is not None else None,
            stderr=tee.writer if tee is not None else None,
        ) as child:
            if tee is not None:
                tee.copy()
            _foreground.append(child)
            try:
                child.communicate(stdin)
            finally:
                _foreground.remove(child)
    finally:
        said = tee.finish() if tee is not None else b""
    return child.returncode, said


class _StderrTee:
    """A foreground program's stderr, copied to newstui's own (the terminal) as it comes, its
    last _STDERR_KEPT bytes kept. Where that is a terminal the program writes to a pseudo-terminal
    of the same size and modes, so it still sees one (mpv draws its status line there); else
    (a test, a redirected stderr) to a pipe. Only for programs that read no keys from stderr
    (players: `more` and `vim -` do, a pager's stderr is left alone)."""

    def __init__(self) -> None:
        self.tail = bytearray()
        self._reader, self.writer = _terminal_like_pair() or os.pipe()
        self._copier = threading.Thread(target=self._copy, name="program stderr", daemon=True)

    def copy(self) -> None:
        """Start copying; the program (started) holds the writing end, this process no longer."""
        os.close(self.writer)
        self.writer = -1
        self._copier.start()

    def _copy(self) -> None:
        try:
            with suppress(OSError):  # (EIO: a pseudo-terminal whose last writer closed it)
                _read_to_end(self._reader, self.tail, echo=True)
        finally:
            os.close(self._reader)

    def finish(self) -> bytes:
        """The last bytes the program wrote, once its stderr is closed (a program it started
        may hold it open: not waited for longer than _STDERR_GRACE)."""
        if self.writer >= 0:  # it never started: nothing was copied
            os.close(self.writer)
            os.close(self._reader)
            return b""
        self._copier.join(_STDERR_GRACE)
        return bytes(self.tail)


def _terminal_like_pair() -> tuple[int, int] | None:
    """A pseudo-terminal (reading end, program's end) of the size and modes of newstui's stderr
    when that is a terminal, its output passed on untouched (the terminal adds the carriage
    returns itself); None where it is not one, or none can be made."""
    try:
        import fcntl
        import termios

        if not os.isatty(2):
            return None
        reader, writer = os.openpty()
    except (ImportError, OSError):  # (no pseudo-terminals here)
        return None
    with suppress(OSError, termios.error):
        fcntl.ioctl(writer, termios.TIOCSWINSZ, fcntl.ioctl(2, termios.TIOCGWINSZ, bytes(8)))
        modes = termios.tcgetattr(2)
        modes[1] &= ~termios.OPOST
        termios.tcsetattr(writer, termios.TCSANOW, modes)
    return reader, writer


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to a file descriptor (a terminal may take it in parts)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def stop_foreground_program(signum: int) -> bool:
    """Pass a stop signal (SIGTERM, SIGHUP) on to the program that has the terminal, whose
    end gives the app its terminal and event loop back; False when none runs."""
    for child in _foreground:
        with suppress(OSError):
            child.send_signal(signum)
    return bool(_foreground)


CLEAR_SCREEN = "\x1b[H\x1b[2J"  # the cursor home, the screen cleared (its scrollback kept)


def waiting_line(name: str, status: int) -> str:
    """What waits for Enter under a piped command's output: its exit status only when it
    failed or was stopped (user test r42 L3: "[wc exited with status 0]" after every command;
    r48 L23: `[sleep stopped by Ctrl-C]`, not "exited with status -2")."""
    failed = f"[{name} {how_it_ended(status)}] " if status else ""
    return f"\n{failed}Press Enter to return. "


def _wait_for_enter(prompt: str) -> None:
    """Show `prompt` on the terminal until Enter is pressed; Ctrl-C returns as Enter does (run
    with terminal_keys_left_to_the_program, it did nothing)."""
    try:
        try:
            with suppress(ValueError):  # (not the main thread: Ctrl-C stays as it was)
                signal.signal(signal.SIGINT, signal.default_int_handler)
            input(prompt)
        finally:
            with suppress(ValueError):
                signal.signal(signal.SIGINT, _left_to_the_program)
    except (KeyboardInterrupt, EOFError, OSError):
        pass


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
        # Textual resumes the app only when the block ends without error
        with app.suspend(), terminal_keys_left_to_the_program():
            failed: OSError | None = None
            if launch.wait_for_key:  # its output alone on the screen, not under the last one's
                with suppress(OSError):
                    sys.stdout.write(CLEAR_SCREEN)
                    sys.stdout.flush()
            try:
                status, said = _run_in_foreground(
                    launch.argv, stdin, stderr_kept=launch.stderr_kept
                )
            except OSError as exc:  # not installed, not executable: the app must come back
                failed = exc
            if failed is None and launch.wait_for_key:
                _wait_for_enter(waiting_line(name, status))
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
    line = failure_line(name, status, said)
    if line is not None and not launch.wait_for_key:  # (its last stderr line: a player's)
        app.notify(line, severity="warning", markup=False)
