"""glibc's malloc keeps to a few arenas, so the app's address space is not 8 × 64 MB reserved
per core for ~70 MB used (user test r47 H1: under `ulimit -v 600000` a search failed)."""

from __future__ import annotations

import os

import pytest

from newstui.malloc_arenas import limit_malloc_arenas

ON_GLIBC = (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")


@pytest.mark.skipif(not ON_GLIBC, reason="glibc's malloc only")
def test_the_arenas_are_limited_unless_malloc_arena_max_says_otherwise(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert limit_malloc_arenas() is True
    monkeypatch.setenv("MALLOC_ARENA_MAX", "8")  # the user's own (glibc read it at start)
    assert limit_malloc_arenas() is False
