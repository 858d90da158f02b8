"""Which proxy a request goes through: the environment's http_proxy, https_proxy, all_proxy and
no_proxy, read as curl reads them, for feeds, pages, downloads and sync alike.

Lower case first, then upper case (HTTP_PROXY is ignored in a CGI script, where a request's
`Proxy:` header sets it: "httpoxy"). A proxy URL without a scheme is http://. no_proxy lists
host names (a name matches itself and its subdomains; a leading dot or `*.` is the same),
addresses and networks (`10.0.0.0/8`), or `*` for every host. Loopback hosts (localhost,
127.0.0.0/8, ::1) never go through a proxy, which could not reach them. Nothing else of the
environment is read (no ~/.netrc, no certificate paths): httpx's `trust_env` stays off.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlsplit

from newstui.errors import LOGIN_PLACEHOLDER, NetworkError, NewstuiError, hide_url_password

PROXY_SCHEMES = ("http", "socks5", "socks5h")  # what every client here speaks
SOCKS_SCHEMES = frozenset({"socks5", "socks5h"})
# what httpx needs for a SOCKS proxy (socksio): newstui's extra, or httpx's own beside it
SOCKS_EXTRA = "pip install 'newstui[socks]' (or 'httpx[socks]')"


class ProxyError(NewstuiError):
    """A proxy variable that cannot be used (its URL, or a kind of proxy not supported)."""


class ProxyFailure(NetworkError):
    """A request its proxy failed (unreachable, its login refused, not speaking its protocol):
    not the feed's failure, so not counted against the feed (for a day at most), and a
    refresh by hand tries it again, as after a failure of the network."""


class RelayFailure(NetworkError):
    """A request its proxy did not get to the origin, or closed unanswered; `proxy`: which
    (Proxy.address). The feed's failure when other hosts are reached through that proxy, the
    proxy's when none is (connections.RelayFailed; ingest decides)."""

    def __init__(self, message: str, proxy: str) -> None:
        super().__init__(message)
        self.proxy = proxy


SOCKS_FIELD_BYTES = 255  # SOCKS5's longest user name, password and host name (one length byte)


@dataclass(frozen=True, slots=True)
class Proxy:
    """A proxy as a variable gives it: `url` as written (its password too), and where it is."""

    url: str
    variable: str  # the variable it came from ("https_proxy")
    scheme: str  # http, socks5 (names resolved here) or socks5h (by the proxy)
    host: str
    port: int
    credentials: tuple[str, str] | None = None

    @property
    def shown(self) -> str:
        """The proxy as a message names it, password hidden: "http://u:***@px:3128 (http_proxy)"."""
        return f"{hide_url_password(self.url)} ({self.variable})"

    @property
    def address(self) -> str:
        """Which proxy server it is, whichever variable names it: "http://px:3128"."""
        where = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{where}:{self.port}"

    @property
    def login_hint(self) -> str:
        """What a proxy asking for a login (407) wants, said after its answer."""
        if self.credentials:
            return f"(it refused the user and password of {self.variable})"
        where = f"[{self.host}]" if ":" in self.host else self.host
        return (
            "(it asks for a user and password: "
            f"{self.variable}=http://{LOGIN_PLACEHOLDER}@{where}:{self.port})"
        )

    @property
    def httpx_url(self) -> str:
        """The URL httpx takes (its socks5:// resolves names at the proxy, as socks5h://)."""
        return self.url if self.scheme != "socks5h" else "socks5://" + self.url.split("://", 1)[1]


@dataclass(frozen=True, slots=True)
class ProxySettings:
    """The proxies of an environment, by the scheme of the URL fetched."""

    http: Proxy | None = None
    https: Proxy | None = None
    bypass: tuple[str, ...] = ()  # no_proxy's entries, lower case, without a leading dot
    # a variable that cannot be used, by the scheme it would serve: why, naming it (ProxyError)
    unusable_http: str | None = None
    unusable_https: str | None = None

    def proxy_for(self, scheme: str, host: str) -> Proxy | None:
        """The proxy a request for scheme://host goes through, or None (direct); ProxyError when
        its variable cannot be used (then only the requests it would serve fail)."""
        proxy = self.https if scheme == "https" else self.http
        unusable = self.unusable_https if scheme == "https" else self.unusable_http
        if (proxy is None and unusable is None) or _loopback(host) or self._bypassed(host):
            return None
        if unusable is not None:
            raise ProxyError(unusable)
        return proxy

    @property
    def unusable(self) -> tuple[str, ...]:
        """Why each variable that cannot be used cannot (one line each, naming it)."""
        return tuple(dict.fromkeys(u for u in (self.unusable_http, self.unusable_https) if u))

    @property
    def socks(self) -> Proxy | None:
        """A SOCKS proxy among them, if any."""
        return next((p for p in (self.http, self.https) if p and p.scheme in SOCKS_SCHEMES), None)

    def _bypassed(self, host: str) -> bool:
        host = host.lower().strip("[]").rstrip(".")
        for entry in self.bypass:
            if entry == "*" or host == entry or host.endswith("." + entry):
                return True
            if "/" in entry or _is_address(entry):
                try:
                    if ipaddress.ip_address(host) in ipaddress.ip_network(entry, strict=False):
                        return True
                except ValueError:
                    continue
        return False


def proxy_settings(environ: Mapping[str, str] | None = None) -> ProxySettings:
    """The proxies the environment sets (os.environ unless given); a variable whose URL cannot
    be used is kept as its error, which `proxy_for` raises for the requests it would serve."""
    env = os.environ if environ is None else environ
    if environ is None:
        return _settings_of(tuple(sorted((k, v) for k, v in env.items() if "proxy" in k.lower())))
    return _read(env)


@cache
def _settings_of(items: tuple[tuple[str, str], ...]) -> ProxySettings:
    return _read(dict(items))


def _read(env: Mapping[str, str]) -> ProxySettings:
    cgi = "REQUEST_METHOD" in env  # (then HTTP_PROXY may be a request's header: not trusted)
    every = _variable(env, "all_proxy", upper=True)
    http = _variable(env, "http_proxy", upper=not cgi) or every
    https = _variable(env, "https_proxy", upper=True) or every
    bypass_text = env.get("no_proxy") or env.get("NO_PROXY") or ""
    bypass = tuple(
        entry.strip().lower().removeprefix("*.").lstrip(".")
        for entry in bypass_text.split(",")
        if entry.strip()
    )
    (http_proxy, unusable_http), (https_proxy, unusable_https) = _usable(http), _usable(https)
    return ProxySettings(http_proxy, https_proxy, bypass, unusable_http, unusable_https)


def _usable(variable: tuple[str, str] | None) -> tuple[Proxy | None, str | None]:
    """The proxy a variable gives, or why it cannot be used."""
    try:
        return (_proxy(*variable) if variable else None), None
    except ProxyError as exc:
        return None, str(exc)


def _variable(env: Mapping[str, str], name: str, *, upper: bool) -> tuple[str, str] | None:
    for variable in (name, name.upper()) if upper else (name,):
        value = (env.get(variable) or "").strip()
        if value:
            return variable, value
    return None


def _proxy(variable: str, value: str) -> Proxy:
    url = value if "://" in value else f"http://{value}"
    shown = f"{variable}={hide_url_password(value)}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ProxyError(f"{shown}: not a proxy URL (scheme://host:port)") from None
    scheme = parts.scheme.lower()
    if scheme not in PROXY_SCHEMES:
        kinds = ", ".join(f"{kind}://" for kind in PROXY_SCHEMES)
        raise ProxyError(f"{shown}: {scheme}:// proxies are not supported ({kinds})")
    if not parts.hostname:
        raise ProxyError(f"{shown}: not a proxy URL (scheme://host:port)")
    credentials = None
    if parts.username is not None:
        credentials = (unquote(parts.username), unquote(parts.password or ""))
    too_long = any(len(part.encode()) > SOCKS_FIELD_BYTES for part in credentials or ())
    if scheme in SOCKS_SCHEMES and too_long:
        raise ProxyError(
            f"{shown}: its user name or password is longer than SOCKS5 allows "
            f"({SOCKS_FIELD_BYTES} bytes)"
        )
    default = 1080 if scheme in SOCKS_SCHEMES else 80
    return Proxy(url, variable, scheme, parts.hostname, port or default, credentials)


def _loopback(host: str) -> bool:
    host = host.lower().strip("[]").rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def socks_support_missing(settings: ProxySettings) -> str | None:
    """The line saying what to install when a SOCKS proxy is set and httpx (downloads, sync)
    cannot speak to it; None when it can or none is set."""
    socks = settings.socks
    if socks is None:
        return None
    from importlib.util import find_spec

    if find_spec("socksio") is None:  # (httpx's SOCKS support; the feed client has its own)
        return f"the SOCKS proxy {socks.shown} needs the socks extra: {SOCKS_EXTRA}"
    return None


def unusable_line(reason: str, names: Sequence[str]) -> str:
    """A proxy variable that cannot be used, said once, with the feeds it keeps from being
    fetched: "http_proxy=ftp://px: …; 2 feeds not fetched: Wire, Blog" (the reason alone when
    none)."""
    if not names:
        return reason
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    feeds = "feed" if len(names) == 1 else "feeds"
    return f"{reason}; {len(names)} {feeds} not fetched: {shown}"


def unusable_lines(feeds: Iterable[tuple[str, str]]) -> list[str]:
    """Each proxy variable of the environment that cannot be used, in one line naming the feeds
    (name, url) it would serve (the app says them at its start, as `fetch` does after a run)."""
    settings = proxy_settings()
    if not settings.unusable:
        return []
    served: dict[str, list[str]] = {reason: [] for reason in settings.unusable}
    for name, url in feeds:
        try:
            parts = urlsplit(url)
            settings.proxy_for(parts.scheme, parts.hostname or "")
        except ValueError:  # (an address the fetch refuses on its own)
            continue
        except ProxyError as exc:
            served.setdefault(str(exc), []).append(name)
    return [unusable_line(reason, names) for reason, names in served.items()]
