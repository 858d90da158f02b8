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
# A character that may be CJK: every one of CJK_RANGES, and more (all from U+1100 but the run
# U+1200-U+2E7F: Ethiopic to general punctuation, curly quotes and dashes). Said as what it is
# not, sre rejects a Latin, Greek or Cyrillic character at its first range, where _CJK compared
# it with all eleven: a text with curly quotes and no CJK is scanned ~4x faster (3 KB: ~33 ->
# ~7 us; each stored article's text is read twice, once for each full-text index).
_MAYBE_CJK: Final = re.compile("[^\x00-\u10ff\u1200-\u2e7f]")
CJK_GLOB: Final = f"*[{_CLASS}]*"  # SQL GLOB: a text with a CJK character
_Value = TypeVar("_Value", str, bytes, int, float, None)


# The last long text not ASCII given and what was made of it: the insert trigger gives each new
# text to both full-text indexes (schema 31), with its title and author between (short: not
# kept, so they do not push it out); the second is a comparison (a memcmp), not a scan. One
# tuple, replaced whole: threads sharing it read a pair that matches.
_KEPT_FROM = 256  # characters
_last: tuple[str, str] = ("", "")


def cjk_apart(value: _Value) -> _Value:
    """SQL cjk_apart(x): a text with a space either side of each CJK character (what the index
    and a query's terms split into words); anything else, and a text without any, as it is."""
    global _last
    if not isinstance(value, str) or value.isascii():
        return value
    last = _last
    if value == last[0]:
        return last[1]
    apart = value if _MAYBE_CJK.search(value) is None else _CJK.sub(r" \1 ", value)
    if len(value) >= _KEPT_FROM:
        _last = (value, apart)
    return apart
