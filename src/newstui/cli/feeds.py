"""`newstui feeds`: the sources, configured and stored, as a table, plain lines or --json."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newstui.cli.output import (
    NothingFound,
    complain,
    emit,
    piped_columns,
    plain_width,
    print_note,
    print_trimmed,
    red_line,
    stdout_console,
    write_plain,
)
from newstui.counts import counted
from newstui.errors import hide_passwords, hide_url_password
from newstui.headline_fields import cell_width
from newstui.library import Library
from newstui.local_times import in_message, short_time
from newstui.model import FeedRow
from newstui.model.names import name_order, visible_name
from newstui.text import terminal_safe

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config, FeedConfig
    from newstui.model.marks import WaitingMarks


def unstored_sources(library: Library, config: Config) -> list[FeedRow]:
    """The config's feeds and local sources the store does not hold yet, as rows with no id and
    nothing fetched (`fetch` stores them), and its feeds no fetch can read, each with why."""
    from newstui.ingest.configured_sources import feed_key, local_key

    # (one read of the sources for them all: a look-up each cost 4,000 feeds 4 s)
    keys = [feed_key(f) for f in (*config.feeds, *config.skipped_feeds)]
    local = (*config.local, *config.skipped_local)
    stored = iter(library.stored_named([*keys, *(local_key(s.path) for s in local)]))
    rows = [
        FeedRow(0, feed.name, "feed", feed.url, feed.tags, 0, 0, None, None)
        for feed in config.feeds
        if not next(stored)
    ]
    rows += [
        FeedRow(0, _skipped_name(feed), "feed", feed.url, (), 0, 0, None, feed.not_fetchable)
        for feed in config.skipped_feeds
        if not next(stored)  # (stored: its row says why, _skipped)
    ]
    rows += [
        FeedRow(0, s.name, "local", None, s.tags, 0, 0, None, s.not_fetchable or None)
        for s in local
        if not next(stored)
    ]
    return rows


def _skipped_name(feed: FeedConfig) -> str:
    """A skipped feed's name as `feeds` lists it: as the file writes it (four look-alike twins
    were four 'Tech News', hostile r47 L5), its url when its name shows nothing."""
    return feed.written if feed.named and feed.written else feed.name


def _skipped(rows: list[FeedRow], config: Config, library: Library) -> list[FeedRow]:
    """The stored sources, each the config skips (its name taken by an entry before it) with
    why as its error: it keeps its articles and is not fetched (hostile r46 M6)."""
    said = {feed.url: feed.not_fetchable for feed in config.skipped_feeds}
    local: dict[int | None, str] = {}
    if config.skipped_local:  # (a local source's by its stored key: the one kept has its name)
        from newstui.ingest.configured_sources import local_key

        local = {
            library.find_source(local_key(s.path)): s.not_fetchable for s in config.skipped_local
        }
    return [
        dataclasses.replace(r, last_error=said[r.url])
        if r.url in said
        else dataclasses.replace(r, last_error=local[r.id])
        if r.url is None and r.id in local
        else r
        for r in rows
    ]


def waiting_marks(library: Library, config: Config | None) -> list[WaitingMarks]:
    """Imported marks still waiting, each feed's with the day its retention lets them go."""
    if config is None:
        return library.waiting_marks()
    from newstui.retention import keep_days_by_url

    return library.waiting_marks(keep_days_by_url(config))


def cmd_feeds(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui feeds`: the stored sources, and the config's sources not stored yet (read, never
    stored: a reading command run with another --config leaves the store's sources alone)."""
    rows = library.sources()
    if config is not None:
        rows = sorted(
            [*_skipped(rows, config, library), *unstored_sources(library, config)],
            key=lambda r: name_order(r.name),
        )
    now = datetime.now(UTC)
    waiting = {w.feed_url: w for w in waiting_marks(library, config)}  # (newsboat's)
    # the sync server's subscriptions: it fetches them, `remove` unsubscribes them there
    synced = {f.feed_id for f in library.sync.feeds() if library.sync.stream_of(f.feed_id)}
    data = [
        {
            "id": r.id or None,  # a configured source not stored yet has none
            "name": r.name,  # names and errors come from the store with passwords as ***
            "kind": r.kind,
            "url": r.url and hide_url_password(r.url),
            "tags": list(r.tags),
            "articles": r.articles,
            "unread": r.unread,
            "last_fetched": r.last_fetched,
            # without the name it opens with, as fetch's `error` (user test r43 M6)
            "last_error": r.last_error
            and own_error(r.last_error, r.name, r.url and hide_url_password(r.url)),
            "failures": r.failures,
            "failing_since": r.failing_since,
            "next_try": r.waiting_until(now),
            "marks_waiting": waiting[r.url].marks if r.kind == "feed" and r.url in waiting else 0,
            "moved_to": r.moved_to,
            "synced": bool(r.id) and r.id in synced,
            "language": r.language and terminal_safe(r.language, line=True),  # its document says
        }
        for r in rows
    ]
    if args.json or not rows:
        ways = ["`newstui add URL`", "`newstui opml import FILE` (OPML, or newsboat's urls file)"]
        ways.append("`newstui import PATH`")
        empty = f"no sources yet: {', '.join(ways[:-1])} or {ways[-1]}"
        return emit(args, data, NothingFound(empty))
    # (asked before anything makes rich's console) a pipe with COLUMNS set is laid out for it,
    # as a terminal is (user test r51 L18); without, rows whole
    plain = plain_width() is not None and piped_columns() is None
    # a narrow terminal squeezed every column alike and folded "ExtraWire" as "ExtraWir|e" (user
    # test r33 L13): a name's longest word (up to 14 cells) keeps its line, the error wraps instead
    name_words = max((cell_width(w) for r in data for w in str(r["name"]).split()), default=4)
    columns = ["name", "folders", "articles", "unread", "last fetch", "next try", "error"]
    if not any(r["next_try"] for r in data):  # no source waits: no empty column to squeeze in
        columns.remove("next try")
    if not any(r.tags for r in rows):  # (the folders `list --tag` takes: user test r49 LOW-6)
        columns.remove("folders")
    cells = {  # each row's cells but its name and error, made once: measured, then shown
        "folders": [terminal_safe(", ".join(r.tags), line=True) for r in rows],
        "articles": [str(r.articles) for r in rows],
        "unread": [str(r.unread) for r in rows],
        "last fetch": [
            short_time(r.last_fetched, now) if r.last_fetched else "never" for r in rows
        ],
        "next try": [short_time(str(t), now) if (t := r["next_try"]) else "" for r in data],
    }
    errors_below = (
        not plain
        and any(r.last_error for r in rows)
        and _errors_below(cells, columns, min(name_words, 14))
    )
    if errors_below:
        columns.remove("error")
    body = [  # each row's cells as shown: names and errors with passwords hidden
        [  # (a name's invisible characters as escapes: two rows of "Tech" told apart, r47 L5)
            terminal_safe(visible_name(str(shown["name"])), line=True),
            *([cells["folders"][i]] if "folders" in columns else []),
            cells["articles"][i],
            cells["unread"][i],
            terminal_safe(cells["last fetch"][i], line=True),
            *([terminal_safe(cells["next try"][i], line=True)] if "next try" in columns else []),
            *([] if errors_below else [_error_cell(shown, rows[i], now)]),
        ]
        for i, shown in enumerate(data)
    ]
    if not _table_printed(columns, body, plain):
        _rich_feeds_table(columns, body, min(name_words, 14))
    for i, shown in enumerate(data if errors_below else ()):
        if error := in_message(str(shown["last_error"] or ""), now):
            name = str(shown["name"])
            error = own_error(error, name, shown["url"]) + _failing_since(rows[i], now)
            line = terminal_safe(f"{visible_name(name)}: {error}", line=True)  # (as above)
            stdout_console().print(red_line(line))
    from newstui.ingest.configured_sources import listed_name_at, listed_names
    from newstui.model.fetching import moved_line

    file = config.path.name if config is not None else "the config"
    listed = listed_names(rows)  # (the entry a feed moved to, by its one name: r50 LOW-8)
    for r in rows:  # until the config names its new address (r35 user test L-b: said once)
        if r.moved_to:
            onto = listed_name_at(config, r.moved_to, listed) if config is not None else ""
            print_note(f"{r.name}: {moved_line(r.moved_to, file, r.url or '', onto)}")
    for line in _set_aside_lines(library, config):
        print_note(line)
    names = {r.url: r.name for r in rows if r.kind == "feed" and r.url}  # (the config's too)
    for marks in waiting.values():
        named = dataclasses.replace(marks, name=names.get(marks.feed_url, marks.name))
        print_note(hide_passwords(named.line()))
    return 0


def _error_cell(shown: dict[str, Any], row: FeedRow, now: datetime) -> str:
    """A `feeds` row's error as its table shows it: since when it fails, one terminal-safe
    line."""
    name, error = str(shown["name"]), in_message(str(shown["last_error"] or ""), now)
    error += _failing_since(row, now) if error else ""
    return terminal_safe(own_error(error, name, shown["url"]), line=True)


def _table_printed(columns: list[str], body: list[list[str]], plain: bool) -> bool:
    """Print `feeds`' table as rich prints it where each row fits on one line: plain into a
    pipe or a file (rich not loaded), styled on a terminal wide enough (header bold, errors
    red). False, nothing printed, on a terminal its rows must wrap on: rich lays that out.
    (Rich's table took 4,000 feeds ~6 s of CPU to measure and lay out.)"""
    widths = [
        max(cell_width(cell) for cell in (column, *(row[n] for row in body)))
        for n, column in enumerate(columns)
    ]
    right = [column in ("articles", "unread") for column in columns]

    def padded(cells: list[str]) -> list[str]:
        return [
            " " * (w - cell_width(c)) + c if r else c + " " * (w - cell_width(c))
            for c, w, r in zip(cells, widths, right, strict=True)
        ]

    if plain:
        lines = (" " + "  ".join(padded(cells)) for cells in (columns, *body))
        write_plain("\n".join(line.rstrip() for line in lines))
        return True
    console = stdout_console()
    error = columns[-1] == "error"
    # rich's padding: a cell each side; an error column at least 8 cells (its min_width)
    if 2 * len(widths) + sum(widths) + (max(0, 8 - widths[-1]) if error else 0) > console.width:
        return False
    from rich.text import Text

    out = Text()
    out.append(" " + "  ".join(padded(columns)).rstrip() + "\n", "bold")
    for cells in body:
        shown = padded(cells)
        if error and cells[-1]:
            out.append(" " + "  ".join(shown[:-1]) + "  ")
            out.append(cells[-1], "red")
            out.append("\n")
        else:
            out.append((" " + "  ".join(shown)).rstrip() + "\n")
    out.rstrip()
    console.print(out, soft_wrap=True)
    return True


def _rich_feeds_table(columns: list[str], body: list[list[str]], name_room: int) -> None:
    """`feeds`' table laid out by rich on a terminal too narrow for its rows: a name (the one
    `fetch NAME` takes) or a URL in an error is folded, never cut; times keep their line."""
    from rich.table import Table
    from rich.text import Text

    from newstui.cli.folder_cell import FolderCell, widest_piece

    table = Table(box=None, header_style="bold")
    folder_room = 0  # a folder's widest part (up to 14 cells) keeps its line, as a name's word
    if "folders" in columns:
        at = columns.index("folders")
        folder_room = min(max(widest_piece(cells[at]) for cells in body), 14)
    for column in columns:
        table.add_column(
            column,
            justify="right" if column in ("articles", "unread") else "left",
            no_wrap=column in ("last fetch", "next try"),
            overflow="fold" if column in ("name", "folders", "error") else "ellipsis",
            min_width={"name": name_room, "folders": folder_room, "error": 8}.get(column),
        )
    for cells in body:
        table.add_row(
            *(
                FolderCell(cell)
                if column == "folders"
                else Text(cell, "red" if column == "error" else "")
                for cell, column in zip(cells, columns, strict=True)
            )
        )
    print_trimmed(table)


def _failing_since(row: FeedRow, now: datetime) -> str:
    """After a failing source's error, since when its failures in a row go on, when that is
    before its last fetch: " (failing since 2026-11-30 16:32, 12 fetches)" (user test r37 L6:
    with cron fetching, the last fetch is the last try, and a feed dead for days looked like
    one that failed this morning)."""
    since = row.failing_for_a_while()
    return f" (failing since {short_time(since, now)}, {row.failures:,} fetches)" if since else ""


def own_error(error: str, name: str, url: object) -> str:
    """A fetch's error without the name the config gives (a URL when it gives none) it opens
    with (`url` None: the name alone)."""
    return error.removeprefix(f"{name}: ").removeprefix(f"{url}: ")


_ERROR_ROOM = 20  # cells an error column needs to read as words, else errors go below the table


def _errors_below(cells: dict[str, list[str]], columns: list[str], name_room: int) -> bool:
    """On a terminal too narrow for an error column beside the others (at 60 columns it had 2
    cells: "HT / Fi / fo", user test r34 L9), errors are lines of their own below the table
    (`cells`: each column's cells but the name's and the error's, as the table shows them)."""
    from rich.cells import cell_len

    console = stdout_console()
    if not console.is_terminal:
        return False
    used = name_room + 2 * (len(columns) - 1)  # (rich's padding: a cell each side)
    used += sum(max(map(cell_len, [c, *cells[c]])) for c in columns if c in cells)
    return console.width - used < _ERROR_ROOM


def _set_aside_lines(library: Library, config: Config | None) -> list[str]:
    """A line for each source set aside after leaving the config, which `feeds` does not list:
    its articles are still in All and search, and it is deleted on the day it names."""
    from newstui.ingest.configured_sources import LEFT_CONFIG_DAYS
    from newstui.model.fetching import HISTORY

    where = config.path.name if config is not None else "the config"
    lines = []
    for s in library.set_aside_sources():
        articles = counted(s.articles, "article")
        if s.url_changed:
            kept = f"{articles}, kept" if s.articles else f"no articles; its {HISTORY} is kept"
            lines.append(
                f"set aside: {s.name} ({s.url or s.key}): {kept} while {where} lists"
                " its name, and moved to its new URL once it fetches"
            )
            continue
        until = s.kept_until(LEFT_CONFIG_DAYS)
        kept = (
            f"{articles}, kept until {until} (`newstui cleanup --left-config` deletes them now)"
            if s.articles
            else f"no articles; its {HISTORY} is kept until {until} (`newstui cleanup "
            "--left-config` deletes it now)"
        )
        lines.append(f"set aside: {s.name} ({s.url or s.key}), no longer in {where}: {kept}")
    return [hide_passwords(line) for line in lines]


def cmd_update_moved(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui feeds --update-moved`: each feed a permanent redirect moved, followed (its url in
    the config file rewritten, its stored articles moved with it) or refused with why, one line
    each; 1 when one was refused (user test r48 LOW-28)."""
    from newstui.ingest.moved_feeds import follow_moves

    moves = follow_moves(library, config)
    data = [
        {
            "source": m.name,
            "url": hide_url_password(m.url),
            "new_url": hide_url_password(m.new_url),
            "moved": not m.refused,
            "error": m.refused or None,
        }
        for m in moves
    ]
    if args.json:
        emit(args, data)
    elif not moves:
        print_note(f"no feed in {config.path.name} has moved for good")
    for m in moves if not args.json else ():
        if m.refused:
            complain(f"warning: {m.line}")
        else:
            print_note(m.line)
    return 1 if any(m.refused for m in moves) else 0
