"""newsboat's `urls` file: one feed a line, its tags after it, `"~Name"` its title. Read so a
newsboat user keeps their tags (newsboat 2.21's `-e` OPML drops them); the feeds' titles come
from newsboat's cache when it is found beside the file."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from newstui.config import FeedConfig
from newstui.errors import SourceError
from newstui.sources.urls import web_url
from newstui.text import clean_line

# A token: a "double-quoted string" (backslash escapes a quote or a backslash) or a bare word.
_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')
_UNQUOTE = re.compile(r"\\(.)")
# Lines newsboat reads that newstui has no equivalent for: query feeds (its own filter language),
# programs' output, and feeds passed through a program first.
_SPECIAL = {"query:": "a query:", "exec:": "an exec:", "filter:": "a filter:"}  # as messages say


@dataclass(frozen=True)
class SkippedLine:
    """A line of a `urls` file, or an outline of an OPML file, that added no feed, and why."""

    line: int | None  # None for an OPML outline (its reason names it: the XML reader has no lines)
    reason: str


def looks_like_newsboat_urls(body: bytes) -> bool:
    """Whether a subscription file is newsboat's `urls` rather than OPML (which is XML, perhaps
    in UTF-16 with its byte order mark)."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def newsboat_titles(urls_file: Path) -> dict[str, str]:
    """Feed URL → title from newsboat's cache: `cache.db` beside the urls file (~/.newsboat), else
    in newsboat's data folder (~/.local/share/newsboat). Empty when there is none or it does not
    read: titles are a nicety, the URLs are the import."""
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    for cache in (urls_file.parent / "cache.db", data_home / "newsboat" / "cache.db"):
        try:
            if not cache.is_file():  # (may raise: a name too long, a folder it may not read)
                continue
            # a short wait: newsboat may hold the cache while it reloads, and titles can wait
            conn = sqlite3.connect(f"{cache.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
            try:
                rows = conn.execute("SELECT rssurl, title FROM rss_feed").fetchall()
            finally:
                conn.close()
        except (sqlite3.Error, ValueError, OSError):
            continue
        return {str(url): _title(title) for url, title in rows if title}
    return {}


def _title(value: object) -> str:
    """A title from the cache as one clean line (bytes another tool stored read as UTF-8)."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return clean_line(text, 200)


def parse_newsboat_urls(
    body: bytes, source: str, titles: Mapping[str, str] | None = None
) -> tuple[list[FeedConfig], list[SkippedLine]]:
    """The feeds of a newsboat `urls` file and the lines skipped (query, exec and filter feeds);
    a feed is named by its `"~Name"`, else its title in `titles`, else its URL. A line that is
    none of those is an error naming the file and the line: nothing is added."""
    titles = titles or {}
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise SourceError(
            f"{source}:{line}: not UTF-8 text (byte {body[exc.start]:#04x})"
        ) from None
    feeds: list[FeedConfig] = []
    skipped: list[SkippedLine] = []
    seen: set[str] = set()
    # newsboat's lines end at "\n" alone (str.splitlines also breaks at U+0085, U+2028, form
    # feeds...: a name holding one became a line of its own, "not a feed URL")
    for number, raw in enumerate(text.split("\n"), 1):
        tokens = [
            _UNQUOTE.sub(r"\1", quoted) if quoted or not bare else bare
            for quoted, bare in _TOKEN.findall(raw)
        ]
        if not tokens or tokens[0].startswith("#"):
            continue
        written = tokens[0]
        if written.startswith(tuple(_SPECIAL)):
            kind = written.split(":", 1)[0] + ":"
            skipped.append(SkippedLine(number, f"{_SPECIAL[kind]} feed, which newstui cannot read"))
            continue
        url = web_url(written)  # (a space in it, quoted in the file, percent-encoded)
        if url is None:
            raise SourceError(
                f"{source}:{number}: not a feed URL: {clean_line(written, 100)!r} (a newsboat "
                "urls file lists one http(s) feed a line, or an OPML file starts with <)"
            )
        if url in seen:
            continue
        seen.add(url)
        name = titles.get(written) or titles.get(url) or url
        tags: dict[str, str] = {}  # folded: as written first
        for token in tokens[1:]:
            if token.startswith("~") and clean_line(token[1:], 200):
                name = clean_line(token[1:], 200)
            elif token != "!" and (tag := clean_line(token, 100)):  # "!": hidden from its list
                tags.setdefault(tag.casefold(), tag)
        feeds.append(FeedConfig(url=url, name=name, tags=tuple(tags.values())))
    return feeds, skipped
