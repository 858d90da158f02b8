"""Removing every source of a tag (a folder imported from another reader: 600 feeds) from the
config file and the store, as `remove NAME` does one: `newstui remove --tag NAME` and the app's
`D` on a tag both go through here, after asking."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstui.config import Config, FeedConfig, LocalConfig
from newstui.config.removal import remove_sources
from newstui.config.source_edits import set_source_tags
from newstui.counts import counted
from newstui.model.folders import folder_paths, held_as_tag, in_folder, meant_folders
from newstui.model.names import name_key
from newstui.word_lists import listed

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
    folders: tuple[str, ...] = ()  # the tag's subfolders (`News/Europe` of `News`): removed too
    # sources also in another folder: they stay, with only the folder's tags taken off
    staying: tuple[StayingSource, ...] = ()
    unread: int = 0  # of `articles`, those unread (what the folder's row in Sources counts)

    @property
    def held(self) -> str:
        """ "the 4 sources in News and its 2 folders", "the source tagged Sport"."""
        return _held(len(self.names), self.tag, self.folders)

    @property
    def stays(self) -> str:
        """ "Okay Feed 1 stays: it is also in Tech/Daily", or "" when none stays."""
        if not self.staying:
            return ""
        if len(self.staying) == 1:
            one = self.staying[0]
            return f"{one.name} stays: it is also in {listed(list(one.tags))}"
        names = listed([s.name for s in self.staying])
        return f"{names} stay: they are also in other folders"

    @property
    def leaves_server_folder(self) -> bool:
        """Whether a source that stays is taken out of the folder on the sync server (it is the
        server's folder: kept there, the next sync would bring it back: user test r49 MED-5)."""
        return self.server is not None and any(s.server_folders for s in self.staying)

    @property
    def server_folder(self) -> str:
        """The server's folder the staying sources leave, as the server names it when it is
        one ("Nordics", counted as News/Europe/Nordics here: model.folders.held_as_tag), else
        the tag."""
        left = {name_key(f): f for s in self.staying for f in s.server_folders}
        return next(iter(left.values())) if len(left) == 1 else self.tag

    def question(self, config_name: str, *, purge: bool = False) -> str:
        """ "Remove the 600 sources tagged Sport from feeds.toml and delete their 12,000
        articles? The 3 starred are kept." With a sync server, before `y` (as `D` on one
        feed says it): "…, unsubscribe 580 of them on rss.example.org and delete …". A source
        also in another folder stays, and the question says so (user test r47 M5); a folder
        that is the server's says so, and is left there (r49 MED-5)."""
        if not self.names:  # each is in another folder too: only the tag goes
            what = self.tag if not self.folders else f"{self.tag} and {_folders(self.folders)}"
            held = "its source" if len(self.staying) == 1 else f"its {len(self.staying):,} sources"
            in_config = any(s.in_config for s in self.staying)
            if not self.leaves_server_folder:  # (an imported source's tag: in the store alone)
                where = f" in {config_name}" if in_config else ""
                return f"Take the tag {what} off {held}{where}? {self.stays}."
            if not in_config:
                return (
                    f"{self.server_folder} is {self.server}'s folder: take {held} out of it "
                    f"there? {self.stays}."
                )
            return (
                f"Take the tag {what} off {held} in {config_name}, and out of {self.server}'s "
                f"folder {self.server_folder}? {self.stays}."
            )
        stays = f" {self.stays}." if self.stays else ""
        if self.leaves_server_folder:
            leaving = [s.name for s in self.staying if s.server_folders]
            verb = "leaves" if len(leaving) == 1 else "leave"
            stays += f" On {self.server}, {listed(leaving)} {verb} the folder {self.server_folder}."
        return self._removal_question(config_name, purge=purge) + stays

    def _removal_question(self, config_name: str, *, purge: bool) -> str:
        one = len(self.names) == 1
        server = self.server if self.on_server else None
        every = self.on_server == len(self.names)
        there = ""
        if self.entries:
            text = f"Remove {self.held} from {config_name}"
            if server:
                them = ("it" if one else "them") if every else f"{self.on_server:,} of them"
                there = f"unsubscribe {them} on {server}"
        elif server and every:  # the server's sources alone: no config file is touched (LOW-8)
            named = (
                f"{self.names[0]}, the one source {_where(self.tag, self.folders)},"
                if one
                else self.held
            )
            text = f"Unsubscribe {named} on {server}"
        else:
            text = f"Remove {self.held}"
            if server:
                there = f"unsubscribe {self.on_server:,} of them on {server}"
        if there:
            text += f", {there}" if self.articles else f" and {there}"
        if not self.articles:
            return f"{text}? {'It has' if one else 'They have'} no articles."
        text += f" and delete {'its' if one else 'their'} {counted(self.articles, 'article')}"
        # (the unread are what the folder's row counts; said when they are not all of them)
        text += f" ({self.unread:,} unread)?" if 0 < self.unread < self.articles else "?"
        if self.starred and not purge:
            kept = (
                "The starred one is kept"
                if self.starred == 1
                else f"The {self.starred:,} starred are kept"
            )
            if server:  # here only: FreshRSS deletes a feed's items, starred ones too (r42 L10)
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
    folders: tuple[str, ...] = ()  # the tag's subfolders, removed with it
    stays: str = ""  # "Okay Feed 1 stays: it is also in Tech/Daily" (TaggedSources.stays)
    in_config: bool = True  # whether the removed sources' entries were cut from the config
    left_folder_on: str | None = None  # the server whose folder the staying sources left
    tag_in_config: bool = True  # whether a staying source's tag was taken off in the config
    left_folder: str = ""  # that server's folder, as it names it (TaggedSources.server_folder)

    def summary(self, config_name: str) -> str:
        """ "Removed the 600 sources tagged Sport from feeds.toml and deleted 12,000 articles";
        after a refusal, "Removed 40 of the 600 sources …; not removed: A, B, C and 557 more,
        which the server still lists (its answer)"."""
        total = self.sources + len(self.not_removed)
        every = counted(total, "source")
        left = (
            f"taken out of {self.left_folder_on}'s folder {self.left_folder or self.tag}"
            if self.left_folder_on
            else ""
        )
        if not total:
            them = "them" if " stay: " in self.stays else "it"
            if not self.tag_in_config and left:
                return f"{self.stays}; {left}"
            where = f" in {config_name}" if self.tag_in_config else ""
            text = f"{self.stays}; the tag {self.tag} is taken off {them}{where}"
            return f"{text}, and {left}" if left else text
        not_removed = ""
        if self.not_removed:
            shown = listed(self.not_removed)
            if not self.sources:
                return (
                    f"None of the {every} tagged {self.tag} removed: the server still lists "
                    f"{shown} ({self.refused})"
                )
            not_removed = f"not removed: {shown}, which the server still lists ({self.refused})"
        which = (
            f"{self.sources:,} of {_held(total, self.tag, self.folders)}"
            if self.not_removed
            else _held(total, self.tag, self.folders)
        )
        where = f" from {config_name}" if self.in_config else ""
        text = f"Removed {which}{where} and deleted {counted(self.deleted, 'article')}"
        if self.kept_starred:
            text += f" ({self.kept_starred:,} starred kept)"
        if self.unsubscribed:
            text += f"; unsubscribed on {self.unsubscribed}"
        if not_removed:
            text += f"; {not_removed}"
        if self.stays:
            text += f"; {self.stays}"
        if left:
            text += f"; {left}"
        return text


@dataclass(frozen=True)
class StayingSource:
    """A source of a folder being removed that is in another folder too: it stays, with the
    folder's tags taken off (Feedly and Inoreader keep such a feed when a folder goes)."""

    name: str
    tags: tuple[str, ...]  # its tags outside the folder: those it keeps
    entry: str | None  # its config file entry (URL or name), whose tags are rewritten
    row: FeedRow | None  # the stored source, whose tags are rewritten
    # the sync server's folders it is taken out of there (the folder is the server's, or the
    # server's flat one counted as it: model.folders.held_as_tag), so no sync brings them back
    server_folders: tuple[str, ...] = ()
    in_config: bool = True  # whether its config entry holds a tag of the folder


def _held(count: int, tag: str, folders: tuple[str, ...]) -> str:
    """ "the 4 sources in News and its 2 folders", "the source tagged Sport"."""
    sources = "the source" if count == 1 else f"the {count:,} sources"
    return f"{sources} {_where(tag, folders)}"


def _where(tag: str, folders: tuple[str, ...]) -> str:
    """ "in News and its 2 folders", "tagged Sport"."""
    return f"tagged {tag}" if not folders else f"in {tag} and {_folders(folders)}"


def _folders(folders: tuple[str, ...]) -> str:
    """ "its folder News/Europe", "its 2 folders"."""
    return f"its folder {folders[0]}" if len(folders) == 1 else f"its {len(folders):,} folders"


def tagged_sources(library: Library, config: Config, tag: str) -> TaggedSources | None:
    """The sources tagged `tag` (any case, as Sources groups them) or a tag of its subfolders
    (`News/Europe` of `News`), in the store or in the config file (a tag written there since
    the last fetch), and their counts; None when no source has such a tag. A source with a
    tag outside the folder stays, only the folder's tags taken off (user test r47 M5). Blanks
    around `tag` (a pasted ' Tech ') are no part of it (user test r47 L6)."""
    from newstui.model import fold_url

    tag = tag.strip()
    if not tag:
        return None
    every = library.sources()
    sources: list[FeedConfig | LocalConfig] = [*config.feeds, *config.local]
    # "AC/DC Fans" typed for the one folder imported as "AC∕DC Fans" (model.folders, as tag:
    # and list --tag read it); by name_key only: a removal takes no name folded ("munchen" for
    # "München" is asked "did you mean", as `remove NAME` is: review r48)
    meant = meant_folders(tag, [t for s in [*every, *sources] for t in s.tags], name_key)
    tag = meant[0] if meant else tag
    key = name_key(tag)

    def inside(t: str) -> bool:
        return in_folder(t, tag)

    rows = {r.id: r for r in every if any(inside(t) for t in r.tags)}
    listed = [s for s in sources if any(inside(t) for t in s.tags)]
    spellings = [t for r in rows.values() for t in r.tags] + [t for s in listed for t in s.tags]
    spelled = next((t for t in spellings if name_key(t) == key), None)
    if spelled is None:  # only its subfolders hold sources: the folder as a subfolder spells it
        tops = (p for t in spellings if inside(t) for p in folder_paths(t))
        spelled = next((t for t in tops if name_key(t) == key), tag if rows or listed else None)
    if spelled is None:
        return None
    folders: dict[str, str] = {}
    for t in spellings:
        if inside(t) and name_key(t) != key:
            folders.setdefault(name_key(t), t)
    by_url = {fold_url(r.url): r for r in every if r.url and r.kind == "feed"}
    by_name = {name_key(r.name): r for r in every}
    for source in listed:  # stored, tagged since its last fetch
        if isinstance(source, FeedConfig):
            held_row = by_url.get(fold_url(source.url))
        else:
            held_row = by_name.get(name_key(source.name))
        if held_row is not None:
            rows.setdefault(held_row.id, held_row)
    names: dict[str, str] = {}
    entries: list[str] = []
    staying: list[StayingSource] = []
    removed_rows: dict[int, FeedRow] = {}
    seen: set[str] = set()  # the config entries met through a stored source
    for row in rows.values():  # (a feed by its URL: its entry may have no name)
        entry: str | None = None
        if row.url and config.source_named(row.url) is not None:
            entry = row.url
        elif config.source_named(row.name) is not None:
            entry = row.name
        entered = config.source_named(entry) if entry is not None else None
        if entered is not None:
            seen.add(_entry_id(entered))
        kept = tuple(t for t in (entered.tags if entered else row.tags) if not inside(t))
        if kept:
            gone = [t for t in (*row.tags, *(entered.tags if entered else ())) if inside(t)]
            left = tuple(
                f
                for f in (library.sync.folders_of(row.id) if config.sync is not None else ())
                if inside(f) or held_as_tag(f, gone)
            )
            in_config = entered is not None and any(inside(t) for t in entered.tags)
            staying.append(StayingSource(row.name, kept, entry, row, left, in_config))
            continue
        removed_rows[row.id] = row
        names.setdefault(name_key(row.name), row.name)
        if entry is not None:
            entries.append(entry)
    for source in listed:  # config entries no stored source stands for
        if _entry_id(source) in seen:
            continue
        written = source.url if isinstance(source, FeedConfig) else source.name
        kept = tuple(t for t in source.tags if not inside(t))
        if kept:
            staying.append(StayingSource(source.name, kept, written, None))
        elif written not in entries:
            entries.append(written)
            names.setdefault(name_key(source.name), source.name)
    articles = starred = 0
    for row in removed_rows.values():
        held, stars = library.removal_counts(row.id)
        articles, starred = articles + held, starred + stars
    stored = tuple(removed_rows.values())
    on_server, server = 0, None
    if config.sync is not None:
        from newstui.sync.client import server_name

        on_server = sum(library.sync.stream_of(row.id) is not None for row in stored)
        server = server_name(config.sync.url)
    return TaggedSources(
        spelled,
        tuple(names.values()),
        stored,
        tuple(entries),
        articles,
        starred,
        on_server,
        server,
        tuple(sorted(folders.values(), key=name_key)),
        tuple(staying),
        sum(row.unread for row in stored),
    )


def _entry_id(source: FeedConfig | LocalConfig) -> str:
    """A config entry's identity, to meet it once."""
    return f"feed:{source.url}" if isinstance(source, FeedConfig) else f"local:{source.path}"


def remove_tagged(
    library: Library, config: Config, tagged: TaggedSources, *, purge: bool = False
) -> TagRemoved:
    """Remove the sources of `tagged` (tagged_sources'): server subscriptions unsubscribed
    there first, then their entries out of the config file in one write, then their articles
    (starred ones stay unless `purge`). A subscription the server did not unsubscribe (it
    refused one: those after it are not asked) stays here as it is, and TagRemoved names it:
    what the server removed is removed here too (they stayed here, unsubscribed there). Sources
    that stay are first taken out of the server's folder there (its refusal is raised)."""
    from newstui.sync.run import unsubscribe_sources

    left_on = None
    if tagged.leaves_server_folder:  # (first: refused, nothing is done)
        from newstui.sync.run import leave_server_folders

        wanted = [(s.row.id, s.server_folders) for s in tagged.staying if s.row is not None]
        left_on = asyncio.run(leave_server_folders(library, config, wanted))
    server: str | None = None
    left: frozenset[int] = frozenset()
    refused: str | None = None
    if config.sync is not None:
        run = asyncio.run(unsubscribe_sources(library, config, [row.id for row in tagged.stored]))
        server = run.server if run.done else None
        left, refused = frozenset(run.left), run.refusal
    kept = [row for row in tagged.stored if row.id in left]
    remove_sources(config.path, [e for e in tagged.entries if not _entry_of_any(config, e, kept)])
    retag = {s.entry: s.tags for s in tagged.staying if s.entry is not None and s.in_config}
    if retag:
        set_source_tags(config.path, retag)
    for stays in tagged.staying:  # (its articles stay: only the folder's tags go)
        if stays.row is not None:
            library.set_source_tags(stays.row.id, stays.tags)
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
    return TagRemoved(
        tagged.tag,
        removed,
        deleted,
        starred,
        server,
        names,
        refused,
        tagged.folders,
        tagged.stays,
        bool(tagged.entries),
        left_on,
        any(s.in_config for s in tagged.staying),
        tagged.server_folder,
    )


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
