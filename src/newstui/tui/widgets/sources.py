"""The sources pane: smart views, then tags, feeds and local sources, each with an unread count."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from newstui.model import FeedRow, tag_unread_counts
from newstui.tui.key_bindings import bound
from newstui.tui.reload_gate import ReloadGate
from newstui.tui.screens.keyed_box import key_in_effect
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.theme_colours import heading_text, monochrome, muted_colour, theme_colour
from newstui.tui.view import ALL, HIDDEN, STARRED, UNREAD, View, feed_view, tag_view
from newstui.tui.widgets import source_entries as entries
from newstui.tui.widgets.source_folds import FoldingList
from newstui.tui.widgets.source_label import SourceLabel
from newstui.tui.widgets.source_tree import (
    FeedTreeRow,
    folders_to_unfold,
    source_tree,
    view_key,
)
from newstui.tui.worker_errors import ReportsWorkerErrors

if TYPE_CHECKING:  # the smart views' counts load with the first counts
    from collections.abc import Callable, Iterable

    from newstui.model import SmartCounts
    from newstui.model.fetching import SetAsideSource


# Seconds between the starts of two reads of the counts: a held `n` marked and read them again
# at each key (22 CPU-ms a read on 20,000 articles), now 4 times a second at most.
RELOAD_GAP = 0.25

# All, Unread, Starred, Hidden: the palette offers them only while Sources lists them (Hidden)
SMART_KEYS = frozenset(v.key for v in (ALL, UNREAD, STARRED, HIDDEN))


class SourcesPane(ReportsWorkerErrors, FoldingList):
    """Lists the views; choosing one (Enter, l or a click) shows it in the headline list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bound("sources.toggle_read_feeds", "toggle_read_feeds"),
        # in the footer on a feed listed · moved (user test r50 MED-2: only `?` named it);
        # elsewhere the app's binding of the same id answers (it says what to choose)
        bound("sources.follow_moved", "follow_moved"),
    ]

    DEFAULT_CSS = """
    SourcesPane, SourcesPane:focus {
        border: none;
        border-right: vkey $foreground 20%;
        background: $surface;
        padding: 0 1 0 0;
    }
    """

    @dataclass(eq=False, repr=False)
    class ViewChosen(Message):
        """The user chose a view."""

        view: View

    @dataclass(eq=False, repr=False)
    class Loaded(Message):
        """Sources and counts were (re)loaded."""

        smart: SmartCounts
        feeds: list[FeedRow]
        tags: list[tuple[str, int, int]]  # (tag, articles, unread) of each tag's list
        # False: the first listing, before the folders' copies and the views were counted
        # (`tags` then sums their feeds' counts, an upper bound): the counts are not final
        counted: bool = True

    @dataclass(eq=False, repr=False)
    class _Counts(Message, bubble=False):
        smart: SmartCounts
        tags: list[tuple[str, int, int]]
        feeds: list[FeedRow]
        saved: list[tuple[View, int]]
        # sources that left the config, each with the day it is deleted (None: its URL changed)
        aside: list[tuple[SetAsideSource, str | None]]
        # False: folders and views are listed without their counts (they follow): the first
        # read of a big store lists the sources at once (user test r54: ~40 s blank)
        counted: bool = True

    def __init__(
        self, library: SharedLibrary, *, folded: Iterable[str] = (), id: str | None = None
    ) -> None:
        super().__init__(folded=folded, id=id)
        self._library = library
        self._views: dict[str, View] = {}  # the view each entry shows, by the entry's id
        # True: each folder with its sources under it (sources_layout); False: the folders,
        # then every feed
        self.tree_layout = True
        self._folder_marked = False  # the cursor is on a folder of the tree (the footer's Fold)
        self._widths_of: tuple[SourcesPane._Counts, list[tuple[str, int]]] | None = None
        self._saved: list[View] = []
        self._saved_later: Callable[[], list[View]] | None = None  # made at `start`
        self.feeds: list[FeedRow] = []
        self._needed = 20  # columns the longest name and its count need
        self._rows = 0  # entries listed, the tree's unfolded (does the list scroll?)
        self._started = False
        self._reload_gate = ReloadGate(RELOAD_GAP)
        self._reload_worker: Worker[None] | None = None
        # False: feeds with nothing unread are left out (newsboat's show-read-feeds no), but
        # the one whose headlines are shown (`_shown`) and the one highlighted stay
        self.show_read_feeds = True
        self._shown: str | None = None
        self._counts: SourcesPane._Counts | None = None  # the last counts read, listed again
        self._moved_highlighted = False  # the cursor is on a feed listed · moved

    def fit_width(self, screen_width: int, narrow: bool) -> None:
        """Take the width the names need (at least 16 columns), up to a share of the screen: 28%,
        or on a narrow terminal, where it shows only while it has the focus, a third but 24
        columns at least (never half: the headlines beside it had 40 of 80 columns)."""
        cap = (
            min(max(screen_width // 3, 24), screen_width // 2)
            if narrow
            else int(screen_width * 0.28)
        )
        width = max(16, min(self._needed + self._scrollbar_room(), cap))
        if self.is_mounted and self.styles.width is not None and self.styles.width.value != width:
            # The panes beside it move. Textual lays them out again with the fast path of a
            # scroll when one is due in the same frame, and then repaints only the sources pane
            # in the terminal: the headlines kept their old frame, shifted ("15  Rail strike").
            self.call_after_refresh(self.screen.refresh)
        self.styles.width = width
        self.styles.min_width = width
        self.styles.max_width = width

    def _scrollbar_room(self) -> int:
        """The cells the list's scrollbar takes from the names when the list is longer than the
        pane (the whole tree's rows counted, folded or not, so folding never moves the panes):
        the names were measured for the pane without it, and a long name in a folder was cut
        with room to spare beside the headlines (user test r52 LOW-16)."""
        height = self.size.height if self.size.height > 0 else self.app.size.height - 2
        if self._rows <= height:
            return 0
        return max(int(self.styles.scrollbar_size_vertical or 0), 0)

    def set_saved_views(self, views: list[View]) -> None:
        """The config's saved views (and follows), listed with their unread counts."""
        self._saved_later = None
        self._saved = list(views)
        if self._started:
            self.reload()

    def set_saved_views_later(self, make: Callable[[], list[View]]) -> None:
        """The saved views, made by `make` when the pane first reads its counts: making them
        parses their queries, which loads the name lists (~30M instructions a view), and the
        first paint shows none of them."""
        if self._started:
            self.set_saved_views(make())
        else:
            self._saved_later = make

    def start(self) -> None:
        """Read the sources and their counts for the first time (the main screen asks once the
        headlines are shown: the first paint does not wait for counts)."""
        if self._saved_later is not None:
            self.set_saved_views(self._saved_later())
        self._started = True
        self.reload()

    def on_mount(self) -> None:
        self.border_title = "Sources"
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.reload())
        self.screen.screen_layout_refresh_signal.subscribe(self, self._paint_when_laid_out)

    def _paint_when_laid_out(self, _screen: object) -> None:
        # The pane joins #main, which draws nothing (newstui.tcss), in its space's place. Textual
        # takes it into its map as it mounts, so its first layout finds nothing changed there,
        # and the entries it got before that layout marked no cells to draw (it had no size):
        # the pane stayed blank until the screen was drawn again (r45 H1: at 20 columns, the
        # space's width, no change of width asked for that). Drawn whole once it has a size.
        if self.outer_size:
            self.screen.screen_layout_refresh_signal.unsubscribe(self)
            self.refresh()

    def reload(self) -> None:
        """Re-read sources and counts in a worker thread, at most once every RELOAD_GAP: asked
        again sooner (a mark each key of a held `n`), the next read answers all (reload_gate)."""
        gate, worker = self._reload_gate, self._reload_worker
        if not gate.ask():
            if worker is None or not worker.is_cancelled:
                return  # the running reload reads again
            # cancelled (unmount, teardown) perhaps before its thread ran, which is what ends
            # the gate's run: Sources' counts froze for good (review r35 T1). One cancelled
            # mid-read reads once more beside this one, which does no harm.
            gate.failed()
            gate.ask()
        self._reload_worker = self._reload_counts()

    @work(thread=True, group="sources", exit_on_error=False)
    def _reload_counts(self) -> None:
        gate = self._reload_gate
        try:
            while True:
                time.sleep(gate.wait())
                gate.reading()
                self._read_counts()
                if not gate.done():
                    return
        except BaseException:
            gate.failed()
            raise

    def _read_counts(self) -> None:
        """Read the counts and post them. The first read posts the sources at once, then the
        folders' and views' counts: a folder's leaves out the copies of its stories, counted
        over every version of every story (seconds on a big store of look-alike articles:
        the pane stayed blank ~40 s at start, user test r54), and a view's is a query each."""
        saved = list(self._saved)
        first = self._counts is None  # (later reads keep the last counts shown meanwhile)
        with self._library.borrow() as library:
            smart = library.smart_counts()
            feeds = library.sources()
            aside = library.set_aside_sources()
        until: list[tuple[SetAsideSource, str | None]] = []
        if aside:  # (ingest imported here, off the event loop)
            from newstui.ingest.configured_sources import LEFT_CONFIG_DAYS

            until = [(s, s.kept_until(LEFT_CONFIG_DAYS)) for s in aside]
        tagged = any(feed.tags for feed in feeds)
        if first and (tagged or saved):
            sums = tag_unread_counts(feeds)  # (the tree's shape; no count is shown from it)
            uncounted = [(view, 0) for view in saved]
            self.post_message(self._Counts(smart, sums, feeds, uncounted, until, counted=False))
        tags = []
        if tagged:
            with self._library.borrow() as library:
                tags = library.tag_counts(feeds)
        counts = []
        for view in saved:  # one query each, outside the lock so the list is never held up
            if view.broken:
                counts.append((view, 0))
                continue
            with self._library.borrow() as library:
                unread = library.count(replace(view.filter, unread=True))
            counts.append((view, unread))
        self.post_message(self._Counts(smart, tags, feeds, counts, until))

    @on(_Counts)
    def _fill(self, message: _Counts) -> None:
        message.stop()
        self._counts = message
        self._list(message)
        self.post_message(self.Loaded(message.smart, message.feeds, message.tags, message.counted))

    def list_again(self) -> None:
        """List the entries again from the last counts read (a folder folded or unfolded)."""
        if self._counts is not None:
            self._list(self._counts)

    def _tree_widths(self, message: _Counts, now: datetime) -> list[tuple[str, int]]:
        """The whole tree's rows as `needed_width` measures them, folded or not (the pane keeps
        its width as folders fold), read once a reload (a fold lists the same counts again)."""
        if self._widths_of is None or self._widths_of[0] is not message:
            whole = source_tree(message.feeds, message.tags, ())
            self._widths_of = (message, entries.tree_widths(whole, now))
        return self._widths_of[1]

    def toggle_read_feeds(self) -> bool:
        """List the feeds with nothing unread, or leave them out (newsboat's show-read-feeds,
        its `l` in the feed list); the highlight stays on its entry. True: listed now."""
        self.show_read_feeds = not self.show_read_feeds
        if self._counts is not None:
            self._list(self._counts)
        return self.show_read_feeds

    def action_toggle_read_feeds(self) -> None:
        shown = self.toggle_read_feeds()
        self.notify("Read feeds listed." if shown else entries.read_left_out_notice(self.feeds))

    def _list(self, message: _Counts) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else "all"
        background = self.background_colors[1]
        error = theme_colour(self.app.theme_variables, "text-error", background)
        heading_style = f"italic {muted_colour(background).hex}"
        greys = monochrome(self.app)  # (headings in capitals: heading_text)
        smart = message.smart
        options: list[Option] = [
            Option(entries.label("All", smart.unread), id=ALL.key),
            Option(entries.label("Unread", smart.unread), id=UNREAD.key),
            Option(entries.starred_label(smart, heading_style), id=STARRED.key),
        ]
        self._views = {v.key: v for v in (ALL, UNREAD, STARRED, HIDDEN)}
        if smart.hidden:
            options.append(Option(entries.label("Hidden", smart.hidden), id=HIDDEN.key))
        if message.saved:
            options.append(entries.heading(heading_text("Views", greys), heading_style))
            for view, unread in message.saved:
                self._views[view.key] = view
                if view.broken:  # greyed, with why (Enter says it in full)
                    label = entries.broken_view_label(view.title, heading_style)
                else:
                    label = entries.label(view.title, unread)
                options.append(Option(label, id=view.key))
        now = datetime.now(UTC)
        refresh = key_in_effect(self, "sources.refresh_selected")  # (the user's, not r)
        keep = {view_key(k) for k in (highlighted, self._shown) if k}
        styles = (f"bold {error.hex}", heading_style)
        unfiled, feeds_heading, widths = message.feeds, "Feeds", []
        self._tree_rows = {}
        if self.tree_layout and message.tags:
            shown = self.show_read_feeds
            tree = source_tree(
                message.feeds, message.tags, self._folded, show_read=shown, keep=keep
            )
            name = entries.read_left_out_heading("Folders", tree.left_out)
            options.append(entries.heading(heading_text(name, greys), heading_style))
            rows, views = entries.tree_entries(tree, now, refresh, styles, message.counted)
            options += rows
            self._views |= views
            self._tree_rows = {row.key: row for row in tree.rows}
            widths = self._tree_widths(message, now)
            unfiled, feeds_heading = tree.unfiled, "No folder"
        elif message.tags:
            options.append(entries.heading(heading_text("Tags", greys), heading_style))
            for tag, _total, unread in message.tags:
                view = tag_view(tag)
                self._views[view.key] = view
                count = unread if message.counted else 0  # (its feeds' sum: no count yet)
                options.append(Option(entries.label(f"#{tag}", count), id=view.key))
        for kind, heading in (("feed", feeds_heading), ("local", "Local")):
            every = [f for f in unfiled if f.kind == kind]
            listed, left_out = entries.listed_feeds(every, self.show_read_feeds, keep)
            if every:
                name = entries.read_left_out_heading(heading, left_out)
                options.append(entries.heading(heading_text(name, greys), heading_style))
            for feed in listed:
                option, view = entries.feed_entry(feed, f"feed:{feed.id}", now, refresh, styles)
                self._views[view.key] = view
                options.append(option)
        # a source both listed and set aside (a fetch set it aside as an add wrote it: user test
        # r55 HIGH-1) is shown once, as the feed the config lists
        both = {f.id for f in message.feeds}
        held = [(s, until) for s, until in message.aside if s.id not in both]
        aside = entries.listed_set_aside(held, self.show_read_feeds, keep)
        if aside:  # their unread are in All's and Unread's: read here, greyed (r44 L7)
            options.append(entries.heading(heading_text("Set aside", greys), heading_style))
            for source, until in aside:
                view = feed_view(source.id, entries.set_aside_title(source, until))
                self._views[view.key] = view
                label = entries.set_aside_label(source, until, heading_style)
                options.append(Option(label, id=view.key))
        entries.tell_apart([o.prompt for o in options if isinstance(o.prompt, SourceLabel)])
        self.feeds = message.feeds
        self._needed = entries.needed_width(
            smart,
            message.saved,
            () if self._tree_rows else message.tags,
            unfiled,
            now,
            [*widths, *((entries.set_aside_name(s), s.unread) for s, _until in aside)],
        )
        self._rows = len(options) + len(widths) - len(self._tree_rows)
        self.fit_width(self.screen.size.width, self.screen.has_class("-narrow"))
        if highlighted is not None and highlighted not in {o.id for o in options}:
            before = [o.id for o in self.options]
            highlighted = entries.nearest_listed(before, [o.id for o in options], highlighted)
        self._update_options(options, highlighted)
        self._offer_follow()  # (the feed under the cursor moved, or its move was followed)

    def _update_options(self, options: list[Option], highlighted: str | None) -> None:
        """Show `options`. When the same entries are listed (a counts reload: every 0.5 s during
        a refresh), only the entries that changed are replaced, in place: rebuilding the list
        changed its height twice and laid the whole screen out again, under the user's keys."""
        current = self.options
        # an id twice raised DuplicateID and ended the app (r55 HIGH-1): the first one is shown
        firsts = {o.id: o for o in reversed(options)}
        options = [o for o in options if o.id is None or firsts[o.id] is o]
        ids = [o.id for o in options]
        if ids == [o.id for o in current] and all(
            a.disabled == b.disabled for a, b in zip(current, options, strict=True)
        ):
            for index, (before, after) in enumerate(zip(current, options, strict=True)):
                if not entries.same_prompt(before.prompt, after.prompt):
                    self.replace_option_prompt_at_index(index, after.prompt)
            return
        self.clear_options()
        self.add_options(options)
        self.highlighted = ids.index(highlighted) if highlighted in ids else 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Follow move is the pane's key only on a feed listed · moved, Fold on a folder of
        the tree (elsewhere Space is the other panes' key)."""
        if action == "follow_moved":
            return self._on_moved_feed()
        if action == "toggle_fold":
            return self._highlighted_folder_row() is not None
        return True

    async def action_follow_moved(self) -> None:
        """Follow the highlighted feed's move: the screen's action, as the app's key runs it."""
        await self.app.run_action("screen.follow_moved", self)

    def _on_moved_feed(self) -> bool:
        feed_id = self.highlighted_feed_id()
        return feed_id is not None and any(f.id == feed_id and f.moved_to for f in self.feeds)

    @on(OptionList.OptionHighlighted)
    def _offer_follow(self) -> None:
        """The footer offers Follow move while the cursor is on a moved feed (it is asked
        again only when that changes: a footer redrawn at each step slowed a held `j`)."""
        moved = self._on_moved_feed()
        folder = self._highlighted_folder_row() is not None
        if (moved, folder) != (self._moved_highlighted, self._folder_marked):
            self._moved_highlighted, self._folder_marked = moved, folder
            self.refresh_bindings()

    def highlighted_feed_id(self) -> int | None:
        """The id of the feed or local source under the cursor, if it is one."""
        view = self.highlighted_view()
        return view.filter.feed_id if view is not None else None

    def highlighted_folder(self) -> str | None:
        """The folder (tag) under the cursor, if a folder's row is highlighted, or in the tree the
        folder the highlighted feed is listed under: where `a` adds a feed unless told
        otherwise."""
        option = self.highlighted_option
        row = self._tree_rows.get(option.id or "") if option is not None else None
        if isinstance(row, FeedTreeRow):
            return row.folder
        view = self.highlighted_view()
        return view.filter.tag if view is not None and view.key.startswith("tag:") else None

    def folders(self) -> list[str]:
        """The folders Sources lists, in its order (`a` offers and completes them)."""
        return [tag for tag, _total, _unread in self._counts.tags] if self._counts else []

    def highlighted_view(self) -> View | None:
        """The view of the entry under the cursor (None on a heading)."""
        option = self.highlighted_option
        return self._views.get(option.id or "") if option is not None else None

    def unread_source_keys(self) -> set[str]:
        """The keys of the sources listed with unread articles, set-aside ones too (n's next
        source: source_entries.unread_source_keys)."""
        counts = self._counts
        return entries.unread_source_keys(self.feeds, counts.aside if counts else ())

    def source_views(self) -> list[View]:
        """The feeds' and local sources' views, in the order the pane lists them (a feed listed
        in two folders at the first)."""
        views: dict[str, View] = {}
        for key, view in self._views.items():
            if key.startswith("feed:"):
                views.setdefault(view.key, view)
        return list(views.values())

    def go_to_views(self) -> list[View]:
        """Every source, tag and view Sources lists, All, Unread and Starred first (user test
        r48 L11: from a feed deep in the list the way back to All was q, g, Enter), and the
        read feeds `H` leaves out, as the palette's "Go to source" offers them (no store read:
        what the pane holds)."""
        listed = self._listed_keys()
        views = {v.key: v for k, v in self._views.items() if k not in SMART_KEYS or k in listed}
        for feed in self.feeds:  # (left out by H: shown, they are listed again: view_shown)
            key = f"feed:{feed.id}"
            if key not in views:
                views[key] = feed_view(feed.id, feed.name, feed.last_error)
        return list(views.values())

    def go_to(self, view: View) -> None:
        """Show `view` as a click on its row does (the palette's "Go to source")."""
        self.post_message(self.ViewChosen(view))

    def view_shown(self, key: str) -> None:
        """The headlines show this view now: highlight it, listed even if it is a read feed
        while read feeds are left out, until another view is shown."""
        self._shown = key
        if key not in self._listed_keys() and key.startswith("feed:") and self._counts is not None:
            feed = next((f for f in self.feeds if f"feed:{f.id}" == key), None)
            unfold = folders_to_unfold(feed, self._folded) if feed and self.tree_layout else []
            if unfold:  # (inside a folded folder: its folders unfold, as Feedly's do)
                self._folded -= set(unfold)
                self.post_message(self.FoldsChanged(frozenset(self._folded)))
            self._list(self._counts)
        self.select_view(key)

    def _listed_keys(self) -> set[str]:
        """The view keys of the entries listed."""
        ids = (self.get_option_at_index(i).id for i in range(self.option_count))
        return {view_key(i) for i in ids if i is not None}

    def select_view(self, key: str) -> None:
        """Move the highlight to a view's entry, if listed (a feed in two folders: the copy
        highlighted stays, else the first)."""
        option = self.highlighted_option
        if option is not None and option.id is not None and view_key(option.id) == key:
            return
        for index in range(self.option_count):
            entry_id = self.get_option_at_index(index).id
            if entry_id is not None and view_key(entry_id) == key:
                self.highlighted = index
                return

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        view = self._views.get(event.option.id or "")
        if view is not None:  # (Enter and l show it at once: MainScreen.action_list_chosen)
            self.post_message(self.ViewChosen(view))
