"""Pilot tests: a warning logged while the app runs (an article the extractor failed on in the
analysis after an upgrade, a full-text fetch's) is a notification and a line in the log file,
never a line written onto the terminal the app draws on (the CLI's logging writes to stderr)."""

from __future__ import annotations

import io
import logging
import re
import threading

from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, settle, until

FAILED = (
    'Wire: "Pier\x1b[2J closed" (article {n}): extractor rules failed: [bold]RecursionError[/]; '
    "kept without quotes or entities"
)
SHOWN = (
    'Wire: "Pier closed" (article {n}): extractor rules failed: [bold]RecursionError[/]; '
    "kept without quotes or entities"
)


async def test_warnings_logged_under_the_app_are_one_notification_and_the_log_not_stderr(
    db_path, tmp_path
):
    terminal = io.StringIO()
    cli_handler = logging.StreamHandler(terminal)  # as the CLI's logging.basicConfig sets up
    root = logging.getLogger()
    root.addHandler(cli_handler)
    log_file = tmp_path / "state" / "newstui.log"
    analysis = logging.getLogger("newstui.ingest.pending_analysis")
    try:
        app = NewstuiApp(db_path, None, log_file=log_file)
        async with run_recorded(app, size=(120, 40)) as pilot:
            await settle(pilot)
            for n in (2, 3, 4):  # one burst: one notification
                analysis.warning("%s", FAILED.format(n=n))
            await until(pilot, lambda: notifications(app))
            [shown] = notifications(app)
            assert shown.message == f"{SHOWN.format(n=2)} (and 2 more: see {log_file})"
            assert shown.severity == "warning" and shown.markup is False

            later = threading.Thread(target=analysis.warning, args=("%s", FAILED.format(n=5)))
            later.start()  # from a worker's thread
            later.join()
            await until(pilot, lambda: len(notifications(app)) == 2)
            assert notifications(app)[1].message == SHOWN.format(n=5)
        assert terminal.getvalue() == ""
        written = log_file.read_text("utf-8").splitlines()
        assert [line.partition(" warning: ")[2] for line in written] == [
            SHOWN.format(n=n) for n in (2, 3, 4, 5)
        ]
        assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ ", line) for line in written)
        assert cli_handler in root.handlers  # the CLI's stderr is its own again
        analysis.warning("after the app")
        assert terminal.getvalue() == "after the app\n"
    finally:
        root.removeHandler(cli_handler)


async def test_warnings_logged_one_by_one_are_one_notification_every_few_seconds(db_path, tmp_path):
    """A failing re-analysis logs one warning a batch: each was a notification of its own,
    dozens over a large pass. Those logged within `notify_every` of the last notification
    wait and are then one notification, counted; every one is in the log file."""
    log_file = tmp_path / "state" / "newstui.log"
    analysis = logging.getLogger("newstui.ingest.pending_analysis")
    app = NewstuiApp(db_path, None, log_file=log_file)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.logged_warnings.handler.notify_every = 2.0
        analysis.warning("%s", FAILED.format(n=1))
        await until(pilot, lambda: notifications(app))
        for n in (2, 3, 4, 5):  # one batch after another, each shown apart before
            analysis.warning("%s", FAILED.format(n=n))
            await pilot.pause()
        assert len(notifications(app)) == 1
        await until(pilot, lambda: len(notifications(app)) == 2)
        assert notifications(app)[1].message == f"{SHOWN.format(n=2)} (and 3 more: see {log_file})"
        await pilot.pause(2.5)
        assert len(notifications(app)) == 2
    written = log_file.read_text("utf-8").splitlines()
    assert [line.partition(" warning: ")[2] for line in written] == [
        SHOWN.format(n=n) for n in range(1, 6)
    ]


async def test_a_log_call_with_bad_arguments_is_one_line_in_the_log_not_a_traceback(
    db_path, tmp_path, monkeypatch
):
    """logging printed the traceback of a message it could not format onto the terminal
    under the app (a library's `log.warning("%d feeds", "x")`)."""
    terminal = io.StringIO()
    monkeypatch.setattr("sys.stderr", terminal)
    log_file = tmp_path / "state" / "newstui.log"
    app = NewstuiApp(db_path, None, log_file=log_file)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        logging.getLogger("somelib").warning("%d feeds", "many\x1b[2J")
        await settle(pilot)
    assert terminal.getvalue() == ""
    [line] = log_file.read_text("utf-8").splitlines()
    assert " error: a log message from somelib (" in line
    assert line.endswith(
        "could not be written: TypeError: %d format: a real number is required, not str"
    )
