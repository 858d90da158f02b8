"""A notification's text made to read cleanly in its toast: paths under the home folder written
`~/…` (user test r33 L8: a toast at 80x24 folded `…/newstui/feeds.t` / `oml lists it at`; the
toast's width at a narrow terminal is newstui.tcss's)."""

from __future__ import annotations

import os
import re

from newstui.text import terminal_safe


def notice_text(message: str) -> str:
    """A notification's text as its toast shows it, whoever posts it (App.notify, the lasting
    and replacing notices of tui.notices): safe for the terminal, paths under the home folder
    written `~/…`."""
    return home_as_tilde(terminal_safe(message), os.path.expanduser("~"))


def home_as_tilde(text: str, home: str) -> str:
    """`text` with each path under the home folder `home` starting `~` (`/home/ann/x` →
    `~/x`), not a longer folder's name (`/home/anna`), nor inside a URL (`file:///home/ann`)."""
    home = home.rstrip("/")
    if not home or home not in text:
        return text
    return re.sub(rf"(?<![\w/:]){re.escape(home)}(?![\w\-]|\.\w)", "~", text)
