"""Worker pools keep working when their workers retire after their task limit."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from newstui.spawned import RESULT_PIPE_BYTES, SpawnedPool


def test_a_pool_whose_workers_retire_finishes_every_queued_task() -> None:
    # Python 3.11's executor stopped replacing retired workers (CPython gh-115634): with one
    # worker retiring every 2 tasks, 12 queued tasks hung after the second.
    with SpawnedPool(1, tasks_per_worker=2) as pool:
        futures = [pool.submit_call(os.getpid) for _ in range(12)]
        pids = [future.result(timeout=60) for future in futures]
    assert len(set(pids)) == 6  # each worker ran its 2 tasks and was replaced


def test_two_workers_retiring_finish_a_long_queue() -> None:
    with SpawnedPool(2, tasks_per_worker=3) as pool:
        futures = [pool.submit_call(abs, -i) for i in range(40)]
        assert [future.result(timeout=60) for future in futures] == list(range(40))


def test_a_pool_whose_worker_died_runs_the_next_tasks_in_a_fresh_one() -> None:
    # A worker killed (the OOM killer, a crash in C) broke the pool for good: every later
    # feed of the fetch failed and its final analysis ended `newstui fetch` in a traceback.
    with SpawnedPool(1) as pool:
        died = pool.submit_call(os._exit, 1)
        with pytest.raises(BrokenProcessPool):
            died.result(timeout=60)
        assert pool.submit_call(abs, -3).result(timeout=60) == 3


def test_a_wound_down_pool_finishes_its_tasks_and_starts_new_workers_for_later_ones() -> None:
    with SpawnedPool(1) as pool:
        first = pool.submit_call(os.getpid)
        pool.wind_down()  # not waited for: the worker exits once its task is done
        assert first.result(timeout=60) != os.getpid()
        later = pool.submit_call(os.getpid).result(timeout=60)
    assert later not in (first.result(), os.getpid())  # a new worker


def live_workers() -> set[int]:
    """This process's spawned workers that have not exited (zombies not counted): their pids."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == os.getpid() and stat[0] != "Z" and b"spawn_main" in cmdline:
            found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_a_retired_worker_is_gone_before_its_replacement_starts() -> None:
    # A task submitted while a retired worker was still exiting started its replacement at
    # once: two workers' memory for a moment (the 100,000-article fill's tree peak).
    most = 0
    stop = threading.Event()
    # Workers an earlier test of this process left exiting (an app's idle analysis worker)
    # are not this pool's: counted, they failed the test by what ran before it.
    earlier = live_workers()

    def watch() -> None:
        nonlocal most
        while not stop.is_set():
            most = max(most, len(live_workers() - earlier))
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with SpawnedPool(1, tasks_per_worker=1) as pool:
            pids = [pool.submit_call(os.getpid).result(timeout=60) for _ in range(8)]
    finally:
        stop.set()
        watcher.join()
    assert len(set(pids)) == 8 and most == 1


def test_a_result_larger_than_a_pipe_s_default_fits_in_the_pipe_that_brings_it_back() -> None:
    # A parsed feed (~70 KB) must not hold its worker until the busy parent reads it.
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("pipe sizes are Linux's")
    with SpawnedPool(1) as pool:
        assert pool.submit_call(bytes, 200_000).result(timeout=60) == bytes(200_000)
        writer = pool._executor._result_queue._writer  # type: ignore[union-attr]
        size = fcntl.fcntl(writer.fileno(), fcntl.F_GETPIPE_SZ)
    assert size >= RESULT_PIPE_BYTES > 200_000


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_workers_start_without_a_resource_tracker_process_and_leave_no_semaphore() -> None:
    # multiprocessing's resource tracker is a Python process of its own (12 MiB of a fill's
    # tree) that only unlinks semaphores after a kill -9; the pool unlinks its own at close.
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from newstui.spawned import SpawnedPool\n"
        "def children():\n"
        "    found = []\n"
        "    for entry in Path('/proc').iterdir():\n"
        "        try:\n"
        "            stat = (entry / 'stat').read_text()\n"
        "            command = (entry / 'cmdline').read_bytes()\n"
        "        except OSError:\n"
        "            continue\n"
        "        if entry.name.isdigit() and int(stat.rsplit(')', 1)[1].split()[1]) == os.getpid():\n"
        "            found.append(command.replace(b'\\0', b' ').decode())\n"
        "    return found\n"
        "with SpawnedPool(1) as pool:\n"
        "    assert pool.submit_call(abs, -3).result(timeout=60) == 3\n"
        "    names = [q._rlock._semlock.name for q in (pool._executor._call_queue,"
        " pool._executor._result_queue)]\n"
        "    print(repr(children()))\n"
        "print(repr(names))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    running, names = (ast.literal_eval(line) for line in done.stdout.splitlines())
    assert [c for c in running if "spawn_main" in c] and not [
        c for c in running if "resource_tracker" in c
    ]
    assert names and not [n for n in names if Path(f"/dev/shm/sem.{n.lstrip('/')}").exists()]
