"""`D` in the app on a folder that comes from the sync server (user test r49 MED-5, LOW-8): the
question says whose folder it is, `y` takes the feed out of that label on the server (which is
what lasts), and a folder of the server's feeds alone is unsubscribed without naming
feeds.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstui.config import load_config
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.confirm import ConfirmScreen
from newstui.tui.view import tag_view
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_states import READING, ids_answer, item, refs
from tests.tui.notifications import notifications, run_recorded

LABEL = {"id": "user/-/label/Server Folder", "label": "Server Folder"}


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def serve_one(fake: FakeGReader, url: str) -> None:  # noqa: F811
    one = {"id": "feed/1", "title": "One", "url": url, "categories": [LABEL]}
    fake.api("/subscription/list", 200, {"subscriptions": [one]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/1"), item(2, "feed/1")]})
    ids_answer(fake, [refs(1, 2)], [refs()])
    fake.api("/subscription/edit", 200, b"OK")


def edit_form(form: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: value for key, value in form.items() if key != "T"}  # (the write token)


async def ask_d_on_the_server_folder(app: NewstuiApp, pilot) -> str:
    await settle(pilot)
    await pilot.press("R")
    await settle(pilot)
    app.main.focus_pane("sources")
    app.main.sources.select_view(tag_view("Server Folder").key)
    await settle(pilot)
    await pilot.press("D")
    await settle(pilot)
    assert isinstance(app.screen, ConfirmScreen)
    return " ".join(str(app.screen.query_one("#confirm-question").render()).split())


async def test_d_on_the_servers_folder_says_so_and_takes_the_feed_out_of_it_there(
    tmp_path: Path,
    fake: FakeGReader,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = fake.base.replace("/api/greader.php", "/one.xml")  # (127.0.0.1: never fetched here)
    serve_one(fake, url)
    monkeypatch.setenv("PW_D", "pw")
    entry = f'\n[[feeds]]\nurl = "{url}"\nname = "One"\ntags = ["News"]\n'
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_D"\n')
    path.write_text(path.read_text("utf-8") + entry, "utf-8")
    written = path.read_bytes()
    app = NewstuiApp(tmp_path / "newstui.db", load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        shown = await ask_d_on_the_server_folder(app, pilot)
        fake.forms.clear()
        await pilot.press("y")
        await settle(pilot)
        said = notifications(app)[-1].message
    assert shown == (
        f"Server Folder is {fake.server}'s folder: take its source out of it there? "
        "One stays: it is also in News."
    )
    edits = [edit_form(form) for path, form in fake.forms if path.endswith("/subscription/edit")]
    assert edits == [{"ac": ["edit"], "s": ["feed/1"], "r": ["user/-/label/Server Folder"]}]
    assert (
        said == f"One stays: it is also in News; taken out of {fake.server}'s folder Server Folder."
    )
    assert path.read_bytes() == written  # feeds.toml never had that folder


async def test_d_on_a_folder_of_the_servers_feeds_alone_asks_to_unsubscribe_naming_no_file(
    tmp_path: Path,
    fake: FakeGReader,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serve_one(fake, "https://example.org/one")
    monkeypatch.setenv("PW_D", "pw")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_D"\n')
    app = NewstuiApp(tmp_path / "newstui.db", load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        shown = await ask_d_on_the_server_folder(app, pilot)
        fake.forms.clear()
        await pilot.press("y")
        await settle(pilot)
        said = notifications(app)[-1].message
    assert shown == (
        f"Unsubscribe One, the one source tagged Server Folder, on {fake.server} and delete "
        "its 2 articles?"
    )
    edits = [edit_form(form) for path, form in fake.forms if path.endswith("/subscription/edit")]
    assert edits == [{"ac": ["unsubscribe"], "s": ["feed/1"]}]
    assert said == (
        f"Removed the source tagged Server Folder and deleted 2 articles; unsubscribed on "
        f"{fake.server}."
    )
