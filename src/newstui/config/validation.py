"""The TOML data of feeds.toml → `Config`: every table checked, errors naming the file, the
line and the problem; one broken feed, view or filter is a warning, and the rest is read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newstui.config import Config, FeedConfig, LocalConfig, url_identity
from newstui.config.feed_urls import escapes_shown, url_meant, url_refusal
from newstui.config.keys_table import validate_keys
from newstui.config.lines import (
    at_line,
    entry_key_line,
    entry_line,
    key_line,
    quoted_line,
    table_start_line,
)
from newstui.config.local_paths import entry_refusal, local_path
from newstui.config.query_checks import regex_warning, valid_query
from newstui.config.settings_table import (
    RETENTION_KEYS,
    as_written,
    not_a_setting,
    number_problem,
    valid_fulltext,
    validate_settings,
)
from newstui.config.source_names import (
    clean_name,
    entry_tags,
    local_name,
    name_problem,
    path_name,
    taken_name,
    usable_name,
)
from newstui.config.sync_table import validate_sync
from newstui.errors import ConfigError, hide_passwords, hide_url_password
from newstui.model import FilterAction, respelled, tag_spellings
from newstui.model.names import name_key, url_name
from newstui.text import strip_controls
from newstui.word_lists import did_you_mean

if TYPE_CHECKING:  # the optional tables' values: imported by the functions that make them
    from newstui.config.tables import FilterConfig, ViewConfig


TOP_LEVEL_KEYS = ("settings", "feeds", "local", "sync", "views", "filters", "keys")
TOP_LEVEL_TABLES = "[settings], [[feeds]], [[local]], [sync], [[views]], [[filters]], [keys]"


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
        hint = did_you_mean(near) if near else f" (it takes {', '.join(known)})"
    line = entry_key_line(raw, table, index, key) or entry_line(raw, table, index)
    return fail(line, f"unknown key {key!r} in {what}{hint}")


def validate_config(path: Path, raw: str, data: dict[str, Any]) -> Config:
    def fail(line: int, message: str) -> ConfigError:
        where = at_line(path, line)
        return ConfigError(f"{where}: {message}")

    unknown = set(data) - set(TOP_LEVEL_KEYS)
    if unknown:
        key = sorted(unknown)[0]
        import difflib

        near = difflib.get_close_matches(key, sorted(TOP_LEVEL_KEYS), n=1)
        hint = not_a_setting(key) or (
            did_you_mean(near) if near else f" (it takes {TOP_LEVEL_TABLES})"
        )
        line = table_start_line(raw, key) or entry_line(raw, key, 0) or quoted_line(raw, key)
        raise fail(line, f"unknown top-level key {key!r}{hint}")

    def name_taken(feed: FeedConfig, line: int, owner: tuple[int, str, str, str]) -> FeedConfig:
        """`feed` (on `line`) skipped: the entry `owner` describes (names') has its name."""
        spelled = feed.written or feed.name
        taken = f"feed name {spelled!r} {taken_name(spelled, *owner)}"
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

    settings = validate_settings(data.get("settings", {}), raw, fail)
    feeds: list[FeedConfig] = []
    skipped: list[FeedConfig] = []
    # each name's (name_key) line (0 in an inline array), name as written, url or path, and
    # kind of source ("feed", "local source")
    names: dict[str, tuple[int, str, str, str]] = {}
    urls: dict[tuple[str, ...], tuple[int, str]] = {}  # the line and name of each URL's entry
    for i, entry in enumerate(_array(data.get("feeds", []), "feeds", raw, fail)):
        line = entry_line(raw, "feeds", i)
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
            url = escapes_shown(hide_url_password(url))
            unreadable: str | None = "has a control character in it"
        else:
            shown = repr(hide_url_password(url))
            unreadable = url_refusal(url)
        if unreadable is not None:
            meant = url_meant(url)
            hint = did_you_mean([hide_url_password(meant)]) if meant else ""
            refusal = fail(line, f"feed url {shown} {unreadable}{hint}")
            # one broken url never stops the other feeds, nor any command (review r45 M1), nor
            # one with another scheme (ftp://, javascript:, file:; it stopped them all until r46)
            # or a control character (r46 M1)
            # (a name that shows nothing as well: the url's problem is said first, the name's
            # once the url is fixed)
            has_name = "name" in entry and usable_name(entry["name"], line, fail)
            name = clean_name(entry["name"], "name", line, fail) if has_name else ""
            name = hide_passwords(name) if has_name else url_name(hide_url_password(url))
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
        if "name" in entry and not usable_name(entry["name"], line, fail):
            # one warning naming it by its url, and the other feeds are fetched (a name that
            # shows nothing refused the whole file, as one empty or of bidi marks only, until
            # r47: hostile M7); what it stored is kept
            why, said = name_problem(entry["name"]) or ("", "")
            shown_url = hide_url_password(url)
            refusal = fail(line, f"feed {shown_url!r}: {why}")
            skipped.append(
                FeedConfig(
                    url,
                    url_name(shown_url),
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
        name = hide_passwords(clean_name(entry.get("name", url), "name", line, fail))
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
        if not valid_fulltext(fulltext):
            fline = entry_key_line(raw, "feeds", i, "fulltext") or line
            raise fail(
                fline,
                f"'fulltext' of feed {name!r} must be \"auto\", true or false, not "
                f"{as_written(fulltext)}",
            )
        keep: dict[str, int] = {}
        for key in RETENTION_KEYS:
            if key in entry:
                problem = number_problem(key, entry[key], fractional=False)
                if problem:
                    kline = entry_key_line(raw, "feeds", i, key) or line
                    raise fail(kline, f"{key!r} of feed {name!r} {problem}")
                keep[key] = entry[key]
        download_new = entry.get("download_new", settings.download_new)  # (0: off for it)
        if problem := number_problem("download_new", download_new, fractional=False):
            dline = entry_key_line(raw, "feeds", i, "download_new") or line
            raise fail(dline, f"'download_new' of feed {name!r} {problem}")
        tline = entry_key_line(raw, "feeds", i, "tags") or line
        tags = entry_tags(entry.get("tags", []), tline, fail, f"feed {name!r}")
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
                # (no `name`: its address without the scheme until its title is read, as
                # newsboat; said by its url in the file's messages above)
                name if "name" in entry else url_name(name),
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
        line = entry_line(raw, "local", i)
        p = entry.get("path")
        if not isinstance(p, str) or not p.strip():
            if extra := set(entry) - {*LOCAL_KEYS}:  # `pth = …`: the typo, not a missing path
                raise _unknown_key(extra, LOCAL_KEYS, "local entry", "local", i, raw, fail)
            raise fail(line, "local entry has no 'path'")
        lpath = local_path(path, p, entry_refusal(raw, i, line, f"local path {p!r}", fail))
        unnamed = "name" in entry and not usable_name(entry["name"], line, fail)
        name = path_name(lpath) if unnamed else local_name(entry, lpath, line, fail)
        name_written = hide_passwords(entry["name"]) if "name" in entry else ""
        extra = set(entry) - {*LOCAL_KEYS}
        if extra:
            raise _unknown_key(extra, LOCAL_KEYS, f"local source {name!r}", "local", i, raw, fail)
        tline = entry_key_line(raw, "local", i, "tags") or line
        tags = entry_tags(entry.get("tags", []), tline, fail, f"local source {name!r}")
        if unnamed:  # one warning naming it by its path, the other sources read (as a feed's)
            why, said = name_problem(entry["name"]) or ("", "")
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
                later_line = entry_line(raw, "feeds", later.entry_index or 0)
                owns = (line, name_written or name, str(lpath), "local source")
                skipped.append(name_taken(later, later_line, owns))
                owner = None
        if owner is not None:
            # one warning, as of two feeds, and the other sources are read (a local source of
            # a taken name refused the whole file until r47)
            spelled = name_written or name
            taken = f"local source name {spelled!r} {taken_name(spelled, *owner)}"
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
        line = entry_line(raw, "views", i)
        name = clean_name(entry.get("name"), "name", line, fail) if "name" in entry else ""
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
        from newstui.config.tables import ViewConfig

        try:
            qline = entry_key_line(raw, "views", i, "query") or line
            query = valid_query(entry.get("query"), f"view {name!r}", line, fail, qline)
        except ConfigError as exc:  # one old or mistyped view does not stop every command
            given = entry.get("query")
            problem = f"{exc}; the view is broken until its query is fixed"
            views.append(ViewConfig(name, given.strip() if isinstance(given, str) else "", problem))
            continue
        hint = regex_warning(path, qline, f"view {name!r}", query)
        if name_key(name) in names:  # Sources would list it twice, under Views and Feeds
            shared = (
                f"{at_line(path, entry_key_line(raw, 'views', i, 'name') or line)}: view "
                f"{name!r} has a source's name: Sources lists both; "
                "give the view another name"
            )
            hint = f"{hint}; {shared}" if hint else shared
        views.append(ViewConfig(name, query, hint=hint))
    filters: list[FilterConfig] = []
    for i, entry in enumerate(_array(data.get("filters", []), "filters", raw, fail)):
        line = entry_line(raw, "filters", i)
        extra = set(entry) - {"name", "query", "action"}
        if extra:
            known = ("name", "query", "action")
            raise _unknown_key(extra, known, "filter", "filters", i, raw, fail)
        given = entry.get("action", "hide")
        if given not in ("hide", "read"):
            raise fail(line, f'filter action must be "hide" or "read", not {given!r}')
        action: FilterAction = "read" if given == "read" else "hide"
        named = clean_name(entry["name"], "name", line, fail) if "name" in entry else ""
        from newstui.config.tables import FilterConfig

        what = f"filter {named!r}" if named else "filter"
        try:
            qline = entry_key_line(raw, "filters", i, "query") or line
            query = valid_query(entry.get("query"), what, line, fail, qline)
        except ConfigError as exc:  # one old or mistyped filter does not stop every command
            written = entry.get("query")
            query = written.strip() if isinstance(written, str) else ""
            kept = ", and what it hid stays hidden" if action == "hide" else ""
            problem = f"{exc}; the filter is off until its query is fixed{kept}"
            filters.append(FilterConfig(query, action, named or query, problem))
            continue
        hint = regex_warning(path, qline, what, query)
        filters.append(FilterConfig(query, action, named or query, hint=hint))
    sync = validate_sync(data["sync"], raw, fail) if "sync" in data else None
    keys = validate_keys(data.get("keys", {}), raw, fail, path)
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


def _array(value: Any, name: str, raw: str, fail: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(key_line(raw, name), f"'{name}' must be an array of tables ([[{name}]])")
    return value
