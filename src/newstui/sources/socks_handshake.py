"""httpx's transport through a SOCKS5 proxy (downloads), its handshake bounded by the connect
timeout: httpcore reads the proxy's SOCKS5 answers with no time limit (encode/httpcore#1015),
so a proxy that took the connection and said nothing held a download for ever. The sync client
needs none of this: each of its requests runs within a deadline of its own."""

from __future__ import annotations

import ssl
from typing import Any

import httpcore
import httpx

from newstui.sources.proxies import Proxy

_NOT_GIVEN: Any = object()  # (a read httpcore asks for with no timeout at all: the handshake's)


class SocksSilent(Exception):
    """The SOCKS5 proxy said nothing within the connect timeout during its handshake: before it
    was asked for the origin (`asked` False: its greeting or login unanswered) or after."""

    def __init__(self, seconds: float, *, asked: bool) -> None:
        super().__init__(f"the SOCKS5 proxy did not answer within {seconds:g} s")
        self.seconds, self.asked = seconds, asked

    def said(self, proxy: Proxy, where: str) -> str:
        """In words, as the feed client says it (connections.Relay.timed_out): "the proxy … did
        not answer when asked for news.example: timed out after 10 s"."""
        asked = f" when asked for {where}" if self.asked else ""
        timed_out = f"timed out after {self.seconds:g} s"
        return f"the proxy {proxy.shown} did not answer{asked}: {timed_out}"


class _HandshakeStream(httpcore.NetworkStream):
    """A connection to the proxy whose reads and writes asked with no timeout (httpcore's
    SOCKS5 handshake asks so, and nothing else does) take the connect timeout."""

    def __init__(self, stream: httpcore.NetworkStream, seconds: float, *, login: bool) -> None:
        self._stream, self._seconds = stream, seconds
        # the writes before the proxy is asked for the origin: its greeting, and its login
        self._before_asking = 2 if login else 1
        self._writes = 0

    def read(self, max_bytes: int, timeout: float | None = _NOT_GIVEN) -> bytes:
        if timeout is not _NOT_GIVEN:
            return self._stream.read(max_bytes, timeout)
        try:
            return self._stream.read(max_bytes, self._seconds)
        except httpcore.ReadTimeout:
            asked = self._writes > self._before_asking
            raise SocksSilent(self._seconds, asked=asked) from None

    def write(self, buffer: bytes, timeout: float | None = _NOT_GIVEN) -> None:
        if timeout is _NOT_GIVEN:
            self._writes += 1
            timeout = self._seconds
        self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return self._stream.start_tls(ssl_context, server_hostname, timeout)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _HandshakeBounded(httpcore.NetworkBackend):
    """httpcore's own (blocking sockets) backend, each connection to the proxy bounded in its
    handshake by the connect timeout (10 s when a request gives none)."""

    def __init__(self, *, login: bool) -> None:
        self._backend = httpcore.SyncBackend()
        self._login = login

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        seconds = timeout if timeout is not None else 10.0
        return _HandshakeStream(stream, seconds, login=self._login)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return self._backend.connect_unix_socket(path, timeout, socket_options)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def socks_transport(proxy: Proxy, verify: ssl.SSLContext | None = None) -> httpx.HTTPTransport:
    """An httpx transport through the SOCKS5 `proxy` (the name resolved by the proxy, as httpx
    always has it), its handshake bounded (SocksSilent); `verify`: the TLS context to check
    certificates with, else certifi's CA bundle. Needs socksio."""
    tls = verify if verify is not None else httpx.create_ssl_context(trust_env=False)
    transport = httpx.HTTPTransport(verify=tls, trust_env=False)
    url = httpx.URL(proxy.httpx_url)
    auth = None
    if proxy.credentials is not None:
        user, password = proxy.credentials
        auth = (user.encode(), password.encode())
    # (httpx builds its SOCKS pool without a network backend to give: this one is built as
    # httpx builds it, with one; `_pool` is the transport's single pool, used since httpx 0.18)
    transport._pool = httpcore.SOCKSProxy(
        proxy_url=httpcore.URL(scheme=b"socks5", host=url.raw_host, port=url.port, target=b"/"),
        proxy_auth=auth,
        ssl_context=tls,
        max_connections=100,  # (httpx's default limits)
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=_HandshakeBounded(login=auth is not None),
    )
    return transport
