"""The headline list: a lazy line-API view over windowed article queries (100k rows stay fast)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newstui.headline_fields import carries_time
from newstui.local_times import today
from newstui.model import NEWEST_FIRST, ArticleFilter, ArticleRow, SortOrder
from newstui.tui.key_bindings import bound
from newstui.tui.listed_rows import listed_rows
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.theme_colours import MIN_CONTRAST, component_style
from newstui.tui.view import ALL, View, listed_by_flags
from newstui.tui.widgets.headline_row import (
    RowStyles,
    SourceCut,
    headline_segments,
    other_year,
    row_styles,
    source_cells,
    source_cuts,
)
from newstui.tui.worker_errors import ReportsWorkerErrors

CHUNK = 200  # rows per windowed query
MAX_CHUNKS = 64  # chunks kept in memory


class HeadlineList(ReportsWorkerErrors, ScrollView, can_focus=True):
    """Headlines of the current view; only visible rows are rendered, rows load in windows."""

    DEFAULT_CSS = """
    HeadlineList {
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    HeadlineList > .headlines--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    HeadlineList > .headlines--cursor-blurred {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    HeadlineList > .headlines--meta {
        color: $text-muted;
    }
    HeadlineList > .headlines--unread-mark {
        color: $text-accent;
    }
    HeadlineList > .headlines--star {
        color: $text-warning;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "headlines--cursor",
        "headlines--cursor-blurred",
        "headlines--meta",
        "headlines--unread-mark",
        "headlines--star",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        bound("headlines.down", "cursor_down", show=False),
        bound("headlines.up", "cursor_up", show=False),
        bound("headlines.first", "first", show=False),
        bound("headlines.last", "last", show=False),
        bound("headlines.page_down", "page(1)", show=False),
        bound("headlines.page_up", "page(-1)", show=False),
        # on the screen, which moves the focus at once: the next key of a burst goes to the new
        # pane (a message would arrive after that key was already given to this one)
        bound("headlines.open", "screen.open_selected"),
        bound("headlines.back", "screen.leave_headlines", show=False),
    ]

    @dataclass(eq=False, repr=False)
    class Highlighted(Message):
        """The cursor moved to another article (row is None for an empty list); `by_load`: a
        (re)load of the list put it there, not the user (its article is shown, not opened)."""

        row: ArticleRow | None
        by_load: bool = False

    @dataclass(eq=False, repr=False)
    class Opened(Message):
        """The user opened the article under the cursor."""

        row: ArticleRow

    @dataclass(eq=False, repr=False)
    class ViewLoaded(Message):
        """A view finished loading: its title and article count."""

        view: View
        total: int

    @dataclass(eq=False, repr=False)
    class _Loaded(Message, bubble=False):
        generation: int
        total: int
        cursor: int
        chunks: dict[int, list[ArticleRow]]
        row_on_screen: int | None
        sources: int = 0  # how many sources the whole list comes from, counted up to 2

    @dataclass(eq=False, repr=False)
    class _Chunk(Message, bubble=False):
        generation: int
        chunk: int
        rows: list[ArticleRow]
        complete: bool = True  # False: an article listed in it was deleted since the load
        by_offset: bool = False  # read at the store's offsets (not by the ids a list keeps)

    @dataclass(eq=False, repr=False)
    class _Listed(Message, bubble=False):
        generation: int
        ids: list[int]  # every id the list filtered by flags lists, in order

    @dataclass(eq=False, repr=False)
    class _Checked(Message, bubble=False):
        generation: int
        total: int
        rows: dict[int, ArticleRow]  # the checked articles still stored, by id
        asked: tuple[int, ...]
        copies: frozenset[int] = frozenset()  # listed ids joined to another story since

    @dataclass(eq=False, repr=False)
    class _LoadFailed(Message, bubble=False):
        generation: int

    def __init__(self, library: SharedLibrary, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._library = library
        self.view: View = ALL
        self._shown_view: View | None = None  # the view whose rows are on screen
        self.order: SortOrder = NEWEST_FIRST  # how the list is sorted (O chooses)
        self._shown_order = NEWEST_FIRST  # … and the order they are in
        self.total = 0
        self.cursor = 0
        self.loaded = False
        self._generation = 0
        self._loaded_generation = 0
        self._chunks: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._requested: set[int] = set()
        # a list filtered by flags: the ids it listed when it loaded, in order. It keeps a row
        # marked out of it (here or by another process) where it was: its windows are read by
        # these ids, not at the store's offsets, which no longer count such rows.
        self._listed: tuple[int, ...] | None = None
        # … read after its first rows were shown (all of them at once: 100,000 rows take a
        # while): meanwhile its other windows wait, and the rows marked here are noted
        self._listing = False
        self._marked_while_listing: dict[int, int] = {}  # article id -> list index
        self._when_listed: list[Callable[[], object]] = []
        self._announced: int | None = -1
        self._check_after_load = False  # another process wrote while a load ran: check after it
        self._refit: tuple[str, SortOrder, int] | None = None  # a count a short window re-read
        self._strips: LRUCache[tuple, Strip] = LRUCache(512)
        # Whether a loaded row has a time: until one does, the date column keeps no room for it
        # (a feed giving dates only); it widens, once, when a window with a time arrives.
        self._timed = False
        # This year (dates of it may go without it) and whether a loaded row is from another
        # (the narrowest date column then keeps room for "2019-10"): found at each load.
        self._year = ""
        self._old = False
        # The sources of the loaded rows: the source column is as wide as their names need.
        self._feeds: set[str | None] = set()
        self._sources = 0  # how many sources the whole list comes from, up to 2 (_Loaded)
        self._source_width: tuple[int, int, int] = (-1, -1, 0)  # (list width, len(_feeds), cells)
        self._source_cut: dict[str, SourceCut] = {}  # their names cut to the column's cells
        self._part_styles: dict[str, Style] = {}
        self._row_styles: dict[tuple[Style, Style | None], RowStyles] = {}  # by base, cursor
        self._styles_stale = False  # styles were updated: check the rows' colours before drawing
        self._paint: tuple[Style, int] | None = None  # the style and width of the paint under way
        # Keys that moved the cursor while a (re)load ran, as (anchor, steps): the loaded list
        # repeats them from its first row (anchor 0), its last (-1), or the row it selected (None).
        self._typed: tuple[int | None, int] | None = None
        # The article a move other than a cursor key (n/p) put the cursor on while a reload of
        # the rows shown ran: the reloaded list keeps that one selected, not the one the reload
        # started from (user test r36 M4: it put the cursor back under held n, and the article
        # n had reached was passed unread).
        self._moved_to: int | None = None
        # What keys on the selected article asked for while a new view's rows were loading
        # (`J` then `s` in one burst): run once they are in, on the row they select.
        self._when_rows_in: list[Callable[[], object]] = []

    # -- data ---------------------------------------------------------------------------------

    def show_view(
        self,
        view: View,
        select_id: int | None = None,
        *,
        row_on_screen: int | None = None,
        at_once: bool = False,
        near: int | None = None,
    ) -> None:
        """Switch to a view (or reload the current one), keeping `select_id` selected if present.

        `row_on_screen` keeps the selected row on that line of the list (default: a third down,
        or where it is on the first screen if in its top two thirds).
        `at_once` reads the first window here rather than in a worker: the app's first view, so
        the first paint already has its headlines (a worker's rows came after two paints).
        `near`: the cursor's index when `select_id` is no longer listed (it was removed).
        """
        if view != self.view or not self.rows_shown:
            # what waited for the rows of a view left now, or for a load this one replaces (a
            # reload while they load), is dropped: a reload never runs keys typed long before
            self._when_rows_in.clear()
        if view != self.view:
            self._when_listed.clear()
        self.view = view
        self._generation += 1
        self._typed = None
        self._moved_to = None
        args = (self._generation, view, self.order, select_id, row_on_screen, near)
        if at_once:
            try:
                loaded = self._read(*args)
            except Exception:  # the worker reads it again and reports the error its usual way
                self._load(*args)
            else:
                self.post_message(loaded)
        else:
            self._load(*args)

    def sort(self, order: SortOrder) -> None:
        """List the current view in another order, keeping the selected article selected."""
        self.order = order
        row = self.selected
        self.show_view(self.view, row.id if row else None)

    def reload(self) -> None:
        """Re-query the current view keeping the selected article where it is on screen; when
        its row is not loaded yet (`G` just jumped there), the cursor keeps its place, or the
        last row's of a list that got shorter (it went back to the first row: user test r33 H2)."""
        row = self.selected
        shown = self.rows_shown and bool(self.total)
        on_screen = self.cursor - round(self.scroll_y) if shown else None
        self.show_view(
            self.view,
            row.id if row else None,
            row_on_screen=on_screen,
            near=self.cursor if shown else None,
        )

    def check_rows(self) -> None:
        """Another process wrote to the store: show the flags it changed on the loaded rows
        kept (the chunks on screen and the cursor's, every row of them: a row scrolled back
        into view kept a stale ● before), and reload the list when one of them was removed
        (or a list not filtered by flags has another count), keeping the cursor where it was.
        Other chunks are dropped, to be read again when shown."""
        if self.load_pending:  # checked once that load is in: it may have read the store
            self._check_after_load = True  # before the change that asked for this check
            return
        if not self.loaded or not self.rows_shown or not self.total:
            return
        top = round(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        keep = {top // CHUNK, self.cursor // CHUNK, (top + height) // CHUNK}
        ids = tuple(row.id for chunk in sorted(keep) for row in self._chunks.get(chunk, ()))
        for chunk in [chunk for chunk in self._chunks if chunk not in keep]:
            del self._chunks[chunk]
        self._requested = set()
        listed = self._listed if self.view.filter.folds_copies else None
        self._check(self._generation, self.view, ids, listed)

    @work(thread=True, group="headlines-check", exit_on_error=False)
    def _check(
        self, generation: int, view: View, ids: tuple[int, ...], listed: tuple[int, ...] | None
    ) -> None:
        """The count, the checked rows, and which of the kept ids (`listed`) are now copies."""
        hidden = view.filter.hidden
        with self._library.borrow() as library:
            total = library.count(view.filter)
            rows = library.articles(ArticleFilter(ids=ids, hidden=hidden), limit=len(ids) or 1)
            copies = frozenset(library.story_copies(listed, view.filter)) if listed else frozenset()
        found = {row.id: row for row in rows}
        self.post_message(self._Checked(generation, total, found, ids, copies))

    @on(_Checked)
    def _on_checked(self, message: _Checked) -> None:
        message.stop()
        if message.generation != self._generation or self.load_pending:
            self._check_after_load = self._check_after_load or self.load_pending
            return
        by_flags = listed_by_flags(self.view.filter)  # a row marked out of it stays listed
        gone = any(article_id not in message.rows for article_id in message.asked)
        if gone or (message.total != self.total and not by_flags):
            self.reload()
            return
        if message.copies:
            self._leave_out(message.copies)
        shown = {row.id: row for _, row in self.loaded_rows()}
        for row in message.rows.values():
            was = shown.get(row.id)
            if was is not None and (was.read, was.starred) != (row.read, row.starred):
                self.update_row(row.id, read=row.read, starred=row.starred)

    @property
    def load_pending(self) -> bool:
        """Whether a (re)load of the view is still running."""
        return self._loaded_generation != self._generation

    @property
    def rows_pending(self) -> bool:
        """Whether the list still shows the rows of the view before (the current view's first
        rows are loading): no article is selected meanwhile."""
        return self._shown_view != self.view and self.load_pending

    @property
    def rows_shown(self) -> bool:
        """Whether the rows on screen are the current view's (not the view before, while the
        new one's rows load or after its load failed)."""
        return self._shown_view == self.view

    @property
    def shows_none(self) -> bool:
        """Whether the current view has loaded with no article: nothing to open or mark (keys
        typed while it loads still wait for its rows)."""
        return self.rows_shown and not self.load_pending and not self.total

    def when_rows_in(self, then: Callable[[], object]) -> None:
        """Call `then` now, or once the current view's first rows are in when they are still
        loading (a key on the selected article typed right after `J`: it acts on the new view's
        row, not the one the list showed before); showing another view first drops it."""
        if self.rows_pending:
            self._when_rows_in.append(then)
        else:
            then()

    def _rows_in(self) -> None:
        """Run what waited for the rows, one a message turn, each after the one before has
        acted (`J s s` toggles twice: the second `s` sees the row the first one starred)."""
        if self._when_rows_in:
            self._when_rows_in.pop(0)()
            if self._when_rows_in:
                self.call_later(self._rows_in)

    @work(thread=True, group="headlines-load", exclusive=True, exit_on_error=False)
    def _load(
        self,
        generation: int,
        view: View,
        order: SortOrder,
        select_id: int | None,
        row_on_screen: int | None,
        near: int | None,
    ) -> None:
        try:
            loaded = self._read(generation, view, order, select_id, row_on_screen, near)
        except Exception:  # reported by the worker-error handler; the load has ended
            self.post_message(self._LoadFailed(generation))
            raise
        self.post_message(loaded)

    def _read(
        self,
        generation: int,
        view: View,
        order: SortOrder,
        select_id: int | None,
        row_on_screen: int | None,
        near: int | None = None,
    ) -> _Loaded:
        """A view's count and its first window (and the selected row's window)."""
        with self._library.borrow() as library:
            total = library.count(view.filter)
            cursor = 0
            if select_id is not None:
                found = library.position(view.filter, select_id, order)
                cursor = found if found is not None else min(near or 0, max(total - 1, 0))
            elif near is not None:  # a reload whose cursor row was not loaded: keep the place
                cursor = min(near, max(total - 1, 0))
            chunks = {}
            for chunk in {0, cursor // CHUNK}:
                chunks[chunk] = library.articles(
                    view.filter, offset=chunk * CHUNK, limit=CHUNK, order=order
                )
            # the source column is the whole list's: the rows read first may all come from one
            # source of several (user test r45 M7); counted only then (~20 ms in 80,000)
            sources = len({row.feed for rows in chunks.values() for row in rows})
            if sources < 2 and view.filter.feed_id is None and total > len(chunks[0]):
                sources = library.count_sources(view.filter)
        return self._Loaded(generation, total, cursor, chunks, row_on_screen, sources)

    @work(thread=True, group="headlines-listed", exclusive=True, exit_on_error=False)
    def _read_listed(self, generation: int, view: View, order: SortOrder) -> None:
        """Every id of a list filtered by flags, in order (one query: one consistent answer)."""
        with self._library.borrow() as library:
            ids = library.article_ids(view.filter, order)
        self.post_message(self._Listed(generation, ids))

    @on(_Listed)
    def _on_listed(self, message: _Listed) -> None:
        """The list's ids are in: the rows marked here meanwhile are put back where they were
        listed, and the windows asked for meanwhile are read by them. Ids that do not match the
        rows shown (another process wrote between the two reads) read the list again."""
        message.stop()
        if message.generation != self._generation or not self._listing:
            return
        ids = message.ids
        known = set(ids)
        for article_id, index in sorted(self._marked_while_listing.items(), key=lambda m: m[1]):
            if article_id not in known:
                ids.insert(index, article_id)
        same = len(ids) == self.total and all(
            ids[chunk * CHUNK : chunk * CHUNK + len(rows)] == [row.id for row in rows]
            for chunk, rows in self._chunks.items()
        )
        if not same:
            self.reload()
            return
        self._listed = tuple(ids)
        self._listing = False
        self._marked_while_listing = {}
        for chunk in sorted(self._requested):
            self._fetch_chunk(self._generation, self.view, self.order, chunk, self._listed)
        self._run_when_listed()

    def when_listed(self, then: Callable[[], object]) -> None:
        """Call `then` now, or once a list filtered by flags has read its ids (`n` counts the
        rows it keeps by them); showing another view first drops it."""
        if self._listing:
            self._when_listed.append(then)
        else:
            then()

    def _run_when_listed(self) -> None:
        """Run what waited for the list's ids, once no reading of them is under way: those a
        reading left when a reload replaced it too (the reloaded list fits in one window, its
        ids are its rows': `n` typed meanwhile waited for good before)."""
        if not self._listing:
            waiting, self._when_listed = self._when_listed, []
            for then in waiting:
                then()

    @work(thread=True, group="headlines-chunk", exit_on_error=False)
    def _fetch_chunk(
        self,
        generation: int,
        view: View,
        order: SortOrder,
        chunk: int,
        listed: tuple[int, ...] | None,
    ) -> None:
        with self._library.borrow() as library:
            if listed is None:
                rows = library.articles(view.filter, offset=chunk * CHUNK, limit=CHUNK, order=order)
                self.post_message(self._Chunk(generation, chunk, rows, by_offset=True))
                return
            ids = listed[chunk * CHUNK : (chunk + 1) * CHUNK]
            rows = listed_rows(library, view.filter, ids)
        self.post_message(self._Chunk(generation, chunk, rows, complete=len(rows) == len(ids)))

    @on(_Loaded)
    def _on_loaded(self, message: _Loaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        typed = self._typed is not None  # keys moved the cursor while it loaded
        loaded_cursor, on_screen = message.cursor, message.row_on_screen
        moved_to, self._moved_to = self._moved_to, None
        if moved_to is not None and not typed and self._shown_view == self.view:
            found = _index_in(message.chunks, moved_to)
            if found is None:  # not in the windows read: read the list again around it
                self.reload()
                return
            loaded_cursor, on_screen = found, self.cursor - round(self.scroll_y)
        cursor = self._after_typed(loaded_cursor, message.total)
        if self._same_as_shown(
            message, cursor
        ):  # a reload that found nothing new: nothing to redraw
            self._loaded_generation = message.generation
            self._requested = set()  # windows asked for under the old generation are asked again
            self._list_ids(message)  # (rows not loaded may have changed)
            stale = [chunk for chunk in self._chunks if chunk not in message.chunks]
            for chunk in stale:  # rows elsewhere are read again when shown
                del self._chunks[chunk]
            if stale:
                self._strips.clear()
                self.refresh()
            self.post_message(self.ViewLoaded(self.view, self.total))
            self._run_when_listed()
            self._rows_in()
            self._check_if_asked()
            return
        self._loaded_generation = message.generation
        self._list_ids(message)
        self._shown_view = self.view
        self._shown_order = self.order
        self.total = message.total
        self._chunks = OrderedDict(message.chunks)
        self._timed = _any_time(message.chunks.values())
        self._year = str(today().year)  # (the local year, as the rows' dates are local)
        self._old = _any_old(message.chunks.values(), self._year)
        self._feeds = {row.feed for rows in message.chunks.values() for row in rows}
        self._sources = message.sources
        self._source_width = (-1, -1, 0)  # other names, perhaps as many: found again
        self._requested = set()
        self._strips.clear()
        self.loaded = True
        self.virtual_size = Size(0, self.total)  # (no width: rows are cut to the list's width)
        if self.total > (self.size.height or self.app.size.height):
            self._show_scrollbar()
        self.cursor = min(cursor, max(self.total - 1, 0))
        self._announced = -1
        height = self.size.height
        if on_screen is None or not 0 <= on_screen < height:
            # a third down; a row in the first screen's top two thirds scrolls nothing (a sort
            # put row 8 a third down and hid the list's first rows above it)
            on_screen = self.cursor if self.cursor < height * 2 // 3 else height // 3
        # forced: Textual allows a scroll only once a layout showed the scrollbar, and a list
        # shown after a shorter one (Back from a search) has not been laid out again yet
        y = max(0, self.cursor - on_screen)
        self.scroll_to(y=y, animate=False, immediate=True, force=True)
        self.refresh()
        self.post_message(self.ViewLoaded(self.view, self.total))
        self._announce(by_load=not typed)
        self._run_when_listed()
        self._rows_in()
        self._check_if_asked()

    def _leave_out(self, copies: frozenset[int]) -> None:
        """Take the rows joined to another story out of a list that keeps its ids (Unread
        opened before the start-up join kept every copy, its title the count from before;
        user test r33 M1). The rows read here stay; the cursor keeps its row, or the next."""
        listed = self._listed
        if listed is None:
            return
        kept = tuple(article_id for article_id in listed if article_id not in copies)
        if len(kept) == len(listed):
            return
        cursor = self.cursor - sum(
            1 for article_id in listed[: self.cursor] if article_id in copies
        )
        known = {row.id: row for _, row in self.loaded_rows()}
        self._chunks = OrderedDict()
        for chunk in range(0, len(kept), CHUNK):
            ids = kept[chunk : chunk + CHUNK]
            if all(article_id in known for article_id in ids):
                self._chunks[chunk // CHUNK] = [known[article_id] for article_id in ids]
        self._listed = kept
        self._requested = set()
        self._strips.clear()
        self.total = len(kept)
        self.virtual_size = Size(0, self.total)
        self.cursor = min(cursor, max(self.total - 1, 0))
        self.refresh()
        self.post_message(self.ViewLoaded(self.view, self.total))
        self._announce()

    def _check_if_asked(self) -> None:
        """Run the check another process's write asked for while the list was loading."""
        if self._check_after_load and not self.load_pending:
            self._check_after_load = False
            self.check_rows()

    def _list_ids(self, message: _Loaded) -> None:
        """A list filtered by flags keeps its ids: those of its rows when they are all in,
        else read in a worker (the rows shown first)."""
        self._listed, self._listing, self._marked_while_listing = None, False, {}
        if not listed_by_flags(self.view.filter):
            return
        rows = message.chunks.get(0, [])
        if len(rows) >= message.total:
            self._listed = tuple(row.id for row in rows)
        else:
            self._listing = True
            self._read_listed(message.generation, self.view, self.order)

    @on(_LoadFailed)
    def _on_load_failed(self, message: _LoadFailed) -> None:
        """The view's rows could not be read (its error is shown as one line): the load has
        ended, no article is selected, and the keys that waited for the rows are dropped; so is
        a reading of the ids the load replaced (its answer is ignored: keys would wait for it)."""
        message.stop()
        if message.generation == self._generation:
            self._loaded_generation = message.generation
            self._when_rows_in.clear()
            self._when_listed.clear()
            self._listing, self._marked_while_listing = False, {}

    def _same_as_shown(self, message: _Loaded, cursor: int) -> bool:
        """Whether a reload brought the rows already shown, with the cursor where it is."""
        return (
            self.loaded
            and self._shown_view == self.view
            and self._shown_order == self.order
            and message.total == self.total
            and message.sources == self._sources
            and cursor == self.cursor
            and all(self._chunks.get(chunk) == rows for chunk, rows in message.chunks.items())
        )

    @on(_Chunk)
    def _on_chunk(self, message: _Chunk) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        if not message.complete:  # an article was deleted: read the list again, as check_rows
            self.reload()
            return
        if message.by_offset and not self._fits(message) and self._refit != self._count_read:
            # the view has another count than the list's (copies joined to their stories since
            # it loaded): read it again, count and all, rather than keep rows past its real end
            # as "…" for good (user test r33 H2); once a count, so a window the store lists
            # otherwise than it counts cannot reload the list over and over
            self._refit = self._count_read
            self.reload()
            return
        self._requested.discard(message.chunk)
        self._chunks[message.chunk] = message.rows
        self._timed = self._timed or _any_time([message.rows])
        self._old = self._old or _any_old([message.rows], self._year)
        self._feeds.update(row.feed for row in message.rows)
        while len(self._chunks) > MAX_CHUNKS:
            self._chunks.popitem(last=False)
        self.refresh()
        self._announce()

    @property
    def _count_read(self) -> tuple[str, SortOrder, int]:
        """The list's view, order and count as last read."""
        return (self.view.key, self.order, self.total)

    def _fits(self, message: _Chunk) -> bool:
        """Whether a window read at the store's offsets has the rows the list's count gives it."""
        return len(message.rows) == min(CHUNK, max(self.total - message.chunk * CHUNK, 0))

    def row_at(self, index: int) -> ArticleRow | None:
        """The row at an index if loaded; otherwise asks for its window and returns None."""
        chunk, offset = divmod(index, CHUNK)
        rows = self._chunks.get(chunk)
        if rows is None:
            if chunk not in self._requested and self.loaded:
                self._requested.add(chunk)
                if not self._listing:  # (else read once the list's ids are in)
                    self._fetch_chunk(self._generation, self.view, self.order, chunk, self._listed)
            return None
        self._chunks.move_to_end(chunk)
        return rows[offset] if offset < len(rows) else None

    @property
    def selected(self) -> ArticleRow | None:
        """The article under the cursor, if loaded; None while a new view's rows load or after
        their load failed (the cursor is still on a row of the view before)."""
        return self.row_at(self.cursor) if self.total and self.rows_shown else None

    def update_row(
        self,
        article_id: int,
        *,
        read: bool | None = None,
        starred: bool | None = None,
        downloaded: bool | None = None,
    ) -> None:
        """Show changed read/starred/downloaded flags of a loaded article without re-querying."""
        for chunk, rows in self._chunks.items():
            for i, row in enumerate(rows):
                if row.id == article_id:
                    rows[i] = replace(
                        row,
                        read=row.read if read is None else read,
                        starred=row.starred if starred is None else starred,
                        downloaded=row.downloaded if downloaded is None else downloaded,
                    )
                    if self._listing:
                        self._marked_while_listing[article_id] = chunk * CHUNK + i
                    self.refresh_lines(chunk * CHUNK + i)
                    return

    def listed_ids(self) -> tuple[int, ...] | None:
        """A list filtered by flags: the ids it lists (as loaded, the rows marked out of it
        since kept), in list order; None for other lists, whose rows stay at the store's
        offsets."""
        return self._listed

    def loaded_rows(self) -> list[tuple[int, ArticleRow]]:
        """(index, row) of every loaded row, in list order."""
        return sorted(
            (chunk * CHUNK + i, row)
            for chunk, rows in self._chunks.items()
            for i, row in enumerate(rows)
        )

    # -- cursor -------------------------------------------------------------------------------

    def move_cursor(self, index: int) -> None:
        """Put the cursor on an index (clamped), scroll it into view and announce the article."""
        if not self.total:
            return
        index = max(0, min(index, self.total - 1))
        old, self.cursor = self.cursor, index
        if self.load_pending and self.rows_shown and (row := self.row_at(index)) is not None:
            self._moved_to = row.id
        y = self._top_showing(index, self.scrollable_content_region.height or 1)
        if y is not None:
            self.scroll_to(y=y, animate=False, immediate=True)
        self.refresh_lines(old)
        self.refresh_lines(index)
        self._announce()

    def on_resize(self, event: events.Resize) -> None:
        """The list got another height (a smaller terminal, the reader or the sidebar opening or
        closing): scroll the selected row back into view, where the keys on it act."""
        if self.loaded and self.total:
            self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        """Scroll the least that shows the cursor's row (nothing when it is on screen)."""
        height = self.scrollable_content_region.height
        if height <= 0 or not self.total:
            return
        y = self._top_showing(self.cursor, height)
        if y is not None:  # forced: the new height's scroll limits may not be laid out yet
            self.scroll_to(y=y, animate=False, immediate=True, force=True)

    def _top_showing(self, index: int, height: int) -> int | None:
        """The least scroll (a top row) that shows row `index` in `height` rows; None when it is
        on screen already."""
        top = round(self.scroll_y)
        if index < top:
            return index
        if index >= top + height:
            return index - height + 1
        return None

    def _announce(self, by_load: bool = False) -> None:
        if not self.total:
            if self._announced is not None:
                self._announced = None
                self.post_message(self.Highlighted(None, by_load))
            return
        row = self.selected
        if row is not None and self._announced != row.id:
            self._announced = row.id
            self.post_message(self.Highlighted(row, by_load))

    def _typed_move(self, steps: int, anchor: int | None = None, jump: bool = False) -> None:
        """A cursor key: moves the rows shown, and while a load runs, is kept for its rows too
        (keys typed on a busy machine, or right after Enter on a source, are not lost). A new
        view's rows are not shown yet: the key waits for them."""
        if self.load_pending:
            before = self._typed or (None, 0)
            self._typed = (anchor, steps) if jump else (before[0], before[1] + steps)
            if self._shown_view != self.view:
                return
        if jump:
            self.move_cursor(steps if anchor == 0 else self.total - 1 + steps)
        else:
            self.move_cursor(self.cursor + steps)

    def _after_typed(self, cursor: int, total: int) -> int:
        """Where a loaded list's cursor goes: its selected row, moved by the keys typed since."""
        if self._typed is None:
            return cursor
        anchor, steps = self._typed
        self._typed = None
        start = cursor if anchor is None else 0 if anchor == 0 else total - 1
        return max(0, min(start + steps, total - 1))

    def action_cursor_down(self) -> None:
        self._typed_move(1)

    def action_cursor_up(self) -> None:
        self._typed_move(-1)

    def action_first(self) -> None:
        self._typed_move(0, anchor=0, jump=True)

    def action_last(self) -> None:
        self._typed_move(0, anchor=-1, jump=True)

    def action_page(self, direction: int) -> None:
        self._typed_move(direction * max(1, self.scrollable_content_region.height))

    def action_open(self) -> None:
        row = self.selected
        if row is not None:
            self.post_message(self.Opened(row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = round(self.scroll_y) + offset.y
        if index >= self.total:
            return
        if index == self.cursor and event.chain >= 2:
            self.action_open()
        self.move_cursor(index)

    def on_focus(self) -> None:
        self.refresh_lines(self.cursor)

    def on_blur(self) -> None:
        self.refresh_lines(self.cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles_stale = True  # (focus moving between panes restyles the list too)

    def _check_styles(self) -> None:
        """After a style update: forget the drawn rows only if their colours did change, so
        a focus change or the first layout does not draw every visible row again."""
        self._styles_stale = False
        before, self._part_styles = self._part_styles, {}
        self._row_styles.clear()
        if any(self._part_style(name) != style for name, style in before.items()):
            self._strips.clear()

    def _show_scrollbar(self) -> None:
        """Show the scrollbar before the layout when the rows surely overflow (more than the
        terminal has lines): Textual would find that out only after the layout and lay the
        screen out again, so the first frame would be drawn twice, once without it."""
        self.show_vertical_scrollbar = True
        self.vertical_scrollbar.display = True

    # -- rendering ----------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # one paint's rows share the list's style and width: found once, not for every row
        # (the style walks every ancestor's colours)
        self._paint = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        base, width = self._paint or (self.rich_style, self.scrollable_content_region.width)
        if index >= self.total:
            return Strip.blank(width, base)
        if self._styles_stale:
            self._check_styles()
        row = self.row_at(index)
        is_cursor = index == self.cursor
        # a feed's own list, or one whose rows all come from one source, leaves the source out
        one_source = (
            self.view.filter.feed_id is not None or max(len(self._feeds), self._sources) < 2
        )
        sources = None if one_source else self._source_cells(width)
        at = index if row is None else 0
        focused = is_cursor and self.has_focus  # (only the cursor's row shows the focus)
        feeds = len(self._feeds)  # (names alike are cut apart: a new one may change the others)
        key = (row, is_cursor, width, focused, at, sources, feeds, self._timed, self._old, base)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(row, is_cursor, width, base, sources)
            self._strips[key] = strip
        return strip.apply_offsets(scroll_x, index)

    def _source_cells(self, width: int) -> int:
        """The source column's width for the loaded rows' sources, found again only when the
        list's width or the sources change."""
        known_width, known_feeds, cells = self._source_width
        if (known_width, known_feeds) != (width, len(self._feeds)):
            cells = source_cells(self._feeds, width)
            self._source_width = (width, len(self._feeds), cells)
            self._source_cut = source_cuts(self._feeds, cells)
        return cells

    def _part_style(self, name: str) -> Style:
        """A component class's style with solid colours readable on the list's background."""
        style = self._part_styles.get(name)
        if style is None:
            styles = self.get_component_styles(name)
            style = component_style(styles, self.background_colors[1], minimum=MIN_CONTRAST)
            self._part_styles[name] = style
        return style

    def _render_row(
        self, row: ArticleRow | None, is_cursor: bool, width: int, base: Style, sources: int | None
    ) -> Strip:
        """One row (`sources`: the source column's width; None: the list leaves it out)."""
        cursor = None
        if is_cursor:
            name = "headlines--cursor" if self.has_focus else "headlines--cursor-blurred"
            cursor = self._part_style(name)
        if row is None:
            line = Text("   …", style=self._part_style("headlines--meta"))
            line.stylize_before(base)
            if cursor is not None:
                line.stylize(cursor)
            return Strip(list(line.render(self.app.console))).crop_extend(0, width, base)
        key = (base, cursor)
        styles = self._row_styles.get(key)
        if styles is None:
            styles = self._row_styles[key] = row_styles(
                base,
                cursor,
                self._part_style("headlines--unread-mark"),
                self._part_style("headlines--star"),
                self._part_style("headlines--meta"),
                self.app.console.get_style("bold"),
            )
        segments = headline_segments(
            row,
            width,
            styles,
            show_source=sources is not None,
            timed=self._timed,
            year=self._year,
            old=self._old,
            source_width=sources,
            source_cut=self._source_cut,
        )
        return Strip(segments).crop_extend(0, width, base)


def _index_in(chunks: dict[int, list[ArticleRow]], article_id: int) -> int | None:
    """The list index of an article in windows read, if there."""
    for chunk, rows in chunks.items():
        for i, row in enumerate(rows):
            if row.id == article_id:
                return chunk * CHUNK + i
    return None


def _any_time(windows: Iterable[list[ArticleRow]]) -> bool:
    """Whether any row of these windows has a publish time (not undated, not date-only)."""
    return any(
        carries_time(row.listed_date, row.listed_date_only) for rows in windows for row in rows
    )


def _any_old(windows: Iterable[list[ArticleRow]], year: str) -> bool:
    """Whether any row of these windows is dated in another year than `year`."""
    return any(other_year(row, year) for rows in windows for row in rows)
