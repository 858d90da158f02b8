"""The reader pane: the selected article's full text with quotes and entity mentions marked."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.theme import Theme

from newstui.model import carries_full_article
from newstui.render import Palette, one_width_text, render_article_text
from newstui.text import one_width, terminal_safe
from newstui.tui.key_bindings import bound
from newstui.tui.reader_find import find_spans, line_of, outside
from newstui.tui.theme_colours import monochrome, reader_palette, sixteen_colours
from newstui.tui.widgets.reader_body import NoRelayout, ReaderBody, common_prefix_length

if TYPE_CHECKING:
    from textual.notifications import Notification

    from newstui.model import ArticleDetail


class Reader(NoRelayout, VerticalScroll, can_focus=True):
    """Shows one article; scrolls by line or page. Text is always a `Text`, never markup."""

    DEFAULT_CSS = """
    Reader {
        border-top: hkey $foreground 20%;
        scrollbar-size-vertical: 1;
    }
    Reader:focus {
        border-top: hkey $accent;
    }
    Reader > #reader-body {
        width: 100%;
        height: auto;
        padding: 0 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bound("reader.scroll_down", "scroll_down", show=False),
        bound("reader.scroll_up", "scroll_up", show=False),
        bound("reader.top", "scroll_home", show=False),
        bound("reader.bottom", "scroll_end", show=False),
        # on the screen: it moves the focus at once, so a key typed right after it goes to the
        # headlines (a message would arrive after that key was already given to the reader)
        bound("reader.back", "screen.leave_reader"),
        bound("reader.find", "find"),
        bound("reader.find_next", "find_next(1)", show=False),
        bound("reader.find_previous", "find_next(-1)", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_id: int | None = None
        self._detail: ArticleDetail | None = None
        self._message = "No article selected"
        self._body = ReaderBody(id="reader-body")
        self.show_speakers = True  # the "[—Speaker]" tags after quotes (colours stay either way)
        self.find_text = ""  # words being looked for with `/` in the reader
        self.find_index = 0  # which match is the current one
        self.find_matches = 0
        self._find_notice: Notification | None = None  # the last "Match 2/6"
        self._text = Text()
        self._tags: list[tuple[int, int]] = []  # where the speaker tags are in _text
        self._line_width = 0  # the width the article's link was cut to (0: not cut)

    def compose(self) -> ComposeResult:
        yield self._body

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._redraw()

    def _theme_changed(self, theme: Theme) -> None:
        self._redraw()

    @property
    def article_palette(self) -> Palette:
        """Colours for the current theme, readable on this pane's background."""
        sixteen, greys = sixteen_colours(self.app), monochrome(self.app)
        return reader_palette(
            self.app.current_theme.dark, self.background_colors[1], sixteen, greys
        )

    def show(self, detail: ArticleDetail) -> None:
        """Display an article with its analysis, from the top."""
        same = detail.article.row.id == self.article_id
        self.article_id = detail.article.row.id
        self._detail = detail
        if not same:
            self.find_text = ""  # a search belongs to the article it was made in
        self._redraw()
        if not same:
            self.scroll_home(animate=False, immediate=True)

    def show_downloads(self, detail: ArticleDetail) -> None:
        """The article shown, its downloads' states changed (under its enclosures, at the end):
        only its lines from the first that changed are laid out again (every percent of a
        download re-wrapped a long article whole). Another article is shown as `show` does."""
        if self._detail is None or detail.article.row.id != self.article_id:
            self.show(detail)
            return
        self._detail = detail
        self._redraw(keep_same_lines=True)

    def toggle_speakers(self) -> bool:
        """Show or hide the speaker tags; returns whether they are shown now."""
        self.show_speakers = not self.show_speakers
        self._redraw()
        return self.show_speakers

    def show_message(self, message: str) -> None:
        """Replace the article with a short notice (empty view, missing article)."""
        self.article_id = None
        self._detail = None
        self._message = message
        self._redraw()
        self.scroll_home(animate=False, immediate=True)

    def _text_width(self) -> int:
        """Cells in a line of the article: the pane less the text's padding and the room of a
        scrollbar, shown or not (0 before the first layout)."""
        room = self._body.styles.padding.width + self.styles.scrollbar_size_vertical
        return max(self.content_region.width - room, 0)

    def on_resize(self) -> None:
        self._rewrap()
        self.call_after_refresh(self._rewrap)  # (the text's padding may be laid out only then)

    def _rewrap(self) -> None:
        if self._detail is not None and self._text_width() != self._line_width:
            self._redraw()  # the link under the byline is broken for the new width

    def _redraw(self, keep_same_lines: bool = False) -> None:
        """Draw the article (or the message) again; `keep_same_lines`: only the article's
        downloads changed, so its lines before the first changed character are kept (the
        text is rendered as before: the same characters have the same styles)."""
        palette = self.article_palette
        detail = self._detail
        if detail is None:
            self._body.update(Text(terminal_safe(self._message), style=palette.meta))
            return
        width = self._line_width = self._text_width()
        text = render_article_text(
            detail.article,
            detail.analysis,
            palette,
            speakers=self.show_speakers,
            downloads=detail.downloads,
            # a long link whole, on the lines it needs, broken after its / ? & = where it can
            fit_link=(lambda link: wrap_link(link, width)) if width else None,
            reads_as=detail.reads_as,
            width=width or None,
        )
        others = detail.other_feeds()
        if others:  # one story once: the same text from other feeds, one key (V) away
            feeds = ", ".join(dict.fromkeys(terminal_safe(name, line=True) for name in others))
            text = Text.assemble((f"Also in: {feeds}  (V: every version)\n\n", palette.meta), text)
        stored = detail.article
        failed = stored.fulltext_status == "failed" and stored.fulltext_error
        if failed and not carries_full_article(stored.text):  # nothing is missing otherwise
            error = terminal_safe(stored.fulltext_error or "", line=True)
            text.append(f"\nFull text not available: {error}\n", palette.meta)
        elif not (stored.text or stored.summary).strip():
            text.append(
                "(this article has no text; press f to fetch the full page)\n", palette.meta
            )
        text = one_width_text(text)  # 🛰️ drawn 🛰: one width in every terminal
        before, self._text = self._text, text
        # the speaker tags drawn after quotes are not the article's words: not found in them
        self._tags = [
            (span.start, span.end) for span in text.spans if span.style == palette.speaker
        ]
        same_until = common_prefix_length(before.plain, text.plain) if keep_same_lines else 0
        # (the tags are drawn, not copied: a mouse copy gives the article's words)
        self._body.update(text, same_until, unsaid=sorted(self._tags))
        self._mark_matches()

    def _mark_matches(self) -> None:
        """Find the words looked for in the text shown and mark them (the current one bold)."""
        spans = self._matches()
        self.find_matches = len(spans)
        if spans:
            self.find_index %= len(spans)
        self._body.mark(
            [
                (start, end, "reverse bold" if i == self.find_index else "reverse")
                for i, (start, end) in enumerate(spans)
            ]
        )

    def find(self, words: str) -> int:
        """Highlight `words` in the article and scroll to the first; returns how many matched."""
        self.find_text = words
        self.find_index = 0
        self._mark_matches()
        self._scroll_to_match()
        return self.find_matches

    def action_find(self) -> None:
        from newstui.tui.screens.command_prompt import CommandScreen
        from newstui.tui.screens.keyed_box import key_in_effect

        def chosen(words: str | None) -> None:
            count = self.find(words or "")
            if words and not count:
                self.notify(f"Not in this article: {words}", severity="warning", markup=False)
            elif words:
                self._say_match(f". {moves}: next / previous")

        # the keys in effect (they said n / N whatever the user's keys)
        moves = f"{key_in_effect(self, 'reader.find_next')} / {key_in_effect(self, 'reader.find_previous')}"
        hint = f"Enter: find in this article ({moves}: next / previous). Esc: cancel"
        self.app.push_screen(
            CommandScreen("Find in the article", hint, self.find_text, "words to find"), chosen
        )

    def action_find_next(self, step: int) -> None:
        if not self.find_matches:
            # without a search, n keeps meaning "next unread", N newsboat's toggle-article-read
            action = "screen.next_unread(1)" if step > 0 else "app.main('toggle_read')"
            self.call_next(self.run_action, action)
            return
        self.find_index = (self.find_index + step) % self.find_matches
        self._mark_matches()
        self._scroll_to_match()
        self._say_match()

    def _say_match(self, more: str = "") -> None:
        """Which match is shown, of how many ("Match 2/6"), in place of the one said before
        (user test r41 L10: "6 matches" never said which one `n` had reached)."""
        from newstui.tui.notices import replace_notice

        said = f"Match {self.find_index + 1}/{self.find_matches}{more}"
        self._find_notice = replace_notice(self.app, self._find_notice, said)

    def _matches(self) -> list[tuple[int, int]]:
        """Where the words looked for are in the article, outside the speaker tags."""
        return outside(find_spans(self._text.plain, one_width(self.find_text)), self._tags)

    def _scroll_to_match(self) -> None:
        spans = self._matches()
        if not spans:
            return
        start, _ = spans[self.find_index]
        if self._body.content_size.width > 0:  # (the lines as drawn, wrapped once)
            line = self._body.line_at(start)
        else:
            line = line_of(self._text, start, self.size.width - 4, self.app.console)
        self.scroll_to(y=max(line - 3, 0), animate=False)

    # A scroll waits for the next frame by default, and the next key reads the position from
    # before it: a held j or space (a burst of keys) scrolled once a frame, not once a key.
    def page(self, direction: int) -> None:
        """Scroll one page down (1) or up (-1)."""
        height = self.scrollable_content_region.height
        self.scroll_to(y=self.scroll_y + direction * height, animate=False, immediate=True)

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False, immediate=True)


LINK_BREAKS = "/?&=#-_.,;+"  # a long link breaks after one of these where it can


def wrap_link(link: str, width: int) -> str:
    """A link longer than `width` cells on as many lines as it needs, each line broken after a
    separator (/ ? & = …) when one is in its second half, else at the width: all of it can be
    read and copied (it was cut in the middle with "…")."""
    lines: list[str] = []
    begin, left = 0, cell_len(link)  # where the rest starts, and its cells (counted once)
    while left > width > 0:
        cut, cells = begin, 0
        while cut < len(link) and cells + cell_len(link[cut]) <= width:
            cells += cell_len(link[cut])
            cut += 1
        cut = max(cut, begin + 1)  # a character wider than the line still moves on
        after = max(link.rfind(mark, begin, cut) for mark in LINK_BREAKS) + 1
        if after - begin > (cut - begin) // 2:
            cut = after
        lines.append(link[begin:cut])
        left -= cell_len(lines[-1])
        begin = cut
    lines.append(link[begin:])
    return "\n".join(lines)
