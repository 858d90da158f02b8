"""Benchmark `newstui opml import` of large subscription lists: is it linear in the feeds?

    python bench/opml_import.py [--sizes 2000,5000,20000] [--against REV] [--profile N]

Each size is an OPML file of that many feeds in 10 folders (titles, feed and site URLs on 500
hosts), imported by `newstui opml import` into a fresh config file and store, in its own
process (as a user runs it). Prints, per size, the wall and CPU seconds, the CPU per feed, and
the CPU per feed against the smallest size's (1.0: linear; 4.0 at 8 times the feeds: the cost
of a feed grows with their count). With --against REV, that git revision's src/newstui imports
the same files too, side by side. --profile N prints the N functions with the most time of
their own (cProfile) of this tree's import of the largest size. Prints figures only; never part
of the test suite (user closing r48: 20,000 feeds took 109 s, superlinear).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FOLDERS = 10
HOSTS = 500


def write_opml(path: Path, count: int) -> None:
    """An OPML file of `count` feeds in FOLDERS folders, each with a title and a web site."""
    lines = ['<?xml version="1.0"?>', '<opml version="2.0"><head><title>Big</title></head><body>']
    for folder in range(FOLDERS):
        lines.append(f'<outline text="Folder {folder}">')
        for n in range(folder, count, FOLDERS):
            host = f"https://host{n % HOSTS}.example"
            lines.append(
                f'<outline type="rss" text="Feed number {n}" xmlUrl="{host}/feed/{n}.xml" '
                f'htmlUrl="{host}/"/>'
            )
        lines.append("</outline>")
    lines.append("</body></opml>")
    path.write_text("\n".join(lines), "utf-8")


def tree_of(revision: str, into: Path) -> Path:
    """src/ of a git revision, written under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "src"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def import_once(
    src: Path, opml: Path, home: Path, profile: Path | None = None
) -> tuple[float, float]:
    """`newstui opml import OPML` by the tree `src` into a fresh config and store under `home`:
    its wall and CPU seconds (the child's user + system)."""
    home.mkdir(parents=True)
    env = dict(
        os.environ,
        PYTHONPATH=str(src),
        NEWSTUI_CONFIG=str(home / "feeds.toml"),
        NEWSTUI_DB=str(home / "newstui.db"),
    )
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "newstui", "opml", "import", str(opml)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,5000,20000", help="feeds per file, smallest first")
    parser.add_argument("--against", help="a git revision to compare with (e.g. main, HEAD~1)")
    parser.add_argument("--profile", type=int, default=0, help="top N functions of the largest")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="newstui-opml-bench-") as scratch_name:
        scratch = Path(scratch_name)
        trees = {"this tree": ROOT / "src"}
        if args.against:
            trees[args.against] = tree_of(args.against, scratch / "against")
        print(
            f"{'tree':<12} {'feeds':>7} {'wall s':>8} {'cpu s':>8} {'cpu ms/feed':>12} {'ratio':>6}"
        )
        for name, src in trees.items():
            first: float | None = None
            for size in sizes:
                opml = scratch / f"feeds-{size}.opml"
                if not opml.exists():
                    write_opml(opml, size)
                home = scratch / f"{name.replace(' ', '-').replace('/', '-')}-{size}"
                wall, cpu = import_once(src, opml, home)
                per_feed = cpu / size * 1000
                first = first or per_feed
                print(
                    f"{name:<12} {size:>7,} {wall:>8.1f} {cpu:>8.1f} {per_feed:>12.3f} "
                    f"{per_feed / first:>6.2f}",
                    flush=True,
                )
        if args.profile:
            import pstats

            largest = sizes[-1]
            stats_file = scratch / "import.prof"
            import_once(
                ROOT / "src", scratch / f"feeds-{largest}.opml", scratch / "profiled", stats_file
            )
            print(f"\nthis tree, {largest:,} feeds: the {args.profile} functions of most own time")
            pstats.Stats(str(stats_file)).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
