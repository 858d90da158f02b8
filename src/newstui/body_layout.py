"""An article's body laid out for a width, as a terminal reader draws it: a table's columns
aligned (a table wider than the width drawn a row at a time, each cell a "Header: value" line
under its column's name), a nested list's items indented under their parent, and the
hanging indent a wrapped item, row, code or quote line keeps.

The stored text has no indentation (cleaning strips lines' leading spaces) and its table rows
are cells apart (" | "): the spaces (and a wide table's labels) are added here, to the drawn
text only, after the quotes, mentions and markers are styled and placed, so no stored offset
moves."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newstui.text import BULLETS, CELLS, GUTTER, QUOTE_LEVEL, heading_marks, is_code_line

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
LABEL_STYLE = "bold"  # a wide table's column names before its cells (read without colour too)
RULE = "\u2500"  # drawn under a top heading (<h1>, <h2>) as long as its line
RULED_LEVELS = 2


class _Layout:
    """What is drawn differently from the text, by place in it: spaces added, characters left
    out (a wide table's " | " and its header line), a line's hanging indent, and a column's
    name drawn before a cell (a new line, the name, its hang)."""

    def __init__(self) -> None:
        self.inserts: dict[int, str] = {}
        self.hangs: dict[int, Hang] = {}
        self.cuts: dict[int, int] = {}  # a place → how many characters from it are left out
        # a place → (before, name, hang, style): a line drawn there, its words not the text's
        self.labels: dict[int, tuple[str, str, Hang, str]] = {}


def laid_out(body: Text, width: int | None = None, rule_style: str = "dim") -> Text:
    """`body` (the highlighted text: markers and speaker tags in it) with table columns aligned
    in `width` columns (`None`: whatever their width, for a pager or a pipe), nested list items
    indented, the hanging indents of list items and wide table rows marked (HANG), and a rule
    in `rule_style` under each top heading."""
    plain = body.plain
    if (
        CELLS not in plain
        and not any(bullet in plain for bullet in BULLETS)
        and ". " not in plain
        and QUOTE_LEVEL not in plain
        and "# " not in plain
    ):
        return body
    layout = _Layout()
    inserts, hangs = layout.inserts, layout.hangs  # (where, in the body → what is drawn)
    lines = plain.split("\n")
    starts: list[int] = []
    at = 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    _items_indented(lines, starts, inserts, hangs)
    _tables_aligned(lines, starts, width, layout)
    if QUOTE_LEVEL in plain:
        _quotes_marked(lines, starts, hangs)
    if "# " in plain:
        _headings_ruled(plain, width, layout, rule_style)
    if not inserts and not hangs and not layout.labels and not layout.cuts:
        return body
    from rich.style import Style
    from rich.text import Text

    places = sorted(set(inserts) | set(hangs) | set(layout.cuts) | set(layout.labels))
    pieces = body.divide(places)
    out = Text(style=body.style, end=body.end)
    out.append_text(pieces[0])
    marked: list[tuple[int, Hang]] = []  # (a line's start in `out`, its hang)
    for place, piece in zip(places, pieces[1:], strict=True):
        if (line_hang := hangs.get(place)) is not None:
            marked.append((len(out.plain), line_hang))
        if spaces := inserts.get(place):
            out.append(spaces)
        if (label := layout.labels.get(place)) is not None:
            before, name, label_hang, style = label
            out.append(before)
            marked.append((len(out.plain), label_hang))
            out.append(name, style=style)
        if cut := layout.cuts.get(place):
            piece = piece[cut:]
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
            if line.startswith(GUTTER, len(levels)):  # (a code line in a quote: its gutter too)
                levels += GUTTER
            hangs.setdefault(start, (len(levels), len(levels), True))


def _headings_ruled(plain: str, width: int | None, layout: _Layout, style: str) -> None:
    """A rule under each top heading's line (text.HEADING_MARK once or twice), as long as that
    line (at most `width`), so it stands out where bold does not show."""
    from rich.cells import cell_len

    for found in heading_marks().finditer(plain):
        if len(found.group(2)) > RULED_LEVELS:
            continue
        end = plain.find("\n", found.end())
        end = len(plain) if end < 0 else end
        length = cell_len(plain[found.start() : end])
        rule = RULE * (min(length, width) if width else length)
        layout.labels.setdefault(end, ("\n", rule, (0, 0, False), style))


# A cell separator's bar: between spaces, or at a line's start or end. Two cells apart share
# a space where an empty cell stands between them ("2027 | | $3.1m": cleaning folds the
# spaces), and a cell spanning columns (colspan) is followed by such empty ones.
_BAR = re.compile(r"(?:(?<= )|^)\|(?= |$)")
# A cell: where its words start and end in its line, and whether it is an empty one between
# two bars that share the space at `end` (drawn there, one space wider)
Cell = tuple[int, int, bool]


def _cells(row: str) -> list[Cell]:
    """A table row's cells, in order."""
    cells: list[Cell] = []
    begin = 0
    for bar in _BAR.finditer(row):
        end = max(bar.start() - 1, 0)
        # (an empty cell first in the row has no space before its bar: drawn one wider too)
        shared = begin > end or bar.start() == 0
        cells.append((end, end, True) if shared else (begin, end, False))
        begin = min(bar.start() + 2, len(row))
    cells.append((begin, len(row), False))
    return cells


def _tables_aligned(
    lines: list[str], starts: list[int], width: int | None, layout: _Layout
) -> None:
    """Each table (two or more lines in a row with cells apart, not code) with its cells
    padded to their column's width when the widest row then fits `width`; else a row at a
    time, each cell under its column's name when the first row names them, else each row's
    wrapped lines drawn two columns in, so that a row still starts a line of its own."""
    from rich.cells import cell_len

    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and CELLS in lines[end] and not is_code_line(lines[end]):
            end += 1
        if end - i < 2:
            i = end + 1
            continue
        table = [
            (line, start, _cells(line))
            for line, start in zip(lines[i:end], starts[i:end], strict=True)
        ]
        widths = [[cell_len(line[a:b]) for a, b, _ in cells] for line, _, cells in table]
        columns = [0] * max(len(row) for row in widths)
        for row in widths:
            for column, cell in enumerate(row):
                columns[column] = max(columns[column], cell)
        widest = max(sum(columns[: len(row)]) + len(CELLS) * (len(row) - 1) for row in widths)
        if width is not None and widest > width:
            if not _records(table, width, layout):
                for _, start, _ in table:
                    layout.hangs.setdefault(start, (INDENT, 0, False))
            i = end
            continue
        for (_, start, cells), row in zip(table, widths, strict=True):
            for column, (_, cell_end, shared) in enumerate(cells[:-1]):
                # (the padding goes before the " | " after it)
                pad = columns[column] - row[column] + shared
                if pad > 0:
                    layout.inserts[start + cell_end] = " " * pad
        i = end


# A cell that is a figure (a year, a score, a price, a share): a header names no column so
_FIGURE = re.compile(r"[-+−]?[$€£¥]?[0-9][0-9.,:/%–-]*[A-Za-z%]{0,3}")


def _records(table: list[tuple[str, int, list[Cell]]], width: int, layout: _Layout) -> bool:
    """A table too wide for `width` drawn a row at a time, each cell a line of its own after
    its column's name ("Population: 167,000"), a blank line between rows, its header line
    left out. False, and nothing drawn so, when the first row names no columns (it holds an
    empty cell or a figure, "2027": it is a row of data, not a header)."""
    from rich.cells import cell_len

    header_line, header_start, header_cells = table[0]
    names = [header_line[a:b].strip() for a, b, _ in header_cells]
    if any(not name or _FIGURE.fullmatch(name) for name in names):
        return False
    layout.cuts[header_start] = len(header_line) + 1  # (its line and the new line after it)
    for row, (_, start, cells) in enumerate(table[1:]):
        words = [(a, b, column) for column, (a, b, _) in enumerate(cells) if b > a]
        if not words:
            continue
        cursor = start  # where the text left out before the next cell's words starts
        for n, (cell_start, cell_end, column) in enumerate(words):
            name = f"{names[column]}: " if column < len(names) else ""
            hang = cell_len(name)
            line_hang = (hang, len(name), False) if hang < width // 2 else (INDENT, 0, False)
            before = ("\n" if row else "") if n == 0 else "\n"
            layout.labels[cursor] = (before, name, line_hang, LABEL_STYLE)
            if start + cell_start > cursor:
                layout.cuts[cursor] = start + cell_start - cursor
            cursor = start + cell_end
    return True
