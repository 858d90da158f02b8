"""Untrusted text loses every terminal control sequence and keeps its paragraphs."""

from newstui.text import clean_line, clean_text, strip_controls


def test_escape_sequences_are_removed():
    text = "a\x1b[2Jb\x1b]52;c;aGVsbG8=\x07c\x9b31md\x1bPq#0\x1b\\e\x1b7f"
    assert strip_controls(text) == "abcdef"


def test_c0_c1_controls_and_surrogates_are_removed_but_newline_and_tab_stay():
    assert strip_controls("x\x00\x08\x7f\x85\ud800y\n\tz") == "xy\n\tz"


def test_bidi_overrides_are_removed():
    assert strip_controls("abc\u202edef\u2066") == "abcdef"


def test_paragraphs_are_separated_by_exactly_one_blank_line():
    assert clean_text("  one  \r\n\r\n\r\n two\n\n\n\nthree ") == "one\n\ntwo\n\nthree"


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
