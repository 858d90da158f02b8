"""Rows of a term and what it means (a query example), laid out for the width they get: side by
side when every meaning fits on its line beside the widest term, else each meaning on the line
under its term (a narrow screen wrapped the meanings over three or four lines each)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text


class TermRows:
    """A rich renderable: (term, meaning) rows, each term on one line, `indent` cells in."""

    def __init__(
        self,
        rows: Sequence[tuple[str, str]],
        *,
        term_style: str = "",
        indent: int = 0,
    ) -> None:
        self.rows = rows
        self.term_style = term_style
        self.indent = indent
        self.term_width = max((cell_len(term) for term, _ in rows), default=0)
        self.meaning_width = max((cell_len(meaning) for _, meaning in rows), default=0)

    def side_by_side(self, width: int) -> bool:
        """Whether every meaning fits on its line beside the terms at this width."""
        return self.indent + self.term_width + 2 + self.meaning_width <= width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.side_by_side(options.max_width):
            table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
            table.add_column(style=self.term_style, no_wrap=True, width=self.term_width)
            table.add_column()
            for term, meaning in self.rows:
                table.add_row(Text(term), Text(meaning))
            yield Padding(table, (0, 0, 0, self.indent))
        else:
            yield from self._stacked()

    def _stacked(self) -> Iterator[Padding]:
        for term, meaning in self.rows:
            yield Padding(Text(term, style=self.term_style), (0, 0, 0, self.indent))
            yield Padding(Text(meaning), (0, 0, 0, self.indent + 4))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = self.indent + self.term_width + 2 + self.meaning_width
        return Measurement(self.indent + max(self.term_width, self.meaning_width + 4), longest)
