"""Local files → articles: plain text, Markdown, HTML and saved feed files, one by one or by folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from newstui.errors import SourceError
from newstui.model import Article
from newstui.sources.feeds import parse_feed
from newstui.sources.html import html_to_text
from newstui.text import clean_line, clean_text

LOCAL_FILE_BYTES = 100_000_000
"""The largest local file read (a feed saved or generated on disk: user test r46 M5, a 42 MB
feed was refused at 10 MB), unless `max_bytes` in [settings] allows more."""
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".json", ".feed"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def iter_files(root: Path) -> Iterator[Path]:
    """The importable files under a folder, recursively, in a stable order (hidden ones skipped)."""
    real_root = root.resolve()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if not (path.is_file() and path.suffix.lower() in KNOWN_SUFFIXES - {""}):
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(real_root):
            continue  # a link out of the folder is not part of what was asked for
        yield path


def unread_kinds(root: Path) -> dict[str, int]:
    """The files under a folder iter_files leaves out for their kind (a PDF, an image, a file
    without a suffix), counted by suffix, most first: hidden and outside ones are not counted."""
    counts: dict[str, int] = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix not in KNOWN_SUFFIXES - {""}:
            key = suffix or "without a suffix"
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True)
class FileContent:
    """What one local file holds: its articles and, for a saved feed, the feed's own title."""

    articles: list[Article]
    feed_title: str | None = None
    warning: str | None = None  # a feed file's: ill-formed but read, empty entries skipped


def read_file(path: Path, guid_prefix: str, max_bytes: int = 0) -> list[Article]:
    """The articles in one local file; raises SourceError naming the file and the problem."""
    return read_file_content(path, guid_prefix, max_bytes).articles


def local_file_limit(max_bytes: int) -> int:
    """The largest local file read, given the `max_bytes` setting (0: none is set)."""
    return max(max_bytes, LOCAL_FILE_BYTES)


def read_file_content(path: Path, guid_prefix: str, max_bytes: int = 0) -> FileContent:
    """The articles in one local file, with a saved feed's title; raises SourceError.
    `max_bytes`: the setting, which raises the limit for local files (local_file_limit)."""
    limit = local_file_limit(max_bytes)
    try:
        size = path.stat().st_size
        if size > limit:
            raise SourceError(
                f"{path}: file larger than {limit:,} bytes ({size:,}; the limit is max_bytes "
                f"in [settings], at least {LOCAL_FILE_BYTES:,} for local files)"
            )
        body = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not body.strip():
        raise SourceError(f"{path}: empty file")
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES or _looks_like_feed(body):
        parsed = parse_feed(body, path.absolute().as_uri())
        articles = parsed.articles
        for article in articles:
            entry_id = article.guid or article.url or ""
            article.guid = f"{guid_prefix}#{entry_id}" if entry_id else None
        return FileContent(articles, parsed.title, parsed.warning)
    if body.startswith(b"SQLite format 3\x00") and b"CREATE TABLE rss_feed" in body[:65536]:
        raise SourceError(  # (user test r33 M8: the guess a newsboat user makes)
            f"{path}: newsboat's cache, not articles: `newstui opml import` newsboat's urls file "
            "(beside it) adds its feeds and brings this cache's read marks"
        )
    if b"\x00" in body[:4096] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(f"{path}: binary file, not text")
    text = _decode(body, path)
    refusal = _newsboat_file(text, path)
    if refusal is not None:  # newsboat's urls file or config was stored as one article of its lines
        raise SourceError(f"{path}: {refusal}")
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _looks_like_html(text)):
        return FileContent([_html_article(text, path, guid_prefix)])
    if suffix in MARKDOWN_SUFFIXES:
        return FileContent([_markdown_article(text, path, guid_prefix)])
    title, body_text = split_title(plain_paragraphs(text))
    return FileContent(
        [Article(title=title or clean_line(path.stem), text=body_text, guid=guid_prefix)]
    )


def _newsboat_file(text: str, path: Path) -> str | None:
    """Why a text file is refused as newsboat's own (its urls file, its config) and the command
    that reads it, or None for any other text."""
    from newstui.sources.newsboat_files import looks_like_newsboat_config, looks_like_newsboat_urls

    if looks_like_newsboat_urls(text, path.name):
        return (
            "newsboat's urls file (a list of feed addresses), not articles: "
            "`newstui opml import FILE` adds the feeds it lists"
        )
    if looks_like_newsboat_config(text):
        urls = path.parent / "urls"
        from newstui.sources.newsboat_urls import shell_path

        named = shell_path(urls.absolute()) if urls.is_file() else "URLS-FILE"
        return (
            f"newsboat's config, not articles: `newstui opml import {named}` reads it beside "
            "newsboat's urls file (its ignore-article rules become hide filters, its settings "
            "and keys go to feeds.toml)"
        )
    return None


def _decode(body: bytes, path: Path) -> str:
    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:]
    for encoding in ("utf-8", "utf-16") if body[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8",):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    return body.decode("cp1252", "replace")


def _looks_like_feed(body: bytes) -> bool:
    head = body.lstrip()[:512].lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) or (
        head.startswith(b"{") and b"jsonfeed.org/version" in head
    )


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _html_article(html: str, path: Path, guid: str) -> Article:
    import lxml.html

    title = ""
    try:
        found = lxml.html.fromstring(html.encode()).findtext(".//title") if html.strip() else None
        title = clean_line(found or "", 500)
    except Exception:
        title = ""
    text, links = html_to_text(html, None)
    if not title:
        title, text = split_title(text)
    return Article(title=title or clean_line(path.stem), text=text, guid=guid, links=links)


def _markdown_article(source: str, path: Path, guid: str) -> Article:
    source = re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.S)  # front matter
    title = ""
    heading = re.match(r"\A\s*#\s+(.+?)\s*#*\s*(?:\n|\Z)", source)
    if heading:
        title = clean_line(heading.group(1), 500)
        source = source[heading.end() :]
    html = MarkdownIt("commonmark", {"html": False}).render(source)
    text, links = html_to_text(html, None)
    if not title:
        title, text = split_title(text)
    return Article(title=title or clean_line(path.stem), text=text, guid=guid, links=links)


def plain_paragraphs(text: str) -> str:
    """Plain text with paragraphs separated by blank lines.

    Text that has blank lines keeps them and joins hard-wrapped lines; text with none has one
    paragraph per line.
    """
    text = clean_text(text)
    if "\n\n" not in text:
        return text.replace("\n", "\n\n")
    return "\n\n".join(re.sub(r"\s*\n\s*", " ", p) for p in text.split("\n\n"))


def split_title(text: str) -> tuple[str, str]:
    """(title, body) of plain text: a headline-like first line, else the first sentence.

    A first line is a headline when it is short, has no final period and is followed by a blank
    line or the body. The text itself is kept whole as the body when the title is a sentence of it.
    """
    text = text.strip()
    if not text:
        return "", ""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if first and len(first) <= 150 and not first.endswith((".", ",", ";", ":")) and rest.strip():
        return clean_line(first, 500), rest.strip()
    match = _SENTENCE_END.search(first)
    sentence = first[: match.end()] if match else first
    if len(sentence) > 110:
        cut = sentence[:100].rsplit(" ", 1)[0].rstrip(",;: ")
        sentence = cut + "…"
    return clean_line(sentence, 500), text
