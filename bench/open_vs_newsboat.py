"""Reading speed in a real terminal, newstui vs newsboat side by side on the same stores.

    python bench/open_vs_newsboat.py [--small 100] [--big 100000] [--runs 5] [--opens 8]
                                     [--size 80x24] [--extractor rules]

For each store (a SMALL one, ≈100 articles: a person's case, analysed by `--extractor`; and a
BIG one, 100,000 articles unanalysed, as bench/startup.py's; `--big 0` skips it) both apps are
started in a detached tmux session of `--size` (a private socket), alternately, `--runs` times,
and in each run timed from the key sent to the screen still (unchanged for 0.3 s) with what the
key should show on it, in wall time and in the app's CPU time (all its threads; the 0.3 s still
included: an app at rest uses next to none):

- first screen: launch to the first headline (newstui) / feed row (newsboat) drawn;
- Enter: on a headline to the article's text drawn (newsboat: in a feed's article list);
- q: from the article back to the headlines redrawn;
- `/`: the search box drawn; Enter on a typed word: its results listed (newsboat's `/` in the
  feed list searches every feed, as newstui's does).

Enter and q are pressed `--opens` times a run, one headline further each time (`j`); the first
open of a run is reported apart (it loads what the reader needs). Prints each median, the
machine's load average before and after, and a newstui/newsboat table. Needs tmux and newsboat;
never run by the tests. Shares bench/startup.py's tmux, launch and store helpers.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

QUIET = 0.3  # s the screen stays unchanged for a key's answer to count as drawn
WORD = "Nairobi"  # searched for: a place in the generated titles and bodies


def load_startup() -> ModuleType:
    """bench/startup.py as a module (bench/ is not a package): its tmux and store helpers."""
    path = Path(__file__).with_name("startup.py")
    spec = importlib.util.spec_from_file_location("bench_startup", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


startup = load_startup()
HEADLINE = re.compile(r"Story \d+-\d+:")


def headlines(screen: str) -> int:
    return len(HEADLINE.findall(screen))


def reading(screen: str) -> bool:
    """An article's text drawn, the list gone (its own title may show twice: newsboat's bar)."""
    return headlines(screen) <= 2 and bool(
        re.search(r"\b(government|officials|measures)\b", screen)
    )


def listing(screen: str) -> bool:
    return headlines(screen) >= 3


def results(screen: str) -> bool:
    return headlines(screen) >= 1 and WORD in screen


def search_box(screen: str) -> bool:
    return bool(re.search(r"Search|/", screen))


def answer(tmux: Any, name: str, pid: int, keys: list[str], shows: Callable[[str], bool],
           literal: bool = False) -> tuple[float, float]:  # fmt: skip
    """Seconds from sending `keys` to the screen's last change before it stays still for QUIET
    s, once it shows what `shows` asks (TimeoutError when it never does in 30 s); and the CPU
    seconds the app used from the key to the end of that still time (a busy machine inflates
    these far less than the wall time)."""
    before = tmux.capture(name, True)
    cpu = startup.cpu_seconds(pid)
    sent = time.perf_counter()
    tmux("send-keys", "-t", name, *(["-l"] if literal else []), *keys)
    tmux.wait(name, lambda s: s != before, timeout=30, escapes=True, interval=0.002)
    try:
        tmux.wait(name, shows, timeout=30, interval=0.002)
    except TimeoutError:
        raise TimeoutError(
            f"{name}: after {keys}: not the screen expected:\n{tmux.capture(name)}"
        ) from None
    last = tmux.settle(name, quiet=QUIET)
    return last - sent, startup.cpu_seconds(pid) - cpu


def one_run(tmux: Any, app: str, cmd: list[str], env: dict[str, str],
            size: tuple[int, int], opens: int) -> dict[str, list[float]]:  # fmt: skip
    """One fresh process: its figures by label (seconds)."""
    times: dict[str, list[float]] = {}
    start, pid = startup.launch(tmux, app, cmd, env, size)

    def timed(label: str, keys: list[str], shows: Callable[[str], bool]) -> None:
        wall, cpu = answer(tmux, app, pid, keys, shows)
        times.setdefault(label, []).append(wall)
        times.setdefault(f"{label}, CPU", []).append(cpu)

    try:
        tmux.wait(app, lambda s: bool(startup.SCREENS[app].search(s)), timeout=120)
        times["first screen"] = [time.perf_counter() - start]
        times["first screen, CPU"] = [startup.cpu_seconds(pid)]
        tmux.settle(app, quiet=1.0)
        if app == "newsboat":  # into the first feed's article list
            answer(tmux, app, pid, ["Enter"], listing)
        for i in range(opens):
            timed("Enter (first open)" if i == 0 else "Enter (open)", ["Enter"], reading)
            timed("q (back)", ["q"], listing)
            answer(tmux, app, pid, ["j"], listing)
        if app == "newsboat":  # back to the feed list: its search covers every feed
            answer(tmux, app, pid, ["q"], lambda s: bool(startup.SCREENS[app].search(s)))
        timed("/ (box)", ["/"], search_box)
        answer(tmux, app, pid, [WORD], lambda s: WORD in s, literal=True)
        timed("/ Enter (results)", ["Enter"], results)
    finally:
        tmux.close(app)
    return times


def measure(stores: Any, tmux: Any, runs: int, size: tuple[int, int], opens: int,
            what: str) -> list[tuple[str, float, float]]:  # fmt: skip
    """Both apps `runs` times, alternately; the table's rows (ms medians) for this store."""
    apps = {
        "newstui": (stores.nt_cmd, stores.env),
        "newsboat": (stores.nb_cmd, stores.nb_env),
    }
    found: dict[str, dict[str, list[float]]] = {"newstui": {}, "newsboat": {}}
    for run in range(runs):
        for app, (cmd, env) in apps.items():  # alternate, so drift hits both alike
            for label, values in one_run(tmux, app, cmd, env, size, opens).items():
                found[app].setdefault(label, []).extend(values)
            shown = ", ".join(
                f"{label} {statistics.median(v) * 1000:.0f}" for label, v in found[app].items()
            )
            print(f"{what} run {run + 1} {app:8} (ms, medians so far): {shown}", flush=True)
    return [
        (
            f"{what}: {label} (ms)",
            statistics.median(nt) * 1000,
            statistics.median(found["newsboat"][label]) * 1000,
        )
        for label, nt in found["newstui"].items()
    ]


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100, help="articles in the small store")
    parser.add_argument(
        "--big", type=int, default=100_000, help="articles in the big one (0: none)"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--opens", type=int, default=8, help="Enter/q pairs a run")
    parser.add_argument("--size", default="80x24", help="the terminal, COLUMNSxROWS")
    parser.add_argument("--extractor", default="rules", help="the small store's analysis")
    args = parser.parse_args()
    for tool in ("tmux", "newsboat"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")
    columns, rows_ = (int(n) for n in args.size.split("x"))
    size = (columns, rows_)
    print(f"load average at the start: {load()}; terminal {columns}×{rows_}; {sys.executable}")
    tmux = startup.Tmux(f"newstui-open-{os.getpid()}")
    table: list[tuple[str, float, float]] = []
    servers = []
    tmp = Path(tempfile.mkdtemp(prefix="newstui-open-"))
    try:
        stores_by_size = [("small", args.small, 10, args.extractor)]
        if args.big:
            stores_by_size.append(("big", args.big, 100, None))
        for what, articles, feeds, extractor in stores_by_size:
            stores = startup.Stores(tmp / what, feeds, max(1, articles // feeds), extractor)
            servers.append(stores.httpd)
            stores.fill_both()
            table += measure(stores, tmux, args.runs, size, args.opens, what)
        startup.print_table(table)
        print(f"load average at the end: {load()}")
    finally:
        tmux("kill-server", check=False)
        tmux.socket.unlink(missing_ok=True)
        for httpd in servers:
            httpd.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
