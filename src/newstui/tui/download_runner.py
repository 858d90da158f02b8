"""The app's side of downloads: one worker thread works through the queue (started when something
is queued, and at start when a queue was left; `download_concurrency` downloads at once, each in a
thread of its own), the downloads screen follows it live, and `P` plays a file or URL with the
`player` setting. Each run reads the config file as it is then (`ConfigOnDisk`)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.message import Message
from textual.worker import get_current_worker

from newstui.config import Config, Settings
from newstui.counts import counted
from newstui.errors import NewstuiError, error_line
from newstui.library import Library
from newstui.model.downloads import url_host
from newstui.render import human_size
from newstui.text import terminal_safe
from newstui.tui.mixins import AppMixin
from newstui.tui.programs import missing_program, run_program
from newstui.tui.screens.keyed_box import key_in_effect

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from newstui.downloads import LeftAtQuit
    from newstui.model import Download, StopThen
    from newstui.tui.screens.downloads import DownloadsScreen
    from newstui.tui.screens.main import MainScreen
    from newstui.tui.shared_library import SharedLibrary


@dataclass(eq=False, repr=False)
class DownloadChanged(Message):
    """A download moved on (progress), finished or failed; a newer progress message of the same
    download replaces one still waiting."""

    download: Download

    def can_replace(self, message: Message) -> bool:
        return (  # Textual asks the older message whether the newer one (`message`) replaces it
            isinstance(message, DownloadChanged)
            and message.download.id == self.download.id
            and self.download.state == "downloading"
        )


@dataclass(eq=False, repr=False)
class DownloadsIdle(Message):
    """The queue worker found nothing more to do; `kicks` is how many requests it had seen."""

    kicks: int


@dataclass(eq=False, repr=False)
class DownloadGone(Message):
    """A download stopped as asked was taken off the list (by this process or another)."""

    download_id: int


@dataclass(eq=False, repr=False)
class DownloadNoted(Message):
    """A line to show from a download thread (what a download did unasked, a .part kept):
    posted, never waited for (review r50 LOW-9: `call_from_thread` held the other slots)."""

    line: str
    severity: SeverityLevel = "information"


@dataclass(eq=False, repr=False)
class DownloadsWaiting(Message):
    """The queue's run waits for `host`: another newstui runs per_host downloads from it."""

    host: str


@dataclass(eq=False, repr=False)
class DownloadDeleteAgain(Message):
    """A download asked to stop and delete had ended first: delete it as any other."""

    download_id: int
    folder: Path


@dataclass(eq=False, repr=False)
class DownloadForgetAgain(Message):
    """A download asked to stop had ended first: forget it as any other."""

    download: Download


@dataclass(eq=False, repr=False)
class DownloadsQueued(Message):
    """Something was queued: the worker should run."""


@dataclass(eq=False, repr=False)
class DownloadsDue(Message):
    """A refresh ended: downloads that failed for a passing reason and waited long enough
    should be queued again (as the next `newstui download` does)."""


@dataclass(eq=False, repr=False)
class DownloadsConfigUnread(Message):
    """The config file changed since the app read it and does not read: why, in one line."""

    line: str


def play(app: App[Any], config: Config | None, download: Download | None, url: str) -> None:
    """Play an enclosure with the `player` setting: the downloaded file when it is there, else
    the URL. A player that is not there is named with the setting (`player: /opt/mpv not
    found (the player setting in …/feeds.toml)`), before the app steps aside for it."""
    settings = config.settings if config is not None else Settings()
    target = url
    if download is not None and download.state == "done" and Path(download.path).is_file():
        target = download.path
    try:
        from newstui.launch import LaunchError, player_launch  # (shlex with it: on first use)

        launch = player_launch(settings.player, target, shutil.which)
    except LaunchError as exc:
        app.notify(f"player: {exc}", severity="error", markup=False)
        return
    where = "the player setting" + (f" in {config.path}" if config is not None else "")
    if (missing := missing_program(launch, "player", where)) is not None:
        app.notify(missing, severity="error", markup=False)
        return
    run_program(app, launch)


def deleted_files_line(deleted: list[Download], download_key: str = "d") -> str:
    """What `L` says of finished downloads it no longer lists: their files were deleted outside
    newstui (by hand, or another program); `download_key`: the download key in effect."""
    if len(deleted) == 1:
        name = terminal_safe(Path(deleted[0].path).name, line=True)
        return (
            f"{name} was deleted outside newstui: off the list ({download_key} downloads it again)."
        )
    files = counted(len(deleted), "downloaded file")
    return (
        f"{files} were deleted outside newstui: off the list ({download_key} downloads them again)."
    )


def downloaded_more(finished: int) -> str:
    """What the app says as the queue runs dry after `finished` downloads: only the first one
    was named as it finished (`a` on 30 enclosures showed 30 "Downloaded …" toasts)."""
    if finished <= 1:
        return ""
    return f"Downloaded {counted(finished - 1, 'more file', 'more files')} (L: downloads)"


class RunsDownloads(AppMixin):
    """Mixed into the app: runs the download queue in a worker and routes its news."""

    db_path: Path | str
    library: SharedLibrary
    main: MainScreen
    _download_kicks = 0
    _downloads_running = False
    _downloads_begun: frozenset[int] = frozenset()  # the ids begun here (_tell)
    _downloads_left: LeftAtQuit | None = None  # as the app ended (note_downloads_left)
    _downloaded = 0  # downloads finished since the queue last ran dry (downloaded_more)
    # the hosts the queue's run waits for (another newstui holds their per_host places)
    downloads_waiting: frozenset[str] = frozenset()
    _waits_said: frozenset[str] = frozenset()  # those said since the queue last ran dry

    if TYPE_CHECKING:

        @property
        def config(self) -> Config | None: ...

    def current_download_config(self) -> Config | None:
        """The config file as it is now (None in the demo), which a download, a delete and a
        stop go by (user test r48 L13): read again, off the event loop, when it changed since;
        one that does not read is said once, the config as last read used."""
        config = self.config
        if config is None:
            return None
        current, problem = self.main.config_on_disk.current(config)
        if problem is not None:
            self.post_message(DownloadsConfigUnread(problem))
        return current

    def current_download_folder(self) -> Path:
        """download_dir as the config file says it now (above its placeholders); off the loop."""
        from newstui.config import download_folder

        config = self.current_download_config()
        return download_folder(config.settings if config is not None else Settings())

    def _on_downloads_config_unread(self, message: DownloadsConfigUnread) -> None:
        self.notify(message.line, severity="error", markup=False, timeout=15)

    def start_downloads(self) -> None:
        """Work through the queue in the background (again, if it is running: it looks once
        more before it stops)."""
        self._download_kicks += 1
        if not self._downloads_running and self.config is not None:
            self._downloads_running = True
            self._run_downloads(self._download_kicks)

    def note_downloads_left(self) -> None:
        """As the app ends, before its library closes: count the downloads left to resume
        (queued, or this process's cut short), for `downloads_left_line`. Read only when the
        queue was running, on the app's own connection (opening the store again after the app
        had quit could wait up to 30 s for a pending index fill; review r30 LOW 8)."""
        if not self._downloads_running:
            return
        from newstui.downloads import left_at_quit

        try:
            with self.library.borrow() as library:
                self._downloads_left = left_at_quit(
                    library.downloads.all(), os.getpid(), self._downloads_begun
                )
        except (
            NewstuiError,
            sqlite3.Error,
            RuntimeError,
        ):  # (not open, or unreadable: say nothing)
            return

    def downloads_left_line(self) -> str | None:
        """Once the app has quit: "newstui: 2 downloads will resume at the next start", and a
        line for those that will start again (their .part deleted: no version to resume by),
        when it quit with downloads running or waiting (quitting asks nothing), else None. The
        store is not read here (see note_downloads_left)."""
        if self._downloads_left is None:
            return None
        return "\n".join(self._downloads_left.lines()) or None

    def resume_downloads(self) -> None:
        """Carry on with a queue the last run left (queued, or cut short while downloading),
        and the downloads that failed for a passing reason whose wait is over."""
        if self.config is not None:
            self._resume_downloads(("queued", "downloading"), retrying=True)

    def retry_due_downloads(self) -> None:
        """After a refresh: queue again, and download, what failed for a passing reason (the
        network, a 5xx, a 429) and has waited its backoff, as the next `newstui download` would
        (user test r49: the open app left them for `r` in `L`); each try, and the limit of
        tries in a row, as cron's."""
        if self.config is not None:
            self._resume_downloads((), retrying=True)

    def pick_up_downloads(self) -> None:
        """Another process wrote to the store: run what it queued (`newstui download --later`),
        which nothing here would start (a download it runs itself is left to it)."""
        if self.config is not None and not self._downloads_running:
            self._resume_downloads(("queued",))

    @work(group="downloads-resume", exit_on_error=False)
    async def _resume_downloads(self, states: tuple[str, ...], retrying: bool = False) -> None:
        from newstui.downloads import any_retry_due, retry_due

        def read(library: Library) -> tuple[bool, bool]:
            rows = library.downloads.all()
            return any(d.state in states for d in rows), retrying and any_retry_due(library)

        waiting, due = await self.library.read(read)
        if due:  # (written only then: most refreshes have none)
            again = await self.library.write(retry_due)
            for download in again:  # (L's rows and the reader say it is queued)
                self.post_message(DownloadChanged(replace(download, state="queued")))
            waiting = waiting or bool(again)
        if waiting:
            self.start_downloads()

    @work(thread=True, group="downloads", exit_on_error=False)
    def _run_downloads(self, kicks: int) -> None:
        from newstui.config import download_folder
        from newstui.downloads import feed_credentials, run_queue  # httpx: once one downloads

        worker = get_current_worker()
        try:
            config = self.current_download_config()
            if config is None:
                return
            settings = config.settings
            with Library.open(self.db_path) as library:
                run_queue(
                    library,
                    timeout=settings.timeout,
                    on_change=self._tell,
                    stopped=lambda: worker.is_cancelled,
                    on_gone=self._gone,
                    folder=download_folder(settings),
                    template=settings.download_dir.strip() or None,  # (its %n: a feed's folder)
                    credentials=feed_credentials(config.feeds),
                    on_note=self._noted,
                    at_once=settings.download_concurrency,
                    per_host=settings.per_host,
                    on_wait=self._waiting,
                    wait_for_others=True,  # (open: what another newstui holds, it waits for)
                    ca_file=settings.ca_file or None,
                )
        finally:
            self.post_message(DownloadsIdle(kicks))

    def _noted(self, download: Download, note: str) -> None:
        """From the worker thread: what a download did unasked (went to another name or folder
        than queued, began a .part again), in one line."""
        title = terminal_safe(download.title, line=True) or "the download"
        line = f"{title}: {terminal_safe(note, line=True)}"
        self.post_message(DownloadNoted(line, "warning"))

    def _gone(self, download: Download, then: StopThen, problem: str | None) -> None:
        """From the worker thread: a download stopped as asked is off the list (a .part that
        could not be deleted: why, in one line)."""
        self.post_message(DownloadGone(download.id))
        if problem is not None:
            self.post_message(DownloadNoted(problem, "warning"))

    def _waiting(self, host: str) -> None:
        """From the worker thread: the run waits for a host another newstui downloads from."""
        self.post_message(DownloadsWaiting(host))

    def _on_download_noted(self, message: DownloadNoted) -> None:
        self.notify(message.line, markup=False, severity=message.severity)

    def _on_downloads_waiting(self, message: DownloadsWaiting) -> None:
        """The run waits for a host another newstui downloads from: said once (until the
        queue runs dry), and by its queued rows in `L`."""
        if message.host in self.downloads_waiting:
            return
        self._show_waiting(self.downloads_waiting | {message.host})
        if message.host in self._waits_said:  # (once a run: a host taken in turns is not
            return  # said at each turn)
        self._waits_said |= {message.host}
        host = terminal_safe(message.host, line=True)
        per_host = self.config.settings.per_host if self.config is not None else 1
        self.notify(
            f"Waiting for {host}: another newstui is downloading from it, and per_host = "
            f"{per_host} allows no more at once",
            markup=False,
        )

    def _show_waiting(self, hosts: frozenset[str]) -> None:
        from newstui.tui.screens.downloads import DownloadsScreen

        self.downloads_waiting = hosts
        for screen in self.screen_stack:
            if isinstance(screen, DownloadsScreen):
                screen.show_waiting(hosts)

    def _tell(self, download: Download) -> None:
        """From the worker thread: how a download goes."""
        if download.state == "downloading":  # (its .part may be gone, its row back to 0
            # bytes, by the time the app ends: note_downloads_left)
            self._downloads_begun = self._downloads_begun | {download.id}
        self.post_message(DownloadChanged(download))

    def _on_downloads_idle(self, message: DownloadsIdle) -> None:
        self._downloads_running = False
        self._waits_said = frozenset()
        if self.downloads_waiting:
            self._show_waiting(frozenset())
        if more := downloaded_more(self._downloaded):
            self.notify(more, markup=False)
        self._downloaded = 0
        if message.kicks != self._download_kicks:  # queued while the worker was finishing
            self.start_downloads()

    async def _on_download_gone(self, message: DownloadGone) -> None:
        from newstui.tui.screens.downloads import DownloadsScreen

        for screen in self.screen_stack:
            if isinstance(screen, DownloadsScreen):
                await screen.remove_download(message.download_id)
        self.main.drop_download(message.download_id)

    @work(thread=True, group="downloads-stop", exit_on_error=False)
    def _stop_download(self, download: Download, then: StopThen) -> None:
        """`x` or `D` on a running download (run here or by another newstui): stop it, then
        forget it (its .part kept) or delete its .part; said in one line."""
        from newstui.downloads import kept_file, stop_running

        title = terminal_safe(download.title, line=True) or "the download"
        with Library.open(self.db_path) as library:
            stopped = stop_running(library, download.id, then)
        if stopped is None:  # it ended first: forgotten or deleted as any other
            if then == "forget":
                self.post_message(DownloadForgetAgain(download))
            else:
                folder = self.current_download_folder()
                self.post_message(DownloadDeleteAgain(download.id, folder))
            return
        self.post_message(DownloadGone(download.id))
        if then == "forget":
            kept = kept_file(stopped)
            where = f"; its file stays: {terminal_safe(kept, line=True)}" if kept else "."
            line = f"Stopped and forgot {title}{where}"
        else:
            part = Path(stopped.part_path)
            line = (
                f"Stopped {title}; its {part.name} could not be deleted and stays (d resumes it)."
                if os.path.lexists(part)
                else f"Stopped {title} and deleted {part.name}."
            )
        self.post_message(DownloadNoted(line))

    def _on_download_delete_again(self, message: DownloadDeleteAgain) -> None:
        self._delete_download(message.download_id, message.folder)

    async def _on_download_forget_again(self, message: DownloadForgetAgain) -> None:
        from newstui.tui.screens.downloads import DownloadsScreen

        await self.on_downloads_screen_forget_requested(
            DownloadsScreen.ForgetRequested(message.download)
        )

    def _on_downloads_queued(self, message: DownloadsQueued) -> None:
        self.start_downloads()

    def _on_downloads_due(self, message: DownloadsDue) -> None:
        self.retry_due_downloads()

    def _on_download_changed(self, message: DownloadChanged) -> None:
        from newstui.tui.screens.downloads import DownloadsScreen

        download = message.download
        for screen in self.screen_stack:
            if isinstance(screen, DownloadsScreen):
                screen.update_download(download)
        self.main.show_download(download)
        if download.state == "downloading" and (host := url_host(download.url)) in (
            waited := self.downloads_waiting
        ):  # (its place came free: no longer waiting for it)
            self._show_waiting(waited - {host})
        title = terminal_safe(download.title, line=True) or "the download"
        if download.state == "done":
            self._downloaded += 1
            if self._downloaded == 1:  # the rest of a batch is said once, as the queue ends
                self.notify(f"Downloaded {title}", markup=False)
        elif download.state == "failed":
            self._say_failed(download, title)

    def _say_failed(self, download: Download, title: str) -> None:
        """A failed download's notification: a failure for good (a 404, a full disk) or the
        last of MAX_PASSING_TRIES in a row as an error; the first that may pass (the network,
        a 5xx) as a warning saying the app tries it again; the tries after it nothing (`L`
        shows when it is tried next), as cron says a failure once."""
        from newstui.model.downloads import MAX_PASSING_TRIES
        from newstui.tui.screens.download_rows import retried_at

        error = terminal_safe(download.error or "", line=True)
        if download.retry_at is not None:
            if download.tries <= 1:  # (a Retry-After's time named: review r50 LOW-1)
                when = retried_at(download)
                line = f"Download failed: {title}: {error}; tried again at {when}"
                self.notify(line, severity="warning", markup=False)
            return
        if download.tries >= MAX_PASSING_TRIES:
            box = key_in_effect(self.main, "app.downloads")
            retry = key_in_effect(self.main, "downloads.retry")
            line = (
                f"Download failed {download.tries:,} times in a row: {title}: {error} "
                f"(no longer tried by itself: {retry} in {box} tries it again)"
            )
            self.notify(line, severity="error", markup=False)
            return
        self.notify(f"Download failed: {title}: {error}", severity="error", markup=False)

    def action_downloads(self) -> None:
        """Show the download queue: the box at once, its rows once read (keys typed meanwhile
        reach the box, user test r37 L5)."""
        from newstui.tui.screens.downloads import DownloadsScreen

        if any(isinstance(screen, DownloadsScreen) for screen in self.screen_stack):
            return
        screen = DownloadsScreen(None)
        screen.waiting_hosts = self.downloads_waiting  # (its queued rows waiting: say so)
        self.push_screen(screen)
        self._show_downloads(screen)

    @work(group="downloads-list", exit_on_error=False)
    async def _show_downloads(self, screen: DownloadsScreen) -> None:
        """The queue as `newstui downloads` lists it (a download whose process died shows as
        queued, and is queued again), read off the event loop on the reads' connection, so that
        no write waiting for another process's lock holds it up, into the box shown."""
        from newstui.downloads import (
            as_listed,
            drop_deleted_files,
            file_deleted,
            requeue_orphans,
            with_disk_sizes,
        )

        def read(library: Library) -> tuple[list[Download], list[Download], list[Download]]:
            stored = library.downloads.all()  # and what is on disk, off the loop too
            deleted = [d for d in stored if file_deleted(d)]
            gone = {d.id for d in deleted}
            rows = [d for d in with_disk_sizes(as_listed(stored)) if d.id not in gone]
            return stored, rows, deleted

        try:
            stored, rows, deleted = await self.library.read(read)
        except Exception as error:  # (a busy or damaged store): the box says it, not the read
            if screen not in self.screen_stack:
                raise  # (closed meanwhile: the worker's error line says it)
            screen.read_failed(error_line(error))
            return
        if as_listed(stored) != stored:  # as `listed` does; the queue's worker would do it too
            self.run_worker(self.library.write(requeue_orphans), group="write", exit_on_error=False)
        if deleted:  # (deleted outside newstui: `newstui downloads` takes them off too)
            write = self.library.write(lambda library: drop_deleted_files(library, deleted))
            self.run_worker(write, group="write", exit_on_error=False)
            for download in deleted:
                self.main.drop_download(download.id, download.article_id)
            download_key = key_in_effect(self.main, "article.download")
            self.notify(deleted_files_line(deleted, download_key), markup=False)
        if screen in self.screen_stack:  # (not closed meanwhile)
            await screen.fill(rows)
        if any(d.state == "queued" for d in rows):  # (another process's too: it runs here)
            self.start_downloads()

    # The screen's messages are handled by name: the screen (Textual's list view and progress
    # bar) is imported when it is first shown, not before the first screen.

    async def on_downloads_screen_retry_requested(
        self, message: DownloadsScreen.RetryRequested
    ) -> None:
        """`r` on the downloads screen: queue the failed downloads again."""
        from newstui.tui.screens.downloads import DownloadsScreen

        count = await self.library.write(lambda library: library.downloads.retry())
        if not count:
            self.notify("No failed download to retry.")
            return
        self.notify(f"{count} download{'s' * (count != 1)} queued again.")
        rows = await self.library.write(lambda library: library.downloads.all())
        for screen in self.screen_stack:
            if isinstance(screen, DownloadsScreen):
                for row in rows:
                    screen.update_download(row)
        self.start_downloads()

    async def on_downloads_screen_forget_requested(
        self, message: DownloadsScreen.ForgetRequested
    ) -> None:
        """`x` on the downloads screen: forget one download."""
        from newstui.downloads import kept_file
        from newstui.tui.screens.downloads import DownloadsScreen

        download_id = message.download.id

        def forget(library: Library) -> tuple[Download | None, str | None]:
            gone = library.downloads.forget(download_id)
            return gone, kept_file(gone) if gone is not None else None  # (a stat, off the loop)

        gone, kept = await self.library.write(forget)
        if gone is not None and gone.state == "downloading":
            self.notify("Stopping it…", markup=False)
            self._stop_download(gone, "forget")
            return
        if isinstance(self.screen, DownloadsScreen):
            await self.screen.remove_download(download_id)
        self.main.drop_download(download_id, gone.article_id if gone is not None else None)
        title = terminal_safe(message.download.title, line=True) or "the download"
        where = f"; its file stays: {terminal_safe(kept, line=True)}" if kept else "."
        self.notify(f"Forgot {title}{where}", markup=False)

    def on_downloads_screen_delete_requested(
        self, message: DownloadsScreen.DeleteRequested
    ) -> None:
        """`D` on the downloads screen: ask, naming the file, then delete it."""
        self._ask_to_delete(message.download)

    @work(group="downloads-delete", exit_on_error=False)
    async def _ask_to_delete(self, download: Download) -> None:
        from newstui.downloads import FileOnDisk, files_on_disk
        from newstui.tui.screens.confirm import ConfirmScreen

        def read(library: Library) -> tuple[Path, list[FileOnDisk]]:
            folder = self.current_download_folder()  # (the config read off the loop)
            # (raises, deleting nothing, for a file newstui may not delete: said in one line)
            return folder, files_on_disk(download, folder)

        folder, files = await self.library.read(read)
        title = terminal_safe(download.title, line=True) or "the download"
        if download.state == "downloading":
            names = " and ".join(f"{f.path.name} ({human_size(f.size)} so far)" for f in files)
            question = f"It is downloading. Stop it and delete {names or 'what arrived'}?"

            def stop(yes: bool | None) -> None:
                if yes:
                    self._stop_download(download, "delete")

            self.push_screen(ConfirmScreen("Stop and delete", question, yes="Delete"), stop)
            return
        if files:
            names = " and ".join(f"{f.path.name} ({human_size(f.size)})" for f in files)
            question = f"Delete {names}?\nIn {files[0].path.parent}. It leaves the list too."
        else:
            question = f"{title} has no file on disk. Take it off the list?"

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete_download(download.id, folder)

        self.push_screen(ConfirmScreen("Delete the file", question, yes="Delete"), answered)

    @work(group="write", exit_on_error=False)
    async def _delete_download(self, download_id: int, folder: Path) -> None:
        from newstui.downloads import delete_download
        from newstui.tui.screens.downloads import DownloadsScreen

        gone, files = await self.library.write(
            lambda library: delete_download(library, folder, download_id)
        )
        for screen in self.screen_stack:
            if isinstance(screen, DownloadsScreen):
                await screen.remove_download(download_id)
        self.main.drop_download(download_id, gone.article_id)
        if files:
            names = " and ".join(f"{f.path.name} ({human_size(f.size)})" for f in files)
            self.notify(f"Deleted {names}.", markup=False)
        else:
            title = terminal_safe(gone.title, line=True) or "The download"
            self.notify(f"{title} had no file on disk; taken off the list.", markup=False)

    def on_downloads_screen_play_requested(self, message: DownloadsScreen.PlayRequested) -> None:
        """`P` on the downloads screen: play the file (else the URL)."""
        play(self, self.config, message.download, message.download.url)
