"""SQLite storage through sqlite-utils: the only place that writes SQL."""

from newstui.store.db import open_db

__all__ = ["open_db"]
