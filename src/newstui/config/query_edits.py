"""Adding `[[views]]` and `[[filters]]` entries to feeds.toml (comments kept)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newstui.config import load_config
from newstui.config.edit_lock import edits_config
from newstui.config.entry_layout import appended_parted, tables_parted, with_entries
from newstui.config.writing import write_config
from newstui.model.names import name_key
from newstui.text import free_name

if TYPE_CHECKING:  # the optional tables' values: imported by the functions that make them
    from tomlkit.items import Table

    from newstui.config.tables import ViewConfig


@edits_config
def add_view(path: Path, name: str, query: str) -> ViewConfig:
    """Append a `[[views]]` entry to the config file (comments kept); a name a view or source
    has already gets " (2)" (a view named like a feed is warned of at load: review r34 V1, `F`
    on the organisation "Reuters" beside a feed "Reuters" wrote one)."""
    from newstui.nlp import query_keys
    from newstui.query import parse_query

    parse_query(query, query_keys)  # raises QueryError for an invalid query
    config = load_config(path)
    names = [v.name for v in config.views] + [f.name for f in config.feeds]
    known = {name_key(n) for n in names + [s.name for s in config.local]}
    name = free_name(" ".join(name.split()) or query.strip(), known)
    import tomlkit  # only editing needs it

    raw = path.read_text("utf-8")
    table = tomlkit.table()
    table["name"] = name
    query = query.strip()
    # 'person:"Dmitry Peskov"' reads better than "person:\"Dmitry Peskov\"" in the file.
    literal = "'" not in query and not any(c < " " for c in query)
    table["query"] = tomlkit.string(query, literal=True) if literal else query
    text = with_entries(raw, "views", [table])
    write_config(path, appended_parted(tables_parted(text), "views", 1))
    from newstui.config.tables import ViewConfig

    return ViewConfig(name, query)


@edits_config
def add_hide_filters(path: Path, filters: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Append `[[filters]]` hide entries (name, query) to the config file (comments kept), but
    for a query a filter has already; returns the ones added. Raises QueryError for an invalid
    query before anything is written."""
    from newstui.nlp import query_keys
    from newstui.query import parse_query

    for _, query in filters:
        parse_query(query, query_keys)
    known = {f.query.strip() for f in load_config(path).filters}
    added = []
    for name, query in filters:
        if query.strip() not in known:
            known.add(query.strip())
            added.append((name, query.strip()))
    if not added:
        return []
    import tomlkit  # only editing needs it

    tables: list[Table] = []
    for name, query in added:
        table = tomlkit.table()
        table["name"] = name
        literal = "'" not in query and not any(c < " " for c in query)
        table["query"] = tomlkit.string(query, literal=True) if literal else query
        table["action"] = "hide"
        tables.append(table)
    text = with_entries(path.read_text("utf-8"), "filters", tables)
    text = appended_parted(tables_parted(text), "filters", len(added))
    write_config(path, text)
    return added
