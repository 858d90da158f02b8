"""Two feeds whose long names differ only at the end look different in Sources: a name cut short
keeps what tells it from the other ("The Extraordinarily…Sun (2)"), with CJK and emoji names
measured in cells (user test r38 L17: both read "The Extraordinarily Long-Nam… 3")."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from newstui.store import open_db
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.source_entries import tell_apart
from newstui.tui.widgets.source_label import SourceLabel

from .conftest import screen_text, settle

LONG = (
    "The Extraordinarily Long-Named Independent Quarterly Review of Absolutely Everything Under"
    " the Sun"
)


def lines(names: list[str], width: int) -> list[str]:
    labels = [SourceLabel(Text(name), 3) for name in names]
    tell_apart(labels)
    return [label.line(width).plain for label in labels]


def test_two_long_names_differing_at_the_end_stay_different():
    one, two = lines([LONG, f"{LONG} (2)"], 27)
    assert one != two
    assert one.startswith("The Extraordinar") and two.startswith("The Extraordinar")
    assert two.rstrip(" 3").endswith("Sun (2)")
    assert cell_len(one) == cell_len(two) == 27


def test_wide_names_are_told_apart_in_cells():
    names = ["世界ニュース 🌏 朝刊 Morning Edition", "世界ニュース 🌏 夕刊 Evening Edition"]
    one, two = lines(names, 20)
    assert one != two
    assert "朝刊" in one and "夕刊" in two
    assert cell_len(one) == cell_len(two) == 20


def test_names_that_differ_early_are_cut_at_their_end_as_before():
    one, two = lines(["Politics and Government Wire", "Sport and Leisure Wire"], 16)
    assert one == SourceLabel(Text("Politics and Government Wire"), 3).line(16).plain
    assert two.startswith("Sport and")


async def test_sources_shows_two_long_named_feeds_apart(tmp_path):
    path = tmp_path / "long.db"
    db = open_db(path)
    ensure_feed(db, "http://127.0.0.1:9/a.json", LONG, url="http://127.0.0.1:9/a.json")
    ensure_feed(db, "http://127.0.0.1:9/b.json", f"{LONG} (2)", url="http://127.0.0.1:9/b.json")
    db.conn.close()
    app = NewstuiApp(path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")  # Sources, beside the headlines
        await settle(pilot)
        width = app.main.sources.content_region.width
        shown = [line[:width].rstrip() for line in screen_text(app).splitlines()]
        feeds = [line for line in shown if line.startswith("The Extra")]
    assert len(feeds) == 2 and feeds[0] != feeds[1]
    assert any(line.endswith("(2)") for line in feeds)
