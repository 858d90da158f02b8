"""What the user does to the articles and sources the main screen shows: mark read, star, mark
all read, open the link, read in a pager, pipe to a command, fetch the full text, remove a
source. Part of `MainScreen`."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from textual import work
from textual.message import Message
from textual.notifications import Notification, SeverityLevel
from textual.worker import Worker, get_current_worker

from newstui.config import Config, FeedConfig, LocalConfig, Settings, load_config
from newstui.config.removal import remove_source, remove_view
from newstui.counts import counted
from newstui.errors import NewstuiError
from newstui.model import ArticleFilter, ArticleRow, FeedRow
from newstui.model.names import name_key
from newstui.render import ARTICLE_LINK, listed_links, render_article_text, wrapped_at_spaces
from newstui.text import terminal_safe
from newstui.tui.mixins import ScreenMixin
from newstui.tui.notices import replace_notice
from newstui.tui.programs import missing_program, run_program, where_set
from newstui.tui.screens.feed_removal import SourceMeant, removal_answer, removal_question
from newstui.tui.screens.keyed_box import key_in_effect
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.view import ALL, View

if TYPE_CHECKING:
    from newstui.launch import Launch
    from newstui.library import Library
    from newstui.model import ArticleDetail
    from newstui.model.fetching import SetAsideSource
    from newstui.model.views import Marked
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.reader_body import ReaderBody
    from newstui.tui.widgets.sources import SourcesPane


def article_text(detail: ArticleDetail) -> str:
    """The article as plain text, as `newstui show` prints it (for the pager and `|`)."""
    return render_article_text(detail.article, detail.analysis).plain


@dataclass(eq=False, repr=False)
class Notice(Message):
    """A line for the user from a worker thread (thread → UI goes through messages)."""

    text: str
    severity: SeverityLevel = "information"


@dataclass(eq=False, repr=False)
class FulltextFetched(Message):
    """The full text of an article was fetched (ok), not found (False), or failed with an error
    the worker-error handler shows (None)."""

    article_id: int
    ok: bool | None


@dataclass(eq=False, repr=False)
class SavedViewsChanged(Message):
    """The config's saved views changed (one removed with D, the file edited by hand): the
    screen's config holds them; list them again."""


@dataclass(eq=False, repr=False)
class SourceRemoved(Message):
    """A source left the config and the store; `summary` says what was deleted."""

    source_id: int
    summary: str


@dataclass(eq=False)
class UndoableMark:
    """What `u` undoes: the flags to put back (each article's state before the mark) on exactly
    the articles the mark changed, the listed ones and the other versions of their stories. The
    ids are filled in by the mark's own write, on the write thread, before a later write runs."""

    flags: dict[str, bool]
    ids: tuple[int, ...] | None = None  # None until the mark's write is in
    copies: tuple[int, ...] = ()

    def took(self, ids: Iterable[int], listed: Iterable[int]) -> None:
        """The mark changed `ids`; those in `listed` are the articles it was asked for."""
        asked = set(listed)
        changed = sorted(ids)
        self.ids = tuple(i for i in changed if i in asked)
        self.copies = tuple(i for i in changed if i not in asked)


def story_copies(count: int) -> str:
    """ " (+ 2 story copies)": the other versions of the stories marked with them (L7)."""
    return f" (+ {counted(count, 'story copy', 'story copies')})" if count else ""


# What `u` says after an action it cannot undo, which replaced the last mark.
REMOVAL_NOT_UNDONE = (
    "Nothing to undo: a removal cannot be undone (re-add the feed with a; its starred articles"
    " are still here)."
)


class ArticleActions(ScreenMixin):
    """Article and source actions; the state they change is written at once."""

    # Provided by MainScreen, which holds the panes and the open article.
    library: SharedLibrary
    headlines: HeadlineList
    sources: SourcesPane
    detail: ArticleDetail | None
    config: Config | None
    settings: Settings
    db_path: Path | str

    if TYPE_CHECKING:

        def load_detail(self, article_id: int) -> Worker[None]: ...
        def load_held_detail(self, article_id: int) -> None: ...
        def show_view(self, view: View, select_id: int | None = None) -> None: ...
        def selected_source(self) -> tuple[FeedRow, SourceMeant] | None: ...
        def meant_source_id(self) -> tuple[int, SourceMeant] | None: ...
        def ask_to_remove_tag(self, tag: str) -> Worker[None]: ...

    _last_pipe = ""  # the last command the article was piped to
    _last_mark: UndoableMark | None = None  # what `u` undoes
    # articles shown read whose mark is not stored yet: an n/p search behind the key that
    # marked one (a mark written while the next search reads the store) takes it as read
    _reads_unwritten: Mapping[int, UndoableMark] = MappingProxyType({})
    _not_undone: str | None = None  # the last action could not be undone: what `u` says
    _step_notice: Notification | None = None  # the last notice of a key's step (notices.py)
    # An action asked for before its article's detail loaded (`j v` in one burst), and the
    # article it waits for.
    _waiting: tuple[int, Callable[[ArticleDetail], object]] | None = None
    _gone: int | None = None  # the selected article, when its detail load found it removed

    def on_row(self, then: Callable[[ArticleRow], object]) -> None:
        """Call `then` with the selected article's row, once the view's rows are in (a key
        typed right after `J` acts on the new feed's article); say so when none is selected."""

        def selected() -> None:
            row = self.headlines.selected
            if row is None:
                self.notify("No article selected.", severity="warning")
            else:
                then(row)

        self.headlines.when_rows_in(selected)

    def with_detail(self, then: Callable[[ArticleDetail], object]) -> None:
        """Call `then` with the selected article's detail: now when it has loaded, else once it
        loads (as Enter opens it then); moving to another article first drops it."""
        self.on_row(partial(self._with_detail_of, then))

    def _with_detail_of(self, then: Callable[[ArticleDetail], object], row: ArticleRow) -> None:
        detail = self.detail
        if detail is not None and detail.article.row.id == row.id:
            then(detail)
            return
        if self._gone == row.id:
            self.article_removed(row.id)
            return
        self._waiting = (row.id, then)
        self.load_held_detail(row.id)

    def detail_loaded(self, article_id: int, detail: ArticleDetail | None) -> None:
        """The selected article's detail loaded (None: it is gone): run what waited for it."""
        self._gone = article_id if detail is None else None
        waiting, self._waiting = self._waiting, None
        if waiting is None or waiting[0] != article_id:
            return
        if detail is None:
            self.article_removed(article_id)
        else:
            waiting[1](detail)

    def article_removed(self, article_id: int) -> None:
        """A key acted on an article another process removed: say so and show the list as it
        is now."""
        self.notify(f"article {article_id} was removed by another newstui", severity="warning")
        self.headlines.reload()

    def cursor_on(self, article_id: int) -> None:
        """The cursor was on `article_id`: an action waiting for another article is dropped, if
        the cursor is not on that one now (the notice of a move handled after the keys typed
        behind it, `j j P` in one burst, dropped the P waiting for the article the moves
        reached)."""
        if self._waiting is None or self._waiting[0] == article_id:
            return
        selected = self.headlines.selected
        if selected is None or selected.id != self._waiting[0]:
            self._waiting = None

    def article_opened(self, row: ArticleRow) -> None:
        """The user opened an article to read: mark it read if the settings say so."""
        if self.settings.mark_read_on_open and not row.read:
            self._write_flags(row, read=True)

    def action_toggle_read(self) -> None:
        self.on_row(lambda row: self._write_flags(row, read=not row.read))

    def action_toggle_star(self) -> None:
        self.on_row(lambda row: self._write_flags(row, starred=not row.starred))

    def _write_flags(
        self, row: ArticleRow, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Show the new flags now and store them in a worker (put back if the write fails): a
        key typed before the write is in (`s s`, queued keys after `J`) sees this one's effect."""
        before = {"read": row.read} if read is not None else {}
        before |= {"starred": row.starred} if starred is not None else {}
        self._last_mark = record = UndoableMark(before)
        self._not_undone = None
        self._show_flags(row.id, read=read, starred=starred)
        if read is not None:
            unwritten = dict(self._reads_unwritten)  # (the class's empty one is not this screen's)
            if read:
                unwritten[row.id] = record
            else:
                unwritten.pop(row.id, None)
            self._reads_unwritten = unwritten
        self._store_flags(row.id, record, read=read, starred=starred)

    def reads_unwritten(self) -> frozenset[int]:
        """The articles shown read whose mark is still on its way to the store."""
        return frozenset(self._reads_unwritten)

    def _written(self, article_id: int, record: UndoableMark) -> None:
        """The write of `record` has ended (stored or failed): the store says the flags now."""
        if self._reads_unwritten.get(article_id) is record:
            self._reads_unwritten = {
                k: v for k, v in self._reads_unwritten.items() if k != article_id
            }

    def _show_flags(
        self, article_id: int, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        self.headlines.update_row(article_id, read=read, starred=starred)
        if self.detail is not None and self.detail.article.row.id == article_id:
            article = self.detail.article
            flags = replace(
                article.row,
                read=article.row.read if read is None else read,
                starred=article.row.starred if starred is None else starred,
            )
            self.detail = replace(self.detail, article=replace(article, row=flags))

    @work(group="write", exit_on_error=False)
    async def _store_flags(
        self,
        article_id: int,
        record: UndoableMark,
        *,
        read: bool | None = None,
        starred: bool | None = None,
    ) -> None:
        def mark(lib: Library) -> Marked:
            marked = lib.marked([article_id], read=read, starred=starred)
            record.took(marked.ids, [article_id])  # (before a `u` behind it reads them)
            return marked

        try:
            marked = await self.library.write(mark)
        except Exception:  # nothing was stored: show the flags as they are (the error: one line)
            self._written(article_id, record)
            before = record.flags
            self._show_flags(article_id, read=before.get("read"), starred=before.get("starred"))
            if self._last_mark is record:
                self._last_mark = None
            raise
        self._written(article_id, record)
        if not marked.found:
            self.article_removed(article_id)
            return
        if marked.copies:  # the other versions of its story, read or unread with it
            state = "read" if read else "unread"
            copies = counted(marked.copies, "copy", "copies")
            self._step_notice = replace_notice(  # (one a key: `n` held down stacked them)
                self.app, self._step_notice, f"Marked {state} with {copies} of the same story."
            )
            self.headlines.check_rows()  # (a row marked out of an `unread` view stays listed)
        self.sources.reload()

    @work(group="write", exit_on_error=False)
    async def action_mark_all_read(self) -> None:
        """A: the view listed; in Sources, the row highlighted there (feed, tag or view), as
        newsboat's A in the feed list marks the feed under the cursor and as r and D take it
        (user test r36 M5: it marked the list behind, another feed than the one highlighted)."""
        view = self.headlines.view
        if self.sources.has_focus:
            view = self.sources.highlighted_view() or view
        await self._mark_all_in(view.filter, terminal_safe(view.title, line=True), "here")

    @work(group="write", exit_on_error=False)
    async def action_mark_every_feed_read(self) -> None:
        """newsboat's C (mark-all-feeds-read): every article read, the view shown staying."""
        await self._mark_all_in(ALL.filter, "every feed", "in any feed")

    async def _mark_all_in(self, where: ArticleFilter, title: str, nowhere: str) -> None:
        """Mark the unread articles of `where` (called `title` in the question) read, asking
        first above `mark_all_confirm`; "Nothing unread {nowhere}." when there are none."""
        # The articles counted are the ones marked: not those a fetch stores while the question
        # is open (r31 H3: "Mark 600…?" marked 1,200), and the copies counted in the question.
        ids, copies = await self.library.write(lambda lib: lib.unread_to_mark(where))
        unread = len(ids)
        if not unread:
            self.notify(f"Nothing unread {nowhere}.")
            return
        if unread > self.settings.mark_all_confirm:
            what = f"{counted(unread, 'article')}{story_copies(len(copies))}"
            question = f"Mark {what} in {title} read? (u undoes it)"

            def answered(yes: bool | None) -> None:
                if yes:  # many: a big view's marks take seconds, so say it has begun
                    self.notify(f"Marking {what} read…")
                    self._mark_view_read(ids, copies, title)

            from newstui.tui.screens.confirm import ConfirmScreen

            self.app.push_screen(
                ConfirmScreen("Mark all read", question, yes="mark read"), answered
            )
            return
        self._mark_view_read(ids, copies, title)

    @work(group="write", exit_on_error=False)
    async def _mark_view_read(self, ids: list[int], copies: list[int], title: str) -> None:
        record = UndoableMark({"read": False})

        def mark(lib: Library) -> None:
            _, changed = lib.set_flags_exactly([*ids, *copies], read=True)
            record.took(changed, ids)

        self._last_mark = record  # (a `u` typed behind y undoes this one: its ids are in first)
        self._not_undone = None
        try:
            await self.library.write(mark)
        except Exception:
            if self._last_mark is record:
                self._last_mark = None
            raise
        listed = counted(len(record.ids or ()), "article")
        copied = story_copies(len(record.copies))
        self.notify(f"Marked {listed}{copied} in {title} read. u undoes it.", markup=False)
        self.headlines.reload()
        self.sources.reload()

    def forget_undo(self, why: str) -> None:
        """An action that cannot be undone was done: `u` says `why` and keeps older marks."""
        self._last_mark = None
        self._not_undone = why

    @work(group="write", exit_on_error=False)
    async def action_undo(self) -> None:
        """Undo the last mark (m, s or A): put back each article's state before it."""
        record = self._last_mark
        if record is None:
            self.notify(self._not_undone or "Nothing to undo.", severity="warning", markup=False)
            return
        self._last_mark = None
        flags = record.flags

        def undo(lib: Library) -> tuple[int, int, tuple[int, ...]]:
            listed, copies = record.ids or (), record.copies  # (the mark's write is in)
            found, _ = lib.set_flags_exactly(listed, **flags)
            found_copies, _ = lib.set_flags_exactly(copies, **flags)
            return found, found_copies, listed

        found, found_copies, ids = await self.library.write(undo)
        if not ids and not record.copies:
            self.notify("Nothing to undo: the last mark changed nothing.", severity="warning")
            return
        what = {("read", True): "read", ("read", False): "unread"}
        state = ", ".join(
            what.get((k, v)) or ("starred" if v else "not starred") for k, v in flags.items()
        )
        # A cleanup (or a removed feed) since the mark took some: say what was changed
        gone = len(ids) - found
        if not found and not found_copies:
            which = "the article is" if gone == 1 else f"the {counted(gone, 'article')} are"
            self.notify(
                f"Nothing to undo: {which} no longer stored (cleaned up or removed since).",
                severity="warning",
            )
        elif gone:
            self.notify(
                f"Undone: {counted(found, 'article')}{story_copies(found_copies)} {state} again"
                f" ({counted(gone, 'other')} no longer stored: cleaned up or removed since)."
            )
        else:
            self.notify(
                f"Undone: {counted(found, 'article')}{story_copies(found_copies)} {state} again."
            )
        if len(ids) == 1 and found:
            self.headlines.update_row(ids[0], read=flags.get("read"), starred=flags.get("starred"))
        self.headlines.reload()
        self.sources.reload()

    def action_open_link(self) -> None:
        self.on_row(self._open_link_of)

    def _open_link_of(self, row: ArticleRow) -> None:
        url = row.url or ""
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            self.notify("This article has no web link.", severity="warning")
            return
        self._open_url(url)

    def action_copy_link(self) -> None:
        self.on_row(self._copy_link_of)

    def _copy_link_of(self, row: ArticleRow) -> None:
        """y: the article's link to the clipboard, by OSC 52 (the terminal's clipboard: over ssh
        too, where no browser opens; user test r51 L14)."""
        from newstui.sources.urls import without_userinfo

        url = row.url or ""
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            self.notify("This article has no web link.", severity="warning")
            return
        link = terminal_safe(without_userinfo(url), line=True)
        self.app.copy_to_clipboard(link)
        self.notify(
            f"Copied the link: {link} (by the terminal's OSC 52; some terminals and tmux need "
            "it allowed)",
            markup=False,
        )

    def on_reader_body_link_clicked(self, message: ReaderBody.LinkClicked) -> None:
        """Open the link clicked in the reader, as `o` (the article's) or `#` (link [n]) does."""
        self.with_detail(partial(self._open_clicked_link, message.number))

    def _open_clicked_link(self, number: int, detail: ArticleDetail) -> None:
        if number == ARTICLE_LINK:
            self._open_link_of(detail.article.row)
            return
        links = listed_links(detail.article)
        if 1 <= number <= len(links):
            self._open_numbered_link(links[number - 1].url)

    def _open_numbered_link(self, url: str) -> None:
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            self.notify("That link is not a web link.", severity="warning")
            return
        self._open_url(url)

    def action_open_link_number(self) -> None:
        """Ask for n and open link [n] of the open article (the numbers of its link list)."""
        self.with_detail(self._ask_link_number)

    def _ask_link_number(self, detail: ArticleDetail) -> None:
        links = listed_links(detail.article)
        if not links:
            self.notify("This article has no links.", severity="warning")
            return

        def chosen(typed: str | None) -> None:
            if typed is None:
                return
            number = typed.strip().strip("[]")
            if not number.isdigit() or not 1 <= int(number) <= len(links):
                self.notify(
                    f"No link {typed!r}: the article's links are numbered 1 to {len(links)}.",
                    severity="warning",
                    markup=False,
                )
                return
            self._open_numbered_link(links[int(number) - 1].url)

        hint = f"Enter: open link [n] (1–{len(links)}) in the browser. Esc: cancel"
        from newstui.tui.screens.command_prompt import CommandScreen

        self.app.push_screen(CommandScreen("Open link", hint, "", "a link number, e.g. 1"), chosen)

    def _open_url(self, url: str) -> None:
        """Open an http(s) URL with the `browser` setting, $BROWSER or the desktop's browser;
        never with a `user:password@` (a private feed's, in links stored before r45)."""
        from newstui.sources.urls import without_userinfo

        url = without_userinfo(url)
        from newstui.launch import LaunchError, browser_launch  # (shlex with it: on first use)

        try:
            launch = browser_launch(self.settings.browser, os.environ, url)
        except LaunchError as exc:
            self.notify(f"browser: {exc}", severity="error", markup=False)
            return
        if launch is None:
            self._open_browser(url)
            return
        self._run_set_program(launch, "browser", self.settings.browser, "BROWSER")

    def _run_set_program(self, launch: Launch, setting: str, value: str, env_name: str) -> None:
        """Run the program a setting (or its environment variable) names; one that is not
        installed is said with where it was set (user test r48 L16: "w3m: command not found")."""
        config_path = self.config.path if self.config is not None else None
        where = where_set(setting, value, env_name, config_path)
        if (missing := missing_program(launch, setting, where)) is not None:
            self.notify(missing, severity="error", markup=False)
            return
        run_program(self.app, launch)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_browser(self, url: str) -> None:
        import webbrowser  # here: the app's first screen does not need it

        try:
            opened = webbrowser.open(url)
        except Exception as exc:
            self.post_message(Notice(f"browser: {exc}", "warning"))
            return
        if not opened:
            # the link is shown whole, so it can still be copied (the reader cuts a long one)
            link = terminal_safe(url, line=True)
            copy = key_in_effect(self, "article.copy_link")  # (the link last: drag-selected)
            copies = f"; {copy} copies the link" if copy else ""
            text = f"No browser available (set `browser` or $BROWSER{copies}). The link: {link}"
            self.post_message(Notice(text, "warning"))

    def action_pager(self) -> None:
        self.with_detail(self._page)

    def _page(self, detail: ArticleDetail) -> None:
        # wrapped at spaces to the terminal, as `newstui show` prints it: the pager broke words
        # at its edge (user test r42 L4)
        text = wrapped_at_spaces(article_text(detail), max(self.app.size.width, 20))
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", prefix="newstui-", suffix=".txt", delete=False
        ) as file:
            file.write(text)
        from newstui.launch import LaunchError, pager_launch

        try:
            launch = pager_launch(self.settings.pager, os.environ, file.name)
            self._run_set_program(launch, "pager", self.settings.pager, "PAGER")
        except LaunchError as exc:
            self.notify(f"pager: {exc}", severity="error", markup=False)
        finally:
            with suppress(OSError):
                os.unlink(file.name)

    def action_pipe(self) -> None:
        self.with_detail(self._ask_pipe)

    def _ask_pipe(self, detail: ArticleDetail) -> None:
        text = article_text(detail)

        def chosen(command: str | None) -> None:
            if not command:
                return
            self._last_pipe = command
            from newstui.launch import LaunchError, pipe_launch

            try:
                run_program(self.app, pipe_launch(command), text.encode("utf-8"))
            except LaunchError as exc:
                self.notify(f"pipe: {exc}", severity="error", markup=False)

        hint = "Enter: run it with the article on its standard input. Esc: cancel"
        from newstui.tui.screens.command_prompt import CommandScreen

        self.app.push_screen(CommandScreen("Pipe the article to", hint, self._last_pipe), chosen)

    def action_fetch_fulltext(self) -> None:
        if self.config is None:
            self.notify("demo mode: full text cannot be fetched", severity="warning")
            return
        config = self.config

        def fetch(detail: ArticleDetail) -> None:
            self.notify("Fetching the full text…")
            from newstui.tui.refresh import prepare_worker_processes

            prepare_worker_processes()
            self._fetch_fulltext(config, detail.article.row.id)

        self.with_detail(fetch)  # (an article removed meanwhile: says so)

    @work(thread=True, group="fulltext", exit_on_error=False)
    def _fetch_fulltext(self, config: Config, article_id: int) -> None:
        from newstui.tui.refresh import run_fulltext

        cancel = get_current_worker().cancelled_event  # set when the app quits
        try:
            ok = run_fulltext(self.db_path, config, article_id, cancel)
        except BaseException:
            if not cancel.is_set():  # the stored failure note shows under the article
                self.post_message(FulltextFetched(article_id, None))
            raise
        if not cancel.is_set():
            self.post_message(FulltextFetched(article_id, ok))

    def _on_fulltext_fetched(self, message: FulltextFetched) -> None:
        if message.ok:
            self.notify("Full text fetched.")
        elif message.ok is False:
            self.notify("Full text not found (see the note under the article).", severity="warning")
        row = self.headlines.selected
        if row is not None and row.id == message.article_id:
            self.load_detail(message.article_id)

    def action_remove_source(self) -> None:
        """Remove the feed highlighted in Sources (elsewhere: the listed feed's, else the selected
        article's, named so in the question) from the config file and the store, after asking;
        on a tag, the sources it lists, on a saved view that view."""
        if self.config is None:
            self.notify("demo mode: sources cannot be removed", severity="warning")
            return
        selected = self.selected_source()
        if selected is None:
            entry = self.sources.highlighted_view() if self.sources.has_focus else None
            unlisted = self.meant_source_id()
            if entry is not None and entry.key.startswith("view:"):  # newsboat's query feeds
                self._ask_to_remove_view(entry.title, self.config.path)
            elif entry is not None and entry.filter.tag is not None:  # a folder (user test r47 M1)
                self.ask_to_remove_tag(entry.filter.tag)
            elif unlisted is not None:  # Sources does not list it, or lists it set aside
                self._ask_to_remove_unlisted(*unlisted)
            else:
                self.notify("Choose a feed in Sources first.", severity="warning")
            return
        feed, meant = selected
        source = self.config.source_named(feed.url or "") or self.config.source_named(feed.name)
        self._ask_to_remove_source(feed, meant, source, self.config.path.name)

    @work(group="write", exit_on_error=False)
    async def _ask_to_remove_source(
        self,
        feed: FeedRow,
        meant: SourceMeant,
        source: FeedConfig | LocalConfig | None,
        config_file: str,
    ) -> None:
        """Count what the feed holds off the event loop (after any write under way: a large
        mark or removal holds the store meanwhile, and keys go on working), then ask."""
        names = [feed.name, *([source.name] if source is not None else [])]

        def counts(lib: Library) -> tuple[int, int]:
            # with the set-aside sources under its name (an edited URL's old feed), removed too
            (articles, starred), (kept, kept_starred) = (
                lib.removal_counts(feed.id),
                lib.set_aside_counts(names),
            )
            return articles + kept, starred + kept_starred

        articles, starred = await self.library.write(counts)
        config_name = config_file if source else None
        server = None  # a server subscription is unsubscribed there too: the question says so
        if self.config is not None and self.config.sync is not None:
            from newstui.sync.client import server_name

            url = self.config.sync.url
            stream = await self.library.write(lambda lib: lib.sync.stream_of(feed.id))
            server = server_name(url) if stream is not None else None
        question = removal_question(feed.name, config_name, articles, starred, meant, server)
        question += self._not_one_article(meant)

        def answered(yes: bool | None) -> None:
            if yes:
                self.forget_undo(REMOVAL_NOT_UNDONE)  # `u` must not revert an older mark
                self._remove_source(feed, source)

        from newstui.tui.screens.confirm import ConfirmScreen

        yes = removal_answer(config_name)
        title = f"{yes.capitalize()} feed"
        self.app.push_screen(ConfirmScreen(title, question, yes=yes), answered)

    def _not_one_article(self, meant: SourceMeant) -> str:
        """After the question of D on an article: newsboat's D deletes that article alone."""
        if meant == "sources":
            return ""
        remove, read = (
            key_in_effect(self, "sources.remove"),
            key_in_effect(self, "article.toggle_read"),
        )
        return (
            f" (newsboat's D deletes one article; here {remove} removes the whole feed and no"
            f" key deletes one article: {read} marks it read.)"
        )

    @work(group="write", exit_on_error=False)
    async def _ask_to_remove_unlisted(self, feed_id: int, meant: SourceMeant) -> None:
        """D on an article of a source Sources does not list (r33 leftovers b): one set aside
        after leaving the config is deleted now, after asking, as `newstui remove NAME` does;
        one whose URL was edited is the entry the config names so; else say why there is none."""
        from newstui.ingest.configured_sources import LEFT_CONFIG_DAYS

        assert self.config is not None
        config = self.config

        def find(lib: Library) -> tuple[SetAsideSource | None, tuple[int, int], bool]:
            aside = next((s for s in lib.set_aside_sources() if s.id == feed_id), None)
            removed = aside is None and lib.removed_for_good(feed_id)
            counts = lib.removal_counts(feed_id) if aside or removed else (0, 0)
            return aside, counts, removed

        aside, (articles, starred), removed = await self.library.write(find)
        if aside is None and not removed:  # listed, but not in Sources yet (it loads)
            self.notify("Choose a feed in Sources first.", severity="warning")
            return
        if aside is None:  # the starred articles kept of a feed removed for good
            row, view = self.headlines.selected, self.headlines.view
            name = "Its feed"
            if row is not None and row.feed_id == feed_id:
                name = row.feed or name
            elif view.filter.feed_id == feed_id:  # (its emptied list: user test r42 H1)
                name = view.title
            kept = (
                "its starred articles stay, with no feed to remove"
                if starred
                else "there is nothing left to remove"
            )
            self.notify(f"{name} was removed: {kept}.", severity="warning", markup=False)
            return
        listed = next(
            (f for f in self.sources.feeds if name_key(f.name) == name_key(aside.name)), None
        )
        source = config.source_named(aside.name)
        if aside.url_changed and listed is not None and source is not None:
            self._ask_to_remove_source(listed, meant, source, config.path.name)
            return
        until = aside.kept_until(LEFT_CONFIG_DAYS)
        how = (
            f"no longer in {config.path.name} (kept until {until})"
            if until is not None  # else kept while the config names it (another URL)
            else f"set aside as its URL changed in {config.path.name}"
        )
        question = removal_question(
            aside.name, None, articles, starred, meant, aside=how
        ) + self._not_one_article(meant)

        def answered(yes: bool | None) -> None:
            if yes:
                self.forget_undo(REMOVAL_NOT_UNDONE)
                self._remove_set_aside(feed_id, aside.name)

        from newstui.tui.screens.confirm import ConfirmScreen

        # (its question says "Delete …": it is in no config file)
        self.app.push_screen(
            ConfirmScreen("Delete feed", question, yes=removal_answer(None)), answered
        )

    @work(thread=True, group="write", exit_on_error=False)
    def _remove_set_aside(self, feed_id: int, name: str) -> None:
        from newstui.tui.refresh import run_remove_set_aside, sentence

        try:
            result = run_remove_set_aside(self.db_path, feed_id)
        except NewstuiError:
            raise
        except Exception as exc:
            raise NewstuiError(f"could not remove {name}: {exc}") from exc
        summary = sentence(result.summary()) if result else f"{name} was removed already."
        self.post_message(SourceRemoved(feed_id, summary))

    def _ask_to_remove_view(self, name: str, path: Path) -> None:
        """Remove a saved view from the config file, after asking (its articles stay)."""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.forget_undo(
                f"Nothing to undo: the saved view {name} was removed ([[views]] in {path.name} adds it again)."
            )
            try:
                remove_view(path, name)
                self.config = load_config(path)
            except (NewstuiError, OSError) as exc:
                self.notify(terminal_safe(str(exc), line=True), severity="error", markup=False)
                return
            self.post_message(SavedViewsChanged())
            self.notify(f"Removed the saved view {name}", markup=False)

        from newstui.tui.screens.confirm import ConfirmScreen

        question = f"Remove the saved view {name} from {path.name}? Its articles stay."
        self.app.push_screen(ConfirmScreen("Remove view", question, yes="remove"), answered)

    @work(thread=True, group="write", exit_on_error=False)
    def _remove_source(self, feed: FeedRow, source: FeedConfig | LocalConfig | None) -> None:
        from newstui.tui.refresh import run_remove, run_unsubscribe, sentence

        assert self.config is not None
        try:
            # A server subscription is unsubscribed first: if the server refuses, nothing changes.
            unsubscribed = run_unsubscribe(self.db_path, self.config, feed.id)
            if source is not None:
                remove_source(
                    self.config.path, source.url if isinstance(source, FeedConfig) else source.name
                )
                self.config = load_config(self.config.path)
            names = [feed.name, *([source.name] if source is not None else [])]
            result = run_remove(self.db_path, feed.id, names)
        except NewstuiError:
            raise
        except Exception as exc:
            raise NewstuiError(f"could not remove {feed.name}: {exc}") from exc
        summary = sentence(result.summary())
        if unsubscribed:
            summary += f"; unsubscribed on {unsubscribed}"
            if result.kept_starred:  # (FreshRSS drops them with the feed: user test r42 L10)
                summary += " (the starred stay here; the server may drop them)"
        self.post_message(SourceRemoved(feed.id, summary))

    def _on_source_removed(self, message: SourceRemoved) -> None:
        self.notify(message.summary, markup=False)
        if self.headlines.view.filter.feed_id == message.source_id:
            self.show_view(ALL)
        else:
            self.headlines.reload()
        self.sources.reload()

    def _on_notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity, markup=False)
