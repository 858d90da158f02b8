"""Refreshing sources from the main screen: start a refresh, show its progress, reload what it
changed (batched: `refresh_reloads`), and say what it found in one notification. Part of
`MainScreen`."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

from newstui.config import Config
from newstui.model import ArticleRow
from newstui.model.folders import any_in_folder
from newstui.tui.download_runner import DownloadsDue, DownloadsQueued
from newstui.tui.refresh_messages import AnalysisFinished, RefreshFinished, RefreshProgress
from newstui.tui.screens.keyed_box import key_in_effect
from newstui.tui.screens.refresh_reloads import RefreshReloads
from newstui.tui.screens.status_row import StatusRow

if TYPE_CHECKING:
    from newstui.library import Library
    from newstui.model import (
        ArticleDetail,
        FeedRow,
        SourceOutcome,
    )
    from newstui.model.fetching import SetAsideSource
    from newstui.tui.refresh import RefreshPlan
    from newstui.tui.shared_library import SharedLibrary
    from newstui.tui.view import View
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.sources import SourcesPane

DEMO_NOTICE = "demo mode: no feeds to refresh"
# `r` on a row of Sources that names no feed (All, Unread, Starred, a saved view)
NO_FEED_HIGHLIGHTED = "Choose a feed or tag in Sources to refresh ({} refreshes all)."
# `r` on a feed's headlines before Sources lists it (just added, Sources reading its counts)
NOT_LISTED_YET = "{} is not listed in Sources yet: try again in a moment."
SET_ASIDE_NOT_FETCHED = "{} is no longer in {}: it is not fetched (its URL back there fetches it)."
SYNC_AT_START_FIRST = "Syncing with the server first: the refresh follows."
PROGRESS_EVERY = 0.25  # seconds: the refresh status line is redrawn at most this often


class SourceRefresh(StatusRow, RefreshReloads):
    """Refresh state belongs to the screen that shows it; the app only triggers refreshes."""

    # Provided by MainScreen.
    library: SharedLibrary
    headlines: HeadlineList
    sources: SourcesPane
    config: Config | None
    db_path: Path | str
    detail: ArticleDetail | None  # the article the reader shows

    if TYPE_CHECKING:

        def load_detail(self, article_id: int) -> Worker[None]: ...

    _refresh_total = 0  # sources in the running refresh; 0 when idle
    _leftovers_said_through = 0  # a killed fetch's articles up to this id were said analysed
    _changes_seen = 0
    _progress: RefreshProgress | None = None  # the latest progress not yet shown
    _progress_timer: Timer | None = None
    _moves_said: frozenset[tuple[str, str]] = frozenset()  # (feed, new address) said this session
    _syncing_at_start = False  # the running refresh is the sync the app starts with
    _after_start_sync: RefreshPlan | None = None  # a refresh asked for meanwhile: run next

    def sync_at_start(self) -> None:
        """With [sync], a sync alone as the app starts, in a worker (user test r51 MED-3: what
        was read on the phone stayed unread here until R or the timer); the status line shows
        it as a refresh's. A refresh asked for while it runs (R, r) follows it."""
        if self.config is None or self.config.sync is None or self.refreshing:
            return
        from newstui.tui.refresh import RefreshPlan

        self.start_refresh(RefreshPlan(sync=True))
        self._syncing_at_start = self.refreshing

    @property
    def refreshing(self) -> bool:
        """Whether a refresh is running."""
        return bool(self._refresh_total)

    def refresh_all(self, *, by_hand: bool = True) -> None:
        """Refresh every configured source (R; the app's timer: not `by_hand`, which leaves
        feeds that failed for the network's sake to wait out their backoff)."""
        if self.config is None:
            self.notify(DEMO_NOTICE, severity="warning")
            return
        from newstui.tui.refresh import plan_all

        self._reread_config(self.config.path)
        self.start_refresh(plan_all(self.config, by_hand=by_hand))

    def _reread_config(self, path: Path) -> None:
        """The config file as it is now, so a feed added to it or deleted from it by hand since
        the app started is fetched or dropped, and its views listed. A file that no longer reads keeps the config as
        last read, and the notification says why."""
        from newstui.config import load_config
        from newstui.errors import ConfigError

        if not self.refreshing and path.exists():  # (a config that does not exist reads as empty)
            before = self.config.views if self.config is not None else ()
            filters_before = self.config.filters if self.config is not None else ()
            try:
                self.config = load_config(path)
            except ConfigError as exc:
                message = f"{exc} (refreshing with the config as last read)"
                self.notify(message, severity="error", markup=False)
                return
            if self.config.sync is None and self.sync_status.display:
                self.sync_status.hide()  # [sync] taken out of the file: nothing syncs now
                self.fit_status()
            # a filter broken since (one broken before was said already), told as views are
            said_filters = {(f.name, f.query) for f in filters_before if f.problem}
            for entry in self.config.filters:
                if entry.problem and (entry.name, entry.query) not in said_filters:
                    self.notify(entry.problem, severity="warning", markup=False, timeout=15)
            if self.config.views != before:  # views written in by hand are listed too
                from newstui.tui.screens.article_actions import SavedViewsChanged

                # a view broken since (one broken before was said at start): told by its name
                # and query, not its warning, which names its line (moved by a feed added above)
                said = {(view.name, view.query) for view in before if view.problem}
                for view in self.config.views:
                    if view.problem and (view.name, view.query) not in said:
                        self.notify(view.problem, severity="warning", markup=False, timeout=15)

                self.post_message(SavedViewsChanged())

    def action_refresh_selected(self) -> None:
        """Refresh the feed highlighted in Sources (or the feeds of a tag and its subfolders) when that pane has
        focus, as D removes it and newsboat's r reloads it (user test r35 M3); else the feed
        or tag whose headlines are shown, else the selected article's feed. A highlighted row
        that names no feed (All, Unread, Starred, a saved view: newsboat reloads no query feed)
        refreshes none and says so, as D does (user test r35 L-a)."""
        if self.config is None:
            self.notify(DEMO_NOTICE, severity="warning")
            return
        view = self.headlines.view
        entry = self.sources.highlighted_view() if self.sources.has_focus else None
        if entry is not None and (entry.filter.feed_id, entry.filter.tag) == (None, None):
            refresh_all = key_in_effect(self, "app.refresh_all")  # (the user's, [keys])
            self.notify(NO_FEED_HIGHLIGHTED.format(refresh_all), severity="warning")
            return
        if entry is not None:
            view = entry
        feeds = self.sources.feeds
        if view.filter.feed_id is not None:
            rows = [f for f in feeds if f.id == view.filter.feed_id]
        elif view.filter.tag is not None:
            rows = [f for f in feeds if any_in_folder(f.tags, view.filter.tag)]  # (and subfolders)
        else:
            row: ArticleRow | None = self.headlines.selected
            rows = [f for f in feeds if row is not None and f.id == row.feed_id]
        if not rows:  # a source removed meanwhile (it leaves), or no article to go by
            self._say_nothing_to_refresh(view)
            return
        from newstui.tui.refresh import plan_for

        plan = plan_for(self.config, rows)
        if self.config.sync is not None:  # server subscriptions are refreshed by a sync
            self._refresh_with_sync(plan, rows)
        else:
            self._refresh_planned(plan)

    @work(group="refresh-plan", exit_on_error=False)
    async def _refresh_with_sync(self, plan: RefreshPlan, rows: list[FeedRow]) -> None:
        """Refresh by a sync when one of the feeds is a server subscription (read off the
        event loop)."""
        synced = await self.library.read(
            lambda library: {f.name for f in rows if library.sync.stream_of(f.id) is not None}
        )
        if synced:
            unknown = tuple(name for name in plan.unknown if name not in synced)
            plan = dataclasses.replace(plan, sync=True, unknown=unknown)
        self._refresh_planned(plan)

    @work(group="refresh-plan", exit_on_error=False)
    async def _say_nothing_to_refresh(self, view: View) -> None:
        """Why `r` refreshes nothing (read off the event loop): never that the config lists no
        feeds, which `r` on a feed a sync had just removed said (user test r42 H1)."""
        feed_id = view.filter.feed_id
        gone, aside = True, None
        if feed_id is not None:
            gone, aside = await self.library.read(lambda lib: removed_or_set_aside(lib, feed_id))
        refresh_all = key_in_effect(self, "app.refresh_all")
        line = nothing_to_refresh(view, refresh_all) if gone else NOT_LISTED_YET.format(view.title)
        if aside is not None and self.config is not None:  # listed apart in Sources (r44 L7)
            line = SET_ASIDE_NOT_FETCHED.format(aside.name, self.config.path.name)
        self.notify(line, severity="warning", markup=False)

    def _refresh_planned(self, plan: RefreshPlan) -> None:
        for name in plan.unknown:
            self.notify(
                f"{name}: not in the config file, cannot refresh", severity="warning", markup=False
            )
        self.start_refresh(plan)

    def start_refresh(self, plan: RefreshPlan) -> None:
        """Run a refresh in a worker thread, unless one is running (after the sync at start:
        then it follows that sync)."""
        if self.refreshing and self._syncing_at_start:
            if self._after_start_sync is None:
                self.notify(SYNC_AT_START_FIRST, markup=False)
            self._after_start_sync = plan
            return
        if self.refreshing:
            self.notify("A refresh is already running.", severity="warning")
            return
        if not plan.total:
            if not plan.unknown:
                where = "" if self.config is None else f"{self.config.path} lists no feeds: "
                add = key_in_effect(self, "sources.add")
                message = f"{where}nothing refreshed, nothing removed. Press {add} to add a feed."
                self.notify(message, severity="warning", markup=False)
            return
        self._refresh_total, self._changes_seen = plan.total, 0
        from newstui.ingest.configured_sources import listed_names

        listed = listed_names(self.sources.feeds)
        self.status.progress(0, plan.total, next(iter(waited_for(plan, listed).values()), ""))
        self.fit_status()
        from newstui.tui.refresh import prepare_worker_processes

        prepare_worker_processes()  # (R before the first screen came: not started yet)
        self._refresh(plan)

    @work(thread=True, group="refresh", exit_on_error=False)
    def _refresh(self, plan: RefreshPlan) -> None:
        from newstui.tui.refresh import refresh_to_the_end
        from newstui.tui.widgets.refresh_status import stage_shown

        assert self.config is not None
        cancel = get_current_worker().cancelled_event  # set when the app quits
        from newstui.ingest.configured_sources import listed_names

        waiting = waited_for(plan, listed_names(self.sources.feeds))
        done = [0, 0]  # sources finished, and those of them with new or updated articles
        texts = [0, 0]  # article pages (full texts) read, of those planned so far
        analysis = [0, 0]  # new articles analysed, of those due (once every source is read)

        def show() -> None:
            # the source waited on longest, not the one that just finished (user test r31 L4:
            # "refreshing 42/43 Big Wire" for 15 s while a slow feed held the refresh); what
            # is still running once every source is read (stage_shown)
            name = next(iter(waiting.values()), "")
            name = stage_shown(done[0], plan.total, name, texts, analysis)
            self.post_message(RefreshProgress(done[0], plan.total, name, done[1]))

        def progress(outcomes: Sequence[SourceOutcome]) -> None:
            waiting.pop(done_key(outcomes[-1], waiting), None)
            done[:] = [len(outcomes), sum(1 for o in outcomes if o.new or o.updated)]
            show()

        def pages(over: int, planned: int) -> None:
            texts[:] = [over, planned]
            show()

        def analysed(count: int, due: int) -> None:
            analysis[:] = [count, due]
            show()

        refresh_to_the_end(
            self.db_path, self.config, plan, cancel, progress, self.post_message, pages, analysed
        )

    @work(thread=True, group="hidden-check", exit_on_error=False)
    def _say_if_hidden(self, article_id: int) -> None:
        """A hide filter that hid the article being read says so (user test r35 L-d: it left
        the reader with nothing said), as `newstui fetch` says "filter NAME: hid 1"."""
        from newstui.tui.refresh import hidden_line, hide_filter_of

        assert self.config is not None
        name = hide_filter_of(self.db_path, self.config, article_id)
        if name is not None:
            self.app.call_from_thread(
                self.notify, hidden_line(name), severity="warning", markup=False
            )

    def _on_refresh_progress(self, message: RefreshProgress) -> None:
        # The status line is redrawn (and the bottom bar laid out) at most every PROGRESS_EVERY
        # seconds; the latest progress is kept and shown by a timer if none follows.
        self._progress = message
        if self._progress_timer is None:
            self._show_progress()
            self._progress_timer = self.set_interval(PROGRESS_EVERY, self._show_progress)
        if message.changed > self._changes_seen:
            self._changes_seen = message.changed
            self.reload_soon()

    def _show_progress(self) -> None:
        progress, self._progress = self._progress, None
        if progress is None:
            if self._progress_timer is not None:
                self._progress_timer.stop()
                self._progress_timer = None
            return
        if self.refreshing:
            self.status.progress(progress.done, progress.total, progress.name)

    def _on_refresh_finished(self, message: RefreshFinished) -> None:
        self._show_progress()  # the last count, if the timer had not shown it yet
        self._refresh_total = 0
        self._syncing_at_start = False
        self.status.finish()
        self.fit_status()
        if message.cancelled:
            return
        self._said_refresh_finished(message)
        if (plan := self._after_start_sync) is not None:  # R pressed during the start's sync
            self._after_start_sync = None
            self.start_refresh(plan)

    def _said_refresh_finished(self, message: RefreshFinished) -> None:
        """What a finished refresh found, said; what it changed, reloaded."""
        leftovers = self._leftovers_unsaid(message.leftovers, message.leftovers_through)
        if message.outcomes or message.removed or message.cleaned or leftovers:
            from newstui.tui.refresh import moves_unsaid, refresh_summary, summary_shown

            failed = any(o.error for o in message.outcomes)
            outcomes, self._moves_said = moves_unsaid(message.outcomes, self._moves_said)
            summary = refresh_summary(
                outcomes,
                message.removed,
                message.cleaned,
                leftovers,
                follow_key=key_in_effect(self, "sources.follow_moved"),
            )
            logged = getattr(self.app, "logged_warnings", None)

            def log(line: str) -> Path | None:
                return logged.handler.record("info", line) if logged is not None else None

            self.notify(
                summary_shown(summary, log),
                severity="warning" if failed else "information",
                markup=False,
            )
        if message.warning:
            self.notify(message.warning, severity="warning", markup=False)
        if self.config is not None:  # new episodes of a `download_new` feed: queued, downloaded
            from newstui.ingest.configured_sources import listed_name, listed_names

            listed = listed_names(self.sources.feeds)
            downloading = {
                listed_name(feed, listed) for feed in self.config.feeds if feed.download_new
            }
            if any(o.new and (o.sync or o.name in downloading) for o in message.outcomes):
                self.post_message(DownloadsQueued())
            self.post_message(DownloadsDue())  # (what failed for a passing reason: tried again)
        reading = self.detail.article.row.id if self.detail is not None else None
        hides = self.config is not None and any(f.action == "hide" for f in self.config.filters)
        if reading is not None and hides and not self.headlines.view.filter.hidden:
            self._say_if_hidden(reading)
        self._reload_now()
        if (row := self.headlines.selected) is not None:
            self.load_detail(row.id)

    def _leftovers_unsaid(self, count: int, through: int) -> int:
        """How many of the articles a killed fetch left unanalysed to say a refresh or the
        start-up pass analysed: none when a line said those already (`R` while the start-up pass
        runs counts the same ones: said once, by whichever ends first)."""
        if not count or through <= self._leftovers_said_through:
            return 0
        self._leftovers_said_through = through
        return count

    def _on_analysis_finished(self, message: AnalysisFinished) -> None:
        if leftovers := self._leftovers_unsaid(message.leftovers, message.leftovers_through):
            from newstui.model.fetching import leftovers_said
            from newstui.tui.refresh import sentence

            # as a refresh's line and `newstui fetch` say it (r43: the start-up pass was silent)
            self.notify(sentence(leftovers_said(leftovers).removeprefix("; ")), markup=False)
        # Read the counts and the list again even when it analysed nothing: it joins copies
        # of stories too (a first fetch's beyond STORIES_PER_RUN), which shortens the views,
        # and the 2 s look at the store may have missed it (user test r33 H2, M1).
        self._on_store_changed()
        # (an article shown unanalysed reads again even when the pass analysed nothing: the
        # sidebar said "Analysing…" while it ran, and says what follows now)
        unanalysed = self.detail is not None and not self.detail.analysed
        if (message.count or unanalysed) and (row := self.headlines.selected) is not None:
            self.load_detail(row.id)


def removed_or_set_aside(library: Library, feed_id: int) -> tuple[bool, SetAsideSource | None]:
    """Whether a source Sources does not list was removed (or is gone), and, when it was set
    aside after leaving the config, that source."""
    aside = next((s for s in library.set_aside_sources() if s.id == feed_id), None)
    return aside is None and library.removed_for_good(feed_id), aside


def nothing_to_refresh(view: View, refresh_all: str) -> str:
    """What `r` says when the headlines name no source it can refresh: the feed or tag shown
    is gone (removed by a sync or `newstui remove`: user test r42 H1 said the config listed no
    feeds), or the list has no article whose feed it could mean."""
    if view.filter.feed_id is not None:
        return f"{view.title} was removed: nothing to refresh ({refresh_all} refreshes all)."
    if view.filter.tag is not None:
        return f"No source has the tag {view.title} now: nothing to refresh ({refresh_all} refreshes all)."
    return NO_FEED_HIGHLIGHTED.format(refresh_all)


def waited_for(plan: RefreshPlan, listed: Mapping[str, str]) -> dict[str, str]:
    """A refresh's sources in the order they are fetched, by their address (a local source by
    its name), each with its name as Sources lists it (listed_name): the progress names the
    first one not finished."""
    from newstui.ingest.configured_sources import listed_name

    feeds = {feed.url: listed_name(feed, listed) for feed in plan.feeds}
    return feeds | {local.name: local.name for local in plan.local}


def done_key(outcome: SourceOutcome, waiting: Mapping[str, str]) -> str:
    """The key in `waiting` (waited_for) of the source an outcome is of: by its address, where
    the fetch gives it, as its name changes when the fetch reads its title (user test r55
    LOW-7: a feed so renamed was named as waited on until the refresh ended), else by name."""
    if outcome.url in waiting:
        return outcome.url
    return next((key for key, name in waiting.items() if name == outcome.name), outcome.name)
