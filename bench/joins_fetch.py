"""A fetch of many feeds of look-alike (templated) texts, as r54 MED-8's: story joins' CPU and
sketch comparisons, the longest the fetch's event loop was held (downloads, answers and Ctrl-C
wait that long), and how long Ctrl-C takes to stop `newstui fetch` while joins are pending.

    python bench/joins_fetch.py [--feeds 40] [--items 60] [--sigint-after 0]

Serves `--feeds` RSS documents on 127.0.0.1, each of `--items` syndicated weather bulletins
(one template, each with its own figures: bench/stories_lookalike.py's), a tenth of each
feed's items real copies of the first feed's (its own paragraph). Runs `fetch_feeds` in this
process (analysis on, fulltext off) into a fresh store and prints: wall and CPU seconds (this
process, and its workers), sketch comparisons, stories joined, the longest turn of the event
loop. `--sigint-after S`: also runs `newstui fetch` on a fresh store, sends SIGINT S seconds
in, prints how long it took to exit, then fetches again and says whether every article is in
a story, as many as the unbroken fetch found. Run it with PYTHONPATH set to another
checkout's src to compare. Prints; never part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import newstui.stories
from newstui.config import load_config
from newstui.ingest.pipeline import fetch_feeds
from newstui.library import Library

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_lookalike import own_paragraph, templated


def documents(feeds: int, items: int) -> dict[str, bytes]:
    """The feeds' RSS documents by path."""
    rng = random.Random(54)
    docs: dict[str, bytes] = {}
    for f in range(feeds):
        entries = []
        for i in range(items):
            copy = i % 10 == 0
            text = templated(rng, f * items + i, own_paragraph(i) if copy else "")
            entries.append(
                f"<item><title>Forecast {i if copy else f * items + i}</title>"
                f"<link>https://bulletins.example/{f}/{i}</link><guid>w-{f}-{i}</guid>"
                f"<pubDate>Mon, 07 Dec 2026 {i % 24:02d}:{f % 60:02d}:00 GMT</pubDate>"
                f"<description><![CDATA[<p>{text}</p>]]></description></item>"
            )
        docs[f"/f{f}.xml"] = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Bulletins {f}</title><link>https://bulletins.example/{f}</link>"
            "<description>Weather</description>" + "".join(entries) + "</channel></rss>"
        ).encode()
    return docs


def serve(docs: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    """The documents on 127.0.0.1 (a port of its own)."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = docs.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def config_file(folder: Path, base: str, paths: list[str]) -> Path:
    """A feeds.toml for the served feeds."""
    lines = ["[settings]", "fulltext = false", "timeout = 120", 'extractor = "rules"']
    for p in paths:
        lines += ["[[feeds]]", f'name = "Bulletins {p}"', f'url = "{base}{p}"']
    path = folder / "feeds.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def stories_of(db: Path) -> tuple[int, int, int]:
    """(articles, articles in no story, stories of two versions or more)."""
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        alone = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM stories s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        several = conn.execute(
            "SELECT count(*) FROM (SELECT story_id FROM stories GROUP BY story_id "
            "HAVING count(*) > 1)"
        ).fetchone()[0]
        sizes = conn.execute(
            "SELECT count(*), sum(a.title LIKE 'Forecast _' OR a.title LIKE 'Forecast __') "
            "FROM stories s JOIN articles a ON a.id = s.article_id GROUP BY s.story_id "
            "HAVING count(*) > 1 ORDER BY 1 DESC"
        ).fetchall()
        print(f"  stories (versions, of them real copies): {sizes}")
    conn.close()
    return articles, alone, several


def in_process(folder: Path, config: Path) -> tuple[int, int, int]:
    """fetch_feeds here: prints its figures; returns stories_of its store."""
    compared = 0
    similarity = newstui.stories.packed_similarity

    def counted(a: bytes, b: bytes) -> float:
        nonlocal compared
        compared += 1
        return similarity(a, b)

    newstui.stories.packed_similarity = counted  # (looked up at each join)
    longest = 0.0

    async def fetch() -> None:
        nonlocal longest
        done = False

        async def ticker() -> None:
            nonlocal longest
            last = time.monotonic()
            while not done:
                await asyncio.sleep(0.01)
                now = time.monotonic()
                longest = max(longest, now - last - 0.01)
                last = now

        tick = asyncio.create_task(ticker())
        with Library.open(folder / "in.db") as library:
            await fetch_feeds(library, load_config(config))
        done = True
        await tick

    cpu, wall = time.process_time(), time.monotonic()
    asyncio.run(fetch())
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    found = stories_of(folder / "in.db")
    print(
        f"fetch: {found[0]} articles, {found[2]} stories of two versions or more; wall {wall:.1f} s, "
        f"CPU {cpu:.1f} s here + {workers.ru_utime + workers.ru_stime:.1f} s in workers; "
        f"{compared:,} sketch comparisons; event loop held {longest:.2f} s at most"
    )
    return found


def ctrl_c(folder: Path, config: Path, after: float, unbroken: tuple[int, int, int]) -> None:
    """`newstui fetch` stopped by SIGINT `after` seconds in, then fetched again."""
    script = Path(sys.executable).with_name("newstui")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "newstui"]
    cmd += ["--db", str(folder / "cut.db"), "--config", str(config), "fetch"]
    env = {**os.environ, "HOME": str(folder), "XDG_DATA_HOME": str(folder / "data")}
    run = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(after)
    sent = time.monotonic()
    run.send_signal(signal.SIGINT)
    try:
        run.wait(timeout=600)
    except subprocess.TimeoutExpired:
        run.kill()
        run.wait()
    took = time.monotonic() - sent
    cut = stories_of(folder / "cut.db")
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after_next = stories_of(folder / "cut.db")
    print(
        f"Ctrl-C {after:.0f} s in: exited {took:.2f} s after it (status {run.returncode}); "
        f"{cut[1]} of {cut[0]} articles left unjoined; after the next fetch {after_next[1]} "
        f"left, {after_next[2]} stories of two versions or more (unbroken: {unbroken[2]})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--sigint-after", type=float, default=0.0)
    args = parser.parse_args()
    docs = documents(args.feeds, args.items)
    server, base = serve(docs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = config_file(folder, base, sorted(docs))
        unbroken = in_process(folder, config)
        if args.sigint_after:
            ctrl_c(folder, config, args.sigint_after, unbroken)
    server.shutdown()


if __name__ == "__main__":
    main()
