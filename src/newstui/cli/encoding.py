"""Standard output in an encoding that lacks some characters (PYTHONIOENCODING=latin-1, ascii;
a terminal set to ISO-8859-1): each character it cannot hold is written as a stand-in of the
same width in cells (`é` as `e`, `’` as `'`, `東` as `??`), so tables keep their columns, and
the command says once, on stderr, how many it replaced. Tables and lines printed only the
encoding error before (user test r44 L1; --json is written as ASCII, see
cli.output.ascii_json)."""

from __future__ import annotations

import codecs
import unicodedata
from typing import Any

HANDLER = "newstui-stand-ins"
"""The name the stand-in error handler is registered under (codecs.register_error)."""

# Stand-ins of one cell for punctuation with no ASCII letter underneath (NFKD keeps them)
_PUNCTUATION = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "«": "<",
        "»": ">",
        "‹": "<",
        "›": ">",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "…": ".",
        "•": "*",
        "·": ".",
        "×": "x",
        "\u00a0": " ",
        "\u202f": " ",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
    }
)


class StandIns:
    """How many characters the output's encoding could not hold, written as stand-ins."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self.count = 0

    def warning(self) -> str | None:
        """The one line saying what was replaced (None when nothing was)."""
        if not self.count:
            return None
        some = "1 character" if self.count == 1 else f"{self.count:,} characters"
        return (
            f"warning: the output's encoding ({self.encoding}) lacks {some} of the text, shown "
            "as ? or without their accents; PYTHONIOENCODING=utf-8 shows them"
        )


def _encoding(stream: Any) -> str:
    return (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")


def utf8(stream: Any) -> bool:
    """Whether `stream` writes UTF-8 (every character); a stream that names no encoding does."""
    return _encoding(stream) in ("utf-8", "utf8", "utf-8-sig")


def stand_ins_for(stream: Any) -> StandIns | None:
    """Make `stream` (standard output) write a stand-in for each character its encoding
    lacks; None, and the stream as it is, when it holds every character (UTF-8) or cannot
    be changed (a test's capture)."""
    if utf8(stream) or not hasattr(stream, "reconfigure"):
        return None
    counted = StandIns(_encoding(stream))

    def replace(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeEncodeError):
            raise error
        text = error.object[error.start : error.end]
        counted.count += len(text)
        return "".join(stand_in(char) for char in text), error.end

    codecs.register_error(HANDLER, replace)
    try:
        stream.reconfigure(errors=HANDLER)
    except (AttributeError, ValueError, OSError):
        return None
    return counted


def stand_in(char: str) -> str:
    """ASCII as wide in cells as `char` (as rich measures it): its letter without accents,
    plain punctuation, else `?` for each cell; nothing for a mark that takes no cell."""
    from rich.cells import get_character_cell_size

    cells = get_character_cell_size(char)
    if cells == 0:
        return ""
    if cells == 1:
        plain = char.translate(_PUNCTUATION)
        if plain != char:
            return plain
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if c.isascii())
        if len(base) == 1 and base.isprintable():
            return base
    return "?" * cells
