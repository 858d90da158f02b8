"""The one worker-error path: workers raise, and this handler shows one clean line, never a
traceback (a `NewstuiError`'s message, "database error: …", or the exception's type and text).
A line too long for a notification is cut at a word, and the whole message is in the app's log
file, which the line names."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from newstui.errors import error_line
from newstui.text import clean_line

SHOWN_MAX = 300  # characters of an error's line in its notification
LOGGED_MAX = 20_000  # … and in the log file


def report_failed_worker(node: DOMNode, event: Worker.StateChanged) -> None:
    """Notify the user once when a worker started by `node` failed (and log the whole error)."""
    error = event.worker.error
    if event.state is not WorkerState.ERROR or error is None:
        return
    if isinstance(error, ImportError):  # newstui upgraded under the running app
        from newstui.tui.upgraded_files import log_import_error, upgraded_line

        log_import_error(node.app, error)
        keymap = getattr(node.app, "user_keymap", {})
        node.app.notify(upgraded_line(keymap), severity="error", markup=False, timeout=30)
        return
    if isinstance(error, MemoryError):
        line = memory_line(event.worker.group)
    else:
        line = clean_line(error_line(error), LOGGED_MAX)
    rest = str(error).strip().splitlines()[1:]  # (error_line says the first line only)
    whole = clean_line(" ".join([line, *rest]), LOGGED_MAX)
    logged = getattr(node.app, "logged_warnings", None)
    log_file = logged.handler.record("error", whole) if logged is not None else None
    shown = cut_at_word(line, SHOWN_MAX)
    if (shown != line or rest) and log_file is not None:
        shown += f" (the whole message: {log_file})"
    node.app.notify(shown, severity="error", markup=False)


# What a worker group does, for "not enough memory to …" (user test r47 H1: a bare MemoryError)
WORK_SAID = {
    "headlines-load": "list the articles",
    "headlines-listed": "list the articles",
    "headlines-chunk": "list the articles",
    "headlines-check": "list the articles",
    "hidden-matches": "list the articles",
    "detail": "show the article",
    "sources": "list the sources",
    "speaker-quotes": "list the quotes",
    "unread": "find the next unread article",
    "refresh": "refresh",
    "fulltext": "fetch the full text",
    "analyse": "analyse the articles",
    "import-feeds": "import the feeds",
    "add-feed": "add the feed",
    "write": "save the change",
}


def memory_line(group: str) -> str:
    """The one line for a worker that ran out of memory: what it was doing, and the limit
    this process runs under when one is set (`ulimit -v` on a shared host)."""
    import resource

    what = WORK_SAID.get(group, "finish this")
    soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    if soft == resource.RLIM_INFINITY:
        return f"not enough memory to {what}: close other programs and try again"
    limit = f"{soft / (1 << 20):,.0f} MB"
    return f"not enough memory to {what}: newstui may use {limit} here (`ulimit -v`)"


def cut_at_word(line: str, most: int) -> str:
    """`line` in at most `most` characters: cut after its last whole word that fits, with "…"
    (in the middle of a word only when one word is longer than half of it)."""
    if len(line) <= most:
        return line
    cut = line[: most - 1]
    space = cut.rfind(" ")
    if space >= most // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


class ReportsWorkerErrors:
    """Mixed into each widget, screen and app that starts workers: their workers are started
    with `exit_on_error=False`, raise, and end up here."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        assert isinstance(self, DOMNode)
        report_failed_worker(self, event)
