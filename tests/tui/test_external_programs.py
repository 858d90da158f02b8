"""Pilot tests: o, v and | run terminal programs with the app suspended, URLs as one argument."""

from __future__ import annotations

import json
import stat
import sys
from contextlib import contextmanager
from pathlib import Path

from newstui.config import Config, Settings
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.command_prompt import CommandScreen

from .conftest import notifications, run_recorded, settle

RECORDER = """#!{python}
import json, sys
data = sys.stdin.read() if not sys.stdin.isatty() else ""
files = [open(a, encoding="utf-8").read() for a in sys.argv[1:] if a.endswith(".txt")]
with open({out!r}, "a", encoding="utf-8") as f:
    f.write(json.dumps({{"argv": sys.argv, "stdin": data, "files": files}}) + "\\n")
"""


def program(tmp_path: Path, name: str) -> Path:
    """A fake program called `name` that records its arguments, stdin and .txt files it is given."""
    out = tmp_path / f"{name}.jsonl"
    path = tmp_path / "bin" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(RECORDER.format(python=sys.executable, out=str(out)), "utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def calls(tmp_path: Path, name: str) -> list[dict]:
    out = tmp_path / f"{name}.jsonl"
    return (
        [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    )


def app_with(db_path, tmp_path, monkeypatch, **settings: object) -> tuple[NewstuiApp, list[str]]:
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    config = Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0, **settings))
    app = NewstuiApp(db_path, config)
    suspended: list[str] = []

    @contextmanager
    def suspend():
        suspended.append("in")
        yield
        suspended.append("out")

    monkeypatch.setattr(app, "suspend", suspend)
    return app, suspended


async def test_o_with_a_terminal_browser_runs_it_with_the_app_suspended(
    db_path, tmp_path, monkeypatch
):
    program(tmp_path, "w3m")
    app, suspended = app_with(db_path, tmp_path, monkeypatch, browser="w3m -T text/html %u")
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert suspended == ["in", "out"]
        [call] = calls(tmp_path, "w3m")
        assert call["argv"][1:] == ["-T", "text/html", "https://news.example/aleppo"]


async def test_o_with_BROWSER_set_to_lynx_suspends_too(db_path, tmp_path, monkeypatch):
    program(tmp_path, "lynx")
    monkeypatch.setenv("BROWSER", "lynx")
    app, suspended = app_with(db_path, tmp_path, monkeypatch)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert suspended == ["in", "out"]
        assert calls(tmp_path, "lynx")[0]["argv"][1:] == ["https://news.example/aleppo"]


async def test_a_browser_that_is_not_installed_is_one_line(db_path, tmp_path, monkeypatch):
    app, _ = app_with(db_path, tmp_path, monkeypatch, browser="links2 %u")
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        config = tmp_path / "feeds.toml"
        assert [n.message for n in notifications(app)] == [
            f"browser: links2 not found (the browser setting in {config})"
        ]


async def test_a_browser_from_BROWSER_that_is_not_installed_names_the_variable(
    db_path, tmp_path, monkeypatch
):
    """User test r48 L16: the line names where the browser was chosen, as `P` does the player."""
    # (a name no machine has: w3m itself may be installed where the suite runs)
    monkeypatch.setenv("BROWSER", "w3m-not-installed")
    app, suspended = app_with(db_path, tmp_path, monkeypatch)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert [n.message for n in notifications(app)] == [
            "browser: w3m-not-installed not found ($BROWSER)"
        ]
        assert suspended == []  # the app never stepped aside for it


async def test_v_opens_the_article_text_in_the_pager(db_path, tmp_path, monkeypatch):
    pager = program(tmp_path, "mypager")
    app, suspended = app_with(db_path, tmp_path, monkeypatch, pager=str(pager))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert suspended == ["in", "out"]
        [call] = calls(tmp_path, "mypager")
        assert call["files"][0].startswith("Syrian rebels enter Aleppo\nWorld Desk")
        assert "Dmitry Peskov" in call["files"][0]
        assert not Path(call["argv"][1]).exists()  # the temporary file is gone
        # wrapped at spaces to the terminal, as `show` prints it (r42 L4: the pager cut words)
        lines = call["files"][0].splitlines()
        assert max(map(len, lines)) <= 120 and len(lines) > 12
        assert not any(line.startswith(" ") or line.endswith(" ") for line in lines)


async def test_pipe_sends_the_article_to_a_command_typed_at_the_prompt(
    db_path, tmp_path, monkeypatch
):
    program(tmp_path, "counter")
    app, suspended = app_with(db_path, tmp_path, monkeypatch)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("vertical_line")
        await settle(pilot)
        assert isinstance(app.screen, CommandScreen)
        await pilot.press(*"counter --words", "enter")
        await settle(pilot)
        assert suspended == ["in", "out"]
        [call] = calls(tmp_path, "counter")
        assert call["argv"][1:] == ["--words"]
        assert call["stdin"].startswith("Syrian rebels enter Aleppo")
        await pilot.press("vertical_line")  # the last command is offered again
        await settle(pilot)
        assert app.screen.query_one("#command-input").value == "counter --words"
        await pilot.press("escape")
        await settle(pilot)
        assert len(calls(tmp_path, "counter")) == 1


async def test_a_piped_command_that_does_not_exist_gives_the_terminal_back_to_the_app(
    db_path, tmp_path, monkeypatch
):
    """The app is resumed (its suspend left) however the program fails to start: it was left
    suspended, the terminal showing the last program's output and keys echoed."""
    app, suspended = app_with(db_path, tmp_path, monkeypatch)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("vertical_line")
        await settle(pilot)
        await pilot.press(*"nosuchcmd --x", "enter")
        await settle(pilot)
        assert suspended == ["in", "out"]
        assert [n.message for n in notifications(app)] == ["nosuchcmd: command not found"]


async def test_a_pager_that_is_not_installed_is_one_line_and_the_app_comes_back(
    db_path, tmp_path, monkeypatch
):
    app, suspended = app_with(db_path, tmp_path, monkeypatch, pager="nosuchpager -R")
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert suspended == []  # said before the app would step aside for it
        config = tmp_path / "feeds.toml"
        assert [n.message for n in notifications(app)] == [
            f"pager: nosuchpager not found (the pager setting in {config})"
        ]
