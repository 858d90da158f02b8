"""An entry's update after newstui's HTML converter changed (review r36 U1): an entry whose HTML
did not change is no update, and an update never throws away a full text fetched for it."""

from __future__ import annotations

from newstui.model import Article
from newstui.store.article_detail import get_article
from newstui.store.article_fulltext import articles_needing_fulltext, set_fulltext
from newstui.store.article_lists import list_articles
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed

# The same <ol> entry as html_to_text made it before (a bullet an item) and since (numbered);
# a <pre> block before (folded) and since (gutter lines); a table's cells before and since.
OLD_LIST = "The council agreed:\n\n• repairs\n• a new ferry"
NEW_LIST = "The council agreed:\n\n1. repairs\n2. a new ferry"
OLD_PRE = "Run it:\n\nprint(1) print(2)"
NEW_PRE = "Run it:\n\n\u2502 print(1)\n\u2502     print(2)"
OLD_TABLE = "Results:\n\nOslo 5 10\n\nBergen 7 12"
NEW_TABLE = "Results:\n\nOslo | 5 | 10\nBergen | 7 | 12"
# round 49: a <br> a line break (U+2028), an <hr> a rule, a superscript number after a caret,
# a loose list's paragraph on its bullet's line
OLD_RICH = "Poem: one, two\n\nE = mc2\n\nEnd.\n\n•\n\nan item"
NEW_RICH = "Poem:\u2028one,\u2028two\n\nE = mc^2\n\n──────────\n\nEnd.\n\n• an item"
FULL_TEXT = "\n\n".join(
    f"Paragraph {n} of the whole article, as its page gave it." for n in range(8)
)


def entry(text: str, n: int = 1) -> Article:
    return Article(title=f"Story {n}", text=text, guid=f"g{n}", url=f"https://e.example/{n}")


def texts_of(db) -> dict[str, str]:
    return {a.title: get_article(db, a.id).text for a in list_articles(db)}


def test_an_entry_only_converted_otherwise_is_no_update_and_keeps_its_text(db):
    feed = ensure_feed(db, "https://e.example/feed", "Example", url="https://e.example/feed")
    olds = [entry(OLD_LIST, 1), entry(OLD_PRE, 2), entry(OLD_TABLE, 3), entry(OLD_RICH, 4)]
    save_articles(db, feed, olds)

    news = [entry(NEW_LIST, 1), entry(NEW_PRE, 2), entry(NEW_TABLE, 3), entry(NEW_RICH, 4)]
    result = save_articles(db, feed, news)

    assert (result.new, result.updated) == (0, 0)
    assert texts_of(db) == {
        "Story 1": OLD_LIST,
        "Story 2": OLD_PRE,
        "Story 3": OLD_TABLE,
        "Story 4": OLD_RICH,
    }
    # the digest is the new one: the next fetch of the same entries is no update either, and a
    # real change later still is one
    assert save_articles(db, feed, [entry(NEW_LIST, 1)]).updated == 0
    changed = save_articles(db, feed, [entry(NEW_LIST.replace("ferry", "bridge"), 1)])
    assert changed.updated == 1
    assert texts_of(db)["Story 1"] == NEW_LIST.replace("ferry", "bridge")


def test_an_entry_whose_words_changed_is_still_an_update(db):
    feed = ensure_feed(db, "https://e.example/feed", "Example", url="https://e.example/feed")
    save_articles(db, feed, [entry(OLD_LIST)])

    result = save_articles(db, feed, [entry(NEW_LIST.replace("1. repairs", "1. road repairs"))])

    assert result.updated == 1


def test_an_updated_entry_keeps_the_full_text_fetched_for_it(db):
    feed = ensure_feed(db, "https://e.example/feed", "Example", url="https://e.example/feed")
    save_articles(db, feed, [entry("A two-line summary. Read more")])
    set_fulltext(db, 1, text=FULL_TEXT)

    result = save_articles(db, feed, [entry("A two-line summary, corrected. Read more")])

    assert result.updated == 1
    stored = get_article(db, 1)
    assert stored.text == FULL_TEXT  # not the summary: its page may be gone by now
    assert stored.summary == "A two-line summary, corrected. Read more"
    # review r36 U1b: the page is read again (even where "auto" finds the text whole) …
    assert stored.fulltext_status == "outdated"
    assert [row[0] for row in articles_needing_fulltext(db, [1], unless=lambda text: True)] == [1]
    # … and a page gone by now leaves the full text as it was
    set_fulltext(db, 1, text=None, error="HTTP 404")
    assert get_article(db, 1).text == FULL_TEXT


def test_a_private_feeds_entries_stored_with_its_password_in_their_links_are_no_update(db):
    """Review r45 M2: links lost the feed url's `me:pw@` in r45 (a relative link joined to it);
    the digest covers the link, so each stored article was "updated" (its full text fetched
    again), and one without guid, known by its link, was stored a second time."""
    feed = ensure_feed(db, "http://me:pw@e.example/f.xml", "P", url="http://me:pw@e.example/f.xml")

    def entries(at: str, text: str = "Text") -> list[Article]:
        return [
            Article("By guid", text, guid="g1", url=f"http://{at}e.example/1", summary="Sum"),
            Article("By link", text, url=f"http://{at}e.example/2"),
        ]

    save_articles(db, feed, entries("me:pw@"))

    assert save_articles(db, feed, entries("")).changed_ids == ()  # no update, nothing new
    assert save_articles(db, feed, entries("")).changed_ids == ()  # (the digests now match)
    assert {a.url for a in list_articles(db)} == {"http://e.example/1", "http://e.example/2"}
    assert save_articles(db, feed, entries("", "Text, corrected")).updated == 2


def test_an_entry_whose_embed_is_now_named_is_no_update(db):
    # round 51: an <iframe> was left out; it is a line naming it now; a blockquote's
    # paragraphs begin with "> "
    feed = ensure_feed(db, "https://e.example/feed", "Example", url="https://e.example/feed")
    old = "The council met.\n\nWe listened.\n\nNext item."
    save_articles(db, feed, [entry(old, 1)])
    new = "The council met.\n\n> We listened.\n\n▶ Video: Council meeting, December 1\n\nNext item."
    assert save_articles(db, feed, [entry(new, 1)]).updated == 0
    assert texts_of(db) == {"Story 1": old}
    assert save_articles(db, feed, [entry(new.replace("met", "sat"), 1)]).updated == 1


def test_an_entry_whose_headings_lists_and_struck_words_are_now_marked_is_no_update(db):
    # round 52: a heading's "## ", a loose list read tight, struck words' "~~", code in a
    # quote after the quote's marks
    feed = ensure_feed(db, "https://e.example/feed", "Example", url="https://e.example/feed")
    old = "Results\n\n• one\n\n• two\n\nWas $12 now $8.\n\n│ x = 1"
    save_articles(db, feed, [entry(old, 1)])
    new = "## Results\n\n• one\n• two\n\nWas ~~$12~~ now $8.\n\n> │ x = 1"
    assert save_articles(db, feed, [entry(new, 1)]).updated == 0
    assert texts_of(db) == {"Story 1": old}
    assert save_articles(db, feed, [entry(new.replace("Results", "Scores"), 1)]).updated == 1
