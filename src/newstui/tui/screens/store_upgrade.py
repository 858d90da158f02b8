"""What the app shows while it upgrades the store at its first start after a new version (every
story sketched again: ~50 s for 20,000 articles), before anything of the store is shown."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from newstui.counts import counted


class StoreUpgradeScreen(Screen[None]):
    """ "Upgrading the store: N articles…" (or waiting for another newstui's upgrade of it), a
    spinner, and how to quit meanwhile."""

    DEFAULT_CSS = """
    StoreUpgradeScreen {
        align: center middle;
    }
    StoreUpgradeScreen > #upgrade-box {
        width: 64;
        max-width: 95%;
        height: auto;
        border: round $accent;
        padding: 1 2;
    }
    StoreUpgradeScreen #upgrade-hint {
        color: $text-muted;
        margin-top: 1;
    }
    StoreUpgradeScreen LoadingIndicator {
        height: 1;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit", "Quit", id="upgrade.quit"),
    ]

    def __init__(self, articles: int, *, waiting: bool = False) -> None:
        super().__init__()
        self.articles = articles
        self.waiting = waiting  # another newstui makes the upgrade, this one waits for it

    def compose(self) -> ComposeResult:
        with Vertical(id="upgrade-box") as box:
            box.border_title = "newstui"
            yield Static(self._what(), id="upgrade-what")
            yield LoadingIndicator()
            yield Static(self._hint(), id="upgrade-hint")

    def waiting_for_another(self) -> None:
        """Say that another newstui is making the upgrade, which this one waits for."""
        self.waiting = True
        self.query_one("#upgrade-what", Static).update(self._what())
        self.query_one("#upgrade-hint", Static).update(self._hint())

    def _hint(self) -> str:
        """Why it takes a while, and what quitting does (where the upgrade goes on)."""
        goes_on = (
            "the other newstui goes on with it" if self.waiting else "it goes on at the next start"
        )
        return (
            "This version keeps them differently; it happens once and takes a while for a large "
            f"store. q quits: {goes_on}."
        )

    def _what(self) -> str:
        """What is under way, in words."""
        articles = counted(self.articles, "article")
        if self.waiting:
            return f"Waiting for the upgrade of the store another newstui is making: {articles}…"
        return f"Upgrading the store: {articles}…"
