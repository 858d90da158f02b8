"""The [[views]] and [[filters]] entries of feeds.toml, each a named query: one whose query is old
or mistyped is kept (a view broken, a filter off) with its problem, and stops no command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newstui.config.entry_reading import ConfigReading, table_array, unknown_key
from newstui.config.lines import at_line, entry_key_line, entry_line
from newstui.config.query_checks import regex_warning, valid_query
from newstui.config.source_names import clean_name
from newstui.errors import ConfigError
from newstui.model import FilterAction
from newstui.model.names import name_key

if TYPE_CHECKING:  # the optional tables' values: imported by the functions that make them
    from newstui.config.tables import FilterConfig, ViewConfig


def read_views(reading: ConfigReading, value: Any) -> list[ViewConfig]:
    """The [[views]] entries; one whose query is old or mistyped is kept broken, with its
    problem, and does not stop every command."""
    raw, fail, path = reading.raw, reading.fail, reading.path
    views: list[ViewConfig] = []
    view_names: set[str] = set()
    for i, entry in enumerate(table_array(value, "views", raw, fail)):
        line = entry_line(raw, "views", i)
        name = clean_name(entry.get("name"), "name", line, fail) if "name" in entry else ""
        if not name:
            if extra := set(entry) - {"name", "query"}:  # `nmae = …`: the typo, not no name
                raise unknown_key(extra, ("name", "query"), "view entry", "views", i, raw, fail)
            raise fail(line, "view entry has no 'name'")
        if name_key(name) in view_names:
            raise fail(line, f"duplicate view name {name!r}")
        view_names.add(name_key(name))
        extra = set(entry) - {"name", "query"}
        if extra:
            raise unknown_key(extra, ("name", "query"), f"view {name!r}", "views", i, raw, fail)
        from newstui.config.tables import ViewConfig

        try:
            qline = entry_key_line(raw, "views", i, "query") or line
            query = valid_query(entry.get("query"), f"view {name!r}", line, fail, qline)
        except ConfigError as exc:  # one old or mistyped view does not stop every command
            given = entry.get("query")
            problem = f"{exc}; the view is broken until its query is fixed"
            views.append(ViewConfig(name, given.strip() if isinstance(given, str) else "", problem))
            continue
        hint = regex_warning(path, qline, f"view {name!r}", query)
        if name_key(name) in reading.names:  # Sources would list it twice, under Views and Feeds
            shared = (
                f"{at_line(path, entry_key_line(raw, 'views', i, 'name') or line)}: view "
                f"{name!r} has a source's name: Sources lists both; "
                "give the view another name"
            )
            hint = f"{hint}; {shared}" if hint else shared
        views.append(ViewConfig(name, query, hint=hint))
    return views


def read_filters(reading: ConfigReading, value: Any) -> list[FilterConfig]:
    """The [[filters]] entries; one whose query is old or mistyped is kept off, with its
    problem (what it hid stays hidden), and does not stop every command."""
    raw, fail, path = reading.raw, reading.fail, reading.path
    filters: list[FilterConfig] = []
    for i, entry in enumerate(table_array(value, "filters", raw, fail)):
        line = entry_line(raw, "filters", i)
        extra = set(entry) - {"name", "query", "action"}
        if extra:
            known = ("name", "query", "action")
            raise unknown_key(extra, known, "filter", "filters", i, raw, fail)
        given = entry.get("action", "hide")
        if given not in ("hide", "read"):
            raise fail(line, f'filter action must be "hide" or "read", not {given!r}')
        action: FilterAction = "read" if given == "read" else "hide"
        named = clean_name(entry["name"], "name", line, fail) if "name" in entry else ""
        from newstui.config.tables import FilterConfig

        what = f"filter {named!r}" if named else "filter"
        try:
            qline = entry_key_line(raw, "filters", i, "query") or line
            query = valid_query(entry.get("query"), what, line, fail, qline)
        except ConfigError as exc:  # one old or mistyped filter does not stop every command
            written = entry.get("query")
            query = written.strip() if isinstance(written, str) else ""
            kept = ", and what it hid stays hidden" if action == "hide" else ""
            problem = f"{exc}; the filter is off until its query is fixed{kept}"
            filters.append(FilterConfig(query, action, named or query, problem))
            continue
        hint = regex_warning(path, qline, what, query)
        filters.append(FilterConfig(query, action, named or query, hint=hint))
    return filters
