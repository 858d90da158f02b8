"""n and p: the next (previous) unread article of the view the main screen shows; n past the
last one looks again from the top down to the cursor (newsboat's next-unread), p past the first
one from the bottom up to it (newsboat's prev-unread), then they go on to the next (previous)
source with one (as newsboat's goto-next-feed); the article found
is marked read once shown, as opening it does (newsboat's next-unread opens it), or when the next
n/p moves on from it before it was shown (a held key outruns the reader). Each key moves once:
a key typed while the search before it runs waits for it, and starts from the article it found
(`n n` typed fast, or queued behind `J`, moves two articles). A search takes the articles marked
read whose marks are still being written as read: `n n p n` lands on the same article however
fast the store took the marks. Part of `MainScreen`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.notifications import Notification

from newstui.model import ArticleRow, Direction, SortOrder
from newstui.tui.listed_rows import listed_rows, next_listed_unread
from newstui.tui.mixins import ScreenMixin
from newstui.tui.notices import replace_notice

if TYPE_CHECKING:
    from textual.widget import Widget

    from newstui.library import Library
    from newstui.model import ArticleDetail
    from newstui.tui.shared_library import SharedLibrary
    from newstui.tui.view import View
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.sources import SourcesPane


@dataclass(eq=False, repr=False)
class UnreadFound(Message):
    """Where the nearest unread article of a view is (index None: there is none)."""

    view: View
    index: int | None
    direction: Direction
    row: ArticleRow | None = None  # the article at `index` (the next key's search starts there)
    # none left in a source's list: the next source with one, and that article's id
    later: tuple[View, int] | None = None


@dataclass(eq=False, repr=False)
class UnreadSearchFailed(Message):
    """A search for the next unread article could not read the store (the worker-error
    handler says why): the keys waiting for it are dropped."""


class UnreadSteps(ScreenMixin):
    """n/p and the keys that wait for the search before them."""

    # Provided by MainScreen, which holds the panes and the history Back returns through.
    library: SharedLibrary
    headlines: HeadlineList
    sources: SourcesPane
    _history: list[tuple[View, int | None]]
    _open_on_load: int | None  # the article to mark read (if the settings say so) once shown
    detail: ArticleDetail | None  # the article the reader shows

    if TYPE_CHECKING:

        def show_view(self, view: View, select_id: int | None = None) -> None: ...

        def article_opened(self, row: ArticleRow) -> None: ...

        def reads_unwritten(self) -> frozenset[int]: ...

        def focus_pane(self, name: str) -> None: ...

        def _pane_of(self, widget: Widget | None) -> str | None: ...

    _unread_searching = False
    # n/p typed while a search ran, with the view they were typed on, in order
    _unread_waiting: tuple[tuple[View, Direction], ...] = ()
    _step_notice: Notification | None = None  # the last notice of a key's step (notices.py)
    # where the last n/p put the cursor: view, list index and article (its window of rows may
    # not be loaded yet, right past a window's end)
    _landed: tuple[View, int, ArticleRow] | None = None

    def action_next_unread(self, direction: Direction) -> None:
        """n/p: the next (previous) unread article, from the selected one once the view's
        rows are in (`J n` looks in the new feed, from its selected article), and a list that
        keeps the rows read in it has read its ids."""
        then = partial(self._next_unread, direction)
        self.headlines.when_rows_in(partial(self.headlines.when_listed, then))

    def _next_unread(self, direction: Direction, from_id: int | None = None) -> None:
        view = self.headlines.view
        if self._unread_searching:
            self._unread_waiting += ((view, direction),)
            return
        if from_id is None:
            row = self._cursor_row()
            from_id = row.id if row else None
        # as newsboat's goto-next-feed: past a source's last unread, n goes on to the next
        # source (in Sources' order) that has one, p past its first to the previous one
        views = self.sources.source_views()
        keys = [v.key for v in views]
        unread = self.sources.unread_source_keys()  # (the set-aside ones too, listed last)
        at = keys.index(view.key) if view.key in keys else None
        if at is None:
            others: list[View] = []
        else:
            others = views[at + 1 :] if direction > 0 else views[:at][::-1]
        later = [v for v in others if v.key in unread]
        self._unread_searching = True
        listed = self.headlines.listed_ids()
        # the marks of the keys before may not be stored yet: the search takes them as read
        read = self.reads_unwritten()
        order = self.headlines.order
        # the article the last n landed on, marked read as this key leaves it (_move_on)
        passing = self._open_on_load
        self._find_unread(view, order, from_id, direction, later, listed, read, passing)

    @work(thread=True, group="unread", exit_on_error=False)
    def _find_unread(
        self,
        view: View,
        order: SortOrder,
        article_id: int | None,
        direction: Direction,
        later: list[View],
        listed: tuple[int, ...] | None,
        read: frozenset[int],
        passing: int | None = None,
    ) -> None:
        try:
            with self.library.borrow() as library:
                nearest = partial(_nearest_unread, library, view, order, listed, direction)
                found = nearest(article_id, read) or UnreadFound(view, None, direction)
                if found.index is None and article_id is not None:
                    # as newsboat's next-unread: from the first row down to the cursor before
                    # the next feed (the article the list opened on, rows above it: r35 user
                    # test M-b), past those marked (the one n left, its mark on its way); p
                    # from the last row up to the cursor, as its prev-unread (review r36 N3)
                    passed = read | ({passing} if passing is not None else set())
                    found = nearest(None, passed) or found
                for source in later if found.index is None else []:
                    # n: the source's first unread article; p: its last
                    first = _nearest_unread(library, source, order, None, direction, None, read)
                    if first is not None and first.row is not None:
                        found = UnreadFound(view, None, direction, later=(source, first.row.id))
                        break
        except Exception:  # reported by the worker-error handler; the search has ended
            self.post_message(UnreadSearchFailed())
            raise
        self.post_message(found)

    def _on_unread_search_failed(self, message: UnreadSearchFailed) -> None:
        self._unread_searching = False
        self._unread_waiting = ()

    def _on_unread_found(self, message: UnreadFound) -> None:
        self._unread_searching = False
        current = self.headlines.view
        waiting = tuple(w for w in self._unread_waiting if w[0] == current)
        self._unread_waiting = waiting
        if message.view != current:  # the user went elsewhere meanwhile
            self._next_waiting(None)
            return
        if message.index is not None or message.later is not None:
            self._move_on()
            self._landed = None
        if message.index is None and message.later is not None:
            source, article_id = message.later
            self._history.clear()
            # the keys typed meanwhile go on in the source moved to, from its unread article
            self._unread_waiting = tuple((source, direction) for _, direction in waiting)
            self.show_view(source, article_id)
            self._open_on_load = article_id
            self._shown_over_list()
            self._step_notice = replace_notice(
                self.app, self._step_notice, f"No unread article left here: on to {source.title}."
            )
            self.headlines.when_rows_in(partial(self._next_waiting, None))
            return
        if message.index is None:  # (n looked from the top too, p from the bottom)
            self._step_notice = replace_notice(
                self.app, self._step_notice, "No unread article left here.", "warning"
            )
            self._next_waiting(None)
            return
        index = message.index
        found_id = message.row.id if message.row else None
        listed = self.headlines.row_at(index)
        if listed is not None and listed.id != found_id:
            # the list was read again while the search ran (R, a timed refresh): the article
            # is at its row in the list read
            index = next(
                (i for i, row in self.headlines.loaded_rows() if row.id == found_id),
                index,
            )
        self.headlines.move_cursor(index)
        if message.row is not None:
            self._landed = (current, self.headlines.cursor, message.row)
        self._open_on_load = found_id  # shown in full: read, as Enter would mark it
        self._shown_over_list()
        shown = self.detail.article.row if self.detail is not None else None
        if shown is not None and shown.id == found_id:
            # the article the reader shows already (the one the list opened on, reached from
            # the top): no load to come marks it, so it is opened now
            self._open_on_load = None
            selected = self.headlines.selected
            self.article_opened(selected if selected and selected.id == found_id else shown)
        self._next_waiting(found_id)

    def _shown_over_list(self) -> None:
        """In the list layout the reader shows only while it has the focus: the article n/p
        found opens over the list, as Enter opens it (newsboat's next-unread; user test r52
        M3: `n` marked the next unread read and the list stayed, the article unseen)."""
        if self.has_class("-list-layout") and self._pane_of(self.focused) != "reader":
            self.focus_pane("reader")

    def _cursor_row(self) -> ArticleRow | None:
        """The article under the cursor; right after n/p put it on a row whose window is still
        loading, the article they found there."""
        row = self.headlines.selected
        landed = self._landed
        if row is None and landed is not None:
            view, index, found = landed
            if view == self.headlines.view and index == self.headlines.cursor:
                return found
        return row

    def _move_on(self) -> None:
        """The next n/p leaves the article the key before put the cursor on: read it now if it
        was not shown yet (keys held down, 25 a second, come faster than the reader loads
        articles: every other one was passed unread, user test r34 H1)."""
        row = self._cursor_row()
        if row is not None and row.id == self._open_on_load:
            self._open_on_load = None
            self.article_opened(row)

    def _next_waiting(self, from_id: int | None) -> None:
        """Start the search of the first key that waited, if it was typed on the view shown."""
        waiting = self._unread_waiting
        if not waiting or self._unread_searching:
            return
        (view, direction), self._unread_waiting = waiting[0], waiting[1:]
        if view != self.headlines.view:
            self._unread_waiting = ()
            return
        self.headlines.when_listed(partial(self._next_unread, direction, from_id))


def _nearest_unread(
    library: Library,
    view: View,
    order: SortOrder,
    listed: tuple[int, ...] | None,
    direction: Direction,
    from_id: int | None,
    read: frozenset[int],
) -> UnreadFound | None:
    """The view's nearest unread article after (1) or before (-1) `from_id` (from the first or
    the last row when None), taking the ids in `read` as read; None when there is none."""
    if listed is not None:
        # a list that keeps the rows marked out of it (Unread, an `unread` query): walked by
        # the ids it lists, as the store's offsets no longer count them (nor the article the
        # key before is about to mark read)
        step = next_listed_unread(library, view.filter, listed, from_id, direction, read)
        if step is None:
            return None
        rows = listed_rows(library, view.filter, (step[1],))
        return UnreadFound(view, step[0], direction, rows[0] if rows else None)
    while (index := library.next_unread(view.filter, from_id, direction, order)) is not None:
        rows = library.articles(view.filter, offset=index, limit=1, order=order)
        if rows and rows[0].id in read and rows[0].id != from_id:
            from_id = rows[0].id  # marked read, not yet stored: on past it
            continue
        return UnreadFound(view, index, direction, rows[0] if rows else None)
    return None
