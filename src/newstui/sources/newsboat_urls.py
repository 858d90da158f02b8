"""newsboat's `urls` file: one feed a line, its tags after it, `"~Name"` its title. Read so a
newsboat user keeps their tags (newsboat 2.21's `-e` OPML drops them); the feeds' titles come
from newsboat's cache when it is found beside the file."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newstui.errors import SourceError, hide_url_password
from newstui.model.names import name_key
from newstui.sources.urls import (
    PORT_REFUSED,
    feed_url_of,
    local_file_of,
    not_a_feed_reason,
    port_refused,
    web_url,
)
from newstui.text import clean_line

if TYPE_CHECKING:  # the config's validation loads only to parse a urls file (not for a hint)
    from newstui.config import FeedConfig, LocalConfig

# A token: a "double-quoted string" (backslash escapes a quote or a backslash) or a bare word.
_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')
_UNQUOTE = re.compile(r"\\(.)")
# Lines newsboat reads that newstui has no equivalent for: query feeds (its own filter language),
# programs' output, and feeds passed through a program first.
_SPECIAL = {"query:": "a query:", "exec:": "an exec:", "filter:": "a filter:"}  # as messages say
# an exec: line's script prints a feed newsboat reads: newstui runs no command from its list of
# feeds, but reads a file the script writes (user test r52 LOW-3: no way on was said)
_EXEC_SKIPPED = (
    "an exec: feed, which newstui does not run; a cron line writing the script's output to a "
    "file and a [[local]] entry reading that file (path = the file) do the same (README: "
    "Coming from newsboat)"
)


@dataclass(frozen=True)
class SkippedLine:
    """A line of a `urls` file, or an outline of an OPML file, that added no feed, and why; a
    newsboat query feed newstui can say as a query carries it as a view to add instead."""

    line: int | None  # None for an OPML outline (its reason names it: the XML reader has no lines)
    reason: str
    view: tuple[str, str] | None = None  # (name, newstui query) for a `[[views]]` entry
    kept: bool = False  # a feed added all the same (newsboat hid it): a warning, not a skip
    local: LocalConfig | None = None  # a `file:` feed, read as a `[[local]]` source instead
    # a warning that skipped nothing: an OPML repaired, two feeds that look like one
    note: bool = False
    # (with `note`) no warning but a `note:`: how the file was read (newsboat's "/" tags)
    remark: bool = False


# newsboat's filter language (its query feeds and `ignore-article`): attribute, operator, value,
# joined by and / or, in parentheses.
_FILTER_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<op>=~|!~|!=|!#|<=|>=|[=#<>()])|(?P<word>[\w.-]+))'
)
_TEXT_ATTRIBUTES = {"title": "title", "content": "text", "description": "text", "author": "author"}
_REGEX_CHARS = re.compile(r"[.^$*+?()\[\]{}|\\]")
_TEXT_PHRASE = re.compile(r'\b(title|text|author):"([^"]*\w)"')  # a text term, to prefix


class _Untranslatable(Exception):
    """A newsboat filter newstui's query language has no words for."""


def newsboat_filter_query(
    expression: str, star_flag: str | None = None, prefix: bool = False
) -> str | None:
    """newsboat's filter expression as a newstui query (`unread = "yes" and tags # "wire"` →
    `(unread tag:"wire")`), or None when it uses what newstui cannot say (a regular expression,
    a date other than age, a flag other than `star_flag`: the one newsboat's config stars by,
    as the read-state import takes it (newsboat_cache.newsboat_star_flag); None: no flag
    stars, newsboat's flags meaning nothing of their own). `prefix`: a text match (`title =~
    "knif"`, newsboat's match inside words) as a prefix (`title:"knif*"`, "knife" too; user test
    r48 L2: the view matched the whole word only), as near as the query language comes."""
    tokens: list[tuple[str, str]] = []
    at = 0
    expression = expression.strip()
    while at < len(expression):
        match = _FILTER_TOKEN.match(expression, at)
        if match is None or match.end() == at:
            return None
        at = match.end()
        kind = match.lastgroup or ""
        value = match.group(kind)
        tokens.append((kind, _UNQUOTE.sub(r"\1", value[1:-1]) if kind == "string" else value))
    try:
        query, rest = _filter_or(tokens, star_flag)
    except _Untranslatable:
        return None
    if rest or not query:
        return None
    if query.startswith("(") and _closes_at_end(query):
        query = query[1:-1]
    if prefix:  # (the values hold no `"`: _condition took none)
        query = _TEXT_PHRASE.sub(r'\1:"\2*"', query)
    from newstui.query import QueryError, parse_query

    try:
        parse_query(query)  # (`title =~ "—"`: a phrase with nothing to search for)
    except QueryError:
        return None
    return query


def _closes_at_end(query: str) -> bool:
    """Whether the parenthesis opening `query` closes at its end (quotes hold no parentheses)."""
    depth = 0
    for n, char in enumerate(re.sub(r'"[^"]*"', lambda m: "_" * len(m[0]), query)):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return n == len(query) - 1
    return False


_Tokens = list[tuple[str, str]]


def _filter_or(tokens: _Tokens, star_flag: str | None) -> tuple[str, _Tokens]:
    left, tokens = _filter_and(tokens, star_flag)
    while tokens and tokens[0] == ("word", "or"):
        right, tokens = _filter_and(tokens[1:], star_flag)
        left = f"({left} OR {right})"
    return left, tokens


def _filter_and(tokens: _Tokens, star_flag: str | None) -> tuple[str, _Tokens]:
    left, tokens = _filter_condition(tokens, star_flag)
    while tokens and tokens[0] == ("word", "and"):
        right, tokens = _filter_condition(tokens[1:], star_flag)
        left = f"({left} {right})"
    return left, tokens


def _filter_condition(tokens: _Tokens, star_flag: str | None) -> tuple[str, _Tokens]:
    if tokens and tokens[0] == ("op", "("):
        inner, rest = _filter_or(tokens[1:], star_flag)
        if not rest or rest[0] != ("op", ")"):
            raise _Untranslatable
        return inner, rest[1:]
    if len(tokens) < 3 or tokens[0][0] != "word" or tokens[1][0] != "op":
        raise _Untranslatable
    (_, attribute), (_, op), (kind, value) = tokens[:3]
    return _condition(attribute.lower(), op, kind, value, star_flag), tokens[3:]


def _condition(attribute: str, op: str, kind: str, value: str, star_flag: str | None) -> str:
    """One newsboat condition as a newstui query term, or _Untranslatable."""
    negated = op.startswith("!")
    positive = {"=~": "~", "!~": "~", "!=": "=", "!#": "#"}.get(op, op)
    if '"' in value or not value.strip():
        raise _Untranslatable
    term: str | None = None
    if attribute == "unread" and positive == "=" and value in ("yes", "no"):
        return "unread" if (value == "yes") != negated else "NOT unread"
    if attribute == "flags" and positive == "#" and star_flag is not None and value == star_flag:
        term = "starred"  # (only the flag newsboat's config stars by, as the import's marks)
    elif attribute == "tags" and positive == "#":
        term = f'tag:"{value}"'
    elif attribute in _TEXT_ATTRIBUTES and positive == "~" and not _REGEX_CHARS.search(value):
        term = f'{_TEXT_ATTRIBUTES[attribute]}:"{value}"'
    elif attribute in ("feedtitle", "feedurl") and positive in ("~", "="):
        if _REGEX_CHARS.search(value) and not (positive == "=" or attribute == "feedurl"):
            raise _Untranslatable
        term = f'feed:"{value}"'
    elif attribute == "age" and op in ("<", ">") and kind == "word" and value.isdigit():
        term = f"age:{op}{int(value)}d"
    if term is None:
        raise _Untranslatable
    return f"NOT {term}" if negated else term


def looks_like_newsboat_urls(body: bytes) -> bool:
    """Whether a subscription file is newsboat's `urls` rather than OPML (which is XML, perhaps
    in UTF-16 with its byte order mark)."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def newsboat_urls_file() -> str | None:
    """Where newsboat keeps its urls file on this machine, when it has one (~/.newsboat/urls, else
    $XDG_CONFIG_HOME/newsboat/urls), written with ~ for the home folder: the path a first start
    names beside `newstui opml import`, for a newsboat user (user test r33 M8)."""
    home = Path.home()
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    for urls in (home / ".newsboat" / "urls", config_home / "newsboat" / "urls"):
        try:
            if urls.is_file() and urls.stat().st_size > 0:
                return shell_path(urls)
        except (OSError, ValueError):
            continue
    return None


def shell_path(path: Path) -> str:
    """A path as a command to paste writes it: under the home folder as ~/…, else (or when the
    rest needs quotes) quoted for the shell."""
    import shlex  # here: `list` loads this module (its newsboat-syntax hint), not shlex

    home = Path.home()
    if path.is_relative_to(home):  # ~ stays outside the quotes, for the shell
        tail = str(path.relative_to(home))
        if shlex.quote(tail) == tail:
            return f"~/{tail}"
    return shlex.quote(str(path))


def newsboat_import_hint() -> str:
    """' newsboat's feeds: `newstui opml import ~/.newsboat/urls`.' when newsboat has a urls file
    here, else ''."""
    urls = newsboat_urls_file()
    return f" newsboat's feeds: `newstui opml import {urls}`." if urls else ""


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
    """A title from the cache as one clean line (bytes another tool stored read as UTF-8), its
    markup dropped as ingest drops an HTML title's (newsboat stores a feed's title as the feed
    wrote it: `<i>Markup</i> Feed`, user test r41 L8)."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    if "<" in text or "&" in text:
        from newstui.sources.html import html_to_text  # (lxml: only for such a title)

        text = html_to_text(text)[0]
    return clean_line(text, 200)


def parse_newsboat_urls(
    body: bytes,
    source: str,
    titles: Mapping[str, str] | None = None,
    star_flag: str | None = None,
) -> tuple[list[FeedConfig], list[SkippedLine]]:
    """The feeds of a newsboat `urls` file and the lines that added none: query feeds (as views),
    `file:` feeds (as `[[local]]` sources), exec and filter feeds and lines newstui cannot follow
    (skipped, each with its reason); a feed is named by its `"~Name"`, else its title in
    `titles`, else its URL; `star_flag`: the flag newsboat's config stars by (query feeds on it
    become `starred`). A file of which no line is a feed is an error naming its first bad line."""
    from newstui.config import FeedConfig, LocalConfig

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
    unread: list[tuple[int, str]] = []  # lines that are no feed: (number, as written)
    seen: dict[str, int] = {}  # a URL: its index in feeds
    # newsboat's lines end at "\n" alone (str.splitlines also breaks at U+0085, U+2028, form
    # feeds...: a name holding one became a line of its own, "not a feed URL")
    for number, raw in enumerate(text.split("\n"), 1):
        tokens = newsboat_words(raw)
        if not tokens or tokens[0].startswith("#"):
            continue
        written = tokens[0]
        if written.startswith("query:"):
            skipped.append(_query_feed(number, written, star_flag))
            continue
        filtered = ""  # a filter: line's script, its feed added without it (r52 LOW-3)
        if written.startswith("filter:") and ":" in written[7:]:
            filtered, _, address = written[7:].partition(":")
            if web_url(feed_url_of(address)) is not None:
                titles = {**titles, address: titles.get(written) or titles.get(address, "")}
                written = address
        if written.startswith("exec:"):
            skipped.append(SkippedLine(number, _EXEC_SKIPPED))
            continue
        if written.startswith(tuple(_SPECIAL)):
            kind = written.split(":", 1)[0] + ":"
            skipped.append(SkippedLine(number, f"{_SPECIAL[kind]} feed, which newstui cannot read"))
            continue
        if (file := local_file_of(written)) is not None:  # newsboat reads a feed file so
            name, tags = _name_and_tags(tokens[1:], titles.get(written) or file.name)
            skipped.append(
                SkippedLine(
                    number,
                    f"the local feed file {clean_line(str(file), 100)}: added as a [[local]] "
                    "source (read on every fetch)",
                    local=LocalConfig(file, name, tags),
                )
            )
            continue
        url = web_url(feed_url_of(written))  # (a space in it, quoted in the file, percent-encoded)
        if url is None or port_refused(url):  # (the config skips the latter: r45 M1)
            unread.append((number, written))
            shown = clean_line(hide_url_password(written), 100)  # (a password in it as ***)
            why = PORT_REFUSED if url is not None else not_a_feed_reason(written)
            skipped.append(SkippedLine(number, f"{shown!r}: {why}"))
            continue
        name, tags = _name_and_tags(tokens[1:], titles.get(written) or titles.get(url) or url)
        if filtered:
            shown = clean_line(hide_url_password(url), 100)
            again = " (listed on another line too: one feed)" if url in seen else ""
            skipped.append(
                SkippedLine(
                    number,
                    f"a filter: feed: {shown} added without its filter{again}: newstui does "
                    f"not run the script {clean_line(filtered, 60)!r}, and reads the feed as "
                    "its server sends it",
                    note=True,
                )
            )
        if (at := seen.get(url)) is not None:  # listed twice: one feed with both lines' tags
            both = {name_key(t): t for t in reversed((*feeds[at].tags, *tags))}
            feeds[at] = replace(feeds[at], tags=tuple(reversed(both.values())))
            continue
        seen[url] = len(feeds)
        if "!" in tokens[1:]:
            skipped.append(
                SkippedLine(
                    number,
                    f"newsboat hid {name!r} (its ! tag); newstui lists it and its articles (a "
                    "[[filters]] entry can hide them: README, Coming from newsboat)",
                    kept=True,
                )
            )
        feeds.append(FeedConfig(url=url, name=name, tags=tags))
    if said := path_tags_note(feeds):
        skipped.append(SkippedLine(None, said, note=True, remark=True))
    if unread and not feeds and len(unread) == len(skipped):  # no line is newsboat's: no urls
        number, written = unread[0]
        raise SourceError(
            f"{source}:{number}: not a feed URL: {clean_line(hide_url_password(written), 100)!r} (a newsboat "
            "urls file lists one http(s) feed a line, or an OPML file starts with <)"
        )
    return feeds, skipped


def path_tags_note(feeds: list[FeedConfig]) -> str | None:
    """How a urls file's tags holding "/" were read, or None: as folders inside folders
    ("News/Europe": Europe inside News), as newsboat writes the nested folders of an OPML it
    imports (its opml.cpp joins them with "/"), and as newsboat users write paths of tags; a
    slash meant inside one folder's name is written U+2215 by hand (user test r50 MED-1: "AC/DC
    Fans" became DC Fans inside AC, unsaid)."""
    from newstui.model.folders import FOLDER_SLASH, PATH_SLASH, one_folder_name
    from newstui.word_lists import listed

    nested: dict[str, str] = {}
    for feed in feeds:
        for tag in feed.tags:
            if PATH_SLASH.search(tag):
                nested.setdefault(name_key(tag), tag)
    if not nested:
        return None
    tags = list(nested.values())
    shown = [f"{tag} ({' inside '.join(reversed(PATH_SLASH.split(tag)))})" for tag in tags]
    one = one_folder_name(tags[0])
    return (
        f"{len(tags):,} {'tag' if len(tags) == 1 else 'tags'} with a / read as folders inside "
        f"folders, as newsboat's OPML import writes them: {listed(shown)}; a slash inside one "
        f"folder's name is written {FOLDER_SLASH} (U+{ord(FOLDER_SLASH):04X}) in feeds.toml: "
        f'tags = ["{one}"]'
    )


def newsboat_words(line: str) -> list[str]:
    """A line of newsboat's urls file or config as its words, as newsboat reads it: quotes
    removed, and a bare word starting with `#` a comment to the line's end (`URL tag # mine`:
    one tag, not four: user test r48 LOW-29); a `#` inside a word or quotes stays."""
    words = []
    for quoted, bare in _TOKEN.findall(line):
        if bare.startswith("#"):
            break
        words.append(_UNQUOTE.sub(r"\1", quoted) if quoted or not bare else bare)
    return words


def _name_and_tags(tokens: list[str], name: str) -> tuple[str, tuple[str, ...]]:
    """A urls line's name (its `"~Name"`, else `name`) and tags (each once, as first written;
    `!`, newsboat's "hidden", is none)."""
    tags: dict[str, str] = {}  # folded: as written first
    for token in tokens:
        if token.startswith("~") and clean_line(token[1:], 200):
            name = clean_line(token[1:], 200)
        elif token != "!" and (tag := clean_line(token, 100)):
            tags.setdefault(name_key(tag), tag)
    return name, tuple(tags.values())


_FLAGS = re.compile(r"\bflags\s*!?#")


def _query_feed(number: int, written: str, star_flag: str | None) -> SkippedLine:
    """A `"query:Name:expression"` line as a view to add, or skipped showing its expression."""
    _, name, expression = [*written.split(":", 2), "", ""][:3]
    name = clean_line(name, 100)
    shown = clean_line(expression, 200)
    query = newsboat_filter_query(expression, star_flag, prefix=True)
    if query is None or not name:
        flags = ""
        if _FLAGS.search(expression):  # said as the read-state import's warning says it
            named = f'the star is "{star_flag}"' if star_flag else "none is named"
            flags = (
                " (a flag is `starred` when it is the one you star by: `opml import --star-flag "
                "s`, or newsboat's config's `ttrss-flag-star \"s\"`, or a query feed named "
                f"Starred on it alone; {named})"
            )
        return SkippedLine(
            number,
            f"the query feed {name!r} ({shown}): newstui cannot translate it{flags}; write it as "
            "a [[views]] entry (README: Coming from newsboat)",
        )
    if (row := _BUILT_IN_ROWS.get(query)) is not None:  # a second "Starred" (user test r36 L1)
        return SkippedLine(
            number,
            f"the query feed {name!r} ({shown}): not added as a view, Sources lists it already "
            f"as {row}",
        )
    return SkippedLine(number, f"the query feed {name!r}: added as a view", view=(name, query))


# queries the Sources pane has a row of its own for: a query feed of one of them is that row
_BUILT_IN_ROWS = {"starred": "Starred", "unread": "Unread"}


# An attribute of newsboat's filter language and its operator (`title =~ "`, `age > 3`), looked for
# in a query whose quoted phrases are blanked: '"C#" jobs' and 'title:"F#"' are newstui's own
# phrases (the config warned of them as newsboat syntax, review r33 F9).
_NEWSBOAT_OPERATOR = re.compile(
    r"\b(?:title|link|author|content|description|date|guid|unread|enclosure_url|enclosure_type"
    r"|flags|age|articleindex|feedtitle|feedurl|feedlink|feeddescription|feeddate|feedindex"
    r'|rssurl|tags|latest_article_age)\s*(?:=~|!~|!=|!#|<=|>=|[=#<>])\s*["\d]',
    re.IGNORECASE,
)
_PHRASE = re.compile(r'"[^"]*"')
_LOWER_CASE_JOIN = re.compile(r"\S\s+(or|and)\s+\S")


def newsboat_operator_hint(query: str) -> str | None:
    """A hint for a query written in newsboat's filter language (`title =~ "tokyo"`, `unread =
    "yes"`), which newstui reads as words to find: what to write instead; None for any other."""
    if not _NEWSBOAT_OPERATOR.search(_PHRASE.sub('""', query)):
        return None
    said = newsboat_filter_query(query)
    instead = f"write {said} instead" if said else "newstui writes title:word, tag:name, unread"
    return f"newsboat syntax: {instead} (README: Coming from newsboat)"


def newsboat_syntax_hint(query: str) -> str | None:
    """A hint for a query that found nothing because it is written in newsboat's filter
    language (`title =~ "tokyo"`) or joins words with a lower-case or/and, which newstui reads
    as words to find, or is a regular expression (`title:/tok.*/`); None for any other query."""
    from newstui.query import regex_hint

    if (regex := regex_hint(query)) is not None:
        return regex
    if (newsboat := newsboat_operator_hint(query)) is not None:
        return newsboat
    if joined := _LOWER_CASE_JOIN.search(_PHRASE.sub('""', query)):  # not in a phrase
        word = joined[1]
        return (
            f"'{word}' in lower case is a word to find: write OR between alternatives"
            if word == "or"
            else "'and' in lower case is a word to find: write the words alone (all are required)"
        )
    return None
