"""Plain values passed between the core layers: feeds, articles, entities, mentions, quotes. No IO."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

LinkKind = Literal["link", "image"]
SourceKind = Literal["feed", "local"]  # a feed fetched over HTTP, or local files and folders
FulltextStatus = Literal["ok", "failed"]  # the page behind an article's link was extracted or not
FulltextMode = Literal["auto", True, False]  # fetch pages for summary-only entries, all, none
ENTITY_TYPES = (
    "PERSON",
    "ORG",
    "PLACE",
    "GROUP",
)  # GROUP: nationalities, religious and political groups


@dataclass(frozen=True)
class Link:
    """A link or image found in an article body: its visible text and an http(s) URL."""

    text: str
    url: str
    kind: LinkKind = "link"


@dataclass
class Article:
    """One article as a source produced it, before it is stored."""

    title: str
    text: str
    guid: str | None = None
    url: str | None = None
    author: str | None = None
    published: datetime | None = None
    summary: str = ""
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: character offsets into the article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A named entity of one article under its canonical name, with every mention."""

    name: str
    type: str  # one of ENTITY_TYPES (other backends may add their own)
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Quote:
    """A direct quotation: offsets of its text (without quotation marks) and its speaker, if named."""

    text: str
    start: int
    end: int
    speaker: str | None = None


@dataclass(frozen=True)
class Analysis:
    """What an extractor found in one article text."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class FeedRow:
    """A stored source with its counts, as listed by `newstui feeds` and the sources pane."""

    id: int
    name: str
    kind: SourceKind
    url: str | None
    tags: tuple[str, ...]
    articles: int
    unread: int
    last_fetched: str | None
    last_error: str | None


@dataclass(frozen=True)
class ArticleRow:
    """A stored article's headline fields: one row of a list."""

    id: int
    feed_id: int
    feed: str | None
    title: str
    url: str | None
    author: str | None
    published: str | None
    sort_date: str
    read: bool
    starred: bool


@dataclass(frozen=True)
class StoredArticle:
    """A stored article in full."""

    row: ArticleRow
    text: str
    summary: str
    links: tuple[Link, ...]
    fulltext_status: FulltextStatus | None = None
    fulltext_error: str | None = None
