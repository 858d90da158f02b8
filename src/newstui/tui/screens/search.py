"""The `/` screen: type a query; a valid one becomes a view, an invalid one says what and where."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from newstui.text import terminal_safe

if TYPE_CHECKING:  # the query language is imported when a query is typed
    from newstui.query import Query  # noqa: F401  (SearchScreen's result type, a string below)

# The hint under the box: each piece stays on one line (a narrow box broke `"river bank"`).
HINT_PARTS = (
    "Enter to search, Esc to cancel.",
    'flood "river bank" evac*',
    "a OR b",
    "-word",
    "title:x",
    "feed:bbc",
    "unread",
    "age:<3d",
    'person:"Dmitry Peskov"',
    "speaker:Peskov",
    "(type ? for more)",
)


def packed_hint(width: int) -> str:
    """The hint's pieces, two spaces apart, in lines of `width` cells, none split."""
    lines: list[str] = []
    line = ""
    for part in HINT_PARTS:
        joined = f"{line}  {part}" if line else part
        if line and cell_len(joined) > width:
            lines.append(line)
            line = part
        else:
            line = joined
    return "\n".join([*lines, line])


class SearchHint(Static):
    """The hint under the search box, laid out again for its width; or an error, or examples."""

    def __init__(self) -> None:
        super().__init__(packed_hint(86), id="search-hint", markup=False)
        self.showing_hint = True

    def show_hint(self) -> None:
        """The hint again, after an error or the examples."""
        self.showing_hint = True
        self.on_resize()

    def on_resize(self) -> None:
        if self.showing_hint and self.content_region.width:
            self.update(packed_hint(self.content_region.width))


QUERY_EXAMPLES = [
    ('flood "river bank" evac*', "a word, a phrase, a prefix (all must match)"),
    ("flood OR storm  -drought", "either; NOT or - excludes; ( ) groups"),
    ("title:  author:  text:", "a word or phrase in one part"),
    ("feed:bbc  tag:world", "feed name or URL contains; a tag"),
    ("unread  starred  has:fulltext", "facts (also has:enclosure, has:quotes)"),
    ("after:2026-11-01  age:<3d", "by date (before:, age:>12h; m h d w)"),
    ('person:"Dmitry Peskov"  org:  place:', "mentions (group: too; surname alone)"),
    ('speaker:Peskov  quotes:"we will"', "quoted by; a quote saying"),
]


def query_examples() -> Table:
    """What a query may say, an example a line: shown when the query typed is "?"."""
    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0))
    table.add_column(no_wrap=True)
    table.add_column()
    for example, meaning in QUERY_EXAMPLES:
        table.add_row(Text(example), Text(meaning))
    return table


class SearchScreen(ModalScreen["Query | None"]):
    """Returns the parsed query (Enter) or None (Esc); an invalid query keeps the box open."""

    DEFAULT_CSS = """
    SearchScreen {
        align: center middle;
    }
    SearchScreen #search-box {
        width: 90;
        max-width: 100%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    SearchScreen #search-hint {
        color: $text-muted;
    }
    SearchScreen #search-hint.-error {
        color: $text-error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="search.cancel")
    ]

    def __init__(self, initial: str = "") -> None:
        super().__init__()
        self._initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search"
            yield Input(
                value=self._initial,
                placeholder='words, "phrases", title: person: …, AND/OR/NOT',
                id="search-input",
            )
            yield SearchHint()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.dismiss(None)
            return
        if text == "?":
            return  # the examples are shown: the box stays for the query
        from newstui.nlp import query_keys  # imported when needed: the first screen is sooner
        from newstui.query import QueryError, parse_query

        try:
            query = parse_query(text, query_keys)
        except QueryError as exc:
            hint = self.query_one(SearchHint)
            hint.update(Text(terminal_safe(str(exc), line=True), style="bold"))
            hint.add_class("-error")
            hint.showing_hint = False
            return
        self.dismiss(query)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        hint = self.query_one(SearchHint)
        hint.remove_class("-error")
        if event.value.strip() == "?":
            hint.update(query_examples())
            hint.showing_hint = False
        elif not hint.showing_hint:
            hint.show_hint()

    def action_cancel(self) -> None:
        self.dismiss(None)
