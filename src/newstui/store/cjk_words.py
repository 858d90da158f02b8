"""Chinese, Japanese and Korean text as the full-text index reads it: one word a character.

FTS5's unicode61 tokenizer takes a run of CJK characters (which are written without spaces) as
one word, so 東京 did not find 東京都. The index is given its texts (and a query its terms) with
a space around each CJK character (schema 28): a term of several is then a phrase of
neighbouring characters, which finds it inside any longer run. Other text is given unchanged,
so English words, their stems, ranking and the index's size are as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, TypeVar

# Hangul Jamo, CJK radicals, kana, bopomofo, Hangul compatibility Jamo, kanbun, CJK
# extension A, unified ideographs, Yi, Hangul Jamo extended-A, Hangul syllables (and
# extended-B), compatibility ideographs, halfwidth katakana and Hangul, ideographs of the
# supplementary planes.
CJK_RANGES: Final = (
    ("\u1100", "\u11ff"),
    ("\u2e80", "\u2fdf"),
    ("\u3040", "\u30ff"),
    ("\u3100", "\u31ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\ua4cf"),
    ("\ua960", "\ua97f"),
    ("\uac00", "\ud7ff"),
    ("\uf900", "\ufaff"),
    ("\uff66", "\uffdc"),
    ("\U00020000", "\U0003ffff"),
)
_CLASS: Final = "".join(f"{low}-{high}" for low, high in CJK_RANGES)
_CJK: Final = re.compile(f"([{_CLASS}])")
# The UTF-8 lead bytes of the CJK ranges: 0xE1 (U+1xxx), 0xE2 (U+2xxx: CJK from U+2E80, whose
# second byte is 0xBA-0xBF; curly quotes and dashes are 0xE2 0x80), 0xE3-0xED (U+3000-U+DFFF),
# 0xEF (U+Fxxx) and 0xF0-0xF4 (the supplementary planes). Every other byte, deleted by
# bytes.translate (a table lookup a byte in C), leaves a text without CJK nothing to look at:
# ~4 us a 3 KB text with curly quotes, where _CJK's eleven-range class took ~33 us.
_NOT_CJK_LEADS: Final = bytes(b for b in range(256) if not (0xE1 <= b <= 0xED or 0xEF <= b <= 0xF4))
_CJK_AFTER_E2: Final = re.compile(rb"\xe2[\xba-\xbf]")
CJK_GLOB: Final = f"*[{_CLASS}]*"  # SQL GLOB: a text with a CJK character
_Value = TypeVar("_Value", str, bytes, int, float, None)


# The last long text not ASCII given and what was made of it: the insert trigger gives each new
# text to both full-text indexes (schema 31), with its title and author between (short: not
# kept, so they do not push it out); the second is a comparison (a memcmp), not a scan. One
# tuple, replaced whole: threads sharing it read a pair that matches.
_KEPT_FROM = 256  # characters


def last_text_kept(words: Callable[[str], str]) -> Callable[[_Value], _Value]:
    """`words` as an SQL function of a text (cjk_apart, search_fold.search_words): anything
    not text, and ASCII text, as it is; the last long text given kept with its words."""
    last: tuple[str, str] = ("", "")

    def called(value: _Value) -> _Value:
        nonlocal last
        if not isinstance(value, str) or value.isascii():
            return value
        kept = last
        if value == kept[0]:
            return kept[1]
        made = words(value)
        if len(value) >= _KEPT_FROM:
            last = (value, made)
        return made

    return called


def _apart(text: str) -> str:
    return _CJK.sub(r" \1 ", text) if _may_hold_cjk(text) else text


cjk_apart = last_text_kept(_apart)
"""SQL cjk_apart(x): a text with a space either side of each CJK character (what the index
and a query's terms split into words); anything else, and a text without any, as it is."""


def _may_hold_cjk(text: str) -> bool:
    """False when `text` holds no CJK character (True may be wrong: _CJK decides then)."""
    try:
        encoded = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return True
    leads = encoded.translate(None, _NOT_CJK_LEADS)
    if not leads:
        return False
    if leads.strip(b"\xe2"):  # a lead but 0xE2: rare outside CJK, let _CJK look
        return True
    return _CJK_AFTER_E2.search(encoded) is not None
