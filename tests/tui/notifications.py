"""What an app has notified, read from the `Notify` messages Textual posts to the app (every
notification, widgets' and screens' included, goes through `App.notify`, which posts one),
seen through `run_test`'s public `message_hook` instead of the app's private `_notifications`."""

from __future__ import annotations

import weakref
from contextlib import AbstractAsyncContextManager
from typing import Any

from textual.app import App
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot

_SHOWN: weakref.WeakKeyDictionary[App[Any], list[Notification]] = weakref.WeakKeyDictionary()


def run_recorded(app: App[Any], **kwargs: Any) -> AbstractAsyncContextManager[Pilot[Any]]:
    """`app.run_test(**kwargs)`, recording each notification the app shows for
    `notifications(app)`."""
    shown = _SHOWN.setdefault(app, [])

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            shown.append(message.notification)

    return app.run_test(message_hook=hook, **kwargs)


def notifications(app: App[Any]) -> list[Notification]:
    """Every notification the app has shown, oldest first (the app run with `run_recorded`)."""
    assert app in _SHOWN, "run the app with run_recorded(app, …) to read its notifications"
    return list(_SHOWN[app])
