"""Full-text extraction on the labelled third-party pages in ../shared/extraction-dev.

The pages are never copied into the repository, so this test needs ../shared: it skips in a plain
clone and must run in CI. Scoring is the benchmark's own (bench/extract_eval.py).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from newstui.text import strip_controls

REPO = Path(__file__).resolve().parents[1]


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extract_eval", REPO / "bench" / "extract_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_eval", module)
    spec.loader.exec_module(module)
    return module


def test_extraction_of_the_labelled_pages_keeps_its_measured_quality(
    shared_path: Callable[[str], Path],
) -> None:
    bench = _benchmark()
    pages = bench.load_pages(shared_path("extraction-dev"))
    assert len(pages) >= 50
    results = bench.run_newstui([(page.html, page.url) for page in pages])
    assert all(result["text"] for result in results), "every page gives some text"
    assert all(strip_controls(result["text"]) == result["text"] for result in results)
    counts = [bench.match_counts(p.truth, r["text"]) for p, r in zip(pages, results, strict=True)]
    # Measured 0.97 (precision 0.97, recall 0.98) when this test was written.
    assert bench.score(counts).f1 >= 0.93
