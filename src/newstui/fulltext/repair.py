"""Undo what derails the parser or the terminal: control-character references, UTF-8 read as Latin-1."""

from __future__ import annotations

import re

# Character references to C0 controls (and DEL) make lxml drop the whole text; a raw or referenced ESC
# may carry a CSI sequence whose printable tail would otherwise survive as "[31m".
_CONTROL_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_RAW_ESCAPE = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?)?")
_ESC_REF_CSI = re.compile(rb"&#(?:0*27|[xX]0*1[bB]);?\[[0-?]*[ -/]*[@-~]")
# UTF-8 bytes decoded as Latin-1 (double-encoded pages) leave C1 controls inside the text.
_MOJIBAKE = re.compile("[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_C1 = re.compile("[\x80-\x9f]")


def sanitize_html_bytes(body: bytes) -> bytes:
    """Remove raw escape sequences and references to control characters, which derail the parser."""
    body = _ESC_REF_CSI.sub(b"", body)
    body = _RAW_ESCAPE.sub(b"", body)
    return _CONTROL_REF.sub(_drop_control_ref, body)


def _drop_control_ref(match: re.Match[bytes]) -> bytes:
    hex_digits, decimal = match.group(1), match.group(2)
    try:
        value = int(hex_digits, 16) if hex_digits else int(decimal)
    except ValueError:
        return match.group(0)
    if value in (9, 10, 13) or (value >= 32 and value != 127):
        return match.group(0)
    return b""


def repair_text(text: str) -> str:
    """Re-decode UTF-8 mojibake that carries C1 controls, then drop the C1 controls left over.

    A stray U+009D would otherwise start an 8-bit OSC string that eats text up to the next terminator.
    """
    if not _C1.search(text):
        return text
    return _C1.sub("", _MOJIBAKE.sub(_redecode, text))


def _redecode(match: re.Match[str]) -> str:
    run = match.group(0)
    if not _C1.search(run):
        return run
    try:
        return run.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return run
