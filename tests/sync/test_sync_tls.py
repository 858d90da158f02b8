"""A sync server behind a self-signed (or private-CA) certificate (user test r51 MED-4): the line
names the certificate and the way out, `[sync] ca_file` trusts it (checked as the config loads),
SSL_CERT_FILE is honoured, and nothing ever syncs unchecked. The server is the fake Google Reader
API of test_client, wrapped in TLS with a certificate made here by the openssl command."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.config import load_config
from newstui.errors import ConfigError, SyncError
from newstui.sources.http import FetchLimits
from newstui.sync.client import GReaderClient
from tests.sync.test_client import FakeGReader, sync_config

SUBSCRIPTIONS = {"subscriptions": [{"id": "feed/1", "title": "One", "url": "http://x/1.xml"}]}


def make_certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key (PEM files)."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = folder / f"{name}.pem", folder / f"{name}-key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_fake(tmp_path: Path) -> Iterator[tuple[FakeGReader, Path]]:
    """The fake server on https://127.0.0.1 with a self-signed certificate, and that certificate."""
    cert, key = make_certificate(tmp_path, "server")
    server = FakeGReader()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    server.base = server.base.replace("http://", "https://")
    server.api("/subscription/list", 200, SUBSCRIPTIONS)
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server, cert
    server.httpd.shutdown()
    server.httpd.server_close()


def subscriptions(fake: FakeGReader, ca_file: str | None = None) -> list[str]:
    async def go() -> list[str]:
        limits = FetchLimits(timeout=5)
        async with GReaderClient(fake.base, "alice", lambda: "pw", limits, ca_file=ca_file) as c:
            return [feed.title for feed in await c.subscriptions()]

    return asyncio.run(go())


@pytest.fixture(autouse=True)
def no_cert_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def test_a_self_signed_server_is_named_so_with_the_way_out_not_unreachable(
    tls_fake: tuple[FakeGReader, Path],
) -> None:
    fake, _ = tls_fake
    with pytest.raises(SyncError) as info:
        subscriptions(fake)
    message = str(info.value)
    assert "\n" not in message and "unreachable" not in message
    assert message.startswith(f"{fake.server}: its certificate is self-signed")
    assert "set ca_file in [sync]" in message
    assert not [hit for hit in fake.hits if "subscription" in hit]  # nothing sent unchecked


def test_ca_file_trusts_the_servers_certificate(tls_fake: tuple[FakeGReader, Path]) -> None:
    fake, cert = tls_fake
    assert subscriptions(fake, str(cert)) == ["One"]


def test_settings_ca_file_is_trusted_by_the_sync_too(tls_fake: tuple[FakeGReader, Path]) -> None:
    """[settings] ca_file (feeds' trust, closing r51) holds for the sync server as well."""
    fake, cert = tls_fake

    async def go() -> list[str]:
        limits = FetchLimits(timeout=5, ca_file=str(cert))
        async with GReaderClient(fake.base, "alice", lambda: "pw", limits) as c:
            return [feed.title for feed in await c.subscriptions()]

    assert asyncio.run(go()) == ["One"]


def test_another_certificate_in_ca_file_trusts_nothing_more(
    tls_fake: tuple[FakeGReader, Path], tmp_path: Path
) -> None:
    fake, _ = tls_fake
    other, _ = make_certificate(tmp_path, "other")
    with pytest.raises(SyncError, match="self-signed"):
        subscriptions(fake, str(other))


def test_ssl_cert_file_is_honoured(
    tls_fake: tuple[FakeGReader, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, cert = tls_fake
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    assert subscriptions(fake) == ["One"]


def test_sync_command_with_ca_file_in_the_config(
    tls_fake: tuple[FakeGReader, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake, cert = tls_fake
    monkeypatch.setenv("PW_TLS", "pw")
    monkeypatch.setenv("HOME", str(tmp_path))
    db = str(tmp_path / "n.db")
    body = f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_TLS"\n'
    path = sync_config(tmp_path, body)
    assert main(["--db", db, "--config", str(path), "sync", "login"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "its certificate is self-signed" in err
    path = sync_config(tmp_path, body + f'ca_file = "~/{cert.name}"\n')  # (~ is the home)
    assert load_config(path).sync.ca_file == str(cert)  # type: ignore[union-attr]
    assert main(["--db", db, "--config", str(path), "sync", "login"]) == 0, capsys.readouterr()


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("missing.pem", "does not exist"),
        (".", "is a folder"),
        ("notes.txt", "holds no PEM certificate"),
    ],
)
def test_a_ca_file_that_cannot_be_used_is_one_config_line(
    tmp_path: Path, written: str, problem: str
) -> None:
    (tmp_path / "notes.txt").write_text("not a certificate\n", "utf-8")
    body = f'url = "https://h"\nuser = "a"\npassword_env = "X"\nca_file = "{written}"\n'
    with pytest.raises(ConfigError, match=r"feeds\.toml:9: sync ca_file ") as info:
        load_config(sync_config(tmp_path, body))
    assert problem in str(info.value) and "\n" not in str(info.value)


def test_a_relative_ca_file_is_read_beside_the_config(tmp_path: Path) -> None:
    cert, _ = make_certificate(tmp_path, "ca")
    body = f'url = "https://h"\nuser = "a"\npassword_env = "X"\nca_file = "{cert.name}"\n'
    sync = load_config(sync_config(tmp_path, body)).sync
    assert sync is not None and sync.ca_file == str(cert)


def test_a_ca_file_gone_since_the_config_loaded_fails_the_sync_in_one_line(
    tmp_path: Path,
) -> None:
    """Review r52 MED-1: a SyncError naming the server and the file (the refresh's sync fails,
    the feeds go on: ingest.server_sync), never a bare FileNotFoundError."""
    cert, _ = make_certificate(tmp_path, "ca")
    cert.unlink()
    for limits, sync_file, owner in (
        (FetchLimits(timeout=5), str(cert), "sync ca_file"),
        (FetchLimits(timeout=5, ca_file=str(cert)), None, "setting 'ca_file'"),
    ):
        with pytest.raises(SyncError) as info:
            GReaderClient("https://127.0.0.1:9/api/greader.php", "a", lambda: "pw", limits,
                          ca_file=sync_file)  # fmt: skip
        assert str(info.value) == (
            f"127.0.0.1:9: {owner} {cert} does not exist (it changed after the config was read)"
        )
        # a plain-http server needs no certificate: its sync goes on
        GReaderClient("http://127.0.0.1:9/api/greader.php", "a", lambda: "pw", limits,
                      ca_file=sync_file)  # fmt: skip


def test_a_sync_ca_file_that_is_a_fifo_is_one_config_line(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "fifo.pem")
    body = 'url = "https://h"\nuser = "a"\npassword_env = "X"\nca_file = "fifo.pem"\n'
    with pytest.raises(ConfigError, match=r"sync ca_file .*fifo\.pem is not a regular file"):
        load_config(sync_config(tmp_path, body))


async def test_R_with_the_sync_ca_file_gone_fails_the_sync_in_one_line_and_fetches_feeds(
    tls_fake: tuple[FakeGReader, Path],
    tmp_path: Path,
    feed_server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review r52 MED-1 as seen: with [sync], `R` flashed "No such file or directory" and
    refreshed nothing, plain-http feeds included."""
    from newstui.library import Library
    from newstui.tui.app import NewstuiApp
    from tests.tui.conftest import FEED_XML, settle
    from tests.tui.notifications import notifications, run_recorded

    fake, cert = tls_fake
    monkeypatch.setenv("PW_TLS", "pw")
    pem = tmp_path / "my-ca.pem"
    pem.write_bytes(cert.read_bytes())
    feed_server.route("/feed.xml", body=FEED_XML.format(base=feed_server.base).encode())
    body = f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_TLS"\nca_file = "{pem}"\n'
    path = sync_config(tmp_path, body)
    path.write_text(
        path.read_text("utf-8").replace("[sync]", "refresh_minutes = 0\n\n[sync]")
        + f'\n[[feeds]]\nname = "Plain"\nurl = "{feed_server.url("/feed.xml")}"\n',
        "utf-8",
    )
    db_path = tmp_path / "n.db"
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        pem.rename(tmp_path / "my-ca.pem.away")
        await pilot.press("R")
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
    assert not any("No such file or directory" in m for m in messages), messages
    with Library.open(db_path) as library:
        titles = [a.title for a in library.articles(limit=None) if a.feed == "Plain"]
        status = library.sync.status()
    assert titles == ["Fresh story from the server"]
    assert status.last_error == (
        f"{fake.server}: sync ca_file {pem} does not exist (it changed after the config was read)"
    )
