"""Links in article bodies resolve exactly as urllib's urljoin resolves them, a malformed link
drops that link only (never the article or its feed), and broken markup loses no words."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newstui.sources.feeds import parse_feed
from newstui.sources.html import html_to_text, joiner_for, url_joiner
from newstui.sources.lxml_feeds import feedparser_join

BASES = [
    "https://news.example/feed.xml",
    "http://news.example:8080/a/b/feed?x=1#top",
    "HTTPS://User@News.Example/dir/",
    "https://[::1]/feed",
    "file:///home/me/feeds/local.xml",
    "local:/home/me/notes",
    "https://news.example",
    "http://127.0.0.1:8080/c/feed0.xml",
    "https://news.example/a/b/",
    "https://news.example/a//b/feed",  # an empty segment, which urljoin drops
    "https://news.example/a/./b/../feed",  # dot segments in the base
    "https://news.example/.well-known/feed",
    "https://news.example/a;p/feed;q?x",
    "https://news.example/a%2F/b~c/feed@x",
    "https://[::1/feed",  # malformed: urljoin raises for every link
    "mailto:desk@news.example",
]
# pieces that reach every rule of the fast join: dot segments, params, empty query/fragment,
# brackets, case, white space and controls, other schemes, protocol-relative links
PIECES = st.sampled_from(
    ["/", "//", "a", "B9", ".", "..", "/.", "/..", "./", "?", "#", ";", "=", "&", "%20", ":",
     "@", "[", "]", "::1", " ", "\t", "\n", "\x00", "é", "~", "-", "_", "+", "http:", "https:",
     "HTTP:", "ftp:", "javascript:", "//host", "news.example", "x.html", "?q=1", "#frag"]
)  # fmt: skip
HREFS = st.lists(PIECES, max_size=8).map("".join)


def joined(base: str, href: str) -> str | type[ValueError]:
    try:
        return url_joiner(base)(href)
    except ValueError:
        return ValueError


def by_urllib(base: str, href: str) -> str | type[ValueError]:
    try:
        return urljoin(base, href)
    except ValueError:
        return ValueError


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(BASES), HREFS)
@example("https://news.example/feed.xml", "/2026/11/30/story.html")
@example("https://news.example/feed.xml", "/a/./b")
@example("https://news.example/feed.xml", "/a/../b")
@example("https://news.example/feed.xml", "/a;p")
@example("https://news.example/feed.xml", "/a?")
@example("https://news.example/feed.xml", "/a?#f")
@example("https://news.example/feed.xml", "https://other.example/x?utm=rss#c")
@example("https://news.example/feed.xml", "http://other.example")
@example("https://news.example/feed.xml", "https://other.example?q")
@example("https://news.example/feed.xml", "https://other.example/a#")
@example("https://news.example/feed.xml", "http://[::1/x")
@example("http://news.example:8080/a/b/feed?x=1#top", "/x")
@example("http://127.0.0.1:8080/c/feed0.xml", "b-0-0")  # a relative guid (feedparser resolves it)
@example("https://news.example/a/b/", "c/d.html?q=1#f")
@example("https://news.example/a/b/", "c//d")
@example("https://news.example/a/b/", "c/./d")
@example("https://news.example/a/b/", "..c/d.")
@example("https://news.example", "c")
@example("https://news.example/a/b/", "c?")
@example("https://news.example/a/b/", "mailto:c")
def test_links_resolve_as_urljoin_resolves_them(base: str, href: str) -> None:
    assert joined(base, href) == by_urllib(base, href)


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from([*BASES, ""]), HREFS)
@example("http://127.0.0.1:8080/c/feed0.xml", "b-0-0")
@example("https://news.example/feed.xml", "http:///x")
@example("https://news.example/feed.xml", "https:////x/y")
def test_feed_fields_resolve_as_feedparser_resolves_them(base: str, href: str) -> None:
    # the lxml reader's links and guids: feedparser's slash repair, urljoin, '' when malformed
    from feedparser.urls import _urljoin

    assert feedparser_join(base, href) == _urljoin(base, href)


def test_without_a_base_links_stay_as_written() -> None:
    assert url_joiner(None)("/x") == "/x"
    assert url_joiner("")("https://e.example/") == "https://e.example/"


@pytest.mark.parametrize("href", ["http://[oops/x", "https://[::1/", "//[v1.x"])
def test_a_malformed_link_is_dropped_and_the_text_kept(href: str) -> None:
    text, links = html_to_text(
        f'<p>Before <a href="{href}">bad</a> and <a href="/good">good</a>.</p>',
        "https://news.example/feed.xml",
    )
    assert text == "Before bad and good."
    assert [link.url for link in links] == ["https://news.example/good"]


def test_a_malformed_link_in_one_entry_never_stops_the_feed() -> None:
    items = "".join(
        f"<item><title>t{i}</title><guid>g{i}</guid>"
        f'<description><![CDATA[<p>Body {i} <a href="{href}">x</a></p>]]></description></item>'
        for i, href in enumerate(["http://[oops/", "/fine"])
    )
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
        f"{items}</channel></rss>"
    )
    for fast in (True, False):
        parsed = parse_feed(body.encode(), "https://news.example/feed.xml", fast=fast)
        assert [a.text for a in parsed.articles] == ["Body 0 x", "Body 1 x"]
        assert [[lk.url for lk in a.links] for a in parsed.articles] == [
            [],
            ["https://news.example/fine"],
        ]


def test_words_after_a_stray_closing_body_tag_are_kept() -> None:
    """Broken markup closes the body early; what follows is still the article's text (it was
    dropped while the walk started at lxml.html's fragment root), and still only text."""
    text, links = html_to_text(
        '<p>First</p></body><p>Second <a href="/more">more</a></p><script>x()</script>',
        "https://news.example/feed.xml",
    )
    assert text == "First\n\nSecond more"
    assert [(link.url, link.offset) for link in links] == [("https://news.example/more", 18)]


def test_the_articles_of_one_feed_share_one_joiner_that_joins_as_urljoin() -> None:
    base = "https://news.example/dir/feed.xml"
    assert joiner_for(base) is joiner_for(base)
    for href in ("story.html", "/root", "../up", "https://other.example/x", "?q=1"):
        assert joiner_for(base)(href) == urljoin(base, href)
    assert joiner_for(None)("/x") == "/x"
