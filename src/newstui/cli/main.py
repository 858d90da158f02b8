"""The `newstui` command: parse the command line, dispatch to the command's function, turn errors
into one line (or a --json object) and an exit status."""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from newstui.cli.analysis import cmd_entities, cmd_quotes
from newstui.cli.arguments import UsageError, path_argument, readable_arguments, storable_id
from newstui.cli.articles import cmd_list, cmd_mark, cmd_search, cmd_show, cmd_unread
from newstui.cli.cleanup import cmd_cleanup
from newstui.cli.config_file import (
    command_config,
    config_path_of,
    created_config,
    optional_config,
    warn_about_password,
)
from newstui.cli.database import (
    NOTHING_KEPT_ON_FAILURE,
    forget_new_store,
    makes_a_store,
    missing_folders,
    no_store,
    opened_library,
    store_named,
    store_path_of,
)
from newstui.cli.feeds import cmd_feeds
from newstui.cli.fetch import cmd_fetch, first_fetch_pool
from newstui.cli.filters import cmd_filters
from newstui.cli.opml import cmd_opml
from newstui.cli.output import (
    ascii_json,
    complain,
    emit,
    error_kind,
    fail_command,
    print_json_error,
    stderr_seen,
    stdout_console,
    terminal_width,
)
from newstui.cli.parser import excluded_words_kept, json_after_command, parser_for
from newstui.cli.subscriptions import cmd_add, cmd_import, cmd_remove
from newstui.cli.sync import cmd_sync
from newstui.counts import counted
from newstui.errors import ConfigError, NewstuiError, SourceChoiceError, error_line
from newstui.library import Library
from newstui.newsboat_options import newsboat_option
from newstui.paths import demo_db_path
from newstui.signals import (
    EXIT_GRACE,
    Stopped,
    exit_status,
    exit_within,
    quiet_after_stop,
    stop_on_signals,
)

if TYPE_CHECKING:
    # pathlib (~17M instructions with urllib.parse and ipaddress): --db and --config stay text
    # until a command needs a Path (see store_path_of)
    from pathlib import Path

    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.model.store_upgrade import StoreUpgrade


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newstui` command; returns the exit status. Standard output in an
    encoding that lacks some characters gets stand-ins for them, and one warning line at the
    end says so (cli.encoding; user test r44 L1: tables printed only the encoding error)."""
    stand_ins = None
    if ascii_json():  # (not UTF-8)
        from newstui.cli.encoding import stand_ins_for

        stand_ins = stand_ins_for(sys.stdout)
    try:
        return _main(argv)
    finally:
        if stand_ins is not None and (said := stand_ins.warning()):
            with contextlib.suppress(OSError, ValueError):
                sys.stdout.flush()
            complain(f"newstui: {said}")


def _main(argv: Sequence[str] | None) -> int:
    given = excluded_words_kept(json_after_command(list(sys.argv[1:] if argv is None else argv)))
    if (newsboat := newsboat_option(given)) is not None:  # `newstui -x reload` (a cron line)
        if "--json" in given:
            print_json_error(f"newstui: {newsboat}", "usage")
        else:
            complain(f"newstui: {newsboat}")
        return 2
    args = readable_arguments(parser_for(given).parse_args(given))
    if args.command not in QUIET_COMMANDS:
        import logging  # the fetching pipeline and full text log warnings; readers load none

        logging.basicConfig(level=logging.WARNING, format="warning: %(message)s")
    as_json = bool(getattr(args, "json", False))
    try:
        try:
            with stop_on_signals():
                return run(args)
        finally:  # (before the handlers below: an error after a streamed array began goes to
            # stderr, the array closed, as _list_json does; stdout stays one JSON value)
            as_json = as_json and not getattr(args, "json_array_begun", False)
    except Stopped as stopped:
        quiet_after_stop()
        message = f"stopped by {stopped.signal_name}; what was stored is kept"
        fail_command(as_json, message, "stopped")
        exit_within(EXIT_GRACE, exit_status(stopped.signum))
        return exit_status(stopped.signum)
    except UsageError as exc:  # as argparse's own: "newstui mark: … (see `newstui mark --help`)"
        if as_json:
            print_json_error(f"newstui {args.command}: {exc}", "usage")
        else:
            complain(f"newstui {args.command}: {exc} (see `newstui {args.command} --help`)")
        return 2
    except NewstuiError as exc:
        more: dict[str, Any] = {}
        if isinstance(exc, SourceChoiceError):  # each to name one by (its URL)
            more["sources"] = [{"name": n, "url": where} for n, where, _ in exc.candidates]
        fail_command(as_json, str(exc), error_kind(exc), exc.source, **more)
        return 1
    except sqlite3.Error as exc:
        fail_command(as_json, f"database error: {exc}", "database")
        return 1
    except KeyboardInterrupt:
        fail_command(as_json, "interrupted", "stopped")
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UnicodeEncodeError as exc:  # an output encoding (PYTHONIOENCODING) lacking a letter
        message = f"the output's encoding ({exc.encoding}) cannot write the text; "
        message += "try PYTHONIOENCODING=utf-8"
        fail_command(as_json, message, "file")
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        source = os.fsdecode(exc.filename) if isinstance(exc.filename, str | bytes) else None
        fail_command(as_json, f"{where}{exc.strerror or exc}", "file", source)
        return 1


def run(args: argparse.Namespace) -> int:
    """Dispatch a parsed command line."""
    command = args.command or "app"
    if command == "demo":
        from newstui.demo import build_demo_db

        path = demo_db_path() if args.db is None else path_argument(args.db)
        count = build_demo_db(path, fresh=True)
        return emit(
            args,
            {"db": str(path), "articles": count},
            f"demo database: {path} ({counted(count, 'article')})",
        )
    db_path = store_path_of(args, command)
    dry_copy = False  # (the dry run reads a copy of an older store: its upgrade is not said)
    new = not os.path.exists(os.path.expanduser(db_path))
    new_folders = missing_folders(db_path) if new else []  # (a new store's go with it)
    if getattr(args, "dry_run", False) and command == "opml":
        if new:
            db_path, new = ":memory:", False  # (`opml import --dry-run` writes no store)
        else:
            from newstui.cli.opml_dry_run import store_to_read

            read = store_to_read(str(db_path))  # (an older store: a copy, never upgraded)
            dry_copy, db_path = read != db_path, read
    elif new and not makes_a_store(args, command):
        db_path = no_store(args, db_path)
        new = False
    explicit_config = args.config is not None
    if command == "app":
        import gc

        gc.disable()  # until the first screen is painted: see newstui.tui.collector
        try:
            from newstui.tui.app import run_app

            config_path = config_path_of(args)
            config_existed = args.demo or config_path.exists()
            config = (
                command_config(config_path, explicit_config, say_created=False, warn=False)
                if not args.demo
                else None
            )
            notice = getattr(args, "demo_rebuilt", None)
            notice = f"created a new database at {db_path}" if new else notice
            if args.demo and not notice and config_path.exists():
                # a keymap tried on the demo did nothing, without a word (user test r44 L4)
                notice = (
                    f"the demo uses its own keys and settings, not those of {config_path}: "
                    "they apply when newstui runs without --demo"
                )
                new = True  # news, not a problem
            if not config_existed and config_path.exists():
                made = created_config(config_path, "press a to add one")
                notice = f"{made}; {notice}" if notice else made
                new = True  # news, not a problem
            return run_app(
                path_argument(str(db_path)),
                config,
                demo=args.demo,
                notice=notice,
                notice_severity="information" if new else "warning",  # (news, not a problem)
            )
        finally:
            # Back on however the app ended, also before its first screen (a config error, no
            # terminal): a caller in the same process must not be left without a collector.
            gc.enable()
    try:
        with store_named(db_path):
            status = _run_on_store(args, command, db_path, explicit_config, dry_copy)
    except Exception as exc:
        # a fetch with nothing to fetch (no source in the config, an unknown name) made an empty
        # store: it goes, as after a failed add
        nothing_fetched = command == "fetch" and isinstance(exc, ConfigError)
        if new and (command in NOTHING_KEPT_ON_FAILURE or nothing_fetched):
            forget_new_store(db_path, new_folders)
        raise
    if new and status == 1 and command in NOTHING_KEPT_ON_FAILURE:
        forget_new_store(db_path, new_folders)
    elif new and command in ("fetch", "opml") and not getattr(args, "quiet", False):
        # (`opml import`: a Feedly leaver's first run; `fetch --quiet`: a cron line's)
        complain(f"newstui: created a new database at {db_path}")
    return status


def _run_on_store(
    args: argparse.Namespace,
    command: str,
    db_path: Path | str,
    explicit_config: bool,
    dry_copy: bool = False,
) -> int:
    """Run a command other than the app on its store (and config); `dry_copy`: the store is a
    dry run's temporary copy of an older one (its upgrade is not said)."""
    if command in CONFIGURED_COMMANDS:
        from newstui.config import Config

        writes = command == "add"
        # An import makes a config that does not exist yet only once its file reads (cmd_opml).
        importing = command == "opml" and args.opml_command == "import"
        # The demo database comes with no config: the user's feeds and settings are not its own.
        config = (
            Config(config_path_of(args))
            if args.demo or (importing and not config_path_of(args).exists())
            else command_config(
                config_path_of(args),
                explicit_config,
                writes=writes,
                quiet=getattr(args, "quiet", False),
            )
        )
        warn_about_password(config)
        upgrades: list[StoreUpgrade] = []
        if command == "fetch":
            with (
                first_fetch_pool(args, config, db_path) as pool,
                opened_library(db_path, upgrades=upgrades) as library,
            ):
                _say_folders_widened(library, config, upgrades)
                return cmd_fetch(args, library, config, pool)
        dry_run = importing and args.dry_run  # (a store it only reads)
        with opened_library(
            db_path, reading=dry_run, upgrades=upgrades, saying=not dry_copy
        ) as library:
            _say_folders_widened(library, config, upgrades)
            if command in CONFIG_FOLDERS_COMMANDS:
                _store_config_folders(library, config)
            return CONFIGURED_COMMANDS[command](args, library, config)
    if command == "backup":  # (the store as it is: never upgraded first, r44 M4)
        from newstui.cli.backup import cmd_backup

        return cmd_backup(
            args, str(db_path), emit, complain, None if args.demo else config_path_of(args)
        )
    if command == "restore":  # (the store is written over as a file, never opened first)
        from newstui.cli.backup import cmd_restore

        return cmd_restore(args, str(db_path), emit, None if args.demo else config_path_of(args))
    if command == "feeds" and args.update_moved:  # (writes the config and the store)
        from newstui.cli.feeds import cmd_update_moved

        if args.demo:
            raise NewstuiError("feeds --update-moved: the demo database has no config file")
        config = command_config(config_path_of(args), explicit_config)
        with opened_library(db_path) as library:
            return cmd_update_moved(args, library, config)
    optional = None if args.demo else optional_config(args, command, explicit_config)
    upgrades = []
    with opened_library(db_path, reading=command in READING_COMMANDS, upgrades=upgrades) as library:
        if not args.demo and _upgrade_to_tell(library, upgrades):  # (the config read for it)
            widened = optional
            with contextlib.suppress(ConfigError):  # (a broken one: said when it is read)
                widened = widened or optional_config(args, command, explicit_config, asked=True)
            if widened is not None:
                _say_folders_widened(library, widened, upgrades)
        if optional is not None and command in CONFIG_FOLDERS_COMMANDS:
            _store_config_folders(library, optional)
        return STORE_COMMANDS[command](args, library, optional)


def _upgrade_to_tell(library: Library, upgrades: list[StoreUpgrade]) -> bool:
    """Whether this run says what an upgrade of the store changed: the run that made it, and a
    run on a terminal while one is untold (a status line's `unread` made it, its stderr
    discarded)."""
    return bool(upgrades) or (stderr_seen() and library.untold_upgrade() is not None)


def _say_folders_widened(library: Library, config: Config, upgrades: list[StoreUpgrade]) -> None:
    """After the upgrade of a store round 47 or older wrote, the views and filters whose `tag:`
    folder has subfolders, which it takes now: one note, said by the run that upgraded it, and
    by the first run after it whose stderr is a terminal, if the upgrading one's was not (a
    status line's `unread`), which tells it for good (user test r49 LOW-5: a filter
    `tag:Sport` marked Sport/Football's articles read too, unsaid)."""
    if not _upgrade_to_tell(library, upgrades):
        return
    from newstui.query_folders import say_untold_widening

    say_untold_widening(library, config, lambda line: complain(f"note: {line}"), seen=stderr_seen())


def _store_config_folders(library: Library, config: Config) -> None:
    """The folders and names feeds.toml gives its sources now, stored before the command reads
    them (a `tags` edited by hand: user test r49 MED-9); a store that cannot be written (read
    only, another process's long write) is said in one warning line and read as it is."""
    from newstui.ingest.configured_sources import retag_sources

    try:
        retag_sources(library, config)
    except (NewstuiError, sqlite3.Error) as exc:
        complain(f"warning: the folders in {config.path} are not stored yet: {error_line(exc)}")
    if config.views or config.filters:  # a tag: naming no folder: said as a broken query is
        from newstui.query_folders import folder_tags, folder_warnings

        for line in folder_warnings(config, folder_tags(library, config)):
            complain(f"warning: {line}")


def cmd_download(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui download [ID...]`."""
    for article_id in args.ids:
        if not storable_id(article_id):
            raise NewstuiError(f"no article with id {article_id}")
    from newstui.cli.downloads import cmd_download as download

    return download(args, library, config, emit, stdout_console())


def cmd_downloads(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui downloads`."""
    from newstui.cli.downloads import cmd_downloads as downloads

    return downloads(args, library, config, emit, terminal_width)


ConfiguredCommand = Callable[[argparse.Namespace, Library, "Config"], int]


StoreCommand = Callable[[argparse.Namespace, Library, "Config | None"], int]


CONFIGURED_COMMANDS: dict[str, ConfiguredCommand] = {
    "add": cmd_add,
    "remove": cmd_remove,
    "fetch": cmd_fetch,
    "opml": cmd_opml,
    "sync": cmd_sync,
    "filters": cmd_filters,
    "cleanup": cmd_cleanup,
    "download": cmd_download,
}
"""Commands that read the config file (created from the example on first use)."""


STORE_COMMANDS: dict[str, StoreCommand] = {
    "import": cmd_import,
    "feeds": cmd_feeds,
    "unread": cmd_unread,
    "list": cmd_list,
    "search": cmd_search,
    "show": cmd_show,
    "mark": cmd_mark,
    "entities": cmd_entities,
    "quotes": cmd_quotes,
    "downloads": cmd_downloads,
}
"""Commands that need only the database (`feeds` also lists configured sources if it can).
`backup` reads the file as it is, not opened as a store (cli.backup)."""


CONFIG_FOLDERS_COMMANDS = frozenset({"feeds", "list", "search", "remove", "filters", "cleanup"})
"""Commands that go by the sources' folders or names and fetch nothing: the config's are stored
first (`fetch`, `add`, `import` and `opml import` register every configured source anyway)."""


READING_COMMANDS = frozenset({"feeds", "unread", "list", "search", "show", "entities", "quotes"})
"""Database commands that only read: they read a store whose write-ahead log's index cannot be
made beside it (a quota, `ulimit -f`: user test r45 M6), holding the store alone meanwhile."""


QUIET_COMMANDS = frozenset(
    {
        "unread",
        "list",
        "search",
        "show",
        "mark",
        "entities",
        "quotes",
        "downloads",
        "backup",
        "restore",
    }
)
"""Commands that never run the fetching pipeline: no logging set up for them (~4 ms)."""
