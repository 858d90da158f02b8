"""What another newstui changes in the store shows in the open app without a key press: the
flags it marked on the rows on screen, and the articles it removed gone from the list."""

from __future__ import annotations

import asyncio

from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, screen_text, settle, store_many


async def wait_for(pilot, condition) -> bool:
    """Whether `condition()` came to hold. The bound (~60 s) only stops a test that would hang:
    40 looks 0.1 s apart (4 s) could run out on a loaded machine before the watcher's reload."""
    for _ in range(600):
        await asyncio.sleep(0.1)
        await pilot.pause()
        if condition():
            return True
    return False


async def test_marks_made_by_another_newstui_show_on_the_rows_without_a_key(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    path = tmp_path / "many.db"
    store_many(path, 50, "Story {i:02d}")
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await asyncio.sleep(0.5)  # the watcher has seen the store once
        headlines = app.main.headlines
        shown = [row for _, row in headlines.loaded_rows()[:5]]
        assert not any(row.read for row in shown)
        library = Library.open(path)
        library.mark([row.id for row in shown], read=True)
        library.close()

        def all_read() -> bool:
            rows = dict(headlines.loaded_rows())
            return all(rows[i].read for i in range(5))

        assert await wait_for(pilot, all_read)
        assert headlines.selected is not None and headlines.selected.id == shown[0].id


async def test_articles_another_newstui_removed_leave_the_list_and_its_count(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    path = tmp_path / "many.db"
    store_many(path, 50, "Story {i:02d}")
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"story", "enter")
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == 50
        await pilot.press("j", "j")
        await settle(pilot)
        await asyncio.sleep(0.5)  # the watcher has seen the store once
        library = Library.open(path)
        feed = library.find_source("Many")
        assert feed is not None
        library.remove_source(feed)
        library.close()
        assert await wait_for(pilot, lambda: headlines.total == 0)
        await settle(pilot)
        assert "50 articles" not in screen_text(app)


async def test_keys_on_an_article_another_newstui_removed_say_it_was_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 600.0)  # the list is not reloaded meanwhile
    path = tmp_path / "many.db"
    store_many(path, 5, "Story {i:02d}")
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        gone = headlines.selected
        assert gone is not None
        library = Library.open(path)
        library.remove_source(library.find_source("Many") or 0)
        library.close()
        await pilot.press("m")
        await settle(pilot)
        said = [note.message for note in notifications(app)]
        assert f"article {gone.id} was removed by another newstui" in said
        assert headlines.total == 0


async def test_marks_made_by_another_newstui_show_on_rows_scrolled_back_into_view(
    tmp_path, monkeypatch
):
    """Rows loaded before the mark, off screen when it was noticed, kept their ● when scrolled
    back into view (user test r29, M3): only the rows on screen were checked."""
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    path = tmp_path / "many.db"
    store_many(path, 120, "Story {i:03d}")
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        await pilot.press(*["j"] * 60, "g")  # rows 0-70 loaded, the top on screen again
        await settle(pilot)
        await asyncio.sleep(0.5)  # the watcher has seen the store once
        below = [row for i, row in headlines.loaded_rows() if 40 <= i < 60]
        assert len(below) == 20 and not any(row.read for row in below)
        library = Library.open(path)
        library.mark([row.id for row in below], read=True)
        library.close()
        marked_top = [row.id for _, row in headlines.loaded_rows()[:2]]
        library = Library.open(path)  # a second change, seen on the top rows: the check ran
        library.mark(marked_top, read=True)
        library.close()
        assert await wait_for(
            pilot, lambda: all(dict(headlines.loaded_rows())[i].read for i in (0, 1))
        )
        await pilot.press(*["j"] * 50)
        await settle(pilot)
        rows = dict(headlines.loaded_rows())
        assert all(rows[i].read for i in range(40, 51)), [rows[i].read for i in range(40, 51)]
