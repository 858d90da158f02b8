"""The main screen's keys: moving between panes, paging the reader, the sidebar, sorting (their
keys and words are in newstui.key_actions)."""

from __future__ import annotations

from textual.binding import BindingType

from newstui.tui.key_bindings import bound

MAIN_BINDINGS: list[BindingType] = [
    bound("main.next_pane", "cycle_pane(1)", show=False),
    bound("main.previous_pane", "cycle_pane(-1)", show=False),
    bound("reader.page_down", "page(1)", show=False),
    bound("reader.page_up", "page(-1)", show=False),
    bound("headlines.sort", "sort", show=False),
    bound("headlines.unread_only", "toggle_unread_only", show=False),
    bound("headlines.next_unread", "next_unread(1)"),
    bound("headlines.previous_unread", "next_unread(-1)", show=False),
    bound("headlines.next_feed", "next_source(1)", show=False),
    bound("headlines.previous_feed", "next_source(-1)", show=False),
    bound("sidebar.toggle", "toggle_sidebar"),
    bound("sidebar.entities", "sidebar_tab('entities')", show=False),
    bound("sidebar.quotes", "sidebar_tab('quotes')", show=False),
    bound("reader.full_width", "toggle_full_reader", show=False),
    bound("headlines.full_list", "toggle_list_layout", show=False),
    bound("reader.speaker_tags", "toggle_speakers", show=False),
]
