"""A `feeds` table's folders cell that folds at a "/" (or at a space, or a ", " between folders), not
in the middle of a folder's name: `News/Europe/` over `Nordics/Norway`, where rich's own fold
gave `News/Europe/Nordic` over `s/Norway` (user test r50 LOW-12)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.measure import Measurement
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

# a path's part with the "/" after it, a folder's word with its space, a folder with its ", "
_PIECE = re.compile(r"[^/, ]*(?:/|,? +|,|$)")


def path_pieces(plain: str) -> list[str]:
    """`plain` in the pieces a line may break after: each part of a path with its "/", each
    folder of a list with its ", ", a word with its space ("News/", "Europe, ", "AC∕DC ",
    "Fans")."""
    return [piece for piece in _PIECE.findall(plain) if piece]


def widest_piece(plain: str) -> int:
    """The cells of `plain`'s widest piece: the narrowest it lays out without a fold."""
    return max((cell_len(piece.rstrip()) for piece in path_pieces(plain)), default=0)


def folded_lines(plain: str, width: int) -> list[str]:
    """`plain` in lines of at most `width` cells, broken after a "/", a space or ", " where it can be;
    a piece wider than the whole width alone is folded where the width ends."""
    width = max(width, 1)
    lines: list[str] = []
    line = ""
    for piece in path_pieces(plain):
        if line and cell_len((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
        while cell_len(line.rstrip()) > width:  # one piece wider than the width: folded
            head = Text(line).divide([_cells_offset(line, width)])[0].plain
            lines.append(head)
            line = line[len(head) :]
    if line.rstrip() or not lines:
        lines.append(line.rstrip())
    return lines


def _cells_offset(plain: str, width: int) -> int:
    """How many characters of `plain` fill at most `width` cells (one at least)."""
    used = 0
    for offset, character in enumerate(plain):
        used += cell_len(character)
        if used > width:
            return max(offset, 1)
    return len(plain)


class FolderCell:
    """A rich renderable for one row's folders: it asks for its widest piece at least and its
    whole text at most, and lays itself out broken after a "/", a space or ", "."""

    def __init__(self, plain: str) -> None:
        self.plain = plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        narrowest = widest_piece(self.plain)
        return Measurement(narrowest, cell_len(self.plain)).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(folded_lines(self.plain, options.max_width)), no_wrap=True)
