"""Page metadata cleaned for display: headline, byline and publication date."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newstui.fulltext.repair import repair_text
from newstui.text import clean_line

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MAX_AUTHOR_LENGTH = 120
MAX_HEADING_WORDS = 40
TITLE_AGREEMENT = (
    0.3  # share of <h1> words found in the metadata title (measured: 48/60 exact vs 33)
)

_WORD = re.compile(r"\w+")
_AUTHOR_JUNK = re.compile(r"https?:|www\.|@|\d|[{}<>|]", re.IGNORECASE)
_AUTHOR_PREFIX = re.compile(
    r"^(?:(?:written|posted|words|reviewed)\s+)?(?:by|authors?)\b[:\s]*", re.IGNORECASE
)
_MONTH_SUFFIX = re.compile(
    r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)
# Words that mark a byline field as a role, a button or the site rather than a person.
_NOT_A_NAME = frozenset(
    "admin administrator author authors blogger contributor contributors coordinator editor editors"
    " editorial educator educators guest log login marketing our postmaster read share staff team"
    " user writer".split()
)
_NAME_PARTICLES = frozenset("al bin da de del der di du el la le van von y".split())


def first_heading(tree: HtmlElement) -> str:
    """The text of the page's first non-empty <h1>, usually the headline without the site's suffix."""
    for element in tree.iter("h1"):
        text = " ".join(element.text_content().split())
        if text and len(text.split()) <= MAX_HEADING_WORDS:
            return text
    return ""


def choose_title(heading: str, meta_title: str) -> str:
    """The page's <h1> when it agrees with the metadata title (not a logo), else the metadata title."""
    if not heading:
        return meta_title
    heading_words = set(_WORD.findall(heading.lower()))
    shared = heading_words & set(_WORD.findall(meta_title.lower()))
    if not meta_title or len(shared) >= TITLE_AGREEMENT * len(heading_words):
        return heading
    return meta_title


def clean_author(author: str | None) -> str | None:
    """The byline if it looks like names, else None (trafilatura's author is often site furniture)."""
    if not author:
        return None
    names = [_strip_name(name) for name in clean_line(repair_text(author)).split(";")]
    names = [name for name in names if _plausible_name(name)]
    if not names:
        return None
    return ", ".join(dict.fromkeys(names))[:MAX_AUTHOR_LENGTH]


def _strip_name(name: str) -> str:
    name = _AUTHOR_PREFIX.sub("", name.strip(" ,;|-"))
    return _MONTH_SUFFIX.sub("", name).strip(" ,;|-")


def _plausible_name(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= 6
        and len(name) <= 60
        and not _AUTHOR_JUNK.search(name)
        and not any(word.lower() in _NOT_A_NAME for word in _WORD.findall(name))
        and all(word[0].isupper() or word.lower() in _NAME_PARTICLES for word in words)
    )


def parse_date(value: str | None) -> datetime | None:
    """trafilatura's YYYY-MM-DD date as midnight UTC, or None."""
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None
