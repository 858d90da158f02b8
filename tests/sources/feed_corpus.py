"""Every feed document the tests know, for comparing the two feed readers (lxml and feedparser):
the fixture files, the feeds written inside test modules, the ingest bench's generated feeds, and
documents made here to reach each rule of the lxml reader."""

from __future__ import annotations

import ast
import importlib.util
import random
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
_MARKERS = ("<rss", "<feed", "<rdf:RDF", "<?xml")


def _rendered(node: ast.AST) -> str | None:
    """A string constant, or an f-string with each placeholder written as '7'."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
        value = node.value
        return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            else:
                parts.append("7")
        return "".join(parts)
    return None


def documents_in_test_modules() -> list[tuple[str, bytes]]:
    """Feed documents written as literals (or f-strings) in the test modules."""
    found: list[tuple[str, bytes]] = []
    for path in sorted(TESTS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp):  # "<rss>" + items + "</rss>" pieces: take the parts
                continue
            text = _rendered(node)
            if (
                text
                and any(m in text for m in _MARKERS)
                and ("</rss>" in text or "</feed>" in text)
            ):
                found.append((f"{path.relative_to(TESTS)}:{node.lineno}", text.encode("utf-8")))
    return found


def fixture_files() -> list[tuple[str, bytes]]:
    """tests/data/feeds/* and the demo's feed files."""
    folder = TESTS / "data" / "feeds"
    demo = sorted((ROOT / "src" / "newstui" / "demo").glob("*.xml"))
    return [(p.name, p.read_bytes()) for p in [*sorted(folder.iterdir()), *demo] if p.is_file()]


def bench_documents(count: int = 3) -> list[tuple[str, bytes]]:
    """A few of bench/ingest_vs_newsboat.py's generated RSS documents."""
    spec = importlib.util.spec_from_file_location(
        "ingest_bench", ROOT / "bench" / "ingest_vs_newsboat.py"
    )
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    sys.modules["ingest_bench"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    rng = random.Random(12)
    return [(f"bench feed {f}", module.feed_document(rng, f, 20)) for f in range(count)]


RSS_HEAD = '<?xml version="1.0" encoding="utf-8"?>'
NS = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
    'xmlns:media="http://search.yahoo.com/mrss/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" '
    'xmlns:x="http://example.org/unknown"'
)


def _rss(
    items: str, channel: str = "<title>Made</title><link>https://example.org/</link>"
) -> bytes:
    return f'{RSS_HEAD}<rss version="2.0" {NS}><channel>{channel}{items}</channel></rss>'.encode()


def _atom(
    entries: str, head: str = '<title>Made</title><link href="https://example.org/"/>'
) -> bytes:
    return (
        f'{RSS_HEAD}<feed xmlns="http://www.w3.org/2005/Atom" {NS.replace("xmlns:atom", "xmlns:a")}>'
        f"{head}<id>urn:feed</id>{entries}</feed>"
    ).encode()


MADE: list[tuple[str, bytes]] = [
    (
        "rss plain",
        _rss(
            "<item><title>A</title><link>https://example.org/a</link><guid>g1</guid>"
            "<description>Plain words</description></item>"
        ),
    ),
    (
        "rss permalink guid becomes link",
        _rss(
            "<item><title>A</title><guid>https://example.org/p</guid>"
            "<description>x</description></item>"
        ),
    ),
    (
        "rss relative guid, link and not-permalink",
        _rss(
            "<item><title>A</title><guid isPermaLink='false'>rel/1</guid><link>/a?x=1&amp;y=2</link></item>"
            "<item><title>B</title><guid>rel/2</guid><description>b</description></item>"
        ),
    ),
    (
        "rss html title",
        _rss(
            "<item><title>A &lt;b&gt;bold&lt;/b&gt; title</title><description>d</description></item>"
            "<item><title>Fish &amp; chips</title><description>d</description></item>"
            "<item><title><![CDATA[<i>Tag</i> soup &amp; <script>x</script>]]></title></item>"
        ),
    ),
    (
        "rss content and description",
        _rss(
            "<item><title>A</title><description>Short &lt;b&gt;sum&lt;/b&gt;</description>"
            "<content:encoded><![CDATA[<p>Long <a href='/rel'>link</a></p><p>Two</p>]]></content:encoded></item>"
            "<item><title>B</title><content:encoded><![CDATA[<p>Only content</p>]]></content:encoded></item>"
            "<item><title>C</title><content:encoded><![CDATA[<p>First</p>]]></content:encoded>"
            "<description>after</description></item>"
        ),
    ),
    (
        "rss dates",
        _rss(
            "<item><title>A</title><pubDate>Tue, 03 Nov 2026 10:00:00 +0200</pubDate></item>"
            "<item><title>B</title><dc:date>2026-11-03T10:00:00Z</dc:date></item>"
            "<item><title>C</title><pubDate>garbage</pubDate><dc:date>2026-11-04</dc:date></item>"
            "<item><title>D</title><pubDate>Mon, 31 Dec 9999 23:59:59 GMT</pubDate></item>"
            "<item><title>E</title><atom:updated>2026-01-01T00:00:00Z</atom:updated></item>"
        ),
    ),
    (
        "rss authors",
        _rss(
            "<item><title>A</title><author>jo@example.org (Jo Smith)</author></item>"
            "<item><title>B</title><dc:creator>Ann Lee</dc:creator></item>"
            "<item><title>C</title><author>Plain Name</author></item>"
            "<item><title>D</title><author>  </author></item>"
        ),
    ),
    (
        "rss enclosures",
        _rss(
            "<item><title>Ep</title><enclosure url='https://cdn.example.org/e.mp3' type='Audio/MPEG' "
            "length='12345'/><itunes:duration>1:02:03</itunes:duration></item>"
            "<item><title>Pic</title><enclosure url='https://cdn.example.org/p.jpg' type='image/jpeg'/></item>"
            "<item><title>Bad</title><enclosure url='javascript:alert(1)' type='audio/mpeg'/>"
            "<enclosure url='/relative.mp3' length='x'/></item>"
            "<item><title>Two</title><enclosure url='https://a.example/1.mp3' type='audio/mpeg'/>"
            "<enclosure url='https://a.example/2.mp3' type='audio/mpeg'/></item>"
        ),
    ),
    (
        "rss xml:base",
        _rss(
            "<item xml:base='https://base.example/dir/'><title>A</title><link>page</link>"
            "<description>&lt;a href='x'&gt;x&lt;/a&gt;</description>"
            "<content:encoded xml:base='https://other.example/'><![CDATA[<a href='y'>y</a>]]></content:encoded></item>"
            "<item xml:base='javascript:alert(1)'><title>B</title><link>p</link></item>"
        ),
    ),
    (
        "rss channel xml:base",
        f'{RSS_HEAD}<rss version="2.0"><channel xml:base="https://other.example/dir/">'
        "<title>T</title><link>home</link><item><title>A</title><link>page</link><description>"
        "&lt;a href='x'&gt;x&lt;/a&gt;</description></item></channel></rss>".encode(),
    ),
    (
        "rss atom link",
        _rss(
            "<item><title>A</title><atom:link href='https://example.org/alt'/></item>"
            "<item><title>B</title><link>https://example.org/b</link><atom:link rel='self' href='/self'/></item>",
            '<title>Made</title><atom:link rel="self" href="https://example.org/feed"/>'
            "<link>https://example.org/</link>",
        ),
    ),
    (
        "rss harmless extensions",
        _rss(
            "<item><title>A</title><category>News</category><slash:comments>4</slash:comments>"
            "<comments>https://example.org/c</comments><x:thing>odd</x:thing>"
            "<media:content url='https://m.example/v.mp4'><media:thumbnail url='https://m.example/t.jpg'/>"
            "</media:content><source url='https://src.example/'>Source</source></item>"
        ),
    ),
    (
        "rss special extensions",
        _rss(
            "<item><title>A</title><media:title>Media title</media:title><itunes:summary>S</itunes:summary></item>"
            "<item><media:group><media:title>G</media:title></media:group><description>d</description></item>"
        ),
    ),
    (
        "rss controls and odd text",
        _rss(
            "<item><title>Esc &#x1b;[31mred&#x1b;[0m \u202eevil</title><description>"
            "&lt;p&gt;bell &amp;#7; and &amp;#x1b;]0;title&amp;#7;&lt;/p&gt;</description></item>"
        ),
    ),
    (
        "rss repaired text",
        _rss(
            "<item><title>Ã©tÃ© double</title><description>caf\u0080 \u0093quoted\u0094</description></item>"
            "<item><title>   </title><description>Untitled body text that names the entry.</description></item>"
            "<item><title>Esc \u009b31m C1 \u202eevil</title><description>&lt;p&gt;bell &amp;#7; and "
            "&amp;#x1b;]0;title&amp;#7;&lt;/p&gt;</description></item>"
        ),
    ),
    (
        "rss C1 characters only as references",
        _rss(
            "<item><title>T</title><description>caf&#128; &#x93;quoted&#x0094; &#0150;dash"
            "</description></item><item><title>U</title><description>&lt;p&gt;&#x85;next"
            "&lt;/p&gt; &#159;</description></item><item><title>V</title><content:encoded>"
            "&lt;p&gt;&#x9c;x&lt;/p&gt;</content:encoded></item>"
        ),
    ),
    (
        "rss repeated fields",
        _rss(
            "<item><title>A</title><title>B</title></item><item><description>a</description>"
            "<description>b</description></item>"
        ),
    ),
    ("rss markup in title", _rss("<item><title>A <b>bold</b></title></item>")),
    ("rss comment in item", _rss("<item><title>A<!-- c -->B</title><!-- x --></item>")),
    ("rss with no items", _rss("")),
    (
        "rss channel oddities",
        _rss(
            "<item><title>A</title></item>",
            "<image><title>Img</title><link>https://img.example/</link><url>https://img.example/i.png</url></image>"
            "<title>Chan &amp; co</title><link>https://example.org/</link><dc:title>DC</dc:title>",
        ),
    ),
    (
        "rss title after items",
        _rss("<item><title>A</title></item><title>Late title</title>", "<title>Early</title>"),
    ),
    (
        "rss 0.91",
        b'<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>'
        b"<item><title>A</title><link>https://example.org/a</link></item></channel></rss>",
    ),
    (
        "rss without declaration",
        b'<rss version="2.0"><channel><title>T</title><item><title>A</title>'
        b"</item></channel></rss>",
    ),
    (
        "rss latin-1",
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
        "<title>Caf\u00e9</title><item><title>\u00e9t\u00e9</title></item></channel></rss>".encode(
            "latin-1"
        ),
    ),
    ("rss bom", b"\xef\xbb\xbf" + _rss("<item><title>BOM</title></item>")),
    (
        "atom plain",
        _atom(
            "<entry><title>A</title><link href='/a'/><id>urn:a</id><updated>2026-11-02T10:00:00Z</updated>"
            "<summary>Sum</summary><author><name>Jo</name><email>jo@example.org</email></author></entry>"
            "<entry><title type='html'>B &lt;i&gt;it&lt;/i&gt;</title><id>https://example.org/b</id>"
            "<published>2026-11-01T10:00:00+01:00</published><content type='html'>&lt;p&gt;Body &lt;a "
            "href='rel'&gt;r&lt;/a&gt;&lt;/p&gt;</content></entry>"
        ),
    ),
    (
        "atom content and summary",
        _atom(
            "<entry><title>A</title><id>urn:1</id><content type='html'>&lt;p&gt;C&lt;/p&gt;</content>"
            "<summary>S</summary></entry>"
            "<entry><title>B</title><id>urn:2</id><summary>S</summary><content>Plain content</content></entry>"
            "<entry><title>C</title><id>urn:3</id><content type='text'>Only</content></entry>"
        ),
    ),
    (
        "atom links",
        _atom(
            "<entry><title>A</title><id>urn:a</id><link rel='related' href='https://r.example/'/></entry>"
            "<entry><title>B</title><link rel='alternate' type='text/html' href='https://b.example/'/>"
            "<link rel='enclosure' type='audio/mpeg' length='99' href='/ep.mp3'/><id>urn:b</id></entry>"
            "<entry><id>urn:c</id><title>C</title><link rel='alternate' type='application/pdf' href='/c.pdf'/></entry>"
        ),
    ),
    (
        "atom xhtml",
        _atom(
            "<entry><title type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>X</div></title><id>urn:x</id>"
            "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>Body</p></div></content></entry>"
        ),
    ),
    (
        "atom author text only",
        _atom(
            "<entry><title>A</title><id>urn:a</id><author><name>Only Name</name></author></entry>"
            "<entry><title>B</title><id>urn:b</id><author><email>e@example.org</email></author></entry>"
        ),
    ),
    (
        "atom xml:base",
        _atom(
            "<entry xml:base='https://base.example/x/'><title>A</title><id>urn:a</id><link href='p'/>"
            "<content type='html' xml:base='sub/'>&lt;a href='q'&gt;q&lt;/a&gt;</content></entry>"
        ),
    ),
    (
        "rss languages",
        _rss(
            "<item><title>A</title><guid>g1</guid><description>Hallo</description></item>"
            "<item><title>B</title><guid>g2</guid><dc:language>fr</dc:language>"
            "<description>Salut</description></item>"
            "<item xml:lang='nl'><title>C</title><guid>g3</guid>"
            "<description xml:lang='pl_PL'>Cześć</description></item>",
            "<title>Made</title><link>https://example.org/</link><language>de-DE</language>",
        ),
    ),
    (
        "atom languages",
        _atom(
            "<entry><title>A</title><id>urn:a</id><content type='text'>Bonjour</content></entry>"
            "<entry xml:lang='de'><title>B</title><id>urn:b</id><summary>Hallo</summary></entry>"
            "<entry><title>C</title><id>urn:c</id>"
            "<content type='html' xml:lang='es'>Hola</content></entry>"
            "<entry xml:lang=''><title>D</title><id>urn:d</id><summary>Hello</summary></entry>",
            '<title>Made</title><link href="https://example.org/"/>',
        ).replace(b"<feed ", b"<feed xml:lang='fr-CA' ", 1),
    ),
    (
        "atom bare lang",
        _atom("<entry lang='de'><title>A</title><id>urn:a</id><summary>Hallo</summary></entry>"),
    ),
    (
        "atom src content",
        _atom("<entry><title>A</title><id>urn:a</id><content src='https://x.example/'/></entry>"),
    ),
    (
        "ill-formed",
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>A & B</title></item></channel></rss>",
    ),
    (
        "rdf",
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel>'
        b"<item><title>A</title><link>https://example.org/a</link></item></rdf:RDF>",
    ),
]


def every_document() -> list[tuple[str, bytes]]:
    """Every document above, named by where it comes from."""
    return fixture_files() + documents_in_test_modules() + bench_documents() + MADE
