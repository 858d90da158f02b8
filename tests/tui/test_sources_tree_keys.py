"""Pilot tests: Sources as a folder tree (user test r51 LOW-17) — each folder's feeds under it,
folded and unfolded with Space, l/→, h/← or a click on its marker, h from a feed to its folder,
Enter still listing a folder's headlines, the folds kept across reloads and restarts, a feed in
two folders under both, and `sources_layout = "flat"` for the old two lists."""

from __future__ import annotations

from datetime import timedelta

import pytest

from newstui.config import load_config
from newstui.errors import ConfigError
from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.source_label import SourceLabel

from .conftest import BASE, notifications, run_recorded, screen_text, settle

# (feed, tags, unread articles): news holds feeds and a folder, Both Ways is in news and tech
NESTED = (
    ("Alpha Wire", ("news",), 2),
    ("Berlin Daily", ("news/Europe",), 1),
    ("Both Ways", ("news", "tech"), 1),
    ("Chip Talk", ("tech",), 1),
    ("Loose Blog", (), 1),
)


def add_nested(db_path) -> dict[str, int]:
    """The NESTED feeds in a store (beside conftest's own: World Desk in news, Tech Wire in
    tech, and Notes); their ids by name."""
    db = open_db(db_path)
    ids = {}
    for n, (name, tags, count) in enumerate(NESTED):
        url = f"http://127.0.0.1:9/n{n}.xml"
        ids[name] = feed = ensure_feed(db, url, name, url=url, tags=tags)
        articles = [
            Article(
                title=f"{name} story {i}",
                text=f"{name} story {i}: the harbour wall will be rebuilt.",
                url=f"https://n{n}.example/{i}",
                published=BASE - timedelta(minutes=10 * n + i),
                guid=f"n{n}-{i}",
            )
            for i in range(count)
        ]
        save_articles(db, feed, articles)
    db.conn.close()
    return ids


def rows(app: NewstuiApp) -> list[str]:
    """Sources' entries as listed (marks, indents and names; headings as they read)."""
    return [
        (option.prompt.mark + option.prompt.name).plain
        if isinstance(option.prompt, SourceLabel)
        else str(option.prompt)
        for option in app.main.sources.options
    ]


def at(app: NewstuiApp) -> str | None:
    option = app.main.sources.highlighted_option
    return option.id if option is not None else None


async def into_sources(pilot, entry_id: str) -> None:
    sources = pilot.app.main.sources
    sources.focus()
    ids = [option.id for option in sources.options]
    sources.highlighted = ids.index(entry_id)
    await settle(pilot)


async def test_each_folder_lists_its_feeds_under_it_and_a_feed_in_two_folders_under_both(db_path):
    ids = add_nested(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        listed = rows(app)
        start = listed.index("Folders")
        assert listed[start:] == [
            "Folders",
            "▾ news",
            "  Alpha Wire",
            "  Both Ways",
            "  World Desk",
            "  ▾ Europe",
            "    Berlin Daily",
            "▾ tech",
            "  Both Ways",
            "  Chip Talk",
            "  Tech Wire",
            "No folder",
            "Loose Blog",
            "Local",
            "Notes",
        ]
        text = screen_text(app)
        assert "▾ news" in text and "  ▾ Europe" in text
        # a folder's count: its feeds' and its subfolders' unread, each article once
        news = next(line for line in text.splitlines() if "▾ news" in line).split("▕")[0]
        assert news.split()[-1] == str(2 + 1 + 1 + 22)
        entries = [option.id for option in app.main.sources.options if option.id]
        both = ids["Both Ways"]
        assert [i for i in entries if i.startswith(f"feed:{both}")] == [
            f"feed:{both}@news",
            f"feed:{both}@tech",
        ]
        assert len(entries) == len(set(entries))


async def test_space_l_and_h_fold_and_unfold_and_h_goes_from_a_feed_to_its_folder(db_path):
    ids = add_nested(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await into_sources(pilot, f"feed:{ids['Berlin Daily']}@news/Europe")
        await pilot.press("h")  # a feed: to its folder
        await settle(pilot)
        assert at(app) == "tag:news/Europe"
        await pilot.press("h")  # an unfolded folder: folded
        await settle(pilot)
        assert "    Berlin Daily" not in rows(app) and "  ▸ Europe" in rows(app)
        assert at(app) == "tag:news/Europe"
        await pilot.press("h")  # a folded one: up to the folder it is in
        await settle(pilot)
        assert at(app) == "tag:news"
        await pilot.press("space")
        await settle(pilot)
        assert "▸ news" in rows(app) and "  Alpha Wire" not in rows(app)
        await pilot.press("l")  # a folded folder: unfolded (its subfolder stays folded)
        await settle(pilot)
        assert "▾ news" in rows(app) and "  ▸ Europe" in rows(app)
        assert app.main.headlines.view.key == "all"  # (l unfolded: nothing shown)
        await pilot.press("right")  # an unfolded folder: its headlines, as Enter
        await settle(pilot)
        assert app.main.headlines.view.key == "tag:news"
        await into_sources(pilot, f"feed:{ids['Chip Talk']}@tech")
        await pilot.press("left", "left")
        await settle(pilot)
        assert "▸ tech" in rows(app) and at(app) == "tag:tech"
        await pilot.press("space")
        await settle(pilot)
        assert "▾ tech" in rows(app)


async def test_enter_on_a_folder_lists_its_headlines_and_l_on_a_feed_opens_it(db_path):
    ids = add_nested(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await into_sources(pilot, "tag:news/Europe")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "tag:news/Europe"
        assert app.main.focused is app.main.headlines
        await into_sources(pilot, f"feed:{ids['Both Ways']}@tech")
        await pilot.press("l")
        await settle(pilot)
        assert app.main.headlines.view.key == f"feed:{ids['Both Ways']}"
        # the copy chosen stays highlighted, not the first one of the feed
        assert at(app) == f"feed:{ids['Both Ways']}@tech"


async def test_a_click_on_the_marker_folds_a_click_on_the_name_lists_the_folder(db_path):
    add_nested(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        ids = [option.id for option in app.main.sources.options]
        row = ids.index("tag:tech")
        sources = app.main.sources
        y = row - sources.scroll_offset.y
        await pilot.click(sources, offset=(1, y))  # (the option's padding, then ▾)
        await settle(pilot)
        assert "▸ tech" in rows(app)
        assert app.main.headlines.view.key == "all"
        await pilot.click(sources, offset=(6, y))  # on its name
        await settle(pilot)
        assert app.main.headlines.view.key == "tag:tech"
        assert "▸ tech" in rows(app)


async def test_folds_are_kept_across_reloads_and_restarts_in_ui_json(db_path, tmp_path):
    add_nested(db_path)
    state = tmp_path / "ui.json"
    app = NewstuiApp(db_path, None, ui_state=state)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await into_sources(pilot, "tag:news")
        await pilot.press("space")
        await settle(pilot)
        app.main.sources.reload()  # (a refresh's counts: listed again)
        await settle(pilot)
        assert "▸ news" in rows(app)
    assert '"folded_folders": ["news"]' in state.read_text("utf-8")
    again = NewstuiApp(db_path, None, ui_state=state)
    async with run_recorded(again, size=(120, 40)) as pilot:
        await settle(pilot)
        assert "▸ news" in rows(again) and "  Alpha Wire" not in rows(again)
        assert "▾ tech" in rows(again)
        assert again.theme == app.theme  # (the theme kept beside them)


async def test_going_to_a_feed_inside_a_folded_folder_unfolds_it(db_path):
    ids = add_nested(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await into_sources(pilot, "tag:news")
        await pilot.press("space")
        await settle(pilot)
        await into_sources(pilot, "tag:tech")
        key = f"feed:{ids['Berlin Daily']}"
        app.main.sources.go_to(next(v for v in app.main.sources.go_to_views() if v.key == key))
        await settle(pilot)
        assert app.main.headlines.view.key == key
        assert "▾ news" in rows(app) and "    Berlin Daily" in rows(app)
        assert at(app) == f"{key}@news/Europe"


async def test_J_and_K_walk_each_feed_listed_once_in_the_trees_order(db_path):
    ids = add_nested(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        names = {v: k for k, v in ids.items()}
        walked = []
        for _ in range(8):
            await pilot.press("J")
            await settle(pilot)
            feed_id = app.main.headlines.view.filter.feed_id
            walked.append(names.get(feed_id, app.main.headlines.view.title))
        assert walked == [
            "Alpha Wire",
            "Both Ways",
            "World Desk",
            "Berlin Daily",
            "Chip Talk",  # (Both Ways once: its first place, under News)
            "Tech Wire",
            "Loose Blog",
            "Notes",
        ]
        await pilot.press("K")
        await settle(pilot)
        assert app.main.headlines.view.filter.feed_id == ids["Loose Blog"]


async def test_H_leaves_read_feeds_out_of_the_folders_and_says_how_many(db_path):
    ids = add_nested(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        with app.main.library.borrow() as library:
            from newstui.model import ArticleFilter

            rows_ = library.articles(ArticleFilter(feed_id=ids["Chip Talk"]))
            library.mark([row.id for row in rows_], read=True)
        app.main.sources.reload()
        await settle(pilot)
        await into_sources(pilot, "all")
        await pilot.press("H")
        await settle(pilot)
        listed = rows(app)
        assert "Folders (+1 read)" in listed
        assert "  Chip Talk" not in listed and "  Both Ways" in listed
        await pilot.press("H")
        await settle(pilot)
        assert "Folders" in rows(app) and "  Chip Talk" in rows(app)


async def test_sources_layout_flat_lists_the_folders_then_every_feed(db_path, tmp_path):
    add_nested(db_path)
    path = tmp_path / "feeds.toml"
    path.write_text('[settings]\nsources_layout = "flat"\n', "utf-8")
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        listed = rows(app)
        start = listed.index("Tags")
        assert listed[start : start + 5] == ["Tags", "#news", "#news/Europe", "#tech", "Feeds"]
        assert not any("▾" in row or "▸" in row for row in listed)
        await into_sources(pilot, "tag:news")
        await pilot.press("space")  # (no folders to fold: nothing happens)
        await settle(pilot)
        assert rows(app) == listed
        assert not [n for n in notifications(app) if n.severity == "error"]


@pytest.mark.parametrize("value", ['"side"', "true", '"Tree"'])
def test_a_bad_sources_layout_is_one_line_naming_the_file_and_line(tmp_path, value):
    path = tmp_path / "feeds.toml"
    path.write_text(f"[settings]\nsources_layout = {value}\n", "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    said = str(raised.value)
    assert said.count("\n") == 0
    assert f"{path}:2" in said
    assert 'setting \'sources_layout\' must be "tree" or "flat", not' in said


def add_many(db_path, feeds: list[tuple[str, tuple[str, ...]]]) -> dict[str, int]:
    """Feeds with one unread article each, in these folders; their ids by name."""
    db = open_db(db_path)
    ids = {}
    for n, (name, tags) in enumerate(feeds):
        url = f"http://127.0.0.1:9/m{n}.xml"
        ids[name] = feed = ensure_feed(db, url, name, url=url, tags=tags)
        article = Article(
            title=f"{name} story",
            text=f"{name} story: the harbour wall will be rebuilt.",
            url=f"https://m{n}.example/1",
            published=BASE - timedelta(minutes=n),
            guid=f"m{n}",
        )
        save_articles(db, feed, [article])
    db.conn.close()
    return ids


@pytest.mark.parametrize("size", [(120, 40), (100, 30)])
async def test_a_long_name_in_a_folder_is_not_cut_when_the_pane_has_room(db_path, size):
    # user test r52 LOW-16: "TechCrunchy (mine)" drawn "TechCrunchy…" under its folder at 120x40
    # in a list long enough to scroll: the scrollbar took the columns the name was measured for
    many = [(f"Feed {n:02d}", (f"f{n % 9}",)) for n in range(40)]
    ids = add_many(db_path, [("TechCrunchy (mine)", ("tech",)), *many])
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=size) as pilot:
        await settle(pilot)
        await into_sources(pilot, f"feed:{ids['TechCrunchy (mine)']}@tech")
        assert app.main.sources.max_scroll_y > 0  # (it scrolls: the scrollbar is there)
        panes = [s.split("▕")[0] for s in screen_text(app).splitlines()]
        line = next(s for s in panes if s.startswith("  TechCrunchy"))
        assert "TechCrunchy (mine)" in line, line
