"""A <blockquote> in a feed's HTML: each paragraph of its words after "> ", a level for each
quote it is in ("> > "), as mail quotes, and each of its lines after a <br> too; the reader draws
the marks on its wrapped lines too (a line the text does not mark is no quote's), and the NLP reads the quote as if they were not there."""

from __future__ import annotations

from newstui.nlp.extractor import get_extractor
from newstui.render import highlighted_body
from newstui.sources.html import html_to_text
from newstui.text import prose_only

QUOTED = (
    '<p>Mayor Jane Holt said on Monday:</p><blockquote><p>"We will not back down.<br>The city'
    ' deserves better."</p><p>Second paragraph.</p><blockquote>A quote in the quote.'
    "</blockquote><cite>Transit Plan 2027</cite></blockquote><p>After.</p>"
)


def test_a_blockquotes_paragraphs_begin_with_its_marks_one_a_level():
    text, _ = html_to_text(QUOTED)
    assert text == (
        "Mayor Jane Holt said on Monday:\n\n"
        '> "We will not back down.\u2028> The city deserves better."\n\n'
        "> Second paragraph.\n\n> > A quote in the quote.\n\n> Transit Plan 2027\n\nAfter."
    )


def test_the_nlp_reads_a_quoted_paragraph_as_any_other_and_finds_its_speaker_above_it():
    text, _ = html_to_text(QUOTED)
    read = prose_only(text)
    assert len(read) == len(text) and "> " not in read
    [quote] = get_extractor("rules").analyse(text, "en").quotes
    assert (" ".join(quote.text.split()), quote.speaker) == (
        "We will not back down. The city deserves better.",
        "Jane Holt",
    )


def test_the_reader_draws_the_marks_on_a_quotes_line_after_a_br():
    text, links = html_to_text(QUOTED)
    analysis = get_extractor("rules").analyse(text, "en")
    lines = highlighted_body(text, analysis, links=links, width=60).plain.split("\n")
    at = lines.index('> "We will not back down.')
    assert lines[at + 1] == '> The city deserves better." [—Jane Holt]'


def test_a_list_in_a_quote_keeps_its_bullets_and_a_link_its_marker():
    html = (
        '<blockquote><p>See <a href="https://e.example/r">the report</a>.</p>'
        "<ul><li>one</li><li>two</li></ul></blockquote>"
    )
    text, links = html_to_text(html)
    assert text == "> See the report.\n\n• one\n• two"
    assert links[0].offset == text.index(".")


def test_an_untitled_entry_opening_with_a_quote_is_titled_by_its_words():
    from newstui.sources.feeds import parse_feed

    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        "<guid>q1</guid><description>&lt;blockquote&gt;&lt;p&gt;We listened to riders."
        "&lt;/p&gt;&lt;/blockquote&gt;&lt;p&gt;More.&lt;/p&gt;</description></item>"
        "</channel></rss>"
    )
    [article] = parse_feed(body.encode(), "https://e.example/feed").articles
    assert article.title == "We listened to riders."
    assert article.text == "> We listened to riders.\n\nMore."


def test_a_quotes_line_after_a_br_is_stored_with_its_marks_and_read_by_the_nlp_as_spaces():
    text, _ = html_to_text(
        "<blockquote><blockquote>One<br>two</blockquote>three<br>four</blockquote>"
    )
    assert text == "> > One\u2028> > two\n\n> three\u2028> four"
    read = prose_only(text)
    assert len(read) == len(text) and ">" not in read


REPLY = "Ann wrote:\u2028> We ship Friday.\u2028I disagree, we are not ready."


def test_a_replys_own_words_under_a_marked_line_are_not_drawn_as_the_quote():
    # (a plain-text or <br>-separated mail-style reply: only the line with "> " is quoted)
    for text in (
        REPLY,
        REPLY.replace("\u2028", "\n"),
        html_to_text("<p>Ann wrote:<br>&gt; We ship Friday.<br>I disagree, we are not ready.</p>")[
            0
        ],
    ):
        analysis = get_extractor("rules").analyse(text, "en")
        lines = highlighted_body(text, analysis, width=60).plain.split("\n")
        assert lines == ["Ann wrote:", "> We ship Friday.", "I disagree, we are not ready."]


def test_a_quoted_line_keeps_its_marks_on_its_wrapped_lines():
    text = "> " + "word " * 30 + "end\n\nNot quoted " + "word " * 20
    analysis = get_extractor("rules").analyse(text, "en")
    body = highlighted_body(text, analysis, width=40)
    from newstui.body_layout import HANG

    hangs = [
        span.style.meta.get(HANG)
        for span in body.spans
        if span.style and not isinstance(span.style, str) and span.style.meta
    ]
    assert hangs == [2]
