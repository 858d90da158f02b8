"""Retention: which policy (keep_days / keep_per_feed, from [settings] or the feed's own entry)
applies to each stored feed, and the cleanup that applies them after fetches and on demand.

Local sources (`[[local]]`, `newstui import`) are never cleaned up: their files are the record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from newstui.config import Config
from newstui.library import Library
from newstui.model import CleanupReport, RetentionPolicy, fold_url


def retention_policies(library: Library, config: Config) -> dict[int, RetentionPolicy]:
    """Each stored feed's policy (source id → policy): its `[[feeds]]` entry's keep_days /
    keep_per_feed where given, else the `[settings]` ones (also for sync server feeds). An entry
    that sets either to 0 keeps all of that feed: the setting of the other key does not apply
    to it, only a limit the entry sets itself."""
    s = config.settings
    default = RetentionPolicy(s.keep_days, s.keep_per_feed)
    own = {
        fold_url(f.url): feed_policy(f.keep_days, f.keep_per_feed, default) for f in config.feeds
    }
    return {
        source.id: own.get(fold_url(source.url or ""), default)
        for source in library.sources()
        if source.kind == "feed"
    }


def keep_days_by_url(config: Config) -> dict[str, int]:
    """Each configured feed's keep_days (its policy's, as retention_policies gives it once the
    feed is stored) by its URL as written, the way imported marks name their feed."""
    s = config.settings
    default = RetentionPolicy(s.keep_days, s.keep_per_feed)
    return {
        f.url: feed_policy(f.keep_days, f.keep_per_feed, default).keep_days for f in config.feeds
    }


def feed_policy(
    keep_days: int | None, keep_per_feed: int | None, default: RetentionPolicy
) -> RetentionPolicy:
    """A `[[feeds]]` entry's policy from its own keys (None: not written) and the settings'.
    A 0 written in the entry ("keep all of this feed") also turns off the setting's other limit."""
    keeps_all = keep_days == 0 or keep_per_feed == 0
    return RetentionPolicy(
        keep_days if keep_days is not None else 0 if keeps_all else default.keep_days,
        keep_per_feed if keep_per_feed is not None else 0 if keeps_all else default.keep_per_feed,
    )


def cleanup(
    library: Library,
    config: Config,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
    pause: Callable[[], None] | None = None,
) -> CleanupReport:
    """Remove what the retention settings no longer keep (a dry run only counts). `pause`:
    between the store's batches of old sketches to forget (None: the gap for other writers)."""
    s = config.settings
    limits = [s.keep_days, s.keep_per_feed]
    limits += [n or 0 for f in config.feeds for n in (f.keep_days, f.keep_per_feed)]
    if not any(limits):  # nothing to apply: the store is not even read
        return CleanupReport(dry_run=dry_run)
    policies = retention_policies(library, config)
    if not any(p.active for p in policies.values()):
        return CleanupReport(dry_run=dry_run)
    return library.cleanup(
        policies, now=now, dry_run=dry_run, syncing=config.sync is not None, pause=pause
    )
