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
Turkish readers type either, and no two news words are told apart by it alone. A Latin letter
that no decomposition makes of an ASCII one (Ł, Ø, Æ, Œ, Đ, Ð, Þ, Ħ, Ŧ, small capitals) is the
letters titles sort it with (LATIN_BASE_LETTERS, schema 55): ł is l, ø o, æ ae, œ oe, đ and
ð d, þ th, so `lodz` finds Łódź and `aeble` and `æble` both find Æble (user test r48 M3); a
letter of its own in its alphabet (ĸ, ŋ, ə, ɔ) stays itself, as in the title order.
Symbols and punctuation whose compatibility form holds letters (™ → TM, ℃ → °C) stay
separators: "Apple™" is the word apple, as before. ASCII text is given unchanged (the tokenizer
folds its case), so an English store's index is the same as before.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

from newstui.model.names import latin_base, shown_name
from newstui.store.cjk_words import cjk_apart, last_text_kept

_LATIN_GREEK_MARKS: Final = "\u0300-\u036f"  # the combining diacritical marks
_CYRILLIC: Final = "\u0400-\u052f"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(what search_fold changes, the marks it takes off), made at its first text not ASCII
    (~1 ms: not at every start). The first: what a text in its compatibility form (NFKC) may
    hold that the fold changes and the tokenizer does not: a mark it takes off (alone, or in a
    letter made with one the tokenizer keeps), ё, and ß, ẞ (ss), a Latin letter read as others
    (LATIN_BASE_LETTERS: ı is i, ł l), case folding beyond the tokenizer's lower case. The
    second keeps a run of marks after a Cyrillic letter whole (й is и and a breve)."""
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
        re.compile(f"[{made_with_marks}ёЁßẞ{LATIN_BASE_LETTERS}{marks}{UNICODE61_UNFOLDED_CASES}]"),
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
    return _fold(text, _patterns()[0], _latin_letters())


def name_fold(name: str) -> str:
    """A name (a feed's, its URL, a tag's) as the query's `feed:` and `tag:` compare it: as
    search reads a word (search_fold) with the case and the accents the index's tokenizer takes
    off itself (search_fold leaves those to it), its blanks one space: "Łódź Daily" is "lodz
    daily", "MÜNCHEN" "munchen", "İzmir" "izmir" (SQL name_fold())."""
    if name.isascii():
        return " ".join(name.lower().split())
    return _name_folded(name)


@functools.lru_cache(maxsize=4096)  # (the same few feed names and tags, every query)
def _name_folded(name: str) -> str:
    """name_fold of a name not ASCII: what shows of it (shown_name: no zero-width joiners),
    folded by search_fold, then case folded and marks off as the tokenizer does (a mark making
    a letter of its own stays: Cyrillic й, kana's が)."""
    text = unicodedata.normalize("NFD", search_fold(shown_name(name)).casefold())
    text = unicodedata.normalize("NFC", _patterns()[1].sub("", text)).replace("ё", "е")
    return " ".join(text.split())


def _fold(text: str, to_fold: re.Pattern[str], latin: re.Pattern[str]) -> str:
    """search_fold, whose letters read as others are `latin`'s (LATIN_BASE_LETTERS'; before
    schema 55, ı alone) and what it changes `to_fold`'s."""
    if text.isascii():
        return text
    marks = _patterns()[1]
    if not unicodedata.is_normalized("NFKC", text):
        table = {
            ord(c): _COMPATIBLE.setdefault(c, _compatible(c))
            for c in set(text)
            if not c.isascii() and unicodedata.normalize("NFKC", c) != c
        }
        if not table or any(not form.isspace() for form in table.values()):
            text = unicodedata.normalize("NFKC", text.translate(table))
        # (else only separators have other forms, "…" or a no-break space: read alike)
    if not _holds(to_fold, text):
        return text  # (nothing the tokenizer does not fold: English with “quotes” or Zürich)
    text = unicodedata.normalize("NFD", text.casefold())
    text = unicodedata.normalize("NFC", marks.sub("", text)).replace("ё", "е")
    # (ǿ is ø once its mark is off, then o; str.translate of every character: 100 times slower)
    return _first_look(latin).sub(functools.partial(_latin_base_of, latin), text)


def _latin_base_of(latin: re.Pattern[str], found: re.Match[str]) -> str:
    letter = found[0]
    return _ascii_letters(letter) if _found_in(latin, letter) else letter


_PAST_THE_FIRST_PLANE: Final = "\U00010000-\U0010ffff"


@functools.lru_cache(maxsize=4)
def _first_look(chars: re.Pattern[str]) -> re.Pattern[str]:
    """A class of characters (`[…]`, of characters and ranges) as one of its characters of
    Unicode's first plane and any past it: Python's re finds a character of the first plane's
    in a table at once, and goes through a class's ranges one by one when it holds any past it
    (to_fold: ~45 us a 3 KB text, not ~500). One found past it is looked up in `chars`."""
    body, first_plane, at = chars.pattern[1:-1], [], 0
    while at < len(body):
        if body[at + 1 : at + 2] == "-" and at + 2 < len(body):  # a range
            low, high, at = body[at], body[at + 2], at + 3
        else:
            low, high, at = body[at], body[at], at + 1
        if low <= "\uffff":
            first_plane.append(low if high == low else f"{low}-{min(high, chr(0xFFFF))}")
    return re.compile(f"[{''.join(first_plane)}{_PAST_THE_FIRST_PLANE}]")


def _found_in(chars: re.Pattern[str], char: str) -> bool:
    """Whether `char`, found by _first_look(chars), is one of `chars`."""
    return char <= "\uffff" or chars.match(char) is not None


def _holds(chars: re.Pattern[str], text: str) -> bool:
    """Whether `text` holds a character of the class `chars` (found by _first_look)."""
    return any(_found_in(chars, found[0]) for found in _first_look(chars).finditer(text))


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


# The Latin letters without a decomposition that search reads as ASCII letters (schema 55):
# each one model.names.latin_base names (Ł and ł: l, Æ: ae, Þ: th, ı: i, small capitals), so
# search and the title order agree, and the capital of one (African Ɖ of ɖ, d), as search folds
# case first; the tokenizer keeps them as they are. Written out, as the
# Unicode of the Python that made an index (14.0 here) decides what it holds, not a later one's:
# tests/store/test_latin_letters_search.py computes them again from Unicode's Latin blocks.
LATIN_BASE_LETTERS: Final = (
    "\u00c6\u00d0\u00d8\u00de\u00e6\u00f0\u00f8\u00fe\u0110\u0111\u0126\u0127"
    "\u0131\u0141\u0142\u0152\u0153\u0166\u0167\u0180-\u0183\u0187-\u018c"
    "\u0191-\u0193\u0195\u0197-\u019a\u019d\u019e\u01a2-\u01a6\u01ab-\u01ae"
    "\u01b2-\u01b6\u01e4\u01e5\u01f6\u0220-\u0225\u0234-\u0237\u023a-\u0240\u0243"
    "\u0246-\u024f\u0253\u0255-\u0257\u025f\u0260\u0262\u0266\u0268\u026a-\u026d"
    "\u0271-\u0274\u0276\u027c-\u027e\u0280\u0282\u0284\u0288\u028b\u028f-\u0291"
    "\u0299\u029b-\u029d\u029f\u02a0\u1d00\u1d01\u1d04\u1d05\u1d07\u1d0a-\u1d0d"
    "\u1d0f\u1d15\u1d18\u1d1b\u1d1c\u1d20-\u1d22\u1d6b-\u1d76\u1d7a\u1d7d"
    "\u1d80-\u1d8a\u1d8c-\u1d8f\u1d91\u1d92\u1d96\u1d99\u1efe\u1eff\u2c60-\u2c6c"
    "\u2c6e\u2c71-\u2c74\u2c78\u2c7a\u2c7e\u2c7f\ua728\ua729\ua730-\ua73d"
    "\ua740-\ua745\ua748-\ua759\ua75e-\ua761\ua76a-\ua76d\ua778\ua78e"
    "\ua790-\ua799\ua7a0-\ua7aa\ua7ad-\ua7af\ua7b2\ua7b8\ua7b9\ua7c4-\ua7ca\uab34"
    "\uab37-\uab3b\uab46\uab49\uab4e\uab50\uab52\uab56-\uab5a\uab63\U0001df04"
    "\U0001df09\U0001df11\U0001df13\U0001df16\U0001df1a\U0001df1b\U0001df1d\U0001df1e"
)
LATIN_BASE_GLOB: Final = f"*[{LATIN_BASE_LETTERS}]*"  # SQL GLOB: a word with one of them


@functools.cache
def _latin_letters() -> re.Pattern[str]:
    """The class of LATIN_BASE_LETTERS."""
    return re.compile(f"[{LATIN_BASE_LETTERS}]")


@functools.cache
def _ascii_letters(letter: str) -> str:
    """The ASCII letters search reads a letter of LATIN_BASE_LETTERS, case folded, as."""
    return latin_base(letter) or letter


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


@functools.cache
def _patterns_before_55() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What search_fold changed and the Latin letters it read as others before schema 55: of
    LATIN_BASE_LETTERS, only ı."""
    return re.compile(_patterns()[0].pattern.replace(LATIN_BASE_LETTERS, "ı")), re.compile("[ı]")


def _words_before_55(text: str) -> str:
    return cjk_apart(_fold(text, *_patterns_before_55()))


words_before_55 = last_text_kept(_words_before_55)
"""SQL words_before_55(x): a text's words as schemas 48 to 54 gave them to the articles'
indexes (search_words, Ł, Ø, Æ… as written): what schema 55 takes back out of the indexes for
an article holding such a word, before giving them its words as search_words reads them now."""
