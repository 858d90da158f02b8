"""Pilot test: a feed whose address moved for good says so in Sources (` · moved`) and, chosen
there, where it went, until the config names the new address (r35 user test L-b: the move was
a 5-second toast, then nowhere)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.library import Library
from newstui.model import Article, FetchRecord
from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, screen_text, settle


def moved_and_still(path) -> dict[str, int]:
    """Wire's last fetch was read at its new address after a 301; Lab's at its own."""
    with Library.open(path) as library:
        ids = {}
        for name in ("Wire", "Lab"):
            url = f"https://{name.lower()}.example/rss"
            feed = library.register_source(url, name, url=url)
            library.save_batch(feed, [Article(title=f"{name} story", text="Harbour reopened.")])
            ids[name] = feed
        library.record_fetches(
            [
                FetchRecord(ids["Wire"], 301, None, read_from="https://news.example/wire"),
                FetchRecord(ids["Lab"], 200, None),
            ]
        )
    return ids


async def test_a_moved_feed_says_moved_in_sources_and_where_when_chosen(tmp_path):
    path = tmp_path / "f.db"
    ids = moved_and_still(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Wire · moved" in shown and "Lab · moved" not in shown
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Lab']}")
        await pilot.press("enter")
        await settle(pilot)
        assert not [n for n in notifications(app) if "moved" in n.message]
        app.main.sources.focus()
        await settle(pilot)
        assert "Follow move" not in screen_text(app)  # (on Lab: no move to follow)
        app.main.sources.select_view(f"feed:{ids['Wire']}")
        await settle(pilot)
        # the footer offers M on a moved feed (user test r50 MED-2: only `?` named it)
        assert "M Follow move" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert [n.message for n in notifications(app) if "moved" in n.message] == [
            "Wire moved permanently to https://news.example/wire: change its url in the config "
            '(url = "https://wire.example/rss") to that address, or press M to follow it'
        ]  # (the url as written: user test r44 L4)


async def test_m_on_a_moved_feed_writes_its_new_address_and_keeps_its_articles(tmp_path):
    """User test r48 LOW-28: a feed moved for good was edited by hand, one by one."""
    path = tmp_path / "f.db"
    config = tmp_path / "feeds.toml"
    config.write_text(
        '[settings]\nrefresh_minutes = 0\n\n# the wire\n[[feeds]]\nname = "Wire"\n'
        'url = "https://wire.example/rss"\n\n[[feeds]]\nname = "Lab"\n'
        'url = "https://lab.example/rss"\n',
        "utf-8",
    )
    ids = moved_and_still(path)
    app = NewstuiApp(path, load_config(config))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Lab']}")
        await pilot.press("M")
        await settle(pilot)
        assert [n.message for n in notifications(app) if "Choose" in n.message] == [
            "Choose a feed Sources marks · moved first (its last fetch was moved for good)."
        ]
        app.main.sources.select_view(f"feed:{ids['Wire']}")
        await pilot.press("M")
        await settle(pilot)
        assert "Wire: moved from https://wire.example/rss to https://news.example/wire" in [
            n.message for n in notifications(app)
        ]
        assert "Wire · moved" not in screen_text(app)
    text = config.read_text("utf-8")
    assert "# the wire" in text and 'url = "https://news.example/wire"' in text
    with Library.open(path) as library:
        wire = next(s for s in library.sources() if s.id == ids["Wire"])
        assert (wire.url, wire.articles, wire.moved_to) == ("https://news.example/wire", 1, None)
