"""An article body laid out as a terminal reader draws it (body_layout.laid_out): table columns
aligned or each too-wide row on indented lines of its own, nested list items indented, and the
hanging indents the reader's wrap keeps; nothing of the stored text moves or goes."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from newstui.body_layout import HANG, HANG_DRAWN, HANG_HEAD, laid_out

TABLE = "Scores:\nTeam | Points | Rank\nAlice FC | 71 | 1\nBob United | 7 | 2\n\nAfter."


def hangs(text: Text) -> dict[str, tuple[int, int]]:
    """Each line marked with a hanging indent, by its words: (hang, marker's length)."""
    found = {}
    for span in text.spans:
        style = span.style
        if isinstance(style, Style) and style.meta and HANG in style.meta:
            line_end = text.plain.find("\n", span.start)
            line = text.plain[span.start : line_end if line_end >= 0 else None]
            found[line.strip()] = (style.meta[HANG], style.meta[HANG_HEAD])
    return found


def test_a_tables_columns_are_aligned_when_it_fits():
    out = laid_out(Text(TABLE), 80)
    assert out.plain.split("\n")[1:4] == [
        "Team       | Points | Rank",
        "Alice FC   | 71     | 1",
        "Bob United | 7      | 2",
    ]
    assert out.plain.endswith("\n\nAfter.")  # (the caption line above it and the rest kept)


def test_cells_are_measured_in_terminal_columns():
    out = laid_out(Text("東京 | 1\nParis | 2\n🚀 | 3"), 80)
    assert out.plain.split("\n") == ["東京  | 1", "Paris | 2", "🚀    | 3"]


def test_a_wide_table_without_column_names_keeps_its_rows_each_row_indented_when_it_wraps():
    cells = " | ".join(f"{n * 1000:,}" for n in range(1, 13))  # (no header: figures first)
    text = f"{cells}\n" + " | ".join(str(n) for n in range(1, 13))
    out = laid_out(Text(text), 60)
    assert out.plain == text  # no padding: no row fits
    assert set(hangs(out).values()) == {(2, 0)}
    assert len(hangs(out)) == 2
    assert laid_out(Text(text), None).plain != text  # (any width: a pager's, a pipe's)


def test_a_short_row_a_colspan_left_is_padded_as_far_as_its_cells_go():
    out = laid_out(Text("Year | Capital | Operating\n2027 | $14.2m | $3.1m\nTotal | $30.5m"), 80)
    assert out.plain.split("\n") == [
        "Year  | Capital | Operating",
        "2027  | $14.2m  | $3.1m",
        "Total | $30.5m",
    ]


def test_one_line_with_a_bar_and_code_lines_are_no_table():
    prose = "Read it at Example | News today.\n\nNext paragraph | with a bar."
    assert laid_out(Text(prose), 80).plain == prose
    code = "│ a | b\n│ long | c"
    assert laid_out(Text(code), 80).plain == code


def test_nested_list_items_are_indented_under_their_parent_and_hang_under_their_words():
    text = "• First\n• Second\n◦ Nested A\n▪ Deeper\n◦ Nested B\n• Third"
    out = laid_out(Text(text), 80)
    assert out.plain.split("\n") == [
        "• First",
        "• Second",
        "  ◦ Nested A",
        "    ▪ Deeper",
        "  ◦ Nested B",
        "• Third",
    ]
    assert hangs(out)["◦ Nested A"] == (4, 2)
    assert hangs(out)["▪ Deeper"] == (6, 2)
    assert hangs(out)["• First"] == (2, 2)


def test_a_numbered_list_in_a_bulleted_item_goes_in_and_the_bullets_after_it_come_back():
    text = "• Ingredients\n1. Flour\n2. Water\n• Method\n\n1. Step one\n2. Step two"
    assert laid_out(Text(text), 80).plain.split("\n") == [
        "• Ingredients",
        "  1. Flour",
        "  2. Water",
        "• Method",
        "",
        "1. Step one",
        "2. Step two",
    ]


def test_styles_stay_on_their_words_and_markup_stays_text():
    text = Text("[red]a[/red] | 1\nlonger cell | 2")
    text.stylize("italic", 0, 12)  # (a quote's style over the first cell)
    out = laid_out(text, 80)
    assert out.plain.split("\n")[0] == "[red]a[/red] | 1"
    assert [(s.start, s.end, s.style) for s in out.spans if s.style == "italic"] == [
        (0, 12, "italic")
    ]
    second = laid_out(Text("ab | 1\nlonger cell | 2"), 80)
    assert second.plain.split("\n")[0] == "ab          | 1"


def test_a_text_without_tables_or_lists_is_returned_as_it_is():
    text = Text("A plain paragraph.\n\nAnother one.")
    assert laid_out(text, 80) is text


def test_a_code_block_in_a_list_item_stands_under_its_words_its_gutter_on_each_wrapped_line():
    out = laid_out(Text("1. Step one\n2. Step two\n│ newstui fetch --download\n\n│ alone"), 80)
    assert out.plain.split("\n") == [
        "1. Step one",
        "2. Step two",
        "   │ newstui fetch --download",
        "",
        "│ alone",  # (code of its own: as it was)
    ]
    spans = [s for s in out.spans if isinstance(s.style, Style) and s.style.meta]
    [code] = [s.style.meta for s in spans if out.plain[s.start : s.start + 4] == "   │"]
    assert (code[HANG], code[HANG_HEAD], code[HANG_DRAWN]) == (5, 5, True)


def test_a_quotes_marked_lines_draw_their_marks_on_wrapped_lines_and_unmarked_lines_get_none():
    # (html_to_text marks a <blockquote>'s lines after a <br> itself; a line it did not mark,
    # a mail-style reply's own words under a "> " line, is not the quote's)
    out = laid_out(Text("> > First line\n> > after a br\n\nAnn wrote:\n> Friday.\nNo."), 80)
    lines = ["> > First line", "> > after a br", "", "Ann wrote:", "> Friday.", "No."]
    assert out.plain.split("\n") == lines
    assert list(hangs(out).values()) == [(4, 4), (4, 4), (2, 2)]
    drawn = [s.style.meta[HANG_DRAWN] for s in out.spans if isinstance(s.style, Style)]
    assert drawn == [True, True, True]


def test_a_paragraph_opening_like_a_numbered_item_gets_no_hanging_indent():
    # (review r51 LOW-1: a German club's name, a year, "3. Liga"; html_to_text writes a list's
    # items a line each, so a lone numbered line with no item beside it is prose)
    for prose in ("1. FC Köln beat Bayern in a long match", "2026. The year the league changed"):
        out = laid_out(Text(f"Before.\n\n{prose} and more words after it.\n\nAfter."), 30)
        assert hangs(out) == {}, prose
    listed = laid_out(Text("1. First item of a list\n2. Second item of it"), 30)
    assert list(hangs(listed).values()) == [(3, 3), (3, 3)]
    lone = laid_out(Text("• Bulleted\n1. A numbered list inside it"), 30)
    assert hangs(lone)["1. A numbered list inside it"] == (5, 3)


def test_an_empty_cell_and_a_colspans_empty_cells_are_padded_to_their_columns():
    # (html_to_text writes a cell spanning two columns, and an empty cell, as "a | | b":
    # two bars sharing one space)
    text = "Year | Capital | Operating\n2027 | $14.2m | $3.1m\nTotal | | $17.3m\n| only | last"
    assert laid_out(Text(text), 80).plain.split("\n") == [
        "Year  | Capital | Operating",
        "2027  | $14.2m  | $3.1m",
        "Total |         | $17.3m",
        "      | only    | last",
    ]


def test_a_wide_table_with_column_names_is_drawn_a_row_at_a_time_each_cell_a_named_line():
    text = (
        "Caption\nName | Description | Population\n"
        "Springfield | A mid-sized city on the river with a long history | 167,000\n"
        "Shelbyville | | 98,000\n\nAfter."
    )
    out = laid_out(Text(text), 40)
    assert out.plain.split("\n") == [
        "Caption",
        "Name: Springfield",
        "Description: A mid-sized city on the river with a long history",
        "Population: 167,000",
        "",
        "Name: Shelbyville",  # (its empty cell: no line)
        "Population: 98,000",
        "",
        "After.",
    ]
    assert hangs(out)["Description: A mid-sized city on the river with a long history"] == (
        13,
        13,
    )
    labels = [out.plain[s.start : s.end] for s in out.spans if s.style == "bold"]
    assert labels == ["Name: ", "Description: ", "Population: ", "Name: ", "Population: "]


def test_a_wide_tables_names_with_long_names_hang_two_columns_in():
    name = "A column name far longer than half of the pane"
    text = f"{name} | B\n{'x ' * 30}| y"
    out = laid_out(Text(text), 60)
    assert out.plain.split("\n")[0].startswith(f"{name}: x x")
    assert next(iter(hangs(out).values())) == (2, 0)


def test_styles_and_links_in_a_wide_tables_cells_stay_on_their_words():
    text = Text("Team | Notes\nAlice FC | won the cup[3] after a long season of hard work")
    text.stylize("italic", text.plain.index("the"), text.plain.index(" cup"))
    out = laid_out(text, 30)
    italic = [out.plain[s.start : s.end] for s in out.spans if s.style == "italic"]
    assert italic == ["the"]
    assert "Notes: won the cup[3] after a long season of hard work" in out.plain


def test_top_headings_get_a_rule_as_long_as_their_words():
    out = laid_out(Text("# Big news\n\n## Second\n\n### Third\n\n> ## Quoted\n\n#hashtag"), 80)
    assert out.plain.split("\n") == [
        "# Big news",
        "──────────",
        "",
        "## Second",
        "─────────",
        "",
        "### Third",
        "",
        "> ## Quoted",
        "───────────",
        "",
        "#hashtag",
    ]
    long = laid_out(Text("# " + "word " * 30), 40)
    assert long.plain.split("\n")[1] == "─" * 40


def test_a_code_line_in_a_quote_draws_the_marks_and_gutter_on_its_wrapped_lines():
    out = laid_out(Text("> Wrote:\n\n> │ a | b\n> │ long | c"), 80)
    assert out.plain == "> Wrote:\n\n> │ a | b\n> │ long | c"  # (code: no table)
    assert list(hangs(out).values()) == [(2, 2), (4, 4), (4, 4)]
