"""The command line's grammar: argparse's parser of every command, narrowed to the one typed, and
the rewrites of the words before parsing (--json after the command, excluded words)."""

from __future__ import annotations

import argparse
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from newstui import __version__, nlp_build
from newstui.cli.arguments import (
    JSON_HELP,
    add_limit_or_all,
    article_id_argument,
    count_argument,
    entity_name_argument,
    newsboat_flag,
    path_argument,
    since_argument,
    source_name_argument,
)
from newstui.cli.output import complain, print_json_error, terminal_columns
from newstui.model import ENTITY_TYPES, SORT_KEYS
from newstui.paths import default_config_path, default_db_path
from newstui.word_lists import did_you_mean


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
        width = terminal_columns() - 2 if width is None else width
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
            parsed._refused_options = [o for a in self._actions for o in a.option_strings]
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
        self.error(unrecognized(extras, getattr(parsed, "_refused_options", [])))

    def error(self, message: str) -> NoReturn:
        """A usage error as one line naming the problem and where the help is (argparse printed
        the usage too: 2-4 lines), or as a JSON object with --json; the exit status is 2."""
        message = usage_problem(message)
        if self.json_errors:
            print_json_error(f"{self.prog}: {message}", "usage")
        else:
            complain(f"{self.prog}: {message} (see `{self.prog} --help`)")
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
    return f"unknown command {word!r}{did_you_mean(near)}"


def unrecognized(words: Sequence[str], options: Sequence[str]) -> str:
    """The words a command refused, an option among them said as an unknown command is, with the
    command's option nearest to it: `unknown option '--starred' (did you mean '--star'?)` (user
    test r50 LOW-4: options got no did-you-mean)."""
    import difflib

    typed = [w.partition("=")[0] for w in words if w.startswith("-") and len(w) > 2]
    near = next(
        (
            found
            for word in typed
            if (found := difflib.get_close_matches(word, options, n=1, cutoff=0.75))
        ),
        [],
    )
    if len(words) == 1 and typed:
        return f"unknown option {words[0]!r}{did_you_mean(near)}"
    return f"unrecognized arguments: {' '.join(words)}{did_you_mean(near)}"


class _CommandAdder:
    """Adds a command to the top parser: its help as its description, its own --json (unless it
    prints no output), and the global --db and --config accepted after it too."""

    def __init__(self, sub: Any) -> None:
        self.sub = sub

    def __call__(
        self, name: str, help_: str, *, json_output: bool = True
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = self.sub.add_parser(name, help=help_, description=help_)
        if json_output:
            p.add_argument("--json", action="store_true", help=JSON_HELP)
        # The global options are accepted after the command too.
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        p.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return p


def _top_parser(json_errors: bool) -> _Parser:
    """`newstui` itself: its description, --version and the global options."""
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
    return parser


def _app_command(command: _CommandAdder) -> None:
    command("app", "open the reading app (the default)", json_output=False)


def _add_command(command: _CommandAdder) -> None:
    p = command(
        "add",
        "add a feed to the config file and fetch it; with [sync], subscribe to it on the "
        "server (--here: fetch it here, from the config file, as without [sync])",
    )
    p.add_argument(
        "url",
        metavar="URL",
        help="the feed's http(s) address, or a web page that announces its feed",
    )
    p.add_argument(
        "--name", type=source_name_argument, help="display name (default: the feed's title)"
    )
    p.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    p.add_argument(
        "--here",
        action="store_true",
        help="with [sync]: add it to the config file and fetch it here, not on the server (a "
        "feed the server refuses, a JSON Feed on FreshRSS)",
    )


def _remove_command(command: _CommandAdder) -> None:
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


def _fetch_command(command: _CommandAdder) -> None:
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
        "--now",
        action="store_true",
        help="fetch the feeds left to wait after failing too, as if each were named (a feed "
        "host back after an outage)",
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


def _import_command(command: _CommandAdder) -> None:
    p = command("import", "import local files and folders (text, Markdown, HTML, feed files)")
    p.add_argument(
        "paths",
        nargs="+",
        type=path_argument,
        metavar="PATH",
        help="a file or folder (read recursively)",
    )
    p.add_argument(
        "--name",
        type=source_name_argument,
        help="source name (default: the file or folder name)",
    )
    p.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")


def _feeds_command(command: _CommandAdder) -> None:
    p = command("feeds", "list sources with article and unread counts, last fetch and error")
    p.add_argument(
        "--update-moved",
        action="store_true",
        help="follow the feeds moved for good (HTTP 301/308): their url in the config file "
        "becomes the new address, their articles, marks and folders kept; one line each",
    )


def _unread_command(command: _CommandAdder) -> None:
    command(
        "unread",
        "print how many articles are unread, one number (as the app's Unread counts them: a "
        "story once), for a status bar",
    )


def _list_command(command: _CommandAdder) -> None:
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
        "--limit",
        type=count_argument,
        default=50,
        metavar="K",
        help="at most K articles (default 50)",
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


def _search_command(command: _CommandAdder) -> None:
    p = command(
        "search",
        'find articles with a query, best text matches first: words, "phrases", prefix*, '
        "AND/OR/NOT/-word, (…), title: author: text: feed: tag:, unread starred has:fulltext "
        'has:enclosure has:quotes, after:/before:YYYY-MM-DD age:<3d, person:"…" org: place: '
        "group: speaker: quotes:",
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="the query (words are joined)")
    p.add_argument(
        "--limit", type=count_argument, default=50, metavar="K", help="at most K (default 50)"
    )


def _show_command(command: _CommandAdder) -> None:
    p = command("show", "print one article as readable text")
    p.add_argument(
        "id", type=article_id_argument, metavar="ID", help="the article's id (see `list`)"
    )


def _mark_command(command: _CommandAdder) -> None:
    p = command("mark", "mark articles read/unread/starred")
    p.add_argument("ids", nargs="+", type=article_id_argument, metavar="ID", help="article ids")
    read = p.add_mutually_exclusive_group()
    read.add_argument(
        "--read", dest="read", action="store_true", default=None, help="mark them read"
    )
    read.add_argument("--unread", dest="read", action="store_false", help="mark them unread")
    star = p.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_true", default=None, help="star them")
    star.add_argument("--unstar", dest="starred", action="store_false", help="unstar them")


def _entities_command(command: _CommandAdder) -> None:
    p = command(
        "entities",
        "list people, organisations, places and groups with story and article counts",
    )
    p.add_argument(
        "--type", choices=ENTITY_TYPES, type=str.upper, help="only entities of this type"
    )
    p.add_argument(
        "--name",
        type=entity_name_argument,
        metavar="TEXT",
        help="only entities this name stands for, as person:, org:, place: and group: find "
        "them (aliases, other names articles used, more or fewer middle names)",
    )
    add_limit_or_all(p, 100, "entity")


def _quotes_command(command: _CommandAdder) -> None:
    p = command("quotes", "list direct quotes with their speakers, newest first")
    p.add_argument(
        "--speaker",
        type=entity_name_argument,
        action="append",
        metavar="NAME",
        help="only this speaker (full name or surname); repeat it for several "
        "(--speaker Lagarde --speaker Powell: a quote by either)",
    )
    p.add_argument(
        "--since",
        type=since_argument,
        metavar="DATE",
        help="only quotes from articles dated on or after DATE (YYYY-MM-DD, or an age like 7d); "
        "an undated article counts from when it was first seen, as in after: and age:",
    )
    p.add_argument(
        "--copies",
        action="store_true",
        help="list a quote once for every feed's version of its story (by default it is listed "
        "once, by its story's first version, saying how many others carry it)",
    )
    p.add_argument(
        "--query",
        metavar="Q",
        help="only quotes in the articles this search finds (the query language of `search`: "
        "words, tag:, feed:, person:, age:<7d …)",
    )
    add_limit_or_all(p, 100, "quote")


def _filters_command(command: _CommandAdder) -> None:
    command(
        "filters",
        "apply the config's [[filters]] to articles they have not seen and list what each matched",
    )


def _opml_command(command: _CommandAdder) -> None:
    p = command(
        "opml",
        "import feeds from OPML or newsboat's urls file, or export them as OPML 2.0",
        json_output=False,
    )
    opml = p.add_subparsers(dest="opml_command", metavar="ACTION", required=True)
    help_ = "add the feeds of an OPML file (or of newsboat's urls file) to the config"
    p2 = opml.add_parser("import", help=help_, description=help_)
    p2.add_argument(
        "file",
        type=path_argument,
        metavar="FILE",
        help="the OPML file, or newsboat's urls file",
    )
    p2.add_argument(
        "--newsboat-cache",
        type=path_argument,
        metavar="CACHE",
        help="newsboat's cache.db to take read and starred marks from (default: beside the "
        "urls file, else ~/.local/share/newsboat)",
    )
    p2.add_argument(
        "--no-read-state",
        action="store_true",
        help="take no read or starred marks from newsboat's cache",
    )
    p2.add_argument(
        "--star-flag",
        type=newsboat_flag,
        metavar="LETTER",
        help="newsboat's flag you star by (Ctrl-E; usually s): its articles come starred and a "
        'query feed on it (flags # "s") is the Starred row (default: the flag newsboat\'s '
        "config stars by, else the one your query feed named like Starred filters on)",
    )
    where = p2.add_mutually_exclusive_group()
    where.add_argument(
        "--subscribe",
        action="store_true",
        help="with [sync]: subscribe on the sync server to the feeds it lacks, each in its "
        "folder (those it refuses are fetched here)",
    )
    where.add_argument(
        "--here",
        action="store_true",
        help="with [sync]: add every feed to the config file and fetch it here, the server not "
        "asked which it holds (as without [sync])",
    )
    p2.add_argument(
        "--dry-run",
        action="store_true",
        help="say what the import would add, leave, skip and subscribe, writing nothing",
    )
    p2.add_argument("--json", action="store_true", help=JSON_HELP)
    help_ = (
        "write the configured feeds, and those only on the sync server, as OPML (stdout by default)"
    )
    p2 = opml.add_parser("export", help=help_, description=help_)
    p2.add_argument(
        "file",
        type=path_argument,
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


def _cleanup_command(command: _CommandAdder) -> None:
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


def _backup_command(command: _CommandAdder) -> None:
    p = command(
        "backup",
        "copy the database into FILE as of now, also while another newstui writes to it "
        "(SQLite's online backup), as one file that newstui reads as its database",
    )
    from newstui.cli.backup import add_arguments as backup_arguments

    backup_arguments(p, path_argument)


def _restore_command(command: _CommandAdder) -> None:
    p = command(
        "restore",
        "put a backup (FILE) back as the database, keeping the database as it was beside "
        "it; refused while another newstui has it open",
    )
    from newstui.cli.backup import add_restore_arguments

    add_restore_arguments(p, path_argument)


def _download_commands(command: _CommandAdder) -> None:
    from newstui.cli.downloads import add_arguments as download_arguments

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
        article_id_argument,
        count_argument,
    )


def _demo_command(command: _CommandAdder) -> None:
    command("demo", "build (or rebuild) the demo database and print its path")


def _sync_command(command: _CommandAdder) -> None:
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
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="for cron: print nothing unless the sync fails otherwise than at its last run "
        "(or syncs again after failing); the exit status still tells",
    )


# Each command's (or pair's) arguments, in the order `newstui --help` lists them.
_COMMAND_PARSERS: tuple[tuple[tuple[str, ...], Callable[[_CommandAdder], None]], ...] = (
    (("app",), _app_command),
    (("add",), _add_command),
    (("remove",), _remove_command),
    (("fetch",), _fetch_command),
    (("import",), _import_command),
    (("feeds",), _feeds_command),
    (("unread",), _unread_command),
    (("list",), _list_command),
    (("search",), _search_command),
    (("show",), _show_command),
    (("mark",), _mark_command),
    (("entities",), _entities_command),
    (("quotes",), _quotes_command),
    (("filters",), _filters_command),
    (("opml",), _opml_command),
    (("cleanup",), _cleanup_command),
    (("backup",), _backup_command),
    (("restore",), _restore_command),
    (("download", "downloads"), _download_commands),
    (("demo",), _demo_command),
    (("sync",), _sync_command),
)


def build_parser(*, json_errors: bool = False, only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser for every command, or with `only` for that command alone (the one a
    command line names: building all twenty costs a quick command ~25M instructions);
    `json_errors`: usage errors as a JSON object."""
    parser = _top_parser(json_errors)
    command = _CommandAdder(parser.add_subparsers(dest="command", metavar="COMMAND"))
    for names, add_command in _COMMAND_PARSERS:
        if only is None or only in names:
            add_command(command)
    return parser


COMMANDS = frozenset(name for names, _add in _COMMAND_PARSERS for name in names)


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
