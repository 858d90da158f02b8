"""The reader keeps a preformatted (code) line's `│ ` gutter on every line it wraps to, and a
mouse selection still copies the line as the text has it (closing r36: the continuation of a
wrapped code line had no gutter)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newstui.library import Library
from newstui.model import Article
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle

CODE = "    return compute_the_answer(first_argument, second_argument, third_argument, fourth)"
TEXT = f"Some code:\n\n│ def main():\n│{CODE}\n│ \n│ main()\n\nAfter the code."


def store_code_article(db_path) -> None:
    with Library.open(db_path) as library:
        source = library.register_source("http://127.0.0.1:9/code.xml", "Code", url=None)
        library.save_batch(
            source,
            [Article("Code", TEXT, guid="c", published=datetime(2030, 1, 1, tzinfo=UTC))],
        )


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_a_wrapped_code_line_keeps_its_gutter_on_every_line(db_path, size):
    store_code_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "z")  # the reader alone: its whole width
        await settle(pilot)
        shown = screen_text(app)
        rows = [row.strip(" ▏▕") for row in shown.splitlines()]
        start = next(i for i, row in enumerate(rows) if "return compute_the_answer" in row)
        end = next(i for i, row in enumerate(rows) if "fourth)" in row)
        assert end > start  # wrapped
        for row in rows[start : end + 1]:
            assert row.startswith("│"), row
        assert "Some code:" in shown and "After the code." in shown


async def test_a_selection_over_a_wrapped_code_line_copies_it_as_written(db_path):
    store_code_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "z")
        await settle(pilot)
        body = app.screen.query_one("#reader-body")
        lines = [line.plain for line in body._lines(body.content_size.width)]
        first = next(y for y, line in enumerate(lines) if "return compute" in line)
        last = next(y for y, line in enumerate(lines) if "fourth)" in line)
        assert all(line.startswith("│ ") for line in lines[first : last + 1])
        pad = body.styles.padding.left  # (pilot's offsets are the widget's, padding included)
        await pilot.mouse_down(body, offset=(pad + lines[first].index("return"), first))
        await pilot.hover(body, offset=(pad + len(lines[last]), last))
        await pilot.mouse_up(body, offset=(pad + len(lines[last]), last))
        await pilot.pause()
        assert app.screen.get_selected_text() == CODE.strip()
