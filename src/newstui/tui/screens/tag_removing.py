"""`D` on a tag in Sources: remove every source it lists (an imported folder of 600 feeds) from
the config file and the store, after a question naming how many sources and articles go, as
`newstui remove --tag NAME` does (the same code). Part of `MainScreen`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from newstui.config import Config
from newstui.tui.mixins import ScreenMixin

if TYPE_CHECKING:
    from newstui.tag_removal import TaggedSources
    from newstui.tui.shared_library import SharedLibrary
    from newstui.tui.view import View
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.sources import SourcesPane


@dataclass(eq=False, repr=False)
class TagSourcesRemoved(Message):
    """A tag's sources left the config file (`config`: the file read again) and the store."""

    tag: str
    summary: str
    config: Config
    partly: bool = False  # the server refused partway: the summary names what stays


class TagRemoving(ScreenMixin):
    """Remove a tag's sources (`D` on a tag in Sources)."""

    # Provided by MainScreen.
    config: Config | None
    db_path: Path | str
    library: SharedLibrary
    sources: SourcesPane
    headlines: HeadlineList

    if TYPE_CHECKING:

        def forget_undo(self, said: str) -> None: ...

        def show_view(self, view: View, select_id: int | None = None) -> None: ...

    @work(group="write", exit_on_error=False)
    async def ask_to_remove_tag(self, tag: str) -> None:
        """Count what the tag's sources hold off the event loop (after any write under way),
        then ask; nothing is removed without a yes."""
        from newstui.tag_removal import tagged_sources

        config = self.config
        assert config is not None
        tagged = await self.library.write(lambda lib: tagged_sources(lib, config, tag))
        if tagged is None:
            self.notify(f"No source is tagged {tag} any more.", severity="warning", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                from newstui.tui.screens.article_actions import REMOVAL_NOT_UNDONE

                self.forget_undo(REMOVAL_NOT_UNDONE)  # `u` must not revert an older mark
                self._remove_tag(config, tagged)

        from newstui.tui.screens.confirm import ConfirmScreen

        question = tagged.question(config.path.name)
        self.app.push_screen(
            ConfirmScreen("Remove tag's sources", question, yes="remove"), answered
        )

    @work(thread=True, group="write", exit_on_error=False)
    def _remove_tag(self, config: Config, tagged: TaggedSources) -> None:
        from newstui.config import load_config
        from newstui.errors import NewstuiError
        from newstui.library import Library
        from newstui.tag_removal import remove_tagged

        try:
            with Library.open(self.db_path, threads=True) as library:
                done = remove_tagged(library, config, tagged)
        except NewstuiError:
            raise
        except Exception as exc:
            raise NewstuiError(f"could not remove the sources tagged {tagged.tag}: {exc}") from exc
        summary = done.summary(config.path.name) + "."
        again = load_config(config.path)
        self.post_message(TagSourcesRemoved(tagged.tag, summary, again, bool(done.not_removed)))

    def _on_tag_sources_removed(self, message: TagSourcesRemoved) -> None:
        from newstui.model.folders import in_folder

        self.config = message.config
        if message.partly:  # (those the server still lists stay: the tag stays shown)
            self.notify(message.summary, severity="warning", markup=False)
        else:
            self.notify(message.summary, markup=False)
        shown = self.headlines.view.filter.tag
        # (the folder, or one of its subfolders, was shown)
        gone = shown is not None and in_folder(shown, message.tag)
        if gone and not message.partly:
            from newstui.tui.view import ALL

            self.show_view(ALL)
        else:
            self.headlines.reload()
        self.sources.reload()
