"""The parts of feedparser the XML reader keeps a copy of are feedparser's own, and reading a
well-formed feed does not import feedparser (what the copies are for)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import ACCEPTABLE_URI_SCHEMES, _urifixer
from feedparser.urls import make_safe_absolute_uri as feedparsers

from newstui.sources import feedparser_parts
from newstui.sources.feedparser_parts import make_safe_absolute_uri

BENCH_LIKE_RSS = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
    "<link>https://example.com/</link><item><title>One</title><link>https://example.com/1</link>"
    "<guid>g-1</guid><author>desk@example.com (Ana Lopes)</author>"
    "<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>"
    "<description><![CDATA[<p>“Hi,” she said in <b>Paris</b>.</p>]]></description>"
    "</item></channel></rss>"
)


def test_the_handled_elements_are_feedparsers():
    handlers = {
        name.split("_", 2)[2]
        for name in dir(_FeedParserMixin)
        if name.startswith(("_start_", "_end_"))
    }
    assert handlers == feedparser_parts.HANDLED


def test_the_namespaces_uri_keys_and_schemes_are_feedparsers():
    assert _FeedParserMixin.namespaces == feedparser_parts.NAMESPACES
    assert _FeedParserMixin.can_be_relative_uri == feedparser_parts.RELATIVE_URI_KEYS
    assert feedparser_parts.ACCEPTABLE_URI_SCHEMES == ACCEPTABLE_URI_SCHEMES
    assert feedparser_parts.URIFIXER.pattern == _urifixer.pattern


BASES = [
    "https://feeds.example/dir/feed.xml",
    "http://127.0.0.1:8080/a/b?q=1#f",
    "HTTP://Feeds.Example/x",
    "javascript:alert(1)",
    "feed://example.com/rss",
    "file:///etc/passwd",
    "data:text/html,x",
    "http://[::1",
    "",
    "no scheme/at all",
    "https:////example.com/x",
]
RELATIVES = [
    None,
    "",
    "story.html",
    "/root/path",
    "../up",
    "//other.example/x",
    "https://abs.example/y",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "mailto:someone@example.com",
    "http:///three/slashes",
    "http://[::1",
    " https://spaced.example/ ",
    "?query",
    "#fragment",
]


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("rel", RELATIVES)
def test_safe_absolute_uris_are_made_as_feedparser_makes_them(base, rel):
    assert make_safe_absolute_uri(base, rel) == feedparsers(base, rel)


def test_a_well_formed_feed_is_read_without_importing_feedparser():
    code = (
        "import sys\n"
        "from newstui.processes import parse_document\n"
        f"feed = parse_document({BENCH_LIKE_RSS.encode()!r}, 'https://example.com/feed.xml',"
        " 'application/rss+xml')\n"
        "assert [a.title for a in feed.articles] == ['One'], feed\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'feedparser'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_feed_that_needs_feedparser_still_gets_it():
    code = (
        "import sys\n"
        "from newstui.sources.feeds import parse_feed\n"
        "body = b'<rss version=\"0.91\"><channel><title>Old</title><item><title>A'"
        " b'</title><description>x &amp; y</description></item></channel></rss>'\n"
        "feed = parse_feed(body, 'https://example.com/feed.xml', 'text/xml')\n"
        "assert [a.title for a in feed.articles] == ['A'], feed\n"
        "print('feedparser' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
