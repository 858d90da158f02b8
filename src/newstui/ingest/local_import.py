"""Local files and folders imported as sources (`newstui import`, `[[local]]` entries)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from newstui.config import LocalConfig
from newstui.config.source_names import clean_tags
from newstui.counts import counted
from newstui.errors import NewstuiError, SourceError
from newstui.ingest.configured_sources import local_key, path_text
from newstui.ingest.fetch_lines import dropped_said
from newstui.ingest.pending_analysis import analyse_pending
from newstui.ingest.progress import ProgressCallback
from newstui.library import Library
from newstui.model import Article, SourceOutcome
from newstui.text import clean_line

logger = logging.getLogger(__name__)


def _undecodable(path: Path | str) -> bool:
    """True when a file name holds bytes that are not UTF-8 (the OS gave lone surrogates)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def import_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    name: str | None = None,
    tags: tuple[str, ...] | None = None,
    extractor: str = "rules",
    on_outcome: ProgressCallback | None = None,
    max_bytes: int = 0,
) -> list[SourceOutcome]:
    """Import local files and folders (recursively); each path is one source. `max_bytes`: the
    setting, which may raise the limit of a file's size (sources.files: local_file_limit).

    A source imported before keeps its name and tags unless `name`/`tags` are given (tags=() clears
    them): options given once stay until changed. A path that yields no article and never did is
    not kept as a source.
    """
    name = clean_line(name) if name else None
    outcomes = []
    for path in paths:
        default = clean_line(path.resolve().name) or clean_line(str(path.resolve()))
        outcome = import_local(
            library,
            LocalConfig(path, name or default, clean_tags(tags or ())),
            extractor,
            keep_name=name is None,
            keep_tags=tags is None,
            count_unread_kinds=True,
            max_bytes=max_bytes,
        )
        if outcome.error:
            library.forget_source_if_empty(local_key(path.expanduser()))
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes


def import_local(
    library: Library,
    local: LocalConfig,
    extractor: str = "rules",
    *,
    keep_name: bool = False,
    keep_tags: bool = False,
    analyse: bool = True,
    count_unread_kinds: bool = False,
    max_bytes: int = 0,
) -> SourceOutcome:
    """Import one configured local file or folder into its own source; a failure is its outcome,
    never an exception, so one broken source never stops the others. `analyse=False` leaves its
    new articles to the caller's analysis; `count_unread_kinds` (`newstui import`, not every
    fetch of a [[local]] folder) says how many files of a folder are of kinds it does not read;
    `max_bytes`: the setting (0: none), which may raise the limit of a file's size."""
    try:
        return _import_local(
            library, local, extractor, keep_name, keep_tags, analyse, count_unread_kinds, max_bytes
        )
    except NewstuiError as exc:
        return SourceOutcome(local.name, error=_named(local.name, str(exc)))
    except sqlite3.Error as exc:
        return SourceOutcome(local.name, error=f"{local.name}: database error: {exc}")
    except Exception as exc:
        logger.debug("importing %s failed", local.name, exc_info=True)
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return SourceOutcome(local.name, error=f"{local.name}: {local.path}: failed: {reason}")


def _named(name: str, error: str) -> str:
    """A local source's error as a feed's reads: its name (the one `feeds` shows) first, then
    the path and the problem ("Clippings: /home/me/news: no such file or folder")."""
    return error if error.startswith(f"{name}: ") else f"{name}: {error}"


def _import_local(
    library: Library,
    local: LocalConfig,
    extractor: str,
    keep_name: bool,
    keep_tags: bool,
    analyse: bool = True,
    count_unread_kinds: bool = False,
    max_bytes: int = 0,
) -> SourceOutcome:
    path = local.path.expanduser()
    # (a failure is not stored over a success another newstui stored while this one read)
    started = datetime.now(UTC).replace(microsecond=0).isoformat()
    feed_id = library.register_source(
        local_key(path),
        local.name,
        kind="local",
        tags=local.tags,
        keep_name=keep_name,
        keep_tags=keep_tags,
    )
    if not path.exists():  # kept for `newstui feeds` (`import` forgets a source never read)
        error = f"{local.name}: {path}: no such file or folder"
        library.record_fetch(feed_id, status=None, error=error, started=started)
        return SourceOutcome(local.name, error=error)
    from newstui.sources.files import iter_files, read_file_content, unread_kinds

    files = [path] if path.is_file() else list(iter_files(path))
    articles: list[Article] = []
    problems: list[str] = []
    if _undecodable(path):
        problems.append(f"{path}: name is not valid UTF-8 (shown with �); imported")
    if count_unread_kinds and path.is_dir() and (kinds := unread_kinds(path)):
        shown = ", ".join(f"{count:,} {kind}" for kind, count in list(kinds.items())[:4])
        more = ", …" if len(kinds) > 4 else ""
        problems.append(
            f"{path}: {counted(sum(kinds.values()), 'file')} of other kinds not read "
            f"({shown}{more}): newstui reads text, Markdown, HTML and feed files"
        )
    title = None
    for file in files:
        rel = file.name if file == path else str(file.relative_to(path))
        if file != path and _undecodable(rel):
            problems.append(f"{file}: name is not valid UTF-8 (shown with �); imported")
        try:
            content = read_file_content(file, "file:" + path_text(rel), max_bytes)
        except SourceError as exc:
            problems.append(str(exc))
            continue
        articles.extend(content.articles)
        if content.warning:
            problems.append(f"{file}: {content.warning}")
        if file == path:  # a feed file imported on its own: its title, as a fetched feed's
            title = content.feed_title
    saved = library.save_batch(feed_id, articles)
    if dropped := dropped_said(saved):
        problems.append(f"{path}: {dropped}")
    summary = None
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        summary = problems[0] + more
    if not files:
        summary = f"{path}: no importable files (text, Markdown, HTML or feed files)"
    name = local.name
    if title and keep_name and clean_line(title):  # no --name: a feed file goes by its title
        name = library.name_by_title(feed_id, clean_line(title), local.name)
    failure = _named(name, summary) if summary and not articles else None
    library.record_fetch(feed_id, status=None, error=failure, title=title, started=started)
    if saved.changed_ids and analyse:
        analyse_pending(library, extractor, saved.changed_ids)
    return SourceOutcome(
        name,
        new=saved.new,
        updated=saved.updated,
        error=failure,
        warning=summary if articles else None,
        problems=tuple(problems),
    )
