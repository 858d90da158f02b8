"""OPML import and export: folders become tags (a nested folder the tag of its path) and back."""

import re

import pytest

from newstui.config import FeedConfig
from newstui.errors import SourceError
from newstui.sources.opml import parse_opml, read_opml, write_opml

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>subs</title></head><body>
  <outline text="News"><outline text="BBC" type="rss" xmlUrl="https://bbc.example/rss"/>
    <outline text="Deep"><outline title="Inner" xmlUrl="https://inner.example/feed"/>
      <outline text="&lt;b&gt;Bold&lt;/b&gt; Picks"><outline title="&lt;i&gt;Blog &amp;amp; co&lt;/i&gt;"
        xmlUrl="https://blog.example/rss" category="&lt;b&gt;x&lt;/b&gt;"/></outline></outline>
  </outline>
  <outline title="Deep"><outline text="Other deep" xmlUrl="https://other.example/rss"/></outline>
  <outline text="Top" xmlUrl="https://top.example/atom"/>
  <outline text="Bad" xmlUrl="javascript:alert(1)"/>
</body></opml>"""


def test_opml_folders_become_tags():
    """A nested folder is one tag, its path: News's "Deep" is not the top "Deep" (user test r47
    H3); markup and entities in names are taken out (L1)."""
    feeds = parse_opml(OPML, "subs.opml")
    assert [(f.name, f.url, f.tags) for f in feeds] == [
        ("BBC", "https://bbc.example/rss", ("News",)),
        ("Inner", "https://inner.example/feed", ("News/Deep",)),
        ("Blog & co", "https://blog.example/rss", ("News/Deep/Bold Picks", "x")),
        ("Other deep", "https://other.example/rss", ("Deep",)),
        ("Top", "https://top.example/atom", ()),
    ]


def test_a_feed_in_two_folders_is_one_feed_tagged_with_both():
    """Feedly and Inoreader list a feed under each of its folders; the second folder was lost."""
    body = b"""<opml version="1.0"><body>
      <outline text="Tech"><outline text="Wire" xmlUrl="https://wire.example/rss"/>
        <outline text="Other" xmlUrl="https://other.example/rss"/></outline>
      <outline text="World"><outline text="Wire again" xmlUrl="https://wire.example/rss"
        category="tech,Daily"/></outline>
    </body></opml>"""
    feeds = parse_opml(body, "subs.opml")
    assert [(f.name, f.tags) for f in feeds] == [
        ("Wire", ("Tech", "World", "Daily")),
        ("Other", ("Tech",)),
    ]


def test_export_then_import_round_trips():
    feeds = [
        FeedConfig("https://a.example/rss", "A & B", ("world",)),
        FeedConfig("https://c.example/", "C"),
        FeedConfig("https://d.example/", "D", ("Tech/Daily/Must read", "Café & Küche/Daily")),
        FeedConfig("https://e.example/", "E", ("Tech/Daily", "Misc / Other")),
        FeedConfig("https://f.example/", "F", ("/".join(f"L{i}" for i in range(20)),)),
    ]
    text = write_opml(feeds)
    again = parse_opml(text.encode(), "x")
    assert [(f.name, f.url, f.tags) for f in again] == [(f.name, f.url, f.tags) for f in feeds]
    # other readers see the folders nested, a feed in each of its folders (user test r47 H3)
    without_ours = re.sub(r' (newstui:tags|category)="[^"]*"', "", text).encode()
    assert [(f.name, f.tags) for f in parse_opml(without_ours, "x")] == [
        ("A & B", ("world",)),
        ("C", ()),
        ("D", ("Tech/Daily/Must read", "Café & Küche/Daily")),
        ("E", ("Tech/Daily", "Misc / Other")),
        # 16 folders, the last titled "L15/L16/…/L19": one folder's title, its "/" kept apart
        ("F", ("/".join(f"L{i}" for i in range(16)) + "\u2215L16\u2215L17\u2215L18\u2215L19",)),
    ]
    assert text.count('<outline text="Tech"') == 1 and text.count('xmlUrl="https://d.') == 2
    assert '<outline text="L15/L16/L17/L18/L19"' in text


def test_folders_nested_too_deep_fold_into_the_16th_with_one_warning():
    """1,200 nested folders ended the import in a RecursionError; 400 wrote a 3,800-character
    tag (review r47 L5)."""
    folders = "".join(f'<outline text="f{i}">' for i in range(1200))
    body = (
        f'<opml version="2.0"><body>{folders}<outline text="X" xmlUrl="https://x.example/rss"/>'
        f'{"</outline>" * 1200}<outline text="Top" xmlUrl="https://top.example/rss"/></body></opml>'
    )
    feeds, notes = read_opml(body.encode(), "deep.opml")
    assert [(f.name, f.tags) for f in feeds] == [
        ("X", ("/".join(f"f{i}" for i in range(16)),)),
        ("Top", ()),
    ]
    assert [(n.reason, n.note) for n in notes] == [
        (
            'folders nested more than 16 deep (the first: outline "f16") are read as the 16th, '
            '"f15": their feeds get its tag',
            True,
        )
    ]


@pytest.mark.parametrize("body", [b"not xml", b"<html/>", b'<!DOCTYPE x [<!ENTITY a "b">]><opml/>'])
def test_bad_opml_is_a_clear_error(body):
    with pytest.raises(SourceError, match=r"^f\.opml: "):
        parse_opml(body, "f.opml")


_DECLARES = (
    '<!DOCTYPE opml [<!ENTITY a "https://e.example/feed">]><opml version="2.0"><body>'
    '<outline text="&a;" xmlUrl="&a;"/></body></opml>'
)


@pytest.mark.parametrize(
    "body",
    [
        ('<?xml version="1.0" encoding="utf-16"?>' + _DECLARES).encode("utf-16"),
        ('<?xml version="1.0" encoding="utf-16"?>' + _DECLARES).encode("utf-16-be"),
        ('<?xml version="1.0" encoding="utf-16"?>' + _DECLARES).encode("utf-16-le"),
        ('<?xml version="1.0"?><!--' + "x" * 70_000 + "-->" + _DECLARES).encode(),
    ],
    ids=["utf-16 with bom", "utf-16be", "utf-16le", "long comment"],
)
def test_an_opml_declaring_entities_in_utf16_or_after_a_long_prolog_is_refused(body):
    with pytest.raises(SourceError) as info:
        parse_opml(body, "f.opml")
    assert str(info.value) == "f.opml: refused: the OPML declares a DTD or entities"


def test_an_opml_that_is_not_xml_says_where_as_a_reader_counts() -> None:
    with pytest.raises(SourceError) as info:
        parse_opml(b'<opml version="2.0">\n<body><outline text="a" </body></opml>', "subs.opml")
    assert (
        str(info.value)
        == "subs.opml: not valid OPML: line 2, column 25: not well-formed (invalid token)"
    )


@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_an_opml_with_a_bare_ampersand_is_read_and_said_repaired(codec):
    """One "Café & Küche" refused 800 feeds; readers built on libxml2 read it (user test r47 L4)."""
    body = (
        f'<?xml version="1.0" encoding="{codec}"?>\n<opml version="2.0"><body>\n'
        '<outline text="Café & Küche"><outline text="A &amp; B &nbsp;"'
        ' xmlUrl="https://a.example/?x=1&y=2&amp;z=3"/></outline></body></opml>'
    )
    feeds, [note] = read_opml(body.encode(codec), "subs.opml")
    assert [(f.name, f.url, f.tags) for f in feeds] == [
        ("A & B", "https://a.example/?x=1&y=2&z=3", ("Café & Küche",))
    ]
    assert note.note and note.reason == (
        "repaired: 3 &s not written as &amp; (the first on line 3) read as plain text"
    )


@pytest.mark.parametrize(
    ("written", "fetched"),
    [
        ("feed://example.org/rss", "http://example.org/rss"),
        ("FEED://example.org/rss", "http://example.org/rss"),
        ("feed:https://example.org/atom", "https://example.org/atom"),
        ("feed:http://example.org/atom", "http://example.org/atom"),
        ("itpc://pod.example/cast.xml", "http://pod.example/cast.xml"),
        ("pcast://pod.example/cast.xml", "http://pod.example/cast.xml"),
    ],
)
def test_feed_scheme_outlines_are_subscribed_over_http(written, fetched):
    body = f'<opml version="2.0"><body><outline text="F" xmlUrl="{written}"/></body></opml>'
    feeds, skipped = read_opml(body.encode(), "subs.opml")
    assert [f.url for f in feeds] == [fetched] and skipped == []


@pytest.mark.parametrize(
    ("outline", "reason"),
    [
        ('xmlUrl="/srv/feeds/a.xml"', "a local file, not a web feed"),
        ('xmlUrl="~/feeds/a.xml"', "a local file, not a web feed"),
        ('xmlUrl="file:///etc/passwd"', "(file:///etc/passwd): a local file, not a web feed"),
        ('xmlUrl="gopher://g.example/1"', "not an http(s) feed URL (scheme gopher:)"),
        ('xmlUrl="feed:ftp://x.example/a"', "not an http(s) feed URL (scheme feed:)"),
        ('xmlUrl="example.org/rss"', "did you mean https://example.org/rss ?"),
        ('xmlUrl="https://x.example:8O80/rss"', "has a port that is no number from 0 to 65535"),
        ('type="link" url="https://x.example/"', "a link to a page, not a feed (no xmlUrl)"),
        ('type="rss" htmlUrl="https://x.example/"', "a link to a page, not a feed (no xmlUrl)"),
        ('type="rss"', "a feed without its address (no xmlUrl)"),
    ],
)
def test_an_outline_that_is_no_feed_is_skipped_with_its_name_and_reason(outline, reason):
    body = (
        '<opml version="2.0"><body><outline text="Folder">'
        f'<outline text="Odd" {outline}/><outline text="Ok" xmlUrl="https://ok.example/rss"/>'
        '</outline><outline text="Empty folder"/></body></opml>'
    )
    feeds, skipped = read_opml(body.encode(), "subs.opml")
    assert [(f.name, f.tags) for f in feeds] == [("Ok", ("Folder",))]
    [line] = skipped
    assert line.reason.startswith('outline "Odd"') and reason in line.reason
    assert line.local is None  # an OPML is someone else's: it names no file to read (r47 M3)


def test_an_xmlurl_attribute_is_read_whatever_its_case():
    body = b'<opml version="2.0"><body><outline text="U" XMLURL="https://u.example/rss"/></body></opml>'
    assert [f.url for f in parse_opml(body, "subs.opml")] == ["https://u.example/rss"]


def test_export_puts_feeds_whose_first_tags_differ_only_in_case_in_one_folder():
    feeds = [
        FeedConfig("https://a.example/rss", "A", ("Tech",)),
        FeedConfig("https://b.example/rss", "B", ("tech",)),  # a sync server's folder, say
    ]
    text = write_opml(feeds)
    assert text.count('<outline text="Tech"') == 1 and 'text="tech"' not in text
    assert [(f.name, f.tags) for f in parse_opml(text.encode(), "x")] == [
        ("A", ("Tech",)),
        ("B", ("Tech",)),
    ]


def test_outlines_inside_a_feed_outline_are_read_as_inside_a_folder():
    """A feed outline holding outlines (a folder that is a feed too) lost every feed in it."""
    body = b"""<opml version="2.0"><body>
      <outline text="Gazette" xmlUrl="https://gazette.example/rss">
        <outline text="Gazette Sport" xmlUrl="https://gazette.example/sport.rss"/>
      </outline>
      <outline text="Odd" xmlUrl="gopher://odd.example/1">
        <outline text="Kept" xmlUrl="https://kept.example/rss"/>
      </outline>
    </body></opml>"""
    feeds, skipped = read_opml(body, "subs.opml")
    assert [(f.name, f.tags) for f in feeds] == [
        ("Gazette", ()),
        ("Gazette Sport", ("Gazette",)),
        ("Kept", ("Odd",)),
    ]
    assert len(skipped) == 1


@pytest.mark.parametrize("scheme", ["ftp://", "", "http:/", "//", "http://"])
def test_a_skipped_outline_never_shows_the_password_in_its_address(scheme):
    url = (
        f"{scheme}me:hun ter2@f.example/a"
        if scheme == "http://"
        else f"{scheme}me:hunter2@f.example/a"
    )
    body = f'<opml version="2.0"><body><outline text="Mine" xmlUrl="{url}"/></body></opml>'
    [line] = read_opml(body.encode(), "subs.opml")[1]
    assert "ter2" not in line.reason and f"({scheme}me:***@f.example/a)" in line.reason


@pytest.mark.parametrize(
    "tags",
    [("a/b", "x,y", "<&>"), ("x,y",), ("a/b",), ("News", "Tech/AI", "  spaced ", '"quoted"')],
)
def test_export_then_import_keeps_tags_with_commas_slashes_and_markup_exactly(tags):
    feeds = [FeedConfig("https://a.example/rss", "A", tags)]
    again = parse_opml(write_opml(feeds).encode(), "x")
    assert [f.tags for f in again] == [tuple(t.strip() for t in tags)]


def test_an_exported_category_stays_opml_for_other_readers():
    text = write_opml([FeedConfig("https://a.example/rss", "A", ("news", "tech"))])
    assert 'category="news,tech"' in text and 'xmlns:newstui="urn:newstui:opml"' in text


@pytest.mark.parametrize(
    ("category", "tags"),
    [
        ("news,tech", ("news", "tech")),
        ("/Boston/Weather,/Politics", ("Boston", "Weather", "Politics")),  # the spec's example
    ],
)
def test_another_readers_category_becomes_tags(category, tags):
    body = (
        '<opml version="2.0"><body>'
        f'<outline text="A" xmlUrl="https://a.example/rss" category="{category}"/></body></opml>'
    ).encode()
    assert [f.tags for f in parse_opml(body, "x")] == [tags]


def test_newstuis_tags_attribute_that_is_not_a_list_of_strings_falls_back_to_category():
    body = (
        b'<opml version="2.0" xmlns:newstui="urn:newstui:opml"><body>'
        b'<outline text="A" xmlUrl="https://a.example/rss" category="a,b" newstui:tags="[1]"/>'
        b'<outline text="B" xmlUrl="https://b.example/rss" category="c" newstui:tags="{"/>'
        b"</body></opml>"
    )
    assert [f.tags for f in parse_opml(body, "x")] == [("a", "b"), ("c",)]


def test_a_feed_url_written_with_a_space_is_kept_percent_encoded():
    # It was skipped as "not an absolute http(s) URL", as feed links were before `web_url`.
    body = (
        '<opml version="2.0"><body><outline text="Spaced" xmlUrl="https://pod.example/my feed.xml"/>'
        '<outline text="Feed" xmlUrl="feed://pod.example/other show.xml"/>'
        '<outline text="Host" xmlUrl="https://pod example/rss"/></body></opml>'
    )
    feeds, skipped = read_opml(body.encode(), "subs.opml")
    assert [(f.name, f.url) for f in feeds] == [
        ("Spaced", "https://pod.example/my%20feed.xml"),
        ("Feed", "http://pod.example/other%20show.xml"),
    ]
    [line] = skipped  # a space in the host is still no address
    assert line.reason.startswith('outline "Host"')
