"""Hostile files at an import of newsboat's urls file (hostile r48): an `include` of a device,
a named pipe or a file too big, includes that fan out, and an OPML or urls file that is a device
are each one line naming the file and what it is; nothing waits for ever or fills the memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newstui.library import Library
from newstui.sources.bounded_files import read_bounded
from tests.test_cli import Cli


@pytest.fixture
def cli(db_path, tmp_path, capsys) -> Cli:
    Library.open(db_path).close()
    config = tmp_path / "feeds.toml"
    config.write_text("# my feeds\n[settings]\nfulltext = false\n", "utf-8")
    return Cli(db_path, config, capsys)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """newsboat's folder with one feed in its urls file and an empty config."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    home = tmp_path / ".newsboat"
    home.mkdir()
    (home / "urls").write_text('https://world.example/rss "~Desk"\n', "utf-8")
    (home / "config").write_text("", "utf-8")
    return home


def test_an_include_of_a_device_or_a_named_pipe_is_one_warning_and_the_rest_is_read(cli, home):
    """`include zero` (a link to /dev/zero) read until memory ran out (MemoryError, a
    traceback); a named pipe nobody writes to waited for ever."""
    (home / "zero").symlink_to("/dev/zero")
    os.mkfifo(home / "pipe")
    (home / "config").write_text(
        'include "zero"\ninclude "pipe"\nignore-article "*" "title =~ \\"Ad\\""\n', "utf-8"
    )
    data = cli.json("opml", "import", str(home / "urls"))
    warnings = data["newsboat_settings"]["warnings"]
    assert (
        f"{home / 'config'}:1: include 'zero': not a regular file (a character device); its "
        "rules and settings not read"
    ) in warnings
    assert (
        f"{home / 'config'}:2: include 'pipe': not a regular file (a named pipe); its rules "
        "and settings not read"
    ) in warnings
    assert [f["query"] for f in data["filters"]] == ['title:"Ad*"']
    assert len(data["added"]) == 1


def test_an_included_file_larger_than_a_config_is_not_read(cli, home, monkeypatch):
    monkeypatch.setattr("newstui.sources.newsboat_config.SETTINGS_FILE_BYTES", 1000)
    (home / "big").write_text("# filler\n" * 200, "utf-8")
    (home / "config").write_text('include "big"\n', "utf-8")
    data = cli.json("opml", "import", str(home / "urls"))
    assert data["newsboat_settings"]["warnings"] == [
        f"{home / 'config'}:1: include 'big': larger than 1,000 bytes; its rules and settings "
        "not read"
    ]


def test_includes_that_fan_out_read_each_file_once(cli, home):
    """Each of 7 files included 4 times by the one before it was read once for every path to
    it: 4^6 reads here, and 8 includes a file 16 deep never ended."""
    for n in range(6):
        (home / f"f{n}").write_text(f'include "f{n + 1}"\n' * 4, "utf-8")
    (home / "f6").write_text('ignore-article "*" "title =~ \\"Deep\\""\n', "utf-8")
    (home / "config").write_text('include "f0"\ninclude "f3"\n', "utf-8")
    data = cli.json("opml", "import", str(home / "urls"))
    assert data["newsboat_settings"]["included"] == [str(home / f"f{n}") for n in range(7)]
    assert data["newsboat_settings"]["warnings"] == []
    assert [f["query"] for f in data["filters"]] == ['title:"Deep*"']


def test_newsboat_s_config_that_is_a_device_is_not_read(cli, home):
    (home / "config").unlink()
    (home / "config").symlink_to("/dev/zero")
    assert cli("opml", "import", str(home / "urls")) == 0
    assert "1 feed in" in cli.err + cli.out


@pytest.mark.parametrize("kind", ["device", "pipe", "folder"])
def test_an_opml_or_urls_file_that_is_no_file_is_one_line(cli, tmp_path, kind):
    path = tmp_path / "subscriptions.opml"
    if kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        path.mkdir()
    what = {"device": "a character device", "pipe": "a named pipe", "folder": "a folder"}[kind]
    assert cli("opml", "import", str(path)) == 1
    assert cli.err == f"newstui: {path}: cannot read: not a regular file ({what})\n"


def test_a_bounded_read_refuses_a_file_past_its_limit_and_reads_one_at_it(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100
    with pytest.raises(OSError, match="larger than 99 bytes"):
        read_bounded(path, 99)


def test_an_include_naming_a_nul_is_one_warning(cli, home):
    """realpath's ValueError ('embedded null byte') ended the import in a traceback."""
    (home / "config").write_text('include "kill\0file"\nmax-items 10\n', "utf-8")
    data = cli.json("opml", "import", str(home / "urls"))
    assert data["newsboat_settings"]["warnings"] == [
        f"{home / 'config'}:1: include 'killfile': not a file name (a NUL in it); not read"
    ]
