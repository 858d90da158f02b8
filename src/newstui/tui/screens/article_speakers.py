"""`w` in the headlines or the reader: who said what of the open article's speakers, the one
speaker's quotes at once, or a box asking whose when it quotes several (it worked in the sidebar
only, on its highlighted row: user test r53 LOW-5). Part of `MainScreen`."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newstui.counts import counted
from newstui.tui.mixins import ScreenMixin
from newstui.tui.screens.keyed_box import key_in_effect
from newstui.tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from newstui.model import ArticleDetail


def quoted_speakers(detail: ArticleDetail) -> list[tuple[str, int, str]]:
    """The article's named speakers, each with how many of its quotes are theirs and the type of
    the article's entity of that name (an organisation speaks too; PERSON when none is): the
    most quoted first, then in the order they first speak."""
    counts = Counter(q.speaker for q in detail.analysis.quotes if q.speaker and q.speaker.strip())
    kinds = {row.name.casefold(): row.type for row in detail.entities}
    return [
        (speaker, count, kinds.get(speaker.casefold(), "PERSON"))
        for speaker, count in sorted(counts.items(), key=lambda item: -item[1])
    ]


class ArticleSpeakers(ScreenMixin):
    """`w` outside the sidebar (the app's `article.speaker_quotes`)."""

    # Provided by MainScreen.
    detail: ArticleDetail | None

    def action_article_speaker_quotes(self) -> None:
        """The quotes of the open article's speaker, or of the one chosen among its speakers."""
        from newstui.tui.screens.choice import ChoiceScreen

        detail = self.detail
        if detail is None:
            self.notify("No article selected.", severity="warning")
            return
        if not detail.analysed:
            self.notify(
                "This article's quotes are not found yet (its analysis has not run).",
                severity="warning",
            )
            return
        speakers = quoted_speakers(detail)
        if not speakers:
            sidebar = key_in_effect(self, "sidebar.toggle")
            self.notify(
                "No one is quoted by name in this article. In the sidebar "
                f"({sidebar}), w lists the quotes of an entity highlighted.",
                severity="warning",
                markup=False,
            )
            return
        if len(speakers) == 1:
            name, _, kind = speakers[0]
            self.post_message(Sidebar.QuotesRequested(name, kind))
            return
        choices = [
            (f"{name} ({counted(count, 'quote')} here)", (name, kind))
            for name, count, kind in speakers
        ]

        def chosen(speaker: tuple[str, str] | None) -> None:
            if speaker is not None:
                self.post_message(Sidebar.QuotesRequested(*speaker))

        question = f"This article quotes {len(speakers)} speakers: whose quotes, in every article?"
        box = ChoiceScreen("Who said what", choices, verb="list their quotes", question=question)
        self.app.push_screen(box, chosen)
