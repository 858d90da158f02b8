"""`newstui list`, `unread`, `search`, `show` and `mark`: the stored articles, read and marked."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newstui.cli.arguments import UsageError, storable_id
from newstui.cli.config_file import config_path_of, optional_config
from newstui.cli.output import (
    ArticleLines,
    NothingFound,
    ascii_json,
    complain,
    emit,
    print_json_error,
    print_trimmed,
    say_more_exist,
    stdout_console,
    terminal_safe_data,
)
from newstui.cli.source_names import meant_source, not_fetched_yet, set_aside_source
from newstui.counts import counted, plural
from newstui.errors import ConfigError, NewstuiError, hide_url_password
from newstui.headline_fields import article_row_json
from newstui.library import Library
from newstui.model import NEWEST_FIRST, ArticleFilter, ArticleRow, SortOrder
from newstui.model.names import name_key
from newstui.query_folders import folder_tags, unknown_folders
from newstui.word_lists import did_you_mean

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.query import Query  # the query language: by the commands given a query


def user_query(text: str) -> Query:
    """A query from the command line; an invalid one is one line naming the problem and where."""
    from newstui.nlp import query_keys  # not at import: `newstui` (the app) starts sooner
    from newstui.query import QueryError, parse_query

    try:
        return parse_query(text, query_keys)
    except QueryError as exc:
        shown = text if len(text) <= 60 else text[:59] + "…"  # the problem must stay in view
        raise NewstuiError(f"query {shown!r}: {exc}") from None


def cmd_unread(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui unread`: the number of unread articles alone, as the app's Unread view counts
    them (a story once, hidden ones not), for tmux's or a bar's status line (newsboat's
    `-x print-unread`; user test r48 LOW-3: `feeds` printed a table of 160 rows)."""
    unread = library.smart_counts().unread
    return emit(args, {"unread": unread}, str(unread))


def cmd_list(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui list`."""
    feed_id = None
    if args.feed:
        feed_id = library.find_source(args.feed)
        if feed_id is None and not_fetched_yet(library, config, args.feed):
            # listed by `feeds` from the config (r43 L7: "no feed named" it said); one the
            # config skips is not fetchable, as `feeds` and `fetch NAME` say (hostile r46 L7)
            import shlex  # its import compiles a pattern: only this message needs it

            skipped = config.skipped_named(args.feed) if config is not None else None
            typed = hide_url_password(args.feed)
            return emit(
                args,
                [],
                NothingFound(
                    f"no articles: {typed!r} is {skipped.not_fetchable}"
                    if skipped is not None
                    else f"no articles: {typed!r} has not been fetched yet"
                    f" (`newstui fetch {shlex.quote(typed)}` fetches it)"
                ),
            )
        if feed_id is None:
            feed_id = set_aside_source(library, config, args.feed)
        if feed_id is None:
            raise NewstuiError(
                f"no feed named {hide_url_password(args.feed)!r}"
                f"{meant_source(library, config, args.feed)} (see `newstui feeds`)",
                source=hide_url_password(args.feed),
            )
    if args.tag:  # the folder and its subfolders (model.folders)
        # "AC/DC Fans" for the folder "AC∕DC Fans", "munchen" for "München", as tag: finds them
        tags = folder_tags(library)
        meant = library.folders_meant(args.tag, tags)
        if not meant:  # a subfolder by its own name, a typo: the path meant (r49 MED-3)
            near = did_you_mean(library.folders_near(args.tag, tags))
            raise NewstuiError(f"no source has the tag {args.tag!r}{near} (see `newstui feeds`)")
        args.tag = meant[0] if len(meant) == 1 else args.tag
    query = user_query(args.query) if args.query is not None else None
    if query is not None:
        _say_unknown_folders(library, query.text)
    if args.view is not None:
        view = _saved_view(args, config)
        query = user_query(f"({view})" if query is None else f"({view}) AND ({query.text})")
    f = ArticleFilter(
        feed_id=feed_id,
        tag=args.tag,
        unread=args.unread,
        starred=args.starred,
        query=query,
        hidden=args.hidden,
    )
    order = SortOrder.parse(args.sort) or NEWEST_FIRST
    if args.text and not args.json:
        raise UsageError("--text goes with --json (each article's text in its object)")
    if args.json:
        return _list_json(library, f, order, args)
    rows = library.articles(f, limit=args.limit, order=order)  # None with --all
    if rows and len(rows) == args.limit:
        say_more_exist("list", len(rows), library.count(f), "articles", " or --all")
    empty = "no articles"
    if not rows and not args.hidden:  # a feed whose every article a filter hid
        empty += _hidden_by_filters(library, f, "article", "list --hidden")
        empty += _newsboat_hint(query.text if query is not None else "")
    return emit(args, [], ArticleLines(rows) if rows else NothingFound(empty))


JSON_AT_ONCE = 500  # articles read (and their JSON written) at a time by `list --json`


def _list_json(
    library: Library, f: ArticleFilter, order: SortOrder, args: argparse.Namespace
) -> int:
    """`list --json`, written as it is read, JSON_AT_ONCE articles at a time, so memory stays
    flat however many: the bytes json.dumps of the whole list writes (indented, every string
    terminal-safe), without the list (`list --all --json` of 200,000 articles took 652 MB).
    With --text, each object adds the article's text and summary (user test r46 M4: no way to
    get 200,000 articles' texts out but `show` per id, ~28 h). A failure once the array began
    closes it there, and its error goes to stderr (`args.json_array_begun`): stdout stays JSON,
    the exit status says it is cut (hostile r47 M2: half an array, an error object glued on)."""
    from newstui.headline_fields import article_row_json

    limit, texts = args.limit, args.text
    if texts:
        ids = library.article_ids(f, order)
        if limit is not None and len(ids) > limit:
            say_more_exist("list", limit, len(ids), "articles", " or --all")
            del ids[limit:]
        stored = (library.article(article_id) for article_id in ids)
        rows: Iterator[tuple[ArticleRow, dict[str, str | None]]] = (
            (s.row, {"text": s.text, "summary": s.summary})
            for s in stored
            if s is not None  # (None: removed since the ids were read)
        )
    else:
        rows = ((row, {}) for row in library.each_article(f, limit=limit, order=order))
    written, ascii_only, out = 0, ascii_json(), sys.stdout
    try:
        while chunk := list(itertools.islice(rows, JSON_AT_ONCE)):
            stories = library.story_sizes(row.id for row, _ in chunk)
            for row, more in chunk:
                data = article_row_json(row, stories.get(row.id)) | more
                shown = json.dumps([terminal_safe_data(data)], ensure_ascii=ascii_only, indent=2)
                args.json_array_begun = True  # (from its "[" on)
                out.write(("[\n" if not written else ",\n") + shown[2:-2])
                written += 1
            out.flush()
    except BaseException as exc:
        if written and not isinstance(exc, BrokenPipeError):
            with contextlib.suppress(OSError, ValueError):
                out.write("\n]\n")
                out.flush()
        raise
    out.write("\n]\n" if written else "[]\n")
    if not texts and written and written == limit:  # (said once the JSON is out: counted then)
        say_more_exist("list", written, library.count(f), "articles", " or --all")
    return 0


def _rows_json(library: Library, rows: list[ArticleRow]) -> list[dict[str, Any]]:
    """`list`/`search --json`'s objects, each with its story and how many other versions it
    has: a list shows a story once, so it can be shorter than its feeds' counts added up."""
    stories = library.story_sizes(r.id for r in rows)
    return [article_row_json(r, stories.get(r.id)) for r in rows]


def _hidden_by_filters(library: Library, f: ArticleFilter, noun: str, shows: str) -> str:
    """What to add to "no articles"/"no matches" when filters hid articles `f` would give:
    how many, and the command (`shows`) that lists them; "" when none were hidden."""
    hidden = library.count(dataclasses.replace(f, hidden=True))
    return f" ({counted(hidden, noun)} hidden by filters: `{shows}` shows them)" if hidden else ""


def _newsboat_hint(query: str) -> str:
    """What to add to "no matches" for a query in newsboat's syntax or joined by a lower-case
    or/and: "; newsboat syntax: write title:"tokyo" instead …"; "" for any other."""
    from newstui.sources.newsboat_urls import newsboat_syntax_hint

    hint = newsboat_syntax_hint(query)
    return f"; {hint}" if hint else ""


def _saved_view(args: argparse.Namespace, config: Config | None) -> str:
    """The query of the saved view `list --view` names (its name without case)."""
    if args.demo:
        raise NewstuiError("--view: the demo has no config file, so no saved views; drop --demo")
    path = config_path_of(args)
    if config is None:
        raise ConfigError(f"{path}: no view named {args.view!r}: no config file", source=str(path))
    view = next((v for v in config.views if name_key(v.name) == name_key(args.view)), None)
    if view is None:
        names = ", ".join(repr(v.name) for v in config.views)
        known = f" (its views: {names})" if names else " (it has no [[views]])"
        raise ConfigError(f"{path}: no view named {args.view!r}{known}", source=str(path))
    if view.problem:  # (every command warned of it: `list --view` on it cannot list it)
        raise ConfigError(view.problem, source=str(path))
    return view.query


def _say_unknown_folders(library: Library, query: str) -> None:
    """A warning line for each `tag:` of a typed query that names no folder, with the folder
    likely meant (`tag:nordics` found nothing, unsaid: user test r49 MED-3)."""
    if "tag:" not in query.casefold():
        return
    for line in unknown_folders(query, folder_tags(library)):
        complain(f"warning: {line}")


def cmd_search(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui search QUERY`."""
    query = user_query(" ".join(args.query))
    _say_unknown_folders(library, query.text)
    rows = library.search(query, limit=max(args.limit, 0))
    if rows and len(rows) == args.limit:
        total = library.count(ArticleFilter(query=query))
        say_more_exist("search", len(rows), total, "matching articles")
    empty = "no matches"
    if not rows and not args.json:  # as `list` says: matches a filter hid are not "none"
        empty += _hidden_by_filters(
            library, ArticleFilter(query=query), "matching article", "list --hidden --query QUERY"
        )
        empty += _newsboat_hint(query.text)
    elif rows:
        _say_newsboat_found(query.text, len(rows) if len(rows) < args.limit else None)
    shown = ArticleLines(rows) if rows else NothingFound(empty)
    return emit(args, _rows_json(library, rows) if args.json else [], shown)


def _say_newsboat_found(query: str, count: int | None) -> None:
    """A warning line for a query in newsboat's filter language that found articles: newstui
    read it as words to find (`title =~ "Trump"` lists the articles with the words title and
    Trump: user test r52 M4), and the query meant. `count` None: more than were listed."""
    if not any(sign in query for sign in "=~#<>"):
        return
    from newstui.sources.newsboat_urls import newsboat_operator_hint

    if (hint := newsboat_operator_hint(query)) is not None:
        found = "articles" if count is None else counted(count, "article")
        complain(f"warning: {found} with the words of {query}, as newstui reads it; {hint}")


def cmd_show(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui show ID`."""
    stored = library.article(args.id) if storable_id(args.id) else None
    if stored is None:
        raise NewstuiError(f"no article with id {args.id}")
    analysis = library.analysis(args.id)
    downloads = library.downloads.all(args.id)
    from newstui.downloads import drop_deleted_files, file_deleted

    if deleted := [d for d in downloads if file_deleted(d)]:  # (outside newstui: not downloaded)
        with contextlib.suppress(NewstuiError):  # (a store that cannot be written: left)
            drop_deleted_files(library, deleted)
        downloads = [d for d in downloads if d not in deleted]
    from newstui.render import article_json, damage_line, render_article_text

    if stored.damaged:
        complain(f"newstui show: {damage_line(stored)}")
    reads_as = library.reads_as(stored, "rules")  # "other": a line says why few are marked
    if reads_as == "other" and not args.demo:  # (only then the config: its extractor's choice)
        config = optional_config(args, "show", args.config is not None, asked=True)
        reads_as = library.reads_as(stored, config.settings.extractor) if config else reads_as
    if args.json:
        story = library.story_sizes([args.id]).get(args.id)
        return emit(args, article_json(stored, analysis, downloads, story, reads_as))
    width = stdout_console().width  # (what the lines are wrapped to: a table aligned in it)
    text = render_article_text(
        stored, analysis, downloads=downloads, reads_as=reads_as, width=width
    )
    print_trimmed(text)
    return 0


def cmd_mark(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui mark ID... --read/--unread/--star/--unstar`."""

    if args.read is None and args.starred is None:
        raise UsageError("say what to mark: --read, --unread, --star or --unstar")
    ids = sorted(set(args.ids))
    marked = library.marked(filter(storable_id, ids), read=args.read, starred=args.starred)
    count = marked.found
    data: dict[str, Any] = {
        "marked": count,
        "missing": 0,
        "changed": marked.changed + marked.copies,
        "copies": marked.copies,
    }
    if len(ids) > count:  # (rare) which ids: those the store has not
        missing = [i for i in ids if not storable_id(i) or library.article(i) is None]
        listed = ", ".join(map(str, missing))
        done = f" ({counted(count, 'other article')} marked)" if count else ""
        error = f"no article with {plural(len(missing), 'id')} {listed}{done}"
        if not args.json:
            raise NewstuiError(error)
        # the error object with what was done: a script marking 50 ids learns the counts
        print_json_error(error, "input", None, **{**data, "missing": len(missing)})
        return 1
    # what changed: the articles named, and the other versions of their stories with them
    line = f"marked {counted(count, 'article')}"
    if marked.copies:
        line += f" (and {counted(marked.copies, 'copy', 'copies')} of the same story)"
    if marked.changed < count:
        line += f"; {counted(count - marked.changed, 'was', 'were')} already so"
    return emit(args, data, line)
