"""Finding words in the open article: where they are, and on which wrapped line."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from newstui.tui.widgets.reader_body import wrapped_lines

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def find_spans(plain: str, needle: str) -> list[tuple[int, int]]:
    """Every place `needle` occurs in `plain`, case-insensitively, as (start, end)."""
    needle = needle.casefold()
    if not needle:
        return []
    haystack = plain.casefold()
    spans, start = [], haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
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
