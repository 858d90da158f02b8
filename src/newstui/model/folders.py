"""Tags as folders: a tag is a path ("News/Europe/Deep", a folder inside folders, as an OPML
import gives it), and a folder holds the sources of its own tag and of every tag under it, as a
Feedly or Inoreader folder does. The one rule of what a folder holds, for the store's SQL
(`in_folders`), Sources' counts, `r`, `D`, `list --tag` and the query's `tag:`, and of which
folders a typed name means (meant_folders)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

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


def server_folder_tag(label: str) -> str:
    """A sync server's folder (a Google Reader label) as a tag: labels cannot nest, so each "/"
    in one is part of its name ("AC/DC Fans" → "AC∕DC Fans", one folder, as an OPML import
    keeps it)."""
    return one_folder_name(label)


def server_folder_here(folder: str, tags: Iterable[str]) -> str:
    """A server's `folder` (server_folder_tag's: each "/" of its label FOLDER_SLASH) as the tag
    a source takes here, `tags` being every folder tag here (the sources', feeds.toml's, one
    `add --tag` asked for): the first reading of its label (folder_readings: "News/Europe"
    nested, then "News∕Europe" one folder) that is a folder here, as spelt here; else the one
    folder, as a label new from the server is. A server's labels cannot nest, so `add --tag
    News/Europe` filed there under "News/Europe" comes back as that nested folder."""
    label = server_label(folder)
    if not PATH_SLASH.search(label):
        return folder
    here: dict[str, str] = {}
    for tag in tags:
        for path in folder_paths(tag):
            here.setdefault(name_key(path), path)
    for reading in folder_readings(label):
        if (found := here.get(name_key(reading))) is not None:
            return found
    return folder


def slashes_typed(tag: str) -> str:
    """`tag` with each FOLDER_SLASH written "/" again, as a user types it and a server, an OPML
    export or a search reads it (one character for one: a place in it is one in `tag`). The
    one way back of one_folder_name."""
    return tag.replace(FOLDER_SLASH, "/")


def server_label(tag: str) -> str:
    """The label a sync server knows a folder tag by: its FOLDER_SLASH written "/" again (the
    way back of server_folder_tag)."""
    return slashes_typed(tag)


def held_as_tag(folder: str, tags: Iterable[str]) -> bool:
    """Whether a server's (flat) `folder` is one of `tags`: the same name (any case), or the
    last folder of a nested one: "Nordics" is "News/Europe/Nordics", as the same OPML imported
    into the server and here makes it (user test r49 LOW-4)."""
    key = name_key(folder)
    return any(key in (name_key(tag), name_key(PATH_SLASH.split(tag)[-1])) for tag in tags)


def added_server_folders(tags: Iterable[str], folders: Iterable[str]) -> list[str]:
    """The server `folders` a source with `tags` gains as tags: those no tag holds already
    (held_as_tag), each once."""
    kept = list(tags)
    added: list[str] = []
    for folder in folders:
        if not held_as_tag(folder, [*kept, *added]):
            added.append(folder)
    return added


def folder_readings(folder: str) -> list[str]:
    """The folders a typed `folder` may stand for, in the order they are tried: as typed (each
    "/" between two names nesting), then with its slashes read as FOLDER_SLASH, the first first
    ("AC/DC Fans" typed for the imported "AC∕DC Fans"); past _MOST_TRIED_SLASHES, as typed."""
    slashes = [m.start() for m in PATH_SLASH.finditer(folder)]
    readings = [folder]
    if len(slashes) > _MOST_TRIED_SLASHES:
        return readings
    for kept in range(1, 2 ** len(slashes)):  # each "/" read as nesting or as one name's
        letters = list(folder)
        for bit, at in enumerate(slashes):
            if kept >> bit & 1:
                letters[at] = FOLDER_SLASH
        readings.append("".join(letters))
    return readings


def meant_folders(folder: str, tags: Iterable[str], fold: Callable[[str], str]) -> list[str]:
    """The folders of `tags` (each as first spelt there) a folder a user typed names: the one
    the first of folder_readings names as tags compare (name_key: any case), else those the
    first reading that names any names as compared by `fold` (the store's name_fold: accents
    off, ł as l, so "munchen" finds "München"), else none. An exact name wins: with folders
    "Munchen" and "München", `munchen` is Munchen alone, and `MÜNCHËN` both. The one rule of
    `tag:`, `list --tag` and `remove --tag`."""
    folders: dict[str, str] = {}
    for tag in tags:
        for path in folder_paths(tag):
            folders.setdefault(name_key(path), path)
    readings = folder_readings(folder)
    for reading in readings:
        if (found := folders.get(name_key(reading))) is not None:
            return [found]
    folded: dict[str, list[str]] = {}
    for path in folders.values():
        folded.setdefault(fold(path), []).append(path)
    for reading in readings:
        if found_folded := folded.get(fold(reading)):
            return found_folded
    return []


def folders_near(folder: str, tags: Iterable[str], fold: Callable[[str], str]) -> list[str]:
    """The folders of `tags` (full paths, as first spelt there) a typed `folder` that names none
    (meant_folders) was likely meant for, for a "did you mean": those it ends (a subfolder by
    its own name, `Nordics` for News/Europe/Nordics, or the end of its path, `Europe/Nordics`,
    as an OPML reader knows it: user test r49 MED-3), each "/" read as folder_readings reads it
    and names compared as `fold` folds them; else the nearest by spelling (a typo,
    `news/europe/nordic`). At most three, outermost first."""
    from difflib import get_close_matches

    folders: dict[str, str] = {}
    for tag in tags:
        for path in folder_paths(tag):
            folders.setdefault(name_key(path), path)
    wanted = {fold(reading) for reading in folder_readings(folder)} - {""}
    ends: list[str] = []
    for path in folders.values():
        parts = PATH_SLASH.split(path)
        tails = {fold("/".join(parts[at:])) for at in range(1, len(parts))}
        if tails & wanted:
            ends.append(path)
    if ends:
        return sorted(ends, key=folder_order)[:3]
    by_fold: dict[str, str] = {}  # each folder's path and the ends of it, folded
    for path in sorted(folders.values(), key=folder_order):
        parts = PATH_SLASH.split(path)
        for at in range(len(parts)):
            by_fold.setdefault(fold("/".join(parts[at:])), path)
    near = get_close_matches(fold(folder), list(by_fold), n=6, cutoff=0.8)
    return list(dict.fromkeys(by_fold[key] for key in near))[:3]


_MOST_TRIED_SLASHES = 6  # folder_readings reads this many slashes each way at most
