"""With [sync], `D` on a server subscription says before `y` that the feed will be unsubscribed on
the server (every device loses it), not only after (user test r30 L11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstui.config import load_config
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.confirm import ConfirmScreen
from newstui.tui.screens.feed_removal import removal_question
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_states import ONE, READING, ids_answer, item, refs
from tests.tui.notifications import run_recorded


def test_the_question_names_the_server_it_unsubscribes_on() -> None:
    assert removal_question("Pod", None, 3, 1, "sources", "rss.example.org") == (
        "Delete Pod and 2 of its 3 articles, and unsubscribe it on rss.example.org? "
        "The starred one is kept here; rss.example.org may drop it with the subscription "
        "(FreshRSS does)."
    )
    assert removal_question("Pod", None, 3, 2, "sources", "h").endswith(
        "The 2 starred are kept here; h may drop them with the subscription (FreshRSS does)."
    )  # (user test r42 L10: "The 2 starred are kept", and FreshRSS dropped them)
    assert removal_question("Pod", None, 0, 0, "sources", "rss.example.org") == (
        "Delete Pod and unsubscribe it on rss.example.org? It has no articles."
    )


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_d_on_a_server_subscription_says_it_will_be_unsubscribed_there(
    tmp_path: Path,
    fake: FakeGReader,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/1", "starred")]})
    ids_answer(fake, [refs(1)], [refs(1)])
    monkeypatch.setenv("PW_D", "pw")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_D"\n')
    app = NewstuiApp(tmp_path / "newstui.db", load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        one = next(f for f in app.main.sources.feeds if f.name == "One")
        app.main.focus_pane("sources")
        app.main.sources.select_view(f"feed:{one.id}")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        shown = " ".join(str(app.screen.query_one("#confirm-question").render()).split())
        await pilot.press("n")
    assert shown == (
        f"Delete One and 0 of its 1 article, and unsubscribe it on {fake.server}? "
        f"The starred one is kept here; {fake.server} may drop it with the subscription "
        "(FreshRSS does)."
    )
