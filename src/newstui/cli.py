"""Command line: parse arguments, call the core, print rich tables or --json. No SQL here."""

from __future__ import annotations

import argparse
import builtins
import contextlib
import dataclasses
import errno
import functools
import itertools
import json
import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from newstui import __version__, nlp_build
from newstui.busy import busy_error, waiting_notice
from newstui.counts import counted, plural
from newstui.errors import (
    BackupRefused,
    ConfigError,
    NewstuiError,
    SourceChoiceError,
    SourceError,
    StoreError,
    SyncError,
    hide_passwords,
    hide_url_password,
)
from newstui.headline_fields import (
    UNDATED,
    article_row_json,
    cell_width,
    cut_to_width,
    date_without_time,
    shown_date,
)
from newstui.library import Library
from newstui.local_times import in_message, short_time
from newstui.model import (
    ENTITY_TYPES,
    NEWEST_FIRST,
    SORT_KEYS,
    ArticleFilter,
    ArticleRow,
    FeedRow,
    SortOrder,
)
from newstui.model.names import loose_name_key, name_key, name_order, shows_nothing, visible_name
from newstui.newsboat_options import newsboat_option
from newstui.paths import default_config_path, default_db_path, demo_db_path, opened_as_written
from newstui.signals import (
    EXIT_GRACE,
    Stopped,
    exit_status,
    exit_within,
    quiet_after_stop,
    stop_on_signals,
)
from newstui.text import clean_line, shown_name, terminal_safe
from newstui.word_lists import listed

# asyncio too is imported by the commands that fetch or sync: it costs a quick command ~30 ms.
if TYPE_CHECKING:  # ingest (feedparser, httpx, worker pools) is imported by the commands that fetch
    # pathlib (~17M instructions with urllib.parse and ipaddress): --db and --config stay text
    # until a command needs a Path (see _db_path)
    from pathlib import Path

    # rich (~100M instructions to import) prints tables, terminal output and errors; a listing
    # piped to another program is written as plain lines without it (see _plain_width)
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config, FeedConfig, KeysConfig, LocalConfig
    from newstui.config.settings_edits import SettingsAdded
    from newstui.config.tables import FilterConfig
    from newstui.downloads import EpisodesQueued
    from newstui.model import CleanupReport, RemovedSource, SourceOutcome
    from newstui.model.downloads import Download
    from newstui.model.failure_news import LastFetch
    from newstui.model.marks import MarksTaken, WaitingMarks
    from newstui.model.store_upgrade import StoreUpgrade
    from newstui.processes import CpuPool
    from newstui.query import Query  # the query language: by the commands given a query
    from newstui.sources.discovery import FeedLink
    from newstui.sources.newsboat_cache import NewsboatState
    from newstui.sources.newsboat_config import IgnoreRule, NewsboatConfig


@functools.cache
def _stdout() -> Console:
    """The rich console of standard output, made on first use (it reads COLUMNS then)."""
    return _pipe_console()(highlight=False)


@functools.cache
def _stderr() -> Console:
    """The rich console of standard error, made on first use."""
    return _pipe_console()(stderr=True, highlight=False)


@functools.cache
def _pipe_console() -> type[Console]:
    """rich's Console, with a closed pipe left to `main` (exit 0, as a plain listing does): rich
    ends the program with status 1 itself, so `newstui feeds | head -1` failed where `list` did
    not."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True  # nothing more is written, the buffer is dropped
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return PipeConsole


def _article_id(text: str) -> int:
    """An article id: a whole number (one no article can have, 0 or 2**63, is answered as an id
    not stored is: "no article with id 0", exit status 1)."""
    return _whole(text, "not an article id")


_WHOLE = re.compile(r"\s*[+-]?[0-9]{1,100}\s*", re.ASCII)


def _whole(text: str, problem: str) -> int:
    """A whole number written in ASCII digits (int() also takes '١' or '1_0'); one of over 100
    digits, no id or count, is refused with its start only, not echoed whole."""
    if not _WHOLE.fullmatch(text):
        shown = repr(text) if len(text) <= 40 else f"{text[:20]!r}… ({len(text):,} characters)"
        raise argparse.ArgumentTypeError(f"{problem}: {shown}")
    return int(text)


def _storable(article_id: int) -> bool:
    """Whether an id is one SQLite can hold and an article can have (1 to 2**63 - 1)."""
    return 0 < article_id < 2**63


class _UsageError(NewstuiError):
    """A command line argparse cannot refuse alone (`mark 7` with no action): exit status 2, kind
    `usage`, as argparse's own errors."""


def _count(text: str) -> int:
    """A --limit, a download id or an enclosure number: a whole number from 1 to the largest SQLite
    can take."""
    value = _whole(text, "not a whole number")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    if value >= 2**63:
        raise argparse.ArgumentTypeError(f"must be at most {2**63 - 1:,}, not {text}")
    return value


def _source_name(text: str) -> str:
    """An add or import --name: empty (the feed's title, the file's name), or one that shows
    (a name of invisible characters alone, a joiner or a Hangul filler, was a blank line in
    Sources and `feeds`)."""
    from newstui.text import clean_line

    if text and shows_nothing(clean_line(text)):
        raise argparse.ArgumentTypeError(
            f"shows nothing: it is only invisible characters ({text!a})"
        )
    return text


def _entity_name(text: str) -> str:
    """An entities --name or quotes --speaker: a name with a letter or digit, its spaces made
    single (an empty --speaker '' listed every quote)."""
    if not any(ch.isalnum() for ch in text):
        raise argparse.ArgumentTypeError("needs a name: letters or digits")
    return " ".join(text.split())


def _since(text: str) -> str | date:
    """A --since: a day (YYYY-MM-DD, the local day, counted as after:DAY counts it, with its
    date-only articles) → that date, or an age (7d, 12h, 2w) → the ISO time (UTC) it starts."""
    from datetime import timedelta

    from newstui.query import AGE_UNITS

    text = text.strip()
    match = re.fullmatch(r"(\d{1,6})([mhdw])", text)
    if match:
        try:
            moment = datetime.now(UTC) - timedelta(seconds=int(match[1]) * AGE_UNITS[match[2]])
        except OverflowError:  # 999999w: before the year 1
            raise argparse.ArgumentTypeError(
                f"{text!r} reaches back before the year 1 (try a date, YYYY-MM-DD)"
            ) from None
        return moment.replace(microsecond=0).isoformat()
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return _bad_since(text)
    return _bad_since(text) if day is None else day


def _bad_since(text: str) -> str:
    raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD) or an age like 7d: {text!r}")


JSON_HELP = "print machine-readable JSON (an error is a JSON object too)"


def _path(text: str) -> Path:
    """A path argument (pathlib is loaded when a command takes one)."""
    from pathlib import Path

    return Path(text)


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (it loads bz2 and lzma)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as argparse makes it, found without shutil: every parser
    and argument makes one, and shutil's import cost a listing ~7M instructions."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = _terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad command line reported as a JSON error object when it asks for --json
    (the exit status stays 2)."""

    def __init__(
        self,
        *args: Any,
        json_errors: bool = False,
        paths_epilog: bool = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)
        self.json_errors = json_errors
        self.paths_epilog = paths_epilog

    def format_help(self) -> str:
        if self.paths_epilog:  # only --help shows them: finding them may load platformdirs
            self.epilog = (
                f"config file: {default_config_path()} (NEWSTUI_CONFIG or --config to change); "
                f"database: {default_db_path()} (NEWSTUI_DB or --db to change)"
            )
        return super().format_help()

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", functools.partial(_Parser, json_errors=self.json_errors))
        return super().add_subparsers(**kwargs)

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # Python 3.11's argparse drops a "--" that is an option's own value (`--speaker=--`) and
        # hands the command an empty list no type function saw (a TypeError or AttributeError
        # later): that value is the text "--", checked like any other.
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and not hasattr(parsed, "_refused_by"):  # the innermost command's words
            parsed._refused_by = self.prog
        return parsed, extras

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        command = getattr(parsed, "command", None)
        if getattr(parsed, "json_before_command", False) or (
            "--json" in extras and command in (None, "app")
        ):
            self.error(
                "--json is for a command's output, and the app has none (try `newstui feeds --json`)"
            )
        if not extras:
            return parsed
        # the command that refused them, not the top parser that reports argparse's leftovers
        self.prog = getattr(parsed, "_refused_by", self.prog)
        self.error(f"unrecognized arguments: {' '.join(extras)}")

    def error(self, message: str) -> NoReturn:
        """A usage error as one line naming the problem and where the help is (argparse printed
        the usage too: 2-4 lines), or as a JSON object with --json; the exit status is 2."""
        message = usage_problem(message)
        if self.json_errors:
            _print_json_error(f"{self.prog}: {message}", "usage")
        else:
            _complain(f"{self.prog}: {message} (see `{self.prog} --help`)")
        self.exit(2)


def usage_problem(message: str) -> str:
    """argparse's message, with an unknown command said as such (and the nearest one named)
    instead of "invalid choice: … (choose from" every command)."""
    unknown = re.match(
        r"argument (?:COMMAND|ACTION): invalid choice: '([^']*)' \(choose from (.*)\)$", message
    )
    if unknown is None:
        return message
    import difflib

    word, choices = unknown[1], re.findall(r"'?([\w-]+)'?", unknown[2])
    near = difflib.get_close_matches(word, choices, n=1)
    return f"unknown command {word!r}" + (f" (did you mean {near[0]!r}?)" if near else "")


def build_parser(*, json_errors: bool = False, only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser for every command, or with `only` for that command alone (the one a
    command line names: building all twenty costs a quick command ~25M instructions);
    `json_errors`: usage errors as a JSON object."""
    parser = _Parser(
        json_errors=json_errors,
        prog="newstui",
        description="A terminal news reader that understands what it shows. "
        "With no command, opens the reading app.",
        paths_epilog=True,
    )
    parser.add_argument(
        "--version", action="version", version=f"newstui {__version__} (nlp: {nlp_build()})"
    )
    parser.add_argument("--db", help="database file (default: NEWSTUI_DB or the data dir)")
    parser.add_argument("--config", help="config file (default: NEWSTUI_CONFIG or the config dir)")
    parser.add_argument(
        "--demo", action="store_true", help="use the built-in demo database (no network needed)"
    )
    parser.add_argument(  # (moved behind the command before parsing: json_after_command)
        "--json",
        action="store_true",
        dest="json_before_command",
        default=argparse.SUPPRESS,
        help="a command's output as JSON, as the command's own --json (`newstui --json feeds`)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def wanted(*names: str) -> bool:
        return only is None or only in names

    def command(name: str, help_: str, *, json_output: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        if json_output:
            p.add_argument("--json", action="store_true", help=JSON_HELP)
        # The global options are accepted after the command too.
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        p.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return p

    if wanted("app"):
        command("app", "open the reading app (the default)", json_output=False)
    if wanted("add"):
        p = command(
            "add",
            "add a feed to the config file and fetch it; with [sync], subscribe to it on the "
            "server (a feed the server refuses is fetched here from a [[feeds]] entry written "
            "to the config file by hand)",
        )
        p.add_argument(
            "url",
            metavar="URL",
            help="the feed's http(s) address, or a web page that announces its feed",
        )
        p.add_argument("--name", type=_source_name, help="display name (default: the feed's title)")
        p.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    if wanted("remove"):
        p = command(
            "remove",
            "remove a feed or local source from the config file and its articles from the database "
            "(with [sync], a server subscription is unsubscribed)",
        )
        p.add_argument(
            "name", nargs="?", metavar="NAME|URL", help="the source's name, feed URL or local path"
        )
        p.add_argument(
            "--tag",
            metavar="TAG",
            help="remove every source tagged TAG instead (an imported folder), after asking",
        )
        p.add_argument("--yes", action="store_true", help="with --tag: remove without asking")
        p.add_argument(
            "--purge", action="store_true", help="delete its starred articles too (kept by default)"
        )
    if wanted("fetch"):
        p = command("fetch", "fetch every feed and local source of the config, or the named ones")
        p.add_argument(
            "names", nargs="*", metavar="NAME", help="source names, feed URLs or local paths"
        )
        group = p.add_mutually_exclusive_group()
        group.add_argument(
            "--fulltext",
            dest="fulltext",
            action="store_true",
            default=None,
            help="fetch the full article page for every new entry",
        )
        group.add_argument(
            "--no-fulltext", dest="fulltext", action="store_false", help="never fetch article pages"
        )
        p.add_argument(
            "--download",
            action="store_true",
            help="then download what is queued (the new episodes download_new queued, as "
            "`newstui download`), whether or not every source was read",
        )
        p.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="for cron: print nothing unless a source fails otherwise than at its last fetch "
            "(or reads again after failing), or a download fails; the exit status still tells",
        )
    if wanted("import"):
        p = command("import", "import local files and folders (text, Markdown, HTML, feed files)")
        p.add_argument(
            "paths",
            nargs="+",
            type=_path,
            metavar="PATH",
            help="a file or folder (read recursively)",
        )
        p.add_argument(
            "--name", type=_source_name, help="source name (default: the file or folder name)"
        )
        p.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    if wanted("feeds"):
        command("feeds", "list sources with article and unread counts, last fetch and error")
    if wanted("unread"):
        command(
            "unread",
            "print how many articles are unread, one number (as the app's Unread counts them: a "
            "story once), for a status bar",
        )
    if wanted("list"):
        p = command("list", "list articles, newest first")
        p.add_argument("--feed", metavar="NAME", help="only this feed")
        p.add_argument("--tag", help="only feeds with this tag or one under it (a folder)")
        p.add_argument("--unread", action="store_true", help="only unread articles")
        p.add_argument("--starred", action="store_true", help="only starred articles")
        p.add_argument(
            "--hidden",
            action="store_true",
            help="only articles a [[filters]] entry hid (the app's Hidden view)",
        )
        p.add_argument(
            "--query", metavar="QUERY", help="only articles matching a query (see `newstui search`)"
        )
        p.add_argument(
            "--view",
            metavar="NAME",
            help="only the articles of a saved view (a [[views]] entry of the config)",
        )
        p.add_argument(
            "--sort",
            default="date",
            choices=[f"{key}{suffix}" for key in SORT_KEYS for suffix in ("", "-reverse")],
            metavar="ORDER",
            help="date (newest first, the default), feed or title (A to Z); -reverse reverses "
            "(e.g. title-reverse)",
        )
        size = p.add_mutually_exclusive_group()
        size.add_argument(
            "--limit", type=_count, default=50, metavar="K", help="at most K articles (default 50)"
        )
        size.add_argument(
            "--all", dest="limit", action="store_const", const=None, help="every matching article"
        )
        p.add_argument(
            "--text",
            action="store_true",
            help="with --json: each article's text and summary too (written as it is read, "
            "however many: `list --all --json --text` exports them all)",
        )
    if wanted("search"):
        p = command(
            "search",
            'find articles with a query, best text matches first: words, "phrases", prefix*, '
            "AND/OR/NOT/-word, (…), title: author: text: feed: tag:, unread starred has:fulltext "
            'has:enclosure has:quotes, after:/before:YYYY-MM-DD age:<3d, person:"…" org: place: '
            "group: speaker: quotes:",
        )
        p.add_argument("query", nargs="+", metavar="QUERY", help="the query (words are joined)")
        p.add_argument(
            "--limit", type=_count, default=50, metavar="K", help="at most K (default 50)"
        )
    if wanted("show"):
        p = command("show", "print one article as readable text")
        p.add_argument("id", type=_article_id, metavar="ID", help="the article's id (see `list`)")
    if wanted("mark"):
        p = command("mark", "mark articles read/unread/starred")
        p.add_argument("ids", nargs="+", type=_article_id, metavar="ID", help="article ids")
        read = p.add_mutually_exclusive_group()
        read.add_argument(
            "--read", dest="read", action="store_true", default=None, help="mark them read"
        )
        read.add_argument("--unread", dest="read", action="store_false", help="mark them unread")
        star = p.add_mutually_exclusive_group()
        star.add_argument(
            "--star", dest="starred", action="store_true", default=None, help="star them"
        )
        star.add_argument("--unstar", dest="starred", action="store_false", help="unstar them")
    if wanted("entities"):
        p = command("entities", "list people, organisations, places and groups with article counts")
        p.add_argument(
            "--type", choices=ENTITY_TYPES, type=str.upper, help="only entities of this type"
        )
        p.add_argument(
            "--name",
            type=_entity_name,
            metavar="TEXT",
            help="only entities this name stands for, as person:, org:, place: and group: find "
            "them (aliases, other names articles used, more or fewer middle names)",
        )
        _limit_or_all(p, 100, "entity")
    if wanted("quotes"):
        p = command("quotes", "list direct quotes with their speakers, newest first")
        p.add_argument(
            "--speaker",
            type=_entity_name,
            metavar="NAME",
            help="only this speaker (full name or surname)",
        )
        p.add_argument(
            "--since",
            type=_since,
            metavar="DATE",
            help="only quotes from articles dated on or after DATE (YYYY-MM-DD, or an age like 7d); "
            "an undated article counts from when it was first seen, as in after: and age:",
        )
        _limit_or_all(p, 100, "quote")
    if wanted("filters"):
        command(
            "filters",
            "apply the config's [[filters]] to articles they have not seen and list what each matched",
        )
    if wanted("opml"):
        p = command(
            "opml",
            "import feeds from OPML or newsboat's urls file, or export them as OPML 2.0",
            json_output=False,
        )
        opml = p.add_subparsers(dest="opml_command", metavar="ACTION", required=True)
        help_ = "add the feeds of an OPML file (or of newsboat's urls file) to the config"
        p2 = opml.add_parser("import", help=help_, description=help_)
        p2.add_argument(
            "file", type=_path, metavar="FILE", help="the OPML file, or newsboat's urls file"
        )
        p2.add_argument(
            "--newsboat-cache",
            type=_path,
            metavar="CACHE",
            help="newsboat's cache.db to take read and starred marks from (default: beside the "
            "urls file, else ~/.local/share/newsboat)",
        )
        p2.add_argument(
            "--no-read-state",
            action="store_true",
            help="take no read or starred marks from newsboat's cache",
        )
        p2.add_argument("--json", action="store_true", help=JSON_HELP)
        help_ = (
            "write the configured feeds, and those only on the sync server, as OPML (stdout by "
            "default)"
        )
        p2 = opml.add_parser("export", help=help_, description=help_)
        p2.add_argument(
            "file",
            type=_path,
            nargs="?",
            metavar="FILE",
            help="write it to FILE (refused when FILE exists, unless --force)",
        )
        p2.add_argument(
            "--force", action="store_true", help="replace FILE when it exists (an earlier export)"
        )
        p2.add_argument(
            "--json",
            action="store_true",
            help="with FILE: print what was written as JSON (without FILE the OPML goes to stdout)",
        )
    if wanted("cleanup"):
        p = command(
            "cleanup",
            "remove articles past the keep_days / keep_per_feed settings (never starred ones, nor "
            "unread ones fetched recently) and say what went, per feed; fetch runs it too",
        )
        p.add_argument(
            "--dry-run", action="store_true", help="only say what would be removed; remove nothing"
        )
        p.add_argument(
            "--left-config",
            action="store_true",
            help="also delete now the sources kept since they left the config file (they go "
            "on their own 30 days after); starred articles stay",
        )
    if wanted("backup"):
        p = command(
            "backup",
            "copy the database into FILE as of now, also while another newstui writes to it "
            "(SQLite's online backup), as one file that newstui reads as its database",
        )
        from newstui.cli_backup import add_arguments as backup_arguments

        backup_arguments(p, _path)
    if wanted("restore"):
        p = command(
            "restore",
            "put a backup (FILE) back as the database, keeping the database as it was beside "
            "it; refused while another newstui has it open",
        )
        from newstui.cli_backup import add_restore_arguments

        add_restore_arguments(p, _path)
    if wanted("download", "downloads"):
        from newstui.cli_downloads import add_arguments as download_arguments

        download_arguments(
            command(
                "download",
                "queue the enclosures (podcasts, files) of articles and download everything queued "
                "into download_dir, resuming partial files",
            ),
            command(
                "downloads",
                "list the download queue: state, progress, file; --forget or --delete entries "
                "(a running one is stopped)",
            ),
            _article_id,
            _count,
        )
    if wanted("demo"):
        command("demo", "build (or rebuild) the demo database and print its path")
    if wanted("sync"):
        p = command(
            "sync",
            "sync read/starred marks, subscriptions and new items with the [sync] server",
        )
        p.add_argument(
            "action",
            nargs="?",
            choices=["login"],
            metavar="ACTION",
            help="login: check the [sync] settings and password, and say what is wrong",
        )
    return parser


def _limit_or_all(p: argparse.ArgumentParser, default: int, what: str) -> None:
    """`--limit K` (at most K, `default` when not given) or `--all`, as `list` has them."""
    size = p.add_mutually_exclusive_group()
    size.add_argument(
        "--limit", type=_count, default=default, metavar="K", help=f"at most K (default {default})"
    )
    size.add_argument(
        "--all", dest="limit", action="store_const", const=None, help=f"every matching {what}"
    )


def _readable_arguments(args: argparse.Namespace) -> argparse.Namespace:
    """Text arguments (names, tags, queries) with bytes that are not UTF-8 as U+FFFD.

    The OS hands such bytes over as lone surrogates, which SQLite and the terminal refuse; paths
    keep them, so a file with such a name still opens.
    """
    for key, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, key, _readable(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, key, [_readable(v) for v in value])
    return args


def _readable(text: str) -> str:
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no decoder made
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


COMMANDS = frozenset(
    "app filters add remove fetch import feeds unread list search show mark entities quotes opml "
    "cleanup download downloads demo sync backup restore".split()
)


def _command_named(words: list[str]) -> str | None:
    """The command a command line names ("app" when it names none) when everything before it is
    a global option spelled out in full (--db X, --db=X, --config X, --config=X, --demo), so
    argparse reads them alike with its parser alone; else None (every parser is built: help,
    abbreviations, mistakes)."""
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("--db", "--config"):
            i += 2
        elif word == "--demo" or word.startswith(("--db=", "--config=")):
            i += 1
        else:
            return word if word in COMMANDS else None
    return "app" if i == len(words) else None


def json_after_command(words: list[str]) -> list[str]:
    """The command line with a `--json` typed among the global options moved behind the command
    (`newstui --json feeds` is `newstui feeds --json`); argparse said "unrecognized arguments:
    --json" of an option every command but the app has."""
    kept: list[str] = []
    moved = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--json":
            moved, i = True, i + 1
        elif word in ("--db", "--config"):
            kept += words[i : i + 2]
            i += 2
        elif word == "--demo" or word.startswith(("--db=", "--config=")):
            kept.append(word)
            i += 1
        else:
            break
    if not moved or i == len(words) or words[i] not in COMMANDS or words[i] == "app":
        return words
    rest = words[i:]
    end = rest.index("--") if "--" in rest else len(rest)
    return [*kept, *rest[:end], "--json", *rest[end:]]


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser that reads this command line: its command's alone when that reads it exactly
    as the whole parser does, else the whole parser (help, abbreviations, mistakes)."""
    words = list(argv)
    before_dashes = words[: words.index("--")] if "--" in words else words
    return build_parser(json_errors="--json" in before_dashes, only=_command_named(words))


def excluded_words_kept(words: list[str]) -> list[str]:
    """The command line with a query's `-word` (the query language's "not") kept as query text:
    `search flood -drought` puts `-drought` after a `--`, and `list --query -drought` becomes
    `--query=-drought`; argparse would read either as an unknown option. A word starting with
    one dash (not `-h`) names no option of these commands."""
    command = _command_named(words)
    if command not in ("search", "list"):
        return words
    start = words.index(command) + 1
    rest = words[start:]
    if "--" in rest:
        return words  # the user separated them already
    if command == "list":
        kept = list(words[:start])
        for word in rest:
            if kept[-1] == "--query" and _excluded_word(word):
                kept[-1] = f"--query={word}"
            else:
                kept.append(word)
        return kept
    options: list[str] = []
    query: list[str] = []
    for i, word in enumerate(rest):
        value = bool(i) and rest[i - 1] in _VALUED  # --limit -3, --db PATH: the option's value
        if _excluded_word(word) and not value:
            query.append(word)
        elif word.startswith("-") or value:
            options.append(word)
        else:
            query.append(word)
    if not any(_excluded_word(word) for word in query):
        return words
    return [*words[:start], *options, "--", *query]


_VALUED = frozenset({"--limit", "--db", "--config"})
"""Options of `search` whose value is the next word."""


def _excluded_word(word: str) -> bool:
    return len(word) > 1 and word.startswith("-") and not word.startswith("--") and word != "-h"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newstui` command; returns the exit status. Standard output in an
    encoding that lacks some characters gets stand-ins for them, and one warning line at the
    end says so (cli_encoding; user test r44 L1: tables printed only the encoding error)."""
    stand_ins = None
    if _ascii_json():  # (not UTF-8)
        from newstui.cli_encoding import stand_ins_for

        stand_ins = stand_ins_for(sys.stdout)
    try:
        return _main(argv)
    finally:
        if stand_ins is not None and (said := stand_ins.warning()):
            with contextlib.suppress(OSError, ValueError):
                sys.stdout.flush()
            _complain(f"newstui: {said}")


def _main(argv: Sequence[str] | None) -> int:
    given = excluded_words_kept(json_after_command(list(sys.argv[1:] if argv is None else argv)))
    if (newsboat := newsboat_option(given)) is not None:  # `newstui -x reload` (a cron line)
        if "--json" in given:
            _print_json_error(f"newstui: {newsboat}", "usage")
        else:
            _complain(f"newstui: {newsboat}")
        return 2
    args = _readable_arguments(parser_for(given).parse_args(given))
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
        _fail(as_json, message, "stopped")
        exit_within(EXIT_GRACE, exit_status(stopped.signum))
        return exit_status(stopped.signum)
    except _UsageError as exc:  # as argparse's own: "newstui mark: … (see `newstui mark --help`)"
        if as_json:
            _print_json_error(f"newstui {args.command}: {exc}", "usage")
        else:
            _complain(f"newstui {args.command}: {exc} (see `newstui {args.command} --help`)")
        return 2
    except NewstuiError as exc:
        more: dict[str, Any] = {}
        if isinstance(exc, SourceChoiceError):  # each to name one by (its URL)
            more["sources"] = [{"name": n, "url": where} for n, where, _ in exc.candidates]
        _fail(as_json, str(exc), _error_kind(exc), exc.source, **more)
        return 1
    except sqlite3.Error as exc:
        _fail(as_json, f"database error: {exc}", "database")
        return 1
    except KeyboardInterrupt:
        _fail(as_json, "interrupted", "stopped")
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UnicodeEncodeError as exc:  # an output encoding (PYTHONIOENCODING) lacking a letter
        message = f"the output's encoding ({exc.encoding}) cannot write the text; "
        message += "try PYTHONIOENCODING=utf-8"
        _fail(as_json, message, "file")
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        source = os.fsdecode(exc.filename) if isinstance(exc.filename, str | bytes) else None
        _fail(as_json, f"{where}{exc.strerror or exc}", "file", source)
        return 1


ErrorKind = Literal["usage", "config", "source", "database", "sync", "file", "input", "stopped"]
"""What a --json error object's "kind" says went wrong (see the README's Commands section)."""


def _error_kind(exc: NewstuiError) -> ErrorKind:
    kinds: tuple[tuple[type[NewstuiError], ErrorKind], ...] = (
        (ConfigError, "config"),
        (SourceError, "source"),
        (BackupRefused, "input"),  # (a StoreError: the file given, not the database)
        (StoreError, "database"),
        (SyncError, "sync"),
    )
    return next((kind for cls, kind in kinds if isinstance(exc, cls)), "input")


def _fail(
    as_json: bool, message: str, kind: ErrorKind, source: str | None = None, **more: Any
) -> None:
    """Report an error that ends the command: `newstui: MESSAGE` on stderr, or with --json one
    object on stdout, `{"error": MESSAGE, "kind": KIND, "source": NAME or null}` (and `more`)."""
    if as_json:
        _print_json_error(message, kind, source, **more)
    else:
        _complain(f"newstui: {message}")


def _print_json_error(
    message: str, kind: ErrorKind, source: str | None = None, **more: Any
) -> None:
    """One JSON error object on stdout (what a script reading --json output parses)."""
    data = {"error": clean_line(message, 2000), "kind": kind, "source": source, **more}
    with contextlib.suppress(OSError):
        sys.stdout.write(json.dumps(_terminal_safe_data(data), ensure_ascii=_ascii_json()) + "\n")
        sys.stdout.flush()


def _ascii_json() -> bool:
    """Whether --json is written as ASCII (`\\u00e9`): when stdout's encoding is not UTF-8
    (PYTHONIOENCODING=latin-1, a C locale without Python's UTF-8 mode), the same JSON, which any
    encoding holds, rather than nothing but an encoding error (user test r44 L1)."""
    from newstui.cli_encoding import utf8  # (codecs and unicodedata: both loaded already)

    return not utf8(sys.stdout)


def _complain(message: str) -> None:
    """One line on stderr; file names and server text in it are untrusted. Written without
    loading rich (~100M instructions) for it: piped, the line as it is; on a terminal, wrapped at
    spaces to its width (the terminal cut `warning:` lines mid-word, "feeds.tom|l": user test
    r35 L-g), as the notes on standard output are."""
    line = clean_line(message, 2000)
    width, lines = _stderr_width(), [line]
    if width:
        from newstui.render import at_spaces  # (rich's cell widths alone)

        lines = at_spaces(line, width)
    with contextlib.suppress(OSError):  # stderr may be a terminal that hung up
        sys.stderr.write("\n".join(lines) + "\n")
        sys.stderr.flush()


def _stderr_width() -> int | None:
    """Standard error's width in columns when it is a terminal (as rich takes one: a TTY, or
    TTY_COMPATIBLE=1; COLUMNS when it is set), else None."""
    terminal = os.environ.get("TTY_COMPATIBLE", "")
    try:
        if terminal == "0" or (terminal != "1" and not sys.stderr.isatty()):
            return None
    except (AttributeError, ValueError):  # no isatty, or closed
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns or None
    except (AttributeError, ValueError, OSError):
        return None


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


def _db_path(args: argparse.Namespace, command: str) -> Path | str:
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
            _complain(f"newstui: {rebuilt}")
            args.demo_rebuilt = rebuilt
        return db
    if args.db is None:
        return default_db_path()
    if opened_as_written(args.db):
        return args.db  # what Path(args.db) would be, without loading pathlib
    db = _path(args.db)
    if not db.expanduser().parent.is_dir():
        raise NewstuiError(f"{db}: folder {db.expanduser().parent} does not exist", source=str(db))
    return db


def _config_path(args: argparse.Namespace) -> Path:
    """The config file: --config, else NEWSTUI_CONFIG, else the platform's config folder's."""
    return default_config_path() if args.config is None else _path(args.config)


def _config(
    path: Path, explicit: bool, *, writes: bool = False, say_created: bool = True, warn: bool = True
) -> Config:
    """The config. A file that does not exist yet is created from the example on first use of the
    default path; a command that writes the config (`add`; `opml import` makes it itself) reads
    the example and writes the file only when it succeeds. An explicit --config/NEWSTUI_CONFIG
    path that does not exist is an error for every other command: read as empty, a typo would
    let `fetch` drop every configured source from the database. A saved view that does not
    parse is one warning line each (`warn`; the app shows them itself), not a stop."""
    from newstui.config import load_config, parse_config
    from newstui.config.example import ensure_config, example_config_text

    if not path.exists():
        if writes:  # what it will write: the example (no feeds), then the user's feeds
            return parse_config(path, example_config_text())
        if _explicit_config(explicit):
            raise ConfigError(_MISSING_CONFIG.format(path=path), source=str(path))
        ensure_config(path)
        if say_created:  # (the app says it in its first notice)
            _complain(f"newstui: {_created_config(path, '`newstui add URL` adds one')}")
    with _about(str(path)):
        config = load_config(path)
    for warning in config.warnings if warn else ():
        _complain(f"warning: {warning}")
    return config


def _created_config(path: Path, how: str) -> str:
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
def _about(source: str) -> Iterator[None]:
    """An error raised inside names `source` (a file, server or feed) for --json, unless it names
    one already."""
    try:
        yield
    except NewstuiError as exc:
        exc.source = exc.source or source
        raise


def run(args: argparse.Namespace) -> int:
    """Dispatch a parsed command line."""
    command = args.command or "app"
    if command == "demo":
        from newstui.demo import build_demo_db

        path = demo_db_path() if args.db is None else _path(args.db)
        count = build_demo_db(path, fresh=True)
        return _emit(
            args,
            {"db": str(path), "articles": count},
            f"demo database: {path} ({counted(count, 'article')})",
        )
    db_path = _db_path(args, command)
    new = not os.path.exists(os.path.expanduser(db_path))
    new_folders = _missing_folders(db_path) if new else []  # (a new store's go with it)
    if new and not _makes_a_store(args, command):
        db_path = _no_store(args, db_path)
        new = False
    explicit_config = args.config is not None
    if command == "app":
        import gc

        gc.disable()  # until the first screen is painted: see newstui.tui.collector
        try:
            from newstui.tui.app import run_app

            config_path = _config_path(args)
            config_existed = args.demo or config_path.exists()
            config = (
                _config(config_path, explicit_config, say_created=False, warn=False)
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
                made = _created_config(config_path, "press a to add one")
                notice = f"{made}; {notice}" if notice else made
                new = True  # news, not a problem
            return run_app(
                _path(str(db_path)),
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
        with _store_named(db_path):
            status = _run_on_store(args, command, db_path, explicit_config)
    except Exception as exc:
        # a fetch with nothing to fetch (no source in the config, an unknown name) made an empty
        # store: it goes, as after a failed add
        nothing_fetched = command == "fetch" and isinstance(exc, ConfigError)
        if new and (command in NOTHING_KEPT_ON_FAILURE or nothing_fetched):
            _forget_new_store(db_path, new_folders)
        raise
    if new and status == 1 and command in NOTHING_KEPT_ON_FAILURE:
        _forget_new_store(db_path, new_folders)
    elif new and command in ("fetch", "opml") and not getattr(args, "quiet", False):
        # (`opml import`: a Feedly leaver's first run; `fetch --quiet`: a cron line's)
        _complain(f"newstui: created a new database at {db_path}")
    return status


NOTHING_KEPT_ON_FAILURE = frozenset({"add", "import", "opml"})
"""Commands whose failure stores nothing worth keeping (`opml` makes a store only to import).
A failed `fetch` keeps each feed's error for `feeds`, a failed `sync` the server's error and
its Retry-After wait."""


def _missing_folders(db_path: Path | str) -> list[str]:
    """The folders above `db_path` that do not exist yet, innermost first: those opening a new
    store there makes."""
    folders: list[str] = []
    folder = os.path.dirname(os.path.abspath(os.path.expanduser(db_path)))
    while not os.path.exists(folder) and os.path.dirname(folder) != folder:
        folders.append(folder)
        folder = os.path.dirname(folder)
    return folders


def _forget_new_store(db_path: Path | str, made: Sequence[str] = ()) -> None:
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


def _run_on_store(
    args: argparse.Namespace, command: str, db_path: Path | str, explicit_config: bool
) -> int:
    """Run a command other than the app on its store (and config)."""
    if command in CONFIGURED_COMMANDS:
        from newstui.config import Config

        writes = command == "add"
        # An import makes a config that does not exist yet only once its file reads (cmd_opml).
        importing = command == "opml" and args.opml_command == "import"
        # The demo database comes with no config: the user's feeds and settings are not its own.
        config = (
            Config(_config_path(args))
            if args.demo or (importing and not _config_path(args).exists())
            else _config(_config_path(args), explicit_config, writes=writes)
        )
        _warn_about_password(config)
        if command == "fetch":
            with _first_fetch_pool(args, config, db_path) as pool, _opened(db_path) as library:
                return cmd_fetch(args, library, config, pool)
        with _opened(db_path) as library:
            return CONFIGURED_COMMANDS[command](args, library, config)
    if command == "backup":  # (the store as it is: never upgraded first, r44 M4)
        from newstui.cli_backup import cmd_backup

        return cmd_backup(
            args, str(db_path), _emit, _complain, None if args.demo else _config_path(args)
        )
    if command == "restore":  # (the store is written over as a file, never opened first)
        from newstui.cli_backup import cmd_restore

        return cmd_restore(args, str(db_path), _emit, None if args.demo else _config_path(args))
    optional = None if args.demo else _optional_config(args, command, explicit_config)
    with _opened(db_path, reading=command in READING_COMMANDS) as library:
        return STORE_COMMANDS[command](args, library, optional)


STORE_MAKERS = frozenset({"app", "fetch", "add", "import", "sync", "restore"})
"""Commands that bring articles in, and so make a database that does not exist yet (so does
`opml import`); the others read or change what is stored and refuse a --db that is not there."""


def _makes_a_store(args: argparse.Namespace, command: str) -> bool:
    return command in STORE_MAKERS or (command == "opml" and args.opml_command == "import")


def _no_store(args: argparse.Namespace, db_path: Path | str) -> str:
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
def _store_named(db_path: Path | str) -> Iterator[None]:
    """A database error of the command names its file (sqlite3 names none: "database is
    locked", "disk I/O error"); a write that waited in vain for another process's names that
    process too."""
    try:
        yield
    except sqlite3.Error as exc:
        if Library.is_busy(exc):
            raise busy_error(db_path) from exc
        raise StoreError(f"{db_path}: database error: {exc}", source=str(db_path)) from exc


def _optional_config(
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
    path = _config_path(args)
    if not path.exists() and (asked or not _explicit_config(explicit)):
        return None  # (`show` ignores a config path with no file, as README says)
    named: str = (getattr(args, "view", None) or "") if command == "list" else ""
    try:
        config = _config(path, explicit, warn=not named and not asked)
        for view in config.views if named else ():  # the named one's problem is the error
            if view.problem and name_key(view.name) != name_key(named):
                _complain(f"warning: {view.problem}")
        return config
    except ConfigError as exc:
        if command in ("list", "search", "show") and not getattr(args, "view", None):
            _complain(f"warning: {exc}")
            return None
        raise


def _opened(db_path: Path | str, *, reading: bool = False) -> Library:
    """The command's store, opened; the first open after an upgrade that makes every story
    sketch again (~50 s for 20,000 articles) says so first, on stderr. `reading`: the command
    only reads (READING_COMMANDS)."""
    return Library.open(
        db_path,
        upgrading=_say_upgrading,
        waiting=waiting_notice(db_path, _complain),
        upgraded=_say_upgraded,
        reading=reading,
        upgrade_elsewhere=_say_upgrade_waited,
    )


def _say_upgraded(upgrade: StoreUpgrade) -> None:
    from newstui.render import store_upgraded_line

    # the store's path and SQLite's text in it are cleaned: an escape in --db reached the
    # terminal (hostile r45 H6)
    _complain(f"newstui: {store_upgraded_line(upgrade)}")


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


def _first_fetch_pool(
    args: argparse.Namespace, config: Config, db_path: Path | str
) -> contextlib.AbstractContextManager[CpuPool | None]:
    """For a fetch into a store not made yet (every document is parsed): its parsing workers,
    started before the store is made (~0.3 s), so their own start-up (~0.3 s) is done by the
    first document. Other fetches start them when needed (ingest.fetch_feeds), and so does one
    with [sync]: the server is read first, and its feeds are not fetched here."""
    if config.sync is not None or os.path.exists(db_path):
        return contextlib.nullcontext()
    from newstui.processes import fetch_pool

    return fetch_pool(len(set(args.names)) if args.names else len(config.feeds))


def _warn_about_password(config: Config) -> None:
    """Warn, in one line, when the sync password or feeds' passwords sit in a config file other
    users can read."""
    from newstui.config.passwords import feed_password_warning

    warning = None
    if config.sync is not None:
        from newstui.sync.credentials import password_warning

        warning = password_warning(config.sync, config.path)
    warning = warning or feed_password_warning(config)  # (the sync's says chmod 600 too)
    if warning:
        _complain(f"warning: {warning}")


class NothingFound:
    """What a listing says when it has nothing to list ("no matches"): said on stderr as
    `newstui search: no matches`, so standard output stays empty and a pipeline reading it never
    takes the words for a result (user test r43 M7: `search … | xargs newstui mark` read "no");
    with --json the empty list is printed. A plain class, as ArticleLines."""

    __slots__ = ("line",)

    def __init__(self, line: str) -> None:
        self.line = line


def _emit(
    args: argparse.Namespace,
    data: Any,
    text: str | Text | Table | ArticleLines | NothingFound | None = None,
) -> int:
    """Print `data` as JSON with --json, else `text`; every string terminal-safe either way."""
    if getattr(args, "json", False):
        shown = json.dumps(_terminal_safe_data(data), ensure_ascii=_ascii_json(), indent=2)
        sys.stdout.write(shown + "\n")
    elif isinstance(text, NothingFound):
        _complain(f"newstui {args.command}: {text.line}")
    elif isinstance(text, ArticleLines):
        _print_articles(text.rows)
    elif isinstance(text, str):
        # Plain lines are never hard-wrapped, so piped output keeps paths and names whole.
        safe = terminal_safe(text)
        if "\t" in safe or _plain_width() is None:  # rich expands tabs, styles a terminal's text
            from rich.text import Text

            _stdout().print(Text(safe), soft_wrap=True)
        else:
            _write_plain(safe)
    elif text is not None:
        from rich.table import Table

        if isinstance(text, Table):
            _print_trimmed(text)
        else:
            _stdout().print(text, soft_wrap=True)
    return 0


def _plain_width() -> int | None:
    """The width rich's console gives standard output when it would print no style there (not
    a terminal): the same text is then written as it is, without loading rich (~100M
    instructions). None when rich prints: a terminal (FORCE_COLOR, TTY_COMPATIBLE=1), Windows,
    Jupyter, an odd COLUMNS, or a rich console already made (a test may have set its width)."""
    if _stdout.cache_info().currsize or sys.platform == "win32" or hasattr(builtins, "get_ipython"):
        return None
    env = os.environ
    terminal = env.get("TTY_COMPATIBLE", "")
    if terminal == "1" or (terminal != "0" and env.get("FORCE_COLOR", "") != ""):
        return None
    if terminal != "0" and "FORCE_COLOR" not in env:
        try:
            if sys.stdout.isatty():
                return None
        except (AttributeError, ValueError):  # no isatty, or closed: not a terminal for rich
            pass
    columns = env.get("COLUMNS", "")
    if columns.isdigit():  # rich takes it as the width (0: it prints nothing)
        return int(columns) or None if columns.isascii() else None
    width = 0
    for stream, default in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
        try:
            width = os.get_terminal_size(_fileno(stream, default)).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    return width or 80


def _fileno(stream: Any, default: int) -> int:
    """The file descriptor rich's console asks a terminal size of for this standard stream."""
    try:
        return int(stream.fileno())
    except Exception:  # rich falls back to the standard number on any error
        return default


def _write_plain(text: str) -> None:
    """One or more lines on standard output, flushed as rich flushes after each print (a closed
    pipe is then reported by the command, not at exit)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _print_trimmed(renderable: Table | Text) -> None:
    """Print a table or wrapped text with no line ending in spaces (rich pads table cells to the
    column width and keeps the space where it wraps a line). To a terminal it fits the width;
    elsewhere (a pipe or a file: scripts, grep, less) a table row is one line with every cell
    whole, and text wraps at spaces only, a longer word (a URL) kept whole on its own line."""
    from rich.segment import Segment
    from rich.table import Table
    from rich.text import Text

    console = _stdout()
    if not console.is_terminal and isinstance(renderable, Text):
        for part in _wrapped_at_spaces(renderable, console.width):
            part.rstrip()
            console.print(part, soft_wrap=True)
        return
    options = console.options
    if not console.is_terminal and isinstance(renderable, Table):
        for column in renderable.columns:  # (a cell cut to a column's max_width is cut no more)
            column.max_width = None
            column.no_wrap = True
        wide = options.update_width(_UNWRAPPED_WIDTH)
        options = options.update_width(console.measure(renderable, options=wide).maximum)
    for line in console.render_lines(renderable, options, pad=False):
        while line and not line[-1].control and not line[-1].text.rstrip():
            line.pop()
        if line:
            line[-1] = Segment(line[-1].text.rstrip(), line[-1].style, line[-1].control)
        console.print(Text.assemble(*((s.text, s.style or "") for s in line)), soft_wrap=True)


_UNWRAPPED_WIDTH = 1_000_000  # the room a piped table is measured in: more than any row needs


def _wrapped_at_spaces(text: Text, width: int) -> list[Text]:
    """`text`'s lines wrapped to `width` terminal columns at spaces, as rich wraps them, but a
    word longer than the width (a URL) is kept whole on a line of its own, not folded."""
    from rich.cells import cell_len

    from newstui.render import WORDS

    lines: list[Text] = []
    for line in text.split(allow_blank=True):
        if "\t" in line.plain:
            line.expand_tabs()
        breaks, used = [], 0
        for word in WORDS.finditer(line.plain):
            if used and cell_len(word.group().rstrip()) > width - used:
                breaks.append(word.start())
                used = 0
            used += cell_len(word.group())
        lines.extend(line.divide(breaks))
    return lines


def _terminal_safe_data(value: Any) -> Any:
    """JSON data with every string (keys too) passed through `terminal_safe`."""
    if isinstance(value, str):
        return terminal_safe(value)
    if isinstance(value, dict):
        return {_terminal_safe_data(k): _terminal_safe_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_terminal_safe_data(v) for v in value]
    return value


def _cell(value: str | None) -> Text:
    """A table cell or name from stored or configured text: one terminal-safe line."""
    from rich.text import Text

    return Text(terminal_safe(value, line=True))


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


def _fulltext_data(outcome: SourceOutcome) -> dict[str, object]:
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


def _report(
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
    downloaded: Sequence[Download] = (),
    read_as_copies: int = 0,
) -> int:
    """Print a fetch's (or import's, add's) outcomes and return its exit status; `last`: each
    source's fetch record before it, for `fetch --quiet` (only what is news is said); `downloaded`:
    what `fetch --download --json` downloaded, listed after the sources."""
    from newstui.fetch_lines import (
        describe,
        file_problem_lines,
        fulltext_failures_line,
        fulltext_said,
        unusable_proxy_lines,
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
            "error": o.error and _own_error(o.error, o.name, None),
            "waiting_until": o.waiting_until,
            "warning": o.warning,
            "not_modified": o.not_modified,
            "cut_short": o.cut_short,
            **_fulltext_data(o),
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
            {"source": q.feed, "download_new": True, **_episodes_data(q)} for q in episodes
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
        if downloaded:
            from newstui.cli_downloads import download_json

            data.extend({"source": None, "download": download_json(d)} for d in downloaded)
        _emit(args, data)
    elif last is not None:  # --quiet
        _say_news(outcomes, library, config, last)
    else:
        deleted = [r for r in removed if r.outcome == "deleted"]
        if deleted:
            line = _removed_line(deleted, config_file)
            _print_note(line)
        where = str(config_file) if config_file else "the config file"
        for line in kept_lines(removed, where):  # set aside after a hand edit, or moved
            _print_note(line)
        for o in outcomes:  # what a sync changed: subscriptions the server added and dropped
            if o.changes is not None and (said := _sync_changes_lines(o)):
                for line in said:
                    _print_note(line)
        proxy_lines, refused = unusable_proxy_lines(outcomes)
        for line in proxy_lines:  # a proxy variable that cannot be used: once, with its count
            _complain(f"error: {line}")
        for o in outcomes:
            if o.problems:  # a local source: one line per file that could not be read
                label = "error" if o.error else "warning"
                for problem in file_problem_lines(o):
                    _complain(f"{label}: {problem}")
            elif o.error and o.name not in refused:
                _complain(f"error: {describe(o)}")
            elif o.waiting_until and not o.error:
                _complain(f"waiting: {describe(o)}")
            elif o.warning:
                _complain(f"warning: {o.name}: {o.warning}")
        if pages_failed := fulltext_failures_line(outcomes):  # one line, the articles stored
            _complain(f"warning: {pages_failed}")
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
        if _plain_width() is None:  # a terminal: wrapped at spaces, as the notes after it
            _print_note(summary)
        else:  # written as it is into a pipe: rich is not loaded for it
            _emit(args, None, summary)
        if cleaned is not None and cleaned.removed:
            _print_note(cleaned.summary())
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
    from newstui.fetch_lines import describe, file_problem_lines, unusable_proxy_lines
    from newstui.model.failure_news import failure_news

    ids = _stored_names(library, config, list(outcomes)) if library is not None else {}

    def last_of(o: SourceOutcome) -> LastFetch | None:
        if o.sync:  # the sync server's record: its state's last error
            return last.get(None)
        return last.get(ids[o.name][0]) if o.name in ids else None

    news = {o.name: failure_news(o, last_of(o)) for o in outcomes}
    proxy_lines, refused = unusable_proxy_lines(outcomes)
    if any(news[name] == "new" for name in refused):  # (said with the feeds it failed)
        for line in proxy_lines:
            _complain(f"error: {line}")
    for o in outcomes:
        if news[o.name] == "new" and o.problems:
            for problem in file_problem_lines(o):
                _complain(f"error: {problem}")
        elif news[o.name] == "new" and o.name not in refused:
            _complain(f"error: {describe(o)}")
        elif news[o.name] == "recovered" and (before := last_of(o)) is not None:
            _complain(f"recovered: {_recovered_line(o.name, before)}")


def _recovered_line(name: str, before: LastFetch) -> str:
    """A source read again after failing: "Wire: read again after 3 failed fetches since Mon
    16:32" (the first failure's local time), or "…after its last fetch failed"."""
    if before.failures >= 2 and before.failing_since:
        fetches = counted(before.failures, "failed fetch", "failed fetches")
        return f"{name}: read again after {fetches} since {short_time(before.failing_since)}"
    return f"{name}: read again after its last fetch failed"


def _last_fetches(library: Library, config: Config) -> dict[int | None, LastFetch]:
    """Each stored source's fetch record as it is before a fetch, by its id (None: the [sync]
    server's), for `fetch --quiet` to tell a failure that is news from one said before."""
    from newstui.model.failure_news import LastFetch

    last: dict[int | None, LastFetch] = {
        row.id: LastFetch(row.last_error, row.failures, row.failing_since)
        for row in library.sources()
    }
    if config.sync is not None:
        last[None] = LastFetch(library.sync.status().last_error)
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
EXIT_DOWNLOAD_FAILED = 4  # `fetch --download`: every source tried was read, a download failed


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


def _fetch_with_progress(
    library: Library,
    config: Config,
    feeds: list[FeedConfig] | None,
    fulltext: bool | None,
    args: argparse.Namespace,
    respect_waits: bool = True,
    pool: CpuPool | None = None,
) -> list[SourceOutcome]:
    import asyncio

    from newstui.ingest import fetch_feeds

    by_hand = _typed_in_a_terminal()

    total = len(config.feeds if feeds is None else feeds)
    # (a pipe is known without rich's console: its import is ~100M instructions before the
    # first request)
    terminal = _plain_width() is None and _stdout().is_terminal
    shown = not getattr(args, "json", False) and not getattr(args, "quiet", False)
    if terminal and shown and total:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(
            TextColumn("fetching"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=_stdout(),
            transient=True,
        ) as progress:
            task = progress.add_task("", total=total)

            def advance(outcome: SourceOutcome) -> None:
                progress.update(
                    task, advance=1, description=terminal_safe(outcome.name, line=True)[:40]
                )

            return asyncio.run(
                fetch_feeds(
                    library,
                    config,
                    feeds,
                    fulltext=fulltext,
                    on_outcome=advance,
                    respect_waits=respect_waits,
                    pool=pool,
                    by_hand=by_hand,
                )
            )
    return asyncio.run(
        fetch_feeds(
            library,
            config,
            feeds,
            fulltext=fulltext,
            respect_waits=respect_waits,
            pool=pool,
            by_hand=by_hand,
        )
    )


def _typed_in_a_terminal() -> bool:
    """Whether this command was typed by someone at a terminal (its standard input is one),
    not run by cron, a systemd timer or a script fed by a pipe: a fetch typed so tries the feeds
    left to wait after a network failure, as R does and the app's timer does not."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def cmd_fetch(
    args: argparse.Namespace, library: Library, config: Config, pool: CpuPool | None = None
) -> int:
    """`newstui fetch [NAME...]` (`pool`: see _first_fetch_pool)."""
    import asyncio

    from newstui.config import LocalConfig
    from newstui.configured_sources import (
        lists_sources,
        move_set_aside,
        prune_sources,
        sync_sources,
    )
    from newstui.filter_run import apply_filters
    from newstui.local_import import import_local

    feeds: list[FeedConfig] | None = None
    locals_named = list(config.local)  # all of them, unless sources are named
    server_named = False  # a server subscription named: the sync reads it
    if args.names:
        feeds, locals_named = [], []
        for name in args.names:
            source = configured_source(config, library, name)  # a [[local]] too
            if source is None and _server_subscription(library, config, name):
                server_named = True
                continue
            if source is None and (skipped := config.skipped_named(name)) is not None:
                raise NewstuiError(f"{skipped.name}: {skipped.not_fetchable}", source=skipped.name)
            if source is None:
                raise NewstuiError(
                    f"{config.path}: no source named {hide_url_password(name)!r}"
                    f"{_meant_source(library, config, name)} (see `newstui feeds`)",
                    source=hide_url_password(name),
                )
            if isinstance(source, LocalConfig):
                if source not in locals_named:
                    locals_named.append(source)
            elif source not in feeds:
                feeds.append(source)
    removed: list[RemovedSource] = []
    if not args.names and not lists_sources(config) and config.sync is None:
        raise ConfigError(_NO_SOURCES.format(path=config.path), source=str(config.path))
    if not args.names:
        sync_sources(library, config)
        removed = prune_sources(library, config)
    # feeds newsboat marks wait for, not read since their import: this fetch reads them
    unread_for_marks = {w.feed_url for w in library.waiting_marks() if not w.read_since}
    last = _last_fetches(library, config) if args.quiet and not args.json else None
    before = library.last_article_id()  # (what is stored after it is new: download_new)
    left = library.count_unanalysed()  # what a killed fetch left: this one analyses them
    outcomes: list[SourceOutcome] = []
    if (not args.names or server_named) and config.sync is not None:
        from newstui.server_sync import feeds_fetched_directly, sync_with_server

        synced = asyncio.run(sync_with_server(library, config, fulltext=args.fulltext))
        if synced is not None:
            outcomes.append(synced[0])
        if not args.names:
            feeds = feeds_fetched_directly(library, config)
    if feeds is None or feeds:
        # feeds named on the command line are fetched now, even if they are waiting
        outcomes += _fetch_with_progress(
            library, config, feeds, args.fulltext, args, respect_waits=not args.names, pool=pool
        )
    outcomes += [
        import_local(library, local, config.settings.extractor, max_bytes=config.settings.max_bytes)
        for local in locals_named
    ]
    removed += move_set_aside(library, config)  # a feed's edited URL read: its articles follow
    leftovers = left - library.count_unanalysed(before) if left else 0
    read_as_copies = library.read_as_copies(before)  # (before a filter marks any read)
    filtered = apply_filters(library, config)
    queued = _queue_new_episodes(library, config, before)
    from newstui.retention import cleanup

    cleaned = cleanup(library, config, pause=library.story_gap())  # (gaps only while shared)
    downloaded: list[Download] = []
    downloads_failed = False
    if args.download and args.json:  # (listed in the fetch's JSON array, after the sources)
        downloads_failed, downloaded = _download_queued(args, library, config)
    status = _report(
        outcomes,
        args,
        removed,
        cleaned,
        config.path,
        library=library,
        config=config,
        episodes=queued,
        leftovers=leftovers,
        last=last,
        downloaded=downloaded,
        read_as_copies=read_as_copies,
    )
    if not args.json:
        _say_filtered_and_queued(filtered, queued, quiet=args.quiet, downloading=args.download)
        if unread_for_marks and not args.quiet:  # marks this fetch found nothing for: said once
            for waiting in _waiting_marks(library, config):
                if waiting.read_since and waiting.feed_url in unread_for_marks:
                    _complain(f"warning: {hide_passwords(waiting.line())}")
        if args.download:
            downloads_failed, _ = _download_queued(args, library, config)
    if downloads_failed and status == EXIT_OK:
        return EXIT_DOWNLOAD_FAILED
    return status


def _download_queued(
    args: argparse.Namespace, library: Library, config: Config
) -> tuple[bool, list[Download]]:
    """`fetch --download`: download what is queued, as `newstui download` does (a line a
    download; with --quiet, those that failed only); whether one failed, and those finished."""
    from newstui.cli_downloads import download_queue

    result, finished = download_queue(
        library, config, _stdout(), say="none" if args.json else "failures" if args.quiet else "all"
    )
    return bool(result.failed or result.gone), finished


def _say_filtered_and_queued(
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
                _complain(f"warning: {not_queued_line(q)}")
        return
    for entry, matched in filtered:
        if matched:
            verb = "hid" if entry.action == "hide" else "marked read"
            _print_note(f"filter {entry.name}: {verb} {matched}")
    for q in queued:  # (its articles are stored: the fetch of the feed itself went well)
        if q.problem is not None:
            _complain(f"warning: {not_queued_line(q)}")
    if queued:
        count = sum(len(q.downloads) for q in queued)
        by_feed = ", ".join(f"{q.feed}: {len(q.downloads)}" for q in queued if q.downloads)
        left = sum(q.not_queued for q in queued)
        _print_note(
            f"download_new: {counted(count, 'new episode')} queued"
            + (f" ({by_feed})" if by_feed else "")
            + (f", {left:,} not queued (see above)" if left else "")
            + (
                "; `newstui download` downloads them (the app, when open, at once)"
                if count and not downloading
                else ""
            )
        )


def _episodes_data(queued: EpisodesQueued) -> dict[str, Any]:
    """A feed's `download_new` in --json: the download numbers queued, how many of its new
    episodes were not, and why (null when all were)."""
    return {
        "queued": [d.id for d in queued.downloads],
        "not_queued": queued.not_queued,
        "error": queued.problem,
    }


def _queue_new_episodes(library: Library, config: Config, before: int) -> list[EpisodesQueued]:
    """Queue the new episodes of the feeds whose entry says `download_new` (stored after article
    `before`); what was queued, by feed."""
    if not config.downloads_new_episodes:
        return []
    from newstui.downloads import queue_new_episodes

    return queue_new_episodes(library, config, before)


def _server_subscription(library: Library, config: Config, name: str) -> bool:
    """Whether `name` is a source only the [sync] server's subscriptions list (added with `add`
    or on the server, not in the config file): `fetch NAME` syncs for it, as the app's `r`
    does (user test r35 M4: "no source named" for a feed `feeds` lists)."""
    if config.sync is None:
        return False
    source = library.find_source(name)
    return source is not None and library.sync.stream_of(source) is not None


_NO_SOURCES = (
    "{path}: lists no feeds; nothing fetched, nothing removed (add one with `newstui add URL` or "
    "`newstui opml import FILE`)"
)
"""`fetch` of everything with a config that lists no source: newsboat refuses to run with no
URLs; read as an order, an emptied file would remove every stored feed and its articles."""


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
        return _emit(
            args, _cleanup_json(report) | ({"left_config": left} if left is not None else {})
        )
    for gone in left or []:
        verb = "would be deleted" if args.dry_run else "deleted"
        kept = f", {gone['kept_starred']:,} starred kept" if gone["kept_starred"] else ""
        deleted = counted(gone["deleted"], "article")
        line = f"{gone['source']} (no longer in {config.path}): {deleted} {verb}{kept}"
        _print_note(f"cleanup: {line}")
    if left == []:
        _stdout().print(Text("cleanup: no source is kept after leaving the config"))
    if not report.feeds and left is not None:
        return 0
    if not report.feeds:
        where = "the demo keeps every article" if args.demo else None
        where = where or f"no keep_days or keep_per_feed in {config.path}"
        return _emit(args, None, f"cleanup: nothing to do: {where}")
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
            table.add_row(_cell(feed.name), *(Text(f"{n:,}") for n in counts))
        _print_trimmed(table)
    line = report.summary()
    if report.reclaimed_bytes:
        line += f"; {report.reclaimed_bytes / 1_048_576:,.1f} MiB given back to the disk"
    _print_note(line)
    return 0


def _cleanup_left_config(args: argparse.Namespace, library: Library) -> list[dict[str, Any]]:
    """`cleanup --left-config`: delete (with --dry-run only count) the sources set aside after
    leaving the config file, each as {source, deleted, kept_starred}."""
    from newstui.configured_sources import cleanup_left_config

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


def cmd_filters(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui filters`: apply the config's filters to articles they have not seen, list counts."""
    from rich.table import Table
    from rich.text import Text

    from newstui.filter_run import apply_filters

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
        return _emit(args, data, NothingFound(f"no filters: add [[filters]] to {config.path}"))
    if not args.json:
        _print_trimmed(table)
        hidden_text = f"{counted(hidden, 'article')} hidden (the app lists them under Hidden)"
        _stdout().print(Text(hidden_text))
        return 0
    return _emit(args, data)


def configured_source(
    config: Config, library: Library, name: str
) -> FeedConfig | LocalConfig | None:
    """The config entry `name` means: a feed's or local source's name, URL or path, or the
    title a feed without `name` goes by once fetched (as `feeds` lists it). SourceChoiceError
    when two entries, or two stored sources, go by `name`, none exactly (hostile r46 H2: the
    config's was taken, or the first stored, and `remove` deleted it)."""
    feed_id = library.find_source(name)  # (first: a name two stored sources share is refused)
    source = config.source_named(name)
    # (not another source's, by its stored name, for an entry skipped: its name taken, r46 M6)
    if source is None and feed_id is not None and config.skipped_named(name) is None:
        url = next((row.url for row in library.sources() if row.id == feed_id), None)
        source = config.feed_named(url) if url else None
    return source


def cmd_remove(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui remove NAME|URL|PATH [--purge]`: out of the config file, then out of the database."""
    from newstui.config import FeedConfig
    from newstui.config.removal import remove_source
    from newstui.configured_sources import feed_key, local_key
    from newstui.model.fetching import RemovedSource

    if args.tag is not None:
        if args.name is not None:
            raise NewstuiError("remove: give a NAME or --tag TAG, not both")
        return _remove_tag(args, library, config)
    if args.name is None:
        raise NewstuiError("remove: give the NAME, URL or path of a source, or --tag TAG")
    source = configured_source(config, library, args.name) or config.skipped_named(args.name)
    # the set-aside sources under that name go too (an edited URL's old feed, one deleted by hand)
    names = [args.name, *([source.name] if source is not None else [])]
    if source is not None:
        key = feed_key(source) if isinstance(source, FeedConfig) else local_key(source.path)
        feed_id = library.find_source(key)
    else:  # imported with `newstui import`, a server subscription, or already gone from the config
        feed_id = library.find_source(args.name)
        if feed_id is None:  # an imported file or folder, by its path
            try:
                feed_id = library.find_source(local_key(_path(args.name).expanduser()))
            except (OSError, RuntimeError, ValueError):  # ~x of no user, a loop of symlinks
                feed_id = None  # no path any source has
        if feed_id is None and not library.set_aside_counts(names)[0]:
            raise NewstuiError(
                f"{config.path}: no source named {hide_url_password(args.name)!r}"
                f"{_meant_source(library, config, args.name)} (see `newstui feeds`)",
                source=hide_url_password(args.name),
            )
    unsubscribed = _unsubscribe_on_server(library, config, feed_id, args.name)
    if source is not None:  # (a skipped one by what was typed: two may share a url, r46 M3)
        fetched = source.url if isinstance(source, FeedConfig) and not source.problem else None
        remove_source(config.path, fetched or args.name)
        where = f" from {config.path}"
    else:
        where = ""
    if unsubscribed:
        where += f" and unsubscribed on {unsubscribed}"
    result = (
        library.remove_source(feed_id, purge=args.purge)
        if feed_id is not None
        else RemovedSource(source.name if source else args.name, 0, 0)
    )
    aside = library.remove_set_aside(names, purge=args.purge)
    if aside is not None:
        deleted, starred = result.deleted + aside.deleted, result.kept_starred + aside.kept_starred
        result = RemovedSource(aside.name if feed_id is None else result.name, deleted, starred)
    # as `feeds` lists it: a feed without `name` by its title
    name = result.name if feed_id is not None or source is None else source.name
    result = dataclasses.replace(result, name=name)
    # (the entry as the file writes it, its invisible characters as escapes: "removed Tech News"
    # said nothing of which of four look-alikes went, r47 L5)
    written = source.written if source is not None else ""
    spelled = visible_name(written if written and name_key(written) == name_key(name) else name)
    text = result.summary().replace(f"removed {name}", f"removed {spelled}{where}", 1)
    if result.kept_starred:
        text += " (--purge deletes them)"
        if unsubscribed:  # (FreshRSS drops a feed's items with it, starred too: r42 L10)
            text += f"; they stay here only: {unsubscribed} may drop them with the subscription"
    data = {  # as fetch's row for a removed source, every key always there (r43 M6)
        "source": name,
        "removed": True,
        "deleted": result.deleted,
        "kept_starred": result.kept_starred,
        "unsubscribed": unsubscribed,
    }
    return _emit(args, data, text)


def _remove_tag(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui remove --tag TAG [--yes]`: every source of a tag, after asking on a terminal
    (user test r47 M1: a folder of 600 feeds took 600 commands)."""
    from newstui.tag_removal import remove_tagged, tagged_sources

    if not args.tag.strip():  # (`--tag ""`: no tag holds every source)
        raise NewstuiError("remove --tag: give the name of a tag (see `newstui feeds`)")
    tagged = tagged_sources(library, config, args.tag)
    if tagged is None:
        raise NewstuiError(
            f"{config.path}: no source is tagged {args.tag!r}"
            f"{_meant_tag(library, config, args.tag)} (see `newstui feeds`)",
            source=args.tag,
        )
    question = tagged.question(config.path.name, purge=args.purge)
    if not args.yes:
        if args.json or not sys.stdin.isatty():
            raise NewstuiError(
                f"remove --tag: not removed: it asks on a terminal, elsewhere add --yes ({question})"
            )
        try:
            answer = input(f"{question} [y/N] ")
        except EOFError:  # Ctrl-D: no (it was a traceback, review r48)
            answer = ""
            print(file=sys.stderr)  # (the prompt's line ended)
        if answer.strip().lower() not in ("y", "yes"):
            _stderr().print(_cell("Nothing removed."), soft_wrap=True)
            return 1
    done = remove_tagged(library, config, tagged, purge=args.purge)
    kept = {name_key(name) for name in done.not_removed}
    data = {
        "tag": done.tag,
        "removed": [name for name in tagged.names if name_key(name) not in kept],
        "deleted": done.deleted,
        "kept_starred": done.kept_starred,
        "unsubscribed": done.unsubscribed,
        # a server's refusal partway: the subscriptions it still lists, kept here, and why
        "not_removed": list(done.not_removed),
        "refused": done.refused,
        # sources also in another folder: they stay, the folder's tags taken off (r47 M5)
        "stayed": [s.name for s in tagged.staying],
    }
    summary = done.summary(str(config.path))
    if not done.not_removed:
        return _emit(args, data, summary)
    _emit(args, data)
    if not args.json:
        _complain(f"newstui remove: {summary}")
    return 1


class FeedChoiceError(NewstuiError):
    """A page links to several feeds and no one is there to choose: the candidates go with it."""

    def __init__(self, message: str, choices: Sequence[FeedLink], source: str) -> None:
        super().__init__(message, source=source)
        self.choices = tuple(choices)


def _feed_behind(url: str, config: Config, args: argparse.Namespace) -> str:
    """The feed to add for `url`: itself when it is not a web page, else the feed the page links
    to (`<link rel="alternate">`); with several, the user picks one on a terminal, and anywhere
    else the command fails listing them (pass the feed's URL instead)."""
    from newstui.subscribe import feeds_behind, feeds_to_add

    try:
        links = feeds_behind(url, config)
    except SourceError as exc:  # a page announcing no feed
        raise SourceError(str(exc), source=url) from None
    if links is None:
        return url
    links = feeds_to_add(url, links, config)  # those listed already are no choice
    if len(links) == 1:
        chosen = links[0]
    elif sys.stdin.isatty() and not args.json:
        chosen = _ask_which_feed(url, links)
    else:
        raise FeedChoiceError(
            f"{url}: this page links to {len(links)} feeds; add one of them by its URL",
            links,
            url,
        )
    if not args.json:
        label = f" ({chosen.title})" if chosen.title else ""
        _print_note(
            f"{hide_url_password(url)} links to the {chosen.kind} feed "
            f"{hide_url_password(chosen.url)}{hide_passwords(label)}"
        )
    return chosen.url


def _report_feed_choice(exc: FeedChoiceError, args: argparse.Namespace) -> int:
    """The error for a page with several feeds: one line, then a line per feed to add."""
    from rich.text import Text

    if args.json:
        feeds = [{"url": f.url, "title": f.title, "kind": f.kind} for f in exc.choices]
        _print_json_error(str(exc), "input", exc.source, feeds=feeds)
    else:
        import shlex  # its import compiles a pattern: only this message needs it

        _complain(f"newstui: {exc}:")
        for link in exc.choices:
            title = f"{link.title} " if link.title else ""
            line = Text.assemble(
                "  ",
                _cell(f"newstui add {shlex.quote(link.url)}"),
                "    ",
                _cell(f"# {title}({link.kind})"),
            )
            with contextlib.suppress(OSError):
                _stderr().print(line, soft_wrap=True)
    return EXIT_FAILED


def _feed_line(link: FeedLink) -> str:
    title = f"{link.title} " if link.title else ""
    return f"{title}({link.kind}) {hide_url_password(link.url)}"


def _ask_which_feed(url: str, links: Sequence[FeedLink]) -> FeedLink:
    """Ask on the terminal which of a page's feeds to add (Enter: the first)."""
    from rich.text import Text

    _stderr().print(_cell(f"{hide_url_password(url)} links to {len(links)} feeds:"), soft_wrap=True)
    for n, link in enumerate(links, 1):
        _stderr().print(Text.assemble(f"  {n}. ", _cell(_feed_line(link))), soft_wrap=True)
    while True:
        try:
            answer = input(f"Add which feed? [1-{len(links)}, Enter: 1, q: none] ").strip()
        except EOFError:
            answer = "q"
        if answer.lower() in ("q", "quit"):
            raise NewstuiError(f"{url}: nothing added", source=url)
        if not answer:
            return links[0]
        if answer.isdigit() and 1 <= int(answer) <= len(links):
            return links[int(answer) - 1]
        _stderr().print(Text(f"type a number from 1 to {len(links)}, or q"))


def cmd_add(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui add URL`: fetch the feed and, when it reads, add it to the config (comments kept)."""
    from newstui.sources.http import is_http_url
    from newstui.subscribe import add_feed, has_articles, not_a_feed_url

    url = args.url.strip()
    if not is_http_url(url):
        raise NewstuiError(not_a_feed_url(url), source=hide_url_password(args.url))
    try:
        url = _feed_behind(url, config, args)
    except FeedChoiceError as exc:
        return _report_feed_choice(exc, args)
    if config.sync is not None:
        return _add_on_server(args, library, config, url)
    added = add_feed(library, config, url, args.name, tuple(args.tag))
    if not args.json:
        yet = "" if has_articles(added.outcome) else ": no article yet"  # a new blog or podcast
        if added.kept and not has_articles(added.outcome):  # (a restored backup's: r47 M6)
            yet = f": {counted(added.kept, 'article')} kept"
        _print_note(f"added {added.entry.name} to {config.path}{yet}")
    queued = list(added.queued)  # ([settings] download_new: its newest episodes)
    status = _report([added.outcome], args, library=library, config=config, episodes=queued)
    if not args.json:
        _say_filtered_and_queued([], queued)
    return status


def cmd_import(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui import PATH...`."""
    from newstui.local_import import import_paths

    outcomes = import_paths(
        library,
        [p.expanduser() for p in args.paths],
        name=args.name,
        tags=tuple(args.tag) if args.tag else None,  # none given: a re-import keeps the old ones
        extractor=config.settings.extractor if config is not None else "rules",
        max_bytes=config.settings.max_bytes if config is not None else 0,
    )
    return _report(outcomes, args, library=library, config=config)


def _unstored_sources(library: Library, config: Config) -> list[FeedRow]:
    """The config's feeds and local sources the store does not hold yet, as rows with no id and
    nothing fetched (`fetch` stores them), and its feeds no fetch can read, each with why."""
    from newstui.configured_sources import feed_key, local_key

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
        from newstui.configured_sources import local_key

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


def _waiting_marks(library: Library, config: Config | None) -> list[WaitingMarks]:
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
            [*_skipped(rows, config, library), *_unstored_sources(library, config)],
            key=lambda r: name_order(r.name),
        )
    now = datetime.now(UTC)
    waiting = {w.feed_url: w for w in _waiting_marks(library, config)}  # (newsboat's)
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
            and _own_error(r.last_error, r.name, r.url and hide_url_password(r.url)),
            "failures": r.failures,
            "failing_since": r.failing_since,
            "next_try": r.waiting_until(now),
            "marks_waiting": waiting[r.url].marks if r.kind == "feed" and r.url in waiting else 0,
            "moved_to": r.moved_to,
            "synced": bool(r.id) and r.id in synced,
        }
        for r in rows
    ]
    if args.json or not rows:
        ways = ["`newstui add URL`", "`newstui opml import FILE` (OPML, or newsboat's urls file)"]
        ways.append("`newstui import PATH`")
        empty = f"no sources yet: {', '.join(ways[:-1])} or {ways[-1]}"
        return _emit(args, data, NothingFound(empty))
    plain = _plain_width() is not None  # (asked before anything makes rich's console)
    # a narrow terminal squeezed every column alike and folded "ExtraWire" as "ExtraWir|e" (user
    # test r33 L13): a name's longest word (up to 14 cells) keeps its line, the error wraps instead
    name_words = max((cell_width(w) for r in data for w in str(r["name"]).split()), default=4)
    columns = ["name", "articles", "unread", "last fetch", "next try", "error"]
    if not any(r["next_try"] for r in data):  # no source waits: no empty column to squeeze in
        columns.remove("next try")
    cells = {  # each row's cells but its name and error, made once: measured, then shown
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
            error = _own_error(error, name, shown["url"]) + _failing_since(rows[i], now)
            line = terminal_safe(f"{visible_name(name)}: {error}", line=True)  # (as above)
            _stdout().print(_red(line))
    from newstui.model.fetching import moved_line

    file = config.path.name if config is not None else "the config"
    for r in rows:  # until the config names its new address (r35 user test L-b: said once)
        if r.moved_to:
            onto = config.name_at(r.moved_to) if config is not None else ""
            _print_note(f"{r.name}: {moved_line(r.moved_to, file, r.url or '', onto)}")
    for line in _set_aside_lines(library, config):
        _print_note(line)
    names = {r.url: r.name for r in rows if r.kind == "feed" and r.url}  # (the config's too)
    for marks in waiting.values():
        named = dataclasses.replace(marks, name=names.get(marks.feed_url, marks.name))
        _print_note(hide_passwords(named.line()))
    return 0


def _red(line: str) -> Text:
    """A line of text in red (an error)."""
    from rich.text import Text

    return Text(line, "red")


def _error_cell(shown: dict[str, Any], row: FeedRow, now: datetime) -> str:
    """A `feeds` row's error as its table shows it: since when it fails, one terminal-safe
    line."""
    name, error = str(shown["name"]), in_message(str(shown["last_error"] or ""), now)
    error += _failing_since(row, now) if error else ""
    return terminal_safe(_own_error(error, name, shown["url"]), line=True)


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
        _write_plain("\n".join(line.rstrip() for line in lines))
        return True
    console = _stdout()
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

    table = Table(box=None, header_style="bold")
    for column in columns:
        table.add_column(
            column,
            justify="right" if column in ("articles", "unread") else "left",
            no_wrap=column in ("last fetch", "next try"),
            overflow="fold" if column in ("name", "error") else "ellipsis",
            min_width={"name": name_room, "error": 8}.get(column),
        )
    for cells in body:
        styles = ("red" if column == "error" else "" for column in columns)
        table.add_row(*(Text(cell, style) for cell, style in zip(cells, styles, strict=True)))
    _print_trimmed(table)


def _failing_since(row: FeedRow, now: datetime) -> str:
    """After a failing source's error, since when its failures in a row go on, when that is
    before its last fetch: " (failing since 2026-11-30 16:32, 12 fetches)" (user test r37 L6:
    with cron fetching, the last fetch is the last try, and a feed dead for days looked like
    one that failed this morning)."""
    since = row.failing_for_a_while()
    return f" (failing since {short_time(since, now)}, {row.failures:,} fetches)" if since else ""


def _print_note(line: str) -> None:
    """A note below a table: on a terminal wrapped at spaces to its width (the terminal broke
    it mid-word, "match none of its ar|ticles": user test r34 L9), piped one line."""
    from rich.text import Text

    console = _stdout()
    console.print(Text(terminal_safe(line, line=True)), soft_wrap=not console.is_terminal)


def _own_error(error: str, name: str, url: object) -> str:
    """A fetch's error without the name the config gives (a URL when it gives none) it opens
    with (`url` None: the name alone)."""
    return error.removeprefix(f"{name}: ").removeprefix(f"{url}: ")


_ERROR_ROOM = 20  # cells an error column needs to read as words, else errors go below the table


def _errors_below(cells: dict[str, list[str]], columns: list[str], name_room: int) -> bool:
    """On a terminal too narrow for an error column beside the others (at 60 columns it had 2
    cells: "HT / Fi / fo", user test r34 L9), errors are lines of their own below the table
    (`cells`: each column's cells but the name's and the error's, as the table shows them)."""
    from rich.cells import cell_len

    console = _stdout()
    if not console.is_terminal:
        return False
    used = name_room + 2 * (len(columns) - 1)  # (rich's padding: a cell each side)
    used += sum(max(map(cell_len, [c, *cells[c]])) for c in columns if c in cells)
    return console.width - used < _ERROR_ROOM


def _set_aside_lines(library: Library, config: Config | None) -> list[str]:
    """A line for each source set aside after leaving the config, which `feeds` does not list:
    its articles are still in All and search, and it is deleted on the day it names."""
    from newstui.configured_sources import LEFT_CONFIG_DAYS
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


def user_query(text: str) -> Query:
    """A query from the command line; an invalid one is one line naming the problem and where."""
    from newstui.nlp import query_keys  # not at import: `newstui` (the app) starts sooner
    from newstui.query import QueryError, parse_query

    try:
        return parse_query(text, query_keys)
    except QueryError as exc:
        shown = text if len(text) <= 60 else text[:59] + "…"  # the problem must stay in view
        raise NewstuiError(f"query {shown!r}: {exc}") from None


class ArticleLines:
    """What `list` and `search` print: one line per article, laid out when printed (with --json
    they print the rows as JSON instead). A plain class: a dataclass costs every listing ~3M
    instructions to make, and nothing compares or prints these."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[ArticleRow]) -> None:
        self.rows = rows


def _article_lines(rows: list[ArticleRow], width: int | None) -> list[tuple[str, str, bool]]:
    """One line per article: id, unread/starred marks, date, source (the line's head), title (cut
    to the width), and whether it is unread. With no width (not a terminal) nothing is cut: the
    source column is as wide as its longest name."""
    id_width = len(str(max((r.id for r in rows), default=0)))
    feeds = {r.feed: terminal_safe(r.feed, line=True) for r in rows}
    source_width = max((cell_width(name) for name in feeds.values()), default=0)
    if width is not None:
        source_width = min(20, source_width)
    sources = {  # cut and padded in terminal columns: a wide (CJK) letter takes two
        feed: (cut := cut_to_width(name, source_width)) + " " * (source_width - cell_width(cut))
        for feed, name in feeds.items()
    }
    room = None if width is None else width - (id_width + 18 + source_width)  # the head's columns
    lines = []
    for r in rows:
        marks = ("*" if r.starred else " ") + ("N" if not r.read else " ")
        date = shown_date(r.listed_date, 0, 10, date_only=r.listed_date_only).ljust(10)
        head = f"{r.id:>{id_width}} {marks} {date}  {sources[r.feed]}  "
        title = terminal_safe(r.title, line=True)
        title = title if room is None else cut_to_width(title, room)
        lines.append((head, title, not r.read))
    return lines


def _print_articles(rows: list[ArticleRow]) -> None:
    """The article lines, dim heads and unread titles bold, titles cut to a terminal's width;
    written whole and as they are where rich would print them unstyled (a pipe, a file)."""
    plain_width = _plain_width()
    terminal = plain_width is None and _stdout().is_terminal
    lines = _article_lines(rows, max(_stdout().width, 60) if terminal else None)
    if plain_width is not None:  # no tab to expand: the lines are terminal_safe(line=True)
        _write_plain("".join(f"{head}{title}\n" for head, title, _ in lines).rstrip())
        return
    from rich.text import Text

    out = Text(no_wrap=True, overflow="ellipsis")
    for head, title, unread in lines:
        out.append(head, style="dim")
        out.append(title + "\n", style="bold" if unread else "")
    out.rstrip()
    _stdout().print(out, soft_wrap=True)


def cmd_unread(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui unread`: the number of unread articles alone, as the app's Unread view counts
    them (a story once, hidden ones not), for tmux's or a bar's status line (newsboat's
    `-x print-unread`; user test r48 LOW-3: `feeds` printed a table of 160 rows)."""
    unread = library.smart_counts().unread
    return _emit(args, {"unread": unread}, str(unread))


def cmd_list(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui list`."""
    feed_id = None
    if args.feed:
        feed_id = library.find_source(args.feed)
        if feed_id is None and _not_fetched_yet(library, config, args.feed):
            # listed by `feeds` from the config (r43 L7: "no feed named" it said); one the
            # config skips is not fetchable, as `feeds` and `fetch NAME` say (hostile r46 L7)
            import shlex  # its import compiles a pattern: only this message needs it

            skipped = config.skipped_named(args.feed) if config is not None else None
            typed = hide_url_password(args.feed)
            return _emit(
                args,
                [],
                NothingFound(
                    f"no articles: {typed!r} is {skipped.not_fetchable}"
                    if skipped is not None
                    else f"no articles: {typed!r} has not been fetched yet"
                    f" (`newstui fetch {shlex.quote(typed)}` fetches it)"
                ),
            )
        if feed_id is None:
            feed_id = _set_aside_source(library, config, args.feed)
        if feed_id is None:
            raise NewstuiError(
                f"no feed named {hide_url_password(args.feed)!r}"
                f"{_meant_source(library, config, args.feed)} (see `newstui feeds`)",
                source=hide_url_password(args.feed),
            )
    if args.tag:  # the folder and its subfolders (model.folders)
        from newstui.model.folders import any_in_folder, typed_folder

        tags = [t for s in library.sources() for t in s.tags]
        args.tag = typed_folder(args.tag, tags)  # "AC/DC Fans" for the folder "AC∕DC Fans"
        if not any_in_folder(tags, args.tag):
            raise NewstuiError(f"no source has the tag {args.tag!r} (see `newstui feeds`)")
    query = user_query(args.query) if args.query is not None else None
    if args.view is not None:
        view = _saved_view(args, config)
        query = user_query(f"({view})" if query is None else f"({view}) AND ({query.text})")
    f = ArticleFilter(
        feed_id=feed_id,
        tag=args.tag,
        unread=args.unread,
        starred=args.starred,
        query=query,
        hidden=args.hidden,
    )
    order = SortOrder.parse(args.sort) or NEWEST_FIRST
    if args.text and not args.json:
        raise _UsageError("--text goes with --json (each article's text in its object)")
    if args.json:
        return _list_json(library, f, order, args)
    rows = library.articles(f, limit=args.limit, order=order)  # None with --all
    if rows and len(rows) == args.limit:
        _say_more_exist("list", len(rows), library.count(f), "articles", " or --all")
    empty = "no articles"
    if not rows and not args.hidden:  # a feed whose every article a filter hid
        empty += _hidden_by_filters(library, f, "article", "list --hidden")
        empty += _newsboat_hint(query.text if query is not None else "")
    return _emit(args, [], ArticleLines(rows) if rows else NothingFound(empty))


JSON_AT_ONCE = 500  # articles read (and their JSON written) at a time by `list --json`


def _list_json(
    library: Library, f: ArticleFilter, order: SortOrder, args: argparse.Namespace
) -> int:
    """`list --json`, written as it is read, JSON_AT_ONCE articles at a time, so memory stays
    flat however many: the bytes json.dumps of the whole list writes (indented, every string
    terminal-safe), without the list (`list --all --json` of 200,000 articles took 652 MB).
    With --text, each object adds the article's text and summary (user test r46 M4: no way to
    get 200,000 articles' texts out but `show` per id, ~28 h). A failure once the array began
    closes it there, and its error goes to stderr (`args.json_array_begun`): stdout stays JSON,
    the exit status says it is cut (hostile r47 M2: half an array, an error object glued on)."""
    from newstui.headline_fields import article_row_json

    limit, texts = args.limit, args.text
    if texts:
        ids = library.article_ids(f, order)
        if limit is not None and len(ids) > limit:
            _say_more_exist("list", limit, len(ids), "articles", " or --all")
            del ids[limit:]
        stored = (library.article(article_id) for article_id in ids)
        rows: Iterator[tuple[ArticleRow, dict[str, str | None]]] = (
            (s.row, {"text": s.text, "summary": s.summary})
            for s in stored
            if s is not None  # (None: removed since the ids were read)
        )
    else:
        rows = ((row, {}) for row in library.each_article(f, limit=limit, order=order))
    written, ascii_only, out = 0, _ascii_json(), sys.stdout
    try:
        while chunk := list(itertools.islice(rows, JSON_AT_ONCE)):
            stories = library.story_sizes(row.id for row, _ in chunk)
            for row, more in chunk:
                data = article_row_json(row, stories.get(row.id)) | more
                shown = json.dumps([_terminal_safe_data(data)], ensure_ascii=ascii_only, indent=2)
                args.json_array_begun = True  # (from its "[" on)
                out.write(("[\n" if not written else ",\n") + shown[2:-2])
                written += 1
            out.flush()
    except BaseException as exc:
        if written and not isinstance(exc, BrokenPipeError):
            with contextlib.suppress(OSError, ValueError):
                out.write("\n]\n")
                out.flush()
        raise
    out.write("\n]\n" if written else "[]\n")
    if not texts and written and written == limit:  # (said once the JSON is out: counted then)
        _say_more_exist("list", written, library.count(f), "articles", " or --all")
    return 0


def _set_aside_source(library: Library, config: Config | None, name: str) -> int | None:
    """The id of the source set aside after leaving the config that `name` names (as `feeds`
    lists it, and Sources), said on stderr with the day it is deleted; None when none is."""
    from newstui.configured_sources import LEFT_CONFIG_DAYS

    aside = library.set_aside_named([name])
    if not aside:
        return None
    source = aside[-1]  # (the one set aside last, if two went by one name)
    where = config.path.name if config is not None else "the config"
    until = source.kept_until(LEFT_CONFIG_DAYS)
    if until is None:
        why, kept = f"its URL changed in {where}", f"while {where} lists its name"
    else:
        why, kept = f"no longer in {where}", f"until {until}"
    _complain(f"newstui list: {source.name} is set aside ({why}): its articles are kept {kept}")
    return source.id


def _meant_source(library: Library, config: Config | None, name: str) -> str:
    """ " (did you mean 'Zeitung – München'?)" for a name that differs from a source's only by
    its accents, dashes, quotes or spaces (`Zeitung - Munchen` typed for it), else ""."""
    loose = loose_name_key(name)
    names = [row.name for row in library.sources()]
    if config is not None:
        names += [feed.name for feed in config.feeds] + [local.name for local in config.local]
    meant = next((n for n in names if loose_name_key(n) == loose), None)
    return f" (did you mean {meant!r}?)" if meant is not None else ""


def _meant_tag(library: Library, config: Config, tag: str) -> str:
    """ " (did you mean 'Küche/Café'?)" for a tag, or a folder of one, that differs from `tag`
    only by its accents, dashes, quotes or spaces (as _meant_source: `kuche/cafe` typed for
    it), else ""."""
    loose = loose_name_key(tag)
    tags = {t for row in library.sources() for t in row.tags}
    tags |= {t for feed in config.feeds for t in feed.tags}
    tags |= {t for local in config.local for t in local.tags}
    folders = sorted({"/".join(t.split("/")[:n]) for t in tags for n in range(1, t.count("/") + 2)})
    meant = next((t for t in folders if loose_name_key(t) == loose), None)
    return f" (did you mean {meant!r}?)" if meant is not None else ""


def _not_fetched_yet(library: Library, config: Config | None, name: str) -> bool:
    """Whether `name` (any case) or a URL names a source of the config not stored yet."""
    return config is not None and any(
        name_key(name) == name_key(row.name) or name == row.url
        for row in _unstored_sources(library, config)
    )


def _rows_json(library: Library, rows: list[ArticleRow]) -> list[dict[str, Any]]:
    """`list`/`search --json`'s objects, each with its story and how many other versions it
    has: a list shows a story once, so it can be shorter than its feeds' counts added up."""
    stories = library.story_sizes(r.id for r in rows)
    return [article_row_json(r, stories.get(r.id)) for r in rows]


def _hidden_by_filters(library: Library, f: ArticleFilter, noun: str, shows: str) -> str:
    """What to add to "no articles"/"no matches" when filters hid articles `f` would give:
    how many, and the command (`shows`) that lists them; "" when none were hidden."""
    hidden = library.count(dataclasses.replace(f, hidden=True))
    return f" ({counted(hidden, noun)} hidden by filters: `{shows}` shows them)" if hidden else ""


def _newsboat_hint(query: str) -> str:
    """What to add to "no matches" for a query in newsboat's syntax or joined by a lower-case
    or/and: "; newsboat syntax: write title:"tokyo" instead …"; "" for any other."""
    from newstui.sources.newsboat_urls import newsboat_syntax_hint

    hint = newsboat_syntax_hint(query)
    return f"; {hint}" if hint else ""


def _say_more_exist(command: str, shown: int, total: int, what: str, other: str = "") -> None:
    """One line on stderr when a listing was cut at its limit, saying how to see the rest (with
    `--json` too: a script's `jq length` gave 100 and nothing said more existed)."""
    if total > shown:
        _complain(
            f"newstui {command}: {shown:,} of {total:,} {what} shown;"
            f" --limit {total}{other} shows them all"
        )


def _saved_view(args: argparse.Namespace, config: Config | None) -> str:
    """The query of the saved view `list --view` names (its name without case)."""
    if args.demo:
        raise NewstuiError("--view: the demo has no config file, so no saved views; drop --demo")
    path = _config_path(args)
    if config is None:
        raise ConfigError(f"{path}: no view named {args.view!r}: no config file", source=str(path))
    view = next((v for v in config.views if name_key(v.name) == name_key(args.view)), None)
    if view is None:
        names = ", ".join(repr(v.name) for v in config.views)
        known = f" (its views: {names})" if names else " (it has no [[views]])"
        raise ConfigError(f"{path}: no view named {args.view!r}{known}", source=str(path))
    if view.problem:  # (every command warned of it: `list --view` on it cannot list it)
        raise ConfigError(view.problem, source=str(path))
    return view.query


def cmd_search(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui search QUERY`."""
    query = user_query(" ".join(args.query))
    rows = library.search(query, limit=max(args.limit, 0))
    if rows and len(rows) == args.limit:
        total = library.count(ArticleFilter(query=query))
        _say_more_exist("search", len(rows), total, "matching articles")
    empty = "no matches"
    if not rows and not args.json:  # as `list` says: matches a filter hid are not "none"
        empty += _hidden_by_filters(
            library, ArticleFilter(query=query), "matching article", "list --hidden --query QUERY"
        )
        empty += _newsboat_hint(query.text)
    shown = ArticleLines(rows) if rows else NothingFound(empty)
    return _emit(args, _rows_json(library, rows) if args.json else [], shown)


def cmd_show(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui show ID`."""
    stored = library.article(args.id) if _storable(args.id) else None
    if stored is None:
        raise NewstuiError(f"no article with id {args.id}")
    analysis = library.analysis(args.id)
    downloads = library.downloads.all(args.id)
    from newstui.downloads import drop_deleted_files, file_deleted

    if deleted := [d for d in downloads if file_deleted(d)]:  # (outside newstui: not downloaded)
        with contextlib.suppress(NewstuiError):  # (a store that cannot be written: left)
            drop_deleted_files(library, deleted)
        downloads = [d for d in downloads if d not in deleted]
    from newstui.render import article_json, damage_line, render_article_text

    if stored.damaged:
        _complain(f"newstui show: {damage_line(stored)}")
    reads_as = library.reads_as(stored, "rules")  # "other": a line says why few are marked
    if reads_as == "other" and not args.demo:  # (only then the config: its extractor's choice)
        config = _optional_config(args, "show", args.config is not None, asked=True)
        reads_as = library.reads_as(stored, config.settings.extractor) if config else reads_as
    if args.json:
        story = library.story_sizes([args.id]).get(args.id)
        return _emit(args, article_json(stored, analysis, downloads, story, reads_as))
    _print_trimmed(render_article_text(stored, analysis, downloads=downloads, reads_as=reads_as))
    return 0


def cmd_mark(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui mark ID... --read/--unread/--star/--unstar`."""

    if args.read is None and args.starred is None:
        raise _UsageError("say what to mark: --read, --unread, --star or --unstar")
    ids = sorted(set(args.ids))
    marked = library.marked(filter(_storable, ids), read=args.read, starred=args.starred)
    count = marked.found
    data: dict[str, Any] = {
        "marked": count,
        "missing": 0,
        "changed": marked.changed + marked.copies,
        "copies": marked.copies,
    }
    if len(ids) > count:  # (rare) which ids: those the store has not
        missing = [i for i in ids if not _storable(i) or library.article(i) is None]
        listed = ", ".join(map(str, missing))
        done = f" ({counted(count, 'other article')} marked)" if count else ""
        error = f"no article with {plural(len(missing), 'id')} {listed}{done}"
        if not args.json:
            raise NewstuiError(error)
        # the error object with what was done: a script marking 50 ids learns the counts
        _print_json_error(error, "input", None, **{**data, "missing": len(missing)})
        return 1
    # what changed: the articles named, and the other versions of their stories with them
    line = f"marked {counted(count, 'article')}"
    if marked.copies:
        line += f" (and {counted(marked.copies, 'copy', 'copies')} of the same story)"
    if marked.changed < count:
        line += f"; {counted(count - marked.changed, 'was', 'were')} already so"
    return _emit(args, data, line)


def cmd_download(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui download [ID...]`."""
    for article_id in args.ids:
        if not _storable(article_id):
            raise NewstuiError(f"no article with id {article_id}")
    from newstui.cli_downloads import cmd_download as download

    return download(args, library, config, _emit, _stdout())


def cmd_downloads(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui downloads`."""
    from newstui.cli_downloads import cmd_downloads as downloads

    return downloads(args, library, config, _emit, _terminal_width)


def _terminal_width() -> int | None:
    """The width of the terminal standard output is, or None: a pipe or a file (rows whole)."""
    console = _stdout()
    return console.width if console.is_terminal else None


def cmd_entities(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui entities [--type T] [--name TEXT]`."""
    keys = None
    if args.name is not None:
        from newstui.nlp import query_keys
        from newstui.query import ENTITY_FIELDS

        kinds = [args.type] if args.type else list(ENTITY_FIELDS.values())
        keys = tuple(dict.fromkeys(k for kind in kinds for k in query_keys(args.name, kind)))
    rows = library.entities(args.type, limit=args.limit, name_keys=keys)
    if rows and len(rows) == args.limit:  # (user test r43 M2: cut silently)
        total = library.count_entities(args.type, name_keys=keys)
        _say_more_exist("entities", len(rows), total, "entities", " or --all")
    data = [
        {"name": r.name, "type": r.type, "articles": r.articles, "mentions": r.mentions}
        for r in rows
    ]
    if args.json or not rows:
        return _emit(args, data, NothingFound("no entities found" + _other_types(args, library)))
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold")
    for column in ("type", "name", "articles", "mentions"):
        table.add_column(column, justify="right" if column in ("articles", "mentions") else "left")
    for r in rows:
        table.add_row(_cell(r.type), _cell(r.name), Text(str(r.articles)), Text(str(r.mentions)))
    return _emit(args, data, table)


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
    """`newstui quotes [--speaker NAME] [--since DATE]`."""
    from rich.text import Text

    from newstui.nlp import query_keys
    from newstui.query import speaker_keys

    speaker: str | None = args.speaker
    keys = speaker_keys(speaker, query_keys) if speaker else ()
    rows = library.quotes(speaker=speaker, limit=args.limit, speaker_keys=keys, since=args.since)
    if rows and len(rows) == args.limit:  # (user test r43 M2: cut silently)
        total, _ = library.count_quotes(speaker=speaker, speaker_keys=keys, since=args.since)
        _say_more_exist("quotes", len(rows), total, "quotes", " or --all")
    data = [
        {
            "text": r.text,
            "speaker": r.speaker,
            "article_id": r.article_id,
            "article": r.article_title,
            "feed": r.feed,
            "date": r.published,  # null for an undated article (`list` leaves its date blank)
            "date_only": date_without_time(r.published, r.date_only),
            "start": r.start,
            "end": r.end,
        }
        for r in rows
    ]
    if args.json or not rows:
        return _emit(args, data, NothingFound("no quotes found"))
    width = max(_stdout().width, 40)
    terminal = _stdout().is_terminal
    quotes: list[tuple[Text, Text]] = []  # each quote, and its line of who said it where
    for r in rows:
        said_by = Text(f"    — {terminal_safe(r.speaker, line=True) or 'unknown speaker'}")
        source_line = Text(
            f"  {shown_date(r.listed_date, 0, 10, date_only=r.listed_date_only) or UNDATED}  "
            f"{terminal_safe(r.feed, line=True)}: "
            f"{terminal_safe(r.article_title, line=True)}"
        )
        end = f" ({r.article_id})"
        if terminal:  # one line, as `list` cuts a title (in terminal cells): the id stays whole
            said_by.truncate(width - len(end) - 1, overflow="ellipsis")
            source_line.truncate(max(width - said_by.cell_len - len(end), 0), overflow="ellipsis")
        quotes.append(
            (
                Text(f"“{terminal_safe(r.text)}”", style="italic"),  # wrapped at words when printed
                Text.assemble((said_by.plain, "bold"), (f"{source_line.plain}{end}", "dim")),
            )
        )
    if terminal:  # a blank line between quotes, none after the last
        _print_trimmed(Text("\n\n").join(Text.assemble(q, "\n", by) for q, by in quotes))
        return 0
    for n, (quote, by) in enumerate(quotes):  # elsewhere the line of who said it is not wrapped
        if n:
            _stdout().print()
        _print_trimmed(quote)
        _stdout().print(by, soft_wrap=True)
    return 0


def _newsboat_config(args: argparse.Namespace, keys: KeysConfig) -> NewsboatConfig | None:
    """newsboat's config for an import of its urls file (None for an OPML file, or none)."""
    from newstui.sources.bounded_files import SUBSCRIPTION_FILE_BYTES, read_bounded
    from newstui.sources.newsboat_cache import newsboat_cache, newsboat_config
    from newstui.sources.newsboat_config import read_newsboat_config
    from newstui.sources.newsboat_urls import looks_like_newsboat_urls

    with _about(str(args.file)):
        if not looks_like_newsboat_urls(read_bounded(args.file, SUBSCRIPTION_FILE_BYTES)):
            return None
    found = newsboat_config(args.file, args.newsboat_cache or newsboat_cache(args.file))
    if found is None:
        return None
    path, text = found
    from newstui.sources.newsboat_cache import newsboat_star_flag

    taken = {key: binding.id for binding in keys.bindings for key in binding.keys}
    star = newsboat_star_flag(args.file, args.newsboat_cache)
    return read_newsboat_config(path, text, star, taken)


def _add_newsboat_settings(config: Config, newsboat: NewsboatConfig) -> SettingsAdded:
    """The settings and bind-keys of newsboat's config that say what newstui's do, written to
    feeds.toml's [settings] and [keys] but for those it sets already (user test r48 M4); under
    the emacs preset no key (the app's own keys are the vim preset's)."""
    from newstui.config.settings_edits import add_settings

    settings = [(s.key, s.value) for s in newsboat.settings]
    keys: dict[str, list[str]] = {}
    if config.keys.preset == "vim":
        for bound in newsboat.keys:
            keys.setdefault(bound.binding_id, []).append(bound.key)
    with _about(str(config.path)):
        return add_settings(config.path, settings, keys)


def _toml_value(value: object) -> str:
    """A setting's value as feeds.toml writes it: `60`, `false`, `"w3m %u"`."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str | list) else str(value)


def _settings_said(config: Config, newsboat: NewsboatConfig, added: SettingsAdded) -> str:
    """One line of what newsboat's config wrote to feeds.toml and what it left as it was."""
    parts = []
    if added.written:
        example = dict(added.replaced)  # a value the shipped example set, not the user
        values = ", ".join(
            f"{k} = {_toml_value(v)}"
            + (f" (was the example's {_toml_value(example[k])})" if k in example else "")
            for k, v in added.written
        )
        parts.append(f"[settings] {values}")
    if added.keys_written:
        values = ", ".join(
            f'"{i}" = {_toml_value(k[0] if len(k) == 1 else list(k))}'
            for i, k in added.keys_written
        )
        parts.append(f"[keys] {values}")
    said = f"{config.path}: from newsboat's config, written: {'; '.join(parts) or 'nothing'}"
    kept = [f"{k} = {_toml_value(yours)}" for k, _, yours in added.kept]
    kept += [f'"{i}"' for i, _ in added.keys_kept]
    if kept:
        said += f"; kept yours: {', '.join(kept)}"
    if newsboat.keys_already:
        said += f"; {counted(len(newsboat.keys_already), 'bind-key line')} newstui does already"
    return said


def _add_ignore_rules(config: Config, rules: Sequence[IgnoreRule]) -> list[tuple[str, str]]:
    """newsboat's ignore-article rules newstui can say, added as hide `[[filters]]` entries
    (but for a query a filter has already); the (name, query) pairs added."""
    from newstui.config.query_edits import add_hide_filters

    # named by the rule, as newsboat's config writes it: its line number meant nothing in
    # `newstui filters` (user test r41 L6)
    wanted = [(f"newsboat ignore-article: {r.written}", r.query) for r in rules if r.query]
    if not wanted:
        return []
    with _about(str(config.path)):
        return add_hide_filters(config.path, wanted)


def _podboat_queue(args: argparse.Namespace) -> tuple[Path, list[str]] | None:
    """podboat's queue beside the urls file imported (user test r48 L15: not read, unsaid)."""
    from newstui.sources.newsboat_config import podboat_queue

    return podboat_queue(args.file.parent)


def _say_newsboat_settings(config: Config, newsboat: NewsboatConfig, added: SettingsAdded) -> None:
    """A line for each setting or bind-key not written and why, then one of what was."""
    for warning in newsboat.warnings:
        _complain(f"warning: {warning}")
    for key, problem in added.refused:
        _complain(f"warning: {newsboat.path}: {key} not written: {problem}")
    if newsboat.keys and config.keys.preset != "vim":
        _complain(
            f"warning: {newsboat.path}: {counted(len(newsboat.keys), 'bind-key line')} not "
            f"written: feeds.toml's [keys] preset is {config.keys.preset}"
        )
    if newsboat.settings or newsboat.keys or newsboat.keys_already:
        _complain(_settings_said(config, newsboat, added))


def _say_newsboat_config(
    newsboat: NewsboatConfig,
    added: list[tuple[str, str]],
    config: Config,
    settings: SettingsAdded | None,
) -> None:
    """One line for each ignore-article rule (a hide filter now, or why not), the settings and
    keys written (and those not, one line each), one naming the settings newstui does not take."""
    queries = {query for _, query in added}
    for rule in newsboat.rules:
        place = f"{rule.path or newsboat.path}:{rule.line}"
        if rule.query is None:
            _complain(
                f"warning: {place}: ignore-article rule not taken: {rule.written} (newstui's "
                "queries cannot say it; write a [[filters]] entry by hand: README, Coming from "
                "newsboat)"
            )
        elif rule.query in queries:
            _complain(f"{place}: ignore-article rule added as a hide filter: {rule.query}")
        else:
            _complain(f"{place}: ignore-article rule already a filter: {rule.query}")
    if settings is not None:
        _say_newsboat_settings(config, newsboat, settings)
    if newsboat.not_taken:
        _complain(f"note: {newsboat.path}: not taken: {'; '.join(newsboat.not_taken)}")


def _newsboat_state(
    args: argparse.Namespace,
    feeds: list[FeedConfig],
    local: list[LocalConfig],
    config: Config,
    library: Library,
) -> NewsboatState | None:
    """The read state in newsboat's cache for an import of its urls file (the cache beside it,
    or --newsboat-cache), keyed by the URLs the config will list (their guids resolved as the
    library's last fetch of each read it), a `file://` feed's by the [[local]] source it
    becomes (`local`: the file's added now); None for an OPML file, with --no-read-state, or
    when there is no cache."""
    from newstui.config import url_identity
    from newstui.configured_sources import local_key
    from newstui.sources.bounded_files import SUBSCRIPTION_FILE_BYTES, read_bounded
    from newstui.sources.newsboat_cache import (
        newsboat_cache,
        newsboat_star_flag,
        read_newsboat_state,
    )
    from newstui.sources.newsboat_urls import looks_like_newsboat_urls
    from newstui.sources.urls import local_file_of

    if args.no_read_state:
        return None
    cache = args.newsboat_cache
    if cache is None:
        with _about(str(args.file)):
            if not looks_like_newsboat_urls(read_bounded(args.file, SUBSCRIPTION_FILE_BYTES)):
                return None
        cache = newsboat_cache(args.file)
        if cache is None:
            return None
    elif not cache.is_file():
        raise SourceError(
            f"{cache}: no such file (--newsboat-cache names newsboat's cache.db)", source=str(cache)
        )
    # newsboat's feed URL as the config spells it: a feed there already keeps its spelling
    urls = {url_identity(f.url): f.url for f in reversed([*config.feeds, *feeds])}
    files = {local_key(s.path) for s in [*config.local, *local]}
    fetched = {url_identity(key): at for key, at in library.feeds_read_from().items()}

    def feed_url_of(url: str) -> str | None:
        if (file := local_file_of(url)) is not None:  # (user test r41: their marks were lost)
            return key if (key := local_key(file)) in files else None
        return urls.get(url_identity(url))

    return read_newsboat_state(
        cache,
        newsboat_star_flag(args.file, cache),
        feed_url_of,
        lambda url: fetched.get(url_identity(url)),
    )


def _read_state_said(state: NewsboatState, taken: MarksTaken) -> str:
    """The summary's part on newsboat's read state: "; 412 read and 2 starred marks from
    cache.db (120 given now, 294 waiting for their articles' first fetch)"."""
    said = f"; {counted(state.read, 'read mark')}"
    if state.starred:
        said += f" and {state.starred:,} starred"
    said += f" from {state.cache} ({taken.applied:,} given now, {taken.waiting:,} waiting for "
    said += "their articles' first fetch"
    if state.deleted:
        said += f"; {state.deleted:,} newsboat deleted come in read"
    return said + ")"


def cmd_opml(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui opml import FILE` / `newstui opml export [FILE]`."""
    from newstui.config import FeedConfig
    from newstui.sources.opml import write_opml
    from newstui.subscription_import import import_subscriptions, read_subscription_list

    if args.opml_command == "import":
        with _about(str(args.file)):
            feeds, skipped = read_subscription_list(args.file)
        # newsboat's read marks: read (or refused) before anything is written; stored first
        local = [line.local for line in skipped if line.local]
        state = _newsboat_state(args, feeds, local, config, library)
        taken = library.add_imported_marks(state.marks) if state else None
        made = not config.path.exists()
        with _about(str(config.path)):
            imported = import_subscriptions(config.path, feeds, skipped)
        if made and config.path.exists():  # (as a first `fetch` says it: user test r47 L10)
            _complain(f"newstui: created the config file {config.path}")
        with _about(str(config.path)):
            if any(f.site for f in feeds):  # (their web sites, for `opml export`: r47 L3)
                from newstui.config import load_config
                from newstui.configured_sources import list_imported

                list_imported(library, load_config(config.path), feeds)
        added, tagged, added_views = imported.added, imported.tagged, imported.added_views
        views, hidden, skipped = imported.views, imported.hidden, imported.skipped
        newsboat = _newsboat_config(args, config.keys)  # its kill file as hide filters
        rules = newsboat.rules if newsboat else ()
        added_filters = _add_ignore_rules(config, rules)
        # its settings and keys into [settings] and [keys]
        added_settings = _add_newsboat_settings(config, newsboat) if newsboat else None
        queue = _podboat_queue(args) if newsboat else None
        if not args.json:
            stored = dict((query, name) for name, query in added_views)
            for line in views:
                if line.view and line.view[1] in stored:
                    named = (
                        "" if stored[line.view[1]] == line.view[0] else f" {stored[line.view[1]]!r}"
                    )
                    _complain(f"{args.file}:{line.line}: {line.reason}{named}: {line.view[1]}")
            paths = {source.path for source in imported.added_local}
            for line in imported.local:
                if line.local and line.local.path in paths:
                    place = f"{args.file}:{line.line}" if line.line else str(args.file)
                    _complain(f"{place}: {line.reason}")
            for line in hidden:
                _complain(f"warning: {args.file}:{line.line}: {line.reason}")
            for line in imported.notes:  # (an OPML repaired, a feed that looks like another)
                _complain(f"warning: {args.file}: {hide_passwords(line.reason)}")
            for line in skipped:
                place = f"{args.file}:{line.line}" if line.line else str(args.file)
                _complain(f"warning: {place}: skipped {hide_passwords(line.reason)}")
            if newsboat is not None:
                _say_newsboat_config(newsboat, added_filters, config, added_settings)
            if queue is not None and queue[1]:
                _complain(
                    f"note: {queue[0]}: podboat's queue holds "
                    f"{counted(len(queue[1]), 'episode')} to download, not carried over: after "
                    "`newstui fetch`, `d` on each (or `newstui download ID`) downloads it"
                )
        text = imported.summary(args.file, config.path)
        if rules:
            sayable = [r for r in rules if r.query is not None]
            text += f"; {counted(len(added_filters), 'ignore-article rule')} added as hide filters"
            if len(added_filters) < len(sayable):
                text += f" ({len(sayable) - len(added_filters):,} already there)"
            if len(sayable) < len(rules):
                text += f", {len(rules) - len(sayable):,} not taken"
        if added and config.sync is not None:  # `add` subscribes there; this writes the file
            from newstui.sync.client import server_name

            text += (  # (user test r33 L16: the phone never saw them, and nothing said so)
                f"; not subscribed on {server_name(config.sync.url)}: newstui fetches them "
                "itself (`newstui add URL` subscribes there)"
            )
        text += imported.skipped_clause  # (an OPML file's outlines carry no line numbers)
        if state and taken:
            text += _read_state_said(state, taken)
            if state.flagged and not args.json:
                _complain(
                    f"warning: {state.cache}: {counted(state.flagged, 'flagged article')} not "
                    "starred: newsboat's flags mean nothing of their own (a `…-flag-star` "
                    "setting in its config names the flag to star by; README: Coming from newsboat)"
                )
        return _emit(
            args,
            {
                "found": len(feeds),
                "added": [f.name for f in added],
                "views": [{"name": name, "query": query} for name, query in added_views],
                "local": [{"name": s.name, "path": str(s.path)} for s in imported.added_local],
                "already": len(feeds) - len(added),  # listed in the config by URL already
                "tagged": tagged,  # of those, the ones the file gave tags they lacked
                # of those, the ones whose flat folder tags (an older import's) became the path
                "nested": [
                    {"name": name, "from": list(had), "to": list(now)}
                    for name, had, now in imported.nested
                ],
                "skipped": [
                    {"reason": hide_passwords(s.reason)} | ({"line": s.line} if s.line else {})
                    for s in skipped
                ],
                "hidden_in_newsboat": [{"reason": s.reason, "line": s.line} for s in hidden],
                "warnings": [hide_passwords(s.reason) for s in imported.notes],
                "filters": [{"name": name, "query": query} for name, query in added_filters],
                "ignore_rules_not_taken": [
                    {"line": r.line, "rule": r.written} for r in rules if r.query is None
                ],
                "newsboat_settings_not_taken": list(newsboat.not_taken) if newsboat else [],
                "newsboat_settings": None
                if added_settings is None
                else {
                    "written": dict(added_settings.written),
                    "kept": {k: yours for k, _, yours in added_settings.kept},
                    "refused": dict(added_settings.refused),
                    "replaced_example": dict(added_settings.replaced),
                    "keys_written": {i: list(k) for i, k in added_settings.keys_written},
                    "keys_kept": [i for i, _ in added_settings.keys_kept],
                    "warnings": list(newsboat.warnings) if newsboat else [],
                    "included": [str(p) for p in newsboat.includes] if newsboat else [],
                },
                "podboat_queue": None
                if queue is None
                else {"file": str(queue[0]), "not_carried_over": queue[1]},
                "read_state": None
                if state is None or taken is None
                else {
                    "cache": str(state.cache),
                    "read": state.read,
                    "starred": state.starred,
                    "deleted": state.deleted,
                    "flagged_not_starred": state.flagged,
                    "applied": taken.applied,
                    "waiting": taken.waiting,
                },
            },
            text,
        )
    from newstui.export_file import check_export_target, write_export
    from newstui.model import fold_url

    if args.file:  # (before anything is said: review r48, an earlier export was replaced)
        check_export_target(args.file, force=args.force)
    sources = library.sources()
    shown = {row.url: row.name for row in sources if row.url}
    # a feed without `name` under the title it goes by (as newsboat exports a feed's title)
    feeds = [
        f if f.named else dataclasses.replace(f, name=shown.get(f.url, f.name))
        for f in config.feeds
    ]
    held = [] if feeds or args.demo else [row for row in sources if row.kind == "feed" and row.url]
    if held:  # (a backup restored into a new home: feeds.toml is not in it, user test r46 M4)
        feeds = [FeedConfig(row.url or "", row.name, row.tags) for row in held]
        _complain(
            f"newstui: opml export: {config.path} lists no feeds: the "
            f"{counted(len(feeds), 'feed')} the database holds "
            f"{'is' if len(feeds) == 1 else 'are'} written instead"
        )
    known = {fold_url(f.url) for f in feeds}
    for synced in library.sync.feeds():  # subscriptions that live only on the sync server
        if synced.url and fold_url(synced.url) not in known:
            feeds.append(FeedConfig(synced.url, synced.name, synced.tags))
            known.add(fold_url(synced.url))
    if not feeds and args.demo:  # an empty but valid OPML still goes out, for scripts
        _complain("newstui: opml export: the demo has no feeds (its sources are local files)")
    text = write_opml(feeds, site_urls=library.site_urls())
    if args.file:
        try:
            write_export(args.file, text, force=args.force)
        except OSError as exc:
            # an OS error on a file: kind "file", the path as its source
            raise OSError(
                exc.errno, f"cannot write: {exc.strerror or exc}", str(args.file)
            ) from None
        if args.json:
            return _emit(args, {"file": str(args.file), "feeds": len(feeds)})
        _stderr().print(
            _cell(f"wrote {counted(len(feeds), 'feed')} to {args.file}"), soft_wrap=True
        )
        return 0
    if args.json:
        raise NewstuiError("opml export --json needs a FILE: without one, the OPML goes to stdout")
    sys.stdout.write(text)
    return 0


def _unsubscribe_on_server(
    library: Library, config: Config, feed_id: int | None, name: str
) -> str | None:
    """Unsubscribe a source that is a sync server subscription (before anything here changes);
    returns the server's URL, or None when the source is not on a server."""
    import asyncio

    from newstui.sync.run import unsubscribe_source

    if feed_id is None:
        return None
    try:
        return asyncio.run(unsubscribe_source(library, config, feed_id))
    except NewstuiError as exc:
        raise NewstuiError(f"{name}: not removed: {exc}", source=name) from None


def _add_on_server(args: argparse.Namespace, library: Library, config: Config, url: str) -> int:
    """`add URL` with [sync]: subscribe on the server (first tag as its folder), then sync."""
    import asyncio

    from newstui.server_sync import sync_with_server
    from newstui.subscribe import subscribe_on_server
    from newstui.sync.client import server_name

    sync = config.sync
    assert sync is not None
    with _about(hide_passwords(sync.url)):
        subscribe_on_server(library, config, url, args.name, args.tag[0] if args.tag else None)
    if not args.json:
        _print_note(hide_passwords(f"subscribed to {url} on {server_name(sync.url)}"))
    before = library.last_article_id()  # (what is stored after it is new: download_new)
    synced = asyncio.run(sync_with_server(library, config))
    outcomes = [synced[0]] if synced else []
    queued = _queue_new_episodes(library, config, before)
    status = _report(outcomes, args, episodes=queued)
    if not args.json:
        _say_filtered_and_queued([], queued)
    return status


def cmd_sync(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui sync` and `newstui sync login`."""
    import asyncio

    from newstui.fetch_lines import fulltext_failures_line, fulltext_said
    from newstui.server_sync import sync_with_server
    from newstui.sync.client import server_name
    from newstui.sync.run import make_client

    if config.sync is None:
        raise ConfigError(
            f"{config.path}: no [sync] table; add one with service, url, user and "
            "password_command (see the README's Sync section)",
            source=str(config.path),
        )
    sync = config.sync
    if args.action == "login":

        async def check() -> int:
            async with make_client(sync, config, library) as client:
                return await client.check()

        with _about(hide_passwords(sync.url)):
            count = asyncio.run(check())
        return _emit(
            args,
            {"server": hide_passwords(sync.url), "user": sync.user, "subscriptions": count},
            f"{server_name(sync.url)}: logged in as {sync.user}; {counted(count, 'subscription')}",
        )
    from newstui.filter_run import apply_filters

    before = library.last_article_id()  # (what is stored after it is new: download_new)
    start = time.perf_counter()
    result = asyncio.run(sync_with_server(library, config))
    seconds = time.perf_counter() - start
    assert result is not None
    outcome, report = result
    # as `fetch` does: its filters, then the new episodes of a `download_new` feed (a sync that
    # failed midway may have stored some)
    filtered = apply_filters(library, config)
    episodes = _queue_new_episodes(library, config, before)
    if outcome.error or report is None:
        queued = library.sync.status().queued
        error = outcome.error or "sync failed"
        if args.json:
            _print_json_error(error, "sync", hide_passwords(sync.url), queued=queued)
            return 1
        _complain(f"newstui: {in_message(error)}")
        if queued:
            stay = plural(queued, "stays", "stay")
            _complain(f"newstui: {counted(queued, 'change')} {stay} queued for the next sync")
        _say_filtered_and_queued(filtered, episodes)
        return 1
    data = {
        "server": report.server,
        "pushed": report.pushed,
        "new": report.new,
        "updated": report.updated,
        "read_changed": report.read_changed,
        "starred_changed": report.starred_changed,
        "feeds_added": list(report.feeds_added),
        "feeds_removed": list(report.feeds_removed),
        "deleted": sum(r.deleted for r in report.removed),
        "kept_starred": sum(r.kept_starred for r in report.removed),
        "feeds_kept": list(report.feeds_kept),
        "feeds_fetched_here": list(report.fetched_here),
        "unchecked": report.unchecked,
        "unfetched": report.unfetched,
        "cut_short": list(report.cut_short),
        "switched_from": report.switched_from,
        "switch": report.switch,
        "renamed_from": report.renamed_from,
        "expired": report.expired,
        "unsent": report.unsent,
        "feeds_moved": [
            {"name": m.name, "from": m.old, "to": m.new, "kept": m.kept}
            | {"merged_with": None if m.kept else m.other}
            for m in report.moved
        ],
        "merged": report.merged,
        "requests": report.requests,
        **_fulltext_data(outcome),
        "download_new": [{"source": q.feed, **_episodes_data(q)} for q in episodes],
        "seconds": round(seconds, 3),
    }
    # the pages that failed, as `fetch` says them (user test r42 M1), the articles stored
    if not args.json and (pages_failed := fulltext_failures_line([outcome])):
        _complain(f"warning: {pages_failed}")
    pages = fulltext_said(outcome.fulltext_ok, outcome.fulltext_failed, outcome.fulltext_left)
    status = _emit(args, data, report.summary(pages))
    if not args.json:
        _say_filtered_and_queued(filtered, episodes)
    return status


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
`backup` reads the file as it is, not opened as a store (cli_backup)."""

READING_COMMANDS = frozenset({"feeds", "unread", "list", "search", "show", "entities", "quotes"})
"""Database commands that only read: they read a store whose write-ahead log's index cannot be
made beside it (a quota, `ulimit -f`: user test r45 M6), holding the store alone meanwhile."""

OPTIONAL_CONFIG_COMMANDS = frozenset({"feeds", "import", "list", "search"})
"""Database commands that read the config when there is one (see `_optional_config`)."""

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
