"""The reading app: global concerns (keys, help, search, theme, timers, the database's lifetime,
analysis after an upgrade); the main screen owns what it shows. `run_app` starts it."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.driver import Driver
from textual.markup import MarkupError, escape
from textual.notifications import Notification, SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from newstui.config import Config
from newstui.errors import NewstuiError, error_line
from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.paths import log_path, ui_state_path
from newstui.signals import STOP_GRACE, STOP_SIGNALS, Stopped, exit_status, exit_within
from newstui.text import clean_line, terminal_safe
from newstui.tui.aimed_clicks import AimedClicks
from newstui.tui.app_keys import (
    APP_BINDINGS,
    EVERY_PANE,
    all_binding_keys,
    box_sections,
    help_sections,
    key_sections,
    screen_sections,
)
from newstui.tui.collector import resume_after_start
from newstui.tui.demo_keys import NOT_IN_DEMO, demo_noted
from newstui.tui.download_runner import RunsDownloads
from newstui.tui.first_frame import FIRST_FRAME
from newstui.tui.glyphs import (
    console_driver,
    console_glyphs,
    console_scrollbars,
    console_term,
    console_text,
)
from newstui.tui.keymap import (
    build_keymap,
    check_key_clashes,
    key_label,
    keys_label,
    keys_of,
    known_entries,
    newsboat_names,
)
from newstui.tui.logged_warnings import AppLogHandler, RoutedWarnings, WarningsLogged
from newstui.tui.palette_words import palette_callback, search_words
from newstui.tui.refresh_messages import AnalysisFinished
from newstui.tui.saved_views import SavesViews
from newstui.tui.screens.analysis_waits import AnalysisWanted, analysis_under_way
from newstui.tui.screens.keyed_box import key_in_effect, named_keys
from newstui.tui.screens.main import MainScreen
from newstui.tui.screens.refresh_reloads import StoreChanged
from newstui.tui.screens.status_row import SyncStatusChanged
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.theme_colours import few_colours, sixteen_colours
from newstui.tui.toast_text import notice_text
from newstui.tui.upgraded_files import SurvivesUpgrades
from newstui.tui.view import View, search_view
from newstui.tui.widgets.sources import SourcesPane
from newstui.tui.worker_errors import ReportsWorkerErrors

if TYPE_CHECKING:  # the query language is imported when a query is typed
    from types import FrameType

    from textual.command import Provider
    from textual.driver import Driver

    from newstui.model import SyncStatus
    from newstui.model.store_upgrade import StoreUpgrade
    from newstui.query import Query

NO_TERMINAL = "the reading app needs a terminal; use the commands (see `newstui --help`) in scripts"
# A terminal that moves no cursor and draws no colour (Emacs's M-x shell, some CI logs): the
# app's escapes would show as junk (user test r44 M3: 24-bit colour codes sent to TERM=dumb)
# (hostile r45 L4: also dumb-mono, Emacs's old `emacs`, and `unknown`, which ssh and su set when
# they know no better; an unset TERM is left alone: Windows's terminals set none)
DUMB_TERMINAL = (
    "the reading app cannot draw on this terminal (TERM={}); use the commands (see `newstui "
    "--help`), or run it in a terminal emulator"
)


def dumb_terminal(term: str) -> bool:
    """Whether TERM names a terminal that cannot take the app's cursor moves and colours."""
    name = term.strip().lower()
    return name in ("dumb", "emacs", "unknown") or name.startswith("dumb-")


STARTUP_TOASTS = 3  # the start-up warnings shown as toasts at most, the last saying how many more
GLOBAL_ACTIONS = ("quit", "help", "toggle_theme", "command_palette")
# the actions on the selected article (the footer hides them in a view that loaded empty;
# undo stays: `A` in Unread empties the view it undoes)
ARTICLE_ACTIONS = frozenset(
    {
        "toggle_read",
        "toggle_star",
        "mark_all_read",
        "open_link",
        "open_link_number",
        "copy_link",
        "pager",
        "pipe",
        "fetch_fulltext",
        "download",
        "play",
        "story_versions",
    }
)
WAIT_NOTICE_EVERY = 10.0  # seconds: writes that wait one after another say so once
PALETTE_GLOBAL = ("quit", "toggle_theme")  # the palette's commands over another screen
# (typing "quit" finds Quit first, before Back's "…; quit from Sources")
PALETTE_TITLES = {"help": "Help: every key", "quit": "Quit"}


def command_search_provider() -> type[Provider]:
    """newstui's commands, found by their words first (palette_words), imported when the
    palette first opens."""
    from newstui.tui.palette_words import CommandSearch

    return CommandSearch


def go_to_source_provider() -> type[Provider]:
    """The palette's "Go to source" entries, imported when the palette first opens."""
    from newstui.tui.source_palette import GoToSource

    return GoToSource


class NewstuiApp(ReportsWorkerErrors, RunsDownloads, SavesViews, SurvivesUpgrades, App[int]):
    """Three panes and a sidebar over one newstui database."""

    CSS_PATH = "newstui.tcss"
    TITLE = "newstui"
    WATCH_SECONDS = 2.0  # how often to look for articles stored by another process
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS
    # newstui's commands (get_system_commands) and "Go to source: NAME" (source_palette)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        command_search_provider,
        go_to_source_provider,
    }

    def __init__(
        self,
        db_path: Path | str,
        config: Config | None = None,
        *,
        demo: bool = False,
        ui_state: Path | None = None,
        log_file: Path | None = None,
        notice: str | None = None,
        notice_severity: SeverityLevel = "warning",
    ) -> None:
        super().__init__()
        self.ui_state = ui_state  # remembers the theme between runs (None: remember nothing)
        # warnings logged while the app runs: shown and written to `log_file`, not to stderr
        self.logged_warnings = RoutedWarnings(AppLogHandler(self, log_file))
        self._warnings_timer: Timer | None = None  # shows the warnings that wait (see there)
        self.notice = notice  # a line to show once started (the demo database was rebuilt)
        self.notice_severity: SeverityLevel = notice_severity  # ("information": a new database)
        state = load_ui_state(ui_state) if ui_state else {}
        saved = state.get("theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self.db_path = db_path
        self.demo = demo or config is None
        # the folders Sources' tree lists folded, kept apart for the demo's store
        self._folded_key = "demo_folded_folders" if demo else "folded_folders"
        folded = state.get(self._folded_key)
        self._folded = [f for f in folded if isinstance(f, str)] if isinstance(folded, list) else []
        # the binding ids `--demo` cannot do: left out of the footer, marked in help and palette
        self.unavailable = NOT_IN_DEMO if demo else frozenset[str]()
        # A store a slow upgrade is ahead for is opened by the upgrade's worker, after it: the
        # app shows the upgrade meanwhile, and nothing of a half-upgraded store.
        # ... and so is one another newstui is upgrading now: the upgrade screen says this one
        # waits for it (the main screen's open waited without a word: r46 openfix noticed)
        ahead = Library.upgrade_ahead(db_path)
        elsewhere = None if ahead else Library.upgrade_under_way(db_path)
        self.waits_for_upgrade = elsewhere is not None
        # its articles; None: no upgrade screen
        self.upgrading: int | None = ahead or elsewhere
        opened = self.upgrading is None
        self._waited_at = -WAIT_NOTICE_EVERY  # when a write last said it waits for another process
        # headlines, the article, marks
        # the upgrade an open made of an older store, said once started (user test r44 M1)
        self.store_upgrades: list[StoreUpgrade] = []
        self.library = SharedLibrary(
            db_path, opened=opened, waiting=self._write_waiting, upgraded=self.store_upgrades.append
        )
        self.counts = SharedLibrary(db_path, opened=opened)  # source counts, never in the way
        self.open_error: NewstuiError | None = None  # why the upgraded store did not open
        # The store as the first view reads it: a write after it (the start-up analysis
        # joining copies of stories) is told by the first look at the store, not taken as
        # where it starts from (user test r33 H2: a join done before it was never shown).
        self._data_version: int | None = self._store_version() if opened else None
        self._sync_status: SyncStatus | None = None
        self._start_pass_begun = False  # the start-up analysis (see _first_screen_shown)
        self.auto_refresh_timer: Timer | None = None
        # A bad [keys] table stops here, before the screen is taken; an entry no binding has
        # is left out with a warning shown once started. Only user keys need the ids (every
        # screen is imported to list them), not a preset.
        keys = config.keys if config is not None else None
        own = keys is not None and bool(keys.bindings or keys.unbind or keys.tables)
        defaults = all_binding_keys() if own else {}
        self.key_warnings = list(keys.ignored) if keys is not None else []
        if config is not None and own:
            keys, self.key_warnings = known_entries(config.keys, config.path, defaults)
        self.user_keymap = (
            build_keymap(keys, config.path, defaults)
            if config is not None and keys is not None
            else {}
        )
        if config is not None and keys is not None and own:
            check_key_clashes(keys, config.path, key_sections(), self.user_keymap, EVERY_PANE)
            check_key_clashes(keys, config.path, box_sections(), self.user_keymap, every_pane=())
            screen = screen_sections()
            check_key_clashes(
                keys, config.path, screen, self.user_keymap, [name for name, _ in screen]
            )
        self.main = MainScreen(  # (given the keys the user's `[keys]` made: the footer, `O`)
            self.library, self.counts, config, self.unavailable, self.user_keymap, self._folded
        )
        self.stopped_by: int | None = None  # the signal that made the app quit, if one did
        self._dragged = False  # the mouse was dragged since the last key
        self._copy_meant = False  # Ctrl-C typed right after a drag: a copy, not a quit
        self._newsboat_keys_said: set[str] = set()  # newsboat's unbound keys answered once
        self._newsboat_key_notice: Notification | None = None  # the last one's, replaced
        self._aimed_clicks = AimedClicks()  # drops a double click's second half that missed
        self._signal_handlers: dict[int, signal.Handlers | Callable[..., object] | int | None] = {}
        self._scrollbars_back: Callable[[], None] | None = None  # (console_scrollbars)

    def _write_waiting(self, pid: int) -> None:
        """A write has waited a second for another process's lock (it waits up to 30 s, the
        app answering meanwhile): say so, once for writes that follow each other."""
        now = monotonic()
        if now - self._waited_at >= WAIT_NOTICE_EVERY:
            self.notify(
                f"waiting for {self.db_path}, in use by process {pid}…",
                severity="warning",
                markup=False,
            )
        self._waited_at = now

    @property
    def config(self) -> Config | None:
        """The config file as last read (None in the demo); the main screen holds it, since
        removing a source there edits it."""
        return self.main.config

    @config.setter
    def config(self, config: Config | None) -> None:
        self.main.config = config

    def get_key_display(self, binding: Binding) -> str:
        """A key with a modifier, Esc and Space, as `?` help, the palette and the boxes' hints
        write them ("Ctrl-S", not Textual's "^s"; "Esc", not "esc" over a box's "Esc: close");
        the rest as Textual shows them ("⏎"; on the Linux console, "Enter": glyphs.py)."""
        if not binding.key_display and ("+" in binding.key or binding.key in ("escape", "space")):
            return key_label(binding.key)
        shown = super().get_key_display(binding)
        return console_text(shown) if self.has_class("-console-glyphs") else shown

    def get_default_screen(self) -> Screen[None]:
        # while upgrading: a blank screen under the upgrade's, which the main screen replaces
        # (Textual cannot replace the default screen itself)
        return Screen() if self.upgrading is not None else self.main

    def on_mount(self) -> None:
        # a 16-colour terminal: the colours that read there (newstui.tcss, the headlines' marks)
        self.set_class(sixteen_colours(self), "-ansi16")
        # …and with NO_COLOR too: cursors and bars shown by an attribute, not colour alone
        self.set_class(few_colours(self), "-few-colours")
        # the Linux console: glyphs its fonts have (glyphs.py, newstui.tcss)
        self.set_class(console_glyphs(self), "-console-glyphs")
        if console_glyphs(self):  # (the one renderer of every scrollbar, until unmounted)
            self._scrollbars_back = console_scrollbars()
        self.logged_warnings.start()
        if self.notice:
            self.notify(self.notice, severity=self.notice_severity, markup=False)
        for upgrade in self.store_upgrades:
            self._say_upgraded(upgrade)
        self._startup_warnings()
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self._stop_on_signals()
        if self.upgrading is not None:
            from newstui.tui.screens.store_upgrade import StoreUpgradeScreen

            self.push_screen(StoreUpgradeScreen(self.upgrading, waiting=self.waits_for_upgrade))
            # its first frame is the upgrade's: then the switch interval Python had, not a
            # short one through the whole migration (~50 s of a thread beside the event loop)
            self.call_after_refresh(FIRST_FRAME.end)
            self._upgrade_store()
        else:
            self._start()

    @work(thread=True, group="upgrade", exit_on_error=False)
    def _upgrade_store(self) -> None:
        """Upgrade the store, then show it; quitting meanwhile stops the upgrade (the steps
        done stay, the rest goes on at the next start)."""
        from textual.worker import get_current_worker

        cancel = get_current_worker().cancelled_event  # set when the app quits
        try:
            Library.open(
                self.db_path,
                threads=True,
                stop=cancel,
                upgraded=lambda upgrade: self.call_from_thread(self._upgraded_now, upgrade),
                upgrade_elsewhere=lambda: self.call_from_thread(self.upgrade_waited),
            ).close()
            if cancel.is_set():  # quit as it ended: the rest (a rebuild) runs at the next start
                return
            self.library.open()
            self.counts.open()
            self._data_version = self._store_version()  # (before the first view is read)
        except NewstuiError as exc:
            if not cancel.is_set():
                self.call_from_thread(self._not_opened, exc)
            return
        if not cancel.is_set():
            self.call_from_thread(self._upgraded)

    def upgrade_waited(self) -> None:
        """Another newstui is upgrading the store (the app started beside it): the upgrade
        screen says that this one waits for it (hostile r46 L6)."""
        from newstui.tui.screens.store_upgrade import StoreUpgradeScreen

        if isinstance(self.screen, StoreUpgradeScreen):
            self.screen.waiting_for_another()

    def _upgraded_now(self, upgrade: StoreUpgrade) -> None:
        """The upgrade screen's worker upgraded the store: said now, and kept for what the
        upgrade changed of the config's views (_list_configured)."""
        self.store_upgrades.append(upgrade)
        self._say_upgraded(upgrade)

    def _say_upgraded(self, upgrade: StoreUpgrade) -> None:
        """Say that the store was upgraded, and where the copy an older newstui opens is."""
        from newstui.render import store_upgraded_line

        line = store_upgraded_line(upgrade, Path(upgrade.file).name)  # (its path: `--db`)
        self.notify(line[0].upper() + line[1:], severity="warning", markup=False, timeout=20)

    def _upgraded(self) -> None:
        self.upgrading = None
        self.switch_screen(self.main)
        self._start()

    def _not_opened(self, error: NewstuiError) -> None:
        """The upgrade or the open after it failed: quit, and run_app reports it in one line."""
        self.open_error = error
        self.exit(return_code=1)

    def _start(self) -> None:
        """What the app does once the store is open: saved views, timers, downloads."""
        # the views' queries are parsed with the sources' first counts, after the first paint
        self.main.set_saved_views_later(self.saved_views)
        self.set_interval(self.WATCH_SECONDS, self._watch_other_writers)
        self.resume_downloads()  # a queue left by the last run carries on
        if self.config is not None and self.config.sync is not None:
            self._watch_other_writers()  # show the sync state at once
        if self.config is not None:  # (a config with no sources yet may get one from `a`)
            minutes = self.config.settings.refresh_minutes
            if minutes:
                self.auto_refresh_timer = self.set_interval(minutes * 60, self._refresh_on_timer)

    @on(MainScreen.FirstScreenShown)
    def _first_screen_shown(self) -> None:
        FIRST_FRAME.end()  # the first frame is out: threads take turns as Python has them
        resume_after_start()
        if self.config is not None:  # after the first paint: it imports the whole pipeline
            from newstui.tui.refresh import prepare_worker_processes

            prepare_worker_processes()  # before any worker process (the analysis, a refresh)
            self._list_configured(self.config)
            self._start_pass_begun = True
            self._analyse_stale(self.config.settings.extractor)
            self._say_unusable_proxies(self.config)
            if self.config.settings.refresh_on_start:  # (newsboat's refresh-on-startup)
                self._refresh_on_timer()
            else:  # with [sync]: the marks made elsewhere (user test r51 MED-3)
                self.main.sync_at_start()
        self._load_search()

    @work(thread=True, group="search-modules", exit_on_error=False)
    def _load_search(self) -> None:
        """Import, in a thread once the first screen is shown, what the first `/` needs: its box
        and the query language with the name keys a query is read with. Imported when `/` was
        pressed, they made the user wait for the box and then for the results (~0.2 CPU-s, 0.5 s
        on a busy machine, of the first search's 0.6 s)."""
        import newstui.sources.newsboat_urls  # (a query in newsboat's syntax: its hint)
        import newstui.tui.screens.search  # noqa: F401  (the box's widgets with it)
        from newstui.nlp import query_keys
        from newstui.query import parse_query

        parse_query("news", query_keys)  # (what reading a query loads on its first use)

    def _say_unusable_proxies(self, config: Config) -> None:
        """A proxy variable newstui cannot use (`https_proxy=htp://x`): one line each, at the
        start, with the feeds it keeps from being fetched, as `fetch` says it after a run."""
        from newstui.sources.proxies import unusable_lines

        for line in unusable_lines((feed.name, feed.url) for feed in config.feeds):
            self.notify(line, severity="warning", markup=False, timeout=20)

    def on_unmount(self) -> None:
        processes = sys.modules.get("newstui.processes")  # (not imported: no worker to end)
        if processes is not None:
            processes.APP_ANALYSIS.close()  # the analysis worker (see AnalysisWorker)
        self.logged_warnings.restore()
        self._restore_signal_handlers()
        if self._scrollbars_back is not None:
            self._scrollbars_back()
        self.note_downloads_left()  # (before the library closes: not opened again after)
        self.library.close()
        self.counts.close()

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this platform; on Linux and macOS one that notices a terminal
        that went away (see terminal_driver); on the Linux console one that writes glyphs its
        font has (glyphs.console_driver)."""
        driver = super().get_driver_class()
        if sys.platform != "win32":
            from textual.drivers.linux_driver import LinuxDriver

            if driver is LinuxDriver:
                from newstui.tui.terminal_driver import HangupAwareDriver

                driver = HangupAwareDriver
        if console_term():  # glyphs the console's font has (glyphs.py; a headless run's
            # driver is Textual's own)
            return console_driver(driver)
        return driver

    def _stop_on_signals(self) -> None:
        """SIGTERM and SIGHUP quit like `q` (the terminal is restored), stopping the worker pools
        first so no refresh or analysis thread holds the exit up. The handler runs in the main
        thread even while the event loop is held up, and makes sure the process ends within
        STOP_GRACE seconds if the loop never gets to quit."""
        loop = asyncio.get_running_loop()

        def stop(signum: int, _frame: FrameType | None) -> None:
            # A pager or browser in the terminal holds the loop until it ends: it gets the
            # signal, and the app quits when it is back (forced out, it left the program on
            # the terminal it shares).
            programs = sys.modules.get("newstui.tui.programs")
            if programs is None or not programs.stop_foreground_program(signum):
                exit_within(STOP_GRACE, exit_status(signum))
            with suppress(RuntimeError):  # the loop closed: the app is ending anyway
                loop.call_soon_threadsafe(self._stop, signum)

        for signum in STOP_SIGNALS:
            with suppress(ValueError):  # only in the main thread: elsewhere the default stays
                self._signal_handlers[signum] = signal.signal(signum, stop)

    def _restore_signal_handlers(self) -> None:
        handlers, self._signal_handlers = self._signal_handlers, {}
        for signum, handler in handlers.items():
            signal.signal(signum, handler)

    def _stop(self, signum: int) -> None:
        # imported here: it loads multiprocessing's pools (~6 ms), which the first screen does not
        # need; importing it at a stop still blocks any pool a refresh would start after it
        from newstui.spawned import stop_all_pools

        if self.stopped_by is not None:
            return
        stop_all_pools()
        self.stopped_by = signum
        self.exit(return_code=exit_status(signum))

    def _startup_warnings(self) -> None:
        """The config's warnings (an unknown [keys] table or id, a view's query that finds
        nothing…), each written to the log file; the first STARTUP_TOASTS shown, then one toast
        for the rest: at 80x24 a fourth toast had no room and was never seen (user test r34)."""
        config = self.main.config
        warnings = [
            *self.key_warnings,
            *(terminal_safe(w, line=True) for w in (config.warnings if config else ())),
        ]
        log = None
        for warning in warnings:
            log = self.logged_warnings.handler.record("warning", warning) or log
        room = STARTUP_TOASTS - bool(self.notice)  # (the notice shown before them: one more)
        shown = warnings if len(warnings) <= room else warnings[: room - 1]
        for warning in shown:
            self.notify(warning, severity="warning", markup=False, timeout=15)
        if rest := len(warnings) - len(shown):
            where = f"see {log}" if log is not None else "`newstui feeds` prints the config's"
            more = f"{rest} more warnings about {config.path.name if config else 'the config'}"
            self.notify(f"{more}: {where}", severity="warning", markup=False, timeout=15)

    @on(WarningsLogged)
    def _warnings_logged(self) -> None:
        """Warnings logged meanwhile (an article the extractor failed on…): one notification,
        the first and how many more, now or once the last one is old enough (those logged
        until then join it)."""
        wait = self.logged_warnings.handler.wait_to_notify()
        if wait <= 0:
            self._show_warnings()
        elif self._warnings_timer is None:
            self._warnings_timer = self.set_timer(wait, self._show_warnings)

    def _show_warnings(self) -> None:
        self._warnings_timer = None
        handler = self.logged_warnings.handler
        lines = handler.take()
        if lines:
            self.notify(handler.summary(lines), severity="warning", markup=False)

    def on_terminal_closed(self) -> None:
        """terminal_driver.TerminalClosed: the terminal hung up (no SIGHUP reaches an app that
        is not its session leader); quit as on SIGHUP."""
        self._stop(signal.SIGHUP)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and event.is_forwarded:
            pass  # (a key coming back up from the focused widget: seen already)
        elif isinstance(event, events.MouseDown | events.MouseUp):
            if self._aimed_clicks.drops(self, event):
                return  # the layout moved between a double click's two halves
        elif isinstance(event, events.MouseMove) and event.button:
            self._dragged = True
        elif isinstance(event, events.Key):
            self._copy_meant = event.key == "ctrl+c" and self._dragged
            self._dragged = False
        await super().on_event(event)

    async def action_quit(self) -> None:
        """Quit; but Ctrl-C just after a mouse drag that selected nothing (the sidebar's text
        cannot be selected) says so and stays: a user trying to copy lost the app (user test
        r38 L16). With a selection, Ctrl-C copies it (the screen's binding comes first)."""
        if self._copy_meant:
            self._copy_meant = False
            self.notify(
                "Nothing selected to copy: only the reader's text can be selected with the"
                " mouse. Ctrl-C again quits.",
                severity="warning",
            )
            return
        await super().action_quit()

    def on_key(self, event: events.Key) -> None:
        """A key that reaches the app from the screen behind a prompt, typed in the same burst
        as the `/` (or `|`, `#`…) that opened it: it goes into the prompt's box."""
        # (a prompt is up only once its module is loaded: the first screen does not load it)
        prompts = sys.modules.get("newstui.tui.widgets.ordered_input")
        if prompts is not None and isinstance(self.screen, prompts.TypedAhead):
            self.screen.take_typed_key(event)
        elif self.screen is self.main and event.key not in self._newsboat_keys_said:
            self._say_newsboat_key(event.key)

    def _say_newsboat_key(self, key: str) -> None:
        """One of newsboat's keys no binding here has (Ctrl-B, `E`, `,`…) says once a session
        what newstui does instead: it did nothing, silently (user test r52 LOW-15). A key the
        preset, `[keys]` or the pane gives a binding is that binding's, never answered so."""
        from newstui.sources.newsboat_keys import NEWSBOAT_KEYS_UNBOUND
        from newstui.tui.notices import replace_notice

        said = NEWSBOAT_KEYS_UNBOUND.get(key)
        bound = key in self.screen.active_bindings or any(
            key in keys.split(",") for keys in self.user_keymap.values()
        )
        if said is None or bound:
            return
        self._newsboat_keys_said.add(key)
        here = named_keys(said.here, self.user_keymap)
        # (one line at 80 columns, in place of the last key's: several keys pressed in a row
        # stacked a toast each over the screen)
        self._newsboat_key_notice = replace_notice(
            self,
            self._newsboat_key_notice,
            f"newsboat's {said.operation} ({key_label(key)}): {here}",
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.upgrading:  # nothing of the store is open yet
            return action in ("quit", "toggle_theme")
        if action in GLOBAL_ACTIONS:
            return True
        if self.screen is not self.main:
            return False
        on_article = parameters[0] if action == "main" and parameters else action
        # an empty view: the keys on an article are hidden from the footer and do nothing
        return not (on_article in ARTICLE_ACTIONS and self.main.headlines.shows_none)

    # -- help, search, theme, commands --------------------------------------------------------

    def action_help(self) -> None:
        from newstui.tui.screens.help import HelpScreen, binding_rows
        from newstui.tui.widgets.search_hint import QUERY_EXAMPLES

        # (opened from a box: its keys first)
        sections = help_sections(self.user_keymap, type(self.screen))
        rows = binding_rows(sections, self.user_keymap, self.unavailable)
        search = next(b for b in APP_BINDINGS if isinstance(b, Binding) and b.id == "app.search")
        search_key = key_label(keys_of(search, self.user_keymap).split(",")[0])
        panes = {name for name, _ in key_sections()}  # (the boxes' keys under the panes')
        later = [name for name, _ in sections[1:] if name not in panes]
        self.push_screen(HelpScreen(rows, QUERY_EXAMPLES, search_key, later))

    def action_search(self) -> None:
        from newstui.tui.screens.search import SearchScreen

        def searched(query: Query | None) -> None:
            if query:
                keys = key_in_effect(self.main, "app.search"), key_in_effect(self.main, "main.back")
                self.main.push_view(search_view(query, *keys))

        self.push_screen(SearchScreen(), searched)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (widgets' and screens' too): its text safe for the terminal, paths
        under the home folder written `~/…` (they fit a toast's line). While the downloads box
        is up it is shown in the box too: toasts there are hidden, as they covered its rows."""
        safe, heading = notice_text(message), terminal_safe(title, line=True)
        super().notify(safe, title=heading, severity=severity, timeout=timeout, markup=markup)
        downloads = sys.modules.get("newstui.tui.screens.downloads")  # (loaded once it is shown)
        screen = self.screen_stack[-1] if self.screen_stack else None
        if downloads is not None and isinstance(screen, downloads.DownloadsScreen):
            text = Content(safe)
            if markup:
                with suppress(MarkupError):  # markup that does not parse: shown as written
                    text = Content.from_markup(safe)
            screen.show_notice(Content(f"{heading}: ").append(text) if heading else text, severity)

    def action_story_versions(self) -> None:
        detail = self.main.detail
        if detail is None or len(detail.versions) < 2:
            self.notify("No other feed published this story.", severity="warning")
            return
        ids = tuple(v.article_id for v in detail.versions)
        title = terminal_safe(detail.article.row.title, line=True)
        view = View(f"story:{ids[0]}", f"Versions: {title}", ArticleFilter(ids=ids))
        self.main.push_view(view, detail.article.row.id)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title; the sub-title muted but readable (Textual's dim is too faint)."""
        title, sub_title = terminal_safe(title, line=True), terminal_safe(sub_title, line=True)
        if not sub_title:
            return Content(title)
        muted = "$text-muted"  # resolved when drawn, so it follows theme changes
        return Content.assemble(Content(title), (" — ", muted), Content.styled(sub_title, muted))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def watch_theme(self, theme: str) -> None:
        if self.ui_state is not None:
            save_ui_state(self.ui_state, {**load_ui_state(self.ui_state), "theme": theme})

    @on(SourcesPane.FoldsChanged)
    def _keep_folds(self, message: SourcesPane.FoldsChanged) -> None:
        """Keep the folders folded in Sources for the next start (ui.json, beside the theme)."""
        if self.ui_state is not None:
            folded = sorted(message.folded)
            save_ui_state(self.ui_state, {**load_ui_state(self.ui_state), self._folded_key: folded})

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """newstui's commands only: every described binding that works on `screen`, named as
        `?` help names it (the palette reads titles as markup: escaped). Textual's own (Theme,
        Keys, Maximize, Screenshot, a second Quit) are left out: `t`, `?` and `Q` do ours."""
        on_main = screen is self.main
        pane_keys: set[str] = set()  # (a key the focused pane has runs the pane's: listed once)
        if on_main:
            for node, shown, enabled, _ in screen.active_bindings.values():
                if node is not screen and node is not self and enabled and shown.show:
                    pane_keys.add(shown.key)
            yield from self._focused_pane_commands(screen)
        for bindings in (MainScreen.BINDINGS, self.BINDINGS):
            if bindings is MainScreen.BINDINGS and not on_main:
                continue
            target = screen if bindings is MainScreen.BINDINGS else self
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                action = binding.action.removeprefix("app.")  # (the quit key is every box's)
                if action == "command_palette" or (not on_main and action not in PALETTE_GLOBAL):
                    continue
                if binding.key in pane_keys:
                    continue  # (the sidebar's `w` and the article's: one line, the pane's)
                title = PALETTE_TITLES.get(action, named_keys(binding.tooltip, self.user_keymap))
                title = demo_noted(title or binding.description, binding.id, self.unavailable)
                keys = escape(f"key: {keys_label(binding, self.user_keymap)}")
                run = palette_callback(binding.id, partial(target.run_action, action))
                yield SystemCommand(escape(title), keys, run)
                # newsboat's name for it finds it too ("reload"), listed only when searched
                # (user test r36 L3: "No matches found")
                for name in newsboat_names(binding.id) if on_main else ():
                    yield SystemCommand(escape(f"{name} (newsboat): {title}"), keys, run, False)
                # and by the words users call it ("unsubscribe": Remove; user test r51 LOW-2)
                if on_main and (words := search_words(binding.id)):
                    yield SystemCommand(escape(f"{', '.join(words)}: {title}"), keys, run, False)

    def action_command_palette(self) -> None:
        """Textual's command palette, which Ctrl-G closes too (screens/palette.py)."""
        from newstui.tui.screens.palette import Palette

        if self.use_command_palette and not isinstance(self.screen, Palette):
            self.push_screen(Palette(id="--command-palette"))

    def _focused_pane_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The focused pane's own keys the footer shows (the sidebar's Follow, Who said what):
        each runs on that pane, as its key does, on its highlighted row."""
        seen: set[str] = set()
        for node, binding, enabled, _ in screen.active_bindings.values():
            if node is screen or node is self or not enabled or not binding.show:
                continue
            key = binding.id or f"{id(node)}.{binding.action}"
            if key in seen or not binding.description:
                continue
            seen.add(key)
            said = named_keys(binding.tooltip, self.user_keymap)
            title = said if binding.description.lower() in said.lower() else binding.description
            if said and title is not said:  # "Who said what: every quote of …"
                title = f"{title}: {said[:1].lower()}{said[1:]}"
            yield SystemCommand(
                escape(demo_noted(title, binding.id, self.unavailable)),
                escape(f"key: {keys_label(binding, self.user_keymap)}"),
                palette_callback(binding.id, partial(self.run_action, binding.action, node)),
            )

    async def action_main(self, action: str) -> None:
        """Run one of the main screen's actions (the keys m, s, A, u, o, v, |, f, a, r, D, q)."""
        await self.main.run_action(action)

    def action_suspend_process(self) -> None:
        """Ctrl-Z: stop the app and give the terminal back to the shell it was started from
        (`fg` resumes it), as newsboat or vim do; said in one line where no shell could resume
        it, which would leave it stopped for good (user test r48 M9)."""
        from newstui.tui.terminal_driver import cannot_suspend

        if why := cannot_suspend(self.is_headless):
            self.notify(why, severity="warning", markup=False)
            return
        super().action_suspend_process()

    @on(Driver.SignalResume)
    def _repaint_after_resume(self) -> None:
        """`fg` after Ctrl-Z: the terminal the shell used is the app's again, and every cell
        of it is drawn anew (Textual redrew only what changed: the screen stayed blank)."""
        self.screen.refresh(repaint=True, layout=True)
        for widget in self.screen.walk_children():
            widget.refresh()

    # -- refreshes and timers -----------------------------------------------------------------

    def action_refresh_all(self) -> None:
        self.main.refresh_all()

    def _refresh_on_timer(self) -> None:
        config = self.config
        if config is None or self.main.refreshing:
            return
        if config.feeds or config.local or config.sync:  # nothing to say when there is nothing
            self.main.refresh_all(by_hand=False)

    @work(thread=True, group="configured", exit_on_error=False)
    def _list_configured(self, config: Config) -> None:
        """List the configured feeds not fetched yet in Sources (a first start lists the
        config's feeds, as newsboat does, before R fetches them), the folders feeds.toml gives
        those listed, and warn of a view or filter naming no folder."""
        import logging

        from newstui.tui.refresh import run_folder_warnings, run_list_configured

        if run_list_configured(self.db_path, config):
            self.main.post_message(StoreChanged())
        # a view or filter whose tag: names no folder (r49 MED-3): a warning, as a broken query
        for line in run_folder_warnings(self.db_path, config):
            logging.getLogger("newstui").warning(line)
        # the views whose folder takes its subfolders since an upgrade not told yet: this
        # start's, or one a command made whose stderr went nowhere (a status line's `unread`)
        from newstui.tui.refresh import run_folders_widened

        run_folders_widened(
            self.db_path,
            config,
            lambda line: self.call_from_thread(self._say_folders_widened, line),
        )

    def _say_folders_widened(self, line: str) -> None:
        """After an upgrade of a round-47 store (this start's, or an untold one), the views and
        filters whose `tag:` folder takes its subfolders now (what `list` says at such an
        upgrade: user test r49 LOW-5): a notification that stays a minute, and in the log file
        with the warnings."""
        note = f"Note: {line}"
        self.logged_warnings.handler.record("warning", note)
        self.notify(note, severity="warning", markup=False, timeout=60)

    @on(AnalysisWanted)
    def _analysis_wanted(self, message: AnalysisWanted) -> None:
        """The article shown has no analysis and nothing is analysing it: it is analysed at
        once, alone, and the pass over every article the extractor has not seen runs again,
        after a `newstui fetch` under way, which analyses them itself (run_analysis; review r54
        MED-9: the whole pass ran beside a cron fetch). Before the first screen the start-up
        pass is about to: it takes it."""
        if self._start_pass_begun:
            self._analyse_shown(message.extractor, message.article_id)
            if not analysis_under_way(self, frozenset({"analyse"})):  # (not restarted: its work
                self._analyse_stale(message.extractor)  # in hand would be thrown away)

    @work(thread=True, group="analyse-shown", exit_on_error=False)
    def _analyse_shown(self, extractor: str, article_id: int) -> None:
        """Analyse the article shown without an analysis, whatever else analyses the store."""
        from textual.worker import get_current_worker

        from newstui.tui.refresh import run_shown_analysis

        cancel = get_current_worker().cancelled_event  # set when the app quits
        try:
            count = run_shown_analysis(self.db_path, extractor, article_id, cancel)
        except Exception as exc:
            raise NewstuiError(f"quote and entity analysis failed: {error_line(exc)}") from exc
        if not cancel.is_set():
            self.main.post_message(AnalysisFinished(count))

    @work(thread=True, group="analyse", exclusive=True, exit_on_error=False)
    def _analyse_stale(self, extractor: str) -> None:
        """Analyse articles stored before the current extractor version (after an upgrade),
        and those a killed fetch left with none."""
        from textual.worker import get_current_worker

        from newstui.tui.refresh import run_analysis

        cancel = get_current_worker().cancelled_event  # set when the app quits
        try:
            done = run_analysis(self.db_path, extractor, cancel)
        except Exception as exc:
            raise NewstuiError(f"quote and entity analysis failed: {error_line(exc)}") from exc
        leftovers = 0 if cancel.is_set() else done.leftovers  # (said: a killed fetch's, r43)
        self.main.post_message(AnalysisFinished(done.count, leftovers, done.through))

    def _store_version(self) -> int | None:
        """The counts connection's data_version (see _watch_other_writers); None if unreadable."""
        try:
            with self.counts.borrow() as library:
                return library.data_version
        except Exception:  # a busy or closing database: the first look starts from there
            return None

    @work(thread=True, group="watch", exclusive=True)
    def _watch_other_writers(self) -> None:
        """Show what another process (a `newstui fetch`) stored, without waiting for a key."""
        syncing = self.config is not None and self.config.sync is not None
        try:
            with self.counts.borrow() as library:
                version = library.data_version
                status = library.sync.status() if syncing else None
        except Exception:  # a busy or closing database: look again next time
            return
        if status is not None and status != self._sync_status:
            self._sync_status = status
            self.main.post_message(SyncStatusChanged(status))
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        if changed:
            self.main.post_message(StoreChanged())
            self.call_later(self.pick_up_downloads)  # what another newstui queued runs here


def load_ui_state(path: Path) -> dict[str, object]:
    """The app's remembered settings (theme); empty when missing or unreadable."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_ui_state(path: Path, state: dict[str, object]) -> None:
    """Remember the app's settings; failing to is not worth interrupting the reader."""
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(state), "utf-8")


def run_app(
    db_path: Path,
    config: Config | None,
    demo: bool = False,
    notice: str | None = None,
    notice_severity: SeverityLevel = "warning",
) -> int:
    """Open the database and run the app until the user quits; returns the exit status.
    `notice`: a line the app shows once started (the demo database was built again: a warning;
    a new database was made: information)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NewstuiError(NO_TERMINAL)
    if dumb_terminal(term := os.environ.get("TERM", "")):
        raise NewstuiError(DUMB_TERMINAL.format(clean_line(term, 40)))
    app = NewstuiApp(
        db_path,
        config,
        demo=demo,
        ui_state=ui_state_path(),
        log_file=log_path(),
        notice=notice,
        notice_severity=notice_severity,
    )
    FIRST_FRAME.start()  # the writer thread sends the first frame out as soon as it is made
    try:
        app.run()
    finally:
        FIRST_FRAME.end()  # (an app that quit before its first screen)
    if (downloads_left := app.downloads_left_line()) is not None:
        print(downloads_left, file=sys.stderr)
    if app.stopped_by is not None:
        raise Stopped(app.stopped_by)  # the terminal is restored; the command line says why
    if app.open_error is not None:
        raise app.open_error
    return app.return_code or 0
