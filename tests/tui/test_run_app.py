"""`run_app` refuses to start the full-screen app without a terminal."""

from __future__ import annotations

import io

import pytest

from newstui.errors import NewstuiError
from newstui.tui.app import run_app


def test_the_app_needs_a_terminal(db_path, monkeypatch):
    monkeypatch.setattr("sys.stdout", io.StringIO())
    with pytest.raises(NewstuiError, match="needs a terminal"):
        run_app(db_path, None, demo=True)
