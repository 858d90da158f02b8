"""A feed that leaves the config: its grace period, what moves by name, and `remove` (r32 review
H1, M1, M2, L1)."""

# ruff: noqa: F811
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from test_cli import cli, empty_config, fed, ids_by_title, no_user_paths, one_line  # noqa: F401
from test_left_config import edit_url, mark_wire, wire_marks

from newstui.config import load_config
from newstui.ingest.configured_sources import prune_sources
from newstui.library import Library


def test_a_typo_left_40_days_then_deleted_by_hand_still_gets_its_grace_period(fed):
    mark_wire(fed)
    edit_url(fed, "/wire", "/wiire")  # typo, never fixed: kept "while the name is listed"
    then = datetime.now(UTC) - timedelta(days=40)
    with Library.open(fed.db) as library:
        [kept] = prune_sources(library, load_config(fed.config), now=then)
        assert kept.outcome == "kept"
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")  # now the user deletes the entry
    assert fed("fetch") == 0
    assert "articles deleted" not in fed.out, fed.out  # told: deleted by hand -> kept 30 days
    until = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()
    assert f"3 articles are kept until {until}" in fed.out, fed.out
    assert len(wire_marks(fed)) == 3
    assert fed("fetch") == 0  # told once
    assert "kept until" not in fed.out, fed.out
    later = datetime.now(UTC) + timedelta(days=29)
    with Library.open(fed.db) as library:
        assert prune_sources(library, load_config(fed.config), now=later) == []
    assert len(wire_marks(fed)) == 3


def test_a_feed_deleted_by_hand_is_not_merged_into_a_new_unrelated_feed_given_its_name(
    fed, feed_server
):
    mark_wire(fed)
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")
    assert fed("fetch") == 0  # Wire set aside: "no longer in ..."
    feed_server.serve_file("/other", "atom.xml", "application/atom+xml")
    with fed.config.open("a") as f:  # days later: another site, named Wire too
        f.write(f'\n[[feeds]]\nname = "Wire"\nurl = "{feed_server.url("/other")}"\n')
    assert fed("fetch") == 0
    assert "moved" not in fed.out, fed.out


def test_remove_of_a_feed_set_aside_after_a_hand_deletion_deletes_it_now(fed):
    mark_wire(fed)
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")
    assert fed("fetch") == 0
    assert fed("remove", "Wire") == 0  # it said: no source named 'Wire'
    assert fed.out == "removed Wire: 2 articles deleted, 1 starred kept (--purge deletes them)\n"
    assert list(wire_marks(fed)) == ["Harbour reopens after storm"]
    assert fed.json("cleanup", "--left-config", "--dry-run")["left_config"] == []


def test_remove_of_a_feed_whose_url_was_mistyped_removes_its_kept_articles_too(fed):
    mark_wire(fed)
    edit_url(fed, "/wire", "/wiire")  # typo: the old Wire set aside, "kept while named"
    assert fed("fetch") == 3
    assert len(wire_marks(fed)) == 3
    assert fed("remove", "Wire") == 0
    assert ": 2 articles deleted, 1 starred kept" in fed.out, fed.out  # it said 0 deleted
    # asked to remove Wire: its articles go now (starred kept), none lingers set aside
    assert list(wire_marks(fed)) == ["Harbour reopens after storm"]
    assert fed.json("cleanup", "--left-config", "--dry-run")["left_config"] == []


def test_feeds_names_a_set_aside_feed_with_the_day_it_is_kept_until(fed):
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")
    assert fed("fetch") == 0
    assert fed("feeds") == 0
    until = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()
    [line] = [line for line in fed.out.splitlines() if "Wire" in line]  # it was not listed
    assert line.startswith("set aside: Wire (")
    assert line.endswith(
        f"no longer in feeds.toml: 3 articles, kept until {until} "
        "(`newstui cleanup --left-config` deletes them now)"
    )
    assert "Wire" not in [f["name"] for f in fed.json("feeds")]  # JSON lists sources only


def test_deleting_an_entry_whose_url_was_mistyped_says_only_that_its_articles_are_kept(fed):
    edit_url(fed, "/wire", "/wiire")
    assert fed("fetch") == 3  # the typo's 404; its empty source is stored
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")
    assert fed("fetch") == 0
    assert "3 articles are kept until" in fed.out, fed.out
    assert "removed Wire" not in fed.out, fed.out  # it said "…: 0 articles deleted" beside it


def _empty_wire(fed) -> None:
    """Wire's articles read, then removed by cleanup (keep_days)."""
    for article_id in ids_by_title(fed, "--feed", "Wire").values():
        assert fed("mark", "--read", str(article_id)) == 0
    text = fed.config.read_text("utf-8")
    fed.config.write_text(text.replace("[settings]\n", "[settings]\nkeep_days = 10\n"), "utf-8")
    assert fed("cleanup") == 0
    assert wire_marks(fed) == {}


def _empty_wire_then_delete_its_entry(fed) -> None:
    """Wire's articles removed by cleanup, then its entry deleted."""
    _empty_wire(fed)
    text = fed.config.read_text("utf-8")
    entry = text[text.index('\n[[feeds]]\nname = "Wire"') :].split("\n\n")[0]
    fed.config.write_text(text.replace(entry, ""), "utf-8")


def test_a_set_aside_feed_without_articles_says_its_read_history_is_kept_not_0_articles(fed):
    # r33 leftovers a: a feed whose articles cleanup had removed is set aside (e1bdd093) for its
    # memory of them; its lines said "its 0 articles are kept until …" and "0 articles, kept …"
    _empty_wire_then_delete_its_entry(fed)
    until = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()
    assert fed("fetch") == 0
    assert "0 articles" not in fed.out, fed.out
    assert (
        f"Wire is no longer in {fed.config}: it has no articles; its read history is kept until "
        f"{until}" in fed.out
    ), fed.out
    assert fed("feeds") == 0
    [line] = [line for line in fed.out.splitlines() if "Wire" in line]
    assert "0 articles" not in line, line
    assert line.endswith(
        f"no longer in feeds.toml: no articles; its read history is kept until {until} "
        "(`newstui cleanup --left-config` deletes it now)"
    ), line


def test_a_feed_without_articles_whose_url_changed_says_its_read_history_waits(fed):
    _empty_wire(fed)
    edit_url(fed, "/wire", "/wiire")
    assert fed("fetch") == 3  # the typo's 404
    assert "0 articles" not in fed.out, fed.out
    assert "the old feed has no articles; its read history is kept and moves" in fed.out, fed.out
    assert fed("feeds") == 0
    [line] = [line for line in fed.out.splitlines() if line.startswith("set aside: Wire")]
    assert ": no articles; its read history is kept while feeds.toml lists its name" in line, line


def test_a_port_mistyped_in_a_feeds_url_is_a_warning_and_its_articles_wait_for_the_fix(fed):
    """Review r45 M1: such a url stopped every command; skipped with a warning, it must still
    keep its feed's articles as a typo does (set aside while the name is listed)."""
    import re

    marks = mark_wire(fed)
    text = fed.config.read_text("utf-8")
    fed.config.write_text(re.sub(r':(\d+)/wire"', r':\1O/wire"', text), "utf-8")

    assert fed("fetch") == 0  # Atom Lab fetched
    assert "port that is no number" in fed.err and "the feed is not fetched" in fed.err
    assert f"Wire: its URL changed in {fed.config} (" in fed.out, fed.out
    assert "articles deleted" not in fed.out and "no longer in" not in fed.out
    assert wire_marks(fed) == marks
