"""Hostile feed documents read by both feed readers (lxml's fast path and feedparser): whatever
the document holds, what either stores obeys every safety rule (one-line fields without control
or bidi characters, bodies without controls, only http(s) links, plausible dates, one-line
errors), and where the fast reader takes a document it stores exactly what feedparser's stores."""

from __future__ import annotations

from datetime import UTC

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstui.errors import SourceError
from newstui.sources.feeds import ParsedFeed, parse_feed
from newstui.sources.urls import is_http_url
from newstui.text import clean_line, strip_controls
from tests.sources.test_lxml_feeds import URL, stored

# Text a feed may hold, each piece hostile in its own way: escape sequences and C0/C1 controls
# (raw where XML allows them, else as character references), bidi overrides and isolates,
# Unicode line breaks, markup escaped once and twice, CDATA, entity-like text.
TEXT_PIECES = [
    "Harbour reopens",
    " ",
    "\u202eevil\u202c",
    "\u2066iso\u2069",
    "&#x202E;ref",
    "&#8238;",
    "&#x9b;31m",
    "&#x85;",
    "&#x7f;",
    "&#x9d;0;title&#x9c;",
    "\u0085C1",
    "\u2028sep\u2029",
    "&#x2028;",
    "line\nbreak",
    "&#13;cr",
    "\ttab",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&lt;a href='javascript:alert(1)'&gt;js&lt;/a&gt;",
    '&lt;a href="data:text/html,x"&gt;data&lt;/a&gt;',
    "&lt;a href='&amp;#106;avascript:x'&gt;ref js&lt;/a&gt;",
    "&lt;img src='jav&#x09;ascript:x'&gt;",
    "&lt;a href='rel/x'&gt;rel&lt;/a&gt;",
    "&lt;a href='//other.example/p'&gt;proto&lt;/a&gt;",
    "&amp;lt;b&amp;gt;twice&amp;lt;/b&amp;gt;",
    "&amp;amp;#x1b;",
    "<![CDATA[<p>\u202e<script>bad()</script><a href='javascript:x'>j</a></p>]]>",
    "<![CDATA[<a href='vbscript:x'>v</a><style>p{}</style>]]>",
    "<![CDATA[Fish & chips ]]]]><![CDATA[> end]]>",
    "<!-- <a href='javascript:x'> -->",
    "Ã©tÃ©",
    "caf\u0080",
    "&#x93;q&#x94;",
    "[bold]rich[/bold]",
    "\ufeffbom",
    "x" * 3000,
]
# References to characters XML refuses: such a document is ill-formed, for feedparser alone.
REFUSED_BY_XML = ["&#x1b;[31mred&#x1b;[0m", "&#0;", "&#xFFFE;"]
TEXTS = st.lists(st.sampled_from(TEXT_PIECES * 8 + REFUSED_BY_XML), max_size=4).map("".join)
URLS = st.sampled_from(
    [
        "https://e.example/a",
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:x",
        "&#106;avascript:x",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:x",
        "file:///etc/passwd",
        "mailto:a@e.example",
        "ftp://e.example/f",
        "//other.example/p",
        "/rooted?a=1&amp;b=2",
        "rel/x",
        "../../../../up",
        "http:///slashes",
        "https://e.example/x y",
        "https://e.example/&#x9b;31m",
        "https://e.example/\u202e",
        "https://e.example/" + "a" * 5000,
        "",
    ]
)
BASES = st.sampled_from(
    [
        "",
        " xml:base='https://other.example/dir/'",
        " xml:base='javascript:alert(1)//'",
        " xml:base='data:text/html,'",
        " xml:base='file:///etc/'",
        " xml:base='mailto:a@e.example'",
        " xml:base='sub/'",
        " xml:base='//proto.example/'",
    ]
    * 4
    + [" base='https://bare.example/'"]
)
DATES = st.sampled_from(
    [
        "Mon, 02 Nov 2026 10:00:00 GMT",
        "Mon, 01 Jan 9999 23:59:59 -9959",
        "Mon, 01 Jan 0001 00:00:00 +1400",
        "2026-11-02T10:00:00Z",
        "9999-12-31T23:59:59-23:59",
        "0001-01-01T00:00:00+23:59",
        "Tue, 31 Feb 2026 1:2:3",
        "&#x9b;31m",
        "",
    ]
)
PEOPLE = st.sampled_from(
    [
        "desk@e.example (Priya\u202e Nair)",
        "Ana &#x9d;0;x&#x9c; &lt;a@e.example&gt;",
        "",
        "Jo\nSmith",
    ]
)


KINDS = st.sampled_from(["", " type='text'", " type='html'", " type='text/html'"])
# An item's or entry's children: {b} a base, {t} a text, {u} a URL, {d} a date, {p} a person,
# {k} a text construct's type.
RSS_CHILDREN = [
    "<title{b}>{t}</title>",
    "<link{b}>{u}</link>",
    "<guid{b}>{u}</guid>",
    "<guid isPermaLink='false'>{t}</guid>",
    "<description{b}>{t}</description>",
    "<content:encoded{b}>{t}</content:encoded>",
    "<pubDate>{d}</pubDate>",
    "<dc:date>{d}</dc:date>",
    "<author>{p}</author>",
    "<dc:creator>{p}</dc:creator>",
    "<enclosure url='{u}' type='audio/mpeg&#x9b;' length='12'/>",
    "<atom:link rel='alternate' href='{u}'/>",
    "<media:content url='{u}'/>",
    "<x:odd{b}>{t}</x:odd>",
    "<LINK>{u}</LINK>",
]
ATOM_CHILDREN = [
    "<title{k}{b}>{t}</title>",
    "<link href='{u}'{b}/>",
    "<link rel='enclosure' type='audio/mpeg' href='{u}'/>",
    "<link rel='alternate' type='text/html' href='{u}'/>",
    "<id>{u}</id>",
    "<updated>{d}</updated>",
    "<published>{d}</published>",
    "<issued>{d}</issued>",
    "<summary{k}{b}>{t}</summary>",
    "<content{k}{b}>{t}</content>",
    "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>"
    "<a href='{u}'>x</a>\u202e<script>bad()</script></div></content>",
    "<author><name>{p}</name><email>e@e.example</email></author>",
]


@st.composite
def element(draw: st.DrawFn, tag: str, children: list[str]) -> str:
    """An item or entry of up to eight hostile children (some of them repeated)."""
    chosen = draw(st.lists(st.sampled_from(children), max_size=8))
    filled = "".join(
        child.format(
            b=draw(BASES), t=draw(TEXTS), u=draw(URLS), d=draw(DATES), p=draw(PEOPLE), k=draw(KINDS)
        )
        for child in chosen
    )
    return f"<{tag}{draw(BASES)}>{filled}</{tag}>"


NS = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:media="http://search.yahoo.com/mrss/" xmlns:x="http://example.org/unknown"'
)
UTF8_HEADS = ['<?xml version="1.0" encoding="utf-8"?>', "\ufeff<?xml version='1.0'?>", "", "\ufeff"]
OTHER_HEADS = [
    '<?xml version="1.0" encoding="iso-8859-1"?>',
    '<?xml version="1.0" encoding="utf-16"?>',
]
HEADS = st.sampled_from(UTF8_HEADS * 4 + OTHER_HEADS)  # most documents for the fast reader


@st.composite
def rss_document(draw: st.DrawFn) -> bytes:
    """RSS 0.91, 0.92 or 2.0 with a hostile channel title and link and hostile items."""
    head, version = draw(HEADS), draw(st.sampled_from(["2.0", "0.91", "0.92"]))
    channel = f"<title>{draw(TEXTS)}</title><link{draw(BASES)}>{draw(URLS)}</link>"
    items = "".join(draw(st.lists(element("item", RSS_CHILDREN), min_size=1, max_size=3)))
    opening = f'<rss version="{version}" {NS}{draw(BASES)}><channel{draw(BASES)}>'
    text = f"{head}{opening}{channel}{items}</channel></rss>"
    return _encoded(text, head)


@st.composite
def atom_document(draw: st.DrawFn) -> bytes:
    """Atom 1.0 or 0.3 with a hostile title and link and hostile entries."""
    head = draw(HEADS)
    atom_03 = ("http://purl.org/atom/ns#", ' version="0.3"')  # for feedparser alone
    namespace, version = draw(
        st.sampled_from([("http://www.w3.org/2005/Atom", "")] * 3 + [atom_03])
    )
    feed_head = f"<title>{draw(TEXTS)}</title><link href='{draw(URLS)}'/><id>urn:f</id>"
    entries = "".join(draw(st.lists(element("entry", ATOM_CHILDREN), min_size=1, max_size=3)))
    text = f'{head}<feed xmlns="{namespace}"{version}{draw(BASES)}>{feed_head}{entries}</feed>'
    return _encoded(text, head)


@st.composite
def rdf_document(draw: st.DrawFn) -> bytes:
    """RSS 1.0 or 0.90 (RDF) with hostile items."""
    namespace = draw(
        st.sampled_from(["http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"])
    )
    items = "".join(
        f"<item><title>{draw(TEXTS)}</title><link>{draw(URLS)}</link>"
        f"<description>{draw(TEXTS)}</description><dc:date>{draw(DATES)}</dc:date></item>"
        for _ in range(draw(st.integers(1, 3)))
    )
    text = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns="{namespace}"><channel>'
        f"<title>{draw(TEXTS)}</title><link>{draw(URLS)}</link></channel>{items}</rdf:RDF>"
    )
    return text.encode()


def _encoded(text: str, head: str) -> bytes:
    """The document in the encoding its declaration names (characters it cannot hold as
    character references)."""
    if "utf-16" in head:
        return text.encode("utf-16")
    if "iso-8859-1" in head:
        return text.encode("iso-8859-1", "xmlcharrefreplace")
    return text.encode()


def is_one_line(value: str | None) -> bool:
    return value is None or clean_line(value, 10**9) == value


def safety_problems(parsed: ParsedFeed) -> list[str]:
    """Every way a parsed feed breaks a rule of what newstui stores."""
    problems = []
    if not is_one_line(parsed.title):
        problems.append(f"feed title {parsed.title!r}")
    if parsed.site_url is not None and not is_http_url(parsed.site_url):
        problems.append(f"site {parsed.site_url!r}")
    for article in parsed.articles:
        for name in ("title", "author", "guid"):
            if not is_one_line(getattr(article, name)):
                problems.append(f"{name} {getattr(article, name)!r}")
        for name in ("text", "summary"):  # (a <br>'s U+2028 LINE_BREAK is kept: text.py)
            if strip_controls(getattr(article, name), keep_line_breaks=True) != getattr(
                article, name
            ):
                problems.append(f"{name} {getattr(article, name)!r}")
        if article.url is not None and not is_http_url(article.url):
            problems.append(f"url {article.url!r}")
        for link in article.links:
            if not is_http_url(link.url) or not is_one_line(link.text):
                problems.append(f"link {link!r}")
        when = article.published
        if when is not None and when.tzinfo != UTC:
            problems.append(f"published {when!r}")
    return problems


def read_both_ways(body: bytes) -> None:
    """Both readers: every rule holds, and both store the same articles."""
    results = []
    for fast in (False, True):
        try:
            parsed = parse_feed(body, URL, None, fast=fast)
        except SourceError as exc:
            message = str(exc)
            assert clean_line(message, 10**9) == message, message
            results.append(f"error: {message}")
            continue
        assert safety_problems(parsed) == []
        results.append(parsed)
    slow, fast_read = results
    if isinstance(slow, str) or isinstance(fast_read, str):
        assert fast_read == slow
        return
    assert (fast_read.title, fast_read.site_url, fast_read.warning) == (
        slow.title,
        slow.site_url,
        slow.warning,
    )
    assert fast_read.articles == slow.articles
    assert stored(fast_read) == stored(slow)


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rss_document())
def test_hostile_rss_is_stored_safely_and_alike_by_both_readers(body: bytes):
    read_both_ways(body)


@SETTINGS
@given(atom_document())
def test_hostile_atom_is_stored_safely_and_alike_by_both_readers(body: bytes):
    read_both_ways(body)


@SETTINGS
@given(rdf_document())
def test_hostile_rdf_is_stored_safely_by_feedparser(body: bytes):
    read_both_ways(body)
