"""Retention: how long a feed's articles stay, and what a cleanup removed."""

from __future__ import annotations

from dataclasses import dataclass

UNREAD_GRACE_DAYS = 7  # without keep_days, an unread article stays this long after its fetch


@dataclass(frozen=True)
class RetentionPolicy:
    """How long a feed's articles stay (`keep_days`; 0: no age limit) and how many of them
    (`keep_per_feed`, the newest; 0: no limit). Starred articles always stay, and so do unread
    ones fetched within the last `unread_grace_days`."""

    keep_days: int = 0
    keep_per_feed: int = 0

    @property
    def active(self) -> bool:
        """True when the policy can remove anything."""
        return self.keep_days > 0 or self.keep_per_feed > 0

    @property
    def unread_grace_days(self) -> int:
        """How long after its fetch an unread article counts as recent and is kept."""
        return self.keep_days or UNREAD_GRACE_DAYS


@dataclass(frozen=True)
class FeedCleanup:
    """What retention removed from one feed, and what it kept past the limits."""

    name: str
    removed: int
    kept_starred: int = 0  # past the limits, kept because starred
    kept_unread: int = 0  # past the limits, kept because unread and recent


@dataclass(frozen=True)
class CleanupReport:
    """What a cleanup removed (or, in a dry run, would remove), feed by feed."""

    feeds: tuple[FeedCleanup, ...] = ()
    reclaimed_bytes: int = 0
    dry_run: bool = False

    @property
    def removed(self) -> int:
        """Articles removed over every feed."""
        return sum(f.removed for f in self.feeds)

    def summary(self) -> str:
        """One line, e.g. "cleanup: removed 120 old articles (Wire 100, Lab 20)"."""
        verb = "would remove" if self.dry_run else "removed"
        n = self.removed
        starred = sum(f.kept_starred for f in self.feeds)
        unread = sum(f.kept_unread for f in self.feeds)
        kept = [f"{starred:,} starred"] * bool(starred) + [f"{unread:,} recent unread"] * bool(
            unread
        )
        kept_text = f"kept {' and '.join(kept)} past the limits" if kept else ""
        if not n:
            notes = "; ".join(["dry run"] * self.dry_run + [kept_text] * bool(kept))
            # "no old article": beside `--left-config`'s deletions, "nothing" would contradict them
            none = "cleanup: no old article to remove"
            return f"{none} ({notes})" if notes else none
        feeds = ", ".join(f"{f.name} {f.removed:,}" for f in self.feeds if f.removed)
        line = f"cleanup: {verb} {n:,} old article{'s' * (n != 1)} ({feeds})"
        return f"{line}; {kept_text}" if kept else line
