"""The config's `[[filters]]` run over new and changed articles after their analysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstui.config import Config
from newstui.library import Library

if TYPE_CHECKING:
    from newstui.config.tables import FilterConfig


def apply_filters(library: Library, config: Config) -> list[tuple[FilterConfig, int]]:
    """Run each `[[filters]]` entry over the articles it has not seen yet, and its hide filters
    again over those whose text changed since it saw them (library.texts_changed: an updated
    entry, a sync's update, a merge that took a text, a full text, an edited local file; a hidden
    one no hide filter matches any more is shown again), after analysis, so entity and speaker
    filters work (they leave an article whose analysis is not stored yet, another refresh's,
    to a later pass); returns each filter with how many articles it just matched.
    Articles hidden by a filter since removed from the config are shown again first, unless a
    hide filter's query does not parse: which articles it hid cannot be told, so all stay hidden
    until it is fixed or removed (the config's warning says so). A broken filter does not run."""
    changed = library.texts_changed()
    working = [entry for entry in config.filters if not entry.problem]
    keep_hidden = any(entry.problem and entry.action == "hide" for entry in config.filters)
    if not working:  # (the query language's name keys load the extractor's library)
        if not keep_hidden:
            library.unhide_unfiltered([])
            library.unhide_changed(changed.ids, [])
        library.forget_texts_changed(changed)
        return []
    from newstui.nlp import query_keys
    from newstui.query import needs_analysis, parse_query

    # load_config checked that each of these parses
    queries = [(entry, parse_query(entry.query, query_keys)) for entry in working]
    if any(entry.action == "hide" and needs_analysis(q.root) for entry, q in queries):
        changed = changed.analysed()  # (a text not analysed yet: at the pass after its analysis)
    if not keep_hidden:
        hide = [query for entry, query in queries if entry.action == "hide"]
        library.unhide_unfiltered(hide)
        library.unhide_changed(changed.ids, hide)
    matched = [
        (entry, library.apply_filter(query, entry.action, changed.ids)) for entry, query in queries
    ]
    library.forget_texts_changed(changed)
    return matched
