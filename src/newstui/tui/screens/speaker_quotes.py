"""Who said what: one speaker's quotes, newest first, each with its article, source and date; a
quote the versions of one story carry listed once, as the headlines list a story. Read a page
at a time: the next page is read as the cursor nears the end of those listed, so every quote can
be reached (round 54 listed the newest 500 only) without reading thousands at once."""

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

MAX_QUOTES = 500  # quotes read a page
MORE_AHEAD = 20  # the next page is read once the cursor is this many quotes from the last listed
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
        def __init__(
            self, rows: list[QuoteRow], total: int, stories: int, more: bool = False
        ) -> None:
            super().__init__()
            self.rows = rows
            self.total = total  # all the speaker's quotes, listed or not, a story's once
            self.stories = stories  # … and the stories they are in
            self.more = more  # a page after those listed (appended), not the first

    def __init__(self, library: SharedLibrary, speaker: str, kind: str = "PERSON") -> None:
        super().__init__()
        self._library = library
        self._speaker = speaker
        self._kind = kind  # the speaker's entity type: its quotes are found by that entity too
        self._articles: dict[str, int] = {}
        self._with_copies: set[str] = set()  # the options of quotes other versions carry
        self._rows: list[QuoteRow] = []  # the quotes listed, pages read so far
        self._total = self._stories = self._copies = 0
        self._reading_more = False  # a next page is being read

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
        """Read the speaker's newest quotes (full name, surname or its entity), a page, and how
        many there are, in a worker thread."""
        keys = self._keys()
        with self._library.borrow() as library:
            rows = library.quotes(speaker=self._speaker, speaker_keys=keys, limit=MAX_QUOTES)
            if len(rows) < MAX_QUOTES:
                total, stories = len(rows), len({row.story for row in rows})
            else:
                total, stories = library.count_quotes(speaker=self._speaker, speaker_keys=keys)
        self.post_message(self._Loaded(rows, total, stories))

    def _keys(self) -> tuple[str, ...]:
        from newstui.nlp import query_keys  # imported when needed: the first screen is sooner

        return query_keys(self._speaker, self._kind)

    @work(thread=True, group="speaker-quotes-more", exit_on_error=False)
    def _read_more(self, after: QuoteRow) -> None:
        """The page of quotes after `after`, the last listed."""
        keys = self._keys()
        with self._library.borrow() as library:
            rows = library.quotes(
                speaker=self._speaker, speaker_keys=keys, limit=MAX_QUOTES, after=after
            )
        self.post_message(self._Loaded(rows, self._total, self._stories, more=True))

    def _more_wanted(self) -> None:
        """Read the next page when the cursor nears the end of the quotes listed."""
        quotes = self.query_one(PaneList)
        listed = len(self._rows)
        if (
            self._reading_more
            or not self._rows
            or listed >= self._total
            or quotes.highlighted is None
            or quotes.highlighted < listed - 1 - MORE_AHEAD
        ):
            return
        self._reading_more = True
        self._read_more(self._rows[-1])

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._more_wanted()

    def _summary(self) -> str:
        """How many quotes in how many stories, and how many of them are listed so far."""
        summary = f"{counted(self._total, 'quote')} in {counted(self._stories, 'story', 'stories')}"
        if self._copies:
            summary += f" (and {counted(self._copies, 'copy', 'copies')} in other feeds: V)"
        if len(self._rows) < self._total:
            summary += f"; the newest {len(self._rows):,} listed, more as you go down"
        return summary

    @on(_Loaded)
    def _fill(self, message: _Loaded) -> None:
        rows = message.rows
        quotes = self.query_one(PaneList)
        if message.more:
            self._reading_more = False
            if not rows:  # (fewer than counted: some went with their articles meanwhile)
                self._total = len(self._rows)
        else:
            self._rows, self._articles, self._with_copies = [], {}, set()
            self._total, self._stories, self._copies = message.total, message.stories, 0
        first = len(self._rows)
        self._rows += rows
        self._copies += sum(row.copies for row in rows)
        self.query_one("#quotes-summary", Static).update(self._summary())
        self.query_one("#quotes-box").border_title = self._title(self._total)
        options = [self._option(first + i, row) for i, row in enumerate(rows)]
        if message.more:
            quotes.add_options(options)
            self._more_wanted()  # (`G` went to the last of the page: on to the next)
            return
        quotes.clear_options()
        quotes.add_options(options or [Option(Text("No quotes found"), disabled=True)])
        quotes.highlighted = 0 if options else None

    def _option(self, index: int, row: QuoteRow) -> Option:
        """A quote's entry: its words, then its date, feed and article."""
        label = Text(f"“{terminal_safe(row.shown_text)}”", style="italic")
        day = shown_date(row.listed_date, 0, 10, date_only=row.listed_date_only)
        label.append(f"\n{day or UNDATED}  ", style="bold")
        label.append(
            f"{terminal_safe(row.feed, line=True)} — {terminal_safe(row.article_title, line=True)}",
            style="dim",
        )
        if row.copies:  # (the headlines' "also in": the other feeds carrying the story)
            label.append(f"  also in {row.copies}", style="bold")
            self._with_copies.add(f"q{index}")
        self._articles[f"q{index}"] = row.article_id
        return Option(label, id=f"q{index}")

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
