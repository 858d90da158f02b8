"""HTML's preformatted blocks and tables as a terminal reads them (user test r36 M2): code keeps
its lines and indentation behind a gutter, a table row stays a row with its cells apart."""

from __future__ import annotations

from newstui.nlp.rules import RulesExtractor
from newstui.sources.html import html_to_text
from newstui.text import GUTTER, clean_text, prose_only

CODE = (
    "<p>Try this:</p><pre><code>def main():\n    for i in range(10):\n"
    "        print(f'{i:>4} ' + '#' * i)  # a comment\n\n\tindented_with_tab = True\n"
    "    return 0\n</code></pre><p>Done.</p>"
)


def test_a_pre_block_keeps_its_lines_and_indentation_behind_a_gutter() -> None:
    text, _ = html_to_text(CODE)
    assert text.split("\n\n") == [
        "Try this:",
        "│ def main():\n"
        "│     for i in range(10):\n"
        "│         print(f'{i:>4} ' + '#' * i)  # a comment\n"
        "│\n"
        "│     indented_with_tab = True\n"
        "│     return 0",
        "Done.",
    ]


def test_a_pre_block_still_loses_its_escape_sequences() -> None:
    text, _ = html_to_text("<pre>a = 1\n  b\x1b[31m = 2&#27;[2J\n</pre>")
    assert text == "│ a = 1\n│   b = 2"


def test_cleaning_a_stored_text_again_keeps_the_gutter_lines_as_they_are() -> None:
    text, _ = html_to_text(CODE)
    assert clean_text(text) == text
    assert clean_text("x  y\n" + GUTTER + "   z  \t") == "x y\n│    z"


def test_table_rows_stay_rows_with_their_cells_apart() -> None:
    html = (
        "<h2>Results</h2><table><tr><th>Country</th><th>Gold</th><th>Silver</th></tr>"
        "<tr><td>Country number 5</td><td>5</td><td>10</td></tr>\n"
        "<tr><td>Norway</td><td></td><td>3</td></tr></table><p>After.</p>"
    )
    text, _ = html_to_text(html)
    assert text.split("\n\n") == [
        "## Results",  # (its <h2>: text.HEADING_MARK twice)
        "Country | Gold | Silver\nCountry number 5 | 5 | 10\nNorway | | 3",
        "After.",
    ]


def test_an_ordered_list_is_numbered() -> None:
    text, _ = html_to_text("<ol><li>one</li><li>two</li></ol><ul><li>dot</li></ul>")
    assert text == "1. one\n2. two\n\n• dot"


def test_code_is_not_read_as_speech_but_the_prose_around_it_is() -> None:
    html = (
        '<p>"We ship it today," said Ada Lovelace.</p>'
        '<pre>print("Hello there, this is a long string in code", end="")\n'
        'log("It is not anyone speaking, only a program", level=2)</pre>'
    )
    text, _ = html_to_text(html)
    masked = prose_only(text)
    assert len(masked) == len(text) and "Hello" not in masked
    quotes = RulesExtractor().analyse(text).quotes
    assert [q.text for q in quotes] == ["We ship it today,"]


def test_a_layout_tables_image_cell_leaves_no_stray_bar() -> None:
    # (review r36 U2: an image beside the text in a layout table gave a line " |")
    html = (
        '<table><tr><td><img src="https://e.example/a.png"></td><td><p>Para one.</p>'
        "<p>Para two.</p></td></tr></table>"
    )
    text, _ = html_to_text(html)
    assert text == "Para one.\n\nPara two."


def test_an_ordered_list_numbers_from_its_start() -> None:
    # (review r36 U2: a list split around a figure goes on with start=)
    text, _ = html_to_text(
        '<ol start="5"><li>five</li><li>six</li></ol><ol start="x"><li>a</li></ol>'
    )
    assert text == "5. five\n6. six\n\n1. a"
