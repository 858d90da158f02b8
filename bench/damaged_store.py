"""Removing a feed that holds damaged articles from a large store: how long the write takes.

    python bench/damaged_store.py [--articles 100000] [--feeds 100] [--damaged 0,3,10]
                                  [--runs 1] [--baseline DIR]

Fills one store from a generated corpus served on 127.0.0.1 (bench/ingest.py's; analysis on,
full text off) with `--baseline` if given (its schema must be the older), else with this tree.
For each variant (this tree's src/, and the baseline: a built or unpacked package folder, put
first on PYTHONPATH) a copy is opened once (this tree's open upgrades it: timed, the one-time
cost of a schema change), then for each count k the stored texts of k articles of "Bench 0" get
bytes flipped in the file (a damaged disk) and `newstui remove "Bench 0"` is timed: one DELETE
of that feed's articles, with the write lock held throughout. The variants run alternately;
on a loaded machine read the ratios. Never run by the tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
FEED = "Bench 0"


def run(lib: str, db: Path, config: Path, *args: str) -> tuple[float, float]:
    """`newstui --db DB --config CONFIG ARGS` with `lib` first on PYTHONPATH: (wall s, CPU s)."""
    env = {**os.environ, "PYTHONPATH": lib}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "newstui", "--db", str(db), "--config", str(config), *args]
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, timeout=3600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def damage(db: Path, count: int) -> int:
    """Flip 8 bytes in the middle of the stored (packed) texts of `count` articles of FEED, in
    the file itself; returns how many were damaged."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    texts = conn.execute(
        "SELECT a.text FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.name = ? "
        "AND typeof(a.text) = 'blob' ORDER BY a.id LIMIT ?",
        [FEED, count],
    ).fetchall()
    conn.close()
    data = bytearray(db.read_bytes())
    for (packed,) in texts:
        at = data.index(packed) + len(packed) // 2
        data[at : at + 8] = bytes(b ^ 0x5A for b in data[at : at + 8])
    db.write_bytes(data)
    return len(texts)


def main() -> int:
    """Fill, then time the removals of each variant alternately and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--damaged", default="0,3,10", help="damaged articles, a count per row")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--baseline", type=Path, help="an older package folder, run alternately")
    args = parser.parse_args()
    counts = [int(k) for k in args.damaged.split(",")]
    variants = {"newstui": str(SRC)}
    if args.baseline is not None:
        variants["baseline"] = str(args.baseline.resolve())
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ingest.py's corpus
    import ingest

    tmp = Path(tempfile.mkdtemp(prefix="newstui-damaged-"))
    httpd = None
    try:
        items = args.articles // args.feeds
        ingest.write_corpus(tmp / "corpus", args.feeds, items)
        httpd, base = ingest.serve(tmp / "corpus")
        config = tmp / "feeds.toml"
        lines = ["[settings]", "fulltext = false", "timeout = 300"]
        for f in range(args.feeds):
            lines += ["[[feeds]]", f'name = "Bench {f}"', f'url = "{base}/feed{f}.xml"']
        config.write_text("\n".join(lines) + "\n")
        filled = tmp / "filled.db"
        filler = variants.get("baseline", variants["newstui"])
        wall, _ = run(filler, filled, config, "fetch")
        print(f"fill: {args.feeds} feeds × {items:,} items in {wall:.0f} s")
        httpd.shutdown()
        httpd = None
        opened = {}
        for name, lib in variants.items():  # each opens (and so upgrades) its own copy once
            opened[name] = tmp / f"{name}.db"
            shutil.copy(filled, opened[name])
            wall, cpu = run(lib, opened[name], config, "feeds")
            print(f"{name:8}: first open (an upgrade, if any) and `feeds`: {wall:.2f} s, "
                  f"CPU {cpu:.2f} s")  # fmt: skip
        results: dict[tuple[str, int], list[tuple[float, float]]] = {}
        for _ in range(args.runs):
            for k in counts:
                for name, lib in variants.items():  # alternately: drift hits both alike
                    db = tmp / "run.db"
                    shutil.copy(opened[name], db)
                    done = damage(db, k)
                    conf = tmp / "run.toml"
                    shutil.copy(config, conf)  # (remove takes the feed out of the file)
                    wall, cpu = run(lib, db, conf, "remove", FEED)
                    results.setdefault((name, k), []).append((wall, cpu))
                    print(f"{name:8}: remove {FEED} ({items:,} articles, {done} damaged): "
                          f"{wall:.2f} s, CPU {cpu:.2f} s")  # fmt: skip
                    for path in tmp.glob("run.db*"):
                        path.unlink()
        print(
            f"\n{'damaged':>7} | {'newstui wall / CPU':>20} | {'baseline wall / CPU':>20} | ratio"
        )
        for k in counts:
            row = []
            for name in ("newstui", "baseline"):
                got = results.get((name, k))
                row.append(
                    (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
                    if got
                    else None
                )
            cells = [f"{r[0]:9.2f} / {r[1]:8.2f}" if r else f"{'—':>20}" for r in row]
            ratio = f"{row[0][0] / row[1][0]:.3f}" if row[0] and row[1] else "—"
            print(f"{k:7} | {cells[0]:>20} | {cells[1]:>20} | {ratio}")
        print("ratio = newstui/baseline wall time (median); < 1 means faster")
    finally:
        if httpd is not None:
            httpd.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
