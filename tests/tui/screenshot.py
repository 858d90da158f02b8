"""What the app's screen shows, read from its public screenshot (`App.export_screenshot`, an SVG)
so tests need no private Textual attribute: pieces of text with their colours, or plain text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import App
from textual.color import Color

CELL_WIDTH = 12.2  # an SVG screenshot's width of one terminal cell
LINE_HEIGHT = 24.4  # … and height of one line
TEXT = re.compile(
    r'<text class="([\w-]+)" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>',
    re.S,
)
RECT = re.compile(r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"')
FILL = re.compile(r"\.([\w-]+) \{ fill: (#[0-9a-fA-F]{6})")


@dataclass(frozen=True)
class ScreenPiece:
    """A run of text drawn in one style at a line and column, with its colours."""

    text: str
    line: int
    column: int
    colour: Color | None
    background: Color | None


def screen_pieces(app: App[object]) -> list[ScreenPiece]:
    """Every piece of text on the current screen (modal screens over what they cover)."""
    svg = app.export_screenshot()
    fills = {name: Color.parse(value) for name, value in FILL.findall(svg)}
    backgrounds: dict[tuple[int, int], Color] = {}
    for fill, x, y, width in RECT.findall(svg):
        line = round((float(y) - 1.5) / LINE_HEIGHT)
        first = round(float(x) / CELL_WIDTH)
        for column in range(first, first + round(float(width) / CELL_WIDTH)):
            backgrounds[line, column] = Color.parse(fill)
    pieces = []
    for style, x, line, text in TEXT.findall(svg):
        column = round(float(x) / CELL_WIDTH)
        pieces.append(
            ScreenPiece(
                html.unescape(text).replace("\xa0", " "),
                int(line),
                column,
                fills.get(style),
                backgrounds.get((int(line), column)),
            )
        )
    return pieces


def screen_text(app: App[object]) -> str:
    """The current screen as plain text, as a terminal would show it."""
    width, height = app.size
    rows: list[list[str]] = [[" "] * width for _ in range(height)]
    for piece in screen_pieces(app):
        column = piece.column
        for char in piece.text:
            if piece.line >= height or column >= width:
                break
            rows[piece.line][column] = char
            cells = cell_len(char)
            for extra in range(1, cells):  # a wide character fills the next cell too
                if column + extra < width:
                    rows[piece.line][column + extra] = ""
            column += max(cells, 1)
    return "\n".join("".join(row).rstrip() for row in rows) + "\n"
