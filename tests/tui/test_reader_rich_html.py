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
    start = lines.index("Bob  | 7")  # the table's last row, aligned, no marker glued to it
    assert lines[start : start + 5] == [
        "Bob  | 7",
        "",
        "[image 1: A chart of scores]",
        "Caption text.",
        "Line after a break.",
    ]
    assert "──────────" in lines and "Footnote^1 and more." in lines
    listed = "[1] [image] A chart of scores https://news.example/chart.png"
    assert any(line.startswith(listed) for line in lines)


WIDE_AND_NESTED = (
    "<p>The week in numbers.</p><table><tr>"
    + "".join(f"<th>column {n}</th>" for n in range(1, 9))
    + "</tr><tr>"
    + "".join(f"<td>value {n}</td>" for n in range(1, 9))
    + "</tr></table><ul><li>Wages<ul><li>Nominal wages in the cities and in the country rose"
    " faster than prices this year</li></ul></li><li>Prices</li></ul>"
)


def add_article(db_path, html: str, guid: str) -> None:
    """The newest article of the fixture's World Desk, converted from `html`."""
    text, links = html_to_text(html, "https://news.example/week")
    db = open_db(db_path)
    world = ensure_feed(db, "http://127.0.0.1:9/world.xml", "World Desk")
    article = Article(
        title="The week",
        text=text,
        url="https://news.example/week",
        published=BASE + timedelta(hours=2),
        guid=guid,
        links=links,
    )
    save_articles(db, world, [article])
    db.conn.close()


async def test_a_wide_tables_cells_under_their_names_and_a_nested_items_wrapped_lines(db_path):
    add_article(db_path, WIDE_AND_NESTED, "wide-and-nested")
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = screen_text(app).splitlines()
    at = screen.index("  The week in numbers.")  # (the reader's text: two columns in)
    assert [line.rstrip() for line in screen[at + 2 : at + 15]] == [
        "  column 1: value 1",  # (too wide to align: each cell under its column's name)
        "  column 2: value 2",
        "  column 3: value 3",
        "  column 4: value 4",
        "  column 5: value 5",
        "  column 6: value 6",
        "  column 7: value 7",
        "  column 8: value 8",
        "",
        "  • Wages",
        "    ◦ Nominal wages in the cities and in the country",
        "      rose faster than prices this year",
        "  • Prices",
    ]


def gaps_article() -> str:
    """Round 52's article of real feeds' details (tests/rich_articles/gaps_r52.html)."""
    from pathlib import Path

    return (Path(__file__).parents[1] / "rich_articles" / "gaps_r52.html").read_text()


async def test_headings_a_loose_list_a_wide_table_and_code_in_a_quote_read_at_60_columns(db_path):
    add_article(db_path, gaps_article(), "gaps-r52")
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 120)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        app.main.reader.scroll_to(y=0, animate=False, immediate=True)
        await settle(pilot)
        lines = reader_lines(app)
        screen = screen_text(app).splitlines()
    at = lines.index("# Harbour plan, explained")
    assert lines[at + 1] == "─" * 25
    at = lines.index("• Ferries run every 20 minutes.")
    assert lines[at + 1 : at + 3] == [
        "• Parking moves to the old depot.",
        "• Night buses stop at the pier.",
    ]
    assert "Total |         | $17.3m" in lines
    at = lines.index("Route: F1")
    assert lines[at + 1].startswith("Description of the route and its stops:")
    wrapped = next(line for line in screen if lines[at + 2] in line)
    head = next(line for line in screen if "Description of the route" in line)
    assert wrapped.index(lines[at + 2]) == head.index("Description") + 2  # (two in)
    at = lines.index("> │ MOTION 14/2027")
    assert lines[at + 1] == "> │     carried 7 - 2"
