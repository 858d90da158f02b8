"""Article pages become clean readable text with their links; stubs and non-HTML are turned away."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newstui.fulltext import (
    ExtractionPool,
    extract_page,
    extract_pages_in_pool,
    looks_like_html,
)
from newstui.fulltext.boilerplate import drop_boilerplate
from newstui.fulltext.metadata import clean_author
from newstui.fulltext.repair import repair_text

PAGES = Path(__file__).parent / "data" / "pages"
URL = "https://gazette.example.com/news/2024/harbour"
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def page_bytes(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.fixture(scope="module")
def article():
    page = extract_page(page_bytes("article.html"), URL)
    assert page is not None
    return page


def test_article_body_is_kept(article):
    assert "The town council of Porthaven voted on Tuesday" in article.text
    assert "hopes to sign contracts with builders before the summer." in article.text
    assert article.title == "Harbour town votes to rebuild its sea wall"
    assert article.author == "Maria Lopez"
    assert article.published is not None
    assert article.published.date() == date(2024, 3, 5)


@pytest.mark.parametrize(
    "furniture",
    [
        "Advertisement",
        "Buy cheap boats",
        "COMMENT-TEXT",
        "Share this article",
        "Sign up for our newsletter",
        "Related stories",
        "Copyright",
        "Weather",
        "SCRIPT-LEAK",
        "STYLE-LEAK",
        "tracking",
    ],
)
def test_page_furniture_scripts_and_styles_are_dropped(article, furniture):
    assert furniture not in article.text


def test_headline_and_byline_are_not_repeated_in_the_text(article):
    assert not article.text.startswith("Harbour town votes")
    assert "By Maria Lopez" not in article.text


def test_headings_list_items_and_quotes_are_their_own_blocks(article):
    blocks = article.text.split("\n\n")
    assert "## What the fishing crews say" in blocks  # (its <h2>, marked as html_to_text marks it)
    assert "• Safe moorings for thirty boats through the winter months" in blocks
    assert "• A working crane for unloading the catch on the quay" in blocks
    assert any(b.startswith("> We have waited long enough") for b in blocks)
    assert "\n\n\n" not in article.text
    assert article.text == article.text.strip()


def test_ordered_lists_are_numbered_and_nested_lists_marked():
    items = "".join(f"<li>Step {n}: {WORDS}</li>" for n in ("one", "two"))
    nested = f"<ul><li>Outer point. {WORDS}<ul><li>Inner point. {WORDS}</li></ul></li></ul>"
    page = extract_page(wrap(f"<p>{WORDS}</p><ol>{items}</ol><p>{WORDS}</p>{nested}"), URL)
    assert page is not None
    blocks = page.text.split("\n\n")
    assert any(b.startswith("1. Step one:") for b in blocks)
    assert any(b.startswith("2. Step two:") for b in blocks)
    assert any(b.startswith("• Outer point.") for b in blocks)
    assert any(b.startswith("◦ Inner point.") for b in blocks)


def test_images_are_listed_with_their_alt_text_and_captions_leave_the_text(article):
    images = [link for link in article.links if link.kind == "image"]
    assert [(i.text, i.url) for i in images] == [
        ("The broken harbour wall at low tide", "https://gazette.example.com/images/wall.jpg")
    ]
    assert "Gazette archive" not in article.text


def test_links_are_absolute_http_in_page_order_without_duplicates(article):
    links = [(link.text, link.url) for link in article.links if link.kind == "link"]
    assert links[:2] == [
        ("engineering report", "https://gazette.example.com/news/2024/plans/harbour-wall.pdf"),
        ("public meetings", "https://council.example.org/meetings"),
    ]
    urls = [link.url for link in article.links]
    assert len(urls) == len(set(urls))
    assert all(url.startswith(("https://", "http://")) for url in urls)


@pytest.mark.parametrize("scheme", ["javascript:", "data:", "file:", "mailto:"])
def test_unsafe_and_non_web_links_are_dropped(article, scheme):
    assert not any(scheme in link.url for link in article.links)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "",
            [
                "https://cdn.example.net/a",
                "https://gazette.example.com/news/up.html",
                "https://gazette.example.com/root",
                "https://gazette.example.com/news/2024/rel",
            ],
        ),
        (
            '<base href="https://mirror.example.org/dir/">',
            [
                "https://cdn.example.net/a",
                "https://mirror.example.org/up.html",
                "https://mirror.example.org/root",
                "https://mirror.example.org/dir/rel",
            ],
        ),
    ],
)
def test_relative_links_resolve_against_the_page_or_its_base(head, expected):
    links = '<a href="//cdn.example.net/a">a</a> <a href="../up.html">b</a> <a href="/root">c</a>'
    body = wrap(f'<p>{WORDS} {links} <a href="rel">d</a></p>').replace(
        b"<head>", f"<head>{head}".encode()
    )
    page = extract_page(body, URL)
    assert page is not None
    assert [link.url for link in page.links] == expected


def test_links_within_the_same_page_are_dropped():
    body = wrap(f'<p>{WORDS} <a href="#section-2">jump</a> <a href="{URL}#top">top</a></p>')
    page = extract_page(body, URL)
    assert page is not None
    assert page.links == ()


def test_furniture_lines_and_the_masthead_above_the_headline_are_dropped():
    blocks = [
        "Home",
        "Harbour town votes to rebuild its sea wall",
        "By Maria Lopez",
        "Updated: March 5, 2024, 10:30 GMT",
        "5 min read",
        WORDS,
        "Advertisement",
        "Published in 2019, the report found the wall unsafe.",
        "Share this article",
        "Copyright 2024 The Coastal Gazette. All rights reserved.",
    ]
    kept = drop_boilerplate(blocks, ("Harbour town votes to rebuild its sea wall",))
    assert kept == [WORDS, "Published in 2019, the report found the wall unsafe."]


def test_paywall_stub_has_no_article():
    assert extract_page(page_bytes("paywall.html"), URL) is None


@pytest.mark.parametrize(
    "body",
    [b"", b"<html></html>", b"<html><body><p>Too short.</p></body></html>", bytes(range(256))],
)
def test_empty_or_garbage_pages_have_no_article(body):
    assert extract_page(body, URL) is None


def test_control_characters_are_removed_and_the_text_kept():
    body = page_bytes("controls.html").replace(b"RAW-ESC", b"\x1b")
    page = extract_page(body, URL)
    assert page is not None
    assert "The forecast says the rain will clear by Saturday morning" in page.text
    assert "hides a colour change inside it" in page.text
    for field in (page.text, page.title, *(link.text for link in page.links)):
        assert not CONTROLS.search(field)
        assert "[31m" not in field
        assert "[2J" not in field
        assert "[1m" not in field


def test_a_single_escape_reference_does_not_empty_the_page():
    body = page_bytes("article.html").replace(b"voted on Tuesday", b"voted&#27; on Tuesday", 1)
    page = extract_page(body, URL)
    assert page is not None
    assert "voted on Tuesday" in page.text


def test_double_encoded_utf8_is_repaired():
    assert repair_text("mean to \xe2\x80\x9cdeclutter?\xe2\x80\x9d") == "mean to “declutter?”"
    assert repair_text("plain café text") == "plain café text"
    assert repair_text("stray \x9d control") == "stray  control"


def test_huge_page_returns():
    paragraphs = "".join(
        f"<p>Paragraph {i} of the harbour story, about boats, storms and council meeting {i}.</p>"
        for i in range(5000)
    )
    junk = "<script>" + "x = 1;" * 200_000 + "</script>" + "<div>" * 3000 + "</div>" * 3000
    page = extract_page(wrap(paragraphs + junk), URL)
    assert page is not None
    assert page.text.startswith("Paragraph 0 of the harbour story")


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        (
            "Authors Julie Weisenhorn; Natalie Hoidal; Extension horticulture educators",
            "Julie Weisenhorn, Natalie Hoidal",
        ),
        ("Share ; Author; Blogger", None),
        ("https://example.com/staff", None),
        ("Laura Kennedy July", "Laura Kennedy"),
        (None, None),
    ],
)
def test_author_keeps_names_and_drops_site_furniture(author, expected):
    assert clean_author(author) == expected


HTML = b"<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>"


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("text/html; charset=utf-8", HTML, True),
        ("TEXT/HTML", HTML, True),
        ("application/xhtml+xml", b'<?xml version="1.0"?><html xmlns="x"></html>', True),
        (None, HTML, True),
        (None, b"\xef\xbb\xbf  <html><body>x</body></html>", True),
        (None, "<html><body>x</body></html>".encode("utf-16"), True),
        ("application/octet-stream", b"<!-- page --><div>x</div>", True),
        ("text/html", b"%PDF-1.7\n%binary", False),
        ("text/html", b"\x89PNG\r\n\x1a\n\x00\x00", False),
        ("application/pdf", b"%PDF-1.7", False),
        ("image/jpeg", b"\xff\xd8\xff\xe0", False),
        ("application/json", b'{"html": "<p>"}', False),
        ("text/plain", b"<html>not really</html>", False),
        (None, b"Just some plain words.", False),
        (None, b'{"a": 1}', False),
        (None, b"", False),
        ("application/rss+xml", b"<rss version='2.0'></rss>", False),
    ],
)
def test_only_html_bodies_are_accepted(content_type, body, expected):
    assert looks_like_html(content_type, body) is expected


def test_pool_extracts_pages_in_order_and_survives_bad_ones():
    pages = [
        (page_bytes("article.html"), URL),
        (b"\x00\x01 not a page", URL),
        (page_bytes("paywall.html"), URL),
    ]
    results = extract_pages_in_pool(pages, max_workers=1)
    assert len(results) == 3
    assert results[0] is not None
    assert "Porthaven" in results[0].text
    assert results[1] is None
    assert results[2] is None


def test_pool_gives_up_on_a_page_over_its_time_limit():
    with ExtractionPool(max_workers=1, time_limit=0.001) as pool:
        assert pool.submit(page_bytes("article.html"), URL).result(timeout=60) is None


WORDS = (
    "The harbour council met again on Thursday evening to discuss the timetable for the repairs, "
    "and the engineers presented a revised plan that the fishing crews said they could accept."
)


def wrap(body: str) -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Harbour news</title></head><body><article>"
        f"{body}</article></body></html>"
    ).encode()


def test_a_code_block_keeps_its_lines_and_indentation_behind_a_gutter():
    code = "def main():\n    for i in range(3):\n\tprint(i)\n    return 0"
    page = extract_page(wrap(f"<p>{WORDS}</p><pre><code>{code}</code></pre><p>{WORDS}</p>"), URL)
    assert page is not None
    assert (
        "│ def main():\n│     for i in range(3):\n│     print(i)\n│     return 0"
        in page.text.split("\n\n")
    )
