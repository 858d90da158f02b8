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
        "Total | $30.5m",
    ]
    assert any(line.endswith("said Mayor Jane Holt. [—Jane Holt]") for line in out)
    at = out.index("> “We listened to riders,” the plan’s authors wrote. [—unknown speaker]")
    assert out[at + 2] == "> Transit Plan 2027, page 4"  # (the quote's <cite>, in it)
    assert "▶ Video: Council meeting, December 1[3]" in out


def test_a_quote_in_a_quote_is_marked_twice():
    out = lines("substack.html")
    assert "> Prices rose faster than at any time since 1982." in out
    assert any(line.startswith('> > Nested: "We did not see it coming,"') for line in out)


def test_a_table_wider_than_the_pane_is_aligned_only_where_it_fits():
    wide = [line for line in lines("medium.html", 60) if line.startswith("alpha")]
    assert wide == [
        "alpha | beta | gamma | delta | epsilon | zeta | eta | theta | iota | kappa | lambda | mu"
    ]
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
