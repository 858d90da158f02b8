"""A `[[feeds]]` entry without `name` goes by the title its feed gives once fetched, as newsboat
shows a feed's title: in `feeds`, `list`, the app's Sources, and for `fetch`, `remove`, `--feed`."""

from __future__ import annotations

import re
import sqlite3

import pytest
from test_cli import Cli, no_user_paths  # noqa: F401  (fixtures shared with the CLI tests)

from newstui.config import FeedConfig, load_config
from newstui.config.source_edits import add_feeds
from newstui.library import Library

WIRE = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>
<item><title>%s</title><guid>%s</guid><description>Text.</description></item>
</channel></rss>"""


def feed(title: str, item: str = "Ferry strike ends") -> bytes:
    return WIRE % (title.encode(), item.encode(), item.encode())


@pytest.fixture
def unnamed(tmp_path, db_path, feed_server, capsys):
    """Write a config of entries without `name` ({path: None}) or with one ({path: name})."""

    def write(entries: dict[str, str | None]) -> Cli:
        lines = ["[settings]", "timeout = 5", "fulltext = false"]
        for path, name in entries.items():
            lines += ["", "[[feeds]]", f'url = "{feed_server.url(path)}"']
            lines += [f'name = "{name}"'] if name else []
        config = tmp_path / "feeds.toml"
        config.write_text("\n".join(lines) + "\n", "utf-8")
        Library.open(db_path).close()
        return Cli(db_path, config, capsys)

    return write


def names(run: Cli) -> dict[str, str]:
    """Each listed source's URL → the name `feeds` gives it."""
    return {row["url"]: row["name"] for row in run.json("feeds")}


def test_a_feed_without_a_name_goes_by_its_title_once_fetched(unnamed, feed_server):
    feed_server.route("/wire", body=feed("Harbour Gazette"))
    run = unnamed({"/wire": None})
    url = feed_server.url("/wire")
    # before its first fetch: its address, without the scheme (sorted by what shows: LOW-7)
    assert names(run) == {url: url.removeprefix("http://")}
    assert run("fetch") == 0, run.err
    assert names(run) == {url: "Harbour Gazette"}
    [row] = run.json("list")
    assert row["feed"] == "Harbour Gazette"
    # the title is a name for every command; the URL still is one too
    assert [r["title"] for r in run.json("list", "--feed", "harbour gazette")] == [row["title"]]
    assert [r["title"] for r in run.json("list", "--query", "feed:gazette")] == [row["title"]]
    assert [r["title"] for r in run.json("list", "--query", "feed:127.0.0.1")] == [row["title"]]
    assert run("fetch", "Harbour Gazette") == 0, run.err
    assert run("fetch", url) == 0, run.err
    assert "name" not in run.config.read_text("utf-8")  # the config is left as written


def test_fetch_json_gives_a_titled_feeds_id_and_name_beside_its_url_so_scripts_can_join(
    unnamed, feed_server, tmp_path
):
    feed_server.route("/wire", body=feed("Harbour Gazette"))
    feed_server.route("/lab", body=feed("Lab Notes", "Lab opens"))
    run = unnamed({"/wire": None, "/lab": "Lab"})

    fetched = {o["source"]: (o["feed_id"], o["feed"]) for o in run.json("fetch")}

    ids = {row["name"]: row["id"] for row in run.json("feeds")}
    assert fetched == {  # "source": the title this fetch read (user test r50 LOW-1), as "feed"
        "Harbour Gazette": (ids["Harbour Gazette"], "Harbour Gazette"),
        "Lab": (ids["Lab"], "Lab"),
    }
    assert {r["feed"] for r in run.json("list")} == {"Harbour Gazette", "Lab"}
    note = tmp_path / "note.txt"
    note.write_text("A note\n\nIts body.", "utf-8")
    [imported] = run.json("import", str(note))
    ids = {row["name"]: row["id"] for row in run.json("feeds")}
    assert (imported["feed_id"], imported["feed"]) == (ids[imported["source"]], imported["source"])


def test_a_named_feed_keeps_its_name_and_a_titled_one_follows_a_new_title(unnamed, feed_server):
    route = feed_server.route("/wire", body=feed("Harbour Gazette"))
    feed_server.route("/pod", body=feed("The Pod Show", "Episode 1"))
    run = unnamed({"/wire": None, "/pod": "Pod"})
    assert run("fetch") == 0, run.err
    assert set(names(run).values()) == {"Harbour Gazette", "Pod"}
    route.body = feed("Harbour Gazette (new look)")
    assert run("fetch") == 0, run.err
    assert set(names(run).values()) == {"Harbour Gazette (new look)", "Pod"}


def test_two_sources_never_share_a_name_through_a_title(unnamed, feed_server):
    """Two feeds giving the same title, or one giving another's name: the second keeps its URL,
    so `fetch NAME` and `--feed NAME` still name one source."""
    feed_server.route("/a", body=feed("Gazette", "A story"))
    feed_server.route("/b", body=feed("Gazette", "B story"))
    feed_server.route("/c", body=feed("Wire", "C story"))
    run = unnamed({"/a": None, "/b": None, "/c": None, "/named": "Wire"})
    feed_server.route("/named", body=feed("Something else", "D story"))
    assert run("fetch") == 0, run.err
    shown = names(run)
    a, b = feed_server.url("/a"), feed_server.url("/b")
    bare = {a: a.removeprefix("http://"), b: b.removeprefix("http://")}
    assert {shown[a], shown[b]} in ({"Gazette", bare[a]}, {"Gazette", bare[b]})
    assert shown[feed_server.url("/c")] == feed_server.url("/c").removeprefix("http://")
    assert shown[feed_server.url("/named")] == "Wire"
    assert run("fetch") == 0, run.err  # stable on the next fetch
    assert names(run) == shown


def test_remove_by_the_title_takes_the_entry_out_of_the_config(unnamed, feed_server):
    """`remove TITLE` deleted the stored feed but left its entry, which came back at the next
    fetch."""
    feed_server.route("/wire", body=feed("Harbour Gazette"))
    feed_server.route("/pod", body=feed("The Pod Show", "Episode 1"))
    run = unnamed({"/wire": None, "/pod": None})
    assert run("fetch") == 0, run.err
    assert run("remove", "Harbour Gazette") == 0, run.err
    assert run.out.startswith("removed Harbour Gazette from ")
    assert "/wire" not in run.config.read_text("utf-8")
    assert "/pod" in run.config.read_text("utf-8")
    assert run("fetch") == 0, run.err
    assert list(names(run).values()) == ["The Pod Show"]


def test_a_fetch_error_of_an_untitled_feed_is_not_shown_after_its_url_again(unnamed, feed_server):
    feed_server.route("/wire", body=feed("Harbour Gazette"))
    run = unnamed({"/wire": None})
    assert run("fetch") == 0, run.err
    feed_server.route("/wire", status=404)
    run("fetch")
    [row] = run.json("feeds")
    assert row["name"] == "Harbour Gazette" and "HTTP 404" in row["last_error"]
    assert run("feeds") == 0
    [line] = [line for line in run.out.splitlines() if "Harbour Gazette" in line]
    assert "HTTP 404" in line and "/wire" not in line


def test_a_store_from_before_titles_names_its_untitled_feeds_by_title(unnamed, feed_server):
    """A store of an earlier version kept such a feed under its URL though its title was
    stored: the next registration (a fetch, the app's start) names it. (`feeds` registers
    nothing: it only reads.)"""
    feed_server.route("/wire", body=feed("Harbour Gazette"))
    run = unnamed({"/wire": None})
    assert run("fetch") == 0, run.err
    conn = sqlite3.connect(run.db)
    conn.execute("UPDATE feeds SET name = url")
    conn.commit()
    conn.close()
    feed_server.route("/wire", status=404)  # the name comes from the stored title
    run("fetch")
    assert list(names(run).values()) == ["Harbour Gazette"]


def test_feeds_added_without_a_known_name_are_written_without_one(tmp_path):
    """An OPML outline without a title (or a newsboat urls line without one) was written with
    its URL as `name`, which then named the feed forever."""
    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\n", "utf-8")
    url = "https://example.org/rss"
    added = add_feeds(path, [FeedConfig(url, url), FeedConfig("https://b.example/", "Bee")])
    bare = "example.org/rss"  # (its address without the scheme until a title names it: LOW-7)
    assert [(f.name, f.named) for f in added] == [(bare, False), ("Bee", True)]
    text = path.read_text("utf-8")
    assert 'name = "Bee"' in text and 'name = "https:' not in text
    assert [(f.name, f.named) for f in load_config(path).feeds] == [(bare, False), ("Bee", True)]
    # an outline whose text is its address without the scheme has no name either
    added = add_feeds(path, [FeedConfig("https://c.example/x", "c.example/x")])
    assert [(f.name, f.named) for f in added] == [("c.example/x", False)]


def test_opml_export_names_an_unnamed_feed_by_its_title(unnamed, feed_server):
    """The export named it by its URL while every listing showed its title."""
    feed_server.route("/wire", body=feed("Harbour Gazette"))
    feed_server.route("/pod", body=feed("The Pod Show", "Episode 1"))
    run = unnamed({"/wire": None, "/pod": "Pod", "/never": None})
    assert run("fetch") == 3  # /never is not served
    assert run("opml", "export") == 0
    titles = re.findall(r'text="([^"]*)" title="[^"]*" xmlUrl="([^"]*)"', run.out)
    assert sorted(titles) == sorted(
        [
            ("Harbour Gazette", feed_server.url("/wire")),
            ("Pod", feed_server.url("/pod")),
            (feed_server.url("/never"), feed_server.url("/never")),  # no title yet: its URL
        ]
    )


# `newstui import FILE`: a feed file goes by its title as a fetched feed does -------------------


@pytest.fixture
def importing(tmp_path, db_path, capsys) -> Cli:
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\ntimeout = 5\nfulltext = false\n", "utf-8")
    return Cli(db_path, config, capsys)


def source_names(run: Cli) -> list[str]:
    return sorted(f["name"] for f in run.json("feeds"))


def test_an_imported_feed_file_goes_by_its_title_and_follows_a_new_one(importing, tmp_path):
    wire = tmp_path / "wire.xml"
    wire.write_bytes(feed("Harbour Gazette"))

    assert importing("import", str(wire)) == 0
    assert source_names(importing) == ["Harbour Gazette"]
    assert {r["feed"] for r in importing.json("list")} == {"Harbour Gazette"}
    assert importing.json("import", str(wire))[0]["source"] == "Harbour Gazette"

    wire.write_bytes(feed("Harbour Gazette Weekly", "Pier reopens"))
    assert importing("import", str(wire)) == 0
    assert source_names(importing) == ["Harbour Gazette Weekly"]

    assert importing("remove", "harbour gazette weekly") == 0
    assert "removed Harbour Gazette Weekly: 2 articles deleted" in importing.out


def test_an_imported_file_is_removed_by_its_path_too(importing, tmp_path):
    wire = tmp_path / "wire.xml"
    wire.write_bytes(feed("Harbour Gazette"))
    assert importing("import", str(wire)) == 0

    assert importing("remove", str(wire)) == 0
    assert "removed Harbour Gazette: 1 article deleted" in importing.out
    assert importing.json("feeds") == []


def test_an_imported_file_keeps_the_name_given_and_a_title_another_source_has(importing, tmp_path):
    folder = tmp_path / "clippings"
    folder.mkdir()
    mine, other, third = (folder / f"{name}.xml" for name in ("mine", "other", "third"))
    mine.write_bytes(feed("Harbour Gazette"))
    other.write_bytes(feed("Harbour Gazette", "Pier reopens"))
    third.write_bytes(feed("harbour gazette", "Tram returns"))

    assert importing("import", str(mine), "--name", "My Gazette") == 0
    assert importing("import", str(mine)) == 0  # the name given once stays
    assert importing("import", str(other)) == 0  # the title is free: taken
    assert importing("import", str(third)) == 0  # no two sources share a name
    assert importing("import", str(folder)) == 0  # a folder goes by the folder's name

    assert source_names(importing) == ["Harbour Gazette", "My Gazette", "clippings", "third.xml"]


def test_fetch_names_an_untitled_entry_by_its_title_in_every_line_once_read(unnamed, feed_server):
    """User test r48 LOW-27: `fetch` said `warning: http://…/wire.xml: …` of a feed Sources
    listed by its title; a user-given name still wins (LOW-7)."""
    feed_server.route("/wire", body=feed("Harbour Gazette"))
    feed_server.route("/lab", body=feed("Lab Notes", "Lab opens"))
    run = unnamed({"/wire": None, "/lab": "Lab"})
    assert run("fetch") == 0, run.err
    feed_server.route("/wire", status=404)
    feed_server.route("/lab", body=feed("Lab Notes", "Lab closes"))
    assert run("fetch") != 0
    said = run.out + run.err
    assert "Harbour Gazette: HTTP 404" in said, said
    assert feed_server.url("/wire") not in said.replace("(url = ", "")
    assert sorted(names(run).values()) == ["Harbour Gazette", "Lab"]


def test_untitled_feeds_sort_by_their_address_as_shown_not_under_h(unnamed, feed_server):
    """User test r48 LOW-7: `127.0.0.1…` rows sat between Hobart and Kraków (the hidden
    `http://`); shown without the scheme, they sort by what shows."""
    feed_server.route(
        "/bare",
        body=b"<rss version='2.0'><channel><item><title>x</title>"
        b"<guid>x</guid></item></channel></rss>",
    )
    feed_server.route("/h", body=feed("Hobart Wire"))
    feed_server.route("/a", body=feed("Aachen Post", "A story"))
    run = unnamed({"/bare": None, "/h": None, "/a": None})
    assert run("fetch") == 0, run.err
    listed = [row["name"] for row in run.json("feeds")]
    assert listed == [
        feed_server.url("/bare").removeprefix("http://"),
        "Aachen Post",
        "Hobart Wire",
    ]


UNTITLED_RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel>%s
<item><title>%s</title><guid>%s</guid><description>Text.</description></item>
</channel></rss>"""


def untitled(link: str, item: str = "Ferry strike ends") -> bytes:
    return UNTITLED_RSS % (f"<link>{link}</link>".encode(), item.encode(), item.encode())


def test_a_feed_without_a_title_goes_by_the_host_of_the_site_it_declares(unnamed, feed_server):
    """User test r49 LOW-9: a feed with no <title> read `127.0.0.…tle.xml` in the headlines;
    its <link> names its site, whose host (no `www.`) tells it apart better."""
    feed_server.route("/notitle.xml", body=untitled("https://www.harbour-gazette.example/news/"))
    run = unnamed({"/notitle.xml": None})
    url = feed_server.url("/notitle.xml")
    assert names(run) == {url: url.removeprefix("http://")}  # (nothing read yet)
    [fetched] = run.json("fetch")
    assert fetched["feed"] == "harbour-gazette.example"
    assert names(run) == {url: "harbour-gazette.example"}
    [row] = run.json("list")
    assert row["feed"] == "harbour-gazette.example"
    assert run("list") == 0 and "harbour-gazette.example" in run.out
    assert [r["title"] for r in run.json("list", "--feed", "harbour-gazette.example")] == [
        "Ferry strike ends"
    ]
    # a title, once the feed gives one, wins
    feed_server.route("/notitle.xml", body=feed("Harbour Gazette"))
    assert run("fetch") == 0, run.err
    assert names(run) == {url: "Harbour Gazette"}


def test_atom_and_json_feeds_without_a_title_go_by_their_sites_host(unnamed, feed_server):
    feed_server.route(
        "/atom",
        body=b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<id>urn:a</id><link rel="self" href="http://self.example/atom"/>
<link rel="alternate" href="https://lab.example:8443/"/><updated>2024-12-01T09:00:00Z</updated>
<entry><id>urn:a1</id><title>Lab opens</title><updated>2024-12-01T09:00:00Z</updated>
<summary>Text.</summary></entry></feed>""",
    )
    feed_server.route(
        "/json",
        body=b'{"version": "https://jsonfeed.org/version/1.1", "home_page_url": '
        b'"https://www.xn--mnchen-3ya.example/", "items": [{"id": "1", "title": "Bridge", '
        b'"content_text": "Text."}]}',
    )
    run = unnamed({"/atom": None, "/json": None})
    assert run("fetch") == 0, run.err
    assert set(names(run).values()) == {"lab.example:8443", "münchen.example"}


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",  # only http(s) sites count
        "ftp://files.example/",
        "http://evil.example\x1b[31m/",  # a control sequence: no host at all
        "http://&lt;b&gt;bold&lt;/b&gt;/",  # markup is no host's
    ],
)
def test_a_site_link_that_is_no_http_host_leaves_the_feed_its_address(unnamed, feed_server, link):
    feed_server.route("/odd", body=untitled(link))
    run = unnamed({"/odd": None})
    assert run("fetch") == 0, run.err
    url = feed_server.url("/odd")
    assert names(run) == {url: url.removeprefix("http://")}


def test_two_untitled_feeds_of_one_site_do_not_share_its_host(unnamed, feed_server):
    feed_server.route("/a", body=untitled("https://wire.example/", "A story"))
    feed_server.route("/b", body=untitled("https://www.wire.example/b", "B story"))
    run = unnamed({"/a": None, "/b": None})
    assert run("fetch") == 0, run.err
    shown = sorted(names(run).values())
    a, b = feed_server.url("/a"), feed_server.url("/b")
    assert shown in (
        sorted(["wire.example", a.removeprefix("http://")]),
        sorted(["wire.example", b.removeprefix("http://")]),
    )
    assert run("fetch") == 0, run.err  # stable on the next fetch (a 304 too)
    assert sorted(names(run).values()) == shown


def test_a_named_feed_keeps_its_name_whatever_site_it_declares(unnamed, feed_server):
    feed_server.route("/wire", body=untitled("https://wire.example/"))
    run = unnamed({"/wire": "My Wire"})
    assert run("fetch") == 0, run.err
    assert names(run) == {feed_server.url("/wire"): "My Wire"}


def titled(title: str, link: str, item: str = "Ferry strike ends") -> bytes:
    return UNTITLED_RSS % (
        f"<title>{title}</title><link>{link}</link>".encode(),
        item.encode(),
        item.encode(),
    )


def test_a_feed_once_titled_then_served_untitled_goes_by_one_name_in_fetch_and_feeds(
    unnamed, feed_server
):
    """Review r50 LOW-3: a fetch's own lines said `harbour.org` of a feed `feeds` listed as Foo
    (the title read before): one rule names it in both, the last title read."""
    feed_server.route("/wire", body=titled("Foo", "https://www.harbour.org/"))
    run = unnamed({"/wire": None})
    url = feed_server.url("/wire")
    [fetched] = run.json("fetch")
    assert (fetched["source"], fetched["feed"]) == ("Foo", "Foo")
    feed_server.route("/wire", body=untitled("https://www.harbour.org/", "Second story"))
    [fetched] = run.json("fetch")  # ("source": the name its line says)
    assert (fetched["source"], fetched["feed"], names(run)) == ("Foo", "Foo", {url: "Foo"})


def test_a_feed_whose_title_another_source_has_goes_by_its_sites_host_everywhere(
    unnamed, feed_server
):
    """Review r50 LOW-3's second half: registering gave a feed whose title was taken its site's
    host, a fetch's lines and record kept its address; one rule for both now."""
    feed_server.route("/named", body=feed("Other"))
    feed_server.route("/wire", body=titled("Harbour News", "https://harbour.example/"))
    run = unnamed({"/named": "Harbour News", "/wire": None})
    url = feed_server.url("/wire")
    said = {row["source"] for row in run.json("fetch")}
    assert said == {"Harbour News", "harbour.example"}
    assert names(run)[url] == "harbour.example"
    assert {r["feed"] for r in run.json("list")} == {"Harbour News", "harbour.example"}
    assert names(run)[url] == "harbour.example"  # (registered again by `list`: the same)
