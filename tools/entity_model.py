"""A learned typing step for tools/train_entities.py, measured and not used by the extractor (so
it lives here, not in the package): a linear model that types each group of an article's name
mentions (PERSON, ORG, PLACE, GROUP or no entity) from the rules'
verdict, the name's shape and word lists, and the words around every mention.

tools/train_entities.py trains it on the annotated sets and prints leave-one-set-out
cross-validation against the rules: +0.001 to +0.003 entity F1, ORG flat, folds moving both ways
(round 7), so `newstui.nlp.rules` does not call it. To try it in the extractor: move this module
into newstui/nlp/ and type each group in `entities.merge_candidates` with `EntityTyper.decide`
after `rules_type`. Pure Python, deterministic."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from newstui.nlp.gazetteer import Gazetteer
from newstui.nlp.names import strip_possessive

CLASSES = ("PERSON", "ORG", "PLACE", "GROUP", "NONE")
_EDGE = ".,;:!?()[]\"“”‘’'"


class Mentioned(Protocol):
    """What the model reads of one mention (entities.Candidate)."""

    start: int
    end: int
    text: str
    type: str | None
    strength: int
    sentence_start: bool


def _context(text: str, start: int, end: int) -> tuple[list[str], list[str], str]:
    """Up to two words before and after a mention, lower-cased and stripped of punctuation, and
    the character right after it."""
    before = text[max(0, start - 40) : start].split()[-2:]
    after = text[end : end + 40]
    rest = after[2:] if after[:2] in ("'s", "’s") else after
    return (
        [w.strip(_EDGE).lower() for w in before],
        [w.strip(_EDGE).lower() for w in rest.lstrip(" ,;:(").split()[:2]],
        after[:1],
    )


def group_features(
    text: str,
    cands: Sequence[Mentioned],
    rules: str | None,
    vote: str | None,
    gaz: Gazetteer,
    others: Sequence[str] = (),
    lower_words: frozenset[str] = frozenset(),
) -> list[str]:
    """The features of one group of mentions of a name: a list of feature names, each worth 1."""
    feats = {"bias", f"rules:{rules}", f"vote:{vote}", f"rules:{rules}|vote:{vote}"}
    longest = max(cands, key=lambda c: (len(c.text), -c.start))
    name = longest.text
    words = [strip_possessive(w) for w in name.split()]
    n = len(words)
    feats.add(f"words:{min(n, 4)}")
    feats.add(f"mentions:{min(len(cands), 4)}")
    if name.isupper():
        feats.add("shape:caps")
    if any(ch.isdigit() for ch in name):
        feats.add("shape:digit")
    if "." in name:
        feats.add("shape:dot")
    if "-" in name:
        feats.add("shape:hyphen")
    if name.endswith(("'s", "’s")):
        feats.add("shape:possessive")
    if name.startswith("The "):
        feats.add("shape:the")
    first, last = words[0], words[-1]
    feats.add(f"first:{first.lower()}")
    feats.add(f"last:{last.lower()}")
    feats.add(f"suffix:{last[-3:].lower()}")
    if first in gaz.first_names:
        feats.add(f"given:{n > 1}")
    if last in gaz.org_words:
        feats.add("orgword:last")
    if any(w in gaz.org_words for w in words[:-1]):
        feats.add("orgword:inner")
    if last in gaz.place_words:
        feats.add("placeword:last")
    if any(w.lower() in gaz.role_words for w in words):
        feats.add("roleword")
    if first.lower() in gaz.common_words:
        feats.add("common:first")
    known = gaz.known.get(" ".join(words))
    feats.add(f"known:{known}")
    for w in words if n > 1 else ():
        if kind := gaz.known.get(w):
            feats.add(f"known-word:{kind}")
    if any(w.lower() in lower_words for w in words):
        feats.add(f"lower-seen:{n > 1}")  # "the cabinet" elsewhere: a common noun, capitalised
    if all(c.sentence_start for c in cands):
        feats.add("opens-sentences-only")
    for cand in cands:
        feats.add(f"mention:{cand.type}:{cand.strength}")
        before, after, next_char = _context(text, cand.start, cand.end)
        if before:
            feats.add(f"before:{before[-1]}")
            if before[-1] in gaz.role_words:
                feats.add("before:role")
            if len(before) == 2:
                feats.add(f"before2:{before[0]} {before[1]}")
        else:
            feats.add("before:-")
        if cand.text.endswith(("'s", "’s")) or text.startswith(("'s", "’s"), cand.end):
            feats.add("after:'s")
            if after:
                feats.add(f"after's:{after[0]}")
        elif after:
            feats.add(f"after:{after[0]}")
            if len(after) == 2:
                feats.add(f"after2:{after[0]} {after[1]}")
        if next_char in ",(":
            feats.add(f"next:{next_char}")
    for other in others:
        if other != name and f" {name} " in f" {other} ":
            feats.add("inside-another")
        elif other != name and f" {other} " in f" {name} ":
            feats.add("holds-another")
    # each cue again beside the rules' verdict: what a cue means depends on what the rules saw
    feats.update([f"{rules}&{f}" for f in feats if not f.startswith(_LEXICAL)])
    return sorted(feats)


_LEXICAL = ("before", "after", "first:", "last:", "suffix:", "rules", "vote")


class EntityTyper:
    """A linear multi-class model: the class with the highest summed weight wins."""

    def __init__(self, weights: dict[str, dict[str, float]], keep_margin: float) -> None:
        self.weights = weights
        self.keep_margin = keep_margin

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Each class's score for these features."""
        totals = dict.fromkeys(CLASSES, 0.0)
        for feat in features:
            for kind, w in self.weights.get(feat, {}).items():
                totals[kind] += w
        return totals

    def decide(self, features: Iterable[str], rules: str | None) -> str | None:
        """The type of one group of mentions, None for no entity: the rules' verdict stands
        unless the model prefers another class by more than `keep_margin` (the first in
        CLASSES wins a tie)."""
        totals = self.scores(features)
        best = max(CLASSES, key=lambda k: (totals[k], -CLASSES.index(k)))
        ruled = rules or "NONE"
        if best == ruled or totals[best] - totals[ruled] <= self.keep_margin:
            return rules
        return None if best == "NONE" else best

    def dumps(self) -> str:
        """The model as sorted JSON: the same weights give the same bytes."""
        data = {"classes": list(CLASSES), "keep_margin": self.keep_margin, "weights": self.weights}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def load_typer(path: Path) -> EntityTyper:
    """A model written by `EntityTyper.dumps` (tools/train_entities.py --write)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return EntityTyper(data["weights"], float(data["keep_margin"]))
