"""Local files become articles: plain text titles, Markdown, HTML, feed files and folders."""

from pathlib import Path

import pytest

from newstui.errors import SourceError
from newstui.sources import files
from newstui.sources.files import iter_files, plain_paragraphs, read_file, split_title


def test_seed_article_imports_with_its_full_text_intact(seed_article):
    [article] = read_file(seed_article, "file:seed")
    original = seed_article.read_text("utf-8")
    assert article.text == "\n\n".join(
        line.strip() for line in original.splitlines() if line.strip()
    )
    assert "“The large numbers of terrorists" in article.text
    assert "as soon as possible.”" in article.text
    assert article.title.startswith("Syrian military confirmed on Saturday")
    assert article.title.endswith("…") and len(article.title) <= 101
    assert article.text.startswith(article.title[:-1])


def test_short_first_line_is_the_headline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Harbour reopens after storm\n\nThe harbour reopened.\nBoats returned.\n")
    [article] = read_file(path, "x")
    assert article.title == "Harbour reopens after storm"
    assert article.text == "The harbour reopened. Boats returned."


def test_first_line_that_is_a_sentence_is_not_a_headline():
    title, body = split_title("The council met today.\n\nIt voted.")
    assert title == "The council met today."
    assert body.startswith("The council met today.")


def test_long_first_sentence_is_cut_at_a_word_boundary_near_100_characters():
    sentence = "word " * 40
    title, _ = split_title(sentence.strip() + ".")
    assert title.endswith("…")
    assert 90 <= len(title) <= 101
    assert not title[:-1].endswith(" ")


def test_lines_without_blank_lines_are_paragraphs():
    assert plain_paragraphs("a\nb\n") == "a\n\nb"


def test_markdown_heading_is_title_and_markup_becomes_text(tmp_path):
    path = tmp_path / "n.md"
    path.write_text(
        "# Big *news*\n\nSome **bold** text with [a link](https://l.example/x).\n\n- one\n- two\n"
    )
    [article] = read_file(path, "x")
    assert article.title == "Big *news*"
    assert "Some bold text with a link." in article.text
    assert "• one" in article.text
    assert article.links[0].url == "https://l.example/x"


def test_html_file_uses_its_title_and_drops_scripts(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(
        "<html><head><title>Page title</title><script>var x=1</script></head>"
        "<body><p>First.</p><p>Second &amp; last.</p></body></html>"
    )
    [article] = read_file(path, "x")
    assert article.title == "Page title"
    assert article.text == "First.\n\nSecond & last."


def test_saved_feed_file_gives_each_entry(tmp_path):
    data = Path(__file__).parents[1] / "data" / "feeds" / "rss2.xml"
    articles = read_file(data, "file:rss2.xml")
    assert [a.title for a in articles][:2] == [
        "Harbour reopens after storm",
        "Council approves budget",
    ]
    assert all(a.guid.startswith("file:rss2.xml#") for a in articles)


def test_binary_and_unreadable_files_are_clear_errors(tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(SourceError, match="binary"):
        read_file(path, "x")
    with pytest.raises(SourceError, match="cannot read"):
        read_file(tmp_path / "missing.txt", "x")


def test_a_file_over_the_local_limit_is_refused_naming_the_setting_that_raises_it(
    tmp_path, monkeypatch
):
    """User test r46 M5: a 42 MB feed file was refused at a fixed 10 MB, naming no way round."""
    monkeypatch.setattr(files, "LOCAL_FILE_BYTES", 1_000)
    path = tmp_path / "big.txt"
    path.write_text("Headline\n\n" + "word " * 400)
    with pytest.raises(SourceError) as refused:
        read_file(path, "x")
    assert str(refused.value) == (
        f"{path}: file larger than 1,000 bytes (2,010; the limit is max_bytes in [settings], "
        "at least 1,000 for local files)"
    )
    assert read_file(path, "x", max_bytes=5_000)[0].title == "Headline"


def test_folders_are_walked_recursively_skipping_hidden_and_unknown_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.txt", "sub/b.md", "sub/c.html", ".git/d.txt", "e.png", "f.json"):
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)]
    assert found == ["a.txt", "f.json", "sub/b.md", "sub/c.html"]


def test_empty_files_are_reported_not_imported(tmp_path):
    (tmp_path / "empty.md").write_text("  \n")
    with pytest.raises(SourceError, match="empty file"):
        read_file(tmp_path / "empty.md", "x")


def test_utf16_text_with_a_byte_order_mark_is_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Headline here\n\nBody text.".encode("utf-16"))
    [article] = read_file(path, "x")
    assert (article.title, article.text) == ("Headline here", "Body text.")


def test_links_out_of_an_imported_folder_are_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "inside.txt").write_text("fine")
    (folder / "link.txt").symlink_to(outside)
    (folder / "inner-link.txt").symlink_to(folder / "inside.txt")
    assert [p.name for p in iter_files(folder)] == ["inner-link.txt", "inside.txt"]


def test_a_relative_path_to_a_feed_file_imports(tmp_path, monkeypatch):
    data = Path(__file__).parents[1] / "data" / "feeds" / "rss2.xml"
    (tmp_path / "saved.xml").write_bytes(data.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert len(read_file(Path("saved.xml"), "x")) == 3


def test_newsboat_s_urls_file_is_refused_with_the_command_that_reads_it(tmp_path):
    """`newstui import ~/.newsboat/urls` stored one article of its lines, and no feed (user test
    r33 M8): a file that only lists feed addresses says `opml import` adds them."""
    urls = tmp_path / "urls"
    urls.write_text(
        '# my feeds\nhttps://example.org/feed.xml "news" "~Example"\n\n'
        'http://127.0.0.1:8711/wiki.xml\n"query:Unread:unread = \\"yes\\""\n',
        encoding="utf-8",
    )
    with pytest.raises(SourceError) as refused:
        read_file(urls, "x")
    assert str(refused.value) == (
        f"{urls}: newsboat's urls file (a list of feed addresses), not articles: "
        "`newstui opml import FILE` adds the feeds it lists"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("feeds.txt", 'https://example.org/feed.xml "news"\n'),  # a newsboat tag
        ("my-urls", 'https://example.org/feed.xml\n"query:Unread:unread = \\"yes\\""\n'),
        ("urls", "https://example.org/feed.xml\n"),  # newsboat's file name
    ],
)
def test_newsboat_s_urls_file_is_known_by_its_name_or_its_tags(tmp_path, name, text):
    urls = tmp_path / name
    urls.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match="newsboat's urls file"):
        read_file(urls, "x")


def test_a_reading_list_of_links_is_still_a_text_to_read(tmp_path):
    """A bookmarks file of bare links, not named urls, was refused as newsboat's (review r33 F8)."""
    links = tmp_path / "to-read.txt"
    links.write_text("https://example.org/a-long-read\nhttps://example.org/another\n", "utf-8")
    assert len(read_file(links, "x")) == 1


def test_a_text_that_names_an_address_among_its_words_is_still_an_article(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Feeds to try\n\nhttps://example.org/feed.xml is the one I read.\n")
    assert read_file(note, "x")[0].title == "Feeds to try"


def test_newsboat_s_cache_is_refused_with_the_command_that_reads_it(tmp_path):
    from tests.newsboat_cache import Item, write_cache

    cache = write_cache(
        tmp_path / "cache.db",
        {"https://example.org/feed.xml": "Example"},
        [Item("https://example.org/feed.xml", "g1", "https://example.org/1")],
    )
    with pytest.raises(SourceError) as refused:
        read_file(cache, "x")
    assert str(refused.value).startswith(f"{cache}: newsboat's cache, not articles: ")
    assert "`newstui opml import`" in str(refused.value)


@pytest.mark.parametrize(
    ("name", "text"),
    [  # user test r48 M2: one such line made the whole file a text, stored as an article
        ("urls", "http://a.example/f.xml news\nfile:///tmp/x.xml local\n"),
        ("urls", "http://a.example/f.xml\nfeed://b.example/rss\n"),
        ("urls", "http://a.example/f.xml\nwww.example.org/x.xml\n"),
        ("urls.bak", "http://a.example/f.xml news world\nhttp://b.example/f.xml tech\n"),
        ("feeds", 'http://a.example/f.xml news\nhttp://b.example/f.xml ! "~Quiet one"\n'),
    ],
)
def test_newsboat_s_urls_file_is_refused_whatever_lines_it_holds(tmp_path, name, text):
    urls = tmp_path / name
    urls.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match=r"newsboat's urls file .*`newstui opml import FILE`"):
        read_file(urls, "x")


def test_newsboat_s_config_is_refused_naming_the_urls_file_beside_it(tmp_path):
    """`newstui import ~/.newsboat/config` stored newsboat's config as an unread article (user
    test r48 M3)."""
    (tmp_path / "urls").write_text("http://a.example/f.xml\n", "utf-8")
    config = tmp_path / "config"
    config.write_text(
        '# my newsboat config\nauto-reload yes\nreload-time 60\nbrowser "w3m %u"\n'
        "bind-key j down\ncolor background white black\n"
        'ignore-article "*" "title =~ \\"Sponsored\\""\n',
        "utf-8",
    )
    with pytest.raises(SourceError) as refused:
        read_file(config, "x")
    said = str(refused.value)
    assert said.startswith(f"{config}: newsboat's config, not articles: `newstui opml import ")
    assert f"{tmp_path / 'urls'}`" in said and "\n" not in said


@pytest.mark.parametrize(
    "text",
    [
        "browser wars\n\nThe browser wars of the nineties were fought over markup.\n",
        "Reading list\nhttps://example.org/a\nhttps://example.org/b\n",
        "color\n",
    ],
)
def test_a_note_with_a_newsboat_word_in_it_is_still_an_article(tmp_path, text):
    note = tmp_path / "note.txt"
    note.write_text(text, "utf-8")
    assert len(read_file(note, "x")) == 1
