"""Feed documents → articles: RSS 0.9x/1.0/2.0 and Atom via feedparser, JSON Feed 1.0/1.1 by hand."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from newstui.errors import SourceError
from newstui.model import Article, Link
from newstui.model.names import shows_nothing
from newstui.sources.enclosures import DroppedEnclosures, attachment_links, enclosure_links
from newstui.sources.feed_links import feed_links, is_html_page
from newstui.sources.html import html_to_text
from newstui.sources.lxml_feeds import UTF8, read_well_formed
from newstui.sources.urls import is_http_url, web_url, web_url_at
from newstui.text import (
    HEADING_MARK,
    LINE_BREAK,
    QUOTE_LEVEL,
    author_name,
    clean_line,
    clean_text,
    heading_marks,
)

MAX_TITLE = 500
MAX_AUTHOR = 200
MAX_TEXT = 1_000_000
# A DTD's internal subset: its declarations, or a DOCTYPE opening one. One pass over any text: a
# DOCTYPE's scan stops at the next "<" (with "[^>]*" each of 100,000 unclosed "<!DOCTYPE "
# scanned to the end: 4 s for 256 KB; a declaration inside the subset starts with "<!").
_ENTITY_DECL = re.compile(rb"<!(?:ENTITY|ATTLIST|ELEMENT|NOTATION)|<!DOCTYPE[^<>\[]*\[", re.I)
# Where a document's root element starts (feedparser's replace_doctype): a DTD comes before it.
_ROOT_START = re.compile(rb"<\w")
# Long author fields make feedparser's e-mail regex quadratic: cut them before parsing.
_AUTHOR_FIELD = re.compile(
    rb"(<(?:author|dc:creator|name|email|managingEditor|webMaster)\b[^>]*>)([^<]{512,})", re.I
)
# expat's "<unknown>:2:0: not well-formed": no file name, and a column counted from 0.
_EXPAT_PLACE = re.compile(r"^<unknown>:(\d+):(\d+): ")
# The XML declaration feedparser writes in place of a document's (or before it: a line more).
_FEEDPARSER_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
_DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?(<\?xml[^>]*?>)")
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00")
# expat's complaints that only the end of the input raises: a document cut off before its end.
_ENDS_EARLY = frozenset(
    {"no element found", "unclosed token", "partial character", "unclosed CDATA section"}
)
# An XML document whose root is <opml>: its declaration, comments and whitespace before it.
_OPML_ROOT = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s|<\?[^>]*\?>|<!--.*?-->)*<opml\b", re.S)
# An entry's whole opening tag (not an empty <item/>) and its closing tag, with any namespace
# prefix: a document whose last opening tag comes after its last closing one ends inside an entry.
_ENTRY_OPEN = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)(?:\s[^<>]*)?(?<!/)>")
_ENTRY_CLOSE = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")
_HTML_HINT = re.compile(
    r"<(?:p|br|div|a|img|span|b|i|em|strong|ul|ol|li|h\d|blockquote|table)\b", re.I
)


@dataclass
class ParsedFeed:
    """A parsed feed document."""

    title: str | None
    site_url: str | None
    articles: list[Article] = field(default_factory=list)
    warning: str | None = None  # e.g. ill-formed XML that could still be read
    cut_short: bool = False  # the document ends before its end (a download cut off): read so far
    language: str | None = None  # the language the feed declares (language_tag), if any


# A language tag as feeds write one (BCP 47, RFC 5646: "de", "fr-CA", "zh-Hant-TW", "en_US" with
# an underscore): a primary language of two or three letters, then parts of up to eight
# letters or digits. What is not one ("German", "Deutsch") declares nothing.
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*")
# Tags that name no language a text is written in: undetermined, several, no linguistic content.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


def language_tag(value: object) -> str | None:
    """The language tag a feed or entry declares, in lower case with "-" between its parts
    ("de-de", "en-us"); None for none, or for anything that is not a tag (untrusted: never
    stored as written)."""
    if not isinstance(value, str) or len(value) > 35:
        return None
    tag = value.strip().lower().replace("_", "-")
    if not _LANGUAGE_TAG.fullmatch(tag) or tag.partition("-")[0] in _NO_LANGUAGE:
        return None
    return tag


# JSON Feed's version is a URL; "1", "1.0" and "1.1" written bare are read too.
_JSON_FEED_VERSION = re.compile(r"^\s*(?:https?://jsonfeed\.org/version/\S+|1(?:\.[01])?)\s*$")


def looks_like_json_feed(body: bytes) -> bool:
    """True when the body is a JSON Feed document (by its version URL)."""
    head = body.lstrip()[:2048]
    return head.startswith(b"{") and b"jsonfeed.org/version" in head


def parse_feed(
    body: bytes, url: str, content_type: str | None = None, *, fast: bool = True
) -> ParsedFeed:
    """Parse a feed document's bytes; raises SourceError when it is not a readable feed.

    Well-formed UTF-8 RSS 2.0 and Atom go through lxml (sources/lxml_feeds.py), everything else
    through feedparser; both give the same articles. `fast=False` forces feedparser.
    """
    if not body.strip():
        raise SourceError(f"{url}: empty document")
    if looks_like_json_feed(body) or body.lstrip()[:1] == b"{":
        return parse_json_feed(body, url)
    if _ENTITY_DECL.search(body[:65536]):
        raise SourceError(f"{url}: refused: the document declares XML entities")
    read = read_well_formed(body, url, content_type) if fast else None
    cut_at = None
    if read is not None:
        feed, entries = read
        warning = None
    else:
        feed, entries, warning, cut_at = _feedparser_read(body, url, content_type)
    site = feed.get("link")
    language = language_tag(feed.get("language"))
    articles: list[Article] = []
    for entry in entries:
        article = _entry_article(entry, url, language)
        if article is not None:
            articles.append(article)
    if cut_at is not None:
        kept = f"{len(articles):,} {'entry' if len(articles) == 1 else 'entries'}"
        cut = f"the feed was cut short ({cut_at}); kept the {kept} read before the cut"
        cut = cut if articles else f"the feed was cut short ({cut_at}) before its first entry"
        warning = f"{cut}; {warning}" if warning else cut
    return ParsedFeed(
        title=_line(feed, "title", MAX_TITLE) or None,
        site_url=web_url_at(site),
        articles=articles,
        warning=_with_skipped(warning, len(entries) - len(articles)),
        cut_short=cut_at is not None,
        language=language,
    )


def _with_skipped(warning: str | None, skipped: int) -> str | None:
    """The parse warning, saying how many empty entries (a feed cut off mid-item) were skipped."""
    if not skipped:
        return warning
    entries = "entry" if skipped == 1 else "entries"
    return _with_line(warning, f"skipped {skipped} empty {entries} (no title, text or link)")


def _with_line(warning: str | None, line: str | None) -> str | None:
    """The parse warning with one more thing it says (none: as it is)."""
    if not line:
        return warning
    return f"{warning}; {line}" if warning else line


def _feedparser_read(
    body: bytes, url: str, content_type: str | None
) -> tuple[Any, list[Any], str | None, str | None]:
    """(feed values, entries, warning, cut at) from feedparser, which reads every format and
    many ill-formed documents. Cut at: where a document that ends before its end (a download
    cut off) stops, as 'line 2, column 209'; the warning then holds only what else was done."""
    import feedparser  # here, not at import: most feeds are read without it (lxml_feeds)
    from feedparser.encodings import convert_to_utf8

    body = _AUTHOR_FIELD.sub(lambda m: m.group(1) + m.group(2)[:512], body)
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    if _declares_entities(convert_to_utf8(headers, body, {})):
        raise SourceError(f"{url}: refused: the document declares XML entities")
    try:
        # No sanitiser or relative-URI pass: the one lxml pass that makes the text does both.
        parsed = feedparser.parse(
            body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # feedparser raises on some malformed character references
        raise SourceError(f"{url}: unparseable feed ({type(exc).__name__})") from None
    reason = parsed.get("bozo_exception")
    if not parsed.get("version") and not parsed.entries:
        if _OPML_ROOT.match(body):
            raise SourceError(
                f"{url}: an OPML subscription list, not a feed: "
                "`newstui opml import FILE` adds the feeds it lists"
            )
        if is_html_page(body, content_type):
            raise SourceError(f"{url}: {_web_page_said(body, url, content_type)}")
        detail = f": {_parser_reason(reason, body)}" if reason else ""
        raise SourceError(f"{url}: not a feed (RSS, Atom or JSON Feed){detail}")
    warning = cut_at = None
    if parsed.get("bozo"):
        warning = f"ill-formed feed, read anyway: {_parser_reason(reason, body)}"
        message = reason.getMessage() if hasattr(reason, "getMessage") else str(reason)
        if message in _ENDS_EARLY:
            cut_at = _parser_reason(reason, body).removesuffix(f": {message}")
            warning = None
        if parsed.entries and _ends_inside_an_entry(body):
            # A download cut off inside this entry: feedparser keeps the elements that closed
            # (a description, but not the longer content cut off after it). Its text is left
            # out rather than stored short: the store keeps a stored article's text (an update
            # without text replaces none), and a new article gets its text at the next fetch.
            # Cut before its id or link, it is left out: stored by its title alone, it would
            # come again as another article with the whole entry.
            last = parsed.entries[-1]
            if last.get("id") or web_url(last.get("link")):
                for key in ("content", "summary", "summary_detail"):
                    last.pop(key, None)
            elif last.get("title") or last.get("summary") or last.get("content"):
                parsed.entries.pop()
                left_out = "left out the last entry, cut off before its id or link"
                warning = f"{warning}; {left_out}" if warning else left_out
    if str(parsed.get("version", "")).startswith("atom"):
        _id_links_written(parsed.entries, body)
    return parsed.get("feed", {}), parsed.entries, warning, cut_at


def _web_page_said(body: bytes, url: str, content_type: str | None) -> str:
    """What a web page where a feed was expected is, with the feed it announces (a site whose
    feed address now gives its redesigned home page, user test r37 M2: the XML parser's
    "mismatched tag" read as a broken feed to wait for)."""
    said = "a web page (HTML), not a feed (RSS, Atom or JSON Feed)"
    links = feed_links(body, url, content_type)
    if not links:  # (a Wi-Fi login page answers every feed so: user test r46 L1)
        return f"{said} (a Wi-Fi login page?)"
    first = clean_line(links[0].url, 500)
    more = f" (and {len(links) - 1} more)" if len(links) > 1 else ""
    return f"{said}; the page announces the {links[0].kind} feed {first}{more}: use that address"


def _id_links_written(entries: list[Any], body: bytes) -> None:
    """Drop the link feedparser made of an Atom entry's id that is not written as an absolute
    http(s) URL. An Atom id names the entry (RFC 4287: no permalink, unlike an RSS guid, and
    newsboat never opens one); feedparser takes it as the link when there is no <link>, resolved
    against the feed's address, so `<id>12345</id>` became https://site/12345: a page that does
    not exist, fetched for its full text. feedparser keeps only the resolved id: it was written
    whole when the document holds it so (as text, or escaped)."""
    from html import escape

    for entry in entries:
        if not entry.get("guidislink") or entry.get("link") != entry.get("id"):
            continue
        link = str(entry.get("link") or "")
        written = is_http_url(link) and (
            link.encode() in body or escape(link, quote=False).encode() in body
        )
        if not written:
            entry.pop("link", None)


def _ends_inside_an_entry(body: bytes) -> bool:
    """Whether the document ends after an entry's opening tag and before its closing tag."""
    opened = closed = -1
    for match in _ENTRY_OPEN.finditer(body):
        opened = match.start()
    for match in _ENTRY_CLOSE.finditer(body):
        closed = match.start()
    return opened > closed


def _declares_entities(utf8: bytes) -> bool:
    """Whether a document feedparser has made UTF-8 declares entities (or any DTD subset)
    before its root element: parse_feed's quick look at the first 64 KB of the bytes as they
    came misses a declaration after a longer prolog, or in UTF-16, UTF-32 or UTF-7."""
    root = _ROOT_START.search(utf8)
    return _ENTITY_DECL.search(utf8, 0, root.start() if root else len(utf8)) is not None


def _parser_reason(reason: object, body: bytes) -> str:
    """feedparser's complaint as one line, its place as 'line 2, column 1' in the document as
    written: feedparser parses it behind an XML declaration of its own, written in place of the
    document's or on a line before it (expat counted that line, and the longer declaration's
    characters on line 1)."""

    def place(found: re.Match[str]) -> str:
        line, column = int(found.group(1)), int(found.group(2)) + 1
        if not body.startswith(_WIDE_BOMS):  # (UTF-16 and -32 text: expat's count is kept)
            declared = _DECLARATION.match(body)
            if declared is None and line > 1:
                line -= 1
            elif declared is not None and line == 1:
                column -= len(_FEEDPARSER_DECLARATION) - len(declared.group(1))
        return f"line {line}, column {max(column, 1)}: "

    return clean_line(_EXPAT_PLACE.sub(place, str(reason)), 120)


def _entry_article(entry: Any, feed_url: str, feed_language: str | None = None) -> Article | None:
    """The entry's article; None for an entry with no title, text, link or enclosure (what
    feedparser makes of an item a truncated document cuts off): nothing to read or open. Its id
    alone would make it replace the stored article of that id with an empty one. Its unusable
    enclosures are counted in its `dropped_enclosures`. Its language: the one it declares
    (an item's <dc:language>, the xml:lang its text is written under), else `feed_language`."""
    link = web_url_at(entry.get("link"))  # (never with the feed url's password)
    content_html, content_base, content_utf8 = "", feed_url, None
    content_language = None
    for content in entry.get("content", []) or []:
        value = content.get("value", "")
        if len(value) > len(content_html):
            content_html, content_base = value, content.get("base") or feed_url
            content_utf8 = content.get(UTF8)
            content_language = content.get("language")
    summary_raw = entry.get("summary", "") or ""
    summary_detail = entry.get("summary_detail") or {}
    summary_base = summary_detail.get("base") or feed_url
    # (the value's UTF-8 when the XML reader had it: not for feedparser's summary of a content)
    summary_utf8 = summary_detail.get(UTF8) if summary_detail.get("value") is summary_raw else None
    if content_html:
        text, links = _to_text(content_html, content_base, content_utf8)
        if summary_raw == content_html and summary_base == content_base:
            summary = text  # the summary a content stands in for (Atom's usual entry): read once
        else:
            summary = _to_text(summary_raw, summary_base, summary_utf8)[0]
    else:
        text, links = _to_text(summary_raw, summary_base, summary_utf8)
        summary = text
    title = _seen(_line(entry, "title", MAX_TITLE)) or _title_from_text(text)
    dropped = DroppedEnclosures()
    links += enclosure_links(entry, links, _entry_base(entry, feed_url), dropped)
    guid = entry.get("id") or entry.get("guid")
    guid = clean_line(str(guid), 2000) if guid else None
    if not (title or summary or link or links):
        return None
    author = author_name(clean_line(entry.get("author", "") or "", MAX_AUTHOR)) or None
    published, written = _entry_date(entry)
    language = language_tag(entry.get("language")) or language_tag(
        content_language if content_html else summary_detail.get("language")
    )
    own = language is not None and language != feed_language  # (not the feed's xml:lang in scope)
    return Article(
        title=title or "(untitled)",
        text=text[:MAX_TEXT],
        guid=guid or None,
        url=link,
        author=author,
        published=published,
        date_only=date_only(published, written),
        summary=summary[:MAX_TEXT],
        links=links,
        has_content=bool(content_html),
        dropped_enclosures=dropped.count,
        language=language if own else feed_language,
        language_of_feed=not own and feed_language is not None,
    )


def _entry_base(entry: Any, feed_url: str) -> str:
    """The address an entry's relative links are read from: its xml:base as feedparser gives it
    on the entry's fields, else the feed's final address (after redirects)."""
    for detail in (entry.get("title_detail"), entry.get("summary_detail")):
        if detail and detail.get("base"):
            return str(detail["base"])
    return feed_url


def _line(element: Any, key: str, max_length: int) -> str:
    """A one-line field; an HTML one (Atom type="html", RSS titles with markup) loses its tags."""
    value = element.get(key, "") or ""
    detail = element.get(key + "_detail") or {}
    if "html" in str(detail.get("type", "")) and ("<" in value or "&" in value):
        value = html_to_text(value)[0]
    return clean_line(value, max_length)


def _to_text(value: str, base_url: str, utf8: bytes | None = None) -> tuple[str, list[Link]]:
    """Readable text and links of a field; relative links resolve against `base_url` (xml:base).
    `utf8`: the value's UTF-8 when the reader has it (html_to_text need not encode it)."""
    if _HTML_HINT.search(value) or "&" in value:
        return html_to_text(value, base_url, utf8=utf8)
    return clean_text(value), []


def _seen(title: str) -> str:
    """An entry's title, or "" when it shows nothing (zero-width spaces, a BOM, the blank
    braille pattern, Hangul fillers alone): it was a blank row in every list (hostile r48), and
    such a title now gives way to the text's first words, as an empty one does."""
    return "" if shows_nothing(title) else title


def _title_from_text(text: str) -> str:
    # (its first line as shown: a <br>'s LINE_BREAK ends it too)
    first = text.strip().replace(LINE_BREAK, "\n").split("\n", 1)[0] if text.strip() else ""
    while first.startswith(QUOTE_LEVEL):  # (a quote's words, not its marks)
        first = first[len(QUOTE_LEVEL) :]
    if first.startswith(HEADING_MARK) and (found := heading_marks().match(first)) is not None:
        first = first[found.end() :]  # (a heading's words, not its marks)
    if len(first) <= 100:
        return first
    cut = first[:100].rsplit(" ", 1)[0]
    return cut + "…"


def _entry_date(entry: Any) -> tuple[datetime | None, object]:
    """The entry's date (its published, else updated, else created one) and that date as the
    feed wrote it (feedparser keeps it beside the time tuple it read); (None, None): none."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        written = entry.get(key[: -len("_parsed")])
        if value and not impossible_date(written):
            try:
                return datetime.fromtimestamp(_timegm(value), UTC), written
            except (OverflowError, ValueError, OSError):
                continue
    return None, None


# A time of day in a date as written: `09:30` (RFC 822, ISO 8601, the forms feedparser reads
# in other languages), or ISO 8601's basic `T0930` / `T09`
_CLOCK = re.compile(r"[0-9]:[0-5][0-9]|[0-9][Tt][0-9]{2}")


def date_only(published: datetime | None, written: object) -> bool | None:
    """Whether a date read at midnight UTC was written without a time (`05 Dec 2026`,
    `2026-12-05`): shown as that day in every zone, where a real midnight (`Sat, 05 Dec 2026
    00:00:00 GMT`, `Fri, 04 Dec 2026 19:00:00 -0500`) is a time like any other (hostile r46
    M3). feedparser's time tuple cannot tell them apart; the date as written can. None: not
    known (no date as written)."""
    if published is None:
        return None
    if published.hour or published.minute or published.second or published.microsecond:
        return False
    if not isinstance(written, str):
        return None
    return _CLOCK.search(written) is None


# A numeric zone at a date's end (`+0100`, `-05:00`), after a digit or a space
_NUMERIC_ZONE = re.compile(r"[0-9\s][+-]([0-9]{2}):?([0-9]{2})\s*$")
# An ISO 8601 day at a date's start (`2026-12-06`, `10000-01-01`)
_ISO_DAY = re.compile(r"\s*([0-9]{4,})-([0-9]{2})-([0-9]{2})(?![0-9])")


def impossible_date(written: object) -> bool:
    """Whether a feed's date as written names no moment, which feedparser reads as another one
    rather than none: a zone of 24 hours or more or of 60 minutes (`+2400` a day off, `+99:99`
    and `+9999` four days off), a year past 9999 (`10000-01-01` as 2010-12-01), a month or a
    day the calendar lacks (`2026-02-30` as 2 March). Such a date is missing, as one that does
    not parse (hostile r46 L5): stored, it is a wrong date shown and sorted by."""
    if not isinstance(written, str):
        return False
    zone = _NUMERIC_ZONE.search(written)
    if zone is not None and (int(zone[1]) > 23 or int(zone[2]) > 59):
        return True
    day = _ISO_DAY.match(written)
    if day is None:
        return False
    try:
        date(int(day[1]), int(day[2]), int(day[3]))
    except ValueError:  # (a year past 9999 too)
        return True
    return False


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _timegm(value: Any) -> int:
    """calendar.timegm(value) (seconds since the epoch of a UTC time tuple), the same arithmetic
    here so that it runs compiled: it is called for every entry."""
    year, month, day, hour, minute, second = value[:6]
    days = date(year, month, 1).toordinal() - _EPOCH_ORDINAL + day - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second


def parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    """Parse a JSON Feed 1.0/1.1 document."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise SourceError(f"{url}: invalid JSON: {clean_line(str(exc), 120)}") from None
    if not isinstance(data, dict) or not _JSON_FEED_VERSION.match(_json_str(data.get("version"))):
        raise SourceError(f"{url}: JSON document is not a JSON Feed (no jsonfeed.org version)")
    items = data.get("items")
    if not isinstance(items, list):
        raise SourceError(f"{url}: JSON Feed has no 'items' list")
    site = data.get("home_page_url")
    feed_authors = _json_authors(data)
    language = language_tag(data.get("language"))
    articles: list[Article] = []
    for item in items:
        article = _json_item(item, url, feed_authors, language) if isinstance(item, dict) else None
        if article is not None:
            articles.append(article)
    return ParsedFeed(
        title=clean_line(_json_str(data.get("title")), MAX_TITLE) or None,
        site_url=web_url_at(site, url),
        articles=articles,
        warning=_with_skipped(None, len(items) - len(articles)),
        language=language,
    )


def _json_authors(obj: dict[str, Any]) -> str | None:
    authors = obj.get("authors")
    if not isinstance(authors, list):
        author = obj.get("author")
        authors = [author] if isinstance(author, dict) else []
    names = [_json_str(a.get("name")) for a in authors if isinstance(a, dict)]
    names = [name for name in names if name.strip()]
    return clean_line(", ".join(names), MAX_AUTHOR) or None


def _json_item(
    item: dict[str, Any],
    feed_url: str,
    feed_author: str | None,
    feed_language: str | None = None,
) -> Article | None:
    """The item's article; None for an empty item, as _entry_article. Its link is its `url`, else
    its `external_url` (a linkblog's); relative URLs are read from the feed's final address
    (user test r44 H1: `"url": "page.html"` was dropped, and with it the item's full text).
    Its language: its own `language` (JSON Feed 1.1), else `feed_language`."""
    link = web_url_at(item.get("url"), feed_url) or web_url_at(item.get("external_url"), feed_url)
    base = link or feed_url
    html = item.get("content_html")
    if isinstance(html, str) and html.strip():
        text, links = html_to_text(html, base)
    else:
        text, links = clean_text(_json_str(item.get("content_text"))), []
    has_content = bool(text)
    summary = clean_text(_json_str(item.get("summary"))) or text
    if not text:
        text = summary
    image = web_url_at(item.get("image"), feed_url)
    if image is not None and image not in {lk.url for lk in links}:
        links.append(Link("image", image, "image"))
    dropped = DroppedEnclosures()
    links += attachment_links(item, links, feed_url, dropped)
    title = _seen(clean_line(_json_str(item.get("title")), MAX_TITLE)) or _title_from_text(text)
    guid = clean_line(str(item["id"]), 2000) if item.get("id") not in (None, "") else None
    if not (title or text or link or links):
        return None
    written = item.get("date_published") or item.get("date_modified")
    published = _json_date(written)
    language = language_tag(item.get("language"))
    own = language is not None and language != feed_language
    return Article(
        title=title or "(untitled)",
        text=text[:MAX_TEXT],
        guid=guid or None,
        url=link,
        author=_json_authors(item) or feed_author,
        published=published,
        date_only=date_only(published, written),
        summary=summary[:MAX_TEXT],
        links=links,
        has_content=has_content,
        dropped_enclosures=dropped.count,
        language=language if own else feed_language,
        language_of_feed=not own and feed_language is not None,
    )


def _json_str(value: Any) -> str:
    """A JSON Feed text field: a string, else nothing (a number is not a title)."""
    return value if isinstance(value, str) else ""


def _json_date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
