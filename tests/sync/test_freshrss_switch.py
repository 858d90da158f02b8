"""A store synced before its account was remembered, synced with a real FreshRSS: the same account
whose items expired there is not taken for another one, another account is, and what the user
starred or fetched from a feed of their own survives every path."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.conftest import Device, FreshRSS, rss


def on_server(freshrss: FreshRSS, user: str, sql: str, *args: str) -> None:
    """Change a FreshRSS user's own database (as its retention or a moved feed would)."""
    subprocess.run(
        [
            "php",
            "-r",
            '$db = new PDO("sqlite:data/users/" . $argv[1] . "/db.sqlite");'
            " $db->prepare($argv[2])->execute(array_slice($argv, 3));",
            "--",
            user,
            sql,
            *args,
        ],
        cwd=freshrss.folder,
        check=True,
        capture_output=True,
    )


def new_user(freshrss: FreshRSS) -> tuple[str, Device]:
    """A FreshRSS user of its own (nothing subscribed) and a device logged in as it."""
    name = "u" + uuid.uuid4().hex[:10]
    subprocess.run(
        [
            *("php", "cli/create-user.php", "--user", name),
            *("--password", f"{name}-password", "--api-password", f"{name}-api-password"),
        ],
        cwd=freshrss.folder,
        check=True,
        capture_output=True,
    )
    for table in ("entry", "feed"):  # (it starts subscribed to FreshRSS's releases)
        on_server(freshrss, name, f"DELETE FROM {table}")
    return name, Device(freshrss.greader, name, f"{name}-api-password")


def a_feed(freshrss: FreshRSS, count: int = 3) -> tuple[str, str, list[str]]:
    """A feed on the local server: (url, title, links)."""
    key = uuid.uuid4().hex[:8]
    base = f"https://example.org/{key}"
    items = [(f"story-{i}", f"Story {key} number {i}") for i in range(count)]
    freshrss.feeds.route(
        f"/{key}.xml", body=rss(f"Wire {key}", items, base), headers={"Content-Type": "text/xml"}
    )
    return freshrss.feeds.url(f"/{key}.xml"), f"Wire {key}", [f"{base}/{s}" for s, _ in items]


@dataclass
class Store:
    """This device's store and config, synced with `user`, with a feed of its own."""

    db: Path
    config: Path
    greader: str
    local_url: str  # its own feed
    local: list[str]  # the links of its own feed's articles

    def use(self, user: str) -> None:
        self.config.write_text(
            f'[settings]\ntimeout = 30\nfulltext = false\n\n[sync]\nservice = "greader"\n'
            f'url = "{self.greader}"\nuser = "{user}"\npassword = "{user}-api-password"\n\n'
            f'[[feeds]]\nname = "Mine"\nurl = "{self.local_url}"\n',
            "utf-8",
        )
        self.config.chmod(0o600)

    def run(self, *args: str) -> int:
        return main(["--db", str(self.db), "--config", str(self.config), *args])

    def report(self, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
        capsys.readouterr()
        assert self.run("sync", "--json") == 0
        return json.loads(capsys.readouterr().out)

    def articles(self) -> dict[str, tuple[str, bool]]:
        """Every stored article by link: (its source, starred)."""
        con = sqlite3.connect(self.db)
        rows = con.execute(
            "SELECT a.url, f.name, a.starred FROM articles a JOIN feeds f ON f.id = a.feed_id"
        ).fetchall()
        con.close()
        return {r[0]: (r[1], bool(r[2])) for r in rows}

    def forget_the_account(self) -> None:
        """As a version that did not remember the account (9df6f55 or before) left the store."""
        con = sqlite3.connect(self.db)
        con.execute("DELETE FROM sync_state WHERE key = 'account'")
        con.commit()
        con.close()


def synced_as(
    tmp_path: Path, freshrss: FreshRSS, user: str, capsys: pytest.CaptureFixture[str]
) -> Store:
    """A store synced with `user`, its feed of its own fetched and one of its articles starred,
    left as a version that did not remember the account."""
    local_url, _title, local = a_feed(freshrss)
    store = Store(tmp_path / "n.db", tmp_path / "feeds.toml", freshrss.greader, local_url, local)
    store.use(user)
    assert store.run("fetch") == 0
    assert set(local) <= set(store.articles())
    ids = {r["url"]: r["id"] for r in _listed(store, capsys)}
    assert store.run("mark", "--star", str(ids[local[0]])) == 0
    store.forget_the_account()
    return store


def _listed(store: Store, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert store.run("list", "--all", "--json") == 0
    return json.loads(capsys.readouterr().out)


def nothing_lost(store: Store, before: dict[str, tuple[str, bool]]) -> None:
    """Its own feed's articles all stayed, its starred ones stayed starred."""
    after = store.articles()
    assert all(link in after for link in store.local)
    assert [link for link, (_, starred) in before.items() if starred and link not in after] == []
    assert after[store.local[0]] == ("Mine", True)


def test_the_same_account_whose_items_expired_and_feed_moved_is_no_switch(
    tmp_path: Path, freshrss: FreshRSS, capsys: pytest.CaptureFixture[str]
) -> None:
    # review r30b LOW 1, on FreshRSS: alice's first feed moved and her server dropped every
    # item stored here. It was taken for another account ("unknown"): the moved feed was
    # removed with its unstarred articles and added again under its new URL.
    user, device = new_user(freshrss)
    moving_url, moving, moving_links = a_feed(freshrss)
    stream = device.subscribe(moving_url)
    device.subscribe(a_feed(freshrss)[0])
    store = synced_as(tmp_path, freshrss, user, capsys)
    starred = {r["url"]: r["id"] for r in _listed(store, capsys)}[moving_links[1]]
    assert store.run("mark", "--star", str(starred)) == 0
    assert store.run("sync") == 0  # (the star is alice's on the server too)
    store.forget_the_account()
    before = store.articles()
    on_server(
        freshrss, user, "UPDATE feed SET url = ? WHERE id = ?", moving_url + "?moved", stream[5:]
    )
    on_server(freshrss, user, "DELETE FROM entry")

    report = store.report(capsys)

    assert (report["switch"], report["feeds_removed"], report["feeds_added"]) == (None, [], [])
    assert (report["expired"], report["new"]) == (2, 0)
    assert store.articles() == before  # every article kept, each in its source, stars kept
    assert before[moving_links[0]][0] == moving
    nothing_lost(store, before)
    capsys.readouterr()
    assert store.run("sync") == 0
    assert "no longer has" not in capsys.readouterr().out  # (remembered from now on)


def test_another_account_following_none_of_the_same_feeds_is_a_switch_with_no_item_here(
    tmp_path: Path, freshrss: FreshRSS, capsys: pytest.CaptureFixture[str]
) -> None:
    # The store holds none of the server's ids (its one subscription gave no item), and bob
    # follows another feed under the same subscription id: it was taken for the same account,
    # the stored source became bob's feed under alice's (the sync's id named it).
    alice, alices = new_user(freshrss)
    empty_url = freshrss.feeds.url(f"/{uuid.uuid4().hex[:8]}.xml")
    freshrss.feeds.route(
        empty_url.removeprefix(freshrss.feeds.base),
        body=rss("Quiet", []),
        headers={"Content-Type": "text/xml"},
    )
    quiet = alices.subscribe(empty_url)
    store = synced_as(tmp_path, freshrss, alice, capsys)
    before = store.articles()
    bob, bobs = new_user(freshrss)
    other_url, other, other_links = a_feed(freshrss)
    assert bobs.subscribe(other_url) == quiet  # (FreshRSS numbers each user's feeds alike)
    store.use(bob)

    report = store.report(capsys)

    assert report["switch"] == "unknown"
    assert (report["feeds_added"], report["feeds_removed"]) == ([other], ["Quiet"])
    feeds = {r["feed"] for r in _listed(store, capsys)}
    assert other in feeds
    assert {link for link, (name, _) in store.articles().items() if name == other} == set(
        other_links
    )
    nothing_lost(store, before)


@pytest.mark.parametrize("path", ["same", "expired", "another user of the same feeds"])
def test_starred_and_own_feed_articles_survive_every_path(
    tmp_path: Path, freshrss: FreshRSS, capsys: pytest.CaptureFixture[str], path: str
) -> None:
    alice, alices = new_user(freshrss)
    url, _title, links = a_feed(freshrss)
    alices.subscribe(url)
    store = synced_as(tmp_path, freshrss, alice, capsys)
    synced = {r["url"]: r["id"] for r in _listed(store, capsys)}
    assert store.run("mark", "--star", str(synced[links[0]])) == 0
    assert store.run("sync") == 0
    store.forget_the_account()
    before = store.articles()
    expected = {"same": None, "expired": None, "another user of the same feeds": "unknown"}
    if path == "expired":
        on_server(freshrss, alice, "DELETE FROM entry")
    elif path != "same":
        bob, bobs = new_user(freshrss)
        bobs.subscribe(url)
        store.use(bob)

    report = store.report(capsys)

    assert report["switch"] == expected[path]
    assert report["expired"] == (1 if path == "expired" else 0)
    nothing_lost(store, before)
    after = store.articles()
    assert sorted(after) == sorted(before)  # (each once: bob's items are the same articles)
    if path != "another user of the same feeds":  # (bob's items give bob's marks)
        assert after[links[0]][1]
