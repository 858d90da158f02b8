"""The app's first start makes the config file as the first `newstui add` does: the example with
its feeds commented out, so the feed the user adds with `a` is the only one `R` fetches."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.config.example import example_config_text
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.command_prompt import CommandScreen

from .conftest import FEED_XML, notifications, run_recorded, screen_text, settle


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def with_feed(name: str, url: str) -> str:
    """The example, a blank line, then the one feed added."""
    return f'{example_config_text()}\n[[feeds]]\nname = "{name}"\nurl = "{url}"\n'


def first_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, object, dict[str, object]]:
    """`newstui --db …/n.db` on a machine with no config yet, the app's start recorded, not run:
    the database, the config and what the app is started with (its first notice)."""
    started: list[tuple[Path, object, dict[str, object]]] = []

    def record(db_path: Path, config: object, **kwargs: object) -> int:
        started.append((db_path, config, kwargs))
        return 0

    monkeypatch.setattr("newstui.tui.app.run_app", record)
    assert main(["--db", str(tmp_path / "n.db")]) == 0
    [(db_path, config, kwargs)] = started
    return db_path, config, kwargs


async def test_a_first_start_subscribes_nothing_and_a_adds_only_the_users_feed(
    tmp_path, monkeypatch, feed_server
):
    """The first start copied the example with six feeds active (BBC, Guardian, NPR, Al
    Jazeera, Ars Technica, HN): after `a`, Sources listed seven and R fetched the six too,
    and the added entry came right under `# tags = ["saved"]`."""
    feed_server.route("/news.xml", body=FEED_XML.format(base=feed_server.base).encode())
    db_path, config, kwargs = first_start(tmp_path, monkeypatch)
    made = tmp_path / "xdg-config" / "newstui" / "feeds.toml"
    assert made.read_text("utf-8") == example_config_text()
    assert str(kwargs["notice"]).startswith(
        f"created the config file {made} with no feeds yet: press a to add one, or uncomment "
        "an example in it; "
    )
    app = NewstuiApp(db_path, config, **kwargs)  # type: ignore[arg-type]
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.sources.feeds == []
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, CommandScreen)
        await pilot.press(*feed_server.url("/news.xml"), "enter")
        await settle(pilot)
        assert "Added Local Feed to feeds.toml: 1 article." in [
            n.message for n in notifications(app)
        ]
        assert [f.name for f in app.main.sources.feeds] == ["Local Feed"]
        assert app.main.config is not None
        assert [f.name for f in app.main.config.feeds] == ["Local Feed"]  # all that R fetches
    assert made.read_text("utf-8") == with_feed("Local Feed", feed_server.url("/news.xml"))


async def test_a_first_start_of_a_newsboat_user_names_the_import_of_newsboat_s_feeds(
    tmp_path, monkeypatch, newsboat_home
):
    """Nothing pointed a newsboat user to `newstui opml import ~/.newsboat/urls` (user test r33
    M8): the first start's notice and the empty reader name it when newsboat's urls file is here."""
    db_path, config, kwargs = first_start(tmp_path, monkeypatch)
    hint = "newsboat's feeds: `newstui opml import ~/.newsboat/urls`"
    made = tmp_path / "xdg-config" / "newstui" / "feeds.toml"
    assert str(kwargs["notice"]).startswith(
        f"created the config file {made} with no feeds yet: press a to add one, or uncomment "
        f"an example in it. {hint}; "
    )
    app = NewstuiApp(db_path, config, **kwargs)  # type: ignore[arg-type]
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        assert hint in " ".join(screen_text(app).split())
