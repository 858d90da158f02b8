"""newsboat's key bindings (`bind-key KEY OPERATION [CONTEXT]`) in newstui's terms: the binding id
each operation is, the key as newstui writes it, and the app's own keys, so that an import of
newsboat's config writes to `[keys]` only bindings the app starts with (user test r48 M4). Plain
values: the app's bindings themselves live in newstui.tui, which the core never imports."""

from __future__ import annotations

import re

# newsboat's operation names (bind-key KEY OP), and the binding id that does the same here: an
# unknown [keys] entry of one of them names the id (newsboat users write their own names first)
NEWSBOAT_OPERATIONS: dict[str, str] = {
    "open": "headlines.open",
    "quit": "main.back",
    "hard-quit": "app.quit",
    "reload": "sources.refresh_selected",
    "reload-all": "app.refresh_all",
    "mark-feed-read": "headlines.mark_all_read",
    "mark-all-feeds-read": "sources.mark_all_read",
    "next-unread": "headlines.next_unread",
    "prev-unread": "headlines.previous_unread",
    "next": "headlines.down",
    "prev": "headlines.up",
    "next-feed": "headlines.next_feed",
    "prev-feed": "headlines.previous_feed",
    "next-unread-feed": "headlines.next_feed",
    "prev-unread-feed": "headlines.previous_feed",
    "toggle-show-read-feeds": "sources.toggle_read_feeds",
    "open-in-browser": "article.open_link",
    "open-in-browser-and-mark-read": "article.open_link",
    "help": "app.help",
    "toggle-article-read": "article.toggle_read",
    "open-search": "app.search",
    "goto-url": "article.open_link_number",
    "show-urls": "article.open_link_number",
    "enqueue": "article.download",
    "pipe-to": "article.pipe",
    "sort": "headlines.sort",
    "rev-sort": "headlines.sort",
    "up": "headlines.up",
    "down": "headlines.down",
    "pageup": "headlines.page_up",
    "pagedown": "headlines.page_down",
    "home": "headlines.first",
    "end": "headlines.last",
    "cmdline": "app.command_palette",
}
# A movement newsboat binds in every list and the article view at once (no context given): the
# same movement in each of newstui's panes, by newsboat's context name.
_MOVES: dict[str, dict[str, str]] = {
    "headlines.down": {"feedlist": "list.down", "article": "reader.scroll_down"},
    "headlines.up": {"feedlist": "list.up", "article": "reader.scroll_up"},
    "headlines.first": {"feedlist": "list.first", "article": "reader.top"},
    "headlines.last": {"feedlist": "list.last", "article": "reader.bottom"},
    "headlines.page_down": {"article": "reader.page_down"},
    "headlines.page_up": {"article": "reader.page_up"},
    "headlines.open": {"feedlist": "list.choose"},
}
_LISTS = ("articlelist", "searchresultslist", "tagselection")  # newstui's headlines

# The keys of the app's panes (Sources, headlines, reader, sidebar, article, anywhere) under
# the vim preset, by binding id, as Textual names them: a key one of them holds is another
# binding's, and given to a second one the app would refuse to start (tests/tui keep this equal
# to the app's bindings).
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "list.down": ("j", "down"),
    "list.up": ("k", "up"),
    "list.first": ("g", "home"),
    "list.last": ("G", "end"),
    "list.back": ("h", "escape"),
    "list.choose": ("enter", "l"),
    "sources.toggle_read_feeds": ("H",),
    "sources.add": ("a",),
    "sources.refresh_selected": ("r",),
    "sources.remove": ("D",),
    "headlines.down": ("j", "down"),
    "headlines.up": ("k", "up"),
    "headlines.first": ("g", "home"),
    "headlines.last": ("G", "end"),
    "headlines.page_down": ("pagedown",),
    "headlines.page_up": ("pageup",),
    "headlines.open": ("enter", "l"),
    "headlines.back": ("h", "escape"),
    "headlines.next_unread": ("n",),
    "headlines.previous_unread": ("p",),
    "headlines.next_feed": ("J",),
    "headlines.previous_feed": ("K",),
    "headlines.sort": ("O",),
    "headlines.mark_all_read": ("A",),
    "headlines.full_list": ("Z",),
    "reader.scroll_down": ("j", "down"),
    "reader.scroll_up": ("k", "up"),
    "reader.top": ("g", "home"),
    "reader.bottom": ("G", "end"),
    "reader.back": ("h", "escape"),
    "reader.find": ("slash",),
    "reader.find_next": ("n",),
    "reader.find_previous": ("N",),
    "reader.page_down": ("space",),
    "reader.page_up": ("b",),
    "reader.full_width": ("z",),
    "reader.speaker_tags": ("T",),
    "sidebar.follow": ("F",),
    "sidebar.speaker_quotes": ("w",),
    "sidebar.entities": ("1",),
    "sidebar.quotes": ("2",),
    "article.toggle_read": ("m", "N"),
    "article.toggle_star": ("s",),
    "article.undo": ("u",),
    "article.open_link": ("o",),
    "article.open_link_number": ("number_sign",),
    "article.pager": ("v",),
    "article.pipe": ("vertical_line",),
    "article.fetch_fulltext": ("f",),
    "article.versions": ("V",),
    "article.download": ("d",),
    "article.play": ("P",),
    "main.next_pane": ("tab",),
    "main.previous_pane": ("shift+tab",),
    "sidebar.toggle": ("e",),
    "app.help": ("question_mark",),
    "app.search": ("slash",),
    "sources.mark_all_read": ("C",),
    "app.downloads": ("L",),
    "sources.import": ("I",),
    "app.refresh_all": ("R",),
    "app.toggle_theme": ("t",),
    "app.save_view": ("S",),
    "main.back": ("q",),
    "app.quit": ("Q", "ctrl+c"),
    "app.suspend": ("ctrl+z",),
    "app.command_palette": ("ctrl+p",),
    "app.command_line": ("colon",),
}

# newsboat's names of keys (its `bind-key` and the `^X` form of Ctrl) as Textual names them
_NAMED_KEYS = {
    "ENTER": "enter",
    "SPACE": "space",
    "ESC": "escape",
    "TAB": "tab",
    "BACKSPACE": "backspace",
    "NPAGE": "pagedown",
    "PPAGE": "pageup",
    "UP": "up",
    "DOWN": "down",
    "LEFT": "left",
    "RIGHT": "right",
    "HOME": "home",
    "END": "end",
    "DEL": "delete",
    "INS": "insert",
}
_PUNCTUATION = {
    "/": "slash",
    "?": "question_mark",
    "#": "number_sign",
    "|": "vertical_line",
    ":": "colon",
}


def newsboat_key(key: str) -> str | None:
    """A key as newsboat's bind-key writes it (`x`, `^R`, `SPACE`, `NPAGE`, `F5`) as newstui's
    [keys] writes it (`x`, `ctrl+r`, `space`, `pagedown`, `f5`); None for one it cannot say."""
    if caret := re.fullmatch(r"\^([A-Za-z])", key):
        return f"ctrl+{caret[1].lower()}"
    if key in _NAMED_KEYS:
        return _NAMED_KEYS[key]
    if re.fullmatch(r"F([1-9]|1[0-2])", key):
        return key.lower()
    if len(key) == 1 and key.isprintable() and not key.isspace() and key not in ',"\\':
        return _PUNCTUATION.get(key, key)
    return None


def newsboat_binding_ids(operation: str, context: str | None) -> tuple[str, ...]:
    """The binding ids a `bind-key KEY OPERATION [CONTEXT]` line stands for: a movement bound
    in no context is the movement of every pane; () for an operation newstui has none of."""
    binding_id = NEWSBOAT_OPERATIONS.get(operation)
    if binding_id is None:
        return ()
    moves = _MOVES.get(binding_id, {})
    if context is None:
        return (binding_id, *moves.values())
    if context in _LISTS:
        return (binding_id,)
    return (moves[context],) if context in moves else (binding_id,)
