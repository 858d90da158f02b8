"""newsboat's urls file: feeds, their tags and titles, the lines newstui cannot follow."""

from __future__ import annotations

import pytest

from newstui.errors import SourceError
from newstui.sources.newsboat_urls import looks_like_newsboat_urls, parse_newsboat_urls

URLS = r"""# my feeds
https://world.example/rss "world news" tech "~The World"
https://tech.example/feed?x=1&y=2 tech Tech "!"

"query:Unread tech:unread = \"yes\" and tags # \"tech\""
exec:~/bin/weather.sh weather
filter:~/bin/clean.py:https://noisy.example/rss
https://world.example/rss again
https://plain.example/atom
"""


def test_feeds_keep_their_tags_and_names_and_special_lines_are_skipped():
    feeds, skipped = parse_newsboat_urls(
        URLS.encode(), "urls", {"https://plain.example/atom": "Plain"}
    )
    assert [(f.url, f.name, f.tags) for f in feeds] == [
        ("https://world.example/rss", "The World", ("world news", "tech")),
        ("https://tech.example/feed?x=1&y=2", "https://tech.example/feed?x=1&y=2", ("tech",)),
        ("https://plain.example/atom", "Plain", ()),
    ]
    assert [(s.line, s.reason.split()[1]) for s in skipped] == [
        (5, "query:"),
        (6, "exec:"),
        (7, "filter:"),
    ]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            b"https://ok.example/rss\nnews.example/rss\n",
            "urls:2: not a feed URL: 'news.example/rss'",
        ),
        (b"https://ok.example/rss\n\xff\n", "urls:2: not UTF-8 text (byte 0xff)"),
        (b"javascript:alert(1)\n", "urls:1: not a feed URL: 'javascript:alert(1)'"),
    ],
)
def test_a_line_that_is_no_feed_is_one_error_naming_the_file_and_line(body, problem):
    with pytest.raises(SourceError) as info:
        parse_newsboat_urls(body, "urls")
    assert str(info.value).startswith(problem)
    assert "\n" not in str(info.value)


def test_control_characters_in_names_and_tags_are_dropped():
    feeds, _ = parse_newsboat_urls(b'https://a.example/rss "~Evil\x1b[31m" "t\x07ag"\n', "urls")
    assert (feeds[0].name, feeds[0].tags) == ("Evil", ("tag",))


def test_opml_is_told_apart_by_its_opening_bracket():
    assert not looks_like_newsboat_urls(b'\xef\xbb\xbf  <?xml version="1.0"?><opml/>')
    assert not looks_like_newsboat_urls('<?xml version="1.0"?><opml/>'.encode("utf-16"))
    assert looks_like_newsboat_urls(b"https://a.example/rss\n")
