"""Turn the page behind a link into clean readable text, off the UI thread (trafilatura).

The names below are loaded when first read (PEP 562): a fetch that asks only which items are
podcast episodes (`newstui.fulltext.podcasts`) or whether an answer is a page (`sniff`) does not
load the extraction's own modules (page, boilerplate, metadata: ~20 ms of CPU in the fetching
process, which sends pages to a worker and never extracts one itself).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newstui.fulltext.extracted import ExtractedPage
    from newstui.fulltext.page import extract_page
    from newstui.fulltext.pool import (
        ExtractionPool,
        extract_pages_in_pool,
        extract_with_limit,
        import_page_extraction,
    )
    from newstui.fulltext.sniff import looks_like_html

__all__ = [
    "ExtractedPage",
    "ExtractionPool",
    "extract_page",
    "extract_pages_in_pool",
    "extract_with_limit",
    "import_page_extraction",
    "looks_like_html",
]

_HOMES = {
    "ExtractedPage": "newstui.fulltext.extracted",
    "extract_page": "newstui.fulltext.page",
    "ExtractionPool": "newstui.fulltext.pool",
    "extract_pages_in_pool": "newstui.fulltext.pool",
    "extract_with_limit": "newstui.fulltext.pool",
    "import_page_extraction": "newstui.fulltext.pool",
    "looks_like_html": "newstui.fulltext.sniff",
}


def __getattr__(name: str) -> object:
    """One of __all__, imported from its module at its first read (then kept here)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
