"""CDATA sections taken out of a feed before lxml parses it give the very values the document
parsed whole gives, and documents libxml2 refuses are refused still."""

from __future__ import annotations

import pytest

from newstui.sources.lxml_feeds import UTF8, _cdata_apart, read_well_formed

URL = "https://feeds.example/dir/feed.xml"


def rss(items: str, head: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>' + head + '<rss version="2.0"><channel>'
        "<title>Feed</title><link>https://feeds.example/</link>" + items + "</channel></rss>"
    ).encode()


def item(description: str, title: str = "One") -> str:
    return (
        f"<item><title>{title}</title><link>https://feeds.example/1</link>"
        f"<guid>g-{title}</guid><description>{description}</description></item>"
    )


# A comment after the root holding a reference character: it means nothing to the reader, but
# _cdata_apart then parses the document whole. (Patching _cdata_apart out does not reach the
# compiled module, whose functions call each other directly: CI tests the compiled build.)
_PARSE_WHOLE = "<!--\ue000-->".encode()


def read_whole(body: bytes) -> object:
    """read_well_formed with the document parsed as it is (no section taken out)."""
    assert _cdata_apart(body + _PARSE_WHOLE) is None
    return read_well_formed(body + _PARSE_WHOLE, URL, None)


DOCUMENTS = {
    "html in sections": rss(
        item("<![CDATA[<p>“Quoted,” she said in <b>Paris</b>.</p><p>Two & more</p>]]>")
        + item("<![CDATA[<p>Second</p>]]>", "Two")
    ),
    "text around a section": rss(item("before <![CDATA[<i>inside</i>]]> after &amp; more")),
    "two sections in one text": rss(item("<![CDATA[a]]><![CDATA[b]]>c")),
    "sections in titles": rss(item("<![CDATA[<p>x</p>]]>", "<![CDATA[Title & co]]>")),
    "line breaks in a section": rss(item("<![CDATA[one\r\ntwo\rthree\nfour\r\n\r\n]]>")),
    "brackets in a section": rss(item("<![CDATA[a ] b ]] c ]>]]>")),
    "a comment holding a section opening": rss(item("<![CDATA[x]]>"), "<!-- <![CDATA[ -->"),
    "a processing instruction holding one": rss(item("<![CDATA[x]]>"), "<?x <![CDATA[ ?>"),
    "a section holding a comment opening": rss(item("<![CDATA[<!-- not a comment]]>")),
    "reference characters in a section": rss(item("<![CDATA[\ue0000\ue001 and \ue000]]>")),
    "reference characters outside": rss(item("\ue0000\ue001<![CDATA[x]]>")),
    "a character reference to one": rss(item("&#xE000;0&#xe001;<![CDATA[x]]>")),
    "a decimal reference to one": rss(item("&#57344;0&#57345;<![CDATA[x]]>")),
    "an empty section": rss(item("<![CDATA[]]>")),
    "a section of spaces in an author": rss(
        "<item><title>A</title><author><![CDATA[ Ana Lopes ]]></author></item>"
    ),
}


def checked_utf8(read: object) -> object:
    """A reading with each kept UTF-8 (lxml_feeds.UTF8) checked against its value and left out."""
    assert isinstance(read, tuple)
    for entry in read[1]:
        for detail in [entry.get("summary_detail") or {}, *entry.get("content", [])]:
            if UTF8 in detail:
                assert detail.pop(UTF8) == detail["value"].encode()
    return read


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_document_reads_as_it_does_parsed_whole(name):
    body = DOCUMENTS[name]
    assert checked_utf8(read_well_formed(body, URL, None)) == read_whole(body)


def test_a_description_of_one_section_keeps_its_bytes_for_the_html_parser():
    body = rss(
        item("<![CDATA[<p>“Quoted,” she said.</p>]]>")
        + item("\n  <![CDATA[<p>Spaced “out”</p>]]>\n", "Two")
        + item("<![CDATA[ <p>Blank “inside”</p> ]]>", "Three")
        + item("<![CDATA[<p>a</p>]]><![CDATA[<p>b</p>]]>", "Four")
    )
    read = read_well_formed(body, URL, None)
    assert read is not None
    kept = [entry["summary_detail"].get(UTF8) for entry in read[1]]
    assert kept == [
        "<p>“Quoted,” she said.</p>".encode(),
        "<p>Spaced “out”</p>".encode(),
        None,
        None,
    ]
    assert checked_utf8(read) == read_whole(body)


def test_sections_become_the_texts_libxml2_reads():
    read = read_well_formed(DOCUMENTS["line breaks in a section"], URL, None)
    assert read is not None
    assert read[1][0]["summary"] == "one\ntwo\nthree\nfour"  # (feedparser strips the ends)
    read = read_well_formed(DOCUMENTS["text around a section"], URL, None)
    assert read is not None
    assert read[1][0]["summary"] == "before <i>inside</i> after & more"


def test_the_common_documents_are_parsed_without_their_sections():
    apart = _cdata_apart(DOCUMENTS["html in sections"])
    assert apart is not None
    skeleton, sections = apart
    assert b"CDATA" not in skeleton
    assert sections[1] == b"<p>Second</p>"


@pytest.mark.parametrize(
    "name",
    ["reference characters outside", "a character reference to one", "a decimal reference to one"],
)
def test_a_document_with_the_reference_characters_outside_sections_is_parsed_whole(name):
    assert _cdata_apart(DOCUMENTS[name]) is None


REFUSED = {
    "a control character in a section": rss(item("<![CDATA[bell \x07]]>")),
    "U+FFFF in a section": rss(item("<![CDATA[\uffff]]>")),
    "an unclosed section": rss(item("<![CDATA[never closed")),
    "a section in an attribute value": rss(
        '<item><title a="<![CDATA[x]]>">T</title><description>d</description></item>'
    ),
    "a section before the root": b"<![CDATA[x]]>" + rss(item("d")),
    "a section inside a tag": rss("<item><title <![CDATA[x]]>>T</title></item>"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_libxml2_refuses_is_refused_still(name):
    body = REFUSED[name]
    assert read_whole(body) is None
    assert read_well_formed(body, URL, None) is None
