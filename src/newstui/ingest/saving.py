"""Parsed feeds' articles stored a few feeds a transaction during a fetch."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from functools import partial

from newstui.article_rows import PreparedArticle
from newstui.ingest.collector import collector_paused
from newstui.ingest.parsing import Parsing
from newstui.library import Library
from newstui.model import SaveResult

SAVE_GROUP_WAIT = 0.05  # seconds a parsed feed waits for others to share its transaction
SAVE_GROUP_ARTICLES = 250  # articles after which a group is stored without waiting


class Saving:
    """Parsed feeds' articles stored a few feeds a transaction: a feed waits up to
    SAVE_GROUP_WAIT for others parsed meanwhile (or until SAVE_GROUP_ARTICLES are waiting), then
    all are saved with one commit, each feed still alone in its outcome (a feed that fails to
    save fails alone). A commit a feed cost 0.15-0.23 s of CPU more per 200 feeds of 50 new
    articles (1.24 s) than one for three to ten feeds. A feed that joins a group once no other
    can come (every request over, no document left to parse) stores it at once: the last
    group of a fetch waited out the timer (up to 50 ms at the end of a cold fetch, both
    processes idle). `analysed_as`: see Library.save_batch."""

    def __init__(
        self,
        library: Library,
        analysed_as: str | None,
        parsing: Parsing,
        before_store: Callable[[], None] | None = None,
    ) -> None:
        self.library, self.analysed_as, self.parsing = library, analysed_as, parsing
        self.before_store = before_store  # called before each group's transaction
        # (feed id, articles, the address the document was read from, the feed's result)
        self._group: list[
            tuple[int, Sequence[PreparedArticle], str, asyncio.Future[SaveResult]]
        ] = []
        self._articles = 0
        self._full: asyncio.Future[None] | None = None  # set when the group is full

    async def save(
        self, feed_id: int, articles: Sequence[PreparedArticle], read_from: str
    ) -> SaveResult:
        """Store one feed's articles (as Library.save_batch) in the next group's transaction;
        `read_from`: the address its document came from (after redirects), which imported
        marks' guids are resolved against as its own were."""
        done: asyncio.Future[SaveResult] = asyncio.get_running_loop().create_future()
        self._group.append((feed_id, articles, read_from, done))
        self._articles += len(articles)
        if len(self._group) == 1:  # the first of a group stores it
            self._full = None
            # others may join while documents are being parsed (a lone feed is stored at once)
            others = self.parsing.in_flight > 0 and self._articles < SAVE_GROUP_ARTICLES
            try:
                if others:
                    await self._wait_for_others()
            finally:  # cancelled too: the others of the group are not left waiting
                self._store()
        elif self._full is not None and (
            self._articles >= SAVE_GROUP_ARTICLES or self.parsing.none_coming
        ):
            _settle(self._full)
        return await done

    async def _wait_for_others(self) -> None:
        """Until the group is full or SAVE_GROUP_WAIT has passed. A future and a timer, not
        asyncio.wait_for: no task is made and dropped for each group (a signal's Stopped
        raised while Python drops a task, in a weak reference's callback, would be lost)."""
        loop = asyncio.get_running_loop()
        self._full = loop.create_future()
        timer = loop.call_later(SAVE_GROUP_WAIT, _settle, self._full)
        try:
            await self._full
        finally:
            timer.cancel()

    def _store(self) -> None:
        group, self._group, self._articles = self._group, [], 0
        if self.before_store is not None:
            self.before_store()
        try:
            with collector_paused():
                results = self.library.save_batches(
                    [(feed_id, articles) for feed_id, articles, _, _ in group],
                    analysed_as=self.analysed_as,
                    guid_as_fetched={
                        feed_id: _guid_as_fetched(read_from) for feed_id, _, read_from, _ in group
                    },
                )
        except Exception as exc:  # the transaction itself failed: every feed of the group
            results = [exc] * len(group)
        for (_, _, _, done), result in zip(group, results, strict=True):
            if done.done():  # its feed was cancelled
                continue
            if isinstance(result, Exception):
                done.set_exception(result)
            else:
                done.set_result(result)


def _guid_as_fetched(read_from: str) -> Callable[[str], str | None]:
    """How a fetch of a feed read from `read_from` stores a guid newsboat keeps as written."""
    return partial(_resolved_guid, feed_url=read_from)


def _resolved_guid(written: str, feed_url: str) -> str | None:
    """newsboat_cache.guid_as_fetched, imported at its first call: only a store holding marks
    imported from newsboat that wait for their articles calls it, and its module loads lxml and
    the HTML cleaner (~40 ms of CPU in the fetching process, which parses nothing itself when
    workers parse)."""
    from newstui.sources.newsboat_cache import guid_as_fetched

    return guid_as_fetched(written, feed_url)


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
