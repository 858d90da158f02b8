"""The reader knows where each of its wrapped lines starts in the article, so `/` draws a found
word on its line and scrolls to it, and a mouse selection copies the paragraphs as written (review
r37 RD1: after a word folded to an exact multiple of the width, whose next line begins with the
space after it, every later line was given the same start: marks vanished, n/N scrolled wrong)."""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from newstui.library import Library
from newstui.model import Article
from newstui.text import GUTTER
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.reader_body import wrapped_lines

from .conftest import screen_text, settle

CONSOLE = Console(width=200)

URL = "https://www.example.org/reports/2026/" + "a" * 43  # 80 characters: two lines at 40
REPORT = (
    f"The full report is at {URL} and it says the plan works.\n\n"
    "Later paragraph: the word needle is here.\n\nMore text, and needle again."
)


def drawn_at_their_starts(plain: str, width: int) -> None:
    """Every line `plain` wraps into at `width` starts where the text has that line."""
    wrapped = wrapped_lines(Text(plain), width, CONSOLE)
    assert len(wrapped.starts) == len(wrapped.lines) == len(wrapped.ends)
    for line, added, start in zip(wrapped.lines, wrapped.added, wrapped.starts, strict=True):
        piece = line.plain[added:]
        assert plain[start : start + len(piece)] == piece, (width, line.plain, start)
    assert wrapped.starts == sorted(wrapped.starts)
    # a line ends a paragraph exactly where the text has a newline (or ends)
    assert wrapped.ends.count(True) == plain.count("\n") + 1
    assert wrapped.ends[-1]


def test_a_line_after_a_url_folded_to_twice_the_width_starts_at_its_text():
    wrapped = wrapped_lines(Text(REPORT), 40, CONSOLE)
    lines = [line.plain for line in wrapped.lines]
    assert lines[2:4] == ["a" * 40, " and it says the plan works."]  # the fold, then its space
    drawn_at_their_starts(REPORT, 40)
    first, last = REPORT.index("needle"), REPORT.rindex("needle")
    assert "needle" in lines[bisect_right(wrapped.starts, first) - 1]
    assert lines[bisect_right(wrapped.starts, last) - 1] == "More text, and needle again."
    assert wrapped.ends == [False, False, False, True, True, False, True, True, True]


WORDS = st.sampled_from(
    ["alpha", "beta", "x", "a", "東京都", "日本語の文章", "—", "(delta)", "gamma,", "e" * 30]
) | st.text(alphabet="abc東é", min_size=1, max_size=70)
PROSE = st.lists(WORDS, min_size=0, max_size=30).map(" ".join)
CODE = st.builds(
    lambda indent, words, sep: GUTTER + " " * indent + sep.join(words),
    st.integers(0, 6),
    st.lists(WORDS, min_size=1, max_size=20),
    st.sampled_from([" ", "  "]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PROSE | CODE, min_size=1, max_size=6), st.integers(min_value=4, max_value=60))
def test_every_wrapped_line_starts_where_the_text_has_it(paragraphs, width):
    drawn_at_their_starts("\n".join(paragraphs), width)


# one paragraph with a URL of twice each width the reader's body may have at 100x30: one of them
# folds exactly, whatever the scrollbar and padding leave
FOLDS = "\n\n".join(
    f"See https://w.example/{'u' * (2 * width - len('https://w.example/'))} and read on."
    for width in range(80, 100)
)
FILLER = "\n\n".join(f"Paragraph {n} says little." for n in range(30))
ARTICLE = f"{FOLDS}\n\n{FILLER}\n\nLate in the text the word needle appears.\n\nThe end."


def store_article(db_path) -> None:
    with Library.open(db_path) as library:
        source = library.register_source("http://127.0.0.1:9/w.xml", "W", url=None)
        library.save_batch(
            source,
            [Article("Report", ARTICLE, guid="r", published=datetime(2030, 1, 1, tzinfo=UTC))],
        )


def drawn(body) -> tuple[list[str], list[int]]:
    """The body's lines as drawn, and those with a reversed (found) word on them."""
    strips = [body.render_line(y) for y in range(body.virtual_size.height)]
    texts = ["".join(segment.text for segment in strip) for strip in strips]
    marked = [
        y
        for y, strip in enumerate(strips)
        if any(segment.style is not None and segment.style.reverse for segment in strip)
    ]
    return texts, marked


async def test_a_find_after_a_folded_address_marks_its_line_and_scrolls_there(db_path):
    store_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "z")  # the reader alone
        await settle(pilot)
        reader = app.main.reader
        body = reader.query_one("#reader-body")
        await pilot.press("slash", *"needle", "enter")
        await settle(pilot)
        assert reader.find_matches == 1
        texts, marked = drawn(body)
        line = next(y for y, text in enumerate(texts) if "needle" in text)
        assert marked == [line]
        assert "the word needle appears" in screen_text(app)


async def test_a_selection_after_a_folded_address_copies_the_paragraphs_as_written(db_path):
    store_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "z")
        await settle(pilot)
        body = app.screen.query_one("#reader-body")
        lines = [line.plain for line in body._lines(body.content_size.width)]
        first = next(y for y, line in enumerate(lines) if line.startswith("Paragraph 0 "))
        last = next(y for y, line in enumerate(lines) if line.startswith("Paragraph 3 "))
        reader = app.main.reader
        reader.scroll_to(y=first, animate=False, immediate=True)
        await settle(pilot)
        pad = body.styles.padding.left
        # (pilot's offsets are the widget's, its whole height: line y is at y)
        await pilot.mouse_down(body, offset=(pad, first))
        await pilot.hover(body, offset=(pad + len(lines[last]), last))
        await pilot.mouse_up(body, offset=(pad + len(lines[last]), last))
        await pilot.pause()
        start = ARTICLE.index("Paragraph 0 ")
        end = ARTICLE.index("Paragraph 3 says little.") + len("Paragraph 3 says little.")
        assert app.screen.get_selected_text() == ARTICLE[start:end]
