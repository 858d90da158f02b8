"""Workers raise; one handler shows the failure as one line and the app keeps running."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newstui.errors import NewstuiError, error_line
from newstui.library import Library
from newstui.tui.app import NewstuiApp
from newstui.tui.refresh_messages import RefreshFinished, RefreshProgress

from .conftest import settle


def test_an_error_becomes_one_line_for_the_user() -> None:
    assert error_line(NewstuiError("feeds.toml:3: bad url")) == "feeds.toml:3: bad url"
    assert (
        error_line(sqlite3.OperationalError("disk I/O error")) == "database error: disk I/O error"
    )
    assert error_line(ValueError("first line\nsecond line")) == "ValueError: first line"
    assert error_line(KeyError()) == "KeyError"


def test_a_worker_out_of_memory_says_what_it_could_not_do_and_the_limit(monkeypatch) -> None:
    """A search under `ulimit -v 600000` said "MemoryError" (user test r47 H1)."""
    import resource

    from newstui.tui.worker_errors import memory_line

    limit = (600_000 * 1024, resource.RLIM_INFINITY)
    monkeypatch.setattr(resource, "getrlimit", lambda which: limit)
    assert memory_line("headlines-load") == (
        "not enough memory to list the articles: newstui may use 586 MB here (`ulimit -v`)"
    )
    monkeypatch.setattr(resource, "getrlimit", lambda which: (resource.RLIM_INFINITY,) * 2)
    assert memory_line("mystery") == (
        "not enough memory to finish this: close other programs and try again"
    )


async def test_a_failing_read_shows_one_error_line_and_the_app_keeps_running(
    db_path: Path, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown: list[tuple[str, str]] = []
        notify = app.notify

        def recording_notify(message: str, **options: object) -> None:
            shown.append((message, str(options.get("severity"))))
            notify(message, **options)  # type: ignore[arg-type]

        def broken_detail(self: Library, article_id: int) -> None:
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(app, "notify", recording_notify)
        monkeypatch.setattr(Library, "detail", broken_detail)
        await pilot.press("j")
        await settle(pilot)
        assert shown == [("database error: disk I/O error", "error")]
        assert app.is_running
        monkeypatch.undo()
        await pilot.press("k")
        await settle(pilot)
        assert app.main.reader.article_id == ids["seed"]


def test_a_newer_refresh_progress_replaces_a_pending_one_but_not_the_end() -> None:
    first = RefreshProgress(1, 30, "BBC", 1)
    assert first.can_replace(RefreshProgress(2, 30, "NPR", 1))
    assert not RefreshFinished(()).can_replace(first)
    assert not first.can_replace(RefreshFinished(()))


async def test_a_long_error_is_cut_at_a_word_and_whole_in_the_log_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = " ".join(f"reason{i:02d}" for i in range(60))  # 539 characters
    log_file = tmp_path / "state" / "newstui.log"
    app = NewstuiApp(db_path, None, log_file=log_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown: list[str] = []
        notify = app.notify

        def recording_notify(message: str, **options: object) -> None:
            shown.append(message)
            notify(message, **options)  # type: ignore[arg-type]

        def broken_detail(self: Library, article_id: int) -> None:
            raise NewstuiError(f"the store said: {words}")

        monkeypatch.setattr(app, "notify", recording_notify)
        monkeypatch.setattr(Library, "detail", broken_detail)
        await pilot.press("j")
        await settle(pilot)
        [line] = shown
        cut, _, where = line.partition("… ")
        assert where == f"(the whole message: {log_file})"
        assert 250 < len(cut) < 300 and f"the store said: {cut[16:]}" == cut
        assert words.startswith(cut[16:] + " ")  # cut after a whole word
        assert log_file.read_text("utf-8").rstrip().endswith(f"error: the store said: {words}")


def test_an_import_error_of_a_key_or_a_worker_is_one_notice_to_start_again(db_path: Path) -> None:
    """newstui upgraded while it ran: a module imported on first use no longer matches those
    loaded. `a` then ended the app in a traceback with its locals (user test r44 M4)."""
    import asyncio
    from types import SimpleNamespace

    from textual.worker import Worker, WorkerState

    from newstui.tui.worker_errors import report_failed_worker

    app = NewstuiApp(db_path, None)
    shown: list[tuple[str, object]] = []
    upgraded = ("newstui was upgraded while it ran: quit (Q) and start it again", "error")

    def recording_notify(message: str, **options: object) -> None:
        shown.append((message, options.get("severity")))

    def upgraded_under_it() -> None:
        raise ImportError("cannot import name 'url_meant' from 'newstui.config.feed_urls'")

    app.notify = recording_notify  # type: ignore[method-assign]
    app.action_help = upgraded_under_it  # type: ignore[method-assign]
    assert asyncio.run(app.run_action("app.help")) is True
    gone = SimpleNamespace(error=ModuleNotFoundError("No module named 'newstui.subscribe'"))
    failed = Worker.StateChanged(gone, WorkerState.ERROR)  # type: ignore[arg-type]
    report_failed_worker(SimpleNamespace(app=app), failed)  # type: ignore[arg-type]
    assert shown == [upgraded, upgraded]
