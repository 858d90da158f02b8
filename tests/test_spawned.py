"""Worker pools keep working when their workers retire after their task limit."""

from __future__ import annotations

import os

from newstui.spawned import SpawnedPool


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
