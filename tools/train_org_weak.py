"""Train and cross-validate the learned decision for weakly evidenced organisations
(newstui/nlp/entity_weak.py): a logistic regression that keeps or drops each name the rules type
ORG with no list and no cue behind any mention (strength 1 at most).

Examples are those names exactly as the extractor meets them (this tool stands in for
entity_merge's hook, so it needs the pure-Python tree: PYTHONPATH=src; it records the features
entity_merge computes, every weak ORG kept), labelled from:
- the work folders' gold (tests/data/nlp: its top-level articles and dev2, heldout,
  wikinews-dev, wikinews-dev3 … wikinews-dev10; never a blind folder nor the check folder
  wikinews-dev11): right when the name's ORG key is among the article's annotated ORGs;
- hand judgements of fresh text, /work/corpus42/open.jsonl (`--judged FILE`, repeatable: TSV
  rows line, name, verdict, class; "right" is 1, "unsure" and "missed" no label, any other
  verdict 0), matched by line and name. Only lines 1-1400 are ever read (`OPEN_LINES`).

Cross-validation leaves one fold out (each work folder, and the judged lines in blocks of
`--block` lines); the threshold of each held-out fold is chosen on its training folds alone (an
inner leave-one-fold-out), maximising the ORG F1 gain (dropping a wrong name gains F, a right one
loses 2 - F; F: the ORG F1 of the blind sets, `--f1`) where it is smaller: on the work folders'
gold or on the judged fresh text. Training is full-batch gradient descent with an L2 penalty
from zero weights: no randomness, same data give the same weights. `-v` names each name dropped.

    PYTHONPATH=src python tools/train_org_weak.py --judged /work/notes/r42-org-audit.tsv \\
        --judged /work/notes/r43-org-learn-labels.tsv --block 130    # the cross-validation table
    PYTHONPATH=src python tools/train_org_weak.py ... --write src/newstui/nlp/data/org_weak.tsv
    PYTHONPATH=src python tools/train_org_weak.py --dump 121 900     # weak ORGs of those lines,
                                                                     # with context, to judge
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import newstui.nlp.entity_merge as entity_merge
from newstui.nlp import canonical_key, get_extractor
from newstui.nlp.entity_weak import FEATURES, weak_org_features

sys.path.insert(0, str(Path(__file__).resolve().parent))  # blind_sets.py beside this file
from blind_sets import is_blind

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "nlp"
WORK_FOLDERS = (
    "",
    "dev2",
    "heldout",
    "wikinews-dev",
    *(f"wikinews-dev{k}" for k in range(3, 11)),
)
OPEN = Path("/work/corpus42/open.jsonl")
OPEN_LINES = 1400  # lines past this are reserved for the round's independent audit: never read


@dataclass(frozen=True)
class Example:
    """One weak ORG as the extractor met it: where, its name, features and label."""

    fold: str
    where: str
    name: str
    features: tuple[int, ...]
    label: int | None  # 1 an organisation by the gold or a judge, 0 not, None unknown


class Recorder:
    """Stands in for entity_merge's hook while an article is read: records each weak ORG's
    name and features, and keeps it (or decides with `keep`)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, tuple[int, ...]]] = []
        self.keep = True

    def features(self, name, cands, text, gaz, shared):  # type: ignore[no-untyped-def]
        feats = weak_org_features(name, cands, text, gaz, shared)
        self.found.append((name, tuple(feats)))
        return feats

    def keeps(self, features: list[int]) -> bool:
        return self.keep


VERBOSE = False
RECORDER = Recorder()
entity_merge.weak_org_features = RECORDER.features  # type: ignore[assignment]
entity_merge.keeps_weak_org = RECORDER.keeps  # type: ignore[assignment]
EXTRACTOR = get_extractor("rules")


def weak_orgs(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """The weak ORGs the extractor finds in `text` (all kept), that its output types ORG."""
    RECORDER.found = []
    analysis = EXTRACTOR.analyse(text)
    out = {e.name for e in analysis.entities if e.type == "ORG"}
    return [(name, feats) for name, feats in RECORDER.found if name in out]


def work_examples() -> list[Example]:
    """The weak ORGs of the work folders, labelled by their gold."""
    examples = []
    for folder in WORK_FOLDERS:
        path = DATA / folder
        assert not is_blind(path.name) and path.name != "wikinews-dev11"
        for file in sorted(path.glob("*.json")):
            doc = json.loads(file.read_text(encoding="utf-8"))
            gold = {canonical_key(e["name"], "ORG") for e in doc["entities"] if e["type"] == "ORG"}
            for name, feats in weak_orgs(doc["text"]):
                label = int(canonical_key(name, "ORG") in gold)
                examples.append(Example(folder or "core", file.stem[:6], name, feats, label))
    return examples


def open_texts(first: int, last: int) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, article) of open.jsonl lines first..last (1-based), never past OPEN_LINES."""
    if last > OPEN_LINES:
        raise SystemExit(f"lines past {OPEN_LINES} of {OPEN} are reserved: not read")
    with OPEN.open(encoding="utf-8") as lines:
        for n, line in enumerate(itertools.islice(lines, first - 1, last), first):
            yield n, json.loads(line)


def judged_examples(files: list[Path], block: int) -> tuple[list[Example], int]:
    """The weak ORGs of the judged lines of open.jsonl, labelled by the judges' rows (folds:
    blocks of `block` lines); and how many weak ORGs found there no row matched."""
    verdicts: dict[tuple[int, str], str] = {}
    for file in files:
        for row in file.read_text(encoding="utf-8").splitlines()[1:]:
            cells = row.split("\t")
            if len(cells) >= 3 and cells[0].isdigit():
                verdicts[(int(cells[0]), cells[1])] = cells[2]
    lines = sorted({line for line, _ in verdicts})
    examples, unmatched = [], 0
    if not lines:
        return examples, unmatched
    wanted = set(lines)
    for n, doc in open_texts(lines[0], lines[-1]):
        if n not in wanted:
            continue
        for name, feats in weak_orgs(doc["text"]):
            verdict = verdicts.get((n, name))
            if verdict is None:
                unmatched += 1
                continue
            label = 1 if verdict == "right" else None if verdict in ("unsure", "missed") else 0
            fold = f"open{(n - 1) // block * block + 1}"
            examples.append(Example(fold, str(n), name, feats, label))
    return examples, unmatched


def train(examples: list[Example], l2: float, steps: int = 400, rate: float = 0.5) -> list[float]:
    """Logistic regression weights (FEATURES' order) by full-batch gradient descent from zero."""
    data = [(ex.features, ex.label) for ex in examples if ex.label is not None]
    weights = [0.0] * len(FEATURES)
    if not data:
        return weights
    for _ in range(steps):
        grad = [0.0] * len(FEATURES)
        for feats, label in data:
            p = _sigmoid(sum(weights[k] for k in feats))
            for k in feats:
                grad[k] += p - label
        for k in range(len(FEATURES)):
            penalty = l2 * weights[k] if k else 0.0  # the bias is not penalised
            weights[k] -= rate * (grad[k] / len(data) + penalty)
    return weights


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x > -30 else 0.0


def score(weights: list[float], ex: Example) -> float:
    return sum(weights[k] for k in ex.features)


def gain(dropped: list[Example], f1: float) -> float:
    """The ORG F1 gain (in units of 1 / (predicted + gold)) of dropping these names."""
    return sum(f1 if ex.label == 0 else -(2 - f1) for ex in dropped if ex.label is not None)


THRESHOLDS = tuple(t / 4 for t in range(-12, 9))  # log-odds -3.0 … 2.0


def choose_threshold(examples: list[Example], l2: float, f1: float) -> float:
    """The threshold with the best gain over an inner leave-one-fold-out of `examples`: the
    smaller of the two gains, on the annotated folders' gold and on the judged fresh text, so
    that it holds by both (the two disagree: see docs/nlp-history.md, round 43)."""
    folds = sorted({ex.fold for ex in examples})
    totals = {t: {"work": 0.0, "open": 0.0} for t in THRESHOLDS}
    for held in folds:
        weights = train([ex for ex in examples if ex.fold != held], l2)
        test = [ex for ex in examples if ex.fold == held]
        source = "open" if held.startswith("open") else "work"
        for t in THRESHOLDS:
            totals[t][source] += gain([ex for ex in test if score(weights, ex) < t], f1)
    sources = {"open" if ex.fold.startswith("open") else "work" for ex in examples}

    def worst(t: float) -> float:
        return min(totals[t][s] for s in sources)

    best = max(THRESHOLDS, key=lambda t: (worst(t), -t))
    return best if worst(best) > 0 else THRESHOLDS[0] - 100  # nothing gains: drop nothing


def cross_validate(examples: list[Example], l2: float, f1: float) -> None:
    """Leave one fold out, the threshold chosen inside the training folds: print each fold's
    wrong names dropped and right ones lost, then the sums for work folders and fresh text."""
    folds = sorted({ex.fold for ex in examples})
    sums: dict[str, list[int]] = {"work": [0, 0, 0, 0], "open": [0, 0, 0, 0]}
    print("fold            threshold  weak ORGs (right/wrong)  dropped: wrong  right")
    for held in folds:
        rest = [ex for ex in examples if ex.fold != held]
        t = choose_threshold(rest, l2, f1)
        weights = train(rest, l2)
        test = [ex for ex in examples if ex.fold == held and ex.label is not None]
        right = sum(1 for ex in test if ex.label == 1)
        dropped = [ex for ex in test if score(weights, ex) < t]
        d_wrong = sum(1 for ex in dropped if ex.label == 0)
        d_right = len(dropped) - d_wrong
        if VERBOSE:
            for ex in dropped:
                print(
                    f"    {'right' if ex.label else 'wrong'} {ex.where} {ex.name} ({score(weights, ex):.2f})"
                )
        row = sums["open" if held.startswith("open") else "work"]
        for k, v in enumerate((right, len(test) - right, d_wrong, d_right)):
            row[k] += v
        print(
            f"{held:<16}{t:>9.2f}  {right:>5} / {len(test) - right:<5}          {d_wrong:>8}  {d_right:>5}"
        )
    for what, (right, wrong, d_wrong, d_right) in sums.items():
        print(f"{what}: {right} right / {wrong} wrong; dropped {d_wrong} wrong, {d_right} right")


def write_weights(path: Path, examples: list[Example], l2: float, f1: float) -> None:
    """Train on every labelled example, choose the threshold by leave-one-fold-out, write."""
    weights = train(examples, l2)
    threshold = choose_threshold(examples, l2, f1)
    labelled = [ex for ex in examples if ex.label is not None]
    lines = [
        "# Weights of the learned decision for weak ORGs (newstui/nlp/entity_weak.py): feature",
        "# <tab> weight, then the threshold (log-odds) below which the name is dropped.",
        f"# Trained by tools/train_org_weak.py (l2 {l2}, F {f1}) on {len(labelled)} labelled names.",
        *(f"{name}\t{w:.4f}" for name, w in zip(FEATURES, weights, strict=True)),
        f"threshold\t{threshold:.2f}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def dump(first: int, last: int) -> None:
    """Print each weak ORG of open.jsonl lines first..last with its mentions' context."""
    for n, doc in open_texts(first, last):
        text = doc["text"]
        for name, _ in weak_orgs(text):
            at = text.find(name)
            context = text[max(0, at - 90) : at + len(name) + 90].replace("\n", " | ")
            print(f"{n}\t{name}\t{context}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judged", type=Path, action="append", default=[])
    parser.add_argument("--block", type=int, default=60)
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--f1", type=float, default=0.82)
    parser.add_argument("--no-work", action="store_true", help="train on the judged lines only")
    parser.add_argument("-v", "--verbose", action="store_true", help="name each dropped name")
    parser.add_argument("--write", type=Path)
    parser.add_argument("--dump", type=int, nargs=2)
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    if args.dump:
        dump(*args.dump)
        return
    examples = [] if args.no_work else work_examples()
    judged, unmatched = judged_examples(args.judged, args.block)
    examples += judged
    print(f"{len(examples)} weak ORGs ({unmatched} on judged lines with no row)")
    if args.write:
        write_weights(args.write, examples, args.l2, args.f1)
        return
    cross_validate(examples, args.l2, args.f1)


if __name__ == "__main__":
    main()
