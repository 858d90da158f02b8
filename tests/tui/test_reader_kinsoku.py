"""Japanese and Chinese closing punctuation (。、」』）…) never starts a reader line: the wrap
takes the character before it down with it, as Japanese line breaking does (user test r38 L10:
"…と述べた" / "。" alone on the next line). Every line still fits the width, keeps its place in
the text (find and copy use it), and text without such a character wraps as before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from newstui.body_wrap import NO_LINE_START, wrapped_lines
from newstui.render import wrapped_at_spaces

from .test_reader_line_starts import drawn_at_their_starts

CONSOLE = Console(width=200)


def lines(plain: str, width: int) -> list[str]:
    return [line.plain for line in wrapped_lines(Text(plain), width, CONSOLE).lines]


def test_a_full_stop_is_not_left_alone_at_a_line_start():
    said = "東京都で大雨「今夜も警戒が必要だ」と述べた。気象庁は"
    width = 2 * said.index("。")  # 述べた fills the first line: "。" would start the second
    assert [line.plain for line in Text(said).wrap(CONSOLE, width)][1].startswith("。")
    wrapped = lines(said, width)
    assert all(not line.startswith(tuple(NO_LINE_START)) for line in wrapped), wrapped
    assert "".join(wrapped) == said
    assert all(cell_len(line) <= width for line in wrapped)


def test_a_run_of_closing_marks_goes_down_together_with_the_character_before():
    said = "あいうえお」。かきくけこ"
    wrapped = lines(said, 10)  # "あいうえお" fills 10 cells: 」。 would start the next line
    assert wrapped[0] == "あいうえ" and wrapped[1].startswith("お」。")
    assert "".join(wrapped) == said


def test_show_and_the_pager_wrap_japanese_as_the_reader_does():
    """`newstui show` (and `v`'s pager) wrapped at spaces only: a Japanese paragraph was one
    line 800 columns wide (user test r45 L3). A URL is still kept whole on a line of its own."""
    said = "東京都で大雨「今夜も警戒が必要だ」と述べた。気象庁はAppleの発表を受けた。" * 4
    url = "https://example.com/a/long/address/kept/whole"
    for width in range(8, 41, 3):
        wrapped = wrapped_at_spaces(f"{said} {url}", width).split("\n")
        assert all(cell_len(line) <= width for line in wrapped[:-1]), (width, wrapped)
        assert not [line for line in wrapped if line.startswith(tuple(NO_LINE_START))], wrapped
        assert "".join(wrapped[:-1]) == said and wrapped[-1] == url


def test_text_without_closing_marks_wraps_as_rich_does():
    plain = "The council report came out today. 東京都で大雨が降った 12 hours ago."
    assert lines(plain, 12) == [line.plain for line in Text(plain).wrap(CONSOLE, 12)]


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="あいう東京 ab。、」』）\n", min_size=1, max_size=120),
    st.integers(min_value=3, max_value=30),
)
def test_lines_keep_their_starts_and_fit(plain, width):
    drawn_at_their_starts(plain, width)
    for line in lines(plain, width):
        assert cell_len(line) <= width


def test_a_wrapped_list_items_lines_keep_closing_marks_off_their_starts_too():
    """A hung item's wrapped lines were wrapped by Rich alone: "。" began one (review r51 LOW-5)."""
    from newstui.body_layout import laid_out

    said = "東京都は新しい計画を発表した。市民は歓迎している。交通は便利になる。"
    for width in range(12, 41):
        item = wrapped_lines(laid_out(Text(f"• {said}"), width), width, CONSOLE).lines
        plain = [line.plain for line in item]
        assert not [line for line in plain[1:] if line.strip()[:1] in NO_LINE_START], plain
        assert "".join(line.strip() for line in plain) == f"• {said}", plain
        assert all(cell_len(line) <= width for line in plain), plain
