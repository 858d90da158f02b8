"""Plain values passed between the core layers: feeds, articles, entities, mentions, quotes. No IO."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Link:
    """A link or image found in an article body: its visible text and an http(s) URL."""

    text: str
    url: str
    kind: str = "link"  # "link" or "image"


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
    type: str  # PERSON, ORG, PLACE (backends may add NORP, ...)
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
    kind: str  # "feed" or "local"
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
    fulltext_status: str | None = None
    fulltext_error: str | None = None
