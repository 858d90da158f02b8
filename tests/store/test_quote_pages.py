"""Quotes read a page at a time (`after`: the last row of the page before) list every quote
once, in the order of the whole list, two quotes of one article and articles of one date too;
a quote stored meanwhile, newer, shifts no page (the app's Who said what reads its pages so)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstui.ingest.pending_analysis import analyse_pending
from newstui.library import Library
from newstui.model import Article


def _reports(first: int, count: int, when: datetime) -> list[Article]:
    return [
        Article(
            title=f"Harbour report {n}",
            text=f"“The wall needs {n + 2} more years,” Mayor Elena Vasquez said on Monday. "
            f"Later she added: “We have asked for {n + 5} million.” Report number {n}.",
            guid=f"r{n}",
            published=when - timedelta(hours=n // 2),  # two articles an hour: one date each
        )
        for n in range(first, first + count)
    ]


def _store_reports(library: Library, first: int, count: int, days: int = 0) -> None:
    """`count` reports of the Wire Service, each quoting the mayor twice, analysed."""
    source = library.register_source("https://wire.example/feed", "Wire Service")
    when = datetime(2026, 3, 1, 12, tzinfo=UTC) + timedelta(days=days)
    library.save_batch(source, _reports(first, count, when))
    analyse_pending(library)


def test_pages_of_quotes_list_each_quote_once_in_the_whole_lists_order(tmp_path):
    with Library.open(tmp_path / "news.db") as library:
        _store_reports(library, 0, 9)
        whole = [q.id for q in library.quotes(speaker="Elena Vasquez", limit=None)]
        assert len(whole) == 18
        for size in (1, 4, 5):
            paged: list[int] = []
            page = library.quotes(speaker="Elena Vasquez", limit=size)
            while page:
                paged += [q.id for q in page]
                page = library.quotes(speaker="Elena Vasquez", limit=size, after=page[-1])
            assert paged == whole, size


def test_a_newer_quote_stored_between_two_pages_shifts_nothing(tmp_path):
    with Library.open(tmp_path / "news.db") as library:
        _store_reports(library, 0, 4)
        whole = [q.id for q in library.quotes(speaker="Elena Vasquez", limit=None)]
        first = library.quotes(speaker="Elena Vasquez", limit=3)
        _store_reports(library, 10, 1, days=1)  # newer
        rest = library.quotes(speaker="Elena Vasquez", limit=None, after=first[-1])
        assert [q.id for q in first + rest] == whole
