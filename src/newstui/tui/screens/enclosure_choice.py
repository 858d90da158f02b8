"""Which enclosure? A short list when an article has several (`d` downloads one or all of them,
`P` plays one)."""

from __future__ import annotations

from collections.abc import Sequence

from newstui.headline_fields import shown_url
from newstui.model import Download, Link
from newstui.render import ENCLOSURE_NUMBER_PREFIX, enclosure_label
from newstui.tui.screens.choice import ChoiceScreen

# how an enclosure in the download queue is marked in the list (user test r42 L11)
_STATE_WORDS = {"done": "downloaded", "failed": "download failed"}


def choice_label(link: Link, downloads: Sequence[Download]) -> str:
    """An enclosure's line in the choice: its type, size and length, where it is in the
    download queue (downloaded, queued…), its URL."""
    state = next((d.state for d in downloads if d.url == link.url), None)
    mark = f" · {_STATE_WORDS.get(state, state)}" if state else ""
    return f"{enclosure_label(link)}{mark}  {shown_url(link.url)}"


class EnclosureChoiceScreen(ChoiceScreen[tuple[Link, ...]]):
    """Returns the enclosures chosen: one with Enter (j/k or arrows move) or by its number (E1.,
    E2., as the reader numbers them), all with `a` when `every` is true; None for Esc. Each
    says where it is in the download queue (`downloads`: the article's)."""

    def __init__(
        self,
        title: str,
        enclosures: list[Link],
        *,
        every: bool = False,
        downloads: Sequence[Download] = (),
    ) -> None:
        super().__init__(
            title,
            [(choice_label(link, downloads), (link,)) for link in enclosures],
            every=tuple(enclosures) if every else None,
            marker=ENCLOSURE_NUMBER_PREFIX,
        )
