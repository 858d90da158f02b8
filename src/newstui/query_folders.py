"""The `tag:` values of a query, a saved view or a filter that name no folder a source has, and
the folders they were likely meant for (a subfolder by its own name, `tag:nordics` for
News/Europe/Nordics; a typo): said, not left to find nothing for ever (user test r49 MED-3)."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

from newstui.errors import NewstuiError
from newstui.library import Library
from newstui.word_lists import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Callable

    from newstui.config import Config


def folder_tags(library: Library, config: Config | None = None) -> list[str]:
    """Every tag a listed source has (the folders `tag:` may name), and those `config` gives
    its sources (one not fetched yet has its folder already)."""
    tags = library.source_tags()
    if config is not None:
        tags += [tag for feed in config.feeds for tag in feed.tags]
        tags += [tag for local in config.local for tag in local.tags]
    return tags


def unknown_folders(query: str, tags: list[str]) -> list[str]:
    """One line for each `tag:` value of `query` that names no folder of `tags`:
    "tag:nordics names no folder (did you mean 'News/Europe/Nordics'?)"."""
    from newstui.query import tag_values
    from newstui.text import clean_line

    lines: list[str] = []
    for _start, _end, folder in tag_values(query):
        if not Library.folders_meant(folder, tags):
            near = did_you_mean(Library.folders_near(folder, tags))
            shown = clean_line(folder, 100)
            shown = f'"{shown}"' if any(c.isspace() or c in "()" for c in shown) else shown
            lines.append(f"tag:{shown} names no folder{near}")
    return list(dict.fromkeys(lines))


def folder_warnings(config: Config, tags: list[str]) -> list[str]:
    """A warning line for each saved view and filter of `config` whose `tag:` names no folder
    of `tags` (a view finding nothing for ever, a filter never acting), as a broken query's is
    said; views and filters whose query does not parse are said already."""
    where = config.path
    lines: list[str] = []
    for view in config.views:
        for problem in [] if view.problem else unknown_folders(view.query, tags):
            lines.append(f"{where}: view {view.name!r}: {problem}: the view finds nothing there")
    for rule in config.filters:
        for problem in [] if rule.problem else unknown_folders(rule.query, tags):
            what = f"filter {rule.name!r}" if rule.name else "filter"
            lines.append(f"{where}: {what}: {problem}: the filter acts on nothing there")
    return lines


SUBFOLDERS_SINCE = 55
"""The first store version of a newstui whose `tag:` takes a folder's subfolders (round 48):
a store upgraded from an older one had views and filters that took its own sources alone."""


WIDENED = {True: "takes its folder's", False: "take their folders'"}


def folders_widened(config: Config, tags: list[str], old_version: int) -> str:
    """After an upgrade from before SUBFOLDERS_SINCE, the views and filters whose `tag:` names
    a folder holding subfolders, which they take now: "view 'All news' (tag:News) and filter
    'sport read' (tag:Sport) now take their folders' subfolders too (…)"; "" when none."""
    from newstui.model.folders import folder_paths
    from newstui.model.names import name_key
    from newstui.query import tag_values

    if old_version >= SUBFOLDERS_SINCE:
        return ""
    parents = {name_key(path) for tag in tags for path in folder_paths(tag)[:-1]}
    named: list[str] = []
    entries = [("view", v.name, v.query, v.problem) for v in config.views]
    entries += [("filter", f.name, f.query, f.problem) for f in config.filters]
    for kind, name, query, problem in entries:
        if problem:
            continue
        wide = [
            folder
            for _, _, folder in tag_values(query)
            if any(name_key(meant) in parents for meant in Library.folders_meant(folder, tags))
        ]
        if wide:
            shown = " ".join(f'tag:"{f}"' if " " in f else f"tag:{f}" for f in wide)
            named.append(f"{kind} {name!r} ({shown})")
    if not named:
        return ""
    from newstui.word_lists import listed

    return (
        f"{listed(named)} now {WIDENED[len(named) == 1]} subfolders too, "
        "as a folder does in Feedly or Inoreader (a query naming them out keeps the old "
        "meaning: tag:News -tag:News/Europe)"
    )


def say_untold_widening(
    library: Library, config: Config, say: Callable[[str], None], *, seen: bool
) -> None:
    """After an upgrade from before SUBFOLDERS_SINCE that no person has been told of yet
    (Library.untold_upgrade), the views and filters whose folder takes its subfolders since:
    one line through `say` (none when there are none). `seen`: a person reads what `say` writes
    (the app, a command's stderr on a terminal): the upgrade is then told, and said no more; a
    run whose stderr goes nowhere (a status line's `newstui unread`) leaves it for the next run
    a person sees. A store that cannot be written now says it again at that next run."""
    began = library.untold_upgrade()
    if began is None:
        return
    if config.views or config.filters:
        line = folders_widened(config, folder_tags(library, config), began)
        if line:
            say(line)
    if seen:
        with contextlib.suppress(NewstuiError, sqlite3.Error):  # (read only: said next time)
            library.upgrade_told(began)
