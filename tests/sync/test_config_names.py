"""A `[[feeds]]` entry with a server feed's URL names that source and tags it from the sync on,
not only from the next fetch (user test r30 L7)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_states import ONE, READING, ids_answer, item, refs


def sources(db: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    capsys.readouterr()
    assert main([*db, "feeds", "--json"]) == 0
    return {f["name"]: f["tags"] for f in json.loads(capsys.readouterr().out)}


def synced_with(
    server: FakeGReader, tmp_path: Path, subscriptions: list[object], feeds: str
) -> list[str]:
    """The CLI's --db and --config of a store synced once with `server`, which lists
    `subscriptions` (one item, of feed/1), its config ending with `feeds` (TOML)."""
    server.api("/subscription/list", 200, {"subscriptions": subscriptions})
    server.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/1")]})
    ids_answer(server, [refs(1)], [refs()])
    os.environ["PW_N"] = "pw"
    login = f'url = "{server.base}"\nuser = "alice"\npassword_env = "PW_N"\n'
    path = sync_config(tmp_path, login)
    with path.open("a", encoding="utf-8") as config:
        config.write(feeds)
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]
    assert main([*db, "sync"]) == 0
    return db


def test_a_config_entrys_name_and_tags_take_effect_at_the_sync(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    one = {**ONE, "categories": [{"id": "user/-/label/World", "label": "World"}]}
    db = synced_with(fake, tmp_path, [one], "")
    path = Path(db[-1])
    assert sources(db, capsys) == {"One": ["World"]}
    with path.open("a", encoding="utf-8") as config:
        config.write('\n[[feeds]]\nurl = "https://example.org/one"\nname = "My One"\n')
        config.write('tags = ["mine"]\n')
    assert main([*db, "sync"]) == 0
    assert sources(db, capsys) == {"My One": ["mine", "World"]}  # it stayed "One" until a fetch
    # An entry without a name keeps the name the source goes by.
    text = path.read_text("utf-8").replace('name = "My One"\n', "")
    path.write_text(text, "utf-8")
    assert main([*db, "sync"]) == 0
    assert list(sources(db, capsys)) == ["My One"]


def test_a_config_entry_the_server_drops_loses_the_servers_folder_at_the_sync(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The folder was the server's: once it no longer lists the feed (fetched here again), the
    source has the tags feeds.toml gives it, not a folder that exists nowhere (user test r39
    L5)."""
    one = {**ONE, "categories": [{"id": "user/-/label/Wires", "label": "Wires"}]}
    two = {"id": "feed/2", "title": "Two", "url": "https://example.org/two", "categories": []}
    entry = '\n[[feeds]]\nurl = "https://example.org/one"\nname = "Bulk"\ntags = ["bulk"]\n'
    db = synced_with(fake, tmp_path, [one, two], entry)
    assert sources(db, capsys)["Bulk"] == ["bulk", "Wires"]
    fake.api("/subscription/list", 200, {"subscriptions": [two]})  # (unsubscribed there)
    assert main([*db, "sync"]) == 0
    assert sources(db, capsys)["Bulk"] == ["bulk"]


def test_feeds_json_tells_the_servers_subscriptions_from_the_sources_fetched_here(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A script can tell which sources `remove` unsubscribes on the server and which this
    machine fetches (user test r39 L10)."""
    entry = '\n[[feeds]]\nurl = "https://example.org/mine"\nname = "Mine"\n'
    db = synced_with(fake, tmp_path, [ONE], entry)
    capsys.readouterr()
    assert main([*db, "feeds", "--json"]) == 0
    assert {f["name"]: f["synced"] for f in json.loads(capsys.readouterr().out)} == {
        "One": True,
        "Mine": False,
    }
