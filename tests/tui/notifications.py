"""What an app has notified, recorded at Textual's public `App.notify` (widgets and screens notify
through it; newstui's own `notify` cleans the text, then calls it), instead of reading the app's
private `_notifications`."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from textual.app import App
from textual.notifications import Notification

_SHOWN: weakref.WeakKeyDictionary[App[Any], list[Notification]] = weakref.WeakKeyDictionary()


@pytest.fixture(autouse=True)
def record_notifications(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Record every notification any app shows during the test, for `notifications(app)`. The
    wrapper passes every argument on and reads them through Textual's own signature, so a
    parameter Textual adds is neither dropped nor given a copied default here."""
    shown = App.notify
    signature = inspect.signature(shown)

    def notify(self: App[Any], message: str, *args: Any, **kwargs: Any) -> None:
        given = signature.bind(self, message, *args, **kwargs)
        given.apply_defaults()
        a = given.arguments
        _SHOWN.setdefault(self, []).append(
            Notification(a["message"], a["title"], a["severity"], markup=a["markup"])
        )
        shown(self, message, *args, **kwargs)

    monkeypatch.setattr(App, "notify", notify)
    yield


def notifications(app: App[Any]) -> list[Notification]:
    """Every notification the app has shown, oldest first."""
    return list(_SHOWN.get(app, ()))
