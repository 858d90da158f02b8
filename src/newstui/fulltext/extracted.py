"""What a page's extraction gives: apart from the extraction itself (lxml, trafilatura), so a
process that only receives pages from its workers (a fetch) unpickles them without loading it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newstui.model import Link


@dataclass(frozen=True)
class ExtractedPage:
    """The readable article on a page: text in blocks separated by one blank line, plus its links."""

    title: str
    author: str | None
    published: datetime | None
    text: str
    links: tuple[Link, ...]
