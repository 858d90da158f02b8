"""One story once: copies of a story from other feeds are joined, listed once and read together;
different stories on the same topic stay apart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from newstui.library import Library
from newstui.model import Article, ArticleFilter
from newstui.query import parse_query
from newstui.stories import similarity, sketch

NOW = datetime.now(UTC).replace(microsecond=0)
STORY = (
    "The regional council voted on Tuesday to close three branch libraries in the north of the "
    "city, citing a shortfall of four million pounds in next year's budget. Campaigners who "
    "gathered outside the town hall said the decision would leave thousands of children without "
    "a quiet place to study. The council leader said the authority had no other choice after "
    "central government cut its grant for the fifth year running. Staff at the affected branches "
    "will be offered posts elsewhere, a spokesperson said, and the buildings will be sold. "
    "A public consultation earlier this year drew more than two thousand responses, most of "
    "them opposing any closure. Opposition councillors called for the plan to be paused until "
    "an independent review of library use had been completed and published in full."
)
OTHER = (
    "The regional council approved a plan on Wednesday to extend opening hours at the central "
    "library, funded by a grant from a local charity. The library will open until nine in the "
    "evening on weekdays from next month, the council said. Students had petitioned for longer "
    "hours during the exam season, saying the reading rooms were full by mid-morning. The "
    "charity said it hoped other branches in the city would follow once the pilot was judged. "
    "Library staff welcomed the change but asked for more security in the evenings."
)


def copy_of(text: str) -> str:
    """The same wire story as another outlet runs it: byline, boilerplate, the end cut."""
    sentences = text.split(". ")
    kept = ". ".join(sentences[: len(sentences) * 3 // 4])
    return (
        "By Staff Reporter, Press Association\n\n"
        + kept
        + ".\n\nFollow us for more local news. Copyright 2026 Daily Courier. All rights reserved."
    )


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "s.db") as library:
        yield library


def add(library: Library, feed: str, title: str, text: str, minutes: int) -> int:
    source = library.register_source(f"https://{feed}.example/feed", feed)
    article = Article(
        title=title, text=text, guid=title, published=NOW - timedelta(minutes=minutes)
    )
    return library.save_batch(source, [article]).changed_ids[0]


def test_a_copy_scores_high_and_a_same_topic_story_low():
    original, copy, other = sketch(STORY), sketch(copy_of(STORY)), sketch(OTHER)
    assert original and copy and other
    assert similarity(original, copy) >= 0.5
    assert similarity(original, other) < 0.1
    assert sketch("Too short to judge.") is None


def test_sketches_stay_those_stored_by_earlier_versions():
    """Stored sketches and band keys are compared with new ones: the same text must give the
    same bytes whatever way the sketch is computed (digests of what schema 20 stores, and of
    schema 22's band keys)."""
    import hashlib

    from newstui.stories import story_sketch

    marked = copy_of(STORY).replace(" said", " said\u2014\u201cyes\u201d, caf\u00e9 na\u00efve")
    for text, packed, keys in (
        (STORY, "ea08467d18b6b71b", "dcc634b94e22ec8d"),
        (marked, "771d0e04e74b1b3c", "e56e29d1f573cbab"),
    ):
        made = story_sketch(text)
        assert made.packed is not None
        assert hashlib.blake2b(made.packed, digest_size=8).hexdigest() == packed
        assert hashlib.blake2b(repr(made.keys).encode(), digest_size=8).hexdigest() == keys


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII: the Mayor's office said it would OPEN at 9am_sharp, didn't it?",
        "\u201cWe\u2019re ready\u201d \u2014 the minister\u2026 said.\u00a0Caf\u00e9 na\u00efve",
        "Stra\u00dfe \ufb00ort \u0130stanbul \u212a 12\u00b3 \u0661\u0662 \u65e5\u672c\u8a9e "
        "\u0645\u0631\u062d\u0628\u0627 x\u203fy a\u00b7b \u2028 end",
        "broken \ud800surrogate\udfff here, tab\tand\x1cseparator \x00 nul",
        "\u201c\u201d\u2019 \u2014 !!",
        # every mark replaced before the split, glued to words, and neighbours that are not
        "a\u2018b\u2013c\u00a0d\u2026e\u201cf\u201dg\u2019h\u2014i \u2015j\u2010k\u00a1l\u00b7m",
        "",
    ],
)
def test_the_words_sketched_are_those_the_expression_finds_in_any_script(text):
    from newstui.stories import word_bytes, words

    assert word_bytes(text) == [w.encode("utf-8", "surrogatepass") for w in words(text)]


def test_copies_in_other_feeds_are_one_story_listed_once_and_read_together(library):
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    other = add(library, "courier", "Central library to open later", OTHER, 10)
    assert library.find_stories() == 1
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    assert [v.feed for v in library.story_versions(first)] == ["wire", "courier"]
    assert library.story_versions(other)[0].article_id == other
    # One row in the headline lists, both versions in their own feed's list.
    assert [r.id for r in library.articles()] == [other, first]
    assert library.count() == 2
    assert library.smart_counts().total == 2 and library.smart_counts().unread == 2
    courier = library.find_source("courier")
    assert {r.id for r in library.articles(ArticleFilter(feed_id=courier))} == {copy, other}
    assert [r.id for r in library.articles(ArticleFilter(query=parse_query("campaigners")))] == [
        first
    ]
    # Reading one version reads them all.
    library.mark([first], read=True)
    assert library.article(copy).row.read
    assert not library.article(other).row.read
    assert library.detail(first).versions[1].article_id == copy


def test_a_search_finds_a_story_by_any_version_and_lists_the_one_that_matches(library):
    """User test r43 H1: the second outlet's headline, or its feed, found nothing."""
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    for feed in ("wire", "courier"):
        library.register_source(f"https://{feed}.example/feed", feed, tags=("News",))
    library.find_stories()
    courier = library.find_source("courier")
    for query, expected in [
        ("title:axed", [copy]),  # only the copy's headline: the copy (one set: a count's own)
        ('feed:"courier" campaigners', [copy]),  # as `list --feed courier` lists it
        (ArticleFilter(feed_id=courier, query=parse_query("campaigners")), [copy]),
        ("feed:courier OR feed:wire", [first]),  # both match: the story once, its first
        ("campaigners", [first]),
        ("title:axed OR title:close", [first]),
        ("tag:news", [first]),  # as `list --tag news` and the app's #News list it
        (ArticleFilter(tag="news"), [first]),
    ]:
        f = query if isinstance(query, ArticleFilter) else ArticleFilter(query=parse_query(query))
        assert [r.id for r in library.articles(f)] == expected, query
        assert library.count(f) == len(expected), query
        if f.query is not None and f == ArticleFilter(query=f.query):
            assert [r.id for r in library.search(f.query)] == expected, query
    assert library.tag_counts(library.sources()) == [("News", 1, 1)]  # the app's #News

    # the versions of the stories with copies are read from their index, not row by row, when
    # the conditions need no other column (schema 46); Starred starts from its own index
    def statements_of(*calls: Callable[[], object]) -> list[str]:
        statements: list[str] = []
        library.forget_match_sets()
        library._db.conn.set_trace_callback(statements.append)
        for call in calls:
            call()
        library._db.conn.set_trace_callback(None)
        return statements

    statements = statements_of(
        lambda: library.count(ArticleFilter(query=parse_query("campaigners"))),
        lambda: library.count(ArticleFilter(starred=True)),
    )
    folds = [s for s in statements if "first_value" in s]
    assert ["INDEXED BY articles_fold" in s for s in folds] == [True, False]
    # the query `starred` as Starred; smart counts read the copies' marks there too (r44)
    starred = ArticleFilter(starred=True)
    assert statements_of(lambda: library.count(ArticleFilter(query=parse_query("starred")))) == (
        statements_of(lambda: library.count(starred))
    )
    assert any("INDEXED BY articles_fold" in s for s in statements_of(library.smart_counts))
    # a copy starred (in its feed, or found so) is listed in Starred and counted there
    library.mark([copy], starred=True)
    assert [r.id for r in library.articles(ArticleFilter(starred=True))] == [copy]
    assert (library.smart_counts().starred, library.smart_counts().total) == (1, 1)
    library.mark([first], starred=True)  # both: the story once, its first version
    assert [r.id for r in library.articles(ArticleFilter(starred=True))] == [first]
    assert library.smart_counts().starred == 1
    # a story is unread when the version listed is: Starred's count, `list --starred --unread`
    library.set_flags_exactly([first], read=True)  # (its copy left unread: a sync, an undo)
    for f in (
        ArticleFilter(starred=True, unread=True),
        ArticleFilter(tag="news", unread=True),
        ArticleFilter(query=parse_query("tag:news unread")),  # r44: the copy, unread
        ArticleFilter(query=parse_query("unread starred")),
        ArticleFilter(query=parse_query("unread")),  # as Unread: the story's first, read
    ):
        assert library.articles(f) == [] and library.count(f) == 0, f
    assert library.smart_counts().starred_unread == 0
    assert library.tag_counts(library.sources()) == [("News", 1, 0)]


def test_a_folder_lists_and_counts_once_a_story_its_subfolders_feeds_carry(library):
    """A folder holds its subfolders (user test r47 M1): #News lists the wire's story once when
    News/Europe's courier carries it too, and counts it once; each subfolder keeps its own."""
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    other = add(library, "courier", "Central library to open later", OTHER, 10)
    library.register_source("https://wire.example/feed", "wire", tags=("News",))
    library.register_source("https://courier.example/feed", "courier", tags=("News/Europe",))
    library.find_stories()
    for f, expected in [
        (ArticleFilter(tag="news"), [other, first]),  # the copy left out
        (ArticleFilter(query=parse_query("tag:NEWS")), [other, first]),
        (ArticleFilter(tag="News/Europe"), [other, copy]),  # the subfolder alone
    ]:
        assert [r.id for r in library.articles(f)] == expected, f
        assert library.count(f) == len(expected), f
    assert library.tag_counts(library.sources()) == [("News", 2, 2), ("News/Europe", 2, 2)]


def test_story_copies_names_only_the_ids_joined_to_another_story(library):
    """What the app asks of a list that keeps its ids (Unread) after a join under it."""
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    other = add(library, "courier", "Central library to open later", OTHER, 10)
    assert library.story_copies([first, copy, other]) == set()  # not sketched yet
    library.find_stories()
    assert library.story_copies([first, copy, other, 999]) == {copy}
    assert library.story_copies([first, other]) == set()
    assert library.story_copies([]) == set()
    # a search lists the copy that matches it: a copy only where its first version is listed
    search = ArticleFilter(query=parse_query("libraries unread"))
    assert library.story_copies([copy, other], search) == set()
    assert library.story_copies([first, copy, other], search) == {copy}


def test_stories_are_found_a_batch_at_a_time_and_copies_join_across_batches(library, monkeypatch):
    from newstui.store import stories

    monkeypatch.setattr(stories, "SKETCH_BATCH", 2)  # memory stays flat: never every text at once
    first = add(library, "wire", "Council to close three libraries", STORY, 50)
    others = [add(library, "wire", f"Short note {n}", f"Note {n}.", 40 - n) for n in range(3)]
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    assert library.find_stories() == 1
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    assert all(library.story_versions(o)[0].article_id == o for o in others)


def test_the_same_text_within_one_feed_is_not_joined(library):
    add(library, "wire", "Council to close three libraries", STORY, 30)
    add(library, "wire", "Council to close three libraries (updated)", copy_of(STORY), 20)
    assert library.find_stories() == 0
    assert library.count() == 2


def v15_band_keys(signature: tuple[int, ...]) -> list[int]:
    """Band keys as newstui stored them before schema 16: the whole 64-bit hash, signed."""
    import hashlib
    import struct

    from newstui.stories import BANDS, EMPTY, ROWS

    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        if all(r == EMPTY for r in rows):
            continue
        data = struct.pack(f"<H{ROWS}Q", band, *rows)
        value = int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")
        keys.append(value - (1 << 63))
    return keys


def test_a_story_sketched_before_schema_16_still_joins_a_new_copy(tmp_path):
    import sqlite3
    import struct

    from newstui.store.schema import MIGRATIONS
    from newstui.stories import band_keys, stored_form

    path = tmp_path / "v15.db"
    conn = sqlite3.connect(path)
    for statement in [s for migration in MIGRATIONS[:15] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 15")
    conn.execute(
        "INSERT INTO feeds (id, key, name) VALUES (1, 'https://wire.example/feed', 'wire')"
    )
    conn.execute(
        "INSERT INTO articles (id, feed_id, guid, title, first_seen, sort_date, text, "
        "content_hash) VALUES (1, 1, 'g', 'Council to close three libraries', ?, ?, ?, 'h')",
        [(NOW - timedelta(hours=1)).isoformat()] * 2 + [STORY],
    )
    signature = sketch(STORY)
    assert signature is not None
    old_sketch = struct.pack(f"<{len(signature)}Q", *signature)  # 1,024 bytes, as stored then
    conn.execute("INSERT INTO stories VALUES (1, 1, ?)", [old_sketch])
    old_keys = v15_band_keys(signature)
    conn.executemany("INSERT INTO story_bands VALUES (?, 1)", [(k,) for k in old_keys])
    conn.commit()
    conn.close()

    with Library.open(path) as library:
        copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
        assert library.find_stories() == 1
        assert [v.article_id for v in library.story_versions(copy)] == [1, copy]
    conn = sqlite3.connect(path)
    stored = {k for (k,) in conn.execute("SELECT key FROM story_bands WHERE article_id = 1")}
    assert stored == set(band_keys(stored_form(signature))) and len(stored) == len(set(old_keys))
    new_sketch = conn.execute("SELECT sketch FROM stories WHERE article_id = ?", [copy]).fetchone()
    assert len(new_sketch[0]) == len(old_sketch) // 2
    conn.close()


def test_sketches_made_elsewhere_join_stories_and_the_first_version_leads_whatever_comes_first(
    library,
):
    from newstui.stories import story_sketch

    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    again = add(library, "gazette", "Three branch libraries to shut", copy_of(STORY), 10)
    other = add(library, "courier", "Central library to open later", OTHER, 5)
    assert library.unsketched([first, copy, again, other]) == [first, copy, again, other]
    # Analysis chunks come back in any order: the copy is sketched before the original.
    assert library.join_stories([(copy, story_sketch(copy_of(STORY)))]) == 0
    assert library.join_stories([(other, story_sketch(OTHER)), (first, story_sketch(STORY))]) == 1
    assert library.join_stories([(again, story_sketch(copy_of(STORY)))]) == 1
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy, again]
    assert [r.id for r in library.articles()] == [other, first]  # listed under the first
    assert library.unsketched([first, copy, again, other]) == []
    assert library.find_stories() == 0  # nothing left to sketch here


def test_an_article_sketched_meanwhile_or_deleted_is_left_as_it_is(library):
    from newstui.stories import story_sketch

    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    assert library.find_stories() == 1
    # A worker's sketch of a different text arrives late: the stored story stays.
    assert library.join_stories([(copy, story_sketch(OTHER)), (99_999, story_sketch(STORY))]) == 0
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    assert library.unsketched([first, copy, 99_999]) == []


def test_only_recent_articles_are_worth_sketching(library, tmp_path):
    import sqlite3

    recent = add(library, "wire", "Council to close three libraries", STORY, 30)
    old = add(library, "courier", "Central library to open later", OTHER, 10)
    with sqlite3.connect(tmp_path / "s.db") as conn:  # first seen long ago (analysed again)
        conn.execute(
            "UPDATE articles SET first_seen = '2020-01-01T00:00:00+00:00' WHERE id = ?", [old]
        )
    assert library.unsketched([old, recent]) == [recent]


def test_schema_20_sketches_recent_articles_again_and_keeps_every_story(tmp_path):
    """Sketches stored before schema 20 hashed shingles another way: recent articles are
    sketched again from their texts (with their band keys), older ones stay in their stories
    but are no longer candidates; no article changes story."""
    import sqlite3

    from newstui.stories import story_sketch

    path = tmp_path / "v19.db"
    with Library.open(path) as library:
        first = add(library, "wire", "Council to close three libraries", STORY, 40)
        again = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 30)
        old = add(library, "wire", "Library hours extended", OTHER, 20)
    conn = sqlite3.connect(path)
    month_ago = (NOW - timedelta(days=30)).isoformat()
    conn.execute("UPDATE articles SET first_seen = ? WHERE id = ?", [month_ago, old])
    earlier = bytes(range(256)) * 2  # 128 bins as schema 19 stored them, of another hash
    for article_id, story_id in ((first, first), (again, first), (old, old)):
        conn.execute("INSERT INTO stories VALUES (?, ?, ?)", [article_id, story_id, earlier])
        conn.executemany(
            "INSERT INTO story_bands VALUES (?, ?)", [(k, article_id) for k in range(42)]
        )
    conn.execute("PRAGMA user_version = 19")  # schema 20 replayed on the store it made
    conn.commit()
    conn.close()

    with Library.open(path) as library:
        conn = sqlite3.connect(path)
        stories = dict(conn.execute("SELECT article_id, story_id FROM stories"))
        assert stories == {first: first, again: first, old: old}
        for article_id, text in ((first, STORY), (again, copy_of(STORY))):
            made = story_sketch(text)
            assert conn.execute(
                "SELECT sketch FROM stories WHERE article_id = ?", [article_id]
            ).fetchone() == (made.packed,)
            keys = conn.execute("SELECT key FROM story_bands WHERE article_id = ?", [article_id])
            assert {k for (k,) in keys} == set(made.keys)
        assert conn.execute(
            "SELECT sketch FROM stories WHERE article_id = ?", [old]
        ).fetchone() == (None,)
        assert not conn.execute("SELECT 1 FROM story_bands WHERE article_id = ?", [old]).fetchall()
        conn.close()
        late = add(library, "gazette", "Three libraries to shut", copy_of(STORY), 10)
        assert library.find_stories() == 1
        assert [v.article_id for v in library.story_versions(late)] == [first, again, late]


def test_schema_22_makes_every_stored_sketchs_band_keys_again_and_keeps_its_story(tmp_path):
    """Band keys stored before schema 22 were blake2b digests of each band: every stored
    sketch gets schema 22's keys from its stored bytes; sketches and stories stay as they are,
    an unsketched article gets none, and a later copy still joins its story."""
    import sqlite3

    from newstui.stories import story_sketch

    path = tmp_path / "v21.db"
    with Library.open(path) as library:
        first = add(library, "wire", "Council to close three libraries", STORY, 40)
        again = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 30)
        short = add(library, "wire", "Library hours extended", "Too short to judge.", 20)
        assert library.find_stories() == 1
    conn = sqlite3.connect(path)
    stories = conn.execute("SELECT * FROM stories ORDER BY article_id").fetchall()
    conn.execute("UPDATE story_bands SET key = (key * 7 + 3) % 4294967296")  # earlier keys
    conn.execute("PRAGMA user_version = 21")  # schema 22 replayed on the store it made
    conn.commit()
    conn.close()

    with Library.open(path) as library:
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT * FROM stories ORDER BY article_id").fetchall() == stories
        for article_id, text in ((first, STORY), (again, copy_of(STORY))):
            made = story_sketch(text)
            keys = conn.execute("SELECT key FROM story_bands WHERE article_id = ?", [article_id])
            assert sorted(k for (k,) in keys) == sorted(made.keys) and made.keys
        assert not conn.execute(
            "SELECT 1 FROM story_bands WHERE article_id = ?", [short]
        ).fetchall()
        conn.close()
        late = add(library, "gazette", "Three libraries to shut", copy_of(STORY), 10)
        assert library.find_stories() == 1
        assert [v.article_id for v in library.story_versions(late)] == [first, again, late]


def _store_at_schema_19(path) -> list[int]:
    """A store as schema 19 left it: three recent articles in stories with sketches of the old
    hash (the migration to 20 makes them again). Returns the articles' ids."""
    import sqlite3

    with Library.open(path) as library:
        ids = [
            add(library, "wire", f"Copy {n}", f"{copy_of(STORY)} Copy {n}.", n) for n in (1, 2, 3)
        ]
    conn = sqlite3.connect(path)
    earlier = bytes(range(256)) * 2
    conn.executemany("INSERT INTO stories VALUES (?, ?, ?)", [(i, ids[0], earlier) for i in ids])
    conn.execute("PRAGMA user_version = 19")
    conn.commit()
    conn.close()
    return ids


def _stories(path) -> list[tuple[int, int, bool]]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT article_id, story_id, sketch IS NOT NULL FROM stories")
        return sorted((a, s, bool(k)) for a, s, k in rows)


@pytest.mark.parametrize(
    "stored", [b"\x00\x11 not zlib", __import__("zlib").compress(b"\xff\xfe not UTF-8"), "", 42]
)
def test_an_article_text_that_does_not_unpack_does_not_stop_schema_20(tmp_path, stored):
    """Another tool (or a bad disk) wrote an article's text, or left it empty: the store opens,
    that article keeps its story without a sketch, the others are sketched again."""
    import sqlite3

    from test_index_repair import write_text_behind_the_triggers

    from newstui.store.sql_functions import add_text_functions

    path = tmp_path / "v19.db"
    first, *others = _store_at_schema_19(path)
    conn = sqlite3.connect(path)
    add_text_functions(conn)
    write_text_behind_the_triggers(conn, first, stored)  # no full-text index kept
    conn.close()

    with Library.open(path) as library:
        assert library.article(others[0]) is not None
    assert _stories(path) == [(first, first, False), *((i, first, True) for i in others)]


def test_a_stop_during_schema_20_is_a_stop_and_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    """SIGTERM while the migration sketches articles (inside SQLite's call of Python): the
    command stops as a stop ("stopped by SIGTERM"), not "not a usable newstui database", and the
    store is untouched until the next open migrates it."""
    import os
    import signal

    import newstui.stories
    from newstui.signals import Stopped, stop_on_signals

    path = tmp_path / "v19.db"
    ids = _store_at_schema_19(path)
    before = _stories(path)
    sketch = newstui.stories.story_sketch

    def signalled(text: str):
        os.kill(os.getpid(), signal.SIGTERM)
        return sketch(text)

    monkeypatch.setattr(newstui.stories, "story_sketch", signalled)
    with pytest.raises(Stopped), stop_on_signals():
        Library.open(path)
    assert _stories(path) == before
    monkeypatch.setattr(newstui.stories, "story_sketch", sketch)
    with Library.open(path) as library:
        assert library.article(ids[0]) is not None
    assert _stories(path) == [(i, ids[0], True) for i in ids]


def test_a_process_killed_during_schema_20_leaves_a_store_that_opens(tmp_path):
    """SIGKILL half-way through the sketches: nothing of the migration was written, and the
    next open migrates the store whole."""
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "v19.db"
    ids = _store_at_schema_19(path)
    before = _stories(path)
    started = tmp_path / "sketching"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, pathlib, newstui.stories as s; from newstui.store import open_db\n"
            "made = s.story_sketch\n"
            "def slow(text):\n"
            "    pathlib.Path(sys.argv[2]).touch(); time.sleep(60); return made(text)\n"
            "s.story_sketch = slow\n"
            "open_db(sys.argv[1])",
            str(path),
            str(started),
        ]
    )
    try:
        deadline = time.monotonic() + 60
        while not started.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.exists()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert _stories(path) == before
    with Library.open(path) as library:
        assert library.article(ids[0]) is not None
    assert _stories(path) == [(i, ids[0], True) for i in ids]


def test_removing_the_feed_that_brought_a_story_first_keeps_the_other_feeds_copies_listed(
    library,
):
    first = add(library, "wire", "Council to close three libraries", STORY, 40)
    again = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 30)
    later = add(library, "gazette", "Three libraries to shut", copy_of(STORY), 20)
    assert library.find_stories() == 2
    assert [r.id for r in library.articles()] == [first]  # one story once

    wire = library.find_source("wire")
    assert wire is not None
    assert library.remove_source(wire).deleted == 1

    assert [r.id for r in library.articles()] == [again]  # the next version leads it now
    assert library.smart_counts().unread == 1
    assert [v.article_id for v in library.story_versions(later)] == [again, later]


def test_schema_23_leads_the_stories_an_earlier_removal_left_without_a_leader(tmp_path):
    """Before, removing the feed that brought a story first left its copies pointing at a
    deleted article: schema 23 makes the lowest id left lead each such story."""
    import sqlite3

    path = tmp_path / "v22.db"
    with Library.open(path) as library:
        first = add(library, "wire", "Council to close three libraries", STORY, 40)
        again = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 30)
        later = add(library, "gazette", "Three libraries to shut", copy_of(STORY), 20)
        alone = add(library, "wire", "Library hours extended", OTHER, 10)
        assert library.find_stories() == 2
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM stories WHERE article_id = ?", [first])  # as remove_feed left it
    conn.execute("PRAGMA user_version = 22")
    conn.commit()
    conn.close()

    with Library.open(path) as library:
        assert {r.id for r in library.articles()} == {first, again, alone}
        assert [v.article_id for v in library.story_versions(later)] == [again, later]


FOOTER = (
    "This story was produced by the Regional News Network, a nonprofit newsroom that covers "
    "local government, schools and the environment across the valley. Sign up for our free "
    "morning newsletter to get the day's most important stories delivered to your inbox, and "
    "follow us on social media for breaking updates. Our journalism is made possible by readers "
    "like you: become a member today and support independent local reporting that holds the "
    "powerful to account."
)
LOCAL = [
    (
        "School board approves new budget",
        "The school board voted 5-2 on Tuesday to approve a "
        "budget that adds twelve teachers and delays the gym renovation until next year.",
    ),
    (
        "Bridge closed after inspection",
        "Engineers closed the Mill Street bridge on Wednesday "
        "after an inspection found corrosion in two support beams; detours will last a month.",
    ),
    (
        "Library extends weekend hours",
        "The county library will open on Sundays starting in "
        "January after the council found money in the parks budget for four new staff.",
    ),
    (
        "Farmers market moves indoors",
        "The Saturday farmers market will move into the old "
        "armory for the winter, organizers said, with thirty stalls and free parking nearby.",
    ),
    (
        "Water rates to rise 4 percent",
        "Households will pay about three dollars more a month "
        "for water from March after the utility board approved a rate increase on Monday.",
    ),
]


def test_different_stories_under_one_footer_in_two_feeds_stay_apart(library):
    """r29's H1: one newsroom's two feeds, short different stories under the same ~90-word
    footer: the sketches find them alike, their own texts do not."""
    ids = [
        add(library, "net-a" if n < 3 else "net-b", title, f"{text}\n\n{FOOTER}", 50 - n)
        for n, (title, text) in enumerate(LOCAL)
    ]
    assert library.find_stories() == 0
    assert library.count() == 5
    assert all([v.article_id for v in library.story_versions(i)] == [i] for i in ids)
    assert library.mark([ids[3]], read=True) == 1
    assert [library.article(i).row.read for i in ids] == [False, False, False, True, False]


def test_one_short_story_under_a_long_footer_in_each_of_two_new_feeds_stays_apart(library):
    """No other article of either feed shows the footer yet: the titles, with no word in
    common, ask for more than the shared footer gives."""
    (t1, s1), (t2, s2) = LOCAL[0], LOCAL[1]
    add(library, "net-a", t1, f"{s1}\n\n{FOOTER}", 20)
    add(library, "net-b", t2, f"{s2}\n\n{FOOTER}", 10)
    assert library.find_stories() == 0
    assert library.count() == 2


def test_a_wire_story_in_two_feeds_with_their_own_footers_is_still_one_story(library):
    """The copies' boilerplate (each feed's footer, in its other articles too) does not count,
    and what is left is the same story."""
    wire_footer = "Reporting by Press Association; editing by the national desk."
    courier_footer = "Sign up for the Courier's free morning newsletter and follow us for news."
    for n, (title, text) in enumerate(LOCAL[:3]):
        add(library, "wire", title, f"{text}\n\n{wire_footer}", 60 - n)
        add(library, "courier", title + " (local)", f"{text} Extra.\n\n{courier_footer}", 55 - n)
    library.find_stories()  # (the local stories: see the test above)
    first = add(
        library, "wire", "Council to close three libraries", f"{STORY}\n\n{wire_footer}", 30
    )
    copy = add(
        library,
        "courier",
        "Libraries axed in budget squeeze",
        f"{copy_of(STORY)}\n\n{courier_footer}",
        20,
    )
    assert library.find_stories() == 1
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]


def test_schema_29_splits_stored_stories_joined_by_a_footer_and_keeps_real_copies(tmp_path):
    """Stores joined by the whole text before: upgrading judges each stored join again; the
    articles and their marks stay."""
    import sqlite3

    path = tmp_path / "v28.db"
    with Library.open(path) as library:
        local = [
            add(library, "net-a" if n < 3 else "net-b", title, f"{text}\n\n{FOOTER}", 50 - n)
            for n, (title, text) in enumerate(LOCAL)
        ]
        first = add(library, "wire", "Council to close three libraries", STORY, 40)
        copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 30)
        library.find_stories()
        library.mark([local[4]], read=True)
    conn = sqlite3.connect(path)
    # as schema 28 joined them: every local story in the first one's
    conn.execute(
        "UPDATE stories SET story_id = ? WHERE article_id IN (?, ?, ?, ?)", [local[0], *local[1:]]
    )
    conn.execute("PRAGMA user_version = 28")
    conn.commit()
    conn.close()
    assert Library.upgrade_ahead(path) == 7  # the joins are judged again: said before it starts
    with Library.open(path) as library:
        assert all([v.article_id for v in library.story_versions(i)] == [i] for i in local)
        assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
        assert library.count() == 6
        assert [library.article(i).row.read for i in local] == [False] * 4 + [True]


def test_stored_sketches_compare_as_their_unpacked_bins_do():
    import random

    from newstui.stories import _PACK_V15, KEY_MASK, pack, packed_similarity, unpack

    rng = random.Random(29)
    for _ in range(200):
        a = [rng.choice((KEY_MASK, rng.getrandbits(32), 7)) for _ in range(128)]
        b = [rng.choice((KEY_MASK, v, rng.getrandbits(32))) for v in a]
        assert packed_similarity(pack(a), pack(b)) == similarity(unpack(pack(a)), unpack(pack(b)))
    whole = _PACK_V15.pack(*[rng.getrandbits(57) for _ in range(128)])
    assert packed_similarity(whole, pack(unpack(whole))) == 1.0
    assert packed_similarity(pack([KEY_MASK] * 128), pack([KEY_MASK] * 128)) == 0.0


def test_another_connection_writes_while_stories_are_found(library, monkeypatch, tmp_path):
    """r29 M1: the app's background sketching held the write lock for a whole batch (up to
    91 s), and another newstui's write failed after waiting 30 s. Each transaction now ends
    after JOIN_HOLD_SECONDS (0 here: one article each) and the lock is free between them: a
    second connection that does not wait at all (busy timeout 0) writes every time."""
    import sqlite3

    from newstui.store import stories

    monkeypatch.setattr(stories, "JOIN_HOLD_SECONDS", 0.0)
    ids = [
        add(library, "wire" if n % 2 else "courier", f"Story {n}", f"{STORY} Take {n}.", 40 - n)
        for n in range(6)
    ]
    other = sqlite3.connect(library.database_file(), timeout=0, isolation_level=None)
    written: list[int] = []

    def write_from_another_process() -> None:
        sketched = other.execute("SELECT count(*) FROM stories").fetchone()[0]
        other.execute("BEGIN IMMEDIATE")  # fails at once ("database is locked") if held
        other.execute("UPDATE articles SET starred = 1 WHERE id = ?", [ids[0]])
        other.execute("COMMIT")
        written.append(sketched)

    library.find_stories(pause=write_from_another_process)
    other.close()
    assert written == [1, 2, 3, 4, 5]  # between every two articles' transactions
    assert library.article(ids[0]).row.starred
    assert all(library.story_versions(i) for i in ids)  # every one sketched


def first_seen_days_ago(path, days: int, *ids: int) -> None:
    """Say the articles were first seen `days` ago (written beside the library, as time passing)."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.executemany(
            "UPDATE articles SET first_seen = ? WHERE id = ?",
            [((NOW - timedelta(days=days)).isoformat(), i) for i in ids],
        )
    conn.close()


def sketch_rows(path, article_id: int) -> tuple[bool, int]:
    """Whether the article's sketch is kept, and how many band keys it has."""
    import sqlite3

    conn = sqlite3.connect(path)
    sketched = conn.execute(
        "SELECT sketch IS NOT NULL FROM stories WHERE article_id = ?", [article_id]
    ).fetchone()[0]
    bands = conn.execute(
        "SELECT count(*) FROM story_bands WHERE article_id = ?", [article_id]
    ).fetchone()[0]
    conn.close()
    return bool(sketched), bands


def test_a_new_copy_joins_a_story_within_the_window_once_old_sketches_are_forgotten(
    library, tmp_path
):
    """The candidate rule (store/stories.py RECENT_DAYS) is kept: a new article joins the story
    of a copy first seen 13 days ago. The band keys and sketch of one first seen 20 days ago
    are forgotten, and it keeps its own story."""
    path = tmp_path / "s.db"
    old = add(library, "gazette", "Council shuts libraries", STORY, 50)
    old_copy = add(library, "herald", "Libraries to shut", copy_of(STORY), 45)
    recent = add(library, "wire", "Council to close three libraries", OTHER, 40)
    assert library.find_stories() == 1  # the old ones, sketched while they were recent
    first_seen_days_ago(path, 20, old, old_copy)
    first_seen_days_ago(path, 13, recent)
    assert sketch_rows(path, old)[1] > 0

    assert library.forget_old_sketches() == 2
    assert sketch_rows(path, old) == sketch_rows(path, old_copy) == (False, 0)
    assert sketch_rows(path, recent)[0] and sketch_rows(path, recent)[1] > 0
    assert [v.article_id for v in library.story_versions(old_copy)] == [old, old_copy]
    assert library.forget_old_sketches() == 0

    copy = add(library, "courier", "Central library to open later", copy_of(OTHER), 10)
    assert library.find_stories() == 1
    assert [v.article_id for v in library.story_versions(copy)] == [recent, copy]
    assert [v.article_id for v in library.story_versions(old)] == [old, old_copy]


def test_an_article_first_seen_before_the_window_is_no_candidate_before_it_is_forgotten(
    library, tmp_path
):
    """Which stories a new article joins does not depend on how far forgetting has gone: the
    candidate look-up itself leaves out articles first seen before RECENT_DAYS."""
    path = tmp_path / "s.db"
    old = add(library, "gazette", "Council shuts libraries", STORY, 50)
    assert library.find_stories() == 0
    first_seen_days_ago(path, 15, old)
    assert sketch_rows(path, old)[1] > 0  # not forgotten yet

    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 10)
    assert library.find_stories() == 0
    assert [v.article_id for v in library.story_versions(copy)] == [copy]


def test_old_sketches_are_forgotten_oldest_first_a_bounded_number_a_run(
    library, tmp_path, monkeypatch
):
    from newstui.store import stories

    monkeypatch.setattr(stories, "OLD_SKETCHES_BATCH", 2)
    path = tmp_path / "s.db"
    ids = [add(library, f"feed{n}", f"Story {n}", f"{STORY} {n}", 50 - n) for n in range(5)]
    library.find_stories()
    versions = [[v.article_id for v in library.story_versions(i)] for i in ids]
    first_seen_days_ago(path, 30, *ids[:4])  # the fifth stays recent

    assert library.forget_old_sketches(limit=3) == 3
    assert [sketch_rows(path, i)[0] for i in ids] == [False, False, False, True, True]
    assert library.forget_old_sketches() == 1
    assert [sketch_rows(path, i)[0] for i in ids] == [False, False, False, False, True]
    assert [[v.article_id for v in library.story_versions(i)] for i in ids] == versions


def test_a_stop_while_forgetting_old_sketches_keeps_the_batches_done_and_undoes_the_rest(
    tmp_path, monkeypatch
):
    """Ctrl-C between forgetting a batch's sketches and its band keys: the batches committed
    before stay forgotten, the stopped one is whole again, and the next run finishes."""
    import sqlite3

    from newstui.store import stories

    monkeypatch.setattr(stories, "OLD_SKETCHES_BATCH", 2)
    path = tmp_path / "s.db"
    with Library.open(path) as library:
        ids = [add(library, f"feed{n}", f"Story {n}", f"{STORY} {n}", 50 - n) for n in range(5)]
        library.find_stories()
    first_seen_days_ago(path, 30, *ids)
    bands = {i: sketch_rows(path, i)[1] for i in ids}

    class StoppedAtTheSecondBatchsBands:
        """The store's connection, but Ctrl-C comes as the second batch's band keys go."""

        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn, self.deletes = conn, 0

        def execute(self, sql: str, *parameters: object) -> sqlite3.Cursor:
            if sql.startswith("DELETE FROM story_bands"):
                self.deletes += 1
                if self.deletes == 2:
                    raise KeyboardInterrupt
            return self.conn.execute(sql, *parameters)

        def __getattr__(self, name: str) -> object:
            return getattr(self.conn, name)

    from newstui.store import open_db

    db = open_db(path)
    real = db.conn
    monkeypatch.setattr(db, "conn", StoppedAtTheSecondBatchsBands(real))
    with pytest.raises(KeyboardInterrupt):
        stories.forget_old_sketches(db)
    monkeypatch.setattr(db, "conn", real)
    assert not real.in_transaction

    other = sqlite3.connect(path)  # what another process sees
    assert other.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    other.close()
    assert [sketch_rows(path, i) for i in ids] == [(False, 0)] * 2 + [
        (True, bands[i]) for i in ids[2:]
    ]
    assert stories.forget_old_sketches(db) == 3
    assert [sketch_rows(path, i) for i in ids] == [(False, 0)] * 5
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 5
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    db.conn.close()


def test_a_new_article_is_judged_against_its_most_similar_candidates_only(library, monkeypatch):
    """User test r31 M5: 600 new copies of a text that 4,800 recent articles of another feed
    share took 10+ minutes, each judged against every one of them. Where many look alike what
    they share is boilerplate: a new article is judged against MOST_JUDGED of them at most."""
    from newstui.store import stories

    judged: list[tuple[int, int]] = []
    same = stories._Versions.same

    def counted(self, a, b, story=()):
        judged.append((a[0], b[0]))
        return same(self, a, b, story)

    monkeypatch.setattr(stories._Versions, "same", counted)
    many = stories.MOST_JUDGED * 5
    for n in range(many):
        add(library, "templated", f"Notice {n}", STORY, 200 + n)
    library.find_stories()
    judged.clear()
    new = [add(library, "mirror", f"Mirror {n}", STORY, 10 + n) for n in range(3)]
    read: list[int] = []  # the articles whose texts were read and shingled
    kept_read = stories._Versions._read
    monkeypatch.setattr(
        stories._Versions,
        "_read",
        lambda self, ids: (
            read.extend(i for i in ids if i not in self.texts) or kept_read(self, ids)
        ),
    )
    monkeypatch.setattr(stories, "JOIN_HOLD_SECONDS", 0)  # one article a transaction
    library.find_stories(pause=lambda: None)
    assert len(judged) == 3 * stories.MOST_JUDGED  # each new article: MOST_JUDGED, not `many`
    assert {a for a, _ in judged} == set(new)
    # each text read once a join, not once a transaction (r43 M4: 5,000 templated leftovers)
    assert len(read) == len(set(read))


def test_copies_are_joined_into_one_story_with_analysis_turned_off(library):
    """`extractor = "none"` analyses nothing, but a story's copies are found by their text alone:
    the analysis pass still joins them (it returned before the story finding, so with analysis
    off every copy stayed listed on its own)."""
    from newstui.ingest.pending_analysis import analyse_pending

    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    analyse_pending(library, "none")
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    assert library.count() == 1


def test_an_article_whose_entry_changed_joins_a_story_by_its_new_text(library):
    """A fetch that updates an entry's text forgets the sketch of its old text (it kept it, and
    stayed in, or out of, a story by the text it no longer has), as a merge does."""
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    other = add(library, "courier", "Libraries", OTHER, 20)
    library.find_stories()
    assert [v.article_id for v in library.story_versions(other)] == [other]
    courier = library.find_source("courier")
    changed = Article(
        title="Libraries",
        text=copy_of(STORY),
        guid="Libraries",
        published=NOW - timedelta(minutes=20),
    )
    assert library.save_batch(courier, [changed]).updated == 1
    library.find_stories()
    assert [v.article_id for v in library.story_versions(other)] == [first, other]


def test_an_entry_updated_with_the_same_words_stays_in_its_story(library):
    """An update that changes no word of the text (punctuation, case: the sketch is the same)
    keeps the article in its story at once, not out of it until the next join."""
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries", copy_of(STORY), 20)
    library.find_stories()
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    courier = library.find_source("courier")
    changed = Article(
        title="Libraries",
        text=copy_of(STORY).replace(".", "!").upper(),
        guid="Libraries",
        published=NOW - timedelta(minutes=20),
    )
    assert library.save_batch(courier, [changed]).updated == 1
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    assert library.unsketched([copy]) == []  # nothing to join again


def test_an_article_given_its_full_text_joins_a_story_by_it(library):
    """`f` (or a fetch's full text) replaces a summary sketched already: the story goes by the
    full text (it kept the summary's sketch)."""
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    other = add(library, "courier", "Libraries", OTHER, 20)
    library.find_stories()
    assert [v.article_id for v in library.story_versions(other)] == [other]
    library.set_fulltext(other, text=copy_of(STORY))
    library.find_stories()
    assert [v.article_id for v in library.story_versions(other)] == [first, other]


def test_a_copy_of_a_story_already_read_comes_in_read(library):
    """Reading one version reads the story (user test r36 M3): a copy arriving later in another
    feed joins it read, so the feed's count, All, Unread, n and C agree; a copy of a story not
    read, or read only in part, stays unread."""
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    add(library, "wire", "Central library to open later", OTHER, 25)
    library.find_stories()
    library.mark([first], read=True)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    unread_copy = add(library, "gazette", "Opening hours extended", OTHER + " More soon.", 15)
    assert library.find_stories() == 2
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    assert library.article(copy).row.read
    assert not library.article(unread_copy).row.read  # its story (other) is unread
    courier = library.find_source("courier")
    assert library.count(ArticleFilter(feed_id=courier, unread=True)) == 0
    assert library.smart_counts().unread == 1  # the unread story, once


def test_a_copy_sketched_first_of_a_story_whose_later_versions_are_read_comes_in_read(library):
    """Versions sketched out of order (analysis chunks): the earlier copy leads the story and
    comes in read when every version already joined is read."""
    from newstui.stories import story_sketch

    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    library.join_stories([(copy, story_sketch(copy_of(STORY)))])
    library.mark([copy], read=True)
    assert library.join_stories([(first, story_sketch(STORY))]) == 1
    assert library.article(first).row.read


def test_a_copy_stored_unread_stays_unread_when_its_text_changes_and_it_joins_again(library):
    """Only a copy arriving comes in read (review r36 M3): an unread copy of a story read in
    another feed, whose entry is updated, joins the story again by its new text and stays
    unread (its story row was forgotten with its old text, so the join took it for new)."""
    first = add(library, "wire", "Council to close three libraries", STORY, 30)
    library.find_stories()
    copy = add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
    library.find_stories()
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    library.set_flags_exactly([first], read=True)  # (as a sync's pull, or a store from before)
    assert not library.article(copy).row.read

    updated = add(
        library,
        "courier",
        "Libraries axed in budget squeeze",
        # (words of its own: a new sketch, not the same one, which keeps the story as it is)
        copy_of(STORY) + " Update: the council meets campaigners and parents again on Friday.",
        20,
    )
    assert updated == copy
    assert library.find_stories() == 1  # joined again, by its new text
    assert [v.article_id for v in library.story_versions(copy)] == [first, copy]
    assert not library.article(copy).row.read
