"""Sources as a folder tree (`sources_layout = "tree"`): each folder's row, then its feeds
indented under it, then its subfolders; a feed in two folders under both; the sources in no
folder apart, after the folders, as Feedly, Inoreader and FreshRSS list them. Pure: the rows
from the sources, their folders' counts (`Library.tag_counts`) and the folders folded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstui.model.folders import PATH_SLASH, folder_paths
from newstui.model.names import name_key

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from newstui.model import FeedRow

# A folder row's fold marker: folded (its feeds not listed), unfolded. On the Linux console they
# are drawn as ► and ▼ (tui/glyphs.CONSOLE_STAND_INS).
FOLDED = "▸"
UNFOLDED = "▾"


def indent_width(depth: int) -> int:
    """The cells a row `depth` folders deep is indented by: two a level, one a level past the
    third (16 levels deep in a pane of 24 columns leave the name room)."""
    return 2 * min(depth, 3) + max(depth - 3, 0)


@dataclass(frozen=True)
class FolderRow:
    """A folder's row: its path ("News/Europe"), how deep it is, its unread count (its
    subfolders' too, each article once) and whether it is folded."""

    tag: str
    depth: int
    unread: int
    folded: bool

    @property
    def key(self) -> str:
        """Its entry's id, the folder's view key ("tag:News/Europe")."""
        return f"tag:{self.tag}"

    @property
    def name(self) -> str:
        """The folder's own name, its path's last part ("Europe")."""
        return PATH_SLASH.split(self.tag)[-1]

    @property
    def parent(self) -> str | None:
        """The folder it is in, as tags compare (name_key), or None at the top."""
        paths = folder_paths(self.tag)
        return name_key(paths[-2]) if len(paths) > 1 else None


@dataclass(frozen=True)
class FeedTreeRow:
    """A source listed under a folder (`folder`: that folder's path as its row spells it)."""

    feed: FeedRow
    depth: int
    folder: str

    @property
    def key(self) -> str:
        """Its entry's id: the feed's view key and the folder, which tell apart the copies of a
        feed in two folders ("feed:3@News")."""
        return f"feed:{self.feed.id}@{self.folder}"


TreeRow = FolderRow | FeedTreeRow


@dataclass(frozen=True)
class SourceTree:
    """The folders' rows in order, the sources in no folder (in the order given), and how many
    read sources (each once) the folders' rows leave out (`show_read` off)."""

    rows: list[TreeRow]
    unfiled: list[FeedRow]
    left_out: int


def view_key(entry_id: str) -> str:
    """The view an entry's id shows: "feed:3@News" → "feed:3"; any other id is its own."""
    return entry_id.partition("@")[0] if entry_id.startswith("feed:") else entry_id


def never_fetched(feed: FeedRow) -> bool:
    """A source never fetched and empty: nothing in it is read yet (listed whatever `H` says)."""
    return feed.last_fetched is None and not feed.articles


def listed_anyway(feed: FeedRow, keep: Collection[str]) -> bool:
    """Whether a source stays listed while read ones are left out: never fetched and empty
    (nothing in it has been read: after a newsboat import every feed was left out until the
    first fetch, user test r52 LOW-4), failing (its `!`), moved (its " · moved"), or its view
    key in `keep` (highlighted, or its headlines shown)."""
    if never_fetched(feed):
        return True
    return bool(feed.unread or feed.last_error or feed.moved_to or f"feed:{feed.id}" in keep)


def source_tree(
    feeds: Sequence[FeedRow],
    tags: Sequence[tuple[str, int, int]],
    folded: Collection[str],
    *,
    show_read: bool = True,
    keep: Collection[str] = (),
) -> SourceTree:
    """The tree Sources lists. `tags`: (folder, articles, unread) in tree order, each folder's
    subfolders right after it (`tag_unread_counts`); `folded`: the folders folded (name_key);
    `show_read` off (H): a read source is left out unless `listed_anyway`, and a folder with
    nothing unread and nothing listed under it too, unless its view key is in `keep`."""
    paths = {tag: folder_paths(tag) for tag, _articles, _unread in tags}
    keys = {tag: name_key(tag) for tag in paths}
    spelt = set(keys.values())
    under: dict[str, list[FeedRow]] = {}
    unfiled: list[FeedRow] = []
    for feed in feeds:
        held = list(dict.fromkeys(k for t in feed.tags if (k := name_key(t)) in spelt))
        for key in held:
            under.setdefault(key, []).append(feed)
        if not held:
            unfiled.append(feed)

    def shown(feed: FeedRow) -> bool:
        return show_read or listed_anyway(feed, keep)

    lit: dict[str, bool] = {}  # each folder: listed (children come after their parent: reversed)
    for tag, _articles, unread in reversed(tags):
        key = keys[tag]
        own = show_read or unread > 0 or f"tag:{tag}" in keep
        lit[key] = lit.get(key, False) or own or any(map(shown, under.get(key, ())))
        if lit[key] and len(paths[tag]) > 1:
            lit[name_key(paths[tag][-2])] = True
    rows: list[TreeRow] = []
    left_out: set[int] = set()  # read sources H leaves out (not those a folded folder hides)
    folded_below: int | None = None  # rows deeper than this are inside a folded folder
    unlisted_below: int | None = None  # rows deeper than this are inside a folder H left out
    for tag, _articles, unread in tags:
        depth = len(paths[tag]) - 1
        if folded_below is not None and depth > folded_below:
            continue
        folded_below = None
        if unlisted_below is not None and depth <= unlisted_below:
            unlisted_below = None
        key = keys[tag]
        if unlisted_below is not None or not lit[key]:
            unlisted_below = depth if unlisted_below is None else unlisted_below
            if key in folded:
                folded_below = depth
            else:
                left_out.update(feed.id for feed in under.get(key, ()))
            continue
        row = FolderRow(tag, depth, unread, key in folded)
        rows.append(row)
        if row.folded:
            folded_below = depth
            continue
        for feed in under.get(key, ()):
            if shown(feed):
                rows.append(FeedTreeRow(feed, depth + 1, tag))
            else:
                left_out.add(feed.id)
    return SourceTree(rows, unfiled, len(left_out))


def folders_to_unfold(feed: FeedRow, folded: Collection[str]) -> list[str]:
    """The folded folders (name_key) to unfold so that `feed` is listed under its first folder
    (the palette's Go to, J or a refresh shows a feed inside a folded one): none when one of its
    folders is listed unfolded already."""
    paths = [[name_key(p) for p in folder_paths(tag)] for tag in feed.tags]
    if not paths or any(not any(k in folded for k in keys) for keys in paths):
        return []
    return [k for k in paths[0] if k in folded]
