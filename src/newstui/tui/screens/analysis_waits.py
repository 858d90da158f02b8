"""What the sidebar says of an article not analysed yet: "Analysing…" only while an analysis
that takes it is under way (a refresh, an add, a full text, the pass over every article once
this article's own analysis was asked for) or started now for it; else how it gets analysed. It said "Analysing…" for ever when nothing analysed it (a
store opened without a config: closing r53). Part of `MainScreen`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from newstui.tui.mixins import ScreenMixin
from newstui.tui.screens.keyed_box import key_in_effect

if TYPE_CHECKING:
    from textual.app import App

    from newstui.config import Config
    from newstui.model import ArticleDetail

# the app's workers that analyse what they store: the start-up pass (app._analyse_stale), the
# article shown (app._analyse_shown), a refresh, `a`'s add, `f`'s full text
ANALYSING_GROUPS = frozenset({"analyse", "analyse-shown", "refresh", "add-feed", "fulltext"})
# those that analyse the article shown soon; the pass over every article ("analyse") may wait
# for a `newstui fetch` under way, or come to it last
BESIDE_THE_PASS = ANALYSING_GROUPS - {"analyse"}
ANALYSING = "Analysing…"
NOT_ANALYSED = "Not analysed yet: newstui analyses it when it starts next."
NOT_ANALYSED_REFRESH = "Not analysed yet: {} or the next start analyses it."


@dataclass(eq=False, repr=False)
class AnalysisWanted(Message):
    """The article shown (`article_id`) is not analysed and nothing is analysing it: the app
    analyses it, and starts its pass over every article the extractor has not seen
    (`extractor`: the config's)."""

    extractor: str
    article_id: int


def analysis_under_way(app: App[Any], groups: frozenset[str] = ANALYSING_GROUPS) -> bool:
    """Whether one of the app's workers that analyse what they store (of `groups`) is queued
    or running."""
    from textual.worker import WorkerState

    waiting = (WorkerState.PENDING, WorkerState.RUNNING)
    return any(w.group in groups and w.state in waiting for w in app.workers)


class AnalysisWaits(ScreenMixin):
    """The sidebar's word for an article without an analysis."""

    # Provided by MainScreen.
    config: Config | None
    _analysis_asked: set[int]  # the articles an analysis was started for, this session

    if TYPE_CHECKING:

        @property
        def refreshing(self) -> bool: ...

    def not_analysed_note(self, detail: ArticleDetail) -> str:
        """ "Analysing…" while an analysis is under way, or once started now for `detail`'s
        article (once a session: an article whose analysis fails is not tried again and
        again); else what analyses it."""
        if detail.analysed or self.refreshing or analysis_under_way(self.app, BESIDE_THE_PASS):
            return ANALYSING
        article_id = detail.article.row.id
        if self.config is None:  # (the demo: analysed as newstui starts with it)
            return NOT_ANALYSED
        if article_id not in self._analysis_asked:  # (analysed at once, not in the pass's turn:
            self._analysis_asked.add(article_id)  # it may wait for a fetch, or have 30,000 to do)
            self.post_message(AnalysisWanted(self.config.settings.extractor, article_id))
            return ANALYSING
        if analysis_under_way(self.app):  # the pass takes it
            return ANALYSING
        return NOT_ANALYSED_REFRESH.format(key_in_effect(self, "app.refresh_all"))
