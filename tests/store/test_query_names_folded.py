"""`feed:` and `tag:` compare names folded as search folds words (accents, ł as l, case), an
exact name first, and `tag:` reads a "/" typed for the U+2215 a folder's own title keeps
(round 48's open items: `feed:lodz` missed "Łódź Daily", `tag:munchen` "München",
`tag:AC/DC Fans` the folder "AC∕DC Fans")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newstui.model import Article, ArticleFilter
from newstui.query import parse_query
from newstui.store import open_db
from newstui.store.article_lists import list_articles
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.store.filter_sql import count_articles
from newstui.store.filters import apply_filter

SLASH = "\u2215"  # DIVISION SLASH: a "/" inside one folder's title (model.folders)
FEEDS = {
    "lodz": ("Łódź Daily", "https://dziennik.example/rss", ("München",)),
    "munchen": ("Munchen Post", "https://post.example/rss", ("Munchen",)),
    "izmir": ("İZMİR HABER", "https://haber.example/rss", ("Türkiye/Ege",)),
    "thunder": ("Thunder", "https://thunder.example/rss", (f"AC{SLASH}DC Fans",)),
    "riffs": ("Riffs", "https://riffs.example/rss", (f"Music/AC{SLASH}DC Fans",)),
    "nested": ("Deep Cuts", "https://deep.example/rss", ("Rock/Pop",)),
    "zinc": ("Zinc Weekly", "https://zinc.example/rss", ("Kraków",)),
}


@pytest.fixture
def store(tmp_path):
    db = open_db(tmp_path / "q.db")
    ids = {}
    for key, (name, url, tags) in FEEDS.items():
        feed = ensure_feed(db, url, name, url=url, tags=tags)
        article = Article(
            title=f"News of {key}", text="Text.", guid=key, published=datetime.now(UTC)
        )
        ids[key] = save_articles(db, feed, [article]).changed_ids[0]
    yield db, ids
    db.conn.close()


def listed(store, f: ArticleFilter) -> set[str]:
    db, ids = store
    names = {v: k for k, v in ids.items()}
    rows = list_articles(db, f)
    assert count_articles(db, f) == len(rows)
    return {names[r.id] for r in rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("feed:lodz", {"lodz"}),
        ("feed:ŁÓDŹ", {"lodz"}),
        ('feed:"lodz daily"', {"lodz"}),
        ("feed:Łódź", {"lodz"}),  # as written, as before
        ("feed:munchen", {"munchen"}),
        ("feed:izmir", {"izmir"}),  # Turkish İ: i
        ("feed:haber.example", {"izmir"}),  # the URL, as before
        ("feed:krakow", set()),  # a tag's name is no feed's
        ("tag:krakow", {"zinc"}),
        ("tag:KRAKÓW", {"zinc"}),
        # an exact name (any case) wins over names folded alike; folded alone, every one
        ("tag:munchen", {"munchen"}),
        ("tag:MÜNCHEN", {"lodz"}),
        ("tag:münchën", {"lodz", "munchen"}),
        ("tag:turkiye", {"izmir"}),  # a folder and its subfolders, folded
        ("tag:turkiye/ege", {"izmir"}),
        ("tag:ege", set()),  # a subfolder is named by its path
        # a "/" typed for a folder's own U+2215: that folder, as list --tag reads it
        ('tag:"AC/DC Fans"', {"thunder"}),
        ("tag:music/ac/dc", set()),
        ('tag:"music/ac/dc fans"', {"riffs"}),
        ("tag:music", {"riffs"}),
        ("tag:rock/pop", {"nested"}),  # nesting, as held
        ("tag:rock", {"nested"}),
        ("tag:munich", set()),  # folded, not translated
        ("tag:lodz OR tag:krakow", {"zinc"}),
        ("feed:lodz -tag:münchen", set()),
    ],
)
def test_feed_and_tag_match_names_folded_an_exact_name_first(store, text, expected):
    assert listed(store, ArticleFilter(query=parse_query(text))) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("munchen", {"munchen"}),
        ("münchën", {"lodz", "munchen"}),
        ("AC/DC Fans", {"thunder"}),
        ("Türkiye", {"izmir"}),  # the app's tag row: the tag as stored
        ("turkiye", {"izmir"}),
        (f"AC{SLASH}DC Fans", {"thunder"}),
    ],
)
def test_a_tag_list_takes_a_folder_as_the_query_s_tag_does(store, tag, expected):
    assert listed(store, ArticleFilter(tag=tag)) == expected
    assert listed(store, ArticleFilter(query=parse_query(f'tag:"{tag}"'))) == expected


def test_a_filter_by_a_folded_feed_name_hides_that_feed_s_articles(store):
    db, _ = store
    query = parse_query("feed:lodz OR tag:krakow")
    assert apply_filter(db, query.text, query.root, "hide") == 2
    assert listed(store, ArticleFilter(hidden=True)) == {"lodz", "zinc"}
