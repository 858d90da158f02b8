"""Paragraphs, sentence starts and word tokens with character offsets into the original text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as _re_constants  # type: ignore[attr-defined]
from re import _parser as _re_parser  # type: ignore[attr-defined]
from types import FunctionType
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # mypyc's native 64-bit integer; plain int when run as Python
    from mypy_extensions import i64

WORD: Final = re.compile(r"\w+(?:[’'.&-]\w+)*", re.UNICODE)
_WORD_JOINERS: Final = "’'.&-"  # what joins two runs of word characters into one WORD


def bisect_ints_left(values: list[int], x: int) -> int:
    """`bisect.bisect_left(values, x)` on a sorted list of ints (offsets): compiled, a loop in C
    (the bisect module's call costs ~500 instructions there, and `bisect.…`'s look-up ~250)."""
    if not _COMPILED:
        return bisect.bisect_left(values, x)
    lo: i64 = 0
    hi: i64 = len(values)
    while lo < hi:
        mid: i64 = (lo + hi) // 2
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_ints_right(values: list[int], x: int) -> int:
    """`bisect.bisect_right(values, x)` on a sorted list of ints: see `bisect_ints_left`."""
    if not _COMPILED:
        return bisect.bisect_right(values, x)
    lo: i64 = 0
    hi: i64 = len(values)
    while lo < hi:
        mid: i64 = (lo + hi) // 2
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def count_words(text: str, most: int) -> int:
    """`len(WORD.findall(text))`, counted up to `most`, by a loop over the characters (no match
    objects): a word opens at a word character after neither one nor a joiner after one."""
    if _COMPILED:
        return count_words_by_code(text, most)
    count = 0
    prev_word = joined = False  # text[i-1] a word character; a joiner right after one
    for ch in text:
        word = ch.isalnum() or ch == "_"  # the regular expression's \w
        if word and not prev_word and not joined:
            count += 1
            if count >= most:
                return count
        joined = prev_word and not word and ch in _WORD_JOINERS
        prev_word = word
    return count


def count_words_by_code(text: str, most: int) -> int:
    """count_words read by character codes at machine-integer offsets: compiled, a character
    costs a few instructions (the loop over one-character strings, a method call each)."""
    count: i64 = 0
    size: i64 = len(text)
    prev_word = joined = False  # text[i-1] a word character; a joiner right after one
    i: i64 = 0
    while i < size:
        word = _is_word_at(text, i)
        if word and not prev_word and not joined:
            count += 1
            if count >= most:
                return count
        joined = prev_word and not word and _is_joiner_mark(ord(text[i]))
        prev_word = word
        i += 1
    return count


def word_case_counts(text: str) -> tuple[int, int, int]:
    """Of `WORD.findall(text)`: how many words, and, the first left out, how many open with a
    capital and how many open with one or are three characters at most."""
    if _COMPILED:
        return word_case_counts_by_code(text)
    words = WORD.findall(text)
    upper = sum(1 for w in words[1:] if w[0].isupper())
    return len(words), upper, sum(1 for w in words[1:] if w[0].isupper() or len(w) <= 3)


def word_case_counts_by_code(text: str) -> tuple[int, int, int]:
    """`word_case_counts` read by character codes (compiled: no list, no string a word): each
    WORD match runs from a word character as far as word characters, and ’'.&- between two
    of them, go on."""
    words: i64 = 0
    upper: i64 = 0
    upper_or_short: i64 = 0
    size: i64 = len(text)
    i: i64 = _word_start(text, 0, size)
    while i < size:
        start: i64 = i
        i = _word_end(text, i, size)
        words += 1
        if words > 1:
            code: i64 = ord(text[start])
            capital = 65 <= code <= 90 if code < 128 else text[start].isupper()
            if capital:
                upper += 1
            if capital or i - start <= 3:
                upper_or_short += 1
        i = _word_start(text, i, size)
    return words, upper, upper_or_short


def _word_start(text: str, i: i64, size: i64) -> i64:
    """The first offset from `i` where a word character of `text` stands, `size` if none."""
    while i < size and not _is_word_at(text, i):
        i += 1
    return i


def _word_end(text: str, i: i64, size: i64) -> i64:
    """Where the WORD match opening at text[i] (a word character) ends: word characters, and
    ’'.&- between two of them, go on (`size`: len(text))."""
    i += 1
    while i < size:
        if _is_word_at(text, i):
            i += 1
        elif i + 1 < size and _is_joiner_mark(ord(text[i])) and _is_word_at(text, i + 1):
            i += 2
        else:
            break
    return i


def word_votes(text: str, votes: dict[str, bool], longest: int, enough: int) -> tuple[int, int]:
    """How many words of `text` (WORD matches, whole) `votes` holds as True and as False, read
    in order and no further than where the True ones are `enough` and twice the False ones (an
    English text: its first few dozen words); `longest`: the longest word `votes` holds."""
    if _COMPILED:
        return word_votes_by_code(text, votes, longest, enough)
    yes = no = 0
    for match in WORD.finditer(text):
        vote = votes.get(match.group())
        if vote is None:
            continue
        if not vote:
            no += 1
            continue
        yes += 1
        if yes >= enough and yes >= 2 * no:
            break
    return yes, no


def word_votes_by_code(
    text: str, votes: dict[str, bool], longest: int, enough: int
) -> tuple[int, int]:
    """`word_votes` read by character codes (compiled: a string made and looked up only for a
    word no longer than `longest`)."""
    yes: i64 = 0
    no: i64 = 0
    size: i64 = len(text)
    end: i64 = _word_start(text, 0, size)
    while end < size:
        start: i64 = end
        end = _word_end(text, start, size)
        vote = votes.get(text[start:end]) if end - start <= longest else None
        end = _word_start(text, end, size)
        if vote is None:
            continue
        if not vote:
            no += 1
        else:
            yes += 1
            if yes >= enough and yes >= 2 * no:
                break
    return yes, no


# Tokens for names also keep a free-standing ampersand ("Marks & Spencer").
_TOKEN: Final = re.compile(r"\w+(?:[’'.&-]\w+)*|(?<= )&(?= )", re.UNICODE)
_NEWLINE_RUN: Final = re.compile(r"\n\s*")  # a paragraph break, less the blanks before its newline
_LINE_BLANKS: Final = " \t\r\f\v"
# A sentence's end: stops, closing marks and blanks, or a newline and blanks. Written to open
# with one set of characters, so the search skips to those (two alternatives are tried at every
# character): the newline's tail comes first, then the stops' tail.
_SENTENCE_END: Final = re.compile(r"[.!?…\n](?:(?<=\n)\s*|[.!?…]*[\"”’')\]]*\s+)")
ABBREVIATIONS: Final = frozenset(
    "mr mrs ms dr prof st sen rep gen col capt lt sgt maj adm gov jr sr inc ltd co corp bros no vs "
    "etc "
    "cpl pvt spc cmdr brig insp det supt "  # ranks: "Marine Cpl. Ann Lee told"
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m".split()
)


# The dash closing a dateline, less the blanks before it (searched from the dash: fast; each
# alternative opens with its own character, so the search skips to those).
_DATELINE_DASH: Final = re.compile(r"—[ \t]+|–[ \t]+|-[ \t]+|--[ \t]+|—|–")
# What every match of _DATELINE_DASH holds: a paragraph whose opening holds none has no dateline.
DATELINE_DASH_MARKS: Final = ("—", "–", "- ", "-\t")
_AGENCY: Final = re.compile(r"\s*\([^()\n]{1,30}\)\s*$")
_MONTHS: Final = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_NOT_DATELINE_PLACE: Final = _MONTHS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday update updated breaking exclusive "
    "analysis opinion editorial live watch video photos comment by".split()
)


@dataclass(frozen=True)
class Dateline:
    """'CAPE TOWN, South Africa, Nov 18 (Reuters) —': offsets of its place names and of its end."""

    places: tuple[tuple[int, int], ...]
    end: int


@dataclass(slots=True)
class Token:
    """One word: its offsets and text, and whether it opens a sentence.

    Not frozen (treat it as immutable): one is built per word, and frozen dataclasses build 4× slower.
    `__init__` is written out: mypyc compiles it, while the one `dataclass` writes runs as
    Python code in the compiled extractor (about ten times the instructions).
    """

    start: int
    end: int
    text: str
    sentence_start: bool

    def __init__(self, start: int, end: int, text: str, sentence_start: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.sentence_start = sentence_start


@lru_cache(maxsize=8)
def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of each non-empty paragraph (lines separated by one or more newlines).

    Cached: every stage of one article's analysis asks for the same text's paragraphs.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    newline = text.find("\n")
    while newline >= 0:  # each match of _NEWLINE_RUN, found without a Match object
        brk_end = newline + 1
        while brk_end < size and text[brk_end].isspace():  # \s*: what str.isspace calls blank
            brk_end += 1
        brk_start = newline  # the break opens with the blanks before its newline
        while brk_start > start and text[brk_start - 1] in _LINE_BLANKS:
            brk_start -= 1
        if _holds_non_blank(text, start, brk_start):
            spans.append((start, brk_start))
        start = brk_end
        newline = text.find("\n", brk_end)
    if _holds_non_blank(text, start, size):
        spans.append((start, size))
    return tuple(spans)


def _holds_non_blank(text: str, start: int, end: int) -> bool:
    """`bool(text[start:end].strip())`, without copying the paragraph (its first character
    mostly decides)."""
    while start < end:
        if not text[start].isspace():
            return True
        start += 1
    return False


def find_all(text: str, needles: tuple[str, ...], start: int = 0, end: int = -1) -> list[int]:
    """Offsets of every occurrence of each of `needles` in text[start:end] (end -1: the text's
    end), in order.

    str.find skips to each occurrence; a regular expression's search tests every character
    against its first set (several times the instructions on a long text when the characters
    are rare, as stops, dashes and apostrophes are), and makes a Match object of each.
    """
    found: list[int] = []
    stop = len(text) if end < 0 else end
    for needle in needles:
        at = text.find(needle, start, stop)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1, stop)
    if len(needles) > 1:
        found.sort()
    return found


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """`pattern.finditer(text)`'s matches when every match of `pattern` starts at one of the
    sorted offsets `starts` and none is empty: only those offsets are tried."""
    found: list[re.Match[str]] = []
    pos = 0
    for at in starts:
        if at >= pos:
            match = pattern.match(text, at)
            if match is not None:
                found.append(match)
                pos = match.end()
    return found


_SENTENCE_END_CHARS: Final = (".", "\n", "!", "?", "…")  # what every _SENTENCE_END match opens with


_DOTTED_INITIALISM: Final = re.compile(r"[a-z](?:\.[a-z]){1,3}")
_GIVEN_INITIALS: Final = re.compile(r"[A-Z](?:\.[A-Z]){1,2}")
# dotted abbreviations of places that often end a sentence ("in Washington, D.C.") and ships'
# prefixes ("U.S.S. Grayback"): no person's initials
_DOTTED_PLACE_ABBREVIATIONS: Final = frozenset(
    "d.c n.y l.a n.j n.z s.f p.r u.a.e u.s.a u.s.s h.m.s".split()
)


def given_initials(word: str) -> bool:
    """'T.J', 'J.R.R': initials opening a person's name, after which a full stop goes on."""
    return (
        (len(word) == 3 or len(word) == 5)  # what every match is: no search for other words
        and word[1] == "."
        and _GIVEN_INITIALS.fullmatch(word) is not None
        and word.lower() not in _DOTTED_PLACE_ABBREVIATIONS
    )


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin; `text` may have quote contents masked so inner stops are ignored."""
    starts = [0]
    pos = 0
    for stop in find_all(text, _SENTENCE_END_CHARS):  # where every _SENTENCE_END match opens
        if stop < pos:
            continue  # inside the match before (matches do not overlap)
        end = _sentence_end(text, stop)
        if end < 0:
            continue
        pos = end
        if (
            text[stop + 1 : stop + 2] == ")"
            and text[end : end + 1].islower()
            and "\n" not in text[stop:end]
        ):
            continue  # "Rep. Ann Lee (D-Calif.) said": a bracket closed after a stop goes on
        if stop > 4 and text[stop - 5 : stop].isalnum():
            pass  # the word before the stop is over four letters long: no abbreviation
        elif "\n" not in text[stop:end]:
            before = last_blank_word(text[max(0, stop - 40) : stop])
            last = before.lower().strip("\"“‘'(")
            if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            if before and given_initials(before.strip("\"“‘'(")):
                continue  # "T.J. Bonner", "J.R.R. Tolkien": a name's initials
            if _DOTTED_INITIALISM.fullmatch(last) and text[end : end + 1].islower():
                continue  # "outside Washington, D.C. saying": a dotted initialism, then lower case
        starts.append(end)
    return starts


def last_blank_word(text: str) -> str:
    """`text.rsplit(None, 1)[-1]`, "" for a blank text: the last run of non-blanks, read by
    character codes (compiled, `rsplit` with None is a method call, ~500 instructions)."""
    end: i64 = len(text)
    while end and _is_blank_at(text, end - 1):
        end -= 1
    start: i64 = end
    while start and not _is_blank_at(text, start - 1):
        start -= 1
    return text[start:end]


def _is_blank_at(text: str, at: i64) -> bool:
    """Whether text[at] is a blank as `str.split()` finds them (`str.isspace`)."""
    code: i64 = ord(text[at])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[at].isspace()


def _sentence_end(text: str, at: int) -> int:
    """Where the _SENTENCE_END match at `at` ends, -1 if none matches there. Compiled, read
    character by character (see capital_word_spans)."""
    if not _COMPILED:
        match = _SENTENCE_END.match(text, at)
        return -1 if match is None else match.end()
    size = len(text)
    end = at + 1
    if text[at] == "\n":  # (?<=\n)\s*
        while end < size and text[end].isspace():
            end += 1
        return end
    if text[at] not in _STOPS:
        return -1
    while end < size and text[end] in _STOPS:  # [.!?…]*
        end += 1
    while end < size and text[end] in _CLOSERS:  # ["”’')\]]*
        end += 1
    if end == size or not text[end].isspace():  # \s+
        return -1
    while end < size and text[end].isspace():
        end += 1
    return end


_STOPS: Final = frozenset(".!?…")
_CLOSERS: Final = frozenset("\"”’')]")


def tokenize(text: str, after_datelines: frozenset[int] = frozenset()) -> list[Token]:
    """Word tokens of `text`, each marked when it is the first word of a sentence.

    `after_datelines` holds the ends of datelines: the word there opens a sentence too.
    """
    tokens: list[Token] = []
    prev_end, prev_text = 0, ""
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = text[start:end]
        tokens.append(
            Token(
                start, end, word, _opens_sentence(text, prev_end, prev_text, start, after_datelines)
            )
        )
        prev_end, prev_text = end, word
    return tokens


# Arabic's article as it sounds before some letters, joined to the next word by a hyphen ("Izz
# ad-Din al-Qassam", "Abd ar-Rahman as-Sudais", "an-Nahar"): a head of a name there, though
# "at", "as", "an" and "ad" alone between capitals are English and join no name.
_HYPHEN_HEADS: Final = frozenset(("ad", "an", "ar", "as", "ash", "at", "az"))


@lru_cache(maxsize=4)
def _name_token_patterns(
    joiners: frozenset[str],
) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], int, bytes]:
    """Words that can open or be a name (capitalised, "al-", "d'"), the plain joiners, the
    joiners' first letters (tested before matching one), the longest joiner's length, and the
    first letters again by ASCII code (1 for one of them: tested without a one-letter string)."""
    words = "|".join(sorted(map(re.escape, joiners), key=len, reverse=True))
    heads = "|".join(sorted(map(re.escape, joiners | _HYPHEN_HEADS), key=len, reverse=True))
    capable = re.compile(
        rf"(?<!\w)(?<!\w[’'.&-])(?:[^\W\d_a-z]|(?:{heads})-(?=[A-Z])|[dl]['’](?=[A-Z]))"
        r"\w*(?:[’'.&-]\w+)*|(?<= )&(?= )"
    )
    joiner = re.compile(rf"(?<!\w)(?<!\w[’'.&-])(?:{words})(?!\w)(?![’'.&-]\w)")
    initials = frozenset(w[0] for w in joiners)
    codes = bytes(chr(code) in initials for code in range(128))
    return capable, joiner, initials, max(map(len, joiners), default=0), codes


# The three ways a name-capable word opens, each found by its own fast scan (one pattern with
# lookbehinds tried at every character was half of the tokenizer's time). A capitalised word
# at a word's start: its lookbehinds come after its first letter (tried only at capitals).
# The first letter is any letter but a-z ([^\W\d_a-z]): written as "A-Z or not ASCII", then
# checked as a letter, so the scan tests a plain range, not Unicode categories, at each character.
_CAPITAL_WORD: Final = re.compile(
    r"[A-Z\x80-\U0010ffff](?<=[^\W\d_])(?<!\w\w)(?<!\w[’'.&-]\w)\w*(?:[’'.&-]\w+)*"
)
# "al-Assad", "d'Estaing": a mark before a capital (A-Z), then look before the mark
_LOWER_HEAD_MARKS: Final = ("-", "'", "’")
_UPPER_ASCII: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# "Marks & Spencer": the ampersand first, so the scan skips to it (a leading lookbehind is
# tried at every character).
_LONE_AMPERSAND: Final = re.compile(r"&(?<= &)(?= )")
_LOWER_ASCII: Final = frozenset("abcdefghijklmnopqrstuvwxyz")
_SPAN: Final = re.Match.span


def capital_word_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `_CAPITAL_WORD.finditer(text)`, found by one pass over the characters.

    The compiled extractor reads a character as its code in a few instructions, while the
    regular expression's search tests every character against its first set and builds a
    Match object per word (together a tenth of the compiled extractor's instructions). Pure
    Python runs the pattern instead: there a loop over the characters costs more. The codes
    are read from the text's one-byte copy (`one_byte_copy`): compiled, a byte costs half
    the instructions of a character of the str."""
    spans: list[tuple[int, int]] = []
    data = one_byte_copy(text)
    size: i64 = len(data)  # i64: compiled, the loop's offsets are machine integers
    start, end = _next_capital_word(data, text, 0, size)
    while start >= 0:
        spans.append((start, end))
        start, end = _next_capital_word(data, text, end, size)
    return spans


def _next_capital_word(data: bytes, text: str, i: i64, size: i64) -> tuple[i64, i64]:
    """The span of the first match of `_CAPITAL_WORD` at `i` or after, (-1, -1) if none: read
    from the one-byte copy `data` of `text` (compiled, two machine integers, no tuple made)."""
    while i < size:
        code: i64 = data[i]
        if code < 128 and code != 63:
            if code < 65 or code > 90:  # not A-Z: most characters
                i += 1
                continue
        elif not text[i].isalnum() or text[i].isdecimal():  # no letter ([^\W\d_])
            i += 1
            continue
        # (?<!\w\w) and (?<!\w[’'.&-]\w): the word opens here, not inside a token
        if i and (
            _is_word_in(data, text, i - 1)
            or (
                i > 1
                and _is_joiner_mark(_code_in(data, text, i - 1))
                and _is_word_in(data, text, i - 2)
            )
        ):
            i += 1
            continue
        end: i64 = _word_run_end_in(data, text, i + 1, size)  # \w*
        while (
            end + 1 < size
            and _is_joiner_mark(_code_in(data, text, end))
            and _is_word_in(data, text, end + 1)
        ):
            end = _word_run_end_in(data, text, end + 2, size)  # (?:[’'.&-]\w+)*
        return i, end
    return -1, -1


def one_byte_copy(text: str) -> bytes:
    """`text` as one byte a character (latin-1; "?" for a character beyond it): compiled, a byte
    of it is read in half the instructions of a character of the str (no test of the str's
    kind each time). A "?" there may stand for another character: read text[i] then."""
    return text.encode("latin-1", "replace")


def _code_in(data: bytes, text: str, at: i64) -> i64:
    """The code of text[at], read from its one-byte copy `data` when that holds it."""
    code: i64 = data[at]
    return ord(text[at]) if code == 63 else code


def _is_word_in(data: bytes, text: str, at: i64) -> bool:
    """`_is_word_at(text, at)` read from the one-byte copy `data` of `text`."""
    code: i64 = data[at]
    if code < 128 and code != 63:
        return 97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95
    return text[at].isalnum()


def _word_run_end_in(data: bytes, text: str, at: i64, size: i64) -> i64:
    """Where the run of word characters (\\w) from `at` ends, `size` at most, read from the
    one-byte copy `data` of `text` (the loop itself reads ASCII: compiled, a call for each
    character cost as much again)."""
    while at < size:
        code: i64 = data[at]
        if code < 128 and code != 63:
            if not (97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95):
                return at
        elif not text[at].isalnum():
            return at
        at += 1
    return at


def word_char_from(data: bytes, window: str, i: i64, size: i64) -> i64:
    """The first offset from `i` where a word character of `window` stands (`data` its one-byte
    copy), `size` if none does before it."""
    while i < size and not _is_word_in(data, window, i):
        i += 1
    return i


def opens_word_in(data: bytes, window: str, text: str, base: i64, i: i64) -> bool:
    """Whether the word character at offset `i` of `window` (text[base:…], `data` its one-byte
    copy) opens a word: no word character before it, in the window or, at its first offset,
    in `text` (or the text opens there)."""
    if i:
        return not _is_word_in(data, window, i - 1)
    return base == 0 or not _is_word_at(text, base - 1)


def _is_word_at(text: str, at: i64) -> bool:
    """Whether text[at] is a regular-expression word character (\\w), for 0 <= at < len(text)."""
    code: i64 = ord(text[at])
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95
    return text[at].isalnum()


def _is_joiner_mark(code: i64) -> bool:
    """Whether the character of this code is one of ’'.&- (joining the parts of one word)."""
    return code == 39 or code == 46 or code == 45 or code == 38 or code == 0x2019


def _name_word_spans(text: str, capable: re.Pattern[str]) -> list[tuple[int, int]]:
    """Offsets of every match of `capable` in `text`, in order.

    A match starts a word (no word character, nor one of ’'.&- after a word character, before
    it), so matches never overlap: capitalised words, the rare lower-case heads ("al-", "d'")
    found from the mark after them, and lone ampersands are gathered apart and sorted.
    """
    if _COMPILED:
        spans = capital_word_spans(text)
    else:
        spans = list(map(_SPAN, _CAPITAL_WORD.finditer(text)))
    return _with_extra_spans(spans, _extra_name_spans(text, capable))


def _extra_name_spans(text: str, capable: re.Pattern[str]) -> list[tuple[int, int]]:
    """The matches of `capable` that are no capitalised word: lone ampersands and lower-case
    heads ("al-Assad", "d'Estaing", found from the mark after them); most texts have none."""
    extra = [m.span() for m in _LONE_AMPERSAND.finditer(text)] if "&" in text else []
    for mark in find_all(text, _LOWER_HEAD_MARKS):  # "al-Assad", "d'Estaing"
        if text[mark + 1 : mark + 2] not in _UPPER_ASCII:
            continue
        head = mark
        while head and (text[head - 1].isalnum() or text[head - 1] == "_"):
            head -= 1
        if head < mark and text[head] in _LOWER_ASCII:
            found = capable.match(text, head)
            if found:
                extra.append(found.span())
    return extra


def _with_extra_spans(
    spans: list[tuple[int, int]], extra: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`sorted(set(spans).union(extra))`, where `spans` is sorted and distinct and the extras
    few: each inserted where it belongs, once."""
    for span in extra:
        at = bisect.bisect_left(spans, span)
        if at == len(spans) or spans[at] != span:
            spans.insert(at, span)
    return spans


def name_tokens(text: str, after_datelines: frozenset[int], joiners: frozenset[str]) -> list[Token]:
    """The tokens of `tokenize` that can be part of a name: words not starting with a lower-case
    letter or digit, and the `joiners` ("of", "al", "the") right after one of those (one
    character apart); sentence starts judged as there.

    The entity finder needs only these (a seventh of the words): a joiner anywhere else joins
    no name. Name-capable words are found by fast scans, the joiners after each.
    """
    # the longest joiner's length once per joiner set, not per text (1.5% of the extractor)
    capable, _, initials, longest, initial_codes = _name_token_patterns(joiners)
    found = _NameTokens(text, after_datelines, joiners, longest, initials, initial_codes)
    extra = _extra_name_spans(text, capable)
    if _COMPILED and not extra:  # (most texts) each capital word as it is found: no list of
        data = one_byte_copy(text)  # spans, no tuple and no boxed offsets for each
        size: i64 = len(data)
        start, end = _next_capital_word(data, text, 0, size)
        while start >= 0:
            found.add(start, end)
            start, end = _next_capital_word(data, text, end, size)
        return found.tokens
    if _COMPILED:
        spans = capital_word_spans(text)
    else:
        spans = list(map(_SPAN, _CAPITAL_WORD.finditer(text)))
    for span_start, span_end in _with_extra_spans(spans, extra):
        found.add(span_start, span_end)
    return found.tokens


class _NameTokens:
    """The tokens `name_tokens` gathers from one text, with what it reads them by."""

    def __init__(
        self,
        text: str,
        after_datelines: frozenset[int],
        joiners: frozenset[str],
        longest: int,
        initials: frozenset[str],
        initial_codes: bytes,
    ) -> None:
        self.text = text
        self.after_datelines = after_datelines
        self.dated = bool(after_datelines)  # (most texts have none: no look-up of each offset)
        self.joiners = joiners
        self.longest = longest
        self.initials = initials
        self.initial_codes = initial_codes
        self.size: i64 = len(text)
        self.tokens: list[Token] = []  # (tokens.append: compiled, a bound method's call ~150)

    def add(self, start: int, end: int) -> None:
        """The token of the name-capable word text[start:end], and the joiners right after it."""
        text = self.text
        if ord(text[start]) >= 128 and not text[start].isupper():
            return  # a letter without case (Devanagari, Han): never part of a name here
        self.tokens.append(Token(start, end, text[start:end], self._opens(start)))
        follows = -1
        if end + 1 < self.size:  # a joiner's first letter after the space: its code first
            code: i64 = ord(text[end + 1])
            if self.initial_codes[code] == 1 if code < 128 else text[end + 1] in self.initials:
                follows = _joiner_end(text, end + 1, self.joiners, self.longest)
        while follows >= 0:  # "Bank of the West", "Institut de la Santé"
            start, end = end + 1, follows
            self.tokens.append(Token(start, end, text[start:end], self._opens(start)))
            follows = _joiner_end(text, end + 1, self.joiners, self.longest)

    def _opens(self, start: int) -> bool:
        """Whether the word at `start` opens a sentence (see `_opens_at`)."""
        if _space_after_word(self.text, start):  # the commonest gaps: " ", ", " after a word
            return self.dated and start in self.after_datelines
        return _opens_at(self.text, start, self.after_datelines)


def _joiner_end(text: str, at: int, joiners: frozenset[str], longest: int) -> int:
    """Where the word of `joiners` starting at `at` ends, -1 if none does: what the `joiner`
    pattern of _name_token_patterns matches there (a whole word, not inside a token), found
    without a regular expression's call (tried after most capitalised words). `longest`: the
    length of the longest joiner (a longer word is none, so its end is not looked for)."""
    size: i64 = len(text)  # i64 and character codes: compiled, a character costs a few
    start: i64 = at  # instructions (a one-character string and a method call otherwise)
    if start >= size:
        return -1
    if start >= 1 and (
        _is_word_at(text, start - 1)
        or (start >= 2 and _is_joiner_mark(ord(text[start - 1])) and _is_word_at(text, start - 2))
    ):
        return -1
    end: i64 = start
    limit: i64 = min(size, start + longest + 1)
    while end < limit and _is_word_at(text, end):
        end += 1
    if end == start or end - start > longest or text[start:end] not in joiners:
        return -1  # joiners are all letters: the match is the whole run of word characters
    if end + 1 < size and _is_joiner_mark(ord(text[end])) and _is_word_at(text, end + 1):
        return -1  # "de.x": a token goes on past the word
    return end


def _is_word_char(char: str) -> bool:
    """Whether `char` (one character or "") is a regular-expression word character (\\w)."""
    return char.isalnum() or char == "_"


_NICKNAME_CLOSERS: Final = {'"': '"', "“": "”", "‘": "’", "'": "'"}
NICKNAME_MARKS: Final = frozenset("\"“”‘’'")  # the marks that may open or close a nickname
# One or two capitalised words; an apostrophe only inside a word, so a single closer stays out.
_NICKNAME_BODY: Final = re.compile(r"[A-Z][\w.-]*(?:['’]\w+)*(?: [A-Z][\w.-]*(?:['’]\w+)*)?")
_NICKNAME_NEXT: Final = re.compile(
    r" (?:[A-Z]|(?:van|von|de|da|di|del|der|du|la|le|al|el|bin|ibn) [A-Z])"
)
_NOT_NAME_BEFORE: Final = frozenset(
    "The A An In On At Of For And But Or To As By From With".split()
)


def nickname_end(text: str, open_mark: int) -> int:
    """Where a nickname in quotation marks inside a name ends ('Earvin "Magic" Johnson',
    'Edward Lodewijk “Eddie” Van Halen'), past its closing mark; -1 when the mark at
    `open_mark` opens no nickname. Such a nickname is part of the name, not a quotation."""
    closer = _NICKNAME_CLOSERS.get(text[open_mark : open_mark + 1])
    if closer is None or open_mark < 3 or text[open_mark - 1] != " ":
        return -1
    start = open_mark - 1
    while start and (text[start - 1].isalnum() or text[start - 1] in "’'.-"):
        start -= 1
    before = text[start : open_mark - 1]
    if not before[:1].isupper() or before in _NOT_NAME_BEFORE or not before[-1:].isalpha():
        return -1
    body = _NICKNAME_BODY.match(text, open_mark + 1)
    if body is None or text[body.end() : body.end() + 1] != closer:
        return -1
    end = body.end() + 1
    return end if _NICKNAME_NEXT.match(text, end) else -1


def closes_nickname(text: str, mark: int) -> bool:
    """Whether the quotation mark at `mark` closes a nickname inside a name (see nickname_end)."""
    start = mark
    for _ in range(2):  # a nickname is one or two words
        start = text.rfind(" ", 0, start)
        if start < 0:
            return False
        if text[start + 1 : start + 2] in _NICKNAME_CLOSERS:
            return nickname_end(text, start + 1) == mark + 1
    return False


def _opens_at(text: str, start: int, after_datelines: frozenset[int]) -> bool:
    """Whether the word at `start` opens a sentence, judged from the characters before it
    (read by their codes: compiled, each a few instructions, not a string and a method call)."""
    if _space_after_word(text, start):
        return start in after_datelines  # the commonest gaps: " ", ", " after a word
    if start and ord(text[start - 1]) == 10:
        return True  # a paragraph's first word (the gap below holds a newline)
    if (
        start > 2
        and ord(text[start - 2]) == 46  # ". "
        and ord(text[start - 1]) == 32
        and _in_word_before_gap(text, start - 3)
    ):  # a full stop and a space after a word: what the gap below would leave
        if start > 6 and text[start - 7 : start - 2].isalnum():
            return True  # after a word of five letters or more: no abbreviation
        return _ends_sentence(".", _word_before(text, start - 2)) or start in after_datelines
    prev_end: i64 = start
    while prev_end and not _in_word_before_gap(text, prev_end - 1):
        prev_end -= 1
    gap = text[prev_end:start]
    if not prev_end or "\n" in gap:
        return True
    stop = gap.strip(" \t\"“‘'([«").rstrip("”’\"')]» \t")
    if stop.endswith(("!", "?", "…", ":")):
        return True
    if stop.endswith("."):  # a full stop ends a sentence unless after "Mr", "U"
        if prev_end > 4 and text[prev_end - 5 : prev_end].isalnum():
            return True  # after a word of five letters or more: no abbreviation
        return _ends_sentence(stop, _word_before(text, prev_end)) or start in after_datelines
    return start in after_datelines


_INNER: Final = "_’'.&-"  # characters inside a word token besides letters and digits
_NO_STOP: Final = "_,;%"  # before a space after a word, these never end a sentence


def _space_after_word(text: str, start: i64) -> bool:
    """Whether a space, after a letter, digit or one of _NO_STOP, comes right before `start`
    (the commonest gaps before a word, " " and ", ": they never end a sentence)."""
    if start < 2 or ord(text[start - 1]) != 32:
        return False
    code: i64 = ord(text[start - 2])
    if code < 128:
        return (
            97 <= code <= 122
            or 65 <= code <= 90
            or 48 <= code <= 57
            or code == 95  # _NO_STOP: _ , ; %
            or code == 44
            or code == 59
            or code == 37
        )
    return text[start - 2].isalnum()


def _in_word_before_gap(text: str, at: i64) -> bool:
    """Whether text[at] is a letter, a digit, "_" or "&" (what ends the word before a gap)."""
    code: i64 = ord(text[at])
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95 or code == 38
    return text[at].isalnum()


def _word_before(text: str, end: int) -> str:
    """The word token ending at `end` (as `tokenize` would have cut it)."""
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in _INNER):
        start -= 1
    word = text[start:end]
    return word if word == "&" else word.lstrip("’'.&-")


def _opens_sentence(
    text: str, prev_end: int, prev_text: str, start: int, after_datelines: frozenset[int]
) -> bool:
    gap = text[prev_end:start]
    if gap == " " and prev_text:  # by far the commonest gap: it never ends a sentence
        return start in after_datelines
    return (
        not prev_text
        or "\n" in gap
        or _ends_sentence(gap.strip(" \t\"“‘'([«"), prev_text)
        or start in after_datelines
    )


def full_stop_ends_sentence(text: str, at: int) -> bool:
    """Whether the full stop at `text[at]` ends its sentence: not after an initial ("Jerome H.
    Powell"), a title or another abbreviation ("Dr.", "U.S.", "St.")."""
    return _ends_sentence(".", _word_before(text, at))


def _ends_sentence(gap: str, prev: str) -> bool:
    gap = gap.rstrip("”’\"')]» \t")
    if gap.endswith(("!", "?", "…", ":")):
        return True
    if not gap.endswith("."):
        return False
    return (
        prev.lower() not in ABBREVIATIONS
        and not (len(prev) == 1 and prev.isupper())
        and not given_initials(prev)
    )


def _name_words(part: str) -> list[str] | None:
    words = part.split()
    if not 1 <= len(words) <= 4 or any(
        not w.replace("-", "").replace(".", "").replace("'", "").replace("’", "").isalpha()
        for w in words
    ):
        return None
    return words


def _is_date(part: str) -> bool:
    words = part.replace(".", " ").lower().split()
    return (
        bool(words)
        and len(words) <= 4
        and (any(c.isdigit() for c in part) or any(w in _MONTHS for w in words))
    )


def find_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline opening the paragraph text[start:end], if it has one.

    An ALL-CAPS place ("ACCRA —", "TURIN, Italy —", "WASHINGTON (Reuters) -"), or a place in
    normal case followed by a date ("Kelmouth, 16 November 2026 —"), then a dash.
    """
    opening_end = min(end, start + 90)
    if not may_match(text, DATELINE_DASH_MARKS, start, opening_end):
        return None  # most paragraphs: four finds cost less than the search
    dash = _DATELINE_DASH.search(text, start, opening_end)
    if dash is None:
        return None
    dash_start = dash.start()
    while dash_start > start and text[dash_start - 1] in " \t":
        dash_start -= 1
    if dash_start == start:
        return None
    head = text[start:dash_start]
    agency = _AGENCY.search(head)
    if agency:
        head = head[: agency.start()]
    parts, offset = [], start
    for part in head.split(","):
        lead = len(part) - len(part.lstrip())
        parts.append((offset + lead, part.strip()))
        offset += len(part) + 1
    first_start, first = parts[0]
    words = _name_words(first)
    if (
        not words
        or first.casefold() in _NOT_DATELINE_PLACE
        or words[0].casefold() in _NOT_DATELINE_PLACE
    ):
        return None
    shouting = first.isupper() and len(first.replace(" ", "")) >= 3
    dated = any(_is_date(p) for _, p in parts[1:]) or agency is not None
    if not shouting and not (dated and all(w[0].isupper() for w in words)):
        return None
    places = [(first_start, first_start + len(first))]
    for part_start, part in parts[1:]:
        if _is_date(part):
            continue
        region = _name_words(part)
        if not region or not all(w[0].isupper() for w in region) or len(places) >= 3:
            return None
        places.append((part_start, part_start + len(part)))
    if shouting and not dated and len(text[dash.end() : end].split()) < 8:
        return None  # a heading such as "UKRAINE WAR - LATEST", not a story's opening line
    return Dateline(tuple(places), dash.end())


def datelines(text: str) -> list[Dateline]:
    """The datelines opening any paragraph of `text` (usually only the first)."""
    if not ("—" in text or "–" in text or _hyphen_as_dash(text)):
        return []  # every dateline ends with a dash (most texts have none at all)
    found = []
    for start, end in paragraph_spans(text):
        dateline = find_dateline(text, start, end)
        if dateline:
            found.append(dateline)
    return found


def _hyphen_as_dash(text: str) -> bool:
    """Whether `text` holds "- ", "-\t" or "--": its hyphens read one by one (most texts have a
    few), where each of the three searched the whole text."""
    at = text.find("-")
    while at >= 0:
        if text[at + 1 : at + 2] in (" ", "\t", "-"):
            return True
        at = text.find("-", at + 1)
    return False


def literal_heads(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which opens every match of `pattern` (after a leading word boundary), read
    from the pattern itself, so `may_match` rules a text out without the search, which tries a
    pattern led by \\b at every character. () when a match may open otherwise (a class, a
    lookaround or an optional part first, IGNORECASE): then nothing is ruled out."""
    return _read_cased(pattern, _heads)


def _read_cased(
    pattern: re.Pattern[str],
    read: Callable[[list[Any]], list[str] | None],
    prefixes: bool = False,
) -> tuple[str, ...]:
    """The strings `read` finds in the parsed `pattern`, those holding (`prefixes`: opening with)
    none of the others; () when it finds none, or the pattern ignores case."""
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        found = read(list(_re_parser.parse(pattern.pattern, pattern.flags).data))
    except Exception:  # a parser of another Python: no shortcut, same answers
        return ()
    return _shortest_cover(found, prefixes) if found else ()


def _shortest_cover(strings: list[str], prefixes: bool = False) -> tuple[str, ...]:
    """The strings that hold none of the others, shortest first: finding "name" finds "named".
    `prefixes`: that open with none of the others (a word opening with "nickname" holds "name",
    but no word opening with it)."""
    kept: list[str] = []
    for string in sorted(set(strings), key=lambda s: (len(s), s)):
        if not any(string.startswith(short) if prefixes else short in string for short in kept):
            kept.append(string)
    return tuple(kept)


def _heads(items: list[Any]) -> list[str] | None:
    """The literal strings that open the matches of the parsed sequence `items`, None if some
    match may open with no literal."""
    text = ""
    for i, (op, av) in enumerate(items):
        if op is _re_constants.LITERAL:
            text += chr(av)
        elif op is _re_constants.AT and not text and av is _re_constants.AT_BOUNDARY:
            continue  # \b before the first literal: the literal still opens the match
        elif op is _re_constants.SUBPATTERN and not av[1] and not av[2]:  # (?:…), (…)
            inner = _heads(list(av[3].data) + items[i + 1 :])
            if inner is None:
                return [text] if text else None
            return [text + h for h in inner]
        elif op is _re_constants.BRANCH:
            found: list[str] = []
            for alternative in av[1]:
                inner = _heads(list(alternative.data) + items[i + 1 :])
                if inner is None:
                    return [text] if text else None
                found += inner
            return [text + h for h in found]
        elif (
            op is _re_constants.IN
            and not text
            and 0 < len(av) <= _CLASS_MOST
            and all(o is _re_constants.LITERAL for o, _ in av)
        ):  # "[Tt]he": a head opened by a few characters, one head each ("The", "the")
            rest = _heads(items[i + 1 :]) or [""]
            return [text + chr(c) + h for _, c in av for h in rest]
        else:
            break
    return [text] if text else None


_CLASS_MOST: Final = 4  # the most characters of a class [...] read as heads (one each)


def may_match(text: str, heads: tuple[str, ...], start: int = 0, end: int = -1) -> bool:
    """False when no string of `heads` (`literal_heads` of a pattern) lies in text[start:end]
    (end -1: the text's end), so the pattern's search there finds nothing; True otherwise."""
    if not heads:
        return True
    if end < 0:
        end = len(text)
    return any(text.find(head, start, end) >= 0 for head in heads)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which lies inside every match of `pattern`, read from the pattern itself
    (lower-cased when it ignores case): a window holding none is ruled out without the search,
    which tries a pattern that opens with a class or a word boundary at every character (one
    that must end the window, `…$`, the most). () when no such strings are known."""
    try:
        needs = _needs(list(_re_parser.parse(pattern.pattern, pattern.flags).data))
    except Exception:  # a parser of another Python: no shortcut, same answers
        return ()
    if not needs:
        return ()
    if pattern.flags & re.IGNORECASE:
        if not all(need.isascii() for need in needs):
            return ()  # "ſ" matches "s" when case is ignored: only ASCII is folded by lower()
        needs = [need.lower() for need in needs]
    return _shortest_cover(needs)


def _needs(items: list[Any]) -> list[str] | None:
    """Strings one of which every match of the parsed sequence `items` holds, the most
    selective choice (longest shortest string) of its literal runs and required groups; None
    if none is known."""
    best: list[str] | None = None
    run = ""
    for op, av in [*items, (None, None)]:  # a last item that ends the last run
        if op is _re_constants.LITERAL:
            run += chr(av)
            continue
        options: list[str] | None = None
        if op is _re_constants.SUBPATTERN and not av[1] and not av[2]:  # (?:…), (…)
            options = _needs(list(av[3].data))
        elif op is _re_constants.BRANCH:
            options = []
            for alternative in av[1]:
                inner = _needs(list(alternative.data))
                if inner is None:
                    options = None
                    break
                options += inner
        elif op in _REPEATS and av[0] >= 1:  # at least once: its body is required
            options = _needs(list(av[2].data))
        for choice in ([run] if run else None, options):
            if choice and (best is None or _selectivity(choice) > _selectivity(best)):
                best = choice
        run = ""
    return best


_REPEATS: Final = tuple(
    getattr(_re_constants, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_re_constants, name)
)


def _selectivity(needs: list[str]) -> tuple[int, int]:
    """How well a set of strings rules windows out: its shortest string long, then few strings."""
    return min(map(len, needs)), -len(needs)


class LiteralGuard:
    """`required_literals` of a pattern and the test of a window against them: False when the
    pattern's search in text[start:end] can find nothing, True when it may."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.needs = required_literals(pattern)
        self.folded = bool(pattern.flags & re.IGNORECASE)

    def may_match(self, text: str, start: int = 0, end: int = -1) -> bool:
        """Whether text[start:end] (end -1: the text's end) holds one of the needed strings."""
        if not self.needs:
            return True
        if end < 0:
            end = len(text)
        if not self.folded:
            return any(text.find(need, start, end) >= 0 for need in self.needs)
        window = text[start:end]
        if not window.isascii():
            return True  # "K" (Kelvin) is "k" when case is ignored: only the search knows
        window = window.lower()
        return any(need in window for need in self.needs)


# A pattern's `endpos` when none is given: past any text, and small enough for mypyc's tagged
# integers (sys.maxsize is boxed: each comparison with it cost ~300 instructions compiled)
_NO_END: Final = 1 << 60


class OpeningGuard:
    """A pattern whose `match` and `fullmatch` at `pos` are asked only when the character there
    may open a match (the characters read from the pattern once): compiled, a call of a pattern
    costs ~1,000 instructions even when its first character fails, this test about 20. Every
    answer is the pattern's own.

    A pattern opening with blanks or non-word characters (`\\s*`, `\\W*`, `^\\s*`) before a part
    that cannot open with one of those has the run of them at `pos` read past, and the
    character after it tested; a pattern that ignores case folds only the ASCII letters that
    have no partner beyond ASCII (i, k and s have: "İ", "K", "ſ"). The next characters are
    tested too, up to `_OPENING_DEPTH` (each against the characters that may stand at its
    position): most calls that pass the first fail there (" by", ", 3", " admin")."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.skip = 0  # the leading run read past: 0 none, _SKIP_BLANKS, _SKIP_NON_WORD
        folded = bool(pattern.flags & re.IGNORECASE)
        try:
            items = list(_re_parser.parse(pattern.pattern, pattern.flags).data)
            codes, beyond, empty = _opening(items)
            mask, non_ascii = _folded(codes, beyond, folded)
            skip, rest = _leading_run(items)
            if skip:
                codes, beyond, rest_empty = _opening(rest)
                rest_mask, rest_non_ascii = _folded(codes, beyond, folded)
                run_mask = _ASCII_SPACE if skip == _SKIP_BLANKS else _ASCII_NON_WORD
                if not rest_empty and not rest_mask & run_mask:
                    # the rest opens where the run ends: the character there tells
                    mask, non_ascii, empty, self.skip = rest_mask, rest_non_ascii, False, skip
        except Exception:  # a parser of another Python: every position asked
            mask, non_ascii, empty = _ASCII_ALL, True, True
            items = rest = []
        if pattern.flags & re.LOCALE:
            mask, non_ascii = _ASCII_ALL, True
        # by character code below 128: whether it may open a match (1) or not (0)
        self.opens = bytes((mask >> code) & 1 for code in range(128))
        # the characters that may stand at the next positions of a match (after the run read
        # past): by position k (1 to _OPENING_DEPTH - 1) and code, in `later` at
        # (k - 1) * 128 + code; bit k of `later_beyond` when one beyond ASCII may; every match
        # holds `least` characters at least (up to _OPENING_DEPTH)
        later, self.least = _later_positions(items if not self.skip else rest, folded)
        if pattern.flags & re.LOCALE or empty:
            later, self.least = [(_ASCII_ALL, True)] * (_OPENING_DEPTH - 1), 0
        self.later = bytes((m >> code) & 1 for m, _ in later for code in range(128))
        self.later_beyond: i64 = sum(1 << (k + 1) for k, (_, b) in enumerate(later) if b)
        self.non_ascii = non_ascii  # whether a character beyond ASCII may
        self.always = empty  # a match may be empty: every position is asked
        run = _ASCII_SPACE if self.skip == _SKIP_BLANKS else _ASCII_NON_WORD if self.skip else 0
        self.run = bytes((run >> code) & 1 for code in range(128))  # the run's ASCII characters

    def _may_open(self, text: str, pos: int, endpos: int) -> bool:
        if self.always:
            return True
        at: i64 = max(pos, 0)  # (a negative pos reads from 0, as the pattern does)
        end: i64 = min(len(text), max(endpos, 0))
        if self.skip:
            while at < end:  # the leading run: read past it
                code: i64 = ord(text[at])
                if code < 128:
                    if self.run[code] == 0:
                        break
                elif self.non_ascii or not (
                    text[at].isspace() if self.skip == _SKIP_BLANKS else not text[at].isalnum()
                ):
                    break  # (the rest may open beyond ASCII, even with one of the run's)
                at += 1
        if at >= end:
            return False  # a match holds a character at least
        first: i64 = ord(text[at])
        if not (self.opens[first] == 1 if first < 128 else self.non_ascii):
            return False
        if self.skip and first >= 128:
            return True  # (the run read past may go on there: the rest may open later)
        k: i64 = 1
        while k < _OPENING_DEPTH:  # the next characters, each at its position
            if at + k >= end:
                return k >= self.least  # the text ends: only a match this short may be there
            next_code: i64 = ord(text[at + k])
            if next_code < 128:
                if self.later[(k - 1) * 128 + next_code] == 0:
                    return False
            elif not (self.later_beyond >> k) & 1:
                return False
            k += 1
        return True

    def match(self, text: str, pos: int = 0, endpos: int = _NO_END) -> re.Match[str] | None:
        """`pattern.match(text, pos, endpos)`."""
        if not self._may_open(text, pos, endpos):
            return None
        if endpos == _NO_END:
            return self.pattern.match(text, pos)
        return self.pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = _NO_END) -> re.Match[str] | None:
        """`pattern.fullmatch(text, pos, endpos)`."""
        if not self._may_open(text, pos, endpos):
            return None
        if endpos == _NO_END:
            return self.pattern.fullmatch(text, pos)
        return self.pattern.fullmatch(text, pos, endpos)


_OPENING_DEPTH: Final = 6  # the characters an OpeningGuard tests at the opening of a match


def _later_positions(items: list[Any], folded: bool) -> tuple[list[tuple[int, bool]], int]:
    """The characters that may stand at positions 1 to _OPENING_DEPTH - 1 of a match of the
    parsed sequence `items` (an ASCII mask and whether one beyond ASCII may, case folded when
    `folded`), and how many characters every match holds at least (_OPENING_DEPTH at most)."""
    masks = [0] * _OPENING_DEPTH
    beyond = [False] * _OPENING_DEPTH
    ends = _read_positions(items, {0}, masks, beyond)
    least = min(ends, default=_OPENING_DEPTH)
    for k in range(least, _OPENING_DEPTH):  # a match may end before: anything may follow
        masks[k], beyond[k] = _ASCII_ALL, True
    return [_folded(masks[k], beyond[k], folded) for k in range(1, _OPENING_DEPTH)], least


def _read_positions(
    items: list[Any], offsets: set[int], masks: list[int], beyond: list[bool]
) -> set[int]:
    """Walk the parsed sequence `items` from each of `offsets` (positions in a match), widening
    `masks[k]` and `beyond[k]` with every character that may stand at position k < len(masks);
    the positions where the sequence may end (those < len(masks)). An item it does not know
    may hold anything from where it opens (and may be empty)."""
    depth = len(masks)
    for op, av in items:
        if not offsets:
            break
        if op is _re_constants.LITERAL or op is _re_constants.IN or op is _re_constants.ANY:
            if op is _re_constants.LITERAL:
                codes, non_ascii = (1 << av, False) if av < 128 else (0, True)
            elif op is _re_constants.IN:
                codes, non_ascii = _class_opening(av)
            else:
                codes, non_ascii = _ASCII_ALL, True
            for at in offsets:
                masks[at] |= codes
                beyond[at] = beyond[at] or non_ascii
            offsets = {at + 1 for at in offsets if at + 1 < depth}
        elif op in (_re_constants.AT, _re_constants.ASSERT, _re_constants.ASSERT_NOT):
            continue  # zero-width: what they test only narrows the matches
        elif op is _re_constants.SUBPATTERN and not av[1] and not av[2]:  # (?:…), (…)
            offsets = _read_positions(list(av[3].data), offsets, masks, beyond)
        elif op is _re_constants.BRANCH:
            offsets = set().union(
                *(_read_positions(list(alt.data), set(offsets), masks, beyond) for alt in av[1])
            )
        elif op in _REPEATS:
            low, high, body = av
            ends: set[int] = set()
            current = set(offsets)
            count = 0
            while True:
                if count >= low or count > depth:  # (past the depth: taken as may end)
                    ends |= current
                if not current or count >= high or count > depth:
                    break
                current = _read_positions(list(body.data), current, masks, beyond)
                count += 1
            offsets = ends
        else:  # a reference to a group, a condition, inline flags…: anything, maybe nothing
            for at in offsets:
                for k in range(at, depth):
                    masks[k], beyond[k] = _ASCII_ALL, True
    return offsets


_SKIP_BLANKS: Final = 1  # an OpeningGuard's leading run: blanks (\s*)
_SKIP_NON_WORD: Final = 2  # … non-word characters (\W*)
# the ASCII letters matching a character beyond ASCII when case is ignored ("İ", "ı", "K", "ſ")
_FOLDED_BEYOND_ASCII: Final = sum(1 << ord(c) for c in "iIkKsS")


def _folded(mask: int, non_ascii: bool, folded: bool) -> tuple[int, bool]:
    """The opening characters `mask` and `non_ascii` (see _opening) when case is ignored
    (`folded`): each ASCII letter with its other case, and beyond ASCII only the partners of i, k
    and s; a pattern opening beyond ASCII may open anywhere ("K", Kelvin, matches "k")."""
    if not folded:
        return mask, non_ascii
    if non_ascii:
        return _ASCII_ALL, True
    for code in range(65, 91):  # an ASCII letter either way
        if (mask >> code) & 1 or (mask >> (code + 32)) & 1:
            mask |= (1 << code) | (1 << (code + 32))
    return mask, bool(mask & _FOLDED_BEYOND_ASCII)


def _leading_run(items: list[Any]) -> tuple[int, list[Any]]:
    """Whether the parsed sequence `items` opens (after zero-width anchors such as ^) with a run
    of blanks (\\s*) or of non-word characters (\\W*) that may be empty, and what follows it."""
    for i, (op, av) in enumerate(items):
        if op is _re_constants.AT:
            continue
        if (
            op in _REPEATS
            and av[0] == 0
            and len(av[2].data) == 1
            and av[2].data[0][0] is _re_constants.IN
            and len(av[2].data[0][1]) == 1
            and av[2].data[0][1][0][0] is _re_constants.CATEGORY
        ):
            category = av[2].data[0][1][0][1]
            if category is _re_constants.CATEGORY_SPACE:
                return _SKIP_BLANKS, items[i + 1 :]
            if category is _re_constants.CATEGORY_NOT_WORD:
                return _SKIP_NON_WORD, items[i + 1 :]
        return 0, []
    return 0, []


_ASCII_ALL: Final = (1 << 128) - 1
# The ASCII characters of \w, \d and \s (each also matches characters beyond ASCII)
_ASCII_WORD: Final = sum(1 << c for c in range(128) if chr(c).isalnum() or c == 95)
_ASCII_DIGIT: Final = sum(1 << c for c in range(48, 58))
_ASCII_SPACE: Final = sum(1 << c for c in range(128) if chr(c).isspace())
_ASCII_NON_WORD: Final = _ASCII_ALL - _ASCII_WORD


def _opening(items: list[Any]) -> tuple[int, bool, bool]:
    """The characters that may open a match of the parsed sequence `items`: a mask of ASCII
    codes, whether one beyond ASCII may, and whether the sequence may match nothing (then what
    follows it may open too). Unknown items may open with anything."""
    mask, non_ascii = 0, False
    for op, av in items:
        empty = False
        if op is _re_constants.LITERAL:
            if av < 128:
                mask |= 1 << av
            else:
                non_ascii = True
        elif op is _re_constants.IN:
            codes, beyond = _class_opening(av)
            mask, non_ascii = mask | codes, non_ascii or beyond
        elif op in (_re_constants.AT, _re_constants.ASSERT, _re_constants.ASSERT_NOT):
            empty = True  # zero-width: the next item opens the match
        elif op is _re_constants.SUBPATTERN and not av[1] and not av[2]:  # (?:…), (…)
            codes, beyond, empty = _opening(list(av[3].data))
            mask, non_ascii = mask | codes, non_ascii or beyond
        elif op is _re_constants.BRANCH:
            for alternative in av[1]:
                codes, beyond, may_be_empty = _opening(list(alternative.data))
                mask, non_ascii = mask | codes, non_ascii or beyond
                empty = empty or may_be_empty
        elif op in _REPEATS:
            codes, beyond, empty = _opening(list(av[2].data))
            mask, non_ascii = mask | codes, non_ascii or beyond
            empty = empty or av[0] == 0
        else:  # any character, a group's reference, inline flags…: anything
            return _ASCII_ALL, True, True
        if not empty:
            return mask, non_ascii, False
    return mask, non_ascii, True


def _class_opening(items: list[Any]) -> tuple[int, bool]:
    """The ASCII codes a character class [...] holds, and whether it holds any beyond ASCII."""
    mask, non_ascii = 0, False
    for op, av in items:
        if op is _re_constants.LITERAL:
            if av < 128:
                mask |= 1 << av
            else:
                non_ascii = True
        elif op is _re_constants.RANGE:
            low, high = av
            for code in range(low, min(high, 127) + 1):
                mask |= 1 << code
            non_ascii = non_ascii or high >= 128
        elif op is _re_constants.CATEGORY and av is _re_constants.CATEGORY_WORD:
            mask, non_ascii = mask | _ASCII_WORD, True
        elif op is _re_constants.CATEGORY and av is _re_constants.CATEGORY_DIGIT:
            mask, non_ascii = mask | _ASCII_DIGIT, True
        elif op is _re_constants.CATEGORY and av is _re_constants.CATEGORY_SPACE:
            mask, non_ascii = mask | _ASCII_SPACE, True
        else:  # a negated class, \W, \S, \D…: anything
            return _ASCII_ALL, True
    return mask, non_ascii


class WordStartSearch:
    """`pattern.search` for a pattern each of whose matches opens a word: a word boundary, then
    one of its literal heads ('\\b(?:said|says)…'). Such a search tries the pattern at every
    character (no first characters to skip to: ~100 instructions each, more at each word);
    compiled, the characters are read in a loop and the pattern is tried only where a word
    opens with a head. Same matches; a pattern not of that form is searched."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        # the heads by their first two letters, and those of one letter ("a" of "[Aa]n?")
        self.heads: dict[str, tuple[str, ...]] = {}
        heads = word_heads(pattern)
        self.letters = frozenset(head for head in heads if len(head) == 1)
        for head in heads:
            if len(head) >= 2:
                self.heads[head[:2]] = (*self.heads.get(head[:2], ()), head)
        # the codes that open a head (bit c of `low` for c < 64, bit c - 64 of `high` for the
        # other ASCII ones), so a word opening with none is passed without a slice and a lookup
        # (most words); a head opening beyond ASCII has every such word looked up
        self.low: i64 = 0
        self.high: i64 = 0
        self.wide = False
        for head in heads:
            code = ord(head[0])
            if code >= 128:
                self.wide = True
            elif code < 64:
                self.low |= 1 << code
            else:
                self.high |= 1 << (code - 64)

    def search(self, text: str, start: int = 0, end: int = -1) -> re.Match[str] | None:
        """`pattern.search(text, start, end)` (end -1: the text's end)."""
        if not _COMPILED:
            return self.pattern.search(text, start, len(text) if end < 0 else end)
        return self.search_at_word_starts(text, start, end)

    def search_at_word_starts(
        self, text: str, start: int = 0, end: int = -1
    ) -> re.Match[str] | None:
        """`search`'s answer by the loop over words (what runs compiled)."""
        size: i64 = len(text) if end < 0 else min(end, len(text))
        if not self.heads and not self.letters:
            return self.pattern.search(text, start, size)
        base: i64 = max(start, 0)  # the window's offset: read from its one-byte copy
        window = text[base:size]
        data = one_byte_copy(window)
        span: i64 = len(data)
        i = word_char_from(data, window, 0, span)
        while i < span:
            # a boundary before a word character: the one before is none (or the text opens)
            if opens_word_in(data, window, text, base, i) and self._may_open_head(text, i + base):
                match = self.pattern.match(text, i + base, size)
                if match is not None:
                    return match
            i = word_char_from(data, window, _word_run_end_in(data, window, i + 1, span), span)
        return None

    def _may_open_head(self, text: str, i: i64) -> bool:
        """Whether one of the heads opens text[i:] (a head of one letter: that letter there)."""
        code: i64 = ord(text[i])
        if code < 128:
            mask: i64 = self.low if code < 64 else self.high
            if not (mask >> (code & 63)) & 1:
                return False  # no head opens with this character (most words)
        elif not self.wide:
            return False
        heads = self.heads.get(text[i : i + 2])
        if heads is not None:
            size: i64 = len(text)
            for head in heads:  # the first two characters are the key's
                if _holds_at(text, i, size, head):
                    return True
        return bool(self.letters) and text[i] in self.letters


class WordNeedsGuard:
    """Which of a few patterns, searched in one window, may match there: each pattern's
    `word_needs`, looked for in one pass over the window's word starts (compiled), where a find
    for each string of each pattern reads the whole window each time. A pattern without word
    needs (or with one opening beyond ASCII) always may."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        self.needs = tuple(word_needs(pattern) for pattern in patterns)
        self.every: int = (1 << len(patterns)) - 1
        self.always: int = 0  # the patterns ruled out nowhere
        # the needs by the code of their first character, each with its pattern's bit, and which
        # codes open one (bit c of `low` for c < 64, bit c - 64 of `high` for the others)
        self.by_code: list[tuple[tuple[str, int], ...]] = [() for _ in range(128)]
        self.low: i64 = 0
        self.high: i64 = 0
        for k, needs in enumerate(self.needs):
            if not needs or any(ord(need[0]) >= 128 for need in needs):
                self.always |= 1 << k
                continue
            for need in needs:
                code = ord(need[0])
                self.by_code[code] = (*self.by_code[code], (need, 1 << k))
                if code < 64:
                    self.low |= 1 << code
                else:
                    self.high |= 1 << (code - 64)
        # by the codes of a word's first two characters (128 * first + second): whether a need
        # may open with them; the needs are looked for only then (a word opening with a need's
        # first letter mostly goes on otherwise: "said" after "s" of "sign")
        pairs = bytearray(128 * 128)
        for k, needs in enumerate(self.needs):
            if not self.always & (1 << k):
                for need in needs:
                    code = ord(need[0])
                    if len(need) == 1:
                        pairs[code * 128 : code * 128 + 128] = b"\x01" * 128
                    elif ord(need[1]) < 128:
                        pairs[code * 128 + ord(need[1])] = 1
        self.pairs = bytes(pairs)

    def may_match(self, text: str, start: int = 0, end: int = -1) -> int:
        """The patterns that may match in text[start:end] (end -1: the text's end), as bits (bit
        k: the k-th pattern): a pattern whose every word need is absent there has its bit clear."""
        size: i64 = len(text) if end < 0 else min(end, len(text))
        if not _COMPILED:
            found = self.always
            for k, needs in enumerate(self.needs):
                if needs and any(text.find(need, start, size) >= 0 for need in needs):
                    found |= 1 << k
            return found
        return self.may_match_at_word_starts(text, start, size)

    def may_match_at_word_starts(self, text: str, start: int, size: i64) -> int:
        """`may_match`'s answer by one loop over the character codes (what runs compiled): the
        needs are looked for only where a word opens (the window's first character opens one).
        The codes are read from the window's one-byte copy (see `one_byte_copy`)."""
        found: int = self.always
        i: i64 = max(start, 0)
        size = min(size, len(text))
        if i >= size:
            return found
        data = one_byte_copy(text if size == len(text) else text[:size])
        while i < size:  # at a character after no word character (or the window's first)
            code: i64 = data[i]
            if code < 128 and code != 63:
                if not (97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95):
                    i += 1
                    continue
                mask: i64 = self.low if code < 64 else self.high  # a word opens here
                if (mask >> (code & 63)) & 1 and self._may_open_pair(data, i, size, code):
                    for need, bit in self.by_code[code]:
                        if not found & bit and _holds_in(data, text, i, size, need):
                            found |= bit
                    if found == self.every:
                        return found
            elif not text[i].isalnum():
                i += 1
                continue
            i = _word_run_end_in(data, text, i + 1, size)  # past the word: no need opens inside
        return found

    def _may_open_pair(self, data: bytes, i: i64, size: i64, code: i64) -> bool:
        """Whether a need may open at `i`, whose first character (of this code) opens one: the
        pair of it and the next character is in the table (or that one is beyond ASCII, or may
        be: "?" in the one-byte copy `data`; or the window ends before it)."""
        if i + 1 >= size:
            return True
        second: i64 = data[i + 1]
        return second >= 128 or second == 63 or self.pairs[code * 128 + second] == 1


def _holds_at(text: str, at: i64, end: i64, need: str) -> bool:
    """Whether text[at:end] opens with `need`, whose first character is known to be there
    (compiled: character codes compared; `startswith` with an offset is a method call, about
    1,000 instructions)."""
    size: i64 = len(need)
    if at + size > end:
        return False
    k: i64 = 1
    while k < size:
        if ord(text[at + k]) != ord(need[k]):
            return False
        k += 1
    return True


def _holds_in(data: bytes, text: str, at: i64, end: i64, need: str) -> bool:
    """Whether text[at:end] opens with `need`, whose first character is known to be there, read
    from the one-byte copy `data` of `text` (compiled: codes compared; `startswith` with an
    offset is a method call, about 1,000 instructions)."""
    size: i64 = len(need)
    if at + size > end:
        return False
    k: i64 = 1
    while k < size:
        code: i64 = ord(need[k])
        if code < 128 and code != 63:
            if data[at + k] != code:
                return False
        elif ord(text[at + k]) != code:
            return False
        k += 1
    return True


def word_needs(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which opens a word in every match of `pattern` (each read from the
    pattern right after a \\b, opening with a word character); () when none are known (or the
    pattern ignores case). A window where none of them opens a word holds no match."""
    return _read_cased(pattern, _word_needs, prefixes=True)


def _word_needs(items: list[Any], bounded: bool = False) -> list[str] | None:
    """`_needs` of the parsed sequence `items` counting only literal runs that open right after a
    \\b (`bounded`: one was read just before `items`) with a word character; None if none."""
    best: list[str] | None = None
    run = ""
    run_bounded = False  # the run opened right after a \b
    for op, av in [*items, (None, None)]:  # a last item that ends the last run
        if op is _re_constants.LITERAL:
            if not run:
                run_bounded = bounded
            run += chr(av)
            bounded = False
            continue
        options: list[str] | None = None
        if op is _re_constants.SUBPATTERN and not av[1] and not av[2]:  # (?:…), (…)
            options = _word_needs(list(av[3].data), bounded)
        elif op is _re_constants.BRANCH:
            options = []
            for alternative in av[1]:
                inner = _word_needs(list(alternative.data), bounded)
                if inner is None:
                    options = None
                    break
                options += inner
        elif op in _REPEATS and av[0] >= 1:  # at least once: its first time is required
            options = _word_needs(list(av[2].data), bounded)
        opens_word = run_bounded and (run[:1].isalnum() or run[:1] == "_")
        for choice in ([run] if run and opens_word else None, options):
            if choice and (best is None or _selectivity(choice) > _selectivity(best)):
                best = choice
        run = ""
        if op is _re_constants.AT and av is _re_constants.AT_BOUNDARY:
            bounded = True
        elif op not in (_re_constants.ASSERT, _re_constants.ASSERT_NOT):  # lookarounds: no text
            bounded = False
    return best


def word_heads(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The literal strings opening the matches of `pattern` when every match opens with a word
    boundary before a word character (what WordStartSearch needs); () otherwise."""
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        heads = _word_heads(list(_re_parser.parse(pattern.pattern, pattern.flags).data))
    except Exception:  # a parser of another Python: no shortcut, same answers
        return ()
    if not heads or not all(head[0].isalnum() or head[0] == "_" for head in heads):
        return ()
    return tuple(sorted(set(heads)))


def _word_heads(items: list[Any], bounded: bool = False) -> list[str] | None:
    """`_heads` of the parsed sequence `items` when each of its alternatives opens with \\b (then
    lookarounds, which match nothing), None otherwise; `bounded`: the \\b was read before."""
    for i, (op, av) in enumerate(items):
        if op is _re_constants.SUBPATTERN and not av[1] and not av[2]:  # (?:…), (…)
            return _word_heads(list(av[3].data) + items[i + 1 :], bounded)
        if op is _re_constants.BRANCH:
            found: list[str] = []
            for alternative in av[1]:
                inner = _word_heads(list(alternative.data) + items[i + 1 :], bounded)
                if inner is None:
                    return None
                found += inner
            return found
        if op is _re_constants.AT and av is _re_constants.AT_BOUNDARY and not bounded:
            bounded = True
        elif not bounded:
            return None
        elif op not in (_re_constants.ASSERT, _re_constants.ASSERT_NOT):
            return _heads(items[i:])
    return None


# Whether this module runs compiled (mypyc makes its functions built-in ones): the character
# loops above replace regular-expression scans only there.
_COMPILED: Final = not isinstance(capital_word_spans, FunctionType)
