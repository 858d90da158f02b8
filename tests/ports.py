"""TCP ports on 127.0.0.1 for tests: one that refuses connections (a server address with nothing
behind it), or a free one for a server a test starts itself. Shared by tests/sync and tests/tui."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A port on 127.0.0.1 that no one listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_HELD: list[socket.socket] = []  # (bound, never listening: for the life of the test run)


def refused_port() -> int:
    """A port on 127.0.0.1 that refuses connections for the rest of the run: bound here and never
    listened on, so no other process can take it (a port free_port found closed was taken by a
    server of a test suite running beside this one, and answered HTTP 501 where the test
    expected nothing: final CI run of round 37)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    _HELD.append(s)
    return int(s.getsockname()[1])
