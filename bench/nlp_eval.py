"""Score an extractor on annotated articles: quote spans, speakers, entities per type, words/s.

`--data` takes one or more folders of annotated `*.json` articles (the project's format; the
Wikinews sets add a `source` field and the GROUP type). A set whose texts may not be copied into
the repository (third-party pages) gives each article's `text_from` instead of its `text`: a file
in ../shared (NEWSTUI_SHARED names the folder elsewhere), the field holding the text and its
sha256; its quotes are `start`/`end` offsets into that text. A quotation running over several
paragraphs is scored as one piece a paragraph, gold and predicted alike, each with the quote's
speaker (the Wikinews sets annotate one quote a paragraph, the hand-written sets one quote for
all: the same extraction scores the same under both); `--whole-quotes` scores whole quotes as
before round 55. GROUP is scored only on sets that annotate
it (the older sets leave nationalities and groups out). `--against REF` also measures the words/s
of the extractor at git revision REF, alternating old and new runs on the same texts, so the ratio
holds on a busy machine. Speed is words per second of CPU time of one process (one core).
`--against-lib DIR` measures a package already built in DIR instead (`setup.py build --build-lib
DIR` of another checkout: compiled when that build compiled). `--compiled` measures this tree's
extractor compiled by mypyc (built into a temporary folder as
setup.py builds it at install) instead of the importable one, and REF's compiled too when REF
has the compiled build (pure Python before it); each figure says which it measured.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from newstui.nlp import canonical_key, get_extractor

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "tests" / "data" / "nlp"
SHARED_ENV = (
    "NEWSTUI_SHARED"  # as tests/shared_material.py: where ../shared is when not beside ROOT
)
TYPES = ("PERSON", "ORG", "PLACE", "GROUP")
OLD_TYPE_NAMES = {"NORP": "GROUP"}  # what backends before rules-4 called groups


# a paragraph break inside a quotation and the mark reopening it on the next paragraph
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*[“\"‘'«„‹]?\s*")
SCORINGS = {
    False: "quotes scored per paragraph (a quote over several paragraphs is one piece a paragraph)",
    True: "quotes scored whole (--whole-quotes)",
}


def _quote_key(text: str) -> str:
    return " ".join(text.split()).rstrip(" ,.;:")


def paragraph_pieces(text: str) -> list[str]:
    """`text` of one quotation cut at its paragraph breaks, the reopening mark and the whitespace
    around each break dropped: one scored piece a paragraph (one piece for a one-paragraph quote)."""
    pieces = [piece for piece in _PARAGRAPH_BREAK.split(text.strip()) if piece.strip()]
    return pieces or [text]


def scored_quotes(
    quotes: list[tuple[str, str | None]], whole_quotes: bool = False
) -> dict[str, str | None]:
    """The scoring keys of an article's quotes (text, speaker) with each one's speaker key: one
    key a paragraph of each quote, or one a quote with `whole_quotes`."""
    scored: dict[str, str | None] = {}
    for text, speaker in quotes:
        for piece in [text] if whole_quotes else paragraph_pieces(text):
            scored[_quote_key(piece)] = _speaker_key(speaker)
    return scored


def _speaker_key(name: str | None) -> str | None:
    return canonical_key(name, "SPEAKER") if name else None


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def shared_root() -> Path:
    """The ../shared folder: NEWSTUI_SHARED, else the folder beside the checkout."""
    env = os.environ.get(SHARED_ENV)
    return Path(env).expanduser() if env else ROOT.parent / "shared"


def shared_text(article: dict, path: Path, shared: Path) -> str:
    """The text that `article` (read from `path`) names by `text_from` in the shared folder, after
    checking it is the text that was annotated (sha256); one clear line when it cannot be had."""
    ref = article["text_from"]
    source = shared / ref["shared"] / ref["file"]
    if not source.is_file():
        raise SystemExit(
            f"{path}: needs ../shared/{ref['shared']} (no {ref['file']} in {shared / ref['shared']}; "
            f"set {SHARED_ENV} to the shared folder)"
        )
    value = json.loads(source.read_text(encoding="utf-8"))
    for key in ref["field"]:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str):
        raise SystemExit(f"{path}: {source} has no text at {'.'.join(ref['field'])}")
    if hashlib.sha256(value.encode("utf-8")).hexdigest() != ref["sha256"]:
        raise SystemExit(f"{path}: the text in {source} is not the annotated one (sha256 differs)")
    return value


def load_articles(data: Path, shared: Path | None = None) -> list[dict]:
    """The annotated articles of one folder, each with its file name under "file" and its `text`
    (from ../shared, or `shared`, for a set that names it by `text_from`); a quote given by
    `start`/`end` offsets gets its `text` from them."""
    paths = sorted(data.glob("*.json"))
    if not paths:
        raise SystemExit(f"{data}: no annotated *.json articles")
    articles = []
    for path in paths:
        article = json.loads(path.read_text(encoding="utf-8")) | {"file": path.name}
        if "text" not in article:
            article["text"] = shared_text(article, path, shared or shared_root())
        text = article["text"]
        article["quotes"] = [
            q if "text" in q else q | {"text": text[q["start"] : q["end"]]}
            for q in article["quotes"]
        ]
        articles.append(article)
    return articles


def evaluate(
    data: Path, backend: str, verbose: bool, whole_quotes: bool = False
) -> tuple[list[str], Counter[str]]:
    """Print the accuracy figures for every article under `data`; return the texts and the counts
    (`report` reads them; several folders' counts add up to one pooled report). Quotes are scored
    a paragraph a piece, or whole with `whole_quotes`."""
    extractor = get_extractor(backend)
    articles = load_articles(data)
    scored = tuple(
        t
        for t in TYPES
        if t != "GROUP" or any(e["type"] == "GROUP" for a in articles for e in a["entities"])
    )
    counts: Counter[str] = Counter()
    for kind in scored:
        counts[f"{kind}_scored"] += 1
    for art in articles:
        analysis = extractor.analyse(art["text"])
        gold_q = scored_quotes([(q["text"], q["speaker"]) for q in art["quotes"]], whole_quotes)
        pred_q = scored_quotes([(q.text, q.speaker) for q in analysis.quotes], whole_quotes)
        counts["q_gold"] += len(gold_q)
        counts["q_pred"] += len(pred_q)
        for text, speaker in pred_q.items():
            if text in gold_q:
                counts["q_tp"] += 1
                counts["s_agree"] += gold_q[text] == speaker
            elif verbose:
                print(f"  {art['file']}: extra quote {text[:60]!r} ({speaker})")
            counts["s_pred"] += speaker is not None
            counts["s_tp"] += speaker is not None and gold_q.get(text) == speaker
        counts["s_gold"] += sum(s is not None for s in gold_q.values())
        if verbose:
            for text, speaker in gold_q.items():
                if text not in pred_q:
                    print(f"  {art['file']}: missed quote {text[:60]!r} ({speaker})")
                elif pred_q[text] != speaker:
                    print(
                        f"  {art['file']}: speaker {pred_q[text]!r} for {text[:40]!r}, gold {speaker!r}"
                    )
        gold_e = {(canonical_key(e["name"], e["type"]), e["type"]) for e in art["entities"]}
        pred_e = set()
        for e in analysis.entities:
            kind = OLD_TYPE_NAMES.get(e.type, e.type)
            if kind in scored:
                pred_e.add((canonical_key(e.name, kind), kind))
        for kind in scored:
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

    counts["articles"] += len(articles)
    counts["words"] += sum(len(a["text"].split()) for a in articles)
    print(f"backend {extractor.name} {extractor.version} on {report_scope(counts)} in {data}")
    print(SCORINGS[whole_quotes])
    report(counts)
    return [a["text"] for a in articles], counts


def report_scope(counts: Counter[str]) -> str:
    return f"{counts['articles']} articles ({counts['words']:,} words)"


def report(counts: Counter[str]) -> None:
    """Print the figures of `counts`: one folder's, or several folders' added up (a type is scored
    over the folders that annotate it: GROUP only where a set has it)."""
    scored = tuple(t for t in TYPES if counts[f"{t}_scored"])
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
    tot: Counter[str] = Counter()
    three: Counter[str] = Counter()
    for kind in scored:
        tp, n_pred, n_gold = counts[f"{kind}_tp"], counts[f"{kind}_pred"], counts[f"{kind}_gold"]
        tot.update(tp=tp, pred=n_pred, gold=n_gold)
        if kind != "GROUP":
            three.update(tp=tp, pred=n_pred, gold=n_gold)
        p, r, f = _prf(tp, n_pred, n_gold)
        print(
            f"entities {kind:<8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp} tp, {n_pred} pred, {n_gold} gold)"
        )
    if "GROUP" not in scored:
        print("entities GROUP    not annotated in this set")
    else:
        p, r, f = _prf(three["tp"], three["pred"], three["gold"])
        print(f"entities PER/ORG/PLACE  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = _prf(tot["tp"], tot["pred"], tot["gold"])
    print(f"entities overall  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def words_per_second(texts: list[str], backend: str, seconds: float) -> float:
    """Words analysed per second of this process's CPU time by `backend` over `texts`,
    repeated for about `seconds` of CPU time.

    CPU time, not wall time: on a shared, loaded machine the process waits for a core, and
    the wall clock would count the waiting; on a quiet core the two are the same.
    """
    extractor = get_extractor(backend)
    for text in texts:  # warm the caches and word lists
        extractor.analyse(text)
    words = sum(len(t.split()) for t in texts)
    rounds, started = 0, time.process_time()
    while time.process_time() - started < seconds:
        for text in texts:
            extractor.analyse(text)
        rounds += 1
    return words * rounds / (time.process_time() - started)


def _old_source(ref: str, into: Path) -> Path:
    """The package `src/` of git revision `ref`, unpacked into `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "src/newstui"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def compiled_source(into: Path, root: Path = ROOT) -> Path:
    """The package of the tree at `root` (this one) with the extractor compiled by mypyc as
    setup.py does at install, built into `into` (about a minute); the folder to put on sys.path."""
    lib, temp = into / "lib", into / "temp"
    subprocess.run(
        [
            sys.executable,
            "setup.py",
            "-q",
            "build",
            "--build-lib",
            str(lib),
            "--build-temp",
            str(temp),
        ],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return lib


def compiled_revision(ref: str, into: Path) -> Path | None:
    """The package of git revision `ref` compiled by mypyc with its own setup.py (as installed),
    built into `into`; the folder to put on sys.path. None when `ref` has no compiled build."""
    tree = into / "tree"
    tree.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    if not (tree / "setup.py").exists():
        return None
    return compiled_source(into / "build", root=tree)


def _measure_in_child(
    src: Path | None, texts_file: Path, backend: str, seconds: float
) -> tuple[float, str]:
    """Words/s measured in a fresh interpreter importing newstui from `src` (None: the importable
    one), and which extractor that was ("compiled" or "pure Python")."""
    code = (
        "import sys, json\n"
        + (f"sys.path.insert(0, {str(src)!r})\n" if src else "")
        + "sys.path.insert(0, {bench!r})\n".format(bench=str(ROOT / "bench"))
        + "from nlp_eval import words_per_second\n"
        + "try:\n    from newstui import nlp_build\n"
        + "except ImportError:  # a revision from before the compiled build\n"
        + "    def nlp_build(): return 'pure Python'\n"
        + f"texts = json.load(open({str(texts_file)!r}, encoding='utf-8'))\n"
        + f"print(words_per_second(texts, {backend!r}, {seconds!r}), nlp_build())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    wps, build = out.stdout.strip().splitlines()[-1].split(" ", 1)
    return float(wps), build


def compare_speed(
    texts: list[str],
    backend: str,
    ref: str,
    rounds: int,
    seconds: float,
    compiled: bool,
    lib: Path | None = None,
) -> None:
    """Alternate old (git `ref`, or the built package folder `lib`) and new runs on the same
    texts; print medians and the ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        # compiled: both sides as installed (REF pure when it predates the compiled build)
        old_src = lib or (compiled_revision(ref, tmp_path / "old") if compiled else None)
        old_src = old_src or _old_source(ref, tmp_path)
        new_src = compiled_source(tmp_path / "compiled") if compiled else None
        texts_file = tmp_path / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        old, new = [], []
        for _ in range(rounds):
            old_wps, old_build = _measure_in_child(old_src, texts_file, backend, seconds)
            new_wps, new_build = _measure_in_child(new_src, texts_file, backend, seconds)
            old.append(old_wps)
            new.append(new_wps)
    ratios = [n / o for n, o in zip(new, old, strict=True)]
    print(
        f"throughput {ref} ({old_build}): {statistics.median(old):,.0f} words/s, this tree "
        f"({new_build}): {statistics.median(new):,.0f} words/s, ratio "
        f"{statistics.median(ratios):.2f} (median of {rounds} alternating runs of {seconds:.0f} "
        "CPU s, one core each)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data",
        type=Path,
        nargs="+",
        default=[DEFAULT_DATA],
        help="folders of annotated *.json articles",
    )
    parser.add_argument("--backend", default="rules", help="extractor name")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument(
        "--against",
        metavar="REF",
        help="also measure the extractor at git revision REF, side by side",
    )
    parser.add_argument(
        "--against-lib",
        type=Path,
        metavar="DIR",
        help="also measure the package built in DIR (`setup.py build --build-lib DIR`), side by side",
    )
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs for --against")
    parser.add_argument("--no-speed", action="store_true", help="accuracy only")
    parser.add_argument(
        "--whole-quotes",
        action="store_true",
        help="score a quote over several paragraphs whole, not one piece a paragraph (before round 55)",
    )
    parser.add_argument(
        "--compiled",
        action="store_true",
        help="measure this tree's extractor compiled by mypyc (as installed), not the importable one",
    )
    args = parser.parse_args()
    texts: list[str] = []
    pooled: Counter[str] = Counter()
    for data in args.data:
        folder_texts, counts = evaluate(data, args.backend, args.verbose, args.whole_quotes)
        texts += folder_texts
        pooled.update(counts)
        print()
    if len(args.data) > 1:
        print(f"== all {len(args.data)} folders together: {report_scope(pooled)}")
        print(SCORINGS[args.whole_quotes])
        report(pooled)
        print()
    if args.no_speed:
        return
    if args.against or args.against_lib:
        ref = args.against or str(args.against_lib)
        compare_speed(texts, args.backend, ref, args.rounds, 2.0, args.compiled, args.against_lib)
        return
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        src = compiled_source(Path(tmp)) if args.compiled else None
        wps, build = _measure_in_child(src, texts_file, args.backend, 2.0)
    print(f"throughput ({build}) {wps:,.0f} words per CPU second over {words:,} words, one core")


if __name__ == "__main__":
    main()
