"""A stored article's headline fields as a listing, the app and scripts show them: its date (in
the local zone, cut to what the source gave) and its JSON object. Apart from render.py so that `list` and `search`
load neither its styles (a dataclass, three palettes) nor its article layout."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newstui.errors import hide_url_password
from newstui.local_times import DATE_ONLY, local_iso, local_minute
from newstui.text import terminal_safe

if TYPE_CHECKING:
    from datetime import tzinfo

    from newstui.model import ArticleRow

# An article whose source gave no usable date (never its import time): a blank date column, as
# newsboat leaves it (user test r37 L7: "none" read like a value); a line that is no column says
# "undated" (UNDATED), as the reader's byline does.
UNKNOWN_DATE = ""
UNDATED = "undated"


def shown_date(
    published: str | None,
    start: int = 0,
    end: int = 16,
    zone: tzinfo | None = None,
    date_only: bool | None = None,
) -> str:
    """A stored publish date in the local zone (`zone`, see local_times) cut to `[start:end]` of
    "2026-11-30 14:13", or UNKNOWN_DATE (blank) for an undated article (the app's and `list`'s
    date column). A date that came without a time (`date_only`, see carries_time) is shown
    without one, never as "00:00", and as the day the source gave (a zone moves no day without
    a time: "2 Nov" stays the 2nd west of Greenwich)."""
    if not published:
        return UNKNOWN_DATE
    if (
        end <= 16
        and carries_time(published, date_only)
        and (minute := local_minute(published, zone))
    ):
        return minute[start:end].replace("T", " ")  # (of digits and a zone's hour: safe)
    safe = terminal_safe(published, line=True)
    if not carries_time(safe, date_only):
        end = min(end, 10)
    else:
        safe = local_iso(safe, zone)
    return safe[start:end].replace("T", " ")


def carries_time(published: str | None, date_only: bool | None = None) -> bool:
    """Whether a stored publish date has a time worth showing: not undated, not one its source
    gave without a time (`date_only`, stored since schema 53; None, not known: one stored at
    midnight UTC, as such a date is)."""
    if not published:
        return False
    if date_only is not None:
        return not date_only
    return not (published.endswith(DATE_ONLY) and len(published) == 10 + len(DATE_ONLY))


def date_without_time(published: str | None, date_only: bool | None) -> bool:
    """`--json`'s `date_only`: whether `published` is a day its source gave without a time
    (stored at midnight UTC, which `published` alone cannot tell from a real midnight); false
    for a time, and for no date (null `published`)."""
    return bool(published) and not carries_time(published, date_only)


def cell_width(text: str) -> int:
    """The terminal columns `text` takes, as rich counts them: a wide (East Asian) character
    two, a combining mark or a zero-width one none, any other one (stdlib only: a listing into a
    pipe loads no rich)."""
    if text.isascii():
        return len(text)
    from unicodedata import category, east_asian_width

    return sum(
        0
        if category(c) in ("Mn", "Me") or (category(c) == "Cf" and c != "\xad")
        else 2
        if east_asian_width(c) in ("W", "F")
        else 1
        for c in text
    )


def cut_to_width(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns, a cut marked with "…"."""
    if cell_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        used += cell_width(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def terminal_line(value: str | None) -> str | None:
    """An optional one-line field, safe for a terminal."""
    return None if value is None else terminal_safe(value, line=True)


def shown_url(url: str) -> str:
    """A link as shown (a line safe for a terminal): a `user:password@` in it, which links stored
    before r45 may carry from a private feed's url, as `user:***@`."""
    return terminal_safe(hide_url_password(url), line=True)


def article_row_json(row: ArticleRow, story: tuple[int, int] | None = None) -> dict[str, Any]:
    """The list/search JSON fields of an article (every string safe for a terminal); `story`:
    its story's id and how many other versions it has (Library.story_sizes), None: alone."""
    story_id, copies = story or (row.id, 0)
    return {
        "id": row.id,
        "title": terminal_safe(row.title, line=True),
        "feed": terminal_line(row.feed),
        "url": row.url and shown_url(row.url),
        "author": terminal_line(row.author),
        "published": terminal_line(row.published),
        "date_only": date_without_time(row.published, row.date_only),
        "read": row.read,
        "starred": row.starred,
        "story": story_id,
        "copies": copies,
        # what its entry, else its feed, declares ("pl"), or None: as `show --json` has it
        "language": terminal_line(row.language),
    }
