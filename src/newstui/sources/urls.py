"""Which URLs newstui follows: absolute http(s) with a host. Apart from the HTTP client so
parsing (in worker processes too) does not load it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from newstui.model.userinfo import without_userinfo as without_userinfo  # (not link_key: idna)
from newstui.text import strip_controls

_SPACE = re.compile(r"\s")  # str.isspace's characters
# The spaces a link as written may hold, which a browser percent-encodes: U+0020 and Unicode's other
# space separators (category Zs). Tabs, line breaks and other controls are refused, not encoded.
_LINE_CONTROLS = re.compile("[\t\n\r]")
_BEFORE_QUERY = re.compile(r"[^?#]*")  # (always matches)
_ENCODED_SPACE = re.compile("[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Longer is no link: browsers and servers refuse far shorter ones (a hostile feed's megabytes
# in one attribute were stored whole, in each article's links).
MAX_URL = 16_384
# Most links: http(s), a host of plain characters (no user, no brackets), perhaps a port, then only
# printable ASCII. Such a URL passes every check below; anything else is checked in full.
_PLAIN_HTTP = re.compile(r"https?://[A-Za-z0-9\-._~%!$&'()*+,=;]+(?::[0-9]*)?(?:[/?#][!-~]*)?")


def host_within(host: str, domains: tuple[str, ...]) -> bool:
    """Whether `host` is one of `domains` or a host under one ("www.inoreader.com" under
    "inoreader.com"; "notinoreader.com" is not)."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)


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
    # (a backslash ends the host for a browser, not for urllib or httpx: `http://a.example\@b`
    # is fetched from b and opened on a)
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.hostname)
        and "\\" not in parts.netloc
    )


PORT_REFUSED = (
    "has a port that is no number from 0 to 65535 (a /, ? or # in a password is written %2F, "
    "%3F or %23)"
)


def port_refused(url: str) -> bool:
    """Whether an http(s) URL's port is no number a fetch can use (`host:8O80`, `host:99999`, a
    password's `/` read as the port's end): httpx refuses it at every fetch."""
    try:
        parts = urlsplit(url)
    except ValueError:  # (refused for its brackets, not for its port)
        return False
    try:
        parts.port  # noqa: B018 (raises for a port that is no number, or too large)
    except ValueError:  # (its text quotes the port: a password's start, with a / in it)
        return True
    return False


def invalid_url_detail(url: str, refused: Exception) -> str:
    """What follows "invalid URL" in a line about `url`, which a URL parser `refused`: the
    parser's text in parentheses only when `url` holds no `@`, as that text quotes a part of the
    URL: of `http://me:s3c/ret@host/feed` httpx says "Invalid port: 's3c'", a password's start
    (review r46 H1). With one, ": it " and PORT_REFUSED for a port that is no number, else
    nothing."""
    if "@" not in url:
        return f" ({refused})"
    return f": it {PORT_REFUSED}" if port_refused(url) else ""


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


def web_url_at(url: object, base: str | None = None) -> str | None:
    """web_url of a link as written in a document read from `base` (a feed's final address after
    redirects, or an xml:base): a relative one (`audio/e.mp3`, `/pub/e.mp3`, `//cdn/e.mp3`) is
    joined to the base first, as a browser reads it (a backslash before its query is a slash:
    `/\\evil.example/x` is evil.example's, r45 L2); a link web_url keeps is kept as it is. Never
    with a user or password (the feed url's `me:secret@`, which a join keeps, or the document's
    own): a link is shown, opened in a browser and synced; a download is sent the feed's
    credentials by its origin (downloads.feed_credentials). None as web_url: empty, another
    scheme, control characters, no http(s) URL once joined."""
    kept = web_url(url)
    if kept is None and base and isinstance(url, str):
        written = url.strip()
        if not written or len(written) > MAX_URL or _LINE_CONTROLS.search(written):
            return None  # (urljoin drops a tab or line break: refused here, as web_url refuses it)
        if strip_controls(written) != written:
            return None  # (urljoin drops a leading one: "\x01//evil/x" was http://evil/x)
        before = len(_BEFORE_QUERY.match(written)[0])  # type: ignore[index]
        written = written[:before].replace("\\", "/") + written[before:]
        try:
            kept = web_url(urljoin(base, written))
        except ValueError:  # a malformed base or link ("http://[::1/x")
            return None
    return without_userinfo(kept) if kept is not None and "@" in kept else kept


# Schemes that stand for a feed over HTTP (Safari's and iTunes' feed and podcast links):
# "feed://host/x" is http://host/x, "feed:https://host/x" is https://host/x.
_FEED_SCHEMES = re.compile(r"(?:feed|itpc|pcast|podcast):", re.I)


def feed_url_of(url: str) -> str:
    """A feed address (an OPML outline's, a newsboat urls line's) as newstui fetches it: feed://,
    feed:https:// (and the podcast apps' itpc://, pcast://) as the http(s) URL they stand for;
    anything else as it is."""
    scheme = _FEED_SCHEMES.match(url)
    if scheme is None:
        return url
    rest = url[scheme.end() :]
    if rest.lower().startswith(("http://", "https://")):
        return rest
    return "http:" + rest if rest.startswith("//") else url


def local_file_of(url: str) -> Path | None:
    """The file a `file:` URL names on this machine (`file:///home/me/feed.xml`,
    `file://localhost/…`, percent-escapes decoded), as newsboat reads such a feed; None for
    another scheme, another host, or a path holding control characters."""
    if url[:5].lower() != "file:":
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
        return None
    path = unquote(parts.path)
    if not path.isprintable():  # (a line break, a control or format character: refused)
        return None
    return Path(path)


# What a local path looks like: a file URL, "/", "~", "./", "../" or a Windows drive.
_LOCAL_PATH = re.compile(r"(?:file:|[/~]|\.{1,2}[/\\]|[A-Za-z]:[/\\])", re.I)


def not_a_feed_reason(url: str) -> str:
    """Why an address (an OPML outline's xmlUrl, a newsboat urls line) is not a feed newstui can
    subscribe to."""
    if _LOCAL_PATH.match(url):
        return (
            "a local file, not a web feed (`newstui import PATH` reads it once, a [[local]] "
            "entry in feeds.toml on every fetch)"
        )
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):(?!\d)", url)
    if scheme and not url.lower().startswith(("http:", "https:")):
        return f"not an http(s) feed URL (scheme {scheme.group(1).lower()}:)"
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+(:\d+)?(/\S*)?", url):
        return f"not an absolute http(s) URL; did you mean https://{url} ?"
    return "not an absolute http(s) URL"
