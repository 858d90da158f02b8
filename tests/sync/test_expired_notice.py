"""The line of a sync that took the server for the same account whose items expired says what
that verdict guarantees, and no more (review r31 L1)."""

from __future__ import annotations

import pytest

from newstui.cli.main import main
from tests.sync.test_account_switch import _forget_the_account
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_sync_states import TWO, ids_answer, refs, synced  # noqa: F401


def test_the_expired_line_does_not_say_nothing_was_removed_when_a_source_was(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The same account unsubscribed One: the sync removes it with its unstarred articles, and
    # its line said "… taken as expired there (the same account), nothing here was forgotten or
    # removed" beside "removed One …", and "of any of 1 source".
    _forget_the_account(synced[1])
    fake.api("/subscription/list", 200, {"subscriptions": [TWO]})  # One unsubscribed there
    fake.api("/stream/contents/feed/2", 200, {"items": []})
    fake.items = {}
    ids_answer(fake, [refs()], [refs()])
    capsys.readouterr()

    assert main([*synced, "sync"]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert "removed One" in out, out
    assert "nothing here was forgotten or removed" not in out, out
    assert (
        "no longer has the newest article stored here of 1 source but follows the same feeds: "
        "taken as expired there (the same account), no item id was forgotten"
    ) in out, out
