"""Warnings logged while the app runs (an article the extractor failed on in the analysis after
an upgrade, a full-text fetch's, a library's): into the app and a log file, never onto the
terminal the app draws on. The CLI's logging writes `warning: …` lines to stderr, and
under the app such a line landed in the middle of the screen."""

from __future__ import annotations

import logging
import math
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.message import Message

from newstui.text import clean_line

LOG_MAX_BYTES = 1_000_000  # the log file is started again (the old one kept as .1) past this
LINE_MAX = 300  # characters of a warning shown or written
# Seconds between two notifications of warnings: a failing re-analysis logs one warning a batch,
# which were dozens of notifications over a large pass; those logged meanwhile wait, counted.
NOTIFY_EVERY = 5.0


@dataclass(eq=False, repr=False)
class WarningsLogged(Message):
    """Warnings were logged since the app last showed them: `AppLogHandler.take` has them."""


class AppLogHandler(logging.Handler):
    """A root logging handler for the app's lifetime: each warning (untrusted text: controls
    stripped, one line) goes to the log file and waits for the app, which is told once per
    batch (WarningsLogged) and shows the batch as one notification, at most one every
    `notify_every` seconds. Thread-safe."""

    def __init__(self, app: App[Any], log_file: Path | None) -> None:
        super().__init__(logging.WARNING)
        self.app, self.log_file = app, log_file
        self.notify_every = NOTIFY_EVERY
        self._pending: list[str] = []
        self._lines = threading.Lock()
        self._taken_at = -math.inf  # (monotonic) when the last notification's lines were taken

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = clean_line(record.getMessage(), LINE_MAX) or record.levelname.lower()
            self._write_line(record.levelname.lower(), line)
            with self._lines:
                self._pending.append(line)
                first = len(self._pending) == 1
            if first:
                self.app.post_message(WarningsLogged())
        except Exception:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """A record that could not be written (a library's log call with %-arguments that do
        not fit its message): one line in the log file, where logging printed a traceback onto
        the terminal under the app."""
        error = sys.exc_info()[1]
        why = f"{type(error).__name__}: {error}" if error is not None else "unknown error"
        where = f"{record.name} ({record.pathname}:{record.lineno})"
        line = clean_line(f"a log message from {where} could not be written: {why}", LINE_MAX)
        self._write_line("error", line)

    def record(self, level: str, line: str) -> Path | None:
        """Write one line to the log file only (a worker's error, whose notification the app
        shows itself): the file's path, or None when there is no file."""
        return self.log_file if self._write_line(level, line) else None

    def _write_line(self, level: str, line: str) -> bool:
        # (UTC, and says so: a log is read beside other machines' logs, not as the reader's day)
        return self._write(f"{datetime.now(UTC):%Y-%m-%d %H:%M:%SZ} {level}: {line}")

    def _write(self, text: str) -> bool:
        """Append one line to the log file (a full file is moved to .1 first); a file that
        cannot be written costs only the file's copy. Whether it was written."""
        if self.log_file is None:
            return False
        try:
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            if self.log_file.exists() and self.log_file.stat().st_size > LOG_MAX_BYTES:
                self.log_file.replace(self.log_file.with_name(self.log_file.name + ".1"))
            with self.log_file.open("a", encoding="utf-8") as file:
                file.write(text + "\n")
        except OSError:
            return False
        return True

    def take(self) -> list[str]:
        """The warnings logged since the last take, oldest first (taken for a notification)."""
        with self._lines:
            taken, self._pending = self._pending, []
            if taken:
                self._taken_at = time.monotonic()
        return taken

    def wait_to_notify(self) -> float:
        """Seconds until the waiting warnings may be shown (0: now): `notify_every` after the
        last notification."""
        return max(0.0, self._taken_at + self.notify_every - time.monotonic())

    def summary(self, lines: list[str]) -> str:
        """One notification's text: the first warning, and how many more (and where they are)."""
        if len(lines) < 2:
            return lines[0] if lines else ""
        where = f": see {self.log_file}" if self.log_file is not None else ""
        return f"{lines[0]} (and {len(lines) - 1} more{where})"


class RoutedWarnings:
    """While the app runs: the root logger's handlers (the CLI's, writing to the terminal)
    taken off and the app's put on; `restore` puts them back as they were."""

    def __init__(self, handler: AppLogHandler) -> None:
        self.handler = handler
        self._saved: list[logging.Handler] | None = None
        self._level = logging.NOTSET

    def start(self) -> None:
        root = logging.getLogger()
        if self._saved is not None:
            return
        self._saved, self._level = list(root.handlers), root.level
        for handler in self._saved:
            root.removeHandler(handler)
        root.addHandler(self.handler)
        if root.level == logging.NOTSET or root.level > logging.WARNING:
            root.setLevel(logging.WARNING)

    def restore(self) -> None:
        if self._saved is None:
            return
        root = logging.getLogger()
        root.removeHandler(self.handler)
        for handler in self._saved:
            root.addHandler(handler)
        root.setLevel(self._level)
        self._saved = None
