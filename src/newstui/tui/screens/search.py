"""The `/` screen: type a query; a valid one becomes a view, an invalid one says what and where."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

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

HINT = (
    'Enter to search, Esc to cancel.  flood "river bank" evac*  a OR b  -word  title:x  '
    'feed:bbc  unread  age:<3d  person:"Dmitry Peskov"  speaker:Peskov  (type ? for more)'
)

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
        self._hint_shown = True  # the hint, not an error or the examples

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search"
            yield Input(
                value=self._initial,
                placeholder='words, "phrases", fields (title: person: …), AND/OR/NOT',
                id="search-input",
            )
            yield Static(HINT, id="search-hint", markup=False)

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
            hint = self.query_one("#search-hint", Static)
            hint.update(Text(terminal_safe(str(exc), line=True), style="bold"))
            hint.add_class("-error")
            self._hint_shown = False
            return
        self.dismiss(query)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        hint = self.query_one("#search-hint", Static)
        hint.remove_class("-error")
        if event.value.strip() == "?":
            hint.update(query_examples())
            self._hint_shown = False
        elif not self._hint_shown:
            hint.update(HINT)
            self._hint_shown = True

    def action_cancel(self) -> None:
        self.dismiss(None)
