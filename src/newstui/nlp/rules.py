"""The default backend: pure-Python rules and shipped word lists, deterministic, no model."""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from newstui.model import Analysis, Entity, Mention, Quote
from newstui.nlp.entities import (
    NAME_JOINERS,
    extract_entities,
    glued_heading_end,
    seats_as_places,
)
from newstui.nlp.function_words import LONGEST, OTHER, VOTES
from newstui.nlp.gazetteer import Gazetteer, load_gazetteer, source_fingerprint, tier_type
from newstui.nlp.language import reads_as_english
from newstui.nlp.quotes import QuoteSpan, find_quote_spans, reported_fragment, speech_kind
from newstui.nlp.segment import (
    Dateline,
    bisect_ints_left,
    bisect_ints_right,
    datelines,
    name_tokens,
    word_votes,
)
from newstui.nlp.speakers import SpeakerFinder, described_entities, without_overlaps
from newstui.nlp.speech_verbs import NOT_THE_SPEAKER, SPEAKER_ARTICLES, SPEECH_VERBS
from newstui.text import prose_only

RULES_VERSION = "55"


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

    def analyse(self, text: str, language: str | None = None) -> Analysis:
        """Entities and speech quotes of `text`; scare quotes and titles of works are left out.
        `language`: the language its source declares, which decides what the text's own words
        cannot (nlp/language.py)."""
        if not text or not text.strip():
            return Analysis()
        text = prose_only(text)  # code and other preformatted lines are nobody's speech
        view = rules_view(text)
        analysis = analysis_of(text, view, view.speakers)
        if reads_as_english(text, language):
            return without_quoted_foreign_names(text, view.spans, analysis)
        return outside_english(text, view, analysis)


def without_quoted_foreign_names(text: str, spans: list[QuoteSpan], analysis: Analysis) -> Analysis:
    """`analysis` of an English text less the entities named only inside quotes in another
    language and by no hand-written list: "“Diese Regierung ist am Ende,” Merz said." names no
    town Ende (a GeoNames one). A quote is in another language when it holds their function
    words and no English one."""
    if not spans or not analysis.entities:
        return analysis
    opens = [span.start for span in spans]
    known = load_gazetteer().known
    foreign: dict[int, bool] = {}  # a quote's index -> whether it reads as another language
    dropped: set[str] = set()
    for entity in analysis.entities:
        if known.get(entity.name) == entity.type:
            continue
        inside: list[int] = []
        for mention in entity.mentions:
            k = bisect_ints_right(opens, mention.start) - 1
            if k < 0 or spans[k].end < mention.end:
                break  # a mention outside the quotes: the text's own prose names it
            inside.append(k)
        else:
            for k in inside:
                if k not in foreign:
                    span = spans[k]
                    english, other = word_votes(text[span.start : span.end], VOTES, LONGEST, 1)
                    foreign[k] = english == 0 and other > 0
            if all(foreign[k] for k in inside):
                dropped.add(entity.name)
    if not dropped:
        return analysis
    entities = tuple(entity for entity in analysis.entities if entity.name not in dropped)
    return Analysis(entities=entities, quotes=analysis.quotes)


def outside_english(text: str, view: RulesView, analysis: Analysis) -> Analysis:
    """What of `analysis` (of `view`) stands in a text that is not English: the entities a word
    list or the dateline vouches for, a person's from a known given name on ("Oberbürgermeister
    Dieter Reiter" is Dieter Reiter), and the quotes whose speaker is named in their sentence:
    after the quote by a verb of saying ("„…“, sagte Bundeskanzler Olaf Scholz"), or as the
    English rules find them ("Michel Barnier a déclaré : « … »"). Capitalisation alone names
    nothing there (German writes every noun so), and a quote whose speaker is not named so is
    left out rather than shown by an unknown speaker."""
    gaz = load_gazetteer()
    placed = {span for found in datelines(text) for span in found.places}
    framed = framed_speakers(text, view.spans, gaz)
    shown: dict[str, str] = {}  # a kept entity's name as found -> as shown
    kept: dict[tuple[str, str], list[Mention]] = {}
    for entity in analysis.entities:
        name = _vouched_name(entity, gaz, placed)
        if name is None and entity.type == "PERSON" and entity.name in framed:
            name = entity.name  # "« … », a déclaré Mathilde Panot, présidente du groupe …"
        if name is None:
            continue
        shown[entity.name] = name
        title = entity.name[: entity.name.find(name)]  # "Oberbürgermeister "
        tail = entity.name[len(title) + len(name) :]  # " en el Palacio"
        mentions = kept.setdefault((name, entity.type), [])
        for mention in entity.mentions:
            if title and mention.text.startswith(title):
                cut = len(title)
                mention = Mention(mention.start + cut, mention.end, mention.text[cut:])
            if tail and mention.text.endswith(tail):
                cut = len(mention.text) - len(tail)
                mention = Mention(mention.start, mention.start + cut, mention.text[:cut])
            mentions.append(mention)
    if framed:
        _add_framed(text, framed, kept)
    entities = tuple(
        Entity(name, kind, tuple(sorted(set(mentions), key=lambda m: (m.start, m.end))))
        for (name, kind), mentions in kept.items()
    )
    if framed:  # in the order they are first named, as the others are
        entities = tuple(sorted(entities, key=lambda e: e.mentions[0].start))
    mentioned = {e.name: ([m.start for m in e.mentions], e.mentions) for e in entities}
    people = sorted((m.start, e.name) for e in entities if e.type == "PERSON" for m in e.mentions)
    starts = [start for start, _ in people]
    surnames: dict[str, str | None] = {}  # a kept person's last name, None if two share it
    for entity in entities:
        if entity.type == "PERSON" and " " in entity.name:
            last = entity.name.rsplit(" ", 1)[1]
            surnames[last] = entity.name if surnames.get(last, entity.name) == entity.name else None
    quotes: list[Quote] = []
    for span, found in zip(view.spans, view.speakers, strict=True):
        speaker = _named_after(text, span, starts, people, surnames)
        if speaker is None and found is not None and found in shown:
            quote = _quote(text[span.start : span.end], span.start, span.end, shown[found])
            if _names_in_its_sentence(text, quote, *mentioned[shown[found]]):
                speaker = shown[found]
        # a short fragment, as in `analysis_of`: an attributed one, single-marked only when reported
        if speaker is not None and (
            span not in view.short or span in view.reported or text[span.open_mark] not in "'‘"
        ):
            quotes.append(_quote(text[span.start : span.end], span.start, span.end, speaker))
    return Analysis(entities=entities, quotes=tuple(quotes))


# A verb of saying right after a quote's closing mark, past its comma or dash ("“, sagte",
# "» – сказал", "’, aldus"), the longest first ("a affirmé" before "a")
_SAID_AFTER: Final = re.compile(
    r"[ ,\u00a0–—-]{0,5}(?:"
    + "|".join(re.escape(verb) for verb in sorted(set(SPEECH_VERBS), key=len, reverse=True))
    + r")(?!\w)"
)
# The most characters between the verb and the name, the most words of a title before the name
# ("sagte Bundeskanzler Olaf Scholz", "сказал главный экономист банка «Открытие» Максим Петров"),
# and of a description set off by a comma ("dijo la ministra de Vivienda, Isabel Rodríguez")
_SUBJECT_MOST: Final = 120
_TITLE_WORDS: Final = 4
_DESCRIPTION_WORDS: Final = 10


def _named_after(
    text: str,
    span: QuoteSpan,
    starts: list[int],
    people: list[tuple[int, str]],
    surnames: dict[str, str | None],
) -> str | None:
    """The person named as the subject of a verb of saying right after the quote `span` ("« … »,
    a affirmé Michel Barnier", "«…», dijo la ministra de Vivienda, Isabel Rodríguez", "«…», είπε
    ο Μητσοτάκης"), or None; `people` are the kept persons' (mention start, name) in text
    order, `starts` their starts, `surnames` their last names."""
    said = _SAID_AFTER.match(text, span.close_mark + 1)
    if said is None:
        return None
    subject = text[said.end() : said.end() + _SUBJECT_MOST].split()[:3]
    while subject and subject[0] in SPEAKER_ARTICLES:
        del subject[0]
    if subject and surnames.get(subject[0].rstrip(".,;:!?")):
        return surnames[subject[0].rstrip(".,;:!?")]  # "dijo Sánchez en el Palacio …"
    at = bisect_ints_left(starts, said.end())
    if at == len(people) or people[at][0] - said.end() > _SUBJECT_MOST:
        return None
    between = text[said.end() : people[at][0]]
    if "\n" in between or any(
        word[-1] in ".!?;:" and word not in SPEAKER_ARTICLES for word in between.split()
    ):
        return None  # the end of a clause ("M." opens a name: "a déclaré M. Michel Barnier")
    words = [word.strip(',«»“”„"') for word in between.split()]
    if any(word in NOT_THE_SPEAKER for word in words):
        return None  # "sagte er nach dem Treffen mit …"
    described, _, rest = between.rstrip().rpartition(",")
    if rest == "" and described and "," not in described:  # "dijo la ministra de Vivienda, "
        if len(words) > _DESCRIPTION_WORDS or (
            words[0] in OTHER and words[0] not in SPEAKER_ARTICLES
        ):
            return None
        return people[at][1]
    if "," in between:
        return None
    titles = [word for word in words if word not in SPEAKER_ARTICLES]
    if len(titles) > _TITLE_WORDS or any(word in OTHER for word in titles):
        return None  # "dijo tras reunirse con …"
    return people[at][1]


# A capitalised name word of any script: a capital, then letters, maybe joined by a hyphen or
# an apostrophe to another ("Braun-Pivet", "O'Neill"); and the run of two or three such words a
# speaker's name is, ending where no further capitalised word follows
_NAME_WORD: Final = r"[^\W\d_a-z][^\W\d_]*(?:[-'’][^\W\d_]+)?"
_NAME_WORD_AT: Final = re.compile(rf"(?<![^\W\d_]){_NAME_WORD}")
_FRAMED_NAME: Final = re.compile(
    rf"(?<![^\W\d_])({_NAME_WORD}(?: {_NAME_WORD}){{1,2}})(?![^\W\d_]|[-'’]| {_NAME_WORD}| \d)"
)
# Words only German of the languages read here writes among its commonest: a text holding two
# writes every noun capitalised, so a title and a surname look like a name there ("sagte
# Ministerpräsident Söder")
_GERMAN_WORDS: Final = frozenset(
    "und ist nicht sich auch wird werden dem einem einen über für wurde sind".split()
)


def framed_speakers(text: str, spans: list[QuoteSpan], gaz: Gazetteer) -> dict[str, int]:
    """The names no list need vouch for in a text that is not English, each with where it is
    first named: two or three capitalised words standing as the subject of a verb of saying
    right after a quote ("« … », a déclaré pour sa part Mathilde Panot, présidente du groupe",
    "«…», ha detto Elly Schlein, segretaria del Pd"), a courtesy title before them left out
    ("a dit Mme Mathilde Panot"), before any other capitalised word, followed by none and then by
    a role set off by a comma. The frame is a person's, as "said X Y, the interior minister" is
    in English; not in a German text, where a title before a surname is capitalised too, and not
    a name a list types or whose words are titles, roles, places or the language's function
    words ("a affirmé Le Figaro")."""
    found: dict[str, int] = {}
    german = -1  # unknown until a frame asks
    for span in spans:
        said = _SAID_AFTER.match(text, span.close_mark + 1)
        if said is None:
            continue
        after = said.end()
        window = text[after : after + _SUBJECT_MOST]
        name = _FRAMED_NAME.search(window)
        if name is None or "\n" in window[: name.start()]:
            continue
        start = name.start()
        words = name.group(1).split(" ")
        if len(words) == 3 and words[0] in SPEAKER_ARTICLES:  # "Mme Mathilde Panot"
            start += len(words[0]) + 1
            del words[0]
        named = " ".join(words)
        if not _plain_lead(window[:start]) or not _person_words(named, gaz):
            continue
        if not _role_follows(text, after + name.end()):
            continue
        if german < 0:
            german = int(sum(1 for word in text.split() if word in _GERMAN_WORDS) >= 2)
        if german:
            return {}
        found.setdefault(named, after + start)
    return found


def _plain_lead(lead: str) -> bool:
    """Whether `lead`, the words between a verb of saying and the name after it, leaves the
    name its subject: articles and courtesy titles, and at most _TITLE_WORDS lower-case words
    ("pour sa part"), none a pronoun, preposition or conjunction that makes the name another's
    ("sagte er nach dem Treffen mit …") and no end of a clause."""
    words = lead.split()
    counted = 0
    for word in words:
        if word in SPEAKER_ARTICLES:
            continue
        if word[-1] in '.,;:!?«»“”„"' or not word.islower():
            return False
        if word in NOT_THE_SPEAKER or word in OTHER:
            return False
        counted += 1
    return counted <= _TITLE_WORDS


# A description set off by a comma after a name: its first two words
_APPOSITION: Final = re.compile(r", +(\S+)(?: +(\S+))?")


def _role_follows(text: str, end: int) -> bool:
    """Whether a description in lower case follows the name ending at `end`, set off by a comma:
    the speaker's role ("Mathilde Panot, présidente du groupe", "Gwendal Rouillard, le député
    du Morbihan", "Elly Schlein, segretaria del Pd"), what the frame needs to be a person's."""
    found = _APPOSITION.match(text, end)
    if found is None:
        return False
    first = found.group(1)
    if first in SPEAKER_ARTICLES:  # "le député"
        first = found.group(2) or ""
    elif first[:2] in ("l'", "l’"):  # "l'ancienne ministre"
        first = first[2:]
    return first[:1].islower() and first.rstrip(",.;:").isalpha()


def _person_words(name: str, gaz: Gazetteer) -> bool:
    """Whether `name` could be a person's: no list types it, and none of its words is a known
    place, organisation or group, a title, a role, an organisation's or place's head word, or
    an article or function word of the languages read ("Le Monde", "Banque Populaire")."""
    if name in gaz.known or tier_type(name) is not None:
        return False
    for word in name.split(" "):
        lower = word.lower()
        if not word[0].isupper() or word in SPEAKER_ARTICLES or lower in SPEAKER_ARTICLES:
            return False
        if lower in OTHER or word.isupper():
            return False
        if word in gaz.titles or word in gaz.title_first_words or word in gaz.role_words:
            return False
        if word in gaz.org_words or word in gaz.place_words:
            return False
        if gaz.known.get(word) is not None and word not in gaz.first_names:
            return False
    return True


def _add_framed(
    text: str, framed: dict[str, int], kept: dict[tuple[str, str], list[Mention]]
) -> None:
    """Add to `kept` each framed name as a PERSON, with each whole-word mention of it in `text`
    that no kept entity's mention overlaps (a name a kept entity holds is left as it is). One
    pass over the text's capitalised words finds them all: a hostile text's thousand framed
    names are not each searched for through the whole text."""
    taken = sorted((m.start, m.end) for mentions in kept.values() for m in mentions)
    starts = [start for start, _ in taken]
    reach: list[int] = []  # the furthest end of the kept mentions up to each, in start order
    furthest = -1
    for _, end in taken:
        furthest = max(furthest, end)
        reach.append(furthest)
    wanted = {name.split(" ", 1)[0] for name in framed}
    at_word: dict[str, list[int]] = {}
    for word in _NAME_WORD_AT.finditer(text):
        if word.group() in wanted:
            at_word.setdefault(word.group(), []).append(word.start())
    for name, first in framed.items():
        if (name, "PERSON") in kept:
            continue
        mentions: list[Mention] = []
        for at in at_word.get(name.split(" ", 1)[0], []):
            end = at + len(name)
            if not text.startswith(name, at) or (end < len(text) and text[end].isalnum()):
                continue
            before = bisect_ints_left(starts, end)  # the kept mentions opening before its end
            if before and reach[before - 1] > at:
                continue  # a kept entity's mention overlaps it
            mentions.append(Mention(at, end, name))
        if any(m.start == first for m in mentions):
            kept[(name, "PERSON")] = mentions


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
    on (the words before it a title: "Bundeskanzler Olaf Scholz") to a function word of the
    text's language, if any ("Pedro Sánchez en el Palacio" is Pedro Sánchez)."""
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
                # up to the first function word after the name ("Pedro Sánchez en el Palacio")
                end = next((j for j in range(k + 2, len(words)) if words[j] in OTHER), len(words))
                return " ".join(words[k:end])
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
