"""A newsboat user's read state comes along: `opml import` of newsboat's urls file takes the read,
deleted and starred items of its cache.db, and the first fetch gives them to the articles it
stores (user test r31 L6: 3,101 unread after a migration from a newsboat that had read most)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.library import Library
from newstui.model import ArticleFilter, RetentionPolicy
from newstui.store.pending_marks import UNMATCHED_DAYS
from tests.newsboat_cache import Item, write_cache
from tests.ports import refused_port


def _rss(title: str, items: list[tuple[str | None, str]]) -> bytes:
    """An RSS feed of items (guid or None, link)."""
    body = "".join(
        f"<item><title>{title} {n}</title><link>{link}</link>"
        + (f"<guid isPermaLink='false'>{guid}</guid>" if guid else "")
        + f"<description>Story {n} of {title}.</description></item>"
        for n, (guid, link) in enumerate(items)
    )
    return f"<rss version='2.0'><channel><title>{title}</title>{body}</channel></rss>".encode()


class Newsboat:
    """Two feeds on the test server, newsboat's urls file and its cache beside it, and the
    command line over a new store and config."""

    def __init__(self, tmp_path: Path, feed_server, capsys) -> None:
        self.home = tmp_path / ".newsboat"
        self.home.mkdir()
        self.capsys = capsys
        self.db = tmp_path / "newstui.db"
        self.config = tmp_path / "feeds.toml"
        self.config.write_text("[settings]\ntimeout = 5\nfulltext = false\n", "utf-8")
        self.wire = feed_server.url("/wire")
        self.blog = feed_server.url("/blog")
        link = feed_server.url("/story/")
        feed_server.route(
            "/wire",
            body=_rss("Wire", [(f"w{n}", f"{link}w{n}") for n in range(6)]),
            headers={"Content-Type": "application/rss+xml"},
        )
        feed_server.route(  # no guids: newsboat makes one of link and date, newstui uses the link
            "/blog",
            body=_rss("Blog", [(None, f"{link}b{n}") for n in range(4)]),
            headers={"Content-Type": "application/rss+xml"},
        )
        self.urls = self.home / "urls"
        self.urls.write_text(f"{self.wire} news\n{self.blog}\n", "utf-8")
        self.out = self.err = ""

    def cache(self, items: list[Item]) -> Path:
        return write_cache(self.home / "cache.db", {self.wire: "Wire", self.blog: "Blog"}, items)

    def read(self) -> list[Item]:
        """newsboat's usual cache: Wire's w0-w2 read, w3 deleted, w4 flagged; Blog's b1 read."""
        link = self.wire.replace("/wire", "/story/")
        return [
            *(Item(self.wire, f"w{n}", f"{link}w{n}", unread=False) for n in range(3)),
            Item(self.wire, "w3", f"{link}w3", unread=False, deleted=True),
            Item(self.wire, "w4", f"{link}w4", flags="s"),
            Item(self.wire, "w5", f"{link}w5"),
            *(
                Item(self.blog, f"{link}b{n}Fri, 04 Dec 2026", f"{link}b{n}", unread=n != 1)
                for n in range(4)
            ),
            Item(self.wire, "gone", f"{link}gone", unread=False),  # no longer in the feed
        ]

    def __call__(self, *args: str) -> int:
        code = main(["--db", str(self.db), "--config", str(self.config), *args])
        self.out, self.err = self.capsys.readouterr()
        assert "Traceback" not in self.err
        return code

    def unread(self) -> dict[str, int]:
        assert self("feeds", "--json") == 0, self.err
        return {f["name"]: f["unread"] for f in json.loads(self.out)}


@pytest.fixture
def newsboat(tmp_path, feed_server, capsys, monkeypatch) -> Newsboat:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    return Newsboat(tmp_path, feed_server, capsys)


def test_articles_read_in_newsboat_arrive_read_at_the_first_fetch(newsboat):
    newsboat.cache(newsboat.read())

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err
    assert (
        f"; 6 read marks from {newsboat.home / 'cache.db'} (0 given now, 6 waiting for their "
        "articles' first fetch; 1 newsboat deleted come in read)" in newsboat.out
    )
    assert newsboat("fetch") == 0, newsboat.err

    # as newsboat counts them: Wire 6 - 3 read - 1 deleted, Blog 4 - 1 read (matched by link)
    assert newsboat.unread() == {"Wire": 2, "Blog": 3}
    with Library.open(newsboat.db) as library:
        assert not library.count(
            ArticleFilter(starred=True)
        )  # a flag means nothing of its own in newsboat


def test_the_flag_newsboats_config_stars_by_stars_and_others_are_warned_about(newsboat):
    newsboat.cache(newsboat.read())
    (newsboat.home / "config").write_text('ttrss-flag-star "s"\n', "utf-8")

    assert newsboat("opml", "import", str(newsboat.urls), "--json") == 0, newsboat.err
    state = json.loads(newsboat.out)["read_state"]
    assert state == {
        "cache": str(newsboat.home / "cache.db"),
        "read": 6,
        "starred": 1,
        "deleted": 1,
        "flagged_not_starred": 0,
        "star_flag": {"flag": "s", "why": 'named by ttrss-flag-star "s" in newsboat\'s config'},
        "applied": 0,
        "waiting": 7,
        "marks": {
            "read": {"given": 0, "waiting": 6, "there": 0, "undone": 0, "total": 6},
            "starred": {"given": 0, "waiting": 1, "there": 0, "undone": 0, "total": 1},
        },
    }
    assert newsboat("fetch") == 0, newsboat.err
    with Library.open(newsboat.db) as library:
        assert [a.title for a in library.articles(ArticleFilter(starred=True))] == ["Wire 4"]

    (newsboat.home / "config").write_text("", "utf-8")
    assert newsboat("opml", "import", str(newsboat.urls)) == 0
    assert newsboat.err.splitlines()[-1] == (
        f"warning: {newsboat.home / 'cache.db'}: 1 flagged article not starred: newsboat's "
        "flags mean nothing of their own; `newstui opml import --star-flag s FILE` takes the "
        "one you star by (run again, it gives the stars; README: Coming from newsboat)"
    )


def test_a_local_users_star_flag_is_taken_from_their_starred_query_feed(newsboat):
    """User test r52 MED-1: no sync service, stars with `s`, and a query feed "Starred" on
    `flags # "s"`: the stars were dropped and the query feed refused."""
    newsboat.cache(newsboat.read())
    with newsboat.urls.open("a", encoding="utf-8") as urls:
        urls.write('"query:Starred:flags # \\"s\\""\n')

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err

    assert (
        "; 6 read marks and 1 starred (flag \"s\": your query feed 'Starred' in urls filters on "
        "it) from" in newsboat.out
    )
    assert "flagged article" not in newsboat.err
    assert (
        "the query feed 'Starred' (flags # \"s\"): not added as a view, Sources lists it "
        "already as Starred" in newsboat.err
    )
    assert newsboat("fetch") == 0, newsboat.err
    with Library.open(newsboat.db) as library:
        assert [a.title for a in library.articles(ArticleFilter(starred=True))] == ["Wire 4"]


def test_the_star_flag_option_stars_by_the_letter_it_names(newsboat):
    link = newsboat.wire.replace("/wire", "/story/")
    newsboat.cache(
        [
            Item(newsboat.wire, "w0", f"{link}w0", flags="x"),
            Item(newsboat.wire, "w1", f"{link}w1", flags="sx"),
            Item(newsboat.wire, "w2", f"{link}w2", flags="s"),
        ]
    )
    with newsboat.urls.open("a", encoding="utf-8") as urls:  # the option wins over the evidence
        urls.write('"query:Starred:flags # \\"s\\""\n"query:Later:flags # \\"x\\""\n')

    assert newsboat("opml", "import", str(newsboat.urls), "--star-flag", "x", "--json") == 0
    state = json.loads(newsboat.out)["read_state"]
    assert state["star_flag"] == {"flag": "x", "why": "named by --star-flag x"}
    assert (state["starred"], state["flagged_not_starred"]) == (2, 1)
    skipped = [s["reason"] for s in json.loads(newsboat.out)["skipped"]]
    assert (
        "the query feed 'Later' (flags # \"x\"): not added as a view, Sources lists it "
        "already as Starred" in skipped
    )

    assert newsboat("opml", "import", str(newsboat.urls), "--star-flag", "x") == 0
    assert newsboat.err.splitlines()[-1] == (
        f"warning: {newsboat.home / 'cache.db'}: 1 flagged article not starred: flagged with "
        'other letters than "x", the star (named by --star-flag x)'
    )


@pytest.mark.parametrize("given", ["ss", "1", "é", ""])
def test_a_star_flag_that_is_no_letter_is_one_line(newsboat, given):
    newsboat.cache(newsboat.read())
    with pytest.raises(SystemExit) as stopped:
        newsboat("opml", "import", str(newsboat.urls), "--star-flag", given)
    assert stopped.value.code == 2
    err = newsboat.capsys.readouterr().err
    assert "--star-flag: newsboat's flags are one letter, A to Z or a to z" in err, err
    assert not newsboat.config.read_text("utf-8").count("[[feeds]]")


def test_articles_stored_before_the_import_get_their_marks_at_once(newsboat):
    newsboat.cache(newsboat.read())
    assert newsboat("opml", "import", str(newsboat.urls), "--no-read-state") == 0
    assert newsboat("fetch") == 0, newsboat.err
    assert newsboat.unread() == {"Wire": 6, "Blog": 4}

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err

    assert "(5 given now, 1 waiting" in newsboat.out  # "gone" is no longer in the feed
    assert newsboat.unread() == {"Wire": 2, "Blog": 3}


def test_a_mark_made_in_newstui_since_is_kept_when_the_cache_is_imported_again(newsboat):
    newsboat.cache(newsboat.read())
    assert newsboat("opml", "import", str(newsboat.urls)) == 0
    assert newsboat("fetch") == 0, newsboat.err
    with Library.open(newsboat.db) as library:
        [w0] = [a.id for a in library.articles(limit=None) if a.title == "Wire 0"]
        library.mark([w0], read=False)  # the user reads it again, as new

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err

    assert "(0 given now, 1 waiting" in newsboat.out
    assert newsboat.unread() == {"Wire": 3, "Blog": 3}


def test_stars_named_after_a_first_import_are_given_by_the_next_though_it_marked_them(newsboat):
    """User test r52 HIGH-1: the first import could not star (no flag named), its warning said
    to name one, and the import run again gave 1 of 3 stars while the line said "3 starred"."""
    link = newsboat.wire.replace("/wire", "/story/")
    flagged_read = [
        Item(newsboat.wire, f"w{n}", f"{link}w{n}", unread=False, flags="s") for n in (0, 1)
    ]
    newsboat.cache([*flagged_read, Item(newsboat.wire, "w2", f"{link}w2", flags="s")])
    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err
    assert "3 flagged articles not starred" in newsboat.err
    assert newsboat("fetch") == 0, newsboat.err
    (newsboat.home / "config").write_text('ttrss-flag-star "s"\n', "utf-8")

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err

    assert (
        f'; 2 read marks and 3 starred (flag "s": named by ttrss-flag-star "s" in newsboat\'s '
        f"config) from {newsboat.home / 'cache.db'} (3 given now, 0 waiting for their articles' "
        "first fetch, 2 on their articles already)" in newsboat.out
    )
    with Library.open(newsboat.db) as library:
        starred = library.articles(ArticleFilter(starred=True))
        assert sorted(a.title for a in starred) == ["Wire 0", "Wire 1", "Wire 2"]
        library.mark([a.id for a in starred if a.title == "Wire 0"], starred=False)
        library.mark([a.id for a in starred if a.title == "Wire 1"], read=False)

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err

    # what the user undid since stays undone, and the line says why
    assert (
        "(0 given now, 0 waiting for their articles' first fetch, 3 on their articles already; "
        "2 not given: an earlier import gave them and their articles were marked unread or "
        "unstarred since)" in newsboat.out
    )
    with Library.open(newsboat.db) as library:
        assert sorted(a.title for a in library.articles(ArticleFilter(starred=True))) == [
            "Wire 1",
            "Wire 2",
        ]
        unread = {a.title for a in library.articles(ArticleFilter(unread=True))}
        assert "Wire 1" in unread and "Wire 0" not in unread


@pytest.mark.parametrize(
    ("what", "problem"),
    [
        ("text", "not newsboat's cache: file is not a database"),
        ("other", "not newsboat's cache (no rss_item table of read marks)"),
        ("damaged", "not newsboat's cache: database disk image is malformed"),
        ("locked", "locked by newsboat (quit it, then import again)"),
    ],
)
def test_a_cache_that_is_not_newsboats_is_one_line_and_nothing_is_imported(newsboat, what, problem):
    cache = newsboat.home / "cache.db"
    holder = None
    if what == "text":
        cache.write_text("rssurl,title\n", "utf-8")
    elif what == "other":
        with sqlite3.connect(cache) as conn:
            conn.execute("CREATE TABLE rss_feed (rssurl TEXT, title TEXT)")
        conn.close()
    elif what == "damaged":
        newsboat.cache(newsboat.read() * 40)
        data = bytearray(cache.read_bytes())
        data[4096:] = b"\xff" * (len(data) - 4096)  # every page past the first
        cache.write_bytes(bytes(data))
    else:
        newsboat.cache(newsboat.read())
        holder = sqlite3.connect(cache, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # newsboat writing a reload
    config_before = newsboat.config.read_text("utf-8")
    try:
        assert newsboat("opml", "import", str(newsboat.urls)) == 1
    finally:
        if holder is not None:
            holder.close()

    assert newsboat.err.splitlines() == [
        f"newstui: {cache}: {problem}; nothing imported (--newsboat-cache FILE names another, "
        "--no-read-state imports without it)"
    ]
    assert newsboat.out == ""
    assert newsboat.config.read_text("utf-8") == config_before
    assert newsboat("opml", "import", str(newsboat.urls), "--no-read-state") == 0
    assert "2 added" in newsboat.out and "read mark" not in newsboat.out


def test_a_cache_named_by_the_option_is_read_from_anywhere(newsboat, tmp_path):
    cache = newsboat.cache(newsboat.read()).rename(tmp_path / "elsewhere.db")

    assert newsboat("opml", "import", str(newsboat.urls), "--newsboat-cache", str(cache)) == 0
    assert f"6 read marks from {cache}" in newsboat.out
    assert newsboat("opml", "import", str(newsboat.urls), "--newsboat-cache", "/no/such.db") == 1
    assert newsboat.err.strip() == (
        "newstui: /no/such.db: no such file (--newsboat-cache names newsboat's cache.db)"
    )


def test_an_opml_file_takes_read_state_only_from_a_cache_it_is_given(newsboat):
    cache = newsboat.cache(newsboat.read())
    opml = newsboat.home / "subs.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="Wire" xmlUrl="{newsboat.wire}"/></body></opml>',
        "utf-8",
    )
    assert newsboat("opml", "import", str(opml), "--json") == 0
    assert json.loads(newsboat.out)["read_state"] is None

    # newsboat's own OPML export with its cache: the marks of the feeds it lists
    assert newsboat("opml", "import", str(opml), "--newsboat-cache", str(cache), "--json") == 0
    assert json.loads(newsboat.out)["read_state"]["read"] == 5  # Wire's; Blog is not imported


def test_an_opml_export_elsewhere_reads_the_star_flag_beside_the_cache_it_is_given(newsboat):
    """`newsboat -e > nb.opml; newstui opml import nb.opml --newsboat-cache ~/.newsboat/cache.db`
    looked for newsboat's config beside nb.opml only: ttrss-flag-star "s" in ~/.newsboat/config
    went unread and the flagged article came in unstarred, with a warning (user test r33 L20)."""
    cache = newsboat.cache(newsboat.read())
    (newsboat.home / "config").write_text('ttrss-flag-star "s"\n', "utf-8")
    exports = newsboat.home.parent / "exports"
    exports.mkdir()
    opml = exports / "nb.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="Wire" xmlUrl="{newsboat.wire}"/></body></opml>',
        "utf-8",
    )
    assert newsboat("opml", "import", str(opml), "--newsboat-cache", str(cache), "--json") == 0
    state = json.loads(newsboat.out)["read_state"]
    assert (state["starred"], state["flagged_not_starred"]) == (1, 0)


def test_a_broken_cache_is_a_json_error_naming_it(newsboat):
    cache = newsboat.home / "cache.db"
    cache.write_text("not a database", "utf-8")

    assert newsboat("opml", "import", str(newsboat.urls), "--json") == 1
    error = json.loads(newsboat.out)
    assert (error["kind"], error["source"]) == ("source", str(cache))
    assert error["error"].startswith(f"{cache}: not newsboat's cache: file is not a database")


def _podcast(base: str) -> bytes:
    """An RSS podcast whose items share one link (the show's page), each guid written its own
    way, as feeds write them: a bare name (a permalink by default, which feed readers resolve
    against the feed's address), one marked isPermaLink="false", a path, a URL, one padded."""
    guids = [
        "<guid>ep1</guid>",
        "<guid isPermaLink='false'>ep2</guid>",
        "<guid>/pod/ep3</guid>",
        f"<guid>{base}/pod/ep4</guid>",
        "<guid>  ep5 </guid>",
        "<guid>ep6</guid>",
    ]
    items = "".join(
        f"<item><title>Episode {n}</title><link>{base}/pod/</link>{guid}"
        f"<enclosure url='{base}/ep{n}.mp3' type='audio/mpeg' length='1'/></item>"
        for n, guid in enumerate(guids, 1)
    )
    return f"<rss version='2.0'><channel><title>Pod</title>{items}</channel></rss>".encode()


def _atom(base: str) -> bytes:
    """An Atom feed whose entries share one link, ids written as a number, a tag URI, a URN,
    a path and a URL (feed readers resolve an id that is no URI against the feed's address)."""
    ids = ["12345", "tag:example.org,2026:2", "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"]
    ids += ["/atom/e4", f"{base}/atom/e5", "67890"]
    entries = "".join(
        f"<entry><title>Entry {n}</title><id>{id_}</id><updated>2026-12-0{n}T00:00:00Z</updated>"
        f"<link href='{base}/show'/></entry>"
        for n, id_ in enumerate(ids, 1)
    )
    return (
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>Atom</title><id>tag:example.org,2026:f"
        f"</id><updated>2026-12-01T00:00:00Z</updated>{entries}</feed>"
    ).encode()


def test_marks_of_items_whose_guid_is_no_url_arrive_as_feeds_resolve_it(
    tmp_path, feed_server, capsys, monkeypatch
):
    """User test r33 H1: the podcast's `<guid>ep1</guid>` is stored as http://host/ep1, newsboat
    keeps `ep1`; the shared link cannot stand in, so the marks waited 60 days and went."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    newsboat = Newsboat(tmp_path, feed_server, capsys)
    base = feed_server.url("/").rstrip("/")
    pod, atom = feed_server.url("/pod.xml"), feed_server.url("/atom.xml")
    for path, body in (("/pod.xml", _podcast(base)), ("/atom.xml", _atom(base))):
        feed_server.route(path, body=body, headers={"Content-Type": "application/xml"})
    newsboat.urls.write_text(f"{pod}\n{atom}\n", "utf-8")
    # the guids as newsboat 2.x's `newsboat -x reload` wrote them for these feeds: as written
    guids = {pod: ["ep1", "ep2", "/pod/ep3", f"{base}/pod/ep4", "  ep5 ", "ep6"]}
    guids[atom] = ["12345", "tag:example.org,2026:2"]
    guids[atom] += ["urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "/atom/e4", f"{base}/atom/e5"]
    guids[atom] += ["67890"]
    links = {pod: f"{base}/pod/", atom: f"{base}/show"}
    items = [  # all read but each feed's last
        Item(feed, guid, links[feed], unread=n == 6)
        for feed in (pod, atom)
        for n, guid in enumerate(guids[feed], 1)
    ]
    write_cache(newsboat.home / "cache.db", {pod: "Pod", atom: "Atom"}, items)

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err
    assert "10 read marks" in newsboat.out and "10 waiting" in newsboat.out
    assert newsboat("fetch") == 0, newsboat.err

    with Library.open(newsboat.db) as library:
        unread = sorted(a.title for a in library.articles(ArticleFilter(unread=True), limit=None))
        assert unread == ["Entry 6", "Episode 6"]
        assert library.add_imported_marks([]).waiting == 0  # every mark found its article


def test_marks_of_a_feed_file_come_to_the_local_source_it_becomes(newsboat, tmp_path):
    """User test r41: a `file://` line of the urls file became a [[local]] source, but its read
    marks were dropped (newsboat's cache names the feed by that file URL, a source by its path)."""
    feed = tmp_path / "saved feed.xml"
    link = "http://example.org/story/"
    feed.write_bytes(_rss("Saved", [("s0", f"{link}s0"), ("s1", f"{link}s1"), (None, f"{link}s2")]))
    address = feed.as_uri()  # file:///…/saved%20feed.xml
    newsboat.urls.write_text(f"{address} saved\n", "utf-8")
    items = [
        Item(address, "s0", f"{link}s0", unread=False),
        Item(address, "s1", f"{link}s1"),
        Item(address, f"{link}s2Fri, 04 Dec 2026", f"{link}s2", unread=False),  # by its link
    ]
    write_cache(newsboat.home / "cache.db", {address: "Saved"}, items)

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err
    assert "2 read marks" in newsboat.out, newsboat.out
    assert newsboat("fetch") == 0, newsboat.err
    with Library.open(newsboat.db) as library:
        unread = [a.title for a in library.articles(ArticleFilter(unread=True), limit=None)]
        assert unread == ["Saved 1"]
        assert library.add_imported_marks([]).waiting == 0


def test_marks_no_fetch_can_match_are_said_once_and_listed_by_feeds(newsboat):
    """A mark whose item left the feed (or that newsboat knew by another id) used to wait 60
    days unsaid: the fetch that reads its feed says so, once, and `feeds` lists what waits."""
    newsboat.cache(newsboat.read())
    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err
    assert newsboat("feeds") == 0, newsboat.err
    forgotten = (datetime.now(UTC) + timedelta(days=UNMATCHED_DAYS)).date().isoformat()
    assert (
        f"Wire: 5 marks imported from newsboat wait for its next fetch (kept until {forgotten})"
        in (newsboat.out)
    )

    assert newsboat("fetch") == 0, newsboat.err

    said = (
        "warning: Wire: 1 mark imported from newsboat matches none of its articles (not in the "
        f"feed when it was read); kept until {forgotten} in case it comes back"
    )
    assert said in newsboat.err.splitlines()
    assert newsboat("feeds") == 0 and said.removeprefix("warning: ") in newsboat.out
    assert newsboat("feeds", "--json") == 0
    assert {f["name"]: f["marks_waiting"] for f in json.loads(newsboat.out)} == {
        "Wire": 1,
        "Blog": 0,
    }
    assert newsboat("fetch") == 0, newsboat.err
    assert "newsboat" not in newsboat.err  # said once, by the fetch that found nothing for it


def test_marks_of_a_feed_that_moved_arrive_as_the_fetch_resolves_its_guids(
    tmp_path, feed_server, capsys, monkeypatch
):
    """Review r33 F1: newsboat's urls file names the feed's old address, which redirects (as
    http:// to https:// does); the fetch resolves `<guid>ep1</guid>` against the address it
    read the feed from, so a mark resolved against the old one found nothing and waited."""
    newsboat = _redirected_podcast(tmp_path, feed_server, capsys, monkeypatch)

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err
    assert newsboat("fetch") == 0, newsboat.err

    _only_episode_6_unread(newsboat)
    assert "newsboat" not in newsboat.err  # no mark said to match nothing


def _redirected_podcast(tmp_path, feed_server, capsys, monkeypatch) -> Newsboat:
    """newsboat's urls file names a podcast's old address, which redirects (301) to where it
    is now; its cache has Episodes 1-5 read (guids as the feed writes them: `ep1`, padded,
    a path, absolute) and Episode 6 unread."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    newsboat = Newsboat(tmp_path, feed_server, capsys)
    base = feed_server.url("/").rstrip("/")
    old = feed_server.url("/old/pod.xml")
    feed_server.route("/old/pod.xml", status=301, headers={"Location": "/shows/pod.xml"})
    feed_server.route(
        "/shows/pod.xml", body=_podcast(base), headers={"Content-Type": "application/xml"}
    )
    newsboat.urls.write_text(f"{old}\n", "utf-8")
    guids = ["ep1", "ep2", "/pod/ep3", f"{base}/pod/ep4", "  ep5 ", "ep6"]
    items = [Item(old, g, f"{base}/pod/", unread=n == 6) for n, g in enumerate(guids, 1)]
    write_cache(newsboat.home / "cache.db", {old: "Pod"}, items)
    return newsboat


def _only_episode_6_unread(newsboat: Newsboat) -> None:
    with Library.open(newsboat.db) as library:
        unread = sorted(a.title for a in library.articles(ArticleFilter(unread=True), limit=None))
        assert unread == ["Episode 6"]
        assert library.add_imported_marks([]).waiting == 0


def test_marks_imported_after_a_fetch_through_a_redirect_find_the_articles_it_stored(
    tmp_path, feed_server, capsys, monkeypatch
):
    """Review r33 F1's residual: the feeds imported without their read state and fetched, then
    the read state imported: a mark's `ep1` was joined to the address in the urls file, the
    fetch had stored http://…/shows/ep1, and Episodes 1, 2 and 5 stayed unread, their marks
    waiting 60 days (the store now keeps the address each feed was last read from)."""
    newsboat = _redirected_podcast(tmp_path, feed_server, capsys, monkeypatch)
    assert newsboat("opml", "import", "--no-read-state", str(newsboat.urls)) == 0, newsboat.err
    assert newsboat("fetch") == 0, newsboat.err

    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err

    _only_episode_6_unread(newsboat)


def test_waiting_marks_are_said_to_go_when_a_shorter_keep_days_lets_them_go(newsboat):
    """Review r33 F6: with keep_days = 14 the marks went after 14 days, while `feeds` and
    `fetch` said they were kept 60."""
    newsboat.config.write_text(
        "[settings]\ntimeout = 5\nfulltext = false\nkeep_days = 14\n", "utf-8"
    )
    newsboat.cache(newsboat.read())
    assert newsboat("opml", "import", str(newsboat.urls)) == 0, newsboat.err
    gone = (datetime.now(UTC) + timedelta(days=14)).date().isoformat()

    assert newsboat("feeds") == 0, newsboat.err
    assert f"Wire: 5 marks imported from newsboat wait for its next fetch (kept until {gone})" in (
        newsboat.out
    )
    assert newsboat("fetch") == 0, newsboat.err
    assert f"kept until {gone} in case it comes back" in newsboat.err

    with Library.open(newsboat.db) as library:  # and so they go: 14 days on, not 60
        feeds = {s.url: s.id for s in library.sources()}
        policies = {feeds[newsboat.wire]: RetentionPolicy(keep_days=14)}
        library.cleanup(policies, now=datetime.now(UTC) + timedelta(days=14, hours=1))
        assert library.add_imported_marks([]).waiting == 0


def test_an_import_to_subscribe_on_a_server_that_cannot_be_reached_stores_no_marks(
    newsboat, monkeypatch
):
    """Review r51 LOW-8: `opml import --subscribe` stopped "before anything is written here" but
    after newsboat's read marks were stored."""
    newsboat.cache(newsboat.read())
    with Library.open(newsboat.db):  # (a store of its own already: a new one is not kept)
        pass
    monkeypatch.setenv("PW_NB", "pw")
    with newsboat.config.open("a", encoding="utf-8") as out:
        out.write(
            f'\n[sync]\nurl = "http://127.0.0.1:{refused_port()}/api"\nuser = "ann"\n'
            'password_env = "PW_NB"\n'
        )

    assert newsboat("opml", "import", "--subscribe", str(newsboat.urls)) == 1
    assert "unreachable" in newsboat.err
    assert _pending_marks(newsboat.db) == 0, newsboat.err
    assert "[[feeds]]" not in newsboat.config.read_text("utf-8")


def _pending_marks(db: Path) -> int:
    """How many imported marks the store keeps waiting for their articles (none without a store)."""
    if not db.exists():
        return 0
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM pending_marks").fetchone()[0])


def test_ignore_article_rules_imported_after_a_fetch_hide_the_stored_articles_at_once(newsboat):
    """User test r52 LOW-12: the rules became hide filters, but the articles they match stayed
    listed unread until `newstui filters` or the next fetch."""
    assert newsboat("opml", "import", str(newsboat.urls), "--no-read-state") == 0, newsboat.err
    assert newsboat("fetch") == 0, newsboat.err
    (newsboat.home / "config").write_text('ignore-article "*" "title =~ \\"Wire 1\\""\n', "utf-8")

    assert newsboat("opml", "import", str(newsboat.urls), "--no-read-state") == 0, newsboat.err

    assert (
        "; 1 ignore-article rule added as hide filters (1 stored article hidden by them)"
        in newsboat.out
    )
    assert newsboat.unread() == {"Wire": 5, "Blog": 4}


@pytest.mark.parametrize("flag", ["\u212a", "\u0130", "\u017f", "1", "ss"])
def test_star_flag_takes_only_ascii_letters_as_newsboat_does(flag: str) -> None:
    """Review r52 LOW-3: the Kelvin sign (its lower() is k) and İ passed, then matched nothing."""
    import argparse

    from newstui.cli.arguments import newsboat_flag

    with pytest.raises(argparse.ArgumentTypeError, match="one letter, A to Z or a to z"):
        newsboat_flag(flag)
    assert [newsboat_flag(c) for c in "sKz"] == ["s", "K", "z"]


def test_the_flags_offered_as_the_star_come_in_a_fixed_order_when_used_equally(tmp_path):
    """Review r53 F6: letters used as often as each other were offered in the order a set gave
    them, which changes from run to run, and `s`, the usual star, could be left out of the three
    the app's star box shows. Most used first, then `s`, then A-Z, a-z."""
    from newstui.sources.newsboat_cache import read_newsboat_state

    feed = "http://127.0.0.1:9/feed.xml"
    items = [
        Item(feed, f"g{n}", f"http://127.0.0.1:9/{n}", flags=flags)
        for n, flags in enumerate(["xs", "rd", "e", "x", "q"])
    ]
    cache = write_cache(tmp_path / "cache.db", {feed: "Feed"}, items)
    state = read_newsboat_state(cache, None, lambda url: url)
    assert state.other_flags == ("x", "s", "d", "e", "q", "r")
