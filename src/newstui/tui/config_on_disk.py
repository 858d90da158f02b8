"""The config file as it is now, for work the app starts long after it read the config: a
download goes to today's `download_dir` (user test r48 L13: an app left open downloaded a
cron-queued episode into the folder of before), at today's `download_concurrency`."""

from __future__ import annotations

import os
import threading

from newstui.config import Config, load_config
from newstui.errors import ConfigError


class ConfigOnDisk:
    """Reads the config file again when it changed since last read here (its size, time or
    inode), from any thread; the config as the app last read it until then. One that no
    longer reads gives the config as last read, and its error once (`current`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamp: tuple[int, int, int] | None = None
        self._read: Config | None = None
        self._said: str | None = None  # the last error said: not said again

    def current(self, last_read: Config) -> tuple[Config, str | None]:
        """The config as its file is now (else `last_read`, the app's), and a line for the
        user when the file changed but does not read (said once per error)."""
        try:
            status = os.stat(last_read.path)
        except (OSError, ValueError):  # (none: the app's, which reads a missing file as empty)
            return last_read, None
        stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
        with self._lock:
            if stamp == self._stamp and self._read is not None:
                return self._read, None
            try:
                config = load_config(last_read.path)
            except ConfigError as exc:
                line = f"{exc} (downloading with the config as last read)"
                said, self._said = self._said, line
                return self._read or last_read, None if said == line else line
            self._stamp, self._read, self._said = stamp, config, None
            return config, None
