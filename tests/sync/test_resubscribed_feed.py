"""A feed unsubscribed and subscribed again on the server while this store did not sync (a new
subscription id, new item ids for the same entries) keeps one article an entry, with the marks
made here (user test r39 H2: every article came twice, read marks split between the copies);
a store an earlier newstui doubled so is mended once the server no longer has the old items."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.store import open_db
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_states import READING, TWO, ids_answer, item, marks, refs

AGAIN = {**TWO, "id": "feed/12"}  # the same URL subscribed again: a new subscription id


def again(n: int, stream: str = "feed/12") -> dict[str, object]:
    """The server's new item n + 10 for the entry of item n (same link and title), unread."""
    return {
        **item(n + 10, stream),
        "title": f"Item {n}",
        "canonical": [{"href": f"https://example.org/{n}"}],
    }


@pytest.fixture
def synced(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> list[str]:
    """Items 1-3 of Two synced, then Item 1 read and Item 2 starred here and pushed."""
    fake.api("/subscription/list", 200, {"subscriptions": [TWO]})
    items = [item(n, "feed/2") for n in (1, 2, 3)]
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(1, 2, 3)], [refs()])
    fake.api("/edit-tag", 200, b"OK")
    fake.items = {n: i for n, i in zip((1, 2, 3), items, strict=True)}
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    os.environ["PW_S"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]
    assert main([*db, "sync"]) == 0
    ids = {r[1]: r[0] for r in stored(db)}
    assert main([*db, "mark", str(ids["Item 1"]), "--read"]) == 0
    assert main([*db, "mark", str(ids["Item 2"]), "--star"]) == 0
    # (the server as the push leaves it)
    fake.items = {1: item(1, "feed/2", "read"), 2: item(2, "feed/2", "starred"), 3: items[2]}
    ids_answer(fake, [refs(2, 3)], [refs(2)])
    assert main([*db, "sync"]) == 0
    assert marks(db, capsys) == {"Item 1": "", "Item 2": "unread starred", "Item 3": "unread"}
    capsys.readouterr()
    return db


def stored(db: list[str]) -> list[tuple[int, str]]:
    store = open_db(Path(db[1]))
    rows = store.execute("SELECT id, title FROM articles ORDER BY id").fetchall()
    store.conn.close()
    return [(r[0], r[1]) for r in rows]


def pushed(server: FakeGReader) -> set[tuple[int, str]]:
    """(item id, state added) of every edit-tag the server was sent."""
    return {
        (int(i.rsplit("/", 1)[-1], 16), a.rsplit("/", 1)[-1])
        for path, form in server.forms
        if path.endswith("/edit-tag")
        for i in form.get("i", [])
        for a in form.get("a", [])
    }


def test_a_feed_subscribed_again_elsewhere_keeps_one_article_an_entry_and_its_marks(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = stored(synced)
    fake.api("/subscription/list", 200, {"subscriptions": [AGAIN]})
    items = [again(n) for n in (1, 2, 3)]
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(11, 12, 13)], [refs()])
    fake.items = {n + 10: i for n, i in zip((1, 2, 3), items, strict=True)}

    assert main([*synced, "sync"]) == 0

    assert stored(synced) == before  # (the same articles, by id)
    assert marks(synced, capsys) == {"Item 1": "", "Item 2": "unread starred", "Item 3": "unread"}
    assert {(11, "read"), (12, "starred")} <= pushed(fake)  # (the new items lacked them)


def test_a_store_doubled_before_is_mended_once_the_old_items_are_gone(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = stored(synced)
    # The server gives new items for the same entries while it still has the old ones (as a
    # server that changed its entries' ids would): both are its items, so both are kept.
    items = [again(n, "feed/2") for n in (1, 2, 3)]
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(2, 3, 11, 12, 13)], [refs(2)])
    fake.items.update({n + 10: i for n, i in zip((1, 2, 3), items, strict=True)})
    assert main([*synced, "sync"]) == 0
    assert len(stored(synced)) == 6
    assert main([*synced, "sync"]) == 0
    assert len(stored(synced)) == 6

    # The old items leave the server: each entry is one article again, the one stored first,
    # with the marks of both copies.
    fake.api(f"/stream/contents/{READING}", 200, {"items": []})
    fake.items = {n + 10: i for n, i in zip((1, 2, 3), items, strict=True)}
    ids_answer(fake, [refs(11, 12, 13)], [refs()])
    capsys.readouterr()
    assert main([*synced, "sync"]) == 0
    assert "3 articles stored twice merged" in capsys.readouterr().out
    assert stored(synced) == first
    assert marks(synced, capsys) == {"Item 1": "", "Item 2": "unread starred", "Item 3": "unread"}


def test_a_store_doubled_before_whose_feed_is_subscribed_again_keeps_one_article_an_entry(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = stored(synced)
    # Doubled as an earlier newstui did (both items on the server then)...
    items = [again(n, "feed/2") for n in (1, 2, 3)]
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(2, 3, 11, 12, 13)], [refs(2)])
    fake.items.update({n + 10: i for n, i in zip((1, 2, 3), items, strict=True)})
    assert main([*synced, "sync"]) == 0
    assert len(stored(synced)) == 6
    # ...then the feed is unsubscribed and subscribed again there: items 21-23 of feed/12.
    fake.api("/subscription/list", 200, {"subscriptions": [AGAIN]})
    newest = [{**again(n), "id": item(n + 20, "feed/12")["id"]} for n in (1, 2, 3)]
    fake.api(f"/stream/contents/{READING}", 200, {"items": newest})
    fake.items = {n + 20: i for n, i in zip((1, 2, 3), newest, strict=True)}
    ids_answer(fake, [refs(21, 22, 23)], [refs()])

    assert main([*synced, "sync"]) == 0

    assert stored(synced) == first  # (it came a third time: 9 articles)
    assert marks(synced, capsys) == {"Item 1": "", "Item 2": "unread starred", "Item 3": "unread"}
