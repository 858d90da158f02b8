"""Which URLs newstui follows: absolute http(s) with a host. Apart from the HTTP client so
parsing (in worker processes too) does not load it."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from newstui.text import strip_controls

_SPACE = re.compile(r"\s")  # str.isspace's characters
# The spaces a link as written may hold, which a browser percent-encodes: U+0020 and Unicode's other
# space separators (category Zs). Tabs, line breaks and other controls are refused, not encoded.
_ENCODED_SPACE = re.compile("[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Longer is no link: browsers and servers refuse far shorter ones (a hostile feed's megabytes
# in one attribute were stored whole, in each article's links).
MAX_URL = 16_384
# Most links: http(s), a host of plain characters (no user, no brackets), perhaps a port, then only
# printable ASCII. Such a URL passes every check below; anything else is checked in full.
_PLAIN_HTTP = re.compile(r"https?://[A-Za-z0-9\-._~%!$&'()*+,=;]+(?::[0-9]*)?(?:[/?#][!-~]*)?")


def is_http_url(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host, no white space and no control characters,
    of at most MAX_URL characters."""
    if url and len(url) <= MAX_URL and _PLAIN_HTTP.fullmatch(url) is not None:
        return True
    return checked_in_full(url)


def checked_in_full(url: str | None) -> bool:
    """is_http_url's definition, without its shortcut for plain URLs (which must agree with it)."""
    if not url or len(url) > MAX_URL or _SPACE.search(url.strip()) or strip_controls(url) != url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def web_url(url: object) -> str | None:
    """A link as a browser requests it, or None when newstui does not follow it: white space
    around it dropped, a space inside the path, query or fragment percent-encoded as browsers do
    (`my file.mp3` → `my%20file.mp3`; feeds in the wild write such links). Refused as by
    is_http_url: another scheme, no host, a space in the host, tabs, line breaks and other
    control characters, more than MAX_URL characters (encoded)."""
    if not isinstance(url, str):
        return None
    if is_http_url(url):
        return url.strip()
    written = url.strip()
    if len(written) > MAX_URL or not _ENCODED_SPACE.search(written):
        return None  # refused for another reason than a space
    try:
        if _SPACE.search(urlsplit(written).netloc):
            return None
    except ValueError:
        return None
    encoded = _ENCODED_SPACE.sub(lambda space: quote(space[0], safe=""), written)
    return encoded if is_http_url(encoded) else None
