"""What `fetch`, `add`, `import` and `sync` say they did: per-source lines or --json, failures and
recoveries, and the exit status their outcomes make."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newstui.cli.episodes import episodes_data
from newstui.cli.feeds import own_error
from newstui.cli.output import complain, emit, plain_width, print_note
from newstui.counts import counted
from newstui.errors import SourceChoiceError
from newstui.library import Library
from newstui.local_times import short_time
from newstui.word_lists import listed

if TYPE_CHECKING:
    # pathlib (~17M instructions with urllib.parse and ipaddress): --db and --config stay text
    # until a command needs a Path (see store_path_of)
    from pathlib import Path

    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.downloads import EpisodesQueued
    from newstui.model import CleanupReport, RemovedSource, SourceOutcome
    from newstui.model.failure_news import LastFetch


def _removed_line(removed: Sequence[RemovedSource], config: Path | None) -> str:
    """One line for the sources a fetch removed because the config no longer lists them:
    "removed 2 sources no longer in feeds.toml (Wire, Atom Lab): 3,016 articles deleted"."""
    where = f"no longer in {config}" if config else "no longer in the config file"
    deleted = f"{counted(sum(r.deleted for r in removed), 'article')} deleted"
    starred = sum(r.kept_starred for r in removed)
    kept = f", {starred:,} starred kept" if starred else ""
    if len(removed) == 1:
        return f"removed {removed[0].name}, {where}: {deleted}{kept}"
    names = listed([r.name for r in removed])
    return f"removed {len(removed):,} sources {where} ({names}): {deleted}{kept}"


def _removed_data(r: RemovedSource) -> dict[str, object]:
    """`fetch --json`'s object for a source that left the config: deleted, kept or moved."""
    if r.outcome == "deleted":
        return {
            "source": r.name,
            "removed": True,
            "deleted": r.deleted,
            "kept_starred": r.kept_starred,
        }
    if r.outcome == "moved":
        return {"source": r.name, "moved": r.kept, "url": r.url, "new_url": r.new_url}
    return {
        "source": r.name,
        "left_config": True,
        "kept": r.kept,
        "kept_until": r.kept_until,
        "url": r.url,
        "new_url": r.new_url,
    }


def _sync_changes_lines(outcome: SourceOutcome) -> list[str]:
    """A sync's lines besides its articles: "sync HOST: 3 marks from the server, 1 subscription
    added (Wire)" and "removed Atom Lab, no longer on HOST: 5 articles deleted"."""
    if outcome.changes is None:
        return []
    clauses = outcome.changes.clauses()
    removed = outcome.changes.removed_line()
    return ([f"{outcome.name}: " + ", ".join(clauses)] if clauses else []) + (
        [removed] if removed else []
    )


def _sync_changes_data(outcome: SourceOutcome) -> dict[str, object]:
    """A sync's `--json` fields besides its articles (none for a source)."""
    if outcome.changes is None:
        return {}
    return {
        "marks_changed": outcome.changes.marks,
        "feeds_added": list(outcome.changes.added),
        "feeds_removed": [r.name for r in outcome.changes.removed],
    }


def fulltext_data(outcome: SourceOutcome) -> dict[str, object]:
    """A source's (or a sync's) full-text `--json` keys: pages fetched, failed and not read,
    and each failed page."""
    return {
        "fulltext_fetched": outcome.fulltext_ok,
        "fulltext_failed": outcome.fulltext_failed,
        "fulltext_not_read": outcome.fulltext_left,
        "fulltext_problems": [
            {"article_id": p.article_id, "title": p.title, "url": p.url, "error": p.error}
            for p in outcome.fulltext_problems
        ],
    }


def _stored_names(
    library: Library, config: Config | None, outcomes: list[SourceOutcome]
) -> dict[str, tuple[int, str]]:
    """Each outcome's stored source (its name in the outcome → id and the name `feeds`, `list`
    and `--feed` use): a feed written without a name is reported by its URL, stored by its title."""
    names = {s.id: s.name for s in library.sources()}
    found: dict[str, tuple[int, str]] = {}
    for o in outcomes:
        if o.sync:  # the sync server: no source of its own
            continue
        feed = config.feed_named(o.name) if config is not None else None
        source_id = library.find_source(feed.url) if feed is not None else None
        if source_id is None:
            with contextlib.suppress(SourceChoiceError):  # (two stored so named: neither said)
                source_id = library.find_source(o.name)
        if source_id in names:
            found[o.name] = (source_id, names[source_id])
    return found


def report_outcomes(
    outcomes: list[SourceOutcome],
    args: argparse.Namespace,
    removed: Sequence[RemovedSource] = (),
    cleaned: CleanupReport | None = None,
    config_file: Path | None = None,
    *,
    library: Library | None = None,
    config: Config | None = None,
    episodes: Sequence[EpisodesQueued] = (),
    leftovers: int = 0,
    last: Mapping[int | None, LastFetch] | None = None,
    downloaded: Sequence[dict[str, Any]] = (),
    read_as_copies: int = 0,
) -> int:
    """Print a fetch's (or import's, add's) outcomes and return its exit status; `last`: each
    source's fetch record before it, for `fetch --quiet` (only what is news is said); `downloaded`:
    what `fetch --download --json` downloaded and left to another newstui (`download --json`'s
    objects), listed after the sources."""
    from newstui.ingest.fetch_lines import (
        describe,
        failure_lines,
        file_problem_lines,
        fulltext_failures_line,
        fulltext_said,
        sync_answered,
        unusable_proxy_lines,
        waiting_lines,
    )
    from newstui.model.fetching import kept_lines, leftovers_said, less_copies

    outcomes = less_copies(outcomes, removed)  # a moved feed's copies: not new to the user
    failed = [o for o in outcomes if o.error]
    waiting = [o for o in outcomes if o.waiting_until and not o.error]  # not tried (user test
    # r46 M2: "0 of 20 sources ok, 20 failed" where none was tried)
    as_json = bool(getattr(args, "json", False))
    stored = _stored_names(library, config, outcomes) if as_json and library is not None else {}
    data = [
        {
            "source": o.name,
            "feed_id": stored[o.name][0] if o.name in stored else None,
            "feed": stored[o.name][1] if o.name in stored else None,
            "new": o.new,
            "updated": o.updated,
            # without the name `source` gives, as `warning` (user test r43 M6)
            "error": o.error and own_error(o.error, o.name, None),
            "waiting_until": o.waiting_until,
            "warning": o.warning,
            "not_modified": o.not_modified,
            "cut_short": o.cut_short,
            **fulltext_data(o),
            "problems": list(o.problems),
            **_sync_changes_data(o),
        }
        for o in outcomes
    ]
    if as_json:
        for o in outcomes:  # the sources the sync removed, as those the config no longer lists
            if o.changes is not None:
                data.extend(
                    {
                        "source": r.name,
                        "removed": True,
                        "deleted": r.deleted,
                        "kept_starred": r.kept_starred,
                        "no_longer_on": o.changes.server,
                    }
                    for r in o.changes.removed
                )
        if removed:
            data.extend(_removed_data(r) for r in removed)
        data.extend(  # (a feed's new episodes `download_new` queued: `download` runs them)
            {"source": q.feed, "download_new": True, **episodes_data(q)} for q in episodes
        )
        if cleaned is not None:
            data.extend(
                {
                    "source": f.name,
                    "cleanup": True,
                    "deleted": f.removed,
                    "kept_starred": f.kept_starred,
                    "kept_unread": f.kept_unread,
                }
                for f in cleaned.feeds
                if f.removed
            )
        if leftovers:  # articles a killed fetch stored and left unanalysed (r43 M4)
            data.append({"source": None, "leftovers_analysed": leftovers})
        if read_as_copies:  # new articles that came in read: copies of a story read elsewhere
            data.append({"source": None, "read_as_copies": read_as_copies})
        data.extend({"source": None, "download": d} for d in downloaded)
        emit(args, data)
    elif last is not None:  # --quiet
        _say_news(outcomes, library, config, last)
    else:
        deleted = [r for r in removed if r.outcome == "deleted"]
        if deleted:
            line = _removed_line(deleted, config_file)
            print_note(line)
        where = str(config_file) if config_file else "the config file"
        for line in kept_lines(removed, where):  # set aside after a hand edit, or moved
            print_note(line)
        for o in outcomes:  # what a sync changed: subscriptions the server added and dropped
            if o.changes is not None and (said := _sync_changes_lines(o)):
                for line in said:
                    print_note(line)
        proxy_lines, refused = unusable_proxy_lines(outcomes)
        for line in proxy_lines:  # a proxy variable that cannot be used: once, with its count
            complain(f"error: {line}")
        for o in outcomes:
            if o.problems:  # a local source: one line per file that could not be read
                label = "error" if o.error else "warning"
                for problem in file_problem_lines(o):
                    complain(f"{label}: {problem}")
            elif o.error and o.sync:
                complain(f"error: {describe(o)}")
        grouped = [o for o in failed if not o.problems and not o.sync and o.name not in refused]
        answered = sync_answered(outcomes)  # (the sync server answered: no network down)
        for line in failure_lines(grouped, _tried(outcomes), answered=answered):  # one a reason
            complain(f"error: {line}")
        for line in waiting_lines([o for o in outcomes if not (o.problems or o.error)]):
            complain(f"waiting: {line}")
        for o in outcomes:
            if o.problems or o.error or o.waiting_until:
                continue
            if o.warning:
                complain(f"warning: {o.name}: {o.warning}")
        if pages_failed := fulltext_failures_line(outcomes):  # one line, the articles stored
            complain(f"warning: {pages_failed}")
        new = sum(o.new for o in outcomes)
        updated = sum(o.updated for o in outcomes)
        cut = sum(o.cut_short for o in outcomes if not o.failed)  # read, but not whole
        ok = len(outcomes) - len(failed) - len(waiting) - cut
        summary = (
            f"{ok:,} of {counted(len(outcomes), 'source')} ok"
            + (f", {cut:,} cut short" if cut else "")
            + (f", {len(failed):,} failed" if failed else "")  # (user test r43 L3)
            + _waiting_said(waiting)
            + f": {counted(new, 'new article')}{_read_as_copies_said(read_as_copies)}"
            + f", {updated:,} updated"
        )
        if pages := fulltext_said(  # pages, not sources: their own clause
            sum(o.fulltext_ok for o in outcomes),
            sum(o.fulltext_failed for o in outcomes),
            sum(o.fulltext_left for o in outcomes),
        ):
            summary += f"; {pages}"
        summary += leftovers_said(leftovers)
        if plain_width() is None:  # a terminal: wrapped at spaces, as the notes after it
            print_note(summary)
        else:  # written as it is into a pipe: rich is not loaded for it
            emit(args, None, summary)
        if cleaned is not None and cleaned.removed:
            print_note(cleaned.summary())
    return fetch_status(outcomes)


def _read_as_copies_said(count: int) -> str:
    """The summary's words for new articles that came in read as copies of a story read in
    another feed (user test r48 LOW-20: after a newsboat import, 181 it had unread arrived read,
    unsaid, and looked like lost marks)."""
    if not count:
        return ""
    some = "a copy of a story" if count == 1 else "copies of stories"
    return f" ({count:,} came in read: {some} read in another feed)"


def _say_news(
    outcomes: Sequence[SourceOutcome],
    library: Library | None,
    config: Config | None,
    last: Mapping[int | None, LastFetch],
) -> None:
    """`fetch --quiet`'s lines, on stderr: a source's failure only when it is news (its first,
    or not as at its last fetch), and one line for a source read again after failing."""
    from newstui.ingest.fetch_lines import (
        describe,
        failure_lines,
        file_problem_lines,
        network_looks_down,
        recovered_line,
        recovered_lines,
        sync_answered,
        unusable_proxy_lines,
    )
    from newstui.model.failure_news import failure_news
    from newstui.model.fetching import moved_line

    ids = _stored_names(library, config, list(outcomes)) if library is not None else {}

    def last_of(o: SourceOutcome) -> LastFetch | None:
        if o.sync:  # the sync server's record: its state's last error
            return last.get(None)
        return last.get(ids[o.name][0]) if o.name in ids else None

    news = {o.name: failure_news(o, last_of(o)) for o in outcomes}
    proxy_lines, refused = unusable_proxy_lines(outcomes)
    if any(news[name] == "new" for name in refused):  # (said with the feeds it failed)
        for line in proxy_lines:
            complain(f"error: {line}")
    failed: list[SourceOutcome] = []
    recovered: list[tuple[str, LastFetch]] = []
    for o in outcomes:
        if news[o.name] == "new" and o.problems:
            for problem in file_problem_lines(o):
                complain(f"error: {problem}")
        elif news[o.name] == "new" and o.sync:
            complain(f"error: {describe(o)}")
        elif news[o.name] == "new" and o.name not in refused:
            failed.append(o)
        elif news[o.name] == "recovered" and (before := last_of(o)) is not None:
            if o.sync:
                complain(f"recovered: {recovered_line(o.name, before, sync=True)}")
            else:
                recovered.append((o.name, before))
    # a failure every source shares (the network down) is one piece of news: said with its
    # sources when it is news to one of them (user test r49 MED-7)
    tried = _tried(outcomes)
    every = [o for o in outcomes if o.error and not (o.sync or o.problems or o.name in refused)]
    answered = sync_answered(outcomes)
    if failed and network_looks_down(every, tried, answered=answered):
        failed = every  # (the network looks down: said of every feed, not only the news)
    for line in failure_lines(failed, tried, answered=answered):
        complain(f"error: {line}")
    for line in recovered_lines(recovered):
        complain(f"recovered: {line}")
    for o in outcomes:  # a move for good, said once: the user must change the url (r49 LOW-11)
        if o.moved_news and o.moved_to:
            where = config.path.name if config is not None else "the config file"
            said = moved_line(o.moved_to, where, o.moved_from, o.moved_onto)
            complain(f"moved: {o.name}: {said}")


def _tried(outcomes: Sequence[SourceOutcome]) -> int:
    """How many of a fetch's sources were tried (not left to wait), the sync not counted."""
    return sum(1 for o in outcomes if not o.sync and (o.error or not o.waiting_until))


def last_fetches(library: Library, config: Config) -> dict[int | None, LastFetch]:
    """Each stored source's fetch record as it is before a fetch, by its id (None: the [sync]
    server's), for `fetch --quiet` to tell a failure that is news from one said before."""
    from newstui.model.failure_news import LastFetch

    since = library.failing_since()  # (also of failures not counted: the network down)
    last: dict[int | None, LastFetch] = {
        row.id: LastFetch(row.last_error, row.failures, since.get(row.id))
        for row in library.sources()
    }
    if config.sync is not None:
        status = library.sync.status()
        last[None] = LastFetch(status.last_error, status.failures, status.failing_since)
    return last


def _waiting_said(waiting: Sequence[SourceOutcome]) -> str:
    """The summary's clause for the feeds left to wait, not tried: ", 20 waiting (next try
    22:02)", the soonest of their next tries in local time."""
    if not waiting:
        return ""
    soonest = min(o.waiting_until for o in waiting if o.waiting_until)
    return f", {len(waiting):,} waiting (next try {short_time(soonest)})"


EXIT_OK = 0  # every source tried was read


EXIT_FAILED = 1  # every source tried failed, or nothing could run (bad config, database error)


EXIT_SOME_FAILED = 3  # some sources read, some failed (2 is argparse's usage error)


EXIT_DOWNLOAD_FAILED = 4  # `fetch --download`: every source tried was read, a download failed;
# `download`: a download failed (or another newstui stopped one)


def fetch_status(outcomes: Sequence[SourceOutcome]) -> int:
    """The exit status of a fetch, import or add: 0 all read, 3 some failed, 1 all failed.

    Of the sources tried: a feed left waiting out a backoff or a Retry-After was not, and counts
    for neither (user test r46 M2: 20 waiting, none tried, exited 1 as if all had failed).
    """
    tried = [o for o in outcomes if o.error or not o.waiting_until]
    failed = sum(1 for o in tried if o.error)
    if not failed:
        return EXIT_OK
    return EXIT_FAILED if failed == len(tried) else EXIT_SOME_FAILED
