"""Values of fetching and importing: an article as a source produced it, what storing and
fetching a source did, and the sources the config describes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Literal

from newstui.counts import counted
from newstui.local_times import local_day
from newstui.model import FilterAction, Link, SourceKind
from newstui.word_lists import listed

# What a set-aside source without articles keeps: its memory of the articles cleanup removed,
# so that they do not come back unread if its URL does (store/set_aside.set_aside_feed)
HISTORY = "read history"


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
    # its text is the feed's content (Atom <content>, RSS content:encoded, JSON Feed's
    # content_html/content_text), not only a summary: see ingest's full text for "auto"
    has_content: bool = False
    # enclosures of its entry left out, their URL no http(s) one (`javascript:`, `data:`): said
    # once, when the article is stored new or changed, not at each reading of the same entry
    dropped_enclosures: int = 0
    # `published` is a day its source gave without a time (stored at midnight UTC, shown as
    # that day in every zone); False: a time given (a sync server's timestamp too); None: not
    # known: a midnight UTC then reads as a day without a time, as it did before schema 53
    date_only: bool | None = None
    # the language its entry declares, else its feed's, as a tag in lower case ("de", "en-us";
    # sources.feeds.language_tag); None: none declared. The extractor's hint (schema 56)
    language: str | None = None
    # `language` is its feed's (the entry declares none, or the same one): stored with the feed,
    # not the article, so that the reader says "as its feed declares" (user test r50 LOW-6)
    language_of_feed: bool = False


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
    # the enclosures the new and changed articles' entries left out (Article.dropped_enclosures)
    dropped_enclosures: int = 0


@dataclass(frozen=True)
class FeedCache:
    """What the last successful fetch of a feed left for the next one."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    status: int | None = None  # what the feed's URL answered (301: it moved for good, said)
    # where its last successful fetch read it from, after redirects (None: its own URL); kept
    # through failures, so a move said is not said again after one, and a new move is said
    read_from: str | None = None


@dataclass(frozen=True)
class SourceSpec:
    """A source as the config describes it, to register in the store (Library.register_sources)."""

    key: str
    name: str
    kind: SourceKind = "feed"
    url: str | None = None
    tags: tuple[str, ...] = ()
    configured: bool = False
    titled: bool = False  # named by the title its document gives, once fetched (no `name`)


@dataclass(frozen=True, slots=True)
class FetchWait:
    """Why and until when a source is left to wait, as its last fetches left it."""

    failures: int = 0  # in a row
    next_try: str | None = None  # not fetched before this time (ISO 8601 UTC; None: no wait)
    status: int | None = None  # its last fetch's HTTP status (a 429's or 503's: the server's)
    network: bool = False  # its last fetch failed for the network's sake, not the server's


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
    titled: bool = False  # the source goes by its document's title (a feed without `name`)
    read_from: str | None = None  # where its document came from, after redirects (None: untold)
    # when the request began (ISO 8601 UTC): a failure begun before the source's last success
    # was stored (a slower fetch from another process) is not stored over it
    started: str | None = None
    # when the answer came (ISO 8601 UTC; None: when stored): a success's `last_fetched`, so a
    # failure begun after it is stored even when the run stores its records later
    answered: str | None = None
    # a failure for the network's sake (refused, unknown host, timed out, reset: NetworkError);
    # a refresh the user asks for tries a feed left to wait after one
    network: bool = False
    # counted in the source's failures in a row (and its backoff): not when the machine looked
    # offline (ingest.records.FetchRecords.finish) or its proxy failed, for a day at most
    counted: bool = True
    # a failure of this machine's, not the source's (a full disk refused its articles): its
    # error is shown, and its status, failures, wait and validators stay as they were
    local: bool = False
    # the language its document declares (a tag in lower case, "de", "en-us"; None: none said,
    # the stored one kept): the extractor's hint for its articles that declare none themselves
    language: str | None = None


# What became of a source the config no longer lists: deleted (`remove`, `R`/`D`, or its grace
# period over), kept (set aside after a hand edit of the config) or moved (to its name's new URL).
Leaving = Literal["deleted", "kept", "moved"]


@dataclass(frozen=True)
class RemovedSource:
    """What removing a source did: articles deleted, starred ones kept; or, for a source that
    left the config file by hand (`outcome` "kept"), its articles set aside, not deleted, and
    (`outcome` "moved") those moved to the URL the config gives its name now."""

    name: str
    deleted: int
    kept_starred: int
    outcome: Leaving = "deleted"
    kept: int = 0  # "kept": the articles set aside; "moved": the articles moved
    # "kept": the moment from which a fetch deletes them, ISO 8601 UTC as every time `--json`
    # gives (None: kept while named); lines say its local day (`kept_day`)
    kept_until: str | None = None
    url: str | None = None  # "kept"/"moved": its URL
    new_url: str | None = None  # the URL the config gives its name now (its URL was edited)
    copies: int = 0  # "moved": the new URL's articles that were copies of them, gone

    def summary(self) -> str:
        """One line, e.g. "removed BBC: 40 articles deleted, 2 starred kept"."""
        deleted = f"{counted(self.deleted, 'article')} deleted"
        kept = f", {self.kept_starred:,} starred kept" if self.kept_starred else ""
        return f"removed {self.name}: {deleted}{kept}"

    def kept_day(self) -> str:
        """The local day of `kept_until` (YYYY-MM-DD), as the lines say it: the reader's day."""
        return kept_day(self.kept_until)

    def kept_line(self, config: str) -> str:
        """A set-aside or moved source's line (`config`: how to name the file), e.g. "Wire is no
        longer in feeds.toml: its 29 articles are kept until 2027-01-04 …"."""
        articles = counted(self.kept, "article")
        # (one without articles is kept for its memory of those cleanup removed: HISTORY)
        if self.outcome == "moved":
            if not self.kept:
                return (
                    f"{self.name}: {HISTORY} (no articles) moved from {self.url} to its new URL "
                    f"{self.new_url}"
                )
            return (
                f"{self.name}: {articles} moved from {self.url} to its new URL {self.new_url}, "
                "with their read marks, stars and full text"
            )
        if self.new_url is not None:
            kept = (
                f"the old feed's {articles} {'is' if self.kept == 1 else 'are'} kept and "
                f"{'moves' if self.kept == 1 else 'move'}"
                if self.kept
                else f"the old feed has no articles; its {HISTORY} is kept and moves"
            )
            return (
                f"{self.name}: its URL changed in {config} ({self.url} → {self.new_url}); "
                f"{kept} to the new URL once it fetches"
            )
        if not self.kept:
            return (
                f"{self.name} is no longer in {config}: it has no articles; its {HISTORY} is kept "
                f"until {self.kept_day()}, and comes back if its URL does "
                "(`newstui cleanup --left-config` deletes it now)"
            )
        one = self.kept == 1  # ("its 1 article is kept", not "are")
        return (
            f"{self.name} is no longer in {config}: its {articles} "
            f"{'is' if one else 'are'} kept until {self.kept_day()}, and "
            f"{'comes back with its' if one else 'come back with their'} marks if its URL does "
            f"(`newstui cleanup --left-config` deletes {'it' if one else 'them'} now)"
        )


def kept_day(until: str | None) -> str:
    """The local day (YYYY-MM-DD) of a `kept_until` moment (ISO 8601 UTC; "" for none)."""
    return local_day(datetime.fromisoformat(until)) if until else ""


def leftovers_said(count: int) -> str:
    """The clause a fetch or refresh adds when it analysed articles an earlier fetch stored but
    left unanalysed (killed, `kill -9`: minutes of work, user test r43 M4), else ""."""
    if not count:
        return ""
    return f"; analysed {counted(count, 'article')} left unanalysed by an earlier fetch"


def kept_lines(removed: Sequence[RemovedSource], config: str) -> list[str]:
    """The lines of the sources set aside or moved (those deleted are said apart): one each for
    a moved one and one whose URL changed, one for all those simply no longer in `config`."""
    lines = [r.kept_line(config) for r in removed if r.outcome == "moved" or r.new_url]
    kept = [r for r in removed if r.outcome == "kept" and not r.new_url]
    if len(kept) == 1:
        lines.append(kept[0].kept_line(config))
    elif kept:
        total = sum(r.kept for r in kept)
        until = kept_day(max(r.kept_until or "" for r in kept))
        sources = (
            f"{len(kept):,} sources are no longer in {config} ({listed([r.name for r in kept])})"
        )
        lines.append(
            f"{sources}: their {counted(total, 'article')} are kept until {until}, and come back "
            "with their marks if their URLs do (`newstui cleanup --left-config` deletes them now)"
            if total
            else f"{sources}: they have no articles; their {HISTORY} is kept until {until}, and "
            "comes back if their URLs do (`newstui cleanup --left-config` deletes it now)"
        )
    return lines


def less_copies(
    outcomes: Sequence[SourceOutcome], removed: Sequence[RemovedSource]
) -> list[SourceOutcome]:
    """The outcomes without the new articles that were copies of those moved to their source
    (its URL edited): the fetch of the new URL stored them, then they gave way to the old."""
    copies = {r.name: r.copies for r in removed if r.outcome == "moved" and r.copies}
    return [
        replace(o, new=max(0, o.new - copies[o.name])) if o.name in copies else o for o in outcomes
    ]


@dataclass(frozen=True)
class SetAsideSource:
    """A source that left the config file by hand, kept (not listed) for its grace period."""

    id: int
    key: str
    name: str
    url: str | None
    left: str  # when it left the config (ISO 8601 UTC)
    articles: int
    url_changed: bool = False  # set aside as the config gave its name another URL (still does)
    unread: int = 0  # its unread articles no filter hid

    def kept_until(self, days: int) -> str | None:
        """The day it is deleted, `days` after it left (YYYY-MM-DD); None for one whose URL
        changed, kept while the config lists its name. A local day, as every date shown."""
        if self.url_changed:
            return None
        return local_day(datetime.fromisoformat(self.left) + timedelta(days=days))


@dataclass(frozen=True)
class SyncChanges:
    """What a sync changed here besides articles: subscriptions the server added or dropped (their
    sources removed here) and marks it changed. fetch, sync and the app's refresh line say them."""

    server: str  # how messages name it: host[:port]
    added: tuple[str, ...] = ()
    removed: tuple[RemovedSource, ...] = ()
    marks: int = 0  # articles whose read or starred mark the server changed
    pushed: int = 0  # read and starred changes made here that the server took

    def clauses(self) -> list[str]:
        """The changes pushed, marks and subscriptions added, e.g. ["2 changes pushed",
        "3 marks from the server", "1 subscription added (Wire)"]; [] when none."""
        said = []
        if self.pushed:  # (user test r35 L6: the app said "nothing new" after pushing them)
            said.append(f"{counted(self.pushed, 'change')} pushed")
        if self.marks:
            said.append(f"{counted(self.marks, 'mark')} from the server")
        if self.added:
            said.append(f"{counted(len(self.added), 'subscription')} added ({listed(self.added)})")
        return said

    def removed_line(self) -> str | None:
        """The sources removed because the server dropped their subscription, as a config removal
        says it: "removed 2 sources no longer on HOST (Wire, Atom Lab): 3,016 articles deleted"."""
        if not self.removed:
            return None
        where = f"no longer on {self.server}"
        deleted = f"{counted(sum(r.deleted for r in self.removed), 'article')} deleted"
        starred = sum(r.kept_starred for r in self.removed)
        kept = f", {starred:,} starred kept" if starred else ""
        if len(self.removed) == 1:
            return f"removed {self.removed[0].name}, {where}: {deleted}{kept}"
        names = listed([r.name for r in self.removed])
        return f"removed {len(self.removed):,} sources {where} ({names}): {deleted}{kept}"


@dataclass(frozen=True)
class FulltextProblem:
    """An article whose page could not be fetched or read while its source was fetched."""

    article_id: int
    title: str
    error: str  # one line, naming the page's URL and the problem
    url: str = ""  # the page asked for

    def line(self) -> str:
        """E.g. `full text of "Flood warning" (12): https://x/a: HTTP 404 Not Found`."""
        return f'full text of "{self.title}" ({self.article_id}): {self.error}'


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
    fulltext_left: int = 0  # pages "auto" did not read: older than a fetch's newest (ingest)
    problems: tuple[str, ...] = ()  # every file that could not be read, for local sources
    waiting_until: str | None = None  # not fetched: failing, and asked to wait until then (UTC)
    waiting_status: int | None = None  # waiting after a 429 or 503: the server's answer
    sync: bool = False  # the sync with the [sync] server (not a source listed in the app)
    cut_short: bool = False  # its document ended before its end: read as far as it went, warned
    changes: SyncChanges | None = None  # the sync's: subscriptions added, removed, marks
    # a server subscription the app's refresh left to the sync: counted with it, no source read
    by_sync: bool = False
    # a feed moved for good (301/308), at each fetch through the move (its `warning` says it
    # at the first only): its new address, passwords hidden, one line
    moved_to: str | None = None
    moved_from: str = ""  # ...and the url the config gives it (moved_line names it)
    moved_onto: str = ""  # ...and the config's entry at its new address, if it has one
    moved_news: bool = False  # ...and this is the fetch that says it (its first through it)
    # it failed for the network's sake (refused, unknown host, timed out, reset), not for what
    # a server answered: a fetch where every feed failed so says the network looks down
    network: bool = False
    # the feed's address as the config gives it (a fetch's feeds): the app's refresh line
    # finds the feed done by it, where the name changed as the fetch read its title
    url: str = ""

    @property
    def failed(self) -> bool:
        """It was not read: an error, or waiting after earlier failures."""
        return self.error is not None or self.waiting_until is not None


# What follows a moved feed for the user, named where a move is said (user test r50 MED-2:
# only `?` and the README knew): the command, and the app's key (its key in effect is put in)
FOLLOW_BY_COMMAND = "run `newstui feeds --update-moved`"
FOLLOW_BY_KEY = "press {key} to follow it"


def moved_line(
    where: str, config: str, url: str = "", listed_as: str = "", follow: str = FOLLOW_BY_COMMAND
) -> str:
    """What a fetch says of a feed a permanent redirect moved to `where` (already cleaned: see
    SourceOutcome.moved_to), the CLI's warning and the app's refresh line alike; `config` names
    the file to change ("feeds.toml", "the config"), `url` the url it gives the feed, written
    as there (user test r44 L4: a feed without a name was named only by the title read at its
    new address, which the file holds nowhere), `follow` what else follows it (the CLI's
    command, the app's key: FOLLOW_BY_KEY). `listed_as`: the one name of the entry `config`
    has at `where` already, which a second entry cannot name (user test r47 M2)."""
    from newstui.errors import hide_passwords
    from newstui.text import clean_line

    if listed_as:
        entry = clean_line(listed_as, 120)
        return f"moved permanently to {where}, which {config} lists as {entry!r}: remove this entry"
    written = f' (url = "{clean_line(hide_passwords(url), 300)}")' if url else ""
    also = f", or {follow}" if follow else ""
    change = f"change its url in {config}{written} to that address"
    return f"moved permanently to {where}: {change}{also}"
