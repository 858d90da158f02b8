"""The refresh progress names the source the refresh still waits for, not the one that just
finished (user test r31 L4: "refreshing 42/43 Big Wire" stayed up for 15 s while another feed,
not named, held the refresh)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.tui.app import NewstuiApp

from .conftest import FEED_XML, screen_text, settle, until


async def test_the_progress_names_the_slow_feed_still_being_fetched(db_path, tmp_path, feed_server):
    body = FEED_XML.format(base=feed_server.base).encode()
    headers = {"Content-Type": "application/xml"}
    feed_server.route("/slow.xml", body=body, headers=headers, delay=6.0)
    feed_server.route("/quick.xml", body=body.replace(b"<guid>", b"<guid>q-"), headers=headers)
    path = tmp_path / "feeds.toml"
    path.write_text(
        f"""[settings]
refresh_minutes = 0
fulltext = false

[[feeds]]
name = "Slow Feed"
url = "{feed_server.url("/slow.xml")}"

[[feeds]]
name = "Quick Feed"
url = "{feed_server.url("/quick.xml")}"
""",
        "utf-8",
    )
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")

        def bottom() -> str:
            return screen_text(app).splitlines()[-1]

        await until(pilot, lambda: "refreshing 1/2" in bottom(), seconds=30)
        assert "refreshing 1/2 Slow Feed" in bottom()  # before: "Quick Feed", finished
        await until(pilot, lambda: not app.main.refreshing, seconds=30)


def test_once_every_source_is_read_the_line_says_the_refresh_is_finishing() -> None:
    """ "refreshing 9/9 Broken" stood for two minutes after the last source was read while the
    refresh stored, analysed and joined stories (user test r33 L18): no source is waited on."""
    from newstui.tui.widgets.refresh_status import full_texts_line, refresh_line

    assert refresh_line(9, 9, "").plain.strip() == "refreshing 9/9 finishing…"
    # article pages due: how many, not a feed read long before (user test r47 M5)
    texts = full_texts_line(1234, 6000)
    assert (
        refresh_line(587, 804, texts).plain.strip() == "refreshing 587/804 full texts 1,234/6,000"
    )
    assert refresh_line(8, 9, "Broken").plain.strip() == "refreshing 8/9 Broken"
    assert refresh_line(0, 9, "").plain.strip() == "refreshing 0/9"
