"""Names listed in a line of words: "A", "A and B", "A, B and C", "A, B, C and 4 more" (the one
way messages list names; they wrote it six ways: review r48)."""

from __future__ import annotations

from collections.abc import Sequence


def listed(names: Sequence[str], shown: int = 3) -> str:
    """`names` for a line: up to `shown` of them named ("A, B and C"), the others counted
    ("A, B, C and 1,204 more"); "" for none."""
    if len(names) > shown:
        return f"{', '.join(names[:shown])} and {len(names) - shown:,} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return "".join(names)
