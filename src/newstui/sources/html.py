"""HTML → readable plain text: paragraphs kept, scripts and styles dropped, links collected."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from newstui.model import Link
from newstui.sources.http import is_http_url
from newstui.text import clean_line, clean_text

_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "head",
    "form",
    "button",
    "select",
    "nav",
    "canvas",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "details",
    "summary",
    "body",
    "html",
}
# Numeric references to C0/C1 controls: lxml would turn them into real control characters.
_CONTROL_REF = re.compile(
    r"&#(?:x0*(?:[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])|0*(?:[0-8]|1[1-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9]));",
    re.I,
)


def html_to_text(html: str | bytes, base_url: str | None = None) -> tuple[str, list[Link]]:
    """Readable text (paragraphs separated by blank lines) and the http(s) links/images, in order."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    html = _CONTROL_REF.sub(" ", html).replace("\x00", "")
    if not html.strip():
        return "", []
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return clean_text(re.sub(r"<[^>]*>", " ", html)), []
    parts: list[str] = []
    links: list[Link] = []
    seen: set[str] = set()

    def add_link(text: str, href: str | None, kind: str) -> None:
        if not href:
            return
        url = urljoin(base_url, href.strip()) if base_url else href.strip()
        if is_http_url(url) and url not in seen:
            seen.add(url)
            links.append(Link(clean_line(text, 300), url, kind))

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _DROP:
            if el.tail:
                parts.append(el.tail)
            return
        if not tag:  # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK
        if block or tag == "br":
            parts.append("\n\n" if block else "\n")
        if tag == "li":
            parts.append("\n• ")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p") and not block:
            parts.append("\n\n")
        if tag == "img":
            add_link(el.get("alt") or el.get("title") or "", el.get("src"), "image")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag == "a":
            add_link(el.text_content(), el.get("href"), "link")
        if tag in ("td", "th"):
            parts.append("  ")
        if block:
            parts.append("\n\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    text = "".join(parts)
    # Inside a paragraph, single newlines from the source are just spaces.
    text = "\n\n".join(
        re.sub(r"[ \t]*\n[ \t]*(?!• )", " ", p).strip() for p in re.split(r"\n\s*\n", text)
    )
    return clean_text(text), links
