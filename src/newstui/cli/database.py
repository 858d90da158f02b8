"""Which database a command works on (--db, the demo, the default), opening it with the store's
notices, and forgetting a new one a failed command made."""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newstui.busy import busy_error, waiting_notice
from newstui.cli.arguments import path_argument
from newstui.cli.output import complain
from newstui.counts import counted
from newstui.errors import NewstuiError, StoreError
from newstui.library import Library
from newstui.paths import default_db_path, demo_db_path, opened_as_written
from newstui.text import shown_name

if TYPE_CHECKING:
    # pathlib (~17M instructions with urllib.parse and ipaddress): --db and --config stay text
    # until a command needs a Path (see store_path_of)
    from pathlib import Path

    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.model.store_upgrade import StoreUpgrade


WRITING_COMMANDS = (
    "add",
    "remove",
    "fetch",
    "import",
    "sync",
    "filters",
    "download",
    "restore",
)
"""Commands the demo database refuses: they add or remove sources, or edit the config. `opml
import` too; `opml export` and `cleanup` run on the demo (it has no config: no feeds, no
retention)."""


_DEMO_TAKES = "the demo database takes no new sources"


_DEMO_REFUSALS = {
    "remove": "the demo database's sources cannot be removed",
    "filters": "the demo has no config file to hold filters",
    "download": "the demo has no enclosures to download",
    "restore": "the demo database is rebuilt by `newstui demo`, not restored",
}
"""Why the demo refuses a command that does not add sources (the others: `_DEMO_TAKES`)."""


def store_path_of(args: argparse.Namespace, command: str) -> Path | str:
    """The database the command works on (the demo's, built if need be, with --demo); a --db
    that pathlib would keep as written, in a folder that exists, as its text."""
    if args.demo:
        from newstui.demo import ensure_demo_db

        if args.db is not None:
            raise NewstuiError("--demo uses the built-in demo database: drop --db, or drop --demo")
        importing = command == "opml" and args.opml_command == "import"
        if command in WRITING_COMMANDS or importing:
            raise NewstuiError(
                f"{command}: {_DEMO_REFUSALS.get(command, _DEMO_TAKES)}; drop --demo"
            )
        db = demo_db_path()
        rebuilt = ensure_demo_db(db)
        if rebuilt is not None:  # (the app shows it too: this line is under its screen)
            complain(f"newstui: {rebuilt}")
            args.demo_rebuilt = rebuilt
        return db
    if args.db is None:
        return default_db_path()
    if opened_as_written(args.db):
        return args.db  # what Path(args.db) would be, without loading pathlib
    db = path_argument(args.db)
    if not db.expanduser().parent.is_dir():
        raise NewstuiError(f"{db}: folder {db.expanduser().parent} does not exist", source=str(db))
    return db


NOTHING_KEPT_ON_FAILURE = frozenset({"add", "import", "opml"})
"""Commands whose failure stores nothing worth keeping (`opml` makes a store only to import).
A failed `fetch` keeps each feed's error for `feeds`, a failed `sync` the server's error and
its Retry-After wait."""


def missing_folders(db_path: Path | str) -> list[str]:
    """The folders above `db_path` that do not exist yet, innermost first: those opening a new
    store there makes."""
    folders: list[str] = []
    folder = os.path.dirname(os.path.abspath(os.path.expanduser(db_path)))
    while not os.path.exists(folder) and os.path.dirname(folder) != folder:
        folders.append(folder)
        folder = os.path.dirname(folder)
    return folders


def forget_new_store(db_path: Path | str, made: Sequence[str] = ()) -> None:
    """Remove the database a failed `add`, `import` or `opml import` made, if it holds nothing
    of its own (the configured sources it listed come back from the config): a mistyped --db
    leaves no empty store for the reading commands to answer from. One holding an article or a
    fetch's outcome, or open in another process, stays. The folders `made` for it go too, each
    while empty (user test r45 L7: an empty ~/.local/share/newstui/ was left)."""
    if os.path.exists(db_path):  # (a fetch with nothing to fetch made only the folders)
        if Library.open_elsewhere(db_path):
            return
        try:
            with Library.open(db_path) as library:
                tried = any(s.last_fetched or s.last_error for s in library.sources())
                if tried or library.count():
                    return
        except (NewstuiError, sqlite3.Error):
            return
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{db_path}{suffix}")
    for folder in made:
        try:
            os.rmdir(folder)
        except OSError:  # (something else is there now)
            break


STORE_MAKERS = frozenset({"app", "fetch", "add", "import", "sync", "restore"})
"""Commands that bring articles in, and so make a database that does not exist yet (so does
`opml import`); the others read or change what is stored and refuse a --db that is not there."""


def makes_a_store(args: argparse.Namespace, command: str) -> bool:
    return command in STORE_MAKERS or (command == "opml" and args.opml_command == "import")


def no_store(args: argparse.Namespace, db_path: Path | str) -> str:
    """What a command that only reads or changes stored data opens when its database does not
    exist: a path the user named (--db, NEWSTUI_DB) is refused, for a typo would make an empty
    database and answer from it; before the first fetch, the default path is an empty store in
    memory (`feeds` lists the configured feeds, `list` says there are no articles), and no
    file is made."""
    named = "--db" if args.db is not None else "NEWSTUI_DB" if os.environ.get("NEWSTUI_DB") else ""
    if named:
        raise StoreError(
            f"no newstui database at {shown_name(str(db_path))} (check {named}; `newstui fetch`, `add` or "
            "`import` make one)",
            source=str(db_path),
        )
    return ":memory:"


@contextlib.contextmanager
def store_named(db_path: Path | str) -> Iterator[None]:
    """A database error of the command names its file (sqlite3 names none: "database is
    locked", "disk I/O error"); a write that waited in vain for another process's names that
    process too."""
    try:
        yield
    except sqlite3.Error as exc:
        if Library.is_busy(exc):
            raise busy_error(db_path) from exc
        raise StoreError(f"{db_path}: database error: {exc}", source=str(db_path)) from exc


def opened_library(
    db_path: Path | str,
    *,
    reading: bool = False,
    upgrades: list[StoreUpgrade] | None = None,
    saying: bool = True,
) -> Library:
    """The command's store, opened; the first open after an upgrade that makes every story
    sketch again (~50 s for 20,000 articles) says so first, on stderr. `reading`: the command
    only reads (READING_COMMANDS); `upgrades` gets the upgrade this open made, if it made one
    (what it changed for the config's views is said after: cli.main). `saying` False: an
    upgrade is not said (a dry run's temporary copy of an older store)."""

    def upgraded(upgrade: StoreUpgrade) -> None:
        if saying:
            _say_upgraded(upgrade)
        if upgrades is not None:
            upgrades.append(upgrade)

    return Library.open(
        db_path,
        upgrading=_say_upgrading if saying else _say_nothing,
        waiting=waiting_notice(db_path, complain),
        upgraded=upgraded,
        reading=reading,
        upgrade_elsewhere=_say_upgrade_waited,
    )


def _say_nothing(articles: int) -> None:
    """An upgrade of a store nobody keeps (a dry run's copy) is not announced."""


def _say_upgraded(upgrade: StoreUpgrade) -> None:
    from newstui.render import store_upgraded_line

    # the store's path and SQLite's text in it are cleaned: an escape in --db reached the
    # terminal (hostile r45 H6)
    complain(f"newstui: {store_upgraded_line(upgrade)}")


def _say_upgrading(articles: int) -> None:
    print(
        f"newstui: upgrading the store: {counted(articles, 'article')}…",
        file=sys.stderr,
        flush=True,
    )


def _say_upgrade_waited() -> None:
    print(
        "newstui: waiting for the upgrade of the store another newstui is making…",
        file=sys.stderr,
        flush=True,
    )
