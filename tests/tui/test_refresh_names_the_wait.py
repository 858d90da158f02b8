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


def test_once_every_source_is_read_the_line_names_what_still_runs_never_a_read_feed() -> None:
    """User test r55 LOW-7: "refreshing 175/175 127.0.0.1:18…5/json.json" stood for 85 s while
    pages and the analysis finished (a feed whose title the fetch learned was still counted as
    waited on): the line says the pages, then the analysis, then that it is finishing."""
    from newstui.tui.widgets.refresh_status import refresh_line, stage_shown

    stale = "127.0.0.1:18955/json.json"
    assert stage_shown(174, 175, stale, (10, 12), (0, 0)) == "full texts 10/12"
    assert stage_shown(174, 175, stale, (12, 12), (0, 0)) == stale  # still fetched
    assert stage_shown(175, 175, stale, (230, 237), (0, 0)) == "full texts 230/237"
    assert stage_shown(175, 175, stale, (237, 237), (0, 0)) == ""
    analysing = stage_shown(175, 175, stale, (237, 237), (1200, 2384))
    assert analysing == "analysing 1,200/2,384"
    assert (
        refresh_line(175, 175, analysing).plain.strip()
        == "refreshing 175/175 analysing 1,200/2,384"
    )
    assert stage_shown(175, 175, stale, (237, 237), (2384, 2384)) == ""
    assert refresh_line(175, 175, "").plain.strip() == "refreshing 175/175 finishing…"


def test_a_refresh_tells_how_many_new_articles_it_has_analysed(db_path, tmp_path, feed_server):
    """The count behind "analysing N/M": from 0 of those due to all of them."""
    import threading

    from newstui.tui.refresh import plan_all, run_refresh

    body = FEED_XML.format(base=feed_server.base).encode()
    feed_server.route("/a.xml", body=body, headers={"Content-Type": "application/xml"})
    path = tmp_path / "feeds.toml"
    path.write_text(
        f'[settings]\nfulltext = false\n\n[[feeds]]\nurl = "{feed_server.url("/a.xml")}"\n',
        "utf-8",
    )
    config = load_config(path)
    told: list[tuple[int, int]] = []
    warning = run_refresh(
        db_path,
        config,
        plan_all(config),
        lambda _: None,
        threading.Event(),
        analysed=lambda count, due: told.append((count, due)),
    )
    assert warning is None
    assert told[0][0] == 0 and told[0][1] > 0
    assert told[-1][0] == told[-1][1] == told[0][1]


def test_a_feed_renamed_by_its_title_is_no_longer_waited_on_once_read() -> None:
    """A feed without a name is listed by its address until its first fetch reads its title:
    its outcome, named by the title, still ends the wait on it (user test r55 LOW-7)."""
    from newstui.config import FeedConfig
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import RefreshPlan
    from newstui.tui.screens.source_refresh import done_key, waited_for

    url = "http://127.0.0.1:18955/json.json"
    unnamed = FeedConfig(url=url, name="127.0.0.1:18955/json.json", named=False)
    plan = RefreshPlan((unnamed, FeedConfig(url="http://h/b.xml", name="B")))
    waiting = waited_for(plan, {})
    assert list(waiting.values())[1] == "B"
    waiting.pop(done_key(SourceOutcome("News Daily", url=url), waiting), None)
    assert list(waiting.values()) == ["B"]
    waiting.pop(done_key(SourceOutcome("B"), waiting), None)  # (a sync's: by name)
    assert waiting == {}
