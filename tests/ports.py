"""A free TCP port on 127.0.0.1, for a test that needs a server address with nothing behind it
(or a server it starts itself): shared by tests/sync and tests/tui."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A port on 127.0.0.1 that no one listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
