"""Train the linear speaker model of the learned fill (tools/speaker_fill.py, beside this file) on the
annotated sets and print its leave-one-folder-out cross-validation against the rules.

Run from the repository root:
`python tools/train_speakers.py [--margins 1,2,3] [--thresholds 0.6,0.7] [--write [PATH]]`.
The data is every
annotated folder under tests/data/nlp except the blind ones (tools/blind_sets.py:
never read here). For each folder the model is trained on all the others and scored on it, as
bench/nlp_eval.py counts speakers (P/R/F1 of named speakers over exactly matched quotes), in three
uses: "rerank" (the model chooses every speaker, the rules' choice one feature among others) and
"fill" (the rules' speaker stands; where they name nobody the model's best candidate, an entity of
the article, speaks if it beats nobody by the margin; the extractor does not use it), with the speakers
the fill adds right and wrong per folder, for each of --margins; and "override" (the model's best
replaces the rules' speaker, a name or nobody, where it outscores the rules' choice by the
margin), with the speakers it changes right and wrong. Then the fill by a logistic model
(conditional logit over the candidates, trained on the quotes the fill may name only) whose best
speaks where its probability exceeds each of --thresholds. `--write` saves weights trained
on every folder, by default into tools/speaker_fill.json.
Deterministic: the same data and code give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))

from blind_sets import is_blind  # noqa: E402
from nlp_eval import _prf, _quote_key, _speaker_key, load_articles  # noqa: E402
from speaker_fill import (  # noqa: E402
    FILL_MARGIN,
    FILLING_TYPES,
    WEIGHTS_FILE,
    Candidate,
    best,
    candidates,
    fill_choice,
    fillable,
    probabilities,
    score,
)

from newstui.nlp.rules import rules_view  # noqa: E402

DATA = ROOT / "tests" / "data" / "nlp"
SHIPPED = ROOT / "tools" / WEIGHTS_FILE
EPOCHS = 12
SEED = 10
# The logistic model: epochs, the step of the first epoch (epoch e steps by RATE / (1 + e)) and
# the L2 decay of each weight a step updates; chosen among a few by cross-validation (README)
LOGIT_EPOCHS = 15
LOGIT_RATE = 0.1
LOGIT_L2 = 1e-3


@dataclass(frozen=True)
class Example:
    """One quotation the rules found: its candidates, the rules' speaker, the annotated one."""

    options: list[Candidate]
    types: dict[str, str]  # the article's entities' types (the fill names only entities)
    how: str  # how the rules found their speaker (SpeakerFinder.how)
    quote: str  # the quotation's text
    rules: str | None
    key: str  # the quotation's scoring key (bench/nlp_eval.py)
    short: bool  # a fragment of three words or fewer: a quote only when attributed
    gold: int | None  # index of the annotated speaker (nobody for an unannotated quote) or None


@dataclass(frozen=True)
class Article:
    """The examples of one annotated article and its annotated speakers by quotation key."""

    examples: list[Example]
    gold: dict[str, str | None]


Chooser = Callable[[Example], str | None]


def folders(data: Path = DATA) -> list[Path]:
    """The development folders: the top folder's own files and every subfolder but the blind."""
    subs = [
        p
        for p in sorted(data.iterdir())
        if p.is_dir() and not is_blind(p.name) and any(p.glob("*.json"))
    ]
    return [data, *subs]


def read_folder(folder: Path) -> list[Article]:
    """The examples of every article of `folder`, as the rules see it."""
    out = []
    for art in load_articles(folder):
        text = art["text"]
        gold = {_quote_key(q["text"]): _speaker_key(q["speaker"]) for q in art["quotes"]}
        view = rules_view(text)
        examples = []
        for k, span in enumerate(view.spans):
            options = candidates(view.finder, k, view.speakers)
            key = _quote_key(text[span.start : span.end])
            want = gold.get(key)  # a quotation the annotation lacks should have nobody
            index = next(
                (i for i, c in enumerate(options) if _speaker_key(c.speaker) == want), None
            )
            examples.append(
                Example(
                    options,
                    view.finder.types,
                    view.finder.how[k],
                    text[span.start : span.end],
                    view.speakers[k],
                    key,
                    span in view.short,
                    index,
                )
            )
        out.append(Article(examples, gold))
    return out


def train(articles: list[Article], epochs: int = EPOCHS) -> dict[str, float]:
    """Averaged perceptron over candidate rankings, in a seeded order per epoch."""
    data = [ex for art in articles for ex in art.examples if ex.gold is not None]
    weights: dict[str, float] = {}
    totals: dict[str, float] = {}  # each weight summed over steps, brought up to date lazily
    stamps: dict[str, int] = {}
    step = 0
    rng = random.Random(SEED)

    def bump(feature: str, delta: float) -> None:
        weight = weights.get(feature, 0.0)
        totals[feature] = totals.get(feature, 0.0) + (step - stamps.get(feature, 0)) * weight
        stamps[feature] = step
        weights[feature] = weight + delta

    for _ in range(epochs):
        order = list(range(len(data)))
        rng.shuffle(order)
        for i in order:
            step += 1
            ex = data[i]
            guess, right = best(weights, ex.options), ex.options[ex.gold or 0]
            if _speaker_key(guess.speaker) != _speaker_key(right.speaker):
                for f in right.features:
                    bump(f, 1.0)
                for f in guess.features:
                    bump(f, -1.0)
    for f, weight in weights.items():
        totals[f] += (step - stamps.get(f, 0)) * weight
    averaged = {f: round(t / step, 4) for f, t in sorted(totals.items())}
    return {f: w for f, w in averaged.items() if w}


def fillable_only(articles: list[Article]) -> list[Article]:
    """The articles with only the quotations the fill may name: the rules name nobody, having
    found no attribution (speaker_fill.fillable)."""
    return [
        Article(
            [ex for ex in art.examples if ex.rules is None and fillable(ex.how, ex.quote)],
            art.gold,
        )
        for art in articles
    ]


def train_logit(articles: list[Article], epochs: int = LOGIT_EPOCHS) -> dict[str, float]:
    """Conditional logistic regression over each quotation's candidates (softmax of the linear
    scores) by stochastic gradient ascent with L2 decay, in a seeded order per epoch."""
    data = [ex for art in articles for ex in art.examples if ex.gold is not None]
    weights: dict[str, float] = {}
    rng = random.Random(SEED)
    for epoch in range(epochs):
        order = list(range(len(data)))
        rng.shuffle(order)
        rate = LOGIT_RATE / (1 + epoch)
        for i in order:
            ex = data[i]
            gradient: dict[str, float] = {}
            for k, (c, p) in enumerate(
                zip(ex.options, probabilities(weights, ex.options), strict=True)
            ):
                if g := (1.0 if k == ex.gold else 0.0) - p:
                    for f in c.features:
                        gradient[f] = gradient.get(f, 0.0) + g
            for f, g in gradient.items():
                weights[f] = weights.get(f, 0.0) * (1 - rate * LOGIT_L2) + rate * g
    return {f: round(w, 6) for f, w in sorted(weights.items()) if round(w, 6)}


def fill_sure(weights: dict[str, float], threshold: float) -> Chooser:
    """The fill with the logistic model: where the rules name nobody, its best candidate speaks if
    it is an entity of the article whose probability exceeds `threshold`."""

    def choose(ex: Example) -> str | None:
        if ex.rules or not fillable(ex.how, ex.quote):
            return ex.rules
        chances = probabilities(weights, ex.options)
        k = max(range(len(chances)), key=chances.__getitem__)  # the first of equals: nobody
        top = ex.options[k].speaker
        if top is None or ex.types.get(top) not in FILLING_TYPES or chances[k] <= threshold:
            return None
        return top

    return choose


def rerank(weights: dict[str, float]) -> Chooser:
    """The model chooses every speaker."""
    return lambda ex: best(weights, ex.options).speaker


def fill(weights: dict[str, float], margin: float = FILL_MARGIN) -> Chooser:
    """The rules' speaker stands; where they name nobody, the model's best if it beats nobody
    (speaker_fill.fill_choice)."""

    def choose(ex: Example) -> str | None:
        if ex.rules or not fillable(ex.how, ex.quote):
            return ex.rules
        return fill_choice(weights, ex.options, ex.types, margin)

    return choose


def override(weights: dict[str, float], margin: float = FILL_MARGIN) -> Chooser:
    """The model's best replaces the rules' speaker (a name or nobody) only where it outscores the
    rules' own choice by more than `margin`."""

    def choose(ex: Example) -> str | None:
        top = best(weights, ex.options)
        mine = next((c for c in ex.options if c.speaker == ex.rules), None)
        if mine is None or top is mine or score(weights, top) - score(weights, mine) <= margin:
            return ex.rules
        return top.speaker

    return choose


def changed(articles: list[Article], choose: Chooser) -> tuple[int, int]:
    """How many speakers `choose` changes from the rules' rightly and wrongly (a named speaker
    for a fragment the annotation has no quote for counts as wrong)."""
    right = wrong = 0
    for art in articles:
        for ex in art.examples:
            speaker = choose(ex)
            if _speaker_key(speaker) == _speaker_key(ex.rules):
                continue
            if ex.key not in art.gold and speaker is None:
                continue  # a fragment unnamed and unannotated: no quote either way
            if art.gold.get(ex.key) == _speaker_key(speaker):
                right += 1
            else:
                wrong += 1
    return right, wrong


def count(articles: list[Article], choose: Chooser) -> Counter[str]:
    """Named-speaker counts (true, predicted, annotated) as bench/nlp_eval.py makes them."""
    counts: Counter[str] = Counter()
    for art in articles:
        pred: dict[str, str | None] = {}
        for ex in art.examples:
            speaker = choose(ex)
            if speaker or not ex.short:  # a short fragment is a quote only when attributed
                pred[ex.key] = _speaker_key(speaker)
        for key, speaker in pred.items():
            counts["pred"] += speaker is not None
            counts["tp"] += speaker is not None and art.gold.get(key) == speaker
        counts["gold"] += sum(s is not None for s in art.gold.values())
    return counts


def _row(name: str, rules: Counter[str], model: Counter[str]) -> str:
    r = _prf(rules["tp"], rules["pred"], rules["gold"])
    m = _prf(model["tp"], model["pred"], model["gold"])
    return (
        f"| {name} | {rules['gold']} | {r[0]:.3f} / {r[1]:.3f} / {r[2]:.3f} | "
        f"{m[0]:.3f} / {m[1]:.3f} / {m[2]:.3f} | {m[2] - r[2]:+.3f} |"
    )


def held_out_weights(
    sets: dict[str, list[Article]],
    trainer: Callable[[list[Article]], dict[str, float]] = train,
) -> dict[str, dict[str, float]]:
    """Leave one folder out: for each folder, weights trained on all the others."""
    return {
        name: trainer([a for other, more in sets.items() if other != name for a in more])
        for name in sets
    }


def cross_validate(
    sets: dict[str, list[Article]],
    folds: dict[str, dict[str, float]],
    use: Callable[[dict[str, float]], Chooser],
) -> list[str]:
    """Each folder scored by its held-out weights, rules against model; table rows."""
    rows = [
        "| held-out folder | named speakers | rules P / R / F1 | model P / R / F1 | ΔF1 |",
        "|---|---|---|---|---|",
    ]
    pooled_rules: Counter[str] = Counter()
    pooled_model: Counter[str] = Counter()
    for name, arts in sets.items():
        rules, model = count(arts, lambda ex: ex.rules), count(arts, use(folds[name]))
        pooled_rules.update(rules)
        pooled_model.update(model)
        rows.append(_row(name, rules, model))
    rows.append(_row("all, pooled", pooled_rules, pooled_model))
    return rows


def margin_table(
    sets: dict[str, list[Article]],
    folds: dict[str, dict[str, float]],
    margins: list[float],
    use: Callable[[dict[str, float], float], Chooser],
    label: str = "margin",
) -> list[str]:
    """A use's ΔF1 and speakers changed right/wrong per folder, one column per margin (or
    whatever `label` calls the use's number)."""
    head = " | ".join(f"{label} {m:g}: ΔF1 (right/wrong)" for m in margins)
    rows = [f"| held-out folder | rules F1 | {head} |", "|---|---|" + "---|" * len(margins)]
    pooled: dict[float, Counter[str]] = {m: Counter() for m in margins}
    pooled_rules: Counter[str] = Counter()
    pooled_added = {m: [0, 0] for m in margins}
    for name, arts in sets.items():
        rules = count(arts, lambda ex: ex.rules)
        pooled_rules.update(rules)
        base = _prf(rules["tp"], rules["pred"], rules["gold"])[2]
        cells = []
        for m in margins:
            choose = use(folds[name], m)
            model = count(arts, choose)
            pooled[m].update(model)
            right, wrong = changed(arts, choose)
            pooled_added[m][0] += right
            pooled_added[m][1] += wrong
            f1 = _prf(model["tp"], model["pred"], model["gold"])[2]
            cells.append(f"{f1 - base:+.3f} ({right}/{wrong})")
        rows.append(f"| {name} | {base:.3f} | " + " | ".join(cells) + " |")
    base = _prf(pooled_rules["tp"], pooled_rules["pred"], pooled_rules["gold"])[2]
    cells = []
    for m in margins:
        f1 = _prf(pooled[m]["tp"], pooled[m]["pred"], pooled[m]["gold"])[2]
        cells.append(f"{f1:.3f} {f1 - base:+.3f} ({pooled_added[m][0]}/{pooled_added[m][1]})")
    rows.append(f"| all, pooled | {base:.3f} | " + " | ".join(cells) + " |")
    return rows


def weights_text(weights: dict[str, float]) -> str:
    """The weights as JSON: sorted, one feature a line, so a retrain shows as a readable diff."""
    return json.dumps({"epochs": EPOCHS, "weights": weights}, indent=1, sort_keys=True) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--write",
        type=Path,
        nargs="?",
        const=SHIPPED,
        metavar="PATH",
        help=f"save weights from all folders (default {SHIPPED.relative_to(ROOT)})",
    )
    parser.add_argument(
        "--margins",
        default=f"{FILL_MARGIN:g}",
        help="of the fill use, comma-separated (the shipped margin by default)",
    )
    parser.add_argument(
        "--thresholds",
        default="0.6,0.7,0.8",
        help="of the logistic model's fill: probabilities, comma-separated",
    )
    args = parser.parse_args()
    margins = [float(m) for m in args.margins.split(",")]
    thresholds = [float(t) for t in args.thresholds.split(",")]
    sets = {str(f.relative_to(DATA.parent)): read_folder(f) for f in folders()}
    examples = [ex for arts in sets.values() for a in arts for ex in a.examples]
    reachable = sum(ex.gold is not None for ex in examples)
    print(
        f"{len(examples)} quotations found by the rules in {len(sets)} folders; the annotated "
        f"speaker (or nobody) is among the candidates for {reachable}\n"
    )
    folds = held_out_weights(sets)
    print("Rerank: the model chooses every speaker")
    print("\n".join(cross_validate(sets, folds, rerank)))
    for m in margins:
        print(f"\nFill: the model speaks only where the rules name nobody (margin {m:g})")
        print("\n".join(cross_validate(sets, folds, partial(fill, margin=m))))
    print("\nFill by margin: ΔF1 against the rules (speakers added right/wrong)")
    print("\n".join(margin_table(sets, folds, margins, fill)))
    print(
        "\nOverride by margin: the model's best replaces the rules' speaker (a name or nobody)"
        " where it outscores the rules' choice by the margin; ΔF1 (speakers changed right/wrong)"
    )
    print("\n".join(margin_table(sets, folds, margins, override)))
    sure = held_out_weights(sets, lambda arts: train_logit(fillable_only(arts)))
    print(
        "\nFill by a logistic model trained on the quotes the fill may name, by its probability:"
        " ΔF1 (speakers added right/wrong)"
    )
    print("\n".join(margin_table(sets, sure, thresholds, fill_sure, "p >")))
    if args.write:
        args.write.write_text(weights_text(train([a for arts in sets.values() for a in arts])))
        print(f"\nwrote {args.write}")


if __name__ == "__main__":
    main()
