"""What the headline list shows: a named article filter (a smart view, tag, feed, search...)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newstui.local_times import in_message, short_time
from newstui.model import ArticleFilter, FeedRow
from newstui.model.folders import any_in_folder
from newstui.model.names import name_key

if TYPE_CHECKING:  # the query language is imported when a query is typed or a view saved
    from newstui.model import SmartCounts
    from newstui.query import Query


@dataclass(frozen=True)
class View:
    """A titled filter; `key` identifies it in the sources pane (e.g. "all", "feed:3")."""

    key: str
    title: str
    filter: ArticleFilter = field(default_factory=ArticleFilter)
    # shown when the view is empty, e.g. why a feed has no articles; no part of which view it
    # is (a feed's note changes at each fetch, its view does not: r44 M1)
    note: str | None = field(default=None, compare=False)
    query: str | None = None  # a query for the same articles, which `S` saves as a view
    broken: str | None = None  # a saved view whose query does not parse: why (it lists nothing)


ALL = View("all", "All articles")
UNREAD = View("unread", "Unread", ArticleFilter(unread=True))
STARRED = View("starred", "Starred", ArticleFilter(starred=True))
HIDDEN = View(
    "hidden",
    "Hidden",
    ArticleFilter(hidden=True),
    "Articles hidden by a filter ([[filters]] in feeds.toml) are listed here.",
)


def feed_view(
    feed_id: int,
    name: str,
    last_error: str | None = None,
    next_try: str | None = None,
    refresh_key: str = "r",
    failing: str = "",
) -> View:
    """The articles of one source; an empty one says why its last fetch failed (and since when:
    `failing`, see failing_clause), and when it is tried again if it is waiting (and
    `refresh_key`, the key in effect, that refreshes it now; "" when the user unbound it)."""
    note = f"The last fetch failed: {in_message(last_error)}{failing}" if last_error else None
    if note and next_try:
        now = f" (press {refresh_key} to refresh it now)" if refresh_key else ""
        note += f"\n\nNext try at {short_time(next_try)}{now}."
    return View(f"feed:{feed_id}", name, ArticleFilter(feed_id=feed_id), note)


UNREAD_ONLY_TITLE = " · unread only"


def unread_only_view(view: View, toggle_key: str = "U") -> View:
    """The unread articles of a list of Sources (All, a feed, a folder, a saved view), as the
    unread-only toggle shows it; any other list (Unread, Starred, Hidden, a search) as it is.
    Filtered by flags, it keeps an article read while shown until it is shown again."""
    f = view.filter
    if view.broken or f.unread or f.starred or f.hidden:
        return view
    if view.key != "all" and not view.key.startswith(("feed:", "tag:", "view:")):
        return view
    again = f" Press {toggle_key} to list the read ones too." if toggle_key else ""
    note = f"No unread articles in {view.title}.{again}"
    title = f"{view.title}{UNREAD_ONLY_TITLE}"
    return replace(view, title=title, filter=replace(f, unread=True), note=note)


def failing_clause(feed: FeedRow) -> str:
    """ " (failing since Tue 16:32, 12 fetches)" after a failing feed's error, when it has been
    failing for a while (FeedRow.failing_for_a_while), as `newstui feeds` says it; else ""."""
    since = feed.failing_for_a_while()
    return f" (failing since {short_time(since)}, {feed.failures:,} fetches)" if since else ""


def names_gone_source(view: View, feeds: Iterable[FeedRow]) -> bool:
    """Whether a source's or a tag's view names none of `feeds` (the sources listed now): its
    source was removed, or no source has its tag any more."""
    feed_id, tag = view.filter.feed_id, view.filter.tag
    if feed_id is not None:
        return all(feed.id != feed_id for feed in feeds)
    if tag is not None:
        return not any(any_in_folder(feed.tags, tag) for feed in feeds)
    return False


def tag_view(tag: str) -> View:
    """The articles of every source with this tag or one under it (a folder and its
    subfolders: model.folders)."""
    return View(f"tag:{tag}", f"#{tag}", ArticleFilter(tag=tag))


def search_view(query: Query, search: str = "/", back: str = "q") -> View:
    """The articles matching a query typed in the search box (empty: how to go on from it, with
    the keys in effect)."""
    note = f"Nothing matches {query.text}.{_syntax_hint(query)} Press {search} to search again, "
    note += f"{back} to go back."
    return View(f"search:{query.text}", f"Search: {query.text}", ArticleFilter(query=query), note)


def newsboat_found_note(view: View, count: int) -> str | None:
    """What to say of a search or saved view written in newsboat's filter language that found
    articles (newstui read it as words to find: `title =~ "Trump"` lists the articles with the
    words title and Trump, user test r52 M4): what it listed, and the query meant; None for any
    other view."""
    query = view.filter.query
    if query is None or not count or not any(sign in query.text for sign in "=~#<>"):
        return None
    from newstui.sources.newsboat_urls import newsboat_operator_hint

    hint = newsboat_operator_hint(query.text)
    if hint is None:
        return None
    listed = "The article listed has" if count == 1 else f"The {count:,} articles listed have"
    return f"{listed} the words of {query.text}, as newstui reads it. {hint[0].upper()}{hint[1:]}."


def hidden_matches_note(note: str, hidden: int) -> str:
    """An empty search's note with how many matching articles a hide filter hid, as `newstui
    search` says it (user test r35 L4: "Nothing matches" for an article the user knew came)."""
    if not hidden:
        return note
    if hidden == 1:
        return f"{note} 1 matching article is hidden by a filter: Hidden, in Sources, lists it."
    return f"{note} {hidden:,} matching articles are hidden by filters: Hidden, in Sources, lists them."


def saved_view(name: str, query: Query) -> View:
    """A `[[views]]` entry of the config: a named query listed in the sources pane (empty and
    written in newsboat's syntax: how to write it)."""
    hint = _syntax_hint(query)
    note = f"Nothing matches.{hint}" if hint else None
    return View(f"view:{name}", name, ArticleFilter(query=query), note)


def _syntax_hint(query: Query) -> str:
    """ " Newsboat syntax: write … instead (…)." for a query in newsboat's filter language or
    joined by a lower-case or/and; "" for any other."""
    from newstui.sources.newsboat_urls import newsboat_syntax_hint

    hint = newsboat_syntax_hint(query.text)
    return f" {hint[0].upper()}{hint[1:]}." if hint else ""


def broken_view(name: str, problem: str) -> View:
    """A `[[views]]` entry whose query does not parse: listed (greyed) with the reason, so it can
    be seen and removed, but never shown as if it listed every article."""
    return View(f"view:{name}", name, broken=problem)


def entity_view(entity_id: int, name: str, query: str | None = None) -> View:
    """Every article that mentions an entity (`query`: the same as a query, e.g. person:"…")."""
    return View(
        f"entity:{entity_id}",
        f"Mentioning {name}",
        ArticleFilter(entity_id=entity_id),
        query=query,
    )


def speaker_view(speaker: str) -> View:
    """Every article with a quote by this speaker."""
    return View(
        f"speaker:{speaker}",
        f"Quoting {speaker}",
        ArticleFilter(speaker=speaker),
        query=follow_query("speaker", speaker),
    )


def follow_query(field: str, name: str) -> str:
    """The query of a followed name: `person:"Dmitry Peskov"` (a name's own quotes become
    spaces)."""
    return f'{field}:"{" ".join(name.replace(chr(34), " ").split())}"'


def listed_by_flags(f: ArticleFilter) -> bool:
    """Whether what a filter lists depends on the articles' read or starred state (Unread,
    Starred, a query with `unread` or `starred`): such a list keeps a row the user marked out of
    it until the user shows it again, as newsboat's query feeds do."""
    if f.unread or f.starred:
        return True
    if f.query is None:
        return False
    from newstui.query import And, Fact, Not, Or

    nodes: list[object] = [f.query.root]
    while nodes:
        node = nodes.pop()
        if isinstance(node, Fact) and node.name in ("unread", "starred"):
            return True
        if isinstance(node, And | Or):
            nodes.extend(node.parts)
        elif isinstance(node, Not):
            nodes.append(node.part)
    return False


def counted_total(
    view: View,
    smart: SmartCounts,
    feeds: Iterable[FeedRow],
    tags: Iterable[tuple[str, int, int]],
) -> int | None:
    """How many articles a view holds, from the sources pane's counts: smart views', feeds'
    and tags' (tag, articles, unread) (None: not counted there)."""
    f = view.filter
    if f.query is not None or f.entity_id is not None or f.speaker or f.ids is not None:
        return None
    if f.hidden:
        return smart.hidden if f == HIDDEN.filter else None
    if f.feed_id is None and f.tag is None:
        if f.unread and f.starred:
            return smart.starred_unread
        return smart.unread if f.unread else smart.starred if f.starred else smart.total
    if f.unread or f.starred:
        return None
    if f.tag is not None:  # (its list shows a story two of its feeds carry once)
        return next((n for tag, n, _ in tags if name_key(tag) == name_key(f.tag)), None)
    return sum(r.articles for r in feeds if r.id == f.feed_id)
