"""Values of syncing with a Google Reader API server: its feeds, its items, the last sync's state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newstui.model.fetching import Article


@dataclass(frozen=True)
class RemoteFeed:
    """A subscription on a sync server: its stream id, title, feed URL, folders and web site."""

    stream_id: str
    title: str  # "" when the server gives none (or only its address): document_names name it
    url: str
    folders: tuple[str, ...] = ()
    site_url: str | None = None  # the web site (Google Reader's htmlUrl), OPML export's htmlUrl


@dataclass(frozen=True)
class RemoteItem:
    """An item pulled from a sync server: its id (signed 64-bit), feed stream, state, content."""

    item_id: int
    stream_id: str
    crawled_usec: int
    article: Article
    read: bool
    starred: bool
    # the item has a title (False: its article's title is made from its text, or "(untitled)":
    # no evidence of which entry it is, nor a title to give an article paired with it)
    titled: bool = True


ITEM_KEY_PREFIX = "greader:"  # (a feed's entries are stored as "guid:…", "link:…", "text:…")


def item_key(item_id: int) -> str:
    """A server item's identity as an article's guid (and as a cleanup remembers it): its id as
    an unsigned 64-bit hex number."""
    return f"{ITEM_KEY_PREFIX}{item_id & 0xFFFFFFFFFFFFFFFF:016x}"


@dataclass(frozen=True)
class SyncStatus:
    """What the last sync left: when it ran, its error, the changes still to push."""

    last_sync: str | None = None
    last_error: str | None = None
    queued: int = 0
    retry_after: str | None = None  # ISO time before which the server asked not to be called
    failures: int = 0  # syncs failed in a row (0: the last one went well)
    failing_since: str | None = None  # ...since the first of them (ISO 8601 UTC)
