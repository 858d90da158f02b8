"""Shortening names to a width: URLs and paths in the middle (they differ at the end), words at the end."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

ELLIPSIS = "…"


def middle_ellipsis(text: Text | str, width: int) -> Text:
    """`text` cut to `width` cells with "…": in the middle for a URL or path, else at the end."""
    text = Text(text) if isinstance(text, str) else text
    if text.cell_len <= width:
        return text.copy()
    if width <= 1:
        return Text(ELLIPSIS[:width])
    if "/" not in text.plain:
        out = text[: _fit_start(text.plain, width - 1)]
        out.rstrip()
        out.append(ELLIPSIS)
        return out
    room = width - 1
    head_cells = (room + 1) // 2
    plain = text.plain
    head = _fit_start(plain, head_cells)
    tail = _fit_end(plain, room - cell_len(plain[:head]))
    out = text[:head]
    out.append(ELLIPSIS)
    out.append_text(text[len(plain) - tail :])
    return out


def ellipsis_parts(plain: str, width: int) -> tuple[str, str | None]:
    """`middle_ellipsis` on a plain string, as (the start with its "…", the end kept after it);
    the end is None when nothing was cut in the middle (`Text` gives that end its own span)."""
    if cell_len(plain) <= width:
        return plain, None
    if width <= 1:
        return ELLIPSIS[:width], None
    if "/" not in plain:
        return plain[: _fit_start(plain, width - 1)].rstrip() + ELLIPSIS, None
    room = width - 1
    head = _fit_start(plain, (room + 1) // 2)
    tail = _fit_end(plain, room - cell_len(plain[:head]))
    return plain[:head] + ELLIPSIS, plain[len(plain) - tail :]


def _fit_start(plain: str, cells: int) -> int:
    """How many characters from the start fit in `cells`."""
    used = 0
    for count, char in enumerate(plain):
        used += cell_len(char)
        if used > cells:
            return count
    return len(plain)


def _fit_end(plain: str, cells: int) -> int:
    """How many characters from the end fit in `cells`."""
    return _fit_start(plain[::-1], cells)
