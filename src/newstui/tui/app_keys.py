"""The app's key table (APP_BINDINGS), how `?` help groups every binding by pane, and the ids
a `[keys]` table may name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType

from newstui.tui.key_bindings import bound
from newstui.tui.keymap import binding_keys, key_label, keys_of
from newstui.tui.screens.keyed_box import QUIT
from newstui.tui.screens.main import MainScreen
from newstui.tui.widgets.headlines import HeadlineList
from newstui.tui.widgets.pane_list import PaneList
from newstui.tui.widgets.reader import Reader
from newstui.tui.widgets.sidebar import Sidebar
from newstui.tui.widgets.source_folds import FoldingList
from newstui.tui.widgets.sources import SourcesPane

# The app's key table (keys and words: newstui.key_actions). Actions on what the main screen
# shows run there (`main('…')`, only while it is the screen shown); they are listed here so the
# footer keeps one order.
APP_BINDINGS: list[BindingType] = [
    bound("app.help", "help"),
    bound("app.search", "search"),
    # m, and N: newsboat's toggle-article-read (in the reader after a find, the match before)
    bound("article.toggle_read", "main('toggle_read')"),
    bound("article.toggle_star", "main('toggle_star')"),
    bound("headlines.mark_all_read", "main('mark_all_read')", show=False),
    bound("sources.mark_all_read", "main('mark_every_feed_read')", show=False),
    bound("article.open_link", "main('open_link')", show=False),
    bound("article.copy_link", "main('copy_link')", show=False),
    bound("article.open_link_number", "main('open_link_number')", show=False),
    bound("article.undo", "main('undo')", show=False),
    bound("article.pager", "main('pager')", show=False),
    bound("article.pipe", "main('pipe')", show=False),
    bound("article.fetch_fulltext", "main('fetch_fulltext')", show=False),
    bound("article.download", "main('download')", show=False),
    bound("article.play", "main('play')", show=False),
    bound("app.downloads", "downloads", show=False),
    bound("sources.refresh_selected", "main('refresh_selected')", show=False),
    bound("sources.add", "main('add_feed')", show=False),
    bound("sources.import", "main('import_feeds')", show=False),
    bound("app.refresh_all", "refresh_all"),
    bound("sources.remove", "main('remove_source')", show=False),
    bound("sources.follow_moved", "main('follow_moved')", show=False),
    bound("app.toggle_theme", "toggle_theme", show=False),
    bound("app.save_view", "save_view", show=False),
    bound("article.versions", "story_versions", show=False),
    # (the sidebar's own `w` runs first there, on its highlighted row: user test r53 LOW-5)
    bound("article.speaker_quotes", "main('article_speaker_quotes')", show=False),
    bound("main.back", "main('back')", show=False),
    QUIT,  # every box over the main screen has it too
    bound("app.suspend", "suspend_process", show=False),
    bound("app.command_palette", "command_palette", show=False, priority=True),
    # (not a priority key, as Ctrl-P is: a box one types in keeps its `:`)
    bound("app.command_line", "command_palette", show=False),
]


ARTICLE_KEYS = "The article (any pane)"
ANYWHERE = "Anywhere (a pane's own key first)"
EVERY_PANE = (ARTICLE_KEYS, ANYWHERE)  # help sections whose keys work in every pane


def key_sections() -> list[tuple[str, Iterable[Binding]]]:
    """Bindings to list in help: a section per pane (its own keys, and keys about what it
    shows), then the keys on the selected article and the rest, which work in every pane.
    Each binding is listed once."""

    def of(bindings: Iterable[BindingType], *actions: str) -> list[Binding]:
        found = [b for b in bindings if isinstance(b, Binding)]
        return [b for name in actions for b in found if action_name(b) == name]

    def moves(bindings: Iterable[BindingType]) -> list[Binding]:
        return [b for b in bindings if isinstance(b, Binding) and b.action != "choose"]

    app, main = APP_BINDINGS, MainScreen.BINDINGS
    # the pane list's list.choose, described for the sources (its id: help shows the keys in
    # effect, the preset's and the user's, not vim's)
    choose = bound(
        "list.choose", "choose", description="Show", tooltip="Show the source's articles"
    )
    per_pane: list[tuple[str, list[Binding]]] = [
        (
            "Sources",
            [
                *moves(PaneList.BINDINGS),
                choose,
                *[b for b in FoldingList.BINDINGS if isinstance(b, Binding)],  # (tree folders)
                # (Follow move: listed with the app's, which answers in every pane)
                *[
                    b
                    for b in SourcesPane.BINDINGS
                    if isinstance(b, Binding) and b.id != "sources.follow_moved"
                ],
                *of(app, "add_feed", "refresh_selected", "remove_source"),
            ],
        ),
        (
            "Headlines",
            [
                *moves(HeadlineList.BINDINGS),
                *of(
                    main,
                    "next_unread",
                    "next_source",
                    "sort",
                    "toggle_unread_only",
                    "toggle_list_layout",
                ),
                *of(app, "mark_all_read"),
            ],
        ),
        (
            "Reader",
            [*moves(Reader.BINDINGS), *of(main, "page", "toggle_full_reader", "toggle_speakers")],
        ),
        (
            "Sidebar",
            [  # it moves like Sources: only what differs is listed
                bound(
                    "list.choose",
                    "choose",
                    description="List",
                    tooltip="Enter on an entity or quote lists its articles",
                ),
                *[b for b in Sidebar.BINDINGS if isinstance(b, Binding)],
                *of(main, "sidebar_tab"),
            ],
        ),
        (
            ARTICLE_KEYS,
            [
                *of(
                    app,
                    "toggle_read",
                    "toggle_star",
                    "undo",
                    "open_link",
                    "copy_link",
                    "open_link_number",
                ),
                *of(app, "pager", "pipe", "fetch_fulltext", "story_versions", "download", "play"),
                *of(app, "article_speaker_quotes"),
            ],
        ),
    ]
    listed = {id(b) for _, bindings in per_pane for b in bindings}
    anywhere = [b for b in [*main, *app] if isinstance(b, Binding) and id(b) not in listed]
    return [*per_pane, (ANYWHERE, anywhere)]


def screen_sections() -> list[tuple[str, list[Binding]]]:
    """The main screen's and the app's own keys, each in its help section: they all answer in
    every pane (a pane's widget keys first), so a key the user gives one of them is checked
    against all the others, whatever section help lists them in (user test r36 M1: space given
    to headlines.next_unread silently took it from the reader's page_down)."""
    own = {id(b) for b in [*MainScreen.BINDINGS, *APP_BINDINGS] if isinstance(b, Binding)}
    return [(name, [b for b in bindings if id(b) in own]) for name, bindings in key_sections()]


def all_binding_ids() -> set[str]:
    """Every binding id a `[keys]` table may name."""
    return set(all_binding_keys())


def all_binding_keys() -> dict[str, str]:
    """Every binding id a `[keys]` table may name, with its own keys ("j,down")."""
    from newstui.tui.screens.command_prompt import CommandScreen
    from newstui.tui.screens.confirm import ConfirmScreen
    from newstui.tui.screens.downloads import DownloadsScreen
    from newstui.tui.screens.enclosure_choice import EnclosureChoiceScreen
    from newstui.tui.screens.help import HelpScreen
    from newstui.tui.screens.search import SearchInput, SearchScreen
    from newstui.tui.screens.sort_order import SortScreen
    from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen
    from newstui.tui.screens.store_upgrade import StoreUpgradeScreen
    from newstui.tui.screens.view_name import ViewNameScreen
    from newstui.tui.widgets.sidebar import Sidebar

    classes = (
        MainScreen,
        HeadlineList,
        Reader,
        PaneList,
        SourcesPane,
        FoldingList,
        Sidebar,
        SearchScreen,
        SearchInput,
        HelpScreen,
        ConfirmScreen,
        CommandScreen,
        ViewNameScreen,
        SpeakerQuotesScreen,
        DownloadsScreen,
        EnclosureChoiceScreen,
        SortScreen,
        StoreUpgradeScreen,
    )
    return binding_keys([*APP_BINDINGS, *(b for cls in classes for b in cls.BINDINGS)])


def action_name(binding: Binding) -> str:
    """The action a binding runs, without arguments: "page(1)" → "page", "main('star')" → "star"."""
    forwarded = re.fullmatch(r"main\('(\w+)'\)", binding.action)
    return forwarded.group(1) if forwarded else binding.action.split("(")[0]


def box_sections() -> list[tuple[str, list[Binding]]]:
    """Each box's keys with what else answers to keys in it: its inherited ones (quit) and those
    of the list or field that has the focus there, which run first. A key the user gives one of
    them is checked against the rest of its box, as a pane's against the pane (the question
    box, the downloads and the other boxes were never checked: `"confirm.yes" = "enter"` ran
    with the question saying Enter cancels)."""
    from textual.widgets import Input, ListView, OptionList

    from newstui.tui.screens.choice import ChoiceScreen
    from newstui.tui.screens.command_prompt import CommandScreen
    from newstui.tui.screens.confirm import ConfirmScreen
    from newstui.tui.screens.downloads import DownloadsScreen
    from newstui.tui.screens.help import HelpScreen
    from newstui.tui.screens.search import SearchInput, SearchScreen
    from newstui.tui.screens.sort_order import SortScreen
    from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen
    from newstui.tui.screens.store_upgrade import StoreUpgradeScreen
    from newstui.tui.screens.view_name import ViewNameScreen

    boxes: list[tuple[str, type, type | None]] = [
        ("Question box", ConfirmScreen, None),
        ("Downloads", DownloadsScreen, ListView),
        ("Choice box", ChoiceScreen, OptionList),
        ("Sort box", SortScreen, None),
        ("Search box", SearchScreen, SearchInput),
        ("Command box", CommandScreen, Input),
        ("View name box", ViewNameScreen, Input),
        ("Help", HelpScreen, None),
        ("Quotes box", SpeakerQuotesScreen, PaneList),
        ("Store upgrade", StoreUpgradeScreen, None),
    ]
    return [
        (name, [*(_merged_bindings(focused) if focused else []), *_merged_bindings(box)])
        for name, box, focused in boxes
    ]


def _merged_bindings(cls: type) -> list[Binding]:
    """A class's bindings with those it inherits, as Textual merges them (a class that does not
    inherit bindings starts afresh)."""
    merged: list[Binding] = []
    for base in reversed(cls.__mro__):
        if not getattr(base, "_inherit_bindings", True):
            merged = []
        own = [b for b in base.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
        # a key a class binds takes it from its bases' bindings (help's `?` closes it, the
        # help key every box has is gone there)
        taken = {key.strip() for b in own for key in b.key.split(",")}
        merged = [b for b in merged if {k.strip() for k in b.key.split(",")} - taken] + own
    return merged


def help_sections(
    keymap: Mapping[str, str], opened_from: type | None = None
) -> list[tuple[str, Iterable[Binding]]]:
    """Every key `?` lists: the panes' (key_sections), then each box's own, named with the keys
    in effect that open it; the box help was opened from first (the boxes' keys were listed
    nowhere: L's, the sort box's). A box's Enter that its list or field runs is listed too."""
    from newstui.tui.screens.choice import ChoiceScreen
    from newstui.tui.screens.command_prompt import CommandScreen
    from newstui.tui.screens.confirm import ConfirmScreen
    from newstui.tui.screens.downloads import DownloadsScreen
    from newstui.tui.screens.help import HelpScreen
    from newstui.tui.screens.search import SearchInput, SearchScreen
    from newstui.tui.screens.sort_order import SortScreen
    from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen
    from newstui.tui.screens.store_upgrade import StoreUpgradeScreen
    from newstui.tui.screens.view_name import ViewNameScreen

    every = {
        b.id: b
        for b in [*APP_BINDINGS, *MainScreen.BINDINGS, *Reader.BINDINGS, *Sidebar.BINDINGS]
        if isinstance(b, Binding) and b.id
    }

    def opened_by(*ids: str, reader: str = "") -> str:
        """The first key in effect of each binding that opens a box: "(L)", "(a, |, #)"; and
        of `reader`'s, which opens it in the reader ("; / in the reader")."""
        keys = [keys_of(every[i], keymap).split(",")[0] for i in ids if i in every]
        shown = ", ".join(key_label(k) for k in keys if k)
        if reader in every:
            shown += f"; {key_label(keys_of(every[reader], keymap).split(',')[0])} in the reader"
        return f" ({shown})" if shown else ""

    def own(cls: type, *extra: Binding) -> list[Binding]:
        return [*extra, *(b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding))]

    def enter(description: str) -> Binding:  # (the field's or list's Enter: no id of its own)
        return Binding("enter", "select", description)

    moves = [
        b for b in PaneList.BINDINGS if isinstance(b, Binding) and b.id in ("list.down", "list.up")
    ]
    quote = bound("list.choose", "choose", description="Open", tooltip="Open the quote's article")
    boxes: list[tuple[type, str, list[Binding]]] = [
        (DownloadsScreen, f"Downloads{opened_by('app.downloads')}", own(DownloadsScreen)),
        (
            SearchScreen,
            f"Search box{opened_by('app.search')}",
            own(SearchScreen, *own(SearchInput)),
        ),
        (SortScreen, f"Sort box{opened_by('headlines.sort')}", own(SortScreen)),
        (
            SpeakerQuotesScreen,
            f"A speaker's quotes{opened_by('sidebar.speaker_quotes')}",
            [*moves, quote, *own(SpeakerQuotesScreen)],
        ),
        (
            ChoiceScreen,
            f"Choice box{opened_by('article.download', 'article.play')}",
            own(ChoiceScreen, enter("Choose")),
        ),
        (ConfirmScreen, f"Question box{opened_by('sources.remove')}", own(ConfirmScreen)),
        (
            ViewNameScreen,
            f"View name box{opened_by('app.save_view')}",
            own(ViewNameScreen, enter("Save")),
        ),
        (
            CommandScreen,
            "Command box"
            + opened_by(
                "sources.add", "article.pipe", "article.open_link_number", reader="reader.find"
            ),
            own(CommandScreen, enter("Go")),
        ),
        (HelpScreen, f"Help{opened_by('app.help')}", own(HelpScreen)),
        (
            StoreUpgradeScreen,
            "Store upgrade (at the start, when one is due)",
            own(StoreUpgradeScreen),
        ),
    ]
    first = next(
        (i for i, (cls, _, _) in enumerate(boxes) if opened_from and issubclass(opened_from, cls)),
        None,
    )
    listed: list[tuple[str, Iterable[Binding]]] = [(name, b) for _, name, b in boxes]
    if first is None:
        return [*key_sections(), *listed]
    return [listed[first], *key_sections(), *listed[:first], *listed[first + 1 :]]
