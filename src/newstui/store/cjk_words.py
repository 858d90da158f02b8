"""Chinese, Japanese and Korean text as the full-text index reads it: one word a character.

FTS5's unicode61 tokenizer takes a run of CJK characters (which are written without spaces) as
one word, so 東京 did not find 東京都. The index is given its texts (and a query its terms) with
a space around each CJK character (schema 28): a term of several is then a phrase of
neighbouring characters, which finds it inside any longer run. Other text is given unchanged,
so English words, their stems, ranking and the index's size are as before.
"""

from __future__ import annotations

import re
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
CJK_GLOB: Final = f"*[{_CLASS}]*"  # SQL GLOB: a text with a CJK character
_Value = TypeVar("_Value", str, bytes, int, float, None)


def cjk_apart(value: _Value) -> _Value:
    """SQL cjk_apart(x): a text with a space either side of each CJK character (what the index
    and a query's terms split into words); anything else, and a text without any, as it is."""
    if not isinstance(value, str) or value.isascii():
        return value
    return _CJK.sub(r" \1 ", value)
