"""A `[[views]]` or `[[filters]]` query: it must parse, and one that can find nothing (a
regular expression, newsboat's filter language) is warned of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newstui.config.lines import at_line
from newstui.config.settings_table import as_written


def regex_warning(path: Path, line: int, what: str, query: str) -> str:
    """The warning for a view's or filter's query that parses but is written as a regular
    expression or in newsboat's filter language (`title =~ "^Sponsored"`, what a newsboat user's
    `ignore-article` rule becomes: it hid nothing, unsaid, user test r33 M10), which finds
    nothing ("" for any other)."""
    from newstui.query import regex_hint

    found = regex_hint(query)
    if found is None and ("~" in query or '"' in query):  # (the newsboat module loads only then)
        from newstui.sources.newsboat_urls import newsboat_operator_hint

        found = newsboat_operator_hint(query)
    return f"{at_line(path, line)}: {what}: query {query!r} finds nothing: {found}" if found else ""


def valid_query(value: Any, what: str, line: int, fail: Any, key_line: int = 0) -> str:
    """A view's or filter's query, which must parse (names' keys make no query invalid: parsed
    without them, reading the config leaves the name lists unloaded, ~160M instructions).
    `key_line` is the line of `query = …`, where a value of the wrong type is reported."""
    from newstui.query import QueryError, parse_query

    if value is not None and not isinstance(value, str):
        problem = f"'query' of {what} must be a string, not {as_written(value)}"
        raise fail(key_line or line, problem)
    if not isinstance(value, str) or not value.strip():
        raise fail(line, f"{what} has no 'query'")
    try:
        parse_query(value)
    except QueryError as exc:  # at the line of `query = …`, as the wrong type is
        raise fail(key_line or line, f"{what}: query {value.strip()!r}: {exc}") from None
    return value.strip()
