"""Train the learned entity-typing model (tools/entity_model.py) on the annotated sets and
print leave-one-set-out cross-validation, rules against model.

Each group of an article's name mentions, as the rules find and merge them, is one example. Its
label is the annotated type whose key its name matches, else NONE; a NONE name that shares a word
with an annotated name is a wrong span, not a wrong type, and gets no label. Sets without GROUP
annotations (the older ones) give no label to a name the rules or the word lists call a group.
The blind sets (every folder whose name contains "blind", tools/blind_sets.py) are never read.

    PYTHONPATH=src python tools/train_entities.py                  # the CV table
    PYTHONPATH=src python tools/train_entities.py --without-rules  # the model alone, as a
                                                                   # replacement for the rules' cues
    PYTHONPATH=src python tools/train_entities.py --errors         # where the rules' types
                                                                   # go wrong, and the ceiling
    PYTHONPATH=src python tools/train_entities.py --write model.json

The CV scores each held-out set as bench/nlp_eval.py scores entities (PERSON/ORG/PLACE keys per
article), before the speaker step's small entity changes. Same data and code give a byte-identical
weights file (fixed shuffling seed, sorted JSON).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from newstui.nlp.entities import NAME_JOINERS, Candidate, candidate_groups, names_nothing
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.names import canonical_key, strip_possessive
from newstui.nlp.segment import datelines, name_tokens

sys.path.insert(0, str(Path(__file__).resolve().parent))  # entity_model.py, blind_sets.py beside
from blind_sets import is_blind
from entity_model import CLASSES, EntityTyper, group_features

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "nlp"
SCORED = ("PERSON", "ORG", "PLACE")
# Features that carry the rules' own typing cues (_evidence): left out by --without-rules.
RULES_FEATURES = ("rules:", "vote:", "mention:", "None&", "PERSON&", "ORG&", "PLACE&", "GROUP&")
_LOWER_WORD = re.compile(r"[\w’'-]+")


@dataclass
class Example:
    """One group of mentions: its features, its label (None: unknown) and what scoring needs."""

    features: list[str]
    label: str | None
    rules: str | None
    key: str
    name: str
    cands: list[Candidate]


@dataclass
class Article:
    """One annotated article: its gold (key, type) pairs and its examples."""

    gold: set[tuple[str, str]]
    examples: list[Example]


def folds(data: Path = DATA) -> dict[str, list[Path]]:
    """The development sets: each folder under `data` but the blind ones, and the top-level
    articles as 'core'."""
    sets = {"core": sorted(data.glob("*.json"))}
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        if not is_blind(folder.name):
            sets[folder.name] = sorted(folder.glob("*.json"))
    return {name: paths for name, paths in sets.items() if paths}


def _words(name: str) -> set[str]:
    """The longer words of a name, case-folded, without possessives and edge punctuation."""
    folded = (strip_possessive(w).strip(".,;:()\"'").casefold() for w in name.split())
    return {w for w in folded if len(w) > 2}


def load_set(paths: list[Path]) -> list[Article]:
    """The examples of one set's articles."""
    gaz = load_gazetteer()
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    has_group = any(e["type"] == "GROUP" for d in docs for e in d["entities"])
    articles = []
    for doc in docs:
        text = doc["text"]
        gold_keys = {canonical_key(e["name"], e["type"]) for e in doc["entities"]}
        gold_words = {w for e in doc["entities"] for w in _words(e["name"])}
        found = datelines(text)
        tokens = name_tokens(text, frozenset(d.end for d in found), NAME_JOINERS)
        groups = candidate_groups(text, tokens, found)
        names = [g.name for g in groups]
        lower = frozenset(w for w in _LOWER_WORD.findall(text) if w.islower())
        examples = []
        for group in groups:
            order = ([group.rules] if group.rules else []) + list(CLASSES[:4])
            label: str | None = next(
                (k for k in order if canonical_key(group.name, k) in gold_keys), "NONE"
            )
            if label == "NONE" and _words(group.name) & gold_words:
                label = None  # a wrong span of an annotated name: a boundary error, not a type
            if label == "GROUP" and not has_group:
                label = None
            if (
                label == "NONE"
                and not has_group
                and ("GROUP" in (group.rules, group.vote) or gaz.known.get(group.name) == "GROUP")
            ):
                label = None  # the old sets leave nationalities and groups out
            feats = group_features(text, group.cands, group.rules, group.vote, gaz, names, lower)
            examples.append(Example(feats, label, group.rules, group.key, group.name, group.cands))
        gold = {(canonical_key(e["name"], e["type"]), e["type"]) for e in doc["entities"]}
        articles.append(Article(gold, examples))
    return articles


def train(
    examples: Iterable[Example],
    epochs: int = 8,
    min_count: int = 2,
    seed: int = 8,
    fraction: float = 1.0,
) -> dict[str, dict[str, float]]:
    """Averaged-perceptron weights from the labelled examples (features seen fewer than
    `min_count` times left out; shuffled with a fixed seed; a `fraction` of them, drawn with
    the same seed, for a learning curve)."""
    draw = random.Random(seed)
    labelled = [ex for ex in examples if ex.label and (fraction >= 1 or draw.random() < fraction)]
    counts = Counter(f for ex in labelled for f in ex.features)
    data = [([f for f in ex.features if counts[f] >= min_count], ex.label) for ex in labelled]
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    stamps: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    step = 0
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, label in data:
            step += 1
            scores = dict.fromkeys(CLASSES, 0.0)
            for f in feats:
                for kind, w in weights[f].items():
                    scores[kind] += w
            guess = max(CLASSES, key=lambda k: (scores[k], -CLASSES.index(k)))
            if guess == label:
                continue
            for f in feats:
                for kind, value in ((label, 1.0), (guess, -1.0)):
                    totals[f][kind] += (step - stamps[f][kind]) * weights[f][kind]
                    stamps[f][kind] = step
                    weights[f][kind] += value
    averaged: dict[str, dict[str, float]] = {}
    for feat in sorted(weights):
        row = {}
        for kind in sorted(weights[feat]):
            w = weights[feat][kind]
            value = round((totals[feat][kind] + (step - stamps[feat][kind]) * w) / max(step, 1), 4)
            if value:
                row[kind] = value
        if row:
            averaged[feat] = row
    return averaged


def predicted(article: Article, typer: EntityTyper | None) -> set[tuple[str, str]]:
    """The (key, type) pairs an article's groups give, typed by the rules or by `typer`."""
    if typer is None:
        return typed_as(article, lambda ex: ex.rules)
    return typed_as(article, lambda ex: typer.decide(ex.features, ex.rules))


def typed_as(article: Article, kind_of: Callable[[Example], str | None]) -> set[tuple[str, str]]:
    """The (key, type) pairs an article's groups give when `kind_of` types each (None: none)."""
    gaz = load_gazetteer()
    out = set()
    for ex in article.examples:
        kind = kind_of(ex)
        if kind is not None and not names_nothing(ex.key, ex.cands, kind, gaz):
            out.add((canonical_key(ex.name, kind), kind))
    return out


def score(articles: list[Article], typer: EntityTyper | None) -> dict[str, tuple[int, int, int]]:
    """True positives, predictions and gold entities per scored type and for all three."""
    counts = {k: [0, 0, 0] for k in (*SCORED, "ALL")}
    for art in articles:
        pred = {p for p in predicted(art, typer) if p[1] in SCORED}
        gold = {g for g in art.gold if g[1] in SCORED}
        for kind, row in counts.items():
            p = {x for x in pred if kind in ("ALL", x[1])}
            g = {x for x in gold if kind in ("ALL", x[1])}
            row[0] += len(p & g)
            row[1] += len(p)
            row[2] += len(g)
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    """F1 of one count triple."""
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def cross_validate(
    sets: dict[str, list[Article]],
    margin: float,
    epochs: int,
    min_count: int,
    seed: int,
    fraction: float = 1.0,
) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Train on all sets but one, score the one left out, for each set; print rules -> model
    per set and summed over all; return the summed counts ("rules", "model")."""
    print(
        f"leave-one-set-out (margin {margin}): entity F1 PER/ORG/PLACE, then per type; rules -> model"
    )
    summed = {who: {k: [0, 0, 0] for k in (*SCORED, "ALL")} for who in ("rules", "model")}
    for held, articles in sets.items():
        rest = (
            ex for name, arts in sets.items() if name != held for a in arts for ex in a.examples
        )
        typer = EntityTyper(train(rest, epochs, min_count, seed, fraction), margin)
        both = {"rules": score(articles, None), "model": score(articles, typer)}
        for who, counts in both.items():
            for kind, row in counts.items():
                summed[who][kind] = [a + b for a, b in zip(summed[who][kind], row, strict=True)]
        print(f"  {held:<15}" + _row(both["rules"], both["model"]))
    totals = {who: {k: (v[0], v[1], v[2]) for k, v in c.items()} for who, c in summed.items()}
    print(f"  {'all (summed)':<15}" + _row(totals["rules"], totals["model"]))
    return totals


def _row(rules: dict[str, tuple[int, int, int]], model: dict[str, tuple[int, int, int]]) -> str:
    cells = [f"{f1(*rules['ALL']):.3f} -> {f1(*model['ALL']):.3f}"]
    for kind in SCORED:
        cells.append(f"{kind[:3]} {f1(*rules[kind]):.3f} -> {f1(*model[kind]):.3f}")
    return "   ".join(cells)


def report_errors(sets: dict[str, list[Article]]) -> None:
    """Where the rules' types go wrong, and what the same candidates would score with the
    annotated type wherever a name's span is right (the most any typing step could reach)."""
    pairs = Counter(
        (ex.rules or "NONE", "no label" if ex.label is None else ex.label)
        for arts in sets.values()
        for a in arts
        for ex in a.examples
    )
    print("name groups by (rules' type, label), where they differ:")
    for (rules, label), n in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        if rules != label:
            print(f"  {rules:<7} {label:<9} {n:>5}")
    deciders: dict[str, Callable[[Example], str | None]] = {
        "rules": lambda ex: ex.rules,
        "annotated type wherever the span may be right": lambda ex: (
            ex.rules if ex.label is None else None if ex.label == "NONE" else ex.label
        ),
        "and no name that matches no annotation": lambda ex: (
            None if ex.label in (None, "NONE") else ex.label
        ),
    }
    print("entity F1 PER/ORG/PLACE over all sets of the same candidates typed by:")
    for what, kind_of in deciders.items():
        tp = n_pred = n_gold = 0
        for arts in sets.values():
            for art in arts:
                gold = {g for g in art.gold if g[1] in SCORED}
                pred = {p for p in typed_as(art, kind_of) if p[1] in SCORED}
                tp, n_pred, n_gold = tp + len(pred & gold), n_pred + len(pred), n_gold + len(gold)
        print(f"  {what}: {f1(tp, n_pred, n_gold):.3f}")


def without_rules(sets: dict[str, list[Article]]) -> None:
    """Drop the features that carry the rules' typing cues (and decide with no margin)."""
    for arts in sets.values():
        for art in arts:
            for ex in art.examples:
                ex.features = [f for f in ex.features if not f.startswith(RULES_FEATURES)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA, help="folder of annotated sets")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--min-count", type=int, default=2, help="drop rarer features")
    parser.add_argument("--seed", type=int, default=8, help="shuffling seed")
    parser.add_argument(
        "--margin",
        type=float,
        nargs="+",
        default=[1.0],
        help="how much the model must prefer another type to overrule the rules (the first is "
        "written)",
    )
    parser.add_argument(
        "--without-rules",
        action="store_true",
        help="leave out the rules' verdicts and cues: could the model replace them?",
    )
    parser.add_argument(
        "--fraction",
        type=float,
        default=1.0,
        help="train each CV model on this share of its examples (a learning curve)",
    )
    parser.add_argument(
        "--errors", action="store_true", help="the rules' type errors and the typing ceiling"
    )
    parser.add_argument("--write", type=Path, metavar="FILE", help="train on all sets, write FILE")
    args = parser.parse_args()
    sets = {name: load_set(paths) for name, paths in folds(args.data).items()}
    if args.without_rules:
        without_rules(sets)
    n = sum(len(a.examples) for arts in sets.values() for a in arts)
    labelled = sum(
        ex.label is not None for arts in sets.values() for a in arts for ex in a.examples
    )
    print(
        f"{len(sets)} sets, {sum(map(len, sets.values()))} articles, {n} name groups ({labelled} labelled)"
    )
    if args.errors:
        report_errors(sets)
    for margin in args.margin:
        cross_validate(sets, margin, args.epochs, args.min_count, args.seed, args.fraction)
    if args.write:
        examples = (ex for arts in sets.values() for a in arts for ex in a.examples)
        typer = EntityTyper(train(examples, args.epochs, args.min_count, args.seed), args.margin[0])
        args.write.write_text(typer.dumps(), encoding="utf-8")
        print(f"wrote {args.write}: {len(typer.weights)} features")


if __name__ == "__main__":
    main()
