"""Refresh and full-text fetches as plain blocking functions, run in worker threads (the
messages those threads post back are in `refresh_messages`).

Each opens its own database connection, so the app's shared connection is never used by them.
The pipeline (feedparser, httpx, worker pools) is imported on the first refresh, not at start-up;
this module itself when the first refresh, full-text fetch, removal or analysis starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newstui.config import Config, FeedConfig, LocalConfig
from newstui.counts import counted, plural
from newstui.library import Library
from newstui.local_times import in_message
from newstui.model import FeedRow, RemovedSource, moved_line
from newstui.model.fetching import FOLLOW_BY_KEY

# The refresh's own work lives in the core, so that its child process (which loads what it
# runs by name) never imports newstui.tui, whose package loads Textual.
from newstui.refresh_work import RefreshPlan as RefreshPlan
from newstui.refresh_work import refresh_here as refresh_here
from newstui.refresh_work import until_cancelled as until_cancelled

if TYPE_CHECKING:
    from newstui.model import CleanupReport, SourceOutcome
    from newstui.tui.refresh_messages import RefreshFinished


def prepare_worker_processes() -> None:
    """See that the worker processes of a refresh, a full-text fetch and the analysis start
    without multiprocessing's resource tracker (spawned.skip_tracker_process), or, where they
    cannot, start the tracker now. Call it from the event loop's thread: the tracker is started
    with the real stderr, since Textual's stand-in for stderr has no file descriptor to hand
    it. Not at start-up: the tracker's import and process competed with the first screen."""
    from newstui.spawned import skip_tracker_process

    if skip_tracker_process():
        return
    from multiprocessing import resource_tracker

    with contextlib.redirect_stderr(sys.__stderr__ or sys.stderr):
        resource_tracker.ensure_running()


def plan_all(config: Config, *, by_hand: bool = False) -> RefreshPlan:
    """Every configured feed and local source, after a sync when [sync] is set (`by_hand`: R,
    not the timer; see RefreshPlan)."""
    return RefreshPlan(
        tuple(config.feeds),
        tuple(config.local),
        prune=True,
        sync=config.sync is not None,
        by_hand=by_hand,
    )


def plan_for(config: Config, rows: Iterable[FeedRow]) -> RefreshPlan:
    """The configured sources behind some stored ones (matched by URL, local ones by name)."""
    feeds: list[FeedConfig] = []
    local: list[LocalConfig] = []
    unknown: list[str] = []
    for row in rows:
        if row.kind == "local":
            local_match = next((c for c in config.local if c.name == row.name), None)
            if local_match is not None:
                local.append(local_match)
            else:
                unknown.append(row.name)
        else:
            feed_match = next((c for c in config.feeds if c.url == row.url), None)
            if feed_match is not None:
                feeds.append(feed_match)
            else:
                unknown.append(row.name)
    return RefreshPlan(tuple(feeds), tuple(local), tuple(unknown), chosen=True)


CHILD_MIN_FEEDS = 8  # a refresh of this many feeds (or any local source) runs in a child process


def run_refresh(
    db_path: Path | str,
    config: Config,
    plan: RefreshPlan,
    report: Callable[[SourceOutcome], None],
    cancel: threading.Event | None = None,
    removed: Callable[[RemovedSource | CleanupReport], None] | None = None,
    pages: Callable[[int, int], None] | None = None,
    analysed: Callable[[int, int], None] | None = None,
) -> str | None:
    """Fetch the planned sources, reporting each outcome as it finishes (and to `pages` the
    article pages read of those planned), then analyse new articles (telling `analysed` how
    many of those due). Returns a warning when the analysis failed. A plan that prunes first removes the
    sources that left the config, reporting each to `removed`; the retention cleanup after the
    fetch reports what it removed there too (a CleanupReport).

    Setting `cancel` (e.g. when the app quits) stops soon: requests in flight are dropped and no
    further source is read; what was stored stays. A large refresh runs in a child process, so
    the app's interpreter stays free for keys.
    """
    if len(plan.feeds) < CHILD_MIN_FEEDS and not plan.local:
        return refresh_here(
            str(db_path),
            config,
            plan,
            report=report,
            cancel=cancel,
            removed=removed,
            pages=pages,
            analysed=analysed,
        )
    from newstui.refresh_process import run_in_child

    return run_in_child(
        refresh_here,
        (str(db_path), config, plan),
        report=report,
        removed=removed,
        cancel=cancel,
        pages=pages,
        analysed=analysed,
    )


def refresh_to_the_end(
    db_path: Path | str,
    config: Config,
    plan: RefreshPlan,
    cancel: threading.Event,
    progress: Callable[[Sequence[SourceOutcome]], None],
    finished: Callable[[RefreshFinished], object],
    pages: Callable[[int, int], None] | None = None,
    analysed: Callable[[int, int], None] | None = None,
) -> None:
    """The app's refresh: run_refresh, with `progress` called with the outcomes so far as each
    source finishes (`pages` and `analysed` as run_refresh's), and `finished` handed the RefreshFinished whatever happens. A refresh that
    cannot even open the store (a newer newstui upgraded it under the app, user test r45 M5)
    still finishes, so its status line clears and the next R runs again; its error is raised
    on, for the worker's handler to say."""
    from newstui.model.fetching import RemovedSource
    from newstui.model.retention import CleanupReport
    from newstui.tui.refresh_messages import RefreshFinished

    outcomes: list[SourceOutcome] = []
    removed: list[RemovedSource | CleanupReport] = []
    left = (0, 0)  # what a killed fetch left unanalysed: the refresh analyses them

    def report(outcome: SourceOutcome) -> None:
        outcomes.append(outcome)
        progress(outcomes)

    warning = None
    leftovers = 0
    try:
        left = unanalysed(db_path)
        warning = run_refresh(
            db_path, config, plan, report, cancel, removed.append, pages, analysed
        )
        if left[1] and not cancel.is_set():
            leftovers = leftovers_analysed(db_path, left)
    finally:
        gone = tuple(r for r in removed if isinstance(r, RemovedSource))
        cleaned = next((r for r in removed if isinstance(r, CleanupReport)), None)
        done = tuple(outcomes)
        finished(RefreshFinished(done, gone, warning, cancel.is_set(), cleaned, leftovers, left[0]))


def unanalysed(db_path: Path | str) -> tuple[int, int]:
    """Before a refresh: the last article's id and how many have no analysis (an earlier
    fetch killed before it analysed what it stored: the refresh analyses them)."""
    with Library.open(db_path, threads=True) as library:
        return library.last_article_id(), library.count_unanalysed()


def leftovers_analysed(db_path: Path | str, before: tuple[int, int]) -> int:
    """After a refresh: how many of the articles `unanalysed` counted it analysed."""
    last, left = before
    if not left:
        return 0
    with Library.open(db_path, threads=True) as library:
        return left - library.count_unanalysed(last)


def run_unsubscribe(db_path: Path | str, config: Config, feed_id: int) -> str | None:
    """Unsubscribe a source on the sync server if it is a server subscription; its URL or None."""
    from newstui.sync.run import unsubscribe_source

    with Library.open(db_path, threads=True) as library:
        return asyncio.run(unsubscribe_source(library, config, feed_id))


def run_list_configured(
    db_path: Path | str, config: Config, imported: Sequence[FeedConfig] = ()
) -> int:
    """Store the configured sources the store does not list yet (a first start, a feed written
    into feeds.toml by hand), so Sources shows them before their first fetch, with the web sites
    the `imported` feeds came with, and the folders and names the config gives those listed
    (a `tags` edited by hand: user test r49 MED-9); returns how many sources it listed or
    changed."""
    from newstui.ingest.configured_sources import retag_sources, sync_sources
    from newstui.model import fold_url

    with Library.open(db_path, threads=True) as library:
        stored = library.sources()
        urls = {fold_url(f.url) for f in stored if f.url}
        names = {f.name for f in stored}
        missing = sum(1 for f in config.feeds if fold_url(f.url) not in urls)
        missing += sum(1 for s in config.local if s.name not in names)
        if missing:
            sync_sources(library, config)
        else:
            missing = retag_sources(library, config)
        library.keep_site_urls([(f.url, f.site) for f in imported if f.site])
        return missing


def run_folder_warnings(db_path: Path | str, config: Config) -> list[str]:
    """A line for each saved view and filter whose `tag:` names no folder a source has
    (query_folders.folder_warnings)."""
    if not (config.views or config.filters):
        return []
    from newstui.query_folders import folder_tags, folder_warnings

    with Library.open(db_path, threads=True) as library:
        return folder_warnings(config, folder_tags(library, config))


def run_folders_widened(db_path: Path | str, config: Config, say: Callable[[str], None]) -> None:
    """After an upgrade of the store no person has been told of (this start's, or a status
    line's `unread`), the views and filters whose `tag:` folder takes its subfolders now, said
    through `say`; the app is seen, so the upgrade is told for good
    (query_folders.say_untold_widening)."""
    from newstui.query_folders import say_untold_widening

    with Library.open(db_path, threads=True) as library:
        say_untold_widening(library, config, say, seen=True)


def run_remove(db_path: Path | str, feed_id: int, names: Sequence[str] = ()) -> RemovedSource:
    """Remove one stored source and its unstarred articles (the config is edited by the caller),
    and the set-aside sources going by one of `names` (an edited URL's old feed), counted in."""
    with Library.open(db_path, threads=True) as library:
        result = library.remove_source(feed_id)
        aside = library.remove_set_aside(names) if names else None
    if aside is None:
        return result
    return replace(
        result,
        deleted=result.deleted + aside.deleted,
        kept_starred=result.kept_starred + aside.kept_starred,
    )


def run_remove_set_aside(db_path: Path | str, feed_id: int) -> RemovedSource | None:
    """Delete now the source `feed_id`, set aside after leaving the config (starred articles
    kept), as `newstui remove NAME` does; None when it is set aside no more."""
    with Library.open(db_path, threads=True) as library:
        return library.remove_set_aside_source(feed_id)


@dataclass(frozen=True)
class StartAnalysis:
    """What the app's start-up pass analysed: `count` articles, of which `leftovers` had no
    analysis at all (a fetch killed before it analysed what it stored), among the articles up
    to id `through`."""

    count: int
    leftovers: int
    through: int


FETCH_LOOK_SECONDS = 2.0  # how often the pass looks whether the fetch beside it has ended


def run_analysis(
    db_path: Path | str, extractor: str, cancel: threading.Event | None = None
) -> StartAnalysis:
    """Analyse every article the current extractor version has not seen (after an upgrade, or
    left by a killed fetch). It writes a hundred analyses a transaction, so a refresh or an add
    running beside it (which analyse only their new articles) never wait for it to end;
    setting `cancel` (the app quits) stops it at its next save, keeping what it saved. While a
    `newstui fetch` runs on the store (its mark: fetch_mark) it waits: the fetch analyses what
    is left at its end, and the pass then finds only what that left (review r54 MED-9)."""
    from newstui.fetch_mark import fetch_under_way
    from newstui.ingest.pending_analysis import analyse_pending

    stop = cancel if cancel is not None else threading.Event()
    while fetch_under_way(str(db_path)) and not stop.wait(FETCH_LOOK_SECONDS):
        pass
    if stop.is_set():
        return StartAnalysis(0, 0, 0)
    library = Library.open(db_path, threads=True)
    try:
        through, left = library.last_article_id(), library.count_unanalysed()
        count = analyse_pending(library, extractor, cancel=cancel, here=False)
        leftovers = left - library.count_unanalysed(through) if left else 0
        return StartAnalysis(count, leftovers, through)
    finally:
        library.close()


def run_shown_analysis(
    db_path: Path | str, extractor: str, article_id: int, cancel: threading.Event | None = None
) -> int:
    """Analyse one article (the one shown without an analysis), in the app's analysis worker
    process, whatever else analyses the store; returns how many were analysed (0 or 1)."""
    from newstui.ingest.pending_analysis import analyse_pending

    library = Library.open(db_path, threads=True)
    try:
        return analyse_pending(
            library, extractor, [article_id], stories=1, cancel=cancel, here=False
        )
    finally:
        library.close()


def run_fulltext(
    db_path: Path | str, config: Config, article_id: int, cancel: threading.Event | None = None
) -> bool:
    """Fetch and store the full text of one article; True on success, False if cancelled."""
    from newstui.ingest.article_pages import fetch_article_fulltext

    library = Library.open(db_path, threads=True)
    try:
        fetch = fetch_article_fulltext(library, config, article_id, analyse_here=False)
        return asyncio.run(until_cancelled(fetch, cancel or threading.Event(), False))
    finally:
        library.close()


def moves_unsaid(
    outcomes: Sequence[SourceOutcome], said: frozenset[tuple[str, str]]
) -> tuple[list[SourceOutcome], frozenset[tuple[str, str]]]:
    """The outcomes with the moves `said` (feed name, new address) left out, and those said now
    added: the app's refresh line says a move once a session, whichever newstui read the feed
    there first (user test r37 L2: cron's fetch said it, the app's line never did)."""
    moves = frozenset((o.name, o.moved_to) for o in outcomes if o.moved_to is not None)
    kept = [replace(o, moved_to=None) if (o.name, o.moved_to) in said else o for o in outcomes]
    return kept, said | moves


NAMED_MOST = 2  # sources moved or removed a refresh's line names; more are counted


def moves_listed(follow_key: str) -> str:
    """What a refresh says after counting many moved feeds: where they are and how to follow
    them (user test r50 MED-2: the key and the command went unnamed)."""
    return (
        f"Sources marks them · moved ({follow_key} on one follows it), "
        "`newstui feeds --update-moved` follows them all"
    )


def _deleted(removed: RemovedSource) -> str:
    """What removing a source deleted, as `fetch` and D say it: "11 articles deleted, 1 starred
    kept"."""
    kept = f", {removed.kept_starred:,} starred kept" if removed.kept_starred else ""
    return f"{counted(removed.deleted, 'article')} deleted{kept}"


def refresh_summary(
    outcomes: Iterable[SourceOutcome],
    removed: Iterable[RemovedSource] = (),
    cleaned: CleanupReport | None = None,
    leftovers: int = 0,
    *,
    follow_key: str = "M",
) -> str:
    """One line for a finished refresh, e.g. "Refreshed 28 of 30 sources: 12 new articles;
    2 failed (connection refused) — see ! in Sources", so a refresh never shows more than one
    notification and an offline one says that nothing was read, and why. A failed sync is no
    source in Sources: its error is said instead. `follow_key`: the key in effect that follows
    a moved feed (`sources.follow_moved`), named with a move."""
    from newstui.ingest.fetch_lines import NETWORK_DOWN, describe, network_looks_down
    from newstui.model.fetching import kept_lines, leftovers_said, less_copies

    left = list(removed)
    # a server subscription the sync reads is counted with it (as `fetch` counts them)
    outcomes = [o for o in less_copies(list(outcomes), left) if not o.by_sync]
    sources = [o for o in outcomes if not o.sync] or outcomes  # the sync is counted apart
    synced = [o for o in outcomes if o.sync and not o.error]
    # beside the sources, the server's articles and marks under its own name
    sync_notes = "".join(
        f"; {o.name}: {', '.join(clauses)}"
        for o in synced
        if sources is not outcomes and (clauses := _said(o))
    )
    sync_notes += "".join(f"; sync failed: {describe(o)}" for o in outcomes if o.error and o.sync)
    sync_notes += "".join(f"; {o.warning}" for o in outcomes if o.warning and o.sync)
    deleted = [r for r in left if r.outcome == "deleted"]
    if len(deleted) > NAMED_MOST:  # (user test r47 H2: one clause each filled the screen)
        total = RemovedSource(
            "", sum(r.deleted for r in deleted), sum(r.kept_starred for r in deleted)
        )
        gone = f"; removed {len(deleted):,} sources no longer in the config: {_deleted(total)}"
    else:
        gone = "".join(
            f"; removed {r.name} (no longer in the config): {_deleted(r)}" for r in deleted
        )
    gone += "".join(f"; {line}" for line in kept_lines(left, "the config"))
    for o in synced:  # subscriptions the server dropped: removed here, as the config's are
        said_removed = o.changes.removed_line() if o.changes is not None else None
        gone += f"; {said_removed}" if said_removed else ""
    # said once, at the first fetch that read it there (user test r35 L1); many in one clause,
    # the moved marked in Sources (user test r47 H2: 20 clauses hid the counts)
    moved = [o for o in outcomes if o.moved_to]
    if len(moved) > NAMED_MOST:
        gone += f"; {len(moved):,} feeds moved permanently: {moves_listed(follow_key)}"
    else:
        follow = FOLLOW_BY_KEY.format(key=f"{follow_key} on it in Sources")
        gone += "".join(
            f"; {o.name} "
            + moved_line(o.moved_to, "the config", o.moved_from, o.moved_onto, follow)
            for o in moved
            if o.moved_to
        )
    if cleaned is not None and cleaned.removed:
        n = cleaned.removed
        gone += f"; cleaned up {n:,} old article{'s' * (n != 1)}"
    gone += leftovers_said(leftovers)
    if not outcomes:
        return sentence(gone.removeprefix("; ")) if gone else "Nothing refreshed"
    if len(sources) == 1 and sources[0].error:
        notes = "" if sources[0].sync else sync_notes  # (a sync alone: its error is the line)
        return f"Refresh failed: {describe(sources[0])}{notes}{gone}"
    if len(sources) == 1 and sources[0].waiting_until:
        return f"Not refreshed: {describe(sources[0])}{sync_notes}{gone}"
    failed = [o for o in sources if o.error and not o.sync]
    waiting = [o for o in sources if o.waiting_until]
    cut = [o for o in sources if o.cut_short and not o.error]  # read, but not whole
    read = len(sources) - len(failed) - len(waiting) - len(cut)
    if sources is outcomes and sources[0].sync and sources[0].changes is not None:
        subject = ""  # a sync alone: "Synced with HOST: …" (user test r35 L6)
    elif len(sources) == 1:
        subject = sources[0].name
    elif failed or waiting or cut:
        subject = f"{read:,} of {counted(len(sources), 'source')}"
    else:
        subject = counted(len(sources), "source")
    parts = _articles_said(sources)
    if sources is outcomes and synced and synced[0].changes is not None:
        parts += synced[0].changes.clauses()  # a sync alone: what it changed is the line
    if (read or cut) and not parts:
        parts.append("nothing new")
    troubles = []
    if cut and len(sources) == 1:
        troubles.append("cut short")
    elif cut:  # as the CLI counts them, with their names (no ! in Sources says so)
        names = ", ".join([o.name for o in cut[:2]] + ["…"] * (len(cut) > 2))
        troubles.append(f"{len(cut):,} cut short: {names}")
    if failed:  # (every source tried failed for the network's sake: said as `fetch` says it)
        down = (
            f"{NETWORK_DOWN}: "
            if network_looks_down(failed, len(sources) - len(waiting), answered=bool(synced))
            else ""
        )
        troubles.append(
            f"{down}{len(failed):,} failed ({failure_reasons(failed)}) — see ! in Sources"
        )
    if waiting:  # (not offered for a server that is overloaded or limits callers: r44 L1)
        offer = " (r on one refreshes it now)" * any(o.waiting_status is None for o in waiting)
        troubles.append(f"{len(waiting):,} failing, left to wait{offer}")
    said = "; ".join([", ".join(parts), *troubles] if parts else troubles)
    if not subject and sources[0].changes is not None:
        return f"Synced with {sources[0].changes.server}: {said}{sync_notes}{gone}"
    return f"Refreshed {subject}: {said}{sync_notes}{gone}"


SUMMARY_SHOWN_MOST = 400  # characters of a refresh's line in its notification (~8 lines)


def summary_shown(summary: str, logged: Callable[[str], Path | None]) -> str:
    """A refresh's line as its notification shows it: a line longer than SUMMARY_SHOWN_MOST is
    cut at a word, its counts first, and the whole of it goes to the log file (`logged`, which
    gives the file's path) that the cut line names (user test r47 H2: a notification taller
    than the screen showed only its end, and was gone in 10 s)."""
    from newstui.tui.worker_errors import cut_at_word

    if len(summary) <= SUMMARY_SHOWN_MOST:
        return summary
    log_file = logged(summary)
    whole = f" (the whole line: {log_file})" if log_file is not None else ""
    return cut_at_word(summary, SUMMARY_SHOWN_MOST) + whole


def _articles_said(outcomes: list[SourceOutcome]) -> list[str]:
    """The new, updated and full texts failed or not read of some outcomes, e.g.
    ["3 new articles"]."""
    new = sum(o.new for o in outcomes)
    updated = sum(o.updated for o in outcomes)
    parts = []
    if new:
        parts.append(f"{new:,} new {plural(new, 'article')}")
    if updated:
        parts.append(f"{updated:,} updated")
    fulltext_failed = sum(o.fulltext_failed for o in outcomes)
    if fulltext_failed:  # the articles are there, with their feed's text
        from newstui.ingest.fetch_lines import fulltext_failures_brief

        # which feeds and why, and the query that finds the articles later (user test r52 L6)
        brief = fulltext_failures_brief(outcomes)
        them = "it" if fulltext_failed == 1 else "them"
        why = f" ({brief}; search has:fulltext-error lists {them})" if brief else ""
        parts.append(f"{counted(fulltext_failed, 'full text')} failed{why}")  # (as `fetch` says)
    # pages "auto" left past a feed's 50 newest, as `fetch` counts them (store helper r37)
    if left := sum(o.fulltext_left for o in outcomes):
        parts.append(f"{counted(left, 'older full text')} not read (f reads one)")
    return parts


def _said(sync: SourceOutcome) -> list[str]:
    """What a sync beside the sources brought: its articles, the marks and subscriptions added."""
    return _articles_said([sync]) + (sync.changes.clauses() if sync.changes is not None else [])


def failure_reasons(failed: list[SourceOutcome]) -> str:
    """Why these sources failed, in a few words: the reason they share ("connection refused"),
    else the most frequent ones counted ("3 connection refused, 2 HTTP 404, …")."""
    from collections import Counter

    from newstui.text import clean_line

    # a source's error ends with its reason: "Wire: cannot connect to host: connection refused";
    # what follows a "; " explains it ("a web page (HTML), not a feed …; the page announces the
    # feed …: use that address" gave "use that address", user test r38 L3); the source's name
    # is taken off first, as it may hold "; " or ": " itself ("Tech; Science" gave "Tech")
    reasons = Counter(clean_line(_short_reason(o), 72) for o in failed)
    if len(reasons) == 1:
        return next(iter(reasons))
    shown = [f"{count:,} {reason}" for reason, count in reasons.most_common(2)]
    return ", ".join(shown + ["…"] * (len(reasons) > 2))


# What a document that is no feed is, as `newstui feeds` says it: the parser's words after it
# ("…: line 1, column 37: no element found") are no reason of their own (user test r41 L3)
_NOT_A_FEED = re.compile(
    r"not a feed(?: \(RSS, Atom or JSON Feed\))?(?: \(a Wi-Fi login page\?\))?"
)
PORTAL_HINT = "(a Wi-Fi login page?)"  # (sources.feeds: a web page announcing no feed)
# The wait a 429's or 503's Retry-After asked for (fetch_lines.http_failure_said), kept in the summary
_SERVER_WAIT = re.compile(
    r"; the server asks to wait (?:longer[^;()]*, )?until ([^;()]+) \(Retry-After\)"
)


def _short_reason(outcome: SourceOutcome) -> str:
    whole = in_message(outcome.error or "").removeprefix(f"{outcome.name}: ")
    error = whole.split("; ", 1)[0]
    if (kind := _NOT_A_FEED.search(error)) is not None:
        error = error[: kind.end()]
        if error.endswith(PORTAL_HINT):  # (the hint kept within the reason's 72 characters)
            error = f"a web page, not a feed {PORTAL_HINT}"
    reason = error.rsplit(": ", 1)[-1].split(" (the limit is ", 1)[0]  # (its setting: in Sources)
    if (wait := _SERVER_WAIT.search(whole)) is not None:  # (user test r44 L1)
        reason += f", asked to wait until {wait[1]}"
    return reason


def sentence(text: str) -> str:
    """The text with its first letter in capitals (the rest as it was: names keep their case)."""
    return text[:1].upper() + text[1:]


def hide_filter_of(db_path: Path | str, config: Config, article_id: int) -> str | None:
    """The hide filter that hid an article (now hidden), named as the config names it ("" when
    none of them still matches it, or the name is not told); None when it is not hidden."""
    from newstui.model import ArticleFilter

    with Library.open(db_path, threads=True) as library:
        if not library.count(ArticleFilter(ids=(article_id,), hidden=True)):
            return None
        hides = [f for f in config.filters if f.action == "hide" and not f.problem]
        if not hides:
            return ""
        from newstui.nlp import query_keys
        from newstui.query import parse_query

        for entry in hides:
            matched = ArticleFilter(
                ids=(article_id,), hidden=True, query=parse_query(entry.query, query_keys)
            )
            if library.count(matched):
                return entry.name or ""
    return ""


def hidden_line(name: str) -> str:
    """What the app says when a filter hid the article being read at a refresh."""
    which = f"Filter {name!r}" if name else "A filter"
    return f"{which} hid the article you were reading: Hidden, in Sources, lists it."
