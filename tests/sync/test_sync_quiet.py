"""`newstui sync --quiet` from cron, as `fetch --quiet`: silent when it works, a failure said once
(and again when it fails otherwise), and one line when it syncs again, with how many syncs failed
since when (user test r49 LOW-7: "read again after its last fetch failed")."""

from __future__ import annotations

import pytest

from newstui.cli.main import main
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_sync_states import ONE, TWO, synced  # noqa: F401 (fixture)


def run(db: list[str], capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main([*db, *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_quiet_sync_says_a_failure_once_and_the_sync_working_again(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(synced, capsys, "sync", "-q") == (0, "", "")  # it works: nothing said

    fake.api("/subscription/list", 500, b"down")
    status, out, err = run(synced, capsys, "sync", "--quiet")
    assert (status, out) == (1, "")
    assert err.startswith("error: ") and "500" in err and len(err.splitlines()) == 1
    assert run(synced, capsys, "sync", "-q") == (1, "", "")  # the same failure: not news

    fake.api("/subscription/list", 200, {"subscriptions": [ONE, TWO]})
    status, out, err = run(synced, capsys, "sync", "-q")
    assert (status, out) == (0, "")
    assert err.startswith(
        f"recovered: sync {fake.server}: synced again after 2 failed syncs since "
    )
    assert len(err.splitlines()) == 1
    assert run(synced, capsys, "sync", "-q") == (0, "", "")


def test_a_fetch_says_the_sync_working_again_as_synced_again(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.api("/subscription/list", 500, b"down")
    assert run(synced, capsys, "fetch", "-q")[0] == 1
    fake.api("/subscription/list", 200, {"subscriptions": [ONE, TWO]})
    status, out, err = run(synced, capsys, "fetch", "-q")
    assert (status, out) == (0, "")
    assert err == f"recovered: sync {fake.server}: synced again after its last sync failed\n"
