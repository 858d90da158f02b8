"""The main screen's panes: which show at this size (narrow screens collapse the sources and
the sidebar; a short one gives the reader the column while it reads; the list layout gives the
headlines the column), which has focus, and the keys that move between them. Mixed into `MainScreen`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.widget import Widget

from newstui.tui.middle_ellipsis import looks_like_path, middle_ellipsis
from newstui.tui.mixins import ScreenMixin
from newstui.tui.widgets.headlines import HeadlineList
from newstui.tui.widgets.reader import Reader
from newstui.tui.widgets.sidebar import Sidebar
from newstui.tui.widgets.sources import SourcesPane
from newstui.tui.widgets.sources_space import SourcesSpace
from newstui.tui.widgets.title_bar import side_cells

if TYPE_CHECKING:
    from newstui.model import ArticleDetail

PANE_NAMES = {
    "sources": "Sources",
    "headlines": "Headlines",
    "reader": "Reader",
    "sidebar": "Sidebar",
}
NARROW_WIDTH = 110  # below this the sources pane and the sidebar become toggles
# The reader's least width beside the sidebar (its text 35 columns), and the sidebar's: on a
# narrow screen the sidebar narrows first, down to its least; below both it shows alone, in the
# reader's place, while it has the focus (user test r38 L15: the reader was 18 columns at 40).
READER_MIN_WIDTH = 40
SIDEBAR_MIN_WIDTH = 20
SIDEBAR_NARROW_SHARE = 0.4  # of a narrow screen, up to SIDEBAR_NARROW_MAX
SIDEBAR_NARROW_MAX = 34
SHORT_HEIGHT = 32  # below this the reader takes the whole column while it has focus
TITLE_SLACK = 8  # cells a cut of the title may leave unused to end at a word or a part


def title_cut(title: str, room: int) -> str:
    """`title` cut to `room` cells with "…": at a part or a word when that keeps the bar nearly
    full, else at the character, so a long search's one long word is shown as far as it fits
    (a cut at the ': ' before it showed 'Headlines ▸ Search…' in 90 cells)."""
    cut = middle_ellipsis(title, room).plain
    if looks_like_path(title) or room - cell_len(cut) <= TITLE_SLACK:
        return cut
    fitted = Text(title)
    fitted.truncate(room, overflow="ellipsis")
    head = fitted.plain.removesuffix("…")
    space = head.rfind(" ")
    if space > 0 and room - cell_len(head[:space]) - 1 <= TITLE_SLACK:
        return f"{head[:space].rstrip()}…"
    return fitted.plain


def narrow_sidebar_width(screen_width: int) -> int | None:
    """The sidebar's width beside the reader on a narrow screen: 40% of it, 20 to 34 columns,
    less when the reader would keep fewer than READER_MIN_WIDTH; None when even the least would
    (the sidebar then shows alone, while it has the focus)."""
    share = int(screen_width * SIDEBAR_NARROW_SHARE)
    width = min(max(share, SIDEBAR_MIN_WIDTH), SIDEBAR_NARROW_MAX, screen_width - READER_MIN_WIDTH)
    return width if width >= SIDEBAR_MIN_WIDTH else None


class PaneLayout(ScreenMixin):
    """Mixed into the main screen: its panes' visibility and focus."""

    sources: SourcesPane
    _sources_space: SourcesSpace | None  # the pane's place until it is mounted
    headlines: HeadlineList
    reader: Reader
    sidebar: Sidebar
    detail: ArticleDetail | None
    _sidebar_wanted: bool | None  # None: follow the terminal width
    _focused_pane: str
    _pane_asked: str | None  # focus_pane's pane until its focus arrives
    _before_full_reader: str  # the pane `z` returns to
    _view_title: str

    if TYPE_CHECKING:

        def fit_status(self) -> None: ...  # (StatusRow: the bottom row's status lines)

    def fit_panes(self, size: Size) -> None:
        """Show the panes this terminal size has room for. Called on mount with the app's size
        too, so the first layout is already the right one (not redone at the first Resize)."""
        narrow = size.width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        beside = narrow_sidebar_width(size.width) if narrow else None
        # (wide: newstui.tcss's share; narrow: this width, or none beside the reader)
        self.sidebar.styles.width = beside
        self.sidebar.styles.min_width = beside
        self.sidebar.styles.max_width = beside
        self.set_class(narrow and beside is None, "-cramped")
        self.set_class(size.height < SHORT_HEIGHT, "-short")
        self.sources.fit_width(size.width, narrow)
        if (space := self._sources_space) is not None:  # the place kept takes the same room
            space.display = not narrow  # (a narrow screen shows the pane only with the focus)
            space.styles.width = self.sources.styles.width
            space.styles.min_width = self.sources.styles.min_width
            space.styles.max_width = self.sources.styles.max_width
        self._apply_sidebar()

    def mount_sources(self) -> None:
        """Put the sources pane in the place kept for it (once: after the first paint, or
        when the focus goes there first)."""
        space, self._sources_space = self._sources_space, None
        if space is None:
            return
        space.display = False  # no frame shows both
        self.query_one("#main").mount(self.sources, before=space)
        space.remove()

    def on_resize(self, event: Resize) -> None:
        self.fit_panes(event.size)
        self._show_title()
        self.fit_status()
        if not self.sidebar_visible and self._pane_of(self.focused) == "sidebar":
            # keys must never go to a pane the user cannot see: the reader when an article is
            # open, else the headlines
            self.focus_pane("reader" if self.detail is not None else "headlines")

    def _apply_sidebar(self) -> None:
        wanted = self._sidebar_wanted
        visible = not self.has_class("-narrow") if wanted is None else wanted
        self.set_class(not visible, "-no-sidebar")

    @property
    def sidebar_visible(self) -> bool:
        """Whether the sidebar is shown."""
        return not self.has_class("-no-sidebar")

    def _pane_of(self, widget: Widget | None) -> str | None:
        for pane in (self.sources, self.headlines, self.reader, self.sidebar):
            node = widget
            while node is not None:
                if node is pane:
                    return pane.id
                node = node.parent if isinstance(node.parent, Widget) else None
        return None

    def on_descendant_focus(self) -> None:
        pane = self._pane_of(self.focused)
        self._pane_asked = None
        self.set_class(pane == "sources", "-show-sources")
        self.set_class(pane == "sidebar", "-show-sidebar")  # (alone on a cramped screen)
        self.set_reading(pane == "reader")
        if pane != "reader":
            self.remove_class("-full-reader")  # leaving the reader leaves the full-width view
        if pane is not None:
            self._focused_pane = PANE_NAMES[pane]
            self._show_title()

    def _show_title(self) -> None:
        """The title bar names the focused pane, then the view: "Reader ▸ All articles". A title
        too long for the bar is cut so that the sub-title (the count and the order) shows whole."""
        title = f"{self._focused_pane} ▸ {self._view_title}"
        room = self.size.width - sum(side_cells(self.has_class("-narrow")))
        if self.sub_title:
            room -= cell_len(f" — {self.sub_title}")
        if cell_len(title) > room >= cell_len(f"{self._focused_pane} ▸ ") + 8:
            title = title_cut(title, room)
        self.title = title

    def set_reading(self, on: bool) -> None:
        """Mark the headlines and the reader as reading or not: the class is theirs, not the
        screen's, so that Enter and q restyle these two widgets, not every widget on the screen
        (a screen class made Textual match the whole stylesheet again on each of its nodes:
        ~40 ms a key at load 10)."""
        self.headlines.set_class(on, "-reading")
        self.reader.set_class(on, "-reading")

    def focus_pane(self, name: str) -> None:
        """Focus a pane by id, showing it first when it is collapsed. The focus moves at once
        (not after the messages already queued, as `Widget.focus` does): keys typed in one burst
        after the one that called this (`h k`, Enter `j`) go to the new pane."""
        self._pane_asked = name  # until the Focus event comes: a Tab before it goes on from here
        if name == "sources":
            self.mount_sources()  # (keys typed before the first paint was done)
            self.set_reading(False)
            self.add_class("-show-sources")
            self.set_focus(self.sources)
        elif name == "headlines":
            self.set_reading(False)  # a narrow screen shows the list again at once
            self.set_focus(self.headlines)
        elif name == "reader":
            self.set_reading(True)
            self.set_focus(self.reader)
        elif name == "sidebar":
            if not self.sidebar_visible:
                self._sidebar_wanted = True
                self._apply_sidebar()
            self.set_focus(self.sidebar.active_list)

    def action_cycle_pane(self, step: int) -> None:
        order = ["sources", "headlines", "reader"]
        if self.sidebar_visible:
            order.append("sidebar")
        current = self._pane_asked or self._pane_of(self.focused) or "headlines"
        index = order.index(current) if current in order else 1
        self.focus_pane(order[(index + step) % len(order)])

    def action_toggle_full_reader(self) -> None:
        full = not self.has_class("-full-reader")
        if full:
            # z again returns to the pane z was pressed in (the reader stays the reader)
            self._before_full_reader = self._pane_of(self.focused) or "headlines"
        self.set_class(full, "-full-reader")
        if full:
            self.reader.focus()
        else:
            back = self._before_full_reader
            if back == "sidebar" and not self.sidebar_visible:
                back = "reader"
            self.focus_pane(back)

    def set_list_layout(self, on: bool) -> None:
        """The list layout: the headlines take the whole column and the reader shows only while
        it has the focus, in their place (newsboat's article list; user test r48 M8: below 32
        rows the list was 8 rows, the preview the rest)."""
        self.set_class(on, "-list-layout")

    def action_toggle_list_layout(self) -> None:
        on = not self.has_class("-list-layout")
        self.set_list_layout(on)
        if on and self._pane_of(self.focused) == "reader" and self.has_class("-full-reader"):
            self.remove_class("-full-reader")  # (z's view and the list's reader are one now)
        self.notify(
            "Headlines full height: Enter opens the article over them, q goes back."
            if on
            else "Headlines over the reader."
        )

    def action_toggle_speakers(self) -> None:
        shown = self.reader.toggle_speakers()
        self.notify("Speaker tags shown." if shown else "Speaker tags hidden.")

    def action_toggle_sidebar(self) -> None:
        if self.has_class("-cramped"):  # no room beside the reader: e goes there and back
            if self._pane_of(self.focused) == "sidebar":
                self._sidebar_wanted = False
                self._apply_sidebar()
                self.focus_pane("reader")
            else:
                self.focus_pane("sidebar")
            return
        if self.has_class("-full-reader"):
            self._show_sidebar()  # (the full-width reader hid it: e hid it for good, unseen)
            return
        self._sidebar_wanted = not self.sidebar_visible
        self._apply_sidebar()
        if not self.sidebar_visible and self._pane_of(self.focused) == "sidebar":
            self.focus_pane("reader")

    def _show_sidebar(self) -> None:
        """Show the sidebar, beside the reader if the reader had the whole width."""
        self.remove_class("-full-reader")
        if not self.sidebar_visible:
            self._sidebar_wanted = True
            self._apply_sidebar()

    def action_sidebar_tab(self, name: str) -> None:
        self._show_sidebar()
        in_sidebar = self._pane_of(self.focused) == "sidebar"
        self.sidebar.show_tab(name)
        if in_sidebar:  # the old tab's list is hidden now: keep the keys on the sidebar
            self.sidebar.active_list.focus()

    def action_page(self, direction: int) -> None:
        self.reader.page(direction)
