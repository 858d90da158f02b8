"""A subscription list imported with [sync]: the feeds the server subscribes to already stay its
own (never written to feeds.toml, where they would stop following its unsubscribes, folder moves
and renames: user test r51 MED-1); with `--subscribe` the others are subscribed there in their
folders, and those it refuses are fetched here instead. `newstui opml import` and the app's
"Import feeds" both go through here."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from newstui.config import Config, FeedConfig, url_identity
from newstui.counts import counted
from newstui.errors import SyncError
from newstui.library import Library


class NeverSynced(SyncError):
    """The [sync] server could not be asked for its subscriptions and no sync has listed them
    yet: which feeds of a list it holds is not known, so nothing is imported (review r51: every
    feed went to feeds.toml, those the server holds too, for good). `unasked`: why it could not
    be asked, one line naming it; `way`: how to import anyway, said after it."""

    def __init__(self, unasked: str, server: str, way: str = "") -> None:
        super().__init__(
            f"{unasked}: nothing imported, as {server} was never synced here, so which of these "
            f"feeds it holds already is not known; import again once it answers"
            f"{f', or {way}' if way else ''}"
        )
        self.unasked = unasked
        self.server = server


@dataclass(frozen=True)
class ServerSplit:
    """A list's feeds against the sync server `server` (its host): those it subscribes to
    already, those this import subscribed there, those it refused (feed, the server's reason),
    and the rest, for feeds.toml."""

    server: str
    synced: list[FeedConfig]
    rest: list[FeedConfig]
    subscribed: list[FeedConfig] = field(default_factory=list)
    refused: list[tuple[FeedConfig, str]] = field(default_factory=list)
    # why the server could not be asked (its last sync's list used instead), or None
    unasked: str | None = None
    # of those subscribed, the ones feeds.toml listed already (a plain import wrote them): the
    # server fetches them from now, their entries kept
    listed: list[FeedConfig] = field(default_factory=list)

    @property
    def clause(self) -> str:
        """ "22 already subscribed on HOST (synced), 3 subscribed there, 1 refused there (fetched
        here)", the parts that apply, or ""."""
        said = []
        if self.synced:
            said.append(f"{len(self.synced):,} already subscribed on {self.server} (synced)")
        if self.subscribed:
            said.append(f"{counted(len(self.subscribed), 'feed')} subscribed on {self.server}")
            if self.listed:  # (an earlier plain import wrote them: review r52 syncmore)
                said[-1] += f" ({len(self.listed):,} of them listed in feeds.toml already)"
        if self.refused:
            said.append(f"{len(self.refused):,} refused there (fetched here)")
        return ", ".join(said)


def split_for_server(
    library: Library,
    config: Config,
    feeds: Sequence[FeedConfig],
    *,
    subscribe: bool = False,
    keep_listed: bool = False,
    keep_token: bool = True,
) -> ServerSplit:
    """Split a list's feeds by the [sync] server's subscriptions (asked of it; when it cannot be
    reached, its last sync's list, unless `subscribe`, which needs it, or no sync has been:
    NeverSynced). With `subscribe`, each feed not there is subscribed there (its first tag the
    folder) and left out of `rest`, those feeds.toml lists too (a plain import of the list wrote
    them, and said `--subscribe` subscribes them there: closing r52); one the server refuses
    stays in `rest` with its reason; `keep_listed`: those feeds.toml lists are not subscribed
    but stay in `rest`, fetched here (the app's choice: review r53 F7); `keep_token` False: the
    login token is not written beside the store (a dry run). A server that fails
    otherwise (gone, a login refused) raises a SyncError before anything is written here: the
    feeds subscribed before it failed are the server's, and a second import finds them there."""
    from newstui.model import fold_url
    from newstui.sync.client import FeedRefused, server_name
    from newstui.sync.run import make_client

    sync = config.sync
    assert sync is not None
    server = server_name(sync.url)
    configured = {url_identity(f.url) for f in config.feeds}
    subscribed: list[FeedConfig] = []
    refused: list[tuple[FeedConfig, str]] = []
    listed: list[FeedConfig] = []

    async def run() -> set[str]:
        async with make_client(sync, config, library, keep_token=keep_token) as client:
            there = {fold_url(remote.url) for remote in await client.subscriptions()}
            if not subscribe:
                return there
            for feed in feeds:
                if fold_url(feed.url) in there:
                    continue
                if keep_listed and url_identity(feed.url) in configured:
                    continue
                folder = feed.tags[0] if feed.tags else None
                try:
                    await client.subscribe(feed.url, feed.name, folder)
                except FeedRefused as exc:
                    refused.append((feed, exc.reason))
                    continue
                there.add(fold_url(feed.url))
                subscribed.append(feed)
                if url_identity(feed.url) in configured:
                    listed.append(feed)
                if folder:  # (the sync that files it asks which label is this folder)
                    library.sync.ask_folder(feed.url, folder)
            return there

    unasked = None
    try:
        there = asyncio.run(run())
    except SyncError as exc:
        if subscribe:
            raise
        if library.sync.status().last_sync is None:  # (nothing known of its list)
            raise NeverSynced(str(exc), server) from exc
        unasked = str(exc)
        there = {fold_url(f.url or "") for f in library.sync.feeds() if f.url}
    done = {fold_url(f.url) for f in subscribed}
    synced = [f for f in feeds if fold_url(f.url) in there and fold_url(f.url) not in done]
    rest = [f for f in feeds if fold_url(f.url) not in there]
    return ServerSplit(server, synced, rest, subscribed, refused, unasked, listed)


def new_here(config: Config, feeds: Sequence[FeedConfig]) -> list[FeedConfig]:
    """The feeds of a split's `rest` the config file does not list: those a plain import would
    add here (`--subscribe` would subscribe them on the server, with the rest)."""
    configured = {url_identity(f.url) for f in config.feeds}
    return [f for f in feeds if url_identity(f.url) not in configured]
