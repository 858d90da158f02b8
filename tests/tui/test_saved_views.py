"""Pilot tests: saved views in the sources pane, `S` saves a search, `F` follows an entity."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.pilot import Pilot

from newstui.config import FeedConfig, load_config
from newstui.config.source_edits import add_feeds
from newstui.tui import app as app_module
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.view_name import ViewNameScreen
from newstui.tui.view import View

from .conftest import notifications, run_recorded, screen_text, settle

CONFIG = """# my newstui config: this comment must survive edits
[settings]
refresh_minutes = 0  # never refresh on a timer
fulltext = false

[[views]]
name = "Kremlin watch"
query = 'title:kremlin OR speaker:"Dmitry Peskov"'
"""


def write_config(tmp_path: Path, text: str = CONFIG) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(text, "utf-8")
    return path


async def open_kremlin_quotes(app: NewstuiApp, pilot: Pilot[None]) -> None:
    """The Kremlin article's quotes (its one quote is Peskov's) in the focused sidebar."""
    await settle(pilot)
    app.main.headlines.move_cursor(3)
    await settle(pilot)
    await pilot.press("2")
    app.main.focus_pane("sidebar")
    await pilot.pause()


async def test_saved_views_are_made_after_the_first_paint_and_listed_with_the_first_counts(
    db_path, tmp_path
):
    """Making the views parses their queries, which loads the name lists: the first frame, which
    shows no sources yet, does not wait for it; the pane lists them from its first counts on."""
    made_when: list[bool] = []

    class Noting(NewstuiApp):
        CSS_PATH = Path(app_module.__file__).with_name("newstui.tcss")

        def saved_views(self) -> list[View]:
            made_when.append(self.main.first_screen_shown)
            return super().saved_views()

    app = Noting(db_path, load_config(write_config(tmp_path)))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        assert made_when == [True]  # once, after the first paint, as the pane starts
        text = screen_text(app)
        assert "Views" in text and "Kremlin watch" in text


async def test_a_configured_view_is_listed_with_its_unread_count_and_opens(db_path, tmp_path):
    config = load_config(write_config(tmp_path))
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Views" in text
        line = next(line for line in text.splitlines() if "Kremlin watch" in line)
        assert line.split("Kremlin watch")[1].split()[0] == "2"  # the seed article quotes him too
        app.main.sources.focus()
        app.main.sources.select_view("view:Kremlin watch")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "view:Kremlin watch"
        assert app.main.headlines.total == 2
        # A saved view stays in the sources pane: Esc from the headlines does not lose it.
        await pilot.press("escape")
        await settle(pilot)
        assert "Kremlin watch" in screen_text(app)


async def test_the_save_as_a_view_box_names_the_config_file_it_saves_in(db_path, tmp_path):
    """User test r32 L9: it said "Enter to save in feeds.toml" with the config x.toml."""
    path = tmp_path / "x.toml"
    path.write_text(CONFIG, "utf-8")
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"aleppo", "enter")
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ViewNameScreen)
        text = screen_text(app)
        assert "Enter to save in x.toml, Esc to cancel" in text
        assert "feeds.toml" not in text


async def test_s_saves_the_current_search_as_a_view_keeping_comments(db_path, tmp_path):
    path = write_config(tmp_path)
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"aleppo -title:rebels", "enter")
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ViewNameScreen)
        await pilot.press("ctrl+u", *"Aleppo only", "enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "view:Aleppo only"
        assert "Aleppo only" in screen_text(app)
    text = path.read_text("utf-8")
    assert "# my newstui config: this comment must survive edits" in text
    assert "# never refresh on a timer" in text
    views = tomllib.loads(text)["views"]
    assert {"name": "Aleppo only", "query": "aleppo -title:rebels"} in views


async def test_s_refuses_a_feeds_name_in_one_line_and_keeps_the_name_to_change(db_path, tmp_path):
    """The view was saved as "World Desk", a second "World Desk" in Sources beside the feed."""
    path = write_config(tmp_path)
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"aleppo", "enter")
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("ctrl+u", *"world desk", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ViewNameScreen)  # open, with the name to change
        [warning] = [n.message for n in notifications(app) if n.severity == "warning"]
        assert warning == "World Desk is a feed's name: give the view another (Esc cancels)"
        await pilot.press(*" views", "enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "view:world desk views"
    names = [v["name"] for v in tomllib.loads(path.read_text("utf-8"))["views"]]
    assert names == ["Kremlin watch", "world desk views"]


async def test_s_without_a_search_explains_itself(db_path, tmp_path):
    app = NewstuiApp(db_path, load_config(write_config(tmp_path)))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert not isinstance(app.screen, ViewNameScreen)
        assert any("Search first" in n.message for n in notifications(app))


async def test_f_on_a_quote_follows_its_speaker_and_leaves_the_article_open(db_path, tmp_path, ids):
    """F saves the view and lists it in Sources; the headlines, the article read and the
    sidebar stay (user test r33 L12: F switched to the view, losing the article)."""
    path = write_config(tmp_path)
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await open_kremlin_quotes(app, pilot)
        view, article = app.main.headlines.view.key, app.main.headlines.selected.id
        await pilot.press("F")
        await settle(pilot)
        assert app.main.headlines.view.key == view
        assert app.main.headlines.selected.id == article
        assert app.main.detail is not None and app.main.detail.article.row.id == article
        assert app.focused is not None and app.main.sidebar in app.focused.ancestors_with_self
        sources = app.main.sources
        listed = {sources.get_option_at_index(i).id for i in range(sources.option_count)}
        assert "view:Quoting Dmitry Peskov" in listed
        shown = [n.message for n in notifications(app)]
        assert "Followed: Quoting Dmitry Peskov, a view in Sources (saved in feeds.toml)" in shown
        await pilot.press("F")  # again: said, nothing changes
        await settle(pilot)
        assert app.main.headlines.view.key == view
        shown = [n.message for n in notifications(app)]
        assert "Already a view: Quoting Dmitry Peskov (in Sources)" in shown
    views = tomllib.loads(path.read_text("utf-8"))["views"]
    assert {"name": "Quoting Dmitry Peskov", "query": 'speaker:"Dmitry Peskov"'} in views


async def test_articles_a_filter_hid_are_listed_only_under_hidden(db_path):
    from newstui.library import Library
    from newstui.query import parse_query

    with Library.open(db_path) as library:
        assert library.apply_filter(parse_query("title:briefing"), "hide") == 20
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.main.headlines.total == 5  # 25 stored, 20 hidden
        assert "World briefing" not in screen_text(app)
        app.main.sources.focus()
        app.main.sources.select_view("hidden")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "hidden"
        assert app.main.headlines.total == 20
        assert "World briefing number 0" in screen_text(app)


async def test_s_saves_a_speakers_view_reached_from_the_sidebar(db_path, tmp_path, ids):
    path = write_config(tmp_path)
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await open_kremlin_quotes(app, pilot)
        await pilot.press("enter")  # the articles quoting him
        await settle(pilot)
        assert app.main.headlines.view.key == "speaker:Dmitry Peskov"
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ViewNameScreen)
        await pilot.press("ctrl+u", *"Peskov says", "enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "view:Peskov says"
        assert app.main.headlines.total >= 1
    views = tomllib.loads(path.read_text("utf-8"))["views"]
    assert {"name": "Peskov says", "query": 'speaker:"Dmitry Peskov"'} in views


async def test_s_saves_an_entitys_view_reached_from_the_sidebar(db_path, tmp_path, ids):
    path = write_config(tmp_path)
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.headlines.move_cursor(3)
        await settle(pilot)
        app.main.focus_pane("sidebar")
        await pilot.pause()
        await pilot.press("enter")  # the first entity: every article mentioning it
        await settle(pilot)
        view = app.main.headlines.view
        assert view.key.startswith("entity:")
        mentioning = app.main.headlines.total
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ViewNameScreen)
        await pilot.press("ctrl+u", *"Followed", "enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "view:Followed"
        assert app.main.headlines.total == mentioning
    [saved] = [
        v for v in tomllib.loads(path.read_text("utf-8"))["views"] if v["name"] == "Followed"
    ]
    name = view.title.removeprefix("Mentioning ")
    assert saved["query"].endswith(f':"{name}"')
    assert saved["query"].split(":")[0] in ("person", "org", "place", "group")


async def test_views_written_in_or_deleted_from_the_file_by_hand_are_listed_after_R(
    db_path, tmp_path
):
    """R read the config again for its feeds, but the views stayed as the app started with."""
    path = write_config(tmp_path)
    app = NewstuiApp(db_path, load_config(path))

    def listed() -> list[str]:
        sources = app.main.sources
        ids = (sources.get_option_at_index(i).id for i in range(sources.option_count))
        return [i for i in ids if i and i.startswith("view:")]

    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert listed() == ["view:Kremlin watch"]
        app.main.sources.focus()
        app.main.sources.select_view("view:Kremlin watch")
        await pilot.press("enter")
        await settle(pilot)
        path.write_text(
            CONFIG.split("[[views]]")[0] + '[[views]]\nname = "Syria"\nquery = "syria"\n', "utf-8"
        )
        await pilot.press("R")
        await settle(pilot)
        assert listed() == ["view:Syria"]
        assert app.main.headlines.view.key == "all"  # the view shown is gone


OLD_VIEW = CONFIG + '\n[[views]]\nname = "No floods"\nquery = "tokyo --flood"\n'


async def test_a_view_with_a_query_that_no_longer_parses_is_listed_greyed_and_says_why(
    db_path, tmp_path
):
    """A `--flood` view saved by an older version (user test r30 M7) stopped the app at start:
    now the app starts, warns once, lists it as broken and Enter on it says how to fix it."""
    config = load_config(write_config(tmp_path, OLD_VIEW))
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        problem = f"{config.path}:12: view 'No floods': query 'tokyo --flood': '--flood': one -"
        assert any(n.message.startswith(problem) for n in notifications(app))
        text = screen_text(app)
        assert "No floods · broken query" in text
        assert "Kremlin watch" in text  # the other view is listed as ever
        app.main.sources.focus()
        app.main.sources.select_view("view:No floods")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key != "view:No floods"  # it lists nothing
        said = [n.message for n in notifications(app) if n.message.endswith("(D removes it)")]
        assert len(said) == 1 and "(-flood or NOT flood)" in said[0]


async def test_a_view_broken_by_hand_while_the_app_runs_is_said_at_R_once(db_path, tmp_path):
    path = write_config(tmp_path)
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        path.write_text(OLD_VIEW, "utf-8")
        await pilot.press("R")
        await settle(pilot)
        said = [n.message for n in notifications(app) if "view 'No floods'" in n.message]
        assert len(said) == 1 and said[0].startswith(f"{path}:12: view 'No floods'")
        assert "No floods · broken query" in screen_text(app)
        path.write_text(OLD_VIEW + '\n[[views]]\nname = "Syria"\nquery = "syria"\n', "utf-8")
        await pilot.press("R")
        await settle(pilot)
        said = [n.message for n in notifications(app) if "view 'No floods'" in n.message]
        assert len(said) == 1  # not again


async def test_a_broken_view_is_not_said_again_at_R_when_only_its_line_moved(db_path, tmp_path):
    """r30b L4: `newstui add` from a shell writes the feed above [[views]], so the broken view's
    warning names another line: it was said again at each such R, as if newly broken."""
    feed = '\n[[feeds]]\nname = "One"\nurl = "http://127.0.0.1:9/one.xml"\n'
    path = write_config(tmp_path, OLD_VIEW.replace("\n[[views]]", feed + "\n[[views]]", 1))
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        said = [n.message for n in notifications(app) if "view 'No floods'" in n.message]
        assert len(said) == 1 and said[0].startswith(f"{path}:16: view 'No floods'")
        add_feeds(path, [FeedConfig("http://127.0.0.1:9/two.xml", "Two")])
        assert load_config(path).warnings[0].startswith(f"{path}:20: view 'No floods'")
        await pilot.press("R")
        await settle(pilot)
        said = [n.message for n in notifications(app) if "view 'No floods'" in n.message]
        assert len(said) == 1
        assert "No floods · broken query" in screen_text(app)
