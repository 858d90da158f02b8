"""What the reading app reads beyond a list (store/views.py): the smart views' counts and one
article in full with its analysis. A listing never makes them (each dataclass costs ~4.5M
instructions to create)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from newstui.model import ArticleRow, FulltextStatus, Link
    from newstui.model.analysis import Analysis, EntityRow, StoryVersion
    from newstui.model.downloads import Download


# How the extractor reads an article's text: "other" (another language than English) keeps only
# the quotes whose speaker is named in their sentence and the entities a word list vouches for
ReadsAs = Literal["english", "other"]


@dataclass(frozen=True)
class StoredArticle:
    """A stored article in full."""

    row: ArticleRow
    text: str
    summary: str
    links: tuple[Link, ...]
    fulltext_status: FulltextStatus | None = None
    fulltext_error: str | None = None
    damaged: str = ""  # why part of the stored row cannot be read back (a damaged store), or ""
    updated: str | None = None  # when a fetch stored a change of its entry (ISO 8601 UTC), or None
    # the language its entry, else its feed, declares ("de", "en-us"), or None: the extractor's
    # hint for a text too short to tell (Library.reads_as)
    language: str | None = None
    # whose declaration `language` is: the article's own ("entry": its feed entry's, or a sync
    # server's item's) or its feed's; None when nothing declares one
    declared_by: Literal["entry", "feed"] | None = None


@dataclass(frozen=True)
class Marked:
    """What a mark did: how many of the given articles exist, how many of them it changed, and
    how many other versions of their stories it changed with them (read together)."""

    found: int
    changed: int
    copies: int
    ids: tuple[int, ...] = ()  # every article it changed, copies too (what `u` puts back)


@dataclass(frozen=True)
class SmartCounts:
    """Totals for the smart views All, Unread and Starred."""

    total: int
    unread: int
    starred: int
    starred_unread: int
    hidden: int = 0  # articles a filter hid, listed only in the Hidden view


@dataclass(frozen=True)
class ArticleDetail:
    """Everything the reader and the sidebar show for one article."""

    article: StoredArticle
    analysis: Analysis
    entities: tuple[EntityRow, ...]
    versions: tuple[StoryVersion, ...] = ()  # the same story in other feeds (this one included)
    downloads: tuple[Download, ...] = ()  # its enclosures in the download queue
    # "other": the reader and the sidebar say why few are found (Library.reads_as decides it)
    reads_as: ReadsAs = "english"
    # False: its analysis has not run yet (just fetched): the sidebar says "Analysing…", not
    # "No entities found"
    analysed: bool = True

    def other_feeds(self) -> list[str]:
        """The names of the other feeds that carry this story (the reader's "Also in:"), once
        each: never this article's own feed, which may hold another version of it too."""
        own = self.article.row.feed_id
        return list(dict.fromkeys(v.feed for v in self.versions if v.feed_id != own))
