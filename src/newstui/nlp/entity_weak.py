"""A learned keep-or-drop decision for weakly evidenced organisations: a name the rules type ORG
with no list and no cue behind any of its mentions (strength 1 at most) is kept only when a
logistic regression over its shape, the word lists and the words around its mentions says so.

The weights are data (data/org_weak.tsv, trained by tools/train_org_weak.py on labelled names);
the features read only the group's own mentions, the word lists and a few characters around
each mention, so the cost is a few dozen comparisons for each such name (fewer than one an
article), never a scan of the text."""

from __future__ import annotations

import re
from importlib import resources
from typing import Final

from newstui.nlp.entity_words import (
    SPEECH_VERBS,
    Candidate,
    first_word_in,
    last_word_in,
)
from newstui.nlp.gazetteer import Gazetteer, tier_type
from newstui.nlp.names import strip_possessive

# The features, in the order of their weights: each is 1 when it holds, 0 when not. (None of
# the labelled weak names spoke or held " of ": "said" and "of" give cues, strength 2.)
FEATURES: Final = (
    "bias",
    "words=1",
    "words=2",
    "words=3",
    "words>=4",
    "mentions=1",
    "mentions=2",
    "mentions>=3",
    "acronym",  # one word of capitals ("KCNA", "TfL" is not)
    "caps word",  # a word of capitals among others ("CNN IBN")
    "digit",
    "joined",  # a hyphen, "&" or a stop inside ("ABS-CBN", "AT&T", "Amazon.com")
    "org word",  # a body's noun but its last word ("Bank Negara", "Red Fire Brigade Train")
    "long body",  # three words or more, one a body's noun ("Select Committee on …")
    "place word",  # a word a known place or a place's noun ("Ford Ranchi", "Parliament House")
    "given name first",  # "Ann Quarry"
    "given name inside",  # "Las Vegan Kathie Anderson"
    "role word",  # a role or title's word inside ("Senior VP", "OAS Secretary General")
    "body first",  # a known body's name, then more words ("Sony PSP", "TIME Online Edition")
    "plural",  # one word, or its last, a plural ("Taxis", "LDCs", "Shuttle Buses")
    "common word",  # a frequent English word of the lists ("Online", "Today", "Health")
    "all common",  # every word one
    "tier",  # a listed company, a news body or a party of the generated lists
    "sentence starts",  # every mention opens a sentence
    "other types",  # a mention typed otherwise (person, place) in the vote
    "untyped mention",  # a mention no evidence typed
    "after the",  # "the X"
    "after in/at",  # "in X", "at X", "from X", "on X"
    "after of/for/by",  # "of X", "for X", "by X", "with X", "to X"
    "near speech",  # a speech verb, "told" or "according to" right before or after
    "possessive",  # "X's"
    "role after",  # "X spokesman", "X chief"
    "thing after",  # a thing's noun right after ("the Classmate PC laptop", "GIF files")
    "lower after",  # another lower-case word right after (no speech verb, role or thing)
    "in brackets",  # "(X)"
    "bracket after",  # "X (…"
    "in quotes",  # a quotation mark right before
    "list item",  # a comma or "and" on both sides ("A, X, and B")
    "short line",  # a mention in a line of at most 60 characters (a heading, a table's row)
    "shares a word",  # another name of the article shares a word ("Barclays" / "Barclays Wealth")
    "shares with person",  # that name a person's
)
_INDEX: Final = {name: k for k, name in enumerate(FEATURES)}
_WORDS: Final = _INDEX["words=1"]  # words=1 … words>=4 follow each other, as mentions=1 … do
_MENTIONS: Final = _INDEX["mentions=1"]
_DIGIT: Final = re.compile(r"\d")
_IN_AT: Final = frozenset("in at from on into near inside across".split())
_OF_FOR: Final = frozenset("of for by with to against".split())
_QUOTES: Final = frozenset("\"“”'‘’")
_EDGE: Final = ".,;:!?()[]\"“”‘’'"
_SHORT_LINE: Final = 60
# Nouns of things a name may modify ("the RSS feed", "GIF image files", "a VAT rise")
_THING_NOUNS: Final = frozenset(
    "system systems program programme programs standard protocol format code scheme device "
    "devices card cards phone phones software tool index rate rates tax deal plan plans award "
    "report poll survey test tests files file technology network networks service platform "
    "brand model models product products vehicle vehicles aircraft engine engines car cars "
    "series show album film game games event conference campaign project agreement treaty "
    "rules law act bill fund funds".split()
)


def weak_org_features(
    name: str,
    cands: list[Candidate],
    text: str,
    gaz: Gazetteer,
    shares: int,
) -> list[int]:
    """The positions in FEATURES of the features that hold for one weak ORG: `name` its longest
    name, `cands` its mentions in `text`; `shares` 1 when another name of the article shares a
    word of three letters or more with it, 2 when a person's does, else 0."""
    words = [strip_possessive(w) for w in name.split()]
    n = len(words)
    on = [0, _WORDS + min(n, 4) - 1, _MENTIONS + min(len(cands), 3) - 1]
    caps = org_inside = org_any = place = given_inside = role = False
    commons = 0
    for k, word in enumerate(words):  # one pass over the words for every word's feature
        if len(word) > 1 and word.isupper():
            caps = True
        if word in gaz.org_words:
            org_any = True
            org_inside = org_inside or k < n - 1 or n == 1
        if word in gaz.place_words or gaz.known.get(word) == "PLACE":
            place = True
        if k and word in gaz.first_names:
            given_inside = True
        lower = word.lower()
        if lower in gaz.role_words:
            role = True
        if lower in gaz.common_words:
            commons += 1
    first = words[0]
    if n == 1 and caps and first.isalpha():
        on.append(_INDEX["acronym"])
    elif n > 1 and caps:
        on.append(_INDEX["caps word"])
    if _DIGIT.search(name) is not None:
        on.append(_INDEX["digit"])
    if "-" in name or "&" in name or "." in name:
        on.append(_INDEX["joined"])
    if org_inside:
        on.append(_INDEX["org word"])
    if n > 2 and org_any:
        on.append(_INDEX["long body"])
    if place:
        on.append(_INDEX["place word"])
    if first in gaz.first_names:
        on.append(_INDEX["given name first"])
    if given_inside:
        on.append(_INDEX["given name inside"])
    if role:
        on.append(_INDEX["role word"])
    if n > 1 and (gaz.known.get(first) == "ORG" or tier_type(first) == "ORG"):
        on.append(_INDEX["body first"])
    last = words[-1]
    if len(last) > 3 and last[-1] == "s" and last[-2] != "s" and last[-2:-1].isalpha():
        on.append(_INDEX["plural"])
    if commons:
        on.append(_INDEX["common word"])
        if commons == n:
            on.append(_INDEX["all common"])
    if tier_type(name) == "ORG":
        on.append(_INDEX["tier"])
    openers = other_types = untyped = 0
    context: set[int] = set()
    for c in cands:
        openers += c.sentence_start
        other_types += c.type is not None and c.type != "ORG"
        untyped += c.type is None
        _mention_context(c, text, gaz, context)
    if openers == len(cands):
        on.append(_INDEX["sentence starts"])
    if other_types:
        on.append(_INDEX["other types"])
    if untyped:
        on.append(_INDEX["untyped mention"])
    on.extend(sorted(context))
    if shares:
        on.append(_INDEX["shares a word"])
        if shares == 2:
            on.append(_INDEX["shares with person"])
    return on


def _mention_context(cand: Candidate, text: str, gaz: Gazetteer, on: set[int]) -> None:
    """Add to `on` the context features of one mention: the words right around it, its
    brackets and quotation marks, its line's length."""
    start, end = cand.start, cand.end
    before = last_word_in(text, max(0, start - 24), start)
    bare = before.strip(_EDGE).lower()
    rest = text[end : end + 2]
    possessive = rest == "'s" or rest == "’s"
    after = first_word_in(text, end + 2 if possessive else end, end + 26)
    after_bare = after.strip(_EDGE)
    if bare == "the":
        on.add(_INDEX["after the"])
    elif bare in _IN_AT:
        on.add(_INDEX["after in/at"])
    elif bare in _OF_FOR:
        on.add(_INDEX["after of/for/by"])
    if (
        bare in SPEECH_VERBS
        or (bare == "to" and text[max(0, start - 16) : start].endswith("according to "))
        or (not possessive and after_bare in SPEECH_VERBS)
    ):
        on.add(_INDEX["near speech"])
    if possessive:
        on.add(_INDEX["possessive"])
    if after_bare.lower() in gaz.role_words:
        on.add(_INDEX["role after"])
    elif after_bare in _THING_NOUNS:
        on.add(_INDEX["thing after"])
    elif after_bare.islower() and after_bare not in SPEECH_VERBS and after[:1].isalpha():
        on.add(_INDEX["lower after"])
    prev = text[start - 1 : start] if start else ""
    nxt = text[end : end + 1]
    if prev == "(" and nxt == ")":
        on.add(_INDEX["in brackets"])
    elif text[end : end + 2] == " (":
        on.add(_INDEX["bracket after"])
    if prev in _QUOTES:
        on.add(_INDEX["in quotes"])
    if (before.endswith(",") or bare in ("and", "or")) and (
        nxt == "," or after_bare in ("and", "or")
    ):
        on.add(_INDEX["list item"])
    line_start = text.rfind("\n", max(0, start - _SHORT_LINE), start) + 1
    if line_start > 0 or start <= _SHORT_LINE:  # (0: the text's first line)
        line_end = text.find("\n", end, line_start + _SHORT_LINE + 1)
        if line_end >= 0 or len(text) <= line_start + _SHORT_LINE:
            on.add(_INDEX["short line"])


def _read_weights() -> tuple[list[float], float]:
    """The weights of data/org_weak.tsv in FEATURES' order, and the threshold."""
    weights = [0.0] * len(FEATURES)
    threshold = 0.0
    data = resources.files("newstui.nlp").joinpath("data").joinpath("org_weak.tsv")
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, value = line.rpartition("\t")
        if name == "threshold":
            threshold = float(value)
        else:
            weights[_INDEX[name]] = float(value)
    return weights, threshold


_WEIGHTS: list[float] = []
_THRESHOLD: list[float] = []


def weak_org_score(features: list[int]) -> float:
    """The model's score (log-odds that the name is an organisation) for these features."""
    if not _WEIGHTS:
        weights, threshold = _read_weights()
        _WEIGHTS.extend(weights)
        _THRESHOLD.append(threshold)
    score = 0.0
    for k in features:
        score += _WEIGHTS[k]
    return score


def keeps_weak_org(features: list[int]) -> bool:
    """Whether a weak ORG with these features stays an organisation (its score reaches the
    trained threshold)."""
    score = weak_org_score(features)
    return score >= _THRESHOLD[0]
