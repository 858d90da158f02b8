"""Bases of the classes mixed into the main screen and the app: Textual's own types for the type
checker, a plain `object` at run time (a Textual subclass costs ~2M instructions to create, at
every start). Their message handlers are named for the message (`_on_feed_added`), since
`@on` is read from Textual classes only."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    ScreenMixin = Screen[None]
    AppMixin = App[int]
else:
    ScreenMixin = object
    AppMixin = object
