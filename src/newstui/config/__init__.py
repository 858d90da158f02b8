"""feeds.toml as newstui reads it: the values (`Config`, `Settings`, `FeedConfig`,
`LocalConfig`, `KeysConfig`) and `load_config`/`parse_config`, which read the text as TOML and
hand it to `config.validation`. Editing the file is `config.edit_lock` and the `*_edits` modules
beside it; the data paths are newstui.paths."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from newstui.errors import ConfigError, SourceChoiceError, hide_url_password
from newstui.model import FulltextMode
from newstui.model.names import name_key, named, shown_name
from newstui.paths import default_download_dir

if TYPE_CHECKING:  # the optional tables' values: imported by the functions that make them
    from newstui.config.tables import FilterConfig, KeyBinding, SyncConfig, ViewConfig


LayoutName = Literal["panes", "list"]
LAYOUTS: tuple[LayoutName, ...] = ("panes", "list")
SourcesLayout = Literal["tree", "flat"]
SOURCES_LAYOUTS: tuple[SourcesLayout, ...] = ("tree", "flat")


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
    # the headlines of All, a feed, a folder or a saved view list read articles too (U toggles;
    # false: unread only, as Feedly's and Inoreader's default)
    show_read_articles: bool = True
    # q in Sources (the top level) quits only when pressed again (false: at once, as newsboat
    # without confirm-exit); Q quits at once either way
    confirm_quit: bool = True
    # the reader marks the article it shows read when j/k (or a click) select it, as Feedly's
    # j/k do (false: only Enter, n/p and the like mark read, as newsboat)
    mark_read_on_select: bool = False
    extractor: str = "rules"
    browser: str = ""  # e.g. "w3m %u"; empty: $BROWSER, else the desktop's browser
    pager: str = ""  # e.g. "less -R"; empty: $PAGER, else less
    keep_days: int = 0  # articles older than this many days are cleaned up (0: kept forever)
    keep_per_feed: int = 0  # only the newest this many articles of a feed stay (0: no limit)
    player: str = ""  # e.g. "mpv %f"; empty: mpv if installed, else the desktop's opener
    download_dir: str = ""  # where `d` puts enclosures; empty: default_download_dir()
    # a PEM file of certificates trusted for feeds, pages and downloads beside certifi's and
    # SSL_CERT_FILE/SSL_CERT_DIR (a host with a self-signed or private-CA certificate); checked,
    # `~` expanded and read beside feeds.toml when relative, as the config loads; empty: none
    ca_file: str = ""
    # each fetch or sync queues the newest this many new episodes of every feed whose entry does
    # not say its own (a synced feed feeds.toml does not list too); 0: none
    download_new: int = 0
    # downloads run at once (podboat's max-downloads), and no more than per_host to one host
    download_concurrency: int = 1
    sort: str = "date"  # the app's headline order: date, feed or title, "-reverse" reverses (O)
    # the app's layout: "panes" (the headlines over the reader) or "list" (the headlines full
    # height, the article over them while read, as newsboat; Z switches)
    layout: LayoutName = "panes"
    # the app's Sources: "tree" (each folder with its feeds under it, foldable, as Feedly and
    # Inoreader list them) or "flat" (the folders, then every feed A–Z)
    sources_layout: SourcesLayout = "tree"
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
    # a note naming the file and line when its url is read otherwise than written (`feed://…`
    # as http://…, a space as %20: config.feed_urls.url_read); one of Config.warnings
    note: str = field(default="", compare=False)


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
        return (*(s.problem for s in self._skipped), *self.notes, *views, *filters)

    @property
    def notes(self) -> tuple[str, ...]:
        """The warnings that say how a working entry was read (a `feed://` url read as http://):
        a `--quiet` command leaves them out, or cron would mail them every run."""
        return tuple(feed.note for feed in self.feeds if feed.note)

    def name_at(self, url: str) -> str:
        """The name of the `[[feeds]]` entry at `url` (as `same_url` compares), "" when none:
        a feed that moved there is that entry's feed, which a second entry cannot name (user
        test r47 M2: following the move's advice made every command refuse the config). The
        name a line says is its one name: configured_sources.listed_name_at."""
        feed = self.feed_at(url)
        return feed.name if feed is not None else ""

    def feed_at(self, url: str) -> FeedConfig | None:
        """The `[[feeds]]` entry at `url` (as `same_url` compares), None when none."""
        key = url_identity(url)
        return next((feed for feed in self.feeds if url_identity(feed.url) == key), None)

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

    from newstui.config.validation import validate_config  # (it imports this module's values)

    if raw.startswith("\ufeff"):  # tomllib's "Invalid statement" at 1 did not say why
        raise ConfigError(
            f"{path}:1: starts with a byte order mark (BOM): save it as UTF-8 without one"
        )
    try:
        data = tomllib.loads(raw)
    except RecursionError:  # `a = [[[…]]]` 5,000 deep: a traceback of 3,000 lines (hostile r44 H2)
        from newstui.config.toml_errors import TOO_DEEP

        raise ConfigError(f"{path}: invalid TOML: {TOO_DEEP}") from None
    except tomllib.TOMLDecodeError as exc:
        from newstui.config.toml_errors import bare_word_hint, newsboat_file, twice_hint

        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = str(exc).replace(where.group(0), "").strip() if where else str(exc)
        # tomllib names a table as a Python tuple: "Cannot declare ('settings',) twice"
        reason = re.sub(
            r"\(((?:'[^'\n]*', ?)*'[^'\n]*',?)\)",
            lambda m: "[" + ".".join(re.findall(r"'([^'\n]*)'", m.group(1))) + "]",
            reason,
        )
        line = f":{where.group(1)}" if where else ""
        if (newsboat := newsboat_file(path, raw)) is not None:  # `--config ~/.newsboat/urls`
            raise ConfigError(f"{path}: {newsboat}") from None
        hint = bare_word_hint(raw, int(where.group(1))) if where else ""
        if where and reason.startswith("Cannot overwrite a value"):
            hint = twice_hint(raw, int(where.group(1)))
        raise ConfigError(f"{path}{line}: invalid TOML: {reason}{hint}") from None
    except ValueError as exc:  # an integer of more than 4,300 digits (hostile r45 H5): Python's
        # int-from-text limit, raised inside tomllib with no line: a traceback before
        del exc  # Python's own text advises sys.set_int_max_str_digits(): not for a user
        from newstui.config.toml_errors import TOO_LONG_NUMBER

        digits = re.search(r"[0-9_]{4301,}", raw)
        line = f":{raw.count(chr(10), 0, digits.start()) + 1}" if digits else ""
        raise ConfigError(f"{path}{line}: invalid TOML: {TOO_LONG_NUMBER}") from None
    try:
        return validate_config(path, raw, data)
    except RecursionError:  # (a message's repr of a value nested nearly as deep as tomllib reads)
        from newstui.config.toml_errors import TOO_DEEP

        raise ConfigError(f"{path}: {TOO_DEEP}") from None
