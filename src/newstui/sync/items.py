"""Google Reader API answers → plain values: item ids in both forms, items, subscriptions."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from newstui.model import Article, Link, RemoteFeed, RemoteItem
from newstui.model.folders import FOLDER_SLASH, server_folder_tag
from newstui.model.names import url_name
from newstui.sources.enclosures import added_enclosures, enclosure_link
from newstui.sources.html import html_to_text
from newstui.sources.urls import is_http_url
from newstui.sync.servers import OTHER, ServerWays
from newstui.text import author_name, clean_line, clean_text

LONG_ID_PREFIX = "tag:google.com,2005:reader/item/"
MAX_TEXT = 500_000
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"


class MalformedAnswer(ValueError):
    """A part of an answer that does not have the expected shape."""


def item_id_from(text: object) -> int:
    """An item id from its decimal form (`stream/items/ids`) or its long hexadecimal form
    (`stream/contents`), as one signed 64-bit number: the same item gives the same number."""
    if isinstance(text, int) and not isinstance(text, bool):
        value = text
    elif isinstance(text, str) and text.startswith(LONG_ID_PREFIX):
        try:
            value = int(text[len(LONG_ID_PREFIX) :], 16)
        except ValueError:
            raise MalformedAnswer(f"item id {text[:60]!r} is not hexadecimal") from None
    elif isinstance(text, str) and text.lstrip("-").isdigit():
        value = int(text)
    else:
        raise MalformedAnswer(f"item id {str(text)[:60]!r} is neither decimal nor long form")
    if value >= 2**63:
        value -= 2**64
    if not -(2**63) <= value < 2**63:
        raise MalformedAnswer(f"item id {str(text)[:60]!r} is out of range")
    return value


def long_item_id(item_id: int) -> str:
    """The long form of an item id, which FreshRSS and Miniflux both accept in writes."""
    return f"{LONG_ID_PREFIX}{item_id & 0xFFFFFFFFFFFFFFFF:016x}"


def _label(category: str) -> str | None:
    """The folder name of a `user/<id>/label/<name>` category."""
    parts = category.split("/", 3)
    if len(parts) == 4 and parts[0] == "user" and parts[2] == "label":
        return clean_line(parts[3], 100) or None
    return None


def _is_state(category: str, state: str) -> bool:
    """True for `user/-/state/com.google/<state>` with any user id in place of `-`."""
    parts = category.split("/")
    return len(parts) == 5 and parts[0] == "user" and "/".join(parts[2:]) == state


def parse_subscriptions(data: Any, ways: ServerWays = OTHER) -> list[RemoteFeed]:
    """The `subscription/list` answer, read in the server's `ways`: the server's default folder
    (FreshRSS's "Uncategorized", Miniflux's "All") is no folder of a feed, and a "/" in a folder's
    name is part of it (labels do not nest: server_folder_tag); subscriptions without an http(s)
    URL are left out."""
    if not isinstance(data, dict) or not isinstance(data.get("subscriptions"), list):
        raise MalformedAnswer("no 'subscriptions' list")
    feeds = []
    for sub in data["subscriptions"]:
        if not isinstance(sub, dict) or not isinstance(sub.get("id"), str):
            raise MalformedAnswer("a subscription has no id")
        url = sub.get("url")
        if not isinstance(url, str) or not is_http_url(url.strip()):
            continue
        folders = []
        for category in sub.get("categories") or []:
            if isinstance(category, dict):
                label = category.get("label") or _label(str(category.get("id", "")))
                folder = clean_line(label, 100) if isinstance(label, str) else ""
                if folder and folder not in ways.default_folders:  # (no user made that one)
                    folders.append(server_folder_tag(folder))  # ("AC/DC Fans": one folder)
        url = url.strip()
        title = clean_line(ways.feed_name(html.unescape(str(sub.get("title") or ""))), 300)
        if _only_its_address(title, url):  # (FreshRSS names an untitled feed so: no title)
            title = ""
        site = sub.get("htmlUrl")
        site = site.strip() if isinstance(site, str) and is_http_url(site.strip()) else None
        feeds.append(RemoteFeed(sub["id"], title, url, tuple(folders), site))
    return feeds


# The slashes a server may write an address's `/` as in a title: FreshRSS's fullwidth `／` (its
# feed names' stand-in sign), the division slash `∕`, the fraction slash `⁄`, the big solidus `⧸`
_SLASHES = str.maketrans(dict.fromkeys("\uff0f\u2044\u29f8" + FOLDER_SLASH, "/"))


def _only_its_address(title: str, url: str) -> bool:
    """Whether a subscription's title is only its feed's address, in any slash form, with or
    without its scheme or `www.` (user test r50 LOW-14: FreshRSS titled an untitled feed
    `http:／／127.0.0.1:8771／pod9.xml`, and it was named so, scheme and all)."""

    def bare(text: str) -> str:  # (without its scheme as url_name; `www.` and case off)
        text = url_name(text.translate(_SLASHES).strip()).lower()
        return text.removeprefix("www.").rstrip("/")

    return bool(title) and bare(title) == bare(url)


def parse_item_ids(data: Any) -> tuple[list[int], str | None]:
    """The `stream/items/ids` answer: decimal item ids and the continuation, if any. An answer
    without `itemRefs` is an error, not an empty list: read as one it marked everything read."""
    if not isinstance(data, dict) or "itemRefs" not in data:
        raise MalformedAnswer("the server answered without itemRefs")
    if not isinstance(data["itemRefs"], list):
        raise MalformedAnswer("itemRefs is not a list")
    ids = []
    for ref in data["itemRefs"]:
        if not isinstance(ref, dict):
            raise MalformedAnswer("an itemRef is not an object")
        ids.append(item_id_from(ref.get("id")))
    return ids, _continuation(data)


def parse_items(data: Any, ways: ServerWays = OTHER) -> tuple[list[RemoteItem], str | None]:
    """The `stream/contents` or `stream/items/contents` answer, read in the server's `ways`:
    items and the continuation."""
    if not isinstance(data, dict) or not isinstance(data.get("items", []), list):
        raise MalformedAnswer("no 'items' list")
    return [parse_item(obj, ways) for obj in data.get("items") or []], _continuation(data)


def _continuation(data: dict[str, Any]) -> str | None:
    value = data.get("continuation")
    if value in (None, ""):
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise MalformedAnswer("the continuation is not a string")
    return str(value)


def _href(obj: dict[str, Any]) -> str | None:
    for key in ("canonical", "alternate"):
        links = obj.get(key)
        if isinstance(links, list):
            for link in links:
                href = link.get("href") if isinstance(link, dict) else None
                if isinstance(href, str) and is_http_url(href.strip()):
                    return href.strip()
    return None


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _enclosure_entries(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """An item's `enclosure` list (podcast episodes), as FreshRSS and Miniflux give it: its
    objects (anything else in it, or a list that is none, read as nothing)."""
    enclosures = obj.get("enclosure")
    if not isinstance(enclosures, list):
        return []
    return [entry for entry in enclosures if isinstance(entry, dict)]


def _enclosures(obj: dict[str, Any], links: list[Link]) -> list[Link]:
    """An item's enclosures, to add to its links: one stays an enclosure when the content links
    the same URL, as in a feed."""
    return added_enclosures(
        (
            enclosure_link(entry.get("href"), entry.get("type"), entry.get("length"), None)
            for entry in _enclosure_entries(obj)
        ),
        links,
    )


# FreshRSS writes each enclosure into an item's content as well: a player and a 💾 link in a
# <div class="enclosure"> (no div inside it), or in a <figure class="enclosure"> (FreshRSS 1.24,
# ../shared/freshrss). As text it was a bare "💾[1]" paragraph.
_ENCLOSURE_DIV = re.compile(
    r'<(div|figure) class="enclosure">(?:(?!</?\1\b).){0,4000}?</\1>', re.S | re.I
)
_ADDRESS = re.compile(r'\b(?:href|src)="([^"]*)"', re.I)


def _without_enclosure_players(body: str, obj: dict[str, Any]) -> str:
    """The content less FreshRSS's enclosure blocks whose every address is one of the item's
    enclosures (kept as its enclosure links); any other block stays as written."""
    if ' class="enclosure">' not in body:
        return body
    hrefs = {str(entry.get("href")) for entry in _enclosure_entries(obj)}

    def dropped(block: re.Match[str]) -> str:
        addresses = {html.unescape(a) for a in _ADDRESS.findall(block[0])}
        return "" if addresses and addresses <= hrefs else block[0]

    return _ENCLOSURE_DIV.sub(dropped, body)


def _declared_language(obj: dict[str, Any]) -> str | None:
    """The language tag an item declares (`"language": "pl"`), read as a feed's is (untrusted:
    only a tag is kept), or None."""
    if "language" not in obj:  # (FreshRSS 1.24 sends none: its feed parser is not loaded then)
        return None
    from newstui.sources.feeds import language_tag

    return language_tag(obj["language"])


def parse_item(obj: Any, ways: ServerWays = OTHER) -> RemoteItem:
    """One item of a stream: its id, feed, crawl time, read/starred state and content as text;
    its title and author as the feed gave them (FreshRSS's fullwidth `＆ ＜ ＞` folded back). Its
    body is the entry's content (has_content, as a feed's content is) when it came as `content`,
    or as FreshRSS's `summary` carrying the whole article (which may hold the feed's content or
    only its summary: the server does not say)."""
    if not isinstance(obj, dict):
        raise MalformedAnswer("an item is not an object")
    item_id = item_id_from(obj.get("id"))
    origin = obj.get("origin")
    stream = origin.get("streamId") if isinstance(origin, dict) else None
    if not isinstance(stream, str):
        raise MalformedAnswer("an item has no origin.streamId")
    crawl_ms = _number(obj.get("crawlTimeMsec"))
    crawled = crawl_ms * 1000 if crawl_ms is not None else _number(obj.get("timestampUsec")) or 0
    url = _href(obj)
    body, under = "", "content"
    for key in ("content", "summary"):
        part = obj.get(key)
        if isinstance(part, dict) and isinstance(part.get("content"), str) and part["content"]:
            body, under = part["content"], key
            break
    body = _without_enclosure_players(body, obj)
    text, links = html_to_text(body, url) if body.strip() else ("", [])
    # (given: the body is the entry's content, not only a summary)
    given = bool(text) and ways.body_is_content(under, text)
    links = [*links, *_enclosures(obj, links)]
    title = clean_line(ways.unescaped(html.unescape(str(obj.get("title") or ""))), 1000)
    titled = bool(title)
    if not title:
        first = text.split("\n", 1)[0] if text else ""
        title = clean_line(first, 100) or "(untitled)"
    published = _number(obj.get("published"))
    try:
        when = datetime.fromtimestamp(published, UTC) if published else None
    except (OverflowError, ValueError, OSError):
        when = None
    byline = ways.unescaped(html.unescape(str(obj.get("author") or "")))
    author = author_name(clean_line(byline, 300)) or None
    categories = [c for c in obj.get("categories") or [] if isinstance(c, str)]
    article = Article(
        title=title,
        text=clean_text(text)[:MAX_TEXT],
        guid=long_item_id(item_id),
        url=url,
        author=author,
        published=when,
        summary=clean_text(text)[:MAX_TEXT],
        links=list(links),
        has_content=given,
        # a server's date is a timestamp (seconds since 1970): a time, at midnight UTC too
        date_only=False if when is not None else None,
        # the language the server says the item is in, when it says one (FreshRSS 1.24 sends
        # none: the analysis then reads the text's own words)
        language=_declared_language(obj),
    )
    return RemoteItem(
        item_id=item_id,
        stream_id=stream,
        crawled_usec=crawled,
        article=article,
        read=any(_is_state(c, "state/com.google/read") for c in categories),
        starred=any(_is_state(c, "state/com.google/starred") for c in categories),
        titled=titled,
    )
