"""The command palette's search: the words a command is also found by (its synonyms: "sync"
finds Refresh, "unsubscribe" Remove), and hits whose words start with each word typed ranked
above letters found scattered through a long title (user test r51 LOW-2: "sync" and "settings"
found "Remove the selected feed" first, "unsubscribe" nothing); a destructive command only
on the starts of its own words (user test r55 LOW-5: `hostile` listed Remove one row under
the feed it searched, its letters scattered through Remove's title)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider

# binding id → the words it is also found by, as other readers and users call it
SEARCH_WORDS: dict[str, tuple[str, ...]] = {
    "app.refresh_all": ("sync", "update", "fetch", "reload"),
    "sources.refresh_selected": ("sync", "update", "fetch", "reload"),
    "sources.remove": ("unsubscribe", "delete"),
    "sources.add": ("subscribe", "new feed"),
    "sources.import": ("opml", "subscriptions"),
    "app.toggle_theme": ("settings", "options", "preferences", "colours", "colors", "dark"),
    "app.help": ("settings", "options", "keys", "shortcuts"),
    "app.search": ("find", "filter"),
    "app.save_view": ("bookmark", "saved search"),
    "article.toggle_star": ("favourite", "favorite", "save for later", "bookmark"),
    "article.toggle_read": ("unread", "seen"),
    "headlines.mark_all_read": ("catch up", "clear"),
    "sources.mark_all_read": ("catch up", "clear"),
    "article.open_link": ("browser", "web"),
    "app.downloads": ("podcasts", "episodes"),
}

# binding ids whose command deletes what cannot be had back (a feed and its articles)
DESTRUCTIVE: frozenset[str] = frozenset({"sources.remove"})


@dataclass(frozen=True)
class DestructiveCommand:
    """A palette command's callback marked as destructive: CommandSearch lists it only when
    each word typed starts a word of its title."""

    run: Callable[[], object]

    def __call__(self) -> None:
        self.run()


def palette_callback(binding_id: str | None, run: Callable[[], object]) -> Callable[[], object]:
    """The callback a palette command runs, marked when the binding is DESTRUCTIVE."""
    return DestructiveCommand(run) if binding_id in DESTRUCTIVE else run


_WORD = re.compile(r"[^\W_]+")


def search_words(binding_id: str | None) -> tuple[str, ...]:
    """The words the palette also finds this binding's command by (none for most)."""
    return SEARCH_WORDS.get(binding_id or "", ())


def words_start(query: str, title: str) -> bool:
    """Whether each word of `query` starts a word of `title` ("sync" in "…, and sync with …";
    not the s-y-n-c of "selected … sync")."""
    words = [w.casefold() for w in _WORD.findall(title)]
    typed = [w.casefold() for w in _WORD.findall(query)]
    return bool(typed) and all(any(w.startswith(t) for w in words) for t in typed)


class CommandSearch(SystemCommandsProvider):
    """Textual's system commands (newstui's: NewstuiApp.get_system_commands), a hit by the
    starts of its words scored above every hit of scattered letters (scores stay 0…1); a
    destructive command (DestructiveCommand) only by the starts of its words."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            if (match := matcher.match(name)) > 0:
                by_words = words_start(query, name)
                if not by_words and isinstance(callback, DestructiveCommand):
                    continue
                score = 0.5 + match / 2 if by_words else match / 2
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
