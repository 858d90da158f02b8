"""The ids of a whole filtered list, read alone (what Unread and Starred keep as they load)."""

from datetime import UTC, datetime

import pytest

from newstui.model import Article, ArticleFilter, SortOrder
from newstui.store.article_lists import list_article_ids, list_articles
from newstui.store.article_marks import mark_articles
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed


def art(n: int, title: str, day: int) -> Article:
    return Article(
        title=title,
        text=f"Body of story {n}.",
        guid=f"g{n}",
        url=f"https://e.example/{n}",
        published=datetime(2026, 11, day, tzinfo=UTC),
    )


@pytest.fixture
def stored(db):
    """Two feeds: Beta's b, d, e and Alpha's a, c; e read, a and d starred."""
    beta = ensure_feed(db, "https://b.example/feed", "Beta")
    alpha = ensure_feed(db, "https://a.example/feed", "Alpha")
    save_articles(db, beta, [art(1, "b", 2), art(2, "d", 4), art(3, "e", 5)])
    save_articles(db, alpha, [art(4, "a", 1), art(5, "C", 3)])
    ids = {row.title: row.id for row in list_articles(db, limit=None)}
    mark_articles(db, [ids["e"]], read=True)
    mark_articles(db, [ids["a"], ids["d"]], starred=True)
    return ids


def test_the_ids_of_unread_and_starred_come_in_each_sort_order(db, stored):
    def titles(f: ArticleFilter, order: SortOrder) -> list[str]:
        by_id = {i: title for title, i in stored.items()}
        return [by_id[i] for i in list_article_ids(db, f, order)]

    unread = ArticleFilter(unread=True)
    assert titles(unread, SortOrder()) == ["d", "C", "b", "a"]
    assert titles(unread, SortOrder("date", reverse=True)) == ["a", "b", "C", "d"]
    assert titles(unread, SortOrder("title")) == ["a", "b", "C", "d"]
    assert titles(unread, SortOrder("feed")) == ["C", "a", "d", "b"]
    assert titles(ArticleFilter(starred=True), SortOrder("feed", reverse=True)) == ["d", "a"]


@pytest.mark.parametrize("key", ["date", "feed", "title"])
@pytest.mark.parametrize("reverse", [False, True])
def test_the_ids_are_those_of_the_whole_list_of_rows_in_its_order(db, stored, key, reverse):
    order = SortOrder(key, reverse=reverse)
    for f in (ArticleFilter(), ArticleFilter(unread=True), ArticleFilter(starred=True)):
        rows = list_articles(db, f, limit=None, order=order)
        assert list_article_ids(db, f, order) == [row.id for row in rows]
