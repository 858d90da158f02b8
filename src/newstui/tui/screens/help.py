"""The `?` screen: every key binding with its description, generated from the bindings."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from newstui.tui.demo_keys import demo_noted
from newstui.tui.keymap import keys_label
from newstui.tui.screens.keyed_box import KeyedBox, named_keys
from newstui.tui.widgets.term_rows import TermRows


def binding_rows(
    sections: Iterable[tuple[str, Iterable[BindingType]]],
    keymap: Mapping[str, str] | None = None,
    unavailable: frozenset[str] = frozenset(),
) -> list[tuple[str, str, str]]:
    """(section, keys, description) for each described binding, keys shown as typed (the
    user's keymap applied); the description of a binding in `unavailable` (the demo's) says
    so. One left with no key is not listed: the palette given only a key one types (`:`) has
    it on its twin, whose row lists it (keymap.PRIORITY_TWINS)."""
    rows = []
    for section, bindings in sections:
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = keys_label(binding, keymap or {})
            if not keys:
                continue
            said = named_keys(binding.tooltip or binding.description, keymap or {})
            rows.append((section, keys, demo_noted(said, binding.id, unavailable)))
    return rows


TWO_COLUMNS_FROM = 80  # the screen's width from which the keys take two columns
KEYS_WIDTH = 9  # the keys column's most in one column, as wide as the panes' widest ("Shift-Tab")

Row = tuple[str, str, str]  # (section, keys, description)


def _halves(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """The rows in two columns of whole sections, in order, the left about half the lines."""
    sections = list(dict.fromkeys(name for name, _, _ in rows))
    left: set[str] = set()
    half = (len(rows) + 2 * len(sections)) / 2  # rows plus headings and gaps
    used = 0
    for name in sections[:-1]:
        size = sum(1 for row in rows if row[0] == name) + 2
        if used and used + size / 2 > half:
            break
        left.add(name)
        used += size
    return [r for r in rows if r[0] in left], [r for r in rows if r[0] not in left]


class HelpScreen(KeyedBox[None]):
    """A scrollable table of keys; any of Esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-box {
        width: 100;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen .help-columns {
        height: auto;
    }
    HelpScreen .help-columns Static {
        width: 1fr;
    }
    HelpScreen.-one-column .help-columns {
        layout: vertical;
    }
    HelpScreen.-one-column .help-columns Static {
        width: 100%;
    }
    /* a blank line between sections, as within a column */
    HelpScreen.-one-column .help-right, HelpScreen #help-examples, HelpScreen #help-boxes {
        margin-top: 1;
    }
    """
    # below 80 columns the sections stack in one column: two columns of half that wrapped
    # nearly every description onto three lines (no ClassVar: Textual declares an attribute)
    HORIZONTAL_BREAKPOINTS = [(0, "-one-column"), (TWO_COLUMNS_FROM, "-two-columns")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        # the reader's keys scroll the help too (the arrows, PgUp/PgDn, Home/End already do)
        Binding("j,down", "scroll_help('down')", "Scroll down", show=False, id="help.scroll_down"),
        Binding("k,up", "scroll_help('up')", "Scroll up", show=False, id="help.scroll_up"),
        Binding("g,home", "scroll_help('top')", "Top", show=False, id="help.top"),
        Binding("G,end", "scroll_help('bottom')", "Bottom", show=False, id="help.bottom"),
        Binding(
            "space,pagedown",
            "scroll_help('page_down')",
            "Page down",
            show=False,
            id="help.page_down",
        ),
        Binding("b,pageup", "scroll_help('page_up')", "Page up", show=False, id="help.page_up"),
    ]

    def __init__(
        self,
        rows: list[tuple[str, str, str]],
        examples: list[tuple[str, str]] | None = None,
        search_key: str = "/",
        later: Collection[str] = (),
    ) -> None:
        """`later`: the sections laid out in columns of their own under the rest (the boxes'
        keys, under the panes': they pushed the article's keys off the first page)."""
        super().__init__()
        self.rows = rows
        self._examples = examples or []
        self._search_key = search_key  # the search key in effect, in the examples' heading
        self._later = set(later)
        self._blocks: list[tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]] = []
        self._one_column: bool | None = None  # how the halves are laid out (None: not yet)

    def compose(self) -> ComposeResult:
        first = [row for row in self.rows if row[0] not in self._later]
        later = [row for row in self.rows if row[0] in self._later]
        self._blocks = [_halves(block) for block in (first, later) if block]
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = f"{self.keys_shown('help.close')} to close"
            for n, _ in enumerate(self._blocks):
                with Horizontal(classes="help-columns", id="help-boxes" if n else "help-panes"):
                    yield Static(classes="help-left")
                    yield Static(classes="help-right")
            if self._examples:
                yield Static(self._examples_table(), id="help-examples")

    def on_resize(self, event: events.Resize) -> None:
        """Lay the halves out again when they go from two columns to one, or back: stacked,
        they share one keys column (each had its own, and the actions did not line up)."""
        one_column = event.size.width < TWO_COLUMNS_FROM
        if one_column == self._one_column:
            return
        self._one_column = one_column
        # stacked, one keys column for all, at most KEYS_WIDTH wide: a box's longer keys ("n Esc
        # q Enter") go on at the next line, rather than pushing every description to the right
        shared = max((cell_len(keys) for _, keys, _ in self.rows), default=0)
        width = min(shared, KEYS_WIDTH) if one_column else None
        for columns, halves in zip(self.query(".help-columns"), self._blocks, strict=True):
            for name, rows in zip((".help-left", ".help-right"), halves, strict=True):
                columns.query_one(name, Static).update(self._table(rows, width))

    def action_scroll_help(self, where: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        y, page = box.scroll_y, box.scrollable_content_region.height
        target = {
            "down": y + 1,
            "up": y - 1,
            "top": 0,
            "bottom": box.max_scroll_y,
            "page_down": y + page,
            "page_up": y - page,
        }[where]
        # at once: a scroll waiting for the next frame let the next key of a burst (j held
        # down) start from the same line, so the help moved a line a frame, not a line a key
        box.scroll_to(y=target, animate=False, immediate=True)

    def _examples_table(self) -> Group:
        """The query examples under their heading: an example and its meaning side by side, or
        the meaning under its example where they would not both fit."""
        heading = Text(f" Search queries ({self._search_key})", style="italic dim")
        return Group(heading, TermRows(self._examples, term_style="bold", indent=1))

    @staticmethod
    def _table(rows: list[tuple[str, str, str]], width: int | None = None) -> Group:
        """A section heading on a line of its own (a long one does not widen the keys column),
        then its keys and actions; every section's keys column as wide as the widest keys (or
        `width`)."""
        if width is None:
            width = max((cell_len(keys) for _, keys, _ in rows), default=0)
        parts: list[RenderableType] = []
        sections = list(dict.fromkeys(name for name, _, _ in rows))
        for n, name in enumerate(sections):
            if n:
                parts.append(Text(""))
            parts.append(Text(f" {name}", style="italic dim"))
            table = Table(box=None, show_header=False, padding=(0, 1))
            table.add_column("keys", style="bold", width=width)
            table.add_column("action")
            for section, keys, description in rows:
                if section == name:  # (keys wider than the column go on at the next line)
                    table.add_row(Text(keys, overflow="fold"), Text(description))
            parts.append(table)
        return Group(*parts)
