"""A `[[feeds]]` url no fetch can read: why (each time, naming no line), the http(s) address
one written without its scheme most likely means, and how its control characters are shown."""

from __future__ import annotations

import re


def url_meant(url: str) -> str | None:
    """The http(s) address an address written without its scheme most likely means
    (`127.0.0.1:8746/x.xml`: http://…, as a server on this machine or on a port of its own
    most likely answers plain http; `example.com/feed`: https://…); None for anything else."""
    host = r"(localhost|[\w-]+(?:\.[\w-]+)+)"
    bare = re.fullmatch(rf"{host}(?::(\d+))?/\S*|{host}(?::(\d+))?", url)
    if bare is None:
        return None
    name, port = bare[1] or bare[3], bare[2] or bare[4]
    if bare[1] is None and name != "localhost" and name.count(".") < 2 and not port:
        return None  # ("a.b" alone is no address: "feed.xml")
    local = name == "localhost" or name.startswith("127.")
    scheme = "http" if local or (port and port not in ("443", "8443")) else "https"
    return f"{scheme}://{url}"


def url_read(url: str) -> str:
    """A `[[feeds]]` url as a fetch reads it: `feed://host/x` (`feed:https://…`, `itpc://`,
    `pcast://`) as the http(s) URL it stands for and a space in its path as %20, as `add` and
    `opml import` read them (user test r50 LOW-19: a newsboat user's `feed://` line copied in
    by hand was refused); any other url as written. The editors of the file find an entry by
    its url so read."""
    from newstui.sources.urls import feed_url_of, web_url

    return web_url(feed_url_of(url.strip())) or url


def escapes_shown(text: str) -> str:
    """`text` with each character that cannot be shown written as Python writes it in a string
    (`\\x07`, `\\x1b`, `\\u2028`), as the config's other lines show such a value."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def url_refusal(url: str) -> str | None:
    """Why a fetch would refuse a feed url (each time, naming no line of the config), or None:
    is_http_url's checks, with the reason."""
    from newstui.sources.urls import MAX_URL, PORT_REFUSED, is_http_url, port_refused

    if not re.match(r"(?i)^https?://[^\s/]+", url):
        return "is not an http(s) URL"
    if is_http_url(url):
        return PORT_REFUSED if port_refused(url) else None
    if any(c.isspace() for c in url):
        return "has white space in it (a space is written %20)"
    if len(url) > MAX_URL:
        return f"is longer than {MAX_URL:,} characters"
    return "has no host name"
