"""Score an extractor on the annotated articles: quote span/speaker P/R, entity P/R/F1, words per second."""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from newstui.nlp import canonical_key, get_extractor

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "nlp"
TYPES = ("PERSON", "ORG", "PLACE")


def _quote_key(text: str) -> str:
    return " ".join(text.split()).rstrip(" ,.;:")


def _speaker_key(name: str | None) -> str | None:
    return canonical_key(name, "SPEAKER") if name else None


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(data: Path, backend: str, verbose: bool) -> None:
    """Print the figures for every *.json article under `data`."""
    extractor = get_extractor(backend)
    articles = [
        json.loads(p.read_text(encoding="utf-8")) | {"file": p.name}
        for p in sorted(data.glob("*.json"))
    ]
    counts: Counter[str] = Counter()
    for art in articles:
        analysis = extractor.analyse(art["text"])
        gold_q = {_quote_key(q["text"]): _speaker_key(q["speaker"]) for q in art["quotes"]}
        pred_q = {_quote_key(q.text): _speaker_key(q.speaker) for q in analysis.quotes}
        counts["q_gold"] += len(gold_q)
        counts["q_pred"] += len(pred_q)
        for text, speaker in pred_q.items():
            if text in gold_q:
                counts["q_tp"] += 1
                counts["s_agree"] += gold_q[text] == speaker
            elif verbose:
                print(f"  {art['file']}: extra quote {text[:60]!r}")
            counts["s_pred"] += speaker is not None
            counts["s_tp"] += speaker is not None and gold_q.get(text) == speaker
        counts["s_gold"] += sum(s is not None for s in gold_q.values())
        if verbose:
            for text, speaker in gold_q.items():
                if text not in pred_q:
                    print(f"  {art['file']}: missed quote {text[:60]!r}")
                elif pred_q[text] != speaker:
                    print(
                        f"  {art['file']}: speaker {pred_q[text]!r} for {text[:40]!r}, gold {speaker!r}"
                    )
        gold_e = {(canonical_key(e["name"], e["type"]), e["type"]) for e in art["entities"]}
        pred_e = {
            (canonical_key(e.name, e.type), e.type) for e in analysis.entities if e.type in TYPES
        }
        for kind in TYPES:
            g = {k for k in gold_e if k[1] == kind}
            p = {k for k in pred_e if k[1] == kind}
            counts[f"{kind}_tp"] += len(g & p)
            counts[f"{kind}_gold"] += len(g)
            counts[f"{kind}_pred"] += len(p)
            if verbose:
                for key in sorted(p - g):
                    print(f"  {art['file']}: extra {kind} {key[0]}")
                for key in sorted(g - p):
                    print(f"  {art['file']}: missed {kind} {key[0]}")

    print(f"backend {extractor.name} {extractor.version} on {len(articles)} articles in {data}")
    p, r, f = _prf(counts["q_tp"], counts["q_pred"], counts["q_gold"])
    print(
        f"quotes   span     P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({counts['q_tp']}/{counts['q_pred']} pred, {counts['q_gold']} gold)"
    )
    p, r, f = _prf(counts["s_tp"], counts["s_pred"], counts["s_gold"])
    print(
        f"quotes   speaker  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (named speakers; exact quote + same speaker)"
    )
    agree = counts["s_agree"] / counts["q_tp"] if counts["q_tp"] else 1.0
    print(f"quotes   speaker accuracy on matched quotes, None included: {agree:.3f}")
    tot = Counter()
    for kind in TYPES:
        tp, n_pred, n_gold = counts[f"{kind}_tp"], counts[f"{kind}_pred"], counts[f"{kind}_gold"]
        tot.update(tp=tp, pred=n_pred, gold=n_gold)
        p, r, f = _prf(tp, n_pred, n_gold)
        print(
            f"entities {kind:<8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp} tp, {n_pred} pred, {n_gold} gold)"
        )
    p, r, f = _prf(tot["tp"], tot["pred"], tot["gold"])
    print(f"entities overall  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")

    texts = [a["text"] for a in articles]
    words = sum(len(t.split()) for t in texts)
    rounds, started = 0, time.perf_counter()
    while time.perf_counter() - started < 2.0:
        for text in texts:
            extractor.analyse(text)
        rounds += 1
    elapsed = time.perf_counter() - started
    print(
        f"throughput {words * rounds / elapsed:,.0f} words/s ({rounds} rounds of {words} words, one core)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of annotated *.json articles"
    )
    parser.add_argument("--backend", default="rules", help="extractor name")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    args = parser.parse_args()
    evaluate(args.data, args.backend, args.verbose)


if __name__ == "__main__":
    main()
