"""Paragraphs, sentence starts and word tokens with character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"\w+(?:[’'.&-]\w+)*", re.UNICODE)
_PARAGRAPH_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+|\n\s*")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gen col capt lt sgt maj adm gov jr sr inc ltd co corp no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m".split()
)


@dataclass(frozen=True)
class Token:
    """One word: its offsets and text, and whether it opens a sentence."""

    start: int
    end: int
    text: str
    sentence_start: bool


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of each non-empty paragraph (lines separated by one or more newlines)."""
    spans, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if text[start : brk.start()].strip():
            spans.append((start, brk.start()))
        start = brk.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin; `text` may have quote contents masked so inner stops are ignored."""
    starts = [0]
    for end in _SENTENCE_END.finditer(text):
        before = text[max(0, end.start() - 40) : end.start()].rsplit(None, 1)
        last = before[-1].lower().strip("\"“‘'(") if before else ""
        if "\n" not in end.group() and (
            last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())
        ):
            continue
        starts.append(end.end())
    return starts


def tokenize(text: str) -> list[Token]:
    """Word tokens of `text`, each marked when it is the first word of a sentence."""
    tokens = []
    prev_end = 0
    for match in WORD.finditer(text):
        gap = text[prev_end : match.start()].strip(" \t\"“‘'([«")
        first = (
            not tokens or "\n" in text[prev_end : match.start()] or _ends_sentence(gap, tokens[-1])
        )
        tokens.append(Token(match.start(), match.end(), match.group(), first))
        prev_end = match.end()
    return tokens


def _ends_sentence(gap: str, prev: Token) -> bool:
    gap = gap.rstrip("”’\"')]» \t")
    if gap.endswith(("!", "?", "…", ":")):
        return True
    if not gap.endswith("."):
        return False
    return prev.text.lower() not in ABBREVIATIONS and not (
        len(prev.text) == 1 and prev.text.isupper()
    )
