"""newsboat's `cache.db`: which articles its user has read, deleted, and flagged as starred, so a
newsboat user's read state comes along with their `urls` file (`opml import`). Read only; a
file that is not newsboat's cache is one error naming it, before anything is imported."""

from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newstui.errors import SourceError
from newstui.model.marks import ImportedMark
from newstui.sources.bounded_files import (
    SETTINGS_FILE_BYTES,
    SUBSCRIPTION_FILE_BYTES,
    read_bounded,
)
from newstui.sources.lxml_feeds import item_guid
from newstui.sources.urls import feed_url_of as http_feed_url
from newstui.sources.urls import local_file_of, web_url, web_url_at
from newstui.text import clean_line

# newsboat's own config names the flag a sync service stars by (`ttrss-flag-star "s"`, also
# ocnews-, oldreader-, inoreader-, feedhq-, newsblur-); a flag has no meaning of its own there.
_STAR_FLAG = re.compile(r'^\s*[a-z]+-flag-star\s+"?([A-Za-z])"?\s*(?:#.*)?$', re.M)
_NEEDED = ("guid", "url", "feedurl", "unread")  # rss_item's columns the marks are read from
_LOCK_WAIT = 2.0  # seconds: newsboat holds its cache only while it writes a reload
ESCAPES = "--newsboat-cache FILE names another, --no-read-state imports without it"


@dataclass(frozen=True)
class NewsboatState:
    """What newsboat's cache says its user did: the marks to carry (by the feed URL as newsboat
    lists it), and counts for the import's summary."""

    cache: Path
    marks: tuple[ImportedMark, ...]
    read: int  # items read in newsboat (deleted ones included)
    starred: int  # items carrying the star flag newsboat's config names
    deleted: int  # items deleted in newsboat: read in newstui (it deletes no article)
    flagged: int  # items with flags newstui does not map (no star flag names them)
    star_flag: str | None
    # the flags of those items, most used first (the letter a warning suggests as the star)
    other_flags: tuple[str, ...] = ()
    star: StarFlag | None = None  # the flag taken as the star and why (newsboat_star)


def newsboat_cache(urls_file: Path) -> Path | None:
    """newsboat's cache for a urls file: `cache.db` beside it (~/.newsboat), else in newsboat's
    data folder (~/.local/share/newsboat); None when neither is there."""
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    for cache in (urls_file.parent / "cache.db", data_home / "newsboat" / "cache.db"):
        try:
            if cache.is_file():
                return cache
        except OSError:  # a name too long, a folder it may not read
            continue
    return None


@dataclass(frozen=True)
class StarFlag:
    """The newsboat flag the import takes as the star, and why: `--star-flag s`, the config's
    `ttrss-flag-star "s"`, or a query feed of the urls file named like stars on that flag."""

    letter: str
    why: str


def newsboat_star_flag(
    urls_file: Path, cache: Path | None = None, chosen: str | None = None
) -> str | None:
    """The letter of newsboat_star, or None."""
    star = newsboat_star(urls_file, cache, chosen)
    return star.letter if star else None


def newsboat_star(
    urls_file: Path, cache: Path | None = None, chosen: str | None = None
) -> StarFlag | None:
    """The flag an import takes as the star: `chosen` (`--star-flag`), else the one newsboat's
    config (beside the urls file, else beside its cache, else in ~/.config/newsboat) stars by
    on a sync service, else the one the urls file's own query feed named like stars filters on
    (`query:Starred:flags # "s"`: user test r52 MED-1, a local user's stars were dropped);
    None: newsboat gives flags no meaning of their own. (An OPML export imported with
    --newsboat-cache ~/.newsboat/cache.db did not read ~/.newsboat/config: user test r33 L20.)"""
    if chosen:
        return StarFlag(chosen, f"named by --star-flag {chosen}")
    found = newsboat_config(urls_file, cache)
    star = _STAR_FLAG.search(found[1]) if found is not None else None
    if star:
        return StarFlag(star[1], f"named by {clean_line(star[0].strip(), 60)} in newsboat's config")
    return _star_of_query_feeds(urls_file)


# A query feed's expression on one flag alone (`flags # "s"`), and a name as stars are named.
_FLAG_ALONE = re.compile(r'^\s*flags\s*#\s*"([A-Za-z])"\s*$')
_STARS_NAME = re.compile(r"star|flag|fav|important|bookmark|saved|keep", re.I)


def _star_of_query_feeds(urls_file: Path) -> StarFlag | None:
    """The flag the urls file's query feeds named like stars ("Starred", "Flagged",
    "Favourites") filter on alone, when they name one flag; else None."""
    from newstui.sources.newsboat_urls import newsboat_words

    try:
        text = read_bounded(urls_file, SUBSCRIPTION_FILE_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    found: dict[str, str] = {}
    for line in text.split("\n"):
        words = newsboat_words(line)
        if not words or not words[0].startswith("query:"):
            continue
        _, name, expression = [*words[0].split(":", 2), "", ""][:3]
        flag = _FLAG_ALONE.match(expression)
        if flag and _STARS_NAME.search(name):
            found.setdefault(flag[1], clean_line(name, 60))
    if len(found) != 1:
        return None
    [(letter, name)] = found.items()
    return StarFlag(letter, f"your query feed {name!r} in {urls_file.name} filters on it")


def newsboat_config(urls_file: Path, cache: Path | None = None) -> tuple[Path, str] | None:
    """newsboat's config (beside the urls file, else beside its cache, else in
    ~/.config/newsboat) and its text; None when there is none to read (a device, a named pipe
    or a file larger than a config is not one)."""
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    folders = [urls_file.parent, *([cache.parent] if cache is not None else [])]
    for config in [*(f / "config" for f in folders), config_home / "newsboat" / "config"]:
        try:
            return config, read_bounded(config, SETTINGS_FILE_BYTES).decode("utf-8", "replace")
        except OSError:
            continue
    return None


def read_newsboat_state(
    cache: Path,
    star_flag: str | None,
    feed_url_of: Callable[[str], str | None],
    read_from: Callable[[str], str | None] = lambda url: None,
) -> NewsboatState:
    """The read, deleted and starred items of newsboat's cache, of the feeds `feed_url_of`
    gives a URL for (the config's spelling of newsboat's feed URL; None: not imported).
    `read_from`: where a feed's last fetch read it from after redirects, when that is not the
    URL (its articles' permalink guids were resolved against it). A file that is not one (not
    SQLite, damaged, another program's tables) or that is locked is a SourceError naming it."""
    try:
        conn = sqlite3.connect(f"{cache.resolve().as_uri()}?mode=ro", uri=True, timeout=_LOCK_WAIT)
    except (sqlite3.Error, OSError, ValueError) as exc:
        raise _refused(cache, f"cannot open it ({exc})") from None
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(rss_item)")}
        if not set(_NEEDED) <= columns:
            raise _refused(cache, "not newsboat's cache (no rss_item table of read marks)")
        deleted = "deleted" if "deleted" in columns else "0"
        flags = "flags" if "flags" in columns else "''"
        rows = conn.execute(
            f"SELECT feedurl, guid, url, unread, {flags}, {deleted} FROM rss_item "
            f"WHERE unread = 0 OR {deleted} = 1 OR coalesce({flags}, '') != ''"
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _refused(cache, "locked by newsboat (quit it, then import again)") from None
        raise _refused(cache, f"does not read ({exc})") from None
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
        raise _refused(cache, f"not newsboat's cache: {exc}") from None
    finally:
        conn.close()
    marks: list[ImportedMark] = []
    read = starred = removed = flagged = 0
    letters_used: Counter[str] = Counter()
    for feed_url, guid, link, unread, item_flags, is_deleted in rows:
        address = _text(feed_url).strip()
        written = web_url(http_feed_url(address))  # (feed:// as the urls file reads)
        if written is None and local_file_of(address) is not None:
            written = address  # a feed file newsboat reads from disk (a [[local]] source here)
        url = feed_url_of(written) if written else None
        if url is None:
            continue
        gone = bool(is_deleted)
        was_read = not unread or gone
        letters = _text(item_flags)
        star = star_flag is not None and star_flag in letters
        read += was_read
        removed += gone
        starred += star
        flagged += bool(letters) and not star
        if letters and not star:
            letters_used.update(set(letters) - {star_flag})
        if was_read or star:
            # newsboat keeps a guid as the feed writes it; a fetch stores it so when the feed
            # says it is no permalink (RSS isPermaLink="false"), else joined to the feed's
            # address, as feed readers resolve a permalink (`ep1`: http://host/ep1). Which one
            # the feed says is not in the cache: the mark keeps both.
            written = _text(guid)
            as_written = clean_line(written, 2000) or None  # (as a fetch cleans a guid)
            # (as the fetch that stored its article did, or will: ingest resolves it again)
            resolved = guid_as_fetched(written, read_from(url) or url)
            marks.append(
                ImportedMark(
                    url,
                    as_written,
                    web_url_at(_text(link)),  # (as links are stored: no user:password@)
                    was_read,
                    star,
                    resolved if resolved != as_written else None,
                )
            )
    # most used first; a tie in a fixed order ("s", the usual star, first, then A-Z, a-z), not
    # the order a set gave the letters, which changes from run to run (review r53 F6)
    others = tuple(
        letter
        for letter, _ in sorted(
            letters_used.items(), key=lambda item: (-item[1], item[0] != "s", item[0])
        )
        if letter.isalpha()
    )
    return NewsboatState(cache, tuple(marks), read, starred, removed, flagged, star_flag, others)


def guid_as_fetched(written: str, feed_url: str) -> str | None:
    """A permalink guid newsboat keeps as written (`ep1`) as a fetch of the feed from
    `feed_url` stores it (http://host/ep1, cleaned as a fetch cleans it): against the
    address a fetch read the feed from (after redirects): at the import, the last fetch's
    (feeds_read_from) else the config's; when its articles arrive, that fetch's."""
    return clean_line(item_guid(written, feed_url), 2000) or None


def _text(value: object) -> str:
    """A cache column as text (bytes another tool stored read as UTF-8; NULL as '')."""
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _refused(cache: Path, problem: str) -> SourceError:
    return SourceError(f"{cache}: {problem}; nothing imported ({ESCAPES})", source=str(cache))
