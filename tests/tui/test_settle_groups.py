"""settle() forgives a cancelled worker only in the groups the app runs exclusively: the set it
uses must be exactly the groups declared `exclusive=True` in the TUI's source."""

import re
from pathlib import Path

from .conftest import EXCLUSIVE_GROUPS

TUI = Path(__file__).resolve().parents[2] / "src" / "newstui" / "tui"
WORK = re.compile(r"@work\(([^)]*)\)")
GROUP = re.compile(r"group=\"([^\"]+)\"")


def test_settle_forgives_exactly_the_exclusive_groups():
    exclusive, other = set(), set()
    for path in TUI.rglob("*.py"):
        for arguments in WORK.findall(path.read_text("utf-8")):
            group = GROUP.search(arguments)
            assert group, f"{path.name}: a worker without a group: @work({arguments})"
            (exclusive if "exclusive=True" in arguments else other).add(group[1])
    assert exclusive == EXCLUSIVE_GROUPS
    assert not exclusive & other
