"""A notification that lasts while something runs and is taken down when it ends ("Adding
URL…" until "Added …"): Textual's `notify` gives no handle on the toast it shows, so the
notice is a Notification of our own, posted as `notify` posts one."""

from __future__ import annotations

from textual.app import App
from textual.notifications import Notification, Notify

from newstui.text import terminal_safe

LASTING_SECONDS = 600.0  # a notice's bound, should nothing take it down


def show_notice(app: App[object], message: str) -> Notification:
    """Show `message` (plain text, made terminal-safe) until withdraw_notice; thread-safe."""
    notice = Notification(terminal_safe(message), timeout=LASTING_SECONDS)
    app.post_message(Notify(notice))
    return notice


def withdraw_notice(app: App[object], notice: Notification) -> None:
    """Take a notice down now; thread-safe. It expires, and an expired notification posted
    after it makes the app show its toasts again without it (one that expired is not shown)."""
    notice.timeout = 0
    app.post_message(Notify(Notification("", timeout=0)))
