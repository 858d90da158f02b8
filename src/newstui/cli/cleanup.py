"""`newstui cleanup`: delete what the retention settings no longer keep."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newstui.cli.output import emit, print_note, print_trimmed, safe_cell, stdout_console
from newstui.counts import counted
from newstui.library import Library

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.model import CleanupReport


def cmd_cleanup(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui cleanup [--dry-run]`: apply the retention settings now, report per feed."""
    from rich.table import Table
    from rich.text import Text

    from newstui.retention import cleanup

    report = cleanup(library, config, dry_run=args.dry_run, pause=library.story_gap())
    if not args.dry_run:  # (newstui's own leftovers: a download's validator without its .part)
        from newstui.config import download_folder
        from newstui.downloads import drop_orphan_validators

        drop_orphan_validators(library, download_folder(config.settings))
    left = _cleanup_left_config(args, library) if args.left_config else None
    if args.json:
        return emit(
            args, _cleanup_json(report) | ({"left_config": left} if left is not None else {})
        )
    for gone in left or []:
        verb = "would be deleted" if args.dry_run else "deleted"
        kept = f", {gone['kept_starred']:,} starred kept" if gone["kept_starred"] else ""
        deleted = counted(gone["deleted"], "article")
        line = f"{gone['source']} (no longer in {config.path}): {deleted} {verb}{kept}"
        print_note(f"cleanup: {line}")
    if left == []:
        stdout_console().print(Text("cleanup: no source is kept after leaving the config"))
    if not report.feeds and left is not None:
        return 0
    if not report.feeds:
        where = "the demo keeps every article" if args.demo else None
        where = where or f"no keep_days or keep_per_feed in {config.path}"
        return emit(args, None, f"cleanup: nothing to do: {where}")
    # Only the feeds something was removed from: a row per untouched feed is noise, also one
    # that only kept its recent unread articles (with keep_per_feed, nearly every feed); the
    # summary line totals what was kept (--json lists every feed the settings cover).
    touched = [f for f in report.feeds if f.removed]
    if touched:
        table = Table(box=None, header_style="bold")
        for column in ("feed", "removed", "kept starred", "kept unread"):
            table.add_column(column, justify="left" if column == "feed" else "right")
        for feed in touched:
            counts = (feed.removed, feed.kept_starred, feed.kept_unread)
            table.add_row(safe_cell(feed.name), *(Text(f"{n:,}") for n in counts))
        print_trimmed(table)
    line = report.summary()
    if report.reclaimed_bytes:
        line += f"; {report.reclaimed_bytes / 1_048_576:,.1f} MiB given back to the disk"
    print_note(line)
    return 0


def _cleanup_left_config(args: argparse.Namespace, library: Library) -> list[dict[str, Any]]:
    """`cleanup --left-config`: delete (with --dry-run only count) the sources set aside after
    leaving the config file, each as {source, deleted, kept_starred}."""
    from newstui.ingest.configured_sources import cleanup_left_config

    if args.dry_run:
        return [
            {"source": s.name, "deleted": s.articles - starred, "kept_starred": starred}
            for s in library.set_aside_sources()
            for starred in [library.removal_counts(s.id)[1]]
        ]
    gone = cleanup_left_config(library)
    return [{"source": r.name, "deleted": r.deleted, "kept_starred": r.kept_starred} for r in gone]


def _cleanup_json(report: CleanupReport) -> dict[str, Any]:
    """A cleanup as JSON: totals and each feed's counts."""
    return {
        "dry_run": report.dry_run,
        "removed": report.removed,
        "reclaimed_bytes": report.reclaimed_bytes,
        "feeds": [
            {
                "source": f.name,
                "removed": f.removed,
                "kept_starred": f.kept_starred,
                "kept_unread": f.kept_unread,
            }
            for f in report.feeds
        ],
    }
