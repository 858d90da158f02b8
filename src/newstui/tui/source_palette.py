"""The command palette's "Go to source: NAME" entries: one for each source, tag and saved view
Sources lists, so that one among 800 is a few letters away (user test r47 L2)."""

from __future__ import annotations

from functools import partial
from math import prod
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider
from textual.content import Content

from newstui.model.folders import slashes_typed
from newstui.text import one_width, terminal_safe
from newstui.tui.typed_names import name_forms, typed_letters
from newstui.tui.widgets.sources import SourcesPane

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.fuzzy import FuzzySearch, Matcher

GO_TO = "Go to source: "

# Textual's fuzzy match tries every way the query's letters fit the name: a name with 60 "e"
# and a query of 10 took longer than the user waits (C(60, 10) ways). Past this many, the
# leftmost way is scored alone.
MOST_WAYS = 20_000


def go_to_title(view_title: str) -> str:
    """The palette's title of a view: untrusted text made one plain, safe line."""
    return GO_TO + one_width(terminal_safe(view_title, line=True))


def matched_offsets(matcher: Matcher, title: str) -> tuple[float, Sequence[int]]:
    """The score and matched offsets of `title`, as Textual's palette scores its commands but
    by letters without accents and case (typed_names: `lodz` finds Łódź, `kathimerina` and
    `καθημερινα` Καθημερινά, user test r48 L4), bounded (MOST_WAYS) for names made to be slow."""
    queries = path_queries(typed_letters(matcher.query))
    folder = title.startswith(GO_TO + "#")
    best: tuple[float, Sequence[int]] = (0.0, ())
    for letters, origins in name_forms(title):
        letters = _path_letters(letters, folder)
        for query in queries:
            score, offsets = _bounded_match(matcher.fuzzy_search, query, letters)
            if score > best[0]:
                best = (score, sorted({origins[at] for at in offsets}))
    return best


def path_queries(query: str) -> tuple[str, ...]:
    """What typed letters are matched as against a folder's path: a leading `#` or a `/` is
    any step of a path (`/europ` finds `#Europe`, `#News/Europe` and `#News∕Europe`), and a
    space is also a step (`#news euro` finds `#News/Europe`; user test r50 LOW-13)."""
    query = slashes_typed(query)  # (a "/" inside one folder's name: model.folders)
    query = "/" + query[1:] if query.startswith("#") else query
    stepped = query.replace(" ", "/")
    return (query, stepped) if stepped != query else (query,)


def _path_letters(letters: str, folder: bool) -> str:
    """A title's letters with its folder's `#` and every slash as `/`, which path_queries
    match (one character for one: the offsets stay those of the title)."""
    letters = slashes_typed(letters)
    at = len(GO_TO)
    return letters[:at] + "/" + letters[at + 1 :] if folder else letters


def _bounded_match(search: FuzzySearch, query: str, letters: str) -> tuple[float, Sequence[int]]:
    """Textual's fuzzy match of `query` in `letters` (both small letters), its leftmost way
    scored alone when there are more than MOST_WAYS."""
    if query in letters or prod(letters.count(letter) for letter in query) <= MOST_WAYS:
        return search.match(query, letters)
    offsets: list[int] = []
    for letter in query:
        at = letters.find(letter, offsets[-1] + 1 if offsets else 0)
        if at < 0:
            return 0.0, ()
        offsets.append(at)
    return search.score(letters, offsets), offsets


class GoToSource(Provider):
    """Finds the sources Sources lists by name; choosing one shows its headlines and highlights
    its row, as a click on the row does. Only searched, not listed in the empty palette (800 of
    them would hide the commands)."""

    async def search(self, query: str) -> Hits:
        panes = self.screen.query(SourcesPane)
        if not panes:  # (a box over the main screen, or the first paint)
            return
        sources = panes.first()
        matcher = self.matcher(query)
        style = matcher.match_style
        for view in sources.go_to_views():
            title = go_to_title(view.title)
            score, offsets = matched_offsets(matcher, title)
            if score <= 0:
                continue
            shown = Content(title)  # plain text: a name is never markup
            for offset in offsets:
                shown = shown.stylize(style, offset, offset + 1)
            yield Hit(score, shown, partial(sources.go_to, view), text=title)
