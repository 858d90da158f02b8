"""An article's body laid out for a width, as a terminal reader draws it: a table's columns
aligned (each row its own indented lines when the table is wider than the width), a nested
list's items indented under their parent, and the
hanging indent a wrapped item, row, code or quote line keeps.

The stored text has no indentation (cleaning strips lines' leading spaces) and its table rows
are cells apart (" | "): the spaces are added here, to the drawn text only, after the quotes,
mentions and markers are styled and placed, so no stored offset moves."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newstui.text import BULLETS, CELLS, GUTTER, QUOTE_LEVEL

if TYPE_CHECKING:
    from rich.text import Text

# A Style meta key on a line's first character: the columns its wrapped lines are drawn in
# from (a list item's under its words, past the bullet; a wide table row's two in), and
# HANG_HEAD how many first characters are the item's marker, which the first line keeps
# before the wrapped words (the reader's and `show`'s wrap reads both: body_wrap.py)
HANG = "newstui.hang"
HANG_HEAD = "newstui.hang_head"
HANG_DRAWN = "newstui.hang_drawn"  # True: each wrapped line draws the head again (a code line's)
INDENT = 2  # columns a nested list's items go in from their parent's, a wide row's lines
_BULLET_LEVELS = {bullet: depth for depth, bullet in enumerate(BULLETS)}  # (text.BULLETS)
_NUMBERED = re.compile(r"[0-9]{1,6}\. ")
# A line's hanging indent: the column its wrapped lines start at, how many of its first
# characters are drawn before them on its first line (an item's marker, a code line's
# indentation and gutter), and whether each wrapped line draws those again
Hang = tuple[int, int, bool]


def laid_out(body: Text, width: int | None = None) -> Text:
    """`body` (the highlighted text: markers and speaker tags in it) with table columns aligned
    in `width` columns (`None`: whatever their width, for a pager or a pipe), nested list items
    indented, and the hanging indents of list items and wide table rows marked (HANG)."""
    plain = body.plain
    if (
        CELLS not in plain
        and not any(bullet in plain for bullet in BULLETS)
        and ". " not in plain
        and QUOTE_LEVEL not in plain
    ):
        return body
    inserts: dict[int, str] = {}  # where, in the body → the spaces drawn there
    hangs: dict[int, Hang] = {}  # a line's start → its hang
    lines = plain.split("\n")
    starts: list[int] = []
    at = 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    _items_indented(lines, starts, inserts, hangs)
    _tables_aligned(lines, starts, width, inserts, hangs)
    if QUOTE_LEVEL in plain:
        _quotes_marked(lines, starts, hangs)
    if not inserts and not hangs:
        return body
    from rich.style import Style
    from rich.text import Text

    places = sorted(set(inserts) | set(hangs))
    pieces = body.divide(places)
    out = Text(style=body.style, end=body.end)
    out.append_text(pieces[0])
    marked: list[tuple[int, Hang]] = []  # (a line's start in `out`, its hang)
    for place, piece in zip(places, pieces[1:], strict=True):
        if (line_hang := hangs.get(place)) is not None:
            marked.append((len(out.plain), line_hang))
        if spaces := inserts.get(place):
            out.append(spaces)
        out.append_text(piece)
    for begin, (hang, head, drawn) in marked:  # (styled once the line's characters are there)
        meta = {HANG: hang, HANG_HEAD: head, HANG_DRAWN: drawn}
        out.stylize(Style(meta=meta), begin, begin + 1)
    return out


def _item_marker(line: str) -> tuple[str, int] | None:
    """A list item's marker at the start of `line` ("• ", "12. ") and its level by its bullet
    (-1 for a number: its level depends on the lines before), or None."""
    if len(line) > 2 and line[1] == " " and line[0] in _BULLET_LEVELS:
        return line[:2], _BULLET_LEVELS[line[0]]
    if line[:1].isdigit() and (found := _NUMBERED.match(line)) is not None:
        return found.group(), -1
    return None


def _items_indented(
    lines: list[str],
    starts: list[int],
    inserts: dict[int, str],
    hangs: dict[int, Hang],
) -> None:
    """Each list item's line indented by its depth (a bullet's by its glyph; a numbered item
    one in from the bulleted item above it on its lines, a list in that item), its wrapped
    lines under its words; a code block on an item's lines under its words too."""
    last_bullet = last_number = -1  # the levels of the paragraph's last items of each kind
    words = 0  # where the paragraph's last item's words start (0: no item above)
    for i, (line, start) in enumerate(zip(lines, starts, strict=True)):
        if not line:
            last_bullet = last_number = -1
            words = 0
            continue
        if words and line.startswith(GUTTER):  # (a <pre> in the item: its gutter repeated)
            inserts[start] = " " * words
            hangs[start] = (words + len(GUTTER), words + len(GUTTER), True)
            continue
        found = _item_marker(line)
        if found is None:
            continue
        marker, level = found
        if level < 0 and not words and not _item_next(lines, i):
            continue  # (a paragraph such as "1. FC Köln beat Bayern": no list around it)
        if level < 0:  # (a number: as the numbers above it, else one in from a bullet above)
            level = last_number if last_number >= 0 else last_bullet + 1
            last_number = level
        else:
            last_bullet = level
            if level <= last_number:  # (back out of a numbered list nested in an item)
                last_number = -1
        indent = INDENT * level
        if indent:
            inserts[start] = " " * indent
        words = indent + len(marker)
        hangs[start] = (words, len(marker), False)


def _item_next(lines: list[str], i: int) -> bool:
    """Whether the line after `lines[i]`, in its paragraph, is a list item: a numbered line
    with no item above it is one only then (html_to_text writes a list's items a line each)."""
    return i + 1 < len(lines) and _item_marker(lines[i + 1]) is not None


_QUOTE_LEVELS = re.compile(r"(?:> )+")


def _quotes_marked(lines: list[str], starts: list[int], hangs: dict[int, Hang]) -> None:
    """Each line that begins with a quote's marks (text.QUOTE_LEVEL: a <blockquote>'s
    paragraph, or its line after a <br>, as html_to_text stores them) with its wrapped lines
    drawn after them. A line without marks gets none: the text alone says what is quoted (a
    mail-style reply's own words under a `> ` line are not the quote)."""
    for line, start in zip(lines, starts, strict=True):
        if line.startswith(QUOTE_LEVEL) and (found := _QUOTE_LEVELS.match(line)) is not None:
            levels = found.group()
            hangs.setdefault(start, (len(levels), len(levels), True))


def _cell_widths(row: str) -> list[int]:
    from rich.cells import cell_len

    return [cell_len(cell) for cell in row.split(CELLS)]


def _tables_aligned(
    lines: list[str],
    starts: list[int],
    width: int | None,
    inserts: dict[int, str],
    hangs: dict[int, Hang],
) -> None:
    """Each table (two or more lines in a row with cells apart, not code) with its cells
    padded to their column's width when the widest row then fits `width`; else each row's
    wrapped lines drawn two columns in, so that a row still starts a line of its own."""
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and CELLS in lines[end] and not lines[end].startswith(GUTTER):
            end += 1
        if end - i < 2:
            i = end + 1
            continue
        rows = [_cell_widths(line) for line in lines[i:end]]
        columns = [0] * max(len(row) for row in rows)
        for row in rows:
            for column, cell in enumerate(row):
                columns[column] = max(columns[column], cell)
        widest = max(sum(columns[: len(row)]) + len(CELLS) * (len(row) - 1) for row in rows)
        for line, start, row in zip(lines[i:end], starts[i:end], rows, strict=True):
            if width is not None and widest > width:
                if start not in hangs:
                    hangs[start] = (INDENT, 0, False)
                continue
            at = start  # (each cell's end: its padding goes before the " | " after it)
            for column, words in enumerate(line.split(CELLS)[:-1]):
                at += len(words)
                if columns[column] > row[column]:
                    inserts[at] = " " * (columns[column] - row[column])
                at += len(CELLS)
        i = end
