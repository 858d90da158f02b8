"""The feeds a web page announces with `<link rel="alternate" type="…">`, and whether a
response is a web page at all: HTML reading only, no network (the feed parser names the feed a
page announces when a feed's address gives a page, and it runs where no HTTP client is loaded)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from newstui.sources.urls import is_http_url
from newstui.text import clean_line

FEED_TYPES = {
    "application/rss+xml": "RSS",
    "application/atom+xml": "Atom",
    "application/feed+json": "JSON Feed",
    "application/json+feed": "JSON Feed",  # an early spelling some sites still use
}
SCAN_BYTES = 1_000_000  # feed links sit in the head: the start of a page is enough
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)
# What may come before a document's first element: a BOM, the XML declaration, comments,
# processing instructions (xml-stylesheet) and a doctype that is not HTML's.
_PROLOGUE = (
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?"
    rb"(?:(?:<!--.*?-->|<\?[^>]*>|<!DOCTYPE\s+(?!html)[^>]*>)\s*)*"
)
_FEED_START = re.compile(_PROLOGUE + rb"(?:<(?:[\w-]+:)?(?:rss|feed|RDF)\b|\{)", re.I | re.S)
_HTML_START = re.compile(_PROLOGUE + rb"<(?:!doctype\s+html|html)\b", re.I | re.S)


@dataclass(frozen=True)
class FeedLink:
    """A feed a page links to: its absolute URL, the title the page gives it, and its format."""

    url: str
    title: str
    kind: str  # "RSS", "Atom" or "JSON Feed"


def is_html_page(body: bytes, content_type: str | None) -> bool:
    """True when a response is a web page rather than a feed document."""
    head = body[:4096]
    if _FEED_START.match(head):
        return False  # a feed, whatever type the server gave it
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return True
    if media and media not in ("text/plain", "application/octet-stream"):
        return False  # an XML or JSON type: let the feed parser decide
    return bool(_HTML_START.match(head))


def feed_links(body: bytes, page_url: str, content_type: str | None = None) -> list[FeedLink]:
    """The feeds a page announces, in page order, each URL once; only http(s) links are kept."""
    parser = _LinkParser()
    parser.feed(_decoded(body[:SCAN_BYTES], content_type))
    parser.close()
    base = page_url
    if parser.base and is_http_url(urljoin(page_url, parser.base)):
        base = urljoin(page_url, parser.base)
    links: list[FeedLink] = []
    seen: set[str] = set()
    for attrs in parser.links:
        rels = (attrs.get("rel") or "").lower().split()
        kind = FEED_TYPES.get((attrs.get("type") or "").split(";", 1)[0].strip().lower())
        href = (attrs.get("href") or "").strip()
        if "alternate" not in rels or kind is None or not href:
            continue
        url = urljoin(base, href)
        if not is_http_url(url) or url in seen:
            continue
        seen.add(url)
        links.append(FeedLink(url, clean_line(attrs.get("title") or "", 200), kind))
    return links


def _decoded(body: bytes, content_type: str | None) -> str:
    match = _CHARSET.search(content_type or "") or _CHARSET.search(
        body[:2048].decode("ascii", "replace")
    )
    try:
        return body.decode(match.group(1) if match else "utf-8", "replace")
    except LookupError:  # a charset Python does not know
        return body.decode("utf-8", "replace")


class _LinkParser(HTMLParser):
    """Collects the attributes of every <link> and the first <base href>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str | None]] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            self.links.append(dict(attrs))
        elif tag == "base" and self.base is None:
            self.base = dict(attrs).get("href")

    handle_startendtag = handle_starttag
