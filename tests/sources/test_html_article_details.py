"""What real feeds' article HTML holds beyond paragraphs, converted as a fetch converts it
(html_to_text): headings marked as Markdown marks them, loose lists read tight, a colspan's
columns kept, code in a quote marked as both, media names readable, lazily loaded embeds and
images found, emoji pictures as the emoji, footnotes without links to their own page, and
struck words marked; everything a feed sends stays text."""

from __future__ import annotations

import pytest

from newstui.sources.html import html_to_text
from newstui.text import clean_text, prose_only


def text_of(html: str) -> str:
    return html_to_text(html, "https://example.org/feed.xml")[0]


def test_headings_begin_with_a_mark_a_level():
    html = "<h1>One</h1><p>a</p><h2>Two</h2><h3>Three</h3><h6>Six</h6><p>b</p>"
    assert text_of(html) == "# One\n\na\n\n## Two\n\n### Three\n\n###### Six\n\nb"


def test_a_heading_in_a_quote_is_marked_after_the_quotes_marks_and_none_in_a_list_or_cell():
    assert text_of("<blockquote><h3>Said</h3><p>x</p></blockquote>") == "> ### Said\n\n> x"
    assert text_of("<ul><li><h3>Item</h3></li></ul>") == "• Item"
    table = "<table><tr><td><h4>A</h4></td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>"
    assert "#" not in text_of(table)
    assert text_of("<h2> </h2><p>x</p>") == "x"  # (an empty heading: no marks alone)


def test_a_heading_with_a_link_and_a_line_break_keeps_both():
    text, links = html_to_text('<h2><a href="https://a.org/x">Linked</a> head<br>two</h2>')
    assert text == "## Linked head\u2028two"
    assert links[0].offset == len("## Linked")


def test_a_loose_list_reads_tight_unless_an_item_holds_two_paragraphs():
    tight = "<ul><li><p>one</p></li><li><p>two</p></li><li><p>three</p></li></ul><p>After.</p>"
    assert text_of(tight) == "• one\n• two\n• three\n\nAfter."
    loose = "<ul><li><p>one</p></li><li><p>two</p><p>more of two</p></li></ul>"
    assert text_of(loose) == "• one\n\n• two\n\nmore of two"
    numbered = "<ol><li><p>first</p></li><li><div><p>second</p></div></li></ol>"
    assert text_of(numbered) == "1. first\n2. second"


def test_a_loose_items_nested_list_and_code_stay_on_its_lines():
    html = (
        "<ul><li><p>Wages</p><ul><li><p>Nominal</p></li><li><p>Real</p></li></ul></li>"
        "<li><p>Code</p><pre>x = 1</pre></li></ul>"
    )
    assert text_of(html) == "• Wages\n◦ Nominal\n◦ Real\n• Code\n│ x = 1"


def test_links_in_a_loose_list_keep_their_places():
    html = (
        '<ul><li><p><a href="https://a.org/1">one</a></p></li>'
        '<li><p>two <a href="https://a.org/2">link</a></p></li></ul>'
    )
    text, links = html_to_text(html)
    assert text == "• one\n• two link"
    assert [text[: link.offset].rsplit(" ", 1)[-1] for link in links] == ["one", "link"]


def test_a_cell_spanning_columns_is_followed_by_empty_cells_so_its_row_lines_up():
    html = (
        "<table><tr><th>Year</th><th>Capital</th><th>Operating</th></tr>"
        "<tr><td colspan='2'>Total</td><td>$30.5m</td></tr>"
        "<tr><td colspan='x'>Odd</td><td>1</td></tr></table>"
    )
    assert text_of(html) == "Year | Capital | Operating\nTotal | | $30.5m\nOdd | 1"


def test_code_in_a_quote_has_the_quotes_marks_before_its_gutter_and_keeps_its_spacing():
    html = "<blockquote><p>He wrote:</p><pre>def f():\n\treturn  1</pre></blockquote>"
    text = text_of(html)
    assert text == "> He wrote:\n\n> │ def f():\n> │     return  1"
    assert clean_text(text) == text
    deeper = text_of("<blockquote><blockquote><pre>a  b</pre></blockquote></blockquote>")
    assert deeper == "> > │ a  b"


def test_the_nlp_reads_no_quoted_code_and_no_heading_marks():
    text = text_of('<h2>Holt said</h2><blockquote><pre>say("hi")</pre></blockquote>')
    read = prose_only(text)
    assert len(read) == len(text)
    assert read.split("\n") == ["   Holt said", "", " " * len('> │ say("hi")')]


def test_a_media_files_name_is_read_with_its_escapes_decoded_and_its_link_kept():
    html = (
        "<video src='https://cdn.example.org/my%20clip%2Bfinal.mp4'></video>"
        "<audio><source src='https://cdn.example.org/ep%C3%A9%2012%1b%5B31m.mp3'></audio>"
    )
    text, links = html_to_text(html)
    assert text == "▶ Video: my clip+final.mp4\n\n▶ Audio: epé 12.mp3"  # (an escape: gone)
    assert [link.url for link in links] == [
        "https://cdn.example.org/my%20clip%2Bfinal.mp4",
        "https://cdn.example.org/ep%C3%A9%2012%1b%5B31m.mp3",
    ]


@pytest.mark.parametrize(
    "attributes",
    [
        "src='about:blank' data-src='https://www.youtube.com/embed/dQw4w9WgXcQ' loading='lazy'",
        "data-lazy-src='https://www.youtube.com/embed/dQw4w9WgXcQ'",
        "src='' data-src='https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'",
    ],
)
def test_a_lazily_loaded_embed_is_named_with_its_real_link(attributes):
    text, links = html_to_text(f"<p>Watch:</p><iframe {attributes} title='Council'></iframe>")
    assert text == "Watch:\n\n▶ Video: Council"
    assert [link.url for link in links] == ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"]


def test_a_lazily_loaded_image_is_listed_with_its_real_address():
    html = (
        "<p>Map:</p><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' "
        "data-src='https://example.org/map.png' alt='Route map'>"
    )
    _, links = html_to_text(html)
    assert [(link.kind, link.text, link.url) for link in links] == [
        ("image", "Route map", "https://example.org/map.png")
    ]


def test_an_embed_with_only_a_placeholder_is_still_left_out():
    assert html_to_text("<p>x</p><iframe src='about:blank'></iframe>") == ("x", [])


def test_an_emoji_picture_is_its_emoji_among_the_words_not_an_image():
    html = (
        "<p>We loved it <img class='wp-smiley' alt='🙂' "
        "src='https://s.w.org/images/core/emoji/14.0.0/72x72/1f642.png'></p>"
        "<p>Next <img class='emoji' alt=':tada:' src='https://x.org/e/tada.png'> one.</p>"
        "<p>Icon <img src='https://x.org/star.png' width='16' height='16' alt='★'></p>"
        "<p>File <img src='https://x.org/pdf.png' width='16' height='16' alt='PDF'></p>"
    )
    text, links = html_to_text(html)
    assert text == "We loved it 🙂\n\nNext :tada: one.\n\nIcon ★\n\nFile"
    assert [(link.kind, link.text) for link in links] == [("image", "PDF")]  # (words: a picture)


def test_a_picture_whose_address_says_emoji_but_whose_alt_is_a_caption_stays_a_picture():
    html = "<p>Film <img src='https://x.org/emoji-movie.jpg' alt='The Emoji Movie poster'></p>"
    text, links = html_to_text(html)
    assert text == "Film" and [link.text for link in links] == ["The Emoji Movie poster"]
    wordpress = (
        "<p>Hi <img src='https://s.w.org/images/core/emoji/15/72x72/1f44b.png' alt='👋'></p>"
    )
    assert html_to_text(wordpress) == ("Hi 👋", [])


def test_an_emoji_pictures_alt_text_is_cleaned_as_text():
    text, links = html_to_text(
        "<p>Hi <img class='emoji' alt='&#27;]0;owned&#7;🙂' src='https://x.org/e.png'></p>"
    )
    assert text == "Hi 🙂" and links == []


def test_footnote_marks_are_carets_and_their_links_to_the_same_page_are_not_listed():
    html = (
        '<p>Claim<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> and'
        ' more<sup><a href="https://x.substack.com/p/post#footnote-2">2</a></sup>.</p>'
        '<ol><li id="fn1"><p>A source. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li></ol>'
        '<div class="footnote"><a class="footnote-number" href="https://x.substack.com/p/post'
        '#footnote-anchor-2">2</a><div class="footnote-content"><p>Another.</p></div></div>'
    )
    text, links = html_to_text(html)
    assert text == "Claim^1 and more^2.\n\n1. A source.\n\n2. Another."
    assert links == []


def test_a_bracketed_superscript_around_a_real_link_keeps_the_link():
    text, links = html_to_text('<p>Claim<sup><a href="https://a.org/src">[1]</a></sup>.</p>')
    assert text == "Claim[1]." and [link.url for link in links] == ["https://a.org/src"]


def test_struck_words_are_marked_and_inserted_ones_stay_plain():
    html = (
        "<p>Was <s>$12</s> <del>$10</del> <strike>$9</strike> <ins>$8</ins>.</p>"
        "<p>Empty <del> </del>here.</p><blockquote><p><del>Old</del> new.</p></blockquote>"
    )
    assert text_of(html) == "Was ~~$12~~ ~~$10~~ ~~$9~~ $8.\n\nEmpty here.\n\n> ~~Old~~ new."


def test_abbreviations_keys_and_marked_words_read_as_their_words():
    html = "<p>The <abbr title='World Health Organization'>WHO</abbr>: press <kbd>Ctrl</kbd>+<kbd>C</kbd>, <mark>now</mark>.</p>"
    assert text_of(html) == "The WHO: press Ctrl+C, now."


def test_markup_and_escapes_in_headings_stay_inert():
    text = text_of("<h2>[bold]Loud[/bold] &#27;[2J&#27;]0;title&#7;news</h2><p>x</p>")
    assert text == "## [bold]Loud[/bold] news\n\nx"


def test_an_untitled_entry_opening_with_a_heading_is_titled_by_its_words():
    from newstui.sources.feeds import parse_feed

    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        "<guid>h1</guid><description>&lt;h2&gt;Pier opens in May&lt;/h2&gt;&lt;p&gt;More."
        "&lt;/p&gt;</description></item></channel></rss>"
    )
    [article] = parse_feed(body.encode(), "https://e.example/feed").articles
    assert article.title == "Pier opens in May"
    assert article.text == "## Pier opens in May\n\nMore."
