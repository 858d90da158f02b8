"""Pilot tests: the `/` box speaks the query language and explains an invalid query in place."""

from __future__ import annotations

import pytest
from textual import events

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.search import SearchScreen
from newstui.tui.widgets.search_hint import QUERY_EXAMPLES

from .conftest import notifications, run_recorded, screen_text, settle, until


async def test_a_boolean_query_with_fields_becomes_a_view(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"title:kremlin OR text:milk -feed:tech")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "search:title:kremlin OR text:milk -feed:tech"
        assert app.main.headlines.total == 2
        text = screen_text(app)
        assert "Kremlin repeats its warning on Syria" in text
        assert "A local note" in text


async def test_an_invalid_query_says_what_and_where_and_keeps_the_box_open(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"(kremlin OR")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert "expected a search term after OR at 12" in screen_text(app)
        await pilot.press(*" aleppo)")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.headlines.total >= 2


async def test_help_lists_query_examples(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 80)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "G")  # (at the end, under every box's keys)
        await settle(pilot)
        # (a loaded machine may draw the scrolled help a moment after settling)
        await until(pilot, lambda: "speaker:Peskov" in screen_text(app))
        text = screen_text(app)
        assert "Search queries" in text
        assert "speaker:Peskov" in text
        assert "age:<3d" in text


def example_lines(text: str) -> list[tuple[str, str]]:
    """Each query example shown and the line its meaning starts on (its own, or the next)."""
    lines = text.splitlines()
    found = []
    for n, line in enumerate(lines):
        for example, _ in QUERY_EXAMPLES:
            if example in line:
                found.append((example, line + "\n" + (lines[n + 1] if n + 1 < len(lines) else "")))
    return found


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_the_help_s_query_examples_keep_each_meaning_on_one_line(db_path, size):
    """At 60 columns the examples' column left the meanings 14 cells: each wrapped over three
    or four lines. A narrow help lists each meaning whole on the line under its example."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "G")
        await settle(pilot)
        shown = dict(example_lines(screen_text(app)))
        assert len(shown) >= 6, shown  # the help's end shows (nearly) all of them
        meanings = dict(QUERY_EXAMPLES)
        for example, lines in shown.items():
            assert meanings[example] in lines.replace("│", " "), (example, lines)


async def test_a_one_column_help_keeps_a_blank_line_between_its_sections(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "G")
        for _ in range(8):  # up from the end until the examples' heading shows
            await pilot.press("k")
            await settle(pilot)
            lines = [line.strip("│ ") for line in screen_text(app).splitlines()]
            if "Search queries (/)" in lines[3:]:
                break
        heading = lines.index("Search queries (/)")
        assert lines[heading - 1] == ""  # it ran on from the last key ("Ctrl-P")


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_examples_in_the_search_box_keep_each_meaning_on_one_line(db_path, size):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash", "question_mark")
        await settle(pilot)
        text = screen_text(app)
        shown = dict(example_lines(text))
        assert len(shown) >= 7, shown
        meanings = dict(QUERY_EXAMPLES)
        for example, lines in shown.items():
            if "╰" not in lines:  # (at 60x20 the last meaning is under the box's edge)
                assert meanings[example] in lines.replace("│", " "), (example, lines)
        assert any("╰" in line for line in text.splitlines())  # the box ends on the screen


async def test_a_search_from_the_reader_marks_no_result_read(db_path, ids):
    """Searching the store while reading (command palette, a [keys] binding) shows the results;
    the first one is not opened (nor marked read) until the user opens it, so `… unread` still
    finds it afterwards."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # read the first article: focus in the reader
        await settle(pilot)
        assert app.main.focused is app.main.reader
        app.action_search()  # `/` in the reader finds words in it; the palette's Search is this
        await pilot.pause()
        await pilot.press(*"kremlin unread")
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert app.main.headlines.total == 1
        row = app.main.headlines.selected
        assert row is not None and row.id == ids["kremlin"]
        assert not row.read
        with app.main.library.borrow() as library:
            detail = library.detail(ids["kremlin"])
        assert detail is not None and detail.article.row.read is False


async def test_typing_a_question_mark_shows_the_query_examples_in_the_box(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert "type ? for more" in screen_text(app)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "a word or phrase in one part" in text
        assert "quoted by; a quote saying" in text
        await pilot.press("enter")  # "?" is no query: the box stays, with the examples
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert "nothing to search for" not in screen_text(app)
        await pilot.press("backspace", *"kremlin")
        await settle(pilot)
        assert "type ? for more" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_search_hint_keeps_each_example_on_one_line(db_path, size):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        for example in ('flood "river bank" evac*', 'person:"Dmitry Peskov"', "(type ? for more)"):
            assert any(example in line for line in lines), example


def burst(app, keys: list[str]) -> None:
    """Keys arriving together (typed while the app was busy, or pasted): posted at once, none
    handled before the next arrives, as a terminal delivers them to a loaded app."""
    for key in keys:
        named = {"enter": "\r", "backspace": "\x7f", "question_mark": "?"}
        character = key if len(key) == 1 else named.get(key)
        app.post_message(events.Key(key, character))


@pytest.mark.parametrize(
    "keys",
    [
        [*"xyz", "ctrl+u", *"title:kremlin", "enter"],
        ["question_mark", "backspace", *"title:kremlin", "enter"],
        [*"title:kremlinn", "backspace", "enter"],
        [*"kremlin", "home", *"title:", "enter"],
    ],
    ids=["ctrl+u", "backspace first", "backspace last", "home"],
)
async def test_keys_typed_in_one_burst_edit_the_query_in_their_order(db_path, ids, keys):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        burst(app, keys)
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.headlines.view.key == "search:title:kremlin"


async def test_a_query_typed_in_the_same_burst_as_the_slash_is_searched_not_lost(db_path, ids):
    """`/kremlin` Enter typed at once: the letters arrived before the box had the focus and
    were dropped (or run as keys of the list behind it), and Enter closed an empty box."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, ["slash", *"title:kremlin", "enter"])
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.headlines.view.key == "search:title:kremlin"


async def test_a_key_typed_right_behind_enter_moves_in_the_results_not_lost(db_path, ids):
    """`/aleppo` Enter `j` in one burst: the j reached the box before its screen had answered
    Enter, was typed into the closing box and lost; the cursor stayed on the first result."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, ["slash", *"aleppo", "enter", "j"])
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.headlines.view.key == "search:aleppo"
        assert app.main.headlines.total >= 2
        assert app.main.headlines.cursor == 1


async def test_keys_behind_enter_on_an_invalid_query_go_on_into_the_box(db_path, ids):
    """The box stays open on an error: what was typed behind Enter is typed into it, in order,
    and an Enter among those keys searches the mended query."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, ["slash", *"(title:kremlin OR", "enter", *" text:milk)", "enter", "j"])
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.headlines.view.key == "search:(title:kremlin OR text:milk)"
        assert app.main.headlines.total == 2
        assert app.main.headlines.cursor == 1


async def test_a_search_that_finds_nothing_says_so_and_how_to_go_back(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzyzx", "enter")
        await settle(pilot)
        assert "Nothing matches zzyzx. Press / to search again, q to go back." in screen_text(app)
        await pilot.press("q")
        await settle(pilot)
        assert app.main.headlines.view.key == "all"


async def test_a_search_whose_match_a_hide_filter_hid_says_so_as_the_cli_does(db_path, ids):
    # user test r35 L4: "Nothing matches" for an article the user knew had arrived
    from newstui.library import Library
    from newstui.query import parse_query

    with Library.open(db_path) as library:
        assert library.apply_filter(parse_query("title:kremlin"), "hide") == 1
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"title:kremlin", "enter")
        await settle(pilot)
        # (the reader's lines, without the panes' borders between them)
        text = " ".join(screen_text(app).replace("▏", " ").replace("▕", " ").split())
        assert (
            "Nothing matches title:kremlin. Press / to search again, q to go back. 1 matching "
            "article is hidden by a filter: Hidden, in Sources, lists it."
        ) in text


async def test_a_search_in_newsboat_syntax_that_finds_nothing_says_how_to_write_it(db_path, ids):
    # user test r31 M1: `title =~ "tokyo"` found nothing without a word
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'title =~ "zzyzx"', "enter")
        await settle(pilot)
        assert app.main.headlines.view.note == (
            'Nothing matches title =~ "zzyzx". Newsboat syntax: write title:"zzyzx" instead '
            "(README: Coming from newsboat). Press / to search again, q to go back."
        )
        assert "Newsboat syntax: write" in screen_text(app)


def footer_ids(app) -> set[str]:
    """The binding ids the footer shows (bindings shown and enabled on the screen)."""
    bindings = app.screen.active_bindings.values()
    return {b.id for _, b, enabled, _ in bindings if b.show and enabled and b.id}


async def test_an_empty_result_shows_only_the_keys_that_apply(db_path, ids):
    """Nothing to open, mark or star in an empty list: the footer showed ⏎ Open, m Read and
    s Star there; they come back with the articles."""
    article_keys = {"headlines.open", "article.toggle_read", "article.toggle_star"}
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert article_keys <= footer_ids(app)
        await pilot.press("slash", *"zzyzx", "enter")
        await settle(pilot)
        assert not article_keys & footer_ids(app)
        assert {"app.help", "app.search", "app.quit"} <= footer_ids(app)
        footer = screen_text(app).splitlines()[-1]
        assert "Open" not in footer and "Star" not in footer and "Search" in footer
        await pilot.press("s", "o", "V", "P")  # (nothing happens, nothing is said)
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert article_keys <= footer_ids(app)
        await pilot.press("s")
        await settle(pilot)
        assert app.main.headlines.selected.starred


async def test_keys_typed_fast_behind_an_esc_never_run_as_the_main_screens_keys(db_path, ids):
    """`/aleppo` Enter, Esc, `/syria` Enter arriving together (tmux, a script, a busy machine):
    the Esc reached the first box before it had taken `aleppo` Enter, closed it, and those keys
    ran as the main screen's: `a` asked to add a feed, `o` opened the browser, `p` moved (user
    test r36 L11: `r` refreshed, `O t` sorted, `s` starred…). They go into the box, in order."""
    from .test_keys_behind_moves import burst
    from .test_navigation import flags

    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        before = {name: flags(db_path, article_id) for name, article_id in ids.items()}
        burst(app, "slash", *"aleppo", "enter", "escape", "slash", *"syria", "enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "search:syria"
        assert [n.message for n in notifications(app)] == []
        assert {name: flags(db_path, article_id) for name, article_id in ids.items()} == before
        await pilot.press("escape")  # back from syria: aleppo's search was made, then left
        await settle(pilot)
        assert not app.main.headlines.view.key.startswith("search:")


async def test_a_search_in_newsboat_syntax_that_finds_articles_says_how_it_was_read(tmp_path):
    """`title =~ "Trump"` found the article with the words title and Trump and said nothing:
    the user read "one article about Trump" (user test r52 M4). Said once, with the query
    meant; newstui's own query says nothing."""
    from newstui.library import Library
    from newstui.model import Article

    path = tmp_path / "f.db"
    with Library.open(path) as library:
        feed = library.register_source("https://wire.example/", "Wire")
        library.save_batch(
            feed,
            [
                Article(title="Interview", text="The title of Trump's book.", guid="a"),
                Article(title="States sue Trump", text="Sixteen states sued.", guid="b"),
            ],
        )
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'title =~ "Trump"', "enter")
        await settle(pilot)
        assert app.main.headlines.total == 1
        said = [n.message for n in notifications(app)]
        assert said[-1] == (
            'The article listed has the words of title =~ "Trump", as newstui reads it. '
            'Newsboat syntax: write title:"Trump" instead (README: Coming from newsboat).'
        )
        await pilot.press("slash", *'title:"Trump"', "enter")
        await settle(pilot)
        assert app.main.headlines.total == 1
        assert [n.message for n in notifications(app)] == said
