"""`M` on a feed Sources marks " · moved": follow its permanent redirect, as `newstui feeds
--update-moved` does (the same code, newstui.ingest.moved_feeds): its url in the config file becomes
the new address, its stored articles, marks and folders move with it. Part of `MainScreen`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from newstui.config import Config
from newstui.tui.mixins import ScreenMixin

if TYPE_CHECKING:
    from newstui.model import FeedRow
    from newstui.tui.screens.feed_removal import SourceMeant
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.sources import SourcesPane


@dataclass(eq=False, repr=False)
class FeedMoved(Message):
    """A moved feed followed, or refused (`refused`): the line saying which, and the config
    file read again."""

    line: str
    config: Config
    refused: bool


class FeedMoving(ScreenMixin):
    """Follow a moved feed (`M` in Sources)."""

    # Provided by MainScreen.
    config: Config | None
    db_path: Path | str
    sources: SourcesPane
    headlines: HeadlineList

    if TYPE_CHECKING:

        def selected_source(self) -> tuple[FeedRow, SourceMeant] | None: ...

    def action_follow_moved(self) -> None:
        """Follow the move of the feed highlighted in Sources (elsewhere: the listed feed's,
        else the selected article's), when its last fetch was moved for good."""
        if self.config is None:
            self.notify("demo mode: feeds cannot be moved", severity="warning")
            return
        selected = self.selected_source()
        if selected is None or not selected[0].moved_to:
            self.notify(
                "Choose a feed Sources marks · moved first (its last fetch was moved for good).",
                severity="warning",
            )
            return
        self._follow(selected[0].id, self.config)

    @work(thread=True, group="write", exit_on_error=False)
    def _follow(self, feed_id: int, config: Config) -> None:
        from newstui.config import load_config
        from newstui.errors import NewstuiError
        from newstui.ingest.moved_feeds import follow_moves
        from newstui.library import Library

        try:
            with Library.open(self.db_path, threads=True) as library:
                moves = follow_moves(library, config, {feed_id})
        except NewstuiError:
            raise
        except Exception as exc:
            raise NewstuiError(f"could not follow the move: {exc}") from exc
        if not moves:
            line, refused = "That feed's move is followed already.", False
        else:
            line, refused = moves[0].line, bool(moves[0].refused)
        self.post_message(FeedMoved(line, load_config(config.path), refused))

    def _on_feed_moved(self, message: FeedMoved) -> None:
        self.config = message.config
        self.notify(
            message.line, severity="warning" if message.refused else "information", markup=False
        )
        self.sources.reload()
        self.headlines.reload()
