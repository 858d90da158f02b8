"""`newstui entities` and `quotes`: what the offline analysis found in the stored articles."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from newstui.cli import output
from newstui.cli.output import (
    NothingFound,
    emit,
    print_trimmed,
    safe_cell,
    say_more_exist,
    stdout_console,
)
from newstui.headline_fields import UNDATED, date_without_time, shown_date, shown_url
from newstui.library import Library
from newstui.text import terminal_safe

if TYPE_CHECKING:
    # rich (~100M instructions to import) prints tables, terminal output and errors; a listing
    # piped to another program is written as plain lines without it (see plain_width)
    from rich.text import Text

    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.model import EntityRow


NAME_CELLS = 60  # the widest an entity's name is shown in `entities`' table (--json: whole)
# the cells a name keeps on a narrow terminal before a count column goes (mentions, then
# articles): at 40 columns the three counts kept their width and no name was shown at all
NAME_ROOM = 18
ENTITY_COUNTS = ("stories", "articles", "mentions")  # the table's counts, the first its order


def cmd_entities(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui entities [--type T] [--name TEXT]`."""
    keys = None
    if args.name is not None:
        from newstui.nlp import query_keys
        from newstui.query import ENTITY_FIELDS

        kinds = [args.type] if args.type else list(ENTITY_FIELDS.values())
        keys = tuple(dict.fromkeys(k for kind in kinds for k in query_keys(args.name, kind)))
    rows, total = library.entities_counted(args.type, limit=args.limit, name_keys=keys)
    if rows and len(rows) == args.limit:  # (user test r43 M2: cut silently)
        say_more_exist("entities", len(rows), total, "entities", " or --all")
    data = [
        {
            "id": r.id,
            "name": r.name,
            "type": r.type,
            "articles": r.articles,
            "mentions": r.mentions,
            "stories": r.stories,
        }
        for r in rows
    ]
    if args.json or not rows:
        return emit(args, data, NothingFound("no entities found" + _other_types(args, library)))
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold")
    console = output.stdout_console()  # (the one emit prints to: a test's, too)
    fitted = console.is_terminal or output.piped_columns() is not None  # (else rows whole)
    counts = counts_with_room(rows, console.width) if fitted else ENTITY_COUNTS
    table.add_column("type", no_wrap=True)
    # a long name is cut with "…" to the room the terminal leaves, and at NAME_CELLS: a row is
    # one line (a 100-character name folded over three and pushed the counts off to the right)
    table.add_column("name", max_width=NAME_CELLS)
    for column in counts:
        table.add_column(column, justify="right", no_wrap=True)
    for r in rows:
        name = safe_cell(r.name)
        name.no_wrap, name.overflow = True, "ellipsis"
        table.add_row(safe_cell(r.type), name, *(Text(str(getattr(r, c))) for c in counts))
    return emit(args, data, table)


def counts_with_room(rows: list[EntityRow], width: int) -> tuple[str, ...]:
    """The count columns `entities` shows in `width` cells: those that leave a name NAME_ROOM
    cells (its longest's, if shorter), mentions going first, then articles; stories, the list's
    order, always (--json and a pipe have every count)."""
    from rich.cells import cell_len

    def cells(column: str) -> int:
        return max(len(column), *(len(str(getattr(r, column))) for r in rows))

    kinds = max(len("type"), *(cell_len(r.type) for r in rows))
    wanted = min(NAME_ROOM, max(cell_len(r.name) for r in rows))
    counts = list(ENTITY_COUNTS)
    while len(counts) > 1:  # (each column padded a cell each side: rich's table, box=None)
        used = kinds + sum(cells(c) for c in counts) + 2 * (len(counts) + 2)
        if width - used >= wanted:
            break
        counts.pop()
    return tuple(counts)


def _other_types(args: argparse.Namespace, library: Library) -> str:
    """For `entities --name N --type T` that found none: the types N has (user test r30 L8:
    `--name Aleppo --type PERSON` said only "no entities found"), as "; 'Aleppo' is a PLACE"."""
    if args.name is None or not args.type:
        return ""
    from newstui.nlp import query_keys
    from newstui.query import ENTITY_FIELDS

    kinds = list(ENTITY_FIELDS.values())
    keys = tuple(dict.fromkeys(k for kind in kinds for k in query_keys(args.name, kind)))
    types = sorted({r.type for r in library.entities(None, limit=50, name_keys=keys)})
    if not types:
        return ""
    return f" of type {args.type}; {args.name!r} is a {' and a '.join(types)} (drop --type)"


def cmd_quotes(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui quotes [--speaker NAME]… [--since DATE] [--copies]`: a quote the versions of one
    story carry once (as the headlines list a story once), `--copies` every version's."""
    from rich.text import Text

    from newstui.nlp import query_keys
    from newstui.query import speaker_keys

    named: list[str] = list(dict.fromkeys(args.speaker or ()))  # (one named twice: once)
    speaker = named[0] if len(named) == 1 else None  # (one: as before, its own empty answer)
    keys = speaker_keys(speaker, query_keys) if speaker else ()
    more = [(name, speaker_keys(name, query_keys)) for name in named] if len(named) > 1 else []
    copies: bool = args.copies
    query = None
    if args.query is not None:
        from newstui.cli.articles import user_query

        query = user_query(args.query)
    rows = library.quotes(
        speaker=speaker,
        limit=args.limit,
        speaker_keys=keys,
        since=args.since,
        copies=copies,
        query=query,
        speakers=more,
    )
    if rows and len(rows) == args.limit:  # (user test r43 M2: cut silently)
        total, _ = library.count_quotes(
            speaker=speaker,
            speaker_keys=keys,
            since=args.since,
            copies=copies,
            query=query,
            speakers=more,
        )
        say_more_exist("quotes", len(rows), total, "quotes", " or --all")
    data = [
        {
            "id": r.id,
            "text": r.shown_text,  # (start/end: the span as stored, its sentence's comma too)
            "speaker": r.speaker,
            "article_id": r.article_id,
            "article": r.article_title,
            "feed": r.feed,
            "date": r.published,  # null for an undated article (`list` leaves its date blank)
            "date_only": date_without_time(r.published, r.date_only),
            "start": r.start,
            "end": r.end,
            "url": r.url and shown_url(r.url),
            "story": r.story,
            "copies": r.copies,
            "speaker_entity": (
                {
                    "id": r.speaker_entity_id,
                    "name": r.speaker_entity[0],
                    "type": r.speaker_entity[1],
                }
                if r.speaker_entity
                else None
            ),
        }
        for r in rows
    ]
    if args.json or not rows:
        unquoted = speaker is not None and (
            (args.since is None and query is None)
            or library.count_quotes(speaker=speaker, speaker_keys=keys)[0] == 0
        )
        if more:  # (each quoted nowhere may be in the news: one line says none of them)
            missing = NothingFound(f"no quotes found by {' or '.join(map(repr, named))}")
            return emit(args, data, missing)
        return emit(args, data, NothingFound(_no_quotes(library, speaker if unquoted else None)))
    width = max(stdout_console().width, 40)
    terminal = stdout_console().is_terminal
    quotes: list[tuple[Text, Text]] = []  # each quote, and its line of who said it where
    for r in rows:
        said_by = Text(f"    — {terminal_safe(r.speaker, line=True) or 'unknown speaker'}")
        source_line = Text(
            f"  {shown_date(r.listed_date, 0, 10, date_only=r.listed_date_only) or UNDATED}  "
            f"{terminal_safe(r.feed, line=True)}: "
            f"{terminal_safe(r.article_title, line=True)}"
        )
        end = f" ({r.article_id})"
        if r.copies:  # the other feeds' versions of its story carry it too (`--copies` lists them)
            end = f" (also in {r.copies}) ({r.article_id})"
        if terminal:  # one line, as `list` cuts a title (in terminal cells): the id stays whole
            said_by.truncate(width - len(end) - 1, overflow="ellipsis")
            source_line.truncate(max(width - said_by.cell_len - len(end), 0), overflow="ellipsis")
        quotes.append(
            (
                Text(
                    f"“{terminal_safe(r.shown_text)}”", style="italic"
                ),  # wrapped at words when printed
                Text.assemble((said_by.plain, "bold"), (f"{source_line.plain}{end}", "dim")),
            )
        )
    if terminal:  # a blank line between quotes, none after the last
        print_trimmed(Text("\n\n").join(Text.assemble(q, "\n", by) for q, by in quotes))
        return 0
    for n, (quote, by) in enumerate(quotes):  # elsewhere the line of who said it is not wrapped
        if n:
            stdout_console().print()
        print_trimmed(quote)
        stdout_console().print(by, soft_wrap=True)
    return 0


def _no_quotes(library: Library, speaker: str | None) -> str:
    """What an empty `quotes` says: with the `speaker` quoted nowhere, the person's being in the
    news when they are (user test r53 LOW-9: "no quotes found" for Angela Merkel, an entity of
    the G7 story)."""
    if speaker is not None:
        from newstui.unquoted_speakers import unquoted_speaker_line

        if (line := unquoted_speaker_line(library, speaker)) is not None:
            return line
    return "no quotes found"
