"""The download queue: one row per download with its state and a progress bar (the rows are
`download_rows`'); retry, forget, delete (its file, after asking) or play the highlighted one.
The app runs the queue and tells this screen how it goes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widgets import Static

from newstui.model import Download
from newstui.text import terminal_safe
from newstui.tui.screens.download_rows import DownloadList, DownloadRow
from newstui.tui.screens.keyed_box import FOOTER_LINES, KeyedBox, key_in_effect

BOX_SHARE = 0.8  # the most of the screen's height the box takes
NOTICE_LINES = 3  # the most lines a notice wraps to (its max-height)
UNDER_THE_BOX = (
    "-under-downloads-box"  # the app's class while the box is up: toasts under it hidden
)


SHORTEST_CUT = 16  # a word shortened to fit the notice keeps at least this many characters


def fit_notice(text: Content, width: int, lines: int = NOTICE_LINES) -> Content:
    """The notice within `lines` lines at `width`: its longest words (paths) lose their middle
    to "…" until it fits, so the words after them (why a file was kept) stay in view."""
    fitted = text
    for _ in range(8):  # (each pass cuts the longest word to what the overflow asks)
        over = len(fitted.wrap(width)) - lines
        if width <= SHORTEST_CUT or over <= 0:
            break
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", fitted.plain)]
        start, end = max(words, key=lambda w: w[1] - w[0])
        keep = max(SHORTEST_CUT, end - start - over * width - 1)
        if keep >= end - start:
            break
        head = keep // 3  # (a path's end, its file name, says the most)
        tail = keep - head - 1
        fitted = fitted[: start + head] + "…" + fitted[end - tail :]
    return fitted


_ATTENTION = {"downloading": 0, "queued": 1, "failed": 2}  # what the box shows first, in turn


def attention_order(downloads: list[Download]) -> list[Download]:
    """The box's rows: what needs attention first, the running downloads, then the waiting
    ones (in the order they run), then the failed ones, and the finished ones after them, the
    last finished first (user test r50 LOW-20: oldest first, the box opened on weeks-old
    finished ones and the failed ones were below the fold; r48 L32 the running one)."""
    waiting = [d for d in downloads if d.state in _ATTENTION]
    done = [d for d in downloads if d.state not in _ATTENTION]
    waiting.sort(key=lambda d: (_ATTENTION[d.state], d.id))
    done.sort(key=lambda d: (d.finished_at or "", d.id), reverse=True)
    return waiting + done


def new_row_at(states: list[str]) -> int:
    """Where a download new to the box goes among rows in `states` (the box's order): after
    the last one not finished, so the queue's rows stay together above the finished ones."""
    return next((i + 1 for i in reversed(range(len(states))) if states[i] != "done"), 0)


class DownloadsScreen(KeyedBox[None]):
    """The queue, what needs attention first (attention_order), opened on its first row;
    updated live while downloads run, each row staying where it is."""

    DEFAULT_CSS = """
    DownloadsScreen {
        align: center middle;
    }
    DownloadsScreen > #downloads-box {
        width: 100;
        max-width: 95%;
        height: auto;
        max-height: 80%;  /* BOX_SHARE */
        border: round $accent;
        background: $panel;
        padding: 0 1;
    }
    DownloadsScreen ListView {
        height: auto;
    }
    DownloadsScreen #downloads-hint {
        color: $text-muted;
    }
    DownloadsScreen #downloads-hint, DownloadsScreen #downloads-empty,
    DownloadsScreen #downloads-notice {
        padding: 0 1;  /* in line with the rows' text (a row has its own padding) */
    }
    DownloadsScreen #downloads-notice {
        display: none;
        height: auto;
        max-height: 3;  /* NOTICE_LINES: a long path wraps, so the reason after it is seen */
        &.-shown { display: block; }
        &.-warning { color: $text-warning; }
        &.-error { color: $text-error; }
    }
    /* Toasts covered the box (at 60x20 half of it): its notice line shows them instead. */
    DownloadsScreen Toast {
        visibility: hidden;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,L", "close", "Close", id="downloads.close"),
        Binding("j,down", "move(1)", "Down", show=False, id="downloads.down"),
        Binding("k,up", "move(-1)", "Up", show=False, id="downloads.up"),
        Binding("g,home", "edge(-1)", "First", show=False, id="downloads.first"),
        Binding("G,end", "edge(1)", "Last", show=False, id="downloads.last"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="downloads.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="downloads.page_up"),
        Binding("r", "retry", "Retry", tooltip="Retry the failed downloads", id="downloads.retry"),
        Binding(
            "x",
            "forget",
            "Forget",
            tooltip="Take it off the list (its file stays; a running one is stopped first)",
            id="downloads.forget",
        ),
        Binding(
            "D",
            "delete",
            "Delete",
            tooltip="Delete its file, after asking ({confirm.yes}: yes; a running one is stopped first)",
            id="downloads.delete",
        ),
        Binding("P", "play", "Play", tooltip="Play it with the player", id="downloads.play"),
    ]

    @dataclass(eq=False, repr=False)
    class RetryRequested(Message):
        """Queue the failed downloads again."""

    @dataclass(eq=False, repr=False)
    class ForgetRequested(Message):
        """Take a download off the list (its file stays)."""

        download: Download

    @dataclass(eq=False, repr=False)
    class DeleteRequested(Message):
        """Delete a download's file (and .part) after asking, and take it off the list."""

        download: Download

    @dataclass(eq=False, repr=False)
    class PlayRequested(Message):
        """Play a download (its file, or its URL until it is done)."""

        download: Download

    def __init__(self, downloads: list[Download] | None) -> None:
        """`downloads`: the queue; None while it is read (`fill` brings it): the box shows at
        once, and a key typed meanwhile acts once its rows are there (user test r37 L5: typed
        before the box showed, `End` moved the headlines, and the box opened at its top)."""
        super().__init__()
        self._initial = downloads or []
        # the row keys typed while the queue is read, done once it is (None: it is read)
        self._typed: list[Callable[[], object]] | None = None if downloads is not None else []
        self._changed: dict[int, Download | None] = {}  # meanwhile (None: taken off the list)
        self._built = False  # mounted (its own flag: Textual's is_mounted is set a step later)
        self._read_early: list[Download] | None = None  # the queue, read before it was built
        self._unread: str | None = None  # why the queue could not be read (None: it could)
        rows = attention_order(self._initial)
        self.list = DownloadList(*(DownloadRow(d) for d in rows), id="downloads-list")
        self._notice_text = Content()  # the notice as said, before fit_notice shortens it
        self.waiting_hosts: frozenset[str] = frozenset()  # (show_waiting)

    def _empty_line(self) -> Content:
        if self._unread is not None:
            return Content(f"Could not read the download queue: {self._unread}")
        if self._typed is not None:
            return Content("Reading the download queue…")
        download = key_in_effect(self, "article.download")  # (the user's key, not d)
        return Content(f"No downloads yet: {download} on an article with an enclosure")

    def compose(self) -> ComposeResult:
        with Vertical(id="downloads-box") as box:
            box.border_title = "Downloads"
            yield Static(self._empty_line(), id="downloads-empty")
            yield self.list
            yield Static(id="downloads-notice")
            hint = "  ".join(  # the keys in effect (the user's [keys] too)
                f"{self.keys_shown(f'downloads.{name}')}: {name}"
                for name in ("retry", "forget", "delete", "play", "close")
            )
            yield Static(Content(hint), id="downloads-hint")

    def on_screen_resume(self) -> None:
        # the toasts of the screen under the box are hidden too: they showed past its border
        # ("…(r: retry) │wered a": user test r42 L12), and come back as the box goes
        self.app.add_class(UNDER_THE_BOX)

    def on_screen_suspend(self) -> None:
        self.app.remove_class(UNDER_THE_BOX)

    def on_unmount(self) -> None:
        self.app.remove_class(UNDER_THE_BOX)

    def on_mount(self) -> None:
        self.query_one("#downloads-empty").display = not self._initial
        self.list.focus()
        if self._initial:
            self.list.index = 0
        self._built = True
        if (read := self._read_early) is not None:
            self.call_later(self.fill, read)

    def on_resize(self) -> None:
        """The box is as tall as its rows, up to 80% of the screen: past that the list scrolls
        and the hint under it stays in view (its borders and the hint take 3 lines, a notice
        the lines it wraps to; the screen's footer line is not the box's room)."""
        self._fit_list()
        self.call_after_refresh(self._fit_list)  # (again once the box has its new width)

    def _fit_list(self) -> None:
        room = int((self.size.height - FOOTER_LINES) * BOX_SHARE)
        self.list.styles.max_height = max(room - 3 - self._fit_notice(), 1)

    def _fit_notice(self) -> int:
        """Fit the notice to the box's width (up to NOTICE_LINES lines); the lines it takes."""
        notice = self.query_one("#downloads-notice", Static)
        if not notice.has_class("-shown"):
            return 0
        width = self.query_one("#downloads-box").content_size.width - notice.styles.gutter.width
        if width <= 0:  # (not laid out yet: fitted again after the refresh)
            return NOTICE_LINES
        fitted = fit_notice(self._notice_text, width)
        notice.update(fitted)
        return max(1, min(len(fitted.wrap(width)), NOTICE_LINES))

    def show_notice(self, text: Content, severity: SeverityLevel) -> None:
        """Show a notification on the line above the keys' hint, where no toast covers the
        rows; it stays until the next one."""
        notice = self.query_one("#downloads-notice", Static)
        self._notice_text = text
        notice.update(text)
        notice.set_classes(f"-shown -{severity}")
        self.on_resize()

    def clear_notice(self) -> None:
        """Take the last notification away: a key's own outcome replaces it, or nothing does
        (an older "Download failed" stayed under what `x` had done)."""
        notice = self.query_one("#downloads-notice", Static)
        notice.update("")
        notice.set_classes("")
        self.on_resize()

    async def fill(self, downloads: list[Download]) -> None:
        """The queue as read (the box was shown before, `None`): its rows, each in the state
        it reached meanwhile, then the row keys typed while it was read, in turn."""
        if self._typed is None:
            return
        if not self._built:  # (read faster than the box was built: it fills it once built)
            self._read_early = downloads
            return
        typed, self._typed = self._typed, None
        changed, self._changed = self._changed, {}
        rows = [changed.pop(d.id, d) for d in downloads] + list(changed.values())
        shown = attention_order([d for d in rows if d is not None])
        empty = self.query_one("#downloads-empty", Static)
        empty.update(self._empty_line())
        empty.display = not shown
        if shown:
            await self.list.extend(DownloadRow(d, self.waiting_hosts) for d in shown)
            self.list.index = 0
        self.call_after_refresh(lambda: [action() for action in typed])  # (rows laid out)

    def read_failed(self, reason: str) -> None:
        """The queue could not be read (`reason`: one line): the box says so, the keys typed
        meanwhile are dropped, and no row is shown (`L` again reads it again)."""
        self._typed, self._changed, self._read_early = None, {}, None
        self._unread = terminal_safe(reason, line=True)
        if self._built:
            empty = self.query_one("#downloads-empty", Static)
            empty.update(self._empty_line())
            empty.display = True

    def _when_read(self, action: Callable[[], object]) -> bool:
        """Keep a row key's action for when the queue is read; True if it was kept."""
        if self._typed is None:
            return False
        self._typed.append(action)
        return True

    def _taken_down(self) -> bool:
        """The app is quitting or the box was closed: its rows are gone or going, and a
        download's late progress has nothing to show on (it raised NoMatches as the app quit
        with a download running: after the box was taken away, and while the app's exit was
        removing its widgets, the box itself still attached)."""
        return not self.is_attached or (self._built and not self.query("#downloads-empty"))

    def rows(self) -> list[DownloadRow]:
        """The rows shown, in the box's order (attention_order, new ones among the queue's)."""
        return list(self.list.query(DownloadRow))

    def update_download(self, download: Download) -> None:
        """Show a download's new state, its row staying where it is (rows moving under the
        cursor would make x or D act on another); a new download gets a row after the
        queue's last, above the finished ones, the cursor kept on its row."""
        if self._taken_down():
            return
        if self._unread is not None:  # (no queue shown: its other rows are not known)
            return
        if self._typed is not None:  # (its row comes with the queue read)
            self._changed[download.id] = download
            return
        rows = self.rows()
        for row in rows:
            if row.download.id == download.id:
                row.show(download)
                return
        at = new_row_at([row.download.state for row in rows])
        if at >= len(rows):
            self.list.append(DownloadRow(download, self.waiting_hosts))
        else:
            cursor = self.list.index
            self.list.insert(at, [DownloadRow(download, self.waiting_hosts)])
            if cursor is not None and cursor >= at:  # (the same row: one further down now)
                self.list.index = cursor + 1
        self.query_one("#downloads-empty").display = False

    def show_waiting(self, hosts: frozenset[str]) -> None:
        """The hosts the app's downloads wait for, another newstui holding their per_host
        places: their queued rows say so."""
        self.waiting_hosts = hosts
        if not self._taken_down():
            for row in self.rows():
                row.show_waiting(hosts)

    async def remove_download(self, download_id: int) -> None:
        """Take a forgotten or deleted download's row away, the cursor on the row that took its
        place (it was on none, so the next x, D or P did nothing); the last one gone, the box
        says it is empty."""
        if self._taken_down():
            return
        if self._unread is not None:
            return
        if self._typed is not None:  # (the queue read has it still)
            self._changed[download_id] = None
            return
        rows = self.rows()
        gone = [i for i, row in enumerate(rows) if row.download.id == download_id]
        for i in gone:
            await rows[i].remove()
        left = len(rows) - len(gone)
        if gone and left:
            self.list.index = None  # (set afresh: the highlight is drawn on the row it lands on)
            self.list.index = min(gone[0], left - 1)
        self.query_one("#downloads-empty").display = not left

    def _highlighted(self) -> Download | None:
        item = self.list.highlighted_child
        return item.download if isinstance(item, DownloadRow) else None

    def action_move(self, step: int) -> None:
        if self._when_read(partial(self.action_move, step)):
            return
        self.list.action_cursor_down() if step > 0 else self.list.action_cursor_up()

    def action_edge(self, step: int) -> None:
        """The first (-1) or the last (1) download."""
        if self._when_read(partial(self.action_edge, step)):
            return
        if count := len(self.list):
            self.list.index = count - 1 if step > 0 else 0

    def action_page(self, step: int) -> None:
        """A page of rows down (1) or up (-1): as many as the box shows."""
        if self._when_read(partial(self.action_page, step)):
            return
        count = len(self.list)
        if not count:
            return
        item = self.list.highlighted_child
        row = item.outer_size.height if item is not None else 0
        rows = max(self.list.scrollable_content_region.height // max(row, 1), 1)
        self.list.index = min(max((self.list.index or 0) + step * rows, 0), count - 1)

    def action_retry(self) -> None:
        self.clear_notice()
        self.post_message(self.RetryRequested())

    def action_forget(self) -> None:
        if self._when_read(self.action_forget):
            return
        if (download := self._highlighted()) is not None:
            self.clear_notice()
            self.post_message(self.ForgetRequested(download))

    def action_delete(self) -> None:
        if self._when_read(self.action_delete):
            return
        if (download := self._highlighted()) is not None:
            self.clear_notice()
            self.post_message(self.DeleteRequested(download))

    def action_play(self) -> None:
        if self._when_read(self.action_play):
            return
        if (download := self._highlighted()) is not None:
            self.clear_notice()
            self.post_message(self.PlayRequested(download))

    def action_close(self) -> None:
        self.dismiss(None)
