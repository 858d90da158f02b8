"""Pilot tests: J and K show the next and previous feed's headlines, as in newsboat."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

import pytest

from newstui.library import EVERY_ARTICLE, Library
from newstui.model import Article, ArticleFilter
from newstui.tui.app import NewstuiApp
from newstui.tui.screens import unread_steps

from .conftest import notifications, run_recorded, settle, until


def three_feeds(path) -> None:
    with Library.open(path) as library:
        for name in ("Alpha Post", "Beta Daily", "Gamma Times"):
            feed = library.register_source(f"https://{name.split()[0].lower()}.example/", name)
            text = f"{name} reports the harbour reopened after repairs on Monday morning."
            library.save_batch(
                feed,
                [Article(title=f"{name} story", text=text, guid=name, published=datetime.now(UTC))],
            )


async def test_J_and_K_walk_the_feeds_in_the_order_sources_lists_them(tmp_path):
    path = tmp_path / "f.db"
    three_feeds(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J")  # from All: the first feed
        await settle(pilot)
        assert app.main.headlines.view.title == "Alpha Post"
        await pilot.press("J", "J")
        await settle(pilot)
        assert app.main.headlines.view.title == "Gamma Times"
        assert app.main.headlines.selected.title == "Gamma Times story"
        await pilot.press("J")  # no feed after the last
        await settle(pilot)
        assert app.main.headlines.view.title == "Gamma Times"
        assert notifications(app)[-1].message == "No feed after this one."
        await pilot.press("K")
        await settle(pilot)
        assert app.main.headlines.view.title == "Beta Daily"
        await pilot.press("enter", "K")  # from the reader too
        await settle(pilot)
        assert app.main.headlines.view.title == "Alpha Post"


async def test_n_past_a_feeds_last_unread_goes_on_to_the_next_feed_with_one(tmp_path):
    """As newsboat's goto-next-feed: n said "No unread article after this one." at the end; and
    as its next-unread, n looks from the feed's top before it leaves (r35 user test M-b)."""
    path = tmp_path / "f.db"
    three_feeds(path)
    with Library.open(path) as library:
        beta = next(s.id for s in library.sources() if s.name == "Beta Daily")
        library.mark([r.id for r in library.articles(ArticleFilter(feed_id=beta))], read=True)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J", "n")  # Alpha's one article is under the cursor: none after it
        await settle(pilot)
        assert app.main.headlines.view.title == "Alpha Post"  # from the top: the one shown
        assert app.main.detail.article.row.title == "Alpha Post story"
        assert app.main.headlines.selected.read
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.view.title == "Gamma Times"  # Beta has none unread
        assert app.main.headlines.selected.title == "Gamma Times story"
        assert notifications(app)[-1].message == "No unread article left here: on to Gamma Times."
        await pilot.press("n")  # the last feed: nothing further
        await settle(pilot)
        assert notifications(app)[-1].message == "No unread article left here."


class HeldHeadlines:
    """`Library.articles` that holds the rows of the feed `hold` (its headline list's first
    window) until released: the feed's rows are still loading for as long as a test needs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.hold: int | None = None
        self.held, self.release = threading.Event(), threading.Event()
        real = Library.articles

        def articles(library: Library, f: ArticleFilter = EVERY_ARTICLE, **kw: object):
            if self.hold is not None and f.feed_id == self.hold and not f.unread:
                self.held.set()
                self.release.wait(120)  # (a bound: only a broken test would wait that long)
            return real(library, f, **kw)

        monkeypatch.setattr(Library, "articles", articles)


def feed_ids(path) -> dict[str, int]:
    with Library.open(path) as library:
        return {s.name: s.id for s in library.sources()}


async def j_onto_held_beta(pilot, held: HeldHeadlines, ids: dict[str, int]) -> None:
    """Once the app settled: `J` to Alpha Post, then `J` to Beta Daily, whose rows are held."""
    await settle(pilot)
    await pilot.press("J")
    await settle(pilot)
    held.hold = ids["Beta Daily"]
    await pilot.press("J")
    await until(pilot, held.held.is_set)


def starred_titles(path) -> set[str]:
    with Library.open(path) as library:
        return {r.title for r in library.articles(ArticleFilter(starred=True))}


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("s",), "starred"),  # s stars the new feed's article, not the one shown before
        (("enter",), "read"),  # Enter opens (and marks read) the new feed's article
        (("n",), "opened"),  # n finds the new feed's selected one, from its top (not Alpha's)
    ],
)
async def test_keys_typed_while_the_next_feeds_rows_load_act_on_that_feeds_article(
    tmp_path, monkeypatch, keys, expected
):
    """`J` then a key on the selected article, before the feed's rows are in: the list still
    showed Alpha's rows, and the key acted on Alpha's article."""
    path = tmp_path / "f.db"
    three_feeds(path)
    ids = feed_ids(path)
    held = HeldHeadlines(monkeypatch)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        assert app.main.headlines.selected.title == "Alpha Post story"
        held.hold = ids["Beta Daily"]
        await pilot.press("J")
        await until(pilot, held.held.is_set)
        assert app.main.headlines.selected is None  # Alpha's rows are shown, none is Beta's
        await pilot.press(*keys)
        await pilot.pause()
        held.release.set()
        await settle(pilot)
        if expected == "starred":
            assert starred_titles(path) == {"Beta Daily story"}
        elif expected == "read":
            assert app.main.detail.article.row.title == "Beta Daily story"
            assert app.main.headlines.selected.read
        else:  # none after it in Beta: from the top, the one the list opened on
            assert app.main.headlines.view.title == "Beta Daily"
            assert app.main.detail.article.row.title == "Beta Daily story"
            assert app.main.headlines.selected.read
        with Library.open(path) as library:
            alpha = library.articles(ArticleFilter(feed_id=ids["Alpha Post"]))
        assert [(r.read, r.starred) for r in alpha] == [(False, False)]  # left alone


@pytest.mark.parametrize(("keys", "flag"), [(("s", "s"), "starred"), (("m", "m"), "read")])
async def test_a_key_typed_twice_while_the_rows_load_toggles_twice(
    tmp_path, monkeypatch, keys, flag
):
    """`J s s` in one burst: both keys waited for Beta's rows, then both saw Beta's article
    unstarred, and it ended starred."""
    path = tmp_path / "f.db"
    three_feeds(path)
    ids = feed_ids(path)
    held = HeldHeadlines(monkeypatch)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await j_onto_held_beta(pilot, held, ids)
        await pilot.press(*keys)
        await pilot.pause()
        held.release.set()
        await settle(pilot)
        row = app.main.headlines.selected
        assert row.title == "Beta Daily story"
        assert getattr(row, flag) is False  # shown as it was
    with Library.open(path) as library:
        beta = library.articles(ArticleFilter(feed_id=ids["Beta Daily"]))
    assert [(r.read, r.starred) for r in beta] == [(False, False)]  # and stored as it was


class FailingHeadlines:
    """`Library.articles` that fails for the feed `fail` as a locked database does."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.fail: int | None = None
        real = Library.articles

        def articles(library: Library, f: ArticleFilter = EVERY_ARTICLE, **kw: object):
            if self.fail is not None and f.feed_id == self.fail and not f.unread:
                raise sqlite3.OperationalError("database is locked")
            return real(library, f, **kw)

        monkeypatch.setattr(Library, "articles", articles)


async def test_keys_after_a_failed_load_say_no_article_and_a_later_reload_runs_none(
    tmp_path, monkeypatch
):
    """Beta's rows could not be read: `s` waited for them silently, and the next reload that
    worked starred Beta's article (or `o` opened a browser) minutes later."""
    path = tmp_path / "f.db"
    three_feeds(path)
    ids = feed_ids(path)
    failing = FailingHeadlines(monkeypatch)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        failing.fail = ids["Beta Daily"]
        await pilot.press("J")
        said = lambda: [n.message for n in notifications(app)]  # noqa: E731
        await until(pilot, lambda: "database error: database is locked" in said())
        await until(pilot, lambda: not app.main.headlines.load_pending)
        assert app.main.headlines.selected is None  # Alpha's rows are still shown
        await pilot.press("s")
        await until(pilot, lambda: said()[-1] == "No article selected.")
        failing.fail = None
        app.main.headlines.reload()
        await settle(pilot)
        assert app.main.headlines.selected.title == "Beta Daily story"
        assert not app.main.headlines.selected.starred
    assert starred_titles(path) == set()


async def test_a_reload_while_the_rows_load_drops_the_keys_that_waited(tmp_path, monkeypatch):
    """Keys wait for the load they were typed during, not for a later one."""
    path = tmp_path / "f.db"
    three_feeds(path)
    ids = feed_ids(path)
    held = HeldHeadlines(monkeypatch)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await j_onto_held_beta(pilot, held, ids)
        await pilot.press("s")
        await pilot.pause()
        app.main.headlines.reload()
        held.release.set()
        await settle(pilot)
        assert app.main.headlines.selected.title == "Beta Daily story"
    assert starred_titles(path) == set()


async def test_a_star_that_could_not_be_stored_is_shown_unstarred_again(tmp_path, monkeypatch):
    """`s` shows the star at once (a second key sees it); a failed write puts it back."""
    path = tmp_path / "f.db"
    three_feeds(path)

    def mark(library: Library, ids: object, **flags: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        monkeypatch.setattr(Library, "mark", mark)
        monkeypatch.setattr(Library, "marked", mark)  # `s` asks what it changed (eaf6f4f)
        await pilot.press("s")
        said = lambda: [n.message for n in notifications(app)]  # noqa: E731
        await until(pilot, lambda: "database error: database is locked" in said())
        await settle(pilot)
        assert app.main.headlines.selected.title == "Alpha Post story"
        assert not app.main.headlines.selected.starred
        await pilot.press("u")  # nothing was stored, so nothing to undo
        await settle(pilot)
        assert said()[-1] == "Nothing to undo."
    assert starred_titles(path) == set()


def feeds_of_stories(path, stories: dict[str, int]) -> None:
    """Feeds with `stories[name]` unread articles each, story 1 the newest (first listed)."""
    with Library.open(path) as library:
        for name, count in stories.items():
            feed = library.register_source(f"https://{name.split()[0].lower()}.example/", name)
            articles = [
                Article(
                    title=f"{name} story {i}",
                    text=f"{name} reports the harbour reopened, part {i}.",
                    guid=f"{name} {i}",
                    published=datetime(2026, 11, 30 - i, 9, tzinfo=UTC),
                )
                for i in range(1, count + 1)
            ]
            library.save_batch(feed, articles)


class HeldUnreadSearch:
    """`Library.next_unread` (with `listed`: the walk of a list's ids that Unread takes) whose
    first call waits until released: the first `n`'s search is still running when the second
    `n` arrives."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, listed: bool = False) -> None:
        self.held, self.release = threading.Event(), threading.Event()
        self.calls = 0
        real = unread_steps.next_listed_unread if listed else Library.next_unread

        def next_unread(*args: object, **kw: object):
            self.calls += 1
            if self.calls == 1:
                self.held.set()
                self.release.wait(120)  # (a bound: only a broken test would wait that long)
            return real(*args, **kw)

        if listed:
            monkeypatch.setattr(unread_steps, "next_listed_unread", next_unread)
        else:
            monkeypatch.setattr(Library, "next_unread", next_unread)


async def test_n_typed_twice_while_the_rows_load_moves_two_unread_articles(tmp_path, monkeypatch):
    """`J n n`: the second n's search cancelled the first one's, and the cursor moved once."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Alpha Post": 1, "Beta Daily": 3, "Gamma Times": 1})
    ids = feed_ids(path)
    held = HeldHeadlines(monkeypatch)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await j_onto_held_beta(pilot, held, ids)
        await pilot.press("n", "n")
        await pilot.pause()
        held.release.set()
        await settle(pilot)
        assert app.main.headlines.view.title == "Beta Daily"
        assert app.main.headlines.selected.title == "Beta Daily story 3"


async def test_n_typed_twice_during_the_first_search_moves_two_unread_articles(
    tmp_path, monkeypatch
):
    """`n n` on a shown list, the second n arriving before the first found its article."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Alpha Post": 4})
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.headlines.selected.title == "Alpha Post story 1"
        search = HeldUnreadSearch(monkeypatch)
        await pilot.press("n")
        await until(pilot, search.held.is_set)
        await pilot.press("n", "p", "n")
        search.release.set()
        await settle(pilot)
        # n: 1 → 2; n: 2 (read, passed) → 3; p: 3 (read) → 1, the unread one before; n: 1 → 4,
        # past 2 and 3, read whether their marks were stored before the searches read or not
        assert app.main.headlines.selected.title == "Alpha Post story 4"


class HeldMarks:
    """`Library.marked` that waits until released: the marks n/p make are still on their way
    to the store while the searches of the keys behind them read it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.waiting = 0
        real = Library.marked

        def marked(library: Library, *args: object, **kw: object):
            self.waiting += 1
            self.release.wait(120)  # (a bound: only a broken test would wait that long)
            return real(library, *args, **kw)

        monkeypatch.setattr(Library, "marked", marked)


@pytest.mark.parametrize("unread_view", [False, True])
async def test_n_and_p_take_the_marks_not_yet_stored_as_read(tmp_path, monkeypatch, unread_view):
    """The keys' searches read the store while the marks of the keys before them are still
    being written: an article n passed is not found again (by p, then n) as unread."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Alpha Post": 5})
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        if unread_view:  # a list that keeps the rows marked out of it: walked by listed ids
            await pilot.press("slash", *"unread", "enter")
            await settle(pilot)
            assert app.main.headlines.listed_ids() is not None
        marks = HeldMarks(monkeypatch)
        search = HeldUnreadSearch(monkeypatch, listed=unread_view)
        await pilot.press("n")
        await until(pilot, search.held.is_set)
        await pilot.press("n", "p", "n")
        search.release.set()
        screen = app.main
        await until(pilot, lambda: search.calls >= 4 and not screen._unread_searching)
        assert marks.waiting >= 1  # (a mark was held while the searches ran)
        assert screen.headlines.selected.title == "Alpha Post story 4"
        marks.release.set()
        await settle(pilot)
    with Library.open(path) as library:
        unread = {a.title for a in library.articles(ArticleFilter(unread=True))}
    assert not unread & {"Alpha Post story 1", "Alpha Post story 2", "Alpha Post story 3"}


async def test_n_typed_twice_at_a_feeds_last_unread_goes_on_into_the_next_feed(
    tmp_path, monkeypatch
):
    """The first n opens the feed's one unread article (under the cursor: from the top, as
    newsboat's next-unread); the second goes on to the next feed with unread articles."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Alpha Post": 1, "Beta Daily": 3})
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J")
        await settle(pilot)
        search = HeldUnreadSearch(monkeypatch)
        await pilot.press("n")
        await until(pilot, search.held.is_set)
        await pilot.press("n")
        search.release.set()
        await settle(pilot)
        assert app.main.headlines.view.title == "Beta Daily"
        assert app.main.headlines.selected.title == "Beta Daily story 1"
        with Library.open(path) as library:
            alpha = library.articles(ArticleFilter(feed_id=feed_ids(path)["Alpha Post"]))
        assert [row.read for row in alpha] == [True]


async def test_n_after_a_failed_unread_search_searches_again(tmp_path, monkeypatch):
    """A search that could not read the store says so, and the next n searches (a search
    taken as still running would have held every later n)."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Alpha Post": 3})
    real = Library.next_unread
    failures = [sqlite3.OperationalError("database is locked")]

    def next_unread(library: Library, *args: object, **kw: object):
        if failures:
            raise failures.pop()
        return real(library, *args, **kw)

    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Library, "next_unread", next_unread)
        await pilot.press("n")
        await settle(pilot)
        assert "database error: database is locked" in [n.message for n in notifications(app)]
        assert app.main.headlines.selected.title == "Alpha Post story 1"
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.selected.title == "Alpha Post story 2"


def unread_titles(path, feed_id: int) -> list[str]:
    with Library.open(path) as library:
        rows = library.articles(ArticleFilter(feed_id=feed_id, unread=True), limit=50)
        return [row.title for row in rows]


async def test_p_reads_the_articles_below_the_cursor_before_it_leaves_the_feed(tmp_path):
    """As newsboat's prev-unread (jump_to_previous_unread_item: before the cursor, then from the
    last row up to it): p past a feed's first unread article looks again from the bottom of the
    feed, then goes on to the previous feed's last unread article (review r36 N3: p went on and
    left the rows below the cursor unread)."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Earlier": 3, "Pw": 7})
    ids = feed_ids(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Pw']}")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert app.main.headlines.selected.title == "Pw story 4"
        seen = []
        for _ in range(7):
            await pilot.press("p")
            await settle(pilot)
            seen.append(app.main.headlines.selected.title)
        assert seen == [f"Pw story {i}" for i in (3, 2, 1, 7, 6, 5, 4)]
        assert app.main.headlines.view.title == "Pw"
        assert unread_titles(path, ids["Pw"]) == []
        await pilot.press("p")
        await settle(pilot)
        assert app.main.headlines.view.title == "Earlier"
        assert app.main.headlines.selected.title == "Earlier story 3"  # its last unread
        assert notifications(app)[-1].message == "No unread article left here: on to Earlier."
        await pilot.press("p", "p")
        await settle(pilot)
        assert unread_titles(path, ids["Earlier"]) == []
        await pilot.press("p")  # the first feed, every article read: nothing further
        await settle(pilot)
        assert notifications(app)[-1].message == "No unread article left here."


async def test_p_held_through_a_feed_reads_each_unread_article_once(tmp_path):
    """p typed faster than the reader shows articles, as n: the wrap never comes back to an
    article a key before marked (its mark may not be stored yet), and every one is read."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Earlier": 2, "Many": 6})
    ids = feed_ids(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Many']}")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("j", "j", "j")
        await settle(pilot)
        await pilot.press(*["p"] * 7)  # 3, 2, 1, then 6, 5, 4, then on to Earlier
        await settle(pilot)
        assert unread_titles(path, ids["Many"]) == []
        assert app.main.headlines.view.title == "Earlier"
        assert app.main.headlines.selected.title == "Earlier story 2"
        assert unread_titles(path, ids["Earlier"]) == ["Earlier story 1"]
