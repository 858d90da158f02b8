"""The main screen's keys: moving between panes, paging the reader, the sidebar, sorting."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MAIN_BINDINGS: list[BindingType] = [
    Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="main.next_pane"),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="main.previous_pane"),
    Binding(
        "space",
        "page(1)",
        "Page down",
        show=False,
        tooltip="Page the reader down",
        id="reader.page_down",
    ),
    Binding(
        "b",
        "page(-1)",
        "Page up",
        show=False,
        tooltip="Page the reader up",
        id="reader.page_up",
    ),
    Binding(
        "O",
        "sort",
        "Sort",
        show=False,
        tooltip="Sort the headlines: date, feed or title, or reverse",
        id="headlines.sort",
    ),
    Binding("n", "next_unread(1)", "Next unread", id="headlines.next_unread"),
    Binding("p", "next_unread(-1)", "Prev unread", show=False, id="headlines.previous_unread"),
    Binding(
        "J",
        "next_source(1)",
        "Next feed",
        show=False,
        tooltip="The next feed's headlines (as listed in Sources)",
        id="headlines.next_feed",
    ),
    Binding(
        "K",
        "next_source(-1)",
        "Previous feed",
        show=False,
        tooltip="The previous feed's headlines",
        id="headlines.previous_feed",
    ),
    Binding(
        "e", "toggle_sidebar", "Sidebar", tooltip="Show / hide the sidebar", id="sidebar.toggle"
    ),
    Binding(
        "1",
        "sidebar_tab('entities')",
        "Entities",
        show=False,
        tooltip="Sidebar: people, organisations, places and groups",
        id="sidebar.entities",
    ),
    Binding(
        "2",
        "sidebar_tab('quotes')",
        "Quotes",
        show=False,
        tooltip="Sidebar: quotes",
        id="sidebar.quotes",
    ),
    Binding(
        "z",
        "toggle_full_reader",
        "Full width",
        show=False,
        tooltip="The article alone, full width",
        id="reader.full_width",
    ),
    Binding(
        "Z",
        "toggle_list_layout",
        "Full list",
        show=False,
        tooltip="Headlines full height, the article opening over them (again: the reader below)",
        id="headlines.full_list",
    ),
    Binding(
        "T",
        "toggle_speakers",
        "Speakers",
        show=False,
        tooltip="Show / hide the speaker's name after each quote",
        id="reader.speaker_tags",
    ),
]
