"""`newstui filters`: apply the config's hide filters to the stored articles again."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newstui.cli.output import NothingFound, emit, print_trimmed, stdout_console
from newstui.counts import counted
from newstui.library import Library
from newstui.local_times import short_time
from newstui.text import terminal_safe

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config


def cmd_filters(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui filters`: apply the config's filters to articles they have not seen, list counts."""
    from rich.table import Table
    from rich.text import Text

    from newstui.ingest.filter_run import apply_filters

    apply_filters(library, config)
    counts = {(c.query, c.action): c for c in library.filter_counts()}
    rows = []
    for entry in config.filters:
        count = counts.get((entry.query, entry.action))
        rows.append((entry, count.matched if count else 0, count.last_matched if count else None))
    data = [
        {
            "name": e.name,
            "query": e.query,
            "action": e.action,
            "matched": m,
            "last_matched": last,
            "broken": bool(e.problem),  # off until its query parses (the warning line says why)
        }
        for e, m, last in rows
    ]
    table = Table(box=None, header_style="bold")
    for column in ("filter", "action", "matched", "last match"):
        table.add_column(column, justify="right" if column == "matched" else "left")
    now = datetime.now(UTC)
    for e, m, last in rows:
        table.add_row(
            Text(terminal_safe(e.name, line=True) + (" · broken query" if e.problem else "")),
            Text(e.action),
            Text(str(m)),
            Text(short_time(last, now) if last else "never"),  # as `feeds` shows its times
        )
    hidden = library.smart_counts().hidden
    if not rows:
        return emit(args, data, NothingFound(f"no filters: add [[filters]] to {config.path}"))
    if not args.json:
        print_trimmed(table)
        hidden_text = f"{counted(hidden, 'article')} hidden (the app lists them under Hidden)"
        stdout_console().print(Text(hidden_text))
        return 0
    return emit(args, data)
