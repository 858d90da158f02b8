"""One sync with the server: push queued marks, pull subscriptions, new items and the unread and
starred sets, and reconcile them with what was changed here."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from newstui.config import Config
from newstui.counts import counted
from newstui.errors import NewstuiError, StoreError, SyncError, hide_url_password
from newstui.library import Library
from newstui.local_times import parsed, until_iso
from newstui.model import RemoteFeed, RemoteItem, fold_url
from newstui.model.fetching import RemovedSource, SyncChanges
from newstui.sources.http import FetchLimits
from newstui.sync.account import IdEvidence, IdJudgement, judge_ids, same_login
from newstui.sync.client import GReaderClient, PassingFailure, server_name
from newstui.sync.credentials import auth_cache_for, resolve_password
from newstui.sync.items import READ, READING_LIST, STARRED
from newstui.text import clean_line

if TYPE_CHECKING:
    from newstui.config.tables import SyncConfig
    from newstui.fulltext.podcasts import Episode
    from newstui.library import MovedSource, QueuedChange

PUSH_BATCH = 500  # item ids in one edit-tag POST
ITEM_PAGE = 250  # items in one stream/contents page
ID_PAGE = 10_000  # ids in one stream/items/ids page
MAX_ID_PAGES = 100  # pages of ids read of one set (a million ids) before it counts as cut short
CONTENTS_BATCH = 250  # items asked for by id in one POST
CURSOR = "items_since"  # crawl time (s) from which new items are asked for
ACCOUNT = "account"  # the user and server the last sync was with (see account_of)
RETRY_FOR = "retry_for"  # the account whose server asked for the wait in retry_after
UNLINKED = "unlinked_articles"  # (store/sync.py's: its articles leave it as they are linked)

# How a sync's account differs from the last one's: "server", the same user on another server
# (FreshRSS left for Miniflux: the marks made here go to it); "user", another user; "unknown",
# the last account was not remembered (synced before it was) and the ids name other feeds.
Switch = Literal["server", "user", "unknown"]


@dataclass(frozen=True)
class SyncReport:
    """What one sync did."""

    server: str
    pushed: int = 0
    feeds_added: tuple[str, ...] = ()
    feeds_removed: tuple[str, ...] = ()
    removed: tuple[RemovedSource, ...] = ()  # what removing each of feeds_removed did
    # subscriptions gone from the server that feeds.toml lists: fetched here from now on
    fetched_here: tuple[str, ...] = ()
    new: int = 0
    updated: int = 0
    read_changed: int = 0
    starred_changed: int = 0
    requests: int = 0
    feeds_kept: tuple[str, ...] = ()  # the server listed no subscriptions: these stay stored
    changed_ids: tuple[int, ...] = ()  # new or changed articles: full text and analysis to do
    cut_short: tuple[str, ...] = ()  # "unread", "starred": the server's set did not come to its end
    unchecked: int = 0  # items out of a set the server could not be asked about: marks kept
    unchecked_reason: str | None = None  # why (a timeout, an HTTP 5xx answer)
    unfetched: int = 0  # items of a set, not stored here, the server failed to give: asked again
    episodes: tuple[
        tuple[Episode, ...], ...
    ] = ()  # each feed's items pulled: full text's podcast rule
    # (feed id, its changed article ids, its items pulled): full text under each feed's setting
    by_feed: tuple[tuple[int, tuple[int, ...], tuple[Episode, ...]], ...] = ()
    # the links of the items pulled whose body is the entry's content: full text in "auto" does
    # not report their missing pages, as for a feed fetched here (ingest: content_given)
    content_given: frozenset[str] = frozenset()
    # the account the sync before was with, when this one is another: see switched_notice
    account: str | None = None
    switched_from: str | None = None
    # the account synced before under another address, found to be this one (same_items_there)
    renamed_from: str | None = None
    switch: Switch | None = None
    switch_why: str | None = None  # ("unknown") what told another account from the last one
    # a store that did not remember its account, synced with one that follows the same feeds
    # but has none of the newest N items stored here: taken for the same account whose
    # retention dropped them (no switch: nothing forgotten, removed or fetched again)
    expired: int = 0
    moved: tuple[MovedSource, ...] = ()  # subscriptions the server lists at a new URL
    config_file: str = "feeds.toml"  # (moved_notice: the file that lists a moved feed's URL)
    # (expired) marks queued here whose article the server does not have under that id: not sent
    # (it may be another account, whose ids are not this store's), kept here
    unsent: int = 0
    # articles an earlier newstui stored twice (the feed's link and the server's written
    # otherwise), merged into the one stored first
    merged: int = 0

    def summary(self, pages: str | None = None) -> str:
        """One line: what changed (`pages`: the full-text clause, as a fetch's summary has it,
        e.g. "full texts: 0 fetched, 3 failed")."""
        parts = [f"{self.new:,} new", f"{self.updated:,} updated"]
        changes = self.changes
        parts += changes.clauses()  # (the changes pushed first)
        if self.merged:
            parts.append(f"{counted(self.merged, 'article')} stored twice merged")
        removed = changes.removed_line()
        first = f"synced with {self.server}: " + ", ".join(parts)
        said = [first, *([pages] if pages else []), *([removed] if removed else [])]
        return "; ".join([*said, *self.notices])

    @property
    def changes(self) -> SyncChanges:
        """The subscriptions added and removed and the marks changed, as fetch and the app say."""
        return SyncChanges(
            self.server,
            self.feeds_added,
            self.removed,
            self.read_changed + self.starred_changed,
            self.pushed,
        )

    @property
    def notices(self) -> tuple[str, ...]:
        """What the sync left as it was and why, one clause each: the warning of a sync that
        completed (fetch's and the app's sync line show them as `newstui sync` does)."""
        found = (
            self.switched_notice,
            self.renamed_notice,
            *self.moved_notices,
            self.fetched_here_notice,
            self.expired_notice,
            self.unsent_notice,
            self.kept_notice,
            self.cut_short_notice,
            self.unchecked_notice,
        )
        return tuple(notice for notice in found if notice)

    @property
    def switched_notice(self) -> str | None:
        """That the sync was with another server or account than the one before."""
        if self.switch is None:
            return None
        if self.switched_from is None:
            why = self.switch_why or "its ids name other feeds"
            last = f"the account synced before is not known here; {why}"
        else:
            last = f"the last was with {self.switched_from}"
        matched = (
            f"first sync with {self.account} ({last}): sources and articles here were matched "
            "to its by URL"
        )
        if self.switch == "server":  # the same user: what was marked here is theirs
            return f"{matched}, the marks made here kept and sent to it"
        return f"{matched} and took its marks (none of the last account's was sent)"

    @property
    def renamed_notice(self) -> str | None:
        """That the server at a new address is the account synced before (same_items_there)."""
        if self.renamed_from is None:
            return None
        return (
            f"{self.account} is {self.renamed_from} under another address (it has the articles "
            "stored here under the same ids): synced as the same account"
        )

    @property
    def fetched_here_notice(self) -> str | None:
        """That subscriptions the server dropped stay, fetched here, as the config lists them
        (user test r42 L9: the sync said nothing of it)."""
        if not self.fetched_here:
            return None
        names = ", ".join(self.fetched_here)
        one = len(self.fetched_here) == 1
        left, it = ("is", "it") if one else ("are", "them")
        return (
            f"{names} {left} no longer on {self.server}: {Path(self.config_file).name} lists "
            f"{it}, fetched here from now on"
        )

    @property
    def expired_notice(self) -> str | None:
        """That the server, taken for the last account (not remembered here), no longer has the
        newest articles stored here: expired there, not another account's."""
        if not self.expired:
            return None
        sources = "1 source" if self.expired == 1 else f"any of {self.expired} sources"
        return (
            f"{self.server} no longer has the newest article stored here of {sources} but "
            "follows the same feeds: taken as expired there (the same account), no item id "
            "was forgotten"
        )

    @property
    def moved_notices(self) -> tuple[str, ...]:
        """Each subscription the server lists at a new URL: moved here too, merged with the
        source that had that URL, or kept at its URL and why."""
        said: list[str] = []
        for m in self.moved:
            old, new = (clean_line(hide_url_password(u), 300) for u in (m.old, m.new))
            line = f"{m.former} moved to {new} on {self.server} (it was {old})"
            if m.kept == "configured":
                line += (
                    f"; {self.config_file} lists it at {old}: kept there (change its url to follow)"
                )
            elif m.kept == "listed":
                line += f", the URL of {m.other} here, another of its subscriptions: kept at {old}"
            elif m.other is not None:
                line += (
                    f", the URL of {m.other} here: now one source, {m.name}, with the articles "
                    "of both"
                )
            said.append(line)
        return tuple(said)

    @property
    def unsent_notice(self) -> str | None:
        """That marks made here were not sent, to a server taken for the last account (not
        remembered here) that does not have their articles under the ids stored here."""
        if not self.unsent:
            return None
        were, it, mark = (
            ("was", "that article", "the mark stays")
            if self.unsent == 1
            else ("were", "those articles", "the marks stay")
        )
        return (
            f"{counted(self.unsent, 'mark')} made here {were} not sent to {self.server}: it no "
            f"longer has {it} (expired there, or another account's); {mark} here"
        )

    @property
    def cut_short_notice(self) -> str | None:
        """Which of the server's sets did not come to its end, so its marks were left alone."""
        if not self.cut_short:
            return None
        sets = " and ".join(self.cut_short)
        return f"{self.server}'s {sets} list did not come to its end; those marks were left as they are"

    @property
    def unchecked_notice(self) -> str | None:
        """Which articles were not fetched, or had their marks left as they are, because asking
        the server failed for a passing reason; the next sync asks again."""
        if not self.unchecked and not self.unfetched:
            return None
        if not self.unfetched:
            return (
                f"{counted(self.unchecked, 'article')} out of {self.server}'s lists could not be "
                f"checked ({self.unchecked_reason}); their marks stay until the next sync"
            )
        fetched = (
            f"{counted(self.unfetched, 'article')} of {self.server}'s lists could not be fetched"
        )
        if not self.unchecked:
            return f"{fetched} ({self.unchecked_reason}); the next sync asks for them again"
        return (
            f"{fetched} and {self.unchecked:,} could not be checked ({self.unchecked_reason}); "
            "the next sync asks for them again, and their marks stay until then"
        )

    @property
    def kept_notice(self) -> str | None:
        """Why the server's sources were not removed, when it listed no subscriptions."""
        if not self.feeds_kept:
            return None
        return (
            f"{self.server} lists no subscriptions; kept its "
            f"{counted(len(self.feeds_kept), 'source')} (remove one with `newstui remove NAME` "
            "or D in Sources)"
        )


def limits_for(config: Config) -> FetchLimits:
    """The feed fetch limits from the settings, used for the sync server too (with the
    certificates [settings]' `ca_file` trusts)."""
    s = config.settings
    return FetchLimits(s.timeout, s.max_bytes, s.concurrency, s.per_host, s.ca_file or None)


def make_client(
    sync: SyncConfig, config: Config, library: Library, *, keep_token: bool = True
) -> GReaderClient:
    """A client for the configured server; the password is resolved only if a login is needed.
    Its auth token is cached beside the database file (`keep_token` False: not cached, for a
    dry run, which writes nothing)."""
    db_path: Path | str = library.sync.path() if keep_token else ":memory:"
    return GReaderClient(
        sync.url,
        sync.user,
        lambda: resolve_password(sync),
        limits_for(config),
        auth_cache_for(db_path),
        sync.ca_file,
    )


def _check_retry_after(library: Library, server: str, account: str) -> None:
    asked = library.sync.state("retry_after")
    if not asked or library.sync.state(RETRY_FOR) not in (None, account):
        return  # (another account's server asked for that wait)
    when = parsed(asked)
    if when is not None and when > datetime.now(UTC):
        # (in UTC, as `sync --json` gives times; its line shows it local: in_message)
        raise SyncError(
            f"{server}: asked us to wait (HTTP 429) {until_iso(when)}; not contacting it"
        )


def account_of(client: GReaderClient) -> str:
    """The user and server a sync is with, as the store remembers it (user@host/path: http and
    https are one server)."""
    base = urlsplit(client.base)
    return clean_line(f"{client.user}@{server_name(client.base)}{base.path}", 300)


def _without_password(account: str) -> str:
    """An account as a version before this one remembered it, with the sync url's
    `user:password@` (`bob@bob:secret@host/api`): without it (the part before the host that
    holds a ':')."""
    host, slash, path = account.partition("/")
    parts = host.split("@")
    if len(parts) >= 3 and ":" in parts[-2]:
        del parts[-2]
    return "@".join(parts) + slash + path


async def run_sync(library: Library, config: Config, client: GReaderClient) -> SyncReport:
    """Push, then pull; records the time or the error for the status line. Raises SyncError
    (the server, the network, the password), or another NewstuiError (a proxy it cannot use).
    A failure of the store itself (StoreError: a full disk, a read-only file; sqlite3.Error: a
    lock held too long) is raised as it is, no failed sync: it is not written into the store
    that could not be written (review r50 LOW-2: that write failed or waited again).

    A sync with another server or account than the last one forgets the last one's item and
    subscription ids once this one answers (they name other things there): sources and articles
    are matched by URL.
    """
    account = account_of(client)
    former = library.sync.state(ACCOUNT)
    if former is not None and former != _without_password(former):
        former = _without_password(former)  # (a password is never kept)
        library.sync.set_state(**{ACCOUNT: former})
    switched = former if former is not None and former != account else None
    _check_retry_after(library, client.server, account)
    switch: Switch | None = None
    renamed: str | None = None
    try:
        if switched is not None and await _same_account(client, switched, account):
            switched = None  # (another name of the same user: remembered under this one now)
        same_user = switched is not None and _user_of(switched) == _user_of(account)
        if same_user and await same_items_there(library, client):
            renamed, switched = switched, None  # (the same server under another name)
        if switched is not None:
            switch = "server" if _user_of(switched) == _user_of(account) else "user"
        report = await _sync(library, config, client, switch, remembered=former is not None)
    except StoreError:  # (the store's own: nothing is written into it)
        raise
    except NewstuiError as exc:  # (the server's, the network's, the password's, a proxy's)
        note_failure(library, exc, account)
        raise
    if report.switch:
        library.sync.drop_unpushable_changes()  # marks of articles this server does not have
    synced_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    library.sync.set_state(
        last_sync=synced_at,
        last_error=None,
        retry_after=None,
        failures=None,
        failing_since=None,
        **{ACCOUNT: account, RETRY_FOR: None},
    )
    return replace(report, account=account, switched_from=switched, renamed_from=renamed)


def note_failure(library: Library, error: NewstuiError, account: str | None = None) -> None:
    """A sync that failed, whatever failed (the server, the network, the password_command or
    password_env, a proxy the environment names, the sync url): its error for the status line,
    one more failure in a row and since when (`synced again after 3 failed syncs since 07:31`:
    a password_command failing counted none, review r49), and the wait a 429 asked of
    `account`. A sync not tried, waiting out that 429, is none."""
    retry = None
    if (seconds := getattr(error, "retry_after", None)) is not None:
        retry = (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat()
    before = library.sync.status()  # (its failures in a row: the sync's recovered line)
    library.sync.set_state(
        last_error=str(error),
        retry_after=retry,
        failures=str(before.failures + 1),
        failing_since=before.failing_since or datetime.now(UTC).replace(microsecond=0).isoformat(),
        **{RETRY_FOR: account if retry else None},
    )


async def _same_account(client: GReaderClient, former: str, account: str) -> bool:
    """Whether a remembered account whose user name differs from the configured one (the server
    and path the same) is the same user, as the server says (user-info: `alice` and
    `alice@example.org`, `Alice` and `alice`). Asked only then; a server that does not say is
    taken for another user. Raises SyncError (unreachable: nothing is decided)."""
    if former.removeprefix(_user_of(former)) != account.removeprefix(_user_of(account)):
        return False
    return same_login(_user_of(former), _user_of(account), await client.user_info())


async def same_items_there(library: Library, client: GReaderClient) -> bool:
    """Whether a server at another address than the one synced before, with the same user name,
    is that same account under another name (127.0.0.1 and localhost, a LAN name and a public
    one, a reverse proxy added: user test r39 M5): asked for the newest item stored of each
    synced source (PROBES at most, one request), it gives at least half of them, each the same
    article (items_stored_as: by its link and title). Another server's ids name nothing or
    other articles. Raises SyncError (unreachable: nothing is decided)."""
    probes = library.sync.newest_items(PROBES)
    if not probes:
        return False
    there = await client.items_by_id(probes)
    same = library.sync.items_stored_as(there)
    return 2 * len(same) >= len(probes) and len(same) == len({i.item_id for i in there})


def _user_of(account: str) -> str:
    """The user part of an account_of (a user name may hold an @, a host does not)."""
    return account.rpartition("@")[0]


async def push_changes(library: Library, client: GReaderClient) -> int:
    """Send the queued read/unread/starred changes in batched edit-tag POSTs; each batch leaves
    the queue once the server accepted it. Returns how many were pushed."""
    changes = library.sync.pending()
    groups: dict[tuple[str, bool], list[QueuedChange]] = {}
    for change in changes:
        groups.setdefault((change.field, change.value), []).append(change)
    pushed = 0
    for (field, value), group in groups.items():
        state = READ if field == "read" else STARRED
        for start in range(0, len(group), PUSH_BATCH):
            batch = group[start : start + PUSH_BATCH]
            ids = [c.item_id for c in batch]
            if value:
                await client.edit_tag(ids, add=state)
            else:
                await client.edit_tag(ids, remove=state)
            library.sync.forget_pushed(batch)
            pushed += len(batch)
    # read marks of items a cleanup removed here before the server learnt them (no article)
    reads = library.sync.retired_reads()
    for start in range(0, len(reads), PUSH_BATCH):
        read = reads[start : start + PUSH_BATCH]
        await client.edit_tag(read, add=READ)
        library.sync.forget_retired_reads(read)
        pushed += len(read)
    return pushed


async def _sync(
    library: Library,
    config: Config,
    client: GReaderClient,
    switch: Switch | None = None,
    *,
    remembered: bool = True,
) -> SyncReport:
    from newstui.fulltext.podcasts import episode  # (its package loads the extraction pool)

    # With another server or account (`switch`), the queue's item ids are the last one's: the last
    # one's ids are forgotten once this one answers (one unreachable, marks are queued as ever).
    # The same user's changes are pushed at the end, to the items matched to their articles here;
    # another user's are dropped. A store that does not remember its last account (synced before
    # it was) pushes once the subscriptions show whose its ids are.
    pushed = 0 if switch or not remembered else await push_changes(library, client)
    configured = {fold_url(f.url): (f.name if f.named else None, f.tags) for f in config.feeds}
    remote = await client.subscriptions()
    judged = IdJudgement("same")
    expired = unsent = 0
    if not remembered:
        judged, expired = await _judge_unremembered(library, client, remote)
    if judged.verdict == "other":
        switch = "unknown"  # (whose marks they were is not known: the new account's are taken)
    if switch:
        library.sync.forget_server(keep_marks=switch == "server")
    elif not remembered:
        if judged.verdict == "expired":
            unsent = await _drop_marks_of_items_not_there(library, client)
        pushed = await push_changes(library, client)
    # Another user's articles not linked to one of this account's items yet: read once a sync,
    # each leaves the list as it is linked (it takes this account's marks, none of its is sent).
    unlinked = library.sync.unlinked_articles()
    had_unlinked = bool(unlinked)
    kept = () if remote else tuple(f.name for f in library.sync.feeds())
    added, removed, moved, fetched_here = library.sync.apply_subscriptions(remote, configured)
    merged = library.sync.merge_link_twins()  # (once: those an earlier newstui stored twice)
    merged += await _merge_doubled(library, client)
    feed_ids = {f.stream_id: f.feed_id for f in library.sync.feeds()}
    new = updated = 0
    changed: list[int] = []
    episodes: dict[str, list[Episode]] = {}
    changed_in: dict[int, list[int]] = {}  # feed id: its changed article ids
    given: set[str] = set()  # (SyncReport.content_given)

    async def store(items: Sequence[RemoteItem], cursor: tuple[str, str] | None = None) -> None:
        nonlocal new, updated, feed_ids, moved
        if any(i.stream_id not in feed_ids for i in items):  # subscribed since the list
            again = library.sync.apply_subscriptions(await client.subscriptions(), configured)
            listed = {(m.old, m.new) for m in moved}  # (a move kept at its URL comes again)
            moved += [m for m in again[2] if (m.old, m.new) not in listed]
            feed_ids = {f.stream_id: f.feed_id for f in library.sync.feeds()}
        saved = library.sync.save_items(items, feed_ids, cursor, unlinked)
        new += saved.new
        updated += saved.updated
        changed.extend(saved.changed_ids)
        for article_id, feed_id in zip(saved.changed_ids, saved.changed_feeds, strict=True):
            changed_in.setdefault(feed_id, []).append(article_id)
        for item in items:
            episodes.setdefault(item.stream_id, []).append(
                episode(item.article.url, item.article.links)
            )
            if item.article.has_content and item.article.url:
                given.add(item.article.url)

    # New items, oldest first; the cursor moves with each stored page, so a sync killed half-way
    # resumes where it stopped.
    # The cursor is the newest crawl second seen; asking from the next second skips what a sync
    # already stored (servers fetch in bursts: a thousand items can share that second). An item
    # crawled later in that same second is still found by the unread/starred ids below.
    cursor = int(library.sync.state(CURSOR) or 0)
    since = cursor + 1 if cursor else 0
    continuation: str | None = None
    while True:
        items, continuation = await client.items(since, continuation, ITEM_PAGE)
        if not items:  # the last page can be empty: the cursor stays where the items left it
            break
        cursor = max(cursor, *(i.crawled_usec // 1_000_000 for i in items))
        await store(items, (CURSOR, str(cursor)))
        if not continuation:
            break
    unread = await _all_ids(client, READING_LIST, READ)
    starred = await _all_ids(client, STARRED, None)
    # Unread or starred items older than the cursor (a first sync, a server restored from backup),
    # and starred ones a cleanup removed (starred elsewhere since).
    wanted = {*(unread or ()), *(starred or ())}
    missing = sorted(wanted - library.sync.known_items(wanted, set(starred or ())))
    # A batch the server failed to give for a passing reason (a timeout, a 5xx): what came is
    # stored, the rest is not known here, so the next sync asks for it again. The server is not
    # asked about the doubtful items below either (each would wait out the same failure).
    unfetched = 0
    unchecked_reason = None
    for start in range(0, len(missing), CONTENTS_BATCH):
        try:
            fetched = await client.items_by_id(missing[start : start + CONTENTS_BATCH])
        except PassingFailure as exc:
            unfetched = len(missing) - start
            unchecked_reason = str(exc).removeprefix(f"{client.server}: ")
            break
        await store(fetched)
    # An item missing from a set is read (unstarred) elsewhere, or gone from the server (its
    # retention, a stream that does not list it): asked for by id, the server says which, and
    # what it no longer returns keeps its marks here (and is not asked for again). A batch the
    # server failed to answer for a passing reason (a timeout, a 5xx) says nothing of its items:
    # they and the batches after it keep their marks and are asked for at the next sync.
    streams = {feed.stream_id for feed in remote}
    doubtful = library.sync.doubtful_items(streams, unread, starred)
    confirmed: dict[int, tuple[bool, bool]] = {}
    asked = 0 if unfetched else len(doubtful)
    for start in range(0, asked, CONTENTS_BATCH):
        try:
            answered = await client.items_by_id(doubtful[start : start + CONTENTS_BATCH])
        except PassingFailure as exc:
            asked, unchecked_reason = start, str(exc).removeprefix(f"{client.server}: ")
            break
        for item in answered:
            confirmed[item.item_id] = (item.read, item.starred)
    if had_unlinked:  # (kept while items are left to fetch: they may be those articles')
        short = unfetched or unread is None or starred is None
        left = json.dumps(sorted(unlinked)) if unlinked and short else None
        library.sync.set_state(**{UNLINKED: left})
    gone = [i for i in doubtful[:asked] if i not in confirmed]
    read_changed, starred_changed = library.sync.apply_states(
        streams, unread, starred, confirmed, gone
    )
    cut_short = tuple(
        name for name, ids in (("unread", unread), ("starred", starred)) if ids is None
    )
    # Marks of articles stored before they were the server's items (fetched before sync was set
    # up, kept from another server): those the server's items lack go to it now.
    if library.sync.pending() or library.sync.retired_reads():
        pushed += await push_changes(library, client)
    if remote:  # (the sync finished: the moves kept at their old URL are said, not again)
        library.sync.remember_kept_moves(moved)
    return SyncReport(
        server=client.server,
        pushed=pushed,
        feeds_added=tuple(added),
        feeds_removed=tuple(r.name for r in removed),
        removed=tuple(removed),
        fetched_here=tuple(fetched_here),
        new=new,
        updated=updated,
        read_changed=read_changed,
        starred_changed=starred_changed,
        requests=client.requests,
        feeds_kept=kept,
        changed_ids=tuple(dict.fromkeys(changed)),
        cut_short=cut_short,
        unchecked=len(doubtful) - asked,
        unchecked_reason=unchecked_reason,
        unfetched=unfetched,
        switch=switch,
        switch_why=judged.why,
        expired=expired if judged.verdict == "expired" else 0,
        unsent=unsent,
        moved=tuple(m for m in moved if not m.said_before),
        config_file=str(config.path),
        merged=merged,
        episodes=tuple(tuple(feed) for feed in episodes.values()),
        by_feed=tuple(
            (
                feed_id,
                tuple(dict.fromkeys(ids)),
                tuple(
                    e
                    for stream, found in episodes.items()
                    if feed_ids.get(stream) == feed_id
                    for e in found
                ),
            )
            for feed_id, ids in changed_in.items()
        ),
        content_given=frozenset(given),
    )


PROBES = 20  # stored items asked for, at most, to tell whether a store's ids are this account's


LINK_PROBES = 3  # shared feeds whose oldest items are asked for, at most (see below)


async def _judge_unremembered(
    library: Library, client: GReaderClient, remote: Sequence[RemoteFeed]
) -> tuple[IdJudgement, int]:
    """Whether the server is the last account's, for a store that does not remember it (see
    sync/account.py), and how many items were asked for by id. Asks for at most PROBES stored
    items by id (one request), and only when none is found and feeds are shared, for the oldest
    items of at most LINK_PROBES shared feeds: another account following them has its copies of
    the articles stored here among its oldest (under other ids), however many came since; the
    same one, its retention past, has them no more."""
    found = library.sync.account_evidence(remote)
    probes = found.probes[:PROBES]
    evidence = IdEvidence(
        conflict=found.conflict,
        synced=found.synced,
        listed=len(remote),
        shared=len(found.shared),
        probed=len(probes),
    )
    if evidence.conflict or not evidence.synced:
        return judge_ids(evidence), 0
    if probes:
        evidence = replace(evidence, found=len(await client.items_by_id(probes)))
    if not evidence.found and evidence.probed and evidence.shared:
        relinked = unordered = 0
        for stream, feed_id in found.shared[:LINK_PROBES]:
            oldest, more = await client.oldest_items(stream, PROBES)
            relinked += library.sync.stored_under_other_ids(feed_id, oldest)
            unordered += not _all_or_oldest_first(oldest, more, PROBES)
        evidence = replace(evidence, relinked=relinked, unordered=unordered)
    return judge_ids(evidence), evidence.probed


async def _merge_doubled(library: Library, client: GReaderClient) -> int:
    """Entries a synced source holds twice, each copy a server item (a feed subscribed again on
    the server, stored beside its old items by an earlier newstui: user test r39 H2): the
    server is asked for both items of each (CONTENTS_BATCH a request), and a pair whose one item
    it no longer has is merged into the article stored first. Asking failing for a passing
    reason merges nothing (the next sync asks again). How many copies went."""
    pairs = library.sync.doubled_articles()
    ids = sorted({i for p in pairs for i in (p.first_item, p.copy_item)})
    there: set[int] = set()
    for start in range(0, len(ids), CONTENTS_BATCH):
        try:
            answered = await client.items_by_id(ids[start : start + CONTENTS_BATCH])
        except PassingFailure:
            return 0
        there |= {item.item_id for item in answered}
    return library.sync.merge_doubled(pairs, there) if pairs else 0


async def _drop_marks_of_items_not_there(library: Library, client: GReaderClient) -> int:
    """Drop from the queue the marks whose item the server does not have as the same article
    (asked for by id, CONTENTS_BATCH a request), for a server taken for the last account because
    its items expired: another account whose own copies expired too looks the same, and must
    never get the last one's marks by ids that are not its own (on its server, absent, or
    another article). The marks stay on the articles here. Returns how many were dropped."""
    changes = library.sync.pending()
    ids = sorted({c.item_id for c in changes})
    there: list[RemoteItem] = []
    for start in range(0, len(ids), CONTENTS_BATCH):
        there += await client.items_by_id(ids[start : start + CONTENTS_BATCH])
    same = library.sync.items_stored_as(there)
    unsent = [c for c in changes if c.item_id not in same]
    library.sync.forget_pushed(unsent)  # (out of the queue, as if sent)
    return len(unsent)


def _all_or_oldest_first(items: Sequence[RemoteItem], more: bool, asked: int) -> bool:
    """Whether an answer to oldest_items holds a feed's oldest items: fewer than asked and no
    continuation is the whole stream; any other page must come oldest first (a server that
    ignores `r=o` gives its newest, newest first; equal crawl times and ids tell nothing)."""
    if len(items) < asked and not more:
        return True
    if len(items) < 2:
        return False
    first, last = items[0], items[-1]
    return (first.crawled_usec, first.item_id) < (last.crawled_usec, last.item_id)


async def _all_ids(client: GReaderClient, stream: str, exclude: str | None) -> list[int] | None:
    """Every id in a stream, page after page; None when the paging does not come to its end (a
    continuation given again, more than MAX_ID_PAGES pages): a set cut short is not the set."""
    ids: list[int] = []
    continuation: str | None = None
    seen: set[str] = set()
    for _ in range(MAX_ID_PAGES):
        page, continuation = await client.item_ids(stream, exclude, continuation, ID_PAGE)
        ids.extend(page)
        if not continuation:
            return ids
        if continuation in seen:
            return None
        seen.add(continuation)
    return None


def sync_server(config: Config) -> str | None:
    """How messages name the configured sync server, or None without [sync]."""
    return server_name(config.sync.url) if config.sync else None


@dataclass(frozen=True)
class Unsubscribed:
    """What unsubscribing several sources on the server did: the server (None when none was a
    subscription there), those it unsubscribed, those it still lists and why it stopped."""

    server: str | None
    done: tuple[int, ...]
    left: tuple[int, ...]  # the one refused and those after it (never asked)
    refusal: str | None


async def unsubscribe_sources(
    library: Library, config: Config, source_ids: Sequence[int]
) -> Unsubscribed:
    """Unsubscribe each source that is a server subscription, in turn, through one login (a
    folder of 600). The first refusal stops it: those not unsubscribed are left to say, as the
    server still lists them (an unreachable server would fail each in turn)."""
    from newstui.errors import NewstuiError

    streams = [(i, s) for i in source_ids if (s := library.sync.stream_of(i)) is not None]
    if not streams:
        return Unsubscribed(None, (), (), None)
    if config.sync is None:
        raise SyncError("these sources are sync server subscriptions, but [sync] is not configured")
    done: list[int] = []
    refusal = None
    try:
        async with make_client(config.sync, config, library) as client:
            for source_id, stream in streams:
                await client.unsubscribe(stream)
                done.append(source_id)
    except NewstuiError as exc:
        refusal = str(exc)
    left = tuple(i for i, _ in streams[len(done) :])
    return Unsubscribed(server_name(config.sync.url), tuple(done), left, refusal if left else None)


async def unsubscribe_source(library: Library, config: Config, source_id: int) -> str | None:
    """Unsubscribe a source on the sync server when it is a server subscription (call it before
    removing the source here, so a refused unsubscribe changes nothing). Returns the server's name
    (its host, as sync messages name it), or None when the source is not a server subscription."""
    stream = library.sync.stream_of(source_id)
    if stream is None:
        return None
    if config.sync is None:
        raise SyncError("this source is a sync server subscription, but [sync] is not configured")
    async with make_client(config.sync, config, library) as client:
        await client.unsubscribe(stream)
    return server_name(config.sync.url)


async def leave_server_folders(
    library: Library, config: Config, folders: Sequence[tuple[int, Sequence[str]]]
) -> str | None:
    """Take each subscribed source out of its given server folders (tags), through one login,
    so the next sync does not bring those folders back; the subscriptions stay. Returns the
    server's name, or None when none of the sources is a subscription there. The server's
    refusal is raised (the sources taken out before it are out of those folders there)."""
    edits = [
        (i, s, tuple(f)) for i, f in folders if f and (s := library.sync.stream_of(i)) is not None
    ]
    if not edits:
        return None
    if config.sync is None:
        raise SyncError("these sources are sync server subscriptions, but [sync] is not configured")
    async with make_client(config.sync, config, library) as client:
        for source_id, stream, left in edits:
            for folder in left:
                await client.leave_folder(stream, folder)
            library.sync.left_folders(source_id, left)
    return server_name(config.sync.url)
