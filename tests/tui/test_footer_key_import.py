"""The footer takes Textual's FooterKey from a private module (Textual exports no public name for
it): a Textual without it is one clear error naming what to install, not a bare import failure
of `textual.widgets._footer` after the first paint."""

from __future__ import annotations

import importlib
import sys

import pytest


def test_a_textual_without_its_footer_key_says_which_textual_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "textual.widgets._footer", None)  # as if it had gone
    monkeypatch.delitem(sys.modules, "newstui.tui.widgets.key_footer", raising=False)
    with pytest.raises(ImportError, match=r"needs Textual's FooterKey .* textual>=8\.0,<9"):
        importlib.import_module("newstui.tui.widgets.key_footer")


def test_the_pinned_textual_has_it():
    from textual.widget import Widget

    from newstui.tui.widgets.key_footer import FooterKey

    assert issubclass(FooterKey, Widget)
