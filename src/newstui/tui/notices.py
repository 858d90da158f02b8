"""A notification that lasts while something runs and is taken down when it ends ("Adding
URL…" until "Added …"): Textual's `notify` gives no handle on the toast it shows, so the
notice is a Notification of our own, posted as `notify` posts one."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.notifications import Notification, Notify, SeverityLevel

from newstui.tui.toast_text import notice_text

LASTING_SECONDS = 600.0  # a notice's bound, should nothing take it down


def show_notice(app: App[Any], message: str) -> Notification:
    """Show `message` (plain text, as App.notify shows it: toast_text.notice_text) until
    withdraw_notice; thread-safe."""
    notice = Notification(notice_text(message), timeout=LASTING_SECONDS)
    app.post_message(Notify(notice))
    return notice


def withdraw_notice(app: App[Any], notice: Notification) -> None:
    """Take a notice down now; thread-safe. It expires, and an expired notification posted
    after it makes the app show its toasts again without it (one that expired is not shown)."""
    notice.timeout = 0
    app.post_message(Notify(Notification("", timeout=0)))


def replace_notice(
    app: App[Any],
    previous: Notification | None,
    message: str,
    severity: SeverityLevel = "information",
) -> Notification:
    """Show `message` (plain text, as App.notify shows it) for the app's usual time in place of
    `previous`, taken down if still shown: a notice said once a key (`n`'s "Marked read with 1
    copy of the same story.", "on to Wire") stacked a toast a key over the article being read
    (user test r34 M4)."""
    if previous is not None:
        previous.timeout = 0  # (expired: the new notice's refresh leaves it out)
    notice = Notification(
        notice_text(message), severity=severity, timeout=app.NOTIFICATION_TIMEOUT, markup=False
    )
    app.post_message(Notify(notice))
    return notice
