"""The title bar: the command palette's icon, then the screen's title and sub-title centred.

One widget drawing one line, where Textual's Header composes four (icon, title, clock space and
itself), each mounted, styled and drawn before the first paint (~30M instructions of the start).
It looks as the Header did: the icon in 8 cells (3 on a narrow screen), the title centred in
the cells left between it and the 10 (3) kept on the right, cut with "…" when too long."""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from newstui.text import one_width
from newstui.tui.glyphs import console_text
from newstui.tui.theme_colours import few_colours

ICON_CELLS = 8  # the icon's cells, as Textual's HeaderIcon (a cell of padding each side)
CLOCK_CELLS = 10  # the cells kept on the right, as Textual's HeaderClockSpace
NARROW_CELLS = 3  # each side on a narrow screen (the screen class `-narrow`)
ICON_HOVER = "on $foreground 10%"  # the icon under the mouse, as HeaderIcon:hover
ICON_TOOLTIP = "Open the command palette"


def side_cells(narrow: bool) -> tuple[int, int]:
    """The cells of the icon and of the space on the right, on a narrow screen or not."""
    return (NARROW_CELLS, NARROW_CELLS) if narrow else (ICON_CELLS, CLOCK_CELLS)


class TitleBar(Widget):
    """The screen's title and sub-title (the app's `format_title`), an icon that opens the
    command palette when clicked."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, icon: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.icon = icon
        self._icon_hovered = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            for name in ("title", "sub_title"):
                self.watch(node, name, self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def _narrow(self) -> bool:
        return self.screen.has_class("-narrow")

    def render(self) -> RenderResult:
        icon_cells, right_cells = side_cells(self._narrow())
        icon = Content(f" {self.icon}").truncate(icon_cells, pad=True)
        if self._icon_hovered:
            icon = icon.stylize(ICON_HOVER)
        screen_title, screen_sub_title = self.screen.title, self.screen.sub_title
        title_text = one_width(screen_title if screen_title is not None else self.app.title)
        if self.app.has_class("-console-glyphs"):  # (▸ as >: the same width)
            title_text = console_text(title_text)
        title = self.app.format_title(  # (🛰️ as 🛰: one width in every terminal)
            title_text,
            one_width(screen_sub_title if screen_sub_title is not None else self.app.sub_title),
        )
        room = max(0, self.size.width - icon_cells - right_cells)
        title = title.truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        right = self.size.width - icon_cells - left - title.cell_length
        line = Content.assemble(icon, " " * left, title, " " * max(0, right))
        # where colour may not set the bar apart from the panes: reverse video, as mutt's
        return line.stylize("reverse") if few_colours(self.app) else line

    async def on_click(self, event: events.Click) -> None:
        if event.x < side_cells(self._narrow())[0]:
            event.stop()
            await self.run_action("app.command_palette")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_icon(event.x < side_cells(self._narrow())[0])

    def on_leave(self) -> None:
        self._hover_icon(False)

    def _hover_icon(self, hovered: bool) -> None:
        if hovered != self._icon_hovered:
            self._icon_hovered = hovered
            self.tooltip = ICON_TOOLTIP if hovered else None
            self.refresh()
