"""SIGTERM and SIGHUP stop newstui even when they arrive while Python runs a finaliser."""

from __future__ import annotations

import gc
import signal
import sys
import time
import weakref

import pytest

from newstui.signals import Stopped, quiet_after_stop, stop_on_signals


class Thing:
    pass


def carry_on() -> None:
    """What the main thread does next (a signal cuts the sleep short: its handler runs)."""
    time.sleep(10)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stop_signal_arriving_in_a_weak_reference_callback_still_stops(signum):
    def callback(_: object) -> None:
        signal.raise_signal(signum)  # its handler runs here, inside the callback

    with pytest.raises(Stopped) as raised, stop_on_signals():
        thing = Thing()
        ref = weakref.ref(thing, callback)
        del thing  # the callback runs, and Python ignores what it raises
        assert ref() is None
        carry_on()
    stopped = raised.value
    assert stopped.signum == signum
    assert stopped.code == 128 + signum


def test_a_stop_signal_arriving_in_a_finaliser_still_stops():
    class Finalised:
        def __del__(self) -> None:
            signal.raise_signal(signal.SIGTERM)

    with pytest.raises(Stopped), stop_on_signals():
        Finalised()
        gc.collect()
        carry_on()


def test_other_ignored_exceptions_still_reach_the_previous_hook():
    seen = []

    def callback(_: object) -> None:
        raise ValueError("in a callback")

    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: seen.append(unraisable.exc_type)
    try:
        with stop_on_signals():
            thing = Thing()
            ref = weakref.ref(thing, callback)
            del thing
            assert ref() is None
    finally:
        sys.unraisablehook = previous
    assert seen == [ValueError]


def test_after_a_stop_a_half_built_objects_finaliser_prints_nothing(monkeypatch, capsys):
    """The stop cut an object's __init__ short; its finaliser fails at the exit (asyncio's
    transport: "Exception ignored in … no attribute '_closing'" after "stopped by SIGHUP")."""

    class HalfBuilt:
        def __del__(self) -> None:
            raise AttributeError("'HalfBuilt' object has no attribute '_closing'")

    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)
    quiet_after_stop()
    HalfBuilt()
    gc.collect()
    assert capsys.readouterr().err == ""


def test_the_previous_handlers_and_hook_come_back_after_the_block():
    hook = sys.unraisablehook
    handler = signal.getsignal(signal.SIGTERM)
    with stop_on_signals():
        assert signal.getsignal(signal.SIGTERM) is not handler
    assert signal.getsignal(signal.SIGTERM) is handler
    assert sys.unraisablehook is hook


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stop_lost_in_a_finaliser_as_the_block_ends_still_stops(signum):
    """The block ends at once after the lost stop, before the watching thread can send it
    again: the stop is raised as the block ends, not dropped (the command would exit 0)."""

    def callback(_: object) -> None:
        signal.raise_signal(signum)

    before = signal.getsignal(signum)
    for _ in range(20):
        with pytest.raises(Stopped) as raised, stop_on_signals():
            thing = Thing()
            ref = weakref.ref(thing, callback)
            del thing
        assert ref() is None
        assert raised.value.signum == signum
        assert signal.getsignal(signum) == before


def test_where_no_thread_can_start_the_exit_is_still_made_sure_of_by_an_alarm(monkeypatch):
    """Near `ulimit -v`, SIGTERM printed "RuntimeError: can't start new thread" over the app's
    terminal (user test r47 H1)."""
    import threading

    from newstui import signals

    def no_thread(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    handlers, timers, exits = {}, [], []
    monkeypatch.setattr(threading.Timer, "start", no_thread)
    monkeypatch.setattr(
        signal, "signal", lambda signum, handler: handlers.update({signum: handler})
    )
    monkeypatch.setattr(signal, "setitimer", lambda which, seconds: timers.append(seconds))
    monkeypatch.setattr(signals.os, "_exit", exits.append)

    signals.exit_within(10.0, 143)
    assert timers == [10.0]
    handlers[signal.SIGALRM](signal.SIGALRM, None)
    assert exits == [143]
