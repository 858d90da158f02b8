"""Which feed items are podcast episodes, whose link full text leaves alone: an episode's page is
the show's web page around the notes the feed carries already, and a link to the audio is no page.

A feed is a podcast when every item of its document carries an audio or video enclosure; in
"auto" mode its items' pages are not fetched (a feed set to `fulltext = true` still fetches
them). An item whose link is one of its own enclosures is never fetched: there is no page."""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from newstui.article_rows import ENCLOSURE_MARK, PreparedArticle
from newstui.model import Link

_MEDIA = ("audio/", "video/")

Episode = tuple[str | None, tuple[tuple[str, str], ...]]
"""An item as the podcast rule reads it: its link and its enclosures' (type, url)."""


def is_media(mime: str, url: str) -> bool:
    """True for an audio or video enclosure: typed so by the feed, or with a file name that says
    so (`.mp3`, `.m4a`, `.mp4`…; untyped, or `application/octet-stream`)."""
    if mime.startswith(_MEDIA):
        return True
    guessed, _ = mimetypes.guess_type(urlsplit(url).path, strict=False)
    return guessed is not None and guessed.startswith(_MEDIA)


def pages_left_alone(articles: Sequence[PreparedArticle], mode: str | bool) -> frozenset[str]:
    """The links of a feed document's items whose page full text does not fetch under `mode`
    ("auto" or True): every item's in "auto" when the feed is a podcast; under any mode, an
    item's link that is one of its enclosures."""
    return episode_pages_left_alone([(a.url, tuple(_enclosures(a))) for a in articles], mode)


def episode(url: str | None, links: Iterable[Link]) -> Episode:
    """An item (a synced one: its links as Link values) as the podcast rule reads it."""
    return url, tuple((link.text, link.url) for link in links if link.kind == "enclosure")


def episode_pages_left_alone(items: Sequence[Episode], mode: str | bool) -> frozenset[str]:
    """`pages_left_alone` for one feed's items given as episodes (a feed document's, or the
    items of one feed a sync brought)."""
    if mode == "auto" and items:
        podcast = all(any(is_media(*e) for e in found) for _, found in items)
        if podcast:
            return frozenset(url for url, _ in items if url)
    return frozenset(url for url, found in items if url and any(u == url for _, u in found))


def _enclosures(article: PreparedArticle) -> list[tuple[str, str]]:
    """(type, url) of each enclosure of an article in its stored form."""
    links = article.links
    if not isinstance(links, str) or ENCLOSURE_MARK not in links:
        return []  # (the links of an article with an enclosure are stored unpacked)
    found: list[Any] = json.loads(links)
    return [
        (str(d.get("text") or ""), str(d.get("url") or ""))
        for d in found
        if isinstance(d, dict) and d.get("kind") == "enclosure"
    ]
