"""newsboat's key bindings (`bind-key KEY OPERATION [CONTEXT]`) in newstui's terms: the binding id
each operation is and the key as newstui writes it. The keys the app starts with, which an
import leaves alone (user test r48 M4), are the app's own table, newstui.key_actions."""

from __future__ import annotations

import re
from typing import NamedTuple

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
    "toggle-show-read-articles": "headlines.unread_only",
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


class NewsboatKey(NamedTuple):
    """One of newsboat's default keys newstui gives no binding of its own: the operation newsboat
    runs on it and newstui's way to the same end (`{binding.id}` stands for that binding's key in
    effect)."""

    operation: str
    here: str


def _link_key(number: int) -> NewsboatKey:
    """newsboat's 1…9 and 0 open the article's link of that number (1 and 2 show the sidebar's
    lists here)."""
    return NewsboatKey("open link", f"{{article.open_link_number}}, {number} and Enter open it")


# newsboat's default keys (its manual's "Available Operations", 2.21) that no binding of newstui
# has, by Textual's name of the key: the app answers each with one line saying newstui's way,
# once a session, unless a `[keys]` entry or the preset gives the key a binding. A way is short:
# its notice is one line of a toast at 80 columns (a test holds it); README's "Coming from
# newsboat" table lists the same keys with the whole way (a test holds them equal).
NEWSBOAT_KEYS_UNBOUND: dict[str, NewsboatKey] = {
    "ctrl+b": NewsboatKey(
        "bookmark", "{article.toggle_star} stars, {article.copy_link} copies its link"
    ),
    "E": NewsboatKey("edit-urls", "edit feeds.toml; {app.refresh_all} rereads it"),
    "ctrl+e": NewsboatKey("edit-flags", "{article.toggle_star} stars (the one flag)"),
    "ctrl+r": NewsboatKey("reload-urls", "{app.refresh_all} rereads feeds.toml"),
    "comma": NewsboatKey("macro-prefix", "no macros; {article.pipe} pipes articles"),
    "ctrl+k": NewsboatKey("random-unread", "{headlines.next_unread} goes to next unread"),
    "ctrl+u": NewsboatKey("toggle-source-view", "{article.open_link} opens the page"),
    "ctrl+t": NewsboatKey("clear-tag", "{list.back}, then All in Sources"),
    "ctrl+f": NewsboatKey("clear-filter", "{headlines.back} leaves a search/view"),
    "ctrl+n": NewsboatKey(
        "next-unread-feed", "{headlines.next_feed} next feed, {headlines.previous_feed} back"
    ),
    "ctrl+d": NewsboatKey("delete-all-articles", "{headlines.mark_all_read} marks all read"),
    "dollar_sign": NewsboatKey("purge-deleted", "nothing is deleted by hand"),
    "ctrl+l": NewsboatKey("redraw", "the screen redraws itself"),
    "ctrl+x": NewsboatKey("close-dialog", "Esc closes a box"),
    "ctrl+v": NewsboatKey("next-dialog", "{main.next_pane} moves between panes"),
    "ctrl+g": NewsboatKey("prev-dialog", "{main.next_pane} moves between panes"),
    **{digit: _link_key(int(digit) or 10) for digit in "34567890"},
}
