"""n typed while the list is read again (the start-up pass joining copies of stories, a
refresh): every article n passes is read, none left unread between read ones (user test r36
M4: held n during the start-up join pass left 2 of the first 40 unread)."""

from __future__ import annotations

import threading
from contextlib import contextmanager

import pytest
from textual.app import App, ComposeResult
from textual.worker import get_current_worker

from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.tui.app import NewstuiApp
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.view import UNREAD
from newstui.tui.widgets.headlines import CHUNK, HeadlineList

from .conftest import run_recorded, settle, store_many, until
from .test_feed_keys import feeds_of_stories


class HeldWorkers:
    """The workers of a group wait, from their `nth` borrow of the store on, before they
    borrow it (the store is not held: other workers read it meanwhile), until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, group: str, nth: int = 1) -> None:
        self.held, self.release = threading.Event(), threading.Event()
        self.calls = 0
        real = SharedLibrary.borrow

        @contextmanager
        def borrow(shared: SharedLibrary):
            try:
                mine = get_current_worker().group == group
            except Exception:  # not a worker's thread
                mine = False
            if mine:
                self.calls += 1
                if self.calls >= nth and not self.release.is_set():
                    self.held.set()
                    self.release.wait(60)  # (a bound: only a broken test would wait that long)
            with real(shared) as library:
                yield library

        monkeypatch.setattr(SharedLibrary, "borrow", borrow)


async def test_n_while_the_list_is_read_again_passes_no_article_unread(tmp_path, monkeypatch):
    """The list's reload, started before the keys, lands between two n searches: it no longer
    puts the cursor back on the row it started from, so the article the first n reached is
    read when the second moves on."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Alpha Post": 6})
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.main
        assert screen.headlines.selected.title == "Alpha Post story 1"
        details = HeldWorkers(monkeypatch, "detail")  # the reader shows nothing (keys held)
        reload = HeldWorkers(monkeypatch, "headlines-load")
        search = HeldWorkers(monkeypatch, "unread", nth=2)
        try:
            screen.headlines.reload()  # as the start-up join pass's store change reloads it
            await until(pilot, reload.held.is_set, 20)
            await pilot.press("n", "n")
            await until(pilot, search.held.is_set, 20)  # the first n is on story 2
            assert screen.headlines.selected.title == "Alpha Post story 2"
            reload.release.set()
            await until(pilot, lambda: not screen.headlines.load_pending, 20)
            search.release.set()
            await until(pilot, lambda: not screen._unread_searching, 20)
            assert screen.headlines.selected.title == "Alpha Post story 3"
        finally:
            for hold in (details, reload, search):
                hold.release.set()
        await settle(pilot)
    with Library.open(path) as library:
        unread = {a.title for a in library.articles(ArticleFilter(unread=True))}
    assert "Alpha Post story 2" not in unread  # passed by the second n: read


class _OneList(App[None]):
    """The headline list alone, over a store."""

    def __init__(self, library: SharedLibrary) -> None:
        super().__init__()
        self.headlines = HeadlineList(library)

    def compose(self) -> ComposeResult:
        yield self.headlines


async def test_what_waited_for_a_long_lists_ids_runs_when_a_reload_finds_it_short(
    tmp_path, monkeypatch
):
    """`n` waits for a long Unread list's ids; the list, read again meanwhile, now fits in one
    window (its ids are those of its rows): the key runs, it is not left waiting for good."""
    path = tmp_path / "many.db"
    store_many(path, CHUNK + 50)
    library = SharedLibrary(path)
    app = _OneList(library)
    ran: list[int] = []
    listing = HeldWorkers(monkeypatch, "headlines-listed")
    try:
        async with app.run_test(size=(80, 20)) as pilot:
            headlines = app.headlines
            headlines.show_view(UNREAD)
            await until(pilot, listing.held.is_set, 20)  # its ids are being read
            headlines.when_listed(lambda: ran.append(headlines.total))
            assert ran == []
            with Library.open(path) as other:  # another process reads most of them
                other.mark(other.article_ids(ArticleFilter(unread=True))[50:], read=True)
            headlines.reload()
            await until(pilot, lambda: not headlines.load_pending, 20)
            await pilot.pause()
            assert ran == [50]
    finally:
        listing.release.set()
        library.close()
