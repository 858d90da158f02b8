"""The order Sources and `newstui feeds` list feeds in: by name as a reader counts."""

from __future__ import annotations

import unicodedata

import pytest

from newstui.errors import SourceChoiceError
from newstui.model import SortOrder
from newstui.model.fetching import Article
from newstui.model.names import name_key, shown_name, visible_name
from newstui.store import open_db
from newstui.store.article_lists import article_position, list_articles
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed, find_feed, list_feeds, name_by_title
from newstui.store.filter_sql import EVERY_ARTICLE


def test_feeds_are_listed_with_the_numbers_in_their_names_in_order(tmp_path):
    # user test r31 L1: "News Desk 1, News Desk 10 … News Desk 19, News Desk 2"
    db = open_db(tmp_path / "n.db")
    # user test r45 M4: accented first letters came after Z ("Zeit Online, Ärzte Zeitung")
    names = ("News Desk 10", "news desk 2", "Atom Lab", "News Desk 1", "News Desk 19")
    names += ("Zeit Online", "Ärzte Zeitung", "Équipe", "eBay News", "ıslak", "Öko-Test")
    # user test r47 L1: letters with no decomposition came after Z (Łódź, Øresund, Þingvellir)
    names += ("Łódź Info", "Øresund", "Þingvellir", "Đà Nẵng")
    for name in names:
        feed = ensure_feed(db, f"https://x.example/{name}", name, url=f"https://x.example/{name}")
        save_articles(db, feed, [Article(f"From {name}", "text", guid=name)])
    listed = [row.name for row in list_feeds(db)]
    # `list --sort feed` and the app's headlines sorted by feed list them so too (r46: Équipe
    # and Ärzte came after Zeit, SQLite's NOCASE ordering ASCII only)
    for order in (SortOrder("feed"), SortOrder("feed", reverse=True)):
        rows = list_articles(db, order=order)
        assert [r.feed for r in rows] == (listed[::-1] if order.reverse else listed)
        assert [article_position(db, EVERY_ARTICLE, r.id, order) for r in rows] == [*range(15)]
    assert listed == [
        "Ärzte Zeitung",
        "Atom Lab",
        "Đà Nẵng",
        "eBay News",
        "Équipe",
        "ıslak",
        "Łódź Info",
        "News Desk 1",
        "news desk 2",
        "News Desk 10",
        "News Desk 19",
        "Öko-Test",
        "Øresund",
        "Þingvellir",
        "Zeit Online",
    ]
    db.conn.close()


def test_a_feed_is_found_by_its_name_in_any_case_of_any_script(tmp_path):
    # user test r45 M2: `list --feed 'SÜDDEUTSCHE …'` found no feed ('süddeutsche …' did)
    db = open_db(tmp_path / "n.db")
    greek = ensure_feed(
        db, "https://x.example/el", "Καθημερινή Ειδήσεις", url="https://x.example/el"
    )
    german = ensure_feed(
        db, "https://x.example/de", "Süddeutsche – München", url="https://x.example/de"
    )
    assert find_feed(db, "καθημερινή ειδήσεις") == find_feed(db, "ΚΑΘΗΜΕΡΙΝΉ ΕΙΔΉΣΕΙΣ") == greek
    assert find_feed(db, "SU\u0308DDEUTSCHE – MÜNCHEN") == german
    assert find_feed(db, "Süddeutsche - München") is None  # a hyphen: cli's did-you-mean
    # hostile r46 H2: of two feeds whose names fold alike, `remove` deleted the first found; a
    # name shown exactly so (its case) wins, else neither is taken and both are named
    nfc, nfd, upper = (
        ensure_feed(db, f"https://x.example/{n}", name, url=f"https://x.example/{n}")
        for n, name in enumerate(("Caf\u00e9", "Cafe\u0301", "CAFÉ"))
    )
    assert find_feed(db, "CAFE\u0301") == upper
    for typed in ("Caf\u00e9", "Cafe\u0301", "café"):
        with pytest.raises(SourceChoiceError) as refused:
            find_feed(db, typed)
        assert str(refused.value).startswith(f"3 sources are named {typed!r}: 'Café' (0 articles")
        assert str(refused.value).endswith(
            "'CAFÉ' (0 articles, https://x.example/2); name one by its URL (see `newstui feeds --json`)"
        )
    assert find_feed(db, "https://x.example/1") == nfd
    # M6: a name's invisible characters (ZWJ, bidi marks) are no part of it
    joined = ensure_feed(db, "https://x.example/t", "Te\u200dch", url="https://x.example/t")
    assert find_feed(db, "tech") == find_feed(db, "\u200fTECH") == joined
    assert nfc != nfd
    # r47: a document whose title shows nothing does not name its source blank
    assert name_by_title(db, joined, "\u3164\u200d\ufe0f", "Te\u200dch") == "Te\u200dch"
    db.conn.close()


def test_the_invisible_characters_of_names_are_the_format_characters_that_show_nothing():
    shown = {"\u0600", "\u0601", "\u0602", "\u0603", "\u0604", "\u0605", "\u06dd", "\u070f"}
    shown |= {"\u0890", "\u0891", "\u08e2", "\U000110bd", "\U000110cd"}
    planes = (*range(0x80, 0x20000), *range(0xE0000, 0xE0080))
    cf = {chr(c) for c in planes if unicodedata.category(chr(c)) == "Cf"}
    # review r46 L6: the default-ignorable characters that are no Cf show nothing either:
    # combining grapheme joiner, Hangul fillers, Khmer inherent vowels, variation selectors
    # and the Khitan small script filler (hostile r47 L5, as the hieroglyph joiners U+13430-…)
    also = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u17b4", "\u17b5", "\u180f"}
    also |= {"\U00016fe4"}
    also |= {chr(c) for c in (*range(0x180B, 0x180E), *range(0xFE00, 0xFE10))}
    also |= {chr(c) for c in range(0xE0100, 0xE01F0)}
    hidden = {c for c in cf | also if shown_name(f"a{c}b") == "ab"}
    assert hidden == (cf - shown) | also
    alike = ("Tech", "Tech\ufe0f", "Te\u034fch", "\u3164Tech", "Tech\U00013430", "Tech\U00016fe4")
    assert len({name_key(n) for n in alike}) == 1
    # r47 L5: as a listing shows them, told apart; what joins or varies an emoji is kept
    assert [visible_name(n) for n in alike[:2]] == ["Tech", "Tech\\uFE0F"]
    assert visible_name("Tech\xa0News\U000e0041") == "Tech\\u00A0News\\U000E0041"
    for kept in ("\U0001f468\u200d\U0001f469", "\U0001f6f0\ufe0f", "\u0645\u06cc\u200c\u062e"):
        assert visible_name(kept) == kept
    assert name_key("Tech\xa0News") == name_key("Tech\u2009 News") == "tech news"


@pytest.mark.parametrize("stored", [("wire", "Wire"), ("Wire", "wire")])
def test_names_alike_but_for_case_are_listed_in_one_order_whichever_was_stored_first(
    tmp_path, stored
):
    db = open_db(tmp_path / "n.db")
    for n, name in enumerate(stored):
        ensure_feed(db, f"local:/w{n}", name, kind="local")
    listed = [row.name for row in list_feeds(db)]
    db.conn.close()

    assert listed == ["Wire", "wire"]
