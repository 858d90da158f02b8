"""The "none" backend: for users who want no quote or entity analysis at all."""

from __future__ import annotations

from newstui.model import Analysis


class NoneExtractor:
    """Finds nothing: every article gets an empty analysis, at no cost."""

    name = "none"
    version = "none-1"

    def analyse(self, text: str, language: str | None = None) -> Analysis:
        """An empty `Analysis`, whatever `text` holds (and whatever language it declares)."""
        return Analysis()
