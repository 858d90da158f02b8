"""`I` imports feeds from inside the app: asks for a subscription list's path (an OPML file from
another reader, or newsboat's `urls` file), then, in a worker, writes its feeds to feeds.toml as
`newstui opml import` does (the same code) and lists them in Sources. With [sync] the feeds the
server has stay its own, and for the others it asks: subscribe them there (`--subscribe`) or
fetch them here; a server never synced that cannot be asked imports nothing unless told to
(`--here`). Part of `MainScreen`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual import work
from textual.message import Message

from newstui.config import Config
from newstui.counts import counted
from newstui.tui.mixins import ScreenMixin
from newstui.tui.screens.keyed_box import key_in_effect

if TYPE_CHECKING:
    from newstui.subscription_import import SubscriptionsImported
    from newstui.tui.widgets.reader import Reader
    from newstui.tui.widgets.sources import SourcesPane

IMPORT_HINT = (
    "An OPML file (another reader's export: Feedly, Inoreader…) or newsboat's urls file."
    "\nEnter: import · Esc: cancel"
)


ImportWay = Literal["ask", "subscribe", "rest_here", "all_here"]
"""With [sync], what an import does with the feeds the server lacks: ask which of the two, subscribe
them there (`opml import --subscribe`), fetch them here (`opml import`); or every feed of the
list fetched here, the server not asked (`--here`)."""


@dataclass(eq=False, repr=False)
class FeedsImported(Message):
    """A subscription list was written to the config file (`config`: the file read again)."""

    imported: SubscriptionsImported
    path: Path
    config: Config
    left_out: str  # newsboat's read marks...: the command that brings them, or ""
    way: ImportWay = "ask"
    # the feeds the server refused to subscribe to (written here instead): each one's line
    refused: list[str] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class ImportWhere(Message):
    """With [sync], `new` feeds of the list `typed` are neither on the server nor in the config
    file (`synced`: those the server has): the user says where they go."""

    typed: str
    server: str
    new: int
    synced: int


@dataclass(eq=False, repr=False)
class ImportUnasked(Message):
    """The [sync] server, never synced, could not be asked which of the `count` feeds it holds
    (`line`: why, and that nothing was imported): the user may import them here all the same."""

    typed: str
    line: str
    count: int


@dataclass(eq=False, repr=False)
class ImportFailed(Message):
    """Importing the path `typed` failed (the worker-error handler says why in one line): the
    box opens again with it, to mend."""

    typed: str


class FeedImporting(ScreenMixin):
    """Import a subscription list (`I`), as `newstui opml import FILE` does."""

    # Provided by MainScreen.
    config: Config | None
    db_path: Path | str
    sources: SourcesPane
    reader: Reader

    if TYPE_CHECKING:

        @property
        def nothing_stored(self) -> bool: ...

        def _no_articles_yet(self) -> str: ...

    def action_import_feeds(self, typed: str = "") -> None:
        """Ask for the path of an OPML file or newsboat's urls file, then import it in a worker."""
        if self.config is None:
            self.notify("demo mode: feeds cannot be imported", severity="warning")
            return
        from newstui.sources.newsboat_urls import newsboat_urls_file
        from newstui.tui.screens.command_prompt import CommandScreen

        # newsboat's urls file, when this machine has one (the empty app names it too): the
        # box offers it, written in when no source is configured yet (user test r48 L1)
        urls = newsboat_urls_file()
        if urls and not typed and not (self.config.feeds or self.config.local):
            typed = urls
        placeholder = urls or "~/Downloads/subscriptions.opml"
        prompt = CommandScreen("Import feeds", IMPORT_HINT, last=typed, placeholder=placeholder)
        self.app.push_screen(prompt, self._path_typed)

    def _path_typed(self, typed: str | None) -> None:
        if typed is not None and typed.strip():
            self._import_feeds(typed.strip())

    @work(thread=True, group="import-feeds", exit_on_error=False)
    def _import_feeds(self, typed: str, way: ImportWay = "ask") -> None:
        from newstui.config import load_config
        from newstui.errors import NewstuiError
        from newstui.library import Library
        from newstui.server_import import NeverSynced, new_here, split_for_server
        from newstui.sources.newsboat_urls import newsboat_left_out
        from newstui.subscription_import import import_subscriptions, read_subscription_list
        from newstui.tui.refresh import run_list_configured

        config = self.config
        assert config is not None
        path = Path(typed).expanduser()
        try:
            feeds, skipped = read_subscription_list(path)
            split = None
            with Library.open(self.db_path, threads=True) as library:  # (a feed moved for good)
                moved = library.old_feed_urls()
                if config.sync is not None and way != "all_here":  # the server's feeds stay its own
                    try:  # (r51 MED-1; a refusal of one feed is kept, a failure raises)
                        split = split_for_server(
                            library, config, feeds, subscribe=way == "subscribe"
                        )
                    except NeverSynced as exc:  # nothing written: import here anyway?
                        self.post_message(ImportUnasked(typed, str(exc), len(feeds)))
                        return
                    if way == "ask" and split.unasked is None and new_here(config, split.rest):
                        count = len(split.rest)  # (subscribing takes those listed too)
                        self.post_message(
                            ImportWhere(typed, split.server, count, len(split.synced))
                        )
                        return
                    feeds = split.rest
            imported = import_subscriptions(config.path, feeds, skipped, moved, split, source=path)
        except NewstuiError:
            self.post_message(ImportFailed(typed))
            raise
        config = load_config(config.path)
        run_list_configured(self.db_path, config, feeds)  # Sources lists them before a fetch
        refused = [  # (as `opml import --subscribe` warns of each)
            f"{reason}; added to {config.path.name} instead: fetched here"
            for _feed, reason in (split.refused if split else ())
        ]
        left_out = newsboat_left_out(path)
        self.post_message(FeedsImported(imported, path, config, left_out, way, refused))

    def _on_import_where(self, message: ImportWhere) -> None:
        """Ask where the feeds the server lacks go: subscribed there, or fetched here."""
        from newstui.tui.screens.choice import ChoiceScreen

        config = self.config
        assert config is not None
        them = "it" if message.new == 1 else "them"
        choices: list[tuple[str, ImportWay]] = [
            (f"Subscribe on {message.server}: your other readers see {them} too", "subscribe"),
            (f"Add to {config.path.name}: fetched here only", "rest_here"),
        ]
        name = Path(message.typed).name
        has = f" (it has {message.synced:,} already)" if message.synced else ""
        # (a question, as `a`'s "add which?": it ended in a stray colon, review r52 LOW-5)
        title = f"{counted(message.new, 'feed')} of {name} not on {message.server}{has}: import {them} where?"

        def chosen(way: ImportWay | None) -> None:
            if way is not None:
                self._import_feeds(message.typed, way)

        self.app.push_screen(ChoiceScreen(title, choices, verb="import"), chosen)

    def _on_import_unasked(self, message: ImportUnasked) -> None:
        """The server could not be asked and was never synced: say so, and offer to import the
        feeds here all the same (as `opml import --here`)."""
        from newstui.tui.screens.confirm import ConfirmScreen

        config = self.config
        assert config is not None
        them = "it" if message.count == 1 else f"all {message.count:,}"
        question = (
            f"{message.line}.\n\nAdd {them} to {config.path.name} anyway? newstui then fetches "
            f"{'it' if message.count == 1 else 'them'} itself, not the server."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._import_feeds(message.typed, "all_here")

        box = ConfirmScreen("Import feeds", question, yes=f"add to {config.path.name}")
        self.app.push_screen(box, answered)

    def _on_import_failed(self, message: ImportFailed) -> None:
        self.action_import_feeds(message.typed)

    def _on_feeds_imported(self, message: FeedsImported) -> None:
        from newstui.tui.screens.article_actions import SavedViewsChanged

        self.config = message.config
        imported = message.imported
        line = imported.summary(message.path.name, message.config.path) + imported.skipped_named
        line += imported.notes_named
        server = imported.server.server if imported.server is not None else None
        if message.way == "all_here" and message.config.sync is not None:
            from newstui.sync.client import server_name

            server = server_name(message.config.sync.url)
        if imported.added and server is not None and message.way != "subscribe":  # (r51 MED-1)
            line += f"; not subscribed on {server}: fetched here"
        if imported.server is not None and imported.server.unasked is not None:
            line += f" ({server} could not be asked: its subscriptions as of the last sync)"
        subscribed = imported.server is not None and imported.server.subscribed
        if imported.added or subscribed:
            line += f". Press {key_in_effect(self, 'app.refresh_all')} to fetch them."
        if message.left_out:  # (user test r41 M5: R then listed every old article unread)
            line = f"{line.removesuffix('.')}. {message.left_out}"
        self.notify(line, markup=False, timeout=15)
        for refused in message.refused:  # (one line each, as the CLI's warnings)
            self.notify(refused, severity="warning", markup=False, timeout=15)
        if imported.flat_layout is not None:  # (newsboat's tags: user test r52 MED-5)
            self.sources.tree_layout = False
        self.sources.reload()
        if self.nothing_stored:  # "Press a to add a feed" no more: R fetches them
            self.reader.show_message(self._no_articles_yet())
        if imported.added_views:
            self.post_message(SavedViewsChanged())
