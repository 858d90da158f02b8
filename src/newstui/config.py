"""feeds.toml: load and validate it, edit it keeping comments (the data paths: newstui.paths)."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import math
import os
import re
import stat
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, Literal, ParamSpec, TypeVar
from urllib.parse import urlsplit

from newstui.errors import ConfigError, SourceChoiceError, hide_passwords, hide_url_password
from newstui.model import (
    SORT_KEYS,
    FilterAction,
    FulltextMode,
    SortOrder,
    respelled,
    tag_spellings,
)
from newstui.model.names import invisible_characters, name_key, named, shown_name, shows_nothing
from newstui.paths import default_download_dir
from newstui.text import clean_line, free_name, strip_controls
from newstui.word_lists import listed

if TYPE_CHECKING:  # the optional tables' values: imported by the functions that make them
    from tomlkit import TOMLDocument
    from tomlkit.items import Table

    from newstui.config_tables import FilterConfig, KeyBinding, SyncConfig, ViewConfig


def _valid_fulltext(value: Any) -> bool:
    """True for "auto", true or false (not 1 or 0, which equal True and False)."""
    return isinstance(value, bool) or value == "auto"


LayoutName = Literal["panes", "list"]
LAYOUTS: tuple[LayoutName, ...] = ("panes", "list")


@dataclass(frozen=True)
class Settings:
    """Global settings from the `[settings]` table."""

    concurrency: int = 16
    # Requests to one host at once. 8: many feeds often share a host, and a refresh is a burst of
    # small conditional GETs (most answered 304): with 4, 200 feeds on one host 100 ms away took
    # 5 s at best. Browsers open 6 HTTP/1.1 connections per host (and multiplex far more over
    # HTTP/2); Retry-After and the failure backoff still apply per feed.
    per_host: int = 8
    # Article pages (full text) to one host at once, within per_host: a summary-only feed's
    # pages all live on its publisher's host, asked for right after its feed (user test r44 L2:
    # 29 pages, 8 at a time). Browsers load one page at a time; 2 keeps a refresh quick.
    fulltext_per_host: int = 2
    timeout: float = 20.0
    max_bytes: int = 10_000_000
    refresh_minutes: int = 30
    fulltext: FulltextMode = "auto"
    mark_read_on_open: bool = True
    speaker_tags: bool = True  # "[—Speaker]" after each quote in the reader (T toggles)
    mark_all_confirm: int = 20  # `A` asks first when it would mark more than this many read
    show_read_feeds: bool = True  # Sources lists feeds with nothing unread (H toggles)
    extractor: str = "rules"
    browser: str = ""  # e.g. "w3m %u"; empty: $BROWSER, else the desktop's browser
    pager: str = ""  # e.g. "less -R"; empty: $PAGER, else less
    keep_days: int = 0  # articles older than this many days are cleaned up (0: kept forever)
    keep_per_feed: int = 0  # only the newest this many articles of a feed stay (0: no limit)
    player: str = ""  # e.g. "mpv %f"; empty: mpv if installed, else the desktop's opener
    download_dir: str = ""  # where `d` puts enclosures; empty: default_download_dir()
    # each fetch or sync queues the newest this many new episodes of every feed whose entry does
    # not say its own (a synced feed feeds.toml does not list too); 0: none
    download_new: int = 0
    # downloads run at once (podboat's max-downloads), and no more than per_host to one host
    download_concurrency: int = 1
    sort: str = "date"  # the app's headline order: date, feed or title, "-reverse" reverses (O)
    # the app's layout: "panes" (the headlines over the reader) or "list" (the headlines full
    # height, the article over them while read, as newsboat; Z switches)
    layout: LayoutName = "panes"
    refresh_on_start: bool = False  # the app refreshes every source once as it starts


@dataclass(frozen=True)
class FeedConfig:
    """One `[[feeds]]` entry."""

    url: str
    name: str
    tags: tuple[str, ...] = ()
    fulltext: FulltextMode = "auto"
    keep_days: int | None = None  # None: the [settings] value
    keep_per_feed: int | None = None
    named: bool = True  # False: the entry has no `name`; the feed's own title names it once fetched
    download_new: int = 0  # each fetch queues the newest this many new episodes (0: none)
    # (the entry's own, else [settings] download_new)
    # why no fetch can read its url, as a one-line warning naming the file and line (an entry of
    # Config.skipped_feeds: not fetched, its stored articles kept)
    problem: str = ""
    # the same as `feeds` shows it in the error column: "not fetchable (feeds.toml:5): its url is
    # not an http(s) URL"
    not_fetchable: str = ""
    # its place in the file's `[[feeds]]` array, as load_config read it: `remove` cuts that entry
    # (two skipped ones may share a url: review r46 M3); not compared, it moves with each edit
    entry_index: int | None = field(default=None, compare=False)
    # the web site an imported OPML gave it (htmlUrl): not in the file, the store keeps it until
    # a fetch reads the feed's own
    site: str = field(default="", compare=False)
    # its `name` as the file writes it, before cleaning ("Tech\xa0News" of the name "Tech News"):
    # what a twin's warning and a refusal show, and the spelling `remove` picks it by (r47 L5)
    written: str = field(default="", compare=False)


@dataclass(frozen=True)
class LocalConfig:
    """One `[[local]]` entry: a file or folder imported as a source."""

    path: Path
    name: str
    tags: tuple[str, ...] = ()
    # why it is not read, as a one-line warning naming the file and line (an entry of
    # Config.skipped_local: its name is another source's), and as `feeds` shows it
    problem: str = ""
    not_fetchable: str = ""
    # its place in the file's `[[local]]` array, as load_config read it: `remove` cuts that entry
    entry_index: int | None = field(default=None, compare=False)
    written: str = field(default="", compare=False)  # its `name` as written (FeedConfig's)


SYNC_SERVICES = ("greader",)


KeyPreset = Literal["vim", "emacs"]
KEY_PRESETS: tuple[KeyPreset, ...] = ("vim", "emacs")


@dataclass(frozen=True)
class KeysConfig:
    """The `[keys]` table: a preset (vim or emacs), the keys taken off its bindings (`unbind`,
    newsboat's unbind-key) and the user's own keys added to them (newsboat's bind-key)."""

    preset: KeyPreset = "vim"
    bindings: tuple[KeyBinding, ...] = ()
    unbind: tuple[str, ...] = ()
    unbind_line: int = 0
    # each `[keys.NAME]` sub-table and its line: the app warns of a NAME no binding id starts with
    tables: tuple[tuple[str, int], ...] = ()
    # entries left out, each a one-line warning naming the file and line (the app shows them)
    ignored: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """The whole configuration."""

    path: Path
    settings: Settings = field(default_factory=Settings)
    feeds: tuple[FeedConfig, ...] = ()
    local: tuple[LocalConfig, ...] = ()
    sync: SyncConfig | None = None
    views: tuple[ViewConfig, ...] = ()
    filters: tuple[FilterConfig, ...] = ()
    keys: KeysConfig = field(default_factory=lambda: KeysConfig())
    # `[[feeds]]` entries whose url no fetch can read (a port that is no number, white space, no
    # host): each is a warning and is not fetched; the others are (review r45 M1)
    skipped_feeds: tuple[FeedConfig, ...] = ()
    # `[[local]]` entries whose name an entry above them has: each is a warning and is not read
    skipped_local: tuple[LocalConfig, ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        """One line for each entry read but left unusable (a feed whose url no fetch can read, a
        saved view or a filter whose query does not parse) or a view or filter that can find
        nothing (a regular expression): the commands print them, the app shows them."""
        views = [view.problem or view.hint for view in self.views if view.problem or view.hint]
        filters = [f.problem or f.hint for f in self.filters if f.problem or f.hint]
        return (*(s.problem for s in self._skipped), *views, *filters)

    def name_at(self, url: str) -> str:
        """The name of the `[[feeds]]` entry at `url` (as `same_url` compares), "" when none:
        a feed that moved there is that entry's feed, which a second entry cannot name (user
        test r47 M2: following the move's advice made every command refuse the config)."""
        key = url_identity(url)
        return next((feed.name for feed in self.feeds if url_identity(feed.url) == key), "")

    @property
    def downloads_new_episodes(self) -> bool:
        """Whether a fetch or sync queues some feed's new episodes (`download_new`)."""
        return bool(self.settings.download_new) or any(feed.download_new for feed in self.feeds)

    def source_named(self, name: str) -> FeedConfig | LocalConfig | None:
        """The feed (by name or URL) or local source (by name or path) called `name`; None for
        a skipped feed's (skipped_named). SourceChoiceError when several entries are named so,
        none exactly (hostile r46 H2: the first was taken)."""
        entry = self._entry_named(name)
        return None if entry in self._skipped else entry

    def skipped_named(self, name: str) -> FeedConfig | LocalConfig | None:
        """The feed or local source skipped (skipped_feeds, skipped_local) whose name, URL or
        path is `name`: `remove` takes it out of the file. SourceChoiceError as source_named."""
        entry = self._entry_named(name)
        return entry if entry is not None and entry in self._skipped else None

    @property
    def _skipped(self) -> tuple[FeedConfig | LocalConfig, ...]:
        return (*self.skipped_feeds, *self.skipped_local)

    def _entry_named(self, name: str) -> FeedConfig | LocalConfig | None:
        """The entry of the feed with the URL (or local source with the path) `name`, else of the
        one named `name` (model.names.named); SourceChoiceError when several are."""
        entries: tuple[FeedConfig | LocalConfig, ...] = (
            *self.feeds,
            *self.skipped_feeds,
            *self.local,
            *self.skipped_local,
        )
        by_url = [
            e
            for e in entries
            if (
                name_key(name) == name_key(e.url)
                if isinstance(e, FeedConfig)
                else _same_path(name, e.path)
            )
        ]
        if by_url:
            return by_url[0]
        found = named(name, entries, lambda entry: entry.name)
        if len(found) > 1:
            # typed as no keyboard types it (a no-break space, an invisible character, letters
            # not composed): the one written exactly so in the file (`remove 'Tech\xa0News'`
            # beside Tech News, both named "Tech News" once cleaned: hostile r47 L5); typed
            # plain, it names neither (hostile r46 H2)
            exact = [e for e in found if (e.written or e.name) == name != shown_name(name)]
            if len(exact) == 1:
                return exact[0]
            raise SourceChoiceError(
                name,
                [  # each as written, by its URL: the four 'Tech News' told apart (r47 L5)
                    (
                        e.written or e.name,
                        hide_url_password(e.url) if isinstance(e, FeedConfig) else str(e.path),
                        f"in {self.path.name}",
                    )
                    for e in found
                ],
            )
        return found[0] if found else None

    def feed_named(self, name: str) -> FeedConfig | None:
        """The feed whose name (case-insensitive) or URL is `name`."""
        for feed in self.feeds:
            if name_key(name) in (name_key(feed.name), name_key(feed.url)):
                return feed
        return None


def same_url(a: str, b: str) -> bool:
    """True when two URLs differ at most in the case of their scheme and host."""
    return url_identity(a) == url_identity(b)


def url_identity(url: str) -> tuple[str, ...]:
    """What `same_url` compares: scheme and host without case, the path ("/" when empty), the
    query (a URL that does not split is itself)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return (url,)
    return (parts.scheme.lower(), (parts.netloc or "").lower(), parts.path or "/", parts.query)


def _same_path(text: str, path: Path) -> bool:
    """Whether a name typed for a source (`remove ~/notes`) is the path of a local one."""
    try:
        return Path(text).expanduser().resolve() == path.resolve()
    except (OSError, ValueError, RuntimeError):  # (RuntimeError: ~ of no user, a symlink loop)
        return False


def download_folder(settings: Settings) -> Path:
    """The folder downloads go to: the `download_dir` setting (~ expanded; above its first
    placeholder, `~/Podcasts` of `~/Podcasts/%n`: every download is inside it), else the
    default."""
    from newstui.download_paths import download_root

    if settings.download_dir.strip():
        return download_root(settings.download_dir.strip())
    return default_download_dir()


def feed_download_folder(settings: Settings, feed_name: str | None, feed_url: str | None) -> Path:
    """The folder a feed's downloads go to: download_dir with its placeholders filled (`%n` the
    feed's name, `%h` its host), else download_folder."""
    from newstui.download_paths import feed_folder

    if settings.download_dir.strip():
        return feed_folder(settings.download_dir.strip(), feed_name, feed_url)
    return default_download_dir()


def example_config_text() -> str:
    """The example config shipped with the package: what a first run, the first `add` (CLI or
    app) and the first `opml import` all start from. Its feeds are commented out, so a config
    lists only the feeds its user chose (newsboat starts with none; `--demo` shows articles)."""
    from importlib import resources  # only here: it imports tempfile, shutil… (~4 ms)

    return resources.files("newstui").joinpath("feeds.example.toml").read_text("utf-8")


def ensure_config(path: Path) -> None:
    """Create the config file from the shipped example when it does not exist yet (under the
    edits' lock: a first run's app and its `a` or a CLI `add` beside it wrote one over the
    other's: review r39 CW1)."""
    if path.exists():
        return
    try:  # (its own error: the write's said only "No such file or directory", user test r45 L6)
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        folder = exc.filename or path.parent
        raise ConfigError(f"{path}: cannot create config folder {folder}: {exc.strerror}") from exc
    try:
        with _config_locked(path):
            if not path.exists():
                path.write_text(example_config_text(), "utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot create config file: {exc.strerror}") from exc


def load_config(path: Path) -> Config:
    """Read and validate a config file; errors name the file, the line and the problem."""
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except IsADirectoryError:
        raise ConfigError(
            f"{path}: is a folder, not a config file (e.g. {path}/feeds.toml)"
        ) from None
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{path}:{line}: not UTF-8 text (byte {exc.object[exc.start]:#04x}); "
            "the config file is TOML in UTF-8"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from exc
    return parse_config(path, raw)


def parse_config(path: Path, raw: str) -> Config:
    """Validate the text of the config file at `path` (which may not exist yet)."""
    import tomllib  # only where a config file is read (~11M instructions to import)

    if raw.startswith("\ufeff"):  # tomllib's "Invalid statement" at 1 did not say why
        raise ConfigError(
            f"{path}:1: starts with a byte order mark (BOM): save it as UTF-8 without one"
        )
    try:
        data = tomllib.loads(raw)
    except RecursionError:  # `a = [[[…]]]` 5,000 deep: a traceback of 3,000 lines (hostile r44 H2)
        raise ConfigError(f"{path}: invalid TOML: {_TOO_DEEP}") from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = str(exc).replace(where.group(0), "").strip() if where else str(exc)
        # tomllib names a table as a Python tuple: "Cannot declare ('settings',) twice"
        reason = re.sub(
            r"\(((?:'[^'\n]*', ?)*'[^'\n]*',?)\)",
            lambda m: "[" + ".".join(re.findall(r"'([^'\n]*)'", m.group(1))) + "]",
            reason,
        )
        line = f":{where.group(1)}" if where else ""
        if (newsboat := _newsboat_file(path, raw)) is not None:  # `--config ~/.newsboat/urls`
            raise ConfigError(f"{path}: {newsboat}") from None
        hint = _bare_word_hint(raw, int(where.group(1))) if where else ""
        if where and reason.startswith("Cannot overwrite a value"):
            hint = _twice_hint(raw, int(where.group(1)))
        raise ConfigError(f"{path}{line}: invalid TOML: {reason}{hint}") from None
    except ValueError as exc:  # an integer of more than 4,300 digits (hostile r45 H5): Python's
        # int-from-text limit, raised inside tomllib with no line: a traceback before
        del exc  # Python's own text advises sys.set_int_max_str_digits(): not for a user
        digits = re.search(r"[0-9_]{4301,}", raw)
        line = f":{raw.count(chr(10), 0, digits.start()) + 1}" if digits else ""
        raise ConfigError(f"{path}{line}: invalid TOML: {_TOO_LONG_NUMBER}") from None
    try:
        return _validate(path, raw, data)
    except RecursionError:  # (a message's repr of a value nested nearly as deep as tomllib reads)
        raise ConfigError(f"{path}: {_TOO_DEEP}") from None


_TOO_DEEP = "nested too deeply (hundreds of arrays or inline tables inside each other)"
_TOO_LONG_NUMBER = "a number of more than 4,300 digits"


# a value written bare as newsboat's config writes it: `mark_read_on_open = yes`
_BARE_BOOL = re.compile(r"[ \t]*[\w.\"'-]+[ \t]*=[ \t]*(yes|no|on|off|True|False)[ \t]*(#.*)?")


# a string written bare: `url = http://host/f.xml`, `browser = w3m %u`
_BARE_STRING = re.compile(r"[ \t]*([\w.\"'-]+)[ \t]*=[ \t]*([A-Za-z~/.][^#\n]*?)[ \t]*(#.*)?")
# a setting written as newsboat's config writes it: `browser "w3m %u"`, `reload-time 60`
_NEWSBOAT_LINE = re.compile(
    r"[ \t]*([a-z][\w-]*)[ \t]+(\"[^\"\n]*\"|[^\s=\"#][^=\n#]*?)[ \t]*(#.*)?"
)


def _bare_word_hint(raw: str, line: int) -> str:
    """A hint for the TOML error at `line` when it holds a yes/no written bare (user test r37
    L3: "invalid TOML: Invalid value" did not say what to write), a string without its quotes
    or a setting in newsboat's syntax (user test r48 L12)."""
    lines = raw.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if found := _BARE_BOOL.fullmatch(text):
        return f" (write true or false, not {found.group(1)})"
    if found := _BARE_STRING.fullmatch(text):
        value = clean_line(found.group(2), 80).replace("\\", "\\\\").replace('"', '\\"')
        return f' (quote it: {found.group(1)} = "{value}")'
    if found := _NEWSBOAT_LINE.fullmatch(text):
        from newstui.sources.newsboat_files import NEWSBOAT_SETTINGS

        key, value = found.group(1), clean_line(found.group(2), 80)
        key = NEWSBOAT_SETTINGS.get(key, key)  # `reload-time 60`: refresh_minutes = 60
        value = {"yes": "true", "no": "false", '"yes"': "true", '"no"': "false"}.get(value, value)
        if value.isdigit() or value in ("true", "false"):
            return f" (newsboat syntax? write {key} = {value})"
        value = value[1:-1] if value.startswith('"') else value.replace('"', '\\"')
        return f' (newsboat syntax? write {key} = "{value}")'
    return ""


def _newsboat_file(path: Path, raw: str) -> str | None:
    """For a config that does not read as TOML: the refusal of newsboat's urls file or config
    given as `--config` (newsboat's `-u urls` habit, user test r48 L12), with the command that
    reads it; None for any other text."""
    from newstui.sources.newsboat_files import looks_like_newsboat_config, looks_like_newsboat_urls
    from newstui.sources.newsboat_urls import shell_path

    if looks_like_newsboat_urls(raw, path.name):
        return (
            "newsboat's urls file, not a newstui config (feeds.toml): `newstui opml import "
            f"{shell_path(path.absolute())}` writes its feeds into feeds.toml"
        )
    if looks_like_newsboat_config(raw):
        urls = path.parent / "urls"
        named = shell_path(urls.absolute()) if urls.is_file() else "URLS-FILE"
        return (
            "newsboat's config, not a newstui config (feeds.toml): `newstui opml import "
            f"{named}` reads it beside newsboat's urls file and writes its settings and keys "
            "into feeds.toml"
        )
    return None


_KEY_START = r"[ \t]*(\"[^\"\n]*\"|'[^'\n]*'|[\w-]+)[ \t]*[=.]"  # a key's first part


def _twice_hint(raw: str, line: int) -> str:
    """For tomllib's "Cannot overwrite a value" at `line`: the key given twice and the line of
    its first value in the same table (user test r44 L5: the key was not named)."""
    lines = raw.splitlines()
    found = re.match(_KEY_START, lines[line - 1]) if 0 < line <= len(lines) else None
    if found is None:
        return ""
    key = found.group(1)
    named = repr(key.strip("\"'"))
    for earlier in range(line - 1, 0, -1):
        text = lines[earlier - 1]
        if re.match(r"[ \t]*\[", text):  # the table's header: not given before in it
            break
        if (first := re.match(_KEY_START, text)) and first.group(1) == key:
            return f": {named} is given twice, at lines {earlier} and {line} (keep one)"
    return f": {named} is given twice (keep one)"


_LINE_PATTERNS = {
    "array": r"(?m)^[ \t]*\[\[[ \t]*([^\]\n]*?)[ \t]*\]\]",  # [[array]] headers
    "table": r"(?m)^[ \t]*\[(?!\[)[ \t]*([^\]\n]*?)[ \t]*\]",  # [table] headers
    "header": r"(?m)^[ \t]*\[",  # any header: where a table ends
    "key": r"(?m)^[ \t]*([^\s=\[#]+?)[ \t]*=",  # key = …
}


@cache
def _line_pattern(kind: str) -> re.Pattern[str]:
    """A pattern that finds lines in the config's text, compiled once, when first needed: a line
    is looked up for each [[…]] entry and [keys] entry, else only for an error message (a pattern
    per key and table, compiled at every start, cost ~21M instructions)."""
    return re.compile(_LINE_PATTERNS[kind])


def _line_at(raw: str, offset: int) -> int:
    """The line (1-based) of the character at `offset`."""
    return bisect_left(_line_ends(raw), offset) + 1


@lru_cache(maxsize=2)
def _line_ends(raw: str) -> tuple[int, ...]:
    """The offset of every newline in the config's text, found once: each feed's `tags = …`
    line counted the newlines from the top of the file again (hostile r44 L6)."""
    return tuple(match.start() for match in re.finditer("\n", raw))


def _entry_line(raw: str, table: str, index: int) -> int:
    """The line number of the index-th `[[table]]` header (1-based), or 0."""
    lines = _header_lines(raw, table)
    return lines[index] if index < len(lines) else 0


def _header_lines(raw: str, table: str) -> tuple[int, ...]:
    """The line numbers of every `[[table]]` header."""
    return _headers(raw, table)[0]


@lru_cache(maxsize=8)
def _headers(raw: str, table: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The line numbers of every `[[table]]` header, and the offset where the line below each
    starts, found once per file and table (a config of hundreds of feeds searched the whole
    file again for each, at every start)."""
    lines, below, line, done = [], [], 1, 0
    for match in _line_pattern("array").finditer(raw):
        if match.group(1) != table:
            continue
        line += raw.count("\n", done, match.start())
        done = match.start()
        lines.append(line)
        end = raw.find("\n", match.end())
        below.append(len(raw) if end < 0 else end + 1)
    return tuple(lines), tuple(below)


def _table_header(raw: str, table: str) -> re.Match[str] | None:
    """The `[table]` header line's match, or None."""
    return next((m for m in _line_pattern("table").finditer(raw) if m.group(1) == table), None)


def _table_line(raw: str, table: str) -> int:
    """The line of the `[table]` header, else of a `table = …` key, else 0."""
    header = _table_header(raw, table)
    return _line_at(raw, header.start()) if header else _key_line(raw, table)


def _quoted_line(raw: str, key: str) -> int:
    """The line of a top-level table header or key written with TOML escapes or quotes, which
    the patterns above do not read (`["\\u001b]52;…"]`: hostile r45 L5), or 0. Each line that
    may be one is read as TOML alone: slow, but only for an error."""
    import tomllib

    in_table = False
    for number, text in enumerate(raw.splitlines(), 1):
        header = text.lstrip().startswith("[")
        if in_table and not header:
            continue
        in_table = in_table or header
        try:
            found = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError):
            continue
        if key in found:
            return number
    return 0


def _key_in(raw: str, key: str, start: int) -> int:
    """The line of `key = …` between `start` and the next header, or 0."""
    following = _line_pattern("header").search(raw, start)
    end = following.start() if following else len(raw)
    for match in _line_pattern("key").finditer(raw, start, end):
        if match.group(1) == key:
            return _line_at(raw, match.start())
    return 0


TOP_LEVEL_KEYS = ("settings", "feeds", "local", "sync", "views", "filters", "keys")
TOP_LEVEL_TABLES = "[settings], [[feeds]], [[local]], [sync], [[views]], [[filters]], [keys]"


def not_a_setting(key: str) -> str:
    """Where what a user looked for in the config under `key` is, if it lives elsewhere (user
    test r44 L5: `theme = "dark"` was an unknown setting, with no word of where the theme is)."""
    if key.casefold().replace("-", "_") in ("max_downloads", "downloads_at_once"):
        return " (downloads at once: download_concurrency, podboat's max-downloads)"
    if key.casefold() not in ("theme", "dark", "dark_theme", "light"):
        return ""
    from newstui.paths import ui_state_path

    return (
        " (the theme is no setting: t in the app switches light and dark, and the app keeps "
        f"the choice in {ui_state_path()})"
    )


FEED_KEYS = ("url", "name", "tags", "fulltext", "keep_days", "keep_per_feed", "download_new")
LOCAL_KEYS = ("path", "name", "tags")


def _unknown_key(
    extra: set[str],
    known: Iterable[str],
    what: str,
    table: str,
    index: int,
    raw: str,
    fail: Callable[[int, str], ConfigError],
) -> ConfigError:
    """The error for a key an entry of `[[table]]` does not take, on that key's line, with the
    known key it is nearest to ("did you mean 'tags'?")."""
    import difflib

    key = sorted(extra)[0]
    if table == "local" and key in FEED_KEYS:
        hint = f" ({key!r} applies to [[feeds]] entries only)"
    else:
        near = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        hint = f" (did you mean {near[0]!r}?)" if near else f" (it takes {', '.join(known)})"
    line = _entry_key_line(raw, table, index, key) or _entry_line(raw, table, index)
    return fail(line, f"unknown key {key!r} in {what}{hint}")


def _entry_key_line(raw: str, table: str, index: int, key: str) -> int:
    """The line of `key = …` inside the index-th `[[table]]` entry, or 0. Looked up for every
    feed: the text is searched from the entry's header on (it split the whole file for each, 1.4
    ms a feed: 4,000 feeds took 5.8 s at every command, hostile r44 L6)."""
    below = _headers(raw, table)[1]
    return _key_in(raw, key, below[index]) if index < len(below) else 0


def _key_line(raw: str, key: str, table: str | None = None) -> int:
    """The line of `key = …` (inside `[table]` when given), or 0."""
    if table is None:
        return _key_in(raw, key, 0)
    header = _table_header(raw, table)
    return _key_in(raw, key, header.end()) if header else 0


def at_line(path: object, line: int | None) -> str:
    """Where in a config file a message points: "FILE:LINE", or the file alone when the line
    is not known (0 or None)."""
    return f"{path}:{line}" if line else str(path)


def url_meant(url: str) -> str | None:
    """The http(s) address an address written without its scheme most likely means
    (`127.0.0.1:8746/x.xml`: http://…, as a server on this machine or on a port of its own
    most likely answers plain http; `example.com/feed`: https://…); None for anything else."""
    host = r"(localhost|[\w-]+(?:\.[\w-]+)+)"
    bare = re.fullmatch(rf"{host}(?::(\d+))?/\S*|{host}(?::(\d+))?", url)
    if bare is None:
        return None
    name, port = bare[1] or bare[3], bare[2] or bare[4]
    if bare[1] is None and name != "localhost" and name.count(".") < 2 and not port:
        return None  # ("a.b" alone is no address: "feed.xml")
    local = name == "localhost" or name.startswith("127.")
    scheme = "http" if local or (port and port not in ("443", "8443")) else "https"
    return f"{scheme}://{url}"


def _taken_name(name: str, line: int, first: str, url: str, kind: str = "feed") -> str:
    """What a source's name, as written, shares with the entry on `line` whose name is written
    `first` (the `kind` of source at `url`): the same name (in another case), or two spellings
    that look the same, each shown as TOML writes it (`Caf\\u00e9` and `Cafe\\u0301`: the line
    showed 'Café' twice), and what tells them apart when only characters that show nothing do
    (hostile r47 L5: 'Tech News' and 'Tech\\xa0News' were "already the name", unsaid why). An
    entry of an inline `feeds = [{…}]` array has no line of its own: its url names it (it said
    "on line 0")."""
    where = f"on line {line}" if line else f"at {url!r}"
    if shown_name(clean_line(first)) != shown_name(clean_line(name)):
        return f"is the name of {kind} {first!r} {where} (names are one in any case)"
    if first == name:
        return f"is already the name of the {kind} {where}"
    differing = _invisible_difference(first, name)
    return (
        f"is already the name of the {kind} {where}: written {_escaped(first)} there and "
        f"{_escaped(name)} here, "
        + (f"they differ only by {differing}" if differing else "they look the same")
    )


def _invisible_difference(first: str, name: str) -> str:
    """What two spellings of a name differ by when it is only characters that show nothing or
    white space other than the space ("a no-break space U+00A0"); "" when they differ by more
    (`Caf\\u00e9` and `Cafe\\u0301`: letters composed or not)."""
    import difflib
    import unicodedata

    a, b = unicodedata.normalize("NFC", first), unicodedata.normalize("NFC", name)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    differing = [
        c
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
        for c in a[i1:i2] + b[j1:j2]
        if c != " "
    ]
    unseen = dict.fromkeys(differing)
    if not unseen or not all(
        c.isspace() or not c.isprintable() or invisible_characters(c) for c in unseen
    ):
        return ""
    said = []
    for c in unseen:
        called = unicodedata.name(c, "").lower() or "control character"
        said.append(f"{'an' if called[0] in 'aeiou' else 'a'} {called} U+{ord(c):04X}")
    return listed(said)


def _escaped(name: str) -> str:
    """`name` with each character not printable ASCII as a TOML escape (`\\u0301`)."""
    return "".join(
        c if " " <= c <= "~" else f"\\u{ord(c):04X}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08X}"
        for c in name
    )


def _validate(path: Path, raw: str, data: dict[str, Any]) -> Config:
    def fail(line: int, message: str) -> ConfigError:
        where = at_line(path, line)
        return ConfigError(f"{where}: {message}")

    unknown = set(data) - set(TOP_LEVEL_KEYS)
    if unknown:
        key = sorted(unknown)[0]
        import difflib

        near = difflib.get_close_matches(key, sorted(TOP_LEVEL_KEYS), n=1)
        hint = not_a_setting(key) or (
            f" (did you mean {near[0]!r}?)" if near else f" (it takes {TOP_LEVEL_TABLES})"
        )
        line = _table_line(raw, key) or _entry_line(raw, key, 0) or _quoted_line(raw, key)
        raise fail(line, f"unknown top-level key {key!r}{hint}")

    def name_taken(feed: FeedConfig, line: int, owner: tuple[int, str, str, str]) -> FeedConfig:
        """`feed` (on `line`) skipped: the entry `owner` describes (names') has its name."""
        spelled = feed.written or feed.name
        taken = f"feed name {spelled!r} {_taken_name(spelled, *owner)}"
        by = f"line {owner[0]}" if owner[0] else repr(owner[2])
        return FeedConfig(
            feed.url,
            feed.name,
            feed.tags,
            named=True,
            problem=f"{fail(line, taken)}; the feed is not fetched until it is renamed",
            not_fetchable=f"not fetched ({at_line(path.name, line)}): its name is taken by {by}",
            entry_index=feed.entry_index,
            written=feed.written,
        )

    settings = _validate_settings(data.get("settings", {}), raw, fail)
    feeds: list[FeedConfig] = []
    skipped: list[FeedConfig] = []
    # each name's (name_key) line (0 in an inline array), name as written, url or path, and
    # kind of source ("feed", "local source")
    names: dict[str, tuple[int, str, str, str]] = {}
    urls: dict[tuple[str, ...], tuple[int, str]] = {}  # the line and name of each URL's entry
    for i, entry in enumerate(_array(data.get("feeds", []), "feeds", raw, fail)):
        line = _entry_line(raw, "feeds", i)
        url = entry.get("url")
        if not isinstance(url, str) or not url.strip():
            if extra := set(entry) - {*FEED_KEYS}:  # `ulr = …`: the typo, not a missing url
                raise _unknown_key(extra, FEED_KEYS, "feed entry", "feeds", i, raw, fail)
            raise fail(line, "feed entry has no 'url'")
        url = url.strip()
        if strip_controls(url) != url:
            # kept as shown, each control written as an escape: `http://a\x07b/x`, not the
            # `http://ab/x` a line's cleaning makes of it (hostile r46 M1)
            shown = repr(hide_url_password(url))
            url = _escapes_shown(hide_url_password(url))
            unreadable: str | None = "has a control character in it"
        else:
            shown = repr(hide_url_password(url))
            unreadable = _not_fetchable(url)
        if unreadable is not None:
            meant = url_meant(url)
            hint = f" (did you mean {hide_url_password(meant)!r}?)" if meant else ""
            refusal = fail(line, f"feed url {shown} {unreadable}{hint}")
            # one broken url never stops the other feeds, nor any command (review r45 M1), nor
            # one with another scheme (ftp://, javascript:, file:; it stopped them all until r46)
            # or a control character (r46 M1)
            # (a name that shows nothing as well: the url's problem is said first, the name's
            # once the url is fixed)
            has_name = "name" in entry and _usable_name(entry["name"], line, fail)
            name = _str(entry["name"], "name", line, fail) if has_name else ""
            name = hide_passwords(name) if has_name else hide_url_password(url)
            name_written = hide_passwords(entry["name"]) if has_name else ""
            if has_name:  # its name is its own: a later entry so named is a twin
                names.setdefault(
                    name_key(name), (line, name_written, hide_url_password(url), "feed")
                )
            skipped.append(
                FeedConfig(
                    url,
                    name,
                    named=has_name,
                    problem=f"{refusal}; the feed is not fetched until it is fixed",
                    not_fetchable=f"not fetchable ({at_line(path.name, line)}): its url {unreadable}",
                    entry_index=i,
                    written=name_written,
                )
            )
            continue
        if "name" in entry and not _usable_name(entry["name"], line, fail):
            # one warning naming it by its url, and the other feeds are fetched (a name that
            # shows nothing refused the whole file, as one empty or of bidi marks only, until
            # r47: hostile M7); what it stored is kept
            why, said = _name_problem(entry["name"]) or ("", "")
            shown_url = hide_url_password(url)
            refusal = fail(line, f"feed {shown_url!r}: {why}")
            skipped.append(
                FeedConfig(
                    url,
                    shown_url,
                    named=False,
                    problem=f"{refusal}; the feed is not fetched until its name is fixed "
                    "(or taken out: the feed's own title names it then)",
                    not_fetchable=f"not fetched ({at_line(path.name, line)}): {said}",
                    entry_index=i,
                    written=hide_passwords(entry["name"]),
                )
            )
            continue
        # shown as named: a password in a URL written as the name (by `add` before 8c1dd65) as ***
        name = hide_passwords(_str(entry.get("name", url), "name", line, fail))
        name_written = hide_passwords(entry["name"]) if "name" in entry else ""
        if (first := urls.get(url_identity(url))) is not None:
            # both would be one stored feed, under the last entry's name: the first one vanished
            raise fail(
                line,
                f"feed url {hide_url_password(url)!r} is already listed as {first[1]!r}"
                f"{f' on line {first[0]}' if first[0] else ''}: one entry per feed",
            )
        urls[url_identity(url)] = (line, name)
        extra = set(entry) - {*FEED_KEYS}
        if extra:
            raise _unknown_key(extra, FEED_KEYS, f"feed {name!r}", "feeds", i, raw, fail)
        fulltext = entry.get("fulltext", settings.fulltext)
        if not _valid_fulltext(fulltext):
            fline = _entry_key_line(raw, "feeds", i, "fulltext") or line
            raise fail(
                fline,
                f"'fulltext' of feed {name!r} must be \"auto\", true or false, not "
                f"{_as_written(fulltext)}",
            )
        keep: dict[str, int] = {}
        for key in RETENTION_KEYS:
            if key in entry:
                problem = _number_problem(key, entry[key], fractional=False)
                if problem:
                    kline = _entry_key_line(raw, "feeds", i, key) or line
                    raise fail(kline, f"{key!r} of feed {name!r} {problem}")
                keep[key] = entry[key]
        download_new = entry.get("download_new", settings.download_new)  # (0: off for it)
        if problem := _number_problem("download_new", download_new, fractional=False):
            dline = _entry_key_line(raw, "feeds", i, "download_new") or line
            raise fail(dline, f"'download_new' of feed {name!r} {problem}")
        tline = _entry_key_line(raw, "feeds", i, "tags") or line
        tags = _tags(entry.get("tags", []), tline, fail, f"feed {name!r}")
        if (owner := names.get(name_key(name))) is not None:
            # one warning, and the other feeds are fetched; what it stored stays listed (its
            # URL is in the file) and reachable by that URL (the v36 build took "Café" and
            # "Cafe\u0301" as two names and fetched both: hostile r46 M6)
            twin = FeedConfig(url, name, tags, entry_index=i, written=name_written)
            skipped.append(name_taken(twin, line, owner))
            continue
        names[name_key(name)] = (line, name_written or name, hide_url_password(url), "feed")
        feeds.append(
            FeedConfig(
                url,
                name,
                tags,
                fulltext,
                keep.get("keep_days"),
                keep.get("keep_per_feed"),
                named="name" in entry,
                download_new=download_new,
                entry_index=i,
                written=name_written,
            )
        )
    local: list[LocalConfig] = []
    skipped_local: list[LocalConfig] = []
    for i, entry in enumerate(_array(data.get("local", []), "local", raw, fail)):
        line = _entry_line(raw, "local", i)
        p = entry.get("path")
        if not isinstance(p, str) or not p.strip():
            if extra := set(entry) - {*LOCAL_KEYS}:  # `pth = …`: the typo, not a missing path
                raise _unknown_key(extra, LOCAL_KEYS, "local entry", "local", i, raw, fail)
            raise fail(line, "local entry has no 'path'")
        lpath = _local_path(path, p, _entry_refusal(raw, i, line, f"local path {p!r}", fail))
        unnamed = "name" in entry and not _usable_name(entry["name"], line, fail)
        name = _path_name(lpath) if unnamed else _local_name(entry, lpath, line, fail)
        name_written = hide_passwords(entry["name"]) if "name" in entry else ""
        extra = set(entry) - {*LOCAL_KEYS}
        if extra:
            raise _unknown_key(extra, LOCAL_KEYS, f"local source {name!r}", "local", i, raw, fail)
        tline = _entry_key_line(raw, "local", i, "tags") or line
        tags = _tags(entry.get("tags", []), tline, fail, f"local source {name!r}")
        if unnamed:  # one warning naming it by its path, the other sources read (as a feed's)
            why, said = _name_problem(entry["name"]) or ("", "")
            refusal = fail(line, f"local source {str(lpath)!r}: {why}")
            warning = f"{refusal}; the local source is not read until its name is fixed"
            not_fetchable = f"not read ({at_line(path.name, line)}): {said}"
            skipped_local.append(
                LocalConfig(lpath, name, tags, warning, not_fetchable, i, name_written)
            )
            continue
        owner = names.get(name_key(name))
        if owner is not None and owner[3] == "feed" and 0 < line < owner[0]:
            # a feed further down the file takes the name of this local source: the later
            # entry is skipped, as of two feeds
            later = next((f for f in feeds if name_key(f.name) == name_key(name)), None)
            if later is not None:
                feeds.remove(later)
                later_line = _entry_line(raw, "feeds", later.entry_index or 0)
                owns = (line, name_written or name, str(lpath), "local source")
                skipped.append(name_taken(later, later_line, owns))
                owner = None
        if owner is not None:
            # one warning, as of two feeds, and the other sources are read (a local source of
            # a taken name refused the whole file until r47)
            spelled = name_written or name
            taken = f"local source name {spelled!r} {_taken_name(spelled, *owner)}"
            problem = f"{fail(line, taken)}; the local source is not read until it is renamed"
            by = f"line {owner[0]}" if owner[0] else repr(owner[2])
            not_fetchable = f"not read ({at_line(path.name, line)}): its name is taken by {by}"
            skipped_local.append(
                LocalConfig(lpath, name, tags, problem, not_fetchable, i, name_written)
            )
            continue
        names[name_key(name)] = (line, name_written or name, str(lpath), "local source")
        local.append(LocalConfig(lpath, name, tags, entry_index=i, written=name_written))
    views: list[ViewConfig] = []
    view_names: set[str] = set()
    for i, entry in enumerate(_array(data.get("views", []), "views", raw, fail)):
        line = _entry_line(raw, "views", i)
        name = _str(entry.get("name"), "name", line, fail) if "name" in entry else ""
        if not name:
            if extra := set(entry) - {"name", "query"}:  # `nmae = …`: the typo, not no name
                raise _unknown_key(extra, ("name", "query"), "view entry", "views", i, raw, fail)
            raise fail(line, "view entry has no 'name'")
        if name_key(name) in view_names:
            raise fail(line, f"duplicate view name {name!r}")
        view_names.add(name_key(name))
        extra = set(entry) - {"name", "query"}
        if extra:
            raise _unknown_key(extra, ("name", "query"), f"view {name!r}", "views", i, raw, fail)
        from newstui.config_tables import ViewConfig

        try:
            qline = _entry_key_line(raw, "views", i, "query") or line
            query = _valid_query(entry.get("query"), f"view {name!r}", line, fail, qline)
        except ConfigError as exc:  # one old or mistyped view does not stop every command
            given = entry.get("query")
            problem = f"{exc}; the view is broken until its query is fixed"
            views.append(ViewConfig(name, given.strip() if isinstance(given, str) else "", problem))
            continue
        hint = _regex_warning(path, qline, f"view {name!r}", query)
        if name_key(name) in names:  # Sources would list it twice, under Views and Feeds
            shared = (
                f"{at_line(path, _entry_key_line(raw, 'views', i, 'name') or line)}: view "
                f"{name!r} has a source's name: Sources lists both; "
                "give the view another name"
            )
            hint = f"{hint}; {shared}" if hint else shared
        views.append(ViewConfig(name, query, hint=hint))
    filters: list[FilterConfig] = []
    for i, entry in enumerate(_array(data.get("filters", []), "filters", raw, fail)):
        line = _entry_line(raw, "filters", i)
        extra = set(entry) - {"name", "query", "action"}
        if extra:
            known = ("name", "query", "action")
            raise _unknown_key(extra, known, "filter", "filters", i, raw, fail)
        given = entry.get("action", "hide")
        if given not in ("hide", "read"):
            raise fail(line, f'filter action must be "hide" or "read", not {given!r}')
        action: FilterAction = "read" if given == "read" else "hide"
        named = _str(entry["name"], "name", line, fail) if "name" in entry else ""
        from newstui.config_tables import FilterConfig

        what = f"filter {named!r}" if named else "filter"
        try:
            qline = _entry_key_line(raw, "filters", i, "query") or line
            query = _valid_query(entry.get("query"), what, line, fail, qline)
        except ConfigError as exc:  # one old or mistyped filter does not stop every command
            written = entry.get("query")
            query = written.strip() if isinstance(written, str) else ""
            kept = ", and what it hid stays hidden" if action == "hide" else ""
            problem = f"{exc}; the filter is off until its query is fixed{kept}"
            filters.append(FilterConfig(query, action, named or query, problem))
            continue
        hint = _regex_warning(path, qline, what, query)
        filters.append(FilterConfig(query, action, named or query, hint=hint))
    sync = _validate_sync(data["sync"], raw, fail) if "sync" in data else None
    keys = _validate_keys(data.get("keys", {}), raw, fail, path)
    # "Tech" on one entry and "tech" on another are one tag, spelled as the file first writes it
    spellings = tag_spellings([*(f.tags for f in feeds), *(s.tags for s in local)])
    feeds = [
        f if f.tags == (t := respelled(f.tags, spellings)) else replace(f, tags=t) for f in feeds
    ]
    local = [
        s if s.tags == (t := respelled(s.tags, spellings)) else replace(s, tags=t) for s in local
    ]
    return Config(
        path,
        settings,
        tuple(feeds),
        tuple(local),
        sync,
        tuple(views),
        tuple(filters),
        keys,
        tuple(skipped),
        tuple(skipped_local),
    )


def _entry_refusal(
    raw: str, index: int, line: int, what: str, fail: Callable[[int, str], ConfigError]
) -> Callable[[str], ConfigError]:
    """How a `[[local]]` entry's path is refused: on the line of its `path = …` (looked up only
    then), "what problem"."""

    def refuse(problem: str) -> ConfigError:
        return fail(_entry_key_line(raw, "local", index, "path") or line, f"{what} {problem}")

    return refuse


def _local_path(config: Path, written: str, refuse: Callable[[str], ConfigError]) -> Path:
    """A `[[local]]` path as every command reads it: `~` expanded, relative to the config's
    folder. One that no command could read is refused (`refuse(problem)`): control characters
    (a NUL was a ValueError traceback at every start: hostile r44 H1), the home of a user this
    system does not have, a loop of symbolic links (resolving it raised)."""
    if problem := _path_problem(written):
        raise refuse(problem)
    expanded = Path(written).expanduser()  # (_path_problem tried it)
    loop = "is a loop of symbolic links"
    try:
        resolved = (config.parent / expanded).resolve()
    except RuntimeError:  # pathlib's "Symlink loop from …" (Python 3.11, 3.12)
        raise refuse(loop) from None
    except OSError as exc:  # (the working folder removed, for one relative to it)
        raise refuse(f"cannot be resolved: {exc.strerror or exc}") from None
    try:
        resolved.stat()
    except OSError as exc:  # (a missing one is fetch's to report, a loop everyone's)
        if exc.errno == errno.ELOOP:  # (Python 3.13 resolves a loop without a word)
            raise refuse(loop) from None
    return expanded if expanded.is_absolute() else resolved


def _path_problem(written: str) -> str | None:
    """Why a path written in the config (a `[[local]]` path, `download_dir`) cannot be one, or
    None: control characters (NUL, escapes, line breaks: shown cleaned, "/tmp/" ESC "[2J" read as
    "/tmp/", hostile r44 L2), or `~user` of no such user."""
    if strip_controls(written) != written or "\n" in written or "\t" in written:
        return "contains control characters"
    try:
        Path(written).expanduser()
    except RuntimeError:  # pathlib: "Could not determine home directory."
        return f"starts with {written.split('/')[0]!r}, a home folder this system cannot find"
    return None


def _local_name(entry: dict[str, Any], lpath: Path, line: int, fail: Any) -> str:
    """A `[[local]]` entry's name: its own, else its file or folder's name (else the path: "/"
    has no name; hostile r44 L3: "'name' must be a non-empty string" for a name never written)."""
    if "name" in entry:
        return _str(entry["name"], "name", line, fail)
    return _path_name(lpath)


def _path_name(path: Path) -> str:
    """A local source's name when none is given: its file or folder's name, else (one that
    shows nothing, or "/") its path."""
    name = clean_line(path.name)
    return name if not shows_nothing(name) else clean_line(str(path))


def _toml_pair(key: str, value: str) -> str:
    """`"key" = "value"` as feeds.toml writes it, all but ASCII's printable characters escaped
    (a key is untrusted text: no control sequence reaches the terminal)."""
    import json

    return f"{json.dumps(key)} = {json.dumps(value)}"


def _validate_keys(table: Any, raw: str, fail: Any, path: Path) -> KeysConfig:
    """`[keys]`: `preset = "vim" | "emacs"`, then `"headlines.open" = "o"` or a list of keys
    (an unquoted `headlines.open = …` is a nested table in TOML: both read the same)."""
    if not isinstance(table, dict):
        raise fail(_table_line(raw, "keys"), "'keys' must be a table of binding ids and keys")
    if not table:
        return KeysConfig()
    preset = table.get("preset", "vim")
    if preset not in KEY_PRESETS:
        line = _key_line(raw, "preset", "keys") or _table_line(raw, "keys")
        raise fail(line, f'keys preset must be "vim" or "emacs", not {preset!r}')
    unbind: tuple[str, ...] = ()
    unbind_line = 0
    if "unbind" in table:
        unbind_line = _key_line(raw, "unbind", "keys") or _table_line(raw, "keys")
        given = table["unbind"]
        listed = [given] if isinstance(given, str) else given
        if not isinstance(listed, list) or not all(
            isinstance(k, str) and k.strip() and "," not in k for k in listed
        ):
            raise fail(unbind_line, 'unbind must be a key or a list of keys, like ["j", "D"]')
        unbind = tuple(k.strip() for k in listed)
    header = _table_header(raw, "keys")
    table_line = _line_at(raw, header.start()) if header else _key_line(raw, "keys")
    entries: list[tuple[str, Any]] = []
    tables: list[tuple[str, int]] = []
    ignored: list[str] = []
    for name, value in table.items():
        if name in ("preset", "unbind"):
            continue
        if isinstance(value, dict):
            sub_header = _table_header(raw, f"keys.{name}")
            first = f"{name}.{next(iter(value), '')}"  # (`name.sub = …` has no header)
            start = header.end() if header else 0
            line = _binding_line(raw, first, start) or table_line
            tables.append((name, _line_at(raw, sub_header.start()) if sub_header else line))
            for sub, v in value.items():
                if isinstance(v, dict):  # [keys.NAME.SUB]: no binding id has three parts
                    deeper = _table_header(raw, f"keys.{name}.{sub}")
                    line = _line_at(raw, deeper.start()) if deeper else table_line
                    where = at_line(path, line)
                    ignored.append(
                        f"{where}: [keys.{name}.{sub}] is not a key table, ignored: write a "
                        f'binding id and its keys, like "headlines.open" = "o"'
                    )
                else:
                    entries.append((f"{name}.{sub}", v))
        else:
            entries.append((name, value))
    bindings = []
    for binding_id, value in entries:
        line = _binding_line(raw, binding_id, header.end() if header else 0) or table_line
        if not re.fullmatch(r"[a-z_]+\.[a-z_]+", binding_id):
            where = at_line(path, line)
            said = f"{where}: {binding_id!r} under [keys] is not a binding id, ignored: "
            if isinstance(value, str) and re.fullmatch(r"[a-z_]+\.[a-z_]+", value.strip()):
                # newsboat's way round, key then what it does (user test r48 LOW-33)
                turned = _toml_pair(value.strip(), binding_id)
                ignored.append(f"{said}write {turned} (the binding id first, then its key)")
            else:
                ignored.append(
                    f"{said}write preset, unbind or a binding id like "
                    '"headlines.open" (see the README\'s Keys section)'
                )
            continue
        keys = [value] if isinstance(value, str) else value
        if (
            not isinstance(keys, list)
            or not keys
            or not all(isinstance(k, str) and k.strip() and "," not in k for k in keys)
        ):
            spaced = isinstance(keys, list) and any(isinstance(k, str) and k == " " for k in keys)
            # a space written as itself (newsboat's `bind-key SPACE`): named, not "not a key"
            hint = ': a space is written "space"' if spaced else ""
            raise fail(
                line, f'keys for {binding_id!r} must be a key or a list of keys, like "o"{hint}'
            )
        from newstui.config_tables import KeyBinding

        bindings.append(KeyBinding(binding_id, tuple(k.strip() for k in keys), line))
    return KeysConfig(preset, tuple(bindings), unbind, unbind_line, tuple(tables), tuple(ignored))


def _binding_line(raw: str, binding_id: str, start: int) -> int:
    """The line of a binding id in the `[keys]` table (quoted, dotted or in a sub-table), or 0."""
    section, _, name = binding_id.partition(".")
    patterns = [
        rf"(?m)^[ \t]*[\"']{re.escape(binding_id)}[\"'][ \t]*=",
        rf"(?m)^[ \t]*{re.escape(section)}[ \t]*\.[ \t]*{re.escape(name)}[ \t]*=",
    ]
    for pattern in patterns:
        match = re.compile(pattern).search(raw, start)
        if match:
            return raw.count("\n", 0, match.start()) + 1
    sub = re.search(rf"(?m)^[ \t]*\[keys\.{re.escape(section)}\]", raw)
    if sub:
        match = re.compile(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*=").search(raw, sub.end())
        if match:
            return raw.count("\n", 0, match.start()) + 1
    return 0


# The extractors `extractor = "…"` may name: newstui.nlp.EXTRACTORS, listed here so that reading
# the config does not import the extractors (the app's first screen would wait for them); a test
# keeps the two lists equal.
EXTRACTOR_NAMES: tuple[str, ...] = ("rules", "none")


def _regex_warning(path: Path, line: int, what: str, query: str) -> str:
    """The warning for a view's or filter's query that parses but is written as a regular
    expression or in newsboat's filter language (`title =~ "^Sponsored"`, what a newsboat user's
    `ignore-article` rule becomes: it hid nothing, unsaid, user test r33 M10), which finds
    nothing ("" for any other)."""
    from newstui.query import regex_hint

    found = regex_hint(query)
    if found is None and ("~" in query or '"' in query):  # (the newsboat module loads only then)
        from newstui.sources.newsboat_urls import newsboat_operator_hint

        found = newsboat_operator_hint(query)
    return f"{at_line(path, line)}: {what}: query {query!r} finds nothing: {found}" if found else ""


def _valid_query(value: Any, what: str, line: int, fail: Any, key_line: int = 0) -> str:
    """A view's or filter's query, which must parse (names' keys make no query invalid: parsed
    without them, reading the config leaves the name lists unloaded, ~160M instructions).
    `key_line` is the line of `query = …`, where a value of the wrong type is reported."""
    from newstui.query import QueryError, parse_query

    if value is not None and not isinstance(value, str):
        problem = f"'query' of {what} must be a string, not {_as_written(value)}"
        raise fail(key_line or line, problem)
    if not isinstance(value, str) or not value.strip():
        raise fail(line, f"{what} has no 'query'")
    try:
        parse_query(value)
    except QueryError as exc:  # at the line of `query = …`, as the wrong type is
        raise fail(key_line or line, f"{what}: query {value.strip()!r}: {exc}") from None
    return value.strip()


def _validate_sync(table: Any, raw: str, fail: Any) -> SyncConfig:
    """The `[sync]` table: service, url, user and one way to get the password."""

    def line(key: str | None = None) -> int:  # looked up only for an error message
        return (_key_line(raw, key, "sync") if key else 0) or _table_line(raw, "sync")

    if not isinstance(table, dict):
        raise fail(line(), "'sync' must be a table ([sync])")
    known = ("service", "url", "user", "password_command", "password_env", "password")
    for key in table:
        if key not in known:
            import difflib

            near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"did you mean {near[0]!r}?" if near else f"it takes {', '.join(known)}"
            raise fail(line(key), f"unknown key {key!r} in [sync] ({hint})")
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise fail(line(key), f"sync {key!r} must be a non-empty string")
    _refuse_sync_controls(table, line, fail)
    service = table.get("service", "greader").strip()
    if service not in SYNC_SERVICES:
        choices = ", ".join(f'"{name}"' for name in SYNC_SERVICES)
        raise fail(
            line("service"),
            f"sync service must be {choices}, not {service!r}",
        )
    url = table.get("url", "").strip()
    if not url:
        raise fail(line(), "[sync] has no 'url' (the server's Google Reader API address)")
    # user:password@ (also with no scheme, or a / in the password): refused, never echoed
    if "@" in re.split(r"[?#]", url, maxsplit=1)[0]:
        raise fail(
            line("url"),
            "sync url has a user name or password in it (the part before @): write the url "
            'without it, the user name as user = "…" and the password as password_command, '
            "password_env or password in [sync] (see the README's Sync section)",
        )
    if not re.match(r"(?i)^https?://[^\s/]+", url) or any(c.isspace() for c in url):
        meant = f" (did you mean 'http://{url}'?)" if re.match(r"[\w.-]+(:\d+)?(/|$)", url) else ""
        raise fail(line("url"), f"sync url {hide_url_password(url)!r} is not an http(s) URL{meant}")
    user = table.get("user", "").strip()
    if not user:
        raise fail(line(), "[sync] has no 'user'")
    ways = [k for k in ("password_command", "password_env", "password") if k in table]
    if not ways:
        raise fail(line(), "[sync] needs password_command, password_env or password")
    if len(ways) > 1:
        raise fail(
            line(ways[1]),
            f"[sync] takes one of password_command, password_env and password, not {ways[0]} and {ways[1]}",
        )
    from newstui.config_tables import SyncConfig

    return SyncConfig(
        url=url,
        user=user,
        service=service,
        password_command=table.get("password_command"),
        password_env=table.get("password_env", "").strip() or None,
        password=table.get("password"),
    )


def _refuse_sync_controls(table: dict[str, str], line: Callable[[str], int], fail: Any) -> None:
    """A `[sync]` value but the password holding control characters is refused: a url was
    shown cleaned, as another url ("http://127.0.0.1:9/x: not an http(s) URL"), and a NUL in
    password_command was a ValueError traceback at sync (hostile r44 L2)."""
    for key, value in table.items():
        if key != "password" and (strip_controls(value) != value or "\n" in value):
            shown = hide_passwords(repr(value))
            raise fail(line(key), f"sync {key} {shown} contains control characters")


# Every numeric setting's accepted range (inclusive) and unit: outside it, one clear message.
NUMBER_RANGES: dict[str, tuple[float, float, str]] = {
    "concurrency": (1, 256, "feeds fetched at once"),
    "per_host": (1, 64, "requests to one host at once"),
    "fulltext_per_host": (1, 64, "article pages from one host at once"),
    "download_concurrency": (1, 16, "downloads at once"),
    "timeout": (0.1, 3600, "seconds"),
    "max_bytes": (1_000, 2_000_000_000, "bytes"),
    "refresh_minutes": (0, 7 * 24 * 60, "minutes; 0 = never"),
    "keep_days": (0, 36_500, "days; 0 = keep every article"),
    "keep_per_feed": (0, 10_000_000, "articles per feed; 0 = no limit"),
    "download_new": (0, 1_000, "new episodes queued per fetch; 0 = none"),
}
RETENTION_KEYS = ("keep_days", "keep_per_feed")


def _as_written(value: Any) -> str:
    """A value as TOML spells it in a message: true and false, not Python's True and False; an
    integer too long to read in a line by its number of digits (hostile r45 H5: 400 digits)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and not -(10**21) < value < 10**21:
        return f"a number of {len(str(abs(value))):,} digits"
    if isinstance(value, dt.date | dt.time):  # not `datetime.date(1979, 5, 27)` (hostile r45 L5)
        return value.isoformat()
    return repr(value)


def _number_problem(key: str, value: Any, fractional: bool) -> str | None:
    """Why `value` is not acceptable for a numeric setting, or None."""
    low, high, unit = NUMBER_RANGES.get(key, (0, 1_000_000_000, "a count"))
    kind = "a number" if fractional else "a whole number"
    allowed = int | float if fractional else int
    if isinstance(value, bool) or not isinstance(value, allowed):
        return f"must be {kind} ({unit}), not {_as_written(value)}"
    # an int is finite; isfinite() of one past 1e308 raised OverflowError (hostile r45 H5)
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number ({unit}), not {value!r}"
    if value < low:
        return f"must be at least {_number(low)} ({unit}), not {_as_written(value)}"
    if value > high:
        return f"must be at most {_number(high)} ({unit}), not {_as_written(value)}"
    return None


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def _validate_settings(table: Any, raw: str, fail: Any) -> Settings:
    if not isinstance(table, dict):
        raise fail(_key_line(raw, "settings"), "'settings' must be a table")
    defaults = Settings()
    values: dict[str, Any] = {}
    for key, value in table.items():
        # the line is looked up only for an error: a valid config is read without a search
        def kline(key: str = key) -> int:
            return (
                _key_line(raw, key, "settings")
                or _table_line(raw, f"settings.{key}")  # [settings.extra]
                or _table_line(raw, "settings")
                or _entry_line(raw, "settings", 0)
            )

        if not hasattr(defaults, key):
            import difflib

            near = difflib.get_close_matches(key, sorted(vars(defaults)), n=1)
            hint = not_a_setting(key) or (f" (did you mean {near[0]!r}?)" if near else "")
            raise fail(kline(), f"unknown setting {key!r}{hint}")
        expected = type(getattr(defaults, key))
        if key == "fulltext":
            if not _valid_fulltext(value):
                raise fail(
                    kline(),
                    f"setting 'fulltext' must be \"auto\", true or false, not {_as_written(value)}",
                )
        elif key == "extractor":
            if value not in EXTRACTOR_NAMES:
                choices = ", ".join(f'"{name}"' for name in EXTRACTOR_NAMES)
                raise fail(kline(), f"setting 'extractor' must be one of {choices}, not {value!r}")
        elif expected in (int, float):
            problem = _number_problem(key, value, expected is float)
            if problem:
                raise fail(kline(), f"setting {key!r} {problem}")
            value = float(value) if expected is float else value
        elif key == "sort":
            if not isinstance(value, str) or SortOrder.parse(value) is None:
                choices = ", ".join(f'"{k}", "{k}-reverse"' for k in SORT_KEYS)
                raise fail(kline(), f"setting 'sort' must be one of {choices}, not {value!r}")
        elif key == "layout":
            if value not in LAYOUTS:
                choices = " or ".join(f'"{name}"' for name in LAYOUTS)
                raise fail(kline(), f"setting 'layout' must be {choices}, not {_as_written(value)}")
        elif key == "download_dir":
            if not isinstance(value, str):
                raise fail(kline(), f"setting 'download_dir' must be a folder path, not {value!r}")
            if problem := _path_problem(value):
                raise fail(kline(), f"setting 'download_dir' {value!r} {problem}")
        elif key in ("browser", "pager", "player"):
            from newstui.launch import LaunchError, needs_shell

            if not isinstance(value, str):
                example = {"browser": "w3m %u", "pager": "less -R", "player": "mpv %f"}[key]
                raise fail(
                    kline(),
                    f'setting {key!r} must be a command string, like "{example}", '
                    f"not {_as_written(value)}",
                )
            if strip_controls(value) != value:  # (a NUL: a ValueError when run)
                raise fail(kline(), f"setting {key!r} {value!r} contains control characters")
            try:
                needs_shell(value)
            except LaunchError as exc:
                raise fail(kline(), f"setting {key!r}: {exc}") from None
        elif not isinstance(value, expected):  # (user test r37 L3: "must be a bool")
            kind = "true or false" if expected is bool else f"a {expected.__name__}"
            raise fail(kline(), f"setting {key!r} must be {kind}, not {_as_written(value)}")
        values[key] = value
    return Settings(**values)


def _array(value: Any, name: str, raw: str, fail: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(_key_line(raw, name), f"'{name}' must be an array of tables ([[{name}]])")
    return value


def _str(value: Any, key: str, line: int, fail: Any) -> str:
    """A name: one line without control characters (TOML escapes like \\u001b are removed)."""
    if not isinstance(value, str):
        raise fail(line, f"{key!r} must be a non-empty string")
    if problem := _name_problem(value, key):
        raise fail(line, problem[0])
    return clean_line(value)


def _usable_name(value: Any, line: int, fail: Any) -> bool:
    """Whether a `[[feeds]]` or `[[local]]` entry's `name` names it: False for a text that
    names nothing (_name_problem: the entry alone is skipped, with one warning). A value that is
    no text at all (name = 3, a list) refuses the file, as a url that is none does: the file's
    shape is wrong there, and what else it holds is no more to be trusted than that entry."""
    if not isinstance(value, str):
        raise fail(line, "'name' must be a non-empty string")
    return _name_problem(value) is None


def _name_problem(value: str, key: str = "name") -> tuple[str, str] | None:
    """Why a name written `value` names nothing a user could see or type, as a config line
    says it and as `feeds` says it of a source so named; None for a usable name."""
    text = clean_line(value)
    if not text and value.strip():  # hostile r44 L3
        said = f"{key!r} is empty once its control characters are removed ({value!r})"
        return said, "its name is only control characters"
    if not text and value:  # (U+2028, U+0085: "must be a non-empty string" said r47 M7)
        said = f"{key!r} is only white space (written {_escaped(value)})"
        return said, "its name is only white space"
    if not text:
        return f"{key!r} must be a non-empty string", "its name is empty"
    if shows_nothing(text):  # (a blank line in Sources and `feeds` that no one can type)
        said = f"{key!r} shows nothing: it is only invisible characters (written {_escaped(text)})"
        return said, "its name shows nothing"
    return None


def _tags(value: Any, line: int, fail: Any, owner: str) -> tuple[str, ...]:
    """An entry's tags: a list of strings, or one tag alone as a string (spaces and all: "World
    News" is one tag, as the last release took it, review r37 C1). A string holding a comma is
    several tags written as one (user test r37 L8: `tags = "news, world"` was one tag "news,
    world"): one line says how to write them."""
    if isinstance(value, str) and "," not in value:
        value = [value]
    if isinstance(value, str):
        words = [w for w in value.split(",") if w.strip()]
        like = ", ".join(f'"{w.strip()}"' for w in words)
        raise fail(line, f"'tags' of {owner} must be a list, like tags = [{like}], not {value!r}")
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise fail(line, f"'tags' of {owner} must be a list of strings")
    return clean_tags(value)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as stored: one line each, no control characters, no empty or repeated tag ("Tech"
    and "tech" are one: the first spelling is kept)."""
    return respelled((tag for tag in map(clean_line, tags) if tag), {})


_P = ParamSpec("_P")
_R = TypeVar("_R")
_EDITING = threading.Lock()  # one edit of a config file at a time in this process


@contextlib.contextmanager
def _config_locked(path: Path) -> Iterator[None]:
    """Hold the right to edit the config file at `path`: against this process's other threads
    (the app's workers: `I` import, `a` add, removals) and, where the system has flock, other
    newstui processes (a CLI `add` beside the app), by a lock on the file's folder. Each edit
    reads the file, changes it and replaces it: two at once lost one's feeds (review r39 CW1)."""
    with _EDITING:
        try:
            import fcntl
        except ImportError:  # (no flock here: this process's threads are still kept apart)
            yield
            return
        folder = (Path(os.path.realpath(path)) if path.is_symlink() else path).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(folder, os.O_RDONLY)
        except OSError:  # (the write says what is wrong with the folder)
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # (closing drops the lock)


class _NotEditable(Exception):
    """A config text tomllib reads but tomlkit cannot edit (values nested deeper than tomlkit's
    100 levels: an ignored `[keys]` inline table, say); _edits_config names the file."""


def _document(raw: str) -> TOMLDocument:
    """tomlkit's document of a config text, to edit it; _NotEditable when tomlkit refuses it."""
    import tomlkit  # only editing needs it
    from tomlkit.exceptions import ParseError

    try:
        return tomlkit.parse(raw)
    except ParseError as exc:
        reason = re.sub(r" at line \d+ col \d+$", "", str(exc))
        raise _NotEditable(f"{exc.line}: cannot edit it: {reason}") from None


def _edits_config(edit: Callable[Concatenate[Path, _P], _R]) -> Callable[Concatenate[Path, _P], _R]:
    """Run a read-change-replace of the config file under _config_locked. A text nested too
    deeply to edit is one line naming the file, and the file is left as it was (hostile r44 H2:
    `add` and `opml import` parse it again, with tomllib and tomlkit)."""

    def locked(path: Path, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with _config_locked(path):
            try:
                return edit(path, *args, **kwargs)
            except (RecursionError, _NotEditable) as exc:
                where = f"{path}:{exc}" if isinstance(exc, _NotEditable) else f"{path}: {_TOO_DEEP}"
                raise ConfigError(f"{where} (not written: the file is as it was)") from None

    locked.__name__, locked.__doc__ = edit.__name__, edit.__doc__
    return locked


@_edits_config
def add_view(path: Path, name: str, query: str) -> ViewConfig:
    """Append a `[[views]]` entry to the config file (comments kept); a name a view or source
    has already gets " (2)" (a view named like a feed is warned of at load: review r34 V1, `F`
    on the organisation "Reuters" beside a feed "Reuters" wrote one)."""
    from newstui.nlp import query_keys
    from newstui.query import parse_query

    parse_query(query, query_keys)  # raises QueryError for an invalid query
    config = load_config(path)
    names = [v.name for v in config.views] + [f.name for f in config.feeds]
    known = {name_key(n) for n in names + [s.name for s in config.local]}
    name = free_name(" ".join(name.split()) or query.strip(), known)
    import tomlkit  # only editing needs it

    raw = path.read_text("utf-8")
    table = tomlkit.table()
    table["name"] = name
    query = query.strip()
    # 'person:"Dmitry Peskov"' reads better than "person:\"Dmitry Peskov\"" in the file.
    literal = "'" not in query and not any(c < " " for c in query)
    table["query"] = tomlkit.string(query, literal=True) if literal else query
    text = _with_entries(raw, "views", [table])
    _write_config(path, _appended_parted(_tables_parted(text), "views", 1))
    from newstui.config_tables import ViewConfig

    return ViewConfig(name, query)


@dataclass(frozen=True)
class SettingsAdded:
    """What `add_settings` wrote to [settings] and [keys], and what it left as the file had it."""

    written: tuple[tuple[str, Any], ...] = ()  # (setting, value)
    kept: tuple[tuple[str, Any, Any], ...] = ()  # (setting, the value offered, the file's)
    refused: tuple[tuple[str, str], ...] = ()  # (setting, why its value is none newstui takes)
    keys_written: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (binding id, keys)
    keys_kept: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (binding id, the keys offered)
    replaced: tuple[tuple[str, Any], ...] = ()  # (setting, the shipped example's value it had)


def setting_problem(key: str, value: Any) -> str | None:
    """Why `value` is no valid value of the setting `key` ("setting 'keep_days' must be …"),
    or None."""

    class _Refused(Exception):
        pass

    def fail(line: int, message: str) -> Exception:
        del line
        return _Refused(message)

    try:
        _validate_settings({key: value}, "", fail)
    except _Refused as exc:
        return str(exc)
    return None


@_edits_config
def add_settings(
    path: Path, settings: Sequence[tuple[str, Any]], keys: Mapping[str, Sequence[str]]
) -> SettingsAdded:
    """Write these [settings] values and [keys] bindings into the config file (comments kept),
    but none the file sets already (an imported value never overwrites the user's) nor an
    invalid one; returns what was written, kept and refused. A setting line still exactly as
    the shipped example writes it (`refresh_minutes = 30` with its comment) is the example's,
    not the user's: it takes the value offered (user test r48 MED-11)."""
    import tomlkit  # only editing needs it

    raw = path.read_text("utf-8") if path.exists() else ""
    config = parse_config(path, raw)  # (raises on a file that does not read, as add_feeds)
    doc = _document(raw)
    table = doc.get("settings")
    own = dict(table) if isinstance(table, dict) else {}
    examples = _example_setting_lines(raw) if isinstance(table, dict) else {}
    written: list[tuple[str, Any]] = []
    kept: list[tuple[str, Any, Any]] = []
    refused: list[tuple[str, str]] = []
    replaced: list[tuple[str, Any]] = []
    for key, value in settings:
        if key in own and key not in examples:
            kept.append((key, value, own[key]))
        elif (problem := setting_problem(key, value)) is not None:
            refused.append((key, problem))
        elif key not in dict(written):
            written.append((key, value))
            if key in own:
                replaced.append((key, own[key]))
    given = {binding.id for binding in config.keys.bindings}
    keys_written = [(i, tuple(k)) for i, k in keys.items() if i not in given and k]
    keys_kept = [(i, tuple(k)) for i, k in keys.items() if i in given and k]
    if not written and not keys_written:
        return SettingsAdded((), tuple(kept), tuple(refused), (), tuple(keys_kept))
    bindings: list[tuple[str, Any]] = [
        (i, bound[0] if len(bound) == 1 else list(bound)) for i, bound in keys_written
    ]
    text: str | None = raw
    for name, values in (("settings", written), ("keys", bindings)):
        if values and text is not None:
            text = _with_table_keys(text, name, values)
    if text is None:  # (a layout the lines above do not read: tomlkit's own writing)
        for name, values in (("settings", written), ("keys", bindings)):
            if values:
                found = doc.get(name)
                if not isinstance(found, dict):
                    found = tomlkit.table()
                    doc[name] = found
                for key, value in values:
                    found[key] = value
        text = _tables_parted(tomlkit.dumps(doc))
    _write_config(path, text)
    return SettingsAdded(
        tuple(written),
        tuple(kept),
        tuple(refused),
        tuple(keys_written),
        tuple(keys_kept),
        tuple(replaced),
    )


def _line_words(line: str) -> str:
    """A line with its runs of blanks made one space, to compare lines as written."""
    return " ".join(line.split())


def _example_setting_lines(raw: str) -> dict[str, str]:
    """The [settings] keys whose line in `raw` is still the shipped example's, word for word
    (value and comment): set by the example, not by the user."""
    shipped = example_config_text()
    theirs = _table_lines(raw, "settings")
    ours = _table_lines(shipped, "settings")
    if theirs is None or ours is None:
        return {}
    example = _real_keys(shipped.splitlines(), ours)
    found = _real_keys(raw.splitlines(), theirs)
    return {
        key: line
        for key, line in found.items()
        if key in example and _line_words(line) == _line_words(example[key])
    }


def _table_lines(raw: str, table: str) -> tuple[int, int] | None:
    """The `[table]` header's index in raw's lines and the index of the next header (or the
    line count), or None when it has no such header."""
    header = _table_header(raw, table)
    if header is None:
        return None
    lines = raw.splitlines()
    start = raw.count("\n", 0, header.start())
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"[ \t]*\[", lines[i])), len(lines)
    )
    return start, end


def _real_keys(lines: list[str], span: tuple[int, int]) -> dict[str, str]:
    """The keys written one a line in a table's span (`key = value  # comment`), by key."""
    import tomllib

    found: dict[str, str] = {}
    for line in lines[span[0] + 1 : span[1]]:
        try:
            keys = list(tomllib.loads(line))
        except tomllib.TOMLDecodeError:
            continue
        if len(keys) == 1:
            found.setdefault(keys[0], line)
    return found


def _commented_key(line: str) -> str | None:
    """The key a commented-out line would set (`# keep_days = 90  # …` → keep_days), or None."""
    import tomllib

    match = re.match(r"[ \t]*#+[ \t]*(?=\S)", line)
    if match is None:
        return None
    try:
        keys = list(tomllib.loads(line[match.end() :]))
    except tomllib.TOMLDecodeError:
        return None
    return keys[0] if len(keys) == 1 else None


def _setting_text(key: str, value: Any, old: str) -> str:
    """`key = value`, with the comment `old` (a line it replaces) ends with, at its column."""
    import tomllib

    import tomlkit  # only editing needs it

    line = f"{tomlkit.key(key).as_string()} = {tomlkit.item(value).as_string()}"
    body = re.match(r"[ \t]*#*[ \t]*", old)
    start = body.end() if body else 0
    for hash_at in (m.start() for m in re.finditer("#", old) if m.start() >= start):
        try:
            if tomllib.loads(old[start:hash_at]):
                comment = old[hash_at:].rstrip()
                gap = hash_at - start - len(old[start:hash_at].rstrip())
                column = hash_at if gap > 2 else len(line) + gap  # aligned, or its own gap
                return f"{line.ljust(max(column, len(line) + 2))}{comment}"
        except tomllib.TOMLDecodeError:
            continue
    return line


def _with_table_keys(raw: str, table: str, values: Sequence[tuple[str, Any]]) -> str | None:
    """The config text with these keys written inside its `[table]` block: a key whose line is
    the shipped example's, or whose commented-out example line the block holds, in that line's
    place (its comment kept); the others under the block's last key, never after the
    commented-out example of a table further down (user test r48 MED-11: uncommenting `# [sync]`
    moved them into [sync]). A file without the table gets it above its first table. None when
    the text made does not read as the same config with these values (tomlkit writes it then)."""
    import tomllib

    lines = raw.splitlines()
    span = _table_lines(raw, table)
    examples = _example_setting_lines(raw) if table == "settings" else {}
    new = [_setting_text(key, value, "") for key, value in values]
    if span is None:  # [settings] above the first table, [keys] at the end
        first = (i for i, x in enumerate(lines) if re.match(r"[ \t]*\[", x))
        at = next(first, len(lines)) if table == "settings" else len(lines)
        top = at  # (above the comment lines right over that table: theirs)
        while at < len(lines) and top > 0 and lines[top - 1].lstrip().startswith("#"):
            top -= 1
        at = at if top == 0 else top
        block = [f"[{table}]", *new]
        before = lines[:at]
        if before and before[-1].strip():
            block.insert(0, "")
        if at < len(lines):
            block.append("")
        lines[at:at] = block
    else:
        start, end = span
        last = max(
            (i for i in range(start + 1, end) if lines[i].strip() and not _comment(lines[i])),
            default=start,
        )
        paragraph = next((i for i in range(last + 1, end) if not lines[i].strip()), end)
        below: list[str] = []
        places: dict[int, str] = {}
        for (key, value), line in zip(values, new, strict=True):
            place = next(
                (
                    i
                    for i in range(start + 1, paragraph)
                    if i not in places
                    and (
                        (key in examples and lines[i] == examples[key])
                        or _commented_key(lines[i]) == key
                    )
                ),
                None,
            )
            if place is None:
                below.append(line)
            else:
                places[place] = _setting_text(key, value, lines[place])
        for at, line in places.items():
            lines[at] = line
        lines[last + 1 : last + 1] = below
    text = "\n".join(lines) + ("\n" if raw.endswith("\n") or not raw else "")
    try:
        wanted = tomllib.loads(raw)
        wanted.setdefault(table, {}).update(dict(values))
        if tomllib.loads(text) != wanted:
            return None
    except (tomllib.TOMLDecodeError, AttributeError):
        return None
    return text


def _comment(line: str) -> bool:
    """Whether a line is a comment alone."""
    return line.lstrip().startswith("#")


def _names_and_spellings(config: Config) -> tuple[set[str], dict[str, str]]:
    """The source names a config takes (folded: feeds and local sources share them) and its
    tags' spellings (a tag it spells already keeps that spelling: "--tag TECH" joins "Tech")."""
    feeds = (*config.feeds, *config.skipped_feeds)  # (a skipped one's name is taken when fixed)
    names = {name_key(f.name) for f in feeds} | {name_key(s.name) for s in config.local}
    return names, tag_spellings([*(f.tags for f in config.feeds), *(s.tags for s in config.local)])


def _spelled_tags(tags: Iterable[str], spellings: dict[str, str]) -> tuple[str, ...]:
    """An entry's tags, clean and spelled as the config spells them already; a new tag's own
    spelling is the one the entries after it take."""
    spelled = respelled(clean_tags(tags), spellings)
    for tag in spelled:
        spellings.setdefault(name_key(tag), tag)
    return spelled


@_edits_config
def add_feeds(path: Path, feeds: list[FeedConfig]) -> list[FeedConfig]:
    """Append feeds to the config file, keeping its comments and layout; returns those added."""
    import tomlkit  # only editing needs it

    # a config that does not exist yet is the example (its feeds commented out) plus these
    raw = path.read_text("utf-8") if path.exists() else example_config_text()
    config = parse_config(path, raw)
    # same_url's identity: looked up, not searched
    known_urls = {url_identity(f.url) for f in (*config.feeds, *config.skipped_feeds)}
    known_names, spellings = _names_and_spellings(config)
    tables: list[Table] = []
    added: list[FeedConfig] = []
    for feed in feeds:
        if url_identity(feed.url) in known_urls:
            continue
        base = clean_line(feed.name)
        if not base or shows_nothing(base):  # (an OPML title of invisible characters: no name)
            base = feed.url
        named = feed.named and base != feed.url  # no name known: the feed's title will name it
        name = free_name(base, known_names)
        table = tomlkit.table()
        if named:
            table["name"] = name
        table["url"] = feed.url
        tags = _spelled_tags(feed.tags, spellings)
        if tags:
            table["tags"] = list(tags)
        if feed.fulltext != "auto":
            table["fulltext"] = feed.fulltext
        tables.append(table)
        known_urls.add(url_identity(feed.url))
        known_names.add(name_key(name))
        added.append(FeedConfig(feed.url, name, tags, feed.fulltext, named=named))
    if added:
        text = _with_entries(raw, "feeds", tables)
        _write_config(path, _appended_parted(_tables_parted(text), "feeds", len(added)))
    return added


@_edits_config
def add_local_sources(path: Path, sources: list[LocalConfig]) -> list[LocalConfig]:
    """Append `[[local]]` entries (a file or folder read on every fetch) to the config file,
    keeping its comments, but for a path it lists already; a name taken gets " (2)"; returns
    those added."""
    import tomlkit  # only editing needs it

    raw = path.read_text("utf-8") if path.exists() else example_config_text()
    config = parse_config(path, raw)
    known_paths = {s.path for s in config.local}
    known_names, spellings = _names_and_spellings(config)
    tables: list[Table] = []
    added: list[LocalConfig] = []
    for source in sources:
        if source.path in known_paths:
            continue
        name = clean_line(source.name)
        name = free_name(name if not shows_nothing(name) else _path_name(source.path), known_names)
        table = tomlkit.table()
        table["name"] = name
        table["path"] = str(source.path)
        tags = _spelled_tags(source.tags, spellings)
        if tags:
            table["tags"] = list(tags)
        tables.append(table)
        known_paths.add(source.path)
        known_names.add(name_key(name))
        added.append(LocalConfig(source.path, name, tags))
    if added:
        text = _with_entries(raw, "local", tables)
        _write_config(path, _appended_parted(_tables_parted(text), "local", len(added)))
    return added


@_edits_config
def add_feed_tags(path: Path, feeds: list[FeedConfig]) -> list[str]:
    """Add `feeds`' tags to the feeds the config file lists already (by URL), keeping its
    comments and each tag's spelling there; returns the names of the feeds that got a tag."""
    import tomlkit  # only editing needs it

    if not path.exists() or not any(f.tags for f in feeds):
        return []
    raw = path.read_text("utf-8")
    config = parse_config(path, raw)  # (raises on a file that does not read, as add_feeds)
    spellings = tag_spellings([*(f.tags for f in config.feeds), *(s.tags for s in config.local)])
    doc = _document(raw)
    by_url: dict[tuple[str, ...], list[str]] = {}  # same_url's identity: looked up, not searched
    for f in feeds:
        by_url.setdefault(url_identity(f.url), []).extend(clean_tags(f.tags))
    tagged: list[str] = []
    for table in doc.get("feeds", []):
        url = table.get("url") if isinstance(table, dict) else None
        if not isinstance(url, str):
            continue
        had = [str(t) for t in table.get("tags", [])]
        new = by_url.get(url_identity(url), [])
        tags = respelled([*had, *new], spellings)
        if len(tags) > len(respelled(had, spellings)):
            table["tags"] = list(tags)
            tagged.append(str(table.get("name") or url))
    if tagged:
        _write_config(path, tomlkit.dumps(doc))
    return tagged


@_edits_config
def nest_flat_tags(
    path: Path, feeds: list[FeedConfig]
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Replace the flat folder tags an older OPML import gave feeds listed already ("News",
    "Europe", "Deep") by the path tags `feeds` now give them ("News/Europe/Deep"): only where a
    feed's tags are exactly the parts of its new tags, and no view or filter query names one of
    them (then the user may use them). So too a folder whose title holds a "/", which round 47
    read as nesting ("AC/DC Fans", now "AC∕DC Fans": model.folders.one_folder_name). Returns
    (name, old tags, new tags) of each feed changed (user test r47 M1: the feed was then
    exported in 4 folders)."""
    import tomlkit  # only editing needs it

    from newstui.model.folders import FOLDER_SLASH, PATH_SLASH

    def holds_path(tags: Iterable[str]) -> bool:
        return any("/" in t or FOLDER_SLASH in t for t in tags)

    def read_as_nested(key: str) -> str:  # ("ac∕dc fans" was read as "ac/dc fans")
        return key.replace(FOLDER_SLASH, "/")

    if not path.exists() or not any(holds_path(f.tags) for f in feeds):
        return []
    raw = path.read_text("utf-8")
    config = parse_config(path, raw)
    queries = " ".join(
        name_key(q) for q in [*(v.query for v in config.views), *(f.query for f in config.filters)]
    )
    spellings = tag_spellings([*(f.tags for f in config.feeds), *(s.tags for s in config.local)])
    by_url: dict[tuple[str, ...], tuple[str, ...]] = {}
    for f in feeds:
        tags = respelled(clean_tags(f.tags), spellings)
        if holds_path(tags):
            by_url[url_identity(f.url)] = tags
    doc = _document(raw)
    nested: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    for table in doc.get("feeds", []):
        url = table.get("url") if isinstance(table, dict) else None
        new = by_url.get(url_identity(url), ()) if isinstance(url, str) else ()
        had = tuple(str(t) for t in table.get("tags", [])) if new else ()
        parts = {read_as_nested(name_key(p)) for t in new for p in PATH_SLASH.split(t) if p}
        had_keys = {read_as_nested(name_key(t)) for t in had}
        flat = len(had) >= 2 and had_keys == parts
        one_title = had_keys == {read_as_nested(name_key(t)) for t in new} and {
            name_key(t) for t in had
        } != {name_key(t) for t in new}
        if not (flat or one_title) or any(name_key(t) in queries for t in had):
            continue
        table["tags"] = list(new)
        nested.append((str(table.get("name") or url), had, new))
    if nested:
        _write_config(path, tomlkit.dumps(doc))
    return nested


@_edits_config
def set_source_tags(path: Path, tags: Mapping[str, Sequence[str]]) -> list[str]:
    """Rewrite the tags of config entries (each by name, URL or path, as `remove_sources`),
    keeping the file's comments: a folder removed takes only its tag off a source that is in
    another folder too. Returns the names of the entries changed."""
    import tomlkit  # only editing needs it

    config = load_config(path)
    doc = _document(path.read_text("utf-8"))
    changed: list[str] = []
    for entry, new in tags.items():
        source = config.source_named(entry) or config.skipped_named(entry)
        if source is None or source.entry_index is None or tuple(new) == source.tags:
            continue
        table = doc["feeds" if isinstance(source, FeedConfig) else "local"][source.entry_index]
        if new:
            table["tags"] = list(new)
        elif "tags" in table:
            del table["tags"]
        changed.append(source.name)
    if changed:
        _write_config(path, tomlkit.dumps(doc))
    return changed


# A table header ([keys], [[views]]): tomlkit appends an entry to an array of tables with no blank
# line between it and the next table's header.
_TABLE_HEADER = re.compile(r"\[\[?[\w.\"' -]+\]\]?[ \t]*(?:#.*)?")


def _tables_parted(text: str) -> str:
    """The config text with a blank line before each table header right under a setting (a
    comment line above a header stays with it)."""
    lines: list[str] = []
    for line in text.split("\n"):
        above = lines[-1].strip() if lines else ""
        if above and not above.startswith("#") and _TABLE_HEADER.fullmatch(line):
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


@_edits_config
def add_hide_filters(path: Path, filters: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Append `[[filters]]` hide entries (name, query) to the config file (comments kept), but
    for a query a filter has already; returns the ones added. Raises QueryError for an invalid
    query before anything is written."""
    from newstui.nlp import query_keys
    from newstui.query import parse_query

    for _, query in filters:
        parse_query(query, query_keys)
    known = {f.query.strip() for f in load_config(path).filters}
    added = []
    for name, query in filters:
        if query.strip() not in known:
            known.add(query.strip())
            added.append((name, query.strip()))
    if not added:
        return []
    import tomlkit  # only editing needs it

    tables: list[Table] = []
    for name, query in added:
        table = tomlkit.table()
        table["name"] = name
        literal = "'" not in query and not any(c < " " for c in query)
        table["query"] = tomlkit.string(query, literal=True) if literal else query
        table["action"] = "hide"
        tables.append(table)
    text = _with_entries(path.read_text("utf-8"), "filters", tables)
    text = _appended_parted(_tables_parted(text), "filters", len(added))
    _write_config(path, text)
    return added


def _with_entries(raw: str, table: str, entries: list[Table]) -> str:
    """The config text with these `[[table]]` entries written after the last one it has (at its
    end when it has none), the rest of it as it was. tomlkit, appending to an array of tables
    the file writes in two places (a feed after the `[[views]]`), moved the later part up to the
    first and left its comments behind (user test r38 L18); when the file's layout does not
    allow it, tomlkit's own writing."""
    import tomllib

    import tomlkit  # only editing needs it

    piece = tomlkit.document()
    listed = tomlkit.aot()
    for entry in entries:
        listed.append(entry)
    piece[table] = listed
    lines = raw.splitlines(keepends=True)
    at = _entry_end(lines, headers[-1]) if (headers := _header_lines(raw, table)) else len(lines)
    before = "".join(lines[:at])
    text = (before.rstrip("\n") + "\n\n" if before.strip() else "") + tomlkit.dumps(piece)
    if at < len(lines):  # the blank line before what follows, as it had one
        text += ("" if not lines[at].strip() else "\n") + "".join(lines[at:])
    doc = _document(raw)
    if table not in doc:
        doc[table] = tomlkit.aot()
    for entry in entries:
        doc[table].append(entry)
    whole = tomlkit.dumps(doc)
    try:
        same = tomllib.loads(text) == tomllib.loads(whole)
    except tomllib.TOMLDecodeError:  # (an inline `feeds = [...]` array, say)
        same = False
    return text if same else whole


def _entry_end(lines: list[str], header: int) -> int:
    """The index of the line after the entry whose header is line `header` (1-based): before
    the next header, the comment block right above it (a blank line or none between), the
    blank lines above that block and ruled headings above those; but a block glued under the
    entry's last line with a blank line below it, or a block further up, is the entry's own
    (review r39 CF1: a commented-out `# fulltext = "always"` under feed A went under the feed
    `add` wrote after A)."""
    end = next(
        (i for i in range(header, len(lines)) if re.match(r"[ \t]*\[", lines[i])), len(lines)
    )
    if end == len(lines):
        return end

    def blanks_above(at: int) -> int:
        while at - 1 >= header and not lines[at - 1].strip():
            at -= 1
        return at

    def block_above(at: int) -> int:
        while at - 1 >= header and lines[at - 1].lstrip().startswith("#"):
            at -= 1
        return at

    below = end
    end = blanks_above(end)
    block = block_above(end)
    first = True
    while block < end and (first or any(_HEADING_COMMENT.match(x) for x in lines[block:end])):
        heading = any(_HEADING_COMMENT.match(x) for x in lines[block:end])
        if lines[block - 1].strip() and end < below and not heading:
            break  # glued under the entry's last line, a blank line below: the entry's own
        below = block
        end, first = blanks_above(block), False
        block = block_above(end)
    return end


def _appended_parted(text: str, table: str, count: int) -> str:
    """The config text with a blank line above each of the last `count` `[[table]]` headers
    (the entries just appended), even under a comment: tomlkit wrote `[[feeds]]` right under the
    example's last line, `# tags = ["saved"]`, and `remove` then took that comment with it."""
    lines = text.split("\n")
    for line in reversed(_header_lines(text, table)[-count:] if count else ()):
        if line >= 2 and lines[line - 2].strip():
            lines.insert(line - 1, "")
    return "\n".join(lines)


@_edits_config
def remove_source(path: Path, name: str) -> FeedConfig | LocalConfig:
    """Delete a feed or local source (by name, URL or path) from the config file, keeping the
    rest of the file as it was; returns what was removed."""
    config = load_config(path)
    source = config.source_named(name) or config.skipped_named(name)
    if source is None:
        raise ConfigError(
            f"{path}: no source named {hide_url_password(name)!r} (see `newstui feeds`)"
        )
    if isinstance(source, FeedConfig):
        assert source.entry_index is not None  # (load_config's)
        _remove_entry(config, "feeds", source.entry_index, source, _feed_entries)
    else:
        assert source.entry_index is not None  # (load_config's)
        _remove_entry(config, "local", source.entry_index, source, _local_entries)
    return source


@_edits_config
def remove_sources(path: Path, names: Iterable[str]) -> list[FeedConfig | LocalConfig]:
    """Delete feeds and local sources (each by name, URL or path) from the config file in one
    write, the rest of it as it was (a folder of 600 feeds: one read and one write, not 600);
    a name the file lists no more is passed over; returns what was removed."""
    config = load_config(path)
    found: dict[tuple[str, int], FeedConfig | LocalConfig] = {}
    for name in names:
        source = config.source_named(name) or config.skipped_named(name)
        if source is not None and source.entry_index is not None:
            table = "feeds" if isinstance(source, FeedConfig) else "local"
            found[(table, source.entry_index)] = replace(source, problem="", not_fetchable="")
    if not found:
        return []
    _remove_entries(config, found, lambda c: (*_feed_entries(c), *_local_entries(c)))
    return list(found.values())


def _feed_entries(config: Config) -> tuple[FeedConfig, ...]:
    """A config's `[[feeds]]` entries as _remove_entry compares them: those skipped without
    their warning (it names a line, which moves)."""
    unplaced = (replace(f, problem="", not_fetchable="") for f in config.skipped_feeds)
    return (*config.feeds, *unplaced)


def _local_entries(config: Config) -> tuple[LocalConfig, ...]:
    """A config's `[[local]]` entries as _remove_entry compares them (as _feed_entries)."""
    unplaced = (replace(s, problem="", not_fetchable="") for s in config.skipped_local)
    return (*config.local, *unplaced)


@_edits_config
def remove_view(path: Path, name: str) -> ViewConfig:
    """Delete a saved view (by name, any case) from the config file, keeping the rest of the
    file as it was; returns what was removed. Its articles stay in their feeds."""
    config = load_config(path)
    view = next((v for v in config.views if name_key(v.name) == name_key(name)), None)
    if view is None:
        raise ConfigError(f"{path}: no view named {name!r}")
    _remove_entry(config, "views", config.views.index(view), view, lambda c: c.views)
    return view


def _remove_entry(
    config: Config,
    table: str,
    index: int,
    removed: object,
    entries: Callable[[Config], tuple[object, ...]],
) -> None:
    """Write the config file without the index-th `[[table]]` entry (`removed`, as `entries`
    gives it), the rest as it was; `entries` reads that table's entries from a config (to check
    the cut left the others)."""
    _remove_entries(config, {(table, index): removed}, entries)


def _remove_entries(
    config: Config,
    removed: Mapping[tuple[str, int], object],
    entries: Callable[[Config], tuple[object, ...]],
) -> None:
    """Write the config file without each `[[table]]` entry at (table, index) of `removed` (the
    entry as `entries` gives it), in one write, the rest as it was; `entries` reads the tables'
    entries from a config (to check the cut left the others)."""
    import tomllib

    path = config.path
    raw = path.read_text("utf-8")
    kept = list(entries(config))
    for entry in removed.values():
        if isinstance(entry, FeedConfig | LocalConfig):
            entry = replace(entry, problem="", not_fetchable="")
        kept.remove(entry)  # (one of two alike: either leaves the same list)
    # the last first: the others' places hold
    places = sorted(removed, key=lambda place: place[1], reverse=True)
    text = raw
    for table, index in places:
        text = _without_entry(text, table, index)
    try:
        after = _validate(path, text, tomllib.loads(text))
    except (ConfigError, tomllib.TOMLDecodeError):
        after = None
    if after is None or list(entries(after)) != kept:
        import tomlkit  # only editing needs it

        doc = _document(raw)  # an unusual layout: let tomlkit cut the entries out
        for table, index in places:
            del doc[table][index]
        for table in {table for table, _ in places}:
            if not len(doc[table]):
                del doc[table]
        text = tomlkit.dumps(doc)
    _write_config(path, text)


# A comment that heads a section of the file, ruled off: "# --- tech ---", "## Tech ##", "# Tech ==="
_HEADING_COMMENT = re.compile(r"[ \t]*#+\s*(?:[-=*~_#]{2,}.*|.*\S\s*[-=*~_#]{2,})\s*$")


def _entry_header(line: str, table: str) -> bool:
    """Whether a line is the header of a `[[table]]` entry."""
    return (
        re.fullmatch(rf"[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\][ \t]*(?:#.*)?\s*", line)
        is not None
    )


def _without_entry(raw: str, table: str, index: int) -> str:
    """The config text without the index-th `[[table]]` entry and the comment lines just above
    it (comments just above the next header stay with that header), but for a section's
    heading over them when the next entry goes on under it (user test r38 L18: `remove` took
    "# --- tech ---" with the section's first feed)."""
    lines = raw.splitlines(keepends=True)
    header = _entry_line(raw, table, index) - 1
    if header < 0:
        return raw

    def is_comment(line: str) -> bool:
        return line.lstrip().startswith("#")

    start = header
    while start > 0 and is_comment(lines[start - 1]):
        start -= 1
    end = next(
        (i for i in range(header + 1, len(lines)) if re.match(r"[ \t]*\[", lines[i])), len(lines)
    )
    # a section's heading ("# --- tech ---") over its first entry stays while the section goes on
    headings = [i for i in range(start, header) if _HEADING_COMMENT.match(lines[i])]
    if headings and end < len(lines) and _entry_header(lines[end], table):
        above = end
        while above > header + 1 and is_comment(lines[above - 1]):
            above -= 1
        if not any(_HEADING_COMMENT.match(line) for line in lines[above:end]):
            start = headings[-1] + 1
    while end - 1 > header and (is_comment(lines[end - 1]) or not lines[end - 1].strip()):
        end -= 1
    while end < len(lines) and not lines[end].strip():
        end += 1  # the blank lines after the entry go with it
    return "".join(lines[:start] + lines[end:])


def _write_config(path: Path, text: str) -> None:
    """Replace the config file at once (never half-written) with `text`, once that loads: a
    text that does not is one line naming its problem, and the file is left as it was (review
    r34 C2: it was checked only after it had replaced the file, which then failed every start).

    A symlinked file (a dotfiles repository) is written where the link points, and the link
    stays; the file keeps its permissions (`chmod 600` for a sync password stays 600): user
    test r34 M5, a rewrite replaced the link by a file readable by everyone. The text is
    written to a temporary file of its own (0600 until it takes the old file's permissions; a
    new config stays 0600), removed if the write fails. A file holding a password (a feed's
    address with one, `add https://me:pw@…`, or [sync]'s) is written readable by its owner alone
    (user test r48 LOW-21: it stayed -rw-r--r-- on a shared machine)."""
    import tempfile

    try:
        written = parse_config(path, text)  # the result must be valid
    except ConfigError as exc:
        raise ConfigError(f"{exc} (not written: the file is as it was)", source=str(path)) from None
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # the first `add` writes a new config
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = 0o600
        if holds_password(written):
            mode &= 0o700
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with open(fd, "w", encoding="utf-8") as out:
            out.write(text)
            os.fchmod(out.fileno(), mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write config file: {exc.strerror or exc}") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def holds_password(config: Config) -> bool:
    """Whether a config file holds a password: a feed's address written with one, or [sync]'s
    `password`."""
    sync = config.sync is not None and config.sync.password is not None
    return sync or any(hide_url_password(f.url) != f.url for f in config.feeds)


def feed_password_warning(config: Config) -> str | None:
    """A warning when feed addresses holding a password sit in a config file other users can
    read (one line for them all: user test r48 LOW-21), None otherwise."""
    holding = [f for f in config.feeds if hide_url_password(f.url) != f.url]
    if not holding:
        return None
    try:
        mode = config.path.stat().st_mode
    except OSError:
        return None
    if not mode & (stat.S_IRGRP | stat.S_IROTH):
        return None
    whose = (
        "a feed in its address"
        if len(holding) == 1
        else f"{len(holding):,} feeds in their addresses"
    )
    return (
        f"{config.path}: holds the password of {whose}, and other users can read it; "
        f"run `chmod 600 {config.path}`"
    )


def _escapes_shown(text: str) -> str:
    """`text` with each character that cannot be shown written as Python writes it in a string
    (`\\x07`, `\\x1b`, `\\u2028`), as the config's other lines show such a value."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _not_fetchable(url: str) -> str | None:
    """Why a fetch would refuse a feed url (each time, naming no line of the config), or None:
    is_http_url's checks, with the reason."""
    from newstui.sources.urls import MAX_URL, PORT_REFUSED, is_http_url, port_refused

    if not re.match(r"(?i)^https?://[^\s/]+", url):
        return "is not an http(s) URL"
    if is_http_url(url):
        return PORT_REFUSED if port_refused(url) else None
    if any(c.isspace() for c in url):
        return "has white space in it (a space is written %20)"
    if len(url) > MAX_URL:
        return f"is longer than {MAX_URL:,} characters"
    return "has no host name"
