"""`newstui cleanup` and retention after `newstui fetch`: the keep_days / keep_per_feed settings,
global and per feed, validated with line numbers; what was removed, per feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from test_cli import Cli, no_user_paths, one_line  # noqa: F401

NOW = datetime.now(UTC)


def rss(title: str, *days_old: int) -> bytes:
    """An RSS feed with one item per age in days."""
    items = "".join(
        f"<item><title>{title} item {age}</title><guid>{title}-{age}</guid>"
        f"<pubDate>{format_datetime(NOW - timedelta(days=age))}</pubDate>"
        f"<description>Item {age} of {title}.</description></item>"
        for age in days_old
    )
    return f'<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


@pytest.fixture
def two_feeds(feed_server, db_path, tmp_path, capsys):
    """Wire (items 1, 2, 3, 40, 90 days old) and Lab (1, 2, 3), fetched and all read; the
    config is written by the test: call with the [settings] lines and Lab's own lines."""
    feed_server.route("/wire", body=rss("Wire", 1, 2, 3, 40, 90))
    feed_server.route("/lab", body=rss("Lab", 1, 2, 3))

    def make(settings: str = "", lab: str = "") -> Cli:
        config = tmp_path / "feeds.toml"
        config.write_text(
            f"[settings]\ntimeout = 5\nfulltext = false\n{settings}\n"
            f'[[feeds]]\nname = "Wire"\nurl = "{feed_server.url("/wire")}"\n\n'
            f'[[feeds]]\nname = "Lab"\nurl = "{feed_server.url("/lab")}"\n{lab}\n',
            "utf-8",
        )
        run = Cli(db_path, config, capsys)
        return run

    run = make()
    assert run("fetch") == 0, run.err
    ids = [str(r["id"]) for r in run.json("list")]
    assert run("mark", *ids, "--read") == 0
    return make


def titles(run: Cli) -> list[str]:
    return sorted(r["title"] for r in run.json("list"))


def test_cleanup_removes_what_keep_days_no_longer_keeps_and_says_so_per_feed(two_feeds):
    run = two_feeds("keep_days = 30")

    assert run("cleanup") == 0

    assert "cleanup: removed 2 old articles (Wire 2)" in run.out
    # Lab lost and kept nothing past the limit: no row of zeros for it
    assert [line.split() for line in run.out.splitlines()[:3]] == [
        ["feed", "removed", "kept", "starred", "kept", "unread"],
        ["Wire", "2", "0", "0"],
        ["cleanup:", "removed", "2", "old", "articles", "(Wire", "2)"],
    ]
    assert "Wire item 40" not in titles(run) and "Wire item 90" not in titles(run)
    assert len(titles(run)) == 6


def test_a_feeds_own_setting_overrides_the_global_one(two_feeds):
    run = two_feeds("keep_per_feed = 4", lab="keep_per_feed = 1")

    report = run.json("cleanup")

    assert {f["source"]: f["removed"] for f in report["feeds"]} == {"Lab": 2, "Wire": 1}
    assert report["removed"] == 3 and report["dry_run"] is False
    assert [t for t in titles(run) if t.startswith("Lab")] == ["Lab item 1"]


def test_a_feed_can_keep_everything_while_the_others_are_cleaned(two_feeds):
    run = two_feeds("keep_per_feed = 1", lab="keep_per_feed = 0")

    assert run.json("cleanup")["removed"] == 4

    assert titles(run) == ["Lab item 1", "Lab item 2", "Lab item 3", "Wire item 1"]


@pytest.mark.parametrize(
    ("lab", "lab_left"),
    [
        ("keep_days = 0", 3),  # "keep all of this feed": not the setting's count either
        ("keep_per_feed = 0", 3),  # nor the setting's age
        ("keep_days = 0\nkeep_per_feed = 2", 2),  # a count of its own still applies
        ("keep_per_feed = 0\nkeep_days = 2", 1),  # an age of its own still applies
        ("keep_days = 7", 1),  # a limit of its own, not 0: the setting's count applies
        ("", 1),  # no entry of its own: both settings
    ],
)
def test_a_feeds_zero_keeps_all_of_it_unless_it_sets_the_other_limit_itself(
    two_feeds, lab, lab_left
):
    run = two_feeds("keep_days = 2\nkeep_per_feed = 1", lab=lab)

    dry = run.json("cleanup", "--dry-run")
    report = run.json("cleanup")

    removed = {f["source"]: f["removed"] for f in report["feeds"]}
    assert removed.get("Lab", 0) == 3 - lab_left and removed["Wire"] == 4
    assert dry["removed"] == report["removed"]
    assert len([t for t in titles(run) if t.startswith("Lab")]) == lab_left
    assert [t for t in titles(run) if t.startswith("Wire")] == ["Wire item 1"]


def test_dry_run_reports_without_removing(two_feeds):
    run = two_feeds("keep_days = 30")

    report = run.json("cleanup", "--dry-run")

    assert report["dry_run"] is True and report["removed"] == 2
    assert len(titles(run)) == 8
    assert run("cleanup", "--dry-run") == 0
    assert "cleanup: would remove 2 old articles (Wire 2)" in run.out


def test_starred_and_recent_unread_articles_are_kept_and_counted(two_feeds):
    run = two_feeds("keep_days = 30")
    by_title = {r["title"]: r["id"] for r in run.json("list")}
    run("mark", str(by_title["Wire item 90"]), "--star")
    run("mark", str(by_title["Wire item 40"]), "--unread")  # fetched just now: recent

    report = run.json("cleanup")

    assert report["feeds"][1] == {
        "source": "Wire",
        "removed": 0,
        "kept_starred": 1,
        "kept_unread": 1,
    }
    assert run("cleanup") == 0
    assert run.out.strip().splitlines()[-1] == (
        "cleanup: no old article to remove (kept 1 starred and 1 recent unread past the limits)"
    )
    assert run("cleanup", "--dry-run") == 0  # said "(dry run) (kept …)"
    assert run.out.strip().splitlines()[-1] == (
        "cleanup: no old article to remove (dry run; kept 1 starred and 1 recent unread past the limits)"
    )


def test_a_feed_that_only_kept_its_recent_unread_gets_no_row(two_feeds):
    """User test r34 L3: with keep_per_feed every feed keeps unread articles past the limit; a
    row of "removed 0" for each was noise (the summary line totals what was kept)."""
    run = two_feeds("keep_per_feed = 1")
    lab = [r["id"] for r in run.json("list") if r["title"].startswith("Lab")]
    run("mark", *map(str, lab), "--unread")  # fetched just now: recent, kept past the limit
    report = run.json("cleanup", "--dry-run")
    assert {f["source"]: (f["removed"], f["kept_unread"]) for f in report["feeds"]} == {
        "Lab": (0, 2),
        "Wire": (4, 0),
    }

    assert run("cleanup") == 0

    rows = [line.split()[0] for line in run.out.splitlines()]
    assert rows == ["feed", "Wire", "cleanup:"]
    assert run.out.splitlines()[-1] == (
        "cleanup: removed 4 old articles (Wire 4); kept 2 recent unread past the limits"
    )


def test_fetch_cleans_up_after_fetching_and_says_so_in_its_summary(two_feeds, feed_server):
    run = two_feeds("keep_days = 30")

    assert run("fetch") == 0

    assert run.out.strip().splitlines()[-1] == "cleanup: removed 2 old articles (Wire 2)"
    assert len(titles(run)) == 6
    # The feed still offers the removed items: the next fetch does not bring them back.
    feed_server.route("/wire", body=rss("Wire", 0, 1, 2, 3, 40, 90))
    assert run("fetch") == 0
    assert "2 of 2 sources ok: 1 new article, 0 updated" in run.out
    assert len(titles(run)) == 7 and "cleanup" not in run.out


def test_fetch_json_lists_each_feed_cleaned(two_feeds):
    run = two_feeds("keep_days = 30")

    entries = run.json("fetch")

    assert {
        "source": "Wire",
        "cleanup": True,
        "deleted": 2,
        "kept_starred": 0,
        "kept_unread": 0,
    } in entries


def test_without_retention_settings_cleanup_says_there_is_nothing_to_do(two_feeds):
    run = two_feeds()

    assert run("cleanup") == 0

    assert (
        one_line(run.out)
        == f"cleanup: nothing to do: no keep_days or keep_per_feed in {run.config}"
    )
    assert len(titles(run)) == 8


def test_a_cleanup_that_touches_nothing_is_one_line_without_a_table_of_zeros(two_feeds):
    run = two_feeds("keep_days = 365")

    assert run("cleanup") == 0

    assert one_line(run.out) == "cleanup: no old article to remove"
    assert len(titles(run)) == 8


@pytest.mark.parametrize(
    ("settings", "lab", "message"),
    [
        ("keep_days = -1", "", ":4: setting 'keep_days' must be at least 0"),
        ('keep_per_feed = "50"', "", ":4: setting 'keep_per_feed' must be a whole number"),
        ("keep_days = 1.5", "", ":4: setting 'keep_days' must be a whole number"),
        ("", "keep_days = -2", ":12: 'keep_days' of feed 'Lab' must be at least 0"),
        ("", "keep_per_feed = true", ":12: 'keep_per_feed' of feed 'Lab' must be a whole number"),
    ],
)
def test_bad_retention_settings_are_one_line_with_the_line_number(
    two_feeds, settings, lab, message
):
    run = two_feeds(settings, lab)

    assert run("cleanup") == 1

    assert one_line(run.err).startswith(f"newstui: {run.config}{message}")
