"""The sources pane's place in the first frame, before the pane itself is mounted."""

from __future__ import annotations

from textual.widget import Widget


class SourcesSpace(Widget):
    """The sources pane's place in the first frame, as the empty pane looks: the pane (an option
    list: its styles, two layouts and two draws of its blank lines, ~25M instructions) joins
    the screen in its place once the headlines are painted, before its first counts."""

    DEFAULT_CSS = """
    SourcesSpace {
        visibility: visible;  /* (its container is hidden: newstui.tcss) */
        height: 1fr;
        border-right: vkey $foreground 20%;
        background: $surface;
    }
    """

    def render(self) -> str:
        return ""
