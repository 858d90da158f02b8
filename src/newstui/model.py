"""Plain values passed between the layers: feeds, articles, entities, quotes, the filters that
select articles and the read models the library returns. No IO."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, NamedTuple

from newstui.counts import counted

if TYPE_CHECKING:  # the query tree is a plain value too; model imports nothing at run time
    from newstui.query import Query

LinkKind = Literal["link", "image", "enclosure"]  # enclosure: a feed item's podcast or file
SourceKind = Literal["feed", "local"]  # a feed fetched over HTTP, or local files and folders
FulltextStatus = Literal["ok", "failed"]  # the page behind an article's link was extracted or not
FulltextMode = Literal["auto", True, False]  # fetch pages for summary-only entries, all, none
FilterAction = Literal["hide", "read"]  # what a [[filters]] entry does to the articles it matches
Direction = Literal[1, -1]  # forward (older articles, down the list) or back
SortKey = Literal["date", "feed", "title"]  # what a headline list is ordered by
ENTITY_TYPES = (
    "PERSON",
    "ORG",
    "PLACE",
    "GROUP",
)  # GROUP: nationalities, religious and political groups


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


# An analysis as plain tuples, what storing it needs: entities as (name, type, mentions as
# (start, end, text)) and quotes as (start, end, speaker). How an analysis made in a worker
# process travels back: unpickling tuples costs ~15 times less than the dataclasses (0.015
# against 0.21 ms an article of 14 entities, 23 mentions, 8 quotes), in the busier process.
EntityTuple = tuple[str, str, tuple[tuple[int, int, str], ...]]
AnalysisRows = tuple[tuple[EntityTuple, ...], tuple[tuple[int, int, str | None], ...]]


class TextToAnalyse(NamedTuple):
    """An article's text as read for analysis, and the stamp of the stored text it came from:
    an analysis is saved only while the article still has that text (another process may
    replace it meanwhile: a full text fetched, an updated entry)."""

    article_id: int
    text: str
    stamp: int


def analysis_rows(analysis: Analysis) -> AnalysisRows:
    """An analysis in the plain form it is stored from."""
    entities = tuple(
        (e.name, e.type, tuple((m.start, m.end, m.text) for m in e.mentions))
        for e in analysis.entities
    )
    return entities, tuple((q.start, q.end, q.speaker) for q in analysis.quotes)


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
    failures: int = 0  # failed fetches in a row
    next_try: str | None = None  # ISO 8601 UTC: not fetched again before then unless named

    def waiting_until(self, now: datetime) -> str | None:
        """The next-try time if it is still to come: the source is failing and left alone."""
        return self.next_try if still_waiting(self.next_try, now) else None


def still_waiting(next_try: str | None, now: datetime) -> bool:
    """True if a stored next-try time (ISO 8601) is still to come; an unreadable one is not."""
    if next_try is None:
        return False
    try:
        when = datetime.fromisoformat(next_try)
    except ValueError:
        return False
    return (when if when.tzinfo else when.replace(tzinfo=UTC)) > now


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


DownloadState = Literal["queued", "downloading", "done", "failed"]


@dataclass(frozen=True)
class Download:
    """One enclosure in the download queue: where it comes from, where it goes, how far it got.

    `article_id` is None once the article was deleted (the download and its file stay)."""

    id: int
    url: str
    title: str  # the article's title when queued
    mime: str
    state: DownloadState
    path: str  # the file when done; while downloading, PATH + ".part" holds what arrived
    bytes_done: int = 0
    bytes_total: int | None = None  # None: the server did not say
    error: str | None = None
    article_id: int | None = None
    queued_at: str = ""
    finished_at: str | None = None
    owner: int | None = None  # the id of the process downloading it (state "downloading")

    @property
    def fraction(self) -> float | None:
        """How much has arrived (0 to 1), or None when the total is unknown."""
        if self.state == "done":
            return 1.0
        if not self.bytes_total:
            return None
        return min(self.bytes_done / self.bytes_total, 1.0)


@dataclass(frozen=True)
class SortOrder:
    """How a list of articles is ordered: by date (newest first), by feed name or by title (A to
    Z, case-insensitive), or the reverse of that; ties go newest first."""

    key: SortKey = "date"
    reverse: bool = False

    @property
    def name(self) -> str:
        """The setting's spelling: "date", "title-reverse"…"""
        return self.key + "-reverse" * self.reverse

    @property
    def label(self) -> str:
        """For the title bar: "newest first", "by title A–Z"…"""
        labels = {
            "date": ("newest first", "oldest first"),
            "feed": ("by feed A–Z", "by feed Z–A"),
            "title": ("by title A–Z", "by title Z–A"),
        }
        return labels[self.key][self.reverse]

    @classmethod
    def parse(cls, name: str) -> SortOrder | None:
        """The order a setting names, or None."""
        orders = [cls(key, reverse) for key in SORT_KEYS for reverse in (False, True)]
        return next((order for order in orders if order.name == name), None)


SORT_KEYS: tuple[SortKey, ...] = ("date", "feed", "title")
NEWEST_FIRST = SortOrder()


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a list shows; fields combine with AND."""

    feed_id: int | None = None
    tag: str | None = None
    unread: bool = False
    starred: bool = False
    query: Query | None = None  # a parsed query (newstui.query)
    entity_id: int | None = None
    speaker: str | None = None
    ids: tuple[int, ...] | None = None
    hidden: bool = False  # True: only articles a filter hid (the Hidden view); False: none of them


@dataclass(frozen=True)
class StoryVersion:
    """One version of a story: the same text published by another feed."""

    article_id: int
    feed: str
    title: str
    read: bool


@dataclass(frozen=True)
class FilterCount:
    """What one filter has matched since it was first applied."""

    query: str
    action: FilterAction
    matched: int
    last_matched: str | None = None


@dataclass(frozen=True)
class SaveResult:
    """What saving one batch of a source's articles did."""

    new: int = 0
    updated: int = 0
    changed_ids: tuple[int, ...] = ()  # new or changed articles, to analyse


@dataclass(frozen=True)
class FeedCache:
    """What the last successful fetch of a feed left for the next one."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass(frozen=True)
class SourceSpec:
    """A source as the config describes it, to register in the store (Library.register_sources)."""

    key: str
    name: str
    kind: SourceKind = "feed"
    url: str | None = None
    tags: tuple[str, ...] = ()
    configured: bool = False


@dataclass(frozen=True)
class FetchRecord:
    """The outcome of one fetch of a source, as stored (Library.record_fetches): a failure keeps
    the previous cache headers and counts one more failure in a row; a success clears that."""

    source_id: int
    status: int | None
    error: str | None
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    site_url: str | None = None
    body_hash: str | None = None
    keep_cache: bool = False  # a 304: the stored validators stay
    next_try: str | None = None  # after a failure: not fetched again before this time


@dataclass(frozen=True)
class RemovedSource:
    """What removing a source did: articles deleted, starred ones kept."""

    name: str
    deleted: int
    kept_starred: int

    def summary(self) -> str:
        """One line, e.g. "removed BBC: 40 articles deleted, 2 starred kept"."""
        deleted = f"{counted(self.deleted, 'article')} deleted"
        kept = f", {self.kept_starred:,} starred kept" if self.kept_starred else ""
        return f"removed {self.name}: {deleted}{kept}"


UNREAD_GRACE_DAYS = 7  # without keep_days, an unread article stays this long after its fetch


@dataclass(frozen=True)
class RetentionPolicy:
    """How long a feed's articles stay (`keep_days`; 0: no age limit) and how many of them
    (`keep_per_feed`, the newest; 0: no limit). Starred articles always stay, and so do unread
    ones fetched within the last `unread_grace_days`."""

    keep_days: int = 0
    keep_per_feed: int = 0

    @property
    def active(self) -> bool:
        """True when the policy can remove anything."""
        return self.keep_days > 0 or self.keep_per_feed > 0

    @property
    def unread_grace_days(self) -> int:
        """How long after its fetch an unread article counts as recent and is kept."""
        return self.keep_days or UNREAD_GRACE_DAYS


@dataclass(frozen=True)
class FeedCleanup:
    """What retention removed from one feed, and what it kept past the limits."""

    name: str
    removed: int
    kept_starred: int = 0  # past the limits, kept because starred
    kept_unread: int = 0  # past the limits, kept because unread and recent


@dataclass(frozen=True)
class CleanupReport:
    """What a cleanup removed (or, in a dry run, would remove), feed by feed."""

    feeds: tuple[FeedCleanup, ...] = ()
    reclaimed_bytes: int = 0
    dry_run: bool = False

    @property
    def removed(self) -> int:
        """Articles removed over every feed."""
        return sum(f.removed for f in self.feeds)

    def summary(self) -> str:
        """One line, e.g. "cleanup: removed 120 old articles (Wire 100, Lab 20)"."""
        verb = "would remove" if self.dry_run else "removed"
        n = self.removed
        starred = sum(f.kept_starred for f in self.feeds)
        unread = sum(f.kept_unread for f in self.feeds)
        kept = [f"{starred:,} starred"] * bool(starred) + [f"{unread:,} recent unread"] * bool(
            unread
        )
        kept_text = f"kept {' and '.join(kept)} past the limits" if kept else ""
        if not n:
            line = f"cleanup: nothing to remove{' (dry run)' * self.dry_run}"
            return f"{line} ({kept_text})" if kept else line
        feeds = ", ".join(f"{f.name} {f.removed:,}" for f in self.feeds if f.removed)
        line = f"cleanup: {verb} {n:,} old article{'s' * (n != 1)} ({feeds})"
        return f"{line}; {kept_text}" if kept else line


@dataclass(frozen=True)
class SmartCounts:
    """Totals for the smart views All, Unread and Starred."""

    total: int
    unread: int
    starred: int
    starred_unread: int
    hidden: int = 0  # articles a filter hid, listed only in the Hidden view


@dataclass(frozen=True)
class EntityRow:
    """An entity with how many articles (and mentions) it has in the store or one article."""

    id: int
    name: str
    type: str
    articles: int
    mentions: int


@dataclass(frozen=True)
class QuoteRow:
    """A stored quote with its article."""

    id: int
    article_id: int
    article_title: str
    text: str
    speaker: str | None
    start: int
    end: int
    date: str = ""  # the article's sort date (published, else first seen), ISO 8601
    feed: str = ""
    published: str | None = None  # the date its source gave; None: undated (show "unknown")


@dataclass(frozen=True)
class FulltextProblem:
    """An article whose page could not be fetched or read while its source was fetched."""

    article_id: int
    title: str
    error: str  # one line, naming the page's URL and the problem

    def line(self) -> str:
        """E.g. `full text of "Flood warning" (12): https://x/a: HTTP 404 Not Found`."""
        return f'full text of "{self.title}" ({self.article_id}): {self.error}'


FULL_ARTICLE_PARAGRAPHS = 3  # an entry with this many paragraphs…
FULL_ARTICLE_WORDS = 150  # …and this many words is the article itself, not a summary
FULL_ARTICLE_WALL = 400  # words: a text this long is the article even without paragraph breaks
_TEASER_ENDS = ("…", "...", "[…]", "[...]", "(…)", "(...)")
_TEASER_WORDS = ("continue reading", "read more", "read the full", "read the rest")


def carries_full_article(text: str) -> bool:
    """True when a feed entry's own text is the whole article, so "auto" full text need not fetch
    its page: at least 3 paragraphs and 150 words (or 400 words in any number of paragraphs), not
    ending like a teaser ("…", "Continue reading")."""
    paragraphs = [p for p in text.splitlines() if p.strip()]  # a blank line or a line break
    if not paragraphs:
        return False
    words = len(text.split())
    last = paragraphs[-1].strip().casefold()
    if last.endswith(_TEASER_ENDS) or (
        len(last.split()) <= 12 and any(w in last for w in _TEASER_WORDS)
    ):
        return False
    return words >= FULL_ARTICLE_WALL or (
        len(paragraphs) >= FULL_ARTICLE_PARAGRAPHS and words >= FULL_ARTICLE_WORDS
    )


@dataclass(frozen=True)
class SourceOutcome:
    """What happened to one source during a fetch or import."""

    name: str
    new: int = 0
    updated: int = 0
    error: str | None = None
    warning: str | None = None
    not_modified: bool = False
    fulltext_ok: int = 0
    fulltext_failed: int = 0
    fulltext_problems: tuple[FulltextProblem, ...] = ()  # each page that failed, for the summary
    problems: tuple[str, ...] = ()  # every file that could not be read, for local sources
    waiting_until: str | None = None  # not fetched: failing, and asked to wait until then (UTC)

    @property
    def failed(self) -> bool:
        """It was not read: an error, or waiting after earlier failures."""
        return self.error is not None or self.waiting_until is not None


@dataclass(frozen=True)
class ArticleDetail:
    """Everything the reader and the sidebar show for one article."""

    article: StoredArticle
    analysis: Analysis
    entities: tuple[EntityRow, ...]
    versions: tuple[StoryVersion, ...] = ()  # the same story in other feeds (this one included)
    downloads: tuple[Download, ...] = ()  # its enclosures in the download queue


def tag_unread_counts(sources: Iterable[FeedRow]) -> list[tuple[str, int, int]]:
    """(tag, articles, unread) summed over the given sources, by tag."""
    totals: dict[str, list[int]] = {}
    for source in sources:
        for tag in source.tags:
            entry = totals.setdefault(tag, [0, 0])
            entry[0] += source.articles
            entry[1] += source.unread
    return [(tag, totals[tag][0], totals[tag][1]) for tag in sorted(totals, key=str.casefold)]


@dataclass(frozen=True)
class RemoteFeed:
    """A subscription on a sync server: its stream id, title, feed URL, folders and web site."""

    stream_id: str
    title: str
    url: str
    folders: tuple[str, ...] = ()
    site_url: str | None = None  # the web site (Google Reader's htmlUrl), OPML export's htmlUrl


@dataclass(frozen=True)
class RemoteItem:
    """An item pulled from a sync server: its id (signed 64-bit), feed stream, state, content."""

    item_id: int
    stream_id: str
    crawled_usec: int
    article: Article
    read: bool
    starred: bool


@dataclass(frozen=True)
class SyncStatus:
    """What the last sync left: when it ran, its error, the changes still to push."""

    last_sync: str | None = None
    last_error: str | None = None
    queued: int = 0
    retry_after: str | None = None  # ISO time before which the server asked not to be called


def fold_url(url: str) -> str:
    """A URL compared without the case of its scheme and host and without a trailing slash."""
    url = url.strip()
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}".rstrip("/")
