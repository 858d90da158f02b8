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
    # right-to-left names by the same rule (user test r45 L5: `הארץ - חד…` is no more a name)
    assert middle_ellipsis("הארץ - חדשות", 10).plain == "הארץ…"
    assert middle_ellipsis("الجزيرة نت - أخبار", 14).plain == "الجزيرة نت…"
    # a quoted or bracketed part, and "&", part a name too (r45 L5: `Windows “1…`, `Emoji &…`)
    assert middle_ellipsis("Windows “1252” Feed – Café", 10).plain == "Windows…"
    assert middle_ellipsis("🌍 Emoji & Ünïcödé Feed", 12).plain == "🌍 Emoji…"
    assert middle_ellipsis("Tech (Europe edition)", 12).plain == "Tech…"


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


def test_a_name_with_a_slash_is_cut_as_a_name_and_a_path_or_url_in_the_middle():
    # r33 leftovers f: any "/" made a name a path, cut in the middle: "AC/DC …World",
    # "Politi…inews", "24/7 W…efing"
    assert middle_ellipsis("AC/DC News from the Rock World", 12).plain == "AC/DC News…"
    assert middle_ellipsis("Politics / World · Wikinews", 12).plain == "Politics…"
    assert middle_ellipsis("24/7 Wall St. Daily Briefing", 12).plain == "24/7 Wall S…"
    assert middle_ellipsis("/home/me/notes/today.txt", 12).plain == "/home/…y.txt"
    assert middle_ellipsis("~/notes/a long name.txt", 12).plain == "~/note…e.txt"
    assert middle_ellipsis("example.org/feeds/rss.xml", 12).plain == "exampl…s.xml"
    assert middle_ellipsis("notes/today.txt", 12).plain == "notes/…y.txt"
    assert middle_ellipsis("Feed of example.org/rss.xml", 12).plain == "Feed o…s.xml"


def test_the_title_bar_cuts_a_name_with_a_slash_at_a_word_and_a_path_in_the_middle():
    from newstui.tui.screens.panes import title_cut

    title = "Headlines ▸ AC/DC News from the Rock World and Elsewhere — 3 articles"
    assert title_cut(title, 50) == "Headlines ▸ AC/DC News from the Rock World and El…"
    path = "Headlines ▸ /home/me/news/archive/2026/december/notes.txt — 3 articles"
    cut = title_cut(path, 50)
    assert "…" in cut and cut.endswith("notes.txt — 3 articles"), cut


async def test_sources_and_headlines_cut_a_feed_named_with_a_slash_at_its_end(db_path):
    from datetime import UTC, datetime

    from newstui.model import Article
    from newstui.store.article_saving import save_articles

    db = open_db(db_path)
    feed = ensure_feed(db, "http://127.0.0.1:9/acdc.xml", "AC/DC News from the Rock World")
    save_articles(
        db,
        feed,
        [
            Article(
                title="Tour dates", text="x", guid="t", published=datetime(2030, 1, 1, tzinfo=UTC)
            )
        ],
    )
    db.conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "AC/DC News" in text and "…World" not in text, text
