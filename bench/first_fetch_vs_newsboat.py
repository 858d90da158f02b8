"""A newsboat user's first fetch of their feeds, newstui vs newsboat side by side: `newstui
fetch`, the app's `R` (through Pilot) and `newsboat -x reload`, each on a fresh store every run.

    python bench/first_fetch_vs_newsboat.py [--runs 5] [--shared ../shared] [--only fetch,app]

The user test r52 (LOW-5) set-up, built reproducibly: 39 feeds (RSS, Atom and JSON Feed; 101
Wikinews articles of the NLP development sets, from ../shared/wikinews/articles.jsonl), two of
them summary-only, whose items link to full pages on the same server, three podcasts with small
enclosures (never downloaded). Every item links to a page on that server, so a page newstui
decides to read is there and nothing leaves 127.0.0.1. They are served by Python's own
`python -m http.server` (a child process, its listen queue of 5: the user's server, kept).
Each row runs newstui and newsboat alternately (newsboat with the user's `reload-threads 8`):
  fetch  `newstui fetch` into a fresh database (full texts read, articles analysed)
  app    a fresh app on a fresh database (Textual's Pilot, 120×40, in a child process as the
         user's app would be): from the key press `R` until its "Refreshed …" notification
Prints each run, medians and ratios newstui/newsboat: wall and CPU seconds (user + system of
the whole process tree; the app's CPU is its whole run's, start and quit included), and whether
the newstui measured is compiled (mypyc) or pure Python. Never run by the tests.
To measure a checkout rather than the installed package: `PYTHONPATH=src python bench/…`.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))  # demo_from_wikinews.held_out

ROWS = ("fetch", "app")
NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
_DATELINE = re.compile(r"^\s*[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}[\s\u00a0]*\n")

# (file, title, kind, tags, flavour) flavour: full | summary | podcast; the r52 user's feeds
FEEDS = (
    ("world.xml", "World Desk", "rss", ("news", "world"), "full"),
    ("breaking.atom", "Breaking Wire", "atom", ("news",), "full"),
    ("daily.json", "The Daily Brief", "json", ("news",), "full"),
    ("courts.xml", "Courts & Justice", "rss", ("news", "law"), "full"),
    ("weather.atom", "Storm Watch", "atom", ("news", "weather"), "full"),
    ("eu.xml", "EU Politics", "rss", ("news", "politics", "europe"), "full"),
    ("uk.atom", "UK Roundup", "atom", ("news", "europe"), "full"),
    ("nordic.xml", "Nordic Notes", "rss", ("news", "europe"), "full"),
    ("balkans.xml", "Balkan Post", "rss", ("news", "europe"), "full"),
    ("americas.xml", "Americas Today", "rss", ("news", "americas"), "full"),
    ("latam.atom", "LatAm Report", "atom", ("news", "americas"), "full"),
    ("canada.json", "Maple Times", "json", ("news", "americas"), "full"),
    ("asia.xml", "Asia Pacific Wire", "rss", ("news", "asia"), "full"),
    ("africa.atom", "Africa Desk", "atom", ("news", "africa"), "full"),
    ("politics.xml", "Capitol Watch", "rss", ("politics",), "full"),
    ("elections.atom", "Election Night", "atom", ("politics",), "full"),
    ("tech.xml", "Tech Crunchy", "rss", ("tech",), "full"),
    ("gadgets.atom", "Gadget Lab", "atom", ("tech",), "full"),
    ("security.xml", "Security Ledger", "rss", ("tech", "security"), "full"),
    ("opensource.xml", "Open Source Weekly", "rss", ("tech", "linux"), "full"),
    ("science.xml", "Science Daily-ish", "rss", ("science",), "full"),
    ("space.atom", "Space Watch", "atom", ("science", "space"), "full"),
    ("health.xml", "Health Notes", "rss", ("science", "health"), "full"),
    ("climate.atom", "Climate Desk", "atom", ("science",), "full"),
    ("sport.xml", "Sport Center", "rss", ("sport",), "full"),
    ("football.atom", "Football Weekly", "atom", ("sport",), "full"),
    ("tennis.xml", "Court Side", "rss", ("sport",), "full"),
    ("motor.json", "Pit Lane", "json", ("sport",), "full"),
    ("culture.xml", "Culture Club", "rss", ("culture",), "full"),
    ("books.atom", "Book Nook", "atom", ("culture", "books"), "full"),
    ("longreads.xml", "Long Reads", "rss", ("longreads",), "summary"),
    ("digest.atom", "Morning Digest", "atom", ("news", "longreads"), "summary"),
    ("pod-news.xml", "News Hour Podcast", "rss", ("podcast", "news"), "podcast"),
    ("pod-science.xml", "Science Talk", "rss", ("podcast", "science"), "podcast"),
    ("pod-sport.xml", "Sport Pod", "rss", ("podcast",), "podcast"),
    ("blog-ana.xml", "Ana's Notebook", "rss", ("blogs",), "full"),
    ("blog-bits.atom", "Bits & Bobs", "atom", ("blogs",), "full"),
    ("local.xml", "Town Crier", "rss", ("local",), "full"),
    ("junk.xml", "Sponsored Deals", "rss", ("junk",), "full"),
)


def articles(shared: Path) -> list[dict[str, str]]:
    """The NLP development sets' Wikinews articles (never a blind set's), in index order."""
    from demo_from_wikinews import held_out

    lines = (shared / "wikinews" / "articles.jsonl").read_text("utf-8").splitlines()
    return [json.loads(lines[i]) for i in sorted(held_out()) if i < len(lines)]


def _paragraphs(article: dict[str, str]) -> list[str]:
    text = _DATELINE.sub("", article["text"], count=1)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _body(article: dict[str, str], summary: bool = False) -> str:
    ps = _paragraphs(article)
    if summary:
        first = re.split(r"(?<=[.!?])\s", ps[0], maxsplit=1)[0]
        return f"<p>{html.escape(first)}</p>"
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in ps) + (
        f'<p>Source: <a href="{html.escape(article["url"])}">Wikinews</a>, CC BY 2.5.</p>'
    )


def write_feeds(folder: Path, base: str, shared: Path) -> tuple[list[dict[str, object]], int]:
    """The feed documents, article pages and enclosures in `folder`, as served from `base`;
    returns each feed's url and tags, and the number of articles."""
    (folder / "pages").mkdir(parents=True)
    (folder / "audio").mkdir()
    pool = articles(shared)
    k = 0
    feeds: list[dict[str, object]] = []
    for fi, (fn, title, kind, tags, flavour) in enumerate(FEEDS):
        n = 3 if fi < 22 else 2
        chosen, k = pool[k : k + n], k + n
        items = []
        for j, a in enumerate(chosen):
            when = NOW - timedelta(hours=fi + j * 9 + 1, minutes=fi * 7)
            slug = f"{fn.split('.')[0]}-{j}"
            link = f"{base}/pages/{slug}.html"
            (folder / "pages" / f"{slug}.html").write_text(
                f"<!doctype html><html><head><meta charset=utf-8><title>{html.escape(a['title'])}"
                "</title></head><body><header><nav><a href='/'>Home</a> | <a href='/about'>About"
                f"</a></nav></header><article><h1>{html.escape(a['title'])}</h1><p class=byline>"
                f"By Staff Writer</p>{_body(a)}</article><footer>Subscribe to our newsletter! "
                f"Cookie policy. (c) {html.escape(title)}</footer></body></html>",
                "utf-8",
            )
            enclosure = None
            if flavour == "podcast":
                audio = folder / "audio" / f"{slug}.ogg"
                audio.write_bytes(b"OggS" + bytes(range(256)) * 320)  # ~80 kB, never fetched
                enclosure = (f"{base}/audio/{slug}.ogg", audio.stat().st_size)
            items.append((a, a["title"], when, link, enclosure, flavour == "summary"))
        (folder / fn).write_text(_document(kind, title, fn, base, items), "utf-8")
        feeds.append({"url": f"{base}/{fn}", "title": title, "tags": list(tags)})
    return feeds, k


def _document(kind: str, title: str, fn: str, base: str, items: list[tuple]) -> str:  # type: ignore[type-arg]
    if kind == "rss":
        entries = "".join(
            f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}"
            f"</guid><pubDate>{format_datetime(w, usegmt=True)}</pubDate><dc:creator>Wikinews "
            f"contributors</dc:creator><description><![CDATA[{_body(a, summary)}]]></description>"
            + (f'<enclosure url="{e[0]}" length="{e[1]}" type="audio/ogg"/>' if e else "")
            + "</item>\n"
            for a, t, w, link, e, summary in items
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org'
            f'/dc/elements/1.1/"><channel><title>{escape(title)}</title><link>{base}/</link>'
            f"<description>{escape(title)}</description><language>en</language>\n{entries}"
            "</channel></rss>\n"
        )
    if kind == "atom":
        entries = "".join(
            f"<entry><title>{escape(t)}</title><link rel='alternate' href={quoteattr(link)}/>"
            f"<id>{escape(link)}</id><updated>{w.isoformat()}</updated><author><name>Wikinews "
            "contributors</name></author>"
            + (
                f"<summary type='html'>{escape(_body(a, True))}</summary>"
                if summary
                else f"<content type='html'>{escape(_body(a))}</content>"
            )
            + "</entry>\n"
            for a, t, w, link, e, summary in items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>{base}/{fn}</id><link rel='alternate' "
            f"href='{base}/'/><link rel='self' href='{base}/{fn}'/><updated>{NOW.isoformat()}"
            f"</updated>\n{entries}</feed>\n"
        )
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": base + "/",
            "feed_url": f"{base}/{fn}",
            "items": [
                {
                    "id": link,
                    "url": link,
                    "title": t,
                    "content_html": _body(a, summary),
                    "date_published": w.isoformat(),
                    "authors": [{"name": "Wikinews contributors"}],
                }
                for a, t, w, link, e, summary in items
            ],
        },
        indent=1,
    )


def start_server(folder: Path) -> tuple[subprocess.Popen[str], str]:
    """`python -m http.server` on 127.0.0.1 (a free port) serving `folder`, as the user did."""
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    line = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port 43123 (http://…) ..."
    port = re.search(r"port (\d+)", line)
    if port is None:
        server.kill()
        raise RuntimeError(f"http.server did not start: {line!r}")
    return server, f"http://127.0.0.1:{port.group(1)}"


def compiled_or_not() -> str:
    """Whether the newstui this bench runs is compiled (mypyc) or pure Python, and where."""
    import importlib.util

    spec = importlib.util.find_spec("newstui.nlp.entities")
    origin = spec.origin if spec and spec.origin else "?"
    kind = "compiled (mypyc)" if origin.endswith(".so") else "pure Python"
    return f"{kind}, {Path(origin).parents[2]}"


def main() -> int:
    """Build the user's feeds, serve them, run the rows alternately, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--only", default=",".join(ROWS), help=f"comma list of {','.join(ROWS)}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if not (args.shared / "wikinews" / "articles.jsonl").is_file():
        print(f"{args.shared}/wikinews/articles.jsonl: not found (the bench's articles; "
              "--shared names the folder)", file=sys.stderr)  # fmt: skip
        return 2
    if not shutil.which("newsboat"):
        print("newsboat is not installed (apt-get install newsboat)", file=sys.stderr)
        return 2
    from ingest_vs_newsboat import Run, Table, Tools, med, run

    only = set(args.only.split(","))
    nb_version = subprocess.run(["newsboat", "-v"], capture_output=True, text=True).stdout
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {platform.node()}: "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; Python "
          f"{platform.python_version()}; {nb_version.splitlines()[0]}")  # fmt: skip
    print(f"newstui: {compiled_or_not()}")
    tmp = Path(tempfile.mkdtemp(prefix="newstui-first-fetch-"))
    site = tmp / "site"
    site.mkdir()
    server, base = start_server(site)
    table = Table()
    try:
        feeds, n_articles = write_feeds(site, base, args.shared)
        print(f"{len(feeds)} feeds, {n_articles} articles on {base} (python -m http.server)")
        tools = Tools(tmp, base)
        config = tmp / "first.toml"
        lines = []
        for feed in feeds:
            tags = ", ".join(json.dumps(t) for t in feed["tags"])  # type: ignore[attr-defined]
            lines += ["[[feeds]]", f'name = {json.dumps(feed["title"])}', f'url = "{feed["url"]}"',
                      f"tags = [{tags}]", ""]  # fmt: skip
        config.write_text("\n".join(lines), "utf-8")
        db = tmp / "first.db"
        newstui = [*tools.newstui, "--db", str(db), "--config", str(config)]
        urls = tmp / "urls"
        urls.write_text("".join(f"{f['url']} {' '.join(f['tags'])}\n" for f in feeds))  # type: ignore[arg-type]
        nb_conf = tmp / "newsboat.conf"
        nb_conf.write_text("reload-threads 8\nmax-items 100\n")  # the user's
        cache = tmp / "cache.db"
        newsboat = ["newsboat", "-u", str(urls), "-c", str(cache), "-C", str(nb_conf)]

        def fresh() -> None:
            for p in (*tmp.glob("first.db*"), *tmp.glob("cache.db*")):
                p.unlink()

        # (bytecode written once: with PYTHONDONTWRITEBYTECODE set every run compiled the modules)
        subprocess.run([sys.executable, "-m", "compileall", "-q", _package_folder()], check=True)
        floor = [run([sys.executable, "-c", "pass"], tools.env) for _ in range(3)]
        print(f"  the floor under any newstui row: `python -c pass` {med(floor):.3f} s")
        for key in ("fetch", "app"):
            if key not in only:
                continue
            nts: list[Run] = []
            nbs: list[Run] = []
            for i in range(args.runs):
                fresh()
                if key == "app":
                    mine, said = app_run(db, config, tools.env)
                else:
                    mine, said = run([*newstui, "fetch"], tools.env), ""
                said = f"{stored(db)}{'; ' if said else ''}{said}"
                theirs = run([*newsboat, "-x", "reload"], tools.env)
                nts.append(mine)
                nbs.append(theirs)
                print(f"  {key} run {i + 1}: newstui {mine.seconds:6.3f} s, CPU {mine.cpu:5.2f} s"
                      f"; newsboat {theirs.seconds:6.3f} s, CPU {theirs.cpu:5.2f} s; "
                      f"load {os.getloadavg()[0]:.1f}; {said}", flush=True)  # fmt: skip
            label = "`newstui fetch`, cold" if key == "fetch" else "`R` in a fresh app, cold"
            table.add_runs(f"{label} vs `newsboat -x reload`, cold", "", nts, nbs)
    finally:
        server.kill()
        server.wait()
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    table.print()
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


def _package_folder() -> str:
    import newstui

    return str(Path(newstui.__file__).parent)


def stored(db: Path) -> str:
    """What the run left in the store: articles, those analysed, full texts read (read-only)."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        articles, analysed, pages = conn.execute(
            "SELECT count(*), count(nlp_version), count(*) FILTER (WHERE fulltext_status = 'ok')"
            " FROM articles"
        ).fetchone()
    return f"stored {articles} articles, {analysed} analysed, {pages} full texts"


def app_run(db: Path, config: Path, env: dict[str, str]) -> tuple[object, str]:
    """One fresh app on a fresh store, first screen settled, `R` pressed: seconds until its
    notification, and what it said."""
    import resource

    from ingest_vs_newsboat import Run
    from reload_vs_newsboat import APP_SCRIPT

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    done = subprocess.run(
        [sys.executable, "-c", APP_SCRIPT, str(db), str(config), "150", "empty", "300"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the app run failed: {done.stderr[-800:]}")
    said = json.loads(done.stdout.strip().splitlines()[-1])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Run(said["seconds"], 0.0, 0.0, usage.ru_utime + usage.ru_stime - cpu_before), said[
        "said"
    ]


if __name__ == "__main__":
    raise SystemExit(main())
