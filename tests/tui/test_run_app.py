"""`run_app` refuses to start the full-screen app without a terminal; the app ends when its
terminal goes away, leaving the signal handlers as they were."""

from __future__ import annotations

import io
import signal

import pytest

from newstui.errors import NewstuiError
from newstui.tui.app import NewstuiApp, run_app
from newstui.tui.terminal_driver import TerminalClosed

from .conftest import settle


def test_the_app_needs_a_terminal(db_path, monkeypatch):
    monkeypatch.setattr("sys.stdout", io.StringIO())
    with pytest.raises(NewstuiError, match="needs a terminal"):
        run_app(db_path, None, demo=True)


@pytest.mark.parametrize("term", ["dumb", "dumb-mono", "emacs", "unknown"])
def test_the_app_refuses_a_dumb_terminal(db_path, monkeypatch, term):
    """User test r44 M3: TERM=dumb got 24-bit colour escapes, shown as junk (hostile r45 L4:
    its kin too)."""
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("TERM", term)
    monkeypatch.setattr(NewstuiApp, "run", lambda *_a, **_k: pytest.fail("app started"))
    with pytest.raises(NewstuiError, match=rf"cannot draw on this terminal \(TERM={term}\)"):
        run_app(db_path, None, demo=True)


async def test_a_closed_terminal_ends_the_app_as_a_sighup_would(db_path):
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    app = NewstuiApp(db_path, None, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert signal.getsignal(signal.SIGTERM) is not handlers[signal.SIGTERM]
        app.post_message(TerminalClosed())
        await settle(pilot)
    assert app.stopped_by == signal.SIGHUP and app.return_code == 128 + signal.SIGHUP
    assert {s: signal.getsignal(s) for s in handlers} == handlers


async def test_the_created_database_notice_is_information_not_a_warning(tmp_path, monkeypatch):
    """A first start made the database: the app says so as news, not as a warning (it was
    shown in the warning colour, as if something had gone wrong)."""
    from newstui.cli.main import main

    from .notifications import notifications, run_recorded

    started: list[dict[str, object]] = []

    def record(db_path: object, config: object, **kwargs: object) -> int:
        started.append(kwargs)
        return 0

    monkeypatch.setattr("newstui.tui.app.run_app", record)
    config = tmp_path / "feeds.toml"
    config.write_text("", "utf-8")
    new = tmp_path / "new.db"
    assert main(["--db", str(new), "--config", str(config)]) == 0
    [kwargs] = started
    assert kwargs["notice"] == f"created a new database at {new}"
    app = NewstuiApp(new, None, **kwargs)  # type: ignore[arg-type]
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        [shown] = notifications(app)
        assert shown.message == f"created a new database at {new}"
        assert shown.severity == "information"


def test_the_demo_says_it_leaves_the_users_config_aside(tmp_path, monkeypatch):
    """User test r44 L4: the README's [keys] example tried on --demo did nothing, without a word."""
    from newstui.cli.main import main

    started: list[dict[str, object]] = []
    monkeypatch.setattr("newstui.tui.app.run_app", lambda *_a, **kw: started.append(kw) or 0)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    config = tmp_path / "feeds.toml"
    config.write_text('[keys]\n"article.toggle_star" = "*"\n', "utf-8")
    assert main(["--demo", "--config", str(config)]) == 0
    assert main(["--demo", "--config", str(tmp_path / "none.toml")]) == 0
    notices = [kw["notice"] for kw in started]
    assert notices[0] == (
        f"the demo uses its own keys and settings, not those of {config}: they apply when newstui "
        "runs without --demo"
    )
    assert started[0]["notice_severity"] == "information"
    assert notices[1] != notices[0]
