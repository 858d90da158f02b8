"""Entity, speaker and quote filters judge an article once its analysis is stored (user test
r36 L14: a filter pass that ran while another refresh's new article waited for its analysis
counted it seen, so `person:"Donald Trump"` never hid it). Word filters judge at once."""

from __future__ import annotations

import pytest

from newstui.config import load_config
from newstui.ingest import apply_filters
from newstui.library import Library
from newstui.model import Analysis, Article, Entity, Mention
from newstui.nlp import canonical_key, short_key
from newstui.store.articles import save_articles
from newstui.store.feeds import ensure_feed

TRUMP = "The visit was planned under the Presidency of Donald Trump, aides said."
FILTERS = """
[[filters]]
query = 'person:"Donald Trump"'
action = "hide"

[[filters]]
query = "visit"
action = "read"
"""


@pytest.fixture
def settings(config_file):
    path = config_file({})
    with path.open("a", encoding="utf-8") as out:
        out.write(FILTERS)
    return load_config(path)


def analyse(library: Library, article_id: int, text: str = TRUMP) -> None:
    """Store the analysis an extractor would find in TRUMP: the person Donald Trump."""
    start = text.index("Donald Trump")
    person = Entity("Donald Trump", "PERSON", (Mention(start, start + 12, "Donald Trump"),))
    library.save_analyses([(article_id, Analysis((person,)))], "test-1", canonical_key, short_key)


def test_an_entity_filter_judges_an_article_another_refresh_stored_once_it_is_analysed(
    db, settings
):
    library = Library(db)
    feed = ensure_feed(db, "http://news.test/wire", "Wire")
    [first] = save_articles(db, feed, [Article("Aides", TRUMP, guid="1")]).changed_ids
    analyse(library, first)
    # another refresh stores an article and is still analysing it (the analysis held) when
    # this refresh's filter pass runs
    [second] = save_articles(db, feed, [Article("Aides again", TRUMP, guid="2")]).changed_ids
    apply_filters(library, settings)
    assert is_hidden(db, first) and not is_hidden(db, second)
    assert is_read(db, second)  # a word filter needs no analysis: judged at once

    analyse(library, second)  # the other refresh's analysis is stored, then its filter pass
    apply_filters(library, settings)

    assert is_hidden(db, second)


def test_a_hidden_article_whose_text_changed_stays_hidden_until_its_new_text_is_analysed(
    db, settings
):
    library = Library(db)
    feed = ensure_feed(db, "http://news.test/wire", "Wire")
    [article_id] = save_articles(db, feed, [Article("Aides", TRUMP, guid="1")]).changed_ids
    analyse(library, article_id)
    apply_filters(library, settings)
    assert is_hidden(db, article_id)
    updated = TRUMP + " The trip was cancelled."
    save_articles(db, feed, [Article("Aides", updated, guid="1")])  # its analysis is redone

    apply_filters(library, settings)  # (a pass before the new text's analysis is stored)
    assert is_hidden(db, article_id)  # not shown for want of entities
    analyse(library, article_id, updated)
    apply_filters(library, settings)

    assert is_hidden(db, article_id)
    assert library.texts_changed().ids == ()


def test_a_changed_text_whose_new_analysis_no_longer_names_the_person_is_shown_again(db, settings):
    library = Library(db)
    feed = ensure_feed(db, "http://news.test/wire", "Wire")
    [article_id] = save_articles(db, feed, [Article("Aides", TRUMP, guid="1")]).changed_ids
    analyse(library, article_id)
    apply_filters(library, settings)
    other = "The visit was planned long ago, aides said."
    save_articles(db, feed, [Article("Aides", other, guid="1")])
    apply_filters(library, settings)
    assert is_hidden(db, article_id)  # waiting for its analysis

    library.save_analyses([(article_id, Analysis())], "test-1", canonical_key, short_key)
    apply_filters(library, settings)

    assert not is_hidden(db, article_id)


def is_hidden(db, article_id: int) -> bool:
    row = db.execute("SELECT hidden FROM articles WHERE id = ?", [article_id]).fetchone()
    return bool(row[0])


def is_read(db, article_id: int) -> bool:
    return bool(db.execute("SELECT read FROM articles WHERE id = ?", [article_id]).fetchone()[0])
