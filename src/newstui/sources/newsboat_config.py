"""newsboat's `config` at an import of its urls file, with the files it includes: its
`ignore-article` rules (its kill file) as hide filters where newstui's queries can say them, the
settings and bind-keys that say what one of newstui's does (written to feeds.toml, user test r48
M4), and the others named, so that none is passed over without a word (user test r36 L2)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newstui.key_actions import KEY_ACTIONS
from newstui.query import QueryError, parse_query
from newstui.sources.bounded_files import SETTINGS_FILE_BYTES, read_bounded
from newstui.sources.newsboat_files import NEWSBOAT_SETTINGS
from newstui.sources.newsboat_keys import newsboat_binding_ids, newsboat_key
from newstui.sources.newsboat_urls import newsboat_filter_query, newsboat_words
from newstui.text import clean_line

# newsboat's settings with an equivalent here: where it is (those NEWSBOAT_SETTINGS holds are
# written to [settings] when their value says the same; LOW-9: keep-articles-days, pager)
_ELSEWHERE = {
    **NEWSBOAT_SETTINGS,
    "auto-reload": "refresh_minutes",
    "podcast-auto-enqueue": "download_new",
    # (user test r52 LOW-1: said to have no equivalent)
    "reload-threads": "concurrency",
    "confirm-exit": "confirm_quit",
    "article-sort-order": "sort",
    "mark-as-read-on-hover": "mark_read_on_select",
    "download-timeout": "timeout",
    "download-full-page": "fulltext",
    "confirm-mark-feed-read": "mark_all_confirm",
    "confirm-mark-all-feeds-read": "mark_all_confirm",
    "urls-source": "[sync]",
    "notify-program": "notify",
    "notify-always": "notify",
    "notify-format": "notify",
    "bookmark-cmd": "bookmark",
    "bookmark-autopilot": "bookmark",
    "bookmark-interactive": "bookmark",
    "cleanup-on-quit": "cleanup",
}
# where newstui does what a setting of _ELSEWHERE does, when it is no [settings] value alone
_LIKE = {
    "podcast-auto-enqueue": "download_new = N in [settings], the newest N new episodes of each "
    "feed at a fetch; newsboat queued every one",
    "confirm-mark-feed-read": "mark_all_confirm = N in [settings]: A asks only when it would "
    "mark more than N read",
    "confirm-mark-all-feeds-read": "mark_all_confirm = N in [settings]: A asks only when it "
    "would mark more than N read",
    "urls-source": "a [sync] table in feeds.toml (FreshRSS, Miniflux, Tiny Tiny RSS's Google "
    "Reader API: README, Sync)",
    "notify-program": "`newstui fetch --json | your-notifier` from cron (README, Coming from "
    "newsboat)",
    "bookmark-cmd": "| pipes the article to a command, y copies its link, s stars it (README, "
    "Coming from newsboat)",
    "cleanup-on-quit": "every fetch cleans up by keep_days and keep_per_feed; `newstui cleanup`",
    "article-sort-order": 'sort in [settings]: date, feed or title, "-reverse" reverses (O in '
    "the app)",
    "download-full-page": 'fulltext in [settings]; its "auto" fetches the page of a '
    "summary-only feed's articles",
}
for _name in ("notify-always", "notify-format"):
    _LIKE[_name] = _LIKE["notify-program"]
for _name in ("bookmark-autopilot", "bookmark-interactive"):
    _LIKE[_name] = _LIKE["bookmark-cmd"]
_KEYS = ("bind-key", "unbind-key")  # [keys]
_COLOURS = ("color", "highlight", "highlight-article", "highlight-feed")  # no colour settings
# read by the import itself: the flag newsboat stars by (sync services), the kill file's mode
_TAKEN = re.compile(r"^[a-z]+-flag-star$|^ignore-mode$|^ignore-article$|^include$")
_RELOAD_TIME = 60  # minutes: newsboat's reload-time when its config sets none
_INCLUDES = 16  # files deep: an include past it is one warning (a chain, not a loop)


@dataclass(frozen=True)
class IgnoreRule:
    """One `ignore-article FEED EXPRESSION` line: the hide filter's query it becomes (None: one
    newstui's queries cannot say), and what it was, to name it."""

    line: int
    written: str  # the rule as the config has it, control characters stripped
    query: str | None
    path: Path | None = None  # the file it is in (an included one), None: the config itself


@dataclass(frozen=True)
class SettingFrom:
    """A newsboat setting as the [settings] value that says the same (`reload-time 60` →
    refresh_minutes = 60), and where it was."""

    key: str
    value: str | int | bool
    written: str  # as newsboat's config wrote it: "reload-time 60"
    at: str  # "path:line"


@dataclass(frozen=True)
class KeyFrom:
    """A `bind-key` line as the [keys] entry that does the same (`bind-key x
    toggle-article-read` → "article.toggle_read" = "x"), and where it was."""

    binding_id: str
    key: str
    written: str
    at: str


@dataclass(frozen=True)
class NewsboatConfig:
    """What an import does with newsboat's config (and the files it includes)."""

    path: Path
    rules: tuple[IgnoreRule, ...]
    not_taken: tuple[str, ...]  # each setting newstui does not take, and where it has its like
    settings: tuple[SettingFrom, ...] = ()  # to write to [settings]
    keys: tuple[KeyFrom, ...] = ()  # to write to [keys] (each binding id's keys in file order)
    # bind-key lines that are no newstui binding, or whose key is another binding's (one line
    # each), and what the settings written leave out (a download-path code newstui has not)
    warnings: tuple[str, ...] = ()
    # bind-key lines whose key newstui's binding has already ("j down")
    keys_already: tuple[str, ...] = ()
    includes: tuple[Path, ...] = ()  # the files `include` read, in order


def _words(line: str) -> list[str]:
    return newsboat_words(line)


def _rule_query(feed: str, query: str | None) -> str | None:
    """A rule's hide-filter query, for every feed ("*") or `feed:"URL"` (its name or URL
    containing it); None when a query cannot say it: a URL holding `"`, which a phrase cannot
    hold (review r36 NB1: the query did not parse, and the whole import stopped)."""
    if query is None or feed == "*":
        return query
    if '"' in feed:
        return None
    query = f'feed:"{feed}" ({query})'
    try:
        parse_query(query)
    except QueryError:
        return None
    return query


@dataclass
class _Reading:
    """What the config's lines (and its includes') said so far, in file order."""

    rules: list[IgnoreRule] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)  # phrase by setting name, the first
    values: dict[str, tuple[list[str], str]] = field(default_factory=dict)  # words, "path:line"
    binds: list[tuple[list[str], str]] = field(default_factory=list)  # bind-key words, where
    unbinds: list[str] = field(default_factory=list)  # unbind-key keys
    macros: int = 0
    colours: int = 0
    warnings: list[str] = field(default_factory=list)
    includes: list[Path] = field(default_factory=list)
    read: set[Path] = field(default_factory=set)  # every file read, the config's own too


def read_newsboat_config(
    path: Path, text: str, star_flag: str | None, taken_keys: dict[str, str] | None = None
) -> NewsboatConfig:
    """The ignore-article rules of newsboat's config `text` (at `path`) and of the files it
    includes as hide-filter queries, the settings and bind-keys that say what one of newstui's
    does (to write), and its other settings said with newstui's equivalent (one phrase each,
    in file order). `taken_keys`: key → binding id of the keys feeds.toml's [keys] gives (their
    keys are taken, as the app's own)."""
    reading = _Reading(read={path.resolve()})
    _read_lines(path, text, star_flag, reading, [path.resolve()], main=path)
    settings, setting_warnings = _settings(reading)
    keys, key_warnings, already = _keys(reading, taken_keys or {})
    # a setting written is not said again; one of a value newstui has not is (`article-sort-order
    # random`, `download-full-page no`): the written text names each newsboat setting it took
    taken = " ".join(f" {s.written.replace(',', ' ')} " for s in settings)
    said = [
        s
        for n, s in reading.settings.items()
        if n in _ELSEWHERE and (n not in _WRITTEN_FROM or f" {n} " not in taken)
    ]
    if reading.binds or reading.unbinds:
        not_written = len(reading.binds) - len(keys) - len(already) + len(reading.unbinds)
        if not_written:
            said.append(
                f"{not_written} bind-key/unbind-key line{'s' * (not_written != 1)} (newstui: "
                "[keys]; each said in a line of its own)"
            )
    if reading.macros:
        said.append(
            f"{reading.macros} macro line{'s' * (reading.macros != 1)} (no equivalent; `|` pipes "
            "an article to a command)"
        )
    if reading.colours:
        said.append(
            f"{reading.colours} color/highlight line{'s' * (reading.colours != 1)} "
            "(newstui has no colour settings; t flips dark/light)"
        )
    others = [s for n, s in reading.settings.items() if n not in _ELSEWHERE]
    if others:
        said.append(f"{', '.join(others)} (no equivalent)")
    return NewsboatConfig(
        path,
        tuple(reading.rules),
        tuple(said),
        tuple(settings),
        tuple(keys),
        tuple([*reading.warnings, *setting_warnings, *key_warnings]),
        tuple(already),
        tuple(reading.includes),
    )


def _read_lines(
    path: Path, text: str, star_flag: str | None, reading: _Reading, chain: list[Path], main: Path
) -> None:
    """Read one file's lines into `reading`, following its `include` lines (newsboat's: a path
    relative to the including file's folder, ~ expanded) once each, in place: a file included
    again (by another file, or twice) adds nothing, and reading it again for every path to it
    would take as long as their number, 8 includes a file 16 deep 8^16 reads."""
    for number, raw in enumerate(text.split("\n"), 1):
        words = _words(raw.strip())
        if not words or words[0].startswith("#"):
            continue
        name = words[0]
        at = f"{path}:{number}"
        if name == "include" and len(words) >= 2:
            _include(words[1], at, path, star_flag, reading, chain, main)
        elif name == "ignore-article" and len(words) >= 3:
            feed, expression = words[1], words[2]
            query = _rule_query(feed, newsboat_filter_query(expression, star_flag, prefix=True))
            written = clean_line(expression if feed == "*" else f"{expression} (feed {feed})", 200)
            reading.rules.append(IgnoreRule(number, written, query, None if path == main else path))
        elif name == "bind-key" and len(words) >= 3:
            reading.binds.append((words[1:4], at))
        elif name == "unbind-key" and len(words) >= 2:
            reading.unbinds.append(clean_line(words[1], 20))
        elif name == "macro":
            reading.macros += 1
        elif name in _COLOURS:
            reading.colours += 1
        elif name in _ELSEWHERE and name not in reading.settings:
            value = clean_line(" ".join(words[1:3]), 60)
            where = _LIKE.get(name) or f"{_ELSEWHERE[name]} in [settings]"
            reading.settings[name] = f"{name} {value} (newstui: {where})"
            reading.values[name] = (words[1:], at)
        elif not _TAKEN.match(name) and name not in reading.settings:
            reading.settings[name] = clean_line(name, 40)


def _include(
    written: str,
    at: str,
    path: Path,
    star_flag: str | None,
    reading: _Reading,
    chain: list[Path],
    main: Path,
) -> None:
    """Read the file an `include` line names (MED-7, user test r48: the rules of an included
    kill file were dropped, unsaid), or say in one line why not."""
    shown = clean_line(written, 200)
    if "\0" in written:  # (no file name holds one: realpath's ValueError was a traceback)
        reading.warnings.append(f"{at}: include {shown!r}: not a file name (a NUL in it); not read")
        return
    try:
        included = Path(written).expanduser()
    except RuntimeError:  # `~user` of no such user
        reading.warnings.append(f"{at}: include {shown!r}: no such home folder; not read")
        return
    included = included if included.is_absolute() else path.parent / included
    try:
        real = included.resolve()
        if real in chain:
            reading.warnings.append(
                f"{at}: include {shown!r} includes a file that includes it; read once"
            )
            return
        if len(chain) > _INCLUDES:
            reading.warnings.append(f"{at}: include {shown!r}: more than {_INCLUDES} files deep")
            return
        if real in reading.read:
            return  # (read once already: its rules and settings are in)
        body = read_bounded(included, SETTINGS_FILE_BYTES)
    except OSError as exc:
        why = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc)
        reading.warnings.append(f"{at}: include {shown!r}: {why}; its rules and settings not read")
        return
    reading.includes.append(included)
    reading.read.add(real)
    text = body.decode("utf-8", "replace")
    _read_lines(included, text, star_flag, reading, [*chain, real], main)


# the newsboat settings written to [settings] when their value says what newstui's does
_WRITTEN_FROM = (
    "browser",
    "pager",
    "player",
    "download-path",
    "max-downloads",
    "max-items",
    "keep-articles-days",
    "reload-time",
    "auto-reload",
    "show-read-feeds",
    "show-read-articles",
    "refresh-on-startup",
    "reload-threads",
    "confirm-exit",
    "article-sort-order",
    "mark-as-read-on-hover",
    "download-timeout",
    "download-full-page",
)
# newsboat's article-sort-order → newstui's sort (newsboat's date-asc, its default, lists the
# newest first: its "date is descending by default")
_SORTS = {
    "date": "date",
    "date-asc": "date",
    "date-desc": "date-reverse",
    "title": "title",
    "title-asc": "title",
    "title-desc": "title-reverse",
}
_YES_NO = {"yes": True, "true": True, "no": False, "false": False}


def _settings(reading: _Reading) -> tuple[list[SettingFrom], list[str]]:
    """The [settings] values newsboat's settings say exactly, and a warning for each written
    with less than newsboat did (a download-path code other than %n and %h) or not written (a
    value newstui has not)."""
    settings: list[SettingFrom] = []
    warnings: list[str] = []
    values = reading.values

    def first(name: str) -> tuple[str, str, str] | None:  # (value, "name value", where)
        if name not in values or not values[name][0]:
            return None
        words, at = values[name]
        return words[0], clean_line(f"{name} {' '.join(words)}", 80), at

    for name in ("browser", "pager", "player"):
        if (found := first(name)) is not None and found[0].strip() not in ("", "internal"):
            settings.append(SettingFrom(name, found[0].strip(), found[1], found[2]))
    if (found := first("download-path")) is not None:
        folder, code = _without_codes(found[0])  # (%n and %h kept: download_dir has them)
        if folder:
            settings.append(SettingFrom("download_dir", folder, found[1], found[2]))
        if code:
            kept = f'written as download_dir = "{folder}"' if folder else "not written"
            warnings.append(f"{found[2]}: {found[1]}: newstui has no {code} in a folder: {kept}")
    if (found := first("max-downloads")) is not None and found[0].isdigit() and int(found[0]):
        most = 16  # (config.NUMBER_RANGES' download_concurrency)
        settings.append(
            SettingFrom("download_concurrency", min(int(found[0]), most), found[1], found[2])
        )
        if int(found[0]) > most:
            warnings.append(
                f"{found[2]}: {found[1]}: newstui runs at most {most} downloads at once: "
                f"written as download_concurrency = {most}"
            )
    for name, key in (("max-items", "keep_per_feed"), ("keep-articles-days", "keep_days")):
        if (found := first(name)) is not None and found[0].isdigit():
            settings.append(SettingFrom(key, int(found[0]), found[1], found[2]))
    for name, key in (
        ("show-read-feeds", "show_read_feeds"),
        ("show-read-articles", "show_read_articles"),
        ("refresh-on-startup", "refresh_on_start"),
        ("confirm-exit", "confirm_quit"),
        ("mark-as-read-on-hover", "mark_read_on_select"),
    ):
        if (found := first(name)) is not None and found[0].lower() in _YES_NO:
            settings.append(SettingFrom(key, _YES_NO[found[0].lower()], found[1], found[2]))
    # (user test r52 LOW-1: these three were "no equivalent")
    if (found := first("reload-threads")) is not None and found[0].isdigit() and int(found[0]):
        settings.append(SettingFrom("concurrency", min(int(found[0]), 256), found[1], found[2]))
    if (found := first("download-timeout")) is not None and found[0].isdigit() and int(found[0]):
        settings.append(SettingFrom("timeout", min(int(found[0]), 3600), found[1], found[2]))
    found = first("article-sort-order")  # (flags, author, link, guid, random: said, not written)
    if found is not None and (sort := _SORTS.get(found[0].strip().lower())) is not None:
        settings.append(SettingFrom("sort", sort, found[1], found[2]))
    # (no: said, not written: newstui's "auto" fetches only a summary-only feed's pages)
    if (found := first("download-full-page")) is not None and found[0].lower() in ("yes", "true"):
        settings.append(SettingFrom("fulltext", True, found[1], found[2]))
    auto = first("auto-reload")
    reload = first("reload-time")
    if auto is not None and auto[0].lower() in _YES_NO:
        # newsboat reloads by itself only with auto-reload yes, every reload-time minutes
        on = _YES_NO[auto[0].lower()]
        minutes = int(reload[0]) if on and reload and reload[0].isdigit() else _RELOAD_TIME
        written = f"{auto[1]}, {reload[1]}" if on and reload else auto[1]
        settings.append(SettingFrom("refresh_minutes", minutes if on else 0, written, auto[2]))
    elif reload is not None:
        reading.settings["reload-time"] = (
            f"{reload[1]} (newsboat's auto-reload is off without `auto-reload yes`: "
            "refresh_minutes = 0 in [settings] says so, newstui refreshes every 30 minutes)"
        )
    return settings, warnings


def _without_codes(folder: str) -> tuple[str, str]:
    """newsboat's download-path without a code newstui's download_dir has not (its `%n`, the
    feed's name, and `%h`, the host, are kept: `~/Podcasts/%n` stays), cut above the first
    other one (`~/Podcasts/%x` → `~/Podcasts`), and that code ("" for none)."""
    parts = folder.rstrip("/").split("/")
    for n, part in enumerate(parts):
        if code := re.search(r"%[^nh]|%$", part):
            return "/".join(parts[:n]) or ("/" if n and not parts[0] else ""), code[0]
    return folder.rstrip("/") or folder, ""


def _keys(
    reading: _Reading, taken_keys: dict[str, str]
) -> tuple[list[KeyFrom], list[str], list[str]]:
    """The [keys] entries newsboat's bind-key lines say (a key no other binding of the app's,
    or of feeds.toml's [keys], has), one warning for each line not written, and the lines the
    app does already."""
    holders: dict[str, set[str]] = {}
    for binding_id, action in KEY_ACTIONS.items():  # (the app's panes' keys, as it starts)
        for key in action.keys:
            holders.setdefault(key, set()).add(binding_id)
    for key in reading.unbinds:  # newsboat's unbind-key frees a key for a bind-key after it
        if (named := newsboat_key(key)) is not None:
            holders.pop(named, None)
    for key, binding_id in taken_keys.items():
        holders.setdefault(key, set()).add(binding_id)
    written: list[KeyFrom] = []
    warnings: list[str] = []
    already: list[str] = []
    offered: set[str] = set()  # spare keys a warning offered already
    for words, at in reading.binds:
        written_as = clean_line(f"bind-key {' '.join(words)}", 80)
        key_written, operation = words[0], words[1]
        context = words[2] if len(words) > 2 else None
        ids = newsboat_binding_ids(operation, context)
        named = newsboat_key(key_written)
        if not ids:
            warnings.append(f"{at}: {written_as}: newstui has no such command; not written")
            continue
        if named is None:
            warnings.append(f"{at}: {written_as}: newstui cannot say that key; not written")
            continue
        held = holders.get(named, set())
        if held >= set(ids) or (held and held <= set(ids)):
            already.append(written_as)  # (the app's key for it already)
            continue
        others = sorted(held - set(ids))
        if others:
            warnings.append(
                f"{at}: {written_as}: {clean_line(key_written, 20)} is newstui's key for "
                f"{', '.join(others)}; not written: "
                f"{_key_moved(named, others, ids, holders, offered)} "
                "(README: Keys)"
            )
            continue
        for binding_id in ids:
            written.append(KeyFrom(binding_id, named, written_as, at))
            holders.setdefault(named, set()).add(binding_id)
    for key in reading.unbinds:
        warnings.append(
            f"unbind-key {key}: not written (newstui's [keys] add to a binding's keys; "
            f'`unbind = ["{key}"]` in [keys] takes one off, if its binding keeps another)'
        )
    return written, warnings, already


# keys offered to a binding a bind-key line's key would take from it, first free first: (as
# [keys] takes it, as the app names it)
_SPARE_KEYS = (("+", "plus"), ("=", "equals_sign"), ("f2", "f2"), ("f3", "f3"), ("f4", "f4"))


def _key_moved(
    key: str,
    others: list[str],
    ids: tuple[str, ...],
    holders: dict[str, set[str]],
    offered: set[str],
) -> str:
    """The [keys] lines that give `key` to `ids` by moving the bindings `others` that have it
    to a free key each (user test r52 LOW-2: `bind-key a mark-feed-read` was refused with no
    way on): 'to have it, write in [keys]: unbind = ["sources.add:a"], "sources.add" = "+",
    "headlines.mark_all_read" = "a"'."""
    import json

    spare = [
        typed
        for typed, name in _SPARE_KEYS
        if not holders.get(name) and not holders.get(typed) and typed not in offered
    ]
    unbind = json.dumps([f"{other}:{key}" for other in others])
    if len(spare) < len(others):
        return (
            f"to have it, write in [keys]: unbind = {unbind}, a key for {', '.join(others)}, and "
            + ", ".join(f"{json.dumps(i)} = {json.dumps(key)}" for i in ids)
        )
    offered.update(spare[: len(others)])  # (each offered once: two warnings, two keys)
    moved = [
        f"{json.dumps(other)} = {json.dumps(free)}"
        for other, free in zip(others, spare, strict=False)
    ]
    given = [f"{json.dumps(i)} = {json.dumps(key)}" for i in ids]
    return f"to have it, write in [keys]: unbind = {unbind}, {', '.join([*moved, *given])}"


_DONE = {"downloaded", "played", "finished", "deleted"}  # podboat's states past "queued"
_ON_DISK = {"downloaded", "played", "finished"}  # podboat's states of a file it downloaded


@dataclass(frozen=True)
class PodboatQueue:
    """podboat's queue: the episodes still to download (by URL, with a name to show each by:
    its title and feed from newsboat's cache, else its file's), and those it downloaded whose
    file is still there (URL, path, size), which newstui takes as downloaded (user test r52
    LOW-7: `d` downloaded one again under another name)."""

    path: Path
    waiting: list[str]
    waiting_names: list[str]
    downloaded: list[tuple[str, str, int]]


def podboat_queue(folder: Path, cache: Path | None = None) -> PodboatQueue | None:
    """podboat's queue beside newsboat's urls file (`queue`: `URL "FILE" [state]` a line);
    None when there is none to read. `cache`: newsboat's cache.db, for the episodes' titles."""
    import os
    import stat

    queue = folder / "queue"
    try:
        text = read_bounded(queue, SETTINGS_FILE_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    waiting: list[tuple[str, str]] = []
    downloaded: list[tuple[str, str, int]] = []
    for raw in text.split("\n"):
        words = _words(raw.strip())
        if not words or words[0].startswith("#"):
            continue
        url, file = clean_line(words[0], 2000), words[1] if len(words) > 1 else ""
        if not _DONE & set(words[2:]):
            waiting.append((url, clean_line(Path(file).name, 200) if file else url))
        elif _ON_DISK & set(words[2:]) and file and "\0" not in file:
            try:
                status = os.lstat(Path(file).expanduser())
            except (OSError, ValueError):
                continue
            if stat.S_ISREG(status.st_mode) and status.st_size:
                downloaded.append((url, str(Path(file).expanduser()), status.st_size))
    titles = _episode_titles(cache, [url for url, _ in waiting]) if waiting else {}
    return PodboatQueue(
        queue,
        [url for url, _ in waiting],
        [titles.get(url) or name for url, name in waiting],
        downloaded,
    )


def _episode_titles(cache: Path | None, urls: list[str]) -> dict[str, str]:
    """Enclosure URL → "Title (Feed)" from newsboat's cache, for the episodes named; {} when
    there is no cache or it does not read (names are a nicety)."""
    import json
    import sqlite3

    if cache is None:
        return {}
    try:
        conn = sqlite3.connect(f"{cache.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            rows = conn.execute(
                "SELECT i.enclosure_url, i.title, f.title FROM rss_item i "
                "LEFT JOIN rss_feed f ON f.rssurl = i.feedurl "
                "WHERE i.enclosure_url IN (SELECT value FROM json_each(?))",
                [json.dumps(urls)],
            ).fetchall()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return {}
    named = {}
    for url, title, feed in rows:
        shown = clean_line(str(title or ""), 80)
        if shown:
            named[str(url)] = f"{shown!r} ({clean_line(str(feed), 60)})" if feed else repr(shown)
    return named
