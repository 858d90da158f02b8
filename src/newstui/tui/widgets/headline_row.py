"""How one headline row reads: marks, stored date, source and title, fitted to a width."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from newstui.model import ArticleRow
from newstui.render import UNKNOWN_DATE, shown_date
from newstui.text import terminal_safe
from newstui.tui.middle_ellipsis import middle_ellipsis


@dataclass(frozen=True)
class RowStyles:
    """Styles from the list's component classes."""

    meta: Style
    unread_mark: Style
    star: Style


def headline_date(row: ArticleRow, width: int, timed: bool = True) -> str:
    """The stored date, shortened to fit: never relative, so the same row always looks the same;
    "unknown" ("?" in the narrowest column) for an undated article. `timed`: whether any row of
    the list has a time; without one the column keeps no room for it (and shows the year)."""
    if timed:
        start, end = (0, 16) if width >= 90 else (5, 16) if width >= 72 else (5, 10)
    else:
        start, end = (0, 10) if width >= 72 else (5, 10)
    if row.published is None:
        return (UNKNOWN_DATE if end - start > len(UNKNOWN_DATE) else "?").ljust(end - start)
    return shown_date(row.published, start, end).ljust(end - start)


def headline_text(
    row: ArticleRow, width: int, styles: RowStyles, *, show_source: bool = True, timed: bool = True
) -> Text:
    """One row as plain `Text` (the title is never parsed as markup); unread titles in bold.

    A list of one feed, or a narrow list, leaves the source out, so the title gets its room;
    a list whose dates have no time (`timed` False) gives the time's room to the title too."""
    mark = Text("● " if not row.read else "  ", style=styles.unread_mark)
    star = Text("★ " if row.starred else "  ", style=styles.star)
    date = Text(headline_date(row, width, timed) + "  ", style=styles.meta)
    source = Text("")
    if show_source and width >= 48:
        source_width = max(8, min(18, width // 5))
        source = middle_ellipsis(
            Text(terminal_safe(row.feed, line=True), style=styles.meta), source_width
        )
        source.pad_right(source_width - source.cell_len)
        source.append("  ")
    used = mark.cell_len + star.cell_len + date.cell_len + source.cell_len
    title = Text(terminal_safe(row.title, line=True), style="bold" if not row.read else "")
    title.truncate(max(width - used, 1), overflow="ellipsis")
    return Text.assemble(mark, star, date, source, title, end="")
