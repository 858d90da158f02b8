"""Finding words in the open article: where they are, and on which wrapped line."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from typing import TYPE_CHECKING

from newstui.tui.typed_names import text_letters, typed_letters
from newstui.tui.widgets.reader_body import wrapped_lines

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def find_spans(plain: str, needle: str) -> list[tuple[int, int]]:
    """Every place `needle` occurs in `plain`, by letters without accents or case, as search
    compares words (`lodz` finds Łódź, `cafe` Café, `strasse` Straße), as (start, end): whole
    characters of `plain`, with the marks on the last."""
    needle = typed_letters(needle) if not needle.isascii() else needle.lower()
    if not needle:
        return []
    haystack, origins = text_letters(plain)
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0:
        end = origins[start + len(needle) - 1] + 1
        while end < len(plain) and unicodedata.combining(plain[end]):
            end += 1  # (a mark folded away: kept with its letter)
        if not spans or origins[start] >= spans[-1][1]:  # (s twice in one ß: one span)
            spans.append((origins[start], end))
        start = haystack.find(needle, start + len(needle))
    return spans


def outside(spans: list[tuple[int, int]], tags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (sorted, as find_spans gives them) that overlap none of the tags (not overlapping
    each other): one walk through both, where testing each span against every tag took seconds
    on an article of thousands of quotes."""
    tags = sorted(tags)
    kept: list[tuple[int, int]] = []
    at = 0
    for start, end in spans:
        while at < len(tags) and tags[at][1] <= start:
            at += 1
        if at < len(tags) and tags[at][0] < end:
            continue
        kept.append((start, end))
    return kept


def line_of(text: Text, offset: int, width: int, console: Console) -> int:
    """The wrapped line (0-based) that character `offset` of `text` falls on at `width`, the text
    wrapped as the reader draws it (before its first layout, when it has drawn no lines yet)."""
    starts = wrapped_lines(text, max(width, 1), console).starts
    return max(bisect_right(starts, offset) - 1, 0)
