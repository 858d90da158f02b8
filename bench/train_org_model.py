"""Train the learned ORG check (bench/org_features.py) on the development sets and report
leave-one-set-out cross-validation: rules against rules + model.

Each group of an article's mentions that the rules type ORG is one example, labelled 1 when its
name's ORG key is among the article's annotated ORGs (the matching bench/nlp_eval.py scores). The
model is a logistic regression (plain Python, fixed-order SGD: deterministic); the extractor
would drop a group whose probability falls below a threshold. The threshold of each held-out set
is chosen inside its training sets only (an inner leave-one-set-out over them).

Lexical features (head word, first word, the words around a mention: entity_org_model.LEXICAL)
are kept only when they occur in at least 3 articles of at least 2 training sets, so the model
cannot memorise one story's names. The sets are read by name (DEV_SETS); no blind folder is ever
listed or read.

    PYTHONPATH=src python bench/train_org_model.py            # the CV table
    PYTHONPATH=src python bench/train_org_model.py --quick    # threshold 0.5, no inner CV
    PYTHONPATH=src python bench/train_org_model.py --write org_weights.py  # + the weights
                                   # trained on all 13 sets, as a module (a dict literal)
    PYTHONPATH=src python bench/train_org_model.py --open /work/annot/open/texts.jsonl --seed 2727
                                   # + what that model drops in 200 fresh articles, to judge
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from org_features import LEXICAL, org_features, org_probability  # beside this file

from newstui.nlp import canonical_key, get_extractor
from newstui.nlp.entities import NAME_JOINERS, candidate_groups, glued_heading_end, names_nothing
from newstui.nlp.gazetteer import load_gazetteer
from newstui.nlp.segment import datelines, name_tokens

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "nlp"
# The 13 development sets by name ("core": the top-level files). Never a blind folder.
DEV_SETS = (
    "core",
    "dev2",
    "heldout",
    "wikinews-dev",
    *(f"wikinews-dev{k}" for k in range(3, 12)),
)
SCORED = ("PERSON", "ORG", "PLACE")
MIN_ARTICLES, MIN_SETS = 3, 2
THRESHOLDS = tuple(t / 100 for t in range(5, 55, 5))


@dataclass
class Example:
    """One group of mentions the rules typed ORG: its features, label and scored key."""

    features: list[str]
    label: int
    key: tuple[str, str]
    name: str
    article: str  # "set/file", for the frequency limit and the listings


@dataclass
class Article:
    """One article: gold and predicted (key, type) pairs of the scored types, its examples."""

    where: str
    gold: set[tuple[str, str]]
    pred: set[tuple[str, str]]
    examples: list[Example]


def set_paths(name: str, data: Path = DATA) -> list[Path]:
    """The annotated files of one development set, by name."""
    if "blind" in name.casefold():
        raise SystemExit(f"{name}: a blind set is never read for training")
    folder = data if name == "core" else data / name
    return sorted(folder.glob("*.json"))


def rules_org_groups(text: str) -> list[tuple[str, list[str]]]:
    """(name, features) of each group of mentions the rules type ORG in `text`, the text read
    as the extractor reads it (a glued heading on its own line)."""
    found = datelines(text)
    cut = glued_heading_end(text)
    seen = text if cut < 0 else f"{text[:cut]}\n{text[cut + 1 :]}"
    tokens = name_tokens(seen, frozenset(d.end for d in found), NAME_JOINERS)
    groups = candidate_groups(seen, tokens, found)
    gaz = load_gazetteer()
    others = [g.name for g in groups if g.rules]
    return [
        (g.name, org_features(seen, g.cands, g.name, others, gaz))
        for g in groups
        if g.rules == "ORG" and not names_nothing(g.key, g.cands, "ORG", gaz)
    ]


def load_set(name: str, data: Path = DATA) -> list[Article]:
    """The articles of one development set with their ORG examples."""
    extractor = get_extractor("rules")
    articles = []
    for path in set_paths(name, data):
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
            examples.append(Example(feats, int(key in gold_orgs), key, group_name, where))
        articles.append(Article(where, gold, pred, examples))
    return articles


def allowed_lexical(examples: Iterable[Example]) -> set[str]:
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


def train(
    examples: Sequence[Example], epochs: int = 30, rate: float = 0.1, l2: float = 1e-3
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


def decided(article: Article, weights: dict[str, float] | None, threshold: float) -> set:
    """The article's predicted (key, type) pairs, less the ORGs the model drops."""
    if weights is None:
        return article.pred
    dropped = {
        ex.key for ex in article.examples if org_probability(weights, ex.features) < threshold
    }
    return article.pred - dropped


def counts(
    articles: Iterable[Article], weights: dict[str, float] | None, threshold: float = 0.0
) -> Counter[str]:
    """True positives, predictions and gold per scored type and for the three ("ALL")."""
    out: Counter[str] = Counter()
    for art in articles:
        pred = {p for p in decided(art, weights, threshold) if p[1] in SCORED}
        gold = {g for g in art.gold if g[1] in SCORED}
        for kind in (*SCORED, "ALL"):
            p = {x for x in pred if kind in ("ALL", x[1])}
            g = {x for x in gold if kind in ("ALL", x[1])}
            out[f"{kind}_tp"] += len(p & g)
            out[f"{kind}_pred"] += len(p)
            out[f"{kind}_gold"] += len(g)
    return out


def f1(c: Counter[str], kind: str) -> float:
    """F1 of one type (or "ALL") in counts `c`."""
    tp, n_pred, n_gold = c[f"{kind}_tp"], c[f"{kind}_pred"], c[f"{kind}_gold"]
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def choose_threshold(sets: dict[str, list[Article]]) -> float:
    """The threshold with the best pooled ORG F1 over a leave-one-set-out inside `sets` (0.0:
    the model drops nothing, when no threshold beats the rules)."""
    pooled: dict[float, Counter[str]] = defaultdict(Counter)
    for held, arts in sets.items():
        weights = train(
            [ex for n, a in sets.items() if n != held for art in a for ex in art.examples]
        )
        for t in (0.0, *THRESHOLDS):
            pooled[t].update(counts(arts, weights, t))
    return max((0.0, *THRESHOLDS), key=lambda t: (round(f1(pooled[t], "ORG"), 4), -t))


def cross_validate(sets: dict[str, list[Article]], nested: bool) -> None:
    """Print rules -> rules + model per held-out set and pooled."""
    print(f"{'held out':<16}{'t':>5}  ORG F1 rules -> model   PER/ORG/PLACE rules -> model")
    pooled_rules: Counter[str] = Counter()
    pooled_model: Counter[str] = Counter()
    for held, arts in sets.items():
        rest = {n: a for n, a in sets.items() if n != held}
        threshold = choose_threshold(rest) if nested else 0.5
        weights = train([ex for a in rest.values() for art in a for ex in art.examples])
        rules, model = counts(arts, None), counts(arts, weights, threshold)
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
    """The generated module holding the weights (a dict literal) and the threshold."""
    lines = [
        '"""Weights of the learned ORG check (bench/org_features.py), generated by',
        'bench/train_org_model.py --write from the development sets: do not edit by hand."""',
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
    """The ORG names the model drops in a sample of `size` unannotated articles of a JSON-lines
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA, help="the folder of annotated sets")
    parser.add_argument("--quick", action="store_true", help="fixed threshold 0.5, no inner CV")
    parser.add_argument(
        "--write", type=Path, metavar="FILE", help="write the weights trained on every set to FILE"
    )
    parser.add_argument(
        "--open",
        type=Path,
        metavar="JSONL",
        help="also list what the model trained on every set drops in unannotated articles "
        "(e.g. /work/annot/open/texts.jsonl), for judging by hand",
    )
    parser.add_argument("--sample", type=int, default=200, help="articles drawn from --open")
    parser.add_argument("--seed", type=int, default=2626, help="the draw's seed for --open")
    args = parser.parse_args(argv)
    sets = {name: load_set(name, args.data) for name in DEV_SETS}
    n = sum(len(art.examples) for a in sets.values() for art in a)
    pos = sum(ex.label for a in sets.values() for art in a for ex in art.examples)
    print(
        f"{len(sets)} sets, {sum(map(len, sets.values()))} articles, {n} ORG groups ({pos} in gold)"
    )
    cross_validate(sets, nested=not args.quick)
    if not (args.write or args.open):
        return
    threshold = choose_threshold(sets)
    weights = train([ex for a in sets.values() for art in a for ex in art.examples])
    if args.write:
        args.write.write_text(weights_module(weights, threshold), encoding="utf-8")
        print(f"wrote {args.write}: {len(weights)} weights, threshold {threshold}")
    if args.open:
        total, drops = open_drops(args.open, args.sample, args.seed, weights, threshold)
        print(
            f"{args.open}: {args.sample} articles (seed {args.seed}), {len(drops)} of {total} ORGs dropped"
        )
        for line, p, name, title in drops:
            print(f"  line {line}  {p:.2f}  {name!r}  ({title})")


if __name__ == "__main__":
    main()
