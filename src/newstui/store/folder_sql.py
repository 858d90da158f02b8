"""The SQL of the sources in a folder a user named: the query's `tag:`, `list --tag` and the
app's tag rows alike (model.folders.meant_folders: "AC/DC Fans" typed for the folder "AC∕DC
Fans", `munchen` for "München", an exact name first)."""

from __future__ import annotations

# Every stored tag, once: what the folder typed is looked for among (SQL meant_folders(), run
# once a statement: its subquery names nothing of the row tested)
_EVERY_TAG = "SELECT json_group_array(DISTINCT u.value) FROM feeds f, json_each(f.tags) u"


def folder_sources(folder: str) -> tuple[str, list[object]]:
    """SELECT of the ids of the sources (feeds) in the folder `folder` names, or in a folder
    under it, and its parameters."""
    return (
        "SELECT s.id FROM feeds s, json_each(s.tags) t WHERE in_folders(t.value, "
        f"(SELECT meant_folders(({_EVERY_TAG}), ?)))",
        [folder],
    )
