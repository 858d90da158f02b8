"""newstui's files changed under the running app (an upgrade while it is open): a module
imported on first use no longer matches those loaded, and its ImportError is one notice, not
a traceback, the app running on where it can (r44 user test M4)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from newstui.tui.mixins import AppMixin

if TYPE_CHECKING:
    from textual.actions import ActionParseResult
    from textual.dom import DOMNode

UPGRADED = "newstui was upgraded while it ran: quit ({app.quit}) and start it again"


def upgraded_line(keymap: Mapping[str, str]) -> str:
    """The notice for an ImportError, naming the quit key in effect."""
    from newstui.tui.screens.keyed_box import named_keys

    return named_keys(UPGRADED, keymap)


def log_import_error(app: object, error: ImportError) -> None:
    """The whole ImportError in the app's log file (the notice says what to do, not what failed)."""
    from newstui.errors import error_line

    logged = getattr(app, "logged_warnings", None)
    if logged is not None:
        logged.handler.record("error", error_line(error))


class SurvivesUpgrades(AppMixin):
    """Mixed into the app: an ImportError a key's action or a closed box's answer raises is one
    notice and the app runs on; raised anywhere else, the app stops with that line alone."""

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Textual's, with an ImportError the action raised one notice."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except ImportError as error:
            self._notice_upgrade(error)
            return True

    def _handle_exception(self, error: Exception) -> None:
        if not isinstance(error, ImportError):
            super()._handle_exception(error)
            return
        line = self._notice_upgrade(error)
        caught_in = error.__traceback__.tb_frame.f_code.co_name if error.__traceback__ else ""
        if caught_in != "_flush_next_callbacks":  # (a box's answer: the others' run on)
            # a message handler's: the widget that raised takes no more messages
            self.exit(return_code=1, message=line)

    def _notice_upgrade(self, error: ImportError) -> str:
        log_import_error(self, error)
        line = upgraded_line(_keymap_of(self))
        self.notify(line, severity="error", markup=False, timeout=30)
        return line


def _keymap_of(app: object) -> Mapping[str, str]:
    keymap: Any = getattr(app, "user_keymap", {})
    return keymap if isinstance(keymap, Mapping) else {}
