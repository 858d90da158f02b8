"""The default backend: pure-Python rules and shipped word lists, deterministic, no model."""

from __future__ import annotations

from typing import NamedTuple

from newstui.model import Analysis, Entity, Quote
from newstui.nlp.entities import (
    NAME_JOINERS,
    extract_entities,
    glued_heading_end,
    seats_as_places,
)
from newstui.nlp.gazetteer import source_fingerprint
from newstui.nlp.quotes import QuoteSpan, find_quote_spans, reported_fragment, speech_kind
from newstui.nlp.segment import Dateline, datelines, name_tokens
from newstui.nlp.speakers import SpeakerFinder, described_entities, without_overlaps
from newstui.text import prose_only

RULES_VERSION = "45"


class RulesView(NamedTuple):
    """What the rules see of one text: its entities, speech quotes and their speakers."""

    entities: list[Entity]
    spans: list[QuoteSpan]
    short: set[QuoteSpan]
    reported: set[QuoteSpan]
    finder: SpeakerFinder
    speakers: list[str | None]


def rules_view(text: str) -> RulesView:
    """Entities, speech quotes (fragments of three words or fewer in `short`, those of them in a
    clause reporting speech also in `reported`) and the rules' speaker of each, for a non-blank
    `text`."""
    found = datelines(text)
    cut = glued_heading_end(text)  # names are read as if the glued heading had its own line
    seen = text if cut < 0 else f"{text[:cut]}\n{text[cut + 1 :]}"
    if cut >= 0 and any(start <= cut < end for d in found for start, end in d.places):
        # no dateline place runs across the line break the heading is read with ("The| The
        # (Reuters) —"): its text would not be the article's
        kept = [(tuple((s, e) for s, e in d.places if not s <= cut < e), d.end) for d in found]
        found = [Dateline(places, end) for places, end in kept if places]
    tokens = name_tokens(seen, frozenset(d.end for d in found), NAME_JOINERS)
    entities = extract_entities(seen, tokens, found)
    spans, short, reported = [], set(), set()
    for span in find_quote_spans(text):
        kind = speech_kind(text, span)
        if kind != "none":
            spans.append(span)
            if kind == "short":
                short.add(span)
                if reported_fragment(text, span):
                    reported.add(span)
    finder = SpeakerFinder(text, spans, entities, short)
    # the same tuple as RulesView(…), whose `__new__` runs as Python code even when compiled
    return tuple.__new__(RulesView, (entities, spans, short, reported, finder, finder.speakers()))


class RulesExtractor:
    """Quotes with speakers and PERSON/ORG/PLACE/GROUP entities by rules; about 400k words/s on one core."""

    name = "rules"

    def __init__(self) -> None:
        self.version = f"rules-{RULES_VERSION}+{source_fingerprint()}"

    def analyse(self, text: str) -> Analysis:
        """Entities and speech quotes of `text`; scare quotes and titles of works are left out."""
        if not text or not text.strip():
            return Analysis()
        text = prose_only(text)  # code and other preformatted lines are nobody's speech
        view = rules_view(text)
        return analysis_of(text, view, view.speakers)


def analysis_of(text: str, view: RulesView, speakers: list[str | None]) -> Analysis:
    """The analysis of `text` with these speakers of `view`'s quotes: a short fragment is a quote
    only when attributed or reported, a speaker named by a description becomes a GROUP entity, and
    a seat of government a PLACE (see `seats_as_places`)."""
    entities = seats_as_places(view.entities)
    described = described_entities(view.finder.described, set(speakers), entities)
    if described:
        entities = without_overlaps(entities, described)
    quotes = tuple(
        [
            _quote(text[s.start : s.end], s.start, s.end, speaker)
            for s, speaker in zip(view.spans, speakers, strict=True)
            # a short fragment is a quote only when attributed or in a clause reporting speech;
            # a single-marked one only when a verb of saying gives it to a named speaker
            if s not in view.short
            or (speaker and (s in view.reported or text[s.open_mark] not in "'‘"))
            or (s in view.reported and text[s.open_mark] not in "'‘")
        ]
    )
    analysis = Analysis.__new__(Analysis)
    fields = analysis.__dict__  # as Analysis(entities=…, quotes=…) sets them (see _quote)
    fields["entities"] = tuple(entities)
    fields["quotes"] = quotes
    return analysis


def _quote(text: str, start: int, end: int, speaker: str | None) -> Quote:
    """`Quote(text, start, end, speaker)`, its fields set as the frozen dataclass's `__init__`
    sets them: that `__init__` runs as Python code even in the compiled extractor (about five
    times the instructions of this)."""
    quote = Quote.__new__(Quote)
    fields = quote.__dict__
    fields["text"] = text
    fields["start"] = start
    fields["end"] = end
    fields["speaker"] = speaker
    return quote
