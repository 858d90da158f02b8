"""A store that does not remember its account, synced with another account that follows the same
feeds: the server's newest items being all newer than the stored ones does not make it the same
account whose items expired (review r31 H1: every stored article came in a second time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.test_account_switch import _forget_the_account, _rename_user
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_sync_states import (  # noqa: F401
    ONE,
    READING,
    TWO,
    ids_answer,
    item,
    refs,
    synced,
)


def _titles(synced: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:  # noqa: F811
    assert main([*synced, "list", "--all", "--json"]) == 0
    return sorted(r["title"] for r in json.loads(capsys.readouterr().out))


def _sync(synced: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:  # noqa: F811
    capsys.readouterr()
    assert main([*synced, "sync", "--json"]) == 0
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def _bob_follows_one(fake: FakeGReader, synced: list[str]) -> None:  # noqa: F811
    """bob, not alice, follows One (as feed/1), with copies 201/202 of Items 1/2."""
    _forget_the_account(synced[1])
    _rename_user(Path(synced[3]), "alice", "bob")
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "id": "feed/1"}]})


def _bobs_copies() -> list[dict[str, object]]:
    copies = [{**item(n, "feed/1"), "title": f"Item {n - 200}"} for n in (201, 202)]
    for n, copy in zip((1, 2), copies, strict=True):
        copy["canonical"] = [{"href": f"https://example.org/{n}"}]
    return copies


def test_another_user_of_the_same_feed_is_not_taken_for_expired_when_the_store_is_behind(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    _bob_follows_one(fake, synced)
    bobs = _bobs_copies()
    newer = item(250, "feed/1")  # bob's newest of One: not stored here (the store is behind)
    fake.api(f"/stream/contents/{READING}", 200, {"items": [*bobs, newer]})
    fake.api("/stream/contents/feed/1", 200, {"items": [newer]})  # (its newest)
    fake.oldest_first("/stream/contents/feed/1", [*bobs, newer])
    fake.items = {201: bobs[0], 202: bobs[1], 250: newer}
    ids_answer(fake, [refs(201, 202, 250)], [refs()])

    report = _sync(synced, capsys)

    titles = _titles(synced, capsys)
    assert titles.count("Item 1") == 1, (report["switch"], report["expired"], titles)
    assert (report["switch"], report["expired"]) == ("unknown", 0)
    assert any("r=o" in q for q in fake.queries if "/stream/contents/feed/1" in q)


def test_another_user_s_copies_with_edited_headlines_are_still_another_account_s(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # bob's server crawled Items 1 and 2 after their headlines were edited: with the titles
    # required to agree, his copies were not this store's articles, the sync was judged the same
    # account whose items expired, and marks queued here went out by bob's item ids (review r33
    # F10). A link one stored article and one of his items have is that article.
    _bob_follows_one(fake, synced)
    bobs = _bobs_copies()
    for copy in bobs:
        copy["title"] = f"{copy['title']}: updated"
    newer = item(250, "feed/1")
    fake.api(f"/stream/contents/{READING}", 200, {"items": [*bobs, newer]})
    fake.api("/stream/contents/feed/1", 200, {"items": [newer]})
    fake.oldest_first("/stream/contents/feed/1", [*bobs, newer])
    fake.items = {201: bobs[0], 202: bobs[1], 250: newer}
    ids_answer(fake, [refs(201, 202, 250)], [refs()])

    report = _sync(synced, capsys)

    assert (report["switch"], report["expired"]) == ("unknown", 0)


def test_a_server_that_does_not_give_its_oldest_items_is_taken_for_another_account(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A server that ignores `r=o` answers with its newest, newest first: a full page of items
    # newer than the stored ones tells nothing, so it is a switch (as before 513ee43), which keeps
    # what is here, not 'expired', which would store bob's copies a second time.
    _bob_follows_one(fake, synced)
    bobs = _bobs_copies()
    newest = [item(n, "feed/1") for n in range(260, 240, -1)]  # 20, newest first
    fake.api(f"/stream/contents/{READING}", 200, {"items": bobs})
    fake.api("/stream/contents/feed/1", 200, {"items": newest})
    fake.items = {201: bobs[0], 202: bobs[1]}
    ids_answer(fake, [refs(201, 202)], [refs()])

    report = _sync(synced, capsys)

    titles = _titles(synced, capsys)
    assert (report["switch"], report["expired"]) == ("unknown", 0), titles
    assert titles.count("Item 1") == 1, titles


def test_the_same_account_with_many_newer_items_given_oldest_first_is_still_expired(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # alice's server dropped the items stored here and has 25 newer ones of One: its oldest 20,
    # oldest first, are none of the stored articles: expired there, nothing forgotten.
    _forget_the_account(synced[1])
    fake.api("/subscription/list", 200, {"subscriptions": [ONE, TWO]})
    fake.api("/stream/contents/feed/2", 200, {"items": []})
    newer = [item(n, "feed/1") for n in range(300, 325)]
    fake.api("/stream/contents/feed/1", 200, {"items": newer[::-1][:20]})
    fake.oldest_first("/stream/contents/feed/1", newer[:20])
    fake.items = {}
    ids_answer(fake, [refs()], [refs()])
    before = _titles(synced, capsys)

    report = _sync(synced, capsys)

    assert (report["switch"], report["expired"], report["feeds_removed"]) == (None, 2, [])
    assert set(before) <= set(_titles(synced, capsys))


def test_a_short_page_of_newest_items_with_more_to_come_is_not_taken_for_the_oldest(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A server that ignores `r=o` and gives fewer items a page than asked (10, newest first)
    # with a continuation: the page is not the whole stream, so it tells nothing.
    _bob_follows_one(fake, synced)
    bobs = _bobs_copies()
    newest = [item(n, "feed/1") for n in range(260, 250, -1)]
    fake.api(f"/stream/contents/{READING}", 200, {"items": bobs})
    fake.api("/stream/contents/feed/1", 200, {"items": newest, "continuation": "page2"})
    fake.items = {201: bobs[0], 202: bobs[1]}
    ids_answer(fake, [refs(201, 202)], [refs()])

    report = _sync(synced, capsys)

    titles = _titles(synced, capsys)
    assert (report["switch"], report["expired"]) == ("unknown", 0), titles
    assert titles.count("Item 1") == 1, titles


def test_the_same_account_whose_newer_items_share_a_stored_link_is_still_expired(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A podcast's episodes all link to its show page: alice's newer episodes under the link of
    # Item 1 are not Item 1 stored under other ids (by link alone they were: another account,
    # every item id forgotten and the queued marks dropped).
    _forget_the_account(synced[1])
    fake.api("/subscription/list", 200, {"subscriptions": [ONE, TWO]})
    fake.api("/stream/contents/feed/2", 200, {"items": []})
    newer = [item(n, "feed/1") for n in range(300, 305)]
    for episode in newer:
        episode["canonical"] = [{"href": "https://example.org/1"}]
    fake.api("/stream/contents/feed/1", 200, {"items": newer[::-1]})
    fake.oldest_first("/stream/contents/feed/1", newer)
    fake.items = {}
    ids_answer(fake, [refs()], [refs()])

    report = _sync(synced, capsys)

    assert (report["switch"], report["expired"], report["feeds_removed"]) == (None, 2, [])
