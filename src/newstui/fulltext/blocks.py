"""Trafilatura's XML body → display blocks (paragraphs, headings, list items, quotes) and links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from newstui.model import Link, LinkKind
from newstui.text import BULLETS, HEADING_MARK, QUOTE_LEVEL, gutter_block

# clean_text strips leading spaces, so nesting shows in the bullet, not in an indent.
_MARKERS = tuple(f"{bullet} " for bullet in BULLETS)
_LINE_BREAK = "\ue000"  # private-use stand-in for <lb/> while whitespace is folded
_WHITESPACE = re.compile(r"\s+")
_BLOCK_TAGS = frozenset("p head list item quote code table row cell div main body doc note".split())
_LAYOUT_TAGS = frozenset({"p", "head", "list", "quote", "table", "code", "div"})
_SKIPPED_TAGS = frozenset({"comments", "fw", "figure", "del"})
_MAX_LINK_TEXT = 200


@dataclass
class BodyText:
    """An article body as display blocks plus the links and images it carries."""

    blocks: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def body_to_blocks(body: etree._Element, page_url: str) -> BodyText:
    """Walk trafilatura's body tree into blocks, keeping each heading, item and quote its own block."""
    walker = _Walker(page_url)
    walker.walk_block(body)
    walker.flush()
    return BodyText(blocks=walker.blocks, links=walker.links)


def safe_link_url(href: str | None, page_url: str) -> str | None:
    """An absolute http(s) URL for href, or None for other schemes and links within the same page."""
    if not href:
        return None
    href = href.strip()
    try:
        url = urljoin(page_url, href)
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if parts.fragment and urldefrag(url).url == urldefrag(page_url).url:
        return None
    return url


def _cell_text(cell: etree._Element) -> str:
    """A table cell's text on one line, with a space where block children or line breaks met."""
    parts: list[str] = []
    _collect_cell(cell, parts, top=True)
    return _WHITESPACE.sub(" ", "".join(parts)).strip()


def _inline_text(element: etree._Element) -> str:
    return _WHITESPACE.sub(" ", "".join(element.itertext())).strip()


def _collect_cell(element: etree._Element, parts: list[str], top: bool = False) -> None:
    spaced = not top and element.tag in _BLOCK_TAGS | {"lb"}
    if spaced:
        parts.append(" ")
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SKIPPED_TAGS:
            _collect_cell(child, parts)
        if child.tail:
            parts.append(child.tail)
    if spaced:
        parts.append(" ")


def _heading_marks(rend: str | None) -> str:
    """A heading's marks as html_to_text writes them (text.HEADING_MARK a level, a space), by
    trafilatura's `rend` ("h2"); a heading of no stated level is taken as an <h2>."""
    rend = (rend or "").strip().lower()
    level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456" else 2
    return HEADING_MARK * level + " "


class _Walker:
    """Collects inline text into a buffer and flushes it as a block at each block boundary."""

    def __init__(self, page_url: str) -> None:
        self.page_url = page_url
        self.blocks: list[str] = []
        self.links: list[Link] = []
        self._seen: set[tuple[str, str]] = set()
        self._buffer: list[str] = []
        self._marker: str | None = None  # bullet waiting for the first block of a list item
        self._depth = 0  # list nesting
        self._quote_depth = 0
        self._heading = ""  # a heading's marks ("## "), waiting for its words

    def flush(self) -> None:
        """Emit the buffered inline text as one block with its list/quote prefix."""
        raw = "".join(self._buffer)
        self._buffer.clear()
        text = _WHITESPACE.sub(" ", raw).replace(f" {_LINE_BREAK}", _LINE_BREAK)
        text = text.replace(f"{_LINE_BREAK} ", _LINE_BREAK).strip(f" {_LINE_BREAK}")
        text = text.replace(_LINE_BREAK, "\n")
        if not text:
            return
        self._emit(text)

    def _emit(self, text: str) -> None:
        if self._marker is not None:
            text = self._marker + text
            self._marker = None
        elif self._heading:
            text = self._heading + text
        if self._quote_depth:
            prefix = QUOTE_LEVEL * self._quote_depth
            text = "\n".join(prefix + line for line in text.split("\n"))
        self.blocks.append(text)

    def walk_block(self, element: etree._Element) -> None:
        """Handle a block-level element: flush around it and walk its content."""
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED_TAGS:
            return
        if tag == "list":
            self._walk_list(element)
        elif tag == "quote":
            self.flush()
            self._quote_depth += 1
            self._walk_content(element)
            self.flush()
            self._quote_depth -= 1
        elif tag == "code":
            self.flush()
            code = gutter_block("".join(element.itertext()))  # its lines kept as they are
            if code:
                self._emit(code)
        elif tag == "table":
            self._walk_table(element)
        elif tag == "head" and self._depth == 0:
            self.flush()
            self._heading = _heading_marks(element.get("rend"))
            self._walk_content(element)
            self.flush()
            self._heading = ""
        else:
            self.flush()
            self._walk_content(element)
            self.flush()

    def _walk_list(self, element: etree._Element) -> None:
        self.flush()
        ordered = element.get("rend") == "ol"
        self._depth += 1
        number = 0
        for item in element:
            if item.tag != "item":
                self.walk_block(item)
                continue
            number += 1
            self._marker = (
                f"{number}. " if ordered else _MARKERS[min(self._depth, len(_MARKERS)) - 1]
            )
            self._walk_content(item)
            self.flush()
        self._depth -= 1
        self._marker = None

    def _walk_table(self, element: etree._Element) -> None:
        self.flush()
        if any(child.tag in _LAYOUT_TAGS for cell in element.iter("cell") for child in cell):
            # a table used for layout: its cells hold paragraphs and lists, so show them as such
            for cell in element.iter("cell"):
                self.walk_block(cell)
            return
        rows: list[str] = []
        for row in element.iter("row"):
            cells = [_cell_text(cell) for cell in row.iter("cell")]
            cells = [cell for cell in cells if cell]
            if cells:
                rows.append(" | ".join(cells))
        for child in element.iter("ref", "graphic"):
            if child.tag == "ref":
                self._add_link(_inline_text(child), child.get("target"), "link")
            else:
                self._add_image(child)
        if rows:
            self._emit("\n".join(rows))

    def _walk_content(self, element: etree._Element) -> None:
        """Walk an element's text and children, treating inline children inline."""
        if element.text:
            self._buffer.append(element.text)
        for child in element:
            self._walk_child(child)
            if child.tail:
                self._buffer.append(child.tail)

    def _walk_child(self, child: etree._Element) -> None:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_TAGS:
            return
        if tag == "lb":
            self._buffer.append(_LINE_BREAK)
        elif tag == "graphic":
            self._add_image(child)
        elif tag in _BLOCK_TAGS:
            self.walk_block(child)
        else:
            if tag == "ref":
                self._add_link(_inline_text(child), child.get("target"), "link")
            self._walk_content(child)

    def _add_image(self, graphic: etree._Element) -> None:
        self._add_link(
            graphic.get("alt") or graphic.get("title") or "", graphic.get("src"), "image"
        )

    def _add_link(self, text: str, href: str | None, kind: LinkKind) -> None:
        url = safe_link_url(href, self.page_url)
        if url is None:
            return
        text = text[:_MAX_LINK_TEXT]
        if kind == "image" and not text:
            return
        key = (url, kind)
        if key in self._seen:
            return
        self._seen.add(key)
        self.links.append(Link(text=text or url, url=url, kind=kind))
