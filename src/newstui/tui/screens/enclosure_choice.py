"""Which enclosure? A short list when an article has several (`d` downloads, `P` plays one)."""

from __future__ import annotations

from newstui.model import Link
from newstui.render import enclosure_label
from newstui.tui.screens.choice import ChoiceScreen


class EnclosureChoiceScreen(ChoiceScreen[Link]):
    """Returns the enclosure chosen with Enter (j/k or arrows move) or by its number, or None
    for Esc."""

    def __init__(self, title: str, enclosures: list[Link]) -> None:
        super().__init__(
            title, [(f"{enclosure_label(link)}  {link.url}", link) for link in enclosures]
        )
