"""Rich HTML in the reader (user test r48 LOW-26): an image's marker stands where the image is,
with its alt text, and a <br> is a line break, as in `newstui show`."""

from __future__ import annotations

from datetime import timedelta

from newstui.model import Article
from newstui.sources.html import html_to_text
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp

from .conftest import BASE, settle
from .screenshot import screen_text

RICH_HTML = (
    "<p>Scores this week:</p><table><tr><th>Name</th><th>Score</th></tr>"
    "<tr><td>Ann</td><td>5</td></tr><tr><td>Bob</td><td>7</td></tr></table>"
    '<p><img src="/chart.png" alt="A chart of scores"> Caption text.<br>Line after a break.</p>'
    "<hr><p>Footnote<sup>1</sup> and <b>more</b>.</p>"
)


def add_rich_article(db_path) -> None:
    """The newest article of the fixture's World Desk, converted from RICH_HTML."""
    text, links = html_to_text(RICH_HTML, "https://news.example/scores")
    db = open_db(db_path)
    world = ensure_feed(db, "http://127.0.0.1:9/world.xml", "World Desk")
    article = Article(
        title="Scores of the week",
        text=text,
        url="https://news.example/scores",
        published=BASE + timedelta(hours=1),
        guid="rich-html",
        links=links,
    )
    save_articles(db, world, [article])
    db.conn.close()


def reader_lines(app: NewstuiApp) -> list[str]:
    """The reader's lines as the screen shows them, trimmed."""
    reader = app.main.reader.region
    lines = screen_text(app).splitlines()[reader.y : reader.bottom]
    return [line[reader.x : reader.right].strip(" ▏▕▎│┃") for line in lines]


async def test_the_reader_shows_an_image_where_it_stands_and_a_br_as_a_line_break(db_path):
    add_rich_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        lines = reader_lines(app)
    start = lines.index("Bob | 7")  # the table's last row, no marker glued to it
    assert lines[start : start + 5] == [
        "Bob | 7",
        "",
        "[image 1: A chart of scores]",
        "Caption text.",
        "Line after a break.",
    ]
    assert "──────────" in lines and "Footnote^1 and more." in lines
    listed = "[1] [image] A chart of scores https://news.example/chart.png"
    assert any(line.startswith(listed) for line in lines)
