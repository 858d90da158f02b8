"""RSS bylines shown as names (`desk@x (Priya Nair)` → `Priya Nair`), and OPML export's htmlUrl."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
from test_cli import Cli, no_user_paths  # noqa: F401  (fixtures shared with the CLI tests)

from newstui.render import updated_phrase
from newstui.sources.feeds import parse_feed
from newstui.store import open_db
from newstui.text import author_name

BYLINES_RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title><link>https://desk.example/news/</link>
<item><title>Rates held</title><guid>1</guid><author>desk@desk.example (Priya Nair)</author>
<description>The bank held rates.</description></item>
<item><title>Port reopens</title><guid>2</guid><author>tips@desk.example</author>
<description>The port reopened.</description></item>
</channel></rss>"""


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("desk@x.org (Priya Nair)", "Priya Nair"),
        ("Priya Nair <desk@x.org>", "Priya Nair"),
        ("Priya Nair (desk@x.org)", "Priya Nair"),
        ("desk@x.org", "desk@x.org"),
        ("Priya Nair", "Priya Nair"),
        ("Nair, Priya", "Nair, Priya"),
        ("a@x.org (Ana Lima), b@x.org (Ben Okafor)", "Ana Lima, Ben Okafor"),
        ("desk@x.org ()", "desk@x.org ()"),
    ],
)
def test_an_rss_byline_reads_as_the_persons_name(raw, shown):
    assert author_name(raw) == shown


@pytest.mark.parametrize(
    ("published", "updated", "shown"),
    [
        ("2026-12-06T07:00:00+00:00", None, ""),  # never updated
        ("2026-12-06T07:00:00+00:00", "2026-12-06T11:30:05+00:00", "updated 11:30"),
        ("2026-12-05T07:00:00+00:00", "2026-12-06T11:30:05+00:00", "updated 2026-12-06 11:30"),
        ("2026-12-06T00:00:00+00:00", "2026-12-06T11:30:05+00:00", "updated 11:30"),  # date only
        (None, "2026-12-06T11:30:05+00:00", "updated 2026-12-06 11:30"),  # undated
    ],
)
def test_an_updated_entrys_byline_says_when_it_changed(published, updated, shown):
    assert updated_phrase(published, updated) == shown


def test_feed_entries_are_stored_with_the_name_and_a_bare_email_stays():
    feed = parse_feed(BYLINES_RSS, "http://127.0.0.1/desk")

    assert [a.author for a in feed.articles] == ["Priya Nair", "tips@desk.example"]


@pytest.fixture
def desk(db_path, feed_server, config_file, capsys) -> Cli:
    feed_server.route("/desk", body=BYLINES_RSS, headers={"Content-Type": "application/rss+xml"})
    run = Cli(db_path, config_file({"Desk": "/desk"}), capsys)
    assert run("fetch") == 0, run.err
    return run


def test_show_prints_the_name_not_the_email(desk):
    [rates] = [r for r in desk.json("list") if r["title"] == "Rates held"]

    assert desk("show", str(rates["id"])) == 0
    assert "Priya Nair" in desk.out and "desk@desk.example" not in desk.out
    assert desk.json("show", str(rates["id"]))["author"] == "Priya Nair"


def test_a_byline_stored_by_an_older_version_is_shown_as_the_name(desk):
    db = open_db(desk.db)  # the store's triggers unpack texts with its SQL functions
    db.execute("UPDATE articles SET author = 'desk@desk.example (Priya Nair)'")  # as stored
    db.conn.close()  # before bylines were shortened at ingest

    assert {r["author"] for r in desk.json("list")} == {"Priya Nair"}


def test_opml_export_keeps_each_feeds_web_site_as_html_url(desk, tmp_path):
    assert desk("opml", "export") == 0

    [outline] = [o for o in ET.fromstring(desk.out).iter("outline") if o.get("xmlUrl")]
    assert outline.get("htmlUrl") == "https://desk.example/news/"
    assert outline.get("title") == "Desk"


def test_opml_export_of_a_feed_never_fetched_has_the_html_url_its_import_gave_else_none(
    desk, tmp_path
):
    """The export dropped the htmlUrl of the feeds an OPML brought, until fetched (r47 L3)."""
    with desk.config.open("a", encoding="utf-8") as f:
        f.write('\n[[feeds]]\nname = "Later"\nurl = "https://later.example/rss"\n')
    desk_url = next(o for o in desk.json("feeds") if o["name"] == "Desk")["url"]
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body>'
        '<outline text="Brought" xmlUrl="https://b.example/rss" htmlUrl="https://b.example/"/>'
        '<outline text="Odd" xmlUrl="https://odd.example/rss" htmlUrl="javascript:x()"/>'
        f'<outline text="Desk" xmlUrl="{desk_url}" htmlUrl="https://elsewhere.example/"/>'
        "</body></opml>",
        "utf-8",
    )
    assert desk("opml", "import", str(opml)) == 0

    assert desk("opml", "export") == 0

    outlines = {o.get("title"): o for o in ET.fromstring(desk.out).iter("outline")}
    assert outlines["Later"].get("htmlUrl") is None
    assert outlines["Desk"].get("htmlUrl") == "https://desk.example/news/"  # its own, fetched
    assert outlines["Brought"].get("htmlUrl") == "https://b.example/"
    assert outlines["Odd"].get("htmlUrl") is None


def test_a_sync_server_subscriptions_web_site_reaches_the_opml_export(tmp_path):
    from newstui.config import FeedConfig
    from newstui.library import Library
    from newstui.sources.opml import write_opml
    from newstui.sync.items import parse_subscriptions

    answer = {
        "subscriptions": [
            {
                "id": "feed/7",
                "title": "Harbour",
                "url": "https://harbour.example/rss",
                "htmlUrl": "https://harbour.example/",
                "categories": [],
            },
            {"id": "feed/8", "title": "Odd", "url": "https://odd.example/rss", "htmlUrl": "x:y"},
        ]
    }
    remote = parse_subscriptions(answer)
    assert [f.site_url for f in remote] == ["https://harbour.example/", None]

    with Library.open(tmp_path / "s.db") as library:
        library.sync.apply_subscriptions(remote, {})
        sites = library.site_urls()

    assert sites == {"https://harbour.example/rss": "https://harbour.example/"}
    exported = ET.fromstring(
        write_opml([FeedConfig("https://harbour.example/rss", "Harbour")], site_urls=sites)
    )
    [outline] = [o for o in exported.iter("outline") if o.get("xmlUrl")]
    assert outline.get("htmlUrl") == "https://harbour.example/"
