"""What a worker process has imported, asked from a test (a module of its own, light to import:
the worker imports it to run `loaded`)."""

from __future__ import annotations

import sys


def loaded(*names: str) -> dict[str, bool]:
    """Whether each module is imported in this process."""
    return {name: name in sys.modules for name in names}
