"""Which proxy a request goes through: the environment's http_proxy, https_proxy, all_proxy and
no_proxy, read as curl reads them, for feeds, pages, downloads and sync alike.

Lower case first, then upper case (HTTP_PROXY is ignored in a CGI script, where a request's
`Proxy:` header sets it: "httpoxy"). A proxy URL without a scheme is http://. no_proxy lists,
apart by commas or blanks, host names (a name matches itself and its subdomains; a leading dot
or `*.`, a trailing dot, upper case and an IDN spelling of a punycode name are the same),
addresses and networks (`10.0.0.0/8`, `2001:db8::/32`, IPv6 in brackets or not; an address host
is matched by these only), each perhaps with a port (`news.example:8080`: that port alone), or
`*` for every host. Loopback hosts (localhost, 127.0.0.0/8 however spelled: `127.1`,
`2130706433`, `0x7f000001`; ::1, ::ffff:127.0.0.1; 0.0.0.0, which Linux connects to this
machine) never go through a proxy, which could not reach them. Nothing else of the
environment is read (no ~/.netrc, no certificate paths): httpx's `trust_env` stays off.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlsplit

from newstui.errors import LOGIN_PLACEHOLDER, NetworkError, NewstuiError, hide_url_password
from newstui.word_lists import listed

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
    proxy's when none is (connections.RelayFailed; ingest decides). `silent`: the proxy said
    nothing at all when asked for the host (a black hole): the proxy's unless a feed through it
    was answered, though that feed's host be the only one asked for."""

    def __init__(self, message: str, proxy: str, *, silent: bool = False) -> None:
        super().__init__(message)
        self.proxy = proxy
        self.silent = silent


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
    bypass: tuple[Bypass, ...] = ()  # no_proxy's entries
    # a variable that cannot be used, by the scheme it would serve: why, naming it (ProxyError)
    unusable_http: str | None = None
    unusable_https: str | None = None

    def proxy_for(self, scheme: str, host: str, port: int | None = None) -> Proxy | None:
        """The proxy a request for scheme://host:port goes through, or None (direct); ProxyError
        when its variable cannot be used (then only the requests it would serve fail)."""
        proxy = self.https if scheme == "https" else self.http
        unusable = self.unusable_https if scheme == "https" else self.unusable_http
        if proxy is None and unusable is None:
            return None
        name, address = _host_key(host)
        if _loopback(name, address) or self._bypassed(name, address, port or _PORTS.get(scheme)):
            return None
        if unusable is not None:
            raise ProxyError(unusable)
        return proxy

    def proxy_for_url(self, url: str) -> Proxy | None:
        """The proxy a request for `url` goes through, by its scheme, host and port (a no_proxy
        entry with a port bypasses only that port): every place that asks which proxy served a
        URL asks here. ValueError when `url` is none; ProxyError as proxy_for."""
        parts = urlsplit(url)
        return self.proxy_for(parts.scheme.lower(), parts.hostname or "", parts.port)

    @property
    def unusable(self) -> tuple[str, ...]:
        """Why each variable that cannot be used cannot (one line each, naming it)."""
        return tuple(dict.fromkeys(u for u in (self.unusable_http, self.unusable_https) if u))

    @property
    def socks(self) -> Proxy | None:
        """A SOCKS proxy among them, if any."""
        return next((p for p in (self.http, self.https) if p and p.scheme in SOCKS_SCHEMES), None)

    def _bypassed(self, name: str, address: _Address | None, port: int | None) -> bool:
        for entry in self.bypass:
            if entry.port is not None and entry.port != port:
                continue
            if entry.network is not None:  # (an address host is matched by these alone, as curl)
                if address is not None and any(a in entry.network for a in _forms(address)):
                    return True
            elif entry.name == "*" or (
                address is None and (name == entry.name or name.endswith("." + entry.name))
            ):
                return True
        return False


_PORTS = {"http": 80, "https": 443}
_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Bypass:
    """One entry of no_proxy: a host name (`name`, ASCII lower case, no dots around) or an
    address or network, and the port it is for (None: any)."""

    name: str
    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
    port: int | None = None


_ENTRY_PORT = re.compile(r"(?P<host>\[[^\]]*\](?:/\d+)?|[^:]*)(?::(?P<port>\d{1,5}))?")


def _bypass(text: str) -> Bypass | None:
    """A no_proxy entry as curl reads it (and a port, as Go's and Python's clients read it)."""
    entry = text.lower()
    port = None
    if entry.count(":") == 1 or entry.startswith("["):  # (an IPv6 address has two or more)
        found = _ENTRY_PORT.fullmatch(entry)
        if found is None:
            return None
        entry, port = found["host"], int(found["port"]) if found["port"] else None
    entry = entry.replace("[", "").replace("]", "").removeprefix("*.").strip(".")
    if not entry:
        return None
    try:
        network = ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return Bypass(_ascii_name(entry), None, port)
    return Bypass(entry, network, port)


def _host_key(host: str) -> tuple[str, _Address | None]:
    """A host as no_proxy and loopback compare it: its name (ASCII lower case, no trailing dot,
    no brackets) and the address it is, if it is one (`127.1` too, as the resolver reads it)."""
    name = host.lower().strip("[]").rstrip(".")
    return _ascii_name(name), _address(name)


def _ascii_name(name: str) -> str:
    """A host name as it goes out: punycode for an IDN one (`bücher.example` and
    `xn--bcher-kva.example` are one host)."""
    if name.isascii():
        return name
    try:
        import idna  # (httpx's own, which spelled the name it sends)

        return idna.encode(name, uts46=True).decode("ascii")
    except UnicodeError:  # (idna.IDNAError is one)
        return name


_IPV4_SPELLING = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}")


def _address(host: str) -> _Address | None:
    """The address a host is, spelled as an address: every IPv4 spelling the resolver takes
    (`127.1`, `2130706433`, `0x7f000001`, as inet_aton), an IPv6 one (its zone left out)."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if _IPV4_SPELLING.fullmatch(host) is None:
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _forms(address: _Address) -> tuple[_Address, ...]:
    """An address, and the IPv4 one an IPv4-mapped IPv6 address stands for (::ffff:10.1.1.1)."""
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    return (address, mapped) if mapped is not None else (address,)


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
    entries = (_bypass(text) for text in re.split(r"[,\s]+", bypass_text) if text)
    bypass = tuple(entry for entry in entries if entry is not None)
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
    shown = f"{variable}={_value_shown(value)}"
    if not value.isprintable():  # (httpx refuses it at each download and sync: review r47 M3)
        raise ProxyError(f"{shown}: not a proxy URL (it holds a control character)")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ProxyError(f"{shown}: not a proxy URL (scheme://host:port)") from None
    scheme = parts.scheme.lower()
    if scheme not in PROXY_SCHEMES:
        kinds = ", ".join(f"{kind}://" for kind in PROXY_SCHEMES)
        raise ProxyError(f"{shown}: {scheme[:20]}:// proxies are not supported ({kinds})")
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


SHOWN_VALUE_CHARS = 120  # of a variable's value in its error line, which then names its feeds


def _value_shown(value: str) -> str:
    """A variable's value as its error line shows it: password hidden, control characters
    written as escapes (`\\x7f`), and a long one cut in its middle, so the line keeps its end."""
    shown = hide_url_password(value)
    if not shown.isprintable():
        shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in shown)
    if len(shown) > SHOWN_VALUE_CHARS:
        shown = f"{shown[: SHOWN_VALUE_CHARS - 21]}…{shown[-20:]}"
    return shown


def _loopback(name: str, address: _Address | None) -> bool:
    """A host on this machine: localhost (and its subdomains), a loopback address however
    spelled, or the unspecified one (0.0.0.0, ::), which Linux connects to this machine."""
    if address is None:
        return name == "localhost" or name.endswith(".localhost")
    return any(a.is_loopback or a.is_unspecified for a in _forms(address))


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
    shown = listed(names)
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
            settings.proxy_for_url(url)
        except ValueError:  # (an address the fetch refuses on its own)
            continue
        except ProxyError as exc:
            served.setdefault(str(exc), []).append(name)
    return [unusable_line(reason, names) for reason, names in served.items()]
