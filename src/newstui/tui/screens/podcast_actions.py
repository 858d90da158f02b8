"""`d` queues the open article's enclosure for download (a choice when there are several) and
`P` plays it (the downloaded file, else the URL). Part of `MainScreen`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from newstui.config import Config, Settings, same_url
from newstui.counts import counted
from newstui.model import FulltextMode, carries_full_article, ends_like_a_teaser
from newstui.render import download_state, enclosures
from newstui.text import terminal_safe
from newstui.tui.download_runner import DownloadsQueued, play
from newstui.tui.mixins import ScreenMixin
from newstui.tui.shared_library import SharedLibrary

if TYPE_CHECKING:
    from textual.widget import Widget

    from newstui.library import Library
    from newstui.model import ArticleDetail, Download, Link
    from newstui.tui.config_on_disk import ConfigOnDisk
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.reader import Reader
    from newstui.tui.widgets.sources import SourcesPane


def keys_for_article(detail: ArticleDetail, fulltext: FulltextMode = "auto") -> tuple[str, ...]:
    """The ids of the keys on an article the footer offers for it: download and play on an
    episode, fetch the full text on a summary with a link whose page is not fetched (user test
    r42 M3: the footer on an episode named neither `d` nor `P`, nor `f` on a teaser). Where no
    page is fetched on purpose (its feed's `fulltext`: false; a podcast's episode, its show
    notes), only on a summary that ends as a teaser: `f` stood on every article of such a feed."""
    stored = detail.article
    attached = enclosures(stored)
    keys: tuple[str, ...] = ("article.download", "article.play") if attached else ()
    text = stored.text or stored.summary
    unfetched = stored.row.url and stored.fulltext_status != "ok" and not carries_full_article(text)
    wanted = (fulltext is not False and not attached) or ends_like_a_teaser(text)
    return (*keys, "article.fetch_fulltext") if unfetched and wanted else keys


def queued_line(new: list[Download], chosen: int) -> str:
    """What `d` on all of an article's enclosures did: how many it queued, and how many were
    queued or downloaded before."""
    before = chosen - len(new)
    line = f"Queued {counted(len(new), 'enclosure', 'enclosures')} (L: downloads)"
    if not before:
        return line
    return f"{line}; {before} of the {chosen} queued or downloaded before"


class PodcastActions(ScreenMixin):
    """Download and play the open article's enclosures."""

    # Provided by MainScreen.
    library: SharedLibrary
    headlines: HeadlineList
    sources: SourcesPane
    detail: ArticleDetail | None
    config: Config | None
    settings: Settings
    config_on_disk: ConfigOnDisk

    reader: Reader

    if TYPE_CHECKING:

        def with_detail(self, then: Callable[[ArticleDetail], object]) -> None: ...

        def _pane_of(self, widget: Widget | None) -> str | None: ...

    @property
    def footer_article_keys(self) -> tuple[str, ...]:
        """The ids of the keys the footer offers for the article shown (keys_for_article), while
        the headlines or the reader have focus."""
        detail = self.detail
        if detail is None or self._pane_of(self.focused) not in ("headlines", "reader"):
            return ()
        return keys_for_article(detail, self._fulltext_of(detail.article.row.feed_id))

    def _fulltext_of(self, feed_id: int) -> FulltextMode:
        """The `fulltext` setting of a feed: its entry's, else `[settings]`'."""
        if self.config is None:
            return self.settings.fulltext
        url = next((f.url for f in self.sources.feeds if f.id == feed_id), None)
        entry = next((f for f in self.config.feeds if url and same_url(f.url, url)), None)
        return entry.fulltext if entry is not None else self.settings.fulltext

    def _enclosure_then(
        self, verb: str, then: Callable[[ArticleDetail, tuple[Link, ...]], object], every: bool
    ) -> None:
        """Call `then` with the open article and the enclosures the user means (asking which
        when there are several; `every`: all of them may be chosen)."""
        self.with_detail(partial(self._choose_enclosure, verb, then, every))

    def _choose_enclosure(
        self,
        verb: str,
        then: Callable[[ArticleDetail, tuple[Link, ...]], object],
        every: bool,
        detail: ArticleDetail,
    ) -> None:
        attached = enclosures(detail.article)
        if not attached:
            self.notify("This article has no enclosure.", severity="warning")
            return
        if len(attached) == 1:
            then(detail, (attached[0],))
            return

        def chosen(links: tuple[Link, ...] | None) -> None:
            if links:
                then(detail, links)

        from newstui.tui.screens.enclosure_choice import EnclosureChoiceScreen

        title = f"{verb}: {terminal_safe(detail.article.row.title, line=True)}"
        self.app.push_screen(
            EnclosureChoiceScreen(title, attached, every=every, downloads=detail.downloads), chosen
        )

    def action_download(self) -> None:
        if self.config is None:
            self.notify("demo mode: nothing is downloaded", severity="warning")
            return
        self._enclosure_then("Download", self._queue, every=True)

    @work(group="write", exit_on_error=False)
    async def _queue(self, detail: ArticleDetail, links: tuple[Link, ...]) -> None:
        from newstui.downloads import (  # httpx: only once something is queued
            article_folder,
            enclosure_title,
            queue_enclosure,
        )

        article = detail.article.row
        attached = enclosures(detail.article)
        config = self.config

        def queue(library: Library) -> tuple[list[tuple[Download, bool]], str | None]:
            # download_dir as the file says it now, read off the loop (user test r48 L13)
            current, problem = self.config_on_disk.current(config) if config else (None, None)
            settings = current.settings if current is not None else self.settings
            return [
                queue_enclosure(
                    library,
                    article_folder(library, settings, article.id, link.url),
                    article.id,
                    enclosure_title(article.title, attached, link),
                    link,
                )
                for link in links
            ], problem

        queued, problem = await self.library.write(queue)
        if problem is not None:
            self.notify(problem, severity="error", markup=False, timeout=15)
        if len(queued) == 1:
            download, new = queued[0]
            name = terminal_safe(Path(download.path).name, line=True)
            if download.state == "done":  # (new: its file was there, whole, from before)
                self.notify(f"Already downloaded: {name}", markup=False)
            elif new:
                self.notify(f"Queued {name} (L: downloads)", markup=False)
            else:
                self.notify(f"Already {download.state}: {name} (L: downloads)", markup=False)
        else:
            self.notify(queued_line([d for d, new in queued if new], len(queued)), markup=False)
        self.post_message(DownloadsQueued())
        self.show_downloads([download for download, _ in queued])

    def show_download(self, download: Download) -> None:
        """Say under the open article how its download goes (queued, 45%, downloaded…)."""
        self.show_downloads([download])

    def show_downloads(self, downloads: list[Download]) -> None:
        """Say under the open article how these downloads go, the reader drawn once for all."""
        for download in downloads:  # its row in the headlines says it is downloaded
            if download.state == "done" and download.article_id is not None:
                self.headlines.update_row(download.article_id, downloaded=True)
        detail = self.detail
        if detail is None:
            return
        shown = {d.id: d for d in detail.downloads}
        changed = False
        for download in downloads:
            if download.article_id != detail.article.row.id:
                continue
            before = shown.get(download.id)
            if before is not None and download_state(before) == download_state(download):
                continue
            shown.pop(download.id, None)
            shown[download.id] = download  # (last: as each new state was appended)
            changed = True
        if changed:
            self.detail = replace(detail, downloads=tuple(shown.values()))
            self.reader.show_downloads(self.detail)

    def drop_download(self, download_id: int, article_id: int | None = None) -> None:
        """A download (of `article_id`, when known) was forgotten or deleted: the open article
        no longer says it is there, nor its row in the headlines (another of its downloads
        done, but for the open article's, is only known at the next reload)."""
        detail = self.detail
        if detail is None or not any(d.id == download_id for d in detail.downloads):
            if article_id is not None:
                self.headlines.update_row(article_id, downloaded=False)
            return
        self.detail = replace(
            detail, downloads=tuple(d for d in detail.downloads if d.id != download_id)
        )
        done = any(d.state == "done" for d in self.detail.downloads)
        self.headlines.update_row(detail.article.row.id, downloaded=done)
        self.reader.show_downloads(self.detail)

    def drop_deleted_files(
        self, detail: ArticleDetail | None, deleted: tuple[Download, ...]
    ) -> None:
        """The article shown had finished downloads whose file was deleted outside newstui (left
        out of `detail`): its row loses its ♪✓ unless another is there, and they leave the list
        (`d` downloads them again)."""
        if detail is not None:
            done = any(d.state == "done" for d in detail.downloads)
            self.headlines.update_row(detail.article.row.id, downloaded=done)
        self._forget_deleted_files(deleted)

    @work(group="write", exit_on_error=False)
    async def _forget_deleted_files(self, deleted: tuple[Download, ...]) -> None:
        from newstui.downloads import drop_deleted_files

        await self.library.write(lambda library: drop_deleted_files(library, deleted))

    def action_play(self) -> None:
        self._enclosure_then("Play", self._play, every=False)

    @work(group="play", exit_on_error=False)
    async def _play(self, detail: ArticleDetail, links: tuple[Link, ...]) -> None:
        """Play the enclosure's download if there is one, read off the event loop."""
        link = links[0]
        article_id = detail.article.row.id
        found = await self.library.read(
            lambda library: [d for d in library.downloads.all(article_id) if d.url == link.url]
        )
        play(self.app, self.config, found[0] if found else None, link.url)
