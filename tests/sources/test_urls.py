"""Which links newstui keeps and follows: absolute http(s) URLs with a host, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newstui.sources.urls import MAX_URL, checked_in_full, is_http_url, web_url, web_url_at

PIECES = st.sampled_from(
    ["http://", "https://", "HTTP://", "ftp://", "javascript:", "//", "/", "a", "Z9", ".", "-",
     "@", ":", ":80", "[", "]", "[::1]", "?", "#", "%41", ";", "=", "&", "~", " ", "\t", "\n",
     "\x00", "\x1b[1m", "\x7f", "\x85", "\u202e", "é", "\ud800", "user@", "x.example"]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
@example("https://news.example/a?b#c")
@example("http://@/")
@example("http://:80/")
@example("http://127.0.0.1:8080/a")
@example("http://127.0.0.1:/a")
@example("http://127.0.0.1:x/a")
@example("https://[::1/")
@example("https://x.example/\x7f")
@example(" https://x.example/")
def test_the_shortcut_for_plain_links_agrees_with_the_full_check(url: str) -> None:
    assert is_http_url(url) == checked_in_full(url)


def test_only_http_links_with_a_host_are_kept() -> None:
    assert is_http_url("https://news.example/story?id=1#top")
    assert is_http_url("HTTP://News.Example")
    for url in ("javascript:alert(1)", "ftp://x.example/", "https:///path", "http://@/",
                "https://x.example/a b", "https://x.example/\x1b[2J", "", None,
                # r45 L2: a browser ends the host at a backslash, urllib and httpx at the "@"
                "http://evil.example\\@good.example/x.mp3"):  # fmt: skip
        assert not is_http_url(url)


def test_a_url_longer_than_any_browser_takes_is_no_link() -> None:
    for start in ("https://x.example/", "https://x.example/\u00e9"):
        longest = start + "a" * (MAX_URL - len(start))
        assert is_http_url(longest) and checked_in_full(longest)
        assert not is_http_url(longest + "a") and not checked_in_full(longest + "a")


def test_a_link_with_spaces_is_percent_encoded_as_a_browser_requests_it() -> None:
    assert web_url("https://ex.com/my file.mp3") == "https://ex.com/my%20file.mp3"
    assert web_url("  https://ex.com/a b?q=x y#f g \n") == "https://ex.com/a%20b?q=x%20y#f%20g"
    # other spaces are encoded as their UTF-8, as browsers do
    assert web_url("https://ex.com/a\u00a0b\u3000c") == "https://ex.com/a%C2%A0b%E3%80%80c"
    assert web_url("https://ex.com/%20already") == "https://ex.com/%20already"
    assert web_url("https://ex.com/story?id=1") == "https://ex.com/story?id=1"
    assert web_url("https://ex.com/\u00e9t\u00e9") == "https://ex.com/\u00e9t\u00e9"  # as before


def test_a_link_that_was_refused_stays_refused_with_or_without_spaces() -> None:
    for url in (
        "javascript:alert(1) //x y",
        "ftp://ex.com/my file",
        "https://ex ample.com/a",  # a space in the host: no host
        "https://user name@ex.com/a",
        "https://ex.com/a\tb",  # tabs, line breaks and other control characters
        "https://ex.com/a\nb c",
        "https://ex.com/a b\x1b[2J",
        "https://ex.com/a\u2028b",
        "https:// /a",
        "   ",
        "https://ex.com/" + " " * MAX_URL,  # too long once encoded
        None,
        42,
    ):
        assert web_url(url) is None, url


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
def test_a_kept_link_is_one_newstui_follows_and_a_followed_one_is_kept_as_it_is(url: str) -> None:
    kept = web_url(url)
    assert kept is None or is_http_url(kept)
    if is_http_url(url):
        assert kept == url.strip()


@pytest.mark.parametrize(
    ("written", "joined"),
    [
        ("/pub/e.mp3", "http://feed.example/pub/e.mp3"),
        ("//cdn.example/e.mp3", "http://cdn.example/e.mp3"),
        # r45 L2: a backslash before the query is a slash, as a browser reads it (stored on the
        # feed's host, it was opened on evil.example); after it, a backslash is the query's
        ("/\\evil.example/x.mp3", "http://evil.example/x.mp3"),
        ("a\\b.mp3?q=\\x", "http://feed.example/pub/a/b.mp3?q=\\x"),
        # a control character is refused, not dropped: "\x01//evil/x" was http://evil/x
        ("\x01//evil.example/x.mp3", None),
        ("e\x1b[2J.mp3", None),
    ],
)
def test_a_relative_link_is_joined_as_a_browser_reads_it(written: str, joined: str | None) -> None:
    assert web_url_at(written, "http://feed.example/pub/feed.xml") == joined
