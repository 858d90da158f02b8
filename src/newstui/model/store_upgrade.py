"""A store an open upgraded: from which version to which, and the copy kept for older newstui."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoreUpgrade:
    """An existing store this open upgraded (user test r44 M1: silently, and an older newstui
    then refused it). `copy`: the file beside it holding the store as it was, which a newstui
    of `old_version` opens ("" when none is kept: `free_bytes` too little space on its disk, or
    `copy_error`); `copy_made_before`: that copy was there already (an earlier upgrade from the
    same version, or this one's, stopped partway and resumed) and is kept as it is;
    `resumed`: this open went on with an upgrade stopped partway (from `old_version`);
    `copy_moved`: where the copy an earlier upgrade made went, the store having changed since
    (review r45 H1: it was replaced, and what only it held was lost); `older_copies`: the
    copies of earlier versions beside it, with their sizes (they can go); `kept_aside`: the
    copies earlier upgrades kept under another name (`FILE.vN.1`), which may hold what was
    stored after a backup put back (said to go only once the user knows it holds nothing
    needed); `moved_bytes`: the size of the one moved to `copy_moved`; `restore_copies`: the
    store as it was before each restore (`FILE.before-restore`, `.1`, …); `passed_over`: what is in the copy's usual place (a folder, another file), in words,
    where `copy` is another name; `stale`: the copy kept was made before the store's last
    write, and no new one could be made (`free_bytes` beside `store_bytes`, or `copy_error`);
    `lost_indexes`: the user's own indexes on a table a step rebuilt that could not be made
    again, each in words ("my_idx on quotes (no such column: text)")."""

    file: str
    old_version: int
    new_version: int
    copy: str = ""
    copy_bytes: int = 0
    copy_made_before: bool = False
    free_bytes: int = 0
    copy_error: str = ""
    resumed: bool = False
    copy_moved: str = ""
    older_copies: tuple[tuple[str, int], ...] = ()
    kept_aside: tuple[tuple[str, int], ...] = ()
    moved_bytes: int = 0
    restore_copies: tuple[tuple[str, int], ...] = ()
    passed_over: str = ""
    stale: bool = False
    store_bytes: int = 0
    lost_indexes: tuple[str, ...] = ()
