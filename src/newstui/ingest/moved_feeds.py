"""Feeds moved for good (HTTP 301/308): which the config still lists at their old address, and
following them there (`newstui feeds --update-moved`, `M` in the app): feeds.toml's url
rewritten, comments and layout kept, and the stored source moved with its articles, marks,
stars and tags, so nothing is fetched twice or set aside (user test r48 LOW-28)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urlsplit

from newstui.config import Config, load_config, same_url
from newstui.errors import hide_url_password
from newstui.ingest.configured_sources import (
    listed_name,
    listed_names,
    stored_name_at,
    sync_sources,
)
from newstui.library import Library
from newstui.text import clean_line


@dataclass(frozen=True)
class FeedMove:
    """A configured feed whose last fetch was moved for good: its name as listed, the url the
    config gives it, the address it moved to (passwords and all: what is written) and, when it
    cannot be followed, why (one line)."""

    name: str
    url: str
    new_url: str
    refused: str = ""

    @property
    def line(self) -> str:
        """What following it did, or why it was not followed, as one line."""
        old, new = _shown(self.url), _shown(self.new_url)
        if self.refused:
            return f"{self.name}: not moved: {self.refused}"
        return f"{self.name}: moved from {old} to {new}"


def _shown(url: str) -> str:
    return clean_line(hide_url_password(url), 300)


def pending_moves(library: Library, config: Config, names: Collection[int] = ()) -> list[FeedMove]:
    """The configured feeds whose last fetch a permanent redirect moved (of the stored sources
    `names`, by id, when given), each with why it cannot be followed when it cannot: to an
    address that is not http(s), one the config lists as another entry, or one the store holds
    another source of."""
    rows = [r for r in library.sources() if r.kind == "feed" and r.url and r.moved_to]
    if names:
        rows = [r for r in rows if r.id in names]
    read_from = library.feeds_read_from() if rows else {}
    listed = listed_names(rows)
    moves: list[FeedMove] = []
    for feed in config.feeds:
        new = read_from.get(feed.url)
        if new is None or feed.url not in listed:
            continue
        name = listed_name(feed, listed)
        scheme = urlsplit(new).scheme.lower()
        other = stored_name_at(library, config, new)  # (by its one name: r50 LOW-8)
        refused = ""
        if scheme not in ("http", "https"):
            refused = f"its new address {_shown(new)} is not an http(s) URL"
        elif other and not same_url(new, feed.url):
            refused = (
                f"{config.path.name} lists {_shown(new)} already as {clean_line(other, 120)!r}: "
                "remove this entry instead"
            )
        elif library.source_held(new) is not None:
            refused = f"the store holds another source at {_shown(new)} (`newstui feeds` lists it)"
        moves.append(FeedMove(name, feed.url, new, refused))
    return moves


def follow_moves(library: Library, config: Config, names: Collection[int] = ()) -> list[FeedMove]:
    """Follow the moves pending_moves finds: each followable feed's url rewritten in the config
    file (one write) and its stored source moved there (one transaction), then the sources
    registered again (a feed going by its address takes its new one). Returns every move, those
    refused with why. The store moves first and moves back if the file cannot be written."""
    from newstui.config.source_edits import move_feed_urls

    moves = pending_moves(library, config, names)
    wanted = [m for m in moves if not m.refused]
    if not wanted:
        return moves
    pairs = [(m.url, m.new_url) for m in wanted]
    library.move_source_addresses(pairs)
    try:
        written = set(move_feed_urls(config.path, dict(pairs)))
    except BaseException:
        library.move_source_addresses([(new, old) for old, new in pairs])
        raise
    left = [(new, old) for old, new in pairs if old not in written]  # (edited meanwhile)
    if left:
        library.move_source_addresses(left)
    sync_sources(library, load_config(config.path))
    gone = "its entry changed in the file meanwhile: left as it is"
    return [
        m if m.refused or m.url in written else FeedMove(m.name, m.url, m.new_url, gone)
        for m in moves
    ]
