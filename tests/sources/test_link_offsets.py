"""Links keep their place in the text (for the reader's [n] markers) without changing the text."""

from __future__ import annotations

import pickle
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newstui.model import Link
from newstui.sources.feeds import parse_feed
from newstui.sources.html import _fold_paragraphs, _placed_link, html_to_text
from newstui.text import clean_text

_PIECES = st.sampled_from(
    [
        "word",
        "Aleppo",
        " ",
        "  ",
        "\n",
        "\t",
        "\u00a0",
        ".",
        "“said”",
        "<p>",
        "</p>",
        "<br>",
        "<ul><li>",
        "</li><li>",
        "</li></ul>",
        "<b>",
        "</b>",
        '<a href="https://e.example/{n}">',
        "</a>",
        '<img src="https://e.example/i{n}.png" alt="pic">',
        "<img src='https://e.example/same.png'>",
        "&nbsp;",
        "<div>",
        "</div>",
        "•",
        "<hr>",
        "<ol><li>",
        "<dl><dt>",
        "<pre>a\n  b</pre>",
        "<figure>",
        "<figcaption>",
        "</figure>",
        "<sup>1</sup>",
    ]
)


def _numbered(pieces: list[str]) -> str:
    """The pieces as one document; a link opened inside another closes that one first.

    Links cannot nest in HTML, and how a parser recovers from nested ones depends on what stands
    between them, so a `<span>` put in a link's place would not always stand where it did.
    """
    out, open_link = [], False
    for i, piece in enumerate(pieces):
        if piece.startswith("<a href="):
            out.append("</a>" if open_link else "")
            open_link = True
        elif piece == "</a>":
            open_link = False
        out.append(piece.replace("{n}", str(i)))
    return "".join(out)


def _without_links(html: str) -> str:
    """The same document with its links turned into plain spans and its images gone."""
    html = re.sub(r"<a href=[^>]*>", "<span>", html).replace("</a>", "</span>")
    return re.sub(r"<img [^>]*>", "", html)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map(_numbered))
@example('<a href="https://e.example/0">word<ul><li> ')
@example('<a href="https://e.example/0">word<ul><li><img src="https://e.example/i.png" alt="p">')
@example('<ul><li><a href="https://e.example/0"></a></li><li><a href="https://e.example/1"></a>')
def test_placing_links_never_changes_the_text(html: str) -> None:
    text, links = html_to_text(html)
    assert text == html_to_text(_without_links(html))[0]
    images = {link.offset for link in links if link.kind == "image"}
    for link in links:
        assert link.offset is not None and 0 <= link.offset <= len(text)
        if link.kind == "link" and link.text and link.offset not in images:
            # right after the link's words (after an image it holds, if any)
            assert text[: link.offset].endswith(link.text[-1])
        if link.offset and link.kind == "image":
            # after the words it stands beside, or at a line's start (a block's, a <br>'s)
            assert (
                text[link.offset - 1] in "\n\u2028"
                or not text[link.offset - 1].isspace()
                or text[: link.offset].endswith("| ")  # (a table cell's start)
            )
        elif link.offset and link.offset not in images:  # (a link around an image: with it)
            assert not text[link.offset - 1].isspace()


def test_a_link_ends_where_its_words_end_and_an_image_where_it_stood() -> None:
    text, links = html_to_text(
        '<p>Read <a href="https://e.example/r">the report </a>now.'
        ' <img src="https://e.example/i.png" alt="map"></p>'
        '<p><a href="https://e.example/r">again</a> and <a href="https://e.example/b">b</a>.</p>'
    )
    assert text == "Read the report now.\n\nagain and b."
    assert [(link.url[-1], text[: link.offset]) for link in links] == [
        ("r", "Read the report"),
        ("g", "Read the report now."),
        ("b", "Read the report now.\n\nagain and b"),
    ]  # a repeated URL is listed (and marked) once, at its first place


def test_feed_entries_store_their_links_places() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        b"<title>A</title><link>https://e.example/a</link><description>"
        b"&lt;p&gt;See &lt;a href=&quot;https://e.example/src&quot;&gt;the source&lt;/a&gt;"
        b" for more.&lt;/p&gt;</description></item></channel></rss>"
    )
    [article] = parse_feed(body, "https://e.example/feed").articles
    [link] = article.links
    assert article.text[: link.offset] == "See the source"


def test_a_placed_link_is_the_link_its_constructor_makes() -> None:
    made = _placed_link("the source", "https://e.example/src", "image", 14)
    built = Link("the source", "https://e.example/src", "image", offset=14)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert vars(made) == vars(built)  # every field, a new one too (then mirror it there)
    assert pickle.loads(pickle.dumps(made)) == built


_TEXT_PIECES = st.sampled_from(
    ["word", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u3000", "\x0b", "•", "• ", "\ue0f0"]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TEXT_PIECES, max_size=30).map("".join))
@example("a\n• b")
@example(" a \n\n b ")
def test_folded_paragraphs_said_to_be_trimmed_have_no_line_with_white_space_at_an_end(
    text: str,
) -> None:
    folded, trimmed = _fold_paragraphs(text)
    if trimmed:
        assert all(line == line.strip() for line in folded.split("\n"))
    assert clean_text(folded, trimmed=trimmed) == clean_text(folded)
