"""Adding a feed by its address: the feed behind a web page, one trial fetch, and only when it
reads, an entry in feeds.toml. `newstui add` and the app's `a` both go through here."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from newstui.config import Config, FeedConfig, load_config, same_url
from newstui.config.feed_urls import url_meant
from newstui.config.source_edits import add_feeds
from newstui.errors import NewstuiError, SourceError, hide_url_password
from newstui.library import Library
from newstui.model import moved_line
from newstui.text import clean_line

if TYPE_CHECKING:
    from newstui.downloads import EpisodesQueued
    from newstui.model import SourceOutcome
    from newstui.sources.discovery import FeedAnswer, FeedLink


def feed_address(typed: str) -> str | None:
    """The http(s) URL `add` (and the app's `a`) reads a typed address as, as `opml import` reads
    an outline's: `feed://host/x` as http://host/x (`feed:https://…`, `itpc://` and the other
    podcast apps' schemes likewise), a space in its path percent-encoded; None when it is none."""
    from newstui.sources.urls import feed_url_of, web_url

    return web_url(feed_url_of(typed.strip()))


# An address whose scheme says it is a web one (http, https, or a feed app's for http)
_WEB_SCHEME = re.compile(r"(?:https?|feed|itpc|pcast|podcast):", re.I)


def not_a_feed_url(url: str) -> str:
    """Why `url` cannot be added, and what the user probably meant: a local file is imported, a
    web address needs its scheme; a web address with white space where a URL holds none says
    that is its problem."""
    if not url.strip():  # `newstui add ''` said ": not an http(s) URL" (user test r33 L15)
        return "no URL given: add takes a feed's address or a web page's (https://…)"
    shown = hide_url_password(
        url
    )  # (`me:secret@host/feed`, a scheme mistyped: the password as ***)
    written = url.strip()
    if _WEB_SCHEME.match(written) and any(c.isspace() for c in written):
        if any(c in written for c in "\t\n\r"):  # (a path's spaces are encoded, not these)
            return f"{shown}: a tab or line break in the address; a URL holds none"
        return f"{shown}: a space in its host name; a URL's host holds none"
    message = f"{shown}: not an http(s) URL"
    try:
        local = url.startswith("file://") or (bool(url) and Path(url).expanduser().exists())
    except (OSError, ValueError):  # not a possible path (a NUL, too long)
        local = False
    how = (
        "a local file or folder is read by `newstui import PATH` (once) or by a [[local]] entry "
        "in feeds.toml (on every fetch)"
    )
    if local:
        return f"{message}; {how}"
    if url.startswith(("/", "~", "./", "../")):  # a path, and nothing there
        return f"{shown}: no such file or folder, and not an http(s) URL; {how}"
    # (a test or home server: https was suggested, and the TLS handshake failed: url_meant)
    meant = url_meant(url)
    return f"{message}; did you mean {hide_url_password(meant)} ?" if meant else message


def feeds_behind(url: str, config: Config) -> list[FeedLink] | FeedAnswer:
    """The feeds a web page at `url` links to (`<link rel="alternate">`), or its answer when
    `url` is not a web page (then it is taken to be the feed itself: add_feed's `answer`);
    SourceError for a page linking to none."""
    from newstui.ingest.fetcher import limits_from
    from newstui.sources.discovery import discover_feeds
    from newstui.sources.http import Fetcher

    async def discover() -> list[FeedLink] | FeedAnswer:
        async with Fetcher(limits_from(config)) as fetcher:
            return await discover_feeds(fetcher, url)

    return asyncio.run(discover())


def feeds_to_add(url: str, links: list[FeedLink], config: Config) -> list[FeedLink]:
    """The feeds a page at `url` links to that the config does not list yet, to choose from;
    when it lists every one, an error naming them (as for a feed URL already listed)."""
    listed = [next((f for f in config.feeds if same_url(f.url, link.url)), None) for link in links]
    fresh = [link for link, feed in zip(links, listed, strict=True) if feed is None]
    if links and not fresh:
        names = ", ".join(repr(feed.name) for feed in listed if feed is not None)
        what = "the feed it links to is" if len(links) == 1 else "every feed it links to is"
        raise NewstuiError(
            f"{config.path}: {hide_url_password(url)}: {what} already configured as {names}",
            source=url,
        )
    return fresh


def feed_problem(url: str, config: Config) -> str | None:
    """Why the feed at `url` cannot be read (the one-line error of a fetch), or None when it
    can: what a sync server that refuses to subscribe to it most likely ran into."""
    from newstui.ingest.fetcher import limits_from
    from newstui.sources.feeds import parse_feed
    from newstui.sources.http import Fetcher

    async def read() -> None:
        async with Fetcher(limits_from(config)) as fetcher:
            result = await fetcher.fetch(url)
        parse_feed(result.body, url, result.content_type)

    try:
        asyncio.run(read())
    except SourceError as exc:
        return str(exc)
    return None


def already_configured(config: Config, url: str, library: Library) -> None:
    """Raise when `url` is one of the config's feeds already, naming it by its one name (user
    test r50 LOW-8: an entry without `name` was said by its address, listed by its title)."""
    from newstui.ingest.configured_sources import stored_name_at

    if name := stored_name_at(library, config, url):
        raise NewstuiError(
            f"{config.path}: feed already configured as {clean_line(name, 120)!r}", source=url
        )


def has_articles(outcome: SourceOutcome) -> bool:
    """True when the trial fetch read at least one article (a new blog or podcast may have none)."""
    return bool(outcome.new or outcome.updated)


class AddedFeed(NamedTuple):
    """A feed `add_feed` wrote to the config: its entry, the trial fetch's outcome (named as the
    entry), its id in the store, and the newest episodes `[settings]` download_new queued."""

    entry: FeedConfig
    outcome: SourceOutcome
    feed_id: int
    queued: tuple[EpisodesQueued, ...] = ()
    kept: int = 0
    """How many articles the store held of it before (a restored backup's: user test r47 M6)."""


def add_feed(
    library: Library,
    config: Config,
    url: str,
    name: str | None,
    tags: tuple[str, ...] = (),
    *,
    analyse_stale: bool = True,
    analyse_here: bool = True,
    answer: FeedAnswer | None = None,
) -> AddedFeed:
    """Fetch the feed at `url` once (`answer`: what it answered feeds_behind, taken as the trial
    fetch's response: not requested again), as `fetch` would once it is added; when it reads, append it
    to the config file (comments kept) and store it as a source. A feed already configured, one
    that does not read, or one that reads without one article from a cut-off document or one
    with no title, is an error and leaves the config and the store as they were; a feed with no
    article yet (an ill-formed but whole one too: `&nbsp;`, served as text/html) is added; one
    the store lists already keeps its name and tags where none are given.
    `analyse_stale=False` analyses only articles never analysed, not those an older extractor
    did (the app re-analyses them on its own); `analyse_here=False` analyses in a worker
    process (the app's: see pending_analysis.analyse_pending). The config's `[[filters]]` run over its
    articles, as after a fetch. A feed that moved for good (HTTP 301, 308) is written at its new
    address, and its outcome's warning says so."""
    from newstui.add_mark import add_marked

    # Marked from its trial fetch until the config lists it: a fetch meanwhile leaves it alone
    # (user test r55 HIGH-1: one removed it, or set it aside, under the add)
    with add_marked(library.database_file(), url):
        return _add_feed(library, config, url, name, tags, (analyse_stale, analyse_here), answer)


def _add_feed(
    library: Library,
    config: Config,
    url: str,
    name: str | None,
    tags: tuple[str, ...],
    analysis: tuple[bool, bool],
    answer: FeedAnswer | None,
) -> AddedFeed:
    """add_feed's work, under the add's mark (`analysis`: its analyse_stale, analyse_here)."""
    from newstui.ingest.fetch_lines import describe
    from newstui.ingest.filter_run import apply_filters
    from newstui.ingest.pending_analysis import analyse_pending
    from newstui.ingest.pipeline import fetch_feeds
    from newstui.sources.discovery import answering
    from newstui.sources.http import Fetcher

    already_configured(config, url, library)
    # The file as it is now must take the entry (the app's config was read at its start: a file
    # broken since stored the feed, then refused to write it, r35 tryit M-a): nothing fetched else.
    if config.path.exists():  # (`add` makes a missing file)
        load_config(config.path)
    before = library.last_article_id()  # (what is stored after it is new: download_new)
    held = library.source_held(url)  # (set aside, or removed with starred articles kept)
    kept = 0
    if held is not None:  # a move its last fetch followed is said again, so written (r36 F1)
        library.forget_read_from(url)
        kept = library.removal_counts(held)[0]
        # a feed the store lists (a restored backup's) keeps its name and folders (r47 M6)
        if (listed := library.listed_entry(url)) is not None:
            name, tags = name or listed[0] or None, tags or listed[1]
    # A new entry carries no settings of its own, so [settings] decide (full text above all:
    # false means no page fetched).
    # Without a name given, the trial goes by the feed's own title (else its site's host) as
    # soon as its fetch has stored it, as a feed without `name` does: the app's Sources listed
    # it by its whole address while its articles were analysed (user test r53 LOW-6). A fetch
    # that fails still names it by its address.
    trial = FeedConfig(
        url,
        name or hide_url_password(url),
        tags,
        config.settings.fulltext,
        named=name is not None,
    )
    with_trial = dataclasses.replace(config, feeds=(*config.feeds, trial))
    # named, so tried now even when the store left this URL to wait after failures (it wrote
    # the entry untried, "no article yet", user test r33 M9), as `fetch NAME` tries it
    opener = answering(answer, Fetcher) if answer is not None and answer.url == url else Fetcher
    [outcome] = asyncio.run(
        fetch_feeds(
            library,
            with_trial,
            [trial],
            analyse=False,
            respect_waits=False,
            subscribed=False,
            open_fetcher=opener,
        )
    )
    stale, here = analysis
    analyse_pending(library, config.settings.extractor, stale=stale, here=here)
    error = outcome.error
    warning = outcome.warning
    cut_off = outcome.cut_short or (warning and not library.source_title(url))
    if error is None and warning and cut_off and not has_articles(outcome):
        problem = warning.replace(", read anyway", "")  # a broken document, not a new feed
        error = f"{url}: no article could be read, {problem}"
    if error is not None:
        library.forget_source_if_empty(url)
        reason = describe(outcome) if outcome.error else error
        raise SourceError(f"{reason} (not added to {config.path})", source=url)
    title = name or library.source_title(url) or hide_url_password(url)
    moved = _moved_for_good(library, url, outcome)
    try:
        if moved is not None:  # (the new address configured already: that entry is the feed)
            already_configured(config, moved, library)
        [added] = add_feeds(config.path, [FeedConfig(moved or url, title, trial.tags)])
    except Exception:  # (the file changed under the fetch): a source this add made goes too;
        # one the store held before stays as it was, its kept and starred articles with it
        stored = library.find_source(url)
        if stored is not None and held is None:
            library.remove_source(stored, purge=True)
        raise
    if moved is not None:
        library.move_source_address(url, moved)
        outcome = _said_added_there(outcome, config.path.name)
        url = moved
    feed_id = library.register_source(url, added.name, url=url, tags=added.tags)
    apply_filters(library, config)  # its first articles hidden or read as a fetch's (r41 M1)
    queued: list[EpisodesQueued] = []
    if config.downloads_new_episodes:  # its newest episodes, as a first fetch queues them
        from newstui.downloads import queue_new_episodes

        queued = queue_new_episodes(library, config, before)
    named = dataclasses.replace(outcome, name=added.name)
    return AddedFeed(added, named, feed_id, tuple(queued), kept)


def _moved_for_good(library: Library, url: str, outcome: SourceOutcome) -> str | None:
    """The address the trial fetch found the feed moved to for good (HTTP 301 or 308, each
    redirect permanent, so it is the feed's own), to write in place of `url`; None when it did
    not move, or moved to an address the store holds another source of."""
    if outcome.moved_to is None:
        return None
    read_from = library.feeds_read_from().get(url)  # (the address itself, passwords and all)
    if read_from is None or clean_line(hide_url_password(read_from), 300) != outcome.moved_to:
        return None  # (a redirect for now after the move: the feed's address is not known)
    return read_from if library.source_held(read_from) is None else None


def _said_added_there(outcome: SourceOutcome, config_name: str) -> SourceOutcome:
    """The trial fetch's outcome once its new address is written to `config_name` (the file
    the fetch named in its warning): the move said as done."""
    done = f"moved permanently to {outcome.moved_to}: added at that address"
    warning = (  # (a plain branch, not an assert: a move without its line is said here)
        done
        if outcome.moved_to is None or outcome.warning is None
        else outcome.warning.replace(
            moved_line(outcome.moved_to, config_name, outcome.moved_from), done
        )
    )
    return dataclasses.replace(outcome, warning=warning, moved_to=None)


def subscribe_on_server(
    library: Library, config: Config, url: str, name: str | None, folder: str | None
) -> None:
    """With [sync], add the feed at `url` as a subscription on the server (in `folder`), as
    `newstui add` and the app's `a` do; feeds.toml is left alone (the server fetches the feed). A
    feed configured or subscribed already is an error, and so is the server's refusal: when the
    feed itself does not read, the error names its problem rather than the server's bare status."""
    from newstui.errors import SyncError
    from newstui.model import fold_url
    from newstui.sync.client import server_name
    from newstui.sync.run import make_client

    sync = config.sync
    assert sync is not None
    already_configured(config, url, library)
    on_server = next(
        (f for f in library.sync.feeds() if fold_url(f.url or "") == fold_url(url)), None
    )
    if on_server is not None:
        raise NewstuiError(
            f"{url}: already subscribed on the sync server as {on_server.name!r}", source=url
        )

    async def subscribe() -> None:
        async with make_client(sync, config, library) as client:
            await client.subscribe(url, name, folder)

    try:
        asyncio.run(subscribe())
    except SyncError as exc:  # the server's reason is a bare status: is the feed readable?
        if problem := feed_problem(url, config):
            raise SourceError(
                f"{problem} (not subscribed on {server_name(sync.url)})", source=url
            ) from exc
        raise
    if folder:  # (its label cannot say whether "News/Europe" is nested: the sync asks here)
        library.sync.ask_folder(url, folder)
