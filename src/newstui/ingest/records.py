"""A fetch's own records (status, validators, failures, next try), stored a batch at a time, and
whether the run's network failures count against their feeds (offline, a proxy down)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from newstui.errors import DiskFullError, NoNetwork
from newstui.ingest.hosts import host_of
from newstui.library import Library
from newstui.model import FetchRecord
from newstui.sources.proxies import RelayFailure

FETCH_RECORDS_BATCH = 32  # fetch outcomes stored per transaction


@dataclass(frozen=True, slots=True)
class _NetworkFailure:
    """A failure for the network's sake, held to the end of the run (see FetchRecords.finish):
    its feed's host, the proxy that did not reach it (RelayFailure; `silent`: without a word),
    and whether it said that this machine has no network (NoNetwork)."""

    record: FetchRecord
    host: str
    relayed_by: str | None = None
    no_network: bool = False
    silent: bool = False


class FetchRecords:
    """Fetch outcomes stored a batch at a time: one transaction for many feeds instead of one per
    feed (200 feeds answering 304 were 200 commits). An outcome not yet stored when the process
    dies only means that feed is fetched without validators next time."""

    def __init__(self, library: Library, size: int = FETCH_RECORDS_BATCH) -> None:
        self.library, self.size = library, size
        self.pending: list[FetchRecord] = []
        self.held: list[_NetworkFailure] = []  # (kept to the end: see finish)
        self.answered: list[str] = []  # the URLs of the feeds whose server answered (well or not)
        self.recorded: set[int] = set()  # the sources whose outcome came (see refused_by_full_disk)

    def add(self, record: FetchRecord, url: str = "", failure: Exception | None = None) -> None:
        """Queue one outcome of the feed at `url` (`failure`: why it failed); store the queue
        once it is full."""
        self.recorded.add(record.source_id)
        if record.network and record.counted:
            relayed = failure if isinstance(failure, RelayFailure) else None
            no_network = isinstance(failure, NoNetwork)
            self.held.append(
                _NetworkFailure(
                    record,
                    host_of(url),
                    relayed.proxy if relayed else None,
                    no_network,
                    relayed is not None and relayed.silent,
                )
            )
            return
        if not record.network:
            self.answered.append(url)
        self.pending.append(record)
        if len(self.pending) % self.size == 0:  # (one that failed is tried again size later)
            self.flush()

    def refused_by_full_disk(self, source_id: int, name: str) -> None:
        """Queue the error of a feed whose articles a full disk refused (the fetch stops: see
        ingest.fetch_feeds), stored with the others at its end; not for a feed whose outcome came
        already (its articles stored before the disk filled at a later step: its full texts, or
        the write of the outcomes). Its failures, wait and validators stay: the next fetch
        reads the same document again."""
        if source_id in self.recorded:
            return
        self.recorded.add(source_id)
        error = f"{name}: {DISK_FULL_ERROR}"
        self.pending.append(FetchRecord(source_id, status=None, error=error, local=True))

    def flush(self) -> None:
        """Store every queued outcome; a write that fails keeps them queued (a full disk: the
        end of the fetch tries once more)."""
        if self.pending:
            self.library.record_fetches(self.pending)
            self.pending = []

    def finish(self, *, whole: bool = True) -> None:
        """Store every outcome, at the end of the run (`whole`: not stopped halfway). A failure
        for the network's sake is not counted in its feed's failures in a row when the machine
        looks offline: no server answered, and feeds on two hosts or more failed so (user test
        r46 H1: a night offline left every feed to wait for up to a day), or every one that
        failed said that the machine has no network (NoNetwork: a one-feed config offline
        overnight). One host alone failing otherwise (a cron `fetch NAME`, a one-feed config,
        feeds on one expired domain) is that host's failure, counted (review r46 M1). So is a
        proxy's failure to reach a host (RelayFailure), unless it reached none of two hosts or
        more, or said nothing when asked (a black hole: hostile r47 M1), and no feed through it
        was answered: then it is the proxy's. An uncounted error
        is kept, and counts all the same once its feed has been failing for a day
        (store.feeds.record_fetches)."""
        held, self.held = self.held, []
        hosts = {failure.host for failure in held}
        offline = not self.answered and (
            len(hosts) >= 2 or all(failure.no_network for failure in held)
        )
        down = _proxies_down(held, self.answered) if not offline else set()
        for failure in held:
            counted = whole and not offline and failure.relayed_by not in down
            self.pending.append(
                failure.record if counted else replace(failure.record, counted=False)
            )
        self.flush()


# A feed's error when a full disk refused its articles (`newstui feeds`, the app's Sources)
DISK_FULL_ERROR = "not stored: the disk is full; free some space and fetch again"


def records_not_kept(full: DiskFullError) -> DiskFullError:
    """The full disk's line when not even the fetch's records could be written after it."""
    return DiskFullError(
        f"{full}; not even when each feed was fetched could be stored (`newstui feeds` says "
        "what it said before this fetch)",
        source=full.source,
    )


def _proxies_down(held: Sequence[_NetworkFailure], answered: Sequence[str]) -> set[str]:
    """The proxies (Proxy.address) that reached none of the hosts asked for through them: each
    failed to reach two hosts or more (RelayFailure), or said nothing when asked for one, and no
    feed it serves was answered."""
    hosts: dict[str, set[str]] = {}
    silent: set[str] = set()
    for failure in held:
        if failure.relayed_by is not None:
            hosts.setdefault(failure.relayed_by, set()).add(failure.host)
            if failure.silent:
                silent.add(failure.relayed_by)
    down = {proxy for proxy, reached_not in hosts.items() if len(reached_not) >= 2} | silent
    if not down:
        return down
    from newstui.sources.proxies import ProxyError, proxy_settings

    settings = proxy_settings()
    for url in dict.fromkeys(answered):
        try:
            proxy = settings.proxy_for_url(url)  # (its port too: no_proxy=host:8080)
        except (ProxyError, ValueError):  # (then no request went out)
            continue
        if proxy is not None:
            down.discard(proxy.address)
    return down
