"""Long source names are shortened in the middle, so names differing only at the end stay apart."""

from __future__ import annotations

from newstui.store import open_db
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.middle_ellipsis import middle_ellipsis

from .conftest import screen_text, settle


def test_middle_ellipsis_keeps_the_start_and_the_end():
    assert middle_ellipsis("http://127.0.0.1:18931/a.xml", 12).plain == "http:/…a.xml"
    assert middle_ellipsis("World Desk", 12).plain == "World Desk"
    assert middle_ellipsis("World Wire (demo)", 12).plain == "World Wire…"


def test_a_name_cut_after_a_separator_ends_at_the_word_not_the_separator():
    assert middle_ellipsis("Politics · Wikinews", 11).plain == "Politics…"
    assert middle_ellipsis("BBC News - World", 10).plain == "BBC News…"
    assert middle_ellipsis("Reuters: Top News", 10).plain == "Reuters…"
    assert middle_ellipsis("Sport · Wikinews", 11).plain == "Sport…"  # not "Sport · Wi…"
    assert middle_ellipsis("Wikinews Politics", 12).plain == "Wikinews Po…"  # no separator
    assert middle_ellipsis("日本語のニュース配信", 9).cell_len <= 9


async def test_feeds_named_by_url_are_told_apart(db_path):
    db = open_db(db_path)
    for name in "abcde":
        url = f"http://127.0.0.1:18931/{name}.xml"
        ensure_feed(db, url, url, url=url)
    db.conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for name in "abcde":
            assert f"/{name}.xml" in text
