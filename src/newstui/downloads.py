"""Podcast and file downloads: queue an article's enclosures under safe file names in the
download folder, and work through the queue (resuming partial files), one failure never
stopping the rest. The queue lives in the store, so it survives a restart."""

from __future__ import annotations

import contextlib
import functools
import mimetypes
import os
import re
import stat
import threading
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urlsplit

from newstui.counts import counted
from newstui.download_paths import feed_folder, fitted, has_placeholders, safe_name
from newstui.errors import NewstuiError, error_line
from newstui.library import Library
from newstui.model import Download, Link, StopThen
from newstui.model.downloads import MAX_PASSING_TRIES, PART_SUFFIX, VALIDATOR_SUFFIX, url_host
from newstui.text import clean_line

if TYPE_CHECKING:
    import httpx

    from newstui.config import Config, FeedConfig, Settings
    from newstui.sources.transfer import Limits

# (newstui.sources.transfer, and httpx with it, is imported by what downloads: not by listing)

MAX_NAME = 120  # characters of a file name, extension included
STALE_SECONDS = 120.0  # a 'downloading' row untouched this long belongs to a process that died
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}")


@dataclass(frozen=True)
class QueueResult:
    """What working through the queue did."""

    done: int = 0
    failed: int = 0
    stopped: bool = False  # asked to stop; the unfinished download stays queued
    gone: int = 0  # stopped as asked (`stop_running`, from any process) and taken off the list
    # left queued for another process sharing the store, which runs per_host downloads from
    # their host (it takes them as its own end; else the next run): how many, by host
    left: tuple[tuple[str, int], ...] = ()


def safe_file_name(url: str, title: str, mime: str) -> str:
    """A file name for an enclosure: the article's title (else the URL's last segment) with the
    URL's extension (else one for the MIME type). No path separators, control characters,
    leading dots or reserved names (download_paths.safe_name, the rule of every name made): the
    file always lands inside the download folder."""
    segment = unquote(PurePosixPath(urlsplit(url).path).name)
    stem, extension = _split_extension(safe_name(segment, 400))
    if not extension:
        guessed = mimetypes.guess_extension(mime or "", strict=False) or ""
        extension = guessed if _EXTENSION.fullmatch(guessed) else ""
    base = safe_name(title, 400) or stem or "download"
    return fitted(base, MAX_NAME, extension.lower())


def _split_extension(name: str) -> tuple[str, str]:
    stem, dot, extension = name.rpartition(".")
    if dot and stem and _EXTENSION.fullmatch("." + extension):
        return stem, "." + extension
    return name, ""


MAX_SAME_NAME = 10_000  # `NAME (9999)`: past it, an episode of that name is not queued


class TakenNames:
    """What queueing in `folder` must not give again, read once for a batch (a fetch's
    `download_new`): the folder's files and .part files, and the queue's downloads by file and by
    URL. 1,000 episodes named alike stat'ed every `NAME (n)` and read the queue each time (r44
    M2: 77.6 s, now linear). Raises NewstuiError when `folder` is no folder."""

    def __init__(self, library: Library, folder: Path) -> None:
        self.folder = folder
        try:
            self.files = set(os.listdir(folder))
        except FileNotFoundError:  # (made by the first download)
            self.files = set()
        except NotADirectoryError:
            raise NewstuiError(f"{not_a_folder(folder)}: not a folder (download_dir)") from None
        except (OSError, ValueError) as exc:
            raise NewstuiError(f"{folder}: {getattr(exc, 'strerror', None) or exc}") from None
        rows = library.downloads.all()
        self.paths = {d.path for d in rows}
        self.by_url = {d.url: d for d in rows}
        self._next: dict[str, int] = {}  # a name → the first `(n)` not yet known to be taken

    def unused_path(self, name: str) -> Path:
        """`folder/name`, or `name (2)`, `name (3)`… when a file or a queued download has it."""
        from newstui.sources.transfer import part_path

        stem, extension = _split_extension(name)
        for n in range(self._next.get(name, 1), MAX_SAME_NAME):
            candidate = self.folder / (name if n == 1 else f"{stem} ({n}){extension}")
            part = part_path(candidate)
            if (
                candidate.name in self.files
                or part.name in self.files
                or str(candidate) in self.paths
            ):
                continue
            # (checked on disk too: a file since, or one of another case on a folder that
            # ignores case)
            if candidate.exists() or part.exists():
                self.files.add(candidate.name)
                continue
            self._next[name] = n + 1
            return candidate
        self._next[name] = MAX_SAME_NAME
        raise NewstuiError(f"{self.folder}: too many files named like {name}")

    def queued(self, download: Download) -> None:
        """`download` was queued (or taken over): its name and URL are taken from now on."""
        self.paths.add(download.path)
        self.by_url[download.url] = download


def not_a_folder(folder: Path) -> Path:
    """The file standing where `folder` (or a folder above it) should be: what "not a folder"
    names."""
    return next((p for p in (folder, *folder.parents) if os.path.lexists(p)), folder)


def unused_path(library: Library, folder: Path, name: str) -> Path:
    """`folder/name`, or `name (2)`, `name (3)`… when a file or a queued download has it."""
    return TakenNames(library, folder).unused_path(name)


def enclosure_title(title: str, attached: list[Link], link: Link) -> str:
    """What a download of `link`, one of an article's enclosures (`attached`, in the order the
    reader numbers them), is called: the article's title, with the enclosure's number when it
    has several ("Album E3"): its file name and its line in `L` tell the tracks apart, which
    "Album (4).mp3", numbered in download order, did not (user test r38 L5)."""
    from newstui.render import ENCLOSURE_NUMBER_PREFIX

    if len(attached) < 2 or link not in attached:
        return title
    return f"{title} {ENCLOSURE_NUMBER_PREFIX}{attached.index(link) + 1}"


def queue_enclosure(
    library: Library,
    folder: Path,
    article_id: int,
    title: str,
    link: Link,
    taken: TakenNames | None = None,
) -> tuple[Download, bool]:
    """Queue one enclosure of an article; (its row, whether it was queued now — False when the
    URL was already queued or downloaded). A download of the URL whose article was deleted (its
    feed removed, then added back) is this article's from now on; a finished one whose file was
    deleted outside newstui is downloaded again. `taken`: the names in use, read once for a
    batch (else read now)."""
    taken = taken if taken is not None else TakenNames(library, folder)
    download = taken.by_url.get(link.url)
    if download is not None and drop_deleted_files(library, [download]):  # (its name is free)
        taken.paths.discard(download.path)
        download = None
    if download is not None and download.state != "failed":
        if download.article_id is not None:
            return download, False
        queued = library.downloads.queue(  # (the store ties it to this article)
            url=link.url,
            path=download.path,
            article_id=article_id,
            title=download.title,
            mime=download.mime,
            bytes_total=download.bytes_total,
        )
        taken.queued(queued[0])
        return queued
    name = safe_file_name(link.url, title, link.text)
    left = _left_behind(library, folder, link.url)
    path = taken.unused_path(name) if left is None else left.path
    queued = library.downloads.queue(
        url=link.url,
        path=str(path),
        article_id=article_id,
        title=clean_line(title, 300),
        mime=link.text,
        bytes_total=left.size if left is not None and left.whole else link.size,
        done=left is not None and left.whole,
    )
    taken.queued(queued[0])
    return queued


def article_folder(library: Library, settings: Settings, article_id: int, url: str) -> Path:
    """The folder an article's enclosure at `url` downloads to: download_dir, its placeholders
    filled for the article's feed (`%n` its name, `%h` its host; the enclosure's host for a
    source with none, a local file)."""
    from newstui.config import download_folder

    if not has_placeholders(settings.download_dir):
        return download_folder(settings)
    return _feed_folder(library, settings.download_dir.strip(), article_id, url)


def _feed_folder(library: Library, template: str, article_id: int | None, url: str) -> Path:
    """download_dir `template` with its placeholders filled for article `article_id`'s feed
    (`%n` its name, `%h` its host; the enclosure's host, at `url`, for a source with none)."""
    key = library.downloads.feed_key(article_id)
    feed_url = key if key is not None and key.startswith(("http://", "https://")) else url
    return feed_folder(template, library.downloads.feed_name(article_id), feed_url)


@dataclass(frozen=True)
class EpisodesQueued:
    """What a fetch queued of one feed's new episodes (its `download_new`)."""

    feed: str  # the feed's name
    downloads: tuple[Download, ...]
    not_queued: int = 0  # new episodes that could not be queued, and why (the first reason)
    problem: str | None = None


def queue_new_episodes(library: Library, config: Config, after_id: int) -> list[EpisodesQueued]:
    """After a fetch or sync: for each feed whose entry (else [settings]) says `download_new = N`,
    queue the first audio or video enclosure (`is_media`) of the newest N of its articles with
    an enclosure stored after article `after_id`
    (that fetch's new ones; a first fetch of a long archive queues N, not all of it). An episode
    queued or downloaded before is left as it is. What was queued now, by feed (feeds with none
    left out), and what could not be: one feed's failure (r44 H3: 10,000 files of its episodes'
    name) never stops the others'."""
    from newstui.config import feed_download_folder
    from newstui.render import enclosures

    said: list[EpisodesQueued] = []
    wanted = {feed.url: feed.download_new for feed in config.feeds}  # (configured_sources.feed_key)
    taken: dict[Path, TakenNames] = {}  # (each folder read once, for its first episode)
    for key, name in library.downloads.feeds_with_new_episodes(after_id):
        # a feed feeds.toml does not list (a sync server's): the [settings] value
        count = wanted.get(key, config.settings.download_new)
        if not count:
            continue
        folder = feed_download_folder(config.settings, name, key)  # (download_dir's %n, %h)
        queued: list[Download] = []
        problems: list[str] = []
        for article_id in library.downloads.new_episodes(key, after_id, count):
            stored = library.article(article_id)
            attached = [e for e in enclosures(stored) if is_media(e)] if stored is not None else []
            if stored is None or not attached:
                continue
            title = enclosure_title(stored.row.title, attached, attached[0])
            try:
                names = taken.get(folder) or taken.setdefault(folder, TakenNames(library, folder))
                download, new = queue_enclosure(
                    library, folder, article_id, title, attached[0], names
                )
            except (NewstuiError, OSError, ValueError) as exc:
                problems.append(error_line(exc))
                continue
            if new:
                queued.append(download)
        if queued or problems:  # (by its stored name: an entry without `name` is called by
            said.append(  # its title)
                EpisodesQueued(
                    name, tuple(queued), len(problems), problems[0] if problems else None
                )
            )
    return said


_MEDIA_SUFFIXES = frozenset({".aac", ".flac", ".m4a", ".m4b", ".mp3", ".oga", ".ogg", ".opus"})


def is_media(enclosure: Link) -> bool:
    """Whether `download_new` queues this enclosure by itself: audio or video, as newsboat's
    podcast-auto-enqueue takes them (audio/*, video/*, application/ogg), or one without a type
    whose file name says so. A news feed's PDF or archive attachment is left to `d` (appfix-b
    r44: the global setting would have downloaded every feed's attachments)."""
    kind = enclosure.text
    if kind.startswith(("audio/", "video/")) or kind == "application/ogg":
        return True
    if "/" in kind:  # a stated type of something else
        return False
    path = PurePosixPath(urlsplit(enclosure.url).path)
    guessed = mimetypes.guess_type(path.name)[0] or ""
    return guessed.startswith(("audio/", "video/")) or path.suffix.lower() in _MEDIA_SUFFIXES


def not_queued_line(queued: EpisodesQueued) -> str:
    """What `fetch` (after `warning: `) and the app's refresh say of a feed whose new episodes
    could not all be queued."""
    episodes = f"{queued.not_queued:,} new episode{'s' * (queued.not_queued != 1)}"
    return f"{queued.feed}: download_new: {episodes} not queued: {queued.problem}"


@dataclass(frozen=True)
class LeftBehind:
    """The file a forgotten download of the same URL left, taken over when it is queued again."""

    path: Path
    size: int | None  # its size when it had finished
    whole: bool  # there as it finished: listed as done, not downloaded again


def _left_behind(library: Library, folder: Path, url: str) -> LeftBehind | None:
    """What a forgotten download of this same URL left in `folder` (its file kept): the
    finished file when it still has its size (used as it is), or this URL's own .part of an
    unfinished one (resumed). None (a new name, `NAME (2)` if taken) for anything else: a URL
    never forgotten, a name given to another download since, a file of another size or a .part
    beside a finished file (another episode of the same title, or the user's own: never written
    over), or an unfinished one's name with no .part left."""
    from newstui.sources.transfer import part_path

    found = library.downloads.forgotten_file(url)
    # a finished file of this URL at its size is that episode wherever it is (podboat's, in the
    # folder its download-path named: user test r52 LOW-7); a .part resumes only in `folder`
    if found is None or (Path(found[0]).parent != folder and found[1] is None):
        return None
    path, size = Path(found[0]), found[1]
    if library.downloads.path_in_use(str(path)):
        return None
    if size is not None:  # it had finished: that file, if it is still whole
        if _regular_size(path) == size and not os.path.lexists(part_path(path)):
            return LeftBehind(path, size, whole=True)
        return None
    if _regular_size(part_path(path)) is not None and not os.path.lexists(path):
        return LeftBehind(path, None, whole=False)
    return None


def _regular_size(path: Path) -> int | None:
    """The size of a regular file (not a link), or None."""
    try:
        status = path.lstat()
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


@dataclass(frozen=True)
class FileOnDisk:
    """One file of a download as it is on disk: the finished file or the .part file."""

    path: Path
    size: int


def files_on_disk(download: Download, folder: Path) -> list[FileOnDisk]:
    """The files newstui wrote for a download that are there (the recorded file, its .part).
    Raises NewstuiError, deleting nothing, when one is no file newstui may delete: outside
    `folder` (download_dir), a symbolic link (never followed), or not a regular file."""
    found = []
    inside = folder.expanduser().resolve()
    for name in (download.path, download.part_path):
        path = Path(name)
        try:
            status = path.lstat()
        except FileNotFoundError:
            continue
        except (OSError, ValueError) as exc:
            raise NewstuiError(f"{name}: {getattr(exc, 'strerror', None) or exc}") from None
        if stat.S_ISLNK(status.st_mode):
            raise NewstuiError(f"{name}: a symbolic link, not a file newstui downloaded; kept")
        if not stat.S_ISREG(status.st_mode):
            raise NewstuiError(f"{name}: not a regular file; kept")
        if not path.parent.resolve().is_relative_to(inside):
            raise NewstuiError(f"{name}: outside download_dir ({inside}); kept")
        found.append(FileOnDisk(path, status.st_size))
    return found


def delete_download(
    library: Library, folder: Path, download_id: int
) -> tuple[Download, list[FileOnDisk]]:
    """Delete a download's files (the finished file and a .part, only those newstui wrote inside
    `folder`) and take it off the list; (what it was, the files deleted). Nothing is deleted, and
    it stays listed, for a download that is running or has a file newstui may not or cannot
    delete (NewstuiError says which and why)."""
    download = library.downloads.get(download_id)
    if download is None:
        raise NewstuiError(f"no download with number {download_id}")
    if download.state == "downloading":
        raise NewstuiError(f"download {download_id} is running; it can be deleted after it ends")
    files = files_on_disk(download, folder)
    handles: list[tuple[FileOnDisk, int]] = []
    try:
        for file in files:  # (a folder that cannot be opened or written: said, still listed)
            try:
                handle = _open_folder_of(file.path, folder)
            except OSError as exc:
                raise NewstuiError(
                    f"{file.path}: {exc.strerror or exc}; kept, download {download_id} still listed"
                ) from None
            handles.append((file, handle))
            if not os.access(".", os.W_OK | os.X_OK, dir_fd=handle):
                raise NewstuiError(
                    f"{file.path}: its folder is not writable; kept, download {download_id} "
                    "still listed"
                )
        gone = library.downloads.forget(download_id, keep_file=False)  # (refused if it started)
        if gone is None or gone.state == "downloading":
            raise NewstuiError(
                f"download {download_id} is running; it can be deleted after it ends"
            )
        for file, handle in handles:
            try:
                _unlink_regular_file(file.path, handle)
            except OSError as exc:
                raise NewstuiError(
                    f"{file.path}: {exc.strerror or exc}; download {download_id} was taken off "
                    "the list, the file stays"
                ) from None
            if str(file.path) == download.part_path:
                _unlink_validator(download, handle)
    finally:
        for _, handle in handles:
            os.close(handle)
    _drop_orphan_validator(download.path, folder)  # (its .part deleted by hand before)
    return gone, files


def _open_folder_of(path: Path, folder: Path) -> int:
    """The folder holding `path`, opened through download_dir `folder` resolved (a link to
    another disk, as ~/Podcasts often is, is followed there) and then each folder below it
    without following a link: one swapped for a link since the check (files_on_disk) opens
    nothing outside download_dir. OSError when it cannot be opened so."""
    top = folder.expanduser()
    try:
        below = path.parent.relative_to(top).parts
    except ValueError:  # (recorded under another spelling of download_dir: checked resolved)
        try:
            below = Path(os.path.realpath(path.parent)).relative_to(os.path.realpath(top)).parts
        except ValueError:
            raise OSError(0, "outside download_dir", str(path)) from None
    if ".." in below:
        raise OSError(0, "outside download_dir", str(path))
    handle = os.open(os.path.realpath(top), os.O_RDONLY | os.O_DIRECTORY)
    for name in below:
        try:
            inner = os.open(name, _NO_LINK_FOLDER, dir_fd=handle)
        finally:
            os.close(handle)
        handle = inner
    return handle


_NO_LINK_FOLDER = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_NOFOLLOW", 0)


def drop_orphan_validators(library: Library, folder: Path) -> int:
    """Delete each validator file (NAME.part.validator) whose .part is gone, deleted by hand,
    of a download listed and not running or of one forgotten: it is never read without its
    .part (r46 dlfix left them). Only regular files inside download_dir `folder`; how many."""
    paths = [d.path for d in library.downloads.all() if d.state != "downloading"]
    paths += library.downloads.forgotten_paths()
    return sum(_drop_orphan_validator(path, folder) for path in dict.fromkeys(paths))


def _drop_orphan_validator(path: str, folder: Path) -> bool:
    """Delete the validator file of the download to `path` when its .part is gone (a regular
    file inside download_dir `folder` only); whether one was deleted."""
    part = path + PART_SUFFIX
    kept = Path(part + VALIDATOR_SUFFIX)
    try:
        if os.path.lexists(part) or not os.path.lexists(kept):
            return False
        handle = _open_folder_of(kept, folder)
    except (OSError, ValueError):  # (a folder gone or outside download_dir: left as it is)
        return False
    try:
        _unlink_regular_file(kept, handle)
    except OSError:
        return False
    finally:
        os.close(handle)
    return True


def _unlink_validator(download: Download, folder: int) -> None:
    """Delete the validator kept beside a download's .part (deleted now), if it is there."""
    with contextlib.suppress(OSError):  # (never read without its .part)
        _unlink_regular_file(Path(download.validator_path), folder)


def _unlink_regular_file(path: Path, folder: int) -> None:
    """Delete `path` when it is still a regular file, through its folder `folder` (an open
    handle, from _open_folder_of). Gone already: nothing to do."""
    try:
        status = os.lstat(path.name, dir_fd=folder)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(status.st_mode):
        raise OSError(0, "not a regular file any more", str(path))
    os.unlink(path.name, dir_fd=folder)


def file_deleted(download: Download) -> bool:
    """True for a finished download whose file is no longer in its folder: deleted outside
    newstui (a listener's file manager, `rm`). Not when the folder is gone too (a disk not
    mounted), which says nothing of the file."""
    if download.state != "done":
        return False
    path = Path(download.path)
    return not os.path.lexists(path) and path.parent.is_dir()


def drop_deleted_files(library: Library, rows: Iterable[Download]) -> list[Download]:
    """Take off the list the finished downloads among `rows` whose file was deleted outside
    newstui (file_deleted), so that nothing says or marks them downloaded and `d` downloads them
    again; each is remembered as a forgotten one's (the same file put back is taken over, not
    downloaded again). What was taken off; nothing is written when none was deleted."""
    gone = [d.id for d in rows if file_deleted(d)]
    return library.downloads.forget_finished(gone) if gone else []


@dataclass(frozen=True)
class LeftAtQuit:
    """The downloads an app quitting leaves to the next start, by what that start does."""

    resume: int = 0  # a .part kept with the version of the file to resume it by
    again: int = 0  # begun with no version kept: its .part is deleted, it starts again
    waiting: int = 0  # queued, not begun

    def lines(self) -> list[str]:
        """What the quit says of them, a line each kind: "newstui: 1 download will resume at
        the next start (or `newstui download` now)"; a download whose .part is deleted "will
        start again" (user test r55 LOW-2: it too was said to resume)."""
        now = " (or `newstui download` now)"
        said = []
        if self.resume:
            said.append(f"{counted(self.resume, 'download')} will resume at the next start{now}")
        if self.again:
            said.append(
                f"{counted(self.again, 'download')} will start again at the next start: no "
                "ETag/Last-Modified"
            )
        if self.waiting:
            wait = "waits" if self.waiting == 1 else "wait"
            said.append(f"{counted(self.waiting, 'download')} {wait} for the next start{now}")
        return [f"newstui: {line}" for line in said]


def left_at_quit(
    downloads: Iterable[Download], pid: int, begun: Collection[int] = ()
) -> LeftAtQuit:
    """Of the downloads an app (process `pid`) quitting leaves, queued or its own cut short,
    which the next start resumes, begins again (no validator: the .part is deleted as the
    download lets go, or as the next run begins) and begins. `begun`: the ids of those it began
    (a .part deleted as it let go leaves its row queued at 0 bytes)."""
    from newstui.sources.transfer import resumable

    resume = again = waiting = 0
    for d in downloads:
        if not (d.state == "queued" or (d.state == "downloading" and d.owner == pid)):
            continue
        part = Path(d.part_path)
        if d.path and resumable(part):
            resume += 1
        elif d.bytes_done or d.id in begun or (d.path and part.exists()):
            again += 1
        else:
            waiting += 1
    return LeftAtQuit(resume, again, waiting)


def kept_file(download: Download) -> str | None:
    """The file a forgotten download leaves on disk (finished, else its .part), if one is
    there: what `x` and `downloads --forget` say they keep."""
    for name in (download.path, download.part_path):
        if Path(name).is_file():
            return name
    return None


def requeue_orphans(library: Library) -> int:
    """Put back in the queue the downloads a process left unfinished when it died (killed, a
    crash): no longer alive (`alive_since`), or its process is gone. Writes nothing when there
    is none."""
    dead = {owner for owner in library.downloads.running_owners() if not _alive(owner)}
    return library.downloads.requeue_stale(alive_since(), dead)


def alive_since() -> str:
    """The moment (ISO 8601 UTC) after which a running download must have written progress to
    count as alive: STALE_SECONDS ago. The one cut-off of what the store counts on a host
    (`claim_next`, `waiting_on_others`) and queues again (`requeue_stale`); a process of this
    machine that is gone is dead at once (`orphaned`)."""
    since = datetime.now(UTC) - timedelta(seconds=STALE_SECONDS)
    return since.replace(microsecond=0).isoformat()


def drop_unresumable_parts(library: Library, folder: Path) -> dict[int, int]:
    """Delete the .part files of waiting downloads (queued or failed) kept with no version of
    the file to resume them by (an older newstui's, or a process killed mid-download from a
    server that gives none): each could only start again from its first byte, and held its
    room and a progress `L` showed until then. Only those inside download_dir `folder`, no
    process wrote for STALE_SECONDS, and never a finished file. The bytes each held, by id."""
    from newstui.sources.transfer import drop_unresumable

    try:
        inside = folder.expanduser().resolve()
    except (OSError, ValueError, RuntimeError):
        return {}
    stale = time.time() - STALE_SECONDS
    dropped: dict[int, int] = {}
    rows = library.downloads.all()
    files = {d.path for d in rows}  # (a finished `NAME.part` of its own is never one)
    for d in rows:
        if d.state not in ("queued", "failed") or not d.path or d.part_path in files:
            continue
        part = Path(d.part_path)
        try:
            if part.lstat().st_mtime > stale or not part.parent.resolve().is_relative_to(inside):
                continue
        except (OSError, ValueError, RuntimeError):  # (none there: the common case)
            continue
        if size := drop_unresumable(part):
            library.downloads.progress(d.id, 0, d.bytes_total)
            dropped[d.id] = size
    return dropped


def orphaned(download: Download) -> bool:
    """True for a download marked in progress by a process of this machine that is gone."""
    return download.state == "downloading" and (
        download.owner is not None and not _alive(download.owner)
    )


def listed(library: Library) -> list[Download]:
    """The queue as it stands: a download whose process died (killed mid-way) is queued again
    first, so it shows as queued with what had arrived, not in progress forever. A store that
    cannot be written shows such downloads as queued all the same (the next run requeues them)."""
    try:
        requeue_orphans(library)
    except NewstuiError:  # read-only: nothing was written
        return with_disk_sizes(as_listed(library.downloads.all()))
    return with_disk_sizes(library.downloads.all())


def on_disk(download: Download) -> int:
    """How many bytes of an unfinished download are on disk: its .part file's size (0 when
    there is none). What a retry resumes from, whatever the last progress step stored."""
    try:
        return Path(download.part_path).stat().st_size
    except (OSError, ValueError):
        return 0


def with_disk_sizes(rows: list[Download]) -> list[Download]:
    """The rows with what is on disk as the progress of each download that no process is
    running (queued or failed): the store's figure is the last step heard, up to a second (or a
    dropped connection's last chunks) behind the .part file."""
    return [
        replace(d, bytes_done=size)
        if d.state in ("queued", "failed") and (size := on_disk(d)) != d.bytes_done
        else d
        for d in rows
    ]


def as_listed(rows: list[Download]) -> list[Download]:
    """The queue as `listed` shows it, without writing: a download whose process died shows
    as queued (the app reads so, its write to queue it again waiting its turn)."""
    return [replace(d, state="queued", owner=None) if orphaned(d) else d for d in rows]


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return not _ended(pid)


def _ended(pid: int) -> bool:
    """True for a process that has ended but is not yet collected by its parent (a zombie,
    which signals still reach: a killed `download` stays one until its parent waits for it, for
    good under a parent that never does). Linux's /proc; False where there is none."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return False
    state = stat.rpartition(b")")[2].split()[:1]  # after the command name, which may hold ")"
    return state in ([b"Z"], [b"X"])


# The user and password a download is sent: given the stored key of its article's feed (None:
# the article is gone) and the URL asked for
FeedCredentials = Callable[[str | None, str], tuple[str, str] | None]


def feed_credentials(feeds: Iterable[FeedConfig]) -> FeedCredentials:
    """The user and password a download from a URL is sent: those written in the url of the
    config's feed its article comes from, when the URL is on that feed's origin (scheme, host
    and port: a private podcast's episodes); never a stored URL's, another origin's, nor another
    feed's on the same origin (user test r45 L6: a feed without a password there was sent
    them). An enclosure URL with a `user:password@` of its own is sent none: links are stored
    without it (review r45 L9)."""
    found: dict[str, tuple[tuple[str, str, int], tuple[str, str]]] = {}
    for feed in feeds:
        if "@" in feed.url and (origin := _origin(feed.url)) is not None:
            parts = urlsplit(feed.url)
            if parts.password is not None:
                user = (unquote(parts.username or ""), unquote(parts.password))
                found[feed.url] = (
                    origin,
                    user,
                )  # (configured_sources.feed_key: the feed's stored key)

    def credentials(feed_key: str | None, url: str) -> tuple[str, str] | None:
        entry = found.get(feed_key) if feed_key is not None else None
        return entry[1] if entry is not None and _origin(url) == entry[0] else None

    return credentials


def _origin(url: str) -> tuple[str, str, int] | None:
    """A URL's scheme, host (lower case) and port (the scheme's when not written)."""
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower(), 0)
    except ValueError:
        return None
    return (parts.scheme.lower(), parts.hostname or "", port)


RETRY_UNIT = timedelta(minutes=30)  # its wait from the second on: doubled each time, to a day


def passing_retry(item: Download, exc: Exception, now: datetime) -> tuple[int, str | None]:
    """A failed download's passing failures in a row and when the next run may queue it again
    (None: only `download --retry` does), as a failing feed waits (sources.backoff): one that
    failed for a passing reason (the network, a 5xx, a 429) is tried at the next run, from its
    second failure in a row after RETRY_UNIT, doubled each time up to a day, and no longer
    after MAX_PASSING_TRIES; a server's Retry-After is honoured. One that failed for good
    (a 404, a web page, a full disk) waits for --retry."""
    from newstui.sources.backoff import next_try

    if not getattr(exc, "passing", False):  # (transfer.TransferError's; any other: for good)
        return item.tries, None
    tries = item.tries + 1
    if tries >= MAX_PASSING_TRIES:
        return tries, None
    when = next_try(now, tries, RETRY_UNIT, getattr(exc, "retry_after", None)) or now
    return tries, when.replace(microsecond=0).isoformat()


def retry_due(library: Library) -> list[Download]:
    """Queue again the downloads that failed for a passing reason and have waited long enough
    (passing_retry): a `download` or `fetch --download` run tries them (user test r49 MED-6: a
    laptop that woke offline once lost its cron downloads for good). What was queued."""
    return library.downloads.requeue_due(_now_iso())


def any_retry_due(library: Library) -> bool:
    """Whether retry_due would queue something now (read only: the app asks before it writes)."""
    return library.downloads.any_due(_now_iso())


def _now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def run_queue(
    library: Library,
    *,
    timeout: float,
    on_change: Callable[[Download], None] = lambda download: None,
    stopped: Callable[[], bool] = lambda: False,
    on_gone: Callable[[Download, StopThen, str | None], None] = lambda d, then, problem: None,
    folder: Path | None = None,
    template: str | None = None,
    limits: Limits | None = None,
    credentials: FeedCredentials = lambda feed_key, url: None,
    on_note: Callable[[Download, str], None] = lambda download, note: None,
    on_failed: FailedListener = lambda download, feed, before: None,
    at_once: int = 1,
    per_host: int | None = None,
    on_wait: Callable[[str], None] = lambda host: None,
    wait_for_others: bool = False,
    ca_file: str | None = None,
) -> QueueResult:
    """Download every queued enclosure, oldest first, until the queue is empty or `stopped()`.
    `on_change` hears each download's progress, end or failure; `on_gone` one stopped as asked
    (`stop_running`, from any process) and taken off the list: what it was, what followed
    ("forget", "delete") and why its .part could not be deleted (else None). `folder`: the
    download_dir, below which a .part is deleted (None: the folder it was written to), and
    inside which a download queued outside it goes: to its feed's folder there when
    `template`, the download_dir setting as written, has placeholders (`~/Podcasts/%n`).
    `limits`: each download's size cap and slowest rate (None: transfer's defaults); one that
    stalls fails, keeping its .part, and the queue goes on. `credentials`: a URL's user and
    password for a download of a feed's article (feed_credentials). `on_note` hears, before its
    end, what a download did that was not asked, in a clause each: it went to another name
    than queued (a file newstui did not write had it; it was outside download_dir), or began
    again a .part it could not check. `on_failed` hears, after `on_change`, a download that
    failed with the name of its article's feed (None: the article is gone), read on the slot's
    own connection, and its last try's error when it was queued again by itself after a
    passing failure (by this run, another or the app; else None). `at_once`: how many run at the same time (the setting
    download_concurrency; each in a thread of its own, with its own connection to the store:
    the listeners are called from those threads, and must never use the caller's `library`,
    whose connection is its thread's: user test r50 HIGH-1), no more than `per_host` of them
    from one host (None: at_once), counted over every process sharing the store. What waits
    only for hosts where other processes run `per_host` is left to them, the run ending (they
    take it as theirs end; `QueueResult.left` says how many, by host: review r50 MED-2, a cron
    run polling beside the app's re-claims waited out its whole queue and downloaded none), or,
    `wait_for_others` (the open app, which has nothing else to end for), waited for, `on_wait`
    hearing each such host once a wait. `ca_file`: the certificates [settings] trusts beside
    certifi's and the environment's."""
    from newstui.sources.transfer import new_client

    requeue_orphans(library)
    if folder is not None and os.path.lexists(folder) and not folder.is_dir():
        # said once, each download left queued (r44 L4: "File exists", a line a download)
        raise NewstuiError(f"{folder}: not a folder (download_dir); nothing downloaded")
    dropped = drop_unresumable_parts(library, folder) if folder is not None else {}
    with new_client(timeout, ca_file) as client:
        run = _QueueRun(
            client,
            _Listeners(on_change, on_gone, on_note, on_failed),
            stopped,
            folder,
            limits,
            credentials,
            min(at_once, per_host or at_once),
            dropped,
            per_host,
            on_wait,
            template,
            wait_for_others,
        )
        if at_once <= 1 or library.file in ("", ":memory:"):  # (one connection: one at a time)
            run.slot(library)
        else:
            run.in_parallel(library, at_once)
    result = run.result()
    if per_host is None or result.stopped:
        return result
    left = library.downloads.waiting_on_others(os.getpid(), per_host, alive_since())
    return replace(result, left=tuple(sorted(left.items())))


# What hears a failed download: it, its feed's name (None: its article is gone) and its last
# try's error when it was queued again by itself after a passing failure (else None)
FailedListener = Callable[[Download, "str | None", "str | None"], None]


class _Listeners:
    """What hears a queue's run (run_queue's callbacks), one call at a time whichever slot's
    thread calls (the command's progress bars and lines are not written by two at once)."""

    def __init__(
        self,
        on_change: Callable[[Download], None],
        on_gone: Callable[[Download, StopThen, str | None], None],
        on_note: Callable[[Download, str], None],
        on_failed: FailedListener,
    ) -> None:
        self._change, self._gone, self._note = on_change, on_gone, on_note
        self._failed = on_failed
        self._lock = threading.Lock()

    def on_change(self, download: Download) -> None:
        with self._lock:
            self._change(download)

    def on_gone(self, download: Download, then: StopThen, problem: str | None) -> None:
        with self._lock:
            self._gone(download, then, problem)

    def on_note(self, download: Download, note: str) -> None:
        with self._lock:
            self._note(download, note)

    def on_failed(self, download: Download, feed: str | None, before: str | None) -> None:
        with self._lock:
            self._failed(download, feed, before)


class _QueueRun:
    """One working through of the queue by one or more slots (threads), each taking the oldest
    waiting download whose host has room, until none is left or the run is stopped: by
    `stopped()`, or by one slot stopping (Ctrl-C, quitting), which stops all of them, each
    download cut short keeping its .part and going back to the queue."""

    def __init__(
        self,
        client: httpx.Client,
        listeners: _Listeners,
        stopped: Callable[[], bool],
        folder: Path | None,
        limits: Limits | None,
        credentials: FeedCredentials,
        per_host: int,
        dropped: dict[int, int] | None = None,
        shared_per_host: int | None = None,
        on_wait: Callable[[str], None] = lambda host: None,
        template: str | None = None,
        wait_for_others: bool = False,
    ) -> None:
        self.client, self.listeners, self.stopped = client, listeners, stopped
        self.wait_for_others = wait_for_others  # (else what waits only for them is left)
        self.before: dict[int, str | None] = {}  # each claimed download's last try's error
        # the setting per_host counted over every process sharing the store (None: this one's)
        self.shared_per_host, self.on_wait = shared_per_host, on_wait
        self.waited: set[str] = set()  # hosts said waited for (on_wait)
        self.template = template  # download_dir as written: its placeholders name feed folders
        self.dropped = dropped or {}  # .part bytes deleted as the run began (could not resume)
        self.folder, self.limits, self.credentials = folder, limits, credentials
        self.per_host = max(1, per_host)
        self.turns = threading.Condition()  # claims, names and the counts below
        self.hosts: dict[str, int] = {}  # downloads running, by host
        self.halted = threading.Event()  # one slot stopped: every slot stops
        self.done = self.failed = self.gone = 0
        self.error: BaseException | None = None  # what ended a slot thread unasked

    def result(self) -> QueueResult:
        """What the run did."""
        stopped = self.halted.is_set() or self.stopped()
        return QueueResult(self.done, self.failed, stopped=stopped, gone=self.gone)

    def stopping(self) -> bool:
        return self.halted.is_set() or self.stopped()

    def in_parallel(self, library: Library, at_once: int) -> None:
        """Run `at_once` slots: this thread's on `library`, the others each on a connection of
        its own to the same store. Ctrl-C here stops them all (each .part kept) and is raised
        once they have let their downloads go."""
        threads = [
            threading.Thread(
                target=self._slot_thread, args=(library.file,), name="download", daemon=True
            )
            for _ in range(at_once - 1)
        ]
        for thread in threads:
            thread.start()
        try:
            self.slot(library)
        except BaseException:
            self.halted.set()
            for thread in threads:
                thread.join()
            raise
        for thread in threads:
            thread.join()
        if self.error is not None:
            raise self.error

    def _slot_thread(self, store: str) -> None:
        try:
            with Library.open(store) as library:
                self.slot(library)
        except BaseException as exc:  # (a store that cannot be read): said by the caller
            self.error = self.error or exc
            self.halted.set()

    def slot(self, library: Library) -> None:
        """Download one queued enclosure after another on `library` until none is left that
        this slot may take, or the run stops."""
        while not self.stopping():
            item = self._claim(library)
            if item is None:
                return
            host = url_host(item.url)
            try:
                if not self._download(library, item):
                    self.halted.set()
                    return
            finally:
                with self.turns:
                    self.hosts[host] -= 1
                    self.turns.notify_all()

    def _claim(self, library: Library) -> Download | None:
        """The next download this slot runs (claimed, and put inside download_dir), counted on
        its host; None when none is left that this run takes. While every waiting one's host is
        full of this run's, waits for one of them to end; what waits only for other processes'
        hosts is left to them (None), or waited for (`wait_for_others`)."""
        with self.turns:
            while not self.stopping():
                full = {host for host, n in self.hosts.items() if n >= self.per_host}
                item = library.downloads.claim_next(
                    os.getpid(), full, self.shared_per_host, alive_since()
                )
                if item is None:
                    if full:
                        self.turns.wait(STOP_POLL_SECONDS)  # (a running one ends, or a stop)
                        continue
                    if self.shared_per_host is None:
                        return None
                    if requeue_orphans(library):  # (a dead process's: claimed now)
                        continue
                    if not self._others_hold(library):
                        return None
                    self.turns.wait(OTHERS_POLL_SECONDS)  # (another newstui's ends)
                    continue
                host = url_host(item.url)
                self.waited.discard(host)  # (full again later: said again)
                self.before[item.id] = item.error if item.tries else None
                self.hosts[host] = self.hosts.get(host, 0) + 1
                return replace(item, error=None)
        return None

    def _others_hold(self, library: Library) -> bool:
        """Whether this slot waits for another process sharing the store (the app, a cron
        `download`) that runs per_host downloads from the host of what is queued: only when
        `wait_for_others`, each such host heard once (`on_wait`)."""
        if not self.wait_for_others or self.shared_per_host is None:
            return False
        waiting = library.downloads.waiting_on_others(
            os.getpid(), self.shared_per_host, alive_since()
        )
        for host in sorted(waiting.keys() - self.waited):
            self.waited.add(host)
            self.on_wait(host)
        return bool(waiting)

    def _download(self, library: Library, item: Download) -> bool:
        """Download one claimed enclosure, its end (done, failed, stopped as asked) stored and
        heard; False when the run was stopped (it goes back to the queue, its .part kept)."""
        from newstui.sources.transfer import Limits, TransferStopped, fetch_to_file

        listeners = self.listeners
        notes: list[str] = []
        try:
            with self.turns:  # (a name taken there is not given twice)
                item = _inside_folder(library, item, self.folder, self.template, notes)
        except NewstuiError as exc:  # (no name for it there): it fails, the queue goes on
            library.downloads.fail(item.id, error_line(exc))
            self._count("failed")
            self._tell_end(library, item.id)
            return True
        if kept := self.dropped.pop(item.id, 0):  # (drop_unresumable_parts)
            _started_over(notes, kept, None, dropped=True)
            item = replace(item, bytes_done=0)
        listeners.on_change(item)
        progress = _ProgressWriter(library, item, listeners.on_change)
        renamed = _FreeName(library, Path(item.path))
        asked = _StopAsked(library, item.id, self.stopping)
        feed = library.downloads.feed_key(item.article_id)

        def elsewhere(taken: Path) -> Path:
            with self.turns:
                return renamed(taken)

        try:
            size = fetch_to_file(
                self.client,
                item.url,
                Path(item.path),
                progress,
                asked,
                expected=item.mime,
                limits=self.limits or Limits(),
                credentials=functools.partial(self.credentials, feed),
                elsewhere=elsewhere,
                started_over=functools.partial(_started_over, notes),
            )
        except TransferStopped:
            if asked.then is None:  # (quitting, the run stopped: queued again)
                _let_go(progress, item)
                return False
            # Not given back to the queue first: until it is off the list it reads as running,
            # else a `stop_running` polling between the two steps took it for ended by itself.
            progress.write(on_disk(item))
            try:
                problem = _end_stopped(library, item, asked.then, self.folder)
            except BaseException:
                progress.release()
                raise
            listeners.on_gone(item, asked.then, problem)
            self._count("gone")
            return True
        except Exception as exc:  # one failure never stops the queue
            progress.write(on_disk(item))
            tries, retry_at = passing_retry(item, exc, datetime.now(UTC))
            library.downloads.fail(item.id, error_line(exc), tries, retry_at)
            self._count("failed")
        except BaseException:  # Ctrl-C, SIGTERM: resumed from here next time
            _let_go(progress, item)
            raise
        else:
            if renamed.path is not None:
                notes.append(f"{Path(item.path).name} is a file newstui did not write: kept")
            path = None if renamed.path is None else str(renamed.path)
            library.downloads.finish(item.id, size, path)
            self._count("done")
        for note in notes:
            listeners.on_note(item, note)
        self._tell_end(library, item.id)
        return True

    def _tell_end(self, library: Library, download_id: int) -> None:
        """Tell the listeners how a download ended, as stored; a failure with its feed's name,
        read here on the slot's own `library`."""
        changed = library.downloads.get(download_id)
        if changed is None:
            return
        self.listeners.on_change(changed)
        if changed.state == "failed":
            feed = library.downloads.feed_name(changed.article_id)
            self.listeners.on_failed(changed, feed, self.before.get(download_id))

    def _count(self, outcome: Literal["done", "failed", "gone"]) -> None:
        with self.turns:
            setattr(self, outcome, getattr(self, outcome) + 1)


def _let_go(progress: _ProgressWriter, item: Download) -> None:
    """A download cut short by quitting or Ctrl-C goes back to the queue, its .part kept to
    resume from, unless no version of the file was kept with it: then it could only start
    again from its first byte, and is deleted (it was kept, and begun again at the next start)."""
    from newstui.sources.transfer import drop_unresumable

    drop_unresumable(Path(item.part_path))
    progress.release()


def _inside_folder(
    library: Library, item: Download, folder: Path | None, template: str | None, notes: list[str]
) -> Download:
    """`item`, its file put inside download_dir `folder` when it was queued outside it (a store
    restored from another home, a download_dir changed since: user test r47 H2 wrote into the
    other home's folder), in the folder a download of its feed is queued in today (`template`'s
    `%n`, `%h`: user test r50 LOW-5 landed them flat in ~/Podcasts), under the same name taken
    as a new download's (`NAME (2)` when a file or a queued download has it); what was queued
    outside is not touched. Said in `notes`. Raises NewstuiError when no name there is free."""
    if folder is None:
        return item
    queued = Path(item.path)
    with contextlib.suppress(OSError, ValueError, RuntimeError):
        if queued.parent.resolve().is_relative_to(folder.expanduser().resolve()):
            return item
    target = folder
    if template is not None and has_placeholders(template):
        target = _feed_folder(library, template, item.article_id, item.url)
        with contextlib.suppress(OSError, ValueError, RuntimeError):  # (never outside `folder`)
            if not target.resolve().is_relative_to(folder.expanduser().resolve()):
                target = folder
    name = safe_file_name("", queued.name, "")  # (a stored name: untrusted, as a title is)
    inside = TakenNames(library, target).unused_path(name)
    library.downloads.move(item.id, str(inside))
    notes.append(f"queued for {queued}, outside download_dir ({folder})")
    return replace(item, path=str(inside))


class _FreeName:
    """The name a finished download takes when a file newstui did not write has the one it was
    queued for (user test r47 H2: a retry's replaced the user's own): `NAME (2)`… as a new
    download's. `path`: the last one given (None: none asked)."""

    def __init__(self, library: Library, queued: Path) -> None:
        self.library, self.queued = library, queued
        self.taken: TakenNames | None = None
        self.path: Path | None = None

    def __call__(self, taken: Path) -> Path:
        self.taken = self.taken or TakenNames(self.library, self.queued.parent)
        self.taken.files.add(taken.name)  # (had a file a moment ago, whatever the listing said)
        self.path = self.taken.unused_path(self.queued.name)
        return self.path


def _started_over(
    notes: list[str], kept: int, server_has_none: str | None, *, dropped: bool = False
) -> None:
    """Say in `notes` that a download began again the .part it found, holding `kept` bytes with
    no version kept to check them by, and why: `server_has_none` (its server gives none, as
    _why_unresumable says it: user test r48 L31, a download stopped by quitting), or None: it
    does, so an older newstui kept them so (user test r47 L3: restarted unsaid); `dropped`:
    deleted as the run began, before its server was asked (drop_unresumable_parts)."""
    from newstui.render import human_size

    said = f"started over: the {human_size(kept)} kept before could not be checked"
    if dropped:
        notes.append(f"{said}: no version of the file was kept with them")
    elif server_has_none is not None:
        notes.append(f"{said}: {server_has_none}")
    else:
        notes.append(f"{said}, kept with no version of the file as an older newstui kept them")


STOP_POLL_SECONDS = 0.25  # how often a running download reads whether it was asked to stop
OTHERS_POLL_SECONDS = 1.0  # how often a run waiting for another process's download looks again
STOP_WAIT_SECONDS = 15.0  # how long `stop_running` waits for the download to stop


class _StopAsked:
    """Between chunks: whether to stop, `stopped()` (the app quits) or this download asked to
    stop (by this process or another, through the store: read at most every STOP_POLL_SECONDS;
    `then` says what follows)."""

    def __init__(self, library: Library, download_id: int, stopped: Callable[[], bool]) -> None:
        self.library, self.download_id, self.stopped = library, download_id, stopped
        self.then: StopThen | None = None
        self.read_at = 0.0

    def __call__(self) -> bool:
        if self.stopped():
            return True
        now = time.monotonic()
        if self.then is None and now - self.read_at >= STOP_POLL_SECONDS:
            self.read_at = now
            self.then = self.library.downloads.stop_asked(self.download_id)
        return self.then is not None


def _end_stopped(
    library: Library, item: Download, then: StopThen, folder: Path | None
) -> str | None:
    """A download stopped as asked: forgotten (its .part kept and remembered), or its .part
    deleted (this process wrote it, at the name it chose inside download_dir `folder`; None: the
    folder it was written to). A .part that cannot be deleted is kept and remembered as a
    forgotten one's: why, in one line (else None)."""
    if then == "delete":
        part = Path(item.part_path)
        try:
            handle = _open_folder_of(part, folder or part.parent)
            try:
                _unlink_regular_file(part, handle)
                _unlink_validator(item, handle)
            finally:
                os.close(handle)
        except OSError as exc:
            library.downloads.end_stopped(item.id, "forget")
            return f"{part}: {exc.strerror or exc}; not deleted, kept (d resumes it)"
    library.downloads.end_stopped(item.id, then)
    return None


def stop_running(
    library: Library, download_id: int, then: StopThen, wait: float | None = None
) -> Download | None:
    """Stop a running download (run by this process or another) and forget it ("forget": its
    .part kept) or delete its .part ("delete"); what it was once stopped and off the list. None
    when it is not running (it ended first, or its process died): the caller forgets or deletes
    it as usual. Raises NewstuiError when it has not stopped within `wait` seconds (it still
    will, at its next chunk)."""
    requeue_orphans(library)
    running = library.downloads.ask_stop(download_id, then)
    if running is None or running.state != "downloading":
        return None
    wait = STOP_WAIT_SECONDS if wait is None else wait
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = library.downloads.get(download_id)
        if now is None:
            return running
        if now.state != "downloading" or orphaned(now):
            requeue_orphans(library)
            return None
    raise NewstuiError(
        f"download {download_id} was asked to stop and has not yet (no data for "
        f"{wait:.0f} s); it stops at its next chunk"
    )


class _ProgressWriter:
    """Hands each step of a download to the listener, and writes it to the store at most once a
    second (which also tells other processes this download is alive)."""

    def __init__(
        self, library: Library, item: Download, on_change: Callable[[Download], None]
    ) -> None:
        self.library, self.item, self.on_change = library, item, on_change
        self.written = 0.0
        self.arrived, self.total = item.bytes_done, item.bytes_total

    def __call__(self, arrived: int, total: int | None) -> None:
        self.arrived, self.total = arrived, total if total is not None else self.item.bytes_total
        now = time.monotonic()
        if now - self.written >= 1.0 or arrived == total:
            self.written = now
            self.write()
        self.on_change(replace(self.item, bytes_done=arrived, bytes_total=self.total))

    def write(self, arrived: int | None = None) -> None:
        """Store how much has arrived (`arrived`: what the disk holds, when it is known better
        than the last step heard: after a failure or a stop)."""
        if arrived is not None:
            self.arrived = arrived
        self.library.downloads.progress(self.item.id, self.arrived, self.total)

    def release(self) -> None:
        """Store how much is on disk and give the download back to the queue."""
        self.write(on_disk(self.item))
        self.library.downloads.release(self.item.id)
