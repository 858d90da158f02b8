"""Hosts in a fetch: the order feeds' requests start in, and one name for a host's spellings."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest
from urllib.parse import urlsplit

from newstui.config import FeedConfig


def hosts_in_turn(feeds: Sequence[FeedConfig]) -> list[FeedConfig]:
    """The feeds one host at a time in turn (a1, b1, c1, a2, b2, a3…), the order their requests
    start in: the feeds of one busy host never fill every slot while other hosts wait."""
    by_host: dict[str, list[FeedConfig]] = {}
    for feed in feeds:
        try:
            host = urlsplit(feed.url).hostname or ""
        except ValueError:  # the fetch reports it
            host = ""
        by_host.setdefault(host, []).append(feed)
    turns = zip_longest(*by_host.values())
    return [feed for turn in turns for feed in turn if feed is not None]


def host_of(url: str) -> str:
    """The host a URL names, as host_key spells it ("" when it names none)."""
    try:
        return host_key(urlsplit(url).hostname or "")
    except ValueError:  # (the fetch says why)
        return ""


def host_key(host: str) -> str:
    """One name for the spellings of a host that reach one server (hostile r45 L1: 127.0.0.1,
    127.1, 2130706433 and 0x7f000001 each had slots of their own): case and a trailing dot
    dropped, an IP address as its one written form (IPv4 in the forms the resolver takes)."""
    import ipaddress
    import socket

    host = host.lower().removesuffix(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if host[:1].isdigit():
        try:  # (as getaddrinfo reads a numeric host: inet_aton's shorter and hex forms)
            return str(ipaddress.IPv4Address(socket.inet_aton(host)))
        except (OSError, ValueError):
            pass
    return host
