"""The [[local]] entries of feeds.toml: each local source checked, one whose name shows nothing or
is taken skipped with a warning, and the others read."""

from __future__ import annotations

from typing import Any

from newstui.config import FeedConfig, LocalConfig
from newstui.config.entry_reading import LOCAL_KEYS, ConfigReading, table_array, unknown_key
from newstui.config.lines import at_line, entry_key_line, entry_line
from newstui.config.local_paths import entry_refusal, local_path
from newstui.config.source_names import (
    entry_tags,
    local_name,
    name_problem,
    path_name,
    taken_name,
    usable_name,
)
from newstui.errors import hide_passwords
from newstui.model.names import name_key


def read_local(
    reading: ConfigReading, value: Any, feeds: list[FeedConfig], skipped: list[FeedConfig]
) -> tuple[list[LocalConfig], list[LocalConfig]]:
    """The [[local]] entries: those read, and those skipped with a warning (a name that shows
    nothing or is taken). A feed further down the file taking a local source's name moves
    from `feeds` to `skipped`."""
    raw, fail, path = reading.raw, reading.fail, reading.path
    local: list[LocalConfig] = []
    skipped_local: list[LocalConfig] = []
    for i, entry in enumerate(table_array(value, "local", raw, fail)):
        line = entry_line(raw, "local", i)
        p = entry.get("path")
        if not isinstance(p, str) or not p.strip():
            if extra := set(entry) - {*LOCAL_KEYS}:  # `pth = …`: the typo, not a missing path
                raise unknown_key(extra, LOCAL_KEYS, "local entry", "local", i, raw, fail)
            raise fail(line, "local entry has no 'path'")
        lpath = local_path(path, p, entry_refusal(raw, i, line, f"local path {p!r}", fail))
        unnamed = "name" in entry and not usable_name(entry["name"], line, fail)
        name = path_name(lpath) if unnamed else local_name(entry, lpath, line, fail)
        name_written = hide_passwords(entry["name"]) if "name" in entry else ""
        extra = set(entry) - {*LOCAL_KEYS}
        if extra:
            raise unknown_key(extra, LOCAL_KEYS, f"local source {name!r}", "local", i, raw, fail)
        tline = entry_key_line(raw, "local", i, "tags") or line
        tags = entry_tags(entry.get("tags", []), tline, fail, f"local source {name!r}")
        if unnamed:  # one warning naming it by its path, the other sources read (as a feed's)
            why, said = name_problem(entry["name"]) or ("", "")
            refusal = fail(line, f"local source {str(lpath)!r}: {why}")
            warning = f"{refusal}; the local source is not read until its name is fixed"
            not_fetchable = f"not read ({at_line(path.name, line)}): {said}"
            skipped_local.append(
                LocalConfig(lpath, name, tags, warning, not_fetchable, i, name_written)
            )
            continue
        owner = reading.names.get(name_key(name))
        if owner is not None and owner[3] == "feed" and 0 < line < owner[0]:
            # a feed further down the file takes the name of this local source: the later
            # entry is skipped, as of two feeds
            later = next((f for f in feeds if name_key(f.name) == name_key(name)), None)
            if later is not None:
                feeds.remove(later)
                later_line = entry_line(raw, "feeds", later.entry_index or 0)
                owns = (line, name_written or name, str(lpath), "local source")
                skipped.append(reading.name_taken(later, later_line, owns))
                owner = None
        if owner is not None:
            # one warning, as of two feeds, and the other sources are read (a local source of
            # a taken name refused the whole file until r47)
            spelled = name_written or name
            taken = f"local source name {spelled!r} {taken_name(spelled, *owner)}"
            problem = f"{fail(line, taken)}; the local source is not read until it is renamed"
            by = f"line {owner[0]}" if owner[0] else repr(owner[2])
            not_fetchable = f"not read ({at_line(path.name, line)}): its name is taken by {by}"
            skipped_local.append(
                LocalConfig(lpath, name, tags, problem, not_fetchable, i, name_written)
            )
            continue
        reading.names[name_key(name)] = (line, name_written or name, str(lpath), "local source")
        local.append(LocalConfig(lpath, name, tags, entry_index=i, written=name_written))
    return local, skipped_local
