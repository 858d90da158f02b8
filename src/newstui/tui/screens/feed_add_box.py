"""The `a` box: a feed's address, and the folder it goes in (user test r50 LOW-18: a feed added
in the app landed in no folder, on a sync server too). The folder is read as `add --tag` reads
it ("News/Europe": Europe inside News); the folders Sources lists are offered and completed."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Static

from newstui.tui.screens.command_prompt import CommandScreen
from newstui.tui.screens.keyed_box import keys_in_effect
from newstui.tui.widgets.ordered_input import OrderedInput
from newstui.word_lists import listed

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.app import ComposeResult

ADD_HINT = "A feed's URL, or a site's page that links to its feed."
FOLDER_HINT = "Folder (none: leave it empty; News/Europe is Europe inside News)"
KEYS_HINT = "Enter: add · Tab: next box · Esc: cancel"
FOLDERS_NAMED = 4  # the folders the box names (the others are counted, and completed)


class FolderSuggester(Suggester):
    """Completes a folder typed from the folders there are, in any case ("news/eu" → the
    folder "News/Europe", spelt as Sources lists it)."""

    def __init__(self, folders: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._folders = list(folders)

    async def get_suggestion(self, value: str) -> str | None:
        """The first folder whose path begins with `value`, any case (the box shows what
        follows what was typed, and → takes the folder as spelt)."""
        if not value.strip():
            return None
        typed = value.casefold()
        for folder in self._folders:
            if len(folder) > len(value) and folder[: len(value)].casefold() == typed:
                return folder
        return None


class FeedAddScreen(CommandScreen):
    """Returns the address typed (Enter in either box) or None (Esc); `folder` is the folder
    typed then ("" for none)."""

    DEFAULT_CSS = """
    FeedAddScreen #folder-label {
        margin-top: 1;
    }
    FeedAddScreen #folders-offered, FeedAddScreen #add-keys {
        color: $text-muted;
    }
    """

    # Tab and Shift-Tab go to the other box at once, ahead of the keys still on their way to
    # the box typed in (as a priority key: the letters typed behind Tab go into the folder box)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_box", "Next box", id="add.next_box", priority=True, show=False),
        Binding(
            "shift+tab",
            "previous_box",
            "Previous box",
            id="add.previous_box",
            priority=True,
            show=False,
        ),
    ]

    def __init__(self, last: str = "", folder: str = "", folders: Sequence[str] = ()) -> None:
        super().__init__(
            "Add feed", ADD_HINT, last=last, placeholder="https://example.org/feed.xml"
        )
        self.folder = folder
        self._folders = list(folders)

    def compose(self) -> ComposeResult:
        with Vertical(id="command-box") as box:
            box.border_title = self._title
            yield OrderedInput(value=self._last, placeholder=self._placeholder, id="command-input")
            yield Static(self._hint, id="command-hint", markup=False)
            yield Static(FOLDER_HINT, id="folder-label", markup=False)
            yield OrderedInput(
                value=self.folder,
                placeholder=self._folders[0] if self._folders else "News/Europe",
                id="folder-input",
                suggester=FolderSuggester(self._folders),
            )
            if self._folders:
                named = listed(self._folders, FOLDERS_NAMED)
                yield Static(
                    f"Folders: {named}; → completes one", id="folders-offered", markup=False
                )
            before, _, after = KEYS_HINT.rpartition("Esc")
            keys = f"{before}{keys_in_effect(self, self.CANCEL)}{after}"
            yield Static(keys, id="add-keys", markup=False)

    def action_next_box(self) -> None:
        self.focus_next(OrderedInput)

    def action_previous_box(self) -> None:
        self.focus_previous(OrderedInput)

    def submitted(self, typed: str) -> None:
        """Enter in either box adds: the address is the first box's, the folder the second's."""
        from newstui.text import clean_line

        self.folder = clean_line(self.query_one("#folder-input", OrderedInput).value)
        self.dismiss(self.answer(self.query_one("#command-input", OrderedInput).value))
