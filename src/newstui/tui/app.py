"""The reading app: global concerns (keys, help, search, theme, timers, the database's lifetime,
analysis after an upgrade); the main screen owns what it shows. `run_app` starts it."""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections.abc import Iterable
from contextlib import suppress
from functools import partial
from multiprocessing import resource_tracker
from pathlib import Path
from typing import ClassVar

import platformdirs
from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from newstui.config import APP_NAME, Config, add_view, load_config
from newstui.errors import NewstuiError, error_line
from newstui.model import ArticleFilter, SyncStatus
from newstui.query import Query, QueryError, parse_query
from newstui.signals import STOP_SIGNALS, Stopped, exit_status
from newstui.spawned import stop_all_pools
from newstui.text import terminal_safe
from newstui.tui.collector import resume_after_start
from newstui.tui.download_runner import RunsDownloads
from newstui.tui.keymap import binding_ids, build_keymap, keys_label
from newstui.tui.refresh import AnalysisFinished, run_analysis
from newstui.tui.screens.help import HelpScreen, binding_rows
from newstui.tui.screens.main import MainScreen
from newstui.tui.screens.search import QUERY_EXAMPLES, SearchScreen
from newstui.tui.screens.source_refresh import StoreChanged, SyncStatusChanged
from newstui.tui.screens.view_name import ViewNameScreen
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.view import View, saved_view, search_view
from newstui.tui.widgets.headlines import HeadlineList
from newstui.tui.widgets.pane_list import PaneList
from newstui.tui.widgets.reader import Reader
from newstui.tui.widgets.sidebar import Sidebar
from newstui.tui.worker_errors import ReportsWorkerErrors

NO_TERMINAL = "the reading app needs a terminal; use the commands (see `newstui --help`) in scripts"
GLOBAL_ACTIONS = ("quit", "help", "toggle_theme", "command_palette")


class NewstuiApp(ReportsWorkerErrors, RunsDownloads, App[int]):
    """Three panes and a sidebar over one newstui database."""

    CSS_PATH = "newstui.tcss"
    TITLE = "newstui"
    WATCH_SECONDS = 2.0  # how often to look for articles stored by another process
    # The app's key table. Actions on what the main screen shows run there (`main('…')`, only
    # while it is the screen shown); they are listed here so the footer keeps one order.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding(
            "m",
            "main('toggle_read')",
            "Read",
            tooltip="Toggle read / unread",
            id="article.toggle_read",
        ),
        Binding(
            "s", "main('toggle_star')", "Star", tooltip="Toggle the star", id="article.toggle_star"
        ),
        Binding(
            "A",
            "main('mark_all_read')",
            "All read",
            show=False,
            tooltip="Mark all in view read",
            id="headlines.mark_all_read",
        ),
        Binding(
            "o",
            "main('open_link')",
            "Browser",
            show=False,
            tooltip="Open the link in a browser",
            id="article.open_link",
        ),
        Binding(
            "number_sign",
            "main('open_link_number')",
            "Link n",
            show=False,
            tooltip="Open link [n] of the article in a browser (asks for n)",
            id="article.open_link_number",
        ),
        Binding(
            "u", "main('undo')", "Undo", show=False, tooltip="Undo the last mark", id="article.undo"
        ),
        Binding(
            "v",
            "main('pager')",
            "Pager",
            show=False,
            tooltip="Read the article in your pager",
            id="article.pager",
        ),
        Binding(
            "vertical_line",
            "main('pipe')",
            "Pipe",
            show=False,
            tooltip="Pipe the article to a command",
            id="article.pipe",
        ),
        Binding(
            "f",
            "main('fetch_fulltext')",
            "Full text",
            show=False,
            tooltip="Fetch the full text",
            id="article.fetch_fulltext",
        ),
        Binding(
            "d",
            "main('download')",
            "Download",
            show=False,
            tooltip="Download the article's enclosure (podcast)",
            id="article.download",
        ),
        Binding(
            "P",
            "main('play')",
            "Play",
            show=False,
            tooltip="Play the article's enclosure with the player",
            id="article.play",
        ),
        Binding(
            "L",
            "downloads",
            "Downloads",
            show=False,
            tooltip="Show the download queue",
            id="app.downloads",
        ),
        Binding(
            "r",
            "main('refresh_selected')",
            "Refresh feed",
            show=False,
            tooltip="Refresh the selected feed",
            id="sources.refresh_selected",
        ),
        Binding("R", "refresh_all", "Refresh", tooltip="Refresh all sources", id="app.refresh_all"),
        Binding(
            "D",
            "main('remove_source')",
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
            tooltip="Save the current search, entity or speaker list as a view (feeds.toml)",
            id="app.save_view",
        ),
        Binding(
            "V",
            "story_versions",
            "Versions",
            show=False,
            tooltip="Every version of the story (the same text in other feeds)",
            id="article.versions",
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
        self.demo = demo or config is None
        self.library = SharedLibrary(db_path)  # headlines, the open article, marks
        self.counts = SharedLibrary(db_path)  # source counts, so they never hold up the list
        if config is not None:
            # Full-text extraction starts worker processes, which needs multiprocessing's
            # resource tracker; it must start while stderr is a real file (Textual redirects it).
            resource_tracker.ensure_running()
        self.main = MainScreen(self.library, self.counts, config)
        self._data_version: int | None = None
        self._sync_status: SyncStatus | None = None
        self.auto_refresh_timer: Timer | None = None
        # A bad [keys] table stops here, before the screen is taken. Only user keys need the ids
        # (every screen is imported to list them), not a preset.
        self.user_keymap = (
            build_keymap(
                config.keys, config.path, all_binding_ids() if config.keys.bindings else set()
            )
            if config is not None
            else {}
        )
        self.stopped_by: int | None = None  # the signal that made the app quit, if one did

    @property
    def config(self) -> Config | None:
        """The config file as last read (None in the demo); the main screen holds it, since
        removing a source there edits it."""
        return self.main.config

    @config.setter
    def config(self, config: Config | None) -> None:
        self.main.config = config

    def get_default_screen(self) -> Screen[None]:
        return self.main

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self.main.set_saved_views(self.saved_views())
        self._stop_on_signals()
        self.set_interval(self.WATCH_SECONDS, self._watch_other_writers)
        self.resume_downloads()  # a queue left by the last run carries on
        if self.config is not None and self.config.sync is not None:
            self._watch_other_writers()  # show the sync state at once
        if self.config is not None and (self.config.feeds or self.config.local or self.config.sync):
            minutes = self.config.settings.refresh_minutes
            if minutes:
                self.auto_refresh_timer = self.set_interval(minutes * 60, self._refresh_on_timer)

    @on(MainScreen.FirstScreenShown)
    def _first_screen_shown(self) -> None:
        resume_after_start()
        if self.config is not None:  # after the first paint: it imports the whole pipeline
            self._analyse_stale(self.config.settings.extractor)

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
        if action in GLOBAL_ACTIONS:
            return True
        return self.screen is self.main

    # -- help, search, theme, commands --------------------------------------------------------

    def key_sections(self) -> list[tuple[str, Iterable[Binding]]]:
        """Bindings to list in help, a section per pane, then those that work anywhere."""

        def of(bindings: Iterable[BindingType], *actions: str) -> list[Binding]:
            found = [b for b in bindings if isinstance(b, Binding)]
            return [b for name in actions for b in found if action_name(b) == name]

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
                    *of(main, "next_unread", "sort"),
                    *of(app, "toggle_read", "toggle_star", "mark_all_read", "undo", "open_link"),
                    *of(app, "pager", "pipe", "search", "save_view"),
                ],
            ),
            (
                "Reader",
                [
                    *moves(Reader.BINDINGS),
                    *of(main, "page", "toggle_full_reader", "toggle_speakers"),
                    *of(app, "open_link_number", "fetch_fulltext", "story_versions"),
                    *of(app, "download", "play"),
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

    def action_story_versions(self) -> None:
        detail = self.main.detail
        if detail is None or len(detail.versions) < 2:
            self.notify("No other feed published this story.", severity="warning")
            return
        ids = tuple(v.article_id for v in detail.versions)
        title = terminal_safe(detail.article.row.title, line=True)
        view = View(f"story:{ids[0]}", f"Versions: {title}", ArticleFilter(ids=ids))
        self.main.push_view(view, detail.article.row.id)

    # -- saved views and follows --------------------------------------------------------------

    def saved_views(self) -> list[View]:
        """The config's `[[views]]` as views (each query was checked when the config loaded)."""
        if self.config is None or not self.config.views:
            return []
        from newstui.nlp import query_keys  # only for views: the first screen is sooner without

        views = []
        for entry in self.config.views:
            try:
                views.append(saved_view(entry.name, parse_query(entry.query, query_keys)))
            except QueryError:  # pragma: no cover - load_config refuses invalid queries
                continue
        return views

    def action_save_view(self) -> None:
        view = self.main.current_view
        query = view.filter.query.text if view.filter.query is not None else view.query
        if query is None:
            self.notify(
                "Search first (/), or open an entity or speaker; S saves it as a view.",
                severity="warning",
            )
            return
        if self.config is None:
            self.notify("No config file (demo mode): views cannot be saved.", severity="warning")
            return

        def named(name: str | None) -> None:
            if name and query is not None:
                self.add_view(name, query)

        self.push_screen(ViewNameScreen(query), named)

    def add_view(self, name: str, query: str) -> None:
        """Save a view in the config (comments kept), list it and show it."""
        if self.config is None:
            self.notify("No config file (demo mode): views cannot be saved.", severity="warning")
            return
        same = next((v for v in self.config.views if v.query == query), None)
        if same is not None:
            from newstui.nlp import query_keys

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
        self.main.set_saved_views(views)
        view = next(v for v in views if v.title == added.name)
        self.main.show_view(view)
        self.notify(f"Saved view {added.name} in {self.config.path.name}", markup=False)

    @on(Sidebar.FollowRequested)
    def _follow(self, message: Sidebar.FollowRequested) -> None:
        self.add_view(message.name, message.query)

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

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands (its "Keys" panel replaced by `?` help) and every described
        binding, named as `?` help names it (the palette reads titles as markup: escaped)."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys" or screen is not self.main:
                yield command
        if screen is not self.main:
            return
        for bindings in (MainScreen.BINDINGS, self.BINDINGS):
            target = screen if bindings is MainScreen.BINDINGS else self
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                if binding.description and binding.action != "quit":
                    title = "Help: every key" if binding.action == "help" else binding.tooltip
                    yield SystemCommand(
                        escape(title or binding.description),
                        escape(f"key: {keys_label(binding, self.user_keymap)}"),
                        partial(target.run_action, binding.action),
                    )

    async def action_main(self, action: str) -> None:
        """Run one of the main screen's actions (the keys m, s, A, u, o, v, |, f, r, D)."""
        await self.main.run_action(action)

    # -- refreshes and timers -----------------------------------------------------------------

    def action_refresh_all(self) -> None:
        self.main.refresh_all()

    def _refresh_on_timer(self) -> None:
        if self.config is not None and not self.main.refreshing:
            self.main.refresh_all()

    @work(thread=True, group="analyse", exclusive=True, exit_on_error=False)
    def _analyse_stale(self, extractor: str) -> None:
        """Analyse articles stored before the current extractor version (after an upgrade)."""
        try:
            count = run_analysis(self.db_path, extractor)
        except Exception as exc:
            raise NewstuiError(f"quote and entity analysis failed: {error_line(exc)}") from exc
        self.main.post_message(AnalysisFinished(count))

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


def all_binding_ids() -> set[str]:
    """Every binding id a `[keys]` table may name."""
    from newstui.tui.screens.command_prompt import CommandScreen
    from newstui.tui.screens.confirm import ConfirmScreen
    from newstui.tui.screens.downloads import DownloadsScreen
    from newstui.tui.screens.enclosure_choice import EnclosureChoiceScreen
    from newstui.tui.screens.sort_order import SortScreen
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
        DownloadsScreen,
        EnclosureChoiceScreen,
        SortScreen,
    )
    return {i for cls in classes for i in binding_ids(cls.BINDINGS)}


def action_name(binding: Binding) -> str:
    """The action a binding runs, without arguments: "page(1)" → "page", "main('star')" → "star"."""
    forwarded = re.fullmatch(r"main\('(\w+)'\)", binding.action)
    return forwarded.group(1) if forwarded else binding.action.split("(")[0]


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
