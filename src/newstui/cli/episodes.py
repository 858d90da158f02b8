"""New podcast episodes after a fetch, add or sync: queued by the config's rules, said, fetched."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newstui.cli.output import complain, print_note, stdout_console
from newstui.counts import counted
from newstui.library import Library

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.config.tables import FilterConfig
    from newstui.downloads import EpisodesQueued


def download_queued(
    args: argparse.Namespace, library: Library, config: Config
) -> tuple[bool, list[dict[str, Any]]]:
    """`fetch --download`: download what is queued, as `newstui download` does (a line a
    download; with --quiet, those that failed only); whether one failed, and with --json the
    run as `download --json` lists it (those finished, then those left to another newstui)."""
    from newstui.cli.downloads import download_queue, queue_json

    result, finished = download_queue(
        library,
        config,
        stdout_console(),
        say="none" if args.json else "failures" if args.quiet else "all",
    )
    listed = queue_json(library, result, finished) if args.json else []
    return bool(result.failed or result.gone), listed


def say_filtered_and_queued(
    filtered: list[tuple[FilterConfig, int]],
    queued: list[EpisodesQueued],
    *,
    quiet: bool = False,
    downloading: bool = False,
) -> None:
    """The notes after a fetch or sync: what each filter did to the new articles, and the new
    episodes `download_new` queued (`quiet`: only those it could not queue, this run's news;
    `downloading`: `fetch --download` downloads them next, so no advice to)."""
    from newstui.downloads import not_queued_line

    if quiet:
        for q in queued:
            if q.problem is not None:
                complain(f"warning: {not_queued_line(q)}")
        return
    for entry, matched in filtered:
        if matched:
            verb = "hid" if entry.action == "hide" else "marked read"
            print_note(f"filter {entry.name}: {verb} {matched}")
    for q in queued:  # (its articles are stored: the fetch of the feed itself went well)
        if q.problem is not None:
            complain(f"warning: {not_queued_line(q)}")
    if queued:
        count = sum(len(q.downloads) for q in queued)
        by_feed = ", ".join(f"{q.feed}: {len(q.downloads)}" for q in queued if q.downloads)
        left = sum(q.not_queued for q in queued)
        print_note(
            f"download_new: {counted(count, 'new episode')} queued"
            + (f" ({by_feed})" if by_feed else "")
            + (f", {left:,} not queued (see above)" if left else "")
            + (
                "; `newstui download` downloads them (the app, when open, at once)"
                if count and not downloading
                else ""
            )
        )


def episodes_data(queued: EpisodesQueued) -> dict[str, Any]:
    """A feed's `download_new` in --json: the download numbers queued, how many of its new
    episodes were not, and why (null when all were)."""
    return {
        "queued": [d.id for d in queued.downloads],
        "not_queued": queued.not_queued,
        "error": queued.problem,
    }


def queue_wanted_episodes(library: Library, config: Config, before: int) -> list[EpisodesQueued]:
    """Queue the new episodes of the feeds whose entry says `download_new` (stored after article
    `before`); what was queued, by feed."""
    if not config.downloads_new_episodes:
        return []
    from newstui.downloads import queue_new_episodes

    return queue_new_episodes(library, config, before)
