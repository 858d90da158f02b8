"""The main screen: sources, headlines over the reader, and the sidebar; routes their messages.

Its keys are in `main_keys`, which panes show and have focus in `panes`, its article and source
actions in `article_actions`, who said what of the article's speakers in `article_speakers`, adding a feed in `feed_adding`, importing a subscription list in
`feed_importing`, refreshing in `source_refresh`, what the sidebar says of an article not analysed
yet in `analysis_waits`,
the bottom row's status lines in `status_row`."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from newstui.config import Config, Settings
from newstui.counts import counted
from newstui.library import Library
from newstui.model import NEWEST_FIRST, ArticleFilter, ArticleRow, Direction, FeedRow, SortOrder
from newstui.text import terminal_safe
from newstui.tui.config_on_disk import ConfigOnDisk
from newstui.tui.screens.analysis_waits import AnalysisWaits
from newstui.tui.screens.article_actions import ArticleActions
from newstui.tui.screens.article_speakers import ArticleSpeakers
from newstui.tui.screens.feed_adding import FeedAdding
from newstui.tui.screens.feed_importing import FeedImporting
from newstui.tui.screens.feed_moving import FeedMoving
from newstui.tui.screens.keyed_box import key_in_effect
from newstui.tui.screens.main_keys import MAIN_BINDINGS
from newstui.tui.screens.panes import PANE_NAMES, PaneLayout
from newstui.tui.screens.podcast_actions import PodcastActions
from newstui.tui.screens.source_refresh import SourceRefresh
from newstui.tui.screens.tag_removing import TagRemoving
from newstui.tui.screens.unread_steps import UnreadSteps
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.view import (
    ALL,
    View,
    counted_total,
    entity_view,
    listed_by_flags,
    names_gone_source,
    newsboat_found_note,
    speaker_view,
    unread_only_view,
)
from newstui.tui.widgets.headlines import HeadlineList
from newstui.tui.widgets.reader import Reader
from newstui.tui.widgets.refresh_status import RefreshStatus
from newstui.tui.widgets.sidebar import Sidebar
from newstui.tui.widgets.sources import SourcesPane
from newstui.tui.widgets.sources_space import SourcesSpace
from newstui.tui.widgets.sync_status import SyncStatusLine
from newstui.tui.widgets.title_bar import TitleBar
from newstui.tui.worker_errors import ReportsWorkerErrors

if TYPE_CHECKING:  # the open article's values load when the first article is read
    from collections.abc import Callable

    from newstui.model import ArticleDetail, Download
    from newstui.model.views import ReadsAs
    from newstui.tui.screens.feed_removal import SourceMeant

FIRST_SCREEN_LATEST = 2.0  # seconds: start the deferred work even if the first view never loads
QUIT_AGAIN_SECONDS = 4.0  # q at the top, then q again within this: quit (confirm_quit)
DETAIL_INTERVAL = 0.1  # seconds between reader updates while the cursor keeps moving
# While a refresh runs (the machine is busy with it), the reader and the sidebar follow the
# cursor once it rests this long: drawing each article the cursor passes over was most of what
# the event loop did between keys (py-spy: ~80% of its samples, in the layout and render of the
# reader and the sidebar), and a key arriving meanwhile waited for it.
DETAIL_REST_REFRESHING = 0.25


class MainScreen(
    ReportsWorkerErrors,
    ArticleActions,
    ArticleSpeakers,
    PodcastActions,
    FeedAdding,
    FeedImporting,
    FeedMoving,
    SourceRefresh,
    AnalysisWaits,
    TagRemoving,
    UnreadSteps,
    PaneLayout,
    Screen[None],
):
    """Layout, navigation and the open article; owns what it shows and the actions on it."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_BINDINGS
    AUTO_FOCUS = "#headlines"  # (not the first focusable pane, which on_mount moved away from)

    @dataclass(eq=False, repr=False)
    class ArticleLoaded(Message):
        """An article's full text and analysis were read (detail None: it is gone)."""

        article_id: int
        detail: ArticleDetail | None
        # its finished downloads whose file was deleted outside newstui (left out of `detail`)
        files_deleted: tuple[Download, ...] = ()
        read: int = 0  # the order the store was read in: an older read of the shown article
        # (its analysis before a refresh rewrote it), arriving after a newer one, is dropped

    @dataclass(eq=False, repr=False)
    class LanguageRead(Message):
        """The language an article shown before its language was known reads as (the first
        article of the session: see load_detail): the reader and the sidebar say why it has
        few quotes and entities."""

        article_id: int
        reads_as: ReadsAs

    class FirstScreenShown(Message):
        """The first view's headlines are on screen: start what the first paint did not need
        (source counts, the analysis of an older store)."""

    def __init__(
        self,
        library: SharedLibrary,
        counts: SharedLibrary,
        config: Config | None = None,
        unavailable: frozenset[str] = frozenset(),
        keymap: Mapping[str, str] | None = None,
        folded: Iterable[str] = (),
    ) -> None:
        """`folded`: the folders Sources' tree lists folded (as the app kept them)."""
        super().__init__()
        self.unavailable = unavailable  # binding ids the footer leaves out (the demo's)
        self.keymap: Mapping[str, str] = keymap or {}  # the app's: the preset and `[keys]`
        self.library = library
        self.db_path = library.path  # refreshes and full-text fetches open their own connection
        self.config = config  # None: the demo, which has no sources to fetch
        self.settings = config.settings if config else Settings()
        # the config file as it is now, for downloads (read again when it changed since)
        self.config_on_disk = ConfigOnDisk()
        self.sources = SourcesPane(counts, folded=folded, id="sources")
        self._sources_space: SourcesSpace | None = SourcesSpace()  # until the pane is mounted
        self.headlines = HeadlineList(library, id="headlines")
        self.reader = Reader(id="reader")
        self.sidebar = Sidebar(id="sidebar")
        self.status = RefreshStatus(id="refresh-status")
        self.sync_status = SyncStatusLine(id="sync-status")
        self.detail: ArticleDetail | None = None
        self._history: list[tuple[View, int | None]] = []
        # U: the lists of Sources show only their unread articles (unread_only_view)
        self.unread_only = not self.settings.show_read_articles
        self._chosen_view: View = ALL  # the view asked for, before U narrows it
        self._quit_asked = False  # q at the top asked once: the next q (for a while) quits
        self._newsboat_said: str | None = None  # the view last loaded (its newsboat note said)
        self._detail_reads = itertools.count(1)  # each article read, in turn (ArticleLoaded.read)
        self._detail_read = 0  # the read of the article shown
        self._sidebar_wanted: bool | None = None  # None: follow the terminal width
        self._open_on_load: int | None = None
        self._analysis_asked: set[int] = set()  # (analysis_waits)
        # A view just shown: its first article is shown, not opened, even when the reader had
        # focus (a search typed while reading must not mark its first result read).
        self._view_just_shown = False
        # The article a (re)load of the list selected, not the user: shown, never opened by
        # loading while the reader has focus (an `unread` view re-read after a mark selected
        # the next row, which was marked read, and so on until the view was empty: r31 H1).
        self._selected_by_load: int | None = None
        self._detail_timer: Timer | None = None
        # Counts the reader loads the cursor asked for. A timer's callback is queued on the
        # screen when it fires (Textual's set_timer goes through call_next), so stop() cannot
        # take back one already queued: a held key's late callback would load an article the
        # cursor left, and its load, exclusive, could cancel the newer one before it started
        # (the reader stayed on an old article and `n`'s last article was never read).
        self._detail_asked = 0
        self._last_detail = 0.0
        self._view_title = ""
        self._focused_pane = PANE_NAMES["headlines"]
        self._pane_asked: str | None = None  # focus_pane's pane until its focus arrives
        self._before_full_reader = "headlines"  # the pane `z` returns to
        self.first_screen_shown = False
        self._first_detail: int | None = None  # the article to read once the first screen is up
        self._language_gate_loaded = False  # whether an article's language was read (load_detail)

    def compose(self) -> ComposeResult:
        yield TitleBar("≡")
        with Horizontal(id="main"):
            yield self._sources_space or self.sources
            with Vertical(id="center"):
                yield self.headlines
                yield self.reader
            yield self.sidebar
        # The key footer and the two status lines (hidden until a refresh or a sync) join the
        # bottom line after the first paint: the first frame does not show them.
        yield Horizontal(id="bottom")

    def on_mount(self) -> None:
        self.fit_panes(self.app.size)
        self.set_list_layout(self.settings.layout == "list")
        self.reader.show_speakers = self.settings.speaker_tags
        self.sources.show_read_feeds = self.settings.show_read_feeds
        self.sources.tree_layout = self.settings.sources_layout == "tree"
        self.headlines.order = SortOrder.parse(self.settings.sort) or NEWEST_FIRST
        self.headlines.border_title = "Headlines"
        self.sidebar.border_title = "Article"
        self.show_view(ALL, at_once=True)  # the first paint shows the headlines
        self.headlines.focus()
        self.set_timer(FIRST_SCREEN_LATEST, self._first_screen_done)

    def _first_screen_done(self) -> None:
        """After the first paint of the headlines: the counts, the open article, then the app's
        deferred work, so none of it competes with the first screen."""
        if self.first_screen_shown:
            return
        self.first_screen_shown = True
        # The footer (a widget per key) and the sidebar's tabs were a third of the work before
        # the first paint; they are built now, in the places kept for them (the footer's module
        # and Textual's Footer are imported here too).
        from newstui.tui.widgets.key_footer import KeyFooter

        self.mount_sources()
        footer = KeyFooter(self.unavailable, self.keymap)
        self.query_one("#bottom").mount(footer, self.sync_status, self.status)
        self.sidebar.build()
        self.sources.start()
        if self._first_detail is not None:
            self.load_detail(self._first_detail)
        self.post_message(self.FirstScreenShown())

    # -- views --------------------------------------------------------------------------------

    def show_view(self, view: View, select_id: int | None = None, at_once: bool = False) -> None:
        """Show a view in the headline list (`at_once`: read here, not in a worker); with
        unread only (U) a list of Sources shows its unread articles."""
        self._chosen_view = view
        if self.unread_only:
            view = unread_only_view(view, key_in_effect(self, "headlines.unread_only"))
        self._view_title = view.title
        self.sub_title = ""
        self._show_title()
        self._view_just_shown = True
        self.headlines.show_view(view, select_id, at_once=at_once)
        self.sources.view_shown(view.key)

    @property
    def current_view(self) -> View:
        """The view the headline list shows."""
        return self.headlines.view

    def set_saved_views(self, views: list[View]) -> None:
        """List the config's saved views in the sources pane."""
        self.sources.set_saved_views(views)

    def set_saved_views_later(self, make: Callable[[], list[View]]) -> None:
        """List the saved views `make` makes once the sources pane reads its first counts,
        after the first paint (see SourcesPane.set_saved_views_later)."""
        self.sources.set_saved_views_later(make)

    def push_view(self, view: View, select_id: int | None = None) -> None:
        """Show a view that Back returns from (search, entity, speaker). A search from a search
        replaces it, so Back returns to where the first search started."""
        current = self._chosen_view  # (Back shows it as U says then)
        if not (current.key.startswith("search:") and view.key.startswith("search:")):
            row = self.headlines.selected
            self._history.append((current, row.id if row else None))
        self.show_view(view, select_id)
        self.focus_pane("headlines")

    @on(HeadlineList.ViewLoaded)
    def _view_loaded(self, message: HeadlineList.ViewLoaded) -> None:
        self._view_title = message.view.title
        count = message.total
        order = self.headlines.order
        sorted_by = "" if order == NEWEST_FIRST else f" · {order.label}"
        self.sub_title = counted(count, "article") + sorted_by
        self._show_title()  # after the sub-title, which a long title gives way to
        if not self.first_screen_shown:
            self.call_after_refresh(self._first_screen_done)
        self.refresh_bindings()  # an empty view hides the keys on an article (check_action)
        self._say_newsboat_found(message.view, count)
        if not count:
            self.detail = None
            if message.view.key == "all" and not message.view.filter.unread:
                self.reader.show_message(self._no_articles_yet())
            else:
                # (the note as the view's latest listing in Sources says it: a message posted
                # before a failed fetch's reload of Sources carries the one before)
                shown = self.headlines.view
                note = shown.note if shown == message.view else message.view.note
                self.reader.show_message(note or "No articles in this view.")
                if message.view.key.startswith("search:"):
                    self._say_hidden_matches(message.view)
                elif message.view.key == "all":  # (unread only: perhaps nothing stored yet)
                    self._say_if_nothing_stored(message.view)
            self.sidebar.show_message("No article selected")

    def _say_newsboat_found(self, view: View, count: int) -> None:
        """A search or saved view in newsboat's syntax that found articles says what it listed
        and the query meant, once as it is shown (not again at each reload of it)."""
        said, self._newsboat_said = self._newsboat_said, view.key
        if said != view.key and (note := newsboat_found_note(view, count)) is not None:
            self.notify(note, severity="warning", markup=False, timeout=12)

    @work(group="hidden-matches", exclusive=True, exit_on_error=False)
    async def _say_hidden_matches(self, view: View) -> None:
        """An empty search says how many matches a hide filter hid, and an empty `speaker:X`
        that X is in the news when they are (read off the loop)."""
        from dataclasses import replace

        from newstui.query import Speaker
        from newstui.tui.view import hidden_matches_note
        from newstui.unquoted_speakers import unquoted_speaker_line

        hidden_only = replace(view.filter, hidden=True)
        hidden = await self.library.read(lambda library: library.count(hidden_only))
        query = view.filter.query
        unquoted = None
        if query is not None and isinstance(query.root, Speaker):
            name = query.root.name
            unquoted = await self.library.read(lambda library: unquoted_speaker_line(library, name))
        shown = self.headlines.view.key == view.key and not self.headlines.total
        if (hidden or unquoted) and shown:
            note = view.note or "Nothing matches."
            if unquoted:
                note = f"{unquoted}. {note}"
            self.reader.show_message(hidden_matches_note(note, hidden))

    @work(group="nothing-stored", exit_on_error=False)
    async def _say_if_nothing_stored(self, view: View) -> None:
        """All, unread only, lists none: on a store without one article (the first start after
        importing newsboat's files with show-read-articles no), say to fetch, not that U lists
        the read ones (user test r55 MED-2)."""
        stored = await self.library.read(lambda library: library.last_article_id())
        if not stored and self.headlines.view == view and self.headlines.shows_none:
            self.reader.show_message(self._no_articles_yet())

    @property
    def nothing_stored(self) -> bool:
        """Whether every article's view is shown with none: the footer offers to add a feed."""
        shown = self.headlines.view
        return shown.key == "all" and not shown.filter.unread and self.headlines.shows_none

    def _no_articles_yet(self) -> str:
        """What an empty store says to do: fetch the configured sources, or add one first (R
        said "No sources to refresh." to a config with none)."""
        config = self.config
        opml = key_in_effect(self, "sources.import")  # (user test r38 L1: only the CLI had it)
        if config is not None and (config.feeds or config.local or config.sync):
            # (user test r41 L1: it still said to import the feeds just imported)
            refresh = key_in_effect(self, "app.refresh_all")
            what = "fetch your feeds"
            if config.sync is not None:  # (user test r42 L13: the server went unnamed)
                from newstui.sync.client import server_name

                others = " and fetch your other feeds" if config.feeds or config.local else ""
                what = f"sync with {server_name(config.sync.url)}{others}"
            return (
                f"No articles yet. Press {refresh} to {what} ({opml} imports more: "
                "an OPML file or newsboat's urls file)."
            )
        from newstui.sources.newsboat_urls import newsboat_import_hint

        add = key_in_effect(self, "sources.add")
        return (
            f"No articles yet. Press {add} to add a feed (its URL, or a site's address), {opml}"
            " to import an OPML file of feeds (another reader's export) or newsboat's urls file,"
            " or import files and folders with `newstui import PATH`." + newsboat_import_hint()
        )

    @on(SourcesPane.ViewChosen)
    def _view_chosen(self, message: SourcesPane.ViewChosen) -> None:
        if message.view.broken:  # it lists nothing: say why, and how to fix or drop it
            self.notify(
                f"{message.view.broken} ({key_in_effect(self, 'sources.remove')} removes it)",
                severity="warning",
                markup=False,
                timeout=15,
            )
            return
        self._history.clear()
        self.show_view(message.view)
        self.focus_pane("headlines")
        feed_id = message.view.filter.feed_id
        feed = next((f for f in self.sources.feeds if f.id == feed_id), None)
        if feed is not None and feed.moved_to:  # Sources says " · moved": here, where to
            from newstui.ingest.configured_sources import listed_name_at, listed_names
            from newstui.model.fetching import FOLLOW_BY_KEY, moved_line

            listed = listed_names(self.sources.feeds)  # (the entry there by its one name)
            onto = listed_name_at(self.config, feed.moved_to, listed) if self.config else ""
            follow = FOLLOW_BY_KEY.format(key=key_in_effect(self, "sources.follow_moved"))
            said = moved_line(feed.moved_to, "the config", feed.url or "", onto, follow)
            line = f"{feed.name} {said}"
            self.notify(line, severity="warning", markup=False)
        elif feed is not None and feed.last_error and feed.articles and message.view.note:
            # Sources' `!`: why, and since when (an empty feed's list says it in its place)
            self.notify(message.view.note, severity="warning", markup=False)

    def _renew_note(self) -> None:
        """The feed shown, listed anew in Sources (a fetch of it failed again): its empty list
        says the new error, since when and the next try, as Sources does (it kept the first
        numbers until the feed was left: user test r44 M1)."""
        shown = self.headlines.view
        fresh = next((v for v in self.sources.source_views() if v == shown), None)
        if fresh is None or fresh.note == shown.note:
            return
        self.headlines.view = fresh  # (the same view: what a reload of it will say)
        if self.headlines.shows_none:
            self.reader.show_message(fresh.note or "No articles in this view.")

    @on(SourcesPane.Loaded)
    def _sources_loaded(self, message: SourcesPane.Loaded) -> None:
        if names_gone_source(self.headlines.view, message.feeds):
            self._leave_gone_source(self.headlines.view)  # (removed by a sync, `remove`, …)
        if not self.sources.has_focus:  # a reload (counts during a refresh) moved the cursor of
            self.sources.select_view(self.headlines.view.key)  # someone moving in Sources
        self._renew_note()
        # Another process (e.g. `newstui fetch`) may have stored articles: if the counts say the
        # list is short, reload it. Views filtered by flags only grow that way; they shrink as the
        # user reads, and rows read here stay listed until the view is shown again.
        headlines = self.headlines
        if not message.counted:  # (the folders' counts follow: compared then)
            return
        expected = counted_total(headlines.view, message.smart, message.feeds, message.tags)
        if expected is None or not headlines.loaded or headlines.load_pending or self.refreshing:
            return  # (a refresh reloads the headlines itself, batched)
        by_flags = listed_by_flags(headlines.view.filter)
        if expected > headlines.total or (expected < headlines.total and not by_flags):
            headlines.reload()

    @work(group="gone-source", exclusive=True, exit_on_error=False)
    async def _leave_gone_source(self, view: View) -> None:
        """The headlines of a source removed meanwhile (a sync the server dropped it in, a
        `newstui remove` while the app runs) fall back to All, and say so: they stayed on its
        empty list, where `r` and `D` had no source to act on (user test r42 H1). A feed
        Sources does not list yet (just added) is not one removed."""
        feed_id = view.filter.feed_id
        if feed_id is not None:
            gone = await self.library.read(lambda library: library.removed_for_good(feed_id))
            if not gone:
                return
        if self.headlines.view.key != view.key:
            return
        self._history.clear()
        self.show_view(ALL)
        line = (
            f"{view.title} was removed"
            if feed_id is not None
            else (f"No source has the tag {view.title} now")
        )
        self.notify(f"{line}: the headlines show All articles.", markup=False)

    def action_leave_headlines(self) -> None:
        """h/Esc in the headlines: back to the view before (a search, an entity), else to the
        sources."""
        if self._history:
            view, article_id = self._history.pop()
            self.show_view(view, article_id)
        else:
            self.focus_pane("sources")

    def action_leave_reader(self) -> None:
        """h/Esc in the reader: back to the headlines."""
        self.focus_pane("headlines")

    def action_leave_list(self) -> None:
        """h/Esc in the sidebar: back to the reader. In the sources, the leftmost pane and the
        top level, nothing (as vim's h at the left edge: it went right, to the headlines, and
        pressed again bounced between the two, user test r41 L2), but on a narrow screen, where
        they show only while focused, they close: back to the headlines."""
        if self._pane_of(self.focused) == "sidebar":
            self.focus_pane("reader")
        elif self.has_class("-narrow"):
            self.focus_pane("headlines")

    def action_list_chosen(self) -> None:
        """Enter/l on a source, or on an entity or quote in the sidebar: list its articles now,
        not when the choice's message arrives, after the keys typed behind Enter."""
        pane = self._pane_of(self.focused)
        if pane == "sources" and (view := self.sources.highlighted_view()) is not None:
            self._view_chosen(SourcesPane.ViewChosen(view))
        elif pane == "sidebar" and (choice := self.sidebar.highlighted_choice()) is not None:
            if isinstance(choice, Sidebar.EntityChosen):
                self._entity_chosen(choice)
            else:
                self._speaker_chosen(choice)
        else:
            raise SkipAction()  # the list's own choice: a heading, a quote without a speaker

    def action_back(self) -> None:
        """q, as in newsboat: back one level (what h/Esc does in the pane); from the sources,
        the top level, quit."""
        pane = self._pane_asked or self._pane_of(self.focused)
        if pane == "sources":
            self._quit_from_top()
        elif pane == "reader":
            self.action_leave_reader()
        elif pane == "sidebar":
            self.action_leave_list()
        else:
            self.action_leave_headlines()

    def _quit_from_top(self) -> None:
        """q at the top level quits; with confirm_quit (the default) only a second q does, so
        one q too many while going back does not close the app (user test r51 L13)."""
        if not self.settings.confirm_quit or self._quit_asked:
            self.app.exit()
            return
        back, quit_now = key_in_effect(self, "main.back"), key_in_effect(self, "app.quit")
        again = f"Press {back} again to quit" + (
            f" ({quit_now} quits at once)." if quit_now else "."
        )
        self._quit_asked = True
        self.notify(again, markup=False, timeout=QUIT_AGAIN_SECONDS)
        self.set_timer(QUIT_AGAIN_SECONDS, self._forget_quit)

    def _forget_quit(self) -> None:
        self._quit_asked = False

    @on(Sidebar.EntityChosen)
    def _entity_chosen(self, message: Sidebar.EntityChosen) -> None:
        self.push_view(entity_view(message.entity_id, message.name, message.query))

    @on(Sidebar.SpeakerChosen)
    def _speaker_chosen(self, message: Sidebar.SpeakerChosen) -> None:
        self.push_view(speaker_view(message.speaker))

    @on(Sidebar.QuotesRequested)
    def _quotes_requested(self, message: Sidebar.QuotesRequested) -> None:
        speaker = message.speaker
        from newstui.tui.screens.speaker_quotes import ChosenQuote, SpeakerQuotesScreen

        def chosen(choice: ChosenQuote | None) -> None:
            if choice is None:
                return
            if choice.versions:  # the quote's story in every feed, as the headlines' V
                self.run_worker(self._show_versions(choice.article_id), exit_on_error=False)
            else:  # the articles quoting them, at the chosen one
                self.push_view(speaker_view(speaker), choice.article_id)

        self.app.push_screen(SpeakerQuotesScreen(self.library, speaker, message.kind), chosen)

    async def _show_versions(self, article_id: int) -> None:
        """List every version of an article's story (Who said what's `V`), at that article."""
        versions = await self.library.read(lambda library: library.story_versions(article_id))
        if len(versions) < 2:
            self.notify("No other feed published this story.", severity="warning")
            return
        ids = tuple(v.article_id for v in versions)
        first = next((v for v in versions if v.article_id == article_id), versions[0])
        title = terminal_safe(first.title, line=True)
        self.push_view(
            View(f"story:{ids[0]}", f"Versions: {title}", ArticleFilter(ids=ids)), article_id
        )

    # -- the selected article -----------------------------------------------------------------

    @on(HeadlineList.Highlighted)
    def _highlighted(self, message: HeadlineList.Highlighted) -> None:
        if message.row is None:
            return
        self.cursor_moved()  # a refresh's pending reload waits until the keys rest
        # Throttle: show at once, but while a key is held, only every DETAIL_INTERVAL.
        self._stop_detail_timer()
        article_id = message.row.id
        self._selected_by_load = article_id if message.by_load else None
        self.cursor_on(article_id)  # what waited for another article is dropped, Enter too
        selected = self.headlines.selected
        if selected is not None and selected.id != self._open_on_load:
            # the cursor left the article to open (a late notice of a row it passed, behind
            # `n` keys that moved it on, is no such move: it dropped the mark of the row reached)
            self._open_on_load = None
        if not self.first_screen_shown:
            self._first_detail = article_id
            return
        if self.refreshing:
            wait = DETAIL_REST_REFRESHING
        else:
            wait = self._last_detail + DETAIL_INTERVAL - monotonic()
        if wait <= 0:
            self._last_detail = monotonic()
            self.load_detail(article_id)
        else:
            delayed = partial(self._delayed_detail, self._detail_asked, article_id)
            self._detail_timer = self.set_timer(wait, delayed)

    def _stop_detail_timer(self) -> None:
        """Drop the reader load a timer holds back, and any such load's callback already
        queued (a later load is asked for)."""
        self._detail_asked += 1
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None

    def _delayed_detail(self, asked: int, article_id: int) -> None:
        if asked != self._detail_asked:  # queued before its timer was stopped: a later one won
            return
        self._detail_timer = None
        self._last_detail = monotonic()
        self.load_detail(article_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open is hidden from the footer (and does nothing) in a view that loaded empty."""
        return not (action == "open_selected" and self.headlines.shows_none)

    def action_open_selected(self) -> None:
        """Enter/l in the headlines: read the article under the cursor (once the view's rows
        are in: Enter right after `J` reads the new feed's article)."""

        def open_selected() -> None:
            if (row := self.headlines.selected) is not None:
                self._open(row)

        self.headlines.when_rows_in(open_selected)

    @on(HeadlineList.Opened)
    def _opened(self, message: HeadlineList.Opened) -> None:
        self._open(message.row)

    def _open(self, row: ArticleRow) -> None:
        self.focus_pane("reader")
        if self.detail is not None and self.detail.article.row.id == row.id:
            self.article_opened(row)
        else:
            self._open_on_load = row.id
            self.load_held_detail(row.id)

    def load_held_detail(self, article_id: int) -> None:
        """Load the selected article now when a timer holds its load back (the cursor moved
        in a refresh, or within DETAIL_INTERVAL of the last load)."""
        if self._detail_timer is not None:
            self._stop_detail_timer()
            self._last_detail = monotonic()
            self.load_detail(article_id)

    @work(thread=True, group="detail", exclusive=True, exit_on_error=False)
    def load_detail(self, article_id: int) -> None:
        """Read an article with its analysis in a worker thread."""
        with self.library.borrow() as library:  # (reads in turn: their order is counted)
            read = next(self._detail_reads)
            detail = library.detail(article_id)
        deleted: tuple[Download, ...] = ()
        if detail is not None and any(d.state == "done" for d in detail.downloads):
            from newstui.downloads import file_deleted  # (a stat of each file, off the loop)

            deleted = tuple(filter(file_deleted, detail.downloads))
            kept = tuple(d for d in detail.downloads if d not in deleted)
            detail = dataclasses.replace(detail, downloads=kept)
        extractor = self.settings.extractor  # (none: no language line, nothing is found)
        if detail is None or not self._language_gate_loaded:
            # the first article is shown at once: the gate's first use imports the extractor
            # (~0.3 s, which delayed the first article's text at start by as much)
            self.post_message(self.ArticleLoaded(article_id, detail, deleted, read))
            reads_as: ReadsAs = (
                "english" if detail is None else Library.reads_as(detail.article, extractor)
            )
            if reads_as != "english":
                self.post_message(self.LanguageRead(article_id, reads_as))
            self._language_gate_loaded = detail is not None or self._language_gate_loaded
            return
        detail = dataclasses.replace(detail, reads_as=Library.reads_as(detail.article, extractor))
        self.post_message(self.ArticleLoaded(article_id, detail, deleted, read))

    @on(LanguageRead)
    def _language_read(self, message: LanguageRead) -> None:
        detail = self.detail
        if detail is None or detail.article.row.id != message.article_id:
            return  # another article is shown now (its own load decided its language)
        self.detail = dataclasses.replace(detail, reads_as=message.reads_as)
        self.reader.show(self.detail)  # (the same article: its scroll and search are kept)
        self.sidebar.show(self.detail, self.not_analysed_note(self.detail))

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        selected = self.headlines.selected
        if selected is None or selected.id != message.article_id:
            return
        shown = self.detail.article.row.id if self.detail is not None else None
        if shown == message.article_id and message.read < self._detail_read:
            return  # read before the one shown (thread workers end in any order)
        self._detail_read = message.read
        if message.detail is None:
            self.detail = None
            self.reader.show_message("This article is no longer stored.")
            self.sidebar.show_message("No article selected")
            self.detail_loaded(message.article_id, None)
            return
        if message.files_deleted:
            self.drop_deleted_files(message.detail, message.files_deleted)
        offered = self.footer_article_keys
        self.detail = message.detail
        if self.footer_article_keys != offered:  # (d and P on an episode, f on a teaser)
            self.refresh_bindings()
        self.reader.show(message.detail)
        self.sidebar.show(message.detail, self.not_analysed_note(message.detail))
        moved_here = not self._view_just_shown and self._selected_by_load != message.article_id
        # mark_read_on_select: the reader beside the list shows the article j/k selected whole,
        # read as Feedly's j/k read it (user test r51 L10)
        shown_beside = self.settings.mark_read_on_select and self.reader.region.area > 0
        reading = moved_here and (self._pane_of(self.focused) == "reader" or shown_beside)
        self._view_just_shown = False
        if self._open_on_load == message.article_id or reading:
            self._open_on_load = None
            self.article_opened(selected)
        self.detail_loaded(message.article_id, message.detail)

    def meant_source_id(self) -> tuple[int, SourceMeant] | None:
        """The id of the source the user means, and how: highlighted in Sources when that pane
        has focus, else the one the headline list shows, else the selected article's (which
        Sources may not list: a feed set aside after leaving the config)."""
        if self._pane_of(self.focused) == "sources":
            feed_id = self.sources.highlighted_feed_id()
            return None if feed_id is None else (feed_id, "sources")
        if self.headlines.view.filter.feed_id is not None:
            return self.headlines.view.filter.feed_id, "list"
        if (row := self.headlines.selected) is not None:
            return row.feed_id, "article"
        return None

    def selected_source(self) -> tuple[FeedRow, SourceMeant] | None:
        """The feed or local source the user means, and how (meant_source_id), when Sources
        lists it."""
        meant = self.meant_source_id()
        if meant is None:
            return None
        feed = next((f for f in self.sources.feeds if f.id == meant[0]), None)
        return None if feed is None else (feed, meant[1])

    def current_row(self) -> ArticleRow | None:
        """The selected article's row (with its latest flags)."""
        return self.headlines.selected

    def action_next_source(self, direction: Direction) -> None:
        """Show the next (or previous) source's headlines, as newsboat's J and K do; from a
        view that is no source's, the first (or last) source."""
        views = self.sources.source_views()
        keys = [view.key for view in views]
        current = self.headlines.view.key
        if not views:
            self.notify("No feeds yet.")
            return
        if current in keys:
            index = keys.index(current) + direction
            if not 0 <= index < len(views):
                self.notify(f"No feed {'after' if direction > 0 else 'before'} this one.")
                return
        else:
            index = 0 if direction > 0 else len(views) - 1
        self._view_chosen(SourcesPane.ViewChosen(views[index]))

    def action_toggle_unread_only(self) -> None:
        """U: the lists of Sources show only their unread articles, or every one again; the
        article selected stays selected where it is still listed."""
        self.unread_only = not self.unread_only
        row = self.headlines.selected
        self.show_view(self._chosen_view, row.id if row else None)
        key = key_in_effect(self, "headlines.unread_only")
        if self.unread_only:
            line = f"Unread only: read articles are left out of the lists ({key} lists them again)."
        else:
            line = f"Read articles listed again ({key}: unread only)."
        self.notify(line, markup=False)

    def action_sort(self) -> None:
        """Ask how to sort the headline list (O); the order stays for every view until changed."""

        def chosen(order: SortOrder | None) -> None:
            if order is not None and order != self.headlines.order:
                self.headlines.sort(order)
                self.notify(f"Sorted {order.label}.")

        from newstui.tui.screens.sort_order import SortScreen

        self.app.push_screen(SortScreen(self.headlines.order, self.keymap), chosen)
