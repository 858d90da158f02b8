"""Quotes, entities, the extractor interface and its backends."""

from newstui.nlp.extractor import EXTRACTORS, Extractor, get_extractor
from newstui.nlp.names import canonical_key, query_keys, short_key

__all__ = ["EXTRACTORS", "Extractor", "canonical_key", "get_extractor", "query_keys", "short_key"]
