"""The crash journal of the analyses a process runs itself: the article it is analysing is
written to a file beside the database before its analysis and wiped after, so an article on
which the extractor kills the process (a C stack overflow in the compiled build is SIGSEGV,
which nothing can catch) is known at the next start and analysed apart, in a worker process,
not again in the process it would kill: one such article never stops every later fetch.

A journal's owner holds an exclusive lock on it (flock) while it lives; the system drops the
lock when the process dies, whatever killed it. A journal that can be locked is a dead
process's: not its process id, which a container gives every `newstui fetch` alike (a live
process with the dead one's id hid its journal, and the article killed every later run).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from newstui.store.disk import process_running

try:
    import fcntl
except ImportError:  # not POSIX: no lock; a journal of a live process is told by its pid
    fcntl = None  # type: ignore[assignment]

JOURNAL_MARK = ".analysing-"  # "<database>.analysing-<pid>-<token>"


class CrashJournal:
    """This process's journal for one database: `analysing` before each article analysed
    here, `clear` once the batch is analysed, `close` at the end (the file is removed). An
    in-memory database keeps no journal. One fixed-length write an article (~2 µs, against
    milliseconds of analysis)."""

    def __init__(self, database_file: str) -> None:
        self._path: str | None = None
        if database_file and database_file != ":memory:":
            token = os.urandom(4).hex()  # a dead predecessor with the same pid keeps its own
            self._path = f"{database_file}{JOURNAL_MARK}{os.getpid()}-{token}"
        self._fd: int | None = None

    def analysing(self, article_id: int) -> None:
        """Record that this article's analysis starts now (in this process)."""
        if self._path is None:
            return
        if self._fd is None:
            self._fd = _locked_new(self._path)
        os.pwrite(self._fd, b"%020d\n" % article_id, 0)  # one length: no tail of a longer id

    def clear(self) -> None:
        """No analysis runs here now (the batch's are done)."""
        if self._fd is not None:
            os.ftruncate(self._fd, 0)

    def close(self) -> None:
        """This process analyses no more: remove its journal."""
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):  # first: while locked, no reader takes it
                os.unlink(self._path or "")
            os.close(fd)

    def __enter__(self) -> CrashJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def left_by_the_dead(database_file: str) -> dict[Path, int | None]:
    """The journals beside this database of processes that are gone, each with the article
    it was analysing when its process died (None: none at that moment). A journal of a
    process still running is its own."""
    if not database_file or database_file == ":memory:":
        return {}
    where = Path(database_file)
    found: dict[Path, int | None] = {}
    try:
        names = [p for p in where.parent.iterdir() if p.name.startswith(where.name + JOURNAL_MARK)]
    except OSError:
        return {}
    for path in names:
        pid = path.name[len(where.name + JOURNAL_MARK) :].partition("-")[0]
        if not pid.isdigit() or path.name.endswith(".new"):  # (.new: one being made)
            continue
        text = _read_if_dead(path, int(pid))
        if text is not None:
            found[path] = int(text) if text.isdigit() else None
    return found


def _locked_new(path: str) -> int:
    """A new journal at `path`, open for writing and locked by this process: made under a
    name `left_by_the_dead` does not read, locked, then renamed (the lock goes with the file),
    so no reader ever finds it unlocked while its owner lives."""
    making = f"{path}.new"
    fd = os.open(making, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.replace(making, path)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(making)
        raise
    return fd


def _read_if_dead(path: Path, pid: int) -> bytes | None:
    """A journal's text if its process is gone (its lock can be taken), else None."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        if fcntl is None:
            if process_running(pid):
                return None
        else:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:  # held: its process is alive
                return None
        return os.pread(fd, 64, 0).strip()
    except OSError:
        return None
    finally:
        os.close(fd)  # (drops this reader's lock)


def forget(journals: Iterable[Path]) -> None:
    """Remove journals whose articles have been dealt with."""
    for path in journals:
        with contextlib.suppress(OSError):
            path.unlink()
