"""The sources pane's entries, as the pane lists them: a name with its unread count, Starred's
note when every starred article is read, a failing feed's `!` and next try, and the headings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets.option_list import Option

from newstui.counts import counted
from newstui.errors import hide_passwords
from newstui.local_times import short_time
from newstui.text import one_width, terminal_safe
from newstui.tui.middle_ellipsis import shared_start
from newstui.tui.view import failing_clause, feed_view, tag_view
from newstui.tui.widgets import source_tree
from newstui.tui.widgets.source_label import SourceLabel

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence
    from datetime import datetime

    from newstui.model import FeedRow, SmartCounts
    from newstui.model.fetching import SetAsideSource
    from newstui.tui.view import View
    from newstui.tui.widgets.source_tree import SourceTree

BROKEN = " · broken query"  # after a saved view whose query no longer reads


def label(name: str, unread: int) -> SourceLabel:
    """The name (shortened in the middle) and its unread count aligned right."""
    return SourceLabel(Text(one_width(terminal_safe(name, line=True))), unread)


def starred_note(smart: SmartCounts) -> str:
    """ " · 3 read" after Starred when every starred article is read: with no unread count it
    looked as if nothing were starred (user test r33 L17); " · 5 in all" when some are read,
    its count (unread, as every row's) read as all it held (user test r51 LOW-16: `Starred 1`
    with 5 starred, a Feedly user's "Saved for later")."""
    if not smart.starred:
        return ""
    if not smart.starred_unread:
        return f" · {smart.starred:,} read"
    return f" · {smart.starred:,} in all" if smart.starred > smart.starred_unread else ""


def starred_label(smart: SmartCounts, style: str) -> SourceLabel:
    """Starred with its unread count, or, when all are read, how many it holds (muted)."""
    return SourceLabel(Text("Starred"), smart.starred_unread, note=Text(starred_note(smart), style))


def next_try_suffix(next_try: str | None) -> str:
    """ " · next 15:10" after a failing feed left to wait, so the pane says when it is tried."""
    return f" · next {short_time(next_try)}" if next_try else ""


def same_prompt(before: object, after: object) -> bool:
    """Whether an entry's prompt would look the same (an entry or a heading)."""
    if isinstance(before, SourceLabel):
        return before.same_as(after)
    if isinstance(before, Text) and isinstance(after, Text):
        return before.style == after.style and before == after
    return False


def heading(name: str, style: str) -> Option:
    """A heading between the groups of entries (Views, Tags, Feeds, Local): not selectable."""
    return Option(Text(name, style=style), disabled=True)


def broken_view_label(title: str, style: str) -> SourceLabel:
    """A saved view whose query no longer reads: greyed, with why (Enter says it in full)."""
    return SourceLabel(
        Text(one_width(terminal_safe(title, line=True)), style), 0, note=Text(BROKEN, style)
    )


def feed_label(
    feed: FeedRow, next_try: str | None, error_style: str, note_style: str, indent: int = 0
) -> SourceLabel:
    """A feed or local source: `!` when its last fetch failed, and when it is tried next;
    `indent`: the cells before it, under its folder in the tree."""
    mark = Text(" " * indent)
    if feed.last_error:
        mark.append("! ", error_style)
    return SourceLabel(
        Text(one_width(terminal_safe(feed.name, line=True))),
        feed.unread,
        mark=mark,
        note=Text(moved_suffix(feed) + next_try_suffix(next_try), note_style),
    )


def feed_entry(
    feed: FeedRow,
    entry_id: str,
    now: datetime,
    refresh: str,
    styles: tuple[str, str],
    indent: int = 0,
) -> tuple[Option, View]:
    """A source's entry (its id: `entry_id`) and the view it shows; `refresh`: the key in effect
    that refreshes it, `styles`: the error's and the notes'."""
    next_try = feed.waiting_until(now)
    # (no refresh offered while an overloaded server's wait runs: r44 L1)
    offer = "" if feed.server_status else refresh
    view = feed_view(feed.id, feed.name, feed.last_error, next_try, offer, failing_clause(feed))
    label = feed_label(feed, next_try, *styles, indent=indent)
    return Option(label, id=entry_id), view


def feed_width(feed: FeedRow, now: datetime, indent: int = 0) -> tuple[str, int]:
    """A source's entry as `needed_width` measures it: (its text, its unread count)."""
    said = moved_suffix(feed) + next_try_suffix(feed.waiting_until(now))
    return " " * indent + ("! " if feed.last_error else "") + feed.name + said, feed.unread


def tree_entries(
    tree: SourceTree, now: datetime, refresh: str, styles: tuple[str, str], counted: bool = True
) -> tuple[list[Option], dict[str, View]]:
    """The folders' entries of the tree, and the view each shows by its id; `counted` False:
    the folders' counts are not read yet (their copies), shown without one."""
    options: list[Option] = []
    views: dict[str, View] = {}
    for row in tree.rows:
        indent = source_tree.indent_width(row.depth)
        if isinstance(row, source_tree.FolderRow):
            unread = row.unread if counted else 0
            label = folder_label(row.name, unread, row.folded, indent, styles[1])
            options.append(Option(label, id=row.key))
            views[row.key] = tag_view(row.tag)
        else:
            option, views[row.key] = feed_entry(row.feed, row.key, now, refresh, styles, indent)
            options.append(option)
    return options, views


def tree_widths(tree: SourceTree, now: datetime) -> list[tuple[str, int]]:
    """The tree's rows as `needed_width` measures them (indent and marker too); given the
    whole tree, folded or not, the pane keeps its width as folders fold."""
    widths: list[tuple[str, int]] = []
    for row in tree.rows:
        indent = source_tree.indent_width(row.depth)
        if isinstance(row, source_tree.FolderRow):
            widths.append((" " * (indent + 2) + row.name, row.unread))
        else:
            widths.append(feed_width(row.feed, now, indent))
    return widths


def folder_label(
    name: str, unread: int, folded: bool, indent: int, marker_style: str
) -> SourceLabel:
    """A folder's row in the tree: indented, its fold marker (▸ folded, ▾ unfolded), its own
    name and its unread count."""
    marker = source_tree.FOLDED if folded else source_tree.UNFOLDED
    mark = Text.assemble(" " * indent, (marker, marker_style), " ")
    return SourceLabel(Text(one_width(terminal_safe(name, line=True))), unread, mark=mark)


def set_aside_note(until: str | None) -> str:
    """ " · until 2027-01-04" after a source that left the config (the day it is deleted), or
    " · old URL" after one whose entry's URL changed (its articles move once the new one reads)."""
    return f" · until {until}" if until else " · old URL"


def set_aside_title(source: SetAsideSource, until: str | None) -> str:
    """The headlines' title of a set-aside source's articles: its name, and why it is listed
    apart ("Wire (set aside, kept until 2027-01-04)")."""
    why = f"kept until {until}" if until else "its URL changed"
    return f"{hide_passwords(source.name)} (set aside, {why})"


def set_aside_name(source: SetAsideSource) -> str:
    """A set-aside source's name as listed (a password in it as ***)."""
    return one_width(terminal_safe(hide_passwords(source.name), line=True))


def set_aside_label(source: SetAsideSource, until: str | None, style: str) -> SourceLabel:
    """A source set aside after it left the config: greyed, its unread count, until when (where
    the pane has room: the pane is not widened for it, its title says it too)."""
    note = Text(set_aside_note(until), style)
    return SourceLabel(Text(set_aside_name(source), style), source.unread, note=note)


def listed_set_aside(
    sources: Sequence[tuple[SetAsideSource, str | None]], show_read: bool, keep: Collection[str]
) -> list[tuple[SetAsideSource, str | None]]:
    """The set-aside sources Sources lists (with the day each is deleted), by name: those with unread
    articles (their count is in All's and Unread's: user test r44 L7), every one with
    `show_read`, and the one highlighted or shown."""
    listed = [(s, n) for s, n in sources if show_read or s.unread or f"feed:{s.id}" in keep]
    return sorted(listed, key=lambda entry: entry[0].name.casefold())


def unread_source_keys(
    feeds: Sequence[FeedRow], aside: Sequence[tuple[SetAsideSource, str | None]]
) -> set[str]:
    """The view keys of the sources Sources lists with unread articles: feeds and local sources,
    and the set-aside ones (listed, greyed, with their count: n goes on into them as J does, as
    newsboat's next-unread goes to any feed it shows)."""
    return {f"feed:{f.id}" for f in feeds if f.unread} | {
        f"feed:{s.id}" for s, _until in aside if s.unread
    }


def moved_suffix(feed: FeedRow) -> str:
    """ " · moved" after a feed whose address moved for good until the config names the new
    one (Enter on it says where; r35 user test L-b: said once, in a toast)."""
    return " · moved" if feed.moved_to else ""


def tell_apart(labels: Sequence[SourceLabel]) -> None:
    """Give each entry the start of its name it shares with the entry most like it, so that a
    name cut short keeps what tells them apart: "The Long Revie…Sun" and "The Long Revie…Sun
    (2)", not "The Long Review of…" twice (user test r38 L17)."""
    ordered = sorted(labels, key=lambda entry: entry.name.plain)
    for at, entry in enumerate(ordered):
        name = entry.name.plain
        near = (ordered[i].name.plain for i in (at - 1, at + 1) if 0 <= i < len(ordered))
        entry.shared = max(
            (shared_start([name, other]) for other in near if other != name), default=0
        )


def needed_width(
    smart: SmartCounts,
    saved: Sequence[tuple[View, int]],
    tags: Sequence[tuple[str, int, int]],
    feeds: Sequence[FeedRow],
    now: datetime,
    aside: Sequence[tuple[str, int]] = (),
) -> int:
    """Columns the widest entry needs with its count: every entry's (an empty store's pane was
    wider than one feed's, a default of 20 columns, and a saved view's long name was not
    counted); `aside`: the set-aside sources listed, and the tree's rows, as (name, unread)."""
    names = [("All", smart.unread), ("Unread", smart.unread)]
    names += [("Starred" + starred_note(smart), smart.starred_unread)]
    names += [("Hidden", smart.hidden)] if smart.hidden else []
    names += [(view.title + (BROKEN if view.broken else ""), unread) for view, unread in saved]
    names += [("#" + tag, unread) for tag, _total, unread in tags]
    names += [feed_width(f, now) for f in feeds]
    names += aside
    return 4 + max(Text(name).cell_len + len(f" {unread:,}") for name, unread in names)


def listed_feeds(
    feeds: Sequence[FeedRow], show_read: bool, keep: Collection[str]
) -> tuple[list[FeedRow], int]:
    """The feeds Sources lists, and how many it leaves out: with `show_read` off (newsboat's
    `show-read-feeds no`), those with nothing unread, but never one never fetched, nor one with something to tell, a
    failing one (its `!` is what the refresh line points at) or a moved one (its " · moved" is
    all that lasts of the move), nor one whose view key is in `keep` (the one highlighted, the
    one whose headlines are shown: it stays until left)."""
    if show_read:
        return list(feeds), 0
    listed = [f for f in feeds if source_tree.listed_anyway(f, keep)]
    return listed, len(feeds) - len(listed)


def read_left_out_notice(feeds: Sequence[FeedRow]) -> str:
    """What `H` says as it leaves read feeds out: which stay listed, naming those never fetched
    (empty, nothing read: after an import, all of them) so their staying is no surprise."""
    waiting = sum(map(source_tree.never_fetched, feeds))
    stay = f" ({counted(waiting, 'never fetched stays', 'never fetched stay')} listed)"
    return "Read feeds left out: Sources lists the feeds with unread, failing or moved" + (
        f"{stay}." if waiting else "."
    )


def read_left_out_heading(name: str, left_out: int) -> str:
    """A group's heading saying how many read feeds it leaves out: "Feeds (+3 read)" (not
    "hidden": the Hidden view's word, for articles a filter hides)."""
    return f"{name} (+{left_out:,} read)" if left_out else name


def nearest_listed(before: Sequence[str | None], after: Sequence[str | None], key: str) -> str:
    """The entry to highlight once `key`'s is no longer listed: the nearest listed one above it
    in the list before (else below it), so the highlight stays where it was."""
    if key not in before:
        return key
    at = before.index(key)
    kept = {k for k in after if k is not None}
    above = [k for k in reversed(before[:at]) if k is not None and k in kept]
    below = [k for k in before[at + 1 :] if k is not None and k in kept]
    return next(iter([*above, *below]), key)
