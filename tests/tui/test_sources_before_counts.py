"""Sources lists the feeds and folders at once on a big store: a folder's count (which leaves
out the copies of its stories, seconds to read on a big store of look-alike articles) and a
saved view's fill in after (user test r54: the pane stayed blank ~40 s at start)."""

from __future__ import annotations

import threading

import pytest

from newstui.library import Library
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.source_label import SourceLabel

from .conftest import screen_text, settle, until


@pytest.fixture
def held_folder_counts(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The folders' counts wait until the returned event is set (a big store's slow read)."""
    release = threading.Event()
    tag_counts = Library.tag_counts

    def held(self: Library, sources):  # type: ignore[no-untyped-def]
        release.wait(60)
        return tag_counts(self, sources)

    monkeypatch.setattr(Library, "tag_counts", held)
    return release


def sources_lines(app: NewstuiApp) -> list[str]:
    """The rows Sources shows, as text (the pane's own, not the screen's beside it)."""
    pane = app.main.sources
    prompts = [pane.get_option_at_index(i).prompt for i in range(pane.option_count)]
    return [str(p.line(40) if isinstance(p, SourceLabel) else p) for p in prompts]


async def test_sources_lists_feeds_and_folders_before_the_folders_counts_are_read(
    db_path, held_folder_counts
):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: app.main.sources.option_count > 5)
        lines = sources_lines(app)
        text = "\n".join(lines)
        assert "World Desk" in text and "Tech Wire" in text and "Notes" in text
        folder = next(line for line in lines if "news" in line and "▾" in line)
        assert folder.rstrip().endswith("news")  # no count until it is read
        world = next(line for line in lines if "World Desk" in line)
        assert world.split()[-1].replace(",", "").isdigit()  # a feed's count is there at once
        held_folder_counts.set()
        await until(pilot, lambda: any(
            "news" in line and "▾" in line and line.split()[-1].isdigit()
            for line in sources_lines(app)
        ))  # fmt: skip
        await settle(pilot)
        assert "World Desk" in screen_text(app)


async def test_a_reload_keeps_the_counts_shown_until_the_new_ones_are_read(
    db_path, held_folder_counts
):
    held_folder_counts.set()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        folder = next(line for line in sources_lines(app) if "news" in line and "▾" in line)
        assert folder.split()[-1].isdigit()
        held_folder_counts.clear()  # the next read is slow again
        app.main.sources.reload()
        await pilot.pause(0.3)
        again = next(line for line in sources_lines(app) if "news" in line and "▾" in line)
        assert again == folder  # never blanked by a reload
        held_folder_counts.set()
        await settle(pilot)
