"""Where a cold fetch's CPU goes: each stage of issue 12's analysis-on cold row, timed alone.

    python bench/cold_stages.py [--runs 3] [--baseline DIR] [--stages parse,store,...]

`ingest_vs_newsboat.py` gives the whole process tree's CPU; this splits it. One process per run
does, on the same corpus (200 feeds × 50 items, seed 12) and in the pipeline's batch sizes:
parse the 200 documents (`parse_document`, as a worker does), store their articles (5 feeds a
transaction, inside `bulk_writes`), read the texts back (CHUNK at a time, with which to sketch,
as streamed analysis does), analyse the 10,000 texts (the extractor, and its result in the form
a worker sends back), sketch 5,000 (STORIES_PER_RUN), hand off (pickle and unpickle, both sides'
CPU: each parsed feed, each chunk of texts sent to a worker, each chunk of analyses coming
back), save the analyses (SAVE_STREAMED a transaction) and join the sketches
(STORIES_JOIN_BATCH a transaction); `start`: a process with the fetch's imports opening a new
store, and one pool worker started with the parser and the extractor loaded (both in CPU of
child processes). `tree`: a real `newstui fetch` of the corpus, served on 127.0.0.1 by this
process (the whole tree's CPU, as ingest_vs_newsboat.py measures it); the line "outside the
stages" is the tree less every other stage, what no stage accounts for (the event loop, HTTP,
threads, pipes' system calls, the checkpoint at the end, and two processes sharing caches).
Round 23, compiled 56ad8e1, load 13: tree 13.8-15.4 CPU-s, 1.7-3.9 of it outside the stages;
yet by cachegrind the stages hold ~95 % of the tree's instructions (~75 G of ~81 G): most of
the remainder is the same work run slower while both processes run at once, not more work.
Each stage's CPU seconds (user + system); with `--baseline DIR` (a built or unpacked package
folder, put first on PYTHONPATH) both are run alternately and the ratios printed: on a loaded
machine read those, not the seconds. Never run by the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGES = (
    "parse", "store", "readback", "analyse", "sketch", "handoff", "save", "join", "start", "tree"
)  # fmt: skip
TREE = "tree"  # the whole fetch: not part of the stages' sum
FEEDS, ITEMS, SEED = 200, 50, 12  # ingest_vs_newsboat.py's cold corpus
STORE_GROUP = 5  # feeds stored in one transaction (the fetch groups 3-10)


def child(stages: set[str]) -> dict[str, float]:
    """Run the stages in this process (newstui from PYTHONPATH); CPU seconds of each."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from multiprocessing.reduction import ForkingPickler

    from ingest_vs_newsboat import Corpus

    from newstui.ingest.streamed_analysis import SAVE_STREAMED, STORIES_JOIN_BATCH
    from newstui.library import Library
    from newstui.model import SourceSpec, analysis_rows
    from newstui.nlp import canonical_key, get_extractor, short_key
    from newstui.processes import (
        CHUNK,
        Analysed,
        analyse_texts,
        collect_young_rarely,
        parse_document,
    )
    from newstui.stories import STORIES_PER_RUN, story_sketch

    cpu: dict[str, float] = {}

    def timed(stage: str, since: float) -> float:
        now = time.process_time()
        cpu[stage] = cpu.get(stage, 0.0) + now - since
        return now

    corpus = Corpus()
    paths = corpus.add("c", FEEDS, ITEMS, seed=SEED)
    base = "http://127.0.0.1:8000"
    start = time.process_time()
    feeds = [parse_document(corpus.docs[p], base + p, "application/rss+xml") for p in paths]
    timed("parse", start)
    with tempfile.TemporaryDirectory(prefix="cold-stages-") as tmp:
        library = Library.open(Path(tmp) / "stages.db")
        specs = [SourceSpec(base + p, p, url=base + p, configured=True) for p in paths]
        ids = library.register_sources(specs)
        with library.bulk_writes():
            start = time.process_time()
            changed: list[int] = []
            for i in range(0, len(feeds), STORE_GROUP):
                group = [(ids[j], feeds[j].articles) for j in range(i, i + STORE_GROUP)]
                for result in library.save_batches(group):
                    assert not isinstance(result, Exception), result
                    changed += result.changed_ids
            timed("store", start)
            extractor = get_extractor("rules")
            collect_young_rarely()  # as the pipeline's workers and streamed analysis do
            start = time.process_time()
            batch, to_sketch = [], []  # as StreamedAnalysis._pump reads them back
            for i in range(0, len(changed), CHUNK):
                part = library.to_analyse(extractor.version, changed[i : i + CHUNK])
                wanted = set(library.unsketched(a.article_id for a in part))
                batch += part
                to_sketch += [a.article_id in wanted for a in part]
            start = timed("readback", start)
            # in the form a worker sends them back (processes.analyse_text)
            analyses = [analysis_rows(extractor.analyse(a.text)) for a in batch]
            start = timed("analyse", start)
            sketches = [story_sketch(a.text) for a in batch[:STORIES_PER_RUN]]
            start = timed("sketch", start)
            # What crosses the pipes, pickled by one side and unpickled by the other.
            sent: list[object] = list(feeds)
            for i in range(0, len(batch), CHUNK):
                texts = [a.text for a in batch[i : i + CHUNK]]
                sent.append((analyse_texts, "rules", texts, to_sketch[i : i + CHUNK]))
                sent.append(
                    [
                        Analysed(analyses[n], None, sketches[n] if n < len(sketches) else None)
                        for n in range(i, min(i + CHUNK, len(batch)))
                    ]
                )
            start = time.process_time()
            for item in sent:
                pickle.loads(ForkingPickler.dumps(item))
            timed("handoff", start)
            to_join = []
            for i in range(0, len(batch), SAVE_STREAMED):
                part = batch[i : i + SAVE_STREAMED]
                start = time.process_time()
                library.save_analyses(
                    [(a.article_id, analyses[i + n]) for n, a in enumerate(part)],
                    extractor.version,
                    canonical_key,
                    short_key,
                    read_as={a.article_id: a.stamp for a in part},
                    texts={a.article_id: a.text for a in part},
                )
                start = timed("save", start)
                to_join += [
                    (a.article_id, sketches[i + n])
                    for n, a in enumerate(part)
                    if i + n < len(sketches)
                ]
                if len(to_join) >= STORIES_JOIN_BATCH or i + SAVE_STREAMED >= len(batch):
                    library.join_stories(to_join)
                    timed("join", start)
                    to_join = []
        library.close()
        if "start" in stages:
            cpu["start"] = start_cpu(Path(tmp), batch[0].text)
        if TREE in stages:
            cpu[TREE] = fetch_cpu(corpus, paths, Path(tmp))
    return {stage: seconds for stage, seconds in cpu.items() if stage in stages}


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's waited-for children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start_cpu(tmp: Path, text: str) -> float:
    """The two start-ups of a fetch: a process with the fetch's imports opening a new store,
    and a pool worker that imports the parser and loads the extractor (on one text)."""
    from newstui.processes import CpuPool

    imports = (
        "import asyncio, newstui.cli.main, newstui.ingest.pipeline, newstui.sources.http\n"
        "from newstui.library import Library\n"
        f"Library.open({str(tmp / 'start.db')!r}).close()"
    )
    before = children_cpu()
    subprocess.run([sys.executable, "-c", imports], check=True)
    with CpuPool(1) as pool:
        pool.start_parsing()
        pool.analyse_chunk("rules", [text]).result()
    return children_cpu() - before


def fetch_cpu(corpus: object, paths: list[str], tmp: Path) -> float:
    """CPU of a whole `newstui fetch` of the corpus (the process and its workers), served on
    127.0.0.1 from this process (whose CPU is not counted)."""
    from ingest_vs_newsboat import serve

    httpd, base = serve(corpus)  # type: ignore[arg-type]
    try:
        config = tmp / "tree.toml"
        lines = ["[settings]", "fulltext = false", "timeout = 120", 'extractor = "rules"']
        for p in paths:
            lines += ["[[feeds]]", f'name = "Bench {p}"', f'url = "{base}{p}"']
        config.write_text("\n".join(lines) + "\n")
        env = {**os.environ, "HOME": str(tmp)}
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            env[key] = str(tmp)
        command = [sys.executable, "-m", "newstui", "--db", str(tmp / "tree.db")]
        before = children_cpu()
        subprocess.run(
            [*command, "--config", str(config), "fetch"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return children_cpu() - before
    finally:
        httpd.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another package folder, run alternately")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma list to print")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    stages = set(args.stages.split(","))
    if args.child:
        print(json.dumps(child(stages)))
        return 0
    import newstui

    variants = [("newstui", str(Path(newstui.__file__).resolve().parent.parent))]
    if args.baseline is not None:
        variants.append(("baseline", str(args.baseline.resolve())))
    if stages & {"start", TREE}:  # byte-compiled first, as an installed package is
        for _, path in variants:
            folder = str(Path(path) / "newstui")
            subprocess.run([sys.executable, "-m", "compileall", "-q", folder], check=True)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}; this checkout: {Path(newstui.__file__).parent}")  # fmt: skip
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in variants}
    for n in range(args.runs):
        for name, path in variants:
            env = {**os.environ, "PYTHONPATH": path, "PYTHONHASHSEED": "0"}
            out = subprocess.run(
                [sys.executable, __file__, "--child", "--stages", args.stages],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            found = json.loads(out.stdout.splitlines()[-1])
            runs[name].append(found)
            figures = "  ".join(f"{s} {found[s]:.3f}" for s in STAGES if s in found)
            summed = sum(seconds for stage, seconds in found.items() if stage != TREE)
            print(f"  run {n + 1} {name:8}: {figures}  (sum {summed:.2f} s)")
    print(f"\nmedian CPU seconds of each stage ({args.runs} runs)")
    medians = {
        name: {s: statistics.median(r[s] for r in found) for s in STAGES if s in found[0]}
        for name, found in runs.items()
    }
    for stage in medians["newstui"]:
        line = f"  {stage:8} newstui {medians['newstui'][stage]:7.3f}"
        if "baseline" in medians:
            base = medians["baseline"][stage]
            line += f"  baseline {base:7.3f}  ratio {medians['newstui'][stage] / base:.3f}"
        print(line)
    if stages >= set(STAGES):  # what no stage accounts for, run by run
        outside = {
            name: statistics.median(r[TREE] - sum(v for k, v in r.items() if k != TREE) for r in rs)
            for name, rs in runs.items()
        }
        line = f"  {'outside the stages (tree less the rest)':40} newstui {outside['newstui']:7.3f}"
        if "baseline" in outside:
            line += f"  baseline {outside['baseline']:7.3f}"
        print(line)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
