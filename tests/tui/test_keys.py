"""The [keys] table and presets: validated with line numbers, applied, shown in help and palette."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from newstui.config import load_config
from newstui.errors import ConfigError
from newstui.tui.app import NewstuiApp
from newstui.tui.keymap import key_label, key_name
from newstui.tui.screens.help import HelpScreen
from newstui.tui.screens.search import SearchScreen

from .conftest import notifications, run_recorded, screen_text, settle


def write_config(tmp_path, keys: str):
    path = tmp_path / "feeds.toml"
    path.write_text(f"[settings]\nrefresh_minutes = 0\n\n[keys]\n{keys}", "utf-8")
    return path


@pytest.mark.parametrize(
    ("keys", "line", "message"),
    [
        ('preset = "nano"\n', 5, 'keys preset must be "vim" or "emacs"'),
        ('"headlines.down" = 5\n', 5, "must be a key or a list of keys"),
        ("headlines.down = []\n", 5, "must be a key or a list of keys"),
        # a space written as itself, as a newsboat user may (user test r36 M1)
        ('"headlines.next_unread" = " "\n', 5, 'a space is written "space"'),
    ],
)
def test_a_bad_keys_table_is_one_line_with_the_line_number(tmp_path, keys, line, message):
    path = write_config(tmp_path, keys)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("keys", "line", "message"),
    [
        ('"headlines.down" = ["x", "ctrl+bogus"]\n', 5, "'ctrl+bogus' is not a key"),
        # newsboat's operation where its key goes: named, not only "not a key" (closing r48)
        (
            '"article.open_link" = "open-in-browser"\n',
            5,
            "'open-in-browser' is not a key but newsboat's operation name: newstui calls it "
            'article.open_link; give it a key (e.g. "o"',
        ),
        # a key two bindings of one pane would share: one of them would never run (newstui said
        # nothing and `s` simply stopped starring)
        ('"article.toggle_star" = "S"\n', 5, "also the key of app.save_view"),  # the old README
        (  # (the article's keys work in every pane: Sources is the first to see the clash)
            '"article.toggle_star" = "j"\n',
            5,
            "'j' for article.toggle_star is also the key of list.down (Sources: Down)",
        ),
        ('\n"app.search" = ["n"]\n', 6, "'n' for app.search is also the key of"),
        ('"reader.find" = "?"\n', 5, "app.help would be hidden in the Reader pane"),
        (  # an article key was described as a Sources one (user test r32 L7)
            '"app.refresh_all" = "f"\n',
            5,
            "also the key of article.fetch_fulltext (The article: ",
        ),
        (
            '"article.toggle_star" = "m"\n',
            5,
            "'m' for article.toggle_star is also the key of article.toggle_read (The article: ",
        ),
        # the line that made the clash, not the first binding's (user test r32 L7)
        (
            '"headlines.down" = "x"\n"headlines.up" = "x"\n',
            6,
            "'x' for headlines.up is also the key of headlines.down (Headlines: ",
        ),
        ('"article.toggle_star" = "j"\n', 5, "toggle_star would be hidden in the Sources pane"),
        # the article's keys work in every pane: one on the sidebar's `F` is hidden there
        ('"article.pager" = "F"\n', 5, "article.pager would be hidden in the Sidebar pane"),
        ('"sources.refresh_selected" = "D"\n', 5, "one of them would never run"),
        # the boxes' keys were never checked: Enter still cancelled in the question's hint and
        # deleted the feed, x deleted a download's file with L's line saying "x: forget"
        # (user test r30 H1)
        (
            '"confirm.yes" = "enter"\n',
            5,
            "'Enter' for confirm.yes is also the key of confirm.no (Question box: No); one of "
            'them would never run: give confirm.yes another key, or unbind "confirm.no:Enter"',
        ),
        ('"downloads.delete" = "x"\n', 5, "'x' for downloads.delete is also the key of downloads."),
        ('"sort.date" = "q"\n', 5, "'q' for sort.date is also the key of sort.cancel (Sort box"),
        ('"choice.cancel" = "enter"\n', 5, "is also the key of select (Choice box"),
        ('"search.cancel" = "enter"\n', 5, "is also the key of search.submit (Search box"),
        ('"help.close" = "j"\n', 5, "is also the key of help.scroll_down (Help"),
        ('"app.quit" = "y"\n', 5, "'y' for app.quit is also the key of article.copy_link"),
        # the main screen's keys work in every pane as the app's do: newsboat's `bind-key SPACE
        # next-unread` took space from the reader's paging without a word (user test r36 M1)
        (
            '"headlines.next_unread" = "space"\n',
            5,
            "'Space' for headlines.next_unread is also the key of reader.page_down (Reader: "
            "Page the reader down); one of them would never run: give headlines.next_unread "
            "another key, or move reader.page_down off Space (add it a key, then unbind "
            '"reader.page_down:Space")',
        ),
        # a letter given to the palette goes to app.command_line, and was never checked: `s`
        # opened the palette instead of starring, `z` never opened it (user test r44 H1)
        (
            '"app.command_palette" = "s"\n',
            5,
            "'s' for app.command_palette is also the key of article.toggle_star (The article: ",
        ),
        (
            'preset = "emacs"\nunbind = ["ctrl+p"]\n"app.command_palette" = ["f2", "z"]\n',
            7,
            "'z' for app.command_palette is also the key of ",
        ),
    ],
)
def test_an_unknown_key_or_a_shared_key_stops_the_app_with_the_line(
    tmp_path, db_path, keys, line, message
):
    path = write_config(tmp_path, keys)
    with pytest.raises(ConfigError) as err:
        NewstuiApp(db_path, load_config(path))
    assert str(err.value).startswith(f"{path}:{line}: ") and message in str(err.value)


@pytest.mark.parametrize(
    ("keys", "line", "message"),
    [
        # an unknown table was ignored without a word, empty or not
        ("[keys.sub]\n", 6, "no key table [keys.sub], ignored (tables: app, article, "),
        ('[keys.sub]\nfoo = "x"\n', 6, "no key table [keys.sub], ignored"),
        ('sub.foo = "x"\n', 6, "no key table [keys.sub], ignored"),
        ('[keys.headlines.deep]\na = "b"\n', 6, "[keys.headlines.deep] is not a key table"),
        ('\n"Open" = "o"\n', 7, "'Open' under [keys] is not a binding id, ignored: write preset"),
        # newsboat's way round, key then what it does (user test r48 LOW-33)
        (
            '"s" = "article.toggle_read"\n',
            6,
            '\'s\' under [keys] is not a binding id, ignored: write "article.toggle_read" = "s" '
            "(the binding id first, then its key)",
        ),
        # the nearest id is named (the message used to send the user to `?` help, which shows
        # no ids)
        ('\n"headlines.opne" = "o"\n', 7, "no key binding with id 'headlines.opne', ignored"),
        ('"headlines.opne" = "o"\n', 6, "(did you mean 'headlines.open'? every id is listed in"),
        ('"article.star" = "*"\n', 6, "did you mean 'article.toggle_star'?"),
        # by the id's words before its spelling (user test r51 LOW-3: "headlines.first")
        (
            '"headlines.refresh" = "r"\n',
            6,
            "(did you mean 'app.refresh_all' or 'sources.refresh_selected'? every id is listed",
        ),
        # newsboat's names were told only to write "a binding id" (user test r30 L5)
        (
            '"next-unread" = "n"\n',
            6,
            "'next-unread' under [keys] is not a binding id, ignored: did you mean "
            "'headlines.next_unread'? (newsboat's next-unread;",
        ),
        ('"reload-all" = "ctrl+r"\n', 6, "did you mean 'app.refresh_all'?"),
        # a value in newsboat's words, bind-key's way round (key = operation): it got only
        # "write preset, unbind or a binding id" (closing r48)
        (
            '"^R" = "reload-all"\n',
            6,
            "'^R' under [keys] is not a binding id, ignored: 'reload-all' is newsboat's operation "
            'name: newstui calls it app.refresh_all; write "app.refresh_all" = "ctrl+r" (the '
            "binding id first, then its key)",
        ),
        (  # (a bare name has its line; it is newsboat's too, but the value says what is meant)
            '\nnext = "next-unread"\n',
            7,
            "'next' under [keys] is not a binding id, ignored: 'next-unread' is newsboat's "
            'operation name: newstui calls it headlines.next_unread; write "headlines.next_unread"'
            ' = and the key you want (it has "n" now)',
        ),
        ("[keys.headlines]\nopne = 'o'\n", 7, "did you mean 'headlines.open'?"),
        # an unbind aimed at an unknown id stopped the app, where the same id given keys was
        # a warning
        (
            'unbind = ["headlines.dwn:k"]\n',
            6,
            "unbind 'headlines.dwn:k': no key binding with id 'headlines.dwn', ignored (did you "
            "mean 'headlines.down'?",
        ),
        # so did an unbind of a key no binding (or not the binding named) has
        ('\nunbind = "ctrl+y"\n', 7, "unbind 'ctrl+y': no binding has that key, ignored"),
        ('unbind = "headlines.down:k"\n', 6, "headlines.down has no key 'k', ignored"),
    ],
)
async def test_an_unknown_key_table_or_binding_id_is_one_warning_and_the_app_starts(
    tmp_path, db_path, keys, line, message
):
    """The rest of the table applies: `x` still stars."""
    path = write_config(tmp_path, f'"article.toggle_star" = "x"\n{keys}')
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        [warning] = [n for n in notifications(app) if n.severity == "warning"]
        assert warning.message.startswith(f"{path}:{line}: ") and message in warning.message
        assert "\n" not in warning.message
        await pilot.press("x")
        await settle(pilot)
        assert app.main.headlines.selected.starred


@pytest.mark.parametrize(
    "keys",
    [
        '"headlines.down" = ["j", "down"]\n',  # a default restated
        # moved away first (newsboat's unbind-key, then bind-key)
        'unbind = "sources.refresh_selected:r"\n"app.refresh_all" = "r"\n'
        '"sources.refresh_selected" = "ctrl+r"\n',
        '"reader.find" = "slash"\n"app.search" = "/"\n',  # the overlap the app is built with
        'unbind = "reader.find_next:n"\n"reader.find" = "n"\n"reader.find_next" = "ctrl+n"\n',
        '"article.toggle_star" = "*"\n',
    ],
)
def test_keys_that_share_no_pane_are_accepted(tmp_path, db_path, keys):
    NewstuiApp(db_path, load_config(write_config(tmp_path, keys)))


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("/", "slash"),
        ("slash", "slash"),
        ("-", "minus"),
        ("+", "plus"),
        ("@", "at"),
        ("_", "underscore"),
        ("\\", "backslash"),
        ("ctrl+/", "ctrl+slash"),
        ("?", "question_mark"),
        # newsboat's notation (user test r30 L5: "'^R' is not a key")
        ("^R", "ctrl+r"),
        ("^n", "ctrl+n"),
        ("NPAGE", "pagedown"),
        ("PPAGE", "pageup"),
        ("ENTER", "enter"),
        ("^", "circumflex_accent"),
    ],
)
def test_a_key_is_named_as_textual_names_the_key_pressed(written, name):
    assert key_name(written) == name


@pytest.mark.parametrize(
    ("shown", "name"),
    [
        ("Ctrl-N", "ctrl+n"),
        ("Alt-V", "alt+v"),
        ("Alt->", "alt+greater_than_sign"),
        ("Ctrl--", "ctrl+minus"),
        ("Ctrl-@", "ctrl+at"),
        ("Shift-Tab", "shift+tab"),
        ("PgDn", "pagedown"),
        ("Esc", "escape"),
        ("↓", "down"),
        ("Space", "space"),
    ],
)
def test_a_key_written_as_help_shows_it_is_that_key(shown, name):
    """`?` and the palette say "Ctrl-N"; the same words in `[keys]` were "not a key"."""
    assert key_name(shown) == name
    assert key_label(name) == shown


@pytest.mark.parametrize("written", ["Ctrl-", "Caps-N", "Ctrl-Esc-X", "PgDown"])
def test_what_is_no_key_stays_refused(written):
    assert key_name(written) is None


async def test_a_punctuation_key_of_the_users_runs_its_binding(tmp_path, db_path):
    """`"app.search" = "-"` was bound to "hyphen_minus": the key pressed is "minus", nothing ran."""
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, '"app.search" = "-"\n')))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("minus")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)


async def test_user_keys_are_added_to_the_defaults_and_show_in_help_and_the_palette(
    tmp_path, db_path
):
    """As newsboat's bind-key: `j` still moves after `headlines.down = "x"` (it replaced `j`)."""
    path = write_config(tmp_path, '"article.toggle_star" = "*"\nheadlines.down = "x"\n')
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x", "j")
        await settle(pilot)
        assert app.main.headlines.cursor == 2
        await pilot.press("asterisk")
        await settle(pilot)
        assert app.main.headlines.selected.starred
        await pilot.press("s")  # still the star's key too
        await settle(pilot)
        assert not app.main.headlines.selected.starred
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = {(section, text): keys for section, keys, text in app.screen.rows}
        assert rows[("The article (any pane)", "Toggle the star")] == "s *"
        assert rows[("Headlines", "Down")] == "j ↓ x"
        await pilot.press("escape")
        commands = {c.title: c.help for c in app.get_system_commands(app.main)}
        assert commands["Toggle the star"] == "key: s *"


async def test_unbind_takes_a_default_key_off_its_binding(tmp_path, db_path):
    """newsboat's unbind-key: `j` no longer moves down the headlines; `x` does, `↓` still does."""
    path = write_config(tmp_path, 'unbind = ["headlines.down:j"]\nheadlines.down = "x"\n')
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert app.main.headlines.cursor == 0
        await pilot.press("x", "down")
        await settle(pilot)
        assert app.main.headlines.cursor == 2
        await pilot.press("question_mark")
        await settle(pilot)
        rows = {(section, text): keys for section, keys, text in app.screen.rows}
        assert rows[("Headlines", "Down")] == "↓ x"


@pytest.mark.parametrize(
    ("keys", "line", "message"),
    [
        ('unbind = ["ctrl+bogus"]\n', 5, "'ctrl+bogus' is not a key"),
        ('unbind = "a"\n', 5, "unbind 'a' leaves sources.add with no key: give it another one"),
        ("unbind = 3\n", 5, "unbind must be a key or a list of keys"),
    ],
)
def test_a_bad_unbind_stops_the_app_with_the_line(tmp_path, db_path, keys, line, message):
    path = write_config(tmp_path, keys)
    with pytest.raises(ConfigError) as err:
        NewstuiApp(db_path, load_config(path))
    assert str(err.value).startswith(f"{path}:{line}: ") and message in str(err.value)


def test_a_key_unbound_from_a_binding_given_another_is_accepted(tmp_path, db_path):
    keys = 'unbind = "a"\n"sources.add" = "+"\n'
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, keys)))
    assert app.user_keymap["sources.add"] == "plus"


async def test_the_emacs_preset_moves_with_ctrl_n_and_opens_the_palette_with_alt_x(
    tmp_path, db_path
):
    path = write_config(tmp_path, 'preset = "emacs"\n')
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+p")
        await settle(pilot)
        assert app.main.headlines.cursor == 1
        await pilot.press("j")  # vim keys are replaced
        await settle(pilot)
        assert app.main.headlines.cursor == 1
        await pilot.press("alt+greater_than_sign")
        await settle(pilot)
        assert app.main.headlines.cursor == app.main.headlines.total - 1
        await pilot.press("alt+x")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)


async def test_ctrl_g_closes_every_box_in_the_emacs_preset(tmp_path, db_path):
    """C-g went back a pane but closed no box (search, help, sort, downloads)."""
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, 'preset = "emacs"\n')))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # the footer writes it as help does (Textual's own footer said "^s")
        assert "Ctrl-S Search" in screen_text(app).splitlines()[-1]
        for opening in ("ctrl+s", "question_mark", "O", "L", "alt+x"):  # (+ the palette: r34 L15)
            await pilot.press(opening)
            await settle(pilot)
            assert app.screen is not app.main, opening
            await pilot.press("ctrl+g")
            await settle(pilot)
            assert app.screen is app.main, opening


def test_a_global_unbind_takes_the_key_off_every_binding_that_has_it():
    from newstui.config import KeysConfig
    from newstui.tui.keymap import build_keymap

    defaults = {"a.down": "j,down", "b.down": "j,down", "c.up": "k"}
    assert build_keymap(KeysConfig(unbind=("j",)), "f", defaults) == {
        "a.down": "down",
        "b.down": "down",
    }


def test_a_typed_key_given_to_the_palette_leaves_the_search_box_its_character():
    """`"app.command_palette" = ":"` (user test r42 M3's way to newsboat's `:`) made `:` a
    priority key: typed in the search box, it opened the palette; and since `:` became
    app.command_line's own, that config stopped the app with a key clash."""
    from newstui.config import KeysConfig
    from newstui.config.tables import KeyBinding
    from newstui.tui.keymap import build_keymap

    defaults = {"app.command_palette": "ctrl+p", "app.command_line": "colon"}
    keys = KeysConfig(bindings=(KeyBinding("app.command_palette", (":", "f2")),))
    assert build_keymap(keys, "f", defaults) == {
        "app.command_palette": "ctrl+p,f2",
        "app.command_line": "colon",
    }


REBOUND = (  # the palette on `:` alone (r43: its `?` row had no key), a key moved, one added
    'unbind = ["ctrl+p", "headlines.down:j"]\n"app.command_palette" = ":"\n'
    '"headlines.down" = "x"\n"app.downloads" = "f8"\n'
)


@pytest.mark.parametrize("keys", ['preset = "vim"\n', 'preset = "emacs"\n', REBOUND])
async def test_help_and_the_footer_show_only_keys_in_effect(tmp_path, db_path, keys):
    """The emacs preset's help listed vim's `l` for Sources' and the sidebar's Enter (it does
    nothing there; Ctrl-O does); every `?` row names a key in effect."""
    from textual.widgets import Footer

    from newstui.tui.app_keys import all_binding_keys
    from newstui.tui.keymap import key_label

    preset = "emacs" if "emacs" in keys else "vim"
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, keys)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        in_effect = {**all_binding_keys(), **app.user_keymap}
        bound = {key_label(k) for keys in in_effect.values() for k in keys.split(",")}
        for key in ("tab", "tab", "tab", "tab"):  # each pane's footer
            assert app.main.query_one(Footer).display
            shown = [
                b for _, b, enabled, _ in app.screen.active_bindings.values() if b.show and enabled
            ]
            for binding in shown:
                if binding.id:
                    assert binding.key in in_effect[binding.id].split(","), binding.id
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        rows = {(section, text): keys for section, keys, text in app.screen.rows}
    choose = "Enter l" if preset == "vim" else "Enter Ctrl-O"
    assert rows[("Sources", "Show the source's articles")] == choose
    assert rows[("Sidebar", "Enter on an entity or quote lists its articles")] == choose
    for (section, text), shown in rows.items():
        assert shown and set(shown.split(" ")) <= bound, (section, text, shown)
    if keys == REBOUND:  # (`:` opens the palette: its Commands row says so)
        palette = [k for (_, text), k in rows.items() if text.startswith("Find a command")]
        assert palette == [":"]
        assert rows[("Headlines", "Down")] == "↓ x"
        assert rows[("Anywhere (a pane's own key first)", "Show the download queue")] == "L f8"


async def test_the_downloads_line_says_the_keys_in_effect(tmp_path, db_path):
    """L's line said "x: forget" whatever the user's keys (user test r30 H1)."""
    keys = 'unbind = ["downloads.forget:x"]\n"downloads.forget" = "F"\n"downloads.delete" = "x"\n'
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, keys)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        hint = str(app.screen.query_one("#downloads-hint").render())
        assert hint == "r: retry  F: forget  D: delete  P: play  Esc: close"


@pytest.mark.parametrize(
    ("keys", "advice"),
    [
        ('unbind = ["headlines.down:j", "headlines.down:down"]\n', '("headlines.down" = "…")'),
        ('unbind = ["main.back:q"]\n', '("main.back" = "…")'),
        ('unbind = ["g", "home"]\n', '"…"), or unbind it from one binding only ("ID:home")'),
    ],
)
def test_an_unbind_that_leaves_no_key_gives_advice_that_fits_it(tmp_path, db_path, keys, advice):
    """It said 'or unbind it from one binding only ("ID:KEY")' to an unbind already written
    so (user test r30 M5)."""
    path = write_config(tmp_path, keys)
    with pytest.raises(ConfigError) as err:
        NewstuiApp(db_path, load_config(path))
    assert str(err.value).endswith(advice)


async def test_unbinding_j_and_k_leaves_the_arrows_which_help_lists(tmp_path, db_path):
    """`unbind = ["j", "k"]` stopped the app (list.down left with no key) though ↓ moved in
    Sources, and `?` listed only j there (user test r30 M5)."""
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, 'unbind = ["j", "k"]\n')))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.focus_pane("sources")
        await settle(pilot)
        before = app.main.sources.highlighted_view()
        await pilot.press("j")
        await settle(pilot)
        assert app.main.sources.highlighted_view() == before
        await pilot.press("down")
        await settle(pilot)
        assert app.main.sources.highlighted_view() != before
        await pilot.press("question_mark")
        await settle(pilot)
        rows = {(section, text): keys for section, keys, text in app.screen.rows}
        assert rows[("Sources", "Down")] == "↓" and rows[("Headlines", "Down")] == "↓"


async def test_a_table_of_newsboat_names_alone_names_the_ids_once_started(tmp_path, db_path):
    """With nothing else in [keys], the entry was still told only to write "a binding id"."""
    path = write_config(tmp_path, '"reload-all" = "^R"\n')
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        [warning] = [n.message for n in notifications(app) if n.severity == "warning"]
        assert "did you mean 'app.refresh_all'? (newsboat's reload-all;" in warning


def test_newsboat_operations_name_binding_ids_that_exist():
    from newstui.tui.app_keys import all_binding_ids
    from newstui.tui.keymap import NEWSBOAT_OPERATIONS

    assert set(NEWSBOAT_OPERATIONS.values()) <= all_binding_ids()


@pytest.mark.parametrize(
    ("keys", "opening", "line", "hint"),
    [
        ('preset = "emacs"\n', "a", "#add-keys", "Enter: add · Tab: next box · Ctrl-G: cancel"),
        (
            '"command.cancel" = "f2"\nunbind = "command.cancel:escape"\n',
            "|",
            "#command-hint",
            "f2: cancel",
        ),
    ],
)
async def test_a_prompts_hint_says_its_cancel_key_in_effect(
    tmp_path, db_path, keys, opening, line, hint
):
    """The add and pipe boxes said "Esc: cancel" whatever the keys (user test r30 H1); the add
    box says its keys on a line of their own under its folder box (round 51)."""
    path = write_config(tmp_path, keys)
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(opening)
        await settle(pilot)
        assert hint in str(app.screen.query_one(line).render())


async def test_the_view_name_refusal_names_the_cancel_key_in_effect(tmp_path, db_path):
    """A feed's name given to a view was refused with "(Esc cancels)" under the emacs preset."""
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, 'preset = "emacs"\n')))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"aleppo", "enter")
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("ctrl+u", *"world desk", "enter")
        await settle(pilot)
        [warning] = [n.message for n in notifications(app) if n.severity == "warning"]
        assert warning == "World Desk is a feed's name: give the view another (Ctrl-G cancels)"


async def test_many_start_up_warnings_are_two_toasts_and_one_saying_where_the_rest_are(
    tmp_path, db_path
):
    """User test r34: at 80x24 a fourth start-up warning had no room and was never seen. Every
    warning goes to the log file; two are shown and a third toast says how many more and where."""
    keys = "".join(f'"headlines.dwn{i}" = "x"\n' for i in range(5))
    path = write_config(tmp_path, keys)
    log = tmp_path / "state" / "newstui.log"
    app = NewstuiApp(db_path, load_config(path), log_file=log)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        said = [n.message for n in notifications(app) if n.severity == "warning"]
        assert len(said) == 3
        assert all(f"{path}:" in line and "headlines.dwn" in line for line in said[:2])
        assert said[2] == f"3 more warnings about feeds.toml: see {log}"
        logged = log.read_text("utf-8").splitlines()
        assert len(logged) == 5 and all("warning: " in line for line in logged)


async def test_a_start_up_notice_counts_among_the_three_toasts(tmp_path, db_path):
    """Review r34 W1: a notice (a new database, the demo rebuilt) and three warnings were four
    toasts again."""
    keys = "".join(f'"headlines.dwn{i}" = "x"\n' for i in range(3))
    path = write_config(tmp_path, keys)
    log = tmp_path / "state" / "newstui.log"
    app = NewstuiApp(db_path, load_config(path), log_file=log, notice="A new database.")
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        assert len(said) == 3 and said[0] == "A new database."
        assert said[2] == f"2 more warnings about feeds.toml: see {log}"


async def test_space_given_to_next_unread_and_taken_off_the_reader_says_so_in_help(
    tmp_path, db_path
):
    """With the reader's paging given another key, as the clash line says, `?` lists space for
    next unread only (it said "Space  Page the reader down" while space went to next unread)."""
    path = write_config(
        tmp_path,
        '"headlines.next_unread" = ["n", "space"]\n"reader.page_down" = "pagedown"\n'
        'unbind = ["reader.page_down:space"]\n',
    )
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "n Space" in text or "n, Space" in text
        assert "Space  Page the reader down" not in text


def test_every_pane_key_the_app_has_is_in_the_one_table_the_newsboat_import_reads():
    """`opml import` reads newstui.key_actions to write no [keys] entry the app would refuse
    as a clash (user test r48 M4); the app's bindings are made from that table (it was a hand
    copy, pinned by this test): every binding of a pane, with its keys and words, is there."""
    from newstui.key_actions import KEY_ACTIONS
    from newstui.tui.app_keys import key_sections

    app: dict[str, list[str]] = {}
    for _, bindings in key_sections():
        for b in bindings:
            keys = app.setdefault(b.id or b.action, [])
            keys += [k for k in b.key.split(",") if k not in keys]
            if b.id != "list.choose":  # (help words Enter as Sources' or the sidebar's)
                assert (b.description, b.tooltip) == KEY_ACTIONS[b.id][1:], b.id
    assert {i: tuple(k) for i, k in app.items()} == {i: a.keys for i, a in KEY_ACTIONS.items()}
