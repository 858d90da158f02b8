"""`opml import` with [sync]: the feeds the server subscribes to already are not written to
feeds.toml (there they would stop following the server's unsubscribes, folder moves and renames),
and `--subscribe` subscribes the others there in their folders (user test r51 MED-1)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.tui.screens.choice import ChoiceScreen
from tests.sync.conftest import Device, FreshRSS
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_freshrss import Here, new_feed, password  # noqa: F401 (fixture)


def opml(path: Path, feeds: list[tuple[str, str, str]]) -> Path:
    """An OPML file of (folder, title, url) feeds, each folder an outline around its feeds."""
    body = "".join(
        f'<outline text="{folder}"><outline type="rss" text="{title}" xmlUrl="{url}"/></outline>'
        for folder, title, url in feeds
    )
    path.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>{body}'
        "</body></opml>",
        "utf-8",
    )
    return path


def written(config: Path) -> list[str]:
    """The feed URLs feeds.toml lists."""
    return [f["url"] for f in tomllib.loads(config.read_text("utf-8")).get("feeds", [])]


@pytest.fixture
def here(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> list[str]:
    """The CLI's first arguments for a config whose [sync] is the fake server."""
    monkeypatch.setenv("PW_OPML", "pw")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_OPML"\n')
    return ["--db", str(tmp_path / "n.db"), "--config", str(path)]


SERVERS = {
    "id": "feed/1",
    "title": "Storm Watch",
    "url": "https://example.org/storm.xml",
    "categories": [{"id": "user/-/label/News", "label": "News"}],
}


def test_feeds_on_the_server_are_left_to_it(
    fake: FakeGReader,  # noqa: F811
    here: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    file = opml(
        tmp_path / "subs.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Own Blog", "https://example.net/b.xml"),
        ],
    )
    capsys.readouterr()
    assert main([*here, "opml", "import", str(file)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    config = Path(here[3])
    assert written(config) == ["https://example.net/b.xml"]
    assert out.startswith(
        f"2 feeds in {file}: 1 already subscribed on {fake.server} (synced), 1 added to {config}"
    ), out
    assert f"not subscribed on {fake.server}: newstui fetches them itself" in out
    assert not [f for f in fake.forms if f[0].endswith("/subscription/edit")]  # nothing asked


def test_subscribe_subscribes_the_rest_in_their_folders_and_keeps_the_refused_here(
    fake: FakeGReader,  # noqa: F811
    here: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    edit = "/api/greader.php/reader/api/0/subscription/edit"
    fake.pages[edit] = [b"OK", (400, b"Bad Request!")]
    why = "A feed could not be found; content-type is `application/json`"
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": why})
    drones = "https://example.net/drones.json"
    file = opml(
        tmp_path / "subs.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Own Blog", "https://example.net/b.xml"),
            ("Tech/AI", "Drone Digest", drones),
        ],
    )
    config = Path(here[3])
    first = config.read_text("utf-8")
    capsys.readouterr()
    assert main([*here, "opml", "import", "--subscribe", str(file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["found"] == 3
    assert report["synced"] == ["Storm Watch"] and report["subscribed"] == ["Own Blog"]
    assert [r["name"] for r in report["refused"]] == ["Drone Digest"]
    assert why in report["refused"][0]["reason"]
    assert written(config) == [drones]  # the refused one only, fetched here
    asked = [form for path, form in fake.forms if path == edit]
    assert asked[0]["s"] == ["feed/https://example.net/b.xml"]
    assert asked[0]["a"] == ["user/-/label/Tech"] and asked[0]["t"] == ["Own Blog"]

    # the words, once more on a fresh config: one line for the refusal, the summary
    config.write_text(first, "utf-8")
    fake.pages[edit] = [b"OK", (400, b"Bad Request!")]
    capsys.readouterr()
    assert main([*here, "opml", "import", "--subscribe", str(file)]) == 0
    said = capsys.readouterr()
    err = [line for line in said.err.splitlines() if "refused" in line]
    assert err == [
        f"warning: {fake.server}: refused to subscribe to {drones}: {why}; added to feeds.toml "
        "instead: fetched here"
    ]
    out = " ".join(said.out.split())
    assert f"3 feeds in {file}: 1 already subscribed on {fake.server} (synced), 1 feed " in out
    assert "not subscribed on" not in out


def test_subscribe_after_a_plain_import_subscribes_what_it_wrote_here(
    fake: FakeGReader,  # noqa: F811
    here: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Closing r52: a plain import's summary says `--subscribe` subscribes them there, which then
    subscribed nothing (feeds.toml listed them by then): now it subscribes the list's feeds the
    server lacks, those feeds.toml lists too, and says so."""
    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    edit = "/api/greader.php/reader/api/0/subscription/edit"
    file = opml(
        tmp_path / "subs.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Own Blog", "https://example.net/b.xml"),
        ],
    )
    config = Path(here[3])
    capsys.readouterr()
    assert main([*here, "opml", "import", str(file)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "(`newstui opml import --subscribe FILE` subscribes them there)" in out
    assert written(config) == ["https://example.net/b.xml"]
    fake.pages[edit] = [b"OK"]
    assert main([*here, "opml", "import", "--subscribe", str(file)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        f"2 feeds in {file}: 1 already subscribed on {fake.server} (synced), 1 feed subscribed "
        f"on {fake.server} (1 of them listed in feeds.toml already), 0 added to {config}"
    ) in out, out
    asked = [form for path, form in fake.forms if path == edit]
    assert [form["s"] for form in asked] == [["feed/https://example.net/b.xml"]]
    assert asked[0]["a"] == ["user/-/label/Tech"]
    assert written(config) == ["https://example.net/b.xml"]  # its entry kept (name, tags)
    fake.pages[edit] = [b"OK"]
    fake.api(
        "/subscription/list",
        200,
        {
            "subscriptions": [
                SERVERS,
                {"id": "feed/2", "title": "Own Blog", "url": asked[0]["s"][0][5:]},
            ]
        },
    )
    assert main([*here, "opml", "import", "--subscribe", str(file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)  # the server has both now: nothing asked
    assert report["subscribed"] == [] and report["subscribed_listed"] == []
    assert len([f for f in fake.forms if f[0] == edit]) == 1


def test_subscribe_with_the_server_gone_writes_nothing(
    fake: FakeGReader,  # noqa: F811
    here: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.api("/subscription/list", 503, b"down")
    file = opml(tmp_path / "subs.opml", [("Tech", "Own Blog", "https://example.net/b.xml")])
    config = Path(here[3])
    before = config.read_text("utf-8")
    capsys.readouterr()
    assert main([*here, "opml", "import", "--subscribe", str(file)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fake.server in err, err
    assert config.read_text("utf-8") == before


def test_the_server_down_and_never_synced_writes_nothing_and_names_the_way_on(
    fake: FakeGReader,  # noqa: F811
    here: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review r51: with the server unreachable and no sync yet, the import wrote every feed to
    feeds.toml (those the server holds too, fetched here apart from it for good), in a warning."""
    fake.api("/subscription/list", 503, b"down")
    file = opml(
        tmp_path / "subs.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Own Blog", "https://example.net/b.xml"),
        ],
    )
    config = Path(here[3])
    before = config.read_text("utf-8")
    capsys.readouterr()
    assert main([*here, "opml", "import", str(file)]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    [line] = said.err.splitlines()
    assert line.startswith(f"newstui: {fake.server}: ") and "HTTP 503" in line, line
    assert (
        f": nothing imported, as {fake.server} was never synced here, so which of these feeds"
    ) in line
    assert line.endswith(
        f"import again once it answers, or `newstui opml import --here {file}` adds them all to "
        "feeds.toml, fetched here"
    ), line
    assert config.read_text("utf-8") == before
    assert main([*here, "opml", "import", str(file), "--json"]) == 1
    error = json.loads(capsys.readouterr().out)
    assert "nothing imported" in error["error"] and config.read_text("utf-8") == before

    # --here: the server not asked, every feed fetched here
    asked = len(fake.hits)
    assert main([*here, "opml", "import", "--here", str(file)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert written(config) == [SERVERS["url"], "https://example.net/b.xml"]
    assert f"not subscribed on {fake.server} (--here): newstui fetches them itself" in out
    assert len(fake.hits) == asked


def test_the_server_down_after_a_sync_imports_by_its_last_list(
    fake: FakeGReader,  # noqa: F811
    here: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    fake.api("/stream/items/ids", 200, {"itemRefs": []})
    fake.api("/stream/contents/user/-/state/com.google/reading-list", 200, {"items": []})
    assert main([*here, "sync"]) == 0
    fake.api("/subscription/list", 503, b"down")
    file = opml(
        tmp_path / "subs.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Own Blog", "https://example.net/b.xml"),
        ],
    )
    capsys.readouterr()
    assert main([*here, "opml", "import", str(file)]) == 0
    said = capsys.readouterr()
    assert written(Path(here[3])) == ["https://example.net/b.xml"]
    assert f"({fake.server} could not be asked: its subscriptions as of the last sync)" in (
        " ".join(said.out.split())
    )
    assert said.err.startswith(f"warning: {fake.server}: ")


def test_here_and_subscribe_together_are_refused(here: list[str], tmp_path: Path) -> None:
    file = opml(tmp_path / "subs.opml", [("Tech", "Own Blog", "https://example.net/b.xml")])
    with pytest.raises(SystemExit) as exited:
        main([*here, "opml", "import", "--here", "--subscribe", str(file)])
    assert exited.value.code != 0
    assert written(Path(here[3])) == []


def test_subscribe_without_sync_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nfulltext = false\n", "utf-8")
    file = opml(tmp_path / "subs.opml", [("Tech", "Own Blog", "https://example.net/b.xml")])
    args = ["--db", str(tmp_path / "n.db"), "--config", str(config)]
    assert main([*args, "opml", "import", "--subscribe", str(file)]) == 1
    assert "has no [sync] server to subscribe on" in capsys.readouterr().err
    assert written(config) == []


def test_with_freshrss_the_servers_feeds_stay_synced_and_subscribe_adds_the_rest(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    theirs, their_title, _ = new_feed(freshrss)
    device.subscribe(theirs, folder="News")
    mine, my_title, links = new_feed(freshrss)
    here = Here(tmp_path, freshrss)
    assert here.run("sync") == 0
    file = opml(tmp_path / "subs.opml", [("News", their_title, theirs), ("Later", my_title, mine)])
    capsys.readouterr()
    assert here.run("opml", "import", "--subscribe", str(file)) == 0
    out = " ".join(capsys.readouterr().out.split())
    server = freshrss.greader.split("/")[2]
    assert f"1 already subscribed on {server} (synced), 1 feed subscribed on {server}" in out
    assert written(here.config) == []
    assert device.subscribed(mine)
    assert here.run("sync") == 0
    sources = {s["name"]: s for s in here.json(capsys, "feeds")}
    assert "Later" in sources[my_title]["tags"]
    assert set(here.articles(my_title)) == set(links)
    # unsubscribed on the phone: gone here too (feeds.toml does not hold it)
    device.unsubscribe(device.stream_of(theirs))
    assert here.run("sync") == 0
    assert here.articles(their_title) == {}


async def test_the_apps_import_leaves_the_servers_feeds_to_it(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newstui.config import load_config
    from newstui.tui.app import NewstuiApp
    from tests.tui.conftest import settle, until
    from tests.tui.notifications import notifications, run_recorded

    monkeypatch.setenv("PW_OPML", "pw")
    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_OPML"\n')
    path.write_text(
        path.read_text("utf-8").replace("[settings]\n", "[settings]\nrefresh_minutes = 0\n")
    )
    file = opml(
        tmp_path / "feedly.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Drone Digest", "https://example.net/d.json"),
        ],
    )
    app = NewstuiApp(tmp_path / "n.db", load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        await pilot.press(*str(file), "enter")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        box = str(app.screen.query_one("#choice-question").render())
        assert (
            box
            == f"1 feed of feedly.opml not on {fake.server} (it has 1 already): import it where?"
        )
        await pilot.press("2")  # Add to feeds.toml: fetched here
        await until(pilot, lambda: any("feedly.opml" in n.message for n in notifications(app)))
        [said] = [n.message for n in notifications(app) if "feedly.opml" in n.message]
    assert said.startswith(
        f"2 feeds in feedly.opml: 1 already subscribed on {fake.server} (synced), 1 added to {path}"
    ), said
    assert f"not subscribed on {fake.server}: fetched here. Press R to fetch them." in said
    assert written(path) == ["https://example.net/d.json"]
    assert not [f for f in fake.forms if f[0].endswith("/subscription/edit")]  # nothing asked


async def test_the_apps_import_subscribes_on_the_server_when_asked_to(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closing r51: the app's `I` could not subscribe the new feeds on the server (its notice
    sent the user to `newstui opml import --subscribe`): it asks, and says each refusal as the
    CLI does, the refused feed written here."""
    from newstui.config import load_config
    from newstui.tui.app import NewstuiApp
    from tests.tui.conftest import settle, until
    from tests.tui.notifications import notifications, run_recorded

    monkeypatch.setenv("PW_OPML", "pw")
    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    edit = "/api/greader.php/reader/api/0/subscription/edit"
    fake.pages[edit] = [b"OK", (400, b"Bad Request!")]
    why = "A feed could not be found; content-type is `application/json`"
    fake.api("/subscription/quickadd", 200, {"numResults": 0, "error": why})
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_OPML"\n')
    path.write_text(
        path.read_text("utf-8").replace("[settings]\n", "[settings]\nrefresh_minutes = 0\n")
    )
    drones = "https://example.net/drones.json"
    file = opml(
        tmp_path / "feedly.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Own Blog", "https://example.net/b.xml"),
            ("Tech/AI", "Drone Digest", drones),
        ],
    )
    app = NewstuiApp(tmp_path / "n.db", load_config(path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        await pilot.press(*str(file), "enter")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("1")  # Subscribe on the server
        await until(pilot, lambda: any("feedly.opml" in n.message for n in notifications(app)))
        said = [n.message for n in notifications(app)]
    [summary] = [line for line in said if "feedly.opml" in line]
    assert summary.startswith(
        f"3 feeds in feedly.opml: 1 already subscribed on {fake.server} (synced), 1 feed "
        f"subscribed on {fake.server}, 1 refused there (fetched here), 1 added to {path}"
    ), summary
    assert "not subscribed on" not in summary
    assert [line for line in said if "refused to subscribe" in line] == [
        f"{fake.server}: refused to subscribe to {drones}: {why}; added to feeds.toml instead: "
        "fetched here"
    ]
    assert written(path) == [drones]  # the refused one only
    asked = [form for p, form in fake.forms if p == edit]
    assert asked[0]["s"] == ["feed/https://example.net/b.xml"]
    assert asked[0]["a"] == ["user/-/label/Tech"]


async def test_the_apps_import_names_the_feeds_kept_here_and_subscribes_only_the_new_ones(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review r53 F7: a list imported once to feeds.toml (fetched here, by choice), then again
    with one feed more: the box's Subscribe subscribed every one the server lacked without a
    word of those kept here. The box now says how many are in feeds.toml already, its first
    choice subscribes only the new one, and subscribing all of them is a choice of its own."""
    from newstui.config import load_config
    from newstui.tui.app import NewstuiApp
    from tests.tui.conftest import settle, until
    from tests.tui.notifications import notifications, run_recorded

    monkeypatch.setenv("PW_OPML", "pw")
    fake.api("/subscription/list", 200, {"subscriptions": [SERVERS]})
    edit = "/api/greader.php/reader/api/0/subscription/edit"
    fake.pages[edit] = [b"OK", b"OK"]
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_OPML"\n')
    kept = "https://example.net/private.xml?token=s3cret"
    path.write_text(
        path.read_text("utf-8").replace("[settings]\n", "[settings]\nrefresh_minutes = 0\n")
        + f'\n[[feeds]]\nurl = "{kept}"\nname = "Private"\n'
    )
    drones = "https://example.net/drones.json"
    file = opml(
        tmp_path / "feedly.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Private", kept),
            ("Tech", "Drone Digest", drones),
        ],
    )
    app = NewstuiApp(tmp_path / "n.db", load_config(path))
    async with run_recorded(app, size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        await pilot.press(*str(file), "enter")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        question = str(app.screen.query_one("#choice-question").render())
        choices = [str(o.prompt) for o in app.screen.query_one("#choices").options]
        await pilot.press("1")  # the new one only
        await until(pilot, lambda: any("feedly.opml" in n.message for n in notifications(app)))
    assert question == (
        f"2 feeds of feedly.opml not on {fake.server} (it has 1 already): 1 new, 1 in "
        "feeds.toml already (fetched here). Import them where?"
    )
    assert choices == [
        f"1. Subscribe the 1 new on {fake.server}; the 1 in feeds.toml stays fetched here",
        f"2. Subscribe all 2 on {fake.server}, the 1 in feeds.toml too",
        "3. Add the 1 new to feeds.toml: fetched here only",
    ]
    asked = [form["s"] for p, form in fake.forms if p == edit]
    assert asked == [[f"feed/{drones}"]]  # not the one kept here
    assert written(path) == [kept]


async def test_the_apps_import_with_the_server_never_synced_and_down_asks_before_writing(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review r51: the server unreachable and never synced, the import wrote every feed to
    feeds.toml; now it says so and writes nothing unless told to (as `opml import --here`)."""
    from newstui.config import load_config
    from newstui.tui.app import NewstuiApp
    from newstui.tui.screens.confirm import ConfirmScreen
    from tests.tui.conftest import settle, until

    monkeypatch.setenv("PW_OPML", "pw")
    fake.api("/subscription/list", 503, b"down")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_OPML"\n')
    path.write_text(
        path.read_text("utf-8").replace("[settings]\n", "[settings]\nrefresh_minutes = 0\n")
    )
    before = path.read_text("utf-8")
    file = opml(
        tmp_path / "feedly.opml",
        [
            ("News", "Storm Watch", SERVERS["url"]),
            ("Tech", "Own Blog", "https://example.net/b.xml"),
        ],
    )
    app = NewstuiApp(tmp_path / "n.db", load_config(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for answer, expected in (("n", []), ("y", [SERVERS["url"], "https://example.net/b.xml"])):
            await pilot.press("I")
            await settle(pilot)
            await pilot.press("ctrl+u", *str(file), "enter")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            box = " ".join(" ".join(str(w.render()).split()) for w in app.screen.query("Static"))
            assert f"{fake.server}: " in box and "HTTP 503" in box, box
            assert (
                f"nothing imported, as {fake.server} was never synced here, so which of these feeds"
            ) in box
            assert "Add all 2 to feeds.toml anyway?" in box
            assert path.read_text("utf-8") == before
            await pilot.press(answer)
            await settle(pilot)
            assert written(path) == expected


def test_export_keeps_a_configured_feeds_server_folder_too(
    fake: FakeGReader,  # noqa: F811
    here: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """user test r51 LOW-7: feeds.toml's folder News/Europe, the server's Politics: both."""
    moved = {**SERVERS, "categories": [{"id": "user/-/label/Politics", "label": "Politics"}]}
    fake.api("/subscription/list", 200, {"subscriptions": [moved]})
    fake.api("/stream/items/ids", 200, {"itemRefs": []})
    fake.api("/stream/contents/user/-/state/com.google/reading-list", 200, {"items": []})
    config = Path(here[3])
    config.write_text(
        config.read_text("utf-8")
        + f'\n[[feeds]]\nname = "Storm Watch"\nurl = "{SERVERS["url"]}"\ntags = ["News/Europe"]\n',
        "utf-8",
    )
    assert main([*here, "sync"]) == 0
    capsys.readouterr()
    assert main([*here, "opml", "export"]) == 0
    out = capsys.readouterr().out
    assert out.count(SERVERS["url"]) == 2, out  # an outline under each folder
    assert 'text="Politics"' in out and 'text="Europe"' in out
