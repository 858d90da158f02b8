"""Extract one article page: title, author, date, readable text and its links (trafilatura)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from newstui.fulltext.blocks import body_to_blocks
from newstui.fulltext.boilerplate import drop_boilerplate, is_paywall_stub
from newstui.fulltext.extracted import ExtractedPage
from newstui.fulltext.metadata import choose_title, clean_author, first_heading, parse_date
from newstui.fulltext.repair import repair_text, sanitize_html_bytes
from newstui.model import Link
from newstui.text import clean_line, clean_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MAX_BODY_BYTES = 8_000_000  # longer bodies are cut: lxml copes with the truncated tail
MIN_WORDS = 25  # fewer words than this is a stub, not an article


def extract_page(body: bytes, url: str) -> ExtractedPage | None:
    """Extract the article from a page's bytes fetched from url; None if it holds no article."""
    from trafilatura import bare_extraction  # 0.2 s import: only when a page is extracted
    from trafilatura.utils import load_html

    _silence_library_logs()
    tree = load_html(sanitize_html_bytes(body[:MAX_BODY_BYTES]))
    if tree is None:
        return None
    resolve_relative_links(tree, url)
    heading = first_heading(tree)
    fold_captions_into_images(tree)
    document = bare_extraction(tree, url=url, **EXTRACTION_OPTIONS)
    if document is None or isinstance(document, dict) or document.body is None:
        return None
    title = choose_title(heading, document.title or "")
    body_text = body_to_blocks(document.body, url)
    repeats = (title, document.title or "", document.sitename or "")
    text = clean_text(repair_text("\n\n".join(drop_boilerplate(body_text.blocks, repeats))))
    if len(text.split()) < MIN_WORDS or is_paywall_stub(text):
        return None
    return ExtractedPage(
        title=clean_line(repair_text(title)),
        author=clean_author(document.author),
        published=parse_date(document.date),
        text=text,
        links=tuple(
            Link(text=clean_line(repair_text(link.text)), url=link.url, kind=link.kind)
            for link in body_text.links
        ),
    )


EXTRACTION_OPTIONS: dict[str, Any] = {
    "output_format": "xml",
    "include_comments": False,
    "include_links": True,
    "include_formatting": True,
    "include_images": True,
    "include_tables": True,
    "with_metadata": True,
    "favor_recall": True,
}


def _silence_library_logs() -> None:
    """Keep the extractors' warnings off the terminal (Python prints unhandled warnings to stderr)."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def resolve_relative_links(tree: HtmlElement, url: str) -> None:
    """Make path-relative and fragment links absolute before trafilatura, which joins them to the host.

    Absolute and root-relative links are left to trafilatura: resolving every link costs 15% of a page.
    """
    base = url
    for element in tree.iter("base"):
        with contextlib.suppress(ValueError):
            base = urljoin(url, element.get("href") or "")
        break
    for element, attribute in _link_attributes(tree):
        value = (element.get(attribute) or "").strip()
        if not value or (base == url and _left_to_trafilatura(value)):
            continue
        try:
            element.set(attribute, urljoin(base, value))
        except ValueError:
            del element.attrib[attribute]


def _left_to_trafilatura(link: str) -> bool:
    """Absolute http(s) and root-relative links, which trafilatura resolves correctly."""
    return link.startswith(("http://", "https://")) or (link[:1] == "/" and link[:2] != "//")


def _link_attributes(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    for element in tree.iter("a", "img"):
        yield element, "href" if element.tag == "a" else "src"


def fold_captions_into_images(tree: HtmlElement) -> None:
    """Remove figure captions from the text, keeping each as its image's alt text if it has none."""
    for caption in list(tree.iter("figcaption")):
        figure = caption.getparent()
        text = " ".join(caption.text_content().split())
        if figure is not None and text:
            for image in figure.iter("img"):
                if not (image.get("alt") or "").strip():
                    image.set("alt", text)
        caption.drop_tree()
