"""Two edits of feeds.toml at once keep both (review r39 CW1): the app's workers (`I` import,
`a` add, a removal) and a CLI `add` each read the file, change it and replace it; one that read
it before the other's write replaced it after, and the other's feeds were gone at the next
start. Each edit now holds the config's lock from its read to its write: this process's lock,
and flock on the config's folder against other processes. The tests look at the lock itself
while an edit writes (review r39 TQ1: a test waiting a second for another thread or process
passed without the lock on a loaded machine)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newstui.config import FeedConfig, edit_lock, load_config, query_edits, removal, source_edits
from newstui.config.example import ensure_config
from newstui.config.query_edits import add_hide_filters, add_view
from newstui.config.removal import remove_source, remove_view
from newstui.config.source_edits import add_feed_tags, add_feeds

fcntl = pytest.importorskip("fcntl")


def feed(name: str, tags: tuple[str, ...] = ()) -> FeedConfig:
    return FeedConfig(f"https://{name.lower()}.example/feed", name, tags, "auto", named=True)


def folder_locked(path) -> bool:
    """Whether another open of the config's folder finds it flock-ed (as another process would)."""
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


@pytest.mark.parametrize(
    ("edit", "module"),
    [
        (lambda p: add_feeds(p, [feed("N")]), source_edits),
        (lambda p: add_feed_tags(p, [feed("A", ("world",))]), source_edits),
        (lambda p: add_view(p, "Storms", "storm"), query_edits),
        (lambda p: add_hide_filters(p, [("No ads", "sponsored")]), query_edits),
        (lambda p: remove_source(p, "A"), removal),
        (lambda p: remove_view(p, "V"), removal),
    ],
    ids=[
        "add_feeds",
        "add_feed_tags",
        "add_view",
        "add_hide_filters",
        "remove_source",
        "remove_view",
    ],
)
def test_every_edit_writes_under_both_locks(tmp_path, monkeypatch, edit, module):
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[[feeds]]\nname = "A"\nurl = "https://a.example/feed"\n\n'
        "[[views]]\nname = \"V\"\nquery = 'x'\n",
        "utf-8",
    )
    seen: list[tuple[bool, bool]] = []
    write = module.write_config  # (where the edit looks it up)

    def watched(at, text):
        seen.append((edit_lock._EDITING.locked(), folder_locked(at)))
        write(at, text)

    monkeypatch.setattr(module, "write_config", watched)
    edit(path)
    assert seen == [(True, True)]
    assert not edit_lock._EDITING.locked() and not folder_locked(path)  # (released after)


def test_another_process_is_kept_out_while_an_edit_holds_the_lock(tmp_path):
    path = tmp_path / "feeds.toml"
    ensure_config(path)
    probe = (
        "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY)\n"
        "try:\n fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB); print('free')\n"
        "except BlockingIOError:\n print('held')\n"
    )
    with edit_lock.config_locked(path):
        inside = subprocess.run(
            [sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True
        )
    after = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True
    )
    assert (inside.stdout.strip(), after.stdout.strip()) == ("held", "free")
    add_feeds(path, [feed("E")])
    assert [f.name for f in load_config(path).feeds] == ["E"]
