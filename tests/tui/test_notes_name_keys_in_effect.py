"""The notes and hints that tell the user which key to press name the key in effect: with the
default taken away by `[keys]`, they named a key that did nothing (user test r31)."""

from __future__ import annotations

from dataclasses import replace

from newstui.config import load_config
from newstui.local_times import short_time
from newstui.model import Download
from newstui.tui.app import NewstuiApp
from newstui.tui.download_runner import deleted_files_line
from newstui.tui.screens.command_prompt import CommandScreen
from newstui.tui.screens.download_rows import status_line

from .conftest import notifications, run_recorded, screen_text, settle
from .test_add_feed import no_feeds_config
from .test_keys import write_config
from .test_politeness import make_broken_feed_wait


def rebound(tmp_path, *pairs: tuple[str, str]):
    keys = "".join(f'"{binding}" = "{key}"\n' for binding, key in pairs)
    unbind = ", ".join(f'"{binding}:{default}"' for binding, default in UNBOUND if binding in keys)
    return load_config(write_config(tmp_path, f"unbind = [{unbind}]\n{keys}"))


UNBOUND = [
    ("article.download", "d"),
    ("app.search", "slash"),
    ("main.back", "q"),
    ("reader.find_next", "n"),
    ("reader.find_previous", "N"),
]


async def test_the_empty_downloads_box_names_the_download_key_in_effect(tmp_path, db_path):
    app = NewstuiApp(db_path, rebound(tmp_path, ("article.download", "f6")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert "No downloads yet: f6 on an article with an enclosure" in screen_text(app)


async def test_a_search_that_finds_nothing_names_the_search_and_back_keys_in_effect(
    tmp_path, db_path
):
    config = rebound(tmp_path, ("app.search", "f3"), ("main.back", "f2"))
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3", *"zzyzx", "enter")
        await settle(pilot)
        assert "Nothing matches zzyzx. Press f3 to search again, f2 to go back." in screen_text(app)


async def test_the_find_box_names_the_next_and_previous_match_keys_in_effect(tmp_path, db_path):
    config = rebound(tmp_path, ("reader.find_next", "f4"), ("reader.find_previous", "f5"))
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the article opens: the reader has the focus
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, CommandScreen)
        assert "(f4 / f5: next / previous)" in screen_text(app)


async def test_an_empty_store_names_the_add_key_in_effect(tmp_path):
    path = no_feeds_config(tmp_path).path
    path.write_text(
        path.read_text("utf-8") + '\n[keys]\nunbind = ["sources.add:a"]\n"sources.add" = "f7"\n',
        "utf-8",
    )
    app = NewstuiApp(tmp_path / "empty.db", load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "No articles yet. Press f7 to add a feed" in screen_text(app)


def test_a_failed_downloads_line_names_the_retry_key_it_is_given():
    failed = Download(
        id=1,
        url="http://x/a.mp3",
        title="A",
        mime="audio/mpeg",
        state="failed",
        path="",
        error="HTTP 404",
    )
    assert status_line(failed, "f9").endswith("(f9: retry)")
    deleted = replace(failed, state="done", path="/pods/A.mp3")  # (its file deleted by hand)
    assert deleted_files_line([deleted], "f6") == (
        "A.mp3 was deleted outside newstui: off the list (f6 downloads it again)."
    )


async def test_a_waiting_feeds_note_names_the_refresh_key_in_effect(db_path, config):
    until = make_broken_feed_wait(db_path, config)
    text = config.path.read_text("utf-8")
    config.path.write_text(
        f'{text}\n[keys]\nunbind = ["sources.refresh_selected:r"]\n'
        '"sources.refresh_selected" = "f7"\n',
        "utf-8",
    )
    app = NewstuiApp(db_path, load_config(config.path))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        feed_id = next(f.id for f in app.main.sources.feeds if f.name == "Broken Feed")
        app.main.sources.select_view(f"feed:{feed_id}")
        app.main.sources.focus()
        await pilot.press("enter")
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert f"Next try at {short_time(until)} (press f7 to refresh it now)." in text


async def test_help_and_the_palette_name_the_yes_key_in_effect_in_what_asks_first(
    tmp_path, db_path
):
    config = load_config(
        write_config(tmp_path, 'unbind = ["confirm.yes:y"]\n"confirm.yes" = "f9"\n')
    )
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        described = {text for _section, _keys, text in app.screen.rows}
        removes = (
            "Remove the selected feed, or on a tag its folder with its subfolders' feeds (a feed"
            " also in another folder only loses the tag; in the headlines, the article's feed: no"
            " key deletes one article), after asking (f9: yes)"
        )
        assert removes in described
        assert (
            "Delete its file, after asking (f9: yes; a running one is stopped first)" in described
        )
        assert not any("{" in text or "(y: yes" in text for text in described)
        await pilot.press("escape")
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert removes in titles


async def test_a_broken_views_note_names_the_remove_key_in_effect(tmp_path, db_path):
    from .test_saved_views import OLD_VIEW
    from .test_saved_views import write_config as write_views

    keys = '\n[keys]\nunbind = ["sources.remove:D"]\n"sources.remove" = "f8"\n'
    app = NewstuiApp(db_path, load_config(write_views(tmp_path, OLD_VIEW + keys)))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view("view:No floods")
        await pilot.press("enter")
        await settle(pilot)
        said = [n.message for n in notifications(app) if "removes it)" in n.message]
        assert len(said) == 1 and said[0].endswith("(f8 removes it)")
