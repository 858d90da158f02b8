"""The app's terminal driver: Textual's Linux driver, which also notices when the terminal goes
away (its window closed, `tmux kill-session`, an ssh link dropped).

Textual's own driver does not: its output thread dies on the first write to a hung-up terminal
(EIO), the 31st write after that blocks the event loop for good, and its input thread spins on
the terminal's end of file. A SIGHUP reaches only the terminal's session leader, so an app
started under a wrapper (`sh -c`, a task runner) got none and lingered as an orphan that used a
core and, its loop blocked, no longer answered SIGTERM.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App


@dataclass(eq=False, repr=False)
class TerminalClosed(Message):
    """The terminal hung up: nothing can be shown or typed any more; the app should end."""


class HangupAwareDriver(LinuxDriver):
    """LinuxDriver that watches the terminal for a hang-up; from then on output is dropped (it
    can reach no one, and queued it would block the app) and the app gets `TerminalClosed`."""

    def __init__(
        self,
        app: App[object],
        *,
        debug: bool = False,
        mouse: bool = True,
        size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self.app_to_tell = app
        self.hung_up = threading.Event()
        self._watch_stop: int | None = None  # writing to this pipe ends the watching thread

    def start_application_mode(self) -> None:
        super().start_application_mode()
        self._start_watching()

    def stop_application_mode(self) -> None:
        self._stop_watching()
        super().stop_application_mode()

    def write(self, data: str) -> None:
        if not self.hung_up.is_set():
            super().write(data)

    def close(self) -> None:
        # After a hang-up the output thread may be dead with its queue full: asking it to stop
        # would wait for ever.
        if not self.hung_up.is_set():
            super().close()

    def _start_watching(self) -> None:
        if self._watch_stop is not None:
            return
        terminal = [f.fileno() for f in (sys.__stdin__, sys.__stderr__) if f is not None]
        stop_read, self._watch_stop = os.pipe()
        watcher = threading.Thread(
            target=self._watch, args=(terminal, stop_read), name="terminal-hangup", daemon=True
        )
        watcher.start()

    def _stop_watching(self) -> None:
        stop, self._watch_stop = self._watch_stop, None
        if stop is not None:
            with contextlib.suppress(OSError):
                os.write(stop, b"x")
            os.close(stop)

    def _watch(self, terminal: list[int], stop: int) -> None:
        """Sleep until the terminal hangs up (poll reports POLLHUP whatever the event mask) or
        the driver stops watching."""
        poller = select.poll()
        for fd in terminal:
            poller.register(fd, 0)
        poller.register(stop, select.POLLIN)
        try:
            while True:
                events = poller.poll()
                if any(fd == stop for fd, _ in events):
                    return
                if any(mask & (select.POLLHUP | select.POLLERR) for _, mask in events):
                    self.hung_up.set()
                    self.app_to_tell.post_message(TerminalClosed())
                    return
                if any(mask & select.POLLNVAL for _, mask in events):
                    return  # the terminal was closed under us: nothing to watch
        finally:
            os.close(stop)


def cannot_suspend(headless: bool) -> str:
    """Why Ctrl-Z cannot stop the app here, or "": it needs a Unix terminal and a shell with job
    control that started it in a process group of its own (run straight by tmux, ssh or `sh -c`,
    the app would stop with no `fg` to bring it back)."""
    if os.name != "posix" or headless or not sys.stdin.isatty():
        return "Ctrl-Z: this terminal cannot suspend newstui"
    try:
        own_group = os.getpgrp() != os.getsid(0)
    except OSError:
        own_group = False
    if not own_group:
        return (
            "Ctrl-Z: newstui was not started from a shell with job control, so nothing could"
            " resume it (fg); it keeps running"
        )
    return ""
