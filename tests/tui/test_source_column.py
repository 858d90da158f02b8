"""The headline list's source column is as wide as the names it shows need: a list whose names
are short, or were cut short, gives the rest of the room to the titles."""

from __future__ import annotations

import re
from datetime import timedelta

from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.view import tag_view
from newstui.tui.widgets.headline_row import source_cells, source_cuts, source_room

from .conftest import BASE, screen_text, settle


def add_harbour_feeds(path) -> None:
    """Two feeds whose long names are cut at their separator ("Harbour…"), tagged `harbour`."""
    db = open_db(path)
    for hour, edition in enumerate(("Evening", "Morning")):
        feed = ensure_feed(
            db,
            f"http://127.0.0.1:9/harbour-{edition.lower()}.xml",
            f"Harbour · {edition} Edition",
            url=f"http://127.0.0.1:9/harbour-{edition.lower()}.xml",
            tags=("harbour",),
        )
        title = f"Tide tables for the {edition.lower()} ferries"
        article = Article(
            title=title,
            text=f"{title}.",
            url=f"https://harbour.example/{edition.lower()}",
            published=BASE - timedelta(days=1, hours=hour),
            guid=f"harbour-{edition.lower()}",
        )
        save_articles(db, feed, [article])
    db.conn.close()


async def test_a_column_of_names_cut_short_is_as_wide_as_they_are(db_path):
    add_harbour_feeds(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.show_view(tag_view("harbour"))
        await settle(pilot)
        rows = [line for line in screen_text(app).splitlines() if "●   2024-11" in line]
        assert len(rows) == 2
        # the column keeps no blank cells after a cut name (it kept 5 after "Harbour…"), and
        # names that start alike keep the words that tell them apart (both were "Harbour…")
        # (how much of "Edition" fits follows the Sources pane's width)
        assert re.search(r"2024-11  Evening Ed\w*…  Tide tables for the evening", rows[0]), rows
        assert re.search(r"2024-11  Morning Ed\w*…  Tide tables for the morning", rows[1]), rows


async def test_titles_stay_aligned_under_names_of_every_length(db_path):
    add_harbour_feeds(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        starts = {
            line.index(title)
            for line in lines
            if "●   2024-11" in line  # a headline row (the reader shows titles too)
            for title in ("Tide tables", "A local note", "Chip makers", "World briefing")
            if title in line
        }
        assert len(starts) == 1, lines


def test_the_column_is_the_widest_name_once_cut_and_never_wider_than_its_room():
    width = 65  # the list's width at 120x40 beside a short Sources: 14 cells of room
    assert source_room(width) == 14
    assert source_cells(["Tech Wire", "World Desk"], width) == len("World Desk")
    assert source_cells(["Harbour · Evening Edition", "Tech Wire"], width) == len("Tech Wire")
    assert source_cells(["Harbour · Evening Edition"], width) == len("Harbour…")
    assert source_cells(["A name far longer than any column gives it room for"], width) == 14
    assert source_cells(["\x1b[31mRed\x1b[0m"], width) == len("Red")  # as the row shows it


def test_the_outlet_keeps_a_quarter_of_a_list_squeezed_between_wide_side_panes():
    """At 120x40 beside a Sources pane of long names and the sidebar the list is ~56 cells: the
    outlet had 10 of them ("Beltway Br…") beside a 34-cell title (user test r53 LOW-4)."""
    assert source_room(56) == 14
    assert source_cells(["Beltway Brief", "Asia Pacific Wire"], 56) == len("Asia Pacific…")
    assert source_room(78) == 15  # a full-width list at 80 columns: a fifth, as before
    assert source_room(160) == 18  # never more than 18, however wide
    assert source_room(30) == 8  # and 8 at the least


async def test_a_list_whose_rows_all_come_from_one_source_leaves_the_column_out(db_path):
    """A tag of one feed repeated its name on every row, as a feed's own list does not."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.show_view(tag_view("tech"))
        await settle(pilot)
        rows = [line for line in screen_text(app).splitlines() if "●   2024-11-30" in line]
        assert len(rows) == 2
        assert not any("Tech Wire" in row for row in rows), rows
        assert any("2024-11-30   Chip makers report record quarter" in row for row in rows)


async def test_a_list_whose_first_rows_come_from_one_source_of_several_shows_the_column(
    db_path, monkeypatch
):
    """The column was decided on the rows read first: a search of 60,000 articles from three
    feeds left it out until G (user test r45 M7)."""
    import newstui.tui.widgets.headlines as headlines_module

    monkeypatch.setattr(headlines_module, "CHUNK", 20)  # (windows of 20 rows: 40 fill them)
    db = open_db(db_path)
    feed = ensure_feed(db, "http://127.0.0.1:9/ferry.xml", "Ferry Wire")
    newer = [
        Article(f"Ferry {n}", f"Ferry {n}.", guid=f"ferry-{n}", published=BASE + timedelta(n))
        for n in range(1, 41)
    ]
    save_articles(db, feed, newer)
    db.conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = [line for line in screen_text(app).splitlines() if "Ferry 40" in line]
        assert rows and "Ferry Wire" in rows[0], rows


def test_names_that_differ_only_at_their_end_keep_it():
    """User test r31 L2: "News Desk 10" … "News Desk 19" were all "News Desk…"."""
    desks = [f"News Desk {n}" for n in range(10, 20)]
    cuts = source_cuts([*desks, "Tech Wire"], 10)
    assert [cuts[name] for name in desks[:2]] == [("News De…", "10"), ("News De…", "11")]
    assert len({cuts[name] for name in desks}) == 10
    assert cuts["Tech Wire"] == ("Tech Wire", None)  # a name that fits is left whole
    assert source_cuts(desks[:1], 10) == {"News Desk 10": ("News Desk…", None)}  # alone: as ever
    assert source_cells(desks, 40) == 10  # (the column's room at 40 cells)


async def test_a_list_of_desks_alike_shows_which_desk_each_row_is_from(tmp_path):
    path = tmp_path / "desks.db"
    db = open_db(path)
    for n in range(10, 13):
        feed = ensure_feed(db, f"http://127.0.0.1:9/desk{n}.xml", f"Regional News Desk {n}")
        article = Article(
            title=f"Story from desk {n}",
            text="x",
            url=f"https://desks.example/{n}",
            published=BASE - timedelta(hours=n),
            guid=f"desk-{n}",
        )
        save_articles(db, feed, [article])
    db.conn.close()
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for n in range(10, 13):
            assert f"…{n}  Story from desk {n}" in text, text


def test_a_name_joined_by_an_ampersand_is_cut_at_the_column_end_not_at_the_ampersand():
    """User test r52 L11: "Courts & Justice" was "Courts…" beside the feed "Court Side";
    "&" joins the words of one name, a "·" the parts of one (cut there: "Sport…")."""
    names = ["Courts & Justice", "Court Side", "Sport · Wikinews"]
    assert source_cuts(names, 15) == {
        "Courts & Justice": ("Courts & Justi…", None),
        "Court Side": ("Court Side", None),
        "Sport · Wikinews": ("Sport…", None),  # (not "Sport · Wikine…": parts, as ever)
    }
    assert source_cuts(names, 12)["Courts & Justice"] == ("Courts & Ju…", None)  # (60 columns)
    assert source_cuts(names, 18)["Courts & Justice"] == ("Courts & Justice", None)
    assert source_cuts(["Food & Drink News"], 8) == {"Food & Drink News": ("Food…", None)}


async def test_the_headlines_tell_courts_and_justice_from_court_side_at_80_and_60_columns(tmp_path):
    path = tmp_path / "courts.db"
    db = open_db(path)
    for hour, name in enumerate(("Courts & Justice", "Court Side")):
        slug = name.split()[0].lower() + str(hour)
        feed = ensure_feed(
            db, f"http://127.0.0.1:9/{slug}.xml", name, url=f"http://127.0.0.1:9/{slug}.xml"
        )
        article = Article(
            title=f"Ruling number {hour}",
            text="The court ruled.",
            url=f"https://courts.example/{slug}",
            published=BASE - timedelta(hours=hour),
            guid=slug,
        )
        save_articles(db, feed, [article])
    db.conn.close()
    for size, courts in (((80, 24), "Courts & Justice"), ((60, 20), "Courts & Just…")):
        app = NewstuiApp(path, None)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            rows = [line for line in screen_text(app).splitlines() if "Ruling number" in line]
            assert f"{courts}  Ruling number 0" in rows[0], rows
            court_side = "Court Side".ljust(len(courts))
            assert f"{court_side}  Ruling number 1" in rows[1], rows
