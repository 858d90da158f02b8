"""What newstui says while another process holds the database's write lock: at once that it
waits, and for whom; the file and what to do when the wait is over. One wording for the
commands (cli/) and the app's writes (busy_error), so the core holds it, not either UI."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newstui.errors import StoreError
from newstui.library import Library, busy_seconds

if TYPE_CHECKING:
    from pathlib import Path


def waiting_notice(db_path: Path | str, say: Callable[[str], None]) -> Callable[[], None]:
    """What the store calls when a write first has to wait: one line through `say`."""

    def notice() -> None:
        say(
            f"newstui: {db_path} is busy: {_writer(db_path)} is writing to it; waiting up to "
            f"{busy_seconds():g} s for it to finish (Ctrl-C to stop)"
        )

    return notice


def busy_error(db_path: Path | str) -> StoreError:
    """The error of a write that waited in vain."""
    return StoreError(
        f"{db_path} is busy: {_writer(db_path)} kept it locked for {busy_seconds():g} s; "
        "try again when it is done",
        source=str(db_path),
    )


def _writer(db_path: Path | str) -> str:
    """Who holds the lock, as well as the system tells: "another newstui (pid 123)"."""
    pid = Library.write_lock_holder(db_path)
    if pid is None:
        return "another process"
    return f"another {Library.runs_what(pid)} (pid {pid})"
