"""What an app has notified, recorded at Textual's public `App.notify` (widgets and screens notify
through it; newstui's own `notify` cleans the text, then calls it), instead of reading the app's
private `_notifications`."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from textual.app import App
from textual.notifications import Notification, SeverityLevel

_SHOWN: weakref.WeakKeyDictionary[App[Any], list[Notification]] = weakref.WeakKeyDictionary()


@pytest.fixture(autouse=True)
def record_notifications(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Record every notification any app shows during the test, for `notifications(app)`."""
    shown = App.notify

    def notify(
        self: App[Any],
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        _SHOWN.setdefault(self, []).append(Notification(message, title, severity, markup=markup))
        shown(self, message, title=title, severity=severity, timeout=timeout, markup=markup)

    monkeypatch.setattr(App, "notify", notify)
    yield


def notifications(app: App[Any]) -> list[Notification]:
    """Every notification the app has shown, oldest first."""
    return list(_SHOWN.get(app, ()))
