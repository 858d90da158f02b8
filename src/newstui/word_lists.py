"""Names listed in a line of words: "A", "A and B", "A, B and C", "A, B, C and 4 more" (the one
way messages list names; they wrote it six ways: review r48), and the "did you mean" offering
them ("'A', 'B' or 'C'": it was written two ways, review r49)."""

from __future__ import annotations

from collections.abc import Sequence


def listed(names: Sequence[str], shown: int = 3, last_word: str = "and") -> str:
    """`names` for a line: up to `shown` of them named ("A, B and C"), the others counted
    ("A, B, C and 1,204 more"); "" for none. `last_word` joins the last ("A, B or C")."""
    if len(names) > shown:
        return f"{', '.join(names[:shown])} {last_word} {len(names) - shown:,} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} {last_word} {names[-1]}"
    return "".join(names)


def did_you_mean(names: Sequence[str], shown: int = 3) -> str:
    """ " (did you mean 'A', 'B' or 'C'?)" for the names a typed one was likely meant for, each
    quoted, past `shown` the rest counted ("… or 2 more?"); "" for none."""
    if not names:
        return ""
    return f" (did you mean {listed([repr(name) for name in names], shown, 'or')}?)"
