"""How the names of sources, tags and views are compared and sorted: in any case of any script
and either Unicode form ("SÜDDEUTSCHE" is "Süddeutsche", "ΚΑΘΗΜΕΡΙΝΉ" is "Καθημερινή"), and
listed by their letters without accents ("Ärzte Zeitung" under A, not after Z)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

_T = TypeVar("_T")

# Dashes and quotes a keyboard types for the typographic ones (or the other way round): a
# name that differs only by them is offered as a "did you mean"
_LOOSE = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
    | dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
)
_DIGITS = re.compile(r"(\d+)")
# The format characters (Unicode category Cf) that show nothing: soft hyphen, Arabic letter
# mark, Mongolian vowel separator, zero-width space, non-joiner and joiner, the bidi marks,
# embeddings, overrides and isolates, word joiner and invisible operators, byte order mark,
# annotation marks, shorthand and musical format controls, tag characters. (The Cf signs that
# show, Arabic number sign U+0600 and the like, stay: tests/store/test_feed_order checks it.)
# Then the other default-ignorable characters that show nothing of their own (review r46 L6:
# "Tech\ufe0f" was a second Tech): the combining grapheme joiner, the Hangul fillers, Khmer's
# inherent vowels, Mongolian and Unicode variation selectors.
_FORMAT = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u034f\u115f\u1160\u3164\uffa0\u17b4\u17b5\u180b-\u180d\u180f\ufe00-\ufe0f"
    "\U000e0100-\U000e01ef]"
)


def shown_name(name: str) -> str:
    """`name` as a screen shows it: composed (NFC), without its format characters (category
    Cf: zero-width joiners and spaces, bidi marks, soft hyphens) and variation selectors and
    fillers (U+FE0F, U+3164), which show nothing in a name.
    Two names equal here look the same: a user cannot tell them apart, or type one and not the
    other (hostile r46 M6: "Te\\u200dch" and "Tech" were two feeds, both shown as Tech)."""
    if name.isascii():
        return name
    shown = unicodedata.normalize("NFC", name)
    if _FORMAT.search(shown):
        shown = unicodedata.normalize("NFC", _FORMAT.sub("", shown))
    return shown


def shows_nothing(name: str) -> bool:
    """Whether `name` shows blank: only white space and characters shown_name drops (joiners,
    variation selectors, Hangul fillers) or the blank braille pattern. A source so named is a
    blank line in Sources and `feeds`, and no one can type it."""
    if name.isascii():
        return not name.strip()
    return not shown_name(name).replace("\u2800", "").strip()


def name_key(name: str) -> str:
    """`name` as names are compared (feeds, tags, views, everywhere: SQL's name_key() too):
    Unicode case folding (every script's letters; ß is ss) of the name as shown (shown_name)."""
    if name.isascii():
        return name.lower()  # (casefold's, for ASCII)
    return _folded(name)


@functools.lru_cache(maxsize=4096)
def _folded(name: str) -> str:
    """name_key of a name not ASCII, kept: the same few names (feeds, tags) are folded for
    every row (SQL's name_order() of `list --sort feed`), ~3 us each without (the look for
    format characters) and ~0.1 us again."""
    return unicodedata.normalize("NFC", shown_name(name).casefold())


def named(name: str, items: Iterable[_T], name_of: Callable[[_T], str]) -> list[_T]:
    """Of `items`, those `name` names (name_key); of several, the one whose name shows exactly
    as `name` (shown_name: its case too), if only one does. More than one left: `name` alone
    cannot choose (hostile r46 H2: `remove Café` deleted one of two feeds so named, unsaid)."""
    wanted = name_key(name)
    found = [item for item in items if name_key(name_of(item)) == wanted]
    if len(found) > 1:
        shown = shown_name(name)
        exact = [item for item in found if shown_name(name_of(item)) == shown]
        if len(exact) == 1:
            return exact
    return found


def loose_name_key(name: str) -> str:
    """name_key with every dash a hyphen, every quote a straight one and spaces collapsed:
    what a name typed on a keyboard (`Zeitung - München`) shares with the typographic one
    it meant (`Zeitung – München`)."""
    return " ".join(name_key(name).translate(_LOOSE).split())


def sort_letters(name: str) -> str:
    """`name`'s letters as a reader looks them up in a list: without accents, any case
    (Ärzte with the A's, Équipe with the E's, ıslak with the I's)."""
    if name.isascii():
        return name.lower()
    return name.translate(_LETTERS)


class _SortLetters(dict[int, str]):
    """Each character's sort_letters, worked out when str.translate first asks for it (a title
    of `list --sort title` took ~5 us): its compatibility decomposition without combining marks,
    case folded, decomposed again (ı as i). Per character as for the whole text: the marks a
    text's decomposition reorders are the ones left out."""

    def __missing__(self, code: int) -> str:
        plain = unicodedata.normalize("NFKD", chr(code))
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        letters = unicodedata.normalize("NFKD", plain.casefold()).replace("ı", "i")
        if len(self) < 65536:  # (a hostile feed's every character: not all kept)
            self[code] = letters
        return letters


_LETTERS = _SortLetters()


def name_order(name: str) -> tuple[tuple[str | int, ...], str]:
    """A sort key listing names as a reader counts: by their letters without accents and case
    (sort_letters), numbers by value ("News Desk 2" before "News Desk 10"); names that differ
    only by accents or case in a fixed order."""
    parts = _DIGITS.split(sort_letters(name))
    return tuple(int(p) if n % 2 else p for n, p in enumerate(parts)), name_key(name)


def name_order_text(name: str) -> str:
    """name_order as one string that sorts as it does, code point by code point (SQL's
    name_order(), whose BINARY order is that): each run of letters ends with NUL, a number is
    its digit count then its digits, then \x01 and name_key."""
    return f"{_DIGITS.sub(_number_text, sort_letters(name))}\0\x01{name_key(name)}"


def _number_text(number: re.Match[str]) -> str:
    """A number of name_order_text, after the NUL that ends the letters before it: its digit
    count (a longer number is a larger one), then its digits."""
    digits = number[0].lstrip("0") or "0"
    return f"\0{chr(0x30 + len(digits))}{digits}"
