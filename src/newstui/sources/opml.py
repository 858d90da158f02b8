"""OPML 2.0 subscription lists: read feeds (folders become tags, a nested folder the tag of its
path "Tech/Daily"; a "/" in one folder's title kept apart as model.folders.FOLDER_SLASH) and
write them back."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from newstui.config import FeedConfig
from newstui.errors import SourceError, hide_url_password
from newstui.model import fold_url
from newstui.model.folders import PATH_SLASH, one_folder_name, slashes_typed
from newstui.model.names import name_key, shows_nothing
from newstui.sources.bounded_files import SUBSCRIPTION_FILE_BYTES, read_bounded
from newstui.sources.newsboat_urls import (
    SkippedLine,
    looks_like_newsboat_urls,
    newsboat_titles,
    parse_newsboat_urls,
)
from newstui.sources.urls import (
    PORT_REFUSED,
    feed_url_of,
    is_http_url,
    not_a_feed_reason,
    port_refused,
    web_url,
)
from newstui.text import clean_line

# newstui's own attribute: a feed's tags exactly, as a JSON list, beside OPML's `category` (whose
# commas and slashes would split "x,y" and "a/b"). OPML 2.0 allows attributes in a namespace;
# other readers ignore it and read `category`.
TAGS_NAMESPACE = "urn:newstui:opml"
_TAGS = f"{{{TAGS_NAMESPACE}}}tags"
_MOST_TAGS = 100
# Folders deeper than this fold into the deepest: its tag holds the feeds of those inside it.
_MOST_FOLDERS = 16
ET.register_namespace("newstui", TAGS_NAMESPACE)
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
SETTINGS_HEAD = 1_000_000  # the part of a file looked at to tell newsboat's config
_ROOT_START = re.compile(rb"<\w")  # where the root element starts: a DTD comes before it
# How expat tells UTF-16 from the first two bytes (a byte order mark, or "<" in either order).
_UTF16_BY_START = {
    b"\xff\xfe": "utf-16",
    b"\xfe\xff": "utf-16",
    b"<\0": "utf-16-le",
    b"\0<": "utf-16-be",
}


def read_subscriptions(
    path: Path, star_flag: str | None = None
) -> tuple[list[FeedConfig], list[SkippedLine]]:
    """The feeds of an OPML file (nested outlines become tags) or of newsboat's `urls` file, and
    the lines of the latter that added none; `star_flag`: the newsboat flag `--star-flag`
    names as the star (else newsboat_star's evidence), for its query feeds."""
    try:
        body = read_bounded(path, SUBSCRIPTION_FILE_BYTES)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if looks_like_newsboat_urls(body):
        from newstui.sources.newsboat_cache import newsboat_star_flag
        from newstui.sources.newsboat_files import looks_like_newsboat_config

        text = body[:SETTINGS_HEAD].decode("utf-8", "replace")
        if looks_like_newsboat_config(text):  # (user test r52 LOW-14: "not a feed URL")
            from newstui.sources.newsboat_urls import shell_path

            urls = path.parent / "urls"
            named = shell_path(urls.absolute()) if urls.is_file() else "newsboat's urls file"
            raise SourceError(
                f"{path}: newsboat's config, not a list of feeds: import {named} (its config "
                "beside it is read with it: settings, keys, ignore-article rules)",
                source=str(path),
            )

        return parse_newsboat_urls(
            body, str(path), newsboat_titles(path), newsboat_star_flag(path, chosen=star_flag)
        )
    return read_opml(body, str(path))


def _declares_dtd(body: bytes) -> bool:
    """Whether the document declares a DTD or entities before its root element, read as the
    XML parser reads it: UTF-16 by its byte order mark or its first "<", else bytes where markup
    is ASCII."""
    codec = _UTF16_BY_START.get(body[:2])
    if codec is not None:
        body = body.decode(codec, "replace").encode()
    root = _ROOT_START.search(body)
    return _DTD.search(body, 0, root.start() if root else len(body)) is not None


def parse_opml(body: bytes, source: str) -> list[FeedConfig]:
    """The feeds of OPML bytes; `source` names the file in errors."""
    return read_opml(body, source)[0]


def _attribute(outline: ET.Element, name: str) -> str:
    """An outline's attribute whatever its case (xmlUrl, xmlurl, XMLURL are all written)."""
    value = outline.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in outline.attrib.items() if k.lower() == lowered), None)
    return (value or "").strip()


def read_opml(body: bytes, source: str) -> tuple[list[FeedConfig], list[SkippedLine]]:
    """Parse OPML bytes into its feeds and the outlines that added none (a local file, another
    scheme, a link without a feed): each named with its reason; a file read only once its bare
    `&`s were escaped says so in a note. `source` names the file in errors."""
    if _declares_dtd(body):
        raise SourceError(f"{source}: refused: the OPML declares a DTD or entities")
    root, repaired = _parsed(body, source)
    if root.tag != "opml" or root.find("body") is None:
        raise SourceError(f"{source}: not an OPML document (no <opml><body>)")
    feeds: list[FeedConfig] = []
    skipped: list[SkippedLine] = [SkippedLine(None, repaired, note=True)] if repaired else []
    seen: dict[str, int] = {}  # URL: its place in `feeds`

    def skip(label: str, address: str, reason: str) -> None:
        named = f'outline "{label}"' if label else "an untitled outline"
        shown = clean_line(hide_url_password(address), 100)  # (a password in it as ***)
        shown = f" ({shown})" if address and address != label else ""
        skipped.append(SkippedLine(None, f"{named}{shown}: {reason}"))

    def add(outline: ET.Element, url: str, label: str, tags: tuple[str, ...]) -> None:
        categories = _exact_tags(outline)
        if categories is None:  # OPML 2.0: comma-separated categories, "/" between a path's parts
            categories = re.split(r"[,/]", _plain(outline.get("category") or ""))
        else:  # newstui's own: its folder is one of them as written ("AC/DC" or "AC∕DC")
            exact = {_slashes_alike(c) for c in categories}
            tags = tuple(t for t in tags if _slashes_alike(t) not in exact)
        extra = (c for c in (clean_line(c, 100) for c in categories) if not shows_nothing(c))
        # a feed listed in two folders (Feedly, Inoreader export so): both are its tags
        before = feeds[seen[url]].tags if url in seen else ()
        listed = (*before, *tags, *(c for c in extra if c))
        unique: dict[str, str] = {}  # each tag once, as first written
        for tag in listed:
            unique.setdefault(name_key(tag), tag)
        all_tags = tuple(unique.values())
        if url in seen:
            feeds[seen[url]] = dataclasses.replace(feeds[seen[url]], tags=all_tags)
        else:
            seen[url] = len(feeds)
            site = web_url(_attribute(outline, "htmlUrl"))  # (an http(s) address only)
            feeds.append(FeedConfig(url=url, name=label or url, tags=all_tags, site=site or ""))

    deepest = ""  # the first folder folded into the one above it (too deep), as a note

    def inside(path: tuple[str, ...], label: str) -> tuple[str, ...]:
        """The path of a folder `label` in `path`: one deeper than _MOST_FOLDERS folds into the
        deepest (a file nested 1,000 folders deep wrote a 3,800-character tag: review r47 L5)."""
        nonlocal deepest
        if not label:
            return path
        if len(path) < _MOST_FOLDERS:  # ("AC/DC Fans" is one folder: its "/" as FOLDER_SLASH)
            return (*path, one_folder_name(label))
        if not deepest:
            deepest = clean_line(label, 100)
            skipped.append(
                SkippedLine(
                    None,
                    f"folders nested more than {_MOST_FOLDERS} deep (the first: outline "
                    f'"{deepest}") are read as the {_MOST_FOLDERS}th, '
                    f'"{clean_line(path[-1], 100)}": their feeds get its tag',
                    note=True,
                )
            )
        return path

    # Depth first in the file's order, with a stack of each open folder's outlines left (not
    # recursion: a deep file ended the import in a RecursionError, review r47 L5).
    top = root.find("body")
    assert top is not None  # (checked above)
    stack: list[tuple[Iterator[ET.Element], tuple[str, ...]]] = [(iter(top.findall("outline")), ())]
    while stack:
        outlines, path = stack[-1]
        outline = next(outlines, None)
        if outline is None:
            stack.pop()
            continue
        # a folder inside folders is one tag, its path: "Tech/Daily" is not the "Daily" of "Sport"
        folder = ("/".join(path),) if path else ()
        inner = outline.findall("outline")
        written = _attribute(outline, "xmlUrl")
        url = web_url(feed_url_of(written))  # (a space in it percent-encoded)
        label = _label(outline)
        if written:
            if url is not None and port_refused(url):  # (the config skips it: r45 M1)
                skip(label, written, PORT_REFUSED)
            elif url is not None:
                add(outline, url, label, folder)
            else:  # a file: URL too: an OPML is someone else's, it names no file to read
                skip(label, written, not_a_feed_reason(written))  # (user test r47 M3)
            # a feed that holds outlines is a folder too (none is lost)
        elif not inner and (link := _attribute(outline, "htmlUrl") or _attribute(outline, "url")):
            skip(label, link, "a link to a page, not a feed (no xmlUrl)")
        elif not inner and _attribute(outline, "type").lower() in ("rss", "atom"):
            skip(label, "", "a feed without its address (no xmlUrl)")
        # a folder (one with nothing in it adds nothing, and loses nothing); untitled: its parent's
        if inner:
            stack.append((iter(inner), inside(path, label)))
    return feeds, skipped


def _slashes_alike(tag: str) -> str:
    """A tag compared with its FOLDER_SLASH as "/" (name_key): how a folder titled "L15/L16"
    (the 16th of a deeper path, or "AC/DC") reads back in its export's newstui:tags."""
    return slashes_typed(name_key(tag))


# Markup another reader left in a name ("<i>Blog</i>", "&lt;b&gt;Bold&lt;/b&gt; Picks"): a tag
# starts with a letter, "/", "!" or "?" ("a < b" and "<3" stay).
_MARKUP = re.compile(r"<[A-Za-z/!?][^<>]*>")
# An "&" that starts none of XML's five entities nor a character reference ("Café & Küche",
# "&nbsp;"): what readers built on libxml2 read as a plain "&".
_BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);)")


def _plain(text: str) -> str:
    """A name or tag as plain text: entities decoded, markup taken out (user test r47 L1)."""
    import html

    return _MARKUP.sub("", html.unescape(text))


def _label(outline: ET.Element) -> str:
    """An outline's name: its title, else its text, as plain text on one line; one that shows
    nothing (zero-width and other invisible characters alone) is no name: such a folder's feeds
    got a tag that was a blank row in Sources, or one ending in it (`A/\u200b`), hostile r48."""
    for attribute in ("title", "text"):
        label = clean_line(_plain(outline.get(attribute) or ""), 200)
        if label and not shows_nothing(label):
            return label
    return ""


def _parsed(body: bytes, source: str) -> tuple[ET.Element, str]:
    """The OPML's root element and, when it read only with its bare `&`s escaped, a note saying
    so (readers built on libxml2 read such files; one "Café & Küche" refused 800 feeds: user test
    r47 L4); a file that does not read either way is a SourceError naming where it fails."""
    try:
        return ET.fromstring(body), ""
    except ET.ParseError as exc:
        failed = exc
    codec = _UTF16_BY_START.get(body[:2], "latin-1")  # (markup is ASCII in any other encoding)
    text = body.decode(codec, "replace")
    escaped, count = _BARE_AMPERSAND.subn("&amp;", text)
    if count:
        try:
            root = ET.fromstring(escaped.encode(codec, "replace"))
        except ET.ParseError:
            pass
        else:
            return root, (  # (expat's column counts bytes: the line alone)
                f"repaired: {count:,} {'&' if count == 1 else '&s'} not written as &amp; "
                f"(the first on line {failed.position[0]}) read as plain text"
            )
    line, column = failed.position
    reason = re.sub(r": line \d+, column \d+$", "", str(failed))
    raise SourceError(f"{source}: not valid OPML: line {line}, column {column + 1}: {reason}")


def _exact_tags(outline: ET.Element) -> list[str] | None:
    """The tags newstui wrote on an outline (its own attribute), or None when it has none or they
    are not a list of strings (then `category` is read)."""
    written = outline.get(_TAGS)
    if written is None:
        return None
    import json

    try:
        tags = json.loads(written)
    except ValueError:
        return None
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return None
    return tags[:_MOST_TAGS]


def write_opml(
    feeds: list[FeedConfig],
    title: str = "newstui subscriptions",
    site_urls: Mapping[str, str] | None = None,
) -> str:
    """OPML 2.0 text for the feeds; each feed sits in the folder of each of its tags (a path tag
    "Tech/Daily" is the folder Daily inside Tech, as imported), lists its tags in `category` (for
    other readers) and exactly in `newstui:tags` (a tag may hold "," or "/"), and carries its web
    site (`htmlUrl`) when `site_urls` (feed URL → site) knows it."""
    sites = {fold_url(url): site for url, site in (site_urls or {}).items() if is_http_url(site)}
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(opml, "body")
    folders: dict[tuple[str, ...], ET.Element] = {}  # a path's folded names: its outline

    def folder(tag: str) -> ET.Element:
        parent = body
        path: tuple[str, ...] = ()
        for part in folder_path(tag):
            path = (*path, name_key(part))  # "Tech" and "tech" are one folder, as one tag
            if path not in folders:  # (a folder's own "/", kept as FOLDER_SLASH, written back)
                title = slashes_typed(part)
                folders[path] = ET.SubElement(parent, "outline", text=title, title=title)
            parent = folders[path]
        return parent

    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        site = sites.get(fold_url(feed.url))
        if site:
            attrs["htmlUrl"] = site
        if len(feed.tags) > 1:
            attrs["category"] = ",".join(feed.tags)
        if any(re.search(r"[,/]", tag) for tag in feed.tags) or len(feed.tags) > 1:
            import json

            attrs[_TAGS] = json.dumps(list(feed.tags), ensure_ascii=False)
        places = [folder(tag) for tag in feed.tags] or [body]
        for parent in dict.fromkeys(places):  # (a feed in two folders is listed in both: user test
            ET.SubElement(parent, "outline", attrs)  # r47 H3, as Feedly and Inoreader write it)
    ET.indent(opml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(opml, "unicode") + "\n"


def folder_path(tag: str) -> list[str]:
    """The folders a tag stands for, outermost first: "Tech/Daily/Must read" → Tech, Daily,
    Must read (how an OPML's nested folders were imported), _MOST_FOLDERS at most."""
    parts = [part for part in (p.strip() for p in PATH_SLASH.split(tag)) if part] or [tag]
    if len(parts) > _MOST_FOLDERS:  # as deep as an import reads: the rest names the deepest
        parts[_MOST_FOLDERS - 1 :] = ["/".join(parts[_MOST_FOLDERS - 1 :])]  # (the tag comes back)
    return parts
