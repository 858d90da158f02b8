"""The `/` screen: type a query; a valid one becomes a view, an invalid one says what and where."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from newstui.text import terminal_safe
from newstui.tui.screens.keyed_box import keys_in_effect
from newstui.tui.widgets.ordered_input import OrderedInput, TypedAhead
from newstui.tui.widgets.search_hint import SearchHint

if TYPE_CHECKING:  # the query language is imported when a query is typed
    from newstui.query import Query  # noqa: F401  (SearchScreen's result type, a string below)


class SearchInput(OrderedInput):
    """The query's text field: Enter searches (a `[keys]` id of its own, so the hint can name
    the user's key)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Search", show=False, id="search.submit")
    ]


class SearchScreen(TypedAhead["Query | None"], ModalScreen["Query | None"]):
    """Returns the parsed query (Enter) or None (Esc); an invalid query keeps the box open."""

    DEFAULT_CSS = """
    SearchScreen {
        align: center middle;
    }
    SearchScreen #search-box {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 100%;  /* the examples (?) at 60x20: the box scrolls, its border stays */
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        border: round $accent;
        background: $surface;
        padding: 0 1;
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
            yield SearchInput(
                value=self._initial,
                placeholder='words, "phrases", title: person: …, AND/OR/NOT',
                id="search-input",
            )
            # the keys in effect (the preset's, the user's): it said Enter and Esc whatever
            submit = keys_in_effect(self, "search.submit", every=True, owner=SearchInput)
            cancel = keys_in_effect(self, "search.cancel", every=True)
            yield SearchHint(f"{submit} to search, {cancel} to cancel.")

    def submitted(self, typed: str) -> None:
        text = typed.strip()
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
            error = Text(terminal_safe(str(exc), line=True), style="bold")
            self.query_one(SearchHint).show_error(error)
            return
        self.dismiss(query)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        hint = self.query_one(SearchHint)
        if event.value.strip() == "?":
            hint.show_examples()
        else:
            hint.show_hint()

    def action_cancel(self) -> None:
        self.dismiss(None)
