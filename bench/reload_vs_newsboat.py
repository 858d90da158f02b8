"""Reload of unchanged feeds, newstui vs newsboat side by side: `newstui fetch`, the app's `R`
(through Pilot) and `newsboat -x reload`.

    python bench/reload_vs_newsboat.py [--feeds 33] [--items 20] [--runs 5] [--backlog 5]
                                       [--only 304,200,app304,app200]

Serves `--feeds` RSS documents of `--items` entries (ingest_vs_newsboat.py's corpus) on
127.0.0.1 from memory, from a server whose listen queue holds `--backlog` connections (5:
Python's http.server, the r29 user test's server; most web servers keep 511). Each tool first
fetches them into its own store in a temporary folder (newsboat three times: it sends its
validators from its third reload on), then every row reloads them again, newstui and newsboat
alternately:
  304     every feed answers 304 to its validators (ETag / Last-Modified)
  200     the server ignores validators and sends every feed whole again, unchanged
  app304  the app's `R`, from the key press until its "Refreshed … sources: nothing new"
  app200  the same, the server sending every feed whole
The app rows start a fresh app per run (Textual's Pilot, 120×40, the first screen settled)
in a child process, as the user's app would be. Prints each run, medians and ratios
newstui/newsboat (wall and CPU seconds of the whole process tree). Never run by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROWS = ("304", "200", "app304", "app200")

# The app's R in a child process, as the user's app runs: argv DB CONFIG SETTLE_ROUNDS
# (full|empty: whether the store has headlines to wait for) WAIT_SECONDS; prints a JSON line.
# first_fetch_vs_newsboat.py runs it too.
APP_SCRIPT = r"""
import asyncio, json, sys, time
from pathlib import Path

from textual.notifications import Notify

from newstui.config import load_config
from newstui.tui.app import NewstuiApp


async def main(db, config_path, settle_rounds, empty_store, wait):
    app = NewstuiApp(db, load_config(Path(config_path)))
    said = []
    done = asyncio.Event()

    def hook(message):
        if isinstance(message, Notify) and message.notification.message.startswith("Refresh"):
            said.append((time.perf_counter(), message.notification.message))
            done.set()

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        # the first screen, its counts (none on an empty store) and its workers settled
        for _ in range(settle_rounds):
            await pilot.pause(0.02)
            if (empty_store or app.main.headlines.total) and not app.workers:
                break
        start = time.perf_counter()
        await pilot.press("R")
        await asyncio.wait_for(done.wait(), wait)
        seconds = said[0][0] - start
    print(json.dumps({"seconds": seconds, "said": said[0][1]}))


asyncio.run(main(*sys.argv[1:3], int(sys.argv[3]), sys.argv[4] == "empty", float(sys.argv[5])))
"""


def main() -> int:
    """Serve the feeds, fill each store once, measure the rows, print the table."""
    from ingest_vs_newsboat import Corpus, Run, Table, Tools, med, run, serve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=33)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backlog", type=int, default=5, help="the server's listen queue")
    parser.add_argument("--only", default=",".join(ROWS), help=f"comma list of {','.join(ROWS)}")
    args = parser.parse_args()
    only = set(args.only.split(","))
    if not shutil.which("newsboat"):
        sys.exit("newsboat is not installed (apt-get install newsboat)")
    nb_version = subprocess.run(["newsboat", "-v"], capture_output=True, text=True).stdout
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.node()}: "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; Python "
          f"{platform.python_version()}; {nb_version.splitlines()[0]}")  # fmt: skip
    corpus = Corpus()
    paths = corpus.add("r", args.feeds, args.items, seed=21)
    import ingest_vs_newsboat

    ingest_vs_newsboat._Server.request_queue_size = args.backlog
    httpd, base = serve(corpus)
    print(f"{args.feeds} feeds × {args.items} items on {base} (listen queue {args.backlog})")
    tmp = Path(tempfile.mkdtemp(prefix="newstui-reload-"))
    table = Table()
    try:
        t = Tools(tmp, base)
        nt = t.newstui_cmd("reload", paths)
        nb = t.newsboat_cmd("reload", paths)
        subprocess.run([sys.executable, "-m", "compileall", "-q", _package_folder()], check=True)
        floor = [run([sys.executable, "-c", "pass"], t.env) for _ in range(5)]
        print(f"  the floor under any newstui row: `python -c pass` "
              f"{med(floor):.3f} s, CPU {med(floor, 'cpu'):.3f} s (median of 5)")  # fmt: skip
        first = run([*nt, "fetch"], t.env)
        for _ in range(3):  # newsboat sends its validators from its third reload on
            run([*nb, "-x", "reload"], t.env)
        print(f"  stores filled (newstui's first fetch {first.seconds:.2f} s): "
              f"HTTP {dict(corpus.take_statuses())}")  # fmt: skip
        config = tmp / "reload.toml"
        for key, label, validators, app in (
            ("304", "reload, every feed answers 304", True, False),
            ("200", "reload, every feed sent whole again, unchanged", False, False),
            ("app304", "`R` in the app, every feed answers 304", True, True),
            ("app200", "`R` in the app, every feed sent whole, unchanged", False, True),
        ):
            if key not in only:
                continue
            corpus.validators = validators
            nts: list[Run] = []
            nbs: list[Run] = []
            for i in range(args.runs):
                corpus.take_statuses()
                if app:
                    mine = app_run(tmp / "reload.db", config, t.env)
                else:
                    mine = run([*nt, "fetch"], t.env)
                statuses = dict(sorted(corpus.take_statuses().items()))
                theirs = run([*nb, "-x", "reload"], t.env)
                theirs_statuses = dict(sorted(corpus.take_statuses().items()))
                nts.append(mine)
                nbs.append(theirs)
                print(f"  {key} run {i + 1}: newstui {mine.seconds:6.3f} s, CPU {mine.cpu:5.2f} s"
                      f" HTTP {statuses}; newsboat {theirs.seconds:6.3f} s, CPU "
                      f"{theirs.cpu:5.2f} s HTTP {theirs_statuses}", flush=True)  # fmt: skip
            table.add_runs(label, "", nts, nbs)
            if app:
                print("    (the app's figure is the key press to the notification; its CPU is "
                      "the whole app run's, start and quit included)")  # fmt: skip
            corpus.validators = True
    finally:
        httpd.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    table.print()
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


def _package_folder() -> str:
    import newstui

    return str(Path(newstui.__file__).parent)


def app_run(db: Path, config: Path, env: dict[str, str]) -> object:
    """One fresh app, first screen settled, `R` pressed: seconds until its notification."""
    import resource

    from ingest_vs_newsboat import Run

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    done = subprocess.run(
        [sys.executable, "-c", APP_SCRIPT, str(db), str(config), "100", "full", "120"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the app run failed: {done.stderr[-800:]}")
    said = json.loads(done.stdout.strip().splitlines()[-1])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if not said["said"].startswith("Refreshed"):
        print(f"    app said: {said['said']}")
    return Run(said["seconds"], 0.0, 0.0, usage.ru_utime + usage.ru_stime - cpu_before)


if __name__ == "__main__":
    raise SystemExit(main())
