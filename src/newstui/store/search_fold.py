"""Text as search compares it: accents, case and compatibility forms folded away, the same for
what is indexed and what is typed (schema 48), so ΔΡΟΜΟΣ finds δρόμος, STRASSENBAHN
Straßenbahn, ＡＢＣ abc and ığdır Iğdır.

FTS5's unicode61 tokenizer folds the case of every script but takes accents off Latin letters
only, and knows no compatibility forms (fullwidth, ligatures, halfwidth kana) nor ß = ss. Texts
are given to the articles' and quotes' indexes, and a query's terms to them, through
`search_words` (SQL search_words()): NFKC, Unicode case folding, then the marks taken off

- Latin and Greek letters (tonos, dialytika, breathings: as unicode61 does for Latin);
- Hebrew points and Arabic harakat (unicode61 read each as a space, splitting pointed words);

and kept where they make another letter: Cyrillic й, ї, ў (ё is е, as Russian search expects),
kana's voicing marks (が is not か), Indic vowel signs. Turkish dotless ı is i, as İ and I are:
Turkish readers type either, and no two news words are told apart by it alone.
Symbols and punctuation whose compatibility form holds letters (™ → TM, ℃ → °C) stay
separators: "Apple™" is the word apple, as before. ASCII text is given unchanged (the tokenizer
folds its case), so an English store's index is the same as before.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

from newstui.store.cjk_words import cjk_apart, last_text_kept

_LATIN_GREEK_MARKS: Final = "\u0300-\u036f"  # the combining diacritical marks
_CYRILLIC: Final = "\u0400-\u052f"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(what search_fold changes, the marks it takes off), made at its first text not ASCII
    (~1 ms: not at every start). The first: what a text in its compatibility form (NFKC) may
    hold that the fold changes and the tokenizer does not: a mark it takes off (alone, or in a
    letter made with one the tokenizer keeps), ё, and ß, ẞ (ss) and ı (i), case folding beyond
    the tokenizer's lower case. The second keeps a run of marks after a Cyrillic letter whole (й
    is и and a breve)."""
    hebrew_arabic = "".join(
        chr(c) for c in range(0x0590, 0x0700) if unicodedata.category(chr(c)) == "Mn"
    )
    made_with_marks = "".join(
        chr(c)
        for low, high in ((0xC0, 0x250), (0x370, 0x400), (0x1E00, 0x2000))
        for c in range(low, high)
        if _mark_the_tokenizer_keeps(chr(c))
    )
    marks = f"{_LATIN_GREEK_MARKS}{hebrew_arabic}"
    return (
        re.compile(f"[{made_with_marks}ёЁßẞı{marks}{UNICODE61_UNFOLDED_CASES}]"),
        re.compile(f"(?<![{_CYRILLIC}{_LATIN_GREEK_MARKS}])[{marks}]+"),
    )


def _mark_the_tokenizer_keeps(char: str) -> bool:
    """Whether `char` is a letter made with a mark the tokenizer keeps on it: a Greek one, or
    a Latin one of two marks or on a letter not ASCII (ǘ, ế, ǿ; unicode61 takes one mark off
    an ASCII letter itself: é, ü)."""
    parts = unicodedata.normalize("NFD", char)
    marks = len(re.findall(f"[{_LATIN_GREEK_MARKS}]", parts))
    if not marks:
        return False
    return "\u0370" <= char < "\u0400" or char >= "\u1f00" or marks > 1 or not parts[0].isascii()


# Each character (not ASCII) whose compatibility form is not itself: what it becomes here
# (a symbol's or punctuation's: a space). Filled as characters are met.
_COMPATIBLE: dict[str, str] = {}


def _compatible(char: str) -> str:
    """`char` as NFKC makes it, but a symbol or punctuation that would become letters (™ is
    TM): a space, the separator it was to the tokenizer."""
    form = unicodedata.normalize("NFKC", char)
    if form != char and unicodedata.category(char)[0] in "SP" and not form.isspace():
        form = " "
    return form


def search_fold(text: str) -> str:
    """`text` as search compares it (see the module): NFKC, case folded, marks off."""
    if text.isascii():
        return text
    to_fold, marks = _patterns()
    if not unicodedata.is_normalized("NFKC", text):
        table = {
            ord(c): _COMPATIBLE.setdefault(c, _compatible(c))
            for c in set(text)
            if not c.isascii() and unicodedata.normalize("NFKC", c) != c
        }
        if not table or any(not form.isspace() for form in table.values()):
            text = unicodedata.normalize("NFKC", text.translate(table))
        # (else only separators have other forms, "…" or a no-break space: read alike)
    if not to_fold.search(text):
        return text  # (nothing the tokenizer does not fold: English with “quotes” or Zürich)
    text = unicodedata.normalize("NFD", text.casefold())
    text = unicodedata.normalize("NFC", marks.sub("", text))
    return text.replace("ı", "i").replace("ё", "е")  # (str.translate: 100 times slower)


# The letters whose case FTS5's unicode61 tokenizer does not fold (its tables are Unicode 6.1's;
# these were encoded or given a case since) and search_fold does (schema 51): Georgian Mtavruli,
# Cherokee small letters (folded to the capitals, as Unicode does), Osage, Adlam, Old Hungarian,
# Warang Citi, Medefaidrin, Vithkuqi, later Latin, Greek and Cyrillic ones. Before, each case found
# only itself (hostile r46 M5). tests/store/test_cjk_search.py computes them again with the SQLite
# in use.
UNICODE61_UNFOLDED_CASES: Final = (
    "\u037f\u0528\u052a\u052c\u052e\u13f8-\u13fd\u1c80-\u1c88\u1c90-\u1cba\u1cbd-\u1cbf"
    "\u2c2f\ua698\ua69a\ua796\ua798\ua79a\ua79c\ua79e\ua7ab-\ua7ae\ua7b0-\ua7b4\ua7b6"
    "\ua7b8\ua7ba\ua7bc\ua7be\ua7c0\ua7c2\ua7c4-\ua7c7\ua7c9\ua7d0\ua7d6\ua7d8\ua7f5"
    "\uab70-\uabbf\U000104b0-\U000104d3\U00010570-\U0001057a\U0001057c-\U0001058a"
    "\U0001058c-\U00010592\U00010594\U00010595\U00010c80-\U00010cb2\U000118a0-\U000118bf"
    "\U00016e40-\U00016e5f\U0001e900-\U0001e921"
)

LATER_CASE_GLOB: Final = f"*[{UNICODE61_UNFOLDED_CASES}]*"  # SQL GLOB: a word with one of them


# The combining marks FTS5's unicode61 tokenizer reads as separators (its tables are Unicode
# 6.1's, frozen inside SQLite) that search_fold takes off (U+0345 it folds to ι): struck-through
# or underlined s̶t̶o̶p̶ was the words s, t, o, p before schema 48 and is stop since, so an index
# of ASCII words is not always the same after the fold (review r45 M3). Schema 49 rebuilds the
# indexes of a store whose texts hold one (split_at_marks). tests/store/test_cjk_search.py
# computes them again with the SQLite in use.
UNICODE61_SPLITTING_MARKS: Final = (
    "\u0305\u030d\u030e\u0310\u0312-\u031a\u031c-\u0322\u0329-\u032c\u032f\u0332-\u036f"
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
)


@functools.cache
def _splitting_marks() -> re.Pattern[str]:
    return re.compile(f"[{UNICODE61_SPLITTING_MARKS}]")


def split_at_marks(text: str | bytes | None) -> bool:
    """Whether `text` holds a mark unicode61 split words at and search_fold takes off: its words
    before schema 48 (s̶t̶o̶p̶: s, t, o, p) are not search_words' (stop). SQL split_at_marks(),
    given UTF-8 bytes (a damaged stored text may be no UTF-8: read with stand-ins)."""
    if not text or text.isascii():
        return False
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return _splitting_marks().search(text) is not None


def _folded_words(text: str) -> str:
    return cjk_apart(search_fold(text))


search_words = last_text_kept(_folded_words)
"""SQL search_words(x): a text as the full-text indexes read it (schema 48) and a query's
terms are matched: folded (search_fold), then each CJK character a word (cjk_apart); anything
not text, and ASCII text, as it is."""
