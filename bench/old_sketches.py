"""A `newstui fetch` that forgets old story sketches (articles first seen over 14 days ago, up to
2,000 a fetch in transactions of 500): its wall time, with no other process on the store (r31: it
paused 0.12 s between two transactions even then).

    python bench/old_sketches.py [--feeds 20] [--items 100] [--runs 3] [--src DIR ...]

Serves bench/ingest.py's generated feeds on 127.0.0.1, fetches them once, makes every article
first seen 15 days ago, then times `newstui fetch` (nothing new: only the forgetting is left) on a
fresh copy of that store, `--runs` times for each `--src` (a folder put first on PYTHONPATH, to
compare two versions; none: the installed one). Prints; never part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def sketches(db: Path) -> int:
    """How many articles still have a story sketch."""
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(sketch) FROM stories").fetchone()[0])
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--src", action="append", default=[], help="a src folder to time")
    args = parser.parse_args()

    from ingest import serve, write_corpus

    tmp = Path(tempfile.mkdtemp(prefix="newstui-old-sketches-"))
    try:
        corpus = tmp / "corpus"
        count = write_corpus(corpus, args.feeds, args.items)
        httpd, base = serve(corpus)
        config = tmp / "feeds.toml"
        lines = ["[settings]", "fulltext = false", "timeout = 60"]
        for f in range(args.feeds):
            lines += ["[[feeds]]", f'name = "Bench {f}"', f'url = "{base}/feed{f}.xml"']
        config.write_text("\n".join(lines) + "\n")
        built = tmp / "built.db"
        command = [sys.executable, "-m", "newstui", "--config", str(config)]
        subprocess.run([*command, "--db", str(built), "fetch"], check=True, capture_output=True)
        conn = sqlite3.connect(built)
        with conn:
            conn.execute(
                "UPDATE articles SET first_seen = strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', "
                "'-15 days')"
            )
        conn.close()
        print(f"{count:,} articles fetched, first seen 15 days ago; {sketches(built):,} sketched")
        for src in args.src or [""]:
            env = dict(os.environ)
            if src:
                env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
            times = []
            for _ in range(args.runs):
                db = tmp / "run.db"
                for leftover in tmp.glob("run.db*"):
                    leftover.unlink()
                shutil.copy(built, db)
                started = time.perf_counter()
                subprocess.run(
                    [*command, "--db", str(db), "fetch"], check=True, capture_output=True, env=env
                )
                times.append(time.perf_counter() - started)
                left = sketches(db)
            shown = ", ".join(f"{t:.2f}" for t in times)
            print(
                f"{src or 'installed'}: newstui fetch {shown} s (median "
                f"{statistics.median(times):.2f} s, best {min(times):.2f} s); {left:,} sketches left"
            )
        httpd.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
