"""`I` imports feeds from inside the app: asks for a subscription list's path (an OPML file from
another reader, or newsboat's `urls` file), then, in a worker, writes its feeds to feeds.toml as
`newstui opml import` does (the same code) and lists them in Sources; of newsboat's urls file
also what the command brings with it (cache.db's read marks and stars, its config's settings,
keys and ignore-article rules, podboat's downloads: `newstui.newsboat_import`), asking first
which flag is the star when its cache has flags no setting names. With [sync] the feeds the
server has stay its own, and for the others it asks: subscribe them there (`--subscribe`) or
fetch them here; a server never synced that cannot be asked imports nothing unless told to
(`--here`). Part of `MainScreen`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from newstui.config import Config
from newstui.counts import counted
from newstui.tui.mixins import ScreenMixin
from newstui.tui.screens.feed_import_messages import (
    FeedsImported,
    ImportFailed,
    ImportStar,
    ImportUnasked,
    ImportWay,
    ImportWhere,
)
from newstui.tui.screens.keyed_box import key_in_effect

if TYPE_CHECKING:
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.reader import Reader
    from newstui.tui.widgets.sources import SourcesPane

IMPORT_HINT = (
    "An OPML file (another reader's export: Feedly, Inoreader…) or newsboat's urls file."
    "\nEnter: import · Esc: cancel"
)


class FeedImporting(ScreenMixin):
    """Import a subscription list (`I`), as `newstui opml import FILE` does."""

    # Provided by MainScreen.
    config: Config | None
    db_path: Path | str
    sources: SourcesPane
    reader: Reader
    headlines: HeadlineList

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
    def _import_feeds(self, typed: str, way: ImportWay = "ask", star: str | None = None) -> None:
        """Import the list at `typed` as `opml import` does; `star`: the flag taken as the
        star ("": none, asked; None: not asked yet)."""
        from newstui.config import load_config
        from newstui.errors import NewstuiError, SourceError
        from newstui.library import Library
        from newstui.newsboat_import import (
            NewsboatFiles,
            bring_newsboat_config,
            brought_said,
            is_newsboat_urls,
            marks_left_out,
            newsboat_state,
            not_taken_count,
        )
        from newstui.server_import import NeverSynced, new_here, split_for_server
        from newstui.subscription_import import import_subscriptions, read_subscription_list
        from newstui.tui.refresh import run_list_configured

        config = self.config
        assert config is not None
        path = Path(typed).expanduser()
        files = NewsboatFiles(path, star_flag=star or None)
        warnings: list[str] = []
        try:
            feeds, skipped = read_subscription_list(path, files.star_flag)
            split = None
            with Library.open(self.db_path, threads=True) as library:  # (a feed moved for good)
                # newsboat's marks: read before anything is written
                local = [line.local for line in skipped if line.local]
                try:
                    state = newsboat_state(files, feeds, local, config, library)
                except SourceError as exc:  # (one broken file never stops the rest)
                    state, warnings = None, [marks_left_out(exc)]
                if state is not None and state.flagged and state.star is None and star is None:
                    letters = state.other_flags
                    self.post_message(ImportStar(typed, state.cache.name, state.flagged, letters))
                    return
                moved = library.old_feed_urls()
                if config.sync is not None and way != "all_here":  # the server's feeds stay its own
                    try:  # (r51 MED-1; a refusal of one feed is kept, a failure raises)
                        split = split_for_server(
                            library,
                            config,
                            feeds,
                            subscribe=way in ("subscribe", "subscribe_new"),
                            keep_listed=way == "subscribe_new",
                        )
                    except NeverSynced as exc:  # nothing written: import here anyway?
                        self.post_message(ImportUnasked(typed, str(exc), len(feeds), star))
                        return
                    if (
                        way == "ask"
                        and split.unasked is None
                        and (new := new_here(config, split.rest))
                    ):
                        kept_here = len(split.rest) - len(new)  # (in feeds.toml: fetched here)
                        self.post_message(
                            ImportWhere(
                                typed, split.server, len(new), len(split.synced), star, kept_here
                            )
                        )
                        return
                    feeds = split.rest
                taken = library.add_imported_marks(state.marks) if state else None
                imported = import_subscriptions(
                    config.path, feeds, skipped, moved, split, source=path
                )
                brought = bring_newsboat_config(files, config, library)  # (nothing for OPML)
        except NewstuiError:
            self.post_message(ImportFailed(typed))
            raise
        urls = is_newsboat_urls(path)  # (read a moment ago)
        # (the app's keymap and settings are made at its start)
        said = brought_said(taken, brought, imported.flat_layout is not None, " (at restart)")
        not_taken = not_taken_count(config, brought, state, len(imported.skipped)) if urls else 0
        marked = bool(brought.hidden or (taken and taken.applied))
        config = load_config(config.path)
        run_list_configured(self.db_path, config, feeds)  # Sources lists them before a fetch
        listed = {f.url for f in self.config.feeds} if self.config else set()
        warnings += [  # (as `opml import --subscribe` warns of each)
            f"{reason}; {'kept in' if feed.url in listed else 'added to'} {config.path.name} "
            "instead: fetched here"
            for feed, reason in (split.refused if split else ())
        ]
        self.post_message(
            FeedsImported(imported, path, config, way, warnings, urls, said, not_taken, marked)
        )

    def _on_import_where(self, message: ImportWhere) -> None:
        """Ask where the feeds the server lacks go: subscribed there, or fetched here. Those
        feeds.toml lists already (kept here by an earlier import) are named apart, and
        subscribed only when the user says so (review r53 F7)."""
        from newstui.tui.screens.choice import ChoiceScreen

        config = self.config
        assert config is not None
        file = config.path.name
        server, new, listed = message.server, message.new, message.listed
        them = "it" if new == 1 else "them"
        name = Path(message.typed).name
        has = f" (it has {message.synced:,} already)" if message.synced else ""
        choices: list[tuple[str, ImportWay]]
        if listed:
            stay = "stays" if listed == 1 else "stay"
            question = (
                f"{counted(new + listed, 'feed')} of {name} not on {server}{has}: {new:,} new, "
                f"{listed:,} in {file} already (fetched here). Import them where?"
            )
            choices = [
                (
                    f"Subscribe the {new:,} new on {server}; the {listed:,} in {file} {stay} "
                    "fetched here",
                    "subscribe_new",
                ),
                (
                    f"Subscribe all {new + listed:,} on {server}, the {listed:,} in {file} too",
                    "subscribe",
                ),
                (f"Add the {new:,} new to {file}: fetched here only", "rest_here"),
            ]
        else:
            # (a question, as `a`'s "add which?": it ended in a stray colon, review r52 LOW-5)
            question = (
                f"{counted(new, 'feed')} of {name} not on {server}{has}: import {them} where?"
            )
            choices = [
                (f"Subscribe on {server}: your other readers see {them} too", "subscribe"),
                (f"Add to {file}: fetched here only", "rest_here"),
            ]

        def chosen(way: ImportWay | None) -> None:
            if way is not None:
                self._import_feeds(message.typed, way, message.star)

        box = ChoiceScreen(f"Import {name}", choices, verb="import", question=question)
        self.app.push_screen(box, chosen)

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
                self._import_feeds(message.typed, "all_here", message.star)

        box = ConfirmScreen("Import feeds", question, yes=f"add to {config.path.name}")
        self.app.push_screen(box, answered)

    def _on_import_failed(self, message: ImportFailed) -> None:
        self.action_import_feeds(message.typed)

    def _on_feeds_imported(self, message: FeedsImported) -> None:
        from newstui.tui.screens.article_actions import SavedViewsChanged

        self.config = message.config
        imported = message.imported
        if message.urls:  # (a few lines: its whole summary filled 80×24, closing r52)
            line = _newsboat_notice(message)
        else:
            line = imported.summary(message.path.name, message.config.path)
            line += imported.skipped_named + imported.notes_named
        server = imported.server.server if imported.server is not None else None
        if message.way == "all_here" and message.config.sync is not None:
            from newstui.sync.client import server_name

            server = server_name(message.config.sync.url)
        if (
            imported.added
            and server is not None
            and message.way not in ("subscribe", "subscribe_new")
        ):  # (r51 MED-1)
            line += f"; not subscribed on {server}: fetched here"
        if imported.server is not None and imported.server.unasked is not None:
            line += f" ({server} could not be asked: its subscriptions as of the last sync)"
        subscribed = imported.server is not None and imported.server.subscribed
        refresh = key_in_effect(self, "app.refresh_all")
        if (imported.added or subscribed) and message.urls:  # (4 lines at 80×24)
            line += f". {refresh} fetches them."
        elif imported.added or subscribed:
            line += f". Press {refresh} to fetch them."
        self.notify(line, markup=False, timeout=15)
        for warning in message.warnings:  # (one line each, as the CLI's warnings)
            self.notify(warning, severity="warning", markup=False, timeout=15)
        if imported.flat_layout is not None:  # (newsboat's tags: user test r52 MED-5)
            self.sources.tree_layout = False
        self.sources.reload()
        if self.nothing_stored:  # "Press a to add a feed" no more: R fetches them
            self.reader.show_message(self._no_articles_yet())
        if imported.added_views:
            self.post_message(SavedViewsChanged())
        if message.marked:  # (marks given to stored articles, articles hidden by its rules)
            self.headlines.reload()

    def _on_import_star(self, message: ImportStar) -> None:
        """Ask which of newsboat's flags is the star (or none), then import with it."""
        from newstui.tui.screens.choice import ChoiceScreen

        letters = message.letters[:3] or ("s",)
        choices = [(f'Star the articles flagged "{letter}"', letter) for letter in letters]
        choices.append(("Star none: newsboat's flags mean nothing of their own", ""))
        them = "it" if message.flagged == 1 else "them"
        # the question in the box, wrapped: as the title it was cut at 60×20 (review r53 F5)
        question = (
            f"{counted(message.flagged, 'article')} flagged in newsboat's {message.cache}: "
            f"star {them}?"
        )
        title = "Star newsboat's flagged articles?"

        def chosen(letter: str | None) -> None:
            if letter is not None:
                self._import_feeds(message.typed, "ask", letter)

        box = ChoiceScreen(title, choices, verb="import", question=question)
        self.app.push_screen(box, chosen)


def _newsboat_notice(message: FeedsImported) -> str:
    """The notice of newsboat's urls file imported, in a few lines: "37 of 39 feeds, 7 views,
    10 read marks, 3 stars, 4 settings, 6 keys (at restart), 3 hide filters; 5 not
    taken: `newstui opml import ~/.newsboat/urls` names each" (`opml import` of the file again
    adds nothing twice and says every line)."""
    from newstui.sources.newsboat_urls import shell_path

    imported = message.imported
    found, added = len(imported.found), len(imported.added)
    parts = [counted(found, "feed") if added == found else f"{added:,} of {counted(found, 'feed')}"]
    if imported.added_views:
        parts.append(counted(len(imported.added_views), "view"))
    if imported.added_local:
        parts.append(counted(len(imported.added_local), "local file"))
    if message.newsboat:
        parts.append(message.newsboat)
    line = ", ".join(parts)
    if imported.server is not None and imported.server.clause:
        line += f" ({imported.server.clause})"
    if message.not_taken:
        command = f"newstui opml import {shell_path(message.path.absolute())}"
        line += f"; {message.not_taken:,} not taken: `{command}` names each"
    return line
