"""Quotes, entities, the extractor interface and its backends.

The names below are loaded when first read (PEP 562): importing one backend, such as the
"none" extractor a fetch asks for its version, then loads neither the extractor registry nor
the compiled name functions (the shared library of the whole extractor: ~60M instructions).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newstui.nlp.extractor import EXTRACTORS, Extractor, get_extractor
    from newstui.nlp.names import canonical_key, query_keys, short_key

__all__ = ["EXTRACTORS", "Extractor", "canonical_key", "get_extractor", "query_keys", "short_key"]

_HOMES = {
    "EXTRACTORS": "newstui.nlp.extractor",
    "Extractor": "newstui.nlp.extractor",
    "get_extractor": "newstui.nlp.extractor",
    "canonical_key": "newstui.nlp.names",
    "query_keys": "newstui.nlp.names",
    "short_key": "newstui.nlp.names",
}


def __getattr__(name: str) -> object:
    """One of __all__, imported from its module at its first read (then kept here)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
