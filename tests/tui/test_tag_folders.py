"""Pilot tests: a folder (a tag path from nested OPML folders) holds its subfolders in Sources —
its row's unread count, its headlines, `A` and `r` — and a folder holding only folders has its
row and its palette entry (user test r47 M1, M2)."""

from __future__ import annotations

from datetime import timedelta

from newstui.config import load_config
from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.view import tag_view

from .conftest import BASE, notifications, run_recorded, screen_text, settle

# (feed, tags, its articles' titles): Big holds only folders; Press holds a feed and a folder
FOLDERS = (
    ("Sub Zero", ("Big/Sub0",), ("Zero one", "Zero two")),
    ("Sub One", ("Big/Sub1",), ("One one",)),
    ("Home Desk", ("Press",), ("Home news",)),
    ("Euro Desk", ("Press/Europe",), ("Euro news", "Euro more")),
    ("Pressroom Blog", ("Pressroom",), ("Blog post",)),  # no folder of Press's
)


def add_folders(db_path) -> None:
    db = open_db(db_path)
    for n, (name, tags, titles) in enumerate(FOLDERS):
        url = f"http://127.0.0.1:9/f{n}.xml"
        feed = ensure_feed(db, url, name, url=url, tags=tags)
        save_articles(
            db,
            feed,
            [
                Article(
                    title=title,
                    text=f"{title}: the harbour wall will be rebuilt by {name}.",
                    url=f"https://f{n}.example/{i}",
                    published=BASE - timedelta(minutes=10 * n + i),
                    guid=f"{n}-{i}",
                )
                for i, title in enumerate(titles)
            ],
        )
    db.conn.close()


def titles(app: NewstuiApp) -> list[str]:
    return sorted(row.title for _, row in app.main.headlines.loaded_rows())


def tag_rows(app: NewstuiApp) -> list[str]:
    """The Sources rows of folders as shown, top to bottom, with their counts (a subfolder's
    indent as one space)."""
    rows = (line.split("▕")[0] for line in screen_text(app).splitlines())  # (Sources' column)
    return [" ".join(row.split()) for row in rows if row.lstrip().startswith("▾")]


async def test_a_folders_row_counts_lists_and_marks_read_its_subfolders_too(db_path):
    add_folders(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        rows = [
            row for row in tag_rows(app) if any(n in row for n in ("Big", "Sub", "Press", "Europe"))
        ]
        # a folder of folders has its row; each folder's subfolders come right after it
        assert rows == [
            "▾ Big 3",
            "▾ Sub0 2",
            "▾ Sub1 1",
            "▾ Press 3",
            "▾ Europe 2",
            "▾ Pressroom 1",
        ], rows
        sources = app.main.sources
        sources.focus()
        sources.select_view(tag_view("Press").key)
        await pilot.press("enter")
        await settle(pilot)
        assert titles(app) == ["Euro more", "Euro news", "Home news"]  # not Pressroom's
        app.main.show_view(tag_view("Big/Sub0"))  # a subfolder alone: its own row
        await settle(pilot)
        assert titles(app) == ["Zero one", "Zero two"]
        sources.focus()
        sources.select_view(tag_view("Big").key)
        await pilot.press("A")
        await settle(pilot)
        assert notifications(app)[-1].message.startswith("Marked 3 articles in #Big read.")
        big = [row for row in tag_rows(app) if "Big" in row or "Sub" in row]
        assert big == ["▾ Big", "▾ Sub0", "▾ Sub1"]  # (no count: nothing unread)
        assert "▾ Press 3" in tag_rows(app)


async def test_a_folder_of_folders_is_in_the_palettes_go_to_source(db_path):
    add_folders(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"#big")
        await settle(pilot)
        assert "Go to source: #Big" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key == tag_view("Big").key
        assert titles(app) == ["One one", "Zero one", "Zero two"]


async def test_r_on_a_folder_refreshes_the_feeds_of_its_subfolders(db_path, config):
    text = config.path.read_text("utf-8").replace('tags = ["local"]', 'tags = ["Big/Sub0"]')
    config.path.write_text(text, "utf-8")
    config = load_config(config.path)
    local = config.feeds[0]
    db = open_db(db_path)
    ensure_feed(db, local.url, local.name, url=local.url, tags=local.tags)
    db.conn.close()
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        sources = app.main.sources
        sources.focus()
        sources.select_view(tag_view("Big").key)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert titles(app) == ["Fresh story from the server"]


async def test_the_palette_finds_a_folder_by_words_of_its_path_and_by_a_slash(db_path):
    add_folders(db_path)
    db = open_db(db_path)
    url = "http://127.0.0.1:9/slashed.xml"
    ensure_feed(db, url, "Slashed Desk", url=url, tags=("World\u2215Europe",))  # one folder
    db.conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"#press euro")  # a space between the path's words (r50 LOW-13)
        await settle(pilot)
        assert "Go to source: #Press/Europe" in screen_text(app)
        await pilot.press(*["backspace"] * len("#press euro"), *"/europ")
        await settle(pilot)
        shown = screen_text(app)
        # every folder with a part starting so, a "/" in one folder's name too
        assert "Go to source: #Press/Europe" in shown
        assert "Go to source: #World\u2215Europe" in shown
        await pilot.press(*["backspace"] * len("/europ"), *"/sub1")
        await settle(pilot)
        assert "Go to source: #Big/Sub1" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key == tag_view("Big/Sub1").key
