"""A name as the command palette matches what is typed against it, and an article's text as the
reader's find does: its letters without accents and case, as Sources sorts them (Łódź is lodz,
Καθημερινά καθημερινα), and a Greek or Cyrillic name in Latin letters too (kathimerina, moskva),
each letter knowing the character it comes from, so the letters matched are highlighted as
written (user test r48 L4)."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from itertools import chain, repeat

from newstui.model.names import each_sort_letters, sort_letters

# Greek (ELOT 743, as Greek signs and passports write it) and Cyrillic (Russian, Ukrainian,
# Belarusian, Bulgarian, Serbian and Macedonian letters, as news in English writes their names)
# in Latin letters, the letters' small forms without accents. Greek υ and γ by their neighbours
# (_roman_letters: Αυγή avgi, Ελευθεροτυπία eleftherotypia, Άγγελος angelos).
_ROMAN = {
    **dict(zip("αβγδεζηικλμνξοπρστφω", "avgdeziiklmnxoprstfo", strict=True)),
    **{"θ": "th", "χ": "ch", "ψ": "ps"},
    **dict(zip("абвгдезийклмнопрстуфыэіґўјћ", "abvgdeziyklmnoprstufyeigujc", strict=True)),
    **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": ""},
    **{"ь": "", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye", "ђ": "dj", "љ": "lj", "њ": "nj"},
    **{"џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz"},
}
_VOICELESS = frozenset("θκξπστφχψ")  # (αυ before one of them, or at the word's end: af)
_BEFORE_NASAL_G = frozenset("γκξχ")
_AV_EV = frozenset("αε")


def typed_letters(text: str) -> str:
    """`text` as typed into the palette is matched: its letters without accents and case."""
    return sort_letters(text)


@functools.lru_cache(maxsize=4096)
def name_forms(name: str) -> tuple[tuple[str, Sequence[int]], ...]:
    """The forms of `name` the palette matches typed letters against, each with the offset in
    `name` of each of its characters: its letters (typed_letters), and for a name with Greek or
    Cyrillic letters, those in Latin letters."""
    if name.isascii():
        return ((name.lower(), range(len(name))),)
    forms = [_joined(each_sort_letters(name))]
    if any("\u0370" <= c < "\u0530" or "\u1f00" <= c < "\u2000" for c in name):
        forms.append(_joined(_roman_letters(name)))
    return tuple(forms)


@functools.lru_cache(maxsize=2)
def text_letters(text: str) -> tuple[str, Sequence[int]]:
    """`text`'s letters as typed_letters reads them, and for each the offset in `text` of the
    character it comes from (the open article's, kept while `n` moves through its matches)."""
    if text.isascii():
        return text.lower(), range(len(text))
    return _joined(each_sort_letters(text))


def _joined(letters: list[str]) -> tuple[str, Sequence[int]]:
    """The form made of each character's `letters`, and for each character of the form the
    offset of the one of the name it comes from (æ: two of one, a mark: none). Made in C
    (map, repeat): a 1 MB article's in ~0.1 s."""
    lengths = list(map(len, letters))
    if min(lengths, default=1) == max(lengths, default=1) == 1:
        return "".join(letters), range(len(letters))
    return "".join(letters), list(chain.from_iterable(map(repeat, range(len(letters)), lengths)))


def _roman_letters(name: str) -> list[str]:
    """Each character of `name` in Latin letters: a Greek or Cyrillic letter romanized
    (_ROMAN), any other as sort_letters reads it."""
    bases: list[str] = []
    for char in name:
        small = char.casefold()
        bases.append(small if small in _ROMAN else unicodedata.normalize("NFD", small)[:1])
    roman: list[str] = []
    for at, (char, base) in enumerate(zip(name, bases, strict=True)):
        before, after = bases[at - 1] if at else "", bases[at + 1] if at + 1 < len(bases) else ""
        if base == "υ" and before in _AV_EV:  # αυ, ευ: av, ev; af, ef before a voiceless one
            roman.append("f" if not after or after in _VOICELESS or not after.isalpha() else "v")
        elif base == "υ":
            roman.append("u" if before == "ο" else "y")  # ου: ou
        elif base == "γ" and after in _BEFORE_NASAL_G:  # γγ, γκ, γξ, γχ: ng, nk, nx, nch
            roman.append("n")
        else:
            roman.append(_ROMAN.get(base, sort_letters(char)))
    return roman
