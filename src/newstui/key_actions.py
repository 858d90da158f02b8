"""The keys of the app's panes: each binding id's default keys (as Textual names them, under
the vim preset), the word the footer and `?` help show and the line that says more. The app
builds its bindings from this table (tui/key_bindings.py), and `opml import` of newsboat's
config reads it to know which keys the app starts with, so that it writes no `[keys]` entry the
app would refuse as a clash (user test r48 M4): one table, no copy to keep equal. Plain values:
the core reads it without Textual. A box's own keys (the question, downloads, sort and search
boxes) live with the box."""

from __future__ import annotations

from typing import NamedTuple


class KeyAction(NamedTuple):
    """A binding's default keys ("j", "down"), its short name (the footer's) and, where help
    says more than that, the longer line."""

    keys: tuple[str, ...]
    description: str
    tooltip: str = ""


# By pane, as `?` help lists them; the footer's order is each pane's BINDINGS'.
KEY_ACTIONS: dict[str, KeyAction] = {
    # Sources and the sidebar's lists (moving, choosing), and Sources' own
    "list.down": KeyAction(("j", "down"), "Down"),
    "list.up": KeyAction(("k", "up"), "Up"),
    "list.first": KeyAction(("g", "home"), "First"),
    "list.last": KeyAction(("G", "end"), "Last"),
    "list.back": KeyAction(("h", "escape"), "Back"),
    "list.choose": KeyAction(("enter", "l"), "Choose"),
    "sources.toggle_fold": KeyAction(
        ("space",),
        "Fold",
        "Fold / unfold the highlighted folder",
    ),
    "sources.unfold": KeyAction(
        ("l", "right"),
        "Unfold",
        "Unfold a folder (elsewhere: as Enter)",
    ),
    "sources.fold": KeyAction(
        ("h", "left"),
        "Fold / up",
        "Fold a folder; on a feed: to its folder",
    ),
    "sources.toggle_read_feeds": KeyAction(
        ("H",),
        "Read feeds",
        "Hide / show the feeds with nothing unread (newsboat: show-read-feeds)",
    ),
    "sources.add": KeyAction(("a",), "Add feed", "Add a feed (its URL, or a site's address)"),
    "sources.refresh_selected": KeyAction(
        ("r",),
        "Refresh feed",
        "Refresh the feed or tag highlighted in Sources (elsewhere: the one listed)",
    ),
    "sources.remove": KeyAction(
        ("D",),
        "Remove feed",
        "Remove the selected feed, or on a tag its folder with its subfolders' feeds (a feed also in another folder only loses the tag; in the headlines, the article's feed: no key deletes one article), after asking ({confirm.yes}: yes)",
    ),
    "sources.follow_moved": KeyAction(
        ("M",),
        "Follow move",
        "On a feed Sources marks · moved (moved for good, HTTP 301): write its new address in the config file, its articles, marks and folders kept",
    ),
    # the headlines
    "headlines.down": KeyAction(("j", "down"), "Down"),
    "headlines.up": KeyAction(("k", "up"), "Up"),
    "headlines.first": KeyAction(("g", "home"), "First"),
    "headlines.last": KeyAction(("G", "end"), "Last"),
    "headlines.page_down": KeyAction(("pagedown",), "Page down"),
    "headlines.page_up": KeyAction(("pageup",), "Page up"),
    "headlines.open": KeyAction(("enter", "l"), "Open"),
    "headlines.back": KeyAction(("h", "escape"), "Back"),
    "headlines.next_unread": KeyAction(("n",), "Next unread"),
    "headlines.previous_unread": KeyAction(("p",), "Prev unread"),
    "headlines.next_feed": KeyAction(
        ("J",), "Next feed", "The next feed's headlines (as listed in Sources)"
    ),
    "headlines.previous_feed": KeyAction(("K",), "Previous feed", "The previous feed's headlines"),
    "headlines.sort": KeyAction(
        ("O",), "Sort", "Sort the headlines: date, feed or title, or reverse"
    ),
    "headlines.mark_all_read": KeyAction(("A",), "All read", "Mark all in view read"),
    "headlines.unread_only": KeyAction(
        ("U",),
        "Unread only",
        "List only the unread headlines of All, a feed, a folder or a saved view, or every one again (newsboat: show-read-articles)",
    ),
    "headlines.full_list": KeyAction(
        ("Z",),
        "Full list",
        "Headlines full height, the article opening over them (again: the reader below)",
    ),
    # the reader
    "reader.scroll_down": KeyAction(("j", "down"), "Scroll down"),
    "reader.scroll_up": KeyAction(("k", "up"), "Scroll up"),
    "reader.top": KeyAction(("g", "home"), "Top"),
    "reader.bottom": KeyAction(("G", "end"), "Bottom"),
    "reader.back": KeyAction(("h", "escape"), "Back"),
    "reader.find": KeyAction(("slash",), "Find", "Find words in the article"),
    "reader.find_next": KeyAction(("n",), "Next match"),
    "reader.find_previous": KeyAction(("N",), "Previous match"),
    "reader.page_down": KeyAction(("space",), "Page down", "Page the reader down"),
    "reader.page_up": KeyAction(("b",), "Page up", "Page the reader up"),
    "reader.full_width": KeyAction(("z",), "Full width", "The article alone, full width"),
    "reader.speaker_tags": KeyAction(
        ("T",), "Speakers", "Show / hide the speaker's name after each quote"
    ),
    # the sidebar
    "sidebar.follow": KeyAction(
        ("F",), "Follow", "Follow the entity or quote's speaker (a view in Sources)"
    ),
    "sidebar.speaker_quotes": KeyAction(
        ("w",), "Who said what", "Every quote of the entity or the quote's speaker, newest first"
    ),
    "sidebar.entities": KeyAction(
        ("1",), "Entities", "Sidebar: people, organisations, places and groups"
    ),
    "sidebar.quotes": KeyAction(("2",), "Quotes", "Sidebar: quotes"),
    # the selected article, in any pane
    "article.toggle_read": KeyAction(("m", "N"), "Read", "Toggle read / unread"),
    "article.toggle_star": KeyAction(("s",), "Star", "Toggle the star"),
    "article.undo": KeyAction(("u",), "Undo", "Undo the last mark"),
    "article.open_link": KeyAction(("o",), "Browser", "Open the link in a browser"),
    "article.open_link_number": KeyAction(
        ("number_sign",), "Link n", "Open link [n] of the article in a browser (asks for n)"
    ),
    "article.pager": KeyAction(("v",), "Pager", "Read the article in your pager"),
    "article.copy_link": KeyAction(
        ("y",),
        "Copy link",
        "Copy the article's link to the clipboard (OSC 52: works over ssh in most terminals)",
    ),
    "article.pipe": KeyAction(
        ("vertical_line",), "Pipe", "Send the article's text to a shell command and show its output"
    ),
    "article.fetch_fulltext": KeyAction(
        ("f",), "Full text", "Fetch the article's full text from its web page"
    ),
    "article.speaker_quotes": KeyAction(
        ("w",),
        "Who said what",
        "Who said what: the quotes of a speaker the article quotes, newest first (in the sidebar: of the entity or quote highlighted)",
    ),
    "article.versions": KeyAction(
        ("V",), "Versions", "Every version of the story (the same text in other feeds)"
    ),
    "article.download": KeyAction(
        ("d",), "Download", "Download the article's attached file (podcast episode)"
    ),
    "article.play": KeyAction(
        ("P",), "Play", "Play the article's attached file (podcast episode) with the player"
    ),
    # anywhere (a pane's own key first)
    "main.next_pane": KeyAction(("tab",), "Next pane"),
    "main.previous_pane": KeyAction(("shift+tab",), "Previous pane"),
    "sidebar.toggle": KeyAction(("e",), "Sidebar", "Show / hide the sidebar"),
    "app.help": KeyAction(("question_mark",), "Help"),
    "app.search": KeyAction(("slash",), "Search"),
    "sources.mark_all_read": KeyAction(
        ("C",), "Every feed read", "Mark the articles of every feed read, whatever the list shows"
    ),
    "app.downloads": KeyAction(("L",), "Downloads", "Show the download queue"),
    "sources.import": KeyAction(
        ("I",),
        "Import feeds",
        "Import feeds from an OPML file (another reader's export) or newsboat's urls file",
    ),
    "app.refresh_all": KeyAction(("R",), "Refresh", "Refresh all sources"),
    "app.toggle_theme": KeyAction(("t",), "Theme", "Switch light / dark theme"),
    "app.save_view": KeyAction(
        ("S",),
        "Save view",
        "Save the current search, entity or speaker list as a view (a list in Sources)",
    ),
    "main.back": KeyAction(
        ("q",), "Back", "Back one level (sidebar → reader → headlines → sources); quit from Sources"
    ),
    "app.quit": KeyAction(("Q", "ctrl+c"), "Quit", "Quit from anywhere"),
    "app.suspend": KeyAction(
        ("ctrl+z",), "Suspend", "Suspend newstui and return to the shell (fg resumes it)"
    ),
    "app.command_palette": KeyAction(
        ("ctrl+p",), "Palette", "Find a command by its name (command palette)"
    ),
    "app.command_line": KeyAction(
        ("colon",), "Commands", "Find a command by its name (as newsboat's : command line)"
    ),
}
