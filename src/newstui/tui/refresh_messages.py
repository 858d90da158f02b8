"""The messages a refresh's, a full-text fetch's and the analysis's worker threads post back.

Apart from `refresh` (their blocking functions), so the screens' handlers can name them while
`refresh` is imported only when the first of those starts, after the first screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from newstui.model import CleanupReport, RemovedSource, SourceOutcome


@dataclass(eq=False, repr=False)
class RefreshProgress(Message):
    """`done` of `total` sources of a running refresh finished; `name`: the first source not
    finished yet (the one waited on longest), "" when all are (the line says it is finishing); `changed` of them stored
    new or updated articles. A newer progress message replaces a pending one."""

    done: int
    total: int
    name: str
    changed: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgress)


@dataclass(eq=False, repr=False)
class RefreshFinished(Message):
    """A refresh ended: every source's outcome, the sources it removed, the old articles the
    cleanup after it removed, and `warning` when something failed after fetching (the analysis)."""

    outcomes: tuple[SourceOutcome, ...]
    removed: tuple[RemovedSource, ...] = ()
    warning: str | None = None
    cancelled: bool = False
    cleaned: CleanupReport | None = None
    leftovers: int = 0  # articles an earlier (killed) fetch left unanalysed, analysed by it
    leftovers_through: int = 0  # the last article id when it counted them


@dataclass(eq=False, repr=False)
class AnalysisFinished(Message):
    """Articles stored before the current extractor version were analysed (`count` of them) and
    recent ones not yet sketched joined to their stories; `leftovers` of them had no analysis
    at all (a killed fetch's), counted among the articles up to id `leftovers_through`."""

    count: int
    leftovers: int = 0
    leftovers_through: int = 0
