"""`newstui feeds --update-moved` follows the feeds moved for good (HTTP 301/308): feeds.toml's
url rewritten with its comments and mode kept, the stored feed moved with its articles, marks
and folders, one line each; refused, with why, where the move cannot be followed (user test
r48 LOW-28)."""

from __future__ import annotations

import stat

from test_cli import Cli, no_user_paths  # noqa: F401

from newstui.config import FeedConfig, load_config
from newstui.ingest.configured_sources import sync_sources
from newstui.ingest.moved_feeds import follow_moves
from newstui.library import Library
from newstui.model import FetchRecord


def moved_config(tmp_path, feed_server, extra: str = "") -> tuple[str, str]:
    """A feeds.toml with a comment, a moved feed `Wire` (/old → /new) and a feed without name
    (/bare-old → /bare-new); returns the old and new urls of Wire."""
    feed_server.serve_file("/new", "rss2.xml")
    feed_server.route("/old", status=301, headers={"Location": "/new"})
    feed_server.serve_file("/bare-new", "atom.xml")
    feed_server.route("/bare-old", status=301, headers={"Location": "/bare-new"})
    path = tmp_path / "feeds.toml"
    path.write_text(
        "# my feeds\n[settings]\ntimeout = 5\nfulltext = false\n\n"
        f'[[feeds]]\nname = "Wire"  # the wire\nurl = "{feed_server.url("/old")}"\n'
        'tags = ["News"]\n\n'
        f'[[feeds]]\nurl = "{feed_server.url("/bare-old")}"\n' + extra,
        "utf-8",
    )
    path.chmod(0o600)
    return feed_server.url("/old"), feed_server.url("/new")


def test_update_moved_rewrites_the_urls_and_keeps_articles_marks_and_folders(
    tmp_path, db_path, feed_server, capsys
):
    old, new = moved_config(tmp_path, feed_server)
    run = Cli(db_path, tmp_path / "feeds.toml", capsys)
    assert run("fetch") == 0, run.err
    before = {r["name"]: r for r in run.json("feeds")}
    wire = run.json("list", "--feed", "Wire")
    assert run("mark", str(wire[0]["id"]), "--read", "--star") == 0

    assert run("feeds", "--update-moved") == 0, run.err
    assert f"Wire: moved from {old} to {new}" in run.out
    bare_old, bare_new = feed_server.url("/bare-old"), feed_server.url("/bare-new")
    assert f"moved from {bare_old} to {bare_new}" in run.out
    text = (tmp_path / "feeds.toml").read_text("utf-8")
    assert "# my feeds" in text and 'name = "Wire"  # the wire' in text
    assert f'url = "{new}"' in text and f'url = "{bare_new}"' in text
    assert old not in text and bare_old not in text
    assert stat.S_IMODE((tmp_path / "feeds.toml").stat().st_mode) == 0o600

    after = {r["name"]: r for r in run.json("feeds")}
    assert after["Wire"]["id"] == before["Wire"]["id"] and after["Wire"]["url"] == new
    assert after["Wire"]["tags"] == ["News"] and after["Wire"]["moved_to"] is None
    assert after["Wire"]["articles"] == before["Wire"]["articles"]
    [first] = [a for a in run.json("list", "--feed", "Wire") if a["id"] == wire[0]["id"]]
    assert first["read"] and first["starred"]
    assert len(after) == 2  # nothing set aside, nothing fetched twice
    assert run("fetch") == 0 and "moved" not in run.err
    assert {r["id"] for r in run.json("feeds")} == {r["id"] for r in before.values()}
    assert run("feeds", "--update-moved") == 0
    assert "no feed in feeds.toml has moved for good" in run.out


def test_update_moved_refuses_an_address_another_entry_has(tmp_path, db_path, feed_server, capsys):
    old, new = moved_config(tmp_path, feed_server)
    run = Cli(db_path, tmp_path / "feeds.toml", capsys)
    assert run("fetch") == 0, run.err
    with (tmp_path / "feeds.toml").open("a", encoding="utf-8") as out:
        out.write(f'\n[[feeds]]\nname = "New Wire"\nurl = "{new}"\n')
    written = (tmp_path / "feeds.toml").read_text("utf-8")

    assert run("feeds", "--update-moved") == 1
    assert (
        f"warning: Wire: not moved: feeds.toml lists {new} already as 'New Wire': remove this "
        "entry instead"
    ) in run.err
    text = (tmp_path / "feeds.toml").read_text("utf-8")
    assert f'url = "{old}"' in text  # Wire left; the other moved feed followed
    assert text == written.replace(feed_server.url("/bare-old"), feed_server.url("/bare-new"))


def test_a_move_to_an_address_that_is_not_http_is_never_followed(tmp_path, db_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "Wire"\nurl = "https://example.org/rss"\n', "utf-8")
    config = load_config(path)
    with Library.open(db_path) as library:
        ids = sync_sources(library, config)
        library.record_fetches(
            [FetchRecord(ids["Wire"], status=301, error=None, read_from="ftp://example.org/rss")]
        )
        [move] = follow_moves(library, config)
        assert move.refused == "its new address ftp://example.org/rss is not an http(s) URL"
        assert library.sources()[0].url == "https://example.org/rss"
    assert "https://example.org/rss" in path.read_text("utf-8")


def test_a_feeds_first_fetch_names_it_by_the_title_it_read(tmp_path, db_path, feed_server, capsys):
    """User test r50 LOW-1: a newsboat import writes no names, and its first fetch said every
    feed by its address, the title it read unsaid until `feeds`."""
    moved_config(tmp_path, feed_server)
    run = Cli(db_path, tmp_path / "feeds.toml", capsys)
    assert run("fetch") == 0, run.err
    bare_new = feed_server.url("/bare-new")
    assert f"warning: Atom Lab: moved permanently to {bare_new}: change its url" in run.err
    assert "bare-old: moved" not in run.err
    assert {r["name"] for r in run.json("feeds")} == {"Wire", "Atom Lab"}


def test_the_entry_a_feed_moved_to_is_said_by_its_one_name(tmp_path, db_path, feed_server, capsys):
    """User test r50 LOW-8: an entry without `name` was said by its address ('127.0.0.1:8771/
    es.xml') where `feeds` and Sources list it by its title."""
    new = feed_server.url("/new")
    moved_config(tmp_path, feed_server, extra=f'\n[[feeds]]\nurl = "{new}"\n')  # (no name)
    run = Cli(db_path, tmp_path / "feeds.toml", capsys)
    assert run("fetch") == 0, run.err
    assert "Test Wire" in {r["name"] for r in run.json("feeds")}  # (rss2.xml's title)

    assert run("feeds") == 0
    assert "which feeds.toml lists as 'Test Wire': remove this entry" in run.out
    assert run("feeds", "--update-moved") == 1
    assert f"Wire: not moved: feeds.toml lists {new} already as 'Test Wire'" in run.err
    assert run("add", new) == 1
    assert "feed already configured as 'Test Wire'" in run.err


def test_a_moved_entry_written_below_another_table_keeps_its_place(tmp_path, db_path):
    """User test r50 LOW-17: an entry written after `[sync]` (valid TOML) was moved up above it
    (tomlkit writes an array's tables together); only its url line changes now."""
    path = tmp_path / "feeds.toml"
    text = (
        '[[feeds]]\nname = "Lab"\nurl = "https://lab.example/rss"\n\n'
        "[settings]\nfulltext = false\n\n"
        '# below the settings\n[[feeds]]\nname = "Wire"\n'
        "url = 'https://wire.example/rss'  # the old one\ntags = [\"News\"]\n"
    )
    path.write_text(text, "utf-8")
    config = load_config(path)
    with Library.open(db_path) as library:
        ids = sync_sources(library, config)
        library.record_fetches(
            [FetchRecord(ids["Wire"], status=301, error=None, read_from="https://new.example/w")]
        )
        [move] = follow_moves(library, config)
        assert not move.refused
    assert path.read_text("utf-8") == text.replace(
        "url = 'https://wire.example/rss'", 'url = "https://new.example/w"'
    )
    assert [f.url for f in load_config(path).feeds] == [
        "https://lab.example/rss",
        "https://new.example/w",
    ]


def test_a_reimported_list_naming_a_moved_feeds_old_address_adds_nothing(
    tmp_path, db_path, feed_server, capsys
):
    """User test r50 LOW-21: newsboat's urls file, still in use during the switch, imported
    again after `--update-moved` added the old address back (its next fetch then said it moved
    to an address feeds.toml lists: "remove this entry")."""
    old, new = moved_config(tmp_path, feed_server)
    run = Cli(db_path, tmp_path / "feeds.toml", capsys)
    assert run("fetch") == 0, run.err
    assert run("feeds", "--update-moved") == 0, run.err
    urls = tmp_path / "urls"
    urls.write_text(f'{old} "News"\n{feed_server.url("/other")} "Tech"\n', "utf-8")
    written = (tmp_path / "feeds.toml").read_text("utf-8")

    assert run("opml", "import", str(urls)) == 0, run.err
    assert f"{old}: moved for good to {new}, which feeds.toml lists: not added" in run.err
    assert "2 feeds in" in run.out and "1 added" in run.out
    text = (tmp_path / "feeds.toml").read_text("utf-8")
    assert old not in text and text.startswith(written)
    assert [f.url for f in load_config(tmp_path / "feeds.toml").feeds].count(new) == 1


def test_a_fetch_names_an_untitled_feed_as_the_store_will():
    """The name a fetch's own lines give a feed without `name` (user test r50 LOW-1): its title,
    else its web site's host, unless another listed source goes by it (the first one of a
    run takes it), as store.feeds names it when the run's records are written."""
    from newstui.ingest.configured_sources import TitleNames

    names = TitleNames({1: "a.example/rss", 2: "b.example/rss", 3: "Harbour Gazette"})
    assert names.after_fetch(1, "Lab Notes", "a.example/rss") == "Lab Notes"
    assert names.after_fetch(2, "Lab Notes", "b.example/rss") == "b.example/rss"  # (taken)
    assert names.after_fetch(2, "harbour gazette", "b.example/rss") == "b.example/rss"
    assert names.after_fetch(2, "", "b.example/rss", "https://www.site.example/") == (
        "site.example"
    )
    assert names.after_fetch(2, "\u200b", "b.example/rss") == "b.example/rss"  # (shows nothing)


def test_a_reimported_old_address_moved_to_an_entry_feeds_toml_skips_is_not_said_added(tmp_path):
    """Review r50 LOW-4: the note said "added at that address" of a moved-to address feeds.toml
    lists under a name it refuses (a skipped entry), which the import does not add."""
    from newstui.subscription_import import import_subscriptions

    path = tmp_path / "feeds.toml"
    old, new = "https://wire.example/old", "https://wire.example/new"
    path.write_text(f'[[feeds]]\nname = "\\u200b"\nurl = "{new}"\n', "utf-8")
    assert [f.url for f in load_config(path).skipped_feeds] == [new]
    written = path.read_text("utf-8")

    done = import_subscriptions(path, [FeedConfig(old, "Wire")], [], {old: new})
    assert done.added == []
    assert [n.reason for n in done.notes] == [
        f"{old}: moved for good to {new}, which feeds.toml lists: not added"
    ]
    assert path.read_text("utf-8") == written

    path.write_text("", "utf-8")  # (not listed: added there, and said so)
    done = import_subscriptions(path, [FeedConfig(old, "Wire")], [], {old: new})
    assert [f.url for f in done.added] == [new]
    assert [n.reason for n in done.notes] == [
        f"{old}: moved for good to {new}, added at that address"
    ]
