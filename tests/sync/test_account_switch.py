"""Another account or server named in [sync]: its ids name other things, so sources and articles
are matched by URL, even in a store synced before the last account was remembered; another
user's items take that user's marks, the same user's new server gets the marks made here."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_states import (  # noqa: F401 (fixture)
    ONE,
    READING,
    TWO,
    ids_answer,
    item,
    marks,
    refs,
    synced,
)

EDIT_TAG = "/api/greader.php/reader/api/0/edit-tag"


def _forget_the_account(db: str) -> None:
    """The store as a version that did not remember the account (9df6f55 or before) left it."""
    con = sqlite3.connect(db)
    con.execute("DELETE FROM sync_state WHERE key = 'account'")
    con.commit()
    con.close()


def _rename_user(config: Path, old: str, new: str) -> None:
    config.write_text(config.read_text().replace(f'user = "{old}"', f'user = "{new}"'))


def _titles(db: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    return {r["title"]: r["id"] for r in json.loads(capsys.readouterr().out)}


def test_a_store_synced_before_the_account_was_remembered_is_not_mixed_up_by_another_account(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # bob's feed/1 is Two's URL (alice's feed/2). Without the 'account' key the sync was not
    # taken for a switch: One was renamed "Two (2)", Two's items went into it, and One was gone.
    _forget_the_account(synced[1])
    _rename_user(Path(synced[3]), "alice", "bob")
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "id": "feed/1"}]})
    same = {**item(101, "feed/1", "starred"), "title": "Item 3"}
    same["canonical"] = [{"href": "https://example.org/3"}]
    fake.api(f"/stream/contents/{READING}", 200, {"items": [same, item(102, "feed/1")]})
    fake.items = {101: same, 102: item(102, "feed/1")}
    ids_answer(fake, [refs(101, 102)], [refs(101)])
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert main([*synced, "list", "--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["feed"], r["title"]) for r in rows) == [
        ("Two", "Item 102"),
        ("Two", "Item 3"),
    ]  # One left with bob's server: its unstarred articles went with it, as at an unsubscribe
    assert main([*synced, "feeds", "--json"]) == 0
    assert {f["name"]: f["url"] for f in json.loads(capsys.readouterr().out)} == {"Two": TWO["url"]}
    assert (report["switch"], report["switched_from"]) == ("unknown", None)


def test_a_store_synced_before_the_account_was_remembered_is_not_mixed_up_by_a_new_feed(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # bob's feed/1 is a feed not stored here (Three): One was renamed Three and Three's item
    # went into it. The server does not have One's items (asked for the newest by id).
    _forget_the_account(synced[1])
    _rename_user(Path(synced[3]), "alice", "bob")
    three = {"id": "feed/1", "title": "Three", "url": "https://example.org/three", "categories": []}
    fake.api("/subscription/list", 200, {"subscriptions": [three]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(301, "feed/1")]})
    fake.items = {301: item(301, "feed/1")}
    ids_answer(fake, [refs(301)], [refs()])
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert main([*synced, "list", "--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["feed"], r["title"]) for r in rows) == [
        ("Three", "Item 301"),
        ("Two", "Item 3"),  # Two left with bob's server: its starred article stays
    ]
    assert report["switch"] == "unknown"


def test_a_store_synced_before_the_account_was_remembered_keeps_a_feed_its_server_moved(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The same account, where One's feed moved to another URL: the server still has One's items,
    # so nothing is forgotten (One keeps its articles, nothing comes again).
    _forget_the_account(synced[1])
    moved = {**ONE, "url": "https://example.org/one-moved"}
    fake.api("/subscription/list", 200, {"subscriptions": [moved, TWO]})
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["switch"], report["new"]) == (None, 0)
    assert main([*synced, "list", "--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["feed"], r["title"]) for r in rows) == [
        ("One", "Item 1"),
        ("One", "Item 2"),
        ("Two", "Item 3"),
    ]


def test_the_switch_notice_says_the_last_account_is_not_known(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    _forget_the_account(synced[1])
    _rename_user(Path(synced[3]), "alice", "bob")
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "id": "feed/1"}]})
    ids_answer(fake, [refs()], [refs()])
    capsys.readouterr()

    assert main([*synced, "sync"]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert (
        "(the account synced before is not known here; its ids name other feeds): sources and "
        "articles here were matched to its by URL and took its marks (none of the last "
        "account's was sent)"
    ) in out


def test_a_store_synced_before_the_account_was_remembered_syncs_its_own_account_as_ever(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The same account (its ids name the same feeds): nothing is forgotten, the queued mark is
    # pushed with its item id, and no switch is said.
    _forget_the_account(synced[1])
    ids = _titles(synced, capsys)
    assert main([*synced, "mark", "--read", str(ids["Item 2"])]) == 0
    fake.api("/edit-tag", 200, b"OK")
    ids_answer(fake, [refs(1, 3)], [refs(3)])
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["pushed"], report["new"]) == (1, 0)
    assert fake.hits.count(EDIT_TAG) == 1
    assert marks(synced, capsys) == {"Item 1": "unread", "Item 2": "", "Item 3": "unread starred"}
    assert report["switch"] is None


def _alice_read_item_2_then_bob(
    server: FakeGReader, db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """alice read Item 2 (pushed to her account); the server then answers as bob: One under
    his own id, his Item 2 unread, his Item 1 read and starred."""
    server.api("/edit-tag", 200, b"OK")
    ids = _titles(db, capsys)
    assert main([*db, "mark", "--read", str(ids["Item 2"])]) == 0
    ids_answer(server, [refs(1, 3)], [refs(3)])
    assert main([*db, "sync"]) == 0
    server.api("/subscription/list", 200, {"subscriptions": [{**ONE, "id": "feed/7"}]})
    bobs = [
        {**item(n, "feed/7", *s), "title": f"Item {n - 200}"}
        for n, s in ((201, ("read", "starred")), (202, ()))
    ]
    for n, bob in zip((1, 2), bobs, strict=True):
        bob["canonical"] = [{"href": f"https://example.org/{n}"}]
    server.api(f"/stream/contents/{READING}", 200, {"items": bobs})
    server.items = {201: bobs[0], 202: bobs[1]}
    ids_answer(server, [refs(202)], [refs(201)])
    capsys.readouterr()


def test_another_users_items_take_that_users_marks_and_get_none_of_the_last_users(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # alice's read of Item 2 was pushed to bob's account (pushed: 1), and Item 2 stayed read.
    _alice_read_item_2_then_bob(fake, synced, capsys)
    pushes_to_alice = fake.hits.count(EDIT_TAG)
    _rename_user(Path(synced[3]), "alice", "bob")

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert report["pushed"] == 0
    assert fake.hits.count(EDIT_TAG) == pushes_to_alice
    assert marks(synced, capsys) == {
        "Item 1": "starred",  # bob's marks
        "Item 2": "unread",
        "Item 3": "unread starred",  # Two left with bob's server: its starred article stays
    }
    assert report["switch"] == "user"


def test_the_same_user_on_another_server_keeps_the_marks_made_here_and_sends_them(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # alice moved to another server (here: the same one under another host name): what she read
    # here is hers, so it goes to the new server's items.
    _alice_read_item_2_then_bob(fake, synced, capsys)
    pushes_before = fake.hits.count(EDIT_TAG)
    config = Path(synced[3])
    config.write_text(config.read_text().replace("http://127.0.0.1:", "http://localhost:"))

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert report["pushed"] == 1
    assert report["switched_from"].startswith("alice@127.0.0.1:")
    assert fake.hits.count(EDIT_TAG) == pushes_before + 1
    assert marks(synced, capsys) == {
        "Item 1": "starred",
        "Item 2": "",
        "Item 3": "unread starred",
    }
    assert report["switch"] == "server"
    capsys.readouterr()
    _rename_user(config, "alice", "bob")  # (and the notice names the kind of switch)
    assert main([*synced, "sync"]) == 0
    assert "took its marks (none of the last account's was sent)" in " ".join(
        capsys.readouterr().out.split()
    )


def test_an_account_stored_with_the_sync_urls_password_is_the_same_account_without_it(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `url = "http://alice:secret@host/…"` (refused by the config since): the account was
    # stored and named with the password, and a new password was taken for another user (the
    # queue dropped, every article unlinked).
    con = sqlite3.connect(synced[1])  # (as the version before this one left it)
    account = con.execute("SELECT value FROM sync_state WHERE key = 'account'").fetchone()[0]
    con.execute(
        "UPDATE sync_state SET value = ? WHERE key = 'account'",
        [account.replace("alice@", "alice@alice:old-secret@", 1)],
    )
    con.commit()
    con.close()
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    out = capsys.readouterr().out
    report = json.loads(out)
    assert (report["switch"], report["switched_from"]) == (None, None)
    con = sqlite3.connect(synced[1])
    assert (
        con.execute("SELECT value FROM sync_state WHERE key = 'account'").fetchone()[0] == account
    )
    con.close()
    assert "secret" not in out
    assert b"secret" not in Path(synced[1]).read_bytes()
    from newstui.sync.client import server_name

    assert server_name("https://bob:secret@[::1]:8443/api") == "[::1]:8443"
    from newstui.sync.run import _without_password

    assert _without_password("bob@bob:s@h:1/api") == "bob@h:1/api"
    assert _without_password("a@b@h/api") == "a@b@h/api"  # (a user name with an @)


def _bob_follows_one(server: FakeGReader, stream: str) -> None:
    """bob subscribes to One (alice's first feed) under `stream`; his copies of Items 1 and 2
    have other item ids, his Item 1 read and starred."""
    server.api("/subscription/list", 200, {"subscriptions": [{**ONE, "id": stream}]})
    bobs = [
        {**item(n, stream, *s), "title": f"Item {n - 200}"}
        for n, s in ((201, ("read", "starred")), (202, ()))
    ]
    for n, bob in zip((1, 2), bobs, strict=True):
        bob["canonical"] = [{"href": f"https://example.org/{n}"}]
    server.api(f"/stream/contents/{READING}", 200, {"items": bobs})
    server.api(f"/stream/contents/{stream}", 200, {"items": bobs[::-1]})
    server.items = {201: bobs[0], 202: bobs[1]}
    ids_answer(server, [refs(202)], [refs(201)])


@pytest.mark.parametrize("stream", ["feed/1", "feed/7"])
def test_a_store_synced_before_the_account_was_remembered_and_another_user_of_the_same_feeds(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    stream: str,
) -> None:
    # feed/1: FreshRSS, both users subscribed to One first (the same id and URL, as after one
    # OPML import); feed/7: Miniflux (ids are global: none stored here). Neither was taken for
    # a switch: bob's items became new articles beside alice's, which kept alice's marks.
    _forget_the_account(synced[1])
    _rename_user(Path(synced[3]), "alice", "bob")
    _bob_follows_one(fake, stream)
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert main([*synced, "list", "--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["feed"], r["title"]) for r in rows) == [
        ("One", "Item 1"),
        ("One", "Item 2"),
        ("Two", "Item 3"),  # (starred: kept when Two left with bob's server)
    ]
    assert marks(synced, capsys)["Item 1"] == "starred"  # bob's
    assert report["switch"] == "unknown"


def test_the_last_users_marks_never_reach_the_new_user_after_a_first_sync_cut_short(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The switch's first sync could not fetch bob's Item 2 (a 503): the unlinked articles were
    # forgotten anyway, and at the next sync alice's read of Item 2 was queued and sent to bob.
    _alice_read_item_2_then_bob(fake, synced, capsys)
    fake.api(f"/stream/contents/{READING}", 200, {"items": [fake.items[201]]})  # 202: by id only
    fake.contents_failures = [(503, 0.0)] * 6
    _rename_user(Path(synced[3]), "alice", "bob")
    assert main([*synced, "sync", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["switch"] == "user" and first["unfetched"] >= 1, first
    pushes = fake.hits.count(EDIT_TAG)
    fake.contents_failures = []

    assert main([*synced, "sync", "--json"]) == 0

    second = json.loads(capsys.readouterr().out)
    assert (second["pushed"], fake.hits.count(EDIT_TAG)) == (0, pushes), second
    assert marks(synced, capsys)["Item 2"] == "unread"  # bob's
    con = sqlite3.connect(synced[1])
    assert (
        con.execute("SELECT 1 FROM sync_state WHERE key = 'unlinked_articles'").fetchone() is None
    )
    con.close()


def test_the_unlinked_articles_are_read_once_a_sync_not_once_a_page(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The list (200,000 ids after a switch of a large store) was parsed again for each page of
    # 250 items: ~28 s more for that first sync.
    from newstui.store import sync as store_sync
    from newstui.sync import run

    _alice_read_item_2_then_bob(fake, synced, capsys)
    fake.api(f"/stream/contents/{READING}", 200, {"items": []})  # (both items by id)
    monkeypatch.setattr(run, "CONTENTS_BATCH", 1)  # a page each
    parsed = []
    parse = store_sync._unlinked
    monkeypatch.setattr(store_sync, "_unlinked", lambda conn: parsed.append(1) or parse(conn))
    _rename_user(Path(synced[3]), "alice", "bob")

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["switch"], report["new"], report["pushed"]) == ("user", 0, 0), report
    assert len(parsed) == 2, parsed  # forget_server's and the sync's (before: and each page's)
    assert marks(synced, capsys) == {
        "Item 1": "starred",
        "Item 2": "unread",
        "Item 3": "unread starred",
    }


def test_no_command_shows_the_password_of_a_sync_url(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `sync login` printed `http://alice:secret@…: logged in as alice`, `remove` said
    # "unsubscribed on http://alice:secret@…"; the config now refuses such a url in one line
    # (tests/test_url_passwords.py), which names no part of it.
    config = Path(synced[3])
    config.write_text(config.read_text().replace("http://", "http://alice:secret@"))
    fake.api("/subscription/quickadd", 200, {"numResults": 1, "streamId": "feed/1"})
    fake.api("/subscription/edit", 200, b"OK")
    capsys.readouterr()

    assert main([*synced, "sync", "login"]) == 1
    assert main([*synced, "sync", "login", "--json"]) == 1
    assert main([*synced, "remove", "One"]) == 1

    out, err = capsys.readouterr()
    assert err.count("sync url has a user name or password in it") == 2, err
    assert "secret" not in out + err


def test_a_store_synced_before_the_account_was_remembered_whose_newest_items_expired_is_kept(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The same account: One's feed moved, and the server's retention dropped every item stored
    # here (review r30b LOW 1). It was taken for another account: One was removed with its
    # articles (a source "one-moved" added in its place) and the mark made here was dropped.
    _forget_the_account(synced[1])
    ids = _titles(synced, capsys)
    assert main([*synced, "mark", "--read", str(ids["Item 1"])]) == 0
    fake.api("/edit-tag", 200, b"OK")
    moved = {**ONE, "url": "https://example.org/one-moved"}
    fake.api("/subscription/list", 200, {"subscriptions": [moved, TWO]})
    fake.api("/stream/contents/feed/2", 200, {"items": []})  # (Two's newest: none of here)
    fake.items = {}
    ids_answer(fake, [refs()], [refs()])
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["switch"], report["feeds_removed"], report["feeds_added"]) == (None, [], [])
    # (the server has not got Item 1 either: its mark stays here, not sent by an id it lacks)
    assert (report["pushed"], report["unsent"], report["expired"], report["new"]) == (0, 1, 2, 0)
    assert marks(synced, capsys) == {"Item 1": "", "Item 2": "unread", "Item 3": "unread starred"}
    assert main([*synced, "sync"]) == 0  # (the account is remembered from now on)
    assert "no longer has" not in capsys.readouterr().out


def test_the_sync_line_says_the_newest_items_expired_on_the_same_account(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    _forget_the_account(synced[1])
    fake.api("/stream/contents/feed/1", 200, {"items": [item(9, "feed/1")]})  # (a new one)
    fake.api("/stream/contents/feed/2", 200, {"items": []})
    fake.items = {}
    ids_answer(fake, [refs()], [refs()])
    capsys.readouterr()

    assert main([*synced, "sync"]) == 0

    raw = capsys.readouterr().out
    assert raw.count("\n") == 1  # (one line)
    out = " ".join(raw.split())
    assert (
        "no longer has the newest article stored here of any of 2 sources but follows the same "
        "feeds: taken as "
        "expired there (the same account), no item id was forgotten"
    ) in out
    assert "first sync with" not in out


def test_another_name_of_the_same_user_on_the_same_server_is_no_switch(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `user = "alice"` changed to her e-mail, which the server also logs her in by: it was taken
    # for another user (every item id forgotten, the mark made here dropped, the server's marks
    # taken). The server's user-info names both, so it is the same account.
    ids = _titles(synced, capsys)
    assert main([*synced, "mark", "--read", str(ids["Item 2"])]) == 0
    fake.api("/edit-tag", 200, b"OK")
    fake.api(
        "/user-info", 200, {"userId": "1001", "userName": "alice", "userEmail": "Alice@Example.org"}
    )
    _rename_user(Path(synced[3]), "alice", "alice@example.org")
    ids_answer(fake, [refs(1, 3)], [refs(3)])  # (as the server has it once the mark is sent)
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["switch"], report["switched_from"], report["pushed"]) == (None, None, 1)
    assert marks(synced, capsys) == {"Item 1": "unread", "Item 2": "", "Item 3": "unread starred"}
    fake.api("/user-info", 200, {"userId": "1002", "userName": "bob", "userEmail": ""})
    _rename_user(Path(synced[3]), "alice@example.org", "bob")  # (and bob is another user)
    assert main([*synced, "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["switch"] == "user"


def test_the_same_server_under_another_host_name_is_the_same_account(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 127.0.0.1 becomes localhost (a LAN name a public one, a proxy added): the server has the
    # articles stored here under the same ids, so nothing is forgotten and no old mark is sent
    # again over newer ones made elsewhere (user test r39 M5: a stale store's reads were pushed).
    fake.api("/edit-tag", 200, b"OK")
    ids = _titles(synced, capsys)
    assert main([*synced, "mark", "--read", str(ids["Item 2"])]) == 0
    ids_answer(fake, [refs(1, 3)], [refs(3)])
    assert main([*synced, "sync"]) == 0
    # Item 2 is marked unread elsewhere since; this store's sync must not read it again.
    ids_answer(fake, [refs(1, 2, 3)], [refs(3)])
    fake.items[2] = {**fake.items[2], "categories": []}
    pushes_before = fake.hits.count(EDIT_TAG)
    config = Path(synced[3])
    config.write_text(config.read_text().replace("http://127.0.0.1:", "http://localhost:"))
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["switch"], report["switched_from"]) == (None, None)
    assert report["renamed_from"].startswith("alice@127.0.0.1:")
    assert report["pushed"] == 0 and fake.hits.count(EDIT_TAG) == pushes_before
    assert marks(synced, capsys)["Item 2"] == "unread"
    capsys.readouterr()
    assert main([*synced, "sync"]) == 0  # (remembered under the new name: said once)
    assert "under another address" not in capsys.readouterr().out


def test_another_accounts_item_under_an_id_stored_here_is_stored_beside_the_old_article(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Two entries alike (one link, one title: a live page) were items 1 and 2 of alice's server;
    # bob's (Miniflux numbers its entries from 1 too) has them as 1 and 2 again. Alike, they pair
    # with no article here, so they are stored as new: the old articles' guids (the item keys)
    # were taken, and every sync with bob failed on the store ("UNIQUE constraint failed").
    live = [
        {**item(n, "feed/1"), "canonical": [{"href": "https://example.org/live"}]} for n in (1, 2)
    ]
    live = [{**i, "title": "Live"} for i in live]
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": live})
    ids_answer(fake, [refs(1, 2)], [refs()])
    fake.items = {1: live[0], 2: live[1]}
    os.environ["PW_S"] = "pw"
    config = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    db = ["--db", str(tmp_path / "n.db"), "--config", str(config)]
    assert main([*db, "sync"]) == 0
    _rename_user(config, "alice", "bob")
    capsys.readouterr()

    assert main([*db, "sync"]) == 0, capsys.readouterr().err

    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["Live"] * 4
    assert main([*db, "sync"]) == 0  # (and again: bob's items are known now)


def test_a_second_switch_meeting_the_same_item_ids_stores_them_beside_both(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # (review r39 FK1) alice, then bob, then carol, each with items 1 and 2 of a live page: the
    # second switch renamed bob's articles to the "former:" guid alice's already had, and every
    # sync with carol failed on the store ("UNIQUE constraint failed").
    live = [
        {**item(n, "feed/1"), "canonical": [{"href": "https://example.org/live"}]} for n in (1, 2)
    ]
    live = [{**i, "title": "Live"} for i in live]
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": live})
    ids_answer(fake, [refs(1, 2)], [refs()])
    fake.items = {1: live[0], 2: live[1]}
    os.environ["PW_S"] = "pw"
    config = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    db = ["--db", str(tmp_path / "n.db"), "--config", str(config)]
    assert main([*db, "sync"]) == 0
    _rename_user(config, "alice", "bob")
    assert main([*db, "sync"]) == 0
    _rename_user(config, "bob", "carol")
    capsys.readouterr()

    assert main([*db, "sync"]) == 0, capsys.readouterr().err

    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["Live"] * 6
    assert main([*db, "sync"]) == 0
