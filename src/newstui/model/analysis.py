"""What the extractor finds in an article (entities, mentions, quotes), how it is stored, and
the stored entities, quotes and story versions the library lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from newstui.model import AnalysisRows


# Mention, Entity, Quote and Analysis are made in nlp/ with `X.__new__(X)` and a write to their
# `__dict__` (nlp/entity_merge.py `_mention`, `_entity`; nlp/rules.py `_quote`, `analysis_of`),
# skipping the dataclass `__init__`, which runs as Python code in the compiled extractor. A new
# field (even with a default), `slots=True` or a `__post_init__` on any of them must be mirrored
# there; tests/nlp/test_fast_paths.py compares them with the constructors.
@dataclass(frozen=True)
class Mention:
    """One mention of an entity: character offsets into the article text."""

    start: int
    end: int
    text: str


# Built without __init__ in nlp/: see the note at the top of this module.
@dataclass(frozen=True)
class Entity:
    """A named entity of one article under its canonical name, with every mention."""

    name: str
    type: str  # one of ENTITY_TYPES (other backends may add their own)
    mentions: tuple[Mention, ...]


# Built without __init__ in nlp/: see the note at the top of this module.
@dataclass(frozen=True)
class Quote:
    """A direct quotation: offsets of its text (without quotation marks) and its speaker, if named."""

    text: str
    start: int
    end: int
    speaker: str | None = None


# Built without __init__ in nlp/: see the note at the top of this module.
@dataclass(frozen=True)
class Analysis:
    """What an extractor found in one article text."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()


class TextToAnalyse(NamedTuple):
    """An article's text as read for analysis, and the stamp of the stored text it came from:
    an analysis is saved only while the article still has that text (another process may
    replace it meanwhile: a full text fetched, an updated entry). `language`: the language
    its entry, else its feed, declares (a tag: "de", "en-us"), the extractor's hint; None when
    neither does."""

    article_id: int
    text: str
    stamp: int
    language: str | None = None


def analysis_rows(analysis: Analysis) -> AnalysisRows:
    """An analysis in the plain form it is stored from (see AnalysisRows)."""
    entities = []
    for entity in analysis.entities:
        name = entity.name
        offsets: list[int] = []
        others: dict[str, None] = {}  # a mention's words when they are not the name
        for mention in entity.mentions:
            offsets += (mention.start, mention.end)
            if mention.text != name:
                others[mention.text] = None
        entities.append((name, entity.type, tuple(offsets), tuple(others)))
    return tuple(entities), tuple((q.start, q.end, q.speaker) for q in analysis.quotes)


@dataclass(frozen=True)
class StoryVersion:
    """One version of a story: the same text published by another feed."""

    article_id: int
    feed: str
    title: str
    read: bool
    feed_id: int = 0  # which feed (two feeds may share a name: a config's and an import's)


@dataclass(frozen=True)
class EntityRow:
    """An entity with how many articles (and mentions) it has in the store or one article."""

    id: int
    name: str
    type: str
    articles: int
    mentions: int
    stories: int = 0  # the articles counted once a story (a story several feeds carry: once)


@dataclass(frozen=True)
class QuoteRow:
    """A stored quote with its article."""

    id: int
    article_id: int
    article_title: str
    text: str
    speaker: str | None
    start: int
    end: int
    date: str = ""  # the article's sort date (published, else first seen), ISO 8601
    feed: str = ""
    # the date its source gave (one after the article's arrival: that, model.believed_date);
    # None: undated
    published: str | None = None
    date_only: bool | None = None  # `published` came without a time (ArticleRow.date_only)
    # the id of its article's story (its first version's; the article's own when alone), and
    # how many other versions of that story carry the same quote (listed once, by this row)
    story: int = 0
    copies: int = 0
    url: str | None = None  # its article's link
    # the entity the speaker was tied to (its name, type), named as `entities` lists it (a
    # person under the fuller name it goes under there), None: none
    speaker_entity: tuple[str, str] | None = None
    speaker_entity_id: int | None = None  # that entity's id (`entities --json`'s `id`)

    @property
    def shown_text(self) -> str:
        """The quote as lists show it: its span without the comma its sentence goes on after
        (“… whatsoever,” he said: the span is right, the comma is the sentence's)."""
        return self.text.rstrip().removesuffix(",").rstrip()

    @property
    def listed_date(self) -> str | None:
        """The date a list of quotes shows: its article's, as `list` shows it (a date ahead of
        the article's arrival: the arrival, which quotes are sorted by)."""
        from newstui.model import listed_date

        return listed_date(self.published, self.date)

    @property
    def listed_date_only(self) -> bool | None:
        """Whether `listed_date` came without a time (ArticleRow.listed_date_only)."""
        from newstui.model import listed_date_only

        return listed_date_only(self.published, self.date, self.date_only)
