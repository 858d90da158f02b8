"""newsboat's urls file: feeds, their tags and titles, the lines newstui cannot follow."""

from __future__ import annotations

import shlex
import sqlite3
import time
from pathlib import Path

import pytest

from newstui.config import LocalConfig
from newstui.errors import SourceError
from newstui.sources.newsboat_urls import (
    looks_like_newsboat_urls,
    newsboat_filter_query,
    newsboat_syntax_hint,
    newsboat_titles,
    parse_newsboat_urls,
)

URLS = r"""# my feeds
https://world.example/rss "world news" tech "~The World"
https://tech.example/feed?x=1&y=2 tech Tech "!"

"query:Unread tech:unread = \"yes\" and tags # \"tech\""
exec:~/bin/weather.sh weather
filter:~/bin/clean.py:https://noisy.example/rss
https://world.example/rss again
https://plain.example/atom
"""


def test_feeds_keep_their_tags_and_names_and_special_lines_are_skipped():
    feeds, skipped = parse_newsboat_urls(
        URLS.encode(), "urls", {"https://plain.example/atom": "Plain"}
    )
    assert [(f.url, f.name, f.tags) for f in feeds] == [
        ("https://world.example/rss", "The World", ("world news", "tech", "again")),  # line 8's
        ("https://tech.example/feed?x=1&y=2", "https://tech.example/feed?x=1&y=2", ("tech",)),
        ("https://noisy.example/rss", "https://noisy.example/rss", ()),  # its filter not run
        ("https://plain.example/atom", "Plain", ()),
    ]
    assert [(s.line, s.reason.split()[1], s.view, s.kept) for s in skipped] == [
        (3, "hid", None, True),  # "!": newsboat hid it, newstui lists it: a warning
        (5, "query", ("Unread tech", 'unread tag:"tech"'), False),  # a view, not a feed
        (6, "exec:", None, False),
        (7, "filter:", None, False),
    ]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            b"# none of them is a feed\nnews.example/rss\ngopher://x\n",
            "urls:2: not a feed URL: 'news.example/rss'",
        ),
        (b"https://ok.example/rss\n\xff\n", "urls:2: not UTF-8 text (byte 0xff)"),
        (b"javascript:alert(1)\n", "urls:1: not a feed URL: 'javascript:alert(1)'"),
    ],
)
def test_a_file_of_which_no_line_is_a_feed_is_one_error_naming_the_file_and_line(body, problem):
    with pytest.raises(SourceError) as info:
        parse_newsboat_urls(body, "urls")
    assert str(info.value).startswith(problem)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("line", "feeds", "skipped"),
    [  # a line newstui cannot follow is skipped, the rest imported (user test r41 H1)
        ("news.example/rss", [], "'news.example/rss': not an absolute http(s) URL; did you mean"),
        ("gopher://x.example/", [], "'gopher://x.example/': not an http(s) feed URL (scheme"),
        ("me:s3cret@x.example/rss", [], "'me:***@x.example/rss': not an http(s) feed URL (scheme"),
        ('"http:/me:s3c ret@x.example/rss"', [], "'http:/me:***@x.example/rss': not an absol"),
        ("file://elsewhere.example/feed.xml", [], "'file://elsewhere.example/feed.xml': a local"),
        ("https://x.example:8O80/rss", [], "'https://x.example:8O80/rss': has a port that is no"),
        ("feed://pod.example/rss pods", [("http://pod.example/rss", ("pods",))], None),
        ("feed:https://pod.example/rss", [("https://pod.example/rss", ())], None),
        ('"file:///tmp/my%20feed.xml" tech "~Mine"', [], "the local feed file /tmp/my feed.xml"),
    ],
)
def test_a_line_newstui_cannot_follow_or_reads_otherwise_does_not_stop_the_import(
    line, feeds, skipped
):
    found, lines = parse_newsboat_urls(f"https://ok.example/rss\n{line}\n".encode(), "urls")
    assert [(f.url, f.tags) for f in found] == [("https://ok.example/rss", ()), *feeds]
    assert [(s.line, s.reason[: len(skipped)]) for s in lines] == (
        [(2, skipped)] if skipped else []
    )
    if "local feed file" in (skipped or ""):
        assert lines[0].local == LocalConfig(Path("/tmp/my feed.xml"), "Mine", ("tech",))


def test_control_characters_in_names_and_tags_are_dropped():
    feeds, _ = parse_newsboat_urls(b'https://a.example/rss "~Evil\x1b[31m" "t\x07ag"\n', "urls")
    assert (feeds[0].name, feeds[0].tags) == ("Evil", ("tag",))


def test_opml_is_told_apart_by_its_opening_bracket():
    assert not looks_like_newsboat_urls(b'\xef\xbb\xbf  <?xml version="1.0"?><opml/>')
    assert not looks_like_newsboat_urls('<?xml version="1.0"?><opml/>'.encode("utf-16"))
    assert looks_like_newsboat_urls(b"https://a.example/rss\n")


def test_exec_and_filter_lines_never_run_their_programs(tmp_path):
    from newstui.sources.opml import read_subscriptions

    ran = tmp_path / "ran"
    urls = tmp_path / "urls"
    urls.write_text(
        f'exec:touch {ran}\n"exec:touch {ran}" tag\nfilter:touch {ran}:https://a.example/rss\n'
        f"https://b.example/rss exec:touch {ran}\n"
        f'"filter:touch {ran}:https://c.example/rss"\n'  # its feed added, the script not run
    )
    feeds, skipped = read_subscriptions(urls)
    assert [(f.url, f.tags) for f in feeds] == [
        ("https://b.example/rss", ("exec:touch", str(ran))),
        ("https://c.example/rss", ()),
    ]
    assert [s.line for s in skipped if not s.remark] == [1, 2, 3, 5]
    assert not ran.exists()


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x1c", "\r"])
def test_a_line_ends_at_a_newline_alone_as_newsboat_reads_it(separator):
    body = f'https://a.example/rss "~Caf{separator}e" tag\nhttps://b.example/rss\n'.encode()
    feeds, _ = parse_newsboat_urls(body, "urls")
    assert [f.url for f in feeds] == ["https://a.example/rss", "https://b.example/rss"]
    assert feeds[0].name in ("Caf e", "Cafe") and feeds[0].tags == ("tag",)


def test_windows_line_ends_and_a_byte_order_mark_are_read():
    body = b'\xef\xbb\xbfhttps://a.example/rss "~A"\r\nhttps://b.example/rss\r\n'
    feeds, _ = parse_newsboat_urls(body, "urls")
    assert [(f.url, f.name) for f in feeds] == [
        ("https://a.example/rss", "A"),
        ("https://b.example/rss", "https://b.example/rss"),
    ]


def _cache(folder, make) -> dict[str, str]:
    """newsboat_titles of a urls file whose cache.db `make` wrote."""
    (folder / "urls").write_text("https://a.example/rss\n")
    make(folder / "cache.db")
    return newsboat_titles(folder / "urls")


def _rows(path, *rows, columns="rssurl, title"):
    conn = sqlite3.connect(path)
    conn.execute(f"CREATE TABLE rss_feed ({columns})")
    conn.executemany("INSERT INTO rss_feed VALUES (?, ?)", rows)
    conn.commit()
    conn.close()


def _corrupted(path):
    _rows(path, ("https://a.example/rss", "A"))
    body = bytearray(path.read_bytes())
    body[100:300] = b"\xff" * 200
    path.write_bytes(bytes(body))


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(b"not a database " * 100),
        lambda p: p.write_bytes(b""),
        _corrupted,
        lambda p: _rows(p, ("https://a.example/rss", "A"), columns="url, name"),
        lambda p: p.mkdir(),
    ],
    ids=["not sqlite", "empty", "corrupt", "another schema", "a folder"],
)
def test_a_cache_that_does_not_read_gives_no_titles_and_is_left_as_it_was(
    tmp_path, monkeypatch, make
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cache(tmp_path, make) == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.db", "urls"]


def test_cached_titles_are_clean_lines_whatever_their_column_holds(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    rows = [
        ("https://a.example/rss", b"Caf\xc3\xa9 \xff"),
        ("https://b.example/rss", 42),
        ("https://c.example/rss", "\x1b[31mRed\u202e\nline"),
        ("https://d.example/rss", None),
        ("https://e.example/rss", "<i>Markup</i> Feed &amp; [b]x[/b]"),  # user test r41 L8
        ("https://f.example/rss", "Q&A <3 Tips"),  # no markup: kept as written
    ]
    titles = _cache(tmp_path, lambda p: _rows(p, *rows, columns="rssurl, title"))
    assert titles == {
        "https://a.example/rss": "Café \ufffd",
        "https://b.example/rss": "42",
        "https://c.example/rss": "Red line",
        "https://e.example/rss": "Markup Feed & [b]x[/b]",
        "https://f.example/rss": "Q&A <3 Tips",
    }


def test_a_cache_newsboat_holds_locked_gives_no_titles_without_a_long_wait(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _rows(tmp_path / "cache.db", ("https://a.example/rss", "A"))
    writer = sqlite3.connect(tmp_path / "cache.db", isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    writer.execute("INSERT INTO rss_feed VALUES ('https://b.example/rss', 'B')")
    try:
        (tmp_path / "urls").write_text("https://a.example/rss\n")
        started = time.monotonic()
        assert newsboat_titles(tmp_path / "urls") == {}
        assert time.monotonic() - started < 3  # sqlite3's default wait is 5 s
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_data_folder_that_cannot_be_looked_at_gives_no_titles(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / ("x" * 5000)))  # a name too long
    (tmp_path / "urls").write_text("https://a.example/rss\n")
    (tmp_path / "cache.db").symlink_to(tmp_path / "cache.db")  # a loop
    assert newsboat_titles(tmp_path / "urls") == {}


def test_a_skipped_line_is_named_with_the_right_article():
    _, skipped = parse_newsboat_urls(
        b"exec:~/x.sh\nquery:Q:unread\nfilter:f:https://a/b\n", "urls", {}
    )
    assert [s.reason.split(":")[0] for s in skipped] == [
        "an exec",
        "the query feed 'Q' (unread)",  # no newsboat condition: shown, to write as a view
        "a filter",
    ]
    assert "write it as a [[views]] entry (README: Coming from newsboat)" in skipped[1].reason


def test_a_quoted_feed_url_with_a_space_is_kept_percent_encoded():
    # It was refused as "not a feed URL", and the whole import with it.
    body = b'"https://pod.example/my feed.xml" podcasts\nhttps://pod.example/my%20feed.xml\n'
    feeds, skipped = parse_newsboat_urls(
        body, "urls", {"https://pod.example/my feed.xml": "My Show"}
    )
    assert [(f.url, f.name, f.tags) for f in feeds] == [
        ("https://pod.example/my%20feed.xml", "My Show", ("podcasts",))
    ]
    assert skipped == []


@pytest.mark.parametrize(
    ("expression", "query"),
    [
        ('unread = "yes" and tags # "wire"', 'unread tag:"wire"'),
        ('unread = "no"', "NOT unread"),
        ('unread != "yes"', "NOT unread"),
        ('title =~ "tokyo"', 'title:"tokyo"'),
        ('content =~ "flood" or author =~ "Jane Roe"', 'text:"flood" OR author:"Jane Roe"'),
        (
            '(unread = "no" or tags # "s") and feedtitle = "Big Wire"',
            '(NOT unread OR tag:"s") feed:"Big Wire"',
        ),
        ('tags !# "junk" and age < 3', 'NOT tag:"junk" age:<3d'),
        ('feedurl =~ "example.org"', 'feed:"example.org"'),
        ('title =~ "^Breaking.*"', None),  # a regular expression
        ('flags # "r"', None),  # a flag: no meaning of its own (no star flag named)
        ('flags # "s"', None),
        ("pubDate between 1:3", None),
        ("unread", None),
        ('title =~ "—"', None),  # translated, but no query newstui can run (nothing to find)
        ('unread = "yes" and', None),
    ],
)
def test_newsboats_common_filters_become_newstui_queries(expression, query):
    assert newsboat_filter_query(expression) == query


@pytest.mark.parametrize(
    ("expression", "query"),
    [  # user test r48 L2: newsboat's =~ matches inside words; the view matched whole words
        ('title =~ "knif"', 'title:"knif*"'),
        ('content =~ "flood" or author =~ "Jane Roe"', 'text:"flood*" OR author:"Jane Roe*"'),
        ('title !~ "fire" and tags # "wire"', 'NOT title:"fire*" tag:"wire"'),
        ('feedtitle =~ "Wire"', 'feed:"Wire"'),
    ],
)
def test_an_import_matches_newsboat_s_text_filters_as_prefixes(expression, query):
    assert newsboat_filter_query(expression, prefix=True) == query


@pytest.mark.parametrize(
    ("expression", "star_flag", "query"),
    [
        ('flags # "s"', "s", "starred"),
        ('flags !# "s"', "s", "NOT starred"),
        (
            '(unread = "no" or flags # "s") and feedtitle = "Big Wire"',
            "s",
            '(NOT unread OR starred) feed:"Big Wire"',
        ),
        (
            '(unread = "no" or flags # "x") and feedtitle = "W"',
            "x",
            '(NOT unread OR starred) feed:"W"',
        ),
        ('flags # "s"', "x", None),  # "s" is not the flag newsboat's config stars by
        ('flags # "S"', "s", None),  # newsboat's flags are case-sensitive
        ('flags # "s"', None, None),
    ],
)
def test_a_flag_is_starred_only_when_newsboats_config_names_it_its_star_flag(
    expression, star_flag, query
):
    # r33 leftovers e: `flags # "s"` became `starred` whatever newsboat's config said, while
    # the read-state import stars an article only by the flag its `…-flag-star` names
    assert newsboat_filter_query(expression, star_flag) == query


def test_a_query_feed_on_a_flag_follows_the_star_flag_of_newsboats_config_beside_it(
    tmp_path, monkeypatch
):
    from newstui.sources.opml import read_subscriptions

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data"))
    urls = tmp_path / "urls"
    urls.write_text('"query:Flagged:flags # \\"s\\" and unread = \\"yes\\""\n', "utf-8")
    _, [skipped] = read_subscriptions(urls)
    assert skipped.view is None  # no star flag named: the flag means nothing of its own
    assert 'flags # "s"' in skipped.reason and "star" in skipped.reason, skipped.reason
    (tmp_path / "config").write_text('ttrss-flag-star "s"\n', "utf-8")
    _, [added] = read_subscriptions(urls)
    assert added.view == ("Flagged", "starred unread")


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ('"query:Starred:flags # \\"s\\""', "Starred"),
        ('"query:All Unread:unread = \\"yes\\""', "Unread"),
    ],
)
def test_a_query_feed_sources_has_a_row_for_is_not_added_again(tmp_path, monkeypatch, line, row):
    """newsboat's "Starred" query feed made a second "Starred" row in Sources (user test r36
    L1): a query feed whose query is the Starred or Unread row's is skipped, saying so."""
    from newstui.sources.opml import read_subscriptions

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data"))
    (tmp_path / "config").write_text('ttrss-flag-star "s"\n', "utf-8")
    urls = tmp_path / "urls"
    urls.write_text(line + "\n", "utf-8")
    _, [skipped] = read_subscriptions(urls)
    assert skipped.view is None
    assert f"not added as a view, Sources lists it already as {row}" in skipped.reason


def test_a_query_in_newsboat_syntax_or_with_lower_case_or_gets_a_hint():
    assert newsboat_syntax_hint('title =~ "tokyo"') == (
        'newsboat syntax: write title:"tokyo" instead (README: Coming from newsboat)'
    )
    assert "write OR between" in (newsboat_syntax_hint("Magnitogorsk or Koszalin") or "")
    assert newsboat_syntax_hint('flags # "r"') is not None
    assert newsboat_syntax_hint("floods OR storms") is None
    assert newsboat_syntax_hint('title:"war and peace"') is None


def test_a_feed_listed_twice_keeps_the_tags_of_both_lines():
    # user test r31 L3: the second line's tags were lost
    feeds, _ = parse_newsboat_urls(
        b'https://a.example/rss wire "~Wire"\nhttps://a.example/rss Wire world\n', "urls"
    )
    assert [(f.name, f.tags) for f in feeds] == [("Wire", ("wire", "world"))]


def test_a_feed_newsboat_hid_is_added_with_a_warning_naming_it():
    # user test r31 M4: "!" was dropped without a word, the feed listed where newsboat hid it
    feeds, notes = parse_newsboat_urls(b'https://junk.example/rss ! junk "~Junk"\n', "urls")
    assert [(f.name, f.tags) for f in feeds] == [("Junk", ("junk",))]
    assert [(n.line, n.kept) for n in notes] == [(1, True)]
    assert notes[0].reason.startswith("newsboat hid 'Junk' (its ! tag); newstui lists it")


class CountedUrl(str):
    """A URL string that counts how often it is compared with another."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        CountedUrl.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_a_long_file_listing_each_feed_twice_is_merged_by_lookup_not_by_search(monkeypatch):
    # review r31 L4: each repeated line searched the feeds so far (20,000 feeds twice: 4.7 s)
    import newstui.sources.newsboat_urls as newsboat_urls

    monkeypatch.setattr(newsboat_urls, "web_url", CountedUrl)
    lines = [
        f"https://example.org/f/{n}.xml a\nhttps://example.org/f/{n}.xml b" for n in range(400)
    ]
    CountedUrl.compared = 0
    feeds, _ = parse_newsboat_urls("\n".join(lines).encode(), "urls")
    assert [f.tags for f in feeds] == [("a", "b")] * 400
    assert CountedUrl.compared <= 4 * 400  # (a search: ~80,000)


def test_the_first_start_s_hint_quotes_a_urls_path_for_the_shell(
    tmp_path, monkeypatch, newsboat_home
):
    """The hint's path was quoted only for spaces, with '…' around it: a ' or $ in it gave a
    command that did not paste (review r33 F8)."""
    from newstui.sources.newsboat_urls import newsboat_urls_file

    assert newsboat_urls_file() == "~/.newsboat/urls"
    (newsboat_home / ".newsboat" / "urls").unlink()
    config_home = tmp_path / "it's $HOME"
    (config_home / "newsboat").mkdir(parents=True)
    (config_home / "newsboat" / "urls").write_text("https://example.org/feed.xml\n", "utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    assert shlex.split(newsboat_urls_file() or "") == [str(config_home / "newsboat" / "urls")]


def test_a_trailing_comment_on_a_feed_line_is_dropped_as_newsboat_drops_it():
    """User test r48 LOW-29: `URL tag # trailing comment` gave the tags tag, #, trailing and
    comment; newsboat drops a bare word starting with `#` and all after it. A `#` inside a
    word, a URL's fragment or quotes stays."""
    body = (
        "https://a.example/rss tag # trailing comment\n"
        'https://b.example/rss#top "#quoted" c#sharp #gone "~Name"\n'
        "https://c.example/rss #only-a-comment\n"
    )
    feeds, skipped = parse_newsboat_urls(body.encode(), "urls", {})
    assert [(f.url, f.name, f.tags) for f in feeds] == [
        ("https://a.example/rss", "https://a.example/rss", ("tag",)),
        ("https://b.example/rss#top", "https://b.example/rss#top", ("#quoted", "c#sharp")),
        ("https://c.example/rss", "https://c.example/rss", ()),
    ]
    assert not skipped


def test_tags_holding_a_slash_are_read_as_folders_inside_folders_and_said_once():
    """User test r50 MED-1: `"AC/DC Fans"` became DC Fans inside AC, unsaid. newsboat writes an
    OPML's nested folders as one tag joined by "/" (its opml.cpp), so a "/" is read as nesting,
    and one note says so and how to write a slash inside one folder's name."""
    body = (
        'https://a.example/rss "News/Europe" "AC/DC Fans" tech\n'
        'https://b.example/rss "news/europe" "Misc / Other" "AC∕DC Live"\n'
    )
    feeds, skipped = parse_newsboat_urls(body.encode(), "urls", {})
    assert [f.tags for f in feeds] == [
        ("News/Europe", "AC/DC Fans", "tech"),
        ("news/europe", "Misc / Other", "AC∕DC Live"),  # (spaced, or U+2215: one folder)
    ]
    [note] = skipped
    assert (note.line, note.note, note.remark) == (None, True, True)
    assert note.reason == (
        "2 tags with a / read as folders inside folders, as newsboat's OPML import writes them: "
        "News/Europe (Europe inside News) and AC/DC Fans (DC Fans inside AC); a slash inside "
        'one folder\'s name is written ∕ (U+2215) in feeds.toml: tags = ["News∕Europe"]'
    )
    feeds, skipped = parse_newsboat_urls(b'https://a.example/rss "Misc / Other" a\n', "urls")
    assert skipped == []  # no tag read as nested: nothing to say


def test_a_filter_feed_is_added_without_its_filter_and_an_exec_feed_names_the_way_on():
    """User test r52 LOW-3: a `filter:` line was skipped whole though its feed was right there,
    and an `exec:` line's warning named no way on."""
    feeds, skipped = parse_newsboat_urls(
        b'filter:~/bin/clean.sh:https://culture.example/rss arts "~Culture"\n'
        b"exec:~/bin/headlines.sh\n"
        b"filter:~/bin/clean.sh:gopher://x.example/\n",
        "urls",
        {"filter:~/bin/clean.sh:https://culture.example/rss": "Culture Desk"},
    )
    assert [(f.url, f.name, f.tags) for f in feeds] == [
        ("https://culture.example/rss", "Culture", ("arts",))
    ]
    assert [(s.line, s.note) for s in skipped] == [(1, True), (2, False), (3, False)]
    assert skipped[0].reason == (
        "a filter: feed: https://culture.example/rss added without its filter: newstui does not "
        "run the script '~/bin/clean.sh', and reads the feed as its server sends it"
    )
    assert "a cron line writing the script's output to a file and a [[local]] entry" in (
        skipped[1].reason
    )
    assert skipped[2].reason == "a filter: feed, which newstui cannot read"


def test_newsboats_config_given_for_its_urls_file_is_named_with_the_file_to_import(tmp_path):
    """User test r52 LOW-14: `I` on ~/.newsboat/config (a Tab slip from urls) said
    "config:2: not a feed URL: 'auto-reload'"."""
    from newstui.sources.opml import read_subscriptions

    (tmp_path / "urls").write_text("https://a.example/rss\n", "utf-8")
    config = tmp_path / "config"
    config.write_text('# mine\nauto-reload yes\nbrowser "w3m %u"\nbind-key j down\n', "utf-8")
    with pytest.raises(SourceError) as info:
        read_subscriptions(config)
    assert str(info.value) == (
        f"{config}: newsboat's config, not a list of feeds: import {tmp_path / 'urls'} (its "
        "config beside it is read with it: settings, keys, ignore-article rules)"
    )
