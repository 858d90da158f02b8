"""Feed discovery: the feeds a web page announces with <link rel="alternate">."""

from __future__ import annotations

import pytest

from newstui.sources.discovery import FeedLink, feed_links, is_html_page

PAGE = b"""<!DOCTYPE html><html><head><title>Desk</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Desk &amp; Co news" href="/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://desk.example/atom">
<link rel="alternate" type="application/feed+json" title="JSON" href="feed.json">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" title="again" href="/rss.xml">
<link rel="alternate" type="application/rss+xml" title="bad" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml" title="ftp" href="ftp://desk.example/x">
</head><body>hi</body></html>"""


def test_every_announced_feed_is_found_with_relative_links_resolved():
    links = feed_links(PAGE, "https://desk.example/news/index.html", "text/html")

    assert links == [
        FeedLink("https://desk.example/rss.xml", "Desk & Co news", "RSS"),
        FeedLink("https://desk.example/atom", "", "Atom"),
        FeedLink("https://desk.example/news/feed.json", "JSON", "JSON Feed"),
    ]


def test_a_base_element_moves_relative_links():
    page = b'<html><head><base href="https://cdn.example/site/"><link rel="alternate" '
    page += b'type="application/atom+xml" href="atom.xml"></head></html>'

    [link] = feed_links(page, "https://desk.example/", None)

    assert link.url == "https://cdn.example/site/atom.xml"


def test_rel_and_type_are_read_as_browsers_do():
    page = b"<html><head><LINK REL='Alternate Home' TYPE='Application/RSS+XML; charset=utf-8' "
    page += b"HREF='/r'/></head></html>"

    assert [link.url for link in feed_links(page, "http://desk.example/a/", None)] == [
        "http://desk.example/r"
    ]


def test_a_title_with_control_characters_is_cleaned():
    page = b'<link rel="alternate" type="application/rss+xml" title="a\x1b]0;x\x07b" href="/r">'

    assert feed_links(page, "http://desk.example/", "text/html")[0].title == "ab"


def test_a_page_without_feed_links_has_none():
    assert feed_links(b"<html><head><title>x</title></head></html>", "http://d.example/") == []


@pytest.mark.parametrize(
    ("body", "content_type", "html"),
    [
        (b"<html><body>x</body></html>", "text/html; charset=utf-8", True),
        (b"<?xml version='1.0'?><rss version='2.0'></rss>", "text/html", False),
        (b"\xef\xbb\xbf<?xml version='1.0'?><!-- x --><feed xmlns='a'>", "text/html", False),
        (b"<rdf:RDF xmlns:rdf='x'>", "text/html; charset=utf-8", False),
        (b"<?xml version='1.0'?><!DOCTYPE html><html>", None, True),
        (b"<?xml version='1.0'?><rss version='2.0'></rss>", "application/rss+xml", False),
        (b"<!doctype html><p>x", None, True),
        (b"  <!-- hi --><html>", "application/octet-stream", True),
        (b"<rss version='2.0'></rss>", None, False),
        (b'{"version": "https://jsonfeed.org/version/1.1"}', "application/json", False),
    ],
)
def test_a_web_page_is_told_from_a_feed(body, content_type, html):
    assert is_html_page(body, content_type) is html
