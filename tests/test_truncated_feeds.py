"""A feed cut off mid-item (a download that stopped): the entries it holds whole are stored, the
cut one is kept when it has a title or link, and an empty one is skipped with one warning line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.article_rows import content_hash
from newstui.cli.main import main
from newstui.library import Library
from newstui.sources.feeds import parse_feed

RSS = (
    b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour Gazette</title>'
    b"<item><title>Ferry returns</title><link>http://news.test/1</link><guid>ferry</guid>"
    b"<description>The ferry sailed again on Monday.</description></item>"
    b"<item><title>Pier closes</title><link>http://news.test/2</link><guid>pier</guid>"
    b"<description>The old pier shuts for repairs.</description></item>"
    b"</channel></rss>"
)
ATOM = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    b"<title>Harbour Gazette</title><id>urn:gazette</id>"
    b'<entry><title>Ferry returns</title><id>urn:ferry</id><link href="http://news.test/1"/>'
    b"<content>The ferry sailed again on Monday.</content></entry>"
    b'<entry><title>Pier closes</title><id>urn:pier</id><link href="http://news.test/2"/>'
    b"<content>The old pier shuts for repairs.</content></entry>"
    b"</feed>"
)
# WordPress's layout: a short description, then the whole text in content:encoded.
WORDPRESS = RSS.replace(
    b'<rss version="2.0">',
    b'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
).replace(
    b"<description>The old pier shuts for repairs.</description>",
    b"<description>The pier shuts.</description>"
    b"<content:encoded>The old pier shuts for repairs.</content:encoded>",
)
FORMATS = {
    "rss": (RSS, b"<item><title>Pier"),
    "atom": (ATOM, b"<entry><title>Pier"),
    "wordpress": (WORDPRESS, b"<item><title>Pier"),
}


def cut_at(name: str, marker: bytes) -> bytes:
    """The document of FORMATS[name] cut right after `marker` inside its second entry."""
    doc, second = FORMATS[name]
    start = doc.index(second)
    return doc[: doc.index(marker, start) + len(marker)]


# Cut before the second entry has anything: that entry is no article.
SKIPPED = "; skipped 1 empty entry (no title, text or link)"
# Cut after its title, before its id or link: left out (by its title alone it would be stored a
# second time when the whole entry comes).
LEFT_OUT = "; left out the last entry, cut off before its id or link"
LOST_CUTS = [
    ("rss", b"<item>", SKIPPED),
    ("rss", b"<title>Pi", SKIPPED),
    ("rss", b"</title", SKIPPED),
    ("atom", b"<entry>", SKIPPED),
    ("atom", b"<title>Pier clo", SKIPPED),
    ("atom", b"</title", SKIPPED),
    ("rss", b"</title>", LEFT_OUT),
    ("rss", b"</title><link>http://ne", LEFT_OUT),
    ("atom", b"</title><id>ur", LEFT_OUT),
]
# Cut after its link or id: kept, under what it has.
PARTIAL_CUTS = [
    ("rss", b"</link><guid", "Pier closes", "http://news.test/2"),
    ("atom", b"</id><link", "Pier closes", None),
    ("atom", b'/2"/><content>The old', "Pier closes", "http://news.test/2"),
]


@pytest.mark.parametrize(("name", "marker", "clause"), LOST_CUTS)
def test_an_entry_cut_off_before_its_title_id_or_link_is_no_article_and_one_warning_says_so(
    name, marker, clause
):
    parsed = parse_feed(cut_at(name, marker), "http://127.0.0.1/feed")

    assert [a.title for a in parsed.articles] == ["Ferry returns"]
    assert parsed.warning is not None and "\n" not in parsed.warning
    assert parsed.warning.startswith("the feed was cut short (line 2, column ")
    assert "; kept the 1 entry read before the cut; " in parsed.warning
    assert parsed.cut_short
    assert parsed.warning.endswith(clause)


@pytest.mark.parametrize(("name", "marker", "title", "url"), PARTIAL_CUTS)
def test_an_entry_cut_off_after_its_title_or_link_is_kept(name, marker, title, url):
    parsed = parse_feed(cut_at(name, marker), "http://127.0.0.1/feed")

    assert [(a.title, a.url) for a in parsed.articles][1:] == [(title, url)]
    assert parsed.warning is not None and "skipped" not in parsed.warning


def test_empty_entries_of_a_well_formed_feed_are_skipped_and_counted():
    body = RSS.replace(
        b"</channel>", b"<item></item><item><description> <p> </p> </description></item></channel>"
    )

    parsed = parse_feed(body, "http://127.0.0.1/feed")

    assert [a.title for a in parsed.articles] == ["Ferry returns", "Pier closes"]
    assert parsed.warning == "skipped 2 empty entries (no title, text or link)"


def test_an_entry_with_only_an_enclosure_is_kept_untitled_and_one_with_only_an_id_is_not():
    body = RSS.replace(
        b"</channel>",
        b'<item><guid isPermaLink="false">episode-9</guid></item>'
        b'<item><enclosure url="http://news.test/9.mp3" type="audio/mpeg" length="1"/></item>'
        b"</channel>",
    )

    parsed = parse_feed(body, "http://127.0.0.1/feed")

    assert [a.title for a in parsed.articles][2:] == ["(untitled)"]
    assert [link.url for link in parsed.articles[2].links] == ["http://news.test/9.mp3"]
    assert parsed.warning == "skipped 1 empty entry (no title, text or link)"


def test_an_empty_json_feed_item_is_skipped_too():
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Harbour Gazette",
            "items": [{"id": "1", "title": "Ferry returns"}, {}, {"content_text": "  "}],
        }
    ).encode()

    parsed = parse_feed(body, "http://127.0.0.1/feed.json")

    assert [a.title for a in parsed.articles] == ["Ferry returns"]
    assert parsed.warning == "skipped 2 empty entries (no title, text or link)"


def run(db: Path, config: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "--config", str(config), *args])
    out, err = capsys.readouterr()
    return code, out, err


def titles(db: Path, config: Path, capsys) -> list[str]:
    code, out, _ = run(db, config, capsys, "list", "--json")
    assert code == 0
    return sorted(a["title"] for a in json.loads(out))


@pytest.mark.parametrize("name", ["rss", "atom"])
def test_fetching_a_truncated_feed_stores_no_untitled_article_and_says_why_in_one_line(
    name, db_path, feed_server, config_file, capsys
):
    feed_server.route("/feed", body=cut_at(name, b"<title>Pi"))
    config = config_file({"Gazette": "/feed"})

    code, _, err = run(db_path, config, capsys, "fetch")

    assert code == 0
    [warning] = [line for line in err.splitlines() if line.startswith("warning: Gazette:")]
    assert "the feed was cut short (line 2, column " in warning
    assert warning.endswith("skipped 1 empty entry (no title, text or link)")
    assert titles(db_path, config, capsys) == ["Ferry returns"]


def test_a_feed_cut_short_is_counted_apart_from_the_sources_read_whole(
    db_path, feed_server, config_file, capsys
):
    # A feed whose download stopped before its end counted as "ok" beside the whole ones; one
    # cut before its first entry, nothing read, counted as a success (user test r43 M1).
    feed_server.route("/whole", body=RSS.replace(b"news.test", b"other.test"))
    feed_server.route("/cut", body=RSS[: RSS.index(b"</item>") + len(b"</item>")])
    feed_server.route("/early", body=b'<?xml version="1.0"?><rss version="2.0"><channel><tit')
    config = config_file({"Wire": "/whole", "Gazette": "/cut", "Early": "/early"})

    code, out, err = run(db_path, config, capsys, "fetch")

    assert code == 3  # what was read is stored: the one cut early, nothing read, failed
    assert out.strip() == "1 of 3 sources ok, 1 cut short, 1 failed: 3 new articles, 0 updated"
    [warning] = [line for line in err.splitlines() if "Gazette" in line]
    assert warning == (
        "warning: Gazette: the feed was cut short (line 2, column 209); "
        "kept the 1 entry read before the cut"
    )
    [error] = [line for line in err.splitlines() if "Early" in line]
    assert error == (
        "error: Early: no article could be read, "
        "the feed was cut short (line 1, column 50) before its first entry"
    )
    feeds = {f["name"]: f for f in json.loads(run(db_path, config, capsys, "feeds", "--json")[1])}
    early = feeds["Early"]
    assert (early["failures"], feeds["Gazette"]["failures"]) == (1, 0)
    assert early["last_error"].startswith("no article could be read, the feed was cut short")
    feed_server.route("/cut", body=RSS[: RSS.index(b"</item>") + len(b"</item>")] + b"<item")
    code, out, _ = run(db_path, config, capsys, "fetch", "--json")
    by_source = {o["source"]: o for o in json.loads(out)}
    assert (by_source["Gazette"]["cut_short"], by_source["Wire"]["cut_short"]) == (True, False)
    assert "cut short" in by_source["Gazette"]["warning"]


def test_a_truncated_download_after_a_whole_one_loses_nothing_stored(
    db_path, feed_server, config_file, capsys
):
    feed_server.route("/feed", body=RSS)
    config = config_file({"Gazette": "/feed"})
    assert run(db_path, config, capsys, "fetch")[0] == 0
    feed_server.route("/feed", body=cut_at("rss", b"<item>"))

    assert run(db_path, config, capsys, "fetch")[0] == 0

    assert titles(db_path, config, capsys) == ["Ferry returns", "Pier closes"]


def test_a_download_cut_after_an_entrys_id_leaves_the_stored_article_of_that_id_whole(
    db_path, feed_server, config_file, capsys
):
    whole = RSS.replace(b"<guid>pier</guid>", b"").replace(
        b"<item><title>Pier", b'<item><guid isPermaLink="false">pier</guid><title>Pier'
    )
    feed_server.route("/feed", body=whole)
    config = config_file({"Gazette": "/feed"})
    assert run(db_path, config, capsys, "fetch")[0] == 0
    feed_server.route("/feed", body=whole[: whole.index(b"</guid><title>Pier") + 14])

    assert run(db_path, config, capsys, "fetch")[0] == 0

    assert titles(db_path, config, capsys) == ["Ferry returns", "Pier closes"]
    code, out, _ = run(db_path, config, capsys, "show", "1", "--json")
    assert code == 0
    assert json.loads(out)["text"] == "The old pier shuts for repairs."


def no_fulltext(tmp_path: Path) -> Path:
    """A config that fetches no full text, for `import`."""
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nfulltext = false\n", "utf-8")
    return config


@pytest.mark.parametrize("name", ["rss", "atom"])
def test_importing_a_truncated_feed_file_stores_no_untitled_article_and_warns(
    name, db_path, tmp_path, capsys
):
    config = no_fulltext(tmp_path)
    saved = tmp_path / f"gazette.{'rss' if name == 'rss' else 'atom'}"
    saved.write_bytes(cut_at(name, b"</title"))
    Library.open(db_path).close()

    code, _, err = run(db_path, config, capsys, "import", str(saved))

    assert code == 0
    assert "skipped 1 empty entry (no title, text or link)" in err
    assert len(err.strip().splitlines()) == 1
    assert titles(db_path, config, capsys) == ["Ferry returns"]


# A download cut inside the text of an entry whose title and id came whole: the recovering
# parser yields the entry without its text, which must not replace the stored article.
QUOTE = b"&quot;The pier is unsafe,&quot; said Mayor Anna Berg in Oslo on Monday."
NEW_QUOTE = b"&quot;We will rebuild it,&quot; said Mayor Anna Berg in Bergen on Friday."
TEXT_CUTS = {
    "rss": b"<description>&quot;The pi",
    "atom": b"<content>&quot;The pi",
    "wordpress": b"<content:encoded>&quot;The pi",
}
PAGE = (
    "<html><head><title>Pier closes</title></head><body><article><h1>Pier closes</h1>"
    "<p>The old pier of the harbour town will shut for repairs after inspectors found rotten "
    "timber under its deck, the council said on Monday after a long meeting.</p>"
    "<p>{quote} Divers will inspect the piles next month, and the work is expected to take most "
    "of the summer, the council said in a statement published on its website.</p>"
    "<p>Fishing crews must unload their catch at the ferry quay until the pier opens again, "
    "which the harbour master called a small price for the safety of everyone.</p>"
    "</article></body></html>"
)


def gazette(name: str, page: str, quote: bytes = QUOTE) -> bytes:
    """FORMATS[name]'s document, its second entry quoting the mayor and linking to `page`."""
    doc = FORMATS[name][0].replace(b"The old pier shuts for repairs.", quote)
    return doc.replace(b"http://news.test/2", page.encode())


def shown(db: Path, config: Path, capsys, title: str = "Pier closes") -> dict:
    code, out, _ = run(db, config, capsys, "list", "--json")
    assert code == 0
    [article_id] = [a["id"] for a in json.loads(out) if a["title"] == title]
    code, out, _ = run(db, config, capsys, "show", str(article_id), "--json")
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize("name", ["rss", "atom"])
def test_an_entry_cut_inside_its_text_keeps_the_stored_text_full_text_and_analysis(
    name, db_path, feed_server, config_file, capsys
):
    page = feed_server.url("/page/pier")
    html = {"Content-Type": "text/html; charset=utf-8"}
    feed_server.route(
        "/page/pier",
        body=PAGE.format(quote='"The pier is unsafe," said Berg.').encode(),
        headers=html,
    )
    config = config_file({"Gazette": "/feed"}, fulltext=True)
    whole = gazette(name, page)
    feed_server.route("/feed", body=whole)
    assert run(db_path, config, capsys, "fetch")[0] == 0
    before = shown(db_path, config, capsys)
    assert before["fulltext"]["status"] == "ok"
    assert "rotten timber" in before["text"] and "Anna Berg" in before["summary"]
    assert before["quotes"] and before["entities"]
    cut = whole[: whole.index(TEXT_CUTS[name]) + len(TEXT_CUTS[name])]
    assert [a.text for a in parse_feed(cut, page).articles][1:] == [""]
    feed_server.route("/feed", body=cut)

    code, out, _ = run(db_path, config, capsys, "fetch")

    assert code == 0 and "0 new articles, 0 updated" in out
    assert shown(db_path, config, capsys) == before

    feed_server.route(
        "/page/pier",
        body=PAGE.format(quote='"We will rebuild it," said Berg.').encode(),
        headers=html,
    )
    feed_server.route("/feed", body=gazette(name, page, NEW_QUOTE))
    code, out, _ = run(db_path, config, capsys, "fetch")

    assert code == 0 and "1 updated" in out
    after = shown(db_path, config, capsys)
    assert after["fulltext"]["status"] == "ok"
    assert "We will rebuild it" in after["text"] and "Bergen" in after["summary"]
    assert [q["text"] for q in after["quotes"]] != [q["text"] for q in before["quotes"]]


@pytest.mark.parametrize("name", ["rss", "atom", "wordpress"])
def test_importing_a_file_cut_inside_an_entrys_text_keeps_the_stored_article(
    name, db_path, tmp_path, capsys
):
    config = no_fulltext(tmp_path)
    saved = tmp_path / f"gazette.{name}"
    whole = gazette(name, "http://news.test/2")
    saved.write_bytes(whole)
    assert run(db_path, config, capsys, "import", str(saved))[0] == 0
    before = shown(db_path, config, capsys)
    assert before["text"] == '"The pier is unsafe," said Mayor Anna Berg in Oslo on Monday.'
    assert [q["speaker"] for q in before["quotes"]] == ["Anna Berg"]
    saved.write_bytes(whole[: whole.index(TEXT_CUTS[name]) + len(TEXT_CUTS[name])])

    code, _, err = run(db_path, config, capsys, "import", str(saved))

    assert code == 0 and "the feed was cut short" in err
    assert shown(db_path, config, capsys) == before

    saved.write_bytes(gazette(name, "http://news.test/2", NEW_QUOTE))
    assert run(db_path, config, capsys, "import", str(saved))[0] == 0
    after = shown(db_path, config, capsys)
    assert after["text"] == '"We will rebuild it," said Mayor Anna Berg in Bergen on Friday.'
    assert [q["text"] for q in after["quotes"]] == ["We will rebuild it,"]
    assert "Oslo" in [e["name"] for e in before["entities"]]
    assert "Oslo" not in [e["name"] for e in after["entities"]]


# Cut after a text element closed, before the entry did: the text may be a short stand-in (a
# description before the content the cut lost), so the cut entry has none.
ENTRY_CUTS = [
    ("rss", b"repairs.</description>", "The old pier shuts for repairs."),
    ("atom", b"repairs.</content>", "The old pier shuts for repairs."),
    ("wordpress", b"<description>The pier shuts.</description>", "The pier shuts."),
    ("wordpress", b"repairs.</content:encoded>", "The old pier shuts for repairs."),
]


@pytest.mark.parametrize(("name", "marker", "whole"), ENTRY_CUTS)
def test_the_entry_a_document_ends_inside_has_no_text_and_a_closed_one_keeps_it(
    name, marker, whole
):
    cut = cut_at(name, marker)
    closed = cut + (b"</entry>" if name == "atom" else b"</item>")

    [ferry, pier] = parse_feed(cut, "http://127.0.0.1/feed").articles
    [_, pier_closed] = parse_feed(closed, "http://127.0.0.1/feed").articles

    assert ferry.text == "The ferry sailed again on Monday."
    assert (pier.title, pier.url, pier.text, pier.summary) == (
        "Pier closes",
        "http://news.test/2",
        "",
        "",
    )
    assert whole in (pier_closed.text, pier_closed.summary)


def test_a_document_cut_inside_an_entrys_opening_tag_keeps_the_entry_before_whole():
    doc = RSS.replace(b"<item><title>Pier", b'<item xml:lang="en"><title>Pier')

    parsed = parse_feed(doc[: doc.index(b'xml:lang="e') + 10], "http://127.0.0.1/feed")

    assert [(a.title, a.text) for a in parsed.articles] == [
        ("Ferry returns", "The ferry sailed again on Monday.")
    ]


def test_a_synced_item_without_text_keeps_the_stored_article_and_a_changed_one_updates_it(db):
    from newstui.model import Article
    from newstui.model.sync import RemoteItem
    from newstui.store.article_detail import get_article
    from newstui.store.feeds import ensure_feed
    from newstui.store.sync import save_items

    feed_ids = {"feed/1": ensure_feed(db, "greader:feed/1", "Gazette")}

    def item(text: str) -> RemoteItem:
        article = Article("Pier closes", text, url="http://news.test/2")
        return RemoteItem(7, "feed/1", 1, article, read=False, starred=False)

    [article_id] = save_items(db, [item("The old pier shuts for repairs.")], feed_ids).changed_ids

    emptied = save_items(db, [item("")], feed_ids)

    assert (emptied.new, emptied.updated, emptied.changed_ids) == (0, 0, ())
    stored = get_article(db, article_id)
    assert stored is not None and stored.text == "The old pier shuts for repairs."

    changed = save_items(db, [item("The pier opens again.")], feed_ids)

    assert (changed.updated, changed.changed_ids) == (1, (article_id,))
    stored = get_article(db, article_id)
    assert stored is not None and stored.text == "The pier opens again."


def test_a_feed_cut_short_keeps_no_validators_so_the_next_fetch_reads_it_whole(
    db_path, feed_server, config_file, capsys
):
    # The cut document's ETag and Last-Modified were stored: the next fetch was conditional, the
    # server (its validator unchanged) answered 304, and the entries after the cut never came.
    stamp = {"Last-Modified": "Fri, 04 Dec 2026 16:00:00 GMT"}
    feed_server.route("/feed", body=cut_at("rss", b"<title>Pi"), etag='"v1"', headers=stamp)
    config = config_file({"Gazette": "/feed"})
    assert run(db_path, config, capsys, "fetch")[0] == 0
    feed_server.route("/feed", body=RSS, etag='"v1"', headers=stamp)

    code, out, _ = run(db_path, config, capsys, "fetch")

    assert code == 0, out
    _, asked = feed_server.requests[-1]
    assert not {"if-none-match", "if-modified-since"} & {k.lower() for k in asked}, asked
    assert titles(db_path, config, capsys) == ["Ferry returns", "Pier closes"]
    # read whole, it keeps them again: the third fetch is conditional and gets its 304
    assert run(db_path, config, capsys, "fetch")[0] == 0
    assert feed_server.requests[-1][1].get("If-None-Match") == '"v1"'


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_an_entry_whole_before_the_cut_reads_as_in_the_whole_document_wherever_the_cut_falls(name):
    # A cut document goes through feedparser, a whole one through lxml: the entry closed before
    # the cut must give the same content, or the next whole fetch would say it was updated
    # (round 29's "Ferry returns … 1 updated" came from a whole document with other links).
    doc = FORMATS[name][0]
    first = parse_feed(doc, "http://news.test/feed").articles[0]
    end = b"</entry>" if name == "atom" else b"</item>"
    closed = doc.index(end) + len(end)
    for cut in range(closed, len(doc)):
        kept = parse_feed(doc[:cut], "http://news.test/feed").articles[0]
        assert content_hash(kept) == content_hash(first), (cut, doc[cut - 12 : cut])


def test_a_feed_cut_short_then_read_whole_has_one_new_article_and_none_updated(
    db_path, feed_server, config_file, capsys
):
    feed_server.route("/feed", body=cut_at("rss", b"</title>"))
    config = config_file({"Gazette": "/feed"})
    assert run(db_path, config, capsys, "fetch")[0] == 0
    feed_server.route("/feed", body=RSS)

    code, out, _ = run(db_path, config, capsys, "fetch")

    assert (code, out.strip()) == (0, "1 of 1 source ok: 1 new article, 0 updated")
