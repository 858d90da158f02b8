"""Pilot tests: the app's refresh syncs with a real FreshRSS, the status line shows the sync state,
and a server that is gone never blocks reading."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from textual.worker import WorkerFailed

from newstui.config import load_config
from newstui.library import Library
from newstui.tui.app import NewstuiApp
from tests.ports import refused_port
from tests.sync.conftest import Device, FreshRSS
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_freshrss import PASSWORD_ENV, new_feed, write_config
from tests.sync.test_sync_states import ONE, READING, ids_answer, item, refs
from tests.tui.notifications import notifications, run_recorded


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "alice-api-password")


async def settle(pilot) -> None:
    """Wait until workers and the messages they post are done. The `a` box's worker ends in an
    error when the address fails (by design: the app shows it in one line, which the tests
    read); waiting on it raised that error only when the worker was still listed as the wait
    began, so the refusal test failed or passed by timing."""
    for _ in range(3):
        await pilot.pause()
        for worker in list(pilot.app.workers):
            try:
                await worker.wait()
            except WorkerFailed:
                if worker.group != "add-feed":
                    raise
    await pilot.pause()


async def watch(pilot) -> None:
    """Wait for the app's next look at the database (it shows the sync state then)."""
    await pilot.pause(NewstuiApp.WATCH_SECONDS + 0.5)
    await settle(pilot)


def status_line(app: NewstuiApp) -> str:
    return str(app.main.sync_status.render()) if app.main.sync_status.display else ""


async def test_refresh_syncs_and_the_status_line_shows_the_queue(
    tmp_path: Path, freshrss: FreshRSS, device: Device
) -> None:
    url, title, links = new_feed(freshrss)
    stream = device.subscribe(url)
    config = load_config(write_config(tmp_path / "feeds.toml", freshrss.greader))
    db_path = tmp_path / "newstui.db"
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await watch(pilot)
        assert "synced" in status_line(app)  # the app syncs as it starts (r51 MED-3)
        await pilot.press("R")
        await settle(pilot)
        with Library.open(db_path) as library:
            status = library.sync.status()
            stored = {r.url: r for r in library.articles(limit=None) if r.feed == title}
        assert status.last_sync and not status.last_error
        assert set(stored) == set(links)
        # A mark made in the app is queued, shown, then pushed by the next refresh.
        with Library.open(db_path) as library:
            library.mark([stored[links[0]].id], starred=True)
        await watch(pilot)
        assert "1 queued" in status_line(app)
        await pilot.press("R")
        await settle(pilot)
        await watch(pilot)
        assert "queued" not in status_line(app) and "synced" in status_line(app)
    assert device.has(device.items(stream)[links[0]], "starred")


async def test_a_server_that_is_gone_is_one_line_and_reading_goes_on(
    tmp_path: Path, freshrss: FreshRSS, device: Device
) -> None:
    url, _, _ = new_feed(freshrss)
    device.subscribe(url)
    db_path = tmp_path / "newstui.db"
    good = load_config(write_config(tmp_path / "good.toml", freshrss.greader))
    app = NewstuiApp(db_path, good)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await pilot.press("R")
        await settle(pilot)
    gone = f"http://127.0.0.1:{refused_port()}/api/greader.php"
    app = NewstuiApp(db_path, load_config(write_config(tmp_path / "gone.toml", gone)))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await watch(pilot)
        assert "offline" in status_line(app)  # (the footer keeps its keys: user test r42 L1)
        errors = [n for n in notifications(app) if n.severity in ("error", "warning")]
        assert errors and all("\n" not in n.message for n in errors)
        assert any("unreachable" in n.message for n in errors)  # the error whole, once
        # Reading still works: open an article, mark it, and it is queued for later.
        await pilot.press("g", "enter")
        await settle(pilot)
        assert app.main.headlines.selected is not None
        await watch(pilot)
        assert "queued" in status_line(app)


async def test_r_on_a_server_subscription_syncs(
    tmp_path: Path, freshrss: FreshRSS, device: Device
) -> None:
    url, title, links = new_feed(freshrss)
    device.subscribe(url)
    config = load_config(write_config(tmp_path / "feeds.toml", freshrss.greader))
    db_path = tmp_path / "newstui.db"
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await pilot.press("R")
        await settle(pilot)
        source = next(f for f in app.main.sources.feeds if f.name == title)
        app.main.sources.select_view(f"feed:{source.id}")
        app.main.sources.focus()
        await pilot.press("enter")
        await settle(pilot)
        with Library.open(db_path) as library:
            before = library.sync.status().last_sync
        await pilot.pause(1.1)  # the sync time is kept to the second
        await pilot.press("r")
        await settle(pilot)
        assert not [n for n in notifications(app) if "not in the config" in n.message]
        with Library.open(db_path) as library:
            assert library.sync.status().last_sync != before
        assert app.main.headlines.total == len(links)


async def add_in_app(pilot, address: str) -> None:
    await pilot.press("a")
    await settle(pilot)
    await pilot.press(*address, "enter")
    await settle(pilot)


async def test_a_with_sync_subscribes_on_the_server_as_the_cli_add_does(
    tmp_path: Path, freshrss: FreshRSS, device: Device
) -> None:
    url, title, links = new_feed(freshrss)
    config_path = write_config(tmp_path / "feeds.toml", freshrss.greader)
    written = config_path.read_text("utf-8")
    db_path = tmp_path / "newstui.db"
    app = NewstuiApp(db_path, load_config(config_path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await add_in_app(pilot, url)
        assert device.subscribed(url)
        assert config_path.read_text("utf-8") == written  # the server fetches it, not feeds.toml
        messages = [n.message for n in notifications(app)]
        assert f"Subscribed to {title} on {freshrss.greader.split('/')[2]}." in messages
        assert not [n for n in notifications(app) if n.severity == "error"]
        assert app.main.headlines.total == len(links)


async def test_a_with_sync_shows_the_servers_refusal_in_one_line_and_adds_nothing(
    tmp_path: Path, freshrss: FreshRSS, device: Device
) -> None:
    url = freshrss.feeds.url(f"/{uuid.uuid4().hex[:8]}-gone.xml")  # the feed server says 404
    config_path = write_config(tmp_path / "feeds.toml", freshrss.greader)
    written = config_path.read_text("utf-8")
    app = NewstuiApp(tmp_path / "newstui.db", load_config(config_path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await add_in_app(pilot, url)
        errors = [n.message for n in notifications(app) if n.severity == "error"]
        assert errors == [
            f"{url}: HTTP 404 Not Found (not subscribed on {freshrss.greader.split('/')[2]})"
        ]
    assert not device.subscribed(url)
    assert config_path.read_text("utf-8") == written


async def test_the_refresh_line_says_when_the_servers_unread_list_did_not_come_to_its_end(
    tmp_path: Path,
    fake: FakeGReader,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The app's line is made of the sync's warning, which left this notice out.
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/1")]})
    ids_answer(fake, [refs(1, continuation="c1"), refs(continuation="c1")], [refs()])
    monkeypatch.setenv("PW_APP", "pw")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_APP"\n')
    app = NewstuiApp(tmp_path / "newstui.db", load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.pause(1)
        await settle(pilot)
        said = " ".join(" ".join(n.message.split()) for n in notifications(app))
    assert f"{fake.server}'s unread list did not come to its end" in said, said


async def test_a_with_sync_files_the_feed_in_the_folder_typed_as_add_tag_does(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """User test r50 LOW-18: with [sync], a feed added by `a` was in no folder on the server. The
    folder typed is its label there ("News/Europe", the label's "/" kept) and, as `add --tag`
    asked it, the nested folder here."""
    url = "https://example.org/app-folder.xml"
    fake.api("/subscription/edit", 200, b"OK")
    label = {"id": "user/-/label/News/Europe", "label": "News/Europe"}
    subscription = {"id": "feed/9", "title": "App Folder", "url": url, "categories": [label]}
    fake.api("/subscription/list", 200, {"subscriptions": []})  # (at the start's sync)
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/9")]})
    ids_answer(fake, [refs(1)], [refs()])
    monkeypatch.setenv("PW_APP", "pw")
    config = sync_config(
        tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_APP"\n'
    )
    app = NewstuiApp(tmp_path / "newstui.db", load_config(config))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        fake.api("/subscription/list", 200, {"subscriptions": [subscription]})  # once added
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*url, "tab", *"News/Europe", "enter")
        await settle(pilot)
        [edit] = [form for path, form in fake.forms if path.endswith("/subscription/edit")]
        assert edit["a"] == ["user/-/label/News/Europe"]
        messages = [n.message for n in notifications(app)]
        assert f"Subscribed to App Folder on {fake.server} in #News/Europe." in messages
        [source] = [f for f in app.main.sources.feeds if f.name == "App Folder"]
        assert source.tags == ("News/Europe",)  # Europe inside News, not a folder "News∕Europe"


async def test_the_app_syncs_as_it_starts_and_r_meanwhile_follows_the_sync(
    tmp_path: Path, freshrss: FreshRSS, device: Device
) -> None:
    # User test r51 MED-3: what was read on the phone stayed unread here until R or the timer.
    url, title, links = new_feed(freshrss)
    stream = device.subscribe(url)
    config = load_config(write_config(tmp_path / "feeds.toml", freshrss.greader))
    db_path = tmp_path / "newstui.db"
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
    device.mark(device.items(stream)[links[0]], add="read")  # read on the phone
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)  # no key pressed
        with Library.open(db_path) as library:
            read = {r.url: r.read for r in library.articles(limit=None) if r.feed == title}
        assert read[links[0]] and not read[links[1]]
        assert not [n for n in notifications(app) if n.severity == "error"]


async def test_r_pressed_while_the_start_sync_runs_follows_it(
    tmp_path: Path,
    fake: FakeGReader,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the server takes its time over the subscriptions: R comes while the start's sync runs
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]}, delay=1.5)
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/1")]})
    ids_answer(fake, [refs(1)], [refs()])
    monkeypatch.setenv("PW_START", "pw")
    path = sync_config(
        tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_START"\n'
    )
    app = NewstuiApp(tmp_path / "newstui.db", load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        for _ in range(500):  # (the sync starts after the first frame)
            if app.main.refreshing:
                break
            await pilot.pause(0.01)
        assert app.main.refreshing
        await pilot.press("R")
        await settle(pilot)
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert "A refresh is already running." not in messages
        assert "Syncing with the server first: the refresh follows." in messages
        assert not app.main.refreshing
    # the start's sync and R's, one after the other
    assert fake.hits.count("/api/greader.php/reader/api/0/subscription/list") == 2


async def test_a_refused_by_the_server_offers_to_fetch_the_feed_here(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """User test r51 LOW-8: a feed the server refused named `newstui add URL --here`, a command
    to leave the app for; `a` now asks, and `y` adds it here as that command does."""
    from newstui.tui.screens.confirm import ConfirmScreen
    from tests.sync.conftest import rss

    feed_server.route("/notes.xml", body=rss("Notes", [("n1", "First note")]))
    url = feed_server.url("/notes.xml")
    why = "A feed could not be found; the status code is `200`"
    fake.api("/subscription/list", 200, {"subscriptions": []})
    fake.api("/subscription/edit", 400, b"Bad Request!")
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": why})
    monkeypatch.setenv("PW_APP", "pw")
    config = sync_config(
        tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_APP"\n'
    )
    before = config.read_text("utf-8")
    app = NewstuiApp(tmp_path / "newstui.db", load_config(config))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        for answer in ("n", "y"):
            await pilot.press("a")
            await settle(pilot)
            await pilot.press("ctrl+u", *url, "tab", "ctrl+u", *"Notes", "enter")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            box = " ".join(" ".join(str(w.render()).split()) for w in app.screen.query("Static"))
            assert f"{fake.server}: refused to subscribe to {url}: {why}." in box, box
            assert "Fetch it here instead?" in box and "feeds.toml in #Notes" in box, box
            await pilot.press(answer)
            await settle(pilot)
            if answer == "n":
                assert config.read_text("utf-8") == before
        messages = [n.message for n in notifications(app)]
    assert "Added Notes to feeds.toml in #Notes: 1 article." in messages, messages
    entry = config.read_text("utf-8").removeprefix(before)
    assert f'url = "{url}"' in entry and 'tags = ["Notes"]' in entry
    assert not [m for m in messages if "--here" in m]  # no command to leave the app for


async def test_a_of_a_json_feed_freshrss_refuses_is_fetched_here_when_asked(
    tmp_path: Path, freshrss: FreshRSS
) -> None:
    import json

    from newstui.tui.screens.confirm import ConfirmScreen

    key = uuid.uuid4().hex[:8]
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"Notes {key}",
        "items": [{"id": "1", "url": "https://example.org/n1", "content_text": "A note."}],
    }
    freshrss.feeds.route(
        f"/{key}.json",
        body=json.dumps(document).encode(),
        headers={"Content-Type": "application/feed+json"},
    )
    url = freshrss.feeds.url(f"/{key}.json")
    config_path = write_config(tmp_path / "feeds.toml", freshrss.greader)
    app = NewstuiApp(tmp_path / "newstui.db", load_config(config_path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await add_in_app(pilot, url)
        assert isinstance(app.screen, ConfirmScreen)
        box = " ".join(" ".join(str(w.render()).split()) for w in app.screen.query("Static"))
        assert "refused to subscribe to" in box and "application/feed+json" in box, box
        await pilot.press("y")
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
    assert f"Added Notes {key} to feeds.toml: 1 article." in messages, messages
    assert f'url = "{url}"' in config_path.read_text("utf-8")


def adding_drawn(app: NewstuiApp) -> list[str]:
    """The "Adding …" notices drawn: on the main screen (behind a box when one is open) and on
    the box."""
    toasts = [*app.main.query("Toast"), *app.screen.query("Toast")]
    return [text for t in toasts if (text := str(t.render())).startswith("Adding")]


async def test_the_adding_notice_is_gone_from_behind_the_refusal_box(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """r52 syncmore: "Adding URL…" stayed drawn behind the "Not subscribed" box until it
    closed, when the worker took it down after the box had opened (held here until then)."""
    import threading

    from newstui.tui.screens import feed_adding
    from newstui.tui.screens.confirm import ConfirmScreen
    from tests.sync.conftest import rss
    from tests.tui.conftest import until

    feed_server.route("/notes.xml", body=rss("Notes", [("n1", "First note")]))
    url = feed_server.url("/notes.xml")
    fake.api("/subscription/list", 200, {"subscriptions": []})
    fake.api("/subscription/edit", 400, b"Bad Request!")
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": "No feed there"})
    monkeypatch.setenv("PW_APP", "pw")
    config = sync_config(
        tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_APP"\n'
    )
    box_seen = threading.Event()
    withdraw = feed_adding.withdraw_notice

    def withdrawn_once_the_box_is_seen(app, notice) -> None:
        if threading.current_thread() is not threading.main_thread():
            box_seen.wait(60)  # (the worker's own, as late as it can come)
        withdraw(app, notice)

    monkeypatch.setattr(feed_adding, "withdraw_notice", withdrawn_once_the_box_is_seen)
    app = NewstuiApp(tmp_path / "newstui.db", load_config(config))
    async with run_recorded(app, size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+u", *url, "enter")
        try:
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            await pilot.pause()
            assert adding_drawn(app) == []
        finally:
            box_seen.set()
        await settle(pilot)
        assert adding_drawn(app) == []
