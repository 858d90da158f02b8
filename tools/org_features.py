"""A learned ORG check over the rules, measured and not used by the extractor: the features of a
group of mentions the rules typed ORG, and the linear model's probability that the annotated sets
list it as an organisation (tools/train_entities.py --org-check trains it and cross-validates it;
round 26 found no gain worth its place in the extractor, so it lives here, beside the typing
model, not in the package).

Features are general: the name's shape, the evidence the rules found for each mention, the
gazetteer's lists, and lower-cased words (head, first word, the words around a mention) that
training keeps only when they recur across articles of several sets, so no story's own names are
learned."""

from __future__ import annotations

import math
from collections.abc import Sequence

from newstui.nlp.entities import Candidate
from newstui.nlp.gazetteer import Gazetteer
from newstui.nlp.names import strip_possessive

_EDGE = ".,;:!?()[]\"“”‘’'"
# Verbs of speech right after a name: the name speaks ("the agency said").
_SPEECH = frozenset("said says told added announced stated reported claimed warned".split())
# Lexical features: their word is kept only when training saw it often enough across sets.
LEXICAL = ("head=", "first=", "before=", "after=")


def _word_before(text: str, start: int) -> str:
    """The word before `start`, lower-cased and stripped of punctuation ("" at the start)."""
    words = text[max(0, start - 30) : start].split()
    return words[-1].strip(_EDGE).lower() if words else ""


def _word_after(text: str, end: int) -> tuple[str, bool]:
    """The word after `end`, lower-cased and stripped, and whether the mention is possessive."""
    rest = text[end : end + 30]
    possessive = rest[:2] in ("'s", "’s")
    words = (rest[2:] if possessive else rest).lstrip(" ,;:").split()
    return (words[0].strip(_EDGE).lower() if words else ""), possessive


def org_features(
    text: str, cands: Sequence[Candidate], name: str, others: Sequence[str], gaz: Gazetteer
) -> list[str]:
    """The features of one group of mentions the rules typed ORG, named `name` (its longest
    mention), among the article's other typed names `others`: feature names, each worth 1."""
    words = [strip_possessive(w) for w in name.split()]
    n = len(words)
    feats = {"bias", f"words:{min(n, 4)}", f"mentions:{min(len(cands), 3)}"}
    letters = name.replace(".", "").replace("&", "")
    if letters.isupper() and n == 1:
        feats.add("shape:acronym")
    elif any(w.isupper() and len(w) > 1 for w in words):
        feats.add("shape:caps-word")
    if any(ch.isdigit() for ch in name):
        feats.add("shape:digit")
    if "-" in name:
        feats.add("shape:hyphen")
    if "of" in words[1:-1] or "for" in words[1:-1]:
        feats.add("shape:of")
    if words[0] == "The":
        feats.add("shape:the")
    head, first = words[-1], words[0]
    feats.add(f"head={head.lower()}")
    if n > 1:
        feats.add(f"first={first.lower()}")
    lists = (
        ("org-word-head", head in gaz.org_words),
        ("org-word", head not in gaz.org_words and any(w in gaz.org_words for w in words)),
        ("place-word-head", head in gaz.place_words),
        ("given-name", first in gaz.first_names),
        ("role-word", any(w.lower() in gaz.role_words for w in words)),
        ("common-head", head.lower() in gaz.common_words),
        ("common-first", n > 1 and first.lower() in gaz.common_words),
    )
    feats.update(f"list:{what}" for what, hit in lists if hit)
    feats.add(f"known:{gaz.known.get(name)}")
    for w in words if n > 1 else ():
        if kind := gaz.known.get(w):
            feats.add(f"known-word:{kind}")
    padded_text = f" {text} "
    if not name.isupper():
        for w in words:
            if (
                len(w) > 2
                and f" {w.lower()} " in padded_text
                and w.lower() not in ("the", "of", "and")
            ):
                # "the union" elsewhere: maybe a common noun, capitalised
                feats.add("lower-elsewhere" if n == 1 else "lower-word-elsewhere")
                break
    top = 0
    for cand in cands:
        top = max(top, cand.strength)
        feats.add(f"mention:{cand.type}:{cand.strength}")
        before = _word_before(text, cand.start)
        after, possessive = _word_after(text, cand.end)
        if cand.text.endswith(("'s", "’s")):
            possessive = True
        if cand.sentence_start:
            feats.add("sentence-start")
        elif before:
            feats.add(f"before={before}")
            if before == "the":
                feats.add("the-before")
        if possessive:
            feats.add("possessive")
        elif after:
            feats.add(f"after={after}")
        if after in _SPEECH or cand.speaks:
            feats.add("speaks")
        if text.startswith(" (", cand.end) or text[cand.start - 1 : cand.start] == "(":
            feats.add("parenthesis")
    feats.add(f"strength:{top}")
    if all(c.sentence_start for c in cands):
        feats.add("only-sentence-start")
    padded = f" {name} "
    own = set(words)
    for other in others:
        if other != name:
            if padded in f" {other} ":
                feats.add("inside-another")
            elif f" {other} " in padded:
                feats.add("holds-another")
            elif n > 1 and own <= set(other.split()):
                feats.add("words-inside-another")
    return sorted(feats)


def org_probability(weights: dict[str, float], features: Sequence[str]) -> float:
    """The model's probability that a group with these features is an annotated ORG."""
    total = weights.get("bias", 0.0)
    for feat in features:
        if feat != "bias":
            total += weights.get(feat, 0.0)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
