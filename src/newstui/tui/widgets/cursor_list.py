"""An option list whose focused cursor is reverse video where colour may not show it (a
16-colour or monochrome terminal, the Linux console, NO_COLOR: the app's class -few-colours)."""

from __future__ import annotations

from textual.style import Style as VisualStyle
from textual.widgets import OptionList

from newstui.tui.theme_colours import few_colours

HIGHLIGHTED = "option-list--option-highlighted"
REVERSED = VisualStyle(reverse=True)


class CursorList(OptionList):
    """OptionList with a cursor that shows without colour: reverse video while focused (its
    colours given swapped in newstui.tcss), underlined while not (newstui.tcss alone)."""

    def get_visual_style(self, *component_classes: str, partial: bool = False) -> VisualStyle:
        # (Textual's visual styles leave out the CSS's `text-style: reverse`; it is added here)
        style = super().get_visual_style(*component_classes, partial=partial)
        if HIGHLIGHTED in component_classes and self.has_focus and few_colours(self.app):
            return style + REVERSED
        return style
