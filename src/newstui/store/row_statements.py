"""Multi-row INSERT statements: many rows a statement, in a few statement texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence


def row_statements(
    insert: str,
    rows: Sequence[Sequence[object]],
    per: int,
    after: str = "",
    *,
    split_tail: bool = True,
) -> Iterator[tuple[str, list[object]]]:
    """`insert` (`INSERT … INTO table (columns)`) over `rows`, `per` rows a statement, each
    statement's VALUES followed by `after` (`ON CONFLICT …`, `RETURNING …`): the SQL and the
    flattened parameters of each, in order. One statement for many rows takes one step and
    reset, not one a row, and a trigger-written full-text index is flushed once a statement.
    With `split_tail` the rows after the last full statement go 2**k at a time (128, 64, …, 1):
    a few statement texts for any count. One text a count filled sqlite3's statement cache
    (128 a connection) with compiled statements of up to `per` rows: the fetching process grew
    by ~9 MiB over a 100,000-article fill. Off where each statement flushes a full-text index."""
    if not rows:
        return iter(())
    flat = [v for row in rows for v in row]
    return flat_row_statements(insert, flat, len(rows[0]), per, after, split_tail=split_tail)


def flat_row_statements(
    insert: str,
    values: Sequence[object],
    width: int,
    per: int,
    after: str = "",
    *,
    split_tail: bool = True,
) -> Iterator[tuple[str, list[object]]]:
    """`row_statements` over rows given as one flat sequence, `width` values a row (no tuple
    made for each row and taken apart again)."""
    count_rows = len(values) // width
    if not count_rows:
        return
    row = f"({', '.join(['?'] * width)})"
    tail = f" {after}" if after else ""

    def statement(count: int) -> str:
        return f"{insert} VALUES {', '.join([row] * count)}{tail}"

    full = statement(per) if count_rows >= per else ""  # made once for every full chunk
    at = 0
    while at < count_rows:
        left = count_rows - at
        count = per if left >= per else 1 << (left.bit_length() - 1) if split_tail else left
        part = list(values[at * width : (at + count) * width])
        yield (full if count == per else statement(count)), part
        at += count
