"""Which enclosure? A short list when an article has several (`d` downloads one or all of them,
`P` plays one)."""

from __future__ import annotations

from newstui.model import Link
from newstui.render import ENCLOSURE_NUMBER_PREFIX, enclosure_label
from newstui.tui.screens.choice import ChoiceScreen


class EnclosureChoiceScreen(ChoiceScreen[tuple[Link, ...]]):
    """Returns the enclosures chosen: one with Enter (j/k or arrows move) or by its number (E1.,
    E2., as the reader numbers them), all with `a` when `every` is true; None for Esc."""

    def __init__(self, title: str, enclosures: list[Link], *, every: bool = False) -> None:
        super().__init__(
            title,
            [(f"{enclosure_label(link)}  {link.url}", (link,)) for link in enclosures],
            every=tuple(enclosures) if every else None,
            marker=ENCLOSURE_NUMBER_PREFIX,
        )
