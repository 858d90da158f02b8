"""Named entities by rules: capitalised runs, gazetteers, titles and context cues, merged per article.

The facade of the entity extractor (extract_entities, candidate_groups) and the heading tests
other steps share. The work lives in sibling modules, in the order they import each other:
entity_words (word lists, word tests, Candidate, capitalised runs), entity_cues (context patterns),
entity_lookup, entity_evidence, entity_runs and entity_passes (the scan's layers, one class each:
an article's lookups, typing evidence, runs into names, passes over candidates), entity_merge
(candidates grouped and typed into entities)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import FunctionType
from typing import TYPE_CHECKING, Final

from newstui.model import Entity
from newstui.nlp.entity_cues import _INITIAL, _SEATS, ticker_matches
from newstui.nlp.entity_merge import (
    _best_type,
    _entity,
    group_candidates,
    merge_candidates,
    names_nothing,
    rules_type,
)
from newstui.nlp.entity_passes import _EntityFinder
from newstui.nlp.entity_words import (
    DOTTED_TITLES,
    NAME_JOINERS,
    SPEECH_OPENERS,
    Candidate,
    _is_blank_at,
    _known_first_words,
)
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.names import countries_and_regions
from newstui.nlp.segment import Dateline, Token

if TYPE_CHECKING:  # mypyc's native 64-bit integer; plain int when run as Python
    from mypy_extensions import i64

# What the rest of newstui, tools/ and tests import from here (the facade of the modules above).
__all__ = [
    "DOTTED_TITLES",
    "NAME_JOINERS",
    "SPEECH_OPENERS",
    "Candidate",
    "CandidateGroup",
    "candidate_groups",
    "extract_entities",
    "first_words",
    "glued_heading_end",
    "merge_candidates",
    "names_nothing",
    "seats_as_places",
    "ticker_matches",
]

# Words that open a sentence after a category heading glued before it ("Sudan The
# International Criminal Court …", "France On Monday, …"): mid-sentence, after a capitalised word,
# they are never written with a capital but in titles ("Dawkins' The God Delusion").
_HEADING_OPENERS: Final = frozenset("The A An On In At According After Following".split())
# Words that open a clause, and so the sentence after a heading that opens with a year or a
# category's path ("2008 US Presidential Election While nearly all …"), beside _HEADING_OPENERS.
_CLAUSE_OPENERS: Final = frozenset(
    "While Although Though Despite As With When Since However Meanwhile Earlier Today "
    "Yesterday During Amid".split()
)
_HEADING_MAX_WORDS: Final = 6
# A heading's first word that lets lower-case words follow in it: a year ("2008 financial
# crisis", "2008-09 …") or a category's path ("Template:Crime and law", "Israel/Palestine
# conflict"); such a heading is at most _MARKED_HEADING_WORDS words and does not end in a word
# that goes on into a name after it ("10 people died in The Hague": a sentence).
_MARKED_HEADING: Final = re.compile(r"(?:1[89]|20)\d\d(?:[-–]\d\d)?\Z|\w+[:/]\w")
_MARKED_HEADING_WORDS: Final = 4
_NOT_HEADING_ENDS: Final = frozenset(
    "in at on of to for from with by and or the a an as near into over under than".split()
)
# The words glued_heading_end reads at most: the heading's and the word after it, and a place
# of up to three words repeated
_HEADING_WORDS_READ: Final = max(_HEADING_MAX_WORDS + 2, 7)


def first_words(line: str, most: int) -> list[tuple[int, str]]:
    """(offset, word) of the first `most` matches of \\S+ in `line`: cut by str.split (the same
    blanks) and placed by str.find, without a match object each."""
    if _COMPILED:
        return first_words_by_code(line, most)
    words: list[tuple[int, str]] = []
    at = 0
    for word in line.split(None, most)[:most]:
        at = line.find(word, at)
        words.append((at, word))
        at += len(word)
    return words


def first_words_by_code(line: str, most: int) -> list[tuple[int, str]]:
    """`first_words` read by character codes (compiled, a few instructions a character, where the
    split and a find for each word cost about 5,000 a text)."""
    words: list[tuple[int, str]] = []
    size: i64 = len(line)
    i: i64 = 0
    while len(words) < most:
        while i < size and _is_blank_at(line, i):
            i += 1
        if i >= size:
            break
        start: i64 = i
        while i < size and not _is_blank_at(line, i):
            i += 1
        words.append((start, line[start:i]))
    return words


def glued_heading_end(text: str) -> int:
    """Where the category heading that some sources glue before an article's first sentence
    ends: the offset of the space after it ("Cole Inquiry| The Australian Wheat Board …",
    "Cyprus| Cyprus today …"), -1 if none.
    Names do not run across it; the entity pass reads that space as a line break."""
    line_end = text.find("\n", 0, 200)
    first_line = text[:line_end] if line_end >= 0 else text[:200]
    words = first_words(first_line, _HEADING_WORDS_READ)  # all either test reads
    if len(words) < 2 or words[0][0] != 0:
        return -1
    # a heading that opens with a year or is a category's path may hold lower-case words
    # ("2008 financial crisis The UK Government …", "Template:Crime and law A video …")
    first = words[0][1]  # (the pattern only when it may match: most texts open with a letter)
    marked = (first[:1].isdigit() or ":" in first or "/" in first) and (
        _MARKED_HEADING.match(first) is not None
    )
    for k in range(1, min(len(words) - 1, _HEADING_MAX_WORDS + 1)):
        prev, word = words[k - 1][1], words[k][1]
        opens = word in _HEADING_OPENERS or (marked and word in _CLAUSE_OPENERS)
        if opens and (
            prev[:1].isupper()
            or prev[:1].isdigit()
            or (marked and k <= _MARKED_HEADING_WORDS and prev not in _NOT_HEADING_ENDS)
        ):
            if prev[-1:].isalnum() and text[words[k][0] - 1] == " ":
                return words[k][0] - 1
            return -1
        if not (prev[:1].isupper() or prev[:1].isdigit() or marked):
            break  # a lower-case word: the sentence has begun ("Iraq Almost 1,000 people")
    if words[0][1] not in _known_first_words():
        return -1  # no known name opens with the first word: no place below (most texts)
    gaz = load_gazetteer()
    place = ""
    for n in (1, 2, 3):  # a known place, then that place again ("Cyprus Cyprus today …")
        if len(words) <= n + 1:
            break
        place = f"{place} {words[n - 1][1]}" if place else words[0][1]  # the first n words
        if words[n][0] - 1 != len(place):
            break
        if gaz.known.get(place) != "PLACE":
            continue
        if " ".join(w for _, w in words[n : n + n]) == place:
            return words[n][0] - 1
        if (
            words[n][1] in gaz.first_names
            and words[n + 1][1][:1].isupper()
            and (
                n > 1
                or _INITIAL.fullmatch(words[n + 1][1]) is not None
                or (
                    place.casefold() in countries_and_regions()
                    and f" {place}" in text[words[n][0] : words[n][0] + 2000]
                )  # a country the story names again: its category
            )
            and not any(w in gaz.first_names for _, w in words[:n])
        ):
            # "Guatemala George W. Bush met …", "New Zealand Helen Clark said …", "Italy
            # Silvio Berlusconi, 71, …": a place, then a person (but a one-word place may be a
            # given name: "Chad Michael Murray")
            return words[n][0] - 1
        if (
            len(words) > n + 2
            and words[n + 1][1].endswith(",")
            and words[n + 2][1] in ("the", "a", "an")
            and words[n][1][:1].isupper()
            and words[n + 1][1][:1].isupper()
            and not any(w in gaz.first_names for _, w in words[: n + 2])
        ):
            return words[n][0] - 1  # "Zambia Levy Mwanawasa, the President of Zambia, …"
    return -1  # not a place and a first name: "Austin James Mercer, 19, was charged …"


def extract_entities(
    text: str, tokens: list[Token], datelines: list[Dateline] | None = None
) -> list[Entity]:
    """Entities of one article, each under its longest name, with every mention's offsets."""
    return merge_candidates(_EntityFinder(text, tokens, datelines or []).scan(), text)


def seats_as_places(entities: list[Entity]) -> list[Entity]:
    """`entities` as shown: a seat of government ("White House", "Kremlin", "Downing Street")
    is an ORG while speakers are found, since it speaks for the office inside it ("the Kremlin
    said"), and a PLACE once they are, as the annotated news sets type it even when it speaks."""
    for e in entities:
        if e.name in _SEATS and e.type == "ORG":
            break
    else:
        return entities  # nearly every article (a loop: any() over a generator costs more)
    return [
        replace(e, type="PLACE") if e.type == "ORG" and e.name in _SEATS else e for e in entities
    ]


@dataclass(frozen=True, slots=True)
class CandidateGroup:
    """One article's mentions of one name before typing: what the typing model learns from."""

    key: str
    name: str
    cands: list[Candidate]
    rules: str | None  # the type the rules give it (None: no entity)
    vote: str | None  # the mentions' raw vote, before the rules' checks


def candidate_groups(
    text: str, tokens: list[Token], datelines: list[Dateline] | None = None
) -> list[CandidateGroup]:
    """Every group of mentions in an article with the rules' verdict (for tools/train_entities.py)."""
    groups, confirmed = group_candidates(_EntityFinder(text, tokens, datelines or []).scan(), text)
    return [
        CandidateGroup(
            key,
            _entity(cands, "x").name,
            cands,
            rules_type(key, cands, confirmed),
            _best_type(cands),
        )
        for key, cands in groups.items()
    ]


# Whether this module runs compiled (mypyc makes its functions built-in ones): `first_words`
# reads character codes only there.
_COMPILED: Final = not isinstance(first_words_by_code, FunctionType)
