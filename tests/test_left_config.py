"""A source that leaves the config file by hand (user test r32 H1): a URL edited or mistyped, or
an entry deleted, keeps its articles and marks; an asked-for `remove` is still immediate."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from test_cli import (  # noqa: F401  (fixtures shared with the CLI tests)
    cli,
    empty_config,
    fed,
    ids_by_title,
    no_user_paths,
    one_line,
)

from newstui.config import load_config
from newstui.ingest.configured_sources import LEFT_CONFIG_DAYS, prune_sources
from newstui.library import Library


def edit_url(fed, old: str, new: str) -> None:
    """Change a feed's URL in the config by hand, keeping its name (sed 's#/wire#/wiire#')."""
    text = fed.config.read_text("utf-8")
    assert f'{old}"' in text
    fed.config.write_text(text.replace(f'{old}"', f'{new}"'), "utf-8")


def wire_marks(fed) -> dict[str, tuple[bool, bool]]:
    return {a["title"]: (a["read"], a["starred"]) for a in fed.json("list") if a["feed"] == "Wire"}


def mark_wire(fed) -> dict[str, tuple[bool, bool]]:
    ids = ids_by_title(fed)
    assert fed("mark", "--read", str(ids["Council approves budget"])) == 0
    assert fed("mark", "--star", str(ids["Harbour reopens after storm"])) == 0
    marks = wire_marks(fed)
    assert sum(read for read, _ in marks.values()) == 1 and len(marks) == 3
    return marks


def test_a_typo_in_a_feeds_url_keeps_its_articles_and_marks_and_fixing_it_finds_them(fed):
    marks = mark_wire(fed)
    edit_url(fed, "/wire", "/wiire")  # nothing served there: 404

    assert fed("fetch") == 3  # Wire's new URL fails
    assert "no longer in" not in fed.out and "articles deleted" not in fed.out
    assert f"Wire: its URL changed in {fed.config} (" in fed.out
    assert "/wire → " in fed.out and "/wiire); the old feed's 3 articles are kept" in fed.out
    assert wire_marks(fed) == marks  # still listed, marks and all
    assert fed("fetch") == 3  # the 404 again: nothing moves, nothing goes
    assert wire_marks(fed) == marks

    edit_url(fed, "/wiire", "/wire")  # the typo fixed
    assert fed("fetch") == 0
    assert "removed" not in fed.out and "no longer in" not in fed.out
    assert wire_marks(fed) == marks
    assert [(f["name"], f["articles"]) for f in fed.json("feeds")] == [("Atom Lab", 1), ("Wire", 3)]


def test_a_feeds_new_address_takes_its_articles_and_marks_once_it_fetches(fed, feed_server):
    marks = mark_wire(fed)
    before = {a["title"]: a["id"] for a in fed.json("list") if a["feed"] == "Wire"}
    feed_server.serve_file("/moved/wire", "rss2.xml")  # the site's new address
    edit_url(fed, "/wire", "/moved/wire")

    assert fed("fetch") == 0
    assert "Wire: its URL changed in" in fed.out and "no longer in" not in fed.out
    assert "Wire: 3 articles moved from " in fed.out and "/moved/wire, with their read" in fed.out
    assert "2 of 2 sources ok: 0 new articles" in fed.out  # the new URL's copies gave way
    assert wire_marks(fed) == marks
    assert {a["title"]: a["id"] for a in fed.json("list") if a["feed"] == "Wire"} == before
    [wire] = [f for f in fed.json("feeds") if f["name"] == "Wire"]
    assert wire["url"].endswith("/moved/wire") and wire["articles"] == 3 and wire["unread"] == 2

    assert fed("fetch") == 0  # once moved, said no more
    assert "Wire" not in fed.out and wire_marks(fed) == marks


def test_a_feed_deleted_from_the_config_by_hand_is_kept_and_comes_back_whole(fed):
    marks = mark_wire(fed)
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")

    assert fed("fetch") == 0
    until = (datetime.now(UTC) + timedelta(days=LEFT_CONFIG_DAYS)).date().isoformat()
    assert f"Wire is no longer in {fed.config}: its 3 articles are kept until {until}" in fed.out
    assert "articles deleted" not in fed.out
    assert [f["name"] for f in fed.json("feeds")] == ["Atom Lab"]
    assert wire_marks(fed) == marks
    assert fed("list", "--feed", "wire") == 0  # its articles, as Sources lists them (r45 M2)
    assert len(fed.out.splitlines()) == 3 and "Council approves budget" in fed.out
    assert f"Wire is set aside (no longer in feeds.toml): its articles are kept until {until}" in (
        fed.err
    )

    fed.config.write_text(text, "utf-8")  # put back
    assert fed("fetch") == 0
    assert [(f["name"], f["articles"]) for f in fed.json("feeds")] == [("Atom Lab", 1), ("Wire", 3)]
    assert wire_marks(fed) == marks


def test_a_source_left_the_config_is_deleted_after_its_grace_period_starred_kept(fed):
    mark_wire(fed)
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")
    config = load_config(fed.config)
    now = datetime.now(UTC)

    with Library.open(fed.db) as library:
        [kept] = prune_sources(library, config, now=now)
        assert (kept.outcome, kept.kept, kept.deleted) == ("kept", 3, 0)
        # fetch --json's `kept_until`: the moment (UTC, as every --json time) it is deleted from
        until = now + timedelta(days=LEFT_CONFIG_DAYS)
        assert kept.kept_until == until.replace(microsecond=0).isoformat()
        almost = now + timedelta(days=LEFT_CONFIG_DAYS) - timedelta(minutes=1)
        assert prune_sources(library, config, now=almost) == []
        [gone] = prune_sources(library, config, now=now + timedelta(days=LEFT_CONFIG_DAYS))
        assert (gone.outcome, gone.name, gone.deleted, gone.kept_starred) == (
            "deleted",
            "Wire",
            2,
            1,
        )
        assert prune_sources(library, config, now=now + timedelta(days=99)) == []
    assert [a["title"] for a in fed.json("list") if a["feed"] == "Wire"] == [
        "Harbour reopens after storm"
    ]


def test_a_renamed_feeds_old_articles_stay_while_its_name_is_listed(fed):
    mark_wire(fed)
    edit_url(fed, "/wire", "/wiire")  # a typo never fixed: its name is still listed
    config = load_config(fed.config)
    now = datetime.now(UTC)
    with Library.open(fed.db) as library:
        [kept] = prune_sources(library, config, now=now)
        assert kept.new_url is not None and kept.new_url.endswith("/wiire")
        assert prune_sources(library, config, now=now + timedelta(days=365)) == []
    assert len(wire_marks(fed)) == 3


def test_remove_asked_for_is_still_immediate(fed):
    mark_wire(fed)
    assert fed("remove", "Wire") == 0
    assert "removed Wire" in fed.out and "2 articles deleted, 1 starred kept" in fed.out
    assert list(wire_marks(fed)) == ["Harbour reopens after storm"]
    assert fed.json("cleanup", "--left-config", "--dry-run")["left_config"] == []


def test_cleanup_left_config_deletes_the_kept_sources_now(fed):
    mark_wire(fed)
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")
    assert fed("fetch") == 0

    assert fed.json("cleanup", "--left-config", "--dry-run")["left_config"] == [
        {"source": "Wire", "deleted": 2, "kept_starred": 1}
    ]
    assert fed("cleanup", "--left-config", "--dry-run") == 0
    assert "Wire (no longer in" in fed.out and "2 articles would be deleted, 1 starred" in fed.out
    assert len(wire_marks(fed)) == 3
    assert fed("cleanup", "--left-config") == 0
    assert (
        f"cleanup: Wire (no longer in {fed.config}): 2 articles deleted, 1 starred kept" in fed.out
    )
    assert list(wire_marks(fed)) == ["Harbour reopens after storm"]
    assert fed("cleanup", "--left-config") == 0
    assert "no source is kept after leaving the config" in fed.out


def test_fetch_json_says_what_was_kept_and_moved(fed, feed_server):
    feed_server.serve_file("/moved/wire", "rss2.xml")
    edit_url(fed, "/wire", "/moved/wire")
    data = fed.json("fetch")
    kept = next(d for d in data if d.get("left_config"))
    moved = next(d for d in data if "moved" in d)
    assert (
        kept["source"] == "Wire" and kept["kept"] == 3 and kept["new_url"].endswith("/moved/wire")
    )
    assert moved["moved"] == 3 and moved["url"].endswith("/wire")
    assert next(d for d in data if d.get("source") == "Wire" and "new" in d)["new"] == 0


def test_a_server_subscription_is_set_aside_once_sync_leaves_the_config(fed, db_path):
    # user test r35 L7: a feed only the [sync] server's subscriptions made stayed listed for
    # ever, silently no longer fetched, after [sync] was taken out of the file
    from newstui.model import Article, RemoteFeed

    with Library.open(db_path) as library:
        remote = [RemoteFeed("feed/9", "No Links", "https://nolinks.example/rss")]
        library.sync.apply_subscriptions(remote, {})
        source = library.find_source("No Links")
        assert source is not None
        library.save_batch(source, [Article(title="Notice 1", text="Notice.", guid="n1")])
    assert "No Links" in [f["name"] for f in fed.json("feeds")]

    assert fed("fetch") == 0

    assert f"No Links is no longer in {fed.config}: its 1 article is kept until" in fed.out
    assert [f["name"] for f in fed.json("feeds")] == ["Atom Lab", "Wire"]
    assert fed("fetch") == 0 and "No Links" not in fed.out  # said once
