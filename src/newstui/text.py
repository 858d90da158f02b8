"""Untrusted-text hygiene: strip terminal control sequences, normalise whitespace and paragraphs."""

from __future__ import annotations

import re

# ANSI/VT escape sequences (CSI, OSC, DCS/PM/APC/SOS strings, two-byte ESC sequences), 7- and 8-bit.
_ESCAPE_SEQ = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                  # CSI ... final byte
  | \x1b[\]PX^_].{0,4096}?(?:\x07|\x1b\\|\x9c)       # OSC/DCS/SOS/PM/APC string, 7-bit
  | [\x90\x98\x9d\x9e\x9f][^\n]{0,256}?(?:\x07|\x1b\\|\x9c)  # the same, 8-bit: short, one line
  | \x1b[ -/]*[0-~]                                   # other ESC sequences
    """,
    re.VERBOSE | re.DOTALL,
)
# Remaining C0 controls except \t and \n, DEL, C1 controls, lone surrogates, bidi overrides.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters (keeping newline and tab)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQ.sub("", text)
    return _CONTROL.sub("", text)


def clean_line(text: str, max_length: int = 1000) -> str:
    """A single-line field (title, author, name): controls stripped, whitespace folded, length capped."""
    text = _SPACES.sub(" ", strip_controls(text).replace("\n", " ").replace("\t", " ")).strip()
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def clean_text(text: str) -> str:
    """A body: controls stripped, lines trimmed, paragraphs separated by exactly one blank line."""
    text = strip_controls(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", text).strip()


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a clean body."""
    return [p for p in text.split("\n\n") if p.strip()]
