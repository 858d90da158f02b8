"""Article links of thousands of characters (tracking links) whose pages fail (hostile r48): the
fetch's full-text line and each article's stored error keep the reason, the HTTP status, with
the URL shortened; `fetch --json` keeps every URL whole."""

from __future__ import annotations

from newstui.ingest.fetch_lines import PAGE_URL_SHOWN
from newstui.text import clean_line
from tests.test_cli import Cli
from tests.test_fulltext_auto import item


def test_a_failed_page_of_a_very_long_link_says_why_and_the_line_stays_short(
    db_path, tmp_path, feed_server, config_file, capsys
):
    """A 5,000-character link left its error 300 characters of the URL and no reason: the line
    counted each page as a problem of its own URL ('3 http://…/pppp…, e.g. …')."""
    base = feed_server.base
    slugs = [f"{'p' * 5000}{n}" for n in range(3)]
    items = "".join(item(base, slug, "Only a summary.") for slug in slugs)
    feed = f'<rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'
    feed_server.route("/feed", body=feed.encode(), headers={"Content-Type": "application/rss+xml"})
    config = config_file({"Gazette": "/feed"}, fulltext=True)
    run = Cli(db_path, config, capsys)
    assert run("fetch") == 0
    [line] = [line for line in run.err.splitlines() if "full text" in line]
    first = clean_line(feed_server.url(f"/page/{slugs[0]}"), PAGE_URL_SHOWN)
    assert line == (
        "warning: full text: 3 of 3 pages could not be fetched in Gazette, the feeds' text kept: "
        f"3 HTTP 404 Not Found, e.g. {first} (--json lists each)"
    )
    shown = run.json("show", "1")
    assert shown["fulltext"]["error"].endswith("…: HTTP 404 Not Found")
    assert len(shown["fulltext"]["error"]) < PAGE_URL_SHOWN + 40
    reports = Cli(tmp_path / "other.db", config, capsys).json("fetch")
    urls = {p["url"] for r in reports for p in r["fulltext_problems"]}
    assert urls == {feed_server.url(f"/page/{slug}") for slug in slugs}
