"""Pilot tests: one story once — the reader says where else a story ran, `V` lists every version."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstui.library import Library
from newstui.model import Article
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle

WIRE = " ".join(
    f"Sentence number {i} of the wire story tells readers about the harbour plan in detail."
    for i in range(30)
)


def wire_and_courier(library: Library) -> tuple[int, int]:
    """Two feeds that carry the same wire story."""
    return (
        library.register_source("https://wire.example/", "Wire Service"),
        library.register_source("https://courier.example/", "Daily Courier"),
    )


async def test_a_story_from_two_feeds_is_one_row_with_also_in_and_v_lists_both(tmp_path):
    path = tmp_path / "s.db"
    now = datetime.now(UTC)
    with Library.open(path) as library:
        wire, courier = wire_and_courier(library)
        library.save_batch(
            wire, [Article(title="Harbour plan agreed", text=WIRE, guid="w", published=now)]
        )
        library.save_batch(
            courier,
            [
                Article(
                    title="Councillors back harbour scheme",
                    text="By Staff Reporter\n\n" + WIRE + "\n\nAll rights reserved.",
                    guid="c",
                    published=now + timedelta(minutes=5),
                )
            ],
        )
        assert library.find_stories() == 1
    app = NewstuiApp(path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.main.headlines.total == 1
        text = screen_text(app)
        assert "Harbour plan agreed" in text
        assert "Councillors back harbour scheme" not in text
        assert "Also in: Daily Courier" in text
        await pilot.press("V")
        await settle(pilot)
        assert app.main.headlines.total == 2
        assert "Councillors back harbour scheme" in screen_text(app)
        await pilot.press("enter")  # reading one version reads both
        await settle(pilot)
    with Library.open(path) as library:
        versions = library.story_versions(1)
        assert len(versions) == 2
        assert all(v.read for v in versions)


async def test_also_in_names_only_the_other_feeds_when_one_feed_has_two_versions(tmp_path):
    """A story gathers two articles of one feed through a copy in another feed: "Also in:"
    named the article's own feed beside the other one."""
    path = tmp_path / "s.db"
    now = datetime.now(UTC)
    with Library.open(path) as library:
        wire, courier = wire_and_courier(library)
        library.save_batch(
            wire, [Article(title="Harbour plan agreed", text=WIRE, guid="w1", published=now)]
        )
        library.save_batch(
            courier,
            [Article(title="Councillors back harbour scheme", text=WIRE, guid="c", published=now)],
        )
        library.find_stories()
        update = WIRE + " An update adds the vote count."  # joins the story through the copy
        library.save_batch(
            wire,
            [
                Article(
                    title="Harbour plan agreed (updated)",
                    text=update,
                    guid="w2",
                    published=now + timedelta(minutes=9),
                )
            ],
        )
        library.find_stories()
        assert [v.feed for v in library.story_versions(1)] == [
            "Wire Service",
            "Daily Courier",
            "Wire Service",
        ]
    app = NewstuiApp(path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Also in: Daily Courier  (V: every version)" in text
        assert "Also in: Wire Service" not in text


async def test_m_says_the_other_versions_of_the_story_it_marked_with_the_article(tmp_path):
    """r29: reading one version reads them all, and the app said nothing of the others."""
    from .notifications import notifications, run_recorded

    path = tmp_path / "s.db"
    now = datetime.now(UTC)
    with Library.open(path) as library:
        wire, courier = wire_and_courier(library)
        library.save_batch(
            wire, [Article(title="Harbour plan agreed", text=WIRE, guid="w", published=now)]
        )
        library.save_batch(
            courier,
            [Article(title="Councillors back harbour scheme", text=WIRE, guid="c", published=now)],
        )
        assert library.find_stories() == 1
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        assert "Marked read with 1 copy of the same story." in said


async def test_a_run_of_n_shows_one_copies_notice_not_one_a_key(tmp_path):
    """User test r34 M4: each `n` on a story with copies said "Marked read with 1 copy of the
    same story." in a toast of its own; a run of `n` stacked them over the article being read.
    The notice of the last step takes the place of the one before."""
    from textual.widgets._toast import Toast

    path = tmp_path / "s.db"
    now = datetime.now(UTC)
    with Library.open(path) as library:
        wire, courier = wire_and_courier(library)
        for n in range(4):
            topic = ("harbour plan", "rail strike", "flood defences", "school budget")[n]
            text = " ".join(
                f"Line {i} of report {n} tells readers about the {topic} in detail, day {i * n}."
                for i in range(30)
            )
            when = now - timedelta(hours=n)
            library.save_batch(
                wire, [Article(title=f"Wire {n}", text=text, guid=f"w{n}", published=when)]
            )
            library.save_batch(
                courier, [Article(title=f"Courier {n}", text=text, guid=f"c{n}", published=when)]
            )
        assert library.find_stories() == 4
    app = NewstuiApp(path, None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("n")
            await settle(pilot)
        toasts = [str(t.render()) for t in app.screen.query(Toast)]
        assert len(toasts) == 1, toasts
        assert "Marked read with 1 copy of the same story." in toasts[0]
