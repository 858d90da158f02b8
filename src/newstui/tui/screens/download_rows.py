"""The download queue's rows: a download's title, its progress bar once it has begun and its
state line, drawn by one widget each; and the list that holds them (`L`'s box,
screens/downloads)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.widgets import ListItem, ListView

from newstui.headline_fields import shown_url
from newstui.model import Download
from newstui.model.downloads import MAX_PASSING_TRIES, tried_again_after, url_host
from newstui.render import human_size
from newstui.text import terminal_safe
from newstui.tui.screens.keyed_box import key_in_effect
from newstui.tui.theme_colours import few_colours


def status_line(
    d: Download, retry: str = "r", now: datetime | None = None, waiting_for: str | None = None
) -> str:
    """What a row says about a download: state, size, and the file or the error (with the
    retry key in effect); a failure that passes (the network, a 5xx), when the app tries it
    again by itself and how many tries in a row failed; `waiting_for`: the host whose places
    another newstui holds, which a queued one waits for (review r50 LOW-6: it said nothing)."""
    if d.state == "queued" and waiting_for is not None:
        host = terminal_safe(waiting_for, line=True)
        return f"queued · waiting for {host}: another newstui is downloading from it"
    if d.state == "done":
        return f"done · {human_size(d.bytes_done)} · {d.path}"
    if d.state == "failed":
        error = d.error or "unknown error"
        if d.retry_at is not None:
            return f"failed · {error} · {retried_when(d, now)}  ({retry}: retry now)"
        if d.tries >= MAX_PASSING_TRIES:
            return f"failed · {error} · failed {d.tries:,} times in a row  ({retry}: retry)"
        return f"failed · {error}  ({retry}: retry)"
    arrived = human_size(d.bytes_done) if d.bytes_done else "0 B"
    total = f" of {human_size(d.bytes_total)}" if d.bytes_total else ""
    return f"{d.state} · {arrived}{total}"


def retried_when(d: Download, now: datetime | None = None) -> str:
    """When the app tries a download that failed for a passing reason again by itself, and
    how many tries in a row failed: "tried again at the first refresh after 10:42 (2 of 8
    tries failed)"; "at the next refresh" once its wait is over (a first failure)."""
    return f"tried again at {retried_at(d, now)} ({d.tries} of {MAX_PASSING_TRIES} tries failed)"


def retried_at(d: Download, now: datetime | None = None) -> str:
    """Which refresh tries a download that failed for a passing reason again: "the next
    refresh", or "the first refresh after 10:42" while a wait (a Retry-After, a backoff) lasts
    (`tried_again_after`, the rule `newstui download`'s lines follow too)."""
    from newstui.local_times import short_time

    after = tried_again_after(d, now)
    return (
        "the next refresh" if after is None else f"the first refresh after {short_time(after, now)}"
    )


def _has_bar(download: Download) -> bool:
    """Whether a row shows a progress bar: not while queued with nothing arrived."""
    return download.state != "queued" or bool(download.bytes_done)


BAR_CELLS = 32  # the widest a progress bar is drawn (Textual's ProgressBar's width)


def progress_bar(download: Download, width: int) -> Content:
    """A download's progress as a line: a bar of "━" and its percentage ("100%"); a download
    of unknown size a dim bar and "…" until it is done."""
    cells = max(min(BAR_CELLS, width - 5), 1)
    fraction = download.fraction  # (1.0 once done, even of unknown size)
    if fraction is None:
        return Content.assemble(("━" * cells, "$foreground 25%"), " …")
    filled = round(fraction * cells)
    return Content.assemble(
        ("━" * filled, "$success" if fraction >= 1 else "$accent"),
        ("━" * (cells - filled), "$foreground 25%"),
        f" {int(fraction * 100):>3}%",
    )


class DownloadRow(ListItem):
    """One download: its title (cut with "…" to the width), a progress bar once it has begun
    and its state line (wrapped, so the whole path of a finished file shows).

    One widget drawing its own lines: a row was a title, a state and a progress bar widget (~6
    widgets with the bar's own), and `L` built them all for a queue of 160 before it showed."""

    DEFAULT_CSS = """
    DownloadRow {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, download: Download, waiting_hosts: frozenset[str] = frozenset()) -> None:
        super().__init__(id=f"download-{download.id}")
        self.download = download
        # the hosts another newstui holds per_host places of, which this app's run waits for
        self.waiting_hosts = waiting_hosts

    def show_waiting(self, hosts: frozenset[str]) -> None:
        """Say (or no longer say) that a queued download waits for another newstui."""
        if hosts != self.waiting_hosts:
            self.waiting_hosts = hosts
            self.refresh(layout=True)

    @property
    def shows_bar(self) -> bool:
        """Whether the row draws a progress bar (not while it waits in the queue)."""
        return _has_bar(self.download)

    def show(self, download: Download) -> None:
        """Draw the download's current state."""
        self.download = download
        self.refresh(layout=True)

    def _content(self, width: int) -> Content:
        download = self.download
        title = terminal_safe(download.title, line=True) or shown_url(download.url)
        host = url_host(download.url)
        waiting_for = host if host in self.waiting_hosts else None
        line = status_line(download, key_in_effect(self, "downloads.retry"), None, waiting_for)
        lines = [Content(title).truncate(max(width, 1), ellipsis=True)]
        if _has_bar(download):
            lines.append(progress_bar(download, width))
        lines.append(Content.styled(terminal_safe(line, line=True), "$text-muted"))
        return Content("\n").join(lines)

    def render(self) -> Content:
        content = self._content(self.content_size.width)
        # the cursor without colour: reverse video (its colours given swapped: newstui.tcss)
        return content.stylize("reverse") if self.highlighted and few_colours(self.app) else content

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # (the title cut to this width: measured as it will be drawn)
        return self._content(width).get_height(self.styles, width)  # type: ignore[arg-type]


class DownloadList(ListView, inherit_bindings=False):
    """The rows: a ListView without the scroll keys it inherits (Home, End, PgUp, PgDn
    scrolled the view and left the cursor where it was), which the screen's bindings move.
    Enter selects nothing here (the screen's keys act on the highlighted row), as before."""

    BINDINGS: ClassVar[list[BindingType]] = []
