"""Startup benchmark in a real terminal: newstui vs newsboat on the same large store.

    python bench/startup.py [--articles 100000] [--feeds 100] [--runs 5] [--presses 50] [--no-keys]

Fills both stores from the same generated feeds served on 127.0.0.1, then starts each app in a
detached 120×40 tmux session (private socket) and polls `tmux capture-pane` to time the first
screen, reads the app's resident memory once the screen is still, and times `j` key presses.
Prints the figures and a newstui/newsboat table. Needs tmux and newsboat; never run by the tests.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from newstui.nlp.extractor import EXTRACTORS

POLL = 0.01  # seconds between captures while waiting for the first screen
SCREENS = {  # what counts as content: a headline row / a feed row of the feed list
    "newstui": re.compile(r"Story \d+-\d+:"),
    "newsboat": re.compile(r"\(\d+/\d+\)\s+Bench \d+"),
    "cat": re.compile(""),  # the floor: tmux echoing a key through `cat`, no app work at all
}


def load_ingest() -> ModuleType:
    """bench/ingest.py as a module (bench/ is not a package), for write_corpus and serve."""
    path = Path(__file__).with_name("ingest.py")
    spec = importlib.util.spec_from_file_location("bench_ingest", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Tmux:
    """A private tmux server (its own socket, no user config), so the user's sessions are safe."""

    def __init__(self, socket: str) -> None:
        self.base = ["tmux", "-L", socket, "-f", "/dev/null"]
        self.socket = Path(os.environ.get("TMUX_TMPDIR", "/tmp"), f"tmux-{os.getuid()}", socket)

    def __call__(self, *args: str, check: bool = True) -> str:
        cmd = [*self.base, *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=check).stdout

    def capture(self, name: str, escapes: bool = False) -> str:
        return self("capture-pane", "-p", *(["-e"] if escapes else []), "-t", name, check=False)

    def wait(self, name: str, done: Callable[[str], bool], timeout: float, escapes: bool = False,
             interval: float = POLL) -> str:  # fmt: skip
        """Poll the pane until `done(screen)`; TimeoutError after `timeout` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            screen = self.capture(name, escapes)
            if done(screen):
                return screen
            time.sleep(interval)
        raise TimeoutError(f"{name}: screen not as expected after {timeout:.0f} s")

    def settle(self, name: str, quiet: float = 0.5, timeout: float = 30.0) -> float:
        """Wait until the pane has not changed for `quiet` s; returns when it last changed."""
        last, changed = self.capture(name, True), time.perf_counter()
        deadline = changed + timeout
        while time.perf_counter() - changed < quiet and time.perf_counter() < deadline:
            time.sleep(POLL)
            screen = self.capture(name, True)
            if screen != last:
                last, changed = screen, time.perf_counter()
        return changed

    def close(self, name: str) -> None:
        """Quit the app with its own key (so newsboat drops its lock), then kill the session."""
        for _ in range(3):
            if name not in self("list-sessions", "-F", "#{session_name}", check=False).split():
                return
            self("send-keys", "-t", name, "q", check=False)
            time.sleep(0.5)
        self("kill-session", "-t", name, check=False)


def rss_mib(pid: int) -> float:
    """Resident memory of a process from /proc, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def launch(
    tmux: Tmux, name: str, cmd: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40)
) -> tuple[float, int]:
    """Start `cmd` exec'd directly in a new session of `size` (columns, rows); returns (start
    time, the app's pid)."""
    line = "exec " + shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), *cmd])
    for attempt in range(5):
        start = time.perf_counter()
        try:
            tmux("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), line)
            break
        except subprocess.CalledProcessError as exc:
            # the server was still exiting after the last session closed (seen at load 15-20:
            # the new client reached the dying server); a moment later a new one starts
            if attempt == 4:
                raise
            print(f"  (tmux new-session failed: {exc.stderr.strip()!r}; again)", flush=True)
            time.sleep(0.5)
    pid = int(tmux("display", "-p", "-t", name, "#{pane_pid}").strip())
    comm = Path(f"/proc/{pid}/comm").read_text().strip()
    for _ in range(100):  # the shell and `env` exec the app a moment after tmux starts them
        if comm not in ("sh", "bash", "dash", "env"):
            break
        time.sleep(0.005)
        comm = Path(f"/proc/{pid}/comm").read_text().strip()
    if comm in ("sh", "bash", "dash", "env"):
        raise RuntimeError(f"pane pid {pid} is {comm}, not the app")
    return start, pid


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (its own, not its children's)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def startup(
    tmux: Tmux, app: str, cmd: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40)
) -> tuple[float, float, float, float]:
    """One fresh process (warm page cache): (first screen s, screen still s, RSS MiB once still,
    the app's CPU seconds at the first screen — the load inflates these far less than wall)."""
    start, pid = launch(tmux, app, cmd, env, size)
    try:
        tmux.wait(app, lambda s: bool(SCREENS[app].search(s)), timeout=120)
        first = time.perf_counter() - start
        cpu = cpu_seconds(pid)
        still = tmux.settle(app) - start
        return first, still, rss_mib(pid), cpu
    finally:
        tmux.close(app)


def cursor_row(screen: str, app: str = "newstui") -> int | None:
    """Which headline row (0: the first shown) carries the cursor in a capture with colours: the
    one row with a background colour no other headline row has (each row read between the
    list's borders, if any: the panes beside it have cursors of their own)."""
    backgrounds: list[set[str]] = []
    for line in screen.splitlines():
        found = SCREENS[app].search(line)
        if found:
            end = line.find("\u258f", found.end())
            row = line[line.rfind("\u2595", 0, found.start()) + 1 : None if end < 0 else end]
            backgrounds.append(
                set(re.findall(r"\x1b\[(?:[0-9;]*;)?(48;[25];[0-9;]+|4[0-7]|10[0-7])m", row))
            )
    odd = [
        i
        for i, colours in enumerate(backgrounds)
        if colours - set().union(*(b for j, b in enumerate(backgrounds) if j != i))
    ]
    return odd[0] if len(odd) == 1 and len(backgrounds) > 2 else None


def ready_for_keys(tmux: Tmux, cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """`j` sent the moment the app is launched: (s until the first screen, s until the cursor
    stands on the second headline, i.e. the app has read and answered the key). A frame drawn
    before the app reads keys counts in the first figure only."""
    start, _ = launch(tmux, "newstui", cmd, env)
    tmux("send-keys", "-t", "newstui", "j")
    first = None
    try:
        deadline = time.perf_counter() + 120
        while time.perf_counter() < deadline:
            screen = tmux.capture("newstui", True)
            now = time.perf_counter() - start
            if first is None and SCREENS["newstui"].search(screen):
                first = now
            if first is not None and cursor_row(screen) == 1:
                return first, now
            time.sleep(POLL)
        raise TimeoutError("newstui: the cursor never reached the second headline")
    finally:
        tmux.close("newstui")


def key_latency(tmux: Tmux, app: str, cmd: list[str], env: dict[str, str], presses: int,
                open_keys: tuple[str, ...]) -> tuple[list[float], int]:  # fmt: skip
    """Seconds from `send-keys j` to the first changed capture (with colours), per press."""
    launch(tmux, app, cmd, env)
    samples, missed = [], 0
    try:
        tmux.wait(app, lambda s: bool(SCREENS[app].search(s)), timeout=120)
        for key in open_keys:
            tmux.settle(app)
            tmux("send-keys", "-t", app, key)
        tmux.settle(app)
        for _ in range(presses):
            before = tmux.capture(app, True)
            t = time.perf_counter()
            tmux("send-keys", "-t", app, "j")
            try:
                tmux.wait(app, lambda s, b=before: s != b, timeout=3, escapes=True, interval=0.002)
                samples.append(time.perf_counter() - t)
            except TimeoutError:
                missed += 1
            tmux.settle(app, quiet=0.15)
    finally:
        tmux.close(app)
    return samples, missed


def store_mb(path: Path) -> float:
    """Size on disk of a database and its -wal/-shm/-journal companions, in MB."""
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def fill(cmd: list[str], env: dict[str, str]) -> float:
    """Run a fill command to completion (bounded); returns seconds."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, timeout=3600)
    return time.perf_counter() - start


class Stores:
    """A generated corpus served on 127.0.0.1 and the two apps' commands over it: newstui's
    store and config, newsboat's cache, urls and config (j/k move its cursor as newstui's do),
    each app with its own HOME/XDG folders under `tmp`. `fill_both` fetches it into both."""

    def __init__(self, tmp: Path, feeds: int, items: int, extractor: str | None) -> None:
        ingest = load_ingest()
        corpus = tmp / "corpus"
        count = ingest.write_corpus(corpus, feeds, items)
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        print(f"corpus: {feeds} feeds × {items:,} items = {count:,} articles, {size:.1f} MB")
        self.httpd, base = ingest.serve(corpus)
        self.env = {
            "XDG_CONFIG_HOME": str(tmp / "xdg/config"),
            "XDG_DATA_HOME": str(tmp / "xdg/data"),
        }
        # None: "none" if it exists (saves the fill's time), else the rules
        self.extractor = extractor or ("none" if "none" in EXTRACTORS else "rules")
        config = tmp / "feeds.toml"
        lines = [
            "[settings]",
            "fulltext = false",
            "timeout = 120",
            f'extractor = "{self.extractor}"',
        ]
        for f in range(feeds):
            lines += ["[[feeds]]", f'name = "Bench {f}"', f'url = "{base}/feed{f}.xml"']
        config.write_text("\n".join(lines) + "\n")
        self.n_db, self.nb_db = tmp / "newstui.db", tmp / "newsboat.db"
        self.nt_cmd = [
            sys.executable,
            "-m",
            "newstui",
            "--db",
            str(self.n_db),
            "--config",
            str(config),
        ]
        urls, nb_conf = tmp / "urls", tmp / "newsboat.conf"
        urls.write_text("".join(f"{base}/feed{f}.xml\n" for f in range(feeds)))
        # newsboat binds j to "next feed" in the article list; make it move the cursor like newstui.
        nb_conf.write_text("reload-threads 16\nbind-key j down\nbind-key k up\n")
        self.nb_cmd = ["newsboat", "-u", str(urls), "-c", str(self.nb_db), "-C", str(nb_conf)]
        self.nb_env = {**self.env, "HOME": str(tmp / "home")}
        for folder in (*self.env.values(), self.nb_env["HOME"]):
            Path(folder).mkdir(parents=True, exist_ok=True)

    def fill_both(self) -> list[tuple[str, float, float]]:
        """Fetch the corpus into both stores; the (label, newstui, newsboat) rows it measured."""
        nt_fill = fill([*self.nt_cmd, "fetch"], {**os.environ, **self.env})
        nb_fill = fill([*self.nb_cmd, "-x", "reload"], {**os.environ, **self.nb_env})
        rows = [("fill time (s)", nt_fill, nb_fill)]
        rows += [("store on disk (MB)", store_mb(self.n_db), store_mb(self.nb_db))]
        print(f"fill: newstui fetch (extractor={self.extractor}, fulltext off) {nt_fill:.1f} s, "
              f"{rows[-1][1]:.1f} MB; newsboat -x reload (16 threads) {nb_fill:.1f} s, "
              f"{rows[-1][2]:.1f} MB")  # fmt: skip
        return rows


def print_table(rows: list[tuple[str, float, float]]) -> None:
    """The (label, newstui, newsboat) rows as a table with their ratio."""
    print(f"\n{'metric':34} | {'newstui':>10} | {'newsboat':>10} | ratio")
    print(f"{'-' * 34}-+-{'-' * 10}-+-{'-' * 10}-+------")
    for label, nt_value, nb_value in rows:
        ratio = nt_value / nb_value if nb_value else float("nan")
        print(f"{label:34} | {nt_value:10,.1f} | {nb_value:10,.1f} | {ratio:5.2f}")
    print("ratio = newstui/newsboat; < 1 means newstui is faster/smaller")


def main() -> int:
    """Build both stores, measure both apps, print the figures and the ratio table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--no-keys", action="store_true", help="skip the key latency part")
    args = parser.parse_args()
    for tool in ("tmux", "newsboat"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")
    tmp = Path(tempfile.mkdtemp(prefix="newstui-startup-"))
    tmux = Tmux(f"newstui-bench-{os.getpid()}")
    httpd = None
    try:
        stores = Stores(tmp, args.feeds, args.articles // args.feeds, extractor=None)
        httpd = stores.httpd
        rows = stores.fill_both()
        nt_cmd, env, nb_cmd, nb_env = stores.nt_cmd, stores.env, stores.nb_cmd, stores.nb_env

        results: dict[str, list[tuple[float, float, float]]] = {"newstui": [], "newsboat": []}
        apps = {"newstui": (nt_cmd, env), "newsboat": (nb_cmd, nb_env)}
        for run in range(args.runs):
            for app, (cmd, app_env) in apps.items():  # alternate, so drift hits both alike
                first, still, rss, _ = startup(tmux, app, cmd, app_env)
                results[app].append((first, still, rss))
                print(f"run {run + 1} {app:8}: first screen {first * 1000:6.0f} ms, "
                      f"still at {still * 1000:6.0f} ms, RSS {rss:5.0f} MiB")  # fmt: skip
        for i, label in enumerate(("first screen", "screen still", "RSS once still")):
            unit, scale = ("MiB", 1) if i == 2 else ("ms", 1000)
            nt = [r[i] * scale for r in results["newstui"]]
            nb = [r[i] * scale for r in results["newsboat"]]
            rows.append((f"{label}, median ({unit})", statistics.median(nt), statistics.median(nb)))
            if i < 2:
                rows.append((f"{label}, min ({unit})", min(nt), min(nb)))

        if not args.no_keys:
            keys = {"newstui": (), "newsboat": ("Enter",), "cat": ()}
            medians = []
            for app, (cmd, app_env) in {**apps, "cat": (["cat"], env)}.items():
                samples, missed = key_latency(tmux, app, cmd, app_env, args.presses, keys[app])
                med = statistics.median(samples) * 1000 if samples else float("nan")
                print(f"keys {app:8}: {len(samples)} of {args.presses} 'j' presses changed the "
                      f"screen, median {med:.1f} ms, max "
                      f"{max(samples, default=float('nan')) * 1000:.1f} ms"
                      + (f" ({missed} no change in 3 s)" if missed else ""))  # fmt: skip
                medians.append(med)
            rows.append(("key j → screen, median (ms)", medians[0], medians[1]))
            print(f"key figures include tmux's send/capture cost: `cat` gets {medians[2]:.1f} ms")

        print_table(rows)
    finally:
        tmux("kill-server", check=False)
        tmux.socket.unlink(missing_ok=True)
        if httpd is not None:
            httpd.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
