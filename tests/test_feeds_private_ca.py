"""Feeds, pages and downloads on a host whose certificate a private CA signed (closing r51: only
`[sync]` had `ca_file`): `[settings] ca_file` trusts it, SSL_CERT_FILE too, and without either
the feed's one line names the certificate and the setting. Never fetched unchecked. The CA and
the server's certificate are made here by the openssl command; the server is on 127.0.0.1."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.config import load_config
from newstui.errors import ConfigError, SourceError
from newstui.library import Library
from newstui.sources.http import Fetcher, FetchLimits

AUDIO = b"ID3" + bytes(4093)


def rss(base: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Intranet News</title>'
        f"<link>{base}/</link><item><title>Canteen opens</title><link>{base}/a1</link>"
        f"<guid>{base}/a1</guid><description>The canteen opens on Monday, the minister said."
        f'</description><enclosure url="{base}/ep1.mp3" type="audio/mpeg" length="4096"/>'
        "</item></channel></rss>"
    ).encode()


def openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


@pytest.fixture
def private_ca(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A CA made here (its certificate) and a certificate for 127.0.0.1 it signed (with its
    key): the CA's PEM file, the server's certificate and key."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a CA")
    folder = tmp_path / "pki"
    folder.mkdir()
    ca, ca_key = folder / "ca.pem", folder / "ca-key.pem"
    cert, key, request = folder / "server.pem", folder / "server-key.pem", folder / "server.csr"
    ca_ext, server_ext = folder / "ca.ext", folder / "server.ext"
    ca_ext.write_text(
        "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
        "subjectKeyIdentifier=hash\n",
        "utf-8",
    )
    server_ext.write_text(
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n"
        "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n",
        "utf-8",
    )
    openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Intranet Test CA",
            "-keyout", str(ca_key), "-out", str(folder / "ca.csr"))  # fmt: skip
    openssl("x509", "-req", "-in", str(folder / "ca.csr"), "-signkey", str(ca_key), "-days", "2",
            "-extfile", str(ca_ext), "-out", str(ca))  # fmt: skip
    openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", str(key), "-out", str(request))  # fmt: skip
    openssl("x509", "-req", "-in", str(request), "-CA", str(ca), "-CAkey", str(ca_key),
            "-CAcreateserial", "-days", "2", "-extfile", str(server_ext), "-out", str(cert))  # fmt: skip
    return ca, cert, key


@pytest.fixture
def intranet(private_ca: tuple[Path, Path, Path]) -> Iterator[tuple[str, Path, list[str]]]:
    """An https server on 127.0.0.1 behind the private CA's certificate serving a feed
    (/feed.xml), its article's page and an episode: its base URL, the CA's file, the paths
    asked of it."""
    ca, cert, key = private_ca
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            asked.append(self.path)
            body, kind = {
                "/feed.xml": (rss(base), "application/rss+xml"),
                "/ep1.mp3": (AUDIO, "audio/mpeg"),
            }.get(self.path, (b"<html><body><p>A page.</p></body></html>", "text/html"))
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    httpd.daemon_threads = True
    base = f"https://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield base, ca, asked
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_cert_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def config_with(tmp_path: Path, base: str, settings: str = "") -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(
        f'[settings]\nfulltext = false\ndownload_dir = "{tmp_path / "dl"}"\n{settings}\n'
        f'[[feeds]]\nname = "Intranet"\nurl = "{base}/feed.xml"\n',
        "utf-8",
    )
    return path


def run(tmp_path: Path, config: Path, *args: str) -> int:
    return main(["--db", str(tmp_path / "n.db"), "--config", str(config), *args])


def stored_titles(tmp_path: Path) -> list[str]:
    with Library.open(tmp_path / "n.db") as library:
        return [a.title for a in library.articles(limit=None)]


def test_a_feed_on_a_private_ca_host_is_one_line_naming_the_certificate_and_ca_file(
    intranet: tuple[str, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ca, asked = intranet
    config = config_with(tmp_path, base)
    assert run(tmp_path, config, "fetch") == 1
    err = capsys.readouterr().err
    [line] = [line for line in err.splitlines() if "Intranet" in line]
    assert line == (
        f"error: Intranet: cannot connect to {base.removeprefix('https://')}: its certificate is "
        "signed by an authority not known here (unable to get local issuer certificate): to "
        "trust it, set ca_file in [settings] to its certificate or its CA's, a PEM file "
        "(README: Configuration)"
    ), line
    assert asked == [] and stored_titles(tmp_path) == []  # nothing asked unchecked


def test_settings_ca_file_trusts_the_hosts_ca_for_feeds_and_downloads(
    intranet: tuple[str, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ca, asked = intranet
    # relative: read beside feeds.toml, as [sync]'s
    (tmp_path / "intranet-ca.pem").write_bytes(ca.read_bytes())
    config = config_with(tmp_path, base, 'ca_file = "intranet-ca.pem"\n')
    assert load_config(config).settings.ca_file == str(tmp_path / "intranet-ca.pem")
    assert run(tmp_path, config, "fetch") == 0, capsys.readouterr().err
    assert stored_titles(tmp_path) == ["Canteen opens"]
    [article] = [a["id"] for a in _json(capsys, tmp_path, config, "list")]
    capsys.readouterr()
    assert run(tmp_path, config, "download", str(article)) == 0, capsys.readouterr()
    [episode] = (tmp_path / "dl").rglob("*.mp3")
    assert episode.read_bytes() == AUDIO
    assert asked == ["/feed.xml", "/ep1.mp3"]


def _json(capsys: pytest.CaptureFixture[str], tmp_path: Path, config: Path, *args: str) -> list:
    import json

    capsys.readouterr()
    assert run(tmp_path, config, *args, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_a_download_from_a_private_ca_host_without_ca_file_fails_naming_it(
    intranet: tuple[str, Path, list[str]], tmp_path: Path
) -> None:
    import httpx

    from newstui.sources.http import describe_transport_error
    from newstui.sources.transfer import new_client

    base, ca, _asked = intranet
    with new_client(5) as client, pytest.raises(httpx.ConnectError) as refused:
        client.get(f"{base}/ep1.mp3")
    said = describe_transport_error(refused.value)
    assert "its certificate is signed by an authority not known here" in said, said
    assert "set ca_file in [settings]" in said
    with new_client(5, str(ca)) as client:
        assert client.get(f"{base}/ep1.mp3").content == AUDIO


def test_ssl_cert_file_is_honoured_for_feeds_and_pages(
    intranet: tuple[str, Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, ca, _asked = intranet

    async def fetched(limits: FetchLimits) -> bytes:
        async with Fetcher(limits) as fetcher:
            return (await fetcher.fetch(f"{base}/a1")).body

    with pytest.raises(SourceError, match="its certificate is signed by an authority"):
        asyncio.run(fetched(FetchLimits(timeout=5)))
    assert b"A page." in asyncio.run(fetched(FetchLimits(timeout=5, ca_file=str(ca))))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    assert b"A page." in asyncio.run(fetched(FetchLimits(timeout=5)))


def test_another_ca_in_ca_file_trusts_nothing_more(
    intranet: tuple[str, Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import certifi

    base, _ca, asked = intranet
    other = tmp_path / "other.pem"  # certificates, but none of this host's CA
    other.write_text(Path(certifi.where()).read_text("utf-8")[:20000].rpartition(
        "-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n", "utf-8")  # fmt: skip
    config = config_with(tmp_path, base, f'ca_file = "{other}"\n')
    assert run(tmp_path, config, "fetch") == 1
    assert "its certificate is signed by an authority not known here" in capsys.readouterr().err
    assert asked == []


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("missing.pem", "does not exist"),
        (".", "is a folder, not a PEM file of certificates"),
        ("empty.pem", "holds no PEM certificate"),
    ],
)
def test_a_settings_ca_file_that_cannot_be_used_is_one_config_line(
    tmp_path: Path, written: str, problem: str
) -> None:
    (tmp_path / "empty.pem").write_text("not a certificate\n", "utf-8")
    config = tmp_path / "feeds.toml"
    config.write_text(f'[settings]\ntimeout = 5\nca_file = "{written}"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"feeds\.toml:3: setting 'ca_file' ") as info:
        load_config(config)
    assert problem in str(info.value) and "\n" not in str(info.value)


def test_an_empty_settings_ca_file_is_none(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nca_file = ""\n', "utf-8")
    assert load_config(config).settings.ca_file == ""


@pytest.fixture
def plain_feed() -> Iterator[str]:
    """A plain-http feed on 127.0.0.1 (no TLS, no ca_file needed): its URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = rss(base).replace(b"Canteen opens", b"Plain news")
            if self.path == "/ep1.mp3":
                body = AUDIO
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def test_a_ca_file_gone_since_the_config_loaded_fails_only_https_feeds_with_one_line(
    intranet: tuple[str, Path, list[str]], plain_feed: str, tmp_path: Path
) -> None:
    """Review r52 MED-1: the file moved while the app runs: the https feed fails with a line
    naming the setting and the file, the plain-http one is fetched; no bare errno text."""
    from newstui.ingest.pipeline import fetch_feeds

    base, ca, asked = intranet
    kept = tmp_path / "my-ca.pem"
    kept.write_bytes(ca.read_bytes())
    path = config_with(tmp_path, base, f'ca_file = "{kept}"\n')
    path.write_text(
        path.read_text("utf-8") + f'[[feeds]]\nname = "Plain"\nurl = "{plain_feed}/feed.xml"\n',
        "utf-8",
    )
    config = load_config(path)
    kept.rename(tmp_path / "my-ca.pem.away")
    with Library.open(tmp_path / "n.db") as library:
        outcomes = {o.name: o for o in asyncio.run(fetch_feeds(library, config, analyse=False))}
    assert outcomes["Plain"].error is None and outcomes["Plain"].new == 1
    error = outcomes["Intranet"].error or ""
    assert error == (
        f"Intranet: setting 'ca_file' {kept} does not exist (it changed after the config was read)"
    ), error
    assert asked == [] and stored_titles(tmp_path) == ["Plain news"]


def test_a_ca_file_gone_or_emptied_fails_https_downloads_only(
    intranet: tuple[str, Path, list[str]], plain_feed: str, tmp_path: Path
) -> None:
    from newstui.sources.transfer import TransferError, new_client

    base, _ca, _asked = intranet
    kept = tmp_path / "my-ca.pem"
    for replaced in (None, b"not a certificate\n"):
        kept.unlink(missing_ok=True)
        if replaced is not None:
            kept.write_bytes(replaced)
        with new_client(5, str(kept)) as client:
            with pytest.raises(TransferError) as info:
                client.get(f"{base}/ep1.mp3")
            assert client.get(f"{plain_feed}/ep1.mp3").content == AUDIO
        problem = "holds no PEM certificate" if replaced else "does not exist"
        assert str(info.value).startswith(f"setting 'ca_file' {kept} {problem}"), info.value


def test_a_fetcher_whose_ca_file_is_gone_raises_source_error(
    intranet: tuple[str, Path, list[str]], tmp_path: Path
) -> None:
    base, _ca, _asked = intranet

    async def fetched() -> None:
        async with Fetcher(FetchLimits(timeout=5, ca_file=str(tmp_path / "gone.pem"))) as f:
            await f.fetch(f"{base}/a1")

    with pytest.raises(SourceError, match=r"setting 'ca_file' .*gone\.pem does not exist"):
        asyncio.run(fetched())


def test_a_ca_file_that_is_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    """Review r52 LOW-1: opening a FIFO with no writer blocks: it is never opened."""
    import os

    fifo = tmp_path / "fifo.pem"
    os.mkfifo(fifo)
    config = tmp_path / "feeds.toml"
    config.write_text(f'[settings]\nca_file = "{fifo}"\n', "utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert str(info.value) == (
        f"{config}:2: setting 'ca_file' {fifo} is not a regular file (a PEM file of certificates)"
    )
