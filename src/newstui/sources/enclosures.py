"""A feed item's enclosures (podcast episodes, files): their MIME type, size and duration as the
feed states them. Everything is untrusted: a value that is not plausible is dropped, not guessed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newstui.model import Link, LinkKind
from newstui.sources.urls import web_url_at
from newstui.text import clean_line

MAX_SIZE = 2**50  # 1 PiB: a larger "length" is a typo or a lie
MAX_DURATION = 7 * 24 * 3600  # a week of audio
_MIME = re.compile(r"[A-Za-z0-9][\w.+-]{0,63}/[A-Za-z0-9][\w.+-]{0,126}")
_CLOCK = re.compile(r"(?:(\d{1,3}):)?(\d{1,4}):(\d{1,2})(?:\.\d+)?")


@dataclass
class DroppedEnclosures:
    """How many enclosures of an entry (or of the entries a fetch stored) were dropped, their
    URL no http(s) one even once joined to its base (`javascript:`, `data:`, none at all): said
    in one warning line."""

    count: int = 0

    def said(self) -> str | None:
        """The warning's words, or None when none was dropped."""
        if not self.count:
            return None
        if self.count == 1:
            return "1 enclosure dropped (not an http/https URL)"
        return f"{self.count:,} enclosures dropped (not http/https URLs)"


def enclosure_type(value: Any) -> str:
    """A MIME type like `audio/mpeg` (lower case, parameters dropped), or "" when it is not one."""
    text = clean_line(str(value or ""), 200).split(";")[0].strip().lower()
    return text if _MIME.fullmatch(text) else ""


def enclosure_size(value: Any) -> int | None:
    """A size in bytes from an RSS `length` attribute; None for 0, negatives, junk or absurd sizes
    (many feeds write 0 or 1 when they do not know)."""
    text = str(value if value is not None else "").strip().replace(",", "")
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        return None
    size = int(text)
    return size if 1 < size <= MAX_SIZE else None


def enclosure_duration(value: Any) -> int | None:
    """Seconds from `itunes:duration`: "3600", "59:30", "1:02:03" (a fraction is dropped); None
    when the value is none of these, zero, or longer than a week."""
    text = clean_line(str(value if value is not None else ""), 40)
    if not text.isascii():
        return None
    if re.fullmatch(r"\d{1,7}(?:\.\d+)?", text):
        seconds = int(text.split(".")[0])
    elif (clock := _CLOCK.fullmatch(text)) is not None:
        hours, minutes, secs = int(clock[1] or 0), int(clock[2]), int(clock[3])
        if secs >= 60 or (clock[1] is not None and minutes >= 60):
            return None
        seconds = hours * 3600 + minutes * 60 + secs
    else:
        return None
    return seconds if 0 < seconds <= MAX_DURATION else None


def enclosure_link(
    url: Any, mime: Any, size: Any, duration: Any, base: str | None = None
) -> Link | None:
    """One enclosure as a link (an image one as an `image` link), or None when its URL is not
    http(s). A relative URL is joined to `base` (the document's address or xml:base: user test
    r44 H1, a podcast's `url="audio/e.mp3"` lost its audio), a space percent-encoded (`web_url`)."""
    url = web_url_at(url, base)
    if url is None:
        return None
    kind_type = enclosure_type(mime)
    kind: LinkKind = "image" if kind_type.startswith("image/") else "enclosure"
    if kind == "image":
        return Link(kind_type, url, kind)
    return Link(
        kind_type or "enclosure",
        url,
        kind,
        size=enclosure_size(size),
        duration=enclosure_duration(duration),
    )


def added_enclosures(
    candidates: Iterable[Link | None],
    links: Sequence[Link],
    dropped: DroppedEnclosures | None = None,
) -> list[Link]:
    """The enclosures to add to an item's `links`: an enclosure stays one even when the item's
    text links the same URL (FreshRSS writes its enclosures into the content as a 💾 link), and is
    left out only when an enclosure of that URL is there already; an image one is left out when
    its URL is among the links at all. A candidate None (no http(s) URL) is counted in `dropped`."""
    every = {link.url for link in links}
    enclosed = {link.url for link in links if link.kind == "enclosure"}
    added: list[Link] = []
    for link in candidates:
        if link is None:
            if dropped is not None:
                dropped.count += 1
            continue
        if link.url in (enclosed if link.kind == "enclosure" else every):
            continue
        every.add(link.url)
        if link.kind == "enclosure":
            enclosed.add(link.url)
        added.append(link)
    return added


def enclosure_links(
    entry: Any,
    links: Sequence[Link],
    base: str | None = None,
    dropped: DroppedEnclosures | None = None,
) -> list[Link]:
    """The enclosures of a feedparser entry (RSS `<enclosure>`, Atom `rel="enclosure"`) with the
    entry's `itunes:duration`, to add to its `links` (see `added_enclosures`, which counts the
    unusable ones in `dropped`). A relative RSS enclosure (feedparser leaves it as written) is
    joined to `base`, the entry's, or to the enclosure's own xml:base."""
    return added_enclosures(
        (
            enclosure_link(
                enclosure.get("href"),
                enclosure.get("type"),
                enclosure.get("length"),
                entry.get("itunes_duration"),
                _own_base(enclosure.get("xml:base"), base),
            )
            for enclosure in entry.get("enclosures", []) or []
        ),
        links,
        dropped,
    )


def attachment_links(
    item: dict[str, Any],
    links: Sequence[Link],
    base: str | None = None,
    dropped: DroppedEnclosures | None = None,
) -> list[Link]:
    """The `attachments` of a JSON Feed item, to add to its `links` (see `added_enclosures`, which
    counts the unusable ones in `dropped`); a relative attachment URL is joined to `base`, the
    feed's address."""
    attachments = item.get("attachments")
    return added_enclosures(
        (
            enclosure_link(
                attachment.get("url"),
                attachment.get("mime_type"),
                _whole(attachment.get("size_in_bytes")),
                _whole(attachment.get("duration_in_seconds")),
                base,
            )
            for attachment in (attachments if isinstance(attachments, list) else [])
            if isinstance(attachment, dict)
        ),
        links,
        dropped,
    )


def _own_base(written: Any, base: str | None) -> str | None:
    """An element's xml:base joined to the base around it (`base` when it has none)."""
    if not isinstance(written, str) or not written.strip():
        return base
    return web_url_at(written, base) or base


def _whole(value: Any) -> Any:
    """A JSON number as the text the RSS checks read ("12.5" seconds → "12"); others unchanged."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value == value and abs(value) < 2**62:
        return str(int(value))
    return value
