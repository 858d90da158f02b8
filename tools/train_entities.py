"""Train the two learned entity layers over the rules on the annotated sets and print
leave-one-set-out cross-validation, rules against rules + model. Neither is used by the
extractor: both are measured here, in one tool, on the same sets, groups and scoring.

- The typing model (tools/entity_model.py, an averaged perceptron) types each group of an
  article's name mentions, as the rules find and merge them. Its label is the annotated type whose
  key its name matches, else NONE; a NONE name that shares a word with an annotated name is a
  wrong span, not a wrong type, and gets no label. Sets without GROUP annotations (the older
  ones) give no label to a name the rules or the word lists call a group.
- The ORG check (`--org-check`; tools/org_features.py, a logistic regression by fixed-order SGD)
  keeps or drops each group the rules type ORG: labelled 1 when its ORG key is among the
  article's annotated ORGs. The extractor would drop a group whose probability falls below a
  threshold, chosen for each held-out set inside its training sets only (an inner
  leave-one-set-out). Lexical features (head word, first word, the words around a mention) are
  kept only when they occur in at least 3 articles of at least 2 training sets, so the model
  cannot memorise one story's names.

The sets: every folder under tests/data/nlp but the blind ones (a name containing "blind",
tools/blind_sets.py: never listed or read), and the top-level articles as "core". A held-out set
is scored as bench/nlp_eval.py scores entities (PERSON/ORG/PLACE keys per article). Same data and
code give byte-identical weights (fixed seeds, sorted output).

    PYTHONPATH=src python tools/train_entities.py                  # the typing model's CV table
    PYTHONPATH=src python tools/train_entities.py --without-rules  # the model alone, as a
                                                                   # replacement for the rules' cues
    PYTHONPATH=src python tools/train_entities.py --errors         # where the rules' types
                                                                   # go wrong, and the ceiling
    PYTHONPATH=src python tools/train_entities.py --write model.json
    PYTHONPATH=src python tools/train_entities.py --org-check              # the ORG check's CV
    PYTHONPATH=src python tools/train_entities.py --org-check --quick      # threshold 0.5
    PYTHONPATH=src python tools/train_entities.py --org-check --write org_weights.py
                                  # + the weights trained on every set, as a module
    PYTHONPATH=src python tools/train_entities.py --org-check --open /work/annot/open/texts.jsonl
                                  # + what it drops in 200 fresh articles, to judge by hand
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newstui.nlp import get_extractor
from newstui.nlp.entities import (
    NAME_JOINERS,
    Candidate,
    CandidateGroup,
    candidate_groups,
    glued_heading_end,
    names_nothing,
)
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.names import canonical_key, strip_possessive
from newstui.nlp.segment import datelines, name_tokens

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the model modules, blind_sets.py beside
from blind_sets import is_blind
from entity_model import CLASSES, EntityTyper, group_features
from org_features import LEXICAL, org_features, org_probability

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "nlp"
SCORED = ("PERSON", "ORG", "PLACE")
# Features that carry the rules' own typing cues (_evidence): left out by --without-rules.
RULES_FEATURES = ("rules:", "vote:", "mention:", "None&", "PERSON&", "ORG&", "PLACE&", "GROUP&")
_LOWER_WORD = re.compile(r"[\w’'-]+")
# The ORG check: a lexical feature is kept when seen in this many articles of this many sets;
# the thresholds its inner cross-validation tries.
MIN_ARTICLES, MIN_SETS = 3, 2
THRESHOLDS = tuple(t / 100 for t in range(5, 55, 5))


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


def article_groups(text: str) -> tuple[str, list[CandidateGroup]]:
    """The text as the extractor reads it (a glued heading on its own line) and its groups of
    name mentions, each with the rules' verdict."""
    found = datelines(text)
    cut = glued_heading_end(text)
    seen = text if cut < 0 else f"{text[:cut]}\n{text[cut + 1 :]}"
    tokens = name_tokens(seen, frozenset(d.end for d in found), NAME_JOINERS)
    return seen, candidate_groups(seen, tokens, found)


def tally(pairs: Iterable[tuple[set[tuple[str, str]], set[tuple[str, str]]]]) -> Counter[str]:
    """True positives, predictions and gold per scored type and for the three ("ALL"), over
    (predicted, gold) (key, type) pairs of articles."""
    out: Counter[str] = Counter()
    for predicted_pairs, gold_pairs in pairs:
        pred = {p for p in predicted_pairs if p[1] in SCORED}
        gold = {g for g in gold_pairs if g[1] in SCORED}
        for kind in (*SCORED, "ALL"):
            p = {x for x in pred if kind in ("ALL", x[1])}
            g = {x for x in gold if kind in ("ALL", x[1])}
            out[f"{kind}_tp"] += len(p & g)
            out[f"{kind}_pred"] += len(p)
            out[f"{kind}_gold"] += len(g)
    return out


def f1(c: Counter[str], kind: str) -> float:
    """F1 of one type (or "ALL") in counts `c` (from `tally`)."""
    tp, n_pred, n_gold = c[f"{kind}_tp"], c[f"{kind}_pred"], c[f"{kind}_gold"]
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


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
        text, groups = article_groups(doc["text"])
        gold_keys = {canonical_key(e["name"], e["type"]) for e in doc["entities"]}
        gold_words = {w for e in doc["entities"] for w in _words(e["name"])}
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


def score(articles: list[Article], typer: EntityTyper | None) -> Counter[str]:
    """The counts (`tally`) of the articles typed by the rules or by `typer`."""
    return tally((predicted(art, typer), art.gold) for art in articles)


def cross_validate(
    sets: dict[str, list[Article]],
    margin: float,
    epochs: int,
    min_count: int,
    seed: int,
    fraction: float = 1.0,
) -> dict[str, Counter[str]]:
    """Train on all sets but one, score the one left out, for each set; print rules -> model
    per set and summed over all; return the summed counts ("rules", "model")."""
    print(
        f"leave-one-set-out (margin {margin}): entity F1 PER/ORG/PLACE, then per type; rules -> model"
    )
    summed: dict[str, Counter[str]] = {"rules": Counter(), "model": Counter()}
    for held, articles in sets.items():
        rest = (
            ex for name, arts in sets.items() if name != held for a in arts for ex in a.examples
        )
        typer = EntityTyper(train(rest, epochs, min_count, seed, fraction), margin)
        both = {"rules": score(articles, None), "model": score(articles, typer)}
        for who, counts in both.items():
            summed[who].update(counts)
        print(f"  {held:<15}" + _row(both["rules"], both["model"]))
    print(f"  {'all (summed)':<15}" + _row(summed["rules"], summed["model"]))
    return summed


def _row(rules: Counter[str], model: Counter[str]) -> str:
    cells = [f"{f1(rules, 'ALL'):.3f} -> {f1(model, 'ALL'):.3f}"]
    for kind in SCORED:
        cells.append(f"{kind[:3]} {f1(rules, kind):.3f} -> {f1(model, kind):.3f}")
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
        counts = tally((typed_as(art, kind_of), art.gold) for arts in sets.values() for art in arts)
        print(f"  {what}: {f1(counts, 'ALL'):.3f}")


def without_rules(sets: dict[str, list[Article]]) -> None:
    """Drop the features that carry the rules' typing cues (and decide with no margin)."""
    for arts in sets.values():
        for art in arts:
            for ex in art.examples:
                ex.features = [f for f in ex.features if not f.startswith(RULES_FEATURES)]


# The ORG check (--org-check): keep or drop each group the rules type ORG.


@dataclass
class OrgExample:
    """One group of mentions the rules typed ORG: its features, label and scored key."""

    features: list[str]
    label: int
    key: tuple[str, str]
    name: str
    article: str  # "set/file", for the frequency limit and the listings


@dataclass
class OrgArticle:
    """One article: gold and predicted (key, type) pairs of the scored types, its examples."""

    where: str
    gold: set[tuple[str, str]]
    pred: set[tuple[str, str]]
    examples: list[OrgExample]


def rules_org_groups(text: str) -> list[tuple[str, list[str]]]:
    """(name, features) of each group of mentions the rules type ORG in `text`."""
    seen, groups = article_groups(text)
    gaz = load_gazetteer()
    others = [g.name for g in groups if g.rules]
    return [
        (g.name, org_features(seen, g.cands, g.name, others, gaz))
        for g in groups
        if g.rules == "ORG" and not names_nothing(g.key, g.cands, "ORG", gaz)
    ]


def load_org_set(name: str, paths: list[Path]) -> list[OrgArticle]:
    """The articles of one development set with their ORG examples."""
    extractor = get_extractor("rules")
    articles = []
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        where = f"{name}/{path.name}"
        gold = {(canonical_key(e["name"], e["type"]), e["type"]) for e in doc["entities"]}
        analysis = extractor.analyse(doc["text"])
        pred = {(canonical_key(e.name, e.type), e.type) for e in analysis.entities}
        gold_orgs = {k for k in gold if k[1] == "ORG"}
        examples = []
        for group_name, feats in rules_org_groups(doc["text"]):
            key = (canonical_key(group_name, "ORG"), "ORG")
            if key not in pred:
                continue  # not an ORG of the output (a seat of government shown as a PLACE)
            examples.append(OrgExample(feats, int(key in gold_orgs), key, group_name, where))
        articles.append(OrgArticle(where, gold, pred, examples))
    return articles


def allowed_lexical(examples: Iterable[OrgExample]) -> set[str]:
    """The lexical features seen in at least MIN_ARTICLES articles of at least MIN_SETS sets."""
    seen: dict[str, set[str]] = defaultdict(set)
    for ex in examples:
        for f in ex.features:
            if f.startswith(LEXICAL):
                seen[f].add(ex.article)
    return {
        f
        for f, arts in seen.items()
        if len(arts) >= MIN_ARTICLES and len({a.split("/")[0] for a in arts}) >= MIN_SETS
    }


def usable(features: Sequence[str], lexical: set[str]) -> list[str]:
    """`features` less the lexical ones training may not use."""
    return [f for f in features if not f.startswith(LEXICAL) or f in lexical]


def train_org(
    examples: Sequence[OrgExample], epochs: int = 30, rate: float = 0.1, l2: float = 1e-3
) -> dict[str, float]:
    """Logistic-regression weights by SGD over the examples in a fixed shuffled order (seed 26),
    rounded to 4 places; lexical features under the frequency limit left out."""
    lexical = allowed_lexical(examples)
    data = [(usable(ex.features, lexical), ex.label) for ex in examples]
    order = list(range(len(data)))
    random.Random(26).shuffle(order)
    weights: dict[str, float] = defaultdict(float)
    for epoch in range(epochs):
        step = rate / (1 + epoch)
        for i in order:
            feats, label = data[i]
            p = org_probability(weights, feats)
            grad = label - p
            for f in feats:
                weights[f] += step * (grad - l2 * weights[f])
    return {f: round(w, 4) for f, w in sorted(weights.items()) if round(w, 4)}


def decided(
    article: OrgArticle, weights: dict[str, float] | None, threshold: float
) -> set[tuple[str, str]]:
    """The article's predicted (key, type) pairs, less the ORGs the model drops."""
    if weights is None:
        return article.pred
    dropped = {
        ex.key for ex in article.examples if org_probability(weights, ex.features) < threshold
    }
    return article.pred - dropped


def org_counts(
    articles: Iterable[OrgArticle], weights: dict[str, float] | None, threshold: float = 0.0
) -> Counter[str]:
    """The counts (`tally`) of the articles with the ORGs the model drops left out."""
    return tally((decided(art, weights, threshold), art.gold) for art in articles)


def choose_threshold(sets: dict[str, list[OrgArticle]]) -> float:
    """The threshold with the best pooled ORG F1 over a leave-one-set-out inside `sets` (0.0:
    the model drops nothing, when no threshold beats the rules)."""
    pooled: dict[float, Counter[str]] = defaultdict(Counter)
    for held, arts in sets.items():
        weights = train_org(
            [ex for n, a in sets.items() if n != held for art in a for ex in art.examples]
        )
        for t in (0.0, *THRESHOLDS):
            pooled[t].update(org_counts(arts, weights, t))
    return max((0.0, *THRESHOLDS), key=lambda t: (round(f1(pooled[t], "ORG"), 4), -t))


def cross_validate_org(sets: dict[str, list[OrgArticle]], nested: bool) -> None:
    """Print rules -> rules + ORG check per held-out set and pooled."""
    print(f"{'held out':<16}{'t':>5}  ORG F1 rules -> model   PER/ORG/PLACE rules -> model")
    pooled_rules: Counter[str] = Counter()
    pooled_model: Counter[str] = Counter()
    for held, arts in sets.items():
        rest = {n: a for n, a in sets.items() if n != held}
        threshold = choose_threshold(rest) if nested else 0.5
        weights = train_org([ex for a in rest.values() for art in a for ex in art.examples])
        rules, model = org_counts(arts, None), org_counts(arts, weights, threshold)
        pooled_rules.update(rules)
        pooled_model.update(model)
        print(
            f"{held:<16}{threshold:>5.2f}  {f1(rules, 'ORG'):.3f} -> {f1(model, 'ORG'):.3f}"
            f"          {f1(rules, 'ALL'):.3f} -> {f1(model, 'ALL'):.3f}"
        )
    print(
        f"{'pooled':<16}{'':>5}  {f1(pooled_rules, 'ORG'):.3f} -> {f1(pooled_model, 'ORG'):.3f}"
        f"          {f1(pooled_rules, 'ALL'):.3f} -> {f1(pooled_model, 'ALL'):.3f}"
        f"   (ORG tp/pred {pooled_rules['ORG_tp']}/{pooled_rules['ORG_pred']} -> "
        f"{pooled_model['ORG_tp']}/{pooled_model['ORG_pred']}, gold {pooled_rules['ORG_gold']})"
    )


def weights_module(weights: dict[str, float], threshold: float) -> str:
    """The generated module holding the ORG check's weights (a dict literal) and threshold."""
    lines = [
        '"""Weights of the learned ORG check (tools/org_features.py), generated by',
        'tools/train_entities.py --org-check --write from the development sets: do not edit."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        f"THRESHOLD: Final = {threshold!r}",
        "WEIGHTS: Final[dict[str, float]] = {",
        *(f"    {f!r}: {w!r}," for f, w in weights.items()),
        "}",
        "",
    ]
    return "\n".join(lines)


def open_drops(
    path: Path, size: int, seed: int, weights: dict[str, float], threshold: float
) -> tuple[int, list[tuple[int, float, str, str]]]:
    """The ORG names the check drops in a sample of `size` unannotated articles of a JSON-lines
    file (one object a line with "text" and "title"; lines drawn with `seed`), to be judged by
    hand: how many ORG names the sample has, and (line, probability, name, title) of each drop."""
    lines = path.read_text(encoding="utf-8").splitlines()
    picked = sorted(random.Random(seed).sample(range(len(lines)), min(size, len(lines))))
    total, drops = 0, []
    for line in picked:
        doc = json.loads(lines[line])
        groups = rules_org_groups(doc["text"])
        total += len(groups)
        for name, feats in groups:
            p = org_probability(weights, feats)
            if p < threshold:
                drops.append((line, p, name, str(doc.get("title", ""))))
    return total, drops


def org_check(args: argparse.Namespace) -> None:
    """--org-check: the ORG check's cross-validation, and its weights or fresh drops if asked."""
    sets = {name: load_org_set(name, paths) for name, paths in folds(args.data).items()}
    n = sum(len(art.examples) for a in sets.values() for art in a)
    pos = sum(ex.label for a in sets.values() for art in a for ex in art.examples)
    print(
        f"{len(sets)} sets, {sum(map(len, sets.values()))} articles, {n} ORG groups ({pos} in gold)"
    )
    cross_validate_org(sets, nested=not args.quick)
    if not (args.write or args.open):
        return
    threshold = choose_threshold(sets)
    weights = train_org([ex for a in sets.values() for art in a for ex in art.examples])
    if args.write:
        args.write.write_text(weights_module(weights, threshold), encoding="utf-8")
        print(f"wrote {args.write}: {len(weights)} weights, threshold {threshold}")
    if args.open:
        total, drops = open_drops(args.open, args.sample, args.open_seed, weights, threshold)
        print(
            f"{args.open}: {args.sample} articles (seed {args.open_seed}), "
            f"{len(drops)} of {total} ORGs dropped"
        )
        for line, p, name, title in drops:
            print(f"  line {line}  {p:.2f}  {name!r}  ({title})")


def main(argv: list[str] | None = None) -> None:
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
    parser.add_argument(
        "--write",
        type=Path,
        metavar="FILE",
        help="train on every set and write FILE (the typing model's JSON; with --org-check, the "
        "ORG check's weights as a Python module)",
    )
    org = parser.add_argument_group("the ORG check")
    org.add_argument(
        "--org-check",
        action="store_true",
        help="train and cross-validate the ORG check (keep or drop each name the rules type ORG) "
        "instead of the typing model",
    )
    org.add_argument("--quick", action="store_true", help="fixed threshold 0.5, no inner CV")
    org.add_argument(
        "--open",
        type=Path,
        metavar="JSONL",
        help="also list what the check trained on every set drops in unannotated articles "
        "(e.g. /work/annot/open/texts.jsonl), for judging by hand",
    )
    org.add_argument("--sample", type=int, default=200, help="articles drawn from --open")
    org.add_argument("--open-seed", type=int, default=2626, help="the draw's seed for --open")
    args = parser.parse_args(argv)
    if args.org_check:
        org_check(args)
        return
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
