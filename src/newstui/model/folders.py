"""Tags as folders: a tag is a path ("News/Europe/Deep", a folder inside folders, as an OPML
import gives it), and a folder holds the sources of its own tag and of every tag under it, as a
Feedly or Inoreader folder does. The one rule of what a folder holds, for the store's SQL
(`in_folder`), Sources' counts, `r`, `D`, `list --tag` and the query's `tag:`."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newstui.model.names import name_key, name_order

# The "/" between a path tag's folders: between two names ("Tech/Daily"), not inside one a user
# spaced ("Misc / Other" is one folder).
PATH_SLASH = re.compile(r"(?<=\S)/(?=\S)")
# A "/" inside one folder's own name ("AC/DC Fans" in an OPML) is kept as this look-alike
# (U+2215 DIVISION SLASH), so that it is not read as nesting; OPML export writes "/" again.
FOLDER_SLASH = "\u2215"


def folder_paths(tag: str) -> list[str]:
    """The folders `tag` is in, outermost first, as spelt in it, itself last:
    "News/Europe/Deep" → News, News/Europe, News/Europe/Deep."""
    return [tag[: m.start()] for m in PATH_SLASH.finditer(tag)] + [tag]


def folder_keys(tag: str) -> list[str]:
    """folder_paths of `tag` as tags compare (name_key): the folders whose lists hold it."""
    return [name_key(path) for path in folder_paths(tag)]


def in_folder(tag: str, folder: str) -> bool:
    """Whether `tag` is the folder `folder` or a folder under it (any case): "News/Europe" is
    in News; "Newsroom" and "News / Other" (one folder spaced) are not."""
    return name_key(folder) in folder_keys(tag)


def any_in_folder(tags: Iterable[str], folder: str) -> bool:
    """Whether one of `tags` is in the folder `folder` (in_folder)."""
    key = name_key(folder)
    return any(key in folder_keys(tag) for tag in tags)


def folder_order(tag: str) -> tuple[tuple[tuple[str | int, ...], str], ...]:
    """A sort key keeping each folder's subfolders right after it: by each folder's name in turn
    (name_order), so "Big/Sub" comes before "Big Data" and after "Big"."""
    return tuple(name_order(part) for part in PATH_SLASH.split(tag))


def one_folder_name(title: str) -> str:
    """A folder's title as one folder of a tag path: a "/" that would read as nesting ("AC/DC
    Fans") made FOLDER_SLASH, which shows the same (a spaced " / " reads as one folder already)."""
    return PATH_SLASH.sub(FOLDER_SLASH, title)


def typed_folder(folder: str, tags: Iterable[str]) -> str:
    """The folder a user typed, as `tags` hold it: `folder` when one of them is in it, else the
    same with its slashes read as FOLDER_SLASH when that names one ("AC/DC Fans" typed for the
    imported "AC∕DC Fans"), else `folder`."""
    every = list(tags)
    slashes = [m.start() for m in PATH_SLASH.finditer(folder)]
    if any_in_folder(every, folder) or not slashes or len(slashes) > _MOST_TRIED_SLASHES:
        return folder
    for kept in range(1, 2 ** len(slashes)):  # each "/" read as nesting or as one name's
        letters = list(folder)
        for bit, at in enumerate(slashes):
            if kept >> bit & 1:
                letters[at] = FOLDER_SLASH
        one = "".join(letters)
        if any_in_folder(every, one):
            return one
    return folder


_MOST_TRIED_SLASHES = 6  # typed_folder tries each reading of this many slashes at most
