"""Plain values passed between the layers: feeds, articles, entities, quotes, the filters that
select articles and the read models the library returns. No IO."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from newstui.model.names import name_key

if TYPE_CHECKING:  # the query tree is a plain value too; model imports nothing at run time
    from newstui.model.analysis import (
        Analysis as Analysis,
    )
    from newstui.model.analysis import (
        Entity as Entity,
    )
    from newstui.model.analysis import (
        EntityRow as EntityRow,
    )
    from newstui.model.analysis import (
        Mention as Mention,
    )
    from newstui.model.analysis import (
        Quote as Quote,
    )
    from newstui.model.analysis import (
        QuoteRow as QuoteRow,
    )
    from newstui.model.analysis import (
        StoryVersion as StoryVersion,
    )
    from newstui.model.analysis import (
        TextToAnalyse as TextToAnalyse,
    )
    from newstui.model.analysis import (
        analysis_rows as analysis_rows,
    )
    from newstui.model.downloads import (
        Download as Download,
    )
    from newstui.model.downloads import (
        DownloadState as DownloadState,
    )
    from newstui.model.downloads import (
        StopThen as StopThen,
    )
    from newstui.model.fetching import (
        Article as Article,
    )
    from newstui.model.fetching import (
        FeedCache as FeedCache,
    )
    from newstui.model.fetching import (
        FetchRecord as FetchRecord,
    )
    from newstui.model.fetching import (
        FilterCount as FilterCount,
    )
    from newstui.model.fetching import (
        FulltextProblem as FulltextProblem,
    )
    from newstui.model.fetching import (
        RemovedSource as RemovedSource,
    )
    from newstui.model.fetching import (
        SaveResult as SaveResult,
    )
    from newstui.model.fetching import (
        SourceOutcome as SourceOutcome,
    )
    from newstui.model.fetching import (
        SourceSpec as SourceSpec,
    )
    from newstui.model.fetching import (
        moved_line as moved_line,
    )
    from newstui.model.links import (
        Link as Link,
    )
    from newstui.model.retention import (
        UNREAD_GRACE_DAYS as UNREAD_GRACE_DAYS,
    )
    from newstui.model.retention import (
        CleanupReport as CleanupReport,
    )
    from newstui.model.retention import (
        FeedCleanup as FeedCleanup,
    )
    from newstui.model.retention import (
        RetentionPolicy as RetentionPolicy,
    )
    from newstui.model.sync import (
        RemoteFeed as RemoteFeed,
    )
    from newstui.model.sync import (
        RemoteItem as RemoteItem,
    )
    from newstui.model.sync import (
        SyncStatus as SyncStatus,
    )
    from newstui.model.views import (
        ArticleDetail as ArticleDetail,
    )
    from newstui.model.views import (
        SmartCounts as SmartCounts,
    )
    from newstui.model.views import (
        StoredArticle as StoredArticle,
    )
    from newstui.query import Query

# Values a listing (or the first screen) does not need live in submodules, imported when first
# asked for (`from newstui.model import Analysis` works as before): each dataclass costs ~4M
# instructions to create, and the app's start made 31 of them here.
_LAZY = {
    name: group
    for group, names in {
        "analysis": (
            "Analysis",
            "Entity",
            "EntityRow",
            "Mention",
            "Quote",
            "QuoteRow",
            "StoryVersion",
            "TextToAnalyse",
            "analysis_rows",
        ),
        "downloads": ("Download", "DownloadState", "StopThen"),
        "fetching": (
            "Article",
            "FeedCache",
            "FetchRecord",
            "FilterCount",
            "FulltextProblem",
            "RemovedSource",
            "SaveResult",
            "SourceOutcome",
            "SourceSpec",
            "moved_line",
        ),
        "retention": ("UNREAD_GRACE_DAYS", "CleanupReport", "FeedCleanup", "RetentionPolicy"),
        "sync": ("RemoteFeed", "RemoteItem", "SyncStatus"),
        "links": ("Link",),
        "views": ("ArticleDetail", "SmartCounts", "StoredArticle"),
    }.items()
    for name in names
}


def __getattr__(name: str) -> object:
    """A value of a submodule (analysis, downloads, fetching, retention, sync), imported on first use."""
    group = _LAZY.get(name)
    if group is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{group}"), name)
    globals()[name] = value
    return value


LinkKind = Literal["link", "image", "enclosure"]  # enclosure: a feed item's podcast or file
SourceKind = Literal["feed", "local"]  # a feed fetched over HTTP, or local files and folders
# the page behind an article's link was extracted, or not; "gone": it is gone (HTTP 404/410)
# behind an entry that carries its content, which is the article (nothing is missing)
FulltextStatus = Literal["ok", "outdated", "failed", "gone"]
FulltextMode = Literal["auto", True, False]  # fetch pages for summary-only entries, all, none


@dataclass(frozen=True)
class ChangedTexts:
    """The articles whose text changed since the filters last ran, as one filter pass read
    them: `turn` is the last change read, so a change made during the pass is not forgotten
    with them (review r35 S1)."""

    ids: tuple[int, ...] = ()
    turn: int = 0
    unanalysed: tuple[int, ...] = ()  # of `ids`, those whose new text is not analysed yet

    def analysed(self) -> ChangedTexts:
        """These without the unanalysed: what a pass with an entity filter judges (the rest
        stay noted for the pass after their analysis)."""
        waiting = set(self.unanalysed)
        return ChangedTexts(tuple(i for i in self.ids if i not in waiting), self.turn)


FilterAction = Literal["hide", "read"]  # what a [[filters]] entry does to the articles it matches
Direction = Literal[1, -1]  # forward (older articles, down the list) or back
SortKey = Literal["date", "feed", "title"]  # what a headline list is ordered by
ENTITY_TYPES = (
    "PERSON",
    "ORG",
    "PLACE",
    "GROUP",
)  # GROUP: nationalities, religious and political groups


# An analysis as plain tuples, what storing it needs: entities as (name, type, the mentions'
# offsets as one flat tuple (start, end, start, end, ...), the other words its mentions have
# (each once, in text order)) and quotes as (start, end, speaker). How an analysis made in a
# worker process travels back: unpickling tuples costs ~15 times less than the dataclasses
# (0.015 against 0.21 ms an article of 14 entities, 23 mentions, 8 quotes), in the busier
# process; flat offsets and no mention's words twice are 40 % fewer objects again (each one
# the collector scans until the analysis is saved) and a third less pickling in the worker.
EntityTuple = tuple[str, str, tuple[int, ...], tuple[str, ...]]
AnalysisRows = tuple[tuple[EntityTuple, ...], tuple[tuple[int, int, str | None], ...]]


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
    # the address a permanent redirect (301/308) moved it to, as its last fetch read it there
    # (passwords hidden, one line): said until the config names it (r35 user test L-b)
    moved_to: str | None = None
    # ISO 8601 UTC: the first failed fetch of its failures in a row (None: not failing, or a run
    # begun before newstui kept it)
    failing_since: str | None = None
    # a failing source's last answer when it was a 429 or 503 (its server is overloaded or limits
    # its callers, and may have said until when): no refresh is offered while it waits (r44 L1)
    server_status: int | None = None
    # the language its document declares (`<language>`, `xml:lang`, JSON Feed's `language`: "pl",
    # "en-us") as its last fetch read it, or None
    language: str | None = None

    def waiting_until(self, now: datetime) -> str | None:
        """The next-try time if it is still to come: the source is failing and left alone."""
        return self.next_try if still_waiting(self.next_try, now) else None

    def failing_for_a_while(self) -> str | None:
        """When its failures in a row began, once worth saying beside its error: it failed more
        than once and that was before its last fetch (user test r37 L6: with cron fetching,
        "last fetch" is the last try, and a feed dead for days looked like one that failed this
        morning). `newstui feeds` and the app's Sources say it."""
        if self.failing_since is None or self.failures < 2:
            return None
        return None if self.failing_since == self.last_fetched else self.failing_since


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
    published: str | None  # the date shown: the feed's, else its arrival (`claimed`)
    sort_date: str
    read: bool
    starred: bool
    enclosure: bool = False  # it has an enclosure (a podcast episode, a file)
    downloaded: bool = False  # one of its enclosures is downloaded (in the queue, done)
    # `published` came without a time (Article.date_only; None: not known, stored before
    # schema 53: a midnight UTC reads as a day without a time)
    date_only: bool | None = None
    # the date the feed gave, when it lies after the article arrived (9999-12-31, an event
    # feed's coming day, a clock ahead): `published` is then its arrival (see `believed_date`)
    claimed: str | None = None
    # the language its entry (or sync item), else its feed, declares ("pl", "en-us"), or None
    language: str | None = None

    @property
    def listed_date(self) -> str | None:
        """The date a list shows (see `listed_date`)."""
        return listed_date(self.published, self.sort_date)

    @property
    def listed_date_only(self) -> bool | None:
        """Whether `listed_date` came without a time (its arrival, listed in its place, has one)."""
        return listed_date_only(self.published, self.sort_date, self.date_only)


def believed_date(published: str | None, sort_date: str) -> tuple[str | None, str | None]:
    """The date newstui shows an article by (list, `show`, the app's reader, `--json`), and the
    feed's claim it stands for when they differ: `published`, or, for an article dated after
    it arrived, its arrival (`sort_date`), which lists sort it by and `after:`/`before:` find
    it by, as CommaFeed and feeds.fun do (hostile r48: `list` showed the fetch day while `show`
    and `--json` said 9999-12-31)."""
    shown = listed_date(published, sort_date)
    return shown, None if shown == published else published


def listed_date(published: str | None, sort_date: str) -> str | None:
    """The date a list of articles (or of their quotes) shows: `published`, or, for an article
    dated after it arrived (9999-12-31, a clock ahead), its arrival (`sort_date`), which lists
    sort it by and `after:`/`before:` find it by (hostile r46 L5: `list` showed 2050 and
    `after:2030-01-01` found none). The reader and `--json` give the feed's date."""
    if published is not None and sort_date and published > sort_date:
        return sort_date
    return published


def listed_date_only(published: str | None, sort_date: str, date_only: bool | None) -> bool | None:
    """Whether the date a list shows (`listed_date`) came without a time: `date_only` when it is
    `published`; an arrival, shown in place of a date ahead of it, has one (False)."""
    return date_only if listed_date(published, sort_date) == published else False


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

    @property
    def folds_copies(self) -> bool:
        """Whether the list shows a story once, leaving out its copies in other feeds (a feed's
        own list, the Hidden view and a list of given ids show every article; a tag's list
        shows a story its feeds carry twice once, as the query `tag:` does)."""
        return self.feed_id is None and self.ids is None and not self.hidden


FULL_ARTICLE_PARAGRAPHS = 3  # an entry with this many paragraphs…
FULL_ARTICLE_WORDS = 150  # …and this many words is the article itself, not a summary
FULL_ARTICLE_WALL = 400  # words: a text this long is the article even without paragraph breaks
_TEASER_ENDS = ("…", "...", "[…]", "[...]", "(…)", "(...)")
_TEASER_WORDS = ("continue reading", "read more", "read the full", "read the rest")


def ends_like_a_teaser(text: str) -> bool:
    """True when a feed entry's text ends as a teaser does: "…", or a short last paragraph
    saying "Read more", "Continue reading"."""
    last = next((p for p in reversed(text.splitlines()) if p.strip()), "").strip().casefold()
    return last.endswith(_TEASER_ENDS) or (
        len(last.split()) <= 12 and any(w in last for w in _TEASER_WORDS)
    )


def carries_full_article(text: str) -> bool:
    """True when a feed entry's own text is the whole article, so "auto" full text need not fetch
    its page: at least 3 paragraphs and 150 words (or 400 words in any number of paragraphs), not
    ending like a teaser ("…", "Continue reading")."""
    paragraphs = [p for p in text.splitlines() if p.strip()]  # a blank line or a line break
    if not paragraphs or ends_like_a_teaser(text):
        return False
    words = len(text.split())
    return words >= FULL_ARTICLE_WALL or (
        len(paragraphs) >= FULL_ARTICLE_PARAGRAPHS and words >= FULL_ARTICLE_WORDS
    )


def tag_spellings(tag_lists: Iterable[Iterable[str]]) -> dict[str, str]:
    """Each tag compared case-insensitively ("Tech" is "tech": names.name_key) → its first spelling in
    `tag_lists`, the one it is shown with."""
    spellings: dict[str, str] = {}
    for tags in tag_lists:
        for tag in tags:
            spellings.setdefault(name_key(tag), tag)
    return spellings


def respelled(tags: Iterable[str], spellings: dict[str, str]) -> tuple[str, ...]:
    """`tags` each once, in the spelling `spellings` gives it (else as written)."""
    shown: dict[str, str] = {}
    for tag in tags:
        folded = name_key(tag)
        shown.setdefault(folded, spellings.get(folded, tag))
    return tuple(shown.values())


def tag_unread_counts(
    sources: Iterable[FeedRow], left_out: Mapping[str, tuple[int, int]] | None = None
) -> list[tuple[str, int, int]]:
    """(tag, articles, unread) summed over the given sources, by folder: a tag's own sources and
    those of every tag under it ("News" holds "News/Europe"'s; a folder holding only folders is
    listed too), each source once, less the (articles, unread) `left_out` gives by its name_key:
    the copies its list leaves out (a story two of its feeds carry is listed once:
    Library.tag_copies). Listed as a tree: each folder's subfolders right after it."""
    from newstui.model.folders import folder_order, folder_paths

    totals: dict[str, list[int]] = {}  # by name_key: "Tech" and "tech" are one tag
    shown: dict[str, str] = {}
    for source in sources:
        held: set[str] = set()  # the folders this source is in, each counted once
        for tag in respelled(source.tags, shown):
            for path in folder_paths(tag):
                folded = name_key(path)
                shown.setdefault(folded, path)
                if folded in held:
                    continue
                held.add(folded)
                entry = totals.setdefault(folded, [0, 0])
                entry[0] += source.articles
                entry[1] += source.unread
    for key, (articles, unread) in (left_out or {}).items():
        if key in totals:
            totals[key][0] -= articles
            totals[key][1] -= unread
    ordered = sorted(totals, key=lambda key: folder_order(shown[key]))  # Ökonomie with the O's
    return [(shown[key], totals[key][0], totals[key][1]) for key in ordered]


def fold_url(url: str) -> str:
    """A URL compared without the case of its scheme and host and without a trailing slash."""
    url = url.strip()
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}".rstrip("/")
