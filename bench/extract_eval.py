"""Score newstui's article extraction against a labelled page set (shingle F1), next to trafilatura.

Usage: python bench/extract_eval.py [--data DIR] [--explore] [--per-page] [--show ID]
The pages are third-party: this script only reads them, they are never copied into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import re
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

DEFAULT_DATA = REPO.parent / "shared" / "extraction-dev"
_TOKEN = re.compile(r"\w+", re.UNICODE)
TRAFILATURA_BEST = {
    "include_comments": False,
    "include_links": True,
    "include_formatting": True,
    "include_images": True,
    "with_metadata": True,
    "favor_recall": True,
}
# In txt output with_metadata prepends a YAML header, which is not article text: left out of the baseline.
BASELINE_SAME = {k: v for k, v in TRAFILATURA_BEST.items() if k != "with_metadata"}


@dataclass(frozen=True)
class Page:
    """One labelled page: its HTML, URL and reference main content."""

    id: str
    url: str
    html: bytes
    truth: str
    title: str
    author: str
    date: str


@dataclass(frozen=True)
class Score:
    """Averaged precision and recall over pages, and the F1 of the two averages."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of the averaged precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_pages(data: Path) -> list[Page]:
    """The pages listed in selected_ids.txt with their ground truth."""
    pages = []
    for page_id in (data / "selected_ids.txt").read_text().split():
        record = json.loads((data / "ground-truth" / f"{page_id}.json").read_text())
        truth = record["ground_truth"]
        html = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(
            Page(
                id=page_id,
                url=record["url"],
                html=html,
                truth=truth.get("main_content") or "",
                title=truth.get("title") or "",
                author=truth.get("author") or "",
                date=truth.get("publish_date") or "",
            )
        )
    return pages


def shingles(text: str, n: int = 4) -> Counter[str]:
    """Counts of n-token shingles of \\w+ tokens (one shorter shingle for a text under n tokens)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        " ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens
    )


def match_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of shingles, so long pages weigh no more than short ones."""
    true_counts, pred_counts = shingles(truth), shingles(predicted)
    tp = fp = fn = 0
    for key in true_counts.keys() | pred_counts.keys():
        t, p = true_counts.get(key, 0), pred_counts.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score(counts: list[tuple[float, float, float]]) -> Score:
    """Precision averaged over pages with output, recall over pages with a reference (ScrapingHub rule)."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    return Score(
        precision=statistics.mean(precisions) if precisions else 0.0,
        recall=statistics.mean(recalls) if recalls else 0.0,
    )


def page_f1(truth: str, predicted: str) -> float:
    """F1 of one page, for the per-page listing."""
    tp, fp, fn = match_counts(truth, predicted)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# --- extractors under test (run in a fresh process each, so timing and peak memory are their own) ---


def run_newstui(pages: list[tuple[bytes, str]]) -> list[dict[str, Any]]:
    """newstui.fulltext.extract_page: text and metadata."""
    from newstui.fulltext import extract_page

    results = []
    for html, url in pages:
        page = extract_page(html, url)
        results.append(
            {"text": "", "title": "", "author": "", "date": ""}
            if page is None
            else {
                "text": page.text,
                "title": page.title,
                "author": page.author or "",
                "date": page.published.date().isoformat() if page.published else "",
            }
        )
    return results


def trafilatura_runner(**options: Any) -> Callable[[list[tuple[bytes, str]]], list[dict[str, Any]]]:
    """A runner for trafilatura.extract with the given options, plain text output."""
    return _TrafilaturaRunner(options)


class _TrafilaturaRunner:
    """Picklable trafilatura.extract call (txt output) with fixed options."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options

    def __call__(self, pages: list[tuple[bytes, str]]) -> list[dict[str, Any]]:
        import trafilatura

        results = []
        for html, url in pages:
            text = trafilatura.extract(html, url=url, output_format="txt", **self.options) or ""
            results.append({"text": text})
        return results


def run_newstui_options(
    options: dict[str, Any],
) -> Callable[[list[tuple[bytes, str]]], list[dict[str, Any]]]:
    """newstui's extract_page with trafilatura options overridden (for --explore)."""
    return _NewstuiVariant(options)


class _NewstuiVariant:
    """Picklable newstui extraction with overridden trafilatura options."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options

    def __call__(self, pages: list[tuple[bytes, str]]) -> list[dict[str, Any]]:
        from newstui.fulltext import page as page_module

        page_module.EXTRACTION_OPTIONS.update(self.options)
        return run_newstui(pages)


def _timed(
    runner: Callable[[list[tuple[bytes, str]]], list[dict[str, Any]]],
    pages: list[tuple[bytes, str]],
) -> Any:
    start = time.perf_counter()
    results = runner(pages)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results, elapsed, peak_mb


def run_isolated(
    runner: Callable[..., Any], pages: list[Page]
) -> tuple[list[dict[str, Any]], float, float]:
    """Run one extractor over all pages in a fresh process: results, seconds, peak RSS in MB."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        return executor.submit(_timed, runner, [(p.html, p.url) for p in pages]).result()


def settings(explore: bool) -> dict[str, Callable[..., Any]]:
    """The extractors to compare: ours and the trafilatura baseline, plus variants with --explore."""
    chosen: dict[str, Callable[..., Any]] = {
        "newstui extract_page": run_newstui,
        "trafilatura txt, same options": trafilatura_runner(**BASELINE_SAME),
        "trafilatura txt, plain recall": trafilatura_runner(
            include_comments=False, favor_recall=True
        ),
    }
    if explore:
        plain = {"include_comments": False}
        chosen |= {
            "trafilatura txt, plain": trafilatura_runner(**plain),
            "trafilatura txt, plain precision": trafilatura_runner(**plain, favor_precision=True),
            "trafilatura txt, same + metadata": trafilatura_runner(**TRAFILATURA_BEST),
            "newstui balanced": run_newstui_options({"favor_recall": False}),
            "newstui precision": run_newstui_options(
                {"favor_recall": False, "favor_precision": True}
            ),
            "newstui no tables": run_newstui_options({"include_tables": False}),
            "newstui no images": run_newstui_options({"include_images": False}),
            "newstui no formatting": run_newstui_options({"include_formatting": False}),
            "newstui no links": run_newstui_options({"include_links": False}),
            "newstui fast (no fallback)": run_newstui_options({"fast": True}),
        }
    return chosen


def _exact(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def main() -> None:
    """Score each setting and print one row per setting."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--explore", action="store_true", help="also score option variants")
    parser.add_argument("--per-page", action="store_true", help="per-page F1, ours vs the baseline")
    parser.add_argument("--show", help="print our text and the reference for one page id")
    args = parser.parse_args()

    pages = load_pages(args.data)
    if args.show:
        page = next(p for p in pages if p.id == args.show)
        ours = run_newstui([(page.html, page.url)])[0]["text"]
        print(f"=== ours ({page_f1(page.truth, ours):.3f})\n{ours}\n\n=== truth\n{page.truth}")
        return

    print(f"{len(pages)} pages from {args.data}")
    print(f"{'setting':34} {'F1':>6} {'P':>6} {'R':>6} {'empty':>5} {'pages/s':>8} {'peak MB':>8}")
    outputs: dict[str, list[dict[str, Any]]] = {}
    for name, runner in settings(args.explore).items():
        results, elapsed, peak_mb = run_isolated(runner, pages)
        outputs[name] = results
        result = score(
            [match_counts(p.truth, r["text"]) for p, r in zip(pages, results, strict=True)]
        )
        empty = sum(1 for r in results if not r["text"])
        print(
            f"{name:34} {result.f1:6.4f} {result.precision:6.4f} {result.recall:6.4f} {empty:5d}"
            f" {len(pages) / elapsed:8.1f} {peak_mb:8.0f}"
        )

    ours = outputs["newstui extract_page"]
    for field in ("title", "author", "date"):
        truth_count = sum(1 for p in pages if getattr(p, field))
        hits = sum(
            1
            for p, r in zip(pages, ours, strict=True)
            if getattr(p, field) and _exact(getattr(p, field), r[field])
        )
        wrong = sum(
            1
            for p, r in zip(pages, ours, strict=True)
            if r[field] and not _exact(getattr(p, field), r[field])
        )
        print(
            f"metadata {field:7} exact {hits}/{truth_count} labelled, {wrong} given but different"
        )

    if args.per_page:
        baseline = outputs["trafilatura txt, plain recall"]
        print(f"\n{'id':6} {'ours':>6} {'base':>6}  url")
        for page, mine, base in zip(pages, ours, baseline, strict=True):
            print(
                f"{page.id:6} {page_f1(page.truth, mine['text']):6.3f} {page_f1(page.truth, base['text']):6.3f}  {page.url[:70]}"
            )


if __name__ == "__main__":
    main()
