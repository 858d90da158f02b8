"""SQLite storage (the standard library's sqlite3): the only place that writes SQL."""

from newstui.store.opening import open_db

__all__ = ["open_db"]
