"""The hostile-input suite: crafted rows, configs, names and numbers; nothing touches the real user."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test here may read or write the real user's config or database."""
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
