"""The reading app: global keys, article actions, refresh workers, themes; `run_app` starts it."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import webbrowser
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import replace
from functools import partial
from multiprocessing import resource_tracker
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import platformdirs
from textual import on, work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import get_current_worker

from newstui.config import (
    APP_NAME,
    Config,
    FeedConfig,
    LocalConfig,
    Settings,
    add_view,
    load_config,
    remove_source,
)
from newstui.errors import NewstuiError
from newstui.launch import Launch, LaunchError, browser_launch, pager_launch, pipe_launch
from newstui.model import ArticleRow, FeedRow, RemovedSource, SourceOutcome, SyncStatus
from newstui.nlp import query_keys
from newstui.query import Query, QueryError, parse_query
from newstui.render import render_article_text
from newstui.signals import STOP_SIGNALS, Stopped, exit_status
from newstui.spawned import stop_all_pools
from newstui.text import terminal_safe
from newstui.tui.keymap import binding_ids, build_keymap, keys_of
from newstui.tui.refresh import (
    AnalysisFinished,
    RefreshFinished,
    RefreshPlan,
    RefreshProgress,
    plan_all,
    plan_for,
    refresh_summary,
    run_analysis,
    run_fulltext,
    run_refresh,
    run_remove,
    run_unsubscribe,
    sentence,
)
from newstui.tui.screens.command_prompt import CommandScreen
from newstui.tui.screens.confirm import ConfirmScreen
from newstui.tui.screens.help import HelpScreen, binding_rows
from newstui.tui.screens.main import MainScreen
from newstui.tui.screens.search import QUERY_EXAMPLES, SearchScreen
from newstui.tui.screens.view_name import ViewNameScreen
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.view import ALL, View, saved_view, search_view
from newstui.tui.widgets.headlines import HeadlineList
from newstui.tui.widgets.pane_list import PaneList
from newstui.tui.widgets.reader import Reader
from newstui.tui.widgets.sidebar import Sidebar
from newstui.tui.worker_errors import ReportsWorkerErrors

DEMO_NOTICE = "demo mode: no feeds to refresh"
NO_TERMINAL = "the reading app needs a terminal; use the commands (see `newstui --help`) in scripts"


class NewstuiApp(ReportsWorkerErrors, App[int]):
    """Three panes and a sidebar over one newstui database."""

    CSS_PATH = "newstui.tcss"
    TITLE = "newstui"
    WATCH_SECONDS = 2.0  # how often to look for articles stored by another process
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding(
            "m", "toggle_read", "Read", tooltip="Toggle read / unread", id="article.toggle_read"
        ),
        Binding("s", "toggle_star", "Star", tooltip="Toggle the star", id="article.toggle_star"),
        Binding(
            "A",
            "mark_all_read",
            "All read",
            show=False,
            tooltip="Mark all in view read",
            id="headlines.mark_all_read",
        ),
        Binding(
            "o",
            "open_link",
            "Browser",
            show=False,
            tooltip="Open the link in a browser",
            id="article.open_link",
        ),
        Binding("u", "undo", "Undo", show=False, tooltip="Undo the last mark", id="article.undo"),
        Binding(
            "v",
            "pager",
            "Pager",
            show=False,
            tooltip="Read the article in your pager",
            id="article.pager",
        ),
        Binding(
            "vertical_line",
            "pipe",
            "Pipe",
            show=False,
            tooltip="Pipe the article to a command",
            id="article.pipe",
        ),
        Binding(
            "f",
            "fetch_fulltext",
            "Full text",
            show=False,
            tooltip="Fetch the full text",
            id="article.fetch_fulltext",
        ),
        Binding(
            "r",
            "refresh_selected",
            "Refresh feed",
            show=False,
            tooltip="Refresh the selected feed",
            id="app.refresh_selected",
        ),
        Binding("R", "refresh_all", "Refresh", tooltip="Refresh all sources", id="app.refresh_all"),
        Binding(
            "D",
            "remove_source",
            "Remove feed",
            show=False,
            tooltip="Remove the selected feed",
            id="sources.remove",
        ),
        Binding(
            "t",
            "toggle_theme",
            "Theme",
            show=False,
            tooltip="Switch light / dark theme",
            id="app.toggle_theme",
        ),
        Binding(
            "S",
            "save_view",
            "Save view",
            show=False,
            tooltip="Save the current search as a view (feeds.toml)",
            id="app.save_view",
        ),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Palette",
            show=False,
            priority=True,
            tooltip="Command palette",
            id="app.command_palette",
        ),
    ]

    def __init__(
        self,
        db_path: Path | str,
        config: Config | None = None,
        *,
        demo: bool = False,
        ui_state: Path | None = None,
    ) -> None:
        super().__init__()
        self.ui_state = ui_state  # remembers the theme between runs (None: remember nothing)
        saved = load_ui_state(ui_state).get("theme") if ui_state else None
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self.db_path = db_path
        self.config = config
        self.demo = demo or config is None
        self.settings = config.settings if config else Settings()
        self.library = SharedLibrary(db_path)  # headlines, the open article, marks
        self.counts = SharedLibrary(db_path)  # source counts, so they never hold up the list
        if config is not None:
            # Full-text extraction starts worker processes, which needs multiprocessing's
            # resource tracker; it must start while stderr is a real file (Textual redirects it).
            resource_tracker.ensure_running()
        self.main = MainScreen(self.library, self.counts)
        self._refreshing = 0  # sources still to finish; 0 when idle
        self._refresh_done = 0
        self._outcomes: list[SourceOutcome] = []
        self._removed: list[RemovedSource] = []  # appended to by the refresh thread
        self._last_pipe = ""  # the last command the article was piped to
        self._last_mark: tuple[tuple[int, ...], dict[str, bool]] | None = None  # for `u`
        self.user_keymap = (
            build_keymap(config.keys, config.path, all_binding_ids()) if config is not None else {}
        )  # a bad [keys] table stops here, before the screen is taken
        self.stopped_by: int | None = None  # the signal that made the app quit, if one did

    def get_default_screen(self) -> Screen:
        return self.main

    def on_mount(self) -> None:
        self.main.reader.show_speakers = self.settings.speaker_tags
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self.main.sources.set_saved_views(self.saved_views())
        self._stop_on_signals()
        if self.config is not None:
            self._analyse_stale()
        self._data_version: int | None = None
        self._sync_status: SyncStatus | None = None
        self.set_interval(self.WATCH_SECONDS, self._watch_other_writers)
        if self.config is not None and self.config.sync is not None:
            self._watch_other_writers()  # show the sync state at once
        minutes = self.settings.refresh_minutes
        self.auto_refresh_timer: Timer | None = None
        if (
            self.config is not None
            and minutes
            and (self.config.feeds or self.config.local or self.config.sync)
        ):
            self.auto_refresh_timer = self.set_interval(minutes * 60, self._refresh_on_timer)

    def on_unmount(self) -> None:
        self.library.close()
        self.counts.close()

    def _stop_on_signals(self) -> None:
        """SIGTERM and SIGHUP quit like `q` (the terminal is restored), stopping the worker pools
        first so no refresh or analysis thread holds the exit up."""
        loop = asyncio.get_running_loop()
        for signum in STOP_SIGNALS:
            # only in the main thread, and not on every platform: there the default action stays
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._stop, signum)

    def _stop(self, signum: int) -> None:
        stop_all_pools()
        self.stopped_by = signum
        self.exit(return_code=exit_status(signum))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("quit", "help", "toggle_theme", "command_palette"):
            return True
        return self.screen is self.main

    # -- help, search, theme, commands --------------------------------------------------------

    def key_sections(self) -> list[tuple[str, Iterable[Binding]]]:
        """Bindings to list in help, a section per pane, then those that work anywhere."""

        def of(bindings: Iterable[BindingType], *actions: str) -> list[Binding]:
            found = [b for b in bindings if isinstance(b, Binding)]
            return [b for name in actions for b in found if b.action.split("(")[0] == name]

        def moves(bindings: Iterable[BindingType]) -> list[Binding]:
            return [b for b in bindings if isinstance(b, Binding) and b.action != "select"]

        app, main = self.BINDINGS, MainScreen.BINDINGS
        choose = Binding("enter", "select", "Show", tooltip="Show the source's articles")
        per_pane: list[tuple[str, list[Binding]]] = [
            (
                "Sources",
                [*moves(PaneList.BINDINGS), choose, *of(app, "refresh_selected", "remove_source")],
            ),
            (
                "Headlines",
                [
                    *moves(HeadlineList.BINDINGS),
                    *of(main, "next_unread"),
                    *of(app, "toggle_read", "toggle_star", "mark_all_read", "undo", "open_link"),
                    *of(app, "pager", "pipe", "search", "save_view"),
                ],
            ),
            (
                "Reader",
                [
                    *moves(Reader.BINDINGS),
                    *of(main, "page", "toggle_full_reader", "toggle_speakers"),
                    *of(app, "fetch_fulltext"),
                ],
            ),
            (
                "Sidebar",
                [  # it moves like Sources: only what differs is listed
                    Binding(
                        "enter",
                        "select",
                        "List",
                        tooltip="Enter on an entity or quote lists its articles",
                    ),
                    *[b for b in Sidebar.BINDINGS if isinstance(b, Binding)],
                    *of(main, "toggle_sidebar", "sidebar_tab"),
                ],
            ),
        ]
        listed = {id(b) for _, bindings in per_pane for b in bindings}
        anywhere = [b for b in [*main, *app] if isinstance(b, Binding) and id(b) not in listed]
        return [*per_pane, ("Anywhere", anywhere)]

    def action_help(self) -> None:
        rows = binding_rows(self.key_sections(), self.user_keymap)
        self.push_screen(HelpScreen(rows, QUERY_EXAMPLES))

    def action_search(self) -> None:
        def searched(query: Query | None) -> None:
            if query:
                self.main.push_view(search_view(query))

        self.push_screen(SearchScreen(), searched)

    # -- saved views and follows --------------------------------------------------------------

    def saved_views(self) -> list[View]:
        """The config's `[[views]]` as views (each query was checked when the config loaded)."""
        if self.config is None:
            return []
        views = []
        for entry in self.config.views:
            try:
                views.append(saved_view(entry.name, parse_query(entry.query, query_keys)))
            except QueryError:  # pragma: no cover - load_config refuses invalid queries
                continue
        return views

    def action_save_view(self) -> None:
        query = self.main.headlines.view.filter.query
        if query is None:
            self.notify("Search first (/); S saves the search as a view.", severity="warning")
            return
        if self.config is None:
            self.notify("No config file (demo mode): views cannot be saved.", severity="warning")
            return

        def named(name: str | None) -> None:
            if name and query is not None:
                self.add_view(name, query.text)

        self.push_screen(ViewNameScreen(query.text), named)

    def add_view(self, name: str, query: str) -> None:
        """Save a view in the config (comments kept), list it and show it."""
        if self.config is None:
            self.notify("No config file (demo mode): views cannot be saved.", severity="warning")
            return
        same = next((v for v in self.config.views if v.query == query), None)
        if same is not None:
            self.notify(f"Already a view: {same.name}", markup=False)
            self.main.show_view(saved_view(same.name, parse_query(same.query, query_keys)))
            return
        try:
            added = add_view(self.config.path, name, query)
            self.config = load_config(self.config.path)
        except (NewstuiError, OSError) as exc:
            self.notify(terminal_safe(str(exc), line=True), severity="error", markup=False)
            return
        views = self.saved_views()
        self.main.sources.set_saved_views(views)
        view = next(v for v in views if v.title == added.name)
        self.main.show_view(view)
        self.notify(f"Saved view {added.name} in {self.config.path.name}", markup=False)

    @on(Sidebar.FollowRequested)
    def _follow(self, message: Sidebar.FollowRequested) -> None:
        self.add_view(message.name, message.query)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (widgets' and screens' too): its text safe for the terminal."""
        super().notify(
            terminal_safe(message),
            title=terminal_safe(title, line=True),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if screen is not self.main:
            return
        for bindings in (MainScreen.BINDINGS, self.BINDINGS):
            target = screen if bindings is MainScreen.BINDINGS else self
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                if binding.description and binding.action not in ("quit", "help"):
                    yield SystemCommand(
                        binding.tooltip or binding.description,
                        f"key: {keys_of(binding, self.user_keymap)}",
                        partial(target.run_action, binding.action),
                    )

    # -- article state (written at once) ------------------------------------------------------

    def _row(self) -> ArticleRow | None:
        row = self.main.current_row()
        if row is None:
            self.notify("No article selected.", severity="warning")
        return row

    @on(MainScreen.ArticleRead)
    def _article_read(self, message: MainScreen.ArticleRead) -> None:
        """The user opened an article: mark it read if the settings say so."""
        row = message.row
        if self.settings.mark_read_on_open and not row.read:
            self._write_flags(row, read=True)

    def action_toggle_read(self) -> None:
        if row := self._row():
            self._write_flags(row, read=not row.read)

    def action_toggle_star(self) -> None:
        if row := self._row():
            self._write_flags(row, starred=not row.starred)

    @work(group="write")
    async def _write_flags(
        self, row: ArticleRow, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        try:
            await self.library.write(lambda lib: lib.mark([row.id], read=read, starred=starred))
        except Exception as exc:
            self.notify(f"could not save: {exc}", severity="error", markup=False)
            return
        before = {"read": row.read} if read is not None else {}
        before |= {"starred": row.starred} if starred is not None else {}
        self._last_mark = ((row.id,), before)
        self.main.headlines.update_row(row.id, read=read, starred=starred)
        if self.main.detail is not None and self.main.detail.article.row.id == row.id:
            article = self.main.detail.article
            flags = replace(
                article.row,
                read=article.row.read if read is None else read,
                starred=article.row.starred if starred is None else starred,
            )
            self.main.detail = replace(self.main.detail, article=replace(article, row=flags))
        self.main.sources.reload()

    @work(group="write")
    async def action_mark_all_read(self) -> None:
        view = self.main.headlines.view
        unread = await self.library.write(lambda lib: lib.count(replace(view.filter, unread=True)))
        if not unread:
            self.notify("Nothing unread here.")
            return
        if unread > self.settings.mark_all_confirm:
            title = terminal_safe(view.title, line=True)
            question = f"Mark {unread:,} articles in {title} read? (u undoes it)"

            def answered(yes: bool | None) -> None:
                if yes:
                    self._mark_view_read(view)

            self.push_screen(ConfirmScreen("Mark all read", question, yes="mark read"), answered)
            return
        self._mark_view_read(view)

    @work(group="write")
    async def _mark_view_read(self, view: View) -> None:
        try:
            ids = await self.library.write(lambda lib: lib.mark_all_read_ids(view.filter))
        except Exception as exc:
            self.notify(f"could not save: {exc}", severity="error", markup=False)
            return
        count = len(ids)
        self._last_mark = (tuple(ids), {"read": False})
        self.notify(f"Marked {count:,} article{'s' * (count != 1)} read. u undoes it.")
        self.main.headlines.reload()
        self.main.sources.reload()

    @work(group="write")
    async def action_undo(self) -> None:
        """Undo the last mark (m, s or A)."""
        if self._last_mark is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        ids, flags = self._last_mark
        self._last_mark = None
        try:
            await self.library.write(lambda lib: lib.mark(list(ids), **flags))
        except Exception as exc:
            self.notify(f"could not save: {exc}", severity="error", markup=False)
            return
        what = {("read", True): "read", ("read", False): "unread"}
        state = ", ".join(
            what.get((k, v)) or ("starred" if v else "not starred") for k, v in flags.items()
        )
        self.notify(f"Undone: {len(ids):,} article{'s' * (len(ids) != 1)} {state} again.")
        if len(ids) == 1:
            self.main.headlines.update_row(ids[0], **flags)
        self.main.headlines.reload()
        self.main.sources.reload()

    def action_open_link(self) -> None:
        row = self._row()
        if row is None:
            return
        url = row.url or ""
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            self.notify("This article has no web link.", severity="warning")
            return
        try:
            launch = browser_launch(self.settings.browser, os.environ, url)
        except LaunchError as exc:
            self.notify(f"browser: {exc}", severity="error", markup=False)
            return
        if launch is None:
            self._open_browser(url)
        else:
            self.run_program(launch)

    @work(thread=True, group="browser")
    def _open_browser(self, url: str) -> None:
        try:
            opened = webbrowser.open(url)
            message = None if opened else "No browser available."
        except Exception as exc:
            message = f"browser: {exc}"
        if message:
            with suppress(RuntimeError):  # the app has stopped
                self.call_from_thread(self.notify, message, severity="warning", markup=False)

    def _article_text(self) -> str | None:
        """The open article as plain text (as `newstui show` prints it), or None."""
        row = self._row()
        detail = self.main.detail
        if row is None:
            return None
        if detail is None or detail.article.row.id != row.id:
            self.notify("The article is still loading.", severity="warning")
            return None
        return render_article_text(detail.article, detail.analysis).plain

    def action_pager(self) -> None:
        text = self._article_text()
        if text is None:
            return
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", prefix="newstui-", suffix=".txt", delete=False
        ) as file:
            file.write(text)
        try:
            self.run_program(pager_launch(self.settings.pager, os.environ, file.name))
        except LaunchError as exc:
            self.notify(f"pager: {exc}", severity="error", markup=False)
        finally:
            with suppress(OSError):
                os.unlink(file.name)

    def action_pipe(self) -> None:
        text = self._article_text()
        if text is None:
            return

        def chosen(command: str | None) -> None:
            if not command:
                return
            self._last_pipe = command
            try:
                self.run_program(pipe_launch(command), text.encode("utf-8"))
            except LaunchError as exc:
                self.notify(f"pipe: {exc}", severity="error", markup=False)

        hint = "Enter: run it with the article on its standard input. Esc: cancel"
        self.push_screen(CommandScreen("Pipe the article to", hint, self._last_pipe), chosen)

    def run_program(self, launch: Launch, stdin: bytes | None = None) -> None:
        """Run an external program: one that draws in the terminal runs in the foreground with
        the app suspended (restored afterwards); any other starts on its own."""
        name = launch.name
        try:
            if not launch.terminal:
                subprocess.Popen(
                    launch.argv,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
                return
            with self.suspend():
                status = subprocess.run(launch.argv, input=stdin, check=False).returncode
                if launch.wait_for_key:
                    with suppress(EOFError, OSError):
                        input(f"\n[{name} exited with status {status}] Press Enter to return. ")
        except SuspendNotSupported:
            self.notify(
                f"{name}: this terminal cannot be handed over to another program",
                severity="error",
                markup=False,
            )
            return
        except FileNotFoundError:
            self.notify(f"{name}: command not found", severity="error", markup=False)
            return
        except OSError as exc:
            self.notify(f"{name}: {exc.strerror or exc}", severity="error", markup=False)
            return
        self.refresh()
        if status and not launch.wait_for_key:
            self.notify(f"{name} exited with status {status}", severity="warning", markup=False)

    # -- network ------------------------------------------------------------------------------

    def action_fetch_fulltext(self) -> None:
        if self.config is None:
            self.notify("demo mode: full text cannot be fetched", severity="warning")
            return
        if row := self._row():
            self.notify("Fetching the full text…")
            self._fetch_fulltext(self.config, row.id)

    @work(thread=True, group="fulltext")
    def _fetch_fulltext(self, config: Config, article_id: int) -> None:
        cancel = get_current_worker().cancelled_event  # set when the app quits
        try:
            ok = run_fulltext(self.db_path, config, article_id, cancel)
            if cancel.is_set():
                return
            message, severity = (
                ("Full text fetched.", "information")
                if ok
                else ("Full text not found (see the note under the article).", "warning")
            )
        except NewstuiError as exc:
            message, severity = str(exc), "error"
        except Exception as exc:
            message, severity = f"full text: {exc}", "error"
        with suppress(RuntimeError):  # the app has stopped
            self.call_from_thread(self.notify, message, severity=severity, markup=False)
            self.call_from_thread(self._reload_article, article_id)

    def _reload_article(self, article_id: int) -> None:
        row = self.main.current_row()
        if row is not None and row.id == article_id:
            self.main.load_detail(article_id)

    def action_refresh_selected(self) -> None:
        if self.config is None:
            self.notify(DEMO_NOTICE, severity="warning")
            return
        view = self.main.headlines.view
        feeds = self.main.sources.feeds
        if view.filter.feed_id is not None:
            rows = [f for f in feeds if f.id == view.filter.feed_id]
        elif view.filter.tag is not None:
            rows = [f for f in feeds if view.filter.tag in f.tags]
        else:
            row = self.main.current_row()
            rows = [f for f in feeds if row is not None and f.id == row.feed_id]
        plan = plan_for(self.config, rows)
        if self.config.sync is not None:  # server subscriptions are refreshed by a sync
            with self.library.borrow() as library:
                synced = {f.name for f in rows if library.sync.stream_of(f.id) is not None}
            if synced:
                unknown = tuple(name for name in plan.unknown if name not in synced)
                plan = dataclasses.replace(plan, sync=True, unknown=unknown)
        for name in plan.unknown:
            self.notify(
                f"{name}: not in the config file, cannot refresh", severity="warning", markup=False
            )
        self._start_refresh(plan)

    def action_refresh_all(self) -> None:
        if self.config is None:
            self.notify(DEMO_NOTICE, severity="warning")
            return
        self._start_refresh(plan_all(self.config))

    def action_remove_source(self) -> None:
        """Remove the selected feed (config file and store), after asking."""
        if self.config is None:
            self.notify("demo mode: sources cannot be removed", severity="warning")
            return
        feed = self.main.selected_source()
        if feed is None:
            self.notify("Choose a feed in Sources first.", severity="warning")
            return
        source = self.config.source_named(feed.url or "") or self.config.source_named(feed.name)
        with self.library.borrow() as library:
            starred = library.removal_counts(feed.id)[1]
        kept = (
            f" Its {starred:,} starred article{'s' * (starred != 1)} will be kept."
            if starred
            else ""
        )
        question = (
            f"Remove {feed.name} from {self.config.path.name} and delete its "
            f"{feed.articles:,} article{'s' * (feed.articles != 1)}?{kept}"
        )
        if source is None:
            question = f"Delete {feed.name} and its {feed.articles:,} articles?{kept}"

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove_source(feed, source)

        self.push_screen(ConfirmScreen("Remove feed", question, yes="remove"), answered)

    @work(thread=True, group="write")
    def _remove_source(self, feed: FeedRow, source: FeedConfig | LocalConfig | None) -> None:
        assert self.config is not None
        try:
            # A server subscription is unsubscribed first: if the server refuses, nothing changes.
            unsubscribed = run_unsubscribe(self.db_path, self.config, feed.id)
            if source is not None:
                remove_source(
                    self.config.path, source.url if isinstance(source, FeedConfig) else source.name
                )
                self.config = load_config(self.config.path)
            result = run_remove(self.db_path, feed.id)
        except NewstuiError as exc:
            message, severity = str(exc), "error"
        except Exception as exc:
            message, severity = f"could not remove {feed.name}: {exc}", "error"
        else:
            message, severity = sentence(result.summary()), "information"
            if unsubscribed:
                message += f"; unsubscribed on {unsubscribed}"
        with suppress(RuntimeError):  # the app has stopped
            self.call_from_thread(self._source_removed, feed.id, message, severity)

    def _source_removed(self, feed_id: int, message: str, severity: SeverityLevel) -> None:
        self.notify(message, severity=severity, markup=False)
        if self.main.headlines.view.filter.feed_id == feed_id:
            self.main.show_view(ALL)
        else:
            self.main.headlines.reload()
        self.main.sources.reload()

    def _refresh_on_timer(self) -> None:
        if self.config is not None and not self._refreshing:
            self._start_refresh(plan_all(self.config))

    def _start_refresh(self, plan: RefreshPlan) -> None:
        if self._refreshing:
            self.notify("A refresh is already running.", severity="warning")
            return
        if not plan.total:
            if not plan.unknown:
                self.notify("No sources to refresh.", severity="warning")
            return
        self._refreshing, self._refresh_done, self._outcomes = plan.total, 0, []
        self._removed = []
        self.main.status.progress(0, plan.total)
        self._refresh(plan)

    @work(thread=True, group="refresh")
    def _refresh(self, plan: RefreshPlan) -> None:
        assert self.config is not None
        cancel = get_current_worker().cancelled_event  # set when the app quits
        try:

            def report(outcome: SourceOutcome) -> None:
                self.post_message(RefreshProgress(outcome))

            warning = run_refresh(
                self.db_path, self.config, plan, report, cancel, self._removed.append
            )
        except Exception as exc:
            warning = f"refresh failed: {exc}"
        self.post_message(RefreshFinished(warning, cancelled=cancel.is_set()))

    @work(thread=True, group="analyse", exclusive=True)
    def _analyse_stale(self) -> None:
        """Analyse articles stored before the current extractor version (after an upgrade)."""
        try:
            count = run_analysis(self.db_path, self.settings.extractor)
        except Exception as exc:
            self.post_message(AnalysisFinished(0, f"quote and entity analysis failed: {exc}"))
            return
        self.post_message(AnalysisFinished(count))

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
            with suppress(RuntimeError):  # the app is stopping
                self.call_from_thread(self.main.sync_status.show, status)
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        if changed and not self._refreshing:
            with suppress(RuntimeError):  # the app is stopping
                self.call_from_thread(self.main.sources.reload)

    @on(AnalysisFinished)
    def _analysis_finished(self, message: AnalysisFinished) -> None:
        if message.warning:
            self.notify(message.warning, severity="warning", markup=False)
        if message.count:
            self.main.sources.reload()
            row = self.main.current_row()
            if row is not None:
                self.main.load_detail(row.id)

    @on(RefreshProgress)
    def _refresh_progress(self, message: RefreshProgress) -> None:
        outcome = message.outcome
        self._outcomes.append(outcome)
        self._refresh_done += 1
        self.main.status.progress(self._refresh_done, self._refreshing, outcome.name)
        if outcome.new or outcome.updated:
            self.main.headlines.reload()
            self.main.sources.reload()

    @on(RefreshFinished)
    def _refresh_finished(self, message: RefreshFinished) -> None:
        self._refreshing = 0
        self.main.status.finish()
        if message.cancelled:
            return
        if self._outcomes or self._removed:
            failed = any(o.error for o in self._outcomes)
            self.notify(
                refresh_summary(self._outcomes, self._removed),
                severity="warning" if failed else "information",
                markup=False,
            )
        if message.warning:
            self.notify(message.warning, severity="warning", markup=False)
        self.main.headlines.reload()
        self.main.sources.reload()
        row = self.main.current_row()
        if row is not None:
            self.main.load_detail(row.id)


def all_binding_ids() -> set[str]:
    """Every binding id a `[keys]` table may name."""
    from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen
    from newstui.tui.screens.view_name import ViewNameScreen
    from newstui.tui.widgets.sidebar import Sidebar

    classes = (
        NewstuiApp,
        MainScreen,
        HeadlineList,
        Reader,
        PaneList,
        Sidebar,
        SearchScreen,
        HelpScreen,
        ConfirmScreen,
        CommandScreen,
        ViewNameScreen,
        SpeakerQuotesScreen,
    )
    return {i for cls in classes for i in binding_ids(cls.BINDINGS)}


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


def run_app(db_path: Path, config: Config | None, demo: bool = False) -> int:
    """Open the database and run the app until the user quits; returns the exit status."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NewstuiError(NO_TERMINAL)
    state = Path(platformdirs.user_state_dir(APP_NAME)) / "ui.json"
    app = NewstuiApp(db_path, config, demo=demo, ui_state=state)
    app.run()
    if app.stopped_by is not None:
        raise Stopped(app.stopped_by)  # the terminal is restored; the command line says why
    return app.return_code or 0
