"""Finding words in the open article: where they are, and on which wrapped line."""

from __future__ import annotations

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
    """The wrapped line (0-based) that character `offset` of `text` falls on at `width`."""
    line = 0
    for paragraph_start, paragraph in _paragraphs(text):
        if offset < paragraph_start + len(paragraph.plain) + 1:
            wrapped = paragraph.wrap(console, max(width, 1))
            seen = paragraph_start
            for i, row in enumerate(wrapped):
                seen += len(row.plain)
                while seen < len(text.plain) and text.plain[seen : seen + 1] == " ":
                    seen += 1  # the spaces a wrap swallowed
                if offset < seen:
                    return line + i
            return line + max(len(wrapped) - 1, 0)
        line += len(paragraph.wrap(console, max(width, 1))) or 1
    return line


def _paragraphs(text: Text) -> list[tuple[int, Text]]:
    """The text's lines (split at newlines) with the offset each starts at."""
    out, start = [], 0
    for part in text.split("\n", allow_blank=True):
        out.append((start, part))
        start += len(part.plain) + 1
    return out
