"""Ingest benchmark, newstui vs newsboat measured alternately in one run (issue 12's table).

    python bench/ingest_vs_newsboat.py [--quick] [--runs 3] [--only cold,304,...]

Generates a deterministic corpus (200 feeds × 50 items of RSS with 2–4 KB HTML bodies), serves it
on 127.0.0.1 from memory with ETag/Last-Modified (304 on a match) and optional latency, and runs
`newstui fetch` and `newsboat -x reload` (reload-threads 4) one after the other for every row:
cold fetch with analysis and with `extractor = "none"`, a cold fetch with analysis of 200 feeds of
which 10 are summary-only (`--only pages`: their 500 entries link to article pages served here,
read with `fulltext = "auto"`; newsboat reads the feeds alone), re-fetch where every feed answers 304 (with
and without 100 ms latency), a re-fetch of 200 podcasts whose every document gained an
episode (`--only episodes`: each document parsed again, its stored episodes compared), a
100,000-article fill (1000 × 100; `--quick`: 200 × 100), the store
size and peak memory after it, first screen at 1,000 articles, `--version` and `list --limit 1`,
and `j` latency in the app while `R` refreshes 200 cold feeds. Prints medians and ratios
newstui/newsboat. Needs newsboat and tmux; never run by the tests. Figures on a shared machine are
noisy: read the ratios, measured side by side, and the CPU seconds (user + system time of the
whole process tree), which the load inflates far less than wall time.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

WORDS = (
    "the government said on monday that officials would meet in the capital to discuss new "
    "measures for trade energy and security after talks with regional partners ended without "
    "agreement analysts expect markets to react as investors weigh the outlook for growth while "
    "ministers in several countries prepared budgets amid rising costs and a slowing economy"
).split()
PEOPLE = ["Ana Lopes", "Kwame Mensah", "Li Wei", "Maria Rossi", "John Carter", "Priya Nair"]
PLACES = ["Paris", "Nairobi", "Tokyo", "Brazil", "Canada", "Berlin", "Egypt", "Mumbai"]
ORGS = ["the United Nations", "Reuters", "the World Bank", "NATO", "Google", "the IMF"]
STAMP = "Mon, 02 Nov 2026 10:00:00 GMT"  # Last-Modified of every document


def html_body(rng: random.Random, f: int, i: int) -> str:
    """A 2–4 KB HTML article body: paragraphs with names, a quote, a link, some inline markup."""
    target = rng.randint(2048, 4096)
    parts: list[str] = []
    size = 0
    while size < target:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 50)))
        person, place, org = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(ORGS)
        quote = " ".join(rng.choice(WORDS) for _ in range(12)).capitalize()
        para = (
            f"<p>{words.capitalize()} in <b>{place}</b>, {org} reported. "
            f"“{quote},” {person} said, according to "
            f'<a href="/{f}/{i}/source{len(parts)}">a statement</a>.</p>'
        )
        parts.append(para)
        size += len(para)
    return "".join(parts)


def feed_document(rng: random.Random, f: int, items: int, episodes: bool = False) -> bytes:
    """One RSS 2.0 document of `items` entries (`episodes`: each with an audio enclosure)."""
    entries = []
    for i in range(items):
        audio = (
            f'<enclosure url="https://bench.example/{f}/{i}.mp3" type="audio/mpeg" '
            f'length="{rng.randint(10**6, 10**8)}"/>'
            if episodes
            else ""
        )
        entries.append(
            f"<item><title>Story {f}-{i}: {rng.choice(PLACES)} talks</title>{audio}"
            f"<link>https://bench.example/{f}/{i}</link><guid>b-{f}-{i}</guid>"
            f"<author>desk@bench.example ({rng.choice(PEOPLE)})</author>"
            f"<pubDate>Mon, {1 + i % 28:02d} Nov 2026 {i % 24:02d}:00:00 GMT</pubDate>"
            f"<description><![CDATA[{html_body(rng, f, i)}]]></description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench {f}</title><link>https://bench.example/{f}</link>"
        f"<description>Bench feed {f}</description>" + "".join(entries) + "</channel></rss>"
    ).encode()


@dataclass
class Corpus:
    """Documents served by path, with their validators; counts responses by status."""

    docs: dict[str, bytes] = field(default_factory=dict)
    latency: float = 0.0
    validators: bool = True  # False: every document is sent whole, whatever the client holds
    statuses: Counter[int] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(
        self, prefix: str, feeds: int, items: int, seed: int, episodes: bool = False
    ) -> list[str]:
        """Generate `feeds` documents under /prefix/; returns their paths."""
        rng = random.Random(seed)
        paths = []
        for f in range(feeds):
            path = f"/{prefix}/feed{f}.xml"
            self.docs[path] = feed_document(rng, f, items, episodes)
            paths.append(path)
        return paths

    def summary_only(self, paths: list[str], count: int, base: str, seed: int) -> None:
        """Make the first `count` of these documents summary-only: 50 entries each whose
        description is a teaser and whose link is an article page served here (/pages/…)."""
        rng = random.Random(seed)
        for f, path in enumerate(paths[:count]):
            entries = []
            for i in range(50):
                page = f"{path}.pages/{i}.html"
                self.docs[page] = (
                    f"<html><head><title>Story {f}-{i}</title></head><body><nav>Home | World"
                    f"</nav><article><h1>Story {f}-{i}</h1>{html_body(rng, f, i)}</article>"
                    "<footer>Bench News</footer></body></html>"
                ).encode()
                entries.append(
                    f"<item><title>Story {f}-{i}</title><link>{base}{page}</link>"
                    f"<guid>p-{f}-{i}</guid><pubDate>Mon, {1 + i % 28:02d} Nov 2026 "
                    f"{i % 24:02d}:00:00 GMT</pubDate><description>Officials met on Monday "
                    "to discuss new measures… Continue reading</description></item>"
                )
            self.docs[path] = (
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Teasers {f}</title><link>https://bench.example/t{f}</link>"
                f"<description>Summary-only feed {f}</description>"
                + "".join(entries)
                + "</channel></rss>"
            ).encode()

    def grown(self, paths: list[str]) -> dict[str, bytes]:
        """These documents each with one more episode on top (every other entry as it was)."""
        out = {}
        for path in paths:
            new = (
                f"<item><title>New episode of {path}</title><guid>new{path}</guid>"
                f'<enclosure url="https://bench.example{path}.new.mp3" type="audio/mpeg" '
                'length="1000"/><description>Notes of the new episode.</description></item>'
            ).encode()
            doc = self.docs[path]
            out[path] = doc.replace(b"</description><item>", b"</description>" + new + b"<item>", 1)
        return out

    def take_statuses(self) -> Counter[int]:
        with self.lock:
            out, self.statuses = self.statuses, Counter()
        return out


def make_handler(corpus: Corpus) -> type[BaseHTTPRequestHandler]:
    """A request handler serving `corpus` from memory."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if corpus.latency:
                time.sleep(corpus.latency)
            body = corpus.docs.get(self.path.split("?")[0])
            if body is None:
                status = 404
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
                fresh = corpus.validators and (
                    self.headers.get("If-None-Match") == etag
                    or (
                        self.headers.get("If-None-Match") is None
                        and self.headers.get("If-Modified-Since") == STAMP
                    )
                )
                status = 304 if fresh else 200
                self.send_response(status)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", STAMP)
                if fresh:
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    kind = "text/html" if self.path.endswith(".html") else "application/rss+xml"
                    self.send_header("Content-Type", f"{kind}; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            with corpus.lock:
                corpus.statuses[status] += 1

    return Handler


class _Server(ThreadingHTTPServer):
    # The listen backlog is set when the socket starts listening, in the constructor: setting it
    # on the instance afterwards (as this bench did) left Python's default of 5, so more than 5
    # connections opened at once lost SYNs and waited ~1 s for the retry.
    request_queue_size = 256
    daemon_threads = True
    resets = 0  # connections a client dropped mid-request (the app quitting during `R`)
    _resets_lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away mid-request is counted, not printed as a traceback (the
        keys row quits the app while its refresh is still fetching); other errors as usual."""
        if isinstance(sys.exc_info()[1], ConnectionError):  # reset, broken pipe, aborted
            with self._resets_lock:
                self.resets += 1
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def serve(corpus: Corpus) -> tuple[_Server, str]:
    """Serve the corpus on 127.0.0.1 (a thread per connection)."""
    httpd = _Server(("127.0.0.1", 0), make_handler(corpus))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def server_alone(base: str, paths: list[str], threads: int = 16) -> float:
    """Seconds for plain HTTP clients (16 threads) to download every document: the server's floor."""
    host, port = base.removeprefix("http://").split(":")

    def get(path: str) -> int:
        conn = HTTPConnection(host, int(port), timeout=60)
        conn.request("GET", path)
        n = len(conn.getresponse().read())
        conn.close()
        return n

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(get, paths))
    return time.perf_counter() - start


# Processes ---------------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass(frozen=True)
class Run:
    """One command's wall time, CPU time (user + system, with every process it waited for) and
    peak resident memory (its own, and with its children)."""

    seconds: float
    main_mib: float
    tree_mib: float
    cpu: float = 0.0


def run(cmd: list[str], env: dict[str, str], memory: bool = False, timeout: float = 7200) -> Run:
    """Run a command to completion; with `memory`, poll /proc for the peak RSS of it and its tree."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main = tree = 0
    if memory:
        while proc.poll() is None:
            kids = _children()
            own = _rss_kib(proc.pid)
            total, todo = own, list(kids.get(proc.pid, []))
            while todo:
                pid = todo.pop()
                total += _rss_kib(pid)
                todo.extend(kids.get(pid, []))
            main, tree = max(main, own), max(tree, total)
            time.sleep(0.05)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {err.decode()[-500:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Run(seconds, main / 1024, tree / 1024, usage.ru_utime + usage.ru_stime - cpu_before)


def store_mib(path: Path) -> float:
    """A database and its -wal/-shm companions on disk, in MiB."""
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20


class Tools:
    """How to run newstui and newsboat on a given store and list of feeds."""

    def __init__(self, tmp: Path, base: str) -> None:
        self.tmp, self.base = tmp, base
        script = Path(sys.executable).with_name("newstui")
        self.newstui = [str(script)] if script.exists() else [sys.executable, "-m", "newstui"]
        self.env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(tmp / "xdg/config"),
            "XDG_DATA_HOME": str(tmp / "xdg/data"),
            "XDG_STATE_HOME": str(tmp / "xdg/state"),
            "HOME": str(tmp / "home"),
        }
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "HOME"):
            Path(self.env[key]).mkdir(parents=True, exist_ok=True)
        self.nb_conf = tmp / "newsboat.conf"
        # j/k move the cursor like newstui's, for the key figures.
        self.nb_conf.write_text("reload-threads 4\nbind-key j down\nbind-key k up\n")

    def newstui_cmd(
        self, name: str, paths: list[str], extractor: str = "rules", fulltext: str = "false"
    ) -> list[str]:
        """`newstui --db name.db --config name.toml` for these feeds (`fulltext`: the
        setting as written in the file)."""
        config = self.tmp / f"{name}.toml"
        lines = ["[settings]", f"fulltext = {fulltext}", "timeout = 120"]
        lines.append(f'extractor = "{extractor}"')
        for p in paths:
            lines += ["[[feeds]]", f'name = "Bench {p}"', f'url = "{self.base}{p}"']
        config.write_text("\n".join(lines) + "\n")
        return [*self.newstui, "--db", str(self.tmp / f"{name}.db"), "--config", str(config)]

    def newsboat_cmd(self, name: str, paths: list[str]) -> list[str]:
        """`newsboat -u name.urls -c name.nb.db -C newsboat.conf` for these feeds."""
        urls = self.tmp / f"{name}.urls"
        urls.write_text("".join(f"{self.base}{p}\n" for p in paths))
        cache = self.tmp / f"{name}.nb.db"
        return ["newsboat", "-u", str(urls), "-c", str(cache), "-C", str(self.nb_conf)]

    def reset(self, name: str) -> None:
        """Remove both stores called `name`."""
        for p in self.tmp.glob(f"{name}.*db*"):
            p.unlink()


# The rows ----------------------------------------------------------------------------------


@dataclass
class Table:
    """Rows of (workload, newstui figure, newsboat figure or None, unit)."""

    rows: list[tuple[str, float, float | None, str]] = field(default_factory=list)

    def add(self, label: str, nt: float, nb: float | None, unit: str) -> None:
        self.rows.append((label, nt, nb, unit))
        ratio = f"ratio {nt / nb:.2f}" if nb else ""
        other = f", newsboat {nb:,.3f} {unit}" if nb is not None else ""
        print(f"  → {label}: newstui {nt:,.3f} {unit}{other} {ratio}", flush=True)

    def add_runs(self, row: str, suffix: str, nts: list[Run], nbs: list[Run]) -> None:
        """A row's median seconds and median CPU (whole tree), newstui beside newsboat; `suffix`
        names the newstui measured ('' for this checkout)."""
        self.add(row + suffix, med(nts), med(nbs), "s")
        self.add(
            f"{row}, CPU (user+sys, whole tree){suffix}", med(nts, "cpu"), med(nbs, "cpu"), "s"
        )

    def print(self) -> None:
        print("\n| workload | newstui | newsboat | ratio newstui/newsboat |\n|---|---|---|---|")
        for label, nt, nb, unit in self.rows:
            spec = ",.0f" if unit == "MiB" else ",.3g"

            def fmt(v: float, spec: str = spec, unit: str = unit) -> str:
                return f"{v:{spec}} {unit}"

            ratio = f"{nt / nb:.2f}" if nb else "—"
            print(f"| {label} | {fmt(nt)} | {fmt(nb) if nb is not None else '—'} | {ratio} |")


def alternate(
    runs: int,
    label: str,
    before_nt: Callable[[], None],
    nt: Callable[[], Run],
    before_nb: Callable[[], None],
    nb: Callable[[], Run],
    corpus: Corpus,
) -> tuple[list[Run], list[Run]]:
    """Run newstui and newsboat alternately `runs` times; print each run and its HTTP statuses."""
    nts, nbs = [], []
    for i in range(runs):
        for name, prepare, measure, out in (
            ("newstui", before_nt, nt, nts),
            ("newsboat", before_nb, nb, nbs),
        ):
            prepare()
            corpus.take_statuses()
            r = measure()
            statuses = dict(sorted(corpus.take_statuses().items()))
            out.append(r)
            print(
                f"  {label} run {i + 1} {name:8}: {r.seconds:7.2f} s, CPU {r.cpu:6.2f} s  "
                f"HTTP {statuses}",
                flush=True,
            )
    return nts, nbs


def med(runs: list[Run], attr: str = "seconds") -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def load_startup() -> ModuleType:
    """bench/startup.py as a module, for its tmux driver."""
    path = Path(__file__).with_name("startup.py")
    spec = importlib.util.spec_from_file_location("bench_startup", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROWS = ("cold", "none", "pages", "304", "latency", "episodes", "fill", "screen", "cli", "keys")
SUMMARY_ONLY = 10  # feeds of the pages row whose articles are read from their pages


def main() -> int:
    """Build the corpus, serve it, measure every row, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fill 20,000 instead of 100,000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(ROWS), help=f"comma list of {','.join(ROWS)}")
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="the src/ folder of another newstui checkout: measured alternately with this one "
        "in the fill, screen, cli and keys rows, and after it beside newsboat in the cold, none, "
        "304 and latency rows (same interpreter, PYTHONPATH), for before/after; each reads and "
        "writes its own stores, so a checkout older than this one's schema runs too",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the stores (printed folder) for inspection"
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    for tool in ("newsboat", "tmux"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (apt-get install {tool})")
    nb_version = subprocess.run(["newsboat", "-v"], capture_output=True, text=True).stdout
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.node()}: "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; Python "
          f"{platform.python_version()}; {nb_version.splitlines()[0]}")  # fmt: skip
    corpus = Corpus()
    main_paths = corpus.add("c", 200, 50, seed=12)
    fill_feeds = 200 if args.quick else 1000
    fill_paths = corpus.add("fill", fill_feeds, 100, seed=13) if "fill" in only else []
    small_paths = corpus.add("s", 20, 50, seed=14) if {"screen", "cli", "keys"} & only else []
    cold_paths = corpus.add("k", 200, 50, seed=15) if "keys" in only else []
    episode_paths = corpus.add("e", 200, 50, seed=16, episodes=True) if "episodes" in only else []
    page_paths = corpus.add("p", 200, 50, seed=17) if "pages" in only else []
    sizes = [len(corpus.docs[p]) for p in main_paths]
    print(f"corpus: 200 feeds × 50 items, {sum(sizes) / 2**20:.1f} MiB of RSS")
    httpd, base = serve(corpus)
    tmp = Path(tempfile.mkdtemp(prefix="newstui-i12-"))
    table = Table()
    try:
        alone = [server_alone(base, main_paths) for _ in range(3)]
        print(f"server alone: 200 documents to 16 plain clients in {statistics.median(alone):.2f} s"
              " (median of 3): the floor under every cold row")  # fmt: skip
        corpus.summary_only(page_paths, SUMMARY_ONLY, base, seed=18)
        corpus.take_statuses()
        t = Tools(tmp, base)
        # byte-compiled first, as an installed package is (PYTHONDONTWRITEBYTECODE may be set
        # here, and a source edited since its last compile would be compiled at every run)
        variants = newstui_variants(args.baseline)
        # each variant reads and writes its own stores, built by itself: an older checkout
        # refuses a store whose schema a newer one migrated
        nt_rules = {name: t.newstui_cmd(own("rules", name), main_paths) for name, _ in variants}
        nt_none = {
            name: t.newstui_cmd(own("none", name), main_paths, "none") for name, _ in variants
        }
        nt_pages = {
            name: t.newstui_cmd(own("pages", name), page_paths, fulltext='"auto"')
            for name, _ in variants
        }
        nb_main = t.newsboat_cmd("main", main_paths)
        nb_pages = t.newsboat_cmd("pages", page_paths)

        def nb_reload(cmd: list[str]) -> Callable[[], Run]:
            return lambda: run([*cmd, "-x", "reload"], t.env)

        nothing = lambda: None  # noqa: E731
        if "cold" not in only and ("304" in only or "latency" in only):
            # the re-fetch rows need full stores, not the cold figures: one cold fetch each
            for name, extra in variants:
                run([*nt_rules[name], "fetch"], {**t.env, **extra})
            run([*nb_main, "-x", "reload"], t.env)
            print(f"  (stores filled by one cold fetch each: HTTP {dict(corpus.take_statuses())})")
        for key, label, row, store, cmd, nb_store, nb_cmd in (
            ("cold", "cold, analysis on", "cold fetch, 10,000 articles, analysis on", "rules",
             nt_rules, "main", nb_main),
            ("none", "cold, extractor none", 'cold fetch, extractor = "none"', "none", nt_none,
             "main", nb_main),
            ("pages", "cold, 500 pages", f"cold fetch, analysis on, {SUMMARY_ONLY} feeds "
             f"summary-only ({SUMMARY_ONLY * 50} pages read, newsboat reads none)", "pages",
             nt_pages, "pages", nb_pages),
        ):  # fmt: skip
            if key not in only:
                continue
            for name, extra in variants:  # with --baseline, each beside newsboat in turn
                suffix = "" if name == "newstui" else f" ({name})"
                mine = own(store, name)
                nts, nbs = alternate(
                    args.runs,
                    label + suffix,
                    lambda mine=mine: t.reset(mine),
                    lambda cmd=cmd[name], extra=extra: run([*cmd, "fetch"], {**t.env, **extra}),
                    lambda nb_store=nb_store: t.reset(nb_store),
                    nb_reload(nb_cmd),
                    corpus,
                )
                table.add_runs(row, suffix, nts, nbs)
        if "304" in only or "latency" in only:
            # newsboat sends validators from its third reload on: two reloads first, then measure.
            print("  (newsboat: two reloads of a warm store first, so it sends its validators)")
            for _ in range(2):
                run([*nb_main, "-x", "reload"], t.env)
            for latency, label, row, key in (
                (0.0, "304", "re-fetch, every feed answers 304", "304"),
                (0.1, "304 + 100 ms", "re-fetch, all 304, 100 ms server latency", "latency"),
            ):
                if key not in only:
                    continue
                for name, extra in variants:  # with --baseline, each beside newsboat in turn
                    suffix = "" if name == "newstui" else f" ({name})"
                    corpus.latency = latency
                    nts, nbs = alternate(
                        args.runs,
                        label + suffix,
                        nothing,
                        lambda cmd=nt_rules[name], extra=extra: run(
                            [*cmd, "fetch"], {**t.env, **extra}
                        ),
                        nothing,
                        nb_reload(nb_main),
                        corpus,
                    )
                    corpus.latency = 0.0
                    table.add_runs(row, suffix, nts, nbs)
        if episode_paths:
            episode_rows(t, corpus, episode_paths, variants, args.runs, table)
        if "fill" in only:
            fill_rows(t, fill_paths, fill_feeds * 100, variants, table)
        if small_paths:
            nt_small = {
                name: t.newstui_cmd(own("small", name), small_paths) for name, _ in variants
            }
            nb_small = t.newsboat_cmd("small", small_paths)
            for name, extra in variants:
                run([*nt_small[name], "fetch"], {**t.env, **extra})
            run([*nb_small, "-x", "reload"], t.env)
        if "screen" in only:
            first_screen_rows(t, nt_small, nb_small, variants, max(args.runs, 5), table)
        if "cli" in only:
            cli_rows(t, nt_small, variants, max(args.runs, 7), table)
        if "keys" in only:
            for name, extra in variants:  # each from the same store, 200 feeds never fetched
                keys_during_refresh(t, small_paths + cold_paths, args.presses, table, name, extra)
    finally:
        httpd.shutdown()
        if httpd.resets:
            print(f"  (server: {httpd.resets} connections closed by their client mid-request)")
        if args.keep:
            print(f"stores kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    table.print()
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(the machine is shared: absolute figures are noisy, ratios were measured side by side)")  # fmt: skip
    return 0


Variant = tuple[str, dict[str, str]]  # a label and the environment that selects that newstui


def own(store: str, variant: str) -> str:
    """The name of a variant's own store: this checkout's is `store`, another's `store-name`."""
    return store if variant == "newstui" else f"{store}-{variant}"


def newstui_variants(baseline: Path | None) -> list[Variant]:
    """This checkout, and with --baseline another one (its src/ first on PYTHONPATH). Both are
    byte-compiled first, as an installed package is (PYTHONDONTWRITEBYTECODE may be set here)."""
    import newstui

    variants: list[Variant] = [("newstui", {})]
    folders = [Path(newstui.__file__).parent]
    if baseline is not None:
        variants.append(("baseline", {"PYTHONPATH": str(baseline.resolve())}))
        folders.append(baseline / "newstui")
    for folder in folders:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True)
    return variants


def episode_rows(
    t: Tools,
    corpus: Corpus,
    paths: list[str],
    variants: list[Variant],
    runs: int,
    table: Table,
) -> None:
    """Re-fetch of 200 podcasts × 50 episodes whose every document gained one episode (`extractor
    = "none"`): each document is parsed again and its 50 stored episodes compared, enclosures
    too. Each run starts from a cold fetch of the documents as first served (not measured)."""
    first = {p: corpus.docs[p] for p in paths}
    grown = corpus.grown(paths)
    nb_cmd = t.newsboat_cmd("episodes", paths)
    for name, extra in variants:  # with --baseline, each beside newsboat in turn
        suffix = "" if name == "newstui" else f" ({name})"
        store = own("episodes", name)
        cmd = t.newstui_cmd(store, paths, "none")

        def cold(
            fill: Callable[[], object], store: str = store, docs: dict[str, bytes] = first
        ) -> None:
            t.reset(store)
            corpus.docs.update(docs)
            fill()
            corpus.docs.update(grown)

        nts, nbs = alternate(
            runs,
            "episodes, grown" + suffix,
            lambda cmd=cmd, extra=extra, store=store: cold(
                lambda: run([*cmd, "fetch"], {**t.env, **extra}), store
            ),
            lambda cmd=cmd, extra=extra: run([*cmd, "fetch"], {**t.env, **extra}),
            lambda: cold(lambda: run([*nb_cmd, "-x", "reload"], t.env), "episodes"),
            lambda: run([*nb_cmd, "-x", "reload"], t.env),
            corpus,
        )
        table.add_runs(
            're-fetch, 200 podcasts each grown by one episode, extractor = "none"',
            suffix,
            nts,
            nbs,
        )
    corpus.docs.update(first)


def fill_rows(
    t: Tools, fill_paths: list[str], n: int, variants: list[Variant], table: Table
) -> None:
    """One fill of `n` articles by each newstui variant and by newsboat, one after the other:
    time, CPU, store size and peak memory."""
    nb_fill = t.newsboat_cmd("fill", fill_paths)
    fills: list[tuple[str, Run, Path]] = []
    for name, extra in variants:
        store = "fill" if name == "newstui" else f"fill-{name}"
        nt_fill = t.newstui_cmd(store, fill_paths)
        a = run([*nt_fill, "fetch"], {**t.env, **extra}, memory=True)
        print(f"  fill {name:8}: {a.seconds:.1f} s, CPU {a.cpu:.1f} s, "
              f"peak {a.main_mib:.0f}/{a.tree_mib:.0f} MiB")  # fmt: skip
        fills.append((name, a, t.tmp / f"{store}.db"))
    b = run([*nb_fill, "-x", "reload"], t.env, memory=True)
    print(f"  fill newsboat: {b.seconds:.1f} s, CPU {b.cpu:.1f} s, peak {b.main_mib:.0f} MiB")
    nb_size = store_mib(t.tmp / "fill.nb.db")
    for name, a, path in fills:
        who = "" if name == "newstui" else f" ({name})"
        table.add(f"fill {n:,} articles, analysis on{who}", a.seconds, b.seconds, "s")
        table.add(f"fill {n:,}, CPU (user+sys, whole tree){who}", a.cpu, b.cpu, "s")
        table.add(f"database on disk at {n:,}{who}", store_mib(path), nb_size, "MiB")
        table.add(f"peak memory filling {n:,}, main process{who}", a.main_mib, b.main_mib, "MiB")
        table.add(f"peak memory filling {n:,}, whole tree{who}", a.tree_mib, b.tree_mib, "MiB")


def first_screen_rows(
    t: Tools,
    nt_small: dict[str, list[str]],
    nb_small: list[str],
    variants: list[Variant],
    runs: int,
    table: Table,
) -> None:
    """First screen at 1,000 articles in tmux (and the app's CPU seconds until then), each
    newstui variant and newsboat alternately."""
    startup = load_startup()
    tmux = startup.Tmux(f"newstui-i12-{os.getpid()}")
    env = {k: t.env[k] for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")}
    nb_env = {**env, "HOME": t.env["HOME"]}
    firsts: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in variants}
    readies: dict[str, list[float]] = {name: [] for name, _ in variants}
    nb_first: list[float] = []
    try:
        for i in range(runs):
            for name, extra in variants:
                first, _, _, cpu = startup.startup(
                    tmux, "newstui", nt_small[name], {**env, **extra}
                )
                firsts[name].append((first, cpu))
                _, ready = startup.ready_for_keys(tmux, nt_small[name], {**env, **extra})
                readies[name].append(ready)
                print(f"  first screen run {i + 1} {name:8}: {first:.3f} s, CPU {cpu:.2f} s; "
                      f"a `j` sent at launch answered at {ready:.3f} s")  # fmt: skip
            nb_first.append(startup.startup(tmux, "newsboat", nb_small, nb_env)[0])
            print(f"  first screen run {i + 1} newsboat: {nb_first[-1]:.3f} s")
    finally:
        tmux("kill-server", check=False)
    for name, samples in firsts.items():
        suffix = "" if name == "newstui" else f" ({name})"
        table.add(f"first screen, 1,000 articles (tmux){suffix}",
                  statistics.median(s[0] for s in samples), statistics.median(nb_first), "s")  # fmt: skip
        table.add(f"first screen, CPU of the app until then{suffix}",
                  statistics.median(s[1] for s in samples), None, "s")  # fmt: skip
        # what a user can do: a frame painted before the app reads keys is not readiness
        table.add(f"first screen, app ready for keys (`j` at launch answered){suffix}",
                  statistics.median(readies[name]), None, "s")  # fmt: skip


def cli_rows(
    t: Tools, nt_small: dict[str, list[str]], variants: list[Variant], runs: int, table: Table
) -> None:
    """`--version` and `list --limit 1`: wall and CPU seconds, the variants alternately, each
    `list` on the variant's own store."""
    for label, argv in (("--version", ["--version"]), ("list --limit 1", ["list", "--limit", "1"])):  # fmt: skip
        results: dict[str, list[Run]] = {name: [] for name, _ in variants}
        for _ in range(runs):
            for name, extra in variants:
                cmd = [*nt_small[name], *argv] if argv[0] == "list" else [*t.newstui, *argv]
                results[name].append(run(cmd, {**t.env, **extra}))
        for name, runs_ in results.items():
            suffix = "" if name == "newstui" else f" ({name})"
            table.add(f"`newstui {label}`{suffix}", med(runs_), None, "s")
            table.add(f"`newstui {label}`, CPU{suffix}", med(runs_, "cpu"), None, "s")


def thread_cpu(pid: int, tid: int) -> float:
    """User + system CPU seconds one thread of a process has used (the main thread: tid = pid)."""
    fields = Path(f"/proc/{pid}/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def keys_during_refresh(
    t: Tools,
    paths: list[str],
    presses: int,
    table: Table,
    variant: str = "newstui",
    extra_env: dict[str, str] | None = None,
) -> None:
    """`j` latency in the app, idle and while `R` refreshes 200 cold feeds beside 1,000 articles."""
    startup = load_startup()
    tmux = startup.Tmux(f"newstui-i12k-{os.getpid()}")
    name = f"keys-{variant}"
    small = own("small", variant)  # the variant's own store of 20 feeds (it built it)
    for part in ("", "-wal"):  # the stored 20 feeds; the 200 others were never fetched
        if (t.tmp / f"{small}.db{part}").exists():
            shutil.copy(t.tmp / f"{small}.db{part}", t.tmp / f"{name}.db{part}")
    cmd = t.newstui_cmd(name, paths)
    env = {k: t.env[k] for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")}
    env.update(extra_env or {})
    app = "newstui"

    def press_j(n: int) -> list[float]:
        samples = []
        for _ in range(n):
            before = tmux.capture(app, True)
            start = time.perf_counter()
            tmux("send-keys", "-t", app, "j")
            try:
                tmux.wait(app, lambda s, b=before: s != b, timeout=5, escapes=True, interval=0.002)
                samples.append(time.perf_counter() - start)
            except TimeoutError:
                samples.append(5.0)
            time.sleep(0.05)
        return samples

    try:
        _, pid = startup.launch(tmux, app, cmd, env)
        tmux.wait(app, lambda s: bool(startup.SCREENS[app].search(s)), timeout=120)
        tmux.settle(app)
        idle = press_j(10)
        tmux("send-keys", "-t", app, "g")
        tmux.settle(app, quiet=0.3)
        main_cpu, app_cpu, start = thread_cpu(pid, pid), startup.cpu_seconds(pid), time.time()
        tmux("send-keys", "-t", app, "R")
        time.sleep(0.3)
        busy = press_j(presses)
        main_cpu, app_cpu = thread_cpu(pid, pid) - main_cpu, startup.cpu_seconds(pid) - app_cpu
        window = time.time() - start
    finally:
        tmux.close(app)
        tmux("kill-server", check=False)
    busy.sort()
    p90 = busy[int(0.9 * (len(busy) - 1))]
    print(f"  keys {variant} idle: median {statistics.median(idle) * 1000:.0f} ms; during refresh: median "
          f"{statistics.median(busy) * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms, max "
          f"{busy[-1] * 1000:.0f} ms ({presses} presses)")  # fmt: skip
    print(f"  keys {variant}: in those {window:.1f} s the app's event loop thread used "
          f"{main_cpu:.2f} s of CPU, the whole app process (its threads, not the refresh "
          f"child) {app_cpu:.2f} s")  # fmt: skip
    suffix = "" if variant == "newstui" else f" ({variant})"
    table.add(f"event-loop thread CPU while `R` refreshes and `j` is pressed{suffix}",
              main_cpu, None, "s")  # fmt: skip
    table.add(f"`j` while `R` refreshes 200 cold feeds, median{suffix}",
              statistics.median(busy), None, "s")  # fmt: skip
    table.add(f"`j` while `R` refreshes 200 cold feeds, p90{suffix}", p90, None, "s")
    table.add(f"`j` idle, median{suffix}", statistics.median(idle), None, "s")


if __name__ == "__main__":
    raise SystemExit(main())
