"""An article's text wrapped to a width as the reader and `newstui show` draw it: a paragraph
at a time, a list item's, a quote's or a wide table row's wrapped lines under its hanging indent
(body_layout.HANG), a code line's behind a gutter of its own, and no line of Japanese or Chinese
starting with closing punctuation. Rich only (no Textual): the app and the commands share it."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Span, Text

from newstui.body_layout import HANG, HANG_DRAWN, HANG_HEAD
from newstui.render import NO_LINE_START
from newstui.text import GUTTER

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["NO_LINE_START", "WrappedText", "hang_of", "text_from", "wrapped_lines"]


class WrappedText(NamedTuple):
    """A text wrapped to a width: its lines, the characters drawn before each that the text has
    not (a code line's gutter), where each line starts in the text, and whether the text has a
    newline after it (else the width wrapped it)."""

    lines: list[Text]
    added: list[int]
    starts: list[int]
    ends: list[bool]


def wrapped_lines(text: Text, width: int, console: Console, offset: int = 0) -> WrappedText:
    """`text` wrapped to `width` (Rich's fold), a paragraph at a time so that each line's start is
    taken from its own paragraph: a preformatted line (behind text.GUTTER) too long for the width
    goes on behind a gutter of its own on each line it takes, so code stays marked as code (its
    wrapped part had none). `offset`: where `text` starts in the text shown (its lines' starts
    count from there)."""
    wrapped = WrappedText([], [], [], [])
    room = max(width - len(GUTTER), 1)
    for paragraph in text.split("\n", allow_blank=True):
        plain = paragraph.plain
        hang, head, drawn = hang_of(paragraph) if cell_len(plain) > width else (0, 0, False)
        if hang and head <= hang < width // 2:
            # (a list item's wrapped lines under its words, a wide table row's two in: drawn,
            # not the text's)
            lines, added = [], []
            rest = text_from(paragraph, head)
            rest.end = ""
            parts = list(rest.wrap(console, width - hang, overflow="fold"))
            if len(parts) > 1 and not NO_LINE_START.isdisjoint(rest.plain):
                parts = _kinsoku(rest, parts, width - hang, console)  # (review r51 LOW-5)
            for i, piece in enumerate(parts):
                line = paragraph[:head] if i == 0 or drawn else Text(" " * hang)
                line.append_text(piece)
                lines.append(line)
                added.append(hang if i else 0)
        elif not plain.startswith(GUTTER) or cell_len(plain) <= width:
            lines = list(paragraph.wrap(console, width, overflow="fold")) or [Text()]
            if len(lines) > 1 and not NO_LINE_START.isdisjoint(plain):
                lines = _kinsoku(paragraph, lines, width, console)
            added = [0] * len(lines)
        else:
            gutter, code = paragraph[: len(GUTTER)], paragraph[len(GUTTER) :]
            code.end = ""
            lines, added = [], []
            for i, piece in enumerate(code.wrap(console, room, overflow="fold")):
                line = gutter.copy()
                line.append_text(piece)
                lines.append(line)
                added.append(len(GUTTER) if i else 0)
        pieces = [line.plain[drawn:] for line, drawn in zip(lines, added, strict=True)]
        wrapped.lines.extend(lines)
        wrapped.added.extend(added)
        wrapped.starts.extend(offset + at for at in _piece_starts(plain, pieces))
        wrapped.ends.extend([False] * (len(lines) - 1) + [True])
        offset += len(plain) + 1
    return wrapped


def hang_of(paragraph: Text) -> tuple[int, int, bool]:
    """The hanging indent body_layout marked on a line's first character: the columns its
    wrapped lines start at, how many first characters are its item's marker, and whether its
    wrapped lines draw those again ((0, 0, False): none)."""
    for span in paragraph.spans:
        style = span.style
        if span.start == 0 and isinstance(style, Style) and style.meta:
            meta = style.meta
            if HANG in meta:
                return int(meta[HANG]), int(meta.get(HANG_HEAD, 0)), bool(meta.get(HANG_DRAWN))
    return 0, 0, False


# (NO_LINE_START, closing punctuation of Japanese and Chinese, never starts a line: Rich folds
# a run of CJK, one "word" to it, at the exact cell, and "。" could begin the next line alone)
MOVED_DOWN_MOST = 3  # characters a line gives the next at most (a mark and two before it)


def _kinsoku(paragraph: Text, lines: list[Text], width: int, console: Console) -> list[Text]:
    """`lines` (Rich's wrap of `paragraph`) with none starting with closing punctuation: the
    line before gives the next its last character (with the marks after it), as Japanese line
    breaking does, and the rest of the paragraph is wrapped again from there (user test r38
    L10). A line break at a space, or one that could not give enough, is left as it is."""
    plain = paragraph.plain
    done: list[Text] = []
    start, pending = 0, lines
    while True:
        starts = [start + at for at in _piece_starts(plain[start:], [p.plain for p in pending])]
        for i in range(1, len(pending)):
            at, begin = starts[i], starts[i - 1]
            if plain[at] not in NO_LINE_START or plain[at - 1].isspace():
                continue
            cut = at - 1  # the first character to go down
            while cut > begin and plain[cut] in NO_LINE_START and at - cut < MOVED_DOWN_MOST:
                cut -= 1
            if cut <= begin or plain[cut] in NO_LINE_START or plain[cut].isspace():
                continue
            done.extend(pending[: i - 1])
            done.append(paragraph[begin:cut])
            rest = text_from(paragraph, cut)
            start, pending = cut, list(rest.wrap(console, width, overflow="fold")) or [Text()]
            break
        else:
            return done + pending


def _piece_starts(paragraph: str, pieces: list[str]) -> list[int]:
    """Where in `paragraph` each of the lines it was wrapped into starts. A wrap drops the spaces
    it breaks at, except after a word folded to an exact multiple of the width, where the next
    line begins with them: each line is looked for past the previous one and its spaces."""
    starts: list[int] = []
    at = 0
    for piece in pieces:
        while (
            not paragraph.startswith(piece, at) and at < len(paragraph) and paragraph[at].isspace()
        ):
            at += 1
        starts.append(at)
        at += len(piece)
    return starts


def text_from(text: Text, start: int) -> Text:
    """`text` from character `start` on, its styles with it (Rich's `text[start:]` divides the
    whole text: 11 ms for a 190 KB article, most of what keeping its lines saved)."""
    spans = [
        Span(max(span.start - start, 0), span.end - start, span.style)
        for span in text.spans
        if span.end > start
    ]
    return Text(text.plain[start:], style=text.style, end=text.end, spans=spans)
