"""Which links newstui keeps and follows: absolute http(s) URLs with a host, nothing else."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newstui.sources.urls import MAX_URL, checked_in_full, is_http_url

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
                "https://x.example/a b", "https://x.example/\x1b[2J", "", None):  # fmt: skip
        assert not is_http_url(url)


def test_a_url_longer_than_any_browser_takes_is_no_link() -> None:
    for start in ("https://x.example/", "https://x.example/\u00e9"):
        longest = start + "a" * (MAX_URL - len(start))
        assert is_http_url(longest) and checked_in_full(longest)
        assert not is_http_url(longest + "a") and not checked_in_full(longest + "a")
