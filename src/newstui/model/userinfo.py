"""A URL without its `user:password@`: a module of its own, importing nothing, because the feed
parser's compiled modules (sources/urls.py, setup.py) call it, and mypyc type-checks what they
import with only mypy beside it at install (link_key imports idna: the compile failed and newstui
installed as pure Python, r45)."""

from __future__ import annotations


def without_userinfo(url: str) -> str:
    """The URL without a `user:password@` (a password in the sync url is never stored or shown; a
    feed's is never put in its links; a link stored with one before r45 is its entry's link)."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
