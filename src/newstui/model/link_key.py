"""An article link as the store compares it (model.fold_url is a feed URL's): the IRI a feed
writes (`…/Wanda_Vázquez`) and the URI a sync server sends for it (`…/Wanda_V%C3%A1zquez`) are
one link, and links that really differ (`a%2Fb` and `a/b`, another query order) stay apart."""

from __future__ import annotations

import re

import idna

from newstui.model.userinfo import without_userinfo as without_userinfo

# RFC 3986 2.3: characters whose percent-encoding means the character itself
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# ASCII a URI never holds as it is (RFC 3986 2, 3987 3.1): a server that sends the link as a URI
# percent-encodes them, as browsers do
_NOT_IN_URIS = frozenset(' "<>\\^`{|}\x7f') | {chr(c) for c in range(0x20)}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_HEX = "0123456789ABCDEF"
_ASCII_SPACE = " \t\n\r\f\v"
_PLAIN = re.compile(r"[A-Za-z0-9:/?#\[\]@!$&'()*+,;=._~-]*")  # (`%` aside: nothing to redo)


def link_key(url: str) -> str:
    """`url` as links are compared: the scheme and host lower case (an IDN host as IDNA,
    `xn--…`, however written), every character outside ASCII and every one a URI cannot hold
    percent-encoded as UTF-8, %-escapes in upper case and those of an unreserved character
    (RFC 3986 2.3) decoded, an empty path "/". Anything else stays exactly as written."""
    text = url.strip(_ASCII_SPACE)  # (a no-break space at the end is the link's own)
    scheme = _SCHEME.match(text)
    if scheme is None:
        return _uri_text(text)
    rest = text[scheme.end() :]
    head = scheme.group(1).lower() + ":"
    if not rest.startswith("//"):
        return head + _uri_text(rest)
    end = min((i for i in (rest.find(c, 2) for c in "/?#") if i >= 0), default=len(rest))
    authority, tail = rest[2:end], rest[end:]
    if tail[:1] in ("", "?", "#"):
        tail = "/" + tail
    return f"{head}//{_authority(authority)}{_uri_text(tail)}"


def same_link(a: str | None, b: str | None) -> bool:
    """Whether two links (None: none) are one, compared by link_key."""
    return a == b or (a is not None and b is not None and link_key(a) == link_key(b))


def link_key_if_other(url: str | None) -> str | None:
    """What the store keeps beside a link (articles.link_key): its link_key when that is not the
    link itself, else None (most links: the key is then the link, coalesce(link_key, url))."""
    if url is None:
        return None
    key = link_key(url)
    return None if key == url else key


def _authority(authority: str) -> str:
    """userinfo@host:port with the host lower case and as IDNA; the user and port as written."""
    user, at, hostport = authority.rpartition("@")
    if hostport.startswith("["):  # an IPv6 literal
        return f"{user}{at}{hostport.lower()}"
    host, colon, port = hostport.partition(":")
    if "%" in host:
        host = _unescaped_utf8(host)
    if not host.isascii():
        host = ".".join(_idna(label) for label in host.split("."))
    return f"{_uri_text(user)}{at}{host.lower()}{colon}{port}"


def _idna(label: str) -> str:
    """A host label as IDNA 2008 with UTS 46 mapping, not transitional, as browsers and httpx
    ask for it ("straße" stays apart from "strasse": Python's own "idna" codec, IDNA 2003,
    made them one); a label that IDNA refuses, percent-encoded."""
    if label.isascii():
        return label
    try:
        return idna.encode(label, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return _uri_text(label.lower())


def _unescaped_utf8(text: str) -> str:
    """`text` with its %-escapes decoded, when they are UTF-8 (else as it is)."""
    try:
        return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text).encode("latin-1").decode()
    except UnicodeError:  # (a character outside Latin-1 as written, or not UTF-8)
        return text


def _uri_text(text: str) -> str:
    """Path, query or fragment as a URI: see link_key."""
    if _PLAIN.fullmatch(text):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "%" and _ESCAPE.match(text, i):
            byte = int(text[i + 1 : i + 3], 16)
            out.append(chr(byte) if byte in _UNRESERVED else "%" + text[i + 1 : i + 3].upper())
            i += 3
            continue
        if char.isascii() and char not in _NOT_IN_URIS:
            out.append(char)
        else:
            out.extend(f"%{_HEX[b >> 4]}{_HEX[b & 15]}" for b in char.encode("utf-8", "replace"))
        i += 1
    return "".join(out)
