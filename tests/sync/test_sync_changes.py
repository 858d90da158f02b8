"""What a sync changed besides articles is said wherever a sync runs: a subscription the server
dropped (its source and articles removed here) as a config removal says it, the marks the server
changed, the subscriptions it added; the app's refresh line counts the server's articles under
its own name, not the one local feed's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.config import load_config
from newstui.model import RemovedSource, SourceOutcome
from newstui.model.fetching import SyncChanges
from newstui.tui.app import NewstuiApp
from newstui.tui.refresh import refresh_summary
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_states import (  # noqa: F401 (fixture)
    ONE,
    READING,
    TWO,
    ids_answer,
    item,
    refs,
    synced,
)
from tests.tui.notifications import notifications, run_recorded

URL = "https://example.org"  # (test_sync_states' items link to URL/n)


def drop_one_and_read_three(server: FakeGReader) -> None:
    """On the server: One unsubscribed (its items 1 and 2 gone), item 3 read elsewhere."""
    server.api("/subscription/list", 200, {"subscriptions": [TWO]})
    server.items = {3: item(3, "feed/2", "read", "starred")}
    ids_answer(server, [refs()], [refs(3)])


def said(text: str) -> str:
    return " ".join(text.split())


LISTED = '\n[[feeds]]\nname = "One"\nurl = "https://example.org/one"\n'


@pytest.mark.parametrize(
    ("config_adds", "said_of_it"),
    [
        ("", "removed One, no longer on {server}: 2 articles deleted"),
        # (user test r42 L9: one the config lists became a feed fetched here without a word)
        (LISTED, "One is no longer on {server}: feeds.toml lists it, fetched here from now on"),
    ],
)
def test_sync_names_the_source_the_server_dropped_and_what_became_of_it(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    config_adds: str,
    said_of_it: str,
) -> None:
    # It said "synced with HOST: 0 new, 0 updated, 1 mark from the server, 1 removed".
    config = Path(synced[3])
    config.write_text(config.read_text() + config_adds)
    drop_one_and_read_three(fake)
    assert main([*synced, "sync"]) == 0
    out = said(capsys.readouterr().out)
    assert out == (
        f"synced with {fake.server}: 0 new, 0 updated, 1 mark from the server; "
        + said_of_it.format(server=fake.server)
    )


def test_a_dropped_subscription_the_config_lists_subscribed_again_is_not_stored_twice(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = Path(synced[3])
    config.write_text(config.read_text() + LISTED)
    drop_one_and_read_three(fake)
    assert main([*synced, "sync"]) == 0
    capsys.readouterr()
    # Subscribed again there (a new id, new item ids for its entries): still one article an
    # entry (each came twice, merged only at the sync after)
    items = [
        {**item(n + 10, "feed/11"), "title": f"Item {n}", "canonical": [{"href": f"{URL}/{n}"}]}
        for n in (1, 2)
    ]
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "id": "feed/11"}, TWO]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(11, 12)], [refs()])
    fake.items.update({n + 10: i for n, i in zip((1, 2), items, strict=True)})
    assert main([*synced, "sync"]) == 0
    assert said(capsys.readouterr().out).startswith(f"synced with {fake.server}: 0 new, 0 updated")


def test_fetch_says_what_the_sync_removed_and_the_marks_it_changed(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # It said only "1 of 1 source ok: 0 new articles, 0 updated".
    drop_one_and_read_three(fake)
    assert main([*synced, "fetch"]) == 0
    out = said(capsys.readouterr().out)
    assert f"sync {fake.server}: 1 mark from the server" in out
    assert f"removed One, no longer on {fake.server}: 2 articles deleted" in out


def test_fetch_json_lists_the_removed_source_and_counts_the_marks(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    drop_one_and_read_three(fake)
    assert main([*synced, "fetch", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    [sync] = [r for r in rows if r["source"] == f"sync {fake.server}"]
    assert (sync["marks_changed"], sync["feeds_added"], sync["feeds_removed"]) == (1, [], ["One"])
    [gone] = [r for r in rows if r.get("removed")]
    assert gone == {
        "source": "One",
        "removed": True,
        "deleted": 2,
        "kept_starred": 0,
        "no_longer_on": fake.server,
    }


def test_a_subscription_added_on_the_server_is_named() -> None:
    changes = SyncChanges("h:1", added=("Wire", "Lab", "Pod", "Notes"), marks=1)
    assert changes.clauses() == [
        "1 mark from the server",
        "4 subscriptions added (Wire, Lab, Pod and 1 more)",
    ]
    two = SyncChanges("h:1", removed=(RemovedSource("Wire", 16, 1), RemovedSource("Lab", 3000, 0)))
    assert two.removed_line() == (
        "removed 2 sources no longer on h:1 (Wire and Lab): 3,016 articles deleted, 1 starred kept"
    )


def test_the_refresh_line_counts_the_servers_articles_under_its_own_name() -> None:
    # "Refreshed JSON Notes: 9 new articles" when JSON Notes had 3 and the server 6.
    notes = SourceOutcome("JSON Notes", new=3)
    changes = SyncChanges("h:1", removed=(RemovedSource("Atom Lab", 5, 0),), marks=3)
    sync = SourceOutcome("sync h:1", new=6, sync=True, changes=changes)
    assert refresh_summary([sync, notes]) == (
        "Refreshed JSON Notes: 3 new articles; sync h:1: 6 new articles, 3 marks from the "
        "server; removed Atom Lab, no longer on h:1: 5 articles deleted"
    )
    quiet = SourceOutcome("sync h:1", sync=True, changes=SyncChanges("h:1"))
    assert refresh_summary([quiet, SourceOutcome("JSON Notes")]) == (
        "Refreshed JSON Notes: nothing new"
    )
    alone = SourceOutcome("sync h:1", sync=True, changes=SyncChanges("h:1", added=("Wire",)))
    assert refresh_summary([alone]) == "Synced with h:1: 1 subscription added (Wire)"


def test_the_refresh_line_says_the_changes_a_sync_pushed_as_newstui_sync_does() -> None:
    # user test r35 L6: "Refreshed sync h:1: nothing new" after the 2 queued marks were pushed
    alone = SourceOutcome("sync h:1", sync=True, changes=SyncChanges("h:1", pushed=2))
    assert refresh_summary([alone]) == "Synced with h:1: 2 changes pushed"
    notes = SourceOutcome("JSON Notes", new=1)
    assert refresh_summary([alone, notes]) == (
        "Refreshed JSON Notes: 1 new article; sync h:1: 2 changes pushed"
    )


def test_the_servers_feeds_count_with_the_sync_not_as_sources_read() -> None:
    # user test r35 L3: with the server down, "Refreshed 7 of 8 sources" counted its 3 feeds,
    # not read at all, as refreshed (`fetch` said "4 of 6 sources ok")
    down = SourceOutcome("sync h:1", error="h:1: unreachable (connection refused)", sync=True)
    served = [SourceOutcome(name, not_modified=True, by_sync=True) for name in ("A", "B")]
    own = [SourceOutcome("Notes", new=1), SourceOutcome("Lab")]
    assert refresh_summary([down, *served, *own]) == (
        "Refreshed 2 sources: 1 new article; sync failed: h:1: unreachable (connection refused)"
    )


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_r_says_what_the_sync_brought_and_removed_under_the_servers_name(
    tmp_path: Path,
    fake: FakeGReader,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": [ONE, TWO]})
    items = [item(1, "feed/1"), item(2, "feed/1"), item(3, "feed/2", "starred")]
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(1, 2, 3)], [refs(3)])
    notes = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title>'
        "<item><title>Note</title><link>https://example.org/note</link>"
        "<description>A note.</description></item></channel></rss>"
    )
    fake.set("/notes.xml", 200, notes.encode(), {"Content-Type": "application/rss+xml"})
    monkeypatch.setenv("PW_CH", "pw")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_CH"\n')
    feed = fake.base.removesuffix("/api/greader.php") + "/notes.xml"
    with path.open("a", encoding="utf-8") as config:
        config.write(f'\n[[feeds]]\nurl = "{feed}"\nname = "Notes"\nfulltext = false\n')
    app = NewstuiApp(tmp_path / "newstui.db", load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        # the app synced as it started (r51 MED-3): R's line then has the feed's news
        started = [said(n.message) for n in notifications(app) if "Synced" in n.message]
        assert started == [
            f"Synced with {fake.server}: 3 new articles, 2 subscriptions added (One and Two)"
        ]
        first = [said(n.message) for n in notifications(app) if "Refreshed" in n.message]
        assert first[-1:] == ["Refreshed Notes: 1 new article"]
        fake.api(f"/stream/contents/{READING}", 200, {"items": []})
        drop_one_and_read_three(fake)
        await pilot.press("R")
        await settle(pilot)
        second = [said(n.message) for n in notifications(app) if "Refreshed" in n.message]
    assert second[-1] == (
        f"Refreshed Notes: nothing new; sync {fake.server}: 1 mark from the server; "
        f"removed One, no longer on {fake.server}: 2 articles deleted"
    )
