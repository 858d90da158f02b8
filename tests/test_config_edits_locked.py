"""Two edits of feeds.toml at once keep both (review r39 CW1): the app's workers (`I` import,
`a` add, a removal) and a CLI `add` each read the file, change it and replace it; one that read
it before the other's write replaced it after, and the other's feeds were gone at the next
start. Each edit now holds the config's lock (this process's threads, and other processes by
flock on its folder)."""

from __future__ import annotations

import subprocess
import sys
import threading

import newstui.config as config
from newstui.config import FeedConfig, add_feeds, load_config, remove_source


def feed(name: str) -> FeedConfig:
    return FeedConfig(f"https://{name.lower()}.example/feed", name, (), "auto", named=True)


def test_an_edit_begun_while_another_writes_waits_for_it(tmp_path, monkeypatch):
    path = tmp_path / "feeds.toml"
    add_feeds(path, [feed("A")])
    write = config._write_config
    other = threading.Thread(target=add_feeds, args=(path, [feed("B")]))

    def slow_write(at, text):
        if not other.is_alive() and other.ident is None:
            other.start()  # `a` adds B while the import is about to write C
            other.join(1.0)  # (without the lock B is written here, then lost)
        write(at, text)

    monkeypatch.setattr(config, "_write_config", slow_write)
    add_feeds(path, [feed("C")])
    other.join()
    assert sorted(f.name for f in load_config(path).feeds) == ["A", "B", "C"]


def test_a_removal_and_an_add_at_once_keep_the_add(tmp_path, monkeypatch):
    path = tmp_path / "feeds.toml"
    add_feeds(path, [feed("A"), feed("B")])
    write = config._write_config
    other = threading.Thread(target=add_feeds, args=(path, [feed("D")]))

    def slow_write(at, text):
        if other.ident is None:
            other.start()
            other.join(1.0)
        write(at, text)

    monkeypatch.setattr(config, "_write_config", slow_write)
    remove_source(path, "A")
    other.join()
    assert sorted(f.name for f in load_config(path).feeds) == ["B", "D"]


def test_another_process_waits_for_the_lock(tmp_path):
    path = tmp_path / "feeds.toml"
    add_feeds(path, [feed("A")])
    script = (
        "import sys; from pathlib import Path; from newstui.config import FeedConfig, add_feeds;"
        "add_feeds(Path(sys.argv[1]), [FeedConfig('https://e.example/feed', 'E', (), 'auto',"
        " named=True)])"
    )
    with config._config_locked(path):
        child = subprocess.Popen([sys.executable, "-c", script, str(path)])
        try:
            child.wait(1.0)
            finished_early = True
        except subprocess.TimeoutExpired:
            finished_early = False
        assert not finished_early  # it waits for the lock this process holds
    assert child.wait(60) == 0
    assert sorted(f.name for f in load_config(path).feeds) == ["A", "E"]
