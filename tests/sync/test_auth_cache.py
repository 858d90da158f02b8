"""The sync token cache beside the database: readable by its owner alone, replaced whole through a
temporary file of its own name (a fixed `.tmp` name was written through whatever lay there)."""

from __future__ import annotations

import stat
from pathlib import Path

from newstui.sync.credentials import AuthCache, auth_cache_for


def test_tokens_are_kept_forgotten_and_readable_by_their_owner_alone(tmp_path: Path) -> None:
    cache = auth_cache_for(tmp_path / "n.db")

    cache.put("https://s.example alice", "token-a")
    cache.put("https://s.example bob", "token-b")
    cache.put("https://s.example alice", None)

    assert cache.get("https://s.example alice") is None
    assert cache.get("https://s.example bob") == "token-b"
    written = tmp_path / "n.db.sync-auth"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.db.sync-auth"]


def test_a_link_at_the_old_temporary_name_is_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / "n.db.sync-auth.tmp").symlink_to(elsewhere)
    cache = auth_cache_for(tmp_path / "n.db")

    cache.put("https://s.example alice", "token-a")

    assert cache.get("https://s.example alice") == "token-a"
    assert not elsewhere.exists()


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    cache = AuthCache(tmp_path / "gone" / "n.db.sync-auth")

    cache.put("https://s.example alice", "token-a")  # (no error: the sync goes on)

    assert cache.get("https://s.example alice") is None
    assert not (tmp_path / "gone").exists()
