"""The server's unread and starred sets change only what they cover: a set the server did not
give whole changes nothing, a subscription it no longer lists keeps its articles' marks, and an
article leaves the set (read, unstarred elsewhere) only when the server, asked for it, says so."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.library import Library
from tests.sync.conftest import rss
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)

READING = "user/-/state/com.google/reading-list"
STARRED = "user/-/state/com.google/starred"
ONE = {"id": "feed/1", "title": "One", "url": "https://example.org/one", "categories": []}
TWO = {"id": "feed/2", "title": "Two", "url": "https://example.org/two", "categories": []}


def item(n: int, stream: str, *states: str) -> dict[str, object]:
    """A server item of a stream, with states such as "read" or "starred"."""
    return {
        "id": f"tag:google.com,2005:reader/item/{n:016x}",
        "crawlTimeMsec": str(1000 * n * 1000),
        "title": f"Item {n}",
        "canonical": [{"href": f"https://example.org/{n}"}],
        "summary": {"content": "<p>Text.</p>"},
        "categories": [f"user/-/state/com.google/{s}" for s in states],
        "origin": {"streamId": stream},
    }


def refs(*ids: int, continuation: str | None = None) -> bytes:
    answer: dict[str, object] = {"itemRefs": [{"id": str(i)} for i in ids]}
    if continuation:
        answer["continuation"] = continuation
    return json.dumps(answer).encode()


def ids_answer(server: FakeGReader, unread: list[bytes], starred: list[bytes]) -> None:
    server.id_sets[READING] = unread
    server.id_sets[STARRED] = starred


@pytest.fixture
def synced(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> list[str]:
    """A database synced once: items 1 and 2 of One, 3 of Two, all unread, 3 starred; the server
    answers items by id from then on."""
    fake.api("/subscription/list", 200, {"subscriptions": [ONE, TWO]})
    items = [item(1, "feed/1"), item(2, "feed/1"), item(3, "feed/2", "starred")]
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(1, 2, 3)], [refs(3)])
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    os.environ["PW_S"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]
    assert main([*db, "sync"]) == 0
    assert marks(db, capsys) == {"Item 1": "unread", "Item 2": "unread", "Item 3": "unread starred"}
    fake.api(f"/stream/contents/{READING}", 200, {"items": []})
    fake.items = {n: i for n, i in zip((1, 2, 3), items, strict=True)}
    return db


def marks(db: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """Each article's title and marks, e.g. {"Item 3": "unread starred"}."""
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return {
        r["title"]: " ".join(
            m for m, on in (("unread", not r["read"]), ("starred", r["starred"])) if on
        )
        for r in rows
    }


def test_a_starred_article_whose_feed_left_the_server_keeps_its_star(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Two is unsubscribed on the server (FreshRSS deletes its items): item 3 is in no set now.
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]})
    fake.items = {n: i for n, i in fake.items.items() if n != 3}
    ids_answer(fake, [refs(1, 2)], [refs()])
    assert main([*synced, "sync"]) == 0
    assert marks(synced, capsys) == {
        "Item 1": "unread",
        "Item 2": "unread",
        "Item 3": "unread starred",
    }


def test_an_answer_without_item_refs_is_an_error_and_changes_no_mark(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    ids_answer(fake, [b"{}"], [refs()])
    assert main([*synced, "sync"]) == 1
    err = capsys.readouterr().err
    assert (
        f"{fake.server}: malformed answer to stream/items/ids: the server answered without itemRefs"
        in err
    )
    assert marks(synced, capsys) == {
        "Item 1": "unread",
        "Item 2": "unread",
        "Item 3": "unread starred",
    }


def test_a_server_listing_no_subscriptions_and_no_items_changes_no_mark(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": []})
    fake.items = {}
    ids_answer(fake, [refs()], [refs()])
    assert main([*synced, "sync"]) == 0
    assert marks(synced, capsys) == {
        "Item 1": "unread",
        "Item 2": "unread",
        "Item 3": "unread starred",
    }


def test_a_set_whose_paging_does_not_end_changes_none_of_its_marks(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The second page hands back the first page's continuation: the unread set is cut short.
    ids_answer(fake, [refs(1, continuation="c1"), refs(continuation="c1")], [refs()])
    assert main([*synced, "sync"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert f"{fake.server}'s unread list did not come to its end" in out
    # The starred set came whole: item 3, unstarred on the server, is unstarred here.
    fake.items[3] = item(3, "feed/2")
    ids_answer(fake, [refs(1, continuation="c1"), refs(continuation="c1")], [refs()])
    assert main([*synced, "sync"]) == 0
    assert marks(synced, capsys) == {"Item 1": "unread", "Item 2": "unread", "Item 3": "unread"}


def test_an_empty_unread_list_the_server_gave_marks_read_what_it_says_is_read(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Everything read and unstarred elsewhere, except item 2, which the server no longer has
    # (its retention dropped it): that one keeps its marks.
    fake.items = {1: item(1, "feed/1", "read"), 3: item(3, "feed/2", "read")}
    ids_answer(fake, [refs()], [refs()])
    assert main([*synced, "sync", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["read_changed"], report["starred_changed"]) == (2, 1)
    assert marks(synced, capsys) == {"Item 1": "", "Item 2": "unread", "Item 3": ""}
    # Unread and starred again on the server: the sets say so.
    ids_answer(fake, [refs(1, 3)], [refs(3)])
    assert main([*synced, "sync"]) == 0
    assert marks(synced, capsys) == {
        "Item 1": "unread",
        "Item 2": "unread",
        "Item 3": "unread starred",
    }


def test_an_item_the_server_no_longer_returns_is_not_asked_for_at_every_sync(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Item 2 was dropped by the server's retention: asked for once, it keeps its marks, and the
    # syncs after that do not ask for it again (each such 250 items cost a request every sync).
    contents = "/api/greader.php/reader/api/0/stream/items/contents"
    fake.items = {n: i for n, i in fake.items.items() if n != 2}
    ids_answer(fake, [refs(1, 3)], [refs(3)])
    for _ in range(3):
        assert main([*synced, "sync"]) == 0
    assert fake.hits.count(contents) == 1
    assert marks(synced, capsys) == {
        "Item 1": "unread",
        "Item 2": "unread",
        "Item 3": "unread starred",
    }
    # Back on the server (a restored backup) and read there: it is asked for again, and read.
    ids_answer(fake, [refs(1, 2, 3)], [refs(3)])
    assert main([*synced, "sync"]) == 0
    fake.items[2] = item(2, "feed/1", "read")
    ids_answer(fake, [refs(1, 3)], [refs(3)])
    assert main([*synced, "sync"]) == 0
    assert fake.hits.count(contents) == 2
    assert marks(synced, capsys)["Item 2"] == ""


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        ((503, 0.0), "HTTP 503 Service Unavailable for stream/items/contents"),
        (
            (0, 0.0),
            "the server closed the connection without a complete answer "
            "(/reader/api/0/stream/items/contents)",
        ),
    ],
)
def test_a_passing_failure_to_answer_by_id_leaves_the_marks_and_asks_again(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
    failure: tuple[int, float],
    reason: str,
) -> None:
    # Item 1 was read elsewhere, item 2 dropped by the server. The by-id answer fails once (a
    # restart, an overloaded server): the sync failed as a whole, though its new items and sets
    # had come. Now it succeeds and says which marks it could not check; neither item counts as
    # gone, and the next sync asks again and applies the read mark.
    contents = "/api/greader.php/reader/api/0/stream/items/contents"
    fake.items = {1: item(1, "feed/1", "read"), 3: item(3, "feed/2", "starred")}
    ids_answer(fake, [refs(3)], [refs(3)])
    fake.contents_failures = [failure]
    assert main([*synced, "sync"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        f"2 articles out of {fake.server}'s lists could not be checked ({reason}); their marks "
        "stay until the next sync"
    ) in out
    assert marks(synced, capsys) == {
        "Item 1": "unread",
        "Item 2": "unread",
        "Item 3": "unread starred",
    }
    assert main([*synced, "sync", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["read_changed"], report["unchecked"]) == (1, 0)
    assert marks(synced, capsys) == {"Item 1": "", "Item 2": "unread", "Item 3": "unread starred"}
    assert fake.hits.count(contents) == 2
    assert main([*synced, "sync"]) == 0  # item 2 now counts as gone: not asked for again
    assert fake.hits.count(contents) == 2


def test_a_refusal_to_answer_by_id_still_fails_the_sync(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.items = {1: item(1, "feed/1", "read")}
    ids_answer(fake, [refs(3)], [refs(3)])
    fake.contents_failures = [(403, 0.0)]
    assert main([*synced, "sync"]) == 1
    assert "access forbidden (HTTP 403) to stream/items/contents" in capsys.readouterr().err
    assert marks(synced, capsys)["Item 1"] == "unread"


def test_fetch_says_when_the_servers_set_did_not_come_to_its_end(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `newstui sync` said so, but fetch's sync warning (and the app's sync line, made of the
    # same warning) left it out.
    ids_answer(fake, [refs(1, continuation="c1"), refs(continuation="c1")], [refs()])
    assert main([*synced, "fetch"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert (
        f"warning: sync {fake.server}: {fake.server}'s unread list did not come to its end; "
        "those marks were left as they are"
    ) in err
    ids_answer(fake, [refs(1, continuation="c1"), refs(continuation="c1")], [refs()])
    assert main([*synced, "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cut_short"] == ["unread"]


def test_a_passing_failure_fetching_unstored_items_keeps_what_came_and_asks_again(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Items 4 and 5 are unread on the server but older than the sync cursor (a server restored
    # from a backup): they are asked for by id. That answer fails once (a 503): the sync failed
    # as a whole (exit 1), though the other stages pass over such a failure. Now it completes,
    # says so in one clause, and the next sync fetches them.
    contents = "/api/greader.php/reader/api/0/stream/items/contents"
    fake.items.update({4: item(4, "feed/1"), 5: item(5, "feed/2")})
    ids_answer(fake, [refs(1, 2, 3, 4, 5)], [refs(3)])
    fake.contents_failures = [(503, 0.0)]
    assert main([*synced, "sync"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        f"2 articles of {fake.server}'s lists could not be fetched (HTTP 503 Service "
        "Unavailable for stream/items/contents); the next sync asks for them again"
    ) in out
    assert "Item 4" not in marks(synced, capsys)
    assert main([*synced, "sync", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["new"], report["unfetched"], report["unchecked"]) == (2, 0, 0)
    assert marks(synced, capsys) == {
        "Item 1": "unread",
        "Item 2": "unread",
        "Item 3": "unread starred",
        "Item 4": "unread",
        "Item 5": "unread",
    }
    assert fake.hits.count(contents) == 2


def test_one_clause_says_what_was_not_fetched_and_what_was_not_checked() -> None:
    from newstui.sync.run import SyncReport

    report = SyncReport(
        "rss.example.org", unfetched=3, unchecked=2, unchecked_reason="timed out after 30 s"
    )
    assert report.notices == (
        "3 articles of rss.example.org's lists could not be fetched and 2 could not be checked "
        "(timed out after 30 s); the next sync asks for them again, and their marks stay until "
        "then",
    )


def test_a_sync_with_another_account_matches_sources_by_url_not_by_the_servers_ids(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The config now names another account (another user, or the same feeds moved to another
    # server). Its ids name other things: its feed/1 is Two's URL, its item 101 Two's item 3. The
    # sync took feed/1 for One: One's source was renamed Two, and Two's items went into it.
    assert main([*synced, "list", "--all", "--json"]) == 0
    ids = {r["title"]: r["id"] for r in json.loads(capsys.readouterr().out)}
    assert main([*synced, "mark", "--star", str(ids["Item 1"])]) == 0  # queued, not pushed
    config = Path(synced[3])
    config.write_text(config.read_text().replace('user = "alice"', 'user = "bob"'))
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "id": "feed/1"}]})
    same = {**item(101, "feed/1", "starred"), "title": "Item 3"}
    same["canonical"] = [{"href": "https://example.org/3"}]
    fake.api(f"/stream/contents/{READING}", 200, {"items": [same, item(102, "feed/1")]})
    fake.items = {101: same, 102: item(102, "feed/1")}
    ids_answer(fake, [refs(101, 102)], [refs(101)])

    assert main([*synced, "sync"]) == 0

    out = " ".join(capsys.readouterr().out.split())
    removed = f"removed One, no longer on {fake.server}: 1 article deleted, 1 starred kept"
    assert f"1 new, 0 updated; {removed}; first sync with bob@127.0.0.1:" in out
    assert "(the last was with alice@127.0.0.1:" in out
    assert main([*synced, "feeds", "--json"]) == 0
    feeds = {f["name"]: f["url"] for f in json.loads(capsys.readouterr().out)}
    assert feeds == {"Two": TWO["url"]}
    assert main([*synced, "list", "--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["feed"], r["title"], r["starred"]) for r in rows) == [
        ("One", "Item 1", True),  # One left with bob's server; its starred article stays
        ("Two", "Item 102", False),
        ("Two", "Item 3", True),
    ]
    with Library.open(synced[1]) as library:  # Item 1's star has no item to go to on bob's
        assert library.sync.status().queued == 0
    # a mark made here goes to the new account's item
    three = next(r["id"] for r in rows if r["title"] == "Item 3")
    assert main([*synced, "mark", "--read", str(three)]) == 0
    capsys.readouterr()
    fake.api("/edit-tag", 200, b"OK")
    assert main([*synced, "sync", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["pushed"], report["switched_from"]) == (1, None)
    # back to alice: `sync --json` names the account it left
    config.write_text(config.read_text().replace('user = "bob"', 'user = "alice"'))
    assert main([*synced, "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["switched_from"].startswith("bob@127.0.0.1:")


def test_a_starred_article_of_a_feed_subscribed_again_on_the_server_is_one_article(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Two is unsubscribed on the server (its items go with it), item 3 keeps its star here; then
    # Two is subscribed again: a new subscription id, new items. Item 3 came twice, the star
    # only on the old one.
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]})
    fake.items = {n: i for n, i in fake.items.items() if n != 3}
    ids_answer(fake, [refs(1, 2)], [refs()])
    assert main([*synced, "sync"]) == 0
    again = {**item(103, "feed/5"), "title": "Item 3"}
    again["canonical"] = [{"href": "https://example.org/3"}]
    fake.api("/subscription/list", 200, {"subscriptions": [ONE, {**TWO, "id": "feed/5"}]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [again]})
    fake.items[103] = again
    ids_answer(fake, [refs(1, 2, 103)], [refs()])
    fake.api("/edit-tag", 200, b"OK")
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["new"], report["pushed"]) == (0, 1)  # the star, to the new item
    assert marks(synced, capsys) == {
        "Item 1": "unread",
        "Item 2": "unread",
        "Item 3": "unread starred",
    }
    assert main([*synced, "list", "--all", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_marks_made_before_sync_was_set_up_are_kept_and_sent_to_the_server(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A feed read here first (one article read, one starred), then sync set up with a server
    # subscribed to it: the first sync took the server's marks, unread and unstarred.
    feed_server.route("/two", body=rss("Two", [("a", "Story A"), ("b", "Story B")]))
    url = feed_server.url("/two")
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Two"\nurl = "{url}"\n')
    db = tmp_path / "n.db"
    assert main(["--db", str(db), "--config", str(plain), "fetch"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "--config", str(plain), "list", "--json"]) == 0
    ids = {r["title"]: r["id"] for r in json.loads(capsys.readouterr().out)}
    assert main(["--db", str(db), "mark", "--read", str(ids["Story A"])]) == 0
    assert main(["--db", str(db), "mark", "--star", str(ids["Story B"])]) == 0
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "url": url}]})
    stories = []
    for n, slug in ((7, "a"), (8, "b")):
        story = {**item(n, "feed/2"), "title": f"Story {slug.upper()}"}
        story["canonical"] = [{"href": f"https://example.org/{slug}"}]
        stories.append(story)
    fake.api(f"/stream/contents/{READING}", 200, {"items": stories})
    ids_answer(fake, [refs(7, 8)], [refs()])
    fake.api("/edit-tag", 200, b"OK")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    path.write_text(path.read_text() + f'\n[[feeds]]\nname = "Two"\nurl = "{url}"\n')
    os.environ["PW_S"] = "pw"
    capsys.readouterr()

    assert main(["--db", str(db), "--config", str(path), "sync", "--json"]) == 0

    assert json.loads(capsys.readouterr().out)["pushed"] == 2
    assert marks(["--db", str(db)], capsys) == {"Story A": "", "Story B": "unread starred"}
    assert fake.hits.count("/api/greader.php/reader/api/0/edit-tag") == 2


def test_a_wait_a_server_asked_for_holds_for_its_account_only(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # bob's first sync meets a 429: his next sync waits (it asked again at once, as the wait was
    # taken for the last account's); bob's wait does not hold back carol's sync.
    config = Path(synced[3])
    config.write_text(config.read_text().replace('user = "alice"', 'user = "bob"'))
    fake.api("/subscription/list", 429, b"slow down", headers={"Retry-After": "600"})
    assert main([*synced, "sync"]) == 1
    capsys.readouterr()
    asked = len(fake.hits)
    assert main([*synced, "sync"]) == 1
    assert "asked us to wait (HTTP 429) until" in capsys.readouterr().err
    assert len(fake.hits) == asked
    config.write_text(config.read_text().replace('user = "bob"', 'user = "carol"'))
    fake.api("/subscription/list", 200, {"subscriptions": [ONE, TWO]})
    assert main([*synced, "sync"]) == 0
