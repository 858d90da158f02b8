"""Feeds made by hypothesis from the elements real RSS 2.0 and Atom feeds use (and some they
should not) are stored exactly alike whether the lxml reader or feedparser read them: the fast
reader either reproduces feedparser or leaves the document to it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sources.feed_corpus import _atom, _rss
from tests.sources.test_lxml_feeds import read, stored

TEXTS = st.sampled_from(
    ["Harbour reopens", "", " spaced  out ", "café", "Ã©tÃ©", "\u0085 C1", "a &amp; b",
     "&lt;p&gt;Para &lt;a href='/x'&gt;link&lt;/a&gt;&lt;/p&gt;",
     "<![CDATA[<p>Para <a href=\"rel/y\">y</a> <b>bold</b></p>]]>", "&#8217;quoted&#8217;",
     "&#x85;", "line\none", "x &lt; y", "<![CDATA[Fish & chips]]>", "https://e.example/t"]
)  # fmt: skip
URLS = st.sampled_from(
    ["https://e.example/a", "/rooted/a?x=1&amp;y=2", "rel/x", "  https://e.example/b  ", "",
     "b-1-2", "javascript:alert(1)", "http:///slashes", "../up", "https://e.example/a"]
)  # fmt: skip
DATES = st.sampled_from(
    ["Mon, 02 Nov 2026 10:00:00 GMT", "2026-11-02T10:00:00Z", "02 Nov 2026", "garbage", "",
     "Mon, 02 Nov 2026 10:00:00 +0200", "2026-11-02T10:00:00.5+01:00", "Tue, 31 Feb 2026 1:2:3"]
)  # fmt: skip
PEOPLE = st.sampled_from(
    ["desk@e.example (Priya Nair)", "Priya Nair", "", "Ana <ana@e.example>", "a@b, c@d"]
)
BASES = st.sampled_from(["", ' xml:base="https://other.example/dir/"', ' xml:base="sub/"'])
LINK_ATTRS = st.sampled_from(
    ["", ' rel="alternate"', ' rel="enclosure" length="9"', ' rel="self"', ' type="text/html"']
)
PERMALINK = st.sampled_from(["", ' isPermaLink="false"', ' isPermaLink="true"'])


@st.composite
def rss_child(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 17))
    text, url, base = draw(TEXTS), draw(URLS), draw(BASES)
    return [
        f"<title{base}>{text}</title>",
        f"<link>{url}</link>",
        f"<guid{draw(PERMALINK)}>{draw(st.sampled_from([url, text, 'g-1']))}</guid>",
        f"<description{base}>{text}</description>",
        f"<content:encoded{base}>{text}</content:encoded>",
        f"<pubDate>{draw(DATES)}</pubDate>",
        f"<dc:date>{draw(DATES)}</dc:date>",
        f"<author>{draw(PEOPLE)}</author>",
        f"<dc:creator>{draw(PEOPLE)}</dc:creator>",
        f'<enclosure url="{url}" length="{draw(st.sampled_from(["123", "", "x", "-1"]))}" '
        'type="audio/mpeg"/>',
        f"<category>{text}</category>",
        f"<comments>{url}</comments>",
        f'<media:content url="{url}" medium="image"/>',
        f"<itunes:duration>{draw(st.sampled_from(['1:02:03', '75', 'x']))}</itunes:duration>",
        f"<x:unknown>{text}</x:unknown>",
        f'<source url="{url}">{text}</source>',
        "<!-- a comment -->",
        f'<atom:link rel="{draw(st.sampled_from(["alternate", "enclosure", "self"]))}" '
        f'href="{url}"/>',
    ][kind]


@st.composite
def atom_child(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 11))
    text, url, base = draw(TEXTS), draw(URLS), draw(BASES)
    kind_attr = draw(st.sampled_from(["", ' type="text"', ' type="html"', ' type="xhtml"']))
    return [
        f"<title{kind_attr}{base}>{text}</title>",
        f'<link href="{url}"{draw(LINK_ATTRS)}/>',
        f"<id>{draw(st.sampled_from([url, 'urn:x:1', text]))}</id>",
        f"<updated>{draw(DATES)}</updated>",
        f"<published>{draw(DATES)}</published>",
        f"<summary{kind_attr}{base}>{text}</summary>",
        f"<content{kind_attr}{base}>{text}</content>",
        f"<author><name>{draw(PEOPLE)}</name></author>",
        f"<author><name>{draw(PEOPLE)}</name><email>e@e.example</email></author>",
        f'<category term="{draw(st.sampled_from(["a", "b c"]))}"/>',
        f"<x:unknown>{text}</x:unknown>",
        "<!-- a comment -->",
    ][kind]


def items(child: st.SearchStrategy[str], tag: str) -> st.SearchStrategy[str]:
    one = st.tuples(BASES, st.lists(child, max_size=7)).map(
        lambda parts: f"<{tag}{parts[0]}>{''.join(parts[1])}</{tag}>"
    )
    return st.lists(one, min_size=1, max_size=3).map("".join)


CONTENT_TYPES = st.sampled_from([None, "application/rss+xml; charset=utf-8", "text/xml"])


def same_articles_either_way(body: bytes, content_type: str | None) -> None:
    slow = read(body, content_type, fast=False)
    fast = read(body, content_type, fast=True)
    if isinstance(slow, str) or isinstance(fast, str):
        assert fast == slow
        return
    assert (fast.title, fast.site_url, fast.warning) == (slow.title, slow.site_url, slow.warning)
    assert fast.articles == slow.articles
    assert stored(fast) == stored(slow)


# 150 generated feeds a run (400 took ~50 s each on CI's machine; each run draws new ones).
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items(rss_child(), "item"), CONTENT_TYPES)
def test_generated_rss_is_stored_alike_by_both_readers(entries: str, content_type: str | None):
    same_articles_either_way(_rss(entries), content_type)


# 150 generated feeds a run (400 took ~50 s each on CI's machine; each run draws new ones).
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items(atom_child(), "entry"), CONTENT_TYPES)
def test_generated_atom_is_stored_alike_by_both_readers(entries: str, content_type: str | None):
    same_articles_either_way(_atom(entries), content_type)
