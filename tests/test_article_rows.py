"""Articles prepared in a parsing worker (their stored form computed there) are stored exactly as
the same articles given as Articles: every row value, for every feed document the tests know."""

from __future__ import annotations

import hashlib
import pickle
import zlib
from datetime import UTC, datetime, timedelta, timezone

import pytest

from newstui.article_rows import (
    PreparedArticle,
    content_hash,
    packed_text,
    prepare_article,
    stored_date,
    text_key,
    unpacked_text,
)
from newstui.errors import SourceError
from newstui.model import Article, Link
from newstui.processes import PreparedFeed, parse_document
from newstui.sources.feeds import parse_feed
from newstui.store import open_db
from newstui.store.article_saving import identity_keys, save_articles
from newstui.store.feeds import ensure_feed
from tests.sources.feed_corpus import every_document

URL = "https://feeds.example/dir/feed.xml"
DOCUMENTS = every_document()
ROWS = """SELECT guid, url, title, author, published, summary, text, links, content_hash,
    sort_date = first_seen, CASE WHEN sort_date = first_seen THEN NULL ELSE sort_date END
    FROM articles ORDER BY id"""


def stored(articles: list[Article] | list[PreparedArticle]) -> list[tuple[object, ...]]:
    db = open_db(":memory:")
    feed_id = ensure_feed(db, URL, "Feed", url=URL)
    save_articles(db, feed_id, articles)
    return [tuple(row) for row in db.execute(ROWS).fetchall()]


@pytest.mark.parametrize(("where", "body"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_a_worker_prepared_feed_stores_the_same_rows_as_its_articles(where, body):
    try:
        parsed = parse_feed(body, URL, "application/xml")
    except SourceError as exc:
        with pytest.raises(SourceError) as raised:
            parse_document(body, URL, "application/xml")
        assert str(raised.value) == str(exc)
        return
    # as it travels from the worker: pickled
    document = pickle.loads(pickle.dumps(parse_document(body, URL, "application/xml")))
    assert isinstance(document, PreparedFeed)
    assert (document.title, document.site_url, document.warning) == (
        parsed.title,
        parsed.site_url,
        parsed.warning,
    )
    assert stored(document.articles) == stored(parsed.articles)


def test_an_update_from_a_prepared_article_replaces_the_stored_content():
    db = open_db(":memory:")
    feed_id = ensure_feed(db, URL, "Feed", url=URL)
    first = Article(title="Harbour", text="Closed.", guid="g1", links=[Link("a", "https://x.org/")])
    save_articles(db, feed_id, [first])
    changed = Article(
        title="Harbour reopens",
        text="Open again.",
        guid="g1",
        published=datetime(2026, 11, 2, 10, 30, tzinfo=UTC),
        links=[Link("b", "https://y.org/", offset=4)],
    )
    result = save_articles(db, feed_id, [prepare_article(changed)])
    assert (result.new, result.updated) == (0, 1)
    row = db.execute("SELECT title, text, published, links FROM articles").fetchone()
    assert tuple(row) == (
        "Harbour reopens",
        "Open again.",
        "2026-11-02T10:30:00+00:00",
        '[{"text":"b","url":"https://y.org/","offset":4}]',  # compact: see dump_links
    )


def test_a_stored_date_is_utc_to_the_second_and_placeholders_are_unknown():
    plus_two = timezone(timedelta(hours=2))
    assert stored_date(datetime(2026, 11, 2, 12, 0, 5, 999, tzinfo=plus_two)) == (
        "2026-11-02T10:00:05+00:00"
    )
    assert stored_date(datetime(2026, 11, 2, 12, 0)) == "2026-11-02T12:00:00+00:00"  # naive: UTC
    assert stored_date(datetime(1899, 12, 31, tzinfo=UTC)) is None
    assert stored_date(None) is None


def _joined_digest(*fields: str) -> str:
    """The digest stored rows carry: the fields, each followed by a NUL, hashed as one string."""
    data = "".join(field + "\0" for field in fields).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


_TEXTS = ["Plain words " * 30, "“Quoted” café — ü " * 20, "a lone \ud800 surrogate " * 20, "short"]


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("summary_is_text", [True, False])
def test_prepared_digests_are_the_ones_stored_rows_already_carry(text, summary_is_text):
    summary = text if summary_is_text else "Another summary, “quoted”"
    article = Article(
        title="Tïtle", text=text, guid=None, url="https://e.example/a", author="Ana",
        published=None, summary=summary, links=[],
    )  # fmt: skip
    row = prepare_article(article)
    digest = _joined_digest("Tïtle", "Ana", text, summary, "https://e.example/a")
    assert row.content_hash == content_hash(article) == digest
    assert unpacked_text(row.text) == text


@pytest.mark.parametrize("text", _TEXTS)
def test_entries_without_guid_or_link_have_the_same_identity_when_prepared(text):
    """The store makes the title+text key of a prepared entry from its stored text: the key
    stored rows already carry."""
    entries = [Article(title="Tïtle", text=text), Article(title="Tïtle", text=text + " more")]
    key = hashlib.sha256(f"Tïtle\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
    assert identity_keys(entries)[0] == text_key("Tïtle", text) == "hash:" + key
    assert identity_keys([prepare_article(entry) for entry in entries]) == identity_keys(entries)


def test_texts_packed_at_any_zlib_level_read_back():
    """Rows stored before the level changed (zlib's default, 6) read back as new ones do."""
    text = "“Quoted” words, again and again. " * 40
    assert unpacked_text(zlib.compress(text.encode(), 6)) == text
    assert isinstance(packed_text(text), bytes)
    assert unpacked_text(packed_text(text)) == text


def test_a_prepared_article_is_the_one_its_constructor_makes():
    """prepare_article sets the fields itself (not through the frozen dataclass's __init__):
    every field, a new one too, must come out as the constructor makes it."""
    article = Article(
        title="Harbour", text="Open again. " * 30, guid="g1", url="https://e.example/a",
        author="Ana", published=datetime(2026, 11, 2, 10, 30, tzinfo=UTC), summary="Open.",
        links=[Link("b", "https://y.org/", offset=4)],
    )  # fmt: skip
    made = prepare_article(article)
    built = PreparedArticle(**{name: getattr(made, name) for name in made.__dataclass_fields__})
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert vars(made) == vars(built)  # every field, a new one too (then set it there)
    assert pickle.loads(pickle.dumps(made)) == built
    with pytest.raises(AttributeError):
        made.title = "changed"  # type: ignore[misc]


def test_texts_packed_by_either_compressor_read_back_with_zlib(monkeypatch):
    """Texts are packed by ISA-L where the isal package is installed, by zlib where it is not:
    both write the zlib format, which the store reads back with zlib alone."""
    import sys

    from newstui import article_rows

    isal_zlib = pytest.importorskip("isal.isal_zlib")  # a dependency: installed with newstui
    text = "“Quoted” words, again and again. " * 40
    packed_by = {}
    try:
        for missing in (False, True):
            article_rows._deflate.cache_clear()
            if missing:  # as on a platform without isal's wheel
                monkeypatch.setitem(sys.modules, "isal.isal_zlib", None)
            packed = packed_text(text)
            assert isinstance(packed, bytes) and len(packed) < len(text.encode()) / 2
            assert zlib.decompress(packed).decode() == unpacked_text(packed) == text
            packed_by[missing] = article_rows._deflate()
    finally:
        article_rows._deflate.cache_clear()
    assert packed_by == {False: isal_zlib.compress, True: zlib.compress}


@pytest.mark.parametrize("isal_installed", [True, False])
def test_texts_read_back_in_bulk_are_the_ones_zlib_reads(monkeypatch, isal_installed):
    """Analysis and sketching read many texts back through bulk_inflate (ISA-L's inflate where
    isal is installed): the same text as zlib gives, packed by either compressor, and a value
    another tool wrote that is no zlib stream is read as no text, as by zlib."""
    import sys

    from newstui import article_rows

    isal_zlib = pytest.importorskip("isal.isal_zlib")
    text = "“Quoted” words, again and again. " * 40
    packed = [zlib.compress(text.encode(), 1), zlib.compress(text.encode(), 9)]
    packed.append(isal_zlib.compress(text.encode(), 1))
    broken = [b"not a zlib stream", packed[0][:-9], b""]
    article_rows.bulk_inflate.cache_clear()
    try:
        if not isal_installed:
            monkeypatch.setitem(sys.modules, "isal.isal_zlib", None)
        inflate = article_rows.bulk_inflate()
        assert (inflate is zlib.decompress) is not isal_installed
        assert [unpacked_text(value, inflate) for value in packed] == [text] * 3
        assert [unpacked_text(value, inflate) for value in broken] == ["", "", ""]
        for value in broken:
            with pytest.raises(zlib.error):
                inflate(value)
        assert unpacked_text(text, inflate) == text  # a text stored plain
    finally:
        article_rows.bulk_inflate.cache_clear()


_LINK_TEXTS = ["", "a statement", '“Quoted” \\ back\\slash "q" é ☃ 𝄞', "tab\there\x01", "\ud800"]


@pytest.mark.parametrize("text", _LINK_TEXTS)
@pytest.mark.parametrize("kind", ["link", "image", "enclosure"])
@pytest.mark.parametrize(
    "numbers", [(None, None, None), (None, None, 12), (3, 4, None), (0, None, 7)]
)
def test_links_are_written_as_the_encoder_writes_their_dicts(text, kind, numbers):
    """links_json writes most links itself: the same JSON as encoding their link_dicts."""
    from newstui.article_rows import dump_links, link_dict, links_json

    size, duration, offset = numbers
    links = [
        Link(text, "https://e.example/a?b=1&c=“x”", kind, size, duration, offset),
        Link("second", "https://e.example/b", offset=40),
    ]
    assert links_json(links) == dump_links(map(link_dict, links))
    assert links_json(iter(links)) == links_json(links)
    assert links_json([]) == "[]"
