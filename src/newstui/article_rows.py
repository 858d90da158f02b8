"""What an article's stored row holds, computed from the article alone (links as JSON, content
hash, publish date, summary, texts compressed): pure, so a parsing worker computes it and the
process that stores only writes it."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newstui.model import Article, Link

EARLIEST_PUBLISHED = datetime(1900, 1, 1, tzinfo=UTC)  # before this a date is a placeholder


@dataclass(frozen=True)
class PreparedArticle:
    """An article in its stored form: `published` as stored (ISO 8601 UTC or None), `text`,
    `summary` and `links` as stored (packed_text, packed_links; `summary` '' when it is the
    text itself), `content_hash` the digest that notices updates. Made by prepare_article; a
    few plain values, cheap to send between processes (an Article with its Link objects costs
    ~4x more to unpickle). No text_key: few entries need one (store.article_saving.identity_keys
    makes it from the stored text then; a hash of every text cost ~4 us an article).
    `text_utf8`: when `text` is packed, the text as UTF-8, which the full-text index reads as
    the row is inserted (unpacking it there cost the storing process ~80,000 instructions an
    article, 13 % of storing a cold fetch; sending these bytes costs a copy)."""

    title: str
    text: str | bytes
    guid: str | None
    url: str | None
    author: str | None
    published: str | None
    summary: str | bytes
    links: str | bytes
    content_hash: str
    text_utf8: bytes | None = None
    has_content: bool = False  # Article.has_content (not stored)
    dropped_enclosures: int = 0  # Article.dropped_enclosures (not stored)
    date_only: bool | None = None  # Article.date_only (None when it has no date)
    language: str | None = None  # Article.language
    language_of_feed: bool = False  # Article.language_of_feed


def prepare_article(article: Article, utf8: bool = True) -> PreparedArticle:
    """The stored form of an article (`utf8`: with `text_utf8` when the text is packed)."""
    try:
        encoded = article.text.encode()
    except UnicodeEncodeError:  # a lone surrogate: each value computed on its own, as before
        encoded = None
    # PreparedArticle(...)'s fields, set as its frozen dataclass `__init__` sets them: that
    # `__init__` is nine object.__setattr__ calls in Python code. A new field (or `slots=True`,
    # a `__post_init__`) must be set here too; tests/test_article_rows.py compares the two.
    prepared = PreparedArticle.__new__(PreparedArticle)
    fields = prepared.__dict__
    fields["title"] = article.title
    fields["text"] = text = packed_text(article.text, encoded)
    fields["guid"] = article.guid
    fields["url"] = article.url
    fields["author"] = article.author
    fields["published"] = stored_date(article.published)
    fields["summary"] = packed_text(stored_summary(article))
    fields["links"] = packed_links(links_json(article.links))
    fields["content_hash"] = content_hash(article, encoded)
    fields["text_utf8"] = encoded if utf8 and isinstance(text, bytes) else None
    fields["has_content"] = article.has_content
    fields["dropped_enclosures"] = article.dropped_enclosures
    fields["date_only"] = None if fields["published"] is None else article.date_only
    fields["language"] = article.language
    fields["language_of_feed"] = article.language_of_feed
    return prepared


def prepared(article: Article | PreparedArticle) -> PreparedArticle:
    """`article` in its stored form (as it is when it already is)."""
    from newstui.model.fetching import Article

    return prepare_article(article) if isinstance(article, Article) else article


def content_hash(article: Article, encoded: bytes | None = None) -> str:
    """A digest of the article's visible content, to notice updates (each field followed by a
    NUL, hashed as one run of bytes: the same digest stored articles already carry).
    `encoded`: the text as UTF-8 when the caller has it (hashed as it is, not encoded again)."""
    import hashlib  # not at import: loading OpenSSL's digests costs every start ~11M instructions

    if encoded is None:
        encoded = article.text.encode("utf-8", "surrogatepass")
    head = f"{article.title}\0{article.author or ''}\0".encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(head)
    digest.update(encoded)
    digest.update(b"\0")
    if article.summary == article.text:
        digest.update(encoded)
    else:
        digest.update(article.summary.encode("utf-8", "surrogatepass"))
    digest.update(f"\0{article.url or ''}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def digests_with_link(article: PreparedArticle, url: str) -> set[str]:
    """The digests content_hash gives the entry of `article` were its link `url` (a link stored
    with a private feed's `user:password@` before r45); two when its summary is stored as ''
    (the text itself, or none)."""
    from newstui.model.fetching import Article

    text = unpacked_text(article.text)
    summaries = [unpacked_text(article.summary)] if article.summary else [text, ""]
    return {
        content_hash(Article(article.title, text, url=url, author=article.author, summary=s))
        for s in summaries
    }


def text_key(title: str, text: str, encoded: bytes | None = None) -> str:
    """The identity of an entry with neither a trusted guid nor link: a hash of title and text
    (`encoded`: the text as UTF-8 when the caller has it)."""
    import hashlib

    if encoded is None:
        encoded = text.encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(f"{title}\0".encode("utf-8", "surrogatepass"))
    digest.update(encoded)
    return "hash:" + digest.hexdigest()[:32]


def title_key(title: str, published: str | None) -> str:
    """The identity of an entry with neither guid nor link that has a title: a hash of the
    title and its date as stored (None: undated), as newsboat keys such items. Not its text,
    which publishers edit (user test r35 M5: each edit stored the entry again, unread)."""
    import hashlib

    digest = hashlib.sha256(f"{title}\0{published or ''}".encode("utf-8", "surrogatepass"))
    return "title:" + digest.hexdigest()[:32]


PACK_FROM = 200  # characters: a shorter text is stored as it is (compressing would hardly gain)
# zlib's level: 1 compresses news text about 2.2 times where the default (6) did 2.4 times, in
# half the time (Wikinews articles: 15 ns a byte against 34; 29 against 63 us an article of the
# ingest benchmark). Any level reads back the same way: rows stored at 6 stay as they are.
PACK_LEVEL = 1


@cache
def _deflate() -> Callable[[bytes, int], bytes]:
    """The compressor of packed texts: ISA-L's (the `isal` package) where it is installed, else
    zlib's. Both write the zlib format, which zlib.decompress reads whichever wrote it; at level
    1 ISA-L's is 2.3 times faster on the ingest benchmark's articles (20 against 47 us an
    article, text and links) and shrinks them a little more (2.99 against 2.94 times). Looked
    up at the first packed text, not at import: a start that packs nothing never loads isal."""
    try:
        from isal.isal_zlib import compress
    except ImportError:  # a platform without its wheel: the same rows, a little slower
        return zlib.compress
    return compress


def packed_text(text: str, encoded: bytes | None = None) -> str | bytes:
    """A text or summary as stored: zlib-compressed UTF-8 when that is shorter (news text
    shrinks 2-3 times), else the text itself. Read back by unpacked_text (in SQL
    `article_text(...)`, a function every connection of the store has). `encoded`: the text
    as UTF-8 when the caller has it."""
    if len(text) < PACK_FROM:
        return text
    if encoded is None:
        try:
            encoded = text.encode()
        except UnicodeEncodeError:  # a lone surrogate: stored (or refused) as before
            return text
    packed = _deflate()(encoded, PACK_LEVEL)
    return packed if len(packed) < len(encoded) else text


def enclosure_urls(links: str | bytes | None) -> list[str]:
    """The URLs of an article's enclosures, in order, from its stored links (packed or plain
    JSON; a value some other tool wrote badly lists none): the one reading of them, also SQL's
    enclosure_urls() (store.db), by which a cleanup remembers them."""
    try:
        parsed = json.loads(unpacked_text(links) or "[]")
    except ValueError:
        return []
    return [
        link["url"]
        for link in (parsed if isinstance(parsed, list) else [])
        if isinstance(link, dict)
        and link.get("kind") == "enclosure"
        and isinstance(link.get("url"), str)
    ]


def unpacked_text(
    value: str | bytes | None, inflate: Callable[[bytes], bytes] = zlib.decompress
) -> str:
    """A stored text or summary (packed_text's value, or plain text as older rows hold);
    `inflate`: zlib.decompress or what does its work (bulk_inflate())."""
    if isinstance(value, bytes):
        try:
            return inflate(value).decode()
        except (zlib.error, UnicodeDecodeError):  # a value some other tool wrote
            return ""
    return value or ""


def unpacking_problem(value: str | bytes | None) -> str:
    """Why a stored text, summary or links does not read back (unpacked_text gives "" for it):
    "" when it does. For the one line that names a damaged store's row."""
    if not isinstance(value, bytes):
        return ""
    try:
        zlib.decompress(value).decode()
    except zlib.error as exc:
        return f"does not unpack ({exc})"
    except UnicodeDecodeError:
        return "is not UTF-8 once unpacked"
    return ""


@cache
def bulk_inflate() -> Callable[[bytes], bytes]:
    """zlib.decompress for reading many texts back (for analysis, for sketching): ISA-L's
    where it is installed, twice as fast on the ingest benchmark's texts (7 against 14 us an
    article), the same bytes. A value it refuses goes to zlib.decompress, whose answer (or
    error) is the one given. Loaded at the first bulk read: a reader's one text never loads
    isal."""
    try:
        from isal.isal_zlib import decompress
    except ImportError:  # a platform without its wheel: zlib's
        return zlib.decompress

    def inflate(data: bytes) -> bytes:
        try:
            return decompress(data)
        except Exception:  # isal's own error: zlib's answer, or its error, stands
            return zlib.decompress(data)

    return inflate


def link_dict(link: Link) -> dict[str, Any]:
    """A link as stored in the `links` JSON column: its text when it has one, a kind other than
    "link" (read back as missing: "", "link"), an enclosure's size and duration when known."""
    data: dict[str, Any] = {"text": link.text} if link.text else {}
    data["url"] = link.url
    if link.kind != "link":
        data["kind"] = link.kind
    if link.size is not None:
        data["size"] = link.size
    if link.duration is not None:
        data["duration"] = link.duration
    if link.offset is not None:  # where its words end in the text (the reader's [n] marker)
        data["offset"] = link.offset
    return data


def links_json(links: Iterable[Link]) -> str:
    """The `links` column of an article: `dump_links` of their `link_dict`s. Links that are no
    enclosure and carry only whole numbers (nearly all) are written here as the encoder writes
    them, each string quoted by its C function: 5.3 against 10.5 us an article of the ingest
    benchmark for building the dicts and encoding them (tests/test_article_rows.py compares
    the two)."""
    links = list(links)
    items: list[str] = []
    for link in links:
        if link.kind == "enclosure":
            return dump_links(map(link_dict, links))
        item = f'{{"text":{_quoted(link.text)},"url":' if link.text else '{"url":'
        item += _quoted(link.url)
        if link.kind != "link":
            item += ',"kind":' + _quoted(link.kind)
        size, duration, offset = link.size, link.duration, link.offset
        if size is not None or duration is not None:
            return dump_links(map(link_dict, links))
        if offset is not None:
            if type(offset) is not int:
                return dump_links(map(link_dict, links))
            item += f',"offset":{offset}'
        items.append(item + "}")
    return "[" + ",".join(items) + "]"


ENCLOSURE_MARK = '"kind": "enclosure"'  # what the has:enclosure index looks for in `links`


def packed_links(links: str) -> str | bytes:
    """The `links` column as stored: packed like texts (packed_text), but for an article with
    an enclosure, whose JSON the has:enclosure index reads as it is."""
    return links if ENCLOSURE_MARK in links else packed_text(links)


_COMPACT = json.JSONEncoder(separators=(",", ":"))
_quoted = json.encoder.encode_basestring_ascii  # a str as _COMPACT writes it (C)
_SPACED = json.JSONEncoder(separators=(", ", ": "))  # writes ENCLOSURE_MARK as it is


def dump_links(links: Iterable[dict[str, Any]]) -> str:
    """Links as compact JSON, but for an enclosure: the has:enclosure index looks for
    ENCLOSURE_MARK, written with its space. Without an enclosure, one call of the encoder
    for the whole list (a call a link cost 0.02 ms an article)."""
    links = list(links)
    if not any(data.get("kind") == "enclosure" for data in links):
        return _COMPACT.encode(links)
    return "[" + ",".join(map(_link_json, links)) + "]"


def _link_json(data: dict[str, Any]) -> str:
    spaced = data.get("kind") == "enclosure"  # written as ENCLOSURE_MARK
    return (_SPACED if spaced else _COMPACT).encode(data)


def stored_date(published: datetime | None) -> str | None:
    """The claimed publish date as stored (ISO 8601 UTC), or None when it is unknown."""
    if published is None:
        return None
    dt = published
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        dt = dt.astimezone(UTC).replace(microsecond=0)
    except (OverflowError, ValueError):  # a date at the edge of the calendar: treat as unknown
        return None
    return None if dt < EARLIEST_PUBLISHED else dt.isoformat()


def timed_midnight(article: PreparedArticle) -> bool:
    """Whether its date is a real midnight UTC, a time its source gave (schema 53 marks it: a
    midnight UTC is otherwise read as a day without a time)."""
    from newstui.local_times import DATE_ONLY

    published = article.published
    return article.date_only is False and published is not None and published.endswith(DATE_ONLY)


def stored_summary(article: Article) -> str:
    """The summary column: '' when the summary is the text itself (one copy; read back as it)."""
    return "" if article.summary == article.text else article.summary
