"""`d` queues the open article's enclosure for download (a choice when there are several) and
`P` plays it (the downloaded file, else the URL). Part of `MainScreen`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from newstui.config import Config, Settings, download_folder
from newstui.render import download_state, enclosures
from newstui.text import terminal_safe
from newstui.tui.download_runner import DownloadsQueued, play
from newstui.tui.mixins import ScreenMixin
from newstui.tui.shared_library import SharedLibrary

if TYPE_CHECKING:
    from newstui.model import ArticleDetail, Download, Link
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.reader import Reader


class PodcastActions(ScreenMixin):
    """Download and play the open article's enclosures."""

    # Provided by MainScreen.
    library: SharedLibrary
    headlines: HeadlineList
    detail: ArticleDetail | None
    config: Config | None
    settings: Settings

    reader: Reader

    if TYPE_CHECKING:

        def with_detail(self, then: Callable[[ArticleDetail], object]) -> None: ...

    def _enclosure_then(self, verb: str, then: Callable[[ArticleDetail, Link], object]) -> None:
        """Call `then` with the open article and the enclosure the user means (asking which
        when there are several)."""
        self.with_detail(partial(self._choose_enclosure, verb, then))

    def _choose_enclosure(
        self, verb: str, then: Callable[[ArticleDetail, Link], object], detail: ArticleDetail
    ) -> None:
        attached = enclosures(detail.article)
        if not attached:
            self.notify("This article has no enclosure.", severity="warning")
            return
        if len(attached) == 1:
            then(detail, attached[0])
            return

        def chosen(link: Link | None) -> None:
            if link is not None:
                then(detail, link)

        from newstui.tui.screens.enclosure_choice import EnclosureChoiceScreen

        title = f"{verb}: {terminal_safe(detail.article.row.title, line=True)}"
        self.app.push_screen(EnclosureChoiceScreen(title, attached), chosen)

    def action_download(self) -> None:
        if self.config is None:
            self.notify("demo mode: nothing is downloaded", severity="warning")
            return
        self._enclosure_then("Download", self._queue)

    @work(group="write", exit_on_error=False)
    async def _queue(self, detail: ArticleDetail, link: Link) -> None:
        from newstui.downloads import queue_enclosure  # httpx: only once something is queued

        folder = download_folder(self.settings)
        article = detail.article.row
        download, new = await self.library.write(
            lambda library: queue_enclosure(library, folder, article.id, article.title, link)
        )
        name = terminal_safe(Path(download.path).name, line=True)
        if download.state == "done":  # (new: its file was there, whole, from before)
            self.notify(f"Already downloaded: {name}", markup=False)
        elif new:
            self.notify(f"Queued {name} (L: downloads)", markup=False)
        else:
            self.notify(f"Already {download.state}: {name} (L: downloads)", markup=False)
        self.post_message(DownloadsQueued())
        self.show_download(download)

    def show_download(self, download: Download) -> None:
        """Say under the open article how its download goes (queued, 45%, downloaded…)."""
        detail = self.detail
        if detail is None or download.article_id != detail.article.row.id:
            return
        before = next((d for d in detail.downloads if d.id == download.id), None)
        if before is not None and download_state(before) == download_state(download):
            return
        others = tuple(d for d in detail.downloads if d.id != download.id)
        self.detail = replace(detail, downloads=(*others, download))
        self.reader.show(self.detail)

    def drop_download(self, download_id: int) -> None:
        """A download was forgotten or deleted: the open article no longer says it is there."""
        detail = self.detail
        if detail is None or not any(d.id == download_id for d in detail.downloads):
            return
        self.detail = replace(
            detail, downloads=tuple(d for d in detail.downloads if d.id != download_id)
        )
        self.reader.show(self.detail)

    def action_play(self) -> None:
        self._enclosure_then("Play", self._play)

    @work(group="play", exit_on_error=False)
    async def _play(self, detail: ArticleDetail, link: Link) -> None:
        """Play the enclosure's download if there is one, read off the event loop."""
        article_id = detail.article.row.id
        found = await self.library.read(
            lambda library: [d for d in library.downloads.all(article_id) if d.url == link.url]
        )
        play(self.app, self.config, found[0] if found else None, link.url)
