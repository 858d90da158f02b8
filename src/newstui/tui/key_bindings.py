"""The app's Textual bindings made from the one key table, `newstui.key_actions`: a binding id's
keys, footer word and help line come from there, the action it runs here from its widget."""

from __future__ import annotations

from textual.binding import Binding

from newstui.key_actions import KEY_ACTIONS


def bound(
    binding_id: str,
    action: str,
    *,
    show: bool = True,
    priority: bool = False,
    description: str | None = None,
    tooltip: str | None = None,
) -> Binding:
    """The binding `binding_id` of KEY_ACTIONS running `action`; `description` and `tooltip`
    only where one place says it otherwise (help's words for Enter in Sources)."""
    entry = KEY_ACTIONS[binding_id]
    return Binding(
        ",".join(entry.keys),
        action,
        entry.description if description is None else description,
        show=show,
        priority=priority,
        tooltip=entry.tooltip if tooltip is None else tooltip,
        id=binding_id,
    )
