"""The one worker-error path: workers raise, and this handler shows one clean line, never a
traceback (a `NewstuiError`'s message, "database error: …", or the exception's type and text)."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from newstui.errors import error_line
from newstui.text import clean_line


def report_failed_worker(node: DOMNode, event: Worker.StateChanged) -> None:
    """Notify the user once when a worker started by `node` failed."""
    error = event.worker.error
    if event.state is WorkerState.ERROR and error is not None:
        node.app.notify(clean_line(error_line(error), 300), severity="error", markup=False)


class ReportsWorkerErrors:
    """Mixed into each widget, screen and app that starts workers: their workers are started
    with `exit_on_error=False`, raise, and end up here."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        assert isinstance(self, DOMNode)
        report_failed_worker(self, event)
