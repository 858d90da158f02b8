"""Run the app in a pseudo-terminal and keep what a terminal would show: what Textual wrote, not
what its compositor holds (a Pilot reads the compositor, so it cannot see a region that was
never sent to the terminal)."""

from __future__ import annotations

import codecs
import contextlib
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Mapping

from rich.cells import cell_len

_SEQUENCE = re.compile(r"\x1b\[([0-9;?<>=]*)([ -/]*[@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")
# What a sequence cut by the end of a read looks like: an escape alone, a CSI without its final
# byte ("\x1b[38;5;2"), an OSC without its terminator. `_SEQUENCE`'s last branch would take
# "\x1b[" for a whole two-character sequence and leave its parameters as text.
_CUT = re.compile(r"\x1b(?:\[[0-9;?<>=]*[ -/]*|\][^\x07\x1b]*\x1b?)?")


class Terminal:
    """The cells of a terminal of `width` × `height`, written by `feed`."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells = [[" "] * width for _ in range(height)]
        self.x = self.y = 0
        self._held = ""

    def feed(self, data: str) -> None:
        """Apply output: cursor moves (CSI H) and text; styles and modes are left out. A
        sequence cut at the end waits for the rest."""
        data, self._held = self._held + data, ""
        escape = data.rfind("\x1b")
        if escape >= 0 and _CUT.fullmatch(data, escape):
            data, self._held = data[:escape], data[escape:]
        at = 0
        for match in _SEQUENCE.finditer(data):
            self._text(data[at : match.start()])
            at = match.end()
            if match.group(2) == "H":
                row, _, column = (match.group(1) or "1;1").partition(";")
                self.y, self.x = int(row or 1) - 1, int(column or 1) - 1
        self._text(data[at:])

    def _text(self, text: str) -> None:
        for char in text:
            if char in "\r\n":  # Textual moves the cursor before each line it writes
                continue
            if 0 <= self.y < self.height and 0 <= self.x < self.width:
                self.cells[self.y][self.x] = char
                if cell_len(char) == 2 and self.x + 1 < self.width:
                    self.cells[self.y][self.x + 1] = ""
            self.x += max(cell_len(char), 1)

    def lines(self) -> list[str]:
        return ["".join(row) for row in self.cells]


def run_in_terminal(
    args: list[str],
    env: Mapping[str, str],
    size: tuple[int, int],
    done: Callable[[Terminal], bool],
    seconds: float = 60.0,
) -> Terminal:
    """Run `python -m newstui ARGS` in a terminal of `size` until `done(terminal)` holds for a
    second of quiet output (or `seconds` pass), then quit it with Q."""
    width, height = size
    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal's size first, then the app
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        os.execve(sys.executable, [sys.executable, "-m", "newstui", *args], dict(env))
    terminal = Terminal(width, height)
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    deadline = time.monotonic() + seconds
    quiet_since = time.monotonic()
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                terminal.feed(decoder.decode(chunk))
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since > 1.0 and done(terminal):
                break
        os.write(fd, b"Q")
        time.sleep(0.5)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    return terminal


class AppInTerminal:
    """`python -m newstui ARGS` in a pseudo-terminal of `size` that is not its controlling
    terminal, as under a wrapper (`sh -c`, a task runner) that is the session leader: when the
    terminal closes, the kernel sends the app no SIGHUP. What it writes is kept in `output`."""

    def __init__(self, args: list[str], env: Mapping[str, str], size: tuple[int, int]) -> None:
        width, height = size
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        self.master: int | None = master
        self.output = bytearray()
        command = [sys.executable, "-m", "newstui", *args]
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=dict(env), start_new_session=True
        )
        os.close(slave)
        self._hanging_up = threading.Event()
        self._reader = threading.Thread(target=self._read, args=(master,), daemon=True)
        self._reader.start()

    def _read(self, master: int) -> None:
        # Never blocked in read() when hang_up closes the terminal: a read in progress keeps
        # the terminal open (close() does not end it), so an idle app would see no hang-up.
        with contextlib.suppress(OSError):  # EIO once the app is gone
            while not self._hanging_up.is_set():
                if select.select([master], [], [], 0.05)[0]:
                    if not (data := os.read(master, 65536)):
                        return
                    self.output += data

    def wait_for(self, text: bytes, seconds: float = 60.0) -> None:
        """Wait until the app has written `text` (it may be cut by styles: pass a short one)."""
        deadline = time.monotonic() + seconds
        while text not in self.output:
            assert time.monotonic() < deadline, f"{text!r} not shown: {bytes(self.output)!r}"
            assert self.process.poll() is None, f"the app ended: {bytes(self.output)!r}"
            time.sleep(0.05)
        time.sleep(0.5)  # the rest of the frame

    def type(self, keys: str) -> None:
        assert self.master is not None
        os.write(self.master, keys.encode())

    def hang_up(self) -> None:
        """Close the terminal (a window closed, `tmux kill-session`, an ssh link dropped)."""
        master, self.master = self.master, None
        if master is not None:
            self._hanging_up.set()
            self._reader.join()
            os.close(master)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.hang_up()
