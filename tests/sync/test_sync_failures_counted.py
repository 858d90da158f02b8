"""A sync that fails before it reaches the server counts among its failures in a row, as one the
server fails does: a password_command that fails, a password_env not set, a proxy the
environment names that cannot be used (a ProxyError, no SyncError), a sync url the client refuses. The line when it syncs
again says them all ("synced again after 2 failed syncs since HH:MM"; review r49: a sync failing
before it started counted none)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from newstui.library import Library
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_quiet import run
from tests.sync.test_sync_states import synced  # noqa: F401 (fixture)

GOOD = 'user = "alice"\npassword_env = "PW_S"\n'


def configure(tmp_path: Path, url: str, body: str) -> None:
    """feeds.toml's [sync] from now on (the path `synced` runs with)."""
    sync_config(tmp_path, f'url = "{url}"\n{body}')


def failures(db: list[str]) -> int:
    with Library.open(db[1]) as library:
        return library.sync.status().failures


def forget_login(tmp_path: Path) -> None:
    """The server's auth token forgotten: the next sync logs in with the password."""
    (tmp_path / "n.db.sync-auth").unlink()


def synced_again(server: FakeGReader, err: str, count: int) -> bool:
    line = f"recovered: sync {server.server}: synced again after {count} failed syncs since "
    return re.fullmatch(re.escape(line) + r"\S+( \S+)?\n", err) is not None


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('user = "alice"\npassword_command = "false"\n', "password_command exited with status 1"),
        ('user = "alice"\npassword_env = "PW_UNSET"\n', "environment variable PW_UNSET is not set"),
    ],
)
def test_a_sync_whose_password_fails_counts_as_a_failed_sync(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    reason: str,
) -> None:
    monkeypatch.delenv("PW_UNSET", raising=False)
    forget_login(tmp_path)
    configure(tmp_path, fake.base, body)
    status, out, err = run(synced, capsys, "sync", "-q")
    assert (status, out) == (1, "") and reason in err
    assert run(synced, capsys, "fetch", "-q") == (1, "", "")  # (the same failure: no news)
    assert failures(synced) == 2

    configure(tmp_path, fake.base, GOOD)
    status, out, err = run(synced, capsys, "sync", "-q")
    assert (status, out) == (0, "")
    assert synced_again(fake, err, 2), err
    assert failures(synced) == 0


def test_a_proxy_that_cannot_be_used_counts_as_a_failed_sync(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A proxy variable newstui cannot use fails the request with a ProxyError, no SyncError
    (the fake server is on 127.0.0.1, which no proxy serves: the request raises it here)."""
    from newstui.sources.proxies import ProxyError
    from newstui.sync.client import GReaderClient

    async def unusable(self: GReaderClient) -> list[object]:
        raise ProxyError(
            "http_proxy=gopher://proxy.example:70: gopher:// proxies are not supported"
        )

    monkeypatch.setattr(GReaderClient, "subscriptions", unusable)
    status, out, err = run(synced, capsys, "sync", "-q")
    assert (status, out) == (1, "") and "gopher://" in err
    assert run(synced, capsys, "sync", "-q")[0] == 1
    assert failures(synced) == 2

    monkeypatch.undo()
    status, out, err = run(synced, capsys, "sync", "-q")
    assert (status, out) == (0, "")
    assert synced_again(fake, err, 2), err


def test_a_sync_url_the_client_refuses_counts_as_a_failed_sync(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fever = fake.base.removesuffix("greader.php") + "fever.php"
    assert fever != fake.base
    configure(tmp_path, fever, GOOD)
    status, out, err = run(synced, capsys, "sync", "-q")
    assert (status, out) == (1, "") and "Fever API" in err
    assert failures(synced) == 1
    assert os.environ["PW_S"] == "pw"  # (set by `synced`)

    configure(tmp_path, fake.base, GOOD)
    status, out, err = run(synced, capsys, "sync", "-q")
    assert (status, out) == (0, "")
    assert err == f"recovered: sync {fake.server}: synced again after its last sync failed\n"
