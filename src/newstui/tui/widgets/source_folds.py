"""Sources' folder tree's keys and clicks: a folder folded or unfolded (Space, l and h, the arrows,
a click on its marker), h from a source to its folder, and the folders folded, which the app
keeps between starts. The rows themselves are made by `source_tree` and listed by the pane."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.message import Message

from newstui.model.names import name_key
from newstui.tui.key_bindings import bound
from newstui.tui.widgets.pane_list import PaneList
from newstui.tui.widgets.source_tree import FolderRow, TreeRow, indent_width

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual import events
    from textual.binding import BindingType


class FoldingList(PaneList):
    """A pane list whose folder entries fold: `_tree_rows` holds the tree's rows listed, by
    entry id (the pane fills it as it lists them, `list_again`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bound("sources.toggle_fold", "toggle_fold"),
        # l and h on a folder of the tree; elsewhere they choose and go back, as in any list
        bound("sources.unfold", "unfold", show=False),
        bound("sources.fold", "fold", show=False),
    ]

    @dataclass(eq=False, repr=False)
    class FoldsChanged(Message):
        """A folder of the tree was folded or unfolded: the folders folded now (name_key), which
        the app keeps for the next start."""

        folded: frozenset[str]

    def __init__(self, *, folded: Iterable[str] = (), id: str | None = None) -> None:
        super().__init__(id=id)
        self._folded = {name_key(f) for f in folded}  # the folders folded (name_key)
        self._tree_rows: dict[str, TreeRow] = {}  # the tree's entries listed, by id

    def list_again(self) -> None:
        """List the entries again, as the folders are folded now (the pane's)."""
        raise NotImplementedError

    @property
    def folded(self) -> frozenset[str]:
        """The folders folded (name_key)."""
        return frozenset(self._folded)

    def set_folded(self, folder: str, folded: bool) -> None:
        """Fold or unfold a folder of the tree (its path), listed again at once; the app keeps
        the folders folded for the next start (FoldsChanged)."""
        key = name_key(folder)
        if (key in self._folded) == folded:
            return
        if folded:
            self._folded.add(key)
        else:
            self._folded.discard(key)
        self.list_again()
        self.post_message(self.FoldsChanged(frozenset(self._folded)))

    def _highlighted_folder_row(self) -> FolderRow | None:
        row = self._highlighted_row()
        return row if isinstance(row, FolderRow) else None

    def _highlighted_row(self) -> TreeRow | None:
        option = self.highlighted_option
        return self._tree_rows.get(option.id or "") if option is not None else None

    def action_toggle_fold(self) -> None:
        """Space on a folder: fold it, or unfold it."""
        if (row := self._highlighted_folder_row()) is not None:
            self.set_folded(row.tag, not row.folded)

    async def action_unfold(self) -> None:
        """l/→: on a folded folder, unfold it; elsewhere show the entry's articles, as Enter."""
        row = self._highlighted_folder_row()
        if row is not None and row.folded:
            self.set_folded(row.tag, False)
        else:
            await self.action_choose()

    async def action_fold(self) -> None:
        """h/←: on an unfolded folder, fold it; on a folded one or a source in a folder, go to
        the folder it is in; elsewhere back, as Esc."""
        row = self._highlighted_row()
        if isinstance(row, FolderRow) and not row.folded:
            self.set_folded(row.tag, True)
            return
        parent = (
            name_key(row.folder) if row is not None and not isinstance(row, FolderRow) else None
        )
        if isinstance(row, FolderRow):
            parent = row.parent
        if parent is not None:
            for index in range(self.option_count):
                found = self._tree_rows.get(self.get_option_at_index(index).id or "")
                if isinstance(found, FolderRow) and name_key(found.tag) == parent:
                    self.highlighted = index
                    return
        await self.run_action("screen.leave_list")

    async def _on_click(self, event: events.Click) -> None:
        """A click on a folder's marker folds or unfolds it (the row highlighted, its articles
        not shown); anywhere else on a row, the option list's click: its articles."""
        index = event.style.meta.get("option")
        entry_id = self.get_option_at_index(index).id if isinstance(index, int) else None
        row = self._tree_rows.get(entry_id or "")
        if not isinstance(row, FolderRow):
            return
        padding = self.get_component_styles("option-list--option").padding.left
        x = event.get_content_offset_capture(self).x - padding
        if x <= indent_width(row.depth) + 1:  # (the marker, the space after it, the indent)
            event.prevent_default()
            self.highlighted = index
            self.set_folded(row.tag, not row.folded)
