"""Pilot test: Sources reads the listed feeds and the set-aside ones in two reads; a fetch that sets
a feed aside between them (a refresh beside an add, user test r55 HIGH-1) made the feed both
listed and set aside, and the app died with DuplicateID. It is shown once."""

from __future__ import annotations

from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import run_recorded, settle
from .test_remove_source import configure_world_desk


async def test_a_feed_set_aside_between_sources_two_reads_is_listed_once_and_the_app_lives(
    db_path, config, monkeypatch
):
    app = NewstuiApp(db_path, configure_world_desk(db_path, config))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        world = next(f for f in app.main.sources.feeds if f.name == "World Desk")
        read_aside = Library.set_aside_sources
        interleaved: list[int] = []

        def set_aside_then_read(library: Library):
            if not interleaved:  # the fetch's write lands after the listed feeds were read
                interleaved.append(world.id)
                library.set_aside_source(world.id, "2026-12-08T03:00:29+00:00")
            return read_aside(library)

        monkeypatch.setattr(Library, "set_aside_sources", set_aside_then_read)
        app.main.sources.reload()
        await settle(pilot)
        assert interleaved == [world.id]
        ids = [o.id for o in app.main.sources.options if o.id is not None]
        assert len(ids) == len(set(ids)), ids
        assert ids.count(f"feed:{world.id}") == 1
        assert app.is_running
        app.main.sources.reload()  # the next read: set aside, listed only there
        await settle(pilot)
        assert "World Desk" not in [f.name for f in app.main.sources.feeds]
        assert [o.id for o in app.main.sources.options].count(f"feed:{world.id}") == 1
