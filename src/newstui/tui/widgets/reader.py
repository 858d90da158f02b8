"""The reader pane: the selected article's full text with quotes and entity mentions marked."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from newstui.render import render_article_text
from newstui.store.views import ArticleDetail


class Reader(VerticalScroll, can_focus=True):
    """Shows one article; scrolls by line or page. Text is always a `Text`, never markup."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("h,escape", "back", "Back"),
    ]

    class Back(Message):
        """The user asked to go back to the headlines."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_id: int | None = None
        self._body = Static(Text("No article selected", style="dim"), id="reader-body")

    def compose(self):
        yield self._body

    def show(self, detail: ArticleDetail) -> None:
        """Display an article with its analysis, from the top."""
        same = detail.article.row.id == self.article_id
        self.article_id = detail.article.row.id
        text = render_article_text(detail.article, detail.analysis)
        stored = detail.article
        if stored.fulltext_status == "failed" and stored.fulltext_error:
            text.append(f"\nFull text not available: {stored.fulltext_error}\n", style="dim")
        elif not (stored.text or stored.summary).strip():
            text.append("(this article has no text; press f to fetch the full page)\n", style="dim")
        self._body.update(text)
        if not same:
            self.scroll_home(animate=False, immediate=True)

    def show_message(self, message: str) -> None:
        """Replace the article with a short notice (empty view, missing article)."""
        self.article_id = None
        self._body.update(Text(message, style="dim"))
        self.scroll_home(animate=False, immediate=True)

    def page(self, direction: int) -> None:
        """Scroll one page down (1) or up (-1)."""
        if direction > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)

    def action_back(self) -> None:
        self.post_message(self.Back())
