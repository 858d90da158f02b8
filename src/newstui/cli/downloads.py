"""The `download` and `downloads` commands: queue an article's enclosures and download the
queue with a progress bar; list the queue. Called by cli.main, which owns parsing and output."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal

from newstui.cli.output import complain
from newstui.counts import counted
from newstui.errors import NewstuiError, hide_url_password
from newstui.render import enclosures, human_size
from newstui.text import terminal_safe

if TYPE_CHECKING:  # downloading (httpx) is imported by the commands that download
    from rich.console import Console  # rich: by the commands that print with it
    from rich.table import Table
    from rich.text import Text

    from newstui.cli.output import NothingFound
    from newstui.config import Config
    from newstui.downloads import QueueResult
    from newstui.library import Library
    from newstui.model import Download, StopThen

Emit = Callable[[argparse.Namespace, Any, "str | Text | Table | NothingFound | None"], int]


def add_arguments(
    download: argparse.ArgumentParser,
    listing: argparse.ArgumentParser,
    article_id: Any,
    count: Any,
) -> None:
    """The options of `download` and `downloads`; ids and numbers are read by cli.arguments'
    parsers, so a number SQLite cannot hold is a one-line usage error."""
    download.add_argument(
        "ids", nargs="*", type=article_id, metavar="ID", help="articles whose enclosures to queue"
    )
    download.add_argument(
        "--enclosure",
        type=count,
        metavar="N",
        help="only the Nth enclosure of each article (N for EN as `show` numbers them; default: all)",
    )
    download.add_argument(
        "--later", action="store_true", help="only queue; the app or `download` fetches them"
    )
    download.add_argument(
        "--retry", action="store_true", help="queue the failed downloads again first"
    )
    download.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="for cron: print only the downloads that fail (or another newstui stops); the exit "
        "status still tells",
    )
    listing.add_argument(
        "--forget",
        nargs="+",
        type=count,
        metavar="N",
        default=[],
        help="take these downloads off the list (their files stay; a running one is stopped, "
        "its .part kept)",
    )
    listing.add_argument(
        "--delete",
        nargs="+",
        type=count,
        metavar="N",
        default=[],
        help="delete these downloads' files (finished or partial) and take them off the list (a "
        "running one is stopped first)",
    )


def download_json(d: Download) -> dict[str, Any]:
    """One download as `downloads --json` and `download --json` print it."""
    return {
        "id": d.id,
        "state": d.state,
        "title": d.title,
        "url": hide_url_password(d.url),  # (a private feed's, stored before r45)
        "type": d.mime,
        "path": d.path,
        "bytes_done": d.bytes_done,
        "bytes_total": d.bytes_total,
        "error": d.error,
        "article_id": d.article_id,
        "queued_at": d.queued_at,
        "finished_at": d.finished_at,
        "tries": d.tries,  # failed for a passing reason this many times in a row
        "retry_at": d.retry_at,  # ...and the next run tries it again from then (None: --retry)
    }


def progress_text(d: Download) -> str:
    """How far a download got, in words: "done", "45% of 24.3 MB", "1.2 MB"."""
    if d.state == "done":
        return human_size(d.bytes_total or d.bytes_done)
    if d.fraction is not None and d.bytes_total:
        return f"{d.fraction:.0%} of {human_size(d.bytes_total)}"
    return human_size(d.bytes_done) if d.bytes_done else ""


def cmd_download(
    args: argparse.Namespace, library: Library, config: Config, emit: Emit, console: Console
) -> int:
    """`newstui download [ID...] [--enclosure N] [--later] [--retry]`: 0 when every download
    ended well (or none was queued), 4 when one failed or another newstui stopped it."""
    from rich.text import Text

    lines: list[str] = []
    queued: list[Download] = []
    if args.retry:
        count = library.downloads.retry()
        lines.append(f"{count} failed download{'s' * (count != 1)} queued again")
    for article_id in args.ids:
        for download, new in _queue_article(library, config, article_id, args.enclosure):
            queued.append(download)
            name = terminal_safe(download.path, line=True)
            done = download.state == "done"  # (new: its file was there, whole, from before)
            lines.append(
                f"queued {name}" if new and not done else f"already {download.state}: {name}"
            )
    if lines and not args.json and not args.quiet:
        console.print(Text("\n".join(lines)), soft_wrap=True)
    if args.later:
        return emit(args, [download_json(d) for d in queued], None)
    say: Said = "none" if args.json else "failures" if args.quiet else "all"
    result, finished = download_queue(library, config, console, say=say)
    if args.json:
        emit(args, queue_json(library, result, finished), None)
    elif not finished and not queued and not result.gone and not result.left and not args.quiet:
        line = "nothing queued (`newstui download ID` queues an article's enclosures)"
        failed = [d for d in library.downloads.all() if d.state == "failed"]
        if failed:  # (user test r46 L6: a failed episode's .part waited, unmentioned)
            them = "it" if len(failed) == 1 else "them"
            line += f"; {len(failed):,} failed: `newstui download --retry` tries {them} again"
            if waits := sorted(d.retry_at for d in failed if d.retry_at):  # (r49 MED-6)
                from newstui.local_times import short_time

                some = "" if len(waits) == len(failed) else f" {len(waits):,} of them"
                line += (
                    f" (by itself:{some} the first `newstui download` after {short_time(waits[0])})"
                )
        console.print(Text(line), soft_wrap=True)
    from newstui.cli.fetch_report import EXIT_DOWNLOAD_FAILED, EXIT_OK

    # as `fetch --download` (user test r50 LOW-3: a script told a failed download from an
    # error, 1, by nothing)
    return EXIT_DOWNLOAD_FAILED if result.failed or result.gone else EXIT_OK


def queue_json(
    library: Library, result: QueueResult, finished: list[Download]
) -> list[dict[str, Any]]:
    """A run of the queue in --json (`download`, `fetch --download`): the downloads that ended,
    then those left to another newstui, still queued, each `"left_to_another": true` (review r51
    LOW-4: else a script could not tell "nothing queued" from "left to the app")."""
    left = [{**download_json(d), "left_to_another": True} for d in _left(library, result)]
    return [*(download_json(d) for d in finished), *left]


def _left(library: Library, result: QueueResult) -> list[Download]:
    """The downloads a run left queued to another newstui (`result.left`'s hosts), oldest first."""
    from newstui.model.downloads import url_host

    hosts = {host for host, _count in result.left}
    if not hosts:
        return []
    queued = [d for d in library.downloads.all() if d.state == "queued"]
    return sorted((d for d in queued if url_host(d.url) in hosts), key=lambda d: d.id)


def _queue_article(
    library: Library, config: Config, article_id: int, number: int | None
) -> list[tuple[Download, bool]]:
    from newstui.downloads import article_folder, enclosure_title, queue_enclosure

    stored = library.article(article_id)
    if stored is None:
        raise NewstuiError(f"no article with id {article_id}")
    attached = enclosures(stored)
    if not attached:
        raise NewstuiError(f"article {article_id} has no enclosure")
    if number is not None and not 1 <= number <= len(attached):
        raise NewstuiError(
            f"article {article_id} has {len(attached)} enclosure"
            f"{'s' * (len(attached) != 1)}: --enclosure must be 1 to {len(attached)}"
        )
    chosen = attached if number is None else [attached[number - 1]]
    return [
        queue_enclosure(
            library,
            article_folder(library, config.settings, article_id, link.url),
            article_id,
            enclosure_title(stored.row.title, attached, link),
            link,
        )
        for link in chosen
    ]


Said = Literal["all", "failures", "none"]
"""Which downloads' ends a run of the queue says: each, those that failed (`--quiet`), none."""


def download_queue(
    library: Library, config: Config, console: Console, *, say: Said
) -> tuple[QueueResult, list[Download]]:
    """Work through the queue (`download`, `fetch --download`): a progress bar per file on a
    terminal and a line per outcome, as `say` asks; what ran, and the downloads that ended."""
    from rich.text import Text

    from newstui.downloads import retry_due

    finished: list[Download] = []
    again = retry_due(library)  # failed for a passing reason at an earlier run: tried now
    if again and say == "all":
        console.print(
            Text(
                f"trying again {counted(len(again), 'download')} that failed for a reason that "
                f"may have passed ({_listed_titles(again)})"
            ),
            soft_wrap=True,
        )
    news: list[tuple[str | None, Download]] = []  # (--quiet) failures said as the run ends
    started: dict[int, str | None] = {}  # each download begun, with its last try's error
    try:
        result = _run_with_progress(library, config, console, say, finished, news, started)
    finally:  # (also when a signal, Ctrl-C or the store ends the run: each failure stored as
        # failed is said now or never, as the next run takes it for "failed as before", review
        # r51 MED-1: a cron run stopped by `timeout` mailed nothing until the 8th try)
        if say == "failures" and sys.exc_info()[0] is not None:
            news += _failed_unheard(library, started, finished, news)
        for line in failure_lines(news):  # (cron: on stderr, as a feed's)
            complain(f"error: {line}")
    if say == "all":
        for host, count in result.left:
            console.print(Text(left_line(host, count, config.settings.per_host)), soft_wrap=True)
    return result, finished


def _failed_unheard(
    library: Library,
    started: dict[int, str | None],
    finished: list[Download],
    news: list[tuple[str | None, Download]],
) -> list[tuple[str | None, Download]]:
    """The downloads begun in a run that a stop ended, stored as failed but not yet heard as
    such (the stop came between the store's write and the run's word of it), that `--quiet`
    says: the next run would take them for failed as before. None when the store cannot tell."""
    heard = {d.id for _, d in news} | {d.id for d in finished if d.state == "done"}
    unheard: list[tuple[str | None, Download]] = []
    try:
        for download_id, before in started.items():
            d = library.downloads.get(download_id) if download_id not in heard else None
            if d is not None and d.state == "failed" and not _failed_as_before(before, d):
                unheard.append((library.downloads.feed_name(d.article_id), d))
    except (sqlite3.Error, NewstuiError):  # (the store ended the run: what was heard is said)
        return []
    return unheard


def _run_with_progress(
    library: Library,
    config: Config,
    console: Console,
    say: Said,
    finished: list[Download],
    news: list[tuple[str | None, Download]],
    started: dict[int, str | None],
) -> QueueResult:
    """download_queue's run of the queue, with its progress bars: the downloads that end added
    to `finished`, the failures `--quiet` says to `news`, each download begun to `started`
    (with its last try's error)."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn
    from rich.text import Text

    from newstui.config import download_folder
    from newstui.downloads import feed_credentials, run_queue

    quiet = say == "none"
    shown = console.is_terminal and say == "all"
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=console,
        transient=True,
        disable=not shown,
    ) as progress:
        tasks: dict[int, Any] = {}
        notes: dict[int, list[str]] = {}  # what each download did unasked, said with its end

        def changed(d: Download) -> None:
            if d.id not in tasks:
                started.setdefault(d.id, d.error if d.tries else None)  # (as run_queue's before)
                title = terminal_safe(d.title, line=True)[:40] or f"download {d.id}"
                tasks[d.id] = progress.add_task(title, total=d.bytes_total)
            progress.update(tasks[d.id], completed=d.bytes_done, total=d.bytes_total)
            if d.state in ("done", "failed"):
                progress.remove_task(tasks[d.id])
                finished.append(d)
                if say == "all":
                    progress.console.print(_outcome(d, notes.pop(d.id, [])), soft_wrap=True)

        def failed(d: Download, feed: str | None, before: str | None) -> None:
            # (cron: kept to say as the run ends, those of one reason in one line; the feed's
            # name read by the slot: this may run in a slot's thread, where `library`'s
            # connection may not be used, user test r50 HIGH-1)
            if say == "failures" and not _failed_as_before(before, d):
                news.append((feed, d))

        def gone(d: Download, then: StopThen, problem: str | None) -> None:
            if d.id in tasks:
                progress.remove_task(tasks[d.id])
            if not quiet:  # (nothing in this process stops one: another newstui did)
                how = "forgotten, its .part kept" if then == "forget" else "its .part deleted"
                title = terminal_safe(d.title, line=True)
                line = f"download {d.id} ({title}) was stopped by another newstui: {how}"
                if problem is not None:
                    line = f"download {d.id} ({title}) was stopped by another newstui: {problem}"
                if say == "failures":  # (cron: what is said goes to stderr)
                    complain(f"warning: {line}")
                else:
                    progress.console.print(Text(line, style="yellow"), soft_wrap=True)

        result = run_queue(
            library,
            timeout=config.settings.timeout,
            on_change=changed,
            on_gone=gone,
            folder=download_folder(config.settings),
            template=config.settings.download_dir.strip() or None,  # (its %n: a feed's folder)
            credentials=feed_credentials(config.feeds),
            on_note=lambda d, note: notes.setdefault(d.id, []).append(note),
            on_failed=failed,
            at_once=config.settings.download_concurrency,
            per_host=config.settings.per_host,
            ca_file=config.settings.ca_file or None,
        )
    return result


def left_line(host: str, count: int, per_host: int) -> str:
    """What `newstui download` says of the downloads it left queued for another newstui (the
    open app, another cron run) that runs per_host downloads from their host: that one takes
    them as its own end, else the next run (review r50 MED-2: it waited, polling, while the
    other took each one first, and ended having downloaded none)."""
    them = "it" if count == 1 else "them"
    return (
        f"left to another newstui: {counted(count, 'download')} from "
        f"{terminal_safe(host, line=True)}, where it is downloading and per_host = {per_host} "
        f"allows no more at once; it downloads {them} (else the next `newstui download`)"
    )


SHOWN_ALONE = 1  # failures of one reason said each in a line of its own up to this many


def failure_lines(failed: list[tuple[str | None, Download]]) -> list[str]:
    """The `error:` lines (without that word) of a `--quiet` run's failed downloads, each with
    its feed's name: those failing for one reason and tried again alike in one line, counted
    and named, "8 downloads: cannot connect to pod.example: connection refused (Pod: Episode
    14, Pod: Episode 13, Pod: Episode 12 and 5 more); the next `newstui download` tries them
    again (`--retry` now)" (user test r50 LOW-23: an offline run mailed a line an episode);
    a reason naming each one's host ("cannot connect to a.example: …") counts as one without
    it, as a fetch's feeds are grouped."""
    from newstui.ingest.fetch_lines import strip_url, without_host

    groups: dict[tuple[str, str], list[tuple[str, str | None, Download]]] = {}
    for feed, d in failed:
        reason = terminal_safe(strip_url(d.error or "failed", d.url), line=True)
        groups.setdefault((without_host(reason), retry_said(d, them=True)), []).append(
            (reason, feed, d)
        )
    lines = []
    for (shared, retry), members in sorted(groups.items(), key=lambda group: -len(group[1])):
        if len(members) <= SHOWN_ALONE:
            lines += [_failure_line(feed, d) for _, feed, d in members]
            continue
        reasons = {reason for reason, _, _ in members}
        said = reasons.pop() if len(reasons) == 1 else shared
        names = _listed_titles([d for _, _, d in members], [feed for _, feed, _ in members])
        lines.append(f"{counted(len(members), 'download')}: {said} ({names}); {retry}")
    return lines


def _failed_as_before(before: str | None, d: Download) -> bool:
    """Whether a download tried again by itself failed as at its last try, and will be tried
    again: a cron run offline for hours says its failure once, as a feed's, not at each try;
    the last automatic try's failure is said (only `--retry` tries it after)."""
    from newstui.model.failure_news import failure_key

    if before is None or d.retry_at is None:
        return False
    return failure_key(before) == failure_key(d.error or "")


def _listed_titles(downloads: list[Download], feeds: list[str | None] | None = None) -> str:
    """Downloads' titles for a line: "Episode 1, Episode 2, Episode 3 and 4 more"; with their
    feeds' names (None: unknown), "Pod: Episode 1, …"."""
    from newstui.word_lists import listed

    names = [terminal_safe(d.title, line=True) or f"download {d.id}" for d in downloads]
    if feeds is not None:
        names = [
            f"{terminal_safe(feed, line=True)}: {name}" if feed else name
            for feed, name in zip(feeds, names, strict=True)
        ]
    return listed(names)


def retry_said(d: Download, them: bool = False) -> str:
    """What tries a failed download again, as its failure line ends: the next run, when it failed
    for a passing reason (and when its wait ends: `tried_again_after`), else `newstui download
    --retry` (user test r49 MED-6: the line did not say, and a failure while offline waited for
    ever); `them`: said of several, grouped (the first one's time)."""
    from newstui.local_times import short_time
    from newstui.model.downloads import MAX_PASSING_TRIES, tried_again_after

    it = "them" if them else "it"
    if d.retry_at is not None:
        after = tried_again_after(d)
        when = f" after {short_time(after)}" if after is not None else ""
        return f"the next `newstui download`{when} tries {it} again (`--retry` now)"
    if d.tries >= MAX_PASSING_TRIES:
        return f"failed {d.tries:,} times in a row: `newstui download --retry` tries {it} again"
    return f"`newstui download --retry` tries {it} again"


def _failure_line(feed: str | None, d: Download) -> str:
    """A failed download as `--quiet` says it on stderr, as a feed's failure: "Pod: download
    "Episode 2": HTTP 404 Not Found (http://…/ep2.mp3); `newstui download --retry` tries it
    again", naming no file that was not made (user test r49 LOW-1). `feed`: the name of its
    article's feed (None: the article is gone)."""
    from newstui.ingest.fetch_lines import strip_url

    title = terminal_safe(d.title, line=True) or f"download {d.id}"
    url = hide_url_password(d.url)
    reason = terminal_safe(strip_url(d.error or "failed", d.url), line=True)
    kept = f"; {human_size(d.bytes_done)} kept in {PurePath(d.part_path).name}" * bool(d.bytes_done)
    line = f'download "{title}": {reason} ({terminal_safe(url, line=True)}){kept}; {retry_said(d)}'
    return f"{terminal_safe(feed, line=True)}: {line}" if feed else line


def _outcome(d: Download, notes: list[str]) -> Text:
    """A download's end in one line, with what it did unasked (`notes`: another name or folder
    than queued, a .part begun again)."""
    from rich.text import Text

    path = terminal_safe(d.path, line=True)
    said = "".join(f"; {terminal_safe(note, line=True)}" for note in notes)
    if d.state == "done":
        return Text(f"downloaded {path} ({human_size(d.bytes_done)}{said})")
    error = terminal_safe(d.error or "", line=True) + said
    if not d.bytes_done:  # (nothing kept: the line names where the file would go)
        return Text(f"failed {path}: {error}; {retry_said(d)}", style="red")
    part = terminal_safe(d.part_path, line=True)  # the file that is there, not the final name
    resumes = retry_said(d).replace("tries it again", "resumes")
    kept = (  # (r46 L2: a .part kept after the disk filled holds room the next ones need)
        f"{human_size(d.bytes_done)} kept; {resumes}, "
        f"`newstui downloads --delete {d.id}` deletes it"
    )
    return Text(f"failed {part}: {error} ({kept})", style="red")


def cmd_downloads(
    args: argparse.Namespace,
    library: Library,
    config: Config | None,
    emit: Emit,
    terminal_width: Callable[[], int | None] = lambda: None,
) -> int:
    """`newstui downloads [--forget N...] [--delete N...]`: the queue, oldest first.
    `terminal_width`: the terminal's width, None for a pipe or a file (asked only to print)."""
    from newstui.downloads import kept_file, requeue_orphans, stop_running

    if both := sorted(set(args.forget) & set(args.delete)):  # forgotten first, not deleted after
        named = ", ".join(map(str, both))
        raise NewstuiError(
            f"download {named}: --forget keeps the file, --delete deletes it: give one of them"
        )
    if args.forget:
        requeue_orphans(library)  # (a download whose process died is forgotten as a waiting one)
        known = {d.id for d in library.downloads.all()}
        if unknown := [n for n in args.forget if n not in known]:
            raise NewstuiError(f"no download with number {unknown[0]}")
    # The waiting, done and failed ones in one write, before any running one is stopped (user
    # test r36 M7: 149 numbers, each its own writes behind the app's, took 55 s).
    at_once = library.downloads.forget_many(list(args.forget)) if args.forget else {}
    for download_id in dict.fromkeys(args.forget):
        forgotten: Download | None = at_once.get(download_id)
        stopped = None
        if forgotten is not None and forgotten.state == "downloading":
            stopped = stop_running(library, download_id, "forget")  # (stopped, then forgotten)
            forgotten = stopped or library.downloads.forget(download_id)
        if forgotten is None:
            raise NewstuiError(f"no download with number {download_id}")
        if forgotten.state == "downloading" and stopped is None:
            raise NewstuiError(f"download {download_id} is running; it can be forgotten after")
        if not args.json:  # said before the list, which no longer shows it
            kept = kept_file(forgotten)
            stays = f"; its file stays: {terminal_safe(kept, line=True)}" if kept else ""
            title = terminal_safe(forgotten.title, line=True)
            how = "stopped and forgot" if stopped else "forgot"
            emit(args, None, f"{how} download {download_id} ({title}){stays}")
    if args.delete:
        _delete(args, library, config, emit)
    for gone in _drop_deleted_files(library):
        if not args.json:  # said, as --forget is, before the list that no longer shows it
            title = terminal_safe(gone.title, line=True)
            name = terminal_safe(PurePath(gone.path).name, line=True)
            again = f" (`newstui download {gone.article_id}` downloads it again)"
            emit(
                args,
                None,
                f"download {gone.id} ({title}): its file {name} was deleted outside newstui; "
                f"taken off the list{again if gone.article_id is not None else ''}",
            )
    from rich.table import Table
    from rich.text import Text

    from newstui.downloads import listed

    rows = listed(library)
    cells = [_row_cells(d) for d in rows]
    table = Table(box=None, header_style="bold")
    for column in ("#", "state", "progress"):
        table.add_column(column, justify="right" if column == "#" else "left", no_wrap=True)
    width = terminal_width() if rows and not args.json else None
    title_room = TITLE_MOST if width is None else _title_room(cells, width)
    if title_room is None:  # a narrow terminal: the title above its file, each the room
        table.add_column("title / file or error", overflow="fold")
    else:
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_room)
        table.add_column("file or error", overflow="fold")  # (at spaces; a longer word folded)
    for d, row in zip(rows, cells, strict=True):
        state = Text(d.state, style="red" if d.state == "failed" else "")
        if title_room is not None:
            table.add_row(Text(row[0]), state, Text(row[2]), Text(row[3]), Text(row[4]))
            continue
        from rich.console import Group

        above = Text(row[3], no_wrap=True, overflow="ellipsis")  # (its file has the lines)
        table.add_row(Text(row[0]), state, Text(row[2]), Group(above, Text(row[4])))
    # (loaded: cli.main calls this) on stderr, as `list` says it
    from newstui.cli.output import NothingFound

    empty = NothingFound("no downloads (`newstui download ID` queues an article's enclosures)")
    return emit(args, [download_json(d) for d in rows], table if rows else empty)


TITLE_MOST = 30  # the widest the title column grows: the file or error has the rest
TITLE_LEAST = 10  # what a narrow terminal leaves the title, "Lecture 3…", before the file room
FILE_ROOM = 40  # what a file name may take from the title to stand whole on its line
ERROR_ROOM = 24  # what an error needs to read as words beside the others, before the title
STACKED_BELOW = 36  # the room for title and file under which each title stands above its file


def _row_cells(d: Download) -> tuple[str, str, str, str, str]:
    """A download's row of `downloads`: number, state, progress, title, file (or error)."""
    # an error opens with the download's URL, which folded mid-word in a narrow column (user
    # test r30 L6): the row is that download (`--json` has the URL), as `feeds` does
    error = (d.error or "").removeprefix(f"{d.url}: ")
    detail = error if d.state == "failed" else PurePath(d.path).name
    if d.state == "failed" and d.retry_at:  # (a passing failure: the next run tries it again)
        from newstui.local_times import short_time

        detail += f" (next try {short_time(d.retry_at)})"
    title = terminal_safe(d.title, line=True)
    return str(d.id), d.state, progress_text(d), title, terminal_safe(detail or "", line=True)


def _title_room(rows: list[tuple[str, str, str, str, str]], width: int) -> int | None:
    """How wide the title column may be on a terminal `width` cells wide: the room the file or
    error column does not need, down to TITLE_LEAST; None when less than STACKED_BELOW cells
    are left for both: each title then stands above its file (user test r48 L6: at 60 columns
    the title kept 30 cells and file names folded mid-word in the 10 left, "Entropy.mp / 3")."""
    from rich.cells import cell_len

    headers = ("#", "state", "progress", "title")
    widest = [
        max(cell_len(header), *(cell_len(row[n]) for row in rows))
        for n, header in enumerate(headers)
    ]
    room = width - 2 * (len(headers) + 1) - sum(widest[:3])  # (rich's padding: a cell each side)
    if room < STACKED_BELOW:
        return None
    # a file name whole on its line up to FILE_ROOM; an error (a sentence) wraps at spaces
    wanted = max(
        min(cell_len(row[4]), ERROR_ROOM if row[1] == "failed" else FILE_ROOM) for row in rows
    )
    title = min(widest[3], TITLE_MOST)
    return max(min(title, TITLE_LEAST), min(title, room - wanted))


def _drop_deleted_files(library: Library) -> list[Download]:
    """The finished downloads whose file was deleted outside newstui, taken off the list (none
    from a store that cannot be written: they stay listed until one can)."""
    from newstui.downloads import drop_deleted_files

    try:
        return drop_deleted_files(library, library.downloads.all())
    except NewstuiError:
        return []


def _delete(args: argparse.Namespace, library: Library, config: Config | None, emit: Emit) -> None:
    """`downloads --delete N...`: each download's files deleted, a line each; one that may not
    be deleted stops with its reason, those before it done."""
    from newstui.config import Settings, download_folder
    from newstui.downloads import delete_download, stop_running

    folder = download_folder(config.settings if config is not None else Settings())
    for download_id in args.delete:
        stopped = stop_running(library, download_id, "delete")  # (its .part deleted as it stops)
        if stopped is not None:
            if not args.json:
                part = terminal_safe(stopped.part_path, line=True)
                title = terminal_safe(stopped.title, line=True)
                if os.path.lexists(stopped.part_path):  # (the downloading process could not)
                    raise NewstuiError(
                        f"stopped download {download_id} ({title}); {part} could not be deleted "
                        "and stays (`newstui download` resumes it)"
                    )
                emit(args, None, f"stopped download {download_id} ({title}) and deleted {part}")
            continue
        gone, files = delete_download(library, folder, download_id)
        if args.json:
            continue
        title = terminal_safe(gone.title, line=True)
        if not files:
            line = f"download {download_id} ({title}) had no file on disk; taken off the list"
        else:
            names = " and ".join(
                f"{terminal_safe(str(f.path), line=True)} ({human_size(f.size)})" for f in files
            )
            line = f"deleted {names}; download {download_id} ({title}) taken off the list"
        emit(args, None, line)
