"""A link found in an article: made by parsing and full text, read back by `show` and the reader.
A listing never makes the class (a dataclass costs ~4.5M instructions to create)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newstui.model import LinkKind


# Made in sources/html.py with `Link.__new__(Link)` and a write to its `__dict__`
# (`_placed_link`), skipping the dataclass `__init__` for every link of every article: a new
# field, `slots=True` or a `__post_init__` must be mirrored there (tests/sources/
# test_link_offsets.py compares it with the constructor).
@dataclass(frozen=True)
class Link:
    """A link or image found in an article body: its visible text and an http(s) URL. An
    enclosure's text is its MIME type; its size (bytes) and duration (seconds) are as the feed
    said, when valid.

    `offset`: where in the article text the link's words end (an image: where it stood), so its
    `[n]` marker can be drawn there; None when not known (a feed's enclosure, a full-text page,
    an article stored before links kept their place)."""

    text: str
    url: str
    kind: LinkKind = "link"
    size: int | None = None
    duration: int | None = None
    offset: int | None = None
