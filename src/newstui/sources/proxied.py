"""httpx transports that send each request through the proxy the environment sets for its URL
(sources.proxies), for downloads and sync: httpx's own `trust_env` would read certificate paths
too, and its no_proxy patterns know no networks. A proxy that fails is named in the error."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Generic, TypeVar

import httpx

from newstui.errors import hide_url_password
from newstui.sources.connections import (
    authority,
    connect_reason,
    forwarder_failed,
    tunnel_refused,
)
from newstui.sources.proxies import (
    SOCKS_SCHEMES,
    Proxy,
    ProxyError,
    ProxySettings,
    proxy_settings,
    socks_support_missing,
)
from newstui.sources.socks_handshake import SocksSilent, socks_transport
from newstui.text import clean_line

T = TypeVar("T")


class ProxyFailed(httpx.ConnectError):
    """No connection through a proxy: unreachable, refused the tunnel, or unusable; the message
    is said to a reader as it is."""


_VIA = "newstui.proxy"  # (a request's extension: the Proxy it went through)


def through_proxy(exc: httpx.HTTPError) -> Proxy | None:
    """The proxy a request that failed went through (None: direct, or not known), for its
    error to name (hostile r47 L2: "the server closed the connection", a proxy's doing)."""
    try:
        proxy = exc.request.extensions.get(_VIA)
    except RuntimeError:  # (no request attached)
        return None
    return proxy if isinstance(proxy, Proxy) else None


def _proxy_of(request: httpx.Request) -> tuple[Proxy | None, ProxySettings]:
    settings = proxy_settings()
    try:
        url = request.url
        return settings.proxy_for(url.scheme, url.host, url.port), settings
    except ProxyError as exc:  # (its variable cannot be used: only what it would serve fails)
        raise ProxyFailed(str(exc), request=request) from None


def proxy_of_url(url: str) -> Proxy | None:
    """The proxy a request for `url` goes through, if any (None too when its variable cannot be
    used, or the URL is not one)."""
    try:
        return proxy_settings().proxy_for_url(url)
    except (ProxyError, ValueError):
        return None


def _key(proxy: Proxy | None, request: httpx.Request, settings: ProxySettings) -> str | None:
    """Which transport serves the request (None: direct); ProxyFailed for a SOCKS proxy httpx
    cannot speak to without its extra."""
    if proxy is None:
        return None
    if proxy.scheme in SOCKS_SCHEMES and (missing := socks_support_missing(settings)):
        raise ProxyFailed(missing, request=request)
    return proxy.httpx_url


def _said(
    exc: httpx.TransportError, proxy: Proxy | None, request: httpx.Request
) -> ProxyFailed | None:
    """The error of a request through `proxy`, naming it: None when no proxy is to blame."""
    if proxy is None:
        return None
    url = request.url
    if isinstance(exc, httpx.ProxyError):  # it answered the tunnel's request with an error
        where = authority(url.scheme, url.host, url.port)
        answer = str(exc)  # (httpcore's "407 Proxy Authentication Required": its status line)
        code = answer[:3] if answer[:3].isdigit() else ""
        answer = f"HTTP {answer}" if code else answer
        return ProxyFailed(tunnel_refused(proxy, where, code, answer), request=request)
    if isinstance(exc, httpx.ConnectError):
        cause: BaseException = exc
        while cause.__cause__ or cause.__context__:  # the OS's own error, under httpcore's
            cause = cause.__cause__ or cause.__context__  # type: ignore[assignment]
        if isinstance(cause, ssl.SSLError):  # (the origin's TLS, in the tunnel)
            return None
        # (a SOCKS proxy too: review r47 L5)
        said = f"cannot connect to the proxy {proxy.shown}: {connect_reason(cause)}"
        return ProxyFailed(said, request=request)
    return None


def _socks_broken(
    exc: Exception, proxy: Proxy | None, request: httpx.Request
) -> ProxyFailed | None:
    """socksio's own error, which httpcore lets through (`ProtocolError: Malformed reply`, a
    SOCKS5 answer cut short: a traceback in downloads and sync), as the proxy's, and its
    handshake unanswered (SocksSilent: netfix r48, a download held for ever); else None."""
    if proxy is None:
        return None
    if isinstance(exc, SocksSilent):
        where = authority(request.url.scheme, request.url.host, request.url.port)
        return ProxyFailed(exc.said(proxy, where), request=request)
    if not type(exc).__module__.startswith("socksio"):
        return None
    said = f"the proxy {proxy.shown} did not answer as a SOCKS5 proxy ({clean_line(str(exc), 80)})"
    return ProxyFailed(said, request=request)


def _forwarder_failed(
    proxy: Proxy | None, request: httpx.Request, response: httpx.Response
) -> ProxyFailed | None:
    """A forwarding HTTP proxy's own failure in its answer to a plain-http request (its 407,
    naming the cure; an error it says it made; a 502 or 504), naming it, as
    connections.forwarder_failed says it for feeds: None for any other answer."""
    if response.status_code < 400 or proxy is None or proxy.scheme != "http":
        return None
    if request.url.scheme != "http":  # (https went through its CONNECT tunnel: the origin's)
        return None
    where = authority("http", request.url.host, request.url.port)
    status, reason = response.status_code, response.reason_phrase
    raw = [(name.lower(), value) for name, value in response.headers.raw]  # (as h11 gives them)
    failed = forwarder_failed(proxy, where, status, reason, raw)
    return ProxyFailed(str(failed), request=request) if failed is not None else None


class _Routes(Generic[T]):
    """A transport for each proxy (None: direct), made at its first request (`make`: from its
    httpx URL and the proxy)."""

    def __init__(self, make: Callable[[str | None, Proxy | None], T]) -> None:
        self._make = make
        self.made: dict[str | None, T] = {}

    def pick(self, request: httpx.Request) -> tuple[T, Proxy | None]:
        """The transport a request goes through, and its proxy."""
        proxy, settings = _proxy_of(request)
        key = _key(proxy, request, settings)
        transport = self.made.get(key)
        if transport is None:
            try:
                transport = self.made[key] = self._make(key, proxy)
            except httpx.InvalidURL:  # (one ProxySettings takes and httpx does not)
                assert proxy is not None
                said = f"{proxy.variable}={hide_url_password(proxy.url)}: not a proxy URL"
                raise ProxyFailed(f"{said} httpx can use", request=request) from None
        return transport, proxy


class ProxiedTransport(httpx.BaseTransport):
    """Each request through the transport its proxy (or none) calls for."""

    def __init__(self, make: Callable[[str | None, Proxy | None], httpx.BaseTransport]) -> None:
        self._routes = _Routes(make)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        transport, proxy = self._routes.pick(request)
        if proxy is not None:
            request.extensions[_VIA] = proxy
        try:
            response = transport.handle_request(request)
        except httpx.TransportError as exc:
            if (said := _said(exc, proxy, request)) is None:
                raise
            raise said from None
        except Exception as exc:
            if (broken := _socks_broken(exc, proxy, request)) is None:
                raise
            raise broken from None
        if (failed := _forwarder_failed(proxy, request, response)) is not None:
            response.close()
            raise failed
        return response

    def close(self) -> None:
        for transport in self._routes.made.values():
            transport.close()


class AsyncProxiedTransport(httpx.AsyncBaseTransport):
    """ProxiedTransport's asynchronous twin (the sync client's)."""

    def __init__(
        self, make: Callable[[str | None, Proxy | None], httpx.AsyncBaseTransport]
    ) -> None:
        self._routes = _Routes(make)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport, proxy = self._routes.pick(request)
        if proxy is not None:
            request.extensions[_VIA] = proxy
        try:
            response = await transport.handle_async_request(request)
        except httpx.TransportError as exc:
            if (said := _said(exc, proxy, request)) is None:
                raise
            raise said from None
        except Exception as exc:
            if (broken := _socks_broken(exc, proxy, request)) is None:
                raise
            raise broken from None
        if (failed := _forwarder_failed(proxy, request, response)) is not None:
            await response.aclose()
            raise failed
        return response

    async def aclose(self) -> None:
        for transport in self._routes.made.values():
            await transport.aclose()


def proxied_transport(verify: ssl.SSLContext | None = None) -> ProxiedTransport:
    """A transport for httpx.Client: no environment read but the proxies; a SOCKS5 proxy's
    handshake bounded by the connect timeout (socks_handshake); `verify`: the TLS context to
    check certificates with (sources.trust's), else certifi's bundle."""
    return ProxiedTransport(lambda url, proxy: _transport(url, proxy, verify))


def _transport(
    url: str | None, proxy: Proxy | None, verify: ssl.SSLContext | None
) -> httpx.BaseTransport:
    if proxy is not None and proxy.scheme in SOCKS_SCHEMES:
        return socks_transport(proxy, verify)
    return httpx.HTTPTransport(
        verify=verify if verify is not None else True, trust_env=False, proxy=url
    )


def async_proxied_transport(verify: ssl.SSLContext | None = None) -> AsyncProxiedTransport:
    """A transport for httpx.AsyncClient, as proxied_transport (the sync client's requests each
    run within a deadline: a SOCKS5 handshake unanswered ends with it); `verify`: the TLS
    context to check certificates with (the sync's: sync.trust), else certifi's bundle."""
    tls: ssl.SSLContext | bool = verify if verify is not None else True
    return AsyncProxiedTransport(
        lambda url, proxy: httpx.AsyncHTTPTransport(verify=tls, trust_env=False, proxy=url)
    )
