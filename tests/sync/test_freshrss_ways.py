"""Against a real FreshRSS: what it does its own way (sync.servers) reads as the feed gave it."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from newstui.store import open_db
from tests.sync.conftest import Device, FreshRSS
from tests.sync.test_freshrss import Here, password  # noqa: F401 (fixture)


def live_blog(freshrss: FreshRSS) -> tuple[str, str, list[str]]:
    """Two posts under one link, `&`, `<` and `>` in their titles: (feed URL, link, titles)."""
    key = uuid.uuid4().hex[:8]
    link = f"https://example.org/{key}/live"
    titles = [f"Q&A {key}: rates <up> & down", f"Q&A {key}: what comes next"]
    entries = "".join(
        f"<item><title>{t.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}"
        f"</title><link>{link}</link><guid isPermaLink='false'>p{n}</guid>"
        f"<pubDate>Mon, 0{2 + n} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>Post {n}: talks in Paris went well.</description></item>"
        for n, t in enumerate(titles)
    )
    freshrss.feeds.route(
        f"/{key}.xml",
        body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Live &amp; Direct {key}'
        f"</title><link>{link}</link>{entries}</channel></rss>".encode(),
        headers={"Content-Type": "text/xml"},
    )
    return freshrss.feeds.url(f"/{key}.xml"), link, titles


def titles(here: Here, link: str) -> list[str]:
    db = open_db(here.db)
    found = [r[0] for r in db.execute("SELECT title FROM articles WHERE url = ?", [link])]
    db.conn.close()
    return sorted(found)


def test_titles_freshrss_sends_fullwidth_pair_with_the_feeds_posts_and_read_as_written(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """FreshRSS sends `Q＆A … ＜up＞`: the feed's posts fetched here before sync are those
    items (one article each, no copy), and every title reads `Q&A … <up>`."""
    url, link, written = live_blog(freshrss)
    here = Here(tmp_path, freshrss, f'\n[[feeds]]\nname = "Live"\nurl = "{url}"\n')
    assert here.run("fetch", offline=True) == 3  # the feed is read; the sync server is not
    assert titles(here, link) == sorted(written)
    stream = device.subscribe(url)
    sent = [i["title"] for i in device.items(stream).values()]
    assert any("＆" in t for t in sent)  # (what FreshRSS 1.24 does)

    assert here.run("sync") == 0

    assert titles(here, link) == sorted(written)


def test_freshrss_default_folder_is_no_tag_and_a_folder_made_there_is(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """User test r34 L7: FreshRSS files a feed subscribed without a folder in its default
    category, "Uncategorized", which became a tag on every server feed."""
    plain, _, _ = live_blog(freshrss)
    filed, _, _ = live_blog(freshrss)
    device.subscribe(plain)
    device.subscribe(filed, folder="World")
    subscriptions = device.get("/subscription/list", output="json").json()["subscriptions"]
    labels = {s["url"]: [c["label"] for c in s["categories"]] for s in subscriptions}
    assert labels[plain] == ["Uncategorized"]  # (what FreshRSS 1.24 lists)
    here = Here(tmp_path, freshrss)

    assert here.run("sync") == 0

    tags = {f["url"]: f["tags"] for f in here.json(capsys, "feeds")}
    assert (tags[plain], tags[filed]) == ([], ["World"])


def gone_entries(freshrss: FreshRSS) -> tuple[str, str, str, str]:
    """An RSS feed giving only a teaser (`<description>`) and an Atom feed giving a short
    `<content>`, each of one entry whose page is gone (404): (rss URL, its page, atom URL, its
    page)."""
    key = uuid.uuid4().hex[:8]
    teaser, note = freshrss.feeds.url(f"/gone/{key}/t"), freshrss.feeds.url(f"/gone/{key}/n")
    freshrss.feeds.route(  # (no route for the pages: the feed server answers 404)
        f"/{key}.xml",
        body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers {key}</title>'
        f"<link>{teaser}</link><item><title>Harbour wall</title><link>{teaser}</link>"
        f"<guid>{teaser}</guid><description>The harbour wall is to be rebuilt, the council"
        " said.</description></item></channel></rss>".encode(),
        headers={"Content-Type": "text/xml"},
    )
    freshrss.feeds.route(
        f"/{key}.atom",
        body=f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Notes {key}'
        f"</title><id>urn:{key}</id><updated>2026-11-02T10:00:00Z</updated><entry><title>Note"
        f"</title><id>urn:{key}:1</id><link href='{note}'/><updated>2026-11-02T10:00:00Z"
        "</updated><content type='html'>&lt;p&gt;A short note.&lt;/p&gt;</content></entry>"
        "</feed>".encode(),
        headers={"Content-Type": "application/atom+xml"},
    )
    return freshrss.feeds.url(f"/{key}.xml"), teaser, freshrss.feeds.url(f"/{key}.atom"), note


def test_auto_full_text_reports_the_gone_page_of_a_summary_only_feeds_item_freshrss_sent(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review r35 S2: FreshRSS sends a feed's teaser and another's content alike, under
    `summary`; every item counted as content, so a summary-only feed's gone page was silent
    (stored "gone", no "Full text not available"). A short text is no proof of content: its
    gone page is reported, the teaser's and (the server not saying which it is) the note's."""
    rss_url, teaser, atom_url, note = gone_entries(freshrss)
    sent = [device.items(device.subscribe(u)) for u in (rss_url, atom_url)]
    assert all("summary" in i and "content" not in i for s in sent for i in s.values())
    # ("auto" for these feeds only: the session's server has other tests' feeds, not to be read)
    here = Here(
        tmp_path,
        freshrss,
        "".join(f'\n[[feeds]]\nurl = "{u}"\nfulltext = "auto"\n' for u in (rss_url, atom_url)),
    )

    report = here.json(capsys, "fetch")

    [synced] = [o for o in report if o["feed_id"] is None]
    problems = {p["url"]: p["error"] for p in synced["fulltext_problems"]}
    assert set(problems) == {teaser, note}
    assert all("404" in e for e in problems.values())
    db = open_db(here.db)
    statuses = dict(
        db.execute(
            "SELECT url, fulltext_status FROM articles WHERE url IN (?, ?)", [teaser, note]
        ).fetchall()
    )
    db.conn.close()
    assert statuses == {teaser: "failed", note: "failed"}  # (not "gone": the note is shown)


def test_feed_names_freshrss_sends_with_fullwidth_signs_read_as_the_feed_wrote_them(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review r35 S7: FreshRSS lists a feed named "Politics, Economy / Opinion?" as
    "Politics， Economy ／ Opinion？" (its extended escape: `? \\ / , ;`), so Sources showed the
    double-width signs; `' " ^` it sends as they are."""
    key = uuid.uuid4().hex[:8]
    name = f"Politics, Economy / Opinion? Yes; a\\b \"{key}\" ^ 'q' & <x>"
    written = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    freshrss.feeds.route(
        f"/{key}.xml",
        body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>{written}</title>'
        f"<link>https://example.org/{key}</link><item><title>One</title>"
        f"<link>https://example.org/{key}/1</link></item></channel></rss>".encode(),
        headers={"Content-Type": "text/xml"},
    )
    url = freshrss.feeds.url(f"/{key}.xml")
    device.subscribe(url)
    listed = device.get("/subscription/list", output="json").json()["subscriptions"]
    [sent] = [s["title"] for s in listed if s["url"] == url]
    assert "，" in sent and "／" in sent and "？" in sent  # (what FreshRSS 1.24 does)
    here = Here(tmp_path, freshrss)

    assert here.run("sync") == 0

    names = {f["url"]: f["name"] for f in here.json(capsys, "feeds")}
    assert names[url] == name
