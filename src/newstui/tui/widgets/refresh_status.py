"""The refresh progress shown beside the footer while feeds are fetched."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from newstui.text import terminal_safe
from newstui.tui.middle_ellipsis import middle_ellipsis

NAME_CELLS = 24  # a source's name is shortened in the middle to this
NAME_CELLS_LEAST = 8  # below this the name is left out
# In place of a name once every source is read: the refresh still stores what it read, analyses
# it and joins stories (a big one for minutes), with nothing left to wait on.
FINISHING = "finishing…"


def full_texts_line(over: int, planned: int) -> str:
    """In place of a name while article pages are due: "full texts 1,234/6,000"."""
    return f"full texts {over:,}/{planned:,}"


def analysing_line(count: int, due: int) -> str:
    """In place of a name while new articles are analysed: "analysing 1,200/2,384"."""
    return f"analysing {count:,}/{due:,}"


def stage_shown(
    done: int, total: int, waited: str, texts: Sequence[int], analysis: Sequence[int]
) -> str:
    """What the line names beside "refreshing done/total": while article pages are due, how
    many ("full texts 230/237"; user test r47 M5: a feed read long before was named for 9
    minutes while its 6,000 pages were fetched); once every source is read, what still runs:
    the analysis ("analysing 1,200/2,384"), else FINISHING (filters, cleanup, story joins),
    never a source's name (user test r55 LOW-7: a feed whose title the fetch learned was
    still `waited`, named for 85 s after it was read); before, `waited`: the source waited on
    longest."""
    over, planned = texts
    if planned > over:
        return full_texts_line(over, planned)
    if not total or done < total:
        return waited
    count, due = analysis
    if due and count < due:
        return analysing_line(count, due)
    return ""  # (refresh_line says FINISHING)


def counted_cells(total: int) -> int:
    """The cells of " refreshing N/N ", the widest count of a refresh of `total` sources: the
    line's width without a name, and the least it takes without "…"."""
    return len(f" refreshing {total}/{total} ")


def refresh_line(done: int, total: int, name: str, cells: int | None = None) -> Text:
    """ " refreshing 3/12 name ", padded to the widest line of this refresh, in at most `cells`:
    the name is shortened, then left out, then "refreshing", then the count ends in "…"."""
    if not name and total and done >= total:  # every source read, the refresh goes on
        name = FINISHING
    widest = counted_cells(total)
    room = NAME_CELLS if cells is None else min(NAME_CELLS, cells - widest - 1)
    if room >= NAME_CELLS_LEAST:
        text = Text(f" refreshing {done}/{total} ", style="bold")
        if name:
            shown = Text(terminal_safe(name, line=True), style="italic")
            text.append_text(middle_ellipsis(shown, room))
            text.append(" ")
        text.pad_right(widest + room + 1 - text.cell_len)
        return text
    if cells is None or widest <= cells:
        text = Text(f" refreshing {done}/{total} ", style="bold")
        text.pad_right(widest - text.cell_len)
        return text
    text = Text(f" {done}/{total} ", style="bold")
    text.pad_right(len(f" {total}/{total} ") - text.cell_len)
    if text.cell_len > cells:
        text.truncate(max(cells, 0), overflow="ellipsis")
    return text


class RefreshStatus(Static):
    """Hidden when idle; shows "refreshing 3/12 · name" during a refresh.

    Its width is fixed for a refresh (the longest line it can show, padded): a new line is then
    painted in place, where a line of another width laid the whole screen out again, four times
    a second, under the user's keys. The screen gives it a width on a narrow terminal (`fit`)."""

    DEFAULT_CSS = """
    RefreshStatus {
        display: none;
        width: auto;
        height: 1;
        background: $accent;
        color: $text;
    }
    """

    _cells = 0  # the width of the line shown
    _limit: int | None = None  # the most cells it may take (None: as many as it needs)
    _shown: tuple[int, int, str] = (0, 0, "")
    _active = False  # a refresh is shown (`display` reads True before the CSS hid it)

    def progress(self, done: int, total: int, name: str = "") -> None:
        """Show progress of a running refresh."""
        self._shown = (done, total, name)
        text = refresh_line(done, total, name, self._limit)
        cells = text.cell_len
        same_size = self.display and cells == self._cells
        self._cells = cells
        self.update(text, layout=not same_size)
        self.display = self._active = True

    def fit(self, cells: int | None) -> int:
        """Take at most `cells` from now on; the cells it takes (0 when hidden)."""
        if cells != self._limit:
            self._limit = cells
            if self._active:
                self.progress(*self._shown)
        return self._cells if self._active else 0

    def cells_at_least(self) -> int:
        """The cells its shortest form without "…" takes while shown (0 when hidden)."""
        if not self._active:
            return 0
        return counted_cells(self._shown[1])

    def finish(self) -> None:
        """Hide the status."""
        self.display = self._active = False
