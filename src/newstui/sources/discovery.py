"""Feed discovery: the feeds a web page announces with `<link rel="alternate" type="…">`, so
`newstui add https://site/` can follow them instead of failing to parse HTML as a feed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newstui.errors import SourceError, hide_url_password
from newstui.sources.feed_links import FeedLink, feed_links, is_html_page
from newstui.sources.http import FetchLimits, FetchResult, PageFetcher
from newstui.text import clean_line

__all__ = ["FeedAnswer", "FeedLink", "discover_feeds", "feed_links", "is_html_page"]


@dataclass(frozen=True)
class FeedAnswer:
    """What `url` answered discovery when it is not a web page: the feed's response, or the
    failure a fetch of it meets (an HTTP error, a timeout). The trial fetch of `add` takes it
    as its own, so the feed is requested once (user test r55 MED-1: twice, and a timeout took
    twice the time its message named)."""

    url: str
    result: FetchResult | None = None
    error: SourceError | None = None


def answering(
    answer: FeedAnswer, open_fetcher: Callable[[FetchLimits], PageFetcher]
) -> Callable[[FetchLimits], PageFetcher]:
    """A fetcher opener like `open_fetcher` whose fetchers answer the first request of
    `answer.url` with `answer` (its response, or its failure raised) and ask the network for
    everything else (the articles' pages)."""
    left = [answer]  # (taken by the first request of its URL, whichever fetcher makes it)

    class _Answering:
        def __init__(self, limits: FetchLimits) -> None:
            self._fetcher = open_fetcher(limits)

        async def __aenter__(self) -> _Answering:
            await self._fetcher.__aenter__()
            return self

        async def __aexit__(self, *exc: object) -> None:
            await self._fetcher.__aexit__(*exc)

        async def fetch(
            self,
            url: str,
            *,
            etag: str | None = None,
            last_modified: str | None = None,
            accept: str = "*/*",
        ) -> FetchResult:
            if left and url == left[0].url:
                held = left.pop()
                if held.error is not None:
                    raise held.error
                if held.result is not None:
                    return held.result
            return await self._fetcher.fetch(
                url, etag=etag, last_modified=last_modified, accept=accept
            )

    return _Answering


async def discover_feeds(fetcher: PageFetcher, url: str) -> list[FeedLink] | FeedAnswer:
    """The feeds the web page at `url` announces (at least one), or, when `url` is not a web
    page, its answer: a feed, or a failure the feed fetch will report (an HTTP error, a
    timeout). SourceError for a web page that announces none, naming where a redirect led (a
    Wi-Fi login page answers every address so: user test r46 L1, the user blamed the URL)."""
    try:
        result = await fetcher.fetch(
            url,
            accept="text/html, application/xhtml+xml, application/rss+xml, "
            "application/atom+xml, application/feed+json, */*;q=0.8",
        )
    except SourceError as exc:
        return FeedAnswer(url, error=exc)
    if not is_html_page(result.body, result.content_type):
        return FeedAnswer(url, result=result)
    links = feed_links(result.body, result.url, result.content_type)
    if links:
        return links
    if result.url == url:
        raise SourceError(f"{url}: this is an HTML page, not a feed (no feed link found)")
    landed = clean_line(hide_url_password(result.url), 300)
    raise SourceError(
        f"{url}: redirected to {landed}, an HTML page, not a feed (no feed link found; "
        "a Wi-Fi login page?)"
    )
