"""A feed removed with `newstui remove` (unsubscribed on the server, its starred article kept)
is said removed once: the next sync does not report that removal again (user test r33 L19)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.tag_removal import TagRemoved
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_config_names import synced_with
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


def test_a_tags_sources_the_server_unsubscribed_go_here_those_it_refused_stay_and_are_named(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`remove --tag` when the server refuses partway: the one it unsubscribed and the entry it
    does not hold go here too, those it still lists stay as they are, named with its answer
    (opmlfix: nothing changed here, the first unsubscribed there); again later removes them."""
    sport = [{"id": "user/-/label/Sport", "label": "Sport"}]
    subscriptions = [{**s, "categories": sport} for s in (ONE, TWO)]
    subscriptions.append({**TWO, "id": "feed/3", "title": "Zed", "url": "https://z.example/"})
    entry = '\n[[feeds]]\nurl = "https://example.org/mine"\nname = "Mine"\ntags = ["Sport"]\n'
    db = synced_with(fake, tmp_path, subscriptions, entry)
    path = Path(db[-1])
    edit = "/api/greader.php/reader/api/0/subscription/edit"
    fake.pages[edit] = [b"OK", (500, b"busy")]  # One unsubscribed, then Two refused
    capsys.readouterr()
    assert (
        main([*db, "remove", "--tag", "sport"]) == 1
    )  # (it says before a yes that it unsubscribes)
    assert (
        f"(Remove the 3 sources tagged Sport from feeds.toml, unsubscribe 2 of them on {fake.server}"
        " and delete their 1 article?)"
    ) in " ".join(capsys.readouterr().err.split())

    assert main([*db, "remove", "--tag", "sport", "--yes", "--json"]) == 1
    removal = json.loads(capsys.readouterr().out)
    assert (removal["removed"], removal["not_removed"]) == (["One", "Mine"], ["Two"])
    assert removal["unsubscribed"] == fake.server and "HTTP 500" in removal["refused"]
    assert [form["s"] for hit, form in fake.forms if hit == edit] == [["feed/1"], ["feed/2"]]
    assert main([*db, "feeds", "--json"]) == 0
    assert [f["name"] for f in json.loads(capsys.readouterr().out)] == ["Two", "Zed"]
    assert "Mine" not in path.read_text("utf-8")

    fake.set(edit, 200, b"OK")
    assert main([*db, "remove", "--tag", "Sport", "--yes"]) == 0
    assert "Removed the source tagged Sport" in capsys.readouterr().out
    refused_all = TagRemoved("Sport", 0, 0, 0, None, ("A", "B", "C", "D"), "h: HTTP 500")
    assert refused_all.summary("feeds.toml") == (
        "None of the 4 sources tagged Sport removed: the server still lists A, B, C and 1 more "
        "(h: HTTP 500)"
    )
