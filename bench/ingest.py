"""Ingest benchmark: fetch a generated corpus of feeds from a local server, newstui vs newsboat.

    python bench/ingest.py [--feeds 50] [--items 100] [--no-nlp]

Prints articles/s and peak memory for `newstui fetch` and, when installed, `newsboat -x reload`
on the same feeds, and the ratio. Also times `newstui import` of the same corpus as local files.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WORDS = (
    "the government said on monday that officials would meet in the capital to discuss new "
    "measures for trade energy and security after talks with regional partners ended without "
    "agreement analysts expect markets to react as investors weigh the outlook for growth"
).split()
PEOPLE = ["Ana Lopes", "Kwame Mensah", "Li Wei", "Maria Rossi", "John Carter", "Priya Nair"]
PLACES = ["Paris", "Nairobi", "Tokyo", "Brazil", "Canada", "Berlin", "Egypt", "Mumbai"]
ORGS = ["the United Nations", "Reuters", "the World Bank", "NATO", "Google", "the IMF"]


def paragraph(rng: random.Random) -> str:
    """A news-like paragraph with names, places and a quote."""
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 60)))
    person, place, org = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(ORGS)
    quote = " ".join(rng.choice(WORDS) for _ in range(12))
    return (
        f"{words.capitalize()} in {place}, {org} reported. “{quote.capitalize()},” {person} said."
    )


def write_corpus(root: Path, feeds: int, items: int, seed: int = 7) -> int:
    """Write `feeds` RSS files of `items` entries each; returns the article count."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for f in range(feeds):
        entries = []
        for i in range(items):
            body = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(3, 8)))
            entries.append(
                f"<item><title>Story {f}-{i}: {rng.choice(PLACES)} talks</title>"
                f"<link>https://bench.example/{f}/{i}</link><guid>b-{f}-{i}</guid>"
                f"<pubDate>Mon, {1 + i % 28:02d} Nov 2026 10:00:00 GMT</pubDate>"
                f"<description><![CDATA[{body}]]></description></item>"
            )
        (root / f"feed{f}.xml").write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel>'
            f"<title>Bench {f}</title><link>https://bench.example/{f}</link>"
            + "".join(entries)
            + "</channel></rss>",
            "utf-8",
        )
    return feeds * items


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    SimpleHTTPRequestHandler.log_message = lambda *a: None  # type: ignore[method-assign]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command; returns (seconds, peak RSS MiB of children so far)."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, peak


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=100)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newstui-bench-"))
    try:
        corpus = tmp / "corpus"
        count = write_corpus(corpus, args.feeds, args.items)
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        print(f"corpus: {args.feeds} feeds × {args.items} items = {count} articles, {size:.1f} MB")
        httpd, base = serve(corpus)
        config = tmp / "feeds.toml"
        lines = ["[settings]", "fulltext = false", "timeout = 60"]
        for f in range(args.feeds):
            lines += ["[[feeds]]", f'name = "Bench {f}"', f'url = "{base}/feed{f}.xml"']
        config.write_text("\n".join(lines) + "\n")
        newstui = [
            sys.executable,
            "-m",
            "newstui",
            "--db",
            str(tmp / "n.db"),
            "--config",
            str(config),
        ]
        seconds, peak = run_timed([*newstui, "fetch"])
        print(
            f"newstui fetch (with quote/entity extraction): {seconds:.2f} s, "
            f"{count / seconds:,.0f} articles/s, peak RSS {peak:.0f} MiB"
        )
        again, _ = run_timed([*newstui, "fetch"])
        print(f"newstui fetch again (nothing new):            {again:.2f} s")
        plain_config = tmp / "plain.toml"
        plain_config.write_text(
            config.read_text().replace("[settings]", '[settings]\nextractor = "none"')
        )
        plain = [
            sys.executable,
            "-m",
            "newstui",
            "--db",
            str(tmp / "p.db"),
            "--config",
            str(plain_config),
        ]
        plain_seconds, _ = run_timed([*plain, "fetch"])
        print(
            f"newstui fetch, extractor = none:              {plain_seconds:.2f} s, "
            f"{count / plain_seconds:,.0f} articles/s"
        )
        imp, _ = run_timed(
            [sys.executable, "-m", "newstui", "--db", str(tmp / "i.db"), "import", str(corpus)]
        )
        print(
            f"newstui import of the same files:             {imp:.2f} s, {count / imp:,.0f} articles/s"
        )
        newsboat = shutil.which("newsboat")
        if newsboat:
            urls = tmp / "urls"
            urls.write_text("".join(f"{base}/feed{f}.xml\n" for f in range(args.feeds)))
            nb_conf = tmp / "nbconfig"
            nb_conf.write_text("reload-threads 16\n")
            cmd = [
                newsboat,
                "-u",
                str(urls),
                "-c",
                str(tmp / "nb.db"),
                "-C",
                str(nb_conf),
                "-x",
                "reload",
            ]
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            nb_seconds, nb_peak = run_timed(cmd)
            nb_peak_note = f"{nb_peak:.0f} MiB" if nb_peak > before else f"≤ {before:.0f} MiB"
            print(
                f"newsboat -x reload (16 threads):              {nb_seconds:.2f} s, "
                f"{count / nb_seconds:,.0f} articles/s, peak RSS {nb_peak_note}"
            )
            nb_again, _ = run_timed(cmd)
            print(f"newsboat -x reload again (nothing new):       {nb_again:.2f} s")
            print(
                f"ratio newstui/newsboat, first fetch with analysis: {seconds / nb_seconds:.2f}×; "
                f"without analysis: {plain_seconds / nb_seconds:.2f}×; "
                f"nothing new: {again / nb_again:.2f}× (< 1 means newstui is faster)"
            )
        else:
            print("newsboat not installed (apt-get install newsboat) — no comparison")
        httpd.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
