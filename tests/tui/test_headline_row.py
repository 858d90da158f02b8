"""A headline row, built from plain strings, draws exactly as the `Text` row it replaced did.

`headline_segments` re-does by hand what `Text.render` did for the old `headline_text` (splits,
combined styles, the source name cut in the middle); the old row is kept here as the reference,
so an edit to either side that changes what a row looks like fails, on hostile rows."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from newstui.model import ArticleRow
from newstui.text import terminal_safe
from newstui.tui.middle_ellipsis import ellipsis_parts, middle_ellipsis, url_start
from newstui.tui.widgets.headline_row import headline_date, headline_segments, row_styles

CONSOLE = Console(width=200, color_system="truecolor")

FEEDS = [
    "https://feeds.example-news-agency.org/world/europe/latest/rss.xml?format=full&lang=en",
    "日本経済新聞 電子版ニュース速報",
    "Ze\u0301ro He\u0301ure Cafe\u0301 Presse",
    "Evil\x1b]0;pwned\x07 Feed\x1b[31m red",
    "الجزيرة نت \u202eevil\u202c أخبار",
    "News   Wire   of the world",
    "a/b",
    "",
    None,
]
TITLES = [
    "東京で大雨警報、交通機関に乱れ　気象庁が厳重な警戒を呼びかけ",
    "Cafe\u0301 owners say the re\u0301sume\u0301 of the nai\u0308ve minister is fine",
    "Breaking\x1b[2J\x1b[31m red\x07 text\r\nwith\ttab and \x00 nul \x9b31m",
    "\u202eevil override\u202c عاجل: انقطاع الكهرباء في المدينة",
    "Flags 🇺🇸 and family 👩\u200d👩\u200d👧 emoji",
    "[bold]not markup[/bold] and :smile: stay as typed",
    "Short",
    "",
]
DATES = ["2026-11-30T14:13:00+00:00", "2026-11-02T00:00:00+00:00", None]


@dataclass(frozen=True)
class OldRowStyles:
    """The old `RowStyles`: the component styles the old row took."""

    meta: Style
    unread_mark: Style
    star: Style


def old_headline_text(
    row: ArticleRow, width: int, styles: OldRowStyles, *, show_source: bool, timed: bool
) -> Text:
    """`headline_text` as it was before 9e82d7a: the reference."""
    mark = Text("● " if not row.read else "  ", style=styles.unread_mark)
    star = Text("★ " if row.starred else "  ", style=styles.star)
    date = Text(headline_date(row, width, timed) + "  ", style=styles.meta)
    source = Text("")
    if show_source and width >= 48:
        source_width = max(8, min(18, max(width // 5, min(14, width // 4))))
        name = terminal_safe(row.feed, line=True)
        name = name[url_start(name) :]  # since r19: a URL without its scheme and user
        source = middle_ellipsis(Text(name, style=styles.meta), source_width)
        source.pad_right(source_width - source.cell_len)
        source.append("  ")
    used = mark.cell_len + star.cell_len + date.cell_len + source.cell_len
    title = Text(terminal_safe(row.title, line=True), style="bold" if not row.read else "")
    title.truncate(max(width - used, 1), overflow="ellipsis")
    return Text.assemble(mark, star, date, source, title, end="")


def old_segments(
    row: ArticleRow,
    width: int,
    styles: OldRowStyles,
    base: Style,
    cursor: Style | None,
    *,
    show_source: bool,
    timed: bool,
) -> list[Segment]:
    """The old `HeadlineList._render_row`: base under the row, the cursor over it, rendered."""
    line = old_headline_text(row, width, styles, show_source=show_source, timed=timed)
    line.stylize_before(base)
    if cursor is not None:
        line.stylize(cursor)
    return list(line.render(CONSOLE))


THEMED = OldRowStyles(
    meta=Style(color="#8a8a8a"), unread_mark=Style(color="#0178d4"), star=Style(color="#ffa62b")
)
BARE = OldRowStyles(meta=Style.null(), unread_mark=Style(bold=True), star=Style.null())
BASES = [Style.null(), Style(color="#e0e0e0", bgcolor="#1e1e1e")]
CURSORS = {
    "no cursor": None,
    "cursor, focused": Style(color="#ffffff", bgcolor="#0178d4", bold=True),
    "cursor, not focused": Style(bgcolor="#444444"),
}
STATES = {"unread": (False, False), "read": (True, False), "read, starred": (True, True)}
STATES["unread, starred"] = (False, True)


def rows() -> list[ArticleRow]:
    """Each hostile feed name with a hostile title, in every date form and read state."""
    made = []
    named = zip(FEEDS, itertools.cycle(TITLES), strict=False)
    for number, ((feed, title), published, (read, starred)) in enumerate(
        itertools.product(named, DATES, STATES.values())
    ):
        made.append(
            ArticleRow(
                id=number,
                feed_id=1,
                feed=feed,
                title=title,
                url=None,
                author=None,
                published=published,
                sort_date=published or "2026-11-01T00:00:00+00:00",
                read=read,
                starred=starred,
            )
        )
    return made


@pytest.mark.parametrize("width", [20, 48, 80])
def test_a_row_draws_as_the_text_based_row_did(width):
    bold = CONSOLE.get_style("bold")
    compared = 0
    for old, base, (cursor_name, cursor) in itertools.product(
        (THEMED, BARE), BASES, CURSORS.items()
    ):
        styles = row_styles(base, cursor, old.unread_mark, old.star, old.meta, bold)
        for row, show_source, timed in itertools.product(rows(), (True, False), (True, False)):
            expected = old_segments(
                row, width, old, base, cursor, show_source=show_source, timed=timed
            )
            drawn = headline_segments(row, width, styles, show_source=show_source, timed=timed)
            case = (cursor_name, base, old, row.feed, row.title, show_source, timed)
            assert drawn == expected, case
            compared += 1
    assert compared == 2 * 2 * 3 * len(rows()) * 4


def test_a_url_source_is_cut_in_the_middle_of_the_row():
    row = rows()[0]
    assert row.feed is not None and row.feed.startswith("https://")
    plain = Style()
    styles = row_styles(plain, None, plain, plain, plain, plain)
    text = "".join(segment.text for segment in headline_segments(row, 80, styles))
    assert "feeds.ex…lang=en  " in text  # its scheme left out: "https://…lang=en" said little


def test_a_source_named_by_a_url_with_a_password_shows_host_and_path():
    row = replace(rows()[0], feed="http://me:***@127.0.0.1:8080/private.xml")
    plain = Style()
    styles = row_styles(plain, None, plain, plain, plain, plain)
    text = "".join(segment.text for segment in headline_segments(row, 80, styles))
    assert "127.0.0.…ate.xml  " in text and "http" not in text


@pytest.mark.parametrize("name", [name for name in FEEDS if name] + TITLES)
def test_the_plain_cut_is_the_text_cut(name):
    plain = terminal_safe(name, line=True)
    for width in range(0, 30):
        head, tail = ellipsis_parts(plain, width)
        text = middle_ellipsis(Text(plain, style="italic"), width)
        assert head + (tail or "") == text.plain, width
        assert text.cell_len <= width, width


def dated(published: str | None) -> ArticleRow:
    return ArticleRow(1, 1, "Wire", "Title", None, None, published, published or "", False, False)


@pytest.mark.parametrize(
    ("width", "timed", "this_year", "last_year"),
    [
        (100, True, "2026-11-30 14:13", "2019-03-12 14:13"),
        (80, True, "11-30 14:13", "2019-03-12 "),
        (68, True, "11-30     ", "2019-03-12"),  # user test r46 L4: 120 columns with the sidebar
        (60, True, "11-30  ", "2019-03"),
        (80, False, "2026-11-30", "2019-03-12"),
        (68, False, "11-30     ", "2019-03-12"),
        (60, False, "11-30  ", "2019-03"),
    ],
)
def test_a_date_from_another_year_keeps_its_year_at_every_width(width, timed, this_year, last_year):
    """A narrow list showed 12 March 2019 as "03-12", which reads as this year's; a list wide
    enough keeps its day (user test r46 L4: "2010-01" beside 40 blank columns)."""
    now = dated("2026-11-30T14:13:00+00:00")
    then = dated("2019-03-12T14:13:00+00:00")
    assert headline_date(now, width, timed, "2026", old=True) == this_year
    assert headline_date(then, width, timed, "2026", old=True) == last_year


def test_a_list_of_this_years_dates_keeps_its_narrow_date_column():
    now = dated("2026-11-30T14:13:00+00:00")
    assert headline_date(now, 60, True, "2026", old=False) == "11-30"
    # an undated article's column is blank, as newsboat leaves it (user test r37 L7: "none")
    assert headline_date(dated(None), 60, True, "2026", old=False) == " " * 5
    assert headline_date(dated(None), 60, True, "2026", old=True) == " " * 7


def test_an_emoji_with_a_presentation_selector_takes_the_cells_every_terminal_gives_it():
    """User test r32 L10: '🚀🔥 SpaceX launches 🛰️ 60 Starlink' (U+1F6F0 U+FE0F) took one cell
    more in Rich than in tmux, and the row pushed the pane's border off; without the selector
    Rich and terminals count 🛰 alike."""
    title = "🚀🔥 SpaceX launches 🛰\ufe0f 60 Starlink satellites"
    row = replace(rows()[0], title=title, feed="Space")
    plain = Style()
    segments = headline_segments(row, 80, row_styles(plain, None, plain, plain, plain, plain))
    text = "".join(s.text for s in segments)
    assert "\ufe0f" not in text
    assert "🛰 60 Starlink" in text
    assert sum(s.cell_length for s in segments) == 80
