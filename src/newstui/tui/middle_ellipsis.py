"""Shortening names to a width: URLs and paths in the middle (they differ at the end), words at the end."""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size
from rich.text import Text

ELLIPSIS = "…"
SEPARATORS = " ·•|/-–—:,;&+"  # what a name may join its parts with ("Politics · Wikinews")
# between the parts of a name; a quoted or bracketed part begins one too (user test r45 L5:
# `Windows “1…` for "Windows “1252” Feed"). "&" and "+" join the words of one name ("Courts &
# Justice", "Food + Drink"): a cut there said "Courts…" beside the feed "Court Side", where
# "Courts & Justi…" fits (user test r52 L11); they are still never left before the "…"
_PART_BREAK = re.compile(r"\s+[·•|/\-–—]\s+|[:;,]\s+|\s+(?=[“‘«„‹(\[「『])")

_URL_START = re.compile(r"[a-zA-Z][\w+.-]*://(?:[^\s/?#@]*@)?")  # a scheme, and a user if any


def url_start(plain: str) -> int:
    """How long the scheme and user of a name that is a URL are (`http://me:***@`: what a name
    too wide for its place can do without first); 0 for any other name."""
    if "://" not in plain:  # the common case, without the pattern
        return 0
    start = _URL_START.match(plain)
    return start.end() if start else 0


def looks_like_path(plain: str) -> bool:
    """Whether a name is (or holds) a URL or a file path, which differ at their end and are cut
    in the middle: a scheme (`https://`), a word starting `/`, `~/`, `./` or `../`, a host
    before a slash (`example.org/rss.xml`), or one word with a slash and a dot
    (`notes/today.txt`). A name that only has a slash ("AC/DC News", "Politics / World",
    "24/7 Wall St.") is a name."""
    if "/" not in plain:
        return False
    if "://" in plain:
        return True
    words = plain.split()
    for word in words:
        if "/" not in word or word == "/":
            continue
        if word.startswith(("/", "~/", "./", "../")) or "." in word.split("/", 1)[0]:
            return True
        if len(words) == 1 and "." in word:
            return True
    return False


EllipsisCut = tuple[int, str, int | None]
"""Where a string too wide is cut, (head, mark, tail): `plain[:head]`, then the mark ("…"), then
`plain[tail:]` when tail is not None (the end kept after a "…" in the middle). A plain tuple,
not a NamedTuple: every headline row drawn with its source cuts a name."""


def ellipsis_cut(plain: str, width: int) -> EllipsisCut | None:
    """Where to cut `plain` to `width` cells with "…" (in the middle for a URL or path, else at
    the end); None when it fits. The one cut behind `middle_ellipsis` and `ellipsis_parts`."""
    if cell_len(plain) <= width:
        return None
    if width <= 1:
        return 0, ELLIPSIS[:width], None
    if not looks_like_path(plain):
        return len(_cut_at_end(plain, width - 1)), ELLIPSIS, None
    room = width - 1
    head = _fit_start(plain, (room + 1) // 2)
    tail = _fit_end(plain, room - cell_len(plain[:head]))
    return head, ELLIPSIS, len(plain) - tail


def middle_ellipsis(text: Text | str, width: int) -> Text:
    """`text` cut to `width` cells with "…": in the middle for a URL or path, else at the end.
    The kept parts keep their styles; the "…" takes the text's own style."""
    text = Text(text) if isinstance(text, str) else text
    cut = ellipsis_cut(text.plain, width)
    if cut is None:
        return text.copy()
    head, mark, tail = cut
    out = text[:head]
    out.append(mark)
    if tail is not None:
        out.append_text(text[tail:])
    return out


def ellipsis_parts(plain: str, width: int) -> tuple[str, str | None]:
    """`middle_ellipsis` on a plain string, as (the start with its "…", the end kept after it);
    the end is None when nothing was cut in the middle (`Text` gives that end its own span)."""
    cut = ellipsis_cut(plain, width)
    if cut is None:
        return plain, None
    head, mark, tail = cut
    return plain[:head] + mark, None if tail is None else plain[tail:]


def shared_start(names: list[str]) -> int:
    """How long the start all these names share is, to its last word's end when it has one
    ("News Desk " of "News Desk 10" and "News Desk 11")."""
    first, last = min(names), max(names)  # (the start they share is theirs)
    size = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b),
        min(len(first), len(last)),
    )
    common = first[:size]
    space = common.rfind(" ")
    return space + 1 if space > 0 else len(common)


def told_apart(name: str, shared: int, cells: int) -> tuple[str, str | None]:
    """`name` in `cells` keeping what follows its first `shared` characters, which tells it
    apart from names that start alike: after as much of the start as fits and "…", or alone."""
    rest = name[shared:]
    room = cells - 1 - cell_len(rest)  # for the start, before the "…"
    start = name[:shared].rstrip(SEPARATORS)
    if room >= 2 and start:
        return set_cell_size(start, min(room, cell_len(start))).rstrip(SEPARATORS) + ELLIPSIS, rest
    return ellipsis_parts(rest, cells)


def _cut_at_end(plain: str, cells: int) -> str:
    """The start of `plain` that fits `cells`; a cut that would split the word after a
    separator ends at the part before it ("Sport · Wi…" → "Sport…"), and no separator is left
    dangling before the "…"."""
    head = _fit_start(plain, cells)
    kept = plain[:head]
    if head < len(plain) and not plain[head].isspace():  # the cut splits a word
        breaks = [m.start() for m in _PART_BREAK.finditer(kept) if m.start() > 0]
        if breaks:
            kept = kept[: breaks[-1]]
    return kept.rstrip(SEPARATORS)


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
