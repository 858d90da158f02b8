"""The config file a command reads: its path, made from the example on first use, read when the
command can use one, and its warnings (saved views, passwords others can read)."""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newstui.cli.arguments import path_argument
from newstui.cli.output import complain
from newstui.errors import ConfigError, NewstuiError
from newstui.model.names import name_key
from newstui.paths import default_config_path

if TYPE_CHECKING:
    # pathlib (~17M instructions with urllib.parse and ipaddress): --db and --config stay text
    # until a command needs a Path (see store_path_of)
    from pathlib import Path

    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config


def config_path_of(args: argparse.Namespace) -> Path:
    """The config file: --config, else NEWSTUI_CONFIG, else the platform's config folder's."""
    return default_config_path() if args.config is None else path_argument(args.config)


def command_config(
    path: Path,
    explicit: bool,
    *,
    writes: bool = False,
    say_created: bool = True,
    warn: bool = True,
    quiet: bool = False,
) -> Config:
    """The config. A file that does not exist yet is created from the example on first use of the
    default path; a command that writes the config (`add`; `opml import` makes it itself) reads
    the example and writes the file only when it succeeds. An explicit --config/NEWSTUI_CONFIG
    path that does not exist is an error for every other command: read as empty, a typo would
    let `fetch` drop every configured source from the database. A saved view that does not
    parse is one warning line each (`warn`; the app shows them itself), not a stop; `quiet`
    (a cron line's --quiet) leaves out the notes on entries that work as read."""
    from newstui.config import load_config, parse_config
    from newstui.config.example import ensure_config, example_config_text

    if not path.exists():
        if writes:  # what it will write: the example (no feeds), then the user's feeds
            return parse_config(path, example_config_text())
        if _explicit_config(explicit):
            raise ConfigError(_MISSING_CONFIG.format(path=path), source=str(path))
        ensure_config(path)
        if say_created:  # (the app says it in its first notice)
            complain(f"newstui: {created_config(path, '`newstui add URL` adds one')}")
    with about_source(str(path)):
        config = load_config(path)
    for warning in config.warnings if warn else ():
        if not (quiet and warning in config.notes):
            complain(f"warning: {warning}")
    return config


def created_config(path: Path, how: str) -> str:
    """What a first run says of the config file it made: where, and how to add a feed (the
    example's feeds are in it commented out, as suggestions)."""
    from newstui.sources.newsboat_urls import newsboat_import_hint

    made = f"created the config file {path} with no feeds yet: {how}, or uncomment an example in it"
    return made + ("." + hint.removesuffix(".") if (hint := newsboat_import_hint()) else "")


_MISSING_CONFIG = (
    "{path}: config file not found (check the path, or create it with `newstui add URL` or "
    "`newstui opml import FILE`)"
)


def _explicit_config(option: bool) -> bool:
    """Whether the config path was named (--config or NEWSTUI_CONFIG), not the default one."""
    return option or bool(os.environ.get("NEWSTUI_CONFIG"))


@contextlib.contextmanager
def about_source(source: str) -> Iterator[None]:
    """An error raised inside names `source` (a file, server or feed) for --json, unless it names
    one already."""
    try:
        yield
    except NewstuiError as exc:
        exc.source = exc.source or source
        raise


def optional_config(
    args: argparse.Namespace, command: str, explicit: bool, *, asked: bool = False
) -> Config | None:
    """The config of a command that needs only the database but uses the config when there is
    one (never made by it: a default path not made yet is no config). `feeds` lists the
    configured sources, `import` analyses with its extractor, `list --view` lists a saved view,
    `downloads --delete` deletes only inside its download_dir: a bad config stops them. `list`,
    `search` and `show` otherwise do their job without it and say what is wrong in one warning
    line, the app's and `fetch`'s message. `asked`: read by the command itself, only when it
    decides something (`show`: an extractor "none" finds nothing in any language)."""
    deletes = command == "downloads" and args.delete  # only inside download_dir
    if command not in OPTIONAL_CONFIG_COMMANDS and not deletes and not asked:
        return None
    path = config_path_of(args)
    if not path.exists() and (asked or not _explicit_config(explicit)):
        return None  # (`show` ignores a config path with no file, as README says)
    named: str = (getattr(args, "view", None) or "") if command == "list" else ""
    try:
        config = command_config(path, explicit, warn=not named and not asked)
        for view in config.views if named else ():  # the named one's problem is the error
            if view.problem and name_key(view.name) != name_key(named):
                complain(f"warning: {view.problem}")
        return config
    except ConfigError as exc:
        if command in ("list", "search", "show") and not getattr(args, "view", None):
            complain(f"warning: {exc}")
            return None
        raise


def warn_about_password(config: Config) -> None:
    """Warn, in one line, when the sync password or feeds' passwords sit in a config file other
    users can read."""
    from newstui.config.passwords import feed_password_warning

    warning = None
    if config.sync is not None:
        from newstui.sync.credentials import password_warning

        warning = password_warning(config.sync, config.path)
    warning = warning or feed_password_warning(config)  # (the sync's says chmod 600 too)
    if warning:
        complain(f"warning: {warning}")


OPTIONAL_CONFIG_COMMANDS = frozenset({"feeds", "import", "list", "search"})
"""Database commands that read the config when there is one (see `optional_config`)."""
