"""The default backend: pure-Python rules and shipped word lists, deterministic, no model."""

from __future__ import annotations

from dataclasses import replace
from typing import Final, NamedTuple

from newstui.model import Analysis, Entity, Mention, Quote
from newstui.nlp.entities import (
    NAME_JOINERS,
    extract_entities,
    glued_heading_end,
    seats_as_places,
)
from newstui.nlp.gazetteer import Gazetteer, load_gazetteer, source_fingerprint, tier_type
from newstui.nlp.language import reads_as_english
from newstui.nlp.quotes import QuoteSpan, find_quote_spans, reported_fragment, speech_kind
from newstui.nlp.segment import (
    Dateline,
    bisect_ints_left,
    bisect_ints_right,
    datelines,
    name_tokens,
)
from newstui.nlp.speakers import SpeakerFinder, described_entities, without_overlaps
from newstui.text import prose_only

RULES_VERSION = "47"


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
        analysis = analysis_of(text, view, view.speakers)
        if reads_as_english(text):
            return analysis
        return outside_english(text, analysis)


def outside_english(text: str, analysis: Analysis) -> Analysis:
    """What of `analysis` stands in a text that is not English: the entities a word list or the
    dateline vouches for, a person's from a known given name on ("Oberbürgermeister Dieter
    Reiter" is Dieter Reiter), and the quotes these speakers are found for. Capitalisation
    alone names nothing there (German writes every noun so), and a quote whose speaker the
    English rules cannot find is left out rather than shown by an unknown speaker."""
    gaz = load_gazetteer()
    placed = {span for found in datelines(text) for span in found.places}
    shown: dict[str, str] = {}  # a kept entity's name as found -> as shown
    kept: dict[tuple[str, str], list[Mention]] = {}
    for entity in analysis.entities:
        name = _vouched_name(entity, gaz, placed)
        if name is None:
            continue
        shown[entity.name] = name
        title = entity.name[: len(entity.name) - len(name)]  # "Oberbürgermeister "
        mentions = kept.setdefault((name, entity.type), [])
        for mention in entity.mentions:
            if title and mention.text.startswith(title):
                cut = len(title)
                mention = Mention(mention.start + cut, mention.end, mention.text[cut:])
            mentions.append(mention)
    entities = tuple(
        Entity(name, kind, tuple(sorted(set(mentions), key=lambda m: (m.start, m.end))))
        for (name, kind), mentions in kept.items()
    )
    mentioned = {e.name: ([m.start for m in e.mentions], e.mentions) for e in entities}
    quotes = tuple(
        replace(quote, speaker=shown[quote.speaker])
        for quote in analysis.quotes
        if quote.speaker is not None
        and quote.speaker in shown
        and _names_in_its_sentence(text, quote, *mentioned[shown[quote.speaker]])
    )
    return Analysis(entities=entities, quotes=quotes)


# What ends a sentence between a quote and its speaker's name, and the most characters between
# them read (about a sentence), and the most a name's mention is thought to run: a hostile
# text's thousand quotes of one speaker read only the mentions near each
_SENTENCE_GAPS: Final = (". ", "! ", "? ", "\n")
_GAP_MOST: Final = 400
_NAME_MOST: Final = 200


def _names_in_its_sentence(
    text: str, quote: Quote, starts: list[int], mentions: tuple[Mention, ...]
) -> bool:
    """Whether one of `mentions` (in text order, `starts` their offsets) stands in the sentence
    of `quote` ("Michel Barnier a déclaré : « … »", "« … », a affirmé Michel Barnier"): the
    English rules also give a quote to the speaker of the one before, but the words that name
    another speaker in between ("Secondo Elly Schlein, «…»") are not English ones."""
    first = bisect_ints_left(starts, quote.start - _GAP_MOST - _NAME_MOST)
    last = bisect_ints_right(starts, quote.end + _GAP_MOST)
    for mention in mentions[first:last]:
        if quote.start - _GAP_MOST <= mention.end <= quote.start:
            gap = text[mention.end : quote.start]
        elif quote.end <= mention.start <= quote.end + _GAP_MOST:
            gap = text[quote.end : mention.start]
        else:
            continue
        if not any(end in gap for end in _SENTENCE_GAPS):
            return True
    return False


def _vouched_name(entity: Entity, gaz: Gazetteer, placed: set[tuple[int, int]]) -> str | None:
    """The name `entity` keeps in a text that is not English, None if only its capitals name it:
    a word list's name of its type, a place of the dateline, or a person from a known given name
    on (the words before it a title: "Bundeskanzler Olaf Scholz")."""
    name = entity.name
    if gaz.known.get(name) == entity.type or tier_type(name) == entity.type:
        return name
    if (
        entity.type == "PLACE"
        and name[-1:].isalnum()
        and any((m.start, m.end) in placed for m in entity.mentions)
    ):
        return name  # "ROMA – Il governo …"
    if entity.type == "PERSON":
        words = name.split(" ")
        for k in range(len(words) - 1):
            if words[k] in gaz.first_names:
                return " ".join(words[k:])
    return None


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
