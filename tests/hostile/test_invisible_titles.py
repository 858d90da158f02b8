"""Entry titles made only of characters that show nothing (hostile r48): zero-width spaces, a
byte order mark, the blank braille pattern, a Hangul filler. Each was stored as the title and
listed as a blank row; such a title gives way to the text's first words, as an empty one does."""

from __future__ import annotations

import json

import pytest

from newstui.sources.feeds import parse_feed

INVISIBLE = ["\u200b\ufeff", "\u2800", "\u3164", "\u2060\u200d", ""]


@pytest.mark.parametrize("title", INVISIBLE)
def test_a_json_feed_entry_titled_with_nothing_visible_is_titled_by_its_text(title):
    item = {"id": "1", "title": title, "content_text": "Harbour reopens after the storm"}
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [item]})
    [article] = parse_feed(body.encode(), "https://news.example/feed.json").articles
    assert article.title == "Harbour reopens after the storm"


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("title", INVISIBLE)
def test_an_rss_item_titled_with_nothing_visible_is_titled_by_its_text(title, fast):
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>W</title>'
        f"<item><title>{title}</title><guid>g1</guid>"
        "<description>Harbour reopens after the storm</description></item></channel></rss>"
    )
    [article] = parse_feed(rss.encode(), "https://news.example/rss", fast=fast).articles
    assert article.title == "Harbour reopens after the storm"
