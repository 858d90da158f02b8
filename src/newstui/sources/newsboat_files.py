"""Which texts are newsboat's own files, its `urls` list and its `config`: `newstui import` refuses
them (they are no articles) and `--config` names them, each with the command that reads them
(user test r48 M2, M3, L12). Pattern checks only: nothing here reads a file."""

from __future__ import annotations

import re

# A urls line's first word: an address newsboat reads (http(s), file, feed, podcast schemes), a
# query/exec/filter feed (quoted when it holds spaces), or a bare host (`www.example.org/x.xml`,
# which newsboat fetches as http).
_URLS_ADDRESS = re.compile(
    r"\"?(?:(?:https?|file|feed|itpc|pcast):/{0,3}\S|(?:query|exec|filter):\S"
    r"|(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:/\S*)?\"?(?:\s|$))",
    re.IGNORECASE,
)
# What only newsboat's urls file holds: an address other than http(s) (file://, feed://, a bare
# host), a query/exec/filter feed, or words after the address (its tags, "~Name", `!`).
_URLS_ONLY = re.compile(
    r"^(?:\"?(?:file|feed|itpc|pcast|query|exec|filter):|(?!https?:)[a-z0-9-]+\.[a-z0-9.-]+"
    r"|\S+\s+(?:\"|[\w!~][\w/.&+!~-]*(?:\s|$)))",
    re.IGNORECASE,
)


def looks_like_newsboat_urls(text: str, name: str) -> bool:
    """Whether a text is newsboat's urls file: one feed a line (comments and blank lines aside),
    named `urls` (`urls.bak` too) or holding what only that file holds (tags, "~Name", file://,
    feed://, bare hosts, query feeds). A reading list of bare http(s) links under another
    name is still a text to read (review r33 F8)."""
    lines = (line.strip() for line in text.split("\n"))
    listed = [line for line in lines if line and not line.startswith("#")]
    if not listed or not all(_URLS_ADDRESS.match(line) for line in listed):
        return False
    folded = name.casefold()
    named = folded == "urls" or folded.startswith(("urls.", "urls~", "urls-"))
    return named or any(_URLS_ONLY.match(line) for line in listed)


# newsboat's settings that are one of newstui's [settings], by newstui's name
NEWSBOAT_SETTINGS = {
    "browser": "browser",
    "pager": "pager",
    "player": "player",
    "download-path": "download_dir",
    "max-downloads": "download_concurrency",
    "max-items": "keep_per_feed",
    "keep-articles-days": "keep_days",
    "reload-time": "refresh_minutes",
    "show-read-feeds": "show_read_feeds",
    "show-read-articles": "show_read_articles",
    "refresh-on-startup": "refresh_on_start",
}
# newsboat's config commands that no other file starts lines with (newsboat's docs, "Configuration
# Commands"): one of them, with every line a command and its words, makes a text its config.
NEWSBOAT_COMMANDS = frozenset(
    {
        "always-display-description",
        "articlelist-format",
        "articlelist-title-format",
        "auto-reload",
        "bind-key",
        "browser",
        "cache-file",
        "cleanup-on-quit",
        "color",
        "confirm-exit",
        "confirm-mark-all-feeds-read",
        "confirm-mark-feed-read",
        "datetime-format",
        "define-filter",
        "delete-read-articles-on-quit",
        "display-article-progress",
        "download-full-page",
        "download-path",
        "download-retries",
        "download-timeout",
        "error-log",
        "external-url-viewer",
        "feed-sort-order",
        "feedlist-format",
        "feedlist-title-format",
        "goto-first-unread",
        "goto-next-feed",
        "highlight",
        "highlight-article",
        "highlight-feed",
        "html-renderer",
        "ignore-article",
        "ignore-mode",
        "include",
        "keep-articles-days",
        "macro",
        "mark-as-read-on-hover",
        "max-download-speed",
        "max-downloads",
        "max-items",
        "notify-always",
        "notify-format",
        "notify-program",
        "notify-screen",
        "notify-xterm",
        "openbrowser-and-mark-jumps-to-next-unread",
        "pager",
        "player",
        "podcast-auto-enqueue",
        "prepopulate-query-feeds",
        "refresh-on-startup",
        "reload-only-visible-feeds",
        "reload-threads",
        "reload-time",
        "run-on-startup",
        "save-path",
        "search-highlight-colors",
        "show-keymap-hint",
        "show-read-articles",
        "show-read-feeds",
        "show-title-bar",
        "suppress-first-reload",
        "swap-title-and-hints",
        "text-width",
        "unbind-key",
        "urls-source",
        "user-agent",
    }
)
_COMMAND_LINE = re.compile(r"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)([ \t]+\S.*)?")
_FLAG_STAR = re.compile(r"[a-z]+-(?:flag-star|login|password|url|passwordfile|passwordeval)")


def looks_like_newsboat_config(text: str) -> bool:
    """Whether a text is newsboat's config: every line (comments and blank lines aside) a
    lower-case command and its words, and at least two (given a value) of them commands only newsboat has
    (`bind-key`, `reload-time`, `ignore-article`…), or all when there is one line."""
    lines = (line.strip() for line in text.split("\n"))
    listed = [line for line in lines if line and not line.startswith("#")]
    if not listed:
        return False
    known = 0
    for line in listed:
        found = _COMMAND_LINE.fullmatch(line)
        if found is None:
            return False
        command = found[1]  # (each takes a value: a word alone is no setting)
        known += bool(found[2]) and (
            command in NEWSBOAT_COMMANDS or bool(_FLAG_STAR.fullmatch(command))
        )
    return known >= min(2, len(listed))
