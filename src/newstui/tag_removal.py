"""Removing every source of a tag (a folder imported from another reader: 600 feeds) from the
config file and the store, as `remove NAME` does one: `newstui remove --tag NAME` and the app's
`D` on a tag both go through here, after asking."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstui.config import Config, FeedConfig, LocalConfig, remove_sources
from newstui.counts import counted
from newstui.model.names import name_key

if TYPE_CHECKING:
    from newstui.library import Library
    from newstui.model import FeedRow


@dataclass(frozen=True)
class TaggedSources:
    """The sources a tag holds (stored ones as Sources lists them, and those of the config file
    not stored yet) and what removing them deletes."""

    tag: str  # as the sources spell it
    names: tuple[str, ...]  # each source's name
    stored: tuple[FeedRow, ...]  # those the store holds
    entries: tuple[str, ...]  # the config file's entries (URL or name) to cut
    articles: int
    starred: int
    on_server: int = 0  # how many are subscriptions of the sync server, unsubscribed there too
    server: str | None = None  # its name, as sync messages say it

    def question(self, config_name: str, *, purge: bool = False) -> str:
        """ "Remove the 600 sources tagged Sport from feeds.toml and delete their 12,000
        articles? The 3 starred are kept." With a sync server, before `y` (as `D` on one
        feed says it): "…, unsubscribe 580 of them on rss.example.org and delete …"."""
        sources = counted(len(self.names), "source")
        text = f"Remove the {sources} tagged {self.tag} from {config_name}"
        there = ""
        if self.on_server and self.server:
            them = "them" if self.on_server == len(self.names) else f"{self.on_server:,} of them"
            there = f"unsubscribe {them} on {self.server}"
        if there:
            text += f", {there}" if self.articles else f" and {there}"
        if not self.articles:
            return f"{text}? They have no articles."
        text += f" and delete their {counted(self.articles, 'article')}?"
        if self.starred and not purge:
            kept = (
                "The starred one is kept"
                if self.starred == 1
                else f"The {self.starred:,} starred are kept"
            )
            if there:  # here only: FreshRSS deletes a feed's items, starred ones too (r42 L10)
                them = "it" if self.starred == 1 else "them"
                kept += (
                    f" here; {self.server} may drop {them} with the subscription (FreshRSS does)"
                )
            text += f" {kept}."
        return text


@dataclass(frozen=True)
class TagRemoved:
    """What removing a tag's sources did."""

    tag: str
    sources: int
    deleted: int
    kept_starred: int
    unsubscribed: str | None  # the sync server they were unsubscribed on, if any
    # the server's subscriptions it did not unsubscribe (it refused one), kept here as they are
    not_removed: tuple[str, ...] = ()
    refused: str | None = None  # why, as the server said

    def summary(self, config_name: str) -> str:
        """ "Removed the 600 sources tagged Sport from feeds.toml and deleted 12,000 articles";
        after a refusal, "Removed 40 of the 600 sources …; not removed: A, B, C and 557 more,
        which the server still lists (its answer)"."""
        every = counted(self.sources + len(self.not_removed), "source")
        not_removed = ""
        if self.not_removed:
            shown = ", ".join(self.not_removed[:3])
            more = len(self.not_removed) - 3
            shown += f" and {more:,} more" if more > 0 else ""
            if not self.sources:
                return (
                    f"None of the {every} tagged {self.tag} removed: the server still lists "
                    f"{shown} ({self.refused})"
                )
            not_removed = f"not removed: {shown}, which the server still lists ({self.refused})"
        which = f"{self.sources:,} of the {every}" if self.not_removed else f"the {every}"
        text = (
            f"Removed {which} tagged {self.tag} from {config_name}"
            f" and deleted {counted(self.deleted, 'article')}"
        )
        if self.kept_starred:
            text += f" ({self.kept_starred:,} starred kept)"
        if self.unsubscribed:
            text += f"; unsubscribed on {self.unsubscribed}"
        if not_removed:
            text += f"; {not_removed}"
        return text


def tagged_sources(library: Library, config: Config, tag: str) -> TaggedSources | None:
    """The sources tagged `tag` (any case, as Sources groups them) in the store or in the
    config file (a tag written there since the last fetch), and their counts; None when no
    source has that tag."""
    from newstui.model import fold_url

    key = name_key(tag)
    every = library.sources()
    rows = {r.id: r for r in every if any(name_key(t) == key for t in r.tags)}
    sources: list[FeedConfig | LocalConfig] = [*config.feeds, *config.local]
    listed = [s for s in sources if any(name_key(t) == key for t in s.tags)]
    spellings = [t for r in rows.values() for t in r.tags] + [t for s in listed for t in s.tags]
    spelled = next((t for t in spellings if name_key(t) == key), None)
    if spelled is None:
        return None
    by_url = {fold_url(r.url): r for r in every if r.url and r.kind == "feed"}
    by_name = {name_key(r.name): r for r in every}
    names = {name_key(r.name): r.name for r in rows.values()}
    entries: list[str] = []
    for row in rows.values():  # (a feed by its URL: its entry may have no name)
        if row.url and config.source_named(row.url) is not None:
            entries.append(row.url)
        elif config.source_named(row.name) is not None:
            entries.append(row.name)
    for source in listed:
        if isinstance(source, FeedConfig):
            written, held_row = source.url, by_url.get(fold_url(source.url))
        else:
            written, held_row = source.name, by_name.get(name_key(source.name))
        if held_row is not None and held_row.id not in rows:  # stored, tagged since its last fetch
            rows[held_row.id] = held_row
            names.setdefault(name_key(held_row.name), held_row.name)
        if written not in entries and (held_row is None or held_row.url not in entries):
            entries.append(written)
            names.setdefault(name_key(source.name), source.name)
    articles = starred = 0
    for row in rows.values():
        held, stars = library.removal_counts(row.id)
        articles, starred = articles + held, starred + stars
    stored = tuple(rows.values())
    on_server, server = 0, None
    if config.sync is not None:
        from newstui.sync.client import server_name

        on_server = sum(library.sync.stream_of(row.id) is not None for row in stored)
        server = server_name(config.sync.url)
    return TaggedSources(
        spelled, tuple(names.values()), stored, tuple(entries), articles, starred, on_server, server
    )


def remove_tagged(
    library: Library, config: Config, tagged: TaggedSources, *, purge: bool = False
) -> TagRemoved:
    """Remove the sources of `tagged` (tagged_sources'): server subscriptions unsubscribed
    there first, then their entries out of the config file in one write, then their articles
    (starred ones stay unless `purge`). A subscription the server did not unsubscribe (it
    refused one: those after it are not asked) stays here as it is, and TagRemoved names it:
    what the server removed is removed here too (they stayed here, unsubscribed there)."""
    from newstui.sync.run import unsubscribe_sources

    server: str | None = None
    left: frozenset[int] = frozenset()
    refused: str | None = None
    if config.sync is not None:
        run = asyncio.run(unsubscribe_sources(library, config, [row.id for row in tagged.stored]))
        server = run.server if run.done else None
        left, refused = frozenset(run.left), run.refusal
    kept = [row for row in tagged.stored if row.id in left]
    remove_sources(config.path, [e for e in tagged.entries if not _entry_of_any(config, e, kept)])
    deleted = starred = 0
    for row in tagged.stored:
        if row.id in left:
            continue
        gone = library.remove_source(row.id, purge=purge)
        aside = library.remove_set_aside([row.name], purge=purge)
        deleted += gone.deleted + (aside.deleted if aside else 0)
        starred += gone.kept_starred + (aside.kept_starred if aside else 0)
    names = tuple(row.name for row in kept)
    removed = len(tagged.names) - len({name_key(n) for n in names})
    return TagRemoved(tagged.tag, removed, deleted, starred, server, names, refused)


def _entry_of_any(config: Config, entry: str, rows: list[FeedRow]) -> bool:
    """Whether a config entry (a URL or a name, as tagged_sources lists it) is one of `rows`'."""
    from newstui.model import fold_url

    if not rows:
        return False
    source = config.source_named(entry)
    url = fold_url(source.url) if isinstance(source, FeedConfig) else None
    return any(
        entry in (row.url, row.name) or (url is not None and row.url and fold_url(row.url) == url)
        for row in rows
    )
