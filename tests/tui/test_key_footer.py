"""The footer keeps quit, help and refresh on narrow terminals; the rest give way in order."""

from __future__ import annotations

import pytest

from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.key_footer import footer_key_width, keys_that_fit

from .conftest import screen_text, settle


def test_every_key_shows_when_they_all_fit():
    keys = [("headlines.open", 7), ("app.help", 7), ("app.quit", 6)]
    assert keys_that_fit(keys, 19) == [0, 1, 2]


def test_the_least_important_keys_give_way_and_the_rest_keep_their_order():
    keys = [
        ("headlines.open", footer_key_width("⏎", "Open")),
        ("sidebar.toggle", footer_key_width("e", "Sidebar")),
        ("sources.follow", footer_key_width("F", "Follow")),
        ("app.help", footer_key_width("?", "Help")),
        ("app.quit", footer_key_width("Q", "Quit")),
    ]
    assert keys_that_fit(keys, 20) == [0, 3, 4]
    assert keys_that_fit(keys, 13) == [3, 4]


EPISODE = [  # the headlines' footer on an episode: ⏎ Open n Next unread d Download P Play …
    ("headlines.open", footer_key_width("⏎", "Open")),
    ("headlines.next_unread", footer_key_width("n", "Next unread")),
    ("article.download", footer_key_width("d", "Download")),
    ("article.play", footer_key_width("P", "Play")),
    ("app.help", footer_key_width("?", "Help")),
    ("app.search", footer_key_width("/", "Search")),
    ("app.refresh_all", footer_key_width("R", "Refresh")),
    ("app.quit", footer_key_width("Q", "Quit")),
]


@pytest.mark.parametrize(
    ("width", "shown"),
    [
        (80, [0, 1, 2, 3, 4, 5, 6, 7]),
        # r43: `P Play` showed without `d Download` at 60 columns; the pair before n now
        (60, [0, 2, 3, 4, 5, 6, 7]),
        (53, [0, 1, 4, 5, 6, 7]),  # n fits, the pair does not
        (47, [0, 4, 5, 6, 7]),  # P alone would fit: neither
    ],
)
def test_an_episodes_download_and_play_show_both_or_neither(width, shown):
    assert keys_that_fit(EPISODE, width) == shown


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_quit_help_and_refresh_show_in_the_footer_at_every_size(db_path, size):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for keys in ([], ["enter"], ["tab"]):
            for key in keys:
                await pilot.press(key)
            await settle(pilot)
            footer = screen_text(app).splitlines()[-1]
            assert "Q Quit" in footer and "? Help" in footer and "R Refresh" in footer, footer


async def test_a_box_footer_writes_esc_as_its_hint_does(db_path):
    """Over L the footer said "esc Close" under the box's "Esc: close" (help, the palette and
    every hint write Esc)."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        text = screen_text(app)
        assert "Esc: close" in text
        assert text.splitlines()[-1].startswith("Esc Close")


@pytest.mark.parametrize(
    "keys", ['"article.toggle_read" = "x"\n', '"app.refresh_all" = "ctrl+r"\n']
)
async def test_a_key_given_in_keys_leaves_the_footer_in_its_order(db_path, tmp_path, keys):
    """User test r48 L4: a binding [keys] gave a key moved to the footer's end (`… Q Quit m
    Read`); the footer keeps its order, whatever keys the user gives."""
    from newstui.config import load_config

    from .test_keys import write_config

    async def footer_words(app: NewstuiApp) -> list[str]:
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            line = screen_text(app).splitlines()[-1]
        words = ("Open", "Read", "Star", "Refresh", "Quit")
        return sorted((word for word in words if word in line), key=line.index)

    plain = await footer_words(NewstuiApp(db_path, None))
    rebound = await footer_words(NewstuiApp(db_path, load_config(write_config(tmp_path, keys))))
    assert plain == ["Open", "Read", "Star", "Refresh", "Quit"]
    assert rebound == plain


async def test_the_footer_follows_the_focus_with_the_key_widgets_it_shows(db_path):
    """Enter and q change the keys in effect: the footer says the reader's keys, then the
    headlines' again, each time with the key widgets it showed already (only the missing ones
    mounted: mounting every key again was most of what a key cost)."""
    from textual.widgets._footer import FooterKey

    from newstui.tui.widgets.key_footer import KeyFooter

    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        on_headlines = list(footer.query(FooterKey))
        assert screen_text(app).splitlines()[-1].startswith("⏎ Open")
        await pilot.press("enter")
        await settle(pilot)
        line = screen_text(app).splitlines()[-1]
        assert line.startswith("h Back") and "Open" not in line, line
        on_reader = list(footer.query(FooterKey))
        shared = min(len(on_headlines), len(on_reader))
        assert on_reader[:shared] == on_headlines[:shared]
        assert [key.description for key in on_reader][:2] == ["Back", "Find"]
        await pilot.press("q")
        await settle(pilot)
        assert screen_text(app).splitlines()[-1].startswith("⏎ Open")
        assert list(footer.query(FooterKey))[:shared] == on_headlines[:shared]


async def test_a_footer_key_clicked_after_the_focus_moved_does_what_it_says_now(db_path):
    """A key widget showing another key than it was made for runs its new key when clicked."""
    from textual.widgets._footer import FooterKey

    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        main = app.main
        assert main.focused is main.reader
        back = next(k for k in main.query(FooterKey) if k.description == "Back")
        await pilot.click(back)
        await settle(pilot)
        assert main.focused is main.headlines
        assert screen_text(app).splitlines()[-1].startswith("⏎ Open")
