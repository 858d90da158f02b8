"""A backup put back as the store (`newstui restore`): what it held, and where the store as it
was is kept."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup's schema version and size, and the file keeping the
    store as it was, with its size ("" and 0 when there was no store); `feed_urls`: the
    addresses of the feeds the backup holds (feeds.toml, which lists what is fetched, is
    not in a backup: user test r46 M4), and `feed_names` their names, in the same order;
    `server_feeds`: the addresses of those that are a sync server's subscriptions ([sync]
    brings them, not feeds.toml);
    `upgraded_to`: the schema the backup's copy was
    upgraded to before it was checked and put back (0: it was of this newstui's)."""

    schema: int
    bytes: int
    kept: str = ""
    kept_bytes: int = 0
    feed_urls: tuple[str, ...] = ()
    feed_names: tuple[str, ...] = ()
    server_feeds: tuple[str, ...] = ()
    upgraded_to: int = 0
