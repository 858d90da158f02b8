"""Who said what: one speaker's quotes, newest first, each with its article, source and date; a
quote the versions of one story carry listed once, as the headlines list a story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newstui.counts import counted
from newstui.headline_fields import UNDATED, shown_date
from newstui.text import terminal_safe
from newstui.tui.screens.keyed_box import KeyedBox
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.widgets.pane_list import PaneList
from newstui.tui.worker_errors import ReportsWorkerErrors

if TYPE_CHECKING:
    from newstui.model import QuoteRow

MAX_QUOTES = 500
BOX_SHARE = 0.9  # the most of the screen's height the box takes


@dataclass(frozen=True)
class ChosenQuote:
    """The quote chosen in the box: its article, and whether its story's versions were asked
    for (`V`) rather than the article."""

    article_id: int
    versions: bool = False


class SpeakerQuotesScreen(ReportsWorkerErrors, KeyedBox[ChosenQuote | None]):
    """Lists the quotes; Enter returns the chosen quote's article, `V` its story's versions,
    Esc returns None."""

    DEFAULT_CSS = """
    SpeakerQuotesScreen {
        align: center middle;
    }
    SpeakerQuotesScreen #quotes-box {
        width: 110;
        max-width: 100%;
        height: auto;
        max-height: 90%;  /* BOX_SHARE */
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    SpeakerQuotesScreen #quotes-summary {
        color: $text-muted;
    }
    SpeakerQuotesScreen PaneList {
        height: auto;
        border: none;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="speaker_quotes.close"),
        Binding(
            "V",
            "versions",
            "Versions",
            id="speaker_quotes.versions",
            tooltip="The other feeds' versions of the quote's story (its headlines' V)",
        ),
    ]

    class _Loaded(Message, bubble=False):
        def __init__(self, rows: list[QuoteRow], total: int, stories: int) -> None:
            super().__init__()
            self.rows = rows
            self.total = total  # all the speaker's quotes, listed or not, a story's once
            self.stories = stories  # … and the stories they are in

    def __init__(self, library: SharedLibrary, speaker: str, kind: str = "PERSON") -> None:
        super().__init__()
        self._library = library
        self._speaker = speaker
        self._kind = kind  # the speaker's entity type: its quotes are found by that entity too
        self._articles: dict[str, int] = {}
        self._with_copies: set[str] = set()  # the options of quotes other versions carry

    def compose(self) -> ComposeResult:
        with Vertical(id="quotes-box") as box:
            box.border_title = self._title()
            box.border_subtitle = (
                f"Enter: the article · {self.keys_shown('speaker_quotes.versions')}: versions · "
                f"{self.keys_shown('speaker_quotes.close')}: close"
            )
            yield Static("Loading…", id="quotes-summary", markup=False)
            yield PaneList(id="speaker-quotes")

    def _title(self, total: int | None = None) -> str:
        """The box's title: whose quotes, and how many there are in all once counted."""
        title = f"Who said what: {terminal_safe(self._speaker, line=True)}"
        return title if total is None else f"{title} — {counted(total, 'quote')}"

    def on_mount(self) -> None:
        self.query_one(PaneList).focus()
        self.load()

    def on_resize(self) -> None:
        """The box is as tall as its quotes, up to 90% of the screen: past that the list
        scrolls (the box's borders and the summary line take 3 lines)."""
        self.query_one(PaneList).styles.max_height = max(int(self.size.height * BOX_SHARE) - 3, 3)

    @work(thread=True, group="speaker-quotes", exclusive=True, exit_on_error=False)
    def load(self) -> None:
        """Read the speaker's quotes (full name, surname or its entity) in a worker thread."""
        from newstui.nlp import query_keys  # imported when needed: the first screen is sooner

        keys = query_keys(self._speaker, self._kind)
        with self._library.borrow() as library:
            rows = library.quotes(speaker=self._speaker, speaker_keys=keys, limit=MAX_QUOTES)
            if len(rows) < MAX_QUOTES:
                total, stories = len(rows), len({row.story for row in rows})
            else:
                total, stories = library.count_quotes(speaker=self._speaker, speaker_keys=keys)
        self.post_message(self._Loaded(rows, total, stories))

    @on(_Loaded)
    def _fill(self, message: _Loaded) -> None:
        rows = message.rows
        summary = (
            f"{counted(message.total, 'quote')} in {counted(message.stories, 'story', 'stories')}"
        )
        if copies := sum(row.copies for row in rows):
            summary += f" (and {counted(copies, 'copy', 'copies')} in other feeds: V)"
        if len(rows) < message.total:
            summary += f"; the newest {len(rows):,} listed"
        self.query_one("#quotes-summary", Static).update(summary)
        self.query_one("#quotes-box").border_title = self._title(message.total)
        options = []
        self._articles = {}
        self._with_copies = set()
        for i, row in enumerate(rows):
            label = Text(f"“{terminal_safe(row.shown_text)}”", style="italic")
            day = shown_date(row.listed_date, 0, 10, date_only=row.listed_date_only)
            label.append(f"\n{day or UNDATED}  ", style="bold")
            label.append(
                f"{terminal_safe(row.feed, line=True)} — "
                f"{terminal_safe(row.article_title, line=True)}",
                style="dim",
            )
            if row.copies:  # (the headlines' "also in": the other feeds carrying the story)
                label.append(f"  also in {row.copies}", style="bold")
                self._with_copies.add(f"q{i}")
            self._articles[f"q{i}"] = row.article_id
            options.append(Option(label, id=f"q{i}"))
        quotes = self.query_one(PaneList)
        quotes.clear_options()
        quotes.add_options(options or [Option(Text("No quotes found"), disabled=True)])
        quotes.highlighted = 0 if options else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        article_id = self._articles.get(event.option.id or "")
        if article_id is not None:
            self.dismiss(ChosenQuote(article_id))

    def action_versions(self) -> None:
        """`V`: the other feeds' versions of the highlighted quote's story, as the headlines'
        `V` lists them; a quote no other version carries says so."""
        quotes = self.query_one(PaneList)
        if quotes.highlighted is None:
            return
        option = quotes.get_option_at_index(quotes.highlighted).id or ""
        article_id = self._articles.get(option)
        if article_id is None:
            return
        if option not in self._with_copies:
            self.notify("No other feed carried this quote.", severity="warning")
            return
        self.dismiss(ChosenQuote(article_id, versions=True))

    def action_leave_list(self) -> None:
        """h/Esc in the list (its binding runs the screen's action): close."""
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
