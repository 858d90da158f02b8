"""How one headline row reads: marks, stored date, source and title, fitted to a width.

A row is built as Segments straight from plain strings (no `Text` objects): the list draws one
for each row it shows, and the first screen draws a screenful before anything else."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.control import strip_control_codes
from rich.segment import Segment
from rich.style import Style

from newstui.headline_fields import UNKNOWN_DATE, shown_date
from newstui.model import ArticleRow
from newstui.text import one_width, terminal_safe
from newstui.tui.middle_ellipsis import (
    ELLIPSIS,
    ellipsis_parts,
    shared_start,
    told_apart,
    url_start,
)

if TYPE_CHECKING:
    from datetime import tzinfo

ENCLOSURE_GLYPH = "♪ "  # before the title of an article with an enclosure (an episode, a file)
DOWNLOADED_GLYPH = "♪✓ "  # …one of which is downloaded (user test r42 M3)
OLD_MONTH_CELLS = 7  # "2019-10": a narrow column's date from another year
OLD_DAY_WIDTH = 64  # a list this wide keeps the day of another year's date ("2019-10-13")


class RowStyles(NamedTuple):
    """The finished style of each part of a row: the list's base style, the part's component
    style and, on the cursor's row, the cursor's style on top. A part whose component style is
    empty is None: drawn in `plain` (the base and cursor styles alone; None without either),
    joined to its neighbours as `Text` joins them."""

    mark: Style | None
    star: Style | None
    meta: Style | None
    unread_title: Style | None
    plain: Style | None


def row_styles(
    base: Style, cursor: Style | None, mark: Style, star: Style, meta: Style, bold: Style
) -> RowStyles:
    """Each part's style as rich renders a `Text` whose parts carry these styles, with `base`
    under the whole line and `cursor` over it (`Style.combine` of the spans in their order)."""
    under = [style for style in (base,) if style]
    over = [cursor] if cursor else []

    def finished(part: Style | None) -> Style | None:
        if not part:
            return None
        return Style.combine([Style.null(), *under, part, *over])

    plain = Style.combine([Style.null(), *under, *over]) if under or over else None
    return RowStyles(finished(mark), finished(star), finished(meta), finished(bold), plain)


def headline_date(
    row: ArticleRow,
    width: int,
    timed: bool = True,
    year: str = "",
    old: bool = False,
    zone: tzinfo | None = None,
) -> str:
    """The stored date in the local zone (`zone`: see local_times), shortened to fit: never
    relative, so the same row always looks the same; UNKNOWN_DATE (a blank column, as newsboat
    leaves it) for an undated article.
    `timed`: whether any row of the list has a time; without one the column keeps no room for
    it (and shows the year).

    One rule at every width: a column too narrow for the whole date drops the year only from
    this `year`'s dates; another year's date keeps its year and drops the time, then the day
    ("2019-10-13", "2019-10"), so "10-13" always means this year. `old`: whether any row of the
    list is from another year (the narrowest column then widens to hold "2019-10-13", or
    "2019-10" in a list narrower than OLD_DAY_WIDTH: user test r46 L4, the 120-column screen
    with the sidebar showed "2010-01" beside 40 blank columns)."""
    if timed:
        start, end = (0, 16) if width >= 90 else (5, 16) if width >= 72 else (5, 10)
    else:
        start, end = (0, 10) if width >= 72 else (5, 10)
    old_cells = 10 if width >= OLD_DAY_WIDTH else OLD_MONTH_CELLS
    cells = max(end - start, old_cells if start and old else 0)
    if row.listed_date is None:
        return UNKNOWN_DATE.ljust(cells)
    shown = shown_date(row.listed_date, zone=zone, date_only=row.listed_date_only)
    if start and not shown.startswith(year):  # another year's: the year stays
        return shown[: 10 if cells >= 10 else OLD_MONTH_CELLS].ljust(cells)
    return shown[start:end].ljust(cells)


def other_year(row: ArticleRow, year: str, zone: tzinfo | None = None) -> bool:
    """Whether the row's local date is from a year other than `year` (an undated one is not)."""
    listed = row.listed_date
    if listed is None:
        return False
    return not shown_date(listed, 0, 4, zone, row.listed_date_only).startswith(year)


def source_room(width: int) -> int:
    """The most cells the source column takes in a list `width` cells wide: a fifth of it, up to
    18, but a quarter up to 14 in a list squeezed between both side panes (a fifth gave the
    outlet 10 cells beside a 34-cell title at 120x40, where a reader compares outlets)."""
    return max(8, min(18, max(width // 5, min(14, width // 4))))


def shown_source(feed: str | None) -> str:
    """A source's name as a row shows it (before it is cut to the column): a name that is a URL
    without its scheme and user, which the narrow column has no room for ("http:…d.xml")."""
    name = one_width(strip_control_codes(terminal_safe(feed, line=True)))
    return name[url_start(name) :]


SourceCut = tuple[str, str | None]  # a shown name cut to its column: (start with "…", end kept)


def source_cells(feeds: Iterable[str | None], width: int) -> int:
    """How wide the source column is for these sources' names: as the widest once cut to the
    column's room, so a list of short names, or of names cut short, keeps no blank room."""
    room = source_room(width)
    widest = 0
    for head, tail in source_cuts(feeds, room).values():
        widest = max(widest, cell_len(head) + cell_len(tail or ""))
        if widest >= room:
            break
    return widest


def source_cuts(feeds: Iterable[str | None], cells: int) -> dict[str, SourceCut]:
    """Each source's shown name (`shown_source`) cut to `cells`: at its end, but names that
    would read the same so ("News Desk…" for "News Desk 10" … "News Desk 19") keep the words
    that tell them apart: "News De…10", or those words alone ("Evening…", "Morning…" for
    "Harbour · Evening Edition" and "Harbour · Morning Edition")."""
    cuts = {name: ellipsis_parts(name, cells) for name in {shown_source(f) for f in feeds}}
    alike: dict[SourceCut, list[str]] = {}
    for name, cut in cuts.items():
        if cut[1] is None and cut[0] != name:  # cut at its end
            alike.setdefault(cut, []).append(name)
    for names in alike.values():
        if len(names) > 1:
            shared = shared_start(names)
            for name in names:
                cuts[name] = told_apart(name, shared, cells)
    return cuts


def headline_segments(
    row: ArticleRow,
    width: int,
    styles: RowStyles,
    *,
    show_source: bool = True,
    timed: bool = True,
    year: str = "",
    old: bool = False,
    source_width: int | None = None,
    source_cut: Mapping[str, SourceCut] | None = None,
) -> list[Segment]:
    """One row's Segments (the title is never parsed as markup); unread titles in bold, after
    ENCLOSURE_GLYPH when the article has an enclosure (DOWNLOADED_GLYPH: one is downloaded).

    A list of one feed, or a narrow list, leaves the source out, so the title gets its room;
    a list whose dates have no time (`timed` False) gives the time's room to the title too;
    `year` and `old` as `headline_date` takes them.
    `source_width`: the source column's width (`source_cells` of the list's sources), at most
    its room; None: the whole room. `source_cut`: the list's names cut to that width
    (`source_cuts`), names that start alike told apart; without it, each is cut at its end."""
    mark = "● " if not row.read else "  "
    star = "★ " if row.starred else "  "
    date = headline_date(row, width, timed, year, old) + "  "
    parts: list[tuple[str, Style | None]] = [
        (mark, styles.mark),
        (star, styles.star),
        (date, styles.meta),
    ]
    used = cell_len(mark) + cell_len(star) + cell_len(date)
    if show_source and width >= 48:
        room = source_room(width)
        source_width = room if source_width is None else min(source_width, room)
        name = shown_source(row.feed)
        cut = source_cut.get(name) if source_cut is not None else None
        head, tail = cut if cut is not None else ellipsis_parts(name, source_width)
        shown = cell_len(head) + cell_len(tail or "")
        fill = " " * (source_width - shown) + "  "
        if tail is None:
            parts.append((head + fill, styles.meta))
        else:  # (the end kept after "…" is a span of its own in `Text`: its own segment)
            parts += [(head, styles.meta), (tail, styles.meta), (fill, styles.meta)]
        used += max(shown, source_width) + 2
    if row.enclosure:  # (as podboat users look for episodes; `has:enclosure` finds them)
        glyph = DOWNLOADED_GLYPH if row.downloaded else ENCLOSURE_GLYPH
        parts.append((glyph, styles.meta))
        used += cell_len(glyph)
    title = one_width(strip_control_codes(terminal_safe(row.title, line=True)))
    room = max(width - used, 1)
    if cell_len(title) > room:
        title = set_cell_size(title, room - 1) + ELLIPSIS
    if title:
        parts.append((title, None if row.read else styles.unread_title))
    return _joined(parts, styles.plain)


def _joined(parts: list[tuple[str, Style | None]], plain: Style | None) -> list[Segment]:
    """Segments of the parts as `Text.render` makes them: each styled part its own segment (an
    empty one still ends the one before, as its span does), consecutive unstyled parts one."""
    segments: list[Segment] = []
    styled = any(style is not None for _, style in parts)
    if plain is None and styled:
        plain = Style.null()  # (a line with spans draws its unstyled parts in the null style)
    loose = ""
    for text, style in parts:
        if style is None:
            loose += text
            continue
        if loose:
            segments.append(Segment(loose, plain))
            loose = ""
        if text:
            segments.append(Segment(text, style))
    if loose:
        segments.append(Segment(loose, plain))
    return segments
