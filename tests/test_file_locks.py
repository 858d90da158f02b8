"""Marks held as flocks on files beside the store (file_locks): a mark its holder removes as it
lets go is never won by a waiter on the file nobody can find any more (review r55 L5)."""

from __future__ import annotations

import threading

import pytest

from newstui.file_locks import flock_held, flock_held_elsewhere

fcntl = pytest.importorskip("fcntl", reason="the marks are flocks")


def test_a_waiter_for_a_removed_mark_holds_the_file_others_look_at(tmp_path):
    path = str(tmp_path / "store.db.adding-x")
    first_holds, second_holds, second_may_go = (
        threading.Event(),
        threading.Event(),
        threading.Event(),
    )

    def second() -> None:
        first_holds.wait(10)
        with flock_held(path, shared=False, remove=True):  # waits for the first
            second_holds.set()
            second_may_go.wait(10)

    waiter = threading.Thread(target=second)
    waiter.start()
    try:
        with flock_held(path, shared=False, remove=True):
            first_holds.set()
            # let the second reach its blocking flock on the file about to be removed
            waiter.join(0.3)
        assert second_holds.wait(10)
        # the second's lock is on the file at `path`, so a look there sees it held
        assert flock_held_elsewhere(path) is True
    finally:
        second_may_go.set()
        waiter.join(10)
    assert flock_held_elsewhere(path) is False
