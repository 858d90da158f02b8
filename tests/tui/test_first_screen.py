"""The first screen: headlines first; the key footer, the status lines, the sidebar's tabs and
the collector's settings come once they are painted, and everything works as before after
that."""

from __future__ import annotations

import gc
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual import events, on
from textual.message import Message

from newstui.model import Article
from newstui.store import open_db
from newstui.store.feeds import ensure_feed
from newstui.store.views import bulk_insert_articles
from newstui.tui import app as app_module
from newstui.tui.app import NewstuiApp
from newstui.tui.collector import THRESHOLDS
from newstui.tui.first_frame import FIRST_FRAME, START_INTERVAL, ShortSwitchInterval
from newstui.tui.widgets.headlines import HeadlineList
from newstui.tui.widgets.key_footer import KeyFooter
from newstui.tui.widgets.refresh_status import RefreshStatus
from newstui.tui.widgets.sources_space import SourcesSpace
from newstui.tui.widgets.sync_status import SyncStatusLine

from .conftest import screen_text, settle


class WatchedApp(NewstuiApp):
    """Notes what the screen held when the first headlines arrived."""

    CSS_PATH = Path(app_module.__file__).with_name("newstui.tcss")  # (relative to the module)
    at_first_headlines: tuple[bool, int] | None = None

    @on(HeadlineList.ViewLoaded)
    def _first_headlines(self) -> None:
        if self.at_first_headlines is None:
            self.at_first_headlines = (
                self.main.sidebar.built,
                len(self.main.query(KeyFooter)),
                len(self.main.query(RefreshStatus)) + len(self.main.query(SyncStatusLine)),
            )


async def test_footer_and_sidebar_tabs_come_after_the_headlines(db_path):
    app = WatchedApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.at_first_headlines == (False, 0, 0)
        assert app.main.first_screen_shown
        assert app.main.sidebar.built
        text = screen_text(app)
        assert "Entities" in text and "Quotes" in text  # the tabs
        assert "Q Quit" in text.splitlines()[-1]  # the footer, in its place at the bottom
        bottom = app.main.query_one("#bottom")
        assert [type(w) for w in bottom.children] == [KeyFooter, SyncStatusLine, RefreshStatus]
        assert not app.main.status.display and not app.main.sync_status.display
        assert "Reuters" in text  # the sidebar lists the open article's entities


async def test_a_sidebar_tab_chosen_before_the_tabs_exist_is_the_one_shown(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        assert not app.main.sidebar.built
        app.main.sidebar.show_tab("quotes")  # as `2` pressed at once would
        await settle(pilot)
        assert "— Dmitry Peskov" in screen_text(app)


async def test_an_app_started_with_the_collector_paused_turns_it_on_after_the_first_screen(
    db_path,
):
    before = gc.get_threshold()
    gc.disable()  # what `newstui` does before importing the app
    try:
        app = NewstuiApp(db_path, None)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects are left out of collections
            assert gc.get_threshold() == THRESHOLDS
            await pilot.press("j", "j")
            await settle(pilot)
            assert app.main.headlines.cursor == 2
    finally:
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*before)


async def test_threads_switch_often_until_the_first_screen_then_as_python_had_them(db_path):
    """The writer thread that sends frames to the terminal gets the interpreter lock at once
    while the first frame goes out; then the usual interval comes back."""
    before = sys.getswitchinterval()
    seen: list[float] = []

    class Noting(WatchedApp):
        @on(HeadlineList.ViewLoaded)
        def _note(self) -> None:
            seen.append(sys.getswitchinterval())

    FIRST_FRAME.start()  # what run_app does before running the app
    try:
        app = Noting(db_path, None)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.main.first_screen_shown
            assert seen and seen[0] == START_INTERVAL  # short while the first frame was made
            assert sys.getswitchinterval() == before
    finally:
        FIRST_FRAME.end()
        sys.setswitchinterval(before)


def test_a_short_switch_interval_ends_once_and_restores_the_one_before():
    before = sys.getswitchinterval()
    interval = ShortSwitchInterval()
    interval.end()  # without a start: nothing to put back
    assert sys.getswitchinterval() == before
    try:
        interval.start()
        interval.start()  # a second start keeps the interval from before the first
        assert sys.getswitchinterval() == START_INTERVAL
        interval.end()
        assert sys.getswitchinterval() == before
        interval.end()
        assert sys.getswitchinterval() == before
    finally:
        sys.setswitchinterval(before)


async def test_an_app_started_another_way_leaves_the_collector_alone(db_path):
    before = gc.get_threshold()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert gc.isenabled() and gc.get_threshold() == before


async def test_the_first_paint_of_the_headlines_already_has_their_rows(db_path, ids, monkeypatch):
    """The first view is read before the first paint, not by a worker whose rows came after
    two paints of an empty list (each a full layout and render of the screen)."""
    painted: list[bool] = []
    render_line = HeadlineList.render_line

    def noting(self: HeadlineList, y: int):  # type: ignore[no-untyped-def]
        painted.append(self.loaded)
        return render_line(self, y)

    monkeypatch.setattr(HeadlineList, "render_line", noting)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Kremlin repeats its warning" in screen_text(app)
    assert painted and painted[0] is True


async def test_a_narrow_terminal_is_laid_out_narrow_from_the_first_frame(db_path):
    """The panes the terminal size leaves out are left out of the first layout: nothing is
    shown and then hidden again when the first Resize arrives (a wasted layout and frame)."""
    hidden: list[events.Hide] = []

    def hook(message: Message) -> None:
        if isinstance(message, events.Hide):
            hidden.append(message)

    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await settle(pilot)
        assert app.main.first_screen_shown
        assert app.main.has_class("-narrow")
        assert not app.main.sidebar_visible
    assert hidden == []


async def test_the_start_focuses_the_headlines_without_passing_through_the_sources(db_path):
    """The headline list has the keys from the start; the sources pane (the first focusable
    pane) never takes the focus on the way, which restyled both panes before the first paint."""
    moved: list[events.Focus | events.Blur] = []

    def hook(message: Message) -> None:
        if isinstance(message, events.Focus | events.Blur):
            moved.append(message)

    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        assert app.main.first_screen_shown
        assert app.main.headlines.has_focus
        assert [type(m) for m in moved] == [events.Focus]


async def test_a_list_longer_than_the_terminal_is_drawn_once_for_the_first_screen(
    tmp_path, monkeypatch
):
    """Its scrollbar is in the first layout: Textual would add it only after laying the screen
    out once, then lay it out and draw every row again."""
    path = tmp_path / "many.db"
    db = open_db(path)
    feed = ensure_feed(db, "https://many.example/feed", "Many")
    start = datetime(2024, 1, 1, tzinfo=UTC)
    stories = (
        Article(title=f"Story {i}", text="x", guid=f"g{i}", published=start + timedelta(hours=i))
        for i in range(100)
    )
    bulk_insert_articles(db, feed, stories)
    db.conn.close()
    drawn: list[int] = []  # the rows drawn before the first screen's deferred work
    render_line = HeadlineList.render_line

    def noting(self: HeadlineList, y: int):  # type: ignore[no-untyped-def]
        if not self.screen.first_screen_shown:  # (then the sources pane fits its names)
            drawn.append(y)
        return render_line(self, y)

    monkeypatch.setattr(HeadlineList, "render_line", noting)
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.headlines.show_vertical_scrollbar
        assert "Story 99" in screen_text(app)
    assert drawn and sorted(drawn) == sorted(set(drawn))


async def test_the_panes_containers_are_left_out_of_the_frames_and_the_panes_are_not(db_path):
    """The containers are covered by the panes: hidden, no frame draws them under the panes."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        assert not main.query_one("#main").visible and not main.query_one("#center").visible
        for pane in (main.sources, main.headlines, main.reader, main.sidebar):
            assert pane.visible
        assert main.sidebar.active_list.visible and main.reader.focusable
        text = screen_text(app)
        assert "Kremlin repeats its warning" in text and re.search(r"▾ news +22", text)


class SpaceWatchingApp(NewstuiApp):
    """Notes where the sources pane was when the first headlines arrived."""

    CSS_PATH = WatchedApp.CSS_PATH
    at_first_headlines: tuple[bool, int] | None = None

    @on(HeadlineList.ViewLoaded)
    def _first_headlines(self) -> None:
        if self.at_first_headlines is None:
            spaces = self.main.query(SourcesSpace)
            self.at_first_headlines = (
                self.main.sources.is_attached,
                spaces.first().styles.width.cells if spaces else 0,  # type: ignore[union-attr]
            )


async def test_the_sources_pane_joins_after_the_first_paint_in_the_room_kept_for_it(db_path):
    """The empty option list (its styles, layouts and draws) is not in the first frame: a blank
    pane of its width and look is, replaced by the pane before its first counts."""
    app = SpaceWatchingApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.at_first_headlines == (False, 20)
        assert app.main.sources.is_mounted and not app.main.query(SourcesSpace)
        assert app.main.query_one("#main").children[0] is app.main.sources
        assert "▾ news" in screen_text(app)  # its counts came


async def test_focus_sent_to_the_sources_before_the_first_paint_finds_the_pane(db_path):
    """Tab or h typed at launch, before the pane has joined: it joins at once and has the keys."""

    class EarlyFocusApp(NewstuiApp):
        CSS_PATH = WatchedApp.CSS_PATH

        @on(HeadlineList.ViewLoaded)
        def _early(self) -> None:
            if not self.main.first_screen_shown:
                self.main.focus_pane("sources")

    app = EarlyFocusApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.sources.has_focus
        assert not app.main.query(SourcesSpace)
        await pilot.press("j")
        await settle(pilot)
        assert app.main.sources.highlighted == 1


def test_the_first_search_finds_its_box_and_the_query_language_loaded(db_path):
    """Once the first screen is shown a thread imports what `/` needs (the box, the query
    language): the first search no longer waits for them. Before the first
    paint none of them is loaded (tests/test_startup_imports.py)."""
    import json
    import subprocess

    code = (
        "import asyncio, json, sys\n"
        "from pathlib import Path\n"
        "from newstui.tui.app import NewstuiApp\n"
        "async def main():\n"
        f"    app = NewstuiApp(Path({str(db_path)!r}), None)\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        before = [m in sys.modules for m in NAMES]\n"
        "        for _ in range(50):\n"
        "            await pilot.pause(0.1)\n"
        "            await app.workers.wait_for_complete()\n"
        "            if app.main.first_screen_shown and not app.workers:\n"
        "                break\n"
        "        print(json.dumps([before, [m in sys.modules for m in NAMES]]))\n"
        "NAMES = ('newstui.query', 'newstui.tui.screens.search')\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-800:]
    before, after = json.loads(done.stdout.splitlines()[-1])
    assert before == [False, False]
    assert after == [True, True]
