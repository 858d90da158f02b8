"""Sync benchmark against a real FreshRSS (../shared/freshrss), newstui vs newsboat.

    NEWSTUI_SHARED=/path/to/shared python bench/sync.py [--feeds 10] [--items 1000]

Starts FreshRSS on 127.0.0.1 with a local feed server, subscribes it to `feeds × items` generated
articles, then times (in child processes, peak RSS from getrusage):
- the first `newstui sync` of every item (requests counted by newstui's client), with the
  quote/entity extractor off and on;
- an incremental `newstui sync` with nothing new (requests, time);
- marking 1,000 articles read here and pushing them (requests, time);
- marking 500 articles read on "another device" (the API, as a phone would), then syncing
  (requests, time, marks applied);
- newsboat's FreshRSS back end (`urls-source "freshrss"`) reloading the same account, if installed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import paragraph  # the same news-like text as the ingest benchmark

PASSWORD = "alice-api-password"


def shared_root() -> Path:
    env = os.environ.get("NEWSTUI_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_corpus(root: Path, feeds: int, items: int) -> int:
    """RSS files of recent items (FreshRSS keeps recent articles)."""
    import random

    rng = random.Random(11)
    root.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    for f in range(feeds):
        entries = []
        for i in range(items):
            body = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(2, 4)))
            when = format_datetime(now - timedelta(minutes=i + f), usegmt=True)
            entries.append(
                f"<item><title>Sync story {f}-{i}</title>"
                f"<link>https://sync.example/{f}/{i}</link><guid>s-{f}-{i}</guid>"
                f"<pubDate>{when}</pubDate><description><![CDATA[{body}]]></description></item>"
            )
        (root / f"feed{f}.xml").write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel>'
            f"<title>Sync bench {f}</title><link>https://sync.example/{f}</link>"
            + "".join(entries)
            + "</channel></rss>",
            "utf-8",
        )
    return feeds * items


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def guess_type(self, path: str | os.PathLike[str]) -> str:  # type: ignore[override]
            return "application/rss+xml"

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def subscribe_all(greader: str, urls: list[str]) -> None:
    """Subscribe the FreshRSS account to every feed (FreshRSS fetches each at once)."""
    with httpx.Client(timeout=600) as http:
        answer = http.post(
            greader + "/accounts/ClientLogin", data={"Email": "alice", "Passwd": PASSWORD}
        )
        auth = next(x[5:] for x in answer.text.splitlines() if x.startswith("Auth="))
        http.headers["Authorization"] = f"GoogleLogin auth={auth}"
        token = http.get(greader + "/reader/api/0/token").text.strip()
        for url in urls:
            http.post(
                greader + "/reader/api/0/subscription/edit",
                content=urlencode([("ac", "subscribe"), ("s", "feed/" + url), ("T", token)]),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            ).raise_for_status()


def read_elsewhere(greader: str, count: int) -> int:
    """Mark `count` unread items read on the server, as another device would (one edit-tag
    POST); returns how many were marked."""
    with httpx.Client(timeout=600) as http:
        answer = http.post(
            greader + "/accounts/ClientLogin", data={"Email": "alice", "Passwd": PASSWORD}
        )
        auth = next(x[5:] for x in answer.text.splitlines() if x.startswith("Auth="))
        http.headers["Authorization"] = f"GoogleLogin auth={auth}"
        token = http.get(greader + "/reader/api/0/token").text.strip()
        refs = http.get(
            greader + "/reader/api/0/stream/items/ids",
            params={
                "output": "json",
                "s": "user/-/state/com.google/reading-list",
                "xt": "user/-/state/com.google/read",
                "n": str(count),
            },
        ).json()["itemRefs"]
        ids = [f"tag:google.com,2005:reader/item/{int(r['id']) & (2**64 - 1):016x}" for r in refs]
        http.post(
            greader + "/reader/api/0/edit-tag",
            content=urlencode(
                [*(("i", i) for i in ids), ("a", "user/-/state/com.google/read"), ("T", token)]
            ),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ).raise_for_status()
    return len(ids)


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, dict[str, object]]:
    """Run a newstui command with --json; (seconds, its JSON)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[3:])} failed: {done.stderr.strip()}")
    return seconds, json.loads(done.stdout or "{}")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def compare_newsboat(
    newsboat: str, tmp: Path, greader: str, items: int, seconds: float, quiet_seconds: float
) -> None:
    """newsboat's FreshRSS back end on the same account, when this newsboat has one."""
    nb_conf = tmp / "nbconfig"
    nb_conf.write_text(
        f'urls-source "freshrss"\nfreshrss-url "{greader}"\nfreshrss-login "alice"\n'
        f'freshrss-password "{PASSWORD}"\nfreshrss-min-items {items}\nreload-threads 4\n'
    )
    (tmp / "nburls").write_text("")
    cmd = [newsboat, "-u", str(tmp / "nburls"), "-c", str(tmp / "nb.db")]
    cmd += ["-C", str(nb_conf), "-x", "reload"]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=3600)
    nb_seconds = time.perf_counter() - start
    if done.returncode != 0:
        version = subprocess.run([newsboat, "--version"], capture_output=True, text=True).stdout
        print(
            f"{version.splitlines()[0] if version else 'newsboat'}: no FreshRSS back end "
            f"({(done.stderr or done.stdout).strip().splitlines()[-1][:120]}); its FeedHQ back "
            "end asks for /reader/atom/, which FreshRSS does not serve: no comparison"
        )
        return
    nb_items = sqlite3.connect(tmp / "nb.db").execute("SELECT count(*) FROM rss_item").fetchone()
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False, timeout=3600)
    nb_again = time.perf_counter() - start
    print(f"newsboat -x reload (freshrss back end): {nb_seconds:6.2f} s, {nb_items[0]:,} items")
    print(f"newsboat -x reload again:               {nb_again:6.2f} s")
    print(
        f"ratio newstui/newsboat: first sync {seconds / nb_seconds:.2f}×, "
        f"nothing new {quiet_seconds / nb_again:.2f}× (< 1 means newstui is faster)"
    )


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--items", type=int, default=1000)
    args = parser.parse_args()
    serve_script = shared_root() / "freshrss" / "serve"
    if not serve_script.exists():
        print(f"needs {serve_script} (set NEWSTUI_SHARED to the shared folder)")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="newstui-sync-bench-"))
    pid = None
    try:
        count = write_corpus(tmp / "corpus", args.feeds, args.items)
        httpd, base = serve(tmp / "corpus")
        out = subprocess.run(
            [str(serve_script), str(tmp / "freshrss"), str(free_port())],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        settings = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        pid = int(settings["pid"])
        greader = settings["greader"]
        start = time.perf_counter()
        subscribe_all(greader, [f"{base}/feed{f}.xml" for f in range(args.feeds)])
        on_server = sqlite3.connect(tmp / "freshrss/data/users/alice/db.sqlite").execute(
            "SELECT count(*) FROM entry"
        )
        stored = on_server.fetchone()[0]
        print(
            f"FreshRSS: {args.feeds} feeds, {stored:,} items of {count:,} "
            f"(subscribed in {time.perf_counter() - start:.0f} s)"
        )
        env = {**os.environ, "NEWSTUI_BENCH_PASSWORD": PASSWORD}

        def newstui(name: str, extractor: str) -> list[str]:
            config = tmp / f"{name}.toml"
            config.write_text(
                f'[settings]\nfulltext = false\ntimeout = 120\nextractor = "{extractor}"\n\n'
                f'[sync]\nurl = "{greader}"\nuser = "alice"\n'
                'password_env = "NEWSTUI_BENCH_PASSWORD"\n'
            )
            return [
                sys.executable,
                "-m",
                "newstui",
                "--db",
                str(tmp / f"{name}.db"),
                "--config",
                str(config),
            ]

        plain = newstui("plain", "none")
        seconds, report = run([*plain, "sync", "--json"], env)
        peak = peak_mib()
        print(
            f"newstui first sync, extractor none: {report['seconds']:6.2f} s for the sync "
            f"({seconds:.2f} s with process start), {report['new']:,} items, "
            f"{report['requests']} requests, peak RSS {peak:.0f} MiB"
        )
        full = newstui("full", "rules")
        full_seconds, full_report = run([*full, "sync", "--json"], env)
        print(
            f"newstui first sync, with quotes/entities: {full_seconds:6.2f} s, "
            f"{full_report['new']:,} items, peak RSS {peak_mib():.0f} MiB (max of all runs)"
        )
        quiet_seconds, quiet = run([*plain, "sync", "--json"], env)
        print(
            f"newstui sync with nothing new: {quiet['seconds']:6.2f} s for the sync "
            f"({quiet_seconds:.2f} s with process start), {quiet['requests']} requests, "
            f"{quiet['new']} new"
        )
        listed = subprocess.run(
            [*plain, "list", "--unread", "--limit", "1000", "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        ids = [str(row["id"]) for row in json.loads(listed.stdout)]
        subprocess.run([*plain, "mark", *ids, "--read"], env=env, capture_output=True, check=True)
        _, pushed = run([*plain, "sync", "--json"], env)
        print(
            f"newstui mark {len(ids):,} read, then sync: {pushed['seconds']:6.2f} s, "
            f"{pushed['pushed']:,} pushed, {pushed['requests']} requests in all "
            "(token + batched edit-tag POSTs + the 4 pulls)"
        )
        marked = read_elsewhere(greader, 500)
        _, pulled = run([*plain, "sync", "--json"], env)
        print(
            f"newstui sync after {marked:,} read on another device: {pulled['seconds']:6.2f} s, "
            f"{pulled['read_changed']:,} marks applied, {pulled['requests']} requests in all "
            "(the 4 pulls, the action token, and stream/items/contents POSTs of 250 asking "
            "about the items the unread set left out)"
        )
        newsboat = shutil.which("newsboat")
        if newsboat:
            compare_newsboat(newsboat, tmp, greader, args.items, seconds, quiet_seconds)
        else:
            print("newsboat not installed (apt-get install newsboat): no comparison")
        httpd.shutdown()
    finally:
        if pid:
            os.kill(pid, signal.SIGTERM)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
