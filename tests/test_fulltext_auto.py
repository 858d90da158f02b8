"""Full text in "auto" mode leaves entries that carry the whole article alone, and the pages that
fail are one line of the `fetch`/`add` output, counts first, and counted in its summary."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from test_cli import Cli, no_user_paths  # noqa: F401  (fixtures shared with the CLI tests)

from newstui.model import FULL_ARTICLE_WORDS, carries_full_article

SENTENCE = "The harbour council met on Tuesday to discuss the repairs to the old wall."  # 14 words


def paragraphs(count: int, words: int) -> str:
    """`count` paragraphs of about `words` words in all."""
    per = max(words // count, 1)
    sentence = SENTENCE.split()
    return "\n\n".join(
        " ".join(sentence[i % len(sentence)] for i in range(per)) + "." for _ in range(count)
    )


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        (paragraphs(3, FULL_ARTICLE_WORDS + 3), True),  # 3 paragraphs, enough words
        (paragraphs(6, 600), True),
        (paragraphs(3, FULL_ARTICLE_WORDS + 3).replace("\n\n", "\n"), True),  # one line each
        (paragraphs(1, 420), True),  # a wall of text without paragraph breaks, but long
        (paragraphs(2, 300), False),  # two paragraphs: a long teaser
        (paragraphs(3, FULL_ARTICLE_WORDS - 12), False),  # three short paragraphs
        (paragraphs(1, 60), False),  # a summary
        (paragraphs(4, 300) + " …", False),  # ends like a teaser
        (paragraphs(4, 300) + "\n\nContinue reading", False),
        (paragraphs(4, 300) + "\n\nRead more [...]", False),
        ("", False),
    ],
)
def test_an_entry_carries_the_full_article_from_three_paragraphs_and_enough_words(text, complete):
    assert carries_full_article(text) is complete


def item(base: str, slug: str, body: str) -> str:
    html = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<item><title>Story {slug}</title><link>{base}/page/{slug}</link><guid>{slug}</guid>"
        f"<description><![CDATA[{html}]]></description></item>"
    )


PAGE = (
    "<html><body><article><h1>Page</h1>"
    + "".join(f"<p>{paragraphs(1, 40)} Paragraph {i} of the page.</p>" for i in range(5))
    + "</article></body></html>"
).encode()
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def site(feed_server):
    base = feed_server.base
    items = [
        item(base, "full", paragraphs(4, 240)),  # carries the article: its page is not fetched
        item(base, "short", paragraphs(3, 90)),  # three paragraphs, too few words: fetched
        item(base, "teaser", paragraphs(2, 260)),  # long but two paragraphs: fetched
        item(base, "missing", "Only a summary."),  # its page answers 404
        item(base, "binary", "Only a summary too."),  # its page is not HTML
    ]
    feed = f'<rss version="2.0"><channel><title>Gazette</title>{"".join(items)}</channel></rss>'
    feed_server.route("/feed", body=feed.encode(), headers={"Content-Type": "application/rss+xml"})
    for slug in ("full", "short", "teaser"):
        feed_server.route(f"/page/{slug}", body=PAGE, headers=HTML)
    feed_server.route("/page/binary", body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    return feed_server


@pytest.fixture
def run(db_path, site, config_file, capsys) -> Cli:
    return Cli(db_path, config_file({"Gazette": "/feed"}, fulltext="auto"), capsys)


def test_auto_fetches_the_pages_of_summaries_but_not_of_entries_carrying_the_article(run, site):
    assert run("fetch") == 0
    assert site.routes["/page/full"].hits == 0
    assert site.routes["/page/short"].hits == 1
    assert site.routes["/page/teaser"].hits == 1


def test_the_failed_pages_are_one_line_counts_first_with_an_example_of_each_problem(run, site):
    assert run("fetch") == 0  # the articles are stored: full-text failures fail no source
    problems = [line for line in run.err.splitlines() if "full text" in line]
    assert problems == [
        "warning: full text: 2 of 4 pages could not be fetched in Gazette, the feeds' text kept: "
        f"1 HTTP 404 Not Found, e.g. {site.url('/page/missing')}; "
        f"1 not an HTML page (application/pdf), e.g. {site.url('/page/binary')}"
    ]
    assert run.out.strip().splitlines()[-1] == (
        "1 of 1 source ok: 5 new articles, 0 updated; full texts: 2 fetched, 2 failed"
    )


def test_pages_failing_in_several_feeds_are_one_line_naming_each_feed_and_json_lists_each(
    db_path, tmp_path, feed_server, config_file, capsys
):
    """User test r47 L6: a line a page for up to three a feed (a screenful from a few feeds),
    a line a feed past that; now one line for the fetch, as the app's refresh line."""
    base = feed_server.base
    for name, slugs in (("Wire", ["w1", "w2", "w3"]), ("Blog", ["b1"]), ("Post", ["p1", "p2"])):
        items = "".join(item(base, slug, "Only a summary.") for slug in slugs)
        feed = f'<rss version="2.0"><channel><title>{name}</title>{items}</channel></rss>'
        rss = {"Content-Type": "application/rss+xml"}
        feed_server.route(f"/{name}", body=feed.encode(), headers=rss)
    feed_server.route("/page/p2", status=410)
    feed_server.route("/page/w3", body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    config = config_file({n: f"/{n}" for n in ("Wire", "Blog", "Post")}, fulltext="auto")
    run = Cli(db_path, config, capsys)
    assert run("fetch") == 0
    [line] = [line for line in run.err.splitlines() if "full text" in line]
    url = feed_server.url
    example = re.escape(url("/page/")) + "(w1|w2|b1|p1)"  # (pages are fetched concurrently)
    assert re.fullmatch(
        re.escape(
            "warning: full text: 6 of 6 pages could not be fetched in Wire (3), Post (2), "
            "Blog (1), the feeds' text kept: 4 HTTP 404 Not Found, e.g. "
        )
        + example
        + re.escape(f"; 1 HTTP 410 Gone, e.g. {url('/page/p2')}; 1 for other reasons ")
        + re.escape("(--json lists each)"),
        line,
    ), line
    [line] = run.out.strip().splitlines()[-1:]
    assert line.endswith("; full texts: 0 fetched, 6 failed")
    # a fetch into another database, with --json: every page, each with its URL and error
    reports = Cli(tmp_path / "other.db", config, capsys).json("fetch")
    failed = {p["url"]: p["error"] for r in reports for p in r["fulltext_problems"]}
    assert failed == {
        **{
            url(f"/page/{s}"): f"{url(f'/page/{s}')}: HTTP 404 Not Found"
            for s in "w1 w2 b1 p1".split()
        },
        url("/page/p2"): f"{url('/page/p2')}: HTTP 410 Gone",
        url("/page/w3"): f"{url('/page/w3')}: not an HTML page (application/pdf)",
    }


def test_fetch_json_lists_the_failed_pages(run):
    [report] = run.json("fetch")
    assert report["fulltext_fetched"] == 2 and report["fulltext_failed"] == 2
    titles = sorted(p["title"] for p in report["fulltext_problems"])
    assert titles == ["Story binary", "Story missing"]
    assert all(isinstance(p["article_id"], int) and p["error"] for p in report["fulltext_problems"])


def test_add_says_which_pages_failed(db_path, site, tmp_path, capsys):
    config = tmp_path / "new.toml"
    config.write_text('[settings]\ntimeout = 5\nfulltext = "auto"\n', "utf-8")
    run = Cli(db_path, config, capsys)
    assert run("add", site.url("/feed")) == 0
    assert sum("full text: 2 of 4 pages could not" in line for line in run.err.splitlines()) == 1
    assert run.out.strip().splitlines()[-1].endswith("; full texts: 2 fetched, 2 failed")
    assert run.out.splitlines()[0].startswith("added Gazette to ")


@pytest.mark.parametrize("setting", [False, "auto"])
def test_add_fetches_pages_only_as_fetch_would_under_the_settings(
    db_path, site, tmp_path, capsys, setting
):
    config = tmp_path / "new.toml"
    value = "false" if setting is False else '"auto"'
    config.write_text(f"[settings]\ntimeout = 5\nfulltext = {value}\n", "utf-8")
    run = Cli(db_path, config, capsys)
    assert run("add", site.url("/feed")) == 0
    pages = sum(route.hits for path, route in site.routes.items() if path.startswith("/page/"))
    if setting is False:  # `fulltext = false`: no article page is asked for, nothing is reported
        assert pages == 0
        assert "full text" not in run.err and "full text" not in run.out
        entry = config.read_text("utf-8").split("[[feeds]]")[1]
        assert "fulltext" not in entry  # the new entry follows [settings], as fetch reads it
    else:
        assert pages == 3  # "auto": short, teaser, binary (missing has no route: 404, uncounted)


@pytest.fixture
def dead_links(feed_server):
    """A feed of 40 summaries: the pages of 37 answer 404, 2 are PDFs, 1 holds no text."""
    base = feed_server.base
    items = [item(base, f"gone{i}", "Only a summary.") for i in range(37)]
    items += [item(base, f"pdf{i}", "Only a summary.") for i in range(2)]
    items.append(item(base, "empty", "Only a summary."))
    feed = f'<rss version="2.0"><channel><title>Gazette</title>{"".join(items)}</channel></rss>'
    feed_server.route("/feed", body=feed.encode(), headers={"Content-Type": "application/rss+xml"})
    for i in range(2):
        pdf = {"Content-Type": "application/pdf"}
        feed_server.route(f"/page/pdf{i}", body=b"%PDF-1.4", headers=pdf)
    feed_server.route("/page/empty", body=b"<html><body></body></html>", headers=HTML)
    return feed_server


def test_a_feed_whose_pages_all_fail_is_one_line_with_the_count_and_an_example(
    db_path, dead_links, config_file, capsys
):
    run = Cli(db_path, config_file({"Gazette": "/feed"}, fulltext="auto"), capsys)
    assert run("fetch") == 0
    warnings = [line for line in run.err.splitlines() if line.startswith("warning: ")]
    gone = [dead_links.url(f"/page/gone{i}") for i in range(37)]
    pdfs = [dead_links.url(f"/page/pdf{i}") for i in range(2)]
    assert len(warnings) == 1, run.err
    [line] = warnings
    match = re.fullmatch(
        r"(.*) e\.g\. (\S+); 2 not an HTML page \(application/pdf\), e\.g\. (\S+); "
        r"1 for other reasons \(--json lists each\)",
        line,
    )
    assert match is not None, line
    head, gone_example, pdf_example = match.groups()
    assert head == (
        "warning: full text: 40 of 40 pages could not be fetched in Gazette, the feeds' text "
        "kept: 37 HTTP 404 Not Found,"
    )
    assert gone_example in gone and pdf_example in pdfs  # (pages are fetched concurrently)


def test_fetch_json_keeps_every_failed_page_with_its_url(tmp_path, dead_links, config_file, capsys):
    run = Cli(tmp_path / "other.db", config_file({"Gazette": "/feed"}, fulltext="auto"), capsys)
    [report] = run.json("fetch")
    assert len(report["fulltext_problems"]) == 40
    urls = {p["url"] for p in report["fulltext_problems"]}
    assert dead_links.url("/page/gone0") in urls and dead_links.url("/page/empty") in urls


@pytest.fixture
def short_contents(feed_server):
    """An Atom feed of short entries: two give their text as content, one only a summary; a JSON
    Feed of two content items. No page behind any of their links (404)."""
    base = feed_server.base

    def entry(slug: str, element: str) -> str:
        return (
            f'<entry><title>Note {slug}</title><link href="{base}/page/{slug}"/><id>urn:{slug}</id>'
            f'<updated>2026-12-04T10:00:00Z</updated><{element} type="html">'
            f"&lt;p&gt;{SENTENCE}&lt;/p&gt;</{element}></entry>"
        )

    entries = entry("c1", "content") + entry("c2", "content") + entry("s1", "summary")
    atom = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title><id>urn:n</id>{entries}</feed>'
    feed_server.route(
        "/notes.atom", body=atom.encode(), headers={"Content-Type": "application/atom+xml"}
    )
    items = [
        {
            "id": slug,
            "url": f"{base}/page/{slug}",
            "title": f"JSON {slug}",
            key: f"<p>{SENTENCE}</p>",
        }
        for slug, key in (("j1", "content_html"), ("j2", "content_html"))
    ]
    import json

    body = json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Notes", "items": items}
    )
    feed_server.route(
        "/notes.json", body=body.encode(), headers={"Content-Type": "application/feed+json"}
    )
    return feed_server


def test_auto_says_nothing_of_a_missing_page_behind_an_entry_that_gave_its_content(
    db_path, short_contents, config_file, capsys
):
    """User test r33 L11: short Atom/JSON entries that carry their content, whose links 404,
    ended a first fetch with "full texts: 1 fetched, 13 failed" and warning lines. Their text is
    the article: the missing page is recorded on it, not reported; a summary's still is."""
    run = Cli(
        db_path,
        config_file({"Notes": "/notes.atom", "JSON Notes": "/notes.json"}, fulltext="auto"),
        capsys,
    )
    assert run("fetch") == 0
    warnings = [line for line in run.err.splitlines() if "full text" in line]
    assert len(warnings) == 1, run.err
    assert warnings[0].endswith(f"1 HTTP 404 Not Found, e.g. {short_contents.url('/page/s1')}")
    assert run.out.strip().splitlines()[-1] == (
        "2 of 2 sources ok: 5 new articles, 0 updated; full texts: 0 fetched, 1 failed"
    )
    assert short_contents.routes.get("/page/c1") is None  # (no route: the server answers 404)
    [shown] = [a for a in run.json("list") if a["title"] == "Note c1"]
    detail = run.json("show", str(shown["id"]))
    assert detail["fulltext"]["status"] == "gone" and "404" in detail["fulltext"]["error"]
    [summary] = [a for a in run.json("list") if a["title"] == "Note s1"]
    assert run.json("show", str(summary["id"]))["fulltext"]["status"] == "failed"


def test_fetch_fulltext_still_reports_every_missing_page(
    db_path, short_contents, config_file, capsys
):
    """Asked for (`fulltext = true`, `--fulltext`), a page that is gone is said, content or not."""
    run = Cli(db_path, config_file({"Notes": "/notes.atom"}, fulltext=True), capsys)
    assert run("fetch") == 0
    assert run.out.strip().splitlines()[-1].endswith("full texts: 0 fetched, 3 failed")


def test_auto_reads_the_pages_of_only_a_feeds_newest_entries_at_once_and_says_so(
    db_path, feed_server, config_file, capsys
):
    """User test r36 L8: the first fetch of an imported 5,000-item summary-only feed asked its
    site for 5,000 pages in ~10 s; "auto" reads the newest FULLTEXT_AUTO_PAGES a fetch brings."""
    from email.utils import format_datetime

    from newstui.ingest.article_pages import FULLTEXT_AUTO_PAGES

    base = feed_server.base
    count = FULLTEXT_AUTO_PAGES + 10
    items = [
        item(base, f"s{i}", "Only a summary.").replace(
            "</guid>",
            f"</guid><pubDate>{format_datetime(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=i))}</pubDate>",
        )
        for i in range(count)
    ]
    feed = f'<rss version="2.0"><channel><title>Gazette</title>{"".join(items)}</channel></rss>'
    feed_server.route("/feed", body=feed.encode(), headers={"Content-Type": "application/rss+xml"})
    run = Cli(db_path, config_file({"Gazette": "/feed"}, fulltext="auto"), capsys)

    [report] = run.json("fetch")

    asked = {path for path, _headers in feed_server.requests if path.startswith("/page/")}
    assert asked == {f"/page/s{i}" for i in range(10, count)}  # the newest, by date
    assert report["fulltext_failed"] == FULLTEXT_AUTO_PAGES and report["fulltext_not_read"] == 10
    feed_server.requests.clear()
    assert run("fetch") == 0  # the older ones are left to `f`: a later fetch asks for none
    assert not [p for p, _h in feed_server.requests if p.startswith("/page/")]


def test_the_fetch_line_counts_the_pages_auto_left_unread(
    db_path, feed_server, config_file, capsys
):
    from newstui.ingest.article_pages import FULLTEXT_AUTO_PAGES

    base = feed_server.base
    count = FULLTEXT_AUTO_PAGES + 3
    items = [item(base, f"s{i}", "Only a summary.") for i in range(count)]
    feed = f'<rss version="2.0"><channel><title>Gazette</title>{"".join(items)}</channel></rss>'
    feed_server.route("/feed", body=feed.encode(), headers={"Content-Type": "application/rss+xml"})
    run = Cli(db_path, config_file({"Gazette": "/feed"}, fulltext="auto"), capsys)

    assert run("fetch") == 0

    assert run.out.strip().splitlines()[-1] == (
        f"1 of 1 source ok: {count} new articles, 0 updated; full texts: 0 fetched, "
        f"{FULLTEXT_AUTO_PAGES} failed, 3 older left as the feed gave them"
    )


def test_the_pages_left_are_said_when_none_of_the_newest_was_read_or_failed():
    # review r37 X1: a source's line dropped the pages left, and the summary's count dangled
    # with no "full texts:" before it, when all the newest pages were quiet
    from newstui.ingest.fetch_lines import describe, fulltext_said
    from newstui.model import SourceOutcome

    assert fulltext_said(0, 0, 0) is None
    assert (
        fulltext_said(0, 0, 4950) == "full texts: 0 fetched, 4,950 older left as the feed gave them"
    )
    assert describe(SourceOutcome("Gazette", new=5000, fulltext_left=4950)) == (
        "Gazette: 5000 new, 0 updated; full texts: 0 fetched, 4,950 older left as the feed gave them"
    )
