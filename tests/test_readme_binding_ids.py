"""The README's list of binding ids for `[keys]` names every id the app accepts, and no other."""

from __future__ import annotations

import re
from pathlib import Path

from newstui.tui.app_keys import all_binding_ids

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_lists_every_binding_id_and_no_other():
    text = README.read_text("utf-8")
    start = text.index("The binding ids:")
    end = text.index("An unknown binding id", start)
    listed = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", text[start:end]))
    assert listed == all_binding_ids()
