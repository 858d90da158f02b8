"""How many worker processes a fetch starts: cores less the fetching process's own, within memory."""

import os

from newstui.processes import WORKER_MEMORY, available_memory, fetch_workers

PLENTY = 64 * 2**30


def test_a_fetch_leaves_one_core_to_the_process_that_downloads_and_stores():
    assert fetch_workers(2, PLENTY) == 1
    assert fetch_workers(4, PLENTY) == 3
    assert fetch_workers(1, PLENTY) == 1


def test_a_fetch_starts_only_the_workers_the_available_memory_holds():
    assert fetch_workers(8, 3 * WORKER_MEMORY + 1) == 3
    assert fetch_workers(8, WORKER_MEMORY // 2) == 1  # always one


def test_the_available_memory_is_read_from_the_system():
    available = available_memory()
    assert available is None or available > 0
    assert 1 <= fetch_workers() <= max(1, (os.cpu_count() or 1) - 1)
