"""The right sidebar: the open article's entities (grouped, with mention counts) and quotes.

Labels use the theme's text colours only: a highlighted row's background is the theme's cursor
colour, and no fixed colour reads on both it and the pane.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.theme import Theme
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newstui.render import other_language_note
from newstui.text import one_width, terminal_safe
from newstui.tui.key_bindings import bound
from newstui.tui.theme_colours import (
    KIND_ATTRIBUTES,
    entity_name_colours,
    heading_text,
    monochrome,
    muted_colour,
    sixteen_colours,
)
from newstui.tui.view import follow_query
from newstui.tui.widgets.entity_label import EntityLabel
from newstui.tui.widgets.pane_list import PaneList

if TYPE_CHECKING:  # imported by `build`, after the first screen (Textual's tabs are ~6 ms)
    from collections.abc import Sequence

    from textual.color import Color
    from textual.widget import Widget
    from textual.widgets import TabbedContent

    from newstui.model import ArticleDetail

ENTITY_GROUPS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "PLACE": "Places",
    "GROUP": "Groups",
}


def _notice(text: str, style: str = "") -> Option:
    return Option(Text(one_width(terminal_safe(text)), style=style), disabled=True)


FOLLOW_FIELDS = {
    "PERSON": "person",
    "ORG": "org",
    "PLACE": "place",
    "GROUP": "group",
    "NORP": "group",
}


class SidebarList(PaneList):
    """A sidebar tab's list: its footer offers Enter (PaneList's `list.choose`, not shown in
    the footer elsewhere), which lists the articles of the entity or the quote's speaker
    highlighted (it was only in `?` help: user test r38 L11)."""

    CHOOSE_IN_FOOTER: ClassVar[str] = "Articles"  # (widgets.key_footer shows it so)


class Sidebar(Vertical):
    """Two tabs; choosing an entity or a quote's speaker asks the app for a filtered view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bound("sidebar.follow", "follow"),
        bound("sidebar.speaker_quotes", "who_said_what"),
    ]

    DEFAULT_CSS = """
    Sidebar {
        border-left: vkey $foreground 20%;
    }
    Sidebar TabbedContent, Sidebar TabPane {
        height: 1fr;
    }
    Sidebar TabPane {
        padding: 0;
    }
    Sidebar OptionList, Sidebar OptionList:focus {
        height: 1fr;
        border: none;
        padding: 0;
        background: $surface;
    }
    /* Readable on light themes too: Textual's defaults are below 4.5:1 on textual-light. */
    Sidebar Tab {
        color: $text-muted;
    }
    Sidebar Tab.-active, Sidebar Tab:hover {
        color: $foreground;
    }
    """

    @dataclass(eq=False, repr=False)
    class EntityChosen(Message):
        """Show every article mentioning this entity (`query`: the same as a query)."""

        entity_id: int
        name: str
        query: str | None = None

    @dataclass(eq=False, repr=False)
    class FollowRequested(Message):
        """Follow an entity or speaker: save `query` as a view named `name`."""

        name: str
        query: str

    @dataclass(eq=False, repr=False)
    class QuotesRequested(Message):
        """List every quote of this speaker (who said what); `kind`: the type of the entity the
        speaker is (an organisation or group speaks too), PERSON when unknown."""

        speaker: str
        kind: str = "PERSON"

    @dataclass(eq=False, repr=False)
    class SpeakerChosen(Message):
        """Show this speaker's quotes across all articles."""

        speaker: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entities = SidebarList(_notice("No article selected"), id="entity-list")
        self._quotes = SidebarList(_notice("No article selected"), id="quote-list")
        self._tabs: TabbedContent | None = None  # built after the first screen (`build`)
        self._tab = "entities"  # the tab to show
        self._entity_names: dict[str, tuple[int, str]] = {}
        self._entity_types: dict[str, str] = {}
        self._speakers: dict[str, str | None] = {}
        self._detail: ArticleDetail | None = None
        self._not_analysed = "Analysing…"  # (see show)
        self._message = "No article selected"

    def build(self) -> None:
        """Add the tabs. The main screen calls this once the headlines are painted: the sidebar
        has nothing to show before an article is read, and its tabs were a sixth of the work
        done before the first paint."""
        if self._tabs is not None:
            return
        from textual.widgets import TabbedContent, TabPane

        # The first tab needs no `initial`: Textual's tabs then fall back to their first tab,
        # where a named one raises if the tabs are gone before they mount (an app quit at start
        # on a busy machine: seen once in the suite under load 16).
        initial = "" if self._tab == "entities" else f"{self._tab}-tab"
        self._tabs = TabbedContent(initial=initial)
        # what `with TabPane(…):` inside a compose does
        self._tabs.compose_add_child(TabPane("Entities", self._entities, id="entities-tab"))
        self._tabs.compose_add_child(TabPane("Quotes", self._quotes, id="quotes-tab"))
        self.mount(self._tabs)
        self.call_after_refresh(self._theme_changed, self.app.current_theme)

    @property
    def built(self) -> bool:
        """Whether the tabs are there (see `build`)."""
        return self._tabs is not None

    def action_follow(self) -> None:
        """Follow the highlighted entity or quote's speaker (a saved view with its count)."""
        option = self.active_list.highlighted_option
        key = option.id or "" if option is not None else ""
        if key in self._entity_names:
            name = self._entity_names[key][1]
            field = FOLLOW_FIELDS.get(self._entity_types.get(key, ""))
            if field is None:
                self.app.notify(
                    f"Cannot follow {name}: not a person, organisation, place or group.",
                    severity="warning",
                    markup=False,
                )
                return
            self.post_message(self.FollowRequested(name, follow_query(field, name)))
        elif self._speakers.get(key):
            speaker = self._speakers[key] or ""
            self.post_message(
                self.FollowRequested(f"Quoting {speaker}", follow_query("speaker", speaker))
            )
        else:
            self.app.notify(
                "Highlight an entity or a quote with a speaker to follow.", severity="warning"
            )

    def action_who_said_what(self) -> None:
        """Every quote of the highlighted entity (a person, organisation or group) or of the
        highlighted quote's speaker."""
        option = self.active_list.highlighted_option
        key = option.id or "" if option is not None else ""
        if key in self._entity_names:
            kind = self._entity_types.get(key, "PERSON")
            self.post_message(self.QuotesRequested(self._entity_names[key][1], kind))
            return
        speaker = self._speakers.get(key)
        if not speaker:
            self.app.notify(
                "Highlight an entity, or a quote with a named speaker, to see their quotes.",
                severity="warning",
            )
            return
        self.post_message(self.QuotesRequested(speaker, self.speaker_kind(speaker)))

    def speaker_kind(self, speaker: str) -> str:
        """The type of the article's entity named like the speaker ("Syrian army": GROUP);
        PERSON when none is."""
        wanted = speaker.casefold()
        for key, (_, name) in self._entity_names.items():
            if name.casefold() == wanted:
                return self._entity_types.get(key, "PERSON")
        return "PERSON"

    @property
    def active_list(self) -> OptionList:
        """The option list of the visible tab."""
        return self._quotes if self._tab == "quotes" else self._entities

    def show_tab(self, name: str) -> None:
        """Switch to "entities" or "quotes"."""
        self._tab = name
        if self._tabs is not None:
            self._tabs.active = f"{name}-tab"

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab was chosen (the handler goes by name: the class is imported only by `build`)."""
        if event.pane.id is not None:  # a click on a tab
            self._tab = event.pane.id.removesuffix("-tab")
        # A click gives the tab bar the focus, where j/k/Enter do nothing: the keys go to the
        # chosen tab's list, as after `1`/`2`. Only from the tab bar itself: a tab changed by a
        # key or by the screen leaves the focus where it is.
        focused = self.screen.focused
        if focused is not None and focused is self._tabs_bar():
            self.active_list.focus()

    def _tabs_bar(self) -> Widget | None:
        """The bar of tab labels (a click focuses it)."""
        if self._tabs is None:
            return None
        from textual.widgets import Tabs

        bars = self._tabs.query(Tabs)
        return bars.first() if bars else None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if self._tabs is None:  # filled when built, in the theme's colours
            return
        if self._detail is not None:
            self.show(self._detail, self._not_analysed)
        else:
            self.show_message(self._message)

    @property
    def _entities_background(self) -> Color:
        return self._entities.background_colors[1]

    @property
    def _muted(self) -> str:
        return muted_colour(self._entities_background).hex

    def show(self, detail: ArticleDetail, not_analysed: str = "Analysing…") -> None:
        """Fill both tabs from one article's analysis; `not_analysed`: what they say of an
        article not analysed yet (the screen knows whether an analysis is under way)."""
        self._detail = detail
        self._not_analysed = not_analysed
        if self._tabs is None:
            return
        muted = self._muted
        entity_options: list[Option | None] = []
        self._entity_names = {}
        by_type: dict[str, list] = {}
        for row in detail.entities:
            by_type.setdefault(row.type, []).append(row)
        order = [*ENTITY_GROUPS, *sorted(set(by_type) - set(ENTITY_GROUPS))]
        # in greys, each heading takes its kind's attribute in the reader (a legend), in
        # capitals; on 16 colours, each name its kind's colour there
        greys = monochrome(self.app)
        heading_style = f"italic {muted}"
        names: dict[str, str] = {}
        if not greys and sixteen_colours(self.app):
            names = entity_name_colours(self.app.current_theme.dark, self._entities_background)
        for etype in order:
            rows = by_type.get(etype)
            if not rows:
                continue
            heading = f"{ENTITY_GROUPS.get(etype, terminal_safe(etype, line=True))} ({len(rows)})"
            if greys:
                heading_style = f"{KIND_ATTRIBUTES.get(etype, 'bold')} {muted}"
            entity_options.append(_notice(heading_text(heading, greys), heading_style))
            for row in sorted(rows, key=lambda r: (-r.mentions, r.name.casefold())):
                name = one_width(terminal_safe(row.name, line=True))  # 🛰️ as 🛰: one width
                label = EntityLabel(Text(name, style=names.get(row.type, "")), row.mentions)
                key = f"entity:{row.id}"
                self._entity_names[key] = (row.id, row.name)
                self._entity_types[key] = row.type
                entity_options.append(Option(label, id=key))
        # (an article just fetched is analysed in the background: not "none found" yet)
        waiting = not_analysed if not detail.analysed else None
        if not entity_options:
            entity_options = [_notice(waiting or "No entities found", muted)]
        quote_options: list[Option | None] = []
        self._speakers = {}
        for i, quote in enumerate(detail.analysis.quotes):
            if i:
                quote_options.append(None)  # a rule between two quotes (they ran together)
            quote_label = Text(f"“{one_width(terminal_safe(quote.text))}”", style="italic")
            speaker = one_width(terminal_safe(quote.speaker, line=True)) or "unknown speaker"
            quote_label.append(f"\n— {speaker}", style="bold")
            key = f"quote:{i}"
            self._speakers[key] = quote.speaker
            quote_options.append(Option(quote_label, id=key))
        if not quote_options:
            quote_options = [_notice(waiting or "No quotes found", muted)]
        if detail.reads_as == "other":  # why so few are found, above what is
            note = other_language_note(detail.article)
            entity_options[:0] = [_notice(note, muted), None]
            quote_options[:0] = [_notice(note, muted), None]
        self._replace(self._entities, entity_options, keep=self._highlighted_id(self._entities))
        self._replace(self._quotes, quote_options)

    def show_message(self, message: str) -> None:
        """Empty both tabs with a notice."""
        self._detail = None
        self._message = message
        if self._tabs is None:
            return
        muted = self._muted
        self._replace(self._entities, [_notice(message, muted)])
        self._replace(self._quotes, [_notice(message, muted)])

    @staticmethod
    def _highlighted_id(option_list: OptionList) -> str | None:
        option = option_list.highlighted_option
        return option.id if option is not None else None

    @staticmethod
    def _replace(
        option_list: OptionList, options: Sequence[Option | None], keep: str | None = None
    ) -> None:
        """Show these options (None: a rule under the option before), the option whose id is
        `keep` highlighted when it is among them (the entity just chosen, which the filtered
        list's article mentions too), else the first that can be chosen."""
        option_list.clear_options()
        option_list.add_options(options)
        listed = [o for o in options if o is not None]  # (the list's indices skip the rules)
        enabled = [i for i, o in enumerate(listed) if not o.disabled]
        kept = [i for i in enabled if keep is not None and listed[i].id == keep]
        option_list.highlighted = (kept or enabled)[0] if enabled else None

    def highlighted_choice(self) -> EntityChosen | SpeakerChosen | None:
        """What choosing the highlighted entity or quote asks for (None: nothing to list)."""
        option = self.active_list.highlighted_option
        return self._choice(option.id or "") if option is not None else None

    def _choice(self, key: str) -> EntityChosen | SpeakerChosen | None:
        found = self._entity_names.get(key)
        if found:
            field = FOLLOW_FIELDS.get(self._entity_types.get(key, ""))
            query = follow_query(field, found[1]) if field else None
            return self.EntityChosen(*found, query)
        speaker = self._speakers.get(key)
        return self.SpeakerChosen(speaker) if speaker else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id or ""
        choice = self._choice(key)
        if choice is not None:
            self.post_message(choice)
        elif key in self._speakers:
            self.notify("This quote has no named speaker.", severity="warning")
