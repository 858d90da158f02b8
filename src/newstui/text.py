"""Untrusted-text hygiene: strip terminal control sequences, normalise whitespace and paragraphs."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache

# Each pattern is compiled on its first use (a cached function): a command that never cleans a
# body or a byline does not compile the patterns only ingest uses (~2M instructions each).


# One pass finds everything a terminal could act on: ANSI/VT escape sequences (CSI, OSC, DCS/PM/
# APC/SOS strings, two-byte ESC sequences; 7- and 8-bit), the remaining C0 controls except \t and
# \n, DEL, C1 controls, lone surrogates, bidi overrides; and line breaks to normalise (CR, CRLF,
# and Unicode's LINE/PARAGRAPH SEPARATOR, which some terminals and widgets treat as new lines).
@cache
def _unsafe() -> re.Pattern[str]:
    """Everything strip_controls removes or turns into a newline."""
    return re.compile(
        r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                  # CSI ... final byte
  | \x1b[\]PX^_].{0,4096}?(?:\x07|\x1b\\|\x9c)       # OSC/DCS/SOS/PM/APC string, 7-bit
  | [\x90\x98\x9d\x9e\x9f][^\n]{0,256}?(?:\x07|\x1b\\|\x9c)  # the same, 8-bit: short, one line
  | \x1b[ -/]*[0-~]                                   # other ESC sequences
  | \r\n?                                            # CR or CRLF: a newline
  | [\u2028\u2029]                                    # Unicode line breaks: a newline
  | [\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]
    """,
        re.VERBOSE | re.DOTALL,
    )


@cache
def _unsafe_start() -> re.Pattern[str]:
    """Every match of _unsafe() begins with one of these characters: a text holding none of them
    (most do) is safe as it is, and this one-class search is ~7x faster than every alternative."""
    return re.compile(
        r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
    )


@cache
def _spaces() -> re.Pattern[str]:
    """A run of the white space clean_line and clean_text fold into one space."""
    return re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@cache
def _blank_lines() -> re.Pattern[str]:
    """Two or more line breaks with only white space between them: one paragraph break."""
    return re.compile(r"\n\s*\n+")


def _replacement(match: re.Match[str]) -> str:
    first = match.group()[0]
    if first in "\r\u2028\u2029":
        return "\n"
    # undecodable bytes stay visible (code points: a surrogate in a literal does not compile)
    return "\ufffd" if 0xD800 <= ord(first) <= 0xDFFF else ""


def _line_break_kept(match: re.Match[str]) -> str:
    return LINE_BREAK if match.group() == LINE_BREAK else _replacement(match)


def strip_controls(text: str, *, keep_line_breaks: bool = False) -> str:
    """Remove escape sequences and control characters (keeping newline and tab; CR and U+2028/9
    become newlines; lone surrogates, from bytes that were not UTF-8, become U+FFFD).
    `keep_line_breaks`: U+2028 stays (LINE_BREAK: a stored body's line break in a paragraph)."""
    # str.isprintable is false for every character _unsafe_start() finds (and for the tab and
    # the newline): a printable text is returned without compiling or running a pattern
    if text.isprintable() or _unsafe_start().search(text) is None:
        return text
    if keep_line_breaks and LINE_BREAK in text:
        return _unsafe().sub(_line_break_kept, text)
    return _unsafe().sub(_replacement, text)


# A line break inside a paragraph (HTML's <br>: a poem's lines, an address, a caption's credit)
# is stored as U+2028 LINE SEPARATOR: shown as a new line (terminal_safe makes it "\n", one
# character for one, so offsets hold), read by the NLP as a space (prose_only), so no quote or
# name is cut by it. clean_text keeps it between words; two or more in a row are a paragraph
# break.
LINE_BREAK = "\u2028"


def terminal_safe(text: str | None, *, line: bool = False) -> str:
    """Text read back from the database, a config or a server, made safe to show on a terminal.

    The one display-time cleaner (ingest cleans too, but rows written by anything else are not
    trusted): every widget and every CLI output (tables, `show`, `--json`) passes text through
    it. With `line`, line breaks and runs of spaces fold to one space (names, titles, table cells).
    """
    if not text:
        return ""
    return clean_line(text, sys.maxsize) if line else strip_controls(text)


def one_width(text: str) -> str:
    """`text` without emoji presentation selectors (U+FE0F) for a row measured in cells:
    terminals disagree on a character followed by one (🛰️ takes 1 cell in tmux 3.3a, 2 in Rich,
    Ghostty and kitty), which pushed a pane's border off its row; the character alone is as wide
    everywhere. Display only: what is stored and exported keeps it."""
    return text.replace("\ufe0f", "") if "\ufe0f" in text else text


def one_width_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """`one_width(text)` and a function moving an offset in `text` to the same place in it (a
    highlight's span over text drawn without its U+FE0F)."""
    if "\ufe0f" not in text:
        return text, lambda offset: offset
    selectors = [i for i, c in enumerate(text) if c == "\ufe0f"]
    return text.replace("\ufe0f", ""), lambda offset: offset - bisect_left(selectors, offset)


def terminal_safe_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """`terminal_safe(text)` and a function moving an offset in `text` to the same place in it,
    so stored mention and quote offsets still point at their words."""
    matches = list(_unsafe().finditer(text)) if _unsafe_start().search(text) else []
    if not matches:
        return text, lambda offset: offset
    starts = [m.start() for m in matches]
    shifts: list[int] = []  # cumulative change in length after each match
    shift = 0
    pieces: list[str] = []
    cursor = 0
    for m in matches:
        replacement = _replacement(m)
        pieces += [text[cursor : m.start()], replacement]
        cursor = m.end()
        shift += len(replacement) - (m.end() - m.start())
        shifts.append(shift)
    pieces.append(text[cursor:])

    def moved(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        m = matches[i]
        if offset < m.end():  # inside a removed sequence: its start in the safe text
            return m.start() + (shifts[i - 1] if i else 0)
        return offset + shifts[i]

    return "".join(pieces), moved


# FreshRSS's Google Reader answers (its compat mode) write `& < >` in titles and authors as these
# fullwidth forms (sync.servers); titles are compared with them folded back.
_FULLWIDTH_SIGNS = str.maketrans({"＆": "&", "＜": "<", "＞": ">"})


def halfwidth_signs(text: str) -> str:
    """`＆ ＜ ＞` (fullwidth) as `& < >`: FreshRSS's stand-ins for them in titles."""
    return text.translate(_FULLWIDTH_SIGNS)


def clean_line(text: str, max_length: int = 1000) -> str:
    """A single-line field (title, author, name): controls stripped, whitespace folded, length capped."""
    if text.isprintable() and "  " not in text:
        # No control, no line break, no white space but single plain spaces: only a trim to do
        # (str.isprintable is false for every character strip_controls removes or _spaces() folds).
        text = text.strip(" ")
    else:
        text = (
            _spaces().sub(" ", strip_controls(text).replace("\n", " ").replace("\t", " ")).strip()
        )
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def shown_name(name: str) -> str:
    """A file name or path a user gave, for a line that names it: as it is when every character
    can be shown, else quoted with the others escaped (`'out\\x1b[2J.db'`), not cleaned into a
    name that looks like another, real one (hostile r44 L2: `out2.db`, a file that was not
    written)."""
    return name if name.isprintable() else repr(name)


def free_name(base: str, taken: set[str]) -> str:
    """`base`, or `base (2)`, `base (3)` … when `taken` (names folded by str.casefold) holds it:
    the name a new source, view or subscription gets beside the ones there already."""
    name, n = base, 2
    while name.casefold() in taken:
        name = f"{base} ({n})"
        n += 1
    return name


def clean_text(text: str, *, trimmed: bool = False) -> str:
    """A body: controls stripped, lines trimmed, paragraphs separated by exactly one blank line.
    `trimmed`: the caller knows that no line of `text` begins or ends with white space (HTML's
    paragraphs, each stripped), which spares two searches of the whole text."""
    if _plain(text, trimmed):  # most converted HTML: nothing to strip, every line already folded
        # its only white space is single spaces and newlines, none beside a newline: the only
        # blank lines to fold are three or more newlines in a row
        return (_blank_lines().sub("\n\n", text) if "\n\n\n" in text else text).strip()
    if LINE_BREAK in text and _plain(text.replace(LINE_BREAK, "x"), trimmed):
        return _breaks_tidied(text)  # (converted HTML with a <br>: ~14x faster than below)
    text = strip_controls(text, keep_line_breaks=True)
    if "\u1680" in text:  # the one white space str.split() folds and _spaces() keeps
        spaces = _spaces()
        lines = [spaces.sub(" ", line).strip() for line in text.split("\n")]
    else:  # after strip_controls, str.split()'s white space is _spaces()'s (and a trim): C speed
        lines = [" ".join(line.split()) for line in text.split("\n")]
    if LINE_BREAK in text:  # (str.split() and strip() took them for white space)
        raw = text.split("\n")
        lines = [
            _line_with_breaks(raw[i]) if LINE_BREAK in raw[i] else line
            for i, line in enumerate(lines)
        ]
    if GUTTER[0] in text:  # preformatted lines keep their spacing (see GUTTER)
        raw = text.split("\n")
        lines = [
            raw[i].expandtabs(4).rstrip() if is_code_line(raw[i]) else line
            for i, line in enumerate(lines)
        ]
    return _blank_lines().sub("\n\n", "\n".join(lines)).strip()


def _breaks_tidied(text: str) -> str:
    """clean_text of a text that is _plain but for its LINE_BREAKs (single spaces only), by
    str methods (patterns without a literal first character scan slowly)."""
    text = text.replace(f" {LINE_BREAK}", LINE_BREAK).replace(f"{LINE_BREAK} ", LINE_BREAK)
    for end in (f"\n{LINE_BREAK}", f"{LINE_BREAK}\n"):  # (none at a line's start or end)
        while end in text:
            text = text.replace(end, "\n")
    if LINE_BREAK * 2 in text:
        text = re.sub(f"{LINE_BREAK}{LINE_BREAK}+", "\n\n", text)
    text = text.strip()  # (str.strip takes LINE_BREAK for white space)
    return _blank_lines().sub("\n\n", text) if "\n\n\n" in text else text


def _line_with_breaks(line: str) -> str:
    """A line holding LINE_BREAKs, each part folded as a line is: breaks only between words,
    two or more in a row a paragraph break."""
    spaces = _spaces()
    parts = (spaces.sub(" ", part).strip() for part in line.split(LINE_BREAK))
    joined = LINE_BREAK.join(parts).strip(LINE_BREAK)
    return re.sub(f"{LINE_BREAK}{LINE_BREAK}+", "\n\n", joined)


# A line of a preformatted block (HTML's <pre>: code, verse, ASCII tables) begins with this
# gutter: cleaning keeps the rest of such a line as it is (tabs as spaces to columns of 4, no
# trailing space), the reader shows its lines as they are, and the NLP does not read it as prose.
GUTTER = "\u2502 "


def is_code_line(line: str) -> bool:
    """Whether `line` is a preformatted block's: it begins with the GUTTER, or with a quote's
    marks (QUOTE_LEVEL) and then the GUTTER (a <pre> block inside a <blockquote>)."""
    if line.startswith(GUTTER[0]):
        return True
    return (
        line.startswith("> ")
        and line.lstrip("> ").startswith(GUTTER[0])
        and (_quoted_code().match(line) is not None)
    )


@cache
def _quoted_code() -> re.Pattern[str]:
    return re.compile("(?:> )+\u2502")


def gutter_block(raw: str) -> str:
    """A preformatted block's text as stored: each line behind the GUTTER, tabs expanded, the
    blank lines at its ends left out (blank lines inside keep a bare gutter, so the block stays
    one paragraph). "" for a block of white space only."""
    lines = raw.replace(LINE_BREAK, "\n").expandtabs(4).split("\n")
    while lines and not lines[0].strip():
        del lines[0]
    while lines and not lines[-1].strip():
        del lines[-1]
    return "\n".join((GUTTER + line).rstrip() for line in lines)


# A list item's bullet by its depth (•, then ◦, then ▪ deeper) and what stands between a table
# row's cells, as html_to_text writes them: the body's layout (body_layout) and the store's
# test of an entry converted alike (store/article_updates) read them here, one rule for all.
BULLETS = ("\u2022", "\u25e6", "\u25aa")
CELLS = " | "


# What begins each paragraph of a quoted block (HTML's <blockquote>), once for each level, as
# mail quotes: "> > " in a quote in a quote. The NLP reads spaces there, so a quote's speaker is
# found as without them ("X said:" above it).
QUOTE_LEVEL = "> "


# What begins a heading's paragraph (HTML's <h1> … <h6>), as Markdown writes one: "#" once
# for each level and a space ("## Results"), after a quote's marks when it is in one. The
# reader draws the heading's words bold, the marks muted; the NLP reads spaces there.
HEADING_MARK = "#"


@cache
def heading_marks() -> re.Pattern[str]:
    """A heading line's start: its quote marks (group 1) and its heading marks (group 2)."""
    return re.compile(r"(?m)^((?:> )*)(#{1,6}) (?=\S)")


@cache
def _quote_levels() -> re.Pattern[str]:
    return re.compile(r"(?m)(?:^|(?<=\u2028))(?:> )+")  # (a line's start, or a <br>'s)


def prose_only(text: str) -> str:
    """`text` with its GUTTER lines blanked (each character but the newline a space, so offsets
    still match), its LINE_BREAKs spaces and its quoted paragraphs' QUOTE_LEVEL marks spaces:
    what the NLP reads, so code and other preformatted text is nobody's speech, a quote or a name
    a <br> cuts is read whole, and a quoted paragraph reads as any other (a heading too)."""
    if "# " in text and (text.startswith(HEADING_MARK) or "\n#" in text or "> #" in text):
        text = heading_marks().sub(lambda m: m.group(1) + " " * (len(m.group(2)) + 1), text)
    if (
        text.startswith(QUOTE_LEVEL)
        or f"\n{QUOTE_LEVEL}" in text
        or f"{LINE_BREAK}{QUOTE_LEVEL}" in text
    ):
        text = _quote_levels().sub(lambda m: " " * len(m.group()), text)
    if LINE_BREAK in text:
        text = text.replace(LINE_BREAK, " ")
    if GUTTER[0] not in text:
        return text
    return "\n".join(  # (a quoted block's line: its marks were made spaces above)
        " " * len(line) if line.lstrip(" ").startswith(GUTTER[0]) else line
        for line in text.split("\n")
    )


# What strip_controls acts on (_unsafe_start()) and every white space character (str.isspace)
# but the plain space and the newline.
@cache
def _not_plain() -> re.Pattern[str]:
    """The characters _has_not_plain finds (it searches their UTF-8 bytes instead)."""
    return re.compile(
        r"[\x00-\x09\x0b-\x1f\x7f-\x9f\xa0\u1680\u2000-\u200a\u2028\u2029\u202a-\u202f"
        r"\u205f\u2066-\u2069\u3000\ud800-\udfff]"
    )


# The same characters in UTF-8, found by searches in C rather than a scan of a character class
# (~8 instructions a character): ASCII controls but the newline become NUL through a byte map;
# U+0080-U+00A0 and U+2000-U+206F by patterns with a literal first byte (scanned like a
# substring); U+1680 and U+3000 are substrings. Lone surrogates cannot be encoded at all.
_CONTROL_BYTES = bytes(0 if (b < 32 and b != 10) or b == 0x7F else b for b in range(256))


@cache
def _not_plain_c2() -> re.Pattern[bytes]:
    """U+0080-U+00A0 in UTF-8."""
    return re.compile(rb"\xc2[\x80-\xa0]")


@cache
def _not_plain_e2() -> re.Pattern[bytes]:
    """The characters of _not_plain() in U+2000-U+206F, in UTF-8."""
    return re.compile(rb"\xe2(?:\x80[\x80-\x8a\xa8-\xaf]|\x81[\x9f\xa6-\xa9])")


def _has_not_plain(text: str) -> bool:
    """True when `text` holds a character of _not_plain() (the same answer, found faster)."""
    try:
        encoded = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return True
    if b"\x00" in encoded.translate(_CONTROL_BYTES):
        return True
    if text.isascii():
        return False
    # (a search for a lone byte is memchr; for three bytes CPython compares ~1 byte a step: 3-4
    # us each in a 3 KB text, and most texts have no 0xE1 or 0xE3, the leads of U+1xxx, U+3xxx)
    return (
        (b"\xe2" in encoded and _not_plain_e2().search(encoded) is not None)
        or (b"\xc2" in encoded and _not_plain_c2().search(encoded) is not None)
        or (b"\xe1" in encoded and b"\xe1\x9a\x80" in encoded)
        or (b"\xe3" in encoded and b"\xe3\x80\x80" in encoded)
    )


def _plain(text: str, trimmed: bool = False) -> bool:
    """True when strip_controls leaves `text` as it is and each of its lines is already folded
    (single spaces between words): searches in C (_has_not_plain and three substrings) instead
    of splitting every line into words. `trimmed`: no line begins or ends with white space."""
    return (
        not _has_not_plain(text)
        and "  " not in text
        and (
            trimmed
            or (" \n" not in text and "\n " not in text and text[:1] != " " and text[-1:] != " ")
        )
    )


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a clean body."""
    return [p for p in text.split("\n\n") if p.strip()]


_EMAIL = r"(?:mailto:)?[^\s@()<>,]+@[^\s@()<>,]+"
# "desk@x (Priya Nair)" (RSS 2.0's form) and "Priya Nair <desk@x>" / "Priya Nair (desk@x)".


@cache
def _email_then_name() -> re.Pattern[str]:
    """`desk@x (Priya Nair)`: the name in group 1."""
    return re.compile(rf"^<?{_EMAIL}>?\s*\(\s*([^()]*?)\s*\)$")


@cache
def _name_then_email() -> re.Pattern[str]:
    """`Priya Nair <desk@x>` or `Priya Nair (desk@x)`: the name in group 1."""
    return re.compile(rf"^([^<>()@]*?)\s*[<(]\s*{_EMAIL}\s*[>)]$")


def author_name(author: str | None) -> str | None:
    """A byline as people read it: RSS's `desk@x (Priya Nair)` and `Priya Nair <desk@x>` become
    `Priya Nair`; a bare e-mail address, or anything else, stays as it is. Several authors
    separated by commas are each shortened."""
    if not author:
        return author
    if "@" not in author:  # no address to drop (both patterns need one): most stored bylines
        return author.strip() or author
    parts = [author] if author.count("@") < 2 else author.split(",")
    names = []
    for part in parts:
        part = part.strip()
        match = _email_then_name().match(part) or _name_then_email().match(part)
        names.append(match.group(1).strip() if match and match.group(1).strip() else part)
    return ", ".join(name for name in names if name) or author
