"""How soon the app's background story finding stops when the app quits (r30: it could not be
stopped partway, and quitting waited for up to 5,000 articles' joins: minutes on templated feeds).

    python bench/story_quit.py [--articles 6000] [--quit-after 3]

Builds a store of templated articles (bench/story_lock.py's), marks them analysed and forgets
their stories, then runs pending_analysis.analyse_pending as the app's analysis worker does (with
its cancel event) and sets the event after --quit-after seconds. Prints how long the call took
after it; never part of the test suite.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=6_000)
    parser.add_argument("--quit-after", type=float, default=3.0)
    args = parser.parse_args()

    from story_lock import build

    from newstui.ingest.pending_analysis import analyse_pending
    from newstui.library import Library
    from newstui.nlp.extractor import extractor_version

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "quit.db"
        build(path, args.articles)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("DELETE FROM stories")
            conn.execute("DELETE FROM story_bands")
            conn.execute("UPDATE articles SET nlp_version = ?", [extractor_version("rules")])
        conn.close()
        cancel = threading.Event()
        with Library.open(path, threads=True) as library:
            started = time.perf_counter()
            worker = threading.Thread(
                target=analyse_pending, args=(library, "rules"), kwargs={"cancel": cancel}
            )
            worker.start()
            worker.join(args.quit_after)
            quit_at = time.perf_counter()
            cancel.set()
            worker.join()
            ended = time.perf_counter()
        conn = sqlite3.connect(path)
        sketched = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
        conn.close()
    print(
        f"{args.articles:,} articles; quit after {quit_at - started:.1f} s; the story finding "
        f"ended {ended - quit_at:.2f} s after the quit ({sketched:,} articles sketched)"
    )


if __name__ == "__main__":
    main()
