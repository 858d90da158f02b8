"""What the gaps a story join leaves between its writes (0.12 s after each 0.2 s, for another
process's write to get in) cost a command that has the store to itself (r30: a `newstui fetch`
with no app open now joins without them).

    python bench/story_gaps.py [--articles 1500]

Builds a store of templated articles (bench/story_lock.py's: thousands of candidate pairs) and
finds their stories twice from scratch: with the gaps, then without. Prints each time; never part
of the test suite.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_500)
    args = parser.parse_args()

    from story_lock import build

    import newstui.store.stories as stories
    from newstui.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "built.db"
        build(built, args.articles)
        runs: list[tuple[str, Callable[[], None] | None]] = [
            ("with the gaps", None),
            ("without", lambda: None),
        ]
        for label, pause in runs:
            path = Path(tmp) / "run.db"
            shutil.copy(built, path)
            conn = sqlite3.connect(path)
            with conn:
                conn.execute("DELETE FROM stories")
                conn.execute("DELETE FROM story_bands")
            conn.close()
            gaps: list[int] = []

            def counted(pause: Callable[[], None] | None = pause, gaps: list[int] = gaps) -> None:
                gaps.append(1)
                (pause or stories._let_others_write)()

            with Library.open(path) as library:
                started = time.perf_counter()
                library.find_stories(args.articles, counted)
                seconds = time.perf_counter() - started
            print(
                f"{args.articles:,} articles {label}: {seconds:.1f} s ({len(gaps)} writes after one)"
            )


if __name__ == "__main__":
    main()
