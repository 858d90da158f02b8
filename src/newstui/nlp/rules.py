"""The default backend: pure-Python rules and shipped word lists, deterministic, no model."""

from __future__ import annotations

from newstui.model import Analysis, Quote
from newstui.nlp.entities import NAME_JOINERS, extract_entities
from newstui.nlp.gazetteer import source_fingerprint
from newstui.nlp.quotes import find_quote_spans, speech_kind
from newstui.nlp.segment import datelines, name_tokens
from newstui.nlp.speakers import SpeakerFinder, described_entities, without_overlaps

RULES_VERSION = "8"


class RulesExtractor:
    """Quotes with speakers and PERSON/ORG/PLACE/GROUP entities by rules; about 400k words/s on one core."""

    name = "rules"

    def __init__(self) -> None:
        self.version = f"rules-{RULES_VERSION}+{source_fingerprint()}"

    def analyse(self, text: str) -> Analysis:
        """Entities and speech quotes of `text`; scare quotes and titles of works are left out."""
        if not text or not text.strip():
            return Analysis()
        found = datelines(text)
        tokens = name_tokens(text, frozenset(d.end for d in found), NAME_JOINERS)
        entities = extract_entities(text, tokens, found)
        spans, short = [], set()
        for span in find_quote_spans(text):
            kind = speech_kind(text, span)
            if kind != "none":
                spans.append(span)
                if kind == "short":
                    short.add(span)
        finder = SpeakerFinder(text, spans, entities, short)
        speakers = finder.speakers()
        described = described_entities(finder.described, set(speakers), entities)
        if described:
            entities = without_overlaps(entities, described)
        quotes = tuple(
            Quote(text[s.start : s.end], s.start, s.end, speaker)
            for s, speaker in zip(spans, speakers, strict=True)
            if speaker or s not in short  # a short fragment is a quote only when attributed
        )
        return Analysis(entities=tuple(entities), quotes=quotes)
