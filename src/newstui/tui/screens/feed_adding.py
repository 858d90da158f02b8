"""`a` adds a feed from inside the app: asks for its address and its folder (feed_add_box), then
(in a worker) finds the feed behind a web page, fetches it once and, when it reads, writes it to
feeds.toml in that folder (with [sync], subscribes to it there in that folder) and shows it.
Part of `MainScreen`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from newstui.config import Config
from newstui.counts import counted
from newstui.errors import hide_url_password
from newstui.tui.download_runner import DownloadsQueued
from newstui.tui.mixins import ScreenMixin
from newstui.tui.notices import show_notice, withdraw_notice

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.notifications import Notification

    from newstui.model import SourceOutcome
    from newstui.sources.discovery import FeedAnswer, FeedLink
    from newstui.tui.view import View
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.sources import SourcesPane


@dataclass(eq=False, repr=False)
class FeedAdded(Message):
    """A feed was fetched and written to the config file (`config`: the file read again)."""

    feed_id: int
    outcome: SourceOutcome
    config: Config
    queued: bool = False  # its newest episodes were queued ([settings] download_new)
    not_queued: tuple[str, ...] = ()  # … or could not be: why, as `add` warns (not_queued_line)
    kept: int = 0  # the articles the store held of it (a restored backup's: user test r47 M6)
    folders: tuple[str, ...] = ()  # the folders (tags) it was written in


@dataclass(eq=False, repr=False)
class FeedSubscribed(Message):
    """With [sync], a feed was subscribed on the server `server`, then synced (`feed_id`: its
    source, None when the sync did not bring it; `error`: the sync's one-line error)."""

    url: str
    server: str
    feed_id: int | None
    name: str
    error: str | None
    queued: bool = False  # its newest episodes were queued ([settings] download_new)
    not_queued: tuple[str, ...] = ()  # … or could not be: why, as `add` warns (not_queued_line)
    folders: tuple[str, ...] = ()  # the folders the sync gave its source


@dataclass(eq=False, repr=False)
class AddFailed(Message):
    """Adding the address `typed` failed (its error is said by the worker-error handler): the
    box opens again with it and the folder typed, to mend (it closed, and the address had to
    be typed again)."""

    typed: str
    folder: str = ""


@dataclass(eq=False, repr=False)
class AddRefused(Message):
    """The [sync] server refused to subscribe to `url` (`reason`: its line, naming the server):
    the user may have it fetched here instead, as `newstui add URL --here` does."""

    url: str
    folder: str
    reason: str


@dataclass(eq=False, repr=False)
class SeveralFeeds(Message):
    """The page `url` links to several feeds: the user picks the one to add."""

    url: str
    links: list[FeedLink]
    folder: str = ""  # the folder typed for it


def in_folders(folders: Sequence[str]) -> str:
    """ " in #News/Europe" for the folders a feed was added in (as Sources lists them), "" for
    none."""
    return f" in {', '.join('#' + f for f in folders)}" if folders else ""


def feed_choice_label(link: FeedLink) -> str:
    """A feed a page links to, as the choice lists it: its title (if any), format and URL."""
    title = f"{link.title} · " if link.title else ""
    return f"{title}{link.kind}  {hide_url_password(link.url)}"


class FeedAdding(ScreenMixin):
    """Add a feed by its address (`a`), as `newstui add` does."""

    # Provided by MainScreen.
    config: Config | None
    db_path: Path | str
    headlines: HeadlineList
    sources: SourcesPane

    if TYPE_CHECKING:

        def show_view(
            self, view: View, select_id: int | None = None, at_once: bool = False
        ) -> None: ...

    _adding: str | None = None  # the address being added, while its worker runs
    _adding_notice: Notification | None = None  # "Adding …", taken down when it ends

    def action_add_feed(self, typed: str = "", folder: str | None = None) -> None:
        """Ask for a feed's address and its folder (the one highlighted in Sources, unless
        `folder` says), then add it in a worker."""
        if self.config is None:
            self.notify("demo mode: feeds cannot be added", severity="warning")
            return
        if self._adding is not None:
            # (the address as the "Adding …" notice shows it: a password in it as stars)
            still = f"Still adding {hide_url_password(self._adding)}…"
            self.notify(still, severity="warning", markup=False)
            return
        from newstui.tui.screens.feed_add_box import FeedAddScreen

        if folder is None:
            folder = self.sources.highlighted_folder() or ""
        prompt = FeedAddScreen(typed, folder, self.sources.folders())
        self.app.push_screen(prompt, lambda typed: self._address_typed(typed, prompt.folder))

    def _address_typed(self, typed: str | None, folder: str = "") -> None:
        if typed is None:
            return
        from newstui.subscribe import feed_address, not_a_feed_url

        url = feed_address(typed)  # (feed://, a space in the path: as `opml import` reads them)
        if url is None:
            if not typed.strip():  # Enter on an empty box: nothing asked
                return
            message = not_a_feed_url(typed)
            self.notify(message, severity="error", markup=False)
            if meant := re.search(r"did you mean (https?://\S+) \?$", message):
                self.action_add_feed(meant[1], folder)  # asked again, the scheme written in
            elif "newstui import PATH" not in message:  # asked again with what was typed, to
                self.action_add_feed(typed, folder)  # mend (the box closed: all retyped)
            return
        self._start_adding(url)
        self._add_feed(url, folder)

    def _start_adding(self, url: str) -> None:
        self._adding = url
        self._adding_notice = show_notice(self.app, f"Adding {hide_url_password(url)}…")

    def _on_several_feeds(self, message: SeveralFeeds) -> None:
        """Ask which of a page's feeds to add (as `newstui add` does on a terminal)."""
        from newstui.tui.screens.choice import ChoiceScreen

        def chosen(link: FeedLink | None) -> None:
            if link is None or self._adding is not None:
                return
            self._start_adding(link.url)
            self._add_feed(link.url, message.folder, discover=False)

        choices = [(feed_choice_label(link), link) for link in message.links]
        title = f"{hide_url_password(message.url)} links to {len(message.links)} feeds: add which?"
        self.app.push_screen(ChoiceScreen(title, choices, verb="add"), chosen)

    @work(thread=True, group="add-feed", exit_on_error=False)
    def _add_feed(
        self, url: str, folder: str = "", discover: bool = True, here: bool = False
    ) -> None:
        """Add the feed at `url` (or the one its page announces) in `folder`: with [sync],
        subscribed there unless `here` (the server refused it: fetched here, as `add --here`)."""
        from newstui.sources.discovery import FeedAnswer
        from newstui.subscribe import feeds_behind, feeds_to_add
        from newstui.sync.client import FeedRefused

        config = self.config
        assert config is not None
        typed = url
        failed = False
        try:
            found = feeds_behind(url, config) if discover else None  # (a page without: raises)
            # (a feed's own answer: its trial fetch takes it, not asked twice: r55 MED-1)
            answer = found if isinstance(found, FeedAnswer) else None
            links = None if isinstance(found, FeedAnswer) else found
            if links:
                links = feeds_to_add(url, links, config)  # those listed already are no choice
            if links is not None and len(links) > 1:
                self.post_message(SeveralFeeds(url, links, folder))
                return
            if links:
                url = links[0].url
            if config.sync is not None and not here:
                try:
                    self.post_message(subscribe_and_sync(self.db_path, config, url, folder))
                except FeedRefused as exc:  # (user test r51 LOW-8: asked, never left to the CLI)
                    self.post_message(AddRefused(url, folder, exc.reason))
                return
            self.post_message(add_without_sync(self.db_path, config, url, folder, answer))
        except Exception:
            failed = True
            raise
        finally:  # its outcome, or the error, is shown in place of "Adding …"
            if self._adding_notice is not None:
                withdraw_notice(self.app, self._adding_notice)
            self._adding = self._adding_notice = None
            if failed:  # only now: asked again while _adding was set, it said "Still adding"
                self.post_message(AddFailed(typed, folder))

    def _on_add_failed(self, message: AddFailed) -> None:
        self.action_add_feed(message.typed, message.folder)

    def _on_add_refused(self, message: AddRefused) -> None:
        """Say why the server refused the feed and offer to fetch it here instead (`y`), as
        `newstui add URL --here` does: added to feeds.toml, in its folder."""
        from newstui.tui.screens.confirm import ConfirmScreen

        config = self.config
        assert config is not None
        question = (
            f"{message.reason}.\n\nFetch it here instead? newstui adds it to "
            f"{config.path.name}{in_folders((message.folder,) if message.folder else ())} and "
            "fetches it itself, as `newstui add URL --here` does; the server and your other "
            "readers do not see it."
        )

        def answered(yes: bool | None) -> None:
            if yes and self._adding is None:
                self._start_adding(message.url)
                self._add_feed(message.url, message.folder, discover=False, here=True)

        box = ConfirmScreen("Not subscribed", question, yes="fetch it here")
        # "Adding …" goes before the box opens: the worker's own withdrawal, when it came after,
        # left it drawn on the screen behind the box until the box closed (r52 syncmore)
        if (adding := self._adding_notice) is not None:
            withdraw_notice(self.app, adding)
        self.app.call_after_refresh(self.app.push_screen, box, answered)

    def _on_feed_subscribed(self, message: FeedSubscribed) -> None:
        from newstui.tui.view import feed_view

        done = f"Subscribed to {message.name} on {message.server}{in_folders(message.folders)}"
        if message.error is not None:
            self.notify(f"{done}; {message.error}", severity="warning", markup=False)
        else:
            self.notify(f"{done}.", markup=False)
        self._say_not_queued(message.not_queued)
        self.sources.reload()
        if message.queued:  # (downloaded at once, as a refresh's)
            self.post_message(DownloadsQueued())
        if message.feed_id is not None:
            self.show_view(feed_view(message.feed_id, message.name))
            self.headlines.focus()

    def _on_feed_added(self, message: FeedAdded) -> None:
        from newstui.subscribe import has_articles
        from newstui.tui.view import feed_view

        self.config = message.config
        outcome = message.outcome
        got = counted(outcome.new, "article") if has_articles(outcome) else "no article yet"
        if message.kept and not has_articles(outcome):  # (as `newstui add` says it)
            got = f"{counted(message.kept, 'article')} kept"
        done = f"Added {outcome.name} to {message.config.path.name}{in_folders(message.folders)}: {got}."
        if outcome.warning:  # what the CLI's `add` prints too: a move written, a feed read anyway
            from newstui.tui.refresh import sentence

            self.notify(f"{done} {sentence(outcome.warning)}", severity="warning", markup=False)
        else:
            self.notify(done, markup=False)
        self._say_not_queued(message.not_queued)
        self.show_view(feed_view(message.feed_id, outcome.name))
        self.headlines.focus()
        self.sources.reload()
        if message.queued:  # (downloaded at once, as a refresh's)
            self.post_message(DownloadsQueued())

    def _say_not_queued(self, lines: tuple[str, ...]) -> None:
        """A warning for each feed whose new episodes `download_new` could not queue, as the
        CLI's `add` prints (the feed is added: its episodes can be downloaded by hand)."""
        for line in lines:
            self.notify(line, severity="warning", markup=False)


def add_without_sync(
    db_path: Path | str,
    config: Config,
    url: str,
    folder: str = "",
    answer: FeedAnswer | None = None,
) -> FeedAdded:
    """Add the feed at `url` as `newstui add` does (without [sync]), in `folder` ("" for none)
    as `add --tag` writes it (`answer`: what it answered discovery, not asked again): the
    message saying so, with the newest episodes `download_new` queued, or why they could not
    be."""
    from newstui.config import load_config
    from newstui.downloads import not_queued_line
    from newstui.library import Library
    from newstui.subscribe import add_feed

    with Library.open(db_path, threads=True) as library:
        # older versions' analyses are the app's stale pass's (not this add's wait)
        # and in a worker process: an article that kills it must not kill the app
        tags = (folder,) if folder else ()
        added = add_feed(
            library, config, url, None, tags, analyse_stale=False, analyse_here=False, answer=answer
        )
    config_now = load_config(config.path)
    return FeedAdded(
        added.feed_id,
        added.outcome,
        config_now,
        any(q.downloads for q in added.queued),
        tuple(not_queued_line(q) for q in added.queued if q.problem is not None),
        added.kept,
        added.entry.tags,
    )


def subscribe_and_sync(
    db_path: Path | str, config: Config, url: str, folder: str = ""
) -> FeedSubscribed:
    """With [sync]: subscribe to `url` on the server in `folder` ("" for none), as `newstui add
    --tag` does (its label there "News/Europe", the nested folder here), then sync so that its
    articles show (a refusal raises, and nothing changes here)."""
    import asyncio

    from newstui.downloads import EpisodesQueued, not_queued_line
    from newstui.ingest.server_sync import sync_with_server
    from newstui.library import Library
    from newstui.model import fold_url
    from newstui.subscribe import subscribe_on_server
    from newstui.sync.client import server_name

    assert config.sync is not None
    with Library.open(db_path, threads=True) as library:
        subscribe_on_server(library, config, url, None, folder or None)
        before = library.last_article_id()  # (what is stored after it is new: download_new)
        synced = asyncio.run(sync_with_server(library, config, analyse_here=False))
        queued: list[EpisodesQueued] = []
        if config.downloads_new_episodes:
            from newstui.downloads import queue_new_episodes

            queued = queue_new_episodes(library, config, before)
        source = next(
            (f for f in library.sources() if fold_url(f.url or "") == fold_url(url)), None
        )
    error = synced[0].error if synced else None
    name = source.name if source is not None else hide_url_password(url)
    return FeedSubscribed(
        url,
        server_name(config.sync.url),
        source.id if source else None,
        name,
        error,
        any(q.downloads for q in queued),
        tuple(not_queued_line(q) for q in queued if q.problem is not None),
        source.tags if source is not None else (),
    )
