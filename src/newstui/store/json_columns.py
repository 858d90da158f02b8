"""Stored JSON columns read back."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def json_list(value: str | None) -> list[Any]:
    """A stored JSON list column; a value some other tool wrote badly reads as empty."""
    try:
        parsed = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []
