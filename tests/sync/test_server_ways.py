"""What one server does its own way (sync.servers): FreshRSS writes `& < >` in titles as
fullwidth `＆ ＜ ＞` (its compat mode); Miniflux sends them as they are."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newstui.cli.main import main
from newstui.sync.items import parse_item, parse_subscriptions
from newstui.sync.servers import FRESHRSS, HOSTED, OTHER, ServerWays, server_ways
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_feed_copy_kept import sync
from tests.sync.test_retired_items import copy, serving
from tests.sync.test_sync_states import ONE, READING, TWO, ids_answer, item, refs

SHARED = "https://example.org/live"
TITLES = ("Q&A: rates <up> & down", "Q&A: what comes next")


def live_blog() -> bytes:
    """Two posts under one link (a live blog's page), with `&` and `<` in their titles."""
    entries = "".join(
        f"<item><title>{title.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}"
        f"</title><link>{SHARED}</link><guid isPermaLink='false'>p{n}</guid>"
        f"<pubDate>Mon, 0{2 + n} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>Post {n}: the minister said talks went well.</description></item>"
        for n, title in enumerate(TITLES)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>'
        f"<link>{SHARED}</link>{entries}</channel></rss>"
    ).encode()


def freshrss_title(title: str) -> str:
    return title.replace("&", "＆").replace("<", "＜").replace(">", "＞")


def test_freshrss_titles_under_a_shared_link_pair_with_the_feeds_articles_and_read_as_written(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The feed's two posts fetched here before sync; FreshRSS's copies carry fullwidth
    `＆ ＜ ＞`: under a shared link only the title tells the posts, so each is its post (no
    copy stored), and the titles read with `& < >`."""
    feed_server.route("/live.xml", body=live_blog())
    url = feed_server.url("/live.xml")
    db = tmp_path / "n.db"
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Mine"\nurl = "{url}"\n')
    assert main(["--db", str(db), "--config", str(plain), "fetch"]) == 0
    items = [copy(n, SHARED, freshrss_title(t)) for n, t in enumerate(TITLES)]
    items[0]["author"] = "Smith ＆ Jones"

    report = sync(db, serving(fake, tmp_path, url, items), capsys)

    assert report["new"] == 0
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT title, author FROM articles ORDER BY title").fetchall()
    conn.close()
    assert stored == [(TITLES[0], "Smith & Jones"), (TITLES[1], None)]


def test_an_item_freshrss_sent_reads_with_its_signs_and_one_from_miniflux_as_sent() -> None:
    answer = {
        "id": "tag:google.com,2005:reader/item/0000000000000001",
        "title": "Q＆A: ＜b＞ rates",
        "author": "Smith ＆ Jones",
        "canonical": [{"href": "https://example.org/1"}],
        "origin": {"streamId": "feed/1"},
    }
    freshrss = parse_item(answer, FRESHRSS).article
    assert (freshrss.title, freshrss.author) == ("Q&A: <b> rates", "Smith & Jones")
    miniflux = parse_item(answer, OTHER).article  # (Miniflux sends a title as it is)
    assert (miniflux.title, miniflux.author) == ("Q＆A: ＜b＞ rates", "Smith ＆ Jones")


def test_freshrss_is_known_by_its_api_address() -> None:
    assert server_ways("https://rss.example/api/greader.php") is FRESHRSS
    assert server_ways("https://example.org/freshrss/p/api/greader.php/") is FRESHRSS
    assert server_ways("https://miniflux.example") is OTHER
    assert server_ways("https://example.org/miniflux/") is OTHER
    assert server_ways("https://www.inoreader.com") is HOSTED


def test_a_folder_named_all_on_a_hosted_service_is_the_users() -> None:
    """Review r35 S3: "All", Miniflux's default folder, was dropped on every server that is
    not FreshRSS, where a user may have made a folder of that name."""

    def folders(api_url: str) -> tuple[str, ...]:
        category = {"id": "user/-/label/All", "label": "All"}
        answer = {"subscriptions": [{**ONE, "categories": [category]}]}
        return parse_subscriptions(answer, server_ways(api_url))[0].folders

    assert folders("https://www.inoreader.com") == ("All",)
    assert folders("https://theoldreader.com/") == ("All",)
    assert folders("https://bazqux.com") == ("All",)
    assert folders("https://rss.example.org") == ()  # (Miniflux's, self-hosted anywhere)
    assert folders("https://notinoreader.com") == ()


def test_the_servers_default_folder_is_no_tag_and_a_folder_made_there_is(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """User test r34 L7: FreshRSS files every feed without a folder in "Uncategorized", which
    became a tag on every server feed ("#Uncategorized 16" in Sources)."""
    default = {"id": "user/-/label/Uncategorized", "label": "Uncategorized"}
    world = {"id": "user/-/label/World", "label": "World"}
    subscriptions = [{**ONE, "categories": [default]}, {**TWO, "categories": [world]}]
    fake.api("/subscription/list", 200, {"subscriptions": subscriptions})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/1")]})
    ids_answer(fake, [refs(1)], [refs()])
    config = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    os.environ["PW_S"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(config)]
    assert main([*db, "sync"]) == 0
    capsys.readouterr()

    assert main([*db, "feeds", "--json"]) == 0
    tags = {f["name"]: f["tags"] for f in json.loads(capsys.readouterr().out)}
    assert tags == {"One": [], "Two": ["World"]}


def test_each_servers_own_default_folder_is_left_out() -> None:
    def folders(label: str, ways: ServerWays) -> tuple[str, ...]:
        category = {"id": f"user/-/label/{label}", "label": label}
        answer = {"subscriptions": [{**ONE, "categories": [category]}]}
        return parse_subscriptions(answer, ways)[0].folders

    assert folders("Sans catégorie", FRESHRSS) == ()  # (named in the user's language)
    assert folders("All", FRESHRSS) == ("All",)
    assert folders("All", OTHER) == ()  # Miniflux's first category, made with each user
    assert folders("World", OTHER) == ("World",)


def synced_gone_page(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    key: str,
    command: str = "fetch",
) -> dict:
    """In "auto", sync one item whose body comes under `key` and whose page is gone (the fake
    answers 404) with `fetch --json` (or `sync --json`): the sync's outcome."""
    story = item(1, "feed/1")
    story[key] = story.pop("summary")
    story["canonical"] = [{"href": f"{fake.base[: -len('/api/greader.php')]}/page/1"}]
    fake.api("/subscription/list", 200, {"subscriptions": [ONE]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [story]})
    ids_answer(fake, [refs(1)], [refs()])
    config = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    config.write_text(config.read_text().replace("fulltext = false", 'fulltext = "auto"'))
    os.environ["PW_S"] = "pw"
    capsys.readouterr()

    assert main(["--db", str(tmp_path / "n.db"), "--config", str(config), command, "--json"]) == 0

    assert "/page/1" in fake.hits  # (asked for: the text is short)
    answer = json.loads(capsys.readouterr().out)
    if command == "sync":
        return answer
    [synced] = [o for o in answer if o["feed_id"] is None]
    return synced


def test_auto_full_text_says_nothing_of_a_missing_page_behind_a_synced_items_content(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review r34 F2: in "auto", a synced item's short content whose page is gone (404) was
    warned about ("full texts: 0 fetched, 1 failed"), as a feed's summary is; the item's body
    is the entry's content when it comes as `content`, as a feed's content is."""
    synced = synced_gone_page(fake, tmp_path, capsys, "content")

    assert (synced["fulltext_fetched"], synced["fulltext_failed"]) == (0, 0)
    assert synced["fulltext_problems"] == []


@pytest.mark.parametrize("command", ["fetch", "sync"])
def test_auto_full_text_reports_the_missing_page_of_a_short_text_freshrss_sent_as_summary(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    """Review r35 S2: FreshRSS's `summary` holds a summary-only feed's teaser as it holds
    another's content; counted as content, the teaser's gone page was silent. `sync --json`
    had no failed count nor the pages (user test r42 M1)."""
    synced = synced_gone_page(fake, tmp_path, capsys, "summary", command)

    assert (synced["fulltext_fetched"], synced["fulltext_failed"]) == (0, 1)
    [problem] = synced["fulltext_problems"]
    assert problem["url"].endswith("/page/1") and "404" in problem["error"]
    if command == "sync":  # and its lines say them as fetch's do
        config, server = tmp_path / "feeds.toml", urlsplit(fake.base).netloc
        assert main(["--db", str(tmp_path / "m.db"), "--config", str(config), "sync"]) == 0
        out, err = capsys.readouterr()
        said = f"warning: full text: 1 of 1 page could not be fetched in sync {server}, the "
        assert said in err and "HTTP 404" in err, err
        assert out.endswith("added (One); full texts: 0 fetched, 1 failed\n"), out


def test_a_synced_items_body_is_its_content_unless_only_a_summary_of_another_server() -> None:
    whole = "".join(f"<p>{'Paragraph of the whole article, word after word. ' * 8}</p>" * 3)

    def given(key: str, ways: ServerWays, body: str = "<p>Text.</p>") -> bool:
        answer = {**item(1, "feed/1"), key: {"content": body}}
        answer.pop("summary") if key != "summary" else None
        return parse_item(answer, ways).article.has_content

    assert given("content", FRESHRSS) and given("content", OTHER)
    assert not given("summary", FRESHRSS) and not given("summary", OTHER)
    # FreshRSS's `summary` is the content when it carries the whole article; another's never
    assert given("summary", FRESHRSS, whole) and not given("summary", OTHER, whole)
    assert not given("summary", FRESHRSS, whole.replace("word.", "word…"))  # (a teaser's end)


def test_a_feed_name_freshrss_sent_reads_with_its_signs_unless_written_in_wide_characters() -> None:
    def name(title: str, ways: ServerWays = FRESHRSS) -> str:
        answer = {"subscriptions": [{**ONE, "title": title}]}
        return parse_subscriptions(answer, ways)[0].title

    assert name("Politics， Economy ／ Opinion？ A； B＼C ＆ D") == (
        "Politics, Economy / Opinion? A; B\\C & D"
    )
    assert name("新闻，评论／观点") == "新闻，评论／观点"  # (a Chinese title's own signs)
    assert name("ニュース；速報") == "ニュース；速報" and name("뉴스，경제") == "뉴스，경제"
    # an emoji is wide, but no CJK writing (review r36 S7: it kept the fullwidth signs)
    assert name("🔥 Politics， Economy／Opinion") == "🔥 Politics, Economy/Opinion"
    assert name("Tech？ 👩‍💻 Jobs") == "Tech? 👩‍💻 Jobs"
    # the emoji inside the CJK blocks too (review r37 S1): 〽 〰 ㊗ ㊙, with or without U+FE0F
    assert name("〽 Politics， Economy") == "〽 Politics, Economy"
    assert name("〰 News， Views") == "〰 News, Views"
    assert name("㊗\ufe0f Deals， Offers") == "㊗\ufe0f Deals, Offers"
    assert name("㊙ Leaks／Tips") == "㊙ Leaks/Tips"
    assert name("㊗ 新闻，评论") == "㊗ 新闻，评论"  # (written in Chinese all the same)
    assert name("Politics， Economy", OTHER) == "Politics， Economy"  # (Miniflux: as sent)


def test_a_subscription_titled_only_by_its_address_has_no_title() -> None:
    """User test r50 LOW-14: FreshRSS titles an untitled feed by its URL, `／` for `/`, and the
    feed was named `http://127.0.0.1:8771/pod9.xml` (its %n folder `http 127.0.0.1 8771 …`)."""

    def name(title: str, url: str = "http://127.0.0.1:8771/pod9.xml") -> str:
        answer = {"subscriptions": [{**ONE, "title": title, "url": url}]}
        return parse_subscriptions(answer, FRESHRSS)[0].title

    untitled = ""  # (named as a fetched untitled feed: model.names.document_names, else url_name)
    assert name("http:／／127.0.0.1:8771／pod9.xml") == untitled
    assert name("http://127.0.0.1:8771/pod9.xml") == untitled
    assert name("127.0.0.1:8771∕pod9.xml") == untitled
    assert name("HTTP://127.0.0.1:8771/pod9.xml/") == untitled
    assert name("") == untitled
    assert name("example.org／feed", "https://www.example.org/feed/") == untitled
    # a title that only holds an address, or another one, is a title
    assert name("Pod 9: 127.0.0.1:8771/pod9.xml") == "Pod 9: 127.0.0.1:8771/pod9.xml"
    assert name("http://127.0.0.1:8771/pod10.xml") == "http://127.0.0.1:8771/pod10.xml"


def test_a_synced_feed_titled_by_its_address_is_named_without_the_scheme(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pod = {**ONE, "title": "https:／／example.org／pod9.xml", "url": "https://example.org/pod9.xml"}
    fake.api("/subscription/list", 200, {"subscriptions": [pod, TWO]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/1")]})
    ids_answer(fake, [refs(1)], [refs()])
    config = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    os.environ["PW_S"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(config)]
    assert main([*db, "sync"]) == 0
    capsys.readouterr()

    assert main([*db, "feeds", "--json"]) == 0
    names = sorted(f["name"] for f in json.loads(capsys.readouterr().out))
    assert names == ["Two", "example.org/pod9.xml"]


def test_a_synced_untitled_feed_goes_by_its_sites_host_as_a_fetched_one(
    fake: FakeGReader,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review r50 LOW-7: a synced feed with no title went by its address, the server's htmlUrl
    unread, where a fetched one goes by its web site's host (model.names.document_names)."""
    pod = {
        **ONE,
        "title": "https:／／example.org／pod9.xml",
        "url": "https://example.org/pod9.xml",
        "htmlUrl": "https://www.harbour.example/",
    }
    taken = {**TWO, "title": "", "htmlUrl": "https://harbour.example/news"}
    three = {"id": "feed/3", "title": "", "url": "https://example.org/three", "categories": []}
    fake.api("/subscription/list", 200, {"subscriptions": [pod, taken, three]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": [item(1, "feed/1")]})
    ids_answer(fake, [refs(1)], [refs()])
    config = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    os.environ["PW_S"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(config)]
    assert main([*db, "sync"]) == 0
    capsys.readouterr()

    assert main([*db, "feeds", "--json"]) == 0
    names = {f["url"]: f["name"] for f in json.loads(capsys.readouterr().out)}
    assert names == {  # (a host one source goes by already: the other its address, as fetched)
        "https://example.org/pod9.xml": "harbour.example",
        "https://example.org/two": "example.org/two",
        "https://example.org/three": "example.org/three",
    }
    assert main([*db, "sync"]) == 0  # (and stays so)
    capsys.readouterr()
    assert main([*db, "feeds", "--json"]) == 0
    assert {f["url"]: f["name"] for f in json.loads(capsys.readouterr().out)} == names
