"""Article HTML as real feeds send it (tests/rich_articles/), converted as a fetch converts it
and highlighted as the reader and `show` draw it: no block glued onto another, no marker
stranded on a line of its own, tables aligned (or each row its own lines when too wide), nested
lists indented, speakers still found, and what a feed sends as markup or escapes inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from newstui.nlp.extractor import get_extractor
from newstui.render import highlighted_body
from newstui.sources.html import html_to_text

ARTICLES = Path(__file__).parent / "rich_articles"
WIDTHS = (120, 80, 60)


def drawn(name: str, width: int | None = 80) -> Text:
    """The article's body as the reader draws it (before its wrap) at `width` columns."""
    text, links = html_to_text((ARTICLES / name).read_text(), "https://example.org/post")
    analysis = get_extractor("rules").analyse(text, "en")
    return highlighted_body(text, analysis, links=links, width=width)


def lines(name: str, width: int | None = 80) -> list[str]:
    return drawn(name, width).plain.split("\n")


def test_an_image_in_its_own_paragraph_after_a_quote_is_drawn_under_it_after_the_speaker():
    out = lines("usertest_r50.html")
    said = out.index(
        'The league published its season results on Monday. "It was our best year," said '
        "coach Maria Lopez. [—Maria Lopez]"
    )
    assert out[said + 1 : said + 4] == ["", "[image 1: League logo]", ""]


def test_a_linked_images_marker_keeps_its_links_number_on_its_line():
    out = lines("usertest_r50.html")
    at = out.index("[image 3: Full report][4]")
    assert out[at + 1] == "and another link[5]."


def test_the_user_tests_table_and_nested_list_read_aligned_and_indented():
    out = lines("usertest_r50.html")
    at = out.index("Team       | Points | Rank")
    assert out[at + 1 : at + 3] == ["Alice FC   | 71     | 1", "Bob United | 7      | 2"]
    at = out.index("• Second point")
    assert out[at + 1 : at + 3] == ["  ◦ Nested A", "  ◦ Nested B"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.html")))
def test_no_link_marker_starts_a_line_alone_and_no_image_is_glued_to_a_block(name, width):
    for line in lines(name, width):
        assert not line.startswith("[") or line.startswith("[image "), line
        if "[image " in line:
            assert line.startswith("[image ") or line.endswith("]") or " [image " in line, line


def test_a_wordpress_post_reads_with_its_caption_list_numbers_and_budget_table():
    out = lines("wordpress.html")
    assert "[image 2: Map of the new routes]" in out
    assert out[out.index("[image 2: Map of the new routes]") + 2] == (
        "The three new routes. (City of Springfield)"
    )
    assert "3. Route 3 runs every ten minutes." in out  # (<ol start="3">)
    at = out.index("Budget by year")
    assert out[at + 1 : at + 5] == [
        "Year  | Capital | Operating",
        "2027  | $14.2m  | $3.1m",
        "2028  | $9.8m   | $3.4m",
        "Total |         | $30.5m",  # (its colspan="2": the sum under its column)
    ]
    assert any(line.endswith("said Mayor Jane Holt. [—Jane Holt]") for line in out)
    at = out.index("> “We listened to riders,” the plan’s authors wrote. [—unknown speaker]")
    assert out[at + 2] == "> Transit Plan 2027, page 4"  # (the quote's <cite>, in it)
    assert "▶ Video: Council meeting, December 1[3]" in out


def test_a_quote_in_a_quote_is_marked_twice():
    out = lines("substack.html")
    assert "> Prices rose faster than at any time since 1982." in out
    assert any(line.startswith('> > Nested: "We did not see it coming,"') for line in out)


def test_a_table_wider_than_the_pane_is_drawn_a_row_at_a_time_under_its_column_names():
    out = lines("medium.html", 60)
    at = out.index("c1: alpha")
    assert out[at + 1 : at + 3] == ["c2: beta", "c3: gamma"]
    assert out[at + 11 : at + 15] == ["c12: mu", "", "c1: 1", "c2: 2"]
    assert not any(line.startswith("c1 ") for line in out)  # (its header line: in each row)
    aligned = [line for line in lines("medium.html", 120) if line.startswith("1 ")]
    assert aligned[0].startswith("1     | 2    | 3     | 4     | 5       |")


def test_substack_lists_three_deep_are_indented_by_depth():
    out = lines("substack.html")
    assert "  ◦ Nested wages" not in out
    assert "  ◦ Nominal wages" in out
    assert "    ▪ In the cities" in out
    assert "• Third, the outlook." in out


def test_code_keeps_its_spacing_and_markup_and_escapes_from_a_feed_stay_inert():
    ghost = lines("ghost.html")
    assert (
        '│     return f"Hello, {name}!"   # a long line that goes on and on past the width'
        " of a narrow pane, really" in ghost
    )
    medium = drawn("medium.html").plain
    assert "[bold] text with [red]markup[/red] that stays inert." in medium
    assert "\x1b" not in medium and "alert(1)" not in medium
    assert "\u202e" not in medium  # (a bidi override: stripped)


def wrapped(name: str, width: int) -> list[str]:
    """The article's body as the reader's lines at `width` columns (its wrap too)."""
    from rich.console import Console

    from newstui.body_wrap import wrapped_lines

    body = drawn(name, width)
    return [line.plain.rstrip() for line in wrapped_lines(body, width, Console(width=width)).lines]


def test_substacks_loose_lists_read_as_tight_ones():
    out = lines("substack.html")
    at = out.index("• First, the prices.")
    assert out[at + 1 : at + 7] == [
        "• Second, the wages.",
        "  ◦ Nominal wages",
        "    ▪ In the cities",
        "    ▪ In the country",
        "  ◦ Real wages",
        "• Third, the outlook.",
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_headings_stand_out_bold_with_a_rule_under_the_top_two(width):
    body = drawn("gaps_r52.html", width)
    out = body.plain.split("\n")
    assert out[:2] == ["# Harbour plan, explained", "─" * 25]
    at = out.index("## What changes")
    assert out[at + 1] == "─" * 15
    at = out.index("### The numbers")
    assert out[at + 1] == ""  # (no rule under a lower one: bold only)
    start = body.plain.index("What changes")
    styles = [str(span.style) for span in body.spans if span.start <= start < span.end]
    assert "bold" in styles  # (the words: bold, read without colour too)
    marks = body.plain.index("## What")
    assert any(span.start <= marks < span.end and str(span.style) == "dim" for span in body.spans)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_round_52_article_reads_well_at_each_width(width):
    out = wrapped("gaps_r52.html", width)
    # a loose list read tight
    at = out.index("• Ferries run every 20 minutes.")
    assert out[at + 1 : at + 3] == [
        "• Parking moves to the old depot.",
        "• Night buses stop at the pier.",
    ]
    # the colspan's sum under its column
    assert "Total |         | $17.3m" in out
    # code in a quote, marked as both
    at = out.index("> │ MOTION 14/2027")
    assert out[at + 1] == "> │     carried 7 - 2"
    assert (
        out[at - 2] == "> The clerk read the motion:"
        and out[at + 3] == "> No one spoke against it."
    )
    # struck prices, footnotes as carets, no link of the footnotes and no way back (↩)
    text = "\n".join(out)
    assert "~~$12~~ ~~$10~~ $8 now^1, said the" in " ".join(out)
    assert "live map^2." in text and "↩" not in text and "[1]" not in text.split("▶")[0]
    assert "1. Until the end of June." in out and "2. The map updates every minute." in out
    # an emoji where it stands, the gallery's images and a lazy image, lazy embeds named
    assert "We loved the first trip 🙂" in out
    assert "[image 1: The pier at dawn]" in out and "[image 2: The first ferry]" in out
    assert "[image 3: Route map]" in out
    assert "▶ Video: Council meeting, 1 December[4]" in out
    assert "▶ Video: pier opening day.mp4[5]" in out
    assert all(len(line) <= width for line in out), [line for line in out if len(line) > width]


@pytest.mark.parametrize("width", (80, 60))
def test_a_table_too_wide_is_drawn_a_row_at_a_time_each_cell_under_its_name(width):
    out = wrapped("gaps_r52.html", width)
    at = out.index("Route: F1")
    assert out[at + 1].startswith("Description of the route and its stops: From the old town")
    assert out[at + 2].startswith("  ")  # (its wrapped lines two columns in)
    rest = out[at + 2 :]
    assert rest[rest.index("Every: 20 min") + 1 : rest.index("Every: 20 min") + 4] == [
        "First boat: 06:10",
        "",
        "Route: F2",
    ]
    assert not any(line.startswith("Route |") for line in out)


def test_the_wide_table_fits_at_120_columns_and_is_aligned():
    out = wrapped("gaps_r52.html", 120)
    assert any(line.startswith("Route | Description of the route and its stops") for line in out)
    assert any(line.startswith("F2    | Along the coast to the beaches   ") for line in out)


def test_quotes_are_styled_on_their_words_and_tagged_after_headings_and_tables():
    text, links = html_to_text((ARTICLES / "gaps_r52.html").read_text(), "https://example.org/p")
    analysis = get_extractor("rules").analyse(text, "en")
    assert [q.speaker for q in analysis.quotes] == ["Jane Holt"]
    quote = analysis.quotes[0]
    assert text[quote.start : quote.end] == "We will open the new pier in May,"
    for width in WIDTHS:
        body = highlighted_body(text, analysis, links=links, width=width)
        italic = [body.plain[s.start : s.end] for s in body.spans if str(s.style) == "italic"]
        assert italic == ['"We will open the new pier in May,"']
        assert "said Mayor Jane Holt. [—Jane Holt]" in body.plain
    # (the heading's marks are no words: nobody named "#")
    assert all("#" not in m for e in analysis.entities for m in [e.name])
