"""Sources' counts asked for many times in a row (a mark each key of a held `n`) are read at
most once every gap, the requests meanwhile answered by the next read, and what the last
request changed is always read."""

from __future__ import annotations

import pytest

from newstui.tui.reload_gate import ReloadGate


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_first_request_reads_at_once_and_those_after_it_wait_for_one_read():
    clock = Clock()
    gate = ReloadGate(0.25, clock)
    assert gate.ask() is True and gate.wait() == 0.0  # none ran: read now
    gate.reading()
    assert gate.done() is False  # nothing asked meanwhile: it ends

    clock.now += 0.05  # the next key's mark
    assert gate.ask() is True
    assert gate.wait() == pytest.approx(0.2)  # 0.25 after the last read started
    assert [gate.ask() for _ in range(5)] == [False] * 5  # the marks during the wait
    clock.now += 0.2
    gate.reading()  # one read answers all six
    assert gate.done() is False
    assert gate.ask() is True  # the next mark starts a reload of its own


def test_a_request_during_a_read_is_read_again_after_the_gap():
    clock = Clock()
    gate = ReloadGate(0.25, clock)
    gate.ask()
    gate.reading()
    clock.now += 0.1
    assert gate.ask() is False  # the read may have read the store before this mark
    assert gate.done() is True  # so it reads again
    assert gate.wait() == pytest.approx(0.15)
    gate.reading()
    assert gate.done() is False


def test_a_reload_that_failed_lets_the_next_request_start_one():
    gate = ReloadGate(0.25, Clock())
    gate.ask()
    gate.reading()
    gate.ask()
    gate.failed()
    assert gate.ask() is True
