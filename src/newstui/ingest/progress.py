"""The callbacks a run reports its progress to: each source's outcome, the article pages read."""

from __future__ import annotations

from collections.abc import Callable

from newstui.model import SourceOutcome

ProgressCallback = Callable[[SourceOutcome], None]
PagesCallback = Callable[[int, int], None]  # (pages over, pages planned)
