"""Feed discovery: the feeds a web page announces with `<link rel="alternate" type="…">`, so
`newstui add https://site/` can follow them instead of failing to parse HTML as a feed."""

from __future__ import annotations

from newstui.errors import SourceError
from newstui.sources.feed_links import FeedLink, feed_links, is_html_page
from newstui.sources.http import PageFetcher

__all__ = ["FeedLink", "discover_feeds", "feed_links", "is_html_page"]


async def discover_feeds(fetcher: PageFetcher, url: str) -> list[FeedLink] | None:
    """The feeds the web page at `url` announces (maybe none), or None when `url` is not a web
    page: a feed, or an answer the feed fetch will report (an HTTP error, a timeout)."""
    try:
        result = await fetcher.fetch(
            url,
            accept="text/html, application/xhtml+xml, application/rss+xml, "
            "application/atom+xml, application/feed+json, */*;q=0.8",
        )
    except SourceError:
        return None
    if not is_html_page(result.body, result.content_type):
        return None
    return feed_links(result.body, result.url, result.content_type)
