"""`I` imports feeds from inside the app: asks for a subscription list's path (an OPML file from
another reader, or newsboat's `urls` file), then, in a worker, writes its feeds to feeds.toml as
`newstui opml import` does (the same code) and lists them in Sources. Part of `MainScreen`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from newstui.config import Config
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


@dataclass(eq=False, repr=False)
class FeedsImported(Message):
    """A subscription list was written to the config file (`config`: the file read again)."""

    imported: SubscriptionsImported
    path: Path
    config: Config
    left_out: str  # newsboat's read marks...: the command that brings them, or ""


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
    def _import_feeds(self, typed: str) -> None:
        from newstui.config import load_config
        from newstui.errors import NewstuiError
        from newstui.library import Library
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
                if config.sync is not None:  # the server's own feeds stay its own (r51 MED-1)
                    from newstui.server_import import split_for_server

                    split = split_for_server(library, config, feeds)
                    feeds = split.rest
            imported = import_subscriptions(config.path, feeds, skipped, moved, split)
        except NewstuiError:
            self.post_message(ImportFailed(typed))
            raise
        config = load_config(config.path)
        run_list_configured(self.db_path, config, feeds)  # Sources lists them before a fetch
        self.post_message(FeedsImported(imported, path, config, newsboat_left_out(path)))

    def _on_import_failed(self, message: ImportFailed) -> None:
        self.action_import_feeds(message.typed)

    def _on_feeds_imported(self, message: FeedsImported) -> None:
        from newstui.tui.screens.article_actions import SavedViewsChanged

        self.config = message.config
        imported = message.imported
        line = imported.summary(message.path.name, message.config.path) + imported.skipped_named
        line += imported.notes_named
        if imported.added and imported.server is not None:  # (user test r51 MED-1)
            line += (
                f"; not subscribed on {imported.server.server}: fetched here "
                "(`newstui opml import --subscribe FILE` subscribes them there)"
            )
        if imported.added:
            line += f". Press {key_in_effect(self, 'app.refresh_all')} to fetch them."
        if message.left_out:  # (user test r41 M5: R then listed every old article unread)
            line = f"{line.removesuffix('.')}. {message.left_out}"
        self.notify(line, markup=False, timeout=15)
        self.sources.reload()
        if self.nothing_stored:  # "Press a to add a feed" no more: R fetches them
            self.reader.show_message(self._no_articles_yet())
        if imported.added_views:
            self.post_message(SavedViewsChanged())
