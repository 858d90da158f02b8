"""A feed removed with `newstui remove` (unsubscribed on the server, its starred article kept)
is said removed once: the next sync does not report that removal again (user test r33 L19)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newstui.cli import main
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_feed_copy_kept import fetched, sync  # noqa: F401 (fixture)
from tests.sync.test_sync_states import ONE, READING, TWO


def test_a_removed_subscription_is_not_reported_removed_again_by_the_next_sync(
    fetched: Callable[..., tuple[Path, Path]],  # noqa: F811
    fake: FakeGReader,  # noqa: F811
    feed_server,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, config = fetched("starred")
    url = feed_server.url("/pod.xml")
    fake.api("/subscription/list", 200, {"subscriptions": [ONE, {**TWO, "url": url}]})
    sync(db, config, capsys)
    fake.api("/subscription/edit", 200, b"OK")

    assert main(["--db", str(db), "--config", str(config), "remove", "Pod", "--json"]) == 0
    removal = json.loads(capsys.readouterr().out)
    assert (removal["source"], removal["removed"], removal["kept_starred"]) == ("Pod", True, 1)
    assert removal["unsubscribed"]
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]})  # the server did unsubscribe
    fake.api(f"/stream/contents/{READING}", 200, {"items": []})

    report = sync(db, config, capsys)

    assert report["feeds_removed"] == []
    assert "Pod" not in json.dumps(report)
