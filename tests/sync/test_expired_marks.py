"""A store that does not remember its account, synced with a server that follows the same feeds
and has none of the newest items stored here, is taken for the same account whose items expired:
but it may be another account whose own copies expired too. A mark queued here is sent only to
an item the server still has as the same article; no other account ever gets it by an id."""

from __future__ import annotations

import json

import pytest

from newstui.cli.main import main
from tests.sync.test_account_switch import _forget_the_account, _titles
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_sync_states import (  # noqa: F401 (fixture)
    ONE,
    TWO,
    ids_answer,
    item,
    marks,
    refs,
    synced,
)

EDIT_TAG = "/api/greader.php/reader/api/0/edit-tag"


def _item_ids_sent(server: FakeGReader) -> list[str]:
    return [i for path, form in server.forms if path == EDIT_TAG for i in form.get("i", [])]


def _mark_item_1_read_then_forget_the_account(
    server: FakeGReader, db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _forget_the_account(db[1])
    ids = _titles(db, capsys)
    assert main([*db, "mark", "--read", str(ids["Item 1"])]) == 0
    server.api("/edit-tag", 200, b"OK")
    server.api("/subscription/list", 200, {"subscriptions": [ONE, TWO]})
    server.api("/stream/contents/feed/2", 200, {"items": []})
    ids_answer(server, [refs()], [refs()])
    capsys.readouterr()


@pytest.mark.parametrize("bobs_item_1", [False, True], ids=["lacks-the-id", "id-of-another"])
def test_another_account_whose_copies_expired_gets_none_of_the_marks_queued_here(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    bobs_item_1: bool,
) -> None:
    # bob follows One and Two; his copies of Items 1-3 expired. His server either lacks alice's
    # item 1, or gives that id to an article of his own. Before, the read mark queued for Item 1
    # was sent to him by that id (edit-tag i=…01): on his server, it marked his article read.
    _mark_item_1_read_then_forget_the_account(fake, synced, capsys)
    fake.items = {}
    fake.api("/stream/contents/feed/1", 200, {"items": []})
    if bobs_item_1:
        his = {**item(1, "feed/1"), "title": "Bob's own"}
        his["canonical"] = [{"href": "https://example.org/bobs-own"}]
        fake.items = {1: his}
        fake.api("/stream/contents/feed/1", 200, {"items": [his]})

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert _item_ids_sent(fake) == []
    assert (report["switch"], report["pushed"], report["unsent"]) == (None, 0, 1)
    assert marks(synced, capsys) == {"Item 1": "", "Item 2": "unread", "Item 3": "unread starred"}
    fake.forms.clear()
    assert main([*synced, "sync"]) == 0  # (the next sync, the account remembered, neither)
    assert _item_ids_sent(fake) == []


def test_the_sync_line_says_which_marks_were_not_sent_and_why(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    _mark_item_1_read_then_forget_the_account(fake, synced, capsys)
    fake.items = {}
    fake.api("/stream/contents/feed/1", 200, {"items": []})

    assert main([*synced, "sync"]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert (
        f"1 mark made here was not sent to {fake.server}: it no longer has that article (expired "
        "there, or another account's); the mark stays here"
    ) in out


def test_the_same_account_whose_newest_items_expired_still_gets_the_marks_of_items_it_has(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # alice's retention dropped Items 2 and 3 (the newest of each feed) but kept Item 1: its mark
    # goes to it, by the id it has there.
    _mark_item_1_read_then_forget_the_account(fake, synced, capsys)
    fake.items = {1: item(1, "feed/1")}
    fake.api("/stream/contents/feed/1", 200, {"items": [item(1, "feed/1")]})

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["switch"], report["pushed"], report["unsent"]) == (None, 1, 0)
    assert _item_ids_sent(fake) == ["tag:google.com,2005:reader/item/0000000000000001"]
