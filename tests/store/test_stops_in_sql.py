"""SIGTERM and SIGHUP stop a save even when they arrive while SQLite runs one of newstui's Python
SQL functions (the articles' index reads every new text through them): SQLite turns what the
function raised into an SQL error, and a save that got over that error went on."""

from __future__ import annotations

import signal
from collections.abc import Callable

import pytest

from newstui.library import Library
from newstui.model import Article
from newstui.signals import Stopped, stop_on_signals

TEXT = "The harbour wall will be rebuilt before winter, the council said on Monday. " * 5


def stopping_index(monkeypatch: pytest.MonkeyPatch, signum: int, *, kept: bool) -> None:
    """The index's SQL function search_words raises `signum` at its first call. `kept`: inside
    the wrapper that keeps a stop (else as if the signal came at the function's first line,
    before any try)."""
    import newstui.store.sql_functions
    from newstui.store.search_fold import search_words

    calls: list[str] = []

    def apart(text: str) -> str:
        calls.append(text)
        if len(calls) == 1:
            signal.raise_signal(signum)  # its handler runs here, inside the SQL function
        return search_words(text)

    monkeypatch.setattr(newstui.store.sql_functions, "search_words", apart)
    if not kept:
        same: Callable[[object], object] = lambda function: function  # noqa: E731
        monkeypatch.setattr(newstui.store.sql_functions, "keeping_stops", same)


@pytest.mark.parametrize("kept", [True, False], ids=["kept", "at-entry"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stop_inside_the_index_of_a_group_of_feeds_stops_the_save(
    tmp_path, monkeypatch, signum, kept
):
    """The group's insert failed on the SQL error, and each feed was then saved alone: the
    fetch went on to its end (tests/test_worker_lifetime.py's [fetch-SIGHUP], 20 s late)."""
    stopping_index(monkeypatch, signum, kept=kept)  # (the functions a connection is given)
    library = Library.open(tmp_path / "n.db")
    feeds = [library.register_source(f"https://{n}.example/feed", n) for n in ("a", "b")]

    with pytest.raises(Stopped) as raised, stop_on_signals():
        library.save_batches(
            [
                (feed, [Article(f"{feed} {i}", TEXT, guid=f"{i}") for i in range(3)])
                for feed in feeds
            ]
        )

    assert raised.value.signum == signum
    monkeypatch.undo()
    assert library.count() == 0  # the transaction was rolled back whole
    library.close()


@pytest.mark.parametrize("kept", [True, False], ids=["kept", "at-entry"])
def test_ctrl_c_inside_the_index_of_a_group_of_feeds_stops_the_save(
    tmp_path, monkeypatch, kept, ctrl_c_raises
):
    """As SIGTERM above: Ctrl-C at the function's first line, before any try, was lost the
    same way (the handler noted SIGTERM's and SIGHUP's stop only): the group was saved feed by
    feed and the fetch went on."""
    stopping_index(monkeypatch, signal.SIGINT, kept=kept)
    library = Library.open(tmp_path / "n.db")
    feeds = [library.register_source(f"https://{n}.example/feed", n) for n in ("a", "b")]

    with pytest.raises(KeyboardInterrupt), stop_on_signals():
        library.save_batches(
            [
                (feed, [Article(f"{feed} {i}", TEXT, guid=f"{i}") for i in range(3)])
                for feed in feeds
            ]
        )

    monkeypatch.undo()
    assert library.count() == 0
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back
    library.close()
