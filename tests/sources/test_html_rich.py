"""Rich feed HTML as a terminal reads it (user test r48 LOW-26): a <br> is a line break, an
image is marked where it stands, and figures, lists in lists, rules, definition lists and
footnotes read as they do in a browser."""

from __future__ import annotations

from newstui.nlp.rules import RulesExtractor
from newstui.render import highlighted_body
from newstui.sources.html import RULE_LINE, html_to_text
from newstui.text import LINE_BREAK, prose_only, terminal_safe

BASE = "https://e.example/post"


def test_a_br_is_a_line_break_and_several_one_blank_line() -> None:
    text, _ = html_to_text("<p>Caption text.<br>Line after a break.<br>\n  And one more.</p>")
    assert text == f"Caption text.{LINE_BREAK}Line after a break.{LINE_BREAK}And one more."
    assert terminal_safe(text) == "Caption text.\nLine after a break.\nAnd one more."
    text, _ = html_to_text("<p>one<br><br><br><br>two<br></p><p><br>three</p>")
    assert text == "one\n\ntwo\n\nthree"


def test_a_br_in_a_table_cell_keeps_its_row_one_line_and_in_a_pre_block_breaks_it() -> None:
    text, _ = html_to_text("<table><tr><td>Ann<br>Lee</td><td>5</td></tr></table>")
    assert text == "Ann Lee | 5"
    text, _ = html_to_text("<pre>a = 1<br>b = 2</pre>")
    assert text == "│ a = 1\n│ b = 2"


def test_the_nlp_reads_a_br_as_a_space_so_a_quote_it_cuts_is_found_whole() -> None:
    html = "<p>“We will win this,<br>we will,” Jane Smith said on Monday.</p>"
    text, _ = html_to_text(html)
    assert len(prose_only(text)) == len(text) and LINE_BREAK not in prose_only(text)
    analysis = RulesExtractor().analyse(text)
    [quote] = analysis.quotes
    assert text[quote.start : quote.end] == f"We will win this,{LINE_BREAK}we will,"
    assert quote.speaker == "Jane Smith"
    body = highlighted_body(text, analysis)
    assert body.plain == "“We will win this,\nwe will,” Jane Smith said on Monday. [—Jane Smith]"
    quoted = [body.plain[s.start : s.end] for s in body.spans if "italic" in str(s.style)]
    assert quoted == ["“We will win this,\nwe will,”"]  # (the highlight on its words still)


def test_an_image_is_marked_where_it_stands() -> None:
    html = (
        "<table><tr><td>Bob</td><td>7</td></tr></table>"
        '<p><img src="/c.png" alt="A chart of scores"> Caption text.</p>'
        '<p>With <img src="/s.png" alt="a smile"> inside.</p>'
        '<figure><img src="/f.png" alt="A figure"></figure><p>After it.</p>'
    )
    text, links = html_to_text(html, BASE)
    assert text == "Bob | 7\n\nCaption text.\n\nWith inside.\n\nAfter it."
    places = {link.text: link.offset for link in links}
    assert places["A chart of scores"] == text.index("Caption")  # not after "7"
    assert places["a smile"] == text.index(" inside")
    assert places["A figure"] == text.index("\nAfter")  # between the two paragraphs
    shown = highlighted_body(text, RulesExtractor().analyse(text), links=links).plain
    assert shown == (
        "Bob | 7\n\n[image 1: A chart of scores]\nCaption text.\n\n"
        "With [image 2: a smile] inside.\n\n[image 3: A figure]\n\nAfter it."
    )


def test_tracking_pixels_and_places_in_the_same_page_are_not_listed() -> None:
    html = (
        '<p>Claim<sup id="r1"><a href="#fn1">1</a></sup> made.'
        '<img src="https://t.example/p.gif" width="1" height="1"></p>'
        '<p><a href="https://e.example/big.jpg"><img src="/small.jpg" alt="The dam"></a></p>'
    )
    text, links = html_to_text(html, BASE)
    assert text == "Claim^1 made."
    assert [(link.text, link.url) for link in links] == [
        ("The dam", "https://e.example/small.jpg"),
        ("The dam", "https://e.example/big.jpg"),  # a link around an image: named by it
    ]


def test_superscript_numbers_follow_a_caret_and_other_superscripts_do_not() -> None:
    text, _ = html_to_text(
        "<p>E = mc<sup>2</sup>, 10<sup>-6</sup>, the 1<sup>st</sup> Brand<sup>®</sup></p>"
    )
    assert text == "E = mc^2, 10^-6, the 1st Brand®"


def test_a_list_item_whose_text_is_a_paragraph_keeps_it_on_its_bullets_line() -> None:
    text, _ = html_to_text(
        "<ul><li><p>one</p></li><li><p>two</p></li></ul><ol><li><p>a</p></li></ol>"
    )
    assert text == "• one\n• two\n\n1. a"  # (each item one paragraph: a tight list)


def test_lists_and_code_in_a_list_stay_on_its_lines() -> None:
    html = (
        "<ul><li>one<pre>code\n  indented</pre></li>"
        "<li>two<ul><li>inner</li><li>inner two</li></ul></li><li>three</li></ul>"
    )
    text, _ = html_to_text(html)
    assert text == "• one\n│ code\n│   indented\n• two\n◦ inner\n◦ inner two\n• three"
    # a numbered list in a numbered one keeps its blank lines: its "1." is not the outer's
    text, _ = html_to_text("<ol><li>first<ol><li>a</li><li>b</li></ol></li><li>second</li></ol>")
    assert text == "1. first\n\n1. a\n2. b\n\n2. second"


def test_a_rule_stands_between_paragraphs_only() -> None:
    text, _ = html_to_text("<hr><p>above</p><hr><hr><p>below</p><hr>")
    assert text == f"above\n\n{RULE_LINE}\n\nbelow"


def test_a_definition_goes_on_the_line_under_its_term() -> None:
    text, _ = html_to_text(
        "<dl><dt>Term</dt><dd>What it means.</dd><dt>Other</dt><dd>More.</dd></dl>"
    )
    assert text == "Term\nWhat it means.\n\nOther\nMore."


def test_details_show_their_summary_and_their_text() -> None:
    text, _ = html_to_text("<details><summary>More info</summary><p>Hidden text.</p></details>")
    assert text == "More info\n\nHidden text."


def test_control_sequences_stay_out_of_line_breaks_and_image_markers() -> None:
    html = '<p>a&#27;[2J<br>b</p><p><img src="/x.png" alt="evil\x1b]0;t\x07 alt"> c</p>'
    text, links = html_to_text(html, BASE)
    assert text == f"a{LINE_BREAK}b\n\nc"
    shown = highlighted_body(text, RulesExtractor().analyse(text), links=links).plain
    assert shown == "a\nb\n\n[image 1: evil alt]\nc"
