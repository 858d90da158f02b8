"""The reader draws a long article (100 KB: user test r36 M6) line by line from its text wrapped
at the pane's width: the top, the end (G) and a found word (/) show the right lines, and a
narrower pane wraps it again."""

from __future__ import annotations

from datetime import UTC, datetime

from newstui.library import Library
from newstui.model import Article
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle

PARAGRAPHS = [
    f"Paragraph {n}: " + " ".join(f"word{n}x{i}" for i in range(60)) + "." for n in range(300)
]


def store_long_article(db_path) -> None:
    with Library.open(db_path) as library:
        source = library.register_source("http://127.0.0.1:9/long.xml", "Long", url=None)
        library.save_batch(
            source,
            [
                Article(
                    "A very long article",
                    "\n\n".join(PARAGRAPHS),
                    guid="long",
                    published=datetime(2030, 1, 1, tzinfo=UTC),  # the newest: selected
                )
            ],
        )


async def test_a_long_article_shows_its_top_its_end_and_a_found_word(db_path):
    store_long_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.reader
        assert "Paragraph 0: word0x0" in screen_text(app)
        body = reader.query_one("#reader-body")
        assert body.size.height > 300 * 2  # every paragraph's lines, and a blank between
        await pilot.press("G")
        await settle(pilot)
        assert "word299x59." in screen_text(app)
        await pilot.press("g", "slash")
        await settle(pilot)
        await pilot.press(*"word150x30", "enter")
        await settle(pilot)
        assert reader.find_matches == 1
        assert "word150x30" in screen_text(app)
        tall = body.size.height
        await pilot.resize_terminal(70, 30)
        await settle(pilot)
        assert body.size.height > tall  # narrower: more lines
        await pilot.press("G")
        await settle(pilot)
        assert "word299x59." in screen_text(app)


async def test_a_mouse_drag_in_the_reader_selects_the_lines_dragged_over(db_path):
    """Review r36 R1: the lines drawn one by one carried no offsets, so a drag selected the whole
    article (and drew no highlight)."""
    store_long_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        body = app.screen.query_one("#reader-body")
        lines = body._lines(body.content_size.width)
        row = next(y for y, line in enumerate(lines) if line.plain.startswith("Paragraph 0:"))
        await pilot.mouse_down(body, offset=(0, row))
        await pilot.hover(body, offset=(12, row))
        await pilot.mouse_up(body, offset=(12, row))
        await pilot.pause()
        assert app.screen.get_selected_text() == "Paragraph 0"
        selected = body.selection_style
        drawn = [(s.text, s.style) for s in body.render_line(row)]
        marked = "".join(t for t, style in drawn if style and style.bgcolor == selected.bgcolor)
        assert marked == "Paragraph 0"
        # a drag over the width's wrap copies the paragraph's text, with no newline at the wrap
        pad = body.styles.padding.left  # (pilot's offsets are the widget's, padding included)
        start = pad + lines[row].plain.index("word0x0")
        end = pad + len(lines[row + 1].plain.split()[0])
        await pilot.mouse_down(body, offset=(start, row))
        await pilot.hover(body, offset=(end, row + 1))
        await pilot.mouse_up(body, offset=(end, row + 1))
        await pilot.pause()
        copied = app.screen.get_selected_text()
        assert "\n" not in copied and PARAGRAPHS[0].startswith("Paragraph 0: " + copied)


async def test_a_find_marks_the_words_without_wrapping_the_article_again(db_path, monkeypatch):
    """User test r36 L6: each `/` find rendered, wrapped and measured the 100 KB article again
    (twice: for the pane, and to find the match's line); the match is drawn over the lines."""
    from rich.text import Text

    store_long_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        wraps: list[int] = []
        wrap = Text.wrap

        def counted_wrap(self, *args, **kwargs):
            wraps.append(len(self.plain))
            return wrap(self, *args, **kwargs)

        monkeypatch.setattr(Text, "wrap", counted_wrap)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"word150x30", "enter")
        await settle(pilot)
        assert app.main.reader.find_matches == 1
        assert "word150x30" in screen_text(app)
        assert sum(wraps) < 1000  # (the find box's own lines: no paragraph of the article)
        body = app.main.reader.query_one("#reader-body")
        lines = body._lines(body.content_size.width)
        row = next(y for y, line in enumerate(lines) if "word150x30" in line.plain)
        marked = [s.text for s in body.render_line(row) if s.style and s.style.reverse]
        assert marked == ["word150x30"]
