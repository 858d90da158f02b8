"""Turn the page behind a link into clean readable text, off the UI thread (trafilatura)."""

from newstui.fulltext.page import ExtractedPage, extract_page
from newstui.fulltext.pool import ExtractionPool, extract_pages_in_pool, extract_with_limit
from newstui.fulltext.sniff import looks_like_html

__all__ = [
    "ExtractedPage",
    "ExtractionPool",
    "extract_page",
    "extract_pages_in_pool",
    "extract_with_limit",
    "looks_like_html",
]
