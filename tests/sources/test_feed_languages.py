"""The language a feed declares (RSS <language>, Atom's xml:lang, JSON Feed's `language`) and
the one an entry declares for itself are read as tags, in lower case; anything else declares
nothing (a feed's untrusted text is never stored as a language)."""

from __future__ import annotations

import json

import pytest

from newstui.sources.feeds import language_tag, parse_feed

URL = "http://127.0.0.1/feed"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Tagesschau</title><link>https://example.de/</link><language>de-DE</language>
<item><title>Schuldenbremse</title><guid>t1</guid>
<description>Die Bundesregierung will die Schuldenbremse lockern.</description></item>
<item><title>Grève</title><guid>t2</guid><dc:language>fr</dc:language>
<description>Grève à la SNCF : trafic perturbé jeudi.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR"><title>Le Fil</title>
<id>urn:fil</id><updated>2026-12-07T08:00:00Z</updated>
<entry><title>Budget</title><id>urn:fil:1</id><updated>2026-12-07T08:00:00Z</updated>
<content type="text">Le gouvernement présentera mercredi son budget.</content></entry>
<entry xml:lang="de"><title>Stau</title><id>urn:fil:2</id><updated>2026-12-07T08:00:00Z</updated>
<content type="text">Stau auf der Autobahn zwischen Köln und Bonn.</content></entry>
</feed>"""


def json_feed(language: object, item_language: object = None) -> bytes:
    item: dict[str, object] = {"id": "1", "title": "Bahnstreik", "content_text": "GDL streikt."}
    if item_language is not None:
        item["language"] = item_language
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Nachrichten",
        "language": language,
        "items": [item],
    }
    return json.dumps(feed).encode()


@pytest.mark.parametrize("fast", [True, False])  # (lxml's reading and feedparser's alike)
def test_an_rss_feed_declares_its_language_and_an_item_its_own(fast):
    feed = parse_feed(RSS.encode(), URL, "application/rss+xml", fast=fast)
    assert feed.language == "de-de"
    assert [a.language for a in feed.articles] == ["de-de", "fr"]
    # whose word it is (user test r50 LOW-6: an item that declares nothing has its feed's)
    assert [a.language_of_feed for a in feed.articles] == [True, False]


@pytest.mark.parametrize("fast", [True, False])
def test_an_atom_feed_declares_its_language_by_xml_lang_and_an_entry_its_own(fast):
    feed = parse_feed(ATOM.encode(), URL, "application/atom+xml", fast=fast)
    assert feed.language == "fr-fr"
    assert [a.language for a in feed.articles] == ["fr-fr", "de"]
    assert [a.language_of_feed for a in feed.articles] == [True, False]  # (xml:lang in scope)


def test_a_json_feed_declares_its_language_and_an_item_its_own():
    feed = parse_feed(json_feed("de"), URL)
    assert (feed.language, feed.articles[0].language) == ("de", "de")
    assert feed.articles[0].language_of_feed
    feed = parse_feed(json_feed("de", "en-GB"), URL)
    assert (feed.language, feed.articles[0].language) == ("de", "en-gb")
    assert not feed.articles[0].language_of_feed


def test_a_feed_that_declares_no_language_has_none():
    rss = RSS.replace("<language>de-DE</language>", "")
    feed = parse_feed(rss.encode(), URL, "application/rss+xml")
    assert feed.language is None
    assert [a.language for a in feed.articles] == [None, "fr"]
    assert [a.language_of_feed for a in feed.articles] == [False, False]
    assert parse_feed(json_feed(None), URL).language is None


@pytest.mark.parametrize(
    "written",
    [
        "German",
        "Deutsch",
        "d",
        "de de",
        "<b>de</b>",
        "de\x1b[31m",
        "und",  # undetermined
        "mul",  # several
        "zxx",  # no linguistic content
        "x-klingon",
        "de-" + "a" * 40,
        "",
        "  ",
    ],
)
def test_what_is_no_language_tag_declares_nothing(written):
    assert language_tag(written) is None
    feed = parse_feed(json_feed(written), URL)
    assert (feed.language, feed.articles[0].language) == (None, None)
    rss = RSS.replace("de-DE", written).replace("<dc:language>fr</dc:language>", "")
    parsed = parse_feed(rss.encode(), URL, "application/rss+xml")
    assert parsed.language is None and {a.language for a in parsed.articles} == {None}


@pytest.mark.parametrize(
    ("written", "tag"),
    [("de", "de"), (" DE-de ", "de-de"), ("en_US", "en-us"), ("zh-Hant-TW", "zh-hant-tw")],
)
def test_a_language_tag_is_kept_in_lower_case(written, tag):
    assert language_tag(written) == tag


def test_a_json_feed_language_that_is_no_string_declares_nothing():
    for value in (7, ["de"], {"de": 1}, True):
        feed = parse_feed(json_feed(value, value), URL)
        assert (feed.language, feed.articles[0].language) == (None, None)
