"""The [[feeds]] entries of feeds.toml: each feed checked, those no fetch can read (their url, a
name that shows nothing or is taken) skipped with a warning, one broken feed never stopping the
others."""

from __future__ import annotations

from typing import Any

from newstui.config import FeedConfig, Settings, url_identity
from newstui.config.entry_reading import FEED_KEYS, ConfigReading, table_array, unknown_key
from newstui.config.feed_urls import escapes_shown, url_meant, url_read, url_refusal
from newstui.config.lines import at_line, entry_key_line, entry_line
from newstui.config.settings_table import (
    RETENTION_KEYS,
    as_written,
    number_problem,
    valid_fulltext,
)
from newstui.config.source_names import clean_name, entry_tags, name_problem, usable_name
from newstui.errors import hide_passwords, hide_url_password
from newstui.model import FulltextMode
from newstui.model.names import name_key, url_name
from newstui.text import strip_controls
from newstui.word_lists import did_you_mean


def read_feeds(
    reading: ConfigReading, value: Any, settings: Settings
) -> tuple[list[FeedConfig], list[FeedConfig]]:
    """The [[feeds]] entries: those fetched, and those skipped with a warning (a url no fetch
    can read, a name that shows nothing or is taken); one broken feed never stops the others."""
    feeds: list[FeedConfig] = []
    skipped: list[FeedConfig] = []
    urls: dict[tuple[str, ...], tuple[int, str]] = {}  # the line and name of each URL's entry
    for i, entry in enumerate(table_array(value, "feeds", reading.raw, reading.fail)):
        feed, fetched = _read_feed(reading, i, entry, settings, urls)
        (feeds if fetched else skipped).append(feed)
    return feeds, skipped


def _read_feed(
    reading: ConfigReading,
    i: int,
    entry: dict[str, Any],
    settings: Settings,
    urls: dict[tuple[str, ...], tuple[int, str]],
) -> tuple[FeedConfig, bool]:
    """The `i`th [[feeds]] entry, and whether it is fetched (else it is skipped, its problem
    said); an entry that stops the file raises."""
    raw, fail = reading.raw, reading.fail
    line = entry_line(raw, "feeds", i)
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip():
        if extra := set(entry) - {*FEED_KEYS}:  # `ulr = …`: the typo, not a missing url
            raise unknown_key(extra, FEED_KEYS, "feed entry", "feeds", i, raw, fail)
        raise fail(line, "feed entry has no 'url'")
    url = url.strip()
    read_note = ""
    if (read := url_read(url)) != url:  # feed://, a space: read as `add` reads them
        read_note = str(
            fail(
                entry_key_line(raw, "feeds", i, "url") or line,
                f"feed url {hide_url_password(url)!r} is read as {hide_url_password(read)!r} "
                "(as `newstui add` reads it; write that to say it so)",
            )
        )
        url = read
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
        return _unfetchable_feed(reading, i, entry, line, url, shown, unreadable), False
    if "name" in entry and not usable_name(entry["name"], line, fail):
        return _feed_of_unusable_name(reading, i, entry, line, url), False
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
        raise unknown_key(extra, FEED_KEYS, f"feed {name!r}", "feeds", i, raw, fail)
    fulltext, keep, download_new = _feed_settings(reading, i, entry, line, name, settings)
    tline = entry_key_line(raw, "feeds", i, "tags") or line
    tags = entry_tags(entry.get("tags", []), tline, fail, f"feed {name!r}")
    if (owner := reading.names.get(name_key(name))) is not None:
        # one warning, and the other feeds are fetched; what it stored stays listed (its
        # URL is in the file) and reachable by that URL (the v36 build took "Café" and
        # "Cafe\u0301" as two names and fetched both: hostile r46 M6)
        twin = FeedConfig(url, name, tags, entry_index=i, written=name_written)
        return reading.name_taken(twin, line, owner), False
    reading.names[name_key(name)] = (line, name_written or name, hide_url_password(url), "feed")
    feed = FeedConfig(
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
        note=read_note,
    )
    return feed, True


def _unfetchable_feed(
    reading: ConfigReading,
    i: int,
    entry: dict[str, Any],
    line: int,
    url: str,
    shown: str,
    unreadable: str,
) -> FeedConfig:
    """A feed whose url no fetch can read, skipped with a warning: one broken url never stops
    the other feeds, nor any command (review r45 M1), nor one with another scheme (ftp://,
    javascript:, file:; it stopped them all until r46) or a control character (r46 M1)."""
    fail = reading.fail
    meant = url_meant(url)
    hint = did_you_mean([hide_url_password(meant)]) if meant else ""
    refusal = fail(line, f"feed url {shown} {unreadable}{hint}")
    # (a name that shows nothing as well: the url's problem is said first, the name's
    # once the url is fixed)
    has_name = "name" in entry and usable_name(entry["name"], line, fail)
    name = clean_name(entry["name"], "name", line, fail) if has_name else ""
    name = hide_passwords(name) if has_name else url_name(hide_url_password(url))
    name_written = hide_passwords(entry["name"]) if has_name else ""
    if has_name:  # its name is its own: a later entry so named is a twin
        reading.names.setdefault(
            name_key(name), (line, name_written, hide_url_password(url), "feed")
        )
    return FeedConfig(
        url,
        name,
        named=has_name,
        problem=f"{refusal}; the feed is not fetched until it is fixed",
        not_fetchable=f"not fetchable ({at_line(reading.path.name, line)}): its url {unreadable}",
        entry_index=i,
        written=name_written,
    )


def _feed_of_unusable_name(
    reading: ConfigReading, i: int, entry: dict[str, Any], line: int, url: str
) -> FeedConfig:
    """A feed whose name shows nothing, skipped with one warning naming it by its url, and the
    other feeds are fetched (such a name refused the whole file, as one empty or of bidi marks
    only, until r47: hostile M7); what it stored is kept."""
    why, said = name_problem(entry["name"]) or ("", "")
    shown_url = hide_url_password(url)
    refusal = reading.fail(line, f"feed {shown_url!r}: {why}")
    return FeedConfig(
        url,
        url_name(shown_url),
        named=False,
        problem=f"{refusal}; the feed is not fetched until its name is fixed "
        "(or taken out: the feed's own title names it then)",
        not_fetchable=f"not fetched ({at_line(reading.path.name, line)}): {said}",
        entry_index=i,
        written=hide_passwords(entry["name"]),
    )


def _feed_settings(
    reading: ConfigReading,
    i: int,
    entry: dict[str, Any],
    line: int,
    name: str,
    settings: Settings,
) -> tuple[FulltextMode, dict[str, int], int]:
    """A feed entry's own fulltext, keep_days / keep_per_feed and download_new (the
    [settings] ones where it has none), each checked on its line."""
    raw, fail = reading.raw, reading.fail
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
    return fulltext, keep, download_new
