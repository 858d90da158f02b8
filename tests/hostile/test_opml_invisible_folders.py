"""OPML folders and categories named only with characters that show nothing (hostile r48):
such a folder is untitled, its feeds in the folder around it, and such a category no tag; they
made tags that were a blank row in Sources (`\\u200b\\u2060`) or ended in one (`A/\\u200b`)."""

from __future__ import annotations

from newstui.sources.opml import read_opml

OPML = """<?xml version="1.0"?><opml version="2.0"><body>
<outline text="&#x200B;&#x2060;"><outline type="rss" text="One" xmlUrl="https://a.example/1"/>
</outline>
<outline text="A"><outline title="&#xFE0F;" text="&#x200B;">
<outline type="rss" text="Two" xmlUrl="https://a.example/2" category="&#x2800;,News"/>
</outline></outline>
<outline text="&#x202E;Tech&#x202C;"><outline text="Daily">
<outline type="rss" text="&#x200D;" xmlUrl="https://a.example/3"/></outline></outline>
</body></opml>"""


def test_folders_and_categories_that_show_nothing_make_no_tag():
    feeds, _ = read_opml(OPML.encode(), "subs.opml")
    assert [(f.url, f.name, f.tags) for f in feeds] == [
        ("https://a.example/1", "One", ()),
        ("https://a.example/2", "Two", ("A", "News")),
        ("https://a.example/3", "https://a.example/3", ("Tech/Daily",)),
    ]
