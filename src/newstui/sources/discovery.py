"""Feed discovery: the feeds a web page announces with `<link rel="alternate" type="…">`, so
`newstui add https://site/` can follow them instead of failing to parse HTML as a feed."""

from __future__ import annotations

from newstui.errors import SourceError, hide_url_password
from newstui.sources.feed_links import FeedLink, feed_links, is_html_page
from newstui.sources.http import PageFetcher
from newstui.text import clean_line

__all__ = ["FeedLink", "discover_feeds", "feed_links", "is_html_page"]


async def discover_feeds(fetcher: PageFetcher, url: str) -> list[FeedLink] | None:
    """The feeds the web page at `url` announces (at least one), or None when `url` is not a web
    page: a feed, or an answer the feed fetch will report (an HTTP error, a timeout).
    SourceError for a web page that announces none, naming where a redirect led (a Wi-Fi login
    page answers every address so: user test r46 L1, the user blamed the URL)."""
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
