"""The lxml reader of well-formed RSS 2.0 / Atom stores exactly what feedparser's reading stores,
for every feed document the tests know; it declines what it does not reproduce."""

from __future__ import annotations

import calendar
import time

import pytest
from feedparser.datetimes import _parse_date
from feedparser.mixin import _FeedParserMixin

from newstui.errors import SourceError
from newstui.sources.feeds import ParsedFeed, _timegm, parse_feed
from newstui.sources.lxml_feeds import _looks_like_html, _mapped_type, parsed_date, read_well_formed
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from tests.sources.feed_corpus import MADE, bench_documents, every_document, fixture_files

URL = "https://feeds.example/dir/feed.xml"
CONTENT_TYPES = [None, "application/rss+xml; charset=utf-8", "application/atom+xml", "text/xml"]
DOCUMENTS = every_document()
READ_BY_LXML = {
    "rss plain",
    "rss permalink guid becomes link",
    "rss relative guid, link and not-permalink",
    "rss html title",
    "rss content and description",
    "rss dates",
    "rss authors",
    "rss enclosures",
    "rss xml:base",
    "rss channel xml:base",
    "rss atom link",
    "rss harmless extensions",
    "rss repaired text",
    "rss without declaration",
    "rss bom",
    "atom plain",
    "atom content and summary",
    "atom links",
    "atom author text only",
    "atom xml:base",
    "rss languages",
    "atom languages",
}

STORED = """SELECT guid, url, title, author, published, summary, text, links,
    content_hash, language FROM articles ORDER BY id"""


def read(body: bytes, content_type: str | None, *, fast: bool) -> ParsedFeed | str:
    try:
        return parse_feed(body, URL, content_type, fast=fast)
    except SourceError as exc:
        return f"error: {exc}"


def stored(parsed: ParsedFeed) -> list[tuple[object, ...]]:
    db = open_db(":memory:")
    feed_id = ensure_feed(db, URL, "Feed", url=URL)
    save_articles(db, feed_id, parsed.articles)
    return [tuple(row) for row in db.execute(STORED).fetchall()]


@pytest.mark.parametrize("content_type", CONTENT_TYPES)
@pytest.mark.parametrize(("where", "body"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_both_readers_store_the_same_articles(where, body, content_type):
    slow = read(body, content_type, fast=False)
    fast = read(body, content_type, fast=True)
    if isinstance(slow, str) or isinstance(fast, str):
        assert fast == slow
        return
    assert (fast.title, fast.site_url, fast.warning, fast.language) == (
        slow.title,
        slow.site_url,
        slow.warning,
        slow.language,
    )
    assert len(fast.articles) == len(slow.articles)
    for mine, theirs in zip(fast.articles, slow.articles, strict=True):
        assert mine == theirs  # every field: title, text, guid, url, author, dates, links
    assert stored(fast) == stored(slow)


@pytest.mark.parametrize(
    ("where", "body"),
    [
        *[(name, body) for name, body in fixture_files() if name in ("rss2.xml", "atom.xml")],
        *bench_documents(2),
        *[(name, body) for name, body in MADE if name in READ_BY_LXML],
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_common_well_formed_feeds_are_read_by_lxml(where, body):
    assert read_well_formed(body, URL, "application/rss+xml; charset=utf-8") is not None


@pytest.mark.parametrize(
    "name",
    [
        "rss special extensions",  # media:title would become the title in feedparser
        "rss repeated fields",
        "rss markup in title",
        "rss latin-1",
        "atom xhtml",
        "atom src content",
        "atom bare lang",  # feedparser reads a bare lang attribute as xml:lang
        "ill-formed",
        "rdf",
    ],
)
def test_what_it_does_not_reproduce_goes_to_feedparser(name):
    body = dict(MADE)[name]
    assert read_well_formed(body, URL, None) is None
    assert not isinstance(read(body, None, fast=True), str) or name == "ill-formed"


def test_a_document_type_declaration_or_deep_nesting_goes_to_feedparser():
    doctype = b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://x/rss.dtd"><rss version="2.0">'
    doctype += b"<channel><title>T</title></channel></rss>"
    assert read_well_formed(doctype, URL, None) is None
    deep = b'<rss version="2.0"><channel><title>T</title><item><x:a xmlns:x="urn:x">'
    deep += b"<x:a>" * 300 + b"</x:a>" * 300 + b"</x:a><title>Deep</title></item></channel></rss>"
    fast = read(deep, None, fast=True)
    assert not isinstance(fast, str) and [a.title for a in fast.articles] == ["Deep"]


def test_text_xml_and_other_charsets_are_left_to_feedparser():
    body = dict(MADE)["rss plain"]
    assert read_well_formed(body, URL, "text/xml") is None
    assert read_well_formed(body, URL, "application/xml; charset=iso-8859-1") is None
    assert read_well_formed(body, URL, "text/html") is None


_DATES = [
    f"{day}, {date} {zone}"
    for day in ("Mon", "Sun")
    for date in (
        "01 Nov 2026 09:30:05",
        "1 Jan 1970 00:00:00",
        "31 Dec 9999 23:59:59",
        "01 Jan 0001 00:00:00",
        "29 Feb 2024 12:00:00",
        "29 Feb 2023 12:00:00",  # no such day: feedparser's other handlers have their say
        "31 Apr 2026 10:00:00",
        "00 Mar 2026 10:00:00",
        "15 Jun 2026 24:00:00",
        "15 Jun 2026 23:60:00",
        "15 Jun 2026 23:59:60",
        "5 Aug 0099 01:02:03",
    )
    for zone in ("GMT", "UTC", "UT", "Z", "+0000", "-0000", "+0530", "-0500", "+1400", "-9959")
]


@pytest.mark.parametrize("value", [*_DATES, "Mon, 01 Nov 2026 09:30:05 EST", "2026-11-01"])
def test_dates_are_read_as_feedparser_reads_them(value):
    assert parsed_date(value) == _parse_date(value)


@pytest.mark.parametrize("value", _DATES)
def test_a_read_date_is_the_moment_calendar_computes(value):
    parsed = parsed_date(value)
    if parsed is not None:
        assert _timegm(parsed) == calendar.timegm(parsed)


def test_seconds_since_the_epoch_are_calendars_across_the_years():
    for stamp in range(-62_135_596_800, 253_402_300_800, 86_399 * 997):
        moment = time.gmtime(stamp)
        assert _timegm(moment) == calendar.timegm(moment) == stamp


@pytest.mark.parametrize(
    "kind", ["text", "TEXT", "plain", "Plain", "html", "HTML", "xhtml", "XHTML", "text/html", ""]
)
def test_content_types_are_mapped_as_feedparser_maps_them(kind):
    assert _mapped_type(kind) == _FeedParserMixin.map_content_type(kind)


@pytest.mark.parametrize(
    "title",
    ["Plain", "A &amp; B", "<b>bold</b>", "x </b>", "&#169; 2026", "&nosuch;", "a < b & c", ""],
)
def test_titles_look_like_html_as_they_do_to_feedparser(title):
    assert _looks_like_html(title) == _FeedParserMixin.looks_like_html(title)
