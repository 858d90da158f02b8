"""Untrusted text loses every terminal control sequence and keeps its paragraphs."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newstui.text import (
    clean_line,
    clean_text,
    strip_controls,
    terminal_safe,
    terminal_safe_with_offsets,
)


def test_escape_sequences_are_removed():
    text = "a\x1b[2Jb\x1b]52;c;aGVsbG8=\x07c\x9b31md\x1bPq#0\x1b\\e\x1b7f"
    assert strip_controls(text) == "abcdef"


def test_c0_c1_controls_and_surrogates_are_removed_but_newline_and_tab_stay():
    assert strip_controls("x\x00\x08\x7f\x85\ud800y\n\tz") == "x\ufffdy\n\tz"


def test_bidi_overrides_are_removed():
    assert strip_controls("abc\u202edef\u2066") == "abcdef"


def test_paragraphs_are_separated_by_exactly_one_blank_line():
    assert clean_text("  one  \r\n\r\n\r\n two\n\n\n\nthree ") == "one\n\ntwo\n\nthree"


def _clean_text_line_by_line(text: str) -> str:
    """clean_text as first written: each line's spaces folded and the line trimmed; a line
    break inside a line (U+2028, a <br>'s) kept between words, two or more a paragraph break."""
    spaces = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
    lines = []
    for line in strip_controls(text, keep_line_breaks=True).split("\n"):
        parts = "\u2028".join(spaces.sub(" ", part).strip() for part in line.split("\u2028"))
        lines.append(re.sub("\u2028\u2028+", "\n\n", parts.strip("\u2028")))
    return re.sub(r"\n\s*\n+", "\n\n", "\n".join(lines)).strip()


def test_a_line_break_inside_a_paragraph_is_kept_between_words() -> None:
    assert clean_text(" one \u2028 two\u2028\n\n\u2028three\u2028 \u2028four\u2028") == (
        "one\u2028two\n\nthree\n\nfour"
    )
    assert clean_line("one\u2028two") == "one two"  # (a title, a name: one line)
    assert terminal_safe("one\u2028two") == "one\ntwo"  # (shown: a new line)


_TEXT_PIECES = st.sampled_from(
    ["w", "word", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u2003", "\u3000", "\u1680",
     "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "\x1b[1m", "\u202e", "\ud800", "•", "é"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=30).map("".join))
@example(" a \u00a0 b\t\n \u1680\n\n\n c ")
def test_bodies_are_cleaned_as_line_by_line_folding_cleans_them(text: str) -> None:
    assert clean_text(text) == _clean_text_line_by_line(text)


# Mostly what converted HTML looks like (single spaces, newlines, words), with now and then a
# character that needs the full cleaning: both of clean_text's ways are taken.
_PLAIN_PIECES = st.sampled_from(
    ["w", "word", "é", "“q”", " ", " ", "\n", "\n\n", "  ", " \n", "\n ", "\t", "\u00a0",
     "\u1680", "\u2003", "\x85", "\x1b[1m", "\u202e", "\ud800", "\u2028", "\r"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PLAIN_PIECES, max_size=30).map("".join))
@example("one two\n\nthree")
@example(" one\n\n\nthree ")
@example("one\n\n\n\nthree")  # plain: blank lines folded all the same
def test_plain_bodies_are_cleaned_as_line_by_line_folding_cleans_them(text: str) -> None:
    assert clean_text(text) == _clean_text_line_by_line(text)


# Every character up to U+3100 (past every one the fast check looks for) and a few beyond.
_EVERY_CHARACTER = [*map(chr, range(0x3100)), "\ud800", "\udfff", "\ue000", "\ufeff", "\U0001f600"]


def test_each_character_in_a_plain_body_is_cleaned_as_line_by_line_folding_cleans_it() -> None:
    """The check that lets a plain body skip the full cleaning finds every character that
    needs it, wherever its UTF-8 bytes fall beside quotes, accents and dashes."""
    for char in _EVERY_CHARACTER:
        for text in (f"a {char}b", f"“q”{char}é", f"x—\n\n{char}\u2014"):
            assert clean_text(text) == _clean_text_line_by_line(text), hex(ord(char))


def _clean_line_by_regex(text: str, max_length: int) -> str:
    """clean_line as first written: controls stripped, line breaks and runs of spaces folded."""
    spaces = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
    text = strip_controls(text).replace("\n", " ").replace("\t", " ")
    text = spaces.sub(" ", text).strip()
    return text[: max_length - 1].rstrip() + "…" if len(text) > max_length else text


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PLAIN_PIECES, max_size=12).map("".join), st.integers(2, 40))
def test_a_line_is_cleaned_as_the_regular_expressions_clean_it(text: str, cap: int) -> None:
    assert clean_line(text, cap) == _clean_line_by_regex(text, cap)


def test_clean_line_folds_whitespace_and_caps_length():
    assert clean_line(" a\n b\t c ") == "a b c"
    assert clean_line("x" * 50, 10) == "x" * 9 + "…"


def test_markup_brackets_are_kept_literally():
    assert (
        clean_line("[bold red]x[/] [link=http://e]y[/link]")
        == "[bold red]x[/] [link=http://e]y[/link]"
    )


def test_a_stray_c1_character_does_not_swallow_following_paragraphs():
    text = "caf\u009d first paragraph\n\nsecond paragraph\x07 third"
    assert "second paragraph" in strip_controls(text)


def test_unterminated_osc_leaves_no_escape_behind():
    assert "\x1b" not in strip_controls("a\x1b]52;c;" + "QUJD" * 2000 + "b")


def test_terminal_safe_removes_what_a_terminal_acts_on_and_keeps_lines():
    assert terminal_safe("a\x1b]0;t\x07b\r\nc\x9b2Jd") == "ab\ncd"
    assert terminal_safe("a\x1b[2J\n b ", line=True) == "a b"
    assert terminal_safe(None) == ""


def test_unicode_line_and_paragraph_separators_become_newlines_and_spaces_in_a_line():
    assert strip_controls("a\u2028b\u2029c") == "a\nb\nc"
    assert clean_line("Title\u2028with\u2029breaks") == "Title with breaks"


def test_offsets_move_with_the_removed_sequences():
    text = "ab\x1b[2Jcd\x1b]0;x\x07ef\r\ngh"
    safe, moved = terminal_safe_with_offsets(text)
    assert safe == "abcdef\ngh"
    for word in ("ab", "cd", "ef", "gh"):
        start = text.index(word)
        assert safe[moved(start) : moved(start + 2)] == word
    assert moved(3) == 2  # inside a removed sequence: where it was


def test_a_printable_text_is_returned_without_compiling_the_control_pattern():
    """Config values and most names are printable: their check costs no pattern compile."""
    from newstui import text as text_module

    text_module._unsafe_start.cache_clear()
    assert text_module.strip_controls("https://news.example/feed — Café") == (
        "https://news.example/feed — Café"
    )
    assert text_module._unsafe_start.cache_info().currsize == 0
    assert text_module.strip_controls("a\x1b[31mb\u202ec") == "abc"


def test_one_width_with_offsets_moves_offsets_past_the_selectors_it_drops():
    from newstui.text import one_width_with_offsets

    text = "a 🛰\ufe0f b \ufe0fc"
    shown, moved = one_width_with_offsets(text)
    assert shown == "a 🛰 b c"
    for start, end in [(0, 1), (2, 4), (5, 6), (8, 9)]:  # a, 🛰️, b, c
        assert shown[moved(start) : moved(end)] == text[start:end].replace("\ufe0f", "")
    plain = "no selector"
    assert one_width_with_offsets(plain)[0] is plain


def test_code_lines_in_a_quote_are_code_lines_and_keep_their_spacing():
    from newstui.text import is_code_line

    assert is_code_line("│ x") and is_code_line("> │   x") and is_code_line("> > │ x")
    assert not is_code_line("> quoted │ bar") and not is_code_line(">> │ x")
    assert clean_text("> │ a    b  c \n\n> said  it") == "> │ a    b  c\n\n> said it"


@given(st.text(alphabet="#> │ab\n\u2028", max_size=40))
def test_what_the_nlp_reads_is_as_long_as_the_text_line_for_line(text):
    from newstui.text import prose_only

    read = prose_only(text)
    assert len(read) == len(text)
    assert [len(line) for line in read.split("\n")] == [len(line) for line in text.split("\n")]


def test_the_nlp_reads_a_headings_marks_as_spaces_and_keeps_its_words():
    from newstui.text import prose_only

    text = "# Pier opens\n\n> ## Holt: why\n\nC# is fine; #tag and ## not at a start."
    assert (
        prose_only(text)
        == "  Pier opens\n\n     Holt: why\n\nC# is fine; #tag and ## not at a start."
    )
