"""The hint under the `/` box: the query language in brief, packed to the box's width; an invalid
query's error in its place, or the examples when the query typed is "?"."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from newstui.tui.widgets.term_rows import TermRows

# The hint under the box, after the keys' sentence ("Enter to search, Esc to cancel.", from
# the keys in effect): each piece stays on one line (a narrow box broke `"river bank"`).
HINT_PARTS = (
    'flood "river bank" evac*',
    "a OR b",
    "-word",
    "title:x",
    "feed:bbc",
    "unread",
    "age:<3d",
    'person:"Dmitry Peskov"',
    "speaker:Peskov",
    "(type ? for more)",
)


def packed_hint(width: int, keys: str) -> str:
    """The keys' sentence and the hint's pieces, two spaces apart, in lines of `width` cells,
    none split."""
    lines: list[str] = []
    line = ""
    for part in (keys, *HINT_PARTS):
        joined = f"{line}  {part}" if line else part
        if line and cell_len(joined) > width:
            lines.append(line)
            line = part
        else:
            line = joined
    return "\n".join([*lines, line])


class SearchHint(Static):
    """The hint under the search box, laid out again for its width; or an error, or examples."""

    DEFAULT_CSS = """
    SearchHint {
        color: $text-muted;
    }
    SearchHint.-error {
        color: $text-error;
    }
    """

    def __init__(self, keys: str) -> None:
        super().__init__(packed_hint(86, keys), id="search-hint", markup=False)
        self.keys = keys  # how to search and cancel, with the keys in effect
        self.showing_hint = True

    def show_hint(self) -> None:
        """The hint again, after an error or the examples (nothing to do if it is shown)."""
        self.remove_class("-error")
        if not self.showing_hint:
            self.showing_hint = True
            self.on_resize()

    def show_error(self, error: Text) -> None:
        """An invalid query's error in the hint's place, until the query changes."""
        self.showing_hint = False
        self.update(error)
        self.add_class("-error")

    def show_examples(self) -> None:
        """What a query may say, an example a line."""
        self.showing_hint = False
        self.remove_class("-error")
        self.update(query_examples())

    def on_resize(self) -> None:
        if self.showing_hint and self.content_region.width:
            self.update(packed_hint(self.content_region.width, self.keys))


QUERY_EXAMPLES = [
    ('flood "river bank" evac*', "a word, a phrase, a prefix (all must match)"),
    ("flood OR storm  -drought", "either; NOT or - excludes; ( ) groups"),
    ("title:  author:  text:", "a word or phrase in one part"),
    ("feed:bbc  tag:world", "feed name or URL contains; a tag"),
    ("unread  starred  has:fulltext", "facts (also has:enclosure, has:quotes)"),
    ("after:2026-11-01  age:<3d", "by date (before:, age:>12h; m h d w)"),
    ('person:"Dmitry Peskov"  org:  place:', "mentions (group: too; surname alone)"),
    ('speaker:Peskov  quotes:"we will"', "quoted by; a quote saying"),
]


def query_examples() -> TermRows:
    """What a query may say, an example a line (its meaning under it in a narrow box): shown
    when the query typed is "?"."""
    return TermRows(QUERY_EXAMPLES)
